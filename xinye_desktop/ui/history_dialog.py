"""修改记录: who changed what in a case, and when (ID numbers and phones masked)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QVBoxLayout, QWidget

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
            local = entry.at.replace(tzinfo=dt.timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M")
            action = self.action_label(entry.action)
            operator = entry.operator or translate("History", "未署名")
            if not entry.changes:
                rows.append((local, operator, action, "", "", ""))
            for label, old, new in entry.changes:
                rows.append((local, operator, action, translate("History", label), old, new))
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
        labels = {
            "create": translate("HistoryDialog", "登记"), "update": translate("HistoryDialog", "修改"),
            "elder_propose": translate("HistoryDialog", "提名明白人"),
            "elder_answer": translate("HistoryDialog", "当事人表态"),
            "elder_relation": translate("HistoryDialog", "申报关系"),
            "elder_confirm": translate("HistoryDialog", "确认回避情形"),
            "elder_end": translate("HistoryDialog", "回避或撤回"),
            "role_add": translate("HistoryDialog", "添加人员"), "role_remove": translate("HistoryDialog", "移除人员"),
            "session_start": translate("HistoryDialog", "开始调解"), "session_finish": translate("HistoryDialog", "结束调解"),
            "agreement_new": translate("HistoryDialog", "协议新版本"),
            "agreement_print": translate("HistoryDialog", "打印协议"),
            "agreement_sign": translate("HistoryDialog", "协议签署"), "effect": translate("HistoryDialog", "协议生效"),
            "status": translate("HistoryDialog", "更改状态"), "performance": translate("HistoryDialog", "履行情况"),
            "confirmation_apply": translate("HistoryDialog", "申请司法确认"),
            "confirmation_decide": translate("HistoryDialog", "司法确认裁定"),
            "visit_plan": translate("HistoryDialog", "安排回访"), "visit_record": translate("HistoryDialog", "回访"),
            "visit_correct": translate("HistoryDialog", "更正回访"), "visit_cancel": translate("HistoryDialog", "取消回访"),
            "status_snapshot": translate("HistoryDialog", "升级时的状态"),
            "prevention": translate("HistoryDialog", "防止纠纷激化"),
        }
        return labels.get(action, action)
