/**
 * Editor settings of the `partnerlint` section, resolved per document through
 * `workspace/configuration` (never held globally). Values of the wrong type
 * fall back to the defaults, one key at a time.
 */

import { DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS } from '../lib/limits.js';
import type { ResolvedConfig } from '../lib/index.js';

export { DEFAULT_TIMEOUT_SECONDS };
export type RunMode = 'onType' | 'onSave';

export interface PartnerlintSettings {
  /** Lint at all. */
  enable: boolean;
  /** Lint while typing (debounced) or only when the document is saved. */
  run: RunMode;
  /**
   * How a markdown document is recognised as a plan (`frontmatter` | `always`; `auto`, the default,
   * keeps the config file's mode) and which paths are always / never plans (globs relative to the
   * workspace folder; an empty list keeps the config file's). Keys left out keep the config file's value.
   */
  detection: {
    mode?: string;
    include?: string[];
    exclude?: string[];
  };
  /**
   * Rule overrides in the config-file syntax (`"margin-range": "error"`,
   * `"tier-count": ["warning", { ... }]`, `"portal-usage": "off"`), merged over
   * the nearest `.partnerlintrc.*`.
   */
  rules: Record<string, unknown>;
  /** Documents larger than this many bytes are not analysed (the CLI's `--max-file-size`). */
  maxFileSize: number;
  /** Seconds one analysis of a document may take; past it the document is marked not analysed (the CLI's `--timeout`). */
  timeout: number;
  /** Delay after the last keystroke before linting, in milliseconds. */
  debounceMs: number;
}

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;
export const DEFAULT_DEBOUNCE_MS = 150;

export function defaultSettings(): PartnerlintSettings {
  return {
    enable: true,
    run: 'onType',
    detection: {},
    rules: {},
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    timeout: DEFAULT_TIMEOUT_SECONDS,
    debounceMs: DEFAULT_DEBOUNCE_MS,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A non-empty list of strings; an empty list counts as not set (editors send the default `[]`). */
function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.filter((g): g is string => typeof g === 'string' && g !== '');
  return list.length > 0 ? list : undefined;
}

/**
 * `auto` is the default every editor reports when the user set nothing, so only the other
 * modes override the config file's `detection.mode`.
 */
function detectionMode(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value !== 'auto' ? value : undefined;
}

/** Accepts whatever the client sends (null, partial objects, wrong types) and returns complete settings. */
export function normalizeSettings(raw: unknown): PartnerlintSettings {
  const settings = defaultSettings();
  if (!isRecord(raw)) return settings;
  if (typeof raw.enable === 'boolean') settings.enable = raw.enable;
  if (raw.run === 'onType' || raw.run === 'onSave') settings.run = raw.run;
  const detection = raw.detection;
  if (typeof detection === 'string') settings.detection.mode = detectionMode(detection);
  else if (isRecord(detection)) {
    settings.detection.mode = detectionMode(detection.mode);
    const include = stringList(detection.include) ?? stringList(detection.globs);
    if (include) settings.detection.include = include;
    const exclude = stringList(detection.exclude);
    if (exclude) settings.detection.exclude = exclude;
  }
  if (settings.detection.include === undefined) {
    const globs = stringList(raw.globs);
    if (globs) settings.detection.include = globs;
  }
  if (isRecord(raw.rules)) settings.rules = { ...raw.rules };
  if (typeof raw.maxFileSize === 'number' && Number.isFinite(raw.maxFileSize) && raw.maxFileSize > 0) {
    settings.maxFileSize = raw.maxFileSize;
  }
  if (typeof raw.timeout === 'number' && Number.isFinite(raw.timeout) && raw.timeout > 0) {
    settings.timeout = Math.min(raw.timeout, MAX_TIMEOUT_SECONDS);
  }
  if (typeof raw.debounceMs === 'number' && Number.isFinite(raw.debounceMs) && raw.debounceMs >= 0) {
    settings.debounceMs = Math.min(raw.debounceMs, 10_000);
  }
  return settings;
}

/**
 * Sentences naming each limit setting whose value is not used (wrong type or out of range);
 * `normalizeSettings` uses the default for them.
 */
export function settingsProblems(raw: unknown): string[] {
  if (!isRecord(raw)) return [];
  const problems: string[] = [];
  const positive = (key: 'maxFileSize' | 'timeout', what: string, fallback: number) => {
    const value = raw[key];
    if (value === undefined || value === null) return;
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      problems.push(`setting partnerlint.${key}: expected ${what} above 0, got ${JSON.stringify(value)?.slice(0, 40) ?? typeof value}; using ${fallback}`);
    }
  };
  positive('maxFileSize', 'a number of bytes', DEFAULT_MAX_FILE_SIZE);
  positive('timeout', 'a number of seconds', DEFAULT_TIMEOUT_SECONDS);
  return problems;
}

/** A limit of one document's analysis, and where it was set (for the not-analysed message). */
export interface EffectiveLimit {
  value: number;
  /** "setting partnerlint.timeout", or "limits.timeout in the config file". */
  source: string;
}

/**
 * The limits of a document's analysis in the editor: the smaller of the editor setting and the
 * config file's `limits` (the editor always has a value, so a config file can only lower it).
 */
export function effectiveLimits(settings: PartnerlintSettings, config: ResolvedConfig): { timeout: EffectiveLimit; maxFileSize: EffectiveLimit } {
  const pick = (key: 'timeout' | 'maxFileSize'): EffectiveLimit => {
    const fromConfig = config.limits[key];
    return fromConfig !== undefined && fromConfig < settings[key]
      ? { value: fromConfig, source: `limits.${key} in the config file` }
      : { value: settings[key], source: `setting partnerlint.${key}` };
  };
  return { timeout: pick('timeout'), maxFileSize: pick('maxFileSize') };
}
