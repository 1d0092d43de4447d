/**
 * Property tests of `applyFixes` over the findings `lint` returns for random
 * and mutated plans: the edits it applies never overlap, it changes nothing
 * but what those edits say (insertions keep every character of the original,
 * in order), and after the safe fixes are applied the rules they came from no
 * longer fire.
 *
 * Which edits were applied is observed, not re-derived: each edit's new text
 * is wrapped in unique markers before `applyFixes` runs, and the markers are
 * read back out of the result.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { applyFixes, lint, type Finding, type TextEdit } from '../../lib/index.js';
import { CaseCounter, assertSound, hostileText, isSubsequence, loadExamples, markdownDoc, mutate, mutation, window } from './fuzz-support.js';

const counter = new CaseCounter();
console.log(`partnerlint fuzz seed: ${counter.seed} (set PARTNERLINT_FUZZ_SEED to change it)`);
after(() => console.log(`fix properties: ${counter.total} cases run with seed ${counter.seed}`));

const examples = loadExamples();
const detectMode = fc.constantFrom('always', 'always', 'always', 'auto') as fc.Arbitrary<'always' | 'auto'>;

const mutatedPlan = fc
  .record({
    plan: fc.constantFrom(...examples),
    from: fc.nat(),
    len: fc.oneof(fc.integer({ min: 3, max: 40 }), fc.constant(10_000)),
    muts: fc.array(mutation, { maxLength: 5 }),
  })
  .map(({ plan, from, len, muts }) => mutate(window(plan.text, from, len), muts));

const docs = fc.oneof({ weight: 3, arbitrary: mutatedPlan }, { weight: 3, arbitrary: markdownDoc }, { weight: 1, arbitrary: hostileText });

const OPEN = '\uFDD0';
const MID = '\uFDD1';
const CLOSE = '\uFDD2';

/**
 * Findings whose edits' new text is wrapped as OPEN id MID newText CLOSE, and the edits by id.
 * Identical edits (same range and text, e.g. a shared fence closer) share one id, so an engine
 * that applies a shared edit once still sees them as identical.
 */
function instrument(findings: Finding[]): { findings: Finding[]; edits: TextEdit[] } {
  const edits: TextEdit[] = [];
  const ids = new Map<string, number>();
  const idOf = (e: TextEdit) => {
    const key = `${e.start}:${e.end}:${e.newText}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = edits.push(e) - 1;
      ids.set(key, id);
    }
    return id;
  };
  const out = findings.map((f) => ({
    ...f,
    fixes: f.fixes?.map((fix) => ({
      ...fix,
      edits: fix.edits.map((e) => ({ ...e, newText: `${OPEN}${idOf(e)}${MID}${e.newText}${CLOSE}` })),
    })),
  }));
  return { findings: out, edits };
}

/** Reads the applied edits (in output order) back out of an instrumented result. */
function appliedEdits(output: string, edits: TextEdit[]): number[] {
  const ids: number[] = [];
  let i = output.indexOf(OPEN);
  while (i >= 0) {
    const mid = output.indexOf(MID, i);
    assert.ok(mid > i, 'a marker was cut: an edit was split or overwritten');
    const id = Number(output.slice(i + 1, mid));
    const e = edits[id];
    assert.ok(e, `unknown edit marker ${output.slice(i + 1, mid)}`);
    const body = output.slice(mid + 1, mid + 1 + e.newText.length);
    assert.equal(body, e.newText, `edit ${id}'s text was changed after insertion`);
    assert.equal(output[mid + 1 + e.newText.length], CLOSE, `edit ${id} was not inserted whole`);
    ids.push(id);
    i = output.indexOf(OPEN, mid + 1 + e.newText.length);
  }
  return ids;
}

/** The document with exactly these edits applied (left to right); fails when two of them overlap. */
function applyInOrder(text: string, ids: number[], edits: TextEdit[], wrap: (id: number) => string): string {
  let out = '';
  let pos = 0;
  for (const id of ids) {
    const e = edits[id];
    assert.ok(e.start >= pos, `edit ${id} (${e.start}..${e.end}) overlaps an earlier applied edit ending at ${pos}`);
    assert.ok(e.start <= e.end && e.end <= text.length, `edit ${id} (${e.start}..${e.end}) is outside the document`);
    out += text.slice(pos, e.start) + wrap(id);
    pos = e.end;
  }
  return out + text.slice(pos);
}

