/**
 * What a folder walk lints: the one file-selection rule shared by the CLI's
 * folder walk and the language server's "Lint Workspace" (issue 11, "What is
 * linted by default"). Pure: the walker lists folders and reads the files this
 * module names through a `SelectionReader`; every decision is made here.
 *
 * A markdown file met in a walk is linted unless
 *   - it is one of Partnerlint's own rule documentation pages (docs/rules of the package);
 *   - it lies in a `node_modules` or `.git` folder (always skipped);
 *   - it matches `ignores` of the config that applies to its folder (globs
 *     relative to the config file's folder; a glob matching a folder skips
 *     everything in it);
 *   - the `.partnerlintignore` and `.gitignore` files of its folder and the
 *     folders above it (up to the repository root, the folder holding `.git`)
 *     ignore it. Both use gitignore syntax and semantics; the deepest file's
 *     last matching line decides, and `.partnerlintignore` files are asked
 *     first, so their `!` lines can bring back what `.gitignore` excludes.
 *
 * Patterns are matched here, not by regular expressions: matching a path costs
 * at most (pattern length x path length) steps whatever the pattern, so no
 * pattern from a repository or a config file can make a walk backtrack.
 */
import * as path from 'node:path';
import { isRuleDocsPage } from './docs-url.js';

/** Extensions of the markdown files a walk selects (those VS Code opens as markdown). */
export const MARKDOWN_EXTENSIONS: readonly string[] = ['.md', '.markdown', '.mdown', '.mkd', '.mkdn'];
/** Folders never walked into. */
export const ALWAYS_SKIPPED_FOLDERS: readonly string[] = ['node_modules', '.git'];
export const GITIGNORE_FILE = '.gitignore';
export const PARTNERLINT_IGNORE_FILE = '.partnerlintignore';
/** Config `ignores` globs are at most this long. */
export const MAX_GLOB_LENGTH = 1024;
/** A config glob's `{a,b}` groups expand to at most this many patterns. */
export const MAX_GLOB_EXPANSIONS = 64;
/** Ignore files larger than this are not read (a `.gitignore` is a few kilobytes). */
export const MAX_IGNORE_FILE_BYTES = 1024 * 1024;
/** How far up a walk looks for the repository root. */
const MAX_PARENT_LEVELS = 64;

