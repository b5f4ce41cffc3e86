"""Line breaking in the PDFs (documents/fonts.py): a name is never cut across two lines."""

from __future__ import annotations

import pytest

from xinye_desktop.documents.fonts import markup, names_kept_whole, register_fonts

RARE = "\U0002020c"  # 𠈌: set in the fallback font, so the paragraph has several fragments


def wrapped_lines(paragraph, width: float) -> list[str]:
    paragraph.wrap(width, 1e6)
    out = []
    for line in paragraph.blPara.lines:
        if isinstance(line, tuple):  # one fragment: (extra space, [text])
            out.append("".join(line[1]))
        else:
            out.append("".join(getattr(word, "text", "") for word in line.words))
    return out


def paragraph(text: str):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    style = ParagraphStyle("t", fontName=register_fonts(), fontSize=10, leading=14, wordWrap="CJK")
    return Paragraph(text, style)


# Ten characters of 10 points fit a line of 100.5: without the rule the line would end 彭振 and the next
# start with 华.
WIDTH = 100.5


@pytest.mark.parametrize("name, how", [
    ("彭振华", "one fragment"),
    (f"张{RARE}华", "fragments in two fonts"),
    ("彭振华", "a <br/> in the paragraph"),
])
def test_a_name_at_the_end_of_a_line_moves_to_the_next_whole(name, how):
    text = "一二三四五六七八" + name + "和其他当事人"
    source = markup(text) if how != "a <br/> in the paragraph" else "第一行<br/>" + markup(text)
    assert len(wrapped_lines(paragraph(source), 1e4)) == (2 if "<br/>" in source else 1)
    cut = wrapped_lines(paragraph(source), WIDTH)
    assert any(line.endswith(name[:2]) for line in cut), "the test must put the break inside the name"
    with names_kept_whole(["彭振华", f"张{RARE}华"]):
        lines = wrapped_lines(paragraph(source), WIDTH)
    assert "".join(lines) == "".join(cut)
    at = next(n for n, line in enumerate(lines) if line.startswith(name))
    assert lines[at - 1].endswith("八"), lines


def test_names_are_kept_whole_only_inside_the_block_and_everywhere_in_a_list():
    names = ["蒋玉梅", "曹德明", "郝保国", "赵红军", "李春花", "钟志强", "王娶", "萧振华", "高爱荣", "张众华",
             "姚斌", "陆霞", "欧阳春花"]
    text = "、".join(names) + "："
    for width in range(60, 400, 7):
        with names_kept_whole(names):
            lines = wrapped_lines(paragraph(markup(text)), width)
        assert "".join(lines) == text
        for before, after in zip(lines, lines[1:]):
            assert before.endswith(("、", "：")) or any(before.endswith(n) for n in names), (width, lines)
    assert wrapped_lines(paragraph(markup("一二三四五六七八彭振华")), WIDTH)[0].endswith("彭振")  # outside


def test_a_name_longer_than_the_line_is_cut_where_the_line_is_full():
    name = "新野县王庄镇王庄村农机专业合作社"
    with names_kept_whole([name, "单"]):
        lines = wrapped_lines(paragraph(markup(name + "与单")), WIDTH)
    assert lines[0] == name[:10] and "".join(lines) == name + "与单"


# ---------------------------------------------------------------- in the documents

# In this order, without the rule, each of the documents below cuts a name or two across lines.
NAMES = ["钟志强", "赵红军", "郝保国", "萧振华", "高爱荣", "陆霞", "姚斌", "宋佳怡", "韩冬", "上官婉儿", "司马光明",
         "诸葛亮亮", "李春花", "范冰", "彭振华", "曹德明", "石磊", "张众华", "王娶", "蒋玉梅", "欧阳春花"]


