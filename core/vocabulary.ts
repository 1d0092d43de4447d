/**
 * Words the domain shares across readings, defined once. Each list is data (regular-expression
 * fragments, case-insensitive unless noted): extend a list here and every reading built from it
 * follows (detection, the readers in `evidence.ts`, partner counts, section lenses, rules).
 */

/** Names for a program's partners, singular or plural. */
export const PARTNER_NOUNS: readonly string[] = [
  'partners?',
  'resellers?',
  'referrers?',
  'introducers?',
  'MSPs?',
  'MSSPs?',
  'VARs?',
  'SIs',
  'GSIs?',
  'OEMs?',
  'integrators?',
  'distributors?',
  'distis?',
  'wholesalers?',
  'dealers?',
  'affiliates?',
  'ISVs?',
];

/** Names for partners that also name customers or anyone else ("a firm", "an agency"): read with care. */
export const SHARED_PARTNER_NOUNS: readonly string[] = ['advisors?', 'advisers?', 'consultants?', 'consultanc(?:y|ies)', 'agenc(?:y|ies)', 'firms?'];

/** A non-capturing alternation of a word list. */
export function oneOf(list: readonly string[]): string {
  return `(?:${list.join('|')})`;
}

/** Any partner noun, the shared ones included. */
export const ANY_PARTNER = oneOf([...PARTNER_NOUNS, ...SHARED_PARTNER_NOUNS]);

/** The company's own sellers: the direct team, account executives, "our sales people", the field team (not a partner's account managers). */
export const DIRECT_SELLERS: readonly string[] = [
  'direct (?:sales(?:\\s+(?:team|reps?|org(?:anization)?|force))?|reps?|sellers?|team|AEs?)',
  'inside[- ](?:sales|reps)',
  'field (?:sales|team|reps?|specialists?)',
  'account executives?',
  'AEs',
  '(?:an|the|each|every|one) AE',
  "our (?:[\\w-]+ )?AEs?",
  "(?:our|his|her|the company's) (?:[\\w-]+ )?account managers",
  '(?:our|the) (?:own )?(?:[\\w-]+ )?sales ?(?:team|reps?|org(?:ani[sz]ation)?|force|people)',
  'sales reps?',
  '(?:national|key|strategic|named|enterprise)[- ]accounts? (?:sales )?(?:team|reps?|sellers?|group|managers?)',
  '(?:in-?house|own) (?:sales ?(?:team|force|reps?|people|org(?:ani[sz]ation)?)|sellers)',
  '(?:SDR|BDR|AE)s? (?:\\+ |and )?(?:AEs? )?(?:pods?|teams?)',
  'our (?:[\\w-]+ )?(?:inside |field )?(?:sales)?(?:reps|sellers)',
];

/** Names programs give their tiers ("Gold", "Registered", "Premier"). */
export const TIER_NAMES: readonly string[] = ['bronze', 'silver', 'gold', 'platinum', 'diamond', 'registered', 'certified', 'authori[sz]ed', 'accredited', 'select', 'premier', 'elite', 'preferred', 'advanced', 'expert', 'community', 'strategic', 'standard', 'associate', 'basic', 'plus', 'pro', 'enterprise', 'member', 'listed', 'validated', 'starter', 'growth', 'scale'];

/** The tier names as written in prose, with their capital ("Gold partners"), where the lower-case word means something else. */
export const CAPITALISED_TIER_NAMES = oneOf(TIER_NAMES.map((w) => w[0].toUpperCase() + w.slice(1)));

