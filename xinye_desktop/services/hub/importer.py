"""The hub's import of village packages (issue 16 items 2, 3 and 6; the format: docs/exchange-package.md).

Each package is verified whole first (services/exchange.read_package: size, names, signature, hashes,
counts) and then imported in ONE transaction: every row, tombstone, figure, document row, flag and the
package's own row commit together or not at all (a hub killed mid-import holds what it held before that
package). The rules:

- the committee's Ed25519 key is registered on its first package (trust on first use: the summary gives
  its fingerprint to compare by phone); a package signed by another key is refused afterwards;
- a package signed by a key a clerk revoked (services/hub/committees.py) is refused, whichever committee it
  names; the first package of a committee whose key was revoked signed by a new key registers that key; a
  司法所's relay brings the keys the township revoked, revoked here in the same transaction (relay_import);
- a package for another township (or county) is refused, and so is one encrypted to another hub's key;
  its personal fields are all opened once, to check that they open (one that does not is tampered);
- the same package twice (its manifest's SHA-256) changes nothing at all;
- each row is kept by (committee, table, uuid): a copy with a higher row version replaces the one held,
  the same version is unchanged, a lower one never overwrites it (counted, and flagged for a person:
  an old package never imported, or a village that restored a backup);
- the village's rows are stored as sent and read-only at the hub: its reviews go to its own table; a case
  changed at the village after the hub reviewed it is flagged, never merged;
- two committees using one case number are kept apart (the key is the committee's) and flagged;
- a row the village deleted (its tombstone) is marked deleted, not removed.

Personal fields at rest: kept exactly as the package sealed them to the hub's X25519 key (the package's
ephemeral key is kept with the package; storage/hub_records.py). Not re-sealed with a hub data key: the
hub's database then never holds a personal field in clear, not even for the moment of an import; there is
one key that opens the villages' data (the hub's private key, itself sealed with the data key where the
folder has accounts) instead of two; and an import decrypts each row once, to check it, and encrypts
nothing again. The cost: a new hub key pair later (one stolen) must keep the old private key to read what
came before, or re-seal the rows then.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sys
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from ...domain.accounts import Permission
from ...domain.audit import AuditKind
from ...domain.errors import Refused
from ...domain.exchange import SUFFIX, fingerprint
from ...domain.hub import FlagKind, HubMode, ReviewDecision, county_of
from ...domain.hub_overview import derived_columns
from ...domain.times import local_time
from ...storage.clock import utcnow
from ...storage.database import Database
from ...storage.exchange_rows import SPECS, TABLES
from ...storage.hub_repositories import HubRepository
from ..access import guard
from ..exchange import crypto
from ..exchange.format import (
    BAD_FORMAT, DAMAGED, KIND, NOT_FOR_THIS_HUB, OTHER_KEY, RELAY_KIND, Limits, PackageRefused, dumps,
)
from ..exchange.reader import ExchangePackage, read_package
from . import messages as m
from . import relay_import
from .setup import HubIdentity, identity_in, private_key_in, record

IMPORTED, UNCHANGED, REFUSED = "imported", "unchanged", "refused"
DOCUMENTS_FOLDER = "hub-documents"  # under the hub's data folder: the villages' documents, sealed to its key
_EXAMPLES = 3

Progress = Callable[[int, int], None]


@dataclass
class PackageSummary:
    """What one package's import did (``lines()``: in Chinese, for the command line and the window)."""

    path: Path
    status: str
    office: str = "司法所"
    committee: str = ""
    committee_id: str = ""
    fingerprint: str = ""
    period: str = ""  # "2026-03"
    period_label: str = ""  # "2026年3月"
    zero_report: bool = False
    new_committee: bool = False
    new_key: bool = False  # the committee's key was revoked: this package registered its new one
    key_revoked_at: str = ""  # then: when the old one was revoked (local time)
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    older: int = 0
    deleted: int = 0
    documents: int = 0
    tables: dict[str, dict[str, int]] = field(default_factory=dict)
    flag_details: list[dict] = field(default_factory=list)  # the flags raised: text, template, values
    reason: str = ""
    message: str = ""  # a refusal, in Chinese; its template and values below, for another language
    message_template: str = ""
    message_params: dict = field(default_factory=dict)
    imported_at: str = ""
    # A 司法所's relay (services/hub/relay_import.py): the township, its hub's name and key, the months.
    relayed_by: str = ""
    relay_hub: str = ""
    relay_fingerprint: str = ""
    new_township: bool = False
    relayed_months: list[str] = field(default_factory=list)
    relayed_revocations: int = 0  # the township's revocations of the committee's keys the relay listed ...
    revocations_applied: list[str] = field(default_factory=list)  # ... the fingerprints of those new here

    @property
    def name(self) -> str:
        return Path(self.path).name

    @property
    def flags(self) -> list[str]:
        """The flags raised, in Chinese."""
        return [str(detail.get("text") or "") for detail in self.flag_details]

    def counts(self) -> dict[str, int]:
        return {"new": self.new, "updated": self.updated, "unchanged": self.unchanged, "older": self.older,
                "deleted": self.deleted, "documents": self.documents}

    def lines(self, say: Callable[[str, str], str] | None = None) -> list[str]:
        """The summary as sentences; ``say(context, template)`` gives each template in the interface's
        language before it is filled (the window passes Qt's translate; the command line keeps 简体中文)."""
        say = say or _as_written
        if self.status == REFUSED:
            if self.message_template:
                message = say("Refusal", self.message_template).format(**self.message_params)
            else:
                message = self.message
            return [say("Hub", m.REFUSED).format(name=self.name, message=message)]
        if self.status == UNCHANGED:
            return [say("Hub", m.ALREADY_IMPORTED).format(name=self.name, committee=self.committee,
                                                          at=self.imported_at)]
        first = say("Hub", m.IMPORTED).format(
            name=self.name, committee=self.committee, period=self.period_label or self.period,
            zero=say("Hub", m.ZERO_REPORT) if self.zero_report else "", new=self.new, updated=self.updated,
            unchanged=self.unchanged, documents=self.documents)
        if self.older:
            first += say("Hub", m.OLDER_KEPT).format(older=self.older, office=self.office)
        if self.deleted:
            first += say("Hub", m.DELETED).format(deleted=self.deleted, office=self.office)
        if self.relayed_by:
            first += relay_import.relayed_note(self, say)
        lines = [first]
        if self.new_committee:
            lines.append(say("Hub", m.NEW_COMMITTEE).format(committee=self.committee, fingerprint=self.fingerprint))
        if self.new_key:
            lines.append(say("Hub", m.NEW_KEY).format(committee=self.committee, fingerprint=self.fingerprint,
                                                      revoked_at=self.key_revoked_at))
        if self.relayed_by:
            lines += relay_import.summary_lines(self, say)
        return lines + [m.flag_text(detail, say) for detail in self.flag_details]


