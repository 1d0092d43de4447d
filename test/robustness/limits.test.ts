/**
 * Size and time limits: a 5 MB plan lints and returns; `maxBytes` skips with a
 * clear message; pathological inputs (deep nesting, delimiter runs, NUL runs,
 * alias bombs in front matter) lint in bounded time. Each timed lint runs in a
 * worker thread that is terminated at its deadline, so a hang fails the test
 * instead of stalling the suite.
 *
 * Deadlines are generous (plans lint at well over 100 KB/s; the inputs here
 * are 10-40 KB and get 3 s, the 5 MB plan gets 150 s), so they only trip on
 * super-linear behaviour, not on a slow or busy machine.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { lint } from '../../lib/index.js';
import { loadExamples } from './fuzz-support.js';

interface TimedLint {
  timedOut: boolean;
  ms: number;
  error?: string;
  findings?: number;
  skipped?: string;
  problems?: string[];
}

const LIB_URL = new URL('../../lib/index.js', import.meta.url).href;
const SUPPORT_URL = new URL('./fuzz-support.js', import.meta.url).href;

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { lint } = await import(workerData.lib);
  const { resultProblems } = await import(workerData.support);
  parentPort.on('message', ({ text, options }) => {
    const t0 = performance.now();
    try {
      const r = lint(text, options);
      const ms = performance.now() - t0;
      parentPort.postMessage({ ms, findings: r.findings.length, skipped: r.skipped, problems: resultProblems(text, r).slice(0, 5) });
    } catch (e) {
      parentPort.postMessage({ ms: performance.now() - t0, error: String(e && e.stack || e) });
    }
  });
  parentPort.postMessage('ready');
})();
`;

/** A worker thread with the engine loaded; reused until a deadline forces it to be terminated. */
let current: Promise<Worker> | null = null;

function engineWorker(): Promise<Worker> {
  current ??= new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { lib: LIB_URL, support: SUPPORT_URL } });
    worker.unref();
    worker.once('message', (m) => (m === 'ready' ? resolve(worker) : reject(new Error(`unexpected first message ${String(m)}`))));
    worker.once('error', reject);
  });
  return current;
}

after(async () => {
  if (current) await (await current).terminate();
});

/**
 * Lints \`text\` in the worker; resolves with the outcome, or \`timedOut\` when
 * the deadline passes first (the worker is then terminated). The deadline
 * starts once the worker has loaded the engine, so a slow start on a busy
 * machine does not count.
 */
async function timedLint(text: string, deadlineMs: number, options: Record<string, unknown> = { detect: 'always' }): Promise<TimedLint> {
  const worker = await engineWorker();
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const done = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
    };
    const onMessage = (m: Omit<TimedLint, 'timedOut'>) => {
      done();
      resolve({ timedOut: false, ...m });
    };
    const onError = (e: Error) => {
      done();
      current = null;
      reject(e);
    };
    const timer = setTimeout(() => {
      done();
      current = null;
      void worker.terminate();
      resolve({ timedOut: true, ms: performance.now() - started });
    }, deadlineMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage({ text, options });
  });
}

function assertBounded(name: string, r: TimedLint, deadlineMs: number, size: number): void {
  assert.equal(r.error, undefined, `${name}: lint threw: ${r.error}`);
  assert.ok(!r.timedOut, `${name}: a ${(size / 1024).toFixed(0)} KB document did not finish linting within ${deadlineMs / 1000} s`);
  assert.deepEqual(r.problems, [], `${name}: unsound positions`);
}

// ---------------------------------------------------------------------------

test('a 5 MB plan lints without throwing and returns', async (t) => {
  const examples = loadExamples().filter((e) => !/README|readme/.test(e.name));
  let text = '---\ntype: partnership-plan\n---\n';
  for (let i = 0; text.length < 5 * 1024 * 1024; i++) text += examples[i % examples.length].text.replace(/^---[\s\S]*?\n---\n/, '') + '\n';
  const deadline = 150_000;
  const r = await timedLint(text, deadline, {});
  t.diagnostic(`5 MB plan (${text.length} UTF-16 code units): ${r.timedOut ? 'timed out' : `${(r.ms / 1000).toFixed(1)} s, ${r.findings} findings`}`);
  assertBounded('5 MB plan', r, deadline, text.length);
  assert.equal(r.skipped, undefined, 'the 5 MB plan was skipped without a limit');
  assert.ok((r.findings ?? 0) > 0, 'a 5 MB plan made of real plans should have findings');
});