/** Platform vendors whose marketplaces, sellers and co-sell programs partner plans talk about. */
export const PLATFORM_VENDORS: readonly string[] = [
  String.raw`AWS`,
  String.raw`Amazon(?: Web Services)?`,
  String.raw`Azure`,
  String.raw`Microsoft`,
  String.raw`Google(?: Cloud)?`,
  String.raw`GCP`,
  String.raw`Salesforce`,
  String.raw`HubSpot`,
  String.raw`Atlassian`,
  String.raw`Shopify`,
  String.raw`Zendesk`,
  String.raw`Slack`,
  String.raw`Snowflake`,
  String.raw`Databricks`,
  String.raw`Oracle`,
  String.raw`SAP`,
  String.raw`ServiceNow`,
  String.raw`Workday`,
  String.raw`Xero`,
  String.raw`QuickBooks`,
  String.raw`Intuit`,
  String.raw`monday\.com`,
  String.raw`Zoom`,
  String.raw`Stripe`,
  String.raw`Adobe`,
  String.raw`Okta`,
  String.raw`Twilio`,
  String.raw`Pipedrive`,
  String.raw`Freshworks`,
  String.raw`IBM`,
  String.raw`Red Hat`,
  String.raw`Cisco`,
  String.raw`Dell`,
  String.raw`Datadog`,
  String.raw`Miro`,
  String.raw`Notion`,
  String.raw`Sage`,
  String.raw`NetSuite`,
  String.raw`Dynamics`,
  String.raw`hyperscalers?`,
  String.raw`cloud providers?`,
];

/** Another company's program, people or terms: a competitor's, a supplier's. What they do is not the plan. */
export const OTHER_COMPANY = /\bcompetitors?(?:['’]s?)?\b|\bsuppliers?(?:['’]s?)?\b/i;

/** A platform vendor as the subject, acting on its own partners: "Microsoft gives its partners MDF worth up to 4%". */
const ANOTHER_COMPANYS_SUBJECT = new RegExp(
  String.raw`^\W*(?:(?:[Tt]he|[Aa]n?)\s+)?(?:${oneOf(PLATFORM_VENDORS)})(?:['’]s?)?(?:\s+[A-Z][\w-]*){0,2}\s+(?!(?:and|or|&)\s)(?:(?:partner|alliance|co-?sell|marketplace|ISV|AppExchange|channel|sellers?|reps?|team|program(?:me)?|academy|PRM)\b[\w\s-]{0,30}?\s+)?(?:gives?|pays?|offers?|runs?|takes?|expects?|requires?|manages?|has|have|provides?|allows?|lets?|charges?|keeps?|rewards?|needs?|built|expire|expires)\b`,
);
/** A competitor as the subject: "Our main competitor pays resellers 35%", "Competitor X's differentiator". */
const COMPETITOR_SUBJECT = /^\W*(?:(?:our|their|the|a|one)\s+)?(?:(?:main|biggest|largest|closest|key|nearest)\s+)?(?:competitors?|rivals?)(?:\s+[A-Z][\w-]*)?(?:['’]s?)?\b/i;
const FIRST_PERSON = /\b(?:we|we['’](?:ll|re|ve|d)|our|ours|us)\b/i;

/**
 * True when the sentence's subject is another company and it says nothing of what we do: "Microsoft
 * gives its partners MDF worth up to 4%", "HubSpot's partner academy offers free certifications",
 * "Our main competitor pays resellers 35%". It describes their program, not this plan.
 */
export function aboutAnotherCompany(text: string): boolean {
  const subject = COMPETITOR_SUBJECT.exec(text);
  if (subject) return !FIRST_PERSON.test(text.slice(subject[0].length));
  return ANOTHER_COMPANYS_SUBJECT.test(text) && !FIRST_PERSON.test(text);
}

/**
 * Background about the market rather than this plan: "For context: wholesalers typically earn 2-4%
 * on drug distribution itself", "By comparison, the industry average referral fee is 10%".
 */
export const MARKET_BACKGROUND =
  /^\W*(?:for (?:context|comparison|reference)|by (?:way of )?comparison|as a (?:benchmark|reference point|point of comparison)|(?:across|in) the (?:industry|market|sector)(?: as a whole)?)\b|\b(?:industry|market|sector)[- ](?:wide )?(?:averages?|norms?|benchmarks?|standards?)\b|\bthe (?:industry|market) (?:pays|averages?)\b/i;

/**
 * Customers left to partners, stated: "Contractors below that size are yours to sell to", "accounts
 * under 500 staff belong to the channel". A split of the market between partners and the direct team.
 */
export const LEFT_TO_PARTNERS =
  /\b(?:are|is) yours to (?:sell(?: to)?|work|win|keep|own)\b|\b(?:are|is|stay|stays|remain|remains) (?:reserved|left) (?:for|to) (?:partners|the channel|you|resellers)\b|\bbelongs? to (?:the )?(?:channel|partners|resellers)\b/i;
