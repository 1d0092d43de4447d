import { z } from 'zod';
import { defineRule } from '../core/rule.js';

export default defineRule({
  meta: {
    id: 'partnerships-silo',
    title: 'Partnerships working with sales',
    kinds: ['plan'],
    description: 'A partnerships leader who reports to the CEO coordinates with sales leadership.',
    defaultSeverity: 'warning',
    category: 'structure',
    options: z.object({}).strict().default({}),
    fixable: true,
    docs: {
      why: 'A partnerships team reporting to the CEO with no line into sales becomes a silo: direct and channel fight over every account and nobody with authority settles it.',
      fires: 'The plan says the partnerships leader reports to the CEO (or a founder) and nowhere states coordination with sales leadership (the CRO, VP of Sales, head of sales). On the reporting sentence.',
      doesNotFire: 'A leader who reports to the CRO; a weekly pipeline review, joint escalation or shared targets with the head of sales.',
      fix: 'State how partnerships and sales leadership work together: a shared pipeline review, joint escalation, aligned compensation.',
      example: 'Aylin, Head of Alliances, reports to the CEO.\n',
    },
  },
  check({ plan, evidence, report }) {
    const s = evidence.reportsToCeo;
    if (!s || evidence.salesCoordination) return;
    report({
      message: 'The partnerships leader reports to the CEO and the plan states no coordination with sales leadership.',
      at: plan.sentenceSpan(s),
      fixes: [{ title: 'Add coordination with sales leadership', safe: false, edits: [{ start: s.end, end: s.end, newText: ' They meet the head of sales weekly to review partner pipeline and settle account conflicts.' }] }],
    });
  },
});
