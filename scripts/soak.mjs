// Memory soak of the language server: memory should follow the open documents, not the edits.
//
//   node scripts/soak.mjs [--seconds 180] [--documents 1000] [--size-kb 500]
//
// Starts the built server (bin/partnerlint-server.js) over stdio, opens a generated plan
// (~500 KB), applies random small edits (inserts and deletions of a few characters anywhere)
// for the given time while reading the server's VmRSS from /proc/<pid>/status every second,
// then closes it, opens and closes `--documents` plans of 100 KB, and prints:
//
//   - RSS after the warm-up (the first minute, or the first third of a shorter run), the highest
//     RSS after it and their ratio (target: at most 1.5);
//   - RSS at start (once a small plan has been linted and closed: the code is loaded) and after every document is closed (target: within 50 MB).
//
// Exits 1 when a target is missed, 2 when the server cannot be run.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node.js';
import { generatePlan, mulberry32, KB } from '../bench/generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER = path.join(root, 'bin/partnerlint-server.js');
const MB = 1024 * 1024;
const RATIO_TARGET = 1.5;
const RETURN_TARGET_MB = 50;
const WORDS = ['partner', 'margin', ' ', 'tier', '\n', 'deal registration', '30 days', '- ', '| ', '**', 'x'];

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`soak: --${name} needs a non-negative number`);
    process.exit(2);
  }
  return value;
}

const seconds = option('seconds', 180);
const documents = option('documents', 1000);
const sizeKb = option('size-kb', 500);
const warmupSeconds = Math.min(60, seconds / 3);

function rssMb(pid) {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startServer(dir) {
  if (!fs.existsSync(SERVER)) throw new Error(`${path.relative(root, SERVER)} does not exist (npm run build)`);
  const nodeArgs = (process.env.PARTNERLINT_SOAK_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => {
    if (process.env.PARTNERLINT_SOAK_STDERR) fs.appendFileSync(process.env.PARTNERLINT_SOAK_STDERR, d);
    if (stderr.length < 4000) stderr += d;
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const failed = exited.then(({ code, signal }) => {
    throw new Error(`the server exited (code ${code}, signal ${signal}) ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
  });
  failed.catch(() => {});
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const key = `${params.uri}#${params.version}`;
    const resolve = waiters.get(key);
    if (resolve) {
      waiters.delete(key);
      resolve();
    }
  });
  connection.onNotification(() => {});
  connection.onRequest((method, params) => {
    if (method === 'workspace/configuration') return (params?.items ?? []).map(() => ({ debounceMs: 0 }));
    return null;
  });
  connection.listen();
  const diagnostics = (uri, version) =>
    Promise.race([
      new Promise((resolve) => waiters.set(`${uri}#${version}`, resolve)),
      failed,
      sleep(120_000).then(() => {
        throw new Error(`no diagnostics for ${uri} version ${version} within 120 s`);
      }),
    ]);
  const rootUri = pathToFileURL(dir).href;
  await Promise.race([
    connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'soak' }],
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } }, workspace: {}, window: {} },
      initializationOptions: { settings: { debounceMs: 0 } },
    }),
    failed,
  ]);
  connection.sendNotification('initialized', {});
  const stop = async () => {
    try {
      await Promise.race([connection.sendRequest('shutdown'), sleep(5000)]);
      connection.sendNotification('exit');
    } catch {
      // killed below
    }
    if ((await Promise.race([exited, sleep(5000).then(() => null)])) === null) child.kill('SIGKILL');
    connection.dispose();
  };
  return { child, connection, diagnostics, stop };
}

