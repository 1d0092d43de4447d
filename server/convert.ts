/**
 * Translation between the engine's shapes (1-based lines, UTF-16 columns,
 * document offsets) and LSP's (0-based positions, UTF-16 characters).
 * No analysis here: only coordinates and presentation.
 */
import {
  DiagnosticSeverity,
  type Diagnostic,
  type Position,
  type Range,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix, Severity, Span } from '../lib/index.js';

export const SOURCE = 'partnerlint';

/** What rides in `Diagnostic.data`: the fixes, already as LSP edits, and the version they apply to. */
export interface DiagnosticData {
  /** Document version the diagnostic (and its fix edits) was computed for. */
  version: number;
  ruleId: string;
  fixes: FixData[];
}

export interface FixData {
  title: string;
  safe: boolean;
  templateId?: string;
  edits: LspTextEdit[];
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.version === 'number' && typeof v.ruleId === 'string' && Array.isArray(v.fixes);
}

export function toSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    default:
      return DiagnosticSeverity.Information;
  }
}

/** A 1-based, UTF-16 span as an LSP range (0-based); never negative. */
export function spanToRange(span: Pick<Span, 'line' | 'column' | 'endLine' | 'endColumn'>): Range {
  const start: Position = { line: Math.max(0, span.line - 1), character: Math.max(0, span.column - 1) };
  let end: Position = { line: Math.max(0, span.endLine - 1), character: Math.max(0, span.endColumn - 1) };
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) end = start;
  return { start, end };
}

export function fixToData(document: TextDocument, fix: Fix): FixData {
  const data: FixData = {
    title: fix.title,
    safe: fix.safe,
    edits: fix.edits.map((edit) => ({
      range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) },
      newText: edit.newText,
    })),
  };
  if (fix.templateId !== undefined) data.templateId = fix.templateId;
  return data;
}

export function findingToDiagnostic(
  document: TextDocument,
  finding: Finding,
  docsUrl: (ruleId: string) => string,
): Diagnostic {
  const data: DiagnosticData = {
    version: document.version,
    ruleId: finding.ruleId,
    fixes: (finding.fixes ?? []).map((fix) => fixToData(document, fix)),
  };
  return {
    range: spanToRange(finding),
    severity: toSeverity(finding.severity),
    code: finding.ruleId,
    codeDescription: { href: docsUrl(finding.ruleId) },
    source: SOURCE,
    message: finding.message,
    data,
  };
}

export function rangeContains(range: Range, position: Position): boolean {
  if (position.line < range.start.line || position.line > range.end.line) return false;
  if (position.line === range.start.line && position.character < range.start.character) return false;
  if (position.line === range.end.line && position.character > range.end.character) return false;
  return true;
}

/** Clamps a client position to the document (out-of-range lines and characters are tolerated). */
export function clampPosition(document: TextDocument, position: Position): Position {
  return document.positionAt(document.offsetAt(position));
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} bytes`;
}
