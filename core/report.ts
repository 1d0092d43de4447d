/** Readable readiness scorecards and the machine-readable JSON shape. */
import type { DocumentKind, LintResult, PreconditionKey, Readiness, SectionSummary, Severity } from './types.js';
import { KIND_LABELS } from './kind.js';
import { escapeMarkdown } from './text.js';
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

/** The headings of the readiness report, in markdown and on the terminal. */
export const REPORT_HEADINGS = {
  title: 'Readiness report',
  preconditions: 'Preconditions',
  redFlags: 'Red flags',
  scoring: 'How the score is made',
  sections: 'Sections',
  coveredElsewhere: 'Covered in linked pages',
  findings: 'Findings',
} as const;

/** A markdown scorecard for one plan; `findings: false` leaves out the list of findings (when they are printed beside it). */
export function readinessReport(r: LintResult, label = r.file ?? 'this plan', options: { findings?: boolean } = {}): string {
  const lines: string[] = [`# ${REPORT_HEADINGS.title}: ${label}`, ''];
  const findingLines = (): string[] => {
    if (options.findings === false) return [];
    const items = r.findings.map((f) => `- line ${f.line}: ${f.severity} \`${f.ruleId}\`: ${escapeMarkdown(f.message)}`);
    return ['', `## ${REPORT_HEADINGS.findings}`, '', ...(items.length ? items : ['None.'])];
  };
  const unscored = unscoredReason(r);
  if (unscored !== undefined) {
    if (!isGuideOrPolicy(r)) return [...lines, unscored, ''].join('\n');
    // What the guide or policy is, what its links cover and its findings; no score.
    lines.push(titleSummary(r), '', unscored);
    lines.push(...coveredLines(r), ...findingLines(), '');
    return lines.join('\n');
  }
  const rd = r.readiness!;
  lines.push(`**Score: ${rd.score}/100** · ${preconditionCount(rd)} · ${findingCount(r.findings.length)}`, '');
  lines.push(planContext(r), '');
  lines.push(`## ${REPORT_HEADINGS.preconditions}`, '', '| Precondition | Met | Evidence |', '|---|---|---|');
  for (const k of PRECONDITIONS) {
    const d = rd.details[k];
    const ev = d.evidence[0] ? `line ${d.evidence[0].line}: ${d.reason}` : d.reason;
    lines.push(`| ${preconditionLabel(k)} | ${d.met ? 'yes' : 'no'} | ${ev.replace(/\|/g, '\\|')} |`);
  }
  lines.push('', `## ${REPORT_HEADINGS.redFlags}`, '');
  if (rd.redFlags.length === 0) lines.push('None.');
  for (const f of rd.redFlags) lines.push(`- ${redFlagLine(f, (id) => `\`${id}\``)}`);
  lines.push('', `## ${REPORT_HEADINGS.scoring}`, '', ...rd.breakdown.map((b) => `- ${b}`));
  if (r.sections.length) {
    lines.push('', `## ${REPORT_HEADINGS.sections}`, '');
    for (const s of r.sections) lines.push(`- ${sectionLine(s)}`);
  }
  lines.push(...coveredLines(r), ...findingLines(), '');
  return lines.join('\n');
}

/** Topics only linked pages cover (the document has no section about them), as a markdown list under a heading. */
function coveredLines(r: LintResult): string[] {
  const items = coveredElsewhereLines(r);
  return items.length ? ['', `## ${REPORT_HEADINGS.coveredElsewhere}`, '', ...items.map((item) => `- ${item}`)] : [];
}

/**
 * Why a document has no readiness score, as a sentence (not analysed, not a plan, a guide or a
 * policy, out of scope); undefined when it has one.
 */
export function unscoredReason(r: LintResult): string | undefined {
  if (r.skipped) return `Not analysed: ${r.skipped}.`;
  if (!r.isPlan) return `Not a partner program plan (${r.detection}).`;
  if (r.readiness) return undefined;
  if (isGuideOrPolicy(r)) {
    return `Readiness is scored for plans only; this document reads as a ${KIND_LABELS[r.kind].toLowerCase()} (${r.kindWhy ?? 'from its text'}).`;
  }
  const why = r.findings.find((f) => f.ruleId === 'out-of-scope');
  return `Out of scope: ${why?.message ?? 'not a partner program'}.`;
}

