import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { appendToSectionFix } from '../core/fixes.js';
import { sectionAnchor } from './util.js';

export default defineRule({
  meta: {
    id: 'recruit-qualification',
    title: 'Partner qualification when recruiting',
    topic: 'recruiting',
    kinds: ['plan', 'guide'],
    description: 'A recruiting plan says how candidate partners are qualified.',
    defaultSeverity: 'warning',
    category: 'lifecycle',
    options: z.object({}).strict().default({}),
    fixable: true,
    docs: {
      why: 'A partner who cannot say how many of its customers fit your ICP, who will sell you, and how they are paid for it, is not committed. Qualification is cheaper than a failed partnership.',
      fires: 'The plan recruits partners and gives no qualification criteria: ICP overlap of the partner\'s customers, committed reps, sales cycle and deal size, how their people are paid for selling you, track record with partnerships. On the recruiting section\'s heading.',
      doesNotFire: '"We sign an MSP when it...", "a candidate must have at least 30 customers in our ICP", a partner profile or qualification section.',
      fix: 'List the questions a candidate must answer before signing. The quick fix appends a criteria line to the section.',
      example: '## Recruiting\n\nEvery ISV with a public API is welcome.\n',
    },
  },
  check({ plan, evidence, report }) {
    const rec = evidence.recruiting;
    if (!rec || evidence.qualification) return;
    report({
      message: 'Partners are recruited with no qualification criteria (ICP overlap, committed reps, sales cycle and deal size, how their people are paid, track record).',
      at: sectionAnchor(plan, rec.section ?? (rec.sentence?.section?.heading && rec.sentence.section.heading !== plan.titleUnit ? rec.sentence.section : null), rec.sentence),
      fixes: rec.section
        ? [appendToSectionFix(plan, rec.section, 'We sign a partner only when it can show how many of its customers fit our ICP, names a committed sales rep, and tells us its usual sales cycle, deal size and how its people are paid for selling us.', 'Add qualification criteria', false)]
        : [],
    });
  },
});
