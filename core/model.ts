/**
 * The plan model: what the markdown says, as a partner-program plan.
 *
 * Blocks become *units* (a heading, a paragraph, a table row) with their plain
 * text and a map back to document offsets; units are split into *sentences*;
 * headings form *sections*, each mapped to the topics it covers (deal
 * registration, tiers, MDF, ...) and the archetype it names. Document-level
 * facts (front matter, archetypes, stage, title) sit on the model too.
 */
import { LineIndex } from './text.js';
import { parsePieces, parsePieceText, type PieceCache } from './parse.js';
import type { Archetype, Span, Stage } from './types.js';
import { ARCHETYPES } from './types.js';
import { ARCHETYPE_WORDS, detectArchetypes, withoutContrasts } from './archetypes.js';
import { detectStage } from './stage.js';
import { readFrontMatter, type FrontMatter } from './front-matter.js';
import { extractPiece, type PieceExtract } from './extract.js';
import { HISTORY_HEADING, headingTopics, NOT_PLANNED_HEADING, othersHeading, Section, type Topic } from './outline.js';
import { GOAL_NOT_STATE, isHedged, isStatement } from './language.js';
import { aboutAnotherCompany } from './vocabulary.js';
import { QUESTION_START, ANSWER_START } from './structure.js';
import { nonGlobal, regexId, type Sentence } from './sentences.js';
import type { Unit } from './units.js';

export interface ModelOptions {
  synonyms?: Partial<Record<Topic, string[]>>;
  cache?: PieceCache;
  /** `performance.now()` value after which building stops with a `DeadlineExceeded`. */
  deadline?: number;
}

/** Thrown when an analysis runs past its time budget. */
export class DeadlineExceeded extends Error {}

/** An answer that says no: "No.", "Not any more.", "We don't have any yet.", "None so far." */
const NEGATIVE_ANSWER = /^\W*(?:no\b|not\b|nope\b|none\b|never\b|nothing\b|we (?:don't|do not|haven't|have not)\b|there (?:is|are) no\b)/i;

/** The front matter read from a piece, by the piece's extract and its offset in the document. */
const frontMatterRead = new WeakMap<PieceExtract, { base: number; fm: FrontMatter }>();

export class PlanModel {
  readonly lines: LineIndex;
  units: Unit[] = [];
  /** Every sentence, in document order (gathered from the units when first asked). */
  get sentences(): Sentence[] {
    return (this.everySentence ??= this.units.flatMap((u) => u.sentences));
  }
  private everySentence?: Sentence[];
  sections: Section[] = [];
  /** The pseudo-section holding everything before the first heading. */
  root: Section;
  frontMatter: FrontMatter | null = null;
  htmlComments: Array<{ value: string; start: number; end: number }> = [];
  /** Pieces that were not parsed (markdown the parser would take too long on): document offsets and why. */
  notAnalysed: Array<{ start: number; end: number; reason: string }> = [];
  titleUnit: Unit | null = null;
  archetypes: Archetype[] = [];
  archetypeSource: 'frontmatter' | 'text' | 'none' = 'none';
  stage: Stage | null = null;
  stageSource: 'frontmatter' | 'text' | 'none' = 'none';
  /** What the model read from each piece, in document order (shared with the piece cache). */
  private readonly extracts: PieceExtract[] = [];
  private readonly selected = new Map<string, QueryAnswer>();
  /**
   * The previous version of the document (from the piece cache): its pieces' extracts and its
   * answers, and how many of its first and last pieces this version shares (the same extracts).
   */
  private readonly previous: { answers: Map<string, QueryAnswer>; head: number; tail: number } | null = null;
  /** Whether any section is about the past (so that statements need filtering). */
  private hasHistory = false;
  /**
   * Where the document's last piece starts. Pieces are cut only where no fence or HTML block is
   * open, so what is still open at the end of the document is found by reading from here.
   */
  readonly lastPieceStart: number = 0;

