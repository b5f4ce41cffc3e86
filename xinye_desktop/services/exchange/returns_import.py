"""The village imports its 司法所's return package (回执包, issue 16 item 4; written by services/hub/returns.py;
the format: docs/exchange-package.md "The return package").

Checked whole before anything is written, with the upward package's own checks
(reader.verify_signed_zip: size, zip directory, member names against the format's few shapes, so no
zip-slip; the signature; every member's SHA-256 against the signed manifest), then:

- the hub's Ed25519 key: pinned on the first return package imported (trust on first use: its fingerprint
  is printed to compare by phone); a later one signed by another key is refused;
- the hub's X25519 key the manifest names must be the one this village already encrypts its packages to
  (``exchange_hub_public_key``) where it has one; where it has none, it is taken from here;
- it must be for this committee (its id), and newer than the last return imported (the hub numbers them);
  the same file again changes nothing at all;
- the decisions' free text (the reason, the reviewer) opens with the village's X25519 key (the backups'
  pair: a login opens its private half) or the package is refused whole.

Then ONE transaction: the acknowledged mark (the next export-package starts there: writer.py reads
``exchange_acknowledged_mark``; it never goes down, nor above this PC's own counter), the decisions
(``return_decisions``, one per case, the free text sealed again with the data key), the settings the
hub set (case-number prefix, return-visit interval, the local dispute types: ``dispute_types``), the hub's
roster of role people (``roster.jsonl``: into ``role_people`` by uuid, its name and phone opened with the
village's X25519 key, the phone sealed again with the data key as the role lists keep it; taken only when its
version is newer than the one this village last took, ``exchange_roster_versions``; retired where the hub
retired it; never deleted), the hub's keys where they were not known yet, the return's number, and one audit
row. An installer the package brings is written to ``installers/`` in the data folder (renamed to its name in that transaction), for a person to run: nothing here runs it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ...domain.accounts import Permission
from ...domain.aftercare import DEFAULT_VISIT_INTERVAL_DAYS, check_interval
from ...domain.audit import AuditKind
from ...domain.case_number import DEFAULT_PREFIX, check_prefix
from ...domain.dispute_types import LocalTypesError, dumps_local_types, loads_local_types
from ...domain.exchange import fingerprint
from ...domain.hub import ReviewDecision, ReviewGrade
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.roles import HostKind, PersonInput, Role, check_person, roster_twins
from ...storage.clock import utcnow
from ...storage.database import Database
from ...storage.return_repositories import ReturnDecisionRepository
from ...storage.row_versions import COMMITTEE_ID_SETTING
from ...storage.sealing import BACKUP_PRIVATE_SETTING, BACKUP_PUBLIC_SETTING, SealBroken
from .. import audit
from ..settings import LOCAL_DISPUTE_TYPES_KEY
from ..access import guard
from . import crypto
from .format import (
    ACKNOWLEDGED_SETTING, DECISIONS, HUB_KEY_SETTING, HUB_SIGNING_SETTING, INSTALLER, INSTALLERS_FOLDER, R_BAD_FORMAT,
    R_BAD_SETTING, R_BAD_SIGNATURE, R_DAMAGED, R_INSTALLER_FAILED, R_MEMBER_TOO_BIG, R_NEEDS_LOGIN, R_NEWER_FORMAT,
    R_NOT_A_PACKAGE, R_NOT_A_RETURN, R_NOT_FOR_THIS_KEY, R_OLDER, R_OTHER_COMMITTEE, R_OTHER_HUB_KEY, R_OTHER_KEY,
    R_TAMPERED, R_TOO_BIG, R_UNSAFE_NAME, RETURN_KIND, RETURN_LAST_SETTING, RETURN_MEMBER_NAME, ROSTER,
    ROSTER_VERSIONS_SETTING, SETTINGS, Limits, PackageRefused, dumps, installer_name_problem,
)
from .reader import Shape, Wording, verify_signed_zip

RETURN_SHAPE = Shape(
    member_name=RETURN_MEMBER_NAME, signing_key_of=lambda manifest: manifest["hub"]["signing_key"],
    label=crypto.RETURN_SIGNED_LABEL, streamed=("installer/",),
    words=Wording(R_TOO_BIG, R_MEMBER_TOO_BIG, R_NOT_A_PACKAGE, R_DAMAGED, R_UNSAFE_NAME, R_TAMPERED, R_BAD_SIGNATURE,
                  R_OTHER_KEY, R_NEWER_FORMAT, R_BAD_FORMAT))

IMPORTED, UNCHANGED = "imported", "unchanged"
DECISIONS_TABLE = "return_decisions"  # services/hub/returns.py seals each decision's free text under this name
ROSTER_TABLE = "return_roster"  # and each roster person's name and phone under this one
_SEALED = {"reason": "return.reason", "reviewed_by": "return.reviewed_by"}  # the data key's field names


@dataclass
class ReturnPackage:
    """A verified return package (its decisions' free text still sealed to the village)."""

    path: Path
    manifest: dict
    signing_key: bytes
    manifest_sha256: str
    decisions: list[dict]
    settings: dict
    roster: list[dict] = field(default_factory=list)  # the hub's roster people, their name and phone sealed

    @property
    def sequence(self) -> int:
        return self.manifest["sequence"]

    @property
    def acknowledged(self) -> int:
        return self.manifest["acknowledged"]

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_key)

    @property
    def office(self) -> str:
        return str(self.manifest["hub"].get("name") or "")


