"""人员名单: the hub's roster of role people for its villages (services/hub/roster.py) — the 联村干警 and the
见证人 of the township's departments, for every village or for one committee, sent down in the next return
packages, where each village takes them into its own 主持人·见证人·记录人名单. Phones masked in the table;
新增… and 修改… open the village's own person form (ui/elder_dialog.PersonDialog, its errors under each field)
with the villages it is for; 停用… retires (kept, never deleted, and retired at the villages too)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from ...domain.roles import HostKind, PersonInput, Role
from ..elder_dialog import PersonDialog
from ..i18n import translate, vtr
from ..tasks import run_task
from ..widgets import Cell, FieldBox, RowsModel, error_text, rows_view, selected_row
from .common import HubTab, committee_cell, short_committee

ROSTER_ROLES = (Role.HOST, Role.WITNESS)


def scope_key(committee_id: str | None, township: str = "") -> str:
    """The combo's data for the villages a person is for: "" every village, "t:王庄镇", "c:<committee id>"."""
    return f"c:{committee_id}" if committee_id else f"t:{township}" if township else ""


class RosterPersonDialog(PersonDialog):
    """The village's person form with the villages the person is for (各村, a township's villages where the hub
    has more than one township, or one committee): chosen when added, shown but fixed when edited (to move
    someone: 停用 and add again). ``save(data, committee=…, township=…)``."""

    def __init__(self, save, *, initial: PersonInput, committees: list[dict], scope: str = "",
                 editing: bool = False, parent: QWidget | None = None):
        # The combo is read when 保存 is pressed, after it is made below.
        super().__init__(lambda data: save(data, **self.scope()), initial=initial, roles=ROSTER_ROLES, parent=parent)
        self.committee_combo = QComboBox()
        self.committee_combo.addItem(translate("HubRosterTab", "各村（全部调委会）"), "")
        townships = sorted({c.get("township") or "" for c in committees} - {""})
        if len(townships) > 1:
            for township in townships:
                self.committee_combo.addItem(translate("HubRosterTab", "{township}各村").format(township=township),
                                             scope_key(None, township))
        for committee in committees:
            self.committee_combo.addItem(short_committee(committee["name"]), scope_key(committee["id"]))
        self.setWindowTitle(translate("HubRosterTab", "修改人员") if editing else translate("HubRosterTab", "新增人员"))
        self.committee_combo.setCurrentIndex(max(0, self.committee_combo.findData(scope)))
        self.committee_combo.setEnabled(not editing)
        self.boxes["committee"] = FieldBox(self.committee_combo)
        self.boxes["township"] = self.boxes["committee"]
        self.form.addRow(translate("HubRosterTab", "发给"), self.boxes["committee"])
        hint = QLabel(translate("HubRosterTab", "保存后随下一批回执包发给所选的村，村里导入后出现在它的主持人、见证人名单里。"))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.layout().insertWidget(self.layout().count() - 1, hint)

    def scope(self) -> dict:
        key = self.committee_combo.currentData() or ""
        kind, _, value = key.partition(":")
        return {"committee": value if kind == "c" else None, "township": value if kind == "t" else None}


