/**
 * Shared pieces of the robustness suite: the seed, generators of hostile and
 * random markdown, mutations of real plans, and independent checks of what
 * the engine returns (positions recomputed here from the text itself).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { listRules, type LintResult, type Span } from '../../lib/index.js';

/** out/test/robustness/fuzz-support.js -> repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const DEFAULT_SEED = 20250611;

/** The seed every property of a run uses: `PARTNERLINT_FUZZ_SEED` or a fixed default. */
export function fuzzSeed(): number {
  const raw = process.env.PARTNERLINT_FUZZ_SEED;
  if (raw === undefined || raw.trim() === '') return DEFAULT_SEED;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`PARTNERLINT_FUZZ_SEED must be an integer, got "${raw}"`);
  return n | 0;
}

/** Multiplies every property's case count (`PARTNERLINT_FUZZ_SCALE`, default 1; never below 1). */
export function fuzzScale(): number {
  const n = Number(process.env.PARTNERLINT_FUZZ_SCALE ?? '1');
  return Number.isFinite(n) && n > 1 ? n : 1;
}

/** Runs one property with the run's seed and records how many cases it ran. */
export class CaseCounter {
  total = 0;
  readonly seed = fuzzSeed();
  /** Options for `fc.assert`: the seed, the (scaled) case count, and the replay path when one is given. */
  params(numRuns: number): fc.Parameters<unknown> {
    const runs = Math.round(numRuns * fuzzScale());
    this.total += runs;
    const p: fc.Parameters<unknown> = { seed: this.seed, numRuns: runs, endOnFailure: false };
    if (process.env.PARTNERLINT_FUZZ_PATH) p.path = process.env.PARTNERLINT_FUZZ_PATH;
    return p;
  }
}

// ---------------------------------------------------------------------------
// Position checks, computed independently of the engine.

/** Line starts with `\r\n`, `\n` and a lone `\r` as line endings. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  const re = /\r\n|\n|\r/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) starts.push(m.index + m[0].length);
  return starts;
}

/** 1-based line and UTF-16 column of an offset. */
export function position(starts: number[], offset: number): { line: number; column: number } {
  let line = 0;
  // Linear from a binary-search start: the arrays here are small enough either way.
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  line = lo;
  return { line: line + 1, column: offset - starts[line] + 1 };
}

export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const a = text.charCodeAt(offset - 1);
  const b = text.charCodeAt(offset);
  return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff;
}

const RULE_IDS = new Set(listRules().map((r) => r.id));
const SEVERITIES = new Set(['error', 'warning', 'info']);

/** Problems with one span of `text` (empty when it is sound). */
export function spanProblems(text: string, starts: number[], s: Span, what: string): string[] {
  const out: string[] = [];
  const fields = ['line', 'column', 'endLine', 'endColumn', 'startOffset', 'endOffset'] as const;
  for (const f of fields) if (!Number.isSafeInteger(s[f])) out.push(`${what}: ${f} is ${String(s[f])}, expected an integer`);
  if (out.length) return out;
  if (s.startOffset < 0 || s.endOffset > text.length || s.startOffset > s.endOffset)
    out.push(`${what}: offsets ${s.startOffset}..${s.endOffset} are not a range inside the document (length ${text.length})`);
  else {
    const a = position(starts, s.startOffset);
    const b = position(starts, s.endOffset);
    if (a.line !== s.line || a.column !== s.column) out.push(`${what}: start ${s.line}:${s.column} but offset ${s.startOffset} is ${a.line}:${a.column}`);
    if (b.line !== s.endLine || b.column !== s.endColumn) out.push(`${what}: end ${s.endLine}:${s.endColumn} but offset ${s.endOffset} is ${b.line}:${b.column}`);
    if (splitsSurrogatePair(text, s.startOffset)) out.push(`${what}: start offset ${s.startOffset} splits a surrogate pair`);
    if (splitsSurrogatePair(text, s.endOffset)) out.push(`${what}: end offset ${s.endOffset} splits a surrogate pair`);
  }
  return out;
}

