/**
 * Concept banks: how well the engine's own readings recognise one domain concept at a time.
 *
 * Banks: /work/shared/concepts/<concept-id>.json (format in FORMAT.md beside them): `matches`
 * are sentences a careful head of partnerships reads as the concept (some with a `value`),
 * `doesNotMatch` are near misses.
 *
 * Split (deterministic, no randomness): a sentence is SET ASIDE when the FNV-1a 32-bit hash of
 * the UTF-8 bytes of its exact `text` (offset basis 0x811c9dc5, prime 0x01000193), taken mod 10,
 * is below 3 (about 30% of each bank); every other sentence is DEVELOPMENT. Set-aside sentences
 * are never printed, logged or shown in failures: only their counts and figures are. Work on the
 * engine by looking at development sentences only.
 *
 * Recognisers: the engine's readings, never regular expressions written here. Each sentence is
 * wrapped in a minimal plan (front matter `type: partnership-plan` and `kind: plan`, the title
 * "# Partner program plan", and a `## Notes` section naming no topic). Concepts that are details
 * of a mechanism sit in that mechanism's section, which is where the engine looks for them: the
 * deal-registration details under "## Deal registration", MDF claims under "## MDF", pilot shape
 * under "## Pilot", qualification under "## Recruiting", tier criteria and benefits in a tier
 * ("### Gold" under "## Partner tiers"). Stand-alone statements stay in `## Notes`, with fixed
 * prelude statements or front-matter archetypes where the engine's reading is relative to
 * something else in the plan (see the table and `planFor` in concept-recognisers.ts). The engine
 * is then asked through `lint()` (findings, readiness, benchmark notes) or the core's
 * `PlanModel` / `Evidence` readings. The table RECOGNISERS below maps each concept to its
 * observation; concepts the engine has no reading for are marked "no recogniser" and only
 * reported. A baseline test checks that the same plan without the concept is not recognised.
 *
 * Scoring, per concept and part: a `matches` sentence recognised is a true positive (where the
 * bank gives a `value` and the recogniser exposes values of that kind, only when the value read
 * agrees, see `valueAgrees`: percent, min/max, hours, days, count; durations within 2%, target
 * months not checked; otherwise it is a false negative), a `matches` sentence not
 * recognised a false negative, a `doesNotMatch` sentence recognised a false positive. Precision
 * with no positive answers counts as 1 (as in accuracy.test.ts). Overall figures are
 * micro-averaged over the concepts with a recogniser.
 *
 * Floors: test/core/concept-floors.json records each concept's set-aside precision and recall,
 * rounded down to 2 decimals. The test fails when a set-aside figure drops below its floor.
 * Figures below the target (precision 0.90, recall 0.85) are reported, not failed.
 *   Refresh the floors:            PARTNERLINT_UPDATE_FLOORS=1 node --test out/test/core/concepts.test.js
 *   Print development failures:    PARTNERLINT_CONCEPT_FAILURES=1 (all) or =id1,id2 (those concepts)
 *   Score the team banks instead:  PARTNERLINT_CONCEPTS_DIR=test/fixtures/concepts-team (all development, no floors); the same for test/fixtures/concepts-team2
 *                                  (a folder with set-aside.json keeps that percentage set aside, by the same hash)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findDurations, findPartnerCounts } from '../../core/numbers.js';
import { presentPercents, statesPartnerExit, statesProgramExit } from '../../core/facts/index.js';
import { repoRoot, sharedDir } from '../helpers.js';
import { Observation, hasCheckedValue, valueAgrees, type BankValue, type Context, type Reading, type ValueKey } from './concept-recognisers.js';

// ---- the split -------------------------------------------------------------------------------

export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (const b of Buffer.from(text, 'utf8')) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

type Part = 'dev' | 'setAside';
/**
 * PARTNERLINT_CONCEPTS_DIR scores another set of banks in the same format (for example one the
 * team wrote itself): all of its sentences are development sentences, and no floor applies.
 */
