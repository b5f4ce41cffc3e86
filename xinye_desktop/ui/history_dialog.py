"""修改记录: who changed what in a case, and when (ID numbers and phones masked)."""

from __future__ import annotations


from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QVBoxLayout, QWidget

from ..domain.history import action_label, field_label
from ..domain.times import local_time
from ..services.intake import HistoryEntry
from .i18n import translate
from .widgets import RowsModel, rows_view


class HistoryDialog(QDialog):
    def __init__(self, case_number: str, entries: list[HistoryEntry], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(translate("HistoryDialog", "修改记录：{number}").format(number=case_number))
        headers = [translate("HistoryDialog", "时间"), translate("HistoryDialog", "操作员"),
                   translate("HistoryDialog", "操作"), translate("HistoryDialog", "项目"),
                   translate("HistoryDialog", "原内容"), translate("HistoryDialog", "新内容")]
        rows = []
        for entry in entries:
            local = local_time(entry.at)
            action = self.action_label(entry.action)
            operator = entry.operator or translate("History", "未署名")
            if not entry.changes:
                rows.append((local, operator, action, "", "", ""))
            for label, old, new in entry.changes:
                rows.append((local, operator, action, field_label(label, translate), old, new))
        self.model = RowsModel(headers)
        self.model.set_rows([[str(v) for v in row] for row in rows])
        self.table = rows_view(self.model)
        self.table.setSelectionMode(self.table.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(860, 420)

    @staticmethod
    def action_label(action: str) -> str:
        return action_label(action, translate)
