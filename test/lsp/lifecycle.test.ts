import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fork, spawn } from 'node:child_process';
import {
  ExitNotification,
  IPCMessageReader,
  IPCMessageWriter,
  InitializeRequest,
  ShutdownRequest,
  createProtocolConnection,
  type CodeAction,
  type CompletionItem,
  type Hover,
} from 'vscode-languageserver-protocol/node.js';
import { VERSION } from '../../lib/index.js';
import { LspClient, SERVER_BIN, tempDir, writePlan } from './harness.js';
import { RESELLER_PLAN } from './fixtures.js';

test('initialize announces the features and commands; shutdown then exit ends the process with code 0', async () => {
  const client = await LspClient.start();
  const caps = client.initializeResult.capabilities;
  assert.deepEqual(client.initializeResult.serverInfo, { name: 'partnerlint', version: VERSION });
  assert.ok(caps.codeLensProvider);
  assert.equal(caps.hoverProvider, true);
  assert.ok(caps.completionProvider);
  assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.partnerlint'], resolveProvider: false });
  assert.deepEqual(caps.executeCommandProvider?.commands, [
    'partnerlint.insertTemplate',
    'partnerlint.readinessReport',
    'partnerlint.lintWorkspace',
    'partnerlint.showRuleDocs',
    'partnerlint.fixAll',
    'partnerlint.openLinkedDocument',
  ]);
  assert.equal(caps.diagnosticProvider, undefined, 'push diagnostics for a client without pull support');
  assert.equal(await client.shutdown(), 0);
});

test('exit without shutdown ends the process with code 1', async () => {
  const client = await LspClient.start();
  await client.connection.sendNotification('exit');
  assert.equal(await client.exitCode(), 1);
});

test('requests about unknown documents and out-of-range positions get empty answers, not errors', async (t) => {
  const client = await LspClient.start();
  t.after(() => client.dispose());
  const unknown = 'file:///nowhere/unknown.md';
  const position = { line: 3, character: 4 };
  assert.equal(await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: unknown }, position }), null);
  assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri: unknown } }), []);
  assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri: unknown }, position }), []);
  assert.deepEqual(
    await client.request('textDocument/codeAction', {
      textDocument: { uri: unknown },
      range: { start: position, end: position },
      context: { diagnostics: [], only: ['source.fixAll.partnerlint'] },
    }),
    [],
  );
  assert.equal(await client.request('workspace/executeCommand', { command: 'partnerlint.readinessReport', arguments: [unknown] }), null);
  assert.deepEqual(await client.request('workspace/executeCommand', { command: 'partnerlint.fixAll', arguments: [unknown, 1] }), {
    applied: false,
    fixes: 0,
    reason: 'The document is not open.',
  });

  const { uri } = writePlan(tempDir(), 'plan.md', RESELLER_PLAN);
  await client.open(uri, RESELLER_PLAN);
  await client.waitForDiagnostics(uri, (p) => p.version === 1);
  const far = { line: 10_000, character: 10_000 };
  const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: far });
  assert.ok(hover === null || typeof hover === 'object');
  const completion = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: far });
  assert.ok(Array.isArray(completion));
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: far, end: far },
    context: {
      diagnostics: [{ range: { start: far, end: far }, message: 'x', source: 'partnerlint', code: 'margin-range', data: { version: 1, ruleId: 'margin-range', fixes: [] } }],
    },
  });
  assert.ok(Array.isArray(actions));
  assert.equal(await client.shutdown(), 0);
});

test('the binary prints its version without starting a server', async () => {
  const child = spawn(process.execPath, [SERVER_BIN, '--version']);
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  assert.equal(code, 0);
  assert.equal(out, `${VERSION}\n`);
});

test('the server also runs over node IPC, as VS Code starts it', async () => {
  const child = fork(SERVER_BIN, ['--node-ipc'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let stdout = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  connection.listen();
  const result = await connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {} });
  assert.equal(result.serverInfo?.name, 'partnerlint');
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  assert.equal(await exited, 0);
  assert.equal(stdout, '', 'nothing written to stdout');
  connection.dispose();
});
