/**
 * Linked pages for the language server (spec, "Programs that span documents"):
 * where a relative link of a document points, the text of a linked page read
 * from disk (size-capped, re-read when the file changes), and which open
 * documents link to which pages, so that a change to a page lints the
 * documents that link to it again.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MAX_LINKED_LENGTH } from '../lib/index.js';

/** One spelling per file: `file:` URIs as Node writes them; other URIs as they are. */
export function normalizeUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

/** The URI a relative link (`href` as written, no fragment) of the document `base` points to; undefined when it has none. */
export function linkTarget(base: string, href: string): string | undefined {
  try {
    const url = new URL(href, base);
    url.hash = '';
    url.search = '';
    return normalizeUri(url.href);
  } catch {
    // A document without a hierarchical URI (untitled:) links nowhere.
    return undefined;
  }
}

/** Linked pages read from disk, kept while the file's size and modification time stay the same. */
export class DiskPages {
  private readonly pages = new Map<string, { size: number; mtimeMs: number; text: string | undefined }>();
  constructor(private readonly limit = 64) {}

  /** The file's text; undefined when it is missing, not a regular file, over `MAX_LINKED_LENGTH` bytes or binary. */
  read(file: string): string | undefined {
    let size: number;
    let mtimeMs: number;
    try {
      const info = statSync(file);
      if (!info.isFile()) return undefined;
      ({ size, mtimeMs } = info);
    } catch {
      this.pages.delete(file);
      return undefined;
    }
    const known = this.pages.get(file);
    if (known && known.size === size && known.mtimeMs === mtimeMs) return known.text;
    let text: string | undefined;
    if (size <= MAX_LINKED_LENGTH) {
      try {
        const bytes = readFileSync(file);
        text = bytes.includes(0) ? undefined : bytes.toString('utf8');
      } catch {
        text = undefined;
      }
    }
    this.pages.delete(file);
    this.pages.set(file, { size, mtimeMs, text });
    if (this.pages.size > this.limit) this.pages.delete(this.pages.keys().next().value as string);
    return text;
  }

  forget(file: string): void {
    this.pages.delete(file);
  }
}

/** Which documents link to which pages (normalized URIs), both ways. */
export class LinkIndex {
  private readonly forward = new Map<string, Set<string>>();
  private readonly reverse = new Map<string, Set<string>>();

  /** Records the pages `linking` links to now (replacing what it linked to before). */
  set(linking: string, linked: Iterable<string>): void {
    this.forget(linking);
    const targets = new Set(linked);
    if (targets.size === 0) return;
    this.forward.set(linking, targets);
    for (const target of targets) {
      let from = this.reverse.get(target);
      if (!from) this.reverse.set(target, (from = new Set()));
      from.add(linking);
    }
  }

  forget(linking: string): void {
    for (const target of this.forward.get(linking) ?? []) {
      const from = this.reverse.get(target);
      from?.delete(linking);
      if (from?.size === 0) this.reverse.delete(target);
    }
    this.forward.delete(linking);
  }

  /** The documents that link to `uri`. */
  linkersOf(uri: string): string[] {
    return [...(this.reverse.get(normalizeUri(uri)) ?? [])];
  }
}
