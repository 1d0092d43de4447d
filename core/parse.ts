/**
 * Markdown parsing: unified + remark-parse with GFM tables and YAML front matter.
 *
 * The document is cut into pieces at ATX headings that start a line outside
 * fenced code and HTML blocks (front matter is its own piece), and each piece
 * is parsed on its own. A heading at column 0 always closes every open block
 * (lists, quotes, tables, paragraphs), so the pieces parse exactly as the whole
 * would, while the cost stays linear and unchanged pieces can be reused.
 * Only the GFM table extension is loaded: the rules read tables, and the other
 * GFM constructs (autolinks, footnotes, strikethrough) cost most of the parse.
 */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Root, RootContent } from 'mdast';

function remarkGfmTables(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmTables).freeze();

export interface Piece {
  /** Offset of the piece in the document. */
  start: number;
  /** 0-based line of the piece's first line. */
  line: number;
  text: string;
  /** Top-level nodes; positions are local to the piece (immutable, shared through the cache). */
  nodes: RootContent[];
  /** The cache entry (shared by every document version with the same piece text). */
  entry: PieceEntry;
}

/** What is kept per piece between analyses: its parse, and what the plan model read from it. */
export interface PieceEntry {
  nodes: RootContent[];
  /** Set by the plan model: units, sentences and comments of the piece (piece-local offsets). */
  extract?: unknown;
}

/**
 * Cache of parsed pieces keyed by their text alone, reused across edits of the same document.
 * Call `sweep()` after each analysis to drop pieces the document no longer has.
 */
export class PieceCache {
  private map = new Map<string, PieceEntry>();
  private next = new Map<string, PieceEntry>();
  get(text: string): PieceEntry | undefined {
    const hit = this.map.get(text) ?? this.next.get(text);
    if (hit) this.next.set(text, hit);
    return hit;
  }
  set(text: string, entry: PieceEntry): void {
    this.next.set(text, entry);
  }
  /** Drops everything not used since the previous sweep. */
  sweep(): void {
    this.map = this.next;
    this.next = new Map();
  }
  get size(): number {
    return this.map.size;
  }
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX = /^#{1,6}(?:[ \t]|$)/;
const HTML_RAW = /^ {0,3}<(script|pre|style|textarea)(?:\s|>|$)/i;
const HTML_OPEN = /^ {0,3}</;

/** Offsets where a new piece starts (always includes 0). */
export function pieceBoundaries(text: string): number[] {
  const bounds = [0];
  let pos = 0;
  let fence: { char: string; len: number } | null = null;
  let html: 'blank' | 'comment' | 'raw' | 'pi' | 'decl' | 'cdata' | null = null;
  // Front matter: a first line of exactly '---' opens it; it is its own piece.
  if (/^---[ \t]*(\r\n|\n|\r)/.test(text)) {
    const close = /(\r\n|\n|\r)(---|\.\.\.)[ \t]*(\r\n|\n|\r|$)/g;
    close.lastIndex = 3;
    const m = close.exec(text);
    if (!m) return bounds;
    pos = m.index + m[0].length;
  }
  while (pos < text.length) {
    let eol = pos;
    while (eol < text.length && text.charCodeAt(eol) !== 10 && text.charCodeAt(eol) !== 13) eol++;
    const line = text.slice(pos, eol);
    let next = eol;
    if (text.charCodeAt(next) === 13 && text.charCodeAt(next + 1) === 10) next += 2;
    else if (next < text.length) next += 1;
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence.char && m[1].length >= fence.len && m[2].trim() === '') fence = null;
    } else if (html) {
      if (html === 'blank') {
        if (line.trim() === '') html = null;
      } else if (
        (html === 'comment' && line.includes('-->')) ||
        (html === 'raw' && /<\/(script|pre|style|textarea)>/i.test(line)) ||
        (html === 'pi' && line.includes('?>')) ||
        (html === 'decl' && line.includes('>')) ||
        (html === 'cdata' && line.includes(']]>'))
      ) {
        html = null;
      }
    } else {
      if (ATX.test(line) && pos > 0 && bounds[bounds.length - 1] !== pos) bounds.push(pos);
      const f = FENCE.exec(line);
      if (f && !(f[1][0] === '`' && f[2].includes('`'))) {
        fence = { char: f[1][0], len: f[1].length };
      } else if (HTML_OPEN.test(line)) {
        const t = line.trimStart();
        if (HTML_RAW.test(line)) html = /<\/(script|pre|style|textarea)>/i.test(t) ? null : 'raw';
        else if (t.startsWith('<!--')) html = t.includes('-->', 4) ? null : 'comment';
        else if (t.startsWith('<?')) html = t.includes('?>', 2) ? null : 'pi';
        else if (t.startsWith('<![CDATA[')) html = t.includes(']]>') ? null : 'cdata';
        else if (/^<![A-Za-z]/.test(t)) html = t.includes('>') ? null : 'decl';
        else html = 'blank';
      }
    }
    pos = next;
  }
  return bounds;
}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) n++;
    else if (c === 13) {
      if (s.charCodeAt(i + 1) === 10) i++;
      n++;
    }
  }
  return n;
}

/** Parses a whole document in one go (reference implementation; used by tests and benchmarks). */
export function parseWhole(text: string): Root {
  return processor.parse(text) as Root;
}

/**
 * Parses the document piece by piece, reusing cached pieces (keyed by their text alone, so an
 * edit early in a document does not invalidate the pieces after it). Node positions are local
 * to the piece: add `piece.start` / `piece.line` for document coordinates.
 */
export function parsePieces(text: string, cache?: PieceCache, deadline?: number): Piece[] {
  const bounds = pieceBoundaries(text);
  const pieces: Piece[] = [];
  let line = 0;
  for (let i = 0; i < bounds.length; i++) {
    const start = bounds[i];
    const end = i + 1 < bounds.length ? bounds[i + 1] : text.length;
    // A byte-order mark is dropped by the parser; parse without it so offsets stay document offsets.
    const bom = start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const pieceText = text.slice(start + bom, end);
    let entry = cache?.get(pieceText);
    if (!entry) {
      if (deadline !== undefined && performance.now() > deadline) throw new Error('time budget exceeded');
      entry = { nodes: (processor.parse(pieceText) as Root).children };
      cache?.set(pieceText, entry);
    }
    pieces.push({ start: start + bom, line, text: pieceText, nodes: entry.nodes, entry });
    line += countLines(pieceText);
  }
  return pieces;
}
