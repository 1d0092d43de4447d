// Checks that package.json `engines.vscode` admits a given VS Code version (the one inside the
// pinned code-server), so the tested editor is one the extension claims to support.
// usage: node test/e2e/check-engine.mjs <package.json> <vscodeVersion>    exit 0 = admitted
import fs from 'node:fs';

const [pkgPath, version] = process.argv.slice(2);
const range = JSON.parse(fs.readFileSync(pkgPath, 'utf8')).engines?.vscode;
const parse = (v) => {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(v);
  if (!m) throw new Error(`not a version: ${v}`);
  return m.slice(1, 4).map(Number);
};
const cmp = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

export function admits(r, v) {
  const have = parse(v);
  r = r.trim();
  if (r === '*') return true;
  let m;
  if ((m = /^\^(.+)$/.exec(r))) {
    const min = parse(m[1]);
    // ^0.y.z pins the minor, ^x.y.z (x > 0) pins the major
    const upper = min[0] > 0 ? [min[0] + 1, 0, 0] : [0, min[1] + 1, 0];
    return cmp(have, min) >= 0 && cmp(have, upper) < 0;
  }
  if ((m = /^~(.+)$/.exec(r))) {
    const min = parse(m[1]);
    return cmp(have, min) >= 0 && cmp(have, [min[0], min[1] + 1, 0]) < 0;
  }
  if ((m = /^>=\s*(.+)$/.exec(r))) return cmp(have, parse(m[1])) >= 0;
  return cmp(have, parse(r)) === 0;
}

if (!range) {
  console.error(`${pkgPath}: no engines.vscode`);
  process.exit(1);
}
const ok = admits(range, version);
console.log(`engines.vscode "${range}" ${ok ? 'admits' : 'does NOT admit'} VS Code ${version}`);
process.exit(ok ? 0 : 1);
