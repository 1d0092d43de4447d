import { z } from 'zod';
import { defineRule } from '../core/rule.js';

export default defineRule({
  meta: {
    id: 'marketplace-cosell',
    title: 'Co-selling behind marketplace listings',
    kinds: ['plan'],
    description: 'A marketplace listing is paired with a co-sell motion.',
    defaultSeverity: 'warning',
    category: 'readiness',
    options: z.object({}).strict().default({}),
    fixable: false,
    docs: {
      why: 'For most B2B products a cloud marketplace is where a deal closes, not where it is found. A listing with nobody co-selling with the platform\'s field team produces a page and no pipeline.',
      fires: 'A listing on AWS, Azure, Google Cloud, Salesforce AppExchange, HubSpot or another marketplace is planned and the plan has no co-sell motion (joint pipeline reviews, the platform\'s sellers bringing you in). On the listing sentence.',
      doesNotFire: 'A listing next to a co-sell motion; recruiting partners from a marketplace.',
      fix: 'Pair the listing with co-sell: who at the platform brings you in, and how joint pipeline is reviewed.',
      example: 'Get listed on AWS Marketplace by June.\n',
    },
  },
  check({ plan, evidence, report }) {
    if (evidence.coSell) return;
    for (const s of evidence.marketplaceListings) report({ message: 'Marketplace listing with no co-sell motion alongside it: a listing closes deals, it rarely finds them.', at: plan.sentenceSpan(s) });
  },
});
