#!/usr/bin/env bash
# Refresh resources/translations/*.ts from the source (pyside6-lupdate) and compile them (.qm).
# After running it, fill in any new <translation type="unfinished"> in the .ts (Qt Linguist:
# .venv/bin/pyside6-linguist resources/translations/xinye_desktop_en.ts), then run it again.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
for ts in resources/translations/*.ts; do
  "$bin/pyside6-lupdate" -no-obsolete $(find xinye_desktop -name '*.py' | sort) -ts "$ts"
  "$bin/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
done
