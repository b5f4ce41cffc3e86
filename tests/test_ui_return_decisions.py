"""The village sees the 司法所's review of a case (issue 16 item 4): a line above the case's 修改记录, from the
decisions a return package brought (services/exchange/returns_import.ReturnImporter.decisions)."""

from __future__ import annotations

import datetime as dt

from ui_helpers import fill_valid_case

from xinye_desktop.storage.return_repositories import ReturnDecisionRepository


def _decide(db, case_uuid: str, case_number: str, **values) -> None:
    """A decision as an import stores it (the import itself: tests/test_return_package.py)."""
    with db.transaction() as uow:
        ReturnDecisionRepository(uow.session).put({
            "case_uuid": case_uuid, "case_number": case_number, "grade": "ordinary", "decision": "returned",
            "reason": "当事人签名缺页，请补正后再报", "reason_withheld": 0, "reviewed_by": "刘晓红",
            "reviewed_at": dt.datetime(2026, 12, 7, 2, 30), "office": "新野县王庄镇司法所", "review_id": 7,
            "return_sequence": 1, "received_at": dt.datetime(2026, 12, 7, 3, 0), **values})


def test_the_history_dialog_shows_the_hub_s_review_of_the_case(make_window, qtbot):
    window = make_window()
    tab = window.intake_tab
    fill_valid_case(qtbot, tab)
    case = tab.save()
    dialog = tab.history_dialog()
    qtbot.addWidget(dialog)
    assert dialog.review_label.isHidden()  # no return package yet: nothing shown

    _decide(tab._intake._db, case.uuid, case.case_number)
    dialog = tab.history_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.review_label.isHidden()
    text = dialog.review_label.text()
    assert text.startswith("司法所审查（新野县王庄镇司法所，2026-12-07") and "刘晓红" in text
    assert "退回；以案定补 一般；理由：当事人签名缺页，请补正后再报" in text
    assert dialog.model.rowCount() >= 1  # the history is still there below it
    dialog.grab().save("/tmp/return-decision-history.png")


def test_a_decision_sent_without_its_reason_says_so(make_window, qtbot):
    window = make_window()
    tab = window.intake_tab
    fill_valid_case(qtbot, tab)
    case = tab.save()
    _decide(tab._intake._db, case.uuid, case.case_number, grade="major", decision="approved", reason="",
            reason_withheld=1, reviewed_by="")
    dialog = tab.history_dialog()
    qtbot.addWidget(dialog)
    text = dialog.review_label.text()
    assert "审核通过；以案定补 重大" in text and "理由没有随回执包发来" in text
