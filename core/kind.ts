/**
 * Document kinds (spec, "Document kinds"): the team's own `plan`, a partner-facing program
 * `guide`, or a `policy` page about one or two mechanics. Read from front matter (`kind:` or
 * `partnerlint: {kind: ...}`), else from the text: what the title calls the document, whom the
 * text speaks to, and how many of a program's mechanics it covers.
 */
import type { PlanModel } from './model.js';
import type { Topic } from './outline.js';
import type { Unit } from './units.js';
import { DOCUMENT_KINDS, type DocumentKind } from './types.js';
import { PLACEHOLDER_OPEN } from './templates.js';

/** Titles that name the team's own planning document. */
const PLAN_TITLE =
  /\b(?:plan|planning|strategy|strategic review|kick-?off|pilot|proposal|roadmap|memo|brainstorm\w*|OKRs?|retro\w*|assessment|minutes|working session|canvas|RFC|business case|budget|launch)\b/i;
/** Dates and versions in a title: a plan's, unless the title names a guide or a policy. */
const DATED_TITLE = /\b(?:FY|H[12]|Q[1-4])\s*'?\d{0,4}\b|\b(?:year|month)s? \d|\b20\d\d\b|\bdraft\b|\brefresh\b|\breview\b/i;
/** Titles that name a partner-facing description of a whole program. */
const GUIDE_TITLE =
  /\bguide\b|\bhandbook\b|\brequirements and benefits\b|\bbenefits and requirements\b|\bbecom(?:e|ing) a partner\b|\bworking with\b|\bjoin(?:ing)? (?:our|the)\b|\bprogram(?:me)? overview\b|\bfor partners\b/i;
/** Titles that name one mechanic of a program. */
const POLICY_TITLE =
  /\bpolic(?:y|ies)\b|\brules of engagement\b|\bdeal[- ]?reg(?:istration)?\b|\bMDF\b|\bmarket(?:ing)? development funds?\b|\bcommissions?\b|\b(?:referral )?fee schedule\b|\breferral fees\b|\boperations\b|\bguidelines\b|\bterms\b|\bsummar(?:y|ies)\b|\b(?:tier|partner) requirements\b|\bco-?op funds?\b|\brebates?\b|\bpayouts?\b/i;

/** The mechanics a partner-facing document may cover; a guide covers several, a policy one or two. */
const MECHANICS: readonly Topic[] = ['dealRegistration', 'tiers', 'economics', 'mdf', 'enablement', 'conflict', 'pricingProtection', 'portal', 'recruiting'];

