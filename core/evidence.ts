/**
 * Shared readings of a plan: the domain judgment several rules, the readiness
 * score and the section summaries rely on. Each reading is computed once per
 * analysis (lazily) from the plan model's sentences and sections.
 */
import type { Archetype, PreconditionKey, PreconditionEvidence, Stage } from './types.js';
import { PRECONDITIONS } from './types.js';
import { COSELL_CUE, MARKETPLACE_CUE, statesCoSell, statesMarketplaceListing } from './facts/platforms.js';
import { DIFFERENTIATION_CUE, priceOnly, statesDifferentiation } from './facts/differentiation.js';
import { PRODUCT_CUE, statesProductMaturity } from './facts/product.js';
import { ICP_CUE, openProfile, PRICING_CUE, SALES_CYCLE_CUE, statesIcp, statesPricing, statesSalesCycle } from './facts/sales.js';
import { ANY_PARTNER, CAPITALISED_TIER_NAMES, DIRECT_SELLERS, oneOf, PARTNER_NOUNS, TIER_NAMES } from './vocabulary.js';
import { AFTER_PILOT, ANSWER_START, COVERED_ELSEWHERE, HEDGE, isHedged, isNegatedAt, isStatement, reportsThePast, statesDiscontinuation, TOPIC_HEADINGS, type PlanModel, type Section, type Sentence, type Topic, type Unit } from './model.js';
import {
  timeFrameMonths,
  type CountMatch,
  type DurationMatch,
  type PercentMatch,
} from './numbers.js';

export type PercentCategory = 'payout' | 'revenueShare' | 'mdf' | 'customerDiscount' | 'grossMargin' | 'other';

export interface PercentFact {
  sentence: Sentence;
  match: PercentMatch;
  start: number;
  end: number;
  category: PercentCategory;
  /** Whose payout/share this is. */
  archetypes: Archetype[];
}

export interface DurationFact {
  sentence: Sentence;
  match: DurationMatch;
  start: number;
  end: number;
}

export interface Target {
  sentence: Sentence;
  kind: 'channelShare' | 'partnerCount';
  min: number;
  max: number;
  start: number;
  end: number;
  /** Months from the program's start the target is set for, when known. */
  months: number | null;
}

/** A partner moves down a tier or leaves. */
export const PARTNER_EXIT =
  /\b(?:moves?|moved|drops?|steps?) down (?:a|one) (?:tier|level)\b|\bdowngrad\w+|\boff-?board\w*|\bremoved from\b|\b(?:agreement|partnership|contract)s? (?:lapses?|is not renewed|are not renewed|ends|is terminated)\b|\bnot (?:be )?renewed\b|\bterminat\w+ (?:the )?(?:agreement|partner\w*|contract)|\bend (?:the|your|its|their) (?:agreement|partnership|contract)\b|\bwe end it\b|\bno (?:closed )?(?:deals?|referrals?|revenue|new (?:client|customer)s?) (?:in|for) (?:\d+|\w+) months\b|\b(?:leaves?|exits?|is removed from|drops? out of) the (?:pilot|program|network)\b|\bdrop (?:any|the|those|partners?|connectors?|resellers?|integrations?)\b|\brevoke\w*|\bdelist\w*|\bmove (?:them )?down\b|\b(?:are|is|get|gets|will be|be) (?:removed|dropped|demoted|offboarded|terminated|retired|cut)\b|\bdemot\w+/i;
/** The program itself is redesigned, paused or stopped. */
export const PROGRAM_EXIT =
  /\bsunset\w*|\bredesign\w*|\bwind (?:it |the program )?down\b|\bshut (?:it |the program )?down\b|\bstop (?:the )?(?:\w+ )?(?:model|program|pilot|channel|recruiting)\b|\bpause (?:the )?(?:program|recruiting)\b/i;

/**
 * A partner leaving or moving down, read from its parts in any order: partners (or "you", a tier, an
 * agency), a way out or down (drop to a tier, lose status, closed, probation, moved to the inactive
 * list), and a condition (who miss, no deal in N months, fewer than, otherwise). Customers are not partners.
 */
const EXIT_PARTY = new RegExp(`\\b(?:${ANY_PARTNER}|partnerships?|you|members?)\\b`, 'i');
/** A tier named with its capital ("Gold partners who miss…"). */
const TIER_CAPS = new RegExp(`\\b${CAPITALISED_TIER_NAMES}\\b`);
const WAY_OUT =
  /\b(?:drops?|dropped|falls?|fell|reverts?|reverted|moves?|moved|goes|go|returns?) (?:back )?(?:down )?to\b|\b(?:loses?|lose|lost|forfeits?) (?:\w+ ){0,2}(?:status|tier|level|badge|access|benefits|membership)\b|\b(?:moved|put|placed) (?:on|to|in)(?:to)? (?:the )?(?:inactive|probation|watch|dormant)\w*|\bprobation\b|\b(?:accounts?|agreements?|partnerships?|memberships?) (?:are|is|will be|get|gets) (?:closed(?! to\b)|ended|terminated|suspended|not renewed)\b|\bclosed after\b|\bending a partnership\b|\bsuspend\w*|\bdeactivat\w+|\b(?:stop|stops) receiving\b|\binactive list\b|\bterminat\w+|\bre-?tiered (?:down\w*|lower)\b|\bdowngrad\w+|\bdemot\w+|\b(?:removed|offboarded|delisted|dropped) from\b/i;
const EXIT_CONDITION =
  /\b(?:who|that|which) (?:miss|misses|fail|fails|falls? below|send no|sends no|have no|has no|close no|closes no|register no)\b|\bwith (?:no|fewer than|less than|under)\b|\bno (?:\w+ ){0,3}(?:deals?|referrals?|introductions?|pipeline|revenue|sales?|activity|bookings|opportunit\w+|registrations?|consultants?|staff)\b|\b(?:fewer|less) than\b|\botherwise\b|\bas long as\b|\bunless\b|\bif\b|\bmiss(?:es|ed)?\b|\bbelow\b|\bcriteria for\b|\bin a row\b|\bexpired\b|\binactive\b|\b(?:lets?|let) (?:its|their|your) [\w-]+ (?:lapse|expire)\b|\bbreach\w*|\bviolat\w+|\bloses? (?:its|their|your) (?:last )?\w+|\b(?:who|that) (?:don't|do not|doesn't|does not)\b|\bnot meeting\b|\bescalations?\b|\bfall(?:s)? (?:under|short)\b|\bwithout (?:revenue|deals?|a deal|a sale|sales|activity|referrals?)\b|\bafter (?:a|one|two|\d+) (?:\w+ )?(?:years?|quarters?|months?) (?:without|with no)\b|\bafter a second\b/i;
/** Customers leaving or moving down ("Customers who don't renew are offboarded"), and a partner's own notice period. */
const NOT_A_PARTNER_EXIT = /^\W*(?:\w+ ){0,2}(?:customers?|users?|subscribers?) (?:who|that|on|are|is|will|with)\b|\b(?:leave|exit|quit)\b[^.]{0,30}\bat any time\b/i;

/** A partner moving down or out on a stated condition (the patterns of old, or their parts in any order). */
export function statesPartnerExit(text: string): boolean {
  if (NOT_A_PARTNER_EXIT.test(text) || isHedged(text) || /\bnever\b/i.test(text)) return false;
  return PARTNER_EXIT.test(text) || ((EXIT_PARTY.test(text) || TIER_CAPS.test(text)) && WAY_OUT.test(text) && EXIT_CONDITION.test(text));
}

/**
 * The program itself stopping or changing course on a condition, read from its parts: the program
 * (the pilot, the channel, a motion, "partnerships"), an end or a change of course (shut down, wind
 * down, pause, drop, shelve, close to new partners, cut back, go back to direct-only, rework), and a
 * condition or a label (if, unless, otherwise, go/no-go, stop criterion, tripwire).
 */
const PROGRAM_PARTY =
  /\b(?:program(?:me)?s?|pilots?|channel|experiment|motion|partnerships|partner model|model|initiative|network)\b|\b(?:it|we)\b/i;
const PROGRAM_END =
  /\b(?:shut\w* (?:\w+ ){0,3}down|wind\w* (?:\w+ ){0,3}down|wound (?:\w+ ){0,2}down|end (?:it|the \w+)|ends|ended|pause\w*|drop (?:it|the \w+)|shelve\w*|kill\w*|stop\w*|clos(?:e|es|ed) (?:it|the \w+) (?:to new|down)|cut (?:it |the \w+ )?back|go (?:back )?to direct|back to direct|direct-only|rework\w*|revisit\w* the (?:model|program|plan|economics)|restructur\w+|rethink|discontinu\w+|sunset\w*|redesign\w*|scrap\w*|abandon\w*)\b/i;
const PROGRAM_CONDITION = /\b(?:if|unless|otherwise|should|when|whenever|below|under|go\/no-go|no-go|criteri(?:on|a)|tripwire|means|by month|after \d+|by (?:then|the end|Q[1-4]))\b/i;
const NOT_A_PROGRAM_EXIT = /\b(?:most|many|some) programs\b|\bAPI\b|\bproducts?\b(?! needs)|\bv\d\b|\bnever\b/i;

export function statesProgramExit(text: string): boolean {
  if (PROGRAM_EXIT.test(text) && !NOT_A_PROGRAM_EXIT.test(text)) return true;
  return PROGRAM_PARTY.test(text) && PROGRAM_END.test(text) && PROGRAM_CONDITION.test(text) && !NOT_A_PROGRAM_EXIT.test(text) && !isHedged(text) && !reportsThePast(text);
}

/** Registering as a partner (sign-up, portal accounts, a "Registered" tier) is not registering a deal. */
const SIGN_UP =
  /\bregist(?:er|ering|ration)\b[^.]{0,25}\b(?:to become|as an? (?:\w+ )?partner|for (?:the |our |a |an )?(?:portal|program|programme|partner program|training|webinar|event|course|account|exam|certification|test|academy|conference))\b|\b(?:partner|portal|account|program(?:me)?|user|event|webinar|training|course) registration\b|\bregistered (?:partners?|resellers?|tier|level|members?)\b/i;

const DEAL_REG_WORD = /\bdeal[- ]?reg\w*|\bDR\b|\bregist\w+/i;
/** "DR" as people abbreviate deal registration (capitals only, so "Dr." is not it). */
const DR_ABBREVIATION = /(?<!\bTL;\s?)\bDRs?\b(?!\.\s*[A-Z][a-z])/;

/** A sentence that describes how partners register a deal. */
const REGISTRATION_PROCESS =
  /\b(?:partners?|resellers?|msps?|advisors?|consultants?|they|firms?|agencies)\b[^.]{0,40}\b(?:register|submit)s?\b|\b(?:you|whoever(?: \w+){0,4})\s+(?:can |must |should |need to |first )?(?:register|claim|submit)s?\b|\bregistered (?:deals?|accounts?|opportunit\w+|leads?|referrals?)\b|\bdeal[- ]?registration\b|^\W*deal[- ]?reg\s*:|\b(?:opportunit\w+|deals?|referrals?|clients?) must be registered\b|\bregister (?:your|each|every) (?:deals?|opportunit\w+|referrals?|clients?)\b|\b(?:opportunity|lead|referral) registration\b|\bregistrations?\b[^.]{0,40}\b(?:approved|valid|last|expire|hold)/i;

/**
 * Registering a deal read from its parts: a partner (or "you", "every deal a partner works"), a way to
 * claim (register, claim, log, reserve, submit), and a deal (an opportunity, a client, an account).
 */
const CLAIMS_A_DEAL =
  /\b(?:regist(?:er|ers|ered|ering)|claims?|claimed|claiming|logs?|logged|reserves?|reserved|flags?|flagged)\s+(?:(?:each|every|a|an|the|their|your|its|new|open)\s+)?(?:[\w-]+\s+){0,2}(?:deals?|opportunit\w+|clients?|customers?|accounts?|prospects?|introductions?|intros?|leads?|referrals?)\b|\bregistering (?:it|them)\b|\b(?:deals?|opportunit\w+|clients?|prospects?|introductions?|intros?|leads?|referrals?)\b[^.;]{0,40}\b(?:must|should|is|are|gets?) (?:be )?(?:registered|logged|claimed)\b/i;
const CLAIMANT = new RegExp(`\\b(?:${ANY_PARTNER}|you|they)\\b`, 'i');
/** MDF claims, event sign-ups and partner sign-up are not deal registration. */
const NOT_A_DEAL_CLAIM = /\bMDF\b|\bfunds?\b|\breimburs\w*|\bcampaigns?\b|\bwebinars?\b|\bevents?\b|\bexpenses?\b/i;
function describesRegistration(text: string): boolean {
  // "read how to claim a deal", "instructions on how to register a deal": pointers to instructions elsewhere describe nothing here.
  const said = text.replace(/\b(?:how to|instructions (?:on|for)|learn to)\b[^.;]*/gi, '');
  return CLAIMANT.test(said) && CLAIMS_A_DEAL.test(said) && !SIGN_UP.test(said) && !NOT_A_DEAL_CLAIM.test(said) && !isHedged(said);
}

