/**
 * Tier structures: tables (a tier per row, or a tier per column), lists and sub-headings that set
 * out partner tiers, and whether each tier states its entry criteria and its benefits.
 */
import { TIER_NAMES } from '../vocabulary.js';
import { isHedged, reportsThePast } from '../language.js';
import type { PlanModel } from '../model.js';
import type { Section } from '../outline.js';
import type { Unit } from '../units.js';
import type { Sentence } from '../sentences.js';
import { statesPartnerExit } from './exits.js';

export interface Tier {
  name: string;
  unit: Unit;
  hasCriteria: boolean;
  hasBenefits: boolean;
}

export interface TierStructure {
  kind: 'table' | 'list' | 'headings';
  /** Where tier-count findings sit: the table's header row or the list's first item. */
  anchor: Unit;
  tiers: Tier[];
  section: Section | null;
}

// ---- tiers -----------------------------------------------------------------------------

/** A label that starts with a tier's name ("Gold", "Tier 2", "Partner"). */
const TIER_NAME = new RegExp(`^(?:${TIER_NAMES.join('|')}|partner|tier\\s*\\d|level\\s*\\d)\\b`, 'i');
const CRITERIA = /\b(?:criteria|requirements?|to qualify|entry)\s*:\s*\S|\bcertif\w+|\bjoint customers?\b|\bconnector\b|\bclosed deals?\b|\bdeals?\b|\brevenue\b|\bARR\b|\$|\bsigned\b|\bcomplet\w+|\breferrals?\b|\bat least\b|\bminimum\b|\b\d+\+?\s+(?:\w+\s+)?(?:reps?|staff|salespe\w+|installers?|customers?)\b|\bagreement\b|\bexam\b|\bcourse\b|\btrained\b|\bcriteria\b|\brequire\w*/i;
/**
 * An invitation is not a criterion a partner can meet: "By invitation", "An invitation from the
 * partnerships team", "at our discretion" (unless something measurable comes with it).
 */
const INVITED = /\binvit(?:e|ed|es|ation)\b|\bat (?:our|the|its) (?:sole )?discretion\b|\bhand-?picked\b|\bselected by (?:us|the|our)\b|\bnominat(?:ed|ion) by\b/i;
const MEASURABLE = /\bcertif\w+|\bcustomers?\b|\bdeals?\b|\brevenue\b|\bARR\b|\$|€|£|\d|\breferrals?\b|\bexam\b|\bcourse\b|\btrained\b|\bagreement\b|\bsigned\b|\bcomplet\w+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred)\b/i;
/**
 * A judgment of character is not a criterion either: "Our most committed partners", "Strategic
 * partners", "The best of our resellers" say whom the company will pick, not what a partner can do.
 */
const CHARACTER_ONLY =
  /^\W*(?:(?:our|the|a|an|only|for)\s+)*(?:(?:very|most|best|top|highest|strongest|closest|biggest|key|strategic|trusted|committed|engaged|valued|loyal|elite|select|leading|proven|serious|great|good|strong|active|close)\s+(?:of\s+(?:our|the)\s+)?)+(?:partners?|resellers?|firms?|agencies|members?|ones|relationships?|players)\W*$/i;
function invitationOnly(text: string): boolean {
  return (INVITED.test(text) || CHARACTER_ONLY.test(text.trim())) && !MEASURABLE.test(text);
}
/** Words that make a sentence a requirement: what a partner must do, reach or show. */
const REQUIREMENT_WORDING =
  /\b(?:must|required?|requires|requirements?|need(?:s|ed)? to|(?:is|are) needed|at least|minimum|min\.|threshold|qualif\w+|to (?:join|qualify|reach|move up|get there|enter|become|unlock)|criteria|entry|get there by|by (?:closing|selling|completing|certifying|showing|reaching)|show(?:s|ing)? (?:\w+ ){0,2}(?:customers?|references?|deals?)|once (?:they|you|a partner)|after (?:closing|selling|completing))\b/i;