def split_names(path, names) -> list[tuple[str, str]]:
    """Pairs of printed lines (as poppler reads them) where one ends with the start of a name and the next
    begins with its rest."""
    import subprocess

    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    lines = [line.strip() for line in out.decode("utf-8").splitlines() if line.strip()]
    return [(before, after) for before, after in zip(lines, lines[1:]) for name in names
            for k in range(1, len(name)) if before.endswith(name[:k]) and after.startswith(name[k:])]


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    """A case of 21 parties with names of two to four characters, its documents built directly."""
    import datetime as dt
    from dataclasses import replace

    from tests.test_mediation_record_pdf import context, oral_agreement_sitting, people, the_case
    from xinye_desktop.documents.case_forms import (
        ResolutionOpinionDocument, RightsNoticeDocument, build_case_form_pdf, with_code,
    )
    from xinye_desktop.documents.mediation_record import build_mediation_record
    from xinye_desktop.domain.enums import PartyRole

    case = the_case()
    template = case.parties[0]
    roles = [PartyRole.APPLICANT, PartyRole.RESPONDENT, PartyRole.THIRD_PARTY]
    parties = tuple(replace(template, id=100 + n, name=name, role=roles[n % 3], claims=f"要求{NAMES[-1 - n]}赔偿损失")
                    for n, name in enumerate(NAMES))
    case = replace(case, parties=parties)
    hosts, elders, witnesses, recorder = people()
    data = oral_agreement_sitting()
    data.outcome_text = "；".join(f"{a}向{b}支付{n}00元" for n, (a, b) in enumerate(zip(NAMES, NAMES[1:]), 1))
    folder = tmp_path_factory.mktemp("crowded")
    docs = {"notice": RightsNoticeDocument("王庄村人民调解委员会", case, dt.date(2026, 5, 6)),
            "opinion": ResolutionOpinionDocument("王庄村人民调解委员会", case, 1, data, hosts, elders, witnesses,
                                                 recorder)}
    out = {key: build_case_form_pdf(with_code(doc), folder / f"{key}.pdf") for key, doc in docs.items()}
    out["record"] = build_mediation_record(context(data, case=case), folder / "record.pdf")
    out["agreement"] = agreement(folder)
    return out


def agreement(folder):
    """The 人民调解协议书 of the 21 parties, one paying the next in each clause."""
    import datetime as dt

    from tests.helpers import individual, make_id_number
    from tests.test_agreement_pdf import document, the_case, the_content
    from xinye_desktop.documents.agreement import build_agreement_pdf
    from xinye_desktop.domain.agreement import ClauseInput, PaymentMeans, PaymentMode
    from xinye_desktop.domain.enums import PartyRole, Sex

    parties = [individual(name, Sex.MALE, make_id_number(dt.date(1960 + n, 1, 1 + n), 2 * n + 1),
                          role=PartyRole.APPLICANT if n < 10 else PartyRole.RESPONDENT)
               for n, name in enumerate(NAMES)]
    clauses = [ClauseInput(n, n - 1, f"{NAMES[n - 1]}向{NAMES[n - 2]}赔偿损失", str(100 * n), PaymentMode.LUMP_SUM,
                           PaymentMeans.CASH, "2026-05-15") for n in range(2, len(NAMES) + 1)]
    content = the_content(tuple(range(1, len(NAMES) + 1)), clauses=clauses,
                          facts="；".join(f"{a}与{b}因宅基地发生争执" for a, b in zip(NAMES, NAMES[3:])))
    return build_agreement_pdf(document(case=the_case(parties), content=content), folder / "agreement.pdf")


@pytest.mark.skipif(__import__("shutil").which("pdftotext") is None, reason="poppler-utils not installed")
@pytest.mark.parametrize("key", ["notice", "opinion", "record", "agreement"])
def test_no_document_cuts_a_name_across_lines(crowded, key):
    assert split_names(crowded[key], NAMES) == []


def test_the_notice_to_more_than_two_parties_says_each_party():
    from xinye_desktop.domain.session import RIGHTS_NOTICE, rights_notice_text

    assert "双方当事人认为有必要的" in RIGHTS_NOTICE
    assert rights_notice_text(2) == RIGHTS_NOTICE
    assert rights_notice_text(3) == RIGHTS_NOTICE.replace("双方当事人认为有必要的", "各方当事人认为有必要的")
    assert "双方" not in rights_notice_text(12)
