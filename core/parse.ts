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

/**
 * Front matter of at least this many lines is read into its `yaml` node directly, not by the
 * markdown parser: the parser's tokens cost about 150 bytes per character of front matter, and
 * front matter this long is not parsed as YAML anyway (core/yaml-limits.ts).
 */
const DIRECT_FRONT_MATTER_LINES = 1000;

/**
 * Parses a piece as the markdown parser would; a piece that opens with long front matter gets
 * its `yaml` node built from the fences (the parser's rule: a first line of `---` and optional
 * spaces or tabs, closed by the next such line), and only the rest is parsed.
 */
function parsePiece(pieceText: string): RootContent[] {
  const open = /^---[ \t]*(\r\n|\n|\r)/.exec(pieceText);
  if (!open) return (processor.parse(pieceText) as Root).children;
  const close = /(\r\n|\n|\r)---[ \t]*(?=\r\n|\n|\r|$)/g;
  close.lastIndex = open[0].length - open[1].length;
  const m = close.exec(pieceText);
  if (!m) return (processor.parse(pieceText) as Root).children;
  const fenceEnd = m.index + m[0].length;
  let breaks = 0;
  let lineStart = 0;
  for (let i = 0; i < fenceEnd; i++) {
    const c = pieceText.charCodeAt(i);
    if (c === 10 || (c === 13 && pieceText.charCodeAt(i + 1) !== 10)) {
      breaks++;
      lineStart = i + 1;
    }
  }
  if (breaks < DIRECT_FRONT_MATTER_LINES) return (processor.parse(pieceText) as Root).children;
  const yaml = {
    type: 'yaml',
    value: m.index > open[0].length ? pieceText.slice(open[0].length, m.index) : '',
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: breaks + 1, column: fenceEnd - lineStart + 1, offset: fenceEnd } },
  } as RootContent;
  const ending = /^(\r\n|\n|\r)/.exec(pieceText.slice(fenceEnd, fenceEnd + 2))?.[0] ?? '';
  const restStart = fenceEnd + ending.length;
  const rest = (processor.parse(pieceText.slice(restStart)) as Root).children;
  const lineShift = breaks + (ending ? 1 : 0);
  const shift = (node: { position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } }; children?: unknown[] }) => {
    if (node.position) {
      for (const point of [node.position.start, node.position.end]) {
        point.line += lineShift;
        if (point.offset !== undefined) point.offset += restStart;
      }
    }
    for (const child of node.children ?? []) shift(child as typeof node);
  };
  for (const node of rest) shift(node as Parameters<typeof shift>[0]);
  return [yaml, ...rest];
}

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
  /**
   * Why the piece was not parsed (its lines counted from where it is now), or null. Such a piece
   * has no nodes: the rest of the document is analysed without it.
   */
  pathology: string | null;
}

/** What is kept per piece between analyses: its parse, and what the plan model read from it. */
export interface PieceEntry {
  /** The parse; released (empty) once the plan model has read the piece, to keep cached documents small. */
  nodes: RootContent[];
  /** Set by the plan model: units, sentences and comments of the piece (piece-local offsets). */
  extract?: unknown;
  /**
   * Set by the plan model when a document holds the piece's text more than once: what it read
   * for the second, third, ... copy (each copy's units are placed in the document on their own).
   */
  copies?: unknown[];
  /** Line endings in the piece. */
  lines: number;
  /** Offsets just past each line ending (piece-local). */
  breaks: number[];
  /** Why the piece is too pathological to parse (see `assessPiece`), or null. */
  pathology: string | null;
  /** Its estimated super-linear cost (see `PIECE_COST`). */
  cost: number;
  /** The piece's text as kept by the cache (a copy of its own, see `ownCopy`); set for cached entries. */
  text?: string;
}

