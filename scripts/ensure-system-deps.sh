#!/usr/bin/env bash
# Installs what npm cannot: Debian's chromium (UI end-to-end tests), xvfb (Electron under a virtual
# display when an Electron binary exists), wine (generated .cmd scripts run in a real cmd.exe) and
# gcc/binutils (the Wine tests' stand-in .exe files).
# As root the missing packages are installed with apt-get; otherwise it says what to install and the
# tests that need them are skipped (in CI, CI=true, they fail instead).
set -u
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
command -v wine >/dev/null 2>&1 || missing+=(wine)
# the Wine tests build their route.exe/nbtstat.exe/powershell.exe stand-ins (test/wine/standin/launcher.c)
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
command -v ld >/dev/null 2>&1 || missing+=(binutils)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian packages the tests need: ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || {
    echo "apt-get could not install ${missing[*]}." >&2
    exit 1
  }
  exit 0
fi
echo "Missing Debian packages: ${missing[*]}. Install them with: sudo apt-get install ${missing[*]}" >&2
echo "Until then the tests that need them are skipped (in CI they fail)." >&2
[ "${CI:-}" = "true" ] && exit 1
exit 0
