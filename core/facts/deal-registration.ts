/**
 * Deal registration: whether the plan describes a mechanism for partners to register deals, and
 * its terms: how fast a registration is decided, how long it holds, and who wins a contested one.
 */
import type { DurationMatch } from '../numbers.js';
import { ANY_PARTNER } from '../vocabulary.js';
import { ANSWER_START } from '../structure.js';
import { COVERED_ELSEWHERE, HEDGE, isHedged, isNegatedAt, isStatement, reportsThePast, WISH, wishNotTarget } from '../language.js';
import type { Section } from '../outline.js';
import type { Sentence } from '../sentences.js';
import type { Evidence } from './index.js';
import { statesPartnerExit } from './exits.js';

export interface DurationFact {
  sentence: Sentence;
  match: DurationMatch;
  start: number;
  end: number;
}

/** Deal registration as a described mechanism: its section, if any, and the sentences that describe it. */
export interface DealRegistration {
  section: Section | null;
  sentences: Sentence[];
}

/** Registering as a partner (sign-up, portal accounts, a "Registered" tier) is not registering a deal. */
const SIGN_UP =
  /\bregister(?:s|ed|ing)? (?:their |your |its |our )?interest\b|\bregist(?:er|ers|ered|ering|ration) with (?:the |a |their |your )?(?:tax|government|local|state|federal|chamber|regulator|authorit\w*|IRS|HMRC|companies house|trade register)\b|\bregist(?:er|ering|ration)\b[^.]{0,25}\b(?:to become|as an? (?:\w+ )?partner|for (?:the |our |a |an )?(?:portal|program|programme|partner program|training|webinar|event|course|account|exam|certification|test|academy|conference))\b|\b(?:partner|portal|account|program(?:me)?|user|event|webinar|training|course) registration\b|\bregistered (?:partners?|resellers?|tier|level|members?)\b/i;

const DEAL_REG_WORD = /\bdeal[- ]?reg\w*|\bDR\b|\bregist\w+/i;
/** "DR" as people abbreviate deal registration (capitals only, so "Dr." is not it). */
const DR_ABBREVIATION = /(?<!\bTL;\s?)\bDRs?\b(?!\.\s*[A-Z][a-z])/;

/** A sentence that describes how partners register a deal. */
const REGISTRATION_PROCESS =
  /\b(?:partners?|resellers?|msps?|advisors?|consultants?|they|firms?|agencies)\b[^.]{0,40}\b(?:register|submit)s?\b|\b(?:you|whoever(?: \w+){0,4})\s+(?:can |must |should |need to |first )?(?:register|claim|submit)s?\b|\bregistered (?:deals?|accounts?|opportunit\w+|leads?|referrals?)\b|\bdeal[- ]?registration\b|^\W*deal[- ]?reg\s*:|\b(?:opportunit\w+|deals?|referrals?|clients?) must be registered\b|\bregister (?:your|each|every) (?:deals?|opportunit\w+|referrals?|clients?)\b|\b(?:opportunity|lead|referral) registration\b|\bregistrations?\b[^.]{0,40}\b(?:approved|valid|last|expire|hold)|\b(?:deal[- ]?reg\w*|DR)\b[^.]{0,60}\b(?:mandatory|required|protects?|guarantees?|locks?|secures?|approv\w*|expir\w*|valid|confirm\w*|portal|form)\b|\bregistration\b[^.]{0,30}\b(?:protects?|guarantees?|locks? in|secures?)\b|\b(?:deals?|opportunit\w+|leads?|referrals?|prospects?)\b[^.;]{0,20}\b(?:are|is|get|gets|must be|should be|will be)\s+(?:\w+\s+)?(?:registered|submitted|logged|claimed)\b|\b(?:deals?|opportunit\w+|leads?|referrals?|clients?|accounts?) (?:\w+ )?(?:registered|submitted|claimed) by\b/i;

/**
 * Registering a deal read from its parts: a partner (or "you", "every deal a partner works"), a way to
 * claim (register, claim, log, reserve, submit), and a deal (an opportunity, a client, an account).
 */
