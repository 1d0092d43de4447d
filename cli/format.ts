/** Output formats: stylish (for people), json (the documented shape), sarif (2.1.0), html (a readiness report page). */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { listRules, renderReportHtml, reportModel, titleSummary, toJsonResult, VERSION, type Finding, type LintResult, type Severity } from '../lib/index.js';
import { terminalReport } from './terminal-report.js';
import { displayWidth, painter, terminalText, wrap, type Paint, type Style } from './terminal.js';

/** One linted document as the formatters see it. */
export interface FileReport {
  /** Path shown to the user (relative to the working directory where possible). */
  displayPath: string;
  /** Absolute path, when the text came from a file (not from stdin without a name). */
  absolutePath?: string;
  /** The engine's result; `findings` already filtered for --quiet. */
  result: LintResult;
}

export interface FormatContext {
  cwd: string;
  color: boolean;
  /** Columns to wrap stylish output to (see terminalWidth). */
  width: number;
  /** --quiet: only errors are shown, so a plan without them is not "checked, no findings". */
  quiet: boolean;
  /** Print the readiness report of each plan (stylish only). */
  report: boolean;
  /** Whether --fix ran (changes the fixable hint). */
  fixed: boolean;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
}

export function countFindings(reports: FileReport[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const { result } of reports) {
    for (const f of result.findings) {
      if (f.severity === 'error') counts.errors++;
      else if (f.severity === 'warning') counts.warnings++;
      else counts.infos++;
      if (f.fixes?.some((fix) => fix.safe)) counts.fixable++;
    }
  }
  return counts;
}

/** Plans (kind `plan`) that score below `min`, for --min-readiness; guides and policies have no score and pass. */
export function plansBelowReadiness(reports: FileReport[], min: number): Array<{ displayPath: string; score: number }> {
  return reports.flatMap(({ displayPath, result }) =>
    result.kind === 'plan' && result.readiness && result.readiness.score < min ? [{ displayPath, score: result.readiness.score }] : [],
  );
}

// ---------------------------------------------------------------- stylish

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

/** Messages get at least this many columns, however narrow the terminal. */
const MIN_MESSAGE_WIDTH = 20;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * eslint-like: findings grouped by file, `line:col  severity  message  rule-id`, each message
 * wrapped to the width with its continuation lines under it; a plan with no findings gets one
 * line saying it was checked; then a summary line. Everything from documents and file names is
 * printed through `terminalText`.
 */
export function formatStylish(reports: FileReport[], ctx: FormatContext): string {
  const paint = painter(ctx.color);
  const out: string[] = [];
  /** The previous entry was a one-line "checked" entry (no blank line after it). */
  let afterCheckedLine = false;

  for (const { displayPath, result } of reports) {
    const name = terminalText(displayPath);
    const showReport = ctx.report && result.isPlan;
    if (result.findings.length === 0) {
      // --quiet hides warnings, so "no findings" would not be true: only the report, if asked for.
      const checked = !ctx.quiet && result.isPlan && !result.skipped;
      if (checked) {
        out.push(...checkedLine(name, ['\u2713 checked', ...terminalText(titleSummary(result, { withKind: true })).split(' · ')], ctx.width, paint));
        afterCheckedLine = true;
      } else if (showReport) {
        if (afterCheckedLine) out.push('');
        out.push(paint(name, 'underline'));
      } else {
        continue;
      }
      if (showReport) {
        out.push('', ...terminalReport(result, paint, ctx.width, { summary: !checked }), '');
        afterCheckedLine = false;
      }
      continue;
    }
    if (afterCheckedLine) out.push('');
    afterCheckedLine = false;
    out.push(paint(name, 'underline'));
    out.push(...findingRows([...result.findings].sort(byPosition), ctx.width, paint));
    if (showReport) out.push('', ...terminalReport(result, paint, ctx.width));
    out.push('');
  }
  if (afterCheckedLine) out.push('');

  const counts = countFindings(reports);
  const total = counts.errors + counts.warnings + counts.infos;
  if (total > 0) {
    const summary = `\u2716 ${plural(total, 'problem')} (${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'info')})`;
    const style: Style = counts.errors > 0 ? 'red' : counts.warnings > 0 ? 'yellow' : 'cyan';
    out.push(...wrap(summary, ctx.width).map((line) => paint(line, 'bold', style)));
    if (counts.fixable > 0 && !ctx.fixed) {
      out.push(...wrap(`${counts.fixable} of them can be fixed with the \`--fix\` option.`, ctx.width - 2).map((line) => paint(`  ${line}`, 'dim')));
    }
    out.push('');
  } else if (out.length === 0 && reports.length > 0 && !ctx.quiet) {
    out.push(...wrap(`${plural(reports.length, 'file')} checked, no partner-program documents found`, ctx.width), '');
  }
  return out.join('\n');
}

/** Stands for a space inside a part of a `·`-separated line while it is wrapped, so that parts stay whole. */
const KEEP_TOGETHER = '\u{F0000}';

/**
 * `plans/x.md  ✓ checked · Partner guide · no findings`, wrapped between its `·`-separated
 * parts, under the file name when the name leaves too little room.
 */
