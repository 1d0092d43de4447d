/**
 * Programs that span documents (spec, "Programs that span documents"): a topic
 * counts as present in a document when the document links (a relative markdown
 * link, with or without a `#fragment`) to another markdown document that covers
 * it. Links are followed one level: the linked pages are read as plan models
 * (no rules), and their links are not followed. Reading the linked text is the
 * adapter's job (`LinkResolver`); a link it cannot resolve covers nothing.
 */
import { DeadlineExceeded, PlanModel } from './model.js';
import { TOPIC_LABELS, type Section, type Topic } from './outline.js';
import type { CoveredTopic, Finding, Span } from './types.js';
import type { Rule } from './rule.js';

/** The text of a linked document, as the adapter read it. */
export interface LinkedDocument {
  text: string;
  /** Where the adapter found it (an absolute path or a URI), reported back in `coveredElsewhere`. */
  resolved?: string;
}

/**
 * Gives the document a relative link points to. `href` is the link's target as written,
 * without its `#fragment` or `?query` (see `linkTargetPath` for the decoded path).
 */
export type LinkResolver = (href: string) => LinkedDocument | undefined;

/** One relative link to a markdown document. */
export interface DocumentLink {
  /** The target as written, without fragment or query: `deal-registration.md`, `../policies/mdf.md`. */
  href: string;
  /** Document offsets of the whole link (`[text](href)`, or the reference definition). */
  start: number;
  end: number;
}

/** Linked documents larger than this (UTF-16 code units, about 1 MB) are ignored. */
export const MAX_LINKED_LENGTH = 1024 * 1024;
/** At most this many distinct linked documents are read per document. */
export const MAX_LINKS = 64;

