/**
 * Section and plan templates. Written with `##` as the section level; rendering
 * shifts headings to the level the document uses. What only the author can decide
 * (a number, a name, a date, a choice) is a placeholder `{{n:label}}`, rendered in one
 * visible form, `‹label›`, in plain text and as the default of tab stop n in snippets,
 * so a template never writes a commitment the author did not make; the rule
 * `unfilled-placeholder` keeps each one visible until it is filled.
 */
import type { Topic } from './outline.js';

export type TemplateFormat = 'text' | 'snippet';

export interface TemplateInfo {
  id: string;
  title: string;
  description: string;
  /** The section topic this template fills, when it is a section. */
  topic?: Topic;
  /** Whole-plan templates start with a title heading. */
  wholePlan?: boolean;
}

interface Template extends TemplateInfo {
  body: string;
}

const SECTION: Record<string, Omit<Template, 'id'>> = {
  'exit-criteria': {
    title: 'Exit criteria',
    description: 'When a partner moves down or leaves, and when the program itself is redesigned.',
    topic: 'exitCriteria',
    body: `## Exit criteria

- A partner with no closed deal in {{1:N}} months gets a review; after {{2:N}} months without one it {{3:moves down a tier / is not renewed}}.
- A partner that misses its tier's criteria at {{4:N}} reviews in a row moves down one tier.
- If partner-sourced revenue is below {{5:N}}% of total revenue at month {{6:N}}, we {{7:pause recruiting and redesign the program / stop the program}}.`,
  },
  'deal-registration': {
    title: 'Deal-registration policy',
    description: 'Submission form, approval SLA, expiry and the rule for contested registrations.',
    topic: 'dealRegistration',
    body: `## Deal registration

- **Form:** partners register an opportunity with the account name, main contact, deal stage, expected close date and estimated value.
- **Approval SLA:** we approve or decline every registration within {{1:N}} business days.
- **Expiry:** an approved registration is valid for {{2:N}} days.
- **Conflicts:** if two partners register the same account, {{3:which registration wins}}; a registered account is {{4:closed to / open to}} our direct reps, and disputes go to {{5:who decides}}.`,
  },
  'deal-reg-sla': {
    title: 'Approval SLA line',
    description: 'One line stating how fast registrations are approved or declined.',
    body: `**Approval SLA:** we approve or decline every registration within {{1:N}} business days.`,
  },
  'tier-table': {
    title: 'Tier table',
    description: 'Two to four tiers, each with entry criteria and benefits.',
    topic: 'tiers',
    body: `## Partner tiers

| Tier | Entry criteria | Benefits |
|---|---|---|
| {{1:Tier 1}} | Signed agreement; one person through the sales course | Standard margin; portal access; deal registration |
| {{2:Tier 2}} | Two certified staff; at least one closed deal in the last 12 months | Higher margin; MDF eligibility; co-branded materials |
| {{3:Tier 3}} | Four certified staff; three or more closed deals a year; a named sales rep | Top margin; dedicated partner manager; joint business plan |`,
  },
  'mdf-policy': {
    title: 'MDF policy',
    description: 'Market development funds as a share of partner revenue, claimed against a plan and proof.',
    topic: 'mdf',
    body: `## Market development funds

- Eligible partners accrue MDF at {{1:N}}% of the partner-generated revenue of the previous two quarters.
- A short marketing plan (activity, audience, budget, expected pipeline) is approved before any money is spent.
- Claims are reimbursed against invoices and proof of execution within {{2:N}} days.`,
  },
  'qualification-scorecard': {
    title: 'Partner qualification scorecard',
    description: 'The questions a candidate partner must answer before it is signed.',
    topic: 'recruiting',
    body: `## Partner qualification

We sign a partner only when it can show:

- how many of its customers fit our ICP today (at least {{1:N}});
- at least one named, committed sales rep who will carry our product;
- its usual sales cycle and deal size in this segment;
- how its people are paid for selling our product;
- its track record with other technology partnerships.`,
  },
  'onboarding-30-60-90': {
    title: '30/60/90-day onboarding',
    description: 'What a new partner does in its first three months.',
    topic: 'enablement',
    body: `## Partner onboarding (first 90 days)

- **Days 1-30:** kickoff with named contacts on both sides; sales and technical training; the partner's first ‹N› people certified.
- **Days 31-60:** joint go-to-market plan agreed; first co-marketing activity; the partner's first ‹N› opportunities in the pipeline.
- **Days 61-90:** first joint customer meetings; review of pipeline against the plan; decide the next quarter's actions.`,
  },
  'qbr-agenda': {
    title: 'QBR agenda',
    description: 'A quarterly business review agenda for top-tier partners.',
    body: `## Quarterly business review

1. Results against last quarter's plan: registered deals, closed revenue, pipeline.
2. Certification and enablement status of the partner's reps.
3. Joint marketing: what ran, what it produced.
4. Escalations and customer issues.
5. Next quarter's plan, owners and dates.`,
  },
  'conflict-policy': {
    title: 'Channel-conflict policy',
    description: 'Named accounts, credit for direct reps and the escalation path.',
    topic: 'conflict',
    body: `## Channel conflict

- **Named accounts:** our direct team owns {{1:which accounts}}; every other account is open to partners.
- **Registered deals:** an approved registration is hands-off for our direct reps for ‹N› days.
- **Credit:** a direct rep who helps on a partner-led deal receives {{2:what credit}}, so helping never costs them.
- **Escalation:** disputes go to the head of partnerships and the head of sales, who decide within {{3:N}} business days.`,
  },
  'pricing-protection': {
    title: 'Pricing protection',
    description: 'Approved-customer list, discount governance and price escalation.',
    topic: 'pricingProtection',
    body: `## Pricing protection

- Each partner can protect up to {{1:N}} named accounts on an approved-customer list; our direct team does not pursue them.
- Discounts beyond {{2:N}}% off list need approval from the channel manager.
- Price conflicts are escalated to the head of partnerships within {{3:N}} business days.`,
  },
  'readiness-checklist': {
    title: 'Readiness checklist',
    description: 'Evidence for the six preconditions of a partner program.',
    topic: 'readiness',
    body: `## Readiness

- **Product:** customers go live in {{1:how long}} without our help; setup and API docs are public.
- **Sales motion:** ICP is {{2:who buys}}; pricing is {{3:how it is priced}}; the sales cycle is about {{4:how long}}.
- **Differentiation:** partners lead with us because {{5:what partners can sell that others cannot}}.
- **Margin headroom:** gross margin is {{6:N}}%, so a partner margin of 10-30% keeps payback under {{7:N}} months.
- **Owner:** {{8:name}}, {{9:title}}, runs the program full-time.
- **Direct sales:** direct reps receive overlay credit on partner deals and registered accounts are closed to them.`,
  },
  'success-metrics': {
    title: 'Success metrics',
    description: 'Program metrics with targets.',
    topic: 'metrics',
    body: `## Targets

| Metric | Target |
|---|---|
| Channel share of revenue by month {{1:N}} | {{2:N}}% |
| Partner activation (a registered deal each quarter) | {{3:N}}% |
| Partner-sourced pipeline | {{4:amount}} |
| Partner satisfaction | {{5:score}} |`,
  },
  'program-owner': {
    title: 'Program owner',
    description: 'Who owns the program, full-time, and how they work with sales.',
    topic: 'team',
    body: `## Program owner

{{1:name}}, {{2:title}}, owns the program full-time and meets the head of sales weekly to review partner pipeline and conflicts.`,
  },
  'pilot-plan': {
    title: 'Pilot plan',
    description: 'A 90-180 day pilot with 5-10 partners and a decision at the end.',
    topic: 'pilot',
    body: `## Pilot

- **Length:** {{1:N}} days, starting {{2:date}}.
- **Partners:** {{3:N}} partners chosen with the qualification criteria.
- **Commitment:** a light pilot agreement; each partner names a committed sales rep.
- **Success criteria:** at least {{4:N}} partners with a closed deal and {{5:amount}} of partner-sourced pipeline.
- **Decision:** at the end of the pilot we formalize the program, change it, or stop.`,
  },
};

