/**
 * What the extension exchanges with the Partnerlint language server: command
 * names, their arguments and results. The extension host never loads the
 * analysis engine; everything it knows about a plan comes through these.
 */

/** Commands the server executes (`workspace/executeCommand`). Arguments are positional. */
export const SERVER_COMMANDS = {
  /** [uri, templateId, position?] -> { applied, reason? } */
  insertTemplate: 'partnerlint.insertTemplate',
  /**
   * [uri, { format?: 'markdown' | 'html', lineCommand? }] -> the report as markdown, or as a
   * self-contained HTML page whose line references run `lineCommand` with [uri, line]
   * (null when the document is unknown)
   */
  readinessReport: 'partnerlint.readinessReport',
  /** [] -> { files, plans, findings, cancelled } */
  lintWorkspace: 'partnerlint.lintWorkspace',
  /** [ruleId] -> { url, shown } */
  showRuleDocs: 'partnerlint.showRuleDocs',
  /** [uri, version] -> { applied, fixes, reason? } */
  fixAll: 'partnerlint.fixAll',
  /** [] -> TemplateInfo[] (optional: the extension falls back to dist/templates.json) */
  listTemplates: 'partnerlint.listTemplates',
  /** [{ id, format, headingLevel }] -> string (optional, same fallback) */
  renderTemplate: 'partnerlint.renderTemplate',
} as const;

/** Commands this extension contributes (command palette, status bar, CodeLens). */
export const CLIENT_COMMANDS = {
  insertTemplate: 'partnerlint.insertTemplateAtCursor',
  newPlan: 'partnerlint.newPlan',
  showReadinessReport: 'partnerlint.showReadinessReport',
  fixAll: 'partnerlint.fixAllInDocument',
  lintWorkspace: 'partnerlint.lintAllPlans',
  /** [uri, line] (1-based): shows the plan with that line selected (the report's line links). */
  revealLine: 'partnerlint.revealLine',
  /** [ruleId, docsUrl]: opens a rule's documentation rendered, in the markdown preview (the server's "Show documentation" action). */
  showRuleDocs: 'partnerlint.showRuleDocsPreview',
} as const;

/** Optional server notification with a plan's readiness after each analysis. */
export const READINESS_NOTIFICATION = 'partnerlint/readiness';

export interface ReadinessNotification {
  uri: string;
  version?: number;
  isPlan: boolean;
  /** null for documents that are not plans or are out of scope. */
  score: number | null;
  /** plan, guide or policy; null for non-plans and out-of-scope documents. */
  kind?: 'plan' | 'guide' | 'policy' | null;
  /** The server's one-line summary ("Readiness 67/100 · …", "Partner guide · 3 findings"). */
  summary?: string | null;
}

export interface TemplateInfo {
  id: string;
  title: string;
  description: string;
  topic?: string;
  /** Whole-plan templates start with front matter and a title heading. */
  wholePlan?: boolean;
}

export type TemplateFormat = 'snippet' | 'text';

export interface FixAllResult {
  applied: boolean;
  fixes: number;
  reason?: string;
}

export interface LintWorkspaceResult {
  files: number;
  plans: number;
  findings: number;
  cancelled: boolean;
}

export const ARCHETYPES = [
  { id: 'reseller', label: 'Reseller', detail: 'VARs, MSPs, SIs and distributors who resell the product' },
  { id: 'referral', label: 'Referral', detail: 'Partners who introduce customers for a referral fee' },
  { id: 'technology', label: 'Technology', detail: 'ISVs and integration partners' },
  { id: 'strategic', label: 'Strategic', detail: 'Alliances and co-sell with a platform such as AWS, Microsoft or Salesforce' },
] as const;

export const STAGES = [
  { id: 'pilot', label: 'Pilot', detail: 'Months 0-12: a handful of partners, proving the motion' },
  { id: 'stabilize', label: 'Stabilize', detail: 'Months 12-24: a formal program with tiers and processes' },
  { id: 'scale', label: 'Scale', detail: 'Months 24-48: recruiting at volume' },
  { id: 'maturity', label: 'Maturity', detail: 'Month 48 onwards: an established channel' },
] as const;

export type ArchetypeId = (typeof ARCHETYPES)[number]['id'];
export type StageId = (typeof STAGES)[number]['id'];

/** The readiness score in the server's report markdown (`**Score: 67/100**`), or null when there is none. */
export function scoreFromReport(markdown: unknown): number | null {
  if (typeof markdown !== 'string') return null;
  const match = /\bScore:?\s*\**\s*(\d{1,3})\s*\/\s*100/i.exec(markdown);
  if (!match) return null;
  const score = Number(match[1]);
  return score >= 0 && score <= 100 ? score : null;
}
