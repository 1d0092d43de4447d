/**
 * The Partnerlint language server: a thin adapter that passes documents to the
 * engine (`lib/index.ts`) and translates its results into LSP. It holds no
 * analysis of its own; settings are resolved per document and cached per
 * document only.
 */
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ExecuteCommandRequest,
  FileChangeType,
  InsertTextFormat,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type ClientCapabilities,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type Range,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
  type WorkDoneProgressReporter,
  type WorkspaceFolder,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, LinkedDocument, LintResult, TextEdit } from '../lib/index.js';
import { defaultEngine, type Engine, type ResolvedDocumentConfig } from './engine.js';
import { InlineAnalyser, WorkerAnalyser, type Analyser } from './analysis.js';
import {
  SOURCE,
  clampPosition,
  findingToDiagnostic,
  formatBytes,
  isDiagnosticData,
  rangeContains,
  spanToRange,
  type DiagnosticData,
} from './convert.js';
import { disableFileEdit, disableForLineEdit, insertBlockEdit, lineText } from './edits.js';
import { DEFAULT_DEBOUNCE_MS, normalizeSettings, settingsProblems, type PartnerlintSettings } from './settings.js';
import { collectGarbage, collectWhenQuiet } from './memory.js';
import { DiskPages, LinkIndex, linkTarget, normalizeUri } from './links.js';
import { escapeMarkdown, fileSelectionReader, isRuleDocsPage, notAnalysedResult, preconditionLabel, Selection, type PreconditionKey, type SelectionReader } from '../lib/index.js';

