/**
 * Code actions: a finding's own fixes, one "Insert N missing sections" entry for the title's
 * gaps, disabling a rule for a line or the file, the rule's documentation, and fix-all.
 * Menu titles name a rule in plain words (its title), never by its id.
 * Pure: from the document, its analysis and the client's support to LSP data.
 */
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, RuleInfo } from '../../lib/index.js';
import { SOURCE, isDiagnosticData, type DiagnosticData } from '../convert.js';
import type { Analysis } from '../document-state.js';
import { disableFileEdit, disableForLineEdit, toLspEdits, workspaceEdit } from '../edits.js';
import type { Engine } from '../engine.js';
import { COMMANDS } from './commands.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.partnerlint`;

export const FIX_ALL_TITLE = 'Fix all safe Partnerlint problems';

export type CodeActionEngine = Pick<Engine, 'insertMissingSectionsFix' | 'ruleDocsUrl' | 'listRules' | 'safeFixEdits'>;

export interface CodeActionOptions {
  engine: CodeActionEngine;
  /** The client takes versioned `documentChanges`. */
  documentChanges: boolean;
  /** The client's own command for "Show documentation" (`initializationOptions.ruleDocsCommand`). */
  ruleDocsCommand?: string;
}

/** A rule in plain words, for menus: its title, quoted. The id when the engine does not know the rule. */
export function ruleName(ruleId: string, rule: Pick<RuleInfo, 'title'> | undefined): string {
  const title = rule?.title.trim();
  return title ? `“${title}”` : ruleId;
}

/** True when the client asks for actions of `kind` (all kinds when `only` is absent). */
export function wantsKind(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
}

/** The diagnostics the client sent that are Partnerlint's, with the data they carry. */
export function ourDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.source === SOURCE && isDiagnosticData(d.data));
}

const dataOf = (d: Diagnostic) => d.data as DiagnosticData;

/** Some of the diagnostics were computed for the document's current version: their fixes need its analysis. */
export function someCurrent(document: TextDocument, ours: readonly Diagnostic[]): boolean {
  return ours.some((d) => dataOf(d).version === document.version);
}

/** Some of the diagnostics were computed for another version: fix-all is refused. */
export function someStale(document: TextDocument, ours: readonly Diagnostic[]): boolean {
  return ours.some((d) => dataOf(d).version !== document.version);
}

/** What identifies a diagnostic the client sends back: where, which rule, what it says. */
function diagnosticKey(d: Diagnostic): string {
  return JSON.stringify([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.code, d.message]);
}

/**
 * The quick fixes of the diagnostics the client sent (`ours`), on the document as it is. Fix
 * edits come from `analysis`, the analysis of the current text (undefined when there is none),
 * for the diagnostics it has too: a client may repeat a version number with another text.
 */
export function quickFixes(document: TextDocument, ours: readonly Diagnostic[], analysis: Analysis | undefined, options: CodeActionOptions): CodeAction[] {
  const { engine } = options;
  const uri = document.uri;
  const edit = (edits: Parameters<typeof workspaceEdit>[2]) => workspaceEdit(uri, document.version, edits, options.documentChanges);
  const actions: CodeAction[] = [];
  const currentFixes = new Map<string, DiagnosticData['fixes']>();
  const currentFindings = new Map<string, Finding>();
  analysis?.diagnostics.forEach((d, i) => {
    if (!isDiagnosticData(d.data)) return;
    currentFixes.set(diagnosticKey(d), d.data.fixes);
    const finding = analysis.result?.findings[i];
    if (finding) currentFindings.set(diagnosticKey(d), finding);
  });
  // Several missing sections at once (the title's findings): one entry inserts them all, in place of one per section.
  const inserting = analysis
    ? engine.insertMissingSectionsFix(analysis.text, ours.flatMap((d) => currentFindings.get(diagnosticKey(d)) ?? []))
    : undefined;
  if (inserting) {
    const withInserts = ours.filter((d) => currentFixes.get(diagnosticKey(d))?.some((fix) => fix.templateId !== undefined));
    actions.push({ title: inserting.title, kind: CodeActionKind.QuickFix, diagnostics: withInserts, edit: edit(toLspEdits(document, inserting.edits)) });
  }
  const rules = new Map(engine.listRules().map((rule) => [rule.id, rule]));
  const seen = new Set<string>();
  const docActions: CodeAction[] = [];
  for (const diagnostic of ours) {
    const { ruleId, version } = dataOf(diagnostic);
    const name = ruleName(ruleId, rules.get(ruleId));
    if (version === document.version) {
      const all = currentFixes.get(diagnosticKey(diagnostic)) ?? [];
      const fixes = inserting ? all.filter((fix) => fix.templateId === undefined) : all;
      for (const fix of fixes) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.safe && fixes.length === 1, edit: edit(fix.edits) });
      }
    }
    const line = Math.min(diagnostic.range.start.line, document.lineCount - 1);
    const lineKey = `line:${ruleId}:${line}`;
    if (!seen.has(lineKey)) {
      seen.add(lineKey);
      const disable = disableForLineEdit(document, line, ruleId);
      if (disable) {
        actions.push({ title: `Disable ${name} for this ${disable.scope}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(disable.edits) });
      }
    }
    if (seen.has(`file:${ruleId}`)) continue;
    seen.add(`file:${ruleId}`);
    const fileEdit = disableFileEdit(document, ruleId);
    if (fileEdit) {
      docActions.push({ title: `Disable ${name} in this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit([fileEdit]) });
    }
    if (rules.has(ruleId)) {
      const title = `Show documentation for ${name}`;
      docActions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: options.ruleDocsCommand
          ? { title, command: options.ruleDocsCommand, arguments: [ruleId, engine.ruleDocsUrl(ruleId)] }
          : { title, command: COMMANDS.showRuleDocs, arguments: [ruleId] },
      });
    }
  }
  actions.push(...docActions);
  return actions;
}

/** Edits of every safe fix of the analysis (the engine picks non-overlapping ones), on the document it was computed for. */
export function fixAllEdits(analysis: Analysis, document: TextDocument, engine: Pick<Engine, 'safeFixEdits'>): { edits: ReturnType<typeof toLspEdits>; fixes: number } {
  if (!analysis.result) return { edits: [], fixes: 0 };
  const { edits, fixes } = engine.safeFixEdits(analysis.text, analysis.result.findings);
  return { edits: toLspEdits(document, edits), fixes };
}

/** The fix-all action of the analysis of the document's current text; undefined when nothing is safe to fix. */
export function fixAllAction(document: TextDocument, analysis: Analysis, options: CodeActionOptions): CodeAction | undefined {
  const { edits } = fixAllEdits(analysis, document, options.engine);
  if (edits.length === 0) return undefined;
  return { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: workspaceEdit(document.uri, analysis.version, edits, options.documentChanges) };
}
