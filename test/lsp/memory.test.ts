/** Heap housekeeping used by the server after cold analyses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ColdAnalysisCounter, collectGarbage } from '../../server/memory.js';

function makeGarbage(): void {
  let keep: unknown[] | null = [];
  for (let i = 0; i < 200; i++) keep.push(new Array(50_000).fill(i));
  keep = null;
}

const MB = 1048576;

test('collectGarbage frees unreachable memory at once', (t) => {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  makeGarbage();
  const grown = process.memoryUsage().heapUsed;
  if (grown - before < 20 * MB) return t.skip('the runtime collected the garbage on its own');
  collectGarbage();
  const after = process.memoryUsage().heapUsed;
  assert.ok(after - before < 10 * MB, `a full collection should bring the heap back (${before} -> ${grown} -> ${after})`);
  assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined', 'gc is not exposed on the global object');
});

test('ColdAnalysisCounter says a collection is due after every n-th cold analysis only', () => {
  const counter = new ColdAnalysisCounter(3);
  const due = Array.from({ length: 7 }, () => counter.record());
  assert.deepEqual(due, [false, false, true, false, false, true, false]);
});
