/**
 * The work done for one file once it has been read and its config resolved:
 * lint it and, with --fix, apply the safe fixes and write the file. The same
 * code runs in the main thread (small runs) and in the worker threads.
 */
import * as fs from 'node:fs';
import { applyFixes, lint, notAnalysedResult, type DetectionMode, type LinkedDocument, type LintOptions, type LintResult, type ResolvedConfig } from '../lib/index.js';
import { describeFsError, isInsideRoots } from './files.js';
import { contentHash } from './cache.js';
import { encodeText, replaceFileContent } from './text-file.js';

/** Safe fixes can make room for others; stop after this many rounds. */
const MAX_FIX_PASSES = 5;

/** Settings shared by every file of a run. */
export interface JobSettings {
  detect?: DetectionMode;
  /** Apply safe fixes and write the files. */
  fix: boolean;
  /** Real paths of the folders being linted: --fix writes only inside them. */
  roots: string[];
}

export interface LintJob {
  /** Position of the file in the file list (outcomes are reported in this order). */
  index: number;
  absolutePath: string;
  displayPath: string;
  /** The decoded text (without a byte order mark). */
  text: string;
  bom: boolean;
  /** Which resolved config applies (see ConfigTable). */
  configId: number;
  /** The markdown documents it links to that were read (href as written -> text); see links.ts. */
  linked?: Array<[string, LinkedDocument]>;
  /** Milliseconds its analysis may take in a worker thread, and how that reads in a message ("20 s (--timeout)"). */
  timeoutMs?: number;
  timeoutLabel?: string;
  /** Its limits were set (--timeout, a config's `limits.timeout`): it is linted in a worker thread, where they hold. */
  isolate?: boolean;
}

export interface JobOutcome {
  index: number;
  result: LintResult;
  /** --fix wrote the file; `result` is then the result for the fixed text. */
  fixed: boolean;
  /** Problems writing the fix (each makes the exit code 2), in order. */
  errors: string[];
  /** Hash of the bytes written by --fix (for the cache). */
  writtenHash?: string;
  /** The file was not analysed: it went over the time budget or the memory limit (never cached). */
  limited?: boolean;
}

/**
 * Test hook, never set in use: PARTNERLINT_TEST_ANALYSIS_DELAY_MS=n makes each analysis wait n
 * milliseconds first, so that tests of --timeout need no slow document.
 */
const TEST_DELAY_ENV = 'PARTNERLINT_TEST_ANALYSIS_DELAY_MS';

function testDelay(): void {
  const ms = Number(process.env[TEST_DELAY_ENV]);
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The outcome of a file that was not analysed (`reason` in plain words: "it took longer than
 * 20 s"): one `not-analysed` warning on line 1, so that --max-warnings does not pass it silently.
 */
export function notAnalysedOutcome(job: LintJob, reason: string): JobOutcome {
  return { index: job.index, result: notAnalysedResult(job.absolutePath, reason), fixed: false, errors: [], limited: true };
}

export function runJob(job: LintJob, config: ResolvedConfig, settings: JobSettings): JobOutcome {
  const linked = job.linked?.length ? new Map(job.linked) : undefined;
  const lintOptions: LintOptions = { filePath: job.absolutePath, config, detect: settings.detect, ...(linked ? { linked: (href: string) => linked.get(href) } : {}) };
  testDelay();
  const result = lint(job.text, lintOptions);
  const outcome: JobOutcome = { index: job.index, result, fixed: false, errors: [] };
  if (settings.fix) fixFile(job, result, lintOptions, settings.roots, outcome);
  return outcome;
}

/**
 * Applies safe fixes (repeating while they change the text), writes the file
 * (see replaceFileContent: not when it changed since it was read, or is
 * read-only) and records the result of linting the fixed text; leaves the
 * outcome alone when nothing was written.
 */
function fixFile(job: LintJob, firstResult: LintResult, lintOptions: LintOptions, roots: string[], outcome: JobOutcome): void {
  const { absolutePath, displayPath } = job;
  let text = job.text;
  let result = firstResult;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    if (!result.findings.some((f) => f.fixes?.some((fix) => fix.safe))) break;
    const next = applyFixes(text, result.findings, { safeOnly: true }).text;
    if (next === text) break;
    text = next;
    result = lint(text, lintOptions);
  }
  if (text === job.text) return;

  let target: string;
  try {
    target = fs.realpathSync(absolutePath);
  } catch (err) {
    outcome.errors.push(`${displayPath}: not fixed: ${describeFsError(err)}`);
    return;
  }
  if (target !== absolutePath && !isInsideRoots(target, roots)) {
    outcome.errors.push(`${displayPath}: not fixed: it is a symbolic link to ${target}, outside the folders being linted`);
    return;
  }
  const bytes = encodeText(text, job.bom);
  try {
    const left = replaceFileContent(target, encodeText(job.text, job.bom), bytes);
    if (left === 'changed') {
      outcome.errors.push(`${displayPath}: not fixed: the file changed while it was being checked; run partnerlint --fix again`);
      return;
    }
    if (left === 'read-only') {
      outcome.errors.push(`${displayPath}: not fixed: the file is read-only; make it writable to apply the fixes`);
      return;
    }
  } catch (err) {
    outcome.errors.push(`${displayPath}: not fixed: cannot write: ${describeFsError(err)}`);
    return;
  }
  outcome.result = result;
  outcome.fixed = true;
  outcome.writtenHash = contentHash(bytes);
}

/** True when --fix would change something in a document with this result. */
export function hasSafeFix(result: LintResult): boolean {
  return result.findings.some((f) => f.fixes?.some((fix) => fix.safe));
}

/**
 * The result without what the command line never prints (the benchmark notes
 * editors show on hover): what is sent between threads and kept in the cache.
 */
export function slimResult(result: LintResult): LintResult {
  return result.benchmarks.length === 0 ? result : { ...result, benchmarks: [] };
}
