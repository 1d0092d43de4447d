/**
 * The outline of a plan: sections (a heading and what sits under it, down to the next heading of
 * the same depth) and what their headings say: the topics they cover (deal registration, tiers,
 * MDF, ...) and whether they are about the past.
 */
import type { Archetype } from './types.js';
import type { Unit } from './units.js';
import type { Sentence } from './sentences.js';

export type Topic =
  | 'dealRegistration'
  | 'tiers'
  | 'economics'
  | 'mdf'
  | 'pilot'
  | 'recruiting'
  | 'enablement'
  | 'exitCriteria'
  | 'metrics'
  | 'conflict'
  | 'pricingProtection'
  | 'portal'
  | 'team'
  | 'readiness'
  | 'timeline'
  | 'faq';

export const TOPIC_LABELS: Record<Topic, string> = {
  dealRegistration: 'Deal registration',
  tiers: 'Tiers',
  economics: 'Margins and commissions',
  mdf: 'MDF',
  pilot: 'Pilot',
  recruiting: 'Recruiting',
  enablement: 'Enablement',
  exitCriteria: 'Exit criteria',
  metrics: 'Metrics',
  conflict: 'Conflict policy',
  pricingProtection: 'Pricing protection',
  portal: 'Partner portal',
  team: 'Program owner',
  readiness: 'Readiness',
  timeline: 'Timeline',
  faq: 'FAQ',
};

