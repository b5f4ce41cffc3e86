"""制作案卷文书: the case file's other coded documents (申请书, 受理登记表, 告知书, 口头协议登记表,
化解处理意见书) made from what was entered, and the bound 调解卷宗 — a button with its menu, at the
bottom right of the 调解协议 tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMenu, QPushButton

from ..i18n import translate, vtr
from ..tasks import Task, present_error, run_task

# The case file's coded documents offered under 案卷文书, in the MOJ file order.
CASE_FORMS = ("application", "registration", "rights_notice", "oral", "opinion")


class CaseFormsButton(QPushButton):
    """The 制作案卷文书 button. A push button with a menu counts the menu arrow in its width (a QToolButton
    in instant-popup mode draws the arrow over the last character) and looks like the buttons beside it.

    It works on ``case_id``; before making anything it emits ``about_to_make`` (the tab saves its draft),
    tells what came of it through ``reported(kind, text)`` (a NoticeLabel kind) and ``made(key)`` once a
    document is archived, and shows the PDF for printing when ``open_files`` (tests turn it off). The
    调解卷宗, many documents made afresh, is bound on a worker thread; the single documents are quick."""

    about_to_make = Signal()
    reported = Signal(str, str)
    made = Signal(str)  # the CASE_FORMS key of the document just archived
    busy_changed = Signal()  # a 调解卷宗 began or ended binding

    def __init__(self, documents, parent=None):
        super().__init__(parent)
        self._documents = documents
        self.case_id: int | None = None
        self.open_files = True
        self.bind_task: Task | None = None  # the 调解卷宗 being bound
        self._held = False
        self.forms_menu = QMenu(self)
        self.form_actions = {key: self.forms_menu.addAction("", lambda _checked=False, k=key: self.make_form(k))
                             for key in CASE_FORMS}
        self.forms_menu.addSeparator()
        self.case_file_action = self.forms_menu.addAction("", lambda: self.make_case_file())
        self.setMenu(self.forms_menu)
        self.choose_retention = self._choose_retention
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(translate("AgreementTab", "制作案卷文书"))
        self.setToolTip(translate("AgreementTab", "用本案已录入的信息制作案卷所需的其他文书，每页印有核验码"))
        texts = {"application": translate("AgreementTab", "人民调解申请书"),
                 "registration": translate("AgreementTab", "人民调解受理登记表"),
                 "rights_notice": translate("AgreementTab", "当事人权利义务告知书"),
                 "oral": translate("AgreementTab", "人民调解口头协议登记表"),
                 "opinion": translate("AgreementTab", "化解处理意见书")}
        for key, action in self.form_actions.items():
            action.setText(texts[key])
        self.case_file_action.setText(translate("AgreementTab", "整理调解卷宗（一个PDF）…"))

    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self._update()

    def make_form(self, key: str):
        """Make one of the case file's coded documents from what was entered, archive it in the case's
        folder, record its code, and show it for printing. Returns (path, code) or None."""
        from ...services.documents import DocumentRefused

        if self.case_id is None or self._documents is None or self.binding:
            return None
        self.about_to_make.emit()
        make = {"application": self._documents.application_form, "rights_notice": self._documents.rights_notice,
                "oral": self._documents.oral_agreement_register, "opinion": self._documents.resolution_opinion}
        try:
            if key == "registration":
                path = self._documents.registration_form(self.case_id)
                code = next((d.code for d in self._documents.issued(self.case_id) if d.kind == "registration"), "")
            else:
                path, code = make[key](self.case_id)
        except DocumentRefused as refused:
            self.reported.emit("warning", translate("Documents", str(refused)))
            return None
        except OSError as err:
            self.reported.emit("error", translate("AgreementTab", "文书无法写入数据文件夹：{error}").format(
                error=err.strerror or str(err)))
            return None
        title = self.form_actions[key].text()
        self.made.emit(key)
        self.reported.emit("ok", translate("AgreementTab", "{title}已生成并存档，核验码 {code}：{path}").format(
            title=title, code=code, path=str(path)))
        if self.open_files:
            from ..pdf_preview import PdfPreviewDialog

            PdfPreviewDialog(path, title, self.window()).exec()
        return path, code

    def _choose_retention(self) -> str | None:
        from PySide6.QtWidgets import QInputDialog

        from ...documents.case_file import RETENTIONS

        shown = [translate("AgreementTab", "永久"), translate("AgreementTab", "长期（60年）"),
                 translate("AgreementTab", "短期（30年）")]
        chosen, ok = QInputDialog.getItem(self.window(), translate("AgreementTab", "整理调解卷宗"), translate(
            "AgreementTab", "保管期限（根据纠纷类型、协议内容和当事人实际情况确定）："), shown, 1, False)
        return RETENTIONS[shown.index(chosen)] if ok else None

    @property
    def binding(self) -> bool:
        """A 调解卷宗 is being bound."""
        return self.bind_task is not None and self.bind_task.running

    def hold(self, on: bool) -> None:
        """Nothing is made while ``on`` (the tab is printing a version the 卷宗 would bind)."""
        self._held = on
        self._update()

    def _update(self) -> None:
        self.setEnabled(self.case_id is not None and self._documents is not None and not self._held
                        and not self.binding)

    def make_case_file(self) -> Task | None:
        """Bind the case's 调解卷宗 (cover, 卷内目录, every document in the MOJ order, back cover) on a worker
        thread (ui/tasks.py: the work gets the case's id and the 保管期限), under a progress dialog; the
        bound file opens when it is ready, and nothing else is made meanwhile. Returns the Task, whose
        result is (path, pages of documents); None when nothing was started."""
        if self.case_id is None or self._documents is None or self.binding:
            return None
        self.about_to_make.emit()
        retention = self.choose_retention()
        if retention is None:
            return None
        self.bind_task = run_task(self._documents.case_file, self.case_id, retention, owner=self, name="case-file",
                                  message=translate("AgreementTab", "正在整理调解卷宗…"),
                                  on_done=lambda made: self._on_bound(made, retention), on_error=self._on_bind_failed)
        self._update()
        self.busy_changed.emit()
        return self.bind_task

    def _on_bound(self, made: tuple[Path, int], retention: str) -> None:
        path, pages = made
        self._update()
        self.busy_changed.emit()
        self.reported.emit("ok", translate(
            "AgreementTab", "调解卷宗已整理：共{pages}页文书（另有封面、卷内目录和封底），保管期限{retention}：{path}").format(
            pages=pages, retention=vtr(retention), path=str(path)))
        if self.open_files:
            from ..pdf_preview import PdfPreviewDialog

            PdfPreviewDialog(path, translate("AgreementTab", "调解卷宗"), self.window()).exec()

    def _on_bind_failed(self, error: BaseException) -> None:
        from ...services.documents import DocumentRefused

        self._update()
        self.busy_changed.emit()
        if isinstance(error, DocumentRefused):
            self.reported.emit("warning", translate("Documents", str(error)))
        elif isinstance(error, OSError):
            self.reported.emit("error", translate("AgreementTab", "文书无法写入数据文件夹：{error}").format(
                error=error.strerror or str(error)))
        else:
            present_error(error)
