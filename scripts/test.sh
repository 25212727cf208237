#!/usr/bin/env bash
# Set up a fresh machine and run the whole test suite (what .ci/run calls).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ] || ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  # The browser tests drive Debian's chromium; Playwright never downloads a browser of its own.
  # A CJK font: the Chinese chat test reads what the page shows.
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null) \
      || echo "warning: could not install chromium; browser tests will be skipped" >&2
  else
    echo "warning: chromium or a CJK font missing (sudo apt-get install chromium fonts-noto-cjk); browser tests may be skipped" >&2
  fi
fi
[ -d .venv ] || python3 -m venv .venv
. .venv/bin/activate
python -m pip install -q --upgrade pip
python -m pip install -q torch==2.13.0          # the CPU wheel; a loose torch pulls a multi-GB CUDA build
python -m pip install -q -e '.[models,test]'
python -m pytest -q "$@"
