/**
 * What a sentence commits to: negation, hedges and wishes, reports of the past, things ended or
 * dropped, what comes after a pilot, and what counts as a statement of the plan at all.
 */
import { PLACEHOLDER_OPEN } from './templates.js';
import { aboutAnotherCompany } from './vocabulary.js';
import type { Sentence } from './sentences.js';

/**
 * A sentence that states what the plan does: not a heading, a question, a report of the past, a
 * description of another company's program, or a line that still holds a placeholder (an inserted
 * template's "within ‹N› business days" says nothing yet).
 */
export function isStatement(s: Sentence): boolean {
  return (
    s.unit.kind !== 'heading' &&
    !s.isQuestion &&
    !s.text.includes(PLACEHOLDER_OPEN) &&
    !s.memo('reportsThePast', () => reportsThePast(s.text)) &&
    // "Microsoft gives its partners MDF worth 4%": another company's program, not this plan.
    !s.memo('aboutAnotherCompany', () => aboutAnotherCompany(s.text))
  );
}

/** Marks of the past in a sentence, and a subject followed by a verb in the past tense. */
const PAST_MARK =
  /(?<!\bof )\blast (?:year|quarter|time|pilot|spring|summer|autumn|fall|winter|month|week)\b|\bin (?:19|20)\d\d\b|\bduring the (?:(?:19|20)\d\d )?pilot\b|\bpreviously\b|\bbefore,|\bthe old\b|\blessons? learn(?:ed|t)\b|\bwhat went (?:wrong|well)\b|\bretrospective\b|\bused to\b|\bturned out\b|\bcame in at\b|\b(?:19|20)\d\d actuals?\b|\bin (?:H[12]|Q[1-4])\b|\b(?:\d+|a|one|two|three|four|six) (?:days?|weeks?|months?|quarters?|years?) ago\b|\blast (?:fiscal|calendar|financial) year\b|\bbefore the (?:reorg\w*|reorgani[sz]ation|restructur\w+|merger|acquisition|pivot|relaunch|rebrand)\b|\b(?:our|the|its) (?:previous|former|earlier) (?:[\w-]+ ){0,2}(?:pilot|program(?:me)?|attempt|head|VP|director|manager|launch|try|plan|partners?|channel|team)\b|\bwhat we learned\b|\b(?:results|actuals|recap|review)\s*\((?:19|20)\d\d\)/i;
