/**
 * Where the language server's analyses run. `WorkerAnalyser` (the default) runs them in one
 * worker thread (analysis-worker.ts), so the main thread keeps answering requests while a
 * document is analysed; `InlineAnalyser` runs them in the main thread (a server created with
 * an engine of its own, and the fallback when the thread cannot start).
 *
 * The worker thread keeps each open document's text and parse cache: an edit is sent as the
 * edit, not as the new text. It analyses one document at a time; requests for a document that
 * is already waiting its turn are merged into one analysis of its newest text. An analysis over
 * the time budget (setting `partnerlint.timeout`), or over the thread's heap limit, stops the
 * thread: that document is reported as not analysed (lib/limits.ts, as the command line does),
 * and a new thread takes the next document.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import {
  isOutOfMemory,
  notAnalysedResult,
  outOfMemoryReason,
  WORKER_HEAP_MB,
  type LinkedDocument,
  type LinkResolver,
  type LintResult,
  type ResolvedConfig,
} from '../lib/index.js';
import type { Engine, LintCache } from './engine.js';
import { ANALYSIS_WORKER_MARK, STOP_SLOT, type AnalyseMessage, type DetailsMessage, type FromWorker, type ToWorker } from './analysis-worker.js';
import { ColdAnalysisCounter, collectGarbage } from './memory.js';
import { mark } from './timing.js';

/** One document to analyse. */
export interface AnalysisRequest {
  /** The document's URI. */
  uri: string;
  /** An open document (its text and cache are kept for the next edit); false for a one-off (a closed file). */
  open: boolean;
  /**
   * The document's text and version now. Read when the analysis starts, so that a document
   * edited while it waited its turn is analysed as it is then.
   */
  current(): { version: number; text: string } | undefined;
  config: ResolvedConfig;
  file?: string;
  maxFileSize: number;
  /** The time budget of the analysis, in milliseconds. */
  timeoutMs: number;
  /** Why a document over the budget was not analysed ("it took longer than 20 s (setting partnerlint.timeout)"). */
  timeLimitReason: string;
  /** The document a relative link points to. */
  linked: LinkResolver;
  /** A request is waiting on the result: analysed before documents linted in the background. */
  urgent?: boolean;
}

/** What was analysed, and what came of it. */
export interface AnalysisOutcome {
  version: number;
  text: string;
  result: LintResult;
  /** The analysis was stopped at a limit (time, memory): `result` says the document was not analysed. */
  limited?: boolean;
  /**
   * Resolves once `result` is complete: true, or false when its sections, benchmarks, topics and
   * outline will not come (a newer analysis of the document replaced them). Until then they are
   * empty (they arrive from the analysis thread after the findings).
   */
  complete?: Promise<boolean>;
}

export interface Analyser {
  /** Analyses the document; undefined when it was closed meanwhile. Throws when the analysis failed. */
  analyse(request: AnalysisRequest): Promise<AnalysisOutcome | undefined>;
  /**
   * Edits of an open document, as the client sent them and the document applied them; null when
   * the document could not apply them (the analyser then takes its whole text next time).
   */
  changed(uri: string, changes: readonly TextDocumentContentChangeEvent[] | null): void;
  /** The document was closed: its text and cache are dropped. */
  forget(uri: string): void;
  dispose(): void;
}

/** Parse caches pay off only for documents being edited: the most recently analysed few keep theirs. */
const CACHED_DOCUMENTS = 8;

/** Analyses in the main thread, with the engine given. */
export class InlineAnalyser implements Analyser {
  private readonly caches = new Map<string, LintCache>();
  private readonly coldAnalyses = new ColdAnalysisCounter();

  constructor(private readonly engine: Engine) {}

  async analyse(request: AnalysisRequest): Promise<AnalysisOutcome | undefined> {
    const now = request.current();
    if (!now) return undefined;
    let cache: LintCache | undefined;
    if (request.open) {
      cache = this.caches.get(request.uri) ?? this.engine.createCache();
      // Most recently used last; the oldest beyond the limit is dropped (rebuilt on its next edit).
      this.caches.delete(request.uri);
      this.caches.set(request.uri, cache);
      while (this.caches.size > CACHED_DOCUMENTS) this.caches.delete(this.caches.keys().next().value as string);
    }
    const cold = !cache || cache.size === 0;
    try {
      const result = this.engine.lint(now.text, {
        config: request.config,
        file: request.file,
        maxFileSize: request.maxFileSize,
        timeoutMs: request.timeoutMs,
        cache,
        linked: request.linked,
      });
      // After the diagnostics are out (the collection takes a few tens of milliseconds).
      if (cold && this.coldAnalyses.record()) setImmediate(collectGarbage);
      return { ...now, result };
    } catch (error) {
      this.caches.delete(request.uri);
      throw error;
    }
  }