/** A random small edit of `lines` (kept in step with the server's copy), as an LSP content change. */
function randomEdit(lines, random) {
  const line = Math.floor(random() * lines.length);
  const text = lines[line];
  const character = Math.floor(random() * (text.length + 1));
  if (random() < 0.45 && text.length > 0) {
    const end = Math.min(text.length, character + 1 + Math.floor(random() * 3));
    lines[line] = text.slice(0, character) + text.slice(end);
    return { range: { start: { line, character }, end: { line, character: end } }, text: '' };
  }
  const word = WORDS[Math.floor(random() * WORDS.length)];
  const parts = (text.slice(0, character) + word + text.slice(character)).split('\n');
  lines.splice(line, 1, ...parts);
  return { range: { start: { line, character }, end: { line, character } }, text: word };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnerlint-soak-'));
  const server = await startServer(dir);
  const pid = server.child.pid;
  const fmt = (mb) => `${mb.toFixed(0)} MB`;
  try {
    // The start: the server with its code loaded and run once (a small plan opened, linted and closed).
    const warmUri = pathToFileURL(path.join(dir, 'warm.md')).href;
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: warmUri, languageId: 'markdown', version: 1, text: generatePlan(10 * KB, 3) } });
    await server.diagnostics(warmUri, 1);
    server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: warmUri } });
    await sleep(3000);
    const startRss = rssMb(pid);
    const uri = pathToFileURL(path.join(dir, 'plan.md')).href;
    const text = generatePlan(sizeKb * KB, 7);
    const lines = text.split('\n');
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await server.diagnostics(uri, 1);

    const random = mulberry32(11);
    const samples = [];
    const t0 = performance.now();
    let nextSample = t0;
    let version = 1;
    while (performance.now() - t0 < seconds * 1000) {
      version++;
      const change = randomEdit(lines, random);
      server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      await server.diagnostics(uri, version);
      const now = performance.now();
      if (now >= nextSample) {
        samples.push({ at: (now - t0) / 1000, rss: rssMb(pid) });
        nextSample += 1000;
      }
      await sleep(20);
    }
    const edits = version - 1;
    const warm = samples.filter((s) => s.at <= warmupSeconds);
    const after = samples.filter((s) => s.at > warmupSeconds);
    const warmRss = warm.length ? warm[warm.length - 1].rss : NaN;
    const maxAfter = after.length ? Math.max(...after.map((s) => s.rss)) : warmRss;
    const endEdits = samples.length ? samples[samples.length - 1].rss : NaN;
    server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await sleep(3000);
    const afterEditsClosed = rssMb(pid);
    console.log(`edits: ${edits} in ${seconds} s; RSS after the first ${warmupSeconds.toFixed(0)} s: ${fmt(warmRss)}, max afterwards: ${fmt(maxAfter)}, after closing the plan: ${fmt(afterEditsClosed)}`);

    // Many documents, opened one after the other (each analysed), then all closed.
    const opened = [];
    let peakDocs = 0;
    const texts = Array.from({ length: Math.min(documents, 8) }, (_, i) => generatePlan(100 * KB, 100 + i));
    for (let i = 0; i < documents; i++) {
      const doc = pathToFileURL(path.join(dir, `doc-${i}.md`)).href;
      server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: doc, languageId: 'markdown', version: 1, text: `<!-- ${i} -->\n${texts[i % texts.length]}` },
      });
      await server.diagnostics(doc, 1);
      opened.push(doc);
      peakDocs = Math.max(peakDocs, rssMb(pid));
      if ((i + 1) % 100 === 0) console.log(`  ${i + 1} documents open, RSS ${fmt(rssMb(pid))}`);
    }
    for (const doc of opened) server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: doc } });
    // Let the server read the closes and settle.
    await Promise.race([server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }).catch(() => null), sleep(10_000)]);
    await sleep(3000);
    const closedRss = rssMb(pid);
    const afterEditsNote = `after the edits and closing the plan: ${fmt(afterEditsClosed)}`;

    const ratio = maxAfter / warmRss;
    const returned = closedRss - startRss;
    console.log(`edits: ${edits} in ${seconds} s on a ${(Buffer.byteLength(text) / KB).toFixed(0)} KB plan`);
    console.log(`RSS after the first ${warmupSeconds.toFixed(0)} s: ${fmt(warmRss)}; max afterwards: ${fmt(maxAfter)}; ratio ${ratio.toFixed(2)} (target <= ${RATIO_TARGET}); at the end of the edits: ${fmt(endEdits)}`);
    console.log(`${afterEditsNote}; ${documents} documents of 100 KB: peak ${fmt(peakDocs)}`);
    console.log(`RSS at start: ${fmt(startRss)}; after closing all: ${fmt(closedRss)}; difference ${returned.toFixed(0)} MB (target <= ${RETURN_TARGET_MB} MB)`);
    const missed = [];
    if (!(ratio <= RATIO_TARGET)) missed.push('RSS grew with the edits');
    if (!(returned <= RETURN_TARGET_MB)) missed.push('RSS did not come back after closing the documents');
    if (missed.length) {
      console.log(`missed: ${missed.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`soak: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 2;
});
