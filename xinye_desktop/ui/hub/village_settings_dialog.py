"""文件 → 下发给各村的设置…: what the hub's next return packages tell its villages (services/hub/returns.py
``set_village_settings``, as the ``hub-settings`` command): the case-number prefix and the return-visit
interval. A field left empty is not sent, and each village keeps its own. A bad value is said under its field,
nothing saved (the same checks as the village's own settings)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...domain.errors import Refused
from ..i18n import translate, translate_message
from ..widgets import FieldBox, set_minimum_width


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
        form = QFormLayout()
        form.addRow(translate("HubVillageSettings", "案号前缀："), self.prefix_box)
        form.addRow(translate("HubVillageSettings", "回访间隔（天）："), self.interval_box)
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
        set_minimum_width(self, 480)

    def save(self) -> None:
        """Each field checked on its own first (so that each error stands under its field), then both saved
        in one transaction; nothing saved while one is refused."""
        self.prefix_box.set_error("")
        self.interval_box.set_error("")
        prefix, interval = self.prefix_edit.text(), self.interval_edit.text()
        refused = False
        for box, call in ((self.prefix_box, lambda: self._returns.check_village_settings(case_prefix=prefix)),
                          (self.interval_box, lambda: self._returns.check_village_settings(
                              visit_interval_days=interval))):
            try:
                call()
            except Refused as refusal:
                box.set_error(translate_message(refusal.message).format(**refusal.params))
                refused = True
        if refused:
            return
        try:
            self.saved = self._returns.set_village_settings(case_prefix=prefix, visit_interval_days=interval)
        except Refused as refusal:
            self.message.setText(translate_message(refusal.message).format(**refusal.params))
            return
        self.accept()
