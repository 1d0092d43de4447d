import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { templateSource } from '../core/templates.js';
import { appendToSectionFix, insertSectionFix, statesUnfilled } from '../core/fixes.js';
import { sectionAnchor } from './util.js';

export default defineRule({
  meta: {
    id: 'deal-reg-sla',
    title: 'Approval turnaround for deal registration',
    topic: 'dealRegistration',
    description: 'Deal registration states how fast registrations are approved or declined.',
    defaultSeverity: 'warning',
    category: 'design',
    options: z.object({ maxHours: z.number().positive().default(48).describe('Longest approval turnaround in line, in hours (a business day counts as 24).') }).strict().default({ maxHours: 48 }),
    fixable: true,
    safeFix: true,
    docs: {
      why: 'A registration nobody answers protects nobody. Partners register to claim a deal before direct sales does; without a promised turnaround (24-48 hours is usual) they stop registering and the conflict comes back.',
      fires: 'Deal registration is described but no approval turnaround is stated (on the section heading). As information, on each sentence whose stated turnaround is longer than 48 hours; two business days counts as 48 hours and is in line.',
      doesNotFire: 'Plans without deal registration (see `deal-reg-missing`); an expiry such as "valid for 120 days" is not a turnaround.',
      fix: 'State the approval SLA, for example "we approve or decline within 2 business days". The quick fix adds that line to the section.',
      example: '## Deal registration\n\n- Partners register opportunities in the portal.\n- Registrations are valid for 120 days.\n',
    },
  },
  check({ plan, evidence, options, report, note }) {
    const dr = evidence.dealReg;
    if (!dr) return;
    const sla = evidence.dealRegSla;
    if (!sla && statesUnfilled(dr.section, dr.sentences, /\b(?:approv|declin|SLA)/i)) return;
    if (!sla) {
      const section = dr.section ?? dr.sentences[0]?.section ?? null;
      const fix = dr.section
        ? appendToSectionFix(plan, dr.section, templateSource('deal-reg-sla'), 'Add an approval-SLA line', true)
        : insertSectionFix(plan, 'deal-registration', 'Insert a deal-registration policy', true);
      report({ message: 'Deal registration has no approval turnaround; say how fast registrations are approved or declined (24-48 hours is usual).', at: sectionAnchor(plan, dr.section ?? (section?.heading ? section : null), dr.sentences[0], 'dealRegistration'), fixes: [fix] });
      return;
    }
    // Each sentence that states a turnaround is judged (a main policy and its branches).
    for (const stated of evidence.dealRegSlas) {
      const inBand = stated.match.maxHours <= options.maxHours;
      note({ kind: 'duration', subject: 'deal-registration approval SLA', text: stated.match.text, band: { max: options.maxHours, unit: 'hours', label: `at most ${options.maxHours} hours` }, inBand, at: stated });
      if (!inBand)
        report({
          message: `Approval turnaround of ${stated.match.text}${stated.match.unit !== 'hour' ? ` (${stated.match.maxHours} hours)` : ''} is longer than ${options.maxHours} hours; partners wait too long to know a deal is theirs.`,
          at: stated,
          info: true,
        });
    }
  },
});
