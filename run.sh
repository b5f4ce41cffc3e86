#!/usr/bin/env bash
# Set up everything needed (first run only) and start 三理室调解台. Arguments go to the app,
# e.g. ./run.sh --data-dir ~/xinye-data   or   ./run.sh demo --data-dir /tmp/demo --cases 300
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup-env.sh app
exec .venv/bin/xinye-desktop "$@"
