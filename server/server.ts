/**
 * The Partnerlint language server: the wiring. It registers the handlers, passes documents to
 * the engine (`lib/index.ts`) through the scheduler (scheduler.ts: when each document is
 * analysed, the debounce, pushing and pulling diagnostics, linked pages), keeps what it knows
 * of each document (document-state.ts), and answers each request with a provider (providers/):
 * diagnostics, code actions, code lens, hover, completion, commands and workspace lint.
 * Settings are resolved per document and cached per document only.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ExecuteCommandRequest,
  FileChangeType,
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
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileSelectionReader } from '../lib/index.js';
import { defaultEngine, type Engine, type ResolvedDocumentConfig } from './engine.js';
import { InlineAnalyser, WorkerAnalyser, type Analyser } from './analysis.js';
import { clampPosition } from './convert.js';
import { workspaceEdit } from './edits.js';
import { normalizeSettings, settingsProblems, type PartnerlintSettings } from './settings.js';
import { readSupport, type ClientSupport, type InitializationOptions } from './client-support.js';
import { DocumentStore, isCurrent, type Analysis } from './document-state.js';
import { createScheduler } from './scheduler.js';
import { listMarkdownFiles, readableClosedFile, uriToPath } from './workspace-files.js';
import { configProblemDiagnostics, readinessNotification } from './providers/diagnostics.js';
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

  const log = (message: string) => connection.console.log(message);
  const logOnce = (key: string, message: string) => {
    if (loggedOnce.has(key)) return;
    loggedOnce.add(key);
    connection.console.error(message);
  };

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

  // ---------------------------------------------------------------- analysis scheduling

  const scheduler = createScheduler({
    engine,
    analyser,
    store,
    settingsFor,
    configResolved: publishConfigProblems,
    collectAfterFirstResults: analyser !== inline,
    client: {
      get support() {
        return support;
      },
      get fallbackSettings() {
        return fallbackSettings;
      },
      get workspaceFolders() {
        return workspaceFolders;
      },
    },
    publisher: {
      diagnostics: (params) => void connection.sendDiagnostics(params),
      // The document's readiness, kind and one-line summary as data, for clients that asked for them.
      analysed: (uri, analysis) => {
        if (initOptions.readinessNotifications) void connection.sendNotification('partnerlint/readiness', readinessNotification(uri, analysis, engine.titleSummary));
      },
      refreshDiagnostics: () => void connection.languages.diagnostics.refresh(),
      refreshCodeLenses: () => void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined),
      error: (message) => connection.console.error(message),
    },
  });
  const { lintable, analysisFor, completeAnalysisFor, analysisForUri } = scheduler;

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

  connection.onShutdown(() => scheduler.shutdown());

  // ---------------------------------------------------------------- documents

  documents.onDidOpen((event) => scheduler.opened(event.document));
  documents.onDidChangeContent((event) => scheduler.changed(event.document));
  documents.onDidSave((event) => scheduler.saved(event.document));
  documents.onDidClose((event) => scheduler.closed(event.document.uri));

  connection.onDidChangeConfiguration((params) => {
    const raw = (params.settings as Record<string, unknown> | null | undefined)?.partnerlint;
    if (raw !== undefined) fallbackSettings = readSettings(raw);
    store.dropSettings();
    scheduler.relintAll();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const names = new Set<string>(engine.CONFIG_FILE_NAMES);
    let configChanged = false;
    for (const change of params.changes) {
      // A markdown page changed on disk: the open documents that link to it are linted again.
      scheduler.pageChangedOnDisk(change.uri);
      const file = uriToPath(change.uri);
      if (!file || !names.has(path.basename(file))) continue;
      configChanged = true;
      if (change.type === FileChangeType.Deleted && configDiagnostics.has(change.uri)) {
        configDiagnostics.delete(change.uri);
        void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
      }
    }
    if (configChanged) scheduler.relintAll();
  });

  // ---------------------------------------------------------------- pull diagnostics

  connection.languages.diagnostics.on((params, token): Promise<DocumentDiagnosticReport> => scheduler.pull(params.textDocument.uri, params.previousResultId, token));

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
