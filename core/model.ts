/**
 * The plan model: what the markdown says, as a partner-program plan.
 *
 * Blocks become *units* (a heading, a paragraph, a table row) with their plain
 * text and a map back to document offsets; units are split into *sentences*;
 * headings form *sections*, each mapped to the topics it covers (deal
 * registration, tiers, MDF, ...) and the archetype it names. Document-level
 * facts (front matter, archetypes, stage, title) sit on the model too.
 */
import { PLACEHOLDER_OPEN } from './templates.js';
import type { Heading, Html, RootContent, Table, Yaml } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LineIndex } from './text.js';
import { oneOf, PLATFORM_VENDORS } from './vocabulary.js';
import { checkYamlLimits, describeYamlLimit, parseYamlOnce } from './yaml-limits.js';
import { parsePieces, parsePieceText, type PieceCache } from './parse.js';
import type { Archetype, DocumentKind, Span, Stage } from './types.js';
import { ARCHETYPES, DOCUMENT_KINDS, STAGES } from './types.js';
import { frontMatterKind, frontMatterKindValue } from './kind.js';
import {
  findDurations,
  findPartnerCounts,
  findPercents,
  parseMoneyValue,
  timeFrameMonths,
  wordToNumber,
  type CountMatch,
  type DurationMatch,
  type PercentMatch,
} from './numbers.js';

export type Topic =
  | 'dealRegistration'
  | 'tiers'
  | 'economics'
  | 'mdf'
  | 'pilot'
  | 'recruiting'
  | 'enablement'
  | 'exitCriteria'
  | 'metrics'
  | 'conflict'
  | 'pricingProtection'
  | 'portal'
  | 'team'
  | 'readiness'
  | 'timeline'
  | 'faq';

export const TOPIC_LABELS: Record<Topic, string> = {
  dealRegistration: 'Deal registration',
  tiers: 'Tiers',
  economics: 'Margins and commissions',
  mdf: 'MDF',
  pilot: 'Pilot',
  recruiting: 'Recruiting',
  enablement: 'Enablement',
  exitCriteria: 'Exit criteria',
  metrics: 'Metrics',
  conflict: 'Conflict policy',
  pricingProtection: 'Pricing protection',
  portal: 'Partner portal',
  team: 'Program owner',
  readiness: 'Readiness',
  timeline: 'Timeline',
  faq: 'FAQ',
};