  constructor(
    readonly text: string,
    options: ModelOptions = {},
  ) {
    this.root = new Section(null, '', 0, null);
    const pieces = parsePieces(text, options.cache, options.deadline, extractPiece);
    // Line starts, from each piece's line breaks (no second scan of the text).
    const starts = [0];
    for (const piece of pieces) for (const b of piece.entry.breaks) starts.push(piece.start + b);
    this.lines = new LineIndex(text, starts);
    const stack: Section[] = [this.root];
    // How many times each extract has been placed so far: a repeated piece's later copies have their own.
    const used = new Map<PieceExtract, number>();
    for (const piece of pieces) {
      if (options.deadline !== undefined && performance.now() > options.deadline) throw new DeadlineExceeded('time budget exceeded');
      let extract = piece.entry.extract as PieceExtract | undefined;
      if (!extract) {
        extract = extractPiece(piece.text, piece.nodes);
        piece.entry.extract = extract;
        // The tree is no longer needed: what the model read from it is kept instead.
        piece.entry.nodes = [];
      }
      const seen = used.get(extract) ?? 0;
      used.set(extract, seen + 1);
      if (seen > 0) {
        // The same text twice in one document (a repeated section): its units are placed in the
        // document, so the second copy needs units of its own, kept with the piece for the next version.
        const copies = (piece.entry.copies ??= []) as PieceExtract[];
        extract = copies[seen - 1] ??= extractPiece(piece.text, parsePieceText(piece.text));
      }
      if (piece.pathology) this.notAnalysed.push({ start: piece.start, end: piece.start + piece.text.length, reason: piece.pathology });
      this.extracts.push(extract);
      this.assemble(extract, piece.start, stack);
      this.lastPieceStart = piece.start;
    }
    if (options.cache) {
      const last = options.cache.lastModel as { extracts: PieceExtract[]; answers: Map<string, QueryAnswer> } | undefined;
      if (last) this.previous = { answers: last.answers, ...sharedEnds(last.extracts, this.extracts) };
      options.cache.lastModel = { extracts: this.extracts, answers: this.selected };
    }
    this.classifySections(options.synonyms ?? {});
    this.archetypes = detectArchetypes(this);
    this.stage = detectStage(this);
  }

  // ---- building ----------------------------------------------------------

  /** Places a piece's units in the document: offsets, sections, title. */
  private assemble(x: PieceExtract, base: number, stack: Section[]): void {
    if (x.yaml) {
      // Read once per cached piece: the front matter does not change while its piece is reused.
      const known = frontMatterRead.get(x);
      this.frontMatter = known?.base === base ? known.fm : readFrontMatter(x.yaml.value, base + x.yaml.start, base + x.yaml.end);
      if (known?.base !== base) frontMatterRead.set(x, { base, fm: this.frontMatter });
    }
    for (const c of x.html) this.htmlComments.push({ value: c.value, start: base + c.start, end: base + c.end });
    for (const unit of x.units) {
      unit.base = base;
      if (unit.kind === 'heading') {
        while (stack.length > 1 && stack[stack.length - 1].depth >= unit.depth) stack.pop();
        const parent = stack[stack.length - 1];
        const section = new Section(unit, unit.text, unit.depth, parent);
        parent.children.push(section);
        this.sections.push(section);
        stack.push(section);
        unit.section = section;
        // The title: the first heading when it opens the document (a few lines of metadata may come
        // first), or the first top-level heading wherever it is. A section heading after the prose
        // of a document with no title (a section added at its end) is not its title.
        if (!this.titleUnit && unit.depth <= 6 && (unit.depth === 1 || this.units.length <= 4)) this.titleUnit = unit;
      } else {
        unit.section = stack[stack.length - 1];
        unit.section.units.push(unit);
      }
      unit.index = this.units.length;
      this.units.push(unit);
    }
  }


  private classifySections(synonyms: Partial<Record<Topic, string[]>>): void {
    const extra = (Object.entries(synonyms) as Array<[Topic, string[]]>).map(([topic, words]) => [topic, words?.map((w) => w.toLowerCase())] as const);
    // Sections come in document order: a parent's history is known before its subsections'.
    for (const s of this.sections) {
      const title = s.title;
      // The heading's sentence remembers what its words say across edits elsewhere.
      const heading = s.heading?.sentences[0];
      const read = heading ? heading.memo('headingReading', () => readHeading(heading.text)) : readHeading(title);
      for (const topic of read.topics) s.topics.add(topic);
      if (extra.length) {
        const t = title.toLowerCase();
        for (const [topic, words] of extra) if (words?.some((w) => w && t.includes(w))) s.topics.add(topic);
      }
      // "Registering a referral" is deal registration, not economics; "Pricing protection" is not tiers.
      if (s.topics.has('pricingProtection')) s.topics.delete('economics');
      if (s.topics.has('faq')) s.topics.delete('team');
      s.named = read.named;
      // History is not the plan, nor is a list of what it will not do or what other companies do: a
      // section whose heading marks one of them, and everything under it.
      const past = heading && heading.text === title ? read.past : pastTitle(title) || NOT_PLANNED_HEADING.test(title) || othersHeading(title);
      s.history = (s.parent?.history ?? false) || (s.heading !== this.titleUnit && past);
    }
    this.hasHistory = this.sections.some((s) => s.history);
    // The title heading names the plan, not a section topic.
    const title = this.titleUnit?.section;
    if (title && title.depth === 1 && this.sections.filter((x) => x.depth === 1).length === 1) title.topics.clear();
  }


