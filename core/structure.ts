/**
 * Structure written in markup: bold lines used as headings, FAQ pairs ("Q:" / "A:"), callouts and
 * toggles exported as HTML, lead-in labels ("**Owner:** ..."), and a statement without its label.
 */
import type { RootContent } from 'mdast';
import { parsePieceText } from './parse.js';
import { TextBuilder } from './text-builder.js';
import type { Sentence } from './sentences.js';

/** A whole line in bold, short, not a question: "**Context**", "**What partners do and get**". */
export const BOLD_HEADING = /^(?:\*\*|__)(?![QA]\s*[:.)])[^\n*_]{2,80}?(?<![?])(?:\*\*|__)\s*$/;

/** FAQ markup: "Q:" / "A:" (or "Question:" / "Answer:") at the start of a line. */
export const QUESTION_START = /^\s*(?:\*\*)?(?:Q|Question)\s*[:.)]/i;
export const ANSWER_START = /^\s*(?:\*\*)?(?:A|Answer)\s*[:.)](?:\*\*)?\s*/;

/** Tags that only wrap prose in exported documents: callouts, toggles and their summaries. */
const WRAPPER_TAGS = /^\s*(?:<\/?(?:aside|details|summary|div|section|center|figure|figcaption)\b[^<>\n]{0,200}>\s*)+|(?:\s*<\/?(?:aside|details|summary|div|section|center|figure|figcaption)\b[^<>\n]{0,200}>)+\s*$/gi;
const WRAPPER_START = /^\s*<(?:aside|details|summary|div|section|center|figure)\b/i;

/**
 * The markdown inside an HTML wrapper block, parsed with positions in the piece: consecutive lines
 * of text between wrapper tags are read as one block, a line with text between tags on its own.
 */
export function wrappedProse(value: string, at: number): RootContent[] {
  if (!WRAPPER_START.test(value) || value.length > 20_000) return [];
  const out: RootContent[] = [];
  let chunkStart = -1;
  let chunkEnd = -1;
  const flush = () => {
    if (chunkStart < 0) return;
    const chunk = value.slice(chunkStart, chunkEnd);
    for (const n of parsePieceText(chunk)) out.push(shiftPositions(n, at + chunkStart));
    chunkStart = -1;
  };
  let lineStart = 0;
  while (lineStart <= value.length) {
    const nl = value.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? value.length : nl;
    const line = value.slice(lineStart, lineEnd);
    WRAPPER_TAGS.lastIndex = 0;
    let from = 0;
    let to = line.length;
    let tagged = false;
    for (const m of line.matchAll(WRAPPER_TAGS)) {
      tagged = true;
      if (m.index === 0) from = m[0].length;
      else to = Math.min(to, m.index!);
    }
    const text = line.slice(from, to);
    if (!text.trim()) flush();
    else if (tagged) {
      flush();
      chunkStart = lineStart + from;
      chunkEnd = lineStart + to;
      flush();
    } else {
      if (chunkStart < 0) chunkStart = lineStart;
      chunkEnd = lineEnd;
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  flush();
  return out;
}

/** Moves a parsed node (and its children) by `delta` characters. */
function shiftPositions<T extends { position?: any; children?: any[] }>(node: T, delta: number): T {
  if (node.position) {
    node.position.start.offset += delta;
    node.position.end.offset += delta;
  }
  if (node.children) for (const c of node.children) shiftPositions(c, delta);
  return node;
}

export function leadLabel(node: any, text: string): string {
  const first = node.children?.[0];
  if (first && (first.type === 'strong' || first.type === 'emphasis')) {
    const b = new TextBuilder('', 0);
    b.addChildren(first);
    const label = b.text.trim().replace(/[:.\s]+$/, '');
    if (label && label.split(/\s+/).length <= 6) return label;
  }
  const m = /^\s*([A-Z][\w'’ -]{0,40}?)\s*:\s+\S/.exec(text);
  if (m && m[1].split(/\s+/).length <= 4) return m[1];
  return '';
}

/** The statement without its lead-in label or first table cell ("Enablement | None planned" -> "None planned"). */
export function content(s: Sentence): string {
  if (s.unit.cells && s.unit.cells.length > 1 && !s.unit.isHeaderRow) {
    const from = s.unit.cells[1].at - s.at;
    return from > 0 ? s.text.slice(from).trim() : s.text;
  }
  const label = s.unit.label;
  if (label && s.text.startsWith(label)) return s.text.slice(label.length).replace(/^[\s:.*_|—–-]+/, '');
  return s.text;
}
