/** Output formats: stylish (for people), json (the documented shape), sarif (2.1.0). */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { listRules, readinessReport, toJsonResult, VERSION, type Finding, type LintResult, type Severity } from '../lib/index.js';

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

// ---------------------------------------------------------------- stylish

const ANSI = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  underline: '\u001b[4m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  green: '\u001b[32m',
  cyan: '\u001b[36m',
} as const;

type Style = keyof typeof ANSI;

function painter(color: boolean): (text: string, ...styles: Style[]) => string {
  if (!color) return (text) => text;
  return (text, ...styles) => styles.map((s) => ANSI[s]).join('') + text + ANSI.reset;
}

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** eslint-like: findings grouped by file, `line:col  severity  message  rule-id`, then a summary line. */
export function formatStylish(reports: FileReport[], ctx: FormatContext): string {
  const paint = painter(ctx.color);
  const out: string[] = [];

  for (const { displayPath, result } of reports) {
    const showReport = ctx.report && result.isPlan;
    if (result.findings.length === 0 && !showReport) continue;
    out.push(paint(displayPath, 'underline'));
    const findings = [...result.findings].sort(byPosition);
    const rows = findings.map((f) => [
      `${f.line}:${f.column}`,
      f.severity,
      f.message.replace(/\s*\n\s*/g, ' '),
      f.ruleId,
    ]);
    const widths = [0, 1, 2].map((i) => Math.max(0, ...rows.map((r) => r[i].length)));
    findings.forEach((f, i) => {
      const [pos, sev, msg, rule] = rows[i];
      out.push(
        '  ' +
          paint(pos.padEnd(widths[0]), 'dim') +
          '  ' +
          paint(sev.padEnd(widths[1]), SEVERITY_STYLE[f.severity]) +
          '  ' +
          msg.padEnd(widths[2]) +
          '  ' +
          paint(rule, 'dim'),
      );
    });
    if (showReport) {
      if (findings.length > 0) out.push('');
      out.push(...readinessReport(result, displayPath).trimEnd().split(/\r?\n/).map((line) => (line ? '  ' + line : line)));
    }
    out.push('');
  }

  const counts = countFindings(reports);
  const total = counts.errors + counts.warnings + counts.infos;
  if (total > 0) {
    const summary = `\u2716 ${plural(total, 'problem')} (${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${plural(counts.infos, 'info')})`;
    out.push(paint(summary, 'bold', counts.errors > 0 ? 'red' : counts.warnings > 0 ? 'yellow' : 'cyan'));
    if (counts.fixable > 0 && !ctx.fixed) {
      out.push(paint(`  ${counts.fixable} of them can be fixed with the \`--fix\` option.`, 'dim'));
    }
    out.push('');
  }
  return out.join('\n');
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