def _refused_summary(path: Path, refused: Refused, office: str) -> PackageSummary:
    return PackageSummary(Path(path), REFUSED, office=office, reason=getattr(refused, "reason", "refused"),
                          message=refused.text(), message_template=refused.message,
                          message_params=dict(refused.params))


def _as_written(_context: str, template: str) -> str:
    return template


def package_files(paths: Iterable[Path]) -> list[tuple[Path, PackageRefused | None]]:
    """Each path given as a package file; a folder's .xdx files, in its sub-folders too (a drive sorted by
    township), in path order (王庄村-2026-01 before -02). A path that is not there, or a folder without
    packages, comes with why it gives none."""
    found: list[tuple[Path, PackageRefused | None]] = []
    for path in map(Path, paths):
        if path.is_dir():
            inside = sorted((p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == SUFFIX),
                            key=lambda p: p.relative_to(path).parts)
            if not inside:
                found.append((path, PackageRefused("empty_folder", m.EMPTY_FOLDER, path=str(path))))
            found += [(p, None) for p in inside]
        elif path.is_file():
            found.append((path, None))
        else:
            found.append((path, PackageRefused("not_found", m.NOT_FOUND, path=str(path))))
    return found


class HubImporter:
    """Imports packages into a hub's data folder: its database (SQLite or PostgreSQL) and ``data_root``,
    where the documents are kept. Thread contract: any one thread at a time; each package is its own
    transaction, so a window may run ``import_packages`` on a worker (ui/tasks.py) with ``progress``."""

    def __init__(self, db: Database, data_root: Path, *, clock: Callable[[], dt.datetime] = utcnow,
                 limits: Limits = Limits()):
        self._db = db
        self._root = Path(data_root)
        self._clock = clock
        self._limits = limits

    def ready(self) -> HubIdentity:
        """The hub's identity, after checking that this session may import (EDIT_CASES) and can open the
        packages (its private key opens: a login where it is sealed). Refused otherwise; nothing written."""
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_CASES)
            identity = identity_in(uow)
            if identity is None:
                raise Refused(m.NOT_A_HUB)
            private_key_in(uow)
            return identity

    def import_packages(self, paths: Iterable[Path], progress: Progress | None = None) -> list[PackageSummary]:
        """Every package named (files, or folders of .xdx files), each in its own transaction, in order;
        a summary per package (a refused one says why). Refused before any is read when the session may not
        import or this folder is not a hub."""
        identity = self.ready()
        files = package_files(paths)
        summaries = []
        for number, (path, problem) in enumerate(files, start=1):
            if problem is not None:
                summaries.append(_refused_summary(path, problem, identity.office))
            else:
                summaries.append(self.import_package(path, office=identity.office))
            if progress is not None:
                progress(number, len(files))
        return summaries

    def import_package(self, path: Path, *, office: str = "司法所") -> PackageSummary:
        try:
            package = read_package(Path(path), limits=self._limits)
        except PackageRefused as refused:
            return _refused_summary(path, refused, office)
        try:
            with self._db.transaction() as uow:
                return _Import(uow, package, self._root, self._clock()).run()
        except PackageRefused as refused:
            return _refused_summary(path, refused, office)


