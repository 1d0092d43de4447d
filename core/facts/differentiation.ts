/**
 * Differentiation: a reason, other than price, for partners and their customers to pick the product
 * over the alternatives. Read from its parts: the alternatives (competitors, rivals, incumbents,
 * "nobody else", "the only …") set against something the product has or does, or a label that
 * announces the reason ("Why us:", "Our edge:", "What sets us apart:").
 */
import { isHedged, WISH } from '../language.js';

/** The product set against the alternatives. */
const AGAINST_ALTERNATIVES =
  /\bno (?:other )?(?:competitors?|rivals?|alternatives?|one else|other (?:vendor|tool|product|platform|provider|solution))\b|\b(?:nobody|no one) else (?:(?:in|on|across) (?:the |our |this )?(?:[\w-]+ )?(?:market|space|category|segment|industry|field) )?(?:does|offers|has|can|matches|provides|sells|makes|is)\b|\bnone of (?:the )?(?:\w+ )?(?:competitors|rivals|alternatives|others)\b|\b(?:sets?|setting) us apart\b|\bunique(?:ly)?\b(?! (?:partner |customer |user )?(?:id|identifier|code|link|url|key)s?\b)|\bthe only\b(?! (?:requirement|condition|rule|exception|cost|thing we ask))|\bonly (?:\w+ ){0,3}(?:tool|product|platform|vendor|checker|solution|provider|one|option)\b|\bunlike (?:\w+ ){0,3}(?:competitors?|rivals?|alternatives?|incumbents?|others|legacy)\b|\b(?:beats?|outperforms?|better than|faster than|cheaper to run than) (?:\w+ ){0,3}(?:alternatives?|competitors?|rivals?|incumbents?|others|legacy|tools?)\b|\b(?:beat|win against|displace|replace) (?:the )?(?:alternatives|competitors|rivals|incumbents?)\b|\bover the (?:alternatives|competition|incumbents?)\b|\b(?:alternatives|competitors|rivals|incumbents?) (?:need|require|lack|can't|cannot|don't|do not|are disqualified)\b|\b(?:cloud-only|legacy) (?:rivals|competitors|vendors|tools)\b|\bcan(?:'t|not) (?:be )?(?:replicat|match|copy)\w*\b|\bwhich no (?:\w+ ){0,2}(?:matches|offers|has)\b|\bretire (?:\w+ ){0,3}(?:tools?|products?|consoles?|vendors?|systems?)\b|\b(?:in|into) one (?:agent|tool|platform|product|console)\b|\b(?:can['’]?t|cannot|couldn['’]t|won['’]t) (?:get|find|buy|have) (?:\w+ ){0,3}(?:elsewhere|anywhere else|from (?:anyone|anybody) else|from (?:any )?other (?:vendors?|tools?|products?|platforms?))\b|\bnot (?:available|offered) (?:elsewhere|anywhere else|by (?:anyone|anybody) else)\b/i;
/** A label or phrase that announces the reason. */
const REASON_LABEL =
  /^\W*(?:why (?:us|(?:\w+ ){0,3}(?:lead with|pick|choose|prefer|push|recommend|sell|switch|buy|win|back|care|love|stay))|our (?:edge|moat|advantage|differentiator|USP|unique selling point)|what (?:sets us apart|makes (?:us|partners|customers|buyers|clients) (?:\w+ )?(?:different|choose|pick|prefer|switch))|differentiat\w*|positioning|competitive (?:edge|advantage))\b[^:]{0,40}:\s*\S/i;
