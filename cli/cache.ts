/**
 * `--cache`: results of earlier runs, reused for files whose content, resolved
 * config and engine version are unchanged.
 *
 * One JSON file (default `.partnerlintcache` in the working directory) maps
 * each absolute file path to a key and the result. The key is a hash of the
 * engine version, the --detect option and the resolved config (as JSON),
 * followed by a hash of the file's bytes; any change to one of them misses.
 * The file is replaced atomically (written beside it, then renamed), so a
 * reader never sees half of it; an unreadable or damaged cache is ignored with
 * a note and rebuilt.
 *
 * The cache file sits in the working directory, where anyone who can change
 * the repository can put one. So an entry is used only when it holds: its
 * checksum, keyed with a secret kept in the user's cache folder (an entry
 * written elsewhere, or changed since, does not match), its rule ids, its
 * positions (inside the file as it is now) and its text (no control
 * characters). Otherwise it is ignored with a note and the file linted again.
 */
import { nodeCrypto } from '../core/node-crypto.js';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { allRules, type LintResult } from '../lib/index.js';

export const DEFAULT_CACHE_NAME = '.partnerlintcache';

/** Changes whenever the layout of the cache file changes; other layouts are discarded silently. */
const CACHE_FORMAT = 3;

interface CacheEntry {
  key: string;
  result: LintResult;
  /** Keyed checksum of the file name, the key and the result (see `ResultCache.checksum`). */
  check: string;
}

interface CacheFile {
  partnerlintCache: number;
  /** Engine version that wrote the file (informational: the keys hold it too). */
  version: string;
  files: Record<string, CacheEntry>;
}

/** SHA-256 of a file's bytes, hex. */
export function contentHash(bytes: Uint8Array): string {
  return nodeCrypto().createHash('sha256').update(bytes).digest('hex');
}

/** The part of the key shared by every file with this config: engine version, --detect and the resolved config. */
export function settingsHash(version: string, detect: string | undefined, configJson: string): string {
  return nodeCrypto().createHash('sha256')
    .update(`partnerlint ${version}\0detect ${detect ?? ''}\0`)
    .update(configJson)
    .digest('hex')
    .slice(0, 32);
}

export function cacheKey(settings: string, content: string, linked = ''): string {
  return linked ? `${settings}:${content}:${linked}` : `${settings}:${content}`;
}

/** `--cache-location`: a file, or a folder (existing, or written with a trailing slash) that holds `.partnerlintcache`. */
export function resolveCacheLocation(cwd: string, location: string | undefined): string {
  if (location === undefined) return path.join(cwd, DEFAULT_CACHE_NAME);
  const abs = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(abs, DEFAULT_CACHE_NAME);
  try {
    if (fs.statSync(abs).isDirectory()) return path.join(abs, DEFAULT_CACHE_NAME);
  } catch {
    // Not there yet: a file to create.
  }
  return abs;
}

/**
 * Where the secret that keys the entries' checksums is kept: the user's cache
 * folder (`XDG_CACHE_HOME`, `%LOCALAPPDATA%` on Windows, else `~/.cache`),
 * outside any repository.
 */
export function cacheKeyFolder(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'partnerlint');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'partnerlint');
  return path.join(os.homedir(), '.cache', 'partnerlint');
}

const SECRET_BYTES = 32;