/** Every position the result carries: findings, their fix edits, sections, benchmarks, evidence, the title. */
export function resultProblems(text: string, r: LintResult): string[] {
  const starts = lineStarts(text);
  const out: string[] = [];
  if (!Array.isArray(r.findings)) return ['findings is not an array'];
  out.push(...spanProblems(text, starts, r.title, 'title'));
  r.findings.forEach((f, i) => {
    const what = `finding ${i} (${f.ruleId})`;
    if (!RULE_IDS.has(f.ruleId)) out.push(`${what}: unknown rule id`);
    if (!SEVERITIES.has(f.severity)) out.push(`${what}: severity ${String(f.severity)}`);
    if (typeof f.message !== 'string' || f.message.trim() === '') out.push(`${what}: empty message`);
    if (/failed on this document and was skipped/.test(f.message)) out.push(`${what}: the rule threw: ${f.message}`);
    out.push(...spanProblems(text, starts, f, what));
    for (const [j, fix] of (f.fixes ?? []).entries()) {
      if (typeof fix.title !== 'string' || !fix.title) out.push(`${what} fix ${j}: no title`);
      for (const [k, e] of fix.edits.entries()) {
        const w = `${what} fix ${j} edit ${k}`;
        if (!Number.isSafeInteger(e.start) || !Number.isSafeInteger(e.end) || e.start < 0 || e.end > text.length || e.start > e.end)
          out.push(`${w}: range ${e.start}..${e.end} outside the document (length ${text.length})`);
        else {
          if (splitsSurrogatePair(text, e.start) || splitsSurrogatePair(text, e.end)) out.push(`${w}: splits a surrogate pair`);
          if (e.start > 0 && e.start < text.length && text[e.start - 1] === '\r' && text[e.start] === '\n') out.push(`${w}: inserts between \\r and \\n`);
        }
        if (typeof e.newText !== 'string') out.push(`${w}: newText is not a string`);
      }
    }
  });
  r.sections.forEach((s, i) => out.push(...spanProblems(text, starts, s, `section ${i} (${s.topic})`)));
  r.benchmarks.forEach((b, i) => out.push(...spanProblems(text, starts, b, `benchmark ${i} (${b.subject})`)));
  if (r.readiness) {
    for (const [k, d] of Object.entries(r.readiness.details)) d.evidence.forEach((e, i) => out.push(...spanProblems(text, starts, e, `evidence ${k}[${i}]`)));
    if (!Number.isFinite(r.readiness.score)) out.push(`readiness score ${r.readiness.score}`);
  }
  return out;
}

/** Fails with a readable list when the result is unsound. */
export function assertSound(text: string, r: LintResult): void {
  const problems = resultProblems(text, r);
  if (problems.length) throw new Error(`${problems.length} position problem(s):\n  ${problems.slice(0, 12).join('\n  ')}`);
}

// ---------------------------------------------------------------------------
// Generators.

const WORDS = [
  'partner', 'partners', 'partner program', 'channel', 'resellers', 'referral partners', 'integration partners', 'MSPs',
  'margin', 'commission', 'referral fee', 'rev share', 'deal registration', 'register deals', 'approval SLA', 'approve',
  'within', 'business days', 'expires', 'tiers', 'Gold', 'Silver', 'Bronze', 'MDF', 'market development funds', 'co-sell',
  'marketplace', 'exit criteria', 'pilot', 'owner', 'head of partnerships', 'enablement', 'training', 'certification',
  'portal', 'logins', 'ICP', 'pipeline', 'conflict', 'price protection', 'recruit partners', 'we', 'the', 'and', 'or',
  'not', 'no', 'every', 'our', 'sales', 'customers', 'revenue', 'quarter', 'year', 'target', 'metric', 'Google Cloud',
  'AWS', 'founders', 'friends', 'logos', 'is', 'are', 'will', 'must', 'per', 'each', 'first', 'weekly', 'monthly',
] as const;

