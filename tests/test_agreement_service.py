"""The agreement's life: draft, print (frozen, archived, coded), sign, new version, verify."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from pypdf import PdfReader

from tests.helpers import agreement_services
from tests.test_session_service import fill_all, ready_case
from xinye_desktop.domain.agreement import AgreementInput, AgreementState, ClauseInput, PaymentMeans, PaymentMode
from xinye_desktop.domain.enums import PerformanceStatus
from xinye_desktop.domain.errors import Refused, ValidationFailed
from xinye_desktop.domain.session import Outcome
from xinye_desktop.services.agreements import AgreementService


@pytest.fixture
def s(database, data_paths):
    return agreement_services(database, data_paths)


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


def test_a_tampered_archive_no_longer_verifies(s, database, capsys):
    """The stored content hashes to the printed digest, and the archived PDF to the SHA-256 taken when it
    was written: a change to either is reported (the real PDF, as printed)."""
    from xinye_desktop.__main__ import main
    from xinye_desktop.storage.records import AgreementRecord

    case = agreed_case(s)
    s["agreements"].save_draft(case.id, form_for(case))
    printed = s["agreements"].print_agreement(case.id)
    assert printed.document["archive"]["pdf_sha256"] == hashlib.sha256(printed.pdf_path.read_bytes()).hexdigest()
    found = s["agreements"].verify(printed.code)
    assert found.intact and found.archive == "ok" and found.standing

    original = printed.pdf_path.read_bytes()
    printed.pdf_path.write_bytes(original.replace(b"/Producer", b"/Producex", 1))  # same size, one byte off
    found = s["agreements"].verify(printed.code)
    assert found.intact and found.archive == "changed" and not found.standing
    assert any("存档的PDF文件与打印时记录的文件摘要不符" in line for line in said(found))
    root = str(s["paths"].root)
    assert main(["verify", printed.code, "--data-dir", root]) == 1
    assert "可能已被改动或损坏" in capsys.readouterr().out
    printed.pdf_path.unlink()
    assert s["agreements"].verify(printed.code).archive == "missing"
    printed.pdf_path.write_bytes(original)
    assert s["agreements"].verify(printed.code).standing
    assert main(["verify", printed.code, "--data-dir", root]) == 0

    with database.transaction() as uow:
        record = uow.session.get(AgreementRecord, printed.id)
        record.document = record.document.replace("12000.00", "1200.00")
    assert not s["agreements"].verify(printed.code).intact


def test_the_digest_covers_what_the_paper_prints_beyond_the_names(s, database):
    """Units and posts of the hosts and witnesses, the witness's commitment, the village, the warning box
    and the number of copies are printed: they are in the stored document, and a change to any of them
    after printing no longer matches the digest."""
    from xinye_desktop.domain.agreement import NOT_CONFIRMABLE_WARNING, content_hash
    from xinye_desktop.domain.roles import Role
    from xinye_desktop.services.aftercare import AftercareService

    case = ready_case(s, witness=True)
    sitting = s["session"].start(case.id)
    data = fill_all(sitting.data, [p.id for p in case.parties])
    data.outcome = Outcome.WRITTEN
    for answer in data.witnesses:
        answer.commitment = "五月十日前到现场重新放线"
    sitting = s["session"].save(sitting.id, data, expected_version=sitting.version)
    s["session"].finish(sitting.id, expected_version=sitting.version)
    AftercareService(database, s["paths"]).set_confirmable(case.id, False, "实为确认收养关系")
    form = form_for(case)
    form.copies_text = "5"
    s["agreements"].save_draft(case.id, form)
    printed = s["agreements"].print_agreement(case.id)
    document = printed.document
    assert document["scheme"] == 2 and document["village"] == case.village
    assert document["hosts"] == [{"name": "刘卫东", "unit": "王庄镇派出所", "post": "", "host_kind": "link_police"}]
    assert document["witnesses"] == [{"name": "赵国土", "unit": "王庄镇国土资源所", "post": "",
                                      "commitment": "五月十日前到现场重新放线"}]
    assert document["elders"][0]["name"] == "王明理" and document["elders"][0]["identity"]
    assert document["warnings"] == [NOT_CONFIRMABLE_WARNING] and document["content"]["copies"] == 5
    assert content_hash(document) == printed.digest

    def rehashed(**changes) -> str:
        changed = dict(document, **changes)
        return content_hash(changed)

    for key, value in (("village", "别的村"), ("warnings", []), ("verify_hint", ""),
                       ("hosts", [dict(document["hosts"][0], unit="王庄村委会")]),
                       ("hosts", [dict(document["hosts"][0], post="所长")]),
                       ("witnesses", [dict(document["witnesses"][0], commitment="")]),
                       ("witnesses", [dict(document["witnesses"][0], unit="水利站")]),
                       ("elders", [dict(document["elders"][0], ad_hoc=True)]),
                       ("content", dict(document["content"], copies=4))):
        assert rehashed(**{key: value}) != printed.digest, key

    # A printed version whose people changed since: its Word copy would no longer say what the paper says.
    host = s["selection"].state(case.id).people(Role.HOST)[0]
    from tests.helpers import person_input
    from xinye_desktop.domain.roles import HostKind

    s["people"].update(host.id, person_input(Role.HOST, "刘卫东", unit="王庄镇派出所", post="副所长",
                                             host_kind=HostKind.LINK_POLICE))
    with pytest.raises(Refused, match="导出的Word副本将与打印件不一致"):
        s["agreements"].export_docx(printed.id, s["paths"].root / "a.docx")


# An agreement as the app described it before hash scheme 2 (its digest and code pinned then).
SCHEME1 = ('{"agreement":"0b7e3a4c-5d2f-4e61-9a8b-1c2d3e4f5a6b","case_number":"（2026）新调字第007号",'
           '"committee":"王庄村人民调解委员会","content":{"clauses":[{"amount":null,"content":"双方自愿离婚",'
           '"deadline":null,"means":null,"mode":null,"obligee":null,"obligor":null}],"copies":3,"facts":"院墙越界",'
           '"issues":"损失如何赔偿","performance_note":"","responsibilities":""},"dispute_type":"neighbour",'
           '"elders":["王明理"],"hosts":["刘振华"],"number":"（2026）新调字第007号","parties":[{"address":"王庄村3组",'
           '"age":56,"ethnicity":"汉族","id":1,"kind":"individual","legal_representative":"","name":"张建国",'
           '"occupation":"农民","phone":"13800000000","role":"applicant","sex":"male"}],"recorder":[],"version":1,'
           '"witnesses":[]}')
SCHEME1_DIGEST = "5574a0b575f6edcaa130cab8fa877f26e6c73789c8721604a0ba1a92272cb177"
SCHEME1_CODE = "43JB-88H4-HB88"


def test_codes_printed_before_scheme_2_keep_verifying(s, database):
    import json

    from xinye_desktop.domain.agreement import content_hash, verification_code
    from xinye_desktop.storage.records import AgreementRecord

    assert content_hash(json.loads(SCHEME1)) == SCHEME1_DIGEST
    assert verification_code("0b7e3a4c-5d2f-4e61-9a8b-1c2d3e4f5a6b", 1, SCHEME1_DIGEST) == SCHEME1_CODE

    # A real case's version 1 as the earlier app stored it: scheme-1 document, digest and code, no file hash.
    case = agreed_case(s)
    s["agreements"].save_draft(case.id, form_for(case))
    printed = s["agreements"].print_agreement(case.id)
    service = s["agreements"]
    state = s["selection"].state(case.id)
    content = service.check(case.id, printed.form)[0]
    old = service._document_scheme1(state, printed, content, "")
    digest = content_hash(old)
    code = verification_code(printed.uuid, 1, digest)
    with database.transaction() as uow:
        record = uow.session.get(AgreementRecord, printed.id)
        record.document, record.digest, record.code = json.dumps(old, ensure_ascii=False), digest, code
    found = service.verify(code)
    assert found.found and found.intact and found.archive == "unrecorded" and found.standing
    assert "这一版打印时尚未记录PDF文件本身的摘要，只能核对存档内容。" in said(found)
    assert service.export_docx(printed.id, s["paths"].root / "old.docx").exists()  # rebuilt under scheme 1
    # the check command finds the file, and has no hash to compare it with
    from xinye_desktop.services.backup import BackupService

    assert BackupService(s["paths"]).check().ok


def snapshot(database) -> tuple:
    """Everything the agreement command must leave as it was: the agreements, the cases' aftercare
    columns, the history, and the files in the data folder's documents/."""
    import sqlite3

    with sqlite3.connect(database.path) as conn:
        agreements = conn.execute("SELECT * FROM agreements ORDER BY id").fetchall()
        cases = conn.execute("SELECT id, status, effective_on, confirmable, updated_at FROM cases ORDER BY id").fetchall()
        history = conn.execute("SELECT COUNT(*) FROM case_history").fetchone()
    files = sorted((str(p), p.stat().st_mtime_ns) for p in (database.path.parent / "documents").rglob("*"))
    return agreements, cases, history, files


