/**
 * `.partnerlintrc.json` / `.partnerlintrc.yaml`: found by walking up from the
 * document, validated with zod. Problems name the file, the key path and what
 * was expected; the invalid part falls back to its default and the rest of
 * the file still applies. No config format executes code.
 */
import { LineIndex } from './text.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { parseDocument, isMap, isPair, isScalar, type Document, type Node as YamlNode, type YAMLError } from 'yaml';
import type { Rule } from './rule.js';
import type { SeverityOrOff } from './types.js';
import type { Topic } from './outline.js';
import { TOPIC_LABELS } from './outline.js';
import { checkYamlLimits, describeYamlLimit, parseYamlOnce } from './yaml-limits.js';
import { ignoreGlobProblem } from './selection.js';

export const CONFIG_FILE_NAMES = ['.partnerlintrc.json', '.partnerlintrc.yaml', '.partnerlintrc.yml'] as const;

export type DetectionMode = 'auto' | 'frontmatter' | 'always';

export interface RuleSetting {
  severity: SeverityOrOff;
  options: any;
}

export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  detection: { mode: DetectionMode; include: string[]; exclude: string[] };
  synonyms: Partial<Record<Topic, string[]>>;
  /** Globs (relative to the config file's folder) of files and folders a folder walk does not lint (core/selection.ts). */
  ignores: string[];
  /** Limits of one document's analysis set by the config file (`limits`); unset ones keep the command's or editor's. */
  limits: AnalysisLimits;
  /** Folder detection globs are relative to (the config file's folder). */
  baseDir?: string;
}

/**
 * The limits of one document's analysis. The same names everywhere: `--timeout` and
 * `--max-file-size` on the command line, `partnerlint.timeout` and `partnerlint.maxFileSize` in
 * the editor, `limits.timeout` and `limits.maxFileSize` in a config file.
 */
export interface AnalysisLimits {
  /** Seconds one document's analysis may take; past it the document is reported as not analysed. */
  timeout?: number;
  /** Documents larger than this many bytes are reported as not analysed. */
  maxFileSize?: number;
}

/** Default of `timeout`, in seconds (command line and editor alike). */
export const DEFAULT_TIMEOUT_SECONDS = 20;
/** The largest `timeout` accepted, in seconds (a day). */
export const MAX_TIMEOUT_SECONDS = 86_400;

export interface ConfigProblem {
  file: string;
  /** Dotted key path, e.g. `rules.margin-range[1].referral.max`; empty for the whole file. */
  keyPath: string;
  message: string;
  /** 1-based position of the offending key in the file, when known. */
  line?: number;
  column?: number;
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The config file used, or null for defaults. */
  file: string | null;
  problems: ConfigProblem[];
}

const Severity = z.enum(['off', 'info', 'warning', 'error']);
const TOPICS = Object.keys(TOPIC_LABELS) as [Topic, ...Topic[]];

const DetectionSchema = z
  .object({
    mode: z.enum(['auto', 'frontmatter', 'always']).default('auto'),
    include: z.array(z.string()).default([]),
    exclude: z.array(z.string()).default([]),
  })
  .strict();

const LimitsSchema = z
  .object({
    timeout: z
      .number()
      .positive()
      .max(MAX_TIMEOUT_SECONDS)
      .optional()
      .describe(`Seconds one document's analysis may take; a document that takes longer is reported as not analysed (--timeout, editor setting partnerlint.timeout). Default: ${DEFAULT_TIMEOUT_SECONDS}.`),
    maxFileSize: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Documents larger than this many bytes are reported as not analysed (--max-file-size, editor setting partnerlint.maxFileSize).'),
  })
  .strict();

const SynonymsSchema = z.partialRecord(z.enum(TOPICS), z.array(z.string().min(1)));

