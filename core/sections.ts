/** Section summaries for editors: each recognised section, its expected elements, present and missing. */
import type { CoveredTopic, SectionSummary } from './types.js';
import { TOPIC_LABELS, type Section, type Topic } from './outline.js';
import type { PlanModel } from './model.js';
import type { Sentence } from './sentences.js';
import { statesPartnerExit, statesProgramExit, type Evidence, type TierStructure } from './facts/index.js';
import { ANY_PARTNER } from './vocabulary.js';

/**
 * What a section must show: a sentence of the section or its subsections for which `some` (a test
 * of the sentence alone) holds, and `also` when given; or a reading of the section and the plan's
 * evidence.
 */
type Check = [
  element: string,
  // A function may answer null: the element does not apply to this document (no MDF is offered, so no claims are owed).
  test: { some: (x: Sentence) => boolean; also?: (x: Sentence, ev: Evidence) => boolean } | ((sec: Section, ev: Evidence) => boolean | null),
];

const CREDIT = /\bcredit\b/i;
const AMOUNT = /[$£€]\s?\d/;

/** A sentence of the section matches (each sentence remembers its answer across edits elsewhere). */
const has = (re: RegExp): Check[1] => ({ some: (x) => x.test(re) });
/** A sentence of the section for which `test` holds. */
const any = (test: (x: Sentence) => boolean): Check[1] => ({ some: test });

/** Statements saying direct reps get no credit, as a set (built once per analysis). */
const NO_CREDIT_SETS = new WeakMap<readonly Sentence[], Set<Sentence>>();
function noCredit(ev: Evidence): Set<Sentence> {
  const all = ev.noCreditStatements;
  let set = NO_CREDIT_SETS.get(all);
  if (!set) NO_CREDIT_SETS.set(all, (set = new Set(all)));
  return set;
}

/** The tier structures found in a section (grouped once per analysis). */
const STRUCTURES_BY_SECTION = new WeakMap<readonly TierStructure[], Map<Section | null, TierStructure[]>>();
function tierStructuresIn(sec: Section, ev: Evidence): TierStructure[] {
  const all = ev.tierStructures;
  let bySection = STRUCTURES_BY_SECTION.get(all);
  if (!bySection) {
    bySection = new Map();
    for (const t of all) {
      const list = bySection.get(t.section);
      if (list) list.push(t);
      else bySection.set(t.section, [t]);
    }
    STRUCTURES_BY_SECTION.set(all, bySection);
  }
  return bySection.get(sec) ?? [];
}

const ELEMENTS: Partial<Record<Topic, Check[]>> = {
  dealRegistration: [
    ['form', has(/\bform\b|\bfields?\b|\bname\b.*\b(?:contact|stage|close|seats|value)\b|\bsubmit\w*|\bregister\w* (?:an? |each |the )?(?:opportunit|deal|referral|client|account)/i)],
    ['SLA', (_s, ev) => !!ev.dealRegSla],
    ['expiry', (_s, ev) => !!ev.dealRegExpiry],
    ['conflict rule', (_s, ev) => !!ev.dealRegConflictRule],
  ],
  tiers: [
    ['2-4 tiers', (s, ev) => tierStructuresIn(s, ev).some((t) => t.tiers.length >= 2 && t.tiers.length <= 4)],
    ['entry criteria', (s, ev) => tierStructuresIn(s, ev).some((t) => t.tiers.length > 0 && t.tiers.every((x) => x.hasCriteria))],
    ['benefits', (s, ev) => tierStructuresIn(s, ev).some((t) => t.tiers.length > 0 && t.tiers.every((x) => x.hasBenefits))],
  ],
  economics: [
    ['rate', any((x) => x.percents.length > 0)],
    ['partner role', (_s, ev) => ev.partnerActivities.length > 0],
    ['payout cadence', (_s, ev) => !!ev.payoutOps],
  ],
  mdf: [
    ['rate', any((x) => x.percents.length > 0 || x.test(AMOUNT))],
    // The reading mdf-claims uses: a plan approved up front or reimbursement against proof.
    ['claims against a plan or proof', (_s, ev) => (ev.mdfClaims ? true : ev.mdfOffered.length ? false : null)],
  ],
  pilot: [
    ['length', any((x) => x.durations.length > 0)],
    ['partner count', has(new RegExp(`\\b(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten)\\s+(?:\\w+\\s+)?${ANY_PARTNER}\\b`, 'i'))],
    ['success criteria', has(/\bsuccess\b|\bcriteria\b|\breview\b|\bdecide|\bdecision\b|\bmeasure/i)],
  ],
  recruiting: [
    ['target list', has(/\btarget list\b|\bcandidates?\b|\bfrom\b.*\b(?:lists?|directory|directories|groups?|societ)/i)],
    ['qualification criteria', (_s, ev) => !!ev.qualification],
  ],
  enablement: [
    ['training', has(/\btraining\b|\bcourse\b|\bcertif\w+|\bsessions?\b|\bexam\b|\bwebinars?\b/i)],
    ['sales playbook', has(/\bplaybooks?\b|\bsales kit\b|\bguide\b|\bpitch\b|\bobjection/i)],
    ['joint plan', has(/\bjoint\b.*\bplan\b|\b\d+-day (?:joint )?plan\b|\bgo-to-market\b/i)],
  ],
  // The patterns exit-criteria reads, so the lens and the rule agree.
  exitCriteria: [
    ['partner downgrade or offboarding', any((x) => statesPartnerExit(x.text))],
    ['program redesign or sunset', any((x) => statesProgramExit(x.text))],
  ],
  metrics: [
    ['channel share of revenue', has(/\bshare of (?:\w+ )?revenue\b|\bof (?:\w+ )?revenue\b|\brevenue (?:through|from) (?:partners|resellers|the channel)/i)],
    ['activation', has(/\bactivation\b|\bactive\b/i)],
    ['satisfaction', has(/\bsatisfaction\b|\bNPS\b/i)],
    ['partner-sourced pipeline', has(/\bpipeline\b/i)],
  ],
  conflict: [
    ['named accounts or territories', has(/\bnamed[- ]accounts?\b|\bterritor/i)],
    ['direct-rep credit', { some: (x) => x.test(CREDIT), also: (x, ev) => !noCredit(ev).has(x) }],
    ['escalation path', has(/\bescalat|\bdisputes?\b|\bdecide/i)],
  ],
};

