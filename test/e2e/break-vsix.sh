#!/usr/bin/env bash
# Makes a deliberately broken copy of the packaged extension, to check that the real-editor
# tests catch regressions (they must then fail):
#   lens   the readiness CodeLens no longer starts with "Readiness" (a subtle regression)
#   crash  the language server exits at start
# usage: bash test/e2e/break-vsix.sh <in.vsix> <out.vsix> [lens|crash]
#   then: VSIX=<out.vsix> E2E_ONLY=suite,ui npm run test:editor     (expect: RESULT: FAIL, exit 1)
set -euo pipefail
[ $# -ge 2 ] || { sed -n 2,8p "$0"; exit 2; }
python3 - "$1" "$2" "${3:-lens}" <<'PY'
import sys, zipfile
src, dst, how = sys.argv[1:4]
target = 'extension/dist/server.cjs'
def lens(d):
    out = d.replace(b'`Readiness ${', b'`Score ${', 1)
    if out == d: sys.exit('the readiness lens title was not found in ' + target)
    return out
def crash(d):
    return b'process.exit(3);\n' + d
change = {'lens': lens, 'crash': crash}[how]
with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as zout:
    for item in zin.infolist():
        data = zin.read(item.filename)
        zout.writestr(item, change(data) if item.filename == target else data)
print(f'{dst}: {how}')
PY
