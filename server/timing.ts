/**
 * Start-up timing marks of the language server, for the editor tests' first-squiggle
 * breakdown. Off unless the environment variable PARTNERLINT_TIMING names a file: each mark
 * is then appended to it as one JSON line `{ src, name, t, pid, ppid, ... }`, `t` in
 * milliseconds since the epoch (comparable across the editor, its extension host, the server
 * and its analysis thread). Nothing is recorded, read or written otherwise.
 */
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';
import type { Message, MessageReader, MessageWriter } from 'vscode-languageserver/node.js';

const file = process.env.PARTNERLINT_TIMING || undefined;

/** Marks are being recorded. */
export const timing = file !== undefined;

/** Marks of one name past this many are dropped (a long session must not grow the file). */
const MAX_PER_NAME = 50;
const counts = new Map<string, number>();

/** Milliseconds since the epoch, to a fraction of a millisecond. */
function now(): number {
  return performance.timeOrigin + performance.now();
}

/** Records a mark (when PARTNERLINT_TIMING is set); `t` defaults to now. */
export function mark(name: string, detail: Record<string, unknown> = {}, t = now()): void {
  if (!file) return;
  const n = (counts.get(name) ?? 0) + 1;
  counts.set(name, n);
  if (n > MAX_PER_NAME) return;
  const src = isMainThread ? 'server' : 'server-thread';
  try {
    appendFileSync(file, `${JSON.stringify({ src, name, t: Math.round(t * 10) / 10, pid: process.pid, ppid: process.ppid, ...detail })}\n`);
  } catch {
    // timing is best effort
  }
}

/** The process start (before Node loaded anything) and now, when this module is first evaluated (the bundle is loaded). */
export function markProcessStart(): void {
  mark('process start', {}, performance.timeOrigin);
  mark('bundle loaded');
}

function documentUri(message: Message): string | undefined {
  const params = (message as { params?: { textDocument?: { uri?: unknown } } }).params;
  const uri = params?.textDocument?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

/**
 * Marks the protocol messages of the start-up (initialize, didOpen, diagnostic pulls and their
 * answers, configuration requests, pushed diagnostics), read from the transport itself.
 * Does nothing unless PARTNERLINT_TIMING is set.
 */
export function watchMessages(reader: MessageReader, writer: MessageWriter): void {
  if (!file) return;
  /** Ids of the pending requests worth a mark, with what to call their answers. */
  const incoming = new Map<string | number, { name: string; uri?: string }>();
  const outgoing = new Map<string | number, { name: string }>();
  const listen = reader.listen.bind(reader);
  reader.listen = (callback) =>
    listen((message) => {
      const m = message as { method?: string; id?: string | number | null };
      const uri = documentUri(message);
      if (m.method === 'initialize' && m.id != null) {
        mark('initialize');
        incoming.set(m.id, { name: 'initialize answered' });
      } else if (m.method === 'initialized') mark('initialized');
      else if (m.method === 'textDocument/didOpen') mark('didOpen', { uri });
      else if (m.method === 'textDocument/diagnostic' && m.id != null) {
        mark('diagnostic pull', { uri });
        incoming.set(m.id, { name: 'diagnostic answered', uri });
      } else if (m.method === 'textDocument/codeLens' && m.id != null) {
        mark('codeLens request', { uri });
        incoming.set(m.id, { name: 'codeLens answered', uri });
      } else if (m.method === undefined && m.id != null && outgoing.has(m.id)) {
        mark(outgoing.get(m.id)!.name);
        outgoing.delete(m.id);
      }
      callback(message);
    });
  const write = writer.write.bind(writer);
  writer.write = (message) => {
    const m = message as { method?: string; id?: string | number | null; result?: unknown; error?: unknown; params?: { uri?: unknown; diagnostics?: unknown[] } };
    if (m.method === undefined && m.id != null && incoming.has(m.id)) {
      const { name, uri } = incoming.get(m.id)!;
      incoming.delete(m.id);
      const items = (m.result as { items?: unknown[] } | null | undefined)?.items;
      mark(name, { uri, ...(m.error ? { error: true } : {}), ...(Array.isArray(items) ? { items: items.length } : {}) });
    } else if (m.method === 'workspace/configuration' && m.id != null) {
      mark('configuration asked');
      outgoing.set(m.id, { name: 'configuration answered' });
    } else if (m.method === 'textDocument/publishDiagnostics') {
      mark('publishDiagnostics', { uri: m.params?.uri, items: m.params?.diagnostics?.length });
    }
    return write(message);
  };
}
