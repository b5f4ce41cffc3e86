"""Start-up of the built bundle against starting from source, in the same run.

    ./build.sh && .venv/bin/python benchmarks/bundle_startup.py [--runs 7] [--cases 300]

Each start is its own process, timed from just before the spawn until it has exited, with
QT_QPA_PLATFORM=offscreen: `--smoke-test` (the whole window over a demo data folder: every tab
shown, a case opened, the language switched there and back, then exit) and `--version` (the
interpreter and the package's first import only). Source and bundle alternate, after one untimed
warm-up round each, so both see the same page cache. Prints medians and the bundle/source ratio;
always exits 0.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUNDLE = REPO / "dist" / "xinye-desktop" / ("xinye-desktop.exe" if os.name == "nt" else "xinye-desktop")


def timed(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env, cwd=REPO)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cases", type=int, default=300)
    args = parser.parse_args()
    if not BUNDLE.exists():
        print(f"no bundle at {BUNDLE}: run ./build.sh first")
        return 0
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    source = [sys.executable, "-m", "xinye_desktop"]
    bundle = [str(BUNDLE)]
    with tempfile.TemporaryDirectory(prefix="xinye-startup-") as folder:
        subprocess.run([*source, "demo", "--cases", str(args.cases), "--data-dir", folder], check=True,
                       capture_output=True, env=env, cwd=REPO)
        variants = {"--smoke-test": ["--smoke-test", "--data-dir", folder], "--version": ["--version"]}
        results = {}
        for name, extra in variants.items():
            for command in (source, bundle):  # warm-up
                timed([*command, *extra], env)
            times = {"source": [], "bundle": []}
            for run in range(args.runs):
                order = (("source", source), ("bundle", bundle))
                for label, command in (order if run % 2 == 0 else order[::-1]):
                    times[label].append(timed([*command, *extra], env))
            results[name] = {k: statistics.median(v) for k, v in times.items()}
    print(f"{args.runs} runs each, medians; demo folder with {args.cases} cases")
    print(f"{'start':<14}{'source s':>10}{'bundle s':>10}{'bundle/source':>15}")
    for name, medians in results.items():
        print(f"{name:<14}{medians['source']:>10.3f}{medians['bundle']:>10.3f}"
              f"{medians['bundle'] / medians['source']:>14.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
