"""The hub's return package (回执包) per village committee (issue 16 item 4; the format:
docs/exchange-package.md "The return package"). The village imports it with services/exchange/
returns_import.py.

One file per committee, e.g. ``王庄村-回执-2026-12.xdr``: a zip with a manifest and the hub's Ed25519
signature, as the upward package (services/exchange/format.py, crypto.py, and reader.verify_signed_zip on
the other side), carrying:

- the acknowledgement: ``hub_committees.acknowledged``, the village's change mark up to which the hub holds
  every change, so that the village's next package starts there;
- the hub's latest review of each of the committee's cases it reviewed (以案定补 grade, approved or returned,
  the reason, who and when, the office); the reason and the reviewer are free text that may name people,
  sealed to the village's X25519 key its packages name (its backups' key pair, whose private half only a
  logged-in session there opens); a committee whose packages name none (written before this) gets the
  decisions without the reasons (``withheld``) rather than them in clear;
- the settings the 司法所 or 司法局 sets for its villages (``hub-settings``: the case-number prefix, the
  return-visit interval, the local dispute types filed under the 15 categories, domain/dispute_types.py);
- the hub's roster of role people for the committee (services/hub/roster.py: its own people, its township's and
  those for every village, retired ones too), ``roster.jsonl``: role, host kind, unit, post, retired, version and uuid
  readable, the name and the phone sealed to the village's X25519 key as the reasons are; a committee whose
  packages name no key gets none of them (counted as withheld), and a return without people has no such
  member at all;
- optionally an installer (``--installer FILE``), its SHA-256 in the signed manifest: the village keeps it
  in its data folder for a person to run, never runs it.

Each return package has the committee's next sequence number (``hub_returns``): the village refuses one
that is not newer than the last it imported. The hub signs with its own Ed25519 key: the folder's committee
signing key where the folder has accounts (storage/sealing_upgrade.py made it with the first data key),
else one made here at the first return (clear in a folder without accounts, as everything there, and
sealed by the first login after accounts are set up).

Thread contract as the upward writer's: the rows are read in one transaction, the file written outside it
to a temporary name, and renamed in the transaction that records it (``hub_returns`` and the audit row).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ... import __version__
from ...domain.accounts import Permission
from ...domain.aftercare import check_interval
from ...domain.audit import AuditKind
from ...domain.case_number import check_prefix
from ...domain.dispute_types import LocalTypesError, check_local_types, dumps_local_types, loads_local_types
from ...domain.errors import Refused
from ...domain.exchange import FORMAT, FORMAT_VERSION, committee_place, fingerprint
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...storage.clock import utcnow
from ...storage.database import Database
from ...storage.hub_repositories import HubRepository
from ...storage.sealing import (
    KEY_CHECK_SETTING, SIGNING_PRIVATE_SETTING, SIGNING_PUBLIC_SETTING, KeyRequired, is_sealed,
)
from ..access import guard
from ..exchange import crypto
from ..exchange.format import (
    DECISIONS, INSTALLER, MANIFEST, NO_FOLDER, RETURN_KIND, RETURN_SUFFIX, ROSTER, SETTINGS, SIGNATURE, PackageRefused,
    dumps, installer_name_problem, jsonl,
)
from ..exchange.writer import _fsync_folder, _open_for_writing, _remove, _sha256
from .committees import pick_committee
from .messages import NO_SUCH_COMMITTEE, NOT_A_HUB
from .roster import roster_for_return
from .setup import HubIdentity, identity_in, record

# The hub's settings for its villages (the hub's own database); each travels only when set.
VILLAGE_CASE_PREFIX_SETTING = "hub_village_case_prefix"
VILLAGE_VISIT_DAYS_SETTING = "hub_village_visit_interval_days"
# The local dispute types as JSON (domain/dispute_types.py); absent: never set, not sent; "[]": sent empty.
VILLAGE_DISPUTE_TYPES_SETTING = "hub_village_dispute_types"
# Setting at the village -> the hub's setting it comes from.
VILLAGE_SETTINGS = {"case_prefix": VILLAGE_CASE_PREFIX_SETTING, "visit_interval_days": VILLAGE_VISIT_DAYS_SETTING,
                    "dispute_types": VILLAGE_DISPUTE_TYPES_SETTING}

DECISIONS_TABLE = "return_decisions"  # the associated data of a sealed decision: this name, the case, the review
ROSTER_TABLE = "return_roster"  # the associated data of a roster person's name and phone: this name, uuid, version

WRITE_FAILED = QT_TRANSLATE_NOOP(
    "Hub", "回执包没有写完（{detail}）。没有留下不完整的回执包；请检查U盘（是否插好、是否已满）后重新生成。")
NO_INSTALLER = QT_TRANSLATE_NOOP("Hub", "找不到安装程序 {path}：回执包没有生成。")
BAD_INSTALLER_NAME = QT_TRANSLATE_NOOP(
    "Hub", "安装程序的文件名“{name}”不能用（太长，或含有 \\ / : * ? \" < > | 等字符）：请改名后再生成回执包。")
NO_COMMITTEES = QT_TRANSLATE_NOOP("Hub", "还没有收到过任何调委会的报送包：没有可以生成回执包的村。")
ONLY_RELAYED = QT_TRANSLATE_NOOP(
    "Hub", "这里登记的 {n} 个调委会都是经司法所转报的：它们的回执包由各自的司法所生成、发回（村里只认那个司法所的签名），"
           "这里不用生成。")
RELAYED_RETURN = QT_TRANSLATE_NOOP(
    "Hub", "{committee}经{township}司法所转报：它的回执包由{township}司法所生成、发回（村里只认那个司法所的签名），"
           "这里生成的会被村里拒收。")
NOTHING_SET = QT_TRANSLATE_NOOP("Hub", "没有给出要设置的项目（案号前缀、回访间隔或纠纷类型细目）：什么都没有改动。")


@dataclass(frozen=True)
class WrittenReturn:
    path: Path
    committee_id: str
    committee: str
    sequence: int
    acknowledged: int
    decisions: int
    withheld: int  # decisions whose reason was not sent (no key of the village's to seal it to)
    settings: dict = field(default_factory=dict)
    installer: str | None = None
    fingerprint: str = ""  # the hub's signing key, to read over the phone
    size: int = 0
    roster: int = 0  # roster people carried
    roster_withheld: int = 0  # roster people not sent (no key of the village's to seal their names to)
    roster_waiting: int = 0  # roster people kept back: the village's app cannot read a roster yet


@dataclass
class _Snapshot:
    identity: HubIdentity
    committee: dict
    signing_key: object
    sequence: int
    decisions: list[dict]
    settings: dict
    roster: list[dict] = field(default_factory=list)
    roster_waiting: int = 0


# The first version whose village reads a return's roster member: an older one refuses a member it does not
# know, and the return with it (its installer too). Its roster waits until a package shows the village on one.
ROSTER_READ_SINCE = (0, 9, 0)


def reads_roster(app_version: str | None) -> bool:
    """Whether a village on ``app_version`` (its newest package's; None or "" when not known) reads a roster."""
    try:
        return tuple(int(part) for part in str(app_version or "").split(".")[:3]) >= ROSTER_READ_SINCE
    except ValueError:
        return False


def return_name(committee_name: str, day: dt.date) -> str:
    """王庄村-回执-2026-12.xdr (the committee's name where it names no village)."""
    from ...domain.exchange import _UNSAFE

    _township, village = committee_place(committee_name)
    stem = _UNSAFE.sub("", village or committee_name or "").strip(" .") or "调委会"
    return f"{stem}-回执-{day.year:04d}-{day.month:02d}{RETURN_SUFFIX}"


def signing_key_in(uow):
    """The hub's Ed25519 private key: the folder's signing key (opened with the session's data key where it
    is sealed; KeyRequired without a login), made now where the folder has none (an audit row says so)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    stored = uow.settings.get(SIGNING_PRIVATE_SETTING)
    if stored and is_sealed(stored):
        if uow.sealer is None:
            raise KeyRequired()
        return uow.sealer.signing_key(stored)
    if stored:
        key = Ed25519PrivateKey.from_private_bytes(crypto.unb64(stored))
        if uow.sealer is not None and uow.settings.get(KEY_CHECK_SETTING):  # accounts came after: seal it now
            uow.settings.set(SIGNING_PRIVATE_SETTING, uow.sealer.seal(SIGNING_PRIVATE_SETTING, stored))
        return key
    key = Ed25519PrivateKey.generate()
    public = key.public_key().public_bytes_raw()
    private = crypto.b64(key.private_bytes_raw())
    if uow.sealer is not None:
        private = uow.sealer.seal(SIGNING_PRIVATE_SETTING, private)
    uow.settings.set(SIGNING_PUBLIC_SETTING, crypto.b64(public))
    uow.settings.set(SIGNING_PRIVATE_SETTING, private)
    record(uow, AuditKind.SETTINGS, {"what": "hub_signing_key", "fingerprint": fingerprint(public)})
    return key


def _iso(value) -> str:
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat() + "Z"
    return str(value or "")


class HubReturns:
    """Writing the return packages, and the settings they carry."""

    def __init__(self, db: Database, *, clock: Callable[[], dt.datetime] = utcnow):
        self._db = db
        self._clock = clock

    # -- the settings the hub sets for its villages -------------------------------------------------------------
    def village_settings(self) -> dict:
        """The settings the next return packages carry: {"case_prefix": "新", "visit_interval_days": 30,
        "dispute_types": [{"name": "继承纠纷", "category": "marriage_family"}]}, only those set."""
        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            return _village_settings(uow)

    @staticmethod
    def check_village_settings(*, case_prefix: str | None = None, visit_interval_days: int | str | None = None,
                               dispute_types: list | None = None) -> dict[str, str]:
        """The settings as they would be stored (setting key -> text), or Refused with the village
        settings' own message; nothing read or written. ``dispute_types``: (name, category) pairs, the
        category a DisputeType, its code or its label; [] sends an empty list (the villages drop theirs)."""
        values: dict[str, str] = {}
        if case_prefix is not None:
            prefix = case_prefix.strip()
            problem = check_prefix(prefix) if prefix else None
            if problem:
                raise Refused(problem)
            values[VILLAGE_CASE_PREFIX_SETTING] = prefix
        if visit_interval_days is not None:
            text = str(visit_interval_days).strip()
            if text:
                days, problem = check_interval(text)
                if problem is not None:
                    raise Refused(problem.message, **problem.params)
                text = str(days)
            values[VILLAGE_VISIT_DAYS_SETTING] = text
        if dispute_types is not None:
            try:
                values[VILLAGE_DISPUTE_TYPES_SETTING] = dumps_local_types(check_local_types(list(dispute_types)))
            except LocalTypesError as err:
                raise Refused(err.message, **err.params) from None
        return values

    def set_village_settings(self, *, case_prefix: str | None = None, visit_interval_days: int | str | None = None,
                             dispute_types: list | None = None) -> dict:
        """Set what the return packages tell the villages (None: left as it is; "" clears it, so that
        the villages keep their own); the settings now. Needs EDIT_SETTINGS; bad values refused with the
        same messages the village's own settings give, nothing changed."""
        if case_prefix is None and visit_interval_days is None and dispute_types is None:
            raise Refused(NOTHING_SET)
        values = self.check_village_settings(case_prefix=case_prefix, visit_interval_days=visit_interval_days,
                                             dispute_types=dispute_types)
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_SETTINGS)
            if identity_in(uow) is None:
                raise Refused(NOT_A_HUB)
            changed = {}
            for key, value in values.items():
                before = uow.settings.get(key, "")
                if before != value:
                    changed[key] = [before, value]
                    uow.settings.set(key, value)
            record(uow, AuditKind.SETTINGS, {"what": "hub_village_settings", **(changed or {"unchanged": True})})
            return _village_settings(uow)

    def signing_fingerprint(self) -> str | None:
        with self._db.transaction() as uow:
            public = uow.settings.get(SIGNING_PUBLIC_SETTING)
        return fingerprint(crypto.unb64(public)) if public else None

    # -- which committees ----------------------------------------------------------------------------------------
    def committees(self, which: str | None = None) -> list[dict]:
        """The committees a return is for: all the hub has registered that report to it themselves, or the
        one ``which`` names (its id, its full name or its village, 王庄村). A committee whose newest package
        came in a 司法所's relay gets its returns from that 司法所 (its key is the one the village trusts: a
        return from here would be refused there), so it is left out (``relayed``), and refused by name.
        Refused when none matches or a village's name is ambiguous."""
        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            if identity_in(uow) is None:
                raise Refused(NOT_A_HUB)
            repo = HubRepository(uow.session)
            every, relayed = repo.committees(), repo.relayed_committees()
        if which is None:
            if not every:
                raise Refused(NO_COMMITTEES)
            direct = [c for c in every if c["id"] not in relayed]
            if not direct:
                raise Refused(ONLY_RELAYED, n=len(every))
            return direct
        picked = pick_committee(every, which)
        if picked["id"] in relayed:
            raise Refused(RELAYED_RETURN, committee=picked["name"], township=relayed[picked["id"]])
        return [picked]

    def relayed(self) -> list[tuple[str, str]]:
        """(committee name, township) of each committee left out of the returns because it reports through
        its 司法所 (committees)."""
        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            repo = HubRepository(uow.session)
            relayed = repo.relayed_committees()
            return [(c["name"], relayed[c["id"]]) for c in repo.committees() if c["id"] in relayed]

    # -- writing -------------------------------------------------------------------------------------------------
    def write_returns(self, to: Path, committee: str | None = None, *, installer: Path | None = None,
                      progress: Callable[[int, int], None] | None = None) -> list[WrittenReturn]:
        """A return package for each committee (or the one ``committee`` names) into the folder ``to``."""
        chosen = self.committees(committee)
        written = []
        for number, held in enumerate(chosen, start=1):
            written.append(self.write_return(to, held["id"], installer=installer))
            if progress is not None:
                progress(number, len(chosen))
        return written

    def write_return(self, to: Path, committee_id: str, *, installer: Path | None = None) -> WrittenReturn:
        """The committee's return package, written to ``to`` (a folder: 王庄村-回执-2026-12.xdx in it; or a
        file). Needs EXPORT (and a login where the hub's signing key is sealed). PackageRefused or Refused
        with nothing written."""
        to = Path(to)
        now = self._clock()
        if installer is not None:
            installer = Path(installer)
            if not installer.is_file():
                raise Refused(NO_INSTALLER, path=str(installer))
            if installer_name_problem(installer.name):
                raise Refused(BAD_INSTALLER_NAME, name=installer.name)
        snap = self._read(committee_id)
        target = to / return_name(snap.committee["name"], now.date()) if to.is_dir() else to
        if not target.parent.is_dir():
            raise PackageRefused("folder", NO_FOLDER, folder=str(target.parent))
        temporary = target.parent / f".{target.name}.{secrets.token_hex(4)}.partial"
        try:
            manifest, body = self._write(temporary, snap, installer, now)
            written = WrittenReturn(
                target, committee_id, snap.committee["name"], snap.sequence, manifest["acknowledged"],
                manifest["counts"]["decisions"], manifest["counts"]["withheld"], snap.settings,
                installer.name if installer is not None else None, manifest["hub"]["fingerprint"],
                temporary.stat().st_size, manifest["counts"]["roster"], manifest["counts"]["roster_withheld"],
                snap.roster_waiting)
            self._commit(temporary, target, written, hashlib.sha256(body).hexdigest())
        except OSError as err:
            _remove(temporary)
            raise PackageRefused("write", WRITE_FAILED, detail=err.strerror or str(err)) from err
        except BaseException:
            _remove(temporary)
            raise
        return written

    def _read(self, committee_id: str) -> _Snapshot:
        with self._db.transaction() as uow:
            guard(uow, Permission.EXPORT)
            identity = identity_in(uow)
            if identity is None:
                raise Refused(NOT_A_HUB)
            repo = HubRepository(uow.session)
            committee = repo.committee(committee_id)
            if committee is None:
                raise Refused(NO_SUCH_COMMITTEE)
            signing_key = signing_key_in(uow)
            last = repo.last_return(committee_id)
            reviews = repo.latest_reviews(committee_id, repo.reviewed_cases(committee_id))
            numbers = repo.case_numbers(committee_id, reviews)
            decisions = [{**review, "case_number": numbers.get(uuid, "")} for uuid, review in sorted(reviews.items())]
            roster, waiting = roster_for_return(uow, committee_id), 0
            if roster and not reads_roster(repo.village_app_version(committee_id)):
                roster, waiting = [], len(roster)
            return _Snapshot(identity, committee, signing_key, (last["sequence"] if last else 0) + 1, decisions,
                             _village_settings(uow), roster, waiting)

    def _write(self, temporary: Path, snap: _Snapshot, installer: Path | None, now: dt.datetime) -> tuple[dict, bytes]:
        committee = snap.committee
        village_key = None
        if committee.get("return_key"):
            try:
                village_key = crypto.hub_public_key(committee["return_key"])
            except Refused:
                village_key = None
        sealer = crypto.RowSealer(village_key, info=crypto.RETURN_INFO) if village_key else None
        lines, withheld = [], 0
        for review in snap.decisions:
            line = {"case_uuid": review["case_uuid"], "case_number": review["case_number"],
                    "grade": review["grade"], "decision": review["decision"],
                    "reviewed_at": _iso(review["reviewed_at"]), "review_id": review["id"],
                    "based_on_version": review["based_on_version"]}
            if sealer is not None:
                line["personal"] = sealer.seal(DECISIONS_TABLE, review["case_uuid"], review["id"],
                                               {"reason": review["reason"], "reviewed_by": review["reviewed_by"]})
            else:
                line["withheld"] = True
                withheld += 1
            lines.append(line)
        roster, roster_withheld = _roster_lines(snap.roster, sealer)
        members: dict[str, dict] = {}
        stamp = now.timetuple()[:6]
        signing_public = snap.signing_key.public_key().public_bytes_raw()
        identity = snap.identity

        def add(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
            members[name] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}

        with _open_for_writing(temporary) as raw:
            with zipfile.ZipFile(raw, "w", allowZip64=True) as zf:
                add(zf, DECISIONS, jsonl(lines))
                add(zf, SETTINGS, dumps(snap.settings))
                if roster:
                    add(zf, ROSTER, jsonl(roster))
                installer_entry = None
                if installer is not None:
                    digest, size = _sha256(installer)
                    info = zipfile.ZipInfo(INSTALLER, date_time=stamp)
                    info.compress_type = zipfile.ZIP_STORED  # an installer is compressed already
                    with open(installer, "rb") as src, zf.open(info, "w", force_zip64=size > 0x7FFFFFFF) as dst:
                        while block := src.read(1 << 20):
                            dst.write(block)
                    members[INSTALLER] = {"size": size, "sha256": digest}
                    installer_entry = {"member": INSTALLER, "name": installer.name, "size": size, "sha256": digest}
                manifest = {
                    "format": FORMAT, "format_version": FORMAT_VERSION, "kind": RETURN_KIND,
                    "app_version": __version__, "created_at": _iso(now),
                    "hub": {"name": identity.name, "office": identity.mode.value, "area": identity.area,
                            "signing_key": crypto.b64(signing_public), "fingerprint": fingerprint(signing_public),
                            "hub_key": {"public_key": crypto.b64(identity.public_key),
                                        "fingerprint": identity.fingerprint}},
                    "committee": {"id": committee["id"], "name": committee["name"],
                                  "fingerprint": committee["fingerprint"]},
                    "sequence": snap.sequence,
                    "acknowledged": int(committee["acknowledged"] or 0),
                    "encryption": ({"free_text": crypto.ROWS_SCHEME, "ephemeral_key": crypto.b64(sealer.ephemeral_public),
                                    "village_key": crypto.b64(village_key), "signature": crypto.SIGNATURE_SCHEME}
                                   if sealer is not None else
                                   {"free_text": None, "signature": crypto.SIGNATURE_SCHEME}),
                    "counts": {"decisions": len(lines), "withheld": withheld, "roster": len(roster),
                               "roster_withheld": roster_withheld},
                    "settings": sorted(snap.settings),
                    "installer": installer_entry,
                    "members": members,
                }
                body = dumps(manifest)
                zf.writestr(zipfile.ZipInfo(MANIFEST, date_time=stamp), body, compress_type=zipfile.ZIP_DEFLATED)
                zf.writestr(zipfile.ZipInfo(SIGNATURE, date_time=stamp),
                            crypto.sign(snap.signing_key, body, crypto.RETURN_SIGNED_LABEL))
            raw.flush()
            os.fsync(raw.fileno())
        return manifest, body

    def _commit(self, temporary: Path, target: Path, written: WrittenReturn, manifest_sha256: str) -> None:
        renamed = False
        try:
            with self._db.transaction() as uow:
                guard(uow, Permission.EXPORT)
                HubRepository(uow.session).add_return(
                    committee_id=written.committee_id, sequence=written.sequence, file_name=target.name[:255],
                    manifest_sha256=manifest_sha256, acknowledged=written.acknowledged,
                    decisions=written.decisions, written_at=self._clock(), written_by=uow.actor[:30])
                record(uow, AuditKind.EXPORT, {
                    "what": "hub_return", "file": target.name, "committee": written.committee_id,
                    "sequence": written.sequence, "acknowledged": written.acknowledged,
                    "decisions": written.decisions, "withheld": written.withheld, "roster": written.roster,
                    "roster_withheld": written.roster_withheld,
                    "settings": sorted(written.settings), "installer": written.installer or ""})
                os.replace(temporary, target)
                renamed = True
                _fsync_folder(target.parent)
        except BaseException:
            if renamed:
                _remove(target)
            raise


