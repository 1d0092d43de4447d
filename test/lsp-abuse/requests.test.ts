/**
 * Requests a careless or hostile client may send: about documents never opened, with
 * positions outside the document, with missing or mistyped params, and junk on the wire.
 * Each gets an empty answer or an error response, and the server keeps serving.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, DocumentDiagnosticReport, Hover, Range, WorkspaceEdit } from 'vscode-languageserver-protocol/node.js';
import { LspClient, editsByUri, writePlan } from '../lsp/harness.js';
import { RESELLER_PLAN } from '../lsp/fixtures.js';
import { assertMatchesEngine, errorCode, hasProcStatus, memoryOf, scratchDir, settle } from './util.js';

const ORIGIN = { line: 0, character: 0 };
const MB = 1024;

/** Every request an editor can make about one document, with well-formed params. */
function requestsAbout(uri: string): Array<[string, unknown]> {
  const range: Range = { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } };
  const diagnostic = {
    range,
    severity: 2,
    source: 'partnerlint',
    code: 'margin-range',
    message: 'a diagnostic the client still holds',
    data: { version: 1, ruleId: 'margin-range', fixes: [] },
  };
  return [
    ['textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } }],
    ['textDocument/codeLens', { textDocument: { uri } }],
    ['textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 3 } }],
    ['textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [diagnostic] } }],
    ['textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll.partnerlint'] } }],
  ];
}

/** The empty answer each of the requests above must get for a document the server does not have. */
function isEmptyAnswer(method: string, value: unknown): boolean {
  if (method === 'textDocument/hover') return value === null;
  return Array.isArray(value) && value.length === 0;
}

const NEVER_OPENED = [
  'file:///nowhere/never-opened.md',
  'untitled:Untitled-7',
  'http://example.invalid/plan.md',
  'file:///tmp/%E0%A4%A.md',
  'not a uri',
  '',
];

test('requests about documents never opened answer empty, not errors, and publish nothing', async (t) => {
  const push = await LspClient.start();
  t.after(() => push.dispose());
  const pull = await LspClient.start({ pull: true });
  t.after(() => pull.dispose());
  // A plan on disk that no editor opened: the editor requests answer as for any unknown document.
  const onDisk = writePlan(scratchDir(t), 'closed.md', RESELLER_PLAN).uri;

  for (const uri of [...NEVER_OPENED, onDisk]) {
    for (const client of [push, pull]) {
      for (const [method, params] of requestsAbout(uri)) {
        const value = await client.request(method, params);
        assert.ok(isEmptyAnswer(method, value), `${method} for ${JSON.stringify(uri)}: ${JSON.stringify(value)}`);
      }
      assert.deepEqual(
        await client.request('workspace/executeCommand', { command: 'partnerlint.fixAll', arguments: [uri, 1] }),
        { applied: false, fixes: 0, reason: 'The document is not open.' },
      );
      assert.deepEqual(
        await client.request('workspace/executeCommand', { command: 'partnerlint.insertTemplate', arguments: [uri, 'exit-criteria'] }),
        { applied: false, reason: 'The document is not open.' },
      );
    }
    assert.deepEqual(await pull.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } }), { kind: 'full', items: [] });
    if (uri !== onDisk) {
      assert.equal(await push.request('workspace/executeCommand', { command: 'partnerlint.readinessReport', arguments: [uri] }), null, `readiness report for ${JSON.stringify(uri)}`);
    }
  }
  // Wrong argument types for the commands: no answer to give, no error either.
  for (const args of [undefined, [], [42], [null], [{}], 'file:///x.md']) {
    assert.equal(await push.request('workspace/executeCommand', { command: 'partnerlint.readinessReport', arguments: args }), null);
  }
  assert.equal(await push.request('workspace/executeCommand', { command: 'partnerlint.noSuchCommand', arguments: [onDisk] }), null);

  assert.equal(push.diagnostics.size, 0, `nothing published: ${[...push.diagnostics.keys()].join(', ')}`);
  assert.equal(pull.diagnostics.size, 0);
  assert.equal(push.appliedEdits.length + pull.appliedEdits.length, 0, 'no edits were sent to the editor');
});

