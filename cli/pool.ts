/**
 * A small pool of worker threads for linting files: chunks of files are
 * queued and handed to whichever worker is free. Workers are started only when
 * there is work for them, up to the pool's size. Each file has a wall-clock
 * budget and each worker a heap limit: a worker that goes over either on a file
 * is stopped, that file is reported as not analysed, and the rest of its chunk
 * goes to a new worker. A worker that fails otherwise (it could not start, or
 * crashed) is dropped and the rest of its chunk is linted in the main thread
 * instead, so the results never depend on the workers.
 */
import { Worker } from 'node:worker_threads';
import { isOutOfMemory, outOfMemoryReason, WORKER_HEAP_MB, type ResolvedConfig } from '../lib/index.js';
import { notAnalysedOutcome, type JobOutcome, type JobSettings, type LintJob } from './lint-job.js';
import { WORKER_MARK, type ChunkMessage, type JobDone, type WorkerInit } from './worker.js';

export { WORKER_HEAP_MB };

interface Task {
  chunk: number;
  jobs: LintJob[];
  /** Outcomes of jobs[0 .. outcomes.length - 1]; the next job is jobs[outcomes.length]. */
  outcomes: JobOutcome[];
  resolve: (outcomes: JobOutcome[]) => void;
  reject: (error: unknown) => void;
}

interface PoolWorker {
  worker: Worker;
  task: Task | null;
  /** Configs already sent to this worker. */
  configs: Set<number>;
  completed: number;
  /** Fires when the job being linted is over its budget. */
  timer?: NodeJS.Timeout;
  /** Stopped by the pool (budget, memory): its exit is expected. */
  stopped?: boolean;
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
  /** Heap limit of each worker in MB (default WORKER_HEAP_MB). */
  heapMb?: number;
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
      this.queue.push({ chunk: this.nextChunk++, jobs, outcomes: [], resolve, reject });
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
    for (const w of workers) clearTimeout(w.timer);
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
    const heapMb = this.options.heapMb ?? WORKER_HEAP_MB;
    const worker = new Worker(this.options.script, { workerData: init, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    const entry: PoolWorker = { worker, task: null, configs: new Set(), completed: 0 };
    this.started++;
    this.workers.push(entry);
    worker.on('message', (message: JobDone) => {
      const task = entry.task;
      if (!task || task.chunk !== message.chunk || entry.stopped) return;
      task.outcomes.push(message.outcome);
      this.filesByWorkers++;
      if (task.outcomes.length < task.jobs.length) return this.startTimer(entry);
      clearTimeout(entry.timer);
      entry.task = null;
      entry.completed++;
      task.resolve(task.outcomes);
      this.wakeWaiters();
      this.pump();
    });
    worker.on('error', (error) => {
      if (isOutOfMemory(error)) {
        this.stop(entry, outOfMemoryReason(heapMb));
      } else {
        this.failed(entry, error instanceof Error ? error.message : String(error));
      }
    });
    worker.on('exit', (code) => {
      if (!this.closed && !entry.stopped) this.failed(entry, `stopped with exit code ${code}`);
    });
    return entry;
  }

  /** Starts the budget of the task's next job (jobs run one after the other, each right after the last one's outcome). */
  private startTimer(entry: PoolWorker): void {
    clearTimeout(entry.timer);
    const job = entry.task?.jobs[entry.task.outcomes.length];
    if (job?.timeoutMs === undefined) return;
    entry.timer = setTimeout(() => this.stop(entry, `it took longer than ${job.timeoutLabel ?? `${job.timeoutMs} ms`}`), job.timeoutMs);
  }

  /**
   * The job `entry` is on went over a limit: the worker is stopped, the job gets a not-analysed
   * outcome, and the rest of its chunk goes back to the front of the queue, for a new worker.
   */
  private stop(entry: PoolWorker, reason: string): void {
    const index = this.workers.indexOf(entry);
    if (index < 0 || entry.stopped) return;
    entry.stopped = true;
    clearTimeout(entry.timer);
    this.workers.splice(index, 1);
    void entry.worker.terminate().catch(() => undefined);
    const task = entry.task;
    entry.task = null;
    if (task && task.outcomes.length < task.jobs.length) {
      task.outcomes.push(notAnalysedOutcome(task.jobs[task.outcomes.length], reason));
      if (task.outcomes.length < task.jobs.length) this.queue.unshift(task);
      else task.resolve(task.outcomes);
    }
    this.wakeWaiters();
    this.pump();
  }

  private assign(entry: PoolWorker, task: Task): void {
    entry.task = task;
    this.startTimer(entry);
    const configs: ChunkMessage['configs'] = [];
    for (const job of task.jobs) {
      if (entry.configs.has(job.configId)) continue;
      entry.configs.add(job.configId);
      configs.push([job.configId, this.options.config(job.configId)]);
    }
    const message: ChunkMessage = { chunk: task.chunk, configs, jobs: task.jobs.slice(task.outcomes.length) };
    entry.worker.postMessage(message);
  }

  /** A worker failed: drop it, lint its chunk here; a worker that never finished a chunk stops further starts. */
  private failed(entry: PoolWorker, message: string): void {
    const index = this.workers.indexOf(entry);
    if (index < 0) return;
    this.workers.splice(index, 1);
    if (entry.completed === 0) this.broken = true;
    clearTimeout(entry.timer);
    this.options.onWorkerError?.(message);
    void entry.worker.terminate().catch(() => undefined);
    const task = entry.task;
    entry.task = null;
    if (task) this.runInMainThread(task);
    this.pump();
  }

  private runInMainThread(task: Task): void {
    try {
      task.resolve([...task.outcomes, ...this.options.fallback(task.jobs.slice(task.outcomes.length))]);
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
