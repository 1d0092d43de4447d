import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { insertSectionFix } from '../core/fixes.js';

export default defineRule({
  meta: {
    id: 'channel-conflict',
    title: 'Channel conflict policy',
    topic: 'conflict',
    description: 'A company with a direct sales team and resellers or referral partners has a channel-conflict policy.',
    defaultSeverity: 'warning',
    category: 'deal-registration',
    options: z.object({}).strict().default({}),
    fixable: true,
    docs: {
      why: 'When direct reps and partners chase the same accounts, partners complain, reps complain and deals are lost. Conflict is the first way channel programs fail.',
      fires: 'The plan mentions a direct sales team, has reseller or referral partners, and states none of: named accounts or territories, registered accounts closed to direct reps, credit for direct reps on partner-led deals, or an escalation path. On the title. Also on any sentence saying direct reps get no credit on partner deals.',
      doesNotFire: 'A missing policy on a policy page (the page is judged on what it covers); plans with no direct team; technology or strategic programs only; any of the policies above anywhere in the plan.',
      fix: 'Write a conflict policy: named accounts, hands-off registered deals, overlay credit for direct reps, and an escalation path. The quick fix inserts a template.',
      example: '---\ntype: partnership-plan\narchetypes: [referral]\n---\n# Plan\n\nOur three account executives keep closing deals as they do today.\n',
    },
  },
  check({ plan, kind, evidence, report }) {
    if (!plan.archetypes.some((a) => a === 'reseller' || a === 'referral')) return;
    for (const s of evidence.noCreditStatements)
      report({ message: 'Direct reps get no credit on partner-led deals: they will compete with partners instead of helping them.', at: plan.sentenceSpan(s) });
    // A policy page is judged on what it covers, never on a policy missing from the whole program.
    if (kind === 'policy' || !evidence.directTeam || evidence.conflictPolicy) return;
    report({
      message: 'There is a direct sales team but no channel-conflict policy (named accounts or territories, hands-off registered deals, direct-rep credit, or an escalation path).',
      at: plan.titleSpan(),
      fixes: [insertSectionFix(plan, 'conflict-policy', 'Insert a channel-conflict policy', false)],
    });
  },
});
