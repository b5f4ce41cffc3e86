"""Small widgets shared by the tabs (ui/widgets.py)."""

from __future__ import annotations

from xinye_desktop.ui.widgets import yes_no_choice


def test_a_yes_no_choice_starts_unanswered_and_keeps_one_answer(qtbot):
    choice = yes_no_choice("确认有效", "不予确认")
    qtbot.addWidget(choice)
    assert (choice.yes.text(), choice.no.text()) == ("确认有效", "不予确认")
    assert not choice.yes.isChecked() and not choice.no.isChecked()  # no answer taken from a default
    choice.yes.click()
    assert choice.yes.isChecked() and not choice.no.isChecked()
    choice.no.click()
    assert choice.no.isChecked() and not choice.yes.isChecked()