/** Heading phrases per topic; config `synonyms` adds more. Tested against the heading's plain text. */
export const TOPIC_HEADINGS: Record<Topic, RegExp> = {
  dealRegistration:
    /\bdeal[- ]?reg\w*|\bclaim(?:ing|s)? (?:a |an |the |your )?(?:deals?|venues?|accounts?|opportunit\w+|customers?|prospects?|leads?)\b|\b(?:deal|opportunity|lead|referral) claims?\b|\bregistration|\bregistering\b|\bregisters? (?:a |an |the |each |every )?(?:deals?|opportunit\w+|referrals?|leads?|clients?|customers?)|\bdeal protection\b|\b(?:opportunity|lead|referral) registration/i,
  tiers: /\btiers?\b|\btiering\b|\blevels?\b|\bsegment(?:s|ation)\b|\bpartner (?:status|classes)\b/i,
  economics:
    /\bmargins?\b|\bcommissions?\b|\b(?:referral|partner|finder'?s?) fees?\b|\bfees?\b|\beconomics\b|\bcompensation\b|\bpayouts?\b|\brebates?\b|\bpayments?\b|\bmoney\b|\bincentives?\b|\brev(?:enue)?[- ]share\b|\brewards?\b/i,
  mdf: /\bMDF\b|\bmarket(?:ing)? development funds?\b|\bco-?op (?:funds|marketing)\b|\bmarketing funds?\b/i,
  // "After the pilot", "Beyond the pilot", "Post-pilot": what comes next is not the pilot.
  pilot: /(?<!\b(?:after|beyond|post|following|once|when|past) (?:the |our )?)(?<!\bpost-)\bpilot\b(?! (?:ends|is over|closes))/i,
  recruiting:
    /\brecruit\w*|\bgrowing the (?:network|channel|program|ecosystem)\b|\b(?:finding|choosing|selecting|signing|sourcing|qualifying|adding|attracting|onboarding new|building) (?:\w+ ){0,2}(?:partners|consultants|resellers|advisors|msps|firms|agencies|integrators|referrers|dealers|distributors|vars|isvs|alliances)\b|\bpartner (?:selection|qualification|profile|criteria|sourcing|pipeline)\b|\bwho (?:we|to) (?:sign|recruit|partner with|integrate with|work with)\b|\bideal partner\b|\b(?:joining|membership|program) (?:requirements|criteria)\b|\beligibility\b|\bwho can (?:join|apply)\b/i,
  enablement: /\benablement\b|\bonboarding\b|\btraining\b|\bcertification\b|\bplaybooks?\b|\benabling\b/i,
  exitCriteria:
    /\bexit\b|\bif (?:it|this|the pilot|the program|the programme) (?:doesn['’]t|does not|fails to) work\b|\b(?:kill|stop) criteria\b|\bparting ways\b|\bpart ways\b|\boff-?board\w*|\bsunset\w*|\bsteps? back\b|\bdowngrad\w*|\btermination\b|\bwind[- ]down\b|\bdemotion\b|\bleaving the program\b/i,
  metrics: /\btargets?\b|\bgoals?\b|\bmetrics?\b|\bmeasur\w*|\bsuccess\b|\bKPIs?\b|\bobjectives?\b|\bscorecards?\b|\bOKRs?\b|\bKPIs?\b|\bdashboard\b/i,
  conflict: /\bconflicts?\b|\brules of engagement\b|\bengagement rules\b|\bterritor(?:y|ies)\b|\bdirect sales\b|\bdirect vs\.? channel\b/i,
  pricingProtection: /\bpric(?:e|ing) protection\b|\brules of engagement\b|\bdiscount governance\b|\bprice (?:conflicts?|policy|floors?)\b|\bpricing polic\w+/i,
  portal: /\bportal\b/i,
  // "Our direct team", "the sales team": another team, not the one that runs the program.
  team: /(?<!\b(?:direct|sales|support|customer|field|inside|account|engineering|product|marketing|success) )\bteam\b|\bowner(?:ship)?\b|\borgani[sz]ation\b|\bstaffing\b|\bwho runs\b|\brunning the\b|\bleadership\b|\bgovernance\b|\bpeople\b/i,
  readiness:
    /\breadiness\b|\bready\b|\bwhere we stand\b|\bpre-?conditions?\b|\bwhy we believe\b|\bcan scale\b|\bfoundations?\b|\bprerequisites?\b/i,
  timeline: /\btimeline\b|\broadmap\b|\bnext steps\b|\bmilestones?\b|\bschedule\b|\bplan of record\b/i,
  faq: /\bFAQ\b|\bquestions\b/i,
};

const TOPIC_ENTRIES = Object.entries(TOPIC_HEADINGS) as Array<[Topic, RegExp]>;

/** The topics a heading's words name (before synonyms from the config). */
/** Headings about signing up (a partner, a portal account, a course), not about registering deals. */
const SIGN_UP_HEADING = /\b(?:partner|portal|account|program(?:me)?|user|event|webinar|training|course|company)\s+(?:registration|sign-?up)\b|\bregist\w+ (?:to|for|as) (?:the |a |an |our )?(?:program|portal|partner|course|training)/i;

function headingTopics(title: string): Topic[] {
  const signUp = SIGN_UP_HEADING.test(title) && !/\bdeal|\bopportunit|\blead|\breferral/i.test(title);
  const topics = TOPIC_ENTRIES.filter(([topic, re]) => re.test(title) && !(signUp && topic === 'dealRegistration')).map(([topic]) => topic);
  // "DR" (capitals) is how people abbreviate deal registration in headings.
  if (DR_HEADING.test(title) && !topics.includes('dealRegistration')) topics.push('dealRegistration');
  return topics;
}
/** "DR" as a heading means deal registration; "TL;DR" is a summary. */
const DR_HEADING = /(?<!\bTL;\s?)\bDRs?\b(?!\.)/;

/** Words that name an archetype; used for sentences, table rows and headings. */
export const ARCHETYPE_WORDS: Record<Archetype, RegExp> = {
  referral: /\breferr(?:al|als|ers?|ing|ed)\b|\brefers?\b|\bintroducers?\b|\breferral partners?\b/i,
  reseller:
    /\bresell\w*|\bVARs?\b|\bMSPs?\b|\bmanaged service providers?\b|\bdistribut(?:ors?|ion partners?)\b|\bdealers?\b|\bsystems? integrators?\b|\bSIs\b|\bchannel partners?\b/i,
  technology: /\bintegration partners?\b|\btechnology partners?\b|\btech partners?\b|\bISVs?\b|\bapp partners?\b|\bintegrations?\b/i,
  strategic:
    /\bstrategic\b|\balliances?\b|\bco-?sell\w*|\bAWS\b|\bAzure\b|\bGoogle Cloud\b|\bGCP\b|\bSalesforce\b|\bHubSpot\b|\bplatform partners?\b/i,
};

const ALLIANCE_ROUTE = /\bco-?sell\w*|\bmarketplaces?\b|\bOEM\b|\bembedded\b/i;

/** Stronger phrases for telling a document's archetypes from its text (no front matter). */
/** A platform vendor's name, for the phrases below ("AWS-referred", "AWS's ISV team"). */
const PLATFORM = oneOf(PLATFORM_VENDORS);

const DOC_ARCHETYPE_PHRASES: Record<Archetype, RegExp> = {
  referral:
    new RegExp(String.raw`\breferral (?:partners?|program(?:me)?s?|fees?|commissions?|network|agreements?)\b|\b(?:partners?|consultants?|agencies|advisors?|firms?|bookkeepers?|accountants?|you) (?:who |that )?(?:refer|send us (?:leads|customers|clients)|introduce (?:us|clients|customers|businesses|brands))\b|\b(?:every|each|any) (?:client|customer|business|brand) you (?:introduce|refer)\b|\breferred (?:customers|businesses|clients|deals|leads)\b|\brefer(?:s|red)? us\b|\bhand(?:s)? (?:over )?(?:the |an )?intro(?:duction)?s?\b|(?<!\b(?:${PLATFORM}|platform|marketplace)-)\brefer(?:s|red|ring)? (?:\S+ ){0,3}(?:to (?:new |their |prospective )?(?:clients|customers)|(?:sales )?(?:opportunities|leads|deals))\b|\b(?:resell|resale),? or refer(?:ral)?\b|\brefer(?:ral)?,? or (?:resell|resale)\b`, 'gi'),
  reseller:
    /\bresell(?:s|ers?|ing)?\b|\bVARs?\b|\bMSPs?\b|\bmanaged service providers?\b|\bvalue-added resellers?\b|(?<!\bnot for )(?<!\bNFR \()\bresale\b(?! (?:through|via|on|in) (?:the |a |cloud )?(?:marketplaces?|AWS|Azure|GCP|Google Cloud))|\b(?:distributors?|dealers?|systems? integrators?|channel partners?)\b(?=[^.]{0,80}\b(?:sell|sells|selling|carry|carries|distribute|bundle|install|buy at|margin|discount)\b)|\b(?:sell|sells|selling|carry|carries|distribute|install)\b[^.]{0,60}\b(?:distributors?|dealers?|systems? integrators?)\b/gi,
  technology:
    new RegExp(String.raw`\b(?:integration|technology|tech|ISV|app|marketplace app) partners?\b|\b(?:technology|product|partner) integrations? with\b|\bintegration partner program\b|\bISV (?:program|ecosystem)\b|(?<!\b(?:${PLATFORM})(?:'s|’s)? )\bISVs?\b(?! Accelerate)|\bindependent software vendors?\b|\btechnology (?:providers?|vendors?|alliances?)\b|\b(?:recruit|sign|onboard|work with|partner with) (?:\w+ )?ISVs?\b|\bpartners?\b[^.]{0,80}\b(?:that|who|which) (?:\w+ ){0,3}(?:integrate|interoperate|build integrations)\b`, 'gi'),
  strategic:
    /\bstrategic (?:alliances?|relationships?|partnerships?|partners?)\b|\balliances? with\b|\balliances? (?:team|program(?:me)?s?|partners?|handbook|managers?|motion)\b|\bcloud (?:alliances?|providers?|partners?)\b|\bhyperscalers?\b|\bco-?sell(?:ing)? (?:with|motion|program)\b|\b(?:AWS|Microsoft|Google Cloud|Salesforce|HubSpot) (?:alliance|partnership|co-?sell)\b/gi,
};

export interface TextRun {
  /** Index in the unit's plain text. */
  at: number;
  /** Document offset of that character. */
  offset: number;
}

export type UnitKind = 'heading' | 'paragraph' | 'tableRow' | 'html' | 'code' | 'frontmatter';

export interface Cell {
  text: string;
  /** Index of the cell's first character in the unit text. */
  at: number;
}

export interface TableModel {
  header: string[];
  headerUnit: Unit;
  rows: Unit[];
}

export class Unit {
  sentences: Sentence[] = [];
  section: Section | null = null;
  cells?: Cell[];
  table?: TableModel;
  isHeaderRow = false;
  /** Set for paragraphs in a list item: the list and the item's index. */
  list?: { id: number; item: number; ordered: boolean; depth: number };
  depth = 0;
  index = 0;
  /** A lead-in label: `**Owner:** ...`, `Commission: ...` (without the punctuation). */
  label = '';
  /** Offset of the unit's piece in the document; the unit's own offsets are piece-local. */
  base = 0;
  constructor(
    readonly kind: UnitKind,
    readonly text: string,
    private readonly localStart: number,
    private readonly localEnd: number,
    private runs: TextRun[],
  ) {}
  get start(): number {
    return this.base + this.localStart;
  }
  get end(): number {
    return this.base + this.localEnd;
  }
  /** Trims the unit's arrays to their exact size (for units kept in the piece cache). */
  compact(): void {
    this.runs = this.runs.slice();
    this.sentences = this.sentences.slice();
    if (this.cells) this.cells = this.cells.slice();
  }
  /** Document offset of a plain-text index (end positions: pass the index of the last char + 1). */
  offsetAt(i: number): number {
    if (this.runs.length === 0) return this.start;
    if (i >= this.text.length) {
      const last = this.offsetAt(this.text.length - 1);
      return Math.min(last + 1, this.end);
    }
    let lo = 0;
    let hi = this.runs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.runs[mid].at <= i) lo = mid;
      else hi = mid - 1;
    }
    const r = this.runs[lo];
    return this.base + r.offset + (i - r.at);
  }
  /** The cell index containing plain-text index i (table rows). */
  cellAt(i: number): number {
    if (!this.cells) return -1;
    let k = 0;
    for (let c = 0; c < this.cells.length; c++) if (this.cells[c].at <= i) k = c;
    return k;
  }
}

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
    this.values ??= new Map();
    if (!this.values.has(key)) this.values.set(key, f(this.text));
    return this.values.get(key) as T;
  }
  /**
   * A value computed from the sentence and its unit alone (the contract of `PlanModel.select`),
   * remembered like `match`. Distinct computations need distinct keys.
   */
  memo<T>(key: string, f: () => T): T {
    this.values ??= new Map();
    if (!this.values.has(key)) this.values.set(key, f());
    return this.values.get(key) as T;
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
function nonGlobal(re: RegExp): RegExp {
  if (!re.global && !re.sticky) return re;
  let plain = NON_GLOBAL.get(re);
  if (!plain) NON_GLOBAL.set(re, (plain = new RegExp(re.source, re.flags.replace(/[gy]/g, ''))));
  return plain;
}

/** A stable number per regular expression source and flags (the same literal evaluated twice is two objects). */
function regexId(re: RegExp): number {
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

export class Section {
  units: Unit[] = [];
  children: Section[] = [];
  topics = new Set<Topic>();
  /** Archetypes named by the heading itself. */
  named: readonly Archetype[] = [];
  /** The section, or a section it sits in, is about the past ("Lessons learned", "2024 results"). */
  history = false;
  constructor(
    readonly heading: Unit | null,
    readonly title: string,
    readonly depth: number,
    readonly parent: Section | null,
  ) {}
  /** Units of this section and all its subsections, in order. */
  allUnits(out: Unit[] = []): Unit[] {
    for (const u of this.units) out.push(u);
    for (const c of this.children) c.allUnits(out);
    return out;
  }
  allSentences(): Sentence[] {
    const out: Sentence[] = [];
    for (const u of this.allUnits()) for (const s of u.sentences) out.push(s);
    return out;
  }
  /** This section and its ancestors, nearest first. */
  chain(): Section[] {
    const out: Section[] = [];
    for (let s: Section | null = this; s; s = s.parent) out.push(s);
    return out;
  }
  hasTopic(t: Topic): boolean {
    return this.topics.has(t);
  }
  /** The topic holds for this section or an enclosing one. */
  inTopic(t: Topic): boolean {
    for (let s: Section | null = this; s; s = s.parent) if (s.topics.has(t)) return true;
    return false;
  }
}

export const FrontMatterSchema = z
  .object({
    type: z.string().optional(),
    partnerlint: z.unknown().optional(),
    archetypes: z.union([z.enum(ARCHETYPES), z.array(z.enum(ARCHETYPES))]).optional(),
    stage: z.enum(STAGES).optional(),
    arr: z.union([z.number(), z.string()]).optional(),
    scope: z.string().optional(),
    kind: z.enum(DOCUMENT_KINDS).optional(),
  })
  .passthrough();

export interface FrontMatter {
  data: Record<string, unknown>;
  archetypes?: Archetype[];
  stage?: Stage;
  kind?: DocumentKind;
  arr?: number;
  type?: string;
  hasPartnerlintKey: boolean;
  start: number;
  end: number;
  /** Problems with known keys (wrong type, unknown archetype); the value is then ignored. */
  problems: Array<{ key: string; message: string }>;
}

export interface ModelOptions {
  synonyms?: Partial<Record<Topic, string[]>>;
  cache?: PieceCache;
  /** `performance.now()` value after which building stops with a `DeadlineExceeded`. */
  deadline?: number;
}

/** Thrown when an analysis runs past its time budget. */
export class DeadlineExceeded extends Error {}

export class PlanModel {
  readonly lines: LineIndex;
  units: Unit[] = [];
  sentences: Sentence[] = [];
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
    const used = new Set<PieceExtract>();
    for (const piece of pieces) {
      if (options.deadline !== undefined && performance.now() > options.deadline) throw new DeadlineExceeded('time budget exceeded');
      let extract = piece.entry.extract as PieceExtract | undefined;
      if (!extract) {
        extract = extractPiece(piece.text, piece.nodes);
        piece.entry.extract = extract;
        // The tree is no longer needed: what the model read from it is kept instead.
        piece.entry.nodes = [];
      } else if (used.has(extract)) {
        // The same text twice in one document (a repeated section): its units are placed in the
        // document, so the second copy needs units of its own.
        extract = extractPiece(piece.text, parsePieceText(piece.text));
      }
      used.add(extract);
      if (piece.pathology) this.notAnalysed.push({ start: piece.start, end: piece.start + piece.text.length, reason: piece.pathology });
      this.extracts.push(extract);
      this.assemble(extract, piece.start, stack);
    }
    this.units.forEach((u, i) => (u.index = i));
    if (options.cache) {
      const last = options.cache.lastModel as { extracts: PieceExtract[]; answers: Map<string, QueryAnswer> } | undefined;
      if (last) this.previous = { answers: last.answers, ...sharedEnds(last.extracts, this.extracts) };
      options.cache.lastModel = { extracts: this.extracts, answers: this.selected };
    }
    this.classifySections(options.synonyms ?? {});
    this.archetypes = this.detectArchetypes();
    this.stage = this.detectStage();
  }

  // ---- building ----------------------------------------------------------

  /** Places a piece's units in the document: offsets, sections, title. */
  private assemble(x: PieceExtract, base: number, stack: Section[]): void {
    if (x.yaml) this.readFrontMatter(x.yaml.value, base + x.yaml.start, base + x.yaml.end);
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
        if (!this.titleUnit && unit.depth <= 6) this.titleUnit = unit;
      } else {
        unit.section = stack[stack.length - 1];
        unit.section.units.push(unit);
      }
      this.units.push(unit);
      for (const s of unit.sentences) this.sentences.push(s);
    }
  }

  private readFrontMatter(value: string, start: number, end: number): void {
    const fm: FrontMatter = { data: {}, hasPartnerlintKey: false, start, end, problems: [] };
    this.frontMatter = fm;
    let raw: unknown;
    const exceeded = checkYamlLimits(value);
    if (exceeded) {
      fm.problems.push({ key: '', message: `front matter not read: ${describeYamlLimit(exceeded)}; the rest of the plan is checked as usual` });
      return;
    }
    try {
      raw = parseYamlOnce('front matter', value, (text) => parseYaml(text, { maxAliasCount: 50, prettyErrors: false, logLevel: 'error' }));
    } catch (e) {
      fm.problems.push({ key: '', message: `front matter is not valid YAML (${(e as Error).message.split('\n')[0]})` });
      return;
    }
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return;
    const data = raw as Record<string, unknown>;
    fm.data = data;
    fm.hasPartnerlintKey = 'partnerlint' in data;
    fm.kind = frontMatterKind(data);
    if (frontMatterKindValue(data) !== undefined && !fm.kind) fm.problems.push({ key: 'kind', message: `front matter \`kind\` should be one of ${DOCUMENT_KINDS.join(', ')}` });
    for (const key of ['type', 'archetypes', 'stage', 'arr'] as const) {
      if (!(key in data)) continue;
      const shape = (FrontMatterSchema.shape as Record<string, z.ZodType>)[key];
      let value = data[key];
      if (key === 'archetypes' || key === 'stage') {
        const norm = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);
        value = Array.isArray(value) ? value.map(norm) : norm(value);
      }
      const r = shape.safeParse(value, { jitless: true });
      if (!r.success) {
        const expected =
          key === 'archetypes' ? `one or more of ${ARCHETYPES.join(', ')}` : key === 'stage' ? `one of ${STAGES.join(', ')}` : key === 'arr' ? 'a number or an amount like "$1.2M"' : 'a string';
        fm.problems.push({ key, message: `front matter \`${key}\` should be ${expected}` });
        continue;
      }
      if (key === 'archetypes') fm.archetypes = ([] as Archetype[]).concat(r.data as Archetype | Archetype[]);
      else if (key === 'stage') fm.stage = r.data as Stage;
      else if (key === 'type') fm.type = String(r.data);
      else if (key === 'arr') {
        const v = parseMoneyValue(r.data);
        if (v === null) fm.problems.push({ key, message: 'front matter `arr` should be a number or an amount like "$1.2M"' });
        else fm.arr = v;
      }
    }
  }

  private classifySections(synonyms: Partial<Record<Topic, string[]>>): void {
    for (const s of this.sections) {
      const title = s.title;
      // The heading's sentence remembers these tests across edits elsewhere.
      const heading = s.heading?.sentences[0];
      const topics = heading ? heading.memo('headingTopics', () => headingTopics(heading.text)) : headingTopics(title);
      for (const topic of topics) s.topics.add(topic);
      for (const [topic, words] of Object.entries(synonyms) as Array<[Topic, string[]]>) {
        const t = title.toLowerCase();
        if (words?.some((w) => w && t.includes(w.toLowerCase()))) s.topics.add(topic);
      }
      // "Registering a referral" is deal registration, not economics; "Pricing protection" is not tiers.
      if (s.topics.has('pricingProtection')) s.topics.delete('economics');
      if (s.topics.has('faq')) s.topics.delete('team');
      s.named = heading ? heading.memo('headingArchetypes', () => ARCHETYPES.filter((a) => ARCHETYPE_WORDS[a].test(heading.text))) : ARCHETYPES.filter((a) => ARCHETYPE_WORDS[a].test(title));
    }
    // History is not the plan: a section whose heading marks the past, and everything under it.
    // "Q3 results" is history; "Q3 review and Q4 plan" also looks ahead.
    for (const s of this.sections) s.history = (s.parent?.history ?? false) || (s.heading !== this.titleUnit && HISTORY_HEADING.test(s.title) && !/\bplan\b|\bnext\b|\bgoing forward\b/i.test(s.title));
    this.hasHistory = this.sections.some((s) => s.history);
    // The title heading names the plan, not a section topic.
    const title = this.titleUnit?.section;
    if (title && title.depth === 1 && this.sections.filter((x) => x.depth === 1).length === 1) title.topics.clear();
  }

  private detectArchetypes(): Archetype[] {
    const fm = this.frontMatter?.archetypes;
    if (fm && fm.length) {
      this.archetypeSource = 'frontmatter';
      return [...new Set(fm)];
    }
    const found: Archetype[] = [];
    for (const a of ARCHETYPES) {
      const re = DOC_ARCHETYPE_PHRASES[a];
      const named = this.withoutHistory(this.select(`archetypePhrase:${a}`, (s) => {
        if (reportsThePast(s.text) || statesDiscontinuation(s.text) || /^\W*(?:not in scope|out of scope|not now|excluded|non-goals?)\b/i.test(s.text)) return false;
        re.lastIndex = 0;
        const m = re.exec(s.text);
        if (!m || isNegatedAt(s.text, m.index)) return false;
        // Resale named beside co-sell, a marketplace or an OEM deal is a route to market of an alliance.
        if (a === 'reseller' && /^resale$/i.test(m[0]) && ALLIANCE_ROUTE.test(s.text)) return false;
        // A referral fee paid to a platform inside an alliance is the alliance's economics.
        return a === 'strategic' || !/(?:co-?sell|alliance|marketplace)\W{1,3}(?:\w+\W{1,3})?$/i.test(s.text.slice(Math.max(0, m.index - 25), m.index));
     }));
      const underAlliance = (s: Sentence) => a !== 'strategic' && !!s.section && s.section.heading !== this.titleUnit && s.section.named.includes('strategic');
      if (named.some((s) => !underAlliance(s))) found.push(a);
    }
    this.archetypeSource = found.length ? 'text' : 'none';
    return found;
  }

  private detectStage(): Stage | null {
    if (this.frontMatter?.stage) {
      this.stageSource = 'frontmatter';
      return this.frontMatter.stage;
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
      if (st) this.stageSource = 'text';
      return st;
    };
    // Each step reads the first sentence that says it (`select`: answers kept with each piece).
    const byMonths = (months: number): Stage => (months < 12 ? 'pilot' : months < 24 ? 'stabilize' : months < 48 ? 'scale' : 'maturity');
    // 1. A "Stage:" or "Phase:" label.
    const labelStage = (s: Sentence): Stage | null => {
      const m = /(?:^|\n)\s*(?:program |current )?(?:stage|phase)\s*:\s*([^\n]+)/i.exec(s.text);
      return m ? (fromWords(m[1]) ?? fromWords('phase ' + m[1])) : null;
    };
    const labelled = this.select('stage:label', (s) => labelStage(s) !== null)[0];
    if (labelled) return found(labelStage(labelled));
    // 2. "Phase 2", "in the scale phase", "pilot stage".
    const phaseStage = (s: Sentence): Stage | null => {
      if (s.isQuestion) return null;
      const m =
        /\bphase\s*(?:1|2|3|4|one|two|three|four)\b/i.exec(s.text) ??
        /\b(?:pilot|stabili[sz]e|stabili[sz]ation|scale|scaling|maturity) (?:phase|stage)\b/i.exec(s.text);
      return m ? fromWords(m[0]) : null;
    };
    const phased = this.select('stage:phase', (s) => phaseStage(s) !== null)[0];
    if (phased) return found(phaseStage(phased));
    // 3. How far into the program the plan is written ("30 months into the channel").
    const intoMonths = (s: Sentence): number | null => {
      const m = /\b(\d{1,3}|[a-z]+(?:-[a-z]+)?) (months|years) (?:into|in(?:to)? (?:the|our) )/i.exec(s.text);
      const n = m ? wordToNumber(m[1]) : null;
      return m && n !== null ? (m[2].toLowerCase() === 'years' ? n * 12 : n) : null;
    };
    const into = this.select('stage:into', (s) => intoMonths(s) !== null)[0];
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
    const now = this.select('stage:now', (s) => nowMonths(s) !== null)[0];
    if (now) return found(byMonths(nowMonths(now)!));
    // 4. The months the plan covers.
    const covers = (s: Sentence): number | null => {
      const m = /\bmonths?\s+(\d{1,2})\s*[-–]\s*(\d{1,2})\b/i.exec(s.text);
      return m && /\b(?:covers?|plan for|this plan|horizon)\b/i.test(s.text + ' ' + (s.section?.title ?? '')) ? Number(m[1]) : null;
    };
    const covered = this.select('stage:covers', (s) => covers(s) !== null)[0];
    if (covered) return found(byMonths(covers(covered)!));
    if (this.titleUnit && /\bpilot\b/i.test(this.titleUnit.text)) return found('pilot');
    // 5. A pilot still to run, and no sign of one already done.
    const plannedPilot =
      this.sections.some((s) => /^pilot\b/i.test(s.title)) ||
      this.select('stage:plannedPilot', (s) => /\b(?:we(?:'ll| will)|let's|plan to|going to) (?:run|start|launch|do) (?:a|the|our) (?:\w+ )?pilot\b|^pilot\s*:/im.test(s.text)).length > 0;
    const pastPilot =
      this.select('stage:pastPilot', (s) => /\bpilot (?:was|closed|ran|ended|showed|proved)\b|\b(?:was|were) (?:a|the|our) pilot\b|\bafter (?:the|our) pilot,? (?:we )?(?:opened|launched|formali[sz]ed|signed|grew)\b|\bsince the pilot\b/i.test(s.text)).length > 0;
    if (plannedPilot && !pastPilot) return found('pilot');
    return null;
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

  /** Statements in which `re` matches (a global or sticky flag is ignored); see `select`. */
  matching(re: RegExp): Sentence[] {
    const plain = nonGlobal(re);
    return this.statements(`re${regexId(plain)}`, (s) => s.test(plain));
  }

  /**
   * Sentences in which `re` matches, past reports and history included: what the company is (its
   * margins, its sales cycle) is evidence whenever it was measured. Headings and questions are not.
   */
  facts(re: RegExp): Sentence[] {
    const plain = nonGlobal(re);
    return this.select(`fact${regexId(plain)}`, (s) => s.unit.kind !== 'heading' && !s.isQuestion && s.test(plain));
  }

  /**
   * The question an answer replies to, in FAQ pairs ("Q: How big is the pilot?" / "A: 45 days with
   * 3 ISVs."): the sentence before an answer, in its unit or the unit before, when it is a question.
   */
  questionFor(s: Sentence): Sentence | null {
    if (!ANSWER_START.test(s.text)) return null;
    const i = s.unit.sentences.indexOf(s);
    const prev = i > 0 ? s.unit.sentences[i - 1] : this.units[s.unit.index - 1]?.sentences.at(-1);
    return prev && (prev.isQuestion || QUESTION_START.test(prev.text)) ? prev : null;
  }

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
    return [...new Set(sentences)].sort((a, b) => a.unit.index - b.unit.index || a.at - b.at);
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
    return this.sections.filter((s) => s.topics.has(topic));
  }

  /** Sentences (not headings) of the whole plan, optionally only those outside questions. */
  prose(): Sentence[] {
    return this.sentences.filter((s) => s.unit.kind !== 'heading');
  }

  /** Archetypes a sentence speaks about: named in it, else its nearest heading naming one, else the plan's only one. */
  archetypesOf(s: Sentence, options: { textOnly?: boolean } = {}): Archetype[] {
    const words = s.memo('archetypeWords', () => {
      const text = s.unit.kind === 'tableRow' ? s.unit.text : s.unit.label && !s.text.startsWith(s.unit.label) ? `${s.unit.label}: ${s.text}` : s.text;
      return { named: ARCHETYPES.filter((a) => ARCHETYPE_WORDS[a].test(text)), alliance: /\bstrategic\b|\balliances?\b|\bco-?sell/i.test(text) };
    });
    // Brand names count for `strategic` only when the plan is about an alliance with them.
    const named = words.named.filter((a) => a !== 'strategic' || words.alliance || this.archetypes.includes('strategic'));
    if (named.length) return named;
    if (options.textOnly) return [];
    if (s.section) for (const sec of s.section.chain()) if (sec.named.length && sec !== this.titleUnit?.section) return [...sec.named];
    return this.archetypes.length === 1 ? [...this.archetypes] : [];
  }

}