test('a readiness report for a pipe, a device or a folder answers null at once, without reading it', async (t) => {
  const dir = scratchDir(t);
  const client = await LspClient.start({ workspaceFolders: [dir] });
  t.after(() => client.dispose());
  const fifo = path.join(dir, 'pipe.md');
  execFileSync('mkfifo', [fifo]);
  fs.mkdirSync(path.join(dir, 'folder.md'));
  const before = hasProcStatus ? memoryOf(client.child!.pid!) : undefined;
  for (const file of [fifo, '/dev/zero', '/dev/urandom', path.join(dir, 'folder.md')]) {
    if (!fs.existsSync(file)) continue;
    const started = performance.now();
    const answer = await client.request('workspace/executeCommand', { command: 'partnerlint.readinessReport', arguments: [pathToFileURL(file).href] });
    assert.equal(answer, null, file);
    assert.ok(performance.now() - started < 5_000, `${file} answered in ${Math.round(performance.now() - started)} ms`);
  }
  if (before) {
    const after = memoryOf(client.child!.pid!);
    assert.ok(after.peakKb - before.rssKb < 64 * MB, `nothing was read into memory (peak ${after.peakKb} kB, before ${before.rssKb} kB)`);
  }
  // The server still reads ordinary closed files.
  const plan = writePlan(dir, 'plan.md', RESELLER_PLAN).uri;
  const report = await client.request<string | null>('workspace/executeCommand', { command: 'partnerlint.readinessReport', arguments: [plan] });
  assert.match(report ?? '', /Readiness/);
});

test('a closed file over the size limit is reported as too large without being read', async (t) => {
  const dir = scratchDir(t);
  const client = await LspClient.start({ settings: { maxFileSize: 10_000 }, workspaceFolders: [dir], workDoneProgress: false });
  t.after(() => client.dispose());
  const big = writePlan(dir, 'big.md', `${RESELLER_PLAN}\n${'Filler text for a long plan.\n'.repeat(1000)}`);
  const small = writePlan(dir, 'small.md', RESELLER_PLAN);
  const result = await client.request('workspace/executeCommand', { command: 'partnerlint.lintWorkspace', arguments: [] });
  assert.deepEqual(result, { files: 2, plans: 1, findings: (await client.waitForDiagnostics(small.uri)).diagnostics.length, cancelled: false });
  const published = await client.waitForDiagnostics(big.uri);
  assert.equal(published.diagnostics.length, 1);
  assert.match(published.diagnostics[0].message, /did not analyse this document: it is 3[0-9.]+ KB, over the 9\.8 KB limit/);
});

