import { z } from 'zod';
import { defineRule } from '../core/rule.js';

const NETWORK =
  /\bpeople (?:I|we) (?:already |personally )?know\b|\b(?:my|our) (?:old )?[\w-]+ (?:crowd|circle|friends)\b|\bwork with friends\b|\b(?:founders?['’]?|CEO['’]?s?|exec(?:utive)?s?['’]?|our|my|personal|team['’]s|leadership['’]s)\s+(?:own\s+)?(?:personal\s+)?(?:friends|networks?|contacts|connections|former colleagues|circles?|rolodex|acquaintances)\b|\bfriends[- ]of[- ](?:the[- ])?(?:CEO|founders?)\b|\bpeople we (?:already )?know\b/i;
const ONLY = /\b(?:only|exclusively|solely|just|nobody else|no one else|none other)\b|\bfriends[- ]of[- ](?:the[- ])?(?:CEO|founders?)\b/i;

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
    const closed = plan.statements('closed-network', (s) => s.test(NETWORK) && s.test(ONLY) && /\bpartner|\brecruit|\bcome from|\bsign|\brefer|\bwork with|\bstart with|\bto start\b/i.test(s.text + ' ' + (s.section?.title ?? '')));
    for (const s of closed)
      report({ message: 'Partners are recruited only from the founders\' or executives\' personal network.', at: plan.sentenceSpan(s) });
  },
});
