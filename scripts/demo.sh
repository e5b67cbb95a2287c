#!/usr/bin/env bash
# README command 1: install Око's dependencies into .venv and build the demo site into site/.
# Extra arguments go to `build.py`, e.g. `bash scripts/demo.sh serve` for a live preview.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh
ensure_venv requirements.txt
if [ "$#" -eq 0 ]; then set -- build; fi
exec .venv/bin/python build.py "$@"
