"""Generating documents into the data folder: a case's under documents/<case uuid>/, rosters under
documents/rosters/."""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.accounts import Permission
from ..domain.audit import AuditKind
from ..domain.enums import CaseSource, CaseStatus, PartyKind, PartyRole
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..paths import DataPaths
from ..storage.database import Database
from . import audit
from .access import guard
from .archive_files import file_sha256

if TYPE_CHECKING:
    from .session import SessionService

# An issued document's "archive" facts (IssuedDocumentRecord.document; left out of its digest): the
# SHA-256 of its archived PDF, and the 调解卷宗 it was last bound into (path, sha256, agreement code).
PDF_KEY = "pdf_sha256"
CASE_FILE_KEY = "case_file"


@dataclass(frozen=True)
class IssuedDocument:
    kind: str
    title: str
    code: str
    issued_at: dt.datetime
    superseded: bool
    pdf_path: Path | None


class DocumentRefused(Exception):
    """The document cannot be made for this case; ``str()`` is a translatable Chinese reason."""


class NoActiveElders(DocumentRefused):
    """The village has nobody in its 明白人库 whose term runs (retired, 一事一议 and 任期已满 elders do not
    count); ``term_over``: how many are listed with their term over."""

    def __init__(self, village: str, term_over: int = 0):
        super().__init__(QT_TRANSLATE_NOOP("Documents", "该村明白人的任期都已届满：请重新推选，在“修改”中更新任期后再打印名单")
                         if term_over else
                         QT_TRANSLATE_NOOP("Documents", "该村明白人库中还没有明白人（已退出的不算），无法打印名单"))
        self.village = village
        self.term_over = term_over


def has_application(case) -> bool:
    """A 人民调解申请书 belongs to a case the parties applied for (案件来源 当事人申请) that names an
    申请人; a case the committee took up, or one referred by the police or a court, has the 受理登记表."""
    return case.source is CaseSource.PARTY_APPLICATION and any(p.role is PartyRole.APPLICANT for p in case.parties)


