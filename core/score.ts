/**
 * The readiness score, 0-100:
 *   score = round(100 x preconditionsMet / 6) - 10 x (red-flag findings), floored at 0.
 * Red flags are findings of the rules whose metadata marks them `redFlag` (premature-program,
 * vanity-partners, closed-network); at most three count (30 points).
 */
import type { Finding, PreconditionEvidence, PreconditionKey, Readiness } from './types.js';
import { PRECONDITIONS } from './types.js';

export const RED_FLAG_PENALTY = 10;
export const MAX_RED_FLAGS = 3;

const LABELS: Record<PreconditionKey, string> = {
  product: 'Product maturity',
  sales: 'Sales-motion clarity',
  differentiation: 'Differentiation',
  margin: 'Margin headroom',
  owner: 'Full-time owner',
  directSales: 'Direct-sales discipline',
};

export function preconditionLabel(k: PreconditionKey): string {
  return LABELS[k];
}

/** One precondition in words, for the score's breakdown and the reports: "Full-time owner: the owner runs ... (line 23)". */
export function preconditionLine(k: PreconditionKey, detail: PreconditionEvidence): string {
  return `${LABELS[k]}: ${detail.reason}${detail.evidence[0] ? ` (line ${detail.evidence[0].line})` : ''}`;
}

export function readinessScore(details: Record<PreconditionKey, PreconditionEvidence>, findings: Finding[], redFlagIds: ReadonlySet<string>): Readiness {
  const preconditions = Object.fromEntries(PRECONDITIONS.map((k) => [k, details[k].met])) as Record<PreconditionKey, boolean>;
  const met = PRECONDITIONS.filter((k) => preconditions[k]).length;
  const base = Math.round((100 * met) / PRECONDITIONS.length);
  const flags = findings.filter((f) => redFlagIds.has(f.ruleId)).slice(0, MAX_RED_FLAGS);
  const redFlags = flags.map((f) => ({ ruleId: f.ruleId, line: f.line, penalty: RED_FLAG_PENALTY }));
  const score = Math.max(0, base - redFlags.length * RED_FLAG_PENALTY);
  const breakdown = [
    `${met}/6 preconditions with evidence: ${base} points (100 x ${met} / 6, rounded)`,
    ...PRECONDITIONS.map((k) => `${details[k].met ? '✓' : '✗'} ${preconditionLine(k, details[k])}`),
    ...redFlags.map((f) => `− ${f.penalty} for red flag ${f.ruleId} (line ${f.line})`),
    `= ${score}/100`,
  ];
  return { score, preconditions, details, redFlags, breakdown };
}
