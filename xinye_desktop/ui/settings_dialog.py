"""调委会设置: the committee's name, the case-number prefix and who is operating the app."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..domain.case_number import format_case_number
from ..domain.errors import ValidationFailed
from ..services.settings import CommitteeSettings, SettingsService
from .i18n import join_list, translate, vtr
from .widgets import FieldBox

CTX = "SettingsDialog"


class SettingsDialog(QDialog):
    def __init__(self, service: SettingsService, current: CommitteeSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self._service = service
        self.saved: CommitteeSettings | None = None
        self.setWindowTitle(translate("SettingsDialog", "调委会设置"))
        self.name_edit = QLineEdit(current.committee_name)
        self.name_edit.setPlaceholderText(translate("SettingsDialog", "如 新野县王庄镇王庄村人民调解委员会"))
        self.prefix_edit = QLineEdit(current.case_prefix)
        self.prefix_edit.setPlaceholderText(translate("SettingsDialog", "如 新王"))
        self.operator_edit = QLineEdit(current.operator)
        self.interval_edit = QLineEdit(str(current.visit_interval_days))
        self.interval_edit.setMaximumWidth(self.interval_edit.fontMetrics().horizontalAdvance("0000") + 24)
        self.example_label = QLabel()
        self.boxes = {"committee_name": FieldBox(self.name_edit), "case_prefix": FieldBox(self.prefix_edit),
                      "operator": FieldBox(self.operator_edit),
                      "visit_interval_days": FieldBox(self.interval_edit)}
        form = QFormLayout()
        form.addRow(translate("SettingsDialog", "人民调解委员会名称"), self.boxes["committee_name"])
        form.addRow(translate("SettingsDialog", "案号前缀"), self.boxes["case_prefix"])
        form.addRow("", self.example_label)
        form.addRow(translate("SettingsDialog", "当前操作员"), self.boxes["operator"])
        form.addRow(translate("SettingsDialog", "协议生效后回访（天）"), self.boxes["visit_interval_days"])
        local_types = service.local_dispute_types()
        self.local_types_label = QLabel(join_list(
            translate("SettingsDialog", "{name}（归入{category}）").format(name=t.name, category=vtr(t.category.label))
            for t in local_types) if local_types else translate("SettingsDialog", "没有（司法所的回执包可以下发）"))
        self.local_types_label.setWordWrap(True)
        self.local_types_label.setToolTip(translate("SettingsDialog", "由司法所的回执包下发，这里不能修改；受理登记时列在所归类别的下面。"))
        form.addRow(translate("SettingsDialog", "纠纷类型细目"), self.local_types_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.prefix_edit.textChanged.connect(self._update_example)
        self._update_example()
        # The wrapped list of local types needs its height at this width (a size hint does not ask for it).
        self.resize(520, max(self.sizeHint().height(), layout.totalHeightForWidth(520)))

    def _update_example(self) -> None:
        import datetime as dt

        self.example_label.setText(translate("SettingsDialog", "案号示例：{example}").format(
            example=format_case_number(dt.date.today().year, self.prefix_edit.text().strip() or "?", 1)))

    def accept(self) -> None:
        wanted = CommitteeSettings(self.name_edit.text(), self.prefix_edit.text(), self.operator_edit.text(),
                                   self.interval_edit.text().strip())
        try:
            self.saved = self._service.save(wanted)
        except ValidationFailed as failed:
            errors = {e.field: translate("Validation", e.message).format(**e.params) for e in failed.errors}
            for key, box in self.boxes.items():
                box.set_error(errors.get(key, ""))
            return
        super().accept()