const IgnoreGlobSchema = z.string().superRefine((glob, ctx) => {
  const problem = ignoreGlobProblem(glob);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** The whole config file's schema (used for validation messages and the JSON Schema). */
export function configSchema(rules: readonly Rule[]) {
  const ruleShape: Record<string, z.ZodType> = {};
  for (const r of rules) {
    ruleShape[r.meta.id] = z
      .union([Severity, z.tuple([Severity]), z.tuple([Severity, r.meta.options])])
      .describe(`${r.meta.description} Default: ${r.meta.defaultSeverity}.`);
  }
  return z
    .object({
      $schema: z.string().optional(),
      rules: z.object(ruleShape).strict().optional().describe('Per-rule severity ("off" | "info" | "warning" | "error") or [severity, options].'),
      detection: DetectionSchema.optional().describe('When a markdown document is taken as a plan.'),
      synonyms: SynonymsSchema.optional().describe('Extra heading phrases that map a section to a topic.'),
      limits: LimitsSchema.optional().describe(
        'Limits of one document\'s analysis for the documents this file applies to. A command-line flag overrides them; in the editor the smaller of this and the editor setting applies.',
      ),
      ignores: z
        .array(IgnoreGlobSchema)
        .optional()
        .describe('Globs, relative to this file\'s folder, of files and folders a folder walk (the CLI, "Lint Workspace") does not lint, e.g. ["docs/**", "**/*.draft.md"].'),
    })
    .strict();
}

/**
 * zod parse options for the schemas here: without compiling a parser for the schema. Each is parsed
 * a handful of times per run, so generating code (zod's default) costs more than it saves, and
 * most of a short run's start-up.
 */
export const ONCE = { jitless: true } as const;

/** A rule's options when the config sets none. */
export function defaultOptions(rule: Rule): unknown {
  return rule.meta.options.parse({}, ONCE);
}

export function defaultConfig(rules: readonly Rule[]): ResolvedConfig {
  const out: ResolvedConfig = { rules: {}, detection: { mode: 'auto', include: [], exclude: [] }, synonyms: {}, ignores: [], limits: {} };
  for (const r of rules) out.rules[r.meta.id] = { severity: r.meta.defaultSeverity, options: defaultOptions(r) };
  return out;
}

export function configJsonSchema(rules: readonly Rule[]): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema(rules), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { title: 'Partnerlint configuration (.partnerlintrc.json)', ...schema };
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** Names longer than this get no suggestion (the comparison costs their length times the candidate's). */
const MAX_SUGGESTED_LENGTH = 64;

export function didYouMean(name: string, candidates: readonly string[]): string | null {
  if (name.length > MAX_SUGGESTED_LENGTH) return null;
  const allowed = Math.max(2, Math.floor(name.length / 3));
  let best: string | null = null;
  let bestD = Infinity;
  for (const c of candidates) {
    // The distance is at least the difference in length.
    if (Math.abs(c.length - name.length) > allowed) continue;
    const dd = levenshtein(name.toLowerCase(), c.toLowerCase());
    if (dd < bestD) {
      bestD = dd;
      best = c;
    }
  }
  return best !== null && bestD <= allowed ? best : null;
}

/** A name from the config as shown in a message: long ones are cut. */
function shown(name: PropertyKey): string {
  const s = String(name);
  return s.length > MAX_SUGGESTED_LENGTH ? `${s.slice(0, MAX_SUGGESTED_LENGTH)}… (${s.length.toLocaleString('en-US')} characters)` : s;
}

function pathString(p: ReadonlyArray<PropertyKey>): string {
  let s = '';
  for (const k of p) s += typeof k === 'number' ? `[${k}]` : s ? `.${shown(k)}` : shown(k);
  return s;
}

function describeIssue(issue: z.core.$ZodIssue, known: Record<string, readonly string[]>): { path: Array<PropertyKey>; message: string }[] {
  if (issue.code === 'unrecognized_keys') {
    const where = pathString(issue.path);
    return issue.keys.map((k) => {
      const candidates = known[where] ?? [];
      const hint = didYouMean(k, candidates);
      const what = where === 'rules' ? 'unknown rule id' : 'unknown key';
      return { path: [...issue.path, k], message: `${what} "${shown(k)}"${hint ? `; did you mean "${hint}"?` : ''}` };
    });
  }
  if (issue.code === 'invalid_union') {
    // Report the most specific branch: the one whose issues go deepest.
    const branches = (issue.errors ?? []).filter((e) => e.length > 0);
    const deepest = branches.sort((a, b) => Math.max(...b.map((i) => i.path.length)) - Math.max(...a.map((i) => i.path.length)))[0];
    if (deepest && Math.max(...deepest.map((i) => i.path.length)) > 0) {
      return deepest.flatMap((i) => describeIssue({ ...i, path: [...issue.path, ...i.path] } as z.core.$ZodIssue, known));
    }
    return [{ path: [...issue.path], message: 'expected a severity ("off", "info", "warning", "error") or [severity, options]' }];
  }
  return [{ path: [...issue.path], message: issue.message.replace(/^Invalid input: /, '') }];
}

/** Cross-field checks zod does not express: bands with min > max. */
function bandProblems(value: unknown, at: PropertyKey[]): { path: PropertyKey[]; message: string }[] {
  const out: { path: PropertyKey[]; message: string }[] = [];
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.min === 'number' && typeof v.max === 'number' && v.min > v.max) out.push({ path: at, message: `min (${v.min}) is greater than max (${v.max})` });
    for (const [k, child] of Object.entries(v)) out.push(...bandProblems(child, [...at, k]));
  }
  return out;
}

/**
 * Where a key path is in the config's YAML: 1-based line and column. Keys of each map and the
 * line starts are indexed once per config, so locating every problem stays linear.
 */
function locator(doc: Document | null, text: string): (p: ReadonlyArray<PropertyKey>) => { line?: number; column?: number } {
  if (!doc) return () => ({});
  const keys = new WeakMap<object, Map<string, any>>();
  let lines: LineIndex | undefined;
  return (p) => {
    let node: YamlNode | null = doc.contents as YamlNode;
    let range: [number, number, number] | undefined = (node as any)?.range;
    for (const k of p) {
      if (!node) break;
      if (isMap(node)) {
        let byKey = keys.get(node);
        if (!byKey) {
          byKey = new Map();
          for (const it of node.items) if (isPair(it) && isScalar(it.key) && !byKey.has(String(it.key.value))) byKey.set(String(it.key.value), it);
          keys.set(node, byKey);
        }
        const pair = byKey.get(String(k));
        if (!pair) break;
        range = (pair.key as any)?.range ?? range;
        node = pair.value as YamlNode;
      } else if ((node as any).items && typeof k === 'number') {
        const item: any = (node as any).items[k];
        if (!item) break;
        range = item.range ?? range;
        node = item;
      } else break;
    }
    if (!range) return {};
    lines ??= new LineIndex(text);
    const line = lines.lineOf(range[0]);
    return { line: line + 1, column: range[0] - lines.starts[line] + 1 };
  };
}

/** Validates config text. JSON for `.json`, YAML otherwise (YAML 1.2 core schema: data only, no tags that run code). */
export function parseConfigText(text: string, file: string, rules: readonly Rule[]): LoadedConfig {
  const problems: ConfigProblem[] = [];
  const config = defaultConfig(rules);
  const isJson = file.toLowerCase().endsWith('.json');
  let data: unknown;
  let doc: Document | null = null;
  if (isJson) {
    try {
      data = text.trim() === '' ? {} : JSON.parse(text);
    } catch (e) {
      problems.push({ file, keyPath: '', message: `not valid JSON: ${(e as Error).message}` });
      return { config, file, problems };
    }
  }
  // Measured before the yaml library sees it (see yaml-limits.ts); JSON too, since it is read with the library to locate problems.
  const exceeded = checkYamlLimits(text);
  if (exceeded) {
    problems.push({ file, keyPath: '', message: `not read: ${describeYamlLimit(exceeded)}; the default settings are used instead` });
    return { config, file, problems };
  }
  if (isJson) {
    try {
      doc = parseYamlOnce('config.json', text, (t) => {
        const parsed = parseDocument(t, { schema: 'core', prettyErrors: false });
        if (parsed.errors.length) throw parsed.errors[0];
        return parsed;
      });
    } catch {
      doc = null; // problems are then reported without a position
    }
  } else {
    try {
      ({ doc, data } = parseYamlOnce('config.yaml', text, (t) => {
        const parsed = parseDocument(t, { schema: 'core', prettyErrors: true });
        if (parsed.errors.length) throw parsed.errors[0];
        return { doc: parsed, data: parsed.toJS({ maxAliasCount: 50 }) ?? {} };
      }));
    } catch (e) {
      const where = (e as Partial<YAMLError>).linePos?.[0];
      problems.push({ file, keyPath: '', message: `not valid YAML: ${(e as Error).message.split('\n')[0]}`, line: where?.line, column: where?.col });
      return { config, file, problems };
    }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ file, keyPath: '', message: 'expected an object with "rules", "detection" and/or "synonyms"' });
    return { config, file, problems };
  }
  const known: Record<string, readonly string[]> = {
    '': ['$schema', 'rules', 'detection', 'synonyms', 'limits', 'ignores'],
    rules: rules.map((r) => r.meta.id),
    detection: ['mode', 'include', 'exclude'],
    limits: ['timeout', 'maxFileSize'],
    synonyms: TOPICS,
  };
  const raw = data as Record<string, unknown>;
  const locate = locator(doc, text);
  const report = (p: ReadonlyArray<PropertyKey>, message: string) => problems.push({ file, keyPath: pathString(p), message, ...locate(p) });

  // Unknown top-level keys.
  for (const k of Object.keys(raw)) if (!known[''].includes(k)) report([k], `unknown key "${shown(k)}"${didYouMean(k, known['']) ? `; did you mean "${didYouMean(k, known[''])}"?` : ''}`);

  // Rules, one at a time, so one bad entry does not discard the others.
  if (raw.rules !== undefined) {
    if (!raw.rules || typeof raw.rules !== 'object' || Array.isArray(raw.rules)) report(['rules'], 'expected an object of rule ids');
    else {
      const schema = configSchema(rules).shape.rules.unwrap().shape as Record<string, z.ZodType>;
      for (const [id, value] of Object.entries(raw.rules as Record<string, unknown>)) {
        const s = Object.hasOwn(schema, id) ? schema[id] : undefined;
        if (!s) {
          const hint = didYouMean(id, known.rules);
          report(['rules', id], `unknown rule id "${shown(id)}"${hint ? `; did you mean "${hint}"?` : ''}`);
          continue;
        }
        const r = s.safeParse(value, ONCE);
        if (!r.success) {
          for (const issue of r.error.issues) for (const d of describeIssue(issue, known)) report(['rules', id, ...d.path], d.message);
          continue;
        }
        const bands = bandProblems(Array.isArray(value) ? value[1] : undefined, ['rules', id, 1]);
        if (bands.length) {
          for (const b of bands) report(b.path, b.message);
          continue;
        }
        const v = r.data as SeverityOrOff | [SeverityOrOff] | [SeverityOrOff, unknown];
        const rule = rules.find((x) => x.meta.id === id)!;
        config.rules[id] = Array.isArray(v)
          ? { severity: v[0], options: v.length > 1 ? v[1] : defaultOptions(rule) }
          : { severity: v, options: config.rules[id].options };
      }
    }
  }
  if (raw.detection !== undefined) {
    const r = DetectionSchema.safeParse(raw.detection, ONCE);
    if (r.success) config.detection = r.data;
    else
      for (const issue of r.error.issues)
        for (const d of describeIssue({ ...issue, path: ['detection', ...issue.path] } as z.core.$ZodIssue, known)) report(d.path, d.message);
  }
  if (raw.synonyms !== undefined) {
    const r = SynonymsSchema.safeParse(raw.synonyms, ONCE);
    if (r.success) config.synonyms = r.data as ResolvedConfig['synonyms'];
    else
      for (const issue of r.error.issues) {
        const keys: PropertyKey[] = issue.code === 'unrecognized_keys' ? issue.keys : issue.path.length ? [issue.path[0]] : [];
        const bad = keys.filter((k) => typeof k === 'string' && !TOPICS.includes(k as Topic)) as string[];
        if (bad.length) {
          for (const k of bad) {
            const hint = didYouMean(k, TOPICS);
            report(['synonyms', k], `unknown topic "${shown(k)}"; ${hint ? `did you mean "${hint}"?` : `expected one of ${TOPICS.join(', ')}`}`);
          }
        } else report(['synonyms', ...issue.path], issue.message.replace(/^Invalid input: /, ''));
      }
  }
  if (raw.limits !== undefined) {
    // Key by key, so one bad limit does not discard the other.
    if (!raw.limits || typeof raw.limits !== 'object' || Array.isArray(raw.limits)) report(['limits'], 'expected an object with "timeout" and/or "maxFileSize"');
    else
      for (const [key, value] of Object.entries(raw.limits as Record<string, unknown>)) {
        if (key !== 'timeout' && key !== 'maxFileSize') {
          const hint = didYouMean(key, known.limits);
          report(['limits', key], `unknown key "${shown(key)}"; ${hint ? `did you mean "${hint}"?` : 'expected "timeout" or "maxFileSize"'}`);
          continue;
        }
        const r = LimitsSchema.shape[key].safeParse(value, ONCE);
        if (r.success && r.data !== undefined) config.limits[key] = r.data;
        else if (!r.success)
          report(
            ['limits', key],
            key === 'timeout'
              ? `expected a number of seconds above 0 and at most ${MAX_TIMEOUT_SECONDS}`
              : 'expected a whole number of bytes above 0',
          );
      }
  }
  if (raw.ignores !== undefined) {
    // Entry by entry, so one bad glob does not discard the others.
    if (!Array.isArray(raw.ignores)) report(['ignores'], 'expected an array of globs, e.g. ["docs/**"]');
    else
      raw.ignores.forEach((glob, i) => {
        const r = IgnoreGlobSchema.safeParse(glob, ONCE);
        if (r.success) config.ignores.push(r.data);
        else for (const issue of r.error.issues) report(['ignores', i], issue.code === 'invalid_type' ? 'expected a glob (a string)' : issue.message);
      });
  }
  return { config, file, problems };
}

