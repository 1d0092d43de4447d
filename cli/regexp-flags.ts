/**
 * How V8 compiles regular expressions in a run of the command. bin/partnerlint.js starts it with
 * V8's regular-expression optimisation off: a short run executes each of the rules' many
 * expressions only a few times, so compiling them quickly saves more than matching faster would.
 * Before much text is linted (a large file, many files, worker threads) the optimisation is turned
 * back on: expressions compiled from then on, and all those of worker threads, are optimised.
 * Only speed depends on it; what an expression matches does not.
 */
import { setFlagsFromString } from 'node:v8';

/** Text linted in the main thread before expressions are optimised (UTF-16 code units). */
const SHORT_RUN = 64 * 1024;

let linted = 0;
let optimised = false;

/** Turns V8's regular-expression optimisation (back) on, for the rest of the run. */
export function optimiseRegExps(): void {
  if (optimised) return;
  optimised = true;
  setFlagsFromString('--regexp-optimization');
}

/** Called before linting `chars` of text in the main thread. */
export function beforeLinting(chars: number): void {
  linted += chars;
  if (linted > SHORT_RUN) optimiseRegExps();
}
