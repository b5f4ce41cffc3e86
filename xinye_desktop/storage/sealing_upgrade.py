"""Sealing a data folder that was clear: the first data key (the first administrator, or the upgraded
one's first password) seals every personal field on file in one transaction, fills the keyed hashes, and
then rewrites the file (``VACUUM``, ``secure_delete``, the -wal truncated) so that the clear text leaves
the free pages and the write-ahead log too.

Also the check that the data on file is sealed with this key: the fingerprint of the key the data was
sealed with is kept in the settings (storage/sealing.py KEY_CHECK_SETTING); a key that opens an account
but does not match it (another committee's accounts over this data) is refused before anything is written.

Backups made before the sealing stay as they were (user data is never deleted without a confirmed
action): they hold the clear text until they are rotated away or deleted in 备份与恢复.

Plain sqlite3, past the ORM: 250,000 parties of a 100,000-case county are sealed in seconds this way.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass

from .database import BUSY_TIMEOUT_MS, Database, configure_connection, connect_read_only
from .sealing import (
    BACKUP_PRIVATE_SETTING, BACKUP_PUBLIC_SETTING, HISTORY_SEALED_LABELS, KEY_CHECK_SETTING, SEALED_COLUMNS, SEALED_JSON,
    SIGNING_PRIVATE_SETTING, SIGNING_PUBLIC_SETTING, FieldSealer, OtherKey, Sealing, is_sealed,
    is_sealed_history_label, json_dumps,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SealingDone:
    """What ``seal_database`` did: how many rows it sealed (0: the data was sealed already) and whether
    the file was then rewritten."""

    rows: int
    vacuumed: bool


def key_fingerprint_on_file(db: Database) -> str | None:
    """The fingerprint of the key the data is sealed with, or None while it is clear."""
    if db.path is not None and not db.path.exists():
        return None
    return _setting(db, KEY_CHECK_SETTING)


def _setting(db: Database, key: str) -> str | None:
    if db.path is None:  # a hub's PostgreSQL database (storage/hub_database.py)
        return _server_setting(db, key)
    conn = connect_read_only(db.path)
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    except sqlite3.OperationalError:  # no settings table yet
        return None
    finally:
        conn.close()
    return row[0] if row else None


def _key_pairs(sealer: FieldSealer) -> list[tuple[str, str, str]]:
    """The committee's key pairs made with the first data key, as (public setting, public, sealed private):
    the backups' X25519 pair and the exchange packages' Ed25519 signing pair (issue 16)."""
    return [(BACKUP_PUBLIC_SETTING, *sealer.new_backup_keys()), (SIGNING_PUBLIC_SETTING, *sealer.new_signing_keys())]


_PRIVATE_OF = {BACKUP_PUBLIC_SETTING: BACKUP_PRIVATE_SETTING, SIGNING_PUBLIC_SETTING: SIGNING_PRIVATE_SETTING}


def _add_missing_keys(db: Database, sealer: FieldSealer) -> None:
    """The key pairs a folder sealed before they existed does not have yet (made once, at the next login)."""
    if db.path is None:
        with db.engine.begin() as server:
            conn = _ServerConnection(server)
            conn.lock_settings()
            for setting, public, private in _key_pairs(sealer):
                if conn.execute("SELECT 1 FROM settings WHERE key = ?", (setting,)).fetchone() is None:
                    conn.put_settings([(setting, public), (_PRIVATE_OF[setting], private)])
        return
    conn = sqlite3.connect(db.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        configure_connection(conn)
        db._guard(conn)  # noqa: SLF001
        conn.execute("BEGIN IMMEDIATE")
        for setting, public, private in _key_pairs(sealer):
            if conn.execute("SELECT 1 FROM settings WHERE key = ?", (setting,)).fetchone() is None:
                conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)",
                                 [(setting, public), (_PRIVATE_OF[setting], private)])
        conn.execute("COMMIT")
    finally:
        conn.close()


def _clear_pair(conn: sqlite3.Connection, public_setting: str) -> tuple[str, str] | None:
    """(public, private) of a key pair kept clear in a folder that had no accounts (a hub's signing key,
    services/hub/returns.py): sealed now rather than replaced. None when there is none."""
    found = dict(conn.execute("SELECT key, value FROM settings WHERE key IN (?, ?)",
                              (public_setting, _PRIVATE_OF[public_setting])).fetchall())
    public, private = found.get(public_setting), found.get(_PRIVATE_OF[public_setting])
    if public and private and not is_sealed(private):
        return public, private
    return None


def check_key(db: Database, sealer: FieldSealer) -> None:
    """OtherKey when the data on file is sealed with another key than ``sealer``'s."""
    on_file = key_fingerprint_on_file(db)
    if on_file is not None and on_file != sealer.fingerprint:
        raise OtherKey()