test('positions outside the document are clamped: empty or in-range answers, never errors', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const { uri } = writePlan(scratchDir(t), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  const published = await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const lines = RESELLER_PLAN.split('\n');
  const lineCount = lines.length;
  const emojiLine = lines.findIndex((l) => l.includes('🚀'));
  const insideSurrogate = { line: emojiLine, character: lines[emojiLine].indexOf('🚀') + 1 };
  const far = [
    { line: 1_000_000, character: 1_000_000 },
    { line: 0, character: 1_000_000_000 },
    { line: lineCount - 1, character: 500 },
    { line: 2 ** 31 - 1, character: 2 ** 31 - 1 },
    insideSurrogate,
  ];
  const inDocument = (range: Range | undefined) => !range || (range.start.line < lineCount && range.end.line < lineCount);
  for (const position of far) {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.ok(hover === null || inDocument(hover.range), `hover at ${JSON.stringify(position)}: ${JSON.stringify(hover)}`);
    const items = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position });
    assert.ok(Array.isArray(items), `completion at ${JSON.stringify(position)}`);
    const range = { start: position, end: { line: position.line + 5, character: 0 } };
    const moved = published.diagnostics.map((d) => ({ ...d, range }));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: moved } });
    assert.ok(Array.isArray(actions));
    for (const action of actions) {
      for (const edit of editsByUri(action.edit ?? ({} as WorkspaceEdit)).get(uri) ?? []) {
        assert.ok(inDocument(edit.range), `${action.title}: edit at ${JSON.stringify(edit.range)} lies in the document`);
      }
    }
  }
  // A template inserted at an out-of-range line goes at the end of the document.
  const inserted = await client.request('workspace/executeCommand', {
    command: 'partnerlint.insertTemplate',
    arguments: [uri, 'exit-criteria', { line: 1_000_000_000, character: -1 }],
  });
  assert.deepEqual(inserted, { applied: true });
  const edits = editsByUri(client.appliedEdits.at(-1)!).get(uri)!;
  assert.equal(edits.length, 1);
  assert.deepEqual(edits[0].range.start, { line: lineCount - 1, character: lines[lineCount - 1].length });
});

