/**
 * Start-up timing marks of the extension, for the editor tests' first-squiggle breakdown.
 * Off unless the environment variable PARTNERLINT_TIMING names a file (the language server
 * writes its marks there too, see server/timing.ts): each mark is then appended as one JSON
 * line `{ src, name, t, pid }`, `t` in milliseconds since the epoch.
 * `markLoaded` also records the start of the extension host process (performance.timeOrigin).
 */
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const file = process.env.PARTNERLINT_TIMING || undefined;

export function mark(name: string, at = performance.timeOrigin + performance.now()): void {
  if (!file) return;
  const t = Math.round(at * 10) / 10;
  try {
    appendFileSync(file, `${JSON.stringify({ src: 'extension', name, t, pid: process.pid })}\n`);
  } catch {
    // timing is best effort
  }
}

/** The extension's bundle is loaded; also records when the extension host process started. */
export function markLoaded(): void {
  mark('extension host start', performance.timeOrigin);
  mark('extension loaded');
}
