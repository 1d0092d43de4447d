import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { appendToSectionFix } from '../core/fixes.js';
import { sectionAnchor } from './util.js';

const BUY_DISCOUNT = /\b(?:resale|reseller|trade|wholesale|buy(?:ing)?|partner) discounts?\b|\bdiscounts?\b[^.;]{0,30}\b(?:off|from|on) (?:the )?(?:list|MSRP|RRP|suggested retail)|\b(?:off|below) (?:the )?(?:list|MSRP|RRP)(?: price)?\b|\bbuy(?:s|ing)? (?:\w+ ){0,3}at\b[^.;]{0,30}\b(?:discount|off)\b/i;
const PAID_LATER = /\b(?:commissions?|fees?|rebates?|back-?end|paid|pays?|payouts?|bonus\w*|spiffs?)\b/i;

export default defineRule({
  meta: {
    id: 'commission-ops',
    title: 'Partner payout operations',
    topic: 'economics',
    description: 'Partner payouts have a reconciliation and payout cadence or statements partners can see; not paid by cheque.',
    defaultSeverity: 'warning',
    category: 'economics',
    options: z.object({}).strict().default({}),
    fixable: true,
    docs: {
      why: 'Partners need to know when a deal closed, what it closed for and when they get paid. Opaque or late payouts are a quiet reason partners drift away. Monthly reconciliation and quarterly payout by transfer is the norm.',
      fires: 'Commissions, fees or margins are paid and the plan gives neither a reconciliation or payout cadence nor statements the partner can see (on the heading of the section with the payout). As information, on payment by cheque or check.',
      doesNotFire: '"Reconciled monthly and paid quarterly by ACH", "with a line-by-line statement"; a reseller discount off list taken when the partner buys, with nothing paid out later.',
      fix: 'State the cadence and the statement: reconcile monthly, pay quarterly by bank transfer, with a statement per deal.',
      example: '## Money\n\nReferral partners get 12% of what the customer pays in year one.\n',
    },
  },
  check({ plan, evidence, report }) {
    // A discount the reseller takes when it buys is kept at the sale: nothing is paid out later to reconcile.
    const paidLater = (text: string) => !BUY_DISCOUNT.test(text) || PAID_LATER.test(text);
    const all = evidence.payouts.filter((p) => !(p.archetypes.length && p.archetypes.every((a) => a === 'strategic')));
    const sections = new Set(all.map((p) => p.sentence.section));
    const anyPaidLater = all.some((p) => paidLater(p.sentence.text)) || [...sections].some((sec) => !!sec && sec.allSentences().some((x) => PAID_LATER.test(x.text)));
    const payouts = anyPaidLater ? all : [];
    if (payouts.length && !evidence.payoutOps) {
      // Anchored at a payout that is paid out later (a fee), not a discount kept at the sale.
      const first = payouts.find((p) => paidLater(p.sentence.text)) ?? payouts[0];
      const section = first.sentence.section?.heading && first.sentence.section !== plan.titleUnit?.section ? first.sentence.section : null;
      report({
        message: 'Payouts have no reconciliation or payout cadence and no statement for partners.',
        at: sectionAnchor(plan, section, first.sentence, 'economics'),
        fixes: section ? [appendToSectionFix(plan, section, 'Payouts are reconciled {{1:how often}} and paid {{2:how often}} by {{3:how}}, with a statement listing every deal.', 'Add payout cadence and statements', false)] : [],
      });
    }
    for (const s of evidence.chequePayments)
      report({ message: 'Paying partners by cheque is slow and opaque; pay by bank transfer (ACH or wire).', at: plan.sentenceSpan(s), info: true });
  },
});
