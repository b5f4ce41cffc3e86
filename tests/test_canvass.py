"""排查记录: the rules of one record, the service (add, correct, delete only as a mark), and the dialog reached
from the 统计报表 tab, driven as a clerk would: typing, messages under the fields, nothing saved half-way,
deleting only after saying yes, and the report's figures following.

QMessageBox.question is answered through the ``answer_dialogs`` fixture.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QMessageBox

from xinye_desktop.domain.canvass import CanvassInput, check_canvass
from xinye_desktop.domain.errors import StaleRecord, ValidationFailed
from xinye_desktop.domain.statistics import Period, PeriodKind
from xinye_desktop.services.canvass import CanvassService
from xinye_desktop.services.statistics import StatisticsService

from ui_helpers import type_into

TODAY = dt.date(2026, 11, 25)


def good(**changes) -> CanvassInput:
    data = CanvassInput(held_on="2026-11-20", village_name="王庄村", done_by="调委会主任王保国、网格员李桂兰",
                        found="3", prevented="2", note="入户走访十二户")
    for key, value in changes.items():
        setattr(data, key, value)
    return data


# ---------------------------------------------------------------- the rules

def test_a_complete_record_passes_and_counts_may_be_typed_full_width():
    fields, errors = check_canvass(good(found="３件", prevented="0"), TODAY)
    assert errors == []
    assert (fields.held_on, fields.village_name, fields.found, fields.prevented) == (dt.date(2026, 11, 20), "王庄村", 3, 0)


@pytest.mark.parametrize("changes, field, message", [
    ({"held_on": ""}, "held_on", "请填写日期，如 2026-11-25"),
    ({"held_on": "2026-13-01"}, "held_on", "日期不对，请按 1980-01-31 的格式填写"),
    ({"held_on": "2026-11-26"}, "held_on", "日期不能晚于今天"),
    ({"held_on": "1999-12-31"}, "held_on", "日期不能早于{day}"),
    ({"village_name": " "}, "village", "请选择或填写排查的村（社区）"),
    ({"done_by": ""}, "done_by", "请填写排查人，如 调委会主任王保国、网格员李桂兰"),
    ({"found": ""}, "found", "请填写件数，没有的填0"),
    ({"found": "-1"}, "found", "请填整数件数，如 2"),
    ({"prevented": "两件"}, "prevented", "请填整数件数，如 2"),
    ({"prevented": "10000"}, "prevented", "件数应在0到{max}之间"),
    ({"note": "x" * 1001}, "note", "内容太长：最多{max}个字，现在{n}个字"),
])
def test_each_problem_is_named_on_its_field(changes, field, message):
    fields, errors = check_canvass(good(**changes), TODAY)
    assert fields is None
    assert [(e.field, e.message) for e in errors] == [(field, message)]


# ---------------------------------------------------------------- the service

@pytest.fixture
def service(database):
    return CanvassService(database, today=lambda: TODAY)


def test_add_correct_and_delete_keep_the_row_and_the_figures_follow(service, database):
    first = service.add(good())
    assert first.village == "王庄村" and first.found == 3  # a village typed in for the first time is created
    vid = first.village_id
    second = service.add(good(village_id=vid, village_name="", held_on="2026-10-08", found="1", prevented="1"))
    assert [c.id for c in service.list()] == [first.id, second.id]  # newest first
    assert [c.id for c in service.list(vid, dt.date(2026, 11, 1), dt.date(2026, 11, 30))] == [first.id]
    stats = StatisticsService(database)
    year = stats.compute(Period(PeriodKind.YEAR, 2026))
    assert (year.canvasses, year.canvass_found, year.canvass_prevented) == (2, 4, 3)

    corrected = service.update(first.id, good(village_id=vid, found="5"), expected_version=first.version)
    assert corrected.found == 5 and corrected.version == first.version + 1
    with pytest.raises(StaleRecord):
        service.update(first.id, good(village_id=vid, found="6"), expected_version=first.version)
    with pytest.raises(ValidationFailed):
        service.update(first.id, good(village_id=vid, found="六"), expected_version=corrected.version)
    assert service.get(first.id).found == 5  # nothing changed by the refused save

    service.delete(second.id, expected_version=second.version)
    assert [c.id for c in service.list()] == [first.id]
    assert stats.compute(Period(PeriodKind.MONTH, 2026, 10)).canvasses == 0
    kept = database.read_connection().execute(
        "SELECT found, deleted_at IS NOT NULL FROM canvasses WHERE id = ?", (second.id,)).fetchone()
    assert kept == (1, 1)  # on file, marked
    assert service.years() == [2026]


# ---------------------------------------------------------------- the dialog

@pytest.fixture
def window_with_village(make_window, database):
    from xinye_desktop.services.intake import IntakeService
    from tests.helpers import valid_case_input

    IntakeService(database).register(valid_case_input())  # its village: 王庄村
    window = make_window()
    window.tabs.setCurrentWidget(window.statistics_tab)
    return window


def open_dialog(window, qtbot, monkeypatch, act):
    """Click 排查记录… and run ``act(dialog)`` while it is open (instead of its event loop)."""
    from xinye_desktop.ui.canvass_dialog import CanvassDialog

    seen = {}

    def run(dialog):
        seen["dialog"] = dialog
        act(dialog)
        return 0

    monkeypatch.setattr(CanvassDialog, "exec", run)
    window.statistics_tab.canvass_button.click()
    return seen["dialog"]


def test_adding_one_in_the_dialog_shows_the_messages_then_counts_it(window_with_village, qtbot, monkeypatch,
                                                                    answer_dialogs):
    from xinye_desktop.ui.canvass_dialog import CanvassEditDialog

    window = window_with_village
    tab = window.statistics_tab
    today = dt.date.today()
    tab.choose(Period(PeriodKind.MONTH, today.year, today.month))
    assert tab.canvass_button.text() == "排查记录…" and tab.figures["canvasses"].value.text() == "0"
    forms = []

    def fill(form: CanvassEditDialog):
        forms.append(form)
        assert form.date_edit.text() == today.isoformat() and form.village_combo.currentText() == "王庄村"
        type_into(qtbot, form.found_edit, "x")
        type_into(qtbot, form.done_by_edit, "")
        form.accept()  # refused: every problem under its field, nothing saved
        assert form.boxes["found"].error == "请填整数件数，如 2"
        assert form.boxes["prevented"].error == "请填写件数，没有的填0"
        assert form.boxes["done_by"].error == "请填写排查人，如 调委会主任王保国、网格员李桂兰"
        assert form.message.text() == "还有3处需要填写或更正，见各项下方的红字"
        assert form.saved is None
        type_into(qtbot, form.found_edit, "4")
        type_into(qtbot, form.prevented_edit, "3")
        type_into(qtbot, form.done_by_edit, "网格员李桂兰")
        type_into(qtbot, form.note_edit, "麦收前排查地界纠纷")
        form.accept()
        return form.saved

    monkeypatch.setattr(CanvassEditDialog, "exec", lambda form: fill(form))

    def act(dialog):
        assert dialog.rows == []
        dialog.add_button.click()
        assert [(c.village, c.found, c.prevented, c.note) for c in dialog.rows] == [("王庄村", 4, 3, "麦收前排查地界纠纷")]
        assert dialog.model.cell(0, 2).text == "网格员李桂兰"
        assert dialog.summary.text() == "共排查1次，发现纠纷4件，预防纠纷3件"

    open_dialog(window, qtbot, monkeypatch, act)
    assert len(forms) == 1
    assert tab.figures["canvasses"].value.text() == "1"
    assert tab.figures["canvasses"].detail.text() == "发现纠纷4件，预防纠纷3件"


def test_correcting_and_deleting_in_the_dialog(window_with_village, database, qtbot, monkeypatch, answer_dialogs):
    from xinye_desktop.ui.canvass_dialog import CanvassEditDialog

    window = window_with_village
    service = window.services.canvasses
    vid = service.villages()[0][0]
    today = dt.date.today()
    kept = service.add(CanvassInput(today.isoformat(), vid, "", "网格员李桂兰", "2", "1", ""))
    doomed = service.add(CanvassInput(today.isoformat(), vid, "", "调委会主任王保国", "5", "5", "误录"))
    tab = window.statistics_tab
    tab.choose(Period(PeriodKind.YEAR, today.year))
    assert tab.figures["canvasses"].value.text() == "2"

    def correct(form: CanvassEditDialog):
        type_into(qtbot, form.found_edit, "3")
        form.accept()
        return form.saved

    monkeypatch.setattr(CanvassEditDialog, "exec", lambda form: correct(form))

    def act(dialog):
        row = next(i for i, c in enumerate(dialog.rows) if c.id == kept.id)
        dialog.view.selectRow(row)
        assert dialog.edit_button.isEnabled() and dialog.delete_button.isEnabled()
        dialog.edit_button.click()
        assert service.get(kept.id).found == 3

        dialog.view.selectRow(next(i for i, c in enumerate(dialog.rows) if c.id == doomed.id))
        answer_dialogs.state["answer"] = QMessageBox.StandardButton.No
        assert dialog.delete_selected() is False
        assert len(dialog.rows) == 2
        assert "删除" in answer_dialogs[-1] and "调委会主任王保国" in answer_dialogs[-1] and "不再计入统计报表" in answer_dialogs[-1]
        answer_dialogs.state["answer"] = QMessageBox.StandardButton.Yes
        dialog.delete_button.click()
        assert [c.id for c in dialog.rows] == [kept.id]
        assert dialog.message.text().startswith("已删除")

    open_dialog(window, qtbot, monkeypatch, act)
    assert tab.figures["canvasses"].value.text() == "1"
    assert tab.figures["canvasses"].detail.text() == "发现纠纷3件，预防纠纷1件"


def test_closing_the_form_with_something_typed_asks_first(window_with_village, qtbot, answer_dialogs):
    from xinye_desktop.ui.canvass_dialog import CanvassEditDialog

    service = window_with_village.services.canvasses
    form = CanvassEditDialog(service, None, service.villages()[0][0])
    qtbot.addWidget(form)
    form.show()
    form.reject()  # nothing typed: closes without asking
    assert answer_dialogs == [] and form.result() == 0

    form = CanvassEditDialog(service, None, service.villages()[0][0])
    qtbot.addWidget(form)
    form.show()
    type_into(qtbot, form.found_edit, "2")
    answer_dialogs.state["answer"] = QMessageBox.StandardButton.No
    form.reject()
    assert answer_dialogs[-1] == "填写的排查记录还没有保存。放弃这些内容吗？" and form.isVisible()
    answer_dialogs.state["answer"] = QMessageBox.StandardButton.Yes
    form.reject()
    assert not form.isVisible() and service.list() == []
