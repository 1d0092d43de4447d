/**
 * --fix never loses or damages what is on disk: an edit saved while the file
 * was being linted, read-only files, hard links, owner and mode, CR-only line
 * endings, names as long as the file system allows, and failures halfway
 * (no temporary file left, the real error reported).
 *
 * The writer (cli/text-file.ts: replaceFileContent) is tested directly, with
 * file system calls that fail or edit the file at chosen moments, and through
 * the command as a user runs it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { replaceFileContent, type WriterFs } from '../../cli/text-file.js';
import { parseJsonOutput, RESELLER_PLAN, ruleIds, runCli, tempDir, write } from './helpers.js';

const ORIGINAL = Buffer.from('# Plan\n\nResellers earn a 45% margin.\n');
const FIXED = Buffer.from('# Plan\n\nResellers earn a 45% margin.\n\n## Exit criteria\n\nTBD\n');
const isRoot = process.getuid?.() === 0;

function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

/** Only the file itself is left in its folder: no temporary file. */
function assertAlone(dir: string, ...names: string[]): void {
  assert.deepEqual(fs.readdirSync(dir).sort(), names.sort(), 'no temporary file is left');
}

// ---------------------------------------------------------------- the writer

test('writer: replaces the content atomically, keeping the mode', (t) => {
  const dir = tempDir(t);
  const file = write(dir, 'plan.md', ORIGINAL);
  fs.chmodSync(file, 0o640);
  const inode = fs.statSync(file).ino;
  assert.equal(replaceFileContent(file, ORIGINAL, FIXED), null);
  assert.deepEqual(fs.readFileSync(file), FIXED);
  assert.notEqual(fs.statSync(file).ino, inode, 'a new file took the name');
  assert.equal(fs.statSync(file).mode & 0o7777, 0o640);
  assertAlone(dir, 'plan.md');
});

test('writer: a file that is not what was read is left alone', (t) => {
  const dir = tempDir(t);
  const edited = Buffer.concat([ORIGINAL, Buffer.from('A line saved meanwhile.\n')]);
  const file = write(dir, 'plan.md', edited);
  assert.equal(replaceFileContent(file, ORIGINAL, FIXED), 'changed');
  assert.deepEqual(fs.readFileSync(file), edited);
  assertAlone(dir, 'plan.md');
});

test('writer: an edit saved after the first check, while the new content is being written, is not lost', (t) => {
  const dir = tempDir(t);
  const file = write(dir, 'plan.md', ORIGINAL);
  let edits = 0;
  // The editor saves just as the temporary file is flushed, after the content was first compared.
  const io: WriterFs = {
    ...fs,
    fsyncSync: (fd) => {
      fs.fsyncSync(fd);
      fs.appendFileSync(file, 'A line saved meanwhile.\n');
      edits++;
    },
  };
  assert.equal(replaceFileContent(file, ORIGINAL, FIXED, io), 'changed');
  assert.equal(edits, 1);
  assert.equal(fs.readFileSync(file, 'utf8'), `${ORIGINAL}A line saved meanwhile.\n`);
  assertAlone(dir, 'plan.md');
});

test('writer: read-only files (by their mode, whoever runs it) are left alone', (t) => {
  const dir = tempDir(t);
  for (const mode of [0o444, 0o464, 0o000]) {
    const file = write(dir, `plan-${mode.toString(8)}.md`, ORIGINAL);
    fs.chmodSync(file, mode);
    assert.equal(replaceFileContent(file, ORIGINAL, FIXED), 'read-only');
    fs.chmodSync(file, 0o644);
    assert.deepEqual(fs.readFileSync(file), ORIGINAL);
  }
});

test('writer: a file with other hard links is written in place; the links stay and see the new content', (t) => {
  const dir = tempDir(t);
  const file = write(dir, 'plan.md', ORIGINAL);
  const link = path.join(dir, 'plan-link.md');
  fs.linkSync(file, link);
  const inode = fs.statSync(file).ino;
  assert.equal(replaceFileContent(file, ORIGINAL, FIXED), null);
  assert.equal(fs.statSync(file).ino, inode);
  assert.equal(fs.statSync(file).nlink, 2);
  assert.deepEqual(fs.readFileSync(link), FIXED);
  // Shorter content: the rest is cut off.
  assert.equal(replaceFileContent(file, FIXED, ORIGINAL), null);
  assert.deepEqual(fs.readFileSync(link), ORIGINAL);
  // Changed meanwhile: left alone in place too.
  fs.appendFileSync(link, 'Saved meanwhile.\n');
  assert.equal(replaceFileContent(file, ORIGINAL, FIXED), 'changed');
  assert.equal(fs.readFileSync(file, 'utf8'), `${ORIGINAL}Saved meanwhile.\n`);
  assertAlone(dir, 'plan.md', 'plan-link.md');
});

