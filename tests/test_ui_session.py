"""The 法理情调解 tab driven as a mediator would: a case that is not ready, a whole sitting walked step
by step to a written agreement, a refusal ending in 调解终止, an adjournment and a second sitting;
nothing typed is lost (leaving the tab, opening another case, a crash); the record PDF read back with
pypdf; the language switch.

QMessageBox.question is answered through the ``answer_dialogs`` fixture.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from tests.helpers import elder_input, person_input, valid_case_input
from tests.task_waits import ThreadSpy, outcome
from xinye_desktop.domain.enums import CaseStatus, DisputeType
from xinye_desktop.domain.roles import HostKind, Role
from xinye_desktop.domain.selection import Consent
from xinye_desktop.domain.session import LEGAL_BASIS, Outcome, ReasonPoint, Route, Step, Verdict
from xinye_desktop.services.elders import ElderService, PeopleService
from xinye_desktop.services.intake import IntakeService
from xinye_desktop.services.selection import SelectionService
from xinye_desktop.services.session import SessionService
from xinye_desktop.ui.i18n import translate

from ui_helpers import type_into

TODAY = dt.date.today().isoformat()
CJK = re.compile(r"[\u4e00-\u9fff]")
HOMESTEAD_BASIS = LEGAL_BASIS[DisputeType.HOUSING_HOMESTEAD]  # valid_case_input() is a 宅基地 dispute

ZHANG_STATEMENT = "1992年乡里发的宅基地使用证上写得清楚，东边到李家院墙根还有一米二的空地。今年三月翻建院墙是按老墙基砌的，没有越界。"
LI_STATEMENT = "张家新墙比原来往我这边挪了差不多半米，下雨水全淌我院里。只要他按原来的界线砌，我愿意赔砖钱。"
EASING = "王明理讲了两家老辈的交情，远亲不如近邻"
COMMITMENT = "国土所五月十日前到现场按使用证四至重新放线"
AGREEMENT_POINTS = "张建国按放线界线重砌院墙并修排水沟；李秀英赔偿砖块损失三百元"
FARMING_NOTE = "院墙挡了李家的出粮道，不合农忙时拉粮的惯例"


# -- the case and its people ------------------------------------------------------------------------

@pytest.fixture
def services(database):
    selection = SelectionService(database)
    return {"intake": IntakeService(database), "elders": ElderService(database), "people": PeopleService(database),
            "selection": selection, "session": SessionService(database, selection)}


def make_case(s, *, tag: int = 0, agreed: bool = True, host: bool = True, witness: bool = False):
    """A registered case with 王明理 proposed by 张建国 (so agreed by him), a 联村干警 as host and, when
    ``agreed``, 李秀英's consent too: then the case is ready for a sitting. Returns (case, choice id)."""
    case = s["intake"].register(valid_case_input(tag=tag))
    zhang, li = (p.id for p in case.parties)
    if "elder" not in s:
        s["elder"] = s["elders"].add(elder_input("王明理"))
    elder = s["elder"]
    choice = s["selection"].propose(case.id, elder.id, zhang).choices[0].id
    if agreed:
        s["selection"].answer(choice, li, Consent.AGREED)
    if host:
        assign_host(s, case.id)
    if witness:
        w = s["people"].add(person_input(Role.WITNESS, "赵国土", unit="王庄镇国土资源所"))
        s["selection"].assign(case.id, w.id)
    return case, choice


def assign_host(s, case_id: int) -> None:
    hosts = s["people"].people(Role.HOST)
    host = hosts[0] if hosts else s["people"].add(
        person_input(Role.HOST, "刘卫东", unit="王庄镇派出所", host_kind=HostKind.LINK_POLICE))
    s["selection"].assign(case_id, host.id)


# -- reading and driving the tab ----------------------------------------------------------------------

def session_tab(window, case_id: int | None = None):
    if case_id is not None:
        window.open_case(case_id)
    window.tabs.setCurrentWidget(window.session_tab)
    tab = window.session_tab
    tab.open_files = False
    return tab


def steps(tab) -> list[str]:
    return [tab.step_model.cell(r, 0).text for r in range(tab.step_model.rowCount())]


def missing(tab, step: Step) -> list[str]:
    """The page's notice as its lines: [] when the step is done."""
    text = tab.pages[step].missing.text()
    if text == "这一步已完成。":
        return []
    head, *lines = text.split("\n")
    assert head == "这一步还需要：", text
    return [line.removeprefix("· ") for line in lines]


def set_data(combo, value) -> None:
    """Choose the entry carrying ``value`` as its data, as a click in the list would."""
    index = combo.findData(value)
    assert index >= 0, f"{value!r} not offered in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setFocus()
    combo.setCurrentIndex(index)


def enabled_outcomes(tab) -> set[Outcome]:
    return {o for o, b in tab.outcome.outcome_buttons.items() if b.isEnabled()}


def next_step(tab, expected: Step) -> None:
    tab.next_button.click()
    assert tab.stack.currentWidget() is tab.pages[expected]


def stored(database, case_id: int, number: int = -1):
    """The sitting as the database has it, read with services of its own (as after a crash)."""
    return SessionService(database, SelectionService(database)).overview(case_id).sittings[number]


def status(database, case_id: int) -> CaseStatus:
    return IntakeService(database).load(case_id).status


def ledger_status(window, case_id: int) -> str:
    model = window.ledger_tab.model
    col = next(c for c in range(model.columnCount())
               if model.headerData(c, Qt.Orientation.Horizontal) == "状态")
    row = next(r for r in range(model.rowCount()) if model.row_at(r).id == case_id)
    return model.index(row, col).data()


def pdf_text(path) -> str:
    """The record's text without whitespace: wrapped lines join up again."""
    return re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(str(path)).pages))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def open_opening(tab, party_ids, *, voluntary=(True, True)) -> None:
    """开场 as the mediator does it: public, the notice read, each party present, confirmed, asked."""
    set_data(tab.opening.public, True)
    tab.opening.notice_read.setChecked(True)
    for pid, willing in zip(party_ids, voluntary):
        row = tab.opening.party_widgets[pid]
        set_data(row["present"], True)
        row["confirmed"].setChecked(True)
        set_data(row["voluntary"], willing)


# -- (1) ready or not -----------------------------------------------------------------------------------

def test_a_case_without_its_people_cannot_start_and_a_ready_one_starts(make_window, services, database, qtbot):
    case, choice = make_case(services, agreed=False, host=False)
    li = case.parties[1].id
    window = make_window()
    tab = session_tab(window, case.id)

    assert "状态：已受理" in tab.case_label.text()
    assert tab.start_button.text() == "开始第1次调解"
    assert not tab.start_button.isEnabled()
    assert tab.notice.text() == ("人选还没有齐：请先在“选择明白人”中完成\n"
                                 "· 还没有各方当事人都同意的明白人\n· 李秀英还没有对明白人王明理表态\n"
                                 "· 还没有确定主持人")
    assert tab.sitting_combo.count() == 0
    assert not tab.stack.isEnabled()
    assert not tab.finish_button.isEnabled() and not tab.record_button.isEnabled()
    assert steps(tab) == ["开场", "说理", "以法为准", "以理为基", "以情为引", "见证人", "处理"]
    assert not tab.start_sitting()  # refused by the service too
    assert tab.message.text() == "人选还没有齐：请先在“选择明白人”中完成"
    assert status(database, case.id) is CaseStatus.ACCEPTED

    # The host is named, then 李秀英 agrees in 选择明白人: the sitting tab follows at once.
    assign_host(services, case.id)
    window.tabs.setCurrentWidget(window.elder_tab)
    window.elder_tab.choice_page.findChild(QPushButton, f"agree-{choice}-{li}").click()
    window.tabs.setCurrentWidget(tab)
    assert tab.start_button.isEnabled()
    assert tab.notice.text() == "人选已齐。点“开始第1次调解”，按左边的步骤逐项进行；填写的内容会自动保存。"

    tab.start_button.click()
    assert status(database, case.id) is CaseStatus.MEDIATING
    assert tab.message.text() == "第1次调解已开始。"
    assert "状态：调解中" in tab.case_label.text()
    assert ledger_status(window, case.id) == "调解中"
    assert window.case_banner.text() == f"当前案件：{case.case_number}"
    assert [tab.sitting_combo.itemText(i) for i in range(tab.sitting_combo.count())] == [f"第1次 {TODAY} 进行中"]
    assert tab.start_button.text() == "开始第2次调解" and not tab.start_button.isEnabled()
    assert tab.stack.isEnabled() and tab.stack.currentWidget() is tab.pages[Step.OPENING]
    assert tab.notice.isHidden()
    # Prefilled: the day, the village's 三理室, the people chosen.
    assert tab.opening.held_on.text() == TODAY
    assert tab.opening.place.text() == "王庄村矛盾化解“三理”室"
    assert tab.opening.people_label.text() == "主持人：刘卫东；明白人：王明理；见证人：（无）；记录人：（未定）"
    assert missing(tab, Step.OPENING) == ["询问当事人是否公开调解", "向当事人宣读权利义务告知",
                                          "记录张建国是否到场", "记录李秀英是否到场"]
    assert tab.finish_label.text().startswith("结束前还差")


# -- (2) a whole sitting to a written agreement ----------------------------------------------------------

def test_a_whole_sitting_walked_step_by_step_to_a_written_agreement(make_window, services, database, answer_dialogs,
                                                                   qtbot):
    case, _ = make_case(services, witness=True)
    zhang, li = (p.id for p in case.parties)
    services["session"].start(case.id)
    window = make_window()
    tab = session_tab(window, case.id)
    # (说理 and 以情为引 are left out here: see test_an_untouched_sitting_ticks_no_step)
    listed = steps(tab)
    assert [listed[i] for i in (0, 2, 3, 5, 6)] == ["… 开场（差4项）", "… 以法为准（差3项）", "… 以理为基（差5项）",
                                                    "… 见证人（差1项）", "… 处理（差1项）"]
    assert enabled_outcomes(tab) == {Outcome.TERMINATED, Outcome.ADJOURNED}

    # 开场
    assert tab.stack.currentWidget() is tab.pages[Step.OPENING]
    assert not tab.prev_button.isEnabled() and tab.next_button.isEnabled()
    set_data(tab.opening.public, True)
    tab.opening.notice_read.setChecked(True)
    assert missing(tab, Step.OPENING) == ["记录张建国是否到场", "记录李秀英是否到场"]
    for pid in (zhang, li):
        set_data(tab.opening.party_widgets[pid]["present"], True)
    assert missing(tab, Step.OPENING) == ["张建国确认已听清权利义务", "询问张建国是否自愿调解",
                                          "李秀英确认已听清权利义务", "询问李秀英是否自愿调解"]
    assert steps(tab)[:2] == ["… 开场（差4项）", "… 说理（差2项）"]  # present parties must now speak
    for pid in (zhang, li):
        tab.opening.party_widgets[pid]["confirmed"].setChecked(True)
        set_data(tab.opening.party_widgets[pid]["voluntary"], True)
    type_into(qtbot, tab.opening.attendees, "王庄村3组组长马春生（旁听）")
    assert missing(tab, Step.OPENING) == []
    assert steps(tab)[0] == "✓ 开场"
    next_step(tab, Step.STATEMENTS)  # the step is saved as it is completed
    saved = stored(database, case.id).data
    assert saved.public is True and saved.notice_read and saved.attendees == "王庄村3组组长马春生（旁听）"
    assert saved.party(li).present and saved.party(li).notice_confirmed and saved.party(li).voluntary is True

    # 说理, with a piece of evidence
    assert missing(tab, Step.STATEMENTS) == ["记录张建国的陈述", "记录李秀英的陈述"]
    type_into(qtbot, tab.statements.party_widgets[zhang]["statement"], ZHANG_STATEMENT)
    type_into(qtbot, tab.statements.party_widgets[zhang]["claims"], "要求李秀英赔偿推倒的院墙")
    assert steps(tab)[1] == "… 说理（差1项）"
    type_into(qtbot, tab.statements.party_widgets[li]["statement"], LI_STATEMENT)
    assert steps(tab)[1] == "✓ 说理"
    tab.statements.add_evidence_button.click()
    assert len(tab.statements.evidence_rows) == 1
    assert missing(tab, Step.STATEMENTS) == ["证据1：写明是什么证据"]
    assert steps(tab)[1] == "… 说理（差1项）"
    row = tab.statements.evidence_rows[0]
    type_into(qtbot, row["what"], "1992年宅基地使用证复印件")
    set_data(row["by"], zhang)
    row["checked"].setChecked(True)
    type_into(qtbot, row["note"], "与原件核对一致")
    assert missing(tab, Step.STATEMENTS) == [] and steps(tab)[1] == "✓ 说理"
    next_step(tab, Step.LAW)
    saved = stored(database, case.id).data
    assert saved.party(zhang).statement == ZHANG_STATEMENT and saved.party(li).statement == LI_STATEMENT
    assert saved.party(zhang).claims == "要求李秀英赔偿推倒的院墙"
    assert [(e.what, e.provided_by, e.checked, e.note) for e in saved.evidence] == [
        ("1992年宅基地使用证复印件", zhang, True, "与原件核对一致")]

    # 以法为准: the basis picked from the suggestions of a 宅基地 dispute
    assert [tab.law.basis_suggestions.itemText(i) for i in range(tab.law.basis_suggestions.count())] == [
        "选择后插入到下面…", *HOMESTEAD_BASIS, "《中华人民共和国人民调解法》"]
    set_data(tab.law.within_scope, True)
    assert missing(tab, Step.LAW) == ["写明依据的法律、法规或政策",
                                      "确认处理意见不损害当事人合法权益、第三人和公共利益"]
    tab.law.basis_suggestions.setFocus()
    qtbot.keyClick(tab.law.basis_suggestions, Qt.Key.Key_Down)  # the first suggestion, chosen by keyboard
    assert tab.law.legal_basis.toPlainText() == HOMESTEAD_BASIS[0]
    assert tab.law.basis_suggestions.currentIndex() == 0  # back to the prompt, ready for the next
    tab.law.basis_suggestions.activated.emit(2)
    tab.law.basis_suggestions.activated.emit(2)  # the same one twice is inserted once
    assert tab.law.legal_basis.toPlainText() == HOMESTEAD_BASIS[0] + "\n" + HOMESTEAD_BASIS[1]
    assert missing(tab, Step.LAW) == ["确认处理意见不损害当事人合法权益、第三人和公共利益"]
    set_data(tab.law.harms_none, False)
    assert missing(tab, Step.LAW) == ["写明需要纠正的内容"]
    set_data(tab.law.harms_none, True)
    assert missing(tab, Step.LAW) == [] and steps(tab)[2] == "✓ 以法为准"
    assert enabled_outcomes(tab) == {Outcome.TERMINATED, Outcome.ADJOURNED}  # the elder has not judged yet
    next_step(tab, Step.REASON)
    assert stored(database, case.id).data.legal_basis == HOMESTEAD_BASIS[0] + "\n" + HOMESTEAD_BASIS[1]

    # 以理为基: five points; 不符合 needs its reason
    verdicts = {ReasonPoint.FAIR: Verdict.MET, ReasonPoint.COMMON_SENSE: Verdict.MET, ReasonPoint.MORALS: Verdict.MET,
                ReasonPoint.FARMING: Verdict.NOT_MET, ReasonPoint.CUSTOMS: Verdict.NOT_APPLICABLE}
    left = []
    for point, verdict in verdicts.items():
        set_data(tab.reason.reason_widgets[point][1], verdict.value)
        left.append(steps(tab)[3])
    assert left == [f"… 以理为基（差{n}项）" for n in (4, 3, 2, 2, 1)]  # 不符合 still needs its reason
    assert missing(tab, Step.REASON) == ["“符合生产惯例”不符合时写明理由"]
    assert enabled_outcomes(tab) == {Outcome.TERMINATED, Outcome.ADJOURNED}
    type_into(qtbot, tab.reason.reason_widgets[ReasonPoint.FARMING][2], FARMING_NOTE)
    type_into(qtbot, tab.reason.reason_widgets[ReasonPoint.FAIR][2], "按使用证四至划界，谁也不吃亏")
    assert missing(tab, Step.REASON) == [] and steps(tab)[3] == "✓ 以理为基"
    assert enabled_outcomes(tab) == set(Outcome)  # law and reason done: an agreement may be reached
    next_step(tab, Step.FEELING)
    assert stored(database, case.id).data.reason[ReasonPoint.FARMING] == (Verdict.NOT_MET, FARMING_NOTE)

    # 以情为引: a listed mood, and one typed in
    assert missing(tab, Step.FEELING) == ["记录张建国开始时的情绪", "记录张建国结束时的情绪",
                                          "记录李秀英开始时的情绪", "记录李秀英结束时的情绪"]
    assert steps(tab)[4] == "… 以情为引（差4项）"
    z, l_ = tab.feeling.party_widgets[zhang], tab.feeling.party_widgets[li]
    set_data(z["mood_start"], "激动")
    set_data(z["mood_end"], "缓和")
    type_into(qtbot, z["easing"], EASING)
    type_into(qtbot, l_["mood_start"].lineEdit(), "憋屈，不愿多说")
    assert missing(tab, Step.FEELING) == ["记录李秀英结束时的情绪"]
    set_data(l_["mood_end"], "满意")
    assert missing(tab, Step.FEELING) == [] and steps(tab)[4] == "✓ 以情为引"
    next_step(tab, Step.WITNESS)
    saved = stored(database, case.id).data
    assert (saved.party(zhang).mood_start, saved.party(zhang).mood_end, saved.party(zhang).easing) == (
        "激动", "缓和", EASING)
    assert (saved.party(li).mood_start, saved.party(li).mood_end) == ("憋屈，不愿多说", "满意")

    # 见证人
    assert len(tab.witness.witness_edits) == 1
    assert tab.witness.witness_edits[0].parentWidget().title() == "赵国土"
    assert missing(tab, Step.WITNESS) == ["记录见证人当场作出的承诺或答复"]
    type_into(qtbot, tab.witness.witness_edits[0], COMMITMENT)
    assert missing(tab, Step.WITNESS) == [] and steps(tab)[5] == "✓ 见证人"
    next_step(tab, Step.OUTCOME)
    assert not tab.next_button.isEnabled() and tab.prev_button.isEnabled()
    assert stored(database, case.id).data.witnesses[0].commitment == COMMITMENT

    # 处理: every step but this one is done
    assert steps(tab) == ["✓ 开场", "✓ 说理", "✓ 以法为准", "✓ 以理为基", "✓ 以情为引", "✓ 见证人", "… 处理（差1项）"]
    assert not tab.finish_button.isEnabled() and tab.finish_label.text() == "结束前还差1项，见左边各步骤。"
    tab.outcome.outcome_buttons[Outcome.ORAL].click()
    assert missing(tab, Step.OUTCOME) == ["写明协议或化解意见的内容"]
    assert not tab.finish_button.isEnabled()
    tab.outcome.outcome_buttons[Outcome.WRITTEN].click()
    assert missing(tab, Step.OUTCOME) == [] and steps(tab)[6] == "✓ 处理"
    type_into(qtbot, tab.outcome.outcome_text, AGREEMENT_POINTS)
    # A risk must be described and reported before the sitting can end.
    tab.outcome.risk.setChecked(True)
    assert missing(tab, Step.OUTCOME) == ["写明激化风险的情况",
                                          "可能激化为治安或刑事案件：须报告公安机关（人民调解法第二十五条）"]
    assert not tab.finish_button.isEnabled() and tab.finish_label.text() == "结束前还差2项，见左边各步骤。"
    tab.outcome.risk.setChecked(False)
    assert tab.finish_button.isEnabled() and tab.finish_label.text() == "可以结束本次调解。"

    # The record before finishing: everything typed is in it.
    path = outcome(qtbot, tab.make_record())
    assert path is not None and path.exists() and path.name == f"调解记录-{case.case_number}-第1次.pdf"
    assert tab.message.text() == f"调解记录已生成：{path}"
    text = pdf_text(path)
    for typed in (ZHANG_STATEMENT, LI_STATEMENT, "要求李秀英赔偿推倒的院墙", *HOMESTEAD_BASIS[:2], FARMING_NOTE,
                  "按使用证四至划界，谁也不吃亏", EASING, COMMITMENT, AGREEMENT_POINTS, "王庄村3组组长马春生（旁听）",
                  "1992年宅基地使用证复印件；提供人：张建国；已核对；说明：与原件核对一致。"):
        assert squeeze(typed) in text, typed
    for n, (point, verdict) in enumerate(verdicts.items(), start=1):
        assert f"{n}.{point.label}{verdict.label}" in text, point
    assert "张建国（申请人）：调解开始时激动，结束时缓和。" in text
    assert "李秀英（被申请人）：调解开始时憋屈，不愿多说，结束时满意。" in text
    assert "处理结果：达成书面协议" in text
    assert "主持人确认本纠纷属于人民调解的范围。" in text
    assert "王庄镇国土资源所赵国土" in text

    # Finishing: asked first; "No" changes nothing.
    answer_dialogs.state["answer"] = QMessageBox.StandardButton.No
    tab.finish_button.click()
    assert answer_dialogs == ["以“达成书面协议”结束第1次调解？结束后记录不能再修改。"]
    assert status(database, case.id) is CaseStatus.MEDIATING and tab.finish_button.isEnabled()
    answer_dialogs.state["answer"] = QMessageBox.StandardButton.Yes
    tab.finish_button.click()
    assert status(database, case.id) is CaseStatus.AGREEMENT_WRITTEN
    done = stored(database, case.id)
    assert done.finished and done.outcome is Outcome.WRITTEN and done.data.outcome_text == AGREEMENT_POINTS
    assert tab.message.text() == "第1次调解已结束：达成书面协议。请到“调解协议”中制作人民调解协议书。"
    assert tab.notice.text() == "这次调解已经结束（达成书面协议），记录只能查看和打印。"
    assert "状态：达成协议（书面）" in tab.case_label.text()
    assert ledger_status(window, case.id) == "达成协议（书面）"
    assert tab.sitting_combo.itemText(0) == f"第1次 {TODAY} 达成书面协议"

    # Read-only now: the values are shown, nothing can be changed, the record can still be printed.
    assert tab.statements.party_widgets[zhang]["statement"].toPlainText() == ZHANG_STATEMENT
    for widget in (tab.opening.public, tab.opening.notice_read, tab.opening.place, tab.statements.add_evidence_button, tab.statements.evidence_rows[0]["what"],
                   tab.law.legal_basis, tab.law.basis_suggestions, tab.law.within_scope, tab.outcome.outcome_text, tab.witness.witness_edits[0],
                   *tab.opening.party_widgets[zhang].values(), *tab.statements.party_widgets[zhang].values(),
                   *tab.feeling.party_widgets[zhang].values(), *(w[1] for w in tab.reason.reason_widgets.values()),
                   *tab.outcome.outcome_buttons.values(), *tab.outcome.route_boxes.values(), tab.outcome.risk):
        assert not widget.isEnabled(), widget
    assert not tab.finish_button.isEnabled() and not tab.start_button.isEnabled()
    assert tab.record_button.isEnabled() and tab.opening.notice_button.isEnabled()
    assert tab.start_button.text() == "开始第2次调解"
    assert tab.finish_label.text() == ""
    assert outcome(qtbot, tab.make_record()) == path and "处理结果：达成书面协议" in pdf_text(path)


# -- (3) a party declines: 调解终止 ----------------------------------------------------------------------

def test_a_party_who_declines_leaves_only_termination(make_window, services, database, answer_dialogs, qtbot):
    case, _ = make_case(services)
    zhang, li = (p.id for p in case.parties)
    window = make_window()
    tab = session_tab(window, case.id)
    assert tab.start_sitting()
    tab.go_to(Step.OUTCOME)
    tab.outcome.outcome_buttons[Outcome.ADJOURNED].click()  # first thought: another day
    tab.go_to(Step.OPENING)
    open_opening(tab, (zhang, li), voluntary=(True, False))
    assert enabled_outcomes(tab) == {Outcome.TERMINATED, Outcome.ADJOURNED}  # 择日再调 only while still chosen
    assert missing(tab, Step.OUTCOME) == ["有当事人不愿调解，只能终止调解"]
    assert not tab.finish_button.isEnabled()
    assert missing(tab, Step.OPENING) == [] and steps(tab)[0] == "✓ 开场"
    next_step(tab, Step.STATEMENTS)
    type_into(qtbot, tab.statements.party_widgets[zhang]["statement"], ZHANG_STATEMENT)
    type_into(qtbot, tab.statements.party_widgets[li]["statement"], "我不同意调解，要去法院告他")

    tab.go_to(Step.OUTCOME)
    assert tab.stack.currentWidget() is tab.pages[Step.OUTCOME]
    assert not tab.outcome.outcome_buttons[Outcome.WRITTEN].isEnabled()
    tab.outcome.outcome_buttons[Outcome.WRITTEN].click()  # disabled: nothing happens
    assert not tab.outcome.outcome_buttons[Outcome.WRITTEN].isChecked()
    tab.outcome.outcome_buttons[Outcome.TERMINATED].click()
    assert enabled_outcomes(tab) == {Outcome.TERMINATED}
    # No typed reason is needed (the refusal is the reason), but the routes must be told.
    assert missing(tab, Step.OUTCOME) == ["告知当事人可以选择的途径（诉讼、仲裁、行政）"]
    assert not tab.finish_button.isEnabled()
    tab.outcome.route_boxes[Route.LITIGATION].click()
    tab.outcome.route_boxes[Route.ADMINISTRATIVE].click()
    assert missing(tab, Step.OUTCOME) == []
    # A risk of escalation: described, and the police told.
    tab.outcome.risk.click()
    assert missing(tab, Step.OUTCOME) == ["写明激化风险的情况",
                                          "可能激化为治安或刑事案件：须报告公安机关（人民调解法第二十五条）"]
    type_into(qtbot, tab.outcome.risk_note, "李秀英之子扬言回来找张家算账")
    tab.outcome.police_informed.click()
    assert missing(tab, Step.OUTCOME) == []
    # The other steps are not all done, yet a terminated sitting can end.
    assert steps(tab)[2].startswith("… 以法为准") and steps(tab)[3].startswith("… 以理为基")
    assert tab.finish_button.isEnabled()

    path = outcome(qtbot, tab.make_record())
    text = pdf_text(path)
    assert squeeze(ZHANG_STATEMENT) in text and "我不同意调解，要去法院告他" in text
    assert "处理结果：调解终止" in text
    assert "终止调解的原因：李秀英明确表示不同意调解（人民调解法第十七条）。" in text
    assert "可以依法向人民法院起诉、请求行政机关处理，维护自己的合法权益（人民调解法第二十六条）" in text
    assert "李秀英之子扬言回来找张家算账" in text and "已向公安机关报告。" in text

    tab.finish_button.click()
    assert answer_dialogs == ["以“调解终止”结束第1次调解？结束后记录不能再修改。"]
    assert status(database, case.id) is CaseStatus.TERMINATED
    assert stored(database, case.id).data.routes == (Route.LITIGATION, Route.ADMINISTRATIVE)
    assert tab.message.text() == "第1次调解已结束：调解终止。"
    assert ledger_status(window, case.id) == "调解终止"
    assert not tab.start_button.isEnabled()
    assert not tab.outcome.outcome_buttons[Outcome.TERMINATED].isEnabled()


def test_termination_without_a_refusal_needs_its_reason(make_window, services, database, answer_dialogs, qtbot):
    case, _ = make_case(services)
    window = make_window()
    tab = session_tab(window, case.id)
    assert tab.start_sitting()
    tab.go_to(Step.OUTCOME)
    tab.outcome.outcome_buttons[Outcome.TERMINATED].click()
    assert missing(tab, Step.OUTCOME) == ["写明终止调解的原因", "告知当事人可以选择的途径（诉讼、仲裁、行政）"]
    type_into(qtbot, tab.outcome.termination_reason, "双方分歧过大，经三次协商未能达成一致")
    tab.outcome.route_boxes[Route.ARBITRATION].click()
    assert tab.finish_button.isEnabled()
    assert tab.finish_sitting()
    assert status(database, case.id) is CaseStatus.TERMINATED
    text = pdf_text(outcome(qtbot, tab.make_record()))
    assert "终止调解的原因：双方分歧过大，经三次协商未能达成一致" in text and "可以依法申请仲裁" in text


# -- (4) 择日再调, then a second sitting -------------------------------------------------------------------

def test_an_adjourned_sitting_is_followed_by_a_second_one(make_window, services, database, answer_dialogs, qtbot):
    case, _ = make_case(services)
    zhang, li = (p.id for p in case.parties)
    window = make_window()
    tab = session_tab(window, case.id)
    tab.start_button.click()
    tab.go_to(Step.STATEMENTS)
    set_data(tab.opening.party_widgets[zhang]["present"], True)  # hidden page: the widgets still count
    type_into(qtbot, tab.statements.party_widgets[zhang]["statement"], ZHANG_STATEMENT)
    tab.go_to(Step.OUTCOME)
    tab.outcome.outcome_buttons[Outcome.ADJOURNED].click()
    assert missing(tab, Step.OUTCOME) == []
    assert not tab.finish_button.isEnabled()  # the next arrangement is missing
    assert tab.finish_label.text() == "结束前还差1项，见左边各步骤。"
    type_into(qtbot, tab.outcome.outcome_text, "待国土所测量后，下周三再调")
    assert tab.finish_button.isEnabled()
    tab.finish_button.click()
    assert status(database, case.id) is CaseStatus.MEDIATING
    assert tab.message.text() == "第1次调解已结束：择日再调。需要再调时，点“开始第2次调解”。"
    assert tab.start_button.isEnabled() and tab.start_button.text() == "开始第2次调解"

    tab.start_button.click()
    assert tab.message.text() == "第2次调解已开始。"
    assert [tab.sitting_combo.itemText(i) for i in range(tab.sitting_combo.count())] == [
        f"第1次 {TODAY} 择日再调", f"第2次 {TODAY} 进行中"]
    assert tab.sitting_combo.currentIndex() == 1
    assert tab.statements.party_widgets[zhang]["statement"].toPlainText() == ""  # a new sitting starts blank
    assert tab.statements.party_widgets[zhang]["statement"].isEnabled()
    assert tab.start_button.text() == "开始第3次调解" and not tab.start_button.isEnabled()
    assert [s.number for s in services["session"].overview(case.id).sittings] == [1, 2]

    # The first can be looked at: read-only, with what was said then.
    tab.sitting_combo.setCurrentIndex(0)
    assert tab.statements.party_widgets[zhang]["statement"].toPlainText() == ZHANG_STATEMENT
    assert not tab.statements.party_widgets[zhang]["statement"].isEnabled()
    assert tab.outcome.outcome_text.toPlainText() == "待国土所测量后，下周三再调"
    assert tab.notice.text() == "这次调解已经结束（择日再调），记录只能查看和打印。"
    record = outcome(qtbot, tab.make_record())
    assert record.name == f"调解记录-{case.case_number}-第1次.pdf"
    assert "再次调解的安排：待国土所测量后，下周三再调" in pdf_text(record)
    tab.sitting_combo.setCurrentIndex(1)
    assert tab.statements.party_widgets[zhang]["statement"].toPlainText() == ""
    assert tab.statements.party_widgets[zhang]["statement"].isEnabled()
    assert outcome(qtbot, tab.make_record()).name == f"调解记录-{case.case_number}-第2次.pdf"


def test_looking_at_an_earlier_sitting_and_back_keeps_saving(make_window, services, database, answer_dialogs, qtbot):
    case, _ = make_case(services)
    zhang = case.parties[0].id
    first = services["session"].start(case.id)
    data = first.data
    data.outcome, data.outcome_text = Outcome.ADJOURNED, "下周再调"
    first = services["session"].save(first.id, data, expected_version=first.version)
    services["session"].finish(first.id, expected_version=first.version)
    services["session"].start(case.id)
    window = make_window()
    tab = session_tab(window, case.id)

    tab.go_to(Step.STATEMENTS)
    set_data(tab.opening.party_widgets[zhang]["present"], True)
    type_into(qtbot, tab.statements.party_widgets[zhang]["statement"], "第一段")
    qtbot.wait(700)  # saved by the timer
    assert stored(database, case.id).data.party(zhang).statement == "第一段"
    tab.sitting_combo.setCurrentIndex(0)  # a look at the first sitting's record...
    tab.sitting_combo.setCurrentIndex(1)  # ...and back
    assert tab.statements.party_widgets[zhang]["statement"].toPlainText() == "第一段"
    type_into(qtbot, tab.statements.party_widgets[zhang]["statement"], "第一段，第二段")
    qtbot.wait(700)
    assert tab.message.isHidden() or "没有保存" not in tab.message.text(), tab.message.text()
    assert stored(database, case.id).data.party(zhang).statement == "第一段，第二段"


# -- (5) nothing lost ------------------------------------------------------------------------------------

@pytest.fixture
def typing_window(make_window, services):
    """A window on the sitting tab of an open sitting, 张建国 marked present; and the case."""
    case, _ = make_case(services)
    other, _ = make_case(services, tag=5)
    services["session"].start(case.id)
    window = make_window()
    tab = session_tab(window, case.id)
    tab.go_to(Step.STATEMENTS)
    return window, tab, case, other


def type_statement(qtbot, database, tab, case, text: str) -> None:
    zhang = case.parties[0].id
    type_into(qtbot, tab.statements.party_widgets[zhang]["statement"], text)
    assert tab.statements.party_widgets[zhang]["statement"].toPlainText() == text
    assert stored(database, case.id).data.party(zhang).statement == "", "saved before the test could leave"


def test_leaving_the_tab_saves_what_was_typed_at_once(typing_window, database, qtbot):
    window, tab, case, _ = typing_window
    type_statement(qtbot, database, tab, case, "院墙越界半米，雨水淌进李家院里")
    window.tabs.setCurrentWidget(window.ledger_tab)  # no wait for the autosave
    assert stored(database, case.id).data.party(case.parties[0].id).statement == "院墙越界半米，雨水淌进李家院里"


def test_opening_another_case_saves_what_was_typed_at_once(typing_window, database, answer_dialogs, qtbot):
    window, tab, case, other = typing_window
    type_statement(qtbot, database, tab, case, "院墙越界半米")
    window.open_case(other.id)
    assert tab.case_id == other.id and tab.sitting is None
    assert stored(database, case.id).data.party(case.parties[0].id).statement == "院墙越界半米"
    window.open_case(case.id)
    window.tabs.setCurrentWidget(tab)
    assert tab.statements.party_widgets[case.parties[0].id]["statement"].toPlainText() == "院墙越界半米"


