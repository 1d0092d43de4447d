/**
 * Reading and writing plan files as text: binary and non-UTF-8 content is
 * refused with a reason, a UTF-8 byte order mark is kept aside and restored.
 * Fixed files are written by `replaceFileContent`, which never loses an edit
 * made meanwhile and keeps what the file was (mode, owner, hard links).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nodeCrypto } from '../core/node-crypto.js';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export type DecodeResult = { ok: true; text: string; bom: boolean } | { ok: false; reason: string };

/** Decodes file bytes as UTF-8 text; says why when they are not text. */
export function decodeText(bytes: Buffer): DecodeResult {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, reason: 'UTF-16 text is not supported; save the file as UTF-8' };
  }
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  const bom = bytes.length >= 3 && bytes.subarray(0, 3).equals(UTF8_BOM);
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
    return { ok: true, text, bom };
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
}

export function encodeText(text: string, bom: boolean): Buffer {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([UTF8_BOM, body]) : body;
}

/** The file system calls `replaceFileContent` makes (tests pass their own, to make one fail). */
export type WriterFs = Pick<
  typeof fs,
  'statSync' | 'readFileSync' | 'openSync' | 'writeSync' | 'fstatSync' | 'fchownSync' | 'fchmodSync' | 'fsyncSync' | 'ftruncateSync' | 'closeSync' | 'renameSync' | 'rmSync'
>;

/** Why a file was left as it is. */
export type NotReplaced = 'changed' | 'read-only';

/**
 * Replaces the content of `file` (its real path, not a symbolic link) with
 * `data`, provided the file still holds `expected`, the bytes `data` was made
 * from. Returns the reason when it leaves the file alone:
 *
 * - `read-only`: the mode gives the owner no write permission (checked on the
 *   mode, since a process running as root may write anyway);
 * - `changed`: the content is not `expected` any more. It is compared again
 *   just before the file is replaced, so an edit saved meanwhile is never lost.
 *
 * The new content goes to a temporary file in the same folder (a short random
 * name, so any file name the file system allows can be fixed) with the file's
 * owner, group and mode, flushed to disk, then renamed over the file: readers
 * see the old or the new content, never half of it. A file with other hard
 * links, or whose owner the temporary file cannot take, is written in place
 * instead, so that the links and the owner stay.
 *
 * I/O errors are thrown as they happened; the temporary file is removed on
 * every failure.
 */
export function replaceFileContent(file: string, expected: Buffer, data: Buffer, io: WriterFs = fs): NotReplaced | null {
  const stat = io.statSync(file);
  if ((stat.mode & 0o200) === 0) return 'read-only';
  if (!io.readFileSync(file).equals(expected)) return 'changed';
  if (stat.nlink > 1) return writeInPlace(file, expected, data, io);

  const temp = path.join(path.dirname(file), `.partnerlint-${nodeCrypto().randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = io.openSync(temp, 'wx', 0o600);
    writeAll(io, fd, data);
    const made = io.fstatSync(fd);
    if (made.uid !== stat.uid || made.gid !== stat.gid) {
      try {
        // Before the mode: changing the owner clears set-user-ID and set-group-ID bits.
        io.fchownSync(fd, stat.uid, stat.gid);
      } catch {
        // Only root may give a file away: keep the owner by writing in place.
        discard(io, fd, temp);
        return writeInPlace(file, expected, data, io);
      }
    }
    io.fchmodSync(fd, stat.mode & 0o7777);
    io.fsyncSync(fd);
    const closing = fd;
    fd = undefined;
    io.closeSync(closing);
    if (!io.readFileSync(file).equals(expected)) {
      discard(io, undefined, temp);
      return 'changed';
    }
    io.renameSync(temp, file);
    return null;
  } catch (err) {
    discard(io, fd, temp);
    throw err;
  }
}

/** Overwrites the file through its own inode (hard links and owner stay), after checking it still holds `expected`. */
function writeInPlace(file: string, expected: Buffer, data: Buffer, io: WriterFs): NotReplaced | null {
  const fd = io.openSync(file, 'r+');
  let failed = true;
  try {
    if (!io.readFileSync(fd).equals(expected)) {
      failed = false;
      return 'changed';
    }
    writeAll(io, fd, data, 0);
    io.ftruncateSync(fd, data.length);
    io.fsyncSync(fd);
    failed = false;
    return null;
  } finally {
    if (failed) discard(io, fd, undefined);
    else io.closeSync(fd);
  }
}

function writeAll(io: WriterFs, fd: number, data: Buffer, position?: number): void {
  for (let done = 0; done < data.length; ) {
    done += io.writeSync(fd, data, done, data.length - done, position === undefined ? null : position + done);
  }
}

/** After a failure: closes and removes what was opened or made; their own errors would hide the one that matters. */
function discard(io: WriterFs, fd: number | undefined, temp: string | undefined): void {
  if (fd !== undefined) {
    try {
      io.closeSync(fd);
    } catch {
      // the first error is reported
    }
  }
  if (temp !== undefined) {
    try {
      io.rmSync(temp, { force: true });
    } catch {
      // the first error is reported
    }
  }
}
