/**
 * The money in a plan: its percentages and what each one is (a partner payout, the channel's share
 * of revenue, MDF, a customer discount, a gross margin), how partners get paid (payout operations,
 * cheques), and market development funds.
 */
import type { Archetype } from '../types.js';
import { ARCHETYPE_WORDS, withoutContrasts } from '../archetypes.js';
import type { PercentMatch } from '../numbers.js';
import { aboutAnotherCompany, ANY_PARTNER, CAPITALISED_TIER_NAMES, DIRECT_SELLERS, MARKET_BACKGROUND, oneOf, OTHER_COMPANY, PARTNER_NOUNS } from '../vocabulary.js';
import { COVERED_ELSEWHERE, isHedged, isNegatedAt, isStatement, LABEL_DENIED, reportsThePast, WISH } from '../language.js';
import type { Sentence } from '../sentences.js';
import { TOPIC_HEADINGS, type Section } from '../outline.js';
import { PARTNER_NOUN } from './partners.js';
import type { Evidence } from './index.js';

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

// ---- percentages ------------------------------------------------------------------

/** Every percentage of the plan (headings and header rows aside), classified. */
export function percents(ev: Evidence): PercentFact[] {
  const out: PercentFact[] = [];
  // Whether a section sits in one whose heading names an alliance: asked once per section.
  const allianceSections = new Map<Section, boolean>();
  const inAlliance = (sec: Section): boolean => {
    let known = allianceSections.get(sec);
    if (known === undefined) allianceSections.set(sec, (known = sec.chain().some((x) => x.heading !== ev.plan.titleUnit && x.named.includes('strategic'))));
    return known;
  };
  // What a percentage's reading takes from outside its sentence: whether its section sits under an
  // alliance, tiers or MDF heading, the archetypes the nearest heading names, the plan's archetypes.
  const contexts = new Map<Section | null, string>();
  const contextOf = (sec: Section | null): string => {
    let said = contexts.get(sec);
    if (said === undefined) {
      said = sec ? `${inAlliance(sec) ? 1 : 0}${sec.inTopic('tiers') ? 1 : 0}${sec.inTopic('mdf') ? 1 : 0}${ev.plan.headingArchetypes(sec)?.join(',') ?? '-'}` : '';
      contexts.set(sec, said);
    }
    return said;
  };
  const plan = ev.plan.archetypes.join(',');
  // Each piece's sentences with a percentage (headings and header rows aside), kept with the piece.
  const sentences = ev.plan.perPiece('percentSentences', (units) => units.flatMap((u) => (u.kind !== 'heading' && !u.isHeaderRow ? u.sentences.filter((x) => x.percents.length > 0) : [])));
  // Each piece keeps its percentages, read again only when the piece or what surrounds it changes.
  const perPiece = ev.plan.perPieceInContext(
    'percentFacts',
    (_units, i) => {
      let said = plan;
      let last: Section | null | undefined;
      for (const s of sentences[i]) {
        if (s.section === last) continue;
        last = s.section;
        said += `|${contextOf(last)}`;
      }
      return said;
    },
    (_units, i) => {
      const facts: PercentFact[] = [];
      for (const s of sentences[i]) {
        for (const m of s.percents) {
          const r = s.range(m.start, m.end);
          // Payouts inside an alliance (co-sell, marketplace fees) belong to the strategic archetype.
          const strategic = s.test(ALLIANCE_WORDS) || (s.section ? inAlliance(s.section) : false);
          facts.push(new Percent(s, m, r.start - s.unit.base, r.end - s.unit.base, classifyAnswered(ev, s, m), strategic ? ['strategic'] : (columnArchetypes(s, m) ?? nearestArchetype(s, m) ?? ev.plan.archetypesOf(s))));
        }
      }
      return facts;
    },
  );
  for (const facts of perPiece) for (let k = 0; k < facts.length; k++) out.push(facts[k]);
  return out;
}

/** A percentage kept with its piece: its offsets follow the piece wherever it is in the document. */
class Percent implements PercentFact {
  constructor(
    readonly sentence: Sentence,
    readonly match: PercentMatch,
    private readonly localStart: number,
    private readonly localEnd: number,
    readonly category: PercentCategory,
    readonly archetypes: Archetype[],
  ) {}
  get start(): number {
    return this.sentence.unit.base + this.localStart;
  }
  get end(): number {
    return this.sentence.unit.base + this.localEnd;
  }
}
const ALLIANCE_WORDS = /\bco-?sell|\balliance|\bmarketplace\b/i;

/**
 * Where one sentence pays two kinds of partner ("resellers buy at 22% off list, and referral partners
 * earn 12%"), each number belongs to the kind named last before it in its clause.
 */
function nearestArchetype(s: Sentence, m: PercentMatch): Archetype[] | null {
  const text = withoutContrasts(s.text);
  const kinds = (Object.keys(ARCHETYPE_WORDS) as Archetype[]).filter((a) => ARCHETYPE_WORDS[a].test(text));
  if (kinds.length < 2) return null;
  // The payout named right after the number says whose it is: "20% dealer margin or 12% referral fee".
  const named = /^\s*(?:[\w-]+\s+){0,1}?([\w-]+)\s+(?:margin|discount|fee|commission|rebate|payout|bounty)s?\b/i.exec(s.text.slice(m.end, m.end + 40));
  if (named) {
    const own = kinds.filter((a) => ARCHETYPE_WORDS[a].test(named[1]));
    if (own.length === 1) return own;
  }
  const clauseStart = Math.max(text.lastIndexOf(';', m.start), text.lastIndexOf(', and ', m.start)) + 1;
  const clause = text.slice(clauseStart, m.start);
  let best: { a: Archetype; at: number } | null = null;
  for (const a of kinds) {
    const re = new RegExp(ARCHETYPE_WORDS[a].source, 'gi');
    for (let x = re.exec(clause); x; x = re.exec(clause)) if (!best || x.index > best.at) best = { a, at: x.index };
  }
  return best ? [best.a] : null;
}

