/**
 * The people around the program: who owns it (and whether full-time), the direct sales team, the
 * channel-conflict policy between them and partners, direct reps paid nothing on partner deals,
 * where the partnerships lead reports, and how partnerships and sales leadership work together.
 */
import { ANY_PARTNER, DIRECT_SELLERS, LEFT_TO_PARTNERS, oneOf, OTHER_COMPANY, PLATFORM_VENDORS } from '../vocabulary.js';

const PLATFORM_NAMES = oneOf(PLATFORM_VENDORS);
import { isHedged, isNegatedAt, reportsThePast, WISH } from '../language.js';
import type { Sentence } from '../sentences.js';
import type { Section } from '../outline.js';
import type { Evidence } from './index.js';
import { ANY_PARTNER_WORD } from './partners.js';
import type { PlanModel } from '../model.js';

/** The program owner statement and whether it is full-time. */
export interface Owner {
  sentence: Sentence;
  partTime: boolean;
  fullTime: boolean;
  senior: boolean;
}

// ---- direct sales and conflict ------------------------------------------------

/** The company's own sellers, from the one list in the vocabulary. */
export const DIRECT_TEAM = new RegExp(`\\b${oneOf(DIRECT_SELLERS)}\\b`, 'i');

const CONFLICT_POLICY =
  new RegExp(String.raw`${LEFT_TO_PARTNERS.source}|` + /\bterritor(?:y|ies)\b|\bnamed[- ]accounts?\b|\bapproved[- ]customer[- ]list\b|\bprotected accounts?\b|\b(?:overlay|partial|shared|full|split|quota|comp(?:ensation)?|matching) credit\b|\bcredit (?:on|for) (?:partner|reseller|referred|msp|advisor)\w*|\bkeep (?:full |their )?(?:quota )?credit\b|\bcomp(?:ensation)?[- ]neutral\b|\bhands[- ]off\b|\b(?:closed|off[- ]limits) to (?:direct|them|our (?:direct )?(?:reps|sales|team|AEs|sellers|account (?:executives|managers))|sales)\b|\bstays? away from\b|\bescalat\w+|\bdisputes? (?:between|go|are)\b|\bconflicts? (?:between .{0,40})?(?:are|is|go|goes) (?:resolved|decided|escalated)\b|\brules of engagement\b|\balready (?:talking|working|in (?:our |a )?pipeline)\b|\brespect(?:s|ed)? (?:every |all )?(?:approved )?registrations?\b|\bdeclined\b.{0,40}\b(?:rep|sales)/i.source, 'i');

/**
 * Direct reps get nothing for partner deals, read from its parts in any order: the direct team,
 * its pay (credit, commission, quota), a negation close to the pay, and the partner's deal
 * ("Partner-led revenue does not count toward the AE's quota", "AEs earn no commission on reseller deals").
 */
/** Who counts as the direct team in a sentence about pay: the plan-level reading and the bare words people use. */
const REP_WORDS = /\b(?:reps?|AEs?|SDRs?|BDRs?|account (?:executives?|managers?)|salespeople|sellers?|field (?:sales|reps?)|sales|direct (?:quotas?|number|comp))\b/i;
const REP_PAY = /\b(?:credit(?:ed)?|commissions?|commissionable|comp(?:ensat\w+)?|paid|pay|quotas?|variable pay|retire|count(?:s|ed)? (?:toward|towards|in|against)|earns?|gets?|receives?)\b/i;
/** Pay that comes to nothing: "earns nothing", "gets nothing", "0% credit", "pay them nothing", "isn't paid on". */
const PAY_TO_NOTHING =
  /\b(?:earns?|gets?|receives?|is paid|are paid|paid|pays? (?:[\w-]+\s+){0,3}?)\s*(?:\w+\s+)?(?:nothing|none)\b|\bnon-?(?:commissionable|quota[- ]bearing)\b|\bnot (?:commissionable|quota[- ]bearing)\b|\b(?:reps?|AEs?|sellers?|direct(?: sales)?(?: team)?)\s*(?::|=|-|—|–)\s*(?:none|zero|nothing|0\s?%?)(?![\w%])|\b0\s?%\s+(?:credit|commission|comp)\b|\b(?:credit|commission|comp)\w*\b[^.;|]{0,40}\|\s*0\s?%|\b(?:isn't|is not|aren't|are not|never) (?:paid|credited|compensated)\b|\bno double[- ]dipping\b|\bapplies only to direct\b|\b(?:earn|earns|pay|pays) (?:them |him |her )?(?:zero|nothing)\b|\bonly (?:get )?(?:paid|credited) on (?:deals|bookings|revenue) (?:they|that they) (?:source|find|close themselves)|\bkept out of (?:the )?(?:direct team's |their |the AEs' )?(?:number|quota|comp)\b/i;
const PAY_NEGATED = /\b(?:no|not|zero|nothing|never|don't|doesn't|do not|does not|won't|will not|no longer|none|excluded|kept out)\b(?:[ ,]+[\w'’-]+){0,5}?[ ,]+(?:credit(?:ed)?|commissions?|comp(?:ensat\w+)?|paid|pay|quotas?|variable pay|retire|count(?:s|ed)? (?:toward|towards|in|against))\b|\b(?:credit(?:ed)?|commissions?|comp(?:ensat\w+)?|paid|quota)\b[^.:;]{0,30}(?:\*\*)?\s*(?::|=|\bis\b|\bare\b|-|—|\|)\s*(?:\*\*)?\s*(?:none|zero|nothing|0)\b/i;
const PARTNER_DEAL = new RegExp(String.raw`\b(?:partner|reseller|referr|channel|VAR|MSP|distributor|dealer|SI\b|GSI)\w*|\b${ANY_PARTNER}\b|\byou (?:register|bring|source|refer|find)\b|\bregistered (?:deals?|opportunit\w+|accounts?)\b`, 'i');