// ---- per-piece extraction (cached with the piece's parse) -------------------------

const NONE: Sentence[] = [];

/** A statement: prose that is neither a heading nor a question, nor a report of the past. */
/**
 * A sentence that states what the plan does: not a heading, a question, a report of the past, or a
 * line that still holds a placeholder (an inserted template's "within ‹N› business days" says nothing yet).
 */
export function isStatement(s: Sentence): boolean {
  return s.unit.kind !== 'heading' && !s.isQuestion && !s.text.includes(PLACEHOLDER_OPEN) && !s.memo('reportsThePast', () => reportsThePast(s.text));
}

/** The statement without its lead-in label or first table cell ("Enablement | None planned" -> "None planned"). */
export function content(s: Sentence): string {
  if (s.unit.cells && s.unit.cells.length > 1 && !s.unit.isHeaderRow) {
    const from = s.unit.cells[1].at - s.at;
    return from > 0 ? s.text.slice(from).trim() : s.text;
  }
  const label = s.unit.label;
  if (label && s.text.startsWith(label)) return s.text.slice(label.length).replace(/^[\s:.*_|—–-]+/, '');
  return s.text;
}

/** Headings of sections about the past: a retrospective, last year's results, what went wrong. */
/** A whole line in bold, short, not a question: "**Context**", "**What partners do and get**". */
const BOLD_HEADING = /^(?:\*\*|__)(?![QA]\s*[:.)])[^\n*_]{2,80}?(?<![?])(?:\*\*|__)\s*$/;

