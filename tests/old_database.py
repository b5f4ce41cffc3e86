"""A data folder as the first version left it: the database at the oldest Alembic revision, filled with
demo data, and archived files beside it. Used by the upgrade test and by CI's check of the bundle.

    .venv/bin/python -m tests.old_database DIR [--cases N]

The rows come from today's demo generator, written into a scratch database at HEAD and copied into a
database that Alembic took only as far as the oldest revision, column by column as far as the old
tables have them. A row the old schema cannot hold (a NOT NULL column without a value, such as an
ad-hoc 明白人, which came later) is left out. The old revision files never change, so neither does
what this builds, whatever revisions come after.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sqlite3
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

OLDEST_REVISION = "0001_initial"


@dataclass
class OldDataFolder:
    folder: Path
    rows: dict[str, list[tuple]]  # table -> every row (the old columns, in primary-key order)
    columns: dict[str, list[str]]  # table -> its columns in the old schema
    files: dict[str, str]  # path relative to the folder -> sha256, every file but the database and logs
    left_out: dict[str, int]  # table -> demo rows the old schema could not hold


def make_old_data_folder(folder: Path, cases: int = 40, seed: int = 2026) -> OldDataFolder:
    from sqlalchemy import text

    from xinye_desktop.paths import DataPaths
    from xinye_desktop.demo import generate
    from xinye_desktop.services.documents import DocumentRefused, DocumentService
    from xinye_desktop.storage import migrate
    from xinye_desktop.storage.database import Database

    paths = DataPaths(folder)
    paths.create()
    with tempfile.TemporaryDirectory(prefix="xinye-scratch-") as scratch_dir:
        scratch = Database(Path(scratch_dir) / "scratch.sqlite3")
        try:
            generate(scratch, cases=cases, seed=seed)
            # Archived documents as the first version wrote them: a registration form per case, and
            # the agreements the demo printed (PDFs of a later version, but files all the same).
            documents = DocumentService(scratch, paths)
            with scratch.transaction() as uow:
                case_ids = uow.session.scalars(text("SELECT id FROM cases ORDER BY id LIMIT 8")).all()
            for case_id in case_ids:
                try:
                    documents.registration_form(case_id)
                except DocumentRefused:
                    pass
            if (Path(scratch_dir) / "documents").exists():
                shutil.copytree(Path(scratch_dir) / "documents", paths.documents, dirs_exist_ok=True)
        finally:
            scratch.close()

        old = Database(paths.database)
        try:
            migrate.upgrade_to_head(old, OLDEST_REVISION)
        finally:
            old.close()
        left_out = _copy_rows(Path(scratch_dir) / "scratch.sqlite3", paths.database)

    (paths.drafts / "intake.json").write_text(
        '{"saved_at": "2026-01-05T09:30:00", "payload": {"facts": "草稿：双方因宅基地界线发生争执。"}}',
        encoding="utf-8")
    (paths.logs / "xinye-desktop.log").write_text("2026-01-05 09:30:00 INFO xinye_desktop: 旧版本的日志\n",
                                                  encoding="utf-8")
    rows, columns = snapshot(paths.database)
    return OldDataFolder(folder=paths.root, rows=rows, columns=columns, files=file_digests(paths.root),
                         left_out=left_out)


def _copy_rows(source: Path, target: Path) -> dict[str, int]:
    conn = sqlite3.connect(target)
    left_out: dict[str, int] = {}
    try:
        conn.execute("ATTACH DATABASE ? AS demo", (str(source),))
        # Creation order, which is the order of the foreign keys.
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version' ORDER BY rowid")]
        for table in tables:
            info = conn.execute(f"PRAGMA main.table_info('{table}')").fetchall()
            columns = [row[1] for row in info]
            required = [row[1] for row in info if row[3] and row[4] is None and not row[5]]
            names = ", ".join(f'"{c}"' for c in columns)
            holds = " AND ".join(f'"{c}" IS NOT NULL' for c in required) or "1"
            conn.execute(f'INSERT INTO main."{table}" ({names}) SELECT {names} FROM demo."{table}" WHERE {holds}')
            missing = (conn.execute(f'SELECT COUNT(*) FROM demo."{table}"').fetchone()[0]
                       - conn.execute(f'SELECT COUNT(*) FROM main."{table}"').fetchone()[0])
            if missing:
                left_out[table] = missing
        conn.commit()
        problems = conn.execute("PRAGMA main.foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"the old database would not be consistent: {problems[:5]}")
        conn.execute("DETACH DATABASE demo")
    finally:
        conn.close()
    return left_out


def snapshot(database: Path, columns: dict[str, list[str]] | None = None):
    """Every row of every table (or of the tables and columns given), in primary-key order."""
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        if columns is None:
            tables = [name for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name != 'alembic_version' ORDER BY name")]
            columns = {t: [row[1] for row in conn.execute(f"PRAGMA table_info('{t}')")] for t in tables}
        rows = {}
        for table, names in columns.items():
            keys = [row[1] for row in sorted(conn.execute(f"PRAGMA table_info('{table}')"), key=lambda r: r[5])
                    if row[5]]
            order = ", ".join(f'"{k}"' for k in keys) or "rowid"
            select = ", ".join(f'"{c}"' for c in names)
            rows[table] = conn.execute(f'SELECT {select} FROM "{table}" ORDER BY {order}').fetchall()
        return rows, columns
    finally:
        conn.close()


def file_digests(folder: Path) -> dict[str, str]:
    """sha256 of every file in the data folder except the database itself (and its -wal/-shm) and the
    logs, which the app appends to."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.startswith("xinye.sqlite3") and path.parent.name != "logs":
            found[path.relative_to(folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--cases", type=int, default=40)
    args = parser.parse_args(argv)
    if args.folder.exists() and any(args.folder.iterdir()):
        print(f"{args.folder} is not empty", file=sys.stderr)
        return 2
    made = make_old_data_folder(args.folder, cases=args.cases)
    total = sum(len(r) for r in made.rows.values())
    print(f"{made.folder}: database at {OLDEST_REVISION} with {total} rows in {len(made.rows)} tables "
          f"({len(made.rows['cases'])} cases), {len(made.files)} other files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
