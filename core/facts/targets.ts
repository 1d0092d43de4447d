/**
 * What the plan aims for: targets (the channel's share of revenue, a number of partners, with the
 * months they are set for) and success metrics stated with a value to reach.
 */
import { timeFrameMonths, type CountMatch } from '../numbers.js';
import { isHedged, isStatement } from '../language.js';
import { TOPIC_HEADINGS, type Section } from '../outline.js';
import type { Sentence } from '../sentences.js';
import type { PercentFact } from './economics.js';
import { ANY_PARTNER_WORD, partnerCounts } from './partners.js';
import type { Evidence } from './index.js';

export interface Target {
  sentence: Sentence;
  kind: 'channelShare' | 'partnerCount';
  min: number;
  max: number;
  start: number;
  end: number;
  /** Months from the program's start the target is set for, when known. */
  months: number | null;
}

// ---- targets -----------------------------------------------------------------------------

const TARGET_WORDS =
  /^\W*(?:sign|recruit|onboard|add|land|reach|grow to|get to|aim|objective|target)\b|\bshould (?:deliver|bring|reach|contribute|account for|source|generate|make up|be)\b|\btargeting\b|\b(?:our )?objective\b|\bplanning for\b|\bwe want\b|\b(?:we plan to|plan to|aim is to|the aim is|we intend to) (?:sign|recruit|onboard|add|have|reach|grow)\b|\bby (?:the )?end of\b|\b(?:targets?|goals?|aim(?:s|ing)? (?:for|to)|we want|grow(?:ing)? (?:to|the (?:network|program|channel) to)|reach(?:ing)?|we expect|expect(?:ed)? to|will (?:bring|reach|grow|source|deliver|generate|contribute|account|sign|recruit|onboard|add|have)|to (?:source|bring in|reach|deliver|generate|contribute|account for)|by (?:month|Q[1-4]|year|the end of)|within (?:the first|\d+|one|two|three)|plan to (?:reach|sign|have|recruit)|plan for|in the first (?:\d+|\w+) (?:months?|years?|quarters?)|success means|(?:is|are) to be reached|at maturity|(?:at|in) (?:month|year|quarter) \d+|month \d+)\b/i;

const BENCHMARK = /\btypically\b|\bcompanies (?:usually |often )?see\b|\bbenchmarks?\b|\bindustry (?:average|norms?|data)\b|\bon average,? (?:programs|companies)\b/i;

