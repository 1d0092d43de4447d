/**
 * A small pool of worker threads for linting many files: chunks of files are
 * queued and handed to whichever worker is free. Workers are started only when
 * there is work for them, up to the pool's size. A worker that fails (it could
 * not start, or crashed) is dropped and its chunk is linted in the main thread
 * instead, so the results never depend on the workers.
 */
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../lib/index.js';
import type { JobOutcome, JobSettings, LintJob } from './lint-job.js';
import { WORKER_MARK, type ChunkDone, type ChunkMessage, type WorkerInit } from './worker.js';

/** The young generation of each worker thread (V8's default is about a third of this). */
const YOUNG_GENERATION_MB = 96;

interface Task {
  chunk: number;
  jobs: LintJob[];
  resolve: (outcomes: JobOutcome[]) => void;
  reject: (error: unknown) => void;
}

interface PoolWorker {
  worker: Worker;
  task: Task | null;
  /** Configs already sent to this worker. */
  configs: Set<number>;
  completed: number;
}

export interface PoolOptions {
  /** The worker script (out/cli/worker.js, or the bundle). */
  script: string | URL;
  /** At most this many workers. */
  size: number;
  settings: JobSettings;
  config: (id: number) => ResolvedConfig;
  /** Lints a chunk in the main thread (when a worker fails). */
  fallback: (jobs: LintJob[]) => JobOutcome[];
  /** Told when a worker fails. */
  onWorkerError?: (message: string) => void;
}

export class WorkerPool {
  /** Workers started so far. */
  started = 0;
  /** Files linted by the workers. */
  filesByWorkers = 0;
  private readonly workers: PoolWorker[] = [];
  private readonly queue: Task[] = [];
  private nextChunk = 0;
  private broken = false;
  private waiters: Array<() => void> = [];
  private closed = false;

  constructor(private readonly options: PoolOptions) {}

  get size(): number {
    return this.options.size;
  }

  /** Chunks queued or being linted. */
  get load(): number {
    return this.queue.length + this.workers.filter((w) => w.task).length;
  }

  /** Queues a chunk; resolves with its outcomes (in the order of `jobs`). */
  submit(jobs: LintJob[]): Promise<JobOutcome[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ chunk: this.nextChunk++, jobs, resolve, reject });
      this.pump();
    });
  }

  /** Resolves once fewer than `limit` chunks are queued or running. */
  async below(limit: number): Promise<void> {
    while (this.load >= limit) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    this.closed = true;
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.worker.terminate().catch(() => undefined)));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let idle = this.workers.find((w) => !w.task);
      if (!idle && !this.broken && this.workers.length < this.options.size) idle = this.spawn();
      if (!idle) {
        if (this.workers.length === 0) this.runInMainThread(this.queue.shift()!);
        else return;
        continue;
      }
      this.assign(idle, this.queue.shift()!);
    }
  }

  private spawn(): PoolWorker {
    const init: WorkerInit = { [WORKER_MARK]: true, settings: this.options.settings };
    // A larger young generation: linting allocates many short-lived objects per file, and with the
    // default size a good part of a worker's time went to collecting them.
    const worker = new Worker(this.options.script, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const entry: PoolWorker = { worker, task: null, configs: new Set(), completed: 0 };
    this.started++;
    this.workers.push(entry);
    worker.on('message', (message: ChunkDone) => {
      const task = entry.task;
      if (!task || task.chunk !== message.chunk) return;
      entry.task = null;
      entry.completed++;
      this.filesByWorkers += task.jobs.length;
      task.resolve(message.outcomes);
      this.wakeWaiters();
      this.pump();
    });
    worker.on('error', (error) => this.failed(entry, error instanceof Error ? error.message : String(error)));
    worker.on('exit', (code) => {
      if (!this.closed) this.failed(entry, `stopped with exit code ${code}`);
    });
    return entry;
  }

  private assign(entry: PoolWorker, task: Task): void {
    entry.task = task;
    const configs: ChunkMessage['configs'] = [];
    for (const job of task.jobs) {
      if (entry.configs.has(job.configId)) continue;
      entry.configs.add(job.configId);
      configs.push([job.configId, this.options.config(job.configId)]);
    }
    const message: ChunkMessage = { chunk: task.chunk, configs, jobs: task.jobs };
    entry.worker.postMessage(message);
  }

  /** A worker failed: drop it, lint its chunk here; a worker that never finished a chunk stops further starts. */
  private failed(entry: PoolWorker, message: string): void {
    const index = this.workers.indexOf(entry);
    if (index < 0) return;
    this.workers.splice(index, 1);
    if (entry.completed === 0) this.broken = true;
    this.options.onWorkerError?.(message);
    void entry.worker.terminate().catch(() => undefined);
    const task = entry.task;
    entry.task = null;
    if (task) this.runInMainThread(task);
    this.pump();
  }

  private runInMainThread(task: Task): void {
    try {
      const outcomes = this.options.fallback(task.jobs);
      task.resolve(outcomes);
    } catch (error) {
      task.reject(error);
    }
    this.wakeWaiters();
  }

  private wakeWaiters(): void {
    const waiters = this.waiters.splice(0);
    for (const wake of waiters) wake();
  }
}
