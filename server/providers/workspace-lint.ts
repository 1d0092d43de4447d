/**
 * "Lint Workspace": what each linted file adds to the summary, the progress shown, and the
 * diagnostics pushed for it. Pure: the server lists the files, analyses them and sends the data.
 */
import * as path from 'node:path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver/node.js';
import type { Analysis } from '../document-state.js';

export const PROGRESS_TITLE = 'Partnerlint: linting workspace';
export const PROGRESS_START = 'Finding markdown files';

/** The command's answer. */
export interface WorkspaceLintSummary {
  files: number;
  plans: number;
  findings: number;
  cancelled: boolean;
}

/** The summary with one more file's analysis counted (undefined: the file could not be read). */
export function countFile(summary: WorkspaceLintSummary, analysis: Analysis | undefined): WorkspaceLintSummary {
  if (!analysis) return summary;
  return {
    ...summary,
    plans: summary.plans + (analysis.result?.isPlan ? 1 : 0),
    findings: summary.findings + (analysis.result?.findings.length ?? 0),
  };
}

/** Progress after `done` of `total` files, naming the last one. */
export function progressStep(done: number, total: number, file: string): { percentage: number; message: string } {
  return { percentage: Math.round((done / total) * 100), message: `${done}/${total} ${path.basename(file)}` };
}

/**
 * The diagnostics to push for a linted file: a closed file always; an open one only when the
 * client does not pull diagnostics (it pulls them itself otherwise), with the version analysed.
 */
export function fileDiagnostics(uri: string, analysis: Analysis, open: boolean, pullDiagnostics: boolean): PublishDiagnosticsParams | undefined {
  if (open && pullDiagnostics) return undefined;
  return { uri, version: open ? analysis.version : undefined, diagnostics: analysis.diagnostics };
}
