"""The hub window's 人员名单 tab (ui/hub/roster_tab.py, services/hub/roster.py): the roster shown with phones
masked, a person added through the village's own form with the errors under their fields and the villages it
is for, changed (its version up), retired (hidden, then shown greyed); the window offers the tab and its
buttons only to a role that may keep the lists."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid as uuid_module
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog  # noqa: E402

from xinye_desktop.app import create_window  # noqa: E402
from xinye_desktop.domain.hub import HubMode  # noqa: E402
from xinye_desktop.domain.roles import HostKind, Role  # noqa: E402
from xinye_desktop.paths import DataPaths  # noqa: E402
from xinye_desktop.services.hub import HubSetup  # noqa: E402
from xinye_desktop.services.hub.roster import HubRoster  # noqa: E402
from xinye_desktop.storage.database import Database  # noqa: E402
from xinye_desktop.storage.hub_repositories import HubRepository  # noqa: E402
from xinye_desktop.ui.hub.roster_tab import RosterTab  # noqa: E402
from xinye_desktop.ui.i18n import Translations  # noqa: E402

from task_waits import outcome  # noqa: E402

WANG = "新野县王庄镇王庄村人民调解委员会"
_SHOTS = itertools.count(1)  # /tmp/hub-roster-dialog-N.png: each form as it was after 保存, to look at


@pytest.fixture
def hub(tmp_path):
    """A 司法所 of 王庄镇 that registered 王庄村 and 李庄村 (as their first packages would)."""
    root = tmp_path / "hub"
    paths = DataPaths(root)
    paths.create()
    db = Database(paths.database)
    db.ensure_schema()
    identity = HubSetup(db).set_up(HubMode.TOWNSHIP, "王庄镇")
    with db.transaction() as uow:
        for name, village in ((WANG, "王庄村"), ("新野县王庄镇李庄村人民调解委员会", "李庄村")):
            HubRepository(uow.session).add_committee(
                id=str(uuid_module.uuid4()), name=name, township="王庄镇", village=village, signing_key="A" * 43,
                fingerprint="ABCD-EFGH-IJKL-MNOP", registered_at=dt.datetime(2026, 12, 1), acknowledged=0)
    yield db, paths, identity
    db.close()


def _shown(qtbot, tab: RosterTab) -> None:
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.refresh()


def _fill_and_save(answers):
    """A run_dialog that types each set of answers into the form and presses 保存, the last one kept."""
    seen = []

    def run(dialog) -> bool:
        for answer in answers:
            for field, value in answer.items():
                widget = {"name": dialog.name, "post": dialog.post, "phone": dialog.phone}.get(field)
                if widget is not None:
                    widget.setText(value)
                elif field == "unit":
                    dialog.unit.setCurrentText(value)
                elif field == "role":
                    dialog.role.set_current(value)
                elif field == "host_kind":
                    dialog.host_kind.set_current(value)
                elif field == "committee":
                    dialog.committee_combo.setCurrentIndex(dialog.committee_combo.findText(value))
            dialog.try_save()
            accepted = dialog.result() == QDialog.DialogCode.Accepted
            seen.append("saved" if accepted else {name: box.error for name, box in dialog.boxes.items() if box.error})
            dialog.grab().save(str(Path("/tmp") / f"hub-roster-dialog-{next(_SHOTS)}.png"))
        return dialog.result() == QDialog.DialogCode.Accepted

    run.seen = seen
    return run


def test_people_are_added_changed_and_retired_with_errors_at_their_fields(qtbot, app_fonts, hub):
    db, _paths, _identity = hub
    roster = HubRoster(db)
    tab = RosterTab(roster, True)
    qtbot.addWidget(tab)
    tab.resize(1100, 500)
    tab.show()
    _shown(qtbot, tab)
    assert tab.model.rowCount() == 0 and not tab.edit_button.isEnabled()

    # 新增: a witness without a department, a bad phone: said under the fields, nothing saved; then fixed.
    tab.run_dialog = _fill_and_save([
        {"role": Role.WITNESS, "name": "欧阳秀兰", "unit": "", "phone": "1390377", "committee": "王庄镇王庄村"},
        {"unit": "王庄镇自然资源所", "post": "所长", "phone": "13903775678"}])
    assert tab.add()
    first, second = tab.run_dialog.seen
    assert set(first) == {"unit", "phone"} and "职能部门" in first["unit"]
    assert second == "saved"
    qtbot.waitSignal(tab.loaded, timeout=10000)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10000)
    [added] = roster.people()
    assert (added.committee, added.unit, added.phone) == (WANG, "王庄镇自然资源所", "13903775678")
    assert "已加入人员名单" in tab.message_label.text()

    # A 联村干警 for every village (the form starts as one).
    tab.run_dialog = _fill_and_save([{"name": "张建军", "unit": "王庄镇派出所", "post": "民警", "phone": "13803771234"}])
    assert tab.add()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2, timeout=10000)
    row = next(i for i, p in enumerate(tab.shown) if p.name == "张建军")
    assert tab.model.cell(row, 0).text == "主持人（联村干警）"
    assert tab.model.cell(row, 4).text == "138****1234" and tab.model.cell(row, 5).text == "各村"
    assert all("13803771234" not in tab.model.cell(r, c).text for r in range(2) for c in range(8))
    tab.grab().save("/tmp/hub-roster-tab.png")

    # 修改: the villages it is for are fixed; the version goes up.
    tab.view.selectRow(row)
    assert tab.edit_button.isEnabled()
    tab.run_dialog = _fill_and_save([{"post": "副所长"}])
    assert tab.edit_selected()
    qtbot.waitUntil(lambda: any(p.version == 2 for p in tab.people), timeout=10000)
    police = next(p for p in roster.people() if p.name == "张建军")
    assert (police.post, police.version, police.host_kind) == ("副所长", 2, HostKind.LINK_POLICE)

    # 停用: asked first; then hidden unless 显示已停用的.
    row = next(i for i, p in enumerate(tab.shown) if p.name == "张建军")
    tab.view.selectRow(row)
    tab.confirm_retire = lambda person: False
    tab.retire_selected()
    assert tab.task_write is None and not roster.people()[0].retired
    tab.confirm_retire = lambda person: True
    tab.retire_selected()
    outcome(qtbot, tab.task_write)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=10000)
    assert "已停用" in tab.message_label.text()
    tab.retired_check.setChecked(True)
    assert tab.model.rowCount() == 2
    row = next(i for i, p in enumerate(tab.shown) if p.retired)
    assert tab.model.cell(row, 7).text == "已停用"
    tab.view.selectRow(row)
    assert not tab.edit_button.isEnabled() and not tab.retire_button.isEnabled()
    tab.grab().save("/tmp/hub-roster-tab-retired.png")


def test_the_hub_window_has_the_tab(qtbot, app_fonts, hub, tmp_path):
    db, paths, identity = hub
    HubRoster(db).add(__import__("xinye_desktop.domain.roles", fromlist=["PersonInput"]).PersonInput(
        role=Role.HOST, host_kind=HostKind.LINK_POLICE, name="张建军", unit="王庄镇派出所", phone="13803771234"))
    window = create_window(paths, db, Translations(QApplication.instance()),
                           QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat), None, hub=identity)
    qtbot.addWidget(window)
    window.show()
    index = window.tabs.indexOf(window.roster_tab)
    assert window.tabs.tabText(index) == "人员名单"
    with qtbot.waitSignal(window.roster_tab.loaded, timeout=10000):
        window.tabs.setCurrentIndex(index)
    assert window.roster_tab.model.rowCount() == 1 and window.roster_tab.add_button.isVisible()
    window.grab().save("/tmp/hub-roster-window.png")


def test_a_viewer_is_offered_no_buttons(qtbot, hub):
    db, _paths, _identity = hub
    tab = RosterTab(HubRoster(db), False)
    qtbot.addWidget(tab)
    tab.show()
    _shown(qtbot, tab)
    assert not any(b.isVisible() for b in (tab.add_button, tab.edit_button, tab.retire_button))
