"""The 司法所's upward package to the 司法局 (issue 16 item 3: "a township hub exports its own upward
package to the county the same way"; the format: docs/exchange-package.md "The relay package").

One RELAY package per village committee the township holds that has anything new for the county: kind
``township-relay``, the village package's zip layout, member names, limits and verification. Its manifest's
``committee`` is the village as the township holds it (its id, name, place, and the signing key the township
registered on the village's first package: the township vouches for it), ``relayed_by`` the township (its data
folder's committee id, the hub's name and area, its own Ed25519 signing key, made with its first
administrator); the township's key signs it. Its rows are the village's rows exactly as the township holds
them (the village's uuids, row versions, clear fields and references), their personal fields opened with the
township's private key and sealed again to the county's X25519 key; the documents likewise (opened, checked
against the village's SHA-256, sealed to the county); the tombstones of rows the village deleted; and every
month's figures (zero reports kept) the county has not had from this township yet. The manifest lists the
keys of the committee the township revoked (services/hub/committees.py), each with the key that replaced it
where the township holds one, who revoked it and why sealed to the county as the rows' personal fields are:
the county applies them (relay_import.apply_revocations), so that a village package signed by a key the
township revoked is refused there too. A revocation the county has not had yet makes a relay of its own, even
with nothing else new.

What went up is kept per committee in the setting ``hub_upward_sent`` (JSON): the township's own import
counter (``hub_packages.id``) up to which rows and documents were relayed (so that a village package
imported late, filling a gap, still goes up whole), the village's marks of the tombstones and of the last
relay (``since``/``up_to`` of the next one), each month's figures by the village mark they came with, and the
highest revocation (``hub_revoked_keys.id``) relayed.
``resend_all`` (``--all``) sends everything again; the county imports it as unchanged rows.

The county's X25519 public key is remembered in the setting ``hub_county_public_key`` (base64), set in the
transaction that records the first relay written with it, or after a run that had nothing new to relay (one
audit row when it is first set or changed): the next relays need no key file. A key given that differs from
the remembered one is refused unless ``replace_county_key`` (the county made a new key pair: the clerk checked
its fingerprint by phone).

Thread contract as ExchangeService.write_package's: its own transactions, ``progress`` called on the caller's
thread. Each file is written to a temporary name in the target folder, fsynced, and renamed in the transaction
that writes its audit row and moves its marks: a USB drive pulled out mid-write leaves no relay under its
name and the marks where they were, so the next export writes it again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import secrets
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ... import __version__
from ...domain.accounts import Permission
from ...domain.audit import AuditKind
from ...domain.errors import Refused
from ...domain.exchange import FORMAT, FORMAT_VERSION, SUFFIX, committee_place, fingerprint, package_name
from ...domain.hub import HubMode
from ...domain.statistics import Period, PeriodKind
from ...storage.clock import utcnow
from ...storage.database import Database
from ...storage.exchange_rows import SPECS, TABLES
from ...storage.hub_relay_repository import HubRelayRepository
from ...storage.hub_repositories import HubRepository
from ...storage.row_versions import COMMITTEE_ID_SETTING
from ...storage.sealing import SIGNING_PRIVATE_SETTING, SIGNING_PUBLIC_SETTING, FileSealer, OtherKey, SealBroken
from ..access import guard
from ..exchange import crypto
from ..exchange.format import (
    DOCUMENTS_DIR, FIGURES, MANIFEST, NO_FOLDER, RELAY_KIND, ROWS_DIR, SIGNATURE, TOMBSTONES, WRITE_FAILED,
    PackageRefused, dumps, jsonl,
)
from . import relay_messages as r
from .document_store import DocumentMissing, keeps_documents, sealed_bytes_of, sealed_file
from .messages import NOT_A_HUB
from .relay_import import REVOCATION_SEAL
from .setup import identity_in, private_key_in, record

UPWARD_SENT_SETTING = "hub_upward_sent"  # JSON: committee id -> what the last relay of it carried (above)
COUNTY_KEY_SETTING = "hub_county_public_key"  # base64: the county's key the last relay was encrypted to
KEY_FILE_LIMIT = 4096  # hub-key.txt is one line of base64; anything larger is not a key file

Progress = Callable[[int, int], None]
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


@dataclass(frozen=True)
class RelayWritten:
    committee: str  # the village committee's name
    committee_id: str
    path: Path
    period: str  # "2026-12": the newest month of figures it carries (or --month)
    since: int  # the village marks: the last relay's up_to ...
    up_to: int  # ... and the one the township holds every change up to
    counts: dict[str, int]  # rows per table, "tombstones", "documents", "figures" (months)
    months: list[str]  # the months whose figures it carries
    size: int
    revocations: int = 0  # the committee's revoked keys it lists (every one the township made)


@dataclass
class RelayResult:
    fingerprint: str  # the township's signing key, to read over the phone to the county
    written: list[RelayWritten] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # committees with nothing new for the county
    refused: list[tuple[str, str]] = field(default_factory=list)  # (committee, why) not written


@dataclass
class _Committee:
    held: dict  # its hub_committees row
    latest_package: int
    rows: list[dict]
    tombstones: list[dict]
    figures: list[dict]
    documents: list[dict]
    keys: dict[int, str]  # package id -> ephemeral key
    mark: dict
    latest_month: str | None  # the newest month whose figures the township holds for it
    revocations: list[dict] = field(default_factory=list)  # its hub_revoked_keys rows, oldest first


@dataclass
class _Township:
    id: str
    name: str
    area: str
    signing_key: object  # Ed25519PrivateKey
    signing_public: bytes
    public: bytes  # its X25519 pair: opens what the villages sealed to it
    private: bytes


def _month(text: str | None) -> Period | None:
    if text is None:
        return None
    found = _MONTH.match(str(text).strip())
    try:
        if not found:
            raise ValueError(text)
        return Period(PeriodKind.MONTH, int(found.group(1)), int(found.group(2)))
    except ValueError:
        raise PackageRefused("period", r.BAD_MONTH) from None


def _period_of(text: str) -> Period:
    year, month = text.split("-")
    return Period(PeriodKind.MONTH, int(year), int(month))


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def relay_name(village: str, area: str, period: str) -> str:
    """王庄村-2026-12-经王庄镇.xdx."""
    year, month = (int(part) for part in period.split("-"))
    stem = package_name(village, year, month)[:-len(SUFFIX)]
    return f"{stem}-经{_UNSAFE.sub('', area).strip(' .') or '司法所'}{SUFFIX}"


def read_county_key_file(path: Path) -> bytes | str:
    """What the 司法局's key file (its hub-key.txt, one line of base64, or 32 raw bytes) holds, for
    ``write_packages``, which checks it; PackageRefused("county_key") when it cannot be read."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(KEY_FILE_LIMIT + 1)
    except OSError as error:
        raise PackageRefused("county_key", r.COUNTY_KEY_UNREADABLE, file=str(path),
                             detail=error.strerror or str(error)) from None
    return data if len(data) == 32 else data.decode("ascii", "replace").strip()


