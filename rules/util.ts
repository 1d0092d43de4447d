/** Small helpers shared by rule modules. */
import { z } from 'zod';
import { TOPIC_HEADINGS, type Section, type Topic } from '../core/outline.js';
import type { PlanModel } from '../core/model.js';
import type { Sentence } from '../core/sentences.js';
import type { DocumentKind, Span } from '../core/types.js';
import type { Evidence, TierStructure } from '../core/facts/index.js';

/** A numeric band option with defaults. */
export function band(min: number, max: number, what: string) {
  return z
    .object({ min: z.number().min(0).default(min), max: z.number().min(0).default(max) })
    .strict()
    .default({ min, max })
    .describe(what);
}

/**
 * Where a finding about a section's missing element sits: the title when the whole document is
 * about the topic (a deal-registration policy page), else the section heading, else the first
 * sentence about it, else the title.
 */
export function sectionAnchor(plan: PlanModel, section: Section | null, fallback?: Sentence | null, topic?: Topic): Span {
  if (topic && plan.titleUnit && TOPIC_HEADINGS[topic].test(plan.titleUnit.text)) return plan.titleSpan();
  if (section?.heading) return plan.unitSpan(section.heading);
  if (fallback) return plan.sentenceSpan(fallback);
  return plan.titleSpan();
}

export function fmtRange(min: number, max: number, unit = '%'): string {
  return min === max ? `${min}${unit}` : `${min}-${max}${unit}`;
}

export function days(hours: number): number {
  return Math.round((hours / 24) * 10) / 10;
}

/**
 * The tier structures a document is judged on. A policy page is judged only on what it covers: a
 * table of MDF rates by tier on an MDF policy is not the program's tier structure, unless the page
 * (its title) or the table's section is about tiers.
 */
export function judgedTierStructures(plan: PlanModel, kind: DocumentKind, evidence: Evidence): TierStructure[] {
  if (kind !== 'policy' || (plan.titleUnit && TOPIC_HEADINGS.tiers.test(plan.titleUnit.text))) return evidence.tierStructures;
  return evidence.tierStructures.filter((t) => t.section?.inTopic('tiers'));
}