def test_command_line_writes_the_agreement_in_force_and_changes_nothing(s, database, capsys):
    """The real PDFs: a draft is refused (nothing printed as a side effect); the printed version, then the
    signed one while a changed version waits for signatures, is copied byte for byte from the archive."""
    from xinye_desktop.__main__ import main

    case = agreed_case(s)
    root = str(s["paths"].root)
    out = s["paths"].root / "out" / "agreement.pdf"
    out.parent.mkdir()  # --out into a folder that is not there is refused, not made (test_cli_errors.py)
    assert main(["agreement", case.case_number, "--out", str(out), "--data-dir", root]) == 3
    assert "还没有调解协议" in capsys.readouterr().err
    s["agreements"].save_draft(case.id, form_for(case))
    before = snapshot(database)
    assert main(["agreement", case.case_number, "--out", str(out), "--data-dir", root]) == 3
    assert "调解协议还是草稿（第1版），尚未打印" in capsys.readouterr().err
    assert not out.exists() and snapshot(database) == before
    assert s["agreements"].current(case.id).state is AgreementState.DRAFT

    first = s["agreements"].print_agreement(case.id)
    assert main(["agreement", case.case_number, "--out", str(out), "--data-dir", root]) == 0
    assert out.read_bytes() == first.pdf_path.read_bytes()
    assert f"第1版，已打印待签，核验码 {first.code}" in capsys.readouterr().out

    s["agreements"].mark_signed(first.id, dt.date.today())
    draft = s["agreements"].new_version(case.id)
    form = draft.form
    form.clauses[0].amount_text = "10000"
    s["agreements"].save_draft(case.id, form)
    before = snapshot(database)
    assert main(["agreement", case.case_number, "--out", str(out), "--data-dir", root]) == 0
    assert snapshot(database) == before  # the draft of version 2 was not printed
    second = s["agreements"].print_agreement(case.id)
    before = snapshot(database)
    assert main(["agreement", case.case_number, "--out", str(out), "--data-dir", root]) == 0
    assert snapshot(database) == before
    assert [v.state for v in s["agreements"].versions(case.id)] == [AgreementState.SIGNED, AgreementState.PRINTED]
    assert out.read_bytes() == first.pdf_path.read_bytes() != second.pdf_path.read_bytes()
    text = "".join(page.extract_text() for page in PdfReader(str(out)).pages)
    assert first.code in text and "12,000.00" in text and second.code not in text
    said_out = capsys.readouterr().out
    assert f"第1版，已签署生效，核验码 {first.code}" in said_out and "第2版已打印待签" in said_out

    code = first.code
    assert main(["verify", code.lower(), "--data-dir", root]) == 0
    assert case.case_number in capsys.readouterr().out
    assert main(["verify", "0000-0000-0000", "--data-dir", root]) == 1
    assert main(["agreement", "（2026）新调字第999号", "--out", str(out), "--data-dir", root]) == 2

    # An archived file changed since printing is not handed out as the agreement.
    first.pdf_path.write_bytes(first.pdf_path.read_bytes() + b"\n% appended")
    other = s["paths"].root / "out" / "other.pdf"
    assert main(["agreement", case.case_number, "--out", str(other), "--data-dir", root]) == 1
    assert "存档文件与打印时记录的文件摘要不符" in capsys.readouterr().err and not other.exists()


