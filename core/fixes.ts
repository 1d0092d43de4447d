/** Building and applying fixes: minimal text edits, never a re-stringified document. */
import type { Finding, Fix, TextEdit } from './types.js';
import type { PlanModel, Section } from './model.js';
import { dominantEol } from './text.js';
import { renderTemplate } from './templates.js';

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
    taken.push(...fix.edits.map((e) => ({ ...e, order: taken.length })));
    applied.push({ ruleId: finding.ruleId, title: fix.title });
  }
  const sorted = [...taken].sort((a, b) => b.start - a.start || b.end - a.end || b.order - a.order);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  const edits = [...sorted].reverse().map(({ start, end, newText }) => ({ start, end, newText }));
  return { text: out, applied, skipped, edits };
}

/** The heading level sections of this plan use (the most common level below the title), default 2. */
export function sectionLevel(plan: PlanModel): number {
  const counts = new Map<number, number>();
  for (const s of plan.sections) if (s.heading && s.heading !== plan.titleUnit) counts.set(s.depth, (counts.get(s.depth) ?? 0) + 1);
  let best = 2;
  let n = 0;
  for (const [d, c] of counts) if (c > n || (c === n && d < best)) [best, n] = [d, c];
  return best;
}

/** Inserts a section template at the end of the document. */
export function insertSectionFix(plan: PlanModel, templateId: string, title: string, safe: boolean): Fix {
  const eol = dominantEol(plan.text);
  const body = renderTemplate(templateId, { format: 'text', headingLevel: sectionLevel(plan) }).replace(/\n/g, eol);
  const t = plan.text;
  const trailing = /(\r\n|\n|\r)*$/.exec(t)![0];
  const lead = t.length === 0 ? '' : trailing.length === 0 ? eol + eol : /(\r\n|\n|\r){2,}$/.test(t) ? '' : eol;
  return { title, safe, templateId, edits: [{ start: t.length, end: t.length, newText: lead + body + eol }] };
}

/** Appends a line to a section: a list item when the section ends with a list, else a paragraph. */
export function appendToSectionFix(plan: PlanModel, section: Section, line: string, title: string, safe: boolean): Fix {
  const eol = dominantEol(plan.text);
  const units = [...section.allUnits()].filter((u) => u.kind !== 'heading');
  const last = units[units.length - 1];
  if (!last) {
    const at = plan.lines.lineEnd(plan.lines.lineOf(section.heading!.end));
    return { title, safe, edits: [{ start: at, end: at, newText: eol + eol + line }] };
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
