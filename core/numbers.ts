/**
 * Numbers as people write them in plans: `15%`, `15 %`, `12-18%`, `fifteen percent`,
 * `0.15` where the text says it is a rate; durations such as `48h`, `two business days`,
 * `90-day`, `six months`, `a quarter`; counts such as `six resellers`; money such as `$1.2M ARR`.
 * All positions are offsets into the string given.
 */
import { ANY_PARTNER } from './vocabulary.js';

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SMALL_WORD_SRC =
  '(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine)';
/** "one hundred and twenty", "two hundred", "a hundred fifty". */
const HUNDREDS_SRC = `(?:(?:a|one|two|three|four|five|six|seven|eight|nine)\\s+)?hundred(?:(?:\\s+and)?[\\s-]+${SMALL_WORD_SRC}\\b)?`;
const WORD_NUMBER_SRC =
  `(?:${HUNDREDS_SRC}|` + '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozen)';
const DIGITS_SRC = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
/** A number written with digits or in words. */
export const NUMBER_SRC = `(?:${DIGITS_SRC}|${WORD_NUMBER_SRC})`;

export function wordToNumber(word: string): number | null {
  const w = word.toLowerCase().trim();
  if (/^[\d,]+(\.\d+)?$/.test(w)) return Number(w.replace(/,/g, ''));
  const h = /^(?:(a|one|two|three|four|five|six|seven|eight|nine)\s+)?hundred(?:(?:\s+and)?[\s-]+(.+))?$/.exec(w.replace(/\s+/g, ' '));
  if (h) {
    const lead = !h[1] || h[1] === 'a' ? 1 : UNITS[h[1]];
    const rest = h[2] ? wordToNumber(h[2]) : 0;
    return rest === null ? null : lead * 100 + rest;
  }
  if (w === 'a dozen' || w === 'dozen') return 12;
  if (w in UNITS) return UNITS[w];
  if (w in TENS) return TENS[w];
  const m = /^(\w+)[- ](\w+)$/.exec(w);
  if (m && m[1] in TENS && m[2] in UNITS) return TENS[m[1]] + UNITS[m[2]];
  return null;
}

export interface NumberMatch {
  start: number;
  end: number;
  text: string;
}

export interface PercentMatch extends NumberMatch {
  min: number;
  max: number;
}

const RANGE_SEP = '\\s*(?:-|–|—|to)\\s*';
const PCT_SIGN = '\\s?(?:%|percents?\\b|per ?cents?\\b|pct\\b)';
/** A percentage with a decimal comma, as much of Europe writes it: "22,5 %". */
const DECIMAL_COMMA_SRC = '\\d{1,2},\\d{1,2}(?=\\s?(?:%|per ?cent))';
const PERCENT_RE = new RegExp(
  `(?<![\\w.,$£€])(${DECIMAL_COMMA_SRC}|${NUMBER_SRC})(?:${PCT_SIGN})?(?:${RANGE_SEP}(${DECIMAL_COMMA_SRC}|${NUMBER_SRC}))?${PCT_SIGN}`,
  'gi',
);
const RATE_RE = /\b(?:rate|share|margin|commission|fee|discount)\s*(?::|=|is|of)?\s+(?:of\s+)?(0\.\d+)\b(?!\s*%)|(?<![\w.])(0\.\d+)\s+of\s+(?:the\s+)?(?:first[- ]year |annual |year[- ]one |net )?(?:ACV|ARR|revenue|deal value|contract value|list(?: price)?)\b|(?<![\w.])(0\.\d+)\s+(?:(?:commission|margin|referral|fee|revenue[- ]share|payout|rebate)\s+)*rate\b/gi;

/** Percentages, ranges of them, and decimal rates the text calls a rate. */
/**
 * A share written as a fraction of the business: "one fifth of bookings", "a tenth of new ARR",
 * "half of new revenue". Only before "of" and a measure of the business, so "a quarter" stays a time.
 */
