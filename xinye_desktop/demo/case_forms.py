"""The coded documents of a few demo case files (申请书, 登记表, 告知书, 口头协议登记表, 化解处理意见书 and
two bound 卷宗), made through DocumentService as a mediator would have made them."""

from __future__ import annotations

from ..domain.session import Outcome
from ..storage import bulk
from ..storage.database import Database


def add_case_forms(db: Database, case_ids: set[int]) -> None:
    """The coded documents of a few case files, as a mediator would have made them: 申请书, 登记表 and
    告知书 for the cases whose agreement was printed in the app, and the 口头协议登记表 / 化解处理意见书 of
    a few cases that ended that way (a handful: each PDF takes tens of milliseconds)."""
    from ..paths import DataPaths
    from ..services.documents import DocumentRefused, DocumentService

    ids = sorted(case_ids)
    with_agreement, by_outcome = bulk.cases_for_case_forms(db, case_ids, (Outcome.ORAL.value, Outcome.OPINION.value), 3)
    ended = {outcome: by_outcome[outcome.value] for outcome in (Outcome.ORAL, Outcome.OPINION)}
    documents = DocumentService(db, DataPaths(db.path.parent))
    for case_id in with_agreement:
        for make in (documents.application_form, documents.registration_form, documents.rights_notice):
            try:
                make(case_id)
            except DocumentRefused:  # e.g. a case the committee took up itself has no 申请书
                pass
    for case_id in ended[Outcome.ORAL]:
        documents.registration_form(case_id)
        documents.oral_agreement_register(case_id)
    for case_id in ended[Outcome.OPINION]:
        documents.resolution_opinion(case_id)
    # Two bound case files (调解卷宗): a signed written agreement and an oral one.
    signed = bulk.first_signed_archived_case(db, ids)
    for case_id in [c for c in (signed, (ended[Outcome.ORAL] or [None])[0]) if c is not None]:
        documents.case_file(case_id, "长期")

