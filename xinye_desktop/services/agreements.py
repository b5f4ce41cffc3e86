"""The 人民调解协议书 of a case through its life: draft → printed (frozen, archived, hashed, coded) →
signed (effective date, Art. 29) → a scan of the signed paper attached. Changing a printed agreement
makes a new version; the older ones stay readable, marked superseded. ``verify`` tells a clerk whether
a code on a paper copy belongs to an archived agreement, and which version.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import os
import shutil
from dataclasses import dataclass
from types import SimpleNamespace
from pathlib import Path

from ..domain.accounts import Permission
from ..domain.aftercare import terms_from_document
from ..domain.audit import AuditKind
from ..domain.agreement import (
    ARCHIVE_KEY, HASH_SCHEME, AgreementContent, AgreementInput, AgreementState, agreement_number, check_agreement,
    confirmable, confirmation_warning, content_hash, content_payload, hash_scheme,
    input_from_dict, input_to_dict, normalise_code, verification_code,
)
from ..domain.archive import StoredAgreement
from ..domain.enums import CaseStatus
from ..domain.errors import FieldError, Refused, StaleRecord, ValidationFailed
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..domain.roles import Role
from ..paths import DataPaths
from ..storage.clock import utcnow
from ..storage.database import Database
from . import audit
from .access import guard
from .archive_files import archive_state, bound_state, file_sha256
from .selection import SelectionService
from .session import SessionService
from .taking_effect import eligibility_decision, take_effect

# Kept importable from here, where they were first defined.
__all__ = ["AGREEMENT_STATUSES", "AgreementService", "AgreementVersion", "ArchiveDamaged", "Verification",
           "archive_state", "bound_state", "file_sha256", "verification_lines", "version_awaiting",
           "version_in_force"]

# Agreements are written for cases whose sitting ended in a written agreement or a resolution opinion.
AGREEMENT_STATUSES = (CaseStatus.AGREEMENT_WRITTEN,)
H_AGREEMENT = QT_TRANSLATE_NOOP("History", "调解协议")
VERIFY_HINT = "核验：在三理室调解台“验证”中输入此码，或扫描二维码"


class ArchiveDamaged(Refused):
    """The archived agreement (its content or its PDF) is not what was printed, or is gone."""


@dataclass(frozen=True)
class AgreementVersion:
    id: int
    case_id: int
    number: int
    state: AgreementState
    form: AgreementInput
    document: dict | None
    digest: str | None
    code: str | None
    pdf_path: Path | None
    printed_at: dt.datetime | None
    signed_on: dt.date | None
    scan_path: Path | None
    row_version: int
    uuid: str

    @property
    def editable(self) -> bool:
        return self.state is AgreementState.DRAFT


@dataclass(frozen=True)
class Verification:
    """What a typed code matches: nothing, or an archived agreement version (and whether it still stands)."""

    code: str | None
    found: bool
    case_number: str = ""
    case_title: str = ""
    number: int = 0
    state: AgreementState | None = None
    intact: bool = False  # the archived content still hashes to the digest printed on the paper
    printed_at: dt.datetime | None = None
    signed_on: dt.date | None = None
    latest_number: int = 0
    pdf_path: Path | None = None
    # set when the code belongs to another coded document of the case file (申请书, 登记表, ...)
    document_title: str = ""
    superseded: bool = False  # a later issue of the same document, or (an agreement) marked superseded
    # the case's agreement as it stands now: the version in force (latest signed) and a newer printed
    # version awaiting signatures; 0 when there is none
    in_force_number: int = 0
    in_force_signed_on: dt.date | None = None
    pending_number: int = 0
    # the archived PDF against the SHA-256 taken when it was printed: "ok", "changed", "missing",
    # "unrecorded" (printed before the file's own hash was kept), "" (not an agreement)
    archive: str = ""
    # the 调解卷宗 this document (or agreement version) was last bound into, against the SHA-256 taken
    # when it was bound: the same states as ``archive``, "" when it was not bound
    bound: str = ""
    bound_path: Path | None = None

    @property
    def archive_ok(self) -> bool:
        return self.archive not in ("changed", "missing") and self.bound not in ("changed", "missing")

    @property
    def standing(self) -> bool:
        """Genuine, and the paper that counts: not superseded, not a text still waiting to replace the
        version in force, and its archived file as it was printed."""
        if not self.found or not self.intact or self.superseded or not self.archive_ok:
            return False
        return not (self.state is AgreementState.PRINTED and self.in_force_number)


def version_in_force(versions: list[AgreementVersion]) -> AgreementVersion | None:
    """The version in force: the latest signed one (None when none was signed)."""
    return max((v for v in versions if v.state is AgreementState.SIGNED), key=lambda v: v.number, default=None)


def version_awaiting(versions: list[AgreementVersion]) -> AgreementVersion | None:
    """A printed version waiting for signatures (at most one: printing supersedes older unsigned ones)."""
    return max((v for v in versions if v.state is AgreementState.PRINTED), key=lambda v: v.number, default=None)


def verification_lines(found: Verification) -> list[tuple[str, dict]]:
    """What a typed code matched, as (message, parameters) lines, for the 验证 dialog (translated) and
    the ``verify`` command (Chinese): which agreement and version, where it stands among the case's
    versions (e.g. 第1版 已签署生效；第2版已打印待签), whether the archive still matches."""
    if found.document_title:
        lines = [(QT_TRANSLATE_NOOP("Verification", "{case_number} {title} {document}（{day}制作）"),
                  {"document": found.document_title, "day": found.printed_at.date().isoformat()})]
        if found.superseded:
            lines.append((QT_TRANSLATE_NOOP(
                "Verification", "注意：本案的这份文书后来按更改后的内容重新制作过，这一份已被取代。"), {}))
    else:
        n, k, m = found.number, found.in_force_number, found.pending_number
        state = found.state
        if state is AgreementState.SIGNED and m > n:
            head = QT_TRANSLATE_NOOP(
                "Verification", "{case_number} {title}：人民调解协议书第{n}版 已签署生效；第{m}版已打印待签，"
                                "各方签署后取代本版，在此之前本版仍然有效。")
        elif state is AgreementState.SIGNED:
            head = QT_TRANSLATE_NOOP(
                "Verification", "{case_number} {title}：人民调解协议书第{n}版 已签署生效，为现行有效的版本。")
        elif state is AgreementState.PRINTED and k:
            head = QT_TRANSLATE_NOOP(
                "Verification", "{case_number} {title}：人民调解协议书第{n}版 已打印待签，尚未生效；"
                                "现行有效的是第{k}版（{day}签署）。")
        elif state is AgreementState.PRINTED:
            head = QT_TRANSLATE_NOOP(
                "Verification", "{case_number} {title}：人民调解协议书第{n}版 已打印待签，尚未登记签署生效。")
        elif k and k > n:
            head = QT_TRANSLATE_NOOP(
                "Verification", "{case_number} {title}：人民调解协议书第{n}版 已被取代，不再有效；"
                                "现行有效的是第{k}版（{day}签署）。")
        elif k:
            head = QT_TRANSLATE_NOOP(
                "Verification", "{case_number} {title}：人民调解协议书第{n}版 未经签署即被取代；"
                                "现行有效的是第{k}版（{day}签署）。")
        else:
            head = QT_TRANSLATE_NOOP(
                "Verification", "{case_number} {title}：人民调解协议书第{n}版 已被取代，不再有效。")
        lines = [(head, {"n": n, "k": k, "m": m,
                         "day": found.in_force_signed_on.isoformat() if found.in_force_signed_on else ""})]
        if state is AgreementState.SUPERSEDED and m > n:
            lines.append((QT_TRANSLATE_NOOP("Verification", "第{m}版已打印待签。"), {"m": m}))
    lines[0][1].update(case_number=found.case_number, title=found.case_title)
    if found.signed_on:
        lines.append((QT_TRANSLATE_NOOP("Verification", "签署生效日期：{day}"), {"day": found.signed_on.isoformat()}))
    path = {"path": str(found.pdf_path)}
    if not found.intact:
        lines.append((QT_TRANSLATE_NOOP("Verification", "警告：存档内容与打印时的摘要不符，存档可能已被改动。"), {}))
    elif found.archive == "changed":
        lines.append((QT_TRANSLATE_NOOP(
            "Verification", "警告：存档的PDF文件与打印时记录的文件摘要不符，可能已被改动或损坏：{path}。"
                            "请从备份中恢复该文件。"), path))
    elif found.archive == "missing":
        lines.append((QT_TRANSLATE_NOOP(
            "Verification", "警告：找不到存档的PDF文件：{path}。请从备份中恢复该文件。"), path))
    elif found.pdf_path:
        lines.append((QT_TRANSLATE_NOOP("Verification", "存档文件：{path}（请与纸质件逐字核对）"), path))
        if found.archive == "unrecorded" and found.document_title:
            lines.append((QT_TRANSLATE_NOOP(
                "Verification", "这份文书制作时尚未记录PDF文件本身的摘要：只能核对存档内容，文件本身无法核对。"), {}))
        elif found.archive == "unrecorded":
            lines.append((QT_TRANSLATE_NOOP(
                "Verification", "这一版打印时尚未记录PDF文件本身的摘要，只能核对存档内容。"), {}))
    bound = {"path": str(found.bound_path)}
    if found.bound == "changed":
        lines.append((QT_TRANSLATE_NOOP(
            "Verification", "警告：收有这份文书的调解卷宗与整理时记录的文件摘要不符，可能已被改动或损坏：{path}。"
                            "请从备份中恢复该文件，或重新整理调解卷宗。"), bound))
    elif found.bound == "missing":
        lines.append((QT_TRANSLATE_NOOP(
            "Verification", "警告：找不到收有这份文书的调解卷宗：{path}。请从备份中恢复该文件，或重新整理调解卷宗。"),
            bound))
    elif found.bound:
        lines.append((QT_TRANSLATE_NOOP("Verification", "已收入调解卷宗：{path}"), bound))
    return lines


class AgreementService:
    """``sessions`` reads the sittings (the opinion a first draft starts from, the witnesses' commitments);
    app.build_services passes the app's one, else one of its own is made here, once."""

    def __init__(self, db: Database, paths: DataPaths, selection: SelectionService, today=dt.date.today,
                 now=utcnow, *, sessions: SessionService | None = None):
        self._db = db
        self._paths = paths
        self._selection = selection
        self._today = today
        self._now = now  # UTC, naive: when an agreement is printed
        self._sessions = sessions if sessions is not None else SessionService(db, selection)

    # -- reads ---------------------------------------------------------------------------------
    def case_state(self, case_id: int):
        """The case with its parties and people, as the agreement uses them."""
        return self._selection.state(case_id)

    def versions(self, case_id: int) -> list[AgreementVersion]:
        with self._db.transaction() as uow:
            return [self._to_version(r) for r in uow.agreements.for_case(case_id)]

    def current(self, case_id: int) -> AgreementVersion | None:
        """The newest version, whatever its state (the one a mediator works on)."""
        versions = self.versions(case_id)
        return versions[-1] if versions else None

    def in_force(self, case_id: int) -> AgreementVersion | None:
        """The case's agreement as it stands on paper: the version in force (latest signed), else the
        newest printed one awaiting signatures; None when nothing was printed."""
        versions = self.versions(case_id)
        return version_in_force(versions) or version_awaiting(versions)

    def copy_in_force(self, case_id: int, target: Path) -> AgreementVersion:
        """Write the case's agreement as it stands on paper (``in_force``: the signed version in force,
        else the newest printed one) to ``target``, copied from the archive; changes nothing else.
        Refused when nothing was printed yet, or when the archived file is gone or no longer the one
        printed (its SHA-256, kept since hash scheme 2) or the archived content no longer matches its
        digest: a copy of it would not be the agreement the code vouches for."""
        self._allowed(case_id, Permission.PRINT)
        versions = self.versions(case_id)
        version = version_in_force(versions) or version_awaiting(versions)
        if version is None:
            if versions:
                raise Refused(QT_TRANSLATE_NOOP(
                    "Agreement", "本案的调解协议还是草稿（第{n}版），尚未打印，没有可以写出的协议书；"
                                 "请先在“调解协议”中检查并打印"), n=versions[-1].number)
            raise Refused(QT_TRANSLATE_NOOP("Agreement", "本案还没有调解协议"))
        if version.document is None or content_hash(version.document) != version.digest:
            raise ArchiveDamaged(QT_TRANSLATE_NOOP("Agreement", "第{n}版的存档内容与打印时的摘要不符，存档可能已被改动，未写出"),
                          n=version.number)
        if version.pdf_path is None or not version.pdf_path.is_file():
            raise ArchiveDamaged(QT_TRANSLATE_NOOP("Agreement", "找不到第{n}版的存档文件：{path}。请从备份中恢复该文件"),
                          n=version.number, path=str(version.pdf_path))
        data = version.pdf_path.read_bytes()
        recorded = version.document.get(ARCHIVE_KEY, {}).get("pdf_sha256")
        if recorded and hashlib.sha256(data).hexdigest() != recorded:
            raise ArchiveDamaged(QT_TRANSLATE_NOOP(
                "Agreement", "第{n}版的存档文件与打印时记录的文件摘要不符，可能已被改动或损坏：{path}。未写出；"
                             "请从备份中恢复该文件"), n=version.number, path=str(version.pdf_path))
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        try:
            tmp.write_bytes(data)
            # The copy and its audit row go together: the file is put in place inside the transaction.
            with self._db.transaction() as uow:
                guard(uow, Permission.PRINT, case_id=case_id)
                if not self._db.read_only:  # a read-only folder (a copy on a CD) cannot hold the row
                    audit.record(uow, AuditKind.PRINT, case_id, {"document": "调解协议书", "version": version.number,
                                                                "code": version.code, "copy": "archived_pdf"})
                os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return version

    def check(self, case_id: int, form: AgreementInput):
        """(content or None, errors, warnings) for the form as it stands, without writing."""
        state = self._selection.state(case_id)
        content, errors = check_agreement(form, tuple(p.id for p in state.parties), self._today())
        with self._db.transaction() as uow:
            decided = eligibility_decision(uow, case_id)  # the mediator's word wins over the text
        warning = confirmation_warning(state.case.dispute_type, content, decided[0] if decided else None) \
            if content else None
        return content, errors, [warning] if warning else []

    def starting_form(self, case_id: int) -> AgreementInput:
        """A first draft from what was entered before: the facts from intake, the opinion or claims."""
        from ..domain.agreement import ClauseInput
        from ..domain.session import Outcome

        state = self._selection.state(case_id)
        case = state.case
        claims = "\n".join(f"{p.name}：{p.claims}" for p in case.parties if p.claims)
        clauses = []
        for sitting in reversed(self._sessions.overview(case_id).sittings):
            if sitting.finished and sitting.outcome in (Outcome.WRITTEN, Outcome.OPINION) and sitting.data.outcome_text.strip():
                # The 化解意见 (or the points noted at the sitting) become the first terms to work from.
                clauses = [ClauseInput(content=line.strip()) for line in sitting.data.outcome_text.splitlines() if line.strip()]
                break
        return AgreementInput(facts=case.facts, issues=claims, clauses=clauses)

    # -- writes --------------------------------------------------------------------------------
    def save_draft(self, case_id: int, form: AgreementInput, *, expected_version: int | None = None) -> AgreementVersion:
        """Keep what was typed (no checks: a draft may be incomplete). Starts version 1 if there is none."""
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_AGREEMENTS, case_id=case_id)
            latest = uow.agreements.latest(case_id)
            if latest is None or latest.state is not AgreementState.DRAFT:
                if latest is not None:
                    raise Refused(QT_TRANSLATE_NOOP("Agreement", "协议已打印，不能直接修改；请先“另起新版本”"))
                self._require_status(uow, case_id)
                saved = uow.agreements.add_draft(case_id, 1, input_to_dict(form))
            else:
                if expected_version is not None and latest.version != expected_version:
                    raise StaleRecord(latest.id)
                saved = uow.agreements.save_content(latest.id, input_to_dict(form))
            audit.record(uow, AuditKind.AGREEMENT, case_id, {"version": saved.number, "saved": "draft"})
            return self._to_version(saved)

    def new_version(self, case_id: int) -> AgreementVersion:
        """Change a printed agreement: a new draft that starts from the printed content."""
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_AGREEMENTS, case_id=case_id)
            latest = uow.agreements.latest(case_id)
            if latest is None or latest.state is AgreementState.DRAFT:
                raise Refused(QT_TRANSLATE_NOOP("Agreement", "当前已是草稿，可以直接修改"))
            draft = uow.agreements.add_draft(case_id, latest.number + 1, latest.content)
            audit.history(uow, case_id, "agreement_new",
                          [(H_AGREEMENT, f"第{latest.number}版", f"第{draft.number}版（草稿）")])
            audit.record(uow, AuditKind.AGREEMENT, case_id, {"version": draft.number})
            return self._to_version(draft)

    def print_agreement(self, case_id: int) -> AgreementVersion:
        """Freeze the current draft: check it, write and archive the PDF, store its digest and code.
        Refused, with the reasons, while required content is missing."""
        self._allowed(case_id, Permission.EDIT_AGREEMENTS, Permission.PRINT)  # before any file is made
        current = self.current(case_id)
        if current is None or current.state is not AgreementState.DRAFT:
            raise Refused(QT_TRANSLATE_NOOP("Agreement", "没有可以打印的草稿"))
        state = self._selection.state(case_id)
        content, errors, warnings = self.check(case_id, current.form)
        errors = list(errors) + self._people_missing(state)
        if errors:
            raise ValidationFailed(errors)
        with self._db.transaction() as uow:
            committee = uow.settings.get("committee_name")
        document, digest, code, pdf = self.freeze(state, current, content, committee, tuple(warnings))
        with self._db.transaction() as uow:
            guard(uow, Permission.EDIT_AGREEMENTS, case_id=case_id)
            guard(uow, Permission.PRINT, case_id=case_id)
            stored = uow.agreements.get(current.id)
            if stored.version != current.row_version or stored.state is not AgreementState.DRAFT:
                raise StaleRecord(current.id)
            # An older version that was printed but never signed is superseded now: it never took effect
            # (Art. 29: only the signatures and the seal make it binding), and once the changed text is
            # on paper the parties are to sign that one; leaving the old paper open to signing would let
            # two different texts compete. A signed older version stays in force until this one is
            # signed (mark_signed): the parties may never sign the change.
            superseded = uow.agreements.supersede_older(case_id, stored.number, (AgreementState.PRINTED,))
            printed = uow.agreements.mark_printed(stored.id, document, digest, code,
                                                  str(pdf.relative_to(self._paths.root)), self._now())
            changes = [(H_AGREEMENT, "", f"第{printed.number}版已打印，核验码{code}")]
            changes += [(H_AGREEMENT, f"第{n}版（未签署）", "已被取代") for n, _state in superseded]
            audit.history(uow, case_id, "agreement_print", changes)
            audit.record(uow, AuditKind.PRINT, case_id, {"document": "调解协议书", "version": printed.number,
                                                        "code": code})
            return self._to_version(printed)

    def freeze(self, state, current: AgreementVersion, content: AgreementContent, committee: str,
               warnings: tuple[str, ...]) -> tuple[dict, str, str, Path]:
        """What printing a version fixes, without recording it: the document of the current hash scheme
        (with the archived PDF's own SHA-256, to tell later whether the file was changed), its digest,
        the code and the archived PDF."""
        document = self._document(state, current, content, committee, warnings)
        digest = content_hash(document)
        code = verification_code(current.uuid, current.number, digest)
        pdf = self._render(state, current, content, committee, code, warnings)
        document[ARCHIVE_KEY] = {"pdf_sha256": file_sha256(pdf)}
        return document, digest, code, pdf

    def mark_signed(self, agreement_id: int, signed_on: dt.date) -> AgreementVersion:
        """Every party signed or fingerprinted and the seal was applied: the agreement takes effect."""
        if signed_on > self._today():
            raise ValidationFailed([FieldError("signed_on", QT_TRANSLATE_NOOP("Validation", "签署日期不能晚于今天"))])
        with self._db.transaction() as uow:
            stored = uow.agreements.get(agreement_id)
            guard(uow, Permission.EDIT_AGREEMENTS, case_id=stored.case_id)
            if stored.state is not AgreementState.PRINTED:
                raise Refused(QT_TRANSLATE_NOOP("Agreement", "只有已打印、尚未签署的最新版本才能登记签署"))
            printed_on = stored.printed_at.replace(tzinfo=dt.timezone.utc).astimezone().date() \
                if stored.printed_at else None  # stored in UTC; the office counts local days
            if printed_on and signed_on < printed_on:
                raise ValidationFailed([FieldError("signed_on", QT_TRANSLATE_NOOP("Validation", "签署日期不能早于打印日期"))])
            record = uow.agreements.mark_signed(agreement_id, signed_on)
            # Signed, it replaces the version in force until now (and any older paper still open).
            superseded = uow.agreements.supersede_older(record.case_id, record.number,
                                                        (AgreementState.SIGNED, AgreementState.PRINTED))
            changes = [(H_AGREEMENT, "", f"第{record.number}版于{signed_on.isoformat()}签署生效")]
            changes += [(H_AGREEMENT, f"第{n}版（{state.label}）", "已被取代") for n, state in superseded]
            audit.history(uow, record.case_id, "agreement_sign", changes)
            # Art. 31 (supervise performance) and Art. 33 (30 days for 司法确认) start now.
            document = record.document or {}  # a signed version was printed: it has one
            take_effect(uow, record.case_id, signed_on, terms_from_document(document), agreement_id=record.id,
                        confirmable=confirmable(_content_of(document)))
            audit.record(uow, AuditKind.AGREEMENT, record.case_id, {"version": record.number, "signed": True})
            return self._to_version(uow.agreements.get(agreement_id))

    def attach_scan(self, agreement_id: int, source: Path) -> AgreementVersion:
        """Keep a scan or photo of the signed paper copy in the data folder."""
        source = Path(source)
        with self._db.transaction() as uow:
            record = uow.agreements.get(agreement_id)
            guard(uow, Permission.EDIT_AGREEMENTS, case_id=record.case_id)
            if record.state is not AgreementState.SIGNED:
                raise Refused(QT_TRANSLATE_NOOP("Agreement", "先登记签署，再附上签署件的扫描件"))
            case = uow.cases.get(record.case_id)
            folder = self._paths.documents / case.uuid
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"协议书签署件-第{record.number}版{source.suffix.lower()}"
            shutil.copy2(source, target)
            document = copy.deepcopy(record.document)
            document.setdefault(ARCHIVE_KEY, {})["scan_sha256"] = file_sha256(target)
            # the digest leaves ARCHIVE_KEY out: it still holds
            attached = uow.agreements.attach_scan(agreement_id, str(target.relative_to(self._paths.root)), document)
            audit.record(uow, AuditKind.AGREEMENT, record.case_id, {"version": record.number, "scan": True})
            return self._to_version(attached)

    def export_docx(self, agreement_id: int, target: Path) -> Path:
        """An editable Word (.docx) copy of one version, made from the same AgreementDocument as its PDF;
        returns ``target``. A printed version carries its code and, once signed, the signing date; a draft
        (complete enough to print) has no code yet. Refused when the case's parties or people changed since
        the version was printed: the copy would no longer say what the coded paper says."""
        from ..documents.agreement_docx import build_agreement_docx

        with self._db.transaction() as uow:
            version = self._to_version(uow.agreements.get(agreement_id))
            guard(uow, Permission.PRINT, case_id=version.case_id)
            committee = uow.settings.get("committee_name")
        if version.document is not None:
            committee = version.document.get("committee", committee)  # the name on the paper, not today's
        state = self._selection.state(version.case_id)
        content, errors, warnings = self.check(version.case_id, version.form)
        if content is None:
            raise ValidationFailed(errors)
        scheme = hash_scheme(version.document) if version.document is not None else HASH_SCHEME
        if version.document is not None and scheme >= 2:
            warnings = list(version.document.get("warnings") or [])  # the box as printed, not as it would be now
        if version.digest is not None and content_hash(self._document(
                state, version, content, committee, tuple(warnings), scheme=scheme)) != version.digest:
            raise Refused(QT_TRANSLATE_NOOP(
                "Agreement", "协议打印后，本案当事人或调解人员的信息有改动：导出的Word副本将与打印件不一致，请另起新版本"))
        doc = self._agreement_document(state, version, content, committee, version.code or "", tuple(warnings),
                                       signed_on=version.signed_on)
        written = build_agreement_docx(doc, target)
        # Written first, recorded after: the write lock is not held while the file is made.
        with self._db.transaction() as uow:
            guard(uow, Permission.PRINT, case_id=version.case_id)
            if not self._db.read_only:  # a read-only folder (a copy on a CD) cannot hold the row
                audit.record(uow, AuditKind.PRINT, version.case_id, {"document": "调解协议书",
                                                                    "version": version.number, "format": "docx"})
        return written

    def verify(self, typed: str) -> Verification:
        code = normalise_code(typed)
        if code is None:
            return Verification(None, False)
        with self._db.transaction() as uow:
            record = uow.agreements.by_code(code)
            if record is None:
                return self._verify_document(uow, code)
            case = uow.cases.get(record.case_id)
            # a draft supersedes nothing yet
            latest = uow.agreements.latest_number(record.case_id, excluding=AgreementState.DRAFT)
            signed = uow.agreements.latest_signed(record.case_id)
            pending = uow.agreements.latest_number(record.case_id, AgreementState.PRINTED)
            document = record.document
            intact = document is not None and content_hash(document) == record.digest
            pdf = self._paths.root / record.pdf_path if record.pdf_path else None
            archive = archive_state(pdf, (document or {}).get(ARCHIVE_KEY, {}).get("pdf_sha256"))
            bound, bound_path = self._agreement_binding(uow, record)
            return Verification(code, True, case.case_number or "", case.title, record.number,
                                record.state, intact, record.printed_at, record.signed_on, latest,
                                self._paths.root / record.pdf_path if record.pdf_path else None,
                                superseded=record.state is AgreementState.SUPERSEDED,
                                in_force_number=signed[0] if signed else 0,
                                in_force_signed_on=signed[1] if signed else None,
                                pending_number=pending or 0, archive=archive, bound=bound, bound_path=bound_path)

    def _agreement_binding(self, uow, record: StoredAgreement) -> tuple[str, Path | None]:
        """The 调解卷宗 that bound this agreement version: its facts are kept with the case's other
        documents bound into it (DocumentService.case_file), which name the agreement's code."""
        for archive in uow.issued.archive_facts(record.case_id):
            if (archive.get("case_file") or {}).get("agreement") == record.code:
                return bound_state(self._paths.root, archive)
        return "", None

    def _verify_document(self, uow, code: str) -> Verification:
        """The code of one of the case file's other coded documents (DocumentService), or nothing."""
        record = uow.issued.by_code(code)
        if record is None:
            return Verification(code, False)
        case = uow.cases.get(record.case_id)
        newest = uow.issued.newest_id(record.case_id, record.kind)
        document = record.document
        intact = content_hash(document) == record.digest
        superseded = newest != record.id
        # A superseded issue's file was overwritten by the later one: there is no file of its own to check.
        pdf = None if superseded or not record.pdf_path else self._paths.root / record.pdf_path
        facts = document.get(ARCHIVE_KEY, {})
        bound, bound_path = bound_state(self._paths.root, facts)
        return Verification(code, True, case.case_number or "", case.title, 1, None, intact, record.issued_at,
                            pdf_path=pdf, document_title=record.title, superseded=superseded,
                            archive=archive_state(pdf, facts.get("pdf_sha256")), bound=bound, bound_path=bound_path)

    # -- internals -----------------------------------------------------------------------------
    def _allowed(self, case_id: int, *permissions: Permission) -> None:
        """Refused before the work that comes ahead of the write (files rendered, the case read)."""
        with self._db.transaction() as uow:
            for permission in permissions:
                guard(uow, permission, case_id=case_id)

    def _people_missing(self, state) -> list[FieldError]:
        errors = []
        if not state.chosen:
            errors.append(FieldError("people", QT_TRANSLATE_NOOP("Validation", "本案还没有选定的明白人")))
        if not state.people(Role.HOST):
            errors.append(FieldError("people", QT_TRANSLATE_NOOP("Validation", "本案还没有主持人（人民调解员）")))
        return errors

    def _require_status(self, uow, case_id: int) -> None:
        case = uow.cases.get(case_id)
        if case.status not in AGREEMENT_STATUSES:
            raise Refused(QT_TRANSLATE_NOOP("Agreement", "本案状态为“{status}”：调解达成书面协议后才能制作协议书"),
                          status=case.status.label)

    def _to_version(self, r: StoredAgreement) -> AgreementVersion:
        return AgreementVersion(
            id=r.id, case_id=r.case_id, number=r.number, state=r.state, form=input_from_dict(r.content),
            document=r.document, digest=r.digest, code=r.code,
            pdf_path=self._paths.root / r.pdf_path if r.pdf_path else None, printed_at=r.printed_at,
            signed_on=r.signed_on, scan_path=self._paths.root / r.scan_path if r.scan_path else None,
            row_version=r.version, uuid=r.uuid)

    agreement_number = staticmethod(agreement_number)

    def _document(self, state, current: AgreementVersion, content: AgreementContent, committee: str,
                  warnings: tuple[str, ...], *, scheme: int = HASH_SCHEME) -> dict:
        """Everything the paper states, in canonical form: what the digest and the code vouch for.
        Scheme 2 is made from the very AgreementDocument the PDF is drawn from; scheme 1 is how the
        agreements printed before it were described (kept to check their Word copies)."""
        if scheme == 1:
            return self._document_scheme1(state, current, content, committee)
        from ..documents.agreement import printed_payload

        doc = self._agreement_document(state, current, content, committee, "", warnings)
        case = state.case
        return {"scheme": HASH_SCHEME, "agreement": current.uuid, "version": current.number,
                "case_number": case.case_number, "dispute_type": case.dispute_type.value, **printed_payload(doc)}

    @staticmethod
    def _document_scheme1(state, current: AgreementVersion, content: AgreementContent, committee: str) -> dict:
        """Hash scheme 1, exactly as agreements printed before scheme 2 were described: do not change."""
        case = state.case
        parties = [{k: (v.value if hasattr(v, "value") else v) for k, v in (
            ("id", p.id), ("kind", p.kind), ("role", p.role), ("name", p.name), ("sex", p.sex),
            ("ethnicity", p.ethnicity), ("age", p.age), ("occupation", p.occupation), ("phone", p.phone),
            ("address", p.address), ("legal_representative", p.legal_representative))} for p in case.parties]
        return {
            "agreement": current.uuid, "version": current.number, "committee": committee,
            "number": AgreementService.agreement_number(case.case_number or "", current.number),
            "case_number": case.case_number, "dispute_type": case.dispute_type.value, "parties": parties,
            "content": content_payload(content),
            "hosts": [p.name for p in state.people(Role.HOST)],
            "elders": [c.elder.name for c in state.chosen],
            "witnesses": [p.name for p in state.people(Role.WITNESS)],
            "recorder": [p.name for p in state.people(Role.RECORDER)],
        }

    def _render(self, state, current: AgreementVersion, content: AgreementContent, committee: str, code: str,
                warnings: tuple[str, ...]) -> Path:
        from ..documents.agreement import build_agreement_pdf

        doc = self._agreement_document(state, current, content, committee, code, warnings)
        case = state.case
        target = self._paths.documents / case.uuid / f"人民调解协议书-{case.case_number}-第{current.number}版.pdf"
        return build_agreement_pdf(doc, target)

    def _agreement_document(self, state, current: AgreementVersion, content: AgreementContent, committee: str,
                            code: str, warnings: tuple[str, ...], signed_on: dt.date | None = None):
        """The AgreementDocument both the printed PDF and the Word copy are made from."""
        from ..documents.agreement import AgreementDocument

        case = state.case
        witnesses = tuple((p, self._witness_commitment(case.id, p.id)) for p in state.people(Role.WITNESS))
        recorders = state.people(Role.RECORDER)
        return AgreementDocument(
            committee_name=committee, number=self.agreement_number(case.case_number or "", current.number),
            case=case, content=content, hosts=tuple(state.people(Role.HOST)),
            elders=tuple(c.elder for c in state.chosen), witnesses=witnesses,
            recorder=recorders[0] if recorders else None, code=code, verify_hint=VERIFY_HINT, warnings=warnings,
            signed_on=signed_on)

    def _witness_commitment(self, case_id: int, person_id: int) -> str:
        """The witness's on-the-spot commitment from the last sitting that recorded one."""
        for sitting in reversed(self._sessions.overview(case_id).sittings):
            for answer in sitting.data.witnesses:
                if answer.person_id == person_id and answer.commitment.strip():
                    return answer.commitment.strip()
        return ""


def _content_of(document: dict) -> AgreementContent:
    """Enough of a printed agreement's content to tell whether the court may confirm it."""
    content = document.get("content") or {}
    return AgreementContent(facts=content.get("facts") or "", issues=content.get("issues") or "",
                            responsibilities=content.get("responsibilities") or "", clauses=tuple(
                                SimpleNamespace(content=c.get("content") or "") for c in content.get("clauses") or []),
                            copies=int(content.get("copies") or 0), performance_note=content.get("performance_note") or "")