function statesNoCredit(text: string): boolean {
  if (isHedged(text) || /\bno decision\b|\bundecided\b|\bnot (?:yet )?decided\b/i.test(text)) return false;
  if (/\bpreviously\b|\bused to\b|\bthat ends\b/i.test(text)) return false;
  const pay = PAY_NEGATED.exec(text) ?? PAY_TO_NOTHING.exec(text);
  // Whose pay: "Referral partners are not paid on …" is the partners', not the direct team's.
  if (pay && new RegExp(`\\b(?:${ANY_PARTNER})\\s+(?:are|is|get|gets|earn|earns|receive|receives)?\\s*$`, 'i').test(text.slice(Math.max(0, pay.index - 30), pay.index))) return false;
  if (!pay || !(DIRECT_TEAM.test(text) || REP_WORDS.test(text)) || !REP_PAY.test(text)) return false;
  // The clause that says it reports the past: "Last spring, two distributor reps sent us 11 shops and we paid them nothing; …".
  const from = text.lastIndexOf(';', pay.index) + 1;
  const to = text.indexOf(';', pay.index);
  if (reportsThePast(text.slice(from, to < 0 ? text.length : to))) return false;
  // Deals partners are in: "no credit on self-serve sign-ups, which never involve a reseller" names partners only to rule them out.
  const partnerDeal = new RegExp(PARTNER_DEAL.source, 'gi');
  let involved = false;
  for (let d = partnerDeal.exec(text); d && !involved; d = partnerDeal.exec(text)) involved = !/\b(?:(?:never|not|don't|do not|doesn't|does not)\s+(?:involve|include|come through|go through)s?|without)\s+(?:a |an |any )?$/i.test(text.slice(Math.max(0, d.index - 40), d.index));
  if (!involved) return false;
  // The customer's or the partner's own pay is not the direct team's; "receive overlay credit, so a partner win never costs them quota" is credit.
  if (/\b(?:overlay|full|shared|split|matching|partial|quota) credit\b|\b(?:receive|receives|get|gets|keep|keeps|earn|earns) (?:\w+ ){0,2}credit\b/i.test(text.slice(0, pay.index))) return false;
  return !/\b(?:customers?|clients?|partners?|resellers?)\s+(?:get|gets|earn|earns|receive|receives)\s+no\b/i.test(text);
}

