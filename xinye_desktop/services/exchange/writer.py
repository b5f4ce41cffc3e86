"""Writing the village's exchange package (issue 16 item 2; the format: docs/exchange-package.md).

Thread contract: ``ExchangeService.write_package`` may run on a worker (ui/tasks.py): it opens its own
transactions and its own read-only connection for the figures, and reports through ``progress`` (called on
the worker). The rows are read in one transaction (one snapshot, a fraction of a second for a village's
year); the file is written outside it, so the app's saves do not wait for the documents to be sealed; the
audit row and the file's final name are committed together in a second one.

A USB drive pulled out mid-write leaves no package under the final name: everything is written to a
temporary file in the target folder, fsynced, and only then renamed (and the folder fsynced).
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import logging
import os
import secrets
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable

from ... import __version__
from ...domain.accounts import Permission
from ...domain.audit import AuditKind
from ...domain.errors import Refused
from ...domain.exchange import FORMAT, FORMAT_VERSION, SUFFIX, committee_place, fingerprint, package_name
from ...domain.statistics import Period, PeriodKind
from ...storage.clock import utcnow
from ...storage.database import Database
from ...storage.exchange_rows import TABLES
from ...storage.row_versions import COMMITTEE_ID_SETTING
from ...storage.sealing import (
    BACKUP_PRIVATE_SETTING, BACKUP_PUBLIC_SETTING, SIGNING_PRIVATE_SETTING, SIGNING_PUBLIC_SETTING, FileSealer,
    SealBroken, file_sealer, is_sealed_file,
)
from .. import audit
from ..access import guard
from . import crypto
from .figures import month_figures
from .format import (
    ACKNOWLEDGED_SETTING, BAD_PERIOD, DOCUMENTS_DIR, FIGURES, HUB_KEY_SETTING, KIND, LAST_PACKAGE_SETTING,
    MANIFEST, NO_FOLDER, NO_HUB_KEY, NO_SIGNING_KEY, NOT_WRITABLE, ROWS_DIR, SIGNATURE, TOMBSTONES, USB_FULL,
    USB_GONE, WRITE_FAILED, PackageRefused, dumps, jsonl,
)

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (steps done, steps in all)


@dataclass(frozen=True)
class WrittenPackage:
    path: Path
    period: str  # "2026-12"
    since: int  # the mark it carries the changes after
    up_to: int  # its own mark: what the hub acknowledges back
    counts: dict[str, int]  # rows per table (only tables with rows), "tombstones", "documents"
    zero_report: bool
    fingerprint: str  # the committee's signing key, to read over the phone
    size: int


@dataclass
class _Snapshot:
    committee_id: str
    committee_name: str
    signing_key: object  # Ed25519PrivateKey
    signing_public: bytes
    since: int
    up_to: int
    rows: dict[str, list]  # table -> ExchangeRow
    tombstones: list[dict]
    settings: dict[str, str]
    sealer: object


def _open_for_writing(path: Path):
    """The temporary file a package is written to (a seam for the tests' pulled-out USB drive)."""
    return open(path, "xb")


def _fsync_folder(folder: Path) -> None:
    if sys.platform == "win32":  # NTFS makes the rename durable with the file; no handle on a folder there
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _period(period, today: dt.date) -> Period:
    if period is None:
        return Period.containing(PeriodKind.MONTH, today)
    if isinstance(period, Period):
        if period.kind is not PeriodKind.MONTH:
            raise PackageRefused("period", BAD_PERIOD)
        return period
    try:
        if isinstance(period, str):
            year, month = (int(part) for part in period.strip().split("-"))
        else:
            year, month = period
        return Period(PeriodKind.MONTH, int(year), int(month))
    except (TypeError, ValueError):
        raise PackageRefused("period", BAD_PERIOD) from None


class ExchangeService:
    """The village side of the exchange with the 司法所."""

    def __init__(self, db: Database, data_root: Path | None = None, *, clock: Callable[[], dt.datetime] = utcnow):
        self._db = db
        self._root = Path(data_root) if data_root is not None else Path(db.path).parent
        self._clock = clock

    def signing_fingerprint(self) -> str | None:
        """The committee's signing key as read over the phone (None before the first data key made it)."""
        with self._db.transaction() as uow:
            public = uow.settings.get(SIGNING_PUBLIC_SETTING)
        return fingerprint(crypto.unb64(public)) if public else None

    def new_signing_key(self) -> tuple[str | None, str]:
        """A new key pair to sign the committee's packages, in place of the one it had: after the 司法所
        revoked that one (the PC lost or stolen, or this folder restored from a backup that was), since the
        hub refuses what the revoked key signs. Returns (the old fingerprint or None, the new one) to read
        to the 司法所 over the phone. An administrator's action (EDIT_SETTINGS), one audit row naming both
        fingerprints. Until the 司法所 has revoked the old key its hub refuses the new one (other_key)."""
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_SETTINGS)
            if uow.sealer is None:
                raise PackageRefused("signing_key", NO_SIGNING_KEY)
            old = uow.settings.get(SIGNING_PUBLIC_SETTING)
            public, sealed_private = uow.sealer.new_signing_keys()
            uow.settings.set(SIGNING_PUBLIC_SETTING, public)
            uow.settings.set(SIGNING_PRIVATE_SETTING, sealed_private)
            old_fingerprint = fingerprint(crypto.unb64(old)) if old else None
            new_fingerprint = fingerprint(crypto.unb64(public))
            audit.record(uow, AuditKind.SETTINGS, None, {"signing_key": [old_fingerprint or "", new_fingerprint]})
        return old_fingerprint, new_fingerprint

    def hub_key_fingerprint(self) -> str | None:
        """The fingerprint of the 司法所's key in the settings (None before one was set), read over the phone."""
        with self._db.transaction() as uow:
            stored = uow.settings.get(HUB_KEY_SETTING)
        if not stored:
            return None
        try:
            return fingerprint(crypto.hub_public_key(stored), "hub")
        except Refused:
            return None

    def committee_name(self) -> str:
        with self._db.transaction() as uow:
            return uow.settings.get("committee_name") or ""

    def month_registered(self, period) -> int:
        """How many disputes were received in ``period`` (as ``write_package`` takes it): 0 means the
        package of that month is a zero report (零报告). On the calling thread (the dialog's, to say so
        before the package is written)."""
        from ..statistics import StatisticsService

        return StatisticsService(self._db).compute(_period(period, self._clock().date())).registered

    def write_package(self, to: Path, *, hub_public_key: bytes | str | None = None, since: int | None = None,
                      period=None, progress: Progress | None = None) -> WrittenPackage:
        """Write the package of everything that changed after ``since`` (default: the mark the hub last
        acknowledged) with ``period``'s figures ("2026-12", (2026, 12) or a month Period; default: this
        month) to ``to``: a file, or a folder to make 王庄村-2026-12.xdx in. The personal fields and the
        documents are encrypted to ``hub_public_key`` (default: the hub's key in the settings).

        Needs Permission.EXPORT and a login (the rows' personal fields are opened to be encrypted again,
        and the committee's signing key is sealed with the data key); an audit row names the package.
        PackageRefused (or another Refused) with nothing written."""
        now = self._clock()
        month = _period(period, now.date())
        to = Path(to)
        snapshot = self._read(since, hub_public_key)
        hub_public = crypto.hub_public_key(hub_public_key if hub_public_key is not None
                                           else snapshot.settings.get(HUB_KEY_SETTING, ""))
        if to.is_dir():
            target = to / package_name(snapshot.committee_name, month.year, month.number)
        elif to.suffix.lower() == SUFFIX:
            target = to
        else:  # a folder that is not there (a USB drive pulled out): never a file named like the folder
            raise PackageRefused("folder", NO_FOLDER, folder=str(to))
        if not target.parent.is_dir():
            raise PackageRefused("folder", NO_FOLDER, folder=str(target.parent))
        figures = month_figures(self._db, month.year, month.number)
        temporary = target.parent / f".{target.name}.{secrets.token_hex(4)}.partial"
        try:
            manifest = self._write(temporary, snapshot, hub_public, month, figures, now, progress)
            size = temporary.stat().st_size
            written = WrittenPackage(target, manifest["period"]["month"], snapshot.since, snapshot.up_to,
                                     manifest["counts"], figures["zero_report"],
                                     manifest["committee"]["fingerprint"], size)
            self._commit(temporary, target, written, manifest, hub_public_key)
        except OSError as err:
            _remove(temporary)
            raise _write_refused(err, target.parent) from err
        except BaseException:
            _remove(temporary)
            raise
        return written

    # -- reading the rows ----------------------------------------------------------------------------
    def _read(self, since: int | None, hub_key_given) -> _Snapshot:
        with self._db.transaction() as uow:
            guard(uow, Permission.EXPORT)
            settings = {key: uow.settings.get(key) for key in (
                COMMITTEE_ID_SETTING, "committee_name", SIGNING_PUBLIC_SETTING, SIGNING_PRIVATE_SETTING,
                HUB_KEY_SETTING, ACKNOWLEDGED_SETTING, BACKUP_PUBLIC_SETTING, BACKUP_PRIVATE_SETTING)}
            settings = {k: v for k, v in settings.items() if v is not None}
            if hub_key_given is None and not settings.get(HUB_KEY_SETTING):
                raise PackageRefused("hub_key", NO_HUB_KEY)
            if not settings.get(SIGNING_PRIVATE_SETTING) or uow.sealer is None:
                raise PackageRefused("signing_key", NO_SIGNING_KEY)
            try:
                signing_key = uow.sealer.signing_key(settings[SIGNING_PRIVATE_SETTING])
            except SealBroken:
                raise PackageRefused("signing_key", NO_SIGNING_KEY) from None
            if since is None:
                since = int(settings.get(ACKNOWLEDGED_SETTING) or 0)
            up_to = uow.exchange.mark()
            rows = {spec.name: list(uow.exchange.changed(spec, since, up_to)) for spec in TABLES}
            tombstones = uow.exchange.tombstones(since, up_to)
            return _Snapshot(settings.get(COMMITTEE_ID_SETTING, ""), settings.get("committee_name", ""), signing_key,
                             signing_key.public_key().public_bytes_raw(), since, up_to, rows, tombstones, settings,
                             uow.sealer)

    # -- the file --------------------------------------------------------------------------------------
    def _write(self, temporary: Path, snap: _Snapshot, hub_public: bytes, month: Period, figures: dict,
               now: dt.datetime, progress: Progress | None) -> dict:
        sealer = crypto.RowSealer(hub_public)
        documents = self._documents(snap)
        total = len(TABLES) + len(documents) + 1
        done = 0
        members: dict[str, dict] = {}
        counts: dict[str, int] = {}
        stamp = now.timetuple()[:6]

        def add(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
            members[name] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}

        def step() -> None:
            nonlocal done
            done += 1
            if progress is not None:
                progress(done, total)

        listed, missing = [], []
        with _open_for_writing(temporary) as raw:
            with zipfile.ZipFile(raw, "w", allowZip64=True) as zf:
                for spec in TABLES:
                    rows = snap.rows[spec.name]
                    if rows:
                        counts[spec.name] = len(rows)
                        add(zf, f"{ROWS_DIR}{spec.name}.jsonl", jsonl(self._line(spec, row, sealer) for row in rows))
                    step()
                if snap.tombstones:
                    counts["tombstones"] = len(snap.tombstones)
                    add(zf, TOMBSTONES, jsonl(snap.tombstones))
                add(zf, FIGURES, dumps(figures))
                with tempfile.TemporaryDirectory(prefix="xinye-package-") as work:
                    for number, relative in enumerate(documents, start=1):
                        entry = self._add_document(zf, Path(work), number, relative, hub_public, snap, stamp)
                        if entry is None:
                            missing.append(relative)
                        else:
                            members[entry["member"]] = entry.pop("stored")
                            listed.append(entry)
                        step()
                counts["documents"] = len(listed)
                manifest = self._manifest(snap, hub_public, sealer, month, figures, now, counts, listed, missing,
                                          members)
                body = dumps(manifest)
                zf.writestr(zipfile.ZipInfo(MANIFEST, date_time=stamp), body, compress_type=zipfile.ZIP_DEFLATED)
                zf.writestr(zipfile.ZipInfo(SIGNATURE, date_time=stamp), crypto.sign(snap.signing_key, body))
            raw.flush()
            os.fsync(raw.fileno())
        step()
        return manifest

    @staticmethod
    def _line(spec, row, sealer: crypto.RowSealer) -> dict:
        line = {"uuid": row.uuid, "origin": row.origin, "row_version": row.row_version, "fields": row.clear}
        if row.refs:
            line["refs"] = row.refs
        if spec.personal:
            line["personal"] = sealer.seal(spec.name, row.uuid, row.row_version, row.personal)
        return line

    @staticmethod
    def _documents(snap: _Snapshot) -> list[str]:
        """The archived files the rows name (each once, in the rows' order)."""
        found: dict[str, None] = {}
        for spec in TABLES:
            for row in snap.rows[spec.name]:
                for column in spec.files:
                    value = row.clear.get(column)
                    if value:
                        found.setdefault(value, None)
        return list(found)

    def _add_document(self, zf, work: Path, number: int, relative: str, hub_public: bytes, snap: _Snapshot,
                      stamp) -> dict | None:
        """Seal one archived file into the package; None when it is not there (named as missing)."""
        source = (self._root / PurePosixPath(relative)).resolve()
        if not source.is_relative_to(self._root.resolve()) or not source.is_file():
            log.warning("archived file %s not found for the package", relative)
            return None
        if is_sealed_file(source):  # put back sealed by a restore and not opened yet: open it first
            opener = file_sealer(snap.settings, snap.sealer)
            if opener is None:
                return None
            opened = work / f"{number}.open"
            try:
                opener.open_file(source, opened, relative)
            except (SealBroken, OSError):
                return None
            source = opened
        member = f"{DOCUMENTS_DIR}{number:04d}.sealed"
        clear_hash, clear_size = _sha256(source)
        sealed = work / f"{number}.sealed"
        FileSealer(hub_public).seal_file(source, sealed, member)
        sealed_hash, sealed_size = _sha256(sealed)
        info = zipfile.ZipInfo(member, date_time=stamp)
        info.compress_type = zipfile.ZIP_STORED  # encrypted: nothing to compress
        with open(sealed, "rb") as src, zf.open(info, "w", force_zip64=sealed_size > 0x7FFFFFFF) as dst:
            while block := src.read(1 << 20):
                dst.write(block)
        return {"member": member, "path": relative, "size": clear_size, "sha256": clear_hash,
                "stored": {"size": sealed_size, "sha256": sealed_hash}}

    @staticmethod
    def _manifest(snap: _Snapshot, hub_public: bytes, sealer: crypto.RowSealer, month: Period, figures: dict,
                  now: dt.datetime, counts: dict, documents: list, missing: list, members: dict) -> dict:
        township, village = committee_place(snap.committee_name)
        return {
            "format": FORMAT, "format_version": FORMAT_VERSION, "kind": KIND, "app_version": __version__,
            "created_at": now.replace(microsecond=0).isoformat() + "Z",
            "committee": {"id": snap.committee_id, "name": snap.committee_name, "township": township,
                          "village": village, "signing_key": crypto.b64(snap.signing_public),
                          "fingerprint": fingerprint(snap.signing_public),
                          **_return_key(snap.settings)},
            "period": {"month": f"{month.year:04d}-{month.number:02d}", "start": month.start.isoformat(),
                       "end": month.end.isoformat(), "label": month.label},
            "since": snap.since, "up_to": snap.up_to,
            "zero_report": figures["zero_report"],
            "hub_key": {"public_key": crypto.b64(hub_public), "fingerprint": fingerprint(hub_public, "hub")},
            "encryption": {"rows": crypto.ROWS_SCHEME, "ephemeral_key": crypto.b64(sealer.ephemeral_public),
                           "documents": crypto.DOCUMENTS_SCHEME, "signature": crypto.SIGNATURE_SCHEME},
            "tables": [spec.name for spec in TABLES],
            "counts": counts,
            "documents": documents,
            "documents_missing": missing,
            "members": members,
        }

    # -- the final name and the audit row, together ----------------------------------------------------
    def _commit(self, temporary: Path, target: Path, written: WrittenPackage, manifest: dict,
                hub_key_given) -> None:
        renamed = False
        try:
            with self._db.transaction() as uow:
                guard(uow, Permission.EXPORT)
                audit.record(uow, AuditKind.EXPORT, None, {
                    "what": "exchange_package", "file": target.name, "period": written.period,
                    "since": written.since, "up_to": written.up_to, "zero_report": written.zero_report,
                    "rows": sum(n for k, n in written.counts.items() if k not in ("documents", "tombstones")),
                    "documents": written.counts.get("documents", 0), "hub_key": manifest["hub_key"]["fingerprint"]})
                uow.settings.set(LAST_PACKAGE_SETTING, dumps({
                    "file": target.name, "period": written.period, "since": written.since, "up_to": written.up_to,
                    "created_at": manifest["created_at"]}).decode("utf-8"))
                given = manifest["hub_key"]["public_key"]
                if hub_key_given is not None and _stored_hub_key(uow.settings.get(HUB_KEY_SETTING)) != given:
                    # The package sent with a key file remembers the key: the next ones need none, and the
                    # hub's return package is checked against it (returns_import.py). A key file given
                    # again, for another hub, is the hub the mediator now sends to.
                    uow.settings.set(HUB_KEY_SETTING, given)
                os.replace(temporary, target)
                renamed = True
                _fsync_folder(target.parent)
        except BaseException:
            if renamed:  # the audit row did not commit: no package without its row
                _remove(target)
            raise


