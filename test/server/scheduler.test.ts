/**
 * The analysis scheduling in memory: the documents arrive as the connection delivers them, the
 * analyses run in this thread (InlineAnalyser), and what would go to the client is recorded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationToken, LSPErrorCodes, ResponseError, type Connection, type PublishDiagnosticsParams } from 'vscode-languageserver/node.js';
import { InlineAnalyser, type Analyser, type AnalysisRequest } from '../../server/analysis.js';
import { DocumentStore } from '../../server/document-state.js';
import { defaultEngine } from '../../server/engine.js';
import { createScheduler, type Publisher } from '../../server/scheduler.js';
import { normalizeSettings } from '../../server/settings.js';
import { DEAL_REG_RULES, DEAL_REGISTRATION, OVERVIEW, UNRELATED_NOTE } from '../handbook.js';
import { KICKOFF, RESELLER_PLAN, URI } from './analysed.js';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await delay(5);
  }
}

type Handler = (params: any) => void;

/** The document notifications of a connection: the test sends them as a client would. */
class ClientDocuments {
  private readonly handlers = new Map<string, Handler>();
  readonly versions = new Map<string, number>();

  constructor(store: DocumentStore) {
    const on = (name: string) => (handler: Handler) => {
      this.handlers.set(name, handler);
      return { dispose: () => this.handlers.delete(name) };
    };
    const connection = {
      onDidOpenTextDocument: on('open'),
      onDidChangeTextDocument: on('change'),
      onDidCloseTextDocument: on('close'),
      onWillSaveTextDocument: on('willSave'),
      onWillSaveTextDocumentWaitUntil: on('willSaveWaitUntil'),
      onDidSaveTextDocument: on('save'),
    };
    store.documents.listen(connection as unknown as Connection);
  }

