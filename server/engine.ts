/**
 * The one place the server touches the engine (`lib/index.ts`). Everything
 * here delegates: config comes from `loadConfigForFile` with the editor's
 * overrides validated by `parseConfigText`, fixes from `applyFixes`.
 */
import * as lib from '../lib/index.js';
import type { ConfigProblem, Finding, LintResult, ResolvedConfig, TextEdit } from '../lib/index.js';
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
}

export interface Engine {
  VERSION: string;
  CONFIG_FILE_NAMES: readonly string[];
  lint(text: string, request: LintRequest): LintResult;
  resolveConfig(filePath: string | undefined, settings: PartnerlintSettings): ResolvedDocumentConfig;
  /** Offset edits of every safe fix that can be applied in one pass (non-overlapping), for fix-all, and how many fixes they are. */
  safeFixEdits(text: string, findings: Finding[]): { edits: TextEdit[]; fixes: number };
  ruleDocsUrl(ruleId: string): string;
  listRules(): lib.RuleInfo[];
  templates: ReadonlyArray<lib.TemplateInfo>;
  renderTemplate(id: string, options: { format: lib.TemplateFormat; headingLevel?: number }): string;
  readinessReport(result: LintResult): string;
}

const SETTINGS_SOURCE = 'settings (partnerlint).json';

/** The editor's `rules` and `detection` overrides, validated by the engine and laid over the file config. */
export function mergeSettings(base: ResolvedConfig, settings: PartnerlintSettings): { config: ResolvedConfig; problems: string[] } {
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
  }
  const problems = parsed.problems.map((p) => `setting partnerlint.${p.keyPath || '(root)'}: ${p.message}`);
  return { config, problems };
}

export const defaultEngine: Engine = {
  VERSION: lib.VERSION,
  CONFIG_FILE_NAMES: lib.CONFIG_FILE_NAMES,
  lint(text, request) {
    return lib.lint(text, { config: request.config, filePath: request.file, maxBytes: request.maxFileSize });
  },
  resolveConfig(filePath, settings) {
    const loaded = filePath ? lib.loadConfigForFile(filePath) : { config: lib.defaultConfig(), file: null, problems: [] };
    const problemsByFile = new Map<string, ConfigProblem[]>();
    if (loaded.file) problemsByFile.set(loaded.file, []);
    for (const problem of loaded.problems) {
      problemsByFile.set(problem.file, [...(problemsByFile.get(problem.file) ?? []), problem]);
    }
    const merged = mergeSettings(loaded.config, settings);
    return { config: merged.config, problemsByFile, otherProblems: merged.problems };
  },
  safeFixEdits(text, findings) {
    return safeFixEdits(text, findings);
  },
  ruleDocsUrl: lib.ruleDocsUrl,
  listRules: lib.listRules,
  get templates() {
    return lib.templates;
  },
  renderTemplate: (id, options) => lib.renderTemplate(id, options),
  readinessReport: (result) => lib.readinessReport(result),
};

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return (a.start < b.end && b.start < a.end) || (a.start === a.end && b.start === b.end && a.start === b.start);
}

/**
 * The edits of the fixes `applyFixes` applies, so the client receives minimal edits rather than
 * a new document. The selection mirrors applyFixes (first safe fix per finding, duplicates once,
 * overlapping ones left for a later pass) and is checked against its output; should the two ever
 * disagree, one edit covering the changed stretch (common prefix and suffix removed) is used.
 */
export function safeFixEdits(text: string, findings: Finding[]): { edits: TextEdit[]; fixes: number } {
  const { text: expected, applied } = lib.applyFixes(text, findings);
  if (expected === text) return { edits: [], fixes: 0 };
  const fixes = applied.length;
  const taken: TextEdit[] = [];
  const seen = new Set<string>();
  for (const finding of findings) {
    const fix = finding.fixes?.find((f) => f.safe);
    if (!fix || fix.edits.length === 0) continue;
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)) || e.start < 0 || e.end > text.length || e.start > e.end)) continue;
    seen.add(key);
    taken.push(...fix.edits);
  }
  const sorted = [...taken].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  if (out === expected) return { edits: taken.sort((a, b) => a.start - b.start || a.end - b.end), fixes };
  let prefix = 0;
  while (prefix < text.length && prefix < expected.length && text[prefix] === expected[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < text.length - prefix &&
    suffix < expected.length - prefix &&
    text[text.length - 1 - suffix] === expected[expected.length - 1 - suffix]
  ) {
    suffix++;
  }
  return { edits: [{ start: prefix, end: text.length - suffix, newText: expected.slice(prefix, expected.length - suffix) }], fixes };
}
