#!/usr/bin/env bash
# Real-editor tests (npm run test:editor):
#   1. pinned code-server (VS Code web + server) from npm, cached in .e2e/
#   2. `npm run package` -> .vsix, installed into a throw-away profile
#   3. the extension's mocha integration suite, run in code-server's extension host
#   4. a browser smoke test in Debian's Chromium (squiggle, Problems, CodeLens, command, quick fix),
#      with the time to the first squiggle in a fresh window and its breakdown
#      (test-results/editor/first-squiggle.json; the extension and the server write their marks
#      to the file PARTNERLINT_TIMING names, set here for code-server only)
#   5. headless Neovim against the stdio language server
# Everything code-server, Chromium and Neovim write stays in a temporary run directory under
# .e2e/; the whole code-server process group is stopped on exit. Exit code is non-zero when any
# check fails. Screenshots and logs go to test-results/editor/.
#
# env: E2E_ONLY=suite,ui,nvim  run a subset      VSIX=path      test this .vsix (skip `npm run package`)
#      SUITE=path             extensionTestsPath (default out/test-editor/suite/index.js, built by
#                             test/editor/build.mjs unless SUITE_PREBUILT=1)
#      SUITE_WORKSPACE=dir    folder the suite opens (default test/editor/fixtures/workspace, copied)
#      KEEP_RUN=1             keep the run directory     RESULTS=dir   screenshots and logs
#      CS_VERSION             code-server version (default 4.100.3 = VS Code 1.100.3)
#      CS_LOG_LEVEL=trace     code-server / extension host log level (logs land in $RESULTS/logs)
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/test/e2e"
cd "$ROOT"
export E2E_DIR=${E2E_DIR:-$ROOT/.e2e}
RESULTS=${RESULTS:-$ROOT/test-results/editor}
ONLY=${E2E_ONLY:-suite,ui,nvim}
want() { [[ ",$ONLY," == *",$1,"* ]]; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
T_START=$(now)
declare -a SUMMARY=()
FAILED=0
note() { SUMMARY+=("$1"); }
fail() { echo "FAIL: $1" >&2; note "FAIL  $1"; FAILED=1; }

mkdir -p "$E2E_DIR" "$RESULTS"

RUN=
CS_PGID=
stop_cs() {
  [ -n "$CS_PGID" ] || return 0
  kill -TERM -- "-$CS_PGID" 2>/dev/null
  for _ in $(seq 1 30); do kill -0 -- "-$CS_PGID" 2>/dev/null || break; sleep 0.1; done
  kill -KILL -- "-$CS_PGID" 2>/dev/null
  CS_PGID=
  return 0
}
cleanup() {
  # browser and Neovim runs still going (interrupted): stop them by parent id; playwright then
  # closes its Chromium process group itself
  pkill -TERM -P $$ 2>/dev/null
  stop_cs
  [ -n "$RUN" ] || return 0
  if [ "${KEEP_RUN:-0}" = 1 ]; then echo "run directory kept: $RUN"; else rm -rf "$RUN"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
# runs a step in the background and waits for it, so that INT/TERM reach the traps at once
# (bash defers traps while a foreground command runs); output goes to the terminal and to $1
step_run() { local log=$1; shift; "$@" > >(tee "$log") 2>&1 & wait $!; }
rm -rf "$RESULTS"/*.png "$RESULTS"/*.log "$RESULTS"/summary.txt "$RESULTS"/logs "$RESULTS"/first-squiggle.json

# --- 0. required programs (installed by test/e2e/ci-install.sh; nothing is installed here) ---
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}; export CHROMIUM
for prog in node curl setsid rg "$CHROMIUM" nvim; do
  command -v "$prog" >/dev/null || { echo "missing $prog: run 'sudo bash test/e2e/ci-install.sh' once" >&2; exit 1; }
done
[ -d "$ROOT/node_modules/playwright-core" ] || { echo "playwright-core missing: run 'npm ci'" >&2; exit 1; }

# --- 1. code-server (cached per version) ---
T=$(now)
CS_DIR=$(bash "$HERE/setup-code-server.sh") || { echo "code-server setup failed" >&2; exit 1; }
CS="$CS_DIR/node_modules/.bin/code-server"
VSCODE_VERSION=$(node -p "require('$CS_DIR/node_modules/code-server/lib/vscode/package.json').version")
T_SETUP=$(secs "$T" "$(now)")
note "setup code-server $(cut -d' ' -f1 "$CS_DIR/version.txt") (VS Code $VSCODE_VERSION): ${T_SETUP}s"

# --- 2. engines.vscode must admit the VS Code inside code-server ---
if node "$HERE/check-engine.mjs" "$ROOT/package.json" "$VSCODE_VERSION"; then
  note "engines.vscode $(node -p "require('./package.json').engines.vscode") admits VS Code $VSCODE_VERSION"
else
  fail "engines.vscode does not admit VS Code $VSCODE_VERSION"
fi

# --- 3. build (engine, server, CLI: the smoke test and Neovim use them), the .vsix, the suite ---
T=$(now)
if ! npx tsc -b lib server cli > "$RESULTS/build.log" 2>&1; then
  cat "$RESULTS/build.log" >&2; fail "tsc -b lib server cli"
fi
note "build (tsc -b lib server cli): $(secs "$T" "$(now)")s"
T=$(now)
if [ -z "${VSIX:-}" ] && { want suite || want ui; }; then
  NAME=$(node -p "require('./package.json').name"); VER=$(node -p "require('./package.json').version")
  VSIX="$ROOT/$NAME-$VER.vsix"
  rm -f "$VSIX"
  if ! npm run -s package > "$RESULTS/package.log" 2>&1 || [ ! -f "$VSIX" ]; then
    tail -30 "$RESULTS/package.log" >&2
    fail "npm run package did not produce $VSIX"
    VSIX=
  fi
fi
if [ -n "${VSIX:-}" ]; then
  VSIX=$(cd "$(dirname "$VSIX")" && pwd)/$(basename "$VSIX")
  VSIX_BYTES=$(stat -c %s "$VSIX")
  note "package $(basename "$VSIX"): $VSIX_BYTES bytes ($(awk -v b="$VSIX_BYTES" 'BEGIN { printf "%.1f KiB", b / 1024 }')) in $(secs "$T" "$(now)")s"
fi
if want suite; then
  SUITE=${SUITE:-$ROOT/out/test-editor/suite/index.js}
  if [ -z "${SUITE_PREBUILT:-}" ] && [ -f "$ROOT/test/editor/build.mjs" ]; then
    node "$ROOT/test/editor/build.mjs" > "$RESULTS/suite-build.log" 2>&1 \
      || { cat "$RESULTS/suite-build.log" >&2; fail "test/editor does not compile"; }
  fi
  [ -f "$SUITE" ] || { fail "extension test suite not found: $SUITE"; SUITE=; }
fi

# --- 4. throw-away run directory, isolated HOME / XDG / TMPDIR ---
RUN=$(mktemp -d "$E2E_DIR/run.XXXXXX")
mkdir -p "$RUN"/{home,tmp,xdg/config,xdg/data,xdg/cache,data/user/User,data/extensions}
export HOME="$RUN/home" TMPDIR="$RUN/tmp" XDG_CONFIG_HOME="$RUN/xdg/config" XDG_DATA_HOME="$RUN/xdg/data" \
  XDG_CACHE_HOME="$RUN/xdg/cache" XDG_STATE_HOME="$RUN/xdg/state" XDG_RUNTIME_DIR="$RUN/tmp" PROFILE_PARENT="$RUN/tmp"
unset VSCODE_IPC_HOOK_CLI VSCODE_CLI VSCODE_PID 2>/dev/null
# settings of the throw-away profile: nothing that phones home or pops up over the editor
cat > "$RUN/data/user/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "telemetry.telemetryLevel": "off",
  "update.mode": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "extensions.ignoreRecommendations": true,
  "security.workspace.trust.enabled": false,
  "git.enabled": false,
  "chat.commandCenter.enabled": false,
  "remote.autoForwardPorts": false,
  "editor.codeLens": true,
  "editor.lightbulb.enabled": "on"
}
JSON

# workspaces: copies, so nothing a test types or saves reaches the repository
WS_UI="$RUN/ws-ui"; WS_SUITE="$RUN/ws-suite"
mkdir -p "$WS_UI" "$WS_SUITE"
copy_examples() {
  if compgen -G "$ROOT/examples/*.md" >/dev/null; then cp "$ROOT"/examples/*.md "$1"/
  else cp "$ROOT"/../shared/examples/*.md "$1"/ 2>/dev/null || true; fi
}
copy_examples "$WS_UI"
if [ -n "${SUITE_WORKSPACE:-}" ]; then cp -r "$SUITE_WORKSPACE"/. "$WS_SUITE"/
elif [ -d "$ROOT/test/editor/fixtures/workspace" ]; then cp -r "$ROOT/test/editor/fixtures/workspace"/. "$WS_SUITE"/
else copy_examples "$WS_SUITE"; fi

# --- 5. install the .vsix into the fresh profile ---
EXT_DIR=
if [ -n "${VSIX:-}" ] && { want suite || want ui; }; then
  T=$(now)
  if "$CS" --user-data-dir "$RUN/data/user" --extensions-dir "$RUN/data/extensions" --install-extension "$VSIX" \
       > "$RESULTS/install.log" 2>&1; then
    EXT_DIR=$(find "$RUN/data/extensions" -mindepth 1 -maxdepth 1 -type d | head -1)
    note "installed $(basename "$EXT_DIR") into a fresh profile: $(secs "$T" "$(now)")s"
  else
    cat "$RESULTS/install.log" >&2; fail "installing $(basename "$VSIX") into code-server"
  fi
fi

# --- 6. start code-server on 127.0.0.1 in its own process group ---
PORT=${PORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
ORIGIN="http://127.0.0.1:$PORT"
TIMING="$RUN/timing.jsonl"
start_cs() {
  local t; t=$(now)
  # the suite finds its fixture workspace through this (the remote extension host inherits the env,
  # the language server too: both write their timing marks to $PARTNERLINT_TIMING)
  PARTNERLINT_TIMING="$TIMING" PARTNERLINT_EDITOR_FIXTURES="$WS_SUITE" setsid "$CS" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry --disable-update-check \
    --disable-workspace-trust --disable-getting-started-override --ignore-last-opened \
    --user-data-dir "$RUN/data/user" --extensions-dir "$RUN/data/extensions" ${CS_LOG_LEVEL:+--log "$CS_LOG_LEVEL"} \
    > "$RESULTS/code-server.log" 2>&1 &
  CS_PGID=$!   # setsid execs (not a group leader in a script), so the pid is the new group's id
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "$ORIGIN/healthz" && { note "code-server up on $ORIGIN in $(secs "$t" "$(now)")s"; return 0; }
    kill -0 "$CS_PGID" 2>/dev/null || break
    sleep 0.1
  done
  cat "$RESULTS/code-server.log" >&2
  return 1
}
if [ -n "$EXT_DIR" ] && { want suite || want ui; }; then
  start_cs || fail "code-server did not start"
fi

# --- 7. mocha integration suite in the extension host ---
T_TESTS=$(now)
if want suite && [ -n "$CS_PGID" ] && [ -n "${SUITE:-}" ]; then
  T=$(now)
  # the installed extension is also the development extension: the suite runs against the
  # exact files of the .vsix
  SHOT="$RESULTS/suite.png" step_run "$RESULTS/suite.log" node "$HERE/run-ext-tests.mjs" "$ORIGIN" "$WS_SUITE" "$EXT_DIR" "$SUITE"
  rc=$?
  COUNTS=$(grep -oE '[0-9]+ (passing|failing|pending)' "$RESULTS/suite.log" | tr '\n' ' ' | sed 's/ $//')
  PASSING=$(grep -oE '[0-9]+ passing' "$RESULTS/suite.log" | tail -1 | cut -d' ' -f1)
  [ "$rc" = 0 ] && [ "${PASSING:-0}" = 0 ] && rc="0 tests ran"   # a suite that runs nothing does not pass
  if [ "$rc" = 0 ]; then note "PASS  extension suite in code-server (${COUNTS:-no tests reported}): $(secs "$T" "$(now)")s"
  else fail "extension suite in code-server (exit $rc${COUNTS:+, $COUNTS}): $(secs "$T" "$(now)")s, see $RESULTS/suite.log"; fi
fi

# --- 8. browser smoke test ---
if want ui && [ -n "$CS_PGID" ]; then
  T=$(now)
  PARTNERLINT_TIMING="$TIMING" step_run "$RESULTS/ui.log" node "$HERE/smoke.mjs" "$ORIGIN" "$WS_UI" "$RESULTS"
  rc=$?
  while read -r key ms; do
    [ -n "$ms" ] && note "first squiggle, $key plan: $ms ms from its tab (target 1500 ms)"
  done < <(grep -o 'FIRST-SQUIGGLE [a-z]* plan [^:]*: [0-9]* ms' "$RESULTS/ui.log" | awk '{ print $2, $(NF-1) }')
  if [ "$rc" = 0 ]; then note "PASS  browser smoke test: $(secs "$T" "$(now)")s"
  else fail "browser smoke test (exit $rc): $(secs "$T" "$(now)")s, see $RESULTS/ui.log and screenshots"; fi
fi

ACT=$(grep -o 'ACTIVATION .*' "$RESULTS/ui.log" 2>/dev/null | head -1 | cut -d' ' -f2-)
[ -n "$ACT" ] && note "extension host: $ACT (Running Extensions view)"
stop_cs
mkdir -p "$RESULTS/logs"; cp -r "$RUN/data/user/logs/." "$RESULTS/logs/" 2>/dev/null

# --- 9. Neovim ---
if want nvim; then
  T=$(now); n=0; bad=0
  : > "$RESULTS/nvim.log"
  WS_NVIM="$RUN/ws-nvim"; mkdir -p "$WS_NVIM"; copy_examples "$WS_NVIM"
  for f in "$WS_NVIM"/*.md; do
    n=$((n + 1))
    echo "== $(basename "$f")" | tee -a "$RESULTS/nvim.log"
    step_run "$RUN/nvim-one.log" bash "$HERE/nvim-check.sh" "$f"
    rc=$?
    cat "$RUN/nvim-one.log" >> "$RESULTS/nvim.log"
    [ "$rc" = 0 ] || { bad=$((bad + 1)); echo "FAIL: $(basename "$f")" | tee -a "$RESULTS/nvim.log"; }
  done
  # at least one plan must have produced diagnostics (a clean plan rightly has none)
  ndiag=$(grep -o '^diagnostics after [0-9]* ms: [0-9]*' "$RESULTS/nvim.log" | awk '{ s += $NF } END { print s + 0 }')
  [ "$ndiag" -gt 0 ] || { bad=$((bad + 1)); echo "FAIL: no diagnostics on any plan"; }
  if [ "$n" -gt 0 ] && [ "$bad" = 0 ]; then
    note "PASS  neovim $(nvim --version | head -1 | cut -d' ' -f2) LSP check on $n plans ($ndiag diagnostics): $(secs "$T" "$(now)")s"
  else fail "neovim LSP check: $bad of $n plans failed, see $RESULTS/nvim.log"; fi
fi

note "tests: $(secs "$T_TESTS" "$(now)")s, total: $(secs "$T_START" "$(now)")s"
{
  echo "== real-editor tests =="
  printf '%s\n' "${SUMMARY[@]}"
  [ "$FAILED" = 0 ] && echo "RESULT: PASS" || echo "RESULT: FAIL"
} | tee "$RESULTS/summary.txt"
exit "$FAILED"
