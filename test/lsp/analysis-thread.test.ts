/**
 * Analysis runs off the main thread: while a slow document is analysed, requests about other
 * documents are answered at once, and a document over the time budget is reported as not
 * analysed without holding up the rest.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node.js';
import { LspClient, tempDir, writePlan } from './harness.js';
import { RESELLER_PLAN } from './fixtures.js';

/** The fixture plan with `n` regional sections of its own: a few seconds of analysis for a few thousand. */
function slowPlan(n: number): string {
  let text = RESELLER_PLAN;
  for (let i = 0; i < n; i++) {
    text += `\n## Region r-${i}\n\nPartners in region r-${i} register deals through the portal; the channel team answers within ${(i % 9) + 1} business days.\n\n- Target: ${i * 7} partners by Q${(i % 4) + 1}.\n- Margin for the region: ${10 + (i % 15)}% on list price.\n`;
  }
  return text;
}

/** On the fixture's title: the hover shows the readiness score. */
function titlePosition(text: string): { line: number; character: number } {
  const line = text.split('\n').findIndex((l) => l.startsWith('# '));
  assert.ok(line >= 0, 'the fixture has a title');
  return { line, character: 3 };
}

/** Resolves once the server has asked for the settings of `uri` (it analyses the document next). */
async function settingsAsked(client: LspClient, uri: string): Promise<void> {
  const asked = () => client.configurationRequests.some((r) => JSON.stringify(r).includes(JSON.stringify(uri)));
  const limit = Date.now() + 20_000;
  while (!asked()) {
    if (Date.now() > limit) throw new Error(`the server never asked for the settings of ${uri}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

test('a hover on an analysed document is answered while another document is being analysed', { timeout: 120_000 }, async (t) => {
  const client = await LspClient.start({ settings: { debounceMs: 0 } });
  t.after(() => client.dispose());
  const dir = tempDir();
  const quick = writePlan(dir, 'quick.md', RESELLER_PLAN);
  await client.open(quick.uri, RESELLER_PLAN);
  const quickDiagnostics = await client.waitForDiagnostics(quick.uri, (p) => p.version === 1);
  assert.ok(quickDiagnostics.diagnostics.length > 0);
  const position = titlePosition(RESELLER_PLAN);

  const slowText = slowPlan(3000);
  const slow = writePlan(dir, 'slow.md', slowText);
  const openedAt = performance.now();
  let slowDoneAt: number | undefined;
  const slowDone = client.waitForDiagnostics(slow.uri, (p) => p.version === 1).then((p: PublishDiagnosticsParams) => {
    slowDoneAt = performance.now();
    return p;
  });
  await client.open(slow.uri, slowText);
  // The server reads the document's settings, then hands it to the analysis thread.
  await settingsAsked(client, slow.uri);

  const asked = performance.now();
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: quick.uri }, position });
  const answeredAt = performance.now();
  assert.ok(hover, 'the hover on the analysed document has content');
  assert.equal(slowDoneAt, undefined, 'the hover was answered before the slow document was analysed');

  const published = await slowDone;
  assert.ok(published.diagnostics.length > 100, 'the slow document was analysed in full');
  const hoverMs = answeredAt - asked;
  const slowMs = slowDoneAt! - openedAt;
  t.diagnostic(`hover ${hoverMs.toFixed(1)} ms while analysing a ${Math.round(slowText.length / 1024)} KB document (${slowMs.toFixed(0)} ms)`);
  assert.ok(hoverMs < slowMs / 4, `the hover took ${hoverMs.toFixed(0)} ms, the slow analysis ${slowMs.toFixed(0)} ms`);
});

test('a document over partnerlint.timeout is reported as not analysed, and the server goes on', { timeout: 120_000 }, async (t) => {
  const client = await LspClient.start({ settings: { debounceMs: 0, timeout: 1.5 } });
  t.after(() => client.dispose());
  const dir = tempDir();
  const quick = writePlan(dir, 'quick.md', RESELLER_PLAN);
  await client.open(quick.uri, RESELLER_PLAN);
  const before = await client.waitForDiagnostics(quick.uri, (p) => p.version === 1);
  assert.ok(before.diagnostics.length > 0);

  const slowText = slowPlan(3000);
  const slow = writePlan(dir, 'slow.md', slowText);
  await client.open(slow.uri, slowText);
  const cut = await client.waitForDiagnostics(slow.uri, (p) => p.version === 1);
  assert.equal(cut.diagnostics.length, 1, JSON.stringify(cut.diagnostics.map((d) => d.message)));
  const [finding] = cut.diagnostics;
  assert.equal(finding.code, 'not-analysed');
  assert.deepEqual(finding.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  assert.match(finding.message, /^Not analysed: it took longer than 1\.5 s \(setting partnerlint\.timeout\)\. Findings in this file are not reported\.$/);

  // The other document is still served, and analysed again after an edit.
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: quick.uri }, position: titlePosition(RESELLER_PLAN) });
  assert.ok(hover, 'hover on the other document');
  await client.change(quick.uri, 2, `${RESELLER_PLAN}\n`);
  const after = await client.waitForDiagnostics(quick.uri, (p) => p.version === 2);
  assert.deepEqual(
    after.diagnostics.map((d) => d.code),
    before.diagnostics.map((d) => d.code),
  );
});

test('edits reach the analysis thread as edits, and its text stays the document text', async (t) => {
  const client = await LspClient.start({ settings: { debounceMs: 0 } });
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const first = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  // Type a heading character by character, then delete it again: each version is analysed on its own text.
  const typed = '\n## Exit criteria\n\nWe offboard a partner that registers no deal in two quarters.\n';
  let version = 1;
  const end = () => {
    const lines = client.text(uri).split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1].length };
  };
  for (const ch of typed) {
    version++;
    const at = end();
    await client.edit(uri, version, [{ range: { start: at, end: at }, newText: ch }]);
  }
  const typedDiagnostics = await client.waitForDiagnostics(uri, (p) => p.version === version);
  // Same diagnostics as a fresh server on the same text.
  const fresh = await LspClient.start({ settings: { debounceMs: 0 } });
  t.after(() => fresh.dispose());
  await fresh.open(uri, client.text(uri));
  const expected = await fresh.waitForDiagnostics(uri, (p) => p.version === 1);
  assert.deepEqual(
    typedDiagnostics.diagnostics.map((d) => [d.code, d.range.start.line, d.message]),
    expected.diagnostics.map((d) => [d.code, d.range.start.line, d.message]),
  );
  version++;
  await client.change(uri, version, RESELLER_PLAN);
  const back = await client.waitForDiagnostics(uri, (p) => p.version === version);
  assert.deepEqual(
    back.diagnostics.map((d) => [d.code, d.range.start.line, d.message]),
    first.diagnostics.map((d) => [d.code, d.range.start.line, d.message]),
  );
});