function planBody(archetype: 'referral' | 'reseller' | 'technology' | 'strategic'): string {
  const economics: Record<typeof archetype, string> = {
    referral: 'Referral partners earn {{10:N}}% of first-year ACV for every referred customer that signs. In return they identify fitting customers, make the introduction and join the first call.',
    reseller: 'Resellers keep a {{10:N}}% margin on every licence they resell. In return they sell, implement and give first-line support to their customers.',
    technology: 'Integration partners earn {{10:N}}% of first-year subscription on customers they source. In return they co-market the integration and bring us into their customer accounts.',
    strategic: 'Alliance economics follow the platform agreement. Our alliance manager and the platform\'s partner team co-sell on named accounts and review joint pipeline monthly.',
  };
  const title = { referral: 'Referral Partner Program', reseller: 'Reseller Program', technology: 'Technology Partner Program', strategic: 'Strategic Alliance Plan' }[archetype];
  return `---
type: partnership-plan
archetypes: [${archetype}]
stage: pilot
---

# {{2:Company}} ${title}

${SECTION['readiness-checklist'].body}

## Economics

${economics[archetype]}

Payouts are reconciled monthly and paid quarterly by bank transfer, with a statement per partner.

${SECTION['pilot-plan'].body}

${SECTION['qualification-scorecard'].body}

${SECTION['onboarding-30-60-90'].body}
${archetype === 'strategic' ? '' : `\n${SECTION['deal-registration'].body}\n`}
${SECTION['success-metrics'].body}

${SECTION['exit-criteria'].body}
`;
}

