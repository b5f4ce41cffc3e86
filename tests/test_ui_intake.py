"""The intake tab driven as a mediator would: typing, picking, Enter to save, reading the messages."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from xinye_desktop.domain.enums import CaseStatus, Sex

from tests.task_waits import ThreadSpy, outcome
from ui_helpers import fill_valid_case, pick, type_into


def test_filled_form_is_saved_with_a_case_number_and_found_in_the_ledger(make_window, qtbot):
    window = make_window()
    window.new_case()
    tab = window.intake_tab
    fill_valid_case(qtbot, tab)

    # The ID number filled in sex and date of birth as soon as the field was left.
    assert tab.parties[0].sex_combo.currentText() == "男"
    assert tab.parties[0].birth_date_edit.text() == "1965-03-12"

    qtbot.keyClick(tab.group_edit, Qt.Key.Key_Return)  # Enter saves

    assert tab.current_case_id is not None
    year = dt.date.today().year
    assert tab.case_number_value.text() == f"（{year}）新调字第001号"
    assert "已保存" in tab.summary_notice.text()
    saved = window.services.intake.load(tab.current_case_id)
    assert [p.name for p in saved.parties] == ["张建国", "李秀英"]
    assert saved.parties[0].sex is Sex.MALE and saved.parties[1].age == 58
    assert saved.parties[1].phone == "0377-66212345"
    assert saved.status is CaseStatus.ACCEPTED

    ledger = window.ledger_tab
    window.tabs.setCurrentWidget(ledger)
    for query in ("李秀英", "zjg", "第001号"):
        type_into(qtbot, ledger.search_edit, query)
        ledger.apply_filter()
        assert ledger.model.total == 1, query
        assert ledger.model.row_at(0).id == tab.current_case_id


def test_saving_an_empty_form_shows_every_message_beside_its_field_and_saves_nothing(make_window, qtbot):
    window = make_window()
    tab = window.intake_tab
    tab.save_button.click()

    expected = {
        "source": "请选择案件来源",
        "dispute_type": "请选择纠纷类型",
        "village": "此项必须填写",
        "facts": "此项必须填写",
        "parties.0.name": "此项必须填写",
        "parties.0.sex": "请选择性别",
        "parties.0.address": "此项必须填写",
        "parties.1.name": "此项必须填写",
    }
    for path, message in expected.items():
        assert tab.field_error(path) == message, path
    assert tab.current_case_id is None
    assert window.services.ledger.total() == 0
    assert "需要修改" in tab.summary_notice.text()


def test_each_bad_value_gets_its_own_chinese_message(make_window, qtbot):
    window = make_window()
    tab = window.intake_tab
    fill_valid_case(qtbot, tab)
    first, second = tab.parties
    type_into(qtbot, first.id_number_edit, "411329196503120018")  # wrong check character
    type_into(qtbot, first.phone_edit, "12345678901")
    type_into(qtbot, second.birth_date_edit, "1980-02-30")
    type_into(qtbot, second.age_edit, "130")
    type_into(qtbot, tab.facts_edit, "吵架")
    tab.save()

    assert tab.field_error("parties.0.id_number") == "身份证号校验位不对，请核对是否有数字填错"
    assert tab.field_error("parties.0.phone").startswith("电话号码格式不对")
    assert tab.field_error("parties.1.birth_date") == "日期不对，请按 1980-01-31 的格式填写"
    assert tab.field_error("parties.1.age") == "年龄应为0到120之间的整数"
    assert tab.field_error("facts").startswith("纠纷简要情况太简单")
    assert window.services.ledger.total() == 0

    # Correcting the fields clears their messages while typing (after the first save attempt).
    type_into(qtbot, first.phone_edit, "19912345678")
    qtbot.waitUntil(lambda: tab.field_error("parties.0.phone") == "", timeout=3000)


def test_other_type_needs_a_note_and_at_least_two_parties_are_required(make_window, qtbot, answer_dialogs):
    window = make_window()
    tab = window.intake_tab
    fill_valid_case(qtbot, tab)
    pick(qtbot, tab.type_combo, "其他纠纷")
    assert tab.type_note_edit.isEnabled()
    tab.parties[1].remove_button.click()  # confirmed through answer_dialogs
    assert len(tab.parties) == 1
    tab.save()
    assert tab.field_error("dispute_type_note") == "此项必须填写"
    assert tab.field_error("parties") == "至少需要两方当事人"
    assert answer_dialogs, "removing a filled-in party asks first"


def test_organisation_party_shows_its_own_fields(make_window, qtbot):
    window = make_window()
    tab = window.intake_tab
    fill_valid_case(qtbot, tab)
    editor = tab.add_party()
    pick(qtbot, editor.kind_combo, "单位")
    assert editor.labels["name"].text() == "单位名称"
    assert editor.legal_rep_edit.isVisibleTo(tab) and not editor.sex_combo.isVisibleTo(tab)
    type_into(qtbot, editor.name_edit, "新野县王庄农机专业合作社")
    type_into(qtbot, editor.address_edit, "新野县王庄镇")
    type_into(qtbot, editor.credit_code_edit, "123")
    tab.save()
    assert tab.field_error("parties.2.legal_representative") == "此项必须填写"
    assert tab.field_error("parties.2.credit_code").startswith("统一社会信用代码不正确")
    type_into(qtbot, editor.legal_rep_edit, "王德明")
    editor.credit_code_edit.clear()
    assert tab.save() is not None
    saved = window.services.intake.load(tab.current_case_id)
    assert saved.parties[2].legal_representative == "王德明"


def test_blocked_screening_is_registered_as_not_accepted_after_confirmation(make_window, qtbot, answer_dialogs):
    window = make_window()
    tab = window.intake_tab
    fill_valid_case(qtbot, tab)
    tab.screening_checks["party_refuses"].click()
    assert "不能受理" in tab.screening_notice.text()
    assert "第17条" in tab.screening_notice.text()

    from PySide6.QtWidgets import QMessageBox

    answer_dialogs.state["answer"] = QMessageBox.StandardButton.No
    assert tab.save() is None
    assert window.services.ledger.total() == 0

    answer_dialogs.state["answer"] = QMessageBox.StandardButton.Yes
    case = tab.save()
    assert case.status is CaseStatus.REJECTED
    assert "第17条" in case.rejection_reason
    assert case.screening.party_refuses


def test_editing_a_case_keeps_the_id_masked_and_records_history(make_window, qtbot):
    window = make_window()
    tab = window.intake_tab
    fill_valid_case(qtbot, tab)
    case = tab.save()

    window.open_case(case.id)
    first = tab.parties[0]
    assert first.id_number_edit.text() == "411329********0017"
    assert first.id_number_edit.isReadOnly()
    type_into(qtbot, tab.group_edit, "5组")
    saved = tab.save()
    assert saved.group == "5组"
    assert saved.parties[0].id_number == "411329196503120017"  # masked display did not overwrite it

    first.reveal_id_button.click()
    assert first.id_number_edit.text() == "411329196503120017"
    history = window.services.intake.history(case.id)
    assert [h.action for h in history] == ["create", "update"]
    assert ["村民小组", "3组", "5组"] in history[1].changes


def test_unsaved_form_survives_a_crash_and_is_offered_back(make_window, qtbot, data_paths):
    window = make_window()
    tab = window.intake_tab
    fill_valid_case(qtbot, tab, facts="王某与赵某因宅基地界线发生争议，双方各执一词。")
    qtbot.waitUntil(lambda: (data_paths.drafts / "intake.json").exists(), timeout=3000)
    # Simulate a crash: the window is never closed properly; a new one starts on the same data.
    restarted = make_window()
    restarted.ask_restore_draft = lambda parent, saved_at: True
    restarted.offer_draft()
    form = restarted.intake_tab.to_input()
    assert form.facts == "王某与赵某因宅基地界线发生争议，双方各执一词。"
    assert [p.name for p in form.parties] == ["张建国", "李秀英"]
    assert restarted.intake_tab.save() is not None
    assert not (data_paths.drafts / "intake.json").exists(), "the draft goes once the case is saved"


def test_declining_a_draft_sets_it_aside_instead_of_deleting_it(make_window, qtbot, data_paths):
    window = make_window()
    fill_valid_case(qtbot, window.intake_tab)
    window.intake_tab.save_draft()
    restarted = make_window()
    restarted.ask_restore_draft = lambda parent, saved_at: False
    restarted.offer_draft()
    kept = [p.name for p in data_paths.drafts.glob("intake-*.json")]
    assert len(kept) == 1 and not (data_paths.drafts / "intake.json").exists()


def test_keyboard_only_entry_reaches_every_field_in_order(make_window, qtbot):
    window = make_window()
    tab = window.intake_tab
    window.tabs.setCurrentWidget(tab)
    tab.received_date_edit.setFocus()
    qtbot.waitUntil(tab.received_date_edit.hasFocus, timeout=2000)
    seen = []
    for _ in range(40):
        widget = QApplication.focusWidget()
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    for expected in (tab.source_combo, tab.type_combo, tab.facts_edit, tab.parties[0].name_edit,
                     tab.parties[0].address_edit, tab.parties[1].name_edit):
        assert expected in seen
    assert seen.index(tab.source_combo) < seen.index(tab.facts_edit) < seen.index(tab.parties[0].name_edit)


def test_registration_form_pdf_is_made_for_a_saved_case(make_window, qtbot, data_paths):
    window = make_window()
    tab = window.intake_tab
    tab.open_files = False
    assert not tab.print_form_button.isEnabled(), "nothing to print before the case is saved"
    fill_valid_case(qtbot, tab)
    case = tab.save()
    assert tab.print_form_button.isEnabled()
    path = outcome(qtbot, tab.make_registration_form())
    assert path.parent == data_paths.documents / case.uuid
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and b"/FontFile2" in data, "the CJK font is embedded"
    assert b"STSong" not in data
    import shutil
    import subprocess

    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
        assert "人民调解受理登记表" in text and "张建国" in text and case.case_number in text



def test_the_registration_form_is_made_off_the_gui_thread_and_the_button_waits(make_window, qtbot, monkeypatch):
    window = make_window()
    tab = window.intake_tab
    tab.open_files = False
    fill_valid_case(qtbot, tab)
    case = tab.save()
    spy = ThreadSpy(tab._documents.registration_form, delay=0.3)
    monkeypatch.setattr(tab._documents, "registration_form", spy)
    qtbot.mouseClick(tab.print_form_button, Qt.MouseButton.LeftButton)
    task = tab.form_task
    assert task.running and not tab.print_form_button.isEnabled()
    assert tab.summary_notice.text() == "正在生成受理登记表…"
    tab.retranslate()  # the heading is redrawn (a language switch): the button still waits
    assert not tab.print_form_button.isEnabled()
    assert tab.make_registration_form() is None, "a second form while the first is made"
    path = outcome(qtbot, task)
    assert spy.off_gui_thread == [True] and path.exists() and case.uuid in str(path)
    assert tab.summary_notice.text() == f"受理登记表已生成：{path}" and tab.print_form_button.isEnabled()

def test_history_dialog_lists_who_changed_what(make_window, qtbot):
    window = make_window()
    tab = window.intake_tab
    assert not tab.history_button.isEnabled()
    fill_valid_case(qtbot, tab)
    tab.save()
    type_into(qtbot, tab.parties[1].phone_edit, "13900001111")
    tab.save()
    dialog = tab.history_dialog()
    qtbot.addWidget(dialog)
    cells = [[dialog.model.cell(r, c).text for c in range(6)] for r in range(dialog.model.rowCount())]
    assert cells[0][2] == "登记"
    assert ["修改", "当事人2·联系电话", "0377-66****45", "139****1111"] == cells[1][2:]


def test_a_new_village_is_offered_in_the_list_after_saving(make_window, qtbot):
    window = make_window()
    tab = window.intake_tab
    fill_valid_case(qtbot, tab, village="新建村")
    tab.save()
    assert tab.village_combo.findText("新建村") >= 0
    assert window.ledger_tab.village_combo.findText("新建村") >= 0


def test_the_screening_questions_are_looked_up_in_the_interface_language(make_window, qtbot):
    from xinye_desktop.ui.intake_tab import SCREENING_QUESTIONS

    from ui_helpers import StandInTranslator

    window = make_window()
    checks = window.intake_tab.screening_checks
    assert [checks[key].text() for key, _ in SCREENING_QUESTIONS] == [
        "该纠纷是否已由人民法院立案受理或作出裁判？", "是否已由公安机关或其他行政机关受理或处理？", "是否已申请仲裁？",
        "是否涉嫌刑事犯罪？", "是否涉及打架斗殴等治安违法行为？", "是否有当事人明确表示拒绝调解？"]
    answers = {("IntakeTab", question): f"Q{n}?" for n, (_key, question) in enumerate(SCREENING_QUESTIONS)}
    with StandInTranslator(answers):
        qtbot.waitUntil(lambda: checks["in_court"].text() == "Q0?", timeout=3000)
        assert [checks[key].text() for key, _ in SCREENING_QUESTIONS] == [f"Q{n}?" for n in range(6)]
    qtbot.waitUntil(lambda: checks["in_court"].text() == "该纠纷是否已由人民法院立案受理或作出裁判？", timeout=3000)


def test_the_screening_questions_reach_the_translation_files(tmp_path):
    """pyside6-lupdate must find them (a question kept in a plain tuple stayed Chinese in the English UI)."""
    import subprocess
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path

    import pytest

    from xinye_desktop.ui import intake_tab

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate not installed beside this Python")
    ts = tmp_path / "intake.ts"
    subprocess.run([str(lupdate), intake_tab.__file__, "-ts", str(ts)], check=True, capture_output=True)
    found = {(context.findtext("name"), message.findtext("source"))
             for context in ET.parse(ts).getroot() for message in context.findall("message")}
    assert {("IntakeTab", question) for _key, question in intake_tab.SCREENING_QUESTIONS} <= found


def test_the_township_s_local_types_are_offered_under_their_category_and_saved_as_it(make_window, qtbot):
    """纠纷类型细目 from the 司法所's return package (services/settings.local_dispute_types): the case is the
    category, the local type's name its 类型说明; reopened, the local type is chosen again."""
    from xinye_desktop.domain.dispute_types import LocalType, dumps_local_types
    from xinye_desktop.domain.enums import DisputeType

    window = make_window()
    with window.services.settings._db.transaction() as uow:  # as the return import writes it
        uow.settings.set("dispute_types", dumps_local_types([LocalType("继承纠纷", DisputeType.MARRIAGE_FAMILY)]))
    window.after_return_import()  # what the return import dialog's end does
    tab = window.intake_tab
    window.new_case()
    fill_valid_case(qtbot, tab)
    labels = [tab.type_combo.itemText(i) for i in range(tab.type_combo.count())]
    assert labels.index("　· 继承纠纷") == labels.index("婚姻家庭纠纷") + 1
    pick(qtbot, tab.type_combo, "　· 继承纠纷")
    assert tab.type_note_edit.text() == "继承纠纷" and not tab.type_note_edit.isEnabled()
    assert tab.type_combo.current_text() == "婚姻家庭纠纷 · 继承纠纷"  # closed, it names the category too
    tab.save()
    saved = window.services.intake.load(tab.current_case_id)
    assert (saved.dispute_type, saved.dispute_type_note) == (DisputeType.MARRIAGE_FAMILY, "继承纠纷")
    pick(qtbot, tab.type_combo, "婚姻家庭纠纷")
    assert tab.type_note_edit.text() == ""  # the local type's name leaves with it
    tab.load_case(window.services.intake.load(tab.current_case_id))
    assert tab.type_combo.subtype() == "继承纠纷" and tab.type_note_edit.text() == "继承纠纷"
    # The township drops the list: the case keeps its type and 类型说明.
    with window.services.settings._db.transaction() as uow:  # as the return import writes it
        uow.settings.set("dispute_types", "[]")
    window.after_return_import()
    assert tab.type_combo.current() is DisputeType.MARRIAGE_FAMILY and tab.type_combo.subtype() == ""
    assert tab.to_input().dispute_type_note == "继承纠纷"
