"""文件 → 转报司法局… (a 司法所 only): the township's relays to its 司法局, one per village committee with anything
new since its last relay (services/hub/relay.TownshipRelay; the command line's ``hub-export-package``).

The clerk picks the folder (a USB drive where one is plugged in), the 司法局's public key the first time (its
hub-key.txt; the first run remembers it, relays written or not, after which the dialog shows its fingerprint and asks no
more; 换一个公钥文件… asks first, for a 司法局 that made a new key pair), optionally the month (empty: everything
new up to now) and 全部重新转报 (``--all``). The relays are written on a worker (ui/tasks.py) with a progress bar;
then a table says per village what its relay carries, or why none was written, and the township's signing
fingerprint to read over the phone. Bad input gets its Chinese message under its field, nothing written."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
    QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from ...domain.errors import Refused
from ...domain.exchange import fingerprint
from ...services.hub.relay import county_key_of, read_county_key_file
from ..backup_dialog import size_text
from ..i18n import join_list, translate
from ..send_package_dialog import refusal_text, removable_folder
from ..tasks import present_error, run_task
from ..widgets import ERROR_STYLE, Cell, FieldBox, RowsModel, rows_view, set_minimum_width
from .common import committee_cell, short_committee

_MONTH = re.compile(r"^\d{4}-\d{1,2}$")
# Where a refused relay's message goes (PackageRefused.reason, services/hub/relay.py).
_FOLDER_REASONS = {"folder", "write"}
_KEY_REASONS = {"county_key"}
_MONTH_REASONS = {"period"}
_NOT_ROWS = ("documents", "tombstones", "figures")
MUTED_STYLE = "color: #555;"


class RelayDialog(QDialog):
    def __init__(self, relay, parent: QWidget | None = None, *, folder: Path | None = None):
        super().__init__(parent)
        self._relay = relay
        self.task = None
        self.result = None  # the last RelayResult
        self._county_key: bytes | None = None  # chosen from a file; None: the remembered one
        self._replace = False  # the chosen key replaces the remembered one (asked first)
        self._remembered: str | None = None  # the remembered key's fingerprint
        # What asks the clerk, replaced in the tests.
        self.choose_folder = lambda: QFileDialog.getExistingDirectory(
            self, translate("HubRelayDialog", "转报包存到哪里（一般是U盘）"), self.folder_edit.text() or str(Path.home()))
        self.choose_key_file = lambda: QFileDialog.getOpenFileName(
            self, translate("HubRelayDialog", "选择司法局的公钥文件"), self.folder_edit.text() or str(Path.home()),
            translate("HubRelayDialog", "公钥文件 (*.txt);;所有文件 (*)"))[0]
        self.confirm_replace = self._confirm_replace
        self.setWindowTitle(translate("HubRelayDialog", "转报司法局"))
        set_minimum_width(self, 900)

        intro = QLabel(translate(
            "HubRelayDialog", "给每个有新内容的调委会生成一个转报包（如 王庄村-2026-12-经王庄镇.xdx），拷到 U 盘送到司法局导入。"
                              "转报包里是本司法所收到的各村记录、存档文件和月度数字，用本司法所的密钥签名；"
                              "身份证号、电话、住址用司法局的公钥加密，U 盘丢失也不会泄露。"))
        intro.setWordWrap(True)

        # -- the folder
        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText(translate("HubRelayDialog", "插上U盘，再选择U盘"))
        self.folder_button = QPushButton(translate("HubRelayDialog", "选择文件夹…"))
        self.folder_button.clicked.connect(self._pick_folder)
        self.folder_box = FieldBox(self.folder_edit)
        folder_row = QWidget()
        folder_layout = QHBoxLayout(folder_row)
        folder_layout.setContentsMargins(0, 0, 0, 0)
        folder_layout.addWidget(self.folder_box, 1)
        folder_layout.addWidget(self.folder_button, 0, Qt.AlignmentFlag.AlignTop)

        # -- the 司法局's key: chosen once, then remembered
        self.key_edit = QLineEdit()
        self.key_edit.setReadOnly(True)
        self.key_edit.setPlaceholderText(translate("HubRelayDialog", "司法局给的 hub-key.txt"))
        self.key_box = FieldBox(self.key_edit)
        self.key_button = QPushButton()
        self.key_button.clicked.connect(self.pick_key)
        self.key_status = QLabel()  # under the field: what to choose, or the chosen key's fingerprint
        self.key_status.setWordWrap(True)
        self.remembered_label = QLabel()  # in the field's place: the remembered key's fingerprint
        self.remembered_label.setWordWrap(True)
        self.remembered_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        key_column = QWidget()
        key_layout = QVBoxLayout(key_column)
        key_layout.setContentsMargins(0, 0, 0, 0)
        key_layout.setSpacing(2)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key_box, 1)
        key_row.addWidget(self.remembered_label, 1)
        key_row.addWidget(self.key_button, 0, Qt.AlignmentFlag.AlignTop)
        key_layout.addLayout(key_row)
        key_layout.addWidget(self.key_status)

        # -- the month (optional) and 全部重新转报
        self.month_edit = QLineEdit()
        self.month_edit.setPlaceholderText(translate("HubRelayDialog", "如 2026-12"))
        self.month_edit.setMaximumWidth(160)
        self.month_box = FieldBox(self.month_edit)
        month_column = _with_note(self.month_box, translate(
            "HubRelayDialog", "不填：转报到现在为止的全部新内容。填了：转报包按这个月命名，以后月份的数字留到下次转报。"))
        self.all_check = QCheckBox(translate("HubRelayDialog", "全部重新转报"))
        all_column = _with_note(self.all_check, translate(
            "HubRelayDialog", "把本司法所保存的全部内容再转报一遍，不只是上次转报之后新的内容。"
                              "司法局的数据丢了或换了电脑时才用；司法局已有的记录导入时不会重复。"))

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.addRow(translate("HubRelayDialog", "存到："), folder_row)
        form.addRow(translate("HubRelayDialog", "司法局公钥："), key_column)
        form.addRow(translate("HubRelayDialog", "月份："), month_column)
        form.addRow("", all_column)

        self.write_button = QPushButton(translate("HubRelayDialog", "生成转报包"))
        self.write_button.setDefault(True)
        self.write_button.clicked.connect(self.start)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.write_button)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refused_label = QLabel()  # the villages whose relay was not written, each with why, in full
        self.refused_label.setWordWrap(True)
        self.refused_label.setStyleSheet(ERROR_STYLE)
        self.refused_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refused_label.hide()
        self.model = RowsModel([
            translate("HubRelayDialog", "调委会"), translate("HubRelayDialog", "文件"),
            translate("HubRelayDialog", "记录"), translate("HubRelayDialog", "案件"),
            translate("HubRelayDialog", "存档文件"), translate("HubRelayDialog", "月度数字"),
            translate("HubRelayDialog", "吊销密钥"), translate("HubRelayDialog", "大小"),
            translate("HubRelayDialog", "说明")])
        self.view = rows_view(self.model)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.refused_label)
        layout.addWidget(self.buttons)

        start = Path(folder) if folder is not None else removable_folder()
        if start is not None:
            self.folder_edit.setText(str(start))
        self.key_button.setText(translate("HubRelayDialog", "换一个公钥文件…"))  # the longer of its two texts
        width = max(self.key_button.sizeHint().width(), self.folder_button.sizeHint().width())
        for button in (self.key_button, self.folder_button):  # the two fields line up
            button.setMinimumWidth(width)
        self._show_key()
        self.resize(max(self.minimumWidth(), 980), 640)

    # -- the folder ---------------------------------------------------------------------------------------
    def _pick_folder(self) -> None:
        folder = self.choose_folder()
        if folder:
            self.folder_edit.setText(folder)
            self.folder_box.set_error("")

    def _check_folder(self) -> Path | None:
        text = self.folder_edit.text().strip()
        if not text:
            self.folder_box.set_error(translate("HubRelayDialog", "请选择转报包存放的文件夹（一般是U盘）。"))
            return None
        if not Path(text).is_dir():
            self.folder_box.set_error(translate("HubRelayDialog", "找不到文件夹 {folder}（U盘拔掉了？）：请插好U盘或重新选择。").format(
                folder=text))
            return None
        self.folder_box.set_error("")
        return Path(text)

    # -- the 司法局's key ------------------------------------------------------------------------------------
    def _show_key(self) -> None:
        try:
            self._remembered = self._relay.county_key_fingerprint()
        except Refused as error:  # a role that may not export: said where the results go
            self._remembered = None
            self.result_label.setText(refusal_text(error))
            self.write_button.setEnabled(False)
        if self._remembered is not None:
            self.key_button.setText(translate("HubRelayDialog", "换一个公钥文件…"))
        else:
            self.key_button.setText(translate("HubRelayDialog", "选择公钥文件…"))
        remembered_only = self._remembered is not None and self._county_key is None
        self.key_box.setVisible(not remembered_only)
        self.remembered_label.setVisible(remembered_only)
        self.key_status.setVisible(not remembered_only)
        if self._county_key is not None:
            chosen = fingerprint(self._county_key, "hub")
            if self._replace:
                text = translate("HubRelayDialog", "新公钥的指纹 {fingerprint}（代替记下的 {remembered}）：请打电话与司法局核对，"
                                                   "一致再生成转报包。生成后本机记下这把新公钥。").format(
                    fingerprint=chosen, remembered=self._remembered)
            else:
                text = translate("HubRelayDialog", "指纹 {fingerprint}：请打电话与司法局核对，一致再生成转报包。"
                                                   "生成后本机记下这把公钥，以后不用再选。").format(fingerprint=chosen)
        elif self._remembered is not None:
            self.key_edit.clear()
            self.key_box.set_error("")
            text = ""
            self.remembered_label.setText(translate(
                "HubRelayDialog", "已记下司法局的公钥，指纹 {fingerprint}（可打电话与司法局核对）。不用再选公钥文件。").format(
                fingerprint=self._remembered))
        else:
            text = translate("HubRelayDialog", "第一次转报：请选择司法局给的 hub-key.txt（司法局用 hub-setup 写出）。")
        self.key_status.setText(text)

    def key_text(self) -> str:
        """What the dialog says of the 司法局's key (the remembered one's fingerprint, or what to choose)."""
        return self.remembered_label.text() if self.remembered_label.isVisibleTo(self) else self.key_status.text()

    def _confirm_replace(self) -> bool:
        answer = QMessageBox.question(self, translate("HubRelayDialog", "换司法局的公钥"), translate(
            "HubRelayDialog", "本司法所已记下司法局的公钥（指纹 {fingerprint}）。只有司法局换了密钥（重新设置了司法局的电脑）时才换：\n"
                              "换了以后，转报包都用新的公钥加密，原来的司法局打不开。\n\n确定要换一个公钥文件吗？").format(
            fingerprint=self._remembered),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def pick_key(self) -> None:
        if self._remembered is not None and self._county_key is None and not self.confirm_replace():
            return
        path = self.choose_key_file()
        if path:
            self.use_key_file(Path(path))

    def use_key_file(self, path: Path) -> bool:
        """Take the 司法局's key from ``path``; False (its message under the field, nothing kept) if it is not."""
        self.key_edit.setText(str(path))
        try:
            key = county_key_of(read_county_key_file(path))
        except Refused as error:
            self._county_key, self._replace = None, False
            self.key_box.set_error(refusal_text(error))
            self.key_box.show()
            self.remembered_label.hide()
            if self._remembered is not None:  # the field stays, with its message, and says which key is used
                self.key_status.setText(translate("HubRelayDialog", "生成转报包仍用记下的公钥，指纹 {fingerprint}。").format(
                    fingerprint=self._remembered))
                self.key_status.show()
            else:
                self.key_status.hide()  # the message under the field says it
            return False
        self.key_box.set_error("")
        self.key_status.show()
        if fingerprint(key, "hub") == self._remembered:  # the same key again: nothing to replace
            self._county_key, self._replace = None, False
        else:
            self._county_key, self._replace = key, self._remembered is not None
        self._show_key()
        if self._county_key is None:
            self.key_edit.setText(str(path))
        return True

    # -- writing ------------------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.task is not None and self.task.running

    def start(self) -> None:
        if self.running:
            return
        folder = self._check_folder()
        key_ok = self._county_key is not None or self._remembered is not None
        if not key_ok:
            if not self.key_box.error:
                self.key_box.set_error(translate("HubRelayDialog", "请先选择司法局的公钥文件 hub-key.txt。"))
            self.key_status.hide()  # "第一次转报：请选择…" says it again
        else:
            self.key_box.set_error("")  # a refusal of the key given last time: the service says it again
        month = self.month_edit.text().strip()
        month_ok = not month or bool(_MONTH.match(month))
        self.month_box.set_error("" if month_ok else translate("HubRelayDialog", "请写成 2026-12 这样的年月，或者不填。"))
        if folder is None or not key_ok or not month_ok:
            return
        self._set_busy(True)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.refused_label.hide()
        self.result_label.setText(translate("HubRelayDialog", "正在生成……"))
        self.result_label.setStyleSheet("")
        self.task = run_task(self._write, folder, self._county_key, month or None, self.all_check.isChecked(),
                             self._replace, with_progress=True, progress_bar=self.progress, owner=self,
                             on_done=self._done, on_error=self._failed, name="hub-relay")

    def _write(self, folder: Path, county_key: bytes | None, month: str | None, resend_all: bool, replace: bool,
               progress=None):
        """On the worker: the service writes the relays (its own transactions)."""
        return self._relay.write_packages(folder, county_key, month=month, resend_all=resend_all, progress=progress,
                                          replace_county_key=replace)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.folder_edit, self.folder_button, self.key_button, self.month_edit, self.all_check,
                       self.write_button, self.buttons):
            widget.setEnabled(not busy)

    def _done(self, result) -> None:
        self.result = result
        rows = []
        for item in result.written:
            counts = item.counts
            records = sum(n for k, n in counts.items() if k not in _NOT_ROWS)
            months = join_list(item.months) if item.months else translate("HubRelayDialog", "无新的")
            notes = []
            if counts.get("tombstones"):
                notes.append(translate("HubRelayDialog", "删除 {n} 条").format(n=counts["tombstones"]))
            rows.append([committee_cell(item.committee), Cell(item.path.name, tooltip=str(item.path)),
                         Cell(str(records), right=True), Cell(str(counts.get("cases", 0)), right=True),
                         Cell(str(counts.get("documents", 0)), right=True), Cell(months),
                         Cell(str(item.revocations), right=True), Cell(size_text(item.size), right=True),
                         Cell("；".join(notes))])
        for name in result.unchanged:
            rows.append([committee_cell(name), Cell("—"), Cell(""), Cell(""), Cell(""), Cell(""), Cell(""), Cell(""),
                         Cell(translate("HubRelayDialog", "上次转报之后没有新的内容，没有生成转报包"))])
        for name, why in result.refused:
            rows.append([committee_cell(name), Cell("—"), Cell(""), Cell(""), Cell(""), Cell(""), Cell(""), Cell(""),
                         Cell(translate("HubRelayDialog", "没有生成转报包（原因见表下）"), tooltip=why, colour="#b00020")])
        self.model.set_rows(rows)
        self.refused_label.setText("\n".join(
            translate("HubRelayDialog", "{committee}：{why}").format(committee=short_committee(name), why=why)
            for name, why in result.refused))
        self.refused_label.setVisible(bool(result.refused))
        if result.written:
            said = translate("HubRelayDialog", "已生成 {n} 个转报包，存在 {folder}。").format(
                n=len(result.written), folder=str(result.written[0].path.parent))
        else:
            said = translate("HubRelayDialog", "没有需要转报的内容：各调委会上次转报之后都没有新的内容。")
        if result.refused:
            said += translate("HubRelayDialog", "{n} 个调委会的转报包没有生成（原因见表下）。").format(n=len(result.refused))
        said += "\n" + translate("HubRelayDialog", "本司法所签名密钥指纹：{fingerprint}（司法局第一次导入时，请打电话读给司法局核对）。").format(
            fingerprint=result.fingerprint)
        self.result_label.setStyleSheet("")
        self.result_label.setText(said)
        self._county_key, self._replace = None, False  # the key given is remembered now, relays written or not
        self._show_key()
        self._finish()

    def _failed(self, error) -> None:
        self._finish()
        if not isinstance(error, Refused):
            self.result_label.setText(translate("HubRelayDialog", "转报包没有生成。"))
            present_error(error)
            return
        text = refusal_text(error)
        reason = getattr(error, "reason", None)
        if reason in _FOLDER_REASONS:
            self.folder_box.set_error(text)
            self.result_label.setText(translate("HubRelayDialog", "转报包没有生成。"))
        elif reason in _KEY_REASONS:
            self.key_box.set_error(text)
            self.result_label.setText(translate("HubRelayDialog", "转报包没有生成。"))
        elif reason in _MONTH_REASONS:
            self.month_box.set_error(text)
            self.result_label.setText(translate("HubRelayDialog", "转报包没有生成。"))
        else:
            self.result_label.setText(translate("HubRelayDialog", "转报包没有生成：{error}").format(error=text))
        self.result_label.setStyleSheet(ERROR_STYLE)

    def _finish(self) -> None:
        self.progress.setVisible(False)
        self._set_busy(False)

    def reject(self) -> None:
        if not self.running:
            super().reject()

    def closeEvent(self, event) -> None:
        if self.running:  # the relays are being written: they end on their own
            event.ignore()
            return
        super().closeEvent(event)


__all__ = ["RelayDialog"]


def _with_note(field: QWidget, note: str) -> QWidget:
    """``field`` with a muted, wrapped explanation right under it (one row of the form)."""
    label = QLabel(note)
    label.setWordWrap(True)
    label.setStyleSheet(MUTED_STYLE)
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(label)
    return column
