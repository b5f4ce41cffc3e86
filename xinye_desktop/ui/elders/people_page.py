"""主持人·见证人·记录人名单: the people chosen again and again for cases, kept once."""

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
            translate("PeoplePage", "职务"), translate("PeoplePage", "电话"), translate("PeoplePage", "状态")])
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
        self._show_rows()

    def _show_rows(self) -> None:
        """The people already read, in the interface language: no database read."""
        rows = []
        for person in self.rows:
            role = vtr(person.role.label)
            if person.host_kind is not None:
                role += f"（{vtr(person.host_kind.label)}）"
            values = [role, person.name, person.unit, person.post, mask_phone(person.phone),
                      translate("PeoplePage", "已停用") if person.retired else translate("PeoplePage", "可选用")]
            rows.append([Cell(v, colour="#808080" if person.retired else "") for v in values])
        self.model.set_rows(rows)
        self._update_buttons()

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
        self.message.show_notice("ok", translate("PeoplePage", "已加入名单：{name}").format(name=dialog.saved.name))
        self.refresh()
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
        self.message.show_notice("ok", translate("PeoplePage", "{name}已停用，不再出现在选择列表中；已参与的案件记录不变。")
                                 .format(name=person.name) if not person.retired
                                 else translate("PeoplePage", "{name}已恢复选用。").format(name=person.name))
        self.refresh()
        self.changed.emit()
        return True
