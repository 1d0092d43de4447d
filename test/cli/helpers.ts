/** Shared helpers for the CLI tests: run the real binary, make temp folders, sample plans. */
import { spawn, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** out/test/cli/helpers.js -> repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = path.join(REPO_ROOT, 'bin', 'partnerlint.js');
export const SHARED_EXAMPLES = path.resolve(REPO_ROOT, '..', 'shared', 'examples');
export const BUNDLED_EXAMPLES = path.join(REPO_ROOT, 'examples');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'cli', 'fixtures');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Written to the child's stdin (then closed). */
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  uid?: number;
  gid?: number;
}

/** Runs `node bin/partnerlint.js ...args` and resolves when it exits. */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliRun> {
  return runProcess(process.execPath, [BIN, ...args], options);
}

export function runProcess(command: string, args: string[], options: RunOptions = {}): Promise<CliRun> {
  const env = { ...process.env, ...options.env };
  // The tests decide about colour themselves.
  delete env.FORCE_COLOR;
  if (!options.env || !('NO_COLOR' in options.env)) delete env.NO_COLOR;
  const spawnOptions: SpawnOptions = { cwd: options.cwd ?? REPO_ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] };
  if (options.uid !== undefined) spawnOptions.uid = options.uid;
  if (options.gid !== undefined) spawnOptions.gid = options.gid;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, spawnOptions);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (c: Buffer) => out.push(c));
    child.stderr!.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin!.on('error', () => {});
    child.stdin!.end(options.input ?? '');
  });
}

/** A fresh temporary folder, removed when the test ends. */
export function tempDir(t: { after(fn: () => void): void }, prefix = 'partnerlint-cli-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function write(dir: string, rel: string, content: string | Buffer): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

/** The JSON output's entries (documented shape). */
export interface JsonEntry {
  file: string;
  isPlan: boolean;
  kind?: string | null;
  archetypes: string[];
  stage: string | null;
  readiness: { score: number; preconditions: Record<string, boolean> } | null;
  findings: Array<{ ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }>;
}

export function parseJsonOutput(run: CliRun): JsonEntry[] {
  try {
    return JSON.parse(run.stdout) as JsonEntry[];
  } catch (err) {
    throw new Error(`stdout is not JSON (exit ${run.code}):\n${run.stdout}\nstderr:\n${run.stderr}`);
  }
}

export function ruleIds(entry: JsonEntry): string[] {
  return entry.findings.map((f) => f.ruleId);
}

/** 1-based line of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split(/\r\n|\n|\r/).findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`'${needle}' not in text`);
  return index + 1;
}

/**
 * A reseller pilot plan: a margin of 45% (out of the 15-30% band), deal
 * registration with no approval turnaround (deal-reg-sla, safe fix) and no exit
 * criteria (exit-criteria, safe fix).
 */
export const RESELLER_PLAN = `---
type: partnership-plan
stage: pilot
archetypes: [reseller]
---
# Acme Sync reseller pilot

## Program overview

Acme recruits six regional value-added resellers who resell Acme Sync to
mid-market customers, run the implementation and give first-line support.
Resellers earn a 45% margin on first-year ACV.

## Deal registration

Partners register opportunities in the partner portal. A registration is
valid for 90 days. When two partners register the same account, the first
approved registration wins; disputes go to the channel manager, and
registered accounts are closed to our direct reps.

## Ownership

Dana Ruiz, Director of Partnerships, owns the program full-time.
`;

/** An ordinary project README: not a plan. */
export const README_TEXT = `# fastcache

A tiny in-memory cache for Node.js.

## Install

    npm install fastcache

## Usage

Create a cache, set keys, read them back. Entries expire after 60 seconds.
`;

/** Example plans (shared and bundled) that exist on this machine. */
export function examplePlanFiles(): string[] {
  return [SHARED_EXAMPLES, BUNDLED_EXAMPLES]
    .filter((d) => fs.existsSync(d))
    .flatMap((d) => fs.readdirSync(d).filter((f) => f.endsWith('.md')).map((f) => path.join(d, f)))
    .sort();
}

/**
 * A folder of many documents for multi-file runs: the example plans, variants
 * of RESELLER_PLAN (margins 10-49%, some with an Exit criteria section), non-plans,
 * a binary and a non-UTF-8 file (skipped with a note), a sub-folder whose config
 * makes margins out of band errors, and one whose config turns that rule off and
 * has a mistake (a config problem: exit code 2).
 * Returns the number of documents written.
 */
export function writeCorpus(dir: string, variants = 40): number {
  let count = 0;
  for (const [i, source] of examplePlanFiles().entries()) {
    const copy = path.join(dir, `example-${i}-${path.basename(source)}`);
    fs.copyFileSync(source, copy);
    fs.chmodSync(copy, 0o644); // the shared examples are read-only, and --fix leaves read-only files alone
    count++;
  }
  for (let i = 0; i < variants; i++) {
    const margin = 10 + i;
    let text = RESELLER_PLAN.replace('45% margin', `${margin}% margin`).replace('Acme Sync', `Acme Sync ${i}`);
    if (i % 3 === 0) text += '\n## Exit criteria\n\nWe end the pilot if fewer than 3 resellers close a deal within 6 months.\n';
    const folder = i % 4 === 0 ? 'team-b' : i % 4 === 1 ? 'team-a/nested' : 'team-a';
    write(dir, `${folder}/plan-${String(i).padStart(2, '0')}.md`, text);
    count++;
  }
  write(dir, 'team-a/.partnerlintrc.yaml', 'rules:\n  margin-range: error\n');
  write(dir, 'team-b/.partnerlintrc.json', JSON.stringify({ rules: { 'margin-range': 'off', 'exit-critera': 'error' } }));
  write(dir, 'notes/README.md', README_TEXT);
  write(dir, 'notes/binary.md', Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
  write(dir, 'notes/latin1.md', Buffer.from('# Caf\xe9 partners\n\nResellers earn a 20% margin.\n', 'latin1'));
  count += 3;
  return count;
}

/** stderr without the --debug lines. */
export function withoutDebug(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !line.startsWith('partnerlint: debug:'))
    .join('\n');
}

/** The numbers of the `--debug` summary line. */
export function debugCounts(run: CliRun): { files: number; fromCache: number; inMainThread: number; inWorkers: number; workers: number } {
  const m = /partnerlint: debug: (\d+) files?: (\d+) from the cache, \d+ linted \((\d+) in the main thread, (\d+) in (\d+) worker threads?\)/.exec(
    run.stderr,
  );
  if (!m) throw new Error(`no debug line in stderr:\n${run.stderr}`);
  const [files, fromCache, inMainThread, inWorkers, workers] = m.slice(1).map(Number);
  return { files, fromCache, inMainThread, inWorkers, workers };
}
