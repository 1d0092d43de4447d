/**
 * Many files are linted in worker threads; the output must be exactly what a
 * single-threaded run prints (PARTNERLINT_WORKERS=1), in every format.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { debugCounts, RESELLER_PLAN, runCli, tempDir, withoutDebug, write, writeCorpus, type CliRun } from './helpers.js';

const SINGLE = { PARTNERLINT_WORKERS: '1' };
const PARALLEL = { PARTNERLINT_WORKERS: '2' };

function assertSameRun(parallel: CliRun, single: CliRun, what: string): void {
  assert.equal(parallel.code, single.code, `${what}: exit code`);
  assert.equal(parallel.stdout, single.stdout, `${what}: stdout`);
  assert.equal(withoutDebug(parallel.stderr), withoutDebug(single.stderr), `${what}: stderr`);
}

test('worker threads print byte for byte what one thread prints, in every format', async (t) => {
  const dir = tempDir(t);
  const documents = writeCorpus(dir);
  const linted = documents - 2; // the binary and the non-UTF-8 file are skipped
  const variants: string[][] = [
    [],
    ['--report'],
    ['--format', 'json'],
    ['--format', 'sarif'],
    ['--quiet'],
    ['--max-warnings', '0', '--detect', 'always'],
  ];
  for (const args of variants) {
    const what = args.join(' ') || 'stylish';
    const single = await runCli(['--debug', ...args, '.'], { cwd: dir, env: SINGLE });
    const parallel = await runCli(['--debug', ...args, '.'], { cwd: dir, env: PARALLEL });
    assertSameRun(parallel, single, what);
    assert.equal(single.code, 2, `${what}: the broken config in team-b means exit 2\n${single.stderr}`);
    assert.ok(single.stdout.length > 0, what);

    const one = debugCounts(single);
    assert.deepEqual([one.files, one.inMainThread, one.inWorkers, one.workers], [documents, linted, 0, 0], `${what}: single`);
    const many = debugCounts(parallel);
    assert.equal(many.files, documents);
    assert.equal(many.inMainThread + many.inWorkers, linted, `${what}: every readable file linted once`);
    assert.ok(many.workers >= 1 && many.workers <= 2, `${what}: ${many.workers} workers`);
    assert.ok(many.inWorkers > 0, `${what}: the workers linted files`);
  }
});

test('the messages on stderr come in the order of the file list', async (t) => {
  const dir = tempDir(t);
  writeCorpus(dir);
  const run = await runCli(['--format', 'json', '.'], { cwd: dir, env: PARALLEL });
  const lines = run.stderr.trim().split('\n');
  // Files are walked in name order: example-*, notes/*, team-a/*, team-b/* (with its config problem).
  assert.deepEqual(lines, [
    'partnerlint: notes/binary.md: skipped: binary file (contains NUL bytes)',
    'partnerlint: notes/latin1.md: skipped: not valid UTF-8 text',
    'team-b/.partnerlintrc.json: rules.exit-critera: unknown rule id "exit-critera"; did you mean "exit-criteria"?',
  ]);
  const files = (JSON.parse(run.stdout) as Array<{ file: string }>).map((e) => e.file);
  assert.deepEqual(files, [...files].sort(), 'JSON entries in file order');
});

test('--fix in worker threads writes the same files and reports the same as one thread', async (t) => {
  const base = tempDir(t);
  const one = path.join(base, 'one');
  const many = path.join(base, 'many');
  for (const dir of [one, many]) {
    fs.mkdirSync(dir);
    writeCorpus(dir);
  }
  const single = await runCli(['--fix', '--format', 'json', '.'], { cwd: one, env: SINGLE });
  const parallel = await runCli(['--debug', '--fix', '--format', 'json', '.'], { cwd: many, env: PARALLEL });
  assertSameRun(parallel, single, '--fix');
  assert.match(single.stderr, /^Fixed \d+ files\.$/m);
  assert.ok(debugCounts(parallel).inWorkers > 0, 'the workers fixed files');
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
  assert.deepEqual(files(many), files(one), 'the same files (no temporary files left)');
  for (const file of files(one)) {
    assert.equal(fs.readFileSync(path.join(many, file), 'utf8'), fs.readFileSync(path.join(one, file), 'utf8'), file);
  }
});

test('a few files stay in the main thread', async (t) => {
  const dir = tempDir(t);
  for (let i = 0; i < 5; i++) write(dir, `plan-${i}.md`, RESELLER_PLAN);
  const run = await runCli(['--debug', '.'], { cwd: dir, env: PARALLEL });
  const counts = debugCounts(run);
  assert.equal(counts.workers, 0, run.stderr);
  assert.equal(counts.inWorkers, 0);
  assert.equal(counts.inMainThread, 5);
});

test('PARTNERLINT_WORKERS must be a whole number', async (t) => {
  const dir = tempDir(t);
  writeCorpus(dir, 0);
  const run = await runCli(['--format', 'json', '.'], { cwd: dir, env: { PARTNERLINT_WORKERS: 'many' } });
  assert.match(run.stderr, /^partnerlint: PARTNERLINT_WORKERS must be a whole number of 1 or more \(got 'many'\); ignoring it$/m);
  assert.ok(JSON.parse(run.stdout).length > 0);
});
