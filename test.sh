#!/usr/bin/env bash
# Set up everything needed (first run only) and run the whole test suite, headless.
# Extra arguments go to pytest, e.g. ./test.sh -k intake
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup-env.sh test
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