def county_key_of(value: bytes | str) -> bytes:
    """The 司法局's X25519 public key from its raw bytes or base64; PackageRefused("county_key") otherwise."""
    try:
        return crypto.hub_public_key(value)
    except Refused:
        raise PackageRefused("county_key", r.NO_COUNTY_KEY) from None


def _remembered(stored: str | None) -> bytes | None:
    if not stored:
        return None
    try:
        return crypto.hub_public_key(stored)
    except Refused:  # a hand-edited setting: as if none were remembered
        return None


def _load_marks(text: str | None) -> dict:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


class TownshipRelay:
    """The township hub's relays to its county."""

    def __init__(self, db: Database, data_root: Path, *, clock: Callable[[], dt.datetime] = utcnow):
        self._db = db
        self._root = Path(data_root)
        self._clock = clock
        self._in_database: bool | None = None  # where the sealed documents are (document_store), asked once

    def county_key_fingerprint(self) -> str | None:
        """The fingerprint of the 司法局's key the relays are encrypted to (None before the first relay), to
        check over the phone. Needs Permission.EXPORT."""
        with self._db.transaction() as uow:
            guard(uow, Permission.EXPORT)
            key = _remembered(uow.settings.get(COUNTY_KEY_SETTING))
        return None if key is None else fingerprint(key, "hub")

    def write_packages(self, to: Path, county_public_key: bytes | str | None = None, *, month: str | None = None,
                       resend_all: bool = False, progress: Progress | None = None,
                       replace_county_key: bool = False) -> RelayResult:
        """Write into the folder ``to`` one relay per village committee with anything new since its last
        relay (``resend_all``: everything), encrypted to ``county_public_key`` (raw or base64 X25519; None:
        the one remembered from the last relay). A key that differs from the remembered one is refused
        unless ``replace_county_key``; the key given is remembered, with or without a relay written.
        ``month`` ("2026-12"): the month the relays are for (their name and period); figures of later
        months wait for the next relay. Needs Permission.EXPORT and a login (the villages' personal fields
        are opened, and the township's signing key is sealed with its data key)."""
        cap = _month(month)
        to = Path(to)
        if not to.is_dir():
            raise PackageRefused("folder", NO_FOLDER, folder=str(to))
        given = None if county_public_key is None else county_key_of(county_public_key)
        township, committees, county = self._read(cap, resend_all, given, replace_county_key)
        result = RelayResult(fingerprint(township.signing_public))
        total = len(committees)
        for number, item in enumerate(committees, start=1):
            if item is None:
                pass
            elif isinstance(item, str):
                result.unchanged.append(item)
            else:
                try:
                    result.written.append(self._relay(to, township, item, county, cap))
                except PackageRefused as refused:
                    if refused.reason != "damaged":
                        raise
                    result.refused.append((item.held["name"], refused.text()))
            if progress is not None:
                progress(number, total)
        if given is not None and not result.written:
            # Nothing new this time: the key given (a first one, or one that replaces the county's old key) is
            # still remembered, or next month's relays would need it again or go to the old key.
            with self._db.transaction() as uow:
                guard(uow, Permission.EXPORT)
                _remember_county_key(uow, given)
        return result

    # -- what is new, read in one transaction ---------------------------------------------------------------------
    def _read(self, cap: Period | None, resend_all: bool, given: bytes | None, replace: bool):
        with self._db.transaction() as uow:
            guard(uow, Permission.EXPORT)
            identity = identity_in(uow)
            if identity is None:
                raise Refused(NOT_A_HUB)
            if identity.mode is not HubMode.TOWNSHIP:
                raise Refused(r.ONLY_TOWNSHIP, office=identity.office, area=identity.area)
            remembered = _remembered(uow.settings.get(COUNTY_KEY_SETTING))
            county = given if given is not None else remembered
            if county is None:
                raise PackageRefused("county_key", r.NO_COUNTY_KEY_YET)
            if county == identity.public_key:
                raise PackageRefused("county_key", r.COUNTY_KEY_IS_OURS)
            if remembered is not None and county != remembered and not replace:
                raise PackageRefused("county_key", r.COUNTY_KEY_CHANGED, given=fingerprint(county, "hub"),
                                     remembered=fingerprint(remembered, "hub"))
            sealed = uow.settings.get(SIGNING_PRIVATE_SETTING)
            if not sealed or not uow.settings.get(SIGNING_PUBLIC_SETTING) or uow.sealer is None:
                raise PackageRefused("signing_key", r.NO_SIGNING_KEY)
            try:
                signing_key = uow.sealer.signing_key(sealed)
            except SealBroken:
                raise PackageRefused("signing_key", r.NO_SIGNING_KEY) from None
            township_id = uow.settings.get(COMMITTEE_ID_SETTING)
            if not township_id:  # a folder made before migration 0010 kept one; a hand-made one may not
                import uuid

                township_id = str(uuid.uuid4())
                uow.settings.set(COMMITTEE_ID_SETTING, township_id)
            township = _Township(township_id, identity.name, identity.area, signing_key,
                                 signing_key.public_key().public_bytes_raw(), identity.public_key, private_key_in(uow))
            sent = {} if resend_all else _load_marks(uow.settings.get(UPWARD_SENT_SETTING))
            repo, relays = HubRepository(uow.session), HubRelayRepository(uow.session)
            latest = relays.latest_packages()
            revoked_by_committee: dict[str, list[dict]] = {}
            for row in repo.revocations():  # oldest first
                revoked_by_committee.setdefault(row["committee_id"], []).append(row)
            found: list[_Committee | str] = []
            for held in repo.committees():
                cid = held["id"]
                mark = sent.get(cid) if isinstance(sent.get(cid), dict) else {}
                figure_marks = mark.get("figures") if isinstance(mark.get("figures"), dict) else {}
                rows = relays.rows_after(cid, int(mark.get("package", 0)))
                tombstones = relays.deleted_after(cid, int(mark.get("tombstones", 0)))
                documents = relays.documents_after(cid, int(mark.get("package", 0)))
                figures = [f for f in repo.all_figures(cid)
                           if f["up_to"] > int(figure_marks.get(f["period"], -1))
                           and (cap is None or f["period"] <= f"{cap.year:04d}-{cap.number:02d}")]
                revocations = revoked_by_committee.get(cid, [])
                revoked_new = [row for row in revocations if row["id"] > int(mark.get("revocations", 0))]
                if not (rows or tombstones or documents or figures or revoked_new):
                    found.append(held["name"])
                    continue
                keys = relays.ephemeral_keys(row["package_id"] for row in rows if row["personal"] is not None)
                months = sorted(f["period"] for f in repo.all_figures(cid))
                found.append(_Committee(held, latest.get(cid, 0), rows, tombstones, figures, documents, keys, mark,
                                        months[-1] if months else None, revocations))
            return township, found, county

    # -- one file -----------------------------------------------------------------------------------------------------
    def _relay(self, folder: Path, township: _Township, item: _Committee, county: bytes,
               cap: Period | None) -> RelayWritten:
        held = item.held
        months = sorted(f["period"] for f in item.figures)
        if cap is not None:
            period = cap
        elif months:
            period = _period_of(months[-1])
        elif item.latest_month:
            period = _period_of(item.latest_month)
        else:
            period = Period.containing(PeriodKind.MONTH, self._clock().date())
        month = f"{period.year:04d}-{period.number:02d}"
        village = held.get("village") or committee_place(held["name"])[1] or held["name"]
        target = _free(folder / relay_name(village, township.area, month))
        temporary = folder / f".{target.name}.{secrets.token_hex(4)}.partial"
        now = self._clock()
        try:
            manifest = self._write(temporary, township, item, county, period, months, now)
            size = temporary.stat().st_size
            written = RelayWritten(held["name"], held["id"], target, month, manifest["since"], manifest["up_to"],
                                   manifest["counts"], months, size, len(manifest["revocations"]))
            self._commit(temporary, target, written, item, manifest)
        except OSError as err:
            _remove(temporary)
            raise PackageRefused("write", WRITE_FAILED, detail=err.strerror or str(err)) from err
        except BaseException:
            _remove(temporary)
            raise
        return written

    def _write(self, temporary: Path, township: _Township, item: _Committee, county: bytes, period: Period,
               months: list[str], now: dt.datetime) -> dict:
        held = item.held
        sealer = crypto.RowSealer(county)
        openers: dict[int, crypto.RowOpener] = {}
        members: dict[str, dict] = {}
        counts: dict[str, int] = {}
        stamp = now.timetuple()[:6]

        def add(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
            members[name] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}

        def line(row: dict) -> dict:
            out = {"uuid": row["uuid"], "origin": row["origin"], "row_version": row["row_version"],
                   "fields": json.loads(row["fields"])}
            refs = json.loads(row["refs"] or "{}")
            if refs:
                out["refs"] = refs
            if SPECS[row["table_name"]].personal:
                package_id = row["package_id"]
                try:
                    if package_id not in openers:
                        openers[package_id] = crypto.RowOpener(township.private, crypto.unb64(item.keys[package_id]))
                    opened = openers[package_id].open(row["table_name"], row["uuid"], row["row_version"],
                                                      row["personal"] or "")
                except (ValueError, KeyError):
                    raise PackageRefused("damaged", r.HELD_DAMAGED, committee=held["name"],
                                         detail=f"{row['table_name']} {row['uuid']}") from None
                out["personal"] = sealer.seal(row["table_name"], row["uuid"], row["row_version"], opened)
            return out

        by_table: dict[str, list[dict]] = {}
        for row in item.rows:
            by_table.setdefault(row["table_name"], []).append(row)
        since = int(item.mark.get("up_to", 0))
        up_to = max(int(held["acknowledged"]), since)
        figures = {"relayed": True, "months": [
            {"period": f["period"], "up_to": f["up_to"], "zero_report": bool(f["zero_report"]),
             "figures": json.loads(f["figures"])} for f in sorted(item.figures, key=lambda f: f["period"])]}
        month = f"{period.year:04d}-{period.number:02d}"
        zero = any(entry["period"] == month and entry["zero_report"] for entry in figures["months"])
        listed, missing = [], []
        with open(temporary, "xb") as raw:
            with zipfile.ZipFile(raw, "w", allowZip64=True) as zf:
                for spec in TABLES:
                    rows = by_table.get(spec.name)
                    if rows:
                        counts[spec.name] = len(rows)
                        add(zf, f"{ROWS_DIR}{spec.name}.jsonl", jsonl(line(row) for row in rows))
                if item.tombstones:
                    counts["tombstones"] = len(item.tombstones)
                    add(zf, TOMBSTONES, jsonl({"table": t["table_name"], "uuid": t["uuid"], "origin": t["origin"],
                                               "row_version": t["deleted_version"], "deleted_at": t["deleted_at"]}
                                              for t in item.tombstones))
                add(zf, FIGURES, dumps(figures))
                counts["figures"] = len(figures["months"])
                # The documents are opened for a moment to be sealed again: in the township's own data folder
                # (which holds them sealed anyway), not in a shared temporary folder.
                with tempfile.TemporaryDirectory(prefix=".relay-", dir=self._root) as work:
                    for number, document in enumerate(item.documents, start=1):
                        entry = self._add_document(zf, Path(work), number, document, township, county, stamp,
                                                   held["name"])
                        if entry is None:
                            missing.append(document["path"])
                        else:
                            members[entry["member"]] = entry.pop("stored")
                            listed.append(entry)
                counts["documents"] = len(listed)
                manifest = {
                    "format": FORMAT, "format_version": FORMAT_VERSION, "kind": RELAY_KIND, "app_version": __version__,
                    "created_at": now.replace(microsecond=0).isoformat() + "Z",
                    "committee": {"id": held["id"], "name": held["name"], "township": held["township"],
                                  "village": held["village"], "signing_key": held["signing_key"],
                                  "fingerprint": held["fingerprint"], "confirmed": held["confirmed_at"] is not None},
                    "relayed_by": {"id": township.id, "name": township.name, "area": township.area,
                                   "signing_key": crypto.b64(township.signing_public),
                                   "fingerprint": fingerprint(township.signing_public)},
                    "period": {"month": month, "start": period.start.isoformat(), "end": period.end.isoformat(),
                               "label": period.label},
                    "since": since, "up_to": up_to, "zero_report": zero,
                    "figures_months": [entry["period"] for entry in figures["months"]],
                    "hub_key": {"public_key": crypto.b64(county), "fingerprint": fingerprint(county, "hub")},
                    "encryption": {"rows": crypto.ROWS_SCHEME, "ephemeral_key": crypto.b64(sealer.ephemeral_public),
                                   "documents": crypto.DOCUMENTS_SCHEME, "signature": crypto.SIGNATURE_SCHEME},
                    "tables": [spec.name for spec in TABLES],
                    "counts": counts,
                    "documents": listed,
                    "documents_missing": missing,
                    "members": members,
                    "revocations": _revocations(held, item.revocations, township, sealer),
                }
                body = dumps(manifest)
                zf.writestr(zipfile.ZipInfo(MANIFEST, date_time=stamp), body, compress_type=zipfile.ZIP_DEFLATED)
                zf.writestr(zipfile.ZipInfo(SIGNATURE, date_time=stamp), crypto.sign(township.signing_key, body))
            raw.flush()
            os.fsync(raw.fileno())
        return manifest

    def _documents_in_database(self) -> bool:
        if self._in_database is None:
            self._in_database = keeps_documents(self._db)
        return self._in_database

    def _add_document(self, zf, work: Path, number: int, document: dict, township: _Township, county: bytes,
                      stamp, committee: str) -> dict | None:
        """One document the township holds (sealed to its key) opened, checked and sealed to the county."""
        opened, sealed = work / f"{number}.open", work / f"{number}.sealed"
        member = f"{DOCUMENTS_DIR}{number:04d}.sealed"
        try:
            try:
                data = None
                if self._documents_in_database():  # PostgreSQL: the sealed bytes are rows, not files
                    with self._db.transaction() as uow:
                        data = sealed_bytes_of(uow, self._root, document["stored"])
                with sealed_file(self._root, document["stored"], data, work) as source:
                    FileSealer(township.public, township.private).open_file(source, opened, document["binding"])
            except DocumentMissing:
                return None
            except (SealBroken, OtherKey):
                raise PackageRefused("damaged", r.HELD_DAMAGED, committee=committee, detail=document["path"]) from None
            clear_hash, clear_size = _sha256(opened)
            if clear_hash != document["sha256"]:
                raise PackageRefused("damaged", r.HELD_DAMAGED, committee=committee, detail=document["path"])
            FileSealer(county).seal_file(opened, sealed, member)
        finally:
            _remove(opened)
        sealed_hash, sealed_size = _sha256(sealed)
        info = zipfile.ZipInfo(member, date_time=stamp)
        info.compress_type = zipfile.ZIP_STORED
        with open(sealed, "rb") as src, zf.open(info, "w", force_zip64=sealed_size > 0x7FFFFFFF) as dst:
            while block := src.read(1 << 20):
                dst.write(block)
        _remove(sealed)
        return {"member": member, "path": document["path"], "size": clear_size, "sha256": clear_hash,
                "stored": {"size": sealed_size, "sha256": sealed_hash}}

    # -- the final name, the marks and the audit row, together -----------------------------------------------------
    def _commit(self, temporary: Path, target: Path, written: RelayWritten, item: _Committee, manifest: dict) -> None:
        renamed = False
        try:
            with self._db.transaction() as uow:
                guard(uow, Permission.EXPORT)
                marks = _load_marks(uow.settings.get(UPWARD_SENT_SETTING))
                before = marks.get(written.committee_id) if isinstance(marks.get(written.committee_id), dict) else {}
                figures = dict(before.get("figures") or {})
                figures.update({f["period"]: f["up_to"] for f in item.figures})
                tombstones = max([int(before.get("tombstones", 0))] + [t["deleted_version"] for t in item.tombstones])
                revoked = max([int(before.get("revocations", 0))] + [row["id"] for row in item.revocations])
                marks[written.committee_id] = {
                    "package": max(int(before.get("package", 0)), item.latest_package), "up_to": written.up_to,
                    "tombstones": tombstones, "figures": figures, "revocations": revoked, "file": target.name,
                    "at": manifest["created_at"]}
                uow.settings.set(UPWARD_SENT_SETTING, dumps(marks).decode("utf-8"))
                record(uow, AuditKind.EXPORT, {
                    "what": "township_relay", "file": target.name, "committee": written.committee_id,
                    "period": written.period, "since": written.since, "up_to": written.up_to,
                    "rows": sum(n for k, n in written.counts.items() if k not in ("documents", "tombstones", "figures")),
                    "documents": written.counts.get("documents", 0), "figures": written.months,
                    "revocations": [entry["fingerprint"] for entry in manifest["revocations"]],
                    "county_key": manifest["hub_key"]["fingerprint"]})
                _remember_county_key(uow, crypto.unb64(manifest["hub_key"]["public_key"]))
                os.replace(temporary, target)
                renamed = True
                _fsync_folder(target.parent)
        except BaseException:
            if renamed:
                _remove(target)
            raise


