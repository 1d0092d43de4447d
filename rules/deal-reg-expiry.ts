import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { appendToSectionFix, statesUnfilled } from '../core/fixes.js';
import { band, days, sectionAnchor } from './util.js';

export default defineRule({
  meta: {
    id: 'deal-reg-expiry',
    title: 'Deal registration expiry',
    topic: 'dealRegistration',
    description: 'Deal registrations expire, after 90-180 days.',
    defaultSeverity: 'warning',
    category: 'deal-registration',
    options: z.object({ days: band(90, 180, 'Expiry of an approved registration, in days.') }).strict().default({ days: { min: 90, max: 180 } }),
    fixable: true,
    docs: {
      why: 'A registration that never expires lets a partner park an account for good; one that expires in weeks punishes normal sales cycles. 90-180 days covers most B2B deals.',
      fires: 'Deal registration is described with no expiry (on the section heading). As information, when the stated expiry is shorter than 90 or longer than 180 days (one year is too long).',
      doesNotFire: 'Plans without deal registration; an extension clause on top of an expiry in range.',
      fix: 'State how long an approved registration holds, for example "valid for 120 days, with one extension if the deal is active".',
      example: '## Deal registration\n\n- Partners register opportunities and we approve within 24 hours.\n',
    },
  },
  check({ plan, evidence, options, report, note }) {
    const dr = evidence.dealReg;
    if (!dr) return;
    const all = evidence.dealRegExpiries;
    if (!all.length && statesUnfilled(dr.section, dr.sentences, /\b(?:valid|expir)/i)) return;
    if (!all.length) {
      report({
        message: 'Deal registration has no expiry; say how long an approved registration holds (90-180 days is usual).',
        at: sectionAnchor(plan, dr.section, dr.sentences[0], 'dealRegistration'),
        fixes: dr.section ? [appendToSectionFix(plan, dr.section, '**Expiry:** an approved registration is valid for {{1:N}} days.', 'Add an expiry line', false)] : [],
      });
      return;
    }
    for (const exp of all) {
      const d = days(exp.match.maxHours);
      const lo = days(exp.match.minHours);
      const inBand = lo >= options.days.min && d <= options.days.max;
      note({ kind: 'duration', subject: 'deal-registration expiry', text: exp.match.text, band: { min: options.days.min, max: options.days.max, unit: 'days', label: `${options.days.min}-${options.days.max} days` }, inBand, at: exp });
      if (!inBand)
        report({
          message: `Registrations held for ${exp.match.text}${exp.match.unit === 'day' ? '' : ` (about ${d} days)`} fall outside ${options.days.min}-${options.days.max} days.`,
          at: exp,
          info: true,
        });
    }
  },
});
