import { z } from 'zod';
import { defineRule } from '../core/rule.js';

/**
 * Recruiting only from the leaders' own network, read from its parts in any order: someone at the
 * top (founders, the CEO, the executive team, "I"), a personal tie (knows, network, contacts,
 * friends, former colleagues), and exclusivity (only, exclusively, nobody else, no other source).
 */
const LEADERS = /\b(?:founders?|co-?founders?|founding team|CEO|CRO|COO|VP(?: of)? \w+|execs?|executives?|executive team|leadership(?: team)?|management(?: board| team)?|board|partners of the firm|I|my|we|our)\b/i;
const PERSONAL_TIE =
  /\b(?:know|knows|knew|known)\b|\bworked with\b|\bpersonal(?:ly)?\b|\bnetworks?\b|\bcontacts\b|\bconnections\b|\bfriends?\b|\bcircles?\b|\brolodex\b|\brelationships?\b|\brelations\b|\bacquaintances\b|\bformer (?:colleagues|employers|clients)\b|\bwarm intros?\b|\bcrowd\b/i;
const ONLY =
  /\b(?:only|exclusively|solely|nobody else|no one else|none other|entirely|limited to|no other (?:channels?|sources?)|the whole pipeline|no cold outreach|no directories|no inbound|invite-only|won't run an? (?:application|open)|will not run an? (?:application|open)|within (?:the |our )?(?:\w+['’]? )?own circle|will all be|all (?:come|will come) from)\b|\bfriends[- ]of[- ](?:the[- ])?(?:CEO|founders?)\b|—\s*exclusively\b|\(no other [\w ]+\)/i;
/** Relationships that are someone else's ("our customers' networks") or about customers are not the leaders' own circle. */
const NOT_LEADERS = /\b(?:customers?['’]?|clients?['’]?|partners['’]) (?:own )?(?:networks?|contacts|relationships)\b/i;

function recruitsFromOwnNetwork(text: string): boolean {
  return LEADERS.test(text) && PERSONAL_TIE.test(text) && ONLY.test(text) && !NOT_LEADERS.test(text);
}

export default defineRule({
  meta: {
    id: 'closed-network',
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
    const closed = plan.statements('closed-network', (s) => recruitsFromOwnNetwork(s.text) && /\bpartner|\brecruit|\bcome from|\bsign|\brefer|\bwork with|\bstart with|\bto start\b/i.test(s.text + ' ' + (s.section?.title ?? '')));
    for (const s of closed)
      report({ message: 'Partners are recruited only from the founders\' or executives\' personal network.', at: plan.sentenceSpan(s) });
  },
});
