/** The starter config written by `partnerlint --init`. */
import { listRules } from '../lib/index.js';

export const STARTER_CONFIG_NAME = '.partnerlintrc.json';

/** Every rule at its default severity, so the file is a list of what can be tuned. */
export function starterConfigText(): string {
  const rules: Record<string, string> = {};
  for (const rule of listRules()) rules[rule.id] = rule.defaultSeverity;
  return JSON.stringify({ rules, detection: { mode: 'auto', include: [], exclude: [] }, ignores: [] }, null, 2) + '\n';
}
