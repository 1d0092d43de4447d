#!/usr/bin/env node
/**
 * Builds the VS Code extension package (.vsix) offline with @vscode/vsce.
 * Everything the extension runs is bundled in dist/ (vsce runs the
 * `vscode:prepublish` script, which bundles), so no node_modules go in.
 * Then checks what went in: only the allowed files, and under 2 MB.
 *
 * usage: node scripts/package-vsix.mjs [--out file.vsix]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outArg = process.argv.indexOf('--out');
const out = resolve(root, outArg > 0 ? process.argv[outArg + 1] : `${pkg.name}-${pkg.version}.vsix`);
const MAX_BYTES = 2 * 1024 * 1024;

/** Files allowed in the package (paths inside `extension/`). */
const ALLOWED = [
  /^package\.json$/,
  /^readme\.md$/i,
  /^LICENSE(\.txt)?$/,
  /^dist\/(extension|server)\.cjs$/,
  /^dist\/templates\.json$/,
  /^syntaxes\/[\w.-]+\.tmLanguage\.json$/,
  /^snippets\/[\w.-]+\.code-snippets$/,
  /^schemas\/partnerlintrc\.schema\.json$/,
  /^docs\/rules\/[\w-]+\.md$/,
];
// vsce stores README.md as readme.md and LICENSE as LICENSE.txt.
const REQUIRED = ['package.json', 'dist/extension.cjs', 'dist/server.cjs', 'dist/templates.json', 'LICENSE.txt'];

/** Lists a zip archive's entries from its central directory. */
export function zipEntries(buffer) {
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65557); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive');
  const count = buffer.readUInt16LE(eocd + 10);
  let p = buffer.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buffer.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = buffer.readUInt16LE(p + 10);
    const compressed = buffer.readUInt32LE(p + 20);
    const size = buffer.readUInt32LE(p + 24);
    const nameLength = buffer.readUInt16LE(p + 28);
    const extraLength = buffer.readUInt16LE(p + 30);
    const commentLength = buffer.readUInt16LE(p + 32);
    const offset = buffer.readUInt32LE(p + 42);
    const name = buffer.toString('utf8', p + 46, p + 46 + nameLength);
    entries.push({ name, size, compressed, method, offset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Reads one entry's bytes (stored or deflated). */
export function zipRead(buffer, entry) {
  const p = entry.offset;
  const start = p + 30 + buffer.readUInt16LE(p + 26) + buffer.readUInt16LE(p + 28);
  const data = buffer.subarray(start, start + entry.compressed);
  return entry.method === 0 ? data : inflateRawSync(data);
}

function main() {
  const require = createRequire(join(root, 'package.json'));
  const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
  const run = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, VSCE_TELEMETRY: 'off' },
  });
  if (run.status !== 0) {
    console.error('vsce package failed');
    process.exit(1);
  }
  const buffer = readFileSync(out);
  const files = zipEntries(buffer)
    .filter((e) => e.name.startsWith('extension/'))
    .map((e) => ({ ...e, path: e.name.slice('extension/'.length) }));
  const problems = [];
  for (const f of files) if (!ALLOWED.some((re) => re.test(f.path))) problems.push(`unexpected file in the package: ${f.path}`);
  for (const r of REQUIRED) if (!files.some((f) => f.path === r)) problems.push(`missing from the package: ${r}`);
  const { size } = statSync(out);
  if (size > MAX_BYTES) problems.push(`the package is ${(size / 1024 / 1024).toFixed(2)} MB, over the 2 MB limit`);
  const unpacked = files.reduce((sum, f) => sum + f.size, 0);
  console.log(
    `${out}: ${(size / 1024).toFixed(1)} KiB (${files.length} files, ${(unpacked / 1024).toFixed(1)} KiB unpacked)`,
  );
  if (problems.length > 0) {
    for (const p of problems) console.error(p);
    process.exit(1);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