def _remember_county_key(uow, county: bytes) -> None:
    """The key this relay was encrypted to, remembered for the next ones (one audit row when it is new)."""
    before = _remembered(uow.settings.get(COUNTY_KEY_SETTING))
    if before == county:
        return
    uow.settings.set(COUNTY_KEY_SETTING, crypto.b64(county))
    record(uow, AuditKind.SETTINGS, {"what": "county_key", "fingerprint": fingerprint(county, "hub"),
                                     "before": "" if before is None else fingerprint(before, "hub")})


def _revocations(held: dict, revocations: list[dict], township: _Township, sealer: crypto.RowSealer) -> list[dict]:
    """The manifest's entries for the committee's keys the township revoked, oldest first: the key (and its
    fingerprint), when, by which office, and the key that replaced it (the one revoked next, or the one the
    township holds now) where there is one. Who revoked it and why are free text (a clerk may name people):
    sealed to the county as the rows' personal fields are, bound to the committee and the revocation's number."""
    entries = []
    for number, row in enumerate(revocations):
        if number + 1 < len(revocations):
            successor = revocations[number + 1]
        elif held["signing_key"] != row["signing_key"]:
            successor = held
        else:
            successor = None
        entries.append({
            "number": row["id"], "committee_id": held["id"], "signing_key": row["signing_key"],
            "fingerprint": row["fingerprint"], "revoked_at": row["revoked_at"].replace(microsecond=0).isoformat() + "Z",
            "office": township.name, "township": township.area,
            "replaced_by": None if successor is None else {"signing_key": successor["signing_key"],
                                                           "fingerprint": successor["fingerprint"]},
            "personal": sealer.seal(REVOCATION_SEAL, held["id"], row["id"],
                                    {"reason": row["reason"], "revoked_by": row["revoked_by"]})})
    return entries


def _free(target: Path) -> Path:
    """``target``, or 王庄村-2026-03-经王庄镇（2）.xdx ... where a relay of that name is on the drive already: a
    relay carries only what went up since the last one (a revocation alone, say), so one written over an earlier
    relay not yet taken to the county would lose that relay's rows. The name sorts after the earlier one's, and
    the county's import takes a folder's packages in the order of their names."""
    number = 2
    found = target
    while found.exists():
        found = target.with_name(f"{target.stem}（{number}）{target.suffix}")
        number += 1
    return found


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
    except OSError:
        pass


def _fsync_folder(folder: Path) -> None:
    if sys.platform == "win32":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


__all__ = ["COUNTY_KEY_SETTING", "UPWARD_SENT_SETTING", "RelayResult", "RelayWritten", "TownshipRelay", "county_key_of",
           "read_county_key_file", "relay_name"]
