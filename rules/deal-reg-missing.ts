import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { insertSectionFix } from '../core/fixes.js';

export default defineRule({
  meta: {
    id: 'deal-reg-missing',
    title: 'Deal registration',
    topic: 'dealRegistration',
    kinds: ['plan', 'guide'],
    description: 'Reseller and referral programs have a deal-registration mechanism.',
    defaultSeverity: 'warning',
    category: 'deal-registration',
    options: z.object({}).strict().default({}),
    fixable: true,
    safeFix: true,
    docs: {
      why: 'Resellers and referral partners bring deals your direct team could also chase. Registration is how a partner claims a deal, gets protection and locks in its payout; without it the first conflict ends the partnership.',
      fires: 'The plan has reseller or referral partners and no way for them to register deals, leads or referrals. On the title.',
      doesNotFire: 'Technology and strategic programs; any described registration (a section, or sentences on how partners submit or register deals).',
      fix: 'Add a deal-registration policy: submission form, approval SLA, expiry, and the rule for contested registrations. The quick fix inserts a template.',
      example: '---\ntype: partnership-plan\narchetypes: [referral]\n---\n# Referral program\n\nReferral partners get 12% of first-year ACV.\n',
    },
  },
  check({ plan, evidence, report }) {
    if (!plan.archetypes.some((a) => a === 'reseller' || a === 'referral')) return;
    if (evidence.dealReg) return;
    report({
      message: `A ${plan.archetypes.filter((a) => a === 'reseller' || a === 'referral').join(' and ')} program needs deal registration: a way for partners to claim a deal and be protected.`,
      at: plan.titleSpan(),
      fixes: [insertSectionFix(plan, 'deal-registration', 'Insert a deal-registration policy', true)],
    });
  },
});