/** A month named as when something happened: the past only beside a subject and a past tense. */
const MONTH_MARK =
  /\bin (?:January|February|March|April|May|June|July|August|September|October|November|December)\b|^\W*(?:19|20)\d\d\b|\bof last (?:year|quarter)['’]s\b|\b(?:since|during|until) (?:19|20)\d\d\b|\b(?:19|20)\d\d (?:pilot|program(?:me)?|cohort|launch|attempt|results?)\b|\b(?:our|the|its) (?:first|original|old) (?:[\w-]+ ){0,2}(?:pilot|program(?:me)?|attempt|head|VP|director|manager|launch|try|plan|partners?|channel|team)\b|\bin (?:the|its|our) first (?:[\w-]+ ){0,2}(?:pilot|months?|year|weeks?|quarters?)\b/;
/** A subject and a regular past tense ("we offboarded", "partners registered"): the past only beside a mark of it. */
const REGULAR_PAST = /\b(?:we|they|it|he|she|who|partners?|resellers?|referrers?|MSPs?|VARs?|reps?|pilot|program(?:me)?|team|channel|[a-z]+s)\b,?\s+(?:(?:never|only|also|then|just|quickly|eventually|all|both)\s+)?(?!(?:need|used|based|related|called|dedicated|expected|required|limited)\b)[a-z]+ed\b/i;
const PAST_VERB =
  /\b(?:we|they|it|our|partners?|resellers?|referrers?|MSPs?|VARs?|reps?|pilot|program(?:me)?|claims?|commissions?|form|board|conflict|NPS|founders?|registrations?|MDF|VP|head|CEO|CRO)\b['’]?(?:\s+(?!(?:has|have|hasn't|haven't|been|is|are|will|would|can|may|must|should)\b)[\w'-]+){0,3}?\s+(?:never\s+|only\s+)?(?<!\b(?:the|a|an|its|their|our|your|his|her|this|that|each|every|per)\s)(?:ran|paid|had|was|were|got|gave|tried|launched|saw|cost|took|asked|built|sourced|complained|ignored|lost|stayed|piled up|recruited|grew|spent|did|made|learned|learnt|came|delivered|missed|hit|reached|achieved|generated|produced|brought|wanted|failed|churned|dropped|stalled|used to|left|shut|went|began|sold|fell|rose|won(?!['’])|kept|held|led|chose|wrote|became|sent|said|told|felt|thought|found|heard|knew|couldn't|didn't|wasn't|weren't)\b/i;
/** A noun and a participle that describes it: "every purchase made through", "any deal sourced by". */
const REDUCED_RELATIVE =
  /\b(?:every|each|any|all|a|an|the)\s+(?:[\w-]+\s+)?[\w-]+\s+(?:made|paid|sold|built|sent|brought|held|kept|won|generated|produced|delivered|sourced|closed|registered|referred|signed|booked|influenced)\s+(?:through|by|via|with|under|on|in|from|to|for|within|after|during)\b/gi;
/** A participle used as an adjective: "sourced pipeline", "closed deals", "referred customers". */
const PARTICIPLE_ADJECTIVE =
  /(?<!\b(?:we|they|it|he|she|I|you|partners|resellers|referrers|agencies|MSPs|VARs|who|team)\s+(?:(?:never|only|also|then|just|all|both)\s+)?)\b(?:sourced|influenced|registered|referred|generated|delivered|closed|signed|won|booked|paid|lost)\s+(?:pipeline|revenue|deals?|leads?|opportunit(?:y|ies)|ARR|MRR|bookings|business|projects?|customers?|accounts?|logos?|commissions?|fees?)\b/gi;
/** An irregular past after a relative "who" ("our first head of partnerships, who left in 2023"): the past only beside a mark of it. */
const WHO_PAST = /\bwho\s+(?:never\s+|only\s+)?(?:ran|paid|had|was|were|got|gave|took|built|left|went|began|sold|led|made|came|brought|signed|launched|closed|tried|quit|joined|moved|owned)\b/i;
/** What makes a sentence about the present or the future even when it names the past. */
const NOT_PAST =
  /\b(?:will|we'll|shall|going forward|starting|from now|next|targets?|aim|plan(?:s|ned)? to|(?:must|may|should|would|'d)(?! have\b)|(?<!\b(?:we|I|it|this|that|which) )(?:must|may|should|would) have|now|keep|is|are|am|can|has to|have to|need|needs|want|wants|this (?:quarter|year|month)|if|(?<!at )once|unless|(?:in|over|during|for|within) the (?:last|past|trailing) (?:\d+ |\w+ )?(?:days?|weeks?|months?|quarters?|years?)|trailing|no (?:closed )?(?:deals?|sales?|revenue|referrals?)(?![- ]reg\w*)|up from|down from|compared (?:to|with)|versus|vs\.?)\b/i;
/** What comes after a pilot ("once the pilot ends, we open a formal program to 25-40 partners"): not the pilot. */
export const AFTER_PILOT =
  /\b(?:after|once|when|if|beyond|following|post-?)\s+(?:the |our |a successful )?pilot\b|\bformal(?:i[sz]ed)? (?:partner )?program(?:me)?\b|\bafter (?:month|year) (?:12|one)\b/i;

/** A sentence that ends, drops or removes something ("the AWS alliance ends", "we will remove our listing"). */
const DISCONTINUED =
  /\b(?:ends|ended|will end|(?:we|we'll|we will) (?:end|close|retire|wind down|shut down)|lapses?|lapsed|(?:will|to) (?:drop|remove|retire|discontinue|stop|delist)|discontinu(?:e|es|ed|ing)|wind(?:s|ing)? down|sunset(?:s|ting)?|(?:will )?not be renewed|no longer|(?:are|is) not (?:reselling|selling|listing|offering|continuing))\b/i;

export function statesDiscontinuation(text: string): boolean {
  return DISCONTINUED.test(text);
}

/** True when a sentence reports what was (the last pilot, last year's numbers), not what the plan will do. */
export function reportsThePast(text: string): boolean {
  // A mark of the past alone ("last year") may sit in a clause about someone's present plan.
  const mark = PAST_MARK.test(text);
  // A comment on the report ("…, which is why the program stalled") does not make it present, and an
  // aside in parentheses ("(against the sensors they used to fit)") does not make the sentence past.
  text = text.replace(/,\s*(?:which|and that)\b.*$/i, '').replace(/\([^()]*\)/g, ' ');
  // A participle that describes a noun ("every purchase made through your link", "deals sourced by
  // partners") tells no past: it is what the noun is.
  text = text.replace(REDUCED_RELATIVE, ' ').replace(PARTICIPLE_ADJECTIVE, ' ');
  // A reason given first ("Because the last program filled up with logos, no reseller is signed
  // until …"): the main clause says whether the sentence reports the past.
  const main = text.replace(/^\W*(?:because|since|as|given that|now that)\b[^,;]{0,160},\s*/i, '');
  if (main !== text && main.length > 20) return reportsThePast(main);
  // "Lesson learned: …", "In hindsight, …": the label says the line reports the past.
  if (/^\W*(?:lessons? learn(?:ed|t)|what we learn(?:ed|t)|what went (?:wrong|well)|in hindsight|looking back|retro(?:spective)?)\b/i.test(text) && !/\b(?:will|we'll|must|going forward|next time|from now)\b/i.test(text)) return true;
  // A mark alone reports the past only when it can mean nothing else: "in Q2" may be next quarter.
  const strongMark = mark && PAST_MARK.test(text.replace(/\bin (?:H[12]|Q[1-4])\b|\bduring the (?:(?:19|20)\d\d )?pilot\b|\bbefore,/gi, ''));
  return (PAST_VERB.test(text) || (strongMark && !/\b(?:I|we|our|us)\b/i.test(text)) || ((mark || MONTH_MARK.test(text)) && (REGULAR_PAST.test(text) || WHO_PAST.test(text) || /\b(?:was|were|wasn['’]t|weren['’]t)\b/i.test(text)))) && !NOT_PAST.test(text);
}

// ---- small language helpers ---------------------------------------------------

const NEGATION = /\b(?:no|not|never|none|nobody|nothing|without|nor|don't|do not|doesn't|does not|didn't|haven't|hasn't|isn't|aren't|won't|can't|cannot|lack|lacks|lacking|neither|stopped|ceased)\b/i;

const NEGATION_ALL = new RegExp(NEGATION.source, 'gi');
/** Words that turn a negation before them into a limit: "not … beyond X" means "X and no more". */
const RESTRICTION = /\b(?:beyond|outside(?: of)?|other than|except(?: for)?|apart from|besides|aside from|save for)\b/i;

/**
 * A limit said with a negation: "no outreach beyond their own contacts", "nobody other than the
 * founders' friends", "we will not look outside our network". It says "only" as plainly as "only".
 */
export const NEGATED_LIMIT = new RegExp(String.raw`(?:${NEGATION.source})[^.;:!?]{0,50}?${RESTRICTION.source}`, 'i');

/** Where the last match of a global pattern starts in `text`, or -1. */
function lastMatch(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let at = -1;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) at = m.index;
  return at;
}

/** A negation in the same clause shortly before `index`. */
export function isNegatedAt(text: string, index: number, window = 40): boolean {
  const before = text.slice(Math.max(0, index - window), index);
  const clause = before.split(/[;:.!?]|\bbut\b|\bwhile\b|\balthough\b|\bwhereas\b/i).pop() ?? '';
  // "non-MDF funding", "non-exclusive": the word itself is negated.
  if (/\bnon[- ]?[_*]*$/i.test(before)) return true;
  const negation = lastMatch(NEGATION_ALL, clause);
  if (negation < 0) return false;
  // "no outreach beyond their own contacts", "nothing other than the referral fee": the negation
  // rules out everything but what follows, which it affirms as the limit.
  return !RESTRICTION.test(clause.slice(negation));
}

/** A label answered with a no: "MDF: not for this year", "Portal: none", "Deal registration — n/a". */
export const LABEL_DENIED = /^\W*[^:—–]{1,40}\s*(?::|—|–| - )\s*(?:no|not|none|n\/a|nothing|never|not (?:now|yet|this year|for now|in (?:the )?pilot))\b/i;

/**
 * A sentence that names a topic only to say where it is set: "Margins, MDF and partner levels are set
 * in the partner agreement", "Deal registration is covered in the Partner Guide".
 */
export const COVERED_ELSEWHERE =
  /\b(?:are|is) (?:set|covered|described|defined|explained|handled|documented) (?:in|on|by) (?:the |our |a |your )?(?:[\w-]+ ){0,2}(?:agreement|page|guide|portal|policy|handbook|terms|contract)\b|\bnothing here changes\b/i;

/**
 * A sentence that puts what it names outside this program: "Out of scope: ISVs", "Integrations with
 * ISVs stay with the product team and are not part of this program", "Alliances are run separately",
 * "A consultant who also resells a competing system is not eligible".
 */
export const LEFT_OUT =
  /^\W*(?:not in scope|out of scope|not now|excluded|non-goals?)\b|\b(?:is|are|stays?|remains?|sits?|falls?|kept|left)\s+(?:not\s+)?(?:not part of|outside(?: of)?|out of|excluded from|not covered by|not included in|beyond)\s+(?:the\s+|this\s+|our\s+)?(?:scope|program(?:me)?|plan|guide|policy)\b|\b(?:is|are) (?:handled|run|managed|covered) (?:separately|elsewhere|by (?:a |an )?(?:separate|other|different|another) (?:team|program(?:me)?|group)|in (?:a |an )?(?:separate|other|different|another) program(?:me)?)\b|\bstays? with the [\w-]+ team\b|\b(?:is|are|becomes?) (?:not eligible|ineligible|disqualified)\b(?! (?:for|to))/i;

/** Words that make a statement tentative rather than a commitment. */
export const HEDGE = /\b(?:maybe|perhaps|might|someday|eventually|tbd|not in scope|out of scope|non-goals?|we (?:may|could) (?:add|introduce|build|offer|launch|start|set up|create)|deferred|postponed|on hold|parked|an option (?:we|to)|(?:will|would|may|could) (?:evaluate|consider|explore|revisit)|(?:to|we'll) (?:evaluate|consider|explore|revisit) (?:later|next year|in (?:year|Q|H))|(?:to|will) be (?:decided|defined|determined|worked out|agreed|confirmed|set|designed|built|written|developed|created|finali[sz]ed) (?:once|when|after|later|with|in (?:Q|H|year)|next)|we'll (?:consider|evaluate|explore|revisit)|to be decided|to be hired|not yet|(?:maybe|perhaps|possibly|probably|hopefully) (?:next year|later this year)|if we can|we'll see|nice to have|would be nice|(?:we'll|we will) look (?:at|into)|(?:may|might) need|(?:we'll|we will|we'd|will) decide\b|\bno (?:[\w-]+ ){0,2}yet|(?:may|might|could) be interested|in the future|undecided|(?:haven't|have not|hasn't|has not|not) (?:yet )?decided)\b/i;

/**
 * A question about the company that it says it has not settled: "we are still testing two price
 * points and will pick one by the autumn", "Customer: not settled", "we don't yet know which one is
 * our customer". What such a sentence names is not evidence that the company knows it.
 */
export const UNSETTLED =
  /\b(?:still (?:being )?(?:testing|deciding|choosing|learning|working(?: (?:out|on))?|figuring|exploring|experimenting|validating|defining|defined|open)|not (?:yet )?(?:settled|clear|known|defined)|unsettled|(?:will|to) (?:pick|choose|settle on|decide on) (?:one|between|which)|(?:don't|do not|doesn't|does not) (?:yet )?know (?:which|whether|who|what|yet)|experiment\w*|(?:reworking|rethinking|revisiting|redesigning|changing) (?:our |the |its )?(?:packaging|pricing|prices|price list|price|model)|(?:prices?|pricing|packaging) (?:will|is going to|are going to) change|varies too much|too early to (?:say|call|tell)|hard to (?:say|call|predict))\b/i;

/**
 * A goal or a condition still to meet, not a state: "Goal: customers can onboard without
 * hand-holding", "Our goal is for 20% of partners to reach Silver", "Implementation time has to be
 * bounded before we open the channel". It says what the company wants to be true, not what is.
 */
export const GOAL_NOT_STATE =
  /^\W*(?:(?:our |the )?(?:goal|aim|objective|ambition|north star)s?\s*(?::|—|–|-|\bis\b|\bare\b)|(?:by|before) (?:launch|the (?:launch|channel|program))\b)|\b(?:our|the|my) (?:goal|aim|objective|ambition) (?:is|will be) (?:to|for|that)\b|\b(?:has|have|needs?) to be\b[^.;]{0,60}\bbefore (?:we|the|our|launch)\b/i;

/** A wish rather than a commitment: "we'd like", "ideally", "eventually". */
export const WISH = /\b(?:we'd like|we would like|ideally|something like|hope to|we hope|hopefully|aim to|eventually)\b/i;

/**
 * A wish, leaving aside a target the team works to: "we aim to approve or decline within three
 * working days" states the turnaround partners can expect; "we'd like to approve faster" does not.
 */
export function wishNotTarget(text: string): boolean {
  return WISH.test(text.replace(/\b(?:we |I )?aims? to\b/gi, ' '));
}

/**
 * What a sentence commits to once a wish that only gives the reason is set aside: "We'd like to give
 * it room, so the pilot stays open for nine months" states the nine months.
 */
export function withoutLeadingWish(text: string): string {
  return text.replace(/^[^.;]*?\b(?:we['’]d like|we would like|ideally|hopefully)\b[^.;]*?,\s*(?:so|which is why|and so)\s+/i, '');
}

/** Not committed to: a hedge ("maybe", "TBD", "not yet decided") or a placeholder left to fill. */
export function isHedged(text: string): boolean {
  return HEDGE.test(text) || text.includes(PLACEHOLDER_OPEN);
}
