"""The 选择明白人 tab driven as a mediator would: the parties choose, refuse and agree; conflicts and
recusal; the village pools; the 主持人/见证人/记录人 lists; a closed case; the language switch.

Dialogs are answered through each page's ``run_dialog`` (see ``answer``), QMessageBox.question through
the ``answer_dialogs`` fixture.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from openpyxl import Workbook
from PySide6.QtWidgets import QDialog, QFrame, QLabel, QPushButton

from xinye_desktop.domain.enums import DisputeType, ElderIdentity, ElderSelection, Sex
from xinye_desktop.domain.roles import HostKind, Role
from xinye_desktop.domain.selection import ConflictKind, Consent
from xinye_desktop.services.elders import ElderService, PeopleService
from xinye_desktop.services.intake import IntakeService
from xinye_desktop.services.selection import SelectionService
from xinye_desktop.ui.choice_dialogs import COMMITTEE, ChoiceDialog
from xinye_desktop.ui.elder_dialog import ElderDialog, PersonDialog
from xinye_desktop.ui.elders.choice_page import NEW_PERSON
from xinye_desktop.ui.i18n import translate
from xinye_desktop.ui.widgets import NoticeLabel

from tests.helpers import elder_input, person_input, valid_case_input
from tests.task_waits import ThreadSpy, outcome
from ui_helpers import type_into

HOMESTEAD = DisputeType.HOUSING_HOMESTEAD  # the dispute type of valid_case_input()
SAME_SURNAME = f"张建国：{ConflictKind.SAME_SURNAME_VILLAGE.label}"  # 张德福 and the party 张建国, both of 王庄村
ACCEPTED = QDialog.DialogCode.Accepted
CJK = re.compile(r"[\u4e00-\u9fff]")


# -- answering the dialogs ------------------------------------------------------------------------

def answer(*steps):
    """A ``run_dialog`` that answers the dialogs in the order they open; each step gets the dialog
    and returns what ``exec()`` would have. A dialog nobody expected fails the test."""
    queue = list(steps)
    seen = []

    def run(dialog):
        seen.append(dialog)
        assert queue, f"unexpected dialog: {dialog.windowTitle()}"
        return bool(queue.pop(0)(dialog))

    run.left = queue
    run.seen = seen
    return run


def refuse_all(dialog):
    raise AssertionError(f"unexpected dialog: {dialog.windowTitle()}")


def set_combo(combo, value) -> None:
    """Choose the entry carrying ``value`` as its data, else the one showing ``value``."""
    for i in range(combo.count()):
        if combo.itemData(i) == value:
            combo.setCurrentIndex(i)
            return
    index = combo.findText(str(value))
    assert index >= 0, f"{value!r} not offered in {combo_texts(combo)}"
    combo.setCurrentIndex(index)


def combo_texts(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def choose(text: str = "", **combos):
    """Answer a ChoiceDialog: pick the combos' values, type the text, press OK."""
    def step(dialog):
        assert isinstance(dialog, ChoiceDialog), dialog
        for key, value in combos.items():
            set_combo(dialog.combos[key], value)
        if text:
            dialog.text.setPlainText(text)
        dialog._accept()
        return dialog.result() == ACCEPTED
    return step


def fill_elder(dialog: ElderDialog, *, name=None, sex=None, birth_year=None, village=None, group=None, phone=None,
               identity=None, selection=None, selected_on=None, specialties=()) -> None:
    for widget, value in ((dialog.name, name), (dialog.birth_year, birth_year), (dialog.group, group),
                          (dialog.phone, phone), (dialog.selected_on, selected_on)):
        if value is not None:
            widget.setText(value)  # Chinese cannot be key-clicked (see ui_helpers.type_into)
    if village is not None:
        dialog.village.setCurrentText(village)
    if sex is not None:
        dialog.sex.set_current(sex)
    if identity is not None:
        dialog.identity.set_current(identity)
    if selection is not None:
        dialog.selection.set_current(selection)
    for kind in specialties:
        dialog.specialty_boxes[kind].setChecked(True)


def save(dialog) -> bool:
    dialog.try_save()
    return dialog.result() == ACCEPTED


# -- reading the page -----------------------------------------------------------------------------

def column(model, col: int) -> list[str]:
    return [model.cell(r, col).text for r in range(model.rowCount())]


def card(page, choice_id: int) -> QFrame:
    found = page.findChild(QFrame, f"choice-{choice_id}")
    assert found is not None, f"no card for choice {choice_id}"
    return found


def card_text(page, choice_id: int) -> str:
    texts = [label.text() for label in card(page, choice_id).findChildren(QLabel)]
    return re.sub(r"<[^>]+>", "", "\n".join(texts))


def button(page, name: str) -> QPushButton | None:
    return page.findChild(QPushButton, name)


def choice_of(page, elder_name: str):
    return next(c for c in page.state.choices if c.elder.name == elder_name)


def party_ids(page) -> tuple[int, int]:
    first, second = page.state.parties
    return first.id, second.id


def open_elder_tab(window, case_id: int | None = None):
    if case_id is not None:
        window.open_case(case_id)
    window.tabs.setCurrentWidget(window.elder_tab)
    tab = window.elder_tab
    for page in (tab.choice_page, tab.pool_page, tab.people_page):
        page.run_dialog = refuse_all
    tab.pool_page.open_files = False
    return tab


def history_lines(database, case_id: int) -> list[tuple[str, str]]:
    """(action, new value) of every change in the case history."""
    return [(entry.action, change[2]) for entry in IntakeService(database).history(case_id) for change in entry.changes]


def terminate(database, case_id: int) -> None:
    with database.transaction() as uow:
        uow.cases.load(case_id).status = "terminated"


# -- fixtures -------------------------------------------------------------------------------------

@pytest.fixture
def case_id(database) -> int:
    """王庄村, 房屋宅基地纠纷, 张建国 (applicant) and 李秀英 (respondent), both living in 王庄村."""
    return IntakeService(database).register(valid_case_input()).id


@pytest.fixture
def elders(database) -> ElderService:
    return ElderService(database)


def chosen_in_new_case(database, elder_id: int, tag: int, *, close: bool = False) -> int:
    """Another case where both parties agreed to the elder; closed when ``close``."""
    other = IntakeService(database).register(valid_case_input(tag=tag)).id
    selection = SelectionService(database)
    state = selection.propose(other, elder_id, None)
    for party in state.parties:
        state = selection.answer(state.choices[0].id, party.id, Consent.AGREED)
    if close:
        terminate(database, other)
    return other


