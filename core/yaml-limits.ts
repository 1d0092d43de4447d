/**
 * Limits on the YAML Partnerlint reads: plan front matter and `.partnerlintrc`
 * files. The yaml library's parser recurses once per level of nesting, so a
 * few kilobytes of `[[[[…` overflow the stack (and a second overflow in the
 * same process can abort it), and it compares each key of a map with the
 * others (time quadratic in the number of keys). So every text is first
 * measured here, in one linear pass that never calls the library: its size,
 * how deeply its lists and maps are nested, and how many keys it has. Over a
 * limit, the text is not parsed at all.
 *
 * The depth is an upper bound of the depth the parser reaches. The scan
 * follows the yaml lexer's rules for what is text and what is structure
 * (quoted, plain and block scalars, comments, flow collections), so brackets
 * inside strings are not counted, and it counts generously where the parser
 * recovers from errors by nesting (see `Line`, `flowIndicator`). Where it
 * meets something it does not follow exactly (a flow collection cut short by a
 * line indented too little, tabs after a block scalar), it counts every later
 * bracket and indicator as if it opened a level. test/core/yaml-limits.test.ts
 * checks the bound against the parser on random texts.
 *
 * A parse that fails is remembered (by a hash of the text) and never run again
 * on the same text: `parseYamlOnce`.
 */
import { nodeCrypto } from './node-crypto.js';

export interface YamlLimits {
  /** Characters. */
  maxChars: number;
  /** Levels of lists and maps, counted generously (see `YamlScan`). */
  maxDepth: number;
  maxKeys: number;
}

/** The limits for front matter and config files: far beyond what either needs. */
export const YAML_LIMITS: YamlLimits = { maxChars: 1024 * 1024, maxDepth: 64, maxKeys: 1000 };

export type YamlLimitExceeded = 'size' | 'depth' | 'keys';

/** What went over a limit, in plain words, e.g. "it has more than 1,000 keys and list items". */
export function describeYamlLimit(exceeded: YamlLimitExceeded, limits: YamlLimits = YAML_LIMITS): string {
  if (exceeded === 'size') return `it is larger than ${limits.maxChars >= 1024 * 1024 ? `${Math.floor(limits.maxChars / (1024 * 1024))} MB` : `${limits.maxChars} characters`}`;
  if (exceeded === 'keys') return `it has more than ${limits.maxKeys.toLocaleString('en-US')} keys and list items`;
  return 'its lists and maps are nested too deeply to read safely';
}

/** Which limit `text` goes over, or null when it is within all of them. Linear in the text. */
export function checkYamlLimits(text: string, limits: YamlLimits = YAML_LIMITS): YamlLimitExceeded | null {
  if (text.length > limits.maxChars) return 'size';
  return new YamlScan(text, limits).run();
}

// ---------------------------------------------------------------- remembered failures

const FAILURES_KEPT = 32;
const failures = new Map<string, unknown>();

/**
 * Runs `parse(text)`, unless the same `kind` of parse already failed on this
 * exact text: then it throws what it threw that time, without parsing again.
 */
export function parseYamlOnce<T>(kind: string, text: string, parse: (text: string) => T): T {
  // Hashed only when something failed before (or fails now): most runs never hash.
  const keyOf = () => `${kind}:${nodeCrypto().createHash('sha256').update(text).digest('base64')}`;
  const key = failures.size > 0 ? keyOf() : undefined;
  if (key !== undefined && failures.has(key)) throw failures.get(key);
  try {
    return parse(text);
  } catch (err) {
    if (failures.size >= FAILURES_KEPT) failures.delete(failures.keys().next().value!);
    failures.set(key ?? keyOf(), err);
    throw err;
  }
}

// ---------------------------------------------------------------- the scan

/** Over a limit: stops the scan. */
class Exceeded {
  constructor(readonly what: YamlLimitExceeded) {}
}

/**
 * The scan met something it does not follow exactly; the rest is counted
 * roughly from `at`: the middle of the current line, a line with content
 * indented `lineIndent` spaces, or the start of a line.
 */
class Rough {
  constructor(
    readonly at: number,
    readonly lineIndent?: number | 'line-start',
  ) {}
}

const isBlank = (ch: string | undefined): boolean => ch === undefined || ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t';
const isFlowIndicator = (ch: string | undefined): boolean => ch === ',' || ch === '[' || ch === ']' || ch === '{' || ch === '}';
const isAnchorEnd = (ch: string | undefined): boolean => ch === undefined || isBlank(ch) || isFlowIndicator(ch);
const TAG_CHARS = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const HEX = /^[0-9A-Fa-f]$/;

