/**
 * Reading one piece of a document (its parsed blocks) into units with piece-local offsets: pure,
 * so what is read is cached with the piece and reused while its text is unchanged.
 */
import type { Heading, Html, RootContent, Table, Yaml } from 'mdast';
import { splitSentences } from './sentences.js';
import { BOLD_HEADING, leadLabel, wrappedProse } from './structure.js';
import { tableUnits } from './tables.js';
import { collectInlineHtml, TextBuilder } from './text-builder.js';
import { Unit, type UnitKind } from './units.js';

export interface PieceExtract {
  /** Answers of `PlanModel.select` / `perPiece` for this piece, by `answerId`. */
  answers?: unknown[];
  units: Unit[];
  html: Array<{ value: string; start: number; end: number }>;
  yaml?: { value: string; start: number; end: number };
}

let listIds = 0;

/** Reads a piece's blocks into units with piece-local offsets. Pure: depends on the piece text only. */
export function extractPiece(text: string, nodes: RootContent[]): PieceExtract {
  const x: PieceExtract = { units: [], html: [] };
  const push = (u: Unit) => {
    splitSentences(u);
    x.units.push(u);
  };
  const inline = (kind: UnitKind, node: any): Unit => {
    const b = new TextBuilder(text, 0);
    b.addChildren(node);
    if (kind === 'paragraph') collectInlineHtml(node, 0, x.html);
    const p = node.position;
    const unit = new Unit(kind, b.text, p.start.offset, p.end.offset, b.runs);
    if (kind === 'paragraph') unit.label = leadLabel(node, b.text);
    return unit;
  };
  const block = (node: RootContent, list?: Unit['list'], inherited = ''): void => {
    switch (node.type) {
      case 'yaml': {
        const p = (node as Yaml).position!;
        x.yaml = { value: (node as Yaml).value, start: p.start.offset!, end: p.end.offset! };
        return;
      }
      case 'heading': {
        const unit = inline('heading', node);
        unit.depth = (node as Heading).depth;
        push(unit);
        return;
      }
      case 'paragraph': {
        // A line that is bold and nothing else ("**Context**") is a heading the author wrote by hand:
        // a section under the current heading (depth past markdown's six), never the title.
        if (!list && BOLD_HEADING.test(text.slice(node.position!.start.offset!, node.position!.end.offset!)) && node.children.length === 1 && node.children[0].type === 'strong') {
          const unit = inline('heading', node);
          unit.depth = 7;
          push(unit);
          return;
        }
        const unit = inline('paragraph', node);
        unit.list = list;
        // Sub-bullets under "- **Product**" speak under that label.
        if (!unit.label && inherited) unit.label = inherited;
        push(unit);
        return;
      }
      case 'list': {
        const id = ++listIds;
        const depth = list ? list.depth + 1 : 0;
        node.children.forEach((item, i) => {
          let label = inherited;
          for (const child of item.children) {
            const before = x.units.length;
            block(child, { id, item: i, ordered: !!node.ordered, depth }, label);
            if (child.type === 'paragraph' && x.units.length > before) label = x.units[before].label || label;
          }
        });
        return;
      }
      case 'blockquote':
        for (const child of node.children) block(child, list, inherited);
        return;
      case 'table':
        tableUnits(text, node as Table).forEach(push);
        return;
      case 'html': {
        const p = (node as Html).position!;
        x.html.push({ value: (node as Html).value, start: p.start.offset!, end: p.end.offset! });
        // Callouts and toggles exported from Notion and similar tools (<aside>, <details>, <summary>)
        // wrap prose: the text inside is read as the author's words.
        for (const n of wrappedProse((node as Html).value, p.start.offset!)) block(n, undefined, inherited);
        return;
      }
      default:
        return;
    }
  };
  // A paragraph that is only bold text ("**Program targets (month 36)**") labels the list after it.
  let pseudo = '';
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i];
    const before = x.units.length;
    const underlined = numberedTitleUnderlined(text, n, nodes[i + 1]);
    if (underlined) {
      // "6) Deal registration (DR)" over a line of dashes: a numbered heading in setext style, which
      // markdown reads as a one-item list and a rule. The author wrote a heading; it is read as one.
      const unit = inline('heading', underlined);
      unit.depth = 2;
      push(unit);
      i++;
      pseudo = '';
      continue;
    }
    block(n, undefined, n.type === 'list' ? pseudo : '');
    const u = x.units[before];
    if (n.type === 'paragraph' && u) pseudo = u.label && u.text.trim().length <= u.label.length + 2 ? u.label : '';
    else if (n.type !== 'list') pseudo = '';
  }
  // What is cached with the piece is kept at its exact size (arrays grown by push keep spare room).
  for (const u of x.units) u.compact();
  return x;
}

/**
 * The title of a one-item ordered list ("6) Deal registration (DR)") written directly over a line
 * of dashes, or null. A short title (no closing full stop) only: "1. Approve it." over a rule is a list.
 */
function numberedTitleUnderlined(text: string, node: RootContent, next: RootContent | undefined): RootContent | null {
  if (node.type !== 'list' || !node.ordered || node.children.length !== 1 || next?.type !== 'thematicBreak') return null;
  const item = node.children[0];
  const para = item.children[0];
  if (item.children.length !== 1 || para?.type !== 'paragraph') return null;
  const end = node.position!.end;
  const rule = next.position!.start;
  if (rule.line !== end.line + 1 || !/^ {0,3}-{2,}\s*$/.test(text.slice(rule.offset!, next.position!.end.offset!))) return null;
  const title = text.slice(para.position!.start.offset!, para.position!.end.offset!);
  return title.length <= 80 && !/[.!?:;]\s*$/.test(title) && !title.includes('\n') ? para : null;
}