def test_the_agreement_command_on_a_copy_of_the_demo_changes_nothing(tmp_path, capsys):
    """The demo's case whose second version is still a draft: the command writes the signed first version
    and leaves the draft a draft."""
    import sqlite3

    from xinye_desktop.__main__ import main
    from xinye_desktop.app import open_database
    from xinye_desktop.paths import DataPaths
    from xinye_desktop.demo import generate

    paths = DataPaths(tmp_path / "demo")
    paths.create()
    db = open_database(paths)
    generate(db, cases=40, seed=11)
    with sqlite3.connect(paths.database) as conn:
        rows = conn.execute(
            "SELECT c.case_number, a.number, a.state FROM agreements a JOIN cases c ON c.id = a.case_id "
            "ORDER BY a.case_id, a.number").fetchall()
    by_case: dict[str, list] = {}
    for number, version, state in rows:
        by_case.setdefault(number, []).append(state)
    revising = next(n for n, states in by_case.items() if states == ["signed", "draft"])
    before = snapshot(db)
    db.close()
    out = tmp_path / "out.pdf"
    assert main(["agreement", revising, "--out", str(out), "--data-dir", str(paths.root)]) == 0
    assert "第1版，已签署生效" in capsys.readouterr().out
    db = open_database(paths)
    try:
        assert snapshot(db) == before
    finally:
        db.close()
    assert PdfReader(str(out)).pages


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


