/**
 * The bundled commands (scripts/bundle-bins.mjs -> dist/cli.cjs, dist/server-bin.cjs):
 * built into a temporary folder beside copies of the bin scripts, they must
 * behave exactly like the compiled modules in out/, worker threads included.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { VERSION } from '../../lib/index.js';
import { BIN, debugCounts, REPO_ROOT, runCli, runProcess, tempDir, withoutDebug, write, writeCorpus } from './helpers.js';

/** Builds the bundles into <dir>/dist next to a copy of the bin scripts in <dir>/bin. */
async function buildBundles(dir: string): Promise<void> {
  fs.mkdirSync(path.join(dir, 'bin'));
  for (const bin of ['partnerlint.js', 'partnerlint-server.js', 'package.json']) {
    fs.copyFileSync(path.join(REPO_ROOT, 'bin', bin), path.join(dir, 'bin', bin));
  }
  const build = await runProcess(process.execPath, [path.join(REPO_ROOT, 'scripts', 'bundle-bins.mjs'), '--outdir', path.join(dir, 'dist'), '--quiet']);
  assert.equal(build.code, 0, build.stderr + build.stdout);
  assert.equal(build.stderr, '', 'no warnings while bundling');
}

test('the bundled command prints what the compiled one prints, with worker threads', async (t) => {
  const dir = tempDir(t);
  await buildBundles(dir);
  for (const file of ['cli.cjs', 'cli.cjs.v8cache', 'server-bin.cjs']) {
    assert.ok(fs.statSync(path.join(dir, 'dist', file)).size > 0, file);
  }
  const bundled = path.join(dir, 'bin', 'partnerlint.js');
  const version = await runProcess(process.execPath, [bundled, '--version']);
  assert.equal(version.stdout, `${VERSION}\n`);

  const work = path.join(dir, 'work');
  fs.mkdirSync(work);
  writeCorpus(work);
  const env = { PARTNERLINT_DOCS_BASE_URL: 'https://docs.example/rules' };
  for (const args of [['--report'], ['--format', 'json'], ['--format', 'sarif']]) {
    const what = args.join(' ');
    const compiled = await runCli([...args, '.'], { cwd: work, env: { ...env, PARTNERLINT_NO_BUNDLE: '1', PARTNERLINT_WORKERS: '1' } });
    const fromBundle = await runProcess(process.execPath, [bundled, '--debug', ...args, '.'], { cwd: work, env: { ...env, PARTNERLINT_WORKERS: '2' } });
    assert.equal(fromBundle.code, compiled.code, `${what}: exit code`);
    assert.equal(fromBundle.stdout, compiled.stdout, `${what}: stdout`);
    assert.equal(withoutDebug(fromBundle.stderr), compiled.stderr, `${what}: stderr`);
    assert.ok(debugCounts(fromBundle).inWorkers > 0, `${what}: the bundle runs its own worker threads\n${fromBundle.stderr}`);
  }

  // Inside the bundle, the package root (for the rule pages) is the folder that holds dist/.
  const sarif = await runProcess(process.execPath, [bundled, '--format', 'sarif', '.'], { cwd: work });
  const helpUri = (JSON.parse(sarif.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; helpUri: string }> } } }> }).runs[0].tool.driver
    .rules[0];
  assert.equal(helpUri.helpUri, pathToFileURL(path.join(dir, 'docs', 'rules', `${helpUri.id}.md`)).href);
});

test('the bundled language server answers initialize and reports its version', async (t) => {
  const dir = tempDir(t);
  await buildBundles(dir);
  const server = path.join(dir, 'bin', 'partnerlint-server.js');
  const version = await runProcess(process.execPath, [server, '--version']);
  assert.equal(version.stdout, `${VERSION}\n`);

  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  t.after(() => child.kill());
  const send = (message: object): void => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  const response = new Promise<{ id: number; result?: { capabilities?: Record<string, unknown> } }>((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
        if (buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
        buffer = buffer.subarray(headerEnd + 4 + length);
        if (message.id === 1) resolve(message);
      }
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  const initialized = await response;
  assert.ok(initialized.result?.capabilities, JSON.stringify(initialized));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  send({ id: 2, method: 'shutdown' });
  send({ method: 'exit' });
  assert.equal(await exited, 0);
});

test('bin/partnerlint.js uses the bundle only when it is newer than the TypeScript build', async (t) => {
  const dir = tempDir(t);
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.copyFileSync(BIN, path.join(dir, 'bin', 'partnerlint.js'));
  // The bin scripts are CommonJS (their own package.json) in a package of ES modules.
  fs.copyFileSync(path.join(path.dirname(BIN), 'package.json'), path.join(dir, 'bin', 'package.json'));
  write(dir, 'package.json', JSON.stringify({ type: 'module' }));
  write(dir, 'out/cli/main.js', "export async function run() { process.stdout.write('compiled\\n'); }\n");
  const info = write(dir, 'out/cli/tsconfig.tsbuildinfo', '{}');
  const bin = path.join(dir, 'bin', 'partnerlint.js');
  const which = async (env: NodeJS.ProcessEnv = {}) => (await runProcess(process.execPath, [bin], { env })).stdout;

  assert.equal(await which(), 'compiled\n', 'no bundle');
  const bundle = write(dir, 'dist/cli.cjs', "exports.run = async () => { process.stdout.write('bundle\\n'); };\n");
  const past = new Date(Date.now() - 60_000);
  fs.utimesSync(info, past, past);
  assert.equal(await which(), 'bundle\n', 'a bundle newer than the build');
  assert.equal(await which({ PARTNERLINT_NO_BUNDLE: '1' }), 'compiled\n', 'PARTNERLINT_NO_BUNDLE');
  // A code cache V8 cannot use is passed over.
  write(dir, 'dist/cli.cjs.v8cache', 'not a code cache');
  assert.equal(await which(), 'bundle\n', 'a useless code cache');
  const future = new Date(Date.now() + 60_000);
  fs.utimesSync(info, future, future);
  assert.ok(fs.statSync(bundle).mtimeMs < fs.statSync(info).mtimeMs);
  assert.equal(await which(), 'compiled\n', 'a bundle older than the build');
});
