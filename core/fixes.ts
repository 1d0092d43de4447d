/** Building and applying fixes: minimal text edits, never a re-stringified document. */
import type { Finding, Fix, TextEdit } from './types.js';
import type { PlanModel } from './model.js';
import type { Section } from './outline.js';
import type { Sentence } from './sentences.js';
import { dominantEol, trailingLineEndings } from './text.js';
import { PLACEHOLDER_OPEN, renderLine, renderTemplate } from './templates.js';

export interface ApplyFixesResult {
  text: string;
  /** Fixes applied, with the rule they came from. */
  applied: Array<{ ruleId: string; title: string }>;
  /** Fixes left out because they overlapped an earlier one (apply again to pick them up). */
  skipped: number;
  /** The edits applied, in the original text's offsets, sorted by position (for editors' minimal edits). */
  edits: TextEdit[];
}

/** Applies the first fix of each finding (safe ones only unless `safeOnly: false`); overlapping edits are left for a later pass. */
export function applyFixes(text: string, findings: Finding[], opts: { safeOnly?: boolean; ruleIds?: string[] } = {}): ApplyFixesResult {
  const safeOnly = opts.safeOnly ?? true;
  const chosen: Array<{ finding: Finding; fix: Fix }> = [];
  for (const f of findings) {
    if (opts.ruleIds && !opts.ruleIds.includes(f.ruleId)) continue;
    const fix = f.fixes?.find((x) => !safeOnly || x.safe);
    if (fix && fix.edits.length) chosen.push({ finding: f, fix });
  }
  const taken: Array<TextEdit & { order: number }> = [];
  const applied: ApplyFixesResult['applied'] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const { finding, fix } of chosen) {
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    // Insertions at the same point are kept, in finding order; anything else that touches is left for a later pass.
    const overlaps = fix.edits.some((e) => taken.some((t) => (e.start < t.end && t.start < e.end) || (e.start === t.start && (e.start !== e.end || t.start !== t.end))));
    if (overlaps || fix.edits.some((e) => e.start < 0 || e.end > text.length || e.start > e.end)) {
      skipped++;
      continue;
    }
    seen.add(key);
    for (const e of fix.edits) {
      // An edit identical to one already taken (a shared fence closer) is applied once.
      if (taken.some((t) => t.start === e.start && t.end === e.end && t.newText === e.newText)) continue;
      // At one point, text appended to the document's last section goes before a whole new section.
      taken.push({ ...e, order: (fix.templateId ? 1e6 : 0) + taken.length });
    }
    applied.push({ ruleId: finding.ruleId, title: fix.title });
  }
  const sorted = [...taken].sort((a, b) => b.start - a.start || b.end - a.end || b.order - a.order);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  const edits = [...sorted].reverse().map(({ start, end, newText }) => ({ start, end, newText }));
  return { text: out, applied, skipped, edits };
}

/**
 * The section inserts these findings offer (each finding's fix that inserts a template), as one
 * fix: "Insert 3 missing sections", with the edits applying them together (in finding order, a
 * shared fence closer once). Undefined when fewer than two sections can be inserted.
 */
export function insertMissingSectionsFix(text: string, findings: readonly Finding[]): Fix | undefined {
  const inserts = findings.flatMap((f) => {
    const fix = f.fixes?.find((x) => x.templateId !== undefined);
    return fix ? [{ ...f, fixes: [fix] }] : [];
  });
  if (inserts.length < 2) return undefined;
  const { edits, applied } = applyFixes(text, inserts, { safeOnly: false });
  if (applied.length < 2) return undefined;
  // Offered in the editor's menu, never applied unattended.
  return { title: `Insert ${applied.length} missing sections`, safe: false, edits };
}

/**
 * The heading level sections of this plan use (the most common markdown level below the title),
 * default 2. Bold lines read as headings have no markdown level and are not counted.
 */
export function sectionLevel(plan: PlanModel): number {
  const counts = new Map<number, number>();
  for (const s of plan.sections) if (s.heading && s.heading !== plan.titleUnit && s.depth <= 6) counts.set(s.depth, (counts.get(s.depth) ?? 0) + 1);
  let best = 2;
  let n = 0;
  for (const [d, c] of counts) if (c > n || (c === n && d < best)) [best, n] = [d, c];
  return best;
}

/** Inserts a section template at the end of the document. */
export function insertSectionFix(plan: PlanModel, templateId: string, title: string, safe: boolean): Fix {
  const { eol, opener } = documentEnd(plan);
  const body = renderTemplate(templateId, { format: 'text', headingLevel: sectionLevel(plan) }).replace(/\n/g, eol);
  const t = plan.text;
  const endings = trailingLineEndings(t);
  // A document that ends inside a fence gets the fence closed first; inside raw HTML or a comment,
  // an appended section would not be markdown at all, so the fix is not offered as safe.
  const close = opener && opener.kind === 'fence' ? `${endings === 0 ? eol : ''}${opener.closer}${eol}` : '';
  const lead = t.length === 0 ? '' : close ? eol : endings === 0 ? eol + eol : endings >= 2 ? '' : eol;
  // The fence closer is its own edit, so that two section inserts in one fix-all close the fence once.
  const edits: TextEdit[] = close ? [{ start: t.length, end: t.length, newText: close }] : [];
  edits.push({ start: t.length, end: t.length, newText: lead + body + eol });
  return { title, safe: safe && (!opener || opener.kind === 'fence'), templateId, edits };
}