/** Who picks the product, and why: "MSPs choose us because …", "Customers pick us for the NetSuite connector". */
const REASON_GIVEN =
  /\b(?:partners?|resellers?|msps?|advisors?|consultants?|teams?|customers?|clients?|buyers?|engineers?|firms?|SIs|hospitals|we)\b[^.]{0,40}\b(?:lead with|pick|picks|choose|chooses|recommend|prefer|favou?r|favou?rs|push|win with|bring us)\b[^.]{0,60}\b(?:because|for (?:the|our)(?! (?:first|next|last|second|third|initial|whole|entire|rest|remaining|same|duration|term|life)\b)|since|thanks to)\b|\bis why (?:\w+ ){0,3}(?:bring|choose|pick|recommend|lead|win|buy)|\bdifferentiat\w+ (?:is|by|through)\b|\bwin (?:against|over) (?:\w+ ){0,3}\w+\b[^.]{0,40}\bnot (?:on )?price\b/i;
/**
 * The product set against a kind of alternative in other words: a comparison ("unlike", "versus",
 * "rather than", "over", "than") with other vendors' products ("the large suites", "closed
 * alternatives", "legacy vendors"), or what they lack ("which most competitors' are not").
 */
const ALTERNATIVE = String.raw`(?:competitors?|competition|rivals?|alternatives?|incumbents?|(?:other|most|closed|legacy|large|larger|big|bigger|traditional|generic|existing|point|horizontal|cloud-only|on-prem(?:ise)?|older|the big|the major|mainstream|US|global) (?:[\w-]+ ){0,2}(?:vendors?|tools?|suites?|products?|platforms?|solutions?|providers?|CMSs?|CRMs?|ERPs?|apps?|systems?|players?|offerings?|alternatives?|competitors?|rivals?))`;
const COMPARED = new RegExp(
  String.raw`\b(?:unlike|versus|vs\.?|compared (?:with|to)|rather than|instead of|over|(?:better|faster|easier|simpler|safer|quicker|stronger|smarter|more (?:accurate|reliable|secure|complete|flexible|scalable|powerful)) than|(?:twice|three times|\d+x|\d+ times) as (?:[\w-]+ ){1,5}as)\s+(?:[\w-]+\s+){0,3}?${ALTERNATIVE}\b|\b${ALTERNATIVE}['’]?s?\s+(?:\w+\s+)?(?:are not|aren't|do not|don't|can't|cannot|lack)\b|\bwhich (?:most|few|no) (?:[\w-]+ ){0,2}(?:competitors|rivals|vendors|others)['’]?s? (?:are|do|can|have)\b`,
  'i',
);
/** Why they choose the product: "the reason customers switch to us", "partners recommend us over …", "see us as the natural add-on". */
const CHOSEN =
  /\b(?:reasons?|why)\b[^.]{0,40}\b(?:switch|choose|pick|buy|prefer|push|sell|recommend|lead with)\w*\b[^.]{0,20}\b(?:us|our|we)\b|\bswitch(?:es|ing)? (?:over )?to us\b|\b(?:pick|picks|choose|chooses|prefer|prefers|recommend|recommends|select|selects) us (?:for|over|because|as|when)\b|\bsee us as (?:the|a|their) (?:natural|obvious|only|best|default|go-to|safe)\b|\b(?:is|are) why (?:\w+ ){0,3}(?:switch|choose|pick|buy|prefer)\w*\b/i;
/** The product alone in its field: "the sole vendor offering …", "positioned as the compliance-first option", "our key differentiator". */
const ALONE =
  /\bsole (?:vendor|provider|supplier|product|platform|tool|option)\b|\bpositioned as (?:the|a|an)\b|\b(?:key |main |core |biggest |real )?differentiators?\b(?! (?:is|are) (?:unclear|not))/i;