export function isMarkdownPath(file: string): boolean {
  return MARKDOWN_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

// ---------------------------------------------------------------- patterns

type Token =
  | { kind: 'char'; char: string }
  | { kind: 'any' }
  | { kind: 'star' }
  | { kind: 'class'; negated: boolean; test: (char: string) => boolean };

/** A path segment's tokens, or `**` (any number of whole segments). */
type Segment = Token[] | 'globstar';

interface Pattern {
  segments: Segment[];
  negated: boolean;
  /** Matches folders only (a trailing `/`). */
  folderOnly: boolean;
}

const POSIX_CLASSES: Record<string, (c: string) => boolean> = {
  alnum: (c) => /^[A-Za-z0-9]$/.test(c),
  alpha: (c) => /^[A-Za-z]$/.test(c),
  blank: (c) => c === ' ' || c === '\t',
  digit: (c) => /^[0-9]$/.test(c),
  lower: (c) => /^[a-z]$/.test(c),
  punct: (c) => /^[!-/:-@[-`{-~]$/.test(c),
  space: (c) => /^\s$/.test(c),
  upper: (c) => /^[A-Z]$/.test(c),
  xdigit: (c) => /^[0-9A-Fa-f]$/.test(c),
};

/**
 * Reads a `[...]` class starting at `chars[start]` (the `[`). Returns the token
 * and the index after the `]`, or null when the class is not closed.
 */
function readClass(chars: string[], start: number): { token: Token; next: number } | null {
  let i = start + 1;
  let negated = false;
  if (chars[i] === '!' || chars[i] === '^') {
    negated = true;
    i++;
  }
  const tests: Array<(c: string) => boolean> = [];
  let first = true;
  while (i < chars.length) {
    const c = chars[i];
    if (c === ']' && !first) {
      const token: Token = { kind: 'class', negated, test: (ch) => tests.some((t) => t(ch)) };
      return { token, next: i + 1 };
    }
    first = false;
    if (c === '[' && chars[i + 1] === ':') {
      const close = chars.indexOf(':', i + 2);
      if (close > 0 && chars[close + 1] === ']') {
        const name = chars.slice(i + 2, close).join('');
        const posix = Object.hasOwn(POSIX_CLASSES, name) ? POSIX_CLASSES[name] : undefined;
        if (!posix) return null;
        tests.push(posix);
        i = close + 2;
        continue;
      }
    }
    let low = c;
    if (c === '\\' && i + 1 < chars.length) low = chars[++i];
    i++;
    if (chars[i] === '-' && i + 1 < chars.length && chars[i + 1] !== ']') {
      let high = chars[i + 1];
      i += 2;
      if (high === '\\' && i < chars.length) high = chars[i++];
      const lo = low.codePointAt(0)!;
      const hi = high.codePointAt(0)!;
      tests.push((ch) => {
        const code = ch.codePointAt(0)!;
        return code >= lo && code <= hi;
      });
    } else {
      const literal = low;
      tests.push((ch) => ch === literal);
    }
  }
  return null;
}

/**
 * Splits a glob into segments of tokens. `**` is special only as a whole
 * segment; elsewhere it is `*`. Returns null for a pattern that can match
 * nothing (an unclosed `[`, as git treats it).
 */
function compileSegments(glob: string): Segment[] | null {
  const chars = Array.from(glob);
  const segments: Segment[] = [];
  let tokens: Token[] = [];
  let raw = '';
  const endSegment = () => {
    segments.push(raw === '**' ? 'globstar' : tokens);
    tokens = [];
    raw = '';
  };
  for (let i = 0; i < chars.length; ) {
    const c = chars[i];
    if (c === '/') {
      endSegment();
      i++;
    } else if (c === '\\') {
      // An escaped character is itself; a lone trailing backslash is a backslash.
      const next = i + 1 < chars.length ? chars[i + 1] : '\\';
      tokens.push({ kind: 'char', char: next });
      raw += `\\${next}`;
      i += 2;
    } else if (c === '*') {
      if (tokens[tokens.length - 1]?.kind !== 'star') tokens.push({ kind: 'star' });
      raw += c;
      i++;
    } else if (c === '?') {
      tokens.push({ kind: 'any' });
      raw += c;
      i++;
    } else if (c === '[') {
      const read = readClass(chars, i);
      if (!read) return null;
      tokens.push(read.token);
      raw += chars.slice(i, read.next).join('');
      i = read.next;
    } else {
      tokens.push({ kind: 'char', char: c });
      raw += c;
      i++;
    }
  }
  endSegment();
  // Consecutive `**` segments mean the same as one.
  return segments.filter((s, i) => !(s === 'globstar' && segments[i - 1] === 'globstar'));
}

function tokenMatches(token: Token, char: string): boolean {
  switch (token.kind) {
    case 'char':
      return token.char === char;
    case 'any':
      return true;
    case 'class':
      return token.test(char) !== token.negated;
    case 'star':
      return false;
  }
}

/**
 * Wildcard matching with one remembered star: every other pattern item takes
 * exactly one input item, so going back to the last star is enough, and each
 * (item, input) pair is compared at most once per star.
 */
function wildcardMatch<P, I>(pattern: readonly P[], input: readonly I[], isStar: (p: P) => boolean, matches: (p: P, i: I) => boolean): boolean {
  let p = 0;
  let i = 0;
  let starP = -1;
  let starI = 0;
  while (i < input.length) {
    if (p < pattern.length && isStar(pattern[p])) {
      starP = p++;
      starI = i;
    } else if (p < pattern.length && matches(pattern[p], input[i])) {
      p++;
      i++;
    } else if (starP >= 0) {
      p = starP + 1;
      i = ++starI;
    } else {
      return false;
    }
  }
  while (p < pattern.length && isStar(pattern[p])) p++;
  return p === pattern.length;
}

/** One path segment against one segment's tokens: `*` is the star, a character the item. */
function segmentMatches(tokens: Token[], name: string): boolean {
  return wildcardMatch(tokens, Array.from(name), (t) => t.kind === 'star', tokenMatches);
}

/** The same one level up: `**` is the star, a path segment the item. */
function segmentsMatch(segments: Segment[], parts: string[]): boolean {
  return wildcardMatch(segments, parts, (s) => s === 'globstar', (s, part) => s !== 'globstar' && segmentMatches(s, part));
}

function patternMatches(pattern: Pattern, parts: string[], isFolder: boolean): boolean {
  if (pattern.folderOnly && !isFolder) return false;
  return segmentsMatch(pattern.segments, parts);
}

/**
 * A trailing `/**` matches everything inside the folder but not the folder
 * itself (so `dir/**` with `!dir/keep.md` keeps `dir/keep.md`): one segment, then any.
 */
function withTrailingGlobstar(segments: Segment[]): Segment[] {
  if (segments.length > 1 && segments[segments.length - 1] === 'globstar') {
    return [...segments.slice(0, -1), [{ kind: 'star' }], 'globstar'];
  }
  return segments;
}

/** One line of a `.gitignore` / `.partnerlintignore` (gitignore(5)), or null for a blank line or a comment. */
export function parseIgnoreLine(line: string): Pattern | null {
  let text = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (text === '' || text.startsWith('#')) return null;
  // Trailing spaces do not count unless escaped with a backslash.
  let end = text.length;
  while (end > 0 && text[end - 1] === ' ' && !isEscaped(text, end - 1)) end--;
  text = text.slice(0, end);
  let negated = false;
  if (text.startsWith('!')) {
    negated = true;
    text = text.slice(1);
  }
  let folderOnly = false;
  while (text.endsWith('/') && !isEscaped(text, text.length - 1)) {
    folderOnly = true;
    text = text.slice(0, -1);
  }
  if (text === '') return null;
  // A slash at the start or in the middle anchors the pattern to the ignore file's folder;
  // otherwise it matches at any depth below it.
  const anchored = unescapedSlash(text);
  if (text.startsWith('/')) text = text.slice(1);
  const segments = compileSegments(text);
  if (!segments) return { segments: [[{ kind: 'class', negated: false, test: () => false }]], negated, folderOnly };
  return { segments: withTrailingGlobstar(anchored ? segments : ['globstar', ...segments]), negated, folderOnly };
}

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

function unescapedSlash(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text[i] === '/' && !isEscaped(text, i)) return true;
  return false;
}

/** The lines of one ignore file; `decide` gives the verdict of its last matching line. */
export class IgnoreRules {
  private constructor(private readonly patterns: Pattern[]) {}

  static parse(text: string): IgnoreRules {
    const patterns: Pattern[] = [];
    for (const line of text.replace(/^\uFEFF/, '').split('\n')) {
      const pattern = parseIgnoreLine(line);
      if (pattern) patterns.push(pattern);
    }
    return new IgnoreRules(patterns);
  }

  get size(): number {
    return this.patterns.length;
  }

  /** `ignore` or `keep` from the last line matching `relPath` (relative to the file's folder, `/`-separated), undefined when none does. */
  decide(relPath: string, isFolder: boolean): 'ignore' | 'keep' | undefined {
    const parts = relPath.split('/');
    for (let i = this.patterns.length - 1; i >= 0; i--) {
      const pattern = this.patterns[i];
      if (patternMatches(pattern, parts, isFolder)) return pattern.negated ? 'keep' : 'ignore';
    }
    return undefined;
  }
}

// ---------------------------------------------------------------- config `ignores`

/** Expands `{a,b}` groups (nested too); null when there would be more than `limit` patterns. */
function expandBraces(glob: string, limit = MAX_GLOB_EXPANSIONS): string[] | null {
  let open = -1;
  let depth = 0;
  const commas: number[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') {
      i++;
    } else if (c === '{') {
      if (depth === 0) open = i;
      depth++;
    } else if (c === ',' && depth === 1) {
      commas.push(i);
    } else if (c === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        if (commas.length === 0) {
          // `{x}` is literal; look for a group after it.
          const rest = expandBraces(glob.slice(i + 1), limit);
          return rest && rest.map((r) => glob.slice(0, i + 1) + r);
        }
        const bounds = [open, ...commas, i];
        const before = glob.slice(0, open);
        const after = expandBraces(glob.slice(i + 1), limit);
        if (!after) return null;
        const out: string[] = [];
        for (let k = 0; k + 1 < bounds.length; k++) {
          const alternatives = expandBraces(glob.slice(bounds[k] + 1, bounds[k + 1]), limit);
          if (!alternatives) return null;
          for (const alt of alternatives)
            for (const rest of after) {
              out.push(before + alt + rest);
              if (out.length > limit) return null;
            }
        }
        return out;
      }
    }
  }
  return [glob];
}

const EXTGLOB = /(?:^|[^\\])[@!+*?]\(/;

/**
 * What is wrong with a config `ignores` glob, or undefined when it is usable.
 * The messages finish the sentence "ignores[i]: ...".
 */
export function ignoreGlobProblem(glob: string): string | undefined {
  if (glob.trim() === '') return 'an empty pattern; expected a glob such as "docs/**"';
  if (glob.length > MAX_GLOB_LENGTH) return `a pattern of ${glob.length} characters; at most ${MAX_GLOB_LENGTH} are allowed`;
  if (glob.startsWith('!')) return `"${glob}": "!" patterns are not supported in ignores; put "${glob}" in a .partnerlintignore file instead`;
  if (glob.startsWith('/') || /^[A-Za-z]:[\\/]/.test(glob)) return `"${glob}" is absolute; ignores are relative to the config file's folder (e.g. "docs/**")`;
  if (EXTGLOB.test(glob)) return `"${glob}": extglobs such as +(a|b) are not supported; list each pattern on its own`;
  if (!expandBraces(glob)) return `"${glob}" expands to more than ${MAX_GLOB_EXPANSIONS} patterns`;
  return undefined;
}

/** Config `ignores` globs, compiled; paths are relative to the config file's folder. */
export class IgnoreGlobs {
  private constructor(private readonly patterns: Pattern[]) {}

  /** Unusable globs (see `ignoreGlobProblem`, reported when the config is read) are left out. */
  static compile(globs: readonly string[]): IgnoreGlobs {
    const patterns: Pattern[] = [];
    for (const glob of globs) {
      if (ignoreGlobProblem(glob)) continue;
      for (let alternative of expandBraces(glob) ?? []) {
        while (alternative.startsWith('./')) alternative = alternative.slice(2);
        let folderOnly = false;
        while (alternative.endsWith('/')) {
          folderOnly = true;
          alternative = alternative.slice(0, -1);
        }
        const segments = alternative === '' ? null : compileSegments(alternative);
        if (segments) patterns.push({ segments, negated: false, folderOnly });
      }
    }
    return new IgnoreGlobs(patterns);
  }

  get size(): number {
    return this.patterns.length;
  }

  matches(relPath: string, isFolder: boolean): boolean {
    const parts = relPath.split('/');
    return this.patterns.some((p) => patternMatches(p, parts, isFolder));
  }
}

// ---------------------------------------------------------------- the walk's scopes

/** What the selection needs from the file system, given by the walker. */
export interface SelectionReader {
  /** A small text file's content, or undefined when it is missing, unreadable or too large. */
  readText(file: string): string | undefined;
  /** True when `file` exists (a file or a folder); used to find the repository root, the folder holding `.git`. */
  exists(file: string): boolean;
  /**
   * The config that applies to documents in `folder` (the CLI's `--config`, else the nearest
   * `.partnerlintrc.*` at or above it): its file and `ignores`, or undefined for none.
   */
  config(folder: string): { file: string; ignores: readonly string[] } | undefined;
}

/** The names of config files (CONFIG_FILE_NAMES in core/config.ts, which imports this module). */
const CONFIG_NAMES = ['.partnerlintrc.json', '.partnerlintrc.yaml', '.partnerlintrc.yml'];

interface FolderRules {
  folder: string;
  gitignore?: IgnoreRules;
  partnerlintignore?: IgnoreRules;
  parent?: FolderRules;
}

interface ConfigIgnores {
  file: string;
  folder: string;
  globs: IgnoreGlobs;
}

function posixRelative(from: string, to: string): string {
  const rel = path.relative(from, to);
  return path.sep === '/' ? rel : rel.split(path.sep).join('/');
}

function readRules(reader: SelectionReader, file: string): IgnoreRules | undefined {
  const text = reader.readText(file);
  if (text === undefined) return undefined;
  const rules = IgnoreRules.parse(text);
  return rules.size > 0 ? rules : undefined;
}

/**
 * The selection inside one folder of a walk. Start with `Selection.start` at the
 * folder being linted, ask `includes` for each entry of its listing, and `enter`
 * each included subfolder. The folder a walk starts in is walked even when it is
 * itself ignored (it was named); only what is below it is judged.
 */
export class Selection {
  private constructor(
    readonly folder: string,
    private readonly rules: FolderRules | undefined,
    private readonly configIgnores: ConfigIgnores | undefined,
    private readonly reader: SelectionReader,
  ) {}

  /**
   * The selection in `folder`, the folder a walk starts in, with the ignore files of
   * the folders above it up to the repository root (when it is in one) and its own.
   * `entryNames` is the folder's listing when the walker has it (saves reads).
   */
  static start(folder: string, reader: SelectionReader, entryNames?: readonly string[]): Selection {
    const start = path.resolve(folder);
    const has = (dir: string, name: string) => (dir === start && entryNames ? entryNames.includes(name) : reader.exists(path.join(dir, name)));
    // The folders from the repository root down to the start; the start alone outside a repository.
    const above: string[] = [];
    let root: string | undefined;
    for (let dir = start, level = 0; level < MAX_PARENT_LEVELS; level++) {
      above.unshift(dir);
      if (has(dir, '.git')) {
        root = dir;
        break;
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
    let rules: FolderRules | undefined;
    for (const dir of root ? above : [start]) rules = Selection.folderRules(dir, dir === start ? entryNames : undefined, reader, rules);
    const config = reader.config(start);
    return new Selection(start, rules, config && Selection.compileConfig(config), reader);
  }

  private static folderRules(folder: string, names: readonly string[] | undefined, reader: SelectionReader, parent: FolderRules | undefined): FolderRules | undefined {
    const has = (name: string) => names === undefined || names.includes(name);
    const gitignore = has(GITIGNORE_FILE) ? readRules(reader, path.join(folder, GITIGNORE_FILE)) : undefined;
    const partnerlintignore = has(PARTNERLINT_IGNORE_FILE) ? readRules(reader, path.join(folder, PARTNERLINT_IGNORE_FILE)) : undefined;
    if (!gitignore && !partnerlintignore) return parent;
    return { folder, gitignore, partnerlintignore, parent };
  }

  private static compileConfig(config: { file: string; ignores: readonly string[] }): ConfigIgnores {
    return { file: config.file, folder: path.dirname(path.resolve(config.file)), globs: IgnoreGlobs.compile(config.ignores) };
  }

  /** The selection inside subfolder `name` (one `includes` said yes to), given that subfolder's listing. */
  enter(name: string, entryNames: readonly string[]): Selection {
    const folder = path.join(this.folder, name);
    const rules = Selection.folderRules(folder, entryNames, this.reader, this.rules);
    let configIgnores = this.configIgnores;
    if (CONFIG_NAMES.some((n) => entryNames.includes(n))) {
      const config = this.reader.config(folder);
      if (config?.file !== configIgnores?.file) configIgnores = config ? Selection.compileConfig(config) : undefined;
    }
    return new Selection(folder, rules, configIgnores, this.reader);
  }

  /** True when entry `name` of this folder is walked into (a folder) or linted (a markdown file); Partnerlint's own rule docs never are. */
  includes(name: string, isFolder: boolean): boolean {
    if (!isFolder && (!isMarkdownPath(name) || isRuleDocsPage(path.join(this.folder, name)))) return false;
    return !this.ignored(name, isFolder);
  }

  /** True when the ignore rules leave entry `name` of this folder out, whatever its extension (a glob decides that). */
  ignored(name: string, isFolder: boolean): boolean {
    if (isFolder && ALWAYS_SKIPPED_FOLDERS.includes(name)) return true;
    const full = path.join(this.folder, name);
    const config = this.configIgnores;
    if (config && config.globs.size > 0) {
      // Only what lies inside the config file's folder can match its globs.
      const rel = posixRelative(config.folder, full);
      if (rel !== '..' && !rel.startsWith('../') && !path.isAbsolute(rel) && config.globs.matches(rel, isFolder)) return true;
    }
    for (const which of ['partnerlintignore', 'gitignore'] as const) {
      for (let rules = this.rules; rules; rules = rules.parent) {
        const verdict = rules[which]?.decide(posixRelative(rules.folder, full), isFolder);
        if (verdict) return verdict === 'ignore';
      }
    }
    return false;
  }
}