function checkFixes(text: string, findings: Finding[], safeOnly: boolean): void {
  const real = applyFixes(text, findings, { safeOnly });
  const candidates = findings.filter((f) => f.fixes?.some((x) => !safeOnly || x.safe));
  assert.ok(real.applied.length + real.skipped <= candidates.length, `applied ${real.applied.length} + skipped ${real.skipped} fixes out of ${candidates.length} candidates`);
  for (const a of real.applied) assert.ok(candidates.some((f) => f.ruleId === a.ruleId && f.fixes!.some((x) => x.title === a.title)), `applied a fix no finding offered: ${JSON.stringify(a)}`);
  if (!real.applied.length) assert.equal(real.text, text, 'no fix was applied but the text changed');

  const allInsertions = findings.every((f) => (f.fixes ?? []).every((x) => x.edits.every((e) => e.start === e.end)));
  if (allInsertions) assert.ok(isSubsequence(text, real.text), 'fixing deleted or reordered text of the original');

  if (/[\uFDD0-\uFDD2]/.test(text)) return; // the markers would be ambiguous
  const inst = instrument(findings);
  const marked = applyFixes(text, inst.findings, { safeOnly });
  const ids = appliedEdits(marked.text, inst.edits);
  const expected = applyInOrder(text, ids, inst.edits, (id) => `${OPEN}${id}${MID}${inst.edits[id].newText}${CLOSE}`);
  assert.equal(marked.text, expected, 'the fixed text differs from the original with the applied edits and nothing else');
  assert.equal(marked.text.replace(/\uFDD0\d+\uFDD1/g, '').replace(/\uFDD2/g, ''), real.text, 'marking the edits changed which edits were applied');
}

test('examples are present to mutate', () => {
  assert.ok(examples.length >= 3, `expected example plans in ../shared/examples, found ${examples.length}`);
});

test('applyFixes edits never overlap and never delete user text', (t) => {
  t.diagnostic(`seed ${counter.seed}`);
  fc.assert(
    fc.property(docs, detectMode, (text, detect) => {
      const r = lint(text, { detect });
      assertSound(text, r);
      checkFixes(text, r.findings, true);
      checkFixes(text, r.findings, false);
    }),
    counter.params(1500),
  );
});

const markdown = unified().use(remarkParse).freeze();

/** Does the document end inside a block that swallows what follows (unclosed fence, HTML block, comment)? (B4) */
function endsInsideOpenBlock(text: string): boolean {
  const tree = markdown.parse(text + '\n\n# zz-probe-heading\n');
  const last = tree.children[tree.children.length - 1];
  return !(last && last.type === 'heading');
}

/** Does the document have a setext heading (text underlined with === or ---)? (B5) */
function hasSetextHeading(text: string): boolean {
  const tree = markdown.parse(text);
  const visit = (n: { type: string; children?: unknown[]; position?: { start: { line: number }; end: { line: number } } }): boolean =>
    (n.type === 'heading' && !!n.position && n.position.end.line > n.position.start.line) || (n.children ?? []).some((c) => visit(c as typeof n));
  return visit(tree);
}

function safeFixesStick(text: string, detect: 'always' | 'auto'): boolean {
  const r = lint(text, { detect });
  const fixed = applyFixes(text, r.findings);
  if (!fixed.applied.length) return false;
  const again = lint(fixed.text, { detect });
  assertSound(fixed.text, again);
  const still = again.findings.filter((f) => fixed.applied.some((a) => a.ruleId === f.ruleId));
  assert.deepEqual(
    still.map((f) => `${f.ruleId} at ${f.line}:${f.column}: ${f.message}`),
    [],
    `fixed: ${fixed.applied.map((a) => `${a.ruleId} (${a.title})`).join(', ')}`,
  );
  return true;
}

test('after the safe fixes are applied, the rules they came from no longer fire', (t) => {
  t.diagnostic(`seed ${counter.seed}`);
  let fixedSome = 0;
  let openEnded = 0;
  let setext = 0;
  fc.assert(
    fc.property(docs, detectMode, (text, detect) => {
      if (!safeFixesStick(text, detect)) return;
      fixedSome++;
      if (endsInsideOpenBlock(text)) openEnded++;
      if (hasSetextHeading(text)) setext++;
    }),
    counter.params(1000),
  );
  t.diagnostic(`documents where a safe fix applied: ${fixedSome} (ending inside an open block: ${openEnded}; with a setext heading: ${setext})`);
  assert.ok(fixedSome > 50, `too few documents had a safe fix to apply (${fixedSome}); the generators no longer reach the fixable rules`);
});

test('after the safe fixes are applied, the rules they came from no longer fire, also when the document ends inside an unclosed fence, HTML block or comment (B4)', (t) => {
  t.diagnostic(`seed ${counter.seed}`);
  const openEnding = fc.constantFrom('\n\n```\nnotes', '\n\n~~~', '\n\n<!-- draft', '\n\n<!DOCTYPE x', '\n\n<script>\nx', '\n\n<?php', '\n\n<![CDATA[');
  fc.assert(
    fc.property(docs, openEnding, detectMode, (text, ending, detect) => {
      safeFixesStick(text + ending, detect);
    }),
    counter.params(300),
  );
});

test('a line appended to an empty section does not merge into a setext heading that follows it (B5)', () => {
  const text = '# Plan\n\nWe run a referral partner program.\n\n## Deal registration\nPartner tiers\n=============\n\nGold and Silver.\n';
  assert.ok(safeFixesStick(text, 'always'), 'expected a safe fix (deal-reg-sla) to apply');
});