class DocumentService:
    """``sessions`` reads a case's sittings and people (app.build_services passes the app's one); without
    it, one of its own is made here, once."""

    def __init__(self, db: Database, paths: DataPaths, today=dt.date.today, *,
                 sessions: "SessionService | None" = None):
        self._db = db
        self._paths = paths
        self._today = today
        if sessions is None:
            # Imported here, not at the top: app.py imports this module at start-up, and the sittings'
            # and agreements' rules are not needed before a document is made.
            from .selection import SelectionService
            from .session import SessionService

            sessions = SessionService(db, SelectionService(db))
        self._sessions = sessions

    def registration_form(self, case_id: int) -> Path:
        """人民调解受理登记表 of an accepted case, as a PDF file; returns its path."""
        return self._registration_form(case_id)[0]

    def _registration_form(self, case_id: int) -> tuple[Path, str]:
        """The 受理登记表 as ``registration_form`` makes it: (path, code)."""
        from ..documents.registration_form import (KIND, TITLE, FormContext, build_registration_form,
                                                   registration_code)

        with self._db.transaction() as uow:
            guard(uow, Permission.PRINT, case_id=case_id)
            case = uow.cases.get(case_id)
            context = FormContext(committee_name=uow.settings.get("committee_name"),
                                  registrar=uow.actor)
        if case.status is CaseStatus.REJECTED:
            raise DocumentRefused(QT_TRANSLATE_NOOP("Documents", "不予受理的案件没有受理登记表"))
        payload, digest, code = registration_code(case, context)
        target = self._paths.documents / case.uuid / f"受理登记表-{case.case_number}.pdf"
        build_registration_form(case, context, target, code)
        self._record_issue(case_id, KIND, TITLE, payload, digest, code, target)
        return target, code

    def mediation_record(self, sitting_id: int) -> Path:
        """人民调解记录 of one sitting, as a PDF file in the case's folder; returns its path."""
        from ..documents.mediation_record import RecordContext, build_mediation_record
        from ..domain.roles import Role
        from ..domain.session import rights_notice_text

        with self._db.transaction() as uow:
            case_id = uow.sittings.get(sitting_id).case_id
            guard(uow, Permission.PRINT, case_id=case_id)
            committee = uow.settings.get("committee_name")
        overview = self._sessions.overview(case_id)
        sitting = next(s for s in overview.sittings if s.id == sitting_id)
        people = overview.selection
        recorders = people.people(Role.RECORDER)
        context = RecordContext(
            committee_name=committee, case=overview.case, sitting_number=sitting.number,
            hosts=tuple(people.people(Role.HOST)), elders=tuple(c.elder for c in people.chosen),
            witnesses=tuple(people.people(Role.WITNESS)), recorder=recorders[0] if recorders else None,
            data=sitting.data, rights_notice=rights_notice_text(len(overview.case.parties)))
        target = self._paths.documents / overview.case.uuid / f"调解记录-{overview.case.case_number}-第{sitting.number}次.pdf"
        made = build_mediation_record(context, target)
        # Rendered first, recorded after: the write lock is not held while the PDF is drawn.
        with self._db.transaction() as uow:
            guard(uow, Permission.PRINT, case_id=case_id)
            audit.record(uow, AuditKind.PRINT, case_id, {"document": "人民调解记录", "sitting": sitting.number})
        return made

    # -- the case file's other documents, each coded on every page (documents/case_forms.py) ---------
    def application_form(self, case_id: int) -> tuple[Path, str]:
        """人民调解申请书 of a case: (the PDF's path, its verification code). Refused when the case has no
        申请人 (a case the committee took up itself has the 受理登记表 instead)."""
        from ..documents.case_forms import ApplicationDocument

        with self._db.transaction() as uow:
            guard(uow, Permission.PRINT, case_id=case_id)
            case = uow.cases.get(case_id)
            committee = uow.settings.get("committee_name")
        if not has_application(case):
            raise DocumentRefused(QT_TRANSLATE_NOOP(
                "Documents", "本案不是当事人申请调解的，或没有申请人，不能制作人民调解申请书（以受理登记表代替）"))
        doc = ApplicationDocument(committee_name=committee, case=case, applied_on=case.received_date)
        return self._case_form(doc, f"人民调解申请书-{_file_part(case.case_number or '未编号')}.pdf")

    def rights_notice(self, case_id: int) -> tuple[Path, str]:
        """人民调解当事人权利义务告知书 for every party of a case: (path, code). Dated the day of the first
        sitting at which the notice was read; blank before that."""
        from ..documents.case_forms import RightsNoticeDocument

        overview = self._overview(case_id)
        with self._db.transaction() as uow:
            committee = uow.settings.get("committee_name")
        read_on = next((s.data.held_on for s in overview.sittings if s.data.notice_read and s.data.held_on), None)
        # The standard notice, 双方当事人 or 各方当事人 as the case's parties are two or more.
        doc = RightsNoticeDocument(committee_name=committee, case=overview.case, notified_on=read_on)
        return self._case_form(doc, f"权利义务告知书-{_file_part(overview.case.case_number or '未编号')}.pdf")

    def oral_agreement_register(self, case_id: int) -> tuple[Path, str]:
        """人民调解口头协议登记表 of the sitting that ended in 达成口头协议: (path, code)."""
        from ..documents.case_forms import OralAgreementDocument
        from ..domain.session import Outcome

        overview = self._overview(case_id)
        sitting = _finished_with(overview, Outcome.ORAL)
        if sitting is None:
            raise DocumentRefused(QT_TRANSLATE_NOOP(
                "Documents", "本案没有以“达成口头协议”结束的调解，不能制作口头协议登记表"))
        doc = self._sitting_document(OralAgreementDocument, overview, sitting)
        return self._case_form(doc, f"口头协议登记表-{_file_part(overview.case.case_number or '未编号')}.pdf")

    def resolution_opinion(self, case_id: int) -> tuple[Path, str]:
        """化解处理意见书 of the sitting that ended in 形成化解意见: (path, code)."""
        from ..documents.case_forms import ResolutionOpinionDocument
        from ..domain.session import Outcome

        overview = self._overview(case_id)
        sitting = _finished_with(overview, Outcome.OPINION)
        if sitting is None:
            raise DocumentRefused(QT_TRANSLATE_NOOP(
                "Documents", "本案没有以“形成化解意见”结束的调解，不能制作化解处理意见书"))
        doc = self._sitting_document(ResolutionOpinionDocument, overview, sitting)
        return self._case_form(doc, f"化解处理意见书-{_file_part(overview.case.case_number or '未编号')}.pdf")

    def case_file(self, case_id: int, retention: str = "长期", remarks: str = "") -> tuple[Path, int]:
        """The 调解卷宗 of a case whose mediation has ended, bound as one PDF in the case's folder:
        (path, pages of documents). The documents are made afresh from the case's data, so the file
        holds their current versions (an unchanged document keeps its code). The bound file's SHA-256
        is kept with the coded documents in it (``_record_binding``)."""
        from ..documents.case_file import RETENTIONS, CaseFileContext, FileEntry, build_case_file, file_number
        from ..domain.agreement import AgreementState
        from ..domain.roles import Role
        from ..domain.session import Outcome

        if retention not in RETENTIONS:
            raise ValueError(retention)
        self._allowed(case_id)
        overview = self._overview(case_id)
        case = overview.case
        if case.status is CaseStatus.REJECTED:
            raise DocumentRefused(QT_TRANSLATE_NOOP("Documents", "不予受理的案件不立调解卷宗"))
        if case.status in (CaseStatus.ACCEPTED, CaseStatus.MEDIATING):
            raise DocumentRefused(QT_TRANSLATE_NOOP("Documents", "调解尚未结束，结案后才能整理调解卷宗"))
        with self._db.transaction() as uow:
            year, sequence = uow.cases.numbering(case_id)
            committee = uow.settings.get("committee_name")
            operator = uow.actor
            versions = uow.agreements.for_case(case_id, (AgreementState.SIGNED, AgreementState.PRINTED))
            in_force = max(versions, key=lambda v: (v.state is AgreementState.SIGNED, v.number), default=None)
            agreement_pdf = self._paths.root / in_force.pdf_path if in_force and in_force.pdf_path else None
            agreement_state = in_force.state if in_force else None
            agreement_code = in_force.code if in_force else None

        # The codes printed in the bound file: each of those documents' records then vouches for it.
        codes: list[str] = []

        def coded(made: tuple[Path, str]) -> Path:
            codes.append(made[1])
            return made[0]

        entries: list[FileEntry] = []
        if has_application(case):
            entries.append(FileEntry("人民调解申请书", coded(self.application_form(case_id))))
        else:
            entries.append(FileEntry("人民调解受理登记表", coded(self._registration_form(case_id))))
        entries.append(FileEntry("人民调解当事人权利义务告知书", coded(self.rights_notice(case_id))))
        entries.append(FileEntry("当事人身份证明", None, "纸质材料另附"))
        for sitting in overview.sittings:
            entries.append(FileEntry(f"人民调解记录（第{sitting.number}次）", self.mediation_record(sitting.id)))
        ended = {s.outcome for s in overview.sittings if s.finished}
        bound_agreement = None
        if agreement_pdf is not None and agreement_pdf.exists():
            note = "已签署生效" if agreement_state is AgreementState.SIGNED else "已打印，未登记签署"
            entries.append(FileEntry("人民调解协议书", agreement_pdf, note))
            bound_agreement = agreement_code
        elif agreement_state is AgreementState.SIGNED:  # the archived copy is not in the data folder
            entries.append(FileEntry("人民调解协议书", None, "已签署生效，纸质原件另附"))
        elif case.status is CaseStatus.AGREEMENT_WRITTEN:
            entries.append(FileEntry("人民调解协议书", None, "本程序中尚未打印"))
        if Outcome.ORAL in ended:
            entries.append(FileEntry("人民调解口头协议登记表", coded(self.oral_agreement_register(case_id))))
        if Outcome.OPINION in ended:
            entries.append(FileEntry("化解处理意见书", coded(self.resolution_opinion(case_id))))
        entries += self._aftercare_entries(case_id, codes)
        entries.append(FileEntry("封底", None, "本卷末页"))

        people = overview.selection
        days = sorted(s.data.held_on for s in overview.sittings if s.data.held_on)
        context = CaseFileContext(
            committee_name=committee, file_number=file_number(year, sequence), case_number=case.case_number or "",
            file_name=f"{'、'.join(p.name for p in case.parties[:3])}{'等' if len(case.parties) > 3 else ''}"
                      f"{case.dispute_type.label}",
            mediators=tuple(dict.fromkeys([h.name for h in people.people(Role.HOST)] + [c.elder.name for c in people.chosen])),
            first_day=days[0] if days else None, last_day=days[-1] if days else None, filed_by=operator or "",
            filed_on=self._today(), retention=retention, remarks=remarks, entries=tuple(entries),
            party_names=tuple(p.name for p in case.parties if p.kind is not PartyKind.ORGANISATION))
        target = self._paths.documents / case.uuid / f"调解卷宗-{_file_part(case.case_number or '未编号')}.pdf"
        bound = build_case_file(context, target)
        self._record_binding(case_id, target, codes, bound_agreement)
        return bound

    def _record_binding(self, case_id: int, target: Path, codes: list[str], agreement_code: str | None) -> None:
        """Keep the bound file's SHA-256 in the archive facts of every coded document bound into it (the
        digest leaves those facts out), so that ``check`` and each of their codes tell a changed or missing
        调解卷宗; ``agreement`` names the agreement version bound with them. Binding again overwrites the
        same file: documents no longer in it lose the facts, which would now describe another file."""
        from ..domain.agreement import ARCHIVE_KEY

        relative = target.relative_to(self._paths.root).as_posix()
        facts = {"path": relative, "sha256": file_sha256(target)}
        if agreement_code:
            facts["agreement"] = agreement_code
        with self._db.transaction() as uow:
            guard(uow, Permission.PRINT, case_id=case_id)
            for record in uow.issued.for_case(case_id):
                document = record.document
                archive = document.get(ARCHIVE_KEY, {})
                if record.code in codes:
                    archive[CASE_FILE_KEY] = facts
                elif archive.get(CASE_FILE_KEY, {}).get("path") == relative:
                    del archive[CASE_FILE_KEY]
                else:
                    continue
                document[ARCHIVE_KEY] = archive
                uow.issued.set_document(record.id, document)
            audit.record(uow, AuditKind.PRINT, case_id, {"document": "调解卷宗", "documents": len(codes)})

    def _aftercare_entries(self, case_id: int, codes: list[str]) -> list:
        """人民调解回访记录 of every visit made, then the 司法确认 application once it was made, with the
        court's decision as a note (the ruling itself is paper, filed with it); their codes are added
        to ``codes``."""
        from ..documents.case_file import FileEntry
        from ..documents.text import chinese_date
        from .aftercare_overview import aftercare_overview

        with self._db.transaction() as uow:
            care = aftercare_overview(uow, case_id, self._today())
        entries = []
        for v in sorted((v for v in care.visits if v.done), key=lambda v: v.visited_on):
            path, code = self.visit_record(care, v)
            codes.append(code)
            entries.append(FileEntry(f"人民调解回访记录（{chinese_date(v.visited_on)}）", path))
        if care.applied_on is not None:
            note = (f"{care.court}{care.confirmation_number}" if care.decided_on else "申请中，法院文书另附")
            path, code = self.confirmation_application(care)
            codes.append(code)
            entries.append(FileEntry("司法确认申请书", path, note))
        return entries

    def _allowed(self, case_id: int) -> None:
        """Refused before a document is rendered (the write that records it asks again)."""
        with self._db.transaction() as uow:
            guard(uow, Permission.PRINT, case_id=case_id)

    def _overview(self, case_id: int):
        return self._sessions.overview(case_id)

    def _sitting_document(self, kind, overview, sitting):
        from ..domain.roles import Role

        people = overview.selection
        recorders = people.people(Role.RECORDER)
        with self._db.transaction() as uow:
            committee = uow.settings.get("committee_name")
        return kind(committee_name=committee, case=overview.case, sitting_number=sitting.number, data=sitting.data,
                    hosts=tuple(people.people(Role.HOST)), elders=tuple(c.elder for c in people.chosen),
                    witnesses=tuple(people.people(Role.WITNESS)), recorder=recorders[0] if recorders else None)

    def _case_form(self, doc, name: str, aftercare: bool = False) -> tuple[Path, str]:
        """Code ``doc`` from what it prints and write it into the case's folder: (path, code).
        ``aftercare``: a document of documents/aftercare_forms.py (回访记录, 司法确认申请书)."""
        if aftercare:
            from ..documents.aftercare_forms import build_aftercare_pdf as build_case_form_pdf
            from ..documents.aftercare_forms import document_code, payload
        else:
            from ..documents.case_forms import build_case_form_pdf, document_code, payload

        self._allowed(doc.case.id)  # before the file is made
        digest, code = document_code(doc)
        doc = replace(doc, code=code)
        target = self._paths.documents / doc.case.uuid / name
        build_case_form_pdf(doc, target)
        self._record_issue(doc.case.id, doc.kind, doc.title, payload(doc), digest, code, target)
        return target, code

    # -- after the agreement (documents/aftercare_forms.py) ------------------------------------------
    def visit_record(self, care, visit) -> tuple[Path, str]:
        """人民调解回访记录 of a visit made (services.aftercare: ``care`` its case's Aftercare): (path, code)."""
        from ..documents.aftercare_forms import VisitRecordDocument

        terms = {t.id: t for t in care.terms}
        findings = tuple((terms[tid].content if tid in terms else "", status.label, note)
                         for tid, status, note in visit.findings)
        with self._db.transaction() as uow:
            committee = uow.settings.get("committee_name")
        doc = VisitRecordDocument(
            committee_name=committee, case=care.case, visit_id=visit.id, agreement_number=care.agreement_number,
            visited_on=visit.visited_on, visitor=visit.visitor, visited=visit.visited, method=visit.method.label,
            terms=findings, performance=visit.performance.label, satisfaction=visit.satisfaction.label,
            lawsuit=visit.lawsuit, risks=visit.risks, measures=visit.measures, notes=visit.notes)
        number = _file_part(care.case.case_number or "未编号")
        return self._case_form(doc, f"回访记录-{number}-{visit.visited_on:%Y%m%d}-{visit.id}.pdf", aftercare=True)

    def confirmation_application(self, care) -> tuple[Path, str]:
        """司法确认申请书, signed jointly by every party: (path, code). Dated and addressed when the
        application was recorded; blanks to fill in by hand before that."""
        from ..documents.aftercare_forms import ConfirmationApplicationDocument
        from ..documents.text import chinese_date

        with self._db.transaction() as uow:
            committee = uow.settings.get("committee_name")
        def term(t) -> str:
            parts = [part for part in (t.obligor, t.amount, f"{chinese_date(t.deadline)}前履行" if t.deadline else "")
                     if part]
            return t.content.rstrip("。；;，, ") + (f"（{'，'.join(parts)}）" if parts else "") + "。"

        terms = tuple(term(t) for t in care.terms)
        doc = ConfirmationApplicationDocument(
            committee_name=committee, case=care.case, agreement_number=care.agreement_number,
            effective_on=care.effective_on, terms=terms, court=care.court, applied_on=care.applied_on)
        return self._case_form(doc, f"司法确认申请书-{_file_part(care.case.case_number or '未编号')}.pdf",
                               aftercare=True)

    def _record_issue(self, case_id: int, kind: str, title: str, document: dict, digest: str, code: str,
                      path: Path) -> None:
        """Keep what a coded document printed, so its code verifies later, with the archived PDF's own
        SHA-256 in its "archive" facts (left out of the digest, as an agreement's are) to tell later
        whether the file was changed. The same content issued again finds its row (the file's place,
        hash and time are refreshed: the PDF was written anew); changed content is a new row and the
        older ones stay, superseded, for the paper they were printed on."""
        from ..domain.agreement import ARCHIVE_KEY

        relative = path.relative_to(self._paths.root).as_posix()
        sha = file_sha256(path)
        with self._db.transaction() as uow:
            guard(uow, Permission.PRINT, case_id=case_id)
            record = uow.issued.by_code(code)
            if record is None:
                uow.issued.add(case_id, kind, title, {**document, ARCHIVE_KEY: {PDF_KEY: sha}}, digest, code, relative)
            else:
                kept = record.document
                kept.setdefault(ARCHIVE_KEY, {})[PDF_KEY] = sha
                uow.issued.reissue(code, kept, relative)
            audit.record(uow, AuditKind.PRINT, case_id, {"document": title, "code": code})

    def issued(self, case_id: int) -> list[IssuedDocument]:
        """The coded documents issued for a case, newest first, each marked whether a later issue of
        the same kind superseded it."""
        with self._db.transaction() as uow:
            rows = uow.issued.for_case(case_id)
            seen: set[str] = set()
            out = []
            for r in rows:
                out.append(IssuedDocument(r.kind, r.title, r.code, r.issued_at, superseded=r.kind in seen,
                                          pdf_path=self._paths.root / r.pdf_path if r.pdf_path else None))
                seen.add(r.kind)
            return out

    def elder_roster(self, village: str, *, show_phone: bool = False) -> Path:
        """《矛盾化解“三理”室“明白人”名单》 of one village, as a PDF file; returns its path.

        Lists the village's pool (not retired, not 一事一议) by 村民小组, then name. Phone numbers
        are printed only with ``show_phone``, when the elders agreed to have them on the wall.

        Elders whose three-year term is over are left out: the wall list tells the villagers who holds
        the role now, by the 村民会议's choice (domain.md §4); a paper on the wall cannot follow the day
        a term ends, and a name on it marked 任期已满 would still read as the committee's choice. The
        parties may still choose such an elder for their case (the 选择明白人 list shows them, marked).
        Raises NoActiveElders when the village has nobody in its pool whose term runs.
        """
        from ..documents.elder_roster import render_elder_roster

        village = (village or "").strip()
        if not village:  # the pool query would list every village
            raise NoActiveElders(village)
        today = self._today()
        with self._db.transaction() as uow:
            guard(uow, Permission.PRINT)
            if show_phone:
                guard(uow, Permission.UNMASK)  # the wall list then shows every full phone number
            pool = [e for e in uow.elders.pool(village=village) if not e.retired and not e.ad_hoc]
            committee_name = uow.settings.get("committee_name")
        elders = [e for e in pool if not e.term_over(today)]
        if not elders:
            raise NoActiveElders(village, len(pool))
        elders.sort(key=lambda e: (_group_key(e.group), e.name_initials, e.name, e.id or 0))
        folder = self._paths.documents / "rosters"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"明白人名单-{_file_part(village)}-{today:%Y%m%d}.pdf"
        handle, tmp_name = tempfile.mkstemp(prefix=".明白人名单-", suffix=".tmp", dir=folder)
        os.close(handle)
        tmp = Path(tmp_name)
        try:
            render_elder_roster(tmp, committee_name=committee_name, village=village, elders=elders,
                                printed_on=today, show_phone=show_phone)
            with self._db.transaction() as uow:  # the file is put in place with its audit row
                guard(uow, Permission.PRINT)
                audit.record(uow, AuditKind.PRINT, None, {"document": "明白人名单", "village": village,
                                                          "elders": len(elders), "show_phone": show_phone})
                os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
        return target


def _finished_with(overview, outcome):
    """The last finished sitting of the case that ended with ``outcome``, or None."""
    return next((s for s in reversed(overview.sittings) if s.finished and s.outcome is outcome), None)


def _group_key(group: str) -> tuple:
    """村民小组 in their natural order (2组 before 10组); elders without a group come last."""
    parts = re.split(r"(\d+)", group.strip())
    return (not group.strip(), [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts if p])


def _file_part(text: str) -> str:
    """The village name made safe for a file name on Windows and Linux."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text.strip()) or "未命名村"
