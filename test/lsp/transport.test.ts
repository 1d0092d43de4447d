/**
 * The server's lifecycle and framing over raw stdio (server/transport.ts): requests before
 * `initialize` and after `shutdown` are refused and not served; a closed input ends the
 * server at once; an oversized or malformed message ends it with one logged reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { REPO_ROOT, SERVER_BIN } from './harness.js';

interface RawServer {
  send(message: object): void;
  write(bytes: string | Buffer): void;
  /** The messages received so far. */
  messages(): Array<Record<string, unknown>>;
  response(id: number): Promise<Record<string, unknown>>;
  stderr(): string;
  exited: Promise<{ code: number | null; at: number }>;
  close(): void;
  kill(): void;
}

function frame(message: object): Buffer {
  const body = Buffer.from(JSON.stringify(message));
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
}

function startRaw(): RawServer {
  const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { cwd: REPO_ROOT, stdio: 'pipe' });
  child.stdin.on('error', () => undefined);
  let out = Buffer.alloc(0);
  let err = '';
  const received: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    out = Buffer.concat([out, chunk]);
    for (;;) {
      const end = out.indexOf('\r\n\r\n');
      if (end < 0) break;
      const length = Number(/Content-Length: (\d+)/i.exec(out.toString('latin1', 0, end))?.[1]);
      if (out.length < end + 4 + length) break;
      received.push(JSON.parse(out.toString('utf8', end + 4, end + 4 + length)));
      out = out.subarray(end + 4 + length);
    }
    for (const waiter of waiters.splice(0)) waiter();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => ({ code: code as number | null, at: Date.now() }));
  return {
    send: (message) => child.stdin.write(frame(message)),
    write: (bytes) => child.stdin.write(bytes),
    messages: () => received,
    async response(id) {
      for (;;) {
        const found = received.find((m) => m.id === id && ('result' in m || 'error' in m));
        if (found) return found;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    stderr: () => err,
    exited,
    close: () => child.stdin.end(),
    kill: () => child.kill(),
  };
}

const INITIALIZE = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } };
const hover = (id: number) => ({
  jsonrpc: '2.0',
  id,
  method: 'textDocument/hover',
  params: { textDocument: { uri: 'file:///nowhere/plan.md' }, position: { line: 0, character: 0 } },
});

test('requests before initialize get ServerNotInitialized and are not served', async (t) => {
  const server = startRaw();
  t.after(() => server.kill());
  server.send(hover(7));
  server.send({ jsonrpc: '2.0', id: 8, method: 'workspace/executeCommand', params: { command: 'partnerlint.readinessReport', arguments: ['file:///etc/hostname'] } });
  const refused = await server.response(7);
  assert.equal((refused.error as { code: number }).code, -32002);
  assert.equal('result' in refused, false);
  assert.equal(((await server.response(8)).error as { code: number }).code, -32002);
  server.send(INITIALIZE);
  assert.ok((await server.response(1)).result, 'initialize is served afterwards');
  server.send(hover(9));
  assert.deepEqual((await server.response(9)).result, null);
  server.send({ ...INITIALIZE, id: 10 });
  assert.equal(((await server.response(10)).error as { code: number }).code, -32600, 'a second initialize is refused');
});

test('requests after shutdown get InvalidRequest; exit still ends the server with 0', async (t) => {
  const server = startRaw();
  t.after(() => server.kill());
  server.send(INITIALIZE);
  server.send({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
  server.send(hover(3));
  assert.equal((await server.response(2)).result, null);
  const refused = await server.response(3);
  assert.equal((refused.error as { code: number }).code, -32600);
  server.send({ jsonrpc: '2.0', method: 'exit' });
  assert.equal((await server.exited).code, 0);
});

test('the server exits within a second of its client closing stdin', async (t) => {
  const server = startRaw();
  t.after(() => server.kill());
  server.send(INITIALIZE);
  await server.response(1);
  const closedAt = Date.now();
  server.close();
  const { code, at } = await server.exited;
  assert.equal(code, 1, 'no shutdown was asked for');
  assert.ok(at - closedAt < 1000, `exited ${at - closedAt} ms after stdin closed`);
});

test('a Content-Length over the cap is refused at once, with one logged reason', async (t) => {
  const server = startRaw();
  t.after(() => server.kill());
  server.send(INITIALIZE);
  await server.response(1);
  const sentAt = Date.now();
  server.write('Content-Length: 9007199254740992\r\n\r\n{"jsonrpc":"2.0"');
  const { code, at } = await server.exited;
  assert.equal(code, 1);
  assert.ok(at - sentAt < 1000, `exited after ${at - sentAt} ms`);
  assert.match(server.stderr(), /refused its input \(a message of 9007199254740992 bytes is over the 64 MB limit\); exiting/);
  assert.equal(server.stderr().trim().split('\n').length, 1, server.stderr());
});

for (const [name, bytes, reason] of [
  ['a header line without a colon', 'Garbage\r\n\r\n', /header line is malformed: "Garbage"/],
  ['a header without Content-Length', 'Content-Type: application/json\r\n\r\n{}', /no Content-Length/],
  ['a non-numeric Content-Length', 'Content-Length: 12abc\r\n\r\n', /Content-Length is not a number/],
  ['a header that never ends', 'X-Filler: ' + 'a'.repeat(20_000), /header is longer than 8192 bytes/],
] as const) {
  test(`${name} ends the server with a logged reason instead of hanging`, async (t) => {
    const server = startRaw();
    t.after(() => server.kill());
    server.send(INITIALIZE);
    server.write(bytes);
    server.send({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
    assert.ok((await server.response(1)).result, 'the message before the bad one is answered');
    assert.equal((await server.exited).code, 1);
    assert.match(server.stderr(), reason);
  });
}

test('a body shorter than its Content-Length said desynchronises nothing: the next header is refused', async (t) => {
  const server = startRaw();
  t.after(() => server.kill());
  server.send(INITIALIZE);
  await server.response(1);
  const body = JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'shutdown' });
  server.write(`Content-Length: ${body.length - 5}\r\n\r\n${body}`);
  server.send({ jsonrpc: '2.0', id: 6, method: 'shutdown' });
  assert.equal((await server.exited).code, 1);
  assert.match(server.stderr(), /header line is malformed/);
  assert.equal(server.messages().some((m) => m.id === 6), false, 'nothing after the bad frame is served');
});

test('a well-framed message that is not JSON is skipped and the server keeps serving', async (t) => {
  const server = startRaw();
  t.after(() => server.kill());
  server.send(INITIALIZE);
  await server.response(1);
  server.write('Content-Length: 9\r\n\r\nnot json!');
  server.send(hover(4));
  assert.deepEqual((await server.response(4)).result, null);
});
