/**
 * A small LSP client for protocol tests: spawns `node bin/partnerlint-server.js --stdio`
 * and speaks JSON-RPC to it over the child's stdio. Every wait is on an event
 * (a notification, a response, the process exit), bounded by a generous timeout
 * that only turns a hang into a failure.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowDocumentRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  createProtocolConnection,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SERVER_BIN = path.join(REPO_ROOT, 'bin', 'partnerlint-server.js');

const WAIT_LIMIT_MS = 20_000;

export interface ClientOptions {
  /** Announce pull-diagnostics support (textDocument/diagnostic). */
  pull?: boolean;
  /** Answer `workspace/configuration` (default true). */
  configuration?: boolean;
  /** The `partnerlint` settings the client answers with; read on each request, so tests may change it. */
  settings?: Record<string, unknown>;
  workspaceFolders?: string[];
  showDocument?: boolean;
  workDoneProgress?: boolean;
  snippets?: boolean;
  initializationOptions?: Record<string, unknown>;
}

export interface Waiter<T> {
  predicate: (value: T) => boolean;
  resolve: (value: T) => void;
}

export class LspClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  readonly allDiagnostics: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly shownDocuments: string[] = [];
  readonly progress: unknown[] = [];
  readonly configurationRequests: unknown[] = [];
  readonly registrations: string[] = [];
  settings: Record<string, unknown>;
  initializeResult!: InitializeResult;
  stderr = '';
  private diagnosticWaiters: Array<Waiter<PublishDiagnosticsParams>> = [];
  private readonly exited: Promise<number | null>;
  private readonly texts = new Map<string, TextDocument>();

  private constructor(
    readonly child: ChildProcessWithoutNullStreams | null,
    readonly connection: ProtocolConnection,
    readonly options: ClientOptions,
  ) {
    this.settings = options.settings ?? {};
    this.exited = new Promise((resolve) => child?.on('exit', (code) => resolve(code)));
    child?.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const list = this.diagnostics.get(params.uri) ?? [];
      list.push(params);
      this.diagnostics.set(params.uri, list);
      this.allDiagnostics.push(params);
      this.diagnosticWaiters = this.diagnosticWaiters.filter((waiter) => {
        if (!waiter.predicate(params)) return true;
        waiter.resolve(params);
        return false;
      });
    });
    connection.onNotification(LogMessageNotification.type, (params) => this.logs.push(params.message));
    connection.onRequest(ConfigurationRequest.type, (params) => {
      this.configurationRequests.push(params);
      return params.items.map((item) => (item.section === 'partnerlint' ? this.settings : null));
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.appliedEdits.push(params.edit);
      for (const [uri, edits] of editsByUri(params.edit)) {
        const doc = this.texts.get(uri);
        if (doc) this.texts.set(uri, TextDocument.create(uri, 'markdown', doc.version, TextDocument.applyEdits(doc, edits)));
      }
      return { applied: true };
    });
    connection.onRequest(ShowDocumentRequest.type, (params) => {
      this.shownDocuments.push(params.uri);
      return { success: true };
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => null);
    connection.onRequest(RegistrationRequest.type, (params) => {
      for (const r of params.registrations) this.registrations.push(r.method);
    });
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
  }

  /** Spawns `node bin/partnerlint-server.js --stdio` and initializes it. */
  static async start(options: ClientOptions = {}): Promise<LspClient> {
    const child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { cwd: REPO_ROOT, stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    return LspClient.initialize(new LspClient(child, connection, options), options);
  }

  /**
   * Talks to a server created in this process over in-memory streams (for injecting an engine).
   * `setup` receives the server's reader and writer. Such a client is never sent `exit`
   * (the server library would end this process); `dispose` closes the streams.
   */
  static async inProcess(
    options: ClientOptions,
    setup: (reader: StreamMessageReader, writer: StreamMessageWriter) => void,
  ): Promise<LspClient> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    setup(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    connection.listen();
    const client = new LspClient(null, connection, options);
    client.streams = [toServer, toClient];
    return LspClient.initialize(client, options);
  }

  private streams: PassThrough[] = [];

  private static async initialize(client: LspClient, options: ClientOptions): Promise<LspClient> {
    const capabilities: ClientCapabilities = {
      workspace: {
        configuration: options.configuration ?? true,
        applyEdit: true,
        workspaceEdit: { documentChanges: true },
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceFolders: false,
        codeLens: { refreshSupport: true },
        diagnostics: { refreshSupport: true },
      },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: options.snippets ?? true } },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
          isPreferredSupport: true,
          dataSupport: true,
        },
        codeLens: {},
        ...(options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
      window: { showDocument: { support: options.showDocument ?? true }, workDoneProgress: options.workDoneProgress ?? true },
    };
    const folders = (options.workspaceFolders ?? []).map((folder) => ({ uri: pathToFileURL(folder).href, name: path.basename(folder) }));
    client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      // An in-process server must not watch this process (its watchdog timer would keep the test alive).
      processId: client.child ? process.pid : null,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders.length > 0 ? folders : null,
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** Resolves with the first diagnostics notification (already received or future) matching. */
  waitForDiagnostics(
    uri: string,
    predicate: (params: PublishDiagnosticsParams) => boolean = () => true,
    options: { since?: number } = {},
  ): Promise<PublishDiagnosticsParams> {
    const since = options.since ?? 0;
    const seen = this.allDiagnostics.slice(since).find((p) => p.uri === uri && predicate(p));
    if (seen) return Promise.resolve(seen);
    return this.withLimit(
      new Promise((resolve) => {
        this.diagnosticWaiters.push({ predicate: (p) => p.uri === uri && predicate(p), resolve });
      }),
      `diagnostics for ${uri}`,
    );
  }

  /** Records `$/progress` notifications for a work-done token the test hands to a request. */
  watchProgress(token: string): void {
    this.connection.onProgress(WorkDoneProgress.type, token, (value) => this.progress.push({ token, value }));
  }

  /** Number of diagnostics notifications received so far (a mark for `since`). */
  mark(): number {
    return this.allDiagnostics.length;
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    this.texts.set(uri, TextDocument.create(uri, 'markdown', version, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'markdown', version, text },
    });
  }

  /** Replaces the whole text. */
  async change(uri: string, version: number, text: string): Promise<void> {
    this.texts.set(uri, TextDocument.create(uri, 'markdown', version, text));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  /** Sends incremental edits, as an editor does. */
  async edit(uri: string, version: number, edits: TextEdit[]): Promise<string> {
    const doc = this.texts.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    const next = TextDocument.applyEdits(doc, edits);
    this.texts.set(uri, TextDocument.create(uri, 'markdown', version, next));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
    return next;
  }

  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.texts.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  text(uri: string): string {
    const doc = this.texts.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    return doc.getText();
  }

  version(uri: string): number {
    const doc = this.texts.get(uri);
    if (!doc) throw new Error(`not open: ${uri}`);
    return doc.version;
  }

  async changeConfiguration(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { partnerlint: settings } });
  }

  async watchedFileChanged(file: string, type: 1 | 2 | 3): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(file).href, type }],
    });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.withLimit(this.connection.sendRequest(method, params) as Promise<R>, method);
  }

  /** shutdown + exit; resolves with the server's exit code. */
  async shutdown(): Promise<number | null> {
    await this.withLimit(this.connection.sendRequest(ShutdownRequest.type), 'shutdown');
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.withLimit(this.exited, 'server exit');
    this.connection.dispose();
    return code;
  }

  /** For `after` hooks: never leaves a server behind. */
  async dispose(): Promise<void> {
    if (!this.child) {
      await this.withLimit(this.connection.sendRequest(ShutdownRequest.type), 'shutdown');
      this.connection.dispose();
      for (const stream of this.streams) stream.end();
      return;
    }
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    try {
      await this.shutdown();
    } catch {
      this.child?.kill();
    }
  }

  exitCode(): Promise<number | null> {
    return this.exited;
  }

  private withLimit<T>(promise: Promise<T>, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}\nserver stderr:\n${this.stderr}\nlogs:\n${this.logs.join('\n')}`)), WAIT_LIMIT_MS);
    });
    return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
  }
}

export function editsByUri(edit: WorkspaceEdit): Map<string, TextEdit[]> {
  const out = new Map<string, TextEdit[]>();
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change) out.set(change.textDocument.uri, [...(out.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) out.set(uri, [...(out.get(uri) ?? []), ...edits]);
  return out;
}

/** Applies a workspace edit's edits for one document to its text. */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit): string {
  const edits = editsByUri(edit).get(uri) ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), edits);
}

/** The text a range covers. */
export function textAt(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const doc = TextDocument.create('untitled:x', 'markdown', 0, text);
  return doc.getText(range);
}

export function tempDir(prefix = 'partnerlint-lsp-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes a file under a fresh temp folder and returns its path and URI. */
export function writePlan(dir: string, name: string, text: string): { file: string; uri: string } {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return { file, uri: pathToFileURL(file).href };
}

export function codes(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.map((d) => String(d.code)).sort();
}