def flip_a_byte(path) -> bytes:
    """Change one byte in the middle of ``path`` (same size); returns the original content."""
    original = path.read_bytes()
    middle = len(original) // 2
    path.write_bytes(original[:middle] + bytes([original[middle] ^ 1]) + original[middle + 1:])
    return original


def run(capsys, *argv) -> tuple[int, str]:
    from xinye_desktop.__main__ import main

    code = main(list(argv))
    return code, capsys.readouterr().out


def test_a_changed_or_missing_case_file_document_fails_verify_and_check(s, database, capsys):
    """Issue 13: a 人民调解申请书 keeps its PDF's SHA-256 when issued (in the archive facts, out of the
    digest), so a byte flipped in the archived file, or the file gone, is told by its code and by check."""
    from xinye_desktop.services.documents import DocumentService

    case = agreed_case(s)
    documents = DocumentService(database, s["paths"])
    path, code = documents.application_form(case.id)
    root = str(s["paths"].root)
    assert s["agreements"].verify(code).archive == "ok"
    assert run(capsys, "check", "--data-dir", root)[0] == 0

    original = flip_a_byte(path)
    found = s["agreements"].verify(code)
    assert found.intact and found.archive == "changed" and not found.standing
    status, out = run(capsys, "verify", code, "--data-dir", root)
    assert status == 1 and f"警告：存档的PDF文件与打印时记录的文件摘要不符，可能已被改动或损坏：{path}" in out, out
    status, out = run(capsys, "check", "--data-dir", root)
    assert status == 1 and "案卷文书或调解卷宗文件与制作时记录的文件摘要不符" in out and path.name in out, out

    path.unlink()
    status, out = run(capsys, "verify", code, "--data-dir", root)
    assert status == 1 and f"警告：找不到存档的PDF文件：{path}" in out, out
    status, out = run(capsys, "check", "--data-dir", root)
    assert status == 1 and "存档文件找不到" in out and path.name in out, out

    path.write_bytes(original)
    assert run(capsys, "verify", code, "--data-dir", root)[0] == 0
    assert run(capsys, "check", "--data-dir", root)[0] == 0