export function findTargets(ev: Evidence): Target[] {
  const out: Target[] = [];
  const sharesBySentence = new Map<Sentence, PercentFact[]>();
  for (const p of ev.percents) if (p.category === 'revenueShare') sharesBySentence.set(p.sentence, [...(sharesBySentence.get(p.sentence) ?? []), p]);
  const titleMonths = new Map<Section, number | null>();
  // What the sentence says on its own (a revenue share is always a percent in it); the section is read below.
  // A target is stated in words (kept with each piece), or sits under a metrics heading.
  const worded = ev.plan.statements('targetWords', (s) => targetCandidate(s) && targetWorded(s.memo('targetReading', () => targetReading(s))));
  const underMetrics: Sentence[] = [];
  for (const sec of ev.plan.sectionsWith('metrics'))
    for (const s of sec.allSentences()) if (isStatement(s) && !s.section?.history && targetCandidate(s)) underMetrics.push(s);
  const local = underMetrics.length ? ev.plan.inOrder([...worded, ...underMetrics]) : worded;
  for (const s of local) {
    const sec = s.section;
    if (sec?.inTopic('exitCriteria')) continue;
    // What other companies typically see is a benchmark, not the plan's target.
    if (BENCHMARK.test(s.text)) continue;
    const r = s.memo('targetReading', () => targetReading(s));
    const inTargets = (sec?.inTopic('metrics') ?? false) || r.labelled;
    if (!inTargets && !r.targetWords && !r.timedCount) continue;
    if (!sharesBySentence.has(s) && !r.numbered) continue;
    let fromTitles: number | null = null;
    if (sec) {
      if (!titleMonths.has(sec)) titleMonths.set(sec, timeFrameMonths([...sec.chain()].map((x) => x.title).join(' | ')));
      fromTitles = titleMonths.get(sec)!;
    }
    const months = r.months ?? fromTitles;
    // A table of metrics with a column for today and one for the target ("Metric | Today | Month 24
    // target"): today's figures are where the program stands, and the target column says when.
    const columns = s.unit.cells ? targetColumns(s.unit.table?.header ?? []) : null;
    const cellOf = (p: PercentFact) => s.unit.cellAt(s.at + p.match.start);
    const monthsIn = (cell: number) => (columns && columns.months[cell] !== null ? columns.months[cell] : months);
    for (const p of sharesBySentence.get(s) ?? []) {
      if (columns?.current.has(cellOf(p))) continue;
      out.push({ sentence: s, kind: 'channelShare', min: p.match.min, max: p.match.max, start: p.start, end: p.end, months: columns ? monthsIn(cellOf(p)) : months });
    }
    const counts: CountMatch[] = [];
    let countMonths = months;
    if (s.unit.cells) {
      // Table rows: "Active MSPs (...) | 40".
      const cells = s.unit.cells;
      const col = columns && columns.target > 0 && columns.target < cells.length ? columns.target : 1;
      countMonths = columns ? monthsIn(col) : months;
      // Money written with a currency code or digit groups ("900 000 EUR") is not a count of partners.
      if (cells.length >= 2 && ANY_PARTNER_WORD.test(cells[0].text) && !countsSomethingElse(cells[0].text) && !/%|\$|£|€|\b(?:EUR|USD|GBP|CHF|SEK|NOK|DKK|PLN|CAD|AUD|INR|JPY)\b|^\s*\d{1,3}(?:[ ,.]\d{3})+\b/i.test(cells[col].text) && !/\b(?:pipeline|revenue|ARR|bookings|budget|satisfaction|NPS|CSAT|score|rating|rate|ratio|share)\b/i.test(cells[0].text)) {
        // A count is a whole number ("8.0" on a 1-10 scale is a score).
        const m = /^(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?\b(?![.,]\d)/.exec(cells[col].text);
        if (m) {
          const at = cells[col].at;
          counts.push({ start: at - s.at, end: at - s.at + m[0].length, text: m[0], min: Number(m[1]), max: Number(m[2] ?? m[1]), noun: cells[0].text });
        }
      }
    } else counts.push(...partnerCounts(s).filter((c) => !/\blogos?\b/i.test(c.noun) && !/^\s+(?:across|at|in|from|within) (?:our |their |all |the )?(?:partners?|firms?|resellers?)\b/i.test(s.text.slice(c.end))));
    for (const c of counts) {
      const r = s.range(c.start, c.end);
      out.push({ sentence: s, kind: 'partnerCount', min: c.min, max: c.max, ...r, months: countMonths });
    }
  }
  return out;
}

/** Headers of a column of figures as they stand, not as they should become. */
const CURRENT_COLUMN = /\b(?:today|current(?:ly)?|now|baseline|actuals?|as of|starting point|where we are|last year|prior year|previous)\b/i;
const TARGET_COLUMN = /\b(?:targets?|goals?|plan|by|aim)\b|\b(?:month|year|quarter)\s*\d/i;
/** Which columns of a metrics table hold today's figures and which the target, with each column's month. */
function targetColumns(header: readonly string[]): { current: Set<number>; target: number; months: Array<number | null> } | null {
  const current = new Set<number>();
  let target = -1;
  header.forEach((h, i) => {
    if (i === 0) return;
    if (CURRENT_COLUMN.test(h) && !TARGET_COLUMN.test(h)) current.add(i);
    else if (target < 0 && TARGET_COLUMN.test(h)) target = i;
  });
  if (!current.size || target < 0) return null;
  return { current, target, months: header.map((h) => timeFrameMonths(h)) };
}

/** A sentence that may state a target: a number in it, and not a candidate list, a condition or a hedge. */
function targetCandidate(s: Sentence): boolean {
  return s.memo(
    'targetCandidate',
    () =>
      !/\btarget list\b|\bcandidates?\b|\bshortlist\b|\bdrawn from\b/i.test(s.text) &&
      !(/\bif\b[^.]{0,60}\b(?:below|under|less than|short of|fall)/i.test(s.text) || isHedged(s.text)) &&
      (s.percents.length > 0 || /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred)\b/i.test(s.text)),
  );
}

