/** The code-lens provider in memory: the readiness summary on the title, each section's coverage on its heading. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { titleSummary } from '../../lib/index.js';
import { codeLenses } from '../../server/providers/code-lens.js';
import { RESELLER_PLAN, URI, analysed, lineOf } from './analysed.js';

const options = { showDocument: false, titleSummary };

test('a plan gets its readiness lens on the title and one lens per section, saying what is missing', () => {
  const { result } = analysed(RESELLER_PLAN).analysis;
  const lenses = codeLenses(URI, result!, options);
  assert.deepEqual(
    lenses.map((l) => [l.range.start.line, l.command?.title]),
    [
      [lineOf(RESELLER_PLAN, '# '), 'Readiness 83/100 · 5/6 preconditions · 5 findings'],
      [lineOf(RESELLER_PLAN, '## Margin'), 'Margins and commissions 2/3 · missing payout cadence'],
      [lineOf(RESELLER_PLAN, '## Deal registration'), 'Deal registration 3/4 · missing SLA'],
      [lineOf(RESELLER_PLAN, '## Partner tiers'), 'Tiers 3/3'],
      [lineOf(RESELLER_PLAN, '## Enablement'), 'Enablement 2/3 · missing sales playbook'],
      [lineOf(RESELLER_PLAN, '## Goals'), 'Metrics 2/4 · missing satisfaction, partner-sourced pipeline'],
      [lineOf(RESELLER_PLAN, '## Exit criteria'), 'Exit criteria 2/2'],
    ],
  );
  assert.deepEqual(lenses[0].command?.arguments, [URI]);
  assert.equal(lenses[0].command?.command, 'partnerlint.readinessReport');
  assert.deepEqual(lenses[2].command?.arguments, [URI, 'dealRegistration']);
});

test("the client's readiness command runs from every lens", () => {
  const { result } = analysed(RESELLER_PLAN).analysis;
  const lenses = codeLenses(URI, result!, { ...options, readinessCommand: 'editor.showReadiness' });
  assert.deepEqual(new Set(lenses.map((l) => l.command?.command)), new Set(['editor.showReadiness']));
});

test('a document that is not a plan gets no lenses', () => {
  const { result } = analysed('# ferrous-cache\n\nA small in-memory cache for Rust services.\n\n## Install\n\ncargo add ferrous-cache\n').analysis;
  assert.equal(result?.isPlan, false);
  assert.deepEqual(codeLenses(URI, result!, options), []);
});