/** Reads the secret in `folder`, or makes it (readable by the user only); concurrent runs end up with the same one. */
function loadSecret(folder: string): Buffer {
  const file = path.join(folder, 'cache-key');
  try {
    const secret = fs.readFileSync(file);
    if (secret.length === SECRET_BYTES) return secret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const temp = path.join(folder, `.cache-key-${nodeCrypto().randomBytes(6).toString('hex')}`);
  fs.writeFileSync(temp, nodeCrypto().randomBytes(SECRET_BYTES), { flag: 'wx', mode: 0o600 });
  try {
    // link() never replaces: when another run made the secret first, that one is used.
    fs.linkSync(temp, file);
  } catch (err) {
    // A damaged secret (wrong length) is replaced; entries keyed with it no longer match.
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    if (fs.readFileSync(file).length !== SECRET_BYTES) fs.renameSync(temp, file);
  } finally {
    fs.rmSync(temp, { force: true });
  }
  const secret = fs.readFileSync(file);
  if (secret.length !== SECRET_BYTES) throw new Error(`${file} is damaged`);
  return secret;
}

export class ResultCache {
  hits = 0;
  misses = 0;
  /** Entries found in the cache file when it was read. */
  loadedEntries = 0;
  private dirty = false;
  private readonly visited = new Set<string>();

  private constructor(
    readonly file: string,
    private readonly version: string,
    private readonly entries: Map<string, CacheEntry>,
    /** Keys the entries' checksums; null when there is none (then the cache is neither used nor written). */
    private readonly secret: Buffer | null,
  ) {}

  /**
   * Reads the cache file; a missing file is an empty cache, a damaged one (or
   * damaged entries) is reported through `notice` and ignored. The secret
   * keying the checksums is read from (or made in) `keyFolder`.
   */
  static load(file: string, version: string, notice: (message: string) => void, keyFolder: string): ResultCache {
    let secret: Buffer;
    try {
      secret = loadSecret(keyFolder);
    } catch (err) {
      notice(`cannot keep the key that protects the cache in ${keyFolder} (${describe(err)}); linting without the cache`);
      return new ResultCache(file, version, new Map(), null);
    }
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') notice(`cannot read the cache file ${file} (${describe(err)}); linting without it`);
      return new ResultCache(file, version, new Map(), secret);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      notice(`the cache file ${file} is damaged (not valid JSON); it is ignored and will be rewritten`);
      return new ResultCache(file, version, new Map(), secret);
    }
    if (!isObject(data) || typeof data.partnerlintCache !== 'number' || !isObject(data.files)) {
      notice(`${file} is not a Partnerlint cache file; it is ignored and will be rewritten`);
      return new ResultCache(file, version, new Map(), secret);
    }
    const cache = new ResultCache(file, version, new Map(), secret);
    if (data.partnerlintCache !== CACHE_FORMAT) {
      cache.dirty = true;
      return cache;
    }
    let damaged = 0;
    for (const [name, entry] of Object.entries(data.files)) {
      if (isObject(entry) && typeof entry.key === 'string' && typeof entry.check === 'string' && isLintResult(entry.result)) {
        cache.entries.set(name, { key: entry.key, result: entry.result, check: entry.check });
      } else {
        damaged++;
        cache.dirty = true;
      }
    }
    if (damaged > 0) {
      notice(`${damaged === 1 ? 'an entry' : `${damaged} entries`} of the cache file ${file} ${damaged === 1 ? 'is' : 'are'} damaged; ${damaged === 1 ? 'that file is' : 'those files are'} linted again`);
    }
    cache.loadedEntries = cache.entries.size;
    return cache;
  }

  /**
   * The stored result for this file, key and text, if any and if it holds (see
   * `problem`); an entry that does not hold is dropped and `rejected` says why.
   */
  get(file: string, key: string, text: string, rejected: (why: string) => void): LintResult | undefined {
    this.visited.add(file);
    const entry = this.entries.get(file);
    if (entry && entry.key === key) {
      const why = this.problem(file, entry, text);
      if (!why) {
        this.hits++;
        return entry.result;
      }
      this.entries.delete(file);
      this.dirty = true;
      rejected(why);
    }
    this.misses++;
    return undefined;
  }

  set(file: string, key: string, result: LintResult): void {
    if (!this.secret) return;
    this.visited.add(file);
    const entry = this.entries.get(file);
    if (entry && entry.key === key) return;
    this.entries.set(file, { key, result, check: this.checksum(file, key, result) });
    this.dirty = true;
  }

  private checksum(file: string, key: string, result: LintResult): string {
    return nodeCrypto().createHmac('sha256', this.secret!).update(`${file}\0${key}\0`).update(JSON.stringify(result)).digest('base64');
  }

  /** Why an entry cannot be used for a file holding `text`, in plain words; null when it holds. */
  private problem(file: string, entry: CacheEntry, text: string): string | null {
    if (!this.secret) return 'the cache is not in use';
    const expected = Buffer.from(this.checksum(file, entry.key, entry.result));
    const stored = Buffer.from(entry.check);
    if (expected.length !== stored.length || !nodeCrypto().timingSafeEqual(expected, stored)) {
      return 'it was not written by Partnerlint for this user, or was changed since';
    }
    return resultProblem(entry.result, text);
  }

  /** Forgets a file (it could not be read or decoded). */
  delete(file: string): void {
    this.visited.add(file);
    if (this.entries.delete(file)) this.dirty = true;
  }

  /**
   * Writes the cache when something changed. Entries of files not linted in
   * this run are kept while the file exists. Failures are reported through
   * `notice`; returns whether the file was written.
   */
  save(notice: (message: string) => void): boolean {
    if (!this.secret) return false;
    for (const name of this.entries.keys()) {
      if (this.visited.has(name)) continue;
      if (!fs.existsSync(name)) {
        this.entries.delete(name);
        this.dirty = true;
      }
    }
    if (!this.dirty) return false;
    const data: CacheFile = { partnerlintCache: CACHE_FORMAT, version: this.version, files: Object.fromEntries(this.entries) };
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      replaceFile(this.file, JSON.stringify(data));
    } catch (err) {
      notice(`cannot write the cache file ${this.file} (${describe(err)})`);
      return false;
    }
    this.dirty = false;
    return true;
  }
}

