"""The 人民调解协议书 as an editable Word copy: exported through AgreementService from the same
AgreementDocument as the printed PDF, and read back with python-docx."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from tests.helpers import individual, make_id_number, person_input, valid_case_input
from tests.test_agreement_service import form_for
from tests.test_session_service import fill_all, ready_case
from xinye_desktop.documents.agreement import (
    AGREED_HEADING, FACTS_HEADING, MEDIATORS_SIGN_HEADING, PARTIES_SIGN_HEADING, RECORDER_SIGN_HEADING, TITLE,
    WITNESSES_SIGN_HEADING,
)
from xinye_desktop.documents.agreement_docx import (
    EAST_ASIAN_FONT, EDITABLE_NOTE, NO_CODE, RARE_FONT, build_agreement_docx, text_runs,
)
from xinye_desktop.domain.agreement import AgreementInput, AgreementState
from xinye_desktop.domain.enums import PartyRole, Sex
from xinye_desktop.domain.errors import Refused, ValidationFailed
from xinye_desktop.domain.roles import Role
from xinye_desktop.domain.session import Outcome
from xinye_desktop.services.agreements import AgreementService
from xinye_desktop.services.elders import ElderService, PeopleService
from xinye_desktop.services.intake import IntakeService
from xinye_desktop.services.selection import SelectionService
from xinye_desktop.services.session import SessionService

RARE = "\U0002020C"  # 𠈌, CJK Ext. B
RARE_NAME = f"张{RARE}华"
RESPONDENT = "李秀英"
COMMITTEE = "新野县王庄镇王庄村人民调解委员会"
COMMITMENT = "五月十日前到现场按宅基地使用证四至重新测量放线"


@pytest.fixture
def s(database, data_paths):
    selection = SelectionService(database)
    return {"intake": IntakeService(database), "elders": ElderService(database), "people": PeopleService(database),
            "selection": selection, "session": SessionService(database, selection),
            "agreements": AgreementService(database, data_paths, selection), "paths": data_paths}


def rare_case(s):
    """ready_case's case, with 张𠈌华 as the applicant, a witness and a recorder."""
    parties = [individual(RARE_NAME, Sex.MALE, make_id_number(dt.date(1970, 3, 15), 1)),
               individual(RESPONDENT, Sex.FEMALE, make_id_number(dt.date(1975, 8, 20), 2), role=PartyRole.RESPONDENT,
                          phone="0377-66212345")]
    register = s["intake"].register

    def with_rare_parties(data):
        data.parties = parties
        return register(data)

    s["intake"].register = with_rare_parties
    try:
        case = ready_case(s, witness=True)
    finally:
        s["intake"].register = register
    recorder = s["people"].add(person_input(Role.RECORDER, "陈晓燕", unit="王庄村委会", post="文书"))
    s["selection"].assign(case.id, recorder.id)
    sitting = s["session"].start(case.id)
    data = fill_all(sitting.data, [p.id for p in case.parties])
    for answer in data.witnesses:
        answer.commitment = COMMITMENT
    data.outcome = Outcome.WRITTEN
    sitting = s["session"].save(sitting.id, data, expected_version=sitting.version)
    s["session"].finish(sitting.id, expected_version=sitting.version)
    return case


@pytest.fixture
def printed(s, database):
    with database.transaction() as uow:
        uow.settings.set("committee_name", COMMITTEE)
    case = rare_case(s)
    s["agreements"].save_draft(case.id, form_for(case))
    version = s["agreements"].print_agreement(case.id)  # the real PDF
    assert version.state is AgreementState.PRINTED and version.pdf_path.exists()
    return case, version