/** The topics a linked page can cover for the document that links to it. */
const COVERABLE: ReadonlySet<Topic> = new Set<Topic>([
  'dealRegistration',
  'tiers',
  'economics',
  'mdf',
  'pilot',
  'recruiting',
  'enablement',
  'exitCriteria',
  'metrics',
  'conflict',
  'pricingProtection',
  'portal',
  'team',
]);

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** `[text](target "title")`; the target may be `<...>` or hold balanced parentheses. Not images. */
const INLINE_LINK = /(!?)\[(?:[^[\]\\\n]|\\.){0,1000}\]\(\s*(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*\)/g;
/** `[label]: target` reference definitions. */
const REFERENCE_DEFINITION = /^ {0,3}\[(?:[^[\]\\\n]|\\.){1,999}\]:[ \t]*(<[^<>\n]*>|\S+)/;

/** The path part of a link target (no `<>`, fragment or query), when it is a relative link to a markdown file. */
export function relativeMarkdownHref(target: string): string | undefined {
  let t = target.trim();
  if (t.startsWith('<') && t.endsWith('>')) t = t.slice(1, -1).trim();
  const cut = t.search(/[#?]/);
  const p = cut >= 0 ? t.slice(0, cut) : t;
  if (!p) return undefined;
  // Absolute URLs (any scheme, Windows drives too), protocol-relative and root-relative paths are not followed.
  if (/^[a-z][a-z0-9+.-]*:/i.test(p) || p.startsWith('/') || p.startsWith('\\')) return undefined;
  const decoded = linkTargetPath(p);
  if (!/\.(?:md|markdown)$/i.test(decoded)) return undefined;
  return p;
}

/** The file path an href names: percent-escapes decoded (left as written when they are malformed). */
export function linkTargetPath(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

/** The document's relative links to other markdown documents, in order (code blocks and code spans are skipped). */
export function documentLinks(text: string): DocumentLink[] {
  const out: DocumentLink[] = [];
  // Most documents link to no markdown page: one native scan decides that.
  if (!/\.(?:md|markdown)\b/i.test(text)) return out;
  let fence: string | null = null;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = null;
    } else if (f) {
      fence = f[1];
    } else if (line.includes('](') || line.includes(']:')) {
      // Code spans are blanked (same length), so offsets stay those of the document.
      const plain = line.replace(/(`+)[^`]*?\1/g, (m) => ' '.repeat(m.length));
      const def = REFERENCE_DEFINITION.exec(plain);
      if (def) {
        const href = relativeMarkdownHref(def[1]);
        if (href) out.push({ href, start: lineStart + (def.index ?? 0), end: lineStart + def[0].length });
      }
      INLINE_LINK.lastIndex = 0;
      for (let m = INLINE_LINK.exec(plain); m; m = INLINE_LINK.exec(plain)) {
        if (m[1] === '!') continue;
        const href = relativeMarkdownHref(m[2]);
        if (href) out.push({ href, start: lineStart + m.index, end: lineStart + m.index + m[0].length });
      }
    }
    if (lineEnd === text.length) break;
    lineStart = lineEnd + 1;
  }
  return out;
}

/** A section with something in it besides its heading. */
function hasText(s: Section): boolean {
  return s.allSentences().some((x) => x.unit.kind !== 'heading');
}

/** The topics a document covers: a section about the topic (not a history section) with text in it, or a title naming it. */
/** A reading that says whether a document states a topic in its text (a rule's `states`). */
export interface TopicReader {
  topic: Topic;
  states(plan: PlanModel): boolean;
}

function coveredTopics(text: string, synonyms: Partial<Record<Topic, string[]>> | undefined, deadline: number | undefined, readers: readonly TopicReader[]): Topic[] {
  const plan = new PlanModel(text, { synonyms, deadline });
  const topics = new Set<Topic>();
  // A lone title names the document, so the model gives it no topic; a linked policy page titled
  // "Deal registration" covers deal registration. The title is read as a section heading (first:
  // it says what the page is about).
  const title = plan.titleUnit;
  if (title && plan.prose().length > 0) {
    const heading = new PlanModel(`## ${title.text.replace(/[\r\n]+/g, ' ')}\n`, { synonyms });
    for (const s of heading.sections) for (const t of s.topics) if (COVERABLE.has(t)) topics.add(t);
  }
  for (const s of plan.sections) {
    if (!s.heading || s.history || !hasText(s)) continue;
    for (const t of s.topics) if (COVERABLE.has(t)) topics.add(t);
  }
  for (const r of readers) if (COVERABLE.has(r.topic) && !topics.has(r.topic) && r.states(plan)) topics.add(r.topic);
  return [...topics];
}

/** Recently read linked pages (a page linked from every document of a handbook is read once). */
const memo = new Map<string, Topic[]>();
const MEMO_SIZE = 32;

function coveredTopicsMemo(text: string, synonyms: Partial<Record<Topic, string[]>> | undefined, deadline: number | undefined, readers: readonly TopicReader[]): Topic[] {
  const key = `${synonyms ? JSON.stringify(synonyms) : ''}\0${text}`;
  const hit = memo.get(key);
  if (hit) {
    memo.delete(key);
    memo.set(key, hit);
    return hit;
  }
  let topics: Topic[];
  try {
    topics = coveredTopics(text, synonyms, deadline, readers);
  } catch (e) {
    // Out of time: covers nothing now, and is read again next time.
    if (e instanceof DeadlineExceeded) return [];
    // Pathological or unreadable markdown covers nothing.
    topics = [];
  }
  memo.set(key, topics);
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  return topics;
}

export interface LinkCoverage {
  /** Each covered topic once, with the first link (in document order) to a page that covers it. */
  covered: CoveredTopic[];
  /** Every link to a page that covers something, with what it covers. */
  links: Array<{ start: number; end: number; topics: ReadonlySet<Topic> }>;
}

/**
 * The topics the document's linked pages cover. A link the resolver does not answer, a page
 * over `MAX_LINKED_LENGTH` or one holding a NUL character covers nothing.
 */
export function linkedCoverage(
  plan: PlanModel,
  linked: LinkResolver,
  options: { synonyms?: Partial<Record<Topic, string[]>>; deadline?: number; readers?: readonly TopicReader[] } = {},
): LinkCoverage {
  const out: LinkCoverage = { covered: [], links: [] };
  const byHref = new Map<string, { doc: LinkedDocument; topics: ReadonlySet<Topic> } | null>();
  for (const link of documentLinks(plan.text)) {
    let known = byHref.get(link.href);
    if (known === undefined) {
      if (byHref.size >= MAX_LINKS) continue;
      let doc: LinkedDocument | undefined;
      try {
        doc = linked(link.href);
      } catch {
        doc = undefined;
      }
      known =
        !doc || typeof doc.text !== 'string' || doc.text.length > MAX_LINKED_LENGTH || doc.text.includes('\0')
          ? null
          : { doc, topics: new Set(coveredTopicsMemo(doc.text, options.synonyms, options.deadline, options.readers ?? [])) };
      byHref.set(link.href, known);
    }
    if (!known || known.topics.size === 0) continue;
    out.links.push({ start: link.start, end: link.end, topics: known.topics });
    const span: Span = plan.span(link.start, link.end);
    for (const topic of known.topics) {
      if (out.covered.some((c) => c.topic === topic)) continue;
      const resolved = known.doc.resolved;
      out.covered.push({ topic, label: TOPIC_LABELS[topic], file: link.href, ...(resolved !== undefined ? { resolved } : {}), ...span });
    }
  }
  return out;
}

/**
 * Drops the findings that say a topic is missing when a linked page covers it: findings of a
 * rule whose metadata names that topic, sitting on the title line, on a heading line, or on the
 * link itself (the mention the rule found is the link's text or a sentence holding it).
 * Findings about the text itself (a stated SLA that is too long) stay.
 */
export function dropCoveredElsewhere(findings: Finding[], coverage: LinkCoverage | undefined, rules: readonly Rule[], plan: PlanModel, titleLine: number): Finding[] {
  if (!coverage || coverage.covered.length === 0) return findings;
  const ruleTopics = new Map<string, Topic>();
  for (const r of rules) if (r.meta.topic && coverage.covered.some((c) => c.topic === r.meta.topic)) ruleTopics.set(r.meta.id, r.meta.topic);
  if (ruleTopics.size === 0) return findings;
  const headingLines = new Set<number>([titleLine]);
  for (const s of plan.sections) if (s.heading) headingLines.add(plan.unitSpan(s.heading).line);
  // The finding sits on the link, or (for something missing) in the paragraph or item that holds it
  // ("Deal registration. … rules are in the [Deal Registration Policy](…)").
  // Units are in document order: found by halving.
  const unitOf = (offset: number) => {
    let lo = 0;
    let hi = plan.units.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const u = plan.units[mid];
      if (offset < u.start) hi = mid - 1;
      else if (offset >= u.end) lo = mid + 1;
      else return u;
    }
    return undefined;
  };
  const onLink = (f: Finding, topic: Topic) =>
    coverage.links.some((l) => {
      if (!l.topics.has(topic)) return false;
      if (f.startOffset < l.end && f.endOffset > l.start) return true;
      // Only for something missing: a stated value out of its band (an info) is about this page's text.
      if (f.severity === 'info') return false;
      const u = unitOf(f.startOffset);
      return !!u && u.kind !== 'heading' && u.start <= l.start && l.end <= u.end;
    });
  return findings.filter((f) => {
    const topic = ruleTopics.get(f.ruleId);
    return !topic || !(headingLines.has(f.line) || onLink(f, topic));
  });
}
