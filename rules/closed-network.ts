import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { isHedged, isNegatedAt, NEGATED_LIMIT } from '../core/language.js';
import { OTHER_COMPANY } from '../core/vocabulary.js';

/**
 * Recruiting only from the leaders' own network, read from its parts in any order: a personal tie
 * that belongs to someone at the top (the founders' contacts, people our CEO knows, a relationship
 * with the founders, known to the leadership team), and exclusivity (only, nobody else, no open
 * applications, "every partner will be …", "must be known to …") or the network named as the
 * source with no other source beside it.
 */
const LEADER = String.raw`(?:founders?|co-?founders?|founding team|chairman|chairwoman|chair|board members?|CEO|CTO|CRO|COO|CMO|chief [\w-]+ (?:[\w-]+ )?officer|VPs?(?: of [\w-]+)?|execs?|executives?|executive team|leadership(?: team)?|management(?: board| team)?|(?:the )?board|partners of the firm|managing director|owners?|I|me|my|we|us|our|he|she|him|his|her)`;
const TIE_NOUN = String.raw`(?:networks?|contacts|connections|friends?|circles?|rolodex|relationships?|relations|acquaintances|former (?:colleagues|employers|clients|teammates|co-?workers|bosses)|ex-?colleagues|warm intros?|crowd|budd(?:y|ies)|pals|mates|alumni|classmates|address books?|LinkedIn(?: (?:network|contacts|connections))?|inner circle|(?:little )?black book|personal (?:invitations?|introductions?))`;
const LEADERS_TIE = new RegExp(
  [
    // the founders' contacts, our CEO's network, my rolodex, the management team's connections
    String.raw`\b${LEADER}(?:['’]s?)?\s+(?:(?:own|personal|existing|old|extended|private|professional|\w+['’]s?)\s+){0,2}${TIE_NOUN}\b`,
    // a relationship with our founders, contacts of the CEO, an invitation from one of our founders
    String.raw`\b(?:${TIE_NOUN}|invitations?|introductions?)\s+(?:of|from|with|to|by)\s+(?:the\s+|our\s+|one of (?:our|the)\s+|a member of (?:the|our)\s+|an?\s+)?${LEADER}\b`,
    // people our CEO already knows, someone our founders already have a relationship with, firms we trust
    String.raw`\b(?:people|persons|firms?|compan(?:y|ies)|agenc(?:y|ies)|someone|somebody|partners?|those|contacts|consultanc(?:y|ies)|owners|leaders|MSPs?|resellers?|integrators?|VARs?|them)\s+(?:(?:that|who|whom|which|whose [\w-]+)\s+)?(?:one of\s+)?(?:the\s+|our\s+|my\s+|a\s+)?(?:${LEADER}|[A-Z][a-z]+ and [A-Z][a-z]+)(?:['’]s?)?\s+(?:(?:already|personally|have|has|long|all|can|could)\s+){0,2}(?:know|knows|knew|trust|trusts|worked with|met|(?:have|has) an? (?:personal |existing |close |long )?relationship|have relationships|vouch for)\b`,
    // referred by a member of our leadership team; firms where one of the founders knows the MD
    String.raw`\b(?:${TIE_NOUN})\s+(?:that\s+|which\s+)?(?:the\s+|our\s+)?${LEADER}\s+(?:already\s+)?(?:has|have)\b`,
    String.raw`\b(?:referred|introduced|recommended|vouched for|invited|nominated)\s+(?:personally\s+)?by (?:a member of\s+|one of\s+)?(?:the\s+|our\s+)?${LEADER}\b`,
    String.raw`\b(?:where|whose|if|when) (?:one of\s+)?(?:the\s+|our\s+)?${LEADER}\s+(?:already\s+|personally\s+)?(?:knows?|knew|trusts?|has worked with|worked with)\b`,
    // a founder can vouch for them
    String.raw`\b${LEADER}\s+(?:can|could|will|must)\s+(?:personally\s+)?vouch for\b`,
    // personally known to a member of the leadership team
    String.raw`\b(?:personally\s+)?known to (?:a member of\s+|one of\s+)?(?:the\s+|our\s+)?${LEADER}\b`,
    String.raw`\bfriends[- ]of[- ](?:the[- ])?(?:CEO|founders?)\b`,
    String.raw`\bwhose (?:owners?|CEOs?|founders?|MDs?|bosses|principals?) (?:personally |already )?(?:knows?|knew|has worked with|have worked with|worked with) (?:one of )?(?:the |our )?${LEADER}\b`,
  ].join('|'),
  'i',
);
/** A named person's own circle: "Maya's and Tom's old VetPartners colleagues", "Priya's contacts". */
const PERSON_TIE =
  /\b[A-Z][a-z]+['’]s(?:,? (?:and|&) [A-Z][a-z]+['’]s)?\s+(?:(?:own|personal|old|former|existing|extended|close)\s+)?(?:[A-Z][\w-]*\s+)?(?:colleagues|ex-colleagues|contacts|friends|connections|circles?|address books?|rolodex|acquaintances)\b/;
