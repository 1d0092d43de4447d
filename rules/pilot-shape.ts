import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { AFTER_PILOT, isHedged, isStatement, WISH, withoutLeadingWish } from '../core/language.js';
import { LOOK_BACK_BEFORE } from '../core/numbers.js';
import { ANSWER_START } from '../core/structure.js';
import type { PlanModel } from '../core/model.js';
import type { Sentence } from '../core/sentences.js';
import type { Section } from '../core/outline.js';
import { partnerCounts } from '../core/facts/index.js';
import { band, days } from './util.js';

/** Where one clause ends and another begins: ", and the job …", "; then …". */
const CLAUSE_BREAK = /,\s*(?:and|but|while|so|then|whereas)\b|;/i;

/** A pilot run for customers or prospects, not with partners. */
const CUSTOMER_PILOT = /\bcustomer pilots?\b|\bpilots? (?:for|with) (?:\w+ )?(?:prospects|customers|clients|buyers|accounts)\b/i;
/** What else a length or a number in a pilot section may be about: registrations, payouts, training, pricing tests. */
const NOT_THE_PILOT = /\bregist\w*|\bprotect\w*|\bvalid\b|\bexpir\w*|\bpaid\b|\bpayouts?\b|\bcertif\w*|\btraining\b|\bonboarding\b|\bcourse\b|\btest of\b|\bexperiment\b|\bsegments?\b|\bpricing\b/i;

/** A hyphenated length before a noun that is not the pilot: "two-day training", "30-day onboarding", a customer's "60-day free trial". */
const LENGTH_OF_SOMETHING_ELSE =
  /^[\w.]+-(?:hours?|days?|weeks?|months?)\s+(?!(?:pilot|program(?:me)?|trial|test|evaluation|period|window|run|phase|sprint|cohort|engagement|proof|experiment)\b)(?:[\w-]+\s+){0,2}?(?:training|workshop|course|bootcamp|onboarding|certification|session|kick-?off|visit|trip|event|summit|notice|plan|sprint review|review|meeting|call|offsite|intro(?:duction)?|sales training|free trial|trial (?:licen[cs]es?|accounts?)|discount|refund|money-back guarantee|grace period|payment terms)\b/i;

const PILOT_WORD = /\bpilot/i;
/** Headings of sections that measure the pilot rather than set it out. */
const MEASURES = /\bmeasur\w*|\bsuccess\b|\bmetrics?\b|\bKPIs?\b|\bresults?\b|\bcriteria\b|\bgo\/no-go\b|\bevaluat\w*/i;
/** A test the pilot must pass: "succeeds if", "at least three of the four … in the first 90 days". */
const SUCCESS_TEST = /\bsucceed\w*|\bsuccess\b|\bfails?\b|\bif\b|\bby day \d+|\bat least\b/i;

/** A length or a number of partners, not in a pilot's review, letters or results, nor after the pilot. */
function statesShape(s: Sentence): boolean {
  if (/\bpilot (?:review|letters?|agreements?|results?|learnings?|customers?)\b/i.test(s.text) && !/\bpilot (?:runs?|lasts?|of|for|with)\b/i.test(s.text)) return false;
  if (/\b(?:after|since|following|post)[- ](?:the |our )?pilot\b/i.test(s.text)) return false;
  // A wish or an open question is no shape; a customer's pilot or a proof of concept is not the partner pilot.
  const said = withoutLeadingWish(s.text);
  if (isHedged(said) || WISH.test(said) || CUSTOMER_PILOT.test(said)) return false;
  return s.durations.length > 0 || partnerCounts(s).length > 0;
}

