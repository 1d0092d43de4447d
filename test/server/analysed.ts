/** A plan analysed in memory with the engine, as the server keeps it: what the provider tests start from. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver/node.js';
import { lint } from '../../lib/index.js';
import type { Analysis } from '../../server/document-state.js';
import { defaultEngine } from '../../server/engine.js';
import { resultDiagnostics } from '../../server/providers/diagnostics.js';
import { normalizeSettings } from '../../server/settings.js';
import { repoRoot } from '../helpers.js';

/** A reseller plan: an out-of-band margin, deal registration without an approval SLA (test/lsp/fixtures). */
export const RESELLER_PLAN = fs.readFileSync(path.join(repoRoot, 'test', 'lsp', 'fixtures', 'reseller-plan.md'), 'utf8');
/** A kickoff plan with many gaps: several missing sections reported on its title. */
export const KICKOFF = fs.readFileSync(path.join(repoRoot, 'examples', 'quillpath-referral-kickoff.md'), 'utf8');

export const URI = 'file:///work/plans/plan.md';

/** The document and its analysis, as the server holds them after analysing `text`. */
export function analysed(text: string, version = 1): { document: TextDocument; analysis: Analysis } {
  const document = TextDocument.create(URI, 'markdown', version, text);
  const result = lint(text);
  const analysis: Analysis = {
    id: 1,
    version,
    generation: 0,
    result,
    diagnostics: resultDiagnostics(document, result, false, defaultEngine.ruleDocsUrl),
    text,
    settings: normalizeSettings(undefined),
  };
  return { document, analysis };
}

/** The diagnostics of one rule (the first one when several). */
export function diagnosticOf(analysis: Analysis, ruleId: string): Diagnostic {
  const found = analysis.diagnostics.find((d) => d.code === ruleId);
  if (!found) throw new Error(`${ruleId} not reported (got ${analysis.diagnostics.map((d) => d.code).join(', ')})`);
  return found;
}

/** The 0-based line of the first line of `text` that starts with `prefix`. */
export function lineOf(text: string, prefix: string): number {
  const line = text.split('\n').findIndex((l) => l.startsWith(prefix));
  if (line < 0) throw new Error(`no line starts with ${prefix}`);
  return line;
}