@dataclass(frozen=True)
class ImportedReturn:
    path: Path
    status: str  # IMPORTED or UNCHANGED
    office: str
    sequence: int
    acknowledged: int  # the mark the next package starts after
    fingerprint: str  # the hub's signing key
    first_time: bool = False  # the hub's key pinned now: compare its fingerprint by phone
    decisions: dict[str, int] = field(default_factory=dict)  # new, updated, unchanged
    withheld: int = 0
    settings: dict = field(default_factory=dict)  # setting -> [before, after], those changed
    installer: Path | None = None
    at: str = ""  # when it was first imported (UNCHANGED)
    roster: dict[str, int] = field(default_factory=dict)  # the hub's roster people: new, updated, retired, unchanged

    def lines(self, say: Callable[[str, str], str] | None = None) -> list[str]:
        """What the import did, as sentences (import-return prints them, the window's dialog shows them);
        ``say(context, template)`` gives each template in the interface's language before it is filled."""
        say = say or (lambda _context, template: template)
        name = Path(self.path).name
        if self.status == UNCHANGED:
            return [say("ReturnImport", SAID_UNCHANGED).format(name=name, at=self.at)]
        counts = self.decisions
        lines = [say("ReturnImport", SAID_IMPORTED).format(
            office=self.office, sequence=self.sequence, mark=self.acknowledged, new=counts.get("new", 0),
            updated=counts.get("updated", 0), unchanged=counts.get("unchanged", 0))]
        if self.withheld:
            lines.append(say("ReturnImport", SAID_WITHHELD).format(n=self.withheld))
        for key, (before, after) in self.settings.items():
            setting = say("ReturnImport", SETTING_NAMES[key]) if key in SETTING_NAMES else key
            lines.append(say("ReturnImport", SAID_SETTING).format(
                office=self.office, setting=setting, before=before or say("ReturnImport", SAID_EMPTY), after=after))
        roster = self.roster
        if roster.get("new") or roster.get("updated") or roster.get("retired"):
            lines.append(say("ReturnImport", SAID_ROSTER).format(
                office=self.office, new=roster.get("new", 0), updated=roster.get("updated", 0),
                retired=roster.get("retired", 0)))
        if roster.get("twins"):
            lines.append(say("ReturnImport", SAID_ROSTER_TWINS).format(n=roster["twins"]))
        if self.installer is not None:
            lines.append(say("ReturnImport", SAID_INSTALLER).format(path=str(self.installer)))
        if self.first_time:
            lines.append(say("ReturnImport", SAID_FIRST_TIME).format(office=self.office, fingerprint=self.fingerprint))
        return lines


# What an import says (ImportedReturn.lines); context "ReturnImport", the window's dialog's.
SAID_UNCHANGED = QT_TRANSLATE_NOOP("ReturnImport", "{name}：这个回执包已经导入过（{at}），没有任何改动。")
SAID_IMPORTED = QT_TRANSLATE_NOOP(
    "ReturnImport", "{office}第 {sequence} 号回执包已导入：司法所已收到第 {mark} 号变更为止的记录，下次报送包只带"
                    "之后的变化。审查意见新增 {new} 件、更新 {updated} 件、没有变化 {unchanged} 件"
                    "（在案件受理页打开案件可以看到）。")
