"""人民调解协议书 PDF (domain.md §2.2, Art. 29): rendered in memory and read back with pypdf and poppler."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from dataclasses import replace

import pytest
from pypdf import PdfReader

from tests.agreement_documents import (
    LONG_NAME, LONGEST_NAME, OTHER_NAMES, clause_per_party, long_facts, people_of,
    ten_people_and_two_long_named_organisations,
)
from tests.helpers import elder_input, individual, make_id_number, organisation, person_input, valid_case_input
from xinye_desktop.documents.agreement import (
    AGREED_HEADING, FACTS_HEADING, MEDIATORS_SIGN_HEADING, PARTIES_SIGN_HEADING, RECORDER_SIGN_HEADING,
    WITNESSES_SIGN_HEADING, AgreementDocument, build_agreement_pdf, performance_text,
)
from xinye_desktop.documents.fonts import FALLBACK, FONT, CHINESE_CANNOT_START, markup, register_fonts
from xinye_desktop.documents.signatures import SEAL_TEXT
from xinye_desktop.documents.text import chinese_number
from xinye_desktop.documents.writer import FOOTER_MM
from xinye_desktop.domain.agreement import (
    AgreementInput, ClauseInput, PaymentMeans, PaymentMode, check_agreement, confirmation_warning,
)
from xinye_desktop.domain.cases import check_case
from xinye_desktop.domain.elders import check_elder
from xinye_desktop.domain.enums import DisputeType, ElderIdentity, PartyKind, PartyRole, Sex
from xinye_desktop.domain.roles import HostKind, Role, check_person

TODAY = dt.date(2026, 5, 6)
COMMITTEE = "新野县王庄镇王庄村人民调解委员会"
NUMBER = "（2026）新调字第001号"
CODE = "6DE4-7HPF-1EW6"
HINT = "核验：在三理室调解台“验证”中输入此码，或扫描二维码"
RARE = "\U0002020C"  # 𠈌, CJK Ext. B: not in Noto Sans SC
APPLICANT, RESPONDENT, COOPERATIVE = "王㛃", f"张{RARE}华", "新野县王庄农机专业合作社"
FACTS = ("2026年3月，张𠈌华翻建院墙时越过两家宅基地界线约半米，王㛃阻止施工，双方发生争执，院墙被推倒两米多，砖块损坏。\n"
         "双方多次协商未果，王㛃向村委会申请调解。")
ISSUES = "院墙界线如何确定；推倒院墙造成的损失由谁承担。"
RESPONSIBILITIES = "张𠈌华越界施工，负主要责任；王㛃推倒院墙，负次要责任。"
COMMITMENT = "五月十日前到现场按1992年宅基地使用证四至重新测量放线，出具测量图交双方各一份"
WARNING = "本协议涉及婚姻、收养或身份关系的内容，依法释〔2011〕5号，该部分不能申请司法确认。"


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pages(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def body(path) -> str:
    """All pages' text without whitespace and without the page footers, so that a paragraph that runs
    over a page break reads as one."""
    out = []
    for page in pages(path):
        page = flat(page)
        out.append(page[:page.rindex("人民调解协议书编号：")])  # the footer is drawn last
    return "".join(out)


def poppler_pages(path) -> list[str]:
    """pdftotext, page by page (form feeds): the text as poppler reads it, line by line."""
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    return out.decode("utf-8").split("\f")[:-1]


needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def people():
    hosts = (
        check_person(person_input(name="刘振华", unit="王庄村委会", post="主任"))[0],
        check_person(person_input(name="赵卫东", unit="王庄镇派出所", post="民警", host_kind=HostKind.LINK_POLICE))[0],
    )
    elders = (check_elder(elder_input("王明理"), TODAY)[0],
              check_elder(elder_input("张德福", identity=ElderIdentity.VETERAN_TEACHER), TODAY)[0])
    witness = check_person(person_input(Role.WITNESS, name="孙立新", unit="乡镇国土资源所"))[0]
    recorder = check_person(person_input(Role.RECORDER, name="陈晓燕", unit="王庄村委会", post="文书"))[0]
    assert all(hosts) and all(elders) and witness and recorder
    return hosts, elders, witness, recorder


def the_case(parties=None):
    parties = parties or [
        individual(APPLICANT, Sex.FEMALE, make_id_number(dt.date(1970, 3, 15), 2)),
        individual(RESPONDENT, Sex.MALE, make_id_number(dt.date(1975, 8, 20), 3), role=PartyRole.RESPONDENT,
                   phone="0377-66212345"),
        organisation(COOPERATIVE),
    ]
    case, errors, _ = check_case(valid_case_input(dt.date(2026, 5, 2), parties=parties), today=TODAY)
    assert case is not None, errors
    return replace(case, id=7, case_number=NUMBER,
                   parties=tuple(replace(p, id=n) for n, p in enumerate(case.parties, start=1)))


def the_content(party_ids=(1, 2, 3), **kw):
    data = AgreementInput(
        facts=FACTS, issues=ISSUES, responsibilities=RESPONSIBILITIES,
        clauses=[
            ClauseInput(2, 1, "赔偿院墙损失", "12000", PaymentMode.LUMP_SUM, PaymentMeans.TRANSFER, "2026-05-15"),
            ClauseInput(1, 2, "按1992年宅基地使用证的四至，由国土所放线后重新砌墙，并在墙根修排水沟", "", None,
                        PaymentMeans.ACT, "2026-05-20"),
            ClauseInput(3, 1, "合作社支付拖欠的农机租金", "3001.1", PaymentMode.INSTALMENTS, PaymentMeans.CASH,
                        "2026-08-31"),
            ClauseInput(None, None, "双方共用出路保持一米二宽，任何一方不得堆放杂物"),
        ],
        performance_note="第一项款项转入王㛃本人银行账户，转账凭证交村调委会存档。")
    for key, value in kw.items():
        setattr(data, key, value)
    content, errors = check_agreement(data, party_ids, TODAY)
    assert content is not None, errors
    return content


def document(**kw) -> AgreementDocument:
    hosts, elders, witness, recorder = people()
    values = dict(committee_name=COMMITTEE, number=NUMBER, case=the_case(), content=the_content(), hosts=hosts,
                  elders=elders, witnesses=((witness, COMMITMENT),), recorder=recorder, code=CODE, verify_hint=HINT,
                  warnings=(WARNING,), signed_on=None)
    values.update(kw)
    return AgreementDocument(**values)


@pytest.fixture(scope="module")
def agreement(tmp_path_factory):
    return build_agreement_pdf(document(), tmp_path_factory.mktemp("agreement") / "协议书" / "协议.pdf")


@pytest.fixture(scope="module")
def long_agreement(tmp_path_factory):
    """12 parties, 6,000 characters of facts, a clause for each respondent."""
    names = [APPLICANT, RESPONDENT, *OTHER_NAMES, "褚卫东", "欧阳春花"]
    roles = [PartyRole.APPLICANT] * 4 + [PartyRole.RESPONDENT] * 6 + [PartyRole.THIRD_PARTY] * 2
    case = the_case(people_of(names, roles))
    facts = long_facts()
    assert len(facts) == 6000
    content = the_content(tuple(range(1, 13)), facts=facts, clauses=clause_per_party())
    doc = document(case=case, content=content, number=NUMBER + "（第2版）", signed_on=dt.date(2026, 5, 8))
    return build_agreement_pdf(doc, tmp_path_factory.mktemp("long") / "long.pdf"), doc


# ---------------------------------------------------------------- what the paper says

def test_written_atomically_where_asked(agreement):
    assert agreement.name == "协议.pdf" and agreement.exists()
    assert [p.name for p in agreement.parent.iterdir()] == ["协议.pdf"]  # no .tmp left behind
    box = PdfReader(str(agreement)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 portrait


def test_title_number_and_parties(agreement):
    text = body(agreement)
    assert COMMITTEE in text and "人民调解协议书" in text and "编号：" + NUMBER in text
    # every party, the rare names included: extract_text gives 㛃 and 𠈌 back
    for name in (APPLICANT, RESPONDENT, COOPERATIVE):
        assert name in text
    for field in ("姓名", "性别", "民族", "年龄", "职业或职务", "联系方式", "单位或住址"):
        assert field in text
    assert "0377-66212345" in text and "13812345678" in text and "新野县王庄镇王庄村3组12号" in text
    assert "女" in text and "汉族" in text and "农民" in text and "56岁" in text
    # the organisation: 名称, 法定代表人, 住所
    assert "名称" + COOPERATIVE in text and "王保国" in text and "住所新野县王庄镇王庄村" in text
    assert "申请人" in text and "被申请人" in text
    assert "身份证" not in text  # the standard form has no ID-number line


def test_facts_issues_and_responsibilities(agreement):
    text = body(agreement)
    assert FACTS_HEADING in text
    assert flat(FACTS) in text
    assert "争议事项：" + ISSUES in text
    assert "各方当事人的责任：" + RESPONSIBILITIES in text
    assert text.index(FACTS_HEADING) < text.index(AGREED_HEADING)


def test_clauses_name_who_pays_whom_how_much_and_by_when(agreement):
    text = body(agreement)
    assert AGREED_HEADING in text
    tail = text[text.index(AGREED_HEADING):]
    assert ("一、赔偿院墙损失。" + RESPONDENT + "以转账方式向" + APPLICANT
            + "一次性支付¥12,000.00（人民币壹万贰仟元整），于2026年5月15日前履行完毕。") in tail
    assert ("二、按1992年宅基地使用证的四至，由国土所放线后重新砌墙，并在墙根修排水沟。上述义务由" + APPLICANT
            + "以行为方式履行，履行对象为" + RESPONDENT + "，于2026年5月20日前履行完毕。") in tail
    assert ("三、合作社支付拖欠的农机租金。" + COOPERATIVE + "以现金方式向" + APPLICANT
            + "分期支付¥3,001.10（人民币叁仟零壹元壹角），于2026年8月31日前履行完毕。") in tail
    assert "四、双方共用出路保持一米二宽，任何一方不得堆放杂物。" in tail
    assert tail.index("一、") < tail.index("二、") < tail.index("三、") < tail.index("四、")
    assert "履行方式、时限：第一项款项转入王㛃本人银行账户，转账凭证交村调委会存档。" in tail


def test_participants_and_witness_commitment(agreement):
    text = body(agreement)
    assert "王庄村矛盾化解“三理”室" in text
    assert "主持人：刘振华（王庄村委会主任，村干部）、赵卫东（王庄镇派出所民警，联村干警）" in text
    assert "明白人：王明理（老党员）、张德福（老教师）" in text
    assert "见证人：孙立新（乡镇国土资源所）" in text
    assert "见证人孙立新（乡镇国土资源所）当场承诺：" + COMMITMENT + "。" in text


def test_copies_effect_and_warning_before_the_signatures(agreement):
    text = body(agreement)
    copies = ("本协议一式四份，当事人、人民调解委员会各持一份，自各方当事人签名（盖章或按指印）、"
              "人民调解员签名并加盖人民调解委员会印章之日起生效。")
    assert copies in text
    assert "特别提示：" + WARNING in text
    assert text.index("三理") < text.index(copies) < text.index(WARNING) < text.index(PARTIES_SIGN_HEADING)


def test_signature_block(agreement):
    text = body(agreement)
    tail = text[text.index(PARTIES_SIGN_HEADING):]
    assert (tail.index(PARTIES_SIGN_HEADING) < tail.index(MEDIATORS_SIGN_HEADING) < tail.index(WITNESSES_SIGN_HEADING)
            < tail.index(RECORDER_SIGN_HEADING))
    parties = tail[len(PARTIES_SIGN_HEADING):tail.index(MEDIATORS_SIGN_HEADING)]
    assert f"{APPLICANT}（申请人）" in parties and f"{RESPONDENT}（被申请人）" in parties
    assert f"{COOPERATIVE}（被申请人，盖章）" in parties and "法定代表人签名：" in parties
    # Each person's place has a fingerprint box; the organisation's is a seal place, 盖章, with none.
    assert parties.count("签名：") == 3 and parties.count("按指印") == 2
    assert parties.endswith(f"{COOPERATIVE}（被申请人，盖章）法定代表人签名：盖章")
    mediators = tail[tail.index(MEDIATORS_SIGN_HEADING):tail.index(WITNESSES_SIGN_HEADING)]
    for name in ("刘振华", "赵卫东", "王明理", "张德福"):
        assert name + "：" in mediators
    assert "孙立新：" in tail and "陈晓燕：" in tail
    assert "（人民调解委员会印章）" in tail and COMMITTEE in tail
    assert tail.endswith("年月日") or "年月日" in tail  # a blank date to fill in by hand
    assert "（本页以下无正文）" not in text  # the block fitted: no blank left behind


def test_signed_date_is_printed(tmp_path):
    text = body(build_agreement_pdf(document(signed_on=dt.date(2026, 5, 8)), tmp_path / "s.pdf"))
    assert "2026年5月8日" in text[text.index(PARTIES_SIGN_HEADING):]
    assert "年月日" not in text


def test_every_page_has_number_code_and_page_of_pages(agreement, long_agreement):
    for path, number in ((agreement, NUMBER), (long_agreement[0], NUMBER + "（第2版）")):
        texts = pages(path)
        for n, page in enumerate(texts, start=1):
            assert f"第{n}页 共{len(texts)}页" in page
            assert CODE in page and number in page
            assert "核验" in page


def test_qr_code_on_every_page(agreement):
    for page in PdfReader(str(agreement)).pages:
        # reportlab draws a QR code as one filled rectangle per dark module: hundreds of them.
        assert page.get_contents().get_data().count(b" re") > 100


needs_zbar = pytest.mark.skipif(shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
                                reason="zbarimg (Debian zbar-tools) or pdftoppm not installed")


def scanned_code(path, page: int, dpi: int, folder) -> str:
    """What zbarimg reads from the whole page rendered as a greyscale picture at ``dpi``, as an office
    scanner gives it: the QR code has to be found among the page's text, not in a cut-out."""
    stem = folder / f"p{page}-{dpi}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                    str(path), str(stem)], check=True)
    return subprocess.run(["zbarimg", "-q", "--raw", f"{stem}.png"], capture_output=True, text=True).stdout.strip()


