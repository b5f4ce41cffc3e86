"""防止民间纠纷转化为刑事案件 / 防止群体性上访 (X件Y人) for a case: the rules, the service that records it with
its history, and the 法理情调解 tab, where finishing a sitting that defused a risk offers to count it and the
figures stay editable afterwards.

QMessageBox.question is answered through the ``answer_dialogs`` fixture.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.test_session_service import fill_all, ready_case
from xinye_desktop.domain.errors import ValidationFailed
from xinye_desktop.domain.prevention import Prevention, PreventionInput, check_prevention, suggest_prevention
from xinye_desktop.domain.session import Outcome, PartyRecord, SittingData, Step
from xinye_desktop.services.elders import ElderService, PeopleService
from xinye_desktop.services.intake import IntakeService
from xinye_desktop.services.selection import SelectionService
from xinye_desktop.services.session import SessionService
from xinye_desktop.domain.statistics import Period, PeriodKind

from ui_helpers import type_into


# ---------------------------------------------------------------- the rules

def test_nothing_ticked_records_nothing_and_ticked_needs_at_least_one_person():
    assert check_prevention(PreventionInput()) == (Prevention(None, None), [])
    assert check_prevention(PreventionInput(criminal=False, criminal_people="5")) == (Prevention(None, None), [])
    got, errors = check_prevention(PreventionInput(True, "3", True, "１２人"))  # full-width, with 人
    assert got == Prevention(3, 12) and errors == []
    for typed, message in (("", "请填写涉及的人数（至少1人）"), ("0", "人数应在1到{max}之间"), ("两人", "人数请填整数，如 3"),
                           ("-2", "人数请填整数，如 3"), ("10000", "人数应在1到{max}之间")):
        got, errors = check_prevention(PreventionInput(True, typed, True, typed))
        assert got is None
        assert [(e.field, e.message) for e in errors] == [("criminal_people", message), ("petition_people", message)]


def sitting(outcome, *, risk=True, note="一方扬言要动手", present=(True, True, False)):
    data = SittingData(outcome=outcome, risk=risk, risk_note=note, police_informed=risk)
    data.parties = {i: PartyRecord(present=p) for i, p in enumerate(present, start=1)}
    return data


def test_a_settled_sitting_that_recorded_a_risk_suggests_what_it_prevented():
    assert suggest_prevention(sitting(Outcome.WRITTEN)) == Prevention(2, None)  # the two present
    assert suggest_prevention(sitting(Outcome.ORAL, note="9名村民扬言集体到县里上访")) == Prevention(None, 2)
    assert suggest_prevention(sitting(Outcome.OPINION, note="双方推搡，一方扬言聚集亲属到镇政府上访")) == Prevention(2, 2)
    assert suggest_prevention(sitting(Outcome.WRITTEN, note="")) == Prevention(2, None)
    # No risk recorded, or the dispute was not settled: nothing was prevented that the sitting knows of.
    assert suggest_prevention(sitting(Outcome.WRITTEN, risk=False)) is None
    assert suggest_prevention(sitting(Outcome.TERMINATED)) is None
    assert suggest_prevention(sitting(Outcome.ADJOURNED)) is None
    assert suggest_prevention(sitting(Outcome.WRITTEN, present=(False, False))) == Prevention(1, None)


# ---------------------------------------------------------------- the service

@pytest.fixture
def services(database):
    selection = SelectionService(database)
    return {"intake": IntakeService(database), "elders": ElderService(database), "people": PeopleService(database),
            "selection": selection, "session": SessionService(database, selection)}


def test_recording_it_writes_the_case_and_one_history_line_per_change(services, database):
    case = ready_case(services)
    session = services["session"]
    assert session.overview(case.id).prevention == Prevention()
    assert session.set_prevention(case.id, PreventionInput(True, "3")) == Prevention(3, None)
    assert session.overview(case.id).prevention == Prevention(3, None)
    row = database.read_connection().execute(
        "SELECT prevented_criminal_people, prevented_petition_people FROM cases WHERE id = ?", (case.id,)).fetchone()
    assert row == (3, None)
    session.set_prevention(case.id, PreventionInput(True, "3"))  # unchanged: no new line
    session.set_prevention(case.id, PreventionInput(False, "", True, "15"))
    lines = [(h.action, h.changes) for h in services["intake"].history(case.id) if h.action == "prevention"]
    assert lines == [
        ("prevention", [["防止民转刑", "否", "1件3人"]]),
        ("prevention", [["防止民转刑", "1件3人", "否"], ["防止群体性上访", "否", "1件15人"]]),
    ]


def test_a_bad_count_saves_nothing(services):
    case = ready_case(services)
    services["session"].set_prevention(case.id, PreventionInput(True, "2"))
    with pytest.raises(ValidationFailed) as failed:
        services["session"].set_prevention(case.id, PreventionInput(True, "4", True, "0"))
    assert [e.field for e in failed.value.errors] == ["petition_people"]
    assert services["session"].prevention(case.id) == Prevention(2, None)


# ---------------------------------------------------------------- the tab

def finishable_sitting(services, *, note: str | None):
    """A sitting ready to end in a written agreement; with a risk recorded unless ``note`` is None."""
    case = ready_case(services)
    sitting = services["session"].start(case.id)
    data = fill_all(sitting.data, [p.id for p in case.parties])
    data.outcome = Outcome.WRITTEN
    if note is not None:
        data.risk, data.risk_note, data.police_informed = True, note, True
    services["session"].save(sitting.id, data, expected_version=sitting.version)
    return case


def open_tab(window, case_id):
    window.open_case(case_id)
    window.tabs.setCurrentWidget(window.session_tab)
    tab = window.session_tab
    tab.open_files = False
    return tab


def test_finishing_a_sitting_that_defused_a_risk_offers_to_count_it(make_window, services, database, answer_dialogs,
                                                                  qtbot):
    case = finishable_sitting(services, note="李秀英之子扬言要动手打人")
    window = make_window()
    tab = open_tab(window, case.id)
    assert tab.finish_button.isEnabled()
    tab.finish_button.click()
    assert any("是否计入本案的“防止民间纠纷转化为刑事案件1件2人”" in text and "李秀英之子扬言要动手打人" in text
               for text in answer_dialogs)
    assert services["session"].prevention(case.id) == Prevention(2, None)
    box = tab.prevention_box
    assert box.criminal_check.isChecked() and box.criminal_people.text() == "2"
    assert not box.petition_check.isChecked() and not box.petition_people.isEnabled()
    # The report counts it at once.
    stats = window.statistics_tab
    window.tabs.setCurrentWidget(stats)
    stats.choose(Period.containing(PeriodKind.YEAR, case.received_date))
    assert stats.figures["criminal"].value.text() == "1件2人"
    assert stats.figures["petition"].value.text() == "0件0人"


def test_declining_the_offer_records_nothing(make_window, services, answer_dialogs, qtbot):
    from PySide6.QtWidgets import QMessageBox

    case = finishable_sitting(services, note="两家亲属扬言要打架")
    window = make_window()
    tab = open_tab(window, case.id)
    asked = []

    def answer(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes if len(asked) == 1 else QMessageBox.StandardButton.No

    QMessageBox.question = staticmethod(answer)  # answer_dialogs restores it
    tab.finish_button.click()
    assert len(asked) == 2 and "防止民间纠纷转化为刑事案件" in asked[1]
    assert services["session"].prevention(case.id) == Prevention()
    assert not tab.prevention_box.criminal_check.isChecked()


def test_the_figures_stay_editable_after_the_sitting_with_the_message_beside_the_field(make_window, services,
                                                                                      answer_dialogs, qtbot):
    case = finishable_sitting(services, note=None)
    sitting = services["session"].overview(case.id).sittings[0]
    services["session"].finish(sitting.id, expected_version=sitting.version)
    window = make_window()
    tab = open_tab(window, case.id)
    tab.go_to(Step.OUTCOME)
    box = tab.prevention_box
    assert tab.sitting.finished and not tab.outcome.outcome_text.isEnabled()  # the record itself is closed
    assert box.isEnabled() and box.petition_check.isEnabled() and not box.save_button.isEnabled()

    qtbot.mouseClick(box.petition_check, Qt.MouseButton.LeftButton)
    assert box.petition_people.isEnabled() and box.petition_people.text() == "2"  # the parties, to start from
    type_into(qtbot, box.petition_people, "0")
    box.save_button.click()
    assert box.error("petition_people") == "人数应在1到9999之间" and box.errors["petition_people"].isVisible()
    assert "没有保存" in box.message.text()
    assert services["session"].prevention(case.id) == Prevention()

    type_into(qtbot, box.petition_people, "14")
    box.save_button.click()
    assert box.error("petition_people") == ""
    assert services["session"].prevention(case.id) == Prevention(None, 14)
    assert box.message.text() == "已保存：防止群体性上访1件14人"
    history = [h.changes for h in services["intake"].history(case.id) if h.action == "prevention"]
    assert history == [[["防止群体性上访", "否", "1件14人"]]]


def test_a_change_not_yet_saved_is_saved_when_leaving_the_tab(make_window, services, answer_dialogs, qtbot):
    case = finishable_sitting(services, note=None)
    window = make_window()
    tab = open_tab(window, case.id)
    box = tab.prevention_box
    box.criminal_check.setChecked(True)
    type_into(qtbot, box.criminal_people, "4")
    window.tabs.setCurrentWidget(window.ledger_tab)
    assert services["session"].prevention(case.id) == Prevention(4, None)


def test_a_language_switch_keeps_what_was_typed_in_the_box(make_window, services, answer_dialogs, qtbot):
    case = finishable_sitting(services, note=None)
    window = make_window()
    tab = open_tab(window, case.id)
    box = tab.prevention_box
    box.petition_check.setChecked(True)
    type_into(qtbot, box.petition_people, "7")
    window.set_language("en")
    stats = window.statistics_tab
    qtbot.waitUntil(lambda: window.tabs.tabText(window.tabs.indexOf(stats)) == "Statistics", timeout=3000)
    assert box.petition_check.isChecked() and box.petition_people.text() == "7"
    assert services["session"].prevention(case.id) == Prevention(None, 7)
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: window.tabs.tabText(window.tabs.indexOf(stats)) == "统计报表", timeout=3000)
    assert box.petition_people.text() == "7"
