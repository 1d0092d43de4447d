/**
 * Entry point of the bundled command line (dist/cli.cjs, built by
 * scripts/bundle-bins.mjs). The bundle is also the script of its worker
 * threads: worker.ts starts serving when it is loaded in one.
 */
import { fileURLToPath } from 'node:url';
import { run, setWorkerScript } from './main.js';
import './worker.js';

setWorkerScript(fileURLToPath(import.meta.url));

export { run };