@needs_zbar
@pytest.mark.parametrize("dpi", [80, 100, 120])
def test_qr_code_decodes_from_a_low_resolution_greyscale_scan_of_every_page(agreement, long_agreement, dpi, tmp_path):
    """100 dpi greyscale is what a village office's scanner makes of a signed copy; the code must read
    back from it, and from 80 and 120 dpi (the former 0.64 mm modules failed at 80, 110 and 120)."""
    for path in (agreement, long_agreement[0]):
        for n in range(1, len(PdfReader(str(path)).pages) + 1):
            assert scanned_code(path, n, dpi, tmp_path) == CODE, (path.name, n, dpi)


def qr_symbol(path, page_index: int) -> tuple[float, tuple[float, float, float, float], list]:
    """The QR code as drawn on one page: its module size and its box (x0, y0, x1, y1, PDF points from the
    bottom left), and every line stroked in the footer, as (x0, y0, x1, y1)."""
    rects, lines, start = [], [], None

    def visit(op, args, cm, tm):
        nonlocal start
        def at(x, y):
            return x * cm[0] + y * cm[2] + cm[4], x * cm[1] + y * cm[3] + cm[5]
        if op == b"re":
            (x0, y0), (x1, y1) = at(args[0], args[1]), at(args[0] + args[2], args[1] + args[3])
            rects.append((min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
        elif op == b"m":
            start = at(*args)
        elif op == b"l" and start is not None:
            lines.append((*start, *at(*args)))

    PdfReader(str(path)).pages[page_index].extract_text(visitor_operand_before=visit)
    mm = 72 / 25.4
    modules = [r for r in rects if r[3] < 32 * mm]  # the body's frame ends 32 mm up: these are the footer's
    module = min(r[3] - r[1] for r in modules)
    box = (min(r[0] for r in modules), min(r[1] for r in modules), max(r[2] for r in modules),
           max(r[3] for r in modules))
    return module, box, [ln for ln in lines if max(ln[1], ln[3]) < 32 * mm]


@needs_poppler
def test_qr_code_has_large_modules_and_a_clear_quiet_zone(agreement, long_agreement):
    """Modules of 1 mm (4 pixels of a 100 dpi scan) and, on every side, the 4-module quiet zone of
    ISO/IEC 18004 with nothing printed in it: no footer text, not the rule, not the body."""
    mm = 72 / 25.4
    for path in (agreement, long_agreement[0]):
        pages = word_boxes(path)
        for index, (height, words) in enumerate(pages):
            module, (x0, y0, x1, y1), lines = qr_symbol(path, index)
            assert module >= 0.99 * mm, module / mm
            assert abs((x1 - x0) - 21 * module) < 0.01 and abs((y1 - y0) - 21 * module) < 0.01
            quiet = 4 * module
            zone = (x0 - quiet, y0 - quiet, x1 + quiet, y1 + quiet)
            assert zone[1] >= 2 * mm and zone[2] <= 210 * mm  # the zone is on the paper
            for wx0, wy0, wx1, wy1, text in words:  # poppler's boxes: from the top left
                top, bottom = height - wy0, height - wy1
                apart = wx1 <= zone[0] or wx0 >= zone[2] or top <= zone[1] or bottom >= zone[3]
                assert apart, (index + 1, text)
            assert lines, "the footer's rule"
            for lx0, ly0, lx1, ly1 in lines:
                apart = max(lx0, lx1) <= zone[0] + 0.01 or min(ly0, ly1) >= zone[3] or max(ly0, ly1) <= zone[1]
                assert apart, (index + 1, lx0, ly0, lx1, ly1)


def test_no_warning_no_box(tmp_path):
    text = body(build_agreement_pdf(document(warnings=()), tmp_path / "w.pdf"))
    assert "特别提示" not in text


def test_the_domain_warning_prints(tmp_path):
    content = the_content(issues="解除收养关系后的财产分割。")
    warning = confirmation_warning(DisputeType.MARRIAGE_FAMILY, content)
    assert warning
    text = body(build_agreement_pdf(document(content=content, warnings=(warning,)), tmp_path / "m.pdf"))
    assert flat(warning) in text


def test_markup_characters_survive(tmp_path):
    content = the_content(issues="墙高<2米> & 宽度>30cm，<b>不是加粗</b> A&B 1<2")
    text = body(build_agreement_pdf(document(content=content), tmp_path / "x.pdf"))
    assert flat("墙高<2米> & 宽度>30cm，<b>不是加粗</b> A&B 1<2") in text


# ---------------------------------------------------------------- fonts

def fonts_by_page(path) -> list[dict]:
    out = []
    for page in PdfReader(str(path)).pages:
        fonts = {}
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
        out.append(fonts)
    return out


def embedded(font) -> bool:
    descriptor = font.get("/FontDescriptor")
    if descriptor is None and "/DescendantFonts" in font:
        descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
    return descriptor is not None and "/FontFile2" in descriptor.get_object()


def test_every_font_embedded_and_the_fallback_sets_the_rare_character(agreement):
    per_page = fonts_by_page(agreement)
    names = {name for fonts in per_page for name in fonts}
    assert names and all(FONT in name or FALLBACK in name for name in names)  # no Helvetica
    assert all(embedded(font) for fonts in per_page for font in fonts.values())
    first = per_page[0]
    assert any(FALLBACK in name for name in first)  # 𠈌 on page 1
    # ...and it is the fallback font that carries 𠈌 in its ToUnicode map (as a UTF-16 pair)
    fallback = next(font for name, font in first.items() if FALLBACK in name)
    cmap = fallback["/ToUnicode"].get_object().get_data().decode("latin-1")
    assert "<D840DE0C>" in cmap
    noto = [font for name, font in first.items() if FONT in name]
    assert all("D840DE0C" not in font["/ToUnicode"].get_object().get_data().decode("latin-1") for font in noto)


def test_no_fallback_font_without_rare_characters(tmp_path):
    case = the_case([individual("张建国"), individual("李秀英", Sex.FEMALE, role=PartyRole.RESPONDENT),
                     organisation()])
    content = the_content(facts="两家因院墙界线发生争执，多次协商未果。", responsibilities="")
    path = build_agreement_pdf(document(case=case, content=content), tmp_path / "plain.pdf")
    names = {name for fonts in fonts_by_page(path) for name in fonts}
    assert names and all(FONT in name for name in names)


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_agrees(agreement):
    out = subprocess.run(["pdffonts", str(agreement)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert any(FALLBACK in row for row in rows)
    for row in rows:
        assert (FONT in row or FALLBACK in row) and " yes yes yes " in row  # embedded, subset, unicode


def test_markup():
    assert markup("王㛃") == "王㛃"  # Ext. A: Noto Sans SC has it
    assert markup(RESPONDENT) == f'张<font name="{FALLBACK}">{RARE}</font>华'
    assert markup(f"{RARE}{RARE}") == f'<font name="{FALLBACK}">{RARE}{RARE}</font>'  # one run, one tag
    assert markup("a<b> & c") == "a&lt;b&gt; &amp; c"
    assert markup(f"<{RARE}>") == f'&lt;<font name="{FALLBACK}">{RARE}</font>&gt;'
    assert markup("第一行\n第二行") == "第一行\n第二行"
    assert markup("") == ""
    assert markup("\U0001F600") == "\U0001F600"  # in neither font: left as it is


# ---------------------------------------------------------------- line breaking (避头尾)

def wrapped_lines(paragraph, width: float) -> list[str]:
    paragraph.wrap(width, 1e6)
    out = []
    for line in paragraph.blPara.lines:
        if isinstance(line, tuple):  # one fragment: (extra space, [text])
            out.append("".join(line[1]))
        else:
            out.append("".join(getattr(word, "text", "") for word in line.words))
    return out


@pytest.mark.parametrize("rare", [False, True], ids=["one fragment", "with the fallback font"])
def test_no_line_starts_with_closing_punctuation(rare):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    font = register_fonts()
    style = ParagraphStyle("t", fontName=font, fontSize=10, leading=14, wordWrap="CJK")
    name = RESPONDENT if rare else "张建国"
    text = (f"{name}以转账方式向王㛃一次性支付¥12,000.00（人民币壹万贰仟元整），于2026年5月15日前履行完毕。"
            "双方约定“互不干涉”。今后……和睦相处（见附件）；其他事项另行协商：") * 3
    for width in range(100, 400, 3):
        lines = wrapped_lines(Paragraph(markup(text), style), width)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        for before, line in zip(lines, lines[1:]):
            assert line[:1] not in CHINESE_CANNOT_START, (width, before, line)
            assert before.rstrip()[-1:] not in "（“《", (width, before, line)
        assert not any("¥" in line and "¥12,000.00" not in line for line in lines), width  # amounts stay whole


@needs_poppler
def test_no_printed_line_starts_with_closing_punctuation(long_agreement):
    for page in poppler_pages(long_agreement[0]):
        for line in page.splitlines():
            first = line.strip()[:1]
            assert not first or first not in "，。、；：！？）》」』】〕〉”’", line


# ---------------------------------------------------------------- long agreements

@needs_poppler
def test_twelve_parties_and_long_facts_flow_across_pages(long_agreement):
    path, doc = long_agreement
    texts = pages(path)
    assert len(texts) > 2
    joined = body(path)
    for party in doc.case.parties:
        assert party.name in joined
    for line in doc.content.facts.splitlines()[::17]:  # pieces of the facts, across page breaks
        assert flat(line) in joined
    assert "本协议一式十三份" in joined
    assert "十一、赔偿第12项损失。" in joined

    # The signature heading and the first parties' lines share a page; the block started on a new page
    # and the blank it left behind is marked.
    poppler = poppler_pages(path)
    at = [n for n, page in enumerate(poppler) if flat(PARTIES_SIGN_HEADING) in flat(page)]
    assert len(at) == 1
    page = flat(poppler[at[0]])
    after = page[page.index(flat(PARTIES_SIGN_HEADING)):]
    assert f"{APPLICANT}（申请人）" in after and f"{RESPONDENT}（申请人）" in after
    assert "签名：" in after and "按指印" in after
    assert "（本页以下无正文）" in flat(poppler[at[0] - 1])
    # the seal and the date come last
    assert "2026年5月8日" in flat(poppler[-1]) and "（人民调解委员会印章）" in flat(poppler[-1])


@needs_poppler
@pytest.mark.parametrize("fixture", ["long_agreement", "long_names_agreement"])
def test_the_seal_and_date_share_their_page_with_the_last_parties_signatures(fixture, request):
    """12 parties: the block is taller than a page, but the committee's seal and date never sit on a
    page of their own, apart from the parties who sign: the last row of the parties' places comes with
    them, and the page it left is marked as ending the text."""
    path, doc = request.getfixturevalue(fixture)
    poppler = [flat(page) for page in poppler_pages(path)]
    sealed = [n for n, page in enumerate(poppler) if flat(SEAL_TEXT) in page]
    assert sealed == [len(poppler) - 1]
    page = poppler[sealed[0]]
    body_of_page = page[:page.index("人民调解协议书编号：")]
    last = doc.case.parties[-1]
    assert flat(last.name) in body_of_page and ("签名：" in body_of_page)
    assert ("盖章" if last.kind is PartyKind.ORGANISATION else "按指印") in body_of_page.replace(flat(SEAL_TEXT), "")
    before = body_of_page[:body_of_page.index(flat(MEDIATORS_SIGN_HEADING))]
    assert flat(doc.case.parties[-2].name) in before  # the whole last row
    assert body_of_page.index(flat(last.name)) < body_of_page.index(flat(SEAL_TEXT))
    assert flat(PARTIES_SIGN_HEADING) in poppler[sealed[0] - 1] and "（本页以下无正文）" in poppler[sealed[0] - 1]


@pytest.fixture(scope="module")
def long_names_agreement(tmp_path_factory):
    """12 parties, two of them organisations with very long names, and 6,000 characters of facts."""
    case = the_case(ten_people_and_two_long_named_organisations(APPLICANT))
    content = the_content(tuple(range(1, 13)), facts=long_facts(), clauses=clause_per_party())
    doc = document(case=case, content=content)
    assert len(doc.case.parties) == 12 and len(LONGEST_NAME) == 60 and len(doc.content.facts) == 6000
    return build_agreement_pdf(doc, tmp_path_factory.mktemp("long-names") / "long-names.pdf"), doc


def word_boxes(path) -> list[tuple[float, list[tuple[float, float, float, float, str]]]]:
    """Page by page: (page height, [(x0, y0, x1, y1, text)]) of every word poppler finds, in points from
    the top left; a box spans the font size of its text, so lines set at their leading never touch."""
    import html

    out = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, check=True).stdout
    text = out.decode("utf-8", "replace")  # the metadata may hold bytes poppler mangles; the pages do not
    word = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
    pages = []
    for page in re.finditer(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', text, re.S):
        pages.append((float(page.group(1)), [(float(a), float(b), float(c), float(d), html.unescape(t))
                                              for a, b, c, d, t in word.findall(page.group(2))]))
    return pages


@needs_poppler
def test_long_names_and_twelve_parties_lay_out_without_overlap(long_names_agreement):
    """No two pieces of text intersect on any page, and nothing but the footer enters the bottom margin:
    a long organisation name takes the lines it needs in its signature place, and the place grows."""
    path, doc = long_names_agreement
    mm = 72 / 25.4
    pages = word_boxes(path)
    assert len(pages) > 3
    tolerance = 0.2
    for n, (height, words) in enumerate(pages, start=1):
        assert words, n
        for i, a in enumerate(words):
            for b in words[i + 1:]:
                apart = (a[2] <= b[0] + tolerance or b[2] <= a[0] + tolerance
                         or a[3] <= b[1] + tolerance or b[3] <= a[1] + tolerance)
                assert apart, (n, a, b)
        body = [w for w in words if w[3] <= height - FOOTER_MM * mm + tolerance]
        footer = sorted((w for w in words if w not in body), key=lambda w: (round(w[1]), w[0]))
        assert all(w[1] >= height - 24 * mm for w in footer), (n, footer)  # the footer starts 23.3 mm up
        assert "".join(w[4] for w in footer) == (f"人民调解协议书编号：{NUMBER}第{n}页共{len(pages)}页"
                                                 f"核验码：{CODE}{HINT}"), (n, footer)
    # Every long name is printed whole in the signature block, on its own lines.
    block = flat(poppler_pages(path)[-2] + poppler_pages(path)[-1])
    assert f"{LONG_NAME}（申请人，盖章）" in block and f"{LONGEST_NAME}（第三人，盖章）" in block


def text_positions(path) -> list[list[tuple[float, float, str]]]:
    """(x, y, text) of every piece of text, page by page, in PDF points from the bottom left."""
    out = []
    for page in PdfReader(str(path)).pages:
        found: list[tuple[float, float, str]] = []

        def visit(text, cm, tm, font_dict, font_size, found=found):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append((x, y, text))

        page.extract_text(visitor_text=visit)
        out.append(found)
    return out


def test_body_text_never_runs_into_the_footer(long_agreement, agreement):
    """Only the footer's own lines sit in the bottom margin (32 mm): the body stays above it, below the
    top margin and inside the side margins, whatever flows over how many pages."""
    mm = 72 / 25.4
    for path in (agreement, long_agreement[0]):
        for n, found in enumerate(text_positions(path), start=1):
            assert found
            for x, y, text in found:
                assert 20 * mm <= x <= 190 * mm, (n, text)
                # the footer's three lines are at 20.5, 15 and 10 mm; the frame ends at 32 mm
                assert y >= 32 * mm or y <= 21 * mm, (n, y / mm, text)
                assert y < (297 - 17) * mm, (n, text)


# ---------------------------------------------------------------- what the code vouches for

def test_the_printed_payload_covers_every_field_of_the_document():
    """The verification code is made from printed_payload: every field of AgreementDocument that is printed
    must change it (a new field fails here until it is covered); the code itself and the blank signing
    date are the only ones left out."""
    from dataclasses import fields

    from xinye_desktop.documents.agreement import printed_payload

    base = document()
    payload = printed_payload(base)
    hosts, elders, witness, recorder = people()
    party = base.case.parties[0]
    changes = {
        "committee_name": [COMMITTEE + "（更名）"],
        "number": [NUMBER + "（第2版）"],
        "case": [replace(base.case, village="东王庄村"),
                 replace(base.case, parties=(replace(party, phone="13912345678"),) + base.case.parties[1:]),
                 replace(base.case, parties=(replace(party, address="王庄村5组"),) + base.case.parties[1:])],
        "content": [the_content(copies_text="9"), the_content(performance_note="现金当面交付")],
        "hosts": [(replace(hosts[0], post="副主任"), hosts[1]), (replace(hosts[0], unit="王庄镇政府"), hosts[1]),
                  (hosts[0], replace(hosts[1], host_kind=HostKind.VILLAGE_CADRE))],
        "elders": [(replace(elders[0], ad_hoc=True), elders[1]),
                   (elders[0], replace(elders[1], identity=ElderIdentity.VETERAN_SOLDIER))],
        "witnesses": [((witness, COMMITMENT + "，并通知双方到场"),), ((replace(witness, unit="水利站"), COMMITMENT),),
                      ((replace(witness, post="所长"), COMMITMENT),)],
        "recorder": [replace(recorder, name="王小丽"), None],
        "verify_hint": ["核验：扫描二维码"],
        "warnings": [(), (WARNING, "另一条提示")],
    }
    left_out = {"code": "0000-0000-0000", "signed_on": dt.date(2026, 5, 8)}
    assert set(changes) | set(left_out) == {f.name for f in fields(AgreementDocument)}
    for name, values in changes.items():
        for value in values:
            assert printed_payload(replace(base, **{name: value})) != payload, (name, value)
    for name, value in left_out.items():
        assert printed_payload(replace(base, **{name: value})) == payload, name


# ---------------------------------------------------------------- wording and failure

def test_chinese_numbers():
    assert [chinese_number(n) for n in (1, 3, 10, 11, 13, 20, 21, 99)] == [
        "一", "三", "十", "十一", "十三", "二十", "二十一", "九十九"]


def test_performance_wording_for_each_means():
    case = the_case()
    content = the_content(clauses=[
        ClauseInput(2, 1, "交付粮食", "800", PaymentMode.LUMP_SUM, PaymentMeans.GOODS, "2026-06-01"),
        ClauseInput(2, 1, "帮工抵偿", "500", PaymentMode.INSTALMENTS, PaymentMeans.ACT, "2026-07-01"),
        ClauseInput(3, None, "清理堆放的杂物", "", None, PaymentMeans.ACT, "2026-05-10"),
        ClauseInput(None, None, "今后互不干涉", "", None, None, "")])
    goods, act, chore, plain = (performance_text(c, case) for c in content.clauses)
    assert goods == f"{RESPONDENT}以实物方式向{APPLICANT}一次性交付价值¥800.00（人民币捌佰元整）的财物，于2026年6月1日前履行完毕。"
    assert act == f"{RESPONDENT}以行为方式向{APPLICANT}分期履行，折合¥500.00（人民币伍佰元整），于2026年7月1日前履行完毕。"
    assert chore == f"上述义务由{COOPERATIVE}以行为方式履行，于2026年5月10日前履行完毕。"
    assert plain == ""


def test_a_failed_render_leaves_the_old_file(tmp_path, monkeypatch):
    from reportlab.platypus import SimpleDocTemplate

    def broken(self, *args, **kwargs):
        with open(self.filename, "wb") as f:
            f.write(b"%PDF-1.4 half")
        raise OSError("disk full")

    target = tmp_path / "out" / "a.pdf"
    target.parent.mkdir()
    target.write_bytes(b"old")
    monkeypatch.setattr(SimpleDocTemplate, "build", broken)
    with pytest.raises(OSError):
        build_agreement_pdf(document(), target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in target.parent.iterdir()] == ["a.pdf"]