type State = 'stream' | 'line-start' | 'doc' | 'flow' | 'done';

/**
 * Block nesting: each line that holds content sits under the last line
 * indented less; it may open two levels (a map and a sequence at the same
 * indentation) plus one per indicator (`- `, `? `, `: `) on it.
 *
 * That holds for lines of the usual shapes: `- ` indicators, then nothing, a
 * value, `key:`, `key: value` or `key: |` (values with tags or anchors). The
 * parser recovers from other lines (`a: b: c`, `'a'b:`, a bare `|` or `x`
 * among keys) by nesting what follows inside them, even lines at the same
 * indentation, so each line of another shape adds `IRREGULAR_LINE` levels to
 * everything after it.
 */
interface Line {
  indent: number;
  depth: number;
  /** 0: nothing yet; 1: a value or key; 2: `key:`; 3: `key: value`. */
  shape: number;
  /** Starts with `- ` or follows `---`: a value alone is a whole line. */
  item: boolean;
  irregular: boolean;
}

const IRREGULAR_LINE = 4;

/**
 * A port of the yaml package's lexer (2.x, parse/lexer.ts) reduced to what
 * decides structure, without its tokens: positions where a token starts,
 * quoted and block scalar extents, plain scalar ends, flow levels and the
 * indentation (`indentValue` / `indentNext`) those depend on.
 */
class YamlScan {
  private pos = 0;
  private indentValue = 0;
  private indentNext = 0;
  /**
   * Open flow collections: the indicators read in each since its last `,`,
   * and where its current item stands (see `flowToken`).
   */
  private readonly flows: Array<{ indicators: number; item: 'start' | 'key' | 'colon' | 'value' | 'explicit' }> = [];
  /**
   * Levels the open flow collections make: two each (`[a [b]]`, an error the
   * parser recovers from, pairs `a` with `[b]` in a map), and one per
   * indicator (see `flowIndicator`).
   */
  private flowDepth = 0;
  private flowKey = false;
  private keys = 0;
  /**
   * Each line with content counts as an entry: the parser takes a line among
   * a map's keys as a key even without a `: ` (an error it recovers from). The
   * line's first `: ` is then not counted again. (Of some malformed lines the
   * parser makes two keys: the count stays within a factor of two, which is
   * enough to bound its quadratic duplicate-key check.)
   */
  private lineKey = false;
  private readonly lines: Line[] = [];
  private line: Line = { indent: 0, depth: 0, shape: 0, item: true, irregular: false };
  /** Levels added by lines of unusual shapes (see `Line`). */
  private irregular = 0;
  /** The last line end found, and where the search started (the lexer's lineEndPos). */
  private nlFrom = 0;
  private nl = -1;

  constructor(
    private readonly text: string,
    private readonly limits: YamlLimits,
  ) {}

  run(): YamlLimitExceeded | null {
    try {
      try {
        let state: State = 'stream';
        // Each state consumes input or hands over to one that does; this only guards against a slip.
        let steps = 8 * (this.text.length + 2);
        while (state !== 'done' && this.pos < this.text.length) {
          if (--steps < 0) throw new Rough(this.pos);
          state =
            state === 'stream' ? this.stream() : state === 'line-start' ? this.lineStart() : state === 'doc' ? this.doc() : this.flow();
        }
      } catch (err) {
        if (!(err instanceof Rough)) throw err;
        this.rough(err.at, err.lineIndent);
      }
    } catch (err) {
      if (err instanceof Exceeded) return err.what;
      throw err;
    }
    return null;
  }

  // ---- counting

  private addKey(): void {
    if (++this.keys > this.limits.maxKeys) throw new Exceeded('keys');
  }

  private checkDepth(): void {
    if (this.line.depth + this.flowDepth + this.irregular > this.limits.maxDepth) throw new Exceeded('depth');
  }

  /** A block indicator (`- `, `? `, `: `) on the current line; `leading` before any token. */
  private blockIndicator(ch: string, leading: boolean): void {
    this.line.depth++;
    this.checkDepth();
    if (ch === ':' && this.lineKey) this.lineKey = false;
    else if (ch !== '-' || !leading) this.addKey();
    const line = this.line;
    if (leading && ch === '-' && line.shape === 0) line.item = true;
    else if (ch === ':' && line.shape === 1) line.shape = 2;
    else this.irregularLine();
  }

