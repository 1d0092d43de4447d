/**
 * The readiness score in the status bar, and the readiness report: the
 * server's HTML page in a webview, or (from a server without it) a read-only
 * markdown document shown in the markdown preview.
 *
 * The score comes from the server's `partnerlint/readiness` notification when
 * the server sends it; otherwise from the readiness report it returns for
 * `partnerlint.readinessReport`, asked again whenever the plan's diagnostics
 * change. A document that is not a plan hides the item.
 */
import * as vscode from 'vscode';
import { CLIENT_COMMANDS, scoreFromReport, type ReadinessNotification } from './protocol.js';

export const REPORT_SCHEME = 'partnerlint-report';

/**
 * Serves report markdown under `partnerlint-report:` URIs as a read-only file
 * system (the markdown preview stats and watches what it shows). The language
 * client only sees file and untitled documents, so reports are never linted.
 */
export class ReportDocuments implements vscode.FileSystemProvider {
  private readonly reports = new Map<string, { bytes: Uint8Array; mtime: number }>();
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly created = Date.now();

  /** Stores a report for a plan and returns the URI it is served under. */
  set(source: vscode.Uri, markdown: string): vscode.Uri {
    const name = source.path.split('/').pop() || 'plan';
    const uri = vscode.Uri.from({
      scheme: REPORT_SCHEME,
      path: `/Readiness report - ${name.replace(/\.(md|markdown)$/i, '')}.md`,
      query: source.toString(),
    });
    const existed = this.reports.has(uri.toString());
    this.reports.set(uri.toString(), { bytes: new TextEncoder().encode(markdown), mtime: Date.now() });
    this.changed.fire([{ type: existed ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
    return uri;
  }

  private entry(uri: vscode.Uri): { bytes: Uint8Array; mtime: number } {
    const entry = this.reports.get(uri.toString());
    if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
    return entry;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/' || uri.path === '') return { type: vscode.FileType.Directory, ctime: this.created, mtime: this.created, size: 0 };
    const entry = this.entry(uri);
    return { type: vscode.FileType.File, ctime: this.created, mtime: entry.mtime, size: entry.bytes.byteLength, permissions: vscode.FilePermission.Readonly };
  }

  readFile(uri: vscode.Uri): Uint8Array {
    return this.entry(uri).bytes;
  }

  readDirectory(): [string, vscode.FileType][] {
    return [];
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * The readiness report page (the server's HTML) in a webview beside the plan, one per plan:
 * no scripts; the only links that act are the report's line links (`partnerlint.revealLine`).
 */
export class ReportViews implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  show(source: vscode.Uri, html: string): vscode.WebviewPanel {
    const key = source.toString();
    let panel = this.panels.get(key);
    if (!panel) {
      const name = (source.path.split('/').pop() || 'plan').replace(/\.(md|markdown)$/i, '');
      panel = vscode.window.createWebviewPanel('partnerlint.readinessReport', `Readiness report - ${name}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: false,
        enableCommandUris: [CLIENT_COMMANDS.revealLine],
        localResourceRoots: [],
      });
      const created = panel;
      created.onDidDispose(() => this.panels.delete(key));
      this.panels.set(key, created);
    } else {
      panel.reveal(vscode.ViewColumn.Beside, true);
    }
    panel.webview.html = html;
    return panel;
  }

  dispose(): void {
    for (const panel of this.panels.values()) panel.dispose();
    this.panels.clear();
  }
}

export type ReadinessFetcher = (uri: vscode.Uri) => Promise<string | undefined>;

interface ScoreEntry {
  version: number | undefined;
  isPlan: boolean;
  score: number | null;
  /** The server's summary for guides and policy pages (they have no score). */
  summary?: string | null;
  kind?: string | null;
}

export class ReadinessStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly scores = new Map<string, ScoreEntry>();
  private readonly disposables: vscode.Disposable[] = [];
  private pushedByServer = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private requestSeq = 0;
  private readonly changed = new vscode.EventEmitter<{ uri: string; score: number | null }>();
  /** Fires when the shown score changes (tests wait on this). */
  readonly onDidChangeScore = this.changed.event;

  constructor(
    private readonly fetchReport: ReadinessFetcher,
    private readonly isLinted: (document: vscode.TextDocument) => boolean,
  ) {
    this.item = vscode.window.createStatusBarItem('partnerlint.readiness', vscode.StatusBarAlignment.Right, 100);
    this.item.name = 'Partnerlint readiness';
    this.item.command = { title: 'Show readiness report', command: CLIENT_COMMANDS.showReadinessReport };
    this.disposables.push(
      this.item,
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((u) => u.toString() === active)) this.scheduleFetch();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.scores.delete(document.uri.toString())),
    );
    this.refresh();
  }

  /** The score shown for a document: a number, null (not a plan), or undefined (not known yet). */
  scoreOf(uri: vscode.Uri): number | null | undefined {
    const entry = this.scores.get(uri.toString());
    return entry === undefined ? undefined : entry.isPlan ? entry.score : null;
  }

  /** Handler for the server's `partnerlint/readiness` notification. */
  onServerNotification(params: ReadinessNotification): void {
    if (!params || typeof params.uri !== 'string') return;
    this.pushedByServer = true;
    this.record(params.uri, {
      version: params.version,
      isPlan: params.isPlan === true,
      score: typeof params.score === 'number' ? params.score : null,
      summary: typeof params.summary === 'string' ? params.summary : null,
      kind: typeof params.kind === 'string' ? params.kind : null,
    });
  }

  /** Called when a report was fetched for any reason (e.g. the report command). */
  onReport(uri: vscode.Uri, markdown: string | undefined): void {
    if (markdown === undefined) return;
    const score = scoreFromReport(markdown);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    this.record(uri.toString(), { version: document?.version, isPlan: score !== null, score });
  }

  private record(uri: string, entry: ScoreEntry): void {
    const before = this.scores.get(uri);
    this.scores.set(uri, entry);
    this.refresh();
    if (!before || before.score !== entry.score || before.isPlan !== entry.isPlan || before.summary !== entry.summary) {
      this.changed.fire({ uri, score: entry.isPlan ? entry.score : null });
    }
  }

  /** Asks the server for the active plan's report a moment after its diagnostics settle. */
  private scheduleFetch(): void {
    if (this.pushedByServer) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.fetchActive();
    }, 250);
  }

  private async fetchActive(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.isLinted(document)) return;
    const seq = ++this.requestSeq;
    const version = document.version;
    let markdown: string | undefined;
    try {
      markdown = await this.fetchReport(document.uri);
    } catch {
      return; // the server is restarting or gone; the item keeps its last state
    }
    if (seq !== this.requestSeq || document.version !== version || markdown === undefined) return;
    this.onReport(document.uri, markdown);
  }

  refresh(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.isLinted(document)) {
      this.item.hide();
      return;
    }
    const entry = this.scores.get(document.uri.toString());
    if (entry === undefined) {
      this.item.hide();
      this.scheduleFetch();
      return;
    }
    if (entry.isPlan && entry.score === null && entry.summary && (entry.kind === 'guide' || entry.kind === 'policy')) {
      // A partner guide or policy page: no readiness score, the kind and its findings instead.
      this.item.text = `$(checklist) ${entry.summary}`;
      this.item.tooltip = new vscode.MarkdownString(`**Partnerlint: ${entry.summary}**\n\nReadiness is scored for plans only. Click for the report.`);
      this.item.backgroundColor = undefined;
      this.item.accessibilityInformation = { label: `Partnerlint: ${entry.summary}`, role: 'button' };
      this.item.show();
      return;
    }
    if (!entry.isPlan || entry.score === null) {
      this.item.hide();
      return;
    }
    const score = entry.score;
    this.item.text = `$(checklist) Readiness ${score}/100`;
    this.item.tooltip = new vscode.MarkdownString(
      `**Partnerlint readiness: ${score}/100**\n\nHow much evidence the plan gives for the six preconditions of a partner program, less red flags. Click for the full report.`,
    );
    this.item.backgroundColor = score < 50 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = { label: `Partnerlint readiness ${score} out of 100`, role: 'button' };
    this.item.show();
  }

  /** The status bar item's current text, or undefined when hidden (for tests). */
  get shownText(): string | undefined {
    const document = vscode.window.activeTextEditor?.document;
    if (!document) return undefined;
    const entry = this.scores.get(document.uri.toString());
    return entry?.isPlan && (entry.score !== null || !!entry.summary) ? this.item.text : undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
