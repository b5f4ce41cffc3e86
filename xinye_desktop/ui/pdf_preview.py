"""Preview a generated PDF inside the app and print it, without relying on a PDF viewer being
installed on the office PC (QtPdf renders it; QtPrintSupport prints it page by page)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from .i18n import translate


def print_pdf(document: QPdfDocument, printer: QPrinter, dpi: int = 300) -> int:
    """Print every page of ``document`` on ``printer``, each scaled to fit the printable area.
    Returns the number of pages sent."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    sent = 0
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
            image = document.render(page, size)
            scale = min(area.width() / image.width(), area.height() / image.height())
            target = QRectF(QPointF(0, 0), image.size().toSizeF() * scale)
            painter.drawImage(target, image)
            sent += 1
    finally:
        painter.end()
    return sent


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
        self.print_button = QPushButton(translate("PdfPreview", "打印…"), clicked=self.print_document)
        self.open_button = QPushButton(translate("PdfPreview", "用其他程序打开"), clicked=self.open_externally)
        close = QPushButton(translate("PdfPreview", "关闭"), clicked=self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.info, 1)
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

    def print_document(self, printer: QPrinter | None = None) -> int:
        """Ask for the printer (unless one is given, as tests do) and print every page."""
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setCopyCount(self.copies)
            dialog = QPrintDialog(printer, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return 0
        return print_pdf(self.document, printer)

    def open_externally(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))