/** A sentence that says the mechanism is not there: "we have no deal registration yet", "DR: not yet decided", "we are considering one". */
function statesAbsence(s: Sentence): boolean {
  const m = s.match(DEAL_REG_WORD);
  if (m && isNegatedAt(s.text, m.index)) return true;
  if (/\b(?:considering|isn't something|is not something|in (?:a )?later phase|maybe in phase)\b/i.test(s.text)) return true;
  return s.test(HEDGE) && !s.test(STATED_TERMS);
}
const STATED_TERMS = /\b\d|\b(?:approv|expir|valid|first|wins?)\w*/i;

export interface Tier {
  name: string;
  unit: Unit;
  hasCriteria: boolean;
  hasBenefits: boolean;
}

export interface TierStructure {
  kind: 'table' | 'list' | 'headings';
  /** Where tier-count findings sit: the table's header row or the list's first item. */
  anchor: Unit;
  tiers: Tier[];
  section: Section | null;
}

export const PARTNER_NOUN = new RegExp(`\\b(?:${ANY_PARTNER}|vendors?|they|each (?:partner|reseller|msp|advisor|consultant|consultancy|firm|dealer|referrer|agency))\\b`, 'i');

/** The company's own sellers, from the one list in the vocabulary. */
export const DIRECT_TEAM = new RegExp(`\\b${oneOf(DIRECT_SELLERS)}\\b`, 'i');

const CONFLICT_POLICY =
  /\bterritor(?:y|ies)\b|\bnamed[- ]accounts?\b|\bapproved[- ]customer[- ]list\b|\bprotected accounts?\b|\b(?:overlay|partial|shared|full|split|quota|comp(?:ensation)?|matching) credit\b|\bcredit (?:on|for) (?:partner|reseller|referred|msp|advisor)\w*|\bkeep (?:full |their )?(?:quota )?credit\b|\bcomp(?:ensation)?[- ]neutral\b|\bhands[- ]off\b|\b(?:closed|off[- ]limits) to (?:direct|them|our (?:direct )?(?:reps|sales|team|AEs|sellers|account (?:executives|managers))|sales)\b|\bstays? away from\b|\bescalat\w+|\bdisputes? (?:between|go|are)\b|\bconflicts? (?:between .{0,40})?(?:are|is|go|goes) (?:resolved|decided|escalated)\b|\brules of engagement\b|\balready (?:talking|working|in (?:our |a )?pipeline)\b|\brespect(?:s|ed)? (?:every |all )?(?:approved )?registrations?\b|\bdeclined\b.{0,40}\b(?:rep|sales)/i;

/**
 * Direct reps get nothing for partner deals, read from its parts in any order: the direct team,
 * its pay (credit, commission, quota), a negation close to the pay, and the partner's deal
 * ("Partner-led revenue does not count toward the AE's quota", "AEs earn no commission on reseller deals").
 */
/** Who counts as the direct team in a sentence about pay: the plan-level reading and the bare words people use. */
const REP_WORDS = /\b(?:reps?|AEs?|account (?:executives?|managers?)|salespeople|sellers?|field (?:sales|reps?)|sales)\b/i;
const REP_PAY = /\b(?:credit(?:ed)?|commissions?|comp(?:ensat\w+)?|paid|pay|quota|variable pay|retire|count(?:s)? toward|earns?|gets?|receives?)\b/i;
/** Pay that comes to nothing: "earns nothing", "gets nothing", "0% credit", "pay them nothing", "isn't paid on". */
const PAY_TO_NOTHING =
  /\b(?:earns?|gets?|receives?|is paid|are paid|paid|pays? (?:them|him|her|the rep|the AE)?)\s+(?:\w+\s+)?nothing\b|\b0\s?%\s+(?:credit|commission|comp)\b|\b(?:credit|commission|comp)\w*\b[^.;|]{0,40}\|\s*0\s?%|\b(?:isn't|is not|aren't|are not|never) (?:paid|credited|compensated)\b|\bno double[- ]dipping\b|\bapplies only to direct\b|\b(?:earn|earns|pay|pays) (?:them |him |her )?(?:zero|nothing)\b|\bonly (?:get )?(?:paid|credited) on (?:deals|bookings|revenue) (?:they|that they) (?:source|find|close themselves)|\bkept out of (?:the )?(?:direct team's |their |the AEs' )?(?:number|quota|comp)\b/i;
const PAY_NEGATED = /\b(?:no|not|zero|nothing|never|don't|doesn't|do not|does not|won't|will not|no longer|none|excluded|kept out)\b(?:[ ,]+[\w'’-]+){0,5}?[ ,]+(?:credit(?:ed)?|commissions?|comp(?:ensat\w+)?|paid|pay|quota|variable pay|retire|count(?:s)? toward)\b|\b(?:credit(?:ed)?|commissions?|comp(?:ensat\w+)?|paid|quota)\b[^.:;]{0,30}(?:\*\*)?\s*(?::|=|\bis\b|\bare\b|-|—)\s*(?:\*\*)?\s*(?:none|zero|nothing|0)\b/i;
const PARTNER_DEAL = /\b(?:partner|reseller|referr|channel|VAR|MSP|distributor|dealer|SI\b|GSI)\w*/i;

function statesNoCredit(text: string): boolean {
  if (isHedged(text) || /\bno decision\b|\bundecided\b|\bnot (?:yet )?decided\b/i.test(text)) return false;
  if (/\bpreviously\b|\bused to\b|\bthat ends\b/i.test(text)) return false;
  const pay = PAY_NEGATED.exec(text) ?? PAY_TO_NOTHING.exec(text);
  // Whose pay: "Referral partners are not paid on …" is the partners', not the direct team's.
  if (pay && new RegExp(`\\b(?:${ANY_PARTNER})\\s+(?:are|is|get|gets|earn|earns|receive|receives)?\\s*$`, 'i').test(text.slice(Math.max(0, pay.index - 30), pay.index))) return false;
  if (!pay || !(DIRECT_TEAM.test(text) || REP_WORDS.test(text)) || !PARTNER_DEAL.test(text) || !REP_PAY.test(text)) return false;
  // The customer's or the partner's own pay is not the direct team's; "receive overlay credit, so a partner win never costs them quota" is credit.
  if (/\b(?:overlay|full|shared|split|matching|partial|quota) credit\b|\b(?:receive|receives|get|gets|keep|keeps|earn|earns) (?:\w+ ){0,2}credit\b/i.test(text.slice(0, pay.index))) return false;
  return !/\b(?:customers?|clients?|partners?|resellers?)\s+(?:get|gets|earn|earns|receive|receives)\s+no\b/i.test(text);
}

/**
 * Counts that are about partners: "six resellers", "45 referring firms", "22 partner logos".
 * Nouns that also name customers (firms, agencies, consultants, companies, vendors) count only
 * when the sentence is about partnering; "at least 20 clients" style qualifiers never count.
 */
const ANY_PARTNER_WORD = new RegExp(`\\b${ANY_PARTNER}\\b`, 'i');

/** A partner buying or earning, just before a number ("Resellers buy at 25% off list"). */
const PARTNER_GETS = new RegExp(String.raw`\b${oneOf(PARTNER_NOUNS)}\b[^.]{0,30}\b(?:buy|buys|purchase|purchases|get|gets|receive|receives|earn|earns|keep|keeps)\b[^.]{0,20}$`, 'i');

/** A count's noun that names partners themselves (not "firms" or "agencies", which may be customers). */
const PARTNER_HEAD = new RegExp(`^(?:${oneOf(PARTNER_NOUNS)}|alliances?|logos?)$`, 'i');

export function partnerCounts(s: Sentence): CountMatch[] {
  const partnering = /\bpartner|\brefer|\bresell|\brecruit|\bsign(?:ed|ing)?\b|\bonboard|\bpilot|\bchannel|\bdealer|\blisted\b|\blogos?\b/i.test(s.text + ' ' + (s.section?.title ?? ''));
  return s.partnerCountMatches.filter((c) => {
    if (/\bat least\s*$|\bminimum of\s*$|\bmore than\s*$|\bover\s*$|\bserves?\s*$|\bserving\s*$/i.test(s.text.slice(0, c.start))) return false;
    const head = c.noun.split(/\s+/).pop() ?? '';
    if (/^\s+(?:reps?|people|staff|employees|engineers|sellers|salespeople|managers?|contacts?)\b/i.test(s.text.slice(c.end))) return false;
    if (/^(?:reps?|people|staff|employees|engineers|sellers|salespeople|managers?)$/i.test(head)) return false;
    if (PARTNER_HEAD.test(head) || /\bpartner/i.test(c.noun) || ANY_PARTNER_WORD.test(c.noun)) return true;
    return partnering && !/^(?:compan(?:y|ies)|providers?)$/i.test(head);
  });
}

export class Evidence {
  private memo = new Map<string, unknown>();
  constructor(
    readonly plan: PlanModel,
    readonly arr: number | null = plan.frontMatter?.arr ?? null,
  ) {}

  private once<T>(key: string, f: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, f());
    return this.memo.get(key) as T;
  }

  /** Statements that count partners ("six resellers"); see `partnerCounts`. */
  get countingPartners(): Sentence[] {
    return this.plan.statements('countingPartners', (s) => partnerCounts(s).length > 0);
  }

  /** First statement (of `where`, by default the whole plan) matching `re` that is not negated at the match. */
  find(re: RegExp, where?: Iterable<Sentence>, opts: { allowNegated?: boolean } = {}): Sentence | null {
    for (const s of where ?? this.plan.matching(re)) {
      const m = s.match(re);
      if (m && (opts.allowNegated || !isNegatedAt(s.text, m.index))) return s;
    }
    return null;
  }

  findAll(re: RegExp, where?: Iterable<Sentence>): Sentence[] {
    const out: Sentence[] = [];
    for (const s of where ?? this.plan.matching(re)) {
      const m = s.match(re);
      if (m && !isNegatedAt(s.text, m.index)) out.push(s);
    }
    return out;
  }

  /** Sentences of every section with a topic (and their subsections). */
  /**
   * Sentences of every section with a topic (and their subsections), and of paragraphs or list
   * items whose lead-in label names the topic ("**Enablement:** a 45-minute onboarding call").
   */
  inTopic(topic: Topic): Sentence[] {
    return this.once(`inTopic:${topic}`, () => {
      const out = new Set<Sentence>();
      for (const sec of this.plan.sectionsWith(topic)) for (const s of sec.allSentences()) if (s.unit.kind !== 'heading') out.add(s);
      const re = TOPIC_HEADINGS[topic];
      const labelled = this.plan.statements(
        `labelTopic:${topic}`,
        (s) => (!!s.unit.label && re.test(s.unit.label)) || (!!s.unit.cells && s.unit.cells.length > 1 && !s.unit.isHeaderRow && re.test(s.unit.cells[0].text)),
      );
      for (const s of labelled) out.add(s);
      return [...out];
    });
  }

  // ---- direct sales and conflict ------------------------------------------------

  get directTeam(): Sentence | null {
    return this.once('directTeam', () => {
      const found = this.plan.statements('directTeam', (s) => {
        const m = s.match(DIRECT_TEAM);
        if (!m) return false;
        // "no direct sales team" says there is none.
        if (/\b(?:no|without|don't have a|do not have a)\s+(?:\w+\s+)?(?:direct|sales)\b/i.test(s.text.slice(Math.max(0, m.index - 25), m.index + 12))) return false;
        // Partner-side people ("the partner's sales reps") are not our team.
        if (/\b(?:partner|reseller|msp|their|its|your)(?:'s|s'|’s)?\s+(?:\w+\s+)?$/i.test(s.text.slice(Math.max(0, m.index - 20), m.index))) return false;
        // A page that speaks to partners: "You keep a sales rep on the account" is the partner's rep.
        return !(/^\W*you\b/i.test(s.text) && !/\bour\b/i.test(s.text.slice(0, m.index + m[0].length)));
      });
      return found[0] ?? null;
    });
  }

  get conflictPolicy(): Sentence | null {
    return this.once('conflictPolicy', () => this.plan.statements('conflictPolicy', (s) => statesConflictPolicy(s.text))[0] ?? null);
  }

  get noCreditStatements(): Sentence[] {
    return this.plan.statements('noCredit', (s) => statesNoCredit(s.text));
  }

  // ---- deal registration ---------------------------------------------------------

  /** Sentences describing a registration process (outside tier tables). */
  get dealRegSentences(): Sentence[] {
    return this.once('dealRegSentences', () => {
      const re =
        /\bdeal[- ]?reg\w*|\bregist(?:er|ers|ered|ering|ration|rations)\b|\b(?:claim|claims|log|logs|reserve|reserves)\b[^.]{0,40}\b(?:deals?|opportunit\w+|accounts?|introductions?)\b|\bsubmit(?:s|ted)? (?:each |a |the |their )?(?:referrals?|deals?|opportunit\w+|leads?)\b|\b(?:referral|lead|opportunity) (?:form|submission)\b/i;
      const sectioned = this.inTopic('dealRegistration').filter(isStatement);
      return this.plan.inOrder([...sectioned, ...this.plan.statements('dealRegWords', (s) => (s.test(re) || DR_ABBREVIATION.test(s.text) || describesRegistration(s.text)) && s.unit.kind !== 'tableRow')]);
    });
  }

  /** Deal registration as a described mechanism: a section of its own, or sentences that say how partners register. */
  get dealReg(): { section: Section | null; sentences: Sentence[] } | null {
    return this.once('dealReg', () => {
      const section = this.plan.sectionsWith('dealRegistration')[0] ?? null;
      // A bare name of the topic ("Deal registration", a link to the policy page) is navigation, not a mechanism.
      const bare = (s: Sentence) => s.text.trim().split(/\s+/).length <= 5 && !/\b(?:register|submit|approv|valid|expir|claim|protect|hold)\w*/i.test(s.text);
      const sentences = this.dealRegSentences.filter((s) => !s.test(SIGN_UP) && ((section && s.section?.inTopic('dealRegistration')) || s.test(REGISTRATION_PROCESS) || s.test(DR_ABBREVIATION) || describesRegistration(s.text)));
      // "We have no deal registration yet", "Deal registration: not decided": absence, not a mechanism to judge.
      const stated = sentences.filter((s) => !statesAbsence(s) && !COVERED_ELSEWHERE.test(s.text));
      if (!stated.some((s) => !bare(s)) && !section) return null;
      if (!stated.length && (sentences.length || !section || section.allSentences().every((s) => s.unit.kind === 'heading' || statesAbsence(s)))) return null;
      return { section, sentences: stated };
    });
  }

  /** The stated approval turnaround, if any. */
  get dealRegSla(): DurationFact | null {
    return this.once('dealRegSla', () => {
      const dr = this.dealReg;
      if (!dr) return null;
      const pool = this.plan.inOrder([...dr.sentences, ...this.plan.matching(/\b(?:registration|registered|referral|claims?)\b/i), ...this.plan.matching(DR_ABBREVIATION)]);
      for (const s of pool) {
        const turnaround = slaTurnaround(s, this.plan.questionFor(s)?.text ?? '', !!s.section?.inTopic('dealRegistration'));
        if (turnaround) return { sentence: s, match: turnaround, ...s.range(turnaround.start, turnaround.end) };
      }
      return null;
    });
  }

  /** How long an approved registration holds (the first statement of it). */
  get dealRegExpiry(): DurationFact | null {
    return this.dealRegExpiries[0] ?? null;
  }

  /** Every statement of how long registrations hold (a main policy and regional exceptions). */
  get dealRegExpiries(): DurationFact[] {
    return this.once('dealRegExpiries', () => {
      const out: DurationFact[] = [];
      const dr = this.dealReg;
      if (!dr) return out;
      const re = /\b(?:valid(?:ity)?|expir\w*|(?<!the |in the |over the |for the )lasts?|holds?|held|hold for|lifetime|protect(?:s|ed|ion)|belongs? to|reserved|locked|exclusive|good for|stands? for|(?:remains?|stays?) (?:open|active|valid|protected|yours|theirs)|remains? yours|runs? for|during|lapses?|term|honou?r(?:s|ed)?|time(?:s|d)? out|shelf[- ]life|window|keeps?|retains?|open again)\b/gi;
      const pool = new Set([...dr.sentences, ...this.plan.matching(/\b(?:registrations?|registered|claims?|attribution)\b/i), ...this.plan.matching(DR_ABBREVIATION)]);
      for (const s of pool) {
        if (isHedged(s.text) || WISH.test(s.text)) continue;
        re.lastIndex = 0;
        let k: RegExpExecArray | null;
        while ((k = re.exec(s.text))) {
          // The duration that follows the expiry word closely ("valid 90 days", "held for 2 weeks").
          const end = k.index + k[0].length;
          // Or the one right before it ("a standard 90-day expiration", "a 120-day term").
          const d =
            s.durations.find((x) => x.start >= k!.index && x.start - end <= 45 && !/extension/i.test(s.text.slice(x.end, x.end + 12))) ??
            s.durations.find((x) => x.end <= k!.index && k!.index - x.end <= 12 && !/extension/i.test(s.text.slice(x.end, k!.index)));
          if (d && heldIsRegistration(s.text, d, !!s.section?.inTopic('dealRegistration'))) {
            out.push({ sentence: s, match: d, ...s.range(d.start, d.end) });
            break;
          }
        }
      }
      // FAQ pairs: "Q: How long does a registration last?" / "A: Ninety days from approval."
      for (const a of this.plan.select('faqAnswers', (x) => ANSWER_START.test(x.text) && x.durations.length > 0)) {
        const q = this.plan.questionFor(a);
        if (!q || !/\bregist|\bdeal[- ]?reg|\bclaims?\b/i.test(q.text) || !q.test(/\b(?:how long|expir\w*|valid\w*|lasts?|hold|protected)\b/i)) continue;
        const d = a.durations.find((x) => !/extension/i.test(a.text.slice(Math.max(0, x.start - 12), x.end + 12)));
        if (d && !out.some((o) => o.sentence === a)) out.push({ sentence: a, match: d, ...a.range(d.start, d.end) });
      }
      return out;
    });
  }

  /** A rule for duplicate or contested registrations. */
  get dealRegConflictRule(): Sentence | null {
    return this.once('dealRegConflicts', () => {
      const dr = this.dealReg;
      if (!dr) return null;
      const pool = this.plan.inOrder([...dr.sentences, ...this.plan.matching(/\bregist|\bdeal[- ]?reg/i), ...this.plan.matching(DR_ABBREVIATION)]);
      const context = (s: Sentence) => this.plan.questionFor(s)?.text ?? this.plan.parentItem(s.unit)?.text ?? '';
      return pool.find((s) => settlesContestedRegistration(s, context(s), !!s.section?.inTopic('dealRegistration'))) ?? null;
    });
  }

  // ---- economics -------------------------------------------------------------------

  get percents(): PercentFact[] {
    return this.once('percents', () => {
      const out: PercentFact[] = [];
      for (const s of this.plan.select('percents', (x) => x.unit.kind !== 'heading' && !x.unit.isHeaderRow && x.percents.length > 0)) {
        for (const m of s.percents) {
          const r = s.range(m.start, m.end);
          // Payouts inside an alliance (co-sell, marketplace fees) belong to the strategic archetype.
          const strategic = s.test(/\bco-?sell|\balliance|\bmarketplace\b/i) || (s.section ? [...s.section.chain()].some((x) => x.heading !== this.plan.titleUnit && x.named.includes('strategic')) : false);
          out.push({ sentence: s, match: m, ...r, category: classifyPercent(s, m), archetypes: strategic ? ['strategic'] : this.plan.archetypesOf(s) });
        }
      }
      return out;
    });
  }

  /** The plan's own percentages of one kind: those reported in history (last year's margin, last year's MDF) are not the plan's. */
  private presentPercents(category: PercentCategory): PercentFact[] {
    // Asked of those sentences only (not a set of every present sentence, on every keystroke).
    const present = (x: Sentence) => !x.section?.history && x.memo('present', () => !reportsThePast(x.text));
    return this.percents.filter((p) => p.category === category && present(p.sentence));
  }

  /** MDF rates the plan sets. */
  get mdfPercents(): PercentFact[] {
    return this.once('mdfPercents', () => this.presentPercents('mdf'));
  }

  get payouts(): PercentFact[] {
    // What the plan pays: payouts reported in history (last year's margin) are not the plan's.
    return this.once('payouts', () => {
      return this.presentPercents('payout');
    });
  }

  /** Sentences saying what partners do (sell, refer, implement, support...). */
  get partnerActivities(): Sentence[] {
    return this.once('activities', () => {
      const verbs =
        /\b(?:sells?|selling|resells?|reselling|sources?|sourcing|generat\w+ (?:leads|pipeline|demand)|refers?|referring|introduc\w+|identif\w+|implement\w*|install\w*|deploy\w*|support\w*|runs?|answers?|deliver\w*|joins?|explains?|sets? up|onboards?|bundles?|brings? (?:us|in)|sends? us|co-?market\w*|promot\w+|recommend\w*|services?|maintain\w*|manag\w+ (?:the customer|customers|clients)|owns? the (?:customer|relationship)|handles?|trains?|closes?)\b/i;
      return this.plan.statements('partnerActivities', (s) => {
        const m = s.match(verbs);
        if (!m || isNegatedAt(s.text, m.index)) return false;
        if (/\bbuilt an integration\b/i.test(s.text) && !/\b(?:sell|refer|promot|co-?market|support)/i.test(s.text)) return false;
        // "platforms whose customers onboard new hires": the verb belongs to someone else.
        if (/\b(?:customers?|clients?|users?|employees?|companies|buyers?)\s+(?:\w+\s+)?$/i.test(s.text.slice(Math.max(0, m.index - 25), m.index))) return false;
        // A page that speaks to partners says what they do as "you": "When you resell, you own the contract".
        return PARTNER_NOUN.test(s.text.slice(0, m.index + 1)) || /\byou\b/i.test(s.text.slice(0, m.index + 1)) || /^(?:in return|for (?:that|this|it)|they|the (?:partner|reseller|advisor|consultant|msp|firm))/i.test(s.text);
      });
    });
  }

  get payoutOps(): Sentence | null {
    return this.once('payoutOps', () => this.plan.statements('payoutOps', (s) => s.test(PAYOUT_OPS_CUE) && statesPayoutOps(s.text))[0] ?? null);
  }

  get chequePayments(): Sentence[] {
    return this.once('cheques', () => this.plan.statements('cheques', (s) => s.test(/\bcheque|\bcheck/i) && paysPartnersByCheque(s.text)));
  }

  // ---- MDF --------------------------------------------------------------------------

  get mdfStatements(): Sentence[] {
    return this.once('mdf', () => {
      const re = /\bMDF\b|\bmarket(?:ing)? development funds?\b|\bco-?op (?:funds|marketing funds?)\b|\bmarketing funds?\b/i;
      // Statements naming MDF, and every statement under an MDF heading (subsections included).
      const sectioned = this.plan.sectionsWith('mdf').flatMap((sec) => sec.allSentences()).filter(isStatement);
      return this.plan.inOrder([...this.plan.matching(re), ...sectioned]);
    });
  }

  get mdfClaims(): Sentence | null {
    return this.once('mdfClaims', () =>
      this.find(
        /\b(?:marketing|campaign|business|activity) plans?\b[^.]{0,60}\b(?:approv\w*|submit\w*|before|up front|upfront|in advance|required|first)|\bsubmit\w* (?:a |an |their )?(?:\w+ )?(?:marketing |campaign )?(?:plan|proposal)\b|\bproof of (?:execution|performance|spend|completion)\b|\b(?:released|paid|granted|funded|reimbursed) against (?:an? )?(?:approved |pre-approved )?(?:[\w-]+ ){0,3}plans?\b|\bapproved (?:[\w-]+ ){0,3}plans?\b|\breimburs\w+|\bpaid against\b|\bclaims? (?:are|is) (?:paid|reimbursed|settled)|\bpre-?approv\w+/i,
        this.mdfStatements.length ? [...this.mdfStatements, ...this.plan.matching(/\b(?:campaign|marketing) plan\b|\breimburs/i)] : [],
      ),
    );
  }

  // ---- tiers ------------------------------------------------------------------------

  get tierStructures(): TierStructure[] {
    return this.once('tiers', () => findTierStructures(this.plan));
  }

  /** Segmentation other than tiers: partner segments by size, vertical, region. */
  get segmentation(): Sentence | null {
    return this.once('segmentation', () =>
      this.find(/\bsegment(?:s|ed|ation)?\b[^.]{0,60}\b(?:partners?|resellers?|firms?)|\b(?:partners?|resellers?|firms?) (?:are )?segmented\b|\bpartner (?:tiers?|levels?|segments?)\b/i) ??
        this.plan.statements('namedTiers', (x) => namesTiers(x.text))[0] ??
        null,
    );
  }

  // ---- people -----------------------------------------------------------------------

  /** The program owner statement and whether it is full-time. */
  get owner(): { sentence: Sentence; partTime: boolean; fullTime: boolean; senior: boolean } | null {
    return this.once('owner', () => {
      const title =
        /\b(?:head|vp|vice president|director|chief|lead|leader|manager|owner)\b[^.]{0,12}\b(?:partner\w*|channels?|alliances?|ecosystem|msp partnerships|partner program)\b|\b(?:partner\w*|channels?|alliances?|ecosystem) (?:lead|leader|manager|director|head|owner|chief)\b|\b(?:vp|head|director) (?:of )?(?:international )?(?:channels?|partnerships?|alliances?)\b|\b(?:partner|channel|alliance|partnerships?)\s+(?:program(?:me)?\s+)?(?:lead|leader|manager|director|head|owner|chief)\b/i;
      const owns =
        /\bowner\b|\bowns\b|\bowned\b|\b(?:sits?|rests?|lies|lie) with\b|\b(?:is|are|as) (?:a |an )?(?:side[- ]project|stretch assignment|part[- ]time (?:job|role|task)|extra (?:job|task|hat)) (?:for|of)\b|\b(?:led|run|managed|overseen|driven|headed|handled|covered|owned) by\b|\b(?:will |to )?own (?:the )?(?:partner\w*|channel|alliances?|program\w*)\b|\bpicks? up (?:the )?partner\b|\bresponsibility of\b|\b(?:I|I'll|I will|we'll|we will)\s+(?:\w+\s+)?(?:run|own|lead|manage|handle|look after)\s+(?:it|this|the whole thing)\b|\b(?:runs?|run|running|leads?|manages?|oversees?|looks? after|look after|takes? care of|drives?|handles?|is responsible for|accountable for|will run|will own|will lead|will manage|in charge of)\b[^.]{0,30}\b(?:program\w*|pilot|channel|partnerships?|partner program|network|alliances?|both parts)\b/i;
      const labelOwner = (s: Sentence) =>
        /^(?:(?:program|channel|partner|alliance|partnerships?) )?(?:owner(?:ship)?|lead|responsible(?: person)?|accountable(?: person)?|who runs it)$/i.test(s.unit.label) ||
        (!!s.unit.cells && /\bowner\b|^responsible|\blead\b/i.test(s.unit.cells[0]?.text ?? ''));
      // What the sentence says on its own; whether a title sits under a team heading is checked below.
      const local = this.plan.statements('ownerCandidates', (s) => {
        if (s.unit.cells && !/\bowner\b|^responsible|\blead\b/i.test(s.unit.cells[0]?.text ?? '')) return false;
        const labelled = labelOwner(s);
        if (!labelled && !s.test(owns) && !s.test(title) && !statesOwnership(s.text)) return false;
        if (isHedged(s.text) || NO_OWNER.test(s.text.replace(NOT_HIRING, '')) || PEER_EXECUTIVES.test(s.text)) return false;
        return labelled || s.test(title) || NAMES_A_PERSON.test(s.text) || statesOwnership(s.text);
      });
      const candidates = local.filter((s) => labelOwner(s) || s.test(owns) || statesOwnership(s.text) || (s.test(title) && s.section?.inTopic('team')));
      // Prefer a named or labelled owner; a partnership title on its own also counts.
      const s = candidates[0];
      if (!s) return null;
      // What the plan says of the owner elsewhere in the section: sentences that name them again ("Helena also keeps her SE accounts").
      const name = /\b([A-Z][a-zà-ÿ]+)(?= [A-Z][a-zà-ÿ]+)/.exec(s.text)?.[1];
      const more = name ? (s.section?.allSentences() ?? []).filter((x) => !candidates.includes(x) && (x.text.includes(name) || /^(?:She|He|They)\b/.test(x.text))).slice(0, 4) : [];
      const text = [...candidates, ...more].map((c) => c.text).join(' ');
      const pt = PART_TIME.exec(text);
      // An owner whose title is another function (the VP Sales, the COO, a head of marketing) runs
      // the program beside that job unless the plan says the role is full-time.
      // Titles of the people the owner reports to or works with are not the owner's.
      const ownerPart = s.text.replace(/\b(?:report(?:s|ing)? (?:directly )?(?:in)?to|with|alongside|to|from|for) (?:the |our |a |an )?(?:[\w,-]+ ){0,4}(?:COO|CTO|CFO|CMO|CRO|CEO|founders?|VP [\w ]+|head of \w+|sales|marketing)\b/gi, '');
      const otherJob = OTHER_JOB.exec(ownerPart);
      // "until we can afford someone full-time" promises a full-time owner later, not now.
      const fullTimeSaid = /\bfull[- ]time\b|\bdedicated\b|\bonly job\b|\bsole (?:focus|job)\b/i.test(text.replace(/\b(?:until|once|when|before|after|later|then|eventually|no|not|isn't|without)\b[^.;]{0,50}?\b(?:full[- ]time|dedicated)\b/gi, ''));
      const partTime = (!!pt && !isNegatedAt(text, pt.index) && !fullTimeSaid) || (!!otherJob && !fullTimeSaid);
      return {
        sentence: [...candidates, ...more].find((c) => PART_TIME.test(c.text)) ?? s,
        partTime,
        fullTime: fullTimeSaid && !partTime,
        senior: /\b(?:vp|vice president|director|head|chief)\b/i.test(text),
      };
    });
  }

  get reportsToCeo(): Sentence | null {
    return this.once('reportsToCeo', () => this.plan.statements('reportsToCeo', (s) => reportsToTheTop(s.text))[0] ?? null);
  }


  get salesCoordination(): Sentence | null {
    return this.once('salesCoordination', () => {
      const leader = /\b(?:CRO|chief revenue officer|VP (?:of )?sales|head of sales|sales leadership|sales leaders?|sales director|VP Sales|sales VP)\b/i;
      const found = this.plan.statements(
        'salesCoordination',
        (s) => s.test(leader) && /\breports? to\b|\bmanager is\b|\bwith\b|\band\b|\bjoint\w*|\btogether\b|\bweekly|\bmonthly|\bsync|\balign|\bcoordinat|\bescalat|\bdecide|\bagree|\breview|\bmeet|\bshare/i.test(s.text),
      );
      return found[0] ?? null;
    });
  }

  // ---- recruiting and enablement -------------------------------------------------------

  get recruiting(): { section: Section | null; sentence: Sentence | null } | null {
    return this.once('recruiting', () => {
      const section = this.plan.sectionsWith('recruiting')[0] ?? null;
      const sentence = this.find(
        /\brecruit\w*|\btarget list\b|\bsign (?:up )?(?:\d+|\w+) (?:new )?partners\b|\bpartners will come from\b|\b(?:find|finding|source|sourcing) (?:new )?partners\b|\boutreach to\b|\bonboard (?:\d+|\w+) (?:new )?partners\b/i,
      );
      if (!section && !sentence) return null;
      return { section, sentence };
    });
  }

  get qualification(): Sentence | null {
    return this.once('qualification', () => {
      const re =
        /\bqualif\w*|\bcriteria\b|\bmust (?:have|name|show|serve|be|commit|employ|run|manage)\b|\bat least \d+|\bat least (?:one|two|three|five|ten)\b|\bonly (?:invite|sign|recruit|accept|work with|partner with)\b|\bwe (?:sign|accept|approve) an? \w+ (?:when|if|that|who)\b|\brequirements?\b|\bICP (?:overlap|fit)\b|\b(?:has|have) (?:worked|sold|recommended|referred|partnered)\b|\bcommitted (?:sales ?)?(?:reps?|salespe\w+|sellers?)\b|\bscorecard\b|\bfit (?:check|score)\b/i;
      const rec = this.recruiting;
      // Every recruiting section: "Who we partner with" and "Joining requirements" are one topic.
      const pool = [...new Set([rec?.section, rec?.sentence?.section, ...this.plan.sectionsWith('recruiting')])]
        .filter((x): x is Section => !!x)
        .flatMap((sec) => [...sec.allSentences()])
        .filter((s) => s.unit.kind !== 'heading');
      const inSection = this.find(re, pool.filter((x) => !NOT_PARTNER_QUALIFICATION.test(x.text) && !isHedged(x.text) && !WISH.test(x.text)));
      if (inSection) return inSection;
      const anywhere = this.plan.statements('partnerQualification', (x) => qualifiesPartners(x.text))[0];
      if (anywhere) return anywhere;
      const qualSections = this.plan.sections.filter((s) => !s.inTopic('exitCriteria') && /\bqualif|\b(?:partner|selection|entry|recruiting) criteria|\bpartner profile|\bideal partner/i.test(s.title));
      for (const q of qualSections) for (const s of q.allSentences()) if (s.unit.kind !== 'heading') return s;
      return null;
    });
  }

  get enablement(): Sentence | null {
    return this.once('enablement', () => {
      const re =
        /\benablement\b|\bonboarding\b|\btraining\b|\bcertif\w+|\bplaybooks?\b|\bsales kit\b|\bjoint (?:go-to-market|gtm|business|client|marketing)? ?plans?\b|\bproduct sessions?\b|\bcourses?\b|\boffice hours\b|\bwebinars?\b|\bkick-?off (?:call|meeting|session|workshop)s?\b|\breferral guide\b|\bdemo (?:training|kit)\b|\bworkshops?\b|\bbootcamps?\b/i;
      const inSection = this.inTopic('enablement').find((s) => {
        const text = content(s);
        if (isHedged(text) || NEGATED_ANSWER.test(text) || NOT_PLANNED.test(text)) return false;
        const m = re.exec(text);
        return m ? !isNegatedAt(text, m.index) : (!!s.unit.list || !!s.unit.cells) && !NEGATION_ANY.test(text);
      });
      // Elsewhere, training and onboarding count when they are about partners (not customer onboarding).
      if (inSection) return inSection;
      // Elsewhere, only enablement aimed at partners counts (not customer onboarding or the product itself).
      const aimed = this.plan.statements('partnerEnablement', (s) => {
        const text = content(s);
        // The label can name it ("Partner sales playbook: ICP, positioning…").
        const m = PARTNER_ENABLEMENT.exec(s.text) ?? teachesPartners(s.text);
        return !!m && !isNegatedAt(s.text, m.index) && !isHedged(text) && !NEGATED_ANSWER.test(text) && !NOT_PLANNED.test(text) && !NOT_OUR_ENABLEMENT.test(text);
      });
      return aimed.find((s) => !(s.unit.cells && s.section?.inTopic('tiers'))) ?? null;
    });
  }

  // ---- targets and metrics ---------------------------------------------------------------

  get targets(): Target[] {
    return this.once('targets', () => findTargets(this));
  }

  get metricWithTarget(): Sentence | null {
    return this.once('metric', () => {
      const metric =
        /\brevenue\b|\bpipeline\b|\bactivation\b|\bactive\b|\bsatisfaction\b|\bNPS\b|\breferrals?\b|\bdeals?\b|\bpartners?\b|\bshare\b|\bbookings\b|\bARR\b|\bsigned\b|\bcustomers?\b|\bcertified\b|\bfirms?\b|\bresellers?\b|\bwin rate\b|\bsourced\b|\binfluenced\b/i;
      const number = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred)\b/i;
      const metricsTopic = new Set(this.inTopic('metrics'));
      const local = this.plan.statements(
        'metricWithNumber',
        (s) => s.test(metric) && s.test(number) && !isHedged(s.text) && !/\bnot setting\b|\bno (?:numbers|targets)\b/i.test(s.text) && !/\btarget list\b/i.test(s.text),
      );
      for (const s of local) {
        // A process turnaround ("paid within 30 days", "answered within 4 hours") or a customer metric is not the program's.
        if (PROCESS_TURNAROUND.test(s.text) || (/\bcustomer (?:NPS|satisfaction|CSAT|churn)\b/i.test(s.text) && !/\bpartner/i.test(s.text))) continue;
        // Under a metrics heading, with a value and a time or bound, or in a list introduced as targets
        // ("Targets for the first year:"); the list's lead-in is looked up last, as it walks back.
        const inTargets = (s.section?.inTopic('metrics') ?? false) || metricsTopic.has(s);
        const framed = () => TARGET_FRAME.test(s.text) && (s.percents.length > 0 || s.partnerCountMatches.length > 0 || statesTargetValue(s.text));
        if (!inTargets && !framed() && !(s.unit.list && /\btargets?\b|\bgoals?\b|\bKPIs?\b/i.test(this.plan.listContext(s.unit)?.text ?? ''))) continue;
        if (s.section?.inTopic('exitCriteria')) continue;
        return s;
      }
      return null;
    });
  }

  get partnerRevenueTracking(): Sentence | null {
    return this.once('revTracking', () =>
      this.find(/\b(?:partner|channel|reseller|referral|advisor)[- ](?:sourced|influenced|generated)\b|\bchannel pipeline\b|\btrack\w* [^.]{0,30}\b(?:partner|channel) (?:revenue|pipeline|deals)\b|\bpartner revenue\b|\bshare of (?:total |new )?revenue\b/i),
    );
  }

  // ---- pilot -------------------------------------------------------------------------------

  get pilotStatements(): Sentence[] {
    return this.once('pilots', () =>
      this.plan
        .statements('pilotShape', (s) => {
          if (/\bpilot (?:review|letters?|agreements?|results?|learnings?|customers?)\b/i.test(s.text) && !/\bpilot (?:runs?|lasts?|of|for|with)\b/i.test(s.text)) return false;
          if (/\b(?:after|since|following|post)[- ](?:the |our )?pilot\b/i.test(s.text)) return false;
          return s.durations.length > 0 || partnerCounts(s).length > 0;
        })
        .filter((s) => /\bpilot/i.test(s.text) || !!s.section?.inTopic('pilot') || /\bpilot/i.test(this.plan.questionFor(s)?.text ?? ''))
        // A list introduced by "After the pilot …:" describes what comes next.
        .filter((s) => !AFTER_PILOT.test(this.plan.listContext(s.unit)?.text ?? ''))
        // Where a section sets out the pilot, its shape is read there, not from a summary line elsewhere.
        .filter((s, _i, all) => !!s.section?.inTopic('pilot') || !all.some((x) => x.section?.inTopic('pilot'))),
    );
  }

  // ---- marketplace and portal ----------------------------------------------------------------

  get marketplaceListings(): Sentence[] {
    return this.once('marketplace', () => this.plan.statements('marketplaceListing', (s) => s.test(MARKETPLACE_CUE) && statesMarketplaceListing(s.text)));
  }

  get coSell(): Sentence | null {
    return this.once('coSell', () => this.plan.statements('coSell', (s) => s.test(COSELL_CUE) && statesCoSell(s.text))[0] ?? null);
  }

  // ---- readiness -------------------------------------------------------------------------------

  get preconditions(): Record<PreconditionKey, PreconditionEvidence> {
    return this.once('preconditions', () => readinessEvidence(this));
  }
}

/**
 * The partnerships lead reports to the CEO, read from its parts in any order: the partnerships
 * function, a reporting relation, and the chief executive ("Partnerships sits under the CEO",
 * "Org: Head of Alliances → CEO (direct report)", "| Head of Partnerships | reports to | CEO |").
 */
const PARTNERSHIPS_FUNCTION = /\b(?:partnerships?|partner (?:program(?:me)?|team|lead)|channel|alliances?|ecosystem)\b/i;
const REPORTING =
  /\breport(?:s|ing)?\s+(?:straight\s+|directly\s+)?(?:in)?to\b|\breporting line\b|\bdirect report\b|\bsits?\s+(?:directly\s+)?under\b|\bunder the (?:CEO|chief executive|founder)|→|->|\breports_to\b|\breports to (?:him|her|me)\b|\|\s*reports to\s*\|/i;
const TOP = /\b(?:CEO|chief executive|founders?|co-?founders?|managing director)\b|\bme as CEO\b/i;

function reportsToTheTop(text: string): boolean {
  const rel = REPORTING.exec(text);
  if (!rel || isHedged(text)) return false;
  // The chief executive is the first role after the relation ("to the CRO, not the CEO" is the CRO).
  const after = text.slice(rel.index + rel[0].length, rel.index + rel[0].length + 60);
  const top = TOP.exec(after);
  if (!top || /\b(?:CRO|COO|CFO|CTO|CMO|VP|head|director|sales)\b/i.test(after.slice(0, top.index))) return false;
  // Who reports: the partnerships function, or a person named before ("Aylin reports to the CEO"),
  // not another function.
  if (!PARTNERSHIPS_FUNCTION.test(text) && /\b(?:sales|CRO|revenue|marketing|engineering|finance|product|support|operations|HR|people)\b/i.test(text.slice(0, rel.index))) return false;
  // A report sent to the CEO is a document; sales or the CRO reporting to the CEO is not the partnerships lead.
  if (/\b(?:an?|weekly|monthly|quarterly|the) reports?\b/i.test(text.slice(Math.max(0, rel.index - 12), rel.index + 8))) return false;
  const subject = text.slice(0, rel.index);
  if (/\b(?:sales|CRO|revenue)\b/i.test(subject) && !PARTNERSHIPS_FUNCTION.test(subject)) return false;
  return !isNegatedAt(text, rel.index);
}

/** Titles of another function: an owner with one of them has a job besides the program. */
const OTHER_JOB =
  /\b(?:(?:VP|head|director|vice president)(?: of)? (?:sales|marketing|customer success|operations|engineering|product|finance|revops|support)|(?:sales|marketing|customer success|engineering|product) (?:director|lead|manager)|COO|CTO|CFO|CMO|CRO|CEO|founder|co-?founder|account executive|AE|managing director|MD)\b(?![-\w]*\s+(?:of|for) (?:partner\w*|channels?|alliances?))/i;

/** Marks of an owner who runs the program beside another job ("alongside his sales targets", "one of her many hats"). */
const PART_TIME =
  /\balongside (?:her|his|their|my|our|an?|the)?\s*(?:[\w-]+\s+){0,3}(?:role|job|duties|work|responsibilities|targets?|quota|operations|day job)\b|\balongside (?:leading|running|managing|heading|operations|sales|marketing|engineering|product)\b|\bon the side\b|\bside project\b|\bpart[- ]time\b|\bhalf[- ]time\b|\bin (?:her|his|their|my) spare time\b|\bin addition (?:to|of) (?:her|his|their|my) (?:\w+ )?(?:role|job)\b|\bon top of (?:her|his|their|my) (?:\w+ )?(?:day job|job|role|quota|targets?|work)\b|\b(?:one|two|half a|a|an) (?:days?|afternoons?|mornings?) (?:a|per) week\b|\bon (?:Mon|Tues|Wednes|Thurs|Fri)days\b|\b\d{1,2}\s?% of (?:her|his|their|my) time\b|\bwhen (?:she|he|they) (?:has|have) time\b|\bas time allows\b|\bwhatever time is left\b|\bmany hats\b|\bstretch assignment\b|\b(?:fit|fits|squeeze) (?:\w+ ){0,3}in between\b|\buntil we can (?:afford|hire)\b|\bshared with (?:RevOps|sales|marketing|operations|customer success|\w+ ops)\b|\balso (?:owns?|runs?|leads?|manages?) (?:the )?(?:partner|channel|alliance)|\b(?:half|a third|a quarter|a fifth|part|\d{1,2}\s?%) of (?:her|his|their|my) (?:week|time|days?|hours)\b|\balso (?:keeps|carries|runs|covers|holds) (?:her|his|their|my) (?:own )?(?:[\w-]+ ){0,2}(?:accounts?|territory|quota|job|role|team|region)\b|\b(?:one|two|half a|a|\d) days? (?:a|per) week\b|\b0?\.\d FTE\b|\bhalf of (?:\w+['’]s|her|his|their) time\b|\bwho is also (?:an? )?\w+|\bon top of (?:[\w-]+ ){0,3}(?:gen|generation|job|role|quota|work|duties|targets?)\b|\bin between\b|\bpicks? up (?:\w+ )?(?:partner|channel) work\b|\bas time allows\b|\balongside (?:growth|customer success|CS|finance|ops|support|RevOps|BizOps|demand gen|fundraising|partnerships? and \w+)\b|\buntil we (?:hire|recruit|find|bring on)\b/i;

const PARTNER_ENABLEMENT =
  /\b(?:partner|reseller|dealer|referrer|msp|agency|consultant|advisor|channel)s?['’]? (?:onboarding|training|enablement|certification|playbooks?|courses?|kick-?offs?|bootcamps?|academy)\b|\b(?:onboarding|training|enablement|certification|courses?|webinars?|playbooks?|sales kits?|office hours|kick-?off(?: call| meeting)?|product sessions?|workshops?|bootcamps?|joint plan|update calls?)\b[^.]{0,40}\b(?:for|with|to) (?:each |every |new |our |all )?(?:new )?(?:partners?|resellers?|dealers?|referrers?|msps?|agencies|consultants?|consultanc(?:y|ies)|advisors?|firms?|GSIs?|SIs|VARs?|partner (?:sales|presales|reps?|teams?))\b(?!\s+(?:program|programme|strategy|plan)\b)|\bcertified (?:partners?|installers?|consultants?|staff|technicians?|engineers?|salespe\w+)\b|\bsales playbooks?\b|\bjoint (?:go-to-market|gtm|business|account) plans?\b|\b(?:partners?|resellers?|consultanc(?:y|ies)|agenc(?:y|ies)|firms?|msps?|each \w+) gets? (?:a |an )?(?:[\w-]+ ){0,3}(?:training|onboarding|certification|course|workshop)\b|\b(?:partners?|partner reps?|resellers?|dealers?|consultants?|consultanc(?:y|ies)|advisors?|engineers|reps) (?:\w+ )?shadows? (?:our|an?|the) \w+|\b(?:partners?|resellers?|dealers?|consultants?|consultanc(?:y|ies)|advisors?|engineers|reps) (?:\w+ )?(?:complete|pass|take|attend|get|sit|go through|shadow)(?:s|es)? (?:a |the |our |an )?(?:[\w-]+ ){0,3}(?:course|training|certification|exam|onboarding|bootcamp|workshop|kickoff|demos?)\b|\b(?:sandbox|demo) tenant\b|\bcertification (?:path|exam|track)\b|\benablement\b/i;

/** Teaching, in any form: a training, a course, a walkthrough, a pitch sheet, a playbook. */
const TEACHING_NOUN = String.raw`(?:trainings?|courses?|certifications?|walkthroughs?|coaching|onboarding(?: (?:sessions?|calls?|programs?|packages?|kits?))?|enablement|playbooks?|pitch (?:sheets?|decks?)|battle ?cards?|sales kits?|demo (?:kits?|accounts?|environments?|licen[cs]es?)|sandbox(?:es)?|NFR licen[cs]es?|office hours|webinars?|workshops?|bootcamps?|academy|learning paths?|product sessions?)`;
/** Who is taught: the partners, or their people ("its consultants", "their reps", "each firm"). */
const PARTNER_PEOPLE = String.raw`(?:(?:${ANY_PARTNER})|(?:its|their|your|each (?:firm|partner)(?:'s|’s)?) (?:consultants?|reps?|staff|engineers?|sellers?|salespeople|team|people|technicians?|advisors?)|each (?:firm|partner))`;
/**
 * Enablement read from its parts, with the partners as the ones taught: "walk its consultants
 * through a training", "a certification course for new resellers", "partners get a pitch sheet".
 */
const TEACHES_PARTNERS = new RegExp(
  String.raw`\b(?:train|trains|trained|training|coach(?:es|ed|ing)?|onboard(?:s|ed|ing)?|certif(?:y|ies|ied)|teach(?:es)?|walk(?:s|ed)?|enable(?:s|d)?|upskill\w*)\s+(?:(?:new|each|every|all|our|the|selected|pilot)\s+)?(?:[\w-]+\s+)?${PARTNER_PEOPLE}\b` +
    String.raw`|\b${PARTNER_PEOPLE}\b(?:\s+[\w-]+){0,2}?\s+(?:are|is|get|gets|will be|will get)\s+(?:\w+\s+)?(?:trained|onboarded|certified|coached|enabled|walked through|taught|upskilled)\b` +
    String.raw`|\b${TEACHING_NOUN}\b(?:\s*\([^)]{0,80}\))?(?:\s+[\w-]+){0,3}?\s+(?:for|to|with)\s+(?:(?:each|every|new|our|all|the|pilot)\s+)?(?:[\w-]+\s+)?${PARTNER_PEOPLE}\b` +
    String.raw`|\b${PARTNER_PEOPLE}\b(?:\s+[\w-]+){0,3}?\s+(?:get|gets|receive|receives|attend|attends|complete|completes|take|takes|go through|goes through|are given|have access to|can access|sit|sits|pass|passes)\b(?:\s+[\w-]+){0,5}?\s+${TEACHING_NOUN}\b`,
  'i',
);
/**
 * Not enablement the company gives partners: a certification partners must already hold, training
 * partners pay for themselves, enablement for the company's own sellers.
 */
const NOT_OUR_ENABLEMENT =
  /\b(?:must|should|need to|required to) (?:hold|have|be|show|present)\b[^.;]{0,40}\bcertifi\w+|\bcertifi\w+\b[^.;]{0,30}\b(?:to apply|to join|required|is a requirement|before (?:they|you) (?:apply|join))\b|\bat their own (?:cost|expense)\b|\b(?:train|onboard) their own\b|\bfor (?:the |our )?(?:direct (?:team|sales|reps)|AEs|sales team|account executives)\b/i;
function teachesPartners(text: string): RegExpExecArray | null {
  return TEACHES_PARTNERS.exec(text);
}
const NEGATED_ANSWER = /^\s*(?:not really|no\b|none|nope|nah\b|not needed|not yet)/i;
const NEGATION_ANY = /\b(?:no|not|never|don't|do not|doesn't|won't|without)\b/i;

/** The statement without its lead-in label or first table cell ("Enablement | None planned" -> "None planned"). */
export function content(s: Sentence): string {
  if (s.unit.cells && s.unit.cells.length > 1 && !s.unit.isHeaderRow) {
    const from = s.unit.cells[1].at - s.at;
    return from > 0 ? s.text.slice(from).trim() : s.text;
  }
  const label = s.unit.label;
  if (label && s.text.startsWith(label)) return s.text.slice(label.length).replace(/^[\s:.*_|—–-]+/, '');
  return s.text;
}

/** Percent classification by the words around it in its sentence (or table row). */
export function classifyPercent(s: Sentence, m: PercentMatch): PercentCategory {
  const inTiers = !!s.section?.inTopic('tiers');
  const inMdf = !!s.section?.inTopic('mdf');
  return s.memo(`percent:${m.start}:${inTiers}:${inMdf}`, () => {
    const category = classifyPercentIn(s, m, inTiers);
    // Under an MDF heading, a share of revenue no other reading claims is the fund's size.
    return category === 'other' && inMdf && /^\s*(?:of\s+)?(?:(?:the|their|your|partner(?:[- ](?:generated|sourced|influenced))?|channel|annual|net)\s+)*(?:revenue|bookings|sales|ARR)\b/i.test(s.text.slice(m.end)) ? 'mdf' : category;
  });
}

/** A discount on the partner's own licences (internal use, demo, NFR) or on what it buys for itself is not what it earns on a sale. */
const OWN_USE = /\binternal[- ]use\b|\bfor internal\b|\b(?:their|your|its) own use\b|\bNFR\b|\bnot for resale\b|\bdemo (?:licen[cs]es?|instances?)\b|\bdiscounts? (?:for|on) (?:additional|extra|more) (?:support|licen[cs]es|seats|users|training|services)\b/i;

/** A header row naming two or more tiers: a table whose columns are the tiers. */
const TIER_COLUMNS = new RegExp(`(?:\\b${CAPITALISED_TIER_NAMES}\\b[^|]*\\|[^|]*){2}`);

function classifyPercentIn(s: Sentence, m: PercentMatch, inTiers: boolean): PercentCategory {
  let text = s.text;
  let at = m.start;
  if (s.unit.cells) {
    // In a table row, read the cell holding the number, then the row's first cell and the column header.
    const ci = s.unit.cellAt(s.at + m.start);
    const cell = s.unit.cells[ci];
    const header = s.unit.table?.header[ci] ?? '';
    const first = ci > 0 ? s.unit.cells[0].text : '';
    const local = s.unit.text.slice(cell.at, cell.at + cell.text.length + 1);
    at = s.at + m.start - cell.at;
    text = local;
    const own = classifyText(local, at, m, false, inTiers);
    // A column that says what partners earn or get: a discount in it is what they earn.
    if ((own === 'customerDiscount' || own === 'other') && /\b(?:earns?|gets?|receives?|margins?|payouts?|commissions?|compensation|economics)\b/i.test(header) && /\bdiscount|\boff\b|\bbelow list\b/i.test(local)) return 'payout';
    if (own !== 'other') return own;
    // A tier table's row of discounts off list ("Standard discount off MSRP | 10% | 15% | …") is what each tier earns.
    const rowRead = classifyText(`${first} ${header}`, 0, m, true);
    if ((rowRead === 'customerDiscount' || rowRead === 'other') && (inTiers || TIER_COLUMNS.test(s.unit.table?.header.join(' | ') ?? '')) && /\bdiscount|\boff (?:list|MSRP|RRP)\b|\bmargin\b/i.test(first) && !/\bcustomers?|\bclients?|\bend[- ]users?|\bpromo/i.test(first) && !OWN_USE.test(first)) return 'payout';
    return rowRead;
  }
  return classifyText(text, at, m, false, inTiers);
}

const PARTNER_PAYS = new RegExp(`\\b${ANY_PARTNER}\\s+(?:\\w+\\s+)?(?:pay|pays|are charged|is charged|owe|owes)\\s+(?:a|an|the)?\\s*$`, 'i');

const PAYOUT_RIGHT_AFTER = /^\s*(?:of\s+)?(?:(?:reseller|partner|dealer|channel|referral|recurring|one-off|first-year|year-one|volume)\s+)?(?:margins?|commissions?|referral fees?|finder'?s? fees?|fees?|rebates?|rev(?:enue)?[- ]share|payouts?)\b/i;

function classifyText(text: string, at: number, m: PercentMatch, contextOnly = false, inTier = false): PercentCategory {
  if (!contextOnly) {
    // Read only the clause that holds the number: "27% reseller discount; MDF; named manager".
    const from = Math.max(text.lastIndexOf(';', at), text.lastIndexOf('|', at)) + 1;
    let to = text.length;
    for (const sep of [';', '|']) {
      const i = text.indexOf(sep, at + m.text.length);
      if (i >= 0 && i < to) to = i;
    }
    text = text.slice(from, to);
    at -= from;
  }
  const after = contextOnly ? text : text.slice(at + m.text.length, at + m.text.length + 60);
  const before = contextOnly ? text : text.slice(Math.max(0, at - 80), at);
  const near = before + ' ' + after;
  if (!contextOnly) {
    // An add-on ("plus an extra 5% back-end rebate") is not the whole payout the band is about.
    if (/\b(?:extra|additional|plus|another|bonus|kicker|accelerator|uplift|top-up)\s+(?:[\w-]+\s+)?$/i.test(before) || /^\s*(?:[\w-]+\s+){0,3}(?:on top|bonus|kicker|accelerator)\b/i.test(after)) return 'other';
    // What partners pay us ("Partners pay a 2% platform fee") is not what they earn.
    if (PARTNER_PAYS.test(before)) return 'other';
  }
  if (/\b(?:gross|operating|contribution|profit|net|ebitda|blended|software|hardware)\s+(?:\w+\s+)?margins?\b/i.test(before) || /^\s*gross margin/i.test(after)) return 'grossMargin';
  // A discount on the partner's own licences (internal use, demo, NFR) is not what it earns on a sale.
  // So is a discount on what the partner buys for itself ("Discount for additional support").
  // Read in the list item that holds the number: "12% off MSRP, DR, portal access, NFR" lists NFR as another benefit.
  const item = contextOnly ? near : `${before.slice(before.lastIndexOf(',') + 1)} ${after.slice(0, after.indexOf(',') < 0 ? after.length : after.indexOf(','))}`;
  if (OWN_USE.test(item)) return 'other';
  // What the partner buys at: a resale, trade or buy-price discount is its margin.
  if (/\b(?:resale|reseller|trade|wholesale|dealer|distributor|buy(?:ing)?)\s+(?:discount|price)\b/i.test(near) && !/\bend[- ]customers?\b|\bcustomers? (?:get|receive)\b/i.test(near)) return 'payout';
  if (!contextOnly && PAYOUT_RIGHT_AFTER.test(after) && !/\b(?:gross|operating|contribution|profit)\s*$/i.test(before)) return 'payout';
  // A tier's benefits: "You get: 25% off list, access to market development funds".
  if (!contextOnly && inTier && /^\s*(?:trade |partner |reseller )?(?:off list|off|discount|below list)\b/i.test(after)) return 'payout';
  // "MDF may never fund a discount of more than 10% to a customer": the number is the customer's discount.
  if (/\bdiscounts?\s+(?:of\s+)?(?:more than|over|above|beyond|up to|at most|greater than)?\s*$/i.test(before) && /^\s*(?:off\b|to (?:a |the |any )?(?:end[- ])?(?:customers?|clients?|buyers?))/i.test(after)) return 'customerDiscount';
  if (/\bMDF\b|\bmarket(?:ing)? development\b|\bco-?op\b/i.test(near)) return 'mdf';
  // The channel's share of the company's revenue: "5% of new ARR", "18 per cent of the total",
  // "Channel revenue ≥ 10% of total", "Channel % of ARR: 12%".
  if (
    /^\s*(?:of\s+)?(?:the\s+)?(?:(?:total|new|our|company|overall|annual|net new|all|recurring)\s+)*(?:revenue|bookings|ARR|MRR|sales|turnover|total|new business)\b/i.test(after) &&
    /\b(?:channel|partners?|indirect|resellers?|referrals?|partner[- ](?:sourced|led|influenced))\b/i.test(near) &&
    !/\b(?:commission|margin|fee|discount|rebate|rev(?:enue)?[- ]share)\b/i.test(near)
  )
    return 'revenueShare';
  if (/\b(?:channel|indirect|partner(?:[- ]sourced)?) (?:revenue|share|bookings)\b|\bchannel %/i.test(before) && !/\b(?:commission|margin|fee|discount|rebate|payout)\b/i.test(near)) return 'revenueShare';
  if (/^\s*(?:of\s+)?(?:(?:total|new|our|company|overall|annual|net new|all)\s+)*(?:revenue|bookings|ARR|sales)\b/i.test(after) || /\bshare of (?:(?:total|new|our)\s+)?(?:revenue|bookings|ARR)\b|\brevenue (?:contribution|share through|through)\b|\bof revenue\b/i.test(near) && !/\b(?:partners? (?:get|gets|receive|earn|keep)|commission|rev(?:enue)?[- ]share (?:to|for|with|of))\b/i.test(before))
    return 'revenueShare';
  if (/\b(?:activation|satisfaction|churn|growth|grow|win rate|conversion|hit ratio|renewal|retention|uptime|attach rate|utili[sz]ation|completion|of (?:partners|resellers|our partners))\b/i.test(near) && !/\b(?:margin|commission|fee)\b/i.test(after.slice(0, 25))) return 'other';
  if (PARTNER_GETS.test(before) && /\bdiscount|\boff\b|\bbelow list\b/i.test(after.slice(0, 40))) return 'payout';
  if (/\b(?:reseller|partner|channel|distributor|dealer|msp|var|wholesale)\s+discounts?\s*(?:of|is|:|at)?\s*$/i.test(before)) return 'payout';
  // A discount off list that the partner gets ("MSPs reselling the bundle: 35% off list", "you get a 40% discount")
  // is what the partner earns; one that end customers get is a customer discount.
  const GIVES = /\b(?:give|gives|giving|offer|offers|grant|grants|extend|extends|pass on|discount|discounts)\b(?! (?:of|is|are)\b)[^.]{0,40}$/i;
  const CUSTOMER = /\bdeeper\b|\bend[- ]customers?\b|\bcustomers? (?:get|gets|receive|receives|pay)\b|\bpublic[- ]sector\b|\bgovernment\b|\bstudents?\b|\bnonprofits?\b|\bpromo\w*|\bcoupon\b|\bfor (?:new |their |your )?(?:customers|clients|buyers)\b/i;
  if (!contextOnly && /\bdiscount|\boff list\b/i.test(after.slice(0, 25)) && !CUSTOMER.test(near) && !GIVES.test(before) && (PARTNER_NOUN.test(before) || /\byou (?:get|receive|earn|keep|buy)\b/i.test(before))) return 'payout';
  if (/\b(?:list[- ]price|off list|end[- ]customers?|customers? (?:get|receive)|public[- ]sector|government|students?|nonprofits?|promo\w*|coupon)\b/i.test(near) && /\bdiscount|\boff\b/i.test(near)) return 'customerDiscount';
  if (/\bdiscounts? (?:beyond|above|over|of more than|greater than)\s*$/i.test(before) || /^\s*off\b/i.test(after)) return 'customerDiscount';
  if (/\b(?:margins?|commissions?|referral fees?|finder'?s? fees?|fees?|rebates?|bount(?:y|ies)|payouts?|rev(?:enue)?[- ]share|kickback)\b/i.test(contextOnly ? after : after.slice(0, 40)) || /\b(?:margins?|commissions?|referral fees?|fees?|rebates?|payouts?|rev(?:enue)?[- ]share)\b\s*(?:of|is|are|at|:|=|rate of|rate is)?\s*(?:(?:up to|about|around|roughly|between)\s+)?$/i.test(before))
    return 'payout';
  if (/\b(?:reseller|partner|channel|distributor|dealer|msp|var|wholesale)\b[^.]{0,12}\bdiscounts?\b/i.test(near) || /^\s*(?:reseller|partner|channel) discount/i.test(after)) return 'payout';
  if ((PARTNER_NOUN.test(before) || /\byou\b/i.test(before)) && /\b(?:get|gets|receive|receives|earn|earns|keep|keeps|are paid|is paid|retain|retains|take|takes|make|makes|paid)\b/i.test(before.slice(-50)) && /^\s*(?:of|on|in)\b/i.test(after)) return 'payout';
  if (/\bof (?:the |their |your )?(?:(?:client|customer)['’]s )?(?:first[- ]year|year[- ]one|annual|recurring|the customer's|what the customer pays|each deal|contract value|ACV|deal value|net revenue from|license)/i.test(after) && !/\bdiscount/i.test(near)) return 'payout';
  if (/\bdiscount/i.test(near)) return 'customerDiscount';
  return 'other';
}

/** Nobody owns the program yet: a hire to come, "no single owner", ownership split between teams. */
/** A person in a sentence: a full name, someone named after "by" or "with", a pronoun, a role. */
const NAMES_A_PERSON =
  /\b[A-Z][a-z]+ [A-Z][a-zà-ÿ]+|\b(?:I|we)\b|\b(?:CEO|COO|CRO|CFO|CTO|CMO|MD|founders?|co-founders?|managing director|lead|manager|[Hh]ead|VP|[Dd]irector|[Cc]hief|[Pp]resident)\b|\b(?:by|with)\s+[A-Z][a-zà-ÿ]+\b(?!\s+(?:Marketplace|Partner|Network|Cloud))/;
/**
 * Ownership read from its parts, in either order: a person (a name, a role, "our co-founder"), taking
 * charge (owns, runs, handles, looks after, takes on, picks up; "is owned by", "goes to", "sits with")
 * and the program (partners, partnerships, the channel, the referral program). "Karl runs the
 * referral program alongside his RevOps duties"; "Half of Ben's time goes to partners".
 */
const OWNER_PERSON =
  /^(?:[-*+]\s+)?(?!(?:Sales|Marketing|Finance|Support|Product|Engineering|Operations|Ops|RevOps|Partnerships?|Partners?|Legal|Everyone|Nobody|Each|Every|Leadership|Management|Success|Customer|Channel|Alliances?|It|This|That|They|Who|Which|The|Our|A|An|We|Pricing|Enablement|Recruiting|Training)\b)[A-Z][a-zà-ÿ]+(?:['’]s\b|,?\s+(?:will\s+|is going to\s+|also\s+)?(?:owns?|runs?|leads?|heads?|handles?|manages?|looks? after|takes? (?:on|over|care of)|picks? up|drives?|covers?|is responsible|is in charge)\b)|\b(?:by|with|for|to) (?!(?:Sales|Marketing|Finance|Support|Product|Engineering|Operations|Partners?|Europe|EMEA|APAC|AWS|Microsoft|Google|Salesforce|HubSpot)\b)[A-Z][a-zà-ÿ]+\b|\b(?:our|the|a) (?:[\w-]+ )?(?:co-?founders?|founders?|CEO|COO|CRO|CFO|CTO|CMO|MD|lead|manager|head|director|VP|owner|AE|account executive)\b|\b(?:CEO|COO|CRO|CFO|CTO|CMO)\b|\b[A-Z][a-zà-ÿ]+['’]s (?:time|week|days?)\b/;
const TAKES_CHARGE =
  /\b(?:owns?|owned|runs?|run|running|leads?|led|heads?|headed|handles?|handled|manages?|managed|look(?:s|ing)? after|takes? (?:on|over|care of)|pick(?:s|ed)? up|drives?|driven|covers?|is responsible|responsibility|in charge|accountable|(?:time|week|days?|hours) go(?:es)? to|sits? with|rests? with|belongs? to|(?:a )?side project|stretch assignment|\d(?:\.\d)? FTE)\b/i;
const THE_PROGRAM = /\b(?:partners|partnerships|partner (?:program(?:me)?|work|relationships|channel)|channel(?: program)?|alliances?|(?:referral|reseller|affiliate|MSP|agency) (?:program(?:me)?|partners)|resellers|the (?:program(?:me)?|pilot))\b/i;
function statesOwnership(text: string): boolean {
  if (isHedged(text) || NO_OWNER.test(text.replace(NOT_HIRING, ''))) return false;
  const clauses = text.split(/;|\. /);
  // The program named apart from the person ("the channel manager" is a person, not the channel).
  return clauses.some((c) => {
    const person = OWNER_PERSON.exec(c);
    return !!person && TAKES_CHARGE.test(c) && THE_PROGRAM.test(c.slice(0, person.index) + ' ' + c.slice(person.index + person[0].length));
  });
}
/**
 * Paying partners by cheque, read from its parts: a cheque as a means of payment ("by cheque", "a
 * paper check", "method: check", "cuts a check") and what partners are paid (commissions, fees,
 * payouts, "partners get"), not what customers or partners pay the company, refunds or expenses.
 */
const CHEQUE =
  /\bcheques?\b|\b(?:by|via|with|as|a|paper|bank|mailed|posted|physical)\s+(?:a\s+)?(?:paper\s+)?checks?\b|\bchecks?\s*(?:\(|,? mailed|,? posted|in the mail|by (?:post|mail))|\b(?:method|payment|payout)s?\s*[:=|—–-]\s*(?:a\s+)?(?:paper\s+)?checks?\b|\b(?:cuts?|mails?|sends?|posts?|issues?|writes?) (?:\w+ ){0,2}?(?:a |the |paper )?checks?\b|\|\s*checks?\b/i;
const PARTNER_PAYOUT =
  /\bpay(?:s|ing)? (?:out )?(?:our |all |each |every )?(?:partners?|resellers?|referrers?|affiliates?)\b|\bwe(?:'ll| will)? (?:pay|mail|send|post)\b(?! (?:our |the )?(?:vendors?|suppliers?|contractors?|staff|employees))|\b(?:mail|send|post)s? you\b|\b(?:commissions?|fees?|payouts?|pay-?outs?|rebates?|bonus(?:es)?|bount(?:y|ies)|spiffs?|earnings|earned|referral (?:fees?|payments?)|partner (?:payments?|payouts?))\b|\b(?:partners?|resellers?|referrers?|affiliates?|agencies|MSPs?|VARs?|each partner)\b[^.;]{0,40}\b(?:get|gets|receive|receives|are paid|is paid|paid)\b|\bto (?:each |every |the |our )?partners?\b/i;
const NOT_A_PAYOUT_BY_CHEQUE =
  /\b(?:customers?|clients?|buyers?) (?:may |can |will |must )?(?:pay|pays) (?:us|their|invoices|by|with)\b|\b(?:partners?|resellers?|they|you) (?:\w+ )?(?:pay|pays) us\b|\brefunds?\b|\bexpenses?\b|\breimburse\w*|\bemployees?\b|\bno (?:more )?(?:cheques?|checks?)\b|\bnever (?:by )?(?:cheques?|checks?)\b|\bnot (?:by )?(?:cheques?|checks?)\b|\binstead of (?:a )?(?:cheques?|checks?)\b|\b(?:background|credit|health|spot|sanity|reference|compliance|quality) checks?\b|\bcheck[- ]?(?:ins?|lists?|points?)\b/i;
function paysPartnersByCheque(text: string): boolean {
  if (isHedged(text) || WISH.test(text) || NOT_A_PAYOUT_BY_CHEQUE.test(text)) return false;
  const c = CHEQUE.exec(text);
  return !!c && PARTNER_PAYOUT.test(text) && !isNegatedAt(text, c.index, 20);
}

/** Executives on both sides owning one partnership ("our CEO and each ISV's CEO own the partnership") hold a relationship, not the program. */
const PEER_EXECUTIVES = /\b(?:founder|CEO|exec(?:utive)?)[- ]to[- ](?:founder|CEO|exec(?:utive)?)\b|\b(?:each|every|the partner(?:'s|’s)|their) (?:\w+(?:'s|’s) )?(?:CEO|founder|chief executive)\b/i;
/**
 * How partners get paid, read from its parts: what partners earn (commissions, fees, payouts,
 * "partners get paid") and its operation (a cadence, a reconciliation, a statement or earnings
 * dashboard). Pay to employees, suppliers or the direct team, partners paying the company,
 * statements of work and open questions do not count.
 */
const PAYOUT_OPS_PHRASES = /\breconcil\w*|\bstatements?\b|\b(?:pay|pays|paid|payouts?|payments?|settle\w*)\b[^.;]{0,40}\b(?:monthly|quarterly|weekly|annually|each (?:month|quarter)|every (?:month|quarter)|end of (?:each|the|every) (?:month|quarter)|net[- ]?\d+|within \d+ days)\b|\bpaid (?:monthly|quarterly|annually|each (?:month|quarter)|every (?:month|quarter)|on the|within|net[- ]?\d+|by (?:ach|wire|bank transfer|direct deposit))|\bpay(?:s|outs?)? (?:\w+ )?(?:monthly|quarterly|each (?:month|quarter))|\bpayout (?:cadence|schedule|dates?)\b|\b(?:wired|paid|settled) (?:each|every|at the end of the|when each) (?:month|quarter)|\b(?:monthly|quarterly) (?:payouts?|payments?|settlements?)\b|\bcommission (?:tracking|dashboard|reports?)\b|\b(?:\d+|\w+) days after (?:receipt|the customer|we receive|payment|invoic\w+)|\bafter receipt of (?:an? |the )?(?:invoice|payment)\b|\b(?:payouts?|payments?|rebates?|fees?|commissions?) (?:are |is )?(?:made|go out|paid out|sent|issued)\b[^.]{0,30}\b(?:monthly|quarterly|annually|twice a year|semi-?annually|each|every)\b|\b(?:track|see|view|check)\b[^.]{0,40}\b(?:commissions?|payouts?|earnings|rebates?)\b[^.]{0,40}\b(?:dashboard|portal|real time|statement)/i;
const PARTNER_EARNINGS =
  /\b(?:commissions?|fees?|payouts?|pay-?outs?|rebates?|earnings|referral (?:fees?|payments?)|partner (?:payments?|payouts?)|margins? true-?ups?)\b|\b(?:partners?|resellers?|referrers?|affiliates?|agencies|you)\b[^.;]{0,30}\b(?:get|gets|are|is|will be)\s+paid\b|\bget paid\b/i;
const PAYOUT_OPERATION =
  /\b(?:monthly|quarterly|weekly|annually|fortnightly|twice a month|(?:once|twice) a (?:month|quarter)|each (?:month|quarter)|every (?:month|quarter|two weeks)|end of (?:each|the|every) (?:month|quarter)|net[- ]?\d+|within \d+ days|\d+ days after|on the \d+(?:st|nd|rd|th)|in arrears)\b|\breconcil\w*|\bsettle[sd]?\b|\b(?:earnings|commission|payout) (?:statements?|dashboards?|reports?)\b|\bstatements?\b|\bdashboard\b[^.;]{0,40}\b(?:paid|pending|approved|earned)\b/i;
const NOT_PARTNER_PAY =
  /^\W*(?:our )?(?:AEs?|reps?|employees?|staff|salar(?:y|ies)|suppliers?|vendors?|contractors?)\b[^.;]{0,25}\b(?:are |is )?paid\b|\b(?:customers?|clients?) (?:renewals?|refunds?)\b|\b(?:customer|client) renewals? are reconciled\b|\b(?:partners?|resellers?|they|you) (?:\w+ )?pay (?:us|their invoices)\b|\bstatements? of work\b|\bpain point\b|\b(?:partner|membership|program|annual|listing|platform) fees?\b[^.;]{0,40}?(?:\bfree\b|[$£€]\s?\d|\b(?:EUR|USD|GBP|CHF)\s?\d|\/\s*(?:month|year)|\bbilled\b)|\bmembership fees?\b|\bknown (?:issue|problem)\b|:\s*(?:tbd|tbc|to be \w+)\b/i;
function statesPayoutOps(text: string): boolean {
  if (isHedged(text) || NOT_PARTNER_PAY.test(text)) return false;
  const phrase = PAYOUT_OPS_PHRASES.exec(text);
  if (phrase && !isNegatedAt(text, phrase.index)) return true;
  const op = PAYOUT_OPERATION.exec(text);
  return PARTNER_EARNINGS.test(text) && !!op && !isNegatedAt(text, op.index);
}
const PAYOUT_OPS_CUE = /paid|pay|reconcil|statement|settle|commission|fee|payout|rebate|earning|dashboard/i;

/** "I do not want to hire a partnerships person until …": no hire, so the named person stays the owner. */
const NOT_HIRING = /\b(?:do not|don't|not|no need to|no plan to|won't|will not) (?:want to |plan to |intend to |need to )?hire\b[^.;]*/gi;
const NO_OWNER =
  /\b(?:we will hire|to hire|hiring|will be hired|once we hire|until (?:a |an |the |our )?(?:[\w-]+ ){0,4}(?:is|are) (?:hired|appointed|found|named)|no (?:single |one |dedicated |named )?owner|nobody owns|no one owns|each (?:cover|own|handle)s? (?:their|its) (?:part|piece|share))\b/i;

// ---- deal-registration turnaround -------------------------------------------------------

/** Someone deciding on a registration: approving, declining, answering, reviewing. */
const DECISION =
  /\b(?:approv\w*|declin\w*|decision|decid\w*|respond\w*|response|answer\w*|repl(?:y|ies|ied)|turn ?around|review\w*|accept\w*|reject\w*|confirm\w*|hear back|get back|notif\w+|feedback|SLA|validat\w*|process(?:ed|es|ing)?|yes or no|verif\w+|check(?:ed|s)?)\b/i;
/** How long a registration holds, which is not how fast it is decided. */
const HOLDS = /\b(?:valid|expir\w*|lasts?|holds?|lifetime|protected for|protection lasts)\b/i;
/** A duration given as a limit: "within 2 days", "in max 3 business days", "takes at most a day", "A: 48 hours". */
const LIMIT_BEFORE =
  /(?:\b(?:within|in|under|inside|by|of|takes?|max(?:imum)?\.?|at most|no (?:later|more|longer) than|up to)|:|[≤<]=?|=<)\s*(?:about\s+|at most\s+|no more than\s+|max(?:imum)?\s+|a maximum of\s+)?$/i;
const LIMIT_AFTER = /^\s*(?:at (?:the )?most|max(?:imum)?|or less|to (?:approve|decide|respond|review|accept|reject|answer)|for (?:approval|a decision))\b/i;
/** What else a team answers within a time: demos, support, payouts, applications. */
const OTHER_REQUEST = /\b(?:demos?|support|tickets?|cases?|invoices?|payouts?|payments?|(?:partner |program )?applications?|MDF)\b/i;
const REGISTRATION_SUBJECT =
  /\bregist\w*|\bdeal[- ]?reg\w*|\bDRs?\b|\breferrals?\b|\bclaims?\b|\bopportunit\w+|\bdeals?\b|\battribution\b|\blog(?:s|ged)? (?:a |an |the |each |every )?(?:[\w-]+ )?(?:accounts?|leads?|introductions?|customers?)\b|\breferred (?:accounts?|leads?|customers?|clients?)\b/i;
const WISH = /\b(?:we'd like|we would like|ideally|something like|hope to|aim to|eventually)\b/i;

/**
 * The approval turnaround a sentence states, read from its parts within one clause: someone
 * deciding, a registration (named, or the section's subject), and a duration given as a limit.
 * An FAQ answer is read with its question ("Q: How long does approval take? A: 48 hours at most").
 */
/** Other things that hold for a time: licences, quotes, certifications, passwords, funds, contracts. */
const OTHER_HELD = /\b(?:NFR|licen[cs]es?|quotes?|certifications?|certificates?|passwords?|contracts?|agreements?|MDF|funds?|trials?|discounts?|offers?|vouchers?|pilots?|programs?|programmes?)\b/i;

/** Whether what holds for `d` is a registration: named in its clause or before, or the section's subject and nothing else named. */
function heldIsRegistration(text: string, d: DurationMatch, inRegistrationSection: boolean): boolean {
  const from = text.lastIndexOf(';', d.start) + 1;
  const semi = text.indexOf(';', d.end);
  const clause = text.slice(from, semi < 0 ? text.length : semi);
  if (REGISTRATION_SUBJECT.test(clause) || /\b(?:approved|protection|attribution)\b/i.test(clause)) return true;
  if (OTHER_HELD.test(clause)) return false;
  return inRegistrationSection || REGISTRATION_SUBJECT.test(text.slice(0, from));
}

function slaTurnaround(s: Sentence, question: string, inRegistrationSection: boolean): DurationMatch | null {
  if (!s.durations.length || isHedged(s.text) || WISH.test(s.text)) return null;
  // Claims under an MDF heading are MDF claims ("Approved claims are reimbursed within 45 days").
  if (!inRegistrationSection && s.section?.inTopic('mdf') && !/\bregist|\bdeal[- ]?reg|\bDRs?\b/i.test(s.text)) return null;
  const text = s.text;
  for (const d of s.durations) {
    // The clause around the duration (clauses split at semicolons).
    const from = text.lastIndexOf(';', d.start) + 1;
    const semi = text.indexOf(';', d.end);
    const clause = text.slice(from, semi < 0 ? text.length : semi);
    const read = `${question} ${clause}`;
    if (!DECISION.test(read) || HOLDS.test(clause.slice(0, d.start - from).replace(/\bwithin\b.*$/i, ''))) continue;
    // The registration may be named earlier in the sentence ("Lead registration: web form; approved within 24 hours").
    const subject = `${question} ${text.slice(0, from + clause.length)}`;
    if (!REGISTRATION_SUBJECT.test(subject) && (!inRegistrationSection || OTHER_REQUEST.test(clause))) continue;
    if (OTHER_REQUEST.test(clause) && !REGISTRATION_SUBJECT.test(clause)) continue;
    if (LIMIT_BEFORE.test(text.slice(from, d.start)) || LIMIT_AFTER.test(text.slice(d.end)) || /\b(?:turn ?around|SLA)\b/i.test(read)) return d;
  }
  return null;
}

/** Something left for later or out of scope: "we'll figure out training later", "not in scope for the pilot", "no training is planned". */
const NOT_PLANNED = /\b(?:figure (?:\w+ ){0,3}out|work (?:\w+ ){0,3}out|sort (?:\w+ ){0,3}out) later\b|\bfigur(?:e|ed|ing) (?:\w+ ){0,3}out\b|\b(?:be|get) (?:worked|sorted) out\b|\bnot in scope\b|\bout of scope\b|\bno (?:\w+ ){0,2}(?:is|are) planned\b|\bnone planned\b/i;

// ---- recruiting ---------------------------------------------------------------------------

/** Qualifying something other than a partner: leads, deals, a customer's prospects, a platform's program. */
const NOT_PARTNER_QUALIFICATION = /\bMQLs?\b|\bSDRs?\b|\bdemo requests?\b|\b(?:within \d+ days of|after) signing\b|\b(?:lead|leads|prospects?|deals?|opportunit\w+) (?:qualification|are qualified|must be)\b|\bqualified leads?\b|\bqualify for\b|\bBANT\b|\bsomehow\b|\b(?:define|decide)\w* (?:\w+ )?criteria (?:after|later|once)\b/i;
/** A candidate partner ("we sign", "each candidate", "shortlisted consultancies", "no agreement without"). */
const CANDIDATE = new RegExp(`\\b(?:${ANY_PARTNER}|candidates?|shortlist\\w*|applicants?)\\b|\\b(?:before (?:signing|any agreement)|no agreement without|we (?:only )?(?:sign|accept|admit|recruit|onboard))\\b`, 'i');
/** A criterion a candidate must meet. */
const CRITERION =
  /\bask (?:every|each) (?:candidate|applicant|partner)\b|\bno \w+, no (?:partnership|deal|agreement|signing)\b|\bdisqualif\w*|\bwithout evidence\b|\bwe look for\b|^\W*(?:out|excluded|not a fit)\s*:|\bwill not (?:recruit|sign|accept|onboard)\b[^.;]{0,40}\b(?:whose|that|who|with)\b|\b(?:must|need(?:s)? to|required?|minimum|at least|only (?:if|when|partners? (?:who|that)|sign|accept)|accept only|already (?:sell|serve|run|have)|demonstrate|track record|reference|check|map|tells? us|show(?:s)? us|proven|established|named,? quota-carrying|no agreement without)\b/i;

/** Criteria for choosing partners, read from its parts: a candidate and something it must have or show. */
function qualifiesPartners(text: string): boolean {
  if (isHedged(text) || WISH.test(text) || NOT_PARTNER_QUALIFICATION.test(text) || reportsThePast(text)) return false;
  return CANDIDATE.test(text) && CRITERION.test(text) && /\b(?:sign\w*|agreement|recruit\w*|join\w*|accept\w*|candidates?|shortlist\w*|discovery|qualif\w*|onboard\w*|admit\w*|partnerships?|look for|disqualif\w*)\b|^\W*(?:out|excluded|not a fit)\s*:/i.test(text);
}

// ---- success metrics ---------------------------------------------------------------------

/** What makes a number a target: a target word, a time to reach it, or a bound ("or better", "at least"). */
const TARGET_FRAME =
  /\b(?:targets?|goals?|aim|we want|reach|KPI|by (?:month|day|week|quarter|year|the end|end of|FY|H[12]|Q[1-4]|next)|within (?:the first|\d+|one|two|three|six|twelve)|in (?:year|month|quarter) (?:one|two|three|\d+)|in (?:the )?(?:first|second) (?:year|half|quarter)|or (?:higher|better|more|above)|at least|each (?:quarter|month|year)|(?:improve|grow|rise|increase)s? (?:from|to))\b/i;
/** Dates and periods, whose numbers are when, not how much ("by the end of Q3", "day 90", "FY2"). */
const PERIOD_NUMBER = /\b(?:Q[1-4]|H[12]|FY ?\d{1,4}|(?:day|week|month|quarter|year) \d+|(?:19|20)\d\d)\b/gi;
/** A value the metric is to reach: money, a percentage, a ratio or a count. */
function statesTargetValue(text: string): boolean {
  return /[$£€]\s?\d|\d\s?(?:%|percent|per cent)|\b\d+(?:\.\d+)?\s?\/\s?\d+|\b\d+ (?:of|out of) (?:the )?\d+|\b\d+(?:[.,]\d+)?\s?[kKmM]\b|\b\d+\+?\s+(?:[\w-]+\s+){0,2}(?:partners?|deals?|referrals?|customers?|resellers?|logos?|opportunit\w+|registrations?)\b/.test(text.replace(PERIOD_NUMBER, ''));
}
/** A process turnaround: how fast something is paid, answered or approved. */
const PROCESS_TURNAROUND = /\b(?:paid|answered|responded|approved|reviewed|resolved|processed|reimbursed)\b[^.]{0,30}\bwithin\b/i;

// ---- channel conflict ----------------------------------------------------------------------

/** The direct side of a conflict: the company's sellers, or "our side" holding back. */
const DIRECT_SIDE = new RegExp(`${DIRECT_TEAM.source}|\\b(?:nobody|no one|anyone|someone) (?:on|from) our side\\b`, 'i');
/** The partner's side of a conflict: a partner, a registration, partner-only accounts, partner-led deals, "you". */
const PARTNER_CLAIM = new RegExp(`\\b(?:${ANY_PARTNER}|regist\\w*|partner-(?:only|led|sourced|registered)|you|your)\\b`, 'i');
/** What a conflict rule does: holds the direct side back, splits the market, decides, credits. */
const CONFLICT_RULE =
  /\b(?:cannot|can't|can not|may not|must not|will not|won't|do(?:es)? not|never|steps? back|leaves? (?:[\w-]+ ){0,4}alone|stays? (?:off|away)|hands[- ]off|off[- ]limits|belongs? to|only (?:in|sells?|sell to|for|above|below|under|over)|partner-only|unless|route\w*|goes? to|go to|decid\w*|decision|wins?|appeal\w*|escalat\w*|arbitrat\w*|credit\w*|spiffs?|paid|split|overlay|binds?|protect(?:s|ed)?|closes? (?:the |that |this )?(?:account|deal|opportunity|customer)s? to|closed to|(?:full |their |normal )?commission|quota relief|comp(?:ensation)?[- ]neutral|reserved)\b/i;
/** Not a rule: partners free to sell anywhere, support tiers, payments. */
const NOT_A_CONFLICT_RULE = /\bfree to (?:sell|approach|work)\b|\bsupport escalation\b|\bL[123]\b|\bpayments?\b|\bplanning for the direct\b/i;

/**
 * A channel-conflict policy, read from its parts in any order: the direct side, the partner's claim,
 * and a rule between them ("Once your registration is approved, our direct team will not pursue that
 * account"; "DACH belongs to partners; direct sells only in the UK"), or one of the named
 * mechanisms (named accounts, territories, rules of engagement, an escalation path).
 */
export function statesConflictPolicy(text: string): boolean {
  // "Direct reps get no credit on partner-led deals" is the opposite of a policy (channel-conflict reports it).
  if (isHedged(text) || WISH.test(text) || NOT_A_CONFLICT_RULE.test(text) || /\bto be (?:agreed|defined|confirmed)\b/i.test(text) || statesNoCredit(text)) return false;
  if (DIRECT_SIDE.test(text) && PARTNER_CLAIM.test(text) && CONFLICT_RULE.test(text)) return true;
  const m = CONFLICT_POLICY.exec(text);
  return !!m && !isNegatedAt(text, m.index) && !/\bbetween (?:two )?partners\b/i.test(text);
}

// ---- contested registrations ------------------------------------------------------------

/** Two sides after one account: two partners, a second registration, a partner and a direct opportunity. */
const CONTEST = new RegExp(
  String.raw`\b(?:two|2|multiple|several|more than one|both|another|other|competing|second|rival)\s+(?:\w+\s+)?(?:${ANY_PARTNER}|registrations?|claims?|submissions?|requests?|DRs?)\b|\b(?:conflicting|overlapping|duplicate|competing) (?:registrations?|claims?|submissions?|DRs?)\b|\b(?:same|one) (?:account|customer|client|deal|opportunity|prospect|end[- ]user|company|organi[sz]ation)\b|\b(?:partner|reseller|MSP|VAR|SI|agency|AE|rep|direct) (?:vs\.?|versus|and) (?:direct|partner|AE|rep|reseller|MSP|VAR)\b|\b(?:direct|AEs?|account executives?|reps?|sales team)\b[^.;]{0,50}\b(?:opportunit\w+|pipeline|working)\b|\b(?:existing|open|active) (?:direct )?opportunit\w+|\bopportunit(?:y|ies) (?:already )?exists?\b|\b(?:closed|off[- ]limits|hands[- ]off) (?:to|for) (?:direct|AEs?|reps?|our)\b|\bcollid\w+|\balready (?:registered|talking|working|in (?:our |a |the )?pipeline|has an? (?:open |active )?opportunit\w+)\b|\bcontested\b|\btie[- ]?break\w*|\bfirst[- ]come\b|\b(?:first|earlier|earliest) (?:complete |approved |valid |valid, complete )?(?:registration|reg|submission|request|to register|DR)\b|\bprecedence\b|\b(?:conflicts?|disputes?|clash\w*)\b`,
  'i',
);
/** What settles it: who wins, keeps, leads or decides; a decline; an escalation; shared credit. */
const SETTLES =
  /\b(?:wins?|won|keeps?|leads?|owns?|decid\w*|decision|declin\w*|reject\w*|den(?:y|ies|ied)|award\w*|precedence|priority|goes to|go to|sent to|escalat\w*|credit\w*|overlay|stands?|prevails?|appeal\w*|resolv\w*|arbitrat\w*|split\w*|tie[- ]?break\w*|first[- ]come|protect\w*|holds? the|(?:gets?|earns?) the (?:deal|account|opportunity|credit|customer|fee|commission|margin))\b/i;
/** Contests about something other than a registration: calendars, commission amounts, data records, exclusivity. */
const OTHER_CONTEST = /\b(?:scheduling|calendars?|commission amounts?|payout amounts?|records?|exclusivity|sanctions|competing (?:vendors?|products?|agreements?)|conflicts? of interest)\b/i;
const CONTEST_SUBJECT = /\bregist\w*|\bDRs?\b|\bdeal[- ]?reg\w*|\baccounts?\b|\bopportunit\w+|\bdeals?\b|\bcustomers?\b|\bclients?\b|\bprospects?\b/i;

/**
 * A rule for contested registrations, read from its parts in any order: two sides after one account,
 * and what settles it. Generic words ("conflicts", "disputes") count only where registrations are
 * the subject. Reports of the past, wishes and negations are not rules.
 */
function settlesContestedRegistration(s: Sentence, question: string, inRegistrationSection: boolean): boolean {
  const text = `${question} ${s.text}`;
  if (reportsThePast(s.text) || isHedged(text) || WISH.test(text) || OTHER_CONTEST.test(text)) return false;
  // "You can't register an account another partner holds" states the rule; only a negation close to the contest denies it.
  const contest = new RegExp(CONTEST.source, 'gi');
  let stated = false;
  for (let m = contest.exec(text); m && !stated; m = contest.exec(text)) stated = !isNegatedAt(text, m.index, 12);
  if (!stated) return false;
  if (!SETTLES.test(text)) return false;
  return CONTEST_SUBJECT.test(text) || inRegistrationSection;
}

// ---- tiers -----------------------------------------------------------------------------

/** A label that starts with a tier's name ("Gold", "Tier 2", "Partner"). */
const TIER_NAME = new RegExp(`^(?:${TIER_NAMES.join('|')}|partner|tier\\s*\\d|level\\s*\\d)\\b`, 'i');
const CRITERIA = /\b(?:criteria|requirements?|to qualify|entry)\s*:\s*\S|\bcertif\w+|\bjoint customers?\b|\bconnector\b|\bclosed deals?\b|\bdeals?\b|\brevenue\b|\bARR\b|\$|\bsigned\b|\bcomplet\w+|\breferrals?\b|\bat least\b|\bminimum\b|\b\d+\+?\s+(?:\w+\s+)?(?:reps?|staff|salespe\w+|installers?|customers?)\b|\bagreement\b|\bexam\b|\bcourse\b|\btrained\b|\bcriteria\b|\brequire\w*/i;
/** A label left open: "Criteria for Gold: TBD", "Tier requirements: to be set". */
const LEFT_OPEN = /:\s*(?:tbd|tbc|tba|to be \w+|n\/a|none yet|open)\b|\bno (?:\w+ )?requirements?\b|\b(?:don't|do not) have (?:\w+ )?requirements?\b/i;
/** Sentences in a tier's section that are not what it takes to reach the tier: rules for deals, course lengths, statistics, other kinds of tier. */
const NOT_A_TIER_CRITERION =
  /\bregister (?:deals?|opportunit\w+)\b|\b(?:exam|course|certification|training) (?:takes|lasts|is)\b|\bhours? of (?:content|training)\b|\baccount for \d+\s?%|\b(?:plan|support|pricing|subscription)(?: tier)? requires?\b|\bcelebrated\b/i;
const BENEFITS =
  /\bbenefits?\s*:\s*\S|\bbadges?\b|\bco-?market\w*|\brev(?:enue)?[- ]share\b|\bmargins?\b|\bdiscounts?\b|\bMDF\b|\bfees?\b|\baccess\b|\bdedicated\b|\blisting\b|\bmanager\b|\bco-?brand\w*|\bsupport\b|\bleads?\b|\bpriority\b|%|\bper ?cent\b|\brebates?\b|\bcommission\b|\bdemo\b|\bportal\b|\bcouncil\b|\bwebinars?\b|\bearly access\b|\bplanning\b|\blicen[cs]es?\b|\bmaterials\b|\bregistration\b/i;
const EMPTY_CELL = /^(?:|—|–|-|n\/?a|tbd|tba|tbc|none|\?|\.\.\.|…|pending|coming soon|later)\.?$|^(?:to be (?:defined|decided|confirmed|announced|determined|agreed|worked out|set|finali[sz]ed|discussed)|tbd|tbc|tba)\b/i;

/** A row label that states what a partner must do or have: a requirement, not a benefit. */
const REQUIREMENT_ROW =
  /\b(?:requirements?|criteria|required|minimum|min\.|certif\w*|specialists?|entry|qualif\w*|commitments?|bookings|revenue|ARR|deals?|projects?|agreement|fees?|retention|staff|engineers?|reps?|salespe\w+|trained|exams?|courses?|to (?:join|qualify|reach))\b/i;

/**
 * A comparison table whose columns are the tiers ("| Requirements | Registered | Silver | Gold |"),
 * requirements and benefits as rows: one tier per column. A row whose first cell is "Benefits"
 * (or a repeated header) separates requirements from benefits; otherwise each row is read by its
 * label. Null when the table is not written that way.
 */
const COLUMN_TIERS = new WeakMap<object, Tier[] | null>();

function tiersAsColumns(u: Unit): Tier[] | null {
  // The reading depends on the table alone, which a piece keeps until its text changes.
  const table = u.table!;
  if (COLUMN_TIERS.has(table)) return COLUMN_TIERS.get(table)!;
  const tiers = readColumnTiers(u);
  COLUMN_TIERS.set(table, tiers);
  return tiers;
}

function readColumnTiers(u: Unit): Tier[] | null {
  const table = u.table!;
  const names = table.header.slice(1).map((h) => h.trim());
  // A column is a tier when its header is a tier's name ("Silver", "Gold Partner", "Tier 2"),
  // not a label that starts like one ("Certified reps", "Registered deals").
  const isTierName = (h: string) => TIER_NAME.test(h) && /^[\w-]+(?:\s+(?:partners?|tier|level|resellers?|members?|\d))?$/i.test(h);
  const named = names.filter(isTierName).length;
  if (names.length < 2 || named < 2 || named * 4 < names.length * 3) return null;
  // Rows that name tiers themselves make a tier-per-row table.
  if (table.rows.length && table.rows.filter((r) => TIER_NAME.test(r.cells?.[0]?.text ?? '')).length * 2 > table.rows.length) return null;
  const first = (table.header[0] ?? '').trim();
  // A corner cell naming both ("Requirement / benefit") leaves each row to its own label.
  const both = /benefit|what (?:you|partners?) get/i.test(first) && /requirement|criteria|to join|entry/i.test(first);
  let part: 'requirements' | 'benefits' | null = both ? null : /^benefits?\b/i.test(first) ? 'benefits' : /requirement|criteria|to join|entry/i.test(first) ? 'requirements' : null;
  const tiers: Tier[] = names.map((name) => ({ name, unit: u, hasCriteria: false, hasBenefits: false }));
  for (const r of table.rows) {
    const cells = r.cells ?? [];
    const label = cells[0]?.text.trim() ?? '';
    // A row labelled "Benefits" or "Entry criteria" with empty cells starts that part of the table;
    // with its cells filled, it is that part's one row.
    const rowPart = /^benefits?\b|^what (?:you|partners?) get\b/i.test(label) ? 'benefits' : /^(?:entry |joining |tier )?(?:requirements?|criteria)\b/i.test(label) ? 'requirements' : null;
    if (cells.slice(1).every((c) => EMPTY_CELL.test(c.text.trim()))) {
      if (rowPart) part = rowPart;
      continue;
    }
    const isRequirement = rowPart ? rowPart === 'requirements' : part ? part === 'requirements' : REQUIREMENT_ROW.test(label) && !BENEFITS.test(label.replace(REQUIREMENT_ROW, ''));
    tiers.forEach((t, i) => {
      const cell = cells[i + 1]?.text.trim() ?? '';
      if (EMPTY_CELL.test(cell) || /^(?:no|none required|not included|✗|✘|x)$/i.test(cell)) return;
      if (isRequirement) t.hasCriteria = true;
      else t.hasBenefits = true;
    });
  }
  return tiers;
}

/**
 * A sentence that names a tier structure: a structure word (tiers, levels, bands, "grouped into",
 * "move up to") and two or more tier names ("Three tiers: Registered, Silver, Gold", "You start
 * as a Registered partner; certified partners become Silver").
 */
const TIER_STRUCTURE_WORD =
  /\b(?:tiers?|tiering|levels?|bands|status(?:es)?|(?:two|three|four|five)[- ]tier|grouped into|split into|classified as|segmented into|segmented in|fall into|move up to|start as|enter at|become|invited to)\b/i;
const TIER_WORD = new RegExp(`\\b${CAPITALISED_TIER_NAMES}\\b`, 'g');

/** Tiers of something other than partners: people's certifications, customer pricing plans, event sponsorship, support. */
const NOT_PARTNER_TIERS = /\b(?:certification|certified|individuals?|people|consultants?|engineers?|sponsorship|sponsors?|pricing|price|plans?|subscriptions?|support|SLA|conference|event|customers?|employees?|seniority|job)\b[^.;:]{0,30}\b(?:tiers?|levels?)\b|\b(?:tiers?|levels?)\b[^.;:]{0,20}\bfor (?:individuals|people|consultants|engineers|customers|sponsors|support)\b|\bservice levels?\b/i;
/** A count of tiers, or a grouping ("grouped into", "split into", "segmented in three groups"). */
const TIER_GROUPING =
  /\b(?:two|three|four|five|six|2|3|4|5|6)[- ](?:tiers?|levels?|groups?|segments?|tracks?|bands?)\b|\b(?:two|three|four|five|2|3|4|5)[- ]tier(?:ed)? (?:structure|model|program(?:me)?)\b|\b(?:grouped|split|segmented|divided|organi[sz]ed|sorted|classified) (?:in|into) (?:(?:two|three|four|five|\d) (?:groups?|tiers?|levels?|segments?)|[A-Z])|\b(?:tiers?|levels?)\s*[:—–]\s*[A-Z]/i;
/** Two or more capitalised names in a list: "Explorer, Builder, Champion", "Core and Premier", "Partner and Strategic Partner". */
const NAME_LIST = /\b[A-Z][\w-]*(?: [A-Z][\w-]*)?(?:,\s*(?:and\s+|or\s+)?[A-Z][\w-]*(?: [A-Z][\w-]*)?)*,?\s+(?:and|or)\s+[A-Z][\w-]*(?: [A-Z][\w-]*)?|\b[A-Z][\w-]*(?:\s*(?:,|—|–|\/)\s*[A-Z][\w-]*){2,}/;

function namesTiers(text: string): boolean {
  if (!TIER_STRUCTURE_WORD.test(text) && !TIER_GROUPING.test(text)) return false;
  if (isHedged(text) || reportsThePast(text) || NOT_PARTNER_TIERS.test(text) || /\bone (?:partner )?(?:tier|level)\b|\b(?:no|none|without) (?:tiers?|levels?)\b|\bhas none\b|\bexisted\b/i.test(text)) return false;
  const names = new Set((text.match(TIER_WORD) ?? []).map((w) => w.toLowerCase()));
  if (names.size >= 2) return true;
  // Names of the company's own choosing, listed after a grouping: "Four levels — Explorer, Builder, Champion, Elite".
  const g = TIER_GROUPING.exec(text) ?? TIER_STRUCTURE_WORD.exec(text);
  return !!g && NAME_LIST.test(text.slice(g.index));
}

function findTierStructures(plan: PlanModel): TierStructure[] {
  const out: TierStructure[] = [];
  const seenTables = new Set<unknown>();
  for (const u of plan.selectUnits('tableHeaders', (x) => x.kind === 'tableRow' && x.isHeaderRow && !!x.table)) {
    if (!u.table || seenTables.has(u.table)) continue;
    seenTables.add(u.table);
    const columns = tiersAsColumns(u);
    if (columns) {
      out.push({ kind: 'table', anchor: u, tiers: columns, section: u.section });
      continue;
    }
    const header = u.table.header.map((h) => h.toLowerCase());
    const firstIsTier = /^(?:tiers?|levels?|partner (?:tiers?|levels?)|status|program level|membership)$/i.test(u.table.header[0] ?? '');
    const underTierHeading = u.section?.inTopic('tiers') ?? false;
    const rowsLookLikeTiers = u.table.rows.length > 0 && u.table.rows.every((r) => TIER_NAME.test(r.cells?.[0]?.text ?? ''));
    if (!firstIsTier && !(underTierHeading && (rowsLookLikeTiers || header.some((h) => /criteria|requirement|benefit|get there|receives?/.test(h))))) continue;
    const critCol = header.findIndex((h, i) => i > 0 && /criteria|requirements?|how .* gets? there|entry|qualif|eligib|to qualify|to reach|commitment|what (?:you|partners?) (?:need|must)|you need|needed|required|must have|to join|minimums?/.test(h));
    const benCol = header.findIndex((h, i) => i > 0 && /benefits?|receives?|gets?\b|rewards?|perks|what .* (?:receives?|gets?)|incentives?|margin|discount/.test(h));
    const tiers: Tier[] = u.table.rows.map((r) => {
      const cells = r.cells ?? [];
      const cellText = (i: number) => (i >= 0 ? cells[i]?.text ?? '' : '');
      const rest = cells.slice(1).map((c) => c.text).join(' ');
      const hasCriteria = critCol >= 0 ? !EMPTY_CELL.test(cellText(critCol)) : CRITERIA.test(rest);
      const hasBenefits = benCol >= 0 ? !EMPTY_CELL.test(cellText(benCol)) : BENEFITS.test(rest);
      return { name: cellText(0), unit: r, hasCriteria, hasBenefits };
    });
    out.push({ kind: 'table', anchor: u, tiers, section: u.section });
  }
  // Lists under a tier heading whose items start with a tier name.
  for (const sec of plan.sectionsWith('tiers')) {
    if (out.some((t) => t.section === sec)) continue;
    const items = new Map<string, Unit>();
    for (const u of sec.units) {
      if (u.kind !== 'paragraph' || !u.list) continue;
      const key = `${u.list.id}:${u.list.item}`;
      if (!items.has(key)) items.set(key, u);
    }
    // Top-level items only; a tier's nested bullets ("Entry: ...", "Benefits: ...") are part of it.
    const top = Math.min(...[...items.values()].map((u) => u.list!.depth));
    const units = [...items.values()].filter((u) => u.list!.depth === top && (TIER_NAME.test(u.label || u.text) || /^[A-Z][\w/ ]{0,30}:/.test(u.text) || (!!u.label && u.text.trim().length <= u.label.length + 2)));
    if (units.length) {
      const all = sec.units;
      const body = (u: Unit) => {
        const i = all.indexOf(u);
        const parts = [u.text.slice((u.label || '').length)];
        for (let j = i + 1; j < all.length && all[j].list && all[j].list!.depth > top; j++) parts.push(all[j].text);
        return parts.join(' ');
      };
      // Items that label their parts ("entry: … · benefits: …") are read by those labels.
      const BEN_LABEL = /\b(?:benefits?|you get|perks|rewards?)\s*:\s*\S/i;
      const CRIT_LABEL = /\b(?:entry|criteria|requirements?|to join|to qualify|eligibility)\s*:\s*\S/i;
      const labelsBenefits = units.filter((u) => BEN_LABEL.test(body(u))).length >= 2;
      const labelsCriteria = units.filter((u) => CRIT_LABEL.test(body(u))).length >= 2;
      out.push({
        kind: 'list',
        anchor: units[0],
        section: sec,
        tiers: units.map((u) => ({
          name: u.label || u.text.split(/[:.—–-]/)[0],
          unit: u,
          hasCriteria: labelsCriteria ? CRIT_LABEL.test(body(u)) : CRITERIA.test(body(u)),
          hasBenefits: labelsBenefits ? BEN_LABEL.test(body(u)) : BENEFITS.test(body(u)),
        })),
      });
      continue;
    }
    // Sub-headings named like tiers ("### Gold").
    // A sub-section that labels what it takes and what it gives ("Requirements: … / Benefits: …") is a tier, whatever its name.
    const labelled = (c: Section) => c.allSentences().some((x) => /^\s*(?:\*\*)?(?:requirements?|criteria|entry|benefits?|you get)\s*(?:\*\*)?\s*:/i.test(x.text));
    const subs = sec.children.filter((c) => TIER_NAME.test(c.title) || /\btier\b|\blevel\b/i.test(c.title) || labelled(c));
    if (subs.length) {
      out.push({
        kind: 'headings',
        anchor: subs[0].heading!,
        section: sec,
        tiers: subs.map((c) => {
          // What the tier's section states: not hedged, past, left to fill ("Criteria: TBD") or denied.
          const stated = [...c.allSentences()].filter((s) => s.unit.kind !== 'heading' && !isHedged(s.text) && !reportsThePast(s.text) && !LEFT_OPEN.test(s.text));
          const body = stated.map((s) => s.text).join(' ');
          const criteria = stated.filter((s) => !NOT_A_TIER_CRITERION.test(s.text) && !statesPartnerExit(s.text)).map((s) => s.text).join(' ');
          return { name: c.title, unit: c.heading!, hasCriteria: CRITERIA.test(criteria), hasBenefits: BENEFITS.test(body) };
        }),
      });
    }
  }
  return out;
}

// ---- targets -----------------------------------------------------------------------------

const TARGET_WORDS =
  /^\W*(?:sign|recruit|onboard|add|land|reach|grow to|get to|aim|objective|target)\b|\bshould (?:deliver|bring|reach|contribute|account for|source|generate|make up|be)\b|\btargeting\b|\b(?:our )?objective\b|\bplanning for\b|\bwe want\b|\b(?:we plan to|plan to|aim is to|the aim is|we intend to) (?:sign|recruit|onboard|add|have|reach|grow)\b|\bby (?:the )?end of\b|\b(?:targets?|goals?|aim(?:s|ing)? (?:for|to)|we want|grow(?:ing)? (?:to|the (?:network|program|channel) to)|reach(?:ing)?|we expect|expect(?:ed)? to|will (?:bring|reach|grow|source|deliver|generate|contribute|account|sign|recruit|onboard|add|have)|to (?:source|bring in|reach|deliver|generate|contribute|account for)|by (?:month|Q[1-4]|year|the end of)|within (?:the first|\d+|one|two|three)|plan to (?:reach|sign|have|recruit))\b/i;

function findTargets(ev: Evidence): Target[] {
  const out: Target[] = [];
  const sharesBySentence = new Map<Sentence, PercentFact[]>();
  for (const p of ev.percents) if (p.category === 'revenueShare') sharesBySentence.set(p.sentence, [...(sharesBySentence.get(p.sentence) ?? []), p]);
  const titleMonths = new Map<Section, number | null>();
  // What the sentence says on its own (a revenue share is always a percent in it); the section is read below.
  const local = ev.plan.statements(
    'targetCandidates',
    (s) =>
      !/\btarget list\b|\bcandidates?\b|\bshortlist\b|\bdrawn from\b/i.test(s.text) &&
      !(/\bif\b[^.]{0,60}\b(?:below|under|less than|short of|fall)/i.test(s.text) || isHedged(s.text)) &&
      (s.percents.length > 0 || /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred)\b/i.test(s.text)),
  );
  for (const s of local) {
    const sec = s.section;
    if (sec?.inTopic('exitCriteria')) continue;
    const inTargets = (sec?.inTopic('metrics') ?? false) || (!!s.unit.label && TOPIC_HEADINGS.metrics.test(s.unit.label));
    const targetWords = s.test(TARGET_WORDS);
    // A count of partners with a time ahead ("Active partners | 40 | month 24") is a target too.
    const timedCount = !targetWords && s.timeFrameMonths !== null && (s.partnerCountMatches.length > 0 || (!!s.unit.cells && ANY_PARTNER_WORD.test(s.unit.cells[0]?.text ?? '')));
    if (!inTargets && !targetWords && !timedCount) continue;
    if (!sharesBySentence.has(s) && !/\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred)\b/i.test(s.text)) continue;
    let fromTitles: number | null = null;
    if (sec) {
      if (!titleMonths.has(sec)) titleMonths.set(sec, timeFrameMonths([...sec.chain()].map((x) => x.title).join(' | ')));
      fromTitles = titleMonths.get(sec)!;
    }
    const months = s.timeFrameMonths ?? (s.unit.label ? timeFrameMonths(s.unit.label) : null) ?? fromTitles;
    for (const p of sharesBySentence.get(s) ?? []) {
      out.push({ sentence: s, kind: 'channelShare', min: p.match.min, max: p.match.max, start: p.start, end: p.end, months });
    }
    const counts: CountMatch[] = [];
    if (s.unit.cells) {
      // Table rows: "Active MSPs (...) | 40".
      const cells = s.unit.cells;
      if (cells.length >= 2 && ANY_PARTNER_WORD.test(cells[0].text) && !/%|\$|£|€/.test(cells[1].text)) {
        const m = /^(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?\b/.exec(cells[1].text);
        if (m) {
          const at = cells[1].at;
          counts.push({ start: at - s.at, end: at - s.at + m[0].length, text: m[0], min: Number(m[1]), max: Number(m[2] ?? m[1]), noun: cells[0].text });
        }
      }
    } else counts.push(...partnerCounts(s).filter((c) => !/\blogos?\b/i.test(c.noun) && !/^\s+(?:across|at|in|from|within) (?:our |their |all |the )?(?:partners?|firms?|resellers?)\b/i.test(s.text.slice(c.end))));
    for (const c of counts) {
      const r = s.range(c.start, c.end);
      out.push({ sentence: s, kind: 'partnerCount', min: c.min, max: c.max, ...r, months });
    }
  }
  return out;
}

// ---- readiness evidence --------------------------------------------------------------------


function readinessEvidence(ev: Evidence): Record<PreconditionKey, PreconditionEvidence> {
  const plan = ev.plan;
  const span = (s: Sentence) => ({ ...plan.sentenceSpan(s), text: s.text });
  const result = {} as Record<PreconditionKey, PreconditionEvidence>;
  const met = (key: PreconditionKey, sentences: Array<Sentence | null>, yes: string, no: string, ok = sentences.every(Boolean)) => {
    const found = sentences.filter((s): s is Sentence => !!s);
    result[key] = { met: ok && found.length > 0, evidence: found.map(span), reason: ok && found.length > 0 ? yes : no };
  };
  const labelled = (re: RegExp) =>
    plan.statements(`labelled:${re.source}`, (s) => (re.test(s.unit.label) && s.text.length > s.unit.label.length + 5) || (!!s.unit.cells && re.test(s.unit.cells[0]?.text ?? '') && !s.unit.isHeaderRow))[0] ?? null;
  // The company's state, whenever it was measured: past reports count as evidence here.
  const fact = (re: RegExp) => ev.find(re, plan.facts(re));
  const positive = (s: Sentence | null) => (s && !s.test(NEGATIVE_STATEMENT) ? s : null);

  // product: read from its parts (core/facts/product.ts)
  const product = plan.facts(PRODUCT_CUE).find((s) => statesProductMaturity(s.text)) ?? null;
  met('product', [positive(product) ?? positive(labelled(/^product(?: maturity| readiness)?$/i))], 'onboarding or implementation is bounded and documented', 'no evidence that customers onboard without hand-holding, with bounded implementation and solid docs');

  // sales: at least two of ICP, pricing, sales cycle
  const icp = positive(plan.facts(ICP_CUE).find((s) => statesIcp(s.text)) ?? [labelled(/^(?:ICP|ideal customers?(?: profile)?|target customers?|customers(?: and price)?)$/i)].find((s) => s && !openProfile(s.text)) ?? null);
  const pricing = positive(plan.facts(PRICING_CUE).find((s) => statesPricing(s.text)) ?? labelled(/^(?:pricing|price|list price)$/i));
  const cycle = positive(plan.facts(SALES_CYCLE_CUE).find((s) => statesSalesCycle(s.text)) ?? labelled(/^(?:sales cycle|cycle|time to close)$/i));
  const salesParts = [icp, pricing, cycle].filter(Boolean);
  result.sales = {
    met: salesParts.length >= 2,
    evidence: salesParts.map((s) => span(s!)),
    reason: salesParts.length >= 2 ? 'ICP, pricing and sales cycle are known' : `needs at least two of ICP, pricing and sales cycle (found ${salesParts.length})`,
  };

  // differentiation
  const diffLabel = positive(labelled(/^differentiat\w*|^positioning$|^why us\b|^why (?:\w+ ){0,3}(?:lead with|pick|choose|prefer|push|recommend|sell|switch|back|wins?|wants?|buy|care)\b|^our edge\b|^unique/i));
  const diff = plan.facts(DIFFERENTIATION_CUE).find((s) => isStatement(s) && statesDifferentiation(s.text)) ?? null;
  const diffOk = [diffLabel, diff].find((s) => s && !priceOnly(s.text) && s.text.length > 30) ?? null;
  met('differentiation', [diffOk], 'partners have a reason to lead with the product beyond price', 'no reason is given for partners to push this product over alternatives (price alone is not one)');

  // margin headroom
  const margin = positive(
    // Payback is the company's (CAC payback, "payback inside nine months"), not a customer's ROI ("customers see great payback").
    ev.find(MARGIN_FACT, plan.facts(MARGIN_FACT).filter((x) => !NO_HEADROOM.test(x.text))) ??
      plan.facts(ECONOMICS).find((x) => statesHeadroom(x.text)) ??
      labelled(/^margin headroom$/i),
  );
  met('margin', [margin], 'there is headroom to pay partners and keep unit economics', 'no evidence of headroom (gross margin, unit economics, payback) to pay partners 10-30%');

  // owner
  const owner = ev.owner;
  result.owner = {
    met: !!owner && !owner.partTime,
    evidence: owner ? [span(owner.sentence)] : [],
    reason: !owner ? 'no owner of the program is named' : owner.partTime ? 'the owner runs the program alongside another job' : 'a named owner runs the program',
  };

  // direct sales discipline
  const direct = ev.directTeam;
  const policy = ev.conflictPolicy;
  const noCredit = ev.noCreditStatements[0] ?? null;
  // When direct reps get no credit on partner deals, only structural protection (named accounts,
  // hands-off registrations) shows discipline; an escalation path alone does not.
  const structural = noCredit ? ev.find(/\bterritor(?:y|ies)\b|\bnamed[- ]accounts?\b|\bapproved[- ]customer\b|\bprotected accounts?\b|\bhands[- ]off\b|\bclosed to\b|\bstays? away\b|\brespect(?:s|ed)? (?:every |all )?(?:approved )?registrations?\b/i) : policy;
  result.directSales = {
    met: !!direct && !!policy && !!structural,
    evidence: [direct, policy].filter((s): s is Sentence => !!s).map(span),
    reason: !direct ? 'the plan mentions no direct sales team' : policy ? 'direct sales is bound by a conflict policy or shares credit' : noCredit ? 'direct reps get no credit on partner deals' : 'nothing says how the direct team treats partner deals',
  };
  for (const k of PRECONDITIONS) if (!result[k]) result[k] = { met: false, evidence: [], reason: 'no evidence' };
  return result;
}

/** Figures of the company's economics that show room to pay partners. */
const MARGIN_FACT =
  /\bgross margins?\b|\bunit economics\b|\bCAC payback\b|\bpayback (?:period )?(?:of|is|in|inside|within|under|below|:)\s*(?:about |around |roughly )?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|\bcontribution margin\b|\bmargin headroom\b|\bchannel P&L\b|\bcost of sale\b|\bLTV\s*[:/]\s*CAC\b/i;
/** The company's own economics (not the partner's margin): gross or contribution margin, payback, CAC, what we keep. */
const ECONOMICS = /\b(?:gross margins?|GM|contribution[- ]margins?|contribution-positive|payback|CAC|unit economics|profitab\w+|cost(?:s)? less to acquire|economy of the deal|our (?:\w+ )?margins?|we (?:still )?keep (?:\w+ ){0,4}margin)\b/i;
/** Evidence against headroom, or a wish for it: unprofitable, wiped out, a target for next year, a condition. */
const NO_HEADROOM = /\b(?:unprofitable|wip(?:e|es|ing) out|push\w* (?:\w+ ){0,4}past|too (?:thin|low)|can(?:'t|not) afford|before approving|would (?:make|push|wipe|hurt|kill|eat)|target for (?:next|the coming) year|wants? (?:gross )?margin)\b/i;
/** A verdict that the economics carry a partner payout: "still", "can carry", "room for", "contribution-positive". */
const HEADROOM_VERDICT = /\b(?:still|can (?:carry|afford|absorb)|affordable|room for|headroom|clear|fine|sub-\d+|inside|more profitable|less to acquire|contribution-positive)\b/i;

/** Margin headroom read from its parts: the company's economics, a partner payout, and a verdict that it carries. */
function statesHeadroom(text: string): boolean {
  return ECONOMICS.test(text) && HEADROOM_VERDICT.test(text) && !NO_HEADROOM.test(text) && (PARTNER_NOUN.test(text) || /\b(?:channel|referral|commission|fee|discount|payout)\w*/i.test(text));
}

/** A statement of the opposite or of nothing yet, including status words ("Product maturity: Pending"). */
const NEGATIVE_STATEMENT = /\b(?:don't|do not|haven't|have not|hasn't|no fixed|not yet|undecided|unclear|unknown|tbd|tbc|not decided|pending|in progress|not started|to follow|n\/a)\b/i;

export function stageEndMonth(stage: Stage | null): number | null {
  return stage === 'pilot' ? 12 : stage === 'stabilize' ? 24 : stage === 'scale' ? 48 : stage === 'maturity' ? 999 : null;
}
