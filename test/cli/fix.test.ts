/** --fix: safe fixes written atomically, keeping line endings, BOM and mode; symbolic links guarded. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, toJsonResult } from '../../lib/index.js';
import { BUNDLED_EXAMPLES, parseJsonOutput, README_TEXT, RESELLER_PLAN, ruleIds, runCli, SHARED_EXAMPLES, tempDir, write } from './helpers.js';

/** Rules of RESELLER_PLAN whose fixes are safe (spec: exit-criteria, deal-reg-sla). */
const FIXED_RULES = ['exit-criteria', 'deal-reg-sla'];

async function lintJson(dir: string, file: string) {
  const run = await runCli(['--format', 'json', file], { cwd: dir });
  assert.notEqual(run.code, 2, run.stderr);
  return parseJsonOutput(run)[0];
}

test('--fix applies safe fixes atomically; the fixed rules no longer fire', async (t) => {
  const dir = tempDir(t);
  const file = write(dir, 'plan.md', RESELLER_PLAN);
  fs.chmodSync(file, 0o640);
  const before = await lintJson(dir, 'plan.md');
  for (const id of FIXED_RULES) assert.ok(ruleIds(before).includes(id), `${id} fires before the fix`);

  const oldInode = fs.statSync(file).ino;

  const run = await runCli(['--fix', '--format', 'json', 'plan.md'], { cwd: dir });
  assert.match(run.stderr, /Fixed 1 file\./);
  const [reported] = parseJsonOutput(run);
  for (const id of FIXED_RULES) assert.ok(!ruleIds(reported).includes(id), `${id} gone after the fix`);
  assert.ok(ruleIds(reported).includes('margin-range'), 'what cannot be fixed is still reported');

  const after = fs.readFileSync(file, 'utf8');
  assert.notEqual(after, RESELLER_PLAN);
  // Minimal edits: every original line is still there, in order.
  let at = 0;
  for (const line of RESELLER_PLAN.split('\n')) {
    const found = after.indexOf(line, at);
    assert.ok(found >= 0, `original line kept: ${JSON.stringify(line)}`);
    at = found + line.length;
  }
  // Atomic replace: a new inode took the name (hard links: see fix-safety.test.ts).
  assert.notEqual(fs.statSync(file).ino, oldInode);
  assert.equal(fs.statSync(file).mode & 0o777, 0o640, 'file mode kept');
  assert.deepEqual(fs.readdirSync(dir).sort(), ['plan.md'], 'no temporary files left');

  // What the command reported is what a fresh lint of the written file says.
  const relint = await lintJson(dir, 'plan.md');
  assert.deepEqual(relint.findings, reported.findings);
});