const PLANS: Template[] = (['referral', 'reseller', 'technology', 'strategic'] as const).map((a) => ({
  id: `plan-${a}`,
  title: `Full plan: ${a}`,
  description: `A complete ${a} partner program plan with every section the rules look for.`,
  wholePlan: true,
  body: planBody(a),
}));

const ALL: Template[] = [...PLANS, ...Object.entries(SECTION).map(([id, t]) => ({ id, ...t }))];

export const templates: TemplateInfo[] = ALL.map(({ body: _b, ...info }) => info);

/** The section templates a document lacks: none for a topic it already has (or covers through a link). */
export function templatesMissingFrom(topics: readonly string[]): TemplateInfo[] {
  return templates.filter((t) => !t.topic || !topics.includes(t.topic));
}

export function templateForTopic(topic: Topic): TemplateInfo | undefined {
  return templates.find((t) => t.topic === topic);
}

/** Renders a template; unknown ids throw (a programming error, not user input). */
export function renderTemplate(id: string, opts: { format?: TemplateFormat; headingLevel?: number } = {}): string {
  const t = ALL.find((x) => x.id === id);
  if (!t) throw new Error(`unknown template "${id}"`);
  const level = opts.headingLevel ?? 2;
  const delta = level - 2;
  let inFront = false;
  const lines = t.body.split('\n').map((line, i) => {
    if (line === '---') inFront = i === 0 ? true : false;
    if (inFront) return line;
    const m = /^(#{1,6}) /.exec(line);
    if (!m) return line;
    const d = Math.min(6, Math.max(1, m[1].length + delta));
    return '#'.repeat(d) + line.slice(m[1].length);
  });
  const out = lines.join('\n');
  if (opts.format === 'snippet') {
    const esc = (x: string) => x.replace(/[$}\\]/g, (c) => '\\' + c);
    return out
      .split(/(\{\{\d+:[^}]*\}\})/)
      .map((part) => {
        const m = /^\{\{(\d+):([^}]*)\}\}$/.exec(part);
        return m ? `\${${m[1]}:${esc(placeholder(m[2]))}}` : esc(part);
      })
      .join('');
  }
  return renderLine(out);
}

/** A template's body as written (placeholders `{{n:label}}` unrendered), for fixes that append it. */
export function templateSource(id: string): string {
  const t = ALL.find((x) => x.id === id);
  if (!t) throw new Error(`unknown template "${id}"`);
  return t.body;
}

/** Renders one line written like a template body (placeholders `{{n:label}}`) as plain text. */
export function renderLine(line: string): string {
  return line.replace(/\{\{\d+:([^}]*)\}\}/g, (_, label: string) => placeholder(label));
}

/** The one visible form of a placeholder: what the author must supply, between single guillemets. */
export function placeholder(label: string): string {
  return `${PLACEHOLDER_OPEN}${label}${PLACEHOLDER_CLOSE}`;
}

export const PLACEHOLDER_OPEN = '‹';
export const PLACEHOLDER_CLOSE = '›';
/** A placeholder left in a document: the one definition `unfilled-placeholder` reads. */
export const PLACEHOLDER = /‹[^‹›\r\n]{1,80}›/g;
