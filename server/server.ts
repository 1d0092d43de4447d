/**
 * The Partnerlint language server: the wiring. It passes documents to the engine
 * (`lib/index.ts`), keeps what it knows of each document (document-state.ts), and answers
 * each request with a provider (providers/): diagnostics, code actions, code lens, hover,
 * completion, commands and workspace lint. It holds no analysis of its own; settings are
 * resolved per document and cached per document only.
 */
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ExecuteCommandRequest,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type Connection,
  type DocumentDiagnosticReport,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type TextEdit as LspTextEdit,
  type WorkDoneProgressReporter,
  type WorkspaceFolder,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LinkedDocument } from '../lib/index.js';
import { defaultEngine, type Engine, type ResolvedDocumentConfig } from './engine.js';
import { InlineAnalyser, WorkerAnalyser, type Analyser } from './analysis.js';
import { clampPosition } from './convert.js';
import { workspaceEdit } from './edits.js';
import { DEFAULT_DEBOUNCE_MS, effectiveLimits, normalizeSettings, settingsProblems, type EffectiveLimit, type PartnerlintSettings } from './settings.js';
import { collectGarbage, collectWhenQuiet } from './memory.js';
import { DiskPages, LinkIndex, linkTarget, normalizeUri } from './links.js';
import { fileSelectionReader, isRuleDocsPage, notAnalysedResult } from '../lib/index.js';
import { readSupport, type ClientSupport, type InitializationOptions } from './client-support.js';
import { DocumentStore, isCurrent, type Analysis, type DocState } from './document-state.js';
import { MARKDOWN_EXT, isInside, listMarkdownFiles, readableClosedFile, uriToPath, workspaceFolderOf } from './workspace-files.js';
import { configProblemDiagnostics, diagnosticReport, readinessNotification, resultDiagnostics, tooLargeDiagnostic } from './providers/diagnostics.js';
import { FIX_ALL_KIND, FIX_ALL_TITLE, fixAllAction, fixAllEdits, ourDiagnostics, quickFixes, someCurrent, someStale, wantsKind, type CodeActionOptions } from './providers/code-actions.js';
import { codeLenses } from './providers/code-lens.js';
import { hover } from './providers/hover.js';
import { completions, headingAt } from './providers/completion.js';
import { CANNOT_APPLY, COMMANDS, applied, fixAllRefusal, insertTemplateArgs, insertTemplateEdit, linkedPage, readinessReport, reportOptions } from './providers/commands.js';
import { PROGRESS_START, PROGRESS_TITLE, countFile, fileDiagnostics, progressStep, type WorkspaceLintSummary } from './providers/workspace-lint.js';

export { COMMANDS, FIX_ALL_KIND };
export type { InitializationOptions };