function checkedLine(name: string, parts: string[], width: number, paint: Paint): string[] {
  const nameWidth = displayWidth(name);
  const text = parts.map((part) => part.replace(/ /g, KEEP_TOGETHER)).join(' · ');
  const lines =
    nameWidth + 2 + MIN_MESSAGE_WIDTH > width ? ['', ...wrap(text, width - 2)] : wrap(text, width - 2, width - nameWidth - 2);
  return lines.map((line, i) => {
    const shown = line.replaceAll(KEEP_TOGETHER, ' ').replace('\u2713', paint('\u2713', 'green'));
    return i === 0 ? `${paint(name, 'underline')}${shown ? '  ' + shown : ''}` : '  ' + shown;
  });
}

/** One entry per finding: position, severity, the message wrapped under its column, the rule id after it (or under it). */
function findingRows(findings: Finding[], width: number, paint: Paint): string[] {
  const positions = findings.map((f) => `${f.line}:${f.column}`);
  const positionWidth = Math.max(0, ...positions.map((p) => p.length));
  const severityWidth = Math.max(0, ...findings.map((f) => f.severity.length));
  const column = 2 + positionWidth + 2 + severityWidth + 2;
  const room = Math.max(MIN_MESSAGE_WIDTH, width - column);
  const indent = ' '.repeat(column);
  const rows: string[] = [];
  findings.forEach((f, i) => {
    const lines = wrap(terminalText(f.message), room);
    const rule = terminalText(f.ruleId);
    const last = lines.length - 1;
    const ruleFits = displayWidth(lines[last]) + 2 + displayWidth(rule) <= room;
    const ruleText = paint(rule, 'dim');
    lines.forEach((line, j) => {
      const text = j === last && ruleFits ? `${line}  ${ruleText}` : line;
      rows.push(
        j === 0
          ? `  ${paint(positions[i].padEnd(positionWidth), 'dim')}  ${paint(f.severity.padEnd(severityWidth), SEVERITY_STYLE[f.severity])}  ${text}`
          : indent + text,
      );
    });
    if (!ruleFits) rows.push(indent + ruleText);
  });
  return rows;
}

function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

// ---------------------------------------------------------------- json

/** An array with one entry per linted document, in the documented JSON shape. */
export function formatJson(reports: FileReport[]): string {
  return JSON.stringify(
    reports.map(({ displayPath, result }) => toJsonResult(result, toPosix(displayPath))),
    null,
    2,
  ) + '\n';
}

// ---------------------------------------------------------------- html

/** One self-contained page: the readiness report of each partner-program document, a summary table first when there are several. */
export function formatHtml(reports: FileReport[]): string {
  const documents = reports.filter(({ result }) => result.isPlan);
  return renderReportHtml(
    documents.map(({ displayPath, result }) => reportModel(result, toPosix(displayPath))),
    { emptyNote: `${plural(reports.length, 'file')} checked, no partner-program documents found.` },
  );
}

// ---------------------------------------------------------------- sarif

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json';
const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** SARIF 2.1.0: one run, one rule descriptor per rule id, results with regions. */
export function formatSarif(reports: FileReport[], ctx: FormatContext): string {
  const rules = listRules();
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: unknown[] = [];
  for (const report of reports) {
    const artifactLocation = sarifArtifactLocation(report, ctx.cwd);
    for (const f of [...report.result.findings].sort(byPosition)) {
      const index = ruleIndex.get(f.ruleId);
      results.push({
        ruleId: f.ruleId,
        ...(index !== undefined ? { ruleIndex: index } : {}),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        ...(report.result.kind ? { properties: { documentKind: report.result.kind } } : {}),
        locations: [
          {
            physicalLocation: {
              artifactLocation,
              region: {
                startLine: f.line,
                startColumn: f.column,
                endLine: f.endLine,
                endColumn: f.endColumn,
              },
            },
          },
        ],
      });
    }
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'partnerlint',
            version: VERSION,
            semanticVersion: VERSION,
            rules: rules.map((r) => ({
              id: r.id,
              name: toPascalCase(r.id),
              shortDescription: { text: r.description },
              helpUri: r.docsUrl,
              defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
              properties: { category: r.category, fixable: r.fixable },
            })),
          },
        },
        originalUriBaseIds: {
          SRCROOT: { uri: pathToFileURL(ctx.cwd.endsWith(path.sep) ? ctx.cwd : ctx.cwd + path.sep).href },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function sarifArtifactLocation(report: FileReport, cwd: string): { uri: string; uriBaseId?: string } {
  if (!report.absolutePath) return { uri: encodePath(report.displayPath) };
  const rel = path.relative(cwd, report.absolutePath);
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) {
    return { uri: encodePath(rel), uriBaseId: 'SRCROOT' };
  }
  return { uri: pathToFileURL(report.absolutePath).href };
}

/** A relative path as a URI reference: each segment percent-encoded. */
function encodePath(p: string): string {
  return toPosix(p).split('/').map(encodeURIComponent).join('/');
}

function toPascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
