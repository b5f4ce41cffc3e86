"""备份与恢复: the backups there are (date, kind, counts), backing up now, exporting to one file,
restoring, and the second backup folder (a USB drive). Also the worker that runs backups off the
GUI thread (at start and once a day) and the status-bar label that shows the last one.
"""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ..paths import DataPaths
from ..services.backup import (
    DAILY, MANUAL, UNEXPECTED, BackupFailed, BackupInfo, BackupResult, BackupService, RestoreResult,
)
from ..services.failures import Failure
from .i18n import translate
from .tasks import Task, run_task
from .widgets import NoticeLabel

log = logging.getLogger(__name__)
CTX = "BackupDialog"
DAILY_CHECK_MS = 30 * 60 * 1000  # is a backup due? (one a day while the app runs)


def when(moment: dt.datetime, today: dt.date | None = None) -> str:
    """今天 09:30 / 昨天 09:30 / 2026-11-20 09:30."""
    today = today or dt.date.today()
    if moment.date() == today:
        return translate("BackupDialog", "今天 {time}").format(time=moment.strftime("%H:%M"))
    if moment.date() == today - dt.timedelta(days=1):
        return translate("BackupDialog", "昨天 {time}").format(time=moment.strftime("%H:%M"))
    return moment.strftime("%Y-%m-%d %H:%M")


def failure_text(failure: Failure) -> str:
    """A Failure's message in the interface language (its text is marked in services/failures.py
    or services/backup/, so lupdate has it under one of those contexts)."""
    text = failure.message
    for context in ("Failures", "Backup"):
        text = QCoreApplication.translate(context, failure.message)
        if text != failure.message:
            break
    return text.format(**failure.params)


def size_text(size: int) -> str:
    if size >= 1 << 30:
        return f"{size / (1 << 30):.1f} GB"
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} MB"
    return f"{max(size, 1) / 1024:.0f} KB"


def restore_folder(paths: DataPaths, source: Path) -> RestoreResult:
    """A restore, on a worker thread: through a BackupService of its own over the data folder alone. The
    window's Database is not handed over: its read connection belongs to the GUI thread (sqlite3 refuses
    to close it from another), and the window closes it there, before and after (MainWindow.restore_backup)."""
    return BackupService(paths).restore(source)


class BackupRunner(QObject):
    """Runs one backup or export at a time on a worker thread (ui/tasks.py); the outcome comes back on
    the GUI thread as ``finished`` (a BackupResult or, for an export, a BackupInfo) or ``failed`` (a
    Failure). The worker gets only the service and values, never a widget. A restore (``restore()``)
    makes it busy too, so that no backup starts while the data is being replaced."""

    started = Signal()
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, service: BackupService, parent: QObject | None = None):
        super().__init__(parent)
        self._service = service
        self._task: Task | None = None
        self._restore_task: Task | None = None
        self.last_result: BackupResult | None = None
        self.last_failure: Failure | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(DAILY_CHECK_MS)
        self._timer.timeout.connect(self.run_if_due)
        self.finished.connect(self._remember)
        self.failed.connect(self._remember_failure)

    @property
    def busy(self) -> bool:
        return any(task is not None and task.running for task in (self._task, self._restore_task))

    def start_daily(self) -> None:
        self._timer.start()

    def run_if_due(self) -> bool:
        return self.run(DAILY) if self._service.is_due() else False

    def run(self, kind: str = MANUAL) -> bool:
        return self._start(self._service.create, kind)

    def export(self, target: Path) -> bool:
        return self._start(self._service.export, target)

    def _start(self, job, argument) -> bool:
        if self.busy:
            return False
        self.started.emit()
        self._task = run_task(job, argument, on_done=self.finished.emit, on_error=self._on_error, name="backup")
        return True

    def _on_error(self, error: Exception) -> None:
        if isinstance(error, BackupFailed):
            log.warning("backup failed: %s", error)
            self.failed.emit(error.failure)
            return
        # A bug: reported like a failure, logged in full.
        log.error("backup failed", exc_info=(type(error), error, error.__traceback__))
        self.failed.emit(Failure("error", UNEXPECTED, {"error": str(error)}, repr(error)))

    def restore(self, paths: DataPaths, source: Path, *, on_done, on_error, owner: QWidget | None = None,
                message: str | None = None) -> Task:
        """Restore ``source`` into ``paths`` on a worker thread (restore_folder); ``on_done(RestoreResult)``
        or ``on_error(exception)`` on the GUI thread. A backup already under way is finished first by the
        service's folder lock, on the worker: the GUI thread does not wait for it."""
        self._restore_task = run_task(restore_folder, paths, Path(source), on_done=on_done, on_error=on_error,
                                      owner=owner, message=message, name="restore")
        return self._restore_task

    def wait(self, timeout: float | None = None) -> None:
        """Let a running backup or restore finish (closing the window)."""
        for task in (self._task, self._restore_task):
            if task is not None:
                task.wait(timeout)

    def _remember(self, outcome) -> None:
        if isinstance(outcome, BackupResult):
            self.last_result, self.last_failure = outcome, None

    def _remember_failure(self, failure: Failure) -> None:
        self.last_failure = failure


