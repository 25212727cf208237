#!/usr/bin/env bash
# Set up a fresh machine and open the demo shop in the chat UI (http://127.0.0.1:7860).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d .venv ] || python3 -m venv .venv
. .venv/bin/activate
python -m pip install -q --upgrade pip
python -m pip install -q torch==2.13.0          # the CPU wheel; a loose torch pulls a multi-GB CUDA build
python -m pip install -q -e '.[models]'
exec shopbot demo "$@"
