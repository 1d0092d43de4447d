/**
 * The readings of a plan that rules, the readiness score and the section summaries share: one kit
 * for a rule author. `Evidence` is the registry: each reading is computed once per analysis
 * (lazily) by its fact module, from the plan model's sentences and sections.
 *
 * Fact modules, one concept each: deal registration, economics (percents, payouts, MDF), tiers,
 * people (owner, direct team, conflict policy), recruiting (qualification, enablement), targets
 * (targets, success metrics), readiness (the preconditions), partners (counts and activities),
 * exits, and the text readers of sales, product, differentiation and platforms.
 */
import type { PreconditionKey, PreconditionEvidence } from '../types.js';
import { isNegatedAt } from '../language.js';
import { TOPIC_HEADINGS, type Topic } from '../outline.js';
import type { PlanModel } from '../model.js';
import type { Sentence } from '../sentences.js';
import * as dealRegistration from './deal-registration.js';
import * as economics from './economics.js';
import * as people from './people.js';
import * as platforms from './platforms.js';
import * as recruitingFacts from './recruiting.js';
import * as targetFacts from './targets.js';
import { partnerActivities } from './partners.js';
import { findTierStructures, type TierStructure } from './tiers.js';
import { readinessEvidence } from './readiness.js';

export type { DealRegistration, DurationFact } from './deal-registration.js';
export { presentPercents, type PercentCategory, type PercentFact } from './economics.js';
export { partnerLeavesOnNotice, statesPartnerExit, statesProgramExit } from './exits.js';
export { PARTNER_NOUN, partnerCounts } from './partners.js';
export type { Owner } from './people.js';
export type { Recruiting } from './recruiting.js';
export type { Target } from './targets.js';
export type { Tier, TierStructure } from './tiers.js';

export class Evidence {
  private memo = new Map<string, unknown>();
  constructor(
    readonly plan: PlanModel,
    readonly arr: number | null = plan.frontMatter?.arr ?? null,
  ) {}

