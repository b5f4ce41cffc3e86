"""The health of a data folder: the check of the database at start (ok, missing, damaged, locked),
the signs that a folder was used before, moving a damaged database aside, the full ``check`` command,
and which backup to offer when the database is damaged (newest_good). Reads only, except
set_aside_damaged(), which moves the damaged file and deletes nothing.

Thread contract: every method may run on a worker thread.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from ...paths import DataPaths
from ...storage.database import connect_read_only, integrity_problems, structure_problems
from ..failures import DAMAGED, LOCKED, explain, failure
from .files import files_under, fsync_dir, hub_mode, sha256_of, table_counts
from .model import BEFORE_RESTORE, BackupInfo, CheckReport, Health

if TYPE_CHECKING:
    from .snapshot import Snapshots

log = logging.getLogger(__name__)

# A database file holding none of the app's schema: why (for the log, for the check command).
SCHEMA_MISSING = {"empty": ("the database file is empty (0 bytes)", "文件大小为 0 字节"),
                  "no_tables": ("the database holds no tables", "里面没有任何表"),
                  "no_version": ("the database has no schema version", "里面没有程序的版本记录")}
# What shows that a data folder was used before (HealthCheck.signs_of_use).
SIGNS_OF_USE = {"documents": ("documents/ holds {n} files", "documents 文件夹里有 {n} 个存档文件"),
                "hub_documents": ("hub-documents/ holds {n} files", "hub-documents 文件夹里有 {n} 个各村的存档文件"),
                "backups": ("backups/ holds {n} entries", "backups 文件夹里有 {n} 份备份"),
                "drafts": ("drafts/ holds {n} drafts", "drafts 文件夹里有 {n} 份草稿"),
                "ui_settings": ("ui-settings.ini exists", "有界面设置文件 ui-settings.ini")}


def _audit_chain(conn):
    """(rows, the first break or None) of the audit trail's hash chain, or None before schema 0008."""
    from ...storage.account_repositories import verify_audit_file  # lazy: imports SQLAlchemy

    return verify_audit_file(conn)


def _issued_files(conn) -> dict[str, str | None]:
    """The archived files of the case file's coded documents (issued_documents), each with the SHA-256
    recorded when it was made (None for one made before that was kept): a document's PDF, and the
    调解卷宗 it was bound into (DocumentService keeps both in the document's "archive" facts). Several
    issues of one document share its file: the newest issue wrote it, so its hash is the one to hold."""
    files: dict[str, str | None] = {}
    facts = ("CASE WHEN json_valid(document) THEN json_extract(document, '$.archive.{}') END")
    for path, sha, bound, bound_sha in conn.execute(
            f"SELECT pdf_path, {facts.format('pdf_sha256')}, {facts.format('case_file.path')}, "
            f"{facts.format('case_file.sha256')} FROM issued_documents ORDER BY issued_at, id"):
        if path:
            files[path] = sha
        if bound:
            files[bound] = bound_sha
    return files


def _is_uuid(name: str) -> bool:
    try:
        uuid.UUID(name)
    except ValueError:
        return False
    return True