/** Writes `text` to a temporary file (a short name) beside `file`, then renames it over `file`. */
function replaceFile(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.partnerlint-${nodeCrypto().randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, text, { flag: 'wx' });
    fs.renameSync(temp, file);
  } catch (err) {
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // the first error is reported
    }
    throw err;
  }
}

const RULE_IDS = new Set(allRules.map((rule) => rule.meta.id));
const SEVERITIES = new Set(['error', 'warning', 'info']);
/** Control characters (terminal escapes among them), tab and line breaks aside. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/**
 * What is wrong with a stored result for a file holding `text`: a rule id
 * Partnerlint does not have, a position outside the text, a control character
 * in a message. Null when nothing is.
 */
function resultProblem(result: LintResult, text: string): string | null {
  const lineLengths = text.split(/\r\n|\n|\r/).map((line) => line.length);
  const inLine = (line: unknown) => Number.isInteger(line) && (line as number) >= 1 && (line as number) <= lineLengths.length;
  const inColumn = (line: number, column: unknown) => Number.isInteger(column) && (column as number) >= 1 && (column as number) <= lineLengths[line - 1] + 1;
  const inText = (offset: unknown) => Number.isInteger(offset) && (offset as number) >= 0 && (offset as number) <= text.length;
  const stack: unknown[] = [result];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (CONTROL.test(value)) return 'it holds control characters';
    } else if (Array.isArray(value)) {
      stack.push(...value);
    } else if (isObject(value)) {
      if ('ruleId' in value && !(typeof value.ruleId === 'string' && RULE_IDS.has(value.ruleId))) return 'it names a rule Partnerlint does not have';
      if ('severity' in value && !SEVERITIES.has(value.severity)) return 'it has an unknown severity';
      for (const [name, column] of [['line', 'column'], ['endLine', 'endColumn']] as const) {
        if (!(name in value)) continue;
        if (!inLine(value[name]) || (column in value && !inColumn(value[name], value[column]))) return 'a position is outside the file';
      }
      for (const name of ['startOffset', 'endOffset', 'start', 'end']) {
        if (name in value && typeof value[name] === 'number' && !inText(value[name])) return 'a position is outside the file';
      }
      stack.push(...Object.values(value));
    }
  }
  return null;
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Enough of a LintResult for the output formats not to trip over a hand-edited entry. */
function isLintResult(value: unknown): value is LintResult {
  return (
    isObject(value) &&
    typeof value.isPlan === 'boolean' &&
    Array.isArray(value.findings) &&
    Array.isArray(value.archetypes) &&
    Array.isArray(value.sections) &&
    (value.readiness === null || isObject(value.readiness))
  );
}

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'EISDIR') return 'it is a directory';
  if (e?.code === 'ENOTDIR') return 'a part of the path is not a directory';
  return e?.message ?? String(err);
}
