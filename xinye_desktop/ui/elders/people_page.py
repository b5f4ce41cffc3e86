"""主持人·见证人·记录人名单: the people chosen again and again for cases, kept once.

The people the 司法所's return packages brought (联村干警, the departments' 见证人) say so in 来源. A person the
village typed itself with the same role and name as one of them is marked 可能重复 (domain.roles.roster_twins):
the clerk checks and retires the village's row where it is the same person. Nothing is merged for them."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...domain.identity import mask_phone
from ...domain.roles import PersonInput, Role
from ..elder_dialog import PersonDialog
from ..i18n import Retranslating, translate, vtr
from ..widgets import Cell, EnumCombo, NoticeLabel, RowsModel, rows_view, selected_row
from .common import run_dialog


class PeoplePage(Retranslating, QWidget):
    """主持人、见证人、记录人名单: the people chosen again and again, kept once."""

    changed = Signal()

    def __init__(self, people, parent=None):
        super().__init__(parent)
        self._people = people
        self.run_dialog = run_dialog
        self.rows = []
        self.from_hub: frozenset[str] = frozenset()  # uuids of the people the 司法所's roster brought
        self.twins: dict = {}  # village person id -> the roster's person it may be
        self._twin_notice = False  # the message says the twins (a newer notice of an action replaces it)
        self._loaded = False
        self.role = EnumCombo(Role, placeholder=True)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.show_retired = QCheckBox()
        self.model = RowsModel()
        self.table = rows_view(self.model)
        self.table.doubleClicked.connect(self.edit_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.add_button = QPushButton(clicked=self.add)
        self.edit_button = QPushButton(clicked=self.edit_selected)
        self.retire_button = QPushButton(clicked=self.toggle_retired)
        self.message = NoticeLabel()
        self.role_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.role_label)
        top.addWidget(self.role)
        top.addWidget(self.search, 1)
        top.addWidget(self.show_retired)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._search_timer = QTimer(self, singleShot=True, interval=200, timeout=self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        self.role.currentIndexChanged.connect(self.refresh)
        self.show_retired.toggled.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.role_label.setText(translate("PeoplePage", "角色："))
        self.role.retranslate(translate("PeoplePage", "全部"))
        self.search.setPlaceholderText(translate("PeoplePage", "按姓名、拼音首字母或单位查找"))
        self.show_retired.setText(translate("PeoplePage", "显示已停用的"))
        self.model.set_headers([
            translate("PeoplePage", "角色"), translate("PeoplePage", "姓名"), translate("PeoplePage", "单位/部门"),
            translate("PeoplePage", "职务"), translate("PeoplePage", "电话"), translate("PeoplePage", "来源"),
            translate("PeoplePage", "状态")])
        self.add_button.setText(translate("PeoplePage", "新增…"))
        self.edit_button.setText(translate("PeoplePage", "修改…"))
        if self._loaded:
            self._show_rows()  # the rows carry vocabulary labels too; the rows read stay as they are
        self._update_buttons()

    def refresh(self) -> None:
        """Read the list for the filters, then show it."""
        self._loaded = True
        self.rows = self._people.people(self.role.current(), include_retired=self.show_retired.isChecked(),
                                        text=self.search.text())
        self.from_hub, self.twins = self._people.from_hub()
        self._show_rows()

    def _show_rows(self) -> None:
        """The people already read, in the interface language: no database read."""
        rows = []
        for person in self.rows:
            role = vtr(person.role.label)
            if person.host_kind is not None:
                role += f"（{vtr(person.host_kind.label)}）"
            source = (translate("PeoplePage", "司法所名单") if person.uuid in self.from_hub
                      else translate("PeoplePage", "本村录入"))
            values = [role, person.name, person.unit, person.post, mask_phone(person.phone), source]
            colour = "#808080" if person.retired else ""
            cells = [Cell(v, colour=colour) for v in values]
            twin = self.twins.get(person.id)
            if person.retired:
                cells.append(Cell(translate("PeoplePage", "已停用"), colour=colour))
            elif twin is not None:
                cells.append(Cell(translate("PeoplePage", "可能重复"), colour="#a15c00", tooltip=translate(
                    "PeoplePage", "司法所名单中也有{role}{name}（{unit}）：是同一个人的，停用本村录入的这一条。").format(
                    role=vtr(twin.role.label), name=twin.name, unit=twin.unit or "—")))
            else:
                cells.append(Cell(translate("PeoplePage", "可选用")))
            rows.append(cells)
        self.model.set_rows(rows)
        if self.twins:
            self.message.show_notice("warning", translate(
                "PeoplePage", "本村录入的 {n} 人与司法所名单中的人同名、同角色（状态为“可能重复”）：请核对，是同一个人的，"
                              "选中本村录入的那一条点“停用”（已参与的案件记录不变）。").format(n=len(self.twins)))
            self._twin_notice = True
        elif self._twin_notice:
            self.message.show_notice("ok", "")
            self._twin_notice = False
        self._update_buttons()

    def _say(self, kind: str, text: str) -> None:
        """A notice of what was just done; it stands in for the twins' notice (their rows still say 可能重复)."""
        self.message.show_notice(kind, text)
        self._twin_notice = False

    def selected(self):
        row = selected_row(self.table)
        return None if row is None else self.rows[row]

    def _update_buttons(self) -> None:
        person = self.selected()
        self.edit_button.setEnabled(person is not None)
        self.retire_button.setEnabled(person is not None)
        self.retire_button.setText(translate("PeoplePage", "恢复选用") if person is not None and person.retired
                                   else translate("PeoplePage", "停用"))

    def add(self) -> bool:
        dialog = PersonDialog(self._people.add, initial=PersonInput(role=self.role.current()), parent=self)
        if not self.run_dialog(dialog) or dialog.saved is None:
            return False
        self.refresh()
        self._say("ok", translate("PeoplePage", "已加入名单：{name}").format(name=dialog.saved.name))
        self.changed.emit()
        return True

    def edit_selected(self) -> bool:
        person = self.selected()
        if person is None:
            return False
        dialog = PersonDialog(lambda data: self._people.update(person.id, data), initial=PersonInput.from_person(person),
                              parent=self)
        if not self.run_dialog(dialog) or dialog.saved is None:
            return False
        self.refresh()
        self.changed.emit()
        return True

    def toggle_retired(self) -> bool:
        person = self.selected()
        if person is None:
            return False
        self._people.set_retired(person.id, not person.retired)
        self.refresh()
        self._say("ok", translate("PeoplePage", "{name}已停用，不再出现在选择列表中；已参与的案件记录不变。")
                  .format(name=person.name) if not person.retired
                  else translate("PeoplePage", "{name}已恢复选用。").format(name=person.name))
        self.changed.emit()
        return True
