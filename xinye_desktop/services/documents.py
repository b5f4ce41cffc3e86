"""Generating a case's documents into the data folder (documents/<case uuid>/)."""

from __future__ import annotations

from pathlib import Path

from ..domain.enums import CaseStatus
from ..domain.i18n import QT_TRANSLATE_NOOP
from ..paths import DataPaths
from ..storage.database import Database


class DocumentRefused(Exception):
    """The document cannot be made for this case; ``str()`` is a translatable Chinese reason."""


class DocumentService:
    def __init__(self, db: Database, paths: DataPaths):
        self._db = db
        self._paths = paths

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