class _Import:
    """One package into the caller's transaction."""

    def __init__(self, uow, package: ExchangePackage, root: Path, now: dt.datetime):
        self.uow = uow
        self.package = package
        self.root = root
        self.now = now
        self.repo = HubRepository(uow.session)
        self.committee = package.manifest["committee"]
        self.cid = package.committee_id
        # A 司法所's relay is signed by the township, which vouches for the village's own key inside it.
        self.relay = package.manifest.get("kind") == RELAY_KIND
        self.new_township = False
        self.replaces: dict | None = None  # the committee's revoked key this package's new key replaces
        self.relayed: list[dict] = []  # a relay's revocations (relay_import.revocations)
        try:
            self.village_key = relay_import.village_key(package) if self.relay else package.signing_key
        except (KeyError, TypeError, ValueError):
            raise self.refuse("bad_format", BAD_FORMAT, detail="committee") from None

    def refuse(self, reason: str, message: str, **params) -> PackageRefused:
        return PackageRefused(reason, message, name=self.package.path.name, **params)

    def return_key(self) -> str | None:
        """The committee's X25519 key its package names (the return package's free text is sealed to it;
        services/hub/returns.py); None for a package without one (written before it was sent)."""
        try:
            return crypto.b64(crypto.hub_public_key(str(self.committee.get("return_key") or "")))
        except Refused:
            return None

    # -- the checks -------------------------------------------------------------------------------------------
    def check(self) -> tuple[HubIdentity, dict | None]:
        uow, package = self.uow, self.package
        guard(uow, Permission.EDIT_CASES)
        identity = identity_in(uow)
        if identity is None:
            raise Refused(m.NOT_A_HUB)
        if package.manifest.get("kind") not in (KIND, RELAY_KIND):
            raise self.refuse("not_a_village_report", m.NOT_A_VILLAGE_REPORT, kind=str(package.manifest.get("kind")))
        if self.relay:
            self.new_township = relay_import.check(uow, package, identity, self.refuse)
            self.relayed = relay_import.revocations(package, self.refuse)
        name = str(self.committee.get("name") or "")
        if identity.mode is HubMode.TOWNSHIP:
            township = str(self.committee.get("township") or "")
            if not township:
                raise self.refuse("no_township", m.NO_TOWNSHIP, committee=name, area=identity.area)
            if township != identity.area:
                raise self.refuse("other_township", m.OTHER_TOWNSHIP, township=township, committee=name,
                                  office=identity.office, area=identity.area)
        else:
            county = county_of(name)
            if county and county != identity.area:
                raise self.refuse("other_county", m.OTHER_COUNTY, county=county, committee=name, area=identity.area)
        hub_key = package.manifest["hub_key"]
        if crypto.unb64(hub_key["public_key"]) != identity.public_key:
            raise self.refuse("other_hub", NOT_FOR_THIS_HUB, fingerprint=hub_key.get("fingerprint", ""))
        revoked = self.repo.revocation(crypto.b64(self.village_key))
        if revoked is not None and not (self.relay and relay_import.vouches_for_its_own_revoked_key(
                uow, self.repo, package, crypto.b64(self.village_key), self.relayed)):
            # for this committee or another (a key lost with one PC signs for no one)
            owner = self.repo.committee(revoked["committee_id"]) or {}
            raise self.refuse("revoked_key", m.REVOKED_KEY, committee=owner.get("name") or revoked["committee_id"],
                              fingerprint=revoked["fingerprint"], revoked_at=local_time(revoked["revoked_at"]),
                              office=identity.office)
        held = self.repo.committee(self.cid)
        if held is not None and crypto.unb64(held["signing_key"]) != self.village_key:
            self.replaces = self.repo.revocation(held["signing_key"], self.cid)
            if self.replaces is None and self.relay:  # the township revoked it: the relay revokes it here too
                self.replaces = relay_import.listed(self.relayed, held["signing_key"])
            if self.replaces is None:
                raise self.refuse("other_key", OTHER_KEY, fingerprint=fingerprint(self.village_key),
                                  registered=held["fingerprint"])
        return identity, held

    # -- the import ---------------------------------------------------------------------------------------------
    def run(self) -> PackageSummary:
        identity, held = self.check()
        package = self.package
        summary = PackageSummary(package.path, IMPORTED, office=identity.office, committee=self.committee.get("name", ""),
                                 committee_id=self.cid, fingerprint=fingerprint(self.village_key),
                                 period=package.manifest["period"]["month"],
                                 period_label=str(package.manifest["period"].get("label", "")),
                                 zero_report=package.zero_report)
        manifest_sha256 = hashlib.sha256(dumps(package.manifest)).hexdigest()
        seen = self.repo.package_by_manifest(manifest_sha256)
        if self.relay:
            by = package.manifest["relayed_by"]
            summary.relayed_by, summary.relay_hub = str(by.get("area", "")), str(by.get("name", ""))
            summary.relay_fingerprint, summary.new_township = package.fingerprint, self.new_township
            summary.relayed_months = [e["period"] for e in relay_import.months(package, self.refuse)]
            summary.relayed_revocations = len(self.relayed)
        if seen is not None:  # the same package again: nothing is written, not even a line saying so
            summary.status = UNCHANGED
            summary.imported_at = f"{seen['imported_at']:%Y-%m-%d %H:%M}"
            return summary
        hub_private = private_key_in(self.uow)
        package.open_personal(hub_private)  # every row's personal fields open (else refused whole)

        if held is None:
            summary.new_committee = True
            self.repo.add_committee(
                id=self.cid, name=summary.committee, township=self.committee.get("township", ""),
                village=self.committee.get("village", ""), signing_key=crypto.b64(self.village_key),
                fingerprint=fingerprint(self.village_key), registered_at=self.now, registered_by=self.uow.actor,
                return_key=self.return_key())
            held = self.repo.committee(self.cid)
        if self.relay:  # before a new key replaces the one revoked: the revocation keeps that key's return key
            summary.revocations_applied = relay_import.apply_revocations(
                self.uow, self.repo, package, self.relayed, held, hub_private, self.refuse)
            held = self.repo.committee(self.cid)
        if self.replaces is not None:  # registered as a first package's key is: to be confirmed by phone
            summary.new_key, summary.key_revoked_at = True, local_time(self.replaces["revoked_at"])
            self.repo.update_committee(self.cid, signing_key=crypto.b64(self.village_key),
                                       fingerprint=fingerprint(self.village_key), registered_at=self.now,
                                       registered_by=self.uow.actor[:30], confirmed_at=None, confirmed_by="")
        package_id = self.repo.add_package(
            committee_id=self.cid, manifest_sha256=manifest_sha256, file_name=package.path.name[:255],
            period=summary.period, since=package.since, up_to=package.up_to,
            created_at=str(package.manifest.get("created_at", ""))[:32], imported_at=self.now,
            imported_by=self.uow.actor[:30], ephemeral_key=package.manifest["encryption"]["ephemeral_key"], summary="{}")
        touched, new_numbers, case_numbers = self.rows(package_id, summary)
        self.tombstones(summary)
        flags = self.case_number_flags(new_numbers, package_id)
        flags += self.review_flags(touched, case_numbers, package_id, identity)
        if summary.older:
            flags.append(self.flag(FlagKind.OLDER_ROWS, package_id, {"count": summary.older}, m.FLAG_OLDER_ROWS,
                                   name=package.path.name, count=summary.older, office=identity.office))
        acknowledged = held["acknowledged"]
        if package.since > acknowledged:
            flags.append(self.flag(FlagKind.GAP, package_id, {"since": package.since, "acknowledged": acknowledged},
                                   m.FLAG_GAP, name=package.path.name, since=package.since,
                                   acknowledged=acknowledged, office=identity.office))
        else:
            acknowledged = max(acknowledged, package.up_to)
        self.repo.add_flags([row for row, _detail in flags])
        summary.flag_details = [detail for _row, detail in flags]
        self.figures(package_id)
        summary.documents = self.documents(package_id)
        self.repo.update_committee(self.cid, name=summary.committee, township=self.committee.get("township", ""),
                                   village=self.committee.get("village", ""), acknowledged=acknowledged,
                                   highest_up_to=max(held["highest_up_to"], package.up_to), last_package_at=self.now,
                                   return_key=self.return_key() or held.get("return_key"))
        counts = {**summary.counts(), "tables": summary.tables, "flags": len(flags)}
        if self.relay:  # it reports through its 司法所, which sends its returns: returns.HubReturns.committees
            counts["relayed_by"] = summary.relayed_by[:30]
        else:  # what the village runs (a relay's is the township's): returns.reads_roster
            counts["app_version"] = str(package.manifest.get("app_version") or "")[:20]
        self.repo.set_package_summary(package_id, dumps(counts).decode("utf-8"))
        if self.relay:
            relay_import.register(self.uow, package, self.now, self.relayed)
        record(self.uow, AuditKind.WRITE, {"what": "hub_import", "file": package.path.name, "committee": self.cid,
                                           "period": summary.period, "up_to": package.up_to, **summary.counts(),
                                           **({"new_key": summary.fingerprint} if summary.new_key else {})})
        summary.imported_at = f"{self.now:%Y-%m-%d %H:%M}"
        return summary

    def rows(self, package_id: int, summary: PackageSummary):
        """Every row, parents before children (TABLES' order). Returns the cases touched (uuid -> the highest
        version that came for them), the case numbers of the new cases, and every case number seen."""
        case_of: dict[tuple[str, str], str | None] = {}
        touched: dict[str, int] = {}
        new_numbers: list[str] = []
        case_numbers: dict[str, str] = {}
        for spec in TABLES:
            lines = self.package.rows.get(spec.name)
            if not lines:
                continue
            counts = dict.fromkeys(("new", "updated", "unchanged", "older"), 0)
            held = self.repo.held(self.cid, spec.name, [line["uuid"] for line in lines])
            self._parents(spec, lines, case_of)
            inserts, updates = [], []
            for line in lines:
                uuid, version = line["uuid"], line["row_version"]
                refs = line.get("refs") or {}
                if not isinstance(refs, dict):
                    raise self.refuse("bad_format", BAD_FORMAT, detail=f"rows/{spec.name}.jsonl")
                number = line["fields"].get("case_number") if spec.name == "cases" else None
                case_uuid = self._case_uuid(spec, uuid, refs, case_of)
                row = held.get(uuid)
                if row is not None and version <= row.row_version:
                    counts["unchanged" if version == row.row_version else "older"] += 1
                    case_of[spec.name, uuid] = row.case_uuid
                    if number:
                        case_numbers.setdefault(uuid, number)
                    continue
                case_of[spec.name, uuid] = case_uuid
                values = {"origin": line.get("origin"), "row_version": version,
                          "fields": dumps(line["fields"]).decode("utf-8"), "refs": dumps(refs).decode("utf-8"),
                          "personal": line.get("personal") if spec.personal else None, "package_id": package_id,
                          "case_uuid": case_uuid, "case_number": number, "imported_at": self.now,
                          **derived_columns(spec.name, line["fields"], refs)}
                if row is None:
                    counts["new"] += 1
                    inserts.append({"committee_id": self.cid, "table_name": spec.name, "uuid": uuid,
                                    "deleted_version": None, "deleted_at": None, **values})
                    if number:
                        new_numbers.append(number)
                else:
                    counts["updated"] += 1
                    updates.append({"row_id": row.id, **values})
                if number:
                    case_numbers[uuid] = number
                if case_uuid:
                    touched[case_uuid] = max(touched.get(case_uuid, 0), version)
            self.repo.insert_rows(inserts)
            self.repo.update_rows(updates)
            summary.tables[spec.name] = {k: v for k, v in counts.items() if v}
            for key, value in counts.items():
                setattr(summary, key, getattr(summary, key) + value)
        return touched, new_numbers, case_numbers

    def _parents(self, spec, lines: list[dict], case_of: dict) -> None:
        """The cases of the rows ``lines`` refer to that this package does not carry (held from before)."""
        wanted: dict[str, set[str]] = {}
        for column, target in spec.refs.items():
            if column == "case_id" or target == "cases":
                continue
            for line in lines:
                ref = (line.get("refs") or {}).get(column)
                if isinstance(ref, str) and (target, ref) not in case_of:
                    wanted.setdefault(target, set()).add(ref)
        for target, uuids in wanted.items():
            for uuid, row in self.repo.held(self.cid, target, uuids).items():
                case_of[target, uuid] = row.case_uuid

    @staticmethod
    def _case_uuid(spec, uuid: str, refs: dict, case_of: dict) -> str | None:
        """The case a row belongs to: its own uuid for a case; its case_id; else that of the row it hangs
        under (a consent under a choice, a visit's term under the visit)."""
        if spec.name == "cases":
            return uuid
        for column, target in spec.refs.items():
            ref = refs.get(column)
            if not isinstance(ref, str):
                continue
            if target == "cases":
                return ref
            found = case_of.get((target, ref))
            if found:
                return found
        return None

    def tombstones(self, summary: PackageSummary) -> None:
        by_table: dict[str, list[dict]] = {}
        for tomb in self.package.tombstones:
            if (tomb.get("table") not in SPECS or not isinstance(tomb.get("uuid"), str)
                    or not isinstance(tomb.get("row_version"), int)):
                raise self.refuse("bad_format", BAD_FORMAT, detail="tombstones.jsonl")
            by_table.setdefault(tomb["table"], []).append(tomb)
        marks = []
        for table, tombs in by_table.items():
            held = self.repo.held(self.cid, table, [t["uuid"] for t in tombs])
            for tomb in tombs:
                row = held.get(tomb["uuid"])
                if row is not None and row.deleted_version is None and tomb["row_version"] > row.row_version:
                    marks.append({"row_id": row.id, "deleted_version": tomb["row_version"],
                                  "deleted_at": str(tomb.get("deleted_at") or "")[:32]})
        self.repo.mark_deleted(marks)
        summary.deleted = len(marks)

    # -- flags ---------------------------------------------------------------------------------------------------
    def flag(self, kind: FlagKind, package_id: int, detail: dict, message: str, *, uuid: str | None = None,
             table_name: str | None = None, case_number: str | None = None, **params) -> tuple[dict, dict]:
        """The flag's row and its detail. The detail keeps the sentence in Chinese (``text``) and its template
        and values (``message``, ``params``), so that a window in another language says it in that language
        (messages.flag_text)."""
        params = {"case_number": case_number or "", **params}
        detail = {**detail, "text": message.format(**params), "message": message, "params": params}
        row = {"kind": kind.value, "committee_id": self.cid, "table_name": table_name, "uuid": uuid,
               "case_number": case_number, "detail": dumps(detail).decode("utf-8"),
               "package_id": package_id, "created_at": self.now, "resolved_at": None, "resolved_by": "",
               "resolution": ""}
        return row, detail

    def case_number_flags(self, numbers: list[str], package_id: int) -> list[tuple[dict, dict]]:
        """One flag per other committee that holds a case under one of the new cases' numbers."""
        by_other: dict[str, list[str]] = {}
        for other, number in self.repo.case_numbers_elsewhere(self.cid, numbers):
            by_other.setdefault(other, []).append(number)
        flags = []
        for other, clashing in sorted(by_other.items()):
            held = self.repo.committee(other)
            other_name = held["name"] if held else other
            flags.append(self.flag(
                FlagKind.CASE_NUMBER_CLASH, package_id, {"other": other, "count": len(clashing),
                                                         "case_numbers": clashing[:200]},
                m.FLAG_CASE_NUMBER, table_name="cases", case_number=clashing[0],
                committee=self.committee.get("name", ""), other=other_name, count=len(clashing),
                examples="、".join(clashing[:_EXAMPLES])))
        return flags

    def review_flags(self, touched: dict[str, int], case_numbers: dict[str, str], package_id: int,
                     identity: HubIdentity) -> list[tuple[dict, dict]]:
        """A case the hub reviewed that the village changed since (a newer row of it, or under it)."""
        if not touched:
            return []
        reviews = self.repo.latest_reviews(self.cid, touched)
        waiting = self.repo.open_flag_cases(self.cid, FlagKind.CHANGED_AFTER_REVIEW.value) if reviews else set()
        flags = []
        for case_uuid, review in sorted(reviews.items()):
            if touched[case_uuid] <= review["based_on_version"] or case_uuid in waiting:
                continue
            number = case_numbers.get(case_uuid)
            if number is None:
                held = self.repo.row(self.cid, "cases", case_uuid)
                number = (held or {}).get("case_number") or case_uuid
            flags.append(self._review_flag(case_uuid, number, review, touched[case_uuid], package_id, identity))
        return flags

    def _review_flag(self, case_uuid: str, number: str, review: dict, version: int, package_id: int,
                     identity: HubIdentity) -> tuple[dict, dict]:
        decision = ReviewDecision.from_code(review["decision"] or None)
        return self.flag(
            FlagKind.CHANGED_AFTER_REVIEW, package_id,
            {"review": review["id"], "based_on_version": review["based_on_version"], "row_version": version},
            m.FLAG_CHANGED_AFTER_REVIEW, uuid=case_uuid, table_name="cases", case_number=number,
            committee=self.committee.get("name", ""), office=identity.office,
            decision=decision.label if decision else m.GRADED)

    # -- figures and documents ----------------------------------------------------------------------------------------
    def figures(self, package_id: int) -> None:
        """The month's figures from the newest package for that month (a replayed older one keeps them)."""
        if self.relay:  # every month not relayed before, each by its own village mark
            relay_import.put_figures(self.repo, self.cid, package_id, self.package, self.refuse)
            return
        period = self.package.manifest["period"]["month"]
        held = self.repo.figures(self.cid, period)
        if held is not None and held["up_to"] >= self.package.up_to:
            return
        self.repo.put_figures(self.cid, period, package_id=package_id, up_to=self.package.up_to,
                              zero_report=1 if self.package.zero_report else 0,
                              figures=dumps(self.package.figures).decode("utf-8"))

    def documents(self, package_id: int) -> int:
        """The archived documents the hub does not hold yet, copied as sealed (to the hub's key) into
        hub-documents/<committee>/ (on PostgreSQL into the database instead: _documents_into_database) under
        the SHA-256 of their sealed bytes: each written to a temporary name
        and checked against the signed manifest's hash; then all of them fsynced (on a few threads: a year's
        two thousand PDFs one fsync after the other took over half a second), renamed, and the folder
        fsynced, before the transaction that names them commits. A file left by an import killed before its
        commit is only a sealed copy nothing names; the next import writes it again."""
        held = self.repo.documents_held(self.cid)
        members = self.package.manifest["members"]
        folder = self.root / DOCUMENTS_FOLDER / self.cid
        wanted = []
        for entry in self.package.documents:
            key = (entry["path"], entry["sha256"])
            if key not in held:  # also the same file named twice
                held.add(key)
                wanted.append(entry)
        if not wanted:
            return 0
        if self.repo.keeps_documents():
            return self._documents_into_database(wanted, members, package_id)
        folder.mkdir(parents=True, exist_ok=True)
        rows, written = [], []
        try:
            try:
                zf = zipfile.ZipFile(self.package.path)  # once: its directory would be read again at every open
            except (zipfile.BadZipFile, OSError):
                raise self.refuse("damaged", DAMAGED, detail="documents") from None
            with zf:
                for entry in wanted:
                    member = entry["member"]
                    stored_hash = members[member]["sha256"]
                    relative = f"{DOCUMENTS_FOLDER}/{self.cid}/{stored_hash}.sealed"
                    target = self.root / relative
                    partial = target.with_name(target.name + ".partial")
                    written.append((partial, target))
                    self._copy_member(zf, member, stored_hash, partial)
                    rows.append({"committee_id": self.cid, "path": entry["path"][:255], "sha256": entry["sha256"],
                                 "size": int(entry["size"]), "stored": relative, "binding": member,
                                 "package_id": package_id})
            _fsync_all([partial for partial, _target in written])
        except BaseException:  # refused, or the hub's disk (full, gone): the transaction rolls back with it
            for partial, _target in written:
                partial.unlink(missing_ok=True)
            raise
        for partial, target in written:
            os.replace(partial, target)
        _fsync_folder(folder)
        self.repo.add_documents(rows)
        return len(rows)

    def _documents_into_database(self, wanted: list[dict], members: dict, package_id: int) -> int:
        """On PostgreSQL: each document's sealed bytes checked against the signed manifest's hash and kept in
        the import's own transaction (all or nothing with the rows; nothing on this PC's disk)."""
        rows, data = [], []
        try:
            zf = zipfile.ZipFile(self.package.path)
        except (zipfile.BadZipFile, OSError):
            raise self.refuse("damaged", DAMAGED, detail="documents") from None
        with zf:
            for entry in wanted:
                member = entry["member"]
                stored_hash = members[member]["sha256"]
                try:
                    sealed = zf.read(member)
                except (zipfile.BadZipFile, zlib.error, KeyError, EOFError):
                    raise self.refuse("damaged", DAMAGED, detail=member) from None
                if hashlib.sha256(sealed).hexdigest() != stored_hash:
                    raise self.refuse("damaged", DAMAGED, detail=member)
                relative = f"{DOCUMENTS_FOLDER}/{self.cid}/{stored_hash}.sealed"
                data.append({"stored": relative, "committee_id": self.cid, "data": sealed})
                rows.append({"committee_id": self.cid, "path": entry["path"][:255], "sha256": entry["sha256"],
                             "size": int(entry["size"]), "stored": relative, "binding": member,
                             "package_id": package_id})
                if len(data) >= 50:  # a year's documents are ~100 MB: sent in batches, not held all at once
                    self.repo.add_document_data(data)
                    data = []
        self.repo.add_document_data(data)
        self.repo.add_documents(rows)
        return len(rows)

    def _copy_member(self, zf: zipfile.ZipFile, member: str, expected: str, partial: Path) -> None:
        digest = hashlib.sha256()
        try:
            with zf.open(member) as src, open(partial, "wb") as dst:
                while block := src.read(1 << 20):
                    digest.update(block)
                    dst.write(block)
        except (zipfile.BadZipFile, zlib.error, KeyError, EOFError):  # the package changed since it was verified
            raise self.refuse("damaged", DAMAGED, detail=member) from None
        if digest.hexdigest() != expected:
            raise self.refuse("damaged", DAMAGED, detail=member)


def _fsync_all(paths: list[Path]) -> None:
    """fsync every file, several at once (the file system commits them together); the first error raised."""
    from concurrent.futures import ThreadPoolExecutor

    def flush(path: Path) -> None:
        flags = os.O_RDWR | getattr(os, "O_BINARY", 0)  # Windows flushes only through a handle opened for writing
        fd = os.open(path, flags)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    if len(paths) < 4:
        for path in paths:
            flush(path)
        return
    with ThreadPoolExecutor(max_workers=8, thread_name_prefix="hub-fsync") as pool:
        for _done in pool.map(flush, paths):
            pass


def _fsync_folder(folder: Path) -> None:
    if sys.platform == "win32":  # NTFS makes a rename durable with the file; no handle on a folder there
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


__all__ = ["DOCUMENTS_FOLDER", "IMPORTED", "REFUSED", "UNCHANGED", "HubImporter", "PackageSummary", "package_files"]
