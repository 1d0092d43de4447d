/** The contract between the engine and one rule module. */
import type { z } from 'zod';
import type { PlanModel } from './model.js';
import type { Evidence } from './facts/index.js';
import type { BenchmarkNote, DocumentKind, Fix, RuleMeta, Span } from './types.js';

export interface Report {
  message: string;
  /** Document offsets of the offending text, or a span. */
  at: { start: number; end: number } | Span;
  /** The rule's lesser, informational variant (e.g. an SLA that is stated but long). */
  info?: boolean;
  fixes?: Fix[];
}

export interface RuleContext<O> {
  options: O;
  /** The document's kind; a rule runs only on the kinds its metadata lists. */
  kind: DocumentKind;
  plan: PlanModel;
  /** Shared, memoised readings of the plan (deal-registration facts, payouts, owner, ...). */
  evidence: Evidence;
  report(r: Report): void;
  /** Records a number compared with its band, for editors' hovers (whether or not it is in line). */
  note(n: Omit<BenchmarkNote, keyof Span> & { at: { start: number; end: number } }): void;
}

export interface Rule<O = any> {
  meta: RuleMeta<O>;
  check(ctx: RuleContext<O>): void;
  /**
   * Whether a document states the rule's topic (`meta.topic`) in its text, where a section about
   * it is not the only sign: a page that does, linked from a document, covers the topic there
   * (spec, "Programs that span documents"). The same reading the rule's own check uses.
   */
  states?(plan: PlanModel): boolean;
}

/** Declares a rule with its options type inferred from the zod schema. */
export function defineRule<S extends z.ZodType>(rule: {
  meta: Omit<RuleMeta<z.output<S>>, 'options'> & { options: S };
  check(ctx: RuleContext<z.output<S>>): void;
  states?(plan: PlanModel): boolean;
}): Rule<z.output<S>> {
  return rule as unknown as Rule<z.output<S>>;
}