# -- (1) the parties choose -----------------------------------------------------------------------

def test_parties_choose_refuse_and_agree_and_a_new_host_makes_the_case_ready(make_window, database, case_id, elders,
                                                                           qtbot):
    wang = elders.add(elder_input("王明理", specialties=(HOMESTEAD,), phone="13903770001"))
    chen = elders.add(elder_input("陈守信", specialties=(HOMESTEAD,), phone="13903770002"))
    liu = elders.add(elder_input("刘德厚", phone="13903770003"))
    elders.add(elder_input("周建光", village="张楼村", specialties=(HOMESTEAD,), phone="13903770004"))
    elders.add(elder_input("孙福田", village="李湾村", phone="13903770005"))
    chosen_in_new_case(database, chen.id, tag=1)  # 陈守信 is busy with an open case
    chosen_in_new_case(database, liu.id, tag=2, close=True)  # 刘德厚 finished one

    window = make_window()
    page = open_elder_tab(window, case_id).choice_page
    assert window.tabs.currentWidget() is window.elder_tab
    assert "王庄村" in page.case_label.text() and "已受理" in page.case_label.text()
    assert page.no_choice_label.isVisibleTo(page)

    # Own village first; those who know 宅基地 marked; the less busy first; then other villages.
    model = page.candidate_model
    assert column(model, 0) == ["王明理", "陈守信", "刘德厚", "周建光", "孙福田"]
    assert column(model, 1) == ["王庄村", "王庄村", "王庄村", "张楼村", "李湾村"]
    assert column(model, 3) == ["★ 擅长", "★ 擅长", "", "★ 擅长", ""]
    assert column(model, 4) == ["0", "1", "0", "0", "0"]  # 在办
    assert column(model, 5) == ["0", "0", "1", "0", "0"]  # 已办
    assert [model.cell(r, 0).bold for r in range(5)] == [True, True, True, False, False]
    assert page.readiness_notice.text() == "开始调解前还需要：\n· 还没有各方当事人都同意的明白人\n· 还没有确定主持人"

    # Searching by pinyin initials, after the typing pause.
    type_into(qtbot, page.search, "zjg")
    qtbot.waitUntil(lambda: column(model, 0) == ["周建光"], timeout=3000)
    zhang_jianguo, li_xiuying = party_ids(page)

    # 张建国 proposes 周建光: his own consent goes with the proposal.
    page.run_dialog = answer(choose(proposer=zhang_jianguo))
    page.propose_button.click()
    assert not page.run_dialog.left
    assert "提名明白人：周建光" == page.run_dialog.seen[0].windowTitle()
    assert page.message.text() == "已提名周建光，请其他当事人逐一表态。"
    zhou = choice_of(page, "周建光")
    assert "由张建国提名" in card_text(page, zhou.id) and "待各方表态" in card_text(page, zhou.id)
    assert page.findChild(QLabel, f"consent-{zhou.id}-{zhang_jianguo}").text() == "同意"
    assert page.findChild(QLabel, f"consent-{zhou.id}-{li_xiuying}").text() == "未表态"
    assert button(page, f"agree-{zhou.id}-{zhang_jianguo}") is None  # already agreed
    assert "· 李秀英还没有对明白人周建光表态" in page.readiness_notice.text()
    assert column(model, 0) == ["周建光·提名中"]

    # 李秀英 does not agree, says why and proposes 王明理 instead, in the same dialog.
    page.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 5, timeout=3000)
    page.run_dialog = answer(choose("周建光是外村人，不了解两家的情况", alternative=wang.id))
    button(page, f"refuse-{zhou.id}-{li_xiuying}").click()
    assert not page.run_dialog.left
    refused = page.run_dialog.seen[0]
    assert refused.windowTitle() == "李秀英不同意周建光"
    assert combo_texts(refused.combos["alternative"])[0] == "暂不提名"
    assert "王明理（王庄村）" in combo_texts(refused.combos["alternative"])
    assert "周建光（张楼村）" not in combo_texts(refused.combos["alternative"])

    assert "未获同意" in card_text(page, zhou.id)
    assert page.findChild(QLabel, f"consent-{zhou.id}-{li_xiuying}").toolTip() == \
        "不同意（周建光是外村人，不了解两家的情况）"
    assert button(page, f"refuse-{zhou.id}-{zhang_jianguo}") is None  # a refused proposal is closed
    new = choice_of(page, "王明理")
    assert "由李秀英提名" in card_text(page, new.id)
    assert page.findChild(QLabel, f"consent-{new.id}-{li_xiuying}").text() == "同意"
    assert page.readiness_notice.text() == ("开始调解前还需要：\n· 还没有各方当事人都同意的明白人\n"
                                            "· 张建国还没有对明白人王明理表态\n· 还没有确定主持人")

    # 张建国 agrees: 王明理 is chosen; only the 主持人 is missing.
    button(page, f"agree-{new.id}-{zhang_jianguo}").click()
    assert "已选定" in card_text(page, new.id)
    assert "王明理·已选定" in column(model, 0) and "周建光·未获同意" in column(model, 0)
    assert page.readiness_notice.text() == "开始调解前还需要：\n· 还没有确定主持人"

    # The 主持人 is not in the list yet: "新建人员…", first without the 主持人类别.
    PeopleService(database).add(person_input(Role.HOST, "刘振华"))

    def new_host(dialog):
        assert isinstance(dialog, PersonDialog) and not dialog.role.isEnabled()
        assert dialog.role.current() is Role.HOST
        type_into(qtbot, dialog.name, "高志远")
        dialog.unit.setCurrentText("王庄镇派出所")
        assert not save(dialog)
        assert dialog.boxes["host_kind"].error == "请选择主持人类别"
        assert dialog.notice.text() == "请按红字提示修改后再保存。"
        dialog.host_kind.set_current(HostKind.LINK_POLICE)
        return save(dialog)

    def pick_new(dialog):
        assert combo_texts(dialog.combos["person"]) == ["刘振华　王庄村委会（村干部）", "新建人员…"]
        return choose(person=NEW_PERSON)(dialog)

    page.run_dialog = answer(pick_new, new_host)
    assert page.add_role(Role.HOST)
    assert not page.run_dialog.left
    assert column(page.role_models[Role.HOST], 0) == ["高志远（联村干警）"]
    notice = page.readiness_notice.text()
    assert notice.startswith("人选已齐，可以开始调解。")
    assert "· 还没有确定记录人" in notice and "· 还没有邀请见证人（相关职能部门的工作人员）" in notice
    assert "联村干警" not in notice  # the host is the 联村干警
    assert sorted(p.name for p in PeopleService(database).people(Role.HOST)) == ["刘振华", "高志远"]  # kept for reuse

    # Everything is in the case history.
    lines = history_lines(database, case_id)
    assert ("elder_propose", "周建光（张建国提名）") in lines
    assert ("elder_answer", "周建光·李秀英：不同意（周建光是外村人，不了解两家的情况）") in lines
    assert ("elder_propose", "王明理（李秀英提名）") in lines
    assert ("elder_answer", "王明理·张建国：同意") in lines
    assert ("role_add", "高志远 王庄镇派出所（联村干警）") in lines


