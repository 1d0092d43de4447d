import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { appendToSectionFix, statesUnfilled } from '../core/fixes.js';
import { sectionAnchor } from './util.js';

export default defineRule({
  meta: {
    id: 'deal-reg-conflicts',
    title: 'Deal registration conflicts',
    topic: 'dealRegistration',
    description: 'Deal registration says who wins when two partners, or a partner and direct sales, register the same account.',
    defaultSeverity: 'warning',
    category: 'deal-registration',
    options: z.object({}).strict().default({}),
    fixable: true,
    docs: {
      why: 'Contested registrations are where trust in a program is won or lost. Without a written rule, every duplicate becomes a negotiation and the loser stops registering.',
      fires: 'Deal registration is described but no rule covers duplicate or contested registrations (two partners on one account, or a partner and direct sales). On the section heading.',
      doesNotFire: '"First complete registration wins", "disputes go to the VP of Sales and the head of partnerships", or a rule for accounts already in direct pipeline.',
      fix: 'Add a conflict rule: who wins a duplicate, and where disputes with direct sales go.',
      example: '## Registering a referral\n\n- Turnaround: one business day.\n- Valid for 100 days.\n',
    },
  },
  check({ plan, evidence, report }) {
    const dr = evidence.dealReg;
    if (!dr || evidence.dealRegConflictRule || statesUnfilled(dr.section, dr.sentences, /\b(?:conflicts?|same account|disputes?)\b/i)) return;
    report({
      message: 'Deal registration has no rule for duplicate or contested registrations (two partners, or a partner and direct sales, on one account).',
      at: sectionAnchor(plan, dr.section, dr.sentences[0], 'dealRegistration'),
      fixes: dr.section
        ? [appendToSectionFix(plan, dr.section, '**Conflicts:** if two partners register the same account, {{1:which registration wins}}; disputes with direct sales go to {{2:who decides}}.', 'Add a conflict rule', false)]
        : [],
    });
  },
});
