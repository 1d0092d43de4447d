/**
 * Which documents are plans, through the command line (detection `auto`): a document that mentions a
 * partner program as one concern among its own is not linted as one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonOutput, runCli } from './helpers.js';

/** A sales compensation plan for the direct team, with one section on deals that involve partners. */
const COMP_PLAN = `# FY2028 Account Executive Compensation Plan

Applies to every quota-carrying account executive from 1 February.

## Purpose

This plan sets out how account executives are paid for new business. It replaces last year's plan in full. Your quota and territory are in your acceptance letter.

## On-target earnings

- Mid-market AEs: 50% base, 50% variable.
- Enterprise AEs: 55% base, 45% variable.
- Variable pay is earned on new ACV in your territory.

## Commission rates

Commission is paid on new ACV at the rate for your attainment band when the deal books. Below half of quota the rate is 6%. Up to full quota it is 10%. Above quota it is 14%. Multi-year deals earn commission on the first year only. Deals booked at more than 25% off list need deal desk approval.

## Deals involving partners

Resellers and referral partners are run by the partnerships team under their own documents. If a partner registered the deal before your first meeting, you receive full quota credit. Referral fees and reseller discounts are never deducted from your commission.

## SPIFFs

- Q1: $1,000 for each new logo in logistics above $40k ACV.
- Q3: $500 for each deal with the data-quality add-on.

## Payment

Commission is paid monthly, in the month after the customer pays. Clawbacks apply when a customer cancels within 90 days. Disputes go to your sales director within 30 days of the statement.

## Leavers

Commission on deals booked before your last day is paid on the normal schedule. Nothing is paid on deals booked after it.
`;

async function lintJson(markdown: string) {
  const run = await runCli(['--stdin', '--stdin-filename', 'docs/comp.md', '--format', 'json'], { input: markdown });
  assert.notEqual(run.code, 2, run.stderr);
  return parseJsonOutput(run)[0];
}

test('a sales compensation plan with one section on partner deals is not taken for a partner plan', async () => {
  const r = await lintJson(COMP_PLAN);
  assert.equal(r.isPlan, false);
  assert.deepEqual(r.findings, []);
});

test('the same headings, with partners spoken of throughout, are a plan', async () => {
  const partnered = COMP_PLAN.replace(/account executives?|AEs/g, 'reseller partners').replace(/your sales director/g, 'the partner manager');
  const r = await lintJson(partnered);
  assert.equal(r.isPlan, true);
  assert.ok(r.findings.length > 0, 'the plan is linted');
});

test('documents of other kinds that talk about partners are not plans: a job description, a hiring-referral policy, a podcast write-up, a supplier policy', async () => {
  const docs: Record<string, string> = {
    job: '# Senior Partner Manager, Channel\n\n**Location:** remote · **Team:** Partners\n\n## What you\'ll do\n\n- Recruit and enable reseller partners in the region.\n- Run quarterly business reviews with your top partners and grow partner-sourced pipeline.\n- Negotiate margins and deal registration terms with new partners.\n\n## What you\'ll bring\n\n- Five years of channel sales experience with resellers and MSPs.\n\n## Compensation and benefits\n\n- Base salary of €85,000-€105,000 and a commission plan on partner-sourced revenue.\n',
    referral: '# Employee Referral Program Policy\n\n## Who can refer\n\nEvery employee can refer candidates for open roles, except recruiters.\n\n## Referral bonus tiers\n\n| Tier | Bonus |\n|---|---|\n| Standard roles | $1,000 |\n| Senior roles | $3,000 |\n\n## When the bonus is paid\n\nThe bonus is paid through payroll once the new hire passes their probation period. Duplicate referrals go to the first referrer; the hiring manager decides disputes.\n',
    podcast: '# The Channel Hour, Episode 42: Why reseller programs stall\n\n**Guest:** a former VP Channel · **Host:** Ben\n\n## Key takeaways\n\n- Most reseller programs start too early: partners amplify a sales motion, they do not invent one.\n- Pick one partner type; programs that launch referral partners, resellers and alliances at once stall.\n- Deal registration without an approval SLA teaches partners that registering protects nothing.\n- Margins of 40% rarely survive the first renewal.\n\n## Timestamps\n\n- 03:10 Why programs stall\n',
    supplier: '# Supplier and Vendor Management Policy\n\n## Supplier tiers\n\nStrategic suppliers and preferred partners get a named owner in procurement. Tier 2 vendors are reviewed yearly.\n\n## Choosing a supplier\n\nEvery purchase above $25,000 needs three quotes, due diligence and a purchase order approved by procurement.\n\n## Conflicts of interest and gifts\n\nEmployees may not accept gifts from partners or suppliers above $50.\n',
  };
  for (const [name, markdown] of Object.entries(docs)) {
    const r = await lintJson(markdown);
    assert.equal(r.isPlan, false, name);
    assert.deepEqual(r.findings, [], name);
  }
});