/** A partner guide or a policy page: analysed, but readiness is scored for plans only. */
function isGuideOrPolicy(r: LintResult): r is LintResult & { kind: 'guide' | 'policy' } {
  return r.isPlan && !r.skipped && !r.readiness && (r.kind === 'guide' || r.kind === 'policy');
}

/** "Archetypes: referral · Stage: pilot". */
export function planContext(r: LintResult): string {
  return `Archetypes: ${r.archetypes.join(', ') || 'not stated'} · Stage: ${r.stage ?? 'not stated'}`;
}

/** "4/6 preconditions". */
export function preconditionCount(rd: Readiness): string {
  return `${PRECONDITIONS.filter((k) => rd.preconditions[k]).length}/${PRECONDITIONS.length} preconditions`;
}

/** "no findings", "1 finding", "7 findings". */
export function findingCount(n: number): string {
  return n === 0 ? 'no findings' : `${n} finding${n === 1 ? '' : 's'}`;
}

/** "Recruiting (line 27): 1/2 · missing target list". */
export function sectionLine(s: SectionSummary): string {
  const status = s.coveredIn ? ` · covered in ${s.coveredIn}` : s.missing.length ? ` · missing ${s.missing.join(', ')}` : '';
  return `${s.label} (line ${s.line}): ${s.present.length}/${s.present.length + s.missing.length}${status}`;
}

/** "premature-program on line 4 (−10)"; `code` dresses the rule id (a markdown code span). */
export function redFlagLine(f: Readiness['redFlags'][number], code: (ruleId: string) => string = (id) => id): string {
  return `${code(f.ruleId)} on line ${f.line} (−${f.penalty})`;
}

/** Topics only linked pages cover: "Deal registration · covered in deal-registration.md (linked on line 14)". */
export function coveredElsewhereLines(r: LintResult): string[] {
  return (r.coveredElsewhere ?? [])
    .filter((c) => !r.sections.some((s) => s.topic === c.topic))
    .map((c) => `${c.label} · covered in ${c.file} (linked on line ${c.line})`);
}

/**
 * The one-line summary of a document for titles, lenses and status lines: "Partner guide · 3 findings",
 * "Readiness 67/100 · 4/6 preconditions · 2 findings". `withKind` names the kind of a plan too
 * ("Partner program plan · Readiness 100/100 · ..."), for lists of documents of several kinds.
 */
export function titleSummary(r: LintResult, options: { withKind?: boolean } = {}): string {
  const findings = findingCount(r.findings.length);
  if (r.readiness) {
    const kind = options.withKind && r.kind ? `${KIND_LABELS[r.kind]} · ` : '';
    return `${kind}Readiness ${r.readiness.score}/100 · ${preconditionCount(r.readiness)} · ${findings}`;
  }
  return r.kind ? `${KIND_LABELS[r.kind]} · ${findings}` : findings;
}

// ---------------------------------------------------------------- the report as data

/** What a rule's documentation says about a finding of it, for reports: why it matters, what to do. */
export interface FindingAdvice {
  why: string;
  fix: string;
}

/** One finding in a report: where, how serious, what, why it matters and what to do. */
export interface ReportFinding {
  line: number;
  column: number;
  severity: Severity;
  /** "Error", "Warning", "Suggestion". */
  severityLabel: string;
  /** The check that found it (for tools; readers see the message). */
  ruleId: string;
  message: string;
  why?: string;
  fix?: string;
}

/** The findings under one heading of the document; the title's group holds those about the plan as a whole. */
export interface ReportFindingGroup {
  heading: string;
  /** The heading's line; null for findings above every heading. */
  line: number | null;
  findings: ReportFinding[];
}

/**
 * A readiness report as data, every string in words: what the markdown report says, laid out
 * by renderers (HTML) that compute nothing of their own. Document text (titles, headings, file
 * names, quotes, messages) is as written: renderers escape it for their medium.
 */
