#!/usr/bin/env bash
# Installs the OS packages the real-editor tests need (Debian 12):
#   chromium (browser for code-server), neovim (built-in LSP client), ripgrep (used by
#   code-server's search instead of a download), build-essential python3 pkg-config libkrb5-dev
#   (native modules of code-server), fonts-dejavu-core (readable screenshots), curl (health checks).
# Idempotent: when everything is present it returns without touching apt.
set -euo pipefail
PKGS=(chromium neovim ripgrep build-essential python3 pkg-config libkrb5-dev fonts-dejavu-core curl ca-certificates)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "ci-install: all packages present"
  exit 0
fi
echo "ci-install: installing ${missing[*]}"
SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "ci-install: done"