const SHARE_OF = String.raw`(?= of (?:[A-Z][\w-]*['’]s\s+)?(?:(?:our|all|the|total|new|net-new|net new|annual|company|first[- ]year|year[- ]one|net)\s+)*(?:revenue|bookings|ARR|MRR|ACV|sales|business|deals|pipeline|turnover|deal value|contract value|list(?: price)?)\b)`;
const FRACTION_RE = new RegExp(String.raw`\b(?:(a|one|two|three|four)[ -])?(half|halves|thirds?|quarters?|fifths?|tenths?)` + SHARE_OF, 'gi');
/** "1/4 of first-year ACV": a fraction in digits, before the same measures. */
const DIGIT_FRACTION_RE = new RegExp(String.raw`(?<![\w/.])([1-9])\/([2-9]|10)(?![\w/])` + SHARE_OF, 'gi');
const FRACTION_PARTS: Record<string, number> = { half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5, tenth: 10, tenths: 10 };

export function findPercents(s: string): PercentMatch[] {
  const out: PercentMatch[] = [];
  if (/half|third|quarter|fifth|tenth/i.test(s)) {
    FRACTION_RE.lastIndex = 0;
    for (let f: RegExpExecArray | null; (f = FRACTION_RE.exec(s)); ) {
      const n = !f[1] || /^(?:a|one)$/i.test(f[1]) ? 1 : wordToNumber(f[1]) ?? 1;
      const v = Math.round((n / FRACTION_PARTS[f[2].toLowerCase()]) * 1000) / 10;
      out.push({ start: f.index, end: f.index + f[0].length, text: f[0], min: v, max: v });
    }
  }
  if (s.includes('/')) {
    DIGIT_FRACTION_RE.lastIndex = 0;
    for (let f: RegExpExecArray | null; (f = DIGIT_FRACTION_RE.exec(s)); ) {
      const v = Math.round((Number(f[1]) / Number(f[2])) * 1000) / 10;
      if (v < 100) out.push({ start: f.index, end: f.index + f[0].length, text: f[0], min: v, max: v });
    }
  }
  if (!/%|percent|per cent|pct|0\.\d/i.test(s)) return out;
  PERCENT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PERCENT_RE.exec(s))) {
    const decimal = (x: string) => (/^\d{1,2},\d{1,2}$/.test(x) ? Number(x.replace(',', '.')) : wordToNumber(x));
    const a = decimal(m[1]);
    const b = m[2] !== undefined ? decimal(m[2]) : a;
    if (a === null || b === null) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], min: Math.min(a, b), max: Math.max(a, b) });
  }
  RATE_RE.lastIndex = 0;
  while ((m = RATE_RE.exec(s))) {
    const num = m[1] ?? m[2] ?? m[3];
    const v = Math.round(Number(num) * 10000) / 100;
    const start = m.index + m[0].indexOf(num);
    out.push({ start, end: start + num.length, text: num, min: v, max: v });
  }
  out.sort((x, y) => x.start - y.start);
  // "eight percent (8%)": the same number written out and then in digits is one percentage.
  return out.filter((p, i) => !(i > 0 && out[i - 1].min === p.min && out[i - 1].max === p.max && /^\s*\(\s*$/.test(s.slice(out[i - 1].end, p.start))));
}

export type DurationUnit = 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year';

export interface DurationMatch extends NumberMatch {
  /** Lower and upper bound in hours (a business day counts as 24 hours, as SLAs are quoted). */
  minHours: number;
  maxHours: number;
  unit: DurationUnit;
  business: boolean;
}

const HOURS: Record<DurationUnit, number> = {
  hour: 1,
  day: 24,
  week: 24 * 7,
  month: 24 * 30,
  quarter: 24 * 91,
  year: 24 * 365,
};

const UNIT_SRC = '(hours?|hrs?|h|days?|d|weeks?|wks?|w|fortnights?|months?|mos?|quarters?|years?|yrs?)';
const DURATION_RE = new RegExp(
  `(?<![\\w.$£€])(${NUMBER_SRC}|an?|one|half(?: a)?)(?:${RANGE_SEP}(${NUMBER_SRC}))?[\\s-]?(business|working|calendar|(?:full|whole|entire)(?=\\s))?[\\s-]?${UNIT_SRC}\\b`,
  'gi',
);
const HALF_YEAR_RE = /\bhalf[- ]year\b/gi;
/** "next business day", "2 BD": business days in the short forms people use. */
const NEXT_DAY_RE = /\b(?:the )?next (business|working)? ?day\b|\b(\d{1,3})\s?(?:BDs?|bd)\b/g;

