/**
 * Units: the blocks of a plan (a heading, a paragraph, a table row) as plain text, with a map back
 * to document offsets, their sentences and the section they sit in.
 */
import type { Cell, TableModel } from './tables.js';
import type { Section } from './outline.js';
import type { Sentence } from './sentences.js';

export interface TextRun {
  /** Index in the unit's plain text. */
  at: number;
  /** Document offset of that character. */
  offset: number;
}

export type UnitKind = 'heading' | 'paragraph' | 'tableRow' | 'html' | 'code' | 'frontmatter';

export class Unit {
  sentences: Sentence[] = [];
  section: Section | null = null;
  cells?: Cell[];
  table?: TableModel;
  isHeaderRow = false;
  /** Set for paragraphs in a list item: the list and the item's index. */
  list?: { id: number; item: number; ordered: boolean; depth: number };
  depth = 0;
  index = 0;
  /** A lead-in label: `**Owner:** ...`, `Commission: ...` (without the punctuation). */
  label = '';
  /** Offset of the unit's piece in the document; the unit's own offsets are piece-local. */
  base = 0;
  constructor(
    readonly kind: UnitKind,
    readonly text: string,
    private readonly localStart: number,
    private readonly localEnd: number,
    private runs: TextRun[],
  ) {}
  get start(): number {
    return this.base + this.localStart;
  }
  get end(): number {
    return this.base + this.localEnd;
  }
  /** Trims the unit's arrays to their exact size (for units kept in the piece cache). */
  compact(): void {
    this.runs = this.runs.slice();
    this.sentences = this.sentences.slice();
    if (this.cells) this.cells = this.cells.slice();
  }
  /** Document offset of a plain-text index (end positions: pass the index of the last char + 1). */
  offsetAt(i: number): number {
    if (this.runs.length === 0) return this.start;
    if (i >= this.text.length) {
      const last = this.offsetAt(this.text.length - 1);
      return Math.min(last + 1, this.end);
    }
    let lo = 0;
    let hi = this.runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.runs[mid].at <= i) lo = mid;
      else hi = mid - 1;
    }
    const r = this.runs[lo];
    return this.base + r.offset + (i - r.at);
  }
  /** The cell index containing plain-text index i (table rows). */
  cellAt(i: number): number {
    if (!this.cells) return -1;
    let k = 0;
    for (let c = 0; c < this.cells.length; c++) if (this.cells[c].at <= i) k = c;
    return k;
  }
}
