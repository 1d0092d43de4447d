/**
 * Which files to lint: explicit files, directories searched for markdown, and
 * glob patterns. Survives symlink loops and unreadable folders (reported, then
 * skipped).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

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
}

export function isMarkdownPath(file: string): boolean {
  return MARKDOWN_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

export function collectFiles(patterns: string[], cwd: string): FileSet {
  const files: string[] = [];
  const seenReal = new Set<string>();
  const roots = new Set<string>();
  const errors: string[] = [];

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
      walk(abs, errors, (file) => {
        if (isMarkdownPath(file)) addFile(file);
      });
    } else if (stat) {
      errors.push(`${pattern}: not a file or directory`);
    } else if (statError?.code === 'ENOENT' && picomatch.scan(pattern).isGlob) {
      const matched = globFiles(pattern, cwd, errors);
      if (matched.base) addRoot(matched.base);
      if (matched.files.length === 0) errors.push(`${pattern}: no files match this pattern`);
      for (const file of matched.files) addFile(file);
    } else if (statError?.code === 'ENOENT' || statError?.code === 'ENOTDIR') {
      errors.push(`${pattern}: no such file or directory`);
    } else {
      errors.push(`${pattern}: ${describeFsError(statError)}`);
    }
  }
  return { files, roots: [...roots], errors };
}

/** Files matching a glob, searched under the glob's base folder. */
function globFiles(pattern: string, cwd: string, errors: string[]): { base?: string; files: string[] } {
  const posixPattern = pattern.split(path.sep).join('/');
  const scan = picomatch.scan(posixPattern);
  const base = path.resolve(cwd, scan.base || '.');
  if (!fs.existsSync(base)) return { files: [] };
  const absolutePattern = path.isAbsolute(pattern);
  const isMatch = picomatch(absolutePattern ? posixPattern : normalizeRelative(posixPattern));
  const files: string[] = [];
  walk(base, errors, (file) => {
    const candidate = absolutePattern ? toPosix(file) : toPosix(path.relative(cwd, file));
    if (isMatch(candidate)) files.push(file);
  });
  return { base, files };
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
 */
function walk(root: string, errors: string[], onFile: (file: string) => void): void {
  const visited = new Set<string>();
  const visit = (dir: string): void => {
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
        if (!SKIPPED_DIRECTORIES.has(entry.name)) visit(full);
      } else if (isFile) {
        onFile(full);
      }
    }
  };
  visit(root);
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
