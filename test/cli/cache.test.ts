/** --cache and --cache-location: reuse, invalidation, a damaged or unwritable cache. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadConfigForFile, VERSION } from '../../lib/index.js';
import { cacheKey, settingsHash } from '../../cli/cache.js';
import {
  debugCounts,
  parseJsonOutput,
  README_TEXT,
  RESELLER_PLAN,
  ruleIds,
  runCli,
  tempDir,
  withoutDebug,
  write,
  writeCorpus,
  type CliRun,
} from './helpers.js';

interface CacheFileShape {
  partnerlintCache: number;
  version: string;
  files: Record<string, { key: string; result: { findings: Array<{ ruleId: string }> } }>;
}

function readCache(file: string): CacheFileShape {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFileShape;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function assertSameOutput(a: CliRun, b: CliRun, what: string): void {
  assert.equal(a.code, b.code, `${what}: exit code`);
  assert.equal(a.stdout, b.stdout, `${what}: stdout`);
  assert.equal(withoutDebug(a.stderr), withoutDebug(b.stderr), `${what}: stderr`);
}

test('a second run takes every file from the cache and prints the same', async (t) => {
  const dir = tempDir(t);
  const documents = writeCorpus(dir);
  const linted = documents - 2; // binary and non-UTF-8: skipped, never cached
  for (const args of [['--report'], ['--format', 'json'], ['--format', 'sarif'], ['--format', 'html']]) {
    const what = args.join(' ');
    fs.rmSync(path.join(dir, '.partnerlintcache'), { force: true });
    const fresh = await runCli([...args, '.'], { cwd: dir });
    const cold = await runCli(['--cache', '--debug', ...args, '.'], { cwd: dir });
    const warm = await runCli(['--cache', '--debug', ...args, '.'], { cwd: dir });
    assertSameOutput(cold, fresh, `${what}: first run with --cache`);
    assertSameOutput(warm, fresh, `${what}: second run with --cache`);
    assert.equal(debugCounts(cold).fromCache, 0, what);
    const counts = debugCounts(warm);
    assert.equal(counts.fromCache, linted, `${what}: every file from the cache\n${warm.stderr}`);
    assert.equal(counts.inMainThread + counts.inWorkers, 0, `${what}: nothing linted`);
    assert.match(warm.stderr, new RegExp(`debug: cache ${path.join(dir, '.partnerlintcache')}: ${linted} entries read, ${linted} used, 0 missed`));
  }

  // The cache file: one entry per linted file, keyed by engine version, --detect, config and content.
  const cache = readCache(path.join(dir, '.partnerlintcache'));
  assert.equal(cache.partnerlintCache, 3);
  assert.equal(cache.version, VERSION);
  assert.equal(Object.keys(cache.files).length, linted);
  const plan = path.join(dir, 'team-a', 'plan-02.md');
  const config = loadConfigForFile(plan).config;
  const expected = cacheKey(settingsHash(VERSION, undefined, JSON.stringify(config)), sha256(fs.readFileSync(plan)));
  assert.equal(cache.files[plan].key, expected);
  assert.notEqual(settingsHash('0.0.0-other', undefined, JSON.stringify(config)), settingsHash(VERSION, undefined, JSON.stringify(config)));
  assert.ok(!fs.readdirSync(dir).some((f) => f.endsWith('.tmp')), 'no temporary file left beside the cache');
});

test('a changed file is linted again; the others come from the cache', async (t) => {
  const dir = tempDir(t);
  write(dir, 'a.md', RESELLER_PLAN);
  write(dir, 'b.md', RESELLER_PLAN);
  write(dir, 'c.md', README_TEXT);
  await runCli(['--cache', '.'], { cwd: dir });
  write(dir, 'b.md', RESELLER_PLAN.replace('45% margin', '20% margin'));
  const run = await runCli(['--cache', '--debug', '--format', 'json', '.'], { cwd: dir });
  const counts = debugCounts(run);
  assert.equal(counts.fromCache, 2, run.stderr);
  assert.equal(counts.inMainThread, 1);
  const byFile = new Map(parseJsonOutput(run).map((e) => [e.file, e]));
  assert.ok(ruleIds(byFile.get('a.md')!).includes('margin-range'));
  assert.ok(!ruleIds(byFile.get('b.md')!).includes('margin-range'), 'b.md reports its new content');
  const fresh = await runCli(['--format', 'json', '.'], { cwd: dir });
  assert.equal(run.stdout, fresh.stdout);
});

test('a changed config, or another --detect, lints the files again', async (t) => {
  const dir = tempDir(t);
  write(dir, 'plans/a.md', RESELLER_PLAN);
  write(dir, 'plans/b.md', RESELLER_PLAN);
  write(dir, 'other/c.md', RESELLER_PLAN);
  await runCli(['--cache', '.'], { cwd: dir });

  write(dir, 'plans/.partnerlintrc.json', JSON.stringify({ rules: { 'margin-range': 'off' } }));
  const run = await runCli(['--cache', '--debug', '--format', 'json', '.'], { cwd: dir });
  const counts = debugCounts(run);
  assert.equal(counts.fromCache, 1, `only other/c.md is unchanged\n${run.stderr}`);
  assert.equal(counts.inMainThread, 2);
  for (const entry of parseJsonOutput(run)) {
    assert.equal(ruleIds(entry).includes('margin-range'), entry.file === 'other/c.md', entry.file);
  }

  const again = await runCli(['--cache', '--debug', '--format', 'json', '.'], { cwd: dir });
  assert.equal(debugCounts(again).fromCache, 3);
  assert.equal(again.stdout, run.stdout);

  const always = await runCli(['--cache', '--debug', '--detect', 'always', '--format', 'json', '.'], { cwd: dir });
  assert.equal(debugCounts(always).fromCache, 0, '--detect is part of the key');
});

test('a damaged cache file is ignored with a note, then rewritten', async (t) => {
  const dir = tempDir(t);
  write(dir, 'a.md', RESELLER_PLAN);
  write(dir, 'b.md', README_TEXT);
  const fresh = await runCli(['.'], { cwd: dir });
  for (const damaged of ['{"partnerlintCache": 1, "files": {"/x": ', '[1, 2, 3]', '\u0000\u0001binary']) {
    write(dir, '.partnerlintcache', damaged);
    const run = await runCli(['--cache', '.'], { cwd: dir });
    assert.equal(run.code, fresh.code, run.stderr);
    assert.equal(run.stdout, fresh.stdout);
    assert.match(run.stderr, /^partnerlint: .*\.partnerlintcache (is damaged|is not a Partnerlint cache file).*ignored.*$/m);
    assert.equal(Object.keys(readCache(path.join(dir, '.partnerlintcache')).files).length, 2, 'rewritten');
  }
  // A well-formed file with a broken entry: that entry is linted again, with a note.
  const cache = readCache(path.join(dir, '.partnerlintcache'));
  (cache.files[path.join(dir, 'a.md')] as unknown as { result: unknown }).result = { findings: 'none' };
  write(dir, '.partnerlintcache', JSON.stringify(cache));
  const run = await runCli(['--cache', '--debug', '.'], { cwd: dir });
  assert.equal(run.stdout, fresh.stdout);
  assert.equal(debugCounts(run).fromCache, 1, run.stderr);
  assert.match(withoutDebug(run.stderr), /^partnerlint: an entry of the cache file .*\.partnerlintcache is damaged; that file is linted again$/m);
});

test('an unreadable or unwritable cache location is a note, never a failure', async (t) => {
  const dir = tempDir(t);
  write(dir, 'a.md', RESELLER_PLAN);
  const fresh = await runCli(['.'], { cwd: dir });
  // A path below a regular file can be neither read nor written.
  const run = await runCli(['--cache', '--cache-location', 'a.md/cache', '.'], { cwd: dir });
  assert.equal(run.code, fresh.code, run.stderr);
  assert.equal(run.stdout, fresh.stdout);
  assert.match(run.stderr, /cannot read the cache file .*a\.md\/cache \(a part of the path is not a directory\); linting without it/);
  assert.match(run.stderr, /cannot write the cache file .*a\.md\/cache/);
});

test('--cache-location: a file, or a folder that holds .partnerlintcache', async (t) => {
  const dir = tempDir(t);
  write(dir, 'a.md', RESELLER_PLAN);
  fs.mkdirSync(path.join(dir, 'existing'));
  await runCli(['--cache', '--cache-location', 'custom.json', '.'], { cwd: dir });
  await runCli(['--cache', '--cache-location', 'existing', '.'], { cwd: dir });
  await runCli(['--cache', '--cache-location', 'new-folder/', '.'], { cwd: dir });
  for (const file of ['custom.json', 'existing/.partnerlintcache', 'new-folder/.partnerlintcache']) {
    assert.equal(readCache(path.join(dir, file)).partnerlintCache, 3, file);
  }
  assert.ok(!fs.existsSync(path.join(dir, '.partnerlintcache')), 'nothing at the default place');
  const run = await runCli(['--cache', '--debug', '--cache-location', 'custom.json', '.'], { cwd: dir });
  assert.equal(debugCounts(run).fromCache, 1);

  const usage = await runCli(['--cache-location', 'x', '.'], { cwd: dir });
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /--cache-location can only be used with --cache/);
});

test('--fix with --cache: fixed files are cached with their new content', async (t) => {
  const dir = tempDir(t);
  write(dir, 'a.md', RESELLER_PLAN);
  write(dir, 'b.md', README_TEXT);
  // A cached result with safe fixes does not stop --fix from fixing.
  await runCli(['--cache', '.'], { cwd: dir });
  const fix = await runCli(['--cache', '--fix', '--debug', '--format', 'json', '.'], { cwd: dir });
  assert.match(fix.stderr, /^Fixed 1 file\.$/m);
  assert.equal(debugCounts(fix).fromCache, 1, 'b.md has nothing to fix: from the cache');
  assert.notEqual(fs.readFileSync(path.join(dir, 'a.md'), 'utf8'), RESELLER_PLAN);

  const after = await runCli(['--cache', '--debug', '--format', 'json', '.'], { cwd: dir });
  assert.equal(debugCounts(after).fromCache, 2, after.stderr);
  const fresh = await runCli(['--format', 'json', '.'], { cwd: dir });
  assert.equal(after.stdout, fresh.stdout);
  assert.equal(fix.stdout, fresh.stdout);
});

test('the cache keeps entries of files outside this run, and drops those of deleted files', async (t) => {
  const dir = tempDir(t);
  write(dir, 'a/plan.md', RESELLER_PLAN);
  write(dir, 'b/plan.md', RESELLER_PLAN);
  await runCli(['--cache', '.'], { cwd: dir });
  await runCli(['--cache', 'a'], { cwd: dir });
  const files = () => Object.keys(readCache(path.join(dir, '.partnerlintcache')).files).sort();
  assert.deepEqual(files(), [path.join(dir, 'a/plan.md'), path.join(dir, 'b/plan.md')]);
  fs.rmSync(path.join(dir, 'b'), { recursive: true });
  write(dir, 'a/plan.md', RESELLER_PLAN + '\nMore text.\n');
  await runCli(['--cache', 'a'], { cwd: dir });
  assert.deepEqual(files(), [path.join(dir, 'a/plan.md')]);
});
