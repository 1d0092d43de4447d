/**
 * Growing the network: how partners are recruited, the criteria they must meet to join, and the
 * enablement (training, onboarding, playbooks) the company gives them.
 */
import { ANY_PARTNER, OTHER_COMPANY } from '../vocabulary.js';
import { content } from '../structure.js';
import { isHedged, isNegatedAt, reportsThePast, WISH } from '../language.js';
import type { Section } from '../outline.js';
import { statesPartnerExit, statesProgramExit } from './exits.js';
import type { Sentence } from '../sentences.js';
import type { Evidence } from './index.js';

/** Recruiting as the plan describes it: a section about it, or a sentence that says how. */
export interface Recruiting {
  section: Section | null;
  sentence: Sentence | null;
}

export function recruiting(ev: Evidence): Recruiting | null {
  const section = ev.plan.sectionsWith('recruiting')[0] ?? null;
  const re =
    /\brecruit\w*|\btarget list\b|\bsign (?:up )?(?:\d+|\w+) (?:new )?partners\b|\bpartners will come from\b|\b(?:find|finding|source|sourcing) (?:new )?partners\b|\boutreach to\b|\bonboard (?:\d+|\w+) (?:new )?partners\b/i;
  // "If referred revenue is under 8% at month 24, we stop recruiting" is when the program ends, not how it grows.
  const sentence = ev.find(re, ev.plan.matching(re).filter((x) => !x.section?.inTopic('exitCriteria') && !statesProgramExit(x.text) && !statesPartnerExit(x.text)));
  if (!section && !sentence) return null;
  return { section, sentence };
}

// ---- qualification ------------------------------------------------------------

export function qualification(ev: Evidence): Sentence | null {
  const re =
    /\bqualif\w*|\bcriteria\b|\bmust (?:have|name|show|serve|be|commit|employ|run|manage)\b|\bmust[- ]haves?\b|≥\s*\d|\bscreen\w*|\bvet(?:s|ted|ting)?\b|\breferences?\b|\b(?:turn down|reject|decline)s? (?:candidates|firms|partners|applicants)\b|\bat least \d+|\bat least (?:one|two|three|five|ten)\b|\bonly (?:invite|sign|recruit|accept|work with|partner with)\b|\bwe (?:sign|accept|approve) an? \w+ (?:when|if|that|who)\b|\brequirements?\b|\bICP (?:overlap|fit)\b|\b(?:has|have) (?:worked|sold|recommended|referred|partnered)\b|\bcommitted (?:sales ?)?(?:reps?|salespe\w+|sellers?)\b|\bscorecard\b|\bonly if\b|\bminimum\b|\b(?:is|are) signed (?:until|unless|only)\b|\bwhose\b[^.;]{0,40}\b(?:below|exceeds?|above|under|over|less than|more than)\b|\bselected for\b|\bmust answer\b|\bdiscovery questions\b|\bfit (?:check|score)\b/i;
  const rec = ev.recruiting;
  // Every recruiting section: "Who we partner with" and "Joining requirements" are one topic.
  const sections = [...new Set([rec?.section, rec?.sentence?.section, ...ev.plan.sectionsWith('recruiting')])].filter((x): x is Section => !!x);
  // Read in order until the first that states criteria; what a sentence says is remembered with it.
  function* pool(): Generator<Sentence> {
    for (const sec of sections)
      for (const x of sec.allSentences())
        // What makes a partner leave ("a partner that misses the level's criteria returns to Registered") is not what lets it in.
        if (x.unit.kind !== 'heading' && x.memo('statesPlainly', () => !OPEN_QUESTION.test(x.text) && !NOT_PARTNER_QUALIFICATION.test(x.text) && !isHedged(x.text) && !WISH.test(x.text) && !reportsThePast(x.text)) && !statesPartnerExit(x.text)) yield x;
  }
  const inSection = ev.find(re, pool());
  if (inSection) return inSection;
  const anywhere = ev.plan.statements('partnerQualification', (x) => qualifiesPartners(x.text))[0];
  if (anywhere) return anywhere;
  const qualSections = ev.plan.sections.filter((s) => !s.inTopic('exitCriteria') && /\bqualif|\b(?:partner|selection|entry|recruiting) criteria|\bpartner profile|\bideal partner/i.test(s.title));
  for (const q of qualSections) for (const s of q.allSentences()) if (s.unit.kind !== 'heading') return s;
  return null;
}

