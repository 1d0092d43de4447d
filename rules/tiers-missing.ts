import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { insertSectionFix } from '../core/fixes.js';
import { partnerCounts, type Evidence } from '../core/facts/index.js';
import { ANY_PARTNER_WORD } from '../core/facts/partners.js';
import { isHedged, reportsThePast } from '../core/language.js';
import type { PlanModel } from '../core/model.js';
import type { Sentence } from '../core/sentences.js';
import { CAPITALISED_TIER_NAMES, OTHER_COMPANY } from '../core/vocabulary.js';

/**
 * A sentence that names a tier structure: a structure word (tiers, levels, bands, "grouped into",
 * "move up to") and two or more tier names ("Three tiers: Registered, Silver, Gold", "You start
 * as a Registered partner; certified partners become Silver").
 */
const TIER_STRUCTURE_WORD =
  /\b(?:tiers?|tiering|tiered|levels?|bands|status(?:es)?|ladder|(?:two|three|four|five)[- ]tier|grouped into|split into|classified as|segmented into|segmented in|fall into|move up to|start as|enter at|become|invited to)\b/i;
const TIER_WORD = new RegExp(`\\b${CAPITALISED_TIER_NAMES}\\b`, 'g');

/** Tiers of something other than partners: people's certifications, customer pricing plans, event sponsorship, support. */
const NOT_PARTNER_TIERS = /\b(?:certification|certified|individuals?|people|consultants?|engineers?|sponsorship|sponsors?|pricing|price|plans?|subscriptions?|support|SLA|conference|event|customers?|employees?|seniority|job)\b[^.;:]{0,30}\b(?:tiers?|levels?)\b|\b(?:tiers?|levels?)\b[^.;:]{0,20}\bfor (?:individuals|people|consultants|engineers|customers|sponsors|support)\b|\bservice levels?\b|\bdata cent(?:re|er)s?\b|\binfrastructure\b|\bhosting\b/i;
/** A count of tiers, or a grouping ("grouped into", "split into", "segmented in three groups"). */
const TIER_GROUPING =
  /\b(?:two|three|four|five|six|2|3|4|5|6)[- ](?:tiers?|levels?|groups?|segments?|tracks?|bands?)\b|\b(?:two|three|four|five|2|3|4|5)[- ]tier(?:ed)? (?:structure|model|program(?:me)?)\b|\b(?:grouped|split|segmented|divided|organi[sz]ed|sorted|classified) (?:in|into) (?:(?:two|three|four|five|\d) (?:groups?|tiers?|levels?|segments?)|[A-Z])|\b(?:tiers?|levels?)\s*[:—–]\s*[A-Z]/i;
/** Two or more capitalised names in a list: "Explorer, Builder, Champion", "Core and Premier", "Partner and Strategic Partner". */
const NAME_LIST = /\b[A-Z][\w-]*(?: [A-Z][\w-]*)?(?:,\s*(?:and\s+|or\s+)?[A-Z][\w-]*(?: [A-Z][\w-]*)?)*,?\s+(?:and|or)\s+[A-Z][\w-]*(?: [A-Z][\w-]*)?|\b[A-Z][\w-]*(?:\s*(?:,|—|–|\/|→|->|>)\s*[A-Z][\w-]*){2,}/;
/** Numbered tiers: "Tier 1 (national SIs), Tier 2 (regional MSPs)". */
const NUMBERED_TIERS = /\b(?:Tier|Level)\s*(?:[1-5]|I{1,3}|IV)\b/g;

function namesTiers(text: string): boolean {
  if (!TIER_STRUCTURE_WORD.test(text) && !TIER_GROUPING.test(text)) return false;
  if (isHedged(text) || reportsThePast(text) || NOT_PARTNER_TIERS.test(text) || OTHER_COMPANY.test(text) || /\b(?:one|a single) (?:partner )?(?:tier|level)\b|\b(?:no|none|without) (?:tiers?|levels?)\b|\bhas none\b|\bexisted\b/i.test(text)) return false;
  const names = new Set((text.match(TIER_WORD) ?? []).map((w) => w.toLowerCase()));
  if (names.size >= 2) return true;
  // Numbered tiers count when the sentence is about partners ("Tier 1 (national SIs), Tier 2 (regional MSPs)").
  if (new Set((text.match(NUMBERED_TIERS) ?? []).map((w) => w.toLowerCase().replace(/\s+/g, ''))).size >= 2 && ANY_PARTNER_WORD.test(text)) return true;
  // Names of the company's own choosing, listed after a grouping ("Four levels — Explorer, Builder,
  // Champion, Elite") or before the word ("distinguishes between Partner and Elite Partner status").
  const g = TIER_GROUPING.exec(text) ?? TIER_STRUCTURE_WORD.exec(text);
  if (!g) return false;
  if (NAME_LIST.test(text.slice(g.index))) return true;
  const before = NAME_LIST.exec(text.slice(0, g.index));
  return !!before && g.index - (before.index + before[0].length) <= 2 && /\bbetween\b/i.test(text.slice(0, before.index));
}