/** In a table, the archetype its column names ("SI resellers: discount off list", "Consultants (referral): fee"). */
function columnArchetypes(s: Sentence, m: PercentMatch): Archetype[] | null {
  if (!s.unit.cells || !s.unit.table) return null;
  const header = s.unit.table.header[s.unit.cellAt(s.at + m.start)] ?? '';
  const named = (Object.keys(ARCHETYPE_WORDS) as Archetype[]).filter((a) => ARCHETYPE_WORDS[a].test(header));
  return named.length === 1 ? named : null;
}

/** The plan's own percentages of one kind: those reported in history (last year's margin, last year's MDF) are not the plan's. */
export function presentPercents(ev: Evidence, category: PercentCategory): PercentFact[] {
  // Asked of those sentences only (not a set of every present sentence, on every keystroke).
  // A rate that is hedged or left to decide ("we might offer MDF of 3%") is not stated.
  // Another company's rate ("Microsoft gives its partners MDF worth 4%") is not this plan's either.
  // Nor is background about the market ("For context: wholesalers typically earn 2-4% on distribution").
  const present = (x: Sentence) => !x.section?.history && x.memo('present', () => !reportsThePast(x.text) && !isHedged(x.text) && !aboutAnotherCompany(x.text) && !MARKET_BACKGROUND.test(x.text));
  return ev.percents.filter((p) => p.category === category && present(p.sentence));
}

/** Buyers that get their own prices: schools, charities, students, the public sector. */
const BUYER_GROUPS = String.raw`(?:schools?|charit(?:y|ies)|non-?profits?|students?|universit(?:y|ies)|public[- ]sector|government)`;
/** Buyers said to get or pay something: "Referred customers receive", "Schools and registered charities pay". */
const BUYERS_GET = new RegExp(String.raw`\b(?:customers?|clients?|buyers?|end[- ]users?|subscribers?|patients?|members|${BUYER_GROUPS})\b[^.;:]{0,30}\b(?:get|gets|receive|receives|pay|pays|enjoy|enjoys|save|saves)\s+(?:an?\s+)?(?:extra\s+|additional\s+|further\s+)?$`, 'i');
/** A discount that end customers get, not the partner. */
const CUSTOMER = new RegExp(String.raw`\bdeeper\b|\bend[- ]customers?\b|\bcustomers? (?:get|gets|receive|receives|pay)\b|\b${BUYER_GROUPS}\b|\bpromo\w*|\bcoupon\b|\bfor (?:new |their |your )?(?:customers|clients|buyers)\b`, 'i');
const CUSTOMER_DISCOUNT_WORDS = new RegExp(String.raw`\b(?:list[- ]price|off list|end[- ]customers?|customers? (?:get|receive)|${BUYER_GROUPS}|promo\w*|coupon)\b`, 'i');

/** A word for market development funds, as percentages and offers name them ("MDF", "co-op", "marketing funds"). */
const MDF_WORD = /\bMDF\b|\bmarket(?:ing)? development\b|\bco-?op\b|\bmarketing funds?\b/i;

/** Percent classification by the words around it in its sentence (or table row). */
/** A sentence or table row that begins with a tier's name ("| Silver | 20% discount off list |", "Gold: 25% off"). */
const TIER_LEAD = new RegExp(String.raw`^\W*(?:${CAPITALISED_TIER_NAMES})\b(?:\s+(?:tier|level|partners?))?\s*(?:\||:|—|–|-)`);

/**
 * A percentage in an FAQ answer reads with its question ("Q: What margin do resellers get?" /
 * "A: 20% off list on every licence."): when the answer alone says nothing of what it is.
 */
function classifyAnswered(ev: Evidence, s: Sentence, m: PercentMatch): PercentCategory {
  const own = classifyPercent(s, m);
  if ((own !== 'other' && own !== 'customerDiscount') || s.unit.cells) return own;
  const q = ev.plan.questionFor(s);
  if (!q) return own;
  const question = q.text.replace(/^\W*Q\s*[:.)]\s*/i, '');
  const answer = s.text.replace(/^\W*A\s*[:.)]\s*/i, '');
  const at = answer.indexOf(m.text);
  if (at < 0) return own;
  const joined = `${question} ${answer}`;
  return classifyText(joined, question.length + 1 + at, m);
}

