import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { appendSentenceFix } from '../core/fixes.js';
import { renderLine } from '../core/templates.js';
import { PARTNER_NOUN } from '../core/facts/index.js';
import { isHedged, isNegatedAt, reportsThePast, WISH } from '../core/language.js';
import { OTHER_COMPANY } from '../core/vocabulary.js';

const EXEC_ONLY =
  /\b(?:CEO|founder|co-founder|exec(?:utive)?|VP|C-level|C-suite|chief \w+ officer|chief executive|president|owner)s?(?:[- ]to[- ]|\s*(?:↔|<->|⇄|<=>)\s*)(?:CEO|founder|co-founder|exec(?:utive)?|VP|C-level|C-suite|chief executive|owner)s?\b|\bexec(?:utive)?[- ]sponsors?(?:hip)?\b|\bexecutive[- ](?:level )?relationships?\b|\bVP-level relationships?\b|\bsenior[- ]exec(?:utive)?s? (?:agreed|signed off|committed|said yes)\b|\brelationship (?:between|of) (?:our|the) (?:CEOs|founders|executives)\b|\b(?:owned|run|held|managed|handled|led) at (?:the )?(?:VP|exec(?:utive)?|C-level|C-suite|CEO|founder|senior|leadership)[- ]level\b|\b(?:VP|exec(?:utive)?|C|leadership|CEO|founder|board|senior)[- ]level (?:on both sides|(?:sponsor )?relationships?|sponsors?(?:hip)?)\b|\bbetween (?:the )?(?:two |both )?(?:CEOs|founders|VPs|executives|leadership teams)\b|\b(?:founders?|CEO|co-founders?|exec(?:utive)?s?|leadership)\b[^.]{0,30}\b(?:personally )?(?:manage|own|run|handle|hold)s? (?:each|every|all|the) (?:partner )?relationships?\b|\bexec(?:utive)? sponsors? on both sides\b/i;

/**
 * A relationship held at the top, read from its parts in any order: the relationship (held,
 * anchored, championed, owned, "built at the top"), executives on at least one side, and the
 * partner ("The partnership is anchored by the CEOs of both companies", "Relationship owner on the
 * partner side: their SVP of Alliances").
 */
const RELATIONSHIP =
  /\brelationships?\b|\brelation with\b|\banchored by\b|\bchampion(?:ed|s)?\b|\bagreed personally\b|\b(?:held|owned|managed|run) by\b|\bsits with\b|\bbuilt at the top\b|\bat (?:the )?(?:top|VP|C|exec\w*|senior|board) level\b|\bmain contact\b|↔|\bopen doors\b|\bsign(?:s)? off personally\b|\bwork directly with our founders\b|\bengagement happens at\b|\bconnections? (?:between|with)\b|\b(?:personal )?conversations? with\b|\b(?:hangs?|rests?|depends?) on\b|\bmeetings? with\b|\bon board\b|\bletter from\b|\bpersonally sponsors?\b|\bnegotiates?\b|\bowns? the (?:partnership|relationship|alliance)\b/i;
const EXECUTIVES =
  /\bCEOs?\b|\bfounders?\b|\bco-?founders?\b|\bchairman\b|\bchief executives?\b|\bC-(?:level|suite)\b|\b(?:S|E|Corporate )?VPs?\b|\bexecutives?\b|\bmanaging (?:director|partner)s?\b|\bgeneral managers?\b|\btop level\b|\bowner\b(?= stays| signs)|\bleadership team\b|\bsenior leadership\b|\bboard level\b|\bchief \w+ officers?\b|\b(?:CRO|COO|CTO)s?\b/i;
