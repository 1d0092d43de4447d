/**
 * The readiness reaches the editor as data: with `readinessNotifications`, each analysis sends
 * `partnerlint/readiness` with the score, the document kind and the core's one-line summary
 * (a guide has no score, its summary names the kind); without the option nothing is sent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient, tempDir, writePlan } from './harness.js';

interface Readiness {
  uri: string;
  isPlan: boolean;
  kind: string | null;
  score: number | null;
  summary: string | null;
}

const PLAN = `---\ntype: partnership-plan\narchetypes: [reseller]\n---\n# Northwind reseller plan\n\nResellers keep a 20% margin and resell, implement and support Northwind.\n`;
const GUIDE = `---\ntype: partnership-plan\nkind: guide\n---\n# Becoming a Northwind partner\n\nYou resell Northwind to your customers and keep a 20% margin.\n`;

test('partnerlint/readiness carries the score, the kind and the summary as data', async (t) => {
  const dir = tempDir('partnerlint-readiness-');
  const client = await LspClient.start({ workspaceFolders: [dir], settings: { debounceMs: 0 }, initializationOptions: { readinessNotifications: true } });
  t.after(() => client.dispose());
  const got: Readiness[] = [];
  client.connection.onNotification('partnerlint/readiness', (p: Readiness) => got.push(p));
  const plan = writePlan(dir, 'plan.md', PLAN);
  const guide = writePlan(dir, 'guide.md', GUIDE);
  await client.open(plan.uri, PLAN);
  await client.open(guide.uri, GUIDE);
  await client.waitForDiagnostics(guide.uri, () => true);
  await client.waitForDiagnostics(plan.uri, () => true);
  // The notification follows the diagnostics.
  for (let i = 0; i < 100 && !(got.some((p) => p.uri === plan.uri) && got.some((p) => p.uri === guide.uri)); i++) await new Promise((r) => setTimeout(r, 20));
  const forPlan = got.find((p) => p.uri === plan.uri);
  const forGuide = got.find((p) => p.uri === guide.uri);
  assert.ok(forPlan && forGuide, JSON.stringify(got));
  assert.equal(forPlan.kind, 'plan');
  assert.equal(typeof forPlan.score, 'number');
  assert.match(forPlan.summary ?? '', /^Readiness \d+\/100 · \d\/6 preconditions · \d+ findings?$/);
  assert.equal(forGuide.kind, 'guide');
  assert.equal(forGuide.score, null);
  assert.match(forGuide.summary ?? '', /^Partner guide · \d+ findings?$/);
});

test('without the option the server sends no readiness notification', async (t) => {
  const dir = tempDir('partnerlint-readiness-');
  const client = await LspClient.start({ workspaceFolders: [dir], settings: { debounceMs: 0 } });
  t.after(() => client.dispose());
  let count = 0;
  client.connection.onNotification('partnerlint/readiness', () => count++);
  const plan = writePlan(dir, 'plan.md', PLAN);
  await client.open(plan.uri, PLAN);
  await client.waitForDiagnostics(plan.uri, () => true);
  assert.equal(count, 0);
});

test('the title hover names preconditions in words and a guide by its kind', async (t) => {
  const dir = tempDir('partnerlint-readiness-');
  const client = await LspClient.start({ workspaceFolders: [dir], settings: { debounceMs: 0 } });
  t.after(() => client.dispose());
  const plan = writePlan(dir, 'plan.md', PLAN);
  const guide = writePlan(dir, 'guide.md', GUIDE);
  await client.open(plan.uri, PLAN);
  await client.open(guide.uri, GUIDE);
  const text = (h: { contents: unknown } | null) => (h && typeof h.contents === 'object' && h.contents && 'value' in h.contents ? String((h.contents as { value: string }).value) : '');
  const planHover = text(await client.request('textDocument/hover', { textDocument: { uri: plan.uri }, position: { line: 4, character: 2 } }));
  assert.match(planHover, /Readiness \d+\/100/);
  assert.match(planHover, /Direct-sales discipline/);
  assert.doesNotMatch(planHover, /\bdirectSales\b/);
  const guideHover = text(await client.request('textDocument/hover', { textDocument: { uri: guide.uri }, position: { line: 4, character: 2 } }));
  assert.match(guideHover, /Partner guide · \d+ findings?/);
});
