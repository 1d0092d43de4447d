/**
 * Requests cancelled while the server works on them, and documents closed while they are
 * being analysed: cancelled requests answer empty (or "cancelled"), and a closed document
 * ends with an empty diagnostics list, whatever was in flight.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  WorkDoneProgress,
  type CodeAction,
  type CodeLens,
  type DocumentDiagnosticReport,
  type FullDocumentDiagnosticReport,
  type Hover,
} from 'vscode-languageserver-protocol/node.js';
import { LspClient, writePlan } from '../lsp/harness.js';
import { RESELLER_PLAN } from '../lsp/fixtures.js';
import { assertMatchesEngine, errorCode, largePlan, onSettingsRequest, scratchDir, settle, within } from './util.js';

const LIMIT_MS = 20_000;
const TITLE = { line: 5, character: 3 };
const REQUEST_CANCELLED = -32800;
const SERVER_CANCELLED = -32802;

/** Sends a request that `cancel()` cancels later; resolves with what the server answered. */
function sendCancellable(client: LspClient, method: string, params: unknown) {
  const source = new CancellationTokenSource();
  const answer = settle(within(client.connection.sendRequest(method, params, source.token), LIMIT_MS, `${method} (cancelled)`));
  return { answer, cancel: () => source.cancel() };
}

const isEmpty = (value: unknown) => value === null || (Array.isArray(value) && value.length === 0);

test('requests cancelled while the analysis is pending answer empty; sent again, they answer in full', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const { uri } = writePlan(scratchDir(t), 'plan.md', RESELLER_PLAN);
  const requests: Array<[string, unknown]> = [
    ['textDocument/codeLens', { textDocument: { uri } }],
    ['textDocument/hover', { textDocument: { uri }, position: TITLE }],
    ['textDocument/codeAction', { textDocument: { uri }, range: { start: TITLE, end: TITLE }, context: { diagnostics: [], only: ['source.fixAll.partnerlint'] } }],
    ['workspace/executeCommand', { command: 'partnerlint.readinessReport', arguments: [uri] }],
  ];
  // Sent right after didOpen, so the server is working on them when it asks for the document's
  // settings; they are cancelled then, before the settings (and so the analysis) arrive.
  let inFlight: Array<ReturnType<typeof sendCancellable>> = [];
  onSettingsRequest(client, (scope) => {
    if (scope === uri) for (const request of inFlight) request.cancel();
  });
  await client.open(uri, RESELLER_PLAN);
  inFlight = requests.map(([method, params]) => sendCancellable(client, method, params));
  const cancelled = await Promise.all(inFlight.map((r) => r.answer));
  for (const [i, answer] of cancelled.entries()) {
    const method = requests[i][0];
    if (answer.ok) assert.ok(isEmpty(answer.value), `cancelled ${method} answered ${JSON.stringify(answer.value)?.slice(0, 120)}`);
    else assert.equal(errorCode(answer.error), REQUEST_CANCELLED, `cancelled ${method}: ${String(answer.error)}`);
  }

  const lenses = await client.request<CodeLens[]>(...requests[0]);
  assert.ok(lenses.length > 0, 'code lenses once not cancelled');
  const hover = await client.request<Hover | null>(...requests[1]);
  assert.match(JSON.stringify(hover), /Readiness/);
  const actions = await client.request<CodeAction[]>(...requests[2]);
  assert.ok(actions.some((a) => a.kind === 'source.fixAll.partnerlint'), 'fix all offered once not cancelled');
  assert.match(await client.request<string>(...requests[3]), /Readiness/);
  await client.waitForDiagnostics(uri, (p) => p.version === 1 && p.diagnostics.length > 0);
});