export const COMMANDS = {
  insertTemplate: 'partnerlint.insertTemplate',
  readinessReport: 'partnerlint.readinessReport',
  lintWorkspace: 'partnerlint.lintWorkspace',
  showRuleDocs: 'partnerlint.showRuleDocs',
  fixAll: 'partnerlint.fixAll',
  openLinked: 'partnerlint.openLinkedDocument',
} as const;

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.partnerlint`;

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

/** Options a client may pass in `initializationOptions`. */
export interface InitializationOptions {
  /** Settings used when the client cannot answer `workspace/configuration` (`partnerlint` is accepted too, as Helix sends its `config` table). */
  settings?: unknown;
  partnerlint?: unknown;
  /** Command the readiness CodeLens runs (default `partnerlint.readinessReport`, handled by this server). */
  readinessCommand?: string;
  /** Send `partnerlint/readiness` after each analysis (the score, kind and summary as data, for a status bar). */
  readinessNotifications?: boolean;
  /**
   * Command the "Show documentation" action runs, with `[ruleId, docsUrl]` (default
   * `partnerlint.showRuleDocs`, handled by this server: it asks the client to show the page).
   */
  ruleDocsCommand?: string;
}

/** One analysis of one document version. */
interface Analysis {
  /** Unique to this analysis (pull diagnostics' result id). */
  id: number;
  version: number;
  /** Settings/config generation the analysis was made under. */
  generation: number;
  /** null when the document was not analysed (disabled, too large, failed). */
  result: LintResult | null;
  diagnostics: Diagnostic[];
  text: string;
  settings: PartnerlintSettings;
  /** Resolves once `result` holds its sections, benchmarks, topics and outline (see analysis.ts): true, or false when they will not come. */
  complete?: Promise<boolean>;
}

interface DocState {
  /** Bumped on each change; a debounced run whose generation is old does nothing. */
  changeGeneration: number;
  timer?: NodeJS.Timeout;
  analysis?: Analysis;
  running?: { version: number; text: string; generation: number; promise: Promise<Analysis | undefined> };
  settings?: Promise<PartnerlintSettings>;
  lastSettings?: PartnerlintSettings;
  openedVersion?: number;
  /** Set by the open event, cleared by the content event that follows it. */
  opening?: boolean;
  loggedFailure?: string;
}

interface ClientSupport {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  codeLensRefresh: boolean;
  configuration: boolean;
  dynamicConfiguration: boolean;
  dynamicWatchedFiles: boolean;
  showDocument: boolean;
  workDoneProgress: boolean;
  documentChanges: boolean;
  applyEdit: boolean;
  snippets: boolean;
  markdownHover: boolean;
  workspaceFolders: boolean;
}

function readSupport(c: ClientCapabilities): ClientSupport {
  return {
    pullDiagnostics: c.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: c.workspace?.diagnostics?.refreshSupport === true,
    codeLensRefresh: c.workspace?.codeLens?.refreshSupport === true,
    configuration: c.workspace?.configuration === true,
    dynamicConfiguration: c.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    dynamicWatchedFiles: c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    showDocument: c.window?.showDocument?.support === true,
    workDoneProgress: c.window?.workDoneProgress === true,
    documentChanges: c.workspace?.workspaceEdit?.documentChanges === true,
    applyEdit: c.workspace?.applyEdit === true,
    snippets: c.textDocument?.completion?.completionItem?.snippetSupport === true,
    markdownHover: (c.textDocument?.hover?.contentFormat ?? [MarkupKind.Markdown]).includes(MarkupKind.Markdown),
    workspaceFolders: c.workspace?.workspaceFolders === true,
  };
}

const HEADING_LINE = /^(#{1,6})(?:[ \t]+(.*))?$/;
const MARKDOWN_EXT = /\.(md|markdown|mdown|mkd|mkdn)$/i;

function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** `detection` of a result the engine cut off at its time budget. */
const TIME_BUDGET_EXCEEDED = 'time budget exceeded';

/** Why a document over the time budget was not analysed (the command line says `--timeout` where this names the setting). */
function timeBudgetReason(settings: PartnerlintSettings): string {
  return `it took longer than ${settings.timeout} s (setting partnerlint.timeout)`;
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
  // The edits as the client sent them also go to the analyser (the analysis thread keeps each open document's text).
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update(document, changes, version) {
      let updated: TextDocument;
      try {
        updated = TextDocument.update(document, changes, version);
      } catch (error) {
        // A change that could not be applied (in part or at all): the analyser takes the whole text next time.
        analyser.changed(document.uri, null);
        throw error;
      }
      analyser.changed(document.uri, changes);
      return updated;
    },
  });
  const states = new Map<string, DocState>();
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

  function state(uri: string): DocState {
    let st = states.get(uri);
    if (!st) {
      st = { changeGeneration: 0 };
      states.set(uri, st);
    }
    return st;
  }

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
    const st = state(uri);
    if (!st.settings) {
      const request: Promise<PartnerlintSettings> = support.configuration
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'partnerlint' }).then(
            (raw: unknown) => readSettings(raw ?? initOptions.settings ?? initOptions.partnerlint),
            (error: unknown) => {
              logOnce('configuration', `Partnerlint: could not read settings (${errorText(error)}); using defaults.`);
              return fallbackSettings;
            },
          )
        : Promise.resolve(fallbackSettings);
      st.settings = request.then((settings) => {
        st.lastSettings = settings;
        return settings;
      });
    }
    return st.settings;
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
      const diagnostics: Diagnostic[] = problems.map((problem) => {
        const line = Math.max(0, (problem.line ?? 1) - 1);
        const character = Math.max(0, (problem.column ?? 1) - 1);
        // From the offending key to the end of its line; the first line when the position is unknown.
        const endCharacter = Math.max(character, (lines[line] ?? '').length);
        return {
          range: { start: { line, character }, end: { line, character: endCharacter } },
          severity: 1,
          source: SOURCE,
          message: problem.keyPath ? `${problem.keyPath}: ${problem.message}` : problem.message,
        };
      });
      connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const message of resolved.otherProblems) {
      logOnce(`settings:${message}`, `Partnerlint: ${message}`);
    }
  }

  // ---------------------------------------------------------------- analysis

  /** The innermost workspace folder holding the file. */
  function workspaceFolderOf(filePath: string): string | undefined {
    let best: string | undefined;
    for (const folder of workspaceFolders) {
      const root = uriToPath(folder.uri);
      if (!root) continue;
      const rel = path.relative(root, filePath);
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
      if (!best || root.length > best.length) best = root;
    }
    return best;
  }

  function tooLarge(size: number, limit: number): Diagnostic {
    return {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 3,
      source: SOURCE,
      message:
        `Partnerlint did not analyse this document: it is ${formatBytes(size)}, ` +
        `over the ${formatBytes(limit)} limit (setting partnerlint.maxFileSize).`,
    };
  }

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
    if (size > settings.maxFileSize) return { ...base(asked.version, asked.text), result: null, diagnostics: [tooLarge(size, settings.maxFileSize)] };
    const filePath = uriToPath(uri);
    const open = st !== undefined;
    let outcome;
    const linkedUris = new Set<string>();
    try {
      const resolved = engine.resolveConfig(filePath, settings, filePath ? workspaceFolderOf(filePath) : undefined);
      publishConfigProblems(resolved);
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
        maxFileSize: settings.maxFileSize,
        timeoutMs: settings.timeout * 1000,
        timeLimitReason: timeBudgetReason(settings),
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
      result = notAnalysedResult(filePath, timeBudgetReason(settings));
      limited = true;
    }
    // Open documents remember what they link to, to be linted again when a linked page changes.
    if (open && states.get(uri) === st) linkIndex.set(uri, linkedUris);
    // Positions are those of the text analysed: the open document, unless it changed meanwhile.
    const openDocument = documents.get(uri);
    let document: TextDocument;
    if (!open) document = TextDocument.create(uri, 'markdown', outcome.version, outcome.text);
    else if (isCurrent(outcome, openDocument)) document = openDocument;
    else return undefined;
    const diagnostics = result.findings.map((finding) => findingToDiagnostic(document, finding, engine.ruleDocsUrl));
    if (result.skipped && !limited) {
      diagnostics.push({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 3,
        source: SOURCE,
        message: `Partnerlint did not analyse this document: ${result.skipped}`,
      });
    }
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
    const allowed = workspaceFolders.length > 0 ? workspaceFolderOf(file) !== undefined : !!linkingPath && isInside(file, path.dirname(linkingPath));
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

  /**
   * True when the analysis is of the document as it is now: the same version
   * and the same text. A client may send a change without raising the
   * version, so the version alone does not say the text is the same.
   */
  function isCurrent(analysis: { version: number; text: string }, document: TextDocument | undefined): document is TextDocument {
    return document !== undefined && analysis.version === document.version && analysis.text === document.getText();
  }

  /** What identifies a diagnostic the client sends back: where, which rule, what it says. */
  function diagnosticKey(d: Diagnostic): string {
    return JSON.stringify([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.code, d.message]);
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
    const r = analysis.result;
    void connection.sendNotification('partnerlint/readiness', {
      uri,
      version: analysis.version,
      isPlan: !!r?.isPlan,
      kind: r?.kind ?? null,
      score: r?.readiness?.score ?? null,
      summary: r?.isPlan ? engine.titleSummary(r) : null,
    });
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
    for (const st of states.values()) {
      st.analysis = undefined;
    }
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
    for (const st of states.values()) if (st.timer) clearTimeout(st.timer);
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
    const st = states.get(uri);
    if (st?.timer) clearTimeout(st.timer);
    // Nothing kept for a closed document: its state, parse cache, links.
    states.delete(uri);
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
    for (const st of states.values()) st.settings = undefined;
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
    const resultId = `${analysis.version}:${analysis.generation}:${analysis.id}`;
    if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
    return { kind: 'full', resultId, items: analysis.diagnostics };
  });

  // ---------------------------------------------------------------- edits

  function workspaceEdit(uri: string, version: number | null, edits: LspTextEdit[]): WorkspaceEdit {
    if (support.documentChanges) return { documentChanges: [{ textDocument: { uri, version }, edits }] };
    return { changes: { [uri]: edits } };
  }

  /** Edits of every safe fix of the analysis (the engine picks non-overlapping ones). */
  function fixAllEdits(analysis: Analysis, document: TextDocument): { edits: LspTextEdit[]; fixes: number } {
    if (!analysis.result) return { edits: [], fixes: 0 };
    const { edits, fixes } = engine.safeFixEdits(analysis.text, analysis.result.findings);
    return { edits: toLspEdits(document, edits), fixes };
  }

  /** The engine's offset edits as LSP edits of the document they were computed for. */
  function toLspEdits(document: TextDocument, edits: readonly TextEdit[]): LspTextEdit[] {
    return edits.map((edit) => ({ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText }));
  }

  // ---------------------------------------------------------------- code actions

  connection.onCodeAction(async (params, token) => {
    const document = lintable(params.textDocument.uri);
    if (!document) return [];
    const uri = document.uri;
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    const ours = params.context.diagnostics.filter((d) => d.source === SOURCE && isDiagnosticData(d.data));
    const stale = ours.some((d) => (d.data as DiagnosticData).version !== document.version);

    if (wants(CodeActionKind.QuickFix)) {
      // Fix edits come from the analysis of the text as it is now, for the diagnostics it has too:
      // a client may repeat a version number with another text.
      const analysis = ours.some((d) => (d.data as DiagnosticData).version === document.version) ? await analysisFor(document, token) : undefined;
      if (token.isCancellationRequested) return null;
      const currentFixes = new Map<string, DiagnosticData['fixes']>();
      const currentFindings = new Map<string, Finding>();
      if (analysis && isCurrent(analysis, documents.get(uri))) {
        analysis.diagnostics.forEach((d, i) => {
          if (!isDiagnosticData(d.data)) return;
          currentFixes.set(diagnosticKey(d), d.data.fixes);
          const finding = analysis.result?.findings[i];
          if (finding) currentFindings.set(diagnosticKey(d), finding);
        });
      }
      // Several missing sections at once (the title's findings): one entry inserts them all, in place of one per section.
      const inserting = analysis
        ? engine.insertMissingSectionsFix(analysis.text, ours.flatMap((d) => currentFindings.get(diagnosticKey(d)) ?? []))
        : undefined;
      if (inserting) {
        const withInserts = ours.filter((d) => currentFixes.get(diagnosticKey(d))?.some((fix) => fix.templateId !== undefined));
        actions.push({
          title: inserting.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: withInserts,
          edit: workspaceEdit(uri, document.version, toLspEdits(document, inserting.edits)),
        });
      }
      const seen = new Set<string>();
      const docActions: CodeAction[] = [];
      for (const diagnostic of ours) {
        const data = diagnostic.data as DiagnosticData;
        const ruleId = data.ruleId;
        if (data.version === document.version) {
          const all = currentFixes.get(diagnosticKey(diagnostic)) ?? [];
          const fixes = inserting ? all.filter((fix) => fix.templateId === undefined) : all;
          for (const fix of fixes) {
            actions.push({
              title: fix.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              isPreferred: fix.safe && fixes.length === 1,
              edit: workspaceEdit(uri, document.version, fix.edits),
            });
          }
        }
        const line = Math.min(diagnostic.range.start.line, document.lineCount - 1);
        const lineKey = `line:${ruleId}:${line}`;
        if (!seen.has(lineKey)) {
          seen.add(lineKey);
          const disable = disableForLineEdit(document, line, ruleId);
          if (disable) {
            actions.push({
              title: disable.title,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              edit: workspaceEdit(uri, document.version, disable.edits),
            });
          }
        }
        if (!seen.has(`file:${ruleId}`)) {
          seen.add(`file:${ruleId}`);
          const edit = disableFileEdit(document, ruleId);
          if (edit) {
            docActions.push({
              title: `Disable ${ruleId} in this file`,
              kind: CodeActionKind.QuickFix,
              diagnostics: [diagnostic],
              edit: workspaceEdit(uri, document.version, [edit]),
            });
          }
          if (isKnownRule(ruleId)) docActions.push({
            title: `Show documentation for ${ruleId}`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            command: initOptions.ruleDocsCommand
              ? { title: `Show documentation for ${ruleId}`, command: initOptions.ruleDocsCommand, arguments: [ruleId, engine.ruleDocsUrl(ruleId)] }
              : { title: `Show documentation for ${ruleId}`, command: COMMANDS.showRuleDocs, arguments: [ruleId] },
          });
        }
      }
      actions.push(...docActions);
    }

    if (only?.some((k) => FIX_ALL_KIND === k || FIX_ALL_KIND.startsWith(`${k}.`))) {
      // Refused when the diagnostics the client holds were computed for another version.
      if (!stale) {
        const analysis = await analysisFor(document, token);
        if (token.isCancellationRequested) return null;
        const current = documents.get(uri);
        if (analysis && isCurrent(analysis, current)) {
          const { edits } = fixAllEdits(analysis, current);
          if (edits.length > 0) {
            actions.push({
              title: 'Fix all safe Partnerlint problems',
              kind: FIX_ALL_KIND,
              edit: workspaceEdit(uri, analysis.version, edits),
            });
          }
        }
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
    if (!result || !result.isPlan || token.isCancellationRequested) return [];
    const command = initOptions.readinessCommand ?? COMMANDS.readinessReport;
    const lenses: CodeLens[] = [];
    const titleRange = spanToRange(result.title);
    const lensRange: Range = { start: { line: titleRange.start.line, character: 0 }, end: { line: titleRange.start.line, character: 0 } };
    if (result.readiness || result.kind) lenses.push({ range: lensRange, command: { title: engine.titleSummary(result), command, arguments: [document.uri] } });
    for (const section of result.sections) {
      const total = section.present.length + section.missing.length;
      let title = total > 0 ? `${section.label} ${section.present.length}/${total}` : section.label;
      if (section.coveredIn) title += ` · covered in ${section.coveredIn}`;
      else if (section.missing.length > 0) title += ` · missing ${section.missing.join(', ')}`;
      const line = Math.max(0, section.line - 1);
      lenses.push({
        range: { start: { line, character: 0 }, end: { line, character: 0 } },
        command: { title, command, arguments: [document.uri, section.topic] },
      });
    }
    // Topics only a linked page covers: on the link, opening the page when the editor can show documents.
    for (const covered of result.coveredElsewhere ?? []) {
      if (result.sections.some((s) => s.topic === covered.topic)) continue;
      const title = `${covered.label} · covered in ${covered.file}`;
      const line = Math.max(0, covered.line - 1);
      lenses.push({
        range: { start: { line, character: 0 }, end: { line, character: 0 } },
        command:
          support.showDocument && covered.resolved
            ? { title, command: COMMANDS.openLinked, arguments: [covered.resolved] }
            : { title, command, arguments: [document.uri, covered.topic] },
      });
    }
    return lenses;
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
    const position = clampPosition(current, params.position);
    const parts: string[] = [];
    let range: Range | undefined;
    const rules = new Map(engine.listRules().map((rule) => [rule.id, rule]));

    for (const finding of result.findings) {
      const findingRange = spanToRange(finding);
      if (!rangeContains(findingRange, position)) continue;
      range ??= findingRange;
      const rule = rules.get(finding.ruleId);
      const lines = [`**${finding.ruleId}** (${finding.severity})${rule ? `: ${rule.description}` : ''}`, '', escapeMarkdown(finding.message)];
      if (finding.fixes && finding.fixes.length > 0) {
        lines.push('', 'Fixes:', ...finding.fixes.map((fix) => `- ${fix.title}${fix.safe ? '' : ' (editor only)'}`));
      }
      lines.push('', `[Documentation for ${finding.ruleId}](${engine.ruleDocsUrl(finding.ruleId)})`);
      parts.push(lines.join('\n'));
    }

    for (const note of result.benchmarks) {
      const noteRange = spanToRange(note);
      if (!rangeContains(noteRange, position)) continue;
      range ??= noteRange;
      const verdict = note.inBand ? 'in line with the benchmark' : 'outside the benchmark band';
      parts.push(`**${escapeMarkdown(note.text)}**: ${note.subject}\n\nBenchmark: ${note.band.label}. This figure is ${verdict}.`);
    }

    for (const covered of result.coveredElsewhere ?? []) {
      const coveredRange = spanToRange(covered);
      if (!rangeContains(coveredRange, position)) continue;
      range ??= coveredRange;
      parts.push(`**${covered.label}** · covered in ${covered.resolved ? `[${covered.file}](${covered.resolved})` : covered.file}`);
    }

    const titleLine = result.title.line - 1;
    if (result.readiness && position.line === titleLine) {
      const readiness = result.readiness;
      const lines = [`**Readiness ${readiness.score}/100**`, ''];
      lines.push(...readiness.breakdown.map((entry) => `- ${entry}`));
      lines.push('', '| Precondition | Evidence | Why |', '|---|---|---|');
      for (const [key, detail] of Object.entries(readiness.details) as Array<[PreconditionKey, (typeof readiness.details)[PreconditionKey]]>) {
        const lineNumbers = [...new Set(detail.evidence.map((e) => e.line))];
        const where = lineNumbers.length > 0 ? ` (line${lineNumbers.length > 1 ? 's' : ''} ${lineNumbers.join(', ')})` : '';
        lines.push(`| ${preconditionLabel(key)} | ${detail.met ? 'yes' : 'no'}${where} | ${detail.reason.replace(/\|/g, '\\|')} |`);
      }
      parts.push(lines.join('\n'));
      range ??= spanToRange(result.title);
    } else if (result.isPlan && result.kind && position.line === titleLine) {
      // A partner guide or a policy page: its kind and findings; readiness is for plans.
      parts.push(`**${engine.titleSummary(result)}**\n\nReadiness is scored for plans only; this document reads as a ${result.kind === 'guide' ? 'partner guide' : 'program policy page'}.`);
      range ??= spanToRange(result.title);
    }

    if (parts.length === 0) return null;
    const value = parts.join('\n\n---\n\n');
    return {
      contents: support.markdownHover ? { kind: MarkupKind.Markdown, value } : { kind: MarkupKind.PlainText, value },
      range,
    };
  });

  // ---------------------------------------------------------------- completion

  connection.onCompletion(async (params, token): Promise<CompletionItem[]> => {
    const document = lintable(params.textDocument.uri);
    if (!document) return [];
    const position = clampPosition(document, params.position);
    const line = lineText(document, position.line);
    const heading = HEADING_LINE.exec(line);
    if (!heading || position.character < heading[1].length) return [];
    const level = heading[1].length;
    const typed = (heading[2] ?? '').trim().toLowerCase();
    if (token.isCancellationRequested) return [];
    const replace: Range = { start: { line: position.line, character: 0 }, end: { line: position.line, character: line.length } };
    // Sections at any level; whole-plan templates only as the title of an otherwise empty document.
    const emptyDocument = document.getText().trim() === line.trim();
    // A section template is offered only for a section the document lacks.
    const analysis = emptyDocument ? undefined : await completeAnalysisFor(document, token, { urgent: true, sameText: true });
    // The heading being typed is not a section the document already has.
    const has = (analysis?.result?.topics ?? []).filter((t) => t.line !== position.line + 1).map((t) => t.topic);
    const available = analysis?.result?.isPlan ? engine.templatesMissingFrom(has) : engine.templates;
    const offered = available.filter((t) => (t.wholePlan ? level === 1 && emptyDocument : true));
    const items: CompletionItem[] = [];
    for (const template of offered) {
      const preview = engine.renderTemplate(template.id, { format: 'text', headingLevel: level });
      if (!/^#{1,6} /.test(preview)) continue; // a line to add to a section, not a section
      const newText = support.snippets
        ? engine.renderTemplate(template.id, { format: 'snippet', headingLevel: level })
        : preview;
      const preferred = typed !== '' && template.title.toLowerCase().startsWith(typed);
      items.push({
        label: template.title,
        kind: CompletionItemKind.Snippet,
        detail: template.description,
        documentation: { kind: MarkupKind.Markdown, value: preview },
        filterText: `${heading[1]} ${template.title}`,
        sortText: `${preferred ? 0 : 1}${template.title}`,
        preselect: preferred || undefined,
        insertTextFormat: support.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        textEdit: { range: replace, newText },
        data: { templateId: template.id },
      });
    }
    return items;
  });

  // ---------------------------------------------------------------- commands

  /**
   * True when a command may read `uri` from disk: a markdown file inside a workspace folder,
   * by its path and by its real path (a link inside a folder may point anywhere).
   */
  async function readableClosedFile(uri: string): Promise<boolean> {
    const file = uriToPath(uri);
    if (!file || !MARKDOWN_EXT.test(file) || !workspaceFolderOf(file)) return false;
    try {
      const real = await fs.realpath(file);
      for (const folder of workspaceFolders) {
        const root = uriToPath(folder.uri);
        if (root && isInside(real, await fs.realpath(root).catch(() => root))) return true;
      }
    } catch {
      // missing or unreadable: nothing to report on
    }
    return false;
  }

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
    if (!documents.get(uri)) states.delete(uri);
    if (size > settings.maxFileSize) {
      return { id: ++analysisCount, version: 0, generation, text: '', settings, result: null, diagnostics: [tooLarge(size, settings.maxFileSize)] };
    }
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
    return analyse(uri, settings, undefined, () => ({ version: 0, text }), true);
  }

  async function insertTemplate(args: unknown[]): Promise<{ applied: boolean; reason?: string }> {
    const [uri, templateId, positionArg] = args as [string, string, Position | undefined];
    const document = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!document) return { applied: false, reason: 'The document is not open.' };
    if (!engine.templates.some((t) => t.id === templateId)) return { applied: false, reason: `Unknown template ${String(templateId)}.` };
    const analysis = await analysisFor(document);
    const level = analysis?.result?.sectionLevel ?? 2;
    const block = engine.renderTemplate(templateId, { format: 'text', headingLevel: level });
    const line = positionArg && typeof positionArg.line === 'number' ? clampPosition(document, positionArg).line : undefined;
    const edit = insertBlockEdit(document, block, line);
    if (!support.applyEdit) return { applied: false, reason: 'The editor cannot apply edits from the server.' };
    const response = await connection.workspace.applyEdit({
      label: `Insert ${templateId} template`,
      edit: workspaceEdit(document.uri, document.version, [edit]),
    });
    return response.applied ? { applied: true } : { applied: false, reason: response.failureReason ?? 'The editor did not apply the edit.' };
  }

  async function fixAllCommand(args: unknown[]): Promise<{ applied: boolean; fixes: number; reason?: string }> {
    const [uri, version] = args as [string, number | undefined];
    const document = typeof uri === 'string' ? lintable(uri) : undefined;
    if (!document) return { applied: false, fixes: 0, reason: 'The document is not open.' };
    if (version !== undefined && version !== null && typeof version !== 'number') {
      return { applied: false, fixes: 0, reason: 'The version argument must be a number.' };
    }
    if (typeof version === 'number' && version !== document.version) {
      return { applied: false, fixes: 0, reason: `The document changed (version ${document.version}, expected ${version}).` };
    }
    const analysis = await analysisFor(document);
    const current = documents.get(document.uri);
    // The edits are computed on the analysed text: refused unless it is the document's text now.
    if (!analysis || !isCurrent(analysis, current)) {
      return { applied: false, fixes: 0, reason: 'The document changed while fixing.' };
    }
    const { edits, fixes } = fixAllEdits(analysis, current);
    if (edits.length === 0) return { applied: false, fixes: 0, reason: 'Nothing to fix.' };
    if (!support.applyEdit) return { applied: false, fixes: 0, reason: 'The editor cannot apply edits from the server.' };
    const response = await connection.workspace.applyEdit({
      label: 'Fix all safe Partnerlint problems',
      edit: workspaceEdit(current.uri, analysis.version, edits),
    });
    return response.applied
      ? { applied: true, fixes }
      : { applied: false, fixes: 0, reason: response.failureReason ?? 'The editor did not apply the edit.' };
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

  async function showRuleDocs(args: unknown[]): Promise<{ url: string; shown: boolean } | null> {
    const ruleId = args[0];
    if (!isKnownRule(ruleId)) return null;
    const url = engine.ruleDocsUrl(ruleId);
    return { url, shown: await show(url) };
  }

  /** The section lens of a topic covered by a linked page opens the page. */
  async function openLinked(args: unknown[]): Promise<{ uri: string; shown: boolean } | null> {
    const uri = args[0];
    if (typeof uri !== 'string' || uri === '') return null;
    return { uri, shown: await show(uri) };
  }

  /**
   * The files "Lint Workspace" lints in a folder: those the engine's file selection
   * (core/selection.ts) includes, as in the CLI's folder walk (node_modules and .git
   * skipped; .gitignore, .partnerlintignore and the config's `ignores` respected).
   */
  async function listMarkdownFiles(
    dir: string,
    token: CancellationToken,
    out: string[],
    reader: SelectionReader,
    parent?: Selection,
  ): Promise<void> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const names = entries.map((e) => e.name);
    const selection = parent ? parent.enter(path.basename(dir), names) : Selection.start(dir, reader, names);
    for (const entry of entries) {
      if (token.isCancellationRequested) return;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (selection.includes(entry.name, true)) await listMarkdownFiles(full, token, out, reader, selection);
      } else if (entry.isFile() && selection.includes(entry.name, false)) {
        out.push(full);
      }
    }
  }

  async function lintWorkspace(
    token: CancellationToken,
    workDoneToken: string | number | undefined,
  ): Promise<{ files: number; plans: number; findings: number; cancelled: boolean }> {
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
    progress?.begin('Partnerlint: linting workspace', 0, 'Finding markdown files', true);
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
    let plans = 0;
    let findings = 0;
    let done = 0;
    for (const file of files) {
      if (combined.isCancellationRequested) break;
      const uri = pathToFileURL(file).href;
      const analysis = await analysisForUri(uri, combined);
      done++;
      progress?.report(Math.round((done / files.length) * 100), `${done}/${files.length} ${path.basename(file)}`);
      if (!analysis) continue;
      if (analysis.result?.isPlan) plans++;
      findings += analysis.result?.findings.length ?? 0;
      if (!documents.get(uri) || !support.pullDiagnostics) {
        const open = documents.get(uri);
        void connection.sendDiagnostics({
          uri,
          version: open ? analysis.version : undefined,
          diagnostics: analysis.diagnostics,
        });
      }
    }
    progress?.done();
    return { files: files.length, plans, findings, cancelled: combined.isCancellationRequested };
  }

  // Registered as a plain request so the client's work-done token reaches lintWorkspace
  // (onExecuteCommand would consume it); without one, lintWorkspace creates its own progress.
  connection.onRequest(ExecuteCommandRequest.type, async (params, token) => {
    const args = params.arguments ?? [];
    switch (params.command) {
      case COMMANDS.insertTemplate:
        return insertTemplate(args);
      case COMMANDS.readinessReport: {
        const uri = args[0];
        if (typeof uri !== 'string') return null;
        // An open document, or a closed markdown file inside the workspace folders: never any other path.
        if (!documents.get(uri) && !(await readableClosedFile(uri))) return null;
        const analysis = await analysisForUri(uri, token);
        if (!analysis?.result || token.isCancellationRequested || (analysis.complete && !(await analysis.complete))) return null;
        const options = (typeof args[1] === 'object' && args[1] !== null ? args[1] : {}) as { format?: unknown; lineCommand?: unknown };
        if (options.format === 'html') {
          // Line references run the client's command (a `command:` link) when it names one.
          const lineCommand = typeof options.lineCommand === 'string' && /^[\w.-]+$/.test(options.lineCommand) ? options.lineCommand : undefined;
          const label = path.basename(uriToPath(uri) ?? uri);
          return engine.readinessReportHtml(analysis.result, label, {
            ...(lineCommand ? { lineLink: (_document, line) => `command:${lineCommand}?${encodeURIComponent(JSON.stringify([uri, line]))}` } : {}),
          });
        }
        if (!analysis.result.isPlan) return `# Readiness\n\nThis document is not a partnership plan: ${analysis.result.detection}\n`;
        return engine.readinessReport(analysis.result);
      }
      case COMMANDS.lintWorkspace:
        return lintWorkspace(token, params.workDoneToken);
      case COMMANDS.showRuleDocs:
        return showRuleDocs(args);
      case COMMANDS.fixAll:
        return fixAllCommand(args);
      case COMMANDS.openLinked:
        return openLinked(args);
      default:
        log(`Partnerlint: unknown command ${params.command}`);
        return null;
    }
  });

  documents.listen(connection);
  return { documents };
}
