#!/usr/bin/env bash
# Mutation testing of the core: each module of scripts/mutation.toml against its own fast tests, on the
# pinned mutmut of requirements-mutation.txt. Prints every survivor and the score per module; exits 1 when
# a module scores below 90 %. Too slow for .ci/run: run it from a checkout before handing in a change of
# the core. Examples:
#   bash scripts/mutation.sh                      # every module (tens of minutes)
#   bash scripts/mutation.sh validate write       # some modules
#   bash scripts/mutation.sh --diff validate      # with the diff of each survivor
#   bash scripts/mutation.sh --workers 2 deadline # two mutants at once (default one)
# OKO_PYTHON=/path/to/python uses that interpreter instead of .venv (it must have requirements-mutation.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${OKO_PYTHON:-}" ]; then
  python="$OKO_PYTHON"
else
  . scripts/venv.sh
  ensure_venv requirements-mutation.txt
  python=.venv/bin/python
fi
exec nice -n 10 "$python" scripts/mutation.py "$@"