const otherBanks = process.env.PARTNERLINT_CONCEPTS_DIR;
/**
 * A bank folder with a `set-aside.json` ({ "percent": 30 }) keeps that share of its sentences set
 * aside too, chosen by the same hash: banks written after the readings were first scored there.
 */
const otherSplit = otherBanks && fs.existsSync(path.join(otherBanks, 'set-aside.json')) ? (JSON.parse(fs.readFileSync(path.join(otherBanks, 'set-aside.json'), 'utf8')) as { percent: number }).percent : 0;
const partOf = (text: string): Part => ((otherBanks ? fnv1a32(text) % 100 < otherSplit : fnv1a32(text) % 10 < 3) ? 'setAside' : 'dev');

// ---- recognisers -----------------------------------------------------------------------------

interface Answer {
  hit: boolean;
  /** Numbers read with the concept, when the recogniser exposes them. */
  readings?: Reading[];
}

interface Recogniser {
  /** How the engine's reading is observed (printed with the table). */
  how: string;
  context?: Context;
  /** Value kinds this recogniser exposes and the test checks. */
  values?: ValueKey[];
  observe(o: Observation): Answer;
}

type Entry = Recogniser | { none: string };

const hit = (x: unknown): Answer => ({ hit: Array.isArray(x) ? x.length > 0 : x !== null && x !== undefined && x !== false });
const percentReadings = (xs: Array<{ match: { min: number; max: number } }>): Answer => ({ hit: xs.length > 0, readings: xs.map((x) => ({ min: x.match.min, max: x.match.max })) });

const DEAL_REG: Context = { heading: 'Deal registration' };
const TIER: Context = { heading: 'Partner tiers', subheading: 'Gold' };
/** Fixed readiness statements: one each for ICP, pricing and sales cycle (none matches the others' readings). */
const ICP = 'Our ICP is mid-market logistics companies with 200-2,000 employees.';
const PRICING = 'Pricing is per seat: $40 per user per month.';
const CYCLE = 'Our sales cycle is about 45 days from demo to signature.';
/**
 * ICP, pricing and sales cycle: the engine takes the first statement of each in the plan, so
 * with the two others stated before the sentence, the sentence appears in the `sales`
 * precondition's evidence only when the engine reads it as the third one.
 */
const salesPart = (o: Observation): Answer => hit(o.lint.readiness?.details.sales.evidence.some((e) => e.line === o.line));

/** The sentences (headings aside) on the bank sentence's line. */
function sentencesOnLine(o: Observation) {
  return o.plan.sentences.filter((s) => s.unit.kind !== 'heading' && o.plan.lines.lineOf(s.start) + 1 === o.line);
}

/** The plan statements (not questions, reports of the past, another company's program) on the bank sentence's line. */
function statementsOnLine(o: Observation) {
  const statements = new Set(o.plan.statements('all'));
  return sentencesOnLine(o).filter((s) => statements.has(s));
}

