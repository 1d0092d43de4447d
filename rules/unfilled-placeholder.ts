import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { PLACEHOLDER } from '../core/templates.js';

export default defineRule({
  meta: {
    id: 'unfilled-placeholder',
    title: 'Unfilled placeholders',
    description: 'Every placeholder a template or fix inserted has been filled in.',
    defaultSeverity: 'warning',
    category: 'structure',
    options: z.object({}).strict().default({}),
    fixable: false,
    docs: {
      why: 'Templates and fixes never decide for you: where a number, a name, a date or a choice belongs they write a placeholder such as ‹N› business days. A plan that still carries one reads as a promise nobody made, so it stays visible until you fill it in.',
      fires: 'On each placeholder between single guillemets (‹ and ›) left in the text, headings and tables included; code blocks are not read.',
      doesNotFire: 'Filled-in values; square-bracket fields meant for partners to fill in on a form (such as [DEAL_REGISTRATION_NUMBER]); text inside code blocks.',
      fix: 'Replace the placeholder with your own value or wording, or delete the sentence if it does not apply to your program. In the editor, inserted templates put the cursor on each placeholder in turn (Tab moves to the next).',
      example: '## Deal registration\n\n**Approval SLA:** we approve or decline every registration within ‹N› business days.\n',
    },
  },
  check({ plan, report }) {
    const holders = plan.select('placeholders', (s) => s.unit.kind !== 'code' && s.text.includes('‹'));
    for (const s of holders) {
      PLACEHOLDER.lastIndex = 0;
      for (let m = PLACEHOLDER.exec(s.text); m; m = PLACEHOLDER.exec(s.text)) {
        report({ message: `Fill in this placeholder: ${m[0]} is still a blank where your own value belongs.`, at: s.range(m.index, m.index + m[0].length) });
      }
    }
  },
});