export const HISTORY_HEADING =
  /\bwhat (?:happened|went (?:wrong|well)|we learn(?:ed|t))\b|\blessons?(?: learn(?:ed|t))?\b|\bretro(?:spective)?s?\b|\bpost-?mortem\b|\bhistory\b|\blooking back\b|\blast year\b|\b(?:previous|prior|earlier|old|first) (?:program(?:me)?|pilot|attempt|channel)\b|\b(?:(?:19|20)\d\d|Q[1-4]|H[12]|FY ?\d\d) (?:results|review|pilot|recap|actuals?|in review)\b|\b(?:results|recap) (?:of|from) (?:the|our) (?:last|previous|first|(?:19|20)\d\d)\b|\bhow (?:the|our) (?:last |first )?pilot went\b/i;

/** Marks of the past in a sentence, and a subject followed by a verb in the past tense. */
const PAST_MARK =
  /\blast (?:year|quarter|time|pilot)\b|\bin (?:19|20)\d\d\b|\bduring the (?:(?:19|20)\d\d )?pilot\b|\bpreviously\b|\bbefore,|\bthe old\b|\blessons? learn(?:ed|t)\b|\bwhat went (?:wrong|well)\b|\bretrospective\b|\bused to\b|\bturned out\b|\bcame in at\b|\b(?:19|20)\d\d actuals?\b|\bin (?:H[12]|Q[1-4])\b|\b(?:\d+|a|one|two|three|four|six) (?:days?|weeks?|months?|quarters?|years?) ago\b/i;