test('writer: owner and group are kept; when they cannot be given to the new file, it is written in place', { skip: !isRoot && 'needs root to own files as another user' }, (t) => {
  const dir = tempDir(t);
  const file = write(dir, 'plan.md', ORIGINAL);
  fs.chownSync(file, 1234, 2345);
  fs.chmodSync(file, 0o2664);
  assert.equal(replaceFileContent(file, ORIGINAL, FIXED), null);
  const after = fs.statSync(file);
  assert.deepEqual([after.uid, after.gid, after.mode & 0o7777], [1234, 2345, 0o2664]);

  // As a user who may not give files away: chown fails, the file is written through its own inode.
  const inode = after.ino;
  const io: WriterFs = {
    ...fs,
    fchownSync: () => {
      throw errno('EPERM', 'operation not permitted');
    },
  };
  assert.equal(replaceFileContent(file, FIXED, ORIGINAL, io), null);
  const inPlace = fs.statSync(file);
  assert.deepEqual([inPlace.ino, inPlace.uid, inPlace.gid], [inode, 1234, 2345]);
  assert.deepEqual(fs.readFileSync(file), ORIGINAL);
  assertAlone(dir, 'plan.md');
});

test('writer: a failing rename leaves no temporary file and reports the rename error', (t) => {
  const dir = tempDir(t);
  const file = write(dir, 'plan.md', ORIGINAL);
  const io: WriterFs = {
    ...fs,
    renameSync: () => {
      throw errno('EXDEV', 'cross-device link not permitted');
    },
  };
  assert.throws(() => replaceFileContent(file, ORIGINAL, FIXED, io), { code: 'EXDEV' });
  assert.deepEqual(fs.readFileSync(file), ORIGINAL);
  assertAlone(dir, 'plan.md');
});

test('writer: a full disk is the error reported, not a failure while cleaning up', (t) => {
  const dir = tempDir(t);
  const file = write(dir, 'plan.md', ORIGINAL);
  let temp = '';
  const io: WriterFs = {
    ...fs,
    openSync: (p, flags, mode) => {
      if (flags === 'wx') temp = String(p);
      return fs.openSync(p, flags, mode);
    },
    writeSync: (() => {
      throw errno('ENOSPC', 'no space left on device');
    }) as unknown as typeof fs.writeSync,
    closeSync: (fd) => {
      fs.closeSync(fd);
      throw errno('EIO', 'i/o error while closing');
    },
  };
  assert.throws(() => replaceFileContent(file, ORIGINAL, FIXED, io), { code: 'ENOSPC' });
  assert.ok(temp.startsWith(dir), 'a temporary file was made');
  assert.deepEqual(fs.readFileSync(file), ORIGINAL);
  assertAlone(dir, 'plan.md');

  // In place (hard link) the same way: the file is not cut, the error is the write's.
  fs.linkSync(file, path.join(dir, 'link.md'));
  assert.throws(() => replaceFileContent(file, ORIGINAL, FIXED, io), { code: 'ENOSPC' });
  assert.deepEqual(fs.readFileSync(file), ORIGINAL);
});

test('writer: the temporary file name is short, so a name of 250 bytes can be fixed', (t) => {
  const dir = tempDir(t);
  const name = `${'é'.repeat(60)}${'p'.repeat(127)}.md`;
  assert.equal(Buffer.byteLength(name), 250);
  const file = write(dir, name, ORIGINAL);
  let temp = '';
  const io: WriterFs = {
    ...fs,
    openSync: (p, flags, mode) => {
      if (flags === 'wx') temp = path.basename(String(p));
      return fs.openSync(p, flags, mode);
    },
  };
  assert.equal(replaceFileContent(file, ORIGINAL, FIXED, io), null);
  assert.ok(Buffer.byteLength(temp) <= 32, temp);
  assert.deepEqual(fs.readFileSync(file), FIXED);
  assertAlone(dir, name);
});

// ---------------------------------------------------------------- through the command

