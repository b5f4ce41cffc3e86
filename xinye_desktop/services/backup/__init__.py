"""Backups of the data folder, restoring one, and checking the database at start. No Qt here: the
command line, the tests and the window all use ``BackupService`` (service.py).

A backup is a folder ("snapshot") under ``backups/``::

    20261120-093000-daily/
        xinye.sqlite3    the database, copied with SQLite's online backup API, self-contained
        documents/...    every archived document (printed agreements, signed scans, forms)
        hub-documents/...  a hub's (司法所, 司法局) on SQLite: the villages' documents it keeps, as they are
                         (sealed to the hub's key); on PostgreSQL they are in the server's database (pg_dump)
        manifest.json    written last: time, kind, schema revision, record counts, size and
                         SHA-256 of every file

Why a folder and not a zip: a document that has not changed since the previous snapshot is a hard
link to that snapshot's copy, so a 5 MB scan takes its space once, not once per kept backup; and
a clerk can take any single file out with the file manager. A snapshot is written under a
``.incomplete-`` name and renamed only after it was read back and verified (``PRAGMA
integrity_check``, every document's hash), so a power cut never leaves a half backup that looks
whole. ``export()`` packs a snapshot into one .zip (``backup --to FILE``, 导出 in the dialog), and
``restore()`` takes a snapshot, such a zip, or a bare SQLite file.

One job per module:

- model.py     the values (BackupInfo, BackupResult, RestoreResult, Health, CheckReport), the kinds,
               BackupFailed, the per-folder lock
- files.py     copying with read-back, hashes, fsync, a manifest's counts
- snapshot.py  making and verifying backups, the USB copy, rotation, export, reading what a backup holds
- restore.py   restoring (never deletes: what is there is backed up first)
- health.py    the check at start, the ``check`` command, newest_good() when the database is damaged
- service.py   BackupService, which hands each call to one of them

Thread contract: every public method may run on a worker thread; one lock per data folder makes
backups, rotation and restores of that folder run one at a time.
"""

# The names below are loaded on first use (PEP 562), not when the package is imported: the start of the
# app reads only health.py (the check before the window), and the rest (snapshots, restore, the service
# with the audit trail and the accounts) would put ~50 ms of imports before the first picture.
_WHERE = {
    **{name: "..failures" for name in ("DAMAGED", "LOCKED", "MISSING")},
    **{name: ".model" for name in (
        "BEFORE_RESTORE", "DAILY", "EXPORT", "FORMAT", "INCOMPLETE", "KIND_LABELS", "MANIFEST", "MANUAL",
        "MIGRATION", "REMOVING", "ROTATED_KINDS", "SECOND_FOLDER_NOTE", "SECOND_SUBFOLDER", "START",
        "UNEXPECTED", "BackupFailed", "BackupInfo", "BackupResult", "CheckReport", "Health", "RestoreResult")},
    "BackupService": ".service",
    "backup_source": ".snapshot",
    "rotation_keeps": ".snapshot",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    # Plain import statements, not importlib: PyInstaller finds the modules to bundle by reading them.
    if module == "..failures":
        from .. import failures as found
    elif module == ".model":
        from . import model as found
    elif module == ".service":
        from . import service as found
    else:
        from . import snapshot as found
    value = getattr(found, name)
    globals()[name] = value
    return value