test("a reseller agreement (the contract itself) is not a program document; a program's terms-and-conduct page is a policy", async () => {
  const contract = await lintJson(
    '# Value-Added Reseller Agreement\n\nThis Value-Added Reseller Agreement (the "Agreement") is made between Acme Ltd ("Acme") and the company named in the Order Form ("Reseller").\n\n## 1. Definitions\n\n1.1 "Products" means the Acme products listed in Schedule A.\n\n1.2 "Registered Opportunity" means an opportunity registered by Reseller and accepted by Acme under clause 5.\n\n## 2. Appointment\n\nAcme appoints Reseller as a non-exclusive reseller of the Products. Reseller shall purchase Products at list price less the discount in Schedule B.\n\n## 5. Opportunity registration\n\nReseller may register an opportunity in the partner portal. Acme shall accept or reject each registration in its reasonable discretion.\n\n## 9. Governing law\n\nThis Agreement is governed by the laws of England. Neither party may assign this Agreement without consent.\n',
  );
  assert.equal(contract.isPlan, false);
  assert.deepEqual(contract.findings, []);
  const terms = await lintJson(
    '# Referral Partner Terms and Conduct\n\n## 1. Definitions\n\n"Referred Customer" means a customer introduced by the partner and accepted by us.\n\n## 2. Referral fees\n\nThe partner earns a referral fee of eight percent (8%) of first-year net revenue from each Referred Customer, paid quarterly by bank transfer with a statement.\n\n## 3. Registration\n\nPartners register each referral in the portal. We accept or decline within two business days. A registration is valid for 90 days; if two partners register the same customer, the first accepted registration wins.\n\n## 6. Termination\n\nEither side may end the partnership on 30 days\' notice. On termination we pay fees earned under clause 2. Limitation of liability applies as set out in the partner agreement.\n',
  );
  assert.equal(terms.isPlan, true);
  assert.equal(terms.kind, 'policy');
});

