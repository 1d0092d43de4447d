import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import type { Archetype } from '../core/types.js';

/** Activities that are an archetype's work. */
const ACTS_AS: Array<[Archetype, RegExp]> = [
  ['referral', /\brefer\w*|\bintroduc\w+|\bbring(?:s|ing)? (?:us |in )?(?:their |its |new |the )?(?:clients|customers|merchants|brands|deals|leads|accounts)|\bsends? us\b|\bhands? (?:us )?(?:over )?(?:leads|introductions)/i],
  ['reseller', /\bresell\w*|\bsells?\b|\bselling\b/i],
  ['technology', /\bintegrat\w+|\bbuild(?:s|ing)? (?:and maintain )?(?:an? )?(?:apps?|integrations?|connectors?|plugins?|extensions?)\b/i],
];

export default defineRule({
  meta: {
    id: 'value-exchange',
    title: 'What partners do for their pay',
    kinds: ['plan', 'guide'],
    description: 'When the plan pays partners, it also says what partners do for the money.',
    defaultSeverity: 'warning',
    category: 'economics',
    options: z.object({}).strict().default({}),
    fixable: false,
    docs: {
      why: '"We give you 20%" - for what? Leads, selling, implementation, support? When the exchange is fuzzy, both sides feel short-changed and the economics fall apart.',
      fires: 'A margin, commission or fee is offered to a kind of partner, and nowhere does the plan say what that kind of partner does (sources leads, refers, resells, implements, supports customers). The name of the archetype alone does not count. On the title.',
      doesNotFire: 'A sentence such as "In return, each MSP sells, sets up and supports..." or "the consultant introduces the clinic and joins the first demo"; strategic alliance economics.',
      fix: 'State the partner\'s role next to the payout: what they do, and what you do.',
      example: '### Integration partner economics\n\nIntegration partners receive 12% of year-one subscription.\n',
    },
  },
  check({ plan, evidence, report }) {
    const paid = new Set<string>();
    for (const p of evidence.payouts) {
      const arch = p.archetypes.filter((a) => a !== 'strategic');
      if (p.archetypes.length && !arch.length) continue;
      for (const a of arch.length ? arch : ['any']) paid.add(a);
    }
    if (!paid.size) return;
    // What a partner does says which kind of partner it is, whatever the sentence calls it: an agency
    // that brings its clients refers, one that resells is a reseller.
    const acts = evidence.partnerActivities.map((s) => [...plan.archetypesOf(s), ...ACTS_AS.filter(([, re]) => re.test(s.text)).map(([a]) => a)]);
    const covered = (a: string) => acts.some((arch) => (a === 'any' ? true : arch.includes(a as never) || (arch.length === 0 && plan.archetypes.length <= 1)));
    const missing = [...paid].filter((a) => !covered(a));
    if (!missing.length) return;
    const who = missing.filter((a) => a !== 'any');
    report({
      message: `The plan pays ${who.length ? who.join(' and ') + ' ' : ''}partners but never says what they do for it (source, refer, resell, implement, support).`,
      at: plan.titleSpan(),
    });
  },
});
