/**
 * The analysis pipeline: parse -> plan model -> is it a plan? -> rules (each
 * isolated) -> inline controls -> readiness score. Pure and synchronous; never
 * throws for any input text.
 */
import * as path from 'node:path';
import { PlanModel } from './model.js';
import type { Unit } from './units.js';
import type { PieceCache } from './parse.js';
import { Evidence } from './facts/index.js';
import { defaultConfig, defaultOptions, type DetectionMode, type ResolvedConfig } from './config.js';
import { applyControls, readControls } from './controls.js';
import { readinessScore } from './score.js';
import { sectionSummaries } from './sections.js';
import type { Rule, RuleContext } from './rule.js';
import { documentTitle, readKind, titleNamesMechanic } from './kind.js';
import { PLACEHOLDER_OPEN, templates } from './templates.js';
import { IgnoreGlobs } from './selection.js';
import { sectionLevel, statesUnfilled } from './fixes.js';
import { dropCoveredElsewhere, linkedCoverage, type LinkResolver, type TopicReader } from './links.js';
import type { BenchmarkNote, Finding, Fix, LintResult, Span } from './types.js';
import { headingTopics, TOPIC_HEADINGS } from './outline.js';

export interface AnalyzeOptions {
  rules: readonly Rule[];
  /** The document's path: used by detection globs and reported as `file`. */
  filePath?: string;
  config?: ResolvedConfig;
  /** Overrides `config.detection.mode`. */
  detect?: DetectionMode;
  /** Documents larger than this (UTF-16 code units) are not analysed. */
  maxBytes?: number;
  /** Reuses parsed pieces between analyses of the same document. */
  cache?: PieceCache;
  /**
   * Time budget in milliseconds. Past it the analysis stops at the next piece or rule and the
   * document is reported as skipped (a guard against pathological input, not a hang).
   */
  timeBudgetMs?: number;
  /**
   * Gives the text of a document a relative markdown link points to (spec, "Programs that span
   * documents"). Topics the linked pages cover count as covered here; links are followed one level.
   */
  linked?: LinkResolver;
  /**
   * Asked between the steps of the analysis (after the parse, between rules): true stops it, and
   * `analyze` throws `AnalysisStopped`. An editor stops the analysis of a version that a newer
   * one replaced. What is cached so far stays valid for the next analysis.
   */
  shouldStop?: () => boolean;
}

/** Thrown by `analyze` when `shouldStop` said to stop. */
export class AnalysisStopped extends Error {
  constructor() {
    super('the analysis was stopped');
    this.name = 'AnalysisStopped';
  }
}

const PROGRAM_SIGNALS: RegExp[] = [
  /\bpartner(?:ship)?s? (?:program(?:me)?|strategy|network|ecosystem|motion|plan|team|channel|brainstorm|launch|kickoff|pilot)\b|\b(?:OEM|embedded) (?:partners?|partnerships?|program(?:me)?|deals?|agreements?)\b|\bpartner channel\b|\bneed partnerships\b|\bchannel (?:program|plan|motion|strategy|partners?)\b|\b(?:reseller|referral|alliances?|affiliate|influencer|integration partner) (?:program|plan|strategy)\b/i,
  /\bmargins?\b|\bcommissions?\b|\breferral fees?\b|\brev(?:enue)?[- ]share\b|\bfinder'?s? fees?\b|\brebates?\b/i,
  /\bdeal[- ]?registration\b|\bregister(?:ing)? (?:deals|referrals|opportunities)\b/i,
  /\b(?:partner|reseller|dealer|program|advisor|referral|channel) (?:tiers?|levels?|status)\b|\btier(?:s|ing)?\b(?=[^.]{0,60}\b(?:partners?|resellers?|dealers?|margins?|MDF)\b)/i,
  /\brecruit\w* (?:\w+ )?(?:partners?|resellers?|referrers?|dealers?|distributors?|msps?|advisors?)\b|\bpartners? (?:will come from|recruit)|\b(?:finding|signing|sign up|onboard\w*) (?:\w+ )?(?:partners?|resellers?|referrers?|dealers?)\b/i,
  /\b(?:partner|reseller|dealer|channel) (?:enablement|training|onboarding|certification)\b|\benablement\b(?=[^.]{0,60}\b(?:partners?|resellers?|dealers?|referrers?)\b)/i,
  new RegExp(String.raw`${TOPIC_HEADINGS.mdf.source}|\bco-?sell\w*|\bmarketplace\b`, 'i'),
  /\brefer(?:s|red|ring)? (?:us|customers?|clients?|leads?|businesses|them)\b|\breferral (?:fees?|commissions?|program|partners?)\b|\bintroductions? to (?:us|their clients)\b/i,
  /\bpilot\b[^.]{0,60}\b(?:partners?|resellers?|referrers?|dealers?|distributors?|consultants?|agencies|advisors?|msps?)\b/i,
  /\bresellers?\b|\breferral partners?\b|\breferrers\b|\bintegration partners?\b|\bstrategic alliances?\b|\bMSPs?\b|\bVARs?\b|\bdealers?\b|\bdistributors?\b|\baffiliates?\b|\binfluencers?\b|\bsystem integrators?\b|\bOEMs?\b/i,
];

