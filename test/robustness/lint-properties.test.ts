/**
 * Property tests of `lint` over random, hostile and mutated markdown: it never
 * throws, every position it returns lies inside the document and agrees with
 * line/column recomputed here, no offset splits a surrogate pair, and the same
 * input always gives the same output (with and without a parse cache).
 *
 * Seeded: PARTNERLINT_FUZZ_SEED=<int> replays a run; PARTNERLINT_FUZZ_SCALE=<n>
 * multiplies the case counts. A failure prints fast-check's counterexample,
 * seed and path.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint, type LintResult } from '../../lib/index.js';
import { PieceCache } from '../../core/parse.js';
import { CaseCounter, assertSound, hostileText, loadExamples, markdownDoc, mutate, mutation, window } from './fuzz-support.js';

const counter = new CaseCounter();
console.log(`partnerlint fuzz seed: ${counter.seed} (set PARTNERLINT_FUZZ_SEED to change it)`);
after(() => console.log(`lint properties: ${counter.total} cases run with seed ${counter.seed}`));

const examples = loadExamples();
const detectMode = fc.constantFrom('always', 'always', 'always', 'auto', 'frontmatter') as fc.Arbitrary<'always' | 'auto' | 'frontmatter'>;

function lintChecked(text: string, detect: 'always' | 'auto' | 'frontmatter'): LintResult {
  const r = lint(text, { detect });
  assertSound(text, r);
  return r;
}

/** A window of a real plan with a few mutations applied. */
const mutatedPlan = fc
  .record({
    plan: fc.constantFrom(...examples),
    from: fc.nat(),
    len: fc.oneof(fc.integer({ min: 3, max: 40 }), fc.constant(10_000)),
    muts: fc.array(mutation, { minLength: 1, maxLength: 6 }),
  })
  .map(({ plan, from, len, muts }) => mutate(window(plan.text, from, len), muts));

test('examples are present to mutate', () => {
  assert.ok(examples.length >= 3, `expected example plans in ../shared/examples, found ${examples.length}`);
});

test('lint never throws and returns sound positions for random markdown', (t) => {
  t.diagnostic(`seed ${counter.seed}`);
  fc.assert(
    fc.property(markdownDoc, detectMode, (text, detect) => {
      lintChecked(text, detect);
      assert.equal((globalThis as Record<string, unknown>).__partnerlintPwned, undefined, 'a YAML tag executed code');
    }),
    counter.params(3000),
  );
});

test('lint never throws and returns sound positions for hostile character soup', (t) => {
  t.diagnostic(`seed ${counter.seed}`);
  fc.assert(
    fc.property(hostileText, detectMode, (text, detect) => {
      lintChecked(text, detect);
    }),
    counter.params(2000),
  );
});

test('lint never throws and returns sound positions for mutated real plans', (t) => {
  t.diagnostic(`seed ${counter.seed}`);
  fc.assert(
    fc.property(mutatedPlan, detectMode, (text, detect) => {
      lintChecked(text, detect);
    }),
    counter.params(1200),
  );
});

test('lint is deterministic: same input, deep-equal output, with or without a shared parse cache', (t) => {
  t.diagnostic(`seed ${counter.seed}`);
  const docs = fc.oneof(markdownDoc, mutatedPlan);
  fc.assert(
    fc.property(docs, docs, detectMode, (text, other, detect) => {
      const first = lint(text, { detect });
      const second = lint(text, { detect });
      assert.deepStrictEqual(second, first, 'linting the same text twice gave different results');
      // An editor reuses one cache across edits of the document: lint another text through it first, then this one twice.
      const cache = new PieceCache();
      lint(other, { detect, cache });
      cache.sweep();
      const cached = lint(text, { detect, cache });
      cache.sweep();
      const again = lint(text, { detect, cache });
      assert.deepStrictEqual(cached, first, 'linting through a cache warmed by another document changed the result');
      assert.deepStrictEqual(again, first, 'linting from a warm cache changed the result');
    }),
    counter.params(800),
  );
});
