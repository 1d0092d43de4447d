/**
 * Partner archetypes (referral, reseller, technology, strategic): the words that name them in a
 * sentence or heading, and the archetypes a whole document is about (front matter, else its text).
 */
import type { Archetype } from './types.js';
import { ARCHETYPES } from './types.js';
import { oneOf, PLATFORM_VENDORS } from './vocabulary.js';
import { isNegatedAt, LEFT_OUT, reportsThePast, statesDiscontinuation } from './language.js';
import type { PlanModel } from './model.js';
import { documentTitle } from './kind.js';
import { HISTORY_HEADING, headingTopics } from './outline.js';
import type { Sentence } from './sentences.js';

/**
 * The text with what a partner does instead of something blanked out, offsets kept: "if you would
 * rather introduce clients than resell" names no reseller.
 */
export function withoutContrasts(text: string): string {
  return text.replace(/\b(?:rather than|instead of|than)\s+(?:to\s+)?[\w-]+\b/gi, (m) => ' '.repeat(m.length));
}

/** Words that name an archetype; used for sentences, table rows and headings. */
export const ARCHETYPE_WORDS: Record<Archetype, RegExp> = {
  referral: /\breferr(?:al|als|ers?|ing|ed)\b|\brefers?\b|\bintroducers?\b|\breferral partners?\b|\b(?:benefits |insurance )?brokers?\b/i,
  reseller:
    /\bresell\w*|\bresold\b|(?<!\bnot[- ]for[- ])\bresale\b|\bVARs?\b|\bMS?SPs?\b|\bmanaged service providers?\b|\bdistribut(?:ors?|ion partners?)\b|\bdealers?\b|\bsystems? integrators?\b|\bSIs\b|\bchannel partners?\b/i,
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
    new RegExp(String.raw`\breferral (?:partners?|program(?:me)?s?|fees?|commissions?|network|agreements?)\b|\bbrokers?\b[^.]{0,40}\b(?:fees?|commissions?|% of|per cent of|percent of|introduc\w+|refer\w*)|\b(?:partners?|consultants?|agencies|advisors?|firms?|bookkeepers?|accountants?|brokers?|you) (?:who |that )?(?:refer|send us (?:leads|customers|clients)|introduce (?:us|clients|customers|businesses|brands))\b|\b(?:every|each|any) (?:client|customer|business|brand) you (?:introduce|refer)\b|\breferred (?:customers|businesses|clients|deals|leads)\b|\brefer(?:s|red)? us\b|\bhand(?:s)? (?:over )?(?:the |an )?intro(?:duction)?s?\b|(?<!\b(?:${PLATFORM}|platform|marketplace)-)\brefer(?:s|red|ring)? (?:\S+ ){0,3}(?:to (?:new |their |prospective )?(?:clients|customers)|(?:sales )?(?:opportunities|leads|deals))\b|\b(?:resell|resale),? or refer(?:ral)?\b|\brefer(?:ral)?,? or (?:resell|resale)\b`, 'gi'),
  reseller:
    /\bresell(?:s|ers?|ing)?\b|\bVARs?\b|\bMS?SPs?\b|\bmanaged service providers?\b|\bvalue-added resellers?\b|(?<!\bnot for )(?<!\bNFR \()\bresale\b(?! (?:through|via|on|in) (?:the |a |cloud )?(?:marketplaces?|AWS|Azure|GCP|Google Cloud))|\b(?:distributors?|dealers?|systems? integrators?|channel partners?)\b(?=[^.]{0,80}\b(?:sell|sells|selling|carry|carries|distribute|bundle|install|buy at|margin|discount)\b)|\b(?:sell|sells|selling|carry|carries|distribute|install)\b[^.]{0,60}\b(?:distributors?|dealers?|systems? integrators?)\b|\byour (?:full )?(?:level |tier |partner |resale )?(?:discount|margin)\b|\b(?:tier|level)['’]s (?:discount|margin)\b/gi,
  technology:
    new RegExp(String.raw`\b(?:integration|technology|tech|ISV|app|marketplace app) partners?\b|\b(?:technology|product|partner) integrations? with\b|\bintegration partner program\b|\bISV (?:program|ecosystem)\b|(?<!\b(?:${PLATFORM})(?:'s|’s)? )\bISVs?\b(?! Accelerate)|\bindependent software vendors?\b|\b(?:OEM|embedded) (?:partners?|partnerships?|program(?:me)?|pilot)\b|\bembed (?:\w+ ){0,3}in (?:their|its) (?:own )?products?\b|\btechnology (?:providers?|vendors?|alliances?)\b|\b(?:recruit|sign|onboard|work with|partner with) (?:\w+ )?ISVs?\b|\bpartners?\b[^.]{0,80}\b(?:that|who|which) (?:\w+ ){0,3}(?:integrate|interoperate|build integrations)\b`, 'gi'),
  strategic:
    /\bstrategic (?:alliances?|relationships?|partnerships?|partners?)\b|\balliances? with\b|\balliances? (?:team|program(?:me)?s?|partners?|handbook|managers?|motion)\b|\bcloud (?:alliances?|providers?|partners?)\b|\bhyperscalers?\b|\bco-?sell(?:ing)? (?:with(?! (?:our|the|your) (?:[\w-]+ )?(?:team|reps|AEs|sales|sellers|account executives))|motion|program(?:me)?|pilot|partnership|alliance|agreement|relationship)\b|\b(?:AWS|Microsoft|Google Cloud|Salesforce|HubSpot) (?:alliance|partnership|co-?sell)\b/gi,
};

/** Who the program turns away: "We turn down firms that resell a competing forecasting tool". */
const TURNED_DOWN = /\b(?:turn(?:s|ed)? down|reject(?:s|ed)?|declin(?:e|es|ed)|disqualif\w+|exclud(?:e|es|ed))\b[^.;]{0,40}\b(?:firms?|partners?|companies|applicants?|candidates?|agencies|anyone|those)\b|\b(?:a |an )?(?:competing|competitor['’]s|rival) (?:[\w-]+ )?(?:tool|product|platform|system|solution|software)\b/i;

/** The document's archetypes: from the front matter, else from phrases in its text (sets `plan.archetypeSource`). */
export function detectArchetypes(plan: PlanModel): Archetype[] {
  const fm = plan.frontMatter?.archetypes;
  if (fm && fm.length) {
    plan.archetypeSource = 'frontmatter';
    return [...new Set(fm)];
  }
  const evidence = archetypeEvidence(plan);
  const found = ARCHETYPES.filter((a) => evidence[a].sentences.length > 0 || evidence[a].typeRow);
  // Partners who register deals or claim market development funds sell the product: a policy page
  // about one of those mechanics that names no kind of partner is about resellers.
  if (!found.length && headingTopics(documentTitle(plan)).some((t) => t === 'dealRegistration' || t === 'mdf')) found.push('reseller');
  plan.archetypeSource = found.length ? 'text' : 'none';
  return found;
}

/** Where the text names each archetype as part of this program: its sentences, and whether a partner-type table lists it. */
export function archetypeEvidence(plan: PlanModel): Record<Archetype, { sentences: Sentence[]; typeRow: boolean }> {
  const typeRows = partnerTypeRows(plan);
  const title = plan.titleUnit?.text ?? '';
  const out = {} as Record<Archetype, { sentences: Sentence[]; typeRow: boolean }>;
  for (const a of ARCHETYPES) {
    const re = DOC_ARCHETYPE_PHRASES[a];
    const named = plan.withoutHistory(plan.select(`archetypePhrase:${a}`, (s) => {
      // A question ("Can I resell Larkspur?") names what a reader asks about, not what the program is.
      if (s.isQuestion || reportsThePast(s.text) || statesDiscontinuation(s.text) || LEFT_OUT.test(s.text) || TURNED_DOWN.test(s.text)) return false;
      re.lastIndex = 0;
      const m = re.exec(s.text);
      if (!m || isNegatedAt(s.text, m.index) || (s.unit.kind !== 'heading' && inProperName(s.text, m.index, m[0]))) return false;
      // A clause about the past ("What went wrong with the MSP program, and what we do next") names what was.
      if (reportsThePast(clauseAt(s.text, m.index)) || HISTORY_HEADING.test(clauseAt(s.text, m.index))) return false;
      // Resale named beside co-sell, a marketplace or an OEM deal is a route to market of an alliance.
      if (a === 'reseller' && /^resale$/i.test(m[0]) && ALLIANCE_ROUTE.test(s.text)) return false;
      // A referral fee paid to a platform inside an alliance is the alliance's economics.
      return a === 'strategic' || !/(?:co-?sell|alliance|marketplace)\W{1,3}(?:\w+\W{1,3})?$/i.test(s.text.slice(Math.max(0, m.index - 25), m.index));
    }));
    const underAlliance = (s: Sentence) => a !== 'strategic' && !!s.section && s.section.heading !== plan.titleUnit && s.section.named.includes('strategic');
    out[a] = { sentences: named.filter((s) => !underAlliance(s) && !anotherCompanysProgram(s.text, title)), typeRow: typeRows.includes(a) };
  }
  return out;
}

/**
 * Another company's program, named as its subject: "Pactly runs its own reseller program and gives its
 * resellers 35% off list". A company that speaks of itself in the third person names itself in the
 * title ("GitLab Partner Program" … "GitLab pays its partners"), so a name the title holds is ours.
 */
const NAMED_SUBJECT_ITS = /^\W*([A-Z][\w-]+)(?:\s+[A-Z][\w-]+)?\s+(?:runs|has|offers|pays|gives|keeps|operates|built|launched|uses)\s+(?:its|their)\s+/;
function anotherCompanysProgram(text: string, title: string): boolean {
  const m = NAMED_SUBJECT_ITS.exec(text);
  return !!m && !/^(?:We|Our|Partners?|Resellers?|Each|Every|The|This|That|It)$/.test(m[1]) && !title.includes(m[1]);
}

/** The clause of a sentence that holds `index`: cut at semicolons, colons and ", and" / ", but". */
function clauseAt(text: string, index: number): string {
  const cut = /;|:\s|,\s*(?:and|but)\s/gi;
  let from = 0;
  let to = text.length;
  for (let m: RegExpExecArray | null; (m = cut.exec(text)); ) {
    if (m.index < index) from = m.index + m[0].length;
    else {
      to = m.index;
      break;
    }
  }
  return text.slice(from, to);
}

/**
 * A match that is part of a name written in capitals mid-sentence ("the Manufacturing Technology
 * Alliance member list", "the Channel Partner Agreement"): an organisation or a document, not a kind of partner.
 */
function inProperName(text: string, index: number, match: string): boolean {
  const words = match.split(/\s+/);
  if (words.length < 2 || !words.every((w) => /^[A-Z]/.test(w))) return false;
  const before = /([A-Z][\w&-]*)\s+$/.exec(text.slice(0, index));
  const after = /^\s+([A-Z][\w&-]*)/.exec(text.slice(index + match.length));
  const startsSentence = before !== null && /^\W*$/.test(text.slice(0, before.index));
  return (before !== null && !startsSentence) || (after !== null && /^(?:Agreement|Program(?:me)?|Terms|Guide|Policy|Handbook|Portal|Council|Association|Alliance|Network|Member(?:ship)?)$/.test(after[1]));
}

/** A table of partner types whose first column names the type ("Type | Who | Role": "Strategic | AWS | …"). */
const TYPE_COLUMN = /^(?:(?:partner )?(?:type|kind|category|track|archetype|motion)s?|partner)$/i;
const TYPE_CELL: Array<[Archetype, RegExp]> = [
  ['strategic', /^(?:strategic|alliances?|cloud|hyperscalers?|platforms?)(?: partners?| alliances?)?$/i],
  ['technology', /^(?:technology|tech|integration|ISVs?|app)(?: partners?)?$/i],
  ['referral', /^(?:referral|referrers?|introducers?|affiliates?)(?: partners?)?$/i],
  ['reseller', /^(?:resellers?|resale|VARs?|MSPs?|distributors?|dealers?)(?: partners?)?$/i],
];
function partnerTypeRows(plan: PlanModel): Archetype[] {
  const out = new Set<Archetype>();
  for (const s of plan.select('archetypeTypeRows', (x) => !!x.unit.cells && !x.unit.isHeaderRow && TYPE_COLUMN.test(x.unit.table?.header[0] ?? ''))) {
    const cell = s.unit.cells![0]?.text.replace(/[*_`]/g, '').trim() ?? '';
    const rest = s.unit.cells!.slice(1).map((c) => c.text).join(' ');
    if (isNegatedAt(rest, 0) || /^\W*(?:n\/a|none|no|not (?:now|yet|in scope)|later|out of scope|-|—)\W*$/i.test(s.unit.cells![1]?.text ?? '')) continue;
    for (const [a, re] of TYPE_CELL) if (re.test(cell)) out.add(a);
  }
  return [...out];
}
