"""What a mediator sees in the tables and dialogs, measured rather than looked at: the ledger and 今日工作
show their short columns whole (in Chinese and in English, on a 1366-pixel screen and on a narrow one),
free text that has to give way elides with the whole text in the tooltip, and the 明白人 editor does not
clip its check boxes in English."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QStyle

from xinye_desktop.ui.ledger_tab import COLUMNS


@pytest.fixture
def demo_window(make_window, fill_demo):
    fill_demo(150)
    return make_window()


def settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(20)


def english(window, qtbot) -> None:
    window.set_language("en")
    qtbot.waitUntil(lambda: window.tabs.tabText(window.tabs.indexOf(window.ledger_tab)) == "Case ledger", timeout=3000)
    settle(qtbot)


def text_fits(view, row: int, column: int) -> bool:
    """Is the cell's text drawn whole? The item delegate keeps the focus frame's margin and a pixel on each side."""
    index = view.model().index(row, column)
    text = index.data(Qt.ItemDataRole.DisplayRole) or ""
    font = index.data(Qt.ItemDataRole.FontRole)
    metrics = QFontMetrics(font) if isinstance(font, QFont) else view.fontMetrics()
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    return metrics.horizontalAdvance(text) + 2 * margin <= view.columnWidth(column)


def visible_rows(view) -> range:
    last = view.rowAt(view.viewport().height() - 1)
    return range(0, (last if last >= 0 else view.model().rowCount() - 1) + 1)


def cut_cells(view, columns) -> list[tuple[int, int, str]]:
    return [(row, column, view.model().index(row, column).data()) for row in visible_rows(view) for column in columns
            if not text_fits(view, row, column)]


# -- the ledger ----------------------------------------------------------------------------------------------

def ledger_at(window, qtbot, width: int, height: int):
    window.resize(width, height)
    window.tabs.setCurrentWidget(window.ledger_tab)
    settle(qtbot)
    return window.ledger_tab.table


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_ledger_shows_every_column_but_the_parties_whole(demo_window, qtbot, language):
    window = demo_window
    if language == "en":
        english(window, qtbot)
    table = ledger_at(window, qtbot, 1366, 728)
    parties = [key for key, _ in COLUMNS].index("party_names")
    assert len(visible_rows(table)) > 10
    dispute_type = [key for key, _ in COLUMNS].index("dispute_type")
    cut = cut_cells(table, [c for c in range(len(COLUMNS)) if c != parties])
    # Only the rarer, longer texts may elide (column_samples): a type with its note, whole in the tooltip.
    for row, column, text in cut:
        assert column == dispute_type and "（" in text, (row, column, text)
        assert table.model().index(row, column).data(Qt.ItemDataRole.ToolTipRole) == text
    assert not table.horizontalScrollBar().isVisible(), "no sideways scrolling at 1366 pixels"
    # Where 司法确认 stands has its own column; the 状态 cell no longer repeats it (and was cut there).
    model = table.model()
    status = [key for key, _ in COLUMNS].index("status")
    assert all(model.index(r, status).data().count(" · ") <= 1 for r in range(model.rowCount()))


def test_on_a_narrow_screen_the_ledger_elides_free_text_instead_of_scrolling_sideways(demo_window, qtbot):
    window = demo_window
    english(window, qtbot)
    table = ledger_at(window, qtbot, 900, 560)  # 1366×768 at 150% leaves about this much
    keys = [key for key, _ in COLUMNS]
    assert sum(table.columnWidth(c) for c in range(len(COLUMNS))) <= table.viewport().width()
    assert not table.horizontalScrollBar().isVisible()
    # The case number, the dates and the village stay whole; what is cut carries its whole text in the tooltip.
    whole = [keys.index(k) for k in ("case_number", "received_date", "village", "next_visit")]
    assert cut_cells(table, whole) == []
    cut = cut_cells(table, range(len(COLUMNS)))
    assert cut, "this width is too narrow for every text"
    for row, column, text in cut:
        assert table.model().index(row, column).data(Qt.ItemDataRole.ToolTipRole) == text, (keys[column], text)


def test_the_ledger_columns_follow_the_language(demo_window, qtbot):
    window = demo_window
    table = ledger_at(window, qtbot, 1366, 728)
    status = [key for key, _ in COLUMNS].index("status")
    chinese = table.columnWidth(status)
    english(window, qtbot)
    assert table.columnWidth(status) > chinese  # "Agreement (written) · Being performed" is longer than 达成协议（书面）· 履行中


# -- 今日工作 -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_todays_work_keeps_dates_days_and_case_numbers_whole_and_gives_names_room(demo_window, qtbot, language):
    from xinye_desktop.ui.today_tab import ELASTIC, KINDS

    window = demo_window
    if language == "en":
        english(window, qtbot)
    window.resize(1366, 728)
    window.tabs.setCurrentWidget(window.today_tab)
    settle(qtbot)
    today = window.today_tab
    assert any(today.models[kind].rowCount() for kind in KINDS)
    for kind in KINDS:
        view = today.views[kind]
        columns = view.model().columnCount()
        assert sum(view.columnWidth(c) for c in range(columns)) <= view.viewport().width(), kind
        assert not view.horizontalScrollBar().isVisible(), kind
        assert cut_cells(view, [c for c in range(columns) if c not in ELASTIC[kind]]) == [], kind
        for row, column, text in cut_cells(view, ELASTIC[kind]):
            assert view.model().index(row, column).data(Qt.ItemDataRole.ToolTipRole) == text, (kind, text)
    # Two parties fit beside the reason (the names were cut to "胡玲、…" while the reason had room to spare).
    view = today.views["visits_overdue"]
    for row in range(view.model().rowCount()):
        names = view.model().index(row, 3).data()
        if names.count(today_separator()) == 1:
            assert text_fits(view, row, 3), names


def today_separator() -> str:
    from xinye_desktop.ui.i18n import translate

    return translate("Lists", "、")


# -- the 明白人 editor -------------------------------------------------------------------------------------------

def test_the_elder_editor_does_not_clip_its_check_boxes_in_english(make_window, qtbot):
    from xinye_desktop.ui.elder_dialog import ElderDialog

    window = make_window()
    english(window, qtbot)
    dialog = ElderDialog(lambda data: None, villages=["王庄村"], parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.adjustSize()  # as exec() does: on a small screen this narrowed the dialog below what its rows need
    settle(qtbot)
    assert dialog.width() >= dialog.layout().totalMinimumSize().width()
    for kind, box in dialog.specialty_boxes.items():
        assert box.width() >= box.sizeHint().width(), (box.text(), box.width(), box.sizeHint().width())
    assert dialog.specialty_boxes[next(iter(dialog.specialty_boxes))].text().isascii()
