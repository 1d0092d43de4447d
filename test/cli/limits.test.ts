/**
 * The time budget (--timeout) and the heap limit of analysis in worker threads: a file over
 * either is reported as not analysed and the run goes on. Slowness comes from the test hook
 * PARTNERLINT_TEST_ANALYSIS_DELAY_MS, memory exhaustion from PARTNERLINT_TEST_WORKER_HEAP_MB.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { debugCounts, runCli, tempDir, write, BUNDLED_EXAMPLES, type JsonEntry } from './helpers.js';

const PLAN = fs.readFileSync(path.join(BUNDLED_EXAMPLES, 'northwind-reseller-plan.md'), 'utf8');

test('a file whose analysis exceeds --timeout is reported as not analysed, and the run goes on', async (t) => {
  const dir = tempDir(t);
  const files = ['a.md', 'b.md'].map((name) => write(dir, name, PLAN));
  const started = performance.now();
  const run = await runCli(['--format', 'json', '--timeout', '0.3', ...files], { env: { PARTNERLINT_TEST_ANALYSIS_DELAY_MS: '5000' } });
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 4_000, `the budget stopped the analyses (${Math.round(elapsed)} ms)`);
  assert.equal(run.code, 0, run.stderr);
  const entries = JSON.parse(run.stdout) as JsonEntry[];
  assert.equal(entries.length, 2);
  for (const entry of entries) {
    assert.deepEqual(entry.findings.map((f) => [f.ruleId, f.severity, f.line]), [['not-analysed', 'warning', 1]]);
    assert.match(entry.findings[0].message, /^Not analysed: it took longer than 0\.3 s \(--timeout\)\./);
  }
  assert.match(run.stderr, /a\.md: skipped: it took longer than 0\.3 s \(--timeout\); not analysed/);
  assert.doesNotMatch(run.stderr, /at .*\.js:\d+/, 'no stack trace');
  // --max-warnings 0 does not pass a file that was not analysed.
  const strict = await runCli(['--timeout', '0.3', '--max-warnings', '0', files[0]], { env: { PARTNERLINT_TEST_ANALYSIS_DELAY_MS: '5000' } });
  assert.equal(strict.code, 1, strict.stderr);
});

test('within the budget a file is linted as usual, and a slow file costs only itself in a run of many', async (t) => {
  const dir = tempDir(t);
  const files = Array.from({ length: 20 }, (_, i) => write(dir, `plan-${String(i).padStart(2, '0')}.md`, PLAN));
  const alone = await runCli(['--format', 'json', files[0]]);
  const expected = (JSON.parse(alone.stdout) as JsonEntry[])[0].findings;
  const patient = await runCli(['--format', 'json', '--timeout', '30', files[0]], { env: { PARTNERLINT_TEST_ANALYSIS_DELAY_MS: '50' } });
  assert.deepEqual((JSON.parse(patient.stdout) as JsonEntry[])[0].findings, expected);

  const many = await runCli(['--format', 'json', '--debug', '--timeout', '0.2', ...files], {
    env: { PARTNERLINT_WORKERS: '2', PARTNERLINT_TEST_ANALYSIS_DELAY_MS: '1000' },
  });
  const entries = JSON.parse(many.stdout) as JsonEntry[];
  assert.equal(entries.length, 20, 'every file is reported, in order');
  assert.deepEqual(entries.map((e) => path.basename(e.file)), files.map((f) => path.basename(f)));
  assert.ok(entries.every((e) => e.findings[0]?.ruleId === 'not-analysed'));
  assert.ok(debugCounts(many).workers >= 2, many.stderr);
});

test('a file whose analysis exhausts the worker heap is reported as too large to analyse; the others are linted', async (t) => {
  const dir = tempDir(t);
  const big = write(dir, 'big.md', PLAN + '\nThe reseller program pays **margin** of 20% to each partner who registers a deal.\n'.repeat(30_000));
  const small = write(dir, 'small.md', PLAN);
  const run = await runCli(['--format', 'json', big, small], { env: { PARTNERLINT_TEST_WORKER_HEAP_MB: '16' } });
  assert.equal(run.signal, null);
  assert.equal(run.code, 0, run.stderr);
  const [bigEntry, smallEntry] = JSON.parse(run.stdout) as JsonEntry[];
  assert.equal(bigEntry.findings.length, 1);
  assert.match(bigEntry.findings[0].message, /^Not analysed: it is too large to analyse \(its analysis needed more than the 16 MB memory limit\)/);
  assert.match(run.stderr, /big\.md: skipped: it is too large to analyse/);
  assert.ok(smallEntry.findings.every((f) => f.ruleId !== 'not-analysed'));
});

test('--timeout takes a positive number of seconds and is in --help', async () => {
  for (const bad of ['0', '-1', 'soon', '']) {
    const run = await runCli([`--timeout=${bad}`, 'x.md']);
    assert.equal(run.code, 2, bad);
    assert.match(run.stderr, /--timeout needs a number of seconds above 0/);
  }
  assert.match((await runCli(['--help'])).stdout, /--timeout <seconds>/);
});

test('a file over --max-file-size is reported as not analysed, and the others are linted', async (t) => {
  const dir = tempDir(t);
  const big = write(dir, 'big.md', PLAN + '\nMore prose about the partner program.\n'.repeat(100));
  const small = write(dir, 'small.md', '# Notes\n\nShort.\n');
  const limit = Buffer.byteLength(PLAN);
  const run = await runCli(['--format', 'json', '--max-file-size', String(limit), big, small]);
  assert.equal(run.code, 0, run.stderr);
  const [bigEntry, smallEntry] = JSON.parse(run.stdout) as JsonEntry[];
  assert.deepEqual(bigEntry.findings.map((f) => f.ruleId), ['not-analysed']);
  assert.match(bigEntry.findings[0].message, new RegExp(`^Not analysed: it is \\d+ bytes, over the ${limit} bytes limit \\(--max-file-size\\)\\.`));
  assert.ok(!smallEntry.findings.some((f) => f.ruleId === 'not-analysed'));
  assert.match(run.stderr, /big\.md: skipped: it is \d+ bytes, over the \d+ bytes limit \(--max-file-size\)/);
  for (const bad of ['0', '-5', 'big', '1.5', '']) {
    const wrong = await runCli([`--max-file-size=${bad}`, 'x.md']);
    assert.equal(wrong.code, 2, bad);
    assert.match(wrong.stderr, /--max-file-size needs a whole number of bytes above 0/);
  }
  assert.match((await runCli(['--help'])).stdout, /--max-file-size <bytes>/);
});

test('a config file sets the limits (limits.timeout, limits.maxFileSize); a flag on the command line overrides them', async (t) => {
  const dir = tempDir(t);
  write(dir, '.partnerlintrc.json', JSON.stringify({ limits: { timeout: 0.3, maxFileSize: 100_000 } }));
  const plan = write(dir, 'plan.md', PLAN);
  const big = write(dir, 'big.md', PLAN + '\nMore notes on the program.\n'.repeat(5_000));
  const env = { PARTNERLINT_TEST_ANALYSIS_DELAY_MS: '5000' };
  const started = performance.now();
  const run = await runCli(['--format', 'json', plan, big], { env });
  assert.ok(performance.now() - started < 4_000, 'the config\'s time budget stopped the analysis');
  const [planEntry, bigEntry] = JSON.parse(run.stdout) as JsonEntry[];
  assert.match(planEntry.findings[0].message, /^Not analysed: it took longer than 0\.3 s \(limits\.timeout in \.partnerlintrc\.json\)\./);
  assert.match(bigEntry.findings[0].message, /over the 100000 bytes limit \(limits\.maxFileSize in \.partnerlintrc\.json\)/);

  // The flags win over the config file.
  const flags = await runCli(['--format', 'json', '--timeout', '30', '--max-file-size', '10000000', plan, big], { env: { PARTNERLINT_TEST_ANALYSIS_DELAY_MS: '50' } });
  for (const entry of JSON.parse(flags.stdout) as JsonEntry[]) assert.ok(!entry.findings.some((f) => f.ruleId === 'not-analysed'), flags.stdout);
});

test('an invalid limit in a config file names the file, the key and the problem, and the other limit still holds', async (t) => {
  const dir = tempDir(t);
  write(dir, '.partnerlintrc.json', JSON.stringify({ limits: { timeout: -3, maxFileSize: 10, maxFileSise: 1 } }));
  const plan = write(dir, 'plan.md', PLAN);
  const run = await runCli(['--format', 'json', plan]);
  assert.match(run.stderr, /\.partnerlintrc\.json.*limits\.timeout.*expected a number of seconds above 0/);
  assert.match(run.stderr, /limits\.maxFileSise.*did you mean "maxFileSize"/);
  const [entry] = JSON.parse(run.stdout) as JsonEntry[];
  assert.match(entry.findings[0].message, /over the 10 bytes limit \(limits\.maxFileSize in \.partnerlintrc\.json\)/);
});