def _roster_lines(people: list[dict], sealer) -> tuple[list[dict], int]:
    """The roster's lines of a return (``roster.jsonl``) and how many were withheld: without a key of the
    village's to seal the names and phones to, none is sent."""
    if sealer is None:
        return [], len(people)
    lines = []
    for person in people:
        lines.append({"uuid": person["uuid"], "role": person["role"], "host_kind": person["host_kind"],
                      "unit": person["unit"], "post": person["post"], "retired": bool(person["retired"]),
                      "version": person["version"],
                      "personal": sealer.seal(ROSTER_TABLE, person["uuid"], person["version"],
                                              {"name": person["name"], "phone": person["phone"]})})
    return lines, 0


def _village_settings(uow) -> dict:
    found = {}
    prefix = uow.settings.get(VILLAGE_CASE_PREFIX_SETTING, "")
    if prefix:
        found["case_prefix"] = prefix
    days = uow.settings.get(VILLAGE_VISIT_DAYS_SETTING, "")
    if days:
        found["visit_interval_days"] = int(days)
    types = uow.settings.get(VILLAGE_DISPUTE_TYPES_SETTING, None)
    if types is not None:
        found["dispute_types"] = [t.as_json() for t in loads_local_types(types)]
    return found


__all__ = ["HubReturns", "WrittenReturn", "VILLAGE_SETTINGS", "return_name", "signing_key_in"]