/** Planning vocabulary: what a team writes about its own program, never to its partners. */
const PLANNING =
  /\b(?:we will|we'll|we plan|our plan|we need|we intend|we aim|our goal|our target|goals? for|targets? for|by (?:the end of )?(?:month|Q[1-4]|year|end of)|in the pilot|(?:the|our) pilot|hire|hiring|headcount|budget|readiness|success metrics?|KPIs?|OKRs?|risks?|next steps|open questions|decision|owner)\b/i;
const SECOND_PERSON = /\byou(?:r|rs|rself|'re|'ll|'ve)?\b/gi;
/**
 * "You" said to the company's own sellers about partners: their quota, territory or pipeline,
 * compensation that is "channel neutral", partners who help them, partners brought into their deals.
 * A page that speaks so is the sellers' rules of engagement with partners: a policy.
 */
const TO_OUR_SELLERS =
  /\byour (?:quota|territory|territories|pipeline|comp(?:ensation)?|commissions?|region|patch|accounts? plan|forecast)\b|\b(?:our|[A-Z][\w-]+) (?:sellers|AEs|account executives|reps|sales (?:team|reps|people))\b|\b(?:comp|channel)[- ]neutral\b|\bpartners? (?:can |will )?help you\b|\b(?:bring|introduce) (?:a |an |another |competing )?partners? into (?:your|the)\b|\bwork(?:ing)? with (?:your |our |channel )?partners\b|\bco-?sell(?:ing)? with partners\b/g;

/** The document's title: front matter `title:` and the first heading. */
export function documentTitle(plan: PlanModel): string {
  const fmTitle = plan.frontMatter?.data.title;
  return [typeof fmTitle === 'string' ? fmTitle : '', plan.titleUnit?.text ?? ''].join(' \n ');
}

/** True when the title names one mechanic of a partner program (a policy page's title). */
export function titleNamesMechanic(title: string): boolean {
  return POLICY_TITLE.test(title);
}

export interface KindReading {
  kind: DocumentKind;
  /** Where the kind came from, for `detection`-style explanations. */
  why: string;
}

/** What the kind reading counts in one piece, kept with the piece. */
function countsOf(units: readonly Unit[]): { words: number; you: number; planning: number; sellers: number } {
  let words = 0;
  let you = 0;
  let planning = 0;
  let sellers = 0;
  for (const u of units) {
    if (u.kind === 'code' || u.kind === 'frontmatter') continue;
    for (const s of u.sentences) {
      const t = s.text;
      // A line still holding a placeholder (an inserted template's) is not yet the author's voice.
      if (t.includes(PLACEHOLDER_OPEN)) continue;
      for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 32) words++;
      words++;
      const m = t.match(SECOND_PERSON);
      if (m) you += m.length;
      if (PLANNING.test(t)) planning++;
      const o = t.match(TO_OUR_SELLERS);
      if (o) sellers += o.length;
    }
  }
  return { words, you, planning, sellers };
}

/** What front matter gives as the kind (`kind:` or `partnerlint: {kind:}`), valid or not. */
export function frontMatterKindValue(data: Record<string, unknown> | undefined): unknown {
  if (!data) return undefined;
  const pl = data.partnerlint;
  return data.kind ?? (pl && typeof pl === 'object' && !Array.isArray(pl) ? (pl as Record<string, unknown>).kind : undefined);
}

/** The kind given in front matter, if any and valid. */
export function frontMatterKind(data: Record<string, unknown> | undefined): DocumentKind | undefined {
  const raw = frontMatterKindValue(data);
  if (typeof raw !== 'string') return undefined;
  const k = raw.trim().toLowerCase();
  return (DOCUMENT_KINDS as readonly string[]).includes(k) ? (k as DocumentKind) : undefined;
}

export function readKind(plan: PlanModel): KindReading {
  const fm = plan.frontMatter?.kind;
  if (fm) return { kind: fm, why: `front matter kind: ${fm}` };
  const title = documentTitle(plan);
  let words = 0;
  let you = 0;
  let planning = 0;
  let sellers = 0;
  for (const c of plan.perPiece('kind', countsOf)) {
    words += c.words;
    you += c.you;
    planning += c.planning;
    sellers += c.sellers;
  }
  const covered = new Set<Topic>();
  for (const s of plan.sections) for (const t of s.topics) if (MECHANICS.includes(t)) covered.add(t);
  const mechanic = (): KindReading =>
    covered.size >= 3 && !POLICY_TITLE.test(title)
      ? { kind: 'guide', why: `partner-facing, covering ${covered.size} program mechanics` }
      : { kind: 'policy', why: 'about one or two mechanics of a program' };
  if (PLAN_TITLE.test(title)) return { kind: 'plan', why: 'the title names a plan' };
  if (GUIDE_TITLE.test(title)) return { kind: 'guide', why: 'the title names a partner program guide' };
  if (POLICY_TITLE.test(title)) return { kind: 'policy', why: 'the title names a program policy' };
  if (DATED_TITLE.test(title)) return { kind: 'plan', why: 'the title dates a plan' };
  // Speaking to partners ("you", "your customers") and not planning: a guide or a policy page.
  const partnerFacing = you >= 5 && you / Math.max(words, 1) >= 0.003;
  const planningRate = planning / Math.max(words / 20, 1);
  // "You" said to the company's own sellers about working with partners: their rules of engagement.
  if (partnerFacing && sellers >= 3 && planningRate < 0.25) return { kind: 'policy', why: 'speaks to the company\'s own sellers about working with partners' };
  if (partnerFacing && planningRate < 0.25) return { kind: 'guide', why: 'speaks to partners about their program' };
  if (planning === 0 && words > 150) return mechanic();
  return { kind: 'plan', why: 'the text plans a program' };
}

/** How a kind is named to people. */
export const KIND_LABELS: Record<DocumentKind, string> = {
  plan: 'Partner program plan',
  guide: 'Partner guide',
  policy: 'Program policy',
};
