import { z } from 'zod';
import { defineRule } from '../core/rule.js';

export default defineRule({
  meta: {
    id: 'archetype-sprawl',
    title: 'Too many partner types at launch',
    kinds: ['plan'],
    description: 'The plan does not launch every partner archetype at once.',
    defaultSeverity: 'warning',
    category: 'structure',
    options: z.object({ maxInPilot: z.number().int().min(1).default(2).describe('Most archetypes a pilot-stage plan may launch.') }).strict().default({ maxInPilot: 2 }),
    fixable: false,
    docs: {
      why: 'Technology, referral, reseller and strategic partners need different economics, people and machinery. Programs that start all of them at once usually finish none.',
      fires: 'All four archetypes launched together (the plan says so, or it is in its pilot or stabilize stage, or no stage is given), or three or more in a pilot-stage plan. On the title.',
      doesNotFire: 'One or two archetypes; three in a program past its pilot; four in a scale- or maturity-stage ecosystem that added them over the years.',
      fix: 'Pick the archetype that matches how your customers buy, prove it, and add others later.',
      example: '---\ntype: partnership-plan\narchetypes: [technology, referral, strategic]\nstage: pilot\n---\n# Kickoff\n',
    },
  },
  check({ plan, evidence, options, report }) {
    const n = plan.archetypes.length;
    // Four archetypes built up over years is a mature ecosystem; launching them together is the failure.
    const atOnce = plan.stage === null || plan.stage === 'pilot' || plan.stage === 'stabilize' || evidence.find(/\bat once\b|\bsimultaneously\b|\bfrom day one\b|\ball (?:starting|launching|start) (?:now|together)\b|\btogether\b[^.]{0,30}\blaunch/i) !== null;
    if ((n === 4 && atOnce) || (n > options.maxInPilot && plan.stage === 'pilot')) {
      report({ message: `${n} partner archetypes (${plan.archetypes.join(', ')}) launched ${plan.stage === 'pilot' ? 'in the pilot stage' : 'at once'}; start with one or two.`, at: plan.titleSpan() });
    }
  },
});
