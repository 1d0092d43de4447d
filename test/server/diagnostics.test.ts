/** The diagnostics provider in memory: findings as diagnostics, notes, config problems, pull reports, readiness data. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleDocsUrl, titleSummary } from '../../lib/index.js';
import { configProblemDiagnostics, diagnosticReport, readinessNotification, resultDiagnostics, tooLargeDiagnostic } from '../../server/providers/diagnostics.js';
import { RESELLER_PLAN, URI, analysed } from './analysed.js';

test('each finding is one diagnostic: its rule, plain message, range, documentation and fixes for this version', () => {
  const { document, analysis } = analysed(RESELLER_PLAN, 7);
  const result = analysis.result!;
  const diagnostics = resultDiagnostics(document, result, false, ruleDocsUrl);
  assert.deepEqual(diagnostics.map((d) => d.code), ['pricing-protection', 'readiness-unproven', 'commission-ops', 'margin-range', 'deal-reg-sla']);
  const margin = diagnostics[3];
  assert.equal(margin.message, '32% reseller payout is above the 15-30% band for reseller partners.');
  assert.equal(margin.severity, 2);
  assert.equal(margin.source, 'partnerlint');
  assert.deepEqual(margin.codeDescription, { href: ruleDocsUrl('margin-range') });
  assert.deepEqual(margin.range, { start: { line: 18, character: 20 }, end: { line: 18, character: 23 } });
  const sla = diagnostics[4].data as { version: number; ruleId: string; fixes: Array<{ title: string; safe: boolean }> };
  assert.equal(sla.version, 7);
  assert.deepEqual(sla.fixes.map((f) => [f.title, f.safe]), [['Add an approval-SLA line', true]]);
});

test('a skipped document gets a note, unless the not-analysed finding already says so', () => {
  const { document, analysis } = analysed(RESELLER_PLAN);
  const skipped = { ...analysis.result!, findings: [], skipped: 'it is not text' };
  assert.deepEqual(resultDiagnostics(document, skipped, false, ruleDocsUrl).map((d) => [d.severity, d.message]), [[3, 'Partnerlint did not analyse this document: it is not text']]);
  assert.deepEqual(resultDiagnostics(document, skipped, true, ruleDocsUrl), []);
});

test('a document over the size limit gets a note naming both sizes and the setting', () => {
  assert.equal(
    tooLargeDiagnostic(6 * 1024 * 1024, 5 * 1024 * 1024).message,
    'Partnerlint did not analyse this document: it is 6 MB, over the 5 MB limit (setting partnerlint.maxFileSize).',
  );
});

test('a config problem is an error from its key to the end of its line; the first line when its position is unknown', () => {
  const lines = ['{', '  "rules": { "margin-range": "loud" }', '}'];
  const [known, unknown] = configProblemDiagnostics(
    [
      { file: '/w/.partnerlintrc.json', keyPath: 'rules.margin-range', message: 'not a severity', line: 2, column: 15 },
      { file: '/w/.partnerlintrc.json', keyPath: '', message: 'the file is not JSON' },
    ],
    lines,
  );
  assert.deepEqual(known.range, { start: { line: 1, character: 14 }, end: { line: 1, character: lines[1].length } });
  assert.equal(known.message, 'rules.margin-range: not a severity');
  assert.equal(known.severity, 1);
  assert.deepEqual(unknown.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
  assert.equal(unknown.message, 'the file is not JSON');
});

test('a pull report is unchanged when the client holds this analysis, full otherwise', () => {
  const { analysis } = analysed(RESELLER_PLAN, 3);
  const full = diagnosticReport({ ...analysis, id: 9, generation: 2 }, undefined);
  assert.deepEqual(full, { kind: 'full', resultId: '3:2:9', items: analysis.diagnostics });
  assert.deepEqual(diagnosticReport({ ...analysis, id: 9, generation: 2 }, '3:2:9'), { kind: 'unchanged', resultId: '3:2:9' });
  assert.equal(diagnosticReport({ ...analysis, id: 10, generation: 2 }, '3:2:9').kind, 'full');
});

test('the readiness notification carries the score, kind and summary; a document that is not analysed has none', () => {
  const { analysis } = analysed(RESELLER_PLAN, 4);
  assert.deepEqual(readinessNotification(URI, analysis, titleSummary), {
    uri: URI,
    version: 4,
    isPlan: true,
    kind: 'plan',
    score: 83,
    summary: 'Readiness 83/100 · 5/6 preconditions · 5 findings',
  });
  assert.deepEqual(readinessNotification(URI, { ...analysis, result: null }, titleSummary), { uri: URI, version: 4, isPlan: false, kind: null, score: null, summary: null });
});