  changed(): void {
    // The engine's cache finds the edit by comparing the texts.
  }

  forget(uri: string): void {
    this.caches.delete(uri);
  }

  dispose(): void {
    this.caches.clear();
  }
}

/** The script of the analysis thread: out/server/analysis-worker.js, or a server bundle (see bundle-entry.ts). */
let workerScript: string | URL = new URL('./analysis-worker.js', import.meta.url);

export function setAnalysisWorkerScript(script: string | URL): void {
  workerScript = script;
}

/** The young generation of the analysis thread, in MB (V8 would take up to 48 MB; much less slows the analysis of large documents). */
const YOUNG_GENERATION_MB = 16;
/** Past this many characters of pending edits, the whole text is sent instead. */
const MAX_PENDING_EDIT_CHARS = 64 * 1024;
/** Superseded analyses of one document stopped in a row before the next is let finish. */
const MAX_STOPS_IN_A_ROW = 2;
/** The time past the budget an analysis gets before its thread is stopped (the engine stops on its own at the budget while it parses). */
const STOP_GRACE_MS = 250;

/** A started analysis thread, before an analyser takes it. */
interface SpawnedThread {
  worker: Worker;
  details: MessagePort;
  stopFlag: Int32Array;
}

function spawnThread(heapMb: number): SpawnedThread {
  mark('thread start');
  const { port1: details, port2: detailsPort } = new MessageChannel();
  const stopFlag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(workerScript, {
    workerData: { [ANALYSIS_WORKER_MARK]: true, detailsPort, stopFlag: stopFlag.buffer },
    transferList: [detailsPort],
    // A small young generation: the thread's memory follows what it keeps (texts, caches), not its churn.
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    stdout: true,
    stderr: true,
  });
  // Nothing the thread prints may reach the protocol stream.
  worker.stdout.resume();
  worker.stderr.resume();
  worker.unref();
  return { worker, details, stopFlag };
}

/** The thread started by `startAnalysisThreadEarly`, until the first analyser takes it. */
let early: (SpawnedThread & { heapMb: number; ready: boolean; failed: boolean; listeners: () => void }) | undefined;

/**
 * Starts the analysis thread now, before the server has anything to analyse: loading the
 * thread's script then overlaps the server's own start (initialize, the client's first
 * requests), and the first document is analysed as soon as it arrives. The first
 * WorkerAnalyser takes this thread instead of starting one; a thread that failed meanwhile is
 * replaced. The server's entry point (main.ts) calls it.
 */
export function startAnalysisThreadEarly(heapMb = WORKER_HEAP_MB): void {
  if (early) return;
  let spawned: SpawnedThread;
  try {
    spawned = spawnThread(heapMb);
  } catch {
    return; // the first analysis starts one (and falls back to the main thread if it cannot)
  }
  const state = { ...spawned, heapMb, ready: false, failed: false, listeners: () => {} };
  // Until an analyser takes the thread: the only message it sends on its own is 'ready'.
  const onMessage = (message: FromWorker) => {
    if (message.type === 'ready') {
      mark('thread ready');
      state.ready = true;
    }
  };
  const onFailure = () => {
    state.failed = true;
  };
  spawned.worker.on('message', onMessage).on('error', onFailure).on('exit', onFailure);
  state.listeners = () => {
    spawned.worker.off('message', onMessage).off('error', onFailure).off('exit', onFailure);
  };
  early = state;
}

function takeEarlyThread(heapMb: number): (SpawnedThread & { ready: boolean }) | undefined {
  const taken = early;
  if (!taken) return undefined;
  early = undefined;
  taken.listeners();
  if (taken.failed || taken.heapMb !== heapMb) {
    taken.details.close();
    void taken.worker.terminate().catch(() => undefined);
    return undefined;
  }
  return taken;
}

