/**
 * The one place the server touches the engine (`lib/index.ts`). Everything
 * here delegates: config comes from `loadConfigForFile` with the editor's
 * overrides validated by `parseConfigText`, fixes from `applyFixes`.
 */
import * as lib from '../lib/index.js';
import type { ConfigProblem, Finding, LintResult, ResolvedConfig, TextEdit } from '../lib/index.js';
/** Parsed pieces of one document, reused from one keystroke to the next. */
export type LintCache = lib.LintCache;
import type { PartnerlintSettings } from './settings.js';

export interface ResolvedDocumentConfig {
  config: ResolvedConfig;
  /** Config files consulted, each with its problems (an empty list means it is clean). */
  problemsByFile: Map<string, ConfigProblem[]>;
  /** Problems in the editor settings, as sentences. */
  otherProblems: string[];
}

export interface LintRequest {
  config: ResolvedConfig;
  file?: string;
  maxFileSize?: number;
  /** The time budget of the analysis (setting `partnerlint.timeout`); 20 s when not given. */
  timeoutMs?: number;
  /** The document's own cache (see `createCache`). */
  cache?: LintCache;
  /** The text of a document a relative markdown link points to (spec, "Programs that span documents"). */
  linked?: lib.LinkResolver;
  /** True stops the analysis (it throws `AnalysisStopped`): a newer version of the document replaced it. */
  shouldStop?: () => boolean;
}

export interface Engine {
  VERSION: string;
  CONFIG_FILE_NAMES: readonly string[];
  lint(text: string, request: LintRequest): LintResult;
  createCache(): LintCache;
  /**
   * The document's config: the nearest `.partnerlintrc.*` (or the defaults) with the editor's
   * overrides on top. Detection globs from the editor are read relative to `workspaceFolder`.
   */
  resolveConfig(filePath: string | undefined, settings: PartnerlintSettings, workspaceFolder?: string): ResolvedDocumentConfig;
  /** Offset edits of every safe fix that can be applied in one pass (non-overlapping), for fix-all, and how many fixes they are. */
  safeFixEdits(text: string, findings: Finding[]): { edits: TextEdit[]; fixes: number };
  /** The section inserts of these findings as one fix ("Insert 3 missing sections"); undefined for fewer than two. */
  insertMissingSectionsFix(text: string, findings: readonly Finding[]): lib.Fix | undefined;
  ruleDocsUrl(ruleId: string): string;
  listRules(): lib.RuleInfo[];
  templates: ReadonlyArray<lib.TemplateInfo>;
  /** The section templates a document lacks, given the topics it has. */
  templatesMissingFrom(topics: readonly string[]): lib.TemplateInfo[];
  renderTemplate(id: string, options: { format: lib.TemplateFormat; headingLevel?: number }): string;
  readinessReport(result: LintResult): string;
  /** The readiness report as a self-contained HTML page (no scripts), `label` naming the file. */
  readinessReportHtml(result: LintResult, label: string, options?: lib.HtmlReportOptions): string;
  /** "Readiness 67/100 · 5/6 preconditions · 3 findings", or "Partner guide · 3 findings". */
  titleSummary(result: LintResult): string;
}

const SETTINGS_SOURCE = 'settings (partnerlint).json';

/** The editor's `rules` and `detection` overrides, validated by the engine and laid over the file config. */
export function mergeSettings(
  base: ResolvedConfig,
  settings: PartnerlintSettings,
  workspaceFolder?: string,
): { config: ResolvedConfig; problems: string[] } {
  const overrides: Record<string, unknown> = {};
  const ruleIds = Object.keys(settings.rules);
  if (ruleIds.length > 0) overrides.rules = settings.rules;
  const detection = Object.fromEntries(Object.entries(settings.detection).filter(([, v]) => v !== undefined));
  if (Object.keys(detection).length > 0) overrides.detection = detection;
  if (Object.keys(overrides).length === 0) return { config: base, problems: [] };

  const parsed = lib.parseConfigText(JSON.stringify(overrides), SETTINGS_SOURCE);
  const badKeys = new Set(parsed.problems.map((p) => p.keyPath));
  const isBad = (prefix: string) => [...badKeys].some((k) => k === prefix || k.startsWith(`${prefix}.`) || k.startsWith(`${prefix}[`));
  const config: ResolvedConfig = {
    ...base,
    rules: { ...base.rules },
    detection: { ...base.detection },
  };
  for (const id of ruleIds) {
    if (!isBad(`rules.${id}`) && parsed.config.rules[id]) config.rules[id] = parsed.config.rules[id];
  }
  if (!isBad('detection')) {
    for (const key of Object.keys(detection) as Array<keyof ResolvedConfig['detection']>) {
      (config.detection as Record<string, unknown>)[key] = parsed.config.detection[key];
    }
    if ((detection.include !== undefined || detection.exclude !== undefined) && workspaceFolder) {
      config.baseDir = workspaceFolder;
    }
  }
  const problems = parsed.problems.map((p) => `setting partnerlint.${p.keyPath || '(root)'}: ${p.message}`);
  return { config, problems };
}

export const defaultEngine: Engine = {
  VERSION: lib.VERSION,
  CONFIG_FILE_NAMES: lib.CONFIG_FILE_NAMES,
  lint(text, request) {
    const result = lib.lint(text, {
      config: request.config,
      filePath: request.file,
      maxBytes: request.maxFileSize,
      cache: request.cache,
      linked: request.linked,
      shouldStop: request.shouldStop,
      // A guard: no single document may hold the server for long; past this it is marked skipped.
      timeBudgetMs: request.timeoutMs ?? 20_000,
    });
    // Keep what this version used; drop pieces no longer in the document.
    request.cache?.sweep();
    return result;
  },
  createCache: () => lib.createCache(),
  resolveConfig(filePath, settings, workspaceFolder) {
    const loaded = filePath ? lib.loadConfigForFile(filePath) : { config: lib.defaultConfig(), file: null, problems: [] };
    const problemsByFile = new Map<string, ConfigProblem[]>();
    if (loaded.file) problemsByFile.set(loaded.file, []);
    for (const problem of loaded.problems) {
      problemsByFile.set(problem.file, [...(problemsByFile.get(problem.file) ?? []), problem]);
    }
    const merged = mergeSettings(loaded.config, settings, workspaceFolder);
    return { config: merged.config, problemsByFile, otherProblems: merged.problems };
  },
  safeFixEdits(text, findings) {
    return safeFixEdits(text, findings);
  },
  insertMissingSectionsFix: (text, findings) => lib.insertMissingSectionsFix(text, findings),
  ruleDocsUrl: lib.ruleDocsUrl,
  listRules: lib.listRules,
  get templates() {
    return lib.templates;
  },
  renderTemplate: (id, options) => lib.renderTemplate(id, options),
  templatesMissingFrom: (topics) => lib.templatesMissingFrom(topics),
  readinessReport: (result) => lib.readinessReport(result),
  readinessReportHtml: (result, label, options) => lib.renderReportHtml([lib.reportModel(result, label)], options),
  titleSummary: (result) => lib.titleSummary(result),
};

/** The edits of the fixes `applyFixes` applies (minimal edits, original offsets; inserts at one point keep their order). */
export function safeFixEdits(text: string, findings: Finding[]): { edits: TextEdit[]; fixes: number } {
  const { edits, applied } = lib.applyFixes(text, findings);
  return { edits, fixes: applied.length };
}