test('lint over maxBytes returns skipped with a clear message; at or under the limit it analyses', () => {
  const text = '# Plan\n\nWe pay referral partners 20%. ' + 'Partners register deals. '.repeat(100_000);
  const limit = 1024 * 1024;
  assert.ok(text.length > limit);
  const r = lint(text, { maxBytes: limit, detect: 'always' });
  assert.equal(typeof r.skipped, 'string', 'expected `skipped` to say why the document was not analysed');
  assert.match(r.skipped!, /\blimit\b/i, `the message should name the limit: ${r.skipped}`);
  assert.match(r.skipped!, /\d+(\.\d+)?\s*(MB|KB|bytes)/, `the message should give sizes: ${r.skipped}`);
  assert.deepEqual(r.findings, []);
  assert.equal(r.readiness, null);

  const small = '# Plan\n\nWe pay referral partners 20%.\n';
  assert.equal(lint(small, { maxBytes: small.length, detect: 'always' }).skipped, undefined, 'a document exactly at the limit is analysed');
  assert.equal(lint(small, { maxBytes: small.length + 1, detect: 'always' }).skipped, undefined);
  assert.equal(typeof lint(small, { maxBytes: small.length - 1, detect: 'always' }).skipped, 'string');
  assert.equal(typeof lint(small, { maxBytes: 0, detect: 'always' }).skipped, 'string', 'maxBytes 0 skips every non-empty document');
});

test('the maxBytes message gives readable sizes for small limits (not "0.0 MB over the 0.0 MB limit")', () => {
  const text = 'x'.repeat(5000);
  const r = lint(text, { maxBytes: 1000, detect: 'always' });
  assert.equal(typeof r.skipped, 'string');
  const sizes = [...r.skipped!.matchAll(/(\d+(?:\.\d+)?)\s*(MB|KB|bytes|B)\b/g)].map((m) => `${m[1]} ${m[2]}`);
  assert.equal(sizes.length, 2, `expected the size and the limit in: ${r.skipped}`);
  assert.notEqual(sizes[0], sizes[1], `a 5000-character document and a 1000 limit read the same: ${r.skipped}`);
  assert.doesNotMatch(r.skipped!, /\b0\.0 MB\b/, r.skipped);
});

test('front matter with unknown YAML tags writes no process warnings (B3)', async () => {
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
  process.on('warning', onWarning);
  try {
    const r = lint('---\ntype: partnership-plan\nfn: !!js/function "function () { globalThis.__partnerlintPwned = true }"\nx: !custom y\n---\n# Plan\n', {});
    assert.equal(r.isPlan, true);
    assert.equal((globalThis as Record<string, unknown>).__partnerlintPwned, undefined, 'a YAML tag executed code');
    // process.emitWarning delivers on the next tick.
    await new Promise<void>((resolve) => setImmediate(resolve));
  } finally {
    process.off('warning', onWarning);
  }
  assert.deepEqual(warnings, [], 'the engine wrote warnings to stderr (a CLI user sees "(node:...) YAMLWarning ...")');
});

/** Inputs that are cheap to build and must not make the engine slow. */
const FAST_INPUTS: Array<[string, string]> = [
  ['emphasis delimiter run', '# T\n\n' + '*'.repeat(20_000) + 'x\n'],
  ['open brackets', '# T\n\n' + '['.repeat(20_000) + '\n'],
  ['backtick runs', '# T\n\n' + '`a``'.repeat(5_000) + '\n'],
  ['angle brackets', '# T\n\n' + '<a '.repeat(7_000) + '\n'],
  ['disable comments', '# T\n\n' + '<!-- partnerlint-disable -->\n'.repeat(700)],
  ['many headings', '## Deal registration within 2 business days\n'.repeat(500)],
  ['one long line', '# T\n\n' + 'We pay referral partners 20% margin. '.repeat(600) + '\n'],
  ['emoji heading', '# ' + '🚀'.repeat(10_000) + '\n'],
  ['many percentages', '# Margins\n\n' + '20% '.repeat(5_000) + '\n'],
  ['table with many rows', '# Tiers\n\n| Tier | Margin |\n|---|---|\n' + '| Gold | 20% |\n'.repeat(1_500)],
  ['table with many columns', '# Tiers\n\n' + '|a'.repeat(2_500) + '|\n' + '|-'.repeat(2_500) + '|\n' + '|20%'.repeat(2_500) + '|\n'],
  ['unclosed fence', '# T\n\n```\n' + 'margin 25%\n'.repeat(2_000)],
  ['blockquote nesting 200 deep', '# T\n\n' + '>'.repeat(200) + ' margin 20%\n'],
  ['list nesting 50 deep', '# T\n\n' + Array.from({ length: 50 }, (_, i) => '  '.repeat(i) + '- margin 20%').join('\n') + '\n'],
  [
    'front matter alias bomb',
    '---\ntype: partnership-plan\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n---\n# Plan\n',
  ],
  ['front matter with a 1 MB value', '---\ntype: partnership-plan\nnote: ' + 'x'.repeat(1024 * 1024) + '\n---\n# Plan\n'],
];

