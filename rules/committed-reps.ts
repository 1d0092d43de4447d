import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { appendSentenceFix } from '../core/fixes.js';
import { renderLine } from '../core/templates.js';

const EXEC_ONLY =
  /\b(?:CEO|founder|co-founder|exec(?:utive)?|VP|C-level|C-suite|chief \w+ officer|president|owner)s?[- ]to[- ](?:CEO|founder|co-founder|exec(?:utive)?|VP|C-level|C-suite|owner)s?\b|\bexec(?:utive)? sponsors?(?:hip)?\b|\bexecutive[- ](?:level )?relationships?\b|\bVP-level relationships?\b|\bsenior[- ]exec(?:utive)?s? (?:agreed|signed off|committed|said yes)\b|\brelationship (?:between|of) (?:our|the) (?:CEOs|founders|executives)\b|\b(?:owned|run|held|managed|handled|led) at (?:the )?(?:VP|exec(?:utive)?|C-level|C-suite|CEO|founder|senior|leadership)[- ]level\b|\b(?:VP|exec(?:utive)?|C|leadership)[- ]level (?:on both sides|relationships?|sponsors?(?:hip)?)\b|\bbetween (?:the )?(?:two |both )?(?:CEOs|founders|VPs|executives|leadership teams)\b|\b(?:founders?|CEO|co-founders?|exec(?:utive)?s?|leadership)\b[^.]{0,30}\b(?:personally )?(?:manage|own|run|handle|hold)s? (?:each|every|all|the) (?:partner )?relationships?\b|\bexec(?:utive)? sponsors? on both sides\b/i;

export const NAMED_REPS =
  /\b(?:named|committed|dedicated|quota[- ]carrying)\b[^.;]{0,40}\b(?:sales ?)?(?:reps?|salespe\w+|sellers?|sales team|account (?:executives?|managers?)|AEs?)\b|\bnames? (?:a|the|one or more|at least one|its|their)\b[^.;]{0,30}\b(?:salesperson|sales ?reps?|reps?|sellers?|salespeople)\b|\b(?:reps?|salespe\w+) (?:committed|dedicated) to\b/i;

export default defineRule({
  meta: {
    id: 'committed-reps',
    description: 'A partnership that rests on executives also requires the partner to name committed sales reps.',
    defaultSeverity: 'warning',
    category: 'design',
    options: z.object({}).strict().default({}),
    fixable: true,
    docs: {
      why: 'A partner\'s executive saying yes is not the same as the partner\'s sellers pitching you. The commonest dead partnership has an enthusiastic sponsor and no rep who carries the product.',
      fires: 'A sentence builds a partnership or a recruiting step on executives (CEO-to-CEO, founder-to-VP, an executive sponsor, a "VP-level relationship") and the plan nowhere asks the partner to name committed, dedicated or quota-carrying sales reps. One finding per such sentence.',
      doesNotFire: 'Executive sponsorship alongside a requirement for named or committed reps anywhere in the plan; founders sending introduction emails (that is outreach, not the relationship).',
      fix: 'Require each partner to name at least one committed sales rep who carries the product. The quick fix appends that requirement to the sentence.',
      example: 'Our alliance rests on a CEO-to-CEO relationship with the partner.\n',
    },
  },
  check({ plan, evidence, report }) {
    if (evidence.find(NAMED_REPS)) return;
    for (const s of plan.matching(EXEC_ONLY)) {
      report({
        message: 'This relationship rests on executives only; require the partner to name committed sales reps who carry the product.',
        at: plan.sentenceSpan(s),
        fixes: [appendSentenceFix(s.end, renderLine('Each partner also names at least {{1:N}} committed sales reps who carry our product and are measured on it.'), 'Append a named-rep requirement', false)],
      });
    }
  },
});
