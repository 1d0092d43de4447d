/** Readable readiness scorecards and the machine-readable JSON shape. */
import type { DocumentKind, LintResult, PreconditionKey } from './types.js';
import { KIND_LABELS } from './kind.js';
import { PRECONDITIONS } from './types.js';
import { preconditionLabel } from './score.js';

export interface JsonResult {
  file: string;
  isPlan: boolean;
  /** plan, guide or policy; null for non-plans and out-of-scope documents. */
  kind: DocumentKind | null;
  archetypes: string[];
  stage: string | null;
  readiness: { score: number; preconditions: Record<PreconditionKey, boolean>; redFlags: Array<{ ruleId: string; line: number }> } | null;
  findings: Array<{
    ruleId: string;
    severity: string;
    message: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    fixable: boolean;
  }>;
  /** Topics the document's linked pages cover (spec, "Programs that span documents"); absent when none. */
  coveredElsewhere?: Array<{ topic: string; label: string; file: string; line: number; resolved?: string }>;
  skipped?: string;
}

/** The `--format json` shape of the spec (plus a few extra fields). */
export function toJsonResult(r: LintResult, file = r.file ?? '<text>'): JsonResult {
  return {
    file,
    isPlan: r.isPlan,
    kind: r.kind,
    archetypes: r.archetypes,
    stage: r.stage,
    readiness: r.readiness
      ? { score: r.readiness.score, preconditions: r.readiness.preconditions, redFlags: r.readiness.redFlags.map(({ ruleId, line }) => ({ ruleId, line })) }
      : null,
    findings: r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      fixable: !!f.fixes?.some((x) => x.safe),
    })),
    ...(r.coveredElsewhere?.length
      ? { coveredElsewhere: r.coveredElsewhere.map(({ topic, label, file, line, resolved }) => ({ topic, label, file, line, ...(resolved !== undefined ? { resolved } : {}) })) }
      : {}),
    ...(r.skipped ? { skipped: r.skipped } : {}),
  };
}

/** A markdown scorecard for one plan; `findings: false` leaves out the list of findings (when they are printed beside it). */
export function readinessReport(r: LintResult, label = r.file ?? 'this plan', options: { findings?: boolean } = {}): string {
  const lines: string[] = [`# Readiness report: ${label}`, ''];
  if (r.skipped) return [...lines, `Not analysed: ${r.skipped}.`, ''].join('\n');
  if (!r.isPlan) return [...lines, `Not a partner program plan (${r.detection}).`, ''].join('\n');
  if (!r.readiness && r.kind && r.kind !== 'plan') {
    lines.push(`${titleSummary(r)}`, '', `Readiness is scored for plans only; this document reads as a ${KIND_LABELS[r.kind].toLowerCase()} (${r.kindWhy ?? 'from its text'}).`, '');
    if (r.coveredElsewhere?.length) lines.push(...coveredLines(r).slice(1), '');
    if (options.findings !== false) {
      lines.push('## Findings', '');
      if (!r.findings.length) lines.push('None.');
      for (const f of r.findings) lines.push(`- line ${f.line}: ${f.severity} \`${f.ruleId}\`: ${f.message}`);
      lines.push('');
    }
    return lines.join('\n');
  }
  if (!r.readiness) {
    const why = r.findings.find((f) => f.ruleId === 'out-of-scope');
    return [...lines, `Out of scope: ${why?.message ?? 'not a partner program'}.`, ''].join('\n');
  }
  const rd = r.readiness;
  lines.push(`**Score: ${rd.score}/100** · ${PRECONDITIONS.filter((k) => rd.preconditions[k]).length}/6 preconditions · ${r.findings.length} findings`, '');
  lines.push(`Archetypes: ${r.archetypes.join(', ') || 'not stated'} · Stage: ${r.stage ?? 'not stated'}`, '');
  lines.push('## Preconditions', '', '| Precondition | Met | Evidence |', '|---|---|---|');
  for (const k of PRECONDITIONS) {
    const d = rd.details[k];
    const ev = d.evidence[0] ? `line ${d.evidence[0].line}: ${d.reason}` : d.reason;
    lines.push(`| ${preconditionLabel(k)} | ${d.met ? 'yes' : 'no'} | ${ev.replace(/\|/g, '\\|')} |`);
  }
  lines.push('', '## Red flags', '');
  if (rd.redFlags.length === 0) lines.push('None.');
  for (const f of rd.redFlags) lines.push(`- \`${f.ruleId}\` on line ${f.line} (−${f.penalty})`);
  lines.push('', '## How the score is made', '', ...rd.breakdown.map((b) => `- ${b}`));
  if (r.sections.length) {
    lines.push('', '## Sections', '');
    for (const s of r.sections) lines.push(`- ${s.label} (line ${s.line}): ${s.present.length}/${s.present.length + s.missing.length}${s.coveredIn ? ` · covered in ${s.coveredIn}` : s.missing.length ? ` · missing ${s.missing.join(', ')}` : ''}`);
  }
  lines.push(...coveredLines(r));
  if (options.findings !== false) {
    lines.push('', '## Findings', '');
    if (!r.findings.length) lines.push('None.');
    for (const f of r.findings) lines.push(`- line ${f.line}: ${f.severity} \`${f.ruleId}\`: ${f.message}`);
  }
  lines.push('');
  return lines.join('\n');
}

/** Topics only linked pages cover (the document has no section about them), as a markdown list under a heading. */
function coveredLines(r: LintResult): string[] {
  const linkedOnly = (r.coveredElsewhere ?? []).filter((c) => !r.sections.some((s) => s.topic === c.topic));
  if (!linkedOnly.length) return [];
  return ['', '## Covered in linked pages', '', ...linkedOnly.map((c) => `- ${c.label} · covered in ${c.file} (linked on line ${c.line})`)];
}

/** The one-line summary of a document for titles, lenses and status lines: "Partner guide · 3 findings". */
export function titleSummary(r: LintResult): string {
  const n = r.findings.length;
  const findings = `${n} finding${n === 1 ? '' : 's'}`;
  if (r.readiness) {
    const met = PRECONDITIONS.filter((k) => r.readiness!.preconditions[k]).length;
    return `Readiness ${r.readiness.score}/100 · ${met}/${PRECONDITIONS.length} preconditions · ${findings}`;
  }
  return r.kind ? `${KIND_LABELS[r.kind]} · ${findings}` : findings;
}