const NUMBERS = [
  '25%', '12-18%', '10–40%', '0.5%', '200%', '-5%', '1e308%', '١٢٪', '２５％', '99999999999999999999%', 'NaN%', '%', '0%',
  '48 hours', '3 weeks', '120 days', '0 days', '2 business days', '-1 days', '$1.2M', '$5k', '€300', '3 tiers', '22 partners',
  '4.', '1,000,000', '0x1F', '½', '٣', '𝟗𝟗%', '12–', '–18%', '30/60/90', 'Q3', '2025-13-45',
] as const;

const HOSTILE = [
  '\0', '\uFEFF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D\uDE80', '👩\u200D👩\u200D👧', '🇺🇳', '\u202E', '\u202B', '\u200F', '\u200E',
  'e\u0301', '\t', '\r', '\v', '\f', '\u2028', '\u2029', '\u0085', '\u00A0', '\u3000', 'שותפים', 'الشركاء ٢٥٪', 'Ω', '\\', '<', '&amp;', '|',
] as const;

const INLINE = [
  '**bold**', '*em*', '_x_', '`code`', '[link](http://x.invalid)', '![img](x.png)', '<b>', '</b>', '<!-- c -->', '~~s~~',
  '<!-- partnerlint-disable-line -->', '<!-- partnerlint-disable-next-line margin-range -->', '  ', '\\*', '**', '[', '](', '<!--',
] as const;

const EOLS = ['\n', '\r\n', '\r'] as const;

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...INLINE) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 10_000_000 }).map(String) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

/** One line of prose with rule vocabulary, numbers, inline markup and the occasional hostile character. */
export const phrase = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));

const headingText = fc.oneof(
  phrase,
  fc.constantFrom(
    'Deal registration', 'Tiers', 'Margins', 'MDF', 'Exit criteria', 'Pilot', 'Recruiting partners', 'Enablement', 'Success metrics',
    'Channel conflict', 'Pricing protection', 'Partner portal', 'Team', 'Readiness', 'Timeline', 'FAQ', 'Program owner',
    '🚀 Tiers', '💰 Margins 20%', '📈 25% of revenue', 'שותפים', 'الشركاء', '\u202Etnemelbane', 'Deal reg 🤝 2 days', '',
  ),
);

type Lines = string[];

const heading: fc.Arbitrary<Lines> = fc
  .tuple(fc.integer({ min: 1, max: 7 }), headingText, fc.constantFrom('', ' #', ' ###', '   '), fc.boolean())
  .map(([d, t, close, setext]) => (setext && t ? [t, d % 2 ? '===' : '---'] : ['#'.repeat(d) + ' ' + t + close]));

const paragraph: fc.Arbitrary<Lines> = fc.array(phrase, { minLength: 1, maxLength: 4 });

const nestedList: fc.Arbitrary<Lines> = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.constantFrom('-', '*', '+', '1.', '2)', '10.', '- [ ]', '- [x]'), phrase), { minLength: 1, maxLength: 12 })
  .map((items) => items.map(([depth, bullet, t]) => '  '.repeat(depth) + bullet + ' ' + t));

const deepList: fc.Arbitrary<Lines> = fc
  .tuple(fc.integer({ min: 5, max: 25 }), phrase)
  .map(([depth, t]) => Array.from({ length: depth }, (_, i) => '  '.repeat(i) + '- ' + t));

const blockquote: fc.Arbitrary<Lines> = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 25 }), fc.oneof(phrase, fc.constantFrom('- item', '# heading 3%', '```', '| a | b |'))), { minLength: 1, maxLength: 8 })
  .map((items) => items.map(([d, t]) => '>'.repeat(d) + ' ' + t));

const fence: fc.Arbitrary<Lines> = fc
  .tuple(fc.constantFrom('```', '~~~', '````', '``` js', '~~~~~~'), fc.array(phrase, { maxLength: 5 }), fc.constantFrom('close', 'open', 'short', 'other'))
  .map(([open, body, how]) => {
    const marker = open.replace(/ .*/, '');
    const closeWith = how === 'close' ? [marker] : how === 'short' ? [marker.slice(0, 2)] : how === 'other' ? [marker[0] === '`' ? '~~~' : '```'] : [];
    return [open, ...body, ...closeWith];
  });

