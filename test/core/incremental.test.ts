/**
 * Incremental analysis: linting a document with a cache reused across edits must give
 * exactly what a from-scratch analysis gives, after every edit, wherever the edit lands
 * (tables, fences, lists, front matter, section boundaries).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createCache, lint } from '../../lib/index.js';
import { PlanModel } from '../../core/model.js';
import { repoRoot, seededRandom, sharedDir } from '../helpers.js';

const SNIPPETS = [
  'x', '\n', '\n\n', '# ', '## New section\n', '| a | b |\n|---|---|\n| 1 | 2 |\n', '```\n', '~~~\n', '- item\n', '> quote\n',
  '---\n', '<!-- partnerlint-disable margin-range -->\n', '<div>\n', '25%', ' 48 hours', 'Referral partners get 30% of ACV. ', '\r\n', '🚀', 'é',
];

function docs(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const dir of [path.join(sharedDir, 'examples'), path.join(repoRoot, 'examples')])
    if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir)) if (f.endsWith('.md') && f !== 'README.md') out.push([f, fs.readFileSync(path.join(dir, f), 'utf8')]);
  return out;
}

/** The comparable part of a result (everything a user sees). */
function view(text: string, r: ReturnType<typeof lint>) {
  return JSON.stringify({ ...r, findings: r.findings.map((f) => ({ ...f, at: text.slice(f.startOffset, f.endOffset) })) });
}

/** A cache that has seen `text` (as an editor's cache has after opening the document). */
function warmCache(text: string) {
  const cache = createCache();
  lint(text, { cache });
  cache.sweep();
  return cache;
}

/** Lints `text` through the document's cache and from scratch, and asserts both agree. */
function assertIncrementalEqualsFresh(text: string, cache: ReturnType<typeof createCache>, what: string): void {
  const incremental = lint(text, { cache });
  cache.sweep();
  assert.equal(view(text, incremental), view(text, lint(text)), what);
}

test('incremental analysis equals a fresh analysis after random edits', () => {
  const seed = Number(process.env.PARTNERLINT_SEED ?? 20261124);
  console.log(`# seed ${seed} (set PARTNERLINT_SEED to reproduce)`);
  const random = seededRandom(seed);
  let edits = 0;
  for (const [name, original] of docs()) {
    let text = original;
    const cache = warmCache(text);
    for (let i = 0; i < 25; i++) {
      const at = Math.floor(random() * (text.length + 1));
      const del = random() < 0.4 ? Math.floor(random() * 30) : 0;
      const ins = random() < 0.8 ? SNIPPETS[Math.floor(random() * SNIPPETS.length)] : '';
      text = text.slice(0, at) + ins + text.slice(Math.min(text.length, at + del));
      assertIncrementalEqualsFresh(text, cache, `${name}: edit ${i} at ${at} (seed ${seed})`);
      edits++;
    }
  }
  console.log(`# ${edits} edits compared`);
});

/** Offsets where a structure starts: table rows, fences, list items, front matter, headings. */
function structuralPoints(text: string): number[] {
  const out: number[] = [];
  const re = /^(?:\|| {0,3}(?:```|~~~)|\s*[-*+] |\s*\d+\. |---|#{1,6} |> |<)/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m.index, m.index + Math.min(m[0].length, 2));
    if (re.lastIndex === m.index) re.lastIndex++;
  }
  return out.length ? out : [0];
}

test('incremental analysis equals a fresh analysis while typing inside structures, and with repeated sections', () => {
  const seed = Number(process.env.PARTNERLINT_SEED ?? 20261125);
  console.log(`# seed ${seed} (set PARTNERLINT_SEED to reproduce)`);
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  let edits = 0;
  for (const [name, original] of docs()) {
    let text = original;
    const cache = warmCache(text);
    for (let round = 0; round < 6; round++) {
      const kind = pick(['type', 'paste-section', 'delete-line', 'join-lines'] as const);
      const steps: Array<(t: string) => string> = [];
      if (kind === 'type') {
        // Characters typed one at a time at a structural point, as an editor sends them.
        let at = pick(structuralPoints(text));
        for (const ch of pick(['| x |', '```js', '# Tiers', '- [ ] ', '---', '30%', ' <!-- ', '\n\n'])) {
          const here = at;
          steps.push((t) => t.slice(0, here) + ch + t.slice(here));
          at++;
        }
      } else if (kind === 'paste-section') {
        // A section copied elsewhere: the document then holds the same piece twice.
        steps.push((t) => {
          const heads = [...t.matchAll(/^## .*$/gm)].map((m) => m.index!);
          if (heads.length < 2) return t + '\n## Copy\n\nReferral partners get 30% of ACV.\n';
          const k = Math.floor(random() * (heads.length - 1));
          const section = t.slice(heads[k], heads[k + 1]);
          const to = pick(heads);
          return t.slice(0, to) + section + t.slice(to);
        });
      } else if (kind === 'delete-line') {
        steps.push((t) => {
          const at = pick(structuralPoints(t));
          const end = t.indexOf('\n', at);
          return t.slice(0, at) + (end < 0 ? '' : t.slice(end + 1));
        });
      } else {
        steps.push((t) => {
          const at = pick(structuralPoints(t));
          const end = t.indexOf('\n', at);
          return end < 0 ? t : t.slice(0, end) + ' ' + t.slice(end + 1);
        });
      }
      for (const step of steps) {
        text = step(text);
        assertIncrementalEqualsFresh(text, cache, `${name}: ${kind} in round ${round} (seed ${seed})`);
        edits++;
      }
    }
  }
  console.log(`# ${edits} edits compared`);
});

test('matching() ignores a global flag: the same statements every time it is asked', () => {
  const plan = new PlanModel('# Plan\n\nResellers earn 20%.\n\nResellers earn 25%.\n');
  const re = /\bresellers\b/gi;
  const first = plan.matching(re).map((s) => s.text);
  assert.deepEqual(first, ['Resellers earn 20%.', 'Resellers earn 25%.']);
  assert.deepEqual(new PlanModel('# Plan\n\nResellers earn 20%.\n\nResellers earn 25%.\n').matching(re).map((s) => s.text), first);
});
