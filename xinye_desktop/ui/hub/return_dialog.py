"""生成回执包: the hub's return package per village committee (services/hub/returns.HubReturns): the
acknowledgement (the village's next package carries only what is new), the review decisions, the settings
set for the villages and optionally a new installer, signed by the hub; written to a folder (a USB drive).
The villages that report through their 司法所 are not offered (their 司法所 sends their returns): a note says
how many, and which."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QProgressBar,
    QPushButton, QVBoxLayout, QWidget,
)

from ..i18n import translate
from ..tasks import run_task
from ..widgets import Cell, FieldBox, RowsModel, error_text, rows_view, set_minimum_width
from .common import committee_cell, short_committee


class ReturnDialog(QDialog):
    def __init__(self, returns, parent: QWidget | None = None):
        super().__init__(parent)
        self._returns = returns
        self.task = None
        self.written = []
        self.choose_folder = lambda: QFileDialog.getExistingDirectory(self, translate("HubReturnDialog", "回执包存到哪里"))
        self.choose_installer = lambda: QFileDialog.getOpenFileName(self, translate("HubReturnDialog", "选择新版安装程序"))[0]
        self.setWindowTitle(translate("HubReturnDialog", "生成回执包"))
        set_minimum_width(self, 760)

        intro = QLabel(translate("HubReturnDialog", "给每个调委会生成一个回执包（如 王庄村-回执-2026-12.xdr），拷到 U 盘带回村里，"
                                                    "在村里的电脑上导入。回执包里有：已收到哪些记录、审查意见、统一设置，可以附带新版安装程序。"))
        intro.setWordWrap(True)
        self.relayed_label = QLabel()  # the villages left out: their 司法所 sends their returns
        self.relayed_label.setWordWrap(True)
        self.relayed_label.setVisible(False)
        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        self.folder_button = QPushButton(translate("HubReturnDialog", "选择文件夹…"))
        self.folder_button.clicked.connect(self._pick_folder)
        folder_row = QHBoxLayout()
        folder_row.setContentsMargins(0, 0, 0, 0)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        folder_widget = QWidget()
        folder_widget.setLayout(folder_row)
        self.folder_box = FieldBox(folder_widget)
        self.committee_combo = QComboBox()
        self.committee_combo.addItem(translate("HubReturnDialog", "全部调委会"), None)
        self.installer_edit = QLineEdit()
        self.installer_edit.setReadOnly(True)
        self.installer_edit.setPlaceholderText(translate("HubReturnDialog", "不附带"))
        self.installer_button = QPushButton(translate("HubReturnDialog", "选择安装程序…"))
        self.installer_button.clicked.connect(self._pick_installer)
        self.clear_installer_button = QPushButton(translate("HubReturnDialog", "不附带"))
        self.clear_installer_button.clicked.connect(lambda: self.installer_edit.clear())
        installer_row = QHBoxLayout()
        installer_row.setContentsMargins(0, 0, 0, 0)
        installer_row.addWidget(self.installer_edit, 1)
        installer_row.addWidget(self.installer_button)
        installer_row.addWidget(self.clear_installer_button)
        installer_widget = QWidget()
        installer_widget.setLayout(installer_row)
        form = QFormLayout()
        form.addRow(translate("HubReturnDialog", "存到"), self.folder_box)
        form.addRow(translate("HubReturnDialog", "调委会"), self.committee_combo)
        form.addRow(translate("HubReturnDialog", "安装程序"), installer_widget)
        self.write_button = QPushButton(translate("HubReturnDialog", "生成回执包"))
        self.write_button.setDefault(True)
        self.write_button.clicked.connect(self.start)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.model = RowsModel([translate("HubReturnDialog", "调委会"), translate("HubReturnDialog", "文件"),
                                translate("HubReturnDialog", "第几号"), translate("HubReturnDialog", "审查意见"),
                                translate("HubReturnDialog", "说明")])
        self.view = rows_view(self.model)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.write_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.relayed_label)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.resize(820, 520)
        self._load_committees()

    def _load_committees(self) -> None:
        try:
            relayed = self._returns.relayed()
            if relayed:
                self.relayed_label.setText(translate(
                    "HubReturnDialog", "经司法所转报的 {n} 个调委会不在这里（{names}）：它们的回执包由各自的司法所生成、发回。").format(
                    n=len(relayed), names="、".join(short_committee(name) for name, _township in relayed[:8])
                    + ("……" if len(relayed) > 8 else "")))
                self.relayed_label.setVisible(True)
            committees = self._returns.committees()
        except Exception as error:  # noqa: BLE001 - no committees yet, or a role that may not: said here
            self.result_label.setText(error_text(error))
            self.write_button.setEnabled(False)
            return
        for committee in committees:
            self.committee_combo.addItem(short_committee(committee["name"]), committee["id"])

    def _pick_folder(self) -> None:
        folder = self.choose_folder()
        if folder:
            self.folder_edit.setText(folder)
            self.folder_box.set_error("")

    def _pick_installer(self) -> None:
        path = self.choose_installer()
        if path:
            self.installer_edit.setText(path)

    @property
    def running(self) -> bool:
        return self.task is not None and self.task.running

    def start(self) -> None:
        if self.running:
            return
        folder = self.folder_edit.text().strip()
        if not folder:
            self.folder_box.set_error(translate("HubReturnDialog", "请选择回执包存放的文件夹（如 U 盘）。"))
            return
        if not Path(folder).is_dir():
            self.folder_box.set_error(translate("HubReturnDialog", "这个文件夹不存在了（U 盘拔掉了？），请重新选择。"))
            return
        installer = Path(self.installer_edit.text()) if self.installer_edit.text().strip() else None
        self.write_button.setEnabled(False)
        self.buttons.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.result_label.setText(translate("HubReturnDialog", "正在生成……"))
        self.task = run_task(self._write, Path(folder), self.committee_combo.currentData(), installer,
                             with_progress=True, progress_bar=self.progress, owner=self, on_done=self._done,
                             on_error=self._failed, name="hub-return")

    def _write(self, folder: Path, committee: str | None, installer: Path | None, progress=None):
        return self._returns.write_returns(folder, committee, installer=installer, progress=progress)

    def _done(self, written) -> None:
        self.written = written
        rows = []
        for item in written:
            notes = []
            if item.withheld:
                notes.append(translate("HubReturnDialog", "{n} 件的理由没有发送（村里还没报送过加密公钥）").format(n=item.withheld))
            if item.roster:
                notes.append(translate("HubReturnDialog", "人员名单 {n} 人").format(n=item.roster))
            if item.roster_withheld:
                notes.append(translate("HubReturnDialog", "人员名单 {n} 人没有发送（村里还没报送过加密公钥）").format(
                    n=item.roster_withheld))
            if item.roster_waiting:
                notes.append(translate("HubReturnDialog", "人员名单 {n} 人暂不发送（村里的程序是旧版本：升级并报送一次后再发）").format(
                    n=item.roster_waiting))
            if item.installer:
                notes.append(translate("HubReturnDialog", "附安装程序 {name}").format(name=item.installer))
            rows.append([committee_cell(item.committee), Cell(item.path.name, tooltip=str(item.path)), Cell(str(item.sequence), right=True),
                         Cell(str(item.decisions), right=True), Cell("；".join(notes))])
        self.model.set_rows(rows)
        fingerprint = written[0].fingerprint if written else ""
        self.result_label.setText(translate(
            "HubReturnDialog", "已生成 {n} 个回执包。村里第一次导入时，请在电话里核对本机的签名指纹：{fingerprint}").format(
            n=len(written), fingerprint=fingerprint))
        self._finish()

    def _failed(self, error) -> None:
        self.result_label.setText(translate("HubReturnDialog", "回执包没有生成：{error}").format(error=error_text(error)))
        self._finish()

    def _finish(self) -> None:
        self.progress.setVisible(False)
        self.write_button.setEnabled(True)
        self.buttons.setEnabled(True)

    def reject(self) -> None:
        if not self.running:
            super().reject()