const LEADER_NAMED = new RegExp(String.raw`\b(?:founders?|co-?founders?|CEO|CTO|CRO|COO|executives?|leadership|management)\b`, 'i');
const THEIR_ACQUAINTANCES = /\b(?:firms|companies|people|agencies|partners)\s+(?:that\s+|whom\s+)?(?:they|he|she)\s+(?:already\s+|personally\s+)?(?:know|knows|trust|trusts|worked with)\b|\b(?:their|his|her) own (?:contacts|network|connections|circle|address books?)\b/i;
const ONLY =
  /(?<!-)\b(?:only|exclusively|solely|nobody else|no one else|(?:won['’]t|will not|do not|don['’]t|not) (?:look|go|search|recruit) (?:any )?(?:beyond|further than|outside|elsewhere)|none other|entirely|limited to|no other (?:channels?|sources?)|the whole pipeline|no cold outreach|no outbound|no directories|no inbound|invite-only|(?:won't|will not|do not|don't) (?:run|accept|take) (?:an? |any )?(?:application|open|applications)|(?:take|accept) no (?:open )?applications|within (?:the |our )?(?:\w+['’]? )?own circle|just|purely|nothing but|hand-?pick(?:ed|s)?|stays? closed|no open (?:recruiting|recruitment)|(?:won't|will not|don't|do not) (?:recruit|look|go|sign|search) (?:\w+ )?outside|outside (?:that|this|the|our) (?:circle|network)|keep (?:the [\w ]{1,20}) to|by (?:personal )?invitation(?: only)?|invitation[- ]only|no open (?:applications?|call|sign-?ups?)|closed (?:group|circle|list)|(?:is|are) closed|will all be|all (?:\w+ ){0,2}(?:come|will come) from|every (?:\w+ ){0,3}(?:partners?|resellers?|firms?|agencies) (?:we|I) (?:sign|recruit|take on|onboard)|must be (?:personally )?known|all (?:[\w-]+ ){0,4}(?:will be|are)|only if|no other source|nowhere else|stick to|limit (?:ourselves|it|recruiting) to|keep (?:it|recruiting) to)\b|—\s*exclusively\b|\(no other [\w ]+\)/i;
/** Relationships that are someone else's ("our customers' networks") or about customers are not the leaders' own circle. */
const NOT_LEADERS = /\b(?:customers?['’]?|clients?['’]?|partners['’]) (?:own )?(?:networks?|contacts|relationships)\b/i;

/**
 * Naming the network as where partners come from, with no other source beside it, limits recruiting
 * to it as much as "only" does: "We'll recruit partners from people our CEO already knows", "Target
 * list = the founders' LinkedIn connections".
 */
const SOURCE = /\b(?:recruit\w*|come from|comes from|sourced? from|drawn from|picked from|chosen from|built from|target list\s*(?:is|will be)|invite[sd]?|can join|may join|will join|candidates? (?:are|come)|sourcing)\b|\btarget list\s*[=:]/i;
const OTHER_SOURCES = /,\s*(?:[\w-]+ ){0,2}(?:events?|inbound|outbound|directories|applications|marketplaces?|webinars?|trade shows?)\b|\b(?:also|alongside|as well as|plus|among|one (?:of|source)|in addition|besides|mix|combined with|and (?:open|inbound|outbound|directories|applications|marketplaces?|events)|first|start(?:s|ing)? with|to start|the rest|a few|some|several|a handful)\b/i;

function recruitsFromOwnNetwork(text: string): boolean {
  // Avoiding it, or a competitor doing it, is not this plan recruiting from its leaders' circle.
  if (isHedged(text) || NOT_LEADERS.test(text) || OTHER_COMPANY.test(text) || /\bavoid\w*\b/i.test(text)) return false;
  // "each co-founder brings in three firms they know": the tie is the leaders' when they are the subject.
  const tie = LEADERS_TIE.exec(text) ?? PERSON_TIE.exec(text) ?? (LEADER_NAMED.test(text) ? THEIR_ACQUAINTANCES.exec(text) : null);
  if (!tie || isNegatedAt(text, tie.index, 60)) return false;
  const only = ONLY.exec(text) ?? NEGATED_LIMIT.exec(text);
  // "we won't limit recruiting to it" rules the network out.
  if (only && !isNegatedAt(text, only.index, 30)) return true;
  // The network named after the source word, in the same clause: "recruit partners from people our CEO knows".
  return text.split(/[;]|\bbut\b|\bso\b/).some((clause) => {
    const src = SOURCE.exec(clause);
    if (!src || OTHER_SOURCES.test(clause)) return false;
    const after = clause.slice(src.index);
    const own = LEADERS_TIE.exec(after);
    // "we will not limit ourselves to friends" names the network only to rule it out.
    return !!own && !isNegatedAt(after, own.index, 60);
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
    const closed = plan.statements('closed-network', (s) => recruitsFromOwnNetwork(s.text) && /\bpartner|\bresellers?\b|\bagenc|\bfirms?\b|\bchos|\bapproach|\bhand-?pick|\bselect|\brecruit|\bcome from|\bsign|\brefer|\bwork with|\bstart with|\bto start\b|\binvit|\bjoin\b|\bpilot\b|\btarget list\b|\bsourc|\bchannel\b/i.test(s.text + ' ' + (s.section?.title ?? '')));
    for (const s of closed)
      report({ message: 'Partners are recruited only from the founders\' or executives\' personal network.', at: plan.sentenceSpan(s) });
  },
});
