/**
 * Which files to lint: explicit files, directories searched for markdown, and
 * glob patterns. Survives symlink loops and unreadable folders (reported, then
 * skipped). What a directory or glob walk selects (node_modules and .git,
 * `.gitignore`, `.partnerlintignore`, the config's `ignores`) is decided by the
 * engine's file selection (core/selection.ts), the same as the language
 * server's "Lint Workspace"; a file named explicitly is linted even if ignored.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { fileSelectionReader, isMarkdownPath, Selection, type SelectionReader } from '../lib/index.js';

export { isMarkdownPath, MARKDOWN_EXTENSIONS } from '../lib/index.js';

export interface FileSet {
  /** Absolute paths, in a stable order, each real file once. */
  files: string[];
  /**
   * Real paths of the folders being linted: the directories named, the
   * folders of the files named, the base folders of the globs. `--fix` writes
   * only to files inside them.
   */
  roots: string[];
  /** Problems met while looking (missing paths, unreadable folders): each means exit code 2. */
  errors: string[];
  /** Folders and globs that hold markdown files, all of them ignored: said on stderr, the exit code stays. */
  notices: string[];
}

export interface CollectOptions {
  /** The `--config` file (absolute): its `ignores` apply to every walk instead of the nearest config's. */
  configFile?: string;
}

export function collectFiles(patterns: string[], cwd: string, options: CollectOptions = {}): FileSet {
  const reader = fileSelectionReader({ configFile: options.configFile });
  const files: string[] = [];
  const seenReal = new Set<string>();
  const roots = new Set<string>();
  const errors: string[] = [];
  const notices: string[] = [];
  const allIgnored = (pattern: string, what: string) =>
    notices.push(`${pattern}: nothing to lint: ${what} ignored (by .gitignore, .partnerlintignore or "ignores" in the config); name files to lint them anyway`);

  const addFile = (file: string): void => {
    let real: string;
    try {
      real = fs.realpathSync(file);
    } catch {
      real = file;
    }
    if (seenReal.has(real)) return;
    seenReal.add(real);
    files.push(file);
  };
  const addRoot = (dir: string): void => {
    try {
      roots.add(fs.realpathSync(dir));
    } catch {
      roots.add(dir);
    }
  };

  for (const pattern of patterns) {
    const abs = path.resolve(cwd, pattern);
    let stat: fs.Stats | undefined;
    let statError: NodeJS.ErrnoException | undefined;
    try {
      stat = fs.statSync(abs);
    } catch (err) {
      statError = err as NodeJS.ErrnoException;
    }

    if (stat?.isFile()) {
      addFile(abs);
      addRoot(path.dirname(abs));
    } else if (stat?.isDirectory()) {
      addRoot(abs);
      let found = 0;
      const ignored = walk(abs, errors, reader, (file, selection) => {
        const name = path.basename(file);
        if (!isMarkdownPath(name)) return false;
        if (selection.ignored(name, false)) return true;
        found++;
        addFile(file);
        return false;
      });
      if (found === 0 && ignored > 0) allIgnored(pattern, 'its markdown files are');
    } else if (stat) {
      errors.push(`${pattern}: not a file or directory`);
    } else if (statError?.code === 'ENOENT' && picomatch.scan(pattern).isGlob) {
      const matched = globFiles(pattern, cwd, errors, reader);
      if (matched.base) addRoot(matched.base);
      if (matched.files.length === 0 && matched.ignored > 0) allIgnored(pattern, 'the files that match are');
      else if (matched.files.length === 0) errors.push(`${pattern}: no files match this pattern`);
      for (const file of matched.files) addFile(file);
    } else if (statError?.code === 'ENOENT' || statError?.code === 'ENOTDIR') {
      errors.push(`${pattern}: no such file or directory`);
    } else {
      errors.push(`${pattern}: ${describeFsError(statError)}`);
    }
  }
  return { files, roots: [...roots], errors, notices };
}

/** Files matching a glob, searched under the glob's base folder. */
function globFiles(pattern: string, cwd: string, errors: string[], reader: SelectionReader): { base?: string; files: string[]; ignored: number } {
  const posixPattern = pattern.split(path.sep).join('/');
  const scan = picomatch.scan(posixPattern);
  const base = path.resolve(cwd, scan.base || '.');
  if (!fs.existsSync(base)) return { files: [], ignored: 0 };
  const absolutePattern = path.isAbsolute(pattern);
  const isMatch = picomatch(absolutePattern ? posixPattern : normalizeRelative(posixPattern));
  const files: string[] = [];
  const ignored = walk(base, errors, reader, (file, selection) => {
    const candidate = absolutePattern ? toPosix(file) : toPosix(path.relative(cwd, file));
    if (!isMatch(candidate)) return false;
    if (selection.ignored(path.basename(file), false)) return true;
    files.push(file);
    return false;
  });
  return { base, files, ignored };
}

function normalizeRelative(pattern: string): string {
  return pattern.startsWith('./') ? pattern.slice(2) : pattern;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * Depth-first walk in name order, following symbolic links but entering each
 * real folder once (so loops end). Unreadable folders are reported and skipped.
 * Enters only the folders the file selection includes; `onFile` gets every file
 * with the selection of its folder and says whether the selection ignored it.
 * Returns how many files were ignored so.
 */
function walk(root: string, errors: string[], reader: SelectionReader, onFile: (file: string, selection: Selection) => boolean): number {
  let ignored = 0;
  const visited = new Set<string>();
  const visit = (dir: string, parent: Selection | undefined): void => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (err) {
      errors.push(`${dir}: ${describeFsError(err)}`);
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);

    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      errors.push(`${dir}: cannot read folder: ${describeFsError(err)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const names = entries.map((e) => e.name);
    const selection = parent ? parent.enter(path.basename(dir), names) : Selection.start(dir, reader, names);
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = fs.statSync(full);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          // A broken link or a loop of links: nothing to lint behind it.
          continue;
        }
      }
      if (isDir) {
        if (selection.includes(entry.name, true)) visit(full, selection);
      } else if (isFile && onFile(full, selection)) {
        ignored++;
      }
    }
  };
  visit(root, undefined);
  return ignored;
}

export function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException | undefined;
  switch (e?.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return e?.message ?? String(err);
  }
}

/** True when `file` (a real path) lies inside one of the real folders `roots`. */
export function isInsideRoots(file: string, roots: string[]): boolean {
  return roots.some((root) => {
    const rel = path.relative(root, file);
    return rel !== '' && rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel);
  });
}