const table: fc.Arbitrary<Lines> = fc
  .tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 30 }), fc.boolean(), phrase, fc.constantFrom(...NUMBERS))
  .map(([cols, rows, ragged, cellText, num]) => {
    const cell = (r: number, c: number) => (c === 0 ? ['Gold', 'Silver', cellText, num][r % 4] : (r * 7 + c) % 3 ? num : cellText).replace(/\|/g, '\\|');
    const width = (r: number) => (ragged ? 1 + ((r * 5) % (cols + 2)) : cols);
    const row = (r: number) => '| ' + Array.from({ length: width(r) }, (_, c) => cell(r, c)).join(' | ') + ' |';
    const head = '| ' + Array.from({ length: cols }, (_, c) => ['Tier', 'Margin', 'MDF', 'Deal reg'][c % 4]).join(' | ') + ' |';
    return [head, '|' + '---|'.repeat(cols), ...Array.from({ length: rows }, (_, r) => row(r))];
  });

const htmlBlock: fc.Arbitrary<Lines> = fc.constantFrom(
  ['<!-- partnerlint-disable -->'], ['<!-- partnerlint-enable -->'], ['<!-- partnerlint-disable exit-criteria, margin-range -->'],
  ['<!-- partnerlint-disable-next-line -->'], ['<!--', 'unterminated comment'], ['<div>', '| x |', '</div>'], ['<script>', '# not a heading', '</script>'],
  ['<?php', '?>'], ['<![CDATA[', ']]>'], ['<!DOCTYPE x'], ['***'], ['- - -'], ['    indented # code'], ['[ref]: http://x.invalid "t"'],
);

const block = fc.oneof(
  { weight: 4, arbitrary: heading },
  { weight: 5, arbitrary: paragraph },
  { weight: 2, arbitrary: nestedList },
  { weight: 1, arbitrary: deepList },
  { weight: 2, arbitrary: blockquote },
  { weight: 2, arbitrary: fence },
  { weight: 2, arbitrary: table },
  { weight: 1, arbitrary: htmlBlock },
  { weight: 1, arbitrary: fc.constant<Lines>(['']) },
  // Runs of blank lines stay short here: long runs are covered by the timed tests in limits.test.ts (B1).
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 10 }).map((n): Lines => Array(n).fill('')) },
);

/** Front matter, well-formed or not: plan keys, anchors and aliases, alias bombs, custom tags, huge values. */
export const frontMatter: fc.Arbitrary<Lines> = fc.oneof(
  fc.constant<Lines>(['---', 'type: partnership-plan', 'archetypes: [referral, reseller]', 'stage: pilot', 'arr: $1.2M', '---']),
  fc.constant<Lines>(['---', 'partnerlint: {}', 'base: &b {stage: scale, arr: 5}', 'copy: *b', 'merged:', '  <<: *b', '---']),
  fc.constant<Lines>(['---', 'type: &t partnership-plan', 'again: *t', 'stage: *t', 'archetypes: &a [technology]', 'more: [*a, *a, *a]', '---']),
  fc.constant<Lines>([
    '---', 'type: partnership-plan', 'a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]', 'g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]', '---',
  ]),
  fc.constant<Lines>(['---', 'type: partnership-plan', 'fn: !!js/function "function () { globalThis.__partnerlintPwned = true }"', 're: !!js/regexp /x/', 'u: !!js/undefined ""', 'x: !custom thing', 'bin: !!binary aGVsbG8=', '---']),
  fc.constant<Lines>(['---', 'type: [unclosed', '---']),
  fc.constant<Lines>(['---', 'type: partnership-plan', 'type: partnership-plan', '\tbad: tab', '---']),
  fc.constant<Lines>(['---', 'type: 5', 'archetypes: 7', 'stage: [a, b]', 'arr: "lots"', '---']),
  fc.constant<Lines>(['---', 'type: partnership-plan', 'stage: pilot']),
  fc.constant<Lines>(['---', 'type: partnership-plan', '...']),
  fc.constant<Lines>(['---', '---']),
  fc.constant<Lines>(['---', '- a', '- b', '---']),
  fc.tuple(fc.integer({ min: 1, max: 4000 }), fc.constantFrom('x', 'é', '🚀', '\\u0000', '"')).map(([n, c]) => ['---', 'type: partnership-plan', 'note: ' + c.repeat(n), '---']),
  fc.array(fc.tuple(fc.constantFrom('type', 'stage', 'archetypes', 'arr', 'partnerlint', 'title'), phrase), { maxLength: 5 }).map((kv) => ['---', ...kv.map(([k, v]) => `${k}: ${v}`), '---']),
);