  // ---- queries -----------------------------------------------------------

  /**
   * The sentences for which `test` holds, in document order. `test` may read only the sentence
   * and its own unit (text, kind, label, cells, list, table) and the title of its section, all of
   * which stay within the sentence's piece: the answer is kept with the piece and reused for as
   * long as the piece's text is unchanged, so a keystroke re-tests one piece. One key, one test.
   */
  select(key: string, test: (s: Sentence) => boolean): Sentence[] {
    return this.query(key, test, null);
  }

  /**
   * `select` over the sentences of each piece, or over a piece's answer to `within` (a query
   * already asked, such as the statements), so that a narrower question tests fewer sentences.
   */
  private query(key: string, test: (s: Sentence) => boolean, within: number | null): Sentence[] {
    const known = this.selected.get(key);
    if (known) return known.out;
    const out: Sentence[] = [];
    const id = answerId(key);
    const n = this.extracts.length;
    const ends = new Int32Array(n);
    // The pieces this version shares with the previous one at its start and end: their hits are
    // the previous answer's, copied in one go rather than gathered piece by piece.
    const prev = this.previous?.answers.get(key);
    const head = prev ? this.previous!.head : 0;
    const tail = prev ? this.previous!.tail : 0;
    if (prev && head > 0) {
      const upto = prev.ends[head - 1];
      for (let k = 0; k < upto; k++) out.push(prev.out[k]);
      ends.set(prev.ends.subarray(0, head));
    }
    for (let i = head; i < n - tail; i++) {
      const x = this.extracts[i];
      const answers = (x.answers ??= []);
      let hits = answers[id] as Sentence[] | undefined;
      if (!hits) {
        let found: Sentence[] | undefined;
        if (within === null) {
          for (const u of x.units) for (const s of u.sentences) if (test(s)) (found ??= []).push(s);
        } else {
          for (const s of answers[within] as Sentence[]) if (test(s)) (found ??= []).push(s);
        }
        // Exact-size copies: arrays grown by push keep spare room, and pieces keep their answers.
        answers[id] = hits = found ? found.slice() : NONE;
      }
      for (let k = 0; k < hits.length; k++) out.push(hits[k]);
      ends[i] = out.length;
    }
    if (prev && tail > 0) {
      const from = prev.ends.length - tail;
      const start = from > 0 ? prev.ends[from - 1] : 0;
      const shift = out.length - start;
      for (let k = start; k < prev.out.length; k++) out.push(prev.out[k]);
      for (let j = 0; j < tail; j++) ends[n - tail + j] = prev.ends[from + j] + shift;
    }
    this.selected.set(key, { out, ends });
    return out;
  }

  /** The units for which `test` holds, in document order; the contract of `select`. */
  selectUnits(key: string, test: (u: Unit) => boolean): Unit[] {
    const out: Unit[] = [];
    for (const hits of this.perPiece(`units:${key}`, (units) => units.filter(test))) for (const u of hits) out.push(u);
    return out;
  }

  /** Statements (prose that is neither a heading nor a question) for which `test` holds; see `select`. */
  statements(key: string, test?: (s: Sentence) => boolean): Sentence[] {
    const all = this.query('statements', isStatement, null);
    return this.withoutHistory(test ? this.query(`statement:${key}`, test, answerId('statements')) : all);
  }

