import { z } from 'zod';
import { defineRule } from '../core/rule.js';

export default defineRule({
  meta: {
    id: 'not-analysed',
    title: 'Parts of the plan left unread',
    description: 'Every part of the plan could be read; a part the markdown reader would take too long on is left out and named.',
    defaultSeverity: 'warning',
    category: 'structure',
    options: z.object({}).strict().default({}),
    fixable: false,
    docs: {
      why: 'A few shapes of markdown (lists or quotes nested a hundred levels deep, thousands of emphasis markers in one paragraph, tables of tens of thousands of cells) take the markdown reader minutes instead of milliseconds. Partnerlint leaves such a part out and checks the rest of the plan, so one pasted block never costs the whole plan its findings; this finding says which lines were left out, so nothing passes unseen.',
      fires: 'Once per part of the document (the lines between two headings) that was not read, on its first line, naming the lines and what made them too costly.',
      doesNotFire: 'Ordinary plans, long ones included: prose, lists, quotes and tables of the sizes plans have.',
      fix: 'Rewrite or remove the lines it names (a table of thousands of rows belongs in a spreadsheet the plan links to); the findings in those lines are then reported.',
      example: '# Reseller program\n\n## Appendix\n\n' + '> '.repeat(101) + 'quoted\n',
    },
  },
  check({ plan, report }) {
    for (const part of plan.notAnalysed) {
      const first = plan.lines.lineOf(part.start) + 1;
      const last = plan.lines.lineOf(Math.max(part.start, part.end - 1)) + 1;
      const lines = first === last ? `Line ${first} was` : `Lines ${first}-${last} were`;
      const lineEnd = plan.lines.lineEnd(first - 1);
      report({
        message: `${lines} not checked: ${part.reason}, which no plan needs and which the markdown reader takes too long on. Findings in these lines are not reported; rewrite or remove them.`,
        at: { start: part.start, end: Math.max(part.start, Math.min(lineEnd, part.end)) },
      });
    }
  },
});
