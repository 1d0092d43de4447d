/**
 * Fixture cases per rule: documents that must fire the rule (on the given lines) and
 * documents that must not. Lines count from the first line of the text, front matter included.
 */
export interface FireCase {
  name: string;
  text: string;
  /** Expected lines of the rule's findings, in order, counted from the first line after the front matter and its blank line (1-based). */
  lines: number[];
  /** Expected severities, when the info variant matters. */
  severities?: string[];
}
export interface PassCase {
  name: string;
  text: string;
}
export interface RuleCases {
  fires: FireCase[];
  passes: PassCase[];
}

/** A plan with front matter; `fm` adds keys such as `archetypes: [reseller]`. */
export function plan(fm: string, body: string): string {
  // Lines of `body` are what FireCase.lines count.
  return `---\ntype: partnership-plan\n${fm ? fm + '\n' : ''}---\n\n${body}`;
}

export const cases: Record<string, RuleCases> = {
  'exit-criteria': {
    fires: [{ name: 'no exits anywhere', text: plan('archetypes: [reseller]', '# Acme Resellers\n\nResellers keep a 20% margin.\n\nWe revisit the plan every quarter.\n'), lines: [1] }],
    passes: [
      { name: 'exit section', text: plan('', '# P\n\n## When we part ways\n\n- A partner with no deal in 12 months is offboarded.\n- If the channel is under 10% of revenue at month 24 we redesign it.\n') },
      { name: 'exit sentence elsewhere', text: plan('', '# P\n\n## Tiers\n\nA partner that misses its criteria two reviews in a row moves down one tier.\n') },
      { name: 'inactive partners removed', text: plan('', '# P\n\nPartners inactive for 12 months are removed.\n') },
      { name: 'demotion', text: plan('', '# P\n\nResellers with no sale in a year get demoted to Registered.\n') },
    ],
  },
  'committed-reps': {
    fires: [
      { name: 'CEO-to-CEO', text: plan('archetypes: [strategic]', '# P\n\nThe alliance rests on a CEO-to-CEO relationship with Northstar Cloud.\n'), lines: [3] },
      { name: 'exec sponsor only', text: plan('', '# P\n\nEach partner gets an executive sponsor on our side.\n'), lines: [3] },
    ],
    passes: [
      { name: 'exec plus named reps', text: plan('', '# P\n\nThe alliance rests on a CEO-to-CEO relationship.\n\nEvery partner names two committed sales reps who carry our product.\n') },
      { name: 'founders send intros', text: plan('', '# P\n\nEvery founder sends their intro emails this week.\n') },
    ],
  },
  'margin-range': {
    fires: [
      { name: 'referral commission above band', text: plan('archetypes: [referral]', '# P\n\nReferral partners get 25% of first-year ACV.\n'), lines: [3] },
      { name: 'reseller margin with a space before %', text: plan('archetypes: [reseller]', '# P\n\nResellers keep a 32 % margin.\n'), lines: [3] },
      { name: 'range, upper end out', text: plan('archetypes: [referral]', '# P\n\n## Referral commission\n\nCommission: 12-18% of first-year ACV.\n'), lines: [5] },
      { name: 'words', text: plan('archetypes: [referral]', '# P\n\nReferral partners earn a referral fee of twenty-five percent.\n'), lines: [3] },
      { name: 'decimal rate', text: plan('archetypes: [reseller]', '# P\n\nResellers work at a margin rate of 0.12 on every licence.\n'), lines: [3] },
      { name: 'heading archetype wins', text: plan('archetypes: [reseller, referral]', '# P\n\n## Referral partners\n\nThey earn a 20% commission on the first year.\n'), lines: [5] },
      { name: 'non-ASCII line', text: plan('archetypes: [referral]', '# Zoë’s plan 🚀\n\nPartenaires « apporteurs » 🤝 earn a 30% referral fee.\n'), lines: [3] },
    ],
    passes: [
      { name: 'in band', text: plan('archetypes: [referral]', '# P\n\nReferral partners earn 12% of first-year ACV.\n') },
      { name: 'revenue share and gross margin', text: plan('archetypes: [referral]', '# P\n\nGross margin is 79%. Partners bring in 48% of total revenue today.\n') },
      { name: 'customer discount', text: plan('archetypes: [reseller]', '# P\n\nPublic-sector customers receive a 35% list-price discount.\n') },
      { name: 'strategic economics', text: plan('archetypes: [strategic]', '# P\n\nThe platform keeps a 3% marketplace fee.\n') },
      { name: 'an add-on on top of an in-band margin', text: plan('archetypes: [reseller]', '# P\n\nResellers keep a 20% margin, plus an extra 5% back-end rebate at their quarterly target.\n') },
      { name: 'a fee the partner pays', text: plan('archetypes: [reseller]', '# P\n\nPartners pay a 2% platform fee on each transaction.\n') },
      { name: 'MDF is not a margin', text: plan('archetypes: [reseller]', '# P\n\n| Tier | Benefits |\n|---|---|\n| Gold | 27% reseller discount; MDF |\n') },
    ],
  },
  'deal-reg-sla': {
    fires: [
      { name: 'no turnaround', text: plan('archetypes: [reseller]', '# P\n\n## Deal registration\n\n- Resellers register deals in the portal.\n- Registrations hold for 120 days.\n'), lines: [3] },
      { name: 'three business days', text: plan('archetypes: [referral]', '# P\n\n## Registering referrals\n\n- We approve or decline within three business days.\n'), lines: [5], severities: ['info'] },
      { name: '72h', text: plan('archetypes: [referral]', '# P\n\n## Deal registration\n\nApproval SLA: 72h.\n'), lines: [5], severities: ['info'] },
      {
        name: 'each slow turnaround, on its own line',
        text: plan('archetypes: [reseller]', '# P\n\n## Deal registration\n\n- The channel manager approves within 10 days.\n- Renewals: if the ASM has not approved within 10 days, ops approves it.\n- Registrations hold for 120 days.\n'),
        lines: [5, 6],
        severities: ['info', 'info'],
      },
      {
        name: 'referrals the company accepts or rejects',
        text: plan('archetypes: [referral]', '# P\n\n## Program rules\n\n- We accept or reject qualified referrals within 5 business days.\n- Referrals are valid for 120 days.\n- Referrals must be for new accounts where we have no current opportunity.\n'),
        lines: [5],
        severities: ['info'],
      },
    ],
    passes: [
      { name: 'two business days', text: plan('archetypes: [reseller]', '# P\n\n## Deal registration\n\n- Approval or decline within two business days.\n') },
      { name: '48h', text: plan('archetypes: [reseller]', '# P\n\n## Deal registration\n\n- Turnaround: 48h.\n') },
      { name: 'no deal registration', text: plan('archetypes: [technology]', '# P\n\nIntegration partners co-market.\n') },
      {
        name: 'a dispute decided in a week is not the approval turnaround',
        text: plan('archetypes: [reseller]', '# P\n\n## Deal registration\n\n- We approve registrations within 24 hours.\n- Partner-versus-AE disputes go to the VP Channel, who decides within a week.\n- Approved registrations hold for 90 days and can be extended once by 60 days.\n'),
      },
    ],
  },
  'deal-reg-expiry': {
    fires: [
      { name: 'no expiry', text: plan('archetypes: [reseller]', '# P\n\n## Deal registration\n\n- Resellers register deals; we approve within 24 hours.\n'), lines: [3] },
      { name: 'a year', text: plan('archetypes: [reseller]', '# P\n\n## Deal registration\n\n- Registrations hold for one year from approval.\n'), lines: [5], severities: ['info'] },
      { name: 'a quarter is short', text: plan('archetypes: [reseller]', '# P\n\n## Deal registration\n\n- A registration is valid for 30 days.\n'), lines: [5], severities: ['info'] },
    ],
    passes: [{ name: 'six months', text: plan('archetypes: [reseller]', '# P\n\n## Deal registration\n\n- Registrations are valid for six months.\n') }],
  },
  'deal-reg-conflicts': {
    fires: [{ name: 'no duplicate rule', text: plan('archetypes: [referral]', '# P\n\n## Registering a referral\n\n- Turnaround: one business day.\n- Valid for 100 days.\n'), lines: [3] }],
    passes: [{ name: 'first complete registration wins', text: plan('archetypes: [reseller]', '# P\n\n## Deal registration\n\n- If two resellers register the same account, the first complete registration wins.\n') }],
  },
  'deal-reg-missing': {
    fires: [{ name: 'referral without registration', text: plan('archetypes: [referral]', '# Referral plan\n\nReferral partners get 12% of first-year ACV.\n'), lines: [1] }],
    passes: [
      { name: 'technology program', text: plan('archetypes: [technology]', '# P\n\nIntegration partners co-market.\n') },
      { name: 'registration in prose', text: plan('archetypes: [referral]', '# P\n\nAdvisors submit each referral through a web form and we confirm it the same day.\n') },
    ],
  },
  'channel-conflict': {
    fires: [
      { name: 'AEs and referral partners', text: plan('archetypes: [referral]', '# P\n\nOur three account executives keep closing deals as they do today.\n'), lines: [1] },
      { name: 'no credit sentence', text: plan('archetypes: [reseller]', '# P\n\nDirect reps get no credit on reseller deals. Territories are split by region.\n'), lines: [3] },
    ],
    passes: [
      { name: 'overlay credit', text: plan('archetypes: [reseller]', '# P\n\nOur direct reps receive overlay credit on reseller deals.\n') },
      { name: 'no direct team', text: plan('archetypes: [referral]', '# P\n\nReferral partners send us leads.\n') },
    ],
  },
  'pricing-protection': {
    fires: [{ name: 'reseller without protection', text: plan('archetypes: [reseller]', '# P\n\nResellers keep a 20% margin.\n'), lines: [1] }],
    passes: [
      { name: 'max discount', text: plan('archetypes: [reseller]', '# P\n\nDirect discounts beyond 10% off list need approval from the channel manager.\n') },
      { name: 'referral program', text: plan('archetypes: [referral]', '# P\n\nReferral partners earn 12%.\n') },
    ],
  },
  'mdf-range': {
    fires: [{ name: '1.5%', text: plan('', '# P\n\nPartners can claim MDF worth 1.5% of partner-generated revenue.\n'), lines: [3] }],
    passes: [
      { name: '4%', text: plan('', '# P\n\nPremier resellers accrue MDF at 4% of partner-generated revenue.\n') },
      { name: 'fixed amount', text: plan('', '# P\n\nPartners can draw up to $10,000 in MDF per half-year.\n') },
    ],
  },
  'mdf-claims': {
    fires: [{ name: 'MDF section without claims', text: plan('', '# P\n\n### MDF\n\nPartners can draw up to $10,000 in MDF per half-year.\n'), lines: [3] }],
    passes: [{ name: 'plan and proof', text: plan('', '# P\n\n## MDF\n\nPartners accrue MDF at 3%. A campaign plan is approved before spending and we reimburse on proof of execution.\n') }],
  },
  'value-exchange': {
    fires: [{ name: 'payout without role', text: plan('archetypes: [technology, strategic]', '# P\n\n### Integration partner economics\n\nIntegration partners receive 12% of year-one subscription.\n'), lines: [1] }],
    passes: [
      { name: 'role stated', text: plan('archetypes: [reseller]', '# P\n\nResellers keep a 20% margin. In return, each reseller sells, implements and supports the customer.\n') },
      { name: 'label names the archetype', text: plan('', '# P\n\n1. **Referral partners.** Consultants who send us leads.\n\nReferral partners get 12% of year-one revenue.\n') },
    ],
  },
  'commission-ops': {
    fires: [
      { name: 'no cadence', text: plan('archetypes: [referral]', '# P\n\n## Money\n\nReferral partners get 12% of what the customer pays in year one.\n'), lines: [3] },
      { name: 'cheque', text: plan('archetypes: [reseller]', '# P\n\n## Rebates\n\nRebates are posted by cheque with a statement of seats.\n'), lines: [5], severities: ['info'] },
    ],
    passes: [{ name: 'reconciled and paid', text: plan('archetypes: [referral]', '# P\n\nReferral partners earn 12% of first-year ACV. Fees are reconciled monthly and paid by ACH each quarter.\n') }],
  },
  'tiers-missing': {
    fires: [
      { name: 'scale stage', text: plan('archetypes: [technology]\nstage: scale', '# P\n\nIntegration partners co-market.\n'), lines: [1] },
      { name: 'many partners', text: plan('archetypes: [reseller]', '# P\n\nWe will sign 40 resellers this year.\n'), lines: [1] },
    ],
    passes: [
      { name: 'strategic only', text: plan('archetypes: [strategic]\nstage: scale', '# P\n\nCo-sell with the platform.\n') },
      { name: 'pilot with six', text: plan('archetypes: [referral]\nstage: pilot', '# P\n\nThe pilot has six consultants.\n') },
    ],
  },
  'tier-count': {
    fires: [
      { name: 'one level', text: plan('', '# P\n\n## Partner level\n\n| Level | Requirements | Benefits |\n|---|---|---|\n| Certified | Two certified staff | Margin |\n'), lines: [5] },
      { name: 'five tiers', text: plan('', '# P\n\n## Tiers\n\n| Tier | Criteria | Benefits |\n|---|---|---|\n| Bronze | Signed | Portal |\n| Silver | 1 deal | MDF |\n| Gold | 3 deals | Manager |\n| Platinum | 10 deals | Council |\n| Diamond | 20 deals | Custom terms |\n'), lines: [5] },
    ],
    passes: [{ name: 'three tiers', text: plan('', '# P\n\n## Tiers\n\n| Tier | Criteria | Benefits |\n|---|---|---|\n| Bronze | Signed | Portal |\n| Silver | 1 deal | MDF |\n| Gold | 3 deals | Manager |\n') }],
  },
  'tier-criteria': {
    fires: [
      { name: 'dash benefits', text: plan('', '# P\n\n## Levels\n\n| Level | Entry criteria | Benefits |\n|---|---|---|\n| Authorized | Signed agreement | 18% discount |\n| Select | $100k partner-sourced ARR | — |\n'), lines: [8] },
      { name: 'list tier without criteria', text: plan('', '# P\n\n## Tiers\n\n- **Silver:** 20% margin and MDF access.\n- **Gold:** five certified reps; 25% margin.\n'), lines: [5] },
    ],
    passes: [{ name: 'complete', text: plan('', '# P\n\n## Levels\n\n| Level | Entry criteria | Benefits |\n|---|---|---|\n| Authorized | Signed agreement | 18% discount |\n| Select | Two certified reps | 22% discount |\n') }],
  },
  'archetype-sprawl': {
    fires: [
      { name: 'three in pilot', text: plan('archetypes: [technology, referral, strategic]\nstage: pilot', '# P\n'), lines: [1] },
      { name: 'all four at once', text: plan('archetypes: [technology, referral, reseller, strategic]\nstage: scale', '# P\n\nWe open all four partner types at once this year.\n'), lines: [1] },
      { name: 'all four in stabilize', text: plan('archetypes: [technology, referral, reseller, strategic]\nstage: stabilize', '# P\n'), lines: [1] },
    ],
    passes: [
      { name: 'three past pilot', text: plan('archetypes: [technology, referral, strategic]\nstage: scale', '# P\n') },
      { name: 'four built up over years', text: plan('archetypes: [technology, referral, reseller, strategic]\nstage: maturity', '# P\n\nResellers came first; referral, technology and alliance partners joined in later years.\n') },
    ],
  },
  'program-owner': {
    fires: [
      { name: 'alongside another job', text: plan('', '# P\n\nRosa Lindgren (Customer Success lead) will run the pilot alongside her CS role.\n'), lines: [3] },
      { name: 'no owner', text: plan('', '# P\n\nWill we have a partner manager? Maybe next year.\n'), lines: [1] },
    ],
    passes: [{ name: 'owner line', text: plan('', '# P\n\n**Owner:** Tomasz Wróbel, Director of MSP Partnerships, full-time.\n') }],
  },
  'partnerships-silo': {
    fires: [{ name: 'reports to CEO', text: plan('', '# P\n\nAylin Demir, Head of Alliances, runs the program full-time.\n\nAylin reports to the CEO.\n'), lines: [5] }],
    passes: [{ name: 'coordinates with sales', text: plan('', '# P\n\nAylin reports to the CEO and meets the VP of Sales weekly to review partner pipeline.\n') }],
  },
  'readiness-unproven': {
    fires: [{ name: 'nothing proven', text: plan('', '# P\n\nWe want partners.\n'), lines: [1, 1, 1, 1, 1, 1], severities: ['info', 'info', 'info', 'info', 'info', 'info'] }],
    passes: [],
  },
  'premature-program': {
    fires: [
      { name: 'investor deck', text: plan('', '# P\n\nOur investors keep asking what our partner strategy is, so we need one in the next deck.\n'), lines: [3] },
      { name: 'need partnerships now', text: plan('', '# P\n\nWe need partnerships now.\n'), lines: [3] },
      { name: 'grow faster at $1M ARR', text: plan('', '# P\n\nWe are at $1M ARR and a channel will help us grow faster.\n'), lines: [3] },
    ],
    passes: [{ name: 'customer reason', text: plan('', '# P\n\nOur customers buy through regional MSPs, so partners are how we reach them.\n') }],
  },
  'vanity-partners': {
    fires: [{ name: 'logos', text: plan('', '# P\n\nThere are already 22 partner logos on our integrations page.\n'), lines: [3] }],
    passes: [{ name: 'with enablement', text: plan('', '# P\n\nThere are 22 partner logos on our site.\n\n## Enablement\n\nA certification course for every partner.\n') }],
  },
  'closed-network': {
    fires: [{ name: 'only friends', text: plan('', '# P\n\nPartners will come from our founders\' friends and former colleagues, and nobody else.\n'), lines: [3] }],
    passes: [{ name: 'network plus list', text: plan('', '# P\n\nWe start with our network and a target list of 60 agencies.\n') }],
  },
  'marketplace-cosell': {
    fires: [{ name: 'listing only', text: plan('', '# P\n\nGet listed on AWS Marketplace by June.\n'), lines: [3] }],
    passes: [{ name: 'listing with co-sell', text: plan('', '# P\n\nWe are transactable on Google Cloud Marketplace, and Google customer engineers co-sell with us.\n') }],
  },
  'pilot-shape': {
    fires: [
      { name: '60-day pilot', text: plan('', '# P\n\nWe will run a 60-day pilot with six resellers.\n'), lines: [3] },
      { name: 'twelve partners for a year', text: plan('', '# P\n\nThe pilot lasts a year with twelve partners.\n'), lines: [3, 3] },
      { name: 'the pilot taken up again: "it closes after 60 days"', text: plan('', '# P\n\nSix agencies take part in the pilot; it closes after 60 days.\n'), lines: [3] },
      { name: 'an upper bound on the cohort', text: plan('', '# P\n\nDuring a six-month pilot we onboard no more than twelve resellers and review sourced pipeline weekly.\n'), lines: [3] },
      { name: 'a table row in the pilot section', text: plan('', '# P\n\n## Pilot shape\n\n| Item | Value |\n|---|---|\n| Duration | 8 weeks |\n'), lines: [7] },
    ],
    passes: [
      { name: 'in range', text: plan('', '# P\n\nThe pilot runs for 120 days with eight consultants.\n') },
      {
        name: 'a training, a customer pilot, a wish and a registration window are not the pilot',
        text: plan('', '# P\n\n## Pilot\n\nThe pilot runs for 120 days with eight consultants.\n\nDuring the pilot every partner gets a two-day training.\n\nOur customer success team runs 45-day pilots for enterprise prospects.\n\nIdeally the pilot would include around 20 partners, but that is not decided.\n\nRegistered deals are protected for 30 days.\n'),
      },
    ],
  },
  'lifecycle-targets': {
    fires: [
      { name: 'first year share', text: plan('', '# P\n\n## Goals\n\nPartners bring in 25% of revenue within the first year.\n'), lines: [5] },
      { name: 'month 30 share', text: plan('', '# P\n\n## Targets (month 30)\n\n- Partners to source 50% of new revenue by month 30.\n'), lines: [5] },
      { name: 'pilot partners', text: plan('stage: pilot', '# P\n\n## Targets\n\n- 25 active partners by month 12.\n'), lines: [5] },
    ],
    passes: [
      { name: 'month 24 table', text: plan('stage: stabilize', '# P\n\n## Month-24 goals\n\n| Metric | Target |\n|---|---|\n| Channel share of revenue | 18% |\n| Active partners | 40 |\n') },
      { name: 'current share', text: plan('stage: maturity', '# P\n\nThe program brings in 48% of total revenue.\n') },
    ],
  },
  'recruit-qualification': {
    fires: [{ name: 'everyone welcome', text: plan('', '# P\n\n### Recruiting integration partners\n\nEvery ISV with a public API is welcome.\n'), lines: [3] }],
    passes: [{ name: 'criteria list', text: plan('', '# P\n\n## Recruiting\n\nWe sign an MSP when it:\n\n- manages at least 20 clients;\n- names a salesperson.\n') }],
  },
  'enablement-missing': {
    fires: [{ name: 'not really', text: plan('archetypes: [referral]', '# P\n\n## FAQ\n\n**Do partners need training?**\nNot really; the product is easy to use.\n'), lines: [1] }],
    passes: [{ name: 'course', text: plan('archetypes: [referral]', '# P\n\n## Enablement\n\n- A one-hour product session for each consultant.\n') }],
  },
  'success-metrics': {
    fires: [{ name: 'no numbers', text: plan('', '# P\n\n## Measuring it\n\nWe will know it is working when we see it; we are not setting numbers for the pilot.\n'), lines: [1] }],
    passes: [{ name: 'target', text: plan('', '# P\n\n## Targets\n\n- Partner-sourced pipeline of $2M by month 24.\n') }],
  },
  'portal-usage': {
    fires: [{ name: 'portal without tracking', text: plan('', '# P\n\n## Advisor portal\n\nIn Q1 we will launch an advisor portal with statements and the referral form.\n'), lines: [5], severities: ['info'] }],
    passes: [{ name: 'tracked', text: plan('', '# P\n\n## Partner portal\n\nThe portal holds registrations. We track monthly logins per partner.\n') }],
  },
  'unfilled-placeholder': {
    fires: [{ name: 'a placeholder in a line and a table', text: plan('', '# P\n\n## Deal registration\n\nWe approve or decline every registration within ‹N› business days.\n\n| Tier | Margin |\n|---|---|\n| Gold | ‹N›% |\n'), lines: [5, 9] }],
    passes: [
      { name: 'filled in', text: plan('', '# P\n\n## Deal registration\n\nWe approve or decline every registration within 2 business days.\n') },
      { name: 'a form field for partners and a code block', text: plan('', '# P\n\nQuote [DEAL_REGISTRATION_NUMBER] on the order.\n\n```\nwithin ‹N› days\n```\n') },
    ],
  },
  'out-of-scope': {
    fires: [
      { name: 'affiliate program', text: '# Creator affiliate program\n\nInfluencers and affiliates earn 20% per sale through their affiliate link. Affiliates get a promo code. Our partner program for affiliates pays monthly to every partner.\n', lines: [1], severities: ['info'] },
      { name: 'a short page mostly about creators', text: plan('', '# Partner program plan\n\nFitness creators get a monthly retainer and a unique promo code.\n\nWe pay them per post.\n'), lines: [1] },
      { name: 'a single deal', text: plan('', '# Partner plan\n\nOne-off deal: bundle our app with Acme\'s hardware for their spring promotion.\n'), lines: [1] },
      { name: 'podcast sponsorships', text: plan('', '# Partner plan\n\nPodcast and newsletter sponsorships are the partnership channel we are building this year.\n'), lines: [1] },
      { name: 'an affiliate link, said in the present', text: plan('', '# Partner program plan\n\nYou earn a commission on every purchase made through your affiliate link, tracked for 60 days.\n'), lines: [1] },
      { name: 'an affiliate program that says it is not a channel', text: plan('', '# Partner program plan\n\nWe are building an affiliate program for coupon sites and bloggers, not a reseller channel.\n'), lines: [1] },
    ],
    passes: [
      { name: 'channel plan', text: plan('archetypes: [reseller]', '# P\n\nResellers keep a 20% margin.\n') },
      { name: 'affiliates set apart or in the past', text: plan('', '# Partner program plan\n\nInfluencer marketing is handled by the brand team, not partnerships.\n\nIn 2023 we ran an affiliate experiment that brought low-quality signups.\n') },
      { name: 'an affiliate program decided against, or run by partners', text: plan('', '# Partner program plan\n\nWe decided against an affiliate program because its mechanics differ from partner selling.\n\nSeveral of our partners run affiliate programs for their own products.\n') },
      { name: 'an executive sponsor of the program', text: plan('', '# Partner program plan\n\nOur CRO is the executive sponsor of the program.\n') },
    ],
  },
  'not-analysed': {
    fires: [
      { name: 'quotes nested 101 deep', text: plan('', '# P\n\nResellers keep a 20% margin.\n\n## Appendix\n\n' + '> '.repeat(101) + 'quoted\n'), lines: [5], severities: ['warning'] },
      { name: 'thousands of unclosed comment openers', text: plan('', '# P\n\n## Appendix\n\nx ' + '<!--'.repeat(5000) + '\n'), lines: [3] },
    ],
    passes: [
      { name: 'a long ordinary plan', text: plan('', '# P\n\n' + '- Resellers keep a 20% margin on **every** deal, see `terms`.\n'.repeat(500) + '\n| Tier | Margin |\n|---|---|\n' + '| Gold | 20% |\n'.repeat(500)) },
      { name: 'snake_case words and bold names in a table', text: plan('', '# P\n\n' + 'partner_tier_name '.repeat(3000) + '\n\n| Partner |\n|---|\n' + '| **Acme** |\n'.repeat(600)) },
    ],
  },
};
