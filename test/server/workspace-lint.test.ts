/** The workspace-lint provider in memory: the summary, the progress, the diagnostics pushed per file. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countFile, fileDiagnostics, progressStep } from '../../server/providers/workspace-lint.js';
import { RESELLER_PLAN, URI, analysed } from './analysed.js';

test('the summary counts plans and findings; an unreadable file counts as a file only', () => {
  const plan = analysed(RESELLER_PLAN).analysis;
  const readme = analysed('# ferrous-cache\n\nA small cache.\n').analysis;
  let summary = { files: 3, plans: 0, findings: 0, cancelled: false };
  for (const analysis of [plan, readme, undefined]) summary = countFile(summary, analysis);
  assert.deepEqual(summary, { files: 3, plans: 1, findings: 5, cancelled: false });
});

test('progress names the file and how far the run is', () => {
  assert.deepEqual(progressStep(1, 3, '/w/plans/a.md'), { percentage: 33, message: '1/3 a.md' });
  assert.deepEqual(progressStep(3, 3, '/w/plans/c.md'), { percentage: 100, message: '3/3 c.md' });
});

test('diagnostics are pushed for closed files, and for open ones only when the client does not pull them', () => {
  const { analysis } = analysed(RESELLER_PLAN, 6);
  assert.deepEqual(fileDiagnostics(URI, analysis, false, true), { uri: URI, version: undefined, diagnostics: analysis.diagnostics });
  assert.deepEqual(fileDiagnostics(URI, analysis, true, false), { uri: URI, version: 6, diagnostics: analysis.diagnostics });
  assert.equal(fileDiagnostics(URI, analysis, true, true), undefined);
});
