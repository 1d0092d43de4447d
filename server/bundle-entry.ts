/**
 * Entry of the server bundles (scripts/bundle-bins.mjs, scripts/bundle.mjs): a bundle is also
 * the script of the server's analysis thread. Loaded as that thread, it serves analyses
 * (analysis-worker.ts); otherwise `start()` runs the server (main.ts).
 */
import { fileURLToPath } from 'node:url';
import { isAnalysisWorker } from './analysis-worker.js';
import { setAnalysisWorkerScript } from './analysis.js';

export { isAnalysisWorker };

/** Starts the language server, with this bundle as the script of its analysis thread. */
export async function start(): Promise<void> {
  setAnalysisWorkerScript(fileURLToPath(import.meta.url));
  await import('./main.js');
}