  /**
   * The sentences that state what the plan does: those in sections about the past are left out
   * (spec, "History is not the plan"; past-tense reports are not statements at all).
   */
  withoutHistory(sentences: Sentence[]): Sentence[] {
    if (!this.hasHistory) return sentences;
    let out = this.present.get(sentences);
    if (!out) {
      out = sentences.filter((s) => !s.section?.history);
      this.present.set(sentences, out);
    }
    return out;
  }
  private readonly present = new WeakMap<Sentence[], Sentence[]>();

  /**
   * One value per piece, computed from the piece's units alone (the contract of `select`) and
   * kept with the piece; in document order.
   */
  perPiece<T>(key: string, compute: (units: readonly Unit[]) => T): T[] {
    const id = answerId(key);
    return this.extracts.map((x) => {
      const answers = (x.answers ??= []);
      if (answers[id] === undefined) answers[id] = compute(x.units);
      return answers[id] as T;
    });
  }

  /**
   * `perPiece` for a computation that also reads a string the plan gives elsewhere (a name): each
   * piece keeps its value for the last string asked.
   */
  perPieceWith<T>(key: string, arg: string, compute: (units: readonly Unit[], arg: string) => T): T[] {
    const id = answerId(key);
    return this.extracts.map((x) => {
      const answers = (x.answers ??= []);
      let kept = answers[id] as { arg: string; value: T } | undefined;
      if (kept === undefined || kept.arg !== arg) answers[id] = kept = { arg, value: compute(x.units, arg) };
      return kept.value;
    });
  }

  /**
   * `perPiece` for a value that also reads what surrounds the piece (the headings its sections sit
   * under, what the plan is about): `context(units)` says all of that as a string, and the value is
   * kept with the piece for as long as its units and that string are unchanged.
   */
  perPieceInContext<T>(key: string, context: (units: readonly Unit[], piece: number) => string, compute: (units: readonly Unit[], piece: number) => T): T[] {
    const id = answerId(key);
    return this.extracts.map((x, i) => {
      const answers = (x.answers ??= []);
      const said = context(x.units, i);
      let kept = answers[id] as { said: string; value: T } | undefined;
      if (kept === undefined || kept.said !== said) answers[id] = kept = { said, value: compute(x.units, i) };
      return kept.value;
    });
  }

  /** Statements in which `re` matches (a global or sticky flag is ignored); see `select`. */
  matching(re: RegExp): Sentence[] {
    const plain = nonGlobal(re);
    return this.statements(`re${regexId(plain)}`, (s) => s.test(plain));
  }

  /**
   * Sentences in which `re` matches, past reports and history included: what the company is (its
   * margins, its sales cycle) is evidence whenever it was measured. Headings and questions are not,
   * nor a goal still to reach or another company's figures.
   */
  facts(re: RegExp): Sentence[] {
    const plain = nonGlobal(re);
    return this.select(
      `fact${regexId(plain)}`,
      (s) => s.unit.kind !== 'heading' && !s.isQuestion && s.test(plain) && !GOAL_NOT_STATE.test(s.text) && !s.memo('aboutAnotherCompany', () => aboutAnotherCompany(s.text)),
    );
  }

  /**
   * The question an answer replies to, in FAQ pairs ("Q: How big is the pilot?" / "A: 45 days with
   * 3 ISVs."): the sentence before an answer, in its unit or the unit before, when it is a question.
   */
  questionFor(s: Sentence): Sentence | null {
    const i = s.unit.sentences.indexOf(s);
    // "Two MSPs on one opportunity? Commission is shared …": a question answered in the same paragraph.
    if (!ANSWER_START.test(s.text)) return i > 0 && s.unit.sentences[i - 1].isQuestion ? s.unit.sentences[i - 1] : null;
    const prev = i > 0 ? s.unit.sentences[i - 1] : this.units[s.unit.index - 1]?.sentences.at(-1);
    return prev && (prev.isQuestion || QUESTION_START.test(prev.text)) ? prev : null;
  }