/** Partners that are people inside a company (an HR or executive business partner), not a program's partners. */
const PEOPLE_PARTNERS = /\b(?:people|HR|human resources|finance|executive|talent|legal) business partners?\b|\bPBPs?\b|\bEBPs?\b|\bpartners? with (?:managers|finance|leaders|teams)\b/gi;

/** Words that name a program's partners. */
const PARTNER_WORDS = /\bpartner\w*|\bresell\w*|\breferr\w*|\bchannel partners?\b|\balliances?\b|\baffiliates?\b|\binfluencers?\b|\bMSPs?\b|\bVARs?\b|\bdealers?\b|\bdistributors?\b|\badvisors?\b|\bco-?sell\w*/gi;

/** A sentence about a program's partners: their names, or its channel. */
const SPEAKS_OF_PARTNERS = new RegExp(`${PARTNER_WORDS.source}|\\bchannels?\\b|\\bISVs?\\b|\\bintegrators?\\b|\\bcreators?\\b`, 'i');

/**
 * What a heading says when a partner program is the document's subject: its partners, its channel,
 * or one of its mechanics. A document whose title and headings never say any of it is about
 * something else, whatever its paragraphs mention in passing.
 */
const PROGRAM_SUBJECT = new RegExp(
  `${PARTNER_WORDS.source}|\\bchannels?\\b|\\bISVs?\\b|\\bintegrators?\\b|\\bmarketplaces?\\b|\\bdeal[- ]?reg\\w*|\\bMDF\\b|\\bmarket(?:ing)? development\\b|\\bmargins?\\b|\\bcommissions?\\b|\\brebates?\\b|\\bpayouts?\\b|\\bSPIFFs?\\b`,
  'i',
);

/** Headings about a tool's screens, records and plumbing, not about a program. */
const TOOL_HEADING = /\b(?:sync\w*|salesforce|SFDC|dashboards?|views?|fields?|objects?|glossary|integrations?(?! partners?\b| program)|access|workflows?|PRM|CRM|API|statuses|status|(?:sub)?flows?|picklists?|runbooks?|tickets?|validation rules?|page layouts?|records?)\b/i;

function toolHeadings(plan: PlanModel): { hits: number; of: number } {
  let hits = 0;
  for (const sec of plan.sections) {
    // Remembered by the heading's sentence when the title is its text.
    const heading = sec.heading?.sentences[0];
    if (heading && heading.text === sec.title ? heading.memo('toolHeading', () => TOOL_HEADING.test(sec.title)) : TOOL_HEADING.test(sec.title)) hits++;
  }
  return { hits, of: plan.sections.length };
}

/** Section topics that are a program's own mechanics: two headings about them make the program the subject. */
const MECHANIC_TOPICS = ['dealRegistration', 'tiers', 'mdf', 'recruiting', 'enablement', 'exitCriteria', 'pilot', 'conflict', 'pricingProtection', 'economics'] as const;

function subjectInHeadings(plan: PlanModel): boolean {
  const fm = plan.frontMatter?.data;
  const said = [fm?.title, fm?.description].filter((v): v is string => typeof v === 'string');
  for (const sec of plan.sections) said.push(sec.title);
  if (said.some((h) => PROGRAM_SUBJECT.test(h.replace(PEOPLE_PARTNERS, '')))) return true;
  // A policy page's title names its one mechanic ("Co-Marketing Funds Policy", "Deal Registration").
  const titleTopics = headingTopics(documentTitle(plan));
  if ((['dealRegistration', 'mdf', 'pricingProtection'] as const).some((t) => titleTopics.includes(t))) return true;
  // "Pilot", "Recruiting", "Economics", "Exit": a plan can name only its mechanics.
  return plan.sections.filter((sec) => MECHANIC_TOPICS.some((t) => sec.topics.has(t))).length >= 2;
}

