import { z } from 'zod';
import { defineRule } from '../core/rule.js';

export default defineRule({
  meta: {
    id: 'out-of-scope',
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
    const text = plan.sentences.map((s) => s.text).join('\n');
    const title = [plan.titleUnit?.text ?? '', String(plan.frontMatter?.data?.scope ?? ''), String(plan.frontMatter?.type ?? '')].join(' ');
    const affiliate = (text.match(/\baffiliates?\b|\binfluencers?\b|\bcreators?\b|\baffiliate links?\b|\bpromo codes?\b/gi) ?? []).length;
    const program = (text.match(/\bresell\w*|\breferral partners?\b|\bintegration partners?\b|\bchannel partners?\b|\bstrategic alliances?\b|\bMSPs?\b|\bdeal registration\b/gi) ?? []).length;
    const oneOff = /\bone-?off (?:deal|partnership|agreement|arrangement)\b|\bsingle (?:deal|partnership|agreement) with\b/i;
    let kind: string | null = null;
    if (/\baffiliate\b/i.test(title) || (affiliate >= 3 && affiliate > program * 2 && /\baffiliate/i.test(text))) kind = 'an affiliate program';
    if (!kind && (/\binfluencer|\bcreator program/i.test(title) || (affiliate >= 3 && affiliate > program * 2))) kind = 'an influencer program';
    if (!kind && (oneOff.test(title) || ((text.match(new RegExp(oneOff.source, 'gi')) ?? []).length >= 2 && program < 3))) kind = 'a one-off business-development deal';
    if (!kind) return;
    report({ message: `This reads as ${kind}, not a multi-partner channel program; Partnerlint's program rules do not apply, so nothing else is checked.`, at: plan.titleSpan() });
  },
});
