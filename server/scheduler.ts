/**
 * When documents are analysed: the analysis of each document's current version (one at a time
 * per version, waited on by every request that needs it), the debounce after edits, pushing
 * diagnostics (push mode) or answering pulls (pull mode), the pages documents link to, and
 * linting the linking documents again when a linked page changes. No handlers and no
 * connection here: the server (server.ts) calls in on each event and request, and the
 * scheduler calls out through a `Publisher`.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type DocumentDiagnosticReport,
  type PublishDiagnosticsParams,
  type WorkspaceFolder,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isRuleDocsPage, notAnalysedResult, type LinkedDocument } from '../lib/index.js';
import type { Engine, ResolvedDocumentConfig } from './engine.js';
import type { Analyser } from './analysis.js';
import type { ClientSupport } from './client-support.js';
import { isCurrent, type Analysis, type DocState, type DocumentStore } from './document-state.js';
import { DiskPages, LinkIndex, linkTarget, normalizeUri } from './links.js';
import { collectGarbage, collectWhenQuiet } from './memory.js';
import { DEFAULT_DEBOUNCE_MS, effectiveLimits, type EffectiveLimit, type PartnerlintSettings } from './settings.js';
import { MARKDOWN_EXT, isInside, uriToPath, workspaceFolderOf } from './workspace-files.js';
import { diagnosticReport, resultDiagnostics, tooLargeDiagnostic } from './providers/diagnostics.js';

/** What the scheduler tells the client. */
export interface Publisher {
  /** Pushes a document's diagnostics (push mode; also an empty list when a document closes). */
  diagnostics(params: PublishDiagnosticsParams): void;
  /** A document's analysis was published or pulled (the readiness notification, for clients that asked for it). */
  analysed(uri: string, analysis: Analysis): void;
  /** Asks the client to pull diagnostics again (pull mode). */
  refreshDiagnostics(): void;
  /** Asks the client to ask for code lenses again. */
  refreshCodeLenses(): void;
  /** A message for the client's log. */
  error(message: string): void;
}

/** What the client supports and sent, read when needed (they are known once the client initialized). */
export interface SchedulerClient {
  readonly support: Pick<ClientSupport, 'pullDiagnostics' | 'diagnosticRefresh' | 'codeLensRefresh'>;
  /** Settings of documents whose own settings were not read yet. */
  readonly fallbackSettings: PartnerlintSettings;
  readonly workspaceFolders: readonly WorkspaceFolder[];
}

export interface SchedulerOptions {
  engine: Pick<Engine, 'resolveConfig' | 'ruleDocsUrl'>;
  analyser: Analyser;
  store: DocumentStore;
  publisher: Publisher;
  client: SchedulerClient;
  /** The document's settings (read once per document, see DocumentStore.settingsFor). */
  settingsFor(uri: string): Promise<PartnerlintSettings>;
  /** A document's config was read: its files' problems are shown. */
  configResolved?(resolved: ResolvedDocumentConfig): void;
  /** Analyses arrive from another thread: a collection after every few first analyses keeps the heap down. */
  collectAfterFirstResults?: boolean;
}

export interface AnalysisNeed {
  /** A request waits on it: analysed before documents linted in the background. */
  urgent?: boolean;
  /**
   * The last analysis will do when it is of the same text, though made before the settings
   * changed (hover, lenses, completion answer at once while every document is analysed again).
   */
  sameText?: boolean;
}