function unitOf(u: string): DurationUnit {
  const x = u.toLowerCase();
  if (x.startsWith('h')) return 'hour';
  if (x.startsWith('d')) return 'day';
  if (x.startsWith('w') || x.startsWith('f')) return 'week';
  if (x.startsWith('q')) return 'quarter';
  if (x.startsWith('y')) return 'year';
  return 'month';
}

function amount(word: string): number | null {
  const w = word.toLowerCase();
  if (w === 'a' || w === 'an') return 1;
  if (w.startsWith('half')) return 0.5;
  return wordToNumber(w);
}

/** Durations: `48h`, `48 hours`, `2 business days`, `two days`, `90-day`, `a fortnight`, `6 months`, `a quarter`, `60-80 days`. */
const WORDS_THEN_DIGITS_RE = /\b[a-z]+(?:[- ][a-z]+)? \((\d{1,4})\)\s+((?:business|working|calendar)\s+)?(hours?|days?|weeks?|months?|years?)\b/gi;

export function findDurations(s: string): DurationMatch[] {
  const out: DurationMatch[] = [];
  if (!/h|day|week|wk|mo|quarter|year|yr|\d\s?[dw]\b|\dBD|\d BD/i.test(s)) return out;
  DURATION_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DURATION_RE.exec(s))) {
    const unitWord = m[4];
    // A bare 'h', 'd', 'w' or 'mo' only right after digits (48h, 90d), never after a word (`a h...`).
    if (/^(h|d|w|mos?)$/i.test(unitWord) && !/\d$/.test(m[2] ?? m[1])) continue;
    // "3D printing" is not three days: the short forms of days and weeks are lower case.
    if (/^[DW]$/.test(unitWord)) continue;
    // "twice a year", "three times a quarter", "once per month": how often, not how long.
    if (/^(?:a|an|per|each|every)\b/i.test(m[0]) && /\b(?:once|twice|thrice|(?:\d+|two|three|four|five|six|ten|twelve|several|many) times)\s+$/i.test(s.slice(Math.max(0, m.index - 20), m.index))) continue;
    const a = amount(m[1]);
    const b = m[2] !== undefined ? amount(m[2]) : a;
    if (a === null || b === null) continue;
    const unit = unitOf(unitWord);
    // A fortnight is two weeks.
    const f = HOURS[unit] * (/^f/i.test(unitWord) ? 2 : 1);
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      minHours: Math.min(a, b) * f,
      maxHours: Math.max(a, b) * f,
      unit,
      business: !!m[3] && /business|working/i.test(m[3]),
    });
  }
  NEXT_DAY_RE.lastIndex = 0;
  for (let n: RegExpExecArray | null; (n = NEXT_DAY_RE.exec(s)); ) {
    const days = n[2] ? Number(n[2]) : 1;
    out.push({ start: n.index, end: n.index + n[0].length, text: n[0], minHours: days * 24, maxHours: days * 24, unit: 'day', business: !!n[1] || !!n[2] });
  }
  // A number written out and then in digits, as contracts do: "ninety (90) days".
  WORDS_THEN_DIGITS_RE.lastIndex = 0;
  for (let w: RegExpExecArray | null; (w = WORDS_THEN_DIGITS_RE.exec(s)); ) {
    if (out.some((d) => d.start <= w!.index + w![0].length && d.end > w!.index)) continue;
    // "within two (2) business days": the duration starts at the number word, not at "within".
    const words = w[0].slice(0, w[0].indexOf(' ('));
    const first = words.split(/[- ]/)[0];
    if (words !== first && wordToNumber(first) === null) {
      const skip = first.length + 1;
      w = Object.assign([w[0].slice(skip), w[1], w[2], w[3]], { index: w.index + skip, input: w.input }) as RegExpExecArray;
    }
    const unit = unitOf(w[3]);
    const hours = Number(w[1]) * HOURS[unit];
    out.push({ start: w.index, end: w.index + w[0].length, text: w[0], minHours: hours, maxHours: hours, unit, business: !!w[2] && /business|working/i.test(w[2]) });
  }
  HALF_YEAR_RE.lastIndex = 0;
  while ((m = HALF_YEAR_RE.exec(s))) {
    if (out.some((d) => d.start <= m!.index && d.end > m!.index)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], minHours: 24 * 182, maxHours: 24 * 182, unit: 'month', business: false });
  }
  return out.sort((x, y) => x.start - y.start);
}

