import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import type { PlanModel } from '../core/model.js';
import { isHedged, isNegatedAt } from '../core/language.js';
import { insertSectionFix } from '../core/fixes.js';
import { ANY_PARTNER, DIRECT_SELLERS, LEFT_TO_PARTNERS, oneOf } from '../core/vocabulary.js';

const PROTECTION =
  /\bapproved[- ]customer\b|\bnamed[- ]accounts?\b|\bprotected (?:accounts?|fleets?|customers?)\b|\bprotect (?:up to )?\d+\b|\b(?:registered|partner|reseller)[- ](?:registered )?(?:accounts?|deals?|opportunit\w+) (?:are|is|stay|stays) (?:closed|off[- ]limits|hands[- ]off|protected)\b|\bclosed to (?:direct|them|our (?:direct )?(?:reps|sales|team|AEs|sellers|account (?:executives|managers)))\b|\bhands[- ]off\b|\bstays? away from\b|\bterritor(?:y|ies)\b|\bmax(?:imum)?\s+(?:of\s+)?(?:\d+\s?%\s+)?discount\b|\bdiscounts?\b[^.;]{0,100}\b(?:approv\w*|sign-?off)\b|\b(?:bigger|larger|higher|deeper) discount\b|\bdiscounts? (?:bigger|larger|higher|deeper|greater) than\b|\bdiscounts? (?:beyond|above|over|of more than|greater than)\b|\bdiscount (?:governance|approval|policy|cap|ceiling)\b|\b(?:anything|everything|discounts?|any discount) (?:deeper|bigger|larger|higher|more|beyond|above|over)\b[^.;]{0,40}\b(?:approv\w*|sign-?off|deal desk|ask|check with|clear it with)\b|\bdiscount (?:up to|at most|no more than) \d+\s?%|\bprice (?:conflicts?|disputes?|escalat\w+|floors?|protection)\b|\bpricing protection\b|\bminimum advertised price\b|\bwill not undercut\b|\bnever undercut\b/i;

/**
 * Pricing protection read from its parts, in any order: the direct side (reps, AEs, account
 * managers, "direct", the company itself) held back on price or on the partner's accounts (a cap,
 * "may not", "never undercuts", "off-limits", "stays out"), a partner's account closed to the
 * direct side, or a price conflict that goes to someone who decides.
 */
const DIRECT_SIDE = new RegExp(`\\b${oneOf(DIRECT_SELLERS)}\\b|\\bdirect\\b(?! (?:customers?|mail|debit|deposit|marketing|link))`, 'i');
const RESTRAINT = String.raw`(?:only|not allowed|cannot|can't|can not|may not|must not|does not|do not|doesn't|don't|never|will not|won't|barred|off[- ]limits|stays? (?:off|out|away)|max(?:imum)?|caps?|capped|no (?:bigger|larger|deeper|lower))`;
const PRICE_OR_ACCOUNT = String.raw`(?:discount\w*|pric\w+|undercut\w*|quot\w+|contact\w*|approach\w*|pursu\w+|prospect\w*|accounts?|organi[sz]ations?|deals?|opportunit\w+|compet\w+|sell\w*)`;
const HELD_BACK = new RegExp(
  String.raw`\b${RESTRAINT}\b[^.;]{0,50}\b${PRICE_OR_ACCOUNT}\b|\b${PRICE_OR_ACCOUNT}\b[^.;]{0,40}\b(?:not allowed|cannot|can't|never|barred|off[- ]limits|capped|are yours|is yours|stays? (?:out|away))\b|\b(?:stays?|keeps?) (?:out|away|off)\b`,
  'i',
);
/** An account the partner holds: registered, claimed, named to it, or "yours". */
const PARTNER_ACCOUNT =
  /\b(?:registered|claimed|protected|named|partner[- ](?:sourced|registered|owned))\s+(?:[\w-]+\s+)?(?:accounts?|deals?|opportunit\w+|customers?|clients?|organi[sz]ations?|prospects?)\b|\b(?:accounts?|deals?|opportunit\w+|customers?|clients?|prospects?)\s+(?:that\s+|which\s+)?(?:you|they|a partner|the partner|partners|an? (?:reseller|MSP|VAR|agency|dealer))\s+(?:have\s+|has\s+)?(?:registered|registers?|claimed|brought|sourced|owns?|holds?)\b|\b(?:holds?|owns?) the account\b|\bexclusive (?:rights?|access)\b|\bbelongs? to the (?:partner|reseller|MSP|dealer)\b/i;