export interface Scheduler {
  /** Bumped when settings or config files change: analyses made before are stale. */
  readonly generation: number;
  /** The open document, when it is one Partnerlint lints. */
  lintable(uri: string): TextDocument | undefined;
  /** Markdown documents, except Partnerlint's own rule docs (read rendered, never linted). */
  isLintable(document: TextDocument): boolean;
  /** The analysis of the document's current version, computed when missing; undefined when it changed (or closed) meanwhile. */
  analysisFor(document: TextDocument, token?: CancellationToken, need?: AnalysisNeed): Promise<Analysis | undefined>;
  /** As `analysisFor`, with the result complete: for requests that read more than the findings (lenses, hover, completion, reports). */
  completeAnalysisFor(document: TextDocument, token: CancellationToken, need: AnalysisNeed): Promise<Analysis | undefined>;
  /** Analysis of an open document, or of the file on disk when it is not open. */
  analysisForUri(uri: string, token?: CancellationToken): Promise<Analysis | undefined>;
  /** The answer to a pull of the document's diagnostics; throws a cancellation when the request was cancelled or the document changed. */
  pull(uri: string, previousResultId: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport>;
  opened(document: TextDocument): void;
  changed(document: TextDocument): void;
  saved(document: TextDocument): void;
  closed(uri: string): void;
  /** A markdown file changed on disk (a watched file): the open documents that link to it are linted again. */
  pageChangedOnDisk(uri: string): void;
  /** After a settings or config-file change: every open document is analysed again. */
  relintAll(): void;
  /** Nothing is analysed or published any more. */
  shutdown(): void;
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** `detection` of a result the engine cut off at its time budget. */
const TIME_BUDGET_EXCEEDED = 'time budget exceeded';

/** Why a document over the time budget was not analysed (the command line says `--timeout` where this names the setting). */
function timeBudgetReason(limit: EffectiveLimit): string {
  return `it took longer than ${limit.value} s (${limit.source})`;
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

function documentChanged(): ResponseError<{ retriggerRequest: boolean }> {
  return new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed', { retriggerRequest: true });
}

/** The text and version of a document to analyse: read when its analysis starts. */
type Snapshot = () => { version: number; text: string } | undefined;

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { engine, analyser, store, publisher, client, settingsFor } = options;
  const documents = store.documents;
  /** Which open documents link to which pages, and the pages read from disk (spec, "Programs that span documents"). */
  const linkIndex = new LinkIndex();
  const diskPages = new DiskPages();
  /** Closing documents frees their analyses; a collection once the closes stop gives the memory back. */
  const collectAfterCloses = collectWhenQuiet();
  let generation = 0;
  let shuttingDown = false;
  let analysisCount = 0;
  let firstResults = 0;

  const state = (uri: string): DocState => store.state(uri);

  function isLintable(document: TextDocument): boolean {
    if (document.languageId !== 'markdown' && !MARKDOWN_EXT.test(document.uri)) return false;
    const file = uriToPath(document.uri);
    return !(file && isRuleDocsPage(file));
  }

  function lintable(uri: string): TextDocument | undefined {
    const document = documents.get(uri);
    return document && isLintable(document) ? document : undefined;
  }

  /**
   * Analyses a document: an open one (`open`, its cache kept between edits) or a one-off (a
   * closed file). The analysis is of the text `current` gives when it starts (a document
   * edited while it waited its turn is analysed as it is then); undefined when the document
   * was closed, or changed while it was being analysed.
   */
  async function analyse(
    uri: string,
    settings: PartnerlintSettings,
    st: DocState | undefined,
    current: Snapshot,
    urgent = false,
  ): Promise<Analysis | undefined> {
    const asked = current();
    if (!asked) return undefined;
    const gen = generation;
    const base = (version: number, text: string) => ({ id: ++analysisCount, version, generation: gen, text, settings });
    if (!settings.enable) return { ...base(asked.version, asked.text), result: null, diagnostics: [] };
    const size = Buffer.byteLength(asked.text, 'utf8');
    // Before the config is read: a document over the editor's limit is never worth more.
    if (size > settings.maxFileSize) return { ...base(asked.version, asked.text), result: null, diagnostics: [tooLargeDiagnostic(size, settings.maxFileSize)] };
    const filePath = uriToPath(uri);
    const open = st !== undefined;
    let outcome;
    let timeLimitReason = '';
    const linkedUris = new Set<string>();
    try {
      const resolved = engine.resolveConfig(filePath, settings, filePath ? workspaceFolderOf(client.workspaceFolders, filePath) : undefined);
      options.configResolved?.(resolved);
      const limits = effectiveLimits(settings, resolved.config);
      timeLimitReason = timeBudgetReason(limits.timeout);
      if (size > limits.maxFileSize.value) {
        return { ...base(asked.version, asked.text), result: null, diagnostics: [tooLargeDiagnostic(size, limits.maxFileSize.value, limits.maxFileSize.source)] };
      }
      const linked = (href: string): LinkedDocument | undefined => {
        const target = linkTarget(uri, href);
        if (!target || target === normalizeUri(uri)) return undefined;
        linkedUris.add(target);
        return linkedDocument(target, filePath);
      };
      outcome = await analyser.analyse({
        uri,
        open,
        current,
        config: resolved.config,
        file: filePath,
        maxFileSize: limits.maxFileSize.value,
        timeoutMs: limits.timeout.value * 1000,
        timeLimitReason,
        linked,
        urgent,
      });
    } catch (error) {
      const message = errorText(error);
      if (!st || st.loggedFailure !== message) {
        publisher.error(`Partnerlint could not analyse ${uri}: ${message}`);
        if (st) st.loggedFailure = message;
      }
      const now = current() ?? asked;
      return { ...base(now.version, now.text), result: null, diagnostics: [] };
    }
    if (!outcome) return undefined;
    let { result } = outcome;
    let limited = outcome.limited === true;
    if (!limited && result.detection === TIME_BUDGET_EXCEEDED) {
      // Stopped by the engine at the budget: reported as when the analysis thread is stopped there.
      result = notAnalysedResult(filePath, timeLimitReason);
      limited = true;
    }
    // Open documents remember what they link to, to be linted again when a linked page changes.
    if (open && store.existing(uri) === st) linkIndex.set(uri, linkedUris);
    // Positions are those of the text analysed: the open document, unless it changed meanwhile.
    const openDocument = documents.get(uri);
    let document: TextDocument;
    if (!open) document = TextDocument.create(uri, 'markdown', outcome.version, outcome.text);
    else if (isCurrent(outcome, openDocument)) document = openDocument;
    else return undefined;
    const diagnostics = resultDiagnostics(document, result, limited, engine.ruleDocsUrl);
    if (st) st.loggedFailure = undefined;
    // Opening many documents reads many results from the analysis thread, and V8 lets the heap grow to several
    // times what stays alive: a collection after every few first analyses (never after an edit), once the diagnostics are out.
    if (options.collectAfterFirstResults && !st?.analysis && ++firstResults >= 16) {
      firstResults = 0;
      setTimeout(collectGarbage, 0);
    }
    return { ...base(outcome.version, outcome.text), result, diagnostics, ...(outcome.complete && !limited ? { complete: outcome.complete } : {}) };
  }

  /**
   * The page a link points to: the open document's current text, else the file on disk when it
   * lies in a workspace folder (in the linking document's folder when there are no workspace folders).
   */
  function linkedDocument(target: string, linkingPath: string | undefined): LinkedDocument | undefined {
    const open = documents.get(target) ?? documents.all().find((d) => normalizeUri(d.uri) === target);
    if (open) return { text: open.getText(), resolved: open.uri };
    const file = uriToPath(target);
    if (!file) return undefined;
    const folders = client.workspaceFolders;
    const allowed = folders.length > 0 ? workspaceFolderOf(folders, file) !== undefined : !!linkingPath && isInside(file, path.dirname(linkingPath));
    if (!allowed) return undefined;
    const text = diskPages.read(file);
    return text === undefined ? undefined : { text, resolved: target };
  }

  /** A page changed (opened, edited, closed, saved, changed on disk): the open documents that link to it are linted again. */
  function relintLinkers(uri: string): void {
    const linking = linkIndex.linkersOf(uri).filter((l) => l !== uri && lintable(l));
    if (linking.length === 0) return;
    const { support } = client;
    for (const l of linking) {
      state(l).analysis = undefined;
      if (!support.pullDiagnostics) scheduleValidation(l);
    }
    if (support.pullDiagnostics && support.diagnosticRefresh) publisher.refreshDiagnostics();
    if (support.codeLensRefresh) publisher.refreshCodeLenses();
  }

  /** Analyses the document's current version (or a newer one); undefined when it changed (or closed) meanwhile. */
  async function compute(document: TextDocument, urgent: boolean): Promise<Analysis | undefined> {
    const uri = document.uri;
    const asked = { version: document.version, text: document.getText() };
    const gen = generation;
    const settings = await settingsFor(uri);
    const current = documents.get(uri);
    if (!isCurrent(asked, current) || gen !== generation) return undefined;
    const st = state(uri);
    const snapshot: Snapshot = () => {
      const open = documents.get(uri);
      return open ? { version: open.version, text: open.getText() } : undefined;
    };
    const analysis = await analyse(uri, settings, st, snapshot, urgent);
    if (analysis && gen === generation && isCurrent(analysis, documents.get(uri))) st.analysis = analysis;
    return analysis;
  }

  async function completeAnalysisFor(document: TextDocument, token: CancellationToken, need: AnalysisNeed): Promise<Analysis | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const analysis = await analysisFor(document, token, need);
      // Details that will not come belong to an analysis a newer one replaced: the newer one is asked for.
      if (!analysis?.complete || (await analysis.complete)) return analysis;
      need = { ...need, sameText: false };
    }
    return undefined;
  }