  /** A token on the current line (block context): a value or key, or a block scalar. */
  private blockToken(blockScalar = false): void {
    const line = this.line;
    if (blockScalar ? line.shape === 2 || (line.shape === 0 && line.item) : line.shape === 0 || line.shape === 2) line.shape++;
    else this.irregularLine();
  }

  private irregularLine(): void {
    if (this.line.irregular) return;
    this.line.irregular = true;
    this.irregular += IRREGULAR_LINE;
    this.checkDepth();
  }

  /** A line with content starts in block context at `indent` spaces. */
  private contentLine(indent: number, item = false): void {
    // The line before: a value alone, not an item, is not a usual line.
    const before = this.line;
    if (!before.item && before.shape < 2) this.irregularLine();
    while (this.lines.length > 0 && this.lines[this.lines.length - 1].indent >= indent) this.lines.pop();
    const parent = this.lines[this.lines.length - 1];
    this.line = { indent, depth: (parent?.depth ?? 0) + 2, shape: 0, item, irregular: false };
    this.lines.push(this.line);
    this.checkDepth();
    this.addKey();
    this.lineKey = true;
  }

  private openFlow(): void {
    this.flows.push({ indicators: 0, item: 'start' });
    this.flowDepth += 2;
    this.checkDepth();
  }

  private closeFlow(): void {
    this.flowDepth -= 2 + this.flows.pop()!.indicators;
  }

  private flowComma(): void {
    const top = this.flows[this.flows.length - 1];
    this.flowDepth -= top.indicators;
    top.indicators = 0;
    top.item = 'start';
  }

  /**
   * A token (scalar, alias, collection) in a flow collection. Each item counts
   * as an entry; a token that does not follow `,`, `? ` or `: ` starts another
   * item (the parser recovers from the missing `,`, e.g. across lines).
   */
  private flowToken(): void {
    const top = this.flows[this.flows.length - 1];
    if (top.item === 'colon') top.item = 'value';
    else if (top.item === 'explicit') top.item = 'key';
    else {
      this.addKey();
      top.item = 'key';
    }
  }

  /**
   * An indicator (`: `, `- `, `? `) in a flow collection. `[a: b]` holds a map
   * in the sequence, and the parser nests a further level for each indicator
   * that follows before a `,` (`[a: b: c]`, an error it recovers from), so
   * each counts a level.
   */
  private flowIndicator(ch: string): void {
    const top = this.flows[this.flows.length - 1];
    top.indicators++;
    this.flowDepth++;
    this.checkDepth();
    if (ch === ':') {
      if (top.item !== 'key') this.addKey();
      top.item = 'colon';
    } else {
      this.addKey();
      top.item = 'explicit';
    }
  }

  // ---- helpers (the lexer's, over the whole text)

  private at(n = 0): string | undefined {
    return this.text[this.pos + n];
  }

  /** Position of the `\n` ending the line of `from`, or the text's length. Remembered, so a long line is searched once. */
  private lineEnd(from: number): number {
    if (from < this.nlFrom || from > this.nl) {
      const nl = this.text.indexOf('\n', from);
      this.nlFrom = from;
      this.nl = nl === -1 ? this.text.length : nl;
    }
    return this.nl;
  }

  /** End of the line's content (before `\r\n` or `\n`). */
  private contentEnd(from: number): number {
    const nl = this.lineEnd(from);
    return nl < this.text.length && this.text[nl - 1] === '\r' ? nl - 1 : nl;
  }

  private spaces(allowTabs: boolean): number {
    const start = this.pos;
    for (let ch = this.text[this.pos]; ch === ' ' || (allowTabs && ch === '\t'); ch = this.text[++this.pos]);
    return this.pos - start;
  }

  private newline(): number {
    const ch = this.text[this.pos];
    if (ch === '\n') return (this.pos += 1), 1;
    if (ch === '\r' && this.text[this.pos + 1] === '\n') return (this.pos += 2), 2;
    return 0;
  }

  /** Only blanks, then the end of the line or a comment, from `pos`. */
  private atLineEnd(): boolean {
    let i = this.pos;
    let ch = this.text[i];
    while (ch === ' ' || ch === '\t') ch = this.text[++i];
    if (ch === undefined || ch === '#' || ch === '\n') return true;
    if (ch === '\r') return this.text[i + 1] === '\n';
    return false;
  }

  private toNextLine(): void {
    this.pos = this.lineEnd(this.pos);
    this.newline();
  }

