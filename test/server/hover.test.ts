/** The hover provider in memory: a finding's plain message, benchmark notes, the readiness breakdown on the title. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver/node.js';
import { escapeMarkdown, ruleDocsUrl } from '../../lib/index.js';
import { defaultEngine } from '../../server/engine.js';
import { hover } from '../../server/providers/hover.js';
import { RESELLER_PLAN, analysed, lineOf } from './analysed.js';

const { analysis } = analysed(RESELLER_PLAN);
const result = analysis.result!;
const at = (line: number, character: number) => ({ line, character });
const markdown = { engine: defaultEngine, markdown: true };

test('hovering a finding shows its rule, its plain message, its fixes and its documentation', () => {
  const margin = result.findings.find((f) => f.ruleId === 'margin-range')!;
  const found = hover(result, at(margin.line - 1, margin.column), markdown);
  const contents = found?.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  assert.ok(contents.value.includes(escapeMarkdown('32% reseller payout is above the 15-30% band for reseller partners.')), contents.value);
  assert.ok(contents.value.includes('**margin-range** (warning): Partner margins, commissions and referral fees sit inside the band their archetype can bear.'));
  assert.ok(contents.value.includes(`[Documentation for margin-range](${ruleDocsUrl('margin-range')})`));
  // The benchmark note on the same figure follows the finding.
  assert.match(contents.value, /Benchmark: .*This figure is outside the benchmark band\./);
  assert.deepEqual(found?.range, { start: at(margin.line - 1, margin.column - 1), end: at(margin.endLine - 1, margin.endColumn - 1) });
});

test("a finding's fixes are listed, an editor-only fix marked", () => {
  const line = lineOf(RESELLER_PLAN, '## Deal registration');
  const value = (hover(result, at(line, 3), markdown)?.contents as MarkupContent).value;
  assert.ok(value.includes('Fixes:\n- Add an approval-SLA line'), value);
  const margins = lineOf(RESELLER_PLAN, '## Margin');
  assert.ok((hover(result, at(margins, 3), markdown)?.contents as MarkupContent).value.includes('- Add payout cadence and statements (editor only)'));
});

test('the title shows the readiness score and each precondition with its evidence', () => {
  const value = (hover(result, at(lineOf(RESELLER_PLAN, '# '), 0), markdown)?.contents as MarkupContent).value;
  assert.ok(value.includes('**Readiness 83/100**'), value);
  assert.ok(value.includes('| Precondition | Evidence | Why |'));
  assert.match(value, /\| [^|]+ \| no \|/, 'a precondition without evidence');
  assert.match(value, /\| [^|]+ \| yes \(lines? [\d, ]+\) \|/, 'a precondition with its evidence lines');
});

test('a client without markdown hovers gets plain text; nothing under the cursor gives no hover', () => {
  const margin = result.findings.find((f) => f.ruleId === 'margin-range')!;
  const plain = hover(result, at(margin.line - 1, margin.column), { engine: defaultEngine, markdown: false });
  assert.equal((plain?.contents as MarkupContent).kind, 'plaintext');
  assert.equal(hover(result, at(lineOf(RESELLER_PLAN, '- A sales course'), 4), markdown), null);
});