/** Line ending and block open at the end of a plan's text: every section insert of one analysis asks, the text is scanned once. */
const DOCUMENT_END = new WeakMap<PlanModel, { eol: string; opener: ReturnType<typeof openBlockAtEnd> }>();
function documentEnd(plan: PlanModel): { eol: string; opener: ReturnType<typeof openBlockAtEnd> } {
  let end = DOCUMENT_END.get(plan);
  if (!end) DOCUMENT_END.set(plan, (end = { eol: dominantEol(plan.text), opener: openBlockAtEnd(plan.text.slice(plan.lastPieceStart)) }));
  return end;
}

/** The block still open at the end of the text (an unclosed fence, raw HTML or comment), if any. */
export function openBlockAtEnd(text: string): { kind: 'fence' | 'html'; closer: string } | null {
  let fence: { char: string; len: number; indent: number } | null = null;
  let html: RegExp | null = null;
  for (const line of text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)) {
    if (fence) {
      const m = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (m && m[1][0] === fence.char && m[1].length >= fence.len) fence = null;
      continue;
    }
    if (html) {
      if (html.test(line)) html = null;
      continue;
    }
    const f = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(line);
    if (f && !(f[2][0] === '`' && f[3].includes('`'))) {
      fence = { char: f[2][0], len: f[2].length, indent: f[1].length };
      continue;
    }
    const t = line.trimStart();
    if (/^<!--/.test(t) && !t.includes('-->', 4)) html = /-->/;
    else if (/^<(script|pre|style|textarea)\b/i.test(t) && !/<\/(script|pre|style|textarea)>/i.test(t)) html = /<\/(script|pre|style|textarea)>/i;
    else if (/^<\?/.test(t) && !t.includes('?>')) html = /\?>/;
    else if (/^<!\[CDATA\[/.test(t) && !t.includes(']]>')) html = /\]\]>/;
    else if (/^<![A-Za-z]/.test(t) && !t.includes('>')) html = />/;
  }
  if (fence) return { kind: 'fence', closer: fence.char.repeat(fence.len) };
  if (html) return { kind: 'html', closer: '' };
  return null;
}

/** Appends a line to a section: a list item when the section ends with a list, else a paragraph. */
/**
 * Appends a line to a section. `template` is written like a template body: what the author
 * must decide is a `{{n:label}}` placeholder, rendered `‹label›` (see `renderLine`).
 */
export function appendToSectionFix(plan: PlanModel, section: Section, template: string, title: string, safe: boolean): Fix {
  const eol = dominantEol(plan.text);
  const line = renderLine(template);
  const units = [...section.allUnits()].filter((u) => u.kind !== 'heading');
  const last = units[units.length - 1];
  if (!last) {
    const headingLine = plan.lines.lineOf(Math.max(section.heading!.end - 1, section.heading!.start));
    const at = plan.lines.lineEnd(headingLine);
    // Keep a blank line after the inserted text when something follows directly (a setext heading's text would absorb it).
    const next = headingLine + 1 < plan.lines.lineCount ? plan.lines.lineText(headingLine + 1) : '';
    return { title, safe, edits: [{ start: at, end: at, newText: eol + eol + line + (next.trim() ? eol : '') }] };
  }
  const lastLine = plan.lines.lineOf(Math.max(last.end - 1, last.start));
  const at = plan.lines.lineEnd(lastLine);
  if (last.list) {
    const src = plan.lines.lineText(plan.lines.lineOf(last.start));
    const bullet = /^(\s*)([-*+]|\d+[.)])\s+/.exec(src);
    const marker = bullet ? (/\d/.test(bullet[2]) ? `${bullet[1]}${Number(bullet[2].replace(/\D/g, '')) + 1}${bullet[2].replace(/\d+/, '')} ` : `${bullet[1]}${bullet[2]} `) : '- ';
    return { title, safe, edits: [{ start: at, end: at, newText: eol + marker + line }] };
  }
  if (last.kind === 'tableRow') return { title, safe, edits: [{ start: at, end: at, newText: eol + eol + line }] };
  return { title, safe, edits: [{ start: at, end: at, newText: eol + eol + line }] };
}

/** Inserts a sentence right after another sentence, in the same paragraph. */
export function appendSentenceFix(at: number, sentence: string, title: string, safe: boolean): Fix {
  return { title, safe, edits: [{ start: at, end: at, newText: ' ' + sentence }] };
}

/**
 * True when a section (or, without one, the given sentences) holds a line that states an element
 * with a placeholder still in it (`cue` names the element, e.g. /\bapprov/): the element is
 * there but unfilled, which `unfilled-placeholder` reports, so a "missing" rule stays silent and
 * a fix is never inserted twice.
 */
export function statesUnfilled(section: Section | null, sentences: readonly Sentence[], cue: RegExp): boolean {
  const pool = section ? section.allSentences() : sentences;
  return pool.some((s) => s.text.includes(PLACEHOLDER_OPEN) && cue.test(s.text));
}
