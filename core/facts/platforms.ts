/**
 * Selling with a platform vendor: a listing on its marketplace, and a co-sell motion with its own
 * sellers. Both are read from their parts: the platform (one list of vendors below), what of it is
 * meant (its store, its sellers, its co-sell program) and what the company does there. Hedged,
 * deferred, declined and past statements, and the company's own marketplace (partners' apps listed in
 * it, a store listing as a benefit developers get), do not count.
 */
import { isHedged, isNegatedAt, reportsThePast, statesDiscontinuation, WISH } from '../language.js';
import type { Sentence } from '../sentences.js';
import { oneOf, PLATFORM_VENDORS } from '../vocabulary.js';
import type { Evidence } from './index.js';

const PLATFORMS = oneOf(PLATFORM_VENDORS);

const PLATFORM = new RegExp(String.raw`\b(?:${PLATFORMS})\b`, 'i');

/** A platform's store: "AWS Marketplace", "Shopify App Store", "the Slack App Directory", AppExchange. */
const STORE = new RegExp(
  String.raw`\b(?:${PLATFORMS})(?:'s|’s)?\s+(?:[\w.-]+\s+){0,2}?(?:marketplaces?|app ?store|app directory|apps? (?:marketplace|center|centre|hub|gallery|directory)|integrations? (?:directory|marketplace)|exchange)\b|\bmarketplaces? (?:of|on) (?:${PLATFORMS})\b|\b(?:AppExchange|AppSource|App ?Store|cloud marketplaces?|hyperscaler marketplaces?|marketplace listings?)\b`,
  'i',
);
/** Being on the store: listed, live, published, bought through, a private offer. */
const ON_STORE =
  /\blist(?:ed|ing|ings|s)?\b|\blive\b|\bpublish\w*|\blaunch\w*|\bavailable\b|\b(?:can|may|will|to) (?:buy|purchase|procure|subscribe|install)\b|\b(?:buy|purchase|procure)s? (?:us|it|the product|\w+) (?:through|via|on|from)\b|\btransactable\b|\bsell(?:s|ing)? (?:on|through|via)\b|\bprivate offers?\b|\bSaaS (?:contract|subscription)s?\b|\bgo(?:es)? (?:to|on|live)\b|\bget (?:listed|on)\b|\b(?:onto|presence)\b|\bon (?:the )?\w*\s*(?:marketplace|app ?store|AppExchange|AppSource)\b|\|/i;
