"""The 人民调解协议书 as an editable Word copy: exported through AgreementService from the same
AgreementDocument as the printed PDF, and read back with python-docx."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from tests.helpers import agreement_services, individual, make_id_number, person_input, valid_case_input
from tests.test_agreement_service import form_for
from tests.test_session_service import fill_all, ready_case
from xinye_desktop.documents.agreement import (
    AGREED_HEADING, FACTS_HEADING, MEDIATORS_SIGN_HEADING, PARTIES_SIGN_HEADING, RECORDER_SIGN_HEADING, TITLE,
    WITNESSES_SIGN_HEADING,
)
from xinye_desktop.documents.agreement_docx import (
    EAST_ASIAN_FONT, EDITABLE_NOTE, NO_CODE, RARE_FONT, SEAL_PLACE, WINDOWS_RARE_FONT, build_agreement_docx,
    text_runs,
)
from xinye_desktop.domain.agreement import AgreementInput, AgreementState
from xinye_desktop.domain.enums import PartyRole, Sex
from xinye_desktop.domain.errors import Refused, ValidationFailed
from xinye_desktop.domain.roles import Role
from xinye_desktop.domain.session import Outcome

RARE = "\U0002020C"  # 𠈌, CJK Ext. B
RARE_NAME = f"张{RARE}华"
RESPONDENT = "李秀英"
COMMITTEE = "新野县王庄镇王庄村人民调解委员会"
COMMITMENT = "五月十日前到现场按宅基地使用证四至重新测量放线"


@pytest.fixture
def s(database, data_paths):
    return agreement_services(database, data_paths)


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
    assert len(boxes) == 2  # the two individuals; the cooperative seals


# ---------------------------------------------------------------- printed through LibreOffice

def test_an_organisations_signing_place_is_for_its_seal(tmp_path):
    """An organisation seals (盖章) where an individual fingerprints (按指印): no fingerprint square for it."""
    from tests.test_agreement_pdf import COOPERATIVE, document

    read = Document(str(build_agreement_docx(document(), tmp_path / "s.docx")))
    signatures = read.tables[-4]  # then the mediators', the witness's and the recorder's lines
    rows = [[c for c in row.cells] for row in signatures.rows]
    places = {}
    for row in rows:
        for text_cell, box_cell in zip(row[0::3], row[1::3]):
            if text_cell.text:
                places[text_cell.paragraphs[0].text] = box_cell
    assert set(places) == {"王㛃（申请人）", f"张{RARE}华（被申请人）", f"{COOPERATIVE}（被申请人，盖章）"}
    seal = places[f"{COOPERATIVE}（被申请人，盖章）"]
    assert seal.text == SEAL_PLACE and seal._tc.tcPr.find(qn("w:tcBorders")) is None
    for name in ("王㛃（申请人）", f"张{RARE}华（被申请人）"):
        assert places[name].text == "按指印" and len(places[name]._tc.tcPr.find(qn("w:tcBorders"))) == 4


def test_the_rare_characters_font_is_embedded_with_windows_ext_b_as_its_alternative(tmp_path):
    """HanaMinB, cut to 𠈌, travels in the file (obfuscated as ECMA-376 says) and reads back as a font
    with just that character; the font table offers SimSun-ExtB in its place."""
    import uuid
    import zipfile

    from tests.test_agreement_pdf import document
    from xinye_desktop.documents.docx_fonts import obfuscate

    path = build_agreement_docx(document(), tmp_path / "e.docx")
    with zipfile.ZipFile(path) as z:
        table = z.read("word/fontTable.xml").decode("utf-8")
        rels = z.read("word/_rels/fontTable.xml.rels").decode("utf-8")
        odttf = z.read("word/fonts/font1.odttf")
        types = z.read("[Content_Types].xml").decode("utf-8")
    entry = re.search(rf'<w:font w:name="{RARE_FONT}">(.*?)</w:font>', table).group(1)
    assert f'<w:altName w:val="{WINDOWS_RARE_FONT}"/>' in entry and '<w:charset w:val="86"/>' in entry
    key = re.search(r'w:fontKey="\{([0-9A-F-]{36})\}"', entry).group(1)
    assert 'Target="fonts/font1.odttf"' in rels and "obfuscatedFont" in types
    font = obfuscate(odttf, uuid.UUID(key))  # the XOR undoes itself
    assert font[:4] == b"\0\1\0\0" and len(font) < 10_000  # a TrueType font of a few glyphs, not 24 MB

    from reportlab.pdfbase.ttfonts import TTFont

    (tmp_path / "font.ttf").write_bytes(font)
    face = TTFont("EmbeddedCheck", str(tmp_path / "font.ttf")).face
    assert set(face.charToGlyph) == {ord(RARE)} and face.name == b"HanaMinB"


needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                                   reason="LibreOffice (soffice) or poppler-utils not installed")


@pytest.fixture(scope="module")
def printed_by_libreoffice(tmp_path_factory):
    """The 12-party agreement (two organisations with long names, 张𠈌华, an amount in every clause,
    6,000 characters of facts) as .docx, printed to PDF by LibreOffice headless, as an office would.

    LibreOffice sees one font only, the bundled Noto Sans SC, standing in for 宋体/SimSun (fontconfig
    aliases in a configuration of the test's own): no Ext. B font on the system, so 𠈌 prints only
    from the font embedded in the file, and the result does not hang on the machine's fonts."""
    from tests.agreement_documents import clause_per_party, long_facts, ten_people_and_two_long_named_organisations
    from tests.test_agreement_pdf import APPLICANT, document, the_case, the_content
    from xinye_desktop.paths import resources_dir

    clauses = clause_per_party(lambda n: f"{1000 * n}.5")
    doc = document(case=the_case(ten_people_and_two_long_named_organisations(APPLICANT)),
                   content=the_content(tuple(range(1, 13)), facts=long_facts(), clauses=clauses))
    root = tmp_path_factory.mktemp("libreoffice")
    path = build_agreement_docx(doc, root / "协议书.docx")

    fonts = root / "fonts"
    fonts.mkdir()
    (fonts / "NotoSansSC-Regular.ttf").symlink_to(resources_dir() / "fonts" / "NotoSansSC-Regular.ttf")
    aliases = "".join(f"<alias binding=\"same\"><family>{name}</family><prefer><family>Noto Sans SC</family>"
                      "</prefer></alias>" for name in (EAST_ASIAN_FONT, "SimSun", "Times New Roman"))
    (root / "fonts.conf").write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/conf.d/90-synthetic.conf</include>'  # bold headings
        f"<dir>{fonts}</dir><cachedir>{root / 'fc-cache'}</cachedir>{aliases}</fontconfig>", encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(root / "fonts.conf"), "HOME": str(root)}
    subprocess.run(["soffice", f"-env:UserInstallation={(root / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(root), str(path)],
                   env=env, capture_output=True, timeout=240, check=True)
    pdf = root / "协议书.pdf"
    assert pdf.exists()
    return doc, pdf


def libreoffice_words(pdf) -> list[tuple[float, float, list[tuple[float, float, float, float, str]]]]:
    """(width, height, [(x0, y0, x1, y1, text)]) of every page, in points from the top left."""
    import html

    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True).stdout
    text = out.decode("utf-8", "replace")
    word = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
    return [(float(w), float(h), [(float(a), float(b), float(c), float(d), html.unescape(t))
                                  for a, b, c, d, t in word.findall(body)])
            for w, h, body in re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', text, re.S)]


@needs_soffice
def test_libreoffice_prints_every_name_and_amount_and_the_rare_character(printed_by_libreoffice):
    doc, pdf = printed_by_libreoffice
    text = flat(subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                               check=True).stdout.decode("utf-8"))
    names = [p.name for p in doc.case.parties]
    assert len(names) == 12 and RARE_NAME in names
    for name in names:
        assert name in text, name
    # every amount, in figures and capitals, as the clause says it
    for n, clause in enumerate(doc.content.clauses, start=1):
        assert f"{clause.amount_figures}（{clause.amount_capitals}）" in text, n
    assert "¥12,000.50（人民币壹万贰仟元伍角）" in text
    # 𠈌 printed from the embedded font (the only font LibreOffice had with it), not as a box
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True).stdout.decode()
    assert "HanaMinB" in fonts and "NotoSansSC" in fonts
    # the 10 individuals fingerprint, the 2 organisations seal (按指印 is also in the signatures' heading
    # and the copies sentence)
    assert text.count("按指印") == 10 + 2 and text.count(SEAL_PLACE) == 2


@needs_soffice
def test_libreoffice_keeps_every_line_inside_the_margins_and_apart(printed_by_libreoffice):
    """No word past the right (or left) margin, and no two pieces of text printed over each other."""
    from xinye_desktop.documents.writer import MARGIN_MM

    _, pdf = printed_by_libreoffice
    pages = libreoffice_words(pdf)
    assert len(pages) > 3
    mm = 72 / 25.4
    tolerance = 0.5
    for n, (width, _height, words) in enumerate(pages, start=1):
        assert words, n
        for w in words:
            assert w[2] <= width - MARGIN_MM * mm + tolerance, (n, (w[2] - width) / mm, w[4])
            assert w[0] >= MARGIN_MM * mm - tolerance, (n, w[0] / mm, w[4])
        for i, a in enumerate(words):
            for b in words[i + 1:]:
                side_by_side = a[2] <= b[0] + tolerance or b[2] <= a[0] + tolerance
                one_above = a[3] <= b[1] + tolerance or b[3] <= a[1] + tolerance
                assert side_by_side or one_above, (n, a, b)
