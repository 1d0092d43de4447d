/**
 * Hover: the findings, benchmark notes and linked-page coverage under the cursor, and the
 * readiness breakdown (or the document's kind) on the title. Pure: from a result to LSP data.
 */
import { MarkupKind, type Hover, type Position, type Range } from 'vscode-languageserver/node.js';
import { escapeMarkdown, preconditionLabel, type LintResult, type PreconditionKey } from '../../lib/index.js';
import { rangeContains, spanToRange } from '../convert.js';
import type { Engine } from '../engine.js';

export interface HoverOptions {
  engine: Pick<Engine, 'listRules' | 'ruleDocsUrl' | 'titleSummary'>;
  /** The client renders markdown hovers (else the same text is sent as plain text). */
  markdown: boolean;
}

/** The hover at `position` (a position inside the analysed text); null when nothing is there. */
export function hover(result: LintResult, position: Position, options: HoverOptions): Hover | null {
  const { engine } = options;
  const parts: string[] = [];
  let range: Range | undefined;
  const rules = new Map(engine.listRules().map((rule) => [rule.id, rule]));

  for (const finding of result.findings) {
    const findingRange = spanToRange(finding);
    if (!rangeContains(findingRange, position)) continue;
    range ??= findingRange;
    const rule = rules.get(finding.ruleId);
    const lines = [`**${finding.ruleId}** (${finding.severity})${rule ? `: ${rule.description}` : ''}`, '', escapeMarkdown(finding.message)];
    if (finding.fixes && finding.fixes.length > 0) {
      lines.push('', 'Fixes:', ...finding.fixes.map((fix) => `- ${fix.title}${fix.safe ? '' : ' (editor only)'}`));
    }
    lines.push('', `[Documentation for ${finding.ruleId}](${engine.ruleDocsUrl(finding.ruleId)})`);
    parts.push(lines.join('\n'));
  }

  for (const note of result.benchmarks) {
    const noteRange = spanToRange(note);
    if (!rangeContains(noteRange, position)) continue;
    range ??= noteRange;
    const verdict = note.inBand ? 'in line with the benchmark' : 'outside the benchmark band';
    parts.push(`**${escapeMarkdown(note.text)}**: ${note.subject}\n\nBenchmark: ${note.band.label}. This figure is ${verdict}.`);
  }

  for (const covered of result.coveredElsewhere ?? []) {
    const coveredRange = spanToRange(covered);
    if (!rangeContains(coveredRange, position)) continue;
    range ??= coveredRange;
    parts.push(`**${covered.label}** · covered in ${covered.resolved ? `[${covered.file}](${covered.resolved})` : covered.file}`);
  }

  const titleLine = result.title.line - 1;
  if (result.readiness && position.line === titleLine) {
    parts.push(readinessTable(result.readiness));
    range ??= spanToRange(result.title);
  } else if (result.isPlan && result.kind && position.line === titleLine) {
    // A partner guide or a policy page: its kind and findings; readiness is for plans.
    parts.push(`**${engine.titleSummary(result)}**\n\nReadiness is scored for plans only; this document reads as a ${result.kind === 'guide' ? 'partner guide' : 'program policy page'}.`);
    range ??= spanToRange(result.title);
  }

  if (parts.length === 0) return null;
  const value = parts.join('\n\n---\n\n');
  return { contents: { kind: options.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value }, range };
}

/** The readiness score, its breakdown and each precondition with its evidence. */
function readinessTable(readiness: NonNullable<LintResult['readiness']>): string {
  const lines = [`**Readiness ${readiness.score}/100**`, ''];
  lines.push(...readiness.breakdown.map((entry) => `- ${entry}`));
  lines.push('', '| Precondition | Evidence | Why |', '|---|---|---|');
  for (const [key, detail] of Object.entries(readiness.details) as Array<[PreconditionKey, (typeof readiness.details)[PreconditionKey]]>) {
    const lineNumbers = [...new Set(detail.evidence.map((e) => e.line))];
    const where = lineNumbers.length > 0 ? ` (line${lineNumbers.length > 1 ? 's' : ''} ${lineNumbers.join(', ')})` : '';
    lines.push(`| ${preconditionLabel(key)} | ${detail.met ? 'yes' : 'no'}${where} | ${detail.reason.replace(/\|/g, '\\|')} |`);
  }
  return lines.join('\n');
}