test('pathological inputs lint in bounded time without throwing', async (t) => {
  for (const [name, text] of FAST_INPUTS) {
    const deadline = text.length > 100_000 ? 10_000 : 3_000;
    const r = await timedLint(text, deadline);
    t.diagnostic(`${name}: ${text.length} chars, ${r.timedOut ? 'timed out' : `${r.ms.toFixed(0)} ms`}`);
    assertBounded(name, r, deadline, text.length);
  }
});

/** Inputs that took super-linear time (robustness-bugs.md, B2, now guarded: the engine skips them with a message). */
const SLOW_INPUTS: Array<[string, string]> = [
  ['"- " repeated (nested list markers on one line), 10 KB', '# T\n\n' + '- '.repeat(5_000) + 'margin 20%\n'],
  ['"1. " repeated, 20 KB', '# T\n\n' + '1. '.repeat(6_700) + 'margin 20%\n'],
  ['"> - " repeated, 20 KB', '# T\n\n' + '> - '.repeat(5_000) + 'margin 20%\n'],
  ['">" repeated (blockquote nesting), 40 KB', '# T\n\n' + '>'.repeat(40_000) + ' margin 20%\n'],
  ['"*a_" repeated (mixed emphasis delimiters), 20 KB', '# T\n\n' + '*a_'.repeat(6_700) + '\n'],
  ['NUL characters, 40 KB', '# T\n\n' + '\0'.repeat(40_000)],
  ['list nested 400 levels deep by indentation, 160 KB', '# T\n\n' + Array.from({ length: 400 }, (_, i) => '  '.repeat(i) + '- margin 20%').join('\n') + '\n'],
  ['"> " repeated (spaced blockquote nesting), 20 KB', '# T\n\n' + '> '.repeat(10_000) + 'x\n'],
];

for (const [name, text] of SLOW_INPUTS) {
  test(`pathological nesting and delimiter runs (B2): ${name} lints in bounded time`, async (t) => {
    const deadline = 3_000;
    const r = await timedLint(text, deadline);
    t.diagnostic(`${name}: ${text.length} chars, ${r.timedOut ? `timed out after ${deadline} ms` : `${r.ms.toFixed(0)} ms`}`);
    assertBounded(name, r, deadline, text.length);
  });
}

/** Runs of line endings that are not at the end of the document (robustness-bugs.md, B1, now fixed): these were exponential for \r\n and quadratic for \n and \r. */
const EOL_RUNS: Array<[string, string, number]> = [
  ['40 blank lines with CRLF endings (a 130-character plan)', '# Plan\r\n' + '\r\n'.repeat(40) + 'We pay referral partners 20%.\r\n', 3_000],
  ['20,000 blank lines with LF endings', '# Plan\n' + '\n'.repeat(20_000) + 'We pay referral partners 20%.\n', 3_000],
  ['20,000 lone CR line endings', '# Plan\r' + '\r'.repeat(20_000) + 'We pay referral partners 20%.\r', 3_000],
];

for (const [name, text, deadline] of EOL_RUNS) {
  test(`runs of line endings (B1): ${name} lints in bounded time`, async (t) => {
    const r = await timedLint(text, deadline);
    t.diagnostic(`${name}: ${text.length} chars, ${r.timedOut ? `timed out after ${deadline} ms` : `${r.ms.toFixed(0)} ms`}`);
    assertBounded(name, r, deadline, text.length);
  });
}

/** The B2 guard counts per line; spreading the same constructs over many lines gets past it (robustness-bugs.md, B8). */
const SPREAD_INPUTS: Array<[string, string]> = [
  ['"*a_" x 500 on each of 20 lines (one paragraph), 30 KB', '# T\n\n' + ('*a_'.repeat(500) + '\n').repeat(20)],
  ['30 nested list markers on each of 1,000 lines, 62 KB', '# T\n\n' + ('- '.repeat(30) + 'x\n').repeat(1_000)],
  ['14,000 open brackets then 14,000 closing ones, 56 KB', '# T\n\n' + '[a '.repeat(14_000) + ']'.repeat(14_000) + '\n'],
];

for (const [name, text] of SPREAD_INPUTS) {
  test(`${name} lints in bounded time (B8)`, async (t) => {
    const deadline = 3_000;
    const r = await timedLint(text, deadline);
    t.diagnostic(`${name}: ${text.length} chars, ${r.timedOut ? `timed out after ${deadline} ms` : `${r.ms.toFixed(0)} ms${r.skipped ? ' (skipped)' : ''}`}`);
    assertBounded(name, r, deadline, text.length);
  });
}
