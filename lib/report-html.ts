/**
 * The readiness report as one self-contained HTML page: a thin renderer of the core's report
 * model (core/report.ts) that computes nothing of its own. No scripts, no external assets (the
 * style is inline and the page's Content-Security-Policy forbids anything else), printable.
 * Every string is escaped: headings, titles, file names and quotes come from documents.
 */
import { REPORT_HEADINGS, SUMMARY_COLUMNS, summaryRow, type ReportFinding, type ReportModel } from '../core/report.js';

export interface HtmlReportOptions {
  /** A link for a line of a document (e.g. an editor command); lines are plain text without it. */
  lineLink?: (document: number, line: number) => string | undefined;
  /** Extra Content-Security-Policy sources for styles (a webview's own source); inline styles are always allowed. */
  styleSource?: string;
  /** What the page says when there is no document to report on. */
  emptyNote?: string;
}

/** The words of the HTML page that are not in the core's report headings. */
const WORDS = {
  pageTitle: 'Readiness report',
  summaryTitle: 'Readiness of the documents checked',
  score: 'Readiness score',
  notMet: 'not met',
  met: 'met',
  why: 'Why it matters:',
  fix: 'What to do:',
  noFindings: 'No findings.',
  none: 'None.',
  line: 'line',
  points: 'points',
} as const;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text (or an attribute value) safe to put in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

const STYLE = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --paper: #ffffff; --band: #f4f6f9;
  --good: #1f7a3a; --warn: #9a6500; --bad: #b3261e; --info: #2459a8; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--band); color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
