/**
 * The Partnerlint engine: the one API every adapter (CLI, language server,
 * benchmarks, tests) uses. Pure: it reads files only to find and load config,
 * never writes, and knows nothing of LSP or VS Code.
 */
import { analyze, type AnalyzeOptions } from '../core/engine.js';
export { AnalysisStopped } from '../core/engine.js';
import * as configCore from '../core/config.js';
import type { LintResult } from '../core/types.js';
import { allRules } from '../rules/index.js';
import { PieceCache } from '../core/parse.js';
import { ruleDocsUrl } from '../core/docs-url.js';
import { reportModel as coreReportModel, type ReportModel } from '../core/report.js';

export * from '../core/types.js';
export type { DetectionMode, ResolvedConfig, ConfigProblem, LoadedConfig } from '../core/config.js';
export { CONFIG_FILE_NAMES, findConfigFile } from '../core/config.js';
export { applyFixes, insertMissingSectionsFix, type ApplyFixesResult } from '../core/fixes.js';
export { templates, templatesMissingFrom, renderTemplate, templateForTopic, type TemplateInfo, type TemplateFormat } from '../core/templates.js';
export {
  coveredElsewhereLines,
  findingCount,
  planContext,
  preconditionCount,
  readinessReport,
  redFlagLine,
  REPORT_HEADINGS,
  sectionLine,
  SUMMARY_COLUMNS,
  summaryRow,
  WHOLE_DOCUMENT_GROUP,
  type ReportFinding,
  type ReportFindingGroup,
  type ReportModel,
  titleSummary,
  toJsonResult,
  unscoredReason,
  type JsonResult,
} from '../core/report.js';
export { KIND_LABELS } from '../core/kind.js';
export { preconditionLabel, preconditionLine } from '../core/score.js';
export { isRuleDocsPage, ruleDocsUrl } from '../core/docs-url.js';
export { VERSION } from '../core/version.js';
export { dominantEol, escapeMarkdown, trailingLineEndings } from '../core/text.js';
export {
  documentLinks,
  linkTargetPath,
  MAX_LINKED_LENGTH,
  MAX_LINKS,
  type DocumentLink,
  type LinkedDocument,
  type LinkResolver,
} from '../core/links.js';
export {
  ALWAYS_SKIPPED_FOLDERS,
  GITIGNORE_FILE,
  IgnoreGlobs,
  IgnoreRules,
  isMarkdownPath,
  MARKDOWN_EXTENSIONS,
  PARTNERLINT_IGNORE_FILE,
  Selection,
  type SelectionReader,
} from '../core/selection.js';
export { fileSelectionReader, type SelectionReaderOptions } from './selection.js';
export { escapeHtml, renderReportHtml, type HtmlReportOptions } from './report-html.js';
export { isOutOfMemory, notAnalysedResult, outOfMemoryReason, WORKER_HEAP_MB, DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS, type AnalysisLimits } from './limits.js';
export { allRules };

export type LintOptions = Omit<AnalyzeOptions, 'rules'>;

/** A per-document cache for editors: pass it as `cache` on every lint of that document, call `sweep()` after each. */
export type LintCache = PieceCache;
export function createCache(): LintCache {
  return new PieceCache();
}

/** Lints one document. Never throws for any input text (only `AnalysisStopped`, when `shouldStop` asked it to stop). */
export function lint(text: string, options: LintOptions = {}): LintResult {
  return analyze(text, { ...options, rules: allRules });
}

/** The defaults: every rule at its default severity and options, detection `auto`. */
export function defaultConfig(): configCore.ResolvedConfig {
  return configCore.defaultConfig(allRules);
}

/** Validates config text (JSON or YAML, by the file's extension). Problems name the file and key path; invalid parts fall back to defaults. */
export function parseConfigText(text: string, file: string): configCore.LoadedConfig {
  return configCore.parseConfigText(text, file, allRules);
}

/** Loads an explicit config file (CLI `--config`). An unreadable file is a problem, not an exception. */
export function loadConfigFile(file: string): configCore.LoadedConfig {
  return configCore.loadConfigFile(file, allRules);
}

/** Finds the nearest `.partnerlintrc.*` walking up from the document's folder and loads it (defaults when none). */
export function loadConfigForFile(filePath: string): configCore.LoadedConfig {
  return configCore.loadConfigForFile(filePath, allRules);
}

/** JSON Schema (draft 2020-12) of `.partnerlintrc.json`, generated from the zod schema. */
export function configJsonSchema(): Record<string, unknown> {
  return configCore.configJsonSchema(allRules);
}

export interface RuleInfo {
  id: string;
  /** The rule in plain words, for menus and headings ("Exit criteria"). */
  title: string;
  description: string;
  defaultSeverity: 'error' | 'warning' | 'info';
  category: string;
  fixable: boolean;
  docsUrl: string;
}

export function listRules(): RuleInfo[] {
  return allRules.map((r) => ({
    id: r.meta.id,
    title: r.meta.title,
    description: r.meta.description,
    defaultSeverity: r.meta.defaultSeverity,
    category: r.meta.category,
    fixable: r.meta.fixable,
    docsUrl: ruleDocsUrl(r.meta.id),
  }));
}

/** The readiness report of one document as data, each finding with what its rule's documentation says (why it matters, what to do). */
export function reportModel(result: LintResult, label = result.file ?? 'this plan'): ReportModel {
  return coreReportModel(result, label, (ruleId) => allRules.find((r) => r.meta.id === ruleId)?.meta.docs);
}