const PARTNER_SIDE = /\bpartners?(?:hips?)?\b|\balliances?\b|\bresellers?\b|\bSIs?\b|\bGSIs?\b|\bconsultanc\w+|\btheir\b|\b(?:both|two) (?:companies|sides)\b|\beach side\b|\b(?:each|the) (?:firm|company|VAR|MSP|distributor)['’]s\b|\bits\b|\bMicrosoft|\bAWS\b|\bGoogle\b|\bSalesforce\b/i;
/** Sellers named in the same sentence make it more than an executive relationship. */
const SELLERS = /\b(?:reps?|sellers?|salespe\w+|AEs?|account (?:executives?|managers?)|sales team)\b/i;

/**
 * Or the partner's top people as the point of contact: their CEO, COO or founder, C-level, "top
 * management of both companies", with the partnership agreed, pitched, run or steered through them.
 */
const THEIR_TOP =
  /\b(?:their|the partner(?:'s|’s)|partner(?:'s|’s)|(?:the|each|every) (?:distributor|reseller|MSP|SI|VAR|agency|partner|firm|dealer)(?:'s|’s))\s+(?:\w+\s+)?(?:CEO|COO|CTO|CFO|CRO|chief executive|founder|co-?founder|owner|managing director|C-level|C-suite|president|top management|leadership)\b|\bC-level\b|\bC-suite\b|\btop management of both\b|\bboth (?:CEOs|founders|leadership teams)\b/i;
const THROUGH_THEM =
  /\b(?:calls?|called|agreed?|agrees|personally|pitch(?:es|ed)?|runs? through|rests? on|driven|drives?|signed off|sign(?:s|ed)? off|friendship|steer\w*|says? yes|promised|meets?|between|goes to|outreach)\b/i;

/** The company's own sponsor of its program ("the executive sponsor of the program on our side is the CRO") holds no partner relationship. */
const OWN_PROGRAM_SPONSOR = /\bsponsors? (?:of|for) (?:the |our |this )?(?:partner |channel )?program(?:me)?\b|\bon our side is\b/i;

function restsOnExecutives(text: string): boolean {
  if (isHedged(text) || reportsThePast(text) || OWN_PROGRAM_SPONSOR.test(text) || /\b(?:customers?|clients?) (?:\w+ )?(?:gets?|receives?|has|have)\b/i.test(text)) return false;
  if (EXEC_ONLY.test(text)) return true;
  if (THEIR_TOP.test(text) && THROUGH_THEM.test(text) && !SELLERS.test(text) && !/\b(?:customers?|clients?)\b/i.test(text) && !reportsThePast(text)) return true;
  const rel = RELATIONSHIP.exec(text);
  // "partner-influenced deals" describes deals, not the partner's side of a relationship.
  const partnerSide = PARTNER_SIDE.test(text.replace(/\bpartner-(?:influenced|sourced|led|generated|registered|originated)\b/gi, ' '));
  if (!rel || !EXECUTIVES.test(text) || !partnerSide || SELLERS.test(text) || isNegatedAt(text, rel.index)) return false;
  // A customer's executive sponsor, or the executive who owns the program itself, is not this.
  return !/\b(?:customers?|clients?)\b/i.test(text) && !/\b(?:owns?|runs?|leads?) (?:the |our )?(?:partner |channel )?program/i.test(text);
}

export const NAMED_REPS =
  /\b(?:named|committed|dedicated|quota[- ]carrying)\b(?! accounts?\b(?! executives?| managers?))[^.;]{0,40}\b(?:sales ?)?(?:reps?|salespe\w+|sellers?|sales team|sales headcount|sales leads?|account (?:executives?|managers?)|AEs?)\b|\bnames? (?:min\.?|minimum|at least)?\s*(?:\d+|one|two|three)\s+(?:sales ?)?reps?\b|\bnames? (?:a|the|one or more|at least one|its|their)\b[^.;]{0,30}\b(?:salesperson|sales ?reps?|reps?|sellers?|salespeople)\b|\b(?:reps?|salespe\w+) (?:committed|dedicated) to\b/i;

/**
 * The partner required to commit sellers, read from its parts in any order: a seller on the partner's
 * side (a rep, a salesperson, a sales owner or lead) and a commitment (assigned, dedicated, named,
 * nominated, on quota or a comp plan, paid on our product). Our own reps, reports of the past and
 * undecided requirements are not it.
 */
const PARTNER_SELLER = /\b(?:sales ?(?:reps?|people|persons?|owners?|leads?|contacts?)|partner-sales (?:leads?|reps?)|salespe\w+|reps?|sellers?|AEs?|account (?:executives?|managers?))\b/i;
const COMMITS = /\b(?:assign\w*|dedicat\w+|named?|names|nominat\w+|commit\w*|list of|quotas?|quota sheets?|comp(?:ensation)? plans?|compensated on|paid on|commission|carry|carries|target includes)\b/i;

/** Not the partner's committed sellers: our own hires, a supplier's rep, a wish or an option. */
const NOT_PARTNER_COMMITMENT =
  /\b(?:channel|partner) account managers?\b|\bwe (?:will |'ll )?hire\b|\bprobably\b|\bif they wish\b|\boptional\b|\bwon't make it a (?:condition|requirement)\b|\bnot (?:a )?(?:condition|requirement)\b|\bnamed accounts?\b(?! executives?| managers?)/i;

function requiresCommittedReps(text: string): boolean {
  if (isHedged(text) || WISH.test(text) || NOT_PARTNER_COMMITMENT.test(text) || OTHER_COMPANY.test(text) || reportsThePast(text) || /\bin the pilot\b[^.]{0,40}\b(?:named|had|were)\b/i.test(text)) return false;
  const commit = COMMITS.exec(text);
  if (commit && isNegatedAt(text, commit.index, 30)) return false;
  if (NAMED_REPS.test(text)) return true;
  const seller = PARTNER_SELLER.exec(text);
  if (!seller || !commit || /^names of\b/i.test(text.slice(commit.index))) return false;
  // "Our reps" are the direct team, not the partner's; the partner must be the one committing.
  if (/\bour (?:\w+ )?$|\b(?:field|direct|inside) sales\b[^.]{0,12}$/i.test(text.slice(Math.max(0, seller.index - 20), seller.index))) return false;
  // AEs are the company's own unless the partner's ("their AEs", "each partner's AE").
  const beforeSeller = text.slice(Math.max(0, seller.index - 60), seller.index);
  const partnersOwn =
    /\b(?:their|its|partner(?:'s|s'|’s)?|reseller(?:'s|s'|’s)?|each \w+(?:'s|’s))\s+(?:\w+\s+)?$/i.test(beforeSeller) ||
    /\b(?:partners?|resellers?|MSPs?|agenc(?:y|ies)|firms?)\b[^.;]{0,20}\b(?:names?|assigns?|commits?|dedicates?|nominates?)\b[^.;]{0,15}$/i.test(beforeSeller);
  if (/^(?:AEs?|account executives?)$/i.test(seller[0]) && !partnersOwn) return false;
  // A rep's overlay credit or comp plan is the direct team's pay, not a partner's commitment.
  if (/\boverlay\b|\b(?:our|direct) (?:\w+ )?(?:reps?|AEs?|sellers?|sales team)\b|\bhelps? on a (?:\w+ )?deal\b/i.test(text)) return false;
  return PARTNER_NOUN.test(text) || /\byou\b/i.test(text);
}

export default defineRule({
  meta: {
    id: 'committed-reps',
    title: 'Committed sales reps at the partner',
    description: 'A partnership that rests on executives also requires the partner to name committed sales reps.',
    defaultSeverity: 'warning',
    category: 'design',
    options: z.object({}).strict().default({}),
    fixable: true,
    docs: {
      why: 'A partner\'s executive saying yes is not the same as the partner\'s sellers pitching you. The commonest dead partnership has an enthusiastic sponsor and no rep who carries the product.',
      fires: 'A sentence builds a partnership or a recruiting step on executives (CEO-to-CEO, founder-to-VP, an executive sponsor, a "VP-level relationship") and the plan nowhere asks the partner to name committed, dedicated or quota-carrying sales reps. One finding per such sentence.',
      doesNotFire: 'Executive sponsorship alongside a requirement for named or committed reps anywhere in the plan; founders sending introduction emails (that is outreach, not the relationship).',
      fix: 'Require each partner to name at least one committed sales rep who carries the product. The quick fix appends that requirement to the sentence.',
      example: 'Our alliance rests on a CEO-to-CEO relationship with the partner.\n',
    },
  },
  check({ plan, evidence, report }) {
    if (plan.statements('committedReps', (x) => requiresCommittedReps(x.text)).length) return;
    for (const s of plan.statements('execOnly', (x) => restsOnExecutives(x.text))) {
      report({
        message: 'This relationship rests on executives only; require the partner to name committed sales reps who carry the product.',
        at: plan.sentenceSpan(s),
        fixes: [appendSentenceFix(s.end, renderLine('Each partner also names at least {{1:N}} committed sales reps who carry our product and are measured on it.'), 'Append a named-rep requirement', false)],
      });
    }
  },
});