/** A pilot still to run: "we will pilot …", "a new pilot with five MSPs starts in March". */
const PILOT_AHEAD = /\b(?:will|we['’]ll|shall|plan(?:s|ned)? to|going to|to (?:run|launch|start|test)|next|upcoming|new pilot|second pilot|another pilot|start(?:s|ing)?|begin(?:s|ning)?|kick(?:s|ing)? off)\b/i;

/** A sentence that may answer a question (see `PlanModel.questionFor`): an answer, or one after a question in its paragraph. */
function mayAnswer(s: Sentence): boolean {
  const i = s.unit.sentences.indexOf(s);
  return ANSWER_START.test(s.text) || (i > 0 && s.unit.sentences[i - 1].isQuestion);
}

/** Statements of a pilot's shape: its length or its number of partners. */
function pilotStatements(plan: PlanModel): Sentence[] {
  // A statement of a length or a partner count is about the pilot when it says so, answers a question
  // (kept with each piece), or sits under a pilot heading.
  let named = plan.statements('pilotShapeNamed', (s) => statesShape(s) && (s.test(PILOT_WORD) || mayAnswer(s)));
  // Past its pilot, a plan names the pilot to speak of what it was ("the four pilot VARs"); only a
  // pilot still to run, said as one, has a shape to judge outside a section that sets it out.
  if (plan.stage && plan.stage !== 'pilot') named = named.filter((s) => s.test(PILOT_AHEAD));
  // A section that sets out the pilot, not one that measures it ("Measuring the pilot", "Pilot success criteria").
  const setsOut = (sec: Section | null | undefined) => !!sec?.inTopic('pilot') && !MEASURES.test(sec.title);
  const underPilot: Sentence[] = [];
  for (const sec of plan.sectionsWith('pilot')) if (setsOut(sec)) for (const s of sec.allSentences()) if (isStatement(s) && !s.section?.history && statesShape(s)) underPilot.push(s);
  const shapes = (underPilot.length ? plan.inOrder([...named, ...underPilot]) : named)
    .filter((s) => s.test(PILOT_WORD) || setsOut(s.section) || PILOT_WORD.test(plan.questionFor(s)?.text ?? ''))
    // A list introduced by "After the pilot …:" describes what comes next; a success criterion's window is not the pilot's length.
    .filter((s) => !AFTER_PILOT.test(plan.listContext(s.unit)?.text ?? '') && !(MEASURES.test(s.section?.title ?? '') && SUCCESS_TEST.test(s.text)));
  // Where a section sets out the pilot, its shape is read there, not from a summary line elsewhere.
  const pilotSection = shapes.some((x) => setsOut(x.section));
  return shapes.filter((s) => setsOut(s.section) || !pilotSection);
}

export default defineRule({
  meta: {
    id: 'pilot-shape',
    title: 'Pilot length and size',
    kinds: ['plan'],
    description: 'A pilot runs 90-180 days with 5-10 partners.',
    defaultSeverity: 'warning',
    category: 'lifecycle',
    options: z
      .object({ days: band(90, 180, 'Pilot length in days.'), partners: band(5, 10, 'Partners in the pilot.') })
      .strict()
      .default({ days: { min: 90, max: 180 }, partners: { min: 5, max: 10 } }),
    fixable: false,
    docs: {
      why: 'Under 90 days a pilot ends before partners close anything; past 180 it is a program nobody decided to launch. Fewer than five partners teaches little; more than ten cannot get the hand-holding a pilot needs.',
      fires: 'A sentence about a pilot states a length outside 90-180 days or a partner count outside 5-10. One finding per value out of range, on the sentence.',
      doesNotFire: 'Pilot lengths and sizes in range; other durations in the same plan.',
      fix: 'Reshape the pilot to 90-180 days and 5-10 partners, or configure your own bands.',
      example: 'We will run a 60-day pilot with six resellers.\n',
    },
  },
  check({ plan, options, report, note }) {
    for (const s of pilotStatements(plan)) {
      // Only numbers that belong to the pilot: near the word, not "launched 14 months ago after a pilot".
      const after = AFTER_PILOT.exec(s.text);
      const near = (start: number, end: number, reach: number) => {
        if (/\bago\b/i.test(s.text.slice(end, end + 6))) return false;
        // "If the pilot meets its targets, we open a formal program to 25-40 partners": the program's, not the pilot's.
        if (after && start > after.index) return false;
        // Rates are not lengths: "€15,000 a year", "twice a quarter", "per month".
        if (/(?:[$£€¥]\s?[\d.,]+\s?[kKmM]?|\b(?:per|every|each|once|twice|times))\s*$/i.test(s.text.slice(0, start))) return false;
        const re = /\bpilot\w*/gi;
        const lead = s.text.slice(0, start);
        // "for a 120-day …", "over one half-year", "duration of 6 months": a length said as one reaches further.
        const stretch = /\b(?:over|for|lasting|during|duration|length|runtime)\s*(?:of\s+|is\s+|:\s*)?(?:a |an |one )?$/i.test(lead) ? 20 : 0;
        // The pilot taken up again: "…the pilot; it closes after 100 days", "…, which runs 200 days", "and it will take 90 days".
        const resumed = /\b(?:it|which|this|that)\s+(?:will\s+|should\s+|is\s+(?:scheduled|planned|set|expected)\s+to\s+)?(?:runs?|lasts?|takes?|closes?|ends?|finishes|wraps? up|run|last|take|close|end|finish)\b[^;.]{0,25}$/i.test(lead);
        let m: RegExpExecArray | null;
        while ((m = re.exec(s.text))) {
          const pilotEnd = m.index + m[0].length;
          // "the twelve pilot partners": the pilot named inside the number's phrase.
          if (m.index >= start && pilotEnd <= end) return true;
          if (resumed && pilotEnd <= start && start - pilotEnd <= 120) return true;
          // Within the pilot's clause: "The first year was a pilot, and the job for the next twelve months is …" gives the pilot no length.
          const between = start >= pilotEnd ? s.text.slice(pilotEnd, start) : s.text.slice(end, m.index);
          if (CLAUSE_BREAK.test(between)) continue;
          if ((start >= pilotEnd && start - pilotEnd <= reach + stretch) || (m.index >= end && m.index - end <= 30)) return true;
        }
        // In a pilot section, a sentence that does not name the pilot states its shape only as a
        // fragment or list ("Three practices, 120 days, starting 1 April"), not in passing.
        if (/\bpilot/i.test(s.text)) return false;
        // A formal program's target, or a fragment about something else, is not the pilot's shape.
        if (after || NOT_THE_PILOT.test(s.text)) return false;
        // An answer to a question about the pilot ("Q: How big is the pilot?" "A: 45 days with 3 ISVs.").
        // A bracketed aside ("8 partners (5 agencies + 3 ISVs), 60 days") does not break the list.
        const before = s.text.slice(0, start).replace(plan.questionFor(s) ? ANSWER_START : /^$/, '').replace(/\s*\([^()]{0,80}\)/g, '');
        return /^(?:[-*]\s*)?$|^(?:[\w'’-]+\s+){0,3}[\w'’-]+,\s*$|\b(?:with|for|over|across|runs?|lasts?|length|duration|size|partners?)\s*[:|]?\s*(?:the |our |these |those )?$/i.test(before);
      };
      for (const d of s.durations) {
        if (!near(d.start, d.end, 30)) continue;
        if (d.unit === 'hour' || /\bextension\b/i.test(s.text.slice(d.end, d.end + 12)) || /\b(?:every|each|per|within)\s*$|(?<!\b(?:closes?|ends?|finish(?:es)?|stops?|wraps? up)\s)\bafter\s*$/i.test(s.text.slice(0, d.start))) continue;
        // A look-back window ("has sold one in the last two years") is a criterion's, never the pilot's length.
        if (LOOK_BACK_BEFORE.test(s.text.slice(0, d.start))) continue;
        // A partner's own window ("a consultancy with no referral in its first 60 days leaves the pilot") is not the pilot's length.
        if (/\b(?:in|during|over) (?:its|their|his|her|your) (?:first )?$/i.test(s.text.slice(0, d.start))) continue;
        // A length that describes something else ("a two-day training", "a 30-day onboarding") is not the pilot's.
        if (LENGTH_OF_SOMETHING_ELSE.test(s.text.slice(d.start, d.end + 30)) && !/\bpilot\b/i.test(s.text.slice(d.end, d.end + 30).split(/[,;.]/)[0])) continue;
        const lo = days(d.minHours);
        const hi = days(d.maxHours);
        const inBand = lo >= options.days.min && hi <= options.days.max;
        note({ kind: 'duration', subject: 'pilot length', text: d.text, band: { min: options.days.min, max: options.days.max, unit: 'days', label: `${options.days.min}-${options.days.max} days` }, inBand, at: s.range(d.start, d.end) });
        if (!inBand) report({ message: `A pilot of ${d.text} (${hi} days) is ${hi < options.days.min ? 'too short to see closed deals' : 'too long to stay a pilot'}; aim for ${options.days.min}-${options.days.max} days.`, at: plan.sentenceSpan(s) });
      }
      for (const c of partnerCounts(s)) {
        if (!near(c.start, c.end, 60)) continue;
        // A breakdown in brackets ("nine partners (five resellers, four firms)") or after a colon that
        // follows the total ("six SIs: the three current partners and three new ones") is not the pilot's size.
        const open = s.text.slice(0, c.start);
        if ((open.match(/\(/g) ?? []).length > (open.match(/\)/g) ?? []).length) continue;
        const colon = open.lastIndexOf(':');
        if (colon >= 0 && partnerCounts(s).some((t) => t.end <= colon && colon - t.end <= 3)) continue;
        // Parts that add up to a total said before them: "eight partners, four POS dealers and four consultants".
        const all = partnerCounts(s);
        const total = all.find((t) => t.end <= c.start && t.min === t.max);
        if (total && all.filter((t) => t.start > total.start).reduce((n, t) => n + t.max, 0) === total.max && all.filter((t) => t.start > total.start).length >= 2) continue;
        if (/\blogos?\b/i.test(c.noun) || /\bat least\s*$/i.test(s.text.slice(0, c.start))) continue;
        const inBand = c.min >= options.partners.min && c.max <= options.partners.max;
        note({ kind: 'count', subject: 'partners in the pilot', text: c.text, band: { min: options.partners.min, max: options.partners.max, unit: 'partners', label: `${options.partners.min}-${options.partners.max} partners` }, inBand, at: s.range(c.start, c.end) });
        if (!inBand) report({ message: `A pilot with ${c.text} is ${c.max > options.partners.max ? 'too many to support closely' : 'too few to learn from'}; aim for ${options.partners.min}-${options.partners.max} partners.`, at: plan.sentenceSpan(s) });
      }
    }
  },
});
