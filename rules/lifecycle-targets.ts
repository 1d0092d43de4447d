import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import type { Stage } from '../core/types.js';
import { AFTER_PILOT } from '../core/language.js';

/** The month a stage ends (maturity has no end). */
function stageEndMonth(stage: Stage | null): number | null {
  return stage === 'pilot' ? 12 : stage === 'stabilize' ? 24 : stage === 'scale' ? 48 : stage === 'maturity' ? 999 : null;
}

/** The stage a month falls in, in words: "by month 12 (the pilot stage, months 0-12)". */
function stageWords(months: number): string {
  if (months > 900) return 'at maturity (after month 48)';
  const stage = months <= 12 ? 'pilot stage, months 0-12' : months <= 24 ? 'stabilize stage, months 12-24' : months <= 48 ? 'scale stage, months 24-48' : 'maturity stage, after month 48';
  return `by month ${months} (the ${stage})`;
}

export default defineRule({
  meta: {
    id: 'lifecycle-targets',
    title: 'Realistic channel targets',
    kinds: ['plan'],
    description: 'Targets for channel share of revenue and partner count fit their time frame.',
    defaultSeverity: 'warning',
    category: 'lifecycle',
    options: z
      .object({
        channelShare: z
          .object({ month12: z.number().default(5), month24: z.number().default(20), month48: z.number().default(40), after: z.number().default(60) })
          .strict()
          .default({ month12: 5, month24: 20, month48: 40, after: 60 })
          .describe('Highest channel share of revenue (%) by month 12, 24, 48 and after.'),
        partnerCount: z
          .object({ pilot: z.number().default(10), stabilize: z.number().default(50), scale: z.number().default(200) })
          .strict()
          .default({ pilot: 10, stabilize: 50, scale: 200 })
          .describe('Most active partners in the pilot (months 0-12), stabilize (12-24) and scale (24-48) stages.'),
      })
      .strict()
      .default({ channelShare: { month12: 5, month24: 20, month48: 40, after: 60 }, partnerCount: { pilot: 10, stabilize: 50, scale: 200 } }),
    fixable: false,
    docs: {
      why: 'Partner revenue builds slowly: under 5% in the pilot year, 10-20% by month 24, 20-40% by month 48, 30-60% at maturity. Targets beyond that set the program up to be called a failure while it is on track.',
      fires: 'A target above what its time frame can carry: channel share of revenue over 5% by month 12, 20% by month 24, 40% by month 48, 60% after; more than 10 partners in the pilot, 50 in stabilize, 200 in scale. Judged against the target\'s own time frame ("by month 30", "within the first year", a "Month-24 goals" heading), else the plan\'s stage. 25-50 partners in the first year of a formal program after a pilot is in line.',
      doesNotFire: 'Current figures ("brings in 48% of revenue"), exit thresholds, candidate target lists.',
      fix: 'Lower the target or move it to the time frame that can carry it.',
      example: 'Partners bring in 25% of revenue within the first year.\n',
    },
  },
  check({ plan, evidence, options, report, note }) {
    const stageMonths = stageEndMonth(plan.stage);
    for (const t of evidence.targets) {
      let months = t.months ?? stageMonths;
      if (months === null) continue;
      if (t.kind === 'channelShare') {
        const o = options.channelShare;
        const limit = months <= 12 ? o.month12 : months <= 24 ? o.month24 : months <= 48 ? o.month48 : o.after;
        const inBand = t.max <= limit;
        // The share as the author wrote it: "a third" is shown as "a third (33%)", "18%" as is.
        const written = plan.text.slice(t.start, t.end).trim();
        const share = /\d\s*%$/.test(written) || !written ? `${t.max}%` : `${written} (${Math.round(t.max)}%)`;
        note({ kind: 'percent', subject: `channel share of revenue by month ${months > 900 ? '48+' : months}`, text: share, band: { max: limit, unit: '%', label: `at most ${limit}%` }, inBand, at: t });
        if (!inBand) report({ message: `A channel share of ${share} ${months > 900 ? 'at maturity' : `by month ${months}`} is above the ${limit}% a program can carry ${stageWords(months)}.`, at: t });
      } else {
        // The first year of a formal program after a pilot is the stabilize stage.
        if (months <= 12 && ((plan.stage && plan.stage !== 'pilot' && t.months !== null) || AFTER_PILOT.test(t.sentence.text))) months = 24;
        const o = options.partnerCount;
        const limit = months <= 12 ? o.pilot : months <= 24 ? o.stabilize : months <= 48 ? o.scale : Infinity;
        const inBand = t.max <= limit;
        if (limit !== Infinity) note({ kind: 'count', subject: `active partners by month ${months}`, text: String(t.max), band: { max: limit, unit: 'partners', label: `at most ${limit}` }, inBand, at: t });
        if (!inBand) report({ message: `${t.max} partners by month ${months} is more than the ${limit} partners a program can support ${stageWords(months)}.`, at: t });
      }
    }
  },
});
