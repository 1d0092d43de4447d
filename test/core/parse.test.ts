import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePieces, parseWhole, pieceBoundaries, PieceCache, updateBoundaries } from '../../core/parse.js';
import { repoRoot, seededRandom, sharedDir } from '../helpers.js';

/** Top-level blocks as (type, start, end) in document offsets, plus every nested node's type and offsets. */
function flatten(nodes: any[], base: number): string[] {
  const out: string[] = [];
  const walk = (n: any) => {
    out.push(`${n.type}@${base + n.position.start.offset}-${base + n.position.end.offset}`);
    for (const c of n.children ?? []) walk(c);
  };
  nodes.forEach(walk);
  return out;
}

function piecewise(text: string, cache?: PieceCache): string[] {
  return parsePieces(text, cache).flatMap((p) => flatten(p.nodes, p.start));
}

const tricky = [
  '# A\n\n```\n# not a heading\n```\n\n## B\ntext\n',
  '- item\n  # inside item\n# Top\n',
  '> quote\n# H\n',
  '<div>\n# inside html\n</div>\n\n# H\n',
  '<!-- comment\n# inside comment\n-->\n# H\n',
  '---\ntitle: x\n---\n# H\n\n| a | b |\n|---|---|\n| 1 | 2 |\n# H2\n',
  '~~~md\n# x\n~~~~\n# real\n',
  'para\r\n# H\r\ntext\r# H2\rmore\n',
  '\uFEFF# H\n\ntext 🚀 15%\n#hashtag\n# Real\n',
  '    # indented code\n# H\n',
  '```js\n# open fence never closed\n# still code\n',
  'Setext\n===\n# H\nline\n---\n',
];

test('piece-wise parsing equals parsing the whole document', () => {
  const docs = [...tricky];
  for (const dir of [path.join(sharedDir, 'examples'), path.join(repoRoot, 'examples')])
    if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir)) if (f.endsWith('.md')) docs.push(fs.readFileSync(path.join(dir, f), 'utf8'));
  // The parser drops a leading byte-order mark, so whole-document offsets start one later.
  for (const text of docs) assert.deepEqual(piecewise(text), flatten(parseWhole(text).children, text.charCodeAt(0) === 0xfeff ? 1 : 0), JSON.stringify(text.slice(0, 80)));
});

test('pieces split only at real headings', () => {
  assert.deepEqual(pieceBoundaries('# A\n```\n# no\n```\n# B\n'), [0, 17]);
  assert.deepEqual(pieceBoundaries('- x\n  # in item\n'), [0]);
  assert.deepEqual(pieceBoundaries('---\na: 1\n---\n# H\n'), [0, 13]);
  assert.deepEqual(pieceBoundaries('<div>\n# in html\n</div>\n'), [0]);
});

test('the piece cache reuses unchanged pieces after an edit elsewhere', () => {
  const cache = new PieceCache();
  const a = '# A\n\none\n\n# B\n\ntwo\n\n# C\n\nthree\n';
  const first = parsePieces(a, cache);
  cache.sweep();
  const b = a.replace('one', 'one more');
  const second = parsePieces(b, cache);
  assert.equal(second.length, 3);
  assert.notEqual(second[0].nodes, first[0].nodes);
  assert.equal(second[1].nodes, first[1].nodes);
  assert.equal(second[2].nodes, first[2].nodes);
  assert.deepEqual(piecewise(b), flatten(parseWhole(b).children, 0));
});

test('piece boundaries updated from the previous version equal a full scan, for random edits', () => {
  const random = seededRandom(7);
  const parts = ['# H\n', '## Sub\n', 'text\n', '```\n', '~~~\n', '<div>\n', '</div>\n', '<!--\n', '-->\n', '\n', '---\n', '| a |\n', '- # x\n', '\r\n', '# '];
  let text = '---\na: 1\n---\n# T\n\nintro\n\n## A\n\nbody\n\n```\n# not\n```\n\n## B\n\n<div>\n# in html\n</div>\n\n## C\n';
  let bounds = pieceBoundaries(text);
  for (let i = 0; i < 3000; i++) {
    const at = Math.floor(random() * (text.length + 1));
    const del = random() < 0.3 ? Math.floor(random() * 12) : 0;
    const ins = parts[Math.floor(random() * parts.length)];
    const next = text.length > 4000 ? text.slice(0, 2000) : text.slice(0, at) + ins + text.slice(at + del);
    const updated = updateBoundaries(next, text, bounds);
    assert.deepEqual(updated, pieceBoundaries(next), `edit ${i} at ${at}: ${JSON.stringify(ins)}`);
    text = next;
    bounds = updated;
  }
});

test('long front matter read without the markdown parser gives the same nodes, positions and values', () => {
  let compared = 0;
  for (const nl of ['\n', '\r\n', '\r']) {
    for (const ws of ['', '  ', '\t']) {
      for (const tail of ['', nl, `${nl}para`, `${nl}${nl}para ${nl}- x${nl}${nl}# Title${nl}text`, `${nl}text${nl}more`]) {
        for (const lines of [999, 1000, 1500]) {
          const text = `---${ws}${nl}` + Array.from({ length: lines - 1 }, (_, i) => `k${i}: v`).join(nl) + `${nl}---${ws}` + tail;
          const whole = parseWhole(text).children;
          const pieces = parsePieces(text);
          assert.deepEqual(JSON.parse(JSON.stringify(pieces.flatMap((p) => p.nodes))).length, whole.length);
          assert.deepEqual(piecewise(text), flatten(whole, 0), JSON.stringify({ nl, ws, tail, lines }));
          assert.deepEqual((pieces[0].nodes[0] as { value?: string }).value, (whole[0] as { value?: string }).value);
          compared++;
        }
      }
    }
  }
  assert.equal(compared, 135);
});