interface Job {
  id: number;
  key: string;
  request: AnalysisRequest;
  waiters: Array<{ resolve: (outcome: AnalysisOutcome | undefined) => void; reject: (error: unknown) => void }>;
  /** What was sent: the document's version and text when the analysis started. */
  sent?: { version: number; text: string };
}

/** An open document as the analysis thread knows it. */
interface SyncState {
  /** The thread has the document's text as of the last analysis sent; the edits since follow. */
  synced: boolean;
  pending: TextDocumentContentChangeEvent[];
  pendingChars: number;
}

interface Thread {
  worker: Worker;
  /** Where the results' details arrive; read only by `drainDetails`. */
  details: MessagePort;
  drainTimer?: NodeJS.Timeout;
  ready: boolean;
  configs: Set<number>;
  /** Shared with the thread: the id of the job to stop (STOP_SLOT); the thread reads it between the steps of an analysis. */
  stopFlag: Int32Array;
  /** Stopped on purpose (a limit, dispose): its exit is expected. */
  stopped?: boolean;
  timer?: NodeJS.Timeout;
}

export interface WorkerAnalyserOptions {
  /** Told when the thread fails for a reason other than a limit (it is then restarted, or the inline analyser takes over). */
  onError?: (message: string) => void;
  /** Analyses in the main thread when the thread cannot start. */
  fallback: Analyser;
  /** Heap limit of the thread, in MB (default WORKER_HEAP_MB, as the command line's threads). */
  heapMb?: number;
}

export class WorkerAnalyser implements Analyser {
  private thread: Thread | undefined;
  private readonly queue: Job[] = [];
  private running: Job | undefined;
  private nextJob = 0;
  private readonly documents = new Map<string, SyncState>();
  private readonly configIds = new Map<string, number>();
  /** Results whose details are still on their way, by job. */
  private readonly awaitingDetails = new Map<number, { result: LintResult; resolve: (complete: boolean) => void }>();
  /** Threads that stopped without finishing a single analysis: past a few, analyses run inline. */
  private failedStarts = 0;
  /** Analyses stopped because a newer version of their document was waiting. */
  stoppedAnalyses = 0;
  /** Analyses stopped in a row, per document: past a few, the next one runs to its end, so fast typing still sees diagnostics. */
  private readonly stoppedInARow = new Map<string, number>();
  private broken = false;
  private disposed = false;

  constructor(private readonly options: WorkerAnalyserOptions) {}

  analyse(request: AnalysisRequest): Promise<AnalysisOutcome | undefined> {
    if (this.broken || this.disposed) return this.options.fallback.analyse(request);
    const key = request.open ? request.uri : `closed:${request.uri}`;
    return new Promise((resolve, reject) => {
      // A document already waiting its turn: one analysis of its newest text answers both.
      const queued = this.queue.find((job) => job.key === key);
      if (queued) {
        queued.request = request;
        queued.waiters.push({ resolve, reject });
        if (request.urgent) this.moveToFront(queued);
      } else {
        const job: Job = { id: ++this.nextJob, key, request, waiters: [{ resolve, reject }] };
        if (request.urgent) this.queue.unshift(job);
        else this.queue.push(job);
      }
      this.stopIfSuperseded(key);
      this.pump();
    });
  }

  changed(uri: string, changes: readonly TextDocumentContentChangeEvent[] | null): void {
    const state = this.documents.get(uri);
    if (!state?.synced) return;
    if (changes === null) {
      this.documents.delete(uri);
      return;
    }
    for (const change of changes) {
      state.pending.push(change);
      state.pendingChars += change.text.length;
    }
    if (state.pendingChars > MAX_PENDING_EDIT_CHARS || state.pending.length > 1000) {
      // Cheaper to send the text again.
      this.documents.delete(uri);
    }
  }

  forget(uri: string): void {
    this.documents.delete(uri);
    this.stoppedInARow.delete(uri);
    const thread = this.thread;
    if (thread && !thread.stopped) thread.worker.postMessage({ type: 'forget', uri } satisfies ToWorker);
  }

  dispose(): void {
    this.disposed = true;
    this.stopThread();
    for (const job of this.queue.splice(0)) for (const w of job.waiters) w.resolve(undefined);
    this.options.fallback.dispose();
  }