  private continueScalar(offset: number): number {
    const text = this.text;
    let ch = text[offset];
    if (this.indentNext > 0) {
      let indent = 0;
      while (ch === ' ') ch = text[++indent + offset];
      if (ch === '\r' && text[indent + offset + 1] === '\n') return offset + indent + 1;
      return ch === '\n' || indent >= this.indentNext ? offset + indent : -1;
    }
    if (ch === '-' || ch === '.') {
      const dt = text.substr(offset, 3);
      if ((dt === '---' || dt === '...') && isBlank(text[offset + 3])) return -1;
    }
    return offset;
  }

  // ---- states

  private stream(): State {
    if (this.at() === '\ufeff') this.pos++;
    if (this.at() === '%') {
      // A directive: its line holds no content.
      this.toNextLine();
      return 'stream';
    }
    if (this.atLineEnd()) {
      this.toNextLine();
      return 'stream';
    }
    return this.lineStart();
  }

  private lineStart(): State {
    const ch = this.at();
    if (ch === '-' || ch === '.') {
      const s = this.text.substr(this.pos, 3);
      if ((s === '---' || s === '...') && isBlank(this.at(3))) {
        this.pos += 3;
        this.indentValue = 0;
        this.indentNext = 0;
        // A new document: nothing of the last one is open. What follows `---` on its line is content.
        this.lines.length = 0;
        if (s === '---') {
          this.contentLine(0, true);
          return 'doc';
        }
        this.line = { indent: 0, depth: 0, shape: 0, item: true, irregular: false };
        if (!this.atLineEnd()) throw new Rough(this.pos, 0);
        return 'stream';
      }
    }
    this.indentValue = this.spaces(false);
    if (this.indentNext > this.indentValue && !isBlank(this.at(1))) this.indentNext = this.indentValue;
    if (!this.atLineEnd()) this.contentLine(this.indentValue);
    // Block-start indicators.
    for (;;) {
      const c0 = this.at();
      if ((c0 === '-' || c0 === '?' || c0 === ':') && isBlank(this.at(1))) {
        this.pos++;
        const n = 1 + this.spaces(true);
        this.indentNext = this.indentValue + 1;
        this.indentValue += n;
        this.blockIndicator(c0, true);
      } else break;
    }
    return 'doc';
  }

  /** Tags, anchors and indicators before a token; as the lexer's pushIndicators. */
  private indicators(): void {
    for (;;) {
      const ch = this.at();
      if (ch === '!') {
        this.tag();
        this.spaces(true);
      } else if (ch === '&') {
        while (!isAnchorEnd(this.text[this.pos])) this.pos++;
        this.spaces(true);
      } else if (ch === '-' || ch === '?' || ch === ':') {
        const inFlow = this.flows.length > 0;
        const ch1 = this.at(1);
        if (!(isBlank(ch1) || (inFlow && isFlowIndicator(ch1)))) return;
        if (!inFlow) {
          this.indentNext = this.indentValue + 1;
          this.blockIndicator(ch, false);
        } else {
          if (this.flowKey) this.flowKey = false;
          this.flowIndicator(ch);
        }
        this.pos++;
        this.spaces(true);
      } else return;
    }
  }

  private tag(): void {
    const text = this.text;
    if (text[this.pos + 1] === '<') {
      let i = this.pos + 2;
      while (!isBlank(text[i]) && text[i] !== '>') i++;
      this.pos = text[i] === '>' ? i + 1 : i;
      return;
    }
    let i = this.pos + 1;
    for (let ch = text[i]; ch !== undefined; ) {
      if (TAG_CHARS.has(ch)) ch = text[++i];
      else if (ch === '%' && HEX.test(text[i + 1] ?? '') && HEX.test(text[i + 2] ?? '')) ch = text[(i += 3)];
      else break;
    }
    this.pos = i;
  }

  private doc(): State {
    this.spaces(true);
    this.indicators();
    const ch = this.pos < this.contentEnd(this.pos) ? this.at() : undefined;
    switch (ch) {
      case '#':
        this.pos = this.lineEnd(this.pos);
        this.newline();
        return 'line-start';
      case undefined:
        this.newline();
        return 'line-start';
      case '{':
      case '[':
        this.pos++;
        this.flowKey = false;
        this.blockToken();
        this.openFlow();
        return 'flow';
      case '}':
      case ']':
        this.pos++;
        this.irregularLine();
        return 'doc';
      case '*':
        while (!isAnchorEnd(this.text[this.pos])) this.pos++;
        this.blockToken();
        return 'doc';
      case '"':
      case "'":
        this.blockToken();
        return this.quoted();
      case '|':
      case '>':
        this.blockToken(true);
        return this.blockScalar();
      default:
        this.blockToken();
        return this.plain();
    }
  }

