import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { insertSectionFix } from '../core/fixes.js';

export default defineRule({
  meta: {
    id: 'success-metrics',
    title: 'Measurable success metrics',
    topic: 'metrics',
    kinds: ['plan'],
    description: 'The plan sets at least one measurable program metric with a target.',
    defaultSeverity: 'warning',
    category: 'lifecycle',
    options: z.object({}).strict().default({}),
    fixable: true,
    docs: {
      why: 'Without a number to hit, a program cannot be judged, scaled or stopped. Channel share of revenue, partner activation, partner satisfaction and partner-sourced pipeline are the usual measures.',
      fires: 'No program metric with a target anywhere in the plan. On the title.',
      doesNotFire: 'A targets table, or a sentence such as "partners source 15% of new revenue by month 24".',
      fix: 'Add targets: channel share of revenue by a month, activation rate, satisfaction, pipeline. The quick fix inserts a table.',
      example: '## Measuring it\n\nWe will know it works when we see it.\n',
    },
  },
  check({ plan, evidence, report }) {
    if (evidence.metricWithTarget) return;
    report({ message: 'No measurable program metric with a target (channel share of revenue, activation, satisfaction, partner-sourced pipeline).', at: plan.titleSpan(), fixes: [insertSectionFix(plan, 'success-metrics', 'Insert a targets table', false)] });
  },
});
