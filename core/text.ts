/** Line/column bookkeeping over the raw text. Columns and offsets are UTF-16 code units. */
import type { Span } from './types.js';

export class LineIndex {
  /** Offset of the first character of each line. Line endings: \r\n, \n or a lone \r. */
  readonly starts: number[];
  /** `starts`, when known (from the pieces of the document), saves a scan of the text. */
  constructor(
    readonly text: string,
    known?: number[],
  ) {
    if (known) {
      this.starts = known;
      return;
    }
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }
  get lineCount(): number {
    return this.starts.length;
  }
  /** 0-based line of an offset. */
  lineOf(offset: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  /** Offset just past the last content character of a 0-based line (before its line ending). */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }
  span(start: number, end: number): Span {
    const s = clamp(start, 0, this.text.length);
    const e = clamp(Math.max(end, s), 0, this.text.length);
    const sl = this.lineOf(s);
    const el = this.lineOf(e);
    return {
      line: sl + 1,
      column: s - this.starts[sl] + 1,
      endLine: el + 1,
      endColumn: e - this.starts[el] + 1,
      startOffset: s,
      endOffset: e,
    };
  }
  /** Span of a whole line's content (0-based line). */
  lineSpan(line: number): Span {
    return this.span(this.starts[line], this.lineEnd(line));
  }
}

function clamp(n: number, lo: number, hi: number): number {
  return n < lo ? lo : n > hi ? hi : n;
}

/** How many line endings (\r\n, \n or \r) the text ends with, counting at most `max`. A backwards scan, linear on any input. */
export function trailingLineEndings(text: string, max = 2): number {
  let n = 0;
  for (let i = text.length - 1; i >= 0 && n < max; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      n++;
      if (i > 0 && text.charCodeAt(i - 1) === 13) i--;
    } else if (c === 13) n++;
    else break;
  }
  return n;
}

/** The line ending the document mostly uses, for inserted text: \r\n, \n or a lone \r. */
export function dominantEol(text: string): string {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lf++;
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    }
  }
  if (cr > lf && cr > crlf) return '\r';
  return crlf > lf ? '\r\n' : '\n';
}

/**
 * Text from a document (a tier name, a quoted figure) made inert in markdown: the characters that
 * would start a link, an image, HTML, code or emphasis are escaped, so a hover or report shows
 * them as written and fetches nothing.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}\[\]()<>#!|~]/g, (c) => `\\${c}`);
}
