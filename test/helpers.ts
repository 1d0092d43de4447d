import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (tests run from out/test/...). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The shared folder beside the checkout (labelled examples, spec). */
export const sharedDir = path.resolve(repoRoot, '..', 'shared');

/** A small deterministic random source (mulberry32) in [0, 1), so a failing run replays from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Corpora kept blind: nobody who changes the readings reads them. Tests that walk every labelled
 * document say only that a blind document failed, never which one or what it says (see `shownAs`).
 */
export const BLIND_CORPORA: ReadonlySet<string> = new Set(['unseen', 'heldout6', 'heldout11', 'heldout15', 'heldout16', 'heldout19', 'heldout22', 'heldout25', 'heldout27']);

/** A failure message about a document, with the name and details held back for a blind corpus. */
export function shownAs(corpus: string, detail: string): string {
  const name = path.basename(corpus);
  return BLIND_CORPORA.has(name) ? `a document of the blind corpus ${name} fails this check (details are not shown)` : detail;
}

/** Every labelled corpus: the shared examples and real-world pages, and each fixture folder with a key.json. */
export function labelledCorpora(): string[] {
  const fixtures = path.join(repoRoot, 'test', 'fixtures');
  return [path.join(sharedDir, 'examples'), path.join(sharedDir, 'realworld'), ...fs.readdirSync(fixtures).sort().map((d) => path.join(fixtures, d))].filter((d) =>
    fs.existsSync(path.join(d, 'key.json')),
  );
}

/** The documents a corpus's key.json lists (paths relative to the corpus). */
export function keyedFiles(corpus: string): string[] {
  return Object.keys(JSON.parse(fs.readFileSync(path.join(corpus, 'key.json'), 'utf8')).docs as Record<string, unknown>);
}