def _return_key(settings: dict) -> dict:
    """The committee's X25519 key the hub seals its return package's free text to (the backups' key pair,
    whose private half only a logged-in session opens): ``{"return_key": base64}``, or nothing without one."""
    public = settings.get(BACKUP_PUBLIC_SETTING)
    if not public:
        return {}
    try:
        return {"return_key": crypto.b64(crypto.hub_public_key(public))}
    except Refused:
        return {}


def _stored_hub_key(stored: str | None) -> str | None:
    """The hub's key in the settings as the manifest writes it (padded base64); None for none or a bad one."""
    if not stored:
        return None
    try:
        return crypto.b64(crypto.hub_public_key(stored))
    except Refused:
        return None


_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NOT_WRITABLE = {errno.EACCES, errno.EPERM, errno.EROFS}
_GONE = {errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.ENOTDIR}


def _write_refused(err: OSError, folder: Path) -> PackageRefused:
    """What a failed write of the package tells the mediator: the drive full, write-protected or gone, or
    another fault of the disk; each time with nothing left under the package's name."""
    code = err.errno
    if code in _FULL:
        return PackageRefused("disk_full", USB_FULL, folder=str(folder))
    if code in _NOT_WRITABLE or isinstance(err, PermissionError):
        return PackageRefused("not_writable", NOT_WRITABLE, folder=str(folder))
    if code in _GONE:
        return PackageRefused("folder", USB_GONE, folder=str(folder))
    return PackageRefused("write", WRITE_FAILED, detail=err.strerror or str(err))


def _sha256(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
            size += len(block)
    return digest.hexdigest(), size


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:  # the drive is gone: nothing is left under the final name either way
        pass


__all__ = ["ExchangeService", "WrittenPackage", "Refused"]
