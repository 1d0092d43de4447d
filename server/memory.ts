/**
 * Heap housekeeping. Opening many documents at once (a workspace's plans) parses each of them in
 * full; V8 then grows the heap to several times what stays alive before it collects. A full
 * collection after every few such cold analyses keeps the heap near its live size. Edits of an
 * open document reuse its cache and never trigger one.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let collect: (() => void) | null | undefined;

/** Runs a full garbage collection when the runtime allows it; otherwise does nothing. */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      const gc: unknown = vm.runInNewContext('gc');
      collect = typeof gc === 'function' ? (gc as () => void) : null;
    } catch {
      collect = null;
    }
  }
  collect?.();
}

/**
 * A collection once a burst of events (documents closing) has stopped for `quietMs`: closing frees
 * analyses, but the heap keeps its size until V8 collects.
 */
export function collectWhenQuiet(quietMs = 1000): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      collectGarbage();
    }, quietMs);
    timer.unref?.();
  };
}

/** Counts cold analyses (documents read without a cache); every `every`-th one is due a collection. */
export class ColdAnalysisCounter {
  private count = 0;
  constructor(private readonly every = 16) {}
  /** Records one cold analysis; true when a collection is due. */
  record(): boolean {
    if (++this.count < this.every) return false;
    this.count = 0;
    return true;
  }
}