test('a pull for diagnostics cancelled while in flight answers "cancelled"; the next pull gets the report', async (t) => {
  const client = await LspClient.start({ pull: true, settings: { debounceMs: 500 } });
  t.after(() => client.dispose());
  const { file, uri } = writePlan(scratchDir(t), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const changed = await client.edit(uri, 2, [{ range: { start: TITLE, end: TITLE }, newText: 'x' }]);
  // The pull asks for the document's settings first; it is cancelled while it waits for them.
  let pull: ReturnType<typeof sendCancellable> | undefined;
  onSettingsRequest(client, (scope) => {
    if (scope === uri) pull?.cancel();
  });
  pull = sendCancellable(client, 'textDocument/diagnostic', { textDocument: { uri } });
  const answer = await pull.answer;
  assert.equal(answer.ok, false, `a cancelled pull is not answered with a report: ${JSON.stringify(answer)}`);
  assert.equal(errorCode((answer as { error: unknown }).error), REQUEST_CANCELLED);

  await client.changeConfiguration({ debounceMs: 0 });
  const report = (await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } })) as FullDocumentDiagnosticReport;
  assert.equal(report.kind, 'full');
  assertMatchesEngine(report.items, changed, file, 2, 'the pull after a cancelled one');
});

test('linting the workspace stops when cancelled midway, and runs to the end when asked again', async (t) => {
  const dir = scratchDir(t);
  const files = 40;
  for (let i = 0; i < files; i++) writePlan(dir, `plan-${String(i).padStart(2, '0')}.md`, RESELLER_PLAN);
  const client = await LspClient.start({ workspaceFolders: [dir], workDoneProgress: false });
  t.after(() => client.dispose());
  const inFolder = () => [...client.diagnostics.keys()].filter((u) => u.startsWith(pathToFileURL(dir).href)).length;

  const source = new CancellationTokenSource();
  let reports = 0;
  client.connection.onProgress(WorkDoneProgress.type, 'abuse-lint', (value) => {
    // Cancel as soon as the first file is done.
    if (value.kind === 'report' && ++reports === 1) source.cancel();
  });
  const first = await within(
    client.connection.sendRequest('workspace/executeCommand', { command: 'partnerlint.lintWorkspace', arguments: [], workDoneToken: 'abuse-lint' }, source.token),
    LIMIT_MS,
    'lintWorkspace (cancelled)',
  );
  const stopped = first as { files: number; plans: number; cancelled: boolean };
  assert.equal(stopped.cancelled, true);
  assert.equal(stopped.files, files);
  assert.ok(stopped.plans < files, `stopped early: ${stopped.plans} of ${files} plans linted`);
  const publishedWhenStopped = inFolder();
  assert.ok(publishedWhenStopped < files, `${publishedWhenStopped} of ${files} files published`);

  const second = await client.request<{ files: number; plans: number; cancelled: boolean }>('workspace/executeCommand', { command: 'partnerlint.lintWorkspace', arguments: [] });
  assert.deepEqual({ files: second.files, plans: second.plans, cancelled: second.cancelled }, { files, plans: files, cancelled: false });
  assert.equal(inFolder(), files);
  t.diagnostic(`cancelled after ${stopped.plans} of ${files} files; the second run linted all ${second.plans}`);
});

test('cancelling a request already answered, or one never sent, changes nothing', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const { file, uri } = writePlan(scratchDir(t), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const source = new CancellationTokenSource();
  const lenses = await within(client.connection.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } }, source.token), LIMIT_MS, 'codeLens');
  source.cancel();
  assert.ok(lenses.length > 0);
  for (const id of [0, 424242, 'abc', null, -1]) await client.connection.sendNotification('$/cancelRequest', { id });
  const text = `${RESELLER_PLAN}\nResellers keep a 45% margin on renewals.\n`;
  await client.change(uri, 2, text);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 2);
  assertMatchesEngine(published.diagnostics, text, file, 2, 'after stray cancellations');
});

test('a document closed while the server waits for its settings gets only an empty diagnostics list', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const { uri } = writePlan(scratchDir(t), 'plan.md', RESELLER_PLAN);
  let closed = false;
  onSettingsRequest(client, async (scope) => {
    if (scope === uri && !closed) {
      closed = true;
      await client.close(uri);
    }
  });
  await client.open(uri, RESELLER_PLAN);
  await client.waitForDiagnostics(uri);
  // Answered after everything the server had to do for the document.
  assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: TITLE }), null);
  assert.ok(closed, 'the document was closed during the settings request');
  assert.deepEqual(client.diagnostics.get(uri), [{ uri, diagnostics: [] }]);
});

