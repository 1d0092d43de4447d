/**
 * Plain text from parsed markdown: inline nodes joined into a unit's text, with runs that map each
 * character back to its document offset; inline HTML collected on the side.
 */
import type { TextRun } from './units.js';

export class TextBuilder {
  text = '';
  runs: TextRun[] = [];
  constructor(
    private readonly doc: string,
    private readonly base: number,
  ) {}

  addSeparator(sep: string): void {
    const offset = this.runs.length ? this.lastOffset() : this.base;
    this.runs.push({ at: this.text.length, offset });
    this.text += sep;
  }

  private lastOffset(): number {
    const r = this.runs[this.runs.length - 1];
    return r.offset + (this.text.length - r.at);
  }

  addChildren(node: any): void {
    for (const child of node.children ?? []) this.addInline(child);
  }

  private addInline(node: any): void {
    switch (node.type) {
      case 'text':
        this.addLeaf(node.value, node.position);
        return;
      case 'inlineCode':
        // A key written as code reads as words: `mdf_rate: 0.03` is "mdf rate: 0.03" (same length, same offsets).
        this.addLeaf(node.value, node.position, node.value.replace(/_/g, ' '));
        return;
      case 'break':
        this.addLeaf('\n', node.position);
        return;
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        return;
      default:
        if (node.children) this.addChildren(node);
    }
  }

  private addLeaf(value: string, pos: any, shown = value): void {
    if (!value) return;
    if (!pos) {
      this.runs.push({ at: this.text.length, offset: this.runs.length ? this.lastOffset() : this.base });
      this.text += shown;
      return;
    }
    const start = this.base + pos.start.offset;
    const end = this.base + pos.end.offset;
    const src = this.doc.slice(start, end);
    const at0 = this.text.length;
    if (src === value) {
      this.runs.push({ at: at0, offset: start });
    } else {
      // Align the value with its source (escapes, entities, stripped indentation, code ticks).
      let j = 0;
      let prev = -2;
      for (let i = 0; i < value.length; i++) {
        const ch = value[i];
        // Look a short way ahead only: characters the parser replaced (NUL -> U+FFFD) or
        // decoded (entities) must not make this quadratic.
        let k = j;
        const limit = Math.min(src.length, j + 64);
        while (k < limit && src[k] !== ch) k++;
        let off: number;
        if (k < limit) {
          off = start + k;
          j = k + 1;
        } else {
          off = start + Math.min(j, Math.max(src.length - 1, 0));
          if (j < src.length) j++;
        }
        if (off !== prev + 1) this.runs.push({ at: at0 + i, offset: off });
        prev = off;
      }
    }
    this.text += shown;
  }
}

export function collectInlineHtml(node: any, base: number, out: Array<{ value: string; start: number; end: number }>): void {
  for (const c of node.children ?? []) {
    if (c.type === 'html' && c.position) out.push({ value: c.value, start: base + c.position.start.offset, end: base + c.position.end.offset });
    else if (c.children) collectInlineHtml(c, base, out);
  }
}