/** The company's own marketplace, or a listing refused or withdrawn. */
const NOT_OUR_LISTING =
  /\bour own (?:app )?(?:marketplace|app ?store|directory)\b|\bwe (?:run|operate|host) (?:a|an|our) \w*\s*marketplace\b|\b(?:rejected|declined|refused|withdrawn|pulled)\b|\bcompetitors?(?:'|’s?)?\b|\b(?:partners?|resellers?|SIs?|consultants?|agencies|MSPs?) (?:\w+ )?list (?:their|its)\b|\b(?:takes|charges|keeps) (?:a |an )?(?:\d|fee|cut|commission)|\bfees?\b|^\W*(?:every|each|all|their|partner|third-party)?\s*apps?\b|\b(?:developers?|partners?|ISVs?) (?:get|receive|earn)\b/i;

/** A sentence that says the product is, or will be, listed on a platform's marketplace. */
export function statesMarketplaceListing(text: string): boolean {
  const m = STORE.exec(text);
  if (!m || !ON_STORE.test(text)) return false;
  if (isNegatedAt(text, m.index) || isHedged(text) || NOT_OUR_LISTING.test(text) || statesDiscontinuation(text) || reportsThePast(text)) return false;
  // "customers buy from the marketplace of their choice": a marketplace in general is not a listing.
  return !/\bfrom\b[^.]{0,30}\bmarketplaces?\b(?! (?:of|on) )/i.test(text.slice(0, m.index + m[0].length)) || /\b(?:AWS|Azure|Google|Salesforce)\b/.test(m[0]);
}

/** A platform's own sellers: "AWS sellers", "Microsoft's industry sellers", "Salesforce AEs", "Snowflake's account teams". */
const PLATFORM_SELLERS = new RegExp(
  String.raw`\b(?:${PLATFORMS})(?:'s|’s)?\s+(?:[\w-]+\s+){0,3}?(?:sellers?|sales ?(?:reps?|teams?|people|force)|reps?|AEs?|account (?:teams?|managers?|executives?|reps?)|field(?: (?:sellers?|reps?|teams?|sales))?|customer engineers?|solution(?:s)? architects?|SAs|PDMs?|partner (?:sales|development) managers?|PSMs?|industry (?:sellers?|teams?)|territory (?:managers?|reps?)|partner (?:teams?|managers?)|RVPs?|enterprise (?:reps?|sellers?|teams?))\b`,
  'i',
);
/** Working deals together: mapping accounts, planning, calls, introductions, credit on each other's deals. */
const TOGETHER =
  /\bco-?sell\w*|\bjoint(?:ly)?\b|\bshared (?:accounts?|list|pipeline|customers?|deals?)\b|\bcommon (?:account|pipeline)\b|\baccount (?:planning|mapping|plans?)\b|\bmap(?:s|ping)? (?:\w+ )?accounts?\b|\bpipeline (?:reviews?|calls?|syncs?)\b|\bmeet(?:s|ing)?\b|\bwork(?:s|ing)? (?:with|alongside)\b|\bbring(?:s)? us (?:in|into)\b|\bintroduc\w+|\brefer(?:s|rals?)?\b|\bjoin (?:their|the) (?:customer )?calls?\b|\btrain(?:s|ing)?\b|\bquota credit\b|\bearn (?:\w+ )?credit\b|\bsubmit\w* (?:\w+ ){0,3}(?:through|via|in) ACE\b|\bsell(?:s|ing)? (?:with|alongside)\b|\bsolution brief\b|\btogether\b|\b(?:exchange|trade|swap|share)s? (?:\w+ )?(?:referrals?|leads?|target[- ]account lists?|account lists?|opportunities)\b|\bpipeline (?:call|meeting|review)s?\b|\bcoordinat\w+ (?:outreach|accounts?|pursuits?)\b|\bpursue\b|\bwork (?:\w+ ){0,3}on joint\b/i;
/** Co-sell programs by name. */
const COSELL_PROGRAM =
  /\bACE\b|\bISV Accelerate\b|\bco-?sell (?:ready|program(?:me)?|eligible|prioritized|incentivi[sz]ed)\b|\bIP co-?sell\b|\bPartner Advantage\b|\bPartner Center\b[^.]{0,40}\bco-?sell\b|\bco-?sell\b[^.]{0,40}\bPartner Center\b/i;
/** Co-selling with resellers or a customer's people, general remarks, deferrals. */
const NOT_PLATFORM_COSELL =
  /\b(?:with|alongside) (?:our )?(?:\w+ )?(?:resellers?|VARs?|MSPs?|distributors?|agencies|the customer(?:'s|’s)?|customers?(?:'|’)?)\b|\bis (?:hard|difficult|tough|a (?:\d{4}|later|future) topic)\b|\bnothing\b|\b(?:later|next year|someday|in (?:20\d\d|H2|Q[1-4]))\b[^.]{0,20}$/i;

/** A sentence that states a co-sell motion with a platform vendor's sellers. */
export function statesCoSell(text: string): boolean {
  if (isHedged(text) || WISH.test(text) || NOT_PLATFORM_COSELL.test(text) || reportsThePast(text) || statesDiscontinuation(text)) return false;
  const program = COSELL_PROGRAM.exec(text);
  if (program && !isNegatedAt(text, program.index)) return true;
  const sellers = PLATFORM_SELLERS.exec(text);
  if (sellers && !isNegatedAt(text, sellers.index) && TOGETHER.test(text)) return true;
  // "We co-sell with AWS", "co-selling with Microsoft in the UK".
  const co = /\bco-?sell\w*/i.exec(text);
  return !!co && !isNegatedAt(text, co.index) && PLATFORM.test(text);
}

/** Cheap prefilters for the readings above. */
export const MARKETPLACE_CUE = /marketplace|app ?store|appexchange|appsource|app directory|apps? (?:center|centre|hub|gallery|directory)|integrations? directory|exchange/i;
export const COSELL_CUE = new RegExp(String.raw`co-?sell|\bACE\b|ISV Accelerate|Partner Advantage|\b(?:${PLATFORMS})\b`, 'i');

/** Statements that the product is, or will be, listed on a platform's marketplace. */
export function marketplaceListings(ev: Evidence): Sentence[] {
  const stated = ev.plan.statements('marketplaceListing', (s) => s.test(MARKETPLACE_CUE) && statesMarketplaceListing(s.text));
  // An FAQ answer read with its question ("Q: Are we going on the NetSuite marketplace?" / "A: Yes: our SuiteApp listing goes live in Q2").
  const answered = ev.plan.answersWith('marketplaceListing', (t) => MARKETPLACE_CUE.test(t) && statesMarketplaceListing(t)).filter((a) => !stated.includes(a));
  return answered.length ? ev.plan.inOrder([...stated, ...answered]) : stated;
}

/** The first statement of a co-sell motion with a platform vendor's sellers. */
export function coSell(ev: Evidence): Sentence | null {
  return ev.plan.statements('coSell', (s) => s.test(COSELL_CUE) && statesCoSell(s.text))[0] ?? null;
}
