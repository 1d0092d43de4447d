/**
 * What the company knows about how it sells: who buys (the ideal customer profile), what they pay
 * (pricing), and how long a deal takes (the sales cycle). Each reading is built from the parts a
 * careful reader looks for, in any order within a sentence, so it carries to phrasing it has not
 * seen: a customer profile is a buyer noun plus what singles the buyers out (a size, a sector, a
 * place); pricing is an amount per unit or period, or a price said to be settled; a sales cycle is
 * a duration between two points of a sale.
 */
import { findDurations, findMoney } from '../numbers.js';
import { isHedged, UNSETTLED } from '../language.js';
import { OTHER_COMPANY } from '../vocabulary.js';

// ---- sales cycle ------------------------------------------------------------------------------

/** The length of a sale, named as such. */
const CYCLE_NAME =
  /\b(?:sales|buying|purchas(?:e|ing)|deal|procurement|selling|evaluation|contract)[- ]cycles?\b|\bcycle(?: length| time)?\b|\btime[- ]to[- ](?:close|sign|buy|contract|win|purchase|revenue)\b|\bdays? to close\b|\bvelocity\b/i;
/** The end of a sale: a close, a signature, an order. */
const SALE_END =
  /\b(?:close[sd]?|closing|closed[- ]won|won|sign(?:s|ed|ing|ature)?|signed contract|contracts?|PO|purchase orders?|order|buy|buys|purchase|go(?:es)?[- ]live|booking|booked)\b/i;
/** The start or the unit of a sale: a deal, an opportunity, a first meeting. */
const SALE_START =
  /\b(?:deals?|opportunit(?:y|ies)|opps?|SQLs?|SQOs?|MQLs?|leads?|prospects?|buyers?|customers?|clients?|accounts?|first (?:call|meeting|demo|touch|contact)|discovery(?: calls?)?|demos?|trials?|pilots? to|evaluations?)\b/i;
