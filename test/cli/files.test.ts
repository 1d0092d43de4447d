/** Finding files: directories, globs, symbolic links, unreadable folders, binary and non-UTF-8 files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, parseJsonOutput, README_TEXT, RESELLER_PLAN, runCli, runProcess, tempDir, write } from './helpers.js';

function planTree(dir: string): void {
  write(dir, 'plans/a.md', RESELLER_PLAN);
  write(dir, 'plans/b.markdown', RESELLER_PLAN.replace('Acme Sync', 'Acme Vault'));
  write(dir, 'plans/c.txt', RESELLER_PLAN);
  write(dir, 'docs/README.md', README_TEXT);
  write(dir, 'node_modules/pkg/plan.md', RESELLER_PLAN);
  write(dir, '.git/plan.md', RESELLER_PLAN);
}

test('a directory is searched for *.md and *.markdown, skipping node_modules and .git', async (t) => {
  const dir = tempDir(t);
  planTree(dir);
  const run = await runCli(['--format', 'json'], { cwd: dir });
  assert.equal(run.stderr, '');
  const entries = parseJsonOutput(run);
  assert.deepEqual(entries.map((e) => e.file), ['docs/README.md', 'plans/a.md', 'plans/b.markdown']);
  const readme = entries[0];
  assert.equal(readme.isPlan, false);
  assert.deepEqual(readme.findings, []);
  assert.equal(entries[1].isPlan, true);
  assert.ok(entries[1].findings.length > 0);
});

test('symbolic link loops end and linked files are linted once', async (t) => {
  const dir = tempDir(t);
  planTree(dir);
  fs.symlinkSync('..', path.join(dir, 'plans', 'loop'));
  fs.symlinkSync(path.join(dir, 'plans'), path.join(dir, 'docs', 'plans-link'));
  fs.symlinkSync('a.md', path.join(dir, 'plans', 'same-as-a.md'));
  fs.symlinkSync('missing.md', path.join(dir, 'plans', 'broken.md'));
  const run = await runCli(['--format', 'json', '.'], { cwd: dir });
  assert.equal(run.code === 0 || run.code === 1, true, `exit ${run.code}: ${run.stderr}`);
  const files = parseJsonOutput(run).map((e) => e.file);
  assert.deepEqual(files, ['docs/README.md', 'docs/plans-link/a.md', 'docs/plans-link/b.markdown']);
});

test('an unreadable folder is reported and the rest is linted (exit 2)', async (t) => {
  const dir = tempDir(t);
  fs.chmodSync(dir, 0o755);
  write(dir, 'open/plan.md', RESELLER_PLAN);
  write(dir, 'secret/plan.md', RESELLER_PLAN);
  for (const p of ['open', 'open/plan.md', 'secret/plan.md']) fs.chmodSync(path.join(dir, p), p.endsWith('.md') ? 0o644 : 0o755);
  fs.chmodSync(path.join(dir, 'secret'), 0o000);
  // root reads everything: run the command as an unprivileged user then.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  let run;
  try {
    run = await runCli(['--format', 'json', '.'], { cwd: dir, ...asUser });
  } finally {
    fs.chmodSync(path.join(dir, 'secret'), 0o755);
  }
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /secret: cannot read folder: permission denied/);
  assert.deepEqual(parseJsonOutput(run).map((e) => e.file), ['open/plan.md']);
});

test('globs select files (picomatch)', async (t) => {
  const dir = tempDir(t);
  planTree(dir);
  const md = await runCli(['--format', 'json', 'plans/*.md'], { cwd: dir });
  assert.deepEqual(parseJsonOutput(md).map((e) => e.file), ['plans/a.md']);
  const deep = await runCli(['--format', 'json', '**/*.{markdown,txt}'], { cwd: dir });
  assert.deepEqual(parseJsonOutput(deep).map((e) => e.file), ['plans/b.markdown', 'plans/c.txt']);
});

test('a file named explicitly is linted whatever its extension', async (t) => {
  const dir = tempDir(t);
  planTree(dir);
  const run = await runCli(['--format', 'json', 'plans/c.txt'], { cwd: dir });
  const [entry] = parseJsonOutput(run);
  assert.equal(entry.file, 'plans/c.txt');
  assert.equal(entry.isPlan, true);
});

test('binary and non-UTF-8 files are skipped with a message, not a crash', async (t) => {
  const dir = tempDir(t);
  write(dir, 'a-plan.md', RESELLER_PLAN);
  write(dir, 'binary.md', Buffer.from([0x23, 0x20, 0x41, 0x00, 0x01, 0x02, 0x0a]));
  write(dir, 'latin1.md', Buffer.from('# Caf\u00e9 partner plan\n', 'latin1'));
  write(dir, 'utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Plan\n', 'utf16le')]));
  const run = await runCli(['--format', 'json'], { cwd: dir });
  assert.match(run.stderr, /binary\.md: skipped: binary file/);
  assert.match(run.stderr, /latin1\.md: skipped: not valid UTF-8/);
  assert.match(run.stderr, /utf16\.md: skipped: UTF-16/);
  assert.doesNotMatch(run.stderr, /internal error|at .*\.js:\d+/);
  assert.deepEqual(parseJsonOutput(run).map((e) => e.file), ['a-plan.md']);
  assert.ok(run.code === 0 || run.code === 1, `a skipped file is not a failure (exit ${run.code})`);
});

test('progress on stderr for more than 20 files when stderr is a terminal, never otherwise', async (t) => {
  const dir = tempDir(t);
  for (let i = 0; i < 25; i++) write(dir, `notes/note-${String(i).padStart(2, '0')}.md`, `# Note ${i}\n\nMeeting notes.\n`);
  const plain = await runCli(['--format', 'json'], { cwd: dir });
  assert.equal(plain.code, 0);
  assert.equal(plain.stderr, '');
  assert.equal(parseJsonOutput(plain).length, 25);

  if (!fs.existsSync('/usr/bin/script')) {
    t.diagnostic('script(1) not available: terminal case skipped');
    return;
  }
  // Inside script(1) stderr is a terminal; stdout goes to a file.
  const out = path.join(dir, 'out.json');
  const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} --format json > ${JSON.stringify(out)}`;
  const tty = await runProcess('script', ['-qec', command, '/dev/null'], { cwd: dir });
  assert.match(tty.stdout, /Linting 1\/25 notes\/note-00\.md/);
  assert.match(tty.stdout, /Linting 25\/25/);
  assert.equal((JSON.parse(fs.readFileSync(out, 'utf8')) as unknown[]).length, 25, 'stdout stays clean JSON');
});