export interface ReportModel {
  /** The file as shown to the reader. */
  label: string;
  /** The document's title as written, when it has one. */
  title: string | null;
  /** "Partner program plan", "Partner guide", "Program policy"; null when not one of them. */
  kind: string | null;
  /** The one-line summary: "Partner program plan · Readiness 67/100 · 4/6 preconditions · 2 findings". */
  summary: string;
  /** Why there is no readiness score (a guide, a policy, not analysed, not a plan). */
  unscored?: string;
  /** "Archetypes: referral · Stage: pilot", for documents that are scored. */
  context?: string;
  readiness?: {
    score: number;
    /** "4/6 preconditions". */
    preconditionCount: string;
    preconditions: Array<{ label: string; met: boolean; reason: string; line?: number; quote?: string }>;
    redFlags: Array<{ message: string; line: number; penalty: number }>;
    /** How the score is made: the points for the preconditions, each red flag's deduction, the total. */
    scoring: string[];
  };
  /** Recognised sections: "Recruiting (line 27): 1/2 · missing target list". */
  sections: Array<{ text: string; line: number; complete: boolean }>;
  coveredElsewhere: string[];
  /** "no findings", "1 finding", "7 findings". */
  findingCount: string;
  findingGroups: ReportFindingGroup[];
}

const SEVERITY_LABELS: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Suggestion' };

/** The group of findings about the plan as a whole (on its title or above every heading). */
export const WHOLE_DOCUMENT_GROUP = 'The document as a whole';

/** The headings of the multi-document summary table, in order. */
export const SUMMARY_COLUMNS = ['Document', 'Kind', 'Readiness', 'Preconditions', 'Findings'] as const;

/** One row of the summary table of a run over several documents, in the order of `SUMMARY_COLUMNS`. */
export function summaryRow(m: ReportModel): string[] {
  return [
    m.title ? `${m.title} (${m.label})` : m.label,
    m.kind ?? 'Not a partner program document',
    m.readiness ? `${m.readiness.score}/100` : 'not scored',
    m.readiness ? m.readiness.preconditionCount : '—',
    m.findingCount,
  ];
}

/** The report of one document as data; `advice` gives what a rule's documentation says (why, fix). */
export function reportModel(r: LintResult, label: string, advice: (ruleId: string) => FindingAdvice | undefined = () => undefined): ReportModel {
  const unscored = unscoredReason(r);
  const rd = r.readiness;
  return {
    label,
    title: r.titleText ?? null,
    kind: r.isPlan && r.kind ? KIND_LABELS[r.kind] : null,
    summary: titleSummary(r, { withKind: true }),
    ...(unscored !== undefined ? { unscored } : { context: planContext(r) }),
    ...(rd && unscored === undefined
      ? {
          readiness: {
            score: rd.score,
            preconditionCount: preconditionCount(rd),
            preconditions: PRECONDITIONS.map((k) => {
              const d = rd.details[k];
              const ev = d.evidence[0];
              return { label: preconditionLabel(k), met: d.met, reason: d.reason, ...(ev ? { line: ev.line, quote: ev.text } : {}) };
            }),
            redFlags: rd.redFlags.map((f) => ({
              message: r.findings.find((x) => x.ruleId === f.ruleId && x.line === f.line)?.message ?? REPORT_HEADINGS.redFlags,
              line: f.line,
              penalty: f.penalty,
            })),
            // The breakdown's first and last lines; its precondition lines are the list above.
            scoring: [rd.breakdown[0], ...rd.redFlags.map((f) => `−${f.penalty} for the red flag on line ${f.line}`), rd.breakdown[rd.breakdown.length - 1]],
          },
        }
      : {}),
    sections: unscored === undefined ? r.sections.map((s) => ({ text: sectionLine(s), line: s.line, complete: !!s.coveredIn || s.missing.length === 0 })) : [],
    coveredElsewhere: coveredElsewhereLines(r),
    findingCount: findingCount(r.findings.length),
    findingGroups: findingGroups(r, advice),
  };
}

/** Findings under the heading they sit below, in document order; those on the title or above every heading first. */
function findingGroups(r: LintResult, advice: (ruleId: string) => FindingAdvice | undefined): ReportFindingGroup[] {
  const headings = (r.outline ?? []).filter((h) => h.line !== r.title.line);
  const groups = new Map<number | null, ReportFindingGroup>();
  const sorted = [...r.findings].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  for (const f of sorted) {
    let under: (typeof headings)[number] | undefined;
    for (const h of headings) if (h.line <= f.line) under = h;
    const key = under?.line ?? null;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { heading: under?.heading ?? WHOLE_DOCUMENT_GROUP, line: under?.line ?? null, findings: [] }));
    const a = advice(f.ruleId);
    group.findings.push({
      line: f.line,
      column: f.column,
      severity: f.severity,
      severityLabel: SEVERITY_LABELS[f.severity],
      ruleId: f.ruleId,
      message: f.message,
      ...(a ? { why: a.why, fix: a.fix } : {}),
    });
  }
  return [...groups.values()].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