/** Not a known length: a goal, a plan to measure it, a partner's cycle, no pattern at all. */
const NOT_A_CYCLE =
  /\b(?:goal|aim|target|want|hope|shorten|reduce|cut|bring (?:it |this )?down|will be (?:measured|known|tracked)|we(?:'ll| will) (?:measure|learn|know|find out)|to be (?:measured|determined|confirmed)|unknown|unpredictable|varies (?:widely|wildly|a lot)|no (?:idea|typical|clear)|don't know|do not know|anywhere from|(?:partners?|resellers?|they) (?:must|should|need to) (?:tell|share|report|give))\b/i;

/** A sentence that states how long the company's sales take. */
export function statesSalesCycle(text: string): boolean {
  // "close between day 40 and day 60" counts days too.
  if (!findDurations(text).some((d) => d.unit !== 'hour') && !/\bday \d+\b/i.test(text)) return false;
  if (NOT_A_CYCLE.test(text) || isHedged(text)) return false;
  if (CYCLE_NAME.test(text)) return true;
  // "Deals take four to six months", "enterprise opportunities run 4-6 months".
  if (/\b(?:deals?|opportunit(?:y|ies)|opps?|contracts?|sales|purchases?)\s+(?:\w+\s+)?(?:take|takes|run|runs|last|lasts|need|needs|close|closes)\b/i.test(text)) return true;
  // "Hospitals take 6-9 months to buy": whoever buys, a time taken to reach a decision.
  if (/\b(?:take|takes|need|needs)\b[^.;]{0,30}\bto (?:buy|sign|close|purchase|decide|commit|contract)\b/i.test(text)) return true;
  // "Hospitals take 6-9 months to buy", "Most deals go from first demo to PO in under 60 days".
  return SALE_START.test(text) && SALE_END.test(text) && /\b(?:take|takes|took|run|runs|last|lasts|go|goes|move|moves|need|needs|closes?|sign|signs|buy|buys|from|to|within|in under|in about|in around|on average|median|average|typical(?:ly)?|usually|expect)\b/i.test(text);
}

// ---- pricing ----------------------------------------------------------------------------------

/** The unit or period a price is quoted in ("per seat", "a month", "/ user", "each clinic"). */
const PRICE_UNIT =
  /^\s*(?:\+\s*)?(?:k|m)?\s*(?:(?:USD|EUR|GBP|CHF)\s*)?(?:list(?: price)?\b|(?:a|per|each|every|\/|for (?:each|every|a))\s*(?:[\w-]+\s*){0,2}?(?:seat|user|licen[cs]e|month|year|annum|annually|quarter|week|day|site|location|clinic|bed|invoice|transaction|call|unit|device|endpoint|employee|member|account|workspace|warehouse|store|vehicle|machine|project|module|instance|tenant|practitioner|doctor|student|school|hotel|room|property|branch|team|agent|node|server|repository|gb|tb|order|shipment|document|scan|job|hour|event|api)s?\b|(?:monthly|annually|yearly|a year|a month|per annum|p\.?a\.?|\/\s*(?:mo|month|yr|year)\b))/i;
/** A price said to be settled or uniform. */
const PRICE_SETTLED =
  /\bpric(?:ing|es?)\b[^.;]{0,60}\b(?:stable|settled|fixed|final|unchanged|simple|published|public|the same (?:for|across|in)|identical|one price|no (?:hidden|extra)|has(?:n't| not) changed|locked|known and consistent|consistent)\b|\bone price (?:for|across)\b|\bsame price (?:for|across|through|whether)\b|\b(?:price list|packaging|editions|plans|rate card|price book)\b[^.;]{0,60}\b(?:stable|settled|fixed|public|published|unchanged|has(?:n't| not) changed|well understood)\b|\b(?:published|public|stable|settled) (?:rate card|price list|pricing page|price book)\b|\bprice metric\b/i;
/** Money that is not a price: deal size, revenue, funding, a past price. */
const NOT_A_PRICE =
  /\baverage (?:[\w-]+ ){0,2}(?:contract|deal|order|basket)s?\b|\b(?:ACV|ARR|MRR|revenue|bookings|raised|funding|valuation|budget|spend|salary|deal size|pipeline|quota|MDF|commission|bonus|SPIFF|rebate|payout|credit)\b/i;
/** A price of the past: "in 2023", "we used to charge". */
const PAST_PRICE = /\bin (?:19|20)\d\d\b|\bused to (?:charge|cost)|\bwe charged\b|\b(?:was|were) priced\b/i;

/** A sentence that states what customers pay: an amount per unit or period, or a settled price. */
export function statesPricing(text: string): boolean {
  // Unsettled, someone else's (a competitor's) or past pricing says nothing of ours today.
  if (isHedged(text) || UNSETTLED.test(text) || /\b(?:not yet|to be (?:set|decided|defined)|under review|changing|will change|last year|before (?:re)?packaging|used to)\b/i.test(text) || OTHER_COMPANY.test(text)) return false;
  if (PRICE_SETTLED.test(text)) return true;
  // "Pricing is per study per year", "we price per tracked load": the unit is the pricing model.
  if (/\bpric(?:e|es|ed|ing)\s+(?:is\s+|are\s+)?(?:set\s+)?(?:per|by the|on a per)\b/i.test(text)) return true;
  if (PAST_PRICE.test(text)) return false;
  for (const m of findMoney(text)) {
    // Each amount is read in its own clause: "Average ACV is $18,000 at a list price of $1,500 per
    // month" gives a deal size and a price.
    const lead = text.slice(0, m.start);
    const clause = lead.slice(Math.max(lead.lastIndexOf(','), lead.lastIndexOf(';'), lead.lastIndexOf(' at '), lead.lastIndexOf(' and '), 0));
    if (NOT_A_PRICE.test(clause.slice(-60))) continue;
    if (PRICE_UNIT.test(text.slice(m.end, m.end + 40))) return true;
    // "Pricing: $8 per active user", "Each seat costs $40", "a flat $1,500 per clinic".
    if (/\b(?:pric(?:e|es|ed|ing)|costs?|fee|licen[cs]e|subscription|plan|tier)\b/i.test(text.slice(Math.max(0, m.start - 50), m.start))) return true;
  }
  return false;
}

// ---- ideal customer profile -------------------------------------------------------------------

/** Who the company sells to, named. */
const BUYER_NAME =
  /\bICP\b|\bideal (?:customers?|clients?|buyers?|accounts?)(?: profile)?\b|\btarget (?:customers?|clients?|segments?|markets?|buyers?|accounts?|verticals?)\b|\b(?:customer|buyer) profile\b|\b(?:segment|market|vertical|customers?|clients?|buyers?) we (?:serve|sell to|win|target|focus on)\b|\bwe (?:sell|selling) (?:to|into)\b|\bwe win (?:when|with|in)\b|\bour (?:best |typical |core )?(?:customers?|clients?|buyers?) (?:are|is)\b|\b(?:typical|core|best-fit|best fit) (?:customers?|clients?|buyers?|accounts?)\b|\bwho buys\b|\bbest[- ]fit\b|\b(?:is|are|sells?|makes?|builds?)\s+(?:an?\s+)?(?:[\w()-]+\s+){0,3}(?:software|platform|product|tool|app|solution|service|system)s?\s+(?:\([\w\s]+\)\s+)?(?:built\s+|made\s+)?for\b/i;
/** What singles the buyers out: a size, a sector, a place, a role. */
const PROFILE_MARK =
  /\d|\b(?:employees|staff|FTEs?|workers|people|seats|users|fee earners|beds|locations|sites|stores|hotels|clinics|branches)\b|\b(?:mid-?size|mid-?market|SMBs?|SMEs?|enterprises?|startups?|scale-?ups?|Mittelstand|Fortune)\b|\b(?:firms?|companies|businesses|manufacturers|retailers|banks|insurers|hospitals|clinics|practices|schools|universities|agencies|chains|groups|operators|providers|distributors|wholesalers|unions|councils|municipalities)\b|\b(?:heads? of|VPs?|directors?|managers?|leads?|officers?|CFOs?|CIOs?|CTOs?|CISOs?|owners?)\b|\bin (?:the )?(?:[A-Z][\w-]+|UK|US|EU|DACH|Nordics|EMEA|APAC)\b/;
/** The profile used as a yardstick ("customers in our ICP", "ICP fit score"), not stated. */
const PROFILE_REFERENCE =
  /\b(?:in|matching|match(?:es)?|within|outside|of|fits?(?: with)?|against) (?:our|the|your|their) (?:ICP|ideal customer(?: profile)?|target (?:customers?|segment))\b|\b(?:ICP|profile) (?:fit|score|overlap|match)\w*/gi;
/** Not a profile: to be decided, or everyone (a profile still open is `UNSETTLED`). */
const NOT_A_PROFILE =
  /\b(?:to be (?:defined|decided|confirmed)|unclear|everyone|everybody|anyone|any (?:company|business|size)|all sizes|we (?:are|'re) (?:still )?exploring|(?:partners?|resellers?)(?:'|’)s? (?:ICP|customers))\b/i;

/** A sentence that states who the company's ideal customer is. */
export function statesIcp(text: string): boolean {
  text = text.replace(PROFILE_REFERENCE, ' ');
  if (!BUYER_NAME.test(text) || openProfile(text)) return false;
  const named = BUYER_NAME.exec(text)!;
  // "Until 2023 our ICP was marketing agencies": a profile that was.
  if (/^\s*(?:was|were|used to be|had been)\b/i.test(text.slice(named.index + named[0].length))) return false;
  // What follows the name (or, in "…, and that is our ICP", what precedes it) describes the buyers.
  return PROFILE_MARK.test(text.slice(named.index + named[0].length)) || PROFILE_MARK.test(text.slice(0, named.index));
}

/** Cheap prefilters: a sentence that could hold each reading (the readings above decide). */
export const SALES_CYCLE_CUE = /\bcycle|\bclose|\bsign|\bbuy|\bPO\b|\bpurchase|\bvelocity|\bdeals?\b|\bcontract/i;
export const PRICING_CUE = /[$£€]|\b(?:USD|EUR|GBP|CHF)\b|\bpric(?:e|es|ed|ing)\b/i;
/** A labelled value ("ICP: …") that says the profile is still open. */
export function openProfile(text: string): boolean {
  return NOT_A_PROFILE.test(text) || UNSETTLED.test(text) || isHedged(text);
}
export const ICP_CUE = /\b(?:software|platform|product|tool|app|solution|service|system)s?\s+(?:\([\w\s]+\)\s+)?(?:built\s+|made\s+)?for\b|\bICP\b|\bideal\b|\btarget (?:customer|client|segment|market|buyer|account|vertical)|\bsegment|\bprofile|\bwe (?:sell|win)|\b(?:customers?|clients?|buyers?|accounts?) (?:are|is|we)\b|\bwho buys|\bbest[- ]fit/i;
