/**
 * The Partnerlint extension for VS Code: starts the bundled language server
 * (dist/server.cjs) over IPC for markdown documents, and adds the commands,
 * the readiness status bar item and the readiness report view. All analysis
 * happens in the server.
 */
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  WorkDoneProgress,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node.js';
import {
  ARCHETYPES,
  CLIENT_COMMANDS,
  READINESS_NOTIFICATION,
  SERVER_COMMANDS,
  STAGES,
  type FixAllResult,
  type LintWorkspaceResult,
  type ReadinessNotification,
  type TemplateInfo,
} from './protocol.js';
import { ReadinessStatus, REPORT_SCHEME, ReportDocuments, ReportViews } from './readiness.js';
import { TemplateSource } from './templates.js';
import { blockPadding, sectionHeadingLevel, withPlanFrontMatter } from './text.js';
import { mark, markLoaded } from './timing.js';

markLoaded();

/** Documents the server lints: markdown files on disk and untitled markdown. */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'markdown' },
];

const CONFIG_FILE_GLOB = '**/.partnerlintrc.{json,yaml,yml}';

/** What `activate` returns: used by the editor tests, handy for other extensions. */
export interface PartnerlintApi {
  /** Resolves once the language server is running. */
  ready: Promise<void>;
  client: LanguageClient;
  readiness: ReadinessStatus;
  templates: TemplateSource;
}

let client: LanguageClient | undefined;

function isLinted(document: vscode.TextDocument): boolean {
  return vscode.languages.match(DOCUMENT_SELECTOR, document) > 0;
}