  private once<T>(key: string, f: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, f());
    return this.memo.get(key) as T;
  }

  /** First statement (of `where`, by default the whole plan) matching `re` that is not negated at the match. */
  find(re: RegExp, where?: Iterable<Sentence>, opts: { allowNegated?: boolean } = {}): Sentence | null {
    for (const s of where ?? this.plan.matching(re)) {
      const m = s.match(re);
      if (m && (opts.allowNegated || !isNegatedAt(s.text, m.index))) return s;
    }
    return null;
  }

  findAll(re: RegExp, where?: Iterable<Sentence>): Sentence[] {
    const out: Sentence[] = [];
    for (const s of where ?? this.plan.matching(re)) {
      const m = s.match(re);
      if (m && !isNegatedAt(s.text, m.index)) out.push(s);
    }
    return out;
  }

  /**
   * Sentences of every section with a topic (and their subsections), and of paragraphs or list
   * items whose lead-in label names the topic ("**Enablement:** a 45-minute onboarding call").
   */
  inTopic(topic: Topic): Sentence[] {
    return this.once(`inTopic:${topic}`, () => {
      const out = new Set<Sentence>();
      for (const sec of this.plan.sectionsWith(topic)) for (const s of sec.allSentences()) if (s.unit.kind !== 'heading') out.add(s);
      const re = TOPIC_HEADINGS[topic];
      const labelled = this.plan.statements(
        `labelTopic:${topic}`,
        (s) => (!!s.unit.label && re.test(s.unit.label)) || (!!s.unit.cells && s.unit.cells.length > 1 && !s.unit.isHeaderRow && re.test(s.unit.cells[0].text)),
      );
      for (const s of labelled) out.add(s);
      return [...out];
    });
  }

  // ---- direct sales and conflict (people.ts) ---------------------------------------

  get directTeam(): Sentence | null {
    return this.once('directTeam', () => people.directTeam(this));
  }

  get conflictPolicy(): Sentence | null {
    return this.once('conflictPolicy', () => people.conflictPolicy(this));
  }

  get noCreditStatements(): Sentence[] {
    return people.noCreditStatements(this);
  }

  // ---- deal registration (deal-registration.ts) -------------------------------------

  /** Sentences describing a registration process (outside tier tables). */
  get dealRegSentences(): Sentence[] {
    return this.once('dealRegSentences', () => dealRegistration.dealRegSentences(this));
  }

  /** Deal registration as a described mechanism: a section of its own, or sentences that say how partners register. */
  get dealReg(): dealRegistration.DealRegistration | null {
    return this.once('dealReg', () => dealRegistration.dealReg(this));
  }

  /** The first stated approval turnaround. */
  get dealRegSla(): dealRegistration.DurationFact | null {
    return this.dealRegSlas[0] ?? null;
  }
  /** Every stated approval turnaround (a main policy and its branches). */
  get dealRegSlas(): dealRegistration.DurationFact[] {
    return this.once('dealRegSlas', () => dealRegistration.dealRegSlas(this));
  }

  /** How long an approved registration holds (the first statement of it). */
  get dealRegExpiry(): dealRegistration.DurationFact | null {
    return this.dealRegExpiries[0] ?? null;
  }

  /** Every statement of how long registrations hold (a main policy and regional exceptions). */
  get dealRegExpiries(): dealRegistration.DurationFact[] {
    return this.once('dealRegExpiries', () => dealRegistration.dealRegExpiries(this));
  }

  /** A rule for duplicate or contested registrations. */
  get dealRegConflictRule(): Sentence | null {
    return this.once('dealRegConflicts', () => dealRegistration.dealRegConflictRule(this));
  }

  // ---- economics (economics.ts) -----------------------------------------------------

  get percents(): economics.PercentFact[] {
    return this.once('percents', () => economics.percents(this));
  }

  get payouts(): economics.PercentFact[] {
    // What the plan pays: payouts reported in history (last year's margin) are not the plan's.
    return this.once('payouts', () => economics.presentPercents(this, 'payout'));
  }

  /** Sentences saying what partners do (sell, refer, implement, support...). */
  get partnerActivities(): Sentence[] {
    return this.once('activities', () => partnerActivities(this));
  }

  get payoutOps(): Sentence | null {
    return this.once('payoutOps', () => economics.payoutOps(this));
  }

  get chequePayments(): Sentence[] {
    return this.once('cheques', () => economics.chequePayments(this));
  }

  get mdfStatements(): Sentence[] {
    return this.once('mdf', () => economics.mdfStatements(this));
  }

  get mdfOffered(): Sentence[] {
    return this.once('mdfOffered', () => economics.mdfOffered(this));
  }

  get mdfClaims(): Sentence | null {
    return this.once('mdfClaims', () => economics.mdfClaims(this));
  }

  // ---- tiers (tiers.ts) -----------------------------------------------------------

  get tierStructures(): TierStructure[] {
    return this.once('tiers', () => findTierStructures(this.plan));
  }

  // ---- people (people.ts) ---------------------------------------------------------

  /** The program owner statement and whether it is full-time. */
  get owner(): people.Owner | null {
    return this.once('owner', () => people.owner(this));
  }

  get reportsToCeo(): Sentence | null {
    return this.once('reportsToCeo', () => people.reportsToCeo(this));
  }

  get salesCoordination(): Sentence | null {
    return this.once('salesCoordination', () => people.salesCoordination(this));
  }

  // ---- recruiting and enablement (recruiting.ts) --------------------------------------

  get recruiting(): recruitingFacts.Recruiting | null {
    return this.once('recruiting', () => recruitingFacts.recruiting(this));
  }

  get qualification(): Sentence | null {
    return this.once('qualification', () => recruitingFacts.qualification(this));
  }

  get enablement(): Sentence | null {
    return this.once('enablement', () => recruitingFacts.enablement(this));
  }

  // ---- targets and metrics (targets.ts) ---------------------------------------------

  get targets(): targetFacts.Target[] {
    return this.once('targets', () => targetFacts.findTargets(this));
  }

  get metricWithTarget(): Sentence | null {
    return this.once('metric', () => targetFacts.metricWithTarget(this));
  }

  // ---- marketplace and co-sell (platforms.ts) ----------------------------------------

  get marketplaceListings(): Sentence[] {
    return this.once('marketplace', () => platforms.marketplaceListings(this));
  }

  get coSell(): Sentence | null {
    return this.once('coSell', () => platforms.coSell(this));
  }

  // ---- readiness (readiness.ts) -------------------------------------------------------

  get preconditions(): Record<PreconditionKey, PreconditionEvidence> {
    return this.once('preconditions', () => readinessEvidence(this));
  }
}
