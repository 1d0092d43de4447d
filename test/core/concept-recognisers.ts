/**
 * Harness for the concept-bank test (concepts.test.ts): wraps one bank sentence in a minimal
 * partnership plan and exposes what the engine reads from it, through its public APIs only:
 * `lint()` (findings, readiness, benchmark notes, sections) and the core's `PlanModel` /
 * `Evidence` readings. Nothing here decides whether a sentence states a concept: that is
 * always the engine's answer.
 */
import { lint, type LintResult } from '../../lib/index.js';
import { PlanModel } from '../../core/model.js';
import { Evidence } from '../../core/facts/index.js';

/** Where a sentence is placed: the minimal context the engine needs to consider the concept at all. */
export interface Context {
  /** The `##` section the sentence sits in (default "Notes", a heading naming no topic). */
  heading?: string;
  /** A `###` subsection of `heading` holding the sentence (e.g. a tier named "Gold"). */
  subheading?: string;
  /** Fixed statements placed before the sentence, in the same section, one paragraph each. */
  prelude?: string[];
  /** Extra front-matter lines (e.g. `archetypes: [reseller]`). */
  frontMatter?: string[];
}

/** A bank line written as a table row (`| a | b |`) is read as a row of a table (empty header). */
function block(text: string): { lines: string[]; offset: number } {
  const t = text.trim();
  if (t.length > 1 && t.startsWith('|') && t.endsWith('|')) {
    const n = t.slice(1, -1).split('|').length;
    return { lines: ['|' + ' |'.repeat(n), '|' + '---|'.repeat(n), t], offset: 2 };
  }
  return { lines: [text], offset: 0 };
}

/** The plan text and the 1-based line of the sentence in it. */
export function planFor(text: string, ctx: Context = {}): { markdown: string; line: number } {
  const lines = ['---', 'type: partnership-plan', 'kind: plan', ...(ctx.frontMatter ?? []), '---', '', '# Partner program plan', '', `## ${ctx.heading ?? 'Notes'}`, ''];
  if (ctx.subheading) lines.push(`### ${ctx.subheading}`, '');
  for (const p of ctx.prelude ?? []) lines.push(p, '');
  const b = block(text);
  const line = lines.length + 1 + b.offset;
  lines.push(...b.lines, '');
  return { markdown: lines.join('\n'), line };
}

/** The engine's view of one wrapped sentence; each view is computed on first use. */
export class Observation {
  readonly markdown: string;
  /** 1-based line of the bank sentence. */
  readonly line: number;
  private lintResult?: LintResult;
  private model?: PlanModel;
  private ev?: Evidence;
  constructor(text: string, ctx: Context = {}) {
    const p = planFor(text, ctx);
    this.markdown = p.markdown;
    this.line = p.line;
  }
  get lint(): LintResult {
    return (this.lintResult ??= lint(this.markdown));
  }
  get plan(): PlanModel {
    return (this.model ??= new PlanModel(this.markdown));
  }
  get evidence(): Evidence {
    return (this.ev ??= new Evidence(this.plan));
  }
  /** Findings of a rule (not a rule's crash report). */
  findings(ruleId: string) {
    return this.lint.findings.filter((f) => f.ruleId === ruleId && !/^Rule ".*" failed on this document/.test(f.message));
  }
  /** The whole analysis ran (the document was not set aside as out of scope). */
  get analysed(): boolean {
    return this.lint.isPlan && !this.lint.findings.some((f) => f.ruleId === 'out-of-scope');
  }
  /** A rule that would fire on this plan without the concept is silent: the engine read the concept. */
  silenced(ruleId: string): boolean {
    return this.analysed && this.findings(ruleId).length === 0;
  }
}

/** A number the engine read with the concept: a percent (min/max), a duration, a count. */
export interface Reading {
  min?: number;
  max?: number;
  hours?: number;
  days?: number;
  count?: number;
}

/** What a bank sentence's `value` may hold (FORMAT.md). */
export interface BankValue {
  percent?: number;
  min?: number;
  max?: number;
  hours?: number;
  days?: number;
  count?: number;
  months?: number;
}

export type ValueKey = 'percent' | 'hours' | 'days' | 'count';

/**
 * Durations agree within 2%: the engine counts a quarter as 91 days and a half-year as 182,
 * the banks as 90 and 180. Percentages and counts must agree exactly.
 */
function near(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1e-9, 0.02 * Math.abs(b));
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-9;
}

/**
 * Whether the engine's readings agree with the bank's value on the keys the recogniser exposes.
 * `percent` covers `{ percent }` and `{ min, max }`; `hours`, `days` and `count` compare with the
 * upper bound the engine read (a range "60-90 days" reads as 90). Keys the bank value does not
 * hold are not checked; `months` is never checked.
 */
export function valueAgrees(value: BankValue | undefined, keys: readonly ValueKey[], readings: readonly Reading[]): boolean {
  if (!value) return true;
  for (const k of keys) {
    if (k === 'percent') {
      if (value.percent !== undefined) {
        if (!readings.some((r) => r.min !== undefined && same(r.min, value.percent!) && same(r.max!, value.percent!))) return false;
      } else if (value.min !== undefined && value.max !== undefined) {
        if (!readings.some((r) => r.min !== undefined && same(r.min, value.min!) && same(r.max!, value.max!))) return false;
      }
    } else if (value[k] !== undefined) {
      if (!readings.some((r) => r[k] !== undefined && (k === 'count' ? same(r[k]!, value[k]!) : near(r[k]!, value[k]!)))) return false;
    }
  }
  return true;
}

/** Whether a value holds anything the given keys check. */
export function hasCheckedValue(value: BankValue | undefined, keys: readonly ValueKey[]): boolean {
  if (!value) return false;
  return keys.some((k) => (k === 'percent' ? value.percent !== undefined || (value.min !== undefined && value.max !== undefined) : value[k] !== undefined));
}
