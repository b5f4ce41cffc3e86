"""The hub window's backups (ui/hub/window.py), as the village window makes them (ui/main_window.py): on SQLite a
backup at start and one a day on a worker thread (ui/backup_dialog.BackupRunner), the status bar's 上次备份 label,
and 文件 → 备份与恢复… (back up now, export, the second folder such as a USB drive, restore). The backup holds the
database and hub-documents/, the villages' documents the hub keeps (services/backup/snapshot.py).

On PostgreSQL (--hub --database) there is no file here to copy: the cases and the documents are in the server's
database, which is backed up with pg_dump; the status bar says so and the menu offers nothing."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMessageBox

from ...domain.accounts import Permission
from ..i18n import translate


class HubBackups(QObject):
    """The backup parts of ``window`` (a HubWindow: its ``services``, ``may()``, status bar and
    ``restored`` signal). ``offered``: the services have ``backups`` (a SQLite hub)."""

    def __init__(self, window):
        super().__init__(window)
        self._window = window
        self.offered = window.services.offers("backups")
        self._runner = None
        self.label = None  # ui/backup_dialog.BackupStatusLabel, built after the first paint
        self.restore_task = None
        self.action = QAction(window, triggered=self.show_dialog)
        self.action.setVisible(self.offered and window.may(Permission.BACKUP))
        self.server_label = None
        if self.offered:
            window.after_first_paint(self._build)
        else:
            self.server_label = QLabel()
            self.server_label.setStyleSheet("margin-left: 12px;")
            window.statusBar().addPermanentWidget(self.server_label)

    def retranslate(self) -> None:
        self.action.setText(translate("HubWindow", "备份与恢复…"))
        if self.server_label is not None:
            self.server_label.setText(translate("HubWindow", "备份：服务器上用 pg_dump"))
            self.server_label.setToolTip(translate(
                "HubWindow", "数据库在 PostgreSQL 服务器上，各村的存档文件也在其中：请由管理服务器的人用 pg_dump 定期备份"
                             "（用 pg_restore 或 psql 恢复）。本程序不在这台电脑上备份它。"))
        if self.label is not None:
            self.label.refresh()

    @property
    def runner(self):
        """The BackupRunner (built when first asked for), None on a PostgreSQL hub."""
        if self.offered and self._runner is None:
            self._build()
        return self._runner

    def _build(self) -> None:
        if self._runner is not None:
            return
        from ..backup_dialog import BackupRunner, BackupStatusLabel

        services = self._window.services
        self._runner = BackupRunner(services.backups, self)
        self.label = BackupStatusLabel(services.backups, self._runner)
        self.label.clicked.connect(self.show_dialog)
        self.label.setEnabled(self._window.may(Permission.BACKUP))
        self._window.statusBar().insertPermanentWidget(0, self.label)  # first, as in the village's window

    def start(self) -> None:
        """After the window is up: a backup now (off the GUI thread), then one a day."""
        from ...services.backup import START

        if self.runner is not None:
            self.runner.run(START)
            self.runner.start_daily()

    def dialog(self):
        from ..backup_dialog import BackupDialog

        dialog = BackupDialog(self._window.services.backups, self.runner, self._window)
        dialog.intro_label.setText(translate(
            "HubWindow", "程序每次启动时和每天自动备份数据库和各村报送的存档文件（hub-documents 文件夹，仍是加密的），"
                         "每份都会读回校验。保留最近7天每天一份、4周每周一份、12个月每月一份；升级前和恢复前的备份一直保留。"))
        dialog.restore_chosen.connect(self.restore)
        if not self._window.may(Permission.RESTORE):
            for button in (dialog.restore_button, dialog.restore_file_button):
                button.setVisible(False)  # a clerk backs up; only the administrator restores
        return dialog

    def show_dialog(self) -> None:
        if self.offered and self._window.may(Permission.BACKUP):
            self.dialog().exec()

    # -- restoring: as MainWindow.restore_backup, without the village's open forms ----------------------------
    @property
    def restoring(self) -> bool:
        return self.restore_task is not None and self.restore_task.running

    def restore(self, path):
        """Restore ``path`` on a worker thread behind a progress dialog; the window takes no input meanwhile.
        Done: ``restored`` (the app opens a window on the restored data after the login). Returns the Task."""
        window = self._window
        self._take_input(False)
        window.services.backups.close_database()  # here: its read connection belongs to this thread
        self.restore_task = self.runner.restore(
            window.services.paths, path, on_done=self._on_restored, on_error=self._on_failed, owner=window,
            message=translate("HubWindow", "正在恢复备份，请稍候…"))
        return self.restore_task

    def _take_input(self, enabled: bool) -> None:
        for part in (self._window.menuBar(), self._window.centralWidget(), self._window.statusBar()):
            part.setEnabled(enabled)

    def _on_restored(self, result) -> None:
        from ..backup_dialog import when

        window = self._window
        window.services.backups.close_database()
        before = translate("HubWindow", "恢复前的数据保存在：{path}").format(path=str(result.before.path)) \
            if result.before else ""
        QMessageBox.information(window, translate("HubWindow", "已恢复"), translate(
            "HubWindow", "已恢复 {when} 的备份：各村案件 {cases} 件，存档文件 {documents} 个。").format(
            when=when(result.restored.created), cases=result.restored.counts.get("cases") or 0,
            documents=result.restored.documents) + "\n" + before)
        window.discarded = True  # stays without input: the app replaces it with a window on the restored data
        window.restored.emit()

    def _on_failed(self, error: BaseException) -> None:
        from ...services.backup import BackupFailed
        from ..backup_dialog import failure_text
        from ..tasks import present_error

        self._window.services.backups.close_database()
        self._take_input(True)
        if isinstance(error, BackupFailed):
            QMessageBox.warning(self._window, translate("HubWindow", "没有恢复"), failure_text(error.failure))
        else:  # a bug: where an uncaught exception goes
            present_error(error)

    def wait(self) -> None:
        """Closing: a backup under way is finished, not left half-written."""
        if self._runner is not None:
            self._runner.wait()