/** A month named as when something happened: the past only beside a subject and a past tense. */
const MONTH_MARK = /\bin (?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
/** A subject and a regular past tense ("we offboarded", "partners registered"): the past only beside a mark of it. */
const REGULAR_PAST = /\b(?:we|they|it|partners?|resellers?|referrers?|MSPs?|VARs?|reps?|the (?:pilot|program(?:me)?|team|channel))\s+(?:[\w'-]+\s+)?[a-z]+ed\b/i;
const PAST_VERB =
  /\b(?:we|they|it|our|partners?|resellers?|referrers?|MSPs?|VARs?|reps?|pilot|program(?:me)?|claims?|commissions?|form|board|conflict|NPS|founders?|registrations?)\b['’]?(?:\s+(?!(?:has|have|been|is|are|will|would|can|may|must|should)\b)[\w'-]+){0,3}?\s+(?:never\s+|only\s+)?(?:ran|paid|had|was|were|got|gave|tried|launched|saw|cost|took|asked|built|sourced|complained|ignored|lost|stayed|piled up|recruited|grew|spent|did|made|learned|learnt|came|delivered|missed|hit|reached|achieved|generated|produced|brought|wanted|failed|churned|dropped|stalled)\b/i;
/** What makes a sentence about the present or the future even when it names the past. */
const NOT_PAST =
  /\b(?:will|we'll|shall|going forward|starting|from now|next|targets?|aim|plan(?:s|ned)? to|must|now|keep|is|are|am|can|may|should|would|'d|has to|have to|need|needs|want|wants|this (?:quarter|year|month)|if|once|unless|in the (?:last|past) (?:\d+|\w+) (?:days|weeks|months|quarters|years)|no (?:closed )?(?:deals?|sales?|revenue|referrals?)|up from|down from|compared (?:to|with)|versus|vs\.?)\b/i;

/** FAQ markup: "Q:" / "A:" (or "Question:" / "Answer:") at the start of a line. */
export const QUESTION_START = /^\s*(?:\*\*)?(?:Q|Question)\s*[:.)]/i;
export const ANSWER_START = /^\s*(?:\*\*)?(?:A|Answer)\s*[:.)](?:\*\*)?\s*/;