  /**
   * FAQ answers read with their question ("Q: When do I get paid?" / "A: Monthly, by bank
   * transfer."): the answers for which `read` holds of the question and the answer together.
   */
  answersWith(key: string, read: (text: string) => boolean): Sentence[] {
    const answers = this.statements(`answers`, (s) => ANSWER_START.test(s.text) || (s.unit.sentences.indexOf(s) > 0 && s.unit.sentences[s.unit.sentences.indexOf(s) - 1].isQuestion));
    let out = this.answered.get(key);
    if (!out) {
      out = answers.filter((a) => {
        const q = this.questionFor(a);
        const answer = a.text.replace(ANSWER_START, '');
        // "Not any more.", "We don't have any yet.": the answer denies what the question names.
        if (!q || NEGATIVE_ANSWER.test(answer) || isHedged(answer)) return false;
        return read(`${q.text} ${answer}`);
      });
      this.answered.set(key, out);
    }
    return out;
  }
  private readonly answered = new Map<string, Sentence[]>();

  /**
   * The list item a nested item sits under ("- **If an opportunity exists**" / "  - Ops denies the
   * registration"): a nested item is read under its parent's condition. Null for top-level items.
   */
  parentItem(u: Unit): Unit | null {
    if (!u.list || u.list.depth === 0) return null;
    for (let i = u.index - 1, steps = 0; i >= 0 && steps < 200; i--, steps++) {
      const p = this.units[i];
      if (!p.list || p.section !== u.section) return null;
      if (p.list.depth < u.list.depth) return p;
    }
    return null;
  }

  /**
   * The paragraph that introduces a list ("After the pilot we want to move fast. Targets for the
   * first year:"): a list is read under its lead-in. Null when the list has none in its section.
   */
  leadIn(u: Unit): Unit | null {
    if (!u.list) return null;
    let i = u.index - 1;
    // A list's items share their lead-in: each run of list units is walked once per model.
    const walked: number[] = [];
    for (let steps = 0; i >= 0 && steps < 500 && this.units[i].list && this.units[i].section === u.section; i--, steps++) {
      const hit = this.leadIns.get(i);
      if (hit !== undefined) return this.remember(walked, hit);
      walked.push(i);
    }
    const p = this.units[i];
    return this.remember(walked, p && !p.list && p.kind === 'paragraph' && p.section === u.section ? p : null);
  }

  private readonly leadIns = new Map<number, Unit | null>();
  private remember(walked: number[], leadIn: Unit | null): Unit | null {
    for (const i of walked) this.leadIns.set(i, leadIn);
    return leadIn;
  }

  /** What a list item is read under: its parent item, else the list's lead-in paragraph. */
  listContext(u: Unit): Unit | null {
    return this.parentItem(u) ?? this.leadIn(u);
  }

  /** Sentences in document order (for merging the results of several queries). */
  inOrder(sentences: Iterable<Sentence>): Sentence[] {
    // Callers pass lists already in order, one after the other: the runs in document order are
    // merged, and a sentence met again (the same place in the document) is kept once.
    const all = Array.isArray(sentences) ? (sentences as Sentence[]) : [...sentences];
    let runs: Sentence[][] = [];
    let run: Sentence[] = [];
    for (const s of all) {
      const last = run.length ? run[run.length - 1] : null;
      if (last === s) continue;
      if (last && before(s, last)) {
        runs.push(run);
        run = [];
      }
      run.push(s);
    }
    runs.push(run);
    while (runs.length > 1) {
      const merged: Sentence[][] = [];
      for (let k = 0; k + 1 < runs.length; k += 2) merged.push(mergeRuns(runs[k], runs[k + 1]));
      if (runs.length % 2) merged.push(runs[runs.length - 1]);
      runs = merged;
    }
    return runs[0];
  }

  span(start: number, end: number): Span {
    return this.lines.span(start, end);
  }

  /** Where whole-plan findings sit: the first heading, else line 1. */
  titleSpan(): Span {
    if (this.titleUnit) {
      const l = this.lines.lineOf(this.titleUnit.start);
      return this.lines.lineSpan(l);
    }
    const first = this.frontMatter ? this.lines.lineOf(this.frontMatter.end) + 1 : 0;
    return this.lines.lineSpan(Math.min(first, this.lines.lineCount - 1));
  }

  sentenceSpan(s: Sentence): Span {
    return this.span(s.start, s.end);
  }

  unitSpan(u: Unit): Span {
    return this.span(u.start, u.end);
  }

  /** The heading line of a section (or the title when the section is the root). */
  headingSpan(s: Section): Span {
    return s.heading ? this.unitSpan(s.heading) : this.titleSpan();
  }

