/**
 * Memory follows the open documents, not the edits (small scale of `npm run soak`): after many
 * edits of one document the live heap is what it was after a few, and once every document is
 * closed it is back near where it started. Heap sizes are read after a full collection.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { createServer } from '../../server/server.js';
import { collectGarbage } from '../../server/memory.js';
import { LspClient, tempDir, writePlan } from './harness.js';
import { RESELLER_PLAN } from './fixtures.js';

const MB = 1048576;

function liveHeap(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** The fixture plan with `n` appendix sections of its own, each different (`tag` makes documents differ). */
function bigPlan(n: number, tag: string): string {
  let text = RESELLER_PLAN;
  for (let i = 0; i < n; i++) {
    text += `\n## Region ${tag}-${i}\n\nPartners in region ${tag}-${i} register deals through the portal; the channel team answers within ${i % 9 + 1} business days.\n\n- Target: ${i * 7} partners by Q${(i % 4) + 1}.\n- Margin for the region: ${10 + (i % 15)}% on list price.\n`;
  }
  return text;
}

test('the heap does not grow with edits, and closing the documents gives it back', { timeout: 60_000 }, async (t) => {
  const client = await LspClient.inProcess({ settings: { debounceMs: 0 } }, (reader, writer) => {
    const connection = createConnection(ProposedFeatures.all, reader, writer);
    createServer(connection);
    connection.listen();
  });
  t.after(() => client.dispose());
  const dir = tempDir();
  // The client keeps every notification it received: not the server's memory.
  const forgetDiagnostics = () => {
    client.allDiagnostics.length = 0;
    client.diagnostics.clear();
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  // Warm: the code has run once.
  const warmText = bigPlan(5, 'w');
  const warm = writePlan(dir, 'warm.md', warmText);
  await client.open(warm.uri, warmText);
  await client.waitForDiagnostics(warm.uri, (p) => p.version === 1);
  await client.close(warm.uri);
  await settle();
  forgetDiagnostics();
  const start = liveHeap();

  const text = bigPlan(600, 'p');
  const { uri } = writePlan(dir, 'plan.md', text);
  await client.open(uri, text);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const lines = text.split('\n').length;
  let version = 1;
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const edit = async (count: number) => {
    for (let i = 0; i < count; i++) {
      version++;
      const line = Math.floor(random() * (lines - 1));
      await client.edit(uri, version, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: 'x' }]);
      await client.waitForDiagnostics(uri, (p) => p.version === version);
    }
    forgetDiagnostics();
  };
  await edit(10);
  const afterFew = liveHeap();
  await edit(80);
  const afterMany = liveHeap();
  assert.ok(
    afterMany - afterFew < 4 * MB,
    `80 more edits of a ${Math.round(text.length / 1024)} KB document grew the heap from ${(afterFew / MB).toFixed(1)} to ${(afterMany / MB).toFixed(1)} MB`,
  );

  await client.close(uri);
  const opened: string[] = [];
  for (let i = 0; i < 20; i++) {
    const docText = bigPlan(60, `d${i}`);
    const doc = writePlan(dir, `doc-${i}.md`, docText);
    await client.open(doc.uri, docText);
    await client.waitForDiagnostics(doc.uri, (p) => p.version === 1);
    opened.push(doc.uri);
  }
  for (const doc of opened) await client.close(doc);
  await settle();
  forgetDiagnostics();
  const end = liveHeap();
  assert.ok(end - start < 8 * MB, `after closing every document the heap is ${(end / MB).toFixed(1)} MB, from ${(start / MB).toFixed(1)} MB at the start`);
});