export const RECOGNISERS: Record<string, Entry> = {
  'channel-conflict-policy': { how: 'Evidence.conflictPolicy (channel-conflict, readiness directSales) finds a statement', observe: (o) => hit(o.evidence.conflictPolicy) },
  'channel-share-target': {
    how: 'Evidence.targets holds a channelShare target (lifecycle-targets); value: its percent',
    values: ['percent'],
    observe: (o) => {
      const t = o.evidence.targets.filter((x) => x.kind === 'channelShare');
      return { hit: t.length > 0, readings: t.map((x) => ({ min: x.min, max: x.max })) };
    },
  },
  'closed-network-recruiting': { how: 'lint: a closed-network finding', observe: (o) => hit(o.findings('closed-network')) },
  'co-sell-motion': { how: 'Evidence.coSell (marketplace-cosell) finds a statement', observe: (o) => hit(o.evidence.coSell) },
  'committed-reps-required': {
    how: 'lint: committed-reps is silent on a plan that also has an exec-only relationship statement',
    context: { prelude: ['Each partnership rests on a CEO-to-CEO relationship.'] },
    observe: (o) => ({ hit: o.silenced('committed-reps') }),
  },
  'deal-reg-approval-sla': {
    how: 'Evidence.dealRegSla (deal-reg-sla), in a "Deal registration" section; value: its upper bound in hours',
    context: DEAL_REG,
    values: ['hours'],
    observe: (o) => {
      const sla = o.evidence.dealRegSla;
      return { hit: !!sla, readings: sla ? [{ hours: sla.match.maxHours }] : [] };
    },
  },
  'deal-reg-conflict-rule': { how: 'Evidence.dealRegConflictRule (deal-reg-conflicts), in a "Deal registration" section', context: DEAL_REG, observe: (o) => hit(o.evidence.dealRegConflictRule) },
  'deal-reg-expiry': {
    how: 'Evidence.dealRegExpiries (deal-reg-expiry), in a "Deal registration" section; value: upper bound in days',
    context: DEAL_REG,
    values: ['days'],
    observe: (o) => {
      const e = o.evidence.dealRegExpiries;
      return { hit: e.length > 0, readings: e.map((x) => ({ days: x.match.maxHours / 24 })) };
    },
  },
  'deal-registration': { how: 'Evidence.dealReg (deal-reg-missing and the other deal-reg rules) is not null', observe: (o) => hit(o.evidence.dealReg) },
  'direct-reps-no-credit': { how: 'Evidence.noCreditStatements (channel-conflict) is not empty', observe: (o) => hit(o.evidence.noCreditStatements) },
  'direct-sales-team': { how: 'Evidence.directTeam (channel-conflict, readiness directSales) finds a statement', observe: (o) => hit(o.evidence.directTeam) },
  'enablement-plan': { how: 'Evidence.enablement (enablement-missing) finds a statement', observe: (o) => hit(o.evidence.enablement) },
  'exec-only-relationship': { how: 'lint: a committed-reps finding on the sentence', observe: (o) => hit(o.findings('committed-reps').filter((f) => f.line === o.line)) },
  'history-statement': {
    how: 'PlanModel: a sentence of the bank line is left out of the plan statements (a report of the past)',
    observe: (o) => {
      const statements = new Set(o.plan.statements('all'));
      const onLine = sentencesOnLine(o);
      return { hit: onLine.length > 0 && onLine.every((s) => !statements.has(s)) };
    },
  },
  'marketplace-listing': { how: 'Evidence.marketplaceListings (marketplace-cosell) is not empty', observe: (o) => hit(o.evidence.marketplaceListings) },
  'mdf-claims-process': { how: 'Evidence.mdfClaims (mdf-claims), in an "MDF" section', context: { heading: 'MDF' }, observe: (o) => hit(o.evidence.mdfClaims) },
  'mdf-percent': { how: 'the MDF rates mdf-range judges (presentPercents "mdf"); value: min/max', values: ['percent'], observe: (o) => percentReadings(presentPercents(o.evidence, 'mdf')) },
  'out-of-scope-program': { how: 'lint: an out-of-scope finding (a document-level reading)', observe: (o) => hit(o.findings('out-of-scope')) },
  'partner-count-target': {
    how: 'Evidence.targets holds a partnerCount target (lifecycle-targets); value: its count (upper bound)',
    values: ['count'],
    observe: (o) => {
      const t = o.evidence.targets.filter((x) => x.kind === 'partnerCount');
      return { hit: t.length > 0, readings: t.map((x) => ({ count: x.max })) };
    },
  },
  'partner-exit-criteria': {
    how: 'statesPartnerExit (exit-criteria) holds of a plan statement on the bank line: a partner exit, read apart from a program exit',
    observe: (o) => ({ hit: statementsOnLine(o).some((s) => statesPartnerExit(s.text)) }),
  },
  'partner-payout-percent': { how: 'Evidence.payouts: percents classified "payout" (margin-range); value: min/max', values: ['percent'], observe: (o) => percentReadings(o.evidence.payouts) },
  'partner-role': { how: 'Evidence.partnerActivities (value-exchange) is not empty', observe: (o) => hit(o.evidence.partnerActivities) },
  'partnerships-lead-reports-to-ceo': { how: 'Evidence.reportsToCeo (partnerships-silo) finds a statement', observe: (o) => hit(o.evidence.reportsToCeo) },
  'payment-by-cheque': { how: 'Evidence.chequePayments (commission-ops) is not empty', observe: (o) => hit(o.evidence.chequePayments) },
  'payout-cadence': { how: 'Evidence.payoutOps (commission-ops) finds a statement', observe: (o) => hit(o.evidence.payoutOps) },
  'pilot-definition': {
    how: 'lint: pilot-shape benchmark notes "pilot length" / "partners in the pilot", in a "Pilot" section; values: days, count',
    context: { heading: 'Pilot' },
    values: ['days', 'count'],
    observe: (o) => {
      const readings: Reading[] = [];
      for (const n of o.lint.benchmarks) {
        if (n.subject === 'pilot length') for (const d of findDurations(n.text)) readings.push({ days: d.maxHours / 24 });
        if (n.subject === 'partners in the pilot') for (const c of findPartnerCounts(n.text)) readings.push({ count: c.max });
      }
      return { hit: o.lint.benchmarks.some((n) => n.subject === 'pilot length' || n.subject === 'partners in the pilot'), readings };
    },
  },
  'portal-usage-tracking': {
    how: 'lint: portal-usage is silent on a plan that also plans a partner portal (same section)',
    context: { prelude: ['We will launch a partner portal that hosts deal registration, training and MDF requests.'] },
    observe: (o) => ({ hit: o.silenced('portal-usage') }),
  },
  'premature-reasoning': { how: 'lint: a premature-program finding', observe: (o) => hit(o.findings('premature-program')) },
  'pricing-protection': {
    how: 'lint: pricing-protection is silent on a reseller plan (front matter archetypes: [reseller])',
    context: { frontMatter: ['archetypes: [reseller]'] },
    observe: (o) => ({ hit: o.silenced('pricing-protection') }),
  },
  'program-exit-criteria': {
    how: 'statesProgramExit (exit-criteria) holds of a plan statement on the bank line: a program exit, read apart from a partner exit',
    observe: (o) => ({ hit: statementsOnLine(o).some((s) => statesProgramExit(s.text)) }),
  },
  'program-owner-full-time': { how: 'lint: readiness precondition "owner" (a named owner, not part-time) is met', observe: (o) => ({ hit: o.lint.readiness?.preconditions.owner === true }) },
  'program-owner-part-time': { how: 'Evidence.owner.partTime (program-owner)', observe: (o) => ({ hit: o.evidence.owner?.partTime === true }) },
  'readiness-differentiation': { how: 'lint: readiness precondition "differentiation" is met', observe: (o) => ({ hit: o.lint.readiness?.preconditions.differentiation === true }) },
  'readiness-icp': { how: 'lint: the sentence is evidence of readiness "sales", with pricing and sales cycle stated before it (so it can only be the ICP part)', context: { prelude: [PRICING, CYCLE] }, observe: salesPart },
  'readiness-margin-headroom': { how: 'lint: readiness precondition "margin" is met', observe: (o) => ({ hit: o.lint.readiness?.preconditions.margin === true }) },
  'readiness-pricing': { how: 'lint: the sentence is evidence of readiness "sales", with ICP and sales cycle stated before it (so it can only be the pricing part)', context: { prelude: [ICP, CYCLE] }, observe: salesPart },
  'readiness-product': { how: 'lint: readiness precondition "product" is met', observe: (o) => ({ hit: o.lint.readiness?.preconditions.product === true }) },
  'readiness-sales-cycle': { how: 'lint: the sentence is evidence of readiness "sales", with ICP and pricing stated before it (so it can only be the sales-cycle part)', context: { prelude: [ICP, PRICING] }, observe: salesPart },
  'recruit-qualification-criteria': { how: 'Evidence.qualification (recruit-qualification), in a "Recruiting" section', context: { heading: 'Recruiting' }, observe: (o) => hit(o.evidence.qualification) },
  'sales-leadership-coordination': { how: 'Evidence.salesCoordination (partnerships-silo) finds a statement', observe: (o) => hit(o.evidence.salesCoordination) },
  'success-metric-with-target': { how: 'Evidence.metricWithTarget (success-metrics) finds a statement', observe: (o) => hit(o.evidence.metricWithTarget) },
  'tier-benefits': {
    how: 'Evidence.tierStructures: the tier subsection "Gold" of a "Partner tiers" section, holding the sentence, has benefits (tier-criteria)',
    context: TIER,
    observe: (o) => ({ hit: o.evidence.tierStructures.some((t) => t.tiers.some((x) => x.hasBenefits)) }),
  },
  'tier-definition': {
    how: 'lint: tiers-missing is silent on a scale-stage reseller plan (tier structures, tier sections or partner segmentation)',
    context: { frontMatter: ['archetypes: [reseller]', 'stage: scale'] },
    observe: (o) => ({ hit: o.silenced('tiers-missing') }),
  },
  'tier-entry-criteria': {
    how: 'Evidence.tierStructures: the tier subsection "Gold" of a "Partner tiers" section, holding the sentence, has entry criteria (tier-criteria)',
    context: TIER,
    observe: (o) => ({ hit: o.evidence.tierStructures.some((t) => t.tiers.some((x) => x.hasCriteria)) }),
  },
  'vanity-partner-count': { how: 'lint: a vanity-partners finding', observe: (o) => hit(o.findings('vanity-partners')) },
};