/** A question the team asks itself ("Should we require committed reps?"), not one it asks candidates. */
const OPEN_QUESTION = /^\W*(?:should|shall|do|does|can|could|would|will|must|are|is) (?:we|I|our|us)\b[^?]*\?\s*$/i;
/** Qualifying something other than a partner: leads, deals, a customer's prospects, a platform's program. */
const NOT_PARTNER_QUALIFICATION = /^\W*(?:customers?|clients?|buyers?|users?|end[- ]users?)\b|\bto buy\b|\bsales candidates?\b|\binterview\w*|\b(?:job|role) applicants?\b|\bMQLs?\b|\bSDRs?\b|\bdemo requests?\b|\b(?:within \d+ days of|after) signing\b|\b(?:lead|leads|prospects?|deals?|opportunit\w+) (?:qualification|are qualified|must be)\b|\bqualified leads?\b|\bqualify for\b|\bBANT\b|\bsomehow\b|\bqualification exams?\b|\bexams?\b|\b(?:knows?|knew) (?:\w+ )?personally\b|\bformer colleagues\b|\bpersonal network\b|\bwe know them\b|\b(?:define|decide)\w* (?:\w+ )?criteria (?:after|later|once)\b/i;
/** A candidate partner ("we sign", "each candidate", "shortlisted consultancies", "no agreement without"). */
const CANDIDATE = new RegExp(`\\b(?:${ANY_PARTNER}|candidates?|shortlist\\w*|applicants?)\\b|\\b(?:before (?:signing|any agreement|you sign|we sign)|no agreement without|we (?:only )?(?:sign|accept|admit|recruit|onboard))\\b`, 'i');
/** A criterion a candidate must meet. */
const CRITERION =
  /\bask (?:every|each) (?:candidate|applicant|partner)\b|\bno (?:\w+ )?(?:partners?|resellers?|distributors?|firms?|agenc(?:y|ies)|MSPs?|candidates?|dealers?) (?:is|are|gets?|will be) (?:signed|accepted|onboarded|admitted)\b|\bno \w+, no (?:partnership|deal|agreement|signing)\b|\bdisqualif\w*|\bwithout evidence\b|\bwe look for\b|^\W*(?:out|excluded|not a fit)\s*:|\bwill not (?:recruit|sign|accept|onboard)\b[^.;]{0,40}\b(?:whose|that|who|with)\b|\b(?:is|are) not signed\b|\b(?:turn down|reject|decline)s? (?:candidates|firms|partners|applicants)\b|\bwe(?:'ll| will)? ask\b|\bmust[- ]haves?\b|\bscreen\w*|\bvet(?:s|ted|ting)?\b|\b(?:must|need(?:s)? to|required?|minimum|at least|only (?:if|when|partners? (?:who|that)|sign|accept)|accept only|already (?:sell|serve|run|have)|demonstrate|track record|reference|check|map|tells? us|show(?:s)? us|proven|established|named,? quota-carrying|no agreement without)\b/i;

/** Criteria for choosing partners, read from its parts: a candidate and something it must have or show. */
function qualifiesPartners(text: string): boolean {
  if (isHedged(text) || WISH.test(text) || NOT_PARTNER_QUALIFICATION.test(text) || reportsThePast(text)) return false;
  // "we do not screen applicants" denies the criterion it names.
  const c = CRITERION.exec(text);
  if (c && /^(?:screen|vet|qualif|check)/i.test(c[0]) && isNegatedAt(text, c.index, 20)) return false;
  return CANDIDATE.test(text) && !!c && /\b(?:sign\w*|agreement|recruit\w*|join\w*|accept\w*|candidates?|shortlist\w*|discovery|qualif\w*|onboard\w*|admit\w*|partnerships?|look for|disqualif\w*|screen\w*|vet\w*|must[- ]haves?|turn down)\b|^\W*(?:out|excluded|not a fit)\s*:/i.test(text);
}

// ---- enablement ---------------------------------------------------------------

export function enablement(ev: Evidence): Sentence | null {
  const re =
    /\benablement\b|\bonboarding\b|\btraining\b|\bcertif\w+|\bdeep[- ]dives?\b|\bride[- ]?alongs?\b|\brides? along\b|\buniversity\b|\bacadem(?:y|ies)\b|\bplaybooks?\b|\bsales kit\b|\bjoint (?:go-to-market|gtm|business|client|marketing)? ?plans?\b|\bproduct sessions?\b|\bcourses?\b|\boffice hours\b|\bwebinars?\b|\bkick-?off (?:call|meeting|session|workshop)s?\b|\breferral guide\b|\bdemo (?:training|kit)\b|\bworkshops?\b|\bbootcamps?\b/i;
  const inSection = ev.inTopic('enablement').find((s) => {
    const text = content(s);
    if (isHedged(text) || NEGATED_ANSWER.test(text) || NOT_PLANNED.test(text)) return false;
    const m = re.exec(text);
    return m ? !isNegatedAt(text, m.index) : (!!s.unit.list || !!s.unit.cells) && !NEGATION_ANY.test(text);
  });
  // Elsewhere, training and onboarding count when they are about partners (not customer onboarding).
  if (inSection) return inSection;
  // Elsewhere, only enablement aimed at partners counts (not customer onboarding or the product itself).
  const aimed = ev.plan.statements('partnerEnablement', (s) => {
    const text = content(s);
    // The label can name it ("Partner sales playbook: ICP, positioning…").
    const m = PARTNER_ENABLEMENT.exec(s.text) ?? teachesPartners(s.text);
    // "64 certified resellers in the partner locator" describes a listing, not how partners are taught.
    if (m && /^certified\b/i.test(m[0]) && /\b(?:director(?:y|ies)|locator|logos?|listed|listing|lists|web ?site|page)\b/i.test(text)) return false;
    return !!m && !isNegatedAt(s.text, m.index) && !isHedged(text) && !NEGATED_ANSWER.test(text) && !NOT_PLANNED.test(text) && !NOT_OUR_ENABLEMENT.test(text) && !OTHER_COMPANY.test(text);
  });
  return aimed.find((s) => !(s.unit.cells && s.section?.inTopic('tiers'))) ?? null;
}

const PARTNER_ENABLEMENT =
  /\b(?:partner|reseller|dealer|referrer|msp|agency|consultant|advisor|channel)s?['’]? (?:onboarding|training|enablement|certification|playbooks?|courses?|kick-?offs?|bootcamps?|academy|university)\b|\brides? along on (?:each |every |the )?(?:partner|reseller|MSP)\w*['’]?s? (?:first )?(?:\w+ )?(?:customer )?calls?\b|\b(?:deep[- ]dive|bootcamp|workshop|training)s? (?:\w+ ){0,3}(?:to|for|with) (?:each|every|new) (?:partner|reseller|MSP|integrator|agency)\b|\b(?:for|with) (?:our |new |all )?(?:MSPs?|partners?|resellers?|integrators?|agencies),? (?:we )?(?:run|hold|deliver|host)s? (?:a |an )?(?:[\w-]+ ){0,3}(?:bootcamps?|workshops?|trainings?|deep[- ]dives?|sessions?)\b|\b(?:onboarding|training|enablement|certification|courses?|webinars?|playbooks?|sales kits?|office hours|kick-?off(?: call| meeting)?|product sessions?|workshops?|bootcamps?|joint plan|update calls?)\b[^.]{0,40}\b(?:for|with|to) (?:each |every |new |our |all )?(?:new )?(?:partners?|resellers?|dealers?|referrers?|msps?|agencies|consultants?|consultanc(?:y|ies)|advisors?|firms?|GSIs?|SIs|VARs?|partner (?:sales|presales|reps?|teams?))\b(?!\s+(?:program|programme|strategy|plan)\b)|\bcertified (?:partners?|installers?|consultants?|staff|technicians?|engineers?|salespe\w+)\b|\bsales playbooks?\b|\bjoint (?:go-to-market|gtm|business|account) plans?\b|\b(?:partners?|resellers?|consultanc(?:y|ies)|agenc(?:y|ies)|firms?|msps?|each \w+) gets? (?:a |an )?(?:[\w-]+ ){0,3}(?:training|onboarding|certification|course|workshop)\b|\b(?:partners?|partner reps?|resellers?|dealers?|consultants?|consultanc(?:y|ies)|advisors?|engineers|reps) (?:\w+ )?shadows? (?:our|an?|the) \w+|\b(?:partners?|resellers?|dealers?|consultants?|consultanc(?:y|ies)|advisors?|engineers|reps) (?:\w+ )?(?:complete|pass|take|attend|get|sit|go through|shadow)(?:s|es)? (?:a |the |our |an )?(?:[\w-]+ ){0,3}(?:course|training|certification|exam|onboarding|bootcamp|workshop|kickoff|demos?)\b|\b(?:sandbox|demo) tenant\b|\bcertification (?:path|exam|track)\b|\benablement\b/i;

/** Teaching, in any form: a training, a course, a walkthrough, a pitch sheet, a playbook. */
const TEACHING_NOUN = String.raw`(?:trainings?|courses?|certifications?|walkthroughs?|coaching|onboarding(?: (?:sessions?|calls?|programs?|packages?|kits?))?|enablement|playbooks?|pitch (?:sheets?|decks?)|battle ?cards?|sales kits?|demo (?:kits?|accounts?|environments?|licen[cs]es?)|sandbox(?:es)?|NFR licen[cs]es?|office hours|webinars?|workshops?|bootcamps?|academy|learning paths?|product sessions?)`;
/** Who is taught: the partners, or their people ("its consultants", "their reps", "each firm"). */
const PARTNER_PEOPLE = String.raw`(?:(?:${ANY_PARTNER})|(?:its|their|your|each (?:firm|partner)(?:'s|’s)?) (?:consultants?|reps?|staff|engineers?|sellers?|salespeople|team|people|technicians?|advisors?)|each (?:firm|partner))`;
/**
 * Enablement read from its parts, with the partners as the ones taught: "walk its consultants
 * through a training", "a certification course for new resellers", "partners get a pitch sheet".
 */
const TEACHES_PARTNERS = new RegExp(
  String.raw`\b(?:train|trains|trained|training|coach(?:es|ed|ing)?|onboard(?:s|ed|ing)?|certif(?:y|ies|ied)|teach(?:es)?|walk(?:s|ed)?|enable(?:s|d)?|upskill\w*)\s+(?:(?:new|each|every|all|our|the|selected|pilot)\s+)?(?:[\w-]+\s+)?${PARTNER_PEOPLE}\b` +
    String.raw`|\b${PARTNER_PEOPLE}\b(?:\s+[\w-]+){0,2}?\s+(?:are|is|get|gets|will be|will get)\s+(?:\w+\s+)?(?:trained|onboarded|certified|coached|enabled|walked through|taught|upskilled)\b` +
    String.raw`|\b${TEACHING_NOUN}\b(?:\s*\([^)]{0,80}\))?(?:\s+[\w-]+){0,3}?\s+(?:for|to|with)\s+(?:(?:each|every|new|our|all|the|pilot)\s+)?(?:[\w-]+\s+)?${PARTNER_PEOPLE}\b` +
    String.raw`|\b${PARTNER_PEOPLE}\b(?:\s+[\w-]+){0,3}?\s+(?:get|gets|receive|receives|attend|attends|complete|completes|take|takes|go through|goes through|are given|have access to|can access|sit|sits|pass|passes)\b(?:\s+[\w-]+){0,5}?\s+${TEACHING_NOUN}\b` +
    // "We provide each partner with an NFR sandbox", "we will give to partners a training of two days".
    String.raw`|\b(?:provide|provides|give|gives|offer|offers|send|sends|equip|equips)\s+(?:to\s+)?(?:each |every |all |new |our |the )?${PARTNER_PEOPLE}\b(?:\s+with)?(?:\s+[\w-]+){0,4}?\s+${TEACHING_NOUN}\b` +
    // "Partners' SEs take our technical certification", "Onboarding runs in cohorts of five partners".
    String.raw`|\b(?:partners|resellers|MSPs|agencies)['’]\s+(?:\w+\s+)?(?:SEs|engineers|consultants|reps|sellers|staff|technicians)\b[^.;]{0,30}\b${TEACHING_NOUN}\b` +
    String.raw`|\b${TEACHING_NOUN}\b[^.;]{0,20}\b(?:runs?|happens?|takes place) in cohorts? of\b`,
  'i',
);
/**
 * Not enablement the company gives partners: a certification partners must already hold, training
 * partners pay for themselves, enablement for the company's own sellers.
 */
const NOT_OUR_ENABLEMENT =
  /\b(?:AWS|Microsoft|Google|Salesforce|HubSpot)\b[^.;]{0,20}\bgives? (?:us|our)\b|\b(?:must|should|need to|required to) (?:hold|have|be|show|present)\b[^.;]{0,40}\bcertifi\w+|\bcertifi\w+\b[^.;]{0,30}\b(?:to apply|to join|required|is a requirement|before (?:they|you) (?:apply|join))\b|\bat their own (?:cost|expense)\b|\b(?:train|onboard) their own\b|\bfor (?:the |our )?(?:direct (?:team|sales|reps)|AEs|sales team|account executives)\b/i;
function teachesPartners(text: string): RegExpExecArray | null {
  return TEACHES_PARTNERS.exec(text);
}
const NEGATED_ANSWER = /^\s*(?:not really|no\b|none|nope|nah\b|not needed|not yet)/i;
const NEGATION_ANY = /\b(?:no|not|never|don't|do not|doesn't|won't|without)\b/i;

/** Something left for later or out of scope: "we'll figure out training later", "not in scope for the pilot", "no training is planned". */
const NOT_PLANNED = /\b(?:figure (?:\w+ ){0,3}out|work (?:\w+ ){0,3}out|sort (?:\w+ ){0,3}out) later\b|\bfigur(?:e|ed|ing) (?:\w+ ){0,3}out\b|\b(?:be|get) (?:worked|sorted) out\b|\bnot in scope\b|\bout of scope\b|\bno (?:\w+ ){0,2}(?:is|are) planned\b|\bnone planned\b/i;