test('malformed params and junk on the wire get error responses or empty answers, and the server keeps serving', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const dir = scratchDir(t);
  const { file, uri } = writePlan(dir, 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);

  const malformed: Array<[string, unknown]> = [
    ['textDocument/hover', { position: ORIGIN }],
    ['textDocument/hover', {}],
    ['textDocument/hover', { textDocument: { uri } }],
    ['textDocument/hover', { textDocument: { uri }, position: { line: 'x', character: null } }],
    ['textDocument/hover', { textDocument: { uri }, position: { line: -5, character: -5 } }],
    ['textDocument/hover', { textDocument: { uri: 42 }, position: ORIGIN }],
    ['textDocument/hover', { textDocument: null, position: ORIGIN }],
    ['textDocument/codeLens', {}],
    ['textDocument/codeLens', { textDocument: 'plan.md' }],
    ['textDocument/completion', { textDocument: { uri } }],
    ['textDocument/completion', { textDocument: { uri }, position: 'end' }],
    ['textDocument/codeAction', { textDocument: { uri }, range: { start: ORIGIN, end: ORIGIN } }],
    ['textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: 'none', only: 'quickfix' } }],
    ['textDocument/codeAction', { textDocument: { uri }, range: { start: ORIGIN, end: ORIGIN }, context: { diagnostics: [null, 7, { data: 'x' }] } }],
    ['textDocument/codeAction', { textDocument: { uri }, range: { start: ORIGIN, end: ORIGIN }, context: { diagnostics: [{ source: 'partnerlint', range: null, data: { version: 1, ruleId: 'margin-range', fixes: [] } }] } }],
    ['textDocument/diagnostic', {}],
    ['workspace/executeCommand', {}],
    ['workspace/executeCommand', { command: 42, arguments: {} }],
    ['workspace/executeCommand', { command: 'partnerlint.fixAll', arguments: [uri, 'not a version'] }],
    ['workspace/executeCommand', { command: 'partnerlint.showRuleDocs', arguments: [{ id: 'margin-range' }] }],
    ['workspace/executeCommand', { command: 'partnerlint.insertTemplate', arguments: [uri, { id: 'x' }, 'here'] }],
    ['textDocument/hover', null],
    ['workspace/executeCommand', null],
    ['textDocument/definition', { textDocument: { uri }, position: ORIGIN }],
    ['partnerlint/noSuchRequest', { anything: true }],
  ];
  const outcomes: string[] = [];
  for (const [method, params] of malformed) {
    const answer = await settle(client.request(method, params));
    const label = `${method} ${JSON.stringify(params)?.split(JSON.stringify(uri)).join('"<plan>"')}`;
    if (answer.ok) {
      outcomes.push(`${label} -> ${JSON.stringify(answer.value)?.slice(0, 60)}`);
    } else {
      const code = errorCode(answer.error);
      // Invalid params, internal error (a handler that could not read the params) or method not found.
      assert.ok(code === -32602 || code === -32603 || code === -32601, `${label}: ${String(answer.error)}`);
      outcomes.push(`${label} -> error ${code}`);
    }
  }
  const errors = outcomes.filter((o) => o.includes('-> error'));
  const byCode = [...new Set(errors.map((o) => o.split('error ')[1]))].map((c) => `${c} x${errors.filter((o) => o.endsWith(`error ${c}`)).length}`);
  t.diagnostic(`${malformed.length} malformed requests: ${errors.length} error responses (${byCode.join(', ')}), ${malformed.length - errors.length} plain answers`);

  // Malformed notifications, then frames that are not JSON-RPC at all.
  const other = pathToFileURL(path.join(dir, 'null-text.md')).href;
  const notifications: Array<[string, unknown]> = [
    ['textDocument/didOpen', {}],
    ['textDocument/didOpen', null],
    ['textDocument/didOpen', { textDocument: { uri: other, languageId: 'markdown', version: 1, text: null } }],
    ['textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: null }],
    ['textDocument/didChange', { textDocument: { uri, version: 'x' }, contentChanges: [{ text: 5 }] }],
    ['textDocument/didChange', { textDocument: { uri: 'file:///never/opened.md', version: 2 }, contentChanges: [{ text: 'x' }] }],
    ['textDocument/didSave', {}],
    ['textDocument/didClose', {}],
    ['textDocument/didClose', { textDocument: { uri: 'file:///never/opened.md' } }],
    ['workspace/didChangeConfiguration', null],
    ['workspace/didChangeConfiguration', { settings: { partnerlint: 'on' } }],
    ['workspace/didChangeWatchedFiles', { changes: 'x' }],
    ['workspace/didChangeWatchedFiles', { changes: [{ uri: 7, type: 'changed' }] }],
    ['$/cancelRequest', { id: 'no such request' }],
    ['$/setTrace', { value: 42 }],
    ['partnerlint/noSuchNotification', [1, 2, 3]],
  ];
  for (const [method, params] of notifications) await client.connection.sendNotification(method, params);
  const frames = ['{not json}', JSON.stringify([{ jsonrpc: '2.0', id: 99, method: 'shutdown' }]), JSON.stringify({ jsonrpc: '2.0', id: 98 }), '""'];
  for (const body of frames) client.child!.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);

  // Still serving: a hover on the plan, the plan re-linted after a real change, a new document linted.
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 3 } });
  assert.match(JSON.stringify(hover), /Readiness/);
  const version = client.version(uri) + 10;
  const changed = `${RESELLER_PLAN}\nResellers keep a 45% margin on renewals.\n`;
  await client.change(uri, version, changed);
  const relinted = await client.waitForDiagnostics(uri, (p) => p.version === version);
  assertMatchesEngine(relinted.diagnostics, changed, file, version, 'after the malformed traffic');

  // The document opened with a null text gets diagnostics once the editor sends its text.
  await client.change(other, 2, RESELLER_PLAN);
  const recovered = await client.waitForDiagnostics(other, (p) => p.version === 2);
  assertMatchesEngine(recovered.diagnostics, RESELLER_PLAN, path.join(dir, 'null-text.md'), 2, 'a document first opened with a null text');

  const fresh = writePlan(dir, 'fresh.md', RESELLER_PLAN);
  await client.open(fresh.uri, RESELLER_PLAN);
  const freshDiagnostics = await client.waitForDiagnostics(fresh.uri, (p) => p.version === 1);
  assertMatchesEngine(freshDiagnostics.diagnostics, RESELLER_PLAN, fresh.file, 1, 'a document opened afterwards');
  assert.equal(client.child!.exitCode, null, 'the server is still running');
  assert.equal(client.stderr, '', 'nothing on stderr');
});
