import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { insertSectionFix } from '../core/fixes.js';
import { partnerLeavesOnNotice, statesPartnerExit, statesProgramExit } from '../core/facts/index.js';
import type { Sentence } from '../core/sentences.js';
import { content } from '../core/structure.js';
import { isHedged } from '../core/language.js';

export default defineRule({
  meta: {
    id: 'exit-criteria',
    title: 'Exit criteria',
    topic: 'exitCriteria',
    kinds: ['plan', 'guide'],
    description: 'The plan says when a partner is downgraded or offboarded, and when the program is redesigned or stopped.',
    defaultSeverity: 'warning',
    category: 'design',
    options: z.object({}).strict().default({}),
    fixable: true,
    safeFix: true,
    docs: {
      why: 'Programs without exit criteria keep paying for partners who stopped selling years ago, and keep running long after the numbers say the model does not work. Deciding the exits up front turns an awkward conversation into a rule everyone signed.',
      fires: 'Nowhere in the plan is there a condition for moving a partner down or out (for example "no closed deal in 18 months") or for redesigning or stopping the program (for example "channel below 10% of revenue by month 24"). The finding sits on the title.',
      doesNotFire: 'On a partner guide, only the partner side is asked for: a guide that says when a partner moves down or leaves passes. On a policy page the rule is silent. An "Exit criteria" section, or sentences anywhere that downgrade, offboard or do not renew partners, or that redesign or sunset the program on a stated condition. A vague "we will revisit the plan" is not an exit criterion.',
      fix: 'Add an "Exit criteria" section: a partner-level rule (inactivity, missed tier criteria) and a program-level rule (a revenue share by a month). The quick fix inserts a template at the end of the plan.',
      example: '# Acme Reseller Program\n\n## Economics\n\nResellers keep a 20% margin.\n',
    },
  },
  check({ plan, kind, evidence, report }) {
    // An exit section counts when it says more than how a partner may leave of its own accord.
    const exitStatement = (s: Sentence) => s.unit.kind !== 'heading' && content(s).length > 10 && !isHedged(s.text) && !partnerLeavesOnNotice(s.text);
    if (plan.sectionsWith('exitCriteria').some((s) => [...s.allSentences()].length > 1 && [...s.allSentences()].some(exitStatement))) return;
    if (evidence.inTopic('exitCriteria').some(exitStatement)) return;
    // Exit conditions are negative by nature ("no deal in 12 months"), so negation does not discount them.
    if (plan.statements('partnerExit', (s) => statesPartnerExit(s.text)).length) return;
    // A partner guide owes its partners only their side: when they move down or leave.
    if (kind === 'plan' && plan.statements('programExit', (s) => statesProgramExit(s.text)).length) return;
    report({
      message:
        kind === 'plan'
          ? 'No exit criteria: say when a partner moves down or leaves, and when the program is redesigned or stopped.'
          : 'The guide never tells partners when they move down a tier or leave the program.',
      at: plan.titleSpan(),
      fixes: [insertSectionFix(plan, 'exit-criteria', 'Insert an "Exit criteria" section', true)],
    });
  },
});
