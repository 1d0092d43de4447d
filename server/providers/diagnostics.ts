/**
 * Diagnostics: a document's findings, the notes saying it was not analysed, the problems of a
 * config file, the pull report and the readiness notification. Pure: from an analysis to LSP data.
 */
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigProblem, LintResult } from '../../lib/index.js';
import { SOURCE, findingToDiagnostic, formatBytes } from '../convert.js';
import type { Analysis } from '../document-state.js';

/** An information note on the first character of the document. */
function documentNote(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, source: SOURCE, message };
}

/**
 * The diagnostics of a result, on the document it was computed for: one per finding, and a note
 * when the engine skipped the document (`limited`: the not-analysed finding already says so).
 */
export function resultDiagnostics(document: TextDocument, result: LintResult, limited: boolean, docsUrl: (ruleId: string) => string): Diagnostic[] {
  const diagnostics = result.findings.map((finding) => findingToDiagnostic(document, finding, docsUrl));
  if (result.skipped && !limited) diagnostics.push(documentNote(`Partnerlint did not analyse this document: ${result.skipped}`));
  return diagnostics;
}

/** The note on a document over the size limit. */
export function tooLargeDiagnostic(size: number, limit: number, source = 'setting partnerlint.maxFileSize'): Diagnostic {
  return documentNote(`Partnerlint did not analyse this document: it is ${formatBytes(size)}, over the ${formatBytes(limit)} limit (${source}).`);
}

/** A config file's problems as errors, each from the offending key to the end of its line (`lines`: the file's lines, empty when unreadable). */
export function configProblemDiagnostics(problems: readonly ConfigProblem[], lines: readonly string[]): Diagnostic[] {
  return problems.map((problem) => {
    const line = Math.max(0, (problem.line ?? 1) - 1);
    const character = Math.max(0, (problem.column ?? 1) - 1);
    // The first line when the position is unknown.
    const endCharacter = Math.max(character, (lines[line] ?? '').length);
    return {
      range: { start: { line, character }, end: { line, character: endCharacter } },
      severity: 1,
      source: SOURCE,
      message: problem.keyPath ? `${problem.keyPath}: ${problem.message}` : problem.message,
    };
  });
}

/** The pull-diagnostics answer: `unchanged` when the client already holds this analysis's diagnostics. */
export function diagnosticReport(analysis: Analysis, previousResultId: string | undefined): DocumentDiagnosticReport {
  const resultId = `${analysis.version}:${analysis.generation}:${analysis.id}`;
  if (previousResultId === resultId) return { kind: 'unchanged', resultId };
  return { kind: 'full', resultId, items: analysis.diagnostics };
}

/** `partnerlint/readiness`: the document's readiness, kind and one-line summary as data. */
export interface ReadinessNotification {
  uri: string;
  version: number;
  isPlan: boolean;
  kind: LintResult['kind'] | null;
  score: number | null;
  summary: string | null;
}

export function readinessNotification(uri: string, analysis: Analysis, titleSummary: (result: LintResult) => string): ReadinessNotification {
  const r = analysis.result;
  return {
    uri,
    version: analysis.version,
    isPlan: !!r?.isPlan,
    kind: r?.kind ?? null,
    score: r?.readiness?.score ?? null,
    summary: r?.isPlan ? titleSummary(r) : null,
  };
}