def body_paragraphs(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def all_text(document) -> str:
    """The body's paragraphs and every table cell, in document order."""
    out = []
    for block in document.element.body.iterchildren():
        if block.tag == qn("w:p"):
            out.append("".join(t.text or "" for t in block.iter(qn("w:t"))))
        elif block.tag == qn("w:tbl"):
            out.append("".join(t.text or "" for t in block.iter(qn("w:t"))))
    return "\n".join(out)


def footer_text(document) -> str:
    footer = document.sections[0].footer
    return "\n".join(p.text for p in footer.paragraphs)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_export_reads_back_with_the_pdfs_content(s, printed, tmp_path):
    case, version = printed
    target = s["agreements"].export_docx(version.id, tmp_path / "out" / "协议书.docx")
    assert target == tmp_path / "out" / "协议书.docx" and target.exists()
    assert [p.name for p in target.parent.iterdir()] == ["协议书.docx"]  # no .tmp left behind
    document = Document(str(target))
    paragraphs = body_paragraphs(document)
    assert paragraphs[:3] == [COMMITTEE, TITLE, f"编号：{case.case_number}"]

    # the parties' table: every field, the rare name whole
    table = document.tables[0]
    cells = [cell.text for row in table.rows for cell in row.cells]
    assert RARE_NAME in cells and RESPONDENT in cells and "0377-66212345" in cells
    for field in ("姓名", "性别", "民族", "年龄", "职业或职务", "联系方式", "单位或住址"):
        assert cells.count(field) >= 2  # one a party
    assert "申请人" in cells and "被申请人" in cells

    # the clauses, worded as in the PDF: who pays whom, the amount in figures and capitals, how, by when
    assert (f"一、赔偿院墙损失。{RESPONDENT}以转账方式向{RARE_NAME}一次性支付¥12,000.00（人民币壹万贰仟元整），"
            "于2026年12月31日前履行完毕。") in paragraphs
    assert "二、双方今后按原界线各自管理，互不干涉。" in paragraphs
    assert "争议事项：院墙是否越界、损失如何赔偿" in paragraphs
    assert any(p.startswith("本协议在王庄村矛盾化解“三理”室调解达成。") and "见证人：赵国土（王庄镇国土资源所）" in p
               for p in paragraphs)
    assert f"见证人赵国土（王庄镇国土资源所）当场承诺：{COMMITMENT}。" in paragraphs
    copies = next(p for p in paragraphs if p.startswith("本协议一式三份"))

    text = all_text(document)
    order = [FACTS_HEADING, AGREED_HEADING, "一、赔偿院墙损失", "二、双方今后", copies, PARTIES_SIGN_HEADING,
             MEDIATORS_SIGN_HEADING, WITNESSES_SIGN_HEADING, RECORDER_SIGN_HEADING, "（人民调解委员会印章）"]
    at = [text.index(x) for x in order]
    assert at == sorted(at)
    tail = text[text.index(PARTIES_SIGN_HEADING):]
    assert f"{RARE_NAME}（申请人）" in tail and f"{RESPONDENT}（被申请人）" in tail
    assert tail.count("签名：") == 2 and "刘卫东：" in tail and "王明理：" in tail and "赵国土：" in tail
    assert "陈晓燕：" in tail and COMMITTEE in tail and "年" in tail and "月" in tail

    # the same sentences as the archived PDF
    pdf = flat("".join(page.extract_text() for page in PdfReader(str(version.pdf_path)).pages))
    for paragraph in paragraphs:
        if paragraph.startswith(("一、", "二、", "本协议", "争议事项")):
            assert flat(paragraph) in pdf


def test_a4_footer_with_number_code_page_fields_and_the_note(s, printed, tmp_path):
    case, version = printed
    document = Document(str(s["agreements"].export_docx(version.id, tmp_path / "a.docx")))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    footer = footer_text(document)
    assert f"编号：{case.case_number}" in footer and f"核验码：{version.code}" in footer and EDITABLE_NOTE in footer
    instructions = [t.text.strip() for t in section.footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert "第1页 共1页" in footer  # the fields' shown values until Word lays the pages out
    assert document.core_properties.title == f"{TITLE} {case.case_number}"


def test_east_asian_font_on_every_run_and_the_rare_character_in_the_ext_b_font(s, printed, tmp_path):
    _, version = printed
    document = Document(str(s["agreements"].export_docx(version.id, tmp_path / "f.docx")))
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    assert defaults.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia")) == EAST_ASIAN_FONT
    parts = [document.element.body, document.sections[0].footer._element]
    runs = [r for part in parts for r in part.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
    assert runs
    fonts = {}
    for run in runs:
        text = "".join(t.text or "" for t in run.iter(qn("w:t")))
        east = run.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia"))
        assert east in (EAST_ASIAN_FONT, RARE_FONT), text
        fonts.setdefault(east, set()).add(text)
    assert RARE in fonts[RARE_FONT] and all(all(ord(ch) > 0xFFFF for ch in t) for t in fonts[RARE_FONT])
    assert not any(RARE in t for t in fonts[EAST_ASIAN_FONT])


def test_fingerprint_box_for_every_party(s, printed, tmp_path):
    _, version = printed
    document = Document(str(s["agreements"].export_docx(version.id, tmp_path / "b.docx")))
    boxes = [cell for table in document.tables for row in table.rows for cell in row.cells if cell.text == "按指印"]
    assert len(boxes) == 2
    for cell in boxes:
        borders = cell._tc.tcPr.find(qn("w:tcBorders"))
        assert {b.get(qn("w:val")) for b in borders} == {"single"} and len(borders) == 4


def test_a_signed_version_has_its_date_and_a_draft_has_no_code(s, printed, tmp_path):
    case, version = printed
    s["agreements"].mark_signed(version.id, dt.date.today())
    signed = Document(str(s["agreements"].export_docx(version.id, tmp_path / "s.docx")))
    day = dt.date.today()
    assert f"{day.year}年{day.month}月{day.day}日" in body_paragraphs(signed)

    draft = s["agreements"].new_version(case.id)
    document = Document(str(s["agreements"].export_docx(draft.id, tmp_path / "d.docx")))
    assert NO_CODE in footer_text(document) and version.code not in footer_text(document)
    assert f"编号：{case.case_number}（第2版）" in body_paragraphs(document)

    s["agreements"].save_draft(case.id, AgreementInput(facts="只写了一半"))
    with pytest.raises(ValidationFailed):
        s["agreements"].export_docx(draft.id, tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()


def test_printed_committee_name_kept_and_changed_people_refused(s, printed, tmp_path, database):
    case, version = printed
    with database.transaction() as uow:
        uow.settings.set("committee_name", "改名后的调委会")
    document = Document(str(s["agreements"].export_docx(version.id, tmp_path / "c.docx")))
    assert body_paragraphs(document)[0] == COMMITTEE  # the name on the printed paper

    # the 主持人 renamed in the list since: the copy would name someone the paper does not
    host = s["selection"].state(case.id).people(Role.HOST)[0]
    s["people"].update(host.id, person_input(Role.HOST, "刘卫民", unit="王庄镇派出所"))
    with pytest.raises(Refused, match="另起新版本"):
        s["agreements"].export_docx(version.id, tmp_path / "r.docx")


def test_atomic_write_keeps_the_old_file_on_failure(s, printed, tmp_path, monkeypatch):
    _, version = printed
    target = tmp_path / "k.docx"
    target.write_bytes(b"old")

    def broken(self, path):
        with open(path, "wb") as f:
            f.write(b"partial")
        raise OSError("disk full")

    monkeypatch.setattr("docx.document.Document.save", broken)
    with pytest.raises(OSError):
        s["agreements"].export_docx(version.id, target)
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir() if p.name.startswith("k")] == ["k.docx"]


def test_text_runs():
    assert text_runs(RARE_NAME) == [("张", False), (RARE, True), ("华", False)]
    assert text_runs(f"{RARE}{RARE}王") == [(RARE + RARE, True), ("王", False)]
    assert text_runs("王㛃") == [("王㛃", False)]  # Ext. A is in the BMP: SimSun has it
    assert text_runs("") == []


def test_build_directly_from_a_document(tmp_path):
    """The builder alone, on the PDF tests' 3-party document (an organisation among them)."""
    from tests.test_agreement_pdf import COOPERATIVE, WARNING, document

    path = build_agreement_docx(document(), tmp_path / "d.docx")
    read = Document(str(path))
    text = all_text(read)
    assert COOPERATIVE in text and "法定代表人" in text and "王保国" in text and "住所" in text
    assert "特别提示：" + WARNING in text
    assert "三、合作社支付拖欠的农机租金。" + COOPERATIVE + "以现金方式向王㛃分期支付¥3,001.10（人民币叁仟零壹元壹角），" \
           "于2026年8月31日前履行完毕。" in text
    assert "法定代表人签名：" in text
    boxes = [c for t in read.tables for row in t.rows for c in row.cells if c.text == "按指印"]
    assert len(boxes) == 3
