"""修改记录: who changed what in a case, and when (ID numbers and phones masked)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ..services.intake import HistoryEntry
from .i18n import translate


class HistoryDialog(QDialog):
    def __init__(self, case_number: str, entries: list[HistoryEntry], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("HistoryDialog", "修改记录：{number}").format(number=case_number))
        headers = [translate("HistoryDialog", "时间"), translate("HistoryDialog", "操作员"),
                   translate("HistoryDialog", "操作"), translate("HistoryDialog", "项目"),
                   translate("HistoryDialog", "原内容"), translate("HistoryDialog", "新内容")]
        rows = []
        for entry in entries:
            local = entry.at.replace(tzinfo=dt.timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")
            action = translate("HistoryDialog", "登记") if entry.action == "create" else translate("HistoryDialog", "修改")
            operator = entry.operator or translate("History", "未署名")
            if not entry.changes:
                rows.append((local, operator, action, "", "", ""))
            for label, old, new in entry.changes:
                rows.append((local, operator, action, translate("History", label), old, new))
        self.table = QTableWidget(len(rows), len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(str(value)))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(860, 420)
