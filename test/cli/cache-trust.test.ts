/**
 * A `.partnerlintcache` is a file in the working directory: anyone who can
 * change the repository can put one there. Its entries are used only when
 * they hold (cli/cache.ts): a checksum keyed with a secret in the user's cache
 * folder, known rule ids, positions inside the file, no control characters.
 * Otherwise they are ignored with a note and the file is linted again, so a
 * forged entry can neither hide warnings nor print escapes or bad positions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RESELLER_PLAN, runCli, tempDir, write, type CliRun } from './helpers.js';

interface Entry {
  key: string;
  check: string;
  result: { findings: Array<Record<string, unknown>> } & Record<string, unknown>;
}

/** A plan with warnings (margin out of band, no exit criteria, ...) and nothing else in its folder. */
function setUp(t: { after(fn: () => void): void }) {
  const dir = tempDir(t);
  const home = tempDir(t, 'partnerlint-cache-home-');
  write(dir, 'plan.md', RESELLER_PLAN);
  const env = { XDG_CACHE_HOME: home };
  const cacheFile = path.join(dir, '.partnerlintcache');
  const plan = path.join(dir, 'plan.md');
  const readEntry = (): Entry => (JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { files: Record<string, Entry> }).files[plan];
  const writeEntry = (entry: Entry) => {
    const data = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { files: Record<string, Entry> };
    data.files[plan] = entry;
    fs.writeFileSync(cacheFile, JSON.stringify(data));
  };
  /** The checksum Partnerlint gives an entry, with the secret of this test's cache folder. */
  const sign = (entry: Entry): Entry => {
    const secret = fs.readFileSync(path.join(home, 'partnerlint', 'cache-key'));
    const check = createHmac('sha256', secret).update(`${plan}\0${entry.key}\0`).update(JSON.stringify(entry.result)).digest('base64');
    return { ...entry, check };
  };
  return { dir, env, cacheFile, readEntry, writeEntry, sign };
}

function assertLintedAgain(run: CliRun, fresh: CliRun, why: RegExp): void {
  assert.match(run.stderr, new RegExp(`^partnerlint: plan\\.md: the cached result is not used \\(${why.source}\\); the file is linted again$`, 'm'));
  assert.equal(run.stdout, fresh.stdout, 'the output is that of a fresh lint');
  assert.equal(run.code, fresh.code);
}

test('an entry whose findings were emptied does not let --max-warnings 0 pass', async (t) => {
  const { dir, env, readEntry, writeEntry } = setUp(t);
  const fresh = await runCli(['--max-warnings', '0', 'plan.md'], { cwd: dir, env });
  assert.equal(fresh.code, 1, 'the plan has warnings');
  await runCli(['--cache', 'plan.md'], { cwd: dir, env });
  const entry = readEntry();
  assert.ok(entry.result.findings.length > 0);
  writeEntry({ ...entry, result: { ...entry.result, findings: [] } });

  const run = await runCli(['--cache', '--max-warnings', '0', 'plan.md'], { cwd: dir, env });
  assertLintedAgain(run, fresh, /it was not written by Partnerlint for this user, or was changed since/);
  assert.match(run.stderr, /too many warnings/);
});

test('a cache file made by another user or on another computer is not trusted', async (t) => {
  const { dir, env } = setUp(t);
  const fresh = await runCli(['plan.md'], { cwd: dir, env });
  await runCli(['--cache', 'plan.md'], { cwd: dir, env });
  const elsewhere = { XDG_CACHE_HOME: tempDir(t, 'partnerlint-other-home-') };
  const run = await runCli(['--cache', '--debug', 'plan.md'], { cwd: dir, env: elsewhere });
  assertLintedAgain(run, fresh, /it was not written by Partnerlint for this user, or was changed since/);
  assert.match(run.stderr, /0 from the cache, 1 linted/);
  // Rewritten with this user's key: used on the next run.
  const again = await runCli(['--cache', '--debug', 'plan.md'], { cwd: dir, env: elsewhere });
  assert.match(again.stderr, /1 from the cache, 0 linted/);
  assert.doesNotMatch(again.stderr, /not used/);
});

test('an entry with a valid checksum is still checked: positions, rule ids, control characters', async (t) => {
  const { dir, env, readEntry, writeEntry, sign } = setUp(t);
  const fresh = await runCli(['plan.md'], { cwd: dir, env });
  await runCli(['--cache', 'plan.md'], { cwd: dir, env });
  const genuine = readEntry();
  const [first, ...rest] = genuine.result.findings;
  const forgeries: Array<[RegExp, Record<string, unknown>]> = [
    [/a position is outside the file/, { ...first, line: -5, column: -1 }],
    [/a position is outside the file/, { ...first, line: 100_000, endLine: 100_000 }],
    [/a position is outside the file/, { ...first, column: 5000 }],
    [/it names a rule Partnerlint does not have/, { ...first, ruleId: 'not-a-rule' }],
    [/it holds control characters/, { ...first, message: 'Fine\u001b[2J\u001b[Hplan.md: 0 problems' }],
    [/it holds control characters/, { ...first, message: 'A bell\u0007 and a CSI \u009b' }],
  ];
  for (const [why, finding] of forgeries) {
    writeEntry(sign({ ...genuine, result: { ...genuine.result, findings: [finding, ...rest] } }));
    const run = await runCli(['--cache', 'plan.md'], { cwd: dir, env });
    assertLintedAgain(run, fresh, why);
    assert.ok(!/[\u001b\u0007\u009b]/.test(run.stdout + run.stderr), 'no control character is printed');
    assert.doesNotMatch(run.stdout, /-\d+:-?\d+/, 'no negative position is printed');
  }
  // The genuine entry, signed the same way, is used.
  writeEntry(sign(genuine));
  const used = await runCli(['--cache', '--debug', 'plan.md'], { cwd: dir, env });
  assert.match(used.stderr, /1 from the cache, 0 linted/);
  assert.equal(used.stdout, fresh.stdout);
});

test('when the key cannot be kept, the run lints without the cache and says so', async (t) => {
  const { dir } = setUp(t);
  const blocked = write(tempDir(t, 'partnerlint-blocked-home-'), 'not-a-folder', 'x');
  const fresh = await runCli(['plan.md'], { cwd: dir });
  const run = await runCli(['--cache', 'plan.md'], { cwd: dir, env: { XDG_CACHE_HOME: blocked } });
  assert.match(run.stderr, /cannot keep the key that protects the cache in .*not-a-folder\/partnerlint \(a part of the path is not a directory\); linting without the cache/);
  assert.equal(run.stdout, fresh.stdout);
  assert.equal(run.code, fresh.code);
  assert.ok(!fs.existsSync(path.join(dir, '.partnerlintcache')), 'no cache file is written');
});