  /**
   * The running analysis is of an older version of a document that is now waiting again: the
   * thread is asked to stop it at its next step, and its waiters get the newer analysis.
   */
  private stopIfSuperseded(key: string): void {
    const running = this.running;
    const thread = this.thread;
    if (!running || !thread || running.key !== key || !running.request.open) return;
    const now = running.request.current();
    if (!now || !running.sent || now.version === running.sent.version) return;
    if ((this.stoppedInARow.get(key) ?? 0) >= MAX_STOPS_IN_A_ROW) return;
    Atomics.store(thread.stopFlag, STOP_SLOT, running.id);
  }

  private moveToFront(job: Job): void {
    const i = this.queue.indexOf(job);
    if (i > 0) {
      this.queue.splice(i, 1);
      this.queue.unshift(job);
    }
  }

  private startThread(): Thread {
    const heapMb = this.options.heapMb ?? WORKER_HEAP_MB;
    const taken = takeEarlyThread(heapMb);
    const { worker, details, stopFlag } = taken ?? spawnThread(heapMb);
    const thread: Thread = { worker, details, ready: taken?.ready === true, configs: new Set(), stopFlag };
    worker.on('message', (message: FromWorker) => this.received(thread, message));
    worker.on('error', (error) => {
      if (thread !== this.thread) return;
      if (isOutOfMemory(error)) this.stopAtLimit(outOfMemoryReason(heapMb));
      else this.threadFailed(error instanceof Error ? error.message : String(error));
    });
    worker.on('exit', (code) => {
      if (thread === this.thread && !thread.stopped) this.threadFailed(`the analysis thread stopped with exit code ${code}`);
    });
    return thread;
  }

  private stopThread(): void {
    const thread = this.thread;
    if (!thread) return;
    this.thread = undefined;
    thread.stopped = true;
    clearTimeout(thread.timer);
    clearTimeout(thread.drainTimer);
    this.drainDetails(thread);
    thread.details.close();
    // Details that will not come: those results stay as they are.
    for (const awaiting of this.awaitingDetails.values()) awaiting.resolve(false);
    this.awaitingDetails.clear();
    void thread.worker.terminate().catch(() => undefined);
    // The next thread starts empty: every document is sent whole again.
    this.documents.clear();
  }

  private pump(): void {
    if (this.running || this.disposed || this.queue.length === 0) return;
    if (!this.thread) this.thread = this.startThread();
    if (!this.thread.ready) return;
    const job = this.queue.shift();
    if (!job) return;
    const now = job.request.current();
    if (!now) {
      for (const w of job.waiters) w.resolve(undefined);
      return this.pump();
    }
    this.running = job;
    job.sent = now;
    this.dispatch(this.thread, job, now);
  }

  private dispatch(thread: Thread, job: Job, now: { version: number; text: string }): void {
    const { request } = job;
    const configKey = JSON.stringify(request.config);
    let configId = this.configIds.get(configKey);
    if (configId === undefined) {
      configId = this.configIds.size + 1;
      this.configIds.set(configKey, configId);
    }
    const message: AnalyseMessage = {
      type: 'analyse',
      job: job.id,
      version: now.version,
      configId,
      file: request.file,
      maxFileSize: request.maxFileSize,
      timeoutMs: request.timeoutMs,
    };
    if (!thread.configs.has(configId)) {
      thread.configs.add(configId);
      message.config = [configId, request.config];
    }
    if (request.open) {
      message.uri = request.uri;
      const state = this.documents.get(request.uri);
      if (state?.synced) {
        message.changes = state.pending;
        state.pending = [];
        state.pendingChars = 0;
      } else {
        message.text = now.text;
        this.documents.set(request.uri, { synced: true, pending: [], pendingChars: 0 });
      }
    } else {
      message.text = now.text;
    }
    clearTimeout(thread.timer);
    thread.timer = setTimeout(
      () => this.stopAtLimit(request.timeLimitReason),
      request.timeoutMs + STOP_GRACE_MS,
    );
    mark('analysis start', { uri: request.uri });
    thread.worker.postMessage(message satisfies ToWorker);
  }

