#!/usr/bin/env bash
# Installs a pinned code-server (VS Code web + server, run on the system Node 20) into
# .e2e/code-server-<version>/, using only the npm registry. Cached: a second run with the same
# version returns at once. Installs nothing globally; prints the install directory last.
#
# usage: bash test/e2e/setup-code-server.sh            (E2E_DIR, CS_VERSION may be overridden)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
E2E_DIR=${E2E_DIR:-$ROOT/.e2e}
CS_VERSION=${CS_VERSION:-4.100.3}          # = VS Code 1.100.3, needs Node 20
DEST="$E2E_DIR/code-server-$CS_VERSION"
STAMP="$DEST/.installed"
mkdir -p "$E2E_DIR"

# one setup at a time (parallel runs share the cache)
exec 9>"$E2E_DIR/.setup.lock"
flock 9

if [ -f "$STAMP" ] && [ -x "$DEST/node_modules/.bin/code-server" ]; then
  echo "code-server $CS_VERSION: cached in $DEST" >&2
  echo "$DEST"; exit 0
fi

T0=$(date +%s)
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
[ "$NODE_MAJOR" = 20 ] || { echo "code-server $CS_VERSION needs Node 20 (found $(node --version))" >&2; exit 1; }
rm -rf "$DEST"; mkdir -p "$DEST/tmp" "$DEST/home"
# keep every file npm, node-gyp and the postinstall scripts write inside DEST
export HOME="$DEST/home" TMPDIR="$DEST/tmp" npm_config_cache="$DEST/tmp/npm-cache"
export XDG_CONFIG_HOME="$DEST/home/.config" XDG_DATA_HOME="$DEST/home/.local/share" XDG_CACHE_HOME="$DEST/home/.cache"
# node-gyp needs the headers of the running node; nodejs.org is not reachable, Debian's are in /usr/include/node
[ -d /usr/include/node ] && export npm_config_nodedir=${npm_config_nodedir:-/usr}

# @vscode/ripgrep's postinstall downloads rg from GitHub; pre-seed its cache with Debian's rg instead
command -v rg >/dev/null || { echo "ripgrep missing: run test/e2e/ci-install.sh" >&2; exit 1; }
(cd "$TMPDIR" && npm pack -q "code-server@$CS_VERSION" >/dev/null \
  && tar xzf code-server-*.tgz package/lib/vscode/npm-shrinkwrap.json && rm -f code-server-*.tgz)
RGV=$(node -e 'const p=require(process.argv[1]).packages;const r=p["node_modules/@vscode/ripgrep"];console.log(r?r.version:"")' \
  "$TMPDIR/package/lib/vscode/npm-shrinkwrap.json")
if [ -n "$RGV" ]; then
  mkdir -p "$TMPDIR/vscode-ripgrep-cache-$RGV"
  tar czf "$TMPDIR/vscode-ripgrep-cache-$RGV/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
fi

cd "$DEST"
printf '{ "name": "e2e-code-server", "private": true }\n' > package.json
# --unsafe-perm: code-server's postinstall refuses root without it; yes: node-pty runs `npx node-gyp`
if ! npm_config_yes=true npm install --no-audit --no-fund --unsafe-perm --save-exact \
     "code-server@$CS_VERSION" > install.log 2>&1; then
  tail -40 install.log >&2; exit 1
fi
"$DEST/node_modules/.bin/code-server" --version 2>/dev/null | grep -E '^[0-9]+\.[0-9]+\.[0-9]+ ' > version.txt
rm -rf "${TMPDIR:?}"/*
touch "$STAMP"
echo "code-server $CS_VERSION installed in $(( $(date +%s) - T0 ))s ($(du -sh node_modules | cut -f1)): $(head -1 version.txt)" >&2
echo "$DEST"
