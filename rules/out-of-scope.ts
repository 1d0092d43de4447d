import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import type { Unit } from '../core/units.js';
import { isHedged, reportsThePast } from '../core/language.js';

/**
 * A single deal rather than a program: a one-off, one-shot, one-time, single or standalone deal,
 * arrangement or promotion, or a document that says it covers one deal.
 */
const ONE_OFF =
  /\b(?:one-?off|one-?shot|one[- ]time|single|stand-?alone)\s+(?:[\w-]+\s+){0,2}?(?:deal|partnership|agreement|arrangement|campaign|promotion|contract)\b(?!s)|\bfor one campaign only\b|\b(?:plan|proposal|doc(?:ument)?|page)\b[^.;]{0,20}\b(?:for|covers|is about|describes) (?:a single|one|a one-off) (?:[\w-]+ ){0,2}(?:deal|arrangement|agreement|contract)\b|\bone (?:[\w-]+ )?(?:arrangement|agreement|contract) with (?:a single|one)\b|\bno wider program\b/i;
/**
 * A statement about an affiliate or influencer program: affiliates or creators, and what such
 * programs run on (tracking links, cookie windows, promo codes, pay per signup, post or sale).
 */
const AFFILIATE_STATEMENT =
  /\baffiliat\w*|\binfluencers?\b|\bcreators?\b|\bbrand ambassadors?\b|\b(?:promo|discount|coupon|referral) codes?\b|\btracking links?\b|\bcookie (?:window|duration|life)\b|\bCPA\b|\bper (?:paid )?(?:signup|sign-up|post|episode|install|lead)\b|\bbloggers?\b|\bcontent sites?\b|\breview sites?\b|\bpodcast (?:sponsorships?|hosts?)\b|\bdeal newsletters?\b|\bsponsorships?\b|\bsponsor(?:s|ing)? (?:the |a |an |our )?(?:[\w-]+ ){0,3}(?:podcasts?|newsletters?|episodes?|videos?|events?|conferences?|YouTubers?|creators?|streams?)\b|\bYouTubers?\b/i;

const SCOPING = /\bseparate (?:program(?:me)?|page|terms|agreement)\b|\bnot (?:covered|part of this|this program)\b|\blooking for\b|\bthis (?:page|guide|program(?:me)?|document) (?:is|covers) (?:only )?(?:for|about)\b|\bhas its own (?:terms|page)\b/i;

const SET_APART =
  /\b(?:exclude[sd]?|excluding|separate(?:ly)?|handled by|run by|owned by|out of scope|not (?:part of|partnerships|this|covered)|unlike|rather than|instead of|not an?)\b|\b(?:is|are) (?:also )?(?:an? )?(?:[\w-]+ ){0,3}influencers?\b|\bdecided against\b|\bruled out\b|\b(?:partners|they|customers|resellers|clients)\b[^.;]{0,20}\b(?:run|runs|have|has|operate|operates|offer|offers) (?:their own |its own )?(?:[\w-]+ )?affiliate/i;

/** A channel named only to say the document is not it: "…, not a reseller channel", "rather than a referral program". */
const NOT_A_CHANNEL = /,?\s*\b(?:not|rather than|instead of)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:resell\w*|referral|channel|partner)\w*(?:\s+(?:channel|program(?:me)?|network|partners?))?/gi;