def test_refusing_offers_every_candidate_even_while_a_search_is_typed(make_window, case_id, elders, qtbot):
    elders.add(elder_input("王明理", phone="13903770001"))
    elders.add(elder_input("周建光", village="张楼村", phone="13903770004"))
    window = make_window()
    page = open_elder_tab(window, case_id).choice_page
    type_into(qtbot, page.search, "zjg")
    qtbot.waitUntil(lambda: page.candidate_model.rowCount() == 1, timeout=3000)
    first, second = party_ids(page)
    page.run_dialog = answer(choose(proposer=first))
    page.propose_selected()
    zhou = choice_of(page, "周建光")

    page.run_dialog = answer(lambda dialog: False)
    page.refuse(zhou.id, second)
    assert "王明理（王庄村）" in combo_texts(page.run_dialog.seen[0].combos["alternative"])


# -- (2) 一事一议 ---------------------------------------------------------------------------------

def test_an_ad_hoc_elder_is_proposed_for_this_case_only(make_window, database, case_id, elders, qtbot):
    elders.add(elder_input("王明理", phone="13903770001"))
    window = make_window()
    tab = open_elder_tab(window, case_id)
    page = tab.choice_page
    first, second = party_ids(page)

    def editor(dialog):
        assert isinstance(dialog, ElderDialog)
        assert dialog.village.currentText() == "王庄村"  # the case's village
        assert dialog.selection.currentText() == "一事一议（不入库）"
        assert not save(dialog)  # nothing filled in
        assert dialog.boxes["name"].error == "此项必须填写"
        assert dialog.boxes["selection"].error == ""  # not needed for 一事一议
        fill_elder(dialog, name="马宗义", sex=Sex.MALE, birth_year="1958", identity=ElderIdentity.VETERAN_TEACHER,
                   phone="13703770099")
        return save(dialog)  # asks who proposes (the next step) before saving

    page.run_dialog = answer(editor, choose(proposer=second))
    assert page.ad_hoc_button.isEnabled()
    page.ad_hoc_button.click()
    assert not page.run_dialog.left
    assert page.message.text() == "已提名库外人选，请其他当事人逐一表态。"
    ma = choice_of(page, "马宗义")
    assert ma.elder.ad_hoc
    text = card_text(page, ma.id)
    assert "马宗义（王庄村，一事一议）" in text and "由李秀英提名" in text
    assert page.findChild(QLabel, f"consent-{ma.id}-{second}").text() == "同意"
    assert page.findChild(QLabel, f"consent-{ma.id}-{first}").text() == "未表态"

    # Not a member of any pool: not a candidate, not on the pool page.
    assert "马宗义" not in "".join(column(page.candidate_model, 0))
    tab.pages.setCurrentWidget(tab.pool_page)
    tab.pool_page.show_retired.setChecked(True)
    assert [e.name for e, _ in tab.pool_page.rows] == ["王明理"]
    assert [e.name for e, _ in elders.pool(include_retired=True)] == ["王明理"]
    assert ("elder_propose", "马宗义（李秀英提名，一事一议）") in history_lines(database, case_id)


def test_entering_a_pool_member_as_ad_hoc_says_to_propose_from_the_list(make_window, case_id, elders, qtbot):
    elders.add(elder_input("王明理", phone="13903770001"))
    window = make_window()
    page = open_elder_tab(window, case_id).choice_page
    first, _second = party_ids(page)
    shown = []

    def editor(dialog):
        fill_elder(dialog, name="王明理", sex=Sex.MALE, phone="13903770001", identity=ElderIdentity.VETERAN_TEACHER)
        dialog.try_save()
        shown.append(dialog.notice.text() + page.message.text())
        return False

    page.run_dialog = answer(editor, choose(proposer=first))
    page.propose_ad_hoc()
    assert "王明理已在明白人库中，请从候选名单中直接提名" in shown[0]
    assert page.state.choices == ()


# -- (3) conflict and recusal ----------------------------------------------------------------------

