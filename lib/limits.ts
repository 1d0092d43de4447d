/**
 * The limits of an analysis that runs in a worker thread, shared by every
 * adapter that runs one (the command line's worker pool, the language server's
 * analysis thread): the heap a worker may use, and what a document that went
 * over a limit is reported as.
 */
import type { Finding, LintResult } from '../core/types.js';

export { DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS, type AnalysisLimits } from '../core/config.js';

/** The heap limit of a worker thread that analyses documents (its old generation), in MB. */
export const WORKER_HEAP_MB = 1024;

/**
 * The result of a document that was not analysed (`reason` in plain words: "it took longer than
 * 20 s (--timeout)"): one `not-analysed` warning on line 1, so that nothing passes it silently.
 */
export function notAnalysedResult(file: string | undefined, reason: string): LintResult {
  const at = { line: 1, column: 1, endLine: 1, endColumn: 1, startOffset: 0, endOffset: 0 };
  const message = `Not analysed: ${reason}. Findings in this file are not reported.`;
  const finding: Finding = { ...at, ruleId: 'not-analysed', severity: 'warning', message };
  return {
    file,
    isPlan: false,
    detection: 'not analysed',
    kind: null,
    archetypes: [],
    stage: null,
    readiness: null,
    findings: [finding],
    sections: [],
    benchmarks: [],
    title: at,
    skipped: `${reason}; not analysed`,
  };
}

/** True when a worker thread stopped because its analysis needed more than its heap limit. */
export function isOutOfMemory(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/** Why a document whose analysis ran out of the worker's heap was not analysed. */
export function outOfMemoryReason(heapMb: number): string {
  return `it is too large to analyse (its analysis needed more than the ${heapMb} MB memory limit)`;
}