  async function analysisFor(document: TextDocument, token?: CancellationToken, need: AnalysisNeed = { urgent: true }): Promise<Analysis | undefined> {
    const uri = document.uri;
    for (let attempt = 0; attempt < 3; attempt++) {
      const current = documents.get(uri);
      if (!current || token?.isCancellationRequested) return undefined;
      const st = state(uri);
      if (st.analysis && isCurrent(st.analysis, current) && (st.analysis.generation === generation || need.sameText)) {
        return st.analysis;
      }
      if (!st.running || !isCurrent(st.running, current) || st.running.generation !== generation) {
        const promise = compute(current, need.urgent === true);
        st.running = { version: current.version, text: current.getText(), generation, promise };
        void promise.finally(() => {
          if (st.running?.promise === promise) st.running = undefined;
        });
      }
      const analysis = await st.running.promise;
      if (analysis && isCurrent(analysis, documents.get(uri))) return analysis;
    }
    return undefined;
  }

  async function analysisForUri(uri: string, token?: CancellationToken): Promise<Analysis | undefined> {
    const open = documents.get(uri);
    if (open) return analysisFor(open, token);
    const file = uriToPath(uri);
    if (!file) return undefined;
    // Only regular files are read, and none past the size limit: a pipe would never end, a device never stop.
    let size: number;
    try {
      const info = await fs.stat(file);
      if (!info.isFile()) return undefined;
      size = info.size;
    } catch {
      return undefined;
    }
    const settings = await settingsFor(uri);
    // Closed files keep no state beyond this call.
    if (!documents.get(uri)) store.forget(uri);
    if (size > settings.maxFileSize) {
      return { id: ++analysisCount, version: 0, generation, text: '', settings, result: null, diagnostics: [tooLargeDiagnostic(size, settings.maxFileSize)] };
    }
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
    return analyse(uri, settings, undefined, () => ({ version: 0, text }), true);
  }