  private received(thread: Thread, message: FromWorker): void {
    if (thread !== this.thread) return;
    if (message.type === 'ready') {
      mark('thread ready');
      thread.ready = true;
      return this.pump();
    }
    if (message.type === 'details' && message.dropped) {
      this.awaitingDetails.get(message.job)?.resolve(false);
      this.awaitingDetails.delete(message.job);
      return;
    }
    if (message.type === 'details') {
      // Read on the next turn of the event loop: the diagnostics of the result are written first.
      thread.drainTimer ??= setTimeout(() => {
        thread.drainTimer = undefined;
        this.drainDetails(thread);
      }, 0);
      return;
    }
    const job = this.running;
    if (!job || job.id !== message.job) return;
    if (message.type === 'links') {
      const linked: Array<[string, LinkedDocument | null]> = message.hrefs.map((href) => {
        let doc: LinkedDocument | undefined;
        try {
          doc = job.request.linked(href);
        } catch {
          doc = undefined;
        }
        return [href, doc ?? null];
      });
      thread.worker.postMessage({ type: 'links', job: job.id, linked } satisfies ToWorker);
      return;
    }
    clearTimeout(thread.timer);
    this.running = undefined;
    this.failedStarts = 0;
    if (message.type === 'stopped') {
      // Its waiters get the analysis of the newer version, which is in the queue.
      this.stoppedAnalyses++;
      this.stoppedInARow.set(job.key, (this.stoppedInARow.get(job.key) ?? 0) + 1);
      const newer = this.queue.find((queued) => queued.key === job.key);
      if (newer) {
        newer.waiters.unshift(...job.waiters);
        this.moveToFront(newer);
      } else {
        this.queue.unshift({ ...job, id: ++this.nextJob, sent: undefined });
      }
      return this.pump();
    }
    if (message.type === 'done') {
      mark('analysis end', { uri: job.request.uri });
      this.stoppedInARow.delete(job.key);
      const sent = job.sent!;
      if (message.length !== sent.text.length) {
        // The edits did not add up to the text: the document is sent whole next time.
        this.documents.delete(job.request.uri);
        for (const w of job.waiters) w.resolve(undefined);
      } else {
        const result: LintResult = { ...message.result, sections: [], benchmarks: [] };
        const complete = new Promise<boolean>((resolve) => this.awaitingDetails.set(job.id, { result, resolve }));
        for (const w of job.waiters) w.resolve({ ...sent, result, complete });
      }
    } else {
      if (job.request.open) this.documents.delete(job.request.uri);
      const error = new Error(message.error);
      for (const w of job.waiters) w.reject(error);
    }
    this.pump();
  }

  /** Completes the results whose details have arrived. */
  private drainDetails(thread: Thread): void {
    for (let received = receiveMessageOnPort(thread.details); received; received = receiveMessageOnPort(thread.details)) {
      const { job, details } = received.message as DetailsMessage;
      const awaiting = this.awaitingDetails.get(job);
      this.awaitingDetails.delete(job);
      if (awaiting) {
        Object.assign(awaiting.result, details);
        awaiting.resolve(true);
      }
    }
  }

  /** The running analysis went over a limit: the thread is stopped, the document reported as not analysed. */
  private stopAtLimit(reason: string): void {
    const job = this.running;
    this.running = undefined;
    this.stopThread();
    if (job) {
      const sent = job.sent!;
      const outcome: AnalysisOutcome = { ...sent, result: notAnalysedResult(job.request.file, reason), limited: true };
      for (const w of job.waiters) w.resolve(outcome);
    }
    this.pump();
  }

  /** The thread failed (it could not start, or crashed): its job is analysed inline; after repeated failures, every job is. */
  private threadFailed(message: string): void {
    const job = this.running;
    this.running = undefined;
    const thread = this.thread;
    const finishedAny = thread?.ready === true;
    this.stopThread();
    this.options.onError?.(message);
    if (!finishedAny && ++this.failedStarts >= 2) {
      this.broken = true;
      const waiting = this.queue.splice(0);
      if (job) waiting.unshift(job);
      for (const j of waiting) this.runInline(j);
      return;
    }
    if (job) this.runInline(job);
    this.pump();
  }

  private runInline(job: Job): void {
    this.options.fallback.analyse(job.request).then(
      (outcome) => {
        for (const w of job.waiters) w.resolve(outcome);
      },
      (error: unknown) => {
        for (const w of job.waiters) w.reject(error);
      },
    );
  }
}
