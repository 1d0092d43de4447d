/**
 * Accuracy over labelled documents: precision and recall over (file, rule id, line ± 1);
 * a key line of null matches on rule id alone. Detection and the document kind are checked too.
 *
 * Corpora at target must keep precision 0.95 and recall 0.90. The corpora that the engine does not
 * meet yet (the sets never tuned on: `unseen`, `heldout6`, `heldout11`, `heldout15` and `heldout16`,
 * each scored before any change was made with it in view) have floors at today's figures: the
 * test fails when a change makes them worse, and prints how far each is from the target.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { linkTargetPath, lint, PRECONDITIONS } from '../../lib/index.js';
import { BLIND_CORPORA, repoRoot, sharedDir } from '../helpers.js';

interface KeyDoc {
  isPlan: boolean;
  kind?: 'plan' | 'guide' | 'policy' | null;
  archetypes: string[];
  stage: string | null;
  preconditions: Record<string, boolean> | null;
  expect: Array<{ ruleId: string; line: number | null; why: string }>;
  absent: string[];
  ignore: string[];
}

export function score(dir: string) {
  const key = JSON.parse(fs.readFileSync(path.join(dir, 'key.json'), 'utf8')).docs as Record<string, KeyDoc>;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const problems: string[] = [];
  for (const [file, k] of Object.entries(key)) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    // Programs that span pages: relative links resolve to the corpus's own files, as the CLI reads them.
    const linked = (href: string) => {
      const target = path.resolve(path.dirname(path.join(dir, file)), linkTargetPath(href));
      return target.startsWith(dir + path.sep) && fs.existsSync(target) ? { text: fs.readFileSync(target, 'utf8'), resolved: target } : undefined;
    };
    const r = lint(text, { filePath: path.join(dir, file), linked });
    if (r.isPlan !== k.isPlan) problems.push(`${file}: isPlan ${r.isPlan}, expected ${k.isPlan}`);
    if (!k.isPlan && (r.findings.length || r.readiness)) problems.push(`${file}: not a plan, yet ${r.findings.length} findings`);
    if (k.isPlan && JSON.stringify([...r.archetypes].sort()) !== JSON.stringify([...k.archetypes].sort())) problems.push(`${file}: archetypes ${r.archetypes} expected ${k.archetypes}`);
    if ('kind' in k && (r.kind ?? null) !== k.kind) problems.push(`${file}: kind ${r.kind}, expected ${k.kind}`);
    if (k.isPlan && r.stage !== k.stage) problems.push(`${file}: stage ${r.stage} expected ${k.stage}`);
    if (k.preconditions && r.readiness)
      for (const p of PRECONDITIONS) if (r.readiness.preconditions[p] !== k.preconditions[p]) problems.push(`${file}: precondition ${p} = ${r.readiness.preconditions[p]}, expected ${k.preconditions[p]}`);
    const used = new Set<number>();
    for (const e of k.expect) {
      const i = r.findings.findIndex((f, j) => !used.has(j) && f.ruleId === e.ruleId && (e.line === null || Math.abs(f.line - e.line) <= 1));
      if (i >= 0) {
        used.add(i);
        tp++;
      } else {
        fn++;
        problems.push(`${file}: missed ${e.ruleId} at ${e.line} (${e.why})`);
      }
    }
    r.findings.forEach((f, j) => {
      if (used.has(j) || k.ignore.includes(f.ruleId)) return;
      fp++;
      problems.push(`${file}: unexpected ${f.ruleId} at ${f.line}: ${f.message}`);
    });
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return { tp, fp, fn, precision, recall, problems, docs: Object.keys(key).length, plans: Object.values(key).filter((k) => k.isPlan).length };
}

const fixtures = path.join(repoRoot, 'test', 'fixtures');
const fixtureCorpora = fs
  .readdirSync(fixtures)
  .filter((d) => fs.existsSync(path.join(fixtures, d, 'key.json')))
  .sort();
const corpora: Array<[string, string]> = [
  ['shared examples', path.join(sharedDir, 'examples')],
  ['real published pages', path.join(sharedDir, 'realworld')],
  ...fixtureCorpora.map((d): [string, string] => [`the team's corpus ${d}`, path.join(fixtures, d)]),
];

/* Corpora kept blind (`BLIND_CORPORA`, test/helpers.ts): only their summary line is printed. */