test('--fix keeps CRLF line endings and a UTF-8 BOM', async (t) => {
  const dir = tempDir(t);
  const crlf = RESELLER_PLAN.replace(/\n/g, '\r\n');
  const file = write(dir, 'plan.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, 'utf8')]));
  const before = await lintJson(dir, 'plan.md');
  for (const id of FIXED_RULES) assert.ok(ruleIds(before).includes(id), `${id} fires on the CRLF file`);

  const run = await runCli(['--fix', '--format', 'json', 'plan.md'], { cwd: dir });
  assert.notEqual(run.code, 2, run.stderr);
  for (const id of FIXED_RULES) assert.ok(!ruleIds(parseJsonOutput(run)[0]).includes(id));

  const bytes = fs.readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
  assert.notDeepEqual([...bytes.subarray(3, 6)], [0xef, 0xbb, 0xbf], 'only one BOM');
  const text = bytes.subarray(3).toString('utf8');
  assert.ok(text.length > crlf.length, 'text was inserted');
  assert.equal(/(?<!\r)\n/.test(text), false, 'no bare LF line endings');
  assert.equal(/\r(?!\n)/.test(text), false, 'no bare CR line endings');
  assert.ok(text.startsWith(crlf.slice(0, crlf.indexOf('## Program overview'))));
});

test('--fix: a fence written inside the front matter is not taken for one left open at the end', async (t) => {
  // The front matter is YAML, not markdown: its "```" line opens nothing, so no fence closer is added.
  const dir = tempDir(t);
  const frontMatter = '---\ntype: partnership-plan\nnotes: |\n  ```\n---\n';
  const file = write(dir, 'plan.md', frontMatter + RESELLER_PLAN);
  const run = await runCli(['--fix', '--format', 'json', 'plan.md'], { cwd: dir });
  assert.notEqual(run.code, 2, run.stderr);
  const after = fs.readFileSync(file, 'utf8');
  assert.ok(after.startsWith(frontMatter), 'the front matter is kept');
  assert.ok(after.length > frontMatter.length + RESELLER_PLAN.length, 'text was inserted');
  const fences = after.split('\n').filter((line) => /^\s*(?:```|~~~)/.test(line));
  assert.deepEqual(fences, ['  ```'], 'no fence closer was added: the only fence line is the front matter\'s');
  for (const id of FIXED_RULES) assert.ok(!ruleIds(parseJsonOutput(run)[0]).includes(id), `${id} gone after the fix`);
});

test('--fix leaves files with nothing to fix untouched', async (t) => {
  const dir = tempDir(t);
  const file = write(dir, 'README.md', README_TEXT);
  const inode = fs.statSync(file).ino;
  const run = await runCli(['--fix'], { cwd: dir });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(fs.statSync(file).ino, inode);
  assert.equal(fs.readFileSync(file, 'utf8'), README_TEXT);
  assert.doesNotMatch(run.stderr, /Fixed/);
});

test('--fix refuses to write through a symbolic link to a file outside the linted tree', async (t) => {
  const dir = tempDir(t);
  const outside = write(dir, 'elsewhere/plan.md', RESELLER_PLAN);
  fs.mkdirSync(path.join(dir, 'tree'));
  fs.symlinkSync(outside, path.join(dir, 'tree', 'linked.md'));
  const run = await runCli(['--fix', '--format', 'json', 'tree'], { cwd: dir });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /tree\/linked\.md: not fixed: it is a symbolic link to .*elsewhere\/plan\.md, outside the folders being linted/);
  assert.equal(fs.readFileSync(outside, 'utf8'), RESELLER_PLAN, 'the outside file is unchanged');
  assert.ok(fs.lstatSync(path.join(dir, 'tree', 'linked.md')).isSymbolicLink());
  // Reported as linted, unfixed.
  for (const id of FIXED_RULES) assert.ok(ruleIds(parseJsonOutput(run)[0]).includes(id));
});

test('--fix writes through a symbolic link inside the linted tree and keeps the link', async (t) => {
  const dir = tempDir(t);
  const real = write(dir, 'tree/real/plan.md', RESELLER_PLAN);
  const link = path.join(dir, 'tree', 'a-link.md');
  fs.symlinkSync(path.join('real', 'plan.md'), link);
  const run = await runCli(['--fix', '--format', 'json', 'tree'], { cwd: dir });
  assert.notEqual(run.code, 2, run.stderr);
  assert.ok(fs.lstatSync(link).isSymbolicLink(), 'still a link');
  assert.notEqual(fs.readFileSync(real, 'utf8'), RESELLER_PLAN, 'the target was fixed');
  const entries = parseJsonOutput(run);
  assert.equal(entries.length, 1, 'the file is linted once');
});

test('--fix on the example plans: no safe fix is left to apply, and the output matches a fresh lint', async (t) => {
  const dir = tempDir(t);
  const sources = [SHARED_EXAMPLES, BUNDLED_EXAMPLES]
    .filter((d) => fs.existsSync(d))
    .flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.md')).map((f) => path.join(d, f)));
  const withSafeFixes: string[] = [];
  for (const [i, source] of sources.entries()) {
    const target = path.join(dir, `${i}-${path.basename(source)}`);
    fs.copyFileSync(source, target);
    fs.chmodSync(target, 0o644); // the shared examples are read-only, and --fix leaves read-only files alone
    const result = lint(fs.readFileSync(target, 'utf8'), { filePath: target });
    if (result.findings.some((f) => f.fixes?.some((x) => x.safe))) withSafeFixes.push(path.basename(target));
  }
  assert.ok(withSafeFixes.length > 0, 'some example has a safe fix');

  const run = await runCli(['--fix', '--format', 'json', '.'], { cwd: dir });
  assert.notEqual(run.code, 2, run.stderr);
  assert.match(run.stderr, new RegExp(`Fixed ${withSafeFixes.length} files?\\.`));
  for (const entry of parseJsonOutput(run)) {
    const file = path.join(dir, entry.file);
    const fresh = lint(fs.readFileSync(file, 'utf8'), { filePath: file });
    assert.deepEqual(
      fresh.findings.filter((f) => f.fixes?.some((x) => x.safe)).map((f) => f.ruleId),
      [],
      `${entry.file}: safe fixes left`,
    );
    assert.deepEqual(toJsonResult(fresh, entry.file).findings, entry.findings, `${entry.file}: reported = fresh lint`);
  }
});