  open(uri: string, text: string): void {
    this.versions.set(uri, 1);
    this.handlers.get('open')!({ textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  /** Replaces the whole text; the version goes up by one. */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    this.handlers.get('change')!({ textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  close(uri: string): void {
    this.handlers.get('close')!({ textDocument: { uri } });
  }
}

/** An analyser that counts its analyses, and can hold each result back for a while (an analysis that takes time). */
class SlowAnalyser implements Analyser {
  readonly analysed: Array<{ uri: string; version: number | undefined }> = [];
  private readonly inline = new InlineAnalyser(defaultEngine);
  constructor(public holdMs = 0) {}

  async analyse(request: AnalysisRequest) {
    this.analysed.push({ uri: request.uri, version: request.current()?.version });
    const outcome = await this.inline.analyse(request);
    if (this.holdMs > 0) await delay(this.holdMs);
    return outcome;
  }
  changed(): void {}
  forget(uri: string): void {
    this.inline.forget(uri);
  }
  dispose(): void {
    this.inline.dispose();
  }
  versionsOf(uri: string): Array<number | undefined> {
    return this.analysed.filter((a) => a.uri === uri).map((a) => a.version);
  }
}

const FOLDER = 'file:///work/handbook';

function setup(options: { pull?: boolean; debounceMs?: number; holdMs?: number } = {}) {
  const analyser = new SlowAnalyser(options.holdMs);
  const store = new DocumentStore(() => undefined);
  const published: PublishDiagnosticsParams[] = [];
  let refreshes = 0;
  const errors: string[] = [];
  const publisher: Publisher = {
    diagnostics: (params) => published.push(params),
    analysed: () => undefined,
    refreshDiagnostics: () => refreshes++,
    refreshCodeLenses: () => undefined,
    error: (message) => errors.push(message),
  };
  const settings = normalizeSettings({ debounceMs: options.debounceMs ?? 20 });
  const scheduler = createScheduler({
    engine: defaultEngine,
    analyser,
    store,
    publisher,
    settingsFor: (uri) => store.settingsFor(uri, async () => settings),
    client: {
      support: { pullDiagnostics: options.pull === true, diagnosticRefresh: true, codeLensRefresh: false },
      fallbackSettings: settings,
      workspaceFolders: [{ uri: FOLDER, name: 'handbook' }],
    },
  });
  // As server.ts wires them.
  const { documents } = store;
  documents.onDidOpen((event) => scheduler.opened(event.document));
  documents.onDidChangeContent((event) => scheduler.changed(event.document));
  documents.onDidSave((event) => scheduler.saved(event.document));
  documents.onDidClose((event) => scheduler.closed(event.document.uri));
  const client = new ClientDocuments(store);
  return {
    scheduler,
    store,
    analyser,
    client,
    errors,
    get refreshes() {
      return refreshes;
    },
    publishedFor: (uri: string) => published.filter((p) => p.uri === uri),
  };
}

const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));

test('edits within the debounce delay are analysed and published once, at the last version', async (t) => {
  const s = setup({ debounceMs: 40 });
  t.after(() => s.scheduler.shutdown());
  s.client.open(URI, RESELLER_PLAN);
  await until('the opened version is published', () => s.publishedFor(URI).length === 1);
  assert.equal(s.publishedFor(URI)[0].version, 1);
  assert.deepEqual(s.analyser.versionsOf(URI), [1], 'opening analyses at once');

  let last = 1;
  for (let i = 0; i < 4; i++) {
    last = s.client.change(URI, `${RESELLER_PLAN}\nEdit ${i}.\n`);
    await delay(5);
  }
  await until('the last version is published', () => s.publishedFor(URI).some((p) => p.version === last));
  await delay(80);
  assert.deepEqual(s.analyser.versionsOf(URI), [1, last], 'one analysis for the four edits');
  assert.deepEqual(s.publishedFor(URI).map((p) => p.version), [1, last]);
  assert.equal(s.store.state(URI).analysis?.version, last);
});

test('a newer version replaces an analysis under way: the older one is never published nor kept', async (t) => {
  const s = setup({ debounceMs: 10, holdMs: 60 });
  t.after(() => s.scheduler.shutdown());
  s.client.open(URI, RESELLER_PLAN);
  await until('the first analysis starts', () => s.analyser.versionsOf(URI).length === 1);
  // Edited while version 1 is being analysed.
  const v2 = s.client.change(URI, KICKOFF);
  await until('version 2 is published', () => s.publishedFor(URI).some((p) => p.version === v2));
  await delay(100);
  assert.ok(s.publishedFor(URI).every((p) => p.version === v2), `published: ${s.publishedFor(URI).map((p) => p.version).join(', ')}`);
  const kept = s.store.state(URI).analysis;
  assert.equal(kept?.version, v2);
  assert.equal(kept?.text, KICKOFF);

  // A request for version 3 is answered with version 4 when the document changed while version 3 was analysed.
  const v3 = s.client.change(URI, RESELLER_PLAN);
  const asked = s.scheduler.analysisFor(s.store.get(URI)!, CancellationToken.None);
  await until('version 3 is being analysed', () => s.analyser.versionsOf(URI).includes(v3));
  const v4 = s.client.change(URI, `${RESELLER_PLAN}\nMore.\n`);
  const answer = await asked;
  assert.equal(answer?.version, v4);
  assert.equal(answer?.text, `${RESELLER_PLAN}\nMore.\n`);
});

test('requests for the same version wait on one analysis; a settings change makes it stale', async (t) => {
  const s = setup({ pull: true });
  t.after(() => s.scheduler.shutdown());
  s.client.open(URI, RESELLER_PLAN);
  const document = s.store.get(URI)!;
  const [a, b] = await Promise.all([s.scheduler.analysisFor(document), s.scheduler.analysisFor(document)]);
  assert.equal(a, b);
  assert.deepEqual(s.analyser.versionsOf(URI), [1]);
  assert.equal(await s.scheduler.analysisFor(document), a, 'kept while current');

  s.scheduler.relintAll();
  assert.equal(s.refreshes, 1, 'the client is asked to pull again');
  const fresh = await s.scheduler.analysisFor(document);
  assert.notEqual(fresh, a);
  assert.equal(fresh?.generation, s.scheduler.generation);
  assert.deepEqual(s.analyser.versionsOf(URI), [1, 1]);
});

test('a pull after an edit waits out the debounce delay, and is refused when another edit came meanwhile', async (t) => {
  const s = setup({ pull: true, debounceMs: 40 });
  t.after(() => s.scheduler.shutdown());
  s.client.open(URI, RESELLER_PLAN);
  const opened = await s.scheduler.pull(URI, undefined, CancellationToken.None);
  assert.equal(opened.kind, 'full');
  assert.deepEqual(s.analyser.versionsOf(URI), [1]);

  s.client.change(URI, KICKOFF);
  const pulled = s.scheduler.pull(URI, undefined, CancellationToken.None);
  await delay(10);
  s.client.change(URI, `${KICKOFF}\nMore.\n`);
  await assert.rejects(pulled, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.ServerCancelled);
  assert.deepEqual(s.analyser.versionsOf(URI), [1], 'the edited versions were not analysed');

  const report = await s.scheduler.pull(URI, undefined, CancellationToken.None);
  assert.equal(report.kind, 'full');
  assert.deepEqual(s.analyser.versionsOf(URI), [1, 3]);
});

test('editing a linked page lints the open documents that link to it again', async (t) => {
  const s = setup({ debounceMs: 10 });
  t.after(() => s.scheduler.shutdown());
  const page = `${FOLDER}/deal-registration.md`;
  const overview = `${FOLDER}/overview.md`;
  const hasDealReg = (p: PublishDiagnosticsParams) => codes(p).some((c) => DEAL_REG_RULES.includes(c));
  s.client.open(page, DEAL_REGISTRATION);
  s.client.open(overview, OVERVIEW);
  await until('the overview is published', () => s.publishedFor(overview).length > 0);
  const first = s.publishedFor(overview)[0];
  assert.ok(!hasDealReg(first), `the open page covers deal registration: ${codes(first).join(', ')}`);

  s.client.change(page, UNRELATED_NOTE);
  await until('the overview is published again', () => s.publishedFor(overview).length > 1);
  const after = s.publishedFor(overview).at(-1)!;
  assert.equal(after.version, 1, 'the overview itself did not change');
  assert.ok(hasDealReg(after), codes(after).join(', '));
  assert.deepEqual(s.analyser.versionsOf(overview), [1, 1]);

  // Closed, the page is read from disk, where there is none: still not covered; a page nobody links to relints nothing.
  const before = s.publishedFor(overview).length;
  s.client.close(page);
  await until('the overview is published after the close', () => s.publishedFor(overview).length > before);
  assert.ok(hasDealReg(s.publishedFor(overview).at(-1)!));
  assert.deepEqual(s.publishedFor(page).at(-1)?.diagnostics, [], 'a closed document is cleared');
  const unrelated = `${FOLDER}/unrelated.md`;
  s.client.open(unrelated, UNRELATED_NOTE);
  s.client.change(unrelated, `${UNRELATED_NOTE}\nMore.\n`);
  await delay(60);
  assert.deepEqual(s.analyser.versionsOf(overview), [1, 1, 1]);
});

test('pull mode: a linked page that changes asks the client to pull the linking documents again', async (t) => {
  const s = setup({ pull: true });
  t.after(() => s.scheduler.shutdown());
  const page = `${FOLDER}/deal-registration.md`;
  const overview = `${FOLDER}/overview.md`;
  s.client.open(page, DEAL_REGISTRATION);
  s.client.open(overview, OVERVIEW);
  await s.scheduler.pull(overview, undefined, CancellationToken.None);
  assert.ok(s.store.state(overview).analysis);
  const refreshes = s.refreshes;
  s.client.change(page, UNRELATED_NOTE);
  assert.equal(s.refreshes, refreshes + 1);
  assert.equal(s.store.state(overview).analysis, undefined, 'the next pull analyses the overview again');
  const report = await s.scheduler.pull(overview, undefined, CancellationToken.None);
  assert.ok(report.kind === 'full' && report.items.some((d) => DEAL_REG_RULES.includes(String(d.code))));
});