def test_a_document_issued_before_its_file_was_hashed_says_the_file_cannot_be_checked(s, database, capsys):
    import json

    from sqlalchemy import select

    from xinye_desktop.services.documents import DocumentService
    from xinye_desktop.storage.records import IssuedDocumentRecord

    case = agreed_case(s)
    path, code = DocumentService(database, s["paths"]).rights_notice(case.id)
    with database.transaction() as uow:  # as an earlier version kept it: no archive facts
        record = uow.session.scalars(select(IssuedDocumentRecord).where(IssuedDocumentRecord.code == code)).one()
        document = json.loads(record.document)
        del document["archive"]
        record.document = json.dumps(document, ensure_ascii=False)
    flip_a_byte(path)  # cannot be told now; what it says must not claim the file intact
    root = str(s["paths"].root)
    status, out = run(capsys, "verify", code, "--data-dir", root)
    assert status == 0 and "这份文书制作时尚未记录PDF文件本身的摘要：只能核对存档内容，文件本身无法核对。" in out, out
    status, out = run(capsys, "check", "--data-dir", root)
    assert status == 0 and "1 个案卷文书文件制作时尚未记录文件摘要" in out and "文件本身无法核对" in out, out


def test_reissuing_a_changed_document_over_the_same_file_is_no_false_alarm(s, database, capsys):
    """The superseded issue's file was overwritten by the newer one: only the newest hash holds."""
    from xinye_desktop.services.documents import DocumentService

    case = agreed_case(s)
    documents = DocumentService(database, s["paths"])
    path, first = documents.application_form(case.id)
    with database.transaction() as uow:
        uow.settings.set("committee_name", "王庄镇东王庄村人民调解委员会（更名）")
    again, second = documents.application_form(case.id)
    assert again == path and second != first
    with database.transaction() as uow:
        uow.settings.set("committee_name", "")
    documents.application_form(case.id)  # the first content again: its own row is refreshed
    status, out = run(capsys, "check", "--data-dir", str(s["paths"].root))
    assert status == 0, out
    assert s["agreements"].verify(first).archive == "ok" and s["agreements"].verify(second).pdf_path is None


def test_a_changed_or_missing_bound_case_file_fails_verify_and_check(s, database, capsys):
    """Issue 13: the bound 调解卷宗 carries the codes of the documents in it (the agreement's too); its
    SHA-256 is kept with each of them, so a changed or deleted 卷宗 is told by those codes and by check."""
    from xinye_desktop.services.documents import DocumentService

    case = agreed_case(s)
    s["agreements"].save_draft(case.id, form_for(case))
    printed = s["agreements"].print_agreement(case.id)
    documents = DocumentService(database, s["paths"])
    target, _ = documents.case_file(case.id)
    bound = [d.code for d in documents.issued(case.id)]
    assert len(bound) == 2  # the 申请书 (or 受理登记表) and the 告知书
    root = str(s["paths"].root)
    for code in bound + [printed.code]:
        status, out = run(capsys, "verify", code, "--data-dir", root)
        assert status == 0 and f"已收入调解卷宗：{target}" in out, out
    assert run(capsys, "check", "--data-dir", root)[0] == 0

    original = flip_a_byte(target)
    for code in bound + [printed.code]:
        status, out = run(capsys, "verify", code, "--data-dir", root)
        assert status == 1 and f"警告：收有这份文书的调解卷宗与整理时记录的文件摘要不符，可能已被改动或损坏：{target}" in out, out
    status, out = run(capsys, "check", "--data-dir", root)
    assert status == 1 and "调解卷宗文件与制作时记录的文件摘要不符" in out and target.name in out, out

    target.unlink()
    status, out = run(capsys, "verify", bound[0], "--data-dir", root)
    assert status == 1 and f"警告：找不到收有这份文书的调解卷宗：{target}" in out, out
    status, out = run(capsys, "check", "--data-dir", root)
    assert status == 1 and "存档文件找不到" in out and target.name in out, out

    target.write_bytes(original)
    assert run(capsys, "check", "--data-dir", root)[0] == 0
    # Bound again (the file is written anew): the new hash holds for every document in it.
    documents.case_file(case.id)
    assert run(capsys, "check", "--data-dir", root)[0] == 0
    assert all(s["agreements"].verify(code).bound == "ok" for code in bound + [printed.code])
