"""明白人库: every village's pool; add, edit, retire or reinstate, import a roster, print the wall list.

The pool rows (with every elder's case counts, a GROUP BY over the cases) are read when the filters or
the data change, never for a language switch: ``retranslate`` re-renders the rows already read.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from ...domain.elders import ElderInput
from ...domain.errors import ValidationFailed
from ...domain.identity import mask_phone
from ..choice_dialogs import ChoiceDialog
from ..elder_dialog import ElderDialog
from ..i18n import Retranslating, translate, vtr
from ..tasks import Task, present_error, run_task
from ..widgets import Cell, NoticeLabel, RowsModel, error_text, rows_view, selected_row
from .common import run_dialog, specialties_text


class PoolPage(Retranslating, QWidget):
    """明白人库: every village's pool; add, edit, retire or reinstate, import a roster, print the wall list."""

    changed = Signal()

    def __init__(self, elders, drafts, documents=None, roster_importer=None, parent=None):
        super().__init__(parent)
        self._elders = elders
        self._drafts = drafts
        self._documents = documents
        self._importer = roster_importer
        self.run_dialog = run_dialog
        self.open_files = True
        self.print_task: Task | None = None  # the wall list being made
        self.rows = []
        self._stale = False  # the data changed since the rows were read

        self.village = QComboBox()
        self.village.setMinimumContentsLength(8)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.show_retired = QCheckBox()
        self.model = RowsModel()
        self.table = rows_view(self.model)
        self.table.doubleClicked.connect(self.edit_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.add_button = QPushButton(clicked=self.add)
        self.edit_button = QPushButton(clicked=self.edit_selected)
        self.retire_button = QPushButton(clicked=self.retire_or_reinstate)
        self.delete_button = QPushButton(clicked=self.delete_selected)
        self.import_button = QPushButton(clicked=self.import_roster)
        self.print_button = QPushButton(clicked=self.print_roster)
        self.message = NoticeLabel()
        self.count_label = QLabel()

        top = QHBoxLayout()
        self.village_label = QLabel()
        top.addWidget(self.village_label)
        top.addWidget(self.village)
        top.addWidget(self.search, 1)
        top.addWidget(self.show_retired)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.retire_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        layout.addLayout(bottom)
        layout.addLayout(buttons)

        self._search_timer = QTimer(self, singleShot=True, interval=200, timeout=self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        self.village.currentIndexChanged.connect(self.refresh)
        self.show_retired.toggled.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.village_label.setText(translate("PoolPage", "村："))
        self.search.setPlaceholderText(translate("PoolPage", "按姓名、拼音首字母或电话查找"))
        self.show_retired.setText(translate("PoolPage", "显示已退出的"))
        self.model.set_headers([
            translate("PoolPage", "姓名"), translate("PoolPage", "性别"), translate("PoolPage", "年龄"),
            translate("PoolPage", "村"), translate("PoolPage", "组"), translate("PoolPage", "身份"),
            translate("PoolPage", "产生方式"), translate("PoolPage", "任期至"), translate("PoolPage", "擅长"),
            translate("PoolPage", "电话"), translate("PoolPage", "在办"), translate("PoolPage", "已办"),
            translate("PoolPage", "状态")])
        self.add_button.setText(translate("PoolPage", "新增明白人…"))
        self.edit_button.setText(translate("PoolPage", "修改…"))
        self.delete_button.setText(translate("PoolPage", "删除…"))
        self.delete_button.setToolTip(translate("PoolPage", "只能删除误录入、从未参与过案件的人；参与过案件的请用“退出明白人库”。"))
        self.import_button.setText(translate("PoolPage", "导入名单（Excel/CSV）…"))
        self.print_button.setText(translate("PoolPage", "打印上墙名单…"))
        if self.village.count():
            self.village.setItemText(0, translate("PoolPage", "全部村"))
            self._show_rows()  # the rows carry vocabulary labels too; the rows read stay as they are
        self._update_buttons()

    def load_villages(self, prefer: str | None = None) -> None:
        current = prefer if prefer is not None else self.village.currentData()
        self.village.blockSignals(True)
        self.village.clear()
        self.village.addItem(translate("PoolPage", "全部村"), None)
        for name in self._elders.villages():
            self.village.addItem(name, name)
        index = self.village.findData(current) if current else 0
        self.village.setCurrentIndex(max(index, 0))
        self.village.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        """Read the pool (and every elder's case counts) for the filters, then show it."""
        self._stale = False
        self.rows = self._elders.pool(village=self.village.currentData(), include_retired=self.show_retired.isChecked(),
                                      text=self.search.text())
        self._show_rows()

    def mark_stale(self) -> None:
        """The elders' case counts changed elsewhere (a proposal, an answer): read again when next shown,
        so that a language switch never has to."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:
        if self._stale and self.village.count():  # loaded once already (ElderTab loads on first show)
            self.refresh()
        super().showEvent(event)

    def _show_rows(self) -> None:
        """The rows already read, in the interface language: no database read."""
        today = self._elders.today()
        rows = []
        for elder, stats in self.rows:
            age = elder.age_in(today.year)
            over = elder.term_over(today)
            status = translate("PoolPage", "已退出") if elder.retired else (
                translate("PoolPage", "任期已满") if over else translate("PoolPage", "在库"))
            grey = "#808080" if elder.retired else ""
            values = [elder.name, vtr(elder.sex.label), "" if age is None else str(age), elder.village, elder.group,
                      elder.identity_text if elder.identity_note else vtr(elder.identity.label),
                      vtr(elder.selection.label) if elder.selection else "",
                      elder.term_end.isoformat() if elder.term_end else "", specialties_text(elder),
                      mask_phone(elder.phone), str(stats.open_cases), str(stats.past_cases), status]
            row = [Cell(v, colour=grey, right=column in (2, 10, 11)) for column, v in enumerate(values)]
            row[0].tooltip = elder.notes
            row[8].tooltip = values[8]
            if elder.retired:
                row[12].tooltip = elder.retired_reason
            elif over:
                row[12].colour = "#8a1c1c"
            rows.append(row)
        self.model.set_rows(rows)
        retired = sum(e.retired for e, _ in self.rows)
        over = sum(not e.retired and e.term_over(today) for e, _ in self.rows)
        text = translate("PoolPage", "共{n}人，其中在库{active}人").format(n=len(self.rows),
                                                                    active=len(self.rows) - retired - over)
        if over:
            text += translate("PoolPage", "，任期已满{n}人").format(n=over)
        if retired:
            text += translate("PoolPage", "，已退出{n}人").format(n=retired)
        self.count_label.setText(text)
        self.count_label.setToolTip(translate(
            "PoolPage", "任期已满：三年任期已过、尚未重新推选的明白人。不列入上墙名单；当事人仍可自愿选择，提名时须确认。"
                        "重新推选后，请在“修改”中更新推选日期和任期。"))
        self._update_buttons()

    def selected(self):
        row = selected_row(self.table)
        return None if row is None else self.rows[row][0]

    def select_elder(self, elder_id: int) -> bool:
        for row, (elder, _stats) in enumerate(self.rows):
            if elder.id == elder_id:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        elder = self.selected()
        for button in (self.edit_button, self.retire_button, self.delete_button):
            button.setEnabled(elder is not None)
        self.retire_button.setText(translate("PoolPage", "恢复入库") if elder is not None and elder.retired
                                   else translate("PoolPage", "退出明白人库…"))
        self.import_button.setEnabled(self._importer is not None)
        self.print_button.setEnabled(self._documents is not None and not self.printing)

    def add(self) -> bool:
        village = self.village.currentData() or ""
        dialog = ElderDialog(self._elders.add, villages=self._elders.villages(), initial=ElderInput(village=village),
                             drafts=self._drafts, draft_name="elder-new",
                             title=translate("PoolPage", "新增明白人"), parent=self)
        if not self.run_dialog(dialog) or dialog.saved is None:
            return False
        self.message.show_notice("ok", translate("PoolPage", "已把{name}加入{village}明白人库。").format(
            name=dialog.saved.name, village=dialog.saved.village))
        self.load_villages()
        self.select_elder(dialog.saved.id)
        self.changed.emit()
        return True

    def edit_selected(self) -> bool:
        elder = self.selected()
        if elder is None:
            return False
        dialog = ElderDialog(lambda data: self._elders.update(elder.id, data), villages=self._elders.villages(),
                             initial=ElderInput.from_elder(elder), drafts=self._drafts,
                             draft_name=f"elder-{elder.id}", title=translate("PoolPage", "修改明白人：{name}").format(
                                 name=elder.name), parent=self)
        if not self.run_dialog(dialog) or dialog.saved is None:
            return False
        self.message.show_notice("ok", translate("PoolPage", "已保存{name}的信息。").format(name=dialog.saved.name))
        self.refresh()
        self.select_elder(elder.id)
        self.changed.emit()
        return True

    def retire_or_reinstate(self) -> bool:
        elder = self.selected()
        if elder is None:
            return False
        if elder.retired:
            self._elders.reinstate(elder.id)
            self.message.show_notice("ok", translate("PoolPage", "{name}已恢复入库。").format(name=elder.name))
        else:
            dialog = ChoiceDialog(
                translate("PoolPage", "退出明白人库：{name}").format(name=elder.name),
                intro=translate("PoolPage", "退出后不再作为候选人，但参与过的案件记录仍保留其姓名。"),
                text_label=translate("PoolPage", "退出原因 *"), text_required=True,
                text_placeholder=translate("PoolPage", "如：任期届满未连任、年老体弱、本人申请、迁出本村"),
                ok_text=translate("PoolPage", "退出"), parent=self)
            if not self.run_dialog(dialog):
                return False
            try:
                self._elders.retire(elder.id, dialog.reason)
            except ValidationFailed as failed:
                self.message.show_notice("error", "\n".join(error_text(e) for e in failed.errors))
                return False
            self.message.show_notice("ok", translate("PoolPage", "{name}已退出明白人库。").format(name=elder.name))
        self.refresh()
        self.select_elder(elder.id)
        self.changed.emit()
        return True

    def delete_selected(self) -> bool:
        from ...services.elders import InUse

        elder = self.selected()
        if elder is None:
            return False
        if self._elders.served(elder.id):
            self.message.show_notice("warning", translate(
                "PoolPage", "{name}参与过案件，不能删除，只能“退出明白人库”，以便旧案记录仍可查阅。").format(name=elder.name))
            return False
        answer = QMessageBox.question(
            self, translate("PoolPage", "删除明白人"),
            translate("PoolPage", "确定删除误录入的{name}吗？此人从未参与过案件，删除后不能恢复。").format(name=elder.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self._elders.delete(elder.id)
        except InUse:
            self.message.show_notice("warning", translate(
                "PoolPage", "{name}参与过案件，不能删除，只能“退出明白人库”，以便旧案记录仍可查阅。").format(name=elder.name))
            return False
        self.message.show_notice("ok", translate("PoolPage", "已删除{name}。").format(name=elder.name))
        self.load_villages()
        self.changed.emit()
        return True

    def import_roster(self) -> bool:
        from ..roster_import_dialog import RosterImportDialog

        if self._importer is None:
            return False
        villages = self._elders.villages()
        dialog = RosterImportDialog(self._importer, villages, self.village.currentData() or (villages[0] if villages else ""),
                                    parent=self)
        if not self.run_dialog(dialog):
            return False
        self.load_villages()
        self.changed.emit()
        return True

    def print_roster(self) -> Task | None:
        """Ask for the village and whether phones are printed, then make the wall list's PDF on a worker
        thread (ui/tasks.py: it gets the village's name and the choice) and open it when it is ready; the
        button waits meanwhile. Returns the Task, whose result is (path, names left out as their term is
        over); None when nothing was started."""
        if self._documents is None or self.printing:
            return None
        villages = [v for v in self._elders.villages()]
        current = self.village.currentData()
        items = [(v, v) for v in ([current] if current else []) + [v for v in villages if v != current]]
        dialog = ChoiceDialog(
            translate("PoolPage", "打印上墙名单"),
            intro=translate("PoolPage", "生成《矛盾化解“三理”室“明白人”名单》PDF，打印后张贴在三理室。"
                                        "已退出和任期已满的不列入。"),
            combos=[("village", translate("PoolPage", "村"), items),
                    ("phone", translate("PoolPage", "联系电话"),
                     [(translate("PoolPage", "不印（张贴公示时的默认做法）"), False),
                      (translate("PoolPage", "印出（须经明白人本人同意）"), True)])],
            ok_text=translate("PoolPage", "生成PDF"), parent=self)
        if not self.run_dialog(dialog):
            return None
        self.message.show_notice("info", translate("PoolPage", "正在生成名单…"))
        self.print_task = run_task(_make_roster, self._documents, self._elders, dialog.value("village"),
                                   bool(dialog.value("phone")), owner=self, name="elder-roster",
                                   on_done=self._on_roster_made, on_error=self._on_roster_failed)
        self._update_buttons()
        return self.print_task

    @property
    def printing(self) -> bool:
        return self.print_task is not None and self.print_task.running

    def _on_roster_made(self, made) -> None:
        path, over = made
        self._update_buttons()
        text = translate("PoolPage", "名单已生成：{path}").format(path=str(path))
        if over:
            text += "\n" + translate("PoolPage", "{names}的任期已满，未列入名单；重新推选后请在“修改”中更新任期。").format(
                names="、".join(over))
        self.message.show_notice("ok", text)
        if self.open_files:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _on_roster_failed(self, error: BaseException) -> None:
        from ...services.documents import DocumentRefused

        self._update_buttons()
        if isinstance(error, DocumentRefused):
            self.message.show_notice("warning", translate("Documents", str(error)))
        elif isinstance(error, OSError):
            self.message.show_notice("error", translate("PoolPage", "名单无法写入：{error}").format(error=error))
        else:  # a bug: logged and shown by the app's error presenter
            self.message.hide()
            present_error(error)


def _make_roster(documents, elders, village: str, show_phone: bool) -> tuple:
    """On the worker thread: the wall list's PDF, and who was left out because their term is over (each
    service opens its own transaction here)."""
    path = documents.elder_roster(village, show_phone=show_phone)
    today = elders.today()
    over = [e.name for e, _ in elders.pool(village=village) if e.term_over(today) and not e.ad_hoc]
    return path, over
