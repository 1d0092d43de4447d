/**
 * A worker thread of the command line: loads the engine once, then lints the
 * chunks of files the main thread sends (see pool.ts) and sends the outcomes
 * back. Loaded in the main thread it does nothing, so the bundled command
 * (dist/cli.cjs) can serve as its own worker script.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { ResolvedConfig } from '../lib/index.js';
import { runJob, slimResult, type JobOutcome, type JobSettings, type LintJob } from './lint-job.js';

/** Marks the worker threads of the command line in `workerData`. */
export const WORKER_MARK = 'partnerlintCliWorker';

export interface WorkerInit {
  [WORKER_MARK]: true;
  settings: JobSettings;
}

/** main -> worker: lint these files; `configs` holds the configs this worker has not been sent yet. */
export interface ChunkMessage {
  chunk: number;
  configs: Array<[number, ResolvedConfig]>;
  jobs: LintJob[];
}

/**
 * worker -> main: the outcome of one job of the chunk, sent as soon as it is done (so that a
 * worker stopped on the next job, for time or memory, loses nothing already done).
 */
export interface JobDone {
  chunk: number;
  outcome: JobOutcome;
}

function serve(init: WorkerInit): void {
  const port = parentPort!;
  const configs = new Map<number, ResolvedConfig>();
  port.on('message', (message: ChunkMessage) => {
    for (const [id, config] of message.configs) configs.set(id, config);
    for (const job of message.jobs) {
      const config = configs.get(job.configId);
      if (!config) throw new Error(`no config ${job.configId} for ${job.displayPath}`);
      const outcome = runJob(job, config, init.settings);
      outcome.result = slimResult(outcome.result);
      const done: JobDone = { chunk: message.chunk, outcome };
      port.postMessage(done);
    }
  });
}

if (!isMainThread && parentPort && (workerData as Partial<WorkerInit> | undefined)?.[WORKER_MARK] === true) {
  serve(workerData as WorkerInit);
}
