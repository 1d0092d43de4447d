/** Usage: help, version, bad options and missing files, exit codes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { README_TEXT, REPO_ROOT, RESELLER_PLAN, runCli, tempDir, write } from './helpers.js';

test('--help prints usage on stdout and exits 0', async () => {
  const run = await runCli(['--help']);
  assert.equal(run.code, 0);
  assert.match(run.stdout, /^Usage: partnerlint \[options\]/);
  for (const option of ['--format', '--fix', '--config', '--max-warnings', '--min-readiness', '--detect', '--report', '--init', '--stdin', '--stdin-filename', '--quiet', '--no-color', '--cache', '--cache-location', '--debug', 'PARTNERLINT_WORKERS']) {
    assert.ok(run.stdout.includes(option), `help mentions ${option}`);
  }
  assert.equal(run.stderr, '');
});

test('--version prints the package version', async () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  const run = await runCli(['--version']);
  assert.equal(run.code, 0);
  assert.equal(run.stdout.trim(), pkg.version);
});

test('an unknown option is a usage error naming the option', async (t) => {
  const dir = tempDir(t);
  const run = await runCli(['--frobnicate', '.'], { cwd: dir });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /unknown option '--frobnicate'/);
  assert.equal(run.stdout, '');
});

test('an option without its value is a usage error', async (t) => {
  const dir = tempDir(t);
  const run = await runCli(['--format'], { cwd: dir });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /'--format' needs a value/);
});

test('bad option values are usage errors', async (t) => {
  const dir = tempDir(t);
  const cases = [
    [['--format', 'xml'], /--format must be one of stylish, json, sarif/],
    [['--max-warnings', 'many'], /--max-warnings needs a whole number/],
    [['--max-warnings', '-1'], /needs a value|--max-warnings needs a whole number/],
    [['--detect', 'sometimes'], /--detect must be one of auto, frontmatter, always/],
    [['--stdin-filename', 'a.md'], /--stdin-filename can only be used with --stdin/],
    [['--stdin', '--fix'], /--fix cannot be used with --stdin/],
    [['--report', '--format', 'json'], /--report/],
    [['--cache-location', 'x'], /--cache-location can only be used with --cache/],
    [['--cache', '--cache-location', ''], /--cache-location needs a path/],
  ] as const;
  const runs = await Promise.all(cases.map(([args]) => runCli([...args], { cwd: dir })));
  cases.forEach(([args, pattern], i) => {
    assert.equal(runs[i].code, 2, `exit code for ${args.join(' ')}: ${runs[i].stderr}`);
    assert.match(runs[i].stderr, pattern);
    assert.equal(runs[i].stdout, '');
  });
});

test('a missing file is an I/O error naming it; the other files are still linted', async (t) => {
  const dir = tempDir(t);
  write(dir, 'plan.md', RESELLER_PLAN);
  const run = await runCli(['--format', 'json', 'nope.md', 'plan.md'], { cwd: dir });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /nope\.md: no such file or directory/);
  const entries = JSON.parse(run.stdout) as Array<{ file: string }>;
  assert.deepEqual(entries.map((e) => e.file), ['plan.md']);
});

test('a glob that matches nothing is an error naming the pattern', async (t) => {
  const dir = tempDir(t);
  const run = await runCli(['plans/**/*.md'], { cwd: dir });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /plans\/\*\*\/\*\.md: no files match/);
});

test('exit code 0 when only documents that are not plans are linted', async (t) => {
  const dir = tempDir(t);
  write(dir, 'README.md', README_TEXT);
  const run = await runCli([], { cwd: dir });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, '1 file checked, no partner-program documents found\n');
});

test('--cache writes .partnerlintcache in the working directory', async (t) => {
  const dir = tempDir(t);
  write(dir, 'README.md', README_TEXT);
  const run = await runCli(['--cache'], { cwd: dir });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stderr, '');
  const cache = JSON.parse(fs.readFileSync(path.join(dir, '.partnerlintcache'), 'utf8')) as { files: Record<string, unknown> };
  assert.deepEqual(Object.keys(cache.files), [path.join(dir, 'README.md')]);
});