test('a document closed while its analysis runs ends with an empty list, and reopening it lints it afresh', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const { file, uri } = writePlan(scratchDir(t), 'plan.md', RESELLER_PLAN);
  const large = largePlan(60);
  let closeSent = false;
  let publishedBeforeClose = -1;
  onSettingsRequest(client, (scope) => {
    if (scope !== uri || closeSent) return;
    // Once this answer is on its way, the server starts analysing (about a second for this plan);
    // the close follows it straight away, so it arrives while the analysis runs.
    setImmediate(() => {
      publishedBeforeClose = client.diagnostics.get(uri)?.length ?? 0;
      closeSent = true;
      void client.close(uri);
    });
  });
  await client.open(uri, large);
  const empty = await client.waitForDiagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 0);
  assert.equal(publishedBeforeClose, 0, 'the close was sent before any result for the document arrived');
  await client.request('textDocument/hover', { textDocument: { uri }, position: TITLE });
  const published = client.diagnostics.get(uri)!;
  assert.equal(published.at(-1), empty, `nothing is published after the close (${published.map((p) => `v${p.version}:${p.diagnostics.length}`).join(', ')})`);
  assert.ok(published.length <= 2, 'at most the in-flight result, then the empty list');
  t.diagnostic(`published for the closed document: ${published.map((p) => (p.version === undefined ? 'empty list on close' : `version ${p.version} (${p.diagnostics.length})`)).join(', then ')}`);

  const mark = client.mark();
  await client.open(uri, RESELLER_PLAN, 1);
  const reopened = await client.waitForDiagnostics(uri, (p) => p.version === 1, { since: mark });
  assertMatchesEngine(reopened.diagnostics, RESELLER_PLAN, file, 1, 'the reopened document');
});

test('a change followed by a close within the debounce is never published', async (t) => {
  const client = await LspClient.start({ settings: { debounceMs: 300 } });
  t.after(() => client.dispose());
  const dir = scratchDir(t);
  const { uri } = writePlan(dir, 'plan.md', RESELLER_PLAN);
  const other = writePlan(dir, 'other.md', RESELLER_PLAN).uri;
  await client.open(other, RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  await client.waitForDiagnostics(other, (p) => p.version === 1);

  await client.change(uri, 2, `${RESELLER_PLAN}\nResellers keep a 45% margin on renewals.\n`);
  await client.close(uri);
  // A change to another document after the close: its debounced result comes after any the closed one could have had.
  await client.change(other, 2, `${RESELLER_PLAN}\n`);
  await client.waitForDiagnostics(other, (p) => p.version === 2);
  const published = client.diagnostics.get(uri)!;
  assert.deepEqual(published.map((p) => p.version ?? 'closed'), [1, 'closed']);
  assert.deepEqual(published.at(-1)!.diagnostics, []);
});

test('a pull in flight when its document closes settles as a report or "retrigger", and later pulls are empty', async (t) => {
  const client = await LspClient.start({ pull: true });
  t.after(() => client.dispose());
  const { uri } = writePlan(scratchDir(t), 'plan.md', RESELLER_PLAN);
  await client.open(uri, largePlan(60));
  const inFlight = settle(client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } }));
  await client.close(uri);
  const answer = await inFlight;
  if (answer.ok) assert.equal(answer.value.kind, 'full');
  else assert.equal(errorCode(answer.error), SERVER_CANCELLED, String(answer.error));
  assert.deepEqual(await client.request('textDocument/diagnostic', { textDocument: { uri } }), { kind: 'full', items: [] });
  assert.equal(client.diagnostics.size, 0, 'nothing pushed to a pull client');
  t.diagnostic(`the in-flight pull ${answer.ok ? 'was answered' : 'was retriggered'}`);
});
