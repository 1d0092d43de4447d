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
import { repoRoot, sharedDir } from '../helpers.js';

/** A small deterministic PRNG so failures reproduce from the printed seed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

test('incremental analysis equals a fresh analysis after random edits', () => {
  const seed = Number(process.env.PARTNERLINT_SEED ?? 20261124);
  console.log(`# seed ${seed} (set PARTNERLINT_SEED to reproduce)`);
  const random = rng(seed);
  let edits = 0;
  for (const [name, original] of docs()) {
    const cache = createCache();
    let text = original;
    lint(text, { cache });
    cache.sweep();
    for (let i = 0; i < 25; i++) {
      const at = Math.floor(random() * (text.length + 1));
      const del = random() < 0.4 ? Math.floor(random() * 30) : 0;
      const ins = random() < 0.8 ? SNIPPETS[Math.floor(random() * SNIPPETS.length)] : '';
      text = text.slice(0, at) + ins + text.slice(Math.min(text.length, at + del));
      const incremental = lint(text, { cache });
      cache.sweep();
      const fresh = lint(text);
      assert.equal(view(text, incremental), view(text, fresh), `${name}: edit ${i} at ${at} (seed ${seed})`);
      edits++;
    }
  }
  console.log(`# ${edits} edits compared`);
});