/** Corpora not at target yet: floors (precision, recall, kinds right, isPlan right) measured on today's engine. */
const FLOORS: Record<string, { precision: number; recall: number; kinds: number; detection: number }> = {
  unseen: { precision: 0.78, recall: 0.96, kinds: 17, detection: 17 },
  heldout6: { precision: 0.90, recall: 0.95, kinds: 10, detection: 10 },
  // Never read by the people who tune the readings: only its summary line is looked at.
  heldout11: { precision: 0.95, recall: 0.89, kinds: 12, detection: 12 },
  // Tuned on, not yet at target (first score 0.308 / 0.533, detection right on 16 of 24).
  heldout17: { precision: 0.96, recall: 1.0, kinds: 24, detection: 24 },
  // Blind as well, written later (first score: precision 0.737, recall 0.875).
  heldout15: { precision: 0.90, recall: 0.87, kinds: 12, detection: 12 },
  // Blind, written after a round of changes and first scored then (precision 0.784, recall 0.889).
  heldout16: { precision: 0.90, recall: 0.88, kinds: 11, detection: 12 },
  // Blind, written at the start of a round and first scored before any change of that round (precision 0.623, recall 0.846).
  heldout19: { precision: 0.64, recall: 0.84, kinds: 11, detection: 11 },
  // Tuned on, not yet at target (first score 0.870 / 0.690, written to test recall on everyday wording).
  heldout23: { precision: 0.96, recall: 0.96, kinds: 10, detection: 10 },
  // Blind, written in the middle of a round and first scored on the engine of that round's start (precision 0.906, recall 0.806; the same on its end).
  // A pilot set out in a section of its own marks the pilot stage: one more finding right, one more wrong, one more stage right.
  heldout22: { precision: 0.88, recall: 0.83, kinds: 12, detection: 12 },
  // Blind, written at the start of a round and first scored on that round's first engine (precision 0.829, recall 0.674).
  // Program signals for OEM and embedded partners made one more of its documents a plan: two findings more right, one more wrong.
  heldout25: { precision: 0.81, recall: 0.72, kinds: 11, detection: 11 },
  // Tuned on, not yet at target (first score 0.475 / 0.475, detection right on 8 of 12).
  heldout29: { precision: 0.79, recall: 0.85, kinds: 12, detection: 12 },
  // Blind, written in the middle of a round and first scored on that round's first engine (precision 0.520, recall 0.929).
  heldout27: { precision: 0.66, recall: 0.92, kinds: 11, detection: 11 },
};

for (const [name, dir] of corpora) {
  test(`accuracy on ${name}`, { skip: !fs.existsSync(path.join(dir, 'key.json')) && `${dir}/key.json not found` }, () => {
    const s = score(dir);
    const filesWith = (re: RegExp) => new Set(s.problems.filter((p) => re.test(p)).map((p) => p.slice(0, p.indexOf(':')))).size;
    const kindsWrong = filesWith(/: kind /);
    const detectionWrong = filesWith(/: isPlan |: not a plan/);
    console.log(
      `# ${name}: ${s.docs} documents, precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn}); kind right on ${s.docs - kindsWrong}, isPlan right on ${s.docs - detectionWrong}; of ${s.plans} plans, archetypes right on ${s.plans - filesWith(/: archetypes /)}, stage on ${s.plans - filesWith(/: stage /)}, preconditions on ${s.plans - filesWith(/: precondition /)}`,
    );
    if (!BLIND_CORPORA.has(path.basename(dir))) for (const p of s.problems) console.log(`#   ${p}`);
    const floor = FLOORS[path.basename(dir)];
    if (floor) {
      if (s.precision < 0.95 || s.recall < 0.9) console.log(`#   below target (precision 0.95, recall 0.90): floors hold this corpus at today's figures`);
      assert.ok(s.precision >= floor.precision, `precision ${s.precision.toFixed(3)} < floor ${floor.precision}`);
      assert.ok(s.recall >= floor.recall, `recall ${s.recall.toFixed(3)} < floor ${floor.recall}`);
      assert.ok(s.docs - kindsWrong >= floor.kinds, `kind right on ${s.docs - kindsWrong} < floor ${floor.kinds}`);
      assert.ok(s.docs - detectionWrong >= floor.detection, `isPlan right on ${s.docs - detectionWrong} < floor ${floor.detection}`);
      return;
    }
    assert.ok(s.precision >= 0.95, `precision ${s.precision.toFixed(3)} < 0.95`);
    assert.ok(s.recall >= 0.9, `recall ${s.recall.toFixed(3)} < 0.90`);
    assert.deepEqual(s.problems.filter((p) => /isPlan|not a plan|: kind /.test(p)), []);
  });
}