const CLAIMS_A_DEAL =
  /\b(?:regist(?:er|ers|ered|ering)|claims?|claimed|claiming|logs?|logged|reserves?|reserved|flags?|flagged|submit|submits|submitted|submitting)\s+(?:(?:each|every|a|an|the|their|your|its|new|open)\s+)?(?:[\w-]+\s+){0,2}(?:deals?|opportunit\w+|clients?|customers?|accounts?|prospects?|introductions?|intros?|leads?|referrals?)\b|\bregister(?:ing)? (?:it|them)\b|\b(?:deals?|opportunit\w+|clients?|prospects?|introductions?|intros?|leads?|referrals?)\b[^.;]{0,40}\b(?:must|should|is|are|gets?) (?:be )?(?:registered|logged|claimed)\b/i;
/** Who claims: a partner, "you", "they", or no one named in an instruction ("Register it in the portal"). */
const CLAIMANT = new RegExp(`\\b(?:${ANY_PARTNER}|you|your|they|their)\\b|^\\W*(?:A\\s*[:.)]\\s*)?(?:register|submit|claim|log)\\b`, 'i');
/** MDF claims, event sign-ups and partner sign-up are not deal registration. */
const NOT_A_DEAL_CLAIM = /\bMDF\b|\bfunds?\b|\breimburs\w*|\bcampaigns?\b|\bwebinars?\b|\bevents?\b|\bexpenses?\b/i;
/**
 * The company deciding on what partners bring it: referrals, leads or opportunities that are accepted
 * or rejected ("we accept or reject qualified referrals", "all referrals must be approved by us").
 * A referral the company rules on is a registration; paying a referral fee is not.
 */
