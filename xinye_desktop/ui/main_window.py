"""The main window: the case ledger and the four steps of a 三理室 case, as tabs."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from ..domain.errors import NotFound
from ..paths import DataPaths
from ..services.documents import DocumentService
from ..services.drafts import DraftStore
from ..services.elders import ElderService, PeopleService
from ..services.intake import IntakeService
from ..services.ledger import LedgerService
from ..services.roster import RosterImporter
from ..services.selection import SelectionService
from ..services.aftercare import AftercareService
from ..services.agreements import AgreementService
from ..services.backup import START, BackupFailed, BackupService
from ..services.session import SessionService
from ..services.settings import CommitteeSettings, SettingsService
from ..services.canvass import CanvassService
from ..services.statistics import StatisticsService
from .elder_tab import ElderTab
from .i18n import LANGUAGES, Translations, translate
from .intake_tab import IntakeTab
from .ledger_tab import LedgerTab
from .aftercare_tab import AftercareTab
from .about_dialog import AboutDialog
from .agreement_tab import AgreementTab, VerifyDialog
from .backup_dialog import BackupDialog, BackupRunner, BackupStatusLabel, failure_text, when
from .session_tab import SessionTab
from .statistics_tab import StatisticsTab
from .settings_dialog import SettingsDialog
from .today_tab import TodayTab

CTX = "MainWindow"


@dataclass
class AppServices:
    paths: DataPaths
    intake: IntakeService
    ledger: LedgerService
    settings: SettingsService
    drafts: DraftStore
    documents: DocumentService
    elders: ElderService
    selection: SelectionService
    people: PeopleService
    roster: RosterImporter
    sessions: SessionService
    agreements: AgreementService
    statistics: StatisticsService
    backups: BackupService
    aftercare: AftercareService
    canvasses: CanvassService


class MainWindow(QMainWindow):
    # A backup was restored: this window's forms and lists belong to the data before it, so the
    # app replaces the window with a fresh one (app.py); this one closes without saving anything.
    restored = Signal()

    def __init__(self, services: AppServices, translations: Translations, ui_settings: QSettings):
        super().__init__()
        self.services = services
        self._translations = translations
        self._ui_settings = ui_settings
        self.committee: CommitteeSettings = services.settings.load()

        self.case_banner = QLabel()
        self.case_banner.setStyleSheet("padding: 4px 8px; background: #eef3f8; border-radius: 4px;")
        self.tabs = QTabWidget()
        self.ledger_tab = LedgerTab(services.ledger)
        self.intake_tab = IntakeTab(services.intake, services.drafts, self.ledger_tab.village_names(),
                                    services.documents)
        self.elder_tab = ElderTab(services.selection, services.elders, services.people, services.drafts,
                                  services.documents, services.roster)
        self.session_tab = SessionTab(services.sessions, services.documents)
        self.agreement_tab = AgreementTab(services.agreements, services.documents)
        self.aftercare_tab = AftercareTab(services.aftercare, services.documents)
        self.today_tab = TodayTab(services.ledger)
        self.statistics_tab = StatisticsTab(services.statistics, services.ledger,
                                            committee=lambda: self.committee.committee_name,
                                            canvasses=services.canvasses)
        for widget in (self.today_tab, self.ledger_tab, self.intake_tab, self.elder_tab, self.session_tab,
                       self.agreement_tab, self.aftercare_tab, self.statistics_tab):
            self.tabs.addTab(widget, "")

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addWidget(self.case_banner)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.committee_label = QLabel()
        self.backup_runner = BackupRunner(services.backups, self)
        self.backup_label = BackupStatusLabel(services.backups, self.backup_runner)
        self.backup_label.clicked.connect(self.show_backups)
        self.statusBar().addPermanentWidget(self.backup_label)
        self.statusBar().addPermanentWidget(self.committee_label)
        self._discarded = False

        self._build_menus()
        self.ledger_tab.case_chosen.connect(self.open_case)
        self.ledger_tab.new_case_requested.connect(self.new_case)
        self.intake_tab.case_saved.connect(self._on_intake_tab_case_saved)
        self.session_tab.changed.connect(self._on_case_status_changed)
        self.agreement_tab.changed.connect(self._on_aftercare_changed)
        self.aftercare_tab.changed.connect(self._on_aftercare_changed)
        self.today_tab.case_chosen.connect(self.open_case_aftercare)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        for signal in (self.intake_tab.case_saved, self.session_tab.changed, self.session_tab.prevention_changed,
                       self.agreement_tab.changed, self.aftercare_tab.changed):
            signal.connect(lambda _id: self.statistics_tab.mark_stale())
        self.elder_tab.choice_page.changed.connect(lambda _id: self.session_tab.refresh())

        self.retranslate()
        # Today's work first when there is any; else the ledger, to find a case.
        self.today_tab.refresh()
        self.tabs.setCurrentWidget(self.today_tab if self.today_tab.work.total else self.ledger_tab)
        self.resize(1280, 720)
        self.setMinimumSize(760, 440)  # 1366×768 at 150% scaling leaves ~910×470
        geometry = ui_settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    # -- menus ---------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_action = QAction(self, shortcut=QKeySequence("Ctrl+N"), triggered=self.new_case)
        self.ledger_action = QAction(self, shortcut=QKeySequence("Ctrl+L"),
                                     triggered=lambda: self.tabs.setCurrentWidget(self.ledger_tab))
        self.quit_action = QAction(self, shortcut=QKeySequence("Ctrl+Q"), triggered=self.close)
        self.file_menu.addActions([self.new_action, self.ledger_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.settings_menu = bar.addMenu("")
        self.committee_action = QAction(self, triggered=self.edit_settings)
        self.settings_menu.addAction(self.committee_action)
        self.verify_action = QAction(self, triggered=self.verify_agreement)
        self.file_menu.insertAction(self.quit_action, self.verify_action)
        self.backup_action = QAction(self, triggered=self.show_backups)
        self.file_menu.insertAction(self.quit_action, self.backup_action)

        self.language_menu = bar.addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == self._translations.language)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self, triggered=self.show_about)
        self.help_menu.addAction(self.about_action)

    # -- language ------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("MainWindow", "三理室调解台") + (f" — {self.committee.committee_name}"
                                                      if self.committee.committee_name else ""))
        titles = (translate("MainWindow", "今日工作"), translate("MainWindow", "案件台账"),
                  translate("MainWindow", "案件受理"), translate("MainWindow", "选择明白人"),
                  translate("MainWindow", "法理情调解"), translate("MainWindow", "调解协议"),
                  translate("MainWindow", "回访与履行"), translate("MainWindow", "统计报表"))
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        self.file_menu.setTitle(translate("MainWindow", "文件(&F)"))
        self.new_action.setText(translate("MainWindow", "新建受理登记"))
        self.ledger_action.setText(translate("MainWindow", "查找案件（台账）"))
        self.quit_action.setText(translate("MainWindow", "退出"))
        self.settings_menu.setTitle(translate("MainWindow", "设置(&S)"))
        self.committee_action.setText(translate("MainWindow", "调委会设置…"))
        self.verify_action.setText(translate("MainWindow", "验证核验码（协议书及案卷文书）…"))
        self.backup_action.setText(translate("MainWindow", "备份与恢复…"))
        self.language_menu.setTitle(translate("MainWindow", "语言 / Language"))
        self.help_menu.setTitle(translate("MainWindow", "帮助(&H)"))
        self.about_action.setText(translate("MainWindow", "关于三理室调解台"))
        self._update_banner()
        self._update_status()
        self.backup_label.refresh()

    def set_language(self, code: str) -> None:
        if not self._translations.apply(code):
            self.statusBar().showMessage(translate("MainWindow", "找不到该语言的翻译文件，仍使用简体中文。"), 8000)
        self._ui_settings.setValue("language", self._translations.language)
        self.language_actions[self._translations.language].setChecked(True)

    # -- cases ---------------------------------------------------------------------------
    def open_case(self, case_id: int) -> None:
        if self.intake_tab.current_case_id != case_id and not self.intake_tab.release_form():
            return
        try:
            case = self.services.intake.load(case_id)
        except NotFound:
            QMessageBox.warning(self, translate("MainWindow", "找不到案件"), translate("MainWindow", "这个案件已不在数据库中。"))
            self.ledger_tab.refresh()
            return
        self.intake_tab.load_case(case)
        self.elder_tab.set_case(case.id)
        self.session_tab.set_case(case.id)
        self.agreement_tab.set_case(case.id)
        self.aftercare_tab.set_case(case.id)
        self.tabs.setCurrentWidget(self.intake_tab)
        self._update_banner()

    def open_case_aftercare(self, case_id: int) -> None:
        """From today's work: the case, at its 回访与履行 page."""
        self.open_case(case_id)
        if self.aftercare_tab.case_id == case_id:
            self.tabs.setCurrentWidget(self.aftercare_tab)

    def _on_aftercare_changed(self, case_id: int) -> None:
        """An agreement was signed, a visit recorded, a stage changed: the lists and the form follow."""
        self.ledger_tab.refresh()
        self.today_tab.refresh()
        if self.aftercare_tab.case_id == case_id and self.sender() is not self.aftercare_tab:
            self.aftercare_tab.refresh()
        if self.intake_tab.current_case_id == case_id and not self.intake_tab.is_dirty():
            self.intake_tab.load_case(self.services.intake.load(case_id))

    def _on_tabs_current_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.today_tab:
            self.today_tab.refresh()

    def new_case(self) -> None:
        self.tabs.setCurrentWidget(self.intake_tab)
        self.intake_tab.new_case(confirm=True)
        self.elder_tab.set_case(self.intake_tab.current_case_id)
        self.session_tab.set_case(self.intake_tab.current_case_id)
        self.agreement_tab.set_case(self.intake_tab.current_case_id)
        self.aftercare_tab.set_case(self.intake_tab.current_case_id)
        self._update_banner()

    def _on_intake_tab_case_saved(self, case_id: int) -> None:
        self.ledger_tab.refresh()
        self.elder_tab.set_case(case_id)
        self.session_tab.set_case(case_id)
        self.agreement_tab.set_case(case_id)
        self.aftercare_tab.set_case(case_id)
        self.intake_tab.set_villages(self.ledger_tab.village_names())
        self._update_banner()
        self._update_status()

    def _on_case_status_changed(self, case_id: int) -> None:
        """A sitting started or ended: the ledger, the people tab and an unchanged intake form follow."""
        self.ledger_tab.refresh()
        self.today_tab.refresh()
        self.elder_tab.set_case(case_id)
        self.agreement_tab.set_case(case_id)
        self.aftercare_tab.set_case(case_id)
        if self.intake_tab.current_case_id == case_id and not self.intake_tab.is_dirty():
            self.intake_tab.load_case(self.services.intake.load(case_id))

    def _update_banner(self) -> None:
        number = self.intake_tab.current_case_number
        if self.intake_tab.current_case_id is None:
            self.case_banner.setText(translate("MainWindow", "当前案件：无（在“案件台账”中双击一个案件，或新建受理登记）"))
        else:
            self.case_banner.setText(translate("MainWindow", "当前案件：{number}").format(number=number))

    def _update_status(self) -> None:
        name = self.committee.committee_name or translate("MainWindow", "尚未设置调委会名称（设置 → 调委会设置）")
        self.committee_label.setText(translate("MainWindow", "{committee}　数据位置：{folder}").format(
            committee=name, folder=str(self.services.paths.root)))

    # -- dialogs -------------------------------------------------------------------------
    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.services.settings, self.committee, self)
        if dialog.exec() and dialog.saved is not None:
            self.committee = dialog.saved
            self.retranslate()

    def verify_agreement(self) -> None:
        VerifyDialog(self.services.agreements, self).exec()

    # -- backups -------------------------------------------------------------------------
    def start_backups(self) -> None:
        """After the window is up: a backup now (off the GUI thread), then one a day."""
        self.backup_runner.run(START)
        self.backup_runner.start_daily()

    def backup_dialog(self) -> BackupDialog:
        dialog = BackupDialog(self.services.backups, self.backup_runner, self)
        dialog.restore_chosen.connect(self.restore_backup)
        return dialog

    def show_backups(self) -> None:
        self.backup_dialog().exec()

    def restore_backup(self, path) -> bool:
        """Restore after the open work is saved: the sitting and agreement go to the database
        (and so into the before-restore backup), an unsaved intake form is kept as a dated draft."""
        self.session_tab.flush()
        self.agreement_tab.flush()
        if self.intake_tab.is_dirty():
            self.intake_tab.archive_unsaved()
        self.backup_runner.wait()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self.services.backups.restore(path)
        except BackupFailed as failed:
            QApplication.restoreOverrideCursor()
            QMessageBox.warning(self, translate("MainWindow", "没有恢复"), failure_text(failed.failure))
            return False
        QApplication.restoreOverrideCursor()
        before = translate("MainWindow", "恢复前的数据保存在：{path}").format(path=str(result.before.path)) \
            if result.before else ""
        QMessageBox.information(self, translate("MainWindow", "已恢复"), translate(
            "MainWindow", "已恢复 {when} 的备份：案件 {cases} 件。").format(
            when=when(result.restored.created), cases=result.restored.counts.get("cases") or 0) + "\n" + before)
        self._discarded = True
        self.restored.emit()
        return True

    def save_drafts(self) -> None:
        """After an unexpected error: put what is typed on disk now (offered back at the next start)."""
        self.intake_tab.save_draft()

    def show_about(self) -> None:
        AboutDialog(self.services.paths.root, self).exec()

    def offer_draft(self) -> None:
        """On start: if the last session left an unsaved intake form, offer it back."""
        found = self.intake_tab.pending_draft()
        if not found:
            return
        payload, saved_at = found
        if self.ask_restore_draft(self, saved_at):
            try:
                self.intake_tab.restore_draft(payload)
            except (ValueError, KeyError, TypeError):  # e.g. a draft written by a newer version
                self.intake_tab.set_aside_draft()
                self.statusBar().showMessage(translate(
                    "MainWindow", "草稿无法读取，已另存在草稿文件夹中：{folder}").format(
                    folder=str(self.services.paths.drafts)), 15000)
                return
            self.tabs.setCurrentWidget(self.intake_tab)
            self._update_banner()
        else:
            self.intake_tab.set_aside_draft()

    @staticmethod
    def ask_restore_draft(parent, saved_at) -> bool:
        """Ask whether to restore a draft. Tests replace this to answer without a dialog."""
        box = QMessageBox(QMessageBox.Icon.Question, translate("MainWindow", "恢复未保存的登记"), translate(
            "MainWindow", "上次有一份受理登记没有保存（{time}）。是否恢复？\n选择“不恢复”时，这份草稿会另存起来，不会删除。")
            .format(time=saved_at.strftime("%Y-%m-%d %H:%M")), parent=parent)
        restore = box.addButton(translate("MainWindow", "恢复"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(translate("MainWindow", "不恢复"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        return box.clickedButton() is restore

    def closeEvent(self, event) -> None:
        self.backup_runner.wait()  # a backup under way is finished, not left half-written
        if self._discarded:  # replaced after a restore: its forms belong to the data before it
            super().closeEvent(event)
            return
        self.session_tab.flush()  # what was typed in the sitting goes to the database now
        self.agreement_tab.flush()
        self.intake_tab.save_draft()  # flush what the autosave timer had not written yet
        self._ui_settings.setValue("window/geometry", self.saveGeometry())
        self._ui_settings.sync()
        super().closeEvent(event)
