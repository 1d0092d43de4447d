/**
 * The language server's analysis thread (see analysis.ts for the main thread's side). It keeps
 * the text of every open document it was sent, and the parse caches of the most recently
 * analysed few, so that an edit is sent as the edit and analysed incrementally. It analyses one
 * document at a time, as the main thread hands them over; the main thread stops it when an
 * analysis goes over its time budget. Loaded in the main thread it does nothing, so a server
 * bundle can serve as its own worker script.
 */
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { AnalysisStopped, documentLinks, MAX_LINKS, type LinkedDocument, type LintResult, type ResolvedConfig } from '../lib/index.js';
import { defaultEngine, type LintCache } from './engine.js';
import { ColdAnalysisCounter, collectGarbage, collectWhenQuiet } from './memory.js';
import { mark } from './timing.js';

/** Marks the language server's analysis thread in `workerData`. */
export const ANALYSIS_WORKER_MARK = 'partnerlintAnalysisWorker';

/** main -> worker: analyse a document. */
export interface AnalyseMessage {
  type: 'analyse';
  job: number;
  /** The document's key: its URI for an open document; undefined for a one-off (a closed file). */
  uri?: string;
  version: number;
  /** The whole text, when the worker does not have the document (or the edits would cost more). */
  text?: string;
  /** Otherwise the edits since the text the worker has, in order. */
  changes?: TextDocumentContentChangeEvent[];
  /** A config not sent before, with its id. */
  config?: [number, ResolvedConfig];
  configId: number;
  file?: string;
  maxFileSize: number;
  timeoutMs: number;
}

/** main -> worker: the documents the links of job `job` point to (null: covers nothing). */
export interface LinksMessage {
  type: 'links';
  job: number;
  linked: Array<[string, LinkedDocument | null]>;
}

/** main -> worker: the document was closed; forget its text and cache. */
export interface ForgetMessage {
  type: 'forget';
  uri: string;
}

export type ToWorker = AnalyseMessage | LinksMessage | ForgetMessage;

/**
 * The parts of a result that only requests read (lenses, hover, completion, reports), and that
 * grow with the document: sent after the findings, on a port of their own (`detailsPort` in
 * `workerData`) that the main thread reads when it has sent the diagnostics, so that reading
 * them never delays the diagnostics. They are sent once the thread has been idle for a moment,
 * or before it analyses another document; when the next analysis is of the same document (the
 * next keystroke), they are dropped unsent: its own details replace them.
 */
export const DETAIL_KEYS = ['sections', 'benchmarks', 'topics', 'outline'] as const;
export type DetailKey = (typeof DETAIL_KEYS)[number];
export type ResultDetails = Pick<LintResult, DetailKey>;
export type ResultCore = Omit<LintResult, DetailKey>;

export type FromWorker =
  | { type: 'ready' }
  /** The worker needs the documents these links point to before it analyses job `job`. */
  | { type: 'links'; job: number; hrefs: string[] }
  /** The result without its details; `length`: the length of the text analysed (a check that the edits arrived as sent). */
  | { type: 'done'; job: number; result: ResultCore; length: number }
  /** The details of job `job`'s result are waiting on the details port; or, `dropped`, will not come. */
  | { type: 'details'; job: number; dropped?: boolean }
  | { type: 'failed'; job: number; error: string }
  /** Job `job` was stopped: the main thread asked for it (a newer version of its document is waiting). */
  | { type: 'stopped'; job: number };

/**
 * Shared between the threads (`stopPort` in `workerData`): the id of the job the main thread wants
 * stopped. The analysis thread reads it between the steps of an analysis, without waiting for a
 * message (it cannot read messages while it analyses).
 */
export const STOP_SLOT = 0;

/** How long the thread waits, idle, before it sends a result's details. */
const DETAILS_IDLE_MS = 40;

/** Parse caches pay off only for documents being edited: the most recently analysed few keep theirs. */
const CACHED_DOCUMENTS = 8;

interface WorkerDocument {
  document: TextDocument;
  cache?: LintCache;
}

/** On the details port: the details of job `job`'s result. */
export interface DetailsMessage {
  job: number;
  details: ResultDetails;
}