  private flow(): State {
    let nl: number;
    let sp: number;
    let indent = -1;
    do {
      nl = this.newline();
      if (nl > 0) {
        sp = this.spaces(false);
        this.indentValue = indent = sp;
      } else sp = 0;
      sp += this.spaces(true);
    } while (nl + sp > 0);
    const end = this.contentEnd(this.pos);
    const first = this.pos < end ? this.at() : undefined;
    if (
      (indent !== -1 && indent < this.indentNext && first !== '#') ||
      (indent === 0 && (this.text.startsWith('---', this.pos) || this.text.startsWith('...', this.pos)) && isBlank(this.at(3)))
    ) {
      const atFlowEndMarker = indent === this.indentNext - 1 && this.flows.length === 1 && (first === ']' || first === '}');
      // The lexer ends every flow collection here and reads on as a new line.
      if (!atFlowEndMarker) throw new Rough(this.pos, Math.max(indent, 0));
    }
    while (this.at() === ',') {
      this.pos++;
      this.spaces(true);
      this.flowKey = false;
      this.flowComma();
    }
    this.indicators();
    const ch = this.pos < this.contentEnd(this.pos) ? this.at() : undefined;
    switch (ch) {
      case undefined:
        return 'flow';
      case '#':
        this.pos = this.lineEnd(this.pos);
        return 'flow';
      case '{':
      case '[':
        this.pos++;
        this.flowKey = false;
        this.flowToken();
        this.openFlow();
        return 'flow';
      case '}':
      case ']':
        this.pos++;
        this.flowKey = true;
        this.closeFlow();
        return this.flows.length > 0 ? 'flow' : 'doc';
      case '*':
        while (!isAnchorEnd(this.text[this.pos])) this.pos++;
        this.flowToken();
        return 'flow';
      case '"':
      case "'":
        this.flowKey = true;
        this.flowToken();
        return this.quoted();
      case ':': {
        const next = this.at(1);
        if (this.flowKey || isBlank(next) || next === ',') {
          this.flowKey = false;
          this.pos++;
          this.spaces(true);
          this.flowIndicator(':');
          return 'flow';
        }
        this.flowKey = false;
        this.flowToken();
        return this.plain();
      }
      default:
        this.flowKey = false;
        this.flowToken();
        return this.plain();
    }
  }