class BackupStatusLabel(QLabel):
    """Status bar: when the last backup was made, or that the last one failed (click for details)."""

    clicked = Signal()

    def __init__(self, service: BackupService, runner: BackupRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._running = False
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        runner.started.connect(self._on_started)
        runner.finished.connect(self._on_done)
        runner.failed.connect(self._on_done)
        self.refresh()

    def mousePressEvent(self, event) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)

    def _on_started(self) -> None:
        self._running = True
        self.refresh()

    def _on_done(self, _outcome) -> None:
        self._running = False
        self.refresh()

    def refresh(self) -> None:
        failure = self._runner.last_failure
        result = self._runner.last_result
        if self._running:
            text, colour, tip = translate("BackupDialog", "正在备份…"), "", ""
        elif failure is not None:
            text = translate("BackupDialog", "备份失败，点此查看")
            colour, tip = "#b00020", failure_text(failure)
        else:
            last = self._service.last_backup()
            if last is None:
                text, colour = translate("BackupDialog", "尚未备份"), "#7a4a00"
                tip = translate("BackupDialog", "点此打开“备份与恢复”")
            else:
                text, colour = translate("BackupDialog", "上次备份：{when}").format(when=when(last.created)), ""
                tip = str(last.path)
            if result is not None and result.second_failure is not None:
                text += translate("BackupDialog", "（U盘未写入）")
                colour = "#7a4a00"
                tip = failure_text(result.second_failure)
        self.setText(text)
        self.setToolTip(tip)
        self.setStyleSheet(f"color: {colour};" if colour else "")
        # Never squeezed by the long data-folder label beside it: this one says whether data is safe.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(text) + 12)


