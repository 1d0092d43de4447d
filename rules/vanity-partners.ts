import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { partnerCounts } from '../core/evidence.js';

export default defineRule({
  meta: {
    id: 'vanity-partners',
    description: 'Counting partners or logos comes with the machinery that makes them sell.',
    defaultSeverity: 'warning',
    category: 'readiness',
    options: z.object({}).strict().default({}),
    fixable: false,
    docs: {
      why: 'Thirty logos on a website is a press release, not a partner program. Listing partners is not partnering.',
      fires: 'The plan counts listed partners or logos while it has no deal registration, no enablement and no partner revenue tracking. On the count; lowers the readiness score.',
      doesNotFire: 'Partner counts in a plan with any of that machinery; targets for active partners.',
      fix: 'Replace the logo count with active partners (a closed deal in the last two quarters) and add the machinery: registration, enablement, partner-sourced revenue tracking.',
      example: 'We already have 30 partners listed on our website.\n',
    },
  },
  check({ plan, evidence, report }) {
    if (evidence.dealReg || evidence.enablement || evidence.partnerRevenueTracking) return;
    for (const s of evidence.countingPartners) {
      for (const c of partnerCounts(s)) {
        const listed = /\blogos?\b/i.test(c.noun) || /^["”']?\s*(?:listed|on (?:our|the|its) (?:\w+ ){0,2}(?:website|site|page|directory))/i.test(s.text.slice(c.end)) || /\blisted\b/i.test(c.noun);
        if (!listed) continue;
        const r = s.range(c.start, c.end);
        report({ message: `${c.text} counted, but there is no deal registration, enablement or partner revenue tracking behind them.`, at: r });
      }
    }
    void plan;
  },
});
