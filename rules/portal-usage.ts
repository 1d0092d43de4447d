import { z } from 'zod';
import { defineRule } from '../core/rule.js';
import { appendToSectionFix } from '../core/fixes.js';
import { isHedged, isNegatedAt, reportsThePast } from '../core/language.js';

const PLANNED_PORTAL =
  /\bportal\s*[:—–]\s*(?:we['’]ll|we will|will|planned|coming|launch\w*|(?:in|by|from) (?:month|week|Q[1-4]|H[12]))\b|\b(?:launch\w*|build\w*|buil[td]|introduc\w+|roll(?:s|ing)? out|rolled out|set(?:ting)? up|creat\w+|stand(?:ing)? up|spin(?:ning)? up|implement\w*|deploy\w*|select\w*|buy(?:ing)?|licens\w+|will (?:have|get|open|offer|provide)|plan(?:s|ned)? (?:a|to)|new)\b[^.]{0,60}\bportal\b|\bportal\b[^.]{0,40}\b(?:launch\w*|goes live|go live|(?:is |will be |to be )?live (?:by|in|from|on|at)|will (?:hold|host|show|give|offer|let|include|have)|is (?:planned|coming))\b|\bportal\b\s*(?:v\d+(?:\.\d+)?\s*)?\((?:(?:in|by|from|due|target)\s+)?(?:Q[1-4]|H[12]|(?:19|20)\d\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*|month \d+|week \d+)\b[^)]*\)/i;

/**
 * Usage tracked, read from its parts: what partners do in the portal (log in, visit, view, download,
 * stay active) and someone watching it (track, monitor, measure, report, a KPI or target, a tool that
 * shows it). A customer portal, the login mechanism, other things tracked, and open or denied
 * tracking do not count.
 */
const PORTAL_USE =
  /\blog(?:s|ged)?[- ]?ins?\b|\blog(?:s|ged|ging)? in(?:to)?\b|\bopen(?:s|ed)?\b|\blogin data\b|\busage\b|\badoption\b|\bactive\b|\bMAU\b|\bvisit\w*|\bviews?\b|\bopened\b|\bdownload\w*|\bactivity\b|\bengagement\b|\bwho (?:use|log)|\bwhich (?:pages|assets|documents|battlecards)\b|\bunused\b/i;
const WATCHED =
  /\btrack\w*|\bmonitor\w*|\bmeasur\w+|\breport\w*|\bKPIs?\b|\bmetrics?\b|\btargets?\b|\bstatistics?\b|\banalytics\b|\binstrument\w*|\bdashboards?\b|\bcheck\w*|\b(?:tell|show)s? us\b|\bsee which\b|\bretired?\b|\b\d+\s?%|\breview\w*|\bscorecards?\b|\bhealth\b|\bfeeds?\b|\blook at\b|\bspot\b|\bper (?:rep|partner|month|user)\b|\bmost[- ]\w+ed\b/i;
const NOT_PORTAL_USAGE =
  /\b(?:customer|client|developer|employee|support) portal\b|\bCRM usage\b|\bdirect reps?\b|\bSSO\b|\bsingle sign-on\b|\bproduct usage\b|\bAPI usage\b|\bpublic (?:partner )?pages?\b|\bwebsite\b|:\s*(?:tbd|tbc|to be \w+)\b/i;
function tracksPortalUsage(text: string): boolean {
  if (isHedged(text) || reportsThePast(text) || NOT_PORTAL_USAGE.test(text)) return false;
  const w = WATCHED.exec(text);
  return PORTAL_USE.test(text) && !!w && !isNegatedAt(text, w.index);
}

export default defineRule({
  meta: {
    id: 'portal-usage',
    title: 'Partner portal usage tracking',
    kinds: ['plan'],
    description: 'A planned partner portal comes with usage tracking.',
    defaultSeverity: 'info',
    category: 'lifecycle',
    options: z.object({}).strict().default({}),
    fixable: true,
    docs: {
      why: 'A portal nobody logs into is a vanity project. Tracking logins and registrations per partner tells you whether it works and which partners are drifting.',
      fires: 'A partner portal is planned and neither the sentence nor its section says how usage or adoption is tracked. On the first sentence about the portal.',
      doesNotFire: '"We track monthly logins and registrations per reseller"; portals only named as a tier benefit.',
      fix: 'Say what you will track (logins, registrations, content use per partner) and what you do when it drops.',
      example: 'In Q1 we will launch a partner portal with statements and training.\n',
    },
  },
  check({ plan, report }) {
    const portal = plan.statements('portal-usage', (s) => {
      const m = /(?<![-\w])portal\b(?!-)/i.exec(s.text);
      if (m && /\b(?:developer|customer|employee|self-service|support)\s+$/i.test(s.text.slice(0, m.index))) return false;
      if (!m || s.unit.cells || isNegatedAt(s.text, m.index)) return false;
      // A portal that is planned: its own section, or a sentence that launches, builds or rolls one out
      // ("statements in the partner portal" only names where something is).
      return !!s.section?.inTopic('portal') || PLANNED_PORTAL.test(s.text);
    });
    if (!portal.length) return;
    const pool = new Set(portal);
    for (const s of portal) if (s.section) for (const x of s.section.allSentences()) pool.add(x);
    if ([...pool].some((s) => tracksPortalUsage(s.text))) return;
    const first = portal[0];
    const section = first.section?.inTopic('portal') ? first.section : null;
    report({
      message: 'A partner portal is planned with no usage or adoption tracking.',
      at: plan.sentenceSpan(first),
      fixes: section ? [appendToSectionFix(plan, section, 'We track {{1:logins, registrations}} per partner each month, and call any partner with no portal activity for {{2:N}} days.', 'Add usage tracking', false)] : [],
    });
  },
});