SAID_WITHHELD = QT_TRANSLATE_NOOP(
    "ReturnImport", "其中 {n} 件没有附理由（司法所当时还没有本调委会的加密公钥）：请向司法所询问。")
SAID_SETTING = QT_TRANSLATE_NOOP("ReturnImport", "设置已按{office}的要求修改：{setting} {before} → {after}。")
SAID_EMPTY = QT_TRANSLATE_NOOP("ReturnImport", "（空）")
SAID_ROSTER = QT_TRANSLATE_NOOP(
    "ReturnImport", "{office}下发的人员名单（联村干警、职能部门见证人）已并入本调委会的名单：新增 {new} 人、更新 {updated} 人、"
                    "停用 {retired} 人（在 选择明白人 → 主持人·见证人·记录人名单 里可以看到）。")
SAID_ROSTER_TWINS = QT_TRANSLATE_NOOP(
    "ReturnImport", "本调委会自己录入的人中有 {n} 人与司法所名单中的人同名、同角色，可能是同一个人：请在那份名单里核对"
                    "（状态一栏写着“可能重复”），是同一个人的，停用本村录入的那一条（已参与的案件记录不变）。")
SAID_INSTALLER = QT_TRANSLATE_NOOP(
    "ReturnImport", "新版本安装程序已保存到 {path}：没有自动运行，请核对后由管理员手动安装。")
SAID_FIRST_TIME = QT_TRANSLATE_NOOP(
    "ReturnImport", "第一次导入{office}的回执包：已记下它的签名密钥，指纹 {fingerprint}。请打电话与"
                    "{office}核对这个指纹；以后用别的密钥签的回执包都不会导入。")
SETTING_NAMES = {"case_prefix": QT_TRANSLATE_NOOP("ReturnImport", "案号前缀"),
                 "visit_interval_days": QT_TRANSLATE_NOOP("ReturnImport", "回访间隔（天）"),
                 "dispute_types": QT_TRANSLATE_NOOP("ReturnImport", "纠纷类型细目")}
DISPUTE_TYPES_SETTING = LOCAL_DISPUTE_TYPES_KEY  # the village's setting they are kept in (JSON)


@dataclass(frozen=True)
class HubDecision:
    """The hub's review of one of this committee's cases, as its return package brought it."""

    case_uuid: str
    case_number: str
    grade: ReviewGrade | None
    decision: ReviewDecision | None
    reason: str
    reason_withheld: bool
    reviewed_by: str
    reviewed_at: dt.datetime
    office: str


def _refuse(path: Path, reason: str, message: str, **params) -> PackageRefused:
    return PackageRefused(reason, message, name=Path(path).name, **params)