/** Closed to someone: the direct side, named in the sentence or in the paragraph ("off-limits to them"). */
const BARRED =
  /\bclosed to\b|\boff[- ]limits\b|\bhands[- ]off\b|\bstays? (?:away|out|off)\b|\b(?:will not|won't|cannot|can't|may not|must not|does not|do not|don't|never)\s+(?:\w+\s+)?(?:approach|contact|pursue|prospect|quote|sell|compete|call|target|chase|touch|work)\w*\b|\b(?:is|are) (?:reserved|ring-?fenced) for\b|\bexcluded from\b/i;
const PRICE_CONFLICT = new RegExp(
  [
    String.raw`\bescalat\w+\b[^.]{0,40}\bundercut\w*`,
    String.raw`\bundercut\w*\b[^.]{0,80}\b(?:escalat\w*|raise it|deal desk|conflict desk|channel (?:council|manager))`,
    String.raw`\bquotes? (?:below|under|lower than) (?:you|the partner|a partner)\b`,
    String.raw`\b(?:won't|will not|never|not) be undercut\b`,
    String.raw`\bbound to (?:the )?partner(?:'s|’s)? (?:quoted )?(?:price|quote)\b`,
    String.raw`\b(?:must|will|shall) (?:match|honou?r|respect|meet) (?:or exceed )?(?:the )?partner(?:'s|’s)? (?:quoted )?(?:price|quote)\b`,
    String.raw`\bexcluded from (?:direct|our) (?:prospecting|outreach|selling|sales)\b`,
    String.raw`\boff[- ]limits to (?:the )?(?:direct|our)\b`,
    String.raw`\b(?:price|pricing|quote)[- ](?:conflicts?|disputes?)\b`,
    String.raw`\bplays? (?:a |the )?partner['’]s (?:quote|price)\b`,
    String.raw`\bpricing desk\b[^.]{0,60}\bhonou?rs?\b`,
    // The company never sells below the partner's price: "We will never sell a client an MSP brought us for less than the MSP charges".
    String.raw`\b(?:we|our company|our team)\b[^.;]{0,15}\b(?:never|won't|will not|do not|don't|cannot|can't)\s+(?:sell|quote|offer|price)\b[^.;]{0,80}\b(?:for less than|below|under|cheaper than|lower than)\b[^.;]{0,30}\b(?:the )?(?:partner|MSP|reseller|VAR|dealer|agency|integrator|SI)s?(?:['’]s?)?\s+(?:charges?|price|prices|quotes?)\b`,
    // A cap on discounts for everyone on the company's side: "Nobody at Patchwise gives a customer more than 10% off our list price".
    String.raw`\b(?:nobody|no one|no rep|no seller|no AE)\b[^.;]{0,40}\b(?:gives?|offers?|grants?|may give|can give)\b[^.;]{0,30}\bmore than \d+\s?%\s*(?:off|discount)`,
  ].join('|'),
  'i',
);

/** Not a protection the plan gives: deferred or conditional, someone else's (a competitor's), or a job title. */
const NOT_GIVEN = /\b(?:after the pilot|will be defined|to be defined|if (?:conflicts?|it) (?:arise|becomes?)|consider\w*|competitors?|used to|(?:are|is) (?:rare|common|uncommon|unusual|frequent))\b|\bterritory (?:managers?|reps?|sales|planning)\b/i;
/** The protection itself said to be missing: "there is no discount governance". */
const ABSENT = /\b(?:there (?:is|are) no|we have no|no|without|lacks?|lacking)\s+(?:\w+\s+){0,2}$/i;

function protectsPartnerPricing(text: string, paragraph: string): boolean {
  if (isHedged(text) || NOT_GIVEN.test(text)) return false;
  const named = PROTECTION.exec(text);
  if (named) {
    const absent = ABSENT.test(text.slice(Math.max(0, named.index - 40), named.index));
    // Territories of the direct team alone ("territories for our AEs") protect no partner.
    const ownTerritories = /territor/i.test(named[0]) && DIRECT_SIDE.test(text) && !PARTNER_NOUN_RE.test(text);
    // A discount limit is written as a negation ("can't discount more than 10% without approval"): that is the rule itself.
    if (!absent && !ownTerritories && (!isNegatedAt(text, named.index) || /discount/i.test(named[0]))) return true;
  }
  if (PRICE_CONFLICT.test(text)) return true;
  if (/\bregistered (?:accounts|organi[sz]ations|deals|opportunities) are yours\b/i.test(text)) return true;
  if (LEFT_TO_PARTNERS.test(text)) return true;
  // "A reseller win is never a loss for them" describes how reps are paid; it holds no one back.
  if (DIRECT_SIDE.test(text) && HELD_BACK.test(text.replace(/\b(?:is|are|was|were) never (?:a|an|the)\b[^.;]*/gi, ' '))) return true;
  // A partner's account closed to the direct side, named here or earlier in the paragraph ("off-limits to them").
  return PARTNER_ACCOUNT.test(text) && BARRED.test(text) && (DIRECT_SIDE.test(text) || (/\b(?:them|they|us|we)\b/i.test(text) && DIRECT_SIDE.test(paragraph)));
}
function statesProtection(plan: PlanModel): boolean {
  return plan.statements('pricingProtection', (s) => protectsPartnerPricing(s.text, s.unit.text)).length > 0;
}

const PARTNER_NOUN_RE = new RegExp(`\\b${ANY_PARTNER}\\b`, 'i');

export default defineRule({
  meta: {
    id: 'pricing-protection',
    title: 'Pricing protection',
    topic: 'pricingProtection',
    kinds: ['plan', 'guide'],
    description: 'A reseller program protects partners from being undercut by direct sales.',
    defaultSeverity: 'warning',
    category: 'deal-registration',
    options: z.object({}).strict().default({}),
    fixable: true,
    docs: {
      why: 'Resellers invest in a deal only if they trust your own team will not swoop in with a lower price. Pricing protection is that trust written down.',
      fires: 'The plan has reseller partners and none of: an approved-customer or named-account list, registered accounts closed to direct reps, territories, discount governance (a maximum discount or approval above one), or a price-conflict escalation. On the title.',
      doesNotFire: 'Programs without resellers; any one of the protections above.',
      fix: 'Add a pricing-protection section: protected named accounts, a discount ceiling for direct sales, and an escalation path. The quick fix inserts a template.',
      example: '---\ntype: partnership-plan\narchetypes: [reseller]\n---\n# Reseller plan\n\nResellers keep a 20% margin.\n',
    },
  },
  states: statesProtection,
  check({ plan, report }) {
    if (!plan.archetypes.includes('reseller')) return;
    if (plan.sectionsWith('pricingProtection').length || statesProtection(plan)) return;
    report({
      message: 'Reseller program with no pricing protection: no protected accounts, territories, discount governance or price escalation.',
      at: plan.titleSpan(),
      fixes: [insertSectionFix(plan, 'pricing-protection', 'Insert a pricing-protection section', false)],
    });
  },
});