  /** Lints and pushes diagnostics (push mode only); never publishes for a version that is no longer current. */
  async function validate(uri: string): Promise<void> {
    if (shuttingDown) return;
    const document = lintable(uri);
    if (!document) return;
    const analysis = await analysisFor(document, undefined, {});
    if (!analysis || client.support.pullDiagnostics) return;
    const current = documents.get(uri);
    if (!isCurrent(analysis, current) || analysis.generation !== generation) return;
    publisher.diagnostics({ uri, version: analysis.version, diagnostics: analysis.diagnostics });
    publisher.analysed(uri, analysis);
  }

  /** Validates the document once its edits pause for the debounce delay; each new change restarts the wait. */
  function scheduleValidation(uri: string): void {
    const st = state(uri);
    const changeGeneration = ++st.changeGeneration;
    if (st.timer) clearTimeout(st.timer);
    const delay = st.lastSettings?.debounceMs ?? client.fallbackSettings.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    st.timer = setTimeout(() => {
      st.timer = undefined;
      if (st.changeGeneration === changeGeneration) void validate(uri);
    }, delay);
  }

  function relintAll(): void {
    generation++;
    store.dropAnalyses();
    const { support } = client;
    if (support.pullDiagnostics) {
      if (support.diagnosticRefresh) publisher.refreshDiagnostics();
    } else {
      for (const document of documents.all()) void validate(document.uri);
    }
    if (support.codeLensRefresh) publisher.refreshCodeLenses();
  }

