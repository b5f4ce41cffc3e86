"""Generating documents into the data folder: a case's under documents/<case uuid>/, rosters under
documents/rosters/."""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from pathlib import Path

from ..domain.enums import CaseStatus
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..paths import DataPaths
from ..storage.database import Database


class DocumentRefused(Exception):
    """The document cannot be made for this case; ``str()`` is a translatable Chinese reason."""


class NoActiveElders(DocumentRefused):
    """The village has nobody in its 明白人库 (retired and 一事一议 elders do not count)."""

    def __init__(self, village: str):
        super().__init__(QT_TRANSLATE_NOOP("Documents", "该村明白人库中还没有明白人（已退出的不算），无法打印名单"))
        self.village = village


class DocumentService:
    def __init__(self, db: Database, paths: DataPaths, today=dt.date.today):
        self._db = db
        self._paths = paths
        self._today = today

    def registration_form(self, case_id: int) -> Path:
        """人民调解受理登记表 of an accepted case, as a PDF file; returns its path."""
        from ..documents.registration_form import FormContext, build_registration_form

        with self._db.transaction() as uow:
            case = uow.cases.get(case_id)
            context = FormContext(committee_name=uow.settings.get("committee_name"),
                                  registrar=uow.settings.get("operator"))
        if case.status is CaseStatus.REJECTED:
            raise DocumentRefused(QT_TRANSLATE_NOOP("Documents", "不予受理的案件没有受理登记表"))
        target = self._paths.documents / case.uuid / f"受理登记表-{case.case_number}.pdf"
        return build_registration_form(case, context, target)

    def mediation_record(self, sitting_id: int) -> Path:
        """人民调解记录 of one sitting, as a PDF file in the case's folder; returns its path."""
        from ..documents.mediation_record import RecordContext, build_mediation_record
        from ..domain.roles import Role
        from ..domain.session import RIGHTS_NOTICE
        from ..services.selection import SelectionService
        from ..services.session import SessionService

        selection = SelectionService(self._db)
        with self._db.transaction() as uow:
            from ..storage.records import SittingRecord

            record = uow.session.get(SittingRecord, sitting_id)
            if record is None:
                from ..domain.errors import NotFound

                raise NotFound(sitting_id)
            case_id = record.case_id
            committee = uow.settings.get("committee_name")
        overview = SessionService(self._db, selection).overview(case_id)
        sitting = next(s for s in overview.sittings if s.id == sitting_id)
        people = overview.selection
        recorders = people.people(Role.RECORDER)
        context = RecordContext(
            committee_name=committee, case=overview.case, sitting_number=sitting.number,
            hosts=tuple(people.people(Role.HOST)), elders=tuple(c.elder for c in people.chosen),
            witnesses=tuple(people.people(Role.WITNESS)), recorder=recorders[0] if recorders else None,
            data=sitting.data, rights_notice=RIGHTS_NOTICE)
        target = self._paths.documents / overview.case.uuid / f"调解记录-{overview.case.case_number}-第{sitting.number}次.pdf"
        return build_mediation_record(context, target)

    def elder_roster(self, village: str, *, show_phone: bool = False) -> Path:
        """《矛盾化解“三理”室“明白人”名单》 of one village, as a PDF file; returns its path.

        Lists the village's pool (not retired, not 一事一议) by 村民小组, then name. Phone numbers
        are printed only with ``show_phone``, when the elders agreed to have them on the wall.
        Raises NoActiveElders when the village has nobody in its pool.
        """
        from ..documents.elder_roster import render_elder_roster

        village = (village or "").strip()
        if not village:  # the pool query would list every village
            raise NoActiveElders(village)
        with self._db.transaction() as uow:
            elders = [e for e in uow.elders.pool(village=village) if not e.retired and not e.ad_hoc]
            committee_name = uow.settings.get("committee_name")
        if not elders:
            raise NoActiveElders(village)
        elders.sort(key=lambda e: (_group_key(e.group), e.name_initials, e.name, e.id or 0))
        today = self._today()
        folder = self._paths.documents / "rosters"
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"明白人名单-{_file_part(village)}-{today:%Y%m%d}.pdf"
        handle, tmp_name = tempfile.mkstemp(prefix=".明白人名单-", suffix=".tmp", dir=folder)
        os.close(handle)
        tmp = Path(tmp_name)
        try:
            render_elder_roster(tmp, committee_name=committee_name, village=village, elders=elders,
                                printed_on=today, show_phone=show_phone)
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
        return target


def _group_key(group: str) -> tuple:
    """村民小组 in their natural order (2组 before 10组); elders without a group come last."""
    parts = re.split(r"(\d+)", group.strip())
    return (not group.strip(), [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts if p])


def _file_part(text: str) -> str:
    """The village name made safe for a file name on Windows and Linux."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text.strip()) or "未命名村"
