#!/usr/bin/env bash
# Shared set-up for ./run.sh, ./test.sh and ./build.sh on Debian/Ubuntu: the system libraries Qt
# loads, a Python 3.11+ virtual environment in .venv, and the project installed into it with the
# extras the mode needs (app: .[hub], psycopg for a hub on PostgreSQL; test: .[test], poppler-utils, zbar-tools, LibreOffice Writer and PostgreSQL;
# build: .[build] and binutils for PyInstaller).
# Re-running is cheap: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-app}"
# Libraries a bare Debian 12 lacks for Qt (tech-notes.md); the xcb ones only matter on a real display.
QT_LIBS="libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0"
XCB_LIBS="libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

missing_debs() {
  command -v dpkg-query >/dev/null 2>&1 || return 0
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || printf '%s ' "$pkg"
  done
}

install_debs() {
  local wanted
  wanted=$(missing_debs "$@")
  [ -z "$wanted" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "==> installing system packages: $wanted"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $wanted >/dev/null
  else
    echo "!! missing system packages: $wanted" >&2
    echo "!! install them with: sudo apt-get install $wanted" >&2
    exit 1
  fi
}

libs="$QT_LIBS"
if [ -n "${DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != offscreen ]; then libs="$libs $XCB_LIBS"; fi
# PyInstaller reads and rewrites binaries with objdump, objcopy and strip (Debian's binutils).
if [ "$mode" = build ]; then libs="$libs binutils"; fi
# The tests read generated PDFs with poppler (pdffonts: every font embedded; pdftoppm: pages as
# pictures) and decode the printed QR codes with zbarimg. They also print the Word copy of the
# agreement through LibreOffice Writer, headless (the -nogui build: no X or Java). No CJK font
# package: the test shows LibreOffice the app's own bundled fonts through a fontconfig file of its
# own (tests/test_agreement_docx.py), so the result does not hang on which fonts the machine has.
if [ "$mode" = test ]; then libs="$libs poppler-utils zbar-tools libreoffice-writer-nogui libreoffice-calc-nogui"; fi
# The hub's tests run against PostgreSQL (issue 16): tests/postgres.py starts a throwaway cluster of its
# own with the server's binaries (initdb, pg_ctl); Debian's package also makes the postgres user it runs
# as when the tests run as root. Where it cannot start, those tests are skipped.
if [ "$mode" = test ]; then libs="$libs postgresql"; fi
install_debs $libs

PY=$(find_python) || {
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    install_debs python3 python3-venv; PY=$(find_python)
  else
    echo "!! Python 3.11 or newer is needed" >&2; exit 1
  fi
}

if [ ! -x .venv/bin/python ]; then
  if ! "$PY" -c 'import ensurepip, venv' 2>/dev/null; then
    ver=$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    install_debs "python${ver}-venv"
  fi
  echo "==> creating .venv with $PY"
  "$PY" -m venv .venv
fi

# Reinstall when pyproject.toml (the dependency list) changes.
stamp=".venv/.xinye-installed-$mode"
digest=$(sha256sum pyproject.toml | cut -d' ' -f1)
case "$mode" in
  test) target=".[test]" ;;
  build) target=".[build]" ;;
  *) target=".[hub]" ;;  # run.sh: the hub on PostgreSQL too (--database); the village bundle (build) goes without
esac
digest="$digest $target"  # a change of the extras installs again too
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
  echo "==> installing Python packages into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  # Earlier versions took QtPdf from PySide6-Pdf 6.12.0 (now from PySide6-Addons, which shares its files).
  if .venv/bin/python -m pip show -q PySide6-Pdf >/dev/null 2>&1; then
    .venv/bin/python -m pip uninstall -y -q PySide6-Pdf PySide6-Essentials PySide6-Addons shiboken6
  fi
  .venv/bin/python -m pip install -q -e "$target"
  echo "$digest" > "$stamp"
fi