export function directTeam(ev: Evidence): Sentence | null {
  const found = ev.plan.statements('directTeam', (s) => {
    const m = s.match(DIRECT_TEAM);
    if (!m) return false;
    // "no direct sales team" says there is none; "Direct sales headcount: TBD", "we may hire AEs" promise none.
    if (/\b(?:no|without|don't have a|do not have a)\s+(?:\w+\s+)?(?:direct|sales|AEs?)\b/i.test(s.text.slice(Math.max(0, m.index - 25), m.index + 12))) return false;
    if (isHedged(s.text) || /\b(?:would|won't|will not|may|might)\s+(?:\w+\s+)?(?:hire|build|sabotage)\b|\bno (?:AEs?|reps?|sales(?:people)?) on (?:our|the) payroll\b/i.test(s.text)) return false;
    // A competitor's or a platform vendor's sellers, or a hiring plan subject to funding, are not our team.
    if (OTHER_COMPANY.test(s.text) || /\bhiring plan\b|\bsubject to funding\b/i.test(s.text) || new RegExp(`\\b(?:${PLATFORM_NAMES})(?:['’]s)?\\s+$`, 'i').test(s.text.slice(Math.max(0, m.index - 25), m.index))) return false;
    // The partner's sellers ("Each partner names two committed sales reps") are not our team.
    if (/\b(?:each|every|the|a) (?:partner|reseller|MSP|agency|firm)\b[^.;]{0,30}\b(?:names?|commits?|assigns?|dedicates?|keeps?)\b/i.test(s.text.slice(0, m.index))) return false;
    // Partner-side people ("the partner's sales reps") are not our team.
    if (/\b(?:partner|reseller|msp|their|its|your)(?:'s|s'|’s)?\s+(?:\w+\s+)?$/i.test(s.text.slice(Math.max(0, m.index - 20), m.index))) return false;
    // A page that speaks to partners: "You keep a sales rep on the account" is the partner's rep.
    return !(/^\W*you\b/i.test(s.text) && !/\bour\b/i.test(s.text.slice(0, m.index + m[0].length)));
  });
  return found[0] ?? null;
}

export function conflictPolicy(ev: Evidence): Sentence | null {
  // A split of the market said in two sentences of one item: "Our inside sales team only sells to
  // organisations with more than 500 employees. Below that size, every client is yours to win."
  return ev.plan.statements('conflictPolicy', (s) => statesConflictPolicy(s.text) || (s.unit.text !== s.text && MARKET_SPLIT.test(s.text) && statesConflictPolicy(s.unit.text)))[0] ?? null;
}
/** The direct side's part of the market set out by size, region or account list. */
const MARKET_SPLIT = /\bonly (?:sells?|sell to|works?|covers?|handles?)\b|\b(?:above|below|over|under) (?:that|this) (?:size|line|threshold)\b/i;

export function noCreditStatements(ev: Evidence): Sentence[] {
  return ev.plan.statements('noCredit', (s) => statesNoCredit(s.text));
}

// ---- channel conflict ----------------------------------------------------------------------

/** The direct side of a conflict: the company's sellers, or "our side" holding back. */
const DIRECT_SIDE = new RegExp(`${DIRECT_TEAM.source}|\\b(?:nobody|no one|anyone|someone) (?:on|from) our side\\b|\\bwe (?:have )?compet\\w* with you\\b|\\bour (?:head of sales|VP (?:of )?sales|sales (?:director|leadership))\\b`, 'i');
/** The partner's side of a conflict: a partner, a registration, partner-only accounts, partner-led deals, "you". */
const PARTNER_CLAIM = new RegExp(`\\b(?:${ANY_PARTNER}|regist\\w*|partner-(?:only|led|sourced|registered)|(?:accepted|approved|protected) (?:referrals?|leads?|opportunit(?:y|ies)|deals?)|you|your)\\b`, 'i');
/** What a conflict rule does: holds the direct side back, splits the market, decides, credits. */
const CONFLICT_RULE =
  /\b(?:cannot|can't|can not|may not|must not|will not|won't|do(?:es)? not|never|steps? back|leaves? (?:[\w-]+ ){0,4}alone|stays? (?:off|away|with)|hands[- ]off|off[- ]limits|belongs? to|only (?:in|sells?|sell to|for|above|below|under|over)|partner-only|unless|route\w*|goes? to|go to|decid\w*|decision|wins?|appeal\w*|escalat\w*|arbitrat\w*|credit\w*|spiffs?|paid|split|overlay|binds?|protect(?:s|ed)?|closes? (?:the |that |this )?(?:account|deal|opportunity|customer)s? to|closed to|(?:full |their |normal )?commission|quota relief|comp(?:ensation)?[- ]neutral|reserved|(?:is|are|stays?|remains?) (?:yours|theirs|the partner['’]s)|no (?:fee|commission|payout|referral fee) (?:applies|is (?:paid|due|owed))|(?:not|no longer|not more) (?:be )?allowed|committee|rul(?:es|ing) (?:on|within|is final)|raise it with)\b/i;
/** Not a rule: partners free to sell anywhere, support tiers, payments. */
const NOT_A_CONFLICT_RULE =
  /\bfree to (?:sell|approach|work)\b|\bsupport escalation\b|\b(?:24x7|24\/7|technical|second-line|first-line|L[123]) escalations?\b|\bsupport\b[^.;]{0,30}\bescalat\w*|\bL[123]\b|\bpayments?\b|\bplanning for the direct\b|\bcustomers? (?:can )?escalat\w*|\bbilling\b|\bamong (?:our )?(?:\w+ )?(?:AEs|reps|sellers|account executives)\b|\btagged\b|\bsegmentation\b/i;

/**
 * A channel-conflict policy, read from its parts in any order: the direct side, the partner's claim,
 * and a rule between them ("Once your registration is approved, our direct team will not pursue that
 * account"; "DACH belongs to partners; direct sells only in the UK"), or one of the named
 * mechanisms (named accounts, territories, rules of engagement, an escalation path).
 */
/** A cap on the direct side's prices ("never quotes more than 15% below list") protects pricing; it is not a rule for who works which account. */
const PRICE_CAP_ONLY = /\b(?:quotes?|quoting|pric\w+|discount\w*)\b[^.;]{0,30}\b(?:more than|below|under|lower than|beyond)\b|\bbelow list\b/i;
const ACCOUNT_RULE = /\baccounts?\b|\bterritor\w+|\bregist\w+|\bnamed\b|\bcredit\b|\bescalat\w*/i;

export function statesConflictPolicy(text: string): boolean {
  if (PRICE_CAP_ONLY.test(text) && !ACCOUNT_RULE.test(text)) return false;
  // "Direct reps get no credit on partner-led deals" is the opposite of a policy (channel-conflict reports it).
  if (isHedged(text) || WISH.test(text) || NOT_A_CONFLICT_RULE.test(text) || OTHER_COMPANY.test(text) || /\bto be (?:agreed|defined|confirmed)\b/i.test(text) || statesNoCredit(text)) return false;
  if (DIRECT_SIDE.test(text) && PARTNER_CLAIM.test(text) && CONFLICT_RULE.test(text)) return true;
  const m = CONFLICT_POLICY.exec(text);
  // An escalation path counts when what is escalated is a conflict over a deal or an account, not a support issue.
  if (m && /^escalat/i.test(m[0]) && (!/\bconflicts?\b|\bdisputes?\b|\bdisagree\w*|\bregist\w+|\bdeals?\b|\baccounts?\b|\bopportunit\w+|\bcompet\w+|\bsame \w+|\bchas\w+|\bcollid\w+|\bboth claim/i.test(text) || /\bissues?\b|\btickets?\b|\bsupport\b|\boutages?\b|\bcustomer-down\b|\bP[1-4]\b|\bengineers?\b|\bincidents?\b/i.test(text))) return false;
  return !!m && !isNegatedAt(text, m.index) && !/\bbetween (?:two )?partners\b/i.test(text);
}

// ---- owner --------------------------------------------------------------------

/** The program owner statement and whether it is full-time. */
/** Under an owner or team heading, a person who "runs it": "Tom (co-founder) runs it alongside customer success". */
const RUNS_IT = /\b[A-Z][a-z]+(?: [A-Z][a-z]+)?\b(?:\s*\([^)]{1,40}\))?,?\s+(?:runs|owns|leads|manages|drives|handles|looks after) (?:it|this|them)\b/;

export function owner(ev: Evidence): Owner | null {
  const title =
    /\b(?:head|vp|vice president|director|chief|lead|leader|manager|owner)\b[^.]{0,12}\b(?:partner\w*|channels?|alliances?|ecosystem|msp partnerships|partner program)\b|\b(?:partner\w*|channels?|alliances?|ecosystem) (?:lead|leader|manager|director|head|owner|chief)\b|\b(?:vp|head|director) (?:of )?(?:international )?(?:channels?|partnerships?|alliances?)\b|\b(?:partner|channel|alliance|partnerships?)\s+(?:program(?:me)?\s+)?(?:lead|leader|manager|director|head|owner|chief)\b/i;
  const owns =
    /\bowner\b|\bowns\b|\bowned\b|\b(?:sits?|rests?|lies|lie) with\b|\b(?:is|are|as) (?:a |an )?(?:side[- ]project|stretch assignment|part[- ]time (?:job|role|task)|extra (?:job|task|hat)) (?:for|of)\b|\b(?:led|run|managed|overseen|driven|headed|handled|covered|owned) by\b|\b(?:will |to )?own (?:the )?(?:partner\w*|channel|alliances?|program\w*)\b|\bpicks? up (?:the )?partner\b|\bresponsibility of\b|\b(?:I|I'll|I will|we'll|we will)\s+(?:\w+\s+)?(?:run|own|lead|manage|handle|look after)\s+(?:it|this|the whole thing)\b|\b(?:runs?|run|running|leads?|manages?|oversees?|looks? after|look after|takes? care of|drives?|handles?|is responsible for|accountable for|will run|will own|will lead|will manage|in charge of)\b[^.]{0,30}\b(?:program\w*|pilot|channel|partnerships?|partner program|network|alliances?|both parts)\b|\b(?:will )?(?:look(?:s)? after|manages?|runs?) (?:the |our |all (?:the )?)?(?:consultants|resellers|referrers|partners|advisers|advisors|agencies|MSPs|VARs|dealers|distributors)\b/i;
  const labelOwner = (s: Sentence) =>
    /^(?:(?:program|channel|partner|alliance|partnerships?) )?(?:owner(?:ship)?|lead|DRI|responsible(?: person)?|accountable(?: (?:person|exec(?:utive)?))?|who runs it)(?: (?:for|of) (?:the )?(?:partner |channel |referral |reseller )?(?:program(?:me)?|channel|partnerships?))?$/i.test(s.unit.label) ||
    (!!s.unit.cells && /\bowner\b|^responsible|\blead\b/i.test(s.unit.cells[0]?.text ?? ''));
  // What the sentence says on its own; whether a title sits under a team heading is checked below.
  const local = ev.plan.statements('ownerCandidates', (s) => {
    if (s.unit.cells && !/\bowner\b|^responsible|\blead\b/i.test(s.unit.cells[0]?.text ?? '')) return false;
    const labelled = labelOwner(s);
    if (!labelled && !s.test(owns) && !s.test(title) && !statesOwnership(s.text) && !s.test(RUNS_IT)) return false;
    if (isHedged(s.text) || WISH.test(s.text) || NO_OWNER.test(s.text.replace(NOT_HIRING, '')) || PEER_EXECUTIVES.test(s.text)) return false;
    // "Laura Kim owns the product roadmap": owning something other than the program.
    if (!labelled && !s.test(title) && /\bown(?:s|ed)?\b/i.test(s.text) && !THE_PROGRAM.test(s.text)) return false;
    return labelled || s.test(title) || NAMES_A_PERSON.test(s.text) || statesOwnership(s.text);
  });
  // What the sentence says is kept with it; whether its section is about the team is asked each time.
  // A partnerships title counts under a team heading, or with what the role's time is ("Prepared by
  // Priya Raman, Director of OEM Partnerships (full-time)").
  const candidates = local.filter(
    (s) =>
      s.memo('statesOwner', () => labelOwner(s) || s.test(owns) || statesOwnership(s.text) || (s.test(title) && (WHOLE_JOB.test(s.text) || PART_TIME.test(s.text)))) ||
      ((s.test(title) || s.test(RUNS_IT)) && s.section?.inTopic('team')),
  );
  // An FAQ answer to "Who runs the partner program?" names the owner: the question says what they do.
  const isCandidate = new Set(candidates);
  for (const a of ev.plan.answersWith('owner', (t) => WHO_RUNS_IT.test(t) && NAMES_SOMEONE.test(t.replace(/^[^?]*\?\s*/, '')) && !NO_OWNER.test(t.replace(NOT_HIRING, '')))) {
    if (!isCandidate.has(a)) {
      isCandidate.add(a);
      candidates.push(a);
    }
  }
  candidates.sort((x, y) => x.start - y.start);
  // Prefer a named or labelled owner; a partnership title on its own also counts.
  const s = candidates[0];
  if (!s) return null;
  // What the plan says of the owner elsewhere in the section: sentences that name them again ("Helena also keeps her SE accounts").
  const name = /\b([A-Z][a-zà-ÿ]+)(?= [A-Z][a-zà-ÿ]+)/.exec(s.text)?.[1];
  const more = name && s.section ? mentionsIn(ev.plan, s.section, name, 4, isCandidate) : [];
  const text = [...candidates, ...more].map((c) => c.text).join(' ');
  const said = readOwnerText(text);
  // An owner whose title is another function (the VP Sales, the COO, a head of marketing) runs
  // the program beside that job unless the plan says the role is full-time.
  // Titles of the people the owner reports to or works with are not the owner's.
  const ownerPart = s.text.replace(/\b(?:report(?:s|ing)? (?:directly )?(?:in)?to|with|alongside|to|from|for) (?:the |our |a |an )?(?:[\w,-]+ ){0,4}(?:COO|CTO|CFO|CMO|CRO|CEO|founders?|VP [\w ]+|head of \w+|sales|marketing)\b/gi, '');
  const otherJob = OTHER_JOB.exec(ownerPart);
  const fullTimeSaid = said.fullTime;
  const partTime = (said.partTime && !fullTimeSaid) || (!!otherJob && !fullTimeSaid);
  return {
    sentence: [...candidates, ...more].find((c) => c.test(PART_TIME)) ?? s,
    partTime,
    fullTime: fullTimeSaid && !partTime,
    senior: said.senior,
  };
}

/**
 * What the owner's sentences say together: a part-time mark not negated, a full-time one, a
 * senior title. Kept for the last text read: it changes only when those sentences do.
 */
function readOwnerText(text: string): { partTime: boolean; fullTime: boolean; senior: boolean } {
  if (lastOwnerText?.text === text) return lastOwnerText.said;
  const pt = PART_TIME.exec(text);
  const said = {
    partTime: !!pt && !isNegatedAt(text, pt.index),
    // "until we can afford someone full-time" promises a full-time owner later, not now.
    // "A dedicated partnerships hire can wait until 2027" puts the full-time owner later too.
    fullTime: WHOLE_JOB.test(
      text
        .replace(/\b(?:until|once|when|if|before|after|later|then|eventually|no|not|isn't|without|cannot|can't)\b[^.;]{0,50}?\b(?:full[- ]time|dedicated)\b/gi, '')
        .replace(/\b(?:full[- ]time|dedicated)\b[^.;]{0,40}?\b(?:hire|head|lead|manager|owner|person|role)\b[^.;]{0,30}?\b(?:can wait|will (?:come|follow)|comes? later|later|next year|(?:in|until|from) (?:19|20)\d\d)\b/gi, ''),
    ),
    senior: /\b(?:vp|vice president|director|head|chief)\b/i.test(text),
  };
  lastOwnerText = { text, said };
  return said;
}
let lastOwnerText: { text: string; said: { partTime: boolean; fullTime: boolean; senior: boolean } } | null = null;

/**
 * The first `most` sentences of a section and its subsections (their headings aside), in order,
 * that name `name` or start with a pronoun, `skip` aside. Each piece keeps its sentences that do
 * (for the last name asked), so a keystroke does not walk the section.
 */
function mentionsIn(plan: PlanModel, section: Section, name: string, most: number, skip: ReadonlySet<Sentence>): Sentence[] {
  const out: Sentence[] = [];
  // A section's units run from its heading to the next heading as deep or deeper; the root holds every unit.
  const after = section.heading ? section.heading.index : -1;
  const perPiece = plan.perPieceWith('ownerMentions', name, (units, n) => {
    const hits: Sentence[] = [];
    for (const u of units) if (u.kind !== 'heading') for (const x of u.sentences) if (x.text.includes(n) || /^(?:She|He|They)\b/.test(x.text)) hits.push(x);
    return hits;
  });
  for (const hits of perPiece) {
    for (const x of hits) {
      if (x.unit.index <= after) continue;
      if (!within(x.unit.section, section)) return out;
      if (skip.has(x)) continue;
      out.push(x);
      if (out.length >= most) return out;
    }
  }
  return out;
}

function within(sec: Section | null, outer: Section): boolean {
  for (let s = sec; s; s = s.parent) if (s === outer) return true;
  return false;
}

/** A question that asks who owns the program: "Who runs the partner program?", "Who is our channel lead?". */
const WHO_RUNS_IT =
  /\bwho\b[^?]{0,40}\b(?:runs?|owns?|leads?|manages?|coordinates?|is (?:in charge|responsible|accountable)|heads?|looks after)\b[^?]{0,40}\b(?:program(?:me)?|partners(?:hips)?|channel|alliances?|pilot|it)\b|\bwho\b[^?]{0,20}\b(?:is|are) (?:our |the )?(?:partner|channel|alliance|program)\w* (?:lead|owner|manager|head)\b/i;
/** Someone named in an answer: a name ("Priya"), or a role ("our COO", "the channel manager"). */
const NAMES_SOMEONE =
  /\b(?!(?:Everyone|Nobody|Each|Every|Partners?|The|Our|We|It|This|That|They|Yes|No|Not|None|Sales|Marketing|Finance)\b)[A-Z][a-zà-ÿ]+\b(?=[^.]{0,40}\b(?:will|is|does|runs?|owns?|leads?|coordinat\w+|handles?|manages?|looks? after)\b)|^\W*(?!(?:Everyone|Nobody|Each|Every|Partners?|The|Our|We|It|This|That|They|Yes|No|Not|None|Sales|Marketing|Finance|Directly|Monthly)\b)[A-Z][a-zà-ÿ]+ [A-Z][a-zà-ÿ]+\b|\b(?:[Oo]ur|[Tt]he|[Aa]) (?:[\w-]+ )?(?:co-?founders?|founders?|CEO|COO|CRO|CFO|CTO|CMO|lead|manager|head|director|VP|owner)\b/;

/** Titles of another function: an owner with one of them has a job besides the program. */
const OTHER_JOB =
  /\b(?:(?:VP|head|director|vice president)(?: of)? (?:sales|marketing|customer success|operations|engineering|product|finance|revops|support)|(?:sales|marketing|customer success|engineering|product) (?:director|lead|manager)|COO|CTO|CFO|CMO|CRO|CEO|founder|co-?founder|account executive|AE|managing director|MD)\b(?![-\w]*\s+(?:of|for) (?:partner\w*|channels?|alliances?))/i;

/**
 * Marks of an owner who runs the program with part of their time, read from three parts: a share
 * of their time ("20% of time", "0.5 FTE", "two afternoons a week", "when she has time"), another
 * job kept ("on top of her territory", "as a secondary responsibility", "the other half stays with
 * product marketing"), or a stopgap ("until further notice", "until we can afford a hire").
 */
const SHARE_OF_TIME = new RegExp(
  [
    String.raw`\bpart[- ]time\b|\bhalf[- ]time\b`,
    String.raw`\b\d{1,2}\s?% (?:of (?:(?:her|his|their|my|the|its|\w+['’]s) )?(?:time|week|capacity|hours|days?)|time)\b`,
    String.raw`\b0?[.,]\d+\s?FTE\b`,
    String.raw`\b(?:half|a third|a quarter|a fifth|part) of (?:(?:her|his|their|my|\w+['’]s) )?(?:week|time|days?|hours|calendar)\b`,
    String.raw`\b(?:one|two|three|half a|a|an|\d) (?:days?|afternoons?|mornings?|evenings?) (?:a|per|each) week\b|\bon (?:Mon|Tues|Wednes|Thurs|Fri)days\b`,
    String.raw`\b(?:when|whenever) (?:she|he|they|I) (?:has|have|finds?|gets?) (?:the |some )?time\b|\bspare (?:time|hours)\b|\bin the margins of\b|\bas time allows\b|\bwhatever time is left\b`,
    String.raw`\bsplit(?:s|ting)? (?:her|his|their|my) (?:week|time|days?)\b|\bmany hats\b|\bstretch assignment\b|\bon the side\b|\bside project\b|\b(?:fit|fits|squeeze) (?:\w+ ){0,3}in between\b|\bin between\b`,
  ].join('|'),
  'i',
);
const ANOTHER_JOB_KEPT = new RegExp(
  [
    String.raw`\b(?:alongside|on top of|in addition (?:to|of)|besides|beside|as well as|while (?:also )?(?:running|leading|managing|keeping|carrying|holding))\b[^.;]{0,50}?\b(?:roles?|jobs?|duties|work|responsibilit\w+|quotas?|targets?|territor(?:y|ies)|team|portfolio|accounts?|running|leading|managing|RevOps|BizOps|sales|marketing|ops|operations|product|engineering|finance|support|growth|customer success|CS|fundraising|demand gen|gen|generation)\b`,
    String.raw`\bas an? (?:secondary|second|side|additional|extra) (?:responsibility|job|role|task|hat|project|duty)\b`,
    // "in the hours left over from running marketing", "in her spare time", "on the side".
    String.raw`\b(?:in the )?(?:hours|time) left over (?:from|after)\b|\bin whatever time (?:her|his|their|my|our|the) (?:[\w-]+ ){0,3}leaves?\b|\bin (?:her|his|their|my|our) spare time\b|\bon the side\b`,
    String.raw`\b(?:the )?rest (?:of (?:her|his|their) (?:time|week) )?(?:on|in|with|goes to)\b|\bthe other half\b`,
    String.raw`\bwho is also (?:an? )?\w+|\balso (?:owns?|runs?|leads?|manages?) (?:the )?(?:partner|channel|alliance)|\balso (?:keeps|carries|runs|covers|holds) (?:her|his|their|my) (?:own )?(?:[\w-]+ ){0,2}(?:accounts?|territory|quota|job|role|team|region)\b`,
    String.raw`\bshared with (?:RevOps|sales|marketing|operations|customer success|\w+ ops)\b|\bpicks? up (?:\w+ )?(?:partner|channel) work\b`,
  ].join('|'),
  'i',
);
/** A hire still to come: "until a channel lead is hired", "until the new head of partnerships is in place". */
const UNTIL_A_HIRE = String.raw`until (?:a |an |the |our )?(?:[\w-]+ ){0,4}(?:is|are|gets|has been) (?:hired|recruited|appointed|found|named|in place|on board)\b`;
const STOPGAP = new RegExp(String.raw`\buntil (?:further notice|we (?:can )?(?:afford|hire|recruit|find|bring on|fund)\b)|\b${UNTIL_A_HIRE}|\b(?:is|are) being covered\b|\bin the interim\b|\binterim (?:owner|lead|basis)\b`, 'i');
const PART_TIME = new RegExp(`${SHARE_OF_TIME.source}|${ANOTHER_JOB_KEPT.source}|${STOPGAP.source}`, 'i');

/** Marks of an owner whose whole job is the program: "full-time", "1.0 FTE", "nothing but this program". */
const WHOLE_JOB =
  /\bfull[- ]time\b|\bdedicated\b|\bonly job\b|\bsole (?:focus|job)\b|\b100\s?% (?:on|of (?:her|his|their|my) time|dedicated|focused)\b|\b(?:1(?:[.,]0)?|one|a full) FTE\b|\bnothing but\b|\bno other (?:portfolio|role|job|duties|responsibilit\w+|hat)\b|\bfive days a week\b|\bexclusively\b|\b(?:works?|working|focus(?:es|ed)?) on nothing else\b|\bdoes nothing else\b/i;

/** A person in a sentence: a full name, someone named after "by" or "with", a pronoun, a role. */
const NAMES_A_PERSON =
  /\b[A-Z][a-z]+ [A-Z][a-zà-ÿ]+|\b(?:I|we)\b|\b(?:CEO|COO|CRO|CFO|CTO|CMO|MD|[Ff]ounders?|[Cc]o-founders?|managing director|lead|manager|[Hh]ead|VP|[Dd]irector|[Cc]hief|[Pp]resident|DRI)\b|\b(?:by|with)\s+[A-Z][a-zà-ÿ]+\b(?!\s+(?:Marketplace|Partner|Network|Cloud))/;
/**
 * Ownership read from its parts, in either order: a person (a name, a role, "our co-founder"), taking
 * charge (owns, runs, handles, looks after, takes on, picks up; "is owned by", "goes to", "sits with")
 * and the program (partners, partnerships, the channel, the referral program). "Karl runs the
 * referral program alongside his RevOps duties"; "Half of Ben's time goes to partners".
 */
const OWNER_PERSON =
  /^(?:[-*+]\s+)?(?!(?:Sales|Marketing|Finance|Support|Product|Engineering|Operations|Ops|RevOps|Partnerships?|Partners?|Legal|Everyone|Nobody|Each|Every|Leadership|Management|Success|Customer|Channel|Alliances?|It|This|That|They|Who|Which|The|Our|A|An|We|Pricing|Enablement|Recruiting|Training)\b)[A-Z][a-zà-ÿ]+(?:\s+[A-Z][a-zà-ÿ]+)?(?:,[^,]{3,60},|\s+from\s+(?:[\w-]+\s+){0,2}[\w-]+)?(?:['’]s\b|,?\s+(?:will\s+|is going to\s+|also\s+)?(?:owns?|runs?|leads?|heads?|handles?|manages?|looks? after|takes? (?:on|over|care of)|picks? up|drives?|covers?|works? on|is responsible|is in charge|is dedicated to)\b)|\b(?:by|with|for|to) (?!(?:Sales|Marketing|Finance|Support|Product|Engineering|Operations|Partners?|Europe|EMEA|APAC|AWS|Microsoft|Google|Salesforce|HubSpot)\b)[A-Z][a-zà-ÿ]+\b|\b(?:[Oo]ur|[Tt]he|[Aa]) (?:[\w-]+ )?(?:co-?founders?|founders?|CEO|COO|CRO|CFO|CTO|CMO|MD|lead|manager|head|director|VP|owner|AE|account executive)\b|\b(?:CEO|COO|CRO|CFO|CTO|CMO)\b|\b[A-Z][a-zà-ÿ]+['’]s (?:time|week|days?)\b/;
const FIRST_PERSON_OWNER = /^\W*I(?:['’]ll| will| am going to|['’]m going to|['’]m| am)?\s+(?:(?:also|personally|still|keep)\s+)?(?:own|run|lead|handle|manage|drive|look after|take on|be (?:the )?owner of|be in charge of|be responsible for)\b/;
const TAKES_CHARGE =
  /\b(?:owns?|owned|own|runs?|run|running|leads?|led|heads?|headed|handles?|handled|manages?|managed|look(?:s|ing)? after|takes? (?:on|over|care of)|pick(?:s|ed)? up|drives?|driven|covers?|covered|done by|works? on|working (?:\d{1,3}\s?% )?on|dedicated to|DRI|is responsible|responsible for|responsibility|in charge|accountable|(?:time|week|days?|hours) go(?:es)? to|sits? with|rests? with|belongs? to|(?:a )?side project|stretch assignment|\d(?:\.\d)? FTE)\b/i;
const THE_PROGRAM = /\b(?:partners|partnerships|partner(?:ship)? management|partner (?:program(?:me)?|work|relationships|channel|side)|channel(?: program)?|alliances?|(?:referral|reseller|affiliate|MSP|agency) (?:program(?:me)?|partners|pilot)|resellers|(?:the|this|our) (?:[\w-]+ )?(?:program(?:me)?|pilot))\b/i;
function statesOwnership(text: string): boolean {
  if (isHedged(text) || NO_OWNER.test(text.replace(NOT_HIRING, ''))) return false;
  const clauses = text.split(/;|\. /);
  // The program named apart from the person ("the channel manager" is a person, not the channel).
  return clauses.some((c) => {
    // The author taking it on: "I'll run the partner side myself".
    if (FIRST_PERSON_OWNER.test(c) && THE_PROGRAM.test(c)) return true;
    const person = OWNER_PERSON.exec(c);
    return !!person && TAKES_CHARGE.test(c) && THE_PROGRAM.test(c.slice(0, person.index) + ' ' + c.slice(person.index + person[0].length));
  });
}

/** Executives on both sides owning one partnership ("our CEO and each ISV's CEO own the partnership") hold a relationship, not the program. */
const PEER_EXECUTIVES = /\b(?:founder|CEO|exec(?:utive)?)[- ]to[- ](?:founder|CEO|exec(?:utive)?)\b|\b(?:each|every|the partner(?:'s|’s)|their) (?:\w+(?:'s|’s) )?(?:CEO|founder|chief executive)\b/i;

/** "I do not want to hire a partnerships person until …": no hire, so the named person stays the owner. */
const NOT_HIRING = new RegExp(String.raw`\b(?:do not|don't|not|no need to|no plan to|won't|will not) (?:want to |plan to |intend to |need to )?hire\b[^.;]*|^\W*${UNTIL_A_HIRE}[^,;]*,(?=[^.;]*\b(?:owns?|own|runs?|leads?|manages?)\b)`, 'gi');
/** Nobody owns the program yet: a hire to come, "no single owner", ownership split between teams. */
const NO_OWNER = new RegExp(
  String.raw`\b(?:we will hire|to hire|hiring|will be hired|once we hire|${UNTIL_A_HIRE}|no (?:single |one |dedicated |named )?owner|nobody owns|no one owns|each (?:cover|own|handle)s? (?:their|its) (?:part|piece|share))\b`,
  'i',
);

// ---- reporting line and sales leadership -----------------------------------------

export function reportsToCeo(ev: Evidence): Sentence | null {
  const found = ev.plan.statements('reportsToCeo', (s) => reportsToTheTop(s.text))[0] ?? ev.plan.answersWith('reportsToCeo', reportsToTheTop)[0] ?? null;
  if (found) return found;
  // "… VP Partnerships, reporting directly to me", in a document its CEO signs as author.
  const toMe = ev.plan.statements('reportsToMe', (s) => REPORTS_TO_ME.test(s.text) && PARTNERSHIPS_FUNCTION.test(s.text) && !isHedged(s.text))[0];
  return toMe && ev.plan.select('ceoAuthor', (s) => CEO_AUTHOR.test(s.text)).length ? toMe : null;
}

/** Reporting to the writer of the document. */
const REPORTS_TO_ME = /\breport(?:s|ing)?\s+(?:straight\s+|directly\s+)?to me\b/i;
/** A byline naming the chief executive as the writer: "Author: Tomás Lindqvist, CEO", "From: the CEO". */
const CEO_AUTHOR = /^\W*(?:author|from|by|written by|prepared by|owner)\W*:?\W*[^.;|]{0,50}\b(?:CEO|chief executive|founder(?: and|\s*&)? CEO)\b/i;

/**
 * The partnerships lead reports to the CEO, read from its parts in any order: the partnerships
 * function, a reporting relation, and the chief executive ("Partnerships sits under the CEO",
 * "Org: Head of Alliances → CEO (direct report)", "| Head of Partnerships | reports to | CEO |").
 */
const PARTNERSHIPS_FUNCTION = /\b(?:partnerships?|partner (?:program(?:me)?|team|lead)|channel|alliances?|ecosystem)\b/i;
const REPORTING =
  /\breport(?:s|ing)?\s+(?:straight\s+|directly\s+)?(?:in)?to\b|\bmoves? (?:directly )?under\b|\banswers? (?:directly )?to\b|\bdirect line to\b|\b(?:on|part of) the (?=(?:CEO|chief executive|founder)['’]s (?:staff|team|leadership team|direct reports))|\bone of the (?=(?:CEO|chief executive|founder)['’]s direct reports)|\breporting line\b|\bdirect report\b|\bsits?\s+(?:directly\s+)?under\b|\bunder the (?:CEO|chief executive|founder)|→|->|\breports_to\b|\breports to (?:him|her|me)\b|\|\s*reports to\s*\|/i;
const TOP = /\b(?:CEO|chief executive|founders?|co-?founders?|managing director)\b|\bme as CEO\b/i;

/** The CEO named first, the partnerships lead after: "Our CEO manages the head of alliances directly", "Org: CEO > VP Partnerships". */
const TOP_MANAGES = /\b(?:CEO|chief executive|founder)\b(?:\s+(?:directly\s+)?(?:manages|leads|oversees)|\s*(?:>|→|->))\s+(?:the |our )?(?:[\w-]+ ){0,2}(?:partnerships?|partner program|alliances?|channel|ecosystem)\b/i;

function reportsToTheTop(text: string): boolean {
  if (TOP_MANAGES.test(text) && !isHedged(text) && !isNegatedAt(text, TOP_MANAGES.exec(text)!.index)) return true;
  const rel = REPORTING.exec(text);
  if (!rel || isHedged(text)) return false;
  // The chief executive is the first role after the relation ("to the CRO, not the CEO" is the CRO).
  const after = text.slice(rel.index + rel[0].length, rel.index + rel[0].length + 60);
  const top = TOP.exec(after);
  const between = after.slice(0, top?.index ?? 0);
  // "Reporting line | Head of Partnerships | CEO": the partnerships lead named between the label and the CEO.
  if (!top || (/\b(?:CRO|COO|CFO|CTO|CMO|VP|head|director|sales)\b/i.test(between) && !(/^\s*\|/.test(after) && PARTNERSHIPS_FUNCTION.test(between)))) return false;
  // The partner's own org ("reports to their CEO").
  if (/\b(?:their|its|the partner['’]s|a partner['’]s)\s*$/i.test(between)) return false;
  // Who reports: the partnerships function, or a person named before ("Aylin reports to the CEO"),
  // not another function.
  if (!PARTNERSHIPS_FUNCTION.test(text) && /\b(?:sales|CRO|revenue|marketing|engineering|finance|product|support|operations|HR|people)\b/i.test(text.slice(0, rel.index))) return false;
  // A report sent to the CEO is a document; sales or the CRO reporting to the CEO is not the partnerships lead.
  if (/\b(?:an?|weekly|monthly|quarterly|the) reports?\b/i.test(text.slice(Math.max(0, rel.index - 12), rel.index + 8))) return false;
  const subject = text.slice(0, rel.index);
  // Another function or officer reporting to the CEO ("Customer success reports to the CEO", "Our CFO …").
  if (/\b(?:sales|CRO|revenue|customer success|CFO|CTO|COO|CMO|finance|legal|HR|people|support|engineering|product|marketing|operations)\b/i.test(subject) && !PARTNERSHIPS_FUNCTION.test(subject)) return false;
  return !isNegatedAt(text, rel.index);
}

/** A memo's header lines ("From: …, Chief Revenue Officer / To: Board / Re: …") say who wrote it, not who works with whom. */
const MEMO_HEADER = /^\s*(?:From|To|Date|Re|Subject|Cc)\s*:/im;

export function salesCoordination(ev: Evidence): Sentence | null {
  const leader =
    /\b(?:CRO|chief revenue officer|VP (?:of )?(?:\w+ )?sales|head of (?:\w+ )?sales|sales (?:&|and) partnerships? leadership|direct and channel leaders|sales leadership|sales leaders?|sales director|VP Sales|sales VP|sales management|sales managers)\b/i;
  const found = ev.plan.statements(
    'salesCoordination',
    // Sales leadership working with the partnerships side: a joint meeting or decision, a shared
    // review, a reporting line; "with" or "and" only where the partner side is named too (a letter
    // signed by the CRO coordinates nothing).
    // Sales leadership working with the partnerships side on something they share; a meeting that
    // does not happen, a hedge, or sales reviewing its own pipeline is not it.
    (s) =>
      s.test(leader) &&
      !MEMO_HEADER.test(s.text) &&
      !isHedged(s.text) &&
      !/\bno (?:regular |standing |joint )?(?:meeting|sync|review|alignment)\b|\bnever (?:talk|meet|speak|align)\b/i.test(s.text) &&
      (PARTNERSHIPS_FUNCTION.test(s.text) || ANY_PARTNER_WORD.test(s.text) || /\bregistered deals?\b|\bco-?sell/i.test(s.text) || /\breports? to\b|\bmanager is\b/i.test(s.text)) &&
      (/\breports? to\b|\bmanager is\b|\bjoint\w*|\btogether\b|\bweekly|\bmonthly|\bsync|\balign|\bcoordinat|\bescalat|\bdecide|\bagree|\breview|\bmeet|\bshare|\bsession\b/i.test(s.text) ||
        /\bwith\b|\band\b/i.test(s.text)),
  );
  return found[0] ?? null;
}
