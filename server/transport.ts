/**
 * The language server's transport, with the checks the protocol library leaves out:
 *
 * - **Framing** (stdio, `--socket`, `--pipe`): every message header is checked before the
 *   protocol library sees it. A header must be `Name: value` lines with a `Content-Length`
 *   of at most MAX_MESSAGE_BYTES, and end within MAX_HEADER_BYTES. Anything else (a message
 *   over the cap, a header without its length, a body whose length was wrong, so that the
 *   next header starts inside it) stops the server with one logged reason: the library
 *   would otherwise buffer an announced 2^53 bytes, or stay desynchronised for good.
 * - **Lifecycle**: requests before `initialize` are answered with ServerNotInitialized and
 *   not served, requests after `shutdown` with InvalidRequest; notifications at those times
 *   are dropped, except `exit`.
 * - **End of input**: the server exits as soon as its input ends, or its IPC channel closes.
 */
import { createConnection as netConnection } from 'node:net';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import {
  ErrorCodes,
  IPCMessageReader,
  IPCMessageWriter,
  Message,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageStrategy,
  type MessageWriter,
  type RequestMessage,
} from 'vscode-languageserver/node.js';

/** The largest message the server accepts (64 MB: ten times the largest document it analyses, in JSON). */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** The longest header block of one message. */
export const MAX_HEADER_BYTES = 8 * 1024;

const HEADER_END = Buffer.from('\r\n\r\n');
const HEADER_LINE = /^([A-Za-z][A-Za-z0-9-]*):[ \t]*(.*?)[ \t]*$/;

function mb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** A short, printable excerpt of input for a log line. */
function excerpt(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(short);
}

/** Reads one header block; the body length, or why the header is refused. */
export function parseHeader(header: string): { length: number } | { error: string } {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const match = HEADER_LINE.exec(line);
    if (!match) return { error: `a message header line is malformed: ${excerpt(line)}` };
    if (match[1].toLowerCase() !== 'content-length') continue;
    if (!/^\d{1,16}$/.test(match[2])) return { error: `a Content-Length is not a number: ${excerpt(match[2])}` };
    const value = Number(match[2]);
    if (length !== undefined && length !== value) return { error: 'a message header has two different Content-Lengths' };
    length = value;
  }
  if (length === undefined) return { error: 'a message header has no Content-Length' };
  if (length > MAX_MESSAGE_BYTES) return { error: `a message of ${length} bytes is over the ${mb(MAX_MESSAGE_BYTES)} limit` };
  return { length };
}

/**
 * Passes the byte stream through unchanged while it is well framed. On the first framing error
 * it stops passing data and calls `refuse` once with the reason. Linear in the input: headers
 * are scanned once, bodies only counted.
 */
export class FrameGuard extends Transform {
  private pending: Buffer | undefined;
  private remaining = 0;
  private failed = false;

  constructor(private readonly refuse: (reason: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.failed) return done();
    const data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = undefined;
    let offset = 0;
    while (offset < data.length) {
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, data.length - offset);
        this.push(data.subarray(offset, offset + n));
        this.remaining -= n;
        offset += n;
        continue;
      }
      const end = data.indexOf(HEADER_END, offset);
      if (end < 0 || end - offset > MAX_HEADER_BYTES) {
        if (data.length - offset > MAX_HEADER_BYTES) return this.fail(`a message header is longer than ${MAX_HEADER_BYTES} bytes`, done);
        // A header split between chunks: kept (a copy, so the chunk itself is not retained).
        this.pending = Buffer.from(data.subarray(offset));
        break;
      }
      const header = parseHeader(data.toString('latin1', offset, end));
      if ('error' in header) return this.fail(header.error, done);
      this.push(data.subarray(offset, end + HEADER_END.length));
      offset = end + HEADER_END.length;
      this.remaining = header.length;
    }
    done();
  }

  private fail(reason: string, done: TransformCallback): void {
    this.failed = true;
    this.pending = undefined;
    done();
    this.refuse(reason);
  }
}

type Phase = 'new' | 'running' | 'shutdown';

/**
 * Enforces the protocol's lifecycle on incoming messages (a vscode-jsonrpc message strategy):
 * refused requests are answered directly through `writer` and never reach a handler.
 */
export class Lifecycle implements MessageStrategy {
  private phase: Phase = 'new';

  constructor(private readonly writer: MessageWriter) {}

  get shutdownReceived(): boolean {
    return this.phase === 'shutdown';
  }

  handleMessage(message: Message, next: (message: Message) => void): void {
    if (Message.isRequest(message)) {
      const refusal = this.refusal(message);
      if (refusal) {
        this.writer.write({ jsonrpc: '2.0', id: message.id, error: refusal } as Message).catch(() => undefined);
        return;
      }
      if (message.method === 'initialize') this.phase = 'running';
      else if (message.method === 'shutdown') this.phase = 'shutdown';
      return next(message);
    }
    if (Message.isNotification(message) && message.method !== 'exit' && this.phase !== 'running') return;
    next(message);
  }

  private refusal(request: RequestMessage): { code: number; message: string } | undefined {
    if (this.phase === 'shutdown') {
      return { code: ErrorCodes.InvalidRequest, message: `The server is shutting down: ${request.method} is not served after shutdown.` };
    }
    if (request.method === 'initialize') {
      return this.phase === 'new' ? undefined : { code: ErrorCodes.InvalidRequest, message: 'The server is already initialized.' };
    }
    if (this.phase === 'new') {
      return { code: ErrorCodes.ServerNotInitialized, message: `The server is not initialized: send initialize before ${request.method}.` };
    }
    return undefined;
  }
}

export interface Transport {
  reader: MessageReader;
  writer: MessageWriter;
  /** Calls `listener` once when the input ends (the client closed it, or went away). */
  onEnd(listener: () => void): void;
}

/** The value of `--name=value` or `--name value` in argv. */
function option(argv: string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) return argv[i + 1];
    if (argv[i].startsWith(`${name}=`)) return argv[i].slice(name.length + 1);
  }
  return undefined;
}

/**
 * The transport the command line asks for: `--node-ipc`, `--socket=PORT`, `--pipe=NAME`, else
 * stdio. `refuse` is called (once) with the reason when the stream breaks the framing rules.
 */
export function openTransport(argv: string[], refuse: (reason: string) => void): Transport {
  const ended: Array<() => void> = [];
  let fired = false;
  const end = () => {
    if (fired) return;
    fired = true;
    for (const listener of ended) listener();
  };
  const onEnd = (listener: () => void) => void ended.push(listener);
  if (argv.includes('--node-ipc')) {
    process.on('disconnect', end);
    return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), onEnd };
  }
  const guarded = (input: Readable) => {
    const guard = new FrameGuard(refuse);
    input.on('end', end).on('close', end).on('error', end);
    input.pipe(guard);
    return new StreamMessageReader(guard);
  };
  const port = option(argv, '--socket');
  const pipeName = option(argv, '--pipe');
  if (port !== undefined || pipeName !== undefined) {
    const socket = port !== undefined ? netConnection(Number(port), '127.0.0.1') : netConnection(pipeName!);
    return { reader: guarded(socket), writer: new StreamMessageWriter(socket), onEnd };
  }
  return { reader: guarded(process.stdin), writer: new StreamMessageWriter(process.stdout), onEnd };
}