class HealthCheck:
    """Reads the data folder and its backups (through Snapshots) to say whether the data is whole."""

    def __init__(self, paths: DataPaths, snapshots: Snapshots | None = None, now=dt.datetime.now):
        """``snapshots`` None: only the check at start (check_database, signs_of_use, set_aside_damaged),
        which reads no backup; the app's start makes it so, without loading the snapshot module."""
        self._paths = paths
        self._snapshots = snapshots
        self._now = now

    # -- at start --------------------------------------------------------------------------------
    def check_database(self, timeout: float = 2.0, *, full: bool = True) -> Health:
        """The check at start. A file another program holds is "locked" (left alone, the
        user is asked to close that program), one SQLite cannot read is "damaged" (that includes a
        file shorter than SQLite's 100-byte header). So is a file that SQLite reads but that holds
        none of the app's schema (0 bytes, or no alembic_version) in a folder that was used before
        (``signs_of_use()``): the migrations would build an empty database in it and the ledger
        would show no cases while the documents and backups say there were some. In a folder
        never used, such a file is what an interrupted first start leaves: "ok", built on.

        ``full``: ``PRAGMA quick_check``, which reads every page (about a second per GB). Without it,
        storage.database.structure_problems() only (milliseconds): the app's start takes that for a
        large file and runs the full check after the window is up, with the writes held until it
        passes (app.py, check_database_at_start)."""
        path = self._paths.database
        if not path.exists():
            return Health("missing")
        try:
            problems = (integrity_problems(path, quick=True, live=True, timeout=timeout) if full
                        else structure_problems(path, live=True, timeout=timeout))
            empty = None if problems else self._schema_missing(path, timeout)
        except (sqlite3.Error, OSError) as err:
            found = explain(err, path)
            if found is not None and found.kind == LOCKED:
                return Health(LOCKED, (str(err),), found)
            return Health(DAMAGED, (f"{type(err).__name__}: {err}",), failure(DAMAGED, path, str(err)))
        if problems:
            return Health(DAMAGED, tuple(problems[:20]), failure(DAMAGED, path, "; ".join(problems[:5])))
        used = self.signs_of_use() if empty else []
        if used:
            problem = f"{SCHEMA_MISSING[empty][0]}, but the data folder was used before ({'; '.join(used)})"
            return Health(DAMAGED, (problem,), failure(DAMAGED, path, problem))
        return Health("ok")

    def _schema_missing(self, path: Path, timeout: float | None = None) -> str | None:
        """Why the database file holds none of the app's schema (a key of SCHEMA_MISSING), or None
        when it holds it."""
        if path.stat().st_size == 0:
            return "empty"
        conn = connect_read_only(path, timeout)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" in tables and conn.execute("SELECT 1 FROM alembic_version").fetchone():
                return None
        finally:
            conn.close()
        return "no_tables" if not tables else "no_version"

    def signs_of_use(self) -> list[str]:
        """What shows that this data folder held data before (in English, for the log): archived
        documents, backups, drafts, the window's settings file. Logs do not count: every start
        writes one before the database is looked at."""
        return [SIGNS_OF_USE[sign][0].format(n=n) for sign, n in self._signs_of_use().items()]

    def _signs_of_use(self) -> dict[str, int]:
        signs = {"documents": len(files_under(self._paths.documents)),
                 "hub_documents": len(files_under(self._paths.hub_documents)),
                 "backups": len(list(self._paths.backups.iterdir())) if self._paths.backups.is_dir() else 0,
                 "drafts": len(files_under(self._paths.drafts)),
                 "ui_settings": int(self._paths.ui_settings.is_file())}
        return {sign: n for sign, n in signs.items() if n}

    # -- lost data (the check command) ----------------------------------------------------------
    def _schema_lost(self) -> str | None:
        """The check's problem when the database holds none of the app's schema in a folder used
        before (what check_database() calls damaged at start), else None."""
        try:
            empty = self._schema_missing(self._paths.database)
        except (sqlite3.Error, OSError):
            return None  # not a database at all: the integrity check says so
        signs = self._signs_of_use() if empty else {}
        if not signs:
            return None
        why = SCHEMA_MISSING[empty][1]
        shown = "，".join(SIGNS_OF_USE[sign][1].format(n=n) for sign, n in signs.items())
        return (f"数据库里没有三理室调解台的数据（{why}），但这个数据文件夹以前用过（{shown}）。"
                "数据库文件可能已损坏或被换成了空文件。请先不要登记新案件：重新打开程序，它会把这个文件移到 "
                "damaged 文件夹并提供最近一份完好的备份；也可以用 restore 命令从备份恢复。")

    def _cases_lost(self, cases: int | None) -> list[str]:
        """The check's problems when the database holds fewer cases than it did: fewer than a backup
        made since the last restore (cases are never deleted, see newest_good()), or none at all
        while documents/ still holds case folders."""
        cases = cases or 0
        most, most_cases = None, 0  # the newest backup with the most cases since the last restore
        for backup in sorted(self._snapshots.list_backups(), key=lambda b: (b.created, b.path.name)):
            held = (backup.counts or {}).get("cases") or 0
            if backup.kind == BEFORE_RESTORE:  # a restore goes back on purpose: compare from then on
                most, most_cases = None, 0
            elif held and held >= most_cases:
                most, most_cases = backup, held
        if most is not None and most_cases > cases:
            return [f"数据库里现在只有 {cases} 件案件，比 {most.created:%Y-%m-%d %H:%M} 的备份（{most_cases} 件）少。"
                    "案件登记后不会被删除，这说明案件丢失了（数据库可能被清空或换成了空文件）。请从备份中恢复："
                    f"restore \"{most.path}\"，或在程序中“文件 → 备份与恢复”里选择这份备份。"]
        # documents/<case uuid>/... (documents/rosters/ belongs to no case)
        folders = sorted({rel.split("/")[0] for rel, _p in files_under(self._paths.documents)
                          if "/" in rel and _is_uuid(rel.split("/")[0])})
        if not cases and folders:
            return [f"数据库里没有任何案件，但 documents 文件夹里还有 {len(folders)} 个案件的存档文件"
                    f"（例如 documents/{folders[0]}）。数据库可能被清空或换成了空文件，请从备份中恢复。"]
        return []

    def _hub_documents_problems(self, report: CheckReport) -> list[str]:
        """A hub's (on SQLite): every document its rows name (hub_documents.stored) is in hub-documents/, each
        file still the sealed bytes the village sent (its name is their SHA-256, checked against the signed
        package at the import). [] for a village's folder."""
        path = self._paths.database
        if hub_mode(path) is None:
            return []
        conn = connect_read_only(path)
        try:
            stored = sorted({row[0] for row in conn.execute("SELECT stored FROM hub_documents")})
        finally:
            conn.close()
        missing = [f for f in stored if not (self._paths.root / f).is_file()]
        altered = [f for f in stored if f not in missing
                   and sha256_of(self._paths.root / f) != Path(f).name.removesuffix(".sealed")]
        problems = []
        if missing:
            problems.append(f"各村报送的存档文件有 {len(missing)} 个找不到，例如：{missing[0]}。请从备份中恢复。")
        if altered:
            problems.append(f"各村报送的存档文件有 {len(altered)} 个与导入时的文件摘要不符（可能被改动或损坏），"
                            f"例如：{altered[0]}。请从备份中恢复。")
        if not problems:
            report.facts.append(f"各村报送的存档文件 {len(stored)} 个，全部都在，与导入时的文件摘要相符。")
        return problems

    def set_aside_damaged(self) -> Path:
        """Move the database (with its -wal and -shm, which may hold the last commits) into
        damaged/<time>/. Nothing is deleted or overwritten; returns that folder. The caller has
        closed its connections (closing one here would first merge the -wal into the damaged file)."""
        stamp = self._now().strftime("%Y%m%d-%H%M%S")
        folder, n = self._paths.damaged / stamp, 2
        while folder.exists():
            folder, n = self._paths.damaged / f"{stamp}-{n}", n + 1
        folder.mkdir(parents=True)
        for suffix in ("", "-wal", "-shm", "-journal"):
            source = self._paths.database.with_name(self._paths.database.name + suffix)
            if source.exists():
                os.replace(source, folder / source.name)
        fsync_dir(folder)
        fsync_dir(self._paths.root)
        log.error("damaged database moved to %s", folder)
        return folder

    # -- the check command ---------------------------------------------------------------------
    def check(self) -> CheckReport:
        """A full check (the command line ``check``): integrity, foreign keys, every archived
        document the records point to, and how recent the last backup is. Reads only."""
        report = CheckReport()
        path = self._paths.database
        if not path.exists():
            report.problems.append(f"找不到数据库：{path}")
            return report
        lost = self._schema_lost()
        if lost:
            report.problems.append(lost)
            return report
        try:
            problems = integrity_problems(path, live=True)
            conn = connect_read_only(path)
            try:
                broken = conn.execute("PRAGMA foreign_key_check").fetchall()
                # Each archived file, with the SHA-256 taken when it was written where one was kept (an
                # agreement's PDF and signed scan, in its document's "archive" facts; see AgreementService).
                rows = conn.execute(
                    "SELECT pdf_path, json_extract(document, '$.archive.pdf_sha256') FROM agreements "
                    "WHERE pdf_path IS NOT NULL "
                    "UNION ALL SELECT scan_path, json_extract(document, '$.archive.scan_sha256') FROM agreements "
                    "WHERE scan_path IS NOT NULL").fetchall()
                files = [row[0] for row in rows]
                recorded = {path: sha for path, sha in rows if sha}
                forms = _issued_files(conn)
                files += [f for f in forms if f not in files]
                audit = _audit_chain(conn)
            finally:
                conn.close()
            counts = table_counts(path)
        except (sqlite3.Error, OSError) as err:
            report.problems.append(f"数据库无法读取：{err}")
            return report
        if problems:
            report.problems.append("数据库完整性检查未通过：" + "；".join(problems[:5]))
        else:
            report.facts.append(f"数据库完整性检查通过（{path}）：案件 {counts['cases']} 件，当事人 "
                                f"{counts['parties']} 人，调解协议 {counts['agreements']} 份。")
        if broken:
            report.problems.append(f"有 {len(broken)} 条记录指向不存在的记录（外键检查）。")
        if audit is not None:
            rows, chain_break = audit
            if chain_break is None:
                report.facts.append(f"审计记录 {rows} 条，哈希链完整。")
            else:
                report.problems.append("审计记录的哈希链断了：" + chain_break.text() + "。可以从备份中恢复，"
                                       "或运行 audit verify 命令查看。")
        missing = [f for f in files if not (self._paths.root / f).is_file()]
        if missing:
            report.problems.append(f"有 {len(missing)} 个存档文件找不到，例如：{missing[0]}")
        else:
            report.facts.append(f"存档文件 {len(files)} 个，全部都在。")
        # Documents a restore put back sealed, waiting for the next login to open them (sealed_documents.py).
        from .sealed_documents import read_pending

        waiting = {"documents/" + rel for rel in read_pending(self._paths)}
        if waiting:
            report.reminders.append(f"有 {len(waiting)} 个存档文件从备份恢复后还没有解密：登录程序后会自动解密。")
        changed = [f for f, sha in recorded.items()
                   if f not in missing and f not in waiting and sha256_of(self._paths.root / f) != sha]
        if changed:
            report.problems.append(f"有 {len(changed)} 个存档的协议书文件与存档时记录的文件摘要不符（可能被改动或损坏），"
                                   f"例如：{changed[0]}。请从备份中恢复。")
        elif recorded:
            report.facts.append(f"其中 {len(recorded)} 个协议书文件与存档时记录的文件摘要相符。")
        # The case file's other coded documents and the bound 调解卷宗 (see DocumentService).
        altered = [f for f, sha in forms.items()
                   if sha and f not in missing and f not in waiting and sha256_of(self._paths.root / f) != sha]
        if altered:
            shown = "、".join(altered[:5]) + ("等" if len(altered) > 5 else "")
            report.problems.append(f"有 {len(altered)} 个存档的案卷文书或调解卷宗文件与制作时记录的文件摘要不符"
                                   f"（可能被改动或损坏）：{shown}。请从备份中恢复，或重新制作。")
        elif any(forms.values()):
            report.facts.append(f"其中 {sum(1 for sha in forms.values() if sha)} 个案卷文书和调解卷宗文件"
                                "与制作时记录的文件摘要相符。")
        unrecorded = [f for f, sha in forms.items() if not sha and f not in missing]
        if unrecorded:
            report.facts.append(f"另有 {len(unrecorded)} 个案卷文书文件制作时尚未记录文件摘要（本版本以前制作的），"
                                "只能确认文件还在，文件本身无法核对。")
        report.problems += self._hub_documents_problems(report)
        report.problems += self._cases_lost(counts["cases"])
        last = self._snapshots.last_backup()
        if last is None:
            report.reminders.append("还没有备份。请运行 backup 命令，或在程序中“文件 → 备份与恢复”里立即备份。")
        else:
            age = self._now() - last.created
            report.facts.append(f"最近一次备份：{last.created:%Y-%m-%d %H:%M}（{last.path}）")
            if age > dt.timedelta(days=7):
                report.reminders.append(f"最近一次备份已是 {age.days} 天前，请尽快备份。")
        return report

    def newest_good(self) -> BackupInfo | None:
        """The backup offered when the database is damaged. The rule: the newest backup that

        1. holds a database,
        2. holds at least as many cases as every older backup made since the last restore
           (by the counts in their manifests, whether or not those older ones are still whole), and
        3. passes verify().

        Why 2: cases are never deleted, only added, so the number of cases only grows. A backup
        holding fewer cases than an older one was made after cases were lost, e.g. the start
        backup of an emptied database that the migrations had rebuilt; choosing it would offer the
        loss as the cure. A restore is the one deliberate step back: after a "before_restore"
        backup the counting starts again. A backup passed over for 2 is never chosen silently:
        ``fewer_cases()`` names it, the damage prompt shows it with a warning, and it can still be
        restored by hand in 备份与恢复. None when no backup meets all three."""
        from .snapshot import fewer_cases_of

        backups = self._snapshots.list_backups()
        passed = {b.path for b in fewer_cases_of(backups)}
        for backup in backups:
            if backup.counts and backup.path not in passed and not self._snapshots.verify(backup):
                return backup
        return None

    def fewer_cases(self, than: BackupInfo | None = None) -> list[BackupInfo]:
        """The backups newer than ``than`` (all, when None) that newest_good() passes over because
        they hold fewer cases than an older one, newest first."""
        from .snapshot import fewer_cases_of

        return [b for b in fewer_cases_of(self._snapshots.list_backups())
                if than is None or (b.created, b.path.name) > (than.created, than.path.name)]
