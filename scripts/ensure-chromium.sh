#!/usr/bin/env bash
# Make sure headless Chromium is on PATH (one test opens the HTML report in it): found as chromium,
# chromium-browser or google-chrome; else installed with apt-get, as root or through sudo without a
# password; else a message saying what to run, and exit code 1.
set -uo pipefail
say() { echo "scripts/ensure-chromium.sh: $*" >&2; }

found() {
  local name
  for name in chromium chromium-browser google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then echo "$name"; return 0; fi
  done
  return 1
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}

found >/dev/null && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  say "headless Chromium is missing: install Chromium or Google Chrome so that chromium or google-chrome is on PATH, and run this again"
  exit 1
fi
if ! as_root true 2>/dev/null; then
  say "headless Chromium is missing: run 'sudo apt-get install chromium', then run this again"
  exit 1
fi
say "installing chromium with apt-get (a few minutes the first time)"
as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || say "apt-get update failed; trying the install anyway"
for package in chromium chromium-browser; do
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null 2>&1 && found >/dev/null && exit 0
done
say "apt-get could not install chromium: run 'sudo apt-get install chromium' and look at what it says"
exit 1