// ---- the banks -------------------------------------------------------------------------------

interface BankSentence {
  text: string;
  value?: BankValue;
  why?: string;
}
interface Bank {
  concept: string;
  definition: string;
  rules: string[];
  matches: BankSentence[];
  doesNotMatch: BankSentence[];
}

const conceptsDir = otherBanks ? path.resolve(otherBanks) : path.join(sharedDir, 'concepts');
const floorsFile = path.join(repoRoot, 'test', 'core', 'concept-floors.json');

function loadBanks(): Bank[] {
  return fs
    .readdirSync(conceptsDir)
    .filter((f) => f.endsWith('.json') && f !== 'set-aside.json')
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(conceptsDir, f), 'utf8')) as Bank);
}

// ---- scoring ---------------------------------------------------------------------------------

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  n: number;
}
const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0, n: 0 });
const precision = (c: Counts) => (c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1);
const recall = (c: Counts) => (c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1);
const floor2 = (x: number) => Math.floor(x * 100 + 1e-9) / 100;
const f2 = (x: number) => x.toFixed(2);

interface ConceptScore {
  concept: string;
  dev: Counts;
  setAside: Counts;
  /** Development sentences only: what went wrong, for PARTNERLINT_CONCEPT_FAILURES. */
  devFailures: string[];
  /** Matches recognised but with a value that did not agree (counted as misses), per part. */
  valueMisses: Record<Part, number>;
}