/**
 * Kinds of document that talk about partners without being a program's plan, guide or policy, each
 * known by several distinct marks: three of one kind's marks (and its first, when `firstRequired`)
 * tell it.
 */
const GENRES: ReadonlyArray<{ name: string; marks: readonly RegExp[]; firstRequired?: boolean; title?: RegExp }> = [
  {
    name: 'a job description',
    marks: [/\bwhat you['’]ll (?:do|own)\b|\bwhat you will do\b|\b(?:responsibilities|your day)\b/i, /\b(?:about the role|the role|this role)\b/i, /\b(?:requirements|qualifications|who you are|you have|nice to have|what you['’]ll bring|what we['’]re looking for)\b/i, /\b(?:location|travel|employment type)\W{0,3}:/i, /\b(?:salary|compensation and benefits|base pay|OTE of|equity|paid leave|how we hire|apply|application process|interview)\b/i, /\byears of (?:experience|selling)\b/i],
  },
  {
    name: 'a hiring-referral policy',
    marks: [/\bcandidates?\b/i, /\b(?:open roles?|open positions?|job openings?|vacanc(?:y|ies))\b/i, /\b(?:new hires?|hired|hiring manager|recruiters?|talent (?:team|acquisition|partners?))\b/i, /\b(?:employees?|staff members?)\b[^.]{0,40}\brefer\w*|\bemployee referrals?\b/i, /\b(?:probation(?:ary)? period|start date|payroll)\b/i],
  },
  {
    name: 'a podcast or interview write-up',
    marks: [/\bepisode\b/i, /\b(?:host|guest|interviewer)\b/i, /\b(?:listen(?:ers?)?|subscribe|show notes|timestamps?|transcript)\b/i, /\b(?:key takeaways|resources mentioned|about the guest)\b/i],
  },
  {
    // The contract itself (parties, defined terms, clauses, boilerplate): what a partner signs, not how the program runs.
    // A program's terms and conduct page is written the same way and is a policy: an agreement names itself one.
    name: 'a legal agreement',
    firstRequired: true,
    marks: [
      /\b(?:this|the) (?:[A-Z][\w-]* ){0,4}Agreement\b(?! (?:template|is (?:signed|available|linked)))/,
      /\b(?:hereby|herein|hereunder|hereto|thereof|whereas|in witness whereof)\b/i,
      /\b(?:governing law|indemnif\w+|limitation of liability|force majeure|severability|entire agreement|assignment|waiver)\b/i,
      /["“][A-Z][\w -]{1,40}["”] (?:means|shall mean|has the meaning)\b/,
      /\b(?:under|in|of|with) clause \d+(?:\.\d+)*\b|\bthe (?:Parties|Effective Date|Term)\b/,
    ],
  },
  {
    // Pay for the company's own sellers (named first: a commission plan for partners is a program
    // document), with a section on deals that involve partners.
    name: 'a sales compensation plan',
    firstRequired: true,
    marks: [
      /\b(?:account executives?|AEs?|SDRs?|BDRs?|quota[- ]carrying (?:reps?|sellers?))\b/,
      /\bOTE\b|\bon-target earnings\b/i,
      /\b(?:base salary|pay mix|variable (?:pay|compensation|at target))\b/i,
      /\b(?:quota )?attainment\b/i,
      /\b(?:plan letter|commissionable|clawbacks?|draws? against|decelerators?|super-accelerators?)\b/i,
    ],
  },
  {
    // A vendor selling its software (a PRM, say) to the people who run partner programs.
    name: 'a software product page',
    marks: [
      /\b(?:book|request|schedule|get) a (?:demo|call)\b|\bstart (?:a |your )?free trial\b|\btalk to sales\b|\bsign up (?:for )?free\b/i,
      /\btrusted by\b|\bwhat (?:our )?customers (?:say|report)\b|\btestimonials?\b|\bcustomer stories\b/i,
      /\b(?:per (?:user|seat|admin)|billed (?:annually|monthly)|pricing plans?|free plan|starter plan|(?:starter|growth|enterprise) plan)\b/i,
      /\b(?:native )?integrat(?:es|ions?) with (?:Salesforce|HubSpot|Slack|Microsoft Teams|your CRM)\b|\bAPI and webhooks\b/i,
      /\b(?:platform|software|tool|app|solution) (?:built|designed|made) for\b/i,
    ],
  },
  {
    // An agency selling its services (partner or affiliate marketing among them) to client brands:
    // it names itself an agency, lists its services, shows client results and asks for a call.
    name: "an agency's services page",
    firstRequired: true,
    marks: [
      /\b(?:is|are|we['’]re) an? (?:[\w-]+ ){0,3}(?:agency|consultancy)\b|\bour agency\b/i,
      /\bour (?:[\w-]+ ){0,2}services\b|\bservices we offer\b|\bwhat we do for (?:you|clients|brands)\b|^\W*what we do\W*$|\bhow an? engagement works\b/im,
      /\b(?:results for (?:our )?clients|client results|case stud(?:y|ies)|clients we['’]ve worked with|for (?:our )?clients|what (?:our )?clients say|testimonials?)\b/i,
      /\b(?:talk to us|get in touch|book an? (?:\d+-minute )?(?:call|consultation|discovery call)|contact us|let['’]s talk)\b|^\W*contact\W*$/im,
      /\b(?:monthly )?retainers?\b|\bper month\b|\bmonthly fee\b|\bproject fee\b/i,
    ],
  },
  {
    // An event's programme: sessions by the hour, a venue, travel and what to wear.
    name: 'an event agenda',
    title: /\bagenda\b|\bsummit\b|\bconference\b|\bkick-?off\b|\boffsite\b|\bforum\b|\broadshow\b/i,
    marks: [
      /\bagenda\b/i,
      /\bvenue\b|\b(?:travel|hotel|accommodation)\b[^\n]{0,20}\b(?:and|&)\b[^\n]{0,20}\b(?:hotel|travel|accommodation)\b/i,
      /^\W*day (?:1|2|3|one|two|three)\b|\b(?:keynote|breakout|fireside chat|networking (?:drinks|reception|lunch)|welcome (?:drinks|coffee))\b/im,
      /\|\s*time\s*\|\s*session\b|\b\d{1,2}[:.]\d{2}\s*(?:[-–]\s*\d{1,2}[:.]\d{2})?\s*(?:am|pm)?\s*\|/i,
      /\bdress code\b|\bawards? (?:dinner|ceremony|night)\b|\bregistration (?:for the (?:summit|event|conference) )?closes\b/i,
    ],
  },
  {
    // A founder's periodic letter to the company's investors: numbers, burn, highlights and asks.
    name: 'an investor update',
    firstRequired: true,
    marks: [
      /\b(?:investor|shareholder|stakeholder)s?['’]? (?:update|letter|memo|newsletter)\b|\bupdate (?:to|for) (?:our )?(?:investors|shareholders)\b|\bdear (?:investors|shareholders)\b/i,
      /\b(?:gross |net )?burn\b|\brunway\b|\bcash (?:in the bank|balance|on hand)\b/i,
      /^\W*(?:highlights|lowlights|asks?|the ask|how you can help|where you can help|what we need from you)\W*$/im,
      /\b(?:intros?|introductions?) to\b|\bif you know (?:anyone|someone|a|an)\b|\bplease (?:forward|share|intro)\b/i,
      /\b(?:month[- ]over[- ]month|MoM|(?:new|total) ARR|ARR (?:of|is|at|grew|up))\b/i,
    ],
  },
  {
    name: 'a press release',
    marks: [
      /\btoday announced\b|\bannounced today\b|\bfor immediate release\b/i,
      /\b(?:media|press) (?:contact|enquiries|inquiries)\b/i,
      /^\W*About [A-Z][\w-]+(?: [A-Z][\w-]+){0,2}\W*$/m,
      /\b[A-Z]{3,}(?: and [A-Z]{3,})?,? (?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?: \d{1,2})?,? \d{4}\b/,
      /\b(?:said|says) [A-Z][a-z]+ [A-Z][a-z]+,|[“"][^”"]{20,}[”"],? (?:said|says)\b/,
    ],
  },
  {
    // How customers' problems are handled: severities, response times, incidents, service credits.
    name: 'a customer support policy',
    // Its title says so: a security or MSP plan speaks of incidents, tickets and response times too.
    title: /\b(?:support|escalation|incident|service[- ]level|SLA)\b/i,
    marks: [
      /\b(?:sev(?:erity)?\s?[1-4]|P[1-4])\b|\bseverity levels?\b/i,
      /\b(?:support tickets?|tickets?|help ?desk|support (?:agents?|engineers?|team|line|queue))\b/i,
      /\b(?:incidents?|outages?|post-?mortems?|root cause)\b/i,
      /\b(?:first |initial )?response (?:times?|targets?)\b|\btime to (?:respond|resolve|resolution)\b/i,
      /\bservice credits?\b|\buptime\b|\bavailability (?:target|commitment)\b/i,
    ],
  },
  {
    name: 'a supplier-management policy',
    // Its title says so: a partner plan speaks of vendors, procurement and due diligence too.
    title: /\bsuppliers?\b|\bvendors?\b|\bprocurement\b|\bpurchasing\b|\bthird[- ]party\b/i,
    marks: [/\bsuppliers?\b/i, /\bvendors?\b/i, /\bprocurement\b/i, /\b(?:purchase orders?|due diligence|third-party risk|RFPs?|RFQs?|spend (?:category|threshold|approval))\b/i, /\b(?:conflicts? of interest|gifts? and hospitality|anti-bribery)\b/i],
  },
];

function popcount(bits: number): number {
  let n = 0;
  for (; bits; bits &= bits - 1) n++;
  return n;
}

/** What detection counts in one piece's sentences. */
/** Words of software documentation: a README or design note about code, not about a partner program. */
const SOFTWARE_WORDS =
  /\b(?:repo(?:sitory)?|APIs?|endpoints?|npm|pnpm|yarn|pip|install(?:ing|ation)?|build(?:s|ing)?|deploy\w*|frontend|backend|components?|schema|database|CLI|SDK|webhooks?|JSON|YAML|localhost|staging|pull requests?|commits?|branch(?:es)?|env(?:ironment)? variables?|config(?:uration)? files?|unit tests?|CI)\b/gi;

/** Marks of API documentation and changelogs: routes, versions, status codes, release headings. */
const SOFTWARE_MARKS =
  /\b(?:GET|POST|PUT|PATCH|DELETE) \/[\w/{}.-]*|\bv\d+\.\d+(?:\.\d+)?\b|^\d+\.\d+\.\d+\b|\b(?:rate limits?|changelog|semantic versioning|breaking changes?|status codes?|HTTP|requests? per (?:minute|second)|deprecated|sandbox environment|\d{3} (?:Conflict|Not Found|Bad Request|Unauthorized|Forbidden))\b|^(?:Added|Changed|Fixed|Deprecated|Removed|Security)$/gm;

function signalsOf(units: readonly Unit[]): { partnerWords: number; affiliate: number; signals: number; software: number; sentences: number; aboutPartners: number; genres: number[] } {
  const text = units.flatMap((u) => u.sentences.map((s) => s.text)).join('\n');
  let sentences = 0;
  let aboutPartners = 0;
  for (const u of units) {
    if (u.kind === 'heading') continue;
    for (const s of u.sentences) {
      sentences++;
      if (SPEAKS_OF_PARTNERS.test(s.text.replace(PEOPLE_PARTNERS, ''))) aboutPartners++;
    }
  }
  let signals = 0;
  PROGRAM_SIGNALS.forEach((re, i) => {
    if (re.test(text)) signals |= 1 << i;
  });
  return {
    partnerWords: (text.replace(PEOPLE_PARTNERS, '').match(PARTNER_WORDS) ?? []).length,
    affiliate: (text.match(/\baffiliates?\b|\binfluencers?\b|\bcreator (?:program|partners?)\b/gi) ?? []).length,
    signals,
    software: (text.match(SOFTWARE_WORDS) ?? []).length + (text.match(SOFTWARE_MARKS) ?? []).length,
    sentences,
    aboutPartners,
    genres: GENRES.map((g) => g.marks.reduce((bits, re, i) => (re.test(text) ? bits | (1 << i) : bits), 0)),
  };
}

/**
 * Detection globs, compiled once per list: matched segment by segment with one remembered star
 * (see selection.ts), so no pattern can make matching backtrack.
 */
const globCache = new WeakMap<readonly string[], IgnoreGlobs>();
function compiledGlobs(globs: readonly string[]): IgnoreGlobs {
  let compiled = globCache.get(globs);
  if (!compiled) globCache.set(globs, (compiled = IgnoreGlobs.compile(globs)));
  return compiled;
}

function detect(plan: PlanModel, mode: DetectionMode, filePath: string | undefined, config: ResolvedConfig): { isPlan: boolean; why: string } {
  const fm = plan.frontMatter;
  if (fm?.type && /^partnership[- ]plan$/i.test(fm.type.trim())) return { isPlan: true, why: 'front matter type: partnership-plan' };
  if (fm?.hasPartnerlintKey) return { isPlan: true, why: 'front matter has a partnerlint key' };
  if (mode === 'always') return { isPlan: true, why: 'detection mode "always"' };
  if (filePath) {
    const rel = path.relative(config.baseDir ?? process.cwd(), path.resolve(filePath)).split(path.sep).join('/');
    if (config.detection.exclude.length && compiledGlobs(config.detection.exclude).matches(rel, false)) return { isPlan: false, why: 'path matches detection.exclude' };
    if (config.detection.include.length && compiledGlobs(config.detection.include).matches(rel, false)) return { isPlan: true, why: 'path matches detection.include' };
  }
  if (mode === 'frontmatter') return { isPlan: false, why: 'detection mode "frontmatter" and no plan front matter' };
  // Counted piece by piece (a piece's text is its sentences, one per line) and kept with each piece.
  let partnerWords = 0;
  let affiliate = 0;
  let signals = 0;
  let software = 0;
  let sentences = 0;
  let aboutPartners = 0;
  const genres = GENRES.map(() => 0);
  for (const piece of plan.perPiece('detection', signalsOf)) {
    piece.genres.forEach((bits, i) => (genres[i] |= bits));
    sentences += piece.sentences;
    aboutPartners += piece.aboutPartners;
    partnerWords += piece.partnerWords;
    affiliate += piece.affiliate;
    signals |= piece.signals;
    software += piece.software;
  }
  const title = plan.titleUnit?.text ?? '';
  const titleSignal = /\bpartnerships?\b|\bpartner (?:program|channel|strategy|network|plan|ecosystem|pilot)\b|\bOEM\b|\bchannel (?:program|partners?|plan|strategy)\b|\bresell\w*|\breferrals?\b|\balliances?\b|\baffiliates?\b|\bco-?sell/i.test(title) ? 1 : 0;
  const families = PROGRAM_SIGNALS.filter((_, i) => signals & (1 << i)).length + titleSignal;
  // A job description, a hiring-referral policy, a podcast write-up, a legal agreement, a sales compensation plan,
  // a software product page, an agency's services page, an event agenda, an investor update, a press release, a customer support
  // policy, a supplier policy: three marks of one kind (read first: an agency that runs affiliate programs for its
  // clients is not running one).
  // (A long handbook page gathers a few of any kind's marks in passing: only pages of ordinary length are judged so.)
  const docTitle = documentTitle(plan);
  const genre = sentences < 250 ? GENRES.findIndex((g, i) => popcount(genres[i]) >= 3 && (!g.firstRequired || (genres[i] & 1) === 1) && (!g.title || g.title.test(docTitle))) : -1;
  if (genre >= 0) return { isPlan: false, why: `content reads as ${GENRES[genre].name}` };
  // (In a long document, a few mentions of affiliates among hundreds of sentences do not make it one.)
  if (affiliate >= 3 && families >= 1 && affiliate * 40 >= sentences) return { isPlan: true, why: 'content: an affiliate or influencer program' };
  // Software documentation (a README about a partner portal's code) speaks of partners without planning a program.
  if (software >= 12) {
    const fences = software >= 20 ? (plan.text.match(/^ {0,3}(?:```|~~~)/gm)?.length ?? 0) >> 1 : 0;
    if ((fences >= 3 && software >= 20) || (software > partnerWords && families < 6))
      return { isPlan: false, why: `content reads as software documentation (${software} software terms, ${fences} code blocks)` };
  }
  // Paragraphs that mention partners in passing (an HR page naming the partnerships team) are not a
  // program: unless its headings say so, a document needs the signals of most of a program.
  if (!subjectInHeadings(plan) && families < 6) return { isPlan: false, why: `no heading speaks of partners or a program's mechanics (${families} signals in the text)` };
  // A partner program's plan, guide or policy speaks of partners throughout; a document that does in
  // fewer than one sentence in six (a sales compensation plan with a section on partner deals) is about
  // something else.
  if (sentences >= 20 && aboutPartners * 6 < sentences)
    return { isPlan: false, why: `partners come up in only ${aboutPartners} of its ${sentences} sentences` };
  // Documentation of a tool (a PRM's screens, fields and sync) speaks of MDF and deal registration as records.
  const tool = toolHeadings(plan);
  if (tool.hits >= 5 && tool.hits * 10 >= tool.of * 3) return { isPlan: false, why: `content reads as documentation of a tool (${tool.hits} of ${tool.of} headings are about its screens, fields or sync)` };
  if (partnerWords >= 5 && families >= 3) return { isPlan: true, why: `content: ${families} partner-program signals` };
  // A short note ("# Referrals" and ten lines deciding to start one) has fewer partner words to show.
  if (titleSignal && partnerWords >= 3 && families >= 3 && sentences < 15) return { isPlan: true, why: `content: a short note about a partner program (${families} signals)` };
  // A policy page covers one or two mechanics, so it shows fewer kinds of signal; its title names the mechanic.
  if (partnerWords >= 5 && families >= 2 && titleNamesMechanic(docTitle)) return { isPlan: true, why: `content: a policy page for a partner program (${families} signals)` };
  return { isPlan: false, why: `content does not read as a partner program plan (${families} signals, ${partnerWords} partner words)` };
}

/** The document's title as written (front matter `title:`, else the title heading), its headings and their level, for reports and editors. */
function outlineOf(plan: PlanModel): Pick<LintResult, 'titleText' | 'outline' | 'sectionLevel'> {
  const fmTitle = plan.frontMatter?.data.title;
  const titleText = (typeof fmTitle === 'string' && fmTitle.trim() ? fmTitle : (plan.titleUnit?.section?.title ?? '')).trim();
  return {
    ...(titleText ? { titleText } : {}),
    sectionLevel: sectionLevel(plan),
    outline: plan.sections.filter((x) => x.heading).map((x) => ({ heading: x.title.trim(), depth: x.depth, line: plan.lines.lineOf(x.heading!.start) + 1 })),
  };
}

function emptyResult(plan: PlanModel | null, file: string | undefined, why: string, title: Span): LintResult {
  return { file, isPlan: false, detection: why, kind: null, archetypes: [], stage: null, readiness: null, findings: [], sections: [], benchmarks: [], title };
}

function insertedUnfilled(plan: PlanModel, templateId: string | undefined): boolean {
  const topic = templateId ? templates.find((t) => t.id === templateId)?.topic : undefined;
  return !!topic && plan.sectionsWith(topic).some((sec) => statesUnfilled(sec, [], /./));
}

/**
 * Whether a fix's text is already in the document, its placeholders filled or not: the sentence a
 * fix appends ("…names at least ‹N› committed sales reps…") waits for its values, and the finding
 * that offered it is not reported (or applied) again.
 */
function fixAlreadyInText(text: string, fix: Fix): boolean {
  return fix.edits.some((e) => {
    const t = e.newText.trim();
    if (t.length < 20 || !t.includes(PLACEHOLDER_OPEN)) return false;
    const parts = t.split(/‹[^›\n]*›/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(parts.join('[^\\n]*?')).test(text);
  });
}

/** The rules' readings of whether a document states their topic, for the pages a document links to. */
function topicReaders(rules: readonly Rule[]): TopicReader[] {
  const out: TopicReader[] = [];
  for (const r of rules) if (r.meta.topic && r.states) out.push({ topic: r.meta.topic, states: (plan) => r.states!(plan) });
  return out;
}

function redFlagIds(rules: readonly Rule[]): ReadonlySet<string> {
  return new Set(rules.filter((r) => r.meta.redFlag).map((r) => r.meta.id));
}

const LINE1: Span = { line: 1, column: 1, endLine: 1, endColumn: 1, startOffset: 0, endOffset: 0 };

export function analyze(text: string, options: AnalyzeOptions): LintResult {
  const config = options.config ?? defaultConfig(options.rules);
  const file = options.filePath;
  if (options.maxBytes !== undefined && text.length > options.maxBytes) {
    const size = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);
    return { ...emptyResult(null, file, 'too large', LINE1), skipped: `the document is ${size(text.length)}, over the ${size(options.maxBytes)} limit for analysis` };
  }
  const started = performance.now();
  const deadline = options.timeBudgetMs !== undefined ? started + options.timeBudgetMs : undefined;
  const overBudget = (): LintResult => ({
    ...emptyResult(null, file, 'time budget exceeded', LINE1),
    skipped: `analysis took longer than ${options.timeBudgetMs} ms, so the document was skipped`,
  });
  let plan: PlanModel;
  try {
    plan = new PlanModel(text, { synonyms: config.synonyms, cache: options.cache, deadline });
  } catch (e) {
    if (deadline !== undefined && performance.now() > deadline) return overBudget();
    return { ...emptyResult(null, file, 'parse failed', LINE1), skipped: `the document could not be read as markdown: ${(e as Error).message}` };
  }
  const stopIfAsked = () => {
    if (options.shouldStop?.()) throw new AnalysisStopped();
  };
  stopIfAsked();
  const title = plan.titleSpan();
  const fm = plan.frontMatter ? { frontMatter: plan.span(plan.frontMatter.start, plan.frontMatter.end), frontMatterProblems: plan.frontMatter.problems } : {};
  const detection = detect(plan, options.detect ?? config.detection.mode, file, config);
  if (!detection.isPlan) return { ...emptyResult(plan, file, detection.why, title), ...fm };

  const evidence = new Evidence(plan);
  const { kind, why: kindWhy } = readKind(plan);
  const findings: Finding[] = [];
  const benchmarks: BenchmarkNote[] = [];
  const run = (rule: Rule): number => {
    const setting = config.rules[rule.meta.id] ?? { severity: rule.meta.defaultSeverity, options: defaultOptions(rule) };
    if (setting.severity === 'off') return 0;
    if (rule.meta.kinds && !rule.meta.kinds.includes(kind)) return 0;
    const before = findings.length;
    const ctx: RuleContext<unknown> = {
      options: setting.options,
      kind,
      plan,
      evidence,
      report: (r) => {
        // A topic whose section template was inserted and not yet filled in is there, unfilled:
        // `unfilled-placeholder` reports it, and the fix is never offered (or applied) twice.
        if (r.fixes?.some((f) => insertedUnfilled(plan, f.templateId) || fixAlreadyInText(plan.text, f))) return;
        const span = 'line' in r.at ? r.at : plan.span(r.at.start, r.at.end);
        findings.push({
          ruleId: rule.meta.id,
          severity: r.info ? 'info' : setting.severity === 'off' ? rule.meta.defaultSeverity : setting.severity,
          message: r.message,
          ...span,
          ...(r.fixes && r.fixes.length ? { fixes: r.fixes } : {}),
        });
      },
      note: (n) => {
        const sp = plan.span(n.at.start, n.at.end);
        benchmarks.push({ kind: n.kind, subject: n.subject, text: n.text, band: n.band, inBand: n.inBand, ...sp });
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      findings.length = before;
      findings.push({
        ruleId: rule.meta.id,
        severity: 'error',
        message: `Rule "${rule.meta.id}" failed on this document and was skipped: ${(e as Error)?.message ?? String(e)}`,
        ...title,
      });
    }
    return findings.length - before;
  };

  const outOfScope = options.rules.find((r) => r.meta.id === 'out-of-scope');
  const scoped = outOfScope ? run(outOfScope) : 0;
  if (scoped > 0 && findings.some((f) => f.ruleId === 'out-of-scope')) {
    // Parts that were not read are named whatever the document is.
    const notRead = options.rules.find((r) => r.meta.id === 'not-analysed');
    if (notRead) run(notRead);
    return {
      file,
      isPlan: true,
      detection: detection.why,
      kind: null,
      archetypes: plan.archetypes,
      stage: plan.stage,
      readiness: null,
      findings: applyControls(findings, readControls(plan)),
      sections: [],
      benchmarks: [],
      title,
      ...fm,
    };
  }
  for (const rule of options.rules) {
    if (rule === outOfScope) continue;
    if (deadline !== undefined && performance.now() > deadline) return overBudget();
    stopIfAsked();
    run(rule);
  }
  stopIfAsked();

  const coverage = options.linked ? linkedCoverage(plan, options.linked, { synonyms: config.synonyms, deadline, readers: topicReaders(options.rules) }) : undefined;
  const visible = applyControls(dropCoveredElsewhere(findings, coverage, options.rules, plan, title.line), readControls(plan)).sort((a, b) => a.startOffset - b.startOffset || a.ruleId.localeCompare(b.ruleId));
  return {
    file,
    isPlan: true,
    detection: detection.why,
    kind,
    kindWhy,
    archetypes: plan.archetypes,
    stage: plan.stage,
    readiness: kind === 'plan' ? readinessScore(evidence.preconditions, visible, redFlagIds(options.rules)) : null,
    findings: visible,
    sections: sectionSummaries(plan, evidence, coverage?.covered),
    topics: [
      ...plan.sections.filter((x) => x.heading && x.heading !== plan.titleUnit).flatMap((x) => [...x.topics].map((topic) => ({ topic, line: plan.lines.lineOf(x.heading!.start) + 1 }))),
      ...(coverage?.covered ?? []).map((c) => ({ topic: c.topic, line: c.line })),
    ],
    ...(coverage?.covered.length ? { coveredElsewhere: coverage.covered } : {}),
    benchmarks: benchmarks.sort((a, b) => a.startOffset - b.startOffset),
    ...outlineOf(plan),
    title,
    ...fm,
  };
}