/**
 * A copy of `s` that does not share storage with the string it was cut from. A slice of a document
 * can keep the whole document alive in some engines (V8 keeps a reference to the parent string);
 * a cache that keeps pieces across edits would then keep one old version of the document alive for
 * every piece, which grows with the edits instead of the document. Concatenation followed by a
 * slice makes the engine copy the characters.
 */
export function ownCopy(s: string): string {
  return s.length < 16 ? s : (' ' + s).slice(1);
}

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
  // Scanning starts at a boundary, or at the end of front matter: a new block either way.
  let blankBefore = true;
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
      if (pos > 0 && bounds[bounds.length - 1] !== pos && (ATX.test(line) || (pos - bounds[bounds.length - 1] >= SPLIT_AFTER && startsFresh(line, blankBefore)))) {
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
    blankBefore = !fence && line.trim() === '';
    pos = next;
  }
  return -1;
}

/**
 * A piece longer than this is cut before a line that starts a new top-level block whatever comes
 * before it (see `startsFresh`), so that no piece holds more than the parser handles quickly.
 */
export const SPLIT_AFTER = 16384;

/**
 * A line at column 0 that no open block can continue: after a blank line, one that is not a list
 * item (which would join the list above); or an HTML comment, which interrupts any block.
 */
function startsFresh(line: string, blankBefore: boolean): boolean {
  const c = line.charCodeAt(0);
  if (c === 60) return line.startsWith('<!--');
  if (!blankBefore || c === 32 || c === 9 || Number.isNaN(c)) return false;
  return !/^(?:[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/.test(line);
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
 * What reading a piece costs the markdown parser beyond its length, in units of about 50 ns: the
 * parser's super-linear paths, estimated in one linear scan. Inline openers that are not closed
 * (`<!--`, `<?`, `<!X`, `<![CDATA[`, a backtick run without a run of the same length) make it scan
 * to where they close or to the end of the paragraph; emphasis markers are paired with each other;
 * lines of nested lists or quotes, and the lines of one list or quote, are each compared with the
 * lines before them. A piece over `PIECE_COST`, over `MAX_LIST_ITEMS` list items or with a table of
 * over `MAX_TABLE_CELLS` cells is not parsed (see `assessPiece`).
 */
export const PIECE_COST = 2e7;
/** The most a document's pieces may cost in all; pieces past it are not parsed. */
export const DOCUMENT_COST = 6e7;
/** List items in one piece (each costs the parser some kilobytes of memory). */
export const MAX_LIST_ITEMS = 3000;
/** Cells of one table. */
export const MAX_TABLE_CELLS = 4000;

export interface PieceAssessment {
  /** Why the piece is not parsed, or null. */
  reason: string | null;
  /** Estimated super-linear cost (see `PIECE_COST`). */
  cost: number;
  /** What costs most, in words ("the paragraph from line 12 has 900 unclosed `<!--`"). */
  costliest: string;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * Assesses one piece for the parser's slow paths (see `PIECE_COST`). A single linear scan;
 * `firstLine` is the 0-based line of the text in its document. Front matter is not markdown.
 */
export function assessPiece(text: string, firstLine = 0): PieceAssessment {
  if (/^---[ \t]*(\r\n|\n|\r)/.test(text) && firstLine === 0) return { reason: null, cost: 0, costliest: '' };
  let line = firstLine + 1;
  let i = 0;
  const n = text.length;
  let cost = 0;
  let worst = 0;
  let costliest = '';
  const charge = (c: number, what: () => string) => {
    cost += c;
    if (c > worst) {
      worst = c;
      costliest = what();
    }
  };
  // Per block (lines up to a blank one).
  let blockStart = line;
  let blockLines = 0;
  let blockContainer = false;
  let blockTable = false;
  let blockCells = 0;
  let brackets = 0;
  let deepLines = 0;
  let delimiters = 0;
  let openers = 0;
  let openCost = 0;
  let ticks = 0;
  let tickCost = 0;
  // Unclosed inline openers: [count, sum of offsets] per kind (comment, processing instruction, declaration, CDATA).
  const pending = [0, 0, 0, 0, 0, 0, 0, 0];
  const tickRuns = new Map<number, [number, number]>();
  let listItems = 0;
  let nestedLines = 0;
  const close = (kind: number, at: number) => {
    if (pending[2 * kind]) openCost += pending[2 * kind] * at - pending[2 * kind + 1];
    pending[2 * kind] = pending[2 * kind + 1] = 0;
  };
  const endBlock = (at: number) => {
    for (let k = 0; k < 4; k++) close(k, at);
    for (const [c, sum] of tickRuns.values()) tickCost += c * at - sum;
    tickRuns.clear();
    if (openCost) charge(openCost * 2, () => `the paragraph from line ${blockStart} has ${count(openers, 'unclosed HTML opener')} (such as <!--)`);
    if (tickCost) charge(tickCost, () => `the paragraph from line ${blockStart} has ${count(ticks, 'run')} of backticks that do not pair up`);
    if (!blockTable && delimiters > 1) charge((delimiters * delimiters) / 2, () => `the paragraph from line ${blockStart} has ${count(delimiters, 'emphasis marker')}`);
    if (blockContainer && blockLines > 1) charge(blockLines * blockLines * 5, () => `the list or quote from line ${blockStart} runs ${count(blockLines, 'line')} without a blank line`);
    openCost = tickCost = openers = ticks = delimiters = brackets = deepLines = blockLines = blockCells = 0;
    blockContainer = blockTable = false;
  };
  let reason: string | null = null;
  while (i < n && !reason) {
    let depth = 0;
    let indent = 0;
    let j = i;
    while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) {
      indent += text.charCodeAt(j) === 9 ? 4 : 1;
      j++;
    }
    let items = 0;
    for (;;) {
      const c = text.charCodeAt(j);
      if (c === 62) {
        depth++;
        j++;
      } else if ((c === 45 || c === 42 || c === 43) && (text.charCodeAt(j + 1) === 32 || text.charCodeAt(j + 1) === 9)) {
        depth++;
        items++;
        j++;
      } else if (c >= 48 && c <= 57) {
        let k = j;
        while (k < n && k - j < 9 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
        const d = text.charCodeAt(k);
        if ((d === 46 || d === 41) && (text.charCodeAt(k + 1) === 32 || text.charCodeAt(k + 1) === 9)) {
          depth++;
          items++;
          j = k + 1;
        } else break;
      } else break;
      while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    }
    let end = j;
    let pipes = 0;
    let lineDelimiters = 0;
    while (end < n && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) {
      const c = text.charCodeAt(end);
      if (c === 42 || c === 95) {
        // A run of * or _ (an _ between letters or digits cannot open or close emphasis).
        let k = end;
        while (k < n && text.charCodeAt(k) === c) k++;
        if (c === 42 || !isWordChar(text.charCodeAt(end - 1)) || !isWordChar(text.charCodeAt(k))) lineDelimiters++;
        end = k;
        continue;
      }
      if (c === 91 || c === 93) brackets++;
      else if (c === 124) pipes++;
      else if (c === 60) {
        // <!--, <?, <![CDATA[, <!X
        const d = text.charCodeAt(end + 1);
        if (d === 63) open(0, end);
        else if (d === 33) {
          if (text.startsWith('--', end + 2)) open(1, end);
          else if (text.startsWith('[CDATA[', end + 2)) open(2, end);
          else open(3, end);
        }
      } else if (c === 62) {
        if (text.charCodeAt(end - 1) === 63) close(0, end);
        if (text.charCodeAt(end - 1) === 45 && text.charCodeAt(end - 2) === 45) close(1, end);
        if (text.charCodeAt(end - 1) === 93 && text.charCodeAt(end - 2) === 93) close(2, end);
        close(3, end);
      } else if (c === 96) {
        let k = end;
        while (k < n && text.charCodeAt(k) === 96) k++;
        const run = tickRuns.get(k - end);
        ticks++;
        if (run) {
          tickCost += run[0] * end - run[1];
          tickRuns.delete(k - end);
        } else tickRuns.set(k - end, [1, end]);
        end = k;
        continue;
      }
      end++;
    }
    const blank = end === j && depth === 0;
    if (blank) {
      endBlock(i);
      blockStart = line + 1;
    } else {
      if (blockLines === 0) blockContainer = depth > 0 || indent >= 2;
      blockLines++;
      if (pipes > 0 && /^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(text.slice(j, end))) blockTable = true;
      blockCells += pipes + 1;
      // In a table each cell is read on its own: its emphasis markers pair up within the row.
      if (pipes > 0) cost += (lineDelimiters * lineDelimiters) / 2;
      else delimiters += lineDelimiters;
      listItems += items;
      if (depth > 1) nestedLines++;
      if (depth > 12 || indent > 48) deepLines++;
    }
    if (depth > 100) reason = `line ${line} nests ${depth} lists or quotes`;
    else if (indent > 400) reason = `line ${line} is indented ${indent} columns deep`;
    else if (brackets > 4000) reason = `the paragraph from line ${blockStart} has ${count(brackets, 'bracket')}`;
    else if (deepLines > 200) reason = `${deepLines} lines from line ${blockStart} are nested more than 12 levels deep`;
    else if (blockTable && blockCells > MAX_TABLE_CELLS) reason = `the table from line ${blockStart} has more than ${count(MAX_TABLE_CELLS, 'cell')}`;
    else if (listItems > MAX_LIST_ITEMS) reason = `it has more than ${count(MAX_LIST_ITEMS, 'list item')}`;
    i = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    line++;
  }
  if (!reason) {
    endBlock(n);
    if (nestedLines > 1) charge(nestedLines * nestedLines * 24, () => `${count(nestedLines, 'line')} start lists or quotes nested in each other`);
    if (cost > PIECE_COST) reason = costliest;
  }
  return { reason, cost, costliest };

  function open(kind: number, at: number): void {
    pending[2 * kind]++;
    pending[2 * kind + 1] += at;
    openers++;
  }
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

/** Why a piece is not parsed (see `assessPiece`), or null. */
export function pathologicalMarkdown(text: string, firstLine = 0): string | null {
  return assessPiece(text, firstLine).reason;
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
  let spent = 0;
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
      // The cached copy, not the slice of this version: the next versions reuse it.
      if (entry?.text !== undefined) pieceText = entry.text;
    }
    if (!entry) {
      // A piece that is cached is kept as a copy of its own, not as a slice of this version.
      if (cache) pieceText = ownCopy(pieceText);
      if (deadline !== undefined && performance.now() > deadline) throw new Error('time budget exceeded');
      const assessed = assessPiece(pieceText, line);
      spent += assessed.cost;
      // Past the document's allowance, a costly piece is left out too (and not cached: it depends on the pieces before it).
      const overAllowance = !assessed.reason && spent > DOCUMENT_COST && assessed.cost > PIECE_COST / 20;
      const pathology = assessed.reason ?? (overAllowance ? `${assessed.costliest}, and the parts above it already took the time one document is allowed` : null);
      const breaks = lineBreaks(pieceText);
      entry = { nodes: pathology ? [] : parsePiece(pieceText), lines: breaks.length, breaks, pathology, cost: assessed.cost };
      if (cache) entry.text = pieceText;
      if (read && !pathology) {
        entry.extract = read(pieceText, entry.nodes);
        entry.nodes = [];
      }
      if (!overAllowance) cache?.set(pieceText, entry);
    } else spent += entry.cost;
    entries.push(entry);
    texts.push(pieceText);
    // The reason names lines: say it again for where the piece is now.
    const pathology = entry.pathology ? (pathologicalMarkdown(pieceText, line) ?? entry.pathology) : null;
    pieces.push({ start: start + bom, line, text: pieceText, nodes: entry.nodes, entry, pathology });
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