/** Tiers and levels of someone else: customers' status, support plans, employees' careers, a competitor's program, candidates before they join. */
const NOT_THIS_PROGRAMS_TIER =
  /\b(?:customers?|clients?|users?|subscribers?) (?:with|who|that|earn|get|qualify)\b|\bavailable to (?:customers|clients|users)\b|\bcareer\b|\bemployees?\b|\bquota attainment\b|\bpromotion\b|\bcompetitors?\b|\bcompetitor['’]s\b|\b(?:its|their) (?:\w+ )?tier\b|\bcandidate\b|\bprospective\b|\bapplicants?\b|\b(?:gold|silver|platinum|bronze|premium)[- ]tier customers\b|\b(?:plan|subscription|edition|licen[cs]e) (?:tier )?includes\b|\bsubscription tier\b|\bas an? (?:preferred |valued )?customer of\b|\bwe are an? (?:[\w-]+ ){0,3}partner\b|\bno tier (?:gets|has|receives)\b|\bthere are no tiers\b/i;
/** What it takes to reach a tier, stated: criteria that a partner can meet. */
function statesCriteria(text: string): boolean {
  return (CRITERIA.test(text) || (REQUIREMENT_WORDING.test(text) && MEASURABLE.test(text))) && !invitationOnly(text);
}
/** A sentence in a tier's section that may state what it takes to reach the tier (not a benefit, a question or someone else's tier). */
function mayStateCriteria(s: Sentence): boolean {
  if (s.isQuestion || NOT_THIS_PROGRAMS_TIER.test(s.text) || NOT_A_TIER_CRITERION.test(s.text) || statesPartnerExit(s.text)) return false;
  return !BENEFITS.test(s.text) || REQUIREMENT_WORDING.test(s.text);
}
/** A table cell of entry criteria that holds one. */
function criteriaCell(text: string): boolean {
  return !EMPTY_CELL.test(text) && !invitationOnly(text);
}
/** A label left open: "Criteria for Gold: TBD", "Tier requirements: to be set". */
const LEFT_OPEN =
  /:\s*(?:tbd|tbc|tba|to be \w+|n\/a|none yet|open)\b|\bno (?:\w+ ){0,2}(?:requirements?|criteria)\b|\b(?:don't|do not) have (?:\w+ ){0,2}(?:requirements?|criteria)\b|\bcriteria (?:that )?(?:will be|are to be|to be) (?:published|defined|announced|shared|set)\b/i;
/** Sentences in a tier's section that are not what it takes to reach the tier: rules for deals, course lengths, statistics, other kinds of tier. */
const NOT_A_TIER_CRITERION =
  /\bregister (?:deals?|opportunit\w+)\b|\b(?:exam|course|certification|training) (?:takes|lasts|is)\b|\bhours? of (?:content|training)\b|\baccount for \d+\s?%|\b(?:plan|support|pricing|subscription)(?: tier)? requires?\b|\bcelebrated\b/i;
const BENEFITS =
  /\bbenefits?\s*:\s*\S|\broadmap (?:input|reviews?|sessions?|briefings?)\b|\bexec(?:utive)? sponsor\b|\bcustom (?:commercial )?terms\b|\bbadges?\b|\bco-?market\w*|\brev(?:enue)?[- ]share\b|\bmargins?\b|\bdiscounts?\b|\bMDF\b|\bfees?\b|\baccess\b|\bdedicated\b|\blisting\b|\bmanager\b|\bco-?brand\w*|\bsupport\b|\bleads?\b|\bpriority\b|%|\bper ?cent\b|\brebates?\b|\bcommission\b|\bdemo\b|\bportal\b|\bcouncil\b|\bwebinars?\b|\bearly access\b|\bplanning\b|\blicen[cs]es?\b|\bmaterials\b|\bregistration\b/i;
/** An empty cell, or one that leaves it open: "TBD", "to be announced", "Benefits to be announced once …". */
const EMPTY_CELL = /^(?:|—|–|-|n\/?a|tbd|tba|tbc|none|\?|\.\.\.|…|pending|coming soon|later)\.?$|^(?:still|yet to be|not yet) (?:being )?(?:worked out|decided|defined|agreed|set|finali[sz]ed|discussed)\b|^(?:[\w-]+\s+){0,2}(?:(?:are |is )?to be|will be) (?:defined|decided|confirmed|announced|determined|agreed|worked out|set|finali[sz]ed|discussed)\b|^(?:tbd|tbc|tba)\b/i;

/** A row label that opens the requirements: "Entry criteria", "What you need", "To join and stay". */
const REQUIREMENTS_PART = /^(?:entry |joining |tier )?(?:requirements?|criteria)\b|^what (?:you|partners?) (?:need|must)\b|^to (?:join|qualify|stay)\b/i;

/** A row label that states what a partner must do or have: a requirement, not a benefit. */
const REQUIREMENT_ROW =
  /\b(?:requirements?|criteria|required|minimum|min\.|certif\w*|specialists?|entry|qualif\w*|commitments?|bookings|revenue|ARR|deals?|projects?|agreement|fees?|retention|staff|engineers?|reps?|salespe\w+|trained|exams?|courses?|to (?:join|qualify|reach))\b/i;

/**
 * A comparison table whose columns are the tiers ("| Requirements | Registered | Silver | Gold |"),
 * requirements and benefits as rows: one tier per column. A row whose first cell is "Benefits"
 * (or a repeated header) separates requirements from benefits; otherwise each row is read by its
 * label. Null when the table is not written that way.
 */
const COLUMN_TIERS = new WeakMap<object, Tier[] | null>();

function tiersAsColumns(u: Unit): Tier[] | null {
  // The reading depends on the table alone, which a piece keeps until its text changes.
  const table = u.table!;
  if (COLUMN_TIERS.has(table)) return COLUMN_TIERS.get(table)!;
  const tiers = readColumnTiers(u);
  COLUMN_TIERS.set(table, tiers);
  return tiers;
}

function readColumnTiers(u: Unit): Tier[] | null {
  const table = u.table!;
  const names = table.header.slice(1).map((h) => h.trim());
  // A column is a tier when its header is a tier's name ("Silver", "Gold Partner", "Tier 2"),
  // not a label that starts like one ("Certified reps", "Registered deals").
  const isTierName = (h: string) => TIER_NAME.test(h) && /^[\w-]+(?:\s+(?:partners?|tier|level|resellers?|members?|\d))?$/i.test(h);
  const named = names.filter(isTierName).length;
  if (names.length < 2 || named < 2 || named * 4 < names.length * 3) return null;
  // Rows that name tiers themselves make a tier-per-row table.
  if (table.rows.length && table.rows.filter((r) => TIER_NAME.test(r.cells?.[0]?.text ?? '')).length * 2 > table.rows.length) return null;
  const first = (table.header[0] ?? '').trim();
  // A corner cell naming both ("Requirement / benefit") leaves each row to its own label.
  const both = /benefit|what (?:you|partners?) get/i.test(first) && /requirement|criteria|to join|entry/i.test(first);
  let part: 'requirements' | 'benefits' | null = both ? null : /^benefits?\b/i.test(first) ? 'benefits' : /requirement|criteria|to join|entry/i.test(first) ? 'requirements' : null;
  const tiers: Tier[] = names.map((name) => ({ name, unit: u, hasCriteria: false, hasBenefits: false }));
  for (const r of table.rows) {
    const cells = r.cells ?? [];
    const label = cells[0]?.text.trim() ?? '';
    // A row labelled "Benefits" or "Entry criteria" with empty cells starts that part of the table;
    // with its cells filled, it is that part's one row.
    const rowPart = /^benefits?\b|^what (?:you|partners?) get\b/i.test(label) ? 'benefits' : REQUIREMENTS_PART.test(label) ? 'requirements' : null;
    if (cells.slice(1).every((c) => EMPTY_CELL.test(c.text.trim()))) {
      if (rowPart) part = rowPart;
      continue;
    }
    const isRequirement = rowPart ? rowPart === 'requirements' : part ? part === 'requirements' : REQUIREMENT_ROW.test(label) && !BENEFITS.test(label.replace(REQUIREMENT_ROW, ''));
    tiers.forEach((t, i) => {
      const cell = cells[i + 1]?.text.trim() ?? '';
      if (EMPTY_CELL.test(cell) || /^(?:no|none required|not included|✗|✘|x)$/i.test(cell)) return;
      if (isRequirement) t.hasCriteria ||= !invitationOnly(cell);
      else t.hasBenefits = true;
    });
  }
  return tiers;
}

export function findTierStructures(plan: PlanModel): TierStructure[] {
  const out: TierStructure[] = [];
  const seenTables = new Set<unknown>();
  for (const u of plan.selectUnits('tableHeaders', (x) => x.kind === 'tableRow' && x.isHeaderRow && !!x.table)) {
    if (!u.table || seenTables.has(u.table)) continue;
    seenTables.add(u.table);
    const columns = tiersAsColumns(u);
    if (columns) {
      out.push({ kind: 'table', anchor: u, tiers: columns, section: u.section });
      continue;
    }
    const firstIsTier = /^(?:tiers?|levels?|partner (?:tiers?|levels?)|status|program level|membership)$/i.test(u.table.header[0] ?? '');
    const underTierHeading = u.section?.inTopic('tiers') ?? false;
    // Most tables are neither: their rows and columns are not read.
    if (!firstIsTier && !underTierHeading) continue;
    const header = u.table.header.map((h) => h.toLowerCase());
    const rowsLookLikeTiers = () => u.table!.rows.length > 0 && u.table!.rows.every((r) => TIER_NAME.test(r.cells?.[0]?.text ?? ''));
    if (!firstIsTier && !(underTierHeading && (rowsLookLikeTiers() || header.some((h) => /criteria|requirement|benefit|get there|receives?/.test(h))))) continue;
    const critCol = header.findIndex((h, i) => i > 0 && /criteria|requirements?|how .* gets? there|entry|qualif|eligib|to qualify|to reach|commitment|what (?:you|partners?) (?:need|must)|you need|needed|required|must have|to join|minimums?/.test(h));
    const benCol = header.findIndex((h, i) => i > 0 && /benefits?|receives?|gets?\b|rewards?|perks|what .* (?:receives?|gets?)|incentives?|margin|discount/.test(h));
    const tiers: Tier[] = u.table.rows.map((r) => {
      const cells = r.cells ?? [];
      const cellText = (i: number) => (i >= 0 ? cells[i]?.text ?? '' : '');
      const rest = cells.slice(1).map((c) => c.text).join(' ');
      const hasCriteria = critCol >= 0 ? criteriaCell(cellText(critCol)) : statesCriteria(rest);
      const hasBenefits = benCol >= 0 ? !EMPTY_CELL.test(cellText(benCol)) : BENEFITS.test(rest);
      return { name: cellText(0), unit: r, hasCriteria, hasBenefits };
    });
    out.push({ kind: 'table', anchor: u, tiers, section: u.section });
  }
  // Lists under a tier heading whose items start with a tier name.
  const structured = new Set(out.map((t) => t.section));
  for (const sec of plan.sectionsWith('tiers')) {
    if (structured.has(sec)) continue;
    const items = new Map<string, Unit>();
    for (const u of sec.units) {
      if (u.kind !== 'paragraph' || !u.list) continue;
      const key = `${u.list.id}:${u.list.item}`;
      if (!items.has(key)) items.set(key, u);
    }
    // Top-level items only; a tier's nested bullets ("Entry: ...", "Benefits: ...") are part of it.
    const top = Math.min(...[...items.values()].map((u) => u.list!.depth));
    // An item names a tier when it is labelled ("Gold: …") or opens with a short name; a rule that
    // starts with a tier's name ("Registered partners with no deal in 12 months are removed") is not one.
    const opensWithName = (u: Unit) => !!u.label || u.text.split(/[:.—–]/)[0].trim().split(/\s+/).length <= 4;
    const units = [...items.values()].filter((u) => u.list!.depth === top && ((TIER_NAME.test(u.label || u.text) && opensWithName(u)) || /^[A-Z][\w/ ]{0,30}:/.test(u.text) || (!!u.label && u.text.trim().length <= u.label.length + 2)));
    if (units.length) {
      const all = sec.units;
      const body = (u: Unit) => {
        const i = all.indexOf(u);
        const parts = [u.text.slice((u.label || '').length)];
        for (let j = i + 1; j < all.length && all[j].list && all[j].list!.depth > top; j++) parts.push(all[j].text);
        return parts.join(' ');
      };
      // Items that label their parts ("entry: … · benefits: …") are read by those labels.
      const BEN_LABEL = /\b(?:benefits?|you get|perks|rewards?)\s*:\s*\S/i;
      const CRIT_LABEL = /\b(?:entry|criteria|requirements?|to join|to qualify|eligibility)\s*:\s*\S/i;
      const labelsBenefits = units.filter((u) => BEN_LABEL.test(body(u))).length >= 2;
      const labelsCriteria = units.filter((u) => CRIT_LABEL.test(body(u))).length >= 2;
      out.push({
        kind: 'list',
        anchor: units[0],
        section: sec,
        tiers: units.map((u) => ({
          name: u.label || u.text.split(/[:.—–-]/)[0],
          unit: u,
          hasCriteria: labelsCriteria ? CRIT_LABEL.test(body(u)) && !invitationOnly(body(u).replace(/\b(?:entry|criteria|requirements?|to join|to qualify|eligibility)\s*:/gi, '')) : statesCriteria(body(u)),
          hasBenefits: labelsBenefits ? BEN_LABEL.test(body(u)) : BENEFITS.test(body(u)),
        })),
      });
      continue;
    }
    // Sub-headings named like tiers ("### Gold").
    // A sub-section that labels what it takes and what it gives ("Requirements: … / Benefits: …") is a tier, whatever its name.
    const labelled = (c: Section) => c.allSentences().some((x) => /^\s*(?:\*\*)?(?:requirements?|criteria|entry|benefits?|you get)\s*(?:\*\*)?\s*:/i.test(x.text));
    // "Level reviews", "Moving between tiers", "Tier requirements": about the tiers, not one of them.
    const aboutTiers = (c: Section) => /\b(?:reviews?|requirements?|benefits|changes?|moving|movement|criteria|overview|summary|how|rules)\b/i.test(c.title);
    const subs = sec.children.filter((c) => (TIER_NAME.test(c.title) || /\btier\b|\blevel\b/i.test(c.title) || labelled(c)) && !(aboutTiers(c) && !labelled(c) && !TIER_NAME.test(c.title.replace(/^[\d.\s]+/, ''))));
    if (subs.length) {
      out.push({
        kind: 'headings',
        anchor: subs[0].heading!,
        section: sec,
        tiers: subs.map((c) => {
          // What the tier's section states: not hedged, past, left to fill ("Criteria: TBD") or denied.
          const stated = [...c.allSentences()].filter((s) => s.unit.kind !== 'heading' && !isHedged(s.text) && !reportsThePast(s.text) && !LEFT_OPEN.test(s.text));
          // Benefits of this program's tiers: not a question, a denial or someone else's tier.
          const body = stated.filter((s) => !s.isQuestion && !NOT_THIS_PROGRAMS_TIER.test(s.text)).map((s) => s.text).join(' ');
          const criteria = stated.filter(mayStateCriteria).map((s) => s.text).join(' ');
          return { name: c.title, unit: c.heading!, hasCriteria: statesCriteria(criteria), hasBenefits: BENEFITS.test(body) };
        }),
      });
    }
  }
  shareAcrossStructures(out);
  return out;
}

/** The names a tier goes by: "Registered / Authorized" is the same level under two tracks' names. */
function tierKeys(name: string): string[] {
  return name
    .replace(/[*_`]/g, '')
    .split(/\s*\/\s*|\s+or\s+/i)
    .map((n) => n.replace(/\b(?:partners?|tier|level)\b/gi, '').trim().toLowerCase())
    .filter(Boolean);
}

/**
 * A tier described in several places (its payout in one table, its criteria and benefits in
 * another) has what any of them gives it.
 */
function shareAcrossStructures(structures: TierStructure[]): void {
  if (structures.length < 2) return;
  const known = new Map<string, { criteria: boolean; benefits: boolean }>();
  for (const t of structures.flatMap((x) => x.tiers))
    for (const k of tierKeys(t.name)) {
      const seen = known.get(k) ?? { criteria: false, benefits: false };
      known.set(k, { criteria: seen.criteria || t.hasCriteria, benefits: seen.benefits || t.hasBenefits });
    }
  for (const t of structures.flatMap((x) => x.tiers))
    for (const k of tierKeys(t.name)) {
      const seen = known.get(k)!;
      t.hasCriteria ||= seen.criteria;
      t.hasBenefits ||= seen.benefits;
    }
}