export interface ServerDeps {
  /** The engine; defaults to `lib/index.ts`. */
  engine?: Engine;
  /**
   * Analyse documents in a worker thread (analysis.ts), so that requests are answered while a
   * document is analysed. Off by default (analyses run in the calling thread, with `engine`);
   * the server's entry point (main.ts) turns it on. Ignored when `engine` is given.
   */
  analysisThread?: boolean;
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

/** Wires every handler of the server onto `connection`. Call `connection.listen()` afterwards. */
export function createServer(connection: Connection, deps: ServerDeps = {}): { documents: TextDocuments<TextDocument> } {
  const engine = deps.engine ?? defaultEngine;
  const inline = new InlineAnalyser(engine);
  const analyser: Analyser =
    deps.analysisThread && !deps.engine
      ? new WorkerAnalyser({
          fallback: inline,
          onError: (message) => connection.console.error(`Partnerlint: the analysis thread failed (${message}); it is restarted.`),
        })
      : inline;
  // The edits as the client sent them also go to the analyser (the analysis thread keeps each open
  // document's text); a change that could not be applied: the analyser takes the whole text next time.
  const store = new DocumentStore((uri, changes) => analyser.changed(uri, changes));
  const documents = store.documents;
  /** Config files that currently carry problem diagnostics, with the problems' key. */
  const configDiagnostics = new Map<string, string>();
  const loggedOnce = new Set<string>();
  let support: ClientSupport = readSupport({});
  let initOptions: InitializationOptions = {};
  let fallbackSettings: PartnerlintSettings = normalizeSettings(undefined);
  let workspaceFolders: WorkspaceFolder[] = [];
  /** Bumped when settings or config files change: analyses made before are stale. */
  let generation = 0;
  let shuttingDown = false;
  /** Which open documents link to which pages, and the pages read from disk (spec, "Programs that span documents"). */
  const linkIndex = new LinkIndex();
  const diskPages = new DiskPages();

  const log = (message: string) => connection.console.log(message);
  const logOnce = (key: string, message: string) => {
    if (loggedOnce.has(key)) return;
    loggedOnce.add(key);
    connection.console.error(message);
  };
  const state = (uri: string): DocState => store.state(uri);

  /** Markdown documents, except Partnerlint's own rule docs (read rendered, never linted). */
  function isLintable(document: TextDocument): boolean {
    if (document.languageId !== 'markdown' && !MARKDOWN_EXT.test(document.uri)) return false;
    const file = uriToPath(document.uri);
    return !(file && isRuleDocsPage(file));
  }

  // ---------------------------------------------------------------- settings

  /** The settings the client sent, complete; a limit with an invalid value is logged, naming the setting. */
  function readSettings(raw: unknown): PartnerlintSettings {
    for (const problem of settingsProblems(raw)) logOnce(`settings:${problem}`, `Partnerlint: ${problem}`);
    return normalizeSettings(raw);
  }

  function settingsFor(uri: string): Promise<PartnerlintSettings> {
    return store.settingsFor(uri, () =>
      support.configuration
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'partnerlint' }).then(
            (raw: unknown) => readSettings(raw ?? initOptions.settings ?? initOptions.partnerlint),
            (error: unknown) => {
              logOnce('configuration', `Partnerlint: could not read settings (${errorText(error)}); using defaults.`);
              return fallbackSettings;
            },
          )
        : Promise.resolve(fallbackSettings),
    );
  }

  // ---------------------------------------------------------------- config file problems

  function publishConfigProblems(resolved: ResolvedDocumentConfig): void {
    for (const [file, problems] of resolved.problemsByFile) {
      const uri = pathToFileURL(file).href;
      const key = JSON.stringify(problems);
      if (configDiagnostics.get(uri) === key) continue;
      if (problems.length === 0 && !configDiagnostics.has(uri)) continue;
      if (problems.length === 0) configDiagnostics.delete(uri);
      else configDiagnostics.set(uri, key);
      let lines: string[] = [];
      try {
        lines = readFileSync(file, 'utf8').split(/\r\n|\n|\r/);
      } catch {
        // unreadable: the problem itself says so; ranges stay at the start
      }
      connection.sendDiagnostics({ uri, diagnostics: configProblemDiagnostics(problems, lines) });
    }
    for (const message of resolved.otherProblems) {
      logOnce(`settings:${message}`, `Partnerlint: ${message}`);
    }
  }

  // ---------------------------------------------------------------- analysis

  /** The text and version of a document to analyse: read when its analysis starts. */
  type Snapshot = () => { version: number; text: string } | undefined;

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
      const resolved = engine.resolveConfig(filePath, settings, filePath ? workspaceFolderOf(workspaceFolders, filePath) : undefined);
      publishConfigProblems(resolved);
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
        connection.console.error(`Partnerlint could not analyse ${uri}: ${message}`);
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
    if (analyser !== inline && !st?.analysis && ++firstResults >= 16) {
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
    const allowed = workspaceFolders.length > 0 ? workspaceFolderOf(workspaceFolders, file) !== undefined : !!linkingPath && isInside(file, path.dirname(linkingPath));
    if (!allowed) return undefined;
    const text = diskPages.read(file);
    return text === undefined ? undefined : { text, resolved: target };
  }

  /** A page changed (opened, edited, closed, saved, changed on disk): the open documents that link to it are linted again. */
  function relintLinkers(uri: string): void {
    const linking = linkIndex.linkersOf(uri).filter((l) => l !== uri && lintable(l));
    if (linking.length === 0) return;
    for (const l of linking) {
      state(l).analysis = undefined;
      if (!support.pullDiagnostics) scheduleValidation(l);
    }
    if (support.pullDiagnostics && support.diagnosticRefresh) connection.languages.diagnostics.refresh();
    if (support.codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  }

  /** Closing documents frees their analyses; a collection once the closes stop gives the memory back. */
  const collectAfterCloses = collectWhenQuiet();

  let analysisCount = 0;
  let firstResults = 0;

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

  interface AnalysisNeed {
    /** A request waits on it: analysed before documents linted in the background. */
    urgent?: boolean;
    /**
     * The last analysis will do when it is of the same text, though made before the settings
     * changed (hover, lenses, completion answer at once while every document is analysed again).
     */
    sameText?: boolean;
  }

  /**
   * The analysis of the document's current version with its result complete, for requests that
   * read more than the findings (lenses, hover, completion, reports).
   */
  async function completeAnalysisFor(document: TextDocument, token: CancellationToken, need: AnalysisNeed): Promise<Analysis | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const analysis = await analysisFor(document, token, need);
      // Details that will not come belong to an analysis a newer one replaced: the newer one is asked for.
      if (!analysis?.complete || (await analysis.complete)) return analysis;
      need = { ...need, sameText: false };
    }
    return undefined;
  }

  /** The analysis of the document's current version, computed when missing. */
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

  function lintable(uri: string): TextDocument | undefined {
    const document = documents.get(uri);
    return document && isLintable(document) ? document : undefined;
  }

  /** Lints and pushes diagnostics (push mode only); never publishes for a version that is no longer current. */
  async function validate(uri: string): Promise<void> {
    if (shuttingDown) return;
    const document = lintable(uri);
    if (!document) return;
    const analysis = await analysisFor(document, undefined, {});
    if (!analysis || support.pullDiagnostics) return;
    const current = documents.get(uri);
    if (!isCurrent(analysis, current) || analysis.generation !== generation) return;
    void connection.sendDiagnostics({ uri, version: analysis.version, diagnostics: analysis.diagnostics });
    notifyReadiness(uri, analysis);
  }

  /** The document's readiness, kind and one-line summary as data, for clients that asked for them. */
  function notifyReadiness(uri: string, analysis: Analysis): void {
    if (!initOptions.readinessNotifications) return;
    void connection.sendNotification('partnerlint/readiness', readinessNotification(uri, analysis, engine.titleSummary));
  }

  function scheduleValidation(uri: string): void {
    const st = state(uri);
    const changeGeneration = ++st.changeGeneration;
    if (st.timer) clearTimeout(st.timer);
    const delay = st.lastSettings?.debounceMs ?? fallbackSettings.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    st.timer = setTimeout(() => {
      st.timer = undefined;
      if (st.changeGeneration === changeGeneration) void validate(uri);
    }, delay);
  }

  /** After a settings or config-file change: every open document is analysed again. */
  function relintAll(): void {
    generation++;
    store.dropAnalyses();
    if (support.pullDiagnostics) {
      if (support.diagnosticRefresh) connection.languages.diagnostics.refresh();
    } else {
      for (const document of documents.all()) void validate(document.uri);
    }
    if (support.codeLensRefresh) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
  }

  // ---------------------------------------------------------------- lifecycle

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    support = readSupport(params.capabilities);
    initOptions = (params.initializationOptions ?? {}) as InitializationOptions;
    fallbackSettings = readSettings(initOptions.settings ?? initOptions.partnerlint);
    if (params.workspaceFolders) workspaceFolders = params.workspaceFolders;
    else if (params.rootUri) workspaceFolders = [{ uri: params.rootUri, name: path.basename(params.rootUri) }];
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
        ...(support.pullDiagnostics
          ? { diagnosticProvider: { identifier: 'partnerlint', interFileDependencies: false, workspaceDiagnostics: false } }
          : {}),
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND],
          resolveProvider: false,
        },
        codeLensProvider: { resolveProvider: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['#', ' '], resolveProvider: false },
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: support.workspaceFolders } },
      },
      serverInfo: { name: 'partnerlint', version: engine.VERSION },
    };
  });

  connection.onInitialized(() => {
    if (support.dynamicConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'partnerlint' });
    }
    if (support.dynamicWatchedFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        // Config files, and markdown pages (a linked page that changes on disk lints its linkers again).
        watchers: [...engine.CONFIG_FILE_NAMES.map((name) => ({ globPattern: `**/${name}` })), { globPattern: '**/*.{md,markdown}' }],
      });
    }
    if (support.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => f.uri));
        workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f.uri)), ...event.added];
      });
    }
  });

  connection.onShutdown(() => {
    shuttingDown = true;
    store.stopTimers();
    analyser.dispose();
  });

  // ---------------------------------------------------------------- documents

  documents.onDidOpen((event) => {
    const st = state(event.document.uri);
    st.openedVersion = event.document.version;
    st.opening = true;
    if (!isLintable(event.document)) return;
    relintLinkers(event.document.uri);
    if (!support.pullDiagnostics) void validate(event.document.uri);
  });

  documents.onDidChangeContent((event) => {
    const document = event.document;
    const st = state(document.uri);
    // The open event is followed by this one; a later change may repeat the opened version.
    const opened = st.opening === true;
    st.opening = false;
    if (opened || !isLintable(document)) return;
    relintLinkers(document.uri);
    st.changeGeneration++;
    if (support.pullDiagnostics) return;
    if ((st.lastSettings ?? fallbackSettings).run === 'onSave') return;
    scheduleValidation(document.uri);
  });

  documents.onDidSave((event) => {
    if (!isLintable(event.document)) return;
    relintLinkers(event.document.uri);
    const st = state(event.document.uri);
    if ((st.lastSettings ?? fallbackSettings).run !== 'onSave') return;
    if (support.pullDiagnostics) {
      // The next pull analyses the saved text instead of returning the last analysis.
      st.analysis = undefined;
      if (support.diagnosticRefresh) connection.languages.diagnostics.refresh();
    } else void validate(event.document.uri);
  });

  documents.onDidClose((event) => {
    const uri = event.document.uri;
    // Nothing kept for a closed document: its state, parse cache, links.
    store.forget(uri);
    analyser.forget(uri);
    linkIndex.forget(uri);
    collectAfterCloses();
    // Documents linking to it read the file on disk now.
    relintLinkers(uri);
    if (!support.pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration((params) => {
    const raw = (params.settings as Record<string, unknown> | null | undefined)?.partnerlint;
    if (raw !== undefined) fallbackSettings = readSettings(raw);
    store.dropSettings();
    relintAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const names = new Set<string>(engine.CONFIG_FILE_NAMES);
    let configChanged = false;
    for (const change of params.changes) {
      const file = uriToPath(change.uri);
      if (file && MARKDOWN_EXT.test(file) && !documents.get(change.uri)) {
        diskPages.forget(file);
        relintLinkers(change.uri);
      }
      if (!file || !names.has(path.basename(file))) continue;
      configChanged = true;
      if (change.type === FileChangeType.Deleted && configDiagnostics.has(change.uri)) {
        configDiagnostics.delete(change.uri);
        void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
      }
    }
    if (configChanged) relintAll();
  });

  // ---------------------------------------------------------------- pull diagnostics

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument.uri;
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
      if (!fresh && st.openedVersion !== document.version && settings.debounceMs > 0) {
        const changeGeneration = st.changeGeneration;
        await new Promise((resolve) => setTimeout(resolve, settings.debounceMs));
        if (token.isCancellationRequested) throw cancelled();
        if (st.changeGeneration !== changeGeneration || documents.get(uri)?.version !== document.version) {
          throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed', { retriggerRequest: true });
        }
      }
      analysis = await analysisFor(document, token, {});
    }
    if (token.isCancellationRequested) throw cancelled();
    if (!analysis) {
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed', { retriggerRequest: true });
    }
    notifyReadiness(uri, analysis);
    return diagnosticReport(analysis, params.previousResultId);
  });


  // ---------------------------------------------------------------- code actions

  const codeActionOptions = (): CodeActionOptions => ({
    engine,
    documentChanges: support.documentChanges,
    ...(initOptions.ruleDocsCommand ? { ruleDocsCommand: initOptions.ruleDocsCommand } : {}),
  });

  /** The analysis, when it is of the document as it is now. */
  const ifCurrent = (analysis: Analysis | undefined, uri: string): Analysis | undefined => (analysis && isCurrent(analysis, documents.get(uri)) ? analysis : undefined);

  connection.onCodeAction(async (params, token) => {
    const document = lintable(params.textDocument.uri);
    if (!document) return [];
    const uri = document.uri;
    const only = params.context.only;
    const actions: CodeAction[] = [];
    const ours = ourDiagnostics(params.context.diagnostics);
    const stale = someStale(document, ours);

    if (wantsKind(only, CodeActionKind.QuickFix)) {
      const analysis = someCurrent(document, ours) ? await analysisFor(document, token) : undefined;
      if (token.isCancellationRequested) return null;
      actions.push(...quickFixes(document, ours, ifCurrent(analysis, uri), codeActionOptions()));
    }

    // Refused when the diagnostics the client holds were computed for another version.
    if (only !== undefined && wantsKind(only, FIX_ALL_KIND) && !stale) {
      const analysis = await analysisFor(document, token);
      if (token.isCancellationRequested) return null;
      const current = documents.get(uri);
      if (analysis && isCurrent(analysis, current)) {
        const action = fixAllAction(current, analysis, codeActionOptions());
        if (action) actions.push(action);
      }
    }
    return actions;
  });

  // ---------------------------------------------------------------- code lens

  connection.onCodeLens(async (params, token): Promise<CodeLens[]> => {
    const document = lintable(params.textDocument.uri);
    if (!document) return [];
    const analysis = await completeAnalysisFor(document, token, { urgent: true, sameText: true });
    const result = analysis?.result;
    if (!result || token.isCancellationRequested) return [];
    return codeLenses(document.uri, result, {
      ...(initOptions.readinessCommand ? { readinessCommand: initOptions.readinessCommand } : {}),
      showDocument: support.showDocument,
      titleSummary: engine.titleSummary,
    });
  });

  // ---------------------------------------------------------------- hover

  connection.onHover(async (params, token): Promise<Hover | null> => {
    const document = lintable(params.textDocument.uri);
    if (!document) return null;
    const analysis = await completeAnalysisFor(document, token, { urgent: true, sameText: true });
    const result = analysis?.result;
    if (!analysis || !result || token.isCancellationRequested) return null;
    const current = documents.get(document.uri);
    if (!isCurrent(analysis, current)) return null;
    return hover(result, clampPosition(current, params.position), { engine, markdown: support.markdownHover });
  });

  // ---------------------------------------------------------------- completion

  connection.onCompletion(async (params, token): Promise<CompletionItem[]> => {
    const document = lintable(params.textDocument.uri);
    if (!document) return [];
    const heading = headingAt(document, params.position);
    if (!heading || token.isCancellationRequested) return [];
    // A section template is offered only for a section the document lacks.
    const analysis = heading.emptyDocument ? undefined : await completeAnalysisFor(document, token, { urgent: true, sameText: true });
    return completions(heading, analysis?.result ?? undefined, { engine, snippets: support.snippets });
  });

  // ---------------------------------------------------------------- commands

  /** Rule ids the engine has: the only ones whose documentation is shown. */
  let ruleIds: Set<string> | undefined;
  const isKnownRule = (id: unknown): id is string =>
    typeof id === 'string' && (ruleIds ??= new Set(engine.listRules().map((rule) => rule.id))).has(id);

  /** Analysis of an open document, or of the file on disk when it is not open. */
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

  /** Asks the editor to apply edits to one document. */
  async function applyEdits(label: string, uri: string, version: number, edits: LspTextEdit[]): Promise<{ applied: boolean; reason?: string }> {
    if (!support.applyEdit) return { applied: false, reason: CANNOT_APPLY };
    return applied(await connection.workspace.applyEdit({ label, edit: workspaceEdit(uri, version, edits, support.documentChanges) }));
  }

  async function insertTemplate(args: unknown[]): Promise<{ applied: boolean; reason?: string }> {
    const { uri, templateId, position } = insertTemplateArgs(args);
    const document = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!document) return { applied: false, reason: 'The document is not open.' };
    if (typeof templateId !== 'string' || !engine.templates.some((t) => t.id === templateId)) return { applied: false, reason: `Unknown template ${String(templateId)}.` };
    const analysis = await analysisFor(document);
    const { label, edit } = insertTemplateEdit(document, templateId, analysis?.result?.sectionLevel, position, engine);
    return applyEdits(label, document.uri, document.version, [edit]);
  }

  async function fixAllCommand(args: unknown[]): Promise<{ applied: boolean; fixes: number; reason?: string }> {
    const [uri, version] = args;
    const document = typeof uri === 'string' ? lintable(uri) : undefined;
    if (!document) return { applied: false, fixes: 0, reason: 'The document is not open.' };
    const refusal = fixAllRefusal(version, document);
    if (refusal) return { applied: false, fixes: 0, reason: refusal };
    const analysis = await analysisFor(document);
    const current = documents.get(document.uri);
    // The edits are computed on the analysed text: refused unless it is the document's text now.
    if (!analysis || !isCurrent(analysis, current)) {
      return { applied: false, fixes: 0, reason: 'The document changed while fixing.' };
    }
    const { edits, fixes } = fixAllEdits(analysis, current, engine);
    if (edits.length === 0) return { applied: false, fixes: 0, reason: 'Nothing to fix.' };
    const outcome = await applyEdits(FIX_ALL_TITLE, current.uri, analysis.version, edits);
    return outcome.applied ? { applied: true, fixes } : { ...outcome, fixes: 0 };
  }

  /** Asks the editor to show a document or web page; false when it cannot or did not. */
  async function show(uri: string): Promise<boolean> {
    if (!support.showDocument) return false;
    try {
      const response = await connection.window.showDocument({ uri, external: /^https?:/.test(uri), takeFocus: true });
      return response.success;
    } catch {
      return false;
    }
  }

  async function readinessReportCommand(args: unknown[], token: CancellationToken): Promise<string | null> {
    const uri = args[0];
    if (typeof uri !== 'string') return null;
    // An open document, or a closed markdown file inside the workspace folders: never any other path.
    if (!documents.get(uri) && !(await readableClosedFile(uri, workspaceFolders))) return null;
    const analysis = await analysisForUri(uri, token);
    if (!analysis?.result || token.isCancellationRequested || (analysis.complete && !(await analysis.complete))) return null;
    return readinessReport(uri, uriToPath(uri), analysis.result, reportOptions(args[1]), engine);
  }

  async function lintWorkspace(token: CancellationToken, workDoneToken: string | number | undefined): Promise<WorkspaceLintSummary> {
    let folders = workspaceFolders;
    if (support.workspaceFolders) {
      try {
        folders = (await connection.workspace.getWorkspaceFolders()) ?? folders;
      } catch {
        // keep the folders from initialize
      }
    }
    let progress: WorkDoneProgressReporter | undefined;
    let progressToken: CancellationToken | undefined;
    if (workDoneToken !== undefined) progress = connection.window.attachWorkDoneProgress(workDoneToken);
    else if (support.workDoneProgress) {
      const created = await connection.window.createWorkDoneProgress().catch(() => undefined);
      progress = created;
      progressToken = created?.token;
    }
    progress?.begin(PROGRESS_TITLE, 0, PROGRESS_START, true);
    const combined: CancellationToken = {
      get isCancellationRequested() {
        return token.isCancellationRequested || progressToken?.isCancellationRequested === true;
      },
      onCancellationRequested: token.onCancellationRequested,
    };
    const files: string[] = [];
    // One reader per run: each config file is read once.
    const reader = fileSelectionReader();
    for (const folder of folders) {
      const root = uriToPath(folder.uri);
      if (root) await listMarkdownFiles(root, combined, files, reader);
    }
    let summary: WorkspaceLintSummary = { files: files.length, plans: 0, findings: 0, cancelled: false };
    let done = 0;
    for (const file of files) {
      if (combined.isCancellationRequested) break;
      const uri = pathToFileURL(file).href;
      const analysis = await analysisForUri(uri, combined);
      done++;
      const step = progressStep(done, files.length, file);
      progress?.report(step.percentage, step.message);
      summary = countFile(summary, analysis);
      const publish = analysis && fileDiagnostics(uri, analysis, documents.get(uri) !== undefined, support.pullDiagnostics);
      if (publish) void connection.sendDiagnostics(publish);
    }
    progress?.done();
    return { ...summary, cancelled: combined.isCancellationRequested };
  }

  // Registered as a plain request so the client's work-done token reaches lintWorkspace
  // (onExecuteCommand would consume it); without one, lintWorkspace creates its own progress.
  connection.onRequest(ExecuteCommandRequest.type, async (params, token) => {
    const args = params.arguments ?? [];
    switch (params.command) {
      case COMMANDS.insertTemplate:
        return insertTemplate(args);
      case COMMANDS.readinessReport:
        return readinessReportCommand(args, token);
      case COMMANDS.lintWorkspace:
        return lintWorkspace(token, params.workDoneToken);
      case COMMANDS.showRuleDocs: {
        const ruleId = args[0];
        if (!isKnownRule(ruleId)) return null;
        const url = engine.ruleDocsUrl(ruleId);
        return { url, shown: await show(url) };
      }
      case COMMANDS.fixAll:
        return fixAllCommand(args);
      case COMMANDS.openLinked: {
        const uri = linkedPage(args);
        return uri === undefined ? null : { uri, shown: await show(uri) };
      }
      default:
        log(`Partnerlint: unknown command ${params.command}`);
        return null;
    }
  });

  documents.listen(connection);
  return { documents };
}