/** Differentiation said of something else ("differentiated partner tiers"), or wanted rather than had. */
const NOT_DIFFERENTIATION =
  /\bdifferentiated (?:partner |pricing |support )?(?:tiers?|levels?|pricing|margins?|discounts?)\b|\b(?:need|needs|want|wants|hope|hopes|plan|plans|try|trying|aim|aims|intend|intends) to (?:differentiate|stand out|be unique|become|be the)\b|\b(?:unclear|not (?:yet )?clear|still (?:working|figuring))\b|\b(?:used to|no longer|since dropped|in the past)\b|\b(?:need|needs|lack|lacks|without|no|don't have|do not have|doesn't have|does not have|haven't got|still looking for) (?:a |any |real |clear |obvious )?(?:differentiators?|differentiation|edge|reason|moat|USP|unique (?:[\w-]+ )?(?:features?|capabilit(?:y|ies)|selling points?|advantages?))\b|\b(?:compete|competes|competing) (?:against|with)\b(?![^.]{0,40}\b(?:because|thanks to|since)\b)/i;
/** Price is not a reason in this sense ("we offer the biggest discounts", "we cost less"). */
export function priceOnly(text: string): boolean {
  return (
    /\bcheap(?:er|est)\b|\blow(?:er|est)? (?:price|cost)s?\b|\bless expensive\b|\bcosts? (?:\w+ ){0,3}less\b|\bbest price\b|\b(?:biggest|largest|deepest|highest) (?:discounts?|margins?)\b|\b(?:price|pricing|cost)\b[^.]{0,30}\b(?:lower|lowest|less|cheaper|cheapest|below)\b|\b(?:lower|lowest) (?:total )?(?:cost|price|TCO)\b|\blower than\b|\b(?:win|wins|won|winning|compete|competes|competing|sell|sells) (?:\w+ ){0,2}on price\b|\b(?:half|a (?:fraction|third|quarter) of) (?:the )?(?:cost|price)\b|\b(?:pitch|reason|argument|story|edge|advantage) is (?:mostly |mainly |largely |all |just |really |simply )?(?:about )?(?:the )?(?:price|cost|being cheaper)\b/i.test(
      text.replace(/\b(?:rather than|instead of|over|not)\b[^.,;]*/gi, ''),
    ) && !/\bnot (?:on |just |only )?(?:on )?price\b/i.test(text)
  );
}

/** A sentence that gives partners a reason beyond price to lead with the product. */
/**
 * What the alternatives cannot do, beside what ours does: "Insurers accept our compliance report; the
 * cheaper tools don't produce anything an underwriter will read".
 */
const ALTERNATIVES_LACK =
  /\b(?:the |most |other )?(?:cheaper|other|competing|rival|legacy|generic|free|older|point|big|bigger|larger) (?:[\w-]+ )?(?:tools?|products?|vendors?|options?|alternatives?|platforms?|solutions?|suites?|apps?)\b[^.;]{0,15}\b(?:don't|do not|can't|cannot|won't|lack|miss|never)\b/i;

/** Price is the only reason given; a cheaper alternative named to say what it lacks makes no claim that we are cheaper. */
export function priceOnlyClaim(text: string): boolean {
  return priceOnly(text.replace(ALTERNATIVES_LACK, ' '));
}

export function statesDifferentiation(text: string): boolean {
  if (isHedged(text) || WISH.test(text) || NOT_DIFFERENTIATION.test(text) || priceOnlyClaim(text)) return false;
  if (ALTERNATIVES_LACK.test(text) && /\b(?:our|we|us)\b/i.test(text)) return true;
  return AGAINST_ALTERNATIVES.test(text) || REASON_LABEL.test(text) || REASON_GIVEN.test(text) || COMPARED.test(text) || CHOSEN.test(text) || ALONE.test(text);
}

export const DIFFERENTIATION_CUE =
  /because|versus|\bvs\b|compared|rather than|instead of|\bover\b|\bthan\b|against|reason|\bwhy\b|switch|\bus\b|\bsole\b|positioned|\bfor (?:the|our)\b|since|thanks to|is why|differentiat|\bwin|\bno (?:other )?(?:competitor|rival|alternative|one else|other)|nobody else|apart\b|unique|\bonly\b|unlike|beats?|outperform|better than|faster than|alternatives|competitors|rivals|incumbent|replicat|\bmatch|retire|in one|elsewhere|anywhere else|anyone else|^\W*(?:why|our (?:edge|moat|advantage|differentiator|USP|unique)|what (?:sets|makes)|differentiat|positioning|competitive)/i;