article, .summary { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 1.25rem 1.5rem; margin: 0 0 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; line-height: 1.25; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; padding-top: .75rem; border-top: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
h1, h2, h3, p, li, td, th, blockquote { overflow-wrap: anywhere; }
.file, .kind, .context, .muted { color: var(--muted); margin: 0; }
.file { font-size: .85rem; }
.score { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; margin: 1rem 0 .5rem; }
.figure { font-size: 2.5rem; font-weight: 700; line-height: 1; }
.figure small { font-size: 1rem; font-weight: 400; color: var(--muted); }
.bar { flex: 1 1 12rem; max-width: 24rem; height: .75rem; background: var(--band); border: 1px solid var(--line); border-radius: 999px; overflow: hidden; }
.bar span { display: block; height: 100%; }
.high { background: var(--good); } .middle { background: var(--warn); } .low { background: var(--bad); }
ul.marks { list-style: none; padding: 0; margin: 0; }
ul.marks > li { position: relative; padding: .35rem 0 .35rem 1.75rem; border-bottom: 1px solid var(--band); }
ul.marks > li::before { position: absolute; left: .25rem; top: .35rem; font-weight: 700; }
li.yes::before { content: "✓"; color: var(--good); }
li.no::before { content: "✗"; color: var(--bad); }
blockquote { margin: .25rem 0 0; padding: .25rem .75rem; border-left: 3px solid var(--line); color: var(--muted); }
ul.scoring { list-style: none; margin: 0; padding: 0; color: var(--muted); }
.finding { border-left: 4px solid var(--line); padding: .5rem .75rem; margin: .5rem 0; background: var(--band); border-radius: 0 6px 6px 0; }
.finding p { margin: .15rem 0; }
.finding.error { border-left-color: var(--bad); } .finding.warning { border-left-color: var(--warn); } .finding.info { border-left-color: var(--info); }
.where { font-size: .85rem; color: var(--muted); }
.severity { font-weight: 600; }
.error .severity { color: var(--bad); } .warning .severity { color: var(--warn); } .info .severity { color: var(--info); }
.message { font-weight: 600; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .85rem; color: var(--muted); }
th:first-child { width: 40%; }
a { color: var(--info); }
@media print { body { background: #fff; } main { max-width: none; padding: 0; } article, .summary { border: 0; padding: 0; break-after: page; } .finding { break-inside: avoid; } }
`;

/** The report of one or more documents as a whole HTML page; several documents get a summary table first. */
export function renderReportHtml(models: readonly ReportModel[], options: HtmlReportOptions = {}): string {
  const title = models.length === 1 ? `${WORDS.pageTitle}: ${models[0].title ?? models[0].label}` : WORDS.summaryTitle;
  const csp = `default-src 'none'; style-src 'unsafe-inline'${options.styleSource ? ` ${options.styleSource}` : ''}; img-src data:`;
  const body = [
    ...(models.length === 0 ? [`<section class="summary"><h1>${escapeHtml(WORDS.summaryTitle)}</h1><p>${escapeHtml(options.emptyNote ?? WORDS.none)}</p></section>`] : []),
    ...(models.length > 1 ? [summaryTable(models)] : []),
    ...models.map((m, i) => documentReport(m, i, options)),
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function summaryTable(models: readonly ReportModel[]): string {
  const head = SUMMARY_COLUMNS.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const rows = models.map((m, i) => {
    const [name, ...rest] = summaryRow(m);
    return `<tr><td><a href="#document-${i + 1}">${escapeHtml(name)}</a></td>${rest.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
  });
  return [
    '<section class="summary">',
    `<h1>${escapeHtml(WORDS.summaryTitle)}</h1>`,
    `<table><thead><tr>${head}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table>`,
    '</section>',
  ].join('\n');
}

function documentReport(m: ReportModel, index: number, options: HtmlReportOptions): string {
  /** "line 12", linked when the options give a link. */
  const line = (n: number): string => {
    const href = options.lineLink?.(index, n);
    const text = `${WORDS.line} ${n}`;
    return href ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
  };
  const out: string[] = [`<article class="document" id="document-${index + 1}">`, '<header>'];
  out.push(`<p class="file">${escapeHtml(m.label)}</p>`);
  out.push(`<h1>${escapeHtml(m.title ?? m.label)}</h1>`);
  if (m.kind) out.push(`<p class="kind">${escapeHtml(m.kind)}</p>`);
  out.push('</header>');

  const rd = m.readiness;
  if (rd) {
    const level = rd.score >= 80 ? 'high' : rd.score >= 50 ? 'middle' : 'low';
    out.push(
      `<div class="score" aria-label="${escapeHtml(`${WORDS.score} ${rd.score}/100`)}">`,
      `<div class="figure">${rd.score}<small>/100</small></div>`,
      `<div class="bar" role="img" aria-label="${rd.score} / 100"><span class="${level}" style="width: ${rd.score}%"></span></div>`,
      `<p>${escapeHtml(`${rd.preconditionCount} · ${m.findingCount}`)}</p>`,
      '</div>',
    );
  }
  if (m.context) out.push(`<p class="context">${escapeHtml(m.context)}</p>`);
  if (m.unscored) out.push(`<p class="unscored">${escapeHtml(m.unscored)}</p>`);

  if (rd) {
    out.push(`<h2>${escapeHtml(REPORT_HEADINGS.preconditions)}</h2>`, '<ul class="marks preconditions">');
    for (const p of rd.preconditions) {
      const quote = p.quote ? `<blockquote>${escapeHtml(p.quote)}${p.line ? ` <span class="muted">(${line(p.line)})</span>` : ''}</blockquote>` : '';
      out.push(
        `<li class="${p.met ? 'yes' : 'no'}"><strong>${escapeHtml(p.label)}</strong> <span class="muted">(${p.met ? WORDS.met : WORDS.notMet})</span>: ${escapeHtml(p.reason)}${quote}</li>`,
      );
    }
    out.push('</ul>', `<h2>${escapeHtml(REPORT_HEADINGS.redFlags)}</h2>`);
    if (rd.redFlags.length === 0) out.push(`<p class="muted">${WORDS.none}</p>`);
    else {
      out.push('<ul class="marks red-flags">');
      for (const f of rd.redFlags) out.push(`<li class="no">${escapeHtml(f.message)} <span class="muted">(${line(f.line)}, −${f.penalty} ${WORDS.points})</span></li>`);
      out.push('</ul>');
    }
    out.push(`<h2>${escapeHtml(REPORT_HEADINGS.scoring)}</h2>`, '<ul class="scoring">', ...rd.scoring.map((b) => `<li>${escapeHtml(b)}</li>`), '</ul>');
  }
  if (m.sections.length) {
    out.push(`<h2>${escapeHtml(REPORT_HEADINGS.sections)}</h2>`, '<ul class="marks sections">');
    for (const s of m.sections) out.push(`<li class="${s.complete ? 'yes' : 'no'}">${escapeHtml(s.text)}</li>`);
    out.push('</ul>');
  }
  if (m.coveredElsewhere.length) {
    out.push(`<h2>${escapeHtml(REPORT_HEADINGS.coveredElsewhere)}</h2>`, '<ul class="marks covered">');
    for (const c of m.coveredElsewhere) out.push(`<li class="yes">${escapeHtml(c)}</li>`);
    out.push('</ul>');
  }

  out.push(`<h2>${escapeHtml(REPORT_HEADINGS.findings)} <span class="muted">(${escapeHtml(m.findingCount)})</span></h2>`);
  if (m.findingGroups.length === 0) out.push(`<p class="muted">${WORDS.noFindings}</p>`);
  for (const group of m.findingGroups) {
    out.push('<section class="group">', `<h3>${escapeHtml(group.heading)}${group.line !== null ? ` <span class="muted">(${line(group.line)})</span>` : ''}</h3>`);
    for (const f of group.findings) out.push(findingHtml(f, line));
    out.push('</section>');
  }
  out.push('</article>');
  return out.join('\n');
}

function findingHtml(f: ReportFinding, line: (n: number) => string): string {
  return [
    `<div class="finding ${f.severity}" data-rule="${escapeHtml(f.ruleId)}">`,
    `<p class="where"><span class="severity">${escapeHtml(f.severityLabel)}</span> · ${line(f.line)}</p>`,
    `<p class="message">${escapeHtml(f.message)}</p>`,
    ...(f.why ? [`<p class="why"><strong>${WORDS.why}</strong> ${escapeHtml(f.why)}</p>`] : []),
    ...(f.fix ? [`<p class="fix"><strong>${WORDS.fix}</strong> ${escapeHtml(f.fix)}</p>`] : []),
    '</div>',
  ].join('\n');
}