  private quoted(): State {
    const text = this.text;
    const quote = text[this.pos];
    let end = text.indexOf(quote, this.pos + 1);
    if (quote === "'") {
      while (end !== -1 && text[end + 1] === "'") end = text.indexOf("'", end + 2);
    } else {
      while (end !== -1) {
        let n = 0;
        while (text[end - 1 - n] === '\\') n += 1;
        if (n % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
    }
    if (end === -1) {
      // Unterminated: the rest of the text is this scalar.
      this.pos = text.length;
      return 'done';
    }
    // A line indented too little ends the scalar early (an error the parser reports).
    let nl = this.lineEnd(this.pos);
    if (nl < end) {
      while (nl !== -1 && nl < end) {
        const cs = this.continueScalar(nl + 1);
        if (cs === -1) break;
        nl = text.indexOf('\n', cs);
      }
      if (nl !== -1 && nl < end) {
        end = nl - (text[nl - 1] === '\r' ? 2 : 1);
        if (this.flows.length === 0) this.irregularLine();
      }
    }
    this.pos = end + 1;
    return this.flows.length > 0 ? 'flow' : 'doc';
  }

  private plain(): State {
    const text = this.text;
    const inFlow = this.flows.length > 0;
    let end = this.pos - 1;
    let i = this.pos - 1;
    let ch: string | undefined;
    while ((ch = text[++i]) !== undefined) {
      if (ch === ':') {
        const next = text[i + 1];
        if (isBlank(next) || (inFlow && isFlowIndicator(next))) break;
        end = i;
      } else if (isBlank(ch)) {
        let next = text[i + 1];
        if (ch === '\r') {
          if (next === '\n') {
            i += 1;
            ch = '\n';
            next = text[i + 1];
          } else end = i;
        }
        if (next === '#' || (inFlow && isFlowIndicator(next))) break;
        if (ch === '\n') {
          const cs = this.continueScalar(i + 1);
          if (cs === -1) break;
          i = Math.max(i, cs - 2);
        }
      } else {
        if (inFlow && isFlowIndicator(ch)) break;
        end = i;
      }
    }
    this.pos = end + 1;
    return inFlow ? 'flow' : 'doc';
  }

  private blockScalar(): State {
    const text = this.text;
    // Header: indicators, then the rest of the line is a comment (or an error).
    let blockIndent = -1;
    let keep = false;
    let i = this.pos;
    for (;;) {
      const ch = text[++i];
      if (ch === '+') keep = true;
      else if (ch !== undefined && ch > '0' && ch <= '9') blockIndent = Number(ch) - 1;
      else if (ch !== '-') break;
    }
    // Anything but a comment after the header is not a usual line.
    if (text[i] !== undefined && text[i] !== ' ' && text[i] !== '\t' && text[i] !== '\n' && text[i] !== '\r') this.irregularLine();
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] !== undefined && text[i] !== '#' && text[i] !== '\n' && text[i] !== '\r') this.irregularLine();
    this.pos = this.lineEnd(this.pos);
    this.newline();
    // Body.
    let nl = this.pos - 1;
    let indent = 0;
    let ch: string | undefined;
    for (i = this.pos; (ch = text[i]) !== undefined; ++i) {
      if (ch === ' ') indent += 1;
      else if (ch === '\n') {
        nl = i;
        indent = 0;
      } else if (ch === '\r' && text[i + 1] === '\n') continue;
      else break;
    }
    if (indent >= this.indentNext) {
      if (blockIndent === -1) this.indentNext = indent;
      else this.indentNext = blockIndent + (this.indentNext === 0 ? 1 : this.indentNext);
      do {
        const cs = this.continueScalar(nl + 1);
        if (cs === -1) break;
        nl = text.indexOf('\n', cs);
      } while (nl !== -1);
      if (nl === -1) nl = text.length;
    }
    i = nl + 1;
    ch = text[i];
    while (ch === ' ') ch = text[++i];
    // Tabs there: the lexer takes blank lines into the scalar and goes on mid-line.
    if (ch === '\t') throw new Rough(nl + 1, 'line-start');
    if (!keep) {
      for (;;) {
        let j = nl - 1;
        let c = text[j];
        if (c === '\r') c = text[--j];
        const lastChar = j;
        while (c === ' ') c = text[--j];
        if (c === '\n' && j >= this.pos && j + 1 + indent > lastChar) nl = j;
        else break;
      }
    }
    this.pos = nl + 1;
    return 'line-start';
  }

  // ---- rough count

  /**
   * From `from` on, counts every `[` and `{` as two flow levels and every
   * `:` as one, all staying open, every `- `, `? `, `: ` as a level on its line, every line with
   * content and every `:`, `? ` and `,` as a key, every line with content as
   * one of unusual shape, and nests lines by indentation (comment lines aside).
   */
  private rough(from: number, lineIndent: number | 'line-start' | undefined): void {
    const text = this.text;
    let i = from;
    let atLineStart = lineIndent === 'line-start';
    // Flow levels only grow: every `[`, `{` and `:` counts one.
    let flow = this.flowDepth;
    const depth = (): void => {
      if (this.line.depth + flow + this.irregular > this.limits.maxDepth) throw new Exceeded('depth');
    };
    if (typeof lineIndent === 'number') {
      this.contentLine(lineIndent);
      this.irregularLine();
      depth();
    }
    while (i < text.length) {
      if (atLineStart) {
        atLineStart = false;
        let indent = 0;
        while (text[i] === ' ') indent++, i++;
        let j = i;
        while (text[j] === ' ' || text[j] === '\t') j++;
        const first = text[j];
        if (first !== undefined && first !== '\n' && first !== '#' && !(first === '\r' && (text[j + 1] === '\n' || j + 1 === text.length))) {
          this.contentLine(indent);
          this.irregularLine();
          depth();
        }
        continue;
      }
      const ch = text[i];
      if (ch === '\n') atLineStart = true;
      else if (ch === '[' || ch === '{' || ch === ':') {
        flow += ch === ':' ? 1 : 2;
        depth();
        if (ch === ':') this.addKey();
      } else if (ch === ',') this.addKey();
      if ((ch === '-' || ch === '?' || ch === ':') && (isBlank(text[i + 1]) || isFlowIndicator(text[i + 1]))) {
        this.line.depth++;
        depth();
        if (ch === '?') this.addKey();
      }
      i++;
    }
  }
}
