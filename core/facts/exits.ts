/**
 * Ways out: a partner leaving or moving down a tier on a stated condition, and the program itself
 * stopping or changing course.
 */
import { ANY_PARTNER, CAPITALISED_TIER_NAMES } from '../vocabulary.js';
import { isHedged, reportsThePast } from '../language.js';

/** A partner moves down a tier or leaves. */
export const PARTNER_EXIT =
  /\b(?:moves?|moved|drops?|steps?) down (?:a|one) (?:tier|level)\b|\bdowngrad\w+|\boff-?board\w*|\bremoved from\b|\b(?:agreement|partnership|contract)s? (?:lapses?|is not renewed|are not renewed|ends|is terminated)\b|\bnot (?:be )?renewed\b|\bterminat\w+ (?:the )?(?:agreement|partner\w*|contract)|\bend (?:the|your|its|their) (?:agreement|partnership|contract)\b|\bwe end it\b|\bno (?:closed )?(?:deals?|referrals?|revenue|new (?:client|customer)s?) (?:in|for) (?:\d+|\w+) months\b|\b(?:leaves?|exits?|is removed from|drops? out of) the (?:pilot|program|network)\b|\bdrop (?:any|the|those|partners?|connectors?|resellers?|integrations?)\b|\brevoke\w*|\bdelist\w*|\bmove (?:them )?down\b|\b(?:are|is|get|gets|will be|be) (?:removed|dropped|demoted|offboarded|terminated|retired|cut)\b|\bdemot\w+/i;
/** The program itself is redesigned, paused or stopped. */
export const PROGRAM_EXIT =
  /\bsunset\w*|\bredesign\w*|\bwind (?:it |the program )?down\b|\bshut (?:it |the program )?down\b|\bstop (?:the )?(?:\w+ )?(?:model|program|pilot|channel|recruiting)\b|\bpause (?:the )?(?:program|recruiting)\b/i;

/**
 * A partner leaving or moving down, read from its parts in any order: partners (or "you", a tier, an
 * agency), a way out or down (drop to a tier, lose status, closed, probation, moved to the inactive
 * list), and a condition (who miss, no deal in N months, fewer than, otherwise). Customers are not partners.
 */