  async function pull(uri: string, previousResultId: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const document = lintable(uri);
    if (!document) return { kind: 'full', items: [] };
    const st = state(uri);
    const settings = await settingsFor(uri);
    if (token.isCancellationRequested) throw cancelled();
    let analysis: Analysis | undefined;
    if (settings.run === 'onSave' && st.analysis && st.analysis.generation === generation) {
      analysis = st.analysis;
    } else {
      const fresh = st.analysis !== undefined && isCurrent(st.analysis, document) && st.analysis.generation === generation;
      // An edit just made: the pull waits out the debounce delay, and is answered again by the client when more edits came.
      if (!fresh && st.openedVersion !== document.version && settings.debounceMs > 0) {
        const changeGeneration = st.changeGeneration;
        await new Promise((resolve) => setTimeout(resolve, settings.debounceMs));
        if (token.isCancellationRequested) throw cancelled();
        if (st.changeGeneration !== changeGeneration || documents.get(uri)?.version !== document.version) throw documentChanged();
      }
      analysis = await analysisFor(document, token, {});
    }
    if (token.isCancellationRequested) throw cancelled();
    if (!analysis) throw documentChanged();
    publisher.analysed(uri, analysis);
    return diagnosticReport(analysis, previousResultId);
  }

  function opened(document: TextDocument): void {
    const st = state(document.uri);
    st.openedVersion = document.version;
    st.opening = true;
    if (!isLintable(document)) return;
    relintLinkers(document.uri);
    if (!client.support.pullDiagnostics) void validate(document.uri);
  }

  function changed(document: TextDocument): void {
    const st = state(document.uri);
    // The open event is followed by this one; a later change may repeat the opened version.
    const opening = st.opening === true;
    st.opening = false;
    if (opening || !isLintable(document)) return;
    relintLinkers(document.uri);
    st.changeGeneration++;
    if (client.support.pullDiagnostics) return;
    if ((st.lastSettings ?? client.fallbackSettings).run === 'onSave') return;
    scheduleValidation(document.uri);
  }

  function saved(document: TextDocument): void {
    if (!isLintable(document)) return;
    relintLinkers(document.uri);
    const st = state(document.uri);
    if ((st.lastSettings ?? client.fallbackSettings).run !== 'onSave') return;
    if (client.support.pullDiagnostics) {
      // The next pull analyses the saved text instead of returning the last analysis.
      st.analysis = undefined;
      if (client.support.diagnosticRefresh) publisher.refreshDiagnostics();
    } else void validate(document.uri);
  }

  function closed(uri: string): void {
    // Nothing kept for a closed document: its state, parse cache, links.
    store.forget(uri);
    analyser.forget(uri);
    linkIndex.forget(uri);
    collectAfterCloses();
    // Documents linking to it read the file on disk now.
    relintLinkers(uri);
    if (!client.support.pullDiagnostics) publisher.diagnostics({ uri, diagnostics: [] });
  }

  function pageChangedOnDisk(uri: string): void {
    const file = uriToPath(uri);
    if (!file || !MARKDOWN_EXT.test(file) || documents.get(uri)) return;
    diskPages.forget(file);
    relintLinkers(uri);
  }

  function shutdown(): void {
    shuttingDown = true;
    store.stopTimers();
    analyser.dispose();
  }

  return {
    get generation() {
      return generation;
    },
    lintable,
    isLintable,
    analysisFor,
    completeAnalysisFor,
    analysisForUri,
    pull,
    opened,
    changed,
    saved,
    closed,
    pageChangedOnDisk,
    relintAll,
    shutdown,
  };
}
