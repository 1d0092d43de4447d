import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createServer } from '../../server/server.js';
import { defaultEngine, type Engine } from '../../server/engine.js';
import { LspClient, tempDir, writePlan } from './harness.js';
import { RESELLER_PLAN } from './fixtures.js';

/** The real engine, except that it fails on documents containing BOOM. */
const failingEngine: Engine = {
  ...defaultEngine,
  lint(text, request) {
    if (text.includes('BOOM')) throw new Error('engine failure for the test');
    return defaultEngine.lint(text, request);
  },
};

test('an analysis failure clears stale diagnostics, is logged once, and the next good version is linted again', async (t) => {
  const client = await LspClient.inProcess({ settings: { debounceMs: 0 } }, (reader, writer) => {
    const connection = createConnection(ProposedFeatures.all, reader, writer);
    createServer(connection, { engine: failingEngine });
    connection.listen();
  });
  t.after(() => client.dispose());
  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const good = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  assert.ok(good.diagnostics.length > 0);

  await client.change(uri, 2, `${RESELLER_PLAN}\nBOOM\n`);
  const failed = await client.waitForDiagnostics(uri, (p) => p.version === 2);
  assert.deepEqual(failed.diagnostics, [], 'no stale diagnostics survive a failed analysis');
  await client.change(uri, 3, `${RESELLER_PLAN}\nBOOM BOOM\n`);
  await client.waitForDiagnostics(uri, (p) => p.version === 3);
  assert.equal(client.logs.filter((l) => l.includes('engine failure for the test')).length, 1, 'logged once');

  // Requests on the failed version answer empty rather than erroring.
  assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri } }), []);
  assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);

  await client.change(uri, 4, RESELLER_PLAN);
  const back = await client.waitForDiagnostics(uri, (p) => p.version === 4);
  assert.deepEqual(back.diagnostics.map((d) => d.code), good.diagnostics.map((d) => d.code));
});
