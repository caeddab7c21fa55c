#!/usr/bin/env bash
# `npm run setup`: everything a fresh Debian/Ubuntu machine needs, then `npm ci`.
# Runs before node_modules exists, so it is plain bash.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: Chromium for the browser tests and browser mode, libsecret + gnome-keyring +
# D-Bus for a real keychain (keytar builds against libsecret), iproute2 for the network-namespace
# tests, openssl for throw-away test certificates, a compiler for keytar's native module.
PACKAGES=(chromium libsecret-1-dev gnome-keyring dbus iproute2 openssl python3 make g++ ca-certificates)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
fi

if [ "${#missing[@]}" -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null 2>&1; then sudo=(sudo); else
        echo "setup: these Debian packages are missing and this user is not root and has no sudo: ${missing[*]}" >&2
        exit 1
      fi
    fi
    echo "setup: installing ${missing[*]}" >&2
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: not a Debian/Ubuntu machine. Install the equivalents of: ${PACKAGES[*]} (Chromium, libsecret development files, gnome-keyring, D-Bus), then run 'npm ci'." >&2
  fi
fi

node_major=$(node -p 'process.versions.node.split(".").map(Number).slice(0,2).join(".")')
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' || {
  echo "setup: Node.js ${node_major} is too old; this project needs Node.js 20.19 or newer." >&2
  exit 1
}

# keytar builds from source when its prebuilt binary cannot be downloaded: use the system Node
# headers instead of letting node-gyp download them.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi

npm ci --no-audit --no-fund
echo "setup: done. Next: 'npm start' (desktop app, or browser mode where Electron is unavailable) or 'npm test'." >&2