class BackupDialog(QDialog):
    """List, back up now, export, restore. A chosen restore is not run here: ``restore_chosen``
    carries the path to the main window, which saves what is open first."""

    restore_chosen = Signal(object)  # Path of the backup (folder, .zip or .sqlite3)

    def __init__(self, service: BackupService, runner: BackupRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self.backups: list[BackupInfo] = []
        self.setWindowTitle(translate("BackupDialog", "备份与恢复"))

        self.intro_label = QLabel(translate(
            "BackupDialog", "程序每次启动时和每天自动备份数据库和存档文件（协议书、扫描件等），每份都会读回校验。"
                            "保留最近7天每天一份、4周每周一份、12个月每月一份；升级前和恢复前的备份一直保留。"))
        self.intro_label.setWordWrap(True)
        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)

        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels([
            translate("BackupDialog", "备份时间"), translate("BackupDialog", "类型"), translate("BackupDialog", "案件"),
            translate("BackupDialog", "当事人"), translate("BackupDialog", "协议"), translate("BackupDialog", "存档文件"),
            translate("BackupDialog", "大小"), translate("BackupDialog", "位置")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())

        self.backup_button = QPushButton(translate("BackupDialog", "立即备份"))
        self.export_button = QPushButton(translate("BackupDialog", "导出到文件…"))
        self.restore_button = QPushButton(translate("BackupDialog", "用所选备份恢复…"))
        self.restore_file_button = QPushButton(translate("BackupDialog", "从文件恢复…"))
        self.open_button = QPushButton(translate("BackupDialog", "打开备份文件夹"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.export_button.clicked.connect(self.export_to_file)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.open_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._service_folder()))))
        actions = QHBoxLayout()
        for button in (self.backup_button, self.export_button, self.restore_button, self.restore_file_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.open_button)

        self.second_group = QGroupBox(translate("BackupDialog", "第二备份位置（如U盘）"))
        self.second_edit = QLineEdit()
        self.second_edit.setReadOnly(True)
        self.second_edit.setPlaceholderText(translate("BackupDialog", "未设置"))
        self.choose_button = QPushButton(translate("BackupDialog", "选择文件夹…"))
        self.clear_button = QPushButton(translate("BackupDialog", "不再使用"))
        self.choose_button.clicked.connect(self.choose_second_folder)
        self.clear_button.clicked.connect(lambda: self.set_second_folder(None))
        self.second_note = QLabel(translate(
            "BackupDialog", "每次备份后自动再复制一份到这里。U盘没插时会提醒，但不影响本机的备份。"))
        self.second_note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.second_edit, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.clear_button)
        second_layout = QVBoxLayout(self.second_group)
        second_layout.addLayout(row)
        second_layout.addWidget(self.second_note)

        self.notice = NoticeLabel()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro_label)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.second_group)
        layout.addWidget(self.notice)
        layout.addWidget(close)

        runner.started.connect(self._on_runner_started)
        runner.finished.connect(self._on_runner_finished)
        runner.failed.connect(self._on_runner_failed)
        self.refresh()
        self.resize(860, 560)

    def _service_folder(self) -> Path:
        return self._service.backups_folder

    # -- list --------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.folder_label.setText(translate("BackupDialog", "本机备份文件夹：{folder}").format(
            folder=str(self._service.backups_folder)))
        second = self._service.second_folder()
        self.second_edit.setText(str(second) if second else "")
        self.clear_button.setEnabled(second is not None)
        self.backups = self._service.list_backups()
        self.table.setRowCount(len(self.backups))
        places = {"local": translate("BackupDialog", "本机"), "second": translate("BackupDialog", "第二位置")}
        for row, backup in enumerate(self.backups):
            counts = backup.counts
            documents = "—" if backup.database_only else str(backup.documents)
            values = (when(backup.created), translate("Backup", backup.kind_label),
                      _count(counts.get("cases")), _count(counts.get("parties")), _count(counts.get("agreements")),
                      documents, size_text(backup.size), places.get(backup.location, backup.location))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if 2 <= column <= 6:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                item.setToolTip(str(backup.path))
                self.table.setItem(row, column, item)
        if self.backups:
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self._runner.busy
        self.backup_button.setEnabled(not busy)
        self.export_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy and self.selected() is not None)
        self.restore_file_button.setEnabled(not busy)

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    # -- backing up --------------------------------------------------------------------------
    def back_up_now(self) -> None:
        self._runner.run(MANUAL)

    def export_to_file(self) -> None:
        target = self.choose_export_file(self, dt.date.today())
        if target:
            self._runner.export(Path(target))

    def _on_runner_started(self) -> None:
        self.notice.show_notice("info", translate("BackupDialog", "正在备份，请稍候…"))
        self._update_buttons()

    def _on_runner_finished(self, outcome) -> None:
        if isinstance(outcome, BackupResult):
            text = translate("BackupDialog", "备份完成并已校验：{path}").format(path=str(outcome.backup.path))
            if outcome.second is not None:
                text += "\n" + translate("BackupDialog", "第二位置也已写入：{path}").format(path=str(outcome.second.path))
            if outcome.second_failure is not None:
                text += "\n" + translate("BackupDialog", "第二位置没有写入：") + failure_text(outcome.second_failure)
                self.notice.show_notice("warning", text)
            else:
                self.notice.show_notice("ok", text)
        else:
            self.notice.show_notice("ok", translate("BackupDialog", "已导出并校验：{path}").format(path=str(outcome.path)))
        self.refresh()

    def _on_runner_failed(self, failure: Failure) -> None:
        self.notice.show_notice("error", translate("BackupDialog", "备份没有完成。") + failure_text(failure))
        self._update_buttons()

    # -- second folder -----------------------------------------------------------------------
    def choose_second_folder(self) -> None:
        folder = self.choose_folder(self)
        if folder:
            self.set_second_folder(Path(folder))

    def set_second_folder(self, folder: Path | None) -> None:
        try:
            self._service.set_second_folder(folder)
        except BackupFailed as failed:
            self.notice.show_notice("error", failure_text(failed.failure))
            return
        if folder is None:
            self.notice.show_notice("info", translate("BackupDialog", "已不再复制到第二位置。"))
        else:
            self.notice.show_notice("ok", translate(
                "BackupDialog", "以后每次备份都会再复制一份到：{folder}").format(folder=str(folder)))
        self.refresh()

    # -- restoring ---------------------------------------------------------------------------
    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is not None and not self._runner.busy and self.ask_restore(self, backup):
            self.restore_chosen.emit(backup.path)
            self.accept()

    def restore_from_file(self) -> None:
        chosen = self.choose_restore_file(self)
        if not chosen:
            return
        try:
            backup = self._service.read_file(Path(chosen))
        except BackupFailed as failed:
            self.notice.show_notice("error", failure_text(failed.failure))
            return
        if self.ask_restore(self, backup):
            self.restore_chosen.emit(backup.path)
            self.accept()

    # -- questions; tests replace these ------------------------------------------------------
    @staticmethod
    def ask_restore(parent, backup: BackupInfo) -> bool:
        counts = backup.counts
        text = translate(
            "BackupDialog", "用 {when} 的备份（案件 {cases} 件，当事人 {parties} 人，调解协议 {agreements} 份）"
                            "替换现在的数据？").format(when=when(backup.created), cases=_count(counts.get("cases")),
                                                   parties=_count(counts.get("parties")),
                                                   agreements=_count(counts.get("agreements")))
        detail = translate("BackupDialog", "现在的数据会先完整备份一份（类型“恢复前”），不会丢失。"
                                           "这份备份之后登记或修改的内容，恢复后需要重新核对。恢复后窗口会重新打开。")
        if backup.database_only:
            detail += "\n" + translate("BackupDialog", "这份备份只有数据库，存档文件保持现状。")
        box = QMessageBox(QMessageBox.Icon.Question, translate("BackupDialog", "恢复备份"), text, parent=parent)
        box.setInformativeText(detail)
        restore = box.addButton(translate("BackupDialog", "恢复"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(translate("BackupDialog", "取消"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is restore

    @staticmethod
    def choose_folder(parent) -> str:
        return QFileDialog.getExistingDirectory(parent, translate("BackupDialog", "选择第二备份位置（如U盘）"))

    @staticmethod
    def choose_export_file(parent, today: dt.date) -> str:
        name = translate("BackupDialog", "三理室调解台备份-{date}.zip").format(date=today.strftime("%Y%m%d"))
        path, _filter = QFileDialog.getSaveFileName(parent, translate("BackupDialog", "导出备份"), name,
                                                    translate("BackupDialog", "备份文件 (*.zip)"))
        return path

    @staticmethod
    def choose_restore_file(parent) -> str:
        path, _filter = QFileDialog.getOpenFileName(
            parent, translate("BackupDialog", "选择备份文件"), "",
            # A backup folder (e.g. on the USB drive) is chosen through its manifest.json or database.
            translate("BackupDialog", "备份文件或备份文件夹里的 manifest.json (*.zip *.sqlite3 manifest.json)"))
        return path


def _count(value) -> str:
    return "—" if value is None else str(value)


def ask_damaged_at_start(folder: Path | None, good: BackupInfo | None,
                         fewer_cases: list[BackupInfo] | tuple = ()) -> bool:
    """At start, the database could not be used. Says what happened; True: restore ``good``.
    Without a good backup it only informs (the app then starts with an empty database).
    ``fewer_cases``: newer backups not offered because they hold fewer cases than an older one
    (BackupService.newest_good()); the newest is named with a warning, so none is left out silently."""
    if folder is not None:
        text = translate("BackupDialog", "打开数据库时发现文件已损坏（可能是停电或硬盘故障造成的）。"
                                         "损坏的文件已原样移到下面的文件夹，没有删除任何东西：\n{folder}").format(folder=str(folder))
    else:
        text = translate("BackupDialog", "上次发现数据库已损坏，还没有恢复。")
    warning = ""
    if fewer_cases:
        newest = fewer_cases[0]
        warning = "\n\n" + translate(
            "BackupDialog", "注意：有 {count} 份较新的备份比更早的备份案件少（最近一份是 {when} 的，案件 {cases} 件），"
                            "可能是在数据丢失之后做的，所以没有选用。如确实需要，可以在程序里“文件 → 备份与恢复”中手动选择。").format(
            count=len(fewer_cases), when=when(newest.created), cases=_count(newest.counts.get("cases")))
    box = QMessageBox(QMessageBox.Icon.Warning, translate("BackupDialog", "数据库文件已损坏"), text)
    if good is None:
        box.setInformativeText(translate(
            "BackupDialog", "没有找到完好的备份。程序将新建一个空白数据库继续使用；"
                            "损坏的文件请交给技术支持人员尝试修复。") + warning)
        box.addButton(translate("BackupDialog", "继续"), QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return False
    counts = good.counts
    box.setInformativeText(translate(
        "BackupDialog", "最近一份完好的备份是 {when} 的（案件 {cases} 件，当事人 {parties} 人，调解协议 {agreements} 份）。"
                        "建议用它恢复；恢复后，请核对这之后登记或修改的案件。").format(
        when=when(good.created), cases=_count(counts.get("cases")), parties=_count(counts.get("parties")),
        agreements=_count(counts.get("agreements"))) + warning)
    restore = box.addButton(translate("BackupDialog", "用这份备份恢复"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("BackupDialog", "退出"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore
