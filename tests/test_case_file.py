"""调解卷宗 bound from a demo case that went all the way: visits made and 司法确认 decided."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

import pytest
from pypdf import PdfReader

from xinye_desktop.paths import DataPaths
from xinye_desktop.demo import generate
from xinye_desktop.services.documents import DocumentRefused, DocumentService
from xinye_desktop.storage.database import Database


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    paths = DataPaths(tmp_path_factory.mktemp("case-file"))
    paths.create()
    db = Database(paths.database)
    generate(db, cases=300, seed=11)
    yield paths, db, DocumentService(db, paths)
    db.close()


def text(path) -> list[str]:
    return [re.sub(r"\s+", "", p.extract_text()) for p in PdfReader(str(path)).pages]


def test_visits_and_the_confirmation_application_are_bound_after_the_agreement(demo):
    paths, db, documents = demo
    conn = sqlite3.connect(paths.database)
    case_id, court, number = conn.execute(
        "SELECT c.id, c.confirmation_court, c.confirmation_number FROM cases c WHERE c.confirmation_decided_on "
        "IS NOT NULL AND EXISTS (SELECT 1 FROM return_visits v WHERE v.case_id = c.id AND v.visited_on IS NOT NULL) "
        "ORDER BY c.id LIMIT 1").fetchone()
    visits = conn.execute("SELECT COUNT(*) FROM return_visits WHERE case_id = ? AND visited_on IS NOT NULL",
                          (case_id,)).fetchone()[0]
    path, numbered = documents.case_file(case_id, "永久")
    pages = text(path)
    index = pages[1]
    assert index.count("人民调解回访记录") == visits
    assert "司法确认申请书" in index and f"{court}{number}" in index
    order = [index.index(t) for t in ("人民调解申请书", "人民调解记录", "人民调解回访记录", "司法确认申请书", "封底")
             if t in index]
    assert order == sorted(order) and len(order) >= 4
    assert "保管期限永久" in pages[0] and f"本卷共{numbered}页" in pages[-1]
    assert len(pages) == numbered + 3
    # The documents follow in the index's order: the visit records, then the application.
    body = pages[2:-1]
    visit_pages = [n for n, page in enumerate(body) if "人民调解回访记录" in page]
    application_pages = [n for n, page in enumerate(body) if "司法确认申请书" in page]
    assert len(visit_pages) >= visits and application_pages and max(visit_pages) < min(application_pages)


def test_a_rejected_case_has_no_case_file(demo):
    paths, _, documents = demo
    case_id = sqlite3.connect(paths.database).execute("SELECT id FROM cases WHERE status = 'rejected'").fetchone()[0]
    with pytest.raises(DocumentRefused) as refused:
        documents.case_file(case_id)
    assert str(refused.value) == "不予受理的案件不立调解卷宗"


def test_the_index_dates_each_visit_as_chinese_documents_do(demo):
    from xinye_desktop.documents.text import chinese_date

    paths, db, documents = demo
    conn = sqlite3.connect(paths.database)
    case_id, visited_on = conn.execute(
        "SELECT v.case_id, v.visited_on FROM return_visits v JOIN cases c ON c.id = v.case_id "
        "WHERE v.visited_on IS NOT NULL AND c.status NOT IN ('accepted', 'mediating') "
        "ORDER BY (strftime('%m', v.visited_on) < '10') DESC, v.id LIMIT 1").fetchone()
    index = text(documents.case_file(case_id)[0])[1]
    day = chinese_date(dt.date.fromisoformat(visited_on))
    assert f"人民调解回访记录（{day}）" in index
    assert not re.search(r"年0\d月|月0\d日", index)


def test_chinese_dates_have_no_leading_zeros():
    from xinye_desktop.documents.text import chinese_date

    assert chinese_date(dt.date(2026, 8, 3)) == "2026年8月3日"
    assert chinese_date(dt.date(2026, 11, 25)) == "2026年11月25日"


def test_the_cover_files_the_case_under_its_own_year_and_number(demo):
    paths, db, documents = demo
    case_id, number, year, sequence = sqlite3.connect(paths.database).execute(
        "SELECT id, case_number, year, sequence FROM cases WHERE status NOT IN ('accepted', 'mediating', 'rejected') "
        "AND sequence BETWEEN 10 AND 99 ORDER BY id LIMIT 1").fetchone()
    cover = text(documents.case_file(case_id)[0])[0]
    assert f"卷号（{year}）人调字第0{sequence}号" in cover and f"案号{number}" in cover
    assert number.endswith(f"调字第0{sequence}号")
