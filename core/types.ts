/**
 * Public data types of the Partnerlint analysis core. Nothing here knows about
 * LSP, VS Code or the terminal: adapters translate these into their own shapes.
 *
 * Positions: `line` and `column` are 1-based; columns and offsets count UTF-16
 * code units (JavaScript string indices), which is what LSP uses too.
 */
import type { z } from 'zod';
import type { Topic } from './outline.js';

export type Severity = 'error' | 'warning' | 'info';
export type SeverityOrOff = Severity | 'off';

export const ARCHETYPES = ['technology', 'referral', 'reseller', 'strategic'] as const;
export type Archetype = (typeof ARCHETYPES)[number];

export const STAGES = ['pilot', 'stabilize', 'scale', 'maturity'] as const;
export type Stage = (typeof STAGES)[number];

/** What a document is (spec, "Document kinds"): the team's own plan, a partner-facing guide, or a policy page. */
export const DOCUMENT_KINDS = ['plan', 'guide', 'policy'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const PRECONDITIONS = ['product', 'sales', 'differentiation', 'margin', 'owner', 'directSales'] as const;
export type PreconditionKey = (typeof PRECONDITIONS)[number];

/** A replacement of `text.slice(start, end)` by `newText`; offsets refer to the analysed text. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

export interface Fix {
  /** Shown in the editor's quick-fix menu. */
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by `partnerlint --fix`; the others only in the editor. */
  safe: boolean;
  /** Optional template id (see `templates`) when the fix inserts a template; editors may insert it as a snippet. */
  templateId?: string;
}

export interface Span {
  /** 1-based line of the first character. */
  line: number;
  /** 1-based column (UTF-16 code units). */
  column: number;
  endLine: number;
  /** 1-based column just past the last character (exclusive end, like LSP). */
  endColumn: number;
  /** 0-based offsets into the text (UTF-16 code units), `end` exclusive. */
  startOffset: number;
  endOffset: number;
}

export interface Finding extends Span {
  ruleId: string;
  severity: Severity;
  message: string;
  fixes?: Fix[];
}

export interface PreconditionEvidence {
  met: boolean;
  /** Where the evidence was found (or what argued against it). */
  evidence: Array<Span & { text: string }>;
  /** A sentence saying why it is met or not. */
  reason: string;
}

export interface Readiness {
  score: number;
  preconditions: Record<PreconditionKey, boolean>;
  details: Record<PreconditionKey, PreconditionEvidence>;
  redFlags: Array<{ ruleId: string; line: number; penalty: number }>;
  /** Human-readable explanation of the arithmetic. */
  breakdown: string[];
}

/** One recognised section with the elements it is expected to hold. */
export interface SectionSummary extends Span {
  topic: string;
  /** Human label of the topic, e.g. "Deal registration". */
  label: string;
  heading: string;
  depth: number;
  present: string[];
  missing: string[];
  /** The linked document that covers this topic too (as written in the link), when one does. */
  coveredIn?: string;
}

/** A topic covered by a document this one links to (spec, "Programs that span documents"); the span is the link's. */
export interface CoveredTopic extends Span {
  topic: Topic;
  /** Human label of the topic, e.g. "Deal registration". */
  label: string;
  /** The link's target as written, without its fragment: `deal-registration.md`. */
  file: string;
  /** Where the adapter found the linked document (an absolute path or a URI). */
  resolved?: string;
}

/** A number in the plan compared with a benchmark band; editors show these on hover. */
export interface BenchmarkNote extends Span {
  kind: 'percent' | 'duration' | 'count';
  /** What the number is about, e.g. "referral commission", "deal-registration approval SLA". */
  subject: string;
  /** The text as written, e.g. "12-18%". */
  text: string;
  band: { min?: number; max?: number; unit: string; label: string };
  inBand: boolean;
}

export interface LintResult {
  file?: string;
  isPlan: boolean;
  /** Why the document was (or was not) taken as a plan. */
  detection: string;
  /** null for documents that are not plans and for out-of-scope documents. */
  kind: DocumentKind | null;
  /** Why the document was read as that kind. */
  kindWhy?: string;
  archetypes: Archetype[];
  stage: Stage | null;
  /** null for documents that are not plans, are out of scope, or are not of kind `plan`. */
  readiness: Readiness | null;
  findings: Finding[];
  sections: SectionSummary[];
  /** Every section topic the document has (with its heading's line), or covers through a linked page (the link's line); templates are offered for the others. */
  topics?: Array<{ topic: string; line: number }>;
  /** Topics the document's linked pages cover, one entry per topic (absent when there are none). */
  coveredElsewhere?: CoveredTopic[];
  benchmarks: BenchmarkNote[];
  /** The title heading (or line 1) where whole-plan findings sit. */
  title: Span;
  /** The document's title as written: front matter `title:`, else the title heading's text. */
  titleText?: string;
  /** The markdown heading level the document's sections use (2 unless most sections use another); inserted sections use it. */
  sectionLevel?: number;
  /** The document's headings in order, the title's included (for reports that group findings by section). */
  outline?: Array<{ heading: string; depth: number; line: number }>;
  /** Set when the document was not analysed (too large, binary, ...). */
  skipped?: string;
  /** The YAML front matter block, when there is one (editors insert file-level comments after it). */
  frontMatter?: Span;
  /** Problems with known front-matter keys (wrong type, unknown archetype); the value is then ignored. */
  frontMatterProblems?: Array<{ key: string; message: string }>;
}

export interface RuleDocs {
  /** Why the rule matters to a partner program. */
  why: string;
  /** What fires it. */
  fires: string;
  /** What deliberately does not fire it. */
  doesNotFire: string;
  /** How to fix it. */
  fix: string;
  /** A short markdown example that fires the rule. */
  example: string;
}

/** Options schema default values are applied by the engine before `check` runs. */
export interface RuleMeta<O = Record<string, unknown>> {
  id: string;
  /**
   * The rule in plain words, for menus and headings: a short noun phrase a head of
   * partnerships would use ("Exit criteria", "Approval turnaround for deal registration"),
   * never the rule's id.
   */
  title: string;
  description: string;
  defaultSeverity: Severity;
  category: 'design' | 'deal-registration' | 'economics' | 'structure' | 'readiness' | 'lifecycle';
  options: z.ZodType<O>;
  /** The document kinds the rule applies to; it stays silent on the others. All kinds when absent. */
  kinds?: readonly DocumentKind[];
  /**
   * The topic the rule is about. When a page the document links to covers it, the rule's
   * findings on the title or on a heading line (the topic is missing) are not reported.
   */
  topic?: Topic;
  /** A red flag lowers the readiness score when it fires. */
  redFlag?: boolean;
  /** True when the rule offers at least one fix. */
  fixable: boolean;
  /** True when its fix is safe to apply unattended (`partnerlint --fix`, fix-all). */
  safeFix?: boolean;
  docs: RuleDocs;
}
