// Language-server measurements, in their own process. Speaks LSP over stdio to
// `node bin/partnerlint-server.js --stdio`, as an editor does.
//
//   node bench/lsp.mjs latency <file> <edits> <budgetMs>
//       Opens the document, then types one character at a time in the middle of a
//       prose line (incremental didChange) and measures didChange -> the
//       publishDiagnostics of that version. Debounce is set to 0 through the
//       initialization options, so the figure is the server's own latency.
//   node bench/lsp.mjs memory <dir>
//       Opens every *.md in <dir>, waits for the diagnostics of each, then reads
//       the server's VmRSS / VmHWM from /proc/<pid>/status.
//
// Prints one JSON line. When the server cannot be started or does not answer,
// the line says { available: false, reason }.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = process.env.PARTNERLINT_BENCH_SERVER ? path.resolve(process.env.PARTNERLINT_BENCH_SERVER) : path.join(root, 'bin/partnerlint-server.js');
const INIT_TIMEOUT_MS = 20_000;
const DIAGNOSTICS_TIMEOUT_MS = 180_000;
const TYPED = ' channel partners ok, with named reps.';

function procStatus(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => {
      const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text);
      return m ? Number(m[1]) : null;
    };
    return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
  } catch {
    return { rssKb: null, hwmKb: null };
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms);
    }),
  ]);
}

async function startServer(rootDir) {
  if (!fs.existsSync(SERVER)) throw new Error(`${path.relative(root, SERVER)} does not exist`);
  const child = spawn(process.execPath, [...(process.env.PARTNERLINT_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), SERVER, '--stdio'], { cwd: rootDir, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    if (stderr.length < 4000) stderr += d;
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map(); // `${uri}#${version}` -> resolve
  const seen = new Map(); // same key -> { at, count }
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    if (typeof params.version !== 'number') return;
    const key = `${params.uri}#${params.version}`;
    const at = performance.now();
    if (!seen.has(key)) seen.set(key, { at, count: params.diagnostics.length });
    const resolve = waiters.get(key);
    if (resolve) {
      waiters.delete(key);
      resolve({ at, count: params.diagnostics.length });
    }
  });
  connection.onNotification(() => {}); // logs, progress, telemetry
  connection.onRequest((method, params) => {
    if (method === 'workspace/configuration') return (params?.items ?? []).map(() => ({ debounceMs: 0 }));
    return null; // registerCapability, workDoneProgress/create, refresh requests
  });
  connection.listen();
  const diagnosticsFor = (uri, version) => {
    const key = `${uri}#${version}`;
    const done = seen.get(key);
    if (done) return Promise.resolve(done);
    return withTimeout(new Promise((resolve) => waiters.set(key, resolve)), DIAGNOSTICS_TIMEOUT_MS, `diagnostics for version ${version}`);
  };
  const failed = exited.then(({ code, signal }) => {
    throw new Error(`the server exited (code ${code}, signal ${signal})${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`);
  });
  failed.catch(() => {});
  const rootUri = pathToFileURL(rootDir).href;
  const init = await withTimeout(
    Promise.race([
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: path.basename(rootDir) }],
        capabilities: {
          textDocument: {
            synchronization: { didSave: true, dynamicRegistration: false },
            publishDiagnostics: { versionSupport: true, relatedInformation: false },
          },
          workspace: {},
          window: {},
        },
        initializationOptions: { settings: { debounceMs: 0 } },
      }),
      failed,
    ]),
    INIT_TIMEOUT_MS,
    'initialize',
  );
  connection.sendNotification('initialized', {});
  const stop = async () => {
    try {
      await withTimeout(connection.sendRequest('shutdown'), 5000, 'shutdown');
      connection.sendNotification('exit');
    } catch {
      // fall through to the kill below
    }
    const ended = await Promise.race([exited, new Promise((r) => setTimeout(() => r(null), 5000))]);
    if (ended === null) child.kill('SIGKILL');
    connection.dispose();
  };
  return { child, connection, diagnosticsFor, failed, init, stop };
}

/** A position in the middle of the document, inside a prose line (not a table, list marker or heading). */
function middleOfProse(text) {
  const lines = text.split('\n');
  const mid = Math.floor(lines.length / 2);
  for (let d = 0; d < lines.length; d++) {
    for (const i of [mid + d, mid - d]) {
      const line = lines[i];
      if (line !== undefined && /^[A-Z][a-z]/.test(line) && line.length > 60) {
        const m = /[.;,] /.exec(line.slice(Math.floor(line.length / 3)));
        const character = m ? Math.floor(line.length / 3) + m.index + 1 : Math.floor(line.length / 2);
        return { line: i, character };
      }
    }
  }
  return { line: mid, character: 0 };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function latency(file, edits, budgetMs) {
  const text = fs.readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).href;
  const server = await startServer(path.dirname(file));
  try {
    const t0 = performance.now();
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const opened = await Promise.race([server.diagnosticsFor(uri, 1), server.failed]);
    const openMs = opened.at - t0;
    const pos = middleOfProse(text);
    const samples = [];
    const start = performance.now();
    let version = 1;
    for (let i = 0; i < edits; i++) {
      if (samples.length >= 5 && performance.now() - start > budgetMs) break;
      version++;
      const ch = TYPED[i % TYPED.length];
      const at = { line: pos.line, character: pos.character + i };
      const s = performance.now();
      server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: at, end: at }, text: ch }],
      });
      const got = await Promise.race([server.diagnosticsFor(uri, version), server.failed]);
      samples.push(got.at - s);
    }
    const status = procStatus(server.child.pid);
    return {
      available: true,
      bytes: Buffer.byteLength(text),
      openMs,
      openDiagnostics: opened.count,
      edits: samples.length,
      medianMs: median(samples),
      p90Ms: [...samples].sort((a, b) => a - b)[Math.min(samples.length - 1, Math.floor(samples.length * 0.9))],
      maxMs: Math.max(...samples),
      samplesMs: samples,
      editAt: { line: pos.line + 1, column: pos.character + 1 },
      ...status,
    };
  } finally {
    await server.stop();
  }
}

async function memory(dir) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(dir, f));
  const server = await startServer(dir);
  try {
    const before = procStatus(server.child.pid);
    const t0 = performance.now();
    const pending = [];
    for (const file of files) {
      const uri = pathToFileURL(file).href;
      server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: 1, text: fs.readFileSync(file, 'utf8') },
      });
      pending.push(server.diagnosticsFor(uri, 1));
    }
    const results = await Promise.race([Promise.all(pending), server.failed]);
    const allMs = performance.now() - t0;
    const after = procStatus(server.child.pid);
    return {
      available: true,
      documents: files.length,
      bytesEach: Math.round(files.reduce((n, f) => n + fs.statSync(f).size, 0) / files.length),
      openAllMs: allMs,
      diagnostics: results.reduce((n, r) => n + r.count, 0),
      idleRssKb: before.rssKb,
      rssKb: after.rssKb,
      hwmKb: after.hwmKb,
    };
  } finally {
    await server.stop();
  }
}

const [mode, target, editsArg, budgetArg] = process.argv.slice(2);
let out;
try {
  if (mode === 'latency') out = await latency(target, Number(editsArg ?? 20), Number(budgetArg ?? 60_000));
  else if (mode === 'memory') out = await memory(target);
  else throw new Error(`unknown mode ${mode}`);
} catch (e) {
  out = { available: false, reason: e instanceof Error ? e.message : String(e) };
}
process.stdout.write(JSON.stringify(out) + '\n');
process.exit(0);
