#!/usr/bin/env bash
# `npm test`: typecheck, lint, build, unit and integration tests, the browser end-to-end tests in
# Debian's Chromium, and a smoke run of the benchmark script. Keychain tests need a Secret Service:
# the suite runs inside its own D-Bus session with a throw-away, unlocked gnome-keyring, so it
# never touches the developer's real keychain.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${BTS_TEST_SESSION:-}" ]; then
  if command -v dbus-run-session >/dev/null 2>&1 && command -v gnome-keyring-daemon >/dev/null 2>&1; then
    exec dbus-run-session -- env BTS_TEST_SESSION=1 bash "$0" "$@"
  fi
  echo "test: dbus-run-session or gnome-keyring-daemon is missing; run 'npm run setup' first." >&2
  exit 1
fi

keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home"
# An empty unlock password makes gnome-keyring ask a GUI prompt; a throw-away one does not.
eval "$(printf 'bts-test-keyring' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL

step() { printf '\n== %s\n' "$*"; }

step "typecheck"
npm run --silent typecheck
step "lint"
npm run --silent lint
step "build"
node_modules/.bin/electron-vite build >/dev/null
if [ -f build/electronegativity.mjs ]; then
  step "electronegativity (Electron security scan)"
  node build/electronegativity.mjs
fi
step "unit and integration tests"
node_modules/.bin/vitest run
step "end-to-end tests (Chromium, browser mode)"
node_modules/.bin/playwright test
if [ -f build/bench.mjs ]; then
  step "benchmark smoke (every figure once, judged by nothing; the real figures come from 'npm run bench')"
  node build/bench.mjs --smoke
fi
