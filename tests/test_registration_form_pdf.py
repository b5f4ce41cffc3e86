"""人民调解受理登记表 (documents/registration_form.py): in the case forms' look, read back from the PDF."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from tests.helpers import individual, make_id_number, organisation, two_parties, valid_case_input
from xinye_desktop.documents.registration_form import (
    PARTIES_SIGN_HEADING, REGISTRAR_SIGN_HEADING, TITLE, FormContext, build_registration_form, registration_code,
)
from xinye_desktop.domain.cases import check_case
from xinye_desktop.domain.enums import PartyRole, Sex

COMMITTEE = "新野县王庄镇王庄村人民调解委员会"
NUMBER = "（2026）新调字第007号"


def the_case(parties=None):
    parties = parties or two_parties() + [organisation()]
    case, errors, _ = check_case(valid_case_input(dt.date(2026, 11, 5), parties=parties), today=dt.date(2026, 11, 5))
    assert case is not None, errors
    return replace(case, case_number=NUMBER)


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def form(tmp_path_factory):
    case = the_case()
    context = FormContext(COMMITTEE, "陈晓燕")
    _payload, _digest, code = registration_code(case, context)
    path = build_registration_form(case, context, tmp_path_factory.mktemp("reg") / "登记表.pdf", code)
    return path, code


def test_the_form_has_the_case_forms_header_and_bold_title(form):
    path, _code = form
    reader = PdfReader(str(path))
    text = flat(reader.pages[0].extract_text())
    assert text.startswith(COMMITTEE + TITLE + "案号：" + NUMBER)
    # The title and headings are drawn filled and stroked (text render mode 2), as in the other forms.
    assert b"2 Tr" in reader.pages[0].get_contents().get_data()


def test_dates_are_written_in_chinese_and_never_iso(form):
    path, _code = form
    text = flat("".join(page.extract_text() for page in PdfReader(str(path)).pages))
    assert text.count("2026年11月5日") == 3  # the opening sentence, 受理日期, under the seal
    assert "受理日期2026年11月5日" in text
    assert not re.search(r"\d{4}-\d{1,2}-\d{1,2}|年0\d月|月0\d日", text)


def test_every_party_signs_in_a_place_with_a_fingerprint_box_and_the_registrar_on_a_line(form):
    path, code = form
    pages = [flat(page.extract_text()) for page in PdfReader(str(path)).pages]
    text = "".join(pages)
    tail = text[text.index(PARTIES_SIGN_HEADING) + len(PARTIES_SIGN_HEADING):]
    assert "张建国（申请人）签名：" in tail and "李秀英（被申请人）签名：" in tail
    assert "新野县王庄农机专业合作社（被申请人，盖章）法定代表人签名：" in tail
    assert tail.count("按指印") == 2 and "（被申请人，盖章）法定代表人签名：盖章登记人" in tail  # its seal place
    assert REGISTRAR_SIGN_HEADING in tail and "（人民调解委员会印章）" in tail
    assert tail.index(COMMITTEE) < tail.index("2026年11月5日")
    assert all(f"核验码：{code}" in page for page in pages)


def test_many_parties_flow_over_pages_with_the_table_header_repeated(tmp_path):
    parties = [individual(f"{surname}振华", Sex.MALE, make_id_number(dt.date(1960 + n, 1, 1 + n), 2 * n + 1),
                          role=PartyRole.APPLICANT if n % 2 else PartyRole.RESPONDENT)
               for n, surname in enumerate("彭赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施")]
    path = build_registration_form(the_case(parties), FormContext(COMMITTEE, ""), tmp_path / "r.pdf", "0000-0000-0000")
    pages = [flat(page.extract_text()) for page in PdfReader(str(path)).pages]
    assert len(pages) >= 3
    assert sum("地位姓名或名称性别民族年龄" in page for page in pages) >= 2
    text = "".join(pages)
    assert all(f"{s}振华" in text for s in "彭赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施")
