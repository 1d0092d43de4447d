/**
 * `--report` for the terminal: the readiness of one plan as headings, a score bar, ✓/✗ per
 * precondition, red flags, sections and what linked pages cover, drawn from the result's data
 * with the core's wording. The findings are not repeated: the stylish output lists them.
 */
import {
  coveredElsewhereLines,
  planContext,
  preconditionCount,
  preconditionLine,
  PRECONDITIONS,
  redFlagLine,
  REPORT_HEADINGS,
  sectionLine,
  titleSummary,
  unscoredReason,
  type LintResult,
} from '../lib/index.js';
import { terminalText, wrap, type Paint, type Style } from './terminal.js';

/** Cells of the score bar, each worth 10 points. */
const BAR_CELLS = 10;

/**
 * The report's lines, indented under the file name, wrapped to `width` columns. `summary: false`
 * leaves out the one-line summary of a guide or policy (the "checked" line above already says it).
 */
export function terminalReport(r: LintResult, paint: Paint, width: number, options: { summary?: boolean } = {}): string[] {
  const out: string[] = [];
  const heading = (text: string): void => {
    out.push('', '  ' + paint(text, 'bold'));
  };
  /** A line of text at `indent`, its continuation lines under it. */
  const text = (value: string, indent: number, ...styles: Style[]): void => {
    for (const line of wrap(terminalText(value), width - indent)) out.push(' '.repeat(indent) + paint(line, ...styles));
  };
  /** A list item: a mark, then the text, its continuation lines under the text. */
  const item = (mark: string, style: Style, value: string): void => {
    wrap(terminalText(value), width - 6).forEach((line, i) => out.push(i === 0 ? `    ${paint(mark, style)} ${line}` : `      ${line}`));
  };

  out.push('  ' + paint(REPORT_HEADINGS.title, 'bold', 'underline'));
  const unscored = unscoredReason(r);
  if (unscored !== undefined || !r.readiness) {
    if (r.kind && options.summary !== false) text(titleSummary(r), 2);
    text(unscored ?? '', 2);
  } else {
    const rd = r.readiness;
    const filled = Math.round((rd.score / 100) * BAR_CELLS);
    const style: Style = rd.score >= 80 ? 'green' : rd.score >= 50 ? 'yellow' : 'red';
    const bar = `[${paint('█'.repeat(filled), style)}${paint('░'.repeat(BAR_CELLS - filled), 'dim')}]`;
    out.push(`  ${bar} ${paint(`${rd.score}/100`, 'bold')} · ${preconditionCount(rd)}`);
    text(planContext(r), 2, 'dim');

    heading(REPORT_HEADINGS.preconditions);
    for (const k of PRECONDITIONS) {
      const met = rd.details[k].met;
      item(met ? '✓' : '✗', met ? 'green' : 'red', preconditionLine(k, rd.details[k]));
    }
    heading(REPORT_HEADINGS.redFlags);
    if (rd.redFlags.length === 0) text('None.', 4);
    for (const flag of rd.redFlags) item('✗', 'red', redFlagLine(flag));
    if (r.sections.length) {
      heading(REPORT_HEADINGS.sections);
      for (const s of r.sections) {
        const complete = !!s.coveredIn || s.missing.length === 0;
        item(complete ? '✓' : '✗', complete ? 'green' : 'yellow', sectionLine(s));
      }
    }
  }
  const covered = coveredElsewhereLines(r);
  if (covered.length) {
    heading(REPORT_HEADINGS.coveredElsewhere);
    for (const line of covered) item('•', 'cyan', line);
  }
  return out;
}