test('a software product page and a press release that speak of partners are not program documents; an MDF policy titled as such is', async () => {
  const product = await lintJson(
    '# Run your whole partner program from one place\n\nAcmePRM is the partner relationship management platform built for B2B SaaS channel teams. Onboard partners, register deals and pay commissions.\n\n[Book a demo](https://example.com/demo)\n\n## Trusted by channel teams at 400+ software companies\n\n> "Deal registration used to take a week. Now partners get an answer the same day." — Director of Channel\n\n## Deal registration\n\nPartners register opportunities in a form you design; SLA timers escalate any registration not answered within the turnaround you set.\n\n## Tiers and commissions\n\nModel any tier structure and pay partners their margin or referral fee automatically.\n\n## Integrations\n\nNative integrations with Salesforce and HubSpot.\n\n## Pricing\n\nGrowth plan: $40 per user per month, billed annually.\n',
  );
  assert.equal(product.isPlan, false);
  assert.deepEqual(product.findings, []);
  const release = await lintJson(
    '# Acme Joins the Google Cloud Partner Program and Launches on Google Cloud Marketplace\n\n**LONDON, 3 June 2025** — Acme, the data-privacy platform, today announced that it has joined the Google Cloud partner program and is now available on Google Cloud Marketplace.\n\nAcme also announced a strategic alliance with Brightline Consulting, a systems integrator that will train 200 consultants and resell Acme to joint customers. Partners earn a 20% margin on resale.\n\n"Partners are how we reach regulated enterprises," said Jane Doe, CEO of Acme.\n\n## About Acme\n\nAcme finds personal data across cloud warehouses.\n\n## Media contact\n\npress@acme.example\n',
  );
  assert.equal(release.isPlan, false);
  assert.deepEqual(release.findings, []);
  const mdf = await lintJson(
    '# Acme Co-Marketing Funds Policy\n\n**Applies to:** Silver and Gold resellers in the Acme partner program.\n\n## 1. How funds accrue\n\n| Level | Accrual |\n|---|---|\n| Silver | 1.5% of partner-generated revenue |\n| Gold | 3% of partner-generated revenue |\n\n## 2. Before you spend\n\nSend a campaign plan to your partner manager for approval before you spend.\n\n## 3. Claiming reimbursement\n\nClaim within 60 days of the activity with proof of execution; we reimburse within 30 days.\n',
  );
  assert.equal(mdf.isPlan, true);
  assert.equal(mdf.kind, 'policy');
});

test("a founder's investor update with a partnerships paragraph is not a program document", async () => {
  const update = await lintJson(
    "# Northwind Health — investor update, June\n\nHi all,\n\nBest month of new bookings so far, and one ask at the bottom.\n\n## Highlights\n\n- New ARR of $412k in June, taking total ARR to $9.7M.\n- Gross burn down to $610k a month; runway is 26 months.\n\n## Partnerships\n\nOur first reseller, a regional IT firm, closed two hospitals this month at a 35% margin. We're signing two more resellers in Q3 and will add deal registration before then.\n\n## Asks\n\nIf you know anyone running digital at an NHS trust, an intro to them would help.\n",
  );
  assert.equal(update.isPlan, false);
  assert.deepEqual(update.findings, []);
  // The same partnerships paragraph in a partner plan is judged.
  const plan = await lintJson(
    '# Northwind Health reseller plan\n\n## Partnerships\n\nOur first reseller, a regional IT firm, closed two hospitals this month at a 35% margin. We are signing two more resellers in Q3 and will add deal registration before then.\n\n## Deal registration\n\nResellers register each hospital in the portal.\n',
  );
  assert.equal(plan.isPlan, true);
});

test("an agency's page selling affiliate and partner marketing to client brands is not a program document", async () => {
  const agency = await lintJson(
    "# Partnership Marketing | Foxhall & Reed\n\nFoxhall & Reed is a growth marketing agency for consumer brands. Our partnership team helps brands grow through affiliates, creators and other brands.\n\n## Our partnership marketing services\n\n### Affiliate program management\n\nWe set up or take over your affiliate program, recruit publishers, write briefs and manage payouts and reporting.\n\n### Creator and influencer partnerships\n\nWe find creators whose audiences match your customers and run their campaigns and affiliate links.\n\n## Pricing tiers\n\n| Tier | Monthly retainer |\n|---|---|\n| Launch | £4,500 |\n| Grow | £8,000 |\n\n## Results for clients\n\n- Loamwell: affiliate revenue up 3.4x in 12 months.\n\n## Talk to us\n\nBook a 30-minute call with our Head of Partnerships.\n",
  );
  assert.equal(agency.isPlan, false);
  assert.deepEqual(agency.findings, []);
  // A brand's own affiliate program is still read as one (and left to the out-of-scope rule).
  const own = await lintJson(
    '# Loamwell affiliate program\n\nAffiliates and creators earn 10% of each first order they send us. Affiliates join through our affiliate network; creators apply on our site.\n\n## Payouts\n\nAffiliate commissions are paid monthly.\n',
  );
  assert.equal(own.isPlan, true);
});

