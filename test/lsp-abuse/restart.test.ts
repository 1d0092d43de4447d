/**
 * The server killed outright (SIGKILL: no shutdown, no cleanup), at rest, in the middle of an
 * analysis, and right after it started: each time a new server started by the client
 * initializes and serves the same document again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeLens, Hover } from 'vscode-languageserver-protocol/node.js';
import { LspClient, writePlan } from '../lsp/harness.js';
import { RESELLER_PLAN } from '../lsp/fixtures.js';
import { assertMatchesEngine, largePlan, onSettingsRequest, scratchDir, within } from './util.js';

const TITLE = { line: 5, character: 3 };

async function kill(client: LspClient): Promise<void> {
  const child = client.child!;
  const exited = client.exitCode();
  child.kill('SIGKILL');
  await within(exited, 20_000, 'the killed server to exit');
  assert.equal(child.signalCode, 'SIGKILL');
  client.connection.dispose();
}

test('after SIGKILL (at rest, mid-analysis, right after start) a new server serves the same document again', async (t) => {
  const { file, uri } = writePlan(scratchDir(t), 'plan.md', RESELLER_PLAN);
  let text = RESELLER_PLAN;
  let version = 1;

  // 1. At rest, after its diagnostics were published.
  const first = await LspClient.start();
  t.after(() => first.dispose());
  await first.open(uri, text, version);
  const before = await first.waitForDiagnostics(uri, (p) => p.version === version);
  assertMatchesEngine(before.diagnostics, text, file, version, 'first server');
  await kill(first);

  // 2. In the middle of analysing a large plan opened beside it.
  const second = await LspClient.start();
  t.after(() => second.dispose());
  await second.open(uri, text, version);
  await second.waitForDiagnostics(uri, (p) => p.version === version);
  const large = writePlan(scratchDir(t), 'large.md', largePlan(60)).uri;
  let killing: Promise<void> | undefined;
  onSettingsRequest(second, (scope) => {
    // The settings answer goes out first; the kill lands while the server analyses the large plan.
    if (scope === large && !killing) setImmediate(() => (killing = kill(second)));
  });
  await second.open(large, largePlan(60));
  await within(second.exitCode(), 20_000, 'the second server to be killed');
  await killing;
  assert.equal(second.diagnostics.get(large), undefined, 'killed before it published the large plan');

  // 3. Right after initialize, before any document.
  const third = await LspClient.start();
  t.after(() => third.dispose());
  await kill(third);

  // The replacement: the editor opens what it has, at the version it has.
  const replacement = await LspClient.start();
  t.after(() => replacement.dispose());
  text = `${RESELLER_PLAN}\nResellers keep a 45% margin on renewals.\n`;
  version++;
  await replacement.open(uri, text, version);
  const after = await replacement.waitForDiagnostics(uri, (p) => p.version === version);
  assertMatchesEngine(after.diagnostics, text, file, version, 'the replacement server');
  const hover = await replacement.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: TITLE });
  assert.match(JSON.stringify(hover), /Readiness/);
  const lenses = await replacement.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  assert.ok(lenses.length > 0);
  assert.equal(await replacement.shutdown(), 0, 'the replacement shuts down cleanly');
});
