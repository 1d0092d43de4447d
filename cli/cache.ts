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
 */
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LintResult } from '../lib/index.js';

export const DEFAULT_CACHE_NAME = '.partnerlintcache';

/** Changes whenever the layout of the cache file changes; other layouts are discarded silently. */
const CACHE_FORMAT = 1;

interface CacheEntry {
  key: string;
  result: LintResult;
}

interface CacheFile {
  partnerlintCache: number;
  /** Engine version that wrote the file (informational: the keys hold it too). */
  version: string;
  files: Record<string, CacheEntry>;
}

/** SHA-256 of a file's bytes, hex. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The part of the key shared by every file with this config: engine version, --detect and the resolved config. */
export function settingsHash(version: string, detect: string | undefined, configJson: string): string {
  return createHash('sha256')
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
  ) {}

  /** Reads the cache file; a missing file is an empty cache, a damaged one is reported through `notice` and ignored. */
  static load(file: string, version: string, notice: (message: string) => void): ResultCache {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') notice(`cannot read the cache file ${file} (${describe(err)}); linting without it`);
      return new ResultCache(file, version, new Map());
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      notice(`the cache file ${file} is damaged (not valid JSON); it is ignored and will be rewritten`);
      return new ResultCache(file, version, new Map());
    }
    if (!isObject(data) || typeof data.partnerlintCache !== 'number' || !isObject(data.files)) {
      notice(`${file} is not a Partnerlint cache file; it is ignored and will be rewritten`);
      return new ResultCache(file, version, new Map());
    }
    const cache = new ResultCache(file, version, new Map());
    if (data.partnerlintCache !== CACHE_FORMAT) {
      cache.dirty = true;
      return cache;
    }
    for (const [name, entry] of Object.entries(data.files)) {
      if (isObject(entry) && typeof entry.key === 'string' && isLintResult(entry.result)) {
        cache.entries.set(name, { key: entry.key, result: entry.result });
      } else {
        cache.dirty = true;
      }
    }
    cache.loadedEntries = cache.entries.size;
    return cache;
  }

  /** The stored result for this file and key, if any. */
  get(file: string, key: string): LintResult | undefined {
    this.visited.add(file);
    const entry = this.entries.get(file);
    if (entry && entry.key === key) {
      this.hits++;
      return entry.result;
    }
    this.misses++;
    return undefined;
  }

  set(file: string, key: string, result: LintResult): void {
    this.visited.add(file);
    const entry = this.entries.get(file);
    if (entry && entry.key === key) return;
    this.entries.set(file, { key, result });
    this.dirty = true;
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

/** Writes `text` to a temporary file beside `file`, then renames it over `file`. */
function replaceFile(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temp, text, { flag: 'wx' });
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
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