def _int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def read_return(path: Path, *, trusted_key: bytes | str | None = None, limits: Limits = Limits()) -> ReturnPackage:
    """The verified return package at ``path``; PackageRefused for anything that does not hold. Writes nothing."""
    path = Path(path)
    manifest, signing_key, contents = verify_signed_zip(path, RETURN_SHAPE, trusted_key=trusted_key, limits=limits)
    if manifest.get("kind") != RETURN_KIND:
        raise _refuse(path, "not_a_return", R_NOT_A_RETURN, kind=str(manifest.get("kind")))

    def bad(detail: str) -> PackageRefused:
        return _refuse(path, "bad_format", R_BAD_FORMAT, detail=detail)

    try:
        if not (_int(manifest["sequence"]) and manifest["sequence"] >= 1 and _int(manifest["acknowledged"])):
            raise bad("sequence")
        committee, hub = manifest["committee"], manifest["hub"]
        if not isinstance(committee.get("id"), str) or not isinstance(hub.get("hub_key", {}).get("public_key"), str):
            raise bad("committee")
        crypto.hub_public_key(hub["hub_key"]["public_key"])
        lines = [json.loads(line) for line in contents.get(DECISIONS, b"").decode("utf-8").splitlines() if line]
        settings = json.loads(contents[SETTINGS].decode("utf-8"))
        for line in lines:
            if not (isinstance(line, dict) and isinstance(line.get("case_uuid"), str) and _int(line.get("review_id"))
                    and isinstance(line.get("personal", ""), str) and isinstance(line.get("case_number", ""), str)):
                raise bad(DECISIONS)
            if (line.get("grade") or "") and _enum(ReviewGrade, line["grade"]) is None:
                raise bad(DECISIONS)
            if (line.get("decision") or "") and _enum(ReviewDecision, line["decision"]) is None:
                raise bad(DECISIONS)
            dt.datetime.fromisoformat(str(line.get("reviewed_at", "")).removesuffix("Z"))
        if manifest["counts"]["decisions"] != len(lines):
            raise _refuse(path, "tampered", R_TAMPERED, detail=DECISIONS)
        if not isinstance(settings, dict):
            raise bad(SETTINGS)
        roster = [json.loads(line) for line in contents.get(ROSTER, b"").decode("utf-8").splitlines() if line]
        if not all(_roster_line(line) for line in roster):
            raise bad(ROSTER)
        if manifest["counts"].get("roster", 0) != len(roster):
            raise _refuse(path, "tampered", R_TAMPERED, detail=ROSTER)
        installer = manifest.get("installer")
        if installer is not None:
            if (not isinstance(installer, dict) or installer.get("member") != INSTALLER
                    or INSTALLER not in manifest["members"] or not isinstance(installer.get("name"), str)
                    or installer_name_problem(installer["name"])
                    or installer.get("sha256") != manifest["members"][INSTALLER]["sha256"]):
                raise bad("installer")
        elif INSTALLER in manifest["members"]:
            raise bad("installer")
    except PackageRefused:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, UnicodeDecodeError):
        raise bad(MANIFEST_DETAIL) from None
    sha = hashlib.sha256(dumps(manifest)).hexdigest()
    return ReturnPackage(path, manifest, signing_key, sha, lines, settings, roster)


MANIFEST_DETAIL = "manifest.json"


def _roster_line(line) -> bool:
    """A roster line of the shape services/hub/returns.py writes (its person is checked when opened)."""
    return (isinstance(line, dict) and isinstance(line.get("uuid"), str) and 0 < len(line["uuid"]) <= 36
            and _enum(Role, line.get("role")) is not None
            and (line.get("host_kind") is None or (isinstance(line["host_kind"], str)
                                                   and _enum(HostKind, line["host_kind"]) is not None))
            and isinstance(line.get("unit"), str) and isinstance(line.get("post"), str)
            and isinstance(line.get("retired"), bool) and _int(line.get("version")) and line["version"] >= 1
            and isinstance(line.get("personal"), str) and bool(line["personal"]))


def _enum(kind, code: str):
    try:
        return kind(code) if code else None
    except ValueError:
        return None


class ReturnImporter:
    """The village side of the return package."""

    def __init__(self, db: Database, data_root: Path | None = None, *, clock: Callable[[], dt.datetime] = utcnow,
                 limits: Limits = Limits()):
        self._db = db
        self._root = Path(data_root) if data_root is not None else Path(db.path).parent
        self._clock = clock
        self._limits = limits

    def hub_fingerprint(self) -> str | None:
        """The fingerprint of the hub's signing key pinned here (None before the first return)."""
        with self._db.transaction() as uow:
            pinned = uow.settings.get(HUB_SIGNING_SETTING)
        return fingerprint(crypto.unb64(pinned)) if pinned else None

    def decisions(self, case_id: int) -> list[HubDecision]:
        """The hub's decisions on the case (its latest review; [] when none came)."""
        with self._db.transaction() as uow:
            guard(uow, Permission.VIEW_CASES)
            repo = ReturnDecisionRepository(uow.session)
            uuid = repo.case_uuid(case_id)
            if not uuid:
                return []
            return [self._decision(uow, row) for row in repo.by_case_uuid([uuid]).values()]

    @staticmethod
    def _decision(uow, row: dict) -> HubDecision:
        return HubDecision(row["case_uuid"], row["case_number"], _enum(ReviewGrade, row["grade"]),
                           _enum(ReviewDecision, row["decision"]), uow.sealing.open(_SEALED["reason"], row["reason"]),
                           bool(row["reason_withheld"]), uow.sealing.open(_SEALED["reviewed_by"], row["reviewed_by"]),
                           row["reviewed_at"], row["office"])

    def import_return(self, path: Path) -> ImportedReturn:
        """Import the return package at ``path`` (see the module's docstring). Needs EDIT_SETTINGS (it
        changes settings and trusts a key): PackageRefused or Refused with nothing changed."""
        path = Path(path)
        placed: list[Path] = []  # an installer renamed into place: removed again if the transaction does not commit
        try:
            with self._db.transaction() as uow:
                guard(uow, Permission.EDIT_SETTINGS)
                pinned = uow.settings.get(HUB_SIGNING_SETTING)
                package = read_return(path, trusted_key=pinned or None, limits=self._limits)
                return _Import(uow, package, self._root, self._clock(), first_time=not pinned, placed=placed).run()
        except BaseException:
            for file in placed:
                file.unlink(missing_ok=True)
            raise