def test_a_same_surname_elder_must_be_confirmed_and_can_be_recused(make_window, case_id, elders, qtbot):
    elders.add(elder_input("张德福", specialties=(HOMESTEAD,), phone="13903770006"))
    elders.add(elder_input("王明理", phone="13903770001"))
    window = make_window()
    page = open_elder_tab(window, case_id).choice_page
    first, second = party_ids(page)
    assert column(page.candidate_model, 0)[0] == "张德福"

    def propose(dialog):
        notices = [n.text() for n in dialog.findChildren(NoticeLabel)]
        assert any("请注意回避情形" in n and SAME_SURNAME in n for n in notices), notices
        return choose(proposer=COMMITTEE)(dialog)  # no confirmation written yet

    page.run_dialog = answer(propose)
    page.propose_selected()
    zhang = choice_of(page, "张德福")
    assert "由调委会提名" in card_text(page, zhang.id)
    warning = [n for n in card(page, zhang.id).findChildren(NoticeLabel)]
    assert [n.text() for n in warning] == ["回避情形，须向各方说明并确认：\n· " + SAME_SURNAME]

    # Both parties agree, but the conflict still blocks the start until confirmed.
    button(page, f"agree-{zhang.id}-{first}").click()
    button(page, f"agree-{zhang.id}-{second}").click()
    assert "待调解员确认回避情形" in card_text(page, zhang.id)  # nobody left to answer
    assert page.readiness_notice.text() == ("开始调解前还需要：\n· 还没有各方当事人都同意的明白人\n"
                                            "· 明白人张德福有需要回避的情形，须调解员确认\n· 还没有确定主持人")

    page.run_dialog = answer(choose("已向双方说明，张德福与张建国同姓不同支，双方仍同意由其评理"))
    button(page, f"confirm-{zhang.id}").click()
    assert not page.run_dialog.left
    assert "已选定" in card_text(page, zhang.id)
    assert "回避情形（已确认：已向双方说明，张德福与张建国同姓不同支，双方仍同意由其评理）" in card_text(page, zhang.id)
    assert button(page, f"confirm-{zhang.id}") is None
    assert page.readiness_notice.text() == "开始调解前还需要：\n· 还没有确定主持人"

    # 李秀英 later asks for recusal; a reason is required.
    def recusal(dialog):
        set_combo(dialog.combos["by"], second)
        dialog._accept()
        assert dialog.result() != ACCEPTED and dialog.text_box.error == "此项必须填写"
        return choose("后得知张德福与张建国系堂兄弟")(dialog)

    page.run_dialog = answer(recusal)
    button(page, f"recuse-{zhang.id}").click()
    assert not page.run_dialog.left
    assert page.message.text() == "已记录回避。请各方重新选定明白人。"
    text = card_text(page, zhang.id)
    assert "已回避" in text and "回避：李秀英，理由：后得知张德福与张建国系堂兄弟" in text
    assert button(page, f"recuse-{zhang.id}") is None and button(page, f"agree-{zhang.id}-{first}") is None
    assert page.readiness_notice.text().startswith("开始调解前还需要：\n· 还没有各方当事人都同意的明白人")
    assert column(page.candidate_model, 0)[0] == "张德福·已回避"

    # A recused elder cannot be proposed again for this case.
    page.run_dialog = answer(choose(proposer=first))
    page.candidate_table.selectRow(0)
    assert not page.propose_selected()
    assert page.message.text() == "张德福已在本案回避，不能再次提名"


# -- (4) the pool page ------------------------------------------------------------------------------

def test_pool_add_edit_duplicate_retire_and_delete(make_window, database, case_id, elders, answer_dialogs, qtbot):
    served = elders.add(elder_input("王明理", phone="13903770001"))
    elders.add(elder_input("刘德厚", phone="13903770003"))
    SelectionService(database).propose(case_id, served.id, None)
    window = make_window()
    tab = open_elder_tab(window, case_id)
    pool = tab.pool_page
    tab.pages.setCurrentWidget(pool)
    assert [e.name for e, _ in pool.rows] == ["刘德厚", "王明理"]

    # Bad input: the messages are beside the fields and nothing is saved; then fixed and saved.
    def add(dialog):
        assert isinstance(dialog, ElderDialog)
        fill_elder(dialog, name="宋宝山", village="王庄村", group="2组", phone="12345", birth_year="1955",
                   identity=ElderIdentity.VETERAN_SOLDIER, selection=ElderSelection.VILLAGE_MEETING,
                   selected_on="2023-03-01", specialties=(DisputeType.NEIGHBOUR,))
        assert not save(dialog)
        assert dialog.boxes["sex"].error == "请选择性别"
        assert dialog.boxes["phone"].error.startswith("电话号码格式不对")
        assert dialog.boxes["name"].error == ""
        assert dialog.notice.text() == "有2处需要修改，见各项下方的红字。"
        assert "宋宝山" not in [e.name for e, _ in elders.pool()]
        dialog.sex.set_current(Sex.MALE)
        dialog.phone.setText("13903770007")
        return save(dialog)

    pool.run_dialog = answer(add)
    pool.add_button.click()
    assert not pool.run_dialog.left
    assert pool.message.text() == "已把宋宝山加入王庄村明白人库。"
    assert pool.selected().name == "宋宝山"
    row = [e.name for e, _ in pool.rows].index("宋宝山")
    assert [pool.model.cell(row, c).text for c in (0, 1, 3, 4, 5, 8, 9, 12)] == [
        "宋宝山", "男", "王庄村", "2组", "老军人", "邻里", "139****0007", "在库"]
    assert pool.count_label.text() == "共3人，其中在库3人"

    # Edit: the group changes.
    def edit(dialog):
        assert dialog.name.text() == "宋宝山" and dialog.phone.text() == "13903770007"
        dialog.group.setText("5组")
        return save(dialog)

    pool.run_dialog = answer(edit)
    pool.edit_button.click()
    assert pool.message.text() == "已保存宋宝山的信息。"
    assert pool.model.cell([e.name for e, _ in pool.rows].index("宋宝山"), 4).text == "5组"

    # The same person again (name, village, phone): refused with the message beside 姓名.
    def twin(dialog):
        fill_elder(dialog, name="宋宝山", sex=Sex.MALE, village="王庄村", phone="13903770007",
                   identity=ElderIdentity.VETERAN_SOLDIER, selection=ElderSelection.VILLAGE_MEETING)
        assert not save(dialog)
        assert dialog.boxes["name"].error == "明白人库中已有同名、同村、同电话的宋宝山"
        dialog.reject()
        return False

    pool.run_dialog = answer(twin)
    assert not pool.add()
    assert [e.name for e, _ in elders.pool()].count("宋宝山") == 1

    # Retire 王明理, who has a case: the reason is required.
    assert pool.select_elder(served.id)
    assert pool.retire_button.text() == "退出明白人库…"

    def retire(dialog):
        dialog._accept()
        assert dialog.result() != ACCEPTED and dialog.text_box.error == "此项必须填写"
        return choose("任期届满未连任")(dialog)

    pool.run_dialog = answer(retire)
    pool.retire_button.click()
    assert not pool.run_dialog.left
    assert pool.message.text() == "王明理已退出明白人库。"
    assert "王明理" not in [e.name for e, _ in pool.rows]
    pool.show_retired.setChecked(True)
    row = [e.name for e, _ in pool.rows].index("王明理")
    assert pool.model.cell(row, 12).text == "已退出" and pool.model.cell(row, 12).tooltip == "任期届满未连任"
    assert pool.count_label.text() == "共3人，其中在库2人，已退出1人"

    # Deleting: refused for him (he took part in a case), allowed for 刘德厚 who never did.
    pool.select_elder(served.id)
    assert not pool.delete_selected()
    assert pool.message.text() == "王明理参与过案件，不能删除，只能“退出明白人库”，以便旧案记录仍可查阅。"
    assert not answer_dialogs
    liu = next(e for e, _ in pool.rows if e.name == "刘德厚")
    pool.select_elder(liu.id)
    pool.delete_button.click()
    assert answer_dialogs == ["确定删除误录入的刘德厚吗？此人从未参与过案件，删除后不能恢复。"]
    assert pool.message.text() == "已删除刘德厚。"
    assert sorted(e.name for e, _ in elders.pool(include_retired=True)) == ["宋宝山", "王明理"]

    # Not a candidate for a new case; still shown by name, marked, in the old case.
    new_case = IntakeService(database).register(valid_case_input(tag=5)).id
    window.open_case(new_case)
    open_elder_tab(window)
    page = tab.choice_page
    tab.pages.setCurrentWidget(page)
    assert column(page.candidate_model, 0) == ["宋宝山"]
    window.open_case(case_id)
    open_elder_tab(window)
    old = choice_of(page, "王明理")
    assert "（此人已退出明白人库）" in card_text(page, old.id)
    assert "王明理" in card_text(page, old.id)