export interface CountMatch extends NumberMatch {
  min: number;
  max: number;
  /** The noun right after the number ("resellers", "partner logos"). */
  noun: string;
}

const COUNT_RE = new RegExp(
  `(?<![\\w.$£€%-])(${NUMBER_SRC})(?:\\+)?(?:${RANGE_SEP}(${NUMBER_SRC}))?\\s+["“']?((?:(?!(?:and|or|with|in|of|from|to|per|each|for|the|who|that|at|on|by|a|an|through|via|across|among|is|are|was|were|be|been|has|have|had|will|can|may|must|endpoints?|seats?|users?|employees?|clients?|customers?|accounts?|devices?|licen[cs]es?|locations?|sites?|tickets?|trials?|days?|weeks?|months?|years?|hours?|deals?|lawyers?|beds?|stores?)\\b)[A-Za-z][\\w-]*\\s+){0,3})(${ANY_PARTNER}|practices|alliances?|vendors?|logos?|companies|providers?|organi[sz]ations)\\b`,
  'gi',
);

/** Partner counts: `six resellers`, `45 referring firms`, `22 partner logos`, `5-10 partners`. */
/** "Active MSPs (deal in last 2 qtrs): 55": a label whose last word names partners, and a bare number. */
const LABELLED_COUNT = new RegExp(String.raw`^\W*((?:[\w-]+ ){0,3}(${ANY_PARTNER}))(?: \([^)]{0,60}\))?\s*:\s*(\d{1,6})\+?\s*$`, 'i');

/**
 * A label naming partners, then the count: "Active MSPs target: 40", "Partner count goal — 75 by
 * month 36", "Active referral partners (≥1 referral per quarter): 30 by month 24".
 */
const LABELLED_TARGET_COUNT = new RegExp(
  String.raw`^\W*((?:[\w-]+ ){0,4}?(${ANY_PARTNER})(?: (?:count|target|goal|number|total|signed|active|recruited|onboarded))*)(?: \([^)]{0,60}\))?\s*(?::|—|–| - |,\s*(?:year|month) [\w-]+:)\s*(\d{1,5})\+?(?![\d.,%])(?:\s+(?:active|partners?|in total))?(?:\s+(?:by|within|in|at|over|before)\b[^.]{0,40})?\s*\.?\s*$`,
  'i',
);

export function findPartnerCounts(s: string): CountMatch[] {
  const out: CountMatch[] = [];
  const labelled = LABELLED_COUNT.exec(s) ?? LABELLED_TARGET_COUNT.exec(s);
  if (labelled) {
    const n = Number(labelled[3]);
    const start = s.indexOf(labelled[3], labelled.index + labelled[1].length);
    return [{ start, end: start + labelled[3].length, text: labelled[3], min: n, max: n, noun: labelled[1].toLowerCase() }];
  }
  COUNT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COUNT_RE.exec(s))) {
    const a = wordToNumber(m[1]);
    const b = m[2] !== undefined ? wordToNumber(m[2]) : a;
    if (a === null || b === null) continue;
    // Skip money and percentages that only look like counts.
    const after = s.slice(m.index + m[1].length, m.index + m[1].length + 2);
    if (/^\s?%/.test(after)) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      min: Math.min(a, b),
      max: Math.max(a, b),
      noun: (m[3] + m[4]).toLowerCase(),
    });
  }
  return out;
}

export interface MoneyMatch extends NumberMatch {
  value: number;
}

const MONEY_RE = /(?:[$£€]|\b(?:USD|EUR|GBP|CHF|CAD|AUD)\s?)\s?(\d+(?:[.,]\d+)*)\s?(k|m|mm|bn|b|thousand|million|billion)?\b/gi;

/** Money with its currency written after the number: "15 euro", "4,800 CHF", "200 dollars". */
const MONEY_AFTER_RE = /(?<![\w.,])(\d+(?:[.,]\d+)*)\s?(k|m|thousand|million)?\s?(?:euros?|dollars?|pounds?|francs?|USD|EUR|GBP|CHF)\b/gi;