/** What comes after a pilot ("once the pilot ends, we open a formal program to 25-40 partners"): not the pilot. */
export const AFTER_PILOT =
  /\b(?:after|once|when|if|beyond|following|post-?)\s+(?:the |our |a successful )?pilot\b|\bformal(?:i[sz]ed)? (?:partner )?program(?:me)?\b|\bafter (?:month|year) (?:12|one)\b/i;

/** A sentence that ends, drops or removes something ("the AWS alliance ends", "we will remove our listing"). */
const DISCONTINUED =
  /\b(?:ends|ended|will end|lapses?|lapsed|(?:will|to) (?:drop|remove|retire|discontinue|stop|delist)|discontinu(?:e|es|ed|ing)|wind(?:s|ing)? down|sunset(?:s|ting)?|(?:will )?not be renewed|no longer|(?:are|is) not (?:reselling|selling|listing|offering|continuing))\b/i;

export function statesDiscontinuation(text: string): boolean {
  return DISCONTINUED.test(text);
}

/** True when a sentence reports what was (the last pilot, last year's numbers), not what the plan will do. */
export function reportsThePast(text: string): boolean {
  // A mark of the past alone ("last year") may sit in a clause about someone's present plan.
  const mark = PAST_MARK.test(text);
  // A comment on the report ("…, which is why the program stalled") does not make it present.
  text = text.replace(/,\s*(?:which|and that) (?:is|was|explains)\b.*$/i, '');
  // "Lesson learned: …", "In hindsight, …": the label says the line reports the past.
  if (/^\W*(?:lessons? learn(?:ed|t)|what went (?:wrong|well)|in hindsight|looking back|retro(?:spective)?)\b/i.test(text) && !/\b(?:will|we'll|must|going forward|next time|from now)\b/i.test(text)) return true;
  // A mark alone reports the past only when it can mean nothing else: "in Q2" may be next quarter.
  const strongMark = mark && PAST_MARK.test(text.replace(/\bin (?:H[12]|Q[1-4])\b|\bduring the (?:(?:19|20)\d\d )?pilot\b|\bbefore,/gi, ''));
  return (PAST_VERB.test(text) || (strongMark && !/\b(?:I|we|our|us)\b/i.test(text)) || ((mark || MONTH_MARK.test(text)) && REGULAR_PAST.test(text))) && !NOT_PAST.test(text);
}

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

interface PieceExtract {
  /** Answers of `PlanModel.select` / `perPiece` for this piece, by `answerId`. */
  answers?: unknown[];
  units: Unit[];
  html: Array<{ value: string; start: number; end: number }>;
  yaml?: { value: string; start: number; end: number };
}

let listIds = 0;

/** Reads a piece's blocks into units with piece-local offsets. Pure: depends on the piece text only. */
function extractPiece(text: string, nodes: RootContent[]): PieceExtract {
  const x: PieceExtract = { units: [], html: [] };
  const push = (u: Unit) => {
    splitSentences(u);
    x.units.push(u);
  };
  const inline = (kind: UnitKind, node: any): Unit => {
    const b = new TextBuilder(text, 0);
    b.addChildren(node);
    if (kind === 'paragraph') collectInlineHtml(node, 0, x.html);
    const p = node.position;
    const unit = new Unit(kind, b.text, p.start.offset, p.end.offset, b.runs);
    if (kind === 'paragraph') unit.label = leadLabel(node, b.text);
    return unit;
  };
  const block = (node: RootContent, list?: Unit['list'], inherited = ''): void => {
    switch (node.type) {
      case 'yaml': {
        const p = (node as Yaml).position!;
        x.yaml = { value: (node as Yaml).value, start: p.start.offset!, end: p.end.offset! };
        return;
      }
      case 'heading': {
        const unit = inline('heading', node);
        unit.depth = (node as Heading).depth;
        push(unit);
        return;
      }
      case 'paragraph': {
        // A line that is bold and nothing else ("**Context**") is a heading the author wrote by hand:
        // a section under the current heading (depth past markdown's six), never the title.
        if (!list && BOLD_HEADING.test(text.slice(node.position!.start.offset!, node.position!.end.offset!)) && node.children.length === 1 && node.children[0].type === 'strong') {
          const unit = inline('heading', node);
          unit.depth = 7;
          push(unit);
          return;
        }
        const unit = inline('paragraph', node);
        unit.list = list;
        // Sub-bullets under "- **Product**" speak under that label.
        if (!unit.label && inherited) unit.label = inherited;
        push(unit);
        return;
      }
      case 'list': {
        const id = ++listIds;
        const depth = list ? list.depth + 1 : 0;
        node.children.forEach((item, i) => {
          let label = inherited;
          for (const child of item.children) {
            const before = x.units.length;
            block(child, { id, item: i, ordered: !!node.ordered, depth }, label);
            if (child.type === 'paragraph' && x.units.length > before) label = x.units[before].label || label;
          }
        });
        return;
      }
      case 'blockquote':
        for (const child of node.children) block(child, list, inherited);
        return;
      case 'table':
        tableUnits(text, node as Table).forEach(push);
        return;
      case 'html': {
        const p = (node as Html).position!;
        x.html.push({ value: (node as Html).value, start: p.start.offset!, end: p.end.offset! });
        // Callouts and toggles exported from Notion and similar tools (<aside>, <details>, <summary>)
        // wrap prose: the text inside is read as the author's words.
        for (const n of wrappedProse((node as Html).value, p.start.offset!)) block(n, undefined, inherited);
        return;
      }
      default:
        return;
    }
  };
  // A paragraph that is only bold text ("**Program targets (month 36)**") labels the list after it.
  let pseudo = '';
  for (const n of nodes) {
    const before = x.units.length;
    block(n, undefined, n.type === 'list' ? pseudo : '');
    const u = x.units[before];
    if (n.type === 'paragraph' && u) pseudo = u.label && u.text.trim().length <= u.label.length + 2 ? u.label : '';
    else if (n.type !== 'list') pseudo = '';
  }
  // What is cached with the piece is kept at its exact size (arrays grown by push keep spare room).
  for (const u of x.units) u.compact();
  return x;
}

/** Tags that only wrap prose in exported documents: callouts, toggles and their summaries. */
const WRAPPER_TAGS = /^\s*(?:<\/?(?:aside|details|summary|div|section|center|figure|figcaption)\b[^<>\n]{0,200}>\s*)+|(?:\s*<\/?(?:aside|details|summary|div|section|center|figure|figcaption)\b[^<>\n]{0,200}>)+\s*$/gi;
const WRAPPER_START = /^\s*<(?:aside|details|summary|div|section|center|figure)\b/i;

/**
 * The markdown inside an HTML wrapper block, parsed with positions in the piece: consecutive lines
 * of text between wrapper tags are read as one block, a line with text between tags on its own.
 */
function wrappedProse(value: string, at: number): RootContent[] {
  if (!WRAPPER_START.test(value) || value.length > 20_000) return [];
  const out: RootContent[] = [];
  let chunkStart = -1;
  let chunkEnd = -1;
  const flush = () => {
    if (chunkStart < 0) return;
    const chunk = value.slice(chunkStart, chunkEnd);
    for (const n of parsePieceText(chunk)) out.push(shiftPositions(n, at + chunkStart));
    chunkStart = -1;
  };
  let lineStart = 0;
  while (lineStart <= value.length) {
    const nl = value.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? value.length : nl;
    const line = value.slice(lineStart, lineEnd);
    WRAPPER_TAGS.lastIndex = 0;
    let from = 0;
    let to = line.length;
    let tagged = false;
    for (const m of line.matchAll(WRAPPER_TAGS)) {
      tagged = true;
      if (m.index === 0) from = m[0].length;
      else to = Math.min(to, m.index!);
    }
    const text = line.slice(from, to);
    if (!text.trim()) flush();
    else if (tagged) {
      flush();
      chunkStart = lineStart + from;
      chunkEnd = lineStart + to;
      flush();
    } else {
      if (chunkStart < 0) chunkStart = lineStart;
      chunkEnd = lineEnd;
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  flush();
  return out;
}

/** Moves a parsed node (and its children) by `delta` characters. */
function shiftPositions<T extends { position?: any; children?: any[] }>(node: T, delta: number): T {
  if (node.position) {
    node.position.start.offset += delta;
    node.position.end.offset += delta;
  }
  if (node.children) for (const c of node.children) shiftPositions(c, delta);
  return node;
}

function tableUnits(text: string, table: Table): Unit[] {
  const units: Unit[] = [];
  const rows: Unit[] = [];
  let header: string[] = [];
  let headerUnit: Unit | null = null;
  table.children.forEach((row, r) => {
    const b = new TextBuilder(text, 0);
    const cells: Cell[] = [];
    row.children.forEach((cell, c) => {
      if (c > 0) b.addSeparator(' | ');
      cells.push({ text: '', at: b.text.length });
      b.addChildren(cell);
      cells[c].text = b.text.slice(cells[c].at).trim();
    });
    const p = row.position!;
    const unit = new Unit('tableRow', b.text, p.start.offset!, p.end.offset!, b.runs);
    unit.cells = cells;
    if (r === 0) {
      unit.isHeaderRow = true;
      header = cells.map((c) => c.text);
      headerUnit = unit;
    } else rows.push(unit);
    units.push(unit);
  });
  const model: TableModel = { header, headerUnit: headerUnit!, rows };
  headerUnit!.table = model;
  for (const r of rows) r.table = model;
  return units;
}

// ---- plain text extraction ---------------------------------------------------

class TextBuilder {
  text = '';
  runs: TextRun[] = [];
  constructor(
    private readonly doc: string,
    private readonly base: number,
  ) {}

  addSeparator(sep: string): void {
    const offset = this.runs.length ? this.lastOffset() : this.base;
    this.runs.push({ at: this.text.length, offset });
    this.text += sep;
  }

  private lastOffset(): number {
    const r = this.runs[this.runs.length - 1];
    return r.offset + (this.text.length - r.at);
  }

  addChildren(node: any): void {
    for (const child of node.children ?? []) this.addInline(child);
  }

  private addInline(node: any): void {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        this.addLeaf(node.value, node.position);
        return;
      case 'break':
        this.addLeaf('\n', node.position);
        return;
      case 'html':
      case 'image':
      case 'imageReference':
      case 'footnoteReference':
        return;
      default:
        if (node.children) this.addChildren(node);
    }
  }

  private addLeaf(value: string, pos: any): void {
    if (!value) return;
    if (!pos) {
      this.runs.push({ at: this.text.length, offset: this.runs.length ? this.lastOffset() : this.base });
      this.text += value;
      return;
    }
    const start = this.base + pos.start.offset;
    const end = this.base + pos.end.offset;
    const src = this.doc.slice(start, end);
    const at0 = this.text.length;
    if (src === value) {
      this.runs.push({ at: at0, offset: start });
    } else {
      // Align the value with its source (escapes, entities, stripped indentation, code ticks).
      let j = 0;
      let prev = -2;
      for (let i = 0; i < value.length; i++) {
        const ch = value[i];
        // Look a short way ahead only: characters the parser replaced (NUL -> U+FFFD) or
        // decoded (entities) must not make this quadratic.
        let k = j;
        const limit = Math.min(src.length, j + 64);
        while (k < limit && src[k] !== ch) k++;
        let off: number;
        if (k < limit) {
          off = start + k;
          j = k + 1;
        } else {
          off = start + Math.min(j, Math.max(src.length - 1, 0));
          if (j < src.length) j++;
        }
        if (off !== prev + 1) this.runs.push({ at: at0 + i, offset: off });
        prev = off;
      }
    }
    this.text += value;
  }
}

function collectInlineHtml(node: any, base: number, out: Array<{ value: string; start: number; end: number }>): void {
  for (const c of node.children ?? []) {
    if (c.type === 'html' && c.position) out.push({ value: c.value, start: base + c.position.start.offset, end: base + c.position.end.offset });
    else if (c.children) collectInlineHtml(c, base, out);
  }
}

function leadLabel(node: any, text: string): string {
  const first = node.children?.[0];
  if (first && (first.type === 'strong' || first.type === 'emphasis')) {
    const b = new TextBuilder('', 0);
    b.addChildren(first);
    const label = b.text.trim().replace(/[:.\s]+$/, '');
    if (label && label.split(/\s+/).length <= 6) return label;
  }
  const m = /^\s*([A-Z][\w'’ -]{0,40}?)\s*:\s+\S/.exec(text);
  if (m && m[1].split(/\s+/).length <= 4) return m[1];
  return '';
}

// ---- sentences ---------------------------------------------------------------

const ABBREV = /(?:\b(?:e\.g|i\.e|etc|vs|approx|incl|no|nr|mr|mrs|ms|dr|st|inc|ltd|co|corp|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|u\.s|u\.k|a\.m|p\.m)\.)$/i;

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
    } else if (c === '\n' && /^\s*\n/.test(t.slice(i + 1))) {
      push(i);
      start = i + 1;
    }
  }
  push(t.length);
}

// ---- small language helpers ---------------------------------------------------

const NEGATION = /\b(?:no|not|never|none|nobody|nothing|without|nor|don't|do not|doesn't|does not|didn't|haven't|hasn't|isn't|aren't|won't|can't|cannot|lack|lacks|lacking|neither|stopped|ceased)\b/i;

/** A negation in the same clause shortly before `index`. */
export function isNegatedAt(text: string, index: number, window = 40): boolean {
  const before = text.slice(Math.max(0, index - window), index);
  const clause = before.split(/[;:.!?]|\bbut\b|\bwhile\b|\balthough\b|\bwhereas\b/i).pop() ?? '';
  // "non-MDF funding", "non-exclusive": the word itself is negated.
  return NEGATION.test(clause) || /\bnon[- ]?[_*]*$/i.test(before);
}

/**
 * A sentence that names a topic only to say where it is set: "Margins, MDF and partner levels are set
 * in the partner agreement", "Deal registration is covered in the Partner Guide".
 */
export const COVERED_ELSEWHERE =
  /\b(?:are|is) (?:set|covered|described|defined|explained|handled|documented) (?:in|on|by) (?:the |our |a |your )?(?:[\w-]+ ){0,2}(?:agreement|page|guide|portal|policy|handbook|terms|contract)\b|\bnothing here changes\b/i;

/** Words that make a statement tentative rather than a commitment. */
export const HEDGE = /\b(?:maybe|perhaps|might|someday|eventually|tbd|not in scope|out of scope|non-goals?|we (?:may|could) (?:add|introduce|build|offer|launch|start|set up|create)|deferred|postponed|on hold|parked|an option (?:we|to)|(?:will|would|may|could) (?:evaluate|consider|explore|revisit)|(?:to|we'll) (?:evaluate|consider|explore|revisit) (?:later|next year|in (?:year|Q|H))|to be decided|to be hired|not yet|(?:maybe|perhaps|possibly|probably|hopefully) (?:next year|later this year)|if we can|we'll see|undecided|(?:haven't|have not|hasn't|has not|not) (?:yet )?decided)\b/i;

/** A wish rather than a commitment: "we'd like", "ideally", "eventually". */
export const WISH = /\b(?:we'd like|we would like|ideally|something like|hope to|aim to|eventually)\b/i;

/** Not committed to: a hedge ("maybe", "TBD", "not yet decided") or a placeholder left to fill. */
export function isHedged(text: string): boolean {
  return HEDGE.test(text) || text.includes(PLACEHOLDER_OPEN);
}
