import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { judgedTierStructures } from './util.js';

export default defineRule({
  meta: {
    id: 'tier-criteria',
    title: 'Tier entry criteria and benefits',
    description: 'Every tier states its entry criteria and its benefits.',
    defaultSeverity: 'warning',
    category: 'structure',
    options: z.object({}).strict().default({}),
    fixable: false,
    docs: {
      why: 'A tier is a deal: do this, get that. A tier without criteria cannot be earned; a tier without benefits is not worth earning.',
      fires: 'A tier row, item or heading has no entry criteria (certifications, closed deals, revenue) or no benefits (margin, MDF, support, access). An empty or "—" cell counts as missing.',
      doesNotFire: 'Tiers with both; tables that are not tier structures.',
      fix: 'Fill in the missing criteria or benefits for that tier.',
      example: '| Level | Entry criteria | Benefits |\n|---|---|---|\n| Select | $100k partner-sourced ARR | — |\n',
    },
  },
  check({ plan, kind, evidence, report }) {
    for (const t of judgedTierStructures(plan, kind, evidence)) {
      for (const tier of t.tiers) {
        const missing = [!tier.hasCriteria && 'entry criteria', !tier.hasBenefits && 'benefits'].filter(Boolean);
        if (!missing.length) continue;
        report({ message: `Tier "${tier.name}" has no ${missing.join(' and no ')}.`, at: plan.lines.lineSpan(plan.lines.lineOf(tier.unit.start)) });
      }
    }
  },
});
