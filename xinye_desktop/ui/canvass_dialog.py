"""排查记录: the list of a committee's canvasses of its villages for disputes (one row per 排查), with
adding, correcting and (after a confirmation) deleting. Opened from the 统计报表 tab, whose 排查次数,
排查发现纠纷数 and 预防纠纷数 are these rows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
    QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from ..domain.canvass import Canvass, CanvassInput
from ..domain.errors import NotFound, StaleRecord, ValidationFailed
from .i18n import translate
from .widgets import Cell, FieldBox, NoticeLabel, RowsModel, place_errors, rows_view, selected_row


class CanvassEditDialog(QDialog):
    """Add (``canvass`` None) or correct one 排查 record. Nothing is saved until every field is right;
    each problem is shown under its field. Closing with changes asks first."""

    def __init__(self, service, canvass: Canvass | None = None, village_id: int | None = None,
                 done_by: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._service = service
        self._canvass = canvass
        self.saved: Canvass | None = None
        self.setWindowTitle(translate("CanvassDialog", "修改排查记录") if canvass else
                            translate("CanvassDialog", "新增排查记录"))
        self.message = NoticeLabel()
        self.date_edit = QLineEdit(canvass.held_on.isoformat() if canvass else service.today().isoformat())
        self.date_edit.setPlaceholderText(translate("CanvassDialog", "如 2026-11-20"))
        self.village_combo = QComboBox()
        self.village_combo.setEditable(True)
        self.village_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.village_combo.lineEdit().setPlaceholderText(translate("CanvassDialog", "选择或填写村（社区）"))
        for vid, label in service.villages():
            self.village_combo.addItem(label, vid)
        chosen = canvass.village_id if canvass else village_id
        self.village_combo.setCurrentIndex(self.village_combo.findData(chosen) if chosen is not None else -1)
        self.done_by_edit = QLineEdit(canvass.done_by if canvass else done_by)
        self.done_by_edit.setPlaceholderText(translate("CanvassDialog", "如 调委会主任王保国、网格员李桂兰"))
        self.found_edit = QLineEdit(str(canvass.found) if canvass else "")
        self.prevented_edit = QLineEdit(str(canvass.prevented) if canvass else "")
        for edit in (self.found_edit, self.prevented_edit):
            edit.setPlaceholderText(translate("CanvassDialog", "没有的填0"))
            edit.setMaximumWidth(120)
        self.note_edit = QPlainTextEdit(canvass.note if canvass else "")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 3 + 14)
        self.note_edit.setPlaceholderText(translate("CanvassDialog", "排查的重点、发现的矛盾隐患和采取的措施"))
        self.boxes = {"held_on": FieldBox(self.date_edit), "village": FieldBox(self.village_combo),
                      "done_by": FieldBox(self.done_by_edit), "found": FieldBox(self.found_edit),
                      "prevented": FieldBox(self.prevented_edit), "note": FieldBox(self.note_edit)}

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate("CanvassDialog", "排查日期 *"), self.boxes["held_on"])
        form.addRow(translate("CanvassDialog", "村（社区） *"), self.boxes["village"])
        form.addRow(translate("CanvassDialog", "排查人 *"), self.boxes["done_by"])
        form.addRow(translate("CanvassDialog", "排查发现纠纷数（件） *"), self.boxes["found"])
        form.addRow(translate("CanvassDialog", "预防纠纷数（件） *"), self.boxes["prevented"])
        form.addRow(translate("CanvassDialog", "备注"), self.boxes["note"])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(translate("CanvassDialog", "保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("CanvassDialog", "取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(560, 400)
        self._initial = self.form()

    @classmethod
    def ask(cls, service, canvass: Canvass | None = None, village_id: int | None = None, done_by: str = "",
            parent: QWidget | None = None) -> Canvass | None:
        """Show the form; the saved record, or None when it was closed without saving."""
        dialog = cls(service, canvass, village_id, done_by, parent)
        dialog.exec()
        return dialog.saved

    def form(self) -> CanvassInput:
        text = self.village_combo.currentText().strip()
        index = self.village_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        village_id = self.village_combo.itemData(index) if text and index >= 0 else None
        return CanvassInput(held_on=self.date_edit.text(), village_id=village_id,
                            village_name="" if village_id is not None else text, done_by=self.done_by_edit.text(),
                            found=self.found_edit.text(), prevented=self.prevented_edit.text(),
                            note=self.note_edit.toPlainText())

    def is_dirty(self) -> bool:
        return self.form() != self._initial

    def accept(self) -> None:
        for box in self.boxes.values():
            box.set_error("")
        self.message.hide()
        try:
            if self._canvass is None:
                self.saved = self._service.add(self.form())
            else:
                self.saved = self._service.update(self._canvass.id, self.form(), expected_version=self._canvass.version)
        except ValidationFailed as failed:
            _unplaced, first = place_errors(self.boxes, failed.errors)
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
            self.message.show_notice("error", translate("CanvassDialog", "还有{n}处需要填写或更正，见各项下方的红字").format(
                n=len(failed.errors)))
            return
        except (StaleRecord, NotFound):
            self.message.show_notice("warning", translate(
                "CanvassDialog", "这条排查记录已在别处修改或删除，请关闭后重新打开。你填写的内容没有保存。"))
            return
        super().accept()

    def reject(self) -> None:
        if self.is_dirty():
            answer = QMessageBox.question(
                self, translate("CanvassDialog", "放弃填写的内容"),
                translate("CanvassDialog", "填写的排查记录还没有保存。放弃这些内容吗？"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()


class CanvassDialog(QDialog):
    """The 排查 records of one village or all, of one year or all; add, correct, delete."""

    changed = Signal()  # a record was added, corrected or deleted

    def __init__(self, service, village_id: int | None = None, year: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._service = service
        self.rows: list[Canvass] = []
        self.setWindowTitle(translate("CanvassDialog", "排查记录"))
        self.village_combo = QComboBox()
        self.village_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.village_combo.addItem(translate("CanvassDialog", "全部村（社区）"), None)
        for vid, label in service.villages():
            self.village_combo.addItem(label, vid)
        self.village_combo.setCurrentIndex(max(self.village_combo.findData(village_id), 0))
        self.year_combo = QComboBox()
        self.year_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year_combo.addItem(translate("CanvassDialog", "全部年份"), None)
        for y in sorted(set(service.years()) | {service.today().year} | ({year} if year else set()), reverse=True):
            self.year_combo.addItem(translate("CanvassDialog", "{year}年").format(year=y), y)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(year), 0))
        self.summary = QLabel()
        self.message = NoticeLabel()
        self.model = RowsModel([translate("CanvassDialog", "排查日期"), translate("CanvassDialog", "村（社区）"),
                                translate("CanvassDialog", "排查人"), translate("CanvassDialog", "发现纠纷（件）"),
                                translate("CanvassDialog", "预防纠纷（件）"), translate("CanvassDialog", "备注")])
        self.view = rows_view(self.model)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.add_button = QPushButton(translate("CanvassDialog", "新增排查…"), clicked=self.add)
        self.edit_button = QPushButton(translate("CanvassDialog", "修改…"), clicked=self.edit_selected)
        self.delete_button = QPushButton(translate("CanvassDialog", "删除…"), clicked=self.delete_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(translate("CanvassDialog", "关闭"))
        close.rejected.connect(self.reject)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(translate("CanvassDialog", "村（社区）：")))
        filters.addWidget(self.village_combo)
        filters.addWidget(QLabel(translate("CanvassDialog", "年份：")))
        filters.addWidget(self.year_combo)
        filters.addStretch(1)
        filters.addWidget(self.summary)
        actions = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        self.resize(900, 560)
        self.village_combo.currentIndexChanged.connect(self.reload)
        self.year_combo.currentIndexChanged.connect(self.reload)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.reload()

    def reload(self, keep: int | None = None) -> None:
        year = self.year_combo.currentData()
        self.rows = self._service.list(self.village_combo.currentData(),
                                       dt.date(year, 1, 1) if year else None, dt.date(year, 12, 31) if year else None)
        self.model.set_rows([[Cell(c.held_on.isoformat()), Cell(c.village), Cell(c.done_by),
                              Cell(str(c.found), right=True), Cell(str(c.prevented), right=True),
                              Cell(c.note.replace("\n", " "), tooltip=c.note)] for c in self.rows])
        self.summary.setText(translate("CanvassDialog", "共排查{n}次，发现纠纷{found}件，预防纠纷{prevented}件").format(
            n=len(self.rows), found=sum(c.found for c in self.rows), prevented=sum(c.prevented for c in self.rows)))
        if keep is not None:
            row = next((i for i, c in enumerate(self.rows) if c.id == keep), None)
            if row is not None:
                self.view.selectRow(row)
        self._update_buttons()

    def selected(self) -> Canvass | None:
        row = selected_row(self.view)
        return self.rows[row] if row is not None and row < len(self.rows) else None

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def add(self) -> Canvass | None:
        # Start from the village shown (else the last one canvassed, else the only one there is) and
        # from who canvassed it last time: the same people usually go.
        village_id = self.village_combo.currentData()
        last = self._service.latest(village_id)
        if village_id is None:
            villages = self._service.villages()
            village_id = last.village_id if last else (villages[0][0] if len(villages) == 1 else None)
        saved = CanvassEditDialog.ask(self._service, None, village_id, last.done_by if last else "", self)
        if saved is not None:
            self.message.show_notice("ok", translate("CanvassDialog", "已保存：{day} {village}的排查记录。").format(
                day=saved.held_on.isoformat(), village=saved.village))
            self._show(saved)
            self.changed.emit()
        return saved

    def edit_selected(self) -> Canvass | None:
        chosen = self.selected()
        if chosen is None:
            return None
        saved = CanvassEditDialog.ask(self._service, chosen, parent=self)
        if saved is not None:
            self.message.show_notice("ok", translate("CanvassDialog", "已保存：{day} {village}的排查记录。").format(
                day=saved.held_on.isoformat(), village=saved.village))
            self._show(saved)
            self.changed.emit()
        return saved

    def _show(self, saved: Canvass) -> None:
        """Reload, widening the filters when the saved record would fall outside them."""
        if self.village_combo.currentData() not in (None, saved.village_id):
            self.village_combo.blockSignals(True)
            self.village_combo.setCurrentIndex(0)
            self.village_combo.blockSignals(False)
        if self.year_combo.currentData() not in (None, saved.held_on.year):
            self.year_combo.blockSignals(True)
            index = self.year_combo.findData(saved.held_on.year)
            self.year_combo.setCurrentIndex(index if index >= 0 else 0)
            self.year_combo.blockSignals(False)
        if self.village_combo.findData(saved.village_id) < 0:  # a village typed in for the first time
            self.village_combo.addItem(saved.village, saved.village_id)
        self.reload(keep=saved.id)

    def delete_selected(self) -> bool:
        chosen = self.selected()
        if chosen is None:
            return False
        answer = QMessageBox.question(
            self, translate("CanvassDialog", "删除排查记录"),
            translate("CanvassDialog", "删除{day} {village}的排查记录（排查人：{who}，发现纠纷{found}件，预防纠纷{prevented}件）？\n"
                                       "删除后不再计入统计报表。").format(
                day=chosen.held_on.isoformat(), village=chosen.village, who=chosen.done_by, found=chosen.found,
                prevented=chosen.prevented),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self._service.delete(chosen.id, expected_version=chosen.version)
        except (StaleRecord, NotFound):
            self.message.show_notice("warning", translate("CanvassDialog", "这条排查记录已在别处修改或删除，列表已刷新。"))
            self.reload()
            return False
        self.message.show_notice("ok", translate("CanvassDialog", "已删除{day} {village}的排查记录。").format(
            day=chosen.held_on.isoformat(), village=chosen.village))
        self.reload()
        self.changed.emit()
        return True
