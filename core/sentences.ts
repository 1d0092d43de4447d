/**
 * Sentences: a unit's text split into sentences, each with the numbers found in it and the
 * regular-expression tests asked of it, remembered while its piece of the document is unchanged.
 */
import {
  findDurations,
  findPartnerCounts,
  findPercents,
  timeFrameMonths,
  type CountMatch,
  type DurationMatch,
  type PercentMatch,
} from './numbers.js';
import type { Section } from './outline.js';
import type { Unit } from './units.js';

export class Sentence {
  constructor(
    readonly unit: Unit,
    readonly text: string,
    /** Index of the sentence in the unit's text. */
    readonly at: number,
  ) {}
  get start(): number {
    return this.unit.offsetAt(this.at);
  }
  get end(): number {
    return this.text.length ? this.unit.offsetAt(this.at + this.text.length - 1) + 1 : this.start;
  }
  get section(): Section | null {
    return this.unit.section;
  }
  /** Document offsets of a sub-range of the sentence text. */
  range(from: number, to: number): { start: number; end: number } {
    if (to <= from) return { start: this.unit.offsetAt(this.at + from), end: this.unit.offsetAt(this.at + from) };
    return { start: this.unit.offsetAt(this.at + from), end: this.unit.offsetAt(this.at + to - 1) + 1 };
  }
  private question?: boolean;
  get isQuestion(): boolean {
    return (this.question ??= /\?\s*$/.test(this.text));
  }
  /** Per regular expression id: 0 not tested yet, 1 no match, 2 match (kept in `hits`). Compact: most tests fail. */
  private tested?: Uint8Array;
  private hits?: Map<number, RegExpExecArray>;
  /**
   * `re.exec(text)`, remembered: sentences outlive edits elsewhere in the document (they are
   * cached with their piece), so a keystroke re-tests only the sentences it touched.
   * Use only with non-global regular expressions.
   */
  match(re: RegExp): RegExpExecArray | null {
    if (re.global || re.sticky) return re.exec(this.text);
    const id = regexId(re);
    let tested = this.tested;
    if (!tested || id >= tested.length) {
      const grown = new Uint8Array(Math.max(64, id + 32));
      if (tested) grown.set(tested);
      this.tested = tested = grown;
    }
    const state = tested[id];
    if (state === 1) return null;
    if (state === 2) return this.hits!.get(id)!;
    const m = re.exec(this.text);
    if (m) {
      (this.hits ??= new Map()).set(id, m);
      tested[id] = 2;
    } else tested[id] = 1;
    return m;
  }
  test(re: RegExp): boolean {
    return this.match(re) !== null;
  }
  private values?: Map<string, unknown>;
  /** A value computed from the sentence text alone, remembered like `match`. */
  private remember<T>(key: string, f: (text: string) => T): T {
    const values = (this.values ??= new Map());
    const known = values.get(key);
    if (known !== undefined || values.has(key)) return known as T;
    const value = f(this.text);
    values.set(key, value);
    return value;
  }
  /**
   * A value computed from the sentence and its unit alone (the contract of `PlanModel.select`),
   * remembered like `match`. Distinct computations need distinct keys.
   */
  memo<T>(key: string, f: () => T): T {
    const values = (this.values ??= new Map());
    const known = values.get(key);
    if (known !== undefined || values.has(key)) return known as T;
    const value = f();
    values.set(key, value);
    return value;
  }
  get percents(): PercentMatch[] {
    return this.remember('percents', findPercents);
  }
  get durations(): DurationMatch[] {
    return this.remember('durations', findDurations);
  }
  get partnerCountMatches(): CountMatch[] {
    return this.remember('counts', findPartnerCounts);
  }
  get timeFrameMonths(): number | null {
    return this.remember('months', timeFrameMonths);
  }
}

/** Ids by source, then by flags: the source string is the expression's own (its hash is kept), where a joined key would be built and hashed again on every call. */
const REGEX_IDS = new Map<string, Map<string, number>>();
const REGEX_OBJECT_IDS = new WeakMap<RegExp, number>();
let regexCount = 0;

const NON_GLOBAL = new WeakMap<RegExp, RegExp>();

/** `re` without its global and sticky flags; one object per global expression, so its id is found at once. */
export function nonGlobal(re: RegExp): RegExp {
  if (!re.global && !re.sticky) return re;
  let plain = NON_GLOBAL.get(re);
  if (!plain) NON_GLOBAL.set(re, (plain = new RegExp(re.source, re.flags.replace(/[gy]/g, ''))));
  return plain;
}

/** A stable number per regular expression source and flags (the same literal evaluated twice is two objects). */
export function regexId(re: RegExp): number {
  let id = REGEX_OBJECT_IDS.get(re);
  if (id === undefined) {
    // A literal inside a function is a new object each time it is evaluated: found by its source.
    let byFlags = REGEX_IDS.get(re.source);
    if (!byFlags) REGEX_IDS.set(re.source, (byFlags = new Map()));
    id = byFlags.get(re.flags);
    if (id === undefined) byFlags.set(re.flags, (id = regexCount++));
    REGEX_OBJECT_IDS.set(re, id);
  }
  return id;
}

// ---- sentences ---------------------------------------------------------------

const ABBREV = /(?:\b(?:e\.g|i\.e|etc|vs|approx|incl|no|nr|mr|mrs|ms|dr|st|inc|ltd|co|corp|min|max|avg|est|excl|ca|cf|fig|dept|mgmt|qty|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|u\.s|u\.k|a\.m|p\.m)\.)$/i;

/** A line that opens with a short capitalised label and a colon: "Reporting line: …", "Stage: …". */
const LABEL_LINE = /^[ \t]*[A-Z][\w'’()&/-]*(?: [\w'’()&/-]+){0,4}:[ \t]+\S/;

/** Splits a unit's text into sentences: at . ! ? followed by space and a capital/digit, and at line breaks in table-free units. */
export function splitSentences(u: Unit): void {
  const t = u.text;
  if (u.kind === 'tableRow' || u.kind === 'heading') {
    const lead = t.length - t.trimStart().length;
    const body = t.trim();
    if (body) u.sentences.push(new Sentence(u, body, lead));
    return;
  }
  let start = 0;
  const push = (end: number) => {
    const raw = t.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) u.sentences.push(new Sentence(u, body, start + lead));
  };
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (c === '.' || c === '!' || c === '?') {
      let j = i + 1;
      while (j < t.length && /["'”’)\]*_]/.test(t[j])) j++;
      if (j < t.length && !/\s/.test(t[j])) continue;
      let k = j;
      while (k < t.length && /\s/.test(t[k])) k++;
      if (k < t.length && !/[A-Z0-9"“'‘(*\u00C0-\u024F\u0370-\u1FFF\u2C00-\uFFFF]/.test(t[k])) continue;
      if (c === '.' && ABBREV.test(t.slice(Math.max(0, i - 6), i + 1))) continue;
      if (c === '.' && /\d$/.test(t.slice(0, i)) && /^\d/.test(t.slice(i + 1))) continue;
      push(j);
      start = k;
      i = k - 1;
    } else if (c === '\n' && (/^\s*\n/.test(t.slice(i + 1)) || LABEL_LINE.test(t.slice(i + 1, i + 60)))) {
      // A blank line ends a sentence, and so does the start of a labelled line: "Program owner: …"
      // over "Reporting line: …" are two statements, however the lines are written.
      push(i);
      start = i + 1;
    }
  }
  push(t.length);
}
