"""The in-app preview shows a generated PDF and prints every page (here, to a PDF file), on a worker
thread: the window takes typing while the pages are sent."""

from __future__ import annotations

import threading

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLineEdit

from tests.helpers import elder_input
from tests.task_waits import ThreadSpy, outcome
from xinye_desktop.services.documents import DocumentService
from xinye_desktop.services.elders import ElderService
from xinye_desktop.ui import pdf_preview
from xinye_desktop.ui.pdf_preview import PdfPreviewDialog


@pytest.fixture
def roster(database, data_paths, app_fonts):
    """The 明白人 roster of 60 elders, and its page count."""
    elders = ElderService(database)
    for n in range(60):  # two pages or more
        elders.add(elder_input(f"王{'明德厚文武忠信仁义礼'[n % 10]}{'一二三四五六七八九十'[n // 10]}", phone=f"139{n:08d}"))
    pdf = DocumentService(database, data_paths).elder_roster("王庄村")
    return pdf, len(PdfReader(str(pdf)).pages)


def pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_preview_loads_the_roster_and_prints_every_page(qtbot, roster, tmp_path):
    pdf, pages = roster
    assert pages >= 2

    dialog = PdfPreviewDialog(pdf)
    qtbot.addWidget(dialog)
    assert dialog.page_count == pages
    assert str(pages) in dialog.info.text()

    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out)
    assert outcome(qtbot, dialog.print_document(printer)) == pages
    assert len(PdfReader(str(out)).pages) == pages


def test_the_window_takes_typing_while_the_pages_are_printed(qtbot, roster, tmp_path, monkeypatch):
    """The pages are painted on a worker thread: typed text reaches a field before the printing has
    finished (the painting is held back here until the typing has been seen)."""
    pdf, pages = roster
    started, release = threading.Event(), threading.Event()
    paint = pdf_preview.print_pdf

    def held(*args, **kwargs):
        started.set()
        release.wait(10)
        return paint(*args, **kwargs)

    spy = ThreadSpy(held)
    monkeypatch.setattr(pdf_preview, "print_pdf", spy)
    dialog = PdfPreviewDialog(pdf)
    qtbot.addWidget(dialog)
    dialog.show()
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)

    out = tmp_path / "printed.pdf"
    task = dialog.print_document(pdf_printer(out))
    assert task is not None and started.wait(10)
    assert dialog.printing and not dialog.print_button.isEnabled() and dialog.print_progress.isVisible()
    assert dialog.print_document(pdf_printer(tmp_path / "again.pdf")) is None  # one print at a time
    edit.activateWindow()
    edit.setFocus()
    qtbot.keyClicks(edit, "wangzhuang 3")  # QTest types Latin-1 only
    assert edit.text() == "wangzhuang 3" and task.running
    release.set()
    assert outcome(qtbot, task) == pages
    assert spy.off_gui_thread == [True]
    assert len(PdfReader(str(out)).pages) == pages and not (tmp_path / "again.pdf").exists()
    assert dialog.print_button.isEnabled() and not dialog.print_progress.isVisible()


def test_a_file_gone_before_printing_is_reported_and_the_button_comes_back(qtbot, roster, tmp_path, monkeypatch):
    pdf, _pages = roster
    dialog = PdfPreviewDialog(pdf)
    qtbot.addWidget(dialog)
    reported = []
    monkeypatch.setattr(pdf_preview, "present_error", reported.append)
    pdf.unlink()
    assert outcome(qtbot, dialog.print_document(pdf_printer(tmp_path / "printed.pdf"))) is None
    assert [type(e) for e in reported] == [FileNotFoundError] and dialog.print_button.isEnabled()


@pytest.mark.parametrize("scale", [0.77, 1.0, 2.41])
def test_a_page_drawn_in_bands_covers_its_place_without_a_gap_or_a_row_too_many(qapp, scale):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage, QPainter

    picture = QImage(40, 2 * pdf_preview.BAND_ROWS + 77, QImage.Format.Format_ARGB32)
    picture.fill(QColor("black"))
    target = QImage(round(40 * scale) + 3, round(picture.height() * scale) + 3, QImage.Format.Format_ARGB32)
    target.fill(QColor("white"))
    painter = QPainter(target)
    pdf_preview._draw_in_bands(painter, picture, scale)
    painter.end()
    inked = [y for y in range(target.height()) if QColor(target.pixel(1, y)) == QColor(Qt.GlobalColor.black)]
    assert inked == list(range(round(picture.height() * scale)))