export interface DocShape {
  fm: Lines | null;
  blocks: Lines[];
  eolMode: 'n' | 'rn' | 'r' | 'mixed';
  eolPicks: number[];
  blankBetween: boolean;
  bom: boolean;
  trailingEol: boolean;
  sprinkles: Array<[number, string]>;
}

/** Random markdown: blocks of every kind, optional front matter, any line endings, BOM and stray characters. */
export const markdownDoc: fc.Arbitrary<string> = fc
  .record({
    fm: fc.option(frontMatter, { freq: 3 }),
    blocks: fc.array(block, { maxLength: 8 }),
    eolMode: fc.constantFrom('n', 'rn', 'r', 'mixed'),
    eolPicks: fc.array(fc.nat(2), { minLength: 1, maxLength: 8 }),
    blankBetween: fc.boolean(),
    bom: fc.boolean(),
    trailingEol: fc.boolean(),
    sprinkles: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...HOSTILE)), { maxLength: 4 }),
  })
  .map((d) => renderDoc(d as DocShape));

export function renderDoc(d: DocShape): string {
  const lines: string[] = [...(d.fm ?? [])];
  for (const b of d.blocks) {
    lines.push(...b);
    if (d.blankBetween) lines.push('');
  }
  let text = joinLines(lines, d.eolMode, d.eolPicks);
  if (d.trailingEol && lines.length) text += eolAt(d.eolMode, d.eolPicks, lines.length);
  for (const [pos, ch] of d.sprinkles) {
    const at = text.length ? pos % (text.length + 1) : 0;
    text = text.slice(0, at) + ch + text.slice(at);
  }
  return (d.bom ? '\uFEFF' : '') + text;
}

function eolAt(mode: DocShape['eolMode'], picks: number[], i: number): string {
  if (mode === 'n') return '\n';
  if (mode === 'rn') return '\r\n';
  if (mode === 'r') return '\r';
  return EOLS[picks[i % picks.length] % 3];
}

function joinLines(lines: string[], mode: DocShape['eolMode'], picks: number[]): string {
  let out = '';
  lines.forEach((l, i) => (out += (i ? eolAt(mode, picks, i) : '') + l));
  return out;
}

/** Raw strings made mostly of the characters that break parsers. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200, size: 'medium' }),
  fc.string({ unit: fc.constantFrom(...HOSTILE, '#', '-', '>', '|', '`', '~', '*', ' ', '\n', '\r\n', '1.', '%', '5', '---'), maxLength: 300, size: 'medium' }),
  fc.array(fc.oneof(word, fc.constantFrom('\n', '\r', '\r\n', '# ', '> ', '- ', '| ', '```', '---\n')), { maxLength: 80 }).map((ws) => ws.join('')),
);

// ---------------------------------------------------------------------------
// Real plans and their mutations.

export interface Example {
  name: string;
  text: string;
}

/** The shared example plans and the bundled ones, when present. */
export function loadExamples(): Example[] {
  const dirs = [path.resolve(REPO_ROOT, '..', 'shared', 'examples'), path.join(REPO_ROOT, 'examples')];
  const out: Example[] = [];
  for (const dir of dirs) {
    let names: string[] = [];
    try {
      names = fs.readdirSync(dir).filter((n) => n.endsWith('.md')).sort();
    } catch {
      continue;
    }
    for (const n of names) out.push({ name: path.join(dir, n), text: fs.readFileSync(path.join(dir, n), 'utf8') });
  }
  return out;
}

