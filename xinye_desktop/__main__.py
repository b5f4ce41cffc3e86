"""Command line: ``xinye-desktop [--data-dir DIR] [--smoke-test]`` and ``xinye-desktop demo``."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                        help="folder for the database, drafts and generated files (default: the per-user data folder)")
    parser = argparse.ArgumentParser(prog="xinye-desktop", parents=[common],
                                     description="三理室调解台 — people's mediation for Xinye's 三理室")
    parser.add_argument("--smoke-test", action="store_true",
                        help="start the full GUI, show every tab, exit 0 (or non-zero with the error)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="interface language (default: last used, 简体中文)")
    from . import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command")
    demo = commands.add_parser("demo", parents=[common], help="fill a database with realistic demo data")
    demo.add_argument("--cases", type=int, default=300, help="number of cases (default 300)")
    demo.add_argument("--seed", type=int, default=2026, help="random seed, for repeatable data")
    demo.add_argument("--append", action="store_true", help="add to a database that already has cases")
    return parser


def run_demo(args) -> int:
    from .paths import DataPaths, default_data_dir
    from .services.demo import DemoRefused, generate
    from .storage.database import Database

    if args.cases < 0:
        print("--cases 不能为负数", file=sys.stderr)
        return 2
    paths = DataPaths(getattr(args, "data_dir", None) or default_data_dir())
    paths.create()
    started = time.perf_counter()
    db = Database(paths.database)
    try:
        summary = generate(db, cases=args.cases, seed=args.seed, allow_existing=args.append)
    except DemoRefused:
        print(f"{paths.database} 里已经有案件，为免混入真实数据，未生成演示数据。"
              "确需追加请加 --append。", file=sys.stderr)
        return 3
    finally:
        db.close()
    print(f"演示数据已生成：{summary.villages} 个村，{summary.elders} 位明白人，{summary.cases} 件案件，"
          f"{summary.parties} 位当事人；用时 {time.perf_counter() - started:.1f} 秒。\n数据库：{paths.database}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "demo":
        return run_demo(args)
    from .app import run_gui

    return run_gui(getattr(args, "data_dir", None), smoke_test=args.smoke_test, language=args.lang)


if __name__ == "__main__":
    sys.exit(main())
