#!/usr/bin/env bash
# Headless Neovim (Debian 12: 0.7.2) against `node bin/partnerlint-server.js --stdio`.
# usage: bash test/e2e/nvim-check.sh <plan.md>
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
FILE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export SERVER=${SERVER:-$ROOT/bin/partnerlint-server.js}
S=$(mktemp -d "${TMPDIR:-/tmp}/nvim-e2e.XXXXXX")
trap 'rm -rf "$S"' EXIT
# what the CLI says about the same file is the oracle for the editor
export EXPECT="$S/cli.json"
node "$ROOT/bin/partnerlint.js" --format json "$FILE" > "$EXPECT" || true
node -e 'JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"))' "$EXPECT" \
  || { echo "FAIL: the CLI printed no JSON for $FILE"; exit 1; }
# --clean: no user config or plugins; state, log and swap files stay in the sandbox
HOME="$S" XDG_CONFIG_HOME="$S/config" XDG_DATA_HOME="$S/data" XDG_STATE_HOME="$S/state" XDG_CACHE_HOME="$S/cache" \
  timeout 90 nvim --headless --clean -n -c "luafile $ROOT/test/e2e/nvim-lsp-check.lua" "$FILE"
