import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { presentPercents } from '../core/facts/index.js';
import { band, fmtRange } from './util.js';

export default defineRule({
  meta: {
    id: 'mdf-range',
    title: 'Size of market development funds',
    description: 'Market development funds are 2-5% of partner-generated revenue.',
    defaultSeverity: 'warning',
    category: 'economics',
    options: z.object({ percent: band(2, 5, 'MDF as % of partner-generated revenue.') }).strict().default({ percent: { min: 2, max: 5 } }),
    fixable: false,
    docs: {
      why: 'Below about 2% of partner revenue, MDF is too small for a partner to plan a campaign around; above 5%, it is a discount in disguise.',
      fires: 'A percentage that its sentence ties to MDF (market development or co-op funds) is outside 2-5%.',
      doesNotFire: 'MDF stated as a fixed amount ("$10,000 per half-year"); other percentages.',
      fix: 'Set MDF between 2% and 5% of partner-generated revenue, or configure your own band.',
      example: 'Partners accrue MDF at 1% of partner-generated revenue.\n',
    },
  },
  check({ evidence, options, report, note }) {
    const b = options.percent;
    // MDF rates the plan sets (not those reported in history).
    for (const p of presentPercents(evidence, 'mdf')) {
      const inBand = p.match.min >= b.min && p.match.max <= b.max;
      note({ kind: 'percent', subject: 'MDF', text: p.match.text, band: { min: b.min, max: b.max, unit: '%', label: 'MDF band' }, inBand, at: p });
      if (!inBand) report({ message: `MDF of ${fmtRange(p.match.min, p.match.max)} is outside ${fmtRange(b.min, b.max)} of partner-generated revenue.`, at: p });
    }
  },
});
