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
  /** The parse; released (empty) once the plan model has read the piece, to keep cached documents small. */
  nodes: RootContent[];
  /** Set by the plan model: units, sentences and comments of the piece (piece-local offsets). */
  extract?: unknown;
  /** Line endings in the piece. */
  lines: number;
  /** Offsets just past each line ending (piece-local). */
  breaks: number[];
  /** Why the piece is too pathological to parse (see `pathologicalMarkdown`), or null. */
  pathology: string | null;
}

/** Thrown by `parsePieces` for markdown the parser would take super-linear time on. */
export class PathologicalMarkdown extends Error {}

/**
 * Cache of parsed pieces keyed by their text alone, reused across edits of the same document.
 * Call `sweep()` after each analysis to drop pieces the document no longer has.
 */
export class PieceCache {
  private map = new Map<string, PieceEntry>();
  private next = new Map<string, PieceEntry>();
  /** The previous document: its text, piece boundaries, piece texts and entries (for reuse by position). */
  last: { text: string; bounds: number[]; texts: string[]; entries: PieceEntry[] } | null = null;
  /** What the plan model of the previous document version keeps for the next one (see PlanModel). */
  lastModel?: unknown;
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
  /** Marks an entry reused by position as used (kept by the next sweep). */
  keep(text: string, entry: PieceEntry): void {
    this.next.set(text, entry);
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
  // Front matter: a first line of exactly '---' opens it; it is its own piece.
  if (/^---[ \t]*(\r\n|\n|\r)/.test(text)) {
    const close = /(\r\n|\n|\r)(---|\.\.\.)[ \t]*(\r\n|\n|\r|$)/g;
    close.lastIndex = 3;
    const m = close.exec(text);
    if (!m) return bounds;
    pos = m.index + m[0].length;
  }
  scanBoundaries(text, pos, bounds);
  return bounds;
}

/**
 * The boundaries of `text` given those of a previous version of it: only the lines from the last
 * boundary before the edit are scanned, until the scan reaches, past the edit, a boundary the
 * previous version also had (the scanner is then in the same state on the same text, so the rest
 * is the previous boundaries, shifted). Equal to `pieceBoundaries(text)`.
 */
export function updateBoundaries(text: string, prevText: string, prevBounds: readonly number[], edit = changedRange(text, prevText)): number[] {
  const { prefix, suffix } = edit;
  if (prefix === text.length && prefix === prevText.length) return [...prevBounds];
  // Restart at a boundary whose line ends before the edit (a line break between it and the edit);
  // the first piece (front matter, text before the first heading) is always scanned whole.
  let i = prevBounds.length - 1;
  while (i > 0 && !hasBreak(prevText, prevBounds[i], prefix - 1)) i--;
  if (i === 0) return pieceBoundaries(text);
  const delta = text.length - prevText.length;
  const editEnd = text.length - suffix;
  const bounds = prevBounds.slice(0, i + 1);
  const old = new Set<number>();
  // Boundaries the previous version had after the edit, where they are now.
  for (let k = i + 1; k < prevBounds.length; k++) if (prevBounds[k] >= prevText.length - suffix) old.add(prevBounds[k] + delta);
  const resumeAt = scanBoundaries(text, prevBounds[i], bounds, (pos) => pos >= editEnd && old.has(pos));
  if (resumeAt >= 0) for (let k = i + 1; k < prevBounds.length; k++) if (prevBounds[k] + delta > resumeAt) bounds.push(prevBounds[k] + delta);
  return bounds;
}

/** The lengths of the longest common prefix and suffix of two texts (not overlapping). */
export function changedRange(text: string, prev: string): { prefix: number; suffix: number } {
  const min = Math.min(text.length, prev.length);
  // Whole blocks first (string equality is a fast native compare), then character by character.
  const BLOCK = 2048;
  let prefix = 0;
  while (prefix + BLOCK <= min && text.substring(prefix, prefix + BLOCK) === prev.substring(prefix, prefix + BLOCK)) prefix += BLOCK;
  while (prefix < min && text.charCodeAt(prefix) === prev.charCodeAt(prefix)) prefix++;
  const room = min - prefix;
  let suffix = 0;
  while (suffix + BLOCK <= room && text.substring(text.length - suffix - BLOCK, text.length - suffix) === prev.substring(prev.length - suffix - BLOCK, prev.length - suffix)) suffix += BLOCK;
  while (suffix < room && text.charCodeAt(text.length - 1 - suffix) === prev.charCodeAt(prev.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

/** A line break in text[from, to). */
function hasBreak(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/**
 * Scans lines from `pos` (a line start where no fence or HTML block is open), pushing boundaries.
 * When `stop(pos)` holds at a boundary, pushes it and returns that position; otherwise returns -1.
 */
function scanBoundaries(text: string, pos: number, bounds: number[], stop?: (pos: number) => boolean): number {
  let fence: { char: string; len: number } | null = null;
  let html: 'blank' | 'comment' | 'raw' | 'pi' | 'decl' | 'cdata' | null = null;
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
      if (ATX.test(line) && pos > 0 && bounds[bounds.length - 1] !== pos) {
        bounds.push(pos);
        if (stop?.(pos)) return pos;
      }
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
  return -1;
}

/** Offsets just past each line ending (\r\n, \n or a lone \r). */
function lineBreaks(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) out.push(i + 1);
    else if (c === 13) {
      if (s.charCodeAt(i + 1) === 10) i++;
      out.push(i + 1);
    }
  }
  return out;
}

/**
 * Markdown that the parser handles in super-linear time: containers nested hundreds deep on one
 * line ("- - - - ...", "> > > ..."), indentation hundreds of columns deep, or thousands of emphasis
 * delimiters in one line. No plan is written like that; such a document is skipped with a reason.
 * A single linear scan; `firstLine` is the 0-based line of the text in its document.
 */
export function pathologicalMarkdown(text: string, firstLine = 0): string | null {
  let line = firstLine + 1;
  let i = 0;
  const n = text.length;
  // Per paragraph (lines up to a blank one): delimiter and bracket runs, and deeply nested lines.
  let paraStart = line;
  let paraDelimiters = 0;
  let paraBrackets = 0;
  let paraDeepLines = 0;
  while (i < n) {
    let depth = 0;
    let indent = 0;
    let j = i;
    while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) {
      indent += text.charCodeAt(j) === 9 ? 4 : 1;
      j++;
    }
    for (;;) {
      const c = text.charCodeAt(j);
      if (c === 62 || ((c === 45 || c === 42 || c === 43) && (text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9))) {
        depth++;
        j++;
      } else if (c >= 48 && c <= 57) {
        let k = j;
        while (k < n && k - j < 9 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
        const d = text.charCodeAt(k);
        if ((d === 46 || d === 41) && (text.charCodeAt(k + 1) === 32 || text.charCodeAt(k + 1) === 9)) {
          depth++;
          j = k + 1;
        } else break;
      } else break;
      while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    }
    let delimiters = 0;
    let brackets = 0;
    let end = j;
    while (end < n && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) {
      const c = text.charCodeAt(end);
      if (c === 42 || c === 95) delimiters++;
      else if (c === 91 || c === 93) brackets++;
      end++;
    }
    const blank = end === j && depth === 0;
    if (blank) {
      paraStart = line + 1;
      paraDelimiters = paraBrackets = paraDeepLines = 0;
    } else {
      paraDelimiters += delimiters;
      paraBrackets += brackets;
      if (depth > 12 || indent > 48) paraDeepLines++;
    }
    if (depth > 100) return `line ${line} nests ${depth} lists or quotes`;
    if (indent > 400) return `line ${line} is indented ${indent} columns deep`;
    if (paraDelimiters > 2000) return `the paragraph from line ${paraStart} has ${paraDelimiters} emphasis markers`;
    if (paraBrackets > 4000) return `the paragraph from line ${paraStart} has ${paraBrackets} brackets`;
    if (paraDeepLines > 200) return `${paraDeepLines} lines from line ${paraStart} are nested more than 12 levels deep`;
    i = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    line++;
  }
  return null;
}

/** Parses one piece (no cache): its top-level nodes. */
export function parsePieceText(text: string): RootContent[] {
  return (processor.parse(text) as Root).children;
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
export function parsePieces(
  text: string,
  cache?: PieceCache,
  deadline?: number,
  /**
   * Reads a newly parsed piece's tree into what is kept (`entry.extract`); the tree is then dropped
   * at once, so only one piece's tree is alive at a time.
   */
  read?: (pieceText: string, nodes: RootContent[]) => unknown,
): Piece[] {
  const last = cache?.last;
  const edit = last ? changedRange(text, last.text) : null;
  const bounds = last && edit ? updateBoundaries(text, last.text, last.bounds, edit) : pieceBoundaries(text);
  // Pieces the edit did not touch are found by position: same text before the edit, or after it.
  const reuse = last && edit ? reusable(text, last, edit) : null;
  const pieces: Piece[] = [];
  const entries: PieceEntry[] = [];
  const texts: string[] = [];
  let line = 0;
  for (let i = 0; i < bounds.length; i++) {
    const start = bounds[i];
    const end = i + 1 < bounds.length ? bounds[i + 1] : text.length;
    // A byte-order mark is dropped by the parser; parse without it so offsets stay document offsets.
    const bom = start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const k = reuse?.(start, end) ?? -1;
    let entry: PieceEntry | undefined;
    let pieceText: string;
    if (k >= 0) {
      // The previous version's string for the same text: its hash is already known.
      pieceText = last!.texts[k];
      entry = last!.entries[k];
      cache!.keep(pieceText, entry);
    } else {
      pieceText = text.slice(start + bom, end);
      entry = cache?.get(pieceText);
    }
    if (!entry) {
      if (deadline !== undefined && performance.now() > deadline) throw new Error('time budget exceeded');
      const pathology = pathologicalMarkdown(pieceText, line);
      const breaks = lineBreaks(pieceText);
      entry = { nodes: pathology ? [] : (processor.parse(pieceText) as Root).children, lines: breaks.length, breaks, pathology };
      if (read && !pathology) {
        entry.extract = read(pieceText, entry.nodes);
        entry.nodes = [];
      }
      cache?.set(pieceText, entry);
    }
    entries.push(entry);
    texts.push(pieceText);
    // The reason names lines: say it again for where the piece is now.
    if (entry.pathology) throw new PathologicalMarkdown(pathologicalMarkdown(pieceText, line) ?? entry.pathology);
    pieces.push({ start: start + bom, line, text: pieceText, nodes: entry.nodes, entry });
    line += entry.lines;
  }
  if (cache) cache.last = { text, bounds, texts, entries };
  return pieces;
}

/**
 * For the pieces of `text` that lie wholly before or wholly after the edit since the previous
 * version, the index of the previous version's piece with the same text; undefined for the others.
 */
function reusable(
  text: string,
  last: NonNullable<PieceCache['last']>,
  { prefix, suffix }: { prefix: number; suffix: number },
): (start: number, end: number) => number | undefined {
  const prev = last.text;
  const delta = text.length - prev.length;
  const byStart = new Map<number, number>();
  last.bounds.forEach((b, k) => byStart.set(b, k));
  const prevEnd = (k: number) => (k + 1 < last.bounds.length ? last.bounds[k + 1] : prev.length);
  return (start, end) => {
    // Before the edit: same start and end, and the piece ends at or before the first changed character.
    if (end <= prefix) {
      const k = byStart.get(start);
      return k !== undefined && prevEnd(k) === end ? k : undefined;
    }
    // After the edit: the same piece, shifted.
    if (start >= text.length - suffix) {
      const k = byStart.get(start - delta);
      return k !== undefined && prevEnd(k) === end - delta ? k : undefined;
    }
    return undefined;
  };
}
