/**
 * Partners in a sentence: the words that name them, the counts that are about them ("six
 * resellers"), and what they do (sell, refer, implement, support).
 */
import type { CountMatch } from '../numbers.js';
import { isNegatedAt } from '../language.js';
import type { Sentence } from '../sentences.js';
import { ANY_PARTNER, oneOf, PARTNER_NOUNS } from '../vocabulary.js';
import type { Evidence } from './index.js';

export const PARTNER_NOUN = new RegExp(`\\b(?:${ANY_PARTNER}|vendors?|they|each (?:partner|reseller|msp|advisor|consultant|consultancy|firm|dealer|referrer|agency))\\b`, 'i');

/**
 * Counts that are about partners: "six resellers", "45 referring firms", "22 partner logos".
 * Nouns that also name customers (firms, agencies, consultants, companies, vendors) count only
 * when the sentence is about partnering; "at least 20 clients" style qualifiers never count.
 */
export const ANY_PARTNER_WORD = new RegExp(`\\b${ANY_PARTNER}\\b`, 'i');

/** A count's noun that names partners themselves (not "firms" or "agencies", which may be customers). */
const PARTNER_HEAD = new RegExp(`^(?:${oneOf(PARTNER_NOUNS)}|alliances?|logos?)$`, 'i');

/** What is before a count that gives the size of the network: the sentence's start, "we have", "there are", "a network of". */
const NETWORK_SIZE = /^\W*(?:(?:today|already|now|currently),?\s+)?(?:more than|over)\s*$|\b(?:we (?:already |now |currently )?(?:have|work with)|there are (?:already |now )?|(?:network|community|ecosystem|program(?:me)?) of)\s+(?:more than|over)\s*$/i;

export function partnerCounts(s: Sentence): CountMatch[] {
  const partnering = /\bpartner|\brefer|\bresell|\brecruit|\bsign(?:ed|ing)?\b|\bonboard|\bpilot|\bchannel|\bdealer|\blisted\b|\blogos?\b/i.test(s.text + ' ' + (s.section?.title ?? ''));
  return s.partnerCountMatches.filter((c) => {
    // "at least 3 resellers", "more than 50 partners" are usually a requirement or a partner's own
    // network; as the subject, or after "we have", they are the size of this network ("More than
    // 120 technology partners already integrate with us").
    const before = s.text.slice(0, c.start);
    if (/\bat least\s*$|\bminimum of\s*$|(?<!\bno )\bmore than\s*$|\bover\s*$|\bserves?\s*$|\bserving\s*$/i.test(before) && !NETWORK_SIZE.test(before)) return false;
    const head = c.noun.split(/\s+/).pop() ?? '';
    if (/^\s+(?:reps?|people|staff|employees|engineers|sellers|salespeople|managers?|contacts?)\b/i.test(s.text.slice(c.end))) return false;
    // What partners bring ("12 signed firms from referrals", "40 clinics introduced by consultants") are customers.
    if (/^\s+(?:from|through|via|sourced by|referred by|introduced by|brought (?:in )?by) (?:our |the |partner )?(?:[\w-]+ )?(?:referrals?|partners?|consultants?|resellers?|agencies|advis[eo]rs?|channel|introductions?)\b/i.test(s.text.slice(c.end))) return false;
    // People within each partner ("two consultants from each pilot consultancy") are not a count of partners.
    if (/^\s+(?:from|at|in|of|per) (?:each|every)\b/i.test(s.text.slice(c.end))) return false;
    if (/^(?:reps?|people|staff|employees|engineers|sellers|salespeople|managers?)$/i.test(head)) return false;
    if (PARTNER_HEAD.test(head) || /\bpartner/i.test(c.noun) || ANY_PARTNER_WORD.test(c.noun)) return true;
    return partnering && !/^(?:compan(?:y|ies)|providers?)$/i.test(head);
  });
}

/** Sentences saying what partners do (sell, refer, implement, support...). */
export function partnerActivities(ev: Evidence): Sentence[] {
  const verbs =
    /\b(?:sells?|selling|resells?|reselling|sources?|sourcing|generat\w+ (?:leads|pipeline|demand)|refers?|referring|introduc\w+|identif\w+|implement\w*|install\w*|deploy\w*|support\w*|runs?|answers?|deliver\w*|joins?|explains?|sets? up|onboards?|bundles?|brings? (?:us|in)|bring(?:s|ing)? (?:their |its |new )?(?:clients|customers|merchants|brands|deals|leads)|sends? us|send(?:s|ing)? (?:\w+ ){0,2}(?:customers|clients|leads|deals|business|referrals) (?:our way|to us)|co-?market\w*|promot\w+|recommend\w*|services?|maintain\w*|manag\w+ (?:the customer|customers|clients)|owns? the (?:customer|relationship)|handles?|trains?|closes?)\b/i;
  return ev.plan.statements('partnerActivities', (s) => {
    // The first verb may be denied and a later one stated: "nobody resells: partners refer".
    const m = s.match(verbs);
    if (!m) return false;
    if (isNegatedAt(s.text, m.index)) {
      const rest = s.text.slice(m.index + m[0].length);
      const again = new RegExp(verbs.source, 'gi');
      for (let n: RegExpExecArray | null; (n = again.exec(rest)); ) {
        if (!isNegatedAt(rest, n.index) && PARTNER_NOUN.test(rest.slice(0, n.index + 1))) return true;
      }
      return false;
    }
    if (/\bbuilt an integration\b/i.test(s.text) && !/\b(?:sell|refer|promot|co-?market|support)/i.test(s.text)) return false;
    // "platforms whose customers onboard new hires": the verb belongs to someone else.
    if (/\b(?:customers?|clients?|users?|employees?|companies|buyers?)\s+(?:\w+\s+)?$/i.test(s.text.slice(Math.max(0, m.index - 25), m.index))) return false;
    // A page that speaks to partners says what they do as "you": "When you resell, you own the contract".
    return PARTNER_NOUN.test(s.text.slice(0, m.index + 1)) || /\byou\b/i.test(s.text.slice(0, m.index + 1)) || /^(?:in return|for (?:that|this|it)|they|the (?:partner|reseller|advisor|consultant|msp|firm))/i.test(s.text);
  });
}
