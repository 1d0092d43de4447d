/**
 * Files on disk the server may read: paths of `file:` URIs, which workspace folder holds a file,
 * the closed files a command may read, and the markdown files "Lint Workspace" lints.
 */
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CancellationToken, WorkspaceFolder } from 'vscode-languageserver/node.js';
import { Selection, type SelectionReader } from '../lib/index.js';

export const MARKDOWN_EXT = /\.(md|markdown|mdown|mkd|mkdn)$/i;

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The innermost workspace folder holding the file. */
export function workspaceFolderOf(folders: readonly WorkspaceFolder[], filePath: string): string | undefined {
  let best: string | undefined;
  for (const folder of folders) {
    const root = uriToPath(folder.uri);
    if (!root) continue;
    const rel = path.relative(root, filePath);
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
    if (!best || root.length > best.length) best = root;
  }
  return best;
}

/**
 * True when a command may read `uri` from disk: a markdown file inside a workspace folder,
 * by its path and by its real path (a link inside a folder may point anywhere).
 */
export async function readableClosedFile(uri: string, folders: readonly WorkspaceFolder[]): Promise<boolean> {
  const file = uriToPath(uri);
  if (!file || !MARKDOWN_EXT.test(file) || !workspaceFolderOf(folders, file)) return false;
  try {
    const real = await fs.realpath(file);
    for (const folder of folders) {
      const root = uriToPath(folder.uri);
      if (root && isInside(real, await fs.realpath(root).catch(() => root))) return true;
    }
  } catch {
    // missing or unreadable: nothing to report on
  }
  return false;
}

/**
 * The files "Lint Workspace" lints in a folder: those the engine's file selection
 * (core/selection.ts) includes, as in the CLI's folder walk (node_modules and .git
 * skipped; .gitignore, .partnerlintignore and the config's `ignores` respected).
 */
export async function listMarkdownFiles(
  dir: string,
  token: CancellationToken,
  out: string[],
  reader: SelectionReader,
  parent?: Selection,
): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const names = entries.map((e) => e.name);
  const selection = parent ? parent.enter(path.basename(dir), names) : Selection.start(dir, reader, names);
  for (const entry of entries) {
    if (token.isCancellationRequested) return;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (selection.includes(entry.name, true)) await listMarkdownFiles(full, token, out, reader, selection);
    } else if (entry.isFile() && selection.includes(entry.name, false)) {
      out.push(full);
    }
  }
}
