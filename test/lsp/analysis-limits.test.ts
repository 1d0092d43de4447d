/**
 * The analysis thread's limits (server/analysis.ts): an analysis that needs more than the thread's
 * heap stops the thread; the document is reported as not analysed, as the command line does, and
 * a new thread analyses the next document. Closing a document frees it in the thread.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig } from '../../lib/index.js';
import { InlineAnalyser, WorkerAnalyser, type AnalysisRequest } from '../../server/analysis.js';
import { defaultEngine } from '../../server/engine.js';
import { RESELLER_PLAN } from './fixtures.js';

function request(uri: string, text: string, version = 1): AnalysisRequest {
  return {
    uri,
    open: true,
    current: () => ({ version, text }),
    config: defaultConfig(),
    maxFileSize: 64 * 1024 * 1024,
    timeoutMs: 60_000,
    timeLimitReason: 'it took longer than 60 s (setting partnerlint.timeout)',
    linked: () => undefined,
  };
}

/** A plan of about 3 MB: far more than a 48 MB heap holds while it is analysed (an ordinary plan needs a third of it). */
function hugePlan(): string {
  let text = RESELLER_PLAN;
  for (let i = 0; i < 12_000; i++) {
    text += `\n## Region r-${i}\n\nPartners in region r-${i} register deals through the portal; the channel team answers within ${(i % 9) + 1} business days.\n\n- Target: ${i * 7} partners by Q${(i % 4) + 1}.\n- Margin for the region: ${10 + (i % 15)}% on list price.\n`;
  }
  return text;
}

test('an analysis over the thread heap is reported as not analysed, and a new thread analyses the next document', { timeout: 120_000 }, async (t) => {
  const errors: string[] = [];
  const analyser = new WorkerAnalyser({ fallback: new InlineAnalyser(defaultEngine), heapMb: 48, onError: (m) => errors.push(m) });
  t.after(() => analyser.dispose());

  const huge = await analyser.analyse(request('file:///huge.md', hugePlan()));
  assert.ok(huge, 'an outcome');
  assert.equal(huge.limited, true);
  assert.deepEqual(
    huge.result.findings.map((f) => [f.ruleId, f.line, f.message]),
    [['not-analysed', 1, 'Not analysed: it is too large to analyse (its analysis needed more than the 48 MB memory limit). Findings in this file are not reported.']],
  );

  const next = await analyser.analyse(request('file:///plan.md', RESELLER_PLAN));
  assert.ok(next && !next.limited, 'the next document is analysed');
  await next.complete;
  const expected = defaultEngine.lint(RESELLER_PLAN, { config: defaultConfig() });
  assert.deepEqual(next.result.findings.map((f) => f.ruleId), expected.findings.map((f) => f.ruleId));
  assert.equal(next.result.sections.length, expected.sections.length, 'the details arrive after the findings');
  assert.deepEqual(errors, [], 'a limit is not a failure of the thread');
});

test('edits are applied in the thread; a closed document is sent whole when it is opened again', async (t) => {
  const analyser = new WorkerAnalyser({ fallback: new InlineAnalyser(defaultEngine) });
  t.after(() => analyser.dispose());
  const uri = 'file:///plan.md';
  const first = await analyser.analyse(request(uri, RESELLER_PLAN));
  assert.ok(first);
  // An edit as a client sends it: "x" at the start of line 7.
  const lines = RESELLER_PLAN.split('\n');
  lines[6] = `x${lines[6]}`;
  const edited = lines.join('\n');
  analyser.changed(uri, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: 'x' }]);
  const second = await analyser.analyse(request(uri, edited, 2));
  assert.ok(second, 'the thread applied the edit to the text it has (else the lengths would differ and the result be dropped)');
  assert.equal(second.text, edited);
  analyser.forget(uri);
  const reopened = await analyser.analyse(request(uri, RESELLER_PLAN, 1));
  assert.ok(reopened);
  assert.deepEqual(reopened.result.findings.map((f) => f.ruleId), first.result.findings.map((f) => f.ruleId));
});
