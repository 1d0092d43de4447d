/**
 * The program's stage (pilot, stabilize, scale, maturity): from the front matter, else from what
 * the text says (a "Stage:" label, a phase, how many months in, the months the plan covers, a pilot to run).
 */
import type { Stage } from './types.js';
import { wordToNumber } from './numbers.js';
import type { PlanModel } from './model.js';
import type { Sentence } from './sentences.js';

/** The document's stage (sets `plan.stageSource`). */
export function detectStage(plan: PlanModel): Stage | null {
  if (plan.frontMatter?.stage) {
    plan.stageSource = 'frontmatter';
    return plan.frontMatter.stage;
  }
  const fromWords = (s: string): Stage | null => {
    const t = s.toLowerCase();
    const phase = /\bphase\s*(1|2|3|4|one|two|three|four)\b/.exec(t);
    if (phase) return (['pilot', 'stabilize', 'scale', 'maturity'] as Stage[])[['1', '2', '3', '4'].indexOf(phase[1]) >= 0 ? ['1', '2', '3', '4'].indexOf(phase[1]) : ['one', 'two', 'three', 'four'].indexOf(phase[1])];
    if (/\bpilot\b/.test(t)) return 'pilot';
    if (/\bstabili[sz]\w*/.test(t)) return 'stabilize';
    if (/\bscal(?:e|ing)\b/.test(t)) return 'scale';
    if (/\bmatur\w*/.test(t)) return 'maturity';
    return null;
  };
  const found = (st: Stage | null): Stage | null => {
    if (st) plan.stageSource = 'text';
    return st;
  };
  // Each step reads the first sentence that says it (`select`: answers kept with each piece).
  const byMonths = (months: number): Stage => (months < 12 ? 'pilot' : months < 24 ? 'stabilize' : months < 48 ? 'scale' : 'maturity');
  // 1. A "Stage:" or "Phase:" label.
  const labelStage = (s: Sentence): Stage | null => {
    // "Stage: Stabilize", or a table row "| Program stage | Stabilize (month 15) |".
    const m = /(?:^|\n)\s*(?:program |current )?(?:stage|phase)\s*(?::|\|)\s*([^\n]+)/i.exec(s.text);
    return m ? (fromWords(m[1]) ?? fromWords('phase ' + m[1])) : null;
  };
  const labelled = plan.select('stage:label', (s) => labelStage(s) !== null)[0];
  if (labelled) return found(labelStage(labelled));
  // 2. "Phase 2", "in the scale phase", "pilot stage".
  const phaseStage = (s: Sentence): Stage | null => {
    if (s.isQuestion) return null;
    const m =
      /\bphase\s*(?:1|2|3|4|one|two|three|four)\b/i.exec(s.text) ??
      /\b(?:pilot|stabili[sz]e|stabili[sz]ation|scale|scaling|maturity) (?:phase|stage)\b/i.exec(s.text);
    return m ? fromWords(m[0]) : null;
  };
  // Phases numbered one after another ("Phase 1: Pre-planning", "Phase 2: Processing") are the
  // steps of a process or a roadmap, not where the program stands, unless a phase names a stage.
  // The title names the phase the document is about ("Partnerships Strategy: Phase 2").
  const titlePhase = plan.titleUnit ? /\bphase\s*(?:1|2|3|4|one|two|three|four)\b/i.exec(plan.titleUnit.text) : null;
  if (titlePhase) return found(fromWords(titlePhase[0]));
  const phases = plan.select('stage:phase', (s) => phaseStage(s) !== null);
  const numbered = new Set(phases.map((s) => /\bphase\s*(1|2|3|4|one|two|three|four)\b/i.exec(s.text)?.[1].toLowerCase()).filter(Boolean));
  const phased = numbered.size > 1 ? phases.find((s) => fromWords(s.text.replace(/\bphase\s*\w+/gi, '')) !== null) : phases[0];
  if (phased) return found(numbered.size > 1 ? fromWords(phased.text.replace(/\bphase\s*\w+/gi, '')) : phaseStage(phased));
  // 3. How far into the program the plan is written ("30 months into the channel").
  const intoMonths = (s: Sentence): number | null => {
    const m = /\b(\d{1,3}|[a-z]+(?:-[a-z]+)?) (months|years) (?:into|in(?:to)? (?:the|our) )/i.exec(s.text);
    const n = m ? wordToNumber(m[1]) : null;
    return m && n !== null ? (m[2].toLowerCase() === 'years' ? n * 12 : n) : null;
  };
  const into = plan.select('stage:into', (s) => intoMonths(s) !== null)[0];
  if (into) return found(byMonths(intoMonths(into)!));
  // 3b. "We are now in month 14", "year three into the channel".
  const nowMonths = (s: Sentence): number | null => {
    const m = /\b(?:we are|we're|we're now|we are now|now) in (month|year) (\d{1,3}|[a-z]+)\b/i.exec(s.text) ?? /\b(?:year|month) (\d{1,3}|[a-z]+) (?:into|of) (?:the|our) (?:channel|program|programme|partnership|alliance)/i.exec(s.text);
    if (!m) return null;
    const unit = m.length === 3 ? m[1].toLowerCase() : /year/i.test(m[0]) ? 'year' : 'month';
    const n = wordToNumber(m.length === 3 ? m[2] : m[1]);
    if (n === null) return null;
    return unit === 'year' ? (n - 1) * 12 + 1 : n;
  };
  const now = plan.select('stage:now', (s) => nowMonths(s) !== null)[0];
  if (now) return found(byMonths(nowMonths(now)!));
  // 3c. How long ago the program opened ("Since we opened the partner program seven years ago").
  const ageMonths = (s: Sentence): number | null => {
    const m =
      /\b(?:opened|launched|started|began|founded|created|set up|introduced)\s+(?:the |our |this )?(?:[\w-]+ ){0,3}(?:partner |channel |reseller |referral )?(?:program(?:me)?|channel|partnerships?)\b[^.;]{0,12}?\b(\d{1,2}|[a-z]+) (years?|months?) ago\b/i.exec(s.text) ??
      /\b(?:program(?:me)?|channel) (?:is|turns) (\d{1,2}|[a-z]+) (years?|months?) old\b/i.exec(s.text);
    const n = m ? wordToNumber(m[1]) : null;
    return m && n !== null ? (/^year/i.test(m[2]) ? n * 12 : n) : null;
  };
  const aged = plan.select('stage:age', (s) => !s.isQuestion && ageMonths(s) !== null)[0];
  if (aged) return found(byMonths(ageMonths(aged)!));
  // 4. The months the plan covers.
  const covers = (s: Sentence): number | null => {
    const m = /\bmonths?\s+(\d{1,2})\s*[-–]\s*(\d{1,2})\b/i.exec(s.text);
    return m && /\b(?:covers?|plan for|this plan|horizon|scope|program(?:me)? months)\b/i.test(s.text + ' ' + (s.section?.title ?? '')) ? Number(m[1]) : null;
  };
  const covered = plan.select('stage:covers', (s) => covers(s) !== null)[0];
  if (covered) return found(byMonths(covers(covered)!));
  if (plan.titleUnit && /\bpilot\b/i.test(plan.titleUnit.text)) return found('pilot');
  // 5. A pilot still to run, and no sign of one already done.
  // A section that sets the pilot out ("4. Pilot design", "The pilot"; not "After the pilot" or a
  // retrospective), or a sentence that runs one now or next ("the pilot runs for six weeks with eight
  // VARs, starting 1 November", "Orchard Ledger runs a referral pilot with accounting firms", "we'll try it
  // for four months with five firms").
  const plannedPilot =
    plan.sections.some((s) => /^pilot\b/i.test(s.title) || (!s.history && s.heading !== plan.titleUnit && s.topics.has('pilot') && /^\W*(?:\d+[.)]?\s*)?(?:the |our )?pilot(?: design| plan| setup| scope)?\W*$/i.test(s.title))) ||
    plan.select('stage:plannedPilot', (s) => !s.isQuestion && /\b(?:we(?:'ll| will)|let's|plan to|going to) (?:run|start|launch|do) (?:a|the|our) (?:\w+ )?pilot\b|^pilot\s*:|\bthe pilot (?:will )?(?:runs?|lasts?|starts?|begins?|kicks? off) (?:for|on|in|with)\b|\bruns an? (?:[\w-]+ ){0,2}pilot (?:with|for)\b|\btreat (?:all of )?(?:it|this|the (?:program|year)) as a pilot\b|\b(?:we(?:'ll| will)|let's|going to) try (?:it|this|that)\b[^.;]{0,40}\b(?:for|with) (?:the )?(?:\d+|one|two|three|four|five|six|a few|a couple)\b/im.test(s.text)).length > 0;
  const pastPilot =
    plan.select('stage:pastPilot', (s) => /\bpilot (?:was|closed|ran|ended|showed|proved)\b|\b(?:was|were) (?:a|the|our) pilot\b|\bafter (?:the|our) pilot,? (?:we )?(?:opened|launched|formali[sz]ed|signed|grew)\b|\bsince the pilot\b/i.test(s.text)).length > 0;
  if (plannedPilot && !pastPilot) return found('pilot');
  // 6. The year of the program the plan covers ("this plan covers its fourth year", "year 3 of the program").
  const programYear = (s: Sentence): number | null => {
    const m =
      // The program's year, not a payment's ("a 5% fee for the first year" is how long a fee runs).
      /\b(?:covers?|for|in) (?:its|the program's|the channel's|our) (first|second|third|fourth|fifth|sixth|\d(?:st|nd|rd|th)) year\b/i.exec(s.text) ??
      /\b(?:covers?|in) the (first|second|third|fourth|fifth|sixth|\d(?:st|nd|rd|th)) year\b(?! of (?:the |a |an |each |every |any )?(?:contract|deal|subscription|licen[cs]e|renewal|agreement|term|customer|account|referral))/i.exec(s.text) ??
      /\bthe (first|second|third|fourth|fifth|sixth|\d(?:st|nd|rd|th)) year of (?:the|our) (?:partner |channel |reseller |referral )?(?:program(?:me)?|channel|partnerships?)\b/i.exec(s.text) ??
      /\byear[- ](\d|one|two|three|four|five|six) (?:of|in) (?:the|our) (?:partner |channel )?(?:program(?:me)?|channel)\b/i.exec(s.text);
    if (!m) return null;
    const ordinal = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'].indexOf(m[1].toLowerCase());
    const n = ordinal >= 0 ? ordinal + 1 : /^\d/.test(m[1]) ? parseInt(m[1], 10) : wordToNumber(m[1]);
    return n ? (n - 1) * 12 + 1 : null;
  };
  const yearOf = plan.select('stage:programYear', (s) => programYear(s) !== null)[0];
  if (yearOf) return found(byMonths(programYear(yearOf)!));
  // 7. A pilot already run, now made into a program ("turn last year's reseller pilot into a formal program").
  const formalising = plan.select('stage:formalising', (s) =>
    /\b(?:turn|turning|make|making|grow|growing|take|taking) (?:\w+['’]s |the |our |last year['’]s )?(?:[\w-]+ )?pilot into (?:a |the |our )?(?:formal |real |full |proper )?(?:program(?:me)?|channel)\b|\bformali[sz]e (?:the |our |a )?(?:[\w-]+ )?(?:channel|program(?:me)?|partnerships?)\b|\bpost-?pilot\b/i.test(s.text),
  );
  if (formalising.length) return found('stabilize');
  return null;
}