def test_a_quick_save_leaves_no_draft_behind(make_window, case_id, elders, qtbot):
    window = make_window()
    tab = open_elder_tab(window)
    pool = tab.pool_page
    tab.pages.setCurrentWidget(pool)

    def add(dialog):
        fill_elder(dialog, name="宋宝山", sex=Sex.MALE, village="王庄村", identity=ElderIdentity.VETERAN_SOLDIER,
                   selection=ElderSelection.VILLAGE_MEETING)
        qtbot.keyClicks(dialog.phone, "13903770007")  # typed: the autosave timer starts
        return save(dialog)

    pool.run_dialog = answer(add)
    assert pool.add()
    qtbot.wait(1000)
    offered = []
    pool.run_dialog = answer(lambda dialog: offered.append((dialog.name.text(), dialog.notice.text())) or False)
    pool.add()
    assert offered == [("", "")]


# -- (5) importing a roster -------------------------------------------------------------------------

def test_the_import_button_imports_the_good_rows_and_the_pool_shows_them(make_window, case_id, elders, answer_dialogs,
                                                                        monkeypatch, tmp_path, qtbot):
    from PySide6.QtWidgets import QMessageBox

    from xinye_desktop.ui.roster_import_dialog import RosterImportDialog

    told = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda parent, title, text, *a: told.append(text)))
    header = ["姓名", "性别", "出生年份", "村", "组", "联系电话", "身份", "产生方式", "推选日期", "擅长"]
    chosen = (dt.date.today() - dt.timedelta(days=200)).isoformat()  # within the three-year term
    workbook = Workbook()
    sheet = workbook.active
    for row in (header,
                ["王德明", "男", "1956", "", "3组", "13903771234", "老党员", "推选", chosen, "邻里、宅基地"],
                ["赵秀兰", "女", "1960", "李湾村", "1组", "0377-66212345", "老教师", "聘任", chosen, "婚姻家庭"],
                ["钱多多", "男", "1958", "", "2组", "1390377", "老党员", "推选", chosen, ""]):
        sheet.append(row)
    path = tmp_path / "王庄村明白人.xlsx"
    workbook.save(path)

    window = make_window()
    tab = open_elder_tab(window, case_id)
    pool = tab.pool_page
    tab.pages.setCurrentWidget(pool)
    assert pool.rows == [] and pool.import_button.isEnabled()

    def import_file(dialog):
        assert isinstance(dialog, RosterImportDialog)
        assert dialog.default_village == "王庄村"  # the first known village
        outcome(qtbot, dialog.load_file(path))
        assert dialog.summary_label.text() == "共3行：可导入2行，有问题1行（不会导入）"
        dialog.import_button.click()
        outcome(qtbot, dialog.task)
        return dialog.result() == ACCEPTED

    pool.run_dialog = answer(import_file)
    pool.import_button.click()
    assert not pool.run_dialog.left
    assert told == ["已把2位明白人加入明白人库。"] and "有1行有问题" in answer_dialogs[0]
    assert sorted(e.name for e, _ in pool.rows) == ["王德明", "赵秀兰"]
    assert "李湾村" in combo_texts(pool.village)
    # The candidates of the open case follow.
    assert column(tab.choice_page.candidate_model, 0) == ["王德明", "赵秀兰"]
    assert column(tab.choice_page.candidate_model, 3) == ["★ 擅长", ""]


# -- (6) printing the wall list ---------------------------------------------------------------------

def test_the_wall_list_is_printed_for_a_village_and_refused_for_an_empty_one(make_window, case_id, elders, qtbot):
    from pypdf import PdfReader

    elders.add(elder_input("王明理", phone="13903770001", group="3组"))
    gone = elders.add(elder_input("孙福田", village="李湾村", phone="13903770005"))
    elders.retire(gone.id, "迁出本村")
    window = make_window()
    tab = open_elder_tab(window)
    pool = tab.pool_page
    tab.pages.setCurrentWidget(pool)
    set_combo(pool.village, "王庄村")

    def village_choice(dialog):
        assert combo_texts(dialog.combos["village"])[0] == "王庄村"  # the village shown on the page first
        assert combo_texts(dialog.combos["phone"]) == ["不印（张贴公示时的默认做法）", "印出（须经明白人本人同意）"]
        return choose(village="王庄村", phone=False)(dialog)

    pool.run_dialog = answer(village_choice)
    path, over = outcome(qtbot, pool.print_roster())
    assert path is not None and path.exists() and path.suffix == ".pdf" and over == []
    assert pool.message.text() == f"名单已生成：{path}"
    text = "".join(page.extract_text() for page in PdfReader(str(path)).pages)
    assert "王明理" in text and "13903770001" not in text

    pool.run_dialog = answer(choose(village="李湾村", phone=False))
    assert outcome(qtbot, pool.print_roster()) is None
    assert pool.message.text() == "该村明白人库中还没有明白人（已退出的不算），无法打印名单"



