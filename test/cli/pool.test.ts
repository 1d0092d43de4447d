/** The worker pool on its own: outcomes in order, and a failing worker never loses files. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../../lib/index.js';
import { runJob, slimResult, type JobOutcome, type JobSettings, type LintJob } from '../../cli/lint-job.js';
import { WorkerPool } from '../../cli/pool.js';
import { README_TEXT, RESELLER_PLAN, tempDir, write } from './helpers.js';

const WORKER = fileURLToPath(new URL('../../cli/worker.js', import.meta.url));
const settings: JobSettings = { fix: false, roots: [] };
const config = defaultConfig();

function jobs(count: number): LintJob[] {
  return Array.from({ length: count }, (_, index) => ({
    index,
    absolutePath: `/plans/plan-${index}.md`,
    displayPath: `plan-${index}.md`,
    text: index % 2 ? README_TEXT : RESELLER_PLAN.replace('45% margin', `${10 + index}% margin`),
    bom: false,
    configId: 0,
  }));
}

function expected(list: LintJob[]): JobOutcome[] {
  return list.map((job) => {
    const outcome = runJob(job, config, settings);
    return { ...outcome, result: slimResult(outcome.result) };
  });
}

async function runPool(script: string, list: LintJob[], chunk: number) {
  const fallbackChunks: number[][] = [];
  const errors: string[] = [];
  const pool = new WorkerPool({
    script,
    size: 2,
    settings,
    config: () => config,
    fallback: (chunkJobs) => {
      fallbackChunks.push(chunkJobs.map((j) => j.index));
      return expected(chunkJobs);
    },
    onWorkerError: (message) => errors.push(message),
  });
  try {
    const parts: Array<Promise<JobOutcome[]>> = [];
    for (let i = 0; i < list.length; i += chunk) parts.push(pool.submit(list.slice(i, i + chunk)));
    const outcomes = (await Promise.all(parts)).flat();
    return { outcomes, fallbackChunks, errors, started: pool.started, byWorkers: pool.filesByWorkers };
  } finally {
    await pool.close();
  }
}

test('chunks linted by worker threads come back complete and in order', async () => {
  const list = jobs(12);
  const run = await runPool(WORKER, list, 3);
  assert.deepEqual(run.errors, []);
  assert.deepEqual(run.fallbackChunks, []);
  assert.equal(run.started, 2);
  assert.equal(run.byWorkers, 12);
  assert.deepEqual(run.outcomes, expected(list));
});

test('a worker script that cannot start: every chunk is linted in the main thread', async () => {
  const list = jobs(6);
  const run = await runPool('/nonexistent/partnerlint-worker.js', list, 2);
  assert.ok(run.errors.length >= 1);
  assert.deepEqual(run.fallbackChunks.flat().sort((a, b) => a - b), [0, 1, 2, 3, 4, 5]);
  assert.equal(run.byWorkers, 0);
  assert.deepEqual(run.outcomes, expected(list));
});

test('a worker that crashes on its chunk: the chunk is linted in the main thread', async (t) => {
  const dir = tempDir(t);
  const crashing = write(
    dir,
    'crash.mjs',
    "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => { throw new Error('boom'); });\n",
  );
  const list = jobs(6);
  const run = await runPool(crashing, list, 2);
  assert.ok(run.errors.some((e) => /boom/.test(e)), run.errors.join('\n'));
  assert.deepEqual(run.fallbackChunks.flat().sort((a, b) => a - b), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(run.outcomes, expected(list));
});