export function activate(context: vscode.ExtensionContext): PartnerlintApi {
  mark('activate');
  const output = vscode.window.createOutputChannel('Partnerlint');
  context.subscriptions.push(output);

  const serverModule = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.cjs').fsPath;
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  // The client tells the server the settings when it starts and again when the server registers
  // for their changes; the server then drops what it analysed and analyses every document again,
  // the first one included. Until a setting actually changes, those notifications say nothing the
  // server does not know (it asks for each document's settings, and gets the window's at
  // initialize), so they are not sent.
  let settingsChanged = false;
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('partnerlint')) settingsChanged = true;
    }),
  );
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    middleware: {
      workspace: {
        didChangeConfiguration: (sections, next) => (settingsChanged ? next(sections) : Promise.resolve()),
      },
    },
    synchronize: {
      configurationSection: 'partnerlint',
      fileEvents: vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB),
    },
    // The readiness CodeLens opens the report through this extension's command.
    // Rule docs open through this extension too: rendered, in the markdown preview.
    // Read at each (re)start of the server; `settings`: the window's, as the first
    // didChangeConfiguration would have carried them.
    initializationOptions: () => ({
      readinessCommand: CLIENT_COMMANDS.showReadinessReport,
      readinessNotifications: true,
      ruleDocsCommand: CLIENT_COMMANDS.showRuleDocs,
      settings: vscode.workspace.getConfiguration().get('partnerlint'),
    }),
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    diagnosticPullOptions: { onChange: true, onSave: true, onTabs: true },
  };
  const languageClient = new LanguageClient('partnerlint', 'Partnerlint', serverOptions, clientOptions);
  client = languageClient;

  // Declared before anything that talks to the server; the readiness item subscribes once it runs.
  let readiness: ReadinessStatus | undefined;
  const ready = languageClient.start().then(
    () => {
      mark('client ready');
      context.subscriptions.push(
        languageClient.onNotification(READINESS_NOTIFICATION, (params: ReadinessNotification) => readiness?.onServerNotification(params)),
      );
    },
    (error: unknown) => {
      output.appendLine(`The Partnerlint language server did not start: ${error instanceof Error ? error.message : String(error)}`);
      void vscode.window.showErrorMessage('Partnerlint: the language server did not start. See the "Partnerlint" output for details.');
      throw error;
    },
  );
  ready.catch(() => undefined);

  const serverOffers = (command: string): boolean =>
    languageClient.state === State.Running &&
    (languageClient.initializeResult?.capabilities.executeCommandProvider?.commands ?? []).includes(command);

  async function runServerCommand(command: string, args: unknown[], token?: vscode.CancellationToken): Promise<unknown> {
    if (languageClient.state !== State.Running) await ready;
    return languageClient.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }, token);
  }

  const templates = new TemplateSource(vscode.Uri.joinPath(context.extensionUri, 'dist', 'templates.json'), runServerCommand, serverOffers);
  const reports = new ReportDocuments();
  const fetchReport = async (uri: vscode.Uri): Promise<string | undefined> => {
    const markdown = await runServerCommand(SERVER_COMMANDS.readinessReport, [uri.toString()]);
    return typeof markdown === 'string' ? markdown : undefined;
  };
  const reportViews = new ReportViews();
  context.subscriptions.push(reportViews);
  const readinessStatus = new ReadinessStatus(fetchReport, isLinted);
  readiness = readinessStatus;
  context.subscriptions.push(reports, readinessStatus, vscode.workspace.registerFileSystemProvider(REPORT_SCHEME, reports, { isReadonly: true, isCaseSensitive: true }));

  // ------------------------------------------------------------ commands

  async function pickTemplate(templateList: TemplateInfo[]): Promise<TemplateInfo | undefined> {
    const items = templateList.map((t) => ({
      label: t.title,
      description: t.wholePlan ? 'whole plan' : undefined,
      detail: t.description,
      template: t,
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Partnerlint: Insert Template',
      placeHolder: 'Choose a section or plan template to insert at the cursor',
      matchOnDetail: true,
    });
    return picked?.template;
  }

  /** Inserts a template at the cursor as a snippet. Arguments (optional): template id. Returns the inserted template id. */
  async function insertTemplateAtCursor(templateId?: unknown): Promise<string | undefined> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('Partnerlint: open a markdown plan to insert a template.');
      return undefined;
    }
    const list = await templates.list();
    if (list.length === 0) {
      void vscode.window.showErrorMessage('Partnerlint: no templates are available.');
      return undefined;
    }
    const template = typeof templateId === 'string' ? list.find((t) => t.id === templateId) : await pickTemplate(list);
    if (!template) {
      if (typeof templateId === 'string') void vscode.window.showErrorMessage(`Partnerlint: unknown template "${templateId}".`);
      return undefined;
    }
    const document = editor.document;
    const level = template.wholePlan ? 2 : sectionHeadingLevel(document.getText());
    const snippet = await templates.render(template.id, 'snippet', level);
    if (snippet === undefined) return undefined;
    const selection = editor.selection;
    const startLine = document.lineAt(selection.start.line).text;
    const endLine = document.lineAt(selection.end.line).text;
    const previous = selection.start.line > 0 ? document.lineAt(selection.start.line - 1).text : undefined;
    const { before } = blockPadding(startLine, selection.start.character, previous);
    const { after } = blockPadding(endLine, selection.end.character, undefined);
    const inserted = await editor.insertSnippet(
      new vscode.SnippetString(escapeSnippetText(before) + snippet + escapeSnippetText(after)),
      selection,
    );
    return inserted ? template.id : undefined;
  }

  /** Opens a new untitled plan. Arguments (optional): archetype id, stage id. Returns the new document. */
  async function newPlan(archetypeArg?: unknown, stageArg?: unknown): Promise<vscode.TextDocument | undefined> {
    const archetype =
      ARCHETYPES.find((a) => a.id === archetypeArg) ??
      (typeof archetypeArg === 'string'
        ? undefined
        : (
            await vscode.window.showQuickPick(
              ARCHETYPES.map((a) => ({ label: a.label, detail: a.detail, id: a.id })),
              { title: 'Partnerlint: New Partnership Plan (1/2)', placeHolder: 'Which kind of partners is the program for?' },
            )
          )?.id);
    if (!archetype) return undefined;
    const archetypeId = typeof archetype === 'string' ? archetype : archetype.id;
    const stage =
      STAGES.find((s) => s.id === stageArg)?.id ??
      (typeof stageArg === 'string'
        ? undefined
        : (
            await vscode.window.showQuickPick(
              STAGES.map((s) => ({ label: s.label, detail: s.detail, id: s.id })),
              { title: 'Partnerlint: New Partnership Plan (2/2)', placeHolder: 'Which stage is the program in?' },
            )
          )?.id);
    if (!stage) return undefined;

    const list = await templates.list();
    const planTemplate =
      list.find((t) => t.wholePlan && t.id === `plan-${archetypeId}`) ??
      list.find((t) => t.wholePlan && (t.id.includes(archetypeId) || t.title.toLowerCase().includes(archetypeId)));
    const body = planTemplate ? await templates.render(planTemplate.id, 'snippet', 2) : undefined;
    const snippet = withPlanFrontMatter(body ?? '# ${1:Partner program plan}\n\n$0\n', archetypeId, stage);
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await editor.insertSnippet(new vscode.SnippetString(snippet), new vscode.Position(0, 0));
    return document;
  }

  /** Shows the readiness report of a plan. Arguments (optional): plan URI (string or Uri). Returns the report markdown. */
  async function showReadinessReport(uriArg?: unknown): Promise<string | undefined> {
    const uri =
      uriArg instanceof vscode.Uri ? uriArg : typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : vscode.window.activeTextEditor?.document.uri;
    if (!uri || uri.scheme === REPORT_SCHEME) {
      void vscode.window.showInformationMessage('Partnerlint: open a markdown plan to see its readiness report.');
      return undefined;
    }
    let markdown: string | undefined;
    try {
      markdown = await fetchReport(uri);
    } catch (error) {
      void vscode.window.showErrorMessage(`Partnerlint: the readiness report failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    if (markdown === undefined) {
      void vscode.window.showInformationMessage('Partnerlint: no readiness report for this document (it is not open or not markdown).');
      return undefined;
    }
    readinessStatus.onReport(uri, markdown);
    let html: unknown;
    try {
      html = await runServerCommand(SERVER_COMMANDS.readinessReport, [uri.toString(), { format: 'html', lineCommand: CLIENT_COMMANDS.revealLine }]);
    } catch {
      html = undefined; // a server without the HTML page: the markdown preview below
    }
    if (typeof html === 'string') {
      reportViews.show(uri, html);
      return markdown;
    }
    const reportUri = reports.set(uri, markdown);
    try {
      // Locked: a dynamic preview would follow the active editor and replace the report with the plan itself.
      await vscode.commands.executeCommand('markdown.showLockedPreviewToSide', reportUri);
    } catch {
      const document = await vscode.workspace.openTextDocument(reportUri);
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
    return markdown;
  }

  /** Shows a line of a plan (the report's line links). Arguments: plan URI, 1-based line. */
  async function revealLine(uriArg?: unknown, lineArg?: unknown): Promise<void> {
    if (typeof uriArg !== 'string' || typeof lineArg !== 'number' || !Number.isInteger(lineArg) || lineArg < 1) return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uriArg));
    const line = Math.min(lineArg - 1, document.lineCount - 1);
    const position = new vscode.Position(line, 0);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
  }

  /** Opens a rule's documentation rendered, in the markdown preview (a web page in the browser). Arguments: rule id, docs URL. */
  async function showRuleDocs(_ruleId?: unknown, urlArg?: unknown): Promise<vscode.Uri | undefined> {
    if (typeof urlArg !== 'string' || urlArg === '') return undefined;
    const url = vscode.Uri.parse(urlArg);
    if (url.scheme === 'file') await vscode.commands.executeCommand('markdown.showPreview', url);
    else await vscode.env.openExternal(url);
    return url;
  }

  /** Applies every safe fix in the active (or given) plan. Returns the server's result. */
  async function fixAll(uriArg?: unknown): Promise<FixAllResult | undefined> {
    const target =
      uriArg instanceof vscode.Uri ? uriArg.toString() : typeof uriArg === 'string' ? uriArg : vscode.window.activeTextEditor?.document.uri.toString();
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target);
    if (!document || !isLinted(document)) {
      void vscode.window.showInformationMessage('Partnerlint: open a markdown plan to fix it.');
      return undefined;
    }
    const result = (await runServerCommand(SERVER_COMMANDS.fixAll, [document.uri.toString(), document.version])) as FixAllResult | null;
    if (!result) return undefined;
    if (result.applied) {
      void vscode.window.setStatusBarMessage(`Partnerlint: applied ${result.fixes} fix${result.fixes === 1 ? '' : 'es'}`, 4000);
    } else {
      void vscode.window.showInformationMessage(`Partnerlint: ${result.reason ?? 'nothing was fixed.'}`);
    }
    return result;
  }

  /** Lints every markdown file in the workspace, with progress. Returns the counts. */
  async function lintWorkspace(): Promise<LintWorkspaceResult | undefined> {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage('Partnerlint: open a folder to lint its plans.');
      return undefined;
    }
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Partnerlint: linting workspace', cancellable: true },
      async (progress, token) => {
        if (languageClient.state !== State.Running) await ready;
        const workDoneToken = `partnerlint-lint-workspace-${Date.now()}-${Math.random().toString(36).slice(2)}`;
        let reported = 0;
        const listener = languageClient.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
          if (value.kind === 'end') return;
          const percentage = typeof value.percentage === 'number' ? value.percentage : undefined;
          const increment = percentage !== undefined ? Math.max(0, percentage - reported) : undefined;
          if (percentage !== undefined) reported = Math.max(reported, percentage);
          progress.report({ message: value.message, increment });
        });
        try {
          return (await languageClient.sendRequest(
            ExecuteCommandRequest.type,
            { command: SERVER_COMMANDS.lintWorkspace, arguments: [], workDoneToken },
            token,
          )) as LintWorkspaceResult | null;
        } finally {
          listener.dispose();
        }
      },
    );
    if (!result) return undefined;
    const summary = `Partnerlint: ${result.cancelled ? 'stopped after' : 'linted'} ${result.files} markdown file${result.files === 1 ? '' : 's'}: ${result.plans} plan${result.plans === 1 ? '' : 's'}, ${result.findings} finding${result.findings === 1 ? '' : 's'}.`;
    void vscode.window.showInformationMessage(summary, 'Show Problems').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return result;
  }

  context.subscriptions.push(
    vscode.commands.registerCommand(CLIENT_COMMANDS.insertTemplate, insertTemplateAtCursor),
    vscode.commands.registerCommand(CLIENT_COMMANDS.newPlan, newPlan),
    vscode.commands.registerCommand(CLIENT_COMMANDS.showReadinessReport, showReadinessReport),
    vscode.commands.registerCommand(CLIENT_COMMANDS.fixAll, fixAll),
    vscode.commands.registerCommand(CLIENT_COMMANDS.lintWorkspace, lintWorkspace),
    vscode.commands.registerCommand(CLIENT_COMMANDS.revealLine, revealLine),
    vscode.commands.registerCommand(CLIENT_COMMANDS.showRuleDocs, showRuleDocs),
  );

  mark('activated');
  return { ready, client: languageClient, readiness: readinessStatus, templates };
}

/** Text placed around a snippet must not be read as snippet syntax. */
function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

export function deactivate(): Thenable<void> | undefined {
  return client?.stop();
}