const EXIT_PARTY = new RegExp(`\\b(?:${ANY_PARTNER}|partnerships?|you|members?)\\b`, 'i');
/** A tier named with its capital ("Gold partners who miss…"). */
const TIER_CAPS = new RegExp(`\\b${CAPITALISED_TIER_NAMES}\\b`);
const WAY_OUT =
  /\b(?:do not|don't|won't|will not|cannot|can't) (?:continue|stay on|remain in the program(?:me)?|carry on)\b|\b(?:drops?|dropped|falls?|fell|reverts?|reverted|moves?|moved|goes|go|returns?) (?:back )?(?:down )?to\b(?! (?:the |your |our |a |an )?(?:[\w-]+ )?(?:channel|VP|vice|director|manager|head|CEO|CRO|COO|sales|legal|finance|support|team|committee|council|board|desk|ops|operations|arbitration|escalation)\b)|\b(?:loses?|lose|lost|forfeits?) (?:\w+ ){0,2}(?:status|tier|level|badge|access|benefits|membership)\b|\b(?:moved|put|placed) (?:on|to|in)(?:to)? (?:the )?(?:inactive|probation|watch|dormant)\w*|\bprobation\b|\b(?:remediation|improvement|performance improvement|get-well) plan\b|\bout of the program(?:me)?\b|\bmoved? from (?:[\w-]+ ){1,2}to\b|\b(?:accounts?|agreements?|partnerships?|memberships?) (?:are|is|will be|get|gets) (?:closed(?! to\b)|ended|terminated|suspended|not renewed)\b|\bclosed after\b|\b(?:becomes?|became|goes|turns|is (?:made|marked|set|flagged)) (?:inactive|dormant|suspended|closed|lapsed)\b|\bcomes? off\b|\b(?:comes?|goes|drops?|is taken) out of the (?:program(?:me)?|network|pilot|directory)\b|\bending a partnership\b|\bsuspend\w*|\bdeactivat\w+|\b(?:stop|stops) receiving\b|\binactive list\b|\bterminat\w+|\bre-?tiered (?:down\w*|lower)\b|\bdowngrad\w+|\bdemot\w+|\b(?:removed|offboarded|delisted|dropped) from\b/i;
const EXIT_CONDITION =
  /\b(?:who|that|which) (?:miss|misses|fail|fails|falls? below|send no|sends no|have no|has no|close no|closes no|register no)\b|\bwith (?:no|fewer than|less than|under)\b|\b(?:no|zero) (?:\w+ ){0,3}(?:deals?|referrals?|introductions?|pipeline|revenue|sales?|activity|bookings|opportunit\w+|registrations?|consultants?|staff)\b|\b(?:is|are|falls?|drops?|stays?|remains?) under\b|\b(?:fewer|less) than\b|\botherwise\b|\bas long as\b|\bunless\b|\bif\b|\bmiss(?:es|ed)?\b|\bbelow\b|\bcriteria for\b|\bin a row\b|\bexpired\b|\binactive\b|\b(?:lets?|let) (?:its|their|your) [\w-]+ (?:lapse|expire)\b|\bbreach\w*|\bviolat\w+|\bloses? (?:its|their|your) (?:last )?\w+|\b(?:who|that) (?:don't|do not|doesn't|does not|hasn't|has not|haven't|have not)\b|\bnot meeting\b|\bescalations?\b|\bfall(?:s)? (?:under|short)\b|\bwithout (?:revenue|deals?|a deal|a sale|sales|activity|referrals?)\b|\bafter (?:a|one|two|\d+) (?:\w+ )?(?:years?|quarters?|months?) (?:without|with no)\b|\bafter a second\b/i;
/** Customers leaving or moving down ("Customers who don't renew are offboarded"), and a partner's own notice period. */
/** The partner leaving of its own accord: "You may end your participation at any time", "either party may terminate". */
const PARTNER_LEAVES = /\b(?:you|partners?|the partner|either party)\s+(?:can|may)\s+(?:\w+\s+){0,3}?(?:leave|exit|quit|end|terminate|unpublish|cancel|withdraw)\b/i;
const NOT_A_PARTNER_EXIT = new RegExp(
  String.raw`^\W*(?:\w+ ){0,2}(?:customers?|users?|subscribers?) (?:who|that|on|are|is|will|with)\b|\b(?:leave|exit|quit)\b[^.]{0,30}\bat any time\b|${PARTNER_LEAVES.source}(?![^.]{0,80}\bif\b)`,
  'i',
);

/** A partner moving down or out on a stated condition (the patterns of old, or their parts in any order). */
export function statesPartnerExit(text: string): boolean {
  if (NOT_A_PARTNER_EXIT.test(text) || isHedged(text) || /\bnever\b/i.test(text)) return false;
  return PARTNER_EXIT.test(text) || ((EXIT_PARTY.test(text) || TIER_CAPS.test(text)) && WAY_OUT.test(text) && EXIT_CONDITION.test(text));
}

/**
 * The program itself stopping or changing course on a condition, read from its parts: the program
 * (the pilot, the channel, a motion, "partnerships"), an end or a change of course (shut down, wind
 * down, pause, drop, shelve, close to new partners, cut back, go back to direct-only, rework), and a
 * condition or a label (if, unless, otherwise, go/no-go, stop criterion, tripwire).
 */
const PROGRAM_PARTY =
  /\b(?:program(?:me)?s?|pilots?|channel|experiment|motion|partnerships|partner model|model|initiative|network)\b|\b(?:it|we)\b/i;
const PROGRAM_END =
  /\bkeep (?:[\w-]+ ){1,2}only\b|\bnarrow\w* (?:it |the \w+ )?(?:down )?to\b|\brevisit the rest\b|\b(?:shut\w* (?:\w+ ){0,3}down|wind\w* (?:\w+ ){0,3}down|wound (?:\w+ ){0,2}down|end (?:it|the \w+)|ends|ended|pause\w*|drop (?:it|the \w+)|shelve\w*|kill\w*|stop\w*|clos(?:e|es|ed) (?:it|the \w+) (?:to new|down)|cut (?:it |the \w+ )?back|go (?:back )?to direct|back to direct|direct-only|rework\w*|revisit\w* (?:the |our )?(?:whole |entire )?(?:[\w-]+ )?(?:model|program(?:me)?|plan|economics|strategy|approach)|restructur\w+|rethink|discontinu\w+|sunset\w*|redesign\w*|scrap\w*|abandon\w*|scal(?:e|es|ed|ing) (?:it |the \w+ )?back|(?:referral|direct)-only|(?:don't|do not|won't|will not) (?:formali[sz]e|launch|continue|extend|scale|roll (?:it )?out|proceed)|no (?:phase|stage) (?:2|two|II)|back to the drawing board|pilot fails|halv(?:e|es|ed|ing) (?:the |our |its )?(?:[\w-]+ ){0,3}(?:budget|investment|funding|spend|team|headcount)|pull\w* (?:it |the \w+ )?back|defund\w*)\b/i;
const PROGRAM_CONDITION = /\b(?:if|unless|otherwise|should|when|whenever|once|below|under|go\/no-go|no-go|criteri(?:on|a)|tripwire|stop-loss|means|by month|after \d+|by (?:then|the end|Q[1-4]))\b/i;
const NOT_A_PROGRAM_EXIT = /\b(?:most|many|some) programs\b|\bAPI\b|\bproducts?\b(?! needs)|\bv\d\b|\bnever\b/i;

export function statesProgramExit(text: string): boolean {
  if (PROGRAM_EXIT.test(text) && !NOT_A_PROGRAM_EXIT.test(text) && !isHedged(text)) return true;
  return PROGRAM_PARTY.test(text) && PROGRAM_END.test(text) && PROGRAM_CONDITION.test(text) && !NOT_A_PROGRAM_EXIT.test(text) && !isHedged(text) && !reportsThePast(text);
}

/** The partner leaving of its own accord, or what happens after it gives notice: the partner's right, not an exit criterion. */
export function partnerLeavesOnNotice(text: string): boolean {
  return PARTNER_LEAVES.test(text) || /\bnotice (?:date|period)\b|\bafter (?:you|the partner) (?:leave|give notice)\b/i.test(text);
}