/** Segmentation other than tiers: partner segments by size, vertical, region. */
/** A stated number of levels ("Two levels:", "three partner tiers"); levels of a certification or for individuals are not partner tiers. */
const COUNTED_TIERS = /\b(?:two|three|four|five|2|3|4|5) (?:partner )?(?:levels|tiers)\b/i;
const NOT_PARTNER_LEVELS = /\bcertifications?\b|\bindividuals?\b|\bpeople\b|\bsupport\b|\bpricing\b|\bplans?\b/i;

function segmentation(evidence: Evidence): Sentence | null {
  const single = /\b(?:one|a single) (?:partner )?(?:tier|level|segment)\b/i;
  const named = evidence.find(/\bsegment(?:s|ed|ation)?\b[^.]{0,60}\b(?:partners?|resellers?|firms?)|\b(?:partners?|resellers?|firms?) (?:are )?segmented\b|\bpartner (?:tiers?|levels?|segments?)\b/i);
  return (named && !single.test(named.text) ? named : null) ?? evidence.plan.statements('namedTiers', (x) => namesTiers(x.text))[0] ?? evidence.plan.statements('countedTiers', (x) => COUNTED_TIERS.test(x.text) && !NOT_PARTNER_LEVELS.test(x.text))[0] ?? null;
}

/** Statements that count partners ("six resellers"); see `partnerCounts`. */
function countingPartners(plan: PlanModel): Sentence[] {
  return plan.statements('countingPartners', (s) => partnerCounts(s).length > 0);
}

export default defineRule({
  meta: {
    id: 'tiers-missing',
    title: 'Partner tiers or segments',
    topic: 'tiers',
    kinds: ['plan', 'guide'],
    description: 'A program with more than ten partners, or past its pilot, defines tiers or segments.',
    defaultSeverity: 'warning',
    category: 'structure',
    options: z.object({ maxPartnersWithoutTiers: z.number().int().min(0).default(10).describe('Partner counts above this need tiers.') }).strict().default({ maxPartnersWithoutTiers: 10 }),
    fixable: true,
    docs: {
      why: 'Without tiers, a one-person agency and a thousand-seat integrator get the same terms, and no partner knows what to aim for. Two to four tiers create aspiration and let you spend where the revenue is.',
      fires: 'The plan targets or lists more than 10 partners, or its stage is past the pilot, and it defines no tiers, levels or segments. On the title.',
      doesNotFire: 'Plans whose only archetype is strategic; a one-tier structure (that is `tier-count`); pilot-stage plans with ten partners or fewer.',
      fix: 'Define 2-4 tiers with entry criteria and benefits. The quick fix inserts a tier table.',
      example: '---\ntype: partnership-plan\narchetypes: [technology]\nstage: scale\n---\n# Integrations plan\n',
    },
  },
  check({ plan, evidence, options, report }) {
    if (plan.archetypes.length && plan.archetypes.every((a) => a === 'strategic')) return;
    if (evidence.tierStructures.length || plan.sectionsWith('tiers').length || segmentation(evidence)) return;
    const pastPilot = plan.stage !== null && plan.stage !== 'pilot';
    const many = countingPartners(plan).some((s) => partnerCounts(s).some((c) => c.max > options.maxPartnersWithoutTiers && !/\btarget list\b|\bcandidates?\b|\bshortlist\b/i.test(s.text)));
    if (!pastPilot && !many) return;
    report({
      message: `${pastPilot ? `A ${plan.stage}-stage program` : 'A program with more than ' + options.maxPartnersWithoutTiers + ' partners'} defines no tiers or segments; partners cannot tell what to aim for.`,
      at: plan.titleSpan(),
      fixes: [insertSectionFix(plan, 'tier-table', 'Insert a tier table', false)],
    });
  },
});