/** RESELLER_PLAN has safe fixes (exit criteria, an approval SLA). */
function assertFixed(text: string): void {
  assert.match(text, /## Exit criteria/);
}

test('--fix: a plan being appended to while it is linted is left alone and nothing appended is lost', async (t) => {
  const dir = tempDir(t);
  // Large enough that linting it takes a good part of a second.
  const filler = Array.from({ length: 1500 }, (_, i) => `## Regional note ${i}\n\nThe partner team met resellers in region ${i} and agreed on next steps for the quarter.\n`).join('\n');
  const original = `${RESELLER_PLAN}\n${filler}`;
  const file = write(dir, 'plan.md', original);

  // A writer appending a numbered line every few milliseconds until told to stop.
  const appender = spawn(
    process.execPath,
    [
      '-e',
      `const fs = require('fs'); let n = 0;
       const timer = setInterval(() => { fs.appendFileSync(${JSON.stringify(file)}, 'Appended line ' + n++ + '.\\n'); if (n === 1) process.stdout.write('started\\n'); }, 3);
       process.on('SIGTERM', () => { clearInterval(timer); process.stdout.write('appended ' + n + '\\n'); process.exit(0); });`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  t.after(() => appender.kill('SIGKILL'));
  let output = '';
  await new Promise<void>((resolve) => appender.stdout!.on('data', (chunk: Buffer) => ((output += chunk), output.includes('started') && resolve())));

  const run = await runCli(['--fix', '--format', 'json', 'plan.md'], { cwd: dir });
  const exited = new Promise<void>((resolve) => appender.on('exit', () => resolve()));
  appender.kill('SIGTERM');
  await exited;
  const count = Number(/appended (\d+)/.exec(output)?.[1]);
  assert.ok(count > 1, output);

  assert.match(run.stderr, /plan\.md: not fixed: the file changed while it was being checked; run partnerlint --fix again/);
  assert.doesNotMatch(run.stderr, /Fixed \d+ file/);
  assert.equal(run.code, 2);
  const after = fs.readFileSync(file, 'utf8');
  assert.ok(after.startsWith(original), 'the plan is as it was, not fixed');
  const appended = after.slice(original.length);
  assert.equal(appended, Array.from({ length: count }, (_, i) => `Appended line ${i}.\n`).join(''), 'every appended line is there, in order');
  assertAlone(dir, 'plan.md');
});

test('--fix: a read-only plan is reported and left as it is', async (t) => {
  const dir = tempDir(t);
  const file = write(dir, 'plan.md', RESELLER_PLAN);
  fs.chmodSync(file, 0o444);
  const run = await runCli(['--fix', 'plan.md'], { cwd: dir });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /plan\.md: not fixed: the file is read-only; make it writable to apply the fixes/);
  assert.equal(fs.readFileSync(file, 'utf8'), RESELLER_PLAN);
  assert.equal(fs.statSync(file).mode & 0o777, 0o444);
});

test('--fix: a plan with another hard link is fixed in place; both names show the fix', async (t) => {
  const dir = tempDir(t);
  const file = write(dir, 'plan.md', RESELLER_PLAN);
  const link = path.join(dir, 'shared-copy.md');
  fs.linkSync(file, link);
  const inode = fs.statSync(file).ino;
  const run = await runCli(['--fix', 'plan.md'], { cwd: dir });
  assert.match(run.stderr, /Fixed 1 file\./);
  assert.equal(fs.statSync(file).ino, inode);
  assert.equal(fs.statSync(file).nlink, 2);
  assertFixed(fs.readFileSync(link, 'utf8'));
  assertAlone(dir, 'plan.md', 'shared-copy.md');
});

test('--fix: owner, group and mode are kept', { skip: !isRoot && 'needs root to own files as another user' }, async (t) => {
  const dir = tempDir(t);
  const file = write(dir, 'plan.md', RESELLER_PLAN);
  fs.chownSync(file, 1234, 2345);
  fs.chmodSync(file, 0o660);
  const run = await runCli(['--fix', 'plan.md'], { cwd: dir });
  assert.match(run.stderr, /Fixed 1 file\./);
  const after = fs.statSync(file);
  assert.deepEqual([after.uid, after.gid, after.mode & 0o777], [1234, 2345, 0o660]);
  assertFixed(fs.readFileSync(file, 'utf8'));
});

test('--fix: a plan with CR-only line endings gets inserted lines ending in CR', async (t) => {
  const dir = tempDir(t);
  const cr = RESELLER_PLAN.replace(/\n/g, '\r');
  const file = write(dir, 'plan.md', cr);
  const before = parseJsonOutput(await runCli(['--format', 'json', 'plan.md'], { cwd: dir }))[0];
  assert.ok(ruleIds(before).includes('exit-criteria'), 'the CR-only plan is read line by line');
  const run = await runCli(['--fix', 'plan.md'], { cwd: dir });
  assert.match(run.stderr, /Fixed 1 file\./);
  const after = fs.readFileSync(file, 'utf8');
  assertFixed(after);
  assert.ok(!after.includes('\n'), 'no LF was inserted');
  assert.ok(after.length > cr.length);
});

test('--fix: a plan whose name is 250 bytes long is fixed', async (t) => {
  const dir = tempDir(t);
  const name = `${'plan-'.repeat(49)}x.md`.slice(0, 247) + '.md';
  assert.equal(Buffer.byteLength(name), 250);
  const file = write(dir, name, RESELLER_PLAN);
  const run = await runCli(['--fix', name], { cwd: dir });
  assert.match(run.stderr, /Fixed 1 file\./);
  assertFixed(fs.readFileSync(file, 'utf8'));
  assertAlone(dir, name);
});
