/**
 * Words the domain shares across readings, defined once. Each list is data (regular-expression
 * fragments, case-insensitive unless noted): extend a list here and every reading built from it
 * follows (detection, the readers in `evidence.ts`, partner counts, section lenses, rules).
 */

/** Names for a program's partners, singular or plural. */
export const PARTNER_NOUNS: readonly string[] = [
  'partners?',
  'resellers?',
  'referrers?',
  'introducers?',
  'MSPs?',
  'VARs?',
  'SIs',
  'GSIs?',
  'OEMs?',
  'integrators?',
  'distributors?',
  'distis?',
  'dealers?',
  'affiliates?',
  'ISVs?',
];

/** Names for partners that also name customers or anyone else ("a firm", "an agency"): read with care. */
export const SHARED_PARTNER_NOUNS: readonly string[] = ['advisors?', 'advisers?', 'consultants?', 'consultanc(?:y|ies)', 'agenc(?:y|ies)', 'firms?'];

/** A non-capturing alternation of a word list. */
export function oneOf(list: readonly string[]): string {
  return `(?:${list.join('|')})`;
}

/** Any partner noun, the shared ones included. */
export const ANY_PARTNER = oneOf([...PARTNER_NOUNS, ...SHARED_PARTNER_NOUNS]);

/** The company's own sellers: the direct team, account executives, "our sales people", the field team. */
export const DIRECT_SELLERS: readonly string[] = [
  'direct(?: sales(?: team| reps?| org(?:anization)?| force)?| reps?| sellers?| team| AEs?)?',
  'AEs?',
  'account (?:executives?|managers?)',
  'inside (?:sales|reps)',
  'field (?:sales|team|reps?)',
  "our (?:[\\w-]+ )?(?:sales ?(?:people|team|reps?|force|org)|reps|sellers|AEs?)",
  'sales (?:reps?|team|people)',
];
