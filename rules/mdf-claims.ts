import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { appendToSectionFix } from '../core/fixes.js';
import { sectionAnchor } from './util.js';

export default defineRule({
  meta: {
    id: 'mdf-claims',
    title: 'MDF claims',
    topic: 'mdf',
    description: 'MDF is claimed against a marketing plan approved up front or reimbursed against proof of execution.',
    defaultSeverity: 'warning',
    category: 'economics',
    options: z.object({}).strict().default({}),
    fixable: true,
    docs: {
      why: 'MDF without a plan or proof becomes an unconditional rebate: money spent, nothing to show, and no way to tell which partners used it well.',
      fires: 'MDF is offered and the plan asks for neither a marketing plan before the money is spent nor proof of execution before it is paid. On the MDF section heading, else the first sentence offering MDF.',
      doesNotFire: '"A campaign plan is approved before spending", "reimbursed on proof of execution", "claims are paid against invoices".',
      fix: 'Require a short marketing plan up front and reimburse against invoices and proof of execution.',
      example: '### MDF\n\nPartners can draw up to $10,000 in MDF per half-year.\n',
    },
  },
  check({ plan, evidence, report }) {
    const offered = evidence.mdfOffered;
    if (!offered.length || evidence.mdfClaims) return;
    const section = plan.sectionsWith('mdf')[0] ?? null;
    report({
      message: 'MDF is offered without a marketing plan up front or reimbursement against proof of execution.',
      at: sectionAnchor(plan, section, offered.find((s) => !s.unit.cells) ?? offered[0], 'mdf'),
      fixes: section ? [appendToSectionFix(plan, section, 'MDF is paid only against {{1:a marketing plan approved before spending}} and reimbursed {{2:on proof of execution}} within {{3:N}} days.', 'Add MDF claim rules', false)] : [],
    });
  },
});
