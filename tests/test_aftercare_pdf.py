"""人民调解回访记录 and 司法确认申请书 (documents/aftercare_forms.py), made through the services on a real
database: A4, the embedded subset font, the content read back with pypdf, the code verifying."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from tests.test_aftercare_service import SIGNED, s, signed_case  # noqa: F401 - s: the fixture
from xinye_desktop.documents.aftercare_forms import COMMITMENT, request_text
from xinye_desktop.domain.aftercare import ApplicationInput, Satisfaction, TermFinding, VisitInput, VisitMethod
from xinye_desktop.domain.enums import PerformanceStatus
from xinye_desktop.services.documents import DocumentRefused
from xinye_desktop.services.settings import CommitteeSettings, SettingsService

COMMITTEE = "新野县王庄镇王庄村人民调解委员会"


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def read(path):
    reader = PdfReader(str(path))
    text = flat("".join(page.extract_text() for page in reader.pages))
    return reader, text


def assert_a4_embedded(reader):
    for page in reader.pages:
        assert [round(float(v)) for v in page.mediabox[2:]] == [595, 842]
    fonts = {f["/BaseFont"] for page in reader.pages for f in page["/Resources"]["/Font"].values()}
    assert fonts and all("+" in str(name) for name in fonts)  # subset: embedded


@pytest.fixture
def settled(s):  # noqa: F811
    SettingsService(s["db"]).save(CommitteeSettings(COMMITTEE, "新", "刘振华"))
    case = signed_case(s)
    return s, case


def test_visit_record_pdf_states_what_the_visit_found_and_verifies(settled):
    s, case = settled
    care = s["aftercare"].overview(case.id)
    visit = care.visits[0]
    with pytest.raises(DocumentRefused):
        s["aftercare"].visit_record(visit.id)  # not yet made
    s["today"]["day"] = dt.date(2026, 12, 21)
    first, second = care.terms
    s["aftercare"].record_visit(visit.id, VisitInput(
        visited_on_text="2026-12-21", visitor="刘振华", visited="张建国、李秀英", method=VisitMethod.HOME,
        terms=[TermFinding(first.id, PerformanceStatus.PARTIAL, "已付6000元"),
               TermFinding(second.id, PerformanceStatus.PERFORMED)],
        satisfaction=Satisfaction.FAIRLY, risks="李秀英称资金紧张", measures="约定月底前付清，届时再次回访"),
        expected_version=visit.version)
    path, code = s["aftercare"].visit_record(visit.id)
    reader, text = read(path)
    assert_a4_embedded(reader)
    for expected in ("人民调解回访记录", COMMITTEE, "调解协议编号", care.agreement_number, "张建国、李秀英",
                     "房屋宅基地纠纷", "2026年12月21日", "上门回访", "赔偿院墙损失：部分履行（已付6000元）",
                     "总体：部分履行", "基本满意", "李秀英称资金紧张", "约定月底前付清", code):
        assert flat(expected) in text, expected
    assert "。：" not in text, "a term's own full stop is not followed by the colon of its finding"
    found = s["agreements"].verify(code)
    assert found.found and found.intact and found.document_title == "人民调解回访记录"
    _snapshot(path, "visit")


def test_confirmation_application_pdf_names_every_applicant_and_the_agreement(settled):
    s, case = settled
    path, code = s["aftercare"].confirmation_application(case.id)
    reader, text = read(path)
    assert_a4_embedded(reader)
    care = s["aftercare"].overview(case.id)
    for expected in ("司法确认申请书", "申请人：张建国", "申请人：李秀英", "联系电话：13812345678",
                     request_text(SimpleNamespace(effective_on=SIGNED, committee_name=COMMITTEE,
                                                  agreement_number=care.agreement_number)),
                     "赔偿院墙损失", "人民调解法》第三十三条", COMMITMENT, "此致", "附：", code):
        assert flat(expected) in text, expected
    assert "411329" not in text  # no ID numbers on it
    assert "。（" not in text and "。。" not in text  # each term closes once, after who owes what and by when
    s["aftercare"].apply_confirmation(case.id, ApplicationInput("2026-11-22", "新野县人民法院"))
    path, _code = s["aftercare"].confirmation_application(case.id)
    _reader, text = read(path)
    assert "新野县人民法院" in text and "2026年11月22日" in text
    _snapshot(path, "confirmation")


def test_no_application_once_the_window_closed(settled):
    s, case = settled
    s["today"]["day"] = SIGNED + dt.timedelta(days=31)
    with pytest.raises(DocumentRefused):
        s["aftercare"].confirmation_application(case.id)


def _snapshot(path, name):
    """Pictures of the pages for a person to look at (/tmp/aftercare-pdf), when poppler is there."""
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), f"/tmp/aftercare-pdf-{name}"], check=False)


def page_lines(path) -> list[str]:
    return [line for page in PdfReader(str(path)).pages for line in page.extract_text().splitlines()]


def test_the_court_is_a_blank_to_write_in_until_the_application_names_it(settled):
    s, case = settled
    path, _code = s["aftercare"].confirmation_application(case.id)
    lines = page_lines(path)
    court = lines[lines.index("此致") + 1]
    # No-break spaces survive at the start of the line: room for the court's name before 人民法院.
    assert court.endswith("人民法院") and len(court) - len("人民法院") >= 30 and not court.strip(" \u00a0人民法院")
    s["aftercare"].apply_confirmation(case.id, ApplicationInput("2026-11-22", "新野县人民法院王庄人民法庭"))
    path, _code = s["aftercare"].confirmation_application(case.id)
    lines = page_lines(path)
    assert lines[lines.index("此致") + 1] == "新野县人民法院王庄人民法庭"


def test_dates_in_the_application_have_no_leading_zeros(s):  # noqa: F811
    from tests.test_agreement_service import agreed_case, form_for

    case = agreed_case(s)
    form = form_for(case)
    form.clauses[0].deadline_text = "2027-01-05"
    s["agreements"].save_draft(case.id, form)
    s["agreements"].mark_signed(s["agreements"].print_agreement(case.id).id, SIGNED)
    path, _code = s["aftercare"].confirmation_application(case.id)
    _reader, text = read(path)
    assert "赔偿院墙损失（李秀英，¥12,000.00，2027年1月5日前履行）" in text
    assert not re.search(r"年0\d月|月0\d日", text)


def test_without_recorded_terms_the_application_refers_to_the_attached_agreement(settled):
    s, case = settled
    care = s["aftercare"].overview(case.id)
    from dataclasses import replace as copy

    from xinye_desktop.services.documents import DocumentService

    path, _code = DocumentService(s["db"], s["paths"]).confirmation_application(copy(care, terms=()))
    _reader, text = read(path)
    assert "协议内容详见所附人民调解协议书。" in text and "主要内容如下" not in text
