import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { isNegatedAt, reportsThePast } from '../core/language.js';
import { OTHER_COMPANY } from '../core/vocabulary.js';
import type { Sentence } from '../core/sentences.js';
import type { Evidence } from '../core/facts/index.js';
import { findPartnerCounts, type CountMatch } from '../core/numbers.js';

/**
 * A count of listed partners, read from its parts: a number of partners (or a "Partners: 42" label)
 * and where they are shown rather than what they do: a website, a partner page or directory, a logo
 * wall, a list, an ecosystem, a boast. Targets, judgements ("listing logos is not a program") and
 * counts someone denies are not the plan's own count.
 */
const SHOWN =
  /\blogos?\b|\blisted\b|\bgallery\b|\blists?\b|\blisting\b|\bannounced\b|\b(?:partner )?wall\b|\blocator\b|\bentries\b|\b(?:web ?site|site|homepage|home page|web ?page|partners? page|partner directory|directory|logo wall|roster|ecosystem|press releases?|announcements?)\b|\bboasts?\b|\bshown on\b|\bappear on\b|\blogo swaps?\b|\bfinder\b|\bdisplayed\b|\bvisible\b|\bshowcas\w+|\/partners\b/i;
const NOT_A_COUNT_OF_OURS =
  /\b(?:goal|target|aim|activation|by (?:month|year|Q[1-4]|the end|(?:Jan|Febr)uary|March|April|May|June|July|August|(?:Septem|Octo|Novem|Decem)ber)|we want|we plan|will (?:have|reach|sign|grow)|is not a (?:partner )?program|isn't a (?:partner )?program|customer logos?|customers' logos|logos of (?:our )?customers|candidate list|target list|shortlist|long ?list|prospect list|(?:picked|chosen|selected|drawn) from|(?:list|table) below|following (?:list|table))\b/i;
const LABELLED_LISTED = /^\W*(?:[\w-]+ ){0,2}(?:partners?|logos?)(?: (?:count|total|number))?(?: (?:today|now|listed))?\s*(?:\||:)\s*(?:~|≈|about |around |approx\.? )?(\d{1,5})\+?|\b(?:director(?:y|ies)|locator|wall|partners? page)\s+(?:has|have|lists?|shows?|holds?)\s+(\d{1,5})\+?/i;

const SHOWN_COUNT = /\b(\d{1,5})\+?\s+(?:of (?:our|the|its) (?:partners|resellers|integrations|apps)|partnerships|(?:apps|integrations|companies)\s+(?:listed|displayed|shown))\b/i;

export function countsListedPartners(s: Sentence): CountMatch[] {
  // Another company's list (a competitor's, our approved suppliers) and a past count are not the plan's own.
  if (!SHOWN.test(s.text) || NOT_A_COUNT_OF_OURS.test(s.text) || OTHER_COMPANY.test(s.text) || reportsThePast(s.text) || /\bback in (?:19|20)\d\d\b/i.test(s.text)) return [];
  const counts = findPartnerCounts(s.text).filter((c) => !isNegatedAt(s.text, c.start, 12));
  if (counts.length) return counts;
  // "all 27 of our partners", "25 partnerships", "200+ apps listed in the integrations directory".
  const of = SHOWN_COUNT.exec(s.text);
  if (of && !isNegatedAt(s.text, of.index, 12)) {
    const start = of.index + of[0].indexOf(of[1]);
    return [{ start, end: start + of[1].length, text: of[0].trim(), min: Number(of[1]), max: Number(of[1]), noun: 'partners' }];
  }
  const label = LABELLED_LISTED.exec(s.text);
  if (!label) return [];
  const n = label[1] ?? label[2];
  const start = label.index + label[0].lastIndexOf(n);
  return [{ start, end: start + n.length, text: n, min: Number(n), max: Number(n), noun: 'partners' }];
}

/** A statement that the plan tracks partner-sourced or partner-influenced revenue. */
function partnerRevenueTracking(evidence: Evidence): Sentence | null {
  return evidence.find(/\b(?:partner|channel|reseller|referral|advisor)[- ](?:sourced|influenced|generated)\b|\bchannel pipeline\b|\btrack\w* [^.]{0,30}\b(?:partner|channel) (?:revenue|pipeline|deals)\b|\bpartner revenue\b|\bshare of (?:total |new )?revenue\b/i);
}

export default defineRule({
  meta: {
    id: 'vanity-partners',
    title: 'Partner counts without sales machinery',
    description: 'Counting partners or logos comes with the machinery that makes them sell.',
    defaultSeverity: 'warning',
    category: 'readiness',
    options: z.object({}).strict().default({}),
    fixable: false,
    docs: {
      why: 'Thirty logos on a website is a press release, not a partner program. Listing partners is not partnering.',
      fires: 'The plan counts listed partners or logos while it has no deal registration, no enablement and no partner revenue tracking. On the count; lowers the readiness score.',
      doesNotFire: 'Partner counts in a plan with any of that machinery; targets for active partners.',
      fix: 'Replace the logo count with active partners (a closed deal in the last two quarters) and add the machinery: registration, enablement, partner-sourced revenue tracking.',
      example: 'We already have 30 partners listed on our website.\n',
    },
  },
  check({ plan, evidence, report }) {
    if (evidence.dealReg || evidence.enablement || partnerRevenueTracking(evidence)) return;
    const listed = plan.statements('vanity-partners', (s) => countsListedPartners(s).length > 0);
    for (const s of listed) {
      for (const c of countsListedPartners(s)) {
        const r = s.range(c.start, c.end);
        report({ message: `${c.text} counted, but there is no deal registration, enablement or partner revenue tracking behind them.`, at: r });
      }
    }
  },
});