def test_the_wall_list_is_made_off_the_gui_thread_and_the_button_waits(make_window, elders, qtbot, monkeypatch):
    elders.add(elder_input("王明理", phone="13903770001", group="3组"))
    window = make_window()
    tab = open_elder_tab(window)
    pool = tab.pool_page
    tab.pages.setCurrentWidget(pool)
    spy = ThreadSpy(pool._documents.elder_roster, delay=0.3)
    monkeypatch.setattr(pool._documents, "elder_roster", spy)
    pool.run_dialog = answer(choose(village="王庄村", phone=False))
    task = pool.print_roster()
    assert task.running and not pool.print_button.isEnabled() and pool.message.text() == "正在生成名单…"
    pool.table.selectRow(0)  # the buttons are redrawn: printing still waits
    assert not pool.print_button.isEnabled()
    assert pool.print_roster() is None and not pool.run_dialog.left, "no second wall list, not even its dialog"
    path, over = outcome(qtbot, task)
    assert spy.off_gui_thread == [True] and path.exists() and over == []
    assert pool.message.text() == f"名单已生成：{path}" and pool.print_button.isEnabled()

def term_over(name: str, **kw):
    """A 明白人 chosen in 2020 for three years: the term ended on 2023-03-01 and nobody renewed it."""
    return elder_input(name, selected_on_text="2020-03-01", term_end_text="2023-03-01", **kw)


def test_an_elder_whose_term_is_over_is_counted_apart_marked_and_proposed_only_when_confirmed(
        make_window, database, case_id, elders, qtbot):
    from pypdf import PdfReader

    from xinye_desktop.domain.selection import ChoiceRefused

    elders.add(elder_input("王明理", phone="13903770001", group="3组"))
    chen = elders.add(term_over("陈守信", phone="13903770002", specialties=(HOMESTEAD,)))
    gone = elders.add(elder_input("孙福田", phone="13903770005"))
    elders.retire(gone.id, "迁出本村")
    window = make_window()
    tab = open_elder_tab(window, case_id)

    # 明白人库: 在库 and 任期已满 counted apart; the row says so in red.
    pool = tab.pool_page
    tab.pages.setCurrentWidget(pool)
    set_combo(pool.village, "王庄村")
    assert pool.count_label.text() == "共2人，其中在库1人，任期已满1人"
    row = [e.name for e, _ in pool.rows].index("陈守信")
    assert pool.model.cell(row, 12).text == "任期已满" and pool.model.cell(row, 12).colour == "#8a1c1c"
    assert "不列入上墙名单" in pool.count_label.toolTip()
    pool.show_retired.setChecked(True)
    assert pool.count_label.text() == "共3人，其中在库1人，任期已满1人，已退出1人"

    # The wall list leaves the expired term out, and says so.
    pool.run_dialog = answer(choose(village="王庄村", phone=False))
    path, over = outcome(qtbot, pool.print_roster())
    assert over == ["陈守信"]
    text = "".join(page.extract_text() for page in PdfReader(str(path)).pages)
    assert "王明理" in text and "陈守信" not in text
    assert pool.message.text() == (f"名单已生成：{path}\n陈守信的任期已满，未列入名单；重新推选后请在“修改”中更新任期。")

    # The candidates: marked, with the date in the tooltip.
    page = tab.choice_page
    tab.pages.setCurrentWidget(page)
    names = column(page.candidate_model, 0)
    assert "陈守信·任期已满" in names and "王明理" in names
    cell = page.candidate_model.cell(names.index("陈守信·任期已满"), 0)
    assert cell.colour == "#8a1c1c" and cell.tooltip.startswith("任期已于2023-03-01届满")
    assert "任期已满" in page.legend.text()

    # Proposing him asks first; cancelled, nothing is proposed.
    page.candidate_table.selectRow(names.index("陈守信·任期已满"))
    applicant, respondent = party_ids(page)

    def warned(dialog):
        assert "陈守信的三年任期已于2023-03-01届满" in dialog.findChild(NoticeLabel).text()
        buttons = [b.text() for b in dialog.findChildren(QPushButton)]
        assert "仍然提名" in buttons
        return False

    page.run_dialog = answer(warned)
    assert not page.propose_selected()
    assert page.state.choices == ()
    # The service itself refuses without the confirmation: no other way round the question.
    with pytest.raises(ChoiceRefused) as refused:
        SelectionService(database).propose(case_id, chen.id, applicant)
    assert refused.value.params == {"name": "陈守信", "day": "2023-03-01"}
    # Confirmed: proposed, and the history keeps that the parties knew.
    page.run_dialog = answer(choose(proposer=applicant))
    assert page.propose_selected()
    assert [c.elder.name for c in page.state.choices] == ["陈守信"]
    assert ("elder_propose", "陈守信（张建国提名；任期已于2023-03-01届满，当事人知情后仍选择）") in \
        history_lines(database, case_id)

    # Refusing 陈守信 and naming another whose term is over asks again.
    other = elders.add(term_over("周正直", phone="13903770009"))
    page.refresh()
    choice = choice_of(page, "陈守信")
    offered = []

    def refuse_naming_zhou(dialog):
        offered.extend(combo_texts(dialog.combos["alternative"]))
        return choose("以前和我家有过节", alternative=other.id)(dialog)

    def confirm_again(dialog):
        assert dialog.windowTitle() == "任期已满：周正直"
        return choose()(dialog)

    page.run_dialog = answer(refuse_naming_zhou, confirm_again)
    assert page.refuse(choice.id, respondent)
    assert not page.run_dialog.left
    assert "周正直（王庄村，任期已满）" in offered and "王明理（王庄村）" in offered
    assert [c.elder.name for c in page.state.choices] == ["陈守信", "周正直"]


def test_a_village_whose_every_term_is_over_gets_no_wall_list_and_is_told_why(make_window, elders, qtbot):
    elders.add(term_over("陈守信", village="李湾村", phone="13903770002"))
    window = make_window()
    tab = open_elder_tab(window)
    pool = tab.pool_page
    tab.pages.setCurrentWidget(pool)
    pool.run_dialog = answer(choose(village="李湾村", phone=False))
    assert outcome(qtbot, pool.print_roster()) is None
    assert pool.message.text() == "该村明白人的任期都已届满：请重新推选，在“修改”中更新任期后再打印名单"