export type Mutation =
  | { kind: 'delete'; i: number }
  | { kind: 'duplicate'; i: number }
  | { kind: 'swap'; i: number; j: number }
  | { kind: 'insert'; i: number; lines: Lines }
  | { kind: 'number'; i: number; k: number; value: string }
  | { kind: 'eol'; i: number; eol: string }
  | { kind: 'char'; pos: number; ch: string }
  | { kind: 'truncate'; pos: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), i: fc.nat(), j: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), i: fc.nat(), lines: block }),
  fc.record({
    kind: fc.constant('number' as const),
    i: fc.nat(),
    k: fc.nat(),
    value: fc.oneof(fc.constantFrom('0', '-1', '100', '1e309', '999999999999999999999', '3.14159', '٥', '', '12–18', 'NaN'), fc.integer({ min: -5, max: 500 }).map(String)),
  }),
  fc.record({ kind: fc.constant('eol' as const), i: fc.nat(), eol: fc.constantFrom(...EOLS) }),
  fc.record({ kind: fc.constant('char' as const), pos: fc.nat(), ch: fc.constantFrom(...HOSTILE) }),
  fc.record({ kind: fc.constant('truncate' as const), pos: fc.nat() }),
);

/** Splits into lines that keep their own line ending, so mutations preserve the rest byte for byte. */
function splitKeep(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g) ?? [];
}

export function mutate(text: string, muts: Mutation[]): string {
  let lines = splitKeep(text);
  const idx = (n: number) => (lines.length ? n % lines.length : 0);
  for (const m of muts) {
    switch (m.kind) {
      case 'delete':
        lines.splice(idx(m.i), 1);
        break;
      case 'duplicate':
        if (lines.length) lines.splice(idx(m.i), 0, withEol(lines[idx(m.i)]));
        break;
      case 'swap': {
        if (!lines.length) break;
        const a = idx(m.i);
        const b = idx(m.j);
        const eolA = /(\r\n|\n|\r)?$/.exec(lines[a])![0];
        const eolB = /(\r\n|\n|\r)?$/.exec(lines[b])![0];
        const bodyA = lines[a].slice(0, lines[a].length - eolA.length);
        const bodyB = lines[b].slice(0, lines[b].length - eolB.length);
        lines[a] = bodyB + eolA;
        lines[b] = bodyA + eolB;
        break;
      }
      case 'insert':
        lines.splice(lines.length ? m.i % (lines.length + 1) : 0, 0, ...m.lines.map((l) => l + '\n'));
        break;
      case 'number': {
        if (!lines.length) break;
        const at = idx(m.i);
        let n = 0;
        const target = m.k;
        const count = (lines[at].match(/\d+(?:[.,]\d+)?/g) ?? []).length;
        if (!count) break;
        lines[at] = lines[at].replace(/\d+(?:[.,]\d+)?/g, (x) => (n++ === target % count ? m.value : x));
        break;
      }
      case 'eol':
        if (lines.length) lines[idx(m.i)] = lines[idx(m.i)].replace(/(\r\n|\n|\r)?$/, m.eol);
        break;
      case 'char': {
        const t = lines.join('');
        const at = m.pos % (t.length + 1);
        lines = splitKeep(t.slice(0, at) + m.ch + t.slice(at));
        break;
      }
      case 'truncate': {
        const t = lines.join('');
        lines = splitKeep(t.slice(0, t.length - (m.pos % Math.max(1, Math.min(t.length, 400)))));
        break;
      }
    }
  }
  return lines.join('');
}

function withEol(line: string): string {
  return /(\r\n|\n|\r)$/.test(line) ? line : line + '\n';
}

/** Lines `from .. from+len` of a plan (the whole plan when len is large). */
export function window(text: string, from: number, len: number): string {
  const lines = splitKeep(text);
  if (len >= lines.length) return text;
  const start = from % (lines.length - len + 1);
  return lines.slice(start, start + len).join('');
}

/** Is `small` a subsequence of `big` (UTF-16 code units, in order)? */
export function isSubsequence(small: string, big: string): boolean {
  let j = 0;
  for (let i = 0; i < big.length && j < small.length; i++) if (big.charCodeAt(i) === small.charCodeAt(j)) j++;
  return j === small.length;
}
