import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { insertSectionFix } from '../core/fixes.js';
import { partnerCounts } from '../core/evidence.js';

export default defineRule({
  meta: {
    id: 'tiers-missing',
    topic: 'tiers',
    kinds: ['plan', 'guide'],
    description: 'A program with more than ten partners, or past its pilot, defines tiers or segments.',
    defaultSeverity: 'warning',
    category: 'structure',
    options: z.object({ maxPartnersWithoutTiers: z.number().int().min(0).default(10).describe('Partner counts above this need tiers.') }).strict().default({ maxPartnersWithoutTiers: 10 }),
    fixable: true,
    docs: {
      why: 'Without tiers, a one-person agency and a thousand-seat integrator get the same terms, and no partner knows what to aim for. Two to four tiers create aspiration and let you spend where the revenue is.',
      fires: 'The plan targets or lists more than 10 partners, or its stage is past the pilot, and it defines no tiers, levels or segments. On the title.',
      doesNotFire: 'Plans whose only archetype is strategic; a one-tier structure (that is `tier-count`); pilot-stage plans with ten partners or fewer.',
      fix: 'Define 2-4 tiers with entry criteria and benefits. The quick fix inserts a tier table.',
      example: '---\ntype: partnership-plan\narchetypes: [technology]\nstage: scale\n---\n# Integrations plan\n',
    },
  },
  check({ plan, evidence, options, report }) {
    if (plan.archetypes.length && plan.archetypes.every((a) => a === 'strategic')) return;
    if (evidence.tierStructures.length || plan.sectionsWith('tiers').length || evidence.segmentation) return;
    const pastPilot = plan.stage !== null && plan.stage !== 'pilot';
    const many = evidence.countingPartners.some((s) => partnerCounts(s).some((c) => c.max > options.maxPartnersWithoutTiers && !/\btarget list\b|\bcandidates?\b|\bshortlist\b/i.test(s.text)));
    if (!pastPilot && !many) return;
    report({
      message: `${pastPilot ? `A ${plan.stage}-stage program` : 'A program with more than ' + options.maxPartnersWithoutTiers + ' partners'} defines no tiers or segments; partners cannot tell what to aim for.`,
      at: plan.titleSpan(),
      fixes: [insertSectionFix(plan, 'tier-table', 'Insert a tier table', false)],
    });
  },
});
