/**
 * Code lenses: the readiness summary on the title, each section's coverage on its heading, and
 * topics only a linked page covers on the link. Pure: from a result to LSP data.
 */
import type { CodeLens, Range } from 'vscode-languageserver/node.js';
import type { LintResult } from '../../lib/index.js';
import { COMMANDS } from './commands.js';

export interface CodeLensOptions {
  /** The command lenses run (`initializationOptions.readinessCommand`, else the server's readiness report). */
  readinessCommand?: string;
  /** The client can show documents: a topic covered by a linked page opens the page. */
  showDocument: boolean;
  /** "Readiness 67/100 · 5/6 preconditions · 3 findings" (the engine's). */
  titleSummary(result: LintResult): string;
}

/** The start of a 1-based line. */
function lineStart(line: number): Range {
  const at = { line: Math.max(0, line - 1), character: 0 };
  return { start: at, end: at };
}

/** The lenses of a document's result; none for a document that is not a plan. */
export function codeLenses(uri: string, result: LintResult, options: CodeLensOptions): CodeLens[] {
  if (!result.isPlan) return [];
  const command = options.readinessCommand ?? COMMANDS.readinessReport;
  const lenses: CodeLens[] = [];
  if (result.readiness || result.kind) {
    lenses.push({ range: lineStart(result.title.line), command: { title: options.titleSummary(result), command, arguments: [uri] } });
  }
  for (const section of result.sections) {
    const total = section.present.length + section.missing.length;
    let title = total > 0 ? `${section.label} ${section.present.length}/${total}` : section.label;
    if (section.coveredIn) title += ` · covered in ${section.coveredIn}`;
    else if (section.missing.length > 0) title += ` · missing ${section.missing.join(', ')}`;
    lenses.push({ range: lineStart(section.line), command: { title, command, arguments: [uri, section.topic] } });
  }
  // Topics only a linked page covers: on the link, opening the page when the editor can show documents.
  for (const covered of result.coveredElsewhere ?? []) {
    if (result.sections.some((s) => s.topic === covered.topic)) continue;
    const title = `${covered.label} · covered in ${covered.file}`;
    lenses.push({
      range: lineStart(covered.line),
      command:
        options.showDocument && covered.resolved
          ? { title, command: COMMANDS.openLinked, arguments: [covered.resolved] }
          : { title, command, arguments: [uri, covered.topic] },
    });
  }
  return lenses;
}
