"""Preview a generated PDF inside the app and print it, without relying on a PDF viewer being
installed on the office PC (QtPdf renders it; QtPrintSupport prints it page by page).

Printing runs on a worker thread (ui/tasks.py). Rendering a page at 300 dpi takes ~25-50 ms, handing the
picture to the printer (the print engine compresses it) ~200-400 ms: a 17-page 调解卷宗 held the window for
~4 s, and rendering in the worker with only the painting left on the GUI thread would still have held it
for ~3.3 s. Qt allows a QPainter on a QPrinter outside the GUI thread (as on a QImage), so the worker does
both: it loads the file into a QPdfDocument of its own (QtPdf keeps its renderer behind one lock, so the
preview may draw meanwhile) and paints the printer, which the GUI thread leaves alone until the work has
ended; the picture goes in bands (``_draw_in_bands``) so that the GUI thread gets its turn in between.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QImageWriter, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout

from .i18n import translate
from .tasks import Task, present_error, run_task


def print_pdf(document: QPdfDocument, printer: QPrinter, dpi: int = 300,
              progress: Callable[[int, int], None] | None = None) -> int:
    """Print every page of ``document`` on ``printer``, each scaled to fit the printable area; any
    thread (a QPainter on a QPrinter is allowed off the GUI thread). ``progress(pages sent, pages)``
    after each page. Returns the number of pages sent."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    sent = 0
    count = document.pageCount()
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(count):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
            image = document.render(page, size)
            scale = min(area.width() / image.width(), area.height() / image.height())
            _draw_in_bands(painter, image, scale)
            sent += 1
            if progress is not None:
                progress(sent, count)
    finally:
        painter.end()
    return sent


BAND_ROWS = 512  # rows of a page's picture handed to the printer in one call: ~7 bands on A4 at 300 dpi


def _draw_in_bands(painter: QPainter, image: QImage, scale: float) -> None:
    """``image`` drawn at ``scale`` from the top left, a band of rows at a time. PySide holds the
    interpreter lock through each Qt call, and the print engine takes ~0.2-0.4 s to take in a whole page's
    picture: in bands the GUI thread gets its turn between them (the longest wait ~60-80 ms instead of
    ~400). The band edges fall on whole device pixels, each shared by the bands on either side, so no gap
    shows between them."""
    width = round(image.width() * scale)
    for top in range(0, image.height(), BAND_ROWS):
        bottom = min(top + BAND_ROWS, image.height())
        y0, y1 = round(top * scale), round(bottom * scale)
        painter.drawImage(QRect(0, y0, width, y1 - y0), image, QRect(0, top, image.width(), bottom - top))


def print_pdf_file(path: Path, printer: QPrinter, dpi: int = 300,
                   progress: Callable[[int, int], None] | None = None) -> int:
    """The worker's half of 打印…: ``path`` loaded into a QPdfDocument of this thread's own (a QObject
    belongs to the thread that made it; the preview's stays with the GUI thread) and printed."""
    document = QPdfDocument()
    try:
        if document.load(str(path)) != QPdfDocument.Error.None_:
            raise OSError(errno.ENOENT, "the PDF could not be read", str(path))
        return print_pdf(document, printer, dpi, progress)
    finally:
        document.close()


class PdfPreviewDialog(QDialog):
    """The document as it will print, with 打印… and 用其他程序打开."""

    def __init__(self, path: Path, title: str = "", parent=None, copies: int = 1):
        super().__init__(parent)
        self.path = Path(path)
        self.copies = max(int(copies), 1)  # preset in the print dialog: an agreement needs parties + 1
        self.setWindowTitle(title or self.path.name)
        self.document = QPdfDocument(self)
        self.document.load(str(self.path))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.info = QLabel(translate("PdfPreview", "共{n}页　文件：{path}").format(
            n=self.document.pageCount(), path=str(self.path)))
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton(translate("PdfPreview", "打印…"), clicked=lambda: self.print_document())
        self.print_progress = QProgressBar()  # pages sent while printing runs on its worker thread
        self.print_progress.setFormat(translate("PdfPreview", "正在打印：第%v页，共%m页"))
        self.print_progress.hide()
        self.print_task: Task | None = None
        self.open_button = QPushButton(translate("PdfPreview", "用其他程序打开"), clicked=self.open_externally)
        close = QPushButton(translate("PdfPreview", "关闭"), clicked=self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.info, 1)
        buttons.addWidget(self.print_progress)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.resize(900, 760)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    @property
    def printing(self) -> bool:
        return self.print_task is not None and self.print_task.running

    def print_document(self, printer: QPrinter | None = None) -> Task | None:
        """Ask for the printer (unless one is given, as tests do) and print every page on a worker thread
        (ui/tasks.py: the work gets the file's path and the printer), the window answering meanwhile and
        the button waiting until the pages are sent. Returns the Task, whose result is the number of pages
        sent; None when nothing was started (printing already, or the print dialog cancelled)."""
        if self.printing:
            return None
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setCopyCount(self.copies)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
        self.print_button.setEnabled(False)
        # Qt's PDF engine asks the image plugins which formats they write for each picture; the first ask
        # loads them and moves them to the GUI thread, under a lock that a widget being deleted on the GUI
        # thread (waiting for the interpreter lock the worker holds) may hold: a deadlock seen in the test
        # suite. Asked here, on the GUI thread, they are loaded before the worker starts.
        QImageWriter.supportedImageFormats()
        # The Task holds the printer until the work has ended: the GUI thread does not touch it meanwhile.
        self.print_task = run_task(print_pdf_file, self.path, printer, owner=self, name="print-pdf", with_progress=True,
                                   progress_bar=self.print_progress, on_done=self._on_printed,
                                   on_error=self._on_print_failed)
        return self.print_task

    def _on_printed(self, _pages: int) -> None:
        self.print_progress.hide()
        self.print_button.setEnabled(True)

    def _on_print_failed(self, error: BaseException) -> None:
        self._on_printed(0)
        present_error(error)

    def open_externally(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))
