import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { isNegatedAt } from '../core/language.js';

/**
 * Recruiting only from the leaders' own network, read from its parts in any order: someone at the
 * top (founders, the CEO, the executive team, "I"), a personal tie (knows, network, contacts,
 * friends, former colleagues), and exclusivity (only, exclusively, nobody else, no other source).
 */
const LEADERS = /\b(?:founders?|co-?founders?|founding team|CEO|CRO|COO|VP(?: of)? \w+|execs?|executives?|executive team|leadership(?: team)?|management(?: board| team)?|board|partners of the firm|I|my|we|our)\b/i;
const PERSONAL_TIE =
  /\b(?:know|knows|knew|known)\b|\bworked with\b|\bpersonal(?:ly)?\b|\bnetworks?\b|\bcontacts\b|\bconnections\b|\bfriends?\b|\bcircles?\b|\brolodex\b|\brelationships?\b|\brelations\b|\bacquaintances\b|\bformer (?:colleagues|employers|clients|teammates|co-?workers|bosses)\b|\bex-?colleagues\b|\bwarm intros?\b|\bcrowd\b|\bbudd(?:y|ies)\b|\bpals\b|\bmates\b|\balumni\b|\bclassmates\b|\b(?:people|firms|companies|agencies) (?:we|I|he|she|they) (?:trust|know)\b|\btrusted (?:circle|contacts|friends)\b|\binner circle\b|\baddress book\b|\bLinkedIn\b|\bacquaint\w*/i;
const ONLY =
  /(?<!-)\b(?:only|exclusively|solely|nobody else|no one else|none other|entirely|limited to|no other (?:channels?|sources?)|the whole pipeline|no cold outreach|no directories|no inbound|invite-only|won't run an? (?:application|open)|will not run an? (?:application|open)|within (?:the |our )?(?:\w+['’]? )?own circle|just|purely|nothing but|hand-?picked|by invitation(?: only)?|invitation[- ]only|no open (?:applications?|call|sign-?ups?)|closed (?:group|circle|list)|will all be|all (?:\w+ ){0,2}(?:come|will come) from)\b|\bfriends[- ]of[- ](?:the[- ])?(?:CEO|founders?)\b|—\s*exclusively\b|\(no other [\w ]+\)/i;
/** Relationships that are someone else's ("our customers' networks") or about customers are not the leaders' own circle. */
const NOT_LEADERS = /\b(?:customers?['’]?|clients?['’]?|partners['’]) (?:own )?(?:networks?|contacts|relationships)\b/i;

/**
 * Naming the network as where partners come from, with no other source beside it, limits recruiting
 * to it as much as "only" does: "We'll recruit partners from people our CEO already knows", "Target
 * list = the founders' LinkedIn connections".
 */
const SOURCE = /\b(?:recruit\w*|come from|comes from|sourced? from|drawn from|picked from|chosen from|target list\s*(?:is|will be)|invite[sd]?|can join|may join|will join|candidates? (?:are|come))\b|\btarget list\s*[=:]/i;
const OTHER_SOURCES = /\b(?:also|alongside|as well as|plus|among|one (?:of|source)|in addition|besides|mix|combined with|and (?:open|inbound|outbound|directories|applications|marketplaces?|events)|first|start(?:s|ing)? with|to start)\b/i;

function recruitsFromOwnNetwork(text: string): boolean {
  if (!LEADERS.test(text) || !PERSONAL_TIE.test(text) || NOT_LEADERS.test(text)) return false;
  if (ONLY.test(text)) return true;
  // The network named after the source word, in the same clause: "recruit partners from people our CEO knows".
  return text.split(/[;]|\bbut\b|\bso\b/).some((clause) => {
    const src = SOURCE.exec(clause);
    if (!src || OTHER_SOURCES.test(clause)) return false;
    const after = clause.slice(src.index);
    const tie = PERSONAL_TIE.exec(after);
    // "we will not limit ourselves to friends" names the network only to rule it out.
    return !!tie && !isNegatedAt(after, tie.index, 60);
  });
}

export default defineRule({
  meta: {
    id: 'closed-network',
    title: 'Recruiting beyond personal networks',
    kinds: ['plan'],
    redFlag: true,
    description: 'Partners are not recruited only from the founders\' or executives\' personal network.',
    defaultSeverity: 'warning',
    category: 'readiness',
    options: z.object({}).strict().default({}),
    fixable: false,
    docs: {
      why: 'Friends make easy first partners and bad filters: they are chosen for trust, not for customers who fit your ICP. A program limited to them cannot scale.',
      fires: 'A sentence limits recruiting to the founders\' or executives\' friends, contacts or former colleagues ("only", "nobody else", "friends of the CEO"). Lowers the readiness score.',
      doesNotFire: 'Starting with the network alongside a target list and qualification criteria.',
      fix: 'Build a target list from where your ICP buys (directories, peer groups, marketplaces) and qualify every candidate, friends included.',
      example: 'Partners will come only from our founders\' friends.\n',
    },
  },
  check({ plan, report }) {
    const closed = plan.statements('closed-network', (s) => recruitsFromOwnNetwork(s.text) && /\bpartner|\brecruit|\bcome from|\bsign|\brefer|\bwork with|\bstart with|\bto start\b|\binvit|\bjoin\b|\bpilot\b|\btarget list\b/i.test(s.text + ' ' + (s.section?.title ?? '')));
    for (const s of closed)
      report({ message: 'Partners are recruited only from the founders\' or executives\' personal network.', at: plan.sentenceSpan(s) });
  },
});
