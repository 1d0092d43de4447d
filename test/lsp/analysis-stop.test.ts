/**
 * An analysis that a newer version of its document replaced is stopped between its steps, and
 * whoever waited on it gets the newer version's analysis; what it had cached stays valid.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as lib from '../../lib/index.js';
import { InlineAnalyser, WorkerAnalyser, type AnalysisRequest } from '../../server/analysis.js';
import { defaultEngine } from '../../server/engine.js';
import { RESELLER_PLAN } from './fixtures.js';

function bigPlan(n: number): string {
  let text = RESELLER_PLAN;
  for (let i = 0; i < n; i++) {
    text += `\n## Region r-${i}\n\nPartners in region r-${i} register deals through the portal; the channel team answers within ${(i % 9) + 1} business days.\n\n- Target: ${i * 7} partners by Q${(i % 4) + 1}.\n- Margin for the region: ${10 + (i % 15)}% on list price.\n`;
  }
  return text;
}

test('a superseded analysis is stopped, and its waiters get the analysis of the newer version', { timeout: 120_000 }, async (t) => {
  const analyser = new WorkerAnalyser({ fallback: new InlineAnalyser(defaultEngine) });
  t.after(() => analyser.dispose());
  const config = lib.defaultConfig();
  const documents = new Map<string, { version: number; text: string }>();
  const request = (uri: string): AnalysisRequest => ({
    uri,
    open: true,
    current: () => documents.get(uri),
    config,
    maxFileSize: 50 * 1024 * 1024,
    timeoutMs: 60_000,
    timeLimitReason: 'too slow',
    linked: () => undefined,
  });

  // The thread is started and warm.
  documents.set('file:///warm.md', { version: 1, text: RESELLER_PLAN });
  assert.ok(await analyser.analyse(request('file:///warm.md')));

  const uri = 'file:///big.md';
  const first = bigPlan(3000);
  documents.set(uri, { version: 1, text: first });
  const older = analyser.analyse(request(uri));
  // The first analysis of a large document takes seconds; a keystroke comes in meanwhile.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const insert = '\nThe channel team owns this plan.\n';
  documents.set(uri, { version: 2, text: first + insert });
  analyser.changed(uri, [{ range: { start: { line: first.split('\n').length - 1, character: 0 }, end: { line: first.split('\n').length - 1, character: 0 } }, text: insert }]);
  const newer = analyser.analyse(request(uri));

  const [a, b] = await Promise.all([older, newer]);
  assert.equal(analyser.stoppedAnalyses, 1, 'the analysis of version 1 was stopped');
  assert.equal(a?.version, 2, 'the waiter on version 1 got the analysis of version 2');
  assert.equal(b?.version, 2);
  // What the stopped analysis cached is valid: the result is what a fresh analysis finds.
  const fresh = lib.lint(first + insert, { config });
  assert.deepEqual(
    b!.result.findings.map((f) => [f.ruleId, f.line, f.message]),
    fresh.findings.map((f) => [f.ruleId, f.line, f.message]),
  );

  // An analysis nobody replaced runs to its end.
  const again = await analyser.analyse(request(uri));
  assert.equal(again?.version, 2);
  assert.equal(analyser.stoppedAnalyses, 1);
});
