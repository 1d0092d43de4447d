import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { findMoney } from '../core/numbers.js';
import { isNegatedAt } from '../core/model.js';

const RED_FLAGS: Array<[RegExp, string]> = [
  [/\b(?:the )?(?:board|investors?|VCs?|shareholders)\b[^.]{0,50}\b(?:wants?|asks?|asking|asked|expects?|pushing|pushes|keeps? asking|insists?)\b|\bpartnerships? story\b|\b(?:for|in) (?:the|our) (?:next )?(?:deck|board (?:meeting|deck)|investor (?:update|deck)|fundraise|pitch deck)\b/i, 'built for the board or investors rather than for revenue'],
  [/\bwe need (?:a |to (?:build|start) )?(?:partnerships?|partners|a channel|channel partners?|a partner program)\s+(?:now|immediately|asap|right away|this quarter|yesterday)\b/i, '"we need partnerships now" is almost always premature'],
  [/\b(?:before|ahead of|pre[- ]?)\s*(?:we (?:have|reach|find|hit|get to) )?(?:product[- ]market fit|PMF)\b|\bwithout (?:having )?product[- ]market fit\b/i, 'a channel before product-market fit'],
  [/\bpartners?\b[^.]{0,50}\b(?:speed up|shorten|accelerate|fix|cut|compress)\b[^.]{0,40}\b(?:sales cycles?|enterprise deals?|deal cycles?|long deals?)\b/i, 'expecting partners to fix a long sales cycle'],
];

/** Words every red-flag sentence has; a cheap first test, remembered per sentence. */
const PREFILTER = /board|investor|VC|shareholder|story|deck|fundrais|pitch|need|fit|PMF|speed|shorten|accelerat|fix|cut|compress|grow|double|triple|fast|quick|easi|shortcut/i;

const GROWTH_SHORTCUT =
  /\bgrow(?:th)? faster\b|\bgrowth (?:shortcut|engine|hack)\b|\baccelerate (?:our )?growth\b|\b(?:fastest|quickest|quick|fast|easiest|cheapest) (?:way|route|path)\b[^.]{0,40}\b(?:grow\w*|double|triple|scale|10x|\dx)\b|\bdouble (?:that|our revenue|revenue|ARR)\b|\bshortcut to (?:growth|scale)\b/i;

export default defineRule({
  meta: {
    id: 'premature-program',
    kinds: ['plan'],
    redFlag: true,
    description: 'The reasons for starting the program are not red flags (growth shortcut before fit, the board wants a story, partners to fix long cycles).',
    defaultSeverity: 'warning',
    category: 'readiness',
    options: z.object({ arrThreshold: z.number().min(0).default(2_000_000).describe('ARR at or below which "grow faster through a channel" is a red flag, in currency units.') }).strict().default({ arrThreshold: 2_000_000 }),
    fixable: false,
    docs: {
      why: 'Partnerships multiply a sales motion that already works; they do not create one. Programs started as a growth shortcut around $1M ARR, for an investor story, or to rescue 18-month enterprise cycles rarely produce revenue.',
      fires: 'A sentence giving one of these reasons: the board or investors want a partnerships story; "we need partnerships now"; a channel to grow faster before product-market fit or at around $1M ARR; partners expected to shorten long sales cycles. One finding per sentence; lowers the readiness score.',
      doesNotFire: 'Reasons grounded in how customers buy, or a program after product-market fit.',
      fix: 'Rewrite the reason for the program in terms of customers and revenue, or wait until the preconditions are met.',
      example: 'The board wants a partnerships story, so we are launching a partner program.\n',
    },
  },
  check({ plan, options, report }) {
    for (const s of plan.matching(PREFILTER)) {
      let why: string | null = null;
      for (const [re, w] of RED_FLAGS) {
        const m = s.match(re);
        if (m && !isNegatedAt(s.text, m.index)) {
          why = w;
          break;
        }
      }
      // "... asked for a partnerships story. That is not why this program exists."
      const next = s.unit.sentences[s.unit.sentences.indexOf(s) + 1];
      if (why && next && /^(?:but )?(?:that|this)(?:'s| is| was)? not (?:why|the reason)|^(?:that|this) is not what\b/i.test(next.text)) why = null;
      if (!why && GROWTH_SHORTCUT.test(s.text) && /\bchannel|\bpartner|\breferr|\bresell/i.test(s.text)) {
        // The ARR may be stated in the same paragraph or list item rather than the same sentence.
        const context = s.unit.text;
        const arr = [...findMoney(context).filter((m) => /\bARR\b/i.test(context.slice(m.end, m.end + 6))).map((m) => m.value), plan.frontMatter?.arr ?? Infinity];
        if (Math.min(...arr) <= options.arrThreshold) why = 'a channel as a growth shortcut at around $1M ARR';
      }
      if (why) report({ message: `Red flag: ${why}.`, at: plan.sentenceSpan(s) });
    }
  },
});
