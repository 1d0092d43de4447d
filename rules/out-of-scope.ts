import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import type { Unit } from '../core/units.js';

const ONE_OFF = /\bone-?off (?:deal|partnership|agreement|arrangement)\b|\bsingle (?:deal|partnership|agreement) with\b/i;

const SCOPING = /\bseparate (?:program(?:me)?|page|terms|agreement)\b|\bnot (?:covered|part of this|this program)\b|\blooking for\b|\bthis (?:page|guide|program(?:me)?|document) (?:is|covers) (?:only )?(?:for|about)\b|\bhas its own (?:terms|page)\b/i;

function countWords(units: readonly Unit[]): { affiliate: number; program: number; oneOffs: number; affiliateWord: boolean } {
  // A sentence that points elsewhere ("Looking for our creator affiliate program? That is a separate
  // program") scopes the page; it does not make it about affiliates. Addresses are not words.
  const text = units
    .flatMap((u) => u.sentences.map((s) => s.text))
    .filter((t) => !(SCOPING.test(t) && /\baffiliat|\binfluencer|\bcreator|\bcoupon|\bpromo/i.test(t)))
    .join('\n')
    .replace(/\b[\w.-]+\.(?:com|io|net|org|co)(?:\/\S*)?/gi, ' ');
  return {
    affiliate: (text.match(/\baffiliates?\b|\binfluencers?\b|\bcreators?\b|\baffiliate links?\b|\bpromo codes?\b/gi) ?? []).length,
    program: (text.match(/\bresell\w*|\breferral partners?\b|\bintegration partners?\b|\bchannel partners?\b|\bstrategic alliances?\b|\bMSPs?\b|\bdeal registration\b/gi) ?? []).length,
    oneOffs: (text.match(new RegExp(ONE_OFF.source, 'gi')) ?? []).length,
    affiliateWord: /\baffiliate/i.test(text),
  };
}

export default defineRule({
  meta: {
    id: 'out-of-scope',
    title: 'Documents that are not partner programs',
    description: 'Affiliate, influencer and one-off business-development plans are not partner programs; the other rules stay silent.',
    defaultSeverity: 'info',
    category: 'lifecycle',
    options: z.object({}).strict().default({}),
    fixable: false,
    docs: {
      why: 'Affiliate and influencer programs, and single business-development deals, run on different mechanics (tracking links, audiences, one contract). Judging them by channel-program rules would only produce noise.',
      fires: 'The document is mainly about an affiliate or influencer program, or a one-off deal with a single partner. One finding on the title says why nothing else is checked; readiness is not scored.',
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
    for (const c of plan.perPiece('out-of-scope', countWords)) {
      affiliate += c.affiliate;
      program += c.program;
      oneOffs += c.oneOffs;
      affiliateWord ||= c.affiliateWord;
    }
    let kind: string | null = null;
    if (/\baffiliate\b/i.test(title) || (affiliate >= 3 && affiliate > program * 2 && affiliateWord)) kind = 'an affiliate program';
    if (!kind && (/\binfluencer|\bcreator program/i.test(title) || (affiliate >= 3 && affiliate > program * 2))) kind = 'an influencer program';
    if (!kind && (ONE_OFF.test(title) || (oneOffs >= 2 && program < 3))) kind = 'a one-off business-development deal';
    if (!kind) return;
    report({ message: `This reads as ${kind}, not a multi-partner channel program; Partnerlint's program rules do not apply, so nothing else is checked.`, at: plan.titleSpan() });
  },
});
