/**
 * Helpers for the editor tests: they wait on editor events with a deadline,
 * never on fixed sleeps.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'partnerlint.partnerlint';
export const TIMEOUT_MS = Number(process.env.PARTNERLINT_EDITOR_TIMEOUT_MS) || 30_000;

export const CLIENT_COMMANDS = {
  insertTemplate: 'partnerlint.insertTemplateAtCursor',
  newPlan: 'partnerlint.newPlan',
  showReadinessReport: 'partnerlint.showReadinessReport',
  fixAll: 'partnerlint.fixAllInDocument',
  lintWorkspace: 'partnerlint.lintAllPlans',
} as const;

/** The public API the extension returns from activate() (kept structural: the tests do not import the bundle). */
export interface ExtensionApi {
  ready: Promise<void>;
  readiness: {
    scoreOf(uri: vscode.Uri): number | null | undefined;
    onDidChangeScore: vscode.Event<{ uri: string; score: number | null }>;
    shownText: string | undefined;
  };
}

/** Folder with the fixture plans: the opened workspace folder when it holds them, else test/editor/fixtures/workspace. */
export function fixturesFolder(): string {
  const fromEnv = process.env.PARTNERLINT_EDITOR_FIXTURES;
  if (fromEnv) return fromEnv;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme === 'file' && fs.existsSync(path.join(folder.uri.fsPath, 'reseller-plan.md'))) return folder.uri.fsPath;
  }
  // out/test-editor/suite -> repository root
  return path.join(__dirname, '..', '..', '..', 'test', 'editor', 'fixtures', 'workspace');
}

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(fixturesFolder(), name));
}

export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(fixturesFolder(), name), 'utf8');
}

/** Rule id carried by a diagnostic (`code` is a string, or `{ value, target }` when the rule has a docs link). */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (typeof code === 'string') return code;
  if (typeof code === 'object' && code !== null && typeof code.value === 'string') return code.value;
  return undefined;
}

export function partnerlintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'partnerlint');
}

function describe(diagnostics: vscode.Diagnostic[]): string {
  return diagnostics.length === 0
    ? '(none)'
    : diagnostics.map((d) => `${ruleOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`).join(', ');
}

/**
 * Resolves with the document's Partnerlint diagnostics once `predicate` holds,
 * checking now and after each diagnostics change of that document.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let done = false;
    const finish = (action: () => void) => {
      if (done) return;
      done = true;
      subscription.dispose();
      clearTimeout(timer);
      action();
    };
    const check = () => {
      const diagnostics = partnerlintDiagnostics(uri);
      if (predicate(diagnostics)) finish(() => resolve(diagnostics));
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what} on ${uri.toString()}; diagnostics now: ${describe(partnerlintDiagnostics(uri))}`)),
        ),
      timeoutMs,
    );
    check();
  });
}

export const hasRule = (rule: string) => (diagnostics: vscode.Diagnostic[]) => diagnostics.some((d) => ruleOf(d) === rule);
export const lacksRule = (rule: string) => (diagnostics: vscode.Diagnostic[]) => diagnostics.length > 0 && !diagnostics.some((d) => ruleOf(d) === rule);

/** Resolves when `event` fires a value satisfying `predicate` (or it already holds), else rejects after the deadline. */
export function waitForEvent<T>(
  event: vscode.Event<T>,
  holds: () => boolean,
  what: string,
  timeoutMs = TIMEOUT_MS,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (holds()) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const subscription = event(() => {
      if (!holds()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

export async function openUntitledMarkdown(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  return vscode.window.showTextDocument(document);
}

export async function showFile(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/** The readiness lens on a plan's title (`Readiness N/100 · ...`) and its score. */
export async function readinessLens(uri: vscode.Uri): Promise<{ lens: vscode.CodeLens; score: number } | undefined> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
  for (const lens of lenses) {
    const match = /^Readiness (\d{1,3})\/100\b/.exec(lens.command?.title ?? '');
    if (match) return { lens, score: Number(match[1]) };
  }
  return undefined;
}

export function scoreInReport(markdown: string): number {
  const match = /\*\*Score: (\d{1,3})\/100\*\*/.exec(markdown);
  assert.ok(match, `the report states the score:\n${markdown.slice(0, 400)}`);
  return Number(match[1]);
}

/** Restores a `partnerlint.*` user setting after a test changed it. */
export async function setUserSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('partnerlint').update(key, value, vscode.ConfigurationTarget.Global);
}