/** Whether the sentence's own words make it a target wherever it sits. */
function targetWorded(r: ReturnType<typeof targetReading>): boolean {
  return r.labelled || r.targetWords || r.timedCount;
}

/** What a sentence and its unit say of a target, whatever its section. */
function targetReading(s: Sentence): { labelled: boolean; targetWords: boolean; timedCount: boolean; numbered: boolean; months: number | null } {
  const targetWords = s.test(TARGET_WORDS);
  return {
    // A label that names metrics ("**Targets:** …").
    labelled: !!s.unit.label && TOPIC_HEADINGS.metrics.test(s.unit.label),
    targetWords,
    // A count of partners with a time ahead ("Active partners | 40 | month 24") is a target too.
    timedCount: !targetWords && s.timeFrameMonths !== null && (s.partnerCountMatches.length > 0 || (!!s.unit.cells && ANY_PARTNER_WORD.test(s.unit.cells[0]?.text ?? ''))),
    numbered: /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred)\b/i.test(s.text),
    months: s.timeFrameMonths ?? (s.unit.label ? timeFrameMonths(s.unit.label) : null),
  };
}

// ---- success metrics ---------------------------------------------------------------------

export function metricWithTarget(ev: Evidence): Sentence | null {
  const metric =
    /\brevenue\b|\bpipeline\b|\bactivation\b|\bactive\b|\bsatisfaction\b|\bNPS\b|\breferrals?\b|\bdeals?\b|\bpartners?\b|\bshare\b|\bbookings\b|\bARR\b|\bsigned\b|\bcustomers?\b|\bcertified\b|\bfirms?\b|\bresellers?\b|\bwin rate\b|\bsourced\b|\binfluenced\b/i;
  const number = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred)\b/i;
  const metricsTopic = new Set(ev.inTopic('metrics'));
  const local = ev.plan.statements(
    'metricWithNumber',
    (s) => s.test(metric) && s.test(number) && !isHedged(s.text) && !/\bnot setting\b|\bno (?:numbers|targets)\b/i.test(s.text) && !/\btarget list\b/i.test(s.text),
  );
  for (const s of local) {
    // A process turnaround ("paid within 30 days", "answered within 4 hours") or a customer metric is not the program's.
    if (PROCESS_TURNAROUND.test(s.text) || (/\bcustomer (?:NPS|satisfaction|CSAT|churn)\b/i.test(s.text) && !/\bpartner/i.test(s.text))) continue;
    // The company's own economics ("Gross margin is 74%, and the fees still pay back within 12 months") are readiness, not a program metric.
    if (/\bgross margins?\b|\bpay(?:s)? back\b|\bpayback\b|\bunit economics\b|\bCAC\b/i.test(s.text)) continue;
    // Under a metrics heading, with a value and a time or bound, or in a list introduced as targets
    // ("Targets for the first year:"); the list's lead-in is looked up last, as it walks back.
    // A table whose header names its column of targets ("Measure | Target by the end of the pilot").
    const inTargets = (s.section?.inTopic('metrics') ?? false) || metricsTopic.has(s) || (!!s.unit.cells && TARGET_HEADER.test(s.unit.table?.header.join(' | ') ?? ''));
    const framed = () => TARGET_FRAME.test(s.text) && (s.percents.length > 0 || s.partnerCountMatches.length > 0 || statesTargetValue(s.text));
    if (!inTargets && !framed() && !(s.unit.list && /\btargets?\b|\bgoals?\b|\bKPIs?\b/i.test(ev.plan.listContext(s.unit)?.text ?? ''))) continue;
    // What a partner must bring to join or to hold a tier ("at least 50 customers") is a requirement, not the program's target.
    if (!inTargets && (s.section?.inTopic('recruiting') || s.section?.inTopic('tiers'))) continue;
    if (s.section?.inTopic('exitCriteria')) continue;
    return s;
  }
  return null;
}