def seal_database(db: Database, sealer: FieldSealer) -> SealingDone:
    """Seal whatever personal field is still clear, fill the keyed hashes and note the key's fingerprint,
    all in one transaction; then VACUUM (with secure_delete) and truncate the -wal when anything was
    sealed. Nothing to do (fingerprint on file equals this key's) costs one read. OtherKey, with nothing
    written, when the data is sealed with another key.

    The caller has no transaction open on ``db``; the Database's own connections are closed for the
    VACUUM and reopen on their next use."""
    on_file = key_fingerprint_on_file(db)
    if on_file is not None and on_file != sealer.fingerprint:
        raise OtherKey()
    if db.read_only:  # a folder that cannot be written (a CD, a write-protected drive): read as it is
        return SealingDone(0, False)
    if on_file == sealer.fingerprint:
        # sealed before the backups' key pair (or the signing pair, issue 16) existed
        if not _setting(db, BACKUP_PUBLIC_SETTING) or not _setting(db, SIGNING_PUBLIC_SETTING):
            _add_missing_keys(db, sealer)
        return SealingDone(0, False)
    if db.path is None:
        return _seal_server_database(db, sealer)
    conn = sqlite3.connect(db.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        configure_connection(conn)
        db._guard(conn)  # noqa: SLF001 - the start-up check's write gate holds this write too
        # Freed cells and pages overwritten with zeros, not left with the clear text in them.
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("SELECT value FROM settings WHERE key = ?", (KEY_CHECK_SETTING,)).fetchone():
                conn.execute("ROLLBACK")  # another start sealed it meanwhile
                check_key(db, sealer)
                return SealingDone(0, False)
            rows = _seal_rows(conn, Sealing(sealer))
            keys = [(KEY_CHECK_SETTING, sealer.fingerprint)]
            for setting, public, private in _key_pairs(sealer):
                kept = _clear_pair(conn, setting)
                if kept is not None:  # a hub's signing key made before its accounts: villages have pinned it
                    public, private = kept[0], sealer.seal(_PRIVATE_OF[setting], kept[1])
                keys += [(setting, public), (_PRIVATE_OF[setting], private)]
            conn.executemany("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", keys)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()
    log.info("personal data sealed: %d rows", rows)
    vacuumed = rows > 0 and _rewrite_file(db)
    return SealingDone(rows, vacuumed)


class _ServerConnection:
    """A SQLAlchemy connection to a hub's PostgreSQL database (storage/hub_database.py) spoken to as the
    sqlite3 code here speaks to its file: ``?`` placeholders, ``execute`` and ``executemany`` giving rows.
    The SQL of ``_seal_rows`` is plain enough to run on both engines; only the settings' upsert differs."""

    def __init__(self, conn):
        self._conn = conn

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")  # psycopg's placeholders, its % escaped

    def execute(self, sql: str, params=()):
        return self._conn.exec_driver_sql(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows) -> None:
        rows = [tuple(row) for row in rows]
        if rows:
            self._conn.exec_driver_sql(self._sql(sql), rows)

    def lock_settings(self) -> None:
        """Held to the transaction's end: a second clerk's first login waits, then finds the key check."""
        self._conn.exec_driver_sql("LOCK TABLE settings IN SHARE ROW EXCLUSIVE MODE")

    def put_settings(self, pairs) -> None:
        self.executemany("INSERT INTO settings (key, value) VALUES (?, ?) "
                         "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", pairs)


def _server_setting(db: Database, key: str) -> str | None:
    from sqlalchemy import inspect

    with db.engine.connect() as server:
        if not inspect(server).has_table("settings"):
            return None
        row = _ServerConnection(server).execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _seal_server_database(db: Database, sealer: FieldSealer) -> SealingDone:
    """``seal_database`` on a hub's PostgreSQL database: the same rows sealed and keys made, in one transaction
    that holds the settings locked. No VACUUM: the server's autovacuum reclaims the old row versions (a hub
    holds few clear personal fields of its own: the villages' arrive encrypted to the hub's key)."""
    with db.engine.begin() as server:
        conn = _ServerConnection(server)
        conn.lock_settings()
        found = conn.execute("SELECT value FROM settings WHERE key = ?", (KEY_CHECK_SETTING,)).fetchone()
        if found:  # another clerk's first login sealed it meanwhile
            if found[0] != sealer.fingerprint:
                raise OtherKey()
            return SealingDone(0, False)
        rows = _seal_rows(conn, Sealing(sealer))
        keys = [(KEY_CHECK_SETTING, sealer.fingerprint)]
        for setting, public, private in _key_pairs(sealer):
            kept = _clear_pair(conn, setting)
            if kept is not None:
                public, private = kept[0], sealer.seal(_PRIVATE_OF[setting], kept[1])
            keys += [(setting, public), (_PRIVATE_OF[setting], private)]
        conn.put_settings(keys)
    log.info("personal data sealed: %d rows", rows)
    return SealingDone(rows, False)


def _seal_rows(conn: sqlite3.Connection, sealing: Sealing) -> int:
    changed = 0
    for table, columns in SEALED_COLUMNS.items():
        names = list(columns)
        hashes = [(column, hashed) for column, hashed in columns.items() if hashed]
        sets = [f"{c} = ?" for c in names] + [f"{h} = ?" for _c, h in hashes]
        updates = []
        for row in conn.execute(f"SELECT id, {', '.join(names)} FROM {table}"):
            values = dict(zip(names, row[1:]))
            if not any(v and not is_sealed(v) for v in values.values()) and not hashes:
                continue
            sealed = [v if is_sealed(v) else sealing.seal(c, v or "") for c, v in values.items()]
            blinds = [sealing.blind(c, sealing.open(c, values[c]) or "") for c, _h in hashes]
            updates.append((*sealed, *blinds, row[0]))
        if updates:
            conn.executemany(f"UPDATE {table} SET {', '.join(sets)} WHERE id = ?", updates)
            changed += len(updates)
    for table, json_columns in SEALED_JSON.items():
        for column in json_columns:
            dumps = json_dumps(table, column)
            updates = []
            for row_id, text in conn.execute(f"SELECT id, {column} FROM {table} WHERE {column} IS NOT NULL"):
                try:
                    document = json.loads(text)
                except ValueError:
                    log.warning("%s %s of row %s is not JSON: left as it is", table, column, row_id)
                    continue
                sealed = dumps(sealing.sealer.seal_document(document))
                if sealed != text:
                    updates.append((sealed, row_id))
            if updates:
                conn.executemany(f"UPDATE {table} SET {column} = ? WHERE id = ?", updates)
                changed += len(updates)
    updates = []
    labels = " OR ".join("changes LIKE ?" for _ in HISTORY_SEALED_LABELS)
    for row_id, text in conn.execute(f"SELECT id, changes FROM case_history WHERE {labels}",
                                     [f'%{label}"%' for label in HISTORY_SEALED_LABELS]):
        changes = json.loads(text)
        for entry in changes:
            if len(entry) >= 3 and is_sealed_history_label(entry[0]):
                entry[1:3] = [v if is_sealed(v) else sealing.seal("history.address", v or "") for v in entry[1:3]]
        sealed = json.dumps(changes, ensure_ascii=False)
        if sealed != text:
            updates.append((sealed, row_id))
    if updates:
        conn.executemany("UPDATE case_history SET changes = ? WHERE id = ?", updates)
        changed += len(updates)
    return changed


def _rewrite_file(db: Database) -> bool:
    """VACUUM the file and truncate its -wal, so that no page of it still holds what was clear. False
    (logged) when it could not be done now, e.g. for want of disk space: the data is sealed all the same,
    and the free pages are overwritten as the file is written."""
    db.close()
    conn = sqlite3.connect(db.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        configure_connection(conn)
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("VACUUM")
        busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            log.warning("the -wal of %s could not be truncated after sealing (a reader holds it)", db.path)
        return not busy
    except sqlite3.Error as err:
        log.warning("could not VACUUM %s after sealing: %s", db.path, err)
        return False
    finally:
        conn.close()
