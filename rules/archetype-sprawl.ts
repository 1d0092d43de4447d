import { z } from 'zod';
import { defineRule } from '../core/rule.js';

export default defineRule({
  meta: {
    id: 'archetype-sprawl',
    description: 'The plan does not launch every partner archetype at once.',
    defaultSeverity: 'warning',
    category: 'structure',
    options: z.object({ maxInPilot: z.number().int().min(1).default(2).describe('Most archetypes a pilot-stage plan may launch.') }).strict().default({ maxInPilot: 2 }),
    fixable: false,
    docs: {
      why: 'Technology, referral, reseller and strategic partners need different economics, people and machinery. Programs that start all of them at once usually finish none.',
      fires: 'All four archetypes at once, or three or more in a pilot-stage plan. On the title.',
      doesNotFire: 'One or two archetypes; three in a program past its pilot.',
      fix: 'Pick the archetype that matches how your customers buy, prove it, and add others later.',
      example: '---\ntype: partnership-plan\narchetypes: [technology, referral, strategic]\nstage: pilot\n---\n# Kickoff\n',
    },
  },
  check({ plan, options, report }) {
    const n = plan.archetypes.length;
    if (n === 4 || (n > options.maxInPilot && plan.stage === 'pilot')) {
      report({ message: `${n} partner archetypes (${plan.archetypes.join(', ')}) launched ${plan.stage === 'pilot' ? 'in the pilot stage' : 'at once'}; start with one or two.`, at: plan.titleSpan() });
    }
  },
});
