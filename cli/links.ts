/**
 * Linked pages for the command line (spec, "Programs that span documents"):
 * a document's relative links to markdown files are resolved against its
 * folder, and the targets are read only when they lie inside the folders
 * being linted or the working directory. Each linked file is read once per
 * run, however many documents link to it; one that is missing, too large,
 * binary or not UTF-8 covers nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { documentLinks, linkTargetPath, MAX_LINKED_LENGTH, MAX_LINKS, type LinkedDocument } from '../lib/index.js';
import { contentHash } from './cache.js';
import { isInsideRoots } from './files.js';
import { decodeText } from './text-file.js';

/** What a document links to, for one lint: the texts found, and a digest for the cache key. */
export interface DocumentLinks {
  /** href as written (no fragment) -> the linked document; only the links that were read. */
  linked: Array<[string, LinkedDocument]>;
  /** Changes when a linked file appears, disappears or changes; '' when the document links to no markdown file. */
  key: string;
}

export class LinkedFiles {
  private readonly reads = new Map<string, { doc: LinkedDocument; hash: string } | null>();
  private readonly allowed: string[];

  /** `roots`: real paths of the folders being linted; `cwd`: the working directory. */
  constructor(roots: readonly string[], cwd: string) {
    const allowed = new Set(roots);
    try {
      allowed.add(fs.realpathSync(cwd));
    } catch {
      allowed.add(path.resolve(cwd));
    }
    this.allowed = [...allowed];
  }

  /** The linked documents of the document at `file` (absolute) with this text. */
  forDocument(file: string, text: string): DocumentLinks {
    const hrefs = [...new Set(documentLinks(text).map((l) => l.href))].slice(0, MAX_LINKS);
    if (hrefs.length === 0) return { linked: [], key: '' };
    let self: string;
    try {
      self = fs.realpathSync(file);
    } catch {
      self = file;
    }
    const linked: Array<[string, LinkedDocument]> = [];
    const parts: string[] = [];
    for (const href of hrefs) {
      const read = this.read(path.resolve(path.dirname(file), linkTargetPath(href)), self);
      if (read) linked.push([href, read.doc]);
      parts.push(`${href}\0${read ? read.hash : '-'}`);
    }
    return { linked, key: contentHash(Buffer.from(parts.join('\n'))).slice(0, 32) };
  }

  private read(target: string, self: string): { doc: LinkedDocument; hash: string } | null {
    let real: string;
    try {
      real = fs.realpathSync(target);
    } catch {
      return null;
    }
    // A page linking to itself covers nothing it does not already say.
    if (real === self || !isInsideRoots(real, this.allowed)) return null;
    const known = this.reads.get(real);
    if (known !== undefined) return known;
    let result: { doc: LinkedDocument; hash: string } | null = null;
    try {
      const info = fs.statSync(real);
      if (info.isFile() && info.size <= MAX_LINKED_LENGTH) {
        const bytes = fs.readFileSync(real);
        const decoded = decodeText(bytes);
        if (decoded.ok) result = { doc: { text: decoded.text, resolved: real }, hash: contentHash(bytes) };
      }
    } catch {
      result = null;
    }
    this.reads.set(real, result);
    return result;
  }
}
