/**
 * Differentiation: a reason, other than price, for partners and their customers to pick the product
 * over the alternatives. Read from its parts: the alternatives (competitors, rivals, incumbents,
 * "nobody else", "the only …") set against something the product has or does, or a label that
 * announces the reason ("Why us:", "Our edge:", "What sets us apart:").
 */
import { isHedged } from '../language.js';

/** The product set against the alternatives. */
const AGAINST_ALTERNATIVES =
  /\bno (?:other )?(?:competitors?|rivals?|alternatives?|one else|other (?:vendor|tool|product|platform|provider|solution))\b|\b(?:nobody|no one) else (?:does|offers|has|can|matches|provides|sells|makes|is)\b|\bnone of (?:the )?(?:\w+ )?(?:competitors|rivals|alternatives|others)\b|\b(?:sets?|setting) us apart\b|\bunique(?:ly)?\b(?! (?:partner |customer |user )?(?:id|identifier|code|link|url|key)s?\b)|\bthe only\b(?! (?:requirement|condition|rule|exception|cost|thing we ask))|\bonly (?:\w+ ){0,3}(?:tool|product|platform|vendor|checker|solution|provider|one|option)\b|\bunlike (?:\w+ ){0,3}(?:competitors?|rivals?|alternatives?|incumbents?|others|legacy)\b|\b(?:beats?|outperforms?|better than|faster than|cheaper to run than) (?:\w+ ){0,3}(?:alternatives?|competitors?|rivals?|incumbents?|others|legacy|tools?)\b|\b(?:beat|win against|displace|replace) (?:the )?(?:alternatives|competitors|rivals|incumbents?)\b|\bover the (?:alternatives|competition|incumbents?)\b|\b(?:alternatives|competitors|rivals|incumbents?) (?:need|require|lack|can't|cannot|don't|do not|are disqualified)\b|\b(?:cloud-only|legacy) (?:rivals|competitors|vendors|tools)\b|\bcan(?:'t|not) (?:be )?(?:replicat|match|copy)\w*\b|\bwhich no (?:\w+ ){0,2}(?:matches|offers|has)\b|\bretire (?:\w+ ){0,3}(?:tools?|products?|consoles?|vendors?|systems?)\b|\b(?:in|into) one (?:agent|tool|platform|product|console)\b/i;
/** A label or phrase that announces the reason. */
const REASON_LABEL =
  /^\W*(?:why (?:us|(?:\w+ ){0,3}(?:lead with|pick|choose|prefer|push|recommend|sell|switch|buy|win|back|care|love|stay))|our (?:edge|moat|advantage|differentiator|USP|unique selling point)|what (?:sets us apart|makes (?:us|partners|customers|buyers|clients) (?:\w+ )?(?:different|choose|pick|prefer|switch))|differentiat\w*|positioning|competitive (?:edge|advantage))\b[^:]{0,40}:\s*\S/i;
/** Who picks the product, and why: "MSPs choose us because …", "Customers pick us for the NetSuite connector". */
const REASON_GIVEN =
  /\b(?:partners?|resellers?|msps?|advisors?|consultants?|teams?|customers?|clients?|buyers?|engineers?|firms?|SIs|hospitals|we)\b[^.]{0,40}\b(?:lead with|pick|picks|choose|chooses|recommend|prefer|push|win with|bring us)\b[^.]{0,60}\b(?:because|for (?:the|our)|since|thanks to)\b|\bis why (?:\w+ ){0,3}(?:bring|choose|pick|recommend|lead|win|buy)|\bdifferentiat\w+ (?:is|by|through)\b|\bwin (?:against|over) (?:\w+ ){0,3}\w+\b[^.]{0,40}\bnot (?:on )?price\b/i;
/** Differentiation said of something else ("differentiated partner tiers"), or wanted rather than had. */
const NOT_DIFFERENTIATION =
  /\bdifferentiated (?:partner |pricing |support )?(?:tiers?|levels?|pricing|margins?|discounts?)\b|\b(?:need|needs|want|hope|plan|try|trying) to (?:differentiate|stand out|be unique)\b|\b(?:unclear|not (?:yet )?clear|still (?:working|figuring))\b/i;
/** Price is not a reason in this sense ("we offer the biggest discounts", "we cost less"). */
export function priceOnly(text: string): boolean {
  return (
    /\bcheap(?:er|est)\b|\blow(?:er|est)? (?:price|cost)s?\b|\bless expensive\b|\bcosts? less\b|\bbest price\b|\b(?:biggest|largest|deepest|highest) (?:discounts?|margins?)\b|\b(?:price|pricing|cost)\b[^.]{0,30}\b(?:lower|less|cheaper|below)\b|\blower than\b/i.test(
      text.replace(/\b(?:rather than|instead of|over|not)\b[^.,;]*/gi, ''),
    ) && !/\bnot (?:on |just |only )?(?:on )?price\b/i.test(text)
  );
}

/** A sentence that gives partners a reason beyond price to lead with the product. */
export function statesDifferentiation(text: string): boolean {
  if (isHedged(text) || NOT_DIFFERENTIATION.test(text) || priceOnly(text)) return false;
  return AGAINST_ALTERNATIVES.test(text) || REASON_LABEL.test(text) || REASON_GIVEN.test(text);
}

export const DIFFERENTIATION_CUE =
  /because|\bfor (?:the|our)\b|since|thanks to|is why|differentiat|\bwin|\bno (?:other )?(?:competitor|rival|alternative|one else|other)|nobody else|apart\b|unique|\bonly\b|unlike|beats?|outperform|better than|faster than|alternatives|competitors|rivals|incumbent|replicat|\bmatch|retire|in one|^\W*(?:why|our (?:edge|moat|advantage|differentiator|USP|unique)|what (?:sets|makes)|differentiat|positioning|competitive)/i;
