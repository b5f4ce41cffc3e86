"""文件 → 下发给各村的设置…: what the hub's next return packages tell its villages (services/hub/returns.py
``set_village_settings``, as the ``hub-settings`` command): the case-number prefix, the return-visit
interval, and the local dispute types (纠纷类型细目, domain/dispute_types.py) each filed under one of the 15
categories. A field left empty is not sent, and each village keeps its own; the local types, once sent, are
sent as the table holds them (emptied: the villages drop theirs). A bad value is said under its field, nothing
saved (the same checks as the village's own settings)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...domain.enums import DisputeType
from ...domain.errors import Refused
from ..i18n import translate, translate_message
from ..widgets import EnumCombo, FieldBox, set_minimum_width


class VillageSettingsDialog(QDialog):
    def __init__(self, returns, parent: QWidget | None = None):
        super().__init__(parent)
        self._returns = returns
        self.saved: dict | None = None
        self.setWindowTitle(translate("HubVillageSettings", "下发给各村的设置"))
        current = returns.village_settings()
        intro = QLabel(translate("HubVillageSettings", "这里的设置随下一批回执包发给各村，村里导入后生效。留空的项不下发，各村保留自己的设置。"))
        intro.setWordWrap(True)
        self.prefix_edit = QLineEdit(str(current.get("case_prefix", "")))
        self.prefix_edit.setPlaceholderText(translate("HubVillageSettings", "如 新（案号：（2026）新调字第001号）"))
        self.prefix_box = FieldBox(self.prefix_edit)
        self.interval_edit = QLineEdit(str(current.get("visit_interval_days", "")))
        self.interval_edit.setPlaceholderText(translate("HubVillageSettings", "如 30"))
        self.interval_box = FieldBox(self.interval_edit)
        self._types_were_sent = "dispute_types" in current
        self.types_table = QTableWidget(0, 2)
        self.types_table.setHorizontalHeaderLabels([translate("HubVillageSettings", "细目名称"),
                                                    translate("HubVillageSettings", "归入统计类别")])
        self.types_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.types_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.types_table.verticalHeader().setVisible(False)
        self.types_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.types_table.setMinimumHeight(160)
        for entry in current.get("dispute_types", []):
            self.add_type_row(entry["name"], DisputeType(entry["category"]))
        self.add_type_button = QPushButton(translate("HubVillageSettings", "添加一项"))
        self.add_type_button.clicked.connect(lambda: self.add_type_row())
        self.remove_type_button = QPushButton(translate("HubVillageSettings", "删除所选"))
        self.remove_type_button.clicked.connect(self.remove_selected_types)
        type_buttons = QHBoxLayout()
        type_buttons.addWidget(self.add_type_button)
        type_buttons.addWidget(self.remove_type_button)
        type_buttons.addStretch(1)
        types_hint = QLabel(translate("HubVillageSettings", "月报仍按 15 类统计；细目列在它所归的类别下面，村里选细目时，"
                                                            "案件记为该类别，细目名称记为类型说明。"))
        types_hint.setWordWrap(True)
        self.types_box = FieldBox(self.types_table)
        form = QFormLayout()
        form.addRow(translate("HubVillageSettings", "案号前缀："), self.prefix_box)
        form.addRow(translate("HubVillageSettings", "回访间隔（天）："), self.interval_box)
        form.addRow(translate("HubVillageSettings", "纠纷类型细目："), types_hint)
        form.addRow("", self.types_box)
        form.addRow("", type_buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(translate("HubVillageSettings", "保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(translate("HubVillageSettings", "取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        set_minimum_width(self, 560)

    def add_type_row(self, name: str = "", category: DisputeType | None = None) -> None:
        row = self.types_table.rowCount()
        self.types_table.insertRow(row)
        self.types_table.setItem(row, 0, QTableWidgetItem(name))
        combo = EnumCombo(DisputeType, placeholder=True)
        combo.retranslate(translate("HubVillageSettings", "请选择"))
        combo.set_current(category)
        self.types_table.setCellWidget(row, 1, combo)
        if not name:
            self.types_table.setCurrentCell(row, 0)
            self.types_table.editItem(self.types_table.item(row, 0))

    def remove_selected_types(self) -> None:
        for row in sorted({index.row() for index in self.types_table.selectedIndexes()}, reverse=True):
            self.types_table.removeRow(row)

    def type_entries(self) -> list[tuple[str, DisputeType | None]] | None:
        """The table's (name, category) pairs, rows left wholly empty skipped; None where nothing is to be
        sent (an empty table on a hub that never sent a list)."""
        entries = []
        for row in range(self.types_table.rowCount()):
            item = self.types_table.item(row, 0)
            name = item.text() if item is not None else ""
            category = self.types_table.cellWidget(row, 1).current()
            if name.strip() or category is not None:
                entries.append((name, category))
        if not entries and not self._types_were_sent:
            return None
        return entries

    def save(self) -> None:
        """Each field checked on its own first (so that each error stands under its field), then both saved
        in one transaction; nothing saved while one is refused."""
        self.prefix_box.set_error("")
        self.interval_box.set_error("")
        self.types_box.set_error("")
        prefix, interval, types = self.prefix_edit.text(), self.interval_edit.text(), self.type_entries()
        refused = False
        for box, call in ((self.prefix_box, lambda: self._returns.check_village_settings(case_prefix=prefix)),
                          (self.interval_box, lambda: self._returns.check_village_settings(
                              visit_interval_days=interval)),
                          (self.types_box, lambda: self._returns.check_village_settings(dispute_types=types))):
            try:
                call()
            except Refused as refusal:
                box.set_error(translate_message(refusal.message).format(**refusal.params))
                refused = True
        if refused:
            self.adjustSize()  # room for the messages (a wrapped one under the table would overlap it)
            return
        try:
            self.saved = self._returns.set_village_settings(case_prefix=prefix, visit_interval_days=interval,
                                                            dispute_types=types)
        except Refused as refusal:
            self.message.setText(translate_message(refusal.message).format(**refusal.params))
            return
        self.accept()