class _Import:
    def __init__(self, uow, package: ReturnPackage, root: Path, now: dt.datetime, *, first_time: bool,
                 placed: list[Path]):
        self.placed = placed
        self.uow = uow
        self.package = package
        self.root = root
        self.now = now
        self.first_time = first_time

    def refuse(self, reason: str, message: str, **params) -> PackageRefused:
        return _refuse(self.package.path, reason, message, **params)

    def run(self) -> ImportedReturn:
        uow, package, manifest = self.uow, self.package, self.package.manifest
        settings = uow.settings
        if manifest["committee"]["id"] != settings.get(COMMITTEE_ID_SETTING):
            raise self.refuse("other_committee", R_OTHER_COMMITTEE, committee=str(manifest["committee"].get("name")))
        hub_key = crypto.hub_public_key(manifest["hub"]["hub_key"]["public_key"])
        configured = settings.get(HUB_KEY_SETTING)
        if configured and crypto.hub_public_key(configured) != hub_key:
            raise self.refuse("other_hub", R_OTHER_HUB_KEY, fingerprint=fingerprint(hub_key, "hub"),
                              registered=fingerprint(crypto.hub_public_key(configured), "hub"))
        last = json.loads(settings.get(RETURN_LAST_SETTING) or "null")
        if last is not None:
            if last.get("manifest_sha256") == package.manifest_sha256:  # the same package again: nothing written
                return ImportedReturn(package.path, UNCHANGED, package.office, package.sequence,
                                      int(settings.get(ACKNOWLEDGED_SETTING) or 0), package.fingerprint,
                                      at=str(last.get("imported_at", "")))
            if package.sequence <= int(last.get("sequence", 0)):
                raise self.refuse("older", R_OLDER, sequence=package.sequence, last=last.get("sequence"),
                                  at=str(last.get("imported_at", "")))
        opened = self.open_decisions()
        changed_settings = self.apply_settings()
        roster = self.apply_roster()
        counts = {"new": 0, "updated": 0, "unchanged": 0}
        repo = ReturnDecisionRepository(uow.session)
        withheld = 0
        for line in package.decisions:
            personal = opened.get(line["case_uuid"], {})
            withheld += bool(line.get("withheld"))
            outcome = repo.put({
                "case_uuid": line["case_uuid"], "case_number": str(line.get("case_number", ""))[:40],
                "grade": str(line.get("grade") or "")[:16], "decision": str(line.get("decision") or "")[:16],
                "reason": uow.sealing.seal(_SEALED["reason"], str(personal.get("reason") or "")),
                "reason_withheld": 1 if line.get("withheld") else 0,
                "reviewed_by": uow.sealing.seal(_SEALED["reviewed_by"], str(personal.get("reviewed_by") or "")),
                "reviewed_at": dt.datetime.fromisoformat(str(line["reviewed_at"]).removesuffix("Z")),
                "office": package.office[:100], "review_id": line["review_id"],
                "return_sequence": package.sequence, "received_at": self.now})
            counts[outcome] += 1
        before_ack = int(settings.get(ACKNOWLEDGED_SETTING) or 0)
        # Never down (an older acknowledgement), never above this PC's counter (changes it does not hold).
        acknowledged = max(before_ack, min(package.acknowledged, uow.exchange.mark()))
        if acknowledged != before_ack:
            settings.set(ACKNOWLEDGED_SETTING, str(acknowledged))
        if self.first_time:
            settings.set(HUB_SIGNING_SETTING, crypto.b64(package.signing_key))
        if not configured:
            settings.set(HUB_KEY_SETTING, crypto.b64(hub_key))
        imported_at = f"{self.now:%Y-%m-%d %H:%M}"
        settings.set(RETURN_LAST_SETTING, dumps({
            "sequence": package.sequence, "manifest_sha256": package.manifest_sha256, "file": package.path.name,
            "created_at": manifest.get("created_at", ""), "imported_at": imported_at}).decode("utf-8"))
        temporary, installer = self.extract_installer()
        try:
            audit.record(uow, AuditKind.SETTINGS, None, {
                "what": "return_package", "file": package.path.name, "sequence": package.sequence,
                "hub": package.fingerprint, "acknowledged": [before_ack, acknowledged], **counts,
                "withheld": withheld, "settings": changed_settings, "installer": installer.name if installer else "",
                "roster": roster})
            uow.session.flush()
            if temporary is not None:
                os.replace(temporary, installer)
                self.placed.append(installer)
        except BaseException:
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
            raise
        return ImportedReturn(package.path, IMPORTED, package.office, package.sequence, acknowledged,
                              package.fingerprint, self.first_time, counts, withheld, changed_settings, installer,
                              roster=roster)

    def open_decisions(self) -> dict[str, dict]:
        """case uuid -> its decision's free text, opened with the village's X25519 key."""
        sealed = [line for line in self.package.decisions if line.get("personal")]
        if not sealed:
            return {}
        opener = self.opener()
        opened = {}
        for line in sealed:
            try:
                opened[line["case_uuid"]] = opener.open(DECISIONS_TABLE, line["case_uuid"], line["review_id"],
                                                        line["personal"])
            except ValueError:
                raise self.refuse("tampered", R_TAMPERED, detail=f"{DECISIONS} {line['case_uuid']}") from None
        return opened

    def opener(self) -> crypto.RowOpener:
        """What opens the package's sealed parts: the village's X25519 private key (a login opens it) with
        the package's ephemeral key; refused when they were sealed to another key, or without a login."""
        if getattr(self, "_opener", None) is not None:
            return self._opener
        encryption = self.package.manifest.get("encryption") or {}
        own_public = self.uow.settings.get(BACKUP_PUBLIC_SETTING)
        stored_private = self.uow.settings.get(BACKUP_PRIVATE_SETTING)
        try:
            village_key = crypto.hub_public_key(str(encryption.get("village_key") or ""))
            ephemeral = crypto.hub_public_key(str(encryption.get("ephemeral_key") or ""))
        except Exception:  # noqa: BLE001 - a Refused for a bad key: the manifest is not as written
            raise self.refuse("bad_format", R_BAD_FORMAT, detail="encryption") from None
        if not own_public or crypto.hub_public_key(own_public) != village_key or not stored_private:
            raise self.refuse("other_key", R_NOT_FOR_THIS_KEY)
        if self.uow.sealer is None:
            raise self.refuse("login", R_NEEDS_LOGIN)
        try:
            private = crypto.unb64(self.uow.sealer.open(BACKUP_PRIVATE_SETTING, stored_private))
        except SealBroken:
            raise self.refuse("other_key", R_NOT_FOR_THIS_KEY) from None
        self._opener = crypto.RowOpener(private, ephemeral, info=crypto.RETURN_INFO)
        return self._opener

    def apply_roster(self) -> dict[str, int]:
        """The hub's roster people into the role lists (role_people, by uuid): each one only when its version
        is newer than the one this village last took, checked as the village's own person form checks it
        (a person that does not pass is a package not as written: refused whole)."""
        counts = {"new": 0, "updated": 0, "retired": 0, "unchanged": 0}
        lines = self.package.roster
        if not lines:
            return counts
        settings = self.uow.settings
        try:
            taken = json.loads(settings.get(ROSTER_VERSIONS_SETTING) or "{}")
        except ValueError:
            taken = {}
        taken = taken if isinstance(taken, dict) else {}
        before = dict(taken)
        for line in lines:
            uuid, version = line["uuid"], line["version"]
            known = taken.get(uuid)
            if _int(known) and version <= known:
                counts["unchanged"] += 1
                continue
            try:
                personal = self.opener().open(ROSTER_TABLE, uuid, version, line["personal"])
            except ValueError:
                raise self.refuse("tampered", R_TAMPERED, detail=f"{ROSTER} {uuid}") from None
            person, errors = check_person(PersonInput(
                role=Role(line["role"]), name=str(personal.get("name") or ""), unit=line["unit"], post=line["post"],
                host_kind=_enum(HostKind, line.get("host_kind") or ""), phone=str(personal.get("phone") or "")))
            if errors:
                raise self.refuse("bad_format", R_BAD_FORMAT, detail=f"{ROSTER} {uuid}")
            counts[self.uow.people.put_from_hub(uuid, person, retired=line["retired"])] += 1
            taken[uuid] = version
        if taken != before:
            settings.set(ROSTER_VERSIONS_SETTING, dumps(taken).decode("utf-8"))
        if counts["new"] or counts["updated"]:  # the village's own people who may be one of them: said, not merged
            twins = len(roster_twins(self.uow.people.people(None), frozenset(taken)))
            if twins:
                counts["twins"] = twins
        return counts

    def apply_settings(self) -> dict:
        """The hub's settings for its villages, checked as the village's own settings screen checks them."""
        given = self.package.settings
        values = {}
        if "case_prefix" in given:
            prefix = str(given["case_prefix"] or "").strip()
            if not isinstance(given["case_prefix"], str) or check_prefix(prefix):
                raise self.refuse("bad_setting", R_BAD_SETTING, detail="case_prefix")
            values["case_prefix"] = prefix
        if "visit_interval_days" in given:
            days, problem = check_interval(str(given["visit_interval_days"]))
            if problem is not None or isinstance(given["visit_interval_days"], bool):
                raise self.refuse("bad_setting", R_BAD_SETTING, detail="visit_interval_days")
            values["visit_interval_days"] = str(days)
        if DISPUTE_TYPES_SETTING in given:
            try:
                values[DISPUTE_TYPES_SETTING] = dumps_local_types(loads_local_types(given[DISPUTE_TYPES_SETTING]))
            except LocalTypesError:
                raise self.refuse("bad_setting", R_BAD_SETTING, detail=DISPUTE_TYPES_SETTING) from None
        changed = {}
        defaults = {"case_prefix": DEFAULT_PREFIX, "visit_interval_days": str(DEFAULT_VISIT_INTERVAL_DAYS),
                    DISPUTE_TYPES_SETTING: "[]"}
        for key, value in values.items():
            stored = self.uow.settings.get(key, "")
            before = stored or defaults[key]  # what the village used until now (services/settings.py's defaults)
            if stored != value:
                self.uow.settings.set(key, value)
            if before != value:
                changed[key] = [_names(before), _names(value)] if key == DISPUTE_TYPES_SETTING else [before, value]
        return changed

    def extract_installer(self) -> tuple[Path | None, Path | None]:
        """(temporary file, final name) of the installer the package brings, checked against its SHA-256;
        (None, None) without one, and (None, the file) when the same file is there already."""
        entry = self.package.manifest.get("installer")
        if not entry:
            return None, None
        folder = self.root / INSTALLERS_FOLDER
        final = folder / entry["name"]
        if final.is_file() and _file_sha256(final) == entry["sha256"]:
            return None, final
        temporary = folder / f".{entry['name']}.{secrets.token_hex(4)}.partial"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with zipfile.ZipFile(self.package.path) as zf, zf.open(INSTALLER) as src, open(temporary, "xb") as dst:
                while block := src.read(1 << 20):
                    digest.update(block)
                    dst.write(block)
                dst.flush()
                os.fsync(dst.fileno())
        except OSError as err:
            temporary.unlink(missing_ok=True)
            raise self.refuse("installer", R_INSTALLER_FAILED, detail=err.strerror or str(err)) from err
        except Exception:  # noqa: BLE001 - the zip changed under us since it was checked
            temporary.unlink(missing_ok=True)
            raise self.refuse("damaged", R_DAMAGED, detail=INSTALLER) from None
        if digest.hexdigest() != entry["sha256"]:
            temporary.unlink(missing_ok=True)
            raise self.refuse("tampered", R_TAMPERED, detail=INSTALLER)
        return temporary, final


def _names(stored: str) -> str:
    """The local types' names, 继承纠纷、村务管理纠纷, for what the import says."""
    return "、".join(t.name for t in loads_local_types(stored))


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


__all__ = ["HubDecision", "IMPORTED", "ImportedReturn", "ReturnImporter", "ReturnPackage", "UNCHANGED", "read_return"]