const TARGET_HEADER = /\btargets?\b|\bgoals?\b|\bKPIs?\b/i;

/** What makes a number a target: a target word, a time to reach it, or a bound ("or better", "at least"). */
const TARGET_FRAME =
  /\b(?:targets?|goals?|aim|we want|reach|KPI|by (?:month|day|week|quarter|year|the end|end of|FY|H[12]|Q[1-4]|next)|within (?:the first|\d+|one|two|three|six|twelve)|in (?:year|month|quarter) (?:one|two|three|\d+)|in (?:the )?(?:first|second) (?:year|half|quarter)|or (?:higher|better|more|above)|at least|each (?:quarter|month|year)|(?:improve|grow|rise|increase)s? (?:from|to)|should (?:reach|convert|hit|exceed|stay|grow|be at)|(?:considered )?successful when|success (?:is|means))\b|[≥>]=?\s*[$£€]?\d|\bsuccess(?: criteria| metrics?| means| looks like)?\s*[=:]/i;
/** Dates and periods, whose numbers are when, not how much ("by the end of Q3", "day 90", "FY2"). */
const PERIOD_NUMBER = /\b(?:Q[1-4]|H[12]|FY ?\d{1,4}|(?:day|week|month|quarter|year) \d+|(?:19|20)\d\d)\b/gi;
/** A value the metric is to reach: money, a percentage, a ratio or a count. */
function statesTargetValue(text: string): boolean {
  return /[$£€]\s?\d|[≥>≤<]=?\s*\d|\b(?:\d+(?:[.,]\d+)?|one|two|three|four|five|ten) (?:million|thousand|billion) (?:euros?|dollars?|pounds?|USD|EUR|GBP)\b|\b(?:ten|twenty|thirty|forty|fifty|sixty|hundred|a hundred) (?:[\w-]+ ){0,2}(?:partners?|deals?|referrals?|customers?|resellers?|logos?|opportunit\w+|registrations?)\b|\d\s?(?:%|percent|per cent)|\b\d+(?:\.\d+)?\s?\/\s?\d+|\b\d+ (?:of|out of) (?:the )?\d+|\b\d+(?:[.,]\d+)?\s?[kKmM]\b|\b\d+\+?\s+(?:[\w-]+\s+){0,2}(?:partners?|deals?|referrals?|customers?|resellers?|logos?|opportunit\w+|registrations?)\b/.test(text.replace(PERIOD_NUMBER, ''));
}
/** A process turnaround: how fast something is paid, answered or approved. */
const PROCESS_TURNAROUND = /\b(?:paid|answered|responded|approved|reviewed|resolved|processed|reimbursed)\b[^.]{0,30}\bwithin\b/i;

/**
 * A row label that counts something partners bring, not partners: "Venues signed through pilot
 * partners", "Customers referred by partners", "Deals closed with resellers".
 */
function countsSomethingElse(label: string): boolean {
  const partner = ANY_PARTNER_WORD.exec(label);
  if (!partner) return false;
  return /\b(?:venues?|customers?|clients?|deals?|accounts?|logos?|stores?|sites?|opportunit(?:y|ies)|registrations?|referrals?|leads?|bookings|wins|sign-?ups?|installs?|seats?|users?|projects?|implementations?)\b(?:\s+[\w-]+){0,3}?\s+(?:through|from|by|via|with|per|of)\s+(?:[\w-]+\s+){0,2}$/i.test(label.slice(0, partner.index));
}