export function findMoney(s: string): MoneyMatch[] {
  const out: MoneyMatch[] = [];
  MONEY_AFTER_RE.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = MONEY_AFTER_RE.exec(s)); ) {
    let v = Number(m[1].replace(/,/g, ''));
    const suf = (m[2] ?? '').toLowerCase();
    if (suf === 'k' || suf === 'thousand') v *= 1e3;
    else if (suf === 'm' || suf === 'million') v *= 1e6;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], value: v });
  }
  MONEY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MONEY_RE.exec(s))) {
    let v = Number(m[1].replace(/,/g, ''));
    const suf = (m[2] ?? '').toLowerCase();
    if (suf === 'k' || suf === 'thousand') v *= 1e3;
    else if (suf === 'm' || suf === 'mm' || suf === 'million') v *= 1e6;
    else if (suf === 'b' || suf === 'bn' || suf === 'billion') v *= 1e9;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], value: v });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Parses a money value written in front matter (`1200000`, `"$1.2M"`, `1.2m`). */
export function parseMoneyValue(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v !== 'string') return null;
  const m = /^\s*[$£€]?\s?(\d+(?:[.,]\d+)*)\s?(k|m|mm|bn|b|thousand|million|billion)?\s*$/i.exec(v);
  if (!m) return null;
  return findMoney('$' + m[1] + (m[2] ?? ''))[0]?.value ?? null;
}

const TF_MONTH = /\bmonths?[\s-]+(\d{1,3})\b(?!\s*-\s*\d)/i;
const TF_MONTH_RANGE = /\bmonths?\s+\d{1,3}\s*[-–]\s*(\d{1,3})\b/i;
const TF_IN_MONTHS = new RegExp(`\\b(?:in|within|by|after|over)\\s+(?:the\\s+(?:next|first)\\s+)?(${NUMBER_SRC})\\s+months?\\b`, 'i');
const TF_N_MONTHS = /\b(\d{1,3})[\s-]months?\b/i;
const TF_CONTEXT = /\b(by|within|in|after|over|goals?|targets?)\b/i;
const TF_ORDINAL_YEAR = /\b(?:the\s+)?(first|second|third|fourth|fifth|sixth)\s+year\b/i;
const TF_YEAR_N = new RegExp(`\\b(?:year|yr)[\\s-]+(${NUMBER_SRC})\\b`, 'i');
const TF_IN_YEARS = new RegExp(`\\b(?:in|within|by|after|over)\\s+(?:the\\s+(?:next|first)\\s+)?(${NUMBER_SRC}|a|one)\\s+years?\\b`, 'i');
const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'];

/** Months from a time frame phrase: "by month 30", "month-24", "within the first year", "in 18 months", "year 2", "Q4 of year 1". */
/**
 * A look-back window: "(closed a deal) in the last 12 months", "over the past two years", "trailing
 * 12 months". It says what a measure counts, not by when a target is due or how long a pilot runs
 * ("the pilot will last 45 days" is a length: "last" there is a verb).
 */
export const LOOK_BACK_BEFORE = /\b(?:(?:the|its|their|our) (?:last|past|previous|preceding)|(?:the )?(?:trailing|rolling))\s*$/i;
const LOOK_BACK_WINDOW = new RegExp(`\\b(?:(?:the|its|their|our) (?:last|past|previous|preceding)|(?:the )?(?:trailing|rolling))\\s+(?:${NUMBER_SRC}\\s+|an?\\s+)?(?:months?|years?|quarters?|weeks?|days?)\\b`, 'gi');

export function timeFrameMonths(s: string): number | null {
  if (!/month|year|yr/i.test(s)) return null;
  s = s.replace(LOOK_BACK_WINDOW, ' ');
  let m = TF_MONTH.exec(s);
  if (m) return Number(m[1]);
  m = TF_MONTH_RANGE.exec(s);
  if (m) return Number(m[1]);
  m = TF_IN_MONTHS.exec(s);
  if (m) return wordToNumber(m[1]);
  m = TF_N_MONTHS.exec(s);
  if (m && TF_CONTEXT.test(s)) return Number(m[1]);
  m = TF_ORDINAL_YEAR.exec(s);
  if (m) return 12 * ORDINALS.indexOf(m[1].toLowerCase()) + 12;
  m = TF_YEAR_N.exec(s);
  if (m) {
    const y = wordToNumber(m[1]);
    if (y !== null && y > 0 && y < 50) return y * 12;
  }
  m = TF_IN_YEARS.exec(s);
  if (m) {
    const y = m[1].toLowerCase() === 'a' ? 1 : wordToNumber(m[1]);
    if (y !== null) return y * 12;
  }
  return null;
}