function score(bank: Bank, rec: Recogniser): ConceptScore {
  const s: ConceptScore = { concept: bank.concept, dev: zero(), setAside: zero(), devFailures: [], valueMisses: { dev: 0, setAside: 0 } };
  const run = (item: BankSentence, positive: boolean) => {
    const part = partOf(item.text);
    const c = s[part];
    c.n++;
    const o = new Observation(item.text, rec.context);
    const a = rec.observe(o);
    const checked = positive && rec.values && hasCheckedValue(item.value, rec.values);
    const agrees = !checked || valueAgrees(item.value, rec.values!, a.readings ?? []);
    if (positive) {
      if (a.hit && agrees) c.tp++;
      else c.fn++;
      if (a.hit && !agrees) s.valueMisses[part]++;
    } else if (a.hit) c.fp++;
    // Only development sentences are ever shown.
    if (part !== 'dev') return;
    if (positive && !(a.hit && agrees))
      s.devFailures.push(a.hit ? `value  ${item.text}  expected ${JSON.stringify(item.value)}, read ${JSON.stringify(a.readings ?? [])}` : `missed ${item.text}`);
    if (!positive && a.hit) s.devFailures.push(`false+ ${item.text}  [${item.why ?? ''}]`);
  };
  for (const m of bank.matches) run(m, true);
  for (const d of bank.doesNotMatch) run(d, false);
  return s;
}

