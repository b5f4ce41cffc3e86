"""导入明白人名单: header synonyms, row checks, file reading, the all-or-nothing import and the dialog."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from openpyxl import Workbook

from xinye_desktop.domain.elders import ElderInput
from xinye_desktop.domain.enums import DisputeType, ElderIdentity, ElderSelection, Sex
from xinye_desktop.domain.roster import parse_roster
from xinye_desktop.services.elders import ElderService
from xinye_desktop.services.roster import RosterChanged, RosterFileError, RosterImporter, read_table
from tests.task_waits import ThreadSpy, outcome

TODAY = dt.date(2025, 6, 1)
HEADER = ["姓名", "性别", "出生年份", "村", "组", "联系电话", "身份", "产生方式", "推选日期", "擅长"]


def good(name="王德明", phone="13903771234", village="王庄村", **over) -> list[str]:
    row = {"姓名": name, "性别": "男", "出生年份": "1956", "村": village, "组": "3组", "联系电话": phone,
           "身份": "老党员", "产生方式": "推选", "推选日期": "2023-03-01", "擅长": "邻里、宅基地"}
    row.update(over)
    return [row[h] for h in HEADER]


def parse(rows, header=HEADER, default_village="王庄村"):
    return parse_roster([header, *rows], default_village, TODAY)


def only_row(preview):
    assert len(preview.rows) == 1, preview.rows
    return preview.rows[0]


def save_xlsx(path, rows, title=None):
    workbook = Workbook()
    sheet = workbook.active
    if title:
        sheet.append([title])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


# -- the domain: columns and rows -------------------------------------------------------------------

def test_header_synonyms_with_blanks_and_full_width_spaces_are_understood():
    header = ["序号", "姓\u3000名", " 性别 ", "出生年月", "所在村", "村民小组", "手机", "五老身份", "身份说明",
              "产生方式", "聘任日期", "任期截止", "擅长调解", "备注"]
    row = ["1", "李秀英", "女", "1960年3月", "张楼村", "2组", "139 0377 1234", "其他", "退休村医",
           "村委会聘任", "2024年1月15日", "2027-01-14", "婚姻家庭纠纷、医疗", "会写协议"]
    preview = parse_roster([header, row], "王庄村", TODAY)

    assert preview.file_problems == ()
    assert preview.ignored_columns == ("序号",)
    entry = only_row(preview)
    assert entry.ok, entry.problem_texts()
    elder = entry.elder
    assert (elder.name, elder.sex, elder.birth_year, elder.village, elder.group) == ("李秀英", Sex.FEMALE, 1960, "张楼村", "2组")
    assert elder.phone == "13903771234"
    assert elder.identity is ElderIdentity.OTHER and elder.identity_note == "退休村医"
    assert elder.selection is ElderSelection.COMMITTEE_APPOINTED
    assert elder.selected_on == dt.date(2024, 1, 15) and elder.term_end == dt.date(2027, 1, 14)
    assert elder.specialties == (DisputeType.MARRIAGE_FAMILY, DisputeType.MEDICAL)
    assert elder.notes == "会写协议"


def test_title_row_above_the_header_and_blank_rows_are_tolerated_and_lines_are_the_sheets():
    table = [
        ["王庄村明白人名单", "", "", "", "", "", "", "", "", ""],
        ["", "", "", "", "", "", "", "", "", ""],
        HEADER,
        good("王德明"),
        ["", "", "", "", "", "", "", "", "", ""],
        ["\u3000", " ", "", "", "", "", "", "", "", ""],  # only blanks: skipped
        good("张秀兰", phone="13812345678"),
    ]
    preview = parse_roster(table, "王庄村", TODAY)

    assert preview.header_line == 3
    assert [(r.line, r.values["name"], r.ok) for r in preview.rows] == [(4, "王德明", True), (7, "张秀兰", True)]
    assert (preview.total, preview.good_count, preview.bad_count) == (2, 2, 0)


def test_a_numbered_form_row_with_nothing_else_filled_is_skipped():
    header = ["序号", *HEADER]
    preview = parse([["1", *good()], ["2", *[""] * len(HEADER)], ["3", *[""] * len(HEADER)]], header=header)
    assert [r.line for r in preview.rows] == [2]


def test_age_gives_the_birth_year_and_a_birth_date_gives_its_year():
    header = ["姓名", "性别", "年龄", "村", "联系电话", "身份", "产生方式"]
    preview = parse([["王德明", "男", "68", "王庄村", "13903771234", "老党员", "推选"],
                     ["张秀兰", "女", "70岁", "王庄村", "13812345678", "老教师", "推选"]], header=header)
    assert [r.elder.birth_year for r in preview.rows] == [TODAY.year - 68, TODAY.year - 70]

    dated = parse([good(**{"出生年份": "1956-03-12"}), good("李四", phone="13812345678", **{"出生年份": "19580704"})])
    assert [r.elder.birth_year for r in dated.rows] == [1956, 1958]


def test_an_age_that_is_not_a_number_or_too_young_is_reported_under_the_age_column():
    header = ["姓名", "性别", "年龄", "村", "身份", "产生方式"]
    preview = parse([["王德明", "男", "六十八", "王庄村", "老党员", "推选"],
                     ["张小明", "男", "12", "王庄村", "老党员", "推选"]], header=header)
    assert preview.rows[0].problem_texts() == ["年龄：年龄请填数字，如68"]
    assert preview.rows[1].problem_texts() == ["年龄：明白人须是成年人（18岁以上）"]


def test_specialties_are_mapped_by_label_with_or_without_the_word_dispute():
    row = only_row(parse([good(**{"擅长": "宅基地，邻里纠纷;婚姻家庭  交通事故；劳动争议纠纷、宅基地纠纷"})]))
    assert row.ok, row.problem_texts()
    assert row.elder.specialties == (DisputeType.HOUSING_HOMESTEAD, DisputeType.NEIGHBOUR,
                                     DisputeType.MARRIAGE_FAMILY, DisputeType.TRAFFIC, DisputeType.LABOUR)


def test_an_unknown_specialty_is_named_in_the_rows_problem():
    row = only_row(parse([good(**{"擅长": "邻里、吵架、宅基地"})]))
    assert not row.ok and row.elder is None
    assert len(row.problems) == 1
    assert row.problem_texts()[0].startswith("擅长：不认识“吵架”")


def test_a_bad_phone_is_reported_with_the_column_name_first():
    row = only_row(parse([good(phone="1390377")]))
    assert row.problem_texts() == ["联系电话：电话号码格式不对：手机号为1开头的11位数字，座机请带区号，如0377-66212345"]


def test_the_problems_of_a_row_follow_the_columns_and_name_the_users_own_header():
    header = ["姓名", "性别", "出生年份", "村", "手机", "身份", "产生方式"]
    row = only_row(parse([["王德明", "公", "1900", "王庄村", "123", "", "选派"]], header=header))
    assert row.problem_texts() == [
        "性别：“公”不是性别，请填“男”或“女”",
        "出生年份：出生年份不合理",
        "手机：电话号码格式不对：手机号为1开头的11位数字，座机请带区号，如0377-66212345",
        "身份：请填身份，如老党员、老干部、老教师，或写明其他身份",
        "产生方式：“选派”不是产生方式，请填“推选”或“聘任”",
    ]


def test_missing_name_column_is_a_problem_of_the_file():
    preview = parse_roster([["性别", "村", "联系电话"], ["男", "王庄村", "13903771234"]], "王庄村", TODAY)
    assert preview.rows == ()
    assert len(preview.file_problems) == 1
    assert "姓名" in preview.file_problems[0].text()
    assert preview.good_count == 0


def test_a_missing_required_column_blocks_the_whole_file():
    header = ["姓名", "性别", "村", "联系电话", "身份"]  # no 产生方式
    preview = parse([["王德明", "男", "王庄村", "13903771234", "老党员"]], header=header)
    assert [p.text() for p in preview.file_problems] == ["产生方式：表格中没有这一列"]
    assert preview.good_rows == ()


def test_rows_without_a_village_get_the_default_one():
    preview = parse([good(village=""), good("张秀兰", phone="13812345678", village="李湾村")], default_village="王庄村")
    assert [r.elder.village for r in preview.rows] == ["王庄村", "李湾村"]

    no_default = only_row(parse([good(village="")], default_village=""))
    assert no_default.problem_texts() == ["村：此项必须填写"]


def test_the_same_person_twice_in_the_file_is_caught_on_the_second_row():
    preview = parse([good(phone="13903771234"), good("张秀兰", phone="13812345678"),
                     good(phone="139 0377 1234")])  # the same phone, typed with spaces
    assert [r.ok for r in preview.rows] == [True, True, False]
    assert preview.rows[2].problem_texts() == ["与第2行重复（姓名、村、联系电话都相同）"]
    # Same name and village but another phone: another person.
    assert parse([good(), good(phone="13812345678")]).good_count == 2


def test_a_two_character_name_padded_with_a_full_width_space_is_the_same_person():
    preview = parse([good("王\u3000明"), good("王明")])
    assert preview.rows[0].elder.name == "王明"
    assert preview.rows[1].problem_texts() == ["与第2行重复（姓名、村、联系电话都相同）"]


def test_several_veteran_identities_keep_the_first_and_the_full_text_in_notes():
    row = only_row(parse([good(**{"身份": "老党员、老教师"})]))
    assert row.elder.identity is ElderIdentity.VETERAN_PARTY_MEMBER
    assert row.elder.notes == "身份：老党员、老教师"


def test_only_a_selection_date_gives_a_three_year_term():
    row = only_row(parse([good(**{"推选日期": "2023-03-01"})]))
    assert row.elder.term_end == dt.date(2026, 3, 1)


# -- reading files ----------------------------------------------------------------------------------

def test_xlsx_numbers_stay_whole_and_dates_become_iso_text(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["王庄村明白人名单"])
    sheet.merge_cells("A1:E1")
    sheet.append(["姓名", "联系电话", "出生年份", "推选日期", "组"])
    sheet.append(["王德明", 13903771234, 1956, dt.datetime(2023, 3, 1), 3])
    sheet.append([])
    sheet.append(["张秀兰", 13812345678.0, 1958.0, dt.date(2024, 1, 15), 2.5])
    path = tmp_path / "名单.xlsx"
    workbook.save(path)

    table = read_table(path)

    assert table[0][0] == "王庄村明白人名单"
    assert table[1] == ["姓名", "联系电话", "出生年份", "推选日期", "组"]
    assert table[2] == ["王德明", "13903771234", "1956", "2023-03-01", "3"]
    assert table[3] == ["", "", "", "", ""]  # blank rows kept: row numbers stay the sheet's
    assert table[4] == ["张秀兰", "13812345678", "1958", "2024-01-15", "2.5"]


def test_a_gbk_csv_from_excel_is_read(tmp_path):
    path = tmp_path / "名单.csv"
    with open(path, "w", encoding="gbk", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerow(good())
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")  # really GBK: the fallback is what reads it
    assert read_table(path) == [HEADER, good()]


@pytest.mark.parametrize("delimiter", ["\t", ";"])
def test_a_utf8_csv_with_tabs_or_semicolons_is_read(tmp_path, delimiter):
    path = tmp_path / "名单.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f, delimiter=delimiter).writerows([HEADER, good(**{"擅长": "邻里, 宅基地"})])
    assert read_table(path)[1][-1] == "邻里, 宅基地"


def test_old_xls_encrypted_and_broken_files_get_a_clear_message(tmp_path):
    xls = tmp_path / "名单.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    encrypted = tmp_path / "加密.xlsx"  # a password-protected workbook is an OLE file, not a zip
    encrypted.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    broken = tmp_path / "坏.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    renamed = tmp_path / "其实是文本.xls"
    renamed.write_text("姓名,性别\n", encoding="utf-8")

    for path in (xls, encrypted, broken, renamed):
        with pytest.raises(RosterFileError) as caught:
            read_table(path)
        assert "另存为 .xlsx 或 CSV 后再导入" in str(caught.value), path.name
    with pytest.raises(RosterFileError, match="打不开文件"):
        read_table(tmp_path / "不存在.xlsx")


# -- the service: pool, atomicity, template, report -------------------------------------------------

@pytest.fixture
def importer(database):
    return RosterImporter(database, today=lambda: TODAY)


def pool_names(database):
    return sorted(e.name for e, _ in ElderService(database).pool(include_retired=True))


def test_a_row_already_in_the_pool_is_refused_at_preview(database, importer, tmp_path):
    ElderService(database, today=lambda: TODAY).add(ElderInput(
        name="王德明", sex=Sex.MALE, village="王庄村", phone="13903771234", identity=ElderIdentity.VETERAN_CADRE,
        selection=ElderSelection.VILLAGE_MEETING))
    path = save_xlsx(tmp_path / "名单.xlsx", [HEADER, good(), good("张秀兰", phone="13812345678")])

    preview = importer.preview(path, "王庄村")

    assert [r.ok for r in preview.rows] == [False, True]
    assert preview.rows[0].problem_texts() == ["明白人库中已有同名、同村、同电话的王德明"]
    assert importer.import_rows(preview) == 1
    assert pool_names(database) == ["张秀兰", "王德明"]


def test_import_is_all_or_nothing_when_a_later_row_fails_to_save(database, importer, tmp_path, monkeypatch):
    from xinye_desktop.storage.elder_repositories import ElderRepository

    path = save_xlsx(tmp_path / "名单.xlsx", [HEADER, good("王德明"), good("张秀兰", phone="13812345678"),
                                             good("李建国", phone="13700001111")])
    preview = importer.preview(path, "王庄村")
    assert preview.good_count == 3

    real_add = ElderRepository.add
    calls = []

    def failing_add(self, elder):
        calls.append(elder.name)
        if len(calls) == 3:
            raise OSError("disk full")
        return real_add(self, elder)

    monkeypatch.setattr(ElderRepository, "add", failing_add)
    with pytest.raises(OSError):
        importer.import_rows(preview)
    assert calls == ["王德明", "张秀兰", "李建国"]
    assert pool_names(database) == []


def test_import_refuses_when_the_pool_changed_since_the_preview(database, importer, tmp_path):
    path = save_xlsx(tmp_path / "名单.xlsx", [HEADER, good("王德明"), good("张秀兰", phone="13812345678")])
    preview = importer.preview(path, "王庄村")
    ElderService(database, today=lambda: TODAY).add(ElderInput(
        name="张秀兰", sex=Sex.FEMALE, village="王庄村", phone="13812345678", identity=ElderIdentity.VETERAN_TEACHER,
        selection=ElderSelection.VILLAGE_MEETING))

    with pytest.raises(RosterChanged) as caught:
        importer.import_rows(preview)

    assert caught.value.params == {"line": 3, "name": "张秀兰"}
    assert pool_names(database) == ["张秀兰"]  # 王德明 (row 2) was not written either


def test_the_template_round_trips_through_the_preview(database, importer, tmp_path):
    path = tmp_path / "模板.xlsx"
    importer.write_template(path, "张楼村")

    preview = importer.preview(path, "王庄村")

    assert preview.file_problems == () and preview.ignored_columns == ()
    assert (preview.total, preview.good_count) == (1, 1)
    elder = preview.rows[0].elder
    assert elder.village == "张楼村" and elder.phone == "13903771234" and elder.birth_year == 1956
    assert elder.selected_on == dt.date(TODAY.year - 1, 3, 1) and elder.term_end == dt.date(TODAY.year + 2, 3, 1)
    assert elder.specialties == (DisputeType.NEIGHBOUR, DisputeType.HOUSING_HOMESTEAD, DisputeType.MARRIAGE_FAMILY)
    assert importer.import_rows(preview) == 1
    assert pool_names(database) == ["王德明"]


def test_the_report_lists_the_rejected_rows_with_reasons_in_a_csv_excel_opens(importer, tmp_path):
    path = save_xlsx(tmp_path / "名单.xlsx", [HEADER, good(), good("李四", phone="123"), good("@李四")])
    preview = importer.preview(path, "王庄村")
    report = tmp_path / "问题.csv"

    assert importer.write_report(preview, report) == 2

    assert report.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(report, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["行号", *HEADER, "问题"]
    assert rows[1][:2] == ["3", "李四"] and rows[1][-1].startswith("联系电话：电话号码格式不对")
    assert rows[2][:2] == ["4", "'@李四"] and rows[2][-1].startswith("姓名：姓名只能由汉字")


# -- the dialog -------------------------------------------------------------------------------------

def test_dialog_previews_reasons_and_imports_the_good_rows(qtbot, app_fonts, database, answer_dialogs, tmp_path,
                                                           monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from xinye_desktop.ui.roster_import_dialog import RosterImportDialog

    told = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda parent, title, text, *a, **k: told.append(text)))
    path = save_xlsx(tmp_path / "王庄村明白人.xlsx", [
        HEADER,
        good("王德明", village=""),
        good("张秀兰", phone="0377-66212345", village=""),
        good("李四", phone="1390377"),
        good("赵五", **{"性别": "", "擅长": "吵架"}),
    ], title="王庄村明白人名单")
    dialog = RosterImportDialog(RosterImporter(database), ["王庄村", "张楼村"], "王庄村")
    qtbot.addWidget(dialog)

    outcome(qtbot, dialog.load_file(path))

    model = dialog.model
    assert model.rowCount() == 4
    cells = [[model.cell(r, c).text for c in range(model.columnCount())] for r in range(4)]
    assert [row[:3] for row in cells] == [["3", "王德明", "王庄村"], ["4", "张秀兰", "王庄村"],
                                          ["5", "李四", "王庄村"], ["6", "赵五", "王庄村"]]
    assert cells[0][5] == cells[1][5] == "可以导入"
    assert cells[2][5].startswith("联系电话：电话号码格式不对")
    assert cells[3][5] == "性别：请填“男”或“女”；擅长：不认识“吵架”，请填纠纷类型，如邻里、宅基地、婚姻家庭，多个用顿号隔开"
    assert model.cell(3, 5).colour == "#b00020" and model.cell(0, 5).colour != "#b00020"
    assert dialog.summary_label.text() == "共4行：可导入2行，有问题2行（不会导入）"
    assert dialog.import_button.text() == "导入2行" and dialog.import_button.isEnabled()

    dialog.import_button.click()
    outcome(qtbot, dialog.task)

    assert len(answer_dialogs) == 1 and "有2行有问题" in answer_dialogs[0]
    assert told == ["已把2位明白人加入明白人库。"]
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.imported == 2
    pool = ElderService(database).pool()
    assert sorted((e.name, e.village, e.phone) for e, _ in pool) == [
        ("张秀兰", "王庄村", "0377-66212345"), ("王德明", "王庄村", "13903771234")]


def test_dialog_saves_report_and_template_imports_nothing_when_declined_and_refuses_an_xls(
        qtbot, app_fonts, database, answer_dialogs, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from xinye_desktop.ui.roster_import_dialog import RosterImportDialog

    dialog = RosterImportDialog(RosterImporter(database), ["王庄村"], "王庄村")
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled() and dialog.import_button.text() == "导入0行"

    outcome(qtbot, dialog.load_file(save_xlsx(tmp_path / "a.xlsx", [HEADER, good(), good("李四", phone="123")])))
    answer_dialogs.state["answer"] = QMessageBox.StandardButton.No
    dialog.import_button.click()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert ElderService(database).pool() == []

    # The problem list and the template are saved where the user says.
    saved = iter([(str(tmp_path / "问题清单"), ""), (str(tmp_path / "模板"), "")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: next(saved)))
    dialog.report_button.click()
    outcome(qtbot, dialog.task)
    with open(tmp_path / "问题清单.csv", encoding="utf-8-sig", newline="") as f:
        report = list(csv.reader(f))
    assert [r[0] for r in report] == ["行号", "3"] and report[1][-1].startswith("联系电话：")
    assert "问题清单已保存" in dialog.notice.text()
    dialog.template_button.click()
    outcome(qtbot, dialog.task)
    assert RosterImporter(database).preview(tmp_path / "模板.xlsx", "王庄村").good_count == 1

    old = tmp_path / "名单.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    outcome(qtbot, dialog.load_file(old))
    assert dialog.model.rowCount() == 0
    assert "另存为 .xlsx 或 CSV 后再导入" in dialog.notice.text() and dialog.notice.isVisibleTo(dialog)
    assert not dialog.import_button.isEnabled()



def test_dialog_reads_saves_and_imports_off_the_gui_thread_one_thing_at_a_time(
        qtbot, app_fonts, database, answer_dialogs, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from xinye_desktop.ui.roster_import_dialog import RosterImportDialog

    told = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda parent, title, text, *a, **k: told.append(text)))
    importer = RosterImporter(database)
    spies = {name: ThreadSpy(getattr(importer, name), delay=0.3)
             for name in ("preview", "write_report", "write_template", "import_rows")}
    for name, spy in spies.items():
        monkeypatch.setattr(importer, name, spy)
    dialog = RosterImportDialog(importer, ["王庄村"], "王庄村")
    qtbot.addWidget(dialog)

    task = dialog.load_file(save_xlsx(tmp_path / "a.xlsx", [HEADER, good(), good("李四", phone="123")]))
    assert task.running and dialog.notice.text() == "正在读取和检查名单…"
    waiting = (dialog.choose_button, dialog.template_button, dialog.village_combo, dialog.import_button,
               dialog.report_button)
    assert not any(w.isEnabled() for w in waiting)
    assert dialog.load_file(tmp_path / "b.xlsx") is None, "a second file while the first is read"
    outcome(qtbot, task)
    assert dialog.summary_label.text() == "共2行：可导入1行，有问题1行（不会导入）"
    assert all(w.isEnabled() for w in waiting)

    saved = iter([(str(tmp_path / "问题清单.csv"), ""), (str(tmp_path / "模板.xlsx"), "")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: next(saved)))
    dialog.report_button.click()
    assert not dialog.report_button.isEnabled()
    assert outcome(qtbot, dialog.task) == 1 and (tmp_path / "问题清单.csv").exists()
    dialog.template_button.click()
    outcome(qtbot, dialog.task)
    assert (tmp_path / "模板.xlsx").exists() and dialog.notice.text() == f"模板已保存：{tmp_path / '模板.xlsx'}"

    dialog.import_button.click()
    task = dialog.task
    assert task.running and not dialog.import_button.isEnabled()
    rejected = []
    dialog.rejected.connect(lambda: rejected.append(True))
    dialog.reject()  # Esc or the close box during the import: the dialog waits for it
    assert rejected == []
    assert outcome(qtbot, task) == 1
    assert told == ["已把1位明白人加入明白人库。"] and dialog.result() == dialog.DialogCode.Accepted
    assert {name: spy.off_gui_thread for name, spy in spies.items()} == {
        "preview": [True], "write_report": [True], "write_template": [True], "import_rows": [True]}


def test_a_slow_import_shows_a_progress_dialog(qtbot, app_fonts, database, answer_dialogs, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from xinye_desktop.ui.roster_import_dialog import RosterImportDialog

    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: None))
    importer = RosterImporter(database)
    monkeypatch.setattr(importer, "import_rows", ThreadSpy(importer.import_rows, delay=1.2))
    dialog = RosterImportDialog(importer, ["王庄村"], "王庄村")
    qtbot.addWidget(dialog)
    dialog.show()
    outcome(qtbot, dialog.load_file(save_xlsx(tmp_path / "a.xlsx", [HEADER, good()])))
    dialog.import_button.click()
    task = dialog.task
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=1100)
    assert task.dialog.labelText() == "正在导入明白人名单，请稍候…"
    assert outcome(qtbot, task) == 1 and dialog.imported == 1
    assert [e.name for e, _ in ElderService(database).pool()] == ["王德明"]

def test_dialog_checks_the_file_again_when_the_default_village_changes(qtbot, app_fonts, database, tmp_path):
    from xinye_desktop.ui.roster_import_dialog import RosterImportDialog

    dialog = RosterImportDialog(RosterImporter(database), ["王庄村", "张楼村"], "王庄村")
    qtbot.addWidget(dialog)
    outcome(qtbot, dialog.load_file(save_xlsx(tmp_path / "a.xlsx", [HEADER, good(village=""),
                                                                     good("张秀兰", village="李湾村")])))
    assert [dialog.model.cell(r, 2).text for r in range(2)] == ["王庄村", "李湾村"]

    dialog.village_combo.setCurrentIndex(dialog.village_combo.findText("张楼村"))
    dialog.village_combo.activated.emit(dialog.village_combo.currentIndex())
    outcome(qtbot, dialog.task)

    assert [dialog.model.cell(r, 2).text for r in range(2)] == ["张楼村", "李湾村"]
    assert dialog.preview.rows[0].elder.village == "张楼村"


def test_dialog_shows_a_long_roster_and_closes_cleanly(qtbot, app_fonts, database, tmp_path):
    """Hundreds of rows: the table is a model (QTableWidget items crash PySide6 6.12 when freed in bulk)."""
    from xinye_desktop.ui.roster_import_dialog import RosterImportDialog

    path = tmp_path / "全镇.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        for i in range(600):
            writer.writerow(good(f"王{chr(0x4e00 + i)}明", phone=f"139{i:08d}"))
    dialog = RosterImportDialog(RosterImporter(database), ["王庄村"], "王庄村")
    qtbot.addWidget(dialog)
    outcome(qtbot, dialog.load_file(path))
    assert dialog.summary_label.text() == "共600行：可导入600行，有问题0行（不会导入）"
    outcome(qtbot, dialog.load_file(path))  # the first preview's rows are freed
    dialog.close()