/** Nearest config file walking up from `startDir` (stops at a filesystem root or a `.git` folder's parent). */
export function findConfigFile(startDir: string): string | null {
  let dir = path.resolve(startDir);
  for (let i = 0; i < 64; i++) {
    for (const name of CONFIG_FILE_NAMES) {
      const f = path.join(dir, name);
      try {
        if (fs.statSync(f).isFile() || fs.statSync(f).isDirectory()) return f;
      } catch {
        /* not here */
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
  return null;
}

export function loadConfigFile(file: string, rules: readonly Rule[]): LoadedConfig {
  let text: string;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) return { config: defaultConfig(rules), file, problems: [{ file, keyPath: '', message: 'is a directory, expected a JSON or YAML file' }] };
    if (st.size > 1024 * 1024) return { config: defaultConfig(rules), file, problems: [{ file, keyPath: '', message: 'is larger than 1 MB; a config file should be small' }] };
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read (${(e as Error).message})`;
    return { config: defaultConfig(rules), file, problems: [{ file, keyPath: '', message: why }] };
  }
  const loaded = parseConfigText(text.replace(/^\uFEFF/, ''), file, rules);
  loaded.config.baseDir = path.dirname(path.resolve(file));
  return loaded;
}

export function loadConfigForFile(filePath: string, rules: readonly Rule[]): LoadedConfig {
  const found = findConfigFile(path.dirname(path.resolve(filePath)));
  if (!found) return { config: defaultConfig(rules), file: null, problems: [] };
  return loadConfigFile(found, rules);
}
