import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { insertSectionFix } from '../core/fixes.js';

export default defineRule({
  meta: {
    id: 'enablement-missing',
    title: 'Partner onboarding and enablement',
    topic: 'enablement',
    kinds: ['plan', 'guide'],
    description: 'Recruited partners get onboarding and enablement.',
    defaultSeverity: 'warning',
    category: 'lifecycle',
    options: z.object({}).strict().default({}),
    fixable: true,
    docs: {
      why: 'Between a signed agreement and the first deal sits enablement: training, certification, a sales playbook, a joint go-to-market plan. Skip it and partners sign, then never sell.',
      fires: 'The plan recruits or lists partners and plans no onboarding or enablement. On the title.',
      doesNotFire: 'An enablement or onboarding section, or training, certification, playbooks or a joint plan anywhere. "Do partners need training? Not really" is not enablement.',
      fix: 'Plan the first 90 days: training and certification, a sales playbook, a joint go-to-market plan. The quick fix inserts a 30/60/90-day template.',
      example: '## Recruiting\n\nWe will sign twenty resellers this year.\n',
    },
  },
  check({ plan, evidence, report }) {
    if (!evidence.recruiting && !plan.archetypes.length) return;
    if (evidence.enablement) return;
    report({ message: 'Partners are recruited but no onboarding or enablement is planned (training, certification, playbook, joint plan).', at: plan.titleSpan(), fixes: [insertSectionFix(plan, 'onboarding-30-60-90', 'Insert a 30/60/90-day onboarding plan', false)] });
  },
});