function countWords(units: readonly Unit[]): { affiliate: number; program: number; oneOffs: number; affiliateWord: boolean; statements: number; affiliateStatements: number; oneOffStatements: number } {
  // Statements (not headings): how much of the document is about affiliates or a single deal.
  let statements = 0;
  let affiliateStatements = 0;
  let oneOffStatements = 0;
  for (const u of units) {
    if (u.kind === 'heading' || u.kind === 'code' || u.kind === 'frontmatter') continue;
    for (const sentence of u.sentences) {
      const s = { text: sentence.text.replace(NOT_A_CHANNEL, ' ') };
      statements++;
      // What is past, hedged, set apart ("handled by the brand team", "unlike an affiliate scheme")
      // or a person described ("a well-known LinkedIn influencer") says nothing of this document.
      const aside = SCOPING.test(s.text) || SET_APART.test(s.text) || reportsThePast(s.text) || isHedged(s.text);
      if (AFFILIATE_STATEMENT.test(s.text) && !aside) affiliateStatements++;
      if (ONE_OFF.test(s.text) && !aside) oneOffStatements++;
    }
  }
  // A sentence that points elsewhere ("Looking for our creator affiliate program? That is a separate
  // program") scopes the page; it does not make it about affiliates. Addresses are not words.
  const text = units
    .flatMap((u) => u.sentences.map((s) => s.text.replace(NOT_A_CHANNEL, ' ')))
    .filter((t) => !(SCOPING.test(t) && /\baffiliat|\binfluencer|\bcreator|\bcoupon|\bpromo/i.test(t)))
    .join('\n')
    .replace(/\b[\w.-]+\.(?:com|io|net|org|co)(?:\/\S*)?/gi, ' ');
  return {
    affiliate: (text.match(/\baffiliates?\b|\binfluencers?\b|\bcreators?\b|\baffiliate links?\b|\bpromo codes?\b/gi) ?? []).length,
    program: (text.match(/\bresell\w*|\breferral partners?\b|\bintegration partners?\b|\bchannel partners?\b|\bstrategic alliances?\b|\bMSPs?\b|\bVARs?\b|\bdealers?\b|\bdistributors?\b|\bdeal registration\b/gi) ?? []).length,
    oneOffs: (text.match(new RegExp(ONE_OFF.source, 'gi')) ?? []).length,
    affiliateWord: /\baffiliate/i.test(text),
    statements,
    affiliateStatements,
    oneOffStatements,
  };
}

export default defineRule({
  meta: {
    id: 'out-of-scope',
    title: 'Documents that are not partner programs',
    description: 'Affiliate, influencer and sponsorship plans, and one-off business-development deals, are not partner programs; the other rules stay silent.',
    defaultSeverity: 'info',
    category: 'lifecycle',
    options: z.object({}).strict().default({}),
    fixable: false,
    docs: {
      why: 'Affiliate and influencer programs, and single business-development deals, run on different mechanics (tracking links, audiences, one contract). Judging them by channel-program rules would only produce noise.',
      fires: 'The document is mainly about an affiliate, influencer or sponsorship program (podcasts, newsletters, creators), or a one-off deal with a single partner. One finding on the title says why nothing else is checked; readiness is not scored.',
      doesNotFire: 'Partner programs that mention affiliates in passing.',
      fix: 'Nothing to fix. If the document is in fact a channel program, make that clear (front matter `archetypes:`) and the rules apply.',
      example: '# Creator affiliate program\n\nInfluencers and affiliates earn 20% per sale through their affiliate link.\n',
    },
  },
  check({ plan, report }) {
    if (plan.frontMatter?.archetypes?.length) return;
    const title = [plan.titleUnit?.text ?? '', String(plan.frontMatter?.data?.scope ?? ''), String(plan.frontMatter?.type ?? '')].join(' ');
    // Word counts per piece (kept with the piece), summed.
    let affiliate = 0;
    let program = 0;
    let oneOffs = 0;
    let affiliateWord = false;
    let statements = 0;
    let affiliateStatements = 0;
    let oneOffStatements = 0;
    for (const c of plan.perPiece('out-of-scope', countWords)) {
      affiliate += c.affiliate;
      program += c.program;
      oneOffs += c.oneOffs;
      affiliateWord ||= c.affiliateWord;
      statements += c.statements;
      affiliateStatements += c.affiliateStatements;
      oneOffStatements += c.oneOffStatements;
    }
    // Mainly about it: most of what the document states, with no channel mechanics beside it.
    const mostlyAffiliate = affiliateStatements > 0 && affiliateStatements * 2 >= statements && program === 0;
    const mostlyOneOff = oneOffStatements > 0 && oneOffStatements * 2 >= statements && program === 0;
    let kind: string | null = null;
    if (/\baffiliate\b/i.test(title) || (affiliate >= 3 && affiliate > program * 2 && affiliateWord) || (mostlyAffiliate && affiliateWord)) kind = 'an affiliate program';
    if (!kind && (/\binfluencer|\bcreator program/i.test(title) || (affiliate >= 3 && affiliate > program * 2) || mostlyAffiliate)) kind = 'an influencer or sponsorship program';
    if (!kind && (ONE_OFF.test(title) || (oneOffs >= 2 && program < 3) || mostlyOneOff)) kind = 'a one-off business-development deal';
    if (!kind) return;
    report({ message: `This reads as ${kind}, not a multi-partner channel program; Partnerlint's program rules do not apply, so nothing else is checked.`, at: plan.titleSpan() });
  },
});
