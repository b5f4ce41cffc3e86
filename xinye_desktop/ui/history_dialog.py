"""修改记录: who changed what in a case, and when (ID numbers and phones masked); above it, the 司法所's review
of the case where its return package brought one (issue 16 item 4)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QVBoxLayout, QWidget

from ..domain.history import action_label, field_label
from ..domain.times import local_time
from ..domain.hub import ReviewDecision
from ..services.intake import HistoryEntry
from .i18n import translate, vtr
from .widgets import RowsModel, rows_view

if TYPE_CHECKING:  # the exchange's modules load when a return is imported, not with this dialog
    from ..services.exchange.returns_import import HubDecision


class HistoryDialog(QDialog):
    def __init__(self, case_number: str, entries: list[HistoryEntry], parent: QWidget | None = None, *,
                 decisions: "list[HubDecision]" = ()):
        super().__init__(parent)
        self.review_label = QLabel()
        self.review_label.setWordWrap(True)
        self.review_label.setTextFormat(Qt.TextFormat.PlainText)
        self.review_label.setText("\n".join(self.decision_text(d) for d in decisions))
        self.review_label.setVisible(bool(decisions))
        if any(d.decision is ReviewDecision.RETURNED for d in decisions):
            self.review_label.setStyleSheet("color: #a61b1b;")
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
        layout.addWidget(self.review_label)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(860, 420)

    @staticmethod
    def decision_text(decision: HubDecision) -> str:
        """司法所审查（新野县王庄镇司法所，2026-12-07 10:30，刘晓红）：退回；以案定补 一般；理由：……"""
        who = "，".join(part for part in (decision.office, local_time(decision.reviewed_at), decision.reviewed_by) if part)
        parts = [vtr(decision.decision.label) if decision.decision else translate("HistoryDialog", "已评级")]
        if decision.grade is not None:
            parts.append(translate("HistoryDialog", "以案定补 {grade}").format(grade=vtr(decision.grade.label)))
        if decision.reason:
            parts.append(translate("HistoryDialog", "理由：{reason}").format(reason=decision.reason))
        elif decision.reason_withheld:
            parts.append(translate("HistoryDialog", "理由没有随回执包发来，请向司法所询问"))
        return translate("HistoryDialog", "司法所审查（{who}）：{what}").format(who=who, what="；".join(parts))

    @staticmethod
    def action_label(action: str) -> str:
        return action_label(action, translate)
