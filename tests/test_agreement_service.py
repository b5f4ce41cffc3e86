"""The agreement's life: draft, print (frozen, archived, coded), sign, new version, verify."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.test_session_service import fill_all, ready_case
from xinye_desktop.domain.agreement import AgreementInput, AgreementState, ClauseInput, PaymentMeans, PaymentMode
from xinye_desktop.domain.enums import PerformanceStatus
from xinye_desktop.domain.errors import Refused, ValidationFailed
from xinye_desktop.domain.session import Outcome
from xinye_desktop.services.agreements import AgreementService
from xinye_desktop.services.elders import ElderService, PeopleService
from xinye_desktop.services.intake import IntakeService
from xinye_desktop.services.selection import SelectionService
from xinye_desktop.services.session import SessionService


@pytest.fixture
def s(database, data_paths):
    selection = SelectionService(database)
    return {"intake": IntakeService(database), "elders": ElderService(database), "people": PeopleService(database),
            "selection": selection, "session": SessionService(database, selection),
            "agreements": AgreementService(database, data_paths, selection), "paths": data_paths}


def form_for(case) -> AgreementInput:
    zhang, li = (p.id for p in case.parties)
    return AgreementInput(
        facts=case.facts, issues="院墙是否越界、损失如何赔偿",
        clauses=[ClauseInput(obligor=li, obligee=zhang, content="赔偿院墙损失", amount_text="12000",
                             mode=PaymentMode.LUMP_SUM, means=PaymentMeans.TRANSFER, deadline_text="2026-12-31"),
                 ClauseInput(content="双方今后按原界线各自管理，互不干涉")])


def agreed_case(s, case=None):
    case = case or ready_case(s)
    sitting = s["session"].start(case.id)
    data = fill_all(sitting.data, [p.id for p in case.parties])
    data.outcome = Outcome.WRITTEN
    sitting = s["session"].save(sitting.id, data, expected_version=sitting.version)
    s["session"].finish(sitting.id, expected_version=sitting.version)
    return case


def test_a_draft_needs_a_written_agreement_and_keeps_incomplete_input(s):
    case = ready_case(s)
    with pytest.raises(Refused, match="达成书面协议后"):
        s["agreements"].save_draft(case.id, AgreementInput(facts="x"))
    case = agreed_case(s, case)
    starting = s["agreements"].starting_form(case.id)
    assert starting.facts == case.facts and "张建国：" in starting.issues
    draft = s["agreements"].save_draft(case.id, AgreementInput(facts="只写了一半"))
    assert draft.state is AgreementState.DRAFT and draft.number == 1
    assert s["agreements"].current(case.id).form.facts == "只写了一半"


def test_printing_is_refused_with_the_reasons_while_content_is_missing(s):
    case = agreed_case(s)
    s["agreements"].save_draft(case.id, AgreementInput(facts="事实"))
    with pytest.raises(ValidationFailed) as failed:
        s["agreements"].print_agreement(case.id)
    assert {e.field for e in failed.value.errors} == {"issues", "clauses"}
    assert s["agreements"].current(case.id).state is AgreementState.DRAFT


def test_print_sign_new_version_and_verify(s, monkeypatch):
    rendered = []

    def fake_render(self, state, current, content, committee, code, warnings):
        target = s["paths"].documents / state.case.uuid / f"v{current.number}.pdf"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"%PDF-1.4 test")
        rendered.append((current.number, code, warnings))
        return target

    monkeypatch.setattr(AgreementService, "_render", fake_render)
    case = agreed_case(s)
    s["agreements"].save_draft(case.id, form_for(case))
    printed = s["agreements"].print_agreement(case.id)
    assert printed.state is AgreementState.PRINTED and printed.code and printed.digest
    assert printed.pdf_path.exists() and rendered[0][1] == printed.code
    assert printed.document["content"]["clauses"][0]["amount"] == "12000.00"
    with pytest.raises(Refused, match="另起新版本"):
        s["agreements"].save_draft(case.id, AgreementInput(facts="改"))

    found = s["agreements"].verify(printed.code.lower().replace("-", " "))
    assert found.found and found.intact and found.number == 1 and found.state is AgreementState.PRINTED
    assert not s["agreements"].verify("0000-0000-0000").found
    assert s["agreements"].verify("not a code").code is None

    with pytest.raises(ValidationFailed):
        s["agreements"].mark_signed(printed.id, dt.date.today() + dt.timedelta(days=1))
    signed = s["agreements"].mark_signed(printed.id, dt.date.today())
    assert signed.state is AgreementState.SIGNED and signed.signed_on == dt.date.today()
    assert s["intake"].load(case.id).performance_status is PerformanceStatus.PERFORMING

    scan = s["paths"].root / "scan.jpg"
    scan.write_bytes(b"\xff\xd8 fake jpeg")
    with_scan = s["agreements"].attach_scan(signed.id, scan)
    assert with_scan.scan_path.exists() and with_scan.scan_path.read_bytes() == scan.read_bytes()

    draft = s["agreements"].new_version(case.id)
    assert draft.number == 2 and draft.state is AgreementState.DRAFT and draft.form.clauses[0].amount_text == "12000"
    form = draft.form
    form.clauses[0].amount_text = "10000"
    s["agreements"].save_draft(case.id, form)
    second = s["agreements"].print_agreement(case.id)
    assert second.code != printed.code
    # Version 1 was signed: it stays in force until version 2 is signed too.
    versions = s["agreements"].versions(case.id)
    assert [v.state for v in versions] == [AgreementState.SIGNED, AgreementState.PRINTED]
    assert s["agreements"].in_force(case.id).number == 1
    old = s["agreements"].verify(printed.code)
    assert old.found and old.state is AgreementState.SIGNED and not old.superseded and old.standing
    assert (old.in_force_number, old.pending_number, old.latest_number) == (1, 2, 2)
    assert "人民调解协议书第1版 已签署生效；第2版已打印待签" in said(old)[0]
    new = s["agreements"].verify(second.code)
    assert new.state is AgreementState.PRINTED and not new.standing
    assert f"第2版 已打印待签，尚未生效；现行有效的是第1版（{dt.date.today().isoformat()}签署）" in said(new)[0]

    # Signed, version 2 replaces version 1, and says so in the history.
    s["agreements"].mark_signed(second.id, dt.date.today())
    versions = s["agreements"].versions(case.id)
    assert [v.state for v in versions] == [AgreementState.SUPERSEDED, AgreementState.SIGNED]
    old = s["agreements"].verify(printed.code)
    assert old.superseded and not old.standing and old.state is AgreementState.SUPERSEDED
    assert "第1版 已被取代，不再有效；现行有效的是第2版" in said(old)[0]
    sign = [e for e in s["intake"].history(case.id) if e.action == "agreement_sign"][-1]
    assert sign.changes[1] == ["调解协议", "第1版（已签署生效）", "已被取代"]
    assert s["agreements"].verify(second.code).standing


def said(found) -> list[str]:
    from xinye_desktop.services.agreements import verification_lines

    return [message.format(**params) for message, params in verification_lines(found)]


def test_an_unsigned_version_is_superseded_when_the_next_one_is_printed(s, monkeypatch):
    monkeypatch.setattr(AgreementService, "_render", _fake_render(s["paths"]))
    case = agreed_case(s)
    s["agreements"].save_draft(case.id, form_for(case))
    first = s["agreements"].print_agreement(case.id)
    s["agreements"].new_version(case.id)
    second = s["agreements"].print_agreement(case.id)
    assert [v.state for v in s["agreements"].versions(case.id)] == [AgreementState.SUPERSEDED, AgreementState.PRINTED]
    with pytest.raises(Refused):  # the old paper can no longer be signed: two texts would compete
        s["agreements"].mark_signed(first.id, dt.date.today())
    lines = said(s["agreements"].verify(first.code))
    assert "第1版 已被取代，不再有效。" in lines[0] and lines[1] == "第2版已打印待签。"
    assert "第2版 已打印待签，尚未登记签署生效" in said(s["agreements"].verify(second.code))[0]
    assert s["agreements"].in_force(case.id).number == 2
    printed = [e for e in s["intake"].history(case.id) if e.action == "agreement_print"][-1]
    assert printed.changes[1] == ["调解协议", "第1版（未签署）", "已被取代"]


def test_a_signed_version_outlasts_changes_that_were_never_signed(s, monkeypatch):
    monkeypatch.setattr(AgreementService, "_render", _fake_render(s["paths"]))
    case = agreed_case(s)
    s["agreements"].save_draft(case.id, form_for(case))
    first = s["agreements"].mark_signed(s["agreements"].print_agreement(case.id).id, dt.date.today())
    s["agreements"].new_version(case.id)
    second = s["agreements"].print_agreement(case.id)
    s["agreements"].new_version(case.id)
    third = s["agreements"].print_agreement(case.id)
    assert [v.state for v in s["agreements"].versions(case.id)] == [
        AgreementState.SIGNED, AgreementState.SUPERSEDED, AgreementState.PRINTED]
    assert s["agreements"].in_force(case.id).id == first.id
    assert "第2版 未经签署即被取代；现行有效的是第1版" in said(s["agreements"].verify(second.code))[0]
    assert "第1版 已签署生效；第3版已打印待签" in said(s["agreements"].verify(first.code))[0]
    assert "现行有效的是第1版" in said(s["agreements"].verify(third.code))[0]
    # the aftercare still follows version 1 until version 3 is signed
    from xinye_desktop.services.aftercare import AftercareService

    care = AftercareService(s["agreements"]._db, s["paths"]).overview(case.id)
    assert care.agreement_number == case.case_number and care.effective_on == dt.date.today()


def _fake_render(paths):
    def render(self, state, current, content, committee, code, warnings):
        target = paths.documents / state.case.uuid / f"v{current.number}.pdf"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"%PDF-1.4 test " + code.encode())
        return target
    return render


def test_a_tampered_archive_no_longer_verifies(s, monkeypatch, database):
    monkeypatch.setattr(AgreementService, "_render", lambda self, state, current, *a: (
        s["paths"].documents.mkdir(parents=True, exist_ok=True) or (s["paths"].documents / "x.pdf")))
    case = agreed_case(s)
    s["agreements"].save_draft(case.id, form_for(case))
    printed = s["agreements"].print_agreement(case.id)
    with database.transaction() as uow:
        from xinye_desktop.storage.records import AgreementRecord

        record = uow.session.get(AgreementRecord, printed.id)
        record.document = record.document.replace("12000.00", "1200.00")
    assert not s["agreements"].verify(printed.code).intact


def test_command_line_writes_the_agreement_and_verifies_its_code(s, monkeypatch, capsys):
    from xinye_desktop.__main__ import main

    def fake_render(self, state, current, content, committee, code, warnings):
        target = s["paths"].documents / state.case.uuid / f"v{current.number}.pdf"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"%PDF-1.4 " + code.encode())
        return target

    monkeypatch.setattr(AgreementService, "_render", fake_render)
    case = agreed_case(s)
    s["agreements"].save_draft(case.id, form_for(case))
    root = str(s["paths"].root)
    out = s["paths"].root / "out" / "agreement.pdf"
    assert main(["agreement", case.case_number, "--out", str(out), "--data-dir", root]) == 0
    code = s["agreements"].current(case.id).code
    assert out.read_bytes().endswith(code.encode())
    assert code in capsys.readouterr().out
    assert main(["verify", code.lower(), "--data-dir", root]) == 0
    assert case.case_number in capsys.readouterr().out
    assert main(["verify", "0000-0000-0000", "--data-dir", root]) == 1
    assert main(["agreement", "（2026）新调字第999号", "--out", str(out), "--data-dir", root]) == 2


def test_the_codes_of_the_case_file_documents_verify_on_the_command_line(s, database, capsys):
    from xinye_desktop.__main__ import main
    from xinye_desktop.services.documents import DocumentService
    from xinye_desktop.storage.records import IssuedDocumentRecord

    case = agreed_case(s)
    documents = DocumentService(database, s["paths"])
    path, code = documents.application_form(case.id)
    root = str(s["paths"].root)
    assert main(["verify", code, "--data-dir", root]) == 0
    out = capsys.readouterr().out
    assert f"核验码 {code}：{case.case_number} {case.title} 人民调解申请书" in out and "已被取代" not in out
    assert f"存档文件：{path}" in out

    # Someone alters the archived record: the code still finds it, but says the archive changed.
    with database.transaction() as uow:
        from sqlalchemy import select

        record = uow.session.scalars(select(IssuedDocumentRecord).where(IssuedDocumentRecord.code == code)).one()
        record.document = record.document.replace(case.parties[0].name, "王某某")
    assert main(["verify", code, "--data-dir", root]) == 1
    assert "警告：存档内容与打印时的摘要不符" in capsys.readouterr().out
