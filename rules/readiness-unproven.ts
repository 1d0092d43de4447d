import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { PRECONDITIONS } from '../core/types.js';
import { preconditionLabel } from '../core/score.js';

export default defineRule({
  meta: {
    id: 'readiness-unproven',
    title: 'Evidence of program readiness',
    kinds: ['plan'],
    description: 'The plan gives evidence for each of the six readiness preconditions.',
    defaultSeverity: 'info',
    category: 'readiness',
    options: z.object({}).strict().default({}),
    fixable: true,
    docs: {
      why: 'Most partner programs fail because they start before the company is ready: a product partners cannot deploy alone, a sales motion nobody can describe, no headroom to pay partners, no owner, a direct team that will fight partners. Writing down the evidence is the cheapest test.',
      fires: 'Once per precondition without evidence, on the title: `product` (onboarding without hand-holding, bounded implementation, docs), `sales` (two of ICP, pricing, sales cycle), `differentiation` (a reason beyond price), `margin` (gross margin, unit economics or payback that leaves room for 10-30%), `owner` (a full-time owner), `directSales` (a direct team bound by a conflict policy or sharing credit; not met when no direct team is mentioned).',
      doesNotFire: 'A readiness section or sentences with the evidence; negative statements ("we don\'t have a price list yet") do not count as evidence.',
      fix: 'Add a "Readiness" section with one line of evidence per precondition. The quick fix inserts a checklist.',
      example: '# Plan\n\nWe want partners.\n',
    },
  },
  check({ plan, evidence, report }) {
    const pre = evidence.preconditions;
    for (const k of PRECONDITIONS) {
      if (pre[k].met) continue;
      report({ message: `Readiness not shown for ${preconditionLabel(k).toLowerCase()}: ${pre[k].reason}.`, at: plan.titleSpan() });
    }
  },
});
