"""The aftercare of one case as it stands (services.aftercare's overview): the agreement in effect, its
terms and visits, the 司法确认 window and whether the agreement may go to the court. A read over the
caller's unit of work, through repositories, shared by AftercareService and DocumentService (the 回访记录
and 司法确认申请书 are made from it) so that neither service needs the other to read it."""

from __future__ import annotations

import datetime as dt

from ..domain.aftercare import Aftercare, Eligibility, confirmation_window, eligibility_refusal
from ..domain.agreement import NOT_CONFIRMABLE_WARNING, AgreementState, agreement_number, hash_scheme, relation_terms_in
from ..domain.cases import CaseStage, DisputeCase
from ..domain.enums import CaseStatus
from .taking_effect import eligibility_decision


def aftercare_overview(uow, case_id: int, today: dt.date) -> Aftercare:
    stage = uow.cases.stage(case_id)
    case = uow.cases.get(case_id)
    terms = uow.terms.current(case_id)
    visits = uow.visits.for_case(case_id)
    signed = uow.agreements.latest_signed(case_id)
    eligibility = eligibility_of(uow, stage, case)
    number = agreement_number(case.case_number or "", signed[0]) if signed else (case.case_number or "")
    window = confirmation_window(case.status, stage.confirmable, stage.effective_on, case.confirmation_status, today)
    return Aftercare(case, stage.effective_on, stage.confirmable, window, stage.confirmation_applied_on,
                     stage.confirmation_court, stage.confirmation_decided_on, stage.confirmation_number,
                     stage.confirmation_note, number, tuple(terms), tuple(visits), eligibility)


def eligibility_of(uow, stage: CaseStage, case: DisputeCase) -> Eligibility:
    """The decision and its ground. The terms read are those of the agreement in force (the latest
    signed version), else of the newest printed one, else of the draft."""
    rank = {AgreementState.SIGNED: 0, AgreementState.PRINTED: 1, AgreementState.DRAFT: 2}
    versions = uow.agreements.texts(stage.id)  # newest first: of equal rank, the newest is chosen
    chosen = min((v for v in versions if v[1] in rank), key=lambda v: rank[v[1]], default=None)
    texts: list[str] = []
    if chosen is not None:
        _number, state, document, content = chosen
        raw = (document or {}).get("content") or {} if state is not AgreementState.DRAFT else content
        texts = [c.get("content") or "" for c in raw.get("clauses") or []] + [raw.get("performance_note") or ""]
    found = relation_terms_in(texts)
    refusal = eligibility_refusal(case.status, case.confirmation_status)
    decided = eligibility_decision(uow, stage.id)
    if decided is not None:
        value, reason, at, operator = decided
        otherwise = 0
        if chosen is not None and chosen[1] is not AgreementState.DRAFT:
            document = chosen[2] or {}
            warned = NOT_CONFIRMABLE_WARNING in (document.get("warnings") or [])
            if hash_scheme(document) >= 2 and warned == value:  # scheme 1 did not keep the box
                otherwise = chosen[0]
        return Eligibility(value, True, reason, at, operator, found, refusal, otherwise)
    value = stage.confirmable if stage.confirmable is not None else (
        not found if chosen is not None and case.status is CaseStatus.AGREEMENT_WRITTEN else None)
    return Eligibility(value, False, relation_terms=found, refusal=refusal)
