/**
 * The YAML scan (core/yaml-limits.ts) must never count fewer levels or keys
 * than the yaml library then meets: on random texts made of YAML's
 * significant pieces (quotes, brackets, indicators, block scalars, tags,
 * document markers, odd line breaks), the nesting depth the parser reaches
 * (its syntax tree and the composed document) and the largest map never
 * exceed what the scan counted. Only small texts are parsed here.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCollection, isMap, isPair, parseAllDocuments, Parser } from 'yaml';
import { checkYamlLimits, describeYamlLimit, YAML_LIMITS } from '../../core/yaml-limits.js';
import { seededRandom } from '../helpers.js';

const PIECES = [
  '[', ']', '{', '}', "'", '"', ':', ': ', '- ', '-', '? ', ',', ', ', '#', ' #', '|', '>', '|2', '>-', '|+', ' ', '  ', '    ',
  '\n', '\n', '\n', '\n  ', '\n    ', '\n ', '\t', 'a', 'b', 'key', 'k: ', '&a ', '*a', '!t ', '!!str ', '!<[x]> ', '---', '...',
  '--- ', '\\', '\r\n', '\r', '%Y', "''", '\\"', '\n- ', '\n  - ', '\n[', '\n{', '\n]', '\n}', '\uFEFF',
];

type CstToken = { type?: string; items?: Array<Record<string, unknown>>; value?: unknown; key?: unknown; end?: unknown };

function cstDepth(token: unknown): number {
  if (!token || typeof token !== 'object') return 0;
  const t = token as CstToken;
  const children: unknown[] = [];
  for (const item of t.items ?? []) children.push(item.key, item.value, ...((item.start as unknown[]) ?? []), ...((item.sep as unknown[]) ?? []));
  children.push(t.value, t.key, ...(Array.isArray(t.end) ? t.end : []));
  const below = Math.max(0, ...children.map(cstDepth));
  return below + (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection' ? 1 : 0);
}

function nodeDepth(node: unknown): number {
  if (isPair(node)) return Math.max(nodeDepth(node.key), nodeDepth(node.value));
  if (isCollection(node)) return 1 + Math.max(0, ...node.items.map(nodeDepth));
  return 0;
}

function largestMap(node: unknown): number {
  if (isPair(node)) return Math.max(largestMap(node.key), largestMap(node.value));
  if (isCollection(node)) return Math.max(isMap(node) ? node.items.length : 0, ...node.items.map(largestMap));
  return 0;
}

function realDepth(text: string): number {
  let depth = 0;
  for (const token of new Parser().parse(text)) depth = Math.max(depth, cstDepth(token));
  for (const doc of parseAllDocuments(text)) depth = Math.max(depth, nodeDepth(doc.contents));
  return depth;
}

function realLargestMap(text: string): number {
  let keys = 0;
  for (const doc of parseAllDocuments(text)) keys = Math.max(keys, largestMap(doc.contents));
  return keys;
}

test('the scan never counts fewer levels or keys than the parser meets', () => {
  const random = seededRandom(14);
  const pick = () => PIECES[Math.floor(random() * PIECES.length)];
  const warn = process.emitWarning;
  process.emitWarning = () => {}; // the parser warns about odd keys it turns into strings
  try {
    for (let i = 0; i < 4000; i++) {
      let text = '';
      if (i % 2 === 0) {
        for (let n = 1 + Math.floor(random() * 60); n > 0; n--) text += pick();
      } else {
        // A short unit repeated: how errors the parser recovers from pile up.
        let unit = '';
        for (let n = 1 + Math.floor(random() * 6); n > 0; n--) unit += pick();
        for (let n = Math.floor(random() * 5); n > 0; n--) text += pick();
        text += unit.repeat(3 + Math.floor(random() * 30));
      }
      const depth = realDepth(text);
      if (depth > 0) {
        assert.equal(checkYamlLimits(text, { ...YAML_LIMITS, maxDepth: depth - 1, maxKeys: Infinity }), 'depth', `depth ${depth} not counted: ${JSON.stringify(text)}`);
      }
      const keys = realLargestMap(text);
      // The parser can make two keys of a malformed line the scan counts once: within a factor of two, which
      // is what matters (it bounds the parser's quadratic duplicate-key check).
      if (keys > 4) {
        const counted = Math.ceil(keys / 2) - 1;
        assert.equal(checkYamlLimits(text, { ...YAML_LIMITS, maxDepth: Infinity, maxKeys: counted - 1 }), 'keys', `${keys} keys not counted: ${JSON.stringify(text)}`);
      }
    }
  } finally {
    process.emitWarning = warn;
  }
});

test('plans and configs as people write them are well within the limits', () => {
  const usual = [
    '---\ntype: partnership-plan\nstage: pilot\narchetypes: [reseller, referral]\narr: "$1.2M"\n',
    'title: "Acme: reseller pilot"\nowner: Dana Ruiz\ndescription: >\n  A pilot with six resellers,\n  run from the partner portal.\ntags:\n  - channel\n  - pilot\n',
    JSON.stringify({ rules: { 'margin-range': ['error', { reseller: { min: 15, max: 30 }, referral: { min: 5, max: 20 } }], 'exit-criteria': 'off' }, detection: { mode: 'auto', include: ['plans/**/*.md'], exclude: [] } }, null, 2),
    '%YAML 1.2\n---\nrules:\n  margin-range:\n    - warning\n    - reseller: {min: 15, max: 30}\nsynonyms:\n  economics: ["Partner economics", "What partners earn"]\n...\n',
    Array.from({ length: 400 }, (_, i) => `key${i}: value ${i}`).join('\n'),
  ];
  for (const text of usual) assert.equal(checkYamlLimits(text), null, text);
});

test('each limit, and how it is described', () => {
  assert.equal(checkYamlLimits('a: ' + 'x'.repeat(YAML_LIMITS.maxChars)), 'size');
  assert.equal(checkYamlLimits(`a: ${'['.repeat(1000)}${']'.repeat(1000)}`), 'depth');
  assert.equal(checkYamlLimits(Array.from({ length: 1001 }, (_, i) => `k${i}: v`).join('\n')), 'keys');
  assert.equal(describeYamlLimit('size'), 'it is larger than 1 MB');
  assert.equal(describeYamlLimit('depth'), 'its lists and maps are nested too deeply to read safely');
  assert.equal(describeYamlLimit('keys'), 'it has more than 1,000 keys and list items');
});

test('the scan takes time linear in the text, on any text', () => {
  const shapes = [
    'a: ' + "'x', ".repeat(200_000),
    "'x\n".repeat(300_000),
    'a: "' + '\\"'.repeat(500_000) + '"',
    'a: x\n' + '  y\n'.repeat(250_000),
    '\n'.repeat(1_000_000),
    'a: |\n' + '  line of text\n'.repeat(70_000),
  ];
  for (const text of shapes) {
    const started = performance.now();
    checkYamlLimits(text);
    const ms = performance.now() - started;
    assert.ok(ms < 1000, `${ms.toFixed(0)} ms on ${JSON.stringify(text.slice(0, 20))}`);
  }
});
