#!/usr/bin/env bash
# Install everything the tests need, then run them: the README's test command.
#
#   scripts/test.sh            the whole suite (a few minutes; the last line says how long it took)
#   scripts/test.sh -k html    any pytest arguments are passed on
#
# 1. Python: the active virtual environment (or conda environment); outside one, ./.venv, created
#    when missing, so nothing is installed into the system's Python.
# 2. campaignsim from this checkout with its dev and report extras, and the example plugin.
# 3. Headless Chromium, which one test opens the HTML report in: found on PATH, else installed
#    with apt-get (as root, or through sudo without a password); otherwise it says what to run
#    (scripts/ensure-chromium.sh); the Noto CJK font (fonts-noto-cjk) the same way.
# 4. pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
say() { echo "scripts/test.sh: $*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"
  else return 1
  fi
}

apt_install() {  # apt_install PACKAGE…: true when installed
  command -v apt-get >/dev/null 2>&1 || return 1
  say "installing $* with apt-get"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
    && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# 1. Python
python=""
for candidate in python python3; do
  if command -v "$candidate" >/dev/null 2>&1 \
     && "$candidate" -c 'import os, sys; sys.exit(0 if sys.prefix != sys.base_prefix or os.environ.get("CONDA_PREFIX") else 1)' 2>/dev/null; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  command -v python3 >/dev/null 2>&1 || { say "python3 is missing: install Python 3.10 or newer"; exit 1; }
  if [ ! -x .venv/bin/python ]; then
    say "no virtual environment is active: creating ./.venv"
    if ! python3 -m venv .venv 2>/dev/null; then
      rm -rf .venv
      version=$(python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
      apt_install "python$version-venv" || apt_install python3-venv \
        || { say "python3 cannot create a virtual environment: install python3-venv (sudo apt-get install python3-venv), or activate one, and run this again"; exit 1; }
      python3 -m venv .venv
    fi
  fi
  python=.venv/bin/python
fi

# 2. Packages
say "installing campaignsim[dev,report] and the example plugin into $("$python" -c 'import sys; print(sys.prefix)')"
"$python" -m pip install -q --disable-pip-version-check -e '.[dev,report]' -e plugins/campaignsim-example

# 3. Headless Chromium, and a CJK font for the report charts' Chinese, Japanese and Korean names
bash scripts/ensure-chromium.sh
if command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then
  :
elif ! apt_install fonts-noto-cjk; then
  say "no CJK font: charts will show Chinese names as boxes and one test fails; run 'sudo apt-get install fonts-noto-cjk'"
fi

# 4. The tests
say "running the tests"
set +e
"$python" -m pytest "$@"
rc=$?
set -e
elapsed=$((SECONDS - started))
say "pytest exit code $rc, $((elapsed / 60)) min $((elapsed % 60)) s in all"
if [ $rc -eq 5 ]; then
  say "pytest collected no tests"
  exit 1
fi
exit $rc