/** Heading phrases per topic; config `synonyms` adds more. Tested against the heading's plain text. */
export const TOPIC_HEADINGS: Record<Topic, RegExp> = {
  dealRegistration:
    /\bdeal[- ]?reg\w*|\bclaim(?:ing|s)? (?:a |an |the |your )?(?:deals?|venues?|accounts?|opportunit\w+|customers?|prospects?|leads?)\b|\b(?:deal|opportunity|lead|referral) claims?\b|\bregistration|\bregistering\b|\bregisters? (?:a |an |the |each |every )?(?:deals?|opportunit\w+|referrals?|leads?|clients?|customers?)|\bdeal protection\b|\b(?:opportunity|lead|referral) registration/i,
  tiers: /\btiers?\b|\btiering\b|\blevels?\b|\bsegment(?:s|ation)\b|\bpartner (?:status|classes)\b/i,
  economics:
    /\bmargins?\b|\bcommissions?\b|\b(?:referral|partner|finder'?s?) fees?\b|\bfees?\b|\beconomics\b|\bcompensation\b|\bpayouts?\b|\brebates?\b|\bpayments?\b|\bmoney\b|\bincentives?\b|\brev(?:enue)?[- ]share\b|\brewards?\b/i,
  mdf: /\bMDF\b|\bmarket(?:ing)? development funds?\b|\bco-?op (?:funds|marketing)\b|\bmarketing funds?\b/i,
  // "After the pilot", "Beyond the pilot", "Post-pilot": what comes next is not the pilot.
  // "The experiment": a first, small trial of the program is its pilot.
  pilot: /(?<!\b(?:after|beyond|post|following|once|when|past) (?:the |our )?)(?<!\bpost-)\bpilot\b(?! (?:ends|is over|closes))|^\W*(?:the |our |a |first )*experiment\W*$/i,
  recruiting:
    /\brecruit\w*|\bgrowing the (?:network|channel|program|ecosystem)\b|\b(?:finding|choosing|selecting|signing|sourcing|qualifying|adding|attracting|onboarding new|building) (?:\w+ ){0,2}(?:partners|consultants|resellers|advisors|msps|firms|agencies|integrators|referrers|dealers|distributors|vars|isvs|alliances)\b|\bpartner (?:selection|qualification|profile|criteria|sourcing|pipeline)\b|\bwho (?:we|to) (?:sign|recruit|partner with|integrate with|work with)\b|\b(?:how|where) (?:we|to) (?:find|recruit|choose|select|pick|sign|source) (?:\w+ )?(?:partners|resellers|dealers|agencies|msps|firms|integrators|distributors)\b|\bideal partner\b|\b(?:joining|membership|program) (?:requirements|criteria)\b|\beligibility\b|\bwho can (?:join|apply)\b/i,
  // "Getting consultants ready", "Equipping resellers", "Partner education": how partners are taught.
  enablement:
    /\benablement\b|\bonboarding\b|\btraining\b|\bcertification\b|\bplaybooks?\b|\benabling\b|\b(?:getting|making) (?:\w+ ){0,2}(?:ready|up to speed)\b|\b(?:preparing|equipping|educating|teaching|ramping up) (?:\w+ ){0,2}(?:partners|consultants|resellers|agencies|msps|firms|advisors|referrers|dealers|integrators)\b|\bpartner (?:education|ramp-?up)\b/i,
  exitCriteria:
    /\bexit\b|\bif (?:it|this|the pilot|the program|the programme) (?:doesn['’]t|does not|fails to) work\b|\b(?:kill|stop) criteria\b|\bparting ways\b|\bpart ways\b|\boff-?board\w*|\bsunset\w*|\bsteps? back\b|\bdowngrad\w*|\btermination\b|\bwind[- ]down\b|\bdemotion\b|\bleaving the program\b|\b(?:pull(?:ing)?|scal(?:e|ing)) back\b|\bwhen we stop\b/i,
  metrics: /\btargets?\b|\bgoals?\b|\bmetrics?\b|\bmeasur\w*|\bsuccess\b|\bhow we(?:['’]ll| will) (?:judge|know|score)\b|\bKPIs?\b|\bobjectives?\b|\bscorecards?\b|\bOKRs?\b|\bKPIs?\b|\bdashboard\b/i,
  conflict: /\bconflicts?\b|\brules of engagement\b|\bengagement rules\b|\bterritor(?:y|ies)\b|\bdirect sales\b|\bdirect vs\.? channel\b/i,
  pricingProtection: /\bpric(?:e|ing) protection\b|\brules of engagement\b|\bdiscount governance\b|\bprice (?:conflicts?|policy|floors?)\b|\bpricing polic\w+/i,
  portal: /\bportal\b/i,
  // "Our direct team", "the sales team": another team, not the one that runs the program.
  team: /(?<!\b(?:direct|sales|support|customer|field|inside|account|engineering|product|marketing|success) )\bteam\b|\bowner(?:ship)?\b|\borgani[sz]ation\b|\bstaffing\b|\bwho (?:runs|owns|leads)\b|\brunning the\b|\bleadership\b|\bgovernance\b|\bpeople\b/i,
  readiness:
    /\breadiness\b|(?<!\b(?:getting|making|get|make) (?:\w+ ){0,2})\bready\b|\bwhere we stand\b|\bpre-?conditions?\b|\bwhy we believe\b|\bcan scale\b|\bfoundations?\b|\bprerequisites?\b/i,
  timeline: /\btimeline\b|\broadmap\b|\bnext steps\b|\bmilestones?\b|\bschedule\b|\bplan of record\b/i,
  faq: /\bFAQ\b|\bquestions\b/i,
};

const TOPIC_ENTRIES = Object.entries(TOPIC_HEADINGS) as Array<[Topic, RegExp]>;

/** Headings about signing up (a partner, a portal account, a course), not about registering deals. */
const SIGN_UP_HEADING = /\b(?:partner|portal|account|program(?:me)?|user|event|webinar|training|course|company)\s+(?:registration|sign-?up)\b|\bregist\w+ (?:to|for|as) (?:the |a |an |our )?(?:program|portal|partner|course|training)/i;

/** The topics a heading's words name (before synonyms from the config). */
export function headingTopics(title: string): Topic[] {
  const signUp = SIGN_UP_HEADING.test(title) && !/\bdeal|\bopportunit|\blead|\breferral/i.test(title);
  const topics = TOPIC_ENTRIES.filter(([topic, re]) => re.test(title) && !(signUp && topic === 'dealRegistration')).map(([topic]) => topic);
  // "DR" (capitals) is how people abbreviate deal registration in headings.
  if (DR_HEADING.test(title) && !topics.includes('dealRegistration')) topics.push('dealRegistration');
  return topics;
}
/** "DR" as a heading means deal registration; "TL;DR" is a summary. */
const DR_HEADING = /(?<!\bTL;\s?)\bDRs?\b(?!\.)/;

/** Headings of sections about the past: a retrospective, last year's results, what went wrong. */
export const HISTORY_HEADING =
  /\bwhat (?:[\w-]+ ){0,3}taught us\b|\bwhat (?:happened|went (?:wrong|well)|we learn(?:ed|t)|we (?:tried|did|built|ran|launched|had)|(?:didn['’]t|did not) work|worked)\b|\bwhy (?:it|this|that|we|the [\w-]+) (?:failed|stalled|fell (?:short|apart)|(?:didn['’]t|did not) work)\b|\bhow it went\b|\bhow we got (?:here|to (?:here|this point|where we are))\b|\bthe story so far\b|\bwhere we(?:['’]ve| have) been\b|\bwhere we went wrong\b|\blessons?(?: learn(?:ed|t))?\b|\bretro(?:spective)?s?\b|\bpost-?mortem\b|\bhistory\b|\blooking back\b|\blast year\b|\b(?:previous|prior|earlier|old|first) (?:program(?:me)?|pilot|attempt|channel)\b|\b(?:(?:19|20)\d\d|Q[1-4]|H[12]|FY ?\d\d) (?:results|review|pilot|recap|actuals?|in review)\b|\b(?:results|recap) (?:of|from) (?:the|our) (?:last|previous|first|(?:19|20)\d\d)\b|\bhow (?:the|our) (?:last |first )?pilot went\b/i;

/**
 * Headings of sections about other companies: "What the competition does", "Competitive landscape",
 * "How competitors pay their partners". What they pay and run is not this plan.
 */
export function othersHeading(title: string): boolean {
  return OTHERS.test(title) && !ABOUT_US.test(title);
}
const OTHERS =
  /\b(?:the )?competition\b|\bcompetitors?['’]?\b|\bcompetitive (?:landscape|analysis|set|programs?|comparison)\b|\brivals?\b|\bhow (?:others|other (?:vendors|companies|programs)) (?:do|run|pay)\b|\bwhat (?:others|other (?:vendors|companies)) (?:do|pay|offer)\b/i;
/** "Why partners pick us over competitors", "Us vs the competition": about us, against them. */
const ABOUT_US = /\b(?:we|us|our|vs\.?|versus|against|over|differentiat\w*|why|win\w*|position\w*|beat\w*)\b/i;

/** Headings of sections that list what the plan will not do: "Things we won't bother with yet", "Non-goals", "Parked". */
export const NOT_PLANNED_HEADING =
  /\b(?:won['’]t|will not|not going to) (?:bother|do|build|offer|have|cover|tackle)\b|\bnot doing\b|\bnon-?goals?\b|\bout of scope\b|\bnot in scope\b|\bparked\b|\bdeferred\b|\bparking lot\b|\bwhat we (?:are not|aren['’]t|will not|won['’]t) (?:doing|do|recommending|recommend|pursuing|building|offering|launching)\b|\bnot recommend(?:ed|ing)?\b|\bnot (?:now|this year)\b|\bskipp(?:ed|ing)\b/i;

export class Section {
  units: Unit[] = [];
  children: Section[] = [];
  topics = new Set<Topic>();
  /** Archetypes named by the heading itself. */
  named: readonly Archetype[] = [];
  /**
   * The section, or a section it sits in, is not the plan: it is about the past ("Lessons learned",
   * "2024 results"), lists what the plan will not do ("Things we won't bother with yet") or tells
   * what other companies do ("What the competition does").
   */
  history = false;
  constructor(
    readonly heading: Unit | null,
    readonly title: string,
    readonly depth: number,
    readonly parent: Section | null,
  ) {}
  /** Units of this section and all its subsections, in order. */
  allUnits(out: Unit[] = []): Unit[] {
    for (const u of this.units) out.push(u);
    for (const c of this.children) c.allUnits(out);
    return out;
  }
  allSentences(): Sentence[] {
    const out: Sentence[] = [];
    for (const u of this.allUnits()) for (const s of u.sentences) out.push(s);
    return out;
  }
  /** This section and its ancestors, nearest first. */
  chain(): Section[] {
    const out: Section[] = [];
    for (let s: Section | null = this; s; s = s.parent) out.push(s);
    return out;
  }
  hasTopic(t: Topic): boolean {
    return this.topics.has(t);
  }
  /** The topic holds for this section or an enclosing one. */
  inTopic(t: Topic): boolean {
    for (let s: Section | null = this; s; s = s.parent) if (s.topics.has(t)) return true;
    return false;
  }
}