class RosterTab(HubTab):
    changed = Signal()  # a person added, changed or retired

    def __init__(self, roster, may_edit: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._roster = roster
        self.people: list = []
        self.shown: list = []
        self.committees: list[dict] = []
        self.task_write = None
        self.run_dialog = lambda dialog: dialog.exec()  # tests replace it
        self.confirm_retire = self._confirm_retire
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.retired_check = QCheckBox()
        self.retired_check.toggled.connect(lambda _on: self._show())
        self.model = RowsModel()
        self.view = rows_view(self.model)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected() if may_edit else None)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._buttons())
        self.add_button = QPushButton(clicked=self.add)
        self.edit_button = QPushButton(clicked=self.edit_selected)
        self.retire_button = QPushButton(clicked=self.retire_selected)
        for button in (self.add_button, self.edit_button, self.retire_button):
            button.setVisible(may_edit)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.intro_label, 1)
        top.addWidget(self.retired_check)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        for button in (self.add_button, self.edit_button, self.retire_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message_label)
        self.retranslate()
        self._buttons()

    # -- loading --------------------------------------------------------------------------------------------
    def load(self):
        return self._roster.people(include_retired=True), self._roster.committees()

    def show_loaded(self, result) -> None:
        self.people, self.committees = result
        self._show()

    def show_error(self, text: str) -> None:
        self.people, self.shown = [], []
        self.model.set_rows([])
        self._say(text, error=True)
        self._buttons()

    def _show(self) -> None:
        self.shown = [p for p in self.people if self.retired_check.isChecked() or not p.retired]
        rows = []
        for person in self.shown:
            role = vtr(person.role.label)
            if person.host_kind is not None:
                role += translate("HubRosterTab", "（{kind}）").format(kind=vtr(person.host_kind.label))
            grey = {"colour": "#808080"} if person.retired else {}
            scope = (committee_cell(person.committee, **grey) if person.committee_id
                     else Cell(self._where(person), **grey))
            rows.append([Cell(role, **grey), Cell(person.name, **grey), Cell(person.unit, **grey),
                         Cell(person.post, **grey), Cell(person.masked_phone, **grey), scope,
                         Cell(str(person.version), **grey),
                         Cell(translate("HubRosterTab", "已停用") if person.retired
                              else translate("HubRosterTab", "在用"), **grey)])
        self.model.set_rows(rows)
        self.count_label.setText(translate("HubRosterTab", "共 {n} 人在用，{retired} 人已停用").format(
            n=sum(not p.retired for p in self.people), retired=sum(p.retired for p in self.people)))
        self._buttons()

    def selected(self):
        index = selected_row(self.view)
        return self.shown[index] if index is not None and index < len(self.shown) else None

    def _buttons(self) -> None:
        person = self.selected()
        self.edit_button.setEnabled(person is not None and not person.retired)
        self.retire_button.setEnabled(person is not None and not person.retired)

    # -- writing ------------------------------------------------------------------------------------------------
    def add(self) -> bool:
        dialog = RosterPersonDialog(lambda data, **scope: self._roster.add(data, scope["committee"],
                                                                          township=scope["township"]),
                                    initial=PersonInput(role=Role.HOST, host_kind=HostKind.LINK_POLICE),
                                    committees=self.committees, parent=self)
        if not self.run_dialog(dialog) or dialog.saved is None:
            return False
        self._written(translate("HubRosterTab", "已加入人员名单：{name}，下次生成回执包时发给{where}。").format(
            name=dialog.saved.name, where=self._where(dialog.saved)))
        return True

    def edit_selected(self) -> bool:
        person = self.selected()
        if person is None or person.retired:
            return False
        dialog = RosterPersonDialog(lambda data, **_scope: self._roster.edit(person.id, data),
                                    initial=person.as_input(), committees=self.committees,
                                    scope=scope_key(person.committee_id, person.township), editing=True, parent=self)
        if not self.run_dialog(dialog) or dialog.saved is None:
            return False
        self._written(translate("HubRosterTab", "已保存：{name}（第 {version} 版），下次回执包会更新{where}的名单。").format(
            name=dialog.saved.name, version=dialog.saved.version, where=self._where(dialog.saved)))
        return True

    def _confirm_retire(self, person) -> bool:
        answer = QMessageBox.question(
            self, translate("HubRosterTab", "停用"),
            translate("HubRosterTab", "停用{name}后，下次回执包会让{where}也停用此人（已参与的案件记录不变，名单里仍保留）。"
                                      "确定停用吗？").format(name=person.name, where=self._where(person)))
        return answer == QMessageBox.StandardButton.Yes

    def retire_selected(self) -> None:
        person = self.selected()
        if person is None or person.retired or not self.confirm_retire(person):
            return
        self.task_write = run_task(
            self._roster.retire, person.id, owner=self, name="hub-roster-retire",
            on_done=lambda retired: self._written(translate("HubRosterTab", "{name}已停用。").format(name=retired.name)),
            on_error=lambda error: self._say(translate("HubRosterTab", "没有停用：{reason}").format(
                reason=error_text(error)), error=True))

    def _where(self, person) -> str:
        if person.committee_id:
            return short_committee(person.committee)
        if person.township:
            return translate("HubRosterTab", "{township}各村").format(township=person.township)
        return translate("HubRosterTab", "各村")

    def _written(self, message: str) -> None:
        self._say(message)
        self.changed.emit()
        self.refresh()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message_label.setStyleSheet("color: #b00020;" if error else "")
        self.message_label.setText(text)

    def retranslate(self) -> None:
        self.intro_label.setText(translate(
            "HubRosterTab", "这里登记的联村干警和各职能部门（派出所、自然资源所、农业服务中心、民政所等）的见证人，"
                            "随回执包发给各村，村里不用再逐个录入。电话只显示部分号码。"))
        self.retired_check.setText(translate("HubRosterTab", "显示已停用的"))
        self.add_button.setText(translate("HubRosterTab", "新增…"))
        self.edit_button.setText(translate("HubRosterTab", "修改…"))
        self.retire_button.setText(translate("HubRosterTab", "停用…"))
        self.model.set_headers([translate("HubRosterTab", "角色"), translate("HubRosterTab", "姓名"),
                                translate("HubRosterTab", "单位/部门"), translate("HubRosterTab", "职务"),
                                translate("HubRosterTab", "电话"), translate("HubRosterTab", "发给"),
                                translate("HubRosterTab", "版本"), translate("HubRosterTab", "状态")])
        if self.people:
            self._show()