  sectionsWith(topic: Topic): Section[] {
    let found = this.withTopic.get(topic);
    if (!found) this.withTopic.set(topic, (found = this.sections.filter((s) => s.topics.has(topic))));
    return found.slice();
  }
  private readonly withTopic = new Map<Topic, Section[]>();

  /** Sentences (not headings) of the whole plan, optionally only those outside questions. */
  prose(): Sentence[] {
    return this.sentences.filter((s) => s.unit.kind !== 'heading');
  }

  /** Archetypes a sentence speaks about: named in it, else its nearest heading naming one, else the plan's only one. */
  archetypesOf(s: Sentence, options: { textOnly?: boolean } = {}): Archetype[] {
    const words = s.memo('archetypeWords', () => {
      const said = s.unit.kind === 'tableRow' ? s.unit.text : s.unit.label && !s.text.startsWith(s.unit.label) ? `${s.unit.label}: ${s.text}` : s.text;
      const text = withoutContrasts(said);
      return { named: ARCHETYPES.filter((a) => ARCHETYPE_WORDS[a].test(text)), alliance: /\bstrategic\b|\balliances?\b|\bco-?sell/i.test(text) };
    });
    // Brand names count for `strategic` only when the plan is about an alliance with them.
    const named = words.named.filter((a) => a !== 'strategic' || words.alliance || this.archetypes.includes('strategic'));
    if (named.length) return named;
    if (options.textOnly) return [];
    const heading = s.section ? this.namingHeading(s.section) : null;
    if (heading) return [...heading.named];
    return this.archetypes.length === 1 ? [...this.archetypes] : [];
  }

  /** The archetypes the nearest heading naming any names for a sentence of this section (see `archetypesOf`), or null. */
  headingArchetypes(section: Section): readonly Archetype[] | null {
    return this.namingHeading(section)?.named ?? null;
  }

  /** The nearest section (this one or one it sits in, not the title's) whose heading names archetypes; found once per section. */
  private namingHeading(section: Section): Section | null {
    let found = this.naming.get(section);
    if (found === undefined) {
      found = section.chain().find((sec) => sec.named.length && sec !== this.titleUnit?.section) ?? null;
      this.naming.set(section, found);
    }
    return found;
  }
  private readonly naming = new Map<Section, Section | null>();

}

/** What a heading's words say: the topics and archetypes it names, and whether it is about the past. */
function readHeading(text: string): { topics: Topic[]; named: Archetype[]; past: boolean } {
  return { topics: headingTopics(text), named: ARCHETYPES.filter((a) => ARCHETYPE_WORDS[a].test(text)), past: pastTitle(text) || NOT_PLANNED_HEADING.test(text) || othersHeading(text) };
}

/** "Q3 results" is history; "Q3 review and Q4 plan" also looks ahead. */
function pastTitle(title: string): boolean {
  return HISTORY_HEADING.test(title) && !/\bplan\b|\bnext\b|\bgoing forward\b/i.test(title);
}

/** `a` comes before `b` in the document. */
function before(a: Sentence, b: Sentence): boolean {
  return a.unit.index < b.unit.index || (a.unit.index === b.unit.index && a.at < b.at);
}

/** Two lists in document order merged into one, a sentence in both kept once. */
function mergeRuns(a: readonly Sentence[], b: readonly Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (before(x, y)) {
      out.push(x);
      i++;
    } else {
      out.push(y);
      j++;
    }
  }
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

// ---- answers kept with each piece ---------------------------------------------------

const NONE: Sentence[] = [];
const ANSWER_IDS = new Map<string, number>();

/** A small number per query key: a piece keeps its answers in an array indexed by it. */
function answerId(key: string): number {
  let id = ANSWER_IDS.get(key);
  if (id === undefined) ANSWER_IDS.set(key, (id = ANSWER_IDS.size));
  return id;
}

/** A query's sentences, and where each piece's hits end in them (for reuse by the next version). */
interface QueryAnswer {
  out: Sentence[];
  ends: Int32Array;
}

/** How many extracts two versions share at their start and at their end (the same objects; not overlapping). */
function sharedEnds(prev: readonly PieceExtract[], next: readonly PieceExtract[]): { head: number; tail: number } {
  const most = Math.min(prev.length, next.length);
  let head = 0;
  while (head < most && prev[head] === next[head]) head++;
  let tail = 0;
  while (tail < most - head && prev[prev.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  return { head, tail };
}
