/**
 * Product maturity: customers get going without hand-holding, implementation has a bound, the
 * documentation holds up. Read from its parts: what a customer goes through (setup, onboarding,
 * go-live, deployment, rollout, the docs) and what bounds it or shows it is solid (a time limit,
 * "themselves", "without our engineers", a fixed playbook, complete and current docs, customers
 * live on one version). Plans to get there and admissions to the contrary do not count.
 */
import { isHedged } from '../language.js';

const CUSTOMER_PATH =
  /\b(?:implementations?|onboard(?:s|ing|ed)?|go(?:es)?[- ]live|go(?:ing)? live|live|set(?:s)? (?:it |the product |themselves )?up|setup|set-up|deploy(?:s|ed|ment|ments)?|rollouts?|roll(?:s)? out|install(?:s|ed|ing|ation)?|get (?:going|started)|time[- ]to[- ](?:first[- ])?value|reach(?:es)? production|first (?:value|report|dashboard|payroll|scan|results?)|docs|documentation|knowledge base|help cent(?:er|re)|runbooks?|setup wizard|self[- ]serve|self[- ](?:onboard\w*|setup|service|install\w*)|GA|generally available|uptime|version)\b/i;
const BOUNDED_OR_SOLID =
  /\b(?:within|in under|under|in|takes?|inside|less than|at most)\s+(?:about\s+|around\s+|roughly\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|half)\b[^.;]{0,12}\b(?:minutes?|hours?|days?|weeks?|afternoon|morning|sprint)\b|\bsame day\b|\bin an afternoon\b|\bhalf a day\b|\bthemselves\b|\bsets? (?:itself|themselves) up\b|\bdocumented\b|\b(?:docs|documentation|help cent(?:er|re)|knowledge base|runbooks?|guides?)\b[^.;]{0,40}\b(?:cover|covers|answer|answers|explain|explains|walk|walks|for every|for each|step by step)\b|\bon (?:its|their) own\b|\bwithout (?:a |any |our |us |help|hand-?holding|calling|a call|engineers?|professional services|services|assistance|consultants?|our (?:\w+ )?(?:team|engineers|help))|\bunassisted\b|\bno (?:hand-?holding|professional services|custom (?:code|work)|bespoke|services|help from us)\b|\brarely (?:need|needs|overrun|overruns)\b|\bfixed[- ](?:scope|price|\d+|[\w-]+[- ](?:week|day))|\bstandard (?:project plan|playbook|package|implementation)\b|\bplaybook\b|\bcapped\b|\bbounded\b|\bcovers?\b[^.;]{0,60}\bevery\b|\bpredictable\b|\bstandardi[sz]ed\b|\b(?:complete|comprehensive|public|published|current|up[- ]to[- ]date|kept current|covers? every|answers? (?:most|\d+\s?%))\b|\bself[- ]serve\b|\bstable\b|\b\d{2}(?:\.\d+)?\s?% uptime\b|\bGA for\b|\b\d+ customers (?:live|running)\b|\bsame version\b|\balone\b|\b(?:setup |configuration )?wizard\b|\bpoint-and-click\b|\bno (?:onboarding |kick-?off |setup )?calls?\b(?! (?:yet|planned))|\bno engineers?\b|\bneeds? no (?:engineers?|services|help|consultants?)\b|\bnever (?:exceeds?|overruns?|takes? (?:more|longer) than)\b|\b(?:no|none)\b[^.;]{0,20}\b(?:longer|more) than\s+(?:\d+|one|two|three|four|six)\s+(?:days?|weeks?|months?)\b|\bupdated (?:with|for) every release\b|\b\d+\+? (?:articles|guides|how-tos)\b|(?:within|under|less than|at most)\s+(?:\d+|one|two|three|a)\s+months?\b|:\s*(?:\d+|one|two|three|four|five|six)\s+(?:days?|weeks?|hours?)\b/i;
/** Not true yet, or the opposite: a plan, a gap, weeks of hand-holding. */
const NOT_MATURE =
  /\b(?:our|an?|the) (?:\w+ )?(?:engineers?|SEs?|CSMs?|consultants?|team|solutions engineers?) (?:joins?|is on|sits in on|runs|does|handles?|attends?) (?:every|each|all)\b|\bpartners?\b[^.;]{0,20}\bonboard\w*|\bpartner (?:onboarding|enablement|training)\b|\b(?:will|plan(?:s|ned)? to|going to|need(?:s)? to|aim to|by Q[1-4]|patchy|incomplete|outdated|out of date|missing|lacking|thin|sparse|rewrite|still (?:~|about |around )?\d|of us on calls|hand-?hold(?:ing)? (?:every|each|is)|heavy|bespoke (?:every|each)|custom (?:every|each)|varies|unpredictable|overrun(?:s)? (?:often|regularly)|we want|roadmap|employees?|new hires?|staff onboarding|(?<!no )onboarding calls? (?:are|is) (?:booked|scheduled|held))\b/i;

/** A sentence that gives present evidence that the product is ready for partners to sell and deploy. */
export function statesProductMaturity(text: string): boolean {
  if (isHedged(text) || NOT_MATURE.test(text)) return false;
  return CUSTOMER_PATH.test(text) && BOUNDED_OR_SOLID.test(text);
}

export const PRODUCT_CUE = CUSTOMER_PATH;