const DECIDES_ON_A_CLAIM =
  /\b(?:accept|approve|reject|decline)s?\b(?:\W+(?:or|and)\W+(?:accept|approve|reject|decline)s?\b)?\W+(?:(?:the|all|each|every|any|qualified|submitted|partner|partners'|new)\s+){0,2}(?:referrals?|leads?|opportunit(?:y|ies))\b(?!\s+(?:fees?|payouts?|commissions?|bonus(?:es)?|rates?))|\b(?:referrals?|leads?|opportunit(?:y|ies))\b(?!\s+(?:fees?|payouts?|commissions?|bonus(?:es)?|rates?))[^.;]{0,30}\b(?:must|will|shall|are|is|get|gets)\s+(?:be\s+)?(?:approved|accepted|rejected|declined)\b/i;
function describesRegistration(text: string): boolean {
  // "read how to claim a deal", "instructions on how to register a deal": pointers to instructions elsewhere describe nothing here.
  const said = text.replace(/\b(?:how to|instructions (?:on|for)|learn to)\b[^.;]*/gi, '');
  if (SIGN_UP.test(said) || NOT_A_DEAL_CLAIM.test(said) || isHedged(said)) return false;
  if (CLAIMANT.test(said) && CLAIMS_A_DEAL.test(said)) return true;
  const m = DECIDES_ON_A_CLAIM.exec(said);
  return !!m && !isNegatedAt(said, m.index);
}

/** A sentence that says the mechanism is not there: "we have no deal registration yet", "DR: not yet decided", "we are considering one". */
function statesAbsence(s: Sentence): boolean {
  const m = s.match(DEAL_REG_WORD);
  if (m && isNegatedAt(s.text, m.index)) return true;
  if (/\b(?:considering|isn't something|is not something|in (?:a )?later phase|maybe in phase)\b/i.test(s.text)) return true;
  return s.test(HEDGE) && !s.test(STATED_TERMS);
}
const STATED_TERMS = /\b\d|\b(?:approv|expir|valid|first|wins?)\w*/i;

/** Sentences describing a registration process (outside tier tables). */
export function dealRegSentences(ev: Evidence): Sentence[] {
  const re =
    /\bdeal[- ]?reg\w*|\bregist(?:er|ers|ered|ering|ration|rations)\b|\b(?:claim|claims|log|logs|reserve|reserves)\b[^.]{0,40}\b(?:deals?|opportunit\w+|accounts?|introductions?)\b|\bsubmit(?:s|ted)? (?:each |a |the |their )?(?:referrals?|deals?|opportunit\w+|leads?)\b|\b(?:referral|lead|opportunity) (?:form|submission)\b/i;
  // A benefits row that only ticks deal registration per tier ("Deal registration protection | — | ✓ | ✓") names it, it does not describe it.
  const ticksOnly = (s: Sentence) => !!s.unit.cells && s.unit.cells.slice(1).every((c) => /^(?:✓|✔|✗|—|–|-|yes|no|x|included|n\/a)?$/i.test(c.text.trim()));
  const sectioned = ev.inTopic('dealRegistration').filter((s) => isStatement(s) && !ticksOnly(s));
  return ev.plan.inOrder([...sectioned, ...ev.plan.statements('dealRegWords', (s) => (s.test(re) || DR_ABBREVIATION.test(s.text) || describesRegistration(s.text)) && s.unit.kind !== 'tableRow')]);
}

/** Deal registration as a described mechanism: a section of its own, or sentences that say how partners register. */
export function dealReg(ev: Evidence): DealRegistration | null {
  const section = ev.plan.sectionsWith('dealRegistration')[0] ?? null;
  // A bare name of the topic ("Deal registration", a link to the policy page) is navigation, not a mechanism.
  const bare = (s: Sentence) => s.text.trim().split(/\s+/).length <= 5 && !/\b(?:register|submit|approv|valid|expir|claim|protect|hold|renew|extend|lock)\w*|\d/i.test(s.text);
  // What a sentence says on its own is remembered with it; whether its section is about deal registration is asked each time.
  const sentences = ev.dealRegSentences.filter(
    (s) =>
      !s.test(SIGN_UP) &&
      ((section && s.section?.inTopic('dealRegistration')) || s.memo('describesDealReg', () => s.test(REGISTRATION_PROCESS) || s.test(DR_ABBREVIATION) || describesRegistration(s.text))),
  );
  // "We have no deal registration yet", "Deal registration: not decided": absence, not a mechanism to judge.
  const stated = sentences.filter((s) => !s.memo('dealRegAbsentOrElsewhere', () => statesAbsence(s) || COVERED_ELSEWHERE.test(s.text)));
  if (!stated.some((s) => !bare(s)) && !section) return null;
  if (!stated.length && (sentences.length || !section || section.allSentences().every((s) => s.unit.kind === 'heading' || statesAbsence(s)))) return null;
  return { section, sentences: stated };
}

/** Every stated approval turnaround, in document order. */
export function dealRegSlas(ev: Evidence): DurationFact[] {
  const out: DurationFact[] = [];
  const dr = ev.dealReg;
  if (!dr) return out;
  // A section about the past (how registration worked in the last program) states no turnaround of this plan.
  // The sentences beside a description of registration in its paragraph or item ("The VAR registers the
  // distributor in our CRM. We approve or decline within one business day.") speak of it too.
  // Only sentences that state a duration can state a turnaround: the others are left out before sorting.
  const timed = (x: Sentence) => x.durations.length > 0;
  const beside = dr.sentences.flatMap((x) => x.unit.sentences).filter((x) => timed(x) && x.unit.kind !== 'heading' && isStatement(x));
  const pool = ev.plan.withoutHistory(ev.plan.inOrder([...new Set([...dr.sentences.filter(timed), ...beside, ...ev.plan.matching(/\b(?:registration|registered|referral|claims?)\b/i).filter(timed), ...ev.plan.matching(DR_ABBREVIATION).filter(timed)])]));
  for (const s of pool) {
    const turnaround = rememberedTurnaround(s, ev.plan.questionFor(s)?.text ?? '', !!s.section?.inTopic('dealRegistration'));
    if (turnaround) out.push({ sentence: s, match: turnaround, ...s.range(turnaround.start, turnaround.end) });
  }
  return out;
}

/** Every statement of how long registrations hold (a main policy and regional exceptions). */
export function dealRegExpiries(ev: Evidence): DurationFact[] {
  const out: DurationFact[] = [];
  const dr = ev.dealReg;
  if (!dr) return out;
  // Where what partners register is a referral, "Referrals are valid for 120 days" is how long a registration holds.
  const ofReferrals = dr.sentences.some((s) => /\breferrals?\b/i.test(s.text) && DECIDES_ON_A_CLAIM.test(s.text));
  const pool = new Set([
    ...dr.sentences,
    ...ev.plan.matching(/\b(?:registrations?|registered|claims?|attribution)\b/i),
    ...ev.plan.matching(DR_ABBREVIATION),
    ...(ofReferrals ? ev.plan.matching(/\breferrals?\b/i) : []),
  ]);
  for (const s of ev.plan.withoutHistory([...pool].filter((x) => x.durations.length > 0))) {
    // Read from the sentence and whether its section is about deal registration; remembered with the sentence.
    const inTopic = !!s.section?.inTopic('dealRegistration');
    const d = s.memo(inTopic ? 'registrationHeld:inTopic' : 'registrationHeld', () => registrationHeld(s, inTopic));
    if (d) out.push({ sentence: s, match: d, ...s.range(d.start, d.end) });
  }
  // FAQ pairs: "Q: How long does a registration last?" / "A: Ninety days from approval."
  for (const a of ev.plan.select('faqAnswers', (x) => ANSWER_START.test(x.text) && x.durations.length > 0)) {
    const q = ev.plan.questionFor(a);
    if (!q || !/\bregist|\bdeal[- ]?reg|\bclaims?\b/i.test(q.text) || !q.test(/\b(?:how long|expir\w*|valid\w*|lasts?|hold|protected)\b/i)) continue;
    const d = a.durations.find((x) => !/extension/i.test(a.text.slice(Math.max(0, x.start - 12), x.end + 12)));
    if (d && !out.some((o) => o.sentence === a)) out.push({ sentence: a, match: d, ...a.range(d.start, d.end) });
  }
  return out;
}

const HOLD_WORDS =
  /\b(?:(?:registration|protection|exclusivity) period|valid(?:ity)?|expir\w*|(?<!the |in the |over the |for the )lasts?|holds?|held|hold for|lifetime|protect(?:s|ed|ion)?|belongs? to|reserved|locked|locks? in|exclusive|good for|stands? for|(?:remains?|stays?) (?:open|active|valid|protected|yours|theirs)|remains? yours|runs? for|during|lapses?|term|honou?r(?:s|ed)?|time(?:s|d)? out|shelf[- ]life|window|keeps?|retains?|open again|renew\w*|exclusivity|exclusive for|ring-?fenced|claimed again)\b/gi;

/** How long a registration holds, as the sentence states it, or null. */
function registrationHeld(s: Sentence, inTopic: boolean): DurationMatch | null {
  if (isHedged(s.text) || wishNotTarget(s.text)) return null;
  const re = HOLD_WORDS;
  re.lastIndex = 0;
  let k: RegExpExecArray | null;
  while ((k = re.exec(s.text))) {
    // "keep their place in the queue if completed within five days": a completion window, not a lifetime.
    if (/^(?:keeps?|holds?|retains?) (?:their|its|your) place\b/i.test(s.text.slice(k.index))) continue;
    // The duration that follows the expiry word closely ("valid 90 days", "held for 2 weeks").
    const end = k.index + k[0].length;
    // Or the one right before it ("a standard 90-day expiration", "a 120-day term").
    const d =
      s.durations.find((x) => x.start >= k!.index && (x.start - end <= 45 || (x.start - end <= 60 && /\bfor\s+$/i.test(s.text.slice(0, x.start)))) && !/^[^;]{0,12}extension/i.test(s.text.slice(x.end, x.end + 12))) ??
      // A period named by what it lasts, then glossed: "for the life of the project, which typically means 12-18 months".
      s.durations.find((x) => x.start >= end && /^\s*(?:for\s+)?(?:the\s+)?(?:life|length|duration|term)\s+of\s+[^,;.]{0,40},?\s*(?:which|that|i\.e\.|typically|usually|normally)\b[^;.]{0,60}$/i.test(s.text.slice(end, x.start))) ??
      s.durations.find((x) => x.end <= k!.index && k!.index - x.end <= 12 && !/extension/i.test(s.text.slice(x.end, k!.index))) ??
      // "180 days after approval, the registration expires": a time counted from the approval or the registration.
      s.durations.find((x) => x.end <= k!.index && k!.index - x.end <= 60 && /^\s*(?:after|from|following|of) (?:the |its |your )?(?:approval|registration|submission|being approved)\b/i.test(s.text.slice(x.end)));
    if (d && heldIsRegistration(s.text, d, inTopic)) return d;
  }
  return null;
}

/** A rule for duplicate or contested registrations. */
export function dealRegConflictRule(ev: Evidence): Sentence | null {
  const dr = ev.dealReg;
  if (!dr) return null;
  const pool = ev.plan.inOrder([...dr.sentences, ...ev.plan.matching(/\bregist|\bdeal[- ]?reg/i), ...ev.plan.matching(DR_ABBREVIATION)]);
  const context = (s: Sentence) => ev.plan.questionFor(s)?.text ?? ev.plan.parentItem(s.unit)?.text ?? '';
  return pool.find((s) => settlesContestedRegistration(s, context(s), !!s.section?.inTopic('dealRegistration'))) ?? null;
}

// ---- deal-registration turnaround -------------------------------------------------------

/** Someone deciding on a registration: approving, declining, answering, reviewing. */
const DECISION =
  /\b(?:approv\w*|declin\w*|decisions?|decid\w*|action(?:ed|s)?|respond\w*|response|answer\w*|repl(?:y|ies|ied)|turn ?around|review\w*|accept\w*|reject\w*|confirm\w*|hear back|get back|notif\w+|feedback|SLA|validat\w*|process(?:ed|es|ing)?|(?:a )?yes or (?:a )?no|verif\w+|check(?:ed|s)?)\b/i;
/** How long a registration holds, which is not how fast it is decided. */
const HOLDS = /\b(?:valid|expir\w*|lasts?|holds?|lifetime|protected for|protection lasts)\b/i;
/** A duration given as a limit: "within 2 days", "in max 3 business days", "takes at most a day", "A: 48 hours". */
const LIMIT_BEFORE =
  /(?:\b(?:within|in|under|inside|by|of|takes?|max(?:imum)?\.?|at most|no (?:later|more|longer) than|up to)|:|[≤<]=?|=<)\s*(?:about\s+|at most\s+|no more than\s+|max(?:imum)?\s+|a maximum of\s+)?$/i;
const LIMIT_AFTER = /^\s*(?:at (?:the )?most|max(?:imum)?|or less|to (?:approve|decide|respond|review|accept|reject|answer)|for (?:approval|a decision))\b/i;
/** What else a team answers within a time: demos, support, payouts, applications. */
const OTHER_REQUEST =
  /\b(?:demos?|support|tickets?|cases?|invoices?|payouts?|payments?|(?:partner |program )?applications?|MDF|discounts?|pricing|quotes?|onboarding|deal desk)\b|\bleads? (?:that )?(?:we|our (?:\w+ )?team) (?:pass|send|share|route|give|hand)/i;
const REGISTRATION_SUBJECT =
  /\bregist\w*|\bdeal[- ]?reg\w*|\bDRs?\b|\breferrals?\b|\bclaims?\b|\bopportunit\w+|\bdeals?\b|\battribution\b|\blog(?:s|ged)? (?:a |an |the |each |every )?(?:[\w-]+ )?(?:accounts?|leads?|introductions?|customers?)\b|\breferred (?:accounts?|leads?|customers?|clients?)\b/i;

/** The deal desk approves prices and discounts, not registrations. */
const DEAL_DESK = /\bdeal desk\b/gi;

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

/**
 * The approval turnaround a sentence states, read from its parts within one clause: someone
 * deciding, a registration (named, or the section's subject), and a duration given as a limit.
 * An FAQ answer is read with its question ("Q: How long does approval take? A: 48 hours at most").
 */
/** "Registered" as the name of a tier or status ("a Registered MSP", "move back to Registered") names no registration. */
const REGISTERED_TIER = /\bRegistered(?= (?:MSPs?|partners?|resellers?|agencies|agency|tier|level|members?|status|VARs?|firms?)\b)|\b(?:to|as|at|from|stay|remain|become|becomes) Registered\b/g;

/** A review held as a meeting ("the quarterly review", "at its annual review", "two reviews") decides no registration. */
const MEETING_REVIEW = /\b(?:(?:quarterly|monthly|annual|yearly|weekly|business|tier|performance|partner)\s+reviews?|(?:two|three|four|\d+|several|both|all|the|those|these) reviews)\b/gi;
/**
 * `slaTurnaround`, remembered with the sentence: it reads the sentence and its unit, the question
 * it answers and whether its section is about deal registration or MDF, so the answer is kept per
 * question and section reading and re-read only when one of them changes.
 */
function rememberedTurnaround(s: Sentence, question: string, inRegistrationSection: boolean): DurationMatch | null {
  if (!s.durations.length) return null;
  const inMdf = !inRegistrationSection && !!s.section?.inTopic('mdf');
  const known = s.memo('slaTurnaround', () => new Map<string, DurationMatch | null>());
  const key = `${inRegistrationSection ? 1 : 0}${inMdf ? 1 : 0}${question}`;
  let found = known.get(key);
  if (found === undefined) {
    // A question being edited gives a new key per keystroke: only a few are kept.
    if (known.size >= 8) known.clear();
    known.set(key, (found = slaTurnaround(s, question, inRegistrationSection)));
  }
  return found;
}

/** A decision just before the duration, or just after it. */
const DECISION_BEFORE = new RegExp(`(?:${DECISION.source})[^.;]{0,80}$`, 'i');
const DECISION_AFTER = new RegExp(`^[^.;]{0,40}?(?:${DECISION.source})`, 'i');

function slaTurnaround(s: Sentence, question: string, inRegistrationSection: boolean): DurationMatch | null {
  // An exit criterion's window ("no registered deal in 12 months … is removed") is not a turnaround.
  if (!s.durations.length || isHedged(s.text) || wishNotTarget(s.text) || statesPartnerExit(s.text)) return null;
  question = question.replace(REGISTERED_TIER, ' ');
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
    // The decision is on the registration, close to its limit ("approved within 24 hours", "answer in
    // two days", "SLA: 48h"); a tier review, a dispute or an appeal decided in a week, or a time
    // counted from the approval or added by an extension, is not the approval turnaround.
    // A clause number ("2.2 Partner Operations accepts …") is not "2 partners".
    const before = text.slice(from, d.start).replace(/^\W*\d+(?:\.\d+)+\.?\s+/, '');
    // A review held as a meeting ("the quarterly review", "two reviews") decides no registration.
    const decided = before.replace(MEETING_REVIEW, ' ');
    const near =
      DECISION_BEFORE.test(decided) ||
      DECISION_AFTER.test(text.slice(d.end).replace(MEETING_REVIEW, ' ')) ||
      LIMIT_AFTER.test(text.slice(d.end)) ||
      (!!question && DECISION.test(question));
    if (!near) continue;
    // A decision on a contest (two sides after one account, a dispute, an appeal), said in this clause
    // or earlier in the same item ("Disagree with a decision? ... we answer within five days").
    const earlier = `${s.unit.text.slice(0, s.at)} ${text.slice(0, from)}`;
    if (DISPUTE.test(clause) || DISPUTE.test(earlier) || CONTEST.test(before.replace(/\b(?:first|earlier|earliest) (?:complete |approved |valid )?(?:registration|reg|submission|request|DR)\b/gi, ''))) continue;
    if (/\bextend\w*|\bextension\b/i.test(before.slice(-40))) continue;
    if (/^\s*(?:from|after|following) (?:the |its |your )?(?:approval|registration|submission)\b/i.test(text.slice(d.end))) continue;
    // The registration may be named earlier in the sentence ("Lead registration: web form; approved within 24 hours").
    // or earlier in its paragraph ("The VAR registers the distributor in our CRM. We approve or decline within one business day").
    const subject = `${question} ${s.unit.text.slice(Math.max(0, s.at - 300), s.at)} ${text.slice(0, from + clause.length)}`.replace(REGISTERED_TIER, ' ').replace(DEAL_DESK, ' ');
    if (!REGISTRATION_SUBJECT.test(subject) && (!inRegistrationSection || OTHER_REQUEST.test(clause))) continue;
    if (OTHER_REQUEST.test(clause) && !REGISTRATION_SUBJECT.test(clause.replace(REGISTERED_TIER, ' ').replace(DEAL_DESK, ' '))) continue;
    if (LIMIT_BEFORE.test(text.slice(from, d.start)) || LIMIT_AFTER.test(text.slice(d.end)) || /\b(?:turn ?around|SLA)\b/i.test(read)) return d;
  }
  return null;
}

/** A decision contested after it was made: a dispute, a disagreement, an appeal, an escalation. */
const DISPUTE = /\b(?:disputes?|disputed|disagree\w*|appeals?|tie[- ]?break\w*)\b/i;

// ---- contested registrations ------------------------------------------------------------

/** Two sides after one account: two partners, a second registration, a partner and a direct opportunity. */
const CONTEST = new RegExp(
  String.raw`\b(?:two|2|multiple|several|more than one|both|another|other|competing|second|rival)\s+(?:\w+\s+)?(?:${ANY_PARTNER}|registrations?|claims?|submissions?|requests?|DRs?)\b|\b(?:conflicting|overlapping|duplicate|competing) (?:registrations?|claims?|submissions?|DRs?)\b|\b(?:same|one) (?:account|customer|client|deal|opportunity|prospect|end[- ]user|company|organi[sz]ation)\b|\b(?:partner|reseller|MSP|VAR|SI|agency|AE|rep|direct) (?:vs\.?|versus|and) (?:direct|partner|AE|rep|reseller|MSP|VAR)\b|\b(?:direct|AEs?|account executives?|reps?|sales team)\b[^.;]{0,50}\b(?:opportunit\w+|pipeline|working)\b|\b(?:existing|open|active) (?:direct )?opportunit\w+|\bopportunit(?:y|ies) (?:already )?exists?\b|\b(?:closed|off[- ]limits|hands[- ]off) (?:to|for) (?:direct|AEs?|reps?|our)\b|\bcollid\w+|\balready (?:registered|talking|working|in (?:our |a |the )?pipeline|has an? (?:open |active )?opportunit\w+)\b|\bcontested\b|\b(?:current|existing|open|active) (?:\w+ (?:or|and) )?(?:engagements?|opportunit\w+)\b|\btie[- ]?break\w*|\bfirst[- ]come\b|\b(?:first|earlier|earliest) (?:complete |approved |valid |valid, complete )?(?:registration|reg|submission|request|to register|DR)\b|\bprecedence\b|\b(?:conflicts?|disputes?|disputed|clash\w*)\b|\b(?:double|duplicate) (?:registrations?|claims?|submissions?|DRs?)\b|\bduplicates\b|\bregister(?:ed|s) first\b|\bfirst to register\b|\bopportunit(?:y|ies) (?:is |are )?already (?:open|in|exists?)\b|\bties? (?:in|on|between|for) (?:registrations?|claims?|deals?)\b|\bties go to\b|\b(?:touch(?:es)?|spans?|straddles?|involves?) both (?:channels|sides|motions|teams)\b|\bboth (?:the )?(?:channel|partner|wholesale) and (?:the )?direct\b`,
  'i',
);
/** What settles it: who wins, keeps, leads or decides; a decline; an escalation; shared credit. */
const SETTLES =
  /\b(?:wins?|won|keeps?|leads?|owns?|decid\w*|decision|declin\w*|reject\w*|den(?:y|ies|ied)|award\w*|precedence|priority|goes to|go to|sent to|escalat\w*|credit\w*|overlay|stands?|prevails?|appeal\w*|resolv\w*|arbitrat\w*|adjudicat\w*|settl(?:e|es|ed|ing)|split\w*|tie[- ]?break\w*|first[- ]come|protect\w*|holds? the|beats?|trumps?|overrides?|outranks?|(?:choose|chooses|picks?|selects?) (?:the|which|a|one)|approve the (?:first|earlier|earliest|registration)|(?:gets?|earns?|receives?) the (?:full |whole |entire )?(?:deal|account|opportunity|credit|customer|fee|commission|margin)|(?:registration|claim|submission|request|DR|one) (?:counts|stands|applies|is (?:the )?valid(?: one)?|is approved|gets approved)|must be (?:for )?(?:net[- ])?new|only (?:for )?(?:net[- ])?new (?:accounts?|customers?|logos?|business))\b/i;
/** Contests about something other than a registration: calendars, commission amounts, data records, exclusivity. */
const OTHER_CONTEST = /\b(?:scheduling|calendars?|commission amounts?|payout amounts?|records?|exclusivity|sanctions|competing (?:vendors?|products?|agreements?)|conflicts? of interest|invoices?|billing|refunds?|merge conflicts?|repo(?:sitory)?|code reviews?|pull requests?)\b/i;
const CONTEST_SUBJECT = /\bregist\w*|\bDRs?\b|\bdeal[- ]?reg\w*|\baccounts?\b|\bopportunit\w+|\bopps?\b|\bdeals?\b|\bcustomers?\b|\bclients?\b|\bprospects?\b|\bclaims?\b/i;

/**
 * A rule for contested registrations, read from its parts in any order: two sides after one account,
 * and what settles it. Generic words ("conflicts", "disputes") count only where registrations are
 * the subject. Reports of the past, wishes and negations are not rules.
 */
/**
 * The direct side barred from a partner's registered deal ("No direct sales of opportunities with an
 * approved partner deal reg", "AEs may not work a registered opportunity"): the registration wins.
 */
const DIRECT_BARRED_FROM_REGISTERED =
  /\b(?:no|never|not|don't|do not|may not|must not|cannot|can't|won't|will not)\b[^.;]{0,20}\b(?:direct|AEs?|account executives?|reps?|sales team|field sales)\b[^.;]{0,40}\b(?:approved|registered|partner(?:['’]s)?|protected)\b[^.;]{0,25}\b(?:deal[- ]?reg\w*|registrations?|opportunit\w+|deals?|accounts?)\b/i;

function settlesContestedRegistration(s: Sentence, question: string, inRegistrationSection: boolean): boolean {
  const text = `${question} ${s.text}`;
  if (reportsThePast(s.text) || isHedged(text) || WISH.test(text) || OTHER_CONTEST.test(text)) return false;
  if (DIRECT_BARRED_FROM_REGISTERED.test(s.text)) return true;
  // "You can't register an account another partner holds" states the rule; only a negation close to the contest denies it.
  const contest = new RegExp(CONTEST.source, 'gi');
  let stated = false;
  for (let m = contest.exec(text); m && !stated; m = contest.exec(text)) stated = !isNegatedAt(text, m.index, 12);
  if (!stated) return false;
  if (!SETTLES.test(text)) return false;
  return CONTEST_SUBJECT.test(text) || inRegistrationSection;
}
