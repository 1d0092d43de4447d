/** Section summaries for editors: each recognised section, its expected elements, present and missing. */
import type { CoveredTopic, SectionSummary } from './types.js';
import { TOPIC_LABELS, type Section, type Topic } from './outline.js';
import type { PlanModel } from './model.js';
import type { Sentence } from './sentences.js';
import { statesPartnerExit, statesProgramExit, type Evidence, type TierStructure } from './facts/index.js';
import { ANY_PARTNER } from './vocabulary.js';

/**
 * What a section must show: either a sentence of the section or its subsections for which `some`
 * holds, or a reading of the section and the plan's evidence.
 */
type Check = [element: string, test: { some: (x: Sentence, ev: Evidence) => boolean } | ((sec: Section, ev: Evidence) => boolean)];

const CREDIT = /\bcredit\b/i;
const AMOUNT = /[$£€]\s?\d/;

/** A sentence of the section matches (each sentence remembers its answer across edits elsewhere). */
const has = (re: RegExp): Check[1] => ({ some: (x) => x.test(re) });
/** A sentence of the section for which `test` holds. */
const any = (test: (x: Sentence, ev: Evidence) => boolean): Check[1] => ({ some: test });

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
    ['claims against a plan or proof', (_s, ev) => !!ev.mdfClaims],
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
    ['direct-rep credit', any((x, ev) => x.test(CREDIT) && !noCredit(ev).has(x))],
    ['escalation path', has(/\bescalat|\bdisputes?\b|\bdecide/i)],
  ],
};

/** `covered`: topics the document's linked pages cover; a section about one says where (`coveredIn`). */
export function sectionSummaries(plan: PlanModel, ev: Evidence, covered: readonly CoveredTopic[] = []): SectionSummary[] {
  const out: SectionSummary[] = [];
  // Per sentence test, what each section (subsections included) holds: a section's answer is its
  // own units' or one of its subsections', each found once however deep the sections nest.
  const found = new Map<(x: Sentence, ev: Evidence) => boolean, Map<Section, boolean>>();
  for (const sec of plan.sections) {
    const topic = ([...sec.topics] as Topic[]).find((t) => ELEMENTS[t]);
    if (!topic || !sec.heading) continue;
    const present: string[] = [];
    const missing: string[] = [];
    for (const [name, test] of ELEMENTS[topic]!) {
      let holds: boolean;
      if (typeof test === 'function') holds = test(sec, ev);
      else {
        let known = found.get(test.some);
        if (!known) found.set(test.some, (known = new Map()));
        holds = anyIn(sec, test.some, ev, known);
      }
      (holds ? present : missing).push(name);
    }
    const elsewhere = covered.find((c) => c.topic === topic);
    out.push({ topic, label: TOPIC_LABELS[topic], heading: sec.title, depth: sec.depth, present, missing, ...(elsewhere ? { coveredIn: elsewhere.file } : {}), ...plan.unitSpan(sec.heading) });
  }
  return out;
}

/** Whether `test` holds for a sentence of the section or of its subsections (answers kept in `known`). */
function anyIn(sec: Section, test: (x: Sentence, ev: Evidence) => boolean, ev: Evidence, known: Map<Section, boolean>): boolean {
  const k = known.get(sec);
  if (k !== undefined) return k;
  let holds = false;
  units: for (const u of sec.units) {
    for (const x of u.sentences) {
      if (test(x, ev)) {
        holds = true;
        break units;
      }
    }
  }
  if (!holds) {
    for (const c of sec.children) {
      if (anyIn(c, test, ev, known)) {
        holds = true;
        break;
      }
    }
  }
  known.set(sec, holds);
  return holds;
}