test("a CRM runbook about partner fields and an agency's page about through-channel marketing are not program documents", async () => {
  const runbook = await lintJson(
    '# Runbook: partner fields in Salesforce\n\n**Team:** Revenue Operations\n\nUse this runbook when a partner field is wrong on a record. Policy questions (who gets credit, how long a registration lasts) go to the partnerships team.\n\n## Fields on Opportunity\n\n- Partner Account: the reseller or referral partner on the deal.\n- Registration Status: Submitted, Approved, Rejected, Expired.\n\n## Fields on Account\n\n- Partner Tier: Silver, Gold or Platinum.\n\n## Flows\n\n### Deal registration approval flow\n\nWhen the partner manager approves a registration, the flow stamps the approval date and notifies the partner.\n\n### Expiry subflow\n\nA nightly job sets expired registrations to Expired.\n\n## Common tickets\n\n- A partner says its registration is missing: check the partner portal sync log.\n\n## Adding a picklist value\n\nRaise a change request with the partnerships team.\n',
  );
  assert.equal(runbook.isPlan, false);
  assert.deepEqual(runbook.findings, []);
  const agency = await lintJson(
    '# Hartley Row: Partner Marketing Services\n\nHartley Row is a 14-person agency in Leeds. We run through-channel marketing for software vendors and the resellers and MSPs that sell their products.\n\n## What we do\n\n### MDF campaign delivery\n\nWe plan and run campaigns paid from your partners\' MDF, and file the claims with proof of execution.\n\n### Partner portal content\n\nWe write the playbooks and battlecards your resellers find in your partner portal.\n\n## Fees\n\n| Service | Fee |\n|---|---|\n| Monthly retainer | from $6,000 per month |\n\n## What clients say\n\n> "They turned our partners\' unused MDF into 60 meetings." — Director of Channel Marketing\n\n## Contact\n\nhello@hartleyrow.example\n',
  );
  assert.equal(agency.isPlan, false);
  assert.deepEqual(agency.findings, []);
});

test('an event agenda is not a program document; an MSP security plan that speaks of incidents and tickets, and an OEM pilot, are plans', async () => {
  const agenda = await lintJson(
    "# Northway Partner Summit 2026: agenda\n\n**Venue:** The Assembly Rooms, Edinburgh\n**Who it's for:** Northway resellers and referral partners\n\nRegistration for the summit closes on 21 August.\n\n## Day 1\n\n| Time | Session | Room |\n|---|---|---|\n| 09:00 | Keynote: the partner program in 2027 | Main hall |\n| 11:00 | Breakout: deal registration and MDF claims | Room 2 |\n\n## Partner awards\n\nAwards dinner for the top resellers by margin earned.\n\n## Travel and hotel\n\nBook the partner rate at the venue hotel.\n\n## Dress code\n\nSmart casual.\n",
  );
  assert.equal(agenda.isPlan, false);
  assert.deepEqual(agenda.findings, []);
  const msp = await lintJson(
    '# Moorline MSP program FY27\n\nMSPs resell our managed detection service at 20% off list and run first-line support for their clients.\n\n## Support and incidents\n\nMSPs open support tickets for P1 incidents; our first response time is 30 minutes.\n\n## Tiers\n\n| Tier | Entry criteria | Benefits |\n|---|---|---|\n| Silver | Signed agreement, 1 certified engineer | 20% margin |\n| Gold | 10 clients, 3 certified engineers | 25% margin, MDF |\n\n## Deal registration\n\nMSPs register each new client; we approve within one business day.\n',
  );
  assert.equal(msp.isPlan, true);
  const oem = await lintJson(
    '# Cargoline embedded (OEM) partner pilot\n\nTransport software vendors want to embed our engine in their own products and sell it to their shippers.\n\n## The pilot\n\nThree OEM partners for 120 days, each paying us 25% of what their shippers pay for the add-on.\n\n## Choosing partners\n\nA vendor qualifies when at least 30 of its shippers fit our ICP.\n',
  );
  assert.equal(oem.isPlan, true);
  assert.deepEqual(oem.archetypes, ['technology']);
});
