"""设为司法所 / 司法局: the first start with ``--hub`` in a data folder that is not a hub yet (the administrator,
once): the office it is, its area and name (services/hub/setup.HubSetup.set_up); then hub-key.txt, the key
the villages encrypt their packages to, is written into the data folder for the clerk to hand out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout,
    QWidget,
)

from ...domain.hub import HubMode
from ..i18n import translate, vtr
from ..widgets import FieldBox, error_text, set_minimum_width


class HubSetupDialog(QDialog):
    def __init__(self, setup, data_root: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self._setup = setup
        self._root = Path(data_root)
        self.identity = None
        self.key_file: Path | None = None
        self.setWindowTitle(translate("HubSetupDialog", "设置为司法所或司法局"))
        set_minimum_width(self, 620)
        intro = QLabel(translate("HubSetupDialog", "这台电脑用来汇总各村的报送包。请选择它是哪一级、管辖哪里。设置后不能更改。"))
        intro.setWordWrap(True)
        self.mode_buttons = QButtonGroup(self)
        modes = QHBoxLayout()
        modes.setContentsMargins(0, 0, 0, 0)
        for mode in HubMode:
            button = QRadioButton(vtr(mode.label))
            button.setProperty("code", mode.value)
            self.mode_buttons.addButton(button)
            modes.addWidget(button)
        modes.addStretch(1)
        self.mode_buttons.buttons()[0].setChecked(True)
        modes_widget = QWidget()
        modes_widget.setLayout(modes)
        self.area_edit = QLineEdit()
        self.area_edit.setPlaceholderText(translate("HubSetupDialog", "如 新野县王庄镇（司法所）或 新野县（司法局）"))
        self.area_box = FieldBox(self.area_edit)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(translate("HubSetupDialog", "不填则为 王庄镇司法所 这样的名称"))
        form = QFormLayout()
        form.addRow(translate("HubSetupDialog", "级别"), modes_widget)
        form.addRow(translate("HubSetupDialog", "辖区"), self.area_box)
        form.addRow(translate("HubSetupDialog", "名称"), self.name_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("HubSetupDialog", "设置"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("HubSetupDialog", "取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def mode(self) -> HubMode:
        return HubMode(self.mode_buttons.checkedButton().property("code"))

    def accept(self) -> None:
        area = self.area_edit.text().strip()
        if not area:
            self.area_box.set_error(translate("HubSetupDialog", "请填写辖区，如 新野县王庄镇。"))
            return
        try:
            self.identity = self._setup.set_up(self.mode(), area, self.name_edit.text().strip())
        except Exception as error:  # noqa: BLE001 - a wrong area (Refused) or a refused role: said at the field
            self.area_box.set_error(error_text(error))
            return
        from ...services.hub import KEY_FILE_NAME

        self.key_file = self._setup.write_key_file(self._root / KEY_FILE_NAME)
        super().accept()