# -- (7) the people lists ---------------------------------------------------------------------------

def test_a_witness_needs_a_department_and_a_retired_one_is_not_offered(make_window, database, case_id, qtbot):
    window = make_window()
    tab = open_elder_tab(window, case_id)
    people = tab.people_page
    tab.pages.setCurrentWidget(people)
    assert people.model.rowCount() == 0

    def add(dialog):
        assert isinstance(dialog, PersonDialog)
        dialog.role.set_current(Role.WITNESS)
        assert dialog.form.labelForField(dialog.boxes["unit"]).text() == "职能部门 *"
        assert not dialog.host_kind.isEnabled()
        type_into(qtbot, dialog.name, "周国土")
        dialog.unit.setCurrentText("")
        assert not save(dialog)
        assert dialog.boxes["unit"].error == "请填写见证人所在的职能部门"
        assert PeopleService(database).people(include_retired=True) == []
        set_combo(dialog.unit, "乡镇国土资源所")
        return save(dialog)

    people.run_dialog = answer(add)
    people.add_button.click()
    assert not people.run_dialog.left
    assert people.message.text() == "已加入名单：周国土"
    assert [people.model.cell(0, c).text for c in range(7)] == [
        "见证人", "周国土", "乡镇国土资源所", "", "", "本村录入", "可选用"]

    # Offered for the case while in use...
    page = tab.choice_page
    offered = []
    page.run_dialog = answer(lambda d: offered.append(combo_texts(d.combos["person"])) or False)
    assert not page.add_role(Role.WITNESS)  # cancelled
    assert offered == [["周国土　乡镇国土资源所", "新建人员…"]]

    # ...and no longer once 停用.
    people.table.selectRow(0)
    assert people.retire_button.text() == "停用"
    people.retire_button.click()
    assert people.message.text() == "周国土已停用，不再出现在选择列表中；已参与的案件记录不变。"
    assert people.model.rowCount() == 0
    people.show_retired.setChecked(True)
    assert people.model.cell(0, 6).text == "已停用"
    people.table.selectRow(0)
    assert people.retire_button.text() == "恢复选用"

    offered.clear()
    page.run_dialog = answer(lambda d: offered.append(combo_texts(d.combos["person"])) or False)
    assert not page.add_role(Role.WITNESS)
    assert offered == [["新建人员…"]]


def test_a_person_typed_here_who_may_be_one_from_the_township_roster_is_marked_and_retired_by_hand(
        make_window, database, qtbot):
    import json

    from xinye_desktop.services.exchange.format import ROSTER_VERSIONS_SETTING

    people = PeopleService(database)
    own = people.add(person_input(Role.HOST, "张建军", unit="王庄派出所", host_kind=HostKind.LINK_POLICE))
    sent = people.add(person_input(Role.HOST, "张 建军", unit="王庄镇派出所", host_kind=HostKind.LINK_POLICE))
    with database.transaction() as uow:  # as services/exchange/returns_import.py records the roster's people
        uow.settings.set(ROSTER_VERSIONS_SETTING, json.dumps({sent.uuid: 1}))
    window = make_window()
    page = open_elder_tab(window).people_page
    window.elder_tab.pages.setCurrentWidget(page)
    rows = {page.model.cell(r, 2).text: [page.model.cell(r, c) for c in (5, 6)] for r in range(page.model.rowCount())}
    assert [c.text for c in rows["王庄镇派出所"]] == ["司法所名单", "可选用"]
    source, status = rows["王庄派出所"]
    assert (source.text, status.text) == ("本村录入", "可能重复") and "王庄镇派出所" in status.tooltip
    assert isinstance(page.message, NoticeLabel) and "本村录入的 1 人" in page.message.text()
    people.set_retired(own.id, True)  # retired elsewhere (another clerk): no twin left, the notice goes
    page.refresh()
    assert not page.message.isVisibleTo(page) and page.model.rowCount() == 1
    people.set_retired(own.id, False)
    page.refresh()
    assert "本村录入的 1 人" in page.message.text()
    page.table.selectRow(next(r for r in range(page.model.rowCount()) if page.model.cell(r, 2).text == "王庄派出所"))
    page.retire_button.click()  # what was done is said; the list no longer offers the village's row
    assert page.message.text() == "张建军已停用，不再出现在选择列表中；已参与的案件记录不变。"
    assert [p.id for p in people.people()] == [sent.id] and people.from_hub()[1] == {}


# -- (8) a closed case ------------------------------------------------------------------------------

def test_a_closed_case_can_only_be_viewed(make_window, database, case_id, elders, qtbot):
    wang = elders.add(elder_input("王明理", phone="13903770001"))
    state = SelectionService(database).propose(case_id, wang.id, None)
    choice_id = state.choices[0].id
    PeopleService(database).add(person_input(Role.HOST))
    terminate(database, case_id)

    window = make_window()
    tab = open_elder_tab(window, case_id)
    page = tab.choice_page
    assert page.readiness_notice.text() == "本案状态为“调解终止”，人选只能查看，不能更改。"
    assert "状态：调解终止" in page.case_label.text()
    for widget in (page.propose_button, page.ad_hoc_button, page.candidate_table, page.search,
                   *page.role_add.values(), *page.role_remove.values()):
        assert not widget.isEnabled(), widget
    assert "王明理" in card_text(page, choice_id)
    assert card(page, choice_id).findChildren(QPushButton) == []  # no 同意, 不同意, 回避 on a closed case
    # The actions refuse without opening a dialog (run_dialog fails the test if one opens).
    assert not page.propose_ad_hoc()
    assert not page.add_role(Role.HOST)
    assert not page.propose_selected()
    assert [c.elder.name for c in SelectionService(database).state(case_id).choices] == ["王明理"]


# -- (9) the language switch ------------------------------------------------------------------------

