import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { insertSectionFix } from '../core/fixes.js';

export default defineRule({
  meta: {
    id: 'program-owner',
    title: 'Full-time program owner',
    topic: 'team',
    kinds: ['plan'],
    description: 'A named person owns the program, full-time.',
    defaultSeverity: 'warning',
    category: 'structure',
    options: z.object({}).strict().default({}),
    fixable: true,
    docs: {
      why: 'Partner programs need someone, ideally a VP or strong director, whose whole job they are. "I\'ll run it on the side" does not scale past a handful of partners.',
      fires: 'No owner of the program is named (on the title), or the owner runs it part-time, on the side, or alongside another job (on that sentence).',
      doesNotFire: 'An owner line ("Owner: Dana Lee, Head of Partnerships, full-time"), or a person or partnerships title who runs or owns the program.',
      fix: 'Name a full-time owner. The quick fix inserts a "Program owner" section when none is named.',
      example: 'Rosa (Customer Success lead) will run the pilot alongside her CS role.\n',
    },
  },
  check({ plan, evidence, report }) {
    const owner = evidence.owner;
    if (!owner) {
      report({ message: 'No one is named as the owner of the program.', at: plan.titleSpan(), fixes: [insertSectionFix(plan, 'program-owner', 'Insert a "Program owner" section', false)] });
      return;
    }
    if (owner.partTime) report({ message: 'The program owner runs it alongside another job; a partner program needs a full-time owner.', at: plan.sentenceSpan(owner.sentence) });
  },
});
