/** Hostile input through the real command: a bad part costs only itself, output errors end in one line. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, REPO_ROOT, runCli, tempDir, write, type JsonEntry } from './helpers.js';

const PLAN = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'quillpath-referral-kickoff.md'), 'utf8');

test('a plan with a part the reader would take too long on keeps its findings and names the part', async (t) => {
  const dir = tempDir(t);
  const alone = JSON.parse((await runCli(['--format', 'json', write(dir, 'alone.md', PLAN)])).stdout) as JsonEntry[];
  const hostile = PLAN + '\n## Appendix\n\n' + 'x ' + '<!--'.repeat(20_000) + '\n';
  const file = write(dir, 'plan.md', hostile);
  const started = performance.now();
  const run = await runCli(['--format', 'json', '--max-warnings', '0', file]);
  assert.ok(performance.now() - started < 10_000);
  assert.equal(run.code, 1, run.stderr);
  const [entry] = JSON.parse(run.stdout) as JsonEntry[];
  const notRead = entry.findings.filter((f) => f.ruleId === 'not-analysed');
  assert.equal(notRead.length, 1);
  assert.equal(notRead[0].line, PLAN.split('\n').length + 1);
  assert.match(notRead[0].message, /^Lines? \d+(-\d+)? (was|were) not checked: the paragraph from line \d+ has 20,000 unclosed HTML openers/);
  const others = entry.findings.filter((f) => f.ruleId !== 'not-analysed').map((f) => `${f.ruleId}:${f.line}`);
  for (const f of alone[0].findings.filter((f) => f.line > 1)) assert.ok(others.includes(`${f.ruleId}:${f.line}`), `${f.ruleId}:${f.line} still reported`);
  const stylish = await runCli([file]);
  assert.match(stylish.stdout, /not-analysed/);
});

test('a detection.exclude glob that would backtrack is matched at once', async (t) => {
  const dir = tempDir(t);
  write(dir, '.partnerlintrc.json', JSON.stringify({ detection: { exclude: ['*a*a*a*a*a*a*a*a*a*a*ab'] } }));
  const rel = 'a'.repeat(40) + '/' + 'a'.repeat(60) + '.md';
  write(dir, rel, PLAN);
  const started = performance.now();
  const run = await runCli(['--format', 'json', '--max-warnings', '0', rel], { cwd: dir });
  assert.ok(performance.now() - started < 5_000);
  assert.equal(run.code, 1, run.stderr);
});

test('output that cannot be written (a full device) ends with exit code 2 and one line', { skip: !fs.existsSync('/dev/full') }, () => {
  const out = fs.openSync('/dev/full', 'w');
  try {
    const run = spawnSync(process.execPath, [BIN, path.join(REPO_ROOT, 'examples')], { stdio: ['ignore', out, 'pipe'], encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.equal(run.stderr, 'partnerlint: cannot write the output: no space is left on the device\n');
  } finally {
    fs.closeSync(out);
  }
});

test('a closed output pipe ends with exit code 2 and one line', async () => {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [BIN, '--format', 'json', path.join(REPO_ROOT, 'examples'), path.join(REPO_ROOT, 'test', 'fixtures')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.ok(code === 2 || code === 0 || code === 1, `exit ${code}`);
  if (code === 2) assert.equal(stderr, 'partnerlint: cannot write the output: the program reading it closed it\n');
  assert.doesNotMatch(stderr, /\n\s+at /);
});

test('the hostile corpus at small sizes stays within its limits', () => {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'hostile.mjs'), '--scale=0.02', '--timeout=20'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});
