import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { findDurations, findMoney } from '../core/numbers.js';
import { isNegatedAt } from '../core/language.js';
import { ANY_PARTNER, PLATFORM_VENDORS, oneOf } from '../core/vocabulary.js';
import type { Sentence } from '../core/sentences.js';
import type { PlanModel } from '../core/model.js';

/**
 * Building for the board or investors, read from its parts: the audience (board, investors, the next
 * round) and something to show them (a story, logos, an ecosystem, a slide), not evidence they ask
 * for (unit economics, revenue, proof).
 */
const AUDIENCE = /\b(?:the )?(?:board|investors?|VCs?|shareholders|next (?:funding )?round|fundrais\w*|series [A-D]|investor (?:update|deck))\b/i;
const SHOWCASE = /\b(?:story|narrative|logos?|ecosystem|slides?|deck|show(?:case)?|look (?:bigger|good|serious|like)|category leader|impress\w*|headline|announce\w*|why we have no partners)\b/i;
const EVIDENCE_ASKED = /\b(?:prove|proof|evidence|unit economics|revenue|numbers|results|data|metrics|ROI|payback|before we (?:scale|invest))\b/i;
/** A sentence that rejects the red flag or reports it from the past ("This is not about logos for the board deck"). */
const REJECTS = /\b(?:is|are|was)(?:n't| not) (?:about|for|why|the reason)\b|\b(?:won't|will not|can't|cannot|doesn't|does not) (?:fix|solve|shorten|replace)\b|\b(?:is|are)(?:n't| not) (?:a |the )?(?:fix|solution|answer|shortcut)\b|\bnot a (?:fix|solution|shortcut) for\b|\bfixing (?:that|it|this|them) (?:first|ourselves)\b|\bred flags?\b|\b(?:want|need|try) to avoid\b|\bwas a mistake\b|\bnot (?:about|for) (?:the )?(?:board|investors|logos|a story)\b|\b(?:classic|common|typical) (?:mistake|trap|error|anti-?pattern)\b|\bin (?:19|20)\d\d\b|\bthis plan is about\b|\breject\w*\b|\bnot why\b/i;

function forTheBoard(text: string): RegExpExecArray | null {
  const a = AUDIENCE.exec(text);
  if (!a || !SHOWCASE.test(text) || REJECTS.test(text)) return null;
  if (EVIDENCE_ASKED.test(text) && !/\bstory|\blogos?\b|\becosystem\b/i.test(text)) return null;
  return a;
}

/** Partners of any kind bringing something: "practice consultants could get us there", "resellers will help". */
const BROUGHT_BY_PARTNERS = new RegExp(String.raw`\b(?:${ANY_PARTNER}|channel)\b[^.]{0,60}\b(?:help|bring|find|sell|get|give|close|carry)\b|\b(?:channel|partner program|partners?)\b`, 'i');

/** No product-market fit yet, and partners expected to bring it: the negation is the point here. */
function beforeFit(text: string): RegExpExecArray | null {
  const fit = /\b(?:product[- ]market fit|PMF)\b/i.exec(text);
  if (!fit || /\b(?:not going to|won't|will not|do not|don't|never) (?:build|start|launch|open|run)\b/i.test(text)) return null;
  const around = text.slice(Math.max(0, fit.index - 30), fit.index + fit[0].length + 25);
  if (!/\b(?:don't|do not|haven't|have not|no|isn't|is not|not|not yet|without|before|pre-?|ahead of|still (?:looking|searching|finding|chasing|working (?:on|towards?)))\b|\bisn't there\b|\bnot there yet\b/i.test(around)) return null;
  return BROUGHT_BY_PARTNERS.test(text) ? fit : null;
}

/** Partners or a channel as the way to product-market fit: "The channel is how we'll get to product-market fit". */
const FIT_THROUGH_PARTNERS =
  /\b(?:channel|partners?|partnerships?|resellers?|SIs?|MSPs?)\b[^.]{0,40}\b(?:how we(?:'ll| will)? (?:get to|find|reach)|help us (?:to )?(?:find|reach|get to)|(?:the )?way to (?:find|reach|get to)|will (?:find|bring|give) us)\b[^.]{0,20}\b(?:product[- ]market fit|PMF)\b/i;
/** Investors or the board asking for partnerships: the program answers them, not customers. */
const INVESTORS_WANT =
  /\b(?:investors?|board|VCs?|shareholders)\b[^.]{0,20}\b(?:wants?|wanted|asked for|asks for|ask(?:s|ed|ing)? about|expects?(?: to see)?|insists? on|is pushing for|are pushing for|keeps? asking (?:for|about))\b[^.]{0,30}\b(?:partner(?:ship)?s?|(?:a |the |our )?channel|(?:a |the )?partner program(?:me)?|(?:an |the )?ecosystem)\b/i;
const NUMBER_WORD = String.raw`(?:\d+(?:[–-]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty-four)`;
/** A long sales cycle that partners are to fix. */
const LONG_CYCLE_WORDS = new RegExp(
  String.raw`\b${NUMBER_WORD}[- ]?(?:months?|years?)\b[^.]{0,25}\b(?:cycles?|deals?|procurement)\b|\b(?:cycles?|deals?) (?:\w+ ){0,2}(?:take|takes|run|last|averages?|is|are) (?:about |around |roughly |over )?${NUMBER_WORD}\s?(?:months?|years?)\b`,
  'i',
);
const LONG_CYCLE = /\b\d+(?:[–-]\d+)?[- ]?months?\b[^.]{0,25}\b(?:cycles?|deals?|procurement)\b|\b(?:cycles?|deals?) (?:\w+ ){0,2}(?:take|takes|run|last|averages?|is|are) (?:about |around |roughly )?\d+(?:[–-]\d+)?\s?months?\b|\b(?:long|lengthy|slow|too long|enterprise|procurement) (?:\w+ )?(?:sales |deal |buying |procurement )?cycles?\b|\bcycles? (?:is|are) (?:too )?(?:long|slow)\b/i;
const PARTNERS_FIX = /\b(?:channel|partners?|resellers?)\b[^.]{0,30}\bhow we (?:fix|solve|shorten|beat)\b|\b(?:partners?|resellers?|SIs?|MSPs?|VARs?|channel)\b[^.]{0,40}\b(?:will|can|must|should|to|are the)\b[^.]{0,20}\b(?:close|shorten|fix|speed|carry|take|sell for us|answer|solve|get us through)\b|\b(?:want|need|expect) (?:\w+ )?(?:partners?|resellers?|SIs?|MSPs?|VARs?) to (?:sell|close|shorten|fix)\b|\b(?:shorten|fix|cut)\b[^.]{0,20}$|\b(?:shorten|fix|cut|speed up|compress)\b[^.]{0,40}\b(?:via|through|with|using|by) (?:\w+ )?(?:partners?|resellers?|SIs?|MSPs?|VARs?|integrators?|channel)\b|\b(?:partners?|resellers?|SIs?|MSPs?|VARs?|integrators?|channel)\b[^.]{0,20}\b(?:are|is|will be) (?:the|our) (?:solution|answer|fix|way out)\b|\b(?:integrators?|partners?|resellers?|SIs?|MSPs?)\b[^.]{0,20}\bwill get (?:them|it|those deals|deals) (?:done|closed)\b/i;
/** Words of a deal's course: a duration beside them is how long deals take. */
const DEAL_COURSE = /\b(?:deals?|cycles?|close|closing|signature|sign(?:ed|ing)?|procurement|buy(?:ing)?|purchases?|drag(?:s|ged)? on)\b/i;
/** A duration of six months or more said of deals: "deals take eleven months to close", "drag on for well over a year". */
function longDealDuration(text: string): RegExpExecArray | null {
  for (const d of findDurations(text)) {
    if (d.maxHours < 24 * 180) continue;
    const around = text.slice(Math.max(0, d.start - 40), Math.min(text.length, d.end + 25));
    if (DEAL_COURSE.test(around)) return Object.assign([d.text], { index: d.start, input: text }) as RegExpExecArray;
  }
  return null;
}
/**
 * Partners (or a platform vendor, or whoever the plan counts on) named as making it shorter: "expect
 * agencies and AWS to cut that in half", "counting on the TMS vendors to get us in in a fraction of the time".
 */
const PARTNERS_SHORTEN = new RegExp(
  String.raw`(?:\b(?:${ANY_PARTNER}|${oneOf(PLATFORM_VENDORS)})\b|\b(?:counting on|rely(?:ing)? on|expect(?:ing)?) (?:the |our )?(?:[\w-]+ ){0,2}[\w-]+s to\b)[^.;]{0,80}?(?:\b(?:cut|cuts|shorten\w*|halve\w*|compress\w*|speed\w* (?:it |that |them )?up|accelerat\w+|collapse\w*)\b|\bin (?:roughly |about |around )?half\b|\ba fraction of the time\b|\b(?:faster|sooner|quicker)\b)`,
  'i',
);
function partnersFixCycle(text: string): RegExpExecArray | null {
  const c = LONG_CYCLE.exec(text) ?? LONG_CYCLE_WORDS.exec(text) ?? longDealDuration(text);
  return c && (PARTNERS_FIX.test(text) || PARTNERS_SHORTEN.test(text.slice(c.index))) ? c : null;
}

const RED_FLAGS: Array<[RegExp | ((text: string) => RegExpExecArray | null), string]> = [
  [forTheBoard, 'built for the board or investors rather than for revenue'],
  [beforeFit, 'a channel before product-market fit'],
  [FIT_THROUGH_PARTNERS, 'a channel before product-market fit'],
  [(text: string) => (EVIDENCE_ASKED.test(text) && /\b(?:prove|proof|evidence|before we)\b/i.test(text) ? null : INVESTORS_WANT.exec(text)), 'built for the board or investors rather than for revenue'],
  [partnersFixCycle, 'expecting partners to fix a long sales cycle'],
  [/\b(?:we need|we must (?:start|launch|build|have)|must start|need to (?:start|launch)) (?:a |the |our |to (?:build|start) )?(?:partnerships?|partners|(?:a )?channel|channel partners?|(?:a )?partner program(?:me)?|them)\s+(?:\w+\s+){0,2}(?:now|immediately|asap|right away|right now|this quarter|yesterday|fast)\b|\b(?:growth engine|engine) we need (?:right )?now\b|\botherwise we lose the market\b|\b(?:partnerships?|a channel|partners|the partner program)\b[^.]{0,20}\b(?:can(?:'t|not) wait|is urgent|are urgent)\b/i, '"we need partnerships now" is almost always premature'],
  [/\b(?:before|ahead of|pre[- ]?)\s*(?:we (?:have|reach|find|hit|get to) )?(?:product[- ]market fit|PMF)\b|\bwithout (?:having )?product[- ]market fit\b/i, 'a channel before product-market fit'],
  [/\bpartners?\b[^.]{0,50}\b(?:speed up|shorten|accelerate|fix|cut|compress|close|get through)\b[^.]{0,40}\b(?:sales cycles?|enterprise deals?|deal cycles?|long deals?|those deals)\b|\b(?:\d+[- ]?(?:to[- ]\d+[- ]?)?months?|long|lengthy|slow|enterprise)\b[^.]{0,20}\bcycles?\b[^.]{0,60}\bpartners? (?:will|can|must|should) (?:close|shorten|fix|speed|carry|take)\b/i, 'expecting partners to fix a long sales cycle'],
];

/** Words every red-flag sentence has; a cheap first test, remembered per sentence. */
const PREFILTER = /board|investor|VC|shareholder|story|deck|fundrais|round|series|pitch|need|must|\bnow\b|wait|urgent|fit|PMF|speed|shorten|accelerat|fix|cut|compress|cycle|grow|double|triple|fast|quick|easi|shortcut|scale|way out|solution|answer|done|half|fraction|sooner|collaps/i;

const GROWTH_SHORTCUT =
  /\bgrow(?:th)? faster\b|\bgrowth (?:shortcut|engine|hack)\b|\baccelerate (?:our )?growth\b|\b(?:fastest|quickest|quick|fast|easiest|cheapest) (?:way|route|path)\b[^.]{0,40}\b(?:grow\w*|double|triple|scale|10x|\dx|get from|go from)\b|\bdouble (?:that|our revenue|revenue|ARR)\b|\bdouble faster\b|\bshortcut(?: to (?:growth|scale|\$?\d\S*))?\b|\b(?:get|take) us to \$?\d[\d.]*\s?[mk]\b[^.]{0,20}\b(?:quicker|faster|sooner)\b|\bhelp us (?:to )?grow faster\b|\b(?:scale|grow) (?:faster|quicker) than (?:direct|hiring)\b|\b(?:let|help|allow)s? us (?:to )?scale faster\b|\bthe way out\b|\binstead of hiring (?:more )?(?:AEs|reps|sales)|\b(?:is|are|will be) (?:how|the way) we (?:get|grow|reach|hit|double|triple|scale)\b[^.;]{0,25}(?:\$|£|€|\d|revenue|ARR)/i;
/** "$900k ARR", "900k ARR", "1.2M ARR": annual recurring revenue as written. */
const ARR_FIGURE = /(?:[$£€]\s?)?(\d+(?:[.,]\d+)?)\s?(k|m|mm)\b\s*(?:in\s+)?ARR\b/gi;
/** "one million ARR", "ARR around one million dollars": a million in words beside ARR. */
const ARR_MILLION_WORDS = /\b(?:ARR\b[^.]{0,20}?\b)?(one|a|two|1|1\.\d|2)\s+million\b(?:[^.]{0,15}\bARR\b)?/gi;

/**
 * The company's ARR as the document states it anywhere ("We have 9 paying customers and about $61k
 * ARR"), not a target: the lowest figure of the statements that name ARR without a goal.
 */
function documentArr(plan: PlanModel): number {
  let lowest = Infinity;
  for (const x of plan.statements('arrStated', (y) => y.test(/\bARR\b/) && !y.test(/\b(?:target|goal|aim|reach|hit|grow to|by (?:the end of |end of )?(?:year|Q[1-4]|20\d\d|month)|next year|plan to|want|to \$)/i)))
    for (const v of arrFigures(x.text)) lowest = Math.min(lowest, v);
  return lowest;
}

/** ARR figures of a text: "$61k ARR", "1.2M ARR", "one million ARR". */
function arrFigures(text: string): number[] {
  return [...findMoney(text).filter((m) => /\bARR\b/i.test(text.slice(m.end, m.end + 6))).map((m) => m.value), ...[...text.matchAll(ARR_FIGURE)].map((m) => Number(m[1].replace(',', '.')) * (m[2].toLowerCase() === 'k' ? 1e3 : 1e6)), ...millionsInWords(text)];
}

function millionsInWords(text: string): number[] {
  if (!/\bARR\b/i.test(text)) return [];
  return [...text.matchAll(ARR_MILLION_WORDS)].map((m) => ({ one: 1, a: 1, two: 2 })[m[1].toLowerCase() as 'one' | 'a' | 'two'] ?? Number(m[1])).map((n) => n * 1e6);
}

export default defineRule({
  meta: {
    id: 'premature-program',
    title: 'Reasons to start the program',
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
    // What a sentence gives as a reason is read from it and its paragraph, with the ARR threshold and
    // the front matter's ARR: remembered with the sentence.
    const arrStated = Math.min(plan.frontMatter?.arr ?? Infinity, documentArr(plan));
    const key = `prematureReason:${options.arrThreshold}:${arrStated}`;
    for (const s of plan.matching(PREFILTER)) {
      const why = s.memo(key, () => redFlagIn(s, options.arrThreshold, arrStated));
      if (why) report({ message: `Red flag: ${why}.`, at: plan.sentenceSpan(s) });
    }
  },
});

/** The red flag a sentence gives as the reason for the program, or null. */
function redFlagIn(s: Sentence, arrThreshold: number, arrStated: number): string | null {
  let why: string | null = null;
  for (const [re, w] of RED_FLAGS) {
    const m = typeof re === 'function' ? re(s.text) : s.match(re);
    // Before fit, the negation ("we don't have product-market fit yet") is the red flag itself.
    if (m && (re === beforeFit || !isNegatedAt(s.text, m.index, 80)) && !REJECTS.test(s.text)) {
      why = w;
      break;
    }
  }
  // "... asked for a partnerships story. That is not why this program exists."
  const next = s.unit.sentences[s.unit.sentences.indexOf(s) + 1];
  // "... Investors did ask about partners. They'll get an update; they are not the reason."
  if (why && next && (/^(?:but )?(?:that|this)(?:'s| is| was)? not (?:why|the reason)|^(?:that|this) is not what\b/i.test(next.text) || (/^\W*(?:but\s+)?(?:that|this|they|it|those|these|investors|the board)\b/i.test(next.text) && REJECTS.test(next.text)))) why = null;
  if (!why && GROWTH_SHORTCUT.test(s.text) && !REJECTS.test(s.text) && /\bchannel|\bpartner|\breferr|\bresell|\bSIs?\b|\bMSPs?\b|\bagenc/i.test(s.text)) {
    // The ARR may be stated in the same paragraph or list item rather than the same sentence.
    const context = s.unit.text;
    const arr = [...arrFigures(context), arrStated];
    if (Math.min(...arr) <= arrThreshold) why = 'a channel as a growth shortcut at around $1M ARR';
  }
  return why;
}
