/**
 * The readiness preconditions: evidence that the company is ready for a partner program (a mature
 * product, a known sales motion, differentiation, margin headroom, an owner, a disciplined direct team).
 */
import type { PreconditionKey, PreconditionEvidence } from '../types.js';
import { PRECONDITIONS } from '../types.js';
import { isHedged, isStatement, UNSETTLED, WISH } from '../language.js';
import type { Sentence } from '../sentences.js';
import { DIFFERENTIATION_CUE, priceOnlyClaim, statesDifferentiation } from './differentiation.js';
import { PRODUCT_CUE, statesProductMaturity } from './product.js';
import { ICP_CUE, openProfile, PRICING_CUE, SALES_CYCLE_CUE, statesIcp, statesPricing, statesSalesCycle } from './sales.js';
import { PARTNER_NOUN } from './partners.js';
import type { Evidence } from './index.js';

export function readinessEvidence(ev: Evidence): Record<PreconditionKey, PreconditionEvidence> {
  const plan = ev.plan;
  const span = (s: Sentence) => ({ ...plan.sentenceSpan(s), text: s.text });
  const result = {} as Record<PreconditionKey, PreconditionEvidence>;
  const met = (key: PreconditionKey, sentences: Array<Sentence | null>, yes: string, no: string, ok = sentences.every(Boolean)) => {
    const found = sentences.filter((s): s is Sentence => !!s);
    result[key] = { met: ok && found.length > 0, evidence: found.map(span), reason: ok && found.length > 0 ? yes : no };
  };
  // A label is the sentence's own lead-in ("Differentiation: …"), its table row's first cell, or a
  // short parent bullet whose children say the rest ("- Differentiation" / "  - Brokers see …").
  const nested = plan.statements('nestedItems', (s) => !!s.unit.list && s.unit.list.depth > 0 && s.text.length > 10);
  // A label may name the precondition after a prefix: "Readiness: differentiation", "Precondition — product".
  const bare = (label: string) => label.replace(/^\W*(?:readiness|pre-?conditions?|criteri(?:on|a))\s*(?::|—|–|-)\s*/i, '').trim();
  const labelled = (re: RegExp) =>
    plan.statements(`labelled:${re.source}`, (s) => (re.test(bare(s.unit.label)) && s.text.length > s.unit.label.length + 5) || (!!s.unit.cells && re.test(bare(s.unit.cells[0]?.text ?? '')) && !s.unit.isHeaderRow))[0] ??
    nested.find((s) => re.test((plan.parentItem(s.unit)?.text ?? '').replace(/[*_:]+/g, '').trim())) ??
    null;
  // The company's state, whenever it was measured: past reports count as evidence here.
  const fact = (re: RegExp) => ev.find(re, plan.facts(re));
  const positive = (s: Sentence | null) => (s && !s.test(NEGATIVE_STATEMENT) && !s.test(UNSETTLED) ? s : null);

  // product: read from its parts (core/facts/product.ts)
  const product = plan.facts(PRODUCT_CUE).find((s) => statesProductMaturity(s.text)) ?? null;
  met('product', [positive(product) ?? positive(labelled(/^product(?: maturity| readiness)?$/i))], 'onboarding or implementation is bounded and documented', 'no evidence that customers onboard without hand-holding, with bounded implementation and solid docs');

  // sales: at least two of ICP, pricing, sales cycle
  // A labelled answer that says the question is open ("Customer | Not settled …", "Pricing | still
  // testing two price points") outweighs what other sentences seem to say about it.
  const icpLabel = labelled(/^(?:ICP|ideal customers?(?: profile)?|target customers?|customers?(?: and price)?)$/i);
  const pricingLabel = labelled(/^(?:pricing|prices?|list price)$/i);
  const open = (s: Sentence | null) => !!s && (openProfile(s.text) || s.test(NEGATIVE_STATEMENT));
  const icp = open(icpLabel) ? null : positive(plan.facts(ICP_CUE).find((s) => statesIcp(s.text)) ?? icpLabel);
  const pricing = open(pricingLabel) ? null : positive(plan.facts(PRICING_CUE).find((s) => statesPricing(s.text)) ?? pricingLabel);
  const cycle = positive(plan.facts(SALES_CYCLE_CUE).find((s) => statesSalesCycle(s.text)) ?? labelled(/^(?:sales cycle|cycle|time to close)$/i));
  const salesParts = [icp, pricing, cycle].filter(Boolean);
  result.sales = {
    met: salesParts.length >= 2,
    evidence: salesParts.map((s) => span(s!)),
    reason: salesParts.length >= 2 ? 'ICP, pricing and sales cycle are known' : `needs at least two of ICP, pricing and sales cycle (found ${salesParts.length})`,
  };

  // differentiation
  const diffLabel = positive(labelled(/^differentiat(?:ion|ors?|es?)\b|^positioning$|^why us\b|^why (?:\w+ ){0,3}(?:lead with|pick|choose|prefer|push|recommend|sell|switch|back|wins?|wants?|buy|care)\b|^our edge\b|^unique/i));
  const diff = plan.facts(DIFFERENTIATION_CUE).find((s) => isStatement(s) && statesDifferentiation(s.text)) ?? null;
  const diffOk = [diffLabel, diff].find((s) => s && !priceOnlyClaim(s.text) && s.text.length > 30) ?? null;
  met('differentiation', [diffOk], 'partners have a reason to lead with the product beyond price', 'no reason is given for partners to push this product over alternatives (price alone is not one)');

  // margin headroom
  const margin = positive(
    // Payback is the company's (CAC payback, "payback inside nine months"), not a customer's ROI ("customers see great payback").
    ev.find(MARGIN_FACT, plan.facts(MARGIN_FACT).filter((x) => !NO_HEADROOM.test(x.text) && !NOT_OURS_YET.test(x.text) && !lowMargin(x.text) && !isHedged(x.text) && !WISH.test(x.text))) ??
      plan.facts(ECONOMICS).find((x) => statesHeadroom(x.text)) ??
      labelled(/^margin headroom$/i),
  );
  met('margin', [margin], 'there is headroom to pay partners and keep unit economics', 'no evidence of headroom (gross margin, unit economics, payback) to pay partners 10-30%');

  // owner
  const owner = ev.owner;
  result.owner = {
    met: !!owner && !owner.partTime,
    evidence: owner ? [span(owner.sentence)] : [],
    reason: !owner ? 'no owner of the program is named' : owner.partTime ? 'the owner runs the program alongside another job' : 'a named owner runs the program',
  };

  // direct sales discipline
  const direct = ev.directTeam;
  const policy = ev.conflictPolicy;
  const noCredit = ev.noCreditStatements[0] ?? null;
  // When direct reps get no credit on partner deals, only structural protection (named accounts,
  // hands-off registrations) shows discipline; an escalation path alone does not.
  const structural = noCredit ? ev.find(/\bterritor(?:y|ies)\b|\bnamed[- ]accounts?\b|\bapproved[- ]customer\b|\bprotected accounts?\b|\bhands[- ]off\b|\bclosed to\b|\bstays? away\b|\boff[- ]limits\b|\b(?:may|can|must) not (?:quote|touch|work|call on|approach|contact|discount)\b|\brespect(?:s|ed)? (?:every |all )?(?:approved )?registrations?\b/i) : policy;
  const disciplined = !!direct && !!policy && !!structural;
  result.directSales = {
    met: disciplined,
    evidence: [direct, policy].filter((s): s is Sentence => !!s).map(span),
    // The reason says what is missing when it is not met, never what is there.
    reason: disciplined
      ? 'direct sales is bound by a conflict policy or shares credit'
      : !direct
        ? 'the plan mentions no direct sales team'
        : noCredit
          ? 'direct reps get no credit on partner deals, and nothing keeps them off partners\' accounts'
          : 'nothing says how the direct team treats partner deals',
  };
  for (const k of PRECONDITIONS) if (!result[k]) result[k] = { met: false, evidence: [], reason: 'no evidence' };
  return result;
}

