#!/usr/bin/env bash
# README command 1: install Око's dependencies into .venv and build the demo site into site/, then the
# district demo (examples/district: a district and its schools on one site) into examples/district/site/.
# Extra arguments go to `build.py`, e.g. `bash scripts/demo.sh serve` for a live preview.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh
ensure_venv requirements.txt
# The form editor (/admin/) ships Sveltia CMS from npm inside the site: install it (Node from Debian).
command -v npm >/dev/null 2>&1 || apt_install npm
npm ci --omit=dev --no-audit --no-fund --loglevel=error
if [ "$#" -eq 0 ]; then
  .venv/bin/python build.py build
  exec .venv/bin/python build.py --project examples/district build
fi
exec .venv/bin/python build.py "$@"
