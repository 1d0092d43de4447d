import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { judgedTierStructures } from './util.js';

export default defineRule({
  meta: {
    id: 'tier-count',
    title: 'Number of tiers',
    description: 'A tier structure has 2-4 tiers.',
    defaultSeverity: 'warning',
    category: 'structure',
    options: z.object({ min: z.number().int().min(1).default(2), max: z.number().int().min(1).default(4) }).strict().default({ min: 2, max: 4 }),
    fixable: false,
    docs: {
      why: 'One tier is no tiering: nothing to move up to. More than four and the differences blur, so partners stop caring which tier they are in.',
      fires: 'A tier table or list has fewer than 2 or more than 4 tiers. On the table\'s header row or the list\'s first item.',
      doesNotFire: 'Two, three or four tiers; tables that are not tier structures.',
      fix: 'Split a single level into at least two with different criteria and benefits, or merge tiers down to four.',
      example: '## Partner level\n\n| Level | Requirements | Benefits |\n|---|---|---|\n| Certified | Two certified staff | Margin |\n',
    },
  },
  check({ plan, kind, evidence, options, report, note }) {
    for (const t of judgedTierStructures(plan, kind, evidence)) {
      const n = t.tiers.length;
      const inBand = n >= options.min && n <= options.max;
      note({ kind: 'count', subject: 'tiers', text: String(n), band: { min: options.min, max: options.max, unit: 'tiers', label: `${options.min}-${options.max} tiers` }, inBand, at: { start: t.anchor.start, end: t.anchor.end } });
      if (inBand) continue;
      report({
        message: `${n} tier${n === 1 ? '' : 's'}: a tier structure works with ${options.min}-${options.max} tiers${n < options.min ? ', so partners have something to move up to' : ''}.`,
        at: plan.lines.lineSpan(plan.lines.lineOf(t.anchor.start)),
      });
    }
  },
});