def test_switching_to_english_and_back_relabels_the_tab(make_window, database, case_id, elders, qtbot):
    wang = elders.add(elder_input("王明理", phone="13903770001"))
    SelectionService(database).propose(case_id, wang.id, None)
    window = make_window()
    tab = open_elder_tab(window, case_id)
    tab.pages.setCurrentWidget(tab.pool_page)
    tab.pages.setCurrentWidget(tab.choice_page)
    page = tab.choice_page
    chinese = [tab.pages.tabText(i) for i in range(3)]
    assert chinese == ["本案人选", "明白人库", "主持人·见证人·记录人名单"]

    window.set_language("en")
    qtbot.waitUntil(lambda: window.tabs.tabText(window.tabs.indexOf(window.elder_tab)) == "Choose the elder", timeout=3000)
    english = [tab.pages.tabText(i) for i in range(3)]
    assert english == [translate("ElderTab", "本案人选"), translate("ElderTab", "明白人库"),
                       translate("ElderTab", "主持人·见证人·记录人名单")]
    assert not any(CJK.search(title) for title in english), english
    assert not CJK.search(page.propose_button.text())
    assert page.readiness_notice.text().startswith(translate("CaseChoicePage", "开始调解前还需要："))
    assert not CJK.search(tab.pool_page.add_button.text())
    choice_id = page.state.choices[0].id
    assert "王明理" in card_text(page, choice_id)  # the cards were rebuilt, not lost
    page.refresh()

    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: window.tabs.tabText(window.tabs.indexOf(window.elder_tab)) == "选择明白人", timeout=3000)
    assert [tab.pages.tabText(i) for i in range(3)] == chinese
    assert page.propose_button.text() == "提名…"
    assert "由调委会提名" in card_text(page, choice_id)
    assert page.readiness_notice.text().startswith("开始调解前还需要：")


def test_table_rows_follow_the_language(make_window, case_id, elders, qtbot):
    elders.add(elder_input("王明理", phone="13903770001"))
    window = make_window()
    tab = open_elder_tab(window, case_id)
    tab.pages.setCurrentWidget(tab.pool_page)
    window.set_language("en")
    qtbot.waitUntil(lambda: window.tabs.tabText(window.tabs.indexOf(window.elder_tab)) == "Choose the elder", timeout=3000)
    assert tab.pool_page.model.cell(0, 1).text == "Male"
    assert tab.choice_page.candidate_model.cell(0, 2).text == "Veteran Party member"


def test_a_declared_relation_and_the_specialties_follow_the_language(make_window, database, case_id, elders, qtbot):
    from ui_helpers import StandInTranslator

    wang = elders.add(elder_input("王明理", specialties=(HOMESTEAD, DisputeType.NEIGHBOUR), phone="13903770001"))
    selection = SelectionService(database)
    state = selection.propose(case_id, wang.id, None)
    choice_id = state.choices[0].id
    selection.declare_relation(choice_id, state.parties[0].id, "同族亲戚")  # a suggested relation, stored in Chinese
    window = make_window()
    tab = open_elder_tab(window, case_id)
    page, pool = tab.choice_page, tab.pool_page
    tab.pages.setCurrentWidget(pool)
    assert column(pool.model, 8) == ["房屋宅基地、邻里"]
    tab.pages.setCurrentWidget(page)
    assert "关系：同族亲戚" in card_text(page, choice_id) and "与明白人有申报的关系（同族亲戚）" in card_text(page, choice_id)

    window.set_language("en")
    qtbot.waitUntil(lambda: window.tabs.tabText(window.tabs.indexOf(window.elder_tab)) == "Choose the elder", timeout=3000)
    page.refresh()
    text = card_text(page, choice_id)
    relation = translate("Vocabulary", "同族亲戚")
    assert relation == "Clan relative" and "同族亲戚" not in text
    assert f"Relation: {relation}" in text and f"({relation})" in text.replace("（", "(").replace("）", ")")
    # The specialties are joined with the language's list separator (its English comes with the translations).
    with StandInTranslator({("Lists", "、"): ", "}):
        qtbot.wait(50)
        pool.refresh()
        assert column(pool.model, 8) == ["Housing and homestead, Neighbours"]


# -- (10) what is read, and when ---------------------------------------------------------------------

def test_a_language_switch_relabels_the_lists_without_reading_them_again(make_window, database, case_id, elders,
                                                                        qtbot, monkeypatch):
    """The pool's and the candidates' case counts are a GROUP BY over every case (1.6 s at 100,000 cases):
    read when the data or the filters change, not when only the labels do."""
    from xinye_desktop.storage.elder_repositories import ElderRepository

    elders.add(elder_input("王明理", phone="13903770001"))
    PeopleService(database).add(person_input(Role.HOST, "高志远", unit="王庄镇派出所", host_kind=HostKind.LINK_POLICE))
    window = make_window()
    tab = open_elder_tab(window, case_id)
    for page in (tab.pool_page, tab.people_page, tab.choice_page):  # each page shown once: every list read
        tab.pages.setCurrentWidget(page)
    calls = []
    for owner, name in ((ElderRepository, "stats"), (ElderService, "pool"), (SelectionService, "candidates"),
                        (SelectionService, "state"), (PeopleService, "people")):
        original = getattr(owner, name)

        def counted(*args, _original=original, _name=f"{owner.__name__}.{name}", **kwargs):
            calls.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(owner, name, counted)

    def rows():
        return (tab.pool_page.model.cell(0, 1).text, tab.choice_page.candidate_model.cell(0, 2).text,
                tab.people_page.model.cell(0, 0).text)

    assert rows() == ("男", "老党员", "主持人（联村干警）")
    window.set_language("en")
    qtbot.waitUntil(lambda: tab.pages.tabText(0) == translate("ElderTab", "本案人选") != "本案人选", timeout=3000)
    assert rows() == ("Male", "Veteran Party member",
                      f"{translate('Vocabulary', '主持人')}（{translate('Vocabulary', '联村干警')}）")
    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: tab.pages.tabText(0) == "本案人选", timeout=3000)
    assert rows() == ("男", "老党员", "主持人（联村干警）")
    assert calls == [], calls


def test_the_pool_counts_a_proposal_made_on_the_choice_page(make_window, case_id, elders, qtbot):
    elders.add(elder_input("王明理", phone="13903770001"))
    window = make_window()
    tab = open_elder_tab(window, case_id)
    pool, page = tab.pool_page, tab.choice_page
    tab.pages.setCurrentWidget(pool)
    assert column(pool.model, 0) == ["王明理"] and column(pool.model, 10) == ["0"]  # 在办
    tab.pages.setCurrentWidget(page)
    page.run_dialog = answer(choose(proposer=party_ids(page)[0]))
    assert page.propose_selected()
    tab.pages.setCurrentWidget(pool)
    assert column(pool.model, 10) == ["1"]
