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

/** The company's own sellers: the direct team, account executives, "our sales people", the field team (not a partner's account managers). */
export const DIRECT_SELLERS: readonly string[] = [
  'direct (?:sales(?:\\s+(?:team|reps?|org(?:anization)?|force))?|reps?|sellers?|team|AEs?)',
  'inside (?:sales|reps)',
  'field (?:sales|team|reps?)',
  'account executives?',
  'AEs',
  "our (?:[\\w-]+ )?AEs?",
  "(?:our|his|her|the company's) (?:[\\w-]+ )?account managers",
  '(?:our|the) (?:[\\w-]+ )?sales ?(?:team|reps?|org(?:anization)?|force|people)',
  'sales reps?',
  'our (?:[\\w-]+ )?(?:inside |field )?(?:sales)?(?:reps|sellers)',
];

/** Names programs give their tiers ("Gold", "Registered", "Premier"). */
export const TIER_NAMES: readonly string[] = ['bronze', 'silver', 'gold', 'platinum', 'diamond', 'registered', 'certified', 'authori[sz]ed', 'accredited', 'select', 'premier', 'elite', 'preferred', 'advanced', 'expert', 'community', 'strategic', 'standard', 'associate', 'basic', 'plus', 'pro', 'enterprise', 'member', 'listed', 'validated', 'starter', 'growth', 'scale'];

/** The tier names as written in prose, with their capital ("Gold partners"), where the lower-case word means something else. */
export const CAPITALISED_TIER_NAMES = oneOf(TIER_NAMES.map((w) => w[0].toUpperCase() + w.slice(1)));
