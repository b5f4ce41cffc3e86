"""The 调解协议 tab driven as a mediator would: a case that has not reached a written agreement; the draft
that starts from the intake and autosaves; clauses added and removed, the amount in capitals as typed;
检查并打印 refused with the reasons beside the fields, then printed (frozen, archived, coded on every
page, read back with pypdf); 登记签署 and the scan; a second version superseding the first; the 验证
dialog; the language switch.

The 登记签署 dialog is answered through the tab's ``run_dialog``; the preview dialog is kept shut with
``open_files = False``.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from tests.test_session_service import fill_all
from tests.task_waits import ThreadSpy, outcome
from tests.test_ui_session import make_case, session_tab
from xinye_desktop.domain.agreement import AgreementState, PaymentMeans, PaymentMode
from xinye_desktop.domain.enums import CaseStatus, PerformanceStatus
from xinye_desktop.domain.errors import Refused
from xinye_desktop.domain.session import Outcome, Step
from xinye_desktop.services.agreements import AgreementService
from xinye_desktop.services.elders import ElderService, PeopleService
from xinye_desktop.services.intake import IntakeService
from xinye_desktop.services.selection import SelectionService
from xinye_desktop.services.session import SessionService
from xinye_desktop.ui.agreement_tab import VerifyDialog
from xinye_desktop.ui.i18n import translate
from xinye_desktop.ui.pdf_preview import PdfPreviewDialog

from ui_helpers import pick, type_into

CJK = re.compile(r"[\u4e00-\u9fff]")
NOT_YET = ("调解达成书面协议（或形成化解意见）后，才能在这里制作人民调解协议书。"
           "达成口头协议的，用右下角“制作案卷文书”制作口头协议登记表。")
DRAFTING = "填写的内容自动保存为草稿。检查无误后点“检查并打印”：打印后内容冻结，并在每页印上核验码。"
CLAIMS = "张建国：要求按原界线施工。\n李秀英：要求拆除越界院墙。"  # the parties' claims of valid_case_input()
ISSUES = "院墙是否越界；推倒院墙的损失由谁承担。"
COMPENSATION = "李秀英赔偿张建国院墙损失"
BOUNDARY = "双方今后按1992年宅基地使用证四至各自管理，互不干涉"
DEADLINE = dt.date.today() + dt.timedelta(days=60)


# -- the case and its people ----------------------------------------------------------------------------

@pytest.fixture
def services(database, data_paths):
    selection = SelectionService(database)
    return {"intake": IntakeService(database), "elders": ElderService(database), "people": PeopleService(database),
            "selection": selection, "session": SessionService(database, selection),
            "agreements": AgreementService(database, data_paths, selection), "paths": data_paths}


def sitting_done_but_outcome(services, case):
    """A sitting started and filled in (every step but 处理), as saved by the session tab."""
    sitting = services["session"].start(case.id)
    data = fill_all(sitting.data, [p.id for p in case.parties])
    return services["session"].save(sitting.id, data, expected_version=sitting.version)


def agreed_case(services, tag: int = 0):
    """A case whose sitting ended with 达成书面协议 (finished through the services)."""
    case, _ = make_case(services, tag=tag)
    sitting = sitting_done_but_outcome(services, case)
    data = sitting.data
    data.outcome = Outcome.WRITTEN
    sitting = services["session"].save(sitting.id, data, expected_version=sitting.version)
    services["session"].finish(sitting.id, expected_version=sitting.version)
    return case


def agreement_tab(window, case_id: int | None = None):
    if case_id is not None:
        window.open_case(case_id)
    window.tabs.setCurrentWidget(window.agreement_tab)
    tab = window.agreement_tab
    tab.open_files = False
    return tab


def form_widgets(tab) -> list:
    """Everything a mediator types into or clicks to change the draft."""
    widgets = [tab.facts, tab.issues, tab.responsibilities, tab.performance_note, tab.copies,
               tab.add_clause_button, tab.print_button]
    for editor in tab.clauses:
        widgets += [editor.obligor, editor.obligee, editor.content, editor.amount, editor.mode, editor.means,
                    editor.deadline]
        if len(tab.clauses) > 1:  # the only term cannot be deleted: its button is off
            widgets.append(editor.remove)
    return widgets


def changeable(widget) -> bool:
    """Can the mediator change it? Frozen text boxes are read-only (legible), buttons and lists disabled."""
    read_only = getattr(widget, "isReadOnly", None)
    return widget.isEnabled() and not (read_only and read_only())


def versions_listed(tab) -> list[str]:
    return [tab.version_combo.itemText(i) for i in range(tab.version_combo.count())]


def stored(services, case_id: int):
    """The latest agreement version as the database has it."""
    return services["agreements"].current(case_id)


def fill_compensation(qtbot, editor, amount: str = "12000") -> None:
    """第一条: 李秀英 pays 张建国 the amount, at once, by transfer, within sixty days."""
    pick(qtbot, editor.obligor, "李秀英")
    pick(qtbot, editor.obligee, "张建国")
    type_into(qtbot, editor.content, COMPENSATION)
    type_into(qtbot, editor.amount, amount)
    pick(qtbot, editor.mode, "一次性")
    pick(qtbot, editor.means, "转账")
    type_into(qtbot, editor.deadline, DEADLINE.isoformat())


def sign_on(day: dt.date, seen: list):
    """A ``run_dialog`` answering 登记签署 with ``day`` and OK."""
    def run(dialog):
        seen.append(dialog.windowTitle())
        dialog.date_edit.setDate(QDate(day.year, day.month, day.day))
        assert dialog.date_edit.date().toPython() == day, "the dialog would not take the date"
        return True

    return run


def pages_text(path) -> list[str]:
    return [re.sub(r"\s+", "", page.extract_text()) for page in PdfReader(str(path)).pages]


def printed_case(services, qtbot, make_window):
    """A window on the agreement tab of a case whose first version has been printed through the tab."""
    case = agreed_case(services)
    window = make_window()
    tab = agreement_tab(window, case.id)
    type_into(qtbot, tab.issues, ISSUES)
    fill_compensation(qtbot, tab.clauses[0])
    printed = outcome(qtbot, tab.print_agreement())
    assert printed is not None, tab.message.text()
    return window, tab, case, printed


# -- (1) not yet: the agreement follows a written agreement ------------------------------------------------

def test_the_agreement_waits_for_a_written_agreement_then_starts_from_the_intake(
        make_window, services, database, answer_dialogs, qtbot):
    case, _ = make_case(services)
    sitting_done_but_outcome(services, case)
    window = make_window()
    tab = agreement_tab(window, case.id)

    assert "状态：调解中" in tab.case_label.text()
    assert tab.notice.text() == NOT_YET and not tab.notice.isHidden()
    assert [w for w in form_widgets(tab) if changeable(w)] == []
    assert len(tab.clauses) == 1 and tab.facts.toPlainText() == "" and tab.issues.toPlainText() == ""
    assert tab.version_combo.count() == 0
    for button in (tab.preview_button, tab.sign_button, tab.scan_button, tab.new_version_button):
        assert not button.isEnabled(), button.text()
    assert tab.print_agreement() is None  # the action itself does nothing either
    assert stored(services, case.id) is None
    with pytest.raises(Refused, match="达成书面协议后"):
        services["agreements"].save_draft(case.id, tab.to_input())

    # The sitting is finished in 法理情调解 with 达成书面协议: the agreement tab follows at once.
    sessions = session_tab(window)
    sessions.go_to(Step.OUTCOME)
    sessions.outcome.outcome_buttons[Outcome.WRITTEN].click()
    assert sessions.finish_button.isEnabled(), sessions.finish_label.text()
    sessions.finish_button.click()
    assert answer_dialogs == ["以“达成书面协议”结束第1次调解？结束后记录不能再修改。"]
    assert IntakeService(database).load(case.id).status is CaseStatus.AGREEMENT_WRITTEN

    window.tabs.setCurrentWidget(tab)
    assert "状态：达成协议（书面）" in tab.case_label.text()
    assert tab.notice.text() == DRAFTING
    assert tab.facts.toPlainText() == case.facts
    assert tab.issues.toPlainText() == CLAIMS
    assert tab.responsibilities.toPlainText() == "" and tab.copies.text() == ""
    assert len(tab.clauses) == 1 and tab.clauses[0].title.text() == "第一条"
    assert all(changeable(w) for w in form_widgets(tab))
    assert not tab.sign_button.isEnabled() and not tab.new_version_button.isEnabled()
    assert stored(services, case.id) is None  # nothing typed, nothing stored yet


# -- (2) the draft: autosaved, clauses, the amount in capitals ------------------------------------------------

def test_typing_autosaves_the_draft(make_window, services, qtbot):
    case = agreed_case(services)
    window = make_window()
    tab = agreement_tab(window, case.id)

    type_into(qtbot, tab.issues, ISSUES)
    assert stored(services, case.id) is None, "saved before the pause"
    qtbot.wait(800)
    first = stored(services, case.id)
    assert first is not None and first.number == 1 and first.state is AgreementState.DRAFT
    assert first.form.facts == case.facts and first.form.issues == ISSUES
    assert versions_listed(tab) == ["第1版　草稿"]

    # Typing on: saved into the same version.
    type_into(qtbot, tab.responsibilities, "张建国越界施工，负主要责任")
    qtbot.wait(800)
    again = stored(services, case.id)
    assert again.id == first.id and again.form.responsibilities == "张建国越界施工，负主要责任"
    assert again.form.issues == ISSUES

    # Leaving the tab at once, before the pause: saved too.
    type_into(qtbot, tab.performance_note, "款项转入张建国的农商银行账户")
    fill_compensation(qtbot, tab.clauses[0])
    window.tabs.setCurrentWidget(window.ledger_tab)
    saved = stored(services, case.id)
    assert saved.form.performance_note == "款项转入张建国的农商银行账户"
    clause = saved.form.clauses[0]
    zhang, li = (p.id for p in case.parties)
    assert (clause.obligor, clause.obligee, clause.content, clause.amount_text, clause.mode, clause.means,
            clause.deadline_text) == (li, zhang, COMPENSATION, "12000", PaymentMode.LUMP_SUM,
                                      PaymentMeans.TRANSFER, DEADLINE.isoformat())

    # Opened again (as after a restart): the draft is what was typed, not the intake's starting text.
    again_window = make_window()
    tab2 = agreement_tab(again_window, case.id)
    assert tab2.issues.toPlainText() == ISSUES
    assert tab2.clauses[0].content.toPlainText() == COMPENSATION
    assert tab2.clauses[0].obligor.currentText() == "李秀英" and tab2.clauses[0].mode.currentText() == "一次性"
    assert "人民币壹万贰仟元整" in tab2.clauses[0].capitals.text()


FIRST_SAVE = ("BUG: the first autosave of a case's agreement (AgreementTab.flush with no version yet) calls "
              "refresh() -> _version_chosen() -> _load(), which setPlainText()s every field and deletes and "
              "rebuilds the clause editors while the mediator is typing")


def test_the_first_autosave_leaves_the_cursor_where_the_mediator_is_typing(make_window, services, qtbot):
    case = agreed_case(services)
    tab = agreement_tab(make_window(), case.id)
    type_into(qtbot, tab.issues, "院墙是否越界")
    qtbot.wait(800)  # a pause to think: the first autosave creates version 1
    assert stored(services, case.id).form.issues == "院墙是否越界"
    QApplication.focusWidget().insertPlainText("；损失由谁承担")  # the input method commits the next words
    assert tab.issues.toPlainText() == "院墙是否越界；损失由谁承担"  # is "；损失由谁承担院墙是否越界"


def test_the_first_autosave_keeps_the_clause_being_typed_in(make_window, services, qtbot):
    case = agreed_case(services)
    tab = agreement_tab(make_window(), case.id)
    type_into(qtbot, tab.clauses[0].content, "李秀英赔偿")
    qtbot.wait(800)
    assert stored(services, case.id).form.clauses[0].content == "李秀英赔偿"
    assert QApplication.focusWidget() is tab.clauses[0].content


def test_clauses_are_added_numbered_and_removed(make_window, services, qtbot):
    case = agreed_case(services)
    tab = agreement_tab(make_window(), case.id)
    tab.clauses[0].remove.click()  # the last clause stays
    assert len(tab.clauses) == 1 and tab.clauses[0].title.text() == "第一条"

    type_into(qtbot, tab.clauses[0].content, COMPENSATION)
    tab.add_clause_button.click()
    tab.add_clause()
    assert [e.title.text() for e in tab.clauses] == ["第一条", "第二条", "第三条"]
    type_into(qtbot, tab.clauses[1].content, "张建国当面向李秀英赔礼道歉")
    type_into(qtbot, tab.clauses[2].content, BOUNDARY)
    qtbot.wait(800)
    assert [c.content for c in stored(services, case.id).form.clauses] == [
        COMPENSATION, "张建国当面向李秀英赔礼道歉", BOUNDARY]

    tab.clauses[1].remove.click()  # the middle one: the rest are numbered again
    assert [e.title.text() for e in tab.clauses] == ["第一条", "第二条"]
    assert [e.content.toPlainText() for e in tab.clauses] == [COMPENSATION, BOUNDARY]
    window = tab.window()
    window.tabs.setCurrentWidget(window.ledger_tab)
    assert [c.content for c in stored(services, case.id).form.clauses] == [COMPENSATION, BOUNDARY]


def test_the_amount_is_shown_in_figures_and_capitals_as_typed(make_window, services, qtbot):
    case = agreed_case(services)
    tab = agreement_tab(make_window(), case.id)
    editor = tab.clauses[0]
    assert editor.capitals.text() == ""
    editor.amount.setFocus()
    qtbot.keyClicks(editor.amount, "12")
    assert "人民币壹拾贰元整" in editor.capitals.text() and "¥12.00" in editor.capitals.text()
    qtbot.keyClicks(editor.amount, "000")
    assert editor.capitals.text() == "¥12,000.00　人民币壹万贰仟元整"
    type_into(qtbot, editor.amount, "1.2万")  # as people say it
    assert editor.capitals.text() == "¥12,000.00　人民币壹万贰仟元整"
    type_into(qtbot, editor.amount, "12000.5")
    assert editor.capitals.text() == "¥12,000.50　人民币壹万贰仟元伍角"
    type_into(qtbot, editor.amount, "12000.555")  # not an amount: nothing shown, nothing guessed
    assert editor.capitals.text() == ""
    type_into(qtbot, editor.amount, "")
    assert editor.capitals.text() == ""


# -- (3) check and print ---------------------------------------------------------------------------------

def test_printing_with_missing_content_shows_the_reasons_beside_the_fields(make_window, services, qtbot):
    case = agreed_case(services)
    window = make_window()
    tab = agreement_tab(window, case.id)
    type_into(qtbot, tab.facts, "")
    type_into(qtbot, tab.issues, "   ")
    first = tab.clauses[0]
    pick(qtbot, first.obligor, "李秀英")  # someone owes, but what, how and by when is not said
    type_into(qtbot, first.amount, "一万二")
    tab.add_clause()
    second = tab.clauses[1]
    type_into(qtbot, second.amount, "500")  # an amount with nobody to pay it
    type_into(qtbot, tab.copies, "2")

    assert outcome(qtbot, tab.print_agreement()) is None
    first, second = tab.clauses  # (built again from the draft the check saved first)
    assert tab.boxes["facts"].error == "此项必须填写"
    assert tab.boxes["issues"].error == "此项必须填写"
    assert tab.boxes["copies"].error == "份数至少为当事人数加一（3份）：当事人各持一份，调委会留存一份"
    assert tab.boxes["responsibilities"].error == "" and tab.boxes["performance_note"].error == ""
    assert first.boxes["content"].error == "此项必须填写"
    assert first.boxes["amount"].error == "金额不对：请写数字，如 12000 或 12000.50（元），不超过两位小数"
    assert first.boxes["deadline"].error == "请写明履行期限"
    assert first.boxes["means"].error == "请选择履行方式"
    assert first.boxes["mode"].error == ""  # no amount could be read: no mode asked for
    assert second.boxes["content"].error == "此项必须填写"
    assert second.boxes["obligor"].error == "有金额的条款要写明谁付给谁"
    assert second.boxes["deadline"].error == "请写明履行期限"
    assert second.boxes["mode"].error == "请选择一次性还是分期"
    assert second.boxes["amount"].error == ""
    assert tab.message.text() == "还不能打印：有11处需要补充或修改，见各项下方的红字。"

    # Nothing was printed: the draft is as typed, still a draft, still editable.
    draft = stored(services, case.id)
    assert draft.state is AgreementState.DRAFT and draft.number == 1 and draft.code is None
    assert draft.form.facts == "" and draft.form.copies_text == "2"
    assert [c.amount_text for c in draft.form.clauses] == ["一万二", "500"]
    assert versions_listed(tab) == ["第1版　草稿"] and tab.print_button.isEnabled()
    assert all(changeable(w) for w in form_widgets(tab))
    assert list(services["paths"].documents.rglob("人民调解协议书-*.pdf")) == []

    # Put right, the messages go on the next check.
    type_into(qtbot, tab.facts, case.facts)
    type_into(qtbot, tab.issues, ISSUES)
    tab.clauses[1].remove.click()
    fill_compensation(qtbot, first)
    type_into(qtbot, tab.copies, "")
    printed = outcome(qtbot, tab.print_agreement())
    assert printed is not None, tab.message.text()
    assert all(not box.error for box in tab.boxes.values())
    assert all(not box.error for e in tab.clauses for box in e.boxes.values())


def test_printing_freezes_archives_and_codes_every_page(make_window, services, qtbot, monkeypatch):
    case = agreed_case(services)
    window = make_window()
    tab = agreement_tab(window, case.id)
    type_into(qtbot, tab.issues, ISSUES)
    fill_compensation(qtbot, tab.clauses[0])
    tab.add_clause()
    type_into(qtbot, tab.clauses[1].content, BOUNDARY)

    printed = outcome(qtbot, tab.print_agreement())
    assert printed is not None, tab.message.text()
    code = printed.code
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", code)
    assert stored(services, case.id).state is AgreementState.PRINTED
    assert versions_listed(tab) == ["第1版　已打印待签"] and tab.version_combo.currentIndex() == 0
    assert tab.message.text() == f"第1版已生成并存档，核验码 {code}。请打印3份。"
    assert code in tab.notice.text() and tab.notice.text().startswith("第1版已打印")
    # Read-only now; the next steps are open.
    assert [w for w in form_widgets(tab) if changeable(w)] == []
    assert tab.sign_button.isEnabled() and tab.preview_button.isEnabled() and tab.new_version_button.isEnabled()
    assert not tab.scan_button.isEnabled()
    assert tab.clauses[0].content.toPlainText() == COMPENSATION  # still shown, as printed

    # The archived PDF, read back.
    path = printed.pdf_path
    assert path.exists() and path.name == f"人民调解协议书-{case.case_number}-第1版.pdf"
    assert path.parent == services["paths"].documents / case.uuid
    pages = pages_text(path)
    text = "".join(pages)
    for expected in ("人民调解协议书", "张建国", "李秀英", ISSUES, "一、" + COMPENSATION, "二、" + BOUNDARY,
                     "¥12,000.00（人民币壹万贰仟元整）", "本协议一式三份", "刘卫东", "王明理"):
        assert expected in text, expected
    assert "（第1版）" not in text  # the first version carries no version mark in its 编号
    for n, page in enumerate(pages, start=1):
        assert f"核验码：{code}" in page, f"page {n} without the code"
        assert f"第{n}页共{len(pages)}页" in page

    # 查看已打印的协议书: the preview offers the print dialog preset to parties + 1 copies.
    previews = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda dialog: previews.append(
        (dialog.path, dialog.copies, dialog.page_count, dialog.windowTitle())) or 0)
    tab.open_files = True
    tab.preview_button.click()
    assert previews == [(path, 3, len(pages), "人民调解协议书")]

    # Typing is no longer possible, and the service refuses a changed draft.
    tab.facts.setPlainText("改过的事实")  # even if a widget were reached somehow
    qtbot.wait(800)
    assert stored(services, case.id).form.facts == case.facts


# -- (4) signed, performance, the scan ---------------------------------------------------------------------

def test_registering_the_signing_makes_it_effective_and_keeps_the_scan(make_window, services, database, qtbot,
                                                                      tmp_path):
    window, tab, case, printed = printed_case(services, qtbot, make_window)
    seen = []
    tab.run_dialog = lambda dialog: seen.append(dialog.windowTitle()) or False  # cancelled
    assert tab.mark_signed() is None
    assert seen == ["登记签署"] and stored(services, case.id).state is AgreementState.PRINTED
    assert IntakeService(database).load(case.id).performance_status is None

    # Signed before it was printed: refused, with the reason.
    today = dt.date.today()
    tab.run_dialog = sign_on(today - dt.timedelta(days=2), seen)
    assert tab.mark_signed() is None
    assert tab.message.text() == "签署日期不能早于打印日期"
    assert stored(services, case.id).state is AgreementState.PRINTED and tab.sign_button.isEnabled()

    tab.run_dialog = sign_on(today, seen)
    tab.sign_button.click()
    assert seen == ["登记签署"] * 3
    signed = stored(services, case.id)
    assert signed.state is AgreementState.SIGNED and signed.signed_on == today and signed.code == printed.code
    assert versions_listed(tab) == ["第1版　已签署生效"]
    assert tab.notice.text() == f"第1版已于{today.isoformat()}签署生效（核验码 {printed.code}）。"
    assert IntakeService(database).load(case.id).performance_status is PerformanceStatus.PERFORMING
    assert PerformanceStatus.PERFORMING.label == "履行中"
    assert not tab.sign_button.isEnabled() and tab.scan_button.isEnabled() and tab.new_version_button.isEnabled()
    assert [w for w in form_widgets(tab) if changeable(w)] == []

    scan = tmp_path / "签署件.JPG"
    scan.write_bytes(b"\xff\xd8\xff\xe0 a small signed page")
    version = tab.attach_scan(scan)
    assert version is not None, tab.message.text()
    kept = stored(services, case.id).scan_path
    assert kept == version.scan_path and kept.exists() and kept.read_bytes() == scan.read_bytes()
    assert kept.name == "协议书签署件-第1版.jpg" and kept.parent == services["paths"].documents / case.uuid
    assert tab.message.text() == f"签署件已存档：{kept}"
    assert stored(services, case.id).state is AgreementState.SIGNED


# -- (5) a new version, and the 验证 dialog ------------------------------------------------------------------

def verify(qtbot, dialog, typed: str) -> str:
    dialog.code.setText(typed)
    dialog.code.returnPressed.emit()
    return dialog.result.text()


def test_a_new_version_supersedes_the_first_once_signed_and_the_codes_tell_which_is_which(make_window, services,
                                                                                          qtbot):
    window, tab, case, first = printed_case(services, qtbot, make_window)
    tab.run_dialog = sign_on(dt.date.today(), [])
    assert tab.mark_signed() is not None
    today = dt.date.today().isoformat()

    tab.new_version_button.click()
    assert tab.message.text() == ("已另起第2版草稿；旧版本保留。已签署的旧版本在新版本签署前仍然有效，"
                                  "新版本签署后标为“已被取代”。")
    assert versions_listed(tab) == ["第1版　已签署生效", "第2版　草稿"] and tab.version_combo.currentIndex() == 1
    assert tab.notice.text() == DRAFTING
    assert all(changeable(w) for w in form_widgets(tab))
    assert not tab.new_version_button.isEnabled()
    # It starts from version 1's content.
    assert tab.facts.toPlainText() == case.facts and tab.issues.toPlainText() == ISSUES
    editor = tab.clauses[0]
    assert editor.content.toPlainText() == COMPENSATION and editor.amount.text() == "12000"
    assert editor.obligor.currentText() == "李秀英" and editor.means.currentText() == "转账"
    assert editor.deadline.text() == DEADLINE.isoformat()

    type_into(qtbot, editor.amount, "10000")
    assert "人民币壹万元整" in editor.capitals.text()
    second = outcome(qtbot, tab.print_agreement())
    assert second is not None, tab.message.text()
    assert second.number == 2 and second.code != first.code
    # Printed, not signed: version 1 stays in force, and the list says which is which.
    assert versions_listed(tab) == ["第1版　已签署生效（现行有效）", "第2版　已打印待签（签署后取代第1版）"]
    assert [v.state for v in services["agreements"].versions(case.id)] == [
        AgreementState.SIGNED, AgreementState.PRINTED]
    assert tab.notice.text().endswith(f"签署前，第1版（{today}签署）仍然有效。")
    text = "".join(pages_text(second.pdf_path))
    assert "¥10,000.00（人民币壹万元整）" in text and "壹万贰仟" not in text
    assert f"{case.case_number}（第2版）" in text
    assert second.pdf_path.name == f"人民调解协议书-{case.case_number}-第2版.pdf"
    assert first.pdf_path.exists()  # the old one stays archived
    assert "¥12,000.00（人民币壹万贰仟元整）" in "".join(pages_text(first.pdf_path))

    # Looking at version 1: read-only, as it was, still in force.
    tab.version_combo.setCurrentIndex(0)
    assert tab.clauses[0].amount.text() == "12000"
    assert tab.notice.text() == (f"第1版已于{today}签署生效（核验码 {first.code}）。"
                                 "第2版已打印待签，各方签署后取代本版；在此之前本版仍然有效。")
    assert [w for w in form_widgets(tab) if changeable(w)] == []
    assert not tab.sign_button.isEnabled() and tab.scan_button.isEnabled()

    dialog = VerifyDialog(window.services.agreements)
    qtbot.addWidget(dialog)
    old = verify(qtbot, dialog, first.code.lower().replace("-", " "))  # as read out over the phone
    assert old.startswith("核验码有效：与本机存档的文书相符。\n"
                          f"{case.case_number} {case.title}：人民调解协议书第1版 已签署生效；第2版已打印待签，"), old
    assert f"签署生效日期：{today}" in old and f"存档文件：{first.pdf_path}" in old
    new = verify(qtbot, dialog, second.code)
    assert new.startswith(f"{case.case_number} {case.title}：人民调解协议书第2版 已打印待签，尚未生效；"
                          f"现行有效的是第1版（{today}签署）。"), new
    assert dialog.result.COLOURS["warning"][0] in dialog.result.styleSheet()  # genuine, but not yet in force

    # Version 2 signed: now version 1 is superseded.
    tab.version_combo.setCurrentIndex(1)
    assert tab.mark_signed() is not None
    assert versions_listed(tab) == ["第1版　已被新版本取代", "第2版　已签署生效"]
    tab.version_combo.setCurrentIndex(0)
    assert tab.notice.text() == "第1版已被新版本取代，只能查看。"
    assert not tab.sign_button.isEnabled() and not tab.scan_button.isEnabled()
    old = verify(qtbot, dialog, first.code)
    assert old.startswith(f"{case.case_number} {case.title}：人民调解协议书第1版 已被取代，不再有效；"
                          f"现行有效的是第2版（{today}签署）。"), old
    assert verify(qtbot, dialog, second.code).startswith("核验码有效")
    wrong = "0000-0000-0000" if first.code != "0000-0000-0000" else "1111-1111-1111"
    assert verify(qtbot, dialog, wrong) == f"核验码 {wrong} 与本机存档的任何调解协议或案卷文书都不相符。"
    assert verify(qtbot, dialog, "6DE4-7HPF") == "这不是核验码的格式：核验码为12位字母和数字。"
    assert verify(qtbot, dialog, "") == "这不是核验码的格式：核验码为12位字母和数字。"


# -- (6) the language switch --------------------------------------------------------------------------------

def test_switching_to_english_and_back_keeps_the_draft(make_window, services, qtbot):
    case = agreed_case(services)
    window = make_window()
    tab = agreement_tab(window, case.id)
    type_into(qtbot, tab.issues, ISSUES)
    fill_compensation(qtbot, tab.clauses[0])
    tab.add_clause()
    type_into(qtbot, tab.clauses[1].content, BOUNDARY)
    chinese_print = tab.print_button.text()

    window.set_language("en")
    qtbot.waitUntil(lambda: tab.print_button.text() == translate("AgreementTab", "检查并打印…") != chinese_print,
                    timeout=3000)
    assert not CJK.search(tab.notice.text()), tab.notice.text()
    assert not CJK.search(tab.form.labelForField(tab.boxes["facts"]).text())
    assert tab.facts.toPlainText() == case.facts and tab.issues.toPlainText() == ISSUES
    editor = tab.clauses[0]
    assert editor.content.toPlainText() == COMPENSATION and editor.amount.text() == "12000"
    assert editor.obligor.currentText() == "李秀英" and editor.mode.current() is PaymentMode.LUMP_SUM
    assert editor.means.current() is PaymentMeans.TRANSFER and tab.clauses[1].content.toPlainText() == BOUNDARY
    tab.flush()
    saved = stored(services, case.id).form
    assert saved.issues == ISSUES and [c.content for c in saved.clauses] == [COMPENSATION, BOUNDARY]

    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: tab.print_button.text() == chinese_print, timeout=3000)
    assert tab.notice.text() == DRAFTING
    assert tab.issues.toPlainText() == ISSUES and tab.clauses[0].content.toPlainText() == COMPENSATION
    assert tab.clauses[0].mode.current() is PaymentMode.LUMP_SUM
    assert tab.clauses[0].means.current() is PaymentMeans.TRANSFER
    assert tab.clauses[0].obligor.currentText() == "李秀英" and len(tab.clauses) == 2
    type_into(qtbot, tab.performance_note, "款项转账支付")
    window.tabs.setCurrentWidget(window.ledger_tab)
    saved = stored(services, case.id).form
    assert saved.performance_note == "款项转账支付" and saved.clauses[0].amount_text == "12000"
    assert saved.clauses[0].mode is PaymentMode.LUMP_SUM and saved.issues == ISSUES


def test_the_clause_editors_and_the_version_list_follow_the_language(make_window, services, qtbot):
    case = agreed_case(services)
    window = make_window()
    tab = agreement_tab(window, case.id)
    tab.flush()
    type_into(qtbot, tab.issues, ISSUES)
    window.tabs.setCurrentWidget(window.ledger_tab)  # saved: version 1 exists
    window.tabs.setCurrentWidget(tab)
    assert versions_listed(tab) == ["第1版　草稿"]
    window.set_language("en")
    qtbot.waitUntil(lambda: tab.print_button.text() != "检查并打印…", timeout=3000)
    editor = tab.clauses[0]
    english = [editor.remove.text(), editor.title.text(), editor.mode.itemText(0), editor.obligor.itemText(0),
               *versions_listed(tab)]
    assert not any(CJK.search(text) for text in english), english
    tab.add_clause()  # built in English...
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: tab.print_button.text() == "检查并打印…", timeout=3000)
    added = tab.clauses[1]
    assert (added.remove.text(), added.title.text(), added.mode.itemText(1)) == ("删除此条", "第二条", "一次性")


# -- what the services promise, seen through the tab ------------------------------------------------------------

def test_an_unprinted_draft_does_not_supersede_the_agreement_in_force(make_window, services, qtbot):
    window, tab, case, first = printed_case(services, qtbot, make_window)
    tab.run_dialog = sign_on(dt.date.today(), [])
    assert tab.mark_signed() is not None
    tab.new_version_button.click()  # a draft only: version 1 is still the agreement in force
    assert versions_listed(tab) == ["第1版　已签署生效", "第2版　草稿"]
    dialog = VerifyDialog(window.services.agreements)
    qtbot.addWidget(dialog)
    text = verify(qtbot, dialog, first.code)
    assert "人民调解协议书第1版 已签署生效，为现行有效的版本。" in text
    assert "已被取代" not in text, text


@pytest.fixture
def in_xinye(monkeypatch):
    """The machine's clock set to China Standard Time (UTC+8), as on the committee's PC."""
    import time

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_signing_date_before_the_printing_is_refused_early_in_the_morning(in_xinye, monkeypatch, make_window,
                                                                            services, qtbot):
    today = dt.date.today()  # in Xinye
    seven_thirty = dt.datetime.combine(today, dt.time(7, 30)) - dt.timedelta(hours=8)  # as UTC
    monkeypatch.setattr("xinye_desktop.services.agreements.utcnow", lambda: seven_thirty)
    window, tab, case, printed = printed_case(services, qtbot, make_window)
    tab.run_dialog = sign_on(today - dt.timedelta(days=1), [])
    tab.mark_signed()
    assert stored(services, case.id).state is AgreementState.PRINTED
    assert tab.message.text() == "签署日期不能早于打印日期"


def test_a_resolution_opinion_is_carried_into_the_draft(make_window, services, qtbot):
    case, _ = make_case(services)
    sitting = sitting_done_but_outcome(services, case)
    data = sitting.data
    data.outcome, data.outcome_text = Outcome.OPINION, "张建国按国土所放线重砌院墙，李秀英赔偿砖块损失三百元"
    sitting = services["session"].save(sitting.id, data, expected_version=sitting.version)
    services["session"].finish(sitting.id, expected_version=sitting.version)
    tab = agreement_tab(make_window(), case.id)
    assert tab.notice.text() == DRAFTING and tab.facts.toPlainText() == case.facts
    form = tab.to_input()
    typed = "\n".join([form.issues, form.responsibilities, *(c.content for c in form.clauses)])
    assert "张建国按国土所放线重砌院墙" in typed, typed


# -- (7) copies out of the app: PDF and Word; the case file's other documents --------------------------------

def test_the_printed_agreement_is_saved_as_pdf_and_exported_to_word(make_window, services, qtbot, tmp_path):
    from docx import Document

    tmp_path = tmp_path / "usb"
    tmp_path.mkdir()
    window, tab, case, printed = printed_case(services, qtbot, make_window)
    assert tab.save_pdf_button.isEnabled() and tab.word_button.isEnabled()
    asked = []
    tab.ask_save_path = lambda parent, title, suggested, file_filter: asked.append(suggested) or ""
    assert tab.save_pdf() is None and tab.export_word() is None  # cancelled: nothing written
    assert asked == [f"人民调解协议书-{case.case_number}-第1版.pdf", f"人民调解协议书-{case.case_number}-第1版.docx"]
    assert list(tmp_path.iterdir()) == []

    tab.ask_save_path = lambda *args: str(tmp_path / "协议书")  # typed without an extension
    copy = tab.save_pdf()
    assert copy == tmp_path / "协议书.pdf" and copy.read_bytes() == printed.pdf_path.read_bytes()
    assert tab.message.text() == f"已另存为：{copy}"

    word = tab.export_word()
    assert word == tmp_path / "协议书.docx"
    document = Document(str(word))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "人民调解协议书" in text and "张建国" in text and "李秀英" in text
    assert f"核验码：{printed.code}" in "\n".join(p.text for p in document.sections[0].footer.paragraphs)
    assert "人民币壹万贰仟元整" in text
    assert tab.message.text().startswith(f"已导出Word：{word}。")

    unwritable = tmp_path / "no-such-folder" / "x.pdf"
    assert tab.save_pdf(str(unwritable)) is None
    assert tab.message.text().startswith(f"无法保存到 {unwritable}：")


def test_a_draft_has_no_pdf_to_save_yet(make_window, services, qtbot):
    case = agreed_case(services)
    window = make_window()
    tab = agreement_tab(window, case.id)
    assert not tab.save_pdf_button.isEnabled() and tab.forms_button.isEnabled()
    tab.ask_save_path = lambda *args: pytest.fail("no file dialog for a draft without a PDF")
    assert tab.save_pdf() is None


def test_the_case_file_documents_are_made_coded_and_verified(make_window, services, qtbot, database, data_paths):
    from xinye_desktop.services.documents import DocumentService

    case = agreed_case(services)
    window = make_window()
    tab = agreement_tab(window, case.id)
    menu = [a.text() for a in tab.forms_menu.actions()]
    assert menu == ["人民调解申请书", "人民调解受理登记表", "当事人权利义务告知书", "人民调解口头协议登记表", "化解处理意见书",
                    "", "整理调解卷宗（一个PDF）…"]

    made = {}
    for key in ("application", "registration", "rights_notice"):
        made[key] = tab.make_form(key)
        assert made[key] is not None, tab.message.text()
        path, code = made[key]
        assert tab.message.text().endswith(f"已生成并存档，核验码 {code}：{path}")
        pages = pages_text(path)
        assert pages and all(f"核验码：{code}" in page for page in pages), key
    # This case ended in a written agreement: no oral register, no opinion; the reason is given.
    assert tab.make_form("oral") is None
    assert tab.message.text() == "本案没有以“达成口头协议”结束的调解，不能制作口头协议登记表"
    assert tab.make_form("opinion") is None and "形成化解意见" in tab.message.text()

    dialog = VerifyDialog(window.services.agreements)
    qtbot.addWidget(dialog)
    path, code = made["registration"]
    today = dt.date.today().isoformat()
    assert verify(qtbot, dialog, code) == ("核验码有效：与本机存档的文书相符。\n"
                                          f"{case.case_number} {case.title} 人民调解受理登记表（{today}制作）\n"
                                          f"存档文件：{path}（请与纸质件逐字核对）")

    # Issuing the same content again keeps the code; changed content gets a new one, the old one is superseded.
    assert tab.make_form("registration") == made["registration"]
    documents = DocumentService(database, data_paths)
    with database.transaction() as uow:
        uow.settings.set("committee_name", "王庄镇东王庄村人民调解委员会（更名）")
    new_path, new_code = tab.make_form("registration")
    assert new_code != code and new_path == path
    old = verify(qtbot, dialog, code)
    assert old.startswith(f"{case.case_number} {case.title} 人民调解受理登记表（{today}制作）\n"
                          "注意：本案的这份文书后来按更改后的内容重新制作过，这一份已被取代。"), old
    assert "存档文件" not in old  # the file on disk now holds the newer text
    issued = documents.issued(case.id)
    assert [(d.kind, d.superseded) for d in issued if d.kind == "registration"] == [
        ("registration", False), ("registration", True)]
    assert {d.kind for d in issued} == {"application", "registration", "rights_notice"}


def test_the_verify_dialog_warns_of_a_changed_or_missing_document_or_case_file(make_window, services, qtbot):
    """Issue 13: a flipped byte in an archived 申请书 or in the bound 调解卷宗, or either file gone, is
    no longer shown as a valid code: the dialog warns and names the file."""
    from xinye_desktop.ui.widgets import NoticeLabel

    case = agreed_case(services)
    window = make_window()
    tab = agreement_tab(window, case.id)
    path, code = tab.make_form("application")
    tab.choose_retention = lambda: "长期"
    bound, _ = outcome(qtbot, tab.make_case_file())
    dialog = VerifyDialog(window.services.agreements)
    qtbot.addWidget(dialog)
    shown = verify(qtbot, dialog, code)
    assert shown.startswith("核验码有效") and shown.endswith(f"已收入调解卷宗：{bound}"), shown

    original = path.read_bytes()
    path.write_bytes(original[:100] + bytes([original[100] ^ 1]) + original[101:])
    shown = verify(qtbot, dialog, code)
    assert not shown.startswith("核验码有效") and NoticeLabel.COLOURS["warning"][0] in dialog.result.styleSheet(), shown
    assert f"警告：存档的PDF文件与打印时记录的文件摘要不符，可能已被改动或损坏：{path}。" in shown
    path.unlink()
    assert f"警告：找不到存档的PDF文件：{path}。" in verify(qtbot, dialog, code)
    path.write_bytes(original)
    assert verify(qtbot, dialog, code).startswith("核验码有效")

    original = bound.read_bytes()
    bound.write_bytes(original[:100] + bytes([original[100] ^ 1]) + original[101:])
    shown = verify(qtbot, dialog, code)
    assert not shown.startswith("核验码有效"), shown
    assert f"警告：收有这份文书的调解卷宗与整理时记录的文件摘要不符，可能已被改动或损坏：{bound}。" in shown
    bound.unlink()
    shown = verify(qtbot, dialog, code)
    assert not shown.startswith("核验码有效") and f"警告：找不到收有这份文书的调解卷宗：{bound}。" in shown, shown


def test_the_case_file_binds_every_document_in_order_with_page_numbers(make_window, services, qtbot):
    window, tab, case, printed = printed_case(services, qtbot, make_window)
    tab.run_dialog = sign_on(dt.date.today(), [])
    assert tab.mark_signed() is not None
    assert tab.case_file_action.text() == "整理调解卷宗（一个PDF）…"
    tab.choose_retention = lambda: None  # cancelled: nothing made
    assert tab.make_case_file() is None

    tab.choose_retention = lambda: "长期"
    made = outcome(qtbot, tab.make_case_file())
    assert made is not None, tab.message.text()
    path, numbered = made
    assert path.name == f"调解卷宗-{case.case_number}.pdf"
    assert tab.message.text() == (f"调解卷宗已整理：共{numbered}页文书（另有封面、卷内目录和封底），保管期限长期：{path}")
    pages = pages_text(path)
    assert len(pages) == numbered + 3  # cover, one index page, back cover
    cover, index, back = pages[0], pages[1], pages[-1]
    assert "调解卷宗" in cover and f"卷号（{case.received_date.year}）人调字第001号" in cover.replace("　", "")
    assert case.case_number in cover and "保管期限长期" in cover and "刘卫东" in cover and "王明理" in cover
    assert f"本卷共{numbered}页" in back
    # The index in the MOJ order, each document where the index says it is, numbered top right.
    order = ["人民调解申请书", "人民调解当事人权利义务告知书", "当事人身份证明", "人民调解记录（第1次）", "人民调解协议书", "封底"]
    assert [index.index(title) for title in order] == sorted(index.index(title) for title in order)
    body = pages[2:-1]
    assert all(page.startswith(str(n)) or page.endswith(str(n)) or str(n) in page[:4] for n, page in
               enumerate(body, start=1))
    agreement_pages = [n for n, page in enumerate(body, start=1) if "人民调解协议书" in page and printed.code in page]
    assert agreement_pages and f"{agreement_pages[0]}" in index
    assert all(f"核验码：{printed.code}" in body[n - 1] for n in agreement_pages)
    from pypdf import PdfReader

    fonts = [font.get_object() for page in PdfReader(str(path)).pages
             for font in (page.get("/Resources") or {}).get("/Font", {}).values()]
    # Every font on every page (the bound documents and the stamped page numbers) is an embedded subset.
    assert fonts and all("/FontFile2" in f["/FontDescriptor"] and "+" in f["/BaseFont"] for f in fonts)


def test_the_window_takes_typing_while_the_case_file_is_bound(make_window, services, qtbot, monkeypatch):
    """The 调解卷宗 is bound on a worker thread: typed text reaches a field of the window before the
    binding has finished (the binding is held back here until the typing has been seen)."""
    import threading

    window, tab, case, printed = printed_case(services, qtbot, make_window)
    documents = window.services.documents
    bind = documents.case_file
    started, release, ended = threading.Event(), threading.Event(), threading.Event()

    def slow(*args):
        started.set()
        release.wait(10)
        try:
            return bind(*args)
        finally:
            ended.set()

    spy = ThreadSpy(slow)
    monkeypatch.setattr(documents, "case_file", spy)
    tab.choose_retention = lambda: "长期"
    task = tab.make_case_file()
    assert task is not None and started.wait(10)
    assert not tab.forms_button.isEnabled() and tab.make_case_file() is None  # one binding at a time
    assert not tab.print_button.isEnabled()

    window.tabs.setCurrentWidget(window.ledger_tab)
    search = window.ledger_tab.search_edit
    search.setFocus()
    qtbot.keyClicks(search, "2026")
    assert search.text() == "2026" and not ended.is_set() and task.running
    release.set()
    path, pages = outcome(qtbot, task)
    assert spy.off_gui_thread == [True] and path.exists() and pages > 0
    assert tab.message.text().startswith("调解卷宗已整理") and tab.forms_button.isEnabled()


def test_printing_runs_off_the_gui_thread_and_the_form_waits_for_it(make_window, services, qtbot, monkeypatch):
    case = agreed_case(services)
    window = make_window()
    tab = agreement_tab(window, case.id)
    type_into(qtbot, tab.issues, ISSUES)
    fill_compensation(qtbot, tab.clauses[0])
    spy = ThreadSpy(window.services.agreements.print_agreement, delay=0.3)
    monkeypatch.setattr(window.services.agreements, "print_agreement", spy)

    task = tab.print_agreement()
    assert task.running and tab.message.text() == "正在生成协议书并存档…"
    assert tab.issues.isReadOnly() and not tab.print_button.isEnabled() and not tab.forms_button.isEnabled()
    assert tab.print_agreement() is None  # a second press starts nothing
    printed = outcome(qtbot, task)
    assert spy.off_gui_thread == [True] and printed.state is AgreementState.PRINTED
    assert tab.message.text().startswith(f"第1版已生成并存档，核验码 {printed.code}。")
    assert tab.current.id == printed.id and tab.issues.isReadOnly() and tab.sign_button.isEnabled()
    assert tab.forms_button.isEnabled()


def test_an_open_case_has_no_case_file_yet(make_window, services, qtbot):
    from tests.test_ui_session import make_case

    case, _ = make_case(services, tag=3)
    window = make_window()
    tab = agreement_tab(window, case.id)
    tab.choose_retention = lambda: "短期"
    assert outcome(qtbot, tab.make_case_file()) is None
    assert tab.message.text() == "调解尚未结束，结案后才能整理调解卷宗"


# -- (8) an oral agreement; the 验证 dialog's size; the 案卷文书 button ---------------------------------------

def oral_case(services, tag: int = 0):
    """A case whose sitting ended with 达成口头协议 (finished through the services)."""
    case, _ = make_case(services, tag=tag)
    sitting = sitting_done_but_outcome(services, case)
    data = sitting.data
    data.outcome, data.outcome_text = Outcome.ORAL, "李秀英当场赔偿张建国院墙损失五百元，张建国不再追究"
    sitting = services["session"].save(sitting.id, data, expected_version=sitting.version)
    services["session"].finish(sitting.id, expected_version=sitting.version)
    return case


def test_an_oral_agreement_points_to_its_register_instead_of_an_empty_editor(make_window, services, qtbot):
    case = oral_case(services)
    window = make_window()
    tab = agreement_tab(window, case.id)
    assert "状态：达成协议（口头）" in tab.case_label.text()
    assert tab.notice.text() == "本案达成口头协议：记入人民调解口头协议登记表。"
    # No empty agreement form, no empty version list, no buttons for a 协议书 that will never exist.
    assert tab.oral_panel.isVisible() and not tab.scroll.isVisible() and not tab.version_combo.isVisible()
    for button in (tab.print_button, tab.preview_button, tab.sign_button, tab.scan_button, tab.new_version_button,
                   tab.save_pdf_button, tab.word_button):
        assert not button.isVisible(), button.text()
    assert "不制作人民调解协议书" in tab.oral_text.text() and "人民调解口头协议登记表" in tab.oral_text.text()
    assert tab.oral_issued.text() == "登记表还没有制作。"
    assert tab.oral_button.isVisible() and tab.forms_button.isVisible()

    tab.oral_button.click()
    made = tab.message.text()
    assert made.startswith("人民调解口头协议登记表已生成并存档，核验码 "), made
    issued = next(d for d in window.services.documents.issued(case.id) if d.kind == "oral_agreement_register")
    assert tab.oral_issued.text() == (f"登记表已于{dt.date.today().isoformat()}制作（核验码 {issued.code}）："
                                      f"{issued.pdf_path}")
    assert "李秀英当场赔偿张建国院墙损失五百元" in "".join(pages_text(issued.pdf_path))

    # Another case, settled in writing, shows the form again.
    written = agreed_case(services, tag=1)
    window.open_case(written.id)
    window.tabs.setCurrentWidget(tab)
    assert not tab.oral_panel.isVisible() and tab.scroll.isVisible() and tab.print_button.isVisible()


def needed_height(label, width: int) -> int:
    """The height ``label``'s text needs when wrapped at ``width``, asked of a fresh label with the same
    text and style (a label's own heightForWidth() never answers less than its minimum height)."""
    from xinye_desktop.ui.widgets import NoticeLabel

    probe = NoticeLabel()
    probe.setStyleSheet(label.styleSheet())
    probe.setFont(label.font())
    probe.setText(label.text())
    probe.ensurePolished()
    return probe.heightForWidth(width)


def test_the_verify_dialog_grows_to_show_a_long_result_whole(make_window, services, qtbot):
    case = agreed_case(services)
    window = make_window()
    tab = agreement_tab(window, case.id)
    path, code = tab.make_form("application")
    dialog = VerifyDialog(window.services.agreements, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    heights = []
    for text in ("123", code, "123"):  # short, long (several wrapped lines and a file path), short again
        verify(qtbot, dialog, text)
        qtbot.wait(20)
        label = dialog.result
        assert label.height() >= label.heightForWidth(label.width()), (text, label.height(), label.width())
        assert label.height() >= needed_height(label, label.width()), (text, label.height(), label.width())
        assert dialog.rect().contains(label.geometry()), "the result is cut off by the dialog's edge"
        heights.append(dialog.height())
    assert heights[0] == heights[2] < heights[1], "the dialog grows for the long result and shrinks back"
    assert heights[1] - heights[0] >= 3 * dialog.result.fontMetrics().lineSpacing(), "several more lines"
    assert str(path) in verify(qtbot, dialog, code).replace("\n", "")
    dialog.resize(dialog.minimumWidth(), dialog.height())
    dialog.resize(dialog.width() + 150, dialog.height())  # the user widens it, then narrows it again
    qtbot.wait(20)
    dialog.resize(dialog.width() - 150, dialog.height())
    qtbot.wait(20)
    QApplication.processEvents()
    label = dialog.result
    assert label.height() >= needed_height(label, label.width()) and dialog.rect().contains(label.geometry())


def test_the_case_file_button_leaves_room_for_its_menu_arrow(make_window, services, qtbot):
    from PySide6.QtWidgets import QStyle

    tab = agreement_tab(make_window(), agreed_case(services).id)
    button = tab.forms_button
    assert button.menu() is tab.forms_menu
    style = button.style()
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    margin = style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
    text = button.fontMetrics().horizontalAdvance(button.text())
    # The text with a margin on each side, and the arrow beside it rather than over the last character.
    assert button.width() >= text + 2 * margin + arrow, (button.width(), text, margin, arrow)
