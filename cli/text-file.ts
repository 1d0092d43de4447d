/**
 * Reading and writing plan files as text: binary and non-UTF-8 content is
 * refused with a reason, a UTF-8 byte order mark is kept aside and restored,
 * writes are atomic (a temporary file in the same folder, then a rename) and
 * keep the file's mode.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

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

/**
 * Replaces `file` with `data` atomically: readers see the old or the new
 * content, never a half-written file. The file's permission bits are kept.
 * `file` must be the real path (not a symbolic link), so the rename replaces
 * the file itself.
 */
export function writeFileAtomic(file: string, data: Buffer): void {
  const mode = fs.statSync(file).mode & 0o7777;
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.partnerlint-tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, 'wx', mode);
    fs.writeFileSync(fd, data);
    fs.fchmodSync(fd, mode);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, file);
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