/** Figures of the company's economics that show room to pay partners. */
const MARGIN_FACT =
  /\bgross margins?\b|\bunit economics\b|\bCAC payback\b|\bpayback (?:period )?(?:of|is|in|inside|within|under|below|:)\s*(?:about |around |roughly )?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|\bcontribution margin\b|\bmargin headroom\b|\bchannel P&L\b|\bcost of sale\b|\bLTV\s*[:/]\s*CAC\b/i;
/** The company's own economics (not the partner's margin): gross or contribution margin, payback, CAC, what we keep. */
const ECONOMICS =
  /\b(?:gross margins?|gross-margin|GM|contribution[- ]margins?|contribution-positive|contribution per (?:deal|account)|payback|CAC|unit economics|profitab\w+|profitable|cost(?:s)? less to acquire|cost to serve|business case|economy of the deal|our (?:\w+ )?margins?|we (?:still )?keep (?:\w+ ){0,4}margin)\b/i;
/** Evidence against headroom, or a wish for it: unprofitable, wiped out, a target for next year, a condition. */
const NO_HEADROOM =
  /\b(?:unprofitable|wip(?:e|es|ing) out|push\w* (?:\w+ ){0,4}past|too (?:thin|low)|thin|(?:little|no|not much|limited) room|can(?:'t|not) afford|before approving|would (?:make|push|wipe|hurt|kill|eat)|(?:will|would|could) (?:hurt|break|kill|eat)|hurts?|breaks? the model|get(?:s)? worse|squeez\w+|erod\w+|target for (?:next|the coming) year|wants? (?:gross )?margin|whether|asked|(?:will|we'll|to) (?:build|check|model|analy[sz]e|review|look at|work out|validate)\b|to be (?:analy[sz]ed|checked|modell?ed|confirmed|determined|validated)|no headroom|can(?:'t|not) fund)\b/i;
/** Economics that are someone else's or still to come: the partner's margin, a hope, a plan to improve. */
const NOT_OURS_YET =
  /\b(?:the partner['’]s|partners['’]|their|a partner['’]s) (?:\w+ )?(?:gross )?margins?\b|\bhope\b|\bexpect\b[^.;]{0,40}\bonce\b|\bon the (?:\d{4} )?(?:plan|roadmap)\b|\bimprovements?\b/i;
/** A gross margin too low to pay partners out of: every figure beside it under 50%. */
function lowMargin(text: string): boolean {
  const figures = [...text.matchAll(/(?:\b(?:gross margins?|GM)\b\D{0,25}?(\d{1,3})\s?%|(\d{1,3})\s?%\s+(?:gross margins?|GM)\b)/gi)].map((m) => Number(m[1] ?? m[2]));
  // A second line of the business given beside it ("hardware gross margin is 48% and the
  // subscription runs at 79%") is a margin too.
  const alongside = [...text.matchAll(/\band (?:the |our )?[\w-]+(?: [\w-]+)? (?:runs?|is|sits?|comes in) at (\d{1,3})\s?%/gi)].map((m) => Number(m[1]));
  return figures.length > 0 && [...figures, ...alongside].every((n) => n < 50);
}
/** A verdict that the economics carry a partner payout: "still", "can carry", "room for", "contribution-positive". */
const HEADROOM_VERDICT =
  /\b(?:still|can (?:carry|afford|absorb|pay)|affordable|room for|headroom|clear|clears|fine|sub-\d+|inside|more profitable|stay profitable|stays profitable|less to acquire|contribution-positive|high enough|no problem|remains? (?:under|above|below|positive|within)|holds?|shorter than|healthy|comfortabl\w+|plenty of room)\b/i;

/** Margin headroom read from its parts: the company's economics, a partner payout, and a verdict that it carries. */
function statesHeadroom(text: string): boolean {
  // "a referral fee won't hurt us" says the opposite of a squeeze: a verdict that it carries.
  const against = NO_HEADROOM.exec(text);
  const denied = !!against && /\b(?:won['’]t|will not|wouldn['’]t|would not|doesn['’]t|does not|don['’]t|do not|can['’]t|cannot)\s+$/i.test(text.slice(0, against.index));
  return ECONOMICS.test(text) && (HEADROOM_VERDICT.test(text) || denied) && (!against || denied) && !lowMargin(text) && !isHedged(text) && (PARTNER_NOUN.test(text) || /\b(?:channel|referral|commission|fee|discount|payout|rebate)\w*|\broom for (?:[\w-]+ ){0,2}margins?\b/i.test(text));
}

/** A statement of the opposite or of nothing yet, including status words ("Product maturity: Pending"). */
const NEGATIVE_STATEMENT =
  /\b(?:don't|do not|haven't|have not|hasn't|has not (?:yet |been )?(?:modell?ed|assessed|decided|defined|measured|validated|proven|started|tested|done|set|checked)|no fixed|not yet|undecided|unclear|unknown|tbd|tbc|not decided|pending|in progress|not started|to follow|n\/a|not (?:yet )?(?:assessed|modell?ed|measured|checked|validated|proven|known|tested|done))\b/i;
