/** Small helpers shared by rule modules. */
import { z } from 'zod';
import { TOPIC_HEADINGS, type PlanModel, type Section, type Sentence, type Topic } from '../core/model.js';
import type { Span } from '../core/types.js';

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
