#!/usr/bin/env bash
# README command 2 (and .ci/run): install everything the tests need, then lint and run the whole suite.
# Extra arguments go to pytest, e.g. `bash scripts/test.sh -k deadline`.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh

# System tools the tests drive for real: Java runs the Nu HTML Checker, npm installs it and axe-core,
# Debian's Chromium is the browser Playwright drives (never `playwright install`), DejaVu draws Cyrillic.
missing=()
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ "${#missing[@]}" -gt 0 ]; then apt_install "${missing[@]}"; fi

ensure_venv requirements-dev.txt
npm ci --no-audit --no-fund --loglevel=error

.venv/bin/ruff check .
.venv/bin/python build.py fmt --check  # content in the forms' layout (issue 13): a form save changes only the edit
for project in examples/district examples/district/schools/*/; do .venv/bin/python build.py --project "$project" fmt --check; done
# Both cores: whole test files go to one worker, so their module fixtures (a built site, a browser) are made once.
exec .venv/bin/python -m pytest -n 2 --dist loadfile "$@"
