import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import type { Archetype } from '../core/types.js';
import { band, fmtRange } from './util.js';

export default defineRule({
  meta: {
    id: 'margin-range',
    title: 'Partner margins and fees',
    description: 'Partner margins, commissions and referral fees sit inside the band their archetype can bear.',
    defaultSeverity: 'warning',
    category: 'design',
    options: z
      .object({
        referral: band(10, 15, 'Referral fee or commission, % of first-year ACV.'),
        reseller: band(15, 30, 'Reseller margin or discount, %.'),
        technology: band(10, 30, 'Technology / integration partner payout, %.'),
        unknown: band(10, 30, 'When the archetype cannot be told, %.'),
      })
      .strict()
      .default({ referral: { min: 10, max: 15 }, reseller: { min: 15, max: 30 }, technology: { min: 10, max: 30 }, unknown: { min: 10, max: 30 } }),
    fixable: false,
    docs: {
      why: 'Pay too little and partners push someone else; pay too much and you can never bring the rate down again. Each archetype has a range that works: referral 10-15% of first-year ACV, reseller 15-30%, and 10-30% otherwise.',
      fires: 'A percentage that its sentence or table row ties to a partner margin, commission, referral fee or reseller discount lies outside the band of the archetype it is paid to (named in the sentence, in the nearest heading, or the plan\'s only archetype). A range fires when either end is outside.',
      doesNotFire: 'Strategic-alliance and co-sell economics (bespoke by nature); percentages about anything else: channel share of revenue, growth, churn, gross margin, MDF, discounts given to customers.',
      fix: 'Bring the rate inside the band, or set your own bands in `.partnerlintrc.json` under `rules["margin-range"][1]` if your economics are deliberately different.',
      example: 'Referral partners get 25% of first-year ACV.\n',
    },
  },
  check({ evidence, options, report, note }) {
    for (const p of evidence.payouts) {
      const arch = p.archetypes.filter((a) => a !== 'strategic');
      if (p.archetypes.length && !arch.length) continue;
      if (/\bco-?sell/i.test(p.sentence.text)) continue;
      const key: Archetype | 'unknown' = arch.includes('referral') ? 'referral' : arch.includes('reseller') ? 'reseller' : arch.includes('technology') ? 'technology' : 'unknown';
      const b = options[key];
      const inBand = p.match.min >= b.min && p.match.max <= b.max;
      const label = key === 'unknown' ? 'partner payout' : `${key} payout`;
      note({ kind: 'percent', subject: label, text: p.match.text, band: { min: b.min, max: b.max, unit: '%', label: `${key === 'unknown' ? 'typical partner' : key} band, ${fmtRange(b.min, b.max)}` }, inBand, at: p });
      if (inBand) continue;
      const side = p.match.max > b.max ? `above the ${fmtRange(b.min, b.max)} band` : `below the ${fmtRange(b.min, b.max)} band`;
      report({
        message: `${fmtRange(p.match.min, p.match.max)} ${label} is ${side}${key === 'unknown' ? '' : ` for ${key} partners`}.`,
        at: p,
      });
    }
  },
});