/** `covered`: topics the document's linked pages cover; a section about one says where (`coveredIn`). */
export function sectionSummaries(plan: PlanModel, ev: Evidence, covered: readonly CoveredTopic[] = []): SectionSummary[] {
  const out: SectionSummary[] = [];
  // Where each section ends: its units (subsections included) are those after its heading and
  // before the next heading as deep or deeper.
  const ends = new Map<Section, number>();
  const open: Section[] = [];
  for (const sec of plan.sections) {
    const at = sec.heading ? sec.heading.index : 0;
    while (open.length && open[open.length - 1].depth >= sec.depth) ends.set(open.pop()!, at);
    open.push(sec);
  }
  for (const sec of open) ends.set(sec, plan.units.length);
  // Per sentence test, the sentences (headings aside) for which it holds, in document order: each
  // piece keeps its own, so an edit tests only the sentences it touched.
  const hits = new Map<object, Sentence[]>();
  for (const sec of plan.sections) {
    const topic = ([...sec.topics] as Topic[]).find((t) => ELEMENTS[t]);
    if (!topic || !sec.heading) continue;
    const present: string[] = [];
    const missing: string[] = [];
    for (const [name, test] of ELEMENTS[topic]!) {
      let holds: boolean | null;
      if (typeof test === 'function') holds = test(sec, ev);
      else {
        let found = hits.get(test);
        if (!found) hits.set(test, (found = plan.select(`sectionElement:${topic}:${name}`, (x) => x.unit.kind !== 'heading' && test.some(x))));
        holds = anyBetween(found, sec.heading.index, ends.get(sec)!, test.also, ev);
      }
      if (holds !== null) (holds ? present : missing).push(name);
    }
    const elsewhere = covered.find((c) => c.topic === topic);
    const span = plan.unitSpan(sec.heading);
    const summary: SectionSummary = { topic, label: TOPIC_LABELS[topic], heading: sec.title, depth: sec.depth, present, missing } as SectionSummary;
    if (elsewhere) summary.coveredIn = elsewhere.file;
    summary.line = span.line;
    summary.column = span.column;
    summary.endLine = span.endLine;
    summary.endColumn = span.endColumn;
    summary.startOffset = span.startOffset;
    summary.endOffset = span.endOffset;
    out.push(summary);
  }
  return out;
}

/** Whether a sentence of `sentences` (in document order) sits in a unit after `after` and before `before`, and `also` holds for it. */
function anyBetween(sentences: readonly Sentence[], after: number, before: number, also: ((x: Sentence, ev: Evidence) => boolean) | undefined, ev: Evidence): boolean {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].unit.index <= after) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < sentences.length && sentences[k].unit.index < before; k++) if (!also || also(sentences[k], ev)) return true;
  return false;
}
