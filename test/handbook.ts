/**
 * A small partner handbook for the tests of programs that span documents: an
 * overview linking to a deal-registration page (which links back: a cycle), an
 * MDF page and a pricing page that does not exist; a referral guide whose only
 * word on deal registration is a link that does not name it.
 */

/** A partner guide for resellers: a 20% margin, links to the policies; its own text does not describe deal registration. */
export const OVERVIEW = `# Reseller Partner Guide

Welcome to the Acme reseller program. As a reseller you buy Acme Sync licences
at a discount and resell them to your customers, keeping a 20% margin on every
sale. Resellers run the implementation and give first-line support.

## How the program works

You sign a reseller agreement, complete the sales training and start selling.
Your partner manager helps you with your first deals and joins customer calls.

## Policies

- [Deal registration](deal-registration.md)
- [MDF](mdf.md#claims)
- [Pricing](pricing.md)
`;

/** The deal-registration policy: SLA, expiry, conflicts; it links back to the overview (a cycle). */
export const DEAL_REGISTRATION = `# Deal registration policy

Resellers register each opportunity in the partner portal before the first
customer meeting. Back to the [partner guide](overview.md).

## Approval

We approve or decline every registration within 2 business days.

## Expiry

An approved registration is valid for 90 days and can be extended once by 30 days.

## Conflicts

When two partners register the same account, the first approved registration
wins; disputes go to the channel manager.
`;

export const MDF = `# MDF policy

Resellers earn market development funds of 3% of their partner-generated revenue.

## Claims

Submit a marketing plan for pre-approval, run the campaign, then claim
reimbursement with invoices and proof of execution within 60 days.
`;

/** A referral guide whose only word on deal registration is a link that does not name it. */
export const REFERRAL_GUIDE = `# Referral partner guide

Refer customers to Acme and earn a 15% referral fee on the first year of every
referred deal. Referral partners introduce us to their clients and we run the sale.

Before you introduce a client, read [how to claim a deal](./deal-registration.md#approval)
so that the referral is yours.
`;

export const UNRELATED_NOTE = `# Office notes

The office is closed on the 24th. Bring your badge on the 27th.
`;

export const DEAL_REG_RULES = ['deal-reg-missing', 'deal-reg-sla', 'deal-reg-expiry', 'deal-reg-conflicts'];
