import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { isHedged, isNegatedAt } from '../core/language.js';
import { insertSectionFix } from '../core/fixes.js';
import { DIRECT_SELLERS, oneOf } from '../core/vocabulary.js';

const PROTECTION =
  /\bapproved[- ]customer\b|\bnamed[- ]accounts?\b|\bprotected (?:accounts?|fleets?|customers?)\b|\bprotect (?:up to )?\d+\b|\b(?:registered|partner|reseller)[- ](?:registered )?(?:accounts?|deals?|opportunit\w+) (?:are|is|stay|stays) (?:closed|off[- ]limits|hands[- ]off|protected)\b|\bclosed to (?:direct|them|our (?:direct )?(?:reps|sales|team|AEs|sellers|account (?:executives|managers)))\b|\bhands[- ]off\b|\bstays? away from\b|\bterritor(?:y|ies)\b|\bmax(?:imum)?\s+(?:of\s+)?(?:\d+\s?%\s+)?discount\b|\bdiscounts?\b[^.;]{0,100}\b(?:approv\w*|sign-?off)\b|\b(?:bigger|larger|higher|deeper) discount\b|\bdiscounts? (?:bigger|larger|higher|deeper|greater) than\b|\bdiscounts? (?:beyond|above|over|of more than|greater than)\b|\bdiscount (?:governance|approval|policy|cap|ceiling)\b|\b(?:anything|everything|discounts?|any discount) (?:deeper|bigger|larger|higher|more|beyond|above|over)\b[^.;]{0,40}\b(?:approv\w*|sign-?off|deal desk)\b|\bprice (?:conflicts?|disputes?|escalat\w+|floors?|protection)\b|\bpricing protection\b|\bminimum advertised price\b|\bwill not undercut\b|\bnever undercut\b/i;

/**
 * Pricing protection read from its parts, in any order: the direct side (reps, AEs, account
 * managers, "direct") held back on price or on the partner's accounts (a cap, "cannot", "never
 * undercuts", "off-limits"), or a price conflict that goes to someone who decides.
 */
const DIRECT_SIDE = new RegExp(`\\b${oneOf(DIRECT_SELLERS)}\\b|\\bdirect\\b(?! (?:customers?|mail|debit|deposit|marketing|link))`, 'i');
const HELD_BACK =
  /\b(?:not allowed|cannot|can't|can not|never|will not|won't|barred|off[- ]limits|stay off|max(?:imum)?|caps?|capped|no (?:bigger|larger|deeper|lower))\b[^.;]{0,50}\b(?:discount\w*|pric\w+|undercut\w*|quot\w+|contact|accounts?|organi[sz]ations?|deals?|opportunit\w+)\b|\b(?:discount\w*|pric\w+|undercut\w*|quot\w+|accounts?|organi[sz]ations?)\b[^.;]{0,40}\b(?:not allowed|cannot|can't|never|barred|off[- ]limits|capped|are yours|is yours)\b/i;
const PRICE_CONFLICT = /\bescalat\w+\b[^.]{0,40}\bundercut\w*|\b(?:won't|will not|never|not) be undercut\b|\bbound to (?:the )?partner(?:'s|’s)? (?:quoted )?(?:price|quote)\b|\bexcluded from (?:direct|our) (?:prospecting|outreach|selling|sales)\b|\boff[- ]limits to (?:the )?(?:direct|our)\b|\b(?:price|pricing|quote)[- ](?:conflicts?|disputes?)\b|\bplays? (?:a |the )?partner['’]s (?:quote|price)\b|\bpricing desk\b[^.]{0,60}\bhonou?rs?\b/i;

/** Not a protection the plan gives: deferred or conditional, someone else's (a competitor's), or a job title. */
const NOT_GIVEN = /\b(?:after the pilot|will be defined|to be defined|if (?:conflicts?|it) (?:arise|becomes?)|consider\w*|competitors?|used to|(?:are|is) (?:rare|common|uncommon|unusual|frequent))\b|\bterritory (?:managers?|reps?|sales)\b/i;

function protectsPartnerPricing(text: string): boolean {
  if (isHedged(text) || NOT_GIVEN.test(text)) return false;
  const named = PROTECTION.exec(text);
  // A discount limit is written as a negation ("can't discount more than 10% without approval"): that is the rule itself.
  if (named && (!isNegatedAt(text, named.index) || /discount/i.test(named[0]))) return true;
  return (DIRECT_SIDE.test(text) && HELD_BACK.test(text)) || PRICE_CONFLICT.test(text) || /\bregistered (?:accounts|organi[sz]ations|deals|opportunities) are yours\b/i.test(text);
}

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
  check({ plan, evidence, report }) {
    if (!plan.archetypes.includes('reseller')) return;
    if (plan.sectionsWith('pricingProtection').length || plan.statements('pricingProtection', (s) => protectsPartnerPricing(s.text)).length) return;
    report({
      message: 'Reseller program with no pricing protection: no protected accounts, territories, discount governance or price escalation.',
      at: plan.titleSpan(),
      fixes: [insertSectionFix(plan, 'pricing-protection', 'Insert a pricing-protection section', false)],
    });
  },
});
