#!/usr/bin/env bash
# Build 三理室调解台 for this system as a folder that runs without Python: dist/xinye-desktop/
# (PyInstaller with build.spec). On first use it sets up .venv with PyInstaller (scripts/setup-env.sh).
#   ./build.sh             build
#   ./build.sh --check     build, then start the built app on fresh, demo and first-version data (CI)
#   ./build.sh --archive   build, then pack it as dist/xinye-desktop-VERSION-linux-ARCH.tar.xz
# The bundle runs on the system it was built on and newer ones; Windows builds on Windows (README).
set -euo pipefail
cd "$(dirname "$0")"

check=no
archive=no
for arg in "$@"; do
  case "$arg" in
    --check) check=yes ;;
    --archive) archive=yes ;;
    *) echo "usage: ./build.sh [--check] [--archive]" >&2; exit 2 ;;
  esac
done

bash scripts/setup-env.sh build
started=$(date +%s)
.venv/bin/python -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build build.spec
size_mb=$(du -sm --apparent-size dist/xinye-desktop | cut -f1)
echo "==> built dist/xinye-desktop in $(( $(date +%s) - started )) s: ${size_mb} MiB unpacked"
# The budget is 200 MB (du counts MiB here); far above it something big came in by accident (a Qt add-on, WebEngine).
if [ "$size_mb" -gt "${BUNDLE_MAX_MB:-250}" ]; then
  echo "!! the bundle is ${size_mb} MiB, over ${BUNDLE_MAX_MB:-250} MiB: see what build.spec lets in" >&2
  exit 1
elif [ "$size_mb" -gt 200 ]; then
  echo "!! over the 200 MiB budget" >&2
fi

if [ "$archive" = yes ]; then
  version=$(.venv/bin/python -c 'import xinye_desktop; print(xinye_desktop.__version__)')
  archive_file="dist/xinye-desktop-$version-linux-$(uname -m).tar.xz"
  XZ_OPT="-T0 -6" tar -C dist -cJf "$archive_file" xinye-desktop
  echo "==> $archive_file: $(du -sm "$archive_file" | cut -f1) MiB"
fi

if [ "$check" = yes ]; then
  bash bundling/check-bundle.sh dist/xinye-desktop
fi