export function classifyPercent(s: Sentence, m: PercentMatch): PercentCategory {
  const inTiers = !!s.section?.inTopic('tiers') || TIER_LEAD.test(s.text);
  // Under an MDF heading, or anywhere in a page whose title names MDF ("Co-Marketing Funds Policy").
  let top = s.section ?? null;
  while (top?.parent?.heading) top = top.parent;
  const inMdf = !!s.section?.inTopic('mdf') || (!!top && TOPIC_HEADINGS.mdf.test(top.title));
  // Remembered by the sentence, per number and heading context.
  const known = s.memo('percentCategories', () => new Map<number, PercentCategory>());
  const key = m.start * 4 + (inTiers ? 2 : 0) + (inMdf ? 1 : 0);
  let category = known.get(key);
  if (category === undefined) {
    category = classifyPercentIn(s, m, inTiers);
    // Under an MDF heading, a share of revenue no other reading claims is the fund's size.
    // (A share of what partners resell is a revenue share elsewhere; under an MDF heading it is the fund.)
    if ((category === 'other' || category === 'revenueShare') && inMdf && /^\s*(?:of\s+)?(?:(?:the|their|your|the partner['’]s|[\w]+[- ](?:generated|sourced|influenced)|partner|channel|annual|net|[A-Z][\w-]*)\s+)*(?:revenue|bookings|sales|ARR|purchases)\b/.test(s.text.slice(m.end).replace(/^\s*OF\b/i, ' of'))) category = 'mdf';
    // A column of them: "Accrual (share of Partner-Generated Revenue)".
    else if (category === 'other' && inMdf && s.unit.cells && /\baccru\w*|\bshare of\b[^|]*\b(?:revenue|bookings|sales|purchases)\b/i.test(s.unit.table?.header[s.unit.cellAt(s.at + m.start)] ?? '')) category = 'mdf';
    known.set(key, category);
  }
  return category;
}

/** A discount on the partner's own licences (internal use, demo, NFR) or on what it buys for itself is not what it earns on a sale. */
const OWN_USE = /\binternal[- ]use\b|\bfor internal\b|\b(?:their|your|its) own use\b|\bNFR\b|\bnot for resale\b|\b(?:showroom |trade-show )?demo (?:licen[cs]es?|instances?|units?|equipment|kits?|systems?|devices?)\b|\bdiscounts? (?:for|on) (?:additional|extra|more) (?:support|licen[cs]es|seats|users|training|services)\b/i;

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
    if ((own === 'customerDiscount' || own === 'other') && /\b(?:earns?|gets?|receives?|margins?|payouts?|commissions?|compensation|economics)\b/i.test(header) && /\bdiscount|\boff\b|\bbelow list\b|\bof (?:the |each |every )?(?:[\w-]+['’]s )?(?:first[- ]year|year[- ]one|annual|contract|deal|ACV|subscription|licen[cs]e)\b/i.test(local)) return 'payout';
    // A column headed by a kind of partner and what it is paid ("SI resellers: discount off list", "Consultants (referral): fee").
    // The kind of partner may be named by the section instead ("### Reseller discounts" over "Tier | Discount off list").
    if (own === 'other' && (PARTNER_NOUN.test(header) || PARTNER_NOUN.test(s.section?.title ?? '')) && /\bdiscount|\boff (?:list|MSRP|RRP)\b|\bmargins?\b|\bfees?\b|\bcommissions?\b|\brebates?\b/i.test(header) && !/\bcustomers?\b|\bclients?\b|\bend[- ]users?\b|\bMDF\b|\bsubscription\b/i.test(header)) return 'payout';
    if (own !== 'other') return own;
    // A row that names MDF or co-op funds elsewhere ("| Gold | Co-op accrual | 1.5% of the partner's net purchases |"): a rate of them.
    if (MDF_WORD.test(s.unit.text) && /^\s*(?:of\s+)?(?:the\s+)?(?:partner['’]s\s+|partner[- ]generated\s+)?(?:net\s+)?(?:purchases|revenue|sales|bookings)\b/i.test(local.slice(at + m.text.length))) return 'mdf';
    // A tier table's row of discounts off list ("Standard discount off MSRP | 10% | 15% | …") is what each tier earns.
    const rowRead = classifyText(`${first} ${header}`, 0, m, true);
    if ((rowRead === 'customerDiscount' || rowRead === 'other') && (inTiers || TIER_COLUMNS.test(s.unit.table?.header.join(' | ') ?? '')) && /\bdiscount|\boff (?:list|MSRP|RRP)\b|\bmargin\b/i.test(first) && !/\bcustomers?|\bclients?|\bend[- ]users?|\bpromo/i.test(first) && !OWN_USE.test(first)) return 'payout';
    return rowRead;
  }
  return classifyText(text, at, m, false, inTiers);
}

const PARTNER_PAYS = new RegExp(`\\b${ANY_PARTNER}\\s+(?:\\w+\\s+)?(?:pay|pays|are charged|is charged|owe|owes)\\s+(?:a|an|the)?\\s*$`, 'i');

const PAYOUT_RIGHT_AFTER = /^\s*(?:of\s+)?(?:(?:reseller|partner|dealer|channel|referral|recurring|one-off|first-year|year-one|volume)\s+)?(?:margins?|commissions?|referral fees?|finder'?s? fees?|fees?|rebates?|rev(?:enue)?[- ]share|payouts?)\b/i;

/** A partner buying or earning, just before a number ("Resellers buy at 25% off list"). */
const PARTNER_GETS = new RegExp(String.raw`(?:\b${oneOf(PARTNER_NOUNS)}\b|\b[\w-]+s (?:that|who) resell\b)[^.]{0,30}\b(?:buy|buys|purchase|purchases|get|gets|receive|receives|earn|earns|keep|keeps)\b[^.]{0,20}$`, 'i');

/** A partner's discount as a label, with an aside between ("Disti (Pax8) discount: 12% off list"). */
const PARTNERS_DISCOUNT_LABEL = new RegExp(String.raw`^\W*(?:${oneOf(PARTNER_NOUNS)})(?:\s*\([^()]{0,30}\))?\s+(?:discount|margin)s?\s*[:=—–]\s*(?:up to |about |around )?$`, 'i');

const DIRECT_TEAM_EARNS = new RegExp(String.raw`\b(?:${oneOf(DIRECT_SELLERS)}|AE|SDRs?|BDRs?|salespeople)\b[^.;]{0,25}\b(?:earn|earns|get|gets|receive|receives|are paid|is paid)\b[^.;]{0,15}$`, 'i');
const PAYS_THE_PARTNER = new RegExp(String.raw`\bpays? (?:you|(?:each |every |the |our |a |an |that |this )?${ANY_PARTNER})\s+(?:an? )?$`, 'i');

const CUSTOMER_WORDS = /\bcustomers?\b|\bclients?\b|\bend[- ]users?\b|\bbuyers?\b/i;

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
  // An aside in brackets ("Partner discount (resale): 20%") does not part the label from its number.
  const before = contextOnly ? text : text.slice(Math.max(0, at - 80), at).replace(/\s*\([^()]{0,40}\)(?=[\s:]*$)/, '');
  const near = before + ' ' + after;
  if (!contextOnly) {
    // What the direct team earns ("AEs earn a 10% commission") is not a partner payout.
    if (DIRECT_TEAM_EARNS.test(before) || /^[^.;]{0,40}\bfor (?:our |the )?(?:AEs|reps|sellers|account executives|direct (?:reps|sellers|team))\b/i.test(after)) return 'other';
    // A share of a target or of deals ("once they reach 120% of their target", "30% of our deals").
    if (/^\s*(?:of\s+)?(?:their|its|your|the|our|all)\s+(?:[\w-]+\s+)?(?:targets?|quotas?|plans?|deals|customers|accounts|wins|pipeline)\b/i.test(after)) return 'other';
    // An add-on ("plus an extra 5% back-end rebate") is not the whole payout the band is about.
    if (/\b(?:extra|additional|plus|another|further|bonus|kicker|accelerator|uplift|top-up)\s+(?:[\w-]+\s+)?$/i.test(before) || /^\s*(?:[\w-]+\s+){0,3}(?:on top|bonus|kicker|accelerator)\b/i.test(after)) return 'other';
    // A volume, growth or year-end rebate, or a commission on renewals, comes on top of the payout the band is about.
    if (/^\s*(?:[\w-]+\s+)?(?:volume|growth|back-?end|year-end|performance|loyalty|attainment)\s+(?:rebate|bonus)\b/i.test(after) || /\b(?:volume|growth|back-?end|year-end|performance|loyalty)\s+(?:rebate|bonus)\s+(?:of\s+)?(?:up to\s+)?$/i.test(before)) return 'other';
    // What partners pay us ("Partners pay a 2% platform fee") is not what they earn.
    if (PARTNER_PAYS.test(before)) return 'other';
  }
  // The company's own margin, written out or abbreviated ("GM 84%", "84% GM", "gross margins of 78%").
  if (
    /\b(?:gross|operating|contribution|profit|net|ebitda|blended|software|hardware)\s+(?:\w+\s+)?margins?\b/i.test(before) ||
    /\bGM\b\s*(?:of|is|are|at|:|=|~|≈|>|≥|above|over|around|about)?\s*(?:~|≈)?\s*$/.test(before) ||
    /^\s*gross margin/i.test(after) ||
    /^\s*GM\b/.test(after)
  )
    return 'grossMargin';
  // A commission on renewals is paid on a later year, not on the first year the band is about.
  if (/\brenewals?\s+(?:commission|fee|payout|rate)s?\b[^.;%]{0,25}$/i.test(contextOnly ? text : before) || /^\s*(?:[\w-]+\s+)?(?:on|of) (?:each |every |all )?renewals?\b/i.test(after)) return 'other';
  // The company's own figures: "net revenue retention of 118%", "churn is 3%", "the 55% floor the CFO set",
  // "a 2% prompt-payment discount" (a payment term, not a margin).
  if (
    /\b(?:net (?:revenue|dollar) retention|NRR|NDR|GRR|gross retention|logo retention|churn|win rate|conversion rate|quota attainment|uptime)\b(?:\s+(?:rate|was|is|of|at|:|=))*\s*(?:~|≈|about|around)?\s*$/i.test(before) ||
    /^\s*(?:floor|threshold|hurdle)\b/i.test(after) ||
    /^\s*(?:[\w-]+\s+)?(?:prompt|early)[- ]?payment\b/i.test(after)
  )
    return 'other';
  // A discount on the partner's own licences (internal use, demo, NFR) is not what it earns on a sale.
  // So is a discount on what the partner buys for itself ("Discount for additional support").
  // Read in the list item that holds the number: "12% off MSRP, DR, portal access, NFR" lists NFR as another benefit.
  const item = contextOnly ? near : `${before.slice(before.lastIndexOf(',') + 1)} ${after.slice(0, after.indexOf(',') < 0 ? after.length : after.indexOf(','))}`;
  if (OWN_USE.test(item)) return 'other';
  // What the partner buys at: a resale, trade or buy-price discount is its margin.
  if (/\b(?:resale|reseller|trade|wholesale|dealer|distributor|buy(?:ing)?)\s+(?:discount|price)\b/i.test(near) && !/\bend[- ]customers?\b|\bcustomers? (?:get|receive)\b/i.test(near)) return 'payout';
  if (!contextOnly && PAYOUT_RIGHT_AFTER.test(after) && !/\b(?:gross|operating|contribution|profit)\s*$/i.test(before)) return 'payout';
  // What the customers get ("Referred customers receive 20% off their first year") is their discount.
  // What a partner charges its own clients ("consultancies bill the clinic separately, typically 5% of
  // the software spend") is the partner's price, not what the program pays it.
  if (new RegExp(String.raw`\b(?:${ANY_PARTNER}|they)\b[^.;]{0,20}\b(?:bill|bills|charge|charges|invoice|invoices)\s+(?:the|their|its|each)\s+(?:[\w-]+\s+)?(?:clients?|customers?|end[- ]customers?|clinics?|practices?|accounts?)\b`, 'i').test(before)) return 'other';
  // So is what a group of buyers pays ("Schools and registered charities pay 40% below list").
  if (BUYERS_GET.test(before) && /^\s*(?:[\w-]+\s+)?(?:off|discount|less|lower|below)\b/i.test(after)) return 'customerDiscount';
  // A tier's benefits: "You get: 25% off list, access to market development funds".
  if (!contextOnly && inTier && /^\s*(?:trade |partner |reseller )?(?:off list|off|discount|below list)\b/i.test(after)) return 'payout';
  // "MDF may never fund a discount of more than 10% to a customer": the number is the customer's discount.
  if (/\bdiscounts?\s+(?:of\s+)?(?:more than|over|above|beyond|up to|at most|greater than)?\s*$/i.test(before) && /^\s*(?:off\b|to (?:a |the |any )?(?:end[- ])?(?:customers?|clients?|buyers?))/i.test(after)) return 'customerDiscount';
  // A change of a payout: "the tier discount moves from 15% to 12%" (the first is the old value).
  if (!contextOnly && /\bfrom\s*$/i.test(before) && /^\s*to\s+\d/i.test(after)) return 'other';
  // A partner discount or margin named right before its number is a payout, whatever else the sentence funds.
  if (!contextOnly && /\b(?:tier|partner|reseller|dealer|channel|trade)\s+(?:discount|margin)s?\b[^.;%]{0,30}$/i.test(before) && !CUSTOMER_WORDS.test(before.slice(-40))) return 'payout';
  if (MDF_WORD.test(near)) {
    // A share of something other than revenue: "5% of our marketing budget", "50% of each campaign's
    // cost", "80% of MDF requests", "30% of MDF can be spent on events", "3% of partners".
    if (!contextOnly && /^\s*\)?\s*(?:of\s+)?(?:the\s+|our\s+|each\s+|every\s+|their\s+|its\s+|all\s+)?(?:[\w'’-]+\s+){0,2}?(?:(?:marketing )?budgets?|campaigns?|costs?|spend|partners|requests|claims|applications|MDF|funds?|events?|activities)\b/i.test(after)) return 'other';
    return 'mdf';
  }
  // The channel's share of the company's revenue: "5% of new ARR", "18 per cent of the total",
  // "Channel revenue ≥ 10% of total", "Channel % of ARR: 12%".
  if (
    /^\s*(?:of\s+)?(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?(?:(?:total|new|our|company|overall|annual|net new|net-new|new-logo|all|recurring)\s+)*(?:revenue|bookings|ARR|MRR|sales|turnover|total|new business)\b/i.test(after) &&
    (/\b(?:channel|partners?|indirect|resellers?|referrals?|partner[- ](?:sourced|led|influenced))\b/i.test(near) || PARTNER_NOUN.test(near)) &&
    !/\b(?:commission|margin|fee|discount|rebate|rev(?:enue)?[- ]share)\b/i.test(near)
  )
    return 'revenueShare';
  if (/\b(?:channel|indirect|partner)(?:[- ](?:sourced|led|influenced))? (?:revenue|share|bookings|ARR)\b|\bchannel %|\bshare of total\b/i.test(before) && !/\b(?:commission|margin|fee|discount|rebate|payout)\b/i.test(near)) return 'revenueShare';
  // A region's or another motion's share ("EMEA should generate 25% of total bookings", "expansion should deliver 30%") is not the channel's.
  if (
    !contextOnly &&
    /^\s*(?:of\s+)?(?:(?:total|new|our|company|overall|annual|net new|net-new|all)\s+)*(?:revenue|bookings|ARR|sales)\b/i.test(after) &&
    /\b(?:EMEA|APAC|LATAM|NAMER|Europe|DACH|Nordics|regions?|expansion|upsell\w*|renewals?|inbound|outbound|self-serve|PLG|product-led)\b[^.;]{0,30}\b(?:should|will|to|must)\s+(?:generate|deliver|bring|account for|contribute|make up|reach)\s*$/i.test(before) &&
    !/\b(?:channel|partners?|indirect|resellers?|referrals?)\b/i.test(before)
  )
    return 'other';
  if (/^\s*(?:of\s+)?(?:(?:total|new|our|company|overall|annual|net new|all)\s+)*(?:revenue|bookings|ARR|sales)\b/i.test(after) || /\bshare of (?:(?:total|new|our)\s+)?(?:revenue|bookings|ARR)\b|\brevenue (?:contribution|share through|through)\b|\bof revenue\b/i.test(near) && !/\b(?:partners? (?:get|gets|receive|earn|keep)|commission|rev(?:enue)?[- ]share (?:to|for|with|of))\b/i.test(before))
    return 'revenueShare';
  if (/\b(?:activation|satisfaction|churn|growth|grow|win rate|conversion|hit ratio|renewal|retention|uptime|attach rate|utili[sz]ation|completion|of (?:partners|resellers|our partners))\b/i.test(near) && !/\b(?:margin|commission|fee)\b/i.test(after.slice(0, 25))) return 'other';
  // The partners' own discount by a possessive: "Premier resellers … which brings their total discount to 34%".
  if (!contextOnly && PARTNER_NOUN.test(text.slice(0, at)) && !CUSTOMER_WORDS.test(text.slice(0, at)) && /\b(?:their|its|your)\s+(?:(?:total|overall|effective|combined|full|blended|new|resale|buy(?:ing)?)\s+)?(?:discount|margin)\s*(?:(?:rises |goes |climbs |comes )?to|of|is|at|reaches|becomes)?\s*(?:up to |about |around )?$/i.test(before) && !CUSTOMER.test(near)) return 'payout';
  if (PARTNER_GETS.test(before) && (/\bdiscount|\boff\b|\bbelow list\b|\bfrom (?:the )?list\b/i.test(after.slice(0, 40)) || /\bdiscount (?:of )?$/i.test(before))) return 'payout';
  if (/\b(?:reseller|partner|channel|distributor|dealer|msp|var|wholesale)\s+discounts?\s*(?:of|is|:|at)?\s*$/i.test(before) || PARTNERS_DISCOUNT_LABEL.test(before)) return 'payout';
  // The partner's margin named as the subject: "Your margin as an authorised reseller is 18%".
  if (/\b(?:your|their|its|the partner['’]s|the reseller['’]s|partner|reseller)\s+(?:margin|commission|referral fee|rebate|payout)s?\b[^.;:%]{0,40}\b(?:is|are|of|at|equals?)\s*(?:up to |about |around )?$/i.test(before)) return 'payout';
  // A discount off list that the partner gets ("MSPs reselling the bundle: 35% off list", "you get a 40% discount")
  // is what the partner earns; one that end customers get is a customer discount.
  const GIVES = /\b(?:give|gives|giving|offer|offers|grant|grants|extend|extends|pass on|discount|discounts)\b(?! (?:of|is|are)\b)[^.]{0,40}$/i;
  if (!contextOnly && /\bdiscount|\boff list\b/i.test(after.slice(0, 25)) && !CUSTOMER.test(near) && !GIVES.test(before) && (PARTNER_NOUN.test(before) || /\byou (?:get|receive|earn|keep|buy)\b/i.test(before))) return 'payout';
  if (CUSTOMER_DISCOUNT_WORDS.test(near) && /\bdiscount|\boff\b/i.test(near)) return 'customerDiscount';
  if (/\bdiscounts? (?:beyond|above|over|of more than|greater than)\s*$/i.test(before) || /^\s*off\b/i.test(after)) return 'customerDiscount';
  if (/\b(?:margins?|commissions?|referral fees?|finder'?s? fees?|fees?|rebates?|bount(?:y|ies)|payouts?|rev(?:enue)?[- ]share|kickback)\b/i.test(contextOnly ? after : after.slice(0, 40)) || /\b(?:margins?|commissions?|referral fees?|fees?|rebates?|payouts?|rev(?:enue)?[- ]share)\b(?:\s+(?:on|for|to|paid to|from)\s+[^.;:%]{0,40}?)?\s*(?:of|is|are|at|:|=|will be|would be|rate of|rate is|equal to|equals|amounting to)?\s*(?:(?:up to|about|around|roughly|between)\s+)?$/i.test(before))
    return 'payout';
  if (/\b(?:reseller|partner|channel|distributor|dealer|msp|var|wholesale)\b[^.]{0,12}\bdiscounts?\b/i.test(near) || /^\s*(?:reseller|partner|channel) discount/i.test(after)) return 'payout';
  if ((PARTNER_NOUN.test(before) || /\byou\b/i.test(before)) && /\b(?:get|gets|receive|receives|earn|earns|keep|keeps|are paid|is paid|retain|retains|take|takes|make|makes|paid)\b/i.test(before.slice(-50)) && /^\s*(?:of|on|in)\b/i.test(after)) return 'payout';
  // "we pay you 20% of everything the client pays": the company paying the partner.
  if (PAYS_THE_PARTNER.test(before) && /^\s*(?:of|on)\b/i.test(after)) return 'payout';
  if (/\bof (?:the |their |your )?(?:[\w-]+['’]s )?(?:first[- ]year|year[- ](?:one|1)|annual|recurring|the customer's|what the customer pays|each deal|contract value|ACV|deal value|net revenue from|license)/i.test(after) && !/\bdiscount/i.test(near)) return 'payout';
  if (/\bdiscount/i.test(near)) return 'customerDiscount';
  return 'other';
}

// ---- payout operations ------------------------------------------------------------

/**
 * How partners get paid, read from its parts: what partners earn (commissions, fees, payouts,
 * "partners get paid") and its operation (a cadence, a reconciliation, a statement or earnings
 * dashboard). Pay to employees, suppliers or the direct team, partners paying the company,
 * statements of work and open questions do not count.
 */
const PAYOUT_OPS_PHRASES = /\breconcil\w*|\bstatements?\b|\b(?:pay|pays|paid|payouts?|payments?|settle\w*)\b[^.;]{0,40}\b(?:monthly|quarterly|weekly|annually|each (?:month|quarter)|every (?:month|quarter)|end of (?:each|the|every) (?:month|quarter)|net[- ]?\d+|within \d+ days)\b|\bpaid (?:monthly|quarterly|annually|each (?:month|quarter)|every (?:month|quarter)|on the|within|net[- ]?\d+|by (?:ach|wire|bank transfer|direct deposit))|\bpay(?:s|outs?)? (?:\w+ )?(?:monthly|quarterly|each (?:month|quarter))|\bpayout (?:cadence|schedule|dates?)\b|\b(?:wired|paid|settled) (?:each|every|at the end of the|when each) (?:month|quarter)|\b(?:monthly|quarterly) (?:payouts?|payments?|settlements?)\b|\bcommission (?:tracking|dashboard|reports?)\b|\b(?:\d+|\w+) days after (?:receipt|the customer|we receive|payment|invoic\w+)|\bafter receipt of (?:an? |the )?(?:invoice|payment)\b|\b(?:payouts?|payments?|rebates?|fees?|commissions?) (?:are |is )?(?:made|go out|paid out|sent|issued)\b[^.]{0,30}\b(?:monthly|quarterly|annually|twice a year|semi-?annually|each|every)\b|\b(?:track|see|view|check)\b[^.]{0,40}\b(?:commissions?|payouts?|earnings|rebates?|fees?)\b[^.]{0,70}\b(?:dashboard|portal|real time|statement)/i;
const PARTNER_EARNINGS =
  /\b(?:commissions?|fees?|payouts?|pay-?outs?|rebates?|earnings|rev(?:enue)?[- ]shares?|referral (?:fees?|payments?)|partner (?:payments?|payouts?)|margins? true-?ups?)\b|\b(?:partners?|resellers?|referrers?|affiliates?|agencies|you)\b[^.;]{0,30}\b(?:get|gets|are|is|will be)\s+paid\b|\bget paid\b/i;
const PAYOUT_OPERATION =
  /\b(?:monthly|quarterly|weekly|annually|fortnightly|twice a month|(?:once|twice) a (?:month|quarter)|each (?:month|quarter)|every (?:month|quarter|two weeks)|end of (?:each|the|every) (?:month|quarter)|net[- ]?\d+|within (?:\d+|one|two|three|five|seven|ten|fourteen|thirty|forty-five|sixty) (?:business )?days|\d+ days after|on the \d+(?:st|nd|rd|th)|in arrears)\b|\breconcil\w*|\bsettle[sd]?\b|\b(?:earnings|commission|payout) (?:statements?|dashboards?|reports?)\b|\bstatements?\b|\bdashboard\b[^.;]{0,40}\b(?:paid|pending|approved|earned)\b/i;
const NOT_PARTNER_PAY =
  /^\W*(?:our )?(?:AEs?|reps?|SDRs?|BDRs?|employees?|staff|salar(?:y|ies)|suppliers?|vendors?|contractors?|salespeople|sellers)\b|\bpay (?:our |the )?(?:vendors?|suppliers?|contractors?|employees?|staff|landlord)\b|\b(?:settle|pay) (?:their|its|your|our) (?:account|invoices?|bills?|balance)s?\b|\bthrough payroll\b|\b(?:customers?|clients?) (?:renewals?|refunds?)\b|\b(?:customer|client) renewals? are reconciled\b|\b(?:partners?|resellers?|distributors?|they|you) (?:\w+ )?(?:pay|settle) (?:us|their invoices|our invoices)\b|\bstatements? of work\b|\bpain point\b|\b(?:partner|membership|program|annual|listing|platform) fees?\b[^.;]{0,40}?(?:\bfree\b|[$£€]\s?\d|\b(?:EUR|USD|GBP|CHF)\s?\d|\/\s*(?:month|year)|\bbilled\b)|\bmembership fees?\b|\bknown (?:issue|problem)\b|:\s*(?:tbd|tbc|to be \w+)\b/i;
function statesPayoutOps(text: string): boolean {
  // Sales reps' commissions with payroll, a competitor's payouts, statements not available yet: not ours.
  if (isHedged(text) || NOT_PARTNER_PAY.test(text) || OTHER_COMPANY.test(text) || /\b(?:sales )?reps['’]? commissions?\b|\bwith payroll\b|\bnot (?:yet )?available\b/i.test(text)) return false;
  const phrase = PAYOUT_OPS_PHRASES.exec(text);
  if (phrase && !isNegatedAt(text, phrase.index)) return true;
  const op = PAYOUT_OPERATION.exec(text);
  return PARTNER_EARNINGS.test(text) && !!op && !isNegatedAt(text, op.index);
}
const PAYOUT_OPS_CUE = /paid|pay|reconcil|statement|settle|commission|fee|payout|rebate|earning|dashboard/i;

export function payoutOps(ev: Evidence): Sentence | null {
  return ev.plan.statements('payoutOps', (s) => s.test(PAYOUT_OPS_CUE) && statesPayoutOps(s.text))[0] ?? ev.plan.answersWith('payoutOps', statesPayoutOps)[0] ?? null;
}

/**
 * Paying partners by cheque, read from its parts: a cheque as a means of payment ("by cheque", "a
 * paper check", "method: check", "cuts a check") and what partners are paid (commissions, fees,
 * payouts, "partners get"), not what customers or partners pay the company, refunds or expenses.
 */
const CHEQUE =
  /\bcheques?\b|\b(?:by|via|with|as|a|paper|bank|mailed|posted|physical)\s+(?:a\s+)?(?:paper\s+)?checks?\b|\bchecks?\s*(?:\(|,? mailed|,? posted|in the mail|by (?:post|mail))|\b(?:method|payment|payout)s?\s*[:=|—–-]\s*(?:a\s+)?(?:paper\s+)?checks?\b|\b(?:cuts?|mails?|sends?|posts?|issues?|writes?) (?:\w+ ){0,2}?(?:a |the |paper )?checks?\b|\|\s*checks?\b/i;
const PARTNER_PAYOUT = new RegExp(
  String.raw`\b(?:pay(?:s|ing)? (?:out )?|mails?|sends?|posts?)\s*(?:our |all |each |every |the )?${ANY_PARTNER}\b|` +
  /\bpay(?:s|ing)? (?:out )?(?:our |all |each |every )?(?:partners?|resellers?|referrers?|affiliates?)\b|\bwe(?:'ll| will)? (?:pay|mail|send|post)\b(?! (?:our |the )?(?:vendors?|suppliers?|contractors?|staff|employees))|\b(?:mail|send|post)s? you\b|\b(?:commissions?|fees?|payouts?|pay-?outs?|rebates?|bonus(?:es)?|bount(?:y|ies)|spiffs?|earnings|earned|referral (?:fees?|payments?)|partner (?:payments?|payouts?))\b|\b(?:partners?|resellers?|referrers?|affiliates?|agencies|MSPs?|VARs?|each partner)\b[^.;]{0,40}\b(?:get|gets|receive|receives|are paid|is paid|paid)\b|\bto (?:each |every |the |our )?partners?\b/i.source,
  'i',
);
const NOT_A_PAYOUT_BY_CHEQUE =
  /\b(?:customers?|clients?|buyers?) (?:may |can |will |must )?(?:pay|pays) (?:us|their|invoices|by|with)\b|\b(?:partners?|resellers?|they|you) (?:\w+ )?(?:pay|pays) us\b|\brefunds?\b|\bexpenses?\b|\breimburse\w*|\bemployees?\b|\bno (?:more )?(?:cheques?|checks?)\b|\bnever (?:by )?(?:cheques?|checks?)\b|\bnot (?:by )?(?:cheques?|checks?)\b|\binstead of (?:a )?(?:cheques?|checks?)\b|\b(?:background|credit|health|spot|sanity|reference|compliance|quality) checks?\b|\bcheck(?:-?ins?|[- ]?lists?|[- ]?points?)\b/i;
function paysPartnersByCheque(text: string): boolean {
  if (isHedged(text) || WISH.test(text) || NOT_A_PAYOUT_BY_CHEQUE.test(text)) return false;
  const c = CHEQUE.exec(text);
  return !!c && PARTNER_PAYOUT.test(text) && !isNegatedAt(text, c.index, 20);
}

export function chequePayments(ev: Evidence): Sentence[] {
  // "Paid by check at quarter end" under a "Payment" bullet or in the economics section: the partner's pay.
  const inContext = (s: Sentence) =>
    /\b(?:paid (?:out )?|(?:payments?|payouts?|remittances?) (?:(?:go|goes|are|is) (?:out|made|sent|issued) )?)by (?:cheque|check)\b/i.test(s.text) && !NOT_A_PAYOUT_BY_CHEQUE.test(s.text) && !/\bclaims?\b|\bMDF\b|\bco-?op\b|\breimburs/i.test(s.text) && !s.section?.inTopic('mdf') && (!!s.section?.inTopic('economics') || /\bpay(?:ment|ments|outs?)?\b|\bfees?\b|\bcommissions?\b/i.test(ev.plan.parentItem(s.unit)?.text ?? ''));
  const said = ev.plan.statements('cheques', (s) => s.test(/\bcheque|\bcheck/i) && paysPartnersByCheque(s.text));
  const framed = ev.plan.statements('chequeWords', (s) => s.test(/\bcheque|\bcheck/i)).filter((s) => !said.includes(s) && inContext(s));
  if (framed.length) return ev.plan.inOrder([...said, ...framed]);
  const answered = ev.plan.answersWith('cheques', (t) => /\bcheque|\bcheck/i.test(t) && paysPartnersByCheque(t)).filter((a) => !said.includes(a));
  return answered.length ? ev.plan.inOrder([...said, ...answered]) : said;
}

// ---- MDF --------------------------------------------------------------------------

/** A section that lists what the page leaves out. */
const NOT_COVERED_HERE = /\b(?:does not|doesn't|do not|don't) cover\b|\bout of scope\b|\bnot covered\b/i;

/**
 * The statements that offer MDF: not hedged, not said to be covered elsewhere, not a label answered
 * with a no ("MDF: not this year"), not denied. What mdf-claims asks a claims process of, and what
 * the MDF section lens asks it of (one reading for both).
 */
export function mdfOffered(ev: Evidence): Sentence[] {
  return ev.mdfStatements.filter((s) => {
    const m = MDF_WORD.exec(s.text);
    if (isHedged(s.text) || COVERED_ELSEWHERE.test(s.text) || LABEL_DENIED.test(s.text) || (s.section?.title && NOT_COVERED_HERE.test(s.section.title))) return false;
    return m ? !isNegatedAt(s.text, m.index) : !!s.section?.inTopic('mdf');
  });
}

export function mdfStatements(ev: Evidence): Sentence[] {
  const re = /\bMDF\b|\bmarket(?:ing)? development funds?\b|\bco-?op (?:funds|marketing funds?)\b|\bmarketing funds?\b/i;
  // Statements naming MDF, and every statement under an MDF heading (subsections included).
  const sectioned = ev.plan.sectionsWith('mdf').flatMap((sec) => sec.allSentences()).filter(isStatement);
  return ev.plan.inOrder([...ev.plan.matching(re), ...sectioned]);
}

/** Expenses of the company's own people are reimbursed too: not MDF. */
const NOT_MDF_CLAIM = /\btravel\b|\bemployees?\b|\bexpense claims?\b|\b(?:employee|staff|team) expenses?\b|\bexpenses? (?:are|is) reimbursed\b/i;

/**
 * MDF claimed against proof or approved up front, read from its parts: money that moves (a claim, a
 * refund, funding released or paid out) and what it waits for (invoices, receipts, photos, lead
 * lists, results), or an approval before the activity starts. Another vendor's MDF to us and our
 * own marketing are not the program's.
 */
const MDF_MONEY_MOVES = /\b(?:claims?|claimable|claimed|refund\w*|reimburs\w*|released?|paid out|pays? out|payouts?|honou?red|settled?)\b/i;
const MDF_PROOF = /\b(?:invoices?|receipts?|photos?|attendee lists?|lead lists?|results?(?: reports?)?|delivered assets|proof|evidence|documented|documentation|screenshots?)\b/i;
const MDF_APPROVED_FIRST = /\b(?:approv\w*|accepted|sign-?off|signed off)\b[^.;]{0,60}\b(?:before|prior to|ahead of|once)\b|\b(?:before|prior to|ahead of)\b[^.;]{0,60}\b(?:approv\w*|accepted|sign-?off|signed off)\b|\bplan\s*(?:→|->|>)\s*approv\w*/i;
const NOT_OUR_MDF = /\b(?:their|AWS['’]s?|Microsoft['’]s?|Google['’]s?|a vendor['’]s|vendors['’]) (?:MDF|marketing funds?)\b|\brequires us\b|\bour own (?:\w+ )?(?:marketing|demand gen\w*|campaigns?)\b/i;
/** The money waits for the proof: "claims require photos", "refunded when they send the invoice", "honoured only when backed by receipts". */
const CLAIM_AGAINST_PROOF = new RegExp(
  `${MDF_MONEY_MOVES.source}[^.;]{0,80}?\\b(?:against|when|once|after|with|backed by|on (?:receipt|presentation|submission) of|requires?|needs?|only (?:when|if|with))\\b[^.;]{0,50}?${MDF_PROOF.source}`,
  'i',
);
function statesMdfClaimTerms(text: string): boolean {
  if (NOT_OUR_MDF.test(text) || isHedged(text)) return false;
  // What is approved first is the money's use (a plan, an activity, a request), not content or branding.
  return CLAIM_AGAINST_PROOF.test(text) || (MDF_APPROVED_FIRST.test(text) && /\b(?:plans?|activit(?:y|ies)|campaigns?|requests?|proposals?|events?)\b/i.test(text) && !/\bbudgets?\b|\ballocat\w+|\bannual(?:ly)?\b|\beach (?:year|January|quarter)\b/i.test(text) && /\bMDF\b|\bfund(?:s|ed|ing)?\b|\bspend(?:ing)?\b|\bmoney\b|\breimburs\w*|\breleased?\b/i.test(text));
}

export function mdfClaims(ev: Evidence): Sentence | null {
  const pool = ev.mdfStatements.length ? [...ev.mdfStatements, ...ev.plan.matching(/\b(?:campaign|marketing) plan\b|\breimburs/i)].filter((s) => !NOT_MDF_CLAIM.test(s.text) && !NOT_OUR_MDF.test(s.text)) : [];
  return ev.find(
    /\b(?:marketing|campaign|business|activity) plans?\b[^.]{0,60}\b(?:approv\w*|submit\w*|signed|before|up front|upfront|in advance|required|first|at the start)|\bplans?\b[^.]{0,40}\b(?:approved|signed off)\b[^.]{0,30}\b(?:up front|upfront|in advance|before|first)\b|\b(?:needs?|requires?) (?:a |an )?(?:short |written |simple |one-page )?(?:plan|brief|proposal)\b|\b(?:brief|plan|proposal) (?:has to|must|needs to) be (?:signed off|approved)\b|\bno (?:proof|plan|receipts?|invoices?)\b[^.,;]{0,30},\s*no (?:payout|payment|reimbursement|funds?|money|MDF)\b|\bclaim(?:s|ed)? with proof\b|\bagainst (?:evidence|proof|receipts|invoices)\b|\bafter execution\b|\bpre[-_]?approv\w*|\bproof[_ ]of[_ ](?:execution|performance|spend|completion)\b|\bsubmit\w* (?:a |an |their )?(?:\w+ )?(?:marketing |campaign )?(?:plan|proposal)\b|\bproof of (?:execution|performance|spend|completion)\b|\b(?:released|paid|granted|funded|reimbursed) against (?:an? )?(?:approved |pre-approved )?(?:[\w-]+ ){0,3}plans?\b|\bapproved (?:[\w-]+ ){0,3}plans?\b|\breimburs\w+|\bpaid against\b|\bclaims? (?:are|is) (?:paid|reimbursed|settled)|\bpre-?approv\w+/i,
    pool,
  ) ?? pool.find((s) => statesMdfClaimTerms(s.text)) ?? null;
}