function serve(port: MessagePort, detailsPort: MessagePort, stopFlag?: Int32Array): void {
  const documents = new Map<string, WorkerDocument>();
  const configs = new Map<number, ResolvedConfig>();
  const cacheOrder: string[] = [];
  const coldAnalyses = new ColdAnalysisCounter();
  /** The job waiting for its links, if any (the main thread sends one job at a time). */
  let waiting: { message: AnalyseMessage; text: string } | undefined;
  const collectAfterCloses = collectWhenQuiet();
  /** The details of the last result, not sent yet. */
  let pendingDetails: (DetailsMessage & { uri?: string }) | undefined;
  let detailsTimer: NodeJS.Timeout | undefined;

  function flushDetails(): void {
    clearTimeout(detailsTimer);
    const pending = pendingDetails;
    pendingDetails = undefined;
    if (!pending) return;
    detailsPort.postMessage({ job: pending.job, details: pending.details } satisfies DetailsMessage);
    send({ type: 'details', job: pending.job });
  }

  /** Before the next message: the details of the last result go out, unless that message replaces them. */
  function settleDetails(next: ToWorker): void {
    if (!pendingDetails) return;
    const replaced = pendingDetails.uri !== undefined && (next.type === 'analyse' || next.type === 'forget') && next.uri === pendingDetails.uri;
    if (!replaced) return flushDetails();
    clearTimeout(detailsTimer);
    send({ type: 'details', job: pendingDetails.job, dropped: true });
    pendingDetails = undefined;
  }

  const send = (message: FromWorker) => port.postMessage(message);

  function keepCache(uri: string): void {
    const i = cacheOrder.indexOf(uri);
    if (i >= 0) cacheOrder.splice(i, 1);
    cacheOrder.push(uri);
    while (cacheOrder.length > CACHED_DOCUMENTS) {
      const evicted = documents.get(cacheOrder.shift()!);
      if (evicted) evicted.cache = undefined;
    }
  }

  /** The text of the job's document, with its edits applied; the document is remembered when it is open. */
  function textOf(message: AnalyseMessage): string {
    if (message.uri === undefined) return message.text ?? '';
    let entry = documents.get(message.uri);
    if (message.text !== undefined) {
      const document = TextDocument.create(message.uri, 'markdown', message.version, message.text);
      if (entry) entry.document = document;
      else documents.set(message.uri, (entry = { document }));
    } else if (entry) {
      TextDocument.update(entry.document, message.changes ?? [], message.version);
    } else {
      throw new Error(`no text for ${message.uri}`);
    }
    return entry.document.getText();
  }

  function run(message: AnalyseMessage, text: string, linked: Map<string, LinkedDocument | null>): void {
    const config = configs.get(message.configId);
    if (!config) throw new Error(`no config ${message.configId}`);
    const entry = message.uri !== undefined ? documents.get(message.uri) : undefined;
    if (entry && !entry.cache) entry.cache = defaultEngine.createCache();
    const cold = !entry?.cache || entry.cache.size === 0;
    const result = defaultEngine.lint(text, {
      config,
      file: message.file,
      maxFileSize: message.maxFileSize,
      timeoutMs: message.timeoutMs,
      cache: entry?.cache,
      linked: (href) => linked.get(href) ?? undefined,
      shouldStop: stopFlag ? () => Atomics.load(stopFlag, STOP_SLOT) === message.job : undefined,
    });
    if (entry && message.uri !== undefined) keepCache(message.uri);
    const { sections, benchmarks, topics, outline, ...core } = result;
    send({ type: 'done', job: message.job, result: core, length: text.length });
    pendingDetails = { job: message.job, uri: message.uri, details: { sections, benchmarks, topics, outline } };
    detailsTimer = setTimeout(flushDetails, DETAILS_IDLE_MS);
    // After the result is out: opening many documents parses each in full, and V8 lets the heap
    // grow to several times what stays alive before it collects.
    if (cold && coldAnalyses.record()) collectGarbage();
  }

  function fail(job: number, error: unknown, uri?: string): void {
    // Stopped between steps: what is cached is whole, and the next analysis of the document uses it.
    if (error instanceof AnalysisStopped) return send({ type: 'stopped', job });
    // The cache may hold a half-finished state: the next analysis starts afresh.
    const entry = uri !== undefined ? documents.get(uri) : undefined;
    if (entry) entry.cache = undefined;
    send({ type: 'failed', job, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }

  port.on('message', (message: ToWorker) => {
    if (message.type !== 'links') settleDetails(message);
    if (message.type === 'forget') {
      documents.delete(message.uri);
      const i = cacheOrder.indexOf(message.uri);
      if (i >= 0) cacheOrder.splice(i, 1);
      // Once the closes stop for a moment, a collection gives the memory back.
      collectAfterCloses();
      return;
    }
    if (message.type === 'links') {
      const job = waiting;
      waiting = undefined;
      if (!job || job.message.job !== message.job) return;
      try {
        run(job.message, job.text, new Map(message.linked));
      } catch (error) {
        fail(job.message.job, error, job.message.uri);
      }
      return;
    }
    let text: string;
    try {
      if (message.config) configs.set(message.config[0], message.config[1]);
      text = textOf(message);
      // Pages this one links to are read by the main thread (open documents, files on disk).
      const hrefs = [...new Set(documentLinks(text).map((link) => link.href))].slice(0, MAX_LINKS);
      if (hrefs.length > 0) {
        waiting = { message, text };
        send({ type: 'links', job: message.job, hrefs });
        return;
      }
      run(message, text, new Map());
    } catch (error) {
      fail(message.job, error, message.uri);
    }
  });
  mark('thread loaded');
  send({ type: 'ready' });
}

/** True in the language server's analysis thread. */
export function isAnalysisWorker(): boolean {
  return !isMainThread && parentPort !== null && (workerData as Record<string, unknown> | undefined)?.[ANALYSIS_WORKER_MARK] === true;
}

if (isAnalysisWorker()) {
  const data = workerData as { detailsPort: MessagePort; stopFlag?: SharedArrayBuffer };
  serve(parentPort!, data.detailsPort, data.stopFlag ? new Int32Array(data.stopFlag) : undefined);
}
