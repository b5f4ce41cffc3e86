"""The in-app preview shows a generated PDF and prints every page (here, to a PDF file)."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from tests.helpers import elder_input
from xinye_desktop.services.documents import DocumentService
from xinye_desktop.services.elders import ElderService
from xinye_desktop.ui.pdf_preview import PdfPreviewDialog


def test_preview_loads_the_roster_and_prints_every_page(qtbot, database, data_paths, app_fonts, tmp_path):
    elders = ElderService(database)
    for n in range(60):  # two pages or more
        elders.add(elder_input(f"王{'明德厚文武忠信仁义礼'[n % 10]}{'一二三四五六七八九十'[n // 10]}", phone=f"139{n:08d}"))
    pdf = DocumentService(database, data_paths).elder_roster("王庄村")
    pages = len(PdfReader(str(pdf)).pages)
    assert pages >= 2

    dialog = PdfPreviewDialog(pdf)
    qtbot.addWidget(dialog)
    assert dialog.page_count == pages
    assert str(pages) in dialog.info.text()

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert dialog.print_document(printer) == pages
    assert len(PdfReader(str(out)).pages) == pages