def test_opening_another_case_asks_nothing_when_nothing_is_unsaved(make_window, services, data_paths,
                                                                   answer_dialogs):
    case, _ = make_case(services)
    other, _ = make_case(services, tag=5)
    window = make_window()
    window.open_case(case.id)
    window.open_case(other.id)
    assert window.intake_tab.current_case_id == other.id and window.session_tab.case_id == other.id
    assert answer_dialogs == []
    assert sorted(p.name for p in data_paths.drafts.glob("*")) == []


def test_a_crash_a_moment_after_typing_loses_nothing(typing_window, make_window, database, qtbot):
    window, tab, case, _ = typing_window
    zhang, li = (p.id for p in case.parties)
    type_statement(qtbot, database, tab, case, "院墙越界半米")
    type_into(qtbot, tab.statements.party_widgets[li]["claims"], "要求按原界线砌墙")
    qtbot.wait(700)  # the autosave pause, and no more: then the power goes
    saved = stored(database, case.id).data
    assert saved.party(zhang).statement == "院墙越界半米" and saved.party(li).claims == "要求按原界线砌墙"

    again = make_window()  # the app started again on the same data folder; the old window never closed
    tab2 = session_tab(again, case.id)
    assert tab2 is not tab
    assert tab2.statements.party_widgets[zhang]["statement"].toPlainText() == "院墙越界半米"
    assert tab2.statements.party_widgets[li]["claims"].text() == "要求按原界线砌墙"


def test_moving_between_steps_saves_each_one(typing_window, database, qtbot):
    window, tab, case, _ = typing_window
    tab.go_to(Step.OPENING)
    set_data(tab.opening.public, False)
    type_into(qtbot, tab.opening.public_reason, "涉及家庭隐私")
    tab.step_view.clicked.emit(tab.step_model.index(2, 0))  # a click on 以法为准 in the step list
    assert tab.stack.currentWidget() is tab.pages[Step.LAW]
    saved = stored(database, case.id).data
    assert saved.public is False and saved.public_reason == "涉及家庭隐私"
    type_into(qtbot, tab.law.legal_basis, "《民法典》第二百八十八条")
    tab.prev_button.click()
    assert tab.stack.currentWidget() is tab.pages[Step.STATEMENTS]
    assert stored(database, case.id).data.legal_basis == "《民法典》第二百八十八条"


def test_closing_the_window_saves_what_was_typed(typing_window, database, qtbot):
    window, tab, case, _ = typing_window
    type_statement(qtbot, database, tab, case, "关窗前刚打的字")
    window.close()
    assert stored(database, case.id).data.party(case.parties[0].id).statement == "关窗前刚打的字"


# -- (7) the language switch -------------------------------------------------------------------------------

def test_switching_to_english_and_back_keeps_what_was_typed(make_window, services, database, qtbot):
    case, _ = make_case(services)
    zhang, li = (p.id for p in case.parties)
    services["session"].start(case.id)
    window = make_window()
    tab = session_tab(window, case.id)
    open_opening(tab, (zhang, li))
    set_data(tab.opening.public, False)
    type_into(qtbot, tab.opening.public_reason, "涉及家庭隐私")
    type_into(qtbot, tab.statements.party_widgets[zhang]["statement"], ZHANG_STATEMENT)
    set_data(tab.reason.reason_widgets[ReasonPoint.MORALS][1], Verdict.NOT_MET.value)
    set_data(tab.feeling.party_widgets[li]["mood_start"], "委屈")
    tab.outcome.outcome_buttons[Outcome.ADJOURNED].click()
    type_into(qtbot, tab.outcome.outcome_text, "下周三再调")
    chinese_steps = steps(tab)

    window.set_language("en")
    qtbot.waitUntil(lambda: tab.next_button.text() == translate("SessionTab", "下一步") != "下一步", timeout=3000)
    assert not any(CJK.search(s) for s in steps(tab)), steps(tab)
    assert not CJK.search(tab.pages[Step.LAW].missing.text())
    assert tab.opening.public.currentData() is False and tab.opening.public.currentText() == translate("SessionTab", "不公开调解")
    assert tab.opening.public_reason.text() == "涉及家庭隐私"
    assert tab.statements.party_widgets[zhang]["statement"].toPlainText() == ZHANG_STATEMENT
    assert tab.reason.reason_widgets[ReasonPoint.MORALS][1].currentData() == Verdict.NOT_MET.value
    assert tab.outcome.outcome_buttons[Outcome.ADJOURNED].isChecked() and tab.outcome.outcome_text.toPlainText() == "下周三再调"
    tab.flush()
    saved = stored(database, case.id).data
    assert saved.public is False and saved.party(li).mood_start == "委屈" and saved.outcome is Outcome.ADJOURNED

    window.set_language("zh_CN")
    qtbot.waitUntil(lambda: tab.next_button.text() == "下一步", timeout=3000)
    assert steps(tab) == chinese_steps
    assert tab.opening.public.currentText() == "不公开调解" and tab.opening.public_reason.text() == "涉及家庭隐私"
    assert tab.reason.reason_widgets[ReasonPoint.MORALS][1].currentText() == "不符合"
    assert tab.statements.party_widgets[zhang]["statement"].toPlainText() == ZHANG_STATEMENT
    tab.flush()
    saved = stored(database, case.id).data
    assert saved.reason[ReasonPoint.MORALS][0] is Verdict.NOT_MET and saved.party(li).mood_start == "委屈"
    assert saved.party(zhang).statement == ZHANG_STATEMENT and saved.outcome_text == "下周三再调"


# -- what the step list and the fields promise ---------------------------------------------------------------

def test_an_untouched_sitting_ticks_no_step(make_window, services, qtbot):
    case, _ = make_case(services)
    services["session"].start(case.id)
    tab = session_tab(make_window(), case.id)
    listed = steps(tab)
    assert not listed[1].startswith("✓ 说理") and not listed[4].startswith("✓ 以情为引"), listed



def test_the_record_is_made_off_the_gui_thread_with_what_was_typed_and_the_button_waits(
        make_window, services, database, qtbot, monkeypatch):
    case, _ = make_case(services)
    services["session"].start(case.id)
    tab = session_tab(make_window(), case.id)
    spy = ThreadSpy(tab._documents.mediation_record, delay=0.3)
    monkeypatch.setattr(tab._documents, "mediation_record", spy)
    type_into(qtbot, tab.opening.place, "王庄村村委会")
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    task = tab.record_task
    assert task.running and not tab.record_button.isEnabled()
    assert tab.message.text() == "正在生成调解记录…"
    type_into(qtbot, tab.opening.held_on, "x")  # typing on redraws the step list: the button still waits
    assert not tab.record_button.isEnabled()
    assert tab.make_record() is None, "a second record while the first is made"
    path = outcome(qtbot, task)
    assert spy.off_gui_thread == [True]
    assert tab.message.text() == f"调解记录已生成：{path}" and tab.record_button.isEnabled()
    assert "王庄村村委会" in pdf_text(path), "typed before the click, saved before the worker read it"

def test_a_date_that_cannot_be_read_is_shown_as_missing(make_window, services, database, qtbot):
    case, _ = make_case(services)
    services["session"].start(case.id)
    tab = session_tab(make_window(), case.id)
    type_into(qtbot, tab.opening.held_on, "2026-13-45")
    assert tab.opening.held_on.text() == "2026-13-45"
    assert any("日期" in line for line in missing(tab, Step.OPENING)), missing(tab, Step.OPENING)


def test_the_party_rows_follow_the_language(make_window, services, qtbot):
    case, _ = make_case(services)
    zhang = case.parties[0].id
    services["session"].start(case.id)
    window = make_window()
    tab = session_tab(window, case.id)
    set_data(tab.opening.party_widgets[zhang]["present"], True)
    window.set_language("en")
    qtbot.waitUntil(lambda: tab.next_button.text() != "下一步", timeout=3000)
    row = tab.opening.party_widgets[zhang]
    assert row["present"].currentData() is True  # the value is kept either way
    assert row["present"].currentText() == translate("SessionTab", "到场") != "到场"
    assert row["confirmed"].text() == translate("SessionTab", "已听清权利义务")


def test_a_witness_named_after_the_sitting_began_can_answer(make_window, services, qtbot):
    case, _ = make_case(services)
    services["session"].start(case.id)
    witness = services["people"].add(person_input(Role.WITNESS, "赵国土", unit="王庄镇国土资源所"))
    services["selection"].assign(case.id, witness.id)
    tab = session_tab(make_window(), case.id)
    assert "见证人：赵国土" in tab.opening.people_label.text()
    assert missing(tab, Step.WITNESS) == ["记录见证人当场作出的承诺或答复"]
    assert len(tab.witness.witness_edits) == 1, "no box to write the commitment in"


def test_the_rights_notice_read_out_says_each_party_when_there_are_more_than_two(make_window, services, qtbot,
                                                                                monkeypatch):
    from tests.helpers import individual
    from xinye_desktop.domain.enums import PartyRole

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: shown.append(text))
    two, _ = make_case(services)
    form = valid_case_input(tag=1)
    form = form.__class__(**{**form.__dict__, "parties": [
        *form.parties, individual("彭振华", role=PartyRole.RESPONDENT, address="新野县王庄镇王庄村5组2号")]})
    three = services["intake"].register(form)
    choice = services["selection"].propose(three.id, services["elder"].id, three.parties[0].id).choices[0].id
    for party in three.parties[1:]:
        services["selection"].answer(choice, party.id, Consent.AGREED)
    assign_host(services, three.id)
    for case in (two, three):
        services["session"].start(case.id)
    window = make_window()
    for case in (two, three):
        tab = session_tab(window, case.id)
        tab.opening.show_rights_notice()
    assert "双方当事人认为有必要的" in shown[0]
    assert "各方当事人认为有必要的" in shown[1] and "双方" not in shown[1]


def test_each_step_stores_back_what_it_loaded(make_window, services, qtbot):
    """The steps share one SittingData: each loads its part and stores it back, nothing lost between them."""
    from dataclasses import replace

    from xinye_desktop.domain.session import Evidence, SittingData

    case, _ = make_case(services, witness=True)
    zhang, li = (p.id for p in case.parties)
    sitting = services["session"].start(case.id)
    data = sitting.data
    data.held_on, data.public, data.public_reason, data.attendees, data.notice_read = (
        dt.date(2026, 11, 20), False, "涉及家庭隐私", "马春生（旁听）", True)
    for pid, mood in ((zhang, "激动"), (li, "憋屈，不愿多说")):  # a listed mood, and one typed in
        p = data.party(pid)
        p.present, p.notice_confirmed, p.voluntary = True, True, pid == zhang
        p.statement, p.claims, p.mood_start, p.mood_end, p.easing = f"陈述{pid}", f"请求{pid}", mood, "缓和", EASING
    data.evidence = [Evidence("1992年宅基地使用证复印件", zhang, True, "与原件核对一致"), Evidence("照片", None, False, "")]
    data.within_scope, data.legal_basis, data.harms_none, data.corrections = True, HOMESTEAD_BASIS[0], False, "改为按原界线"
    data.reason = {ReasonPoint.FAIR: (Verdict.MET, ""), ReasonPoint.FARMING: (Verdict.NOT_MET, FARMING_NOTE)}
    data.witnesses[0].commitment, data.no_witness_needed = COMMITMENT, False
    data.outcome, data.outcome_text, data.termination_reason = Outcome.TERMINATED, "", "李秀英不愿调解"
    data.routes, data.risk, data.risk_note, data.police_informed = (Route.LITIGATION,), True, "扬言报复", True
    services["session"].save(sitting.id, data, expected_version=sitting.version)
    tab = session_tab(make_window(), case.id)

    again = SittingData(witnesses=[replace(w, commitment="") for w in data.witnesses])
    for page in tab.pages.values():
        page.store(again)
    assert again == data