interface Floors {
  note: string;
  floors: Record<string, { precision: number; recall: number }>;
}

function readFloors(): Floors | null {
  return fs.existsSync(floorsFile) ? (JSON.parse(fs.readFileSync(floorsFile, 'utf8')) as Floors) : null;
}

/**
 * The harness is sound only when a plan with the same context and no statement of the concept is
 * not recognised (e.g. a rule observed by falling silent must fire on that plan).
 */
test('concept banks: a plan without the concept is not recognised (harness baseline)', () => {
  const wrong = Object.entries(RECOGNISERS)
    .filter((e): e is [string, Recogniser] => !('none' in e[1]))
    .filter(([, rec]) => rec.observe(new Observation('Nothing else to add here.', rec.context)).hit)
    .map(([id]) => id);
  assert.deepEqual(wrong, [], `recognised in a plan that does not state the concept: ${wrong.join(', ')}`);
});

const TARGET_PRECISION = 0.9;
const TARGET_RECALL = 0.85;

test('concept banks: the engine recognises each concept (set-aside figures stay at or above their floors)', { skip: !fs.existsSync(conceptsDir) && `${conceptsDir} not found` }, () => {
  const banks = loadBanks();
  const scores: ConceptScore[] = [];
  const none: Array<{ concept: string; why: string; n: number }> = [];
  const unmapped: string[] = [];
  for (const bank of banks) {
    const entry = RECOGNISERS[bank.concept];
    if (!entry) {
      unmapped.push(bank.concept);
      continue;
    }
    if ('none' in entry) {
      none.push({ concept: bank.concept, why: entry.none, n: bank.matches.length + bank.doesNotMatch.length });
      continue;
    }
    scores.push(score(bank, entry));
  }

  const log = (line = '') => console.log(line);
  log('Concept-bank recognition (P = precision, R = recall; set-aside sentences are never shown)');
  log();
  log('Mapping (concept -> engine reading):');
  for (const bank of banks) {
    const e = RECOGNISERS[bank.concept];
    log(`  ${bank.concept.padEnd(34)} ${!e ? 'UNMAPPED' : 'none' in e ? `no recogniser: ${e.none}` : e.how}`);
  }
  log();
  const header = `${'concept'.padEnd(34)} ${'dev P'.padStart(6)} ${'dev R'.padStart(6)} ${'set-aside P'.padStart(12)} ${'set-aside R'.padStart(12)} ${'n dev/aside'.padStart(12)}  values checked`;
  log(header);
  log('-'.repeat(header.length + 6));
  const dev = zero();
  const aside = zero();
  for (const s of scores) {
    for (const k of ['tp', 'fp', 'fn', 'n'] as const) {
      dev[k] += s.dev[k];
      aside[k] += s.setAside[k];
    }
    const rec = RECOGNISERS[s.concept] as Recogniser;
    const values = rec.values ? `${rec.values.join('+')} (value misses dev ${s.valueMisses.dev}, set-aside ${s.valueMisses.setAside})` : '-';
    log(
      `${s.concept.padEnd(34)} ${f2(precision(s.dev)).padStart(6)} ${f2(recall(s.dev)).padStart(6)} ${f2(precision(s.setAside)).padStart(12)} ${f2(recall(s.setAside)).padStart(12)} ${`${s.dev.n}/${s.setAside.n}`.padStart(12)}  ${values}`,
    );
  }
  for (const x of none) log(`${x.concept.padEnd(34)} ${'—'.padStart(6)} ${'—'.padStart(6)} ${'—'.padStart(12)} ${'—'.padStart(12)} ${String(x.n).padStart(12)}  no recogniser`);
  log('-'.repeat(header.length + 6));
  log(`Overall (micro-averaged over ${scores.length} concepts with a recogniser):`);
  log(`  development: precision ${dev.tp + dev.fp ? (dev.tp / (dev.tp + dev.fp)).toFixed(3) : '1.000'}, recall ${recall(dev).toFixed(3)} (tp ${dev.tp}, fp ${dev.fp}, fn ${dev.fn}, ${dev.n} sentences)`);
  log(`  set-aside:   precision ${aside.tp + aside.fp ? (aside.tp / (aside.tp + aside.fp)).toFixed(3) : '1.000'}, recall ${recall(aside).toFixed(3)} (tp ${aside.tp}, fp ${aside.fp}, fn ${aside.fn}, ${aside.n} sentences)`);
  log(`Values are checked for: ${scores.filter((s) => (RECOGNISERS[s.concept] as Recogniser).values).map((s) => `${s.concept} (${(RECOGNISERS[s.concept] as Recogniser).values!.join(', ')})`).join('; ')}. Months of targets are not checked.`);
  if (none.length) log(`No recogniser: ${none.map((x) => x.concept).join(', ')}.`);
  if (unmapped.length) log(`Banks with no entry in RECOGNISERS (not scored): ${unmapped.join(', ')}.`);
  log();

  // Targets: informational.
  const below = scores.filter((s) => precision(s.setAside) < TARGET_PRECISION || recall(s.setAside) < TARGET_RECALL);
  log(`Below the target (set-aside precision ${TARGET_PRECISION.toFixed(2)}, recall ${TARGET_RECALL.toFixed(2)}): ${below.length} of ${scores.length} concepts`);
  for (const s of below) {
    const p = precision(s.setAside);
    const r = recall(s.setAside);
    const parts = [p < TARGET_PRECISION ? `precision ${f2(p)} < ${TARGET_PRECISION.toFixed(2)}` : '', r < TARGET_RECALL ? `recall ${f2(r)} < ${TARGET_RECALL.toFixed(2)}` : ''].filter(Boolean);
    log(`  below target: ${s.concept}: set-aside ${parts.join(', ')}`);
  }

  // Development failures, on request (development sentences only).
  const want = process.env.PARTNERLINT_CONCEPT_FAILURES;
  if (want) {
    const ids = want === '1' || want === 'all' ? null : new Set(want.split(',').map((x) => x.trim()));
    for (const s of scores) {
      if (ids && !ids.has(s.concept)) continue;
      if (!s.devFailures.length) continue;
      log();
      log(`Development failures: ${s.concept}`);
      for (const f of s.devFailures) log(`  ${f}`);
    }
  }

  // Floors.
  if (otherBanks) return;
  if (process.env.PARTNERLINT_UPDATE_FLOORS === '1') {
    const floors: Floors = {
      note: 'Set-aside precision and recall per concept, rounded down to 2 decimals (test/core/concepts.test.ts). Refresh with PARTNERLINT_UPDATE_FLOORS=1.',
      floors: Object.fromEntries(scores.map((s) => [s.concept, { precision: floor2(precision(s.setAside)), recall: floor2(recall(s.setAside)) }])),
    };
    fs.writeFileSync(floorsFile, JSON.stringify(floors, null, 2) + '\n');
    log();
    log(`Floors written to ${path.relative(repoRoot, floorsFile)} (${scores.length} concepts).`);
  }
  const floors = readFloors();
  assert.ok(floors, `${path.relative(repoRoot, floorsFile)} is missing; record it with PARTNERLINT_UPDATE_FLOORS=1`);
  const regressions: string[] = [];
  for (const s of scores) {
    const f = floors.floors[s.concept];
    if (!f) {
      log(`  no floor recorded for ${s.concept} (refresh with PARTNERLINT_UPDATE_FLOORS=1)`);
      continue;
    }
    const p = precision(s.setAside);
    const r = recall(s.setAside);
    if (p < f.precision - 1e-9) regressions.push(`${s.concept}: set-aside precision ${f2(p)} below its floor ${f2(f.precision)}`);
    if (r < f.recall - 1e-9) regressions.push(`${s.concept}: set-aside recall ${f2(r)} below its floor ${f2(f.recall)}`);
  }
  log();
  if (regressions.length) for (const x of regressions) log(`  REGRESSION ${x}`);
  else log('No concept is below its floor.');
  assert.deepEqual(regressions, [], `set-aside figures below their floors:\n${regressions.join('\n')}`);
});
