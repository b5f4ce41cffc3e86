"""文件 → 报送司法所… (issue 16 item 2): the village's dialog that writes the exchange package on a worker,
remembers the 司法所's key after the first package, and puts a bad key file, a missing or unwritable folder
and a full drive under their fields with nothing written."""

from __future__ import annotations

import datetime as dt
import errno
import io
import json
import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests.task_waits import ThreadSpy, outcome
from xinye_desktop.domain.accounts import AccountRole, Permission
from xinye_desktop.domain.exchange import fingerprint
from xinye_desktop.services import keys
from xinye_desktop.services.accounts import AccountService
from xinye_desktop.services.exchange import HUB_KEY_SETTING, ExchangeService, new_hub_keys, read_package, writer
from xinye_desktop.services.exchange.crypto import b64
from xinye_desktop.storage.database import Database
from xinye_desktop.ui.send_package_dialog import SendPackageDialog, last_month

CHEAP = keys.KdfCost(memory_kib=1024, time_cost=1)
ADMIN, PASSWORD = "wangbg", "村委会2026调解"
TODAY = dt.date(2026, 4, 10)  # the default month is then 2026-03, a month of the demo with cases
FINGERPRINT = re.compile(r"[A-Z2-7]{4}(?:-[A-Z2-7]{4}){3}")
SHOTS = os.environ.get("XINYE_SHOTS")  # a folder: save pictures of what the tests show


def shoot(widget, name: str) -> None:
    if SHOTS:
        for _ in range(3):  # pending layout, and the dialog's fit to its wrapped labels, after a text changed
            QApplication.processEvents()
        os.makedirs(SHOTS, exist_ok=True)
        widget.grab().save(os.path.join(SHOTS, name))


def assert_nothing_clipped(qtbot, dialog) -> None:
    """Every shown label as tall as its wrapped text needs, every button as wide as its text (the
    选择 hub-key.txt… button was cut off at 620 px once)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    qtbot.wait(30)  # the fit after a text changed runs from the event loop
    for label in dialog.findChildren(QLabel):
        if label.isVisibleTo(dialog) and label.text() and label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    for button in dialog.findChildren(QAbstractButton):
        if button.isVisibleTo(dialog):
            assert button.width() >= button.sizeHint().width(), button.text()


@pytest.fixture(scope="module")
def sealed_demo(demo_template, tmp_path_factory):
    """The session's demo folder with its first administrator set up (the data sealed, the committee's key
    pairs made), copied once for the module; and the demo's clear phone numbers, read before."""
    root = tmp_path_factory.mktemp("send") / "data"
    shutil.copytree(demo_template().root, root)
    conn = sqlite3.connect(root / "xinye.sqlite3")
    phones = {r[0] for r in conn.execute("SELECT phone FROM parties WHERE phone != ''")}
    conn.close()
    db = Database(root / "xinye.sqlite3")
    AccountService(db, cost=CHEAP).create_first_admin(ADMIN, "王保国", PASSWORD)
    db.close()
    return root, phones


@pytest.fixture
def village(sealed_demo, tmp_path):
    """A copy of the sealed demo, its administrator logged in: (db, ExchangeService)."""
    root = tmp_path / "data"
    shutil.copytree(sealed_demo[0], root)
    db = Database(root / "xinye.sqlite3")
    db.ensure_schema()
    AccountService(db, cost=CHEAP).login(ADMIN, PASSWORD)
    yield db, ExchangeService(db, root)
    db.close()


@pytest.fixture(scope="module")
def hub_keys():
    return new_hub_keys()


@pytest.fixture
def key_file(tmp_path, hub_keys):
    """The 司法所's hub-key.txt as hub-setup writes it (services/hub/setup.write_key_file)."""
    path = tmp_path / "hub-key.txt"
    path.write_text(b64(hub_keys[0]) + "\n", encoding="ascii")
    return path


@pytest.fixture
def usb(tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


@pytest.fixture
def open_dialog(qtbot, app_fonts, translations):
    def make(exchange, folder):
        dialog = SendPackageDialog(exchange, today=TODAY, folder=folder)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def _exports(db: Database) -> list[dict]:
    conn = sqlite3.connect(db.path)
    try:
        return [json.loads(s) for (s,) in conn.execute("SELECT summary FROM audit_log WHERE kind = 'export'")]
    finally:
        conn.close()


def _write(qtbot, dialog):
    dialog.write_button.click()
    return outcome(qtbot, dialog.task)


def test_last_month_is_the_default():
    assert last_month(dt.date(2026, 4, 10)) == (2026, 3)
    assert last_month(dt.date(2027, 1, 1)) == (2026, 12)


def test_the_month_goes_to_a_package_the_hub_verifies_and_opens(qtbot, open_dialog, village, key_file, usb,
                                                                 hub_keys, sealed_demo, monkeypatch):
    db, exchange = village
    spy = ThreadSpy(writer.ExchangeService.write_package)
    monkeypatch.setattr(writer.ExchangeService, "write_package", lambda self, *a, **k: spy(self, *a, **k))
    dialog = open_dialog(exchange, usb)
    assert dialog.period() == "2026-03"
    assert re.fullmatch(r"2026年3月受理纠纷 [1-9][0-9]* 件。", dialog.month_note.text())
    assert dialog.name_label.text() == "文件名：王庄村-2026-03.xdx"
    assert "第一次报送" in dialog.key_status.text() and dialog.key_picker.isVisible()
    assert_nothing_clipped(qtbot, dialog)
    shoot(dialog, "send_empty.png")

    assert dialog.use_key_file(key_file)
    assert fingerprint(hub_keys[0], "hub") in dialog.key_status.text()
    assert_nothing_clipped(qtbot, dialog)
    shoot(dialog, "send_filled.png")

    progress = []
    dialog.write_button.click()
    dialog.task.progressed.connect(lambda done, total, _text: progress.append((done, total)))
    assert not dialog.write_button.isEnabled() and not dialog.close_button.isEnabled()
    shoot(dialog, "send_running.png")
    written = outcome(qtbot, dialog.task)
    assert written is not None and spy.off_gui_thread == [True]
    assert progress and progress[-1][0] == progress[-1][1] > 10  # rows' tables, the documents, the file
    assert dialog.progress.value() == dialog.progress.maximum()

    # What the dialog says: where, how big, what went in, the committee's fingerprint.
    target = usb / "王庄村-2026-03.xdx"
    assert written.path == target and sorted(p.name for p in usb.iterdir()) == [target.name]  # no .partial left
    text = dialog.result.text()
    assert str(target) in text and written.fingerprint in text
    assert f"案件 {written.counts['cases']} 件" in text and f"存档文件 {written.counts['documents']} 个" in text
    assert re.search(r"（[0-9.]+ (KB|MB)）", text)
    assert dialog.close_button.text() == "完成"
    assert_nothing_clipped(qtbot, dialog)
    shoot(dialog, "send_done.png")

    # The hub reads it: signed, every member as its manifest says, the personal fields open with its key.
    package = read_package(target)
    assert package.fingerprint == written.fingerprint and package.figures["month"] == "2026-03"
    assert not package.zero_report and len(package.rows["cases"]) == written.counts["cases"]
    opened = package.open_personal(hub_keys[1])
    phones = {fields["phone"] for fields in opened["parties"].values() if fields["phone"]}
    assert len(phones) > 10 and phones <= sealed_demo[1]
    assert _exports(db)[-1]["file"] == target.name

    # The key is remembered: the dialog shows its fingerprint now and asks for no file.
    assert exchange.hub_key_fingerprint() == fingerprint(hub_keys[0], "hub")
    assert not dialog.key_picker.isVisible() and "已记下" in dialog.key_status.text()


def test_the_second_time_the_remembered_key_s_fingerprint_is_shown_and_no_file_asked(
        qtbot, open_dialog, village, key_file, usb, hub_keys):
    db, exchange = village
    first = open_dialog(exchange, usb)
    first.use_key_file(key_file)
    assert _write(qtbot, first) is not None
    first.close()

    again = open_dialog(exchange, usb)
    remembered = fingerprint(hub_keys[0], "hub")
    assert FINGERPRINT.fullmatch(remembered)
    assert again.key_picker.isHidden() and not again.key_button.isVisible()
    assert f"已记下司法所的公钥，指纹 {remembered}" in again.key_status.text()
    assert_nothing_clipped(qtbot, again)
    shoot(again, "send_remembered.png")
    again.month_edit.setDate(again.month_edit.date().addMonths(-1))  # 2026-02, another file
    written = _write(qtbot, again)
    assert written is not None and written.path.name == "王庄村-2026-02.xdx"
    assert read_package(written.path).manifest["hub_key"]["fingerprint"] == remembered
    assert len(_exports(db)) == 2


@pytest.mark.parametrize("content", [b"", b"not a key at all\n", b"QUJD\n", os.urandom(5000)],
                         ids=["empty", "text", "short", "big"])
def test_a_bad_key_file_is_said_under_its_field_and_nothing_is_written(qtbot, open_dialog, village, usb, tmp_path,
                                                                         content):
    db, exchange = village
    bad = tmp_path / "hub-key.txt"
    bad.write_bytes(content)
    dialog = open_dialog(exchange, usb)
    assert not dialog.use_key_file(bad)
    assert dialog.key_box.error == "hub-key.txt 不是司法所的公钥文件：请选择司法所用 hub-setup 写出的 hub-key.txt。"
    assert dialog.key_box.error_label.isVisible()
    assert_nothing_clipped(qtbot, dialog)
    shoot(dialog, "send_error_key.png")
    dialog.write_button.click()
    assert dialog.task is None  # refused before any work
    assert list(usb.iterdir()) == [] and _exports(db) == []
    assert exchange.hub_key_fingerprint() is None


def test_an_unreadable_key_file_and_no_key_at_all_are_said_under_the_field(qtbot, open_dialog, village, usb,
                                                                            tmp_path):
    _db, exchange = village
    dialog = open_dialog(exchange, usb)
    dialog.write_button.click()  # no key chosen yet
    assert dialog.task is None and dialog.key_box.error == "请先选择司法所的公钥文件 hub-key.txt。"
    assert not dialog.use_key_file(tmp_path / "gone" / "hub-key.txt")
    assert dialog.key_box.error.startswith("读不到文件 hub-key.txt（")
    assert list(usb.iterdir()) == []


def test_no_folder_or_a_folder_that_is_gone_is_said_under_the_folder(qtbot, open_dialog, village, key_file,
                                                                     tmp_path):
    db, exchange = village
    dialog = open_dialog(exchange, None)
    dialog.folder_edit.clear()
    dialog.use_key_file(key_file)
    dialog.write_button.click()
    assert dialog.task is None and dialog.folder_box.error == "请选择保存报送包的文件夹（一般是U盘）。"
    gone = tmp_path / "pulled-out"
    dialog.folder_edit.setText(str(gone))
    dialog.write_button.click()
    assert dialog.task is None
    assert dialog.folder_box.error == f"找不到文件夹 {gone}（U盘可能没插好）：请插好U盘或另选文件夹。"
    assert_nothing_clipped(qtbot, dialog)
    shoot(dialog, "send_error_folder.png")
    assert not gone.exists() and _exports(db) == []
    assert exchange.hub_key_fingerprint() is None  # nothing written: nothing remembered


class _FullDrive(io.RawIOBase):
    """A USB drive with ``left`` bytes free, or one that refuses every write (``error``)."""

    def __init__(self, path: Path, left: int, error: int):
        self._file = open(path, "xb")
        self._left, self._error = left, error

    def writable(self):
        return True

    def seekable(self):
        return True

    def tell(self):
        return self._file.tell()

    def seek(self, *args):
        return self._file.seek(*args)

    def write(self, data):
        if self._left <= 0:
            raise OSError(self._error, os.strerror(self._error))
        data = bytes(data)[:self._left]
        self._left -= len(data)
        return self._file.write(data)

    def fileno(self):
        return self._file.fileno()

    def close(self):
        self._file.close()
        super().close()


@pytest.mark.parametrize(("left", "error", "message"), [
    (150_000, errno.ENOSPC, "空间不够，报送包没有写完：没有留下不完整的报送包"),
    (0, errno.EROFS, "不能写入（只读、写保护或没有权限）"),
    (50_000, errno.EIO, "报送包没有写完（Input/output error）"),
], ids=["full", "write-protected", "io-error"])
def test_a_full_or_write_protected_drive_is_said_under_the_folder_and_leaves_nothing(
        qtbot, open_dialog, village, key_file, usb, monkeypatch, left, error, message):
    db, exchange = village
    monkeypatch.setattr(writer, "_open_for_writing", lambda path: _FullDrive(path, left, error))
    dialog = open_dialog(exchange, usb)
    dialog.use_key_file(key_file)
    assert _write(qtbot, dialog) is None
    assert message in dialog.folder_box.error
    assert error == errno.EIO or str(usb) in dialog.folder_box.error
    assert dialog.write_button.isEnabled() and dialog.close_button.isEnabled()
    assert_nothing_clipped(qtbot, dialog)
    if error == errno.ENOSPC:
        shoot(dialog, "send_error_full.png")
    assert list(usb.iterdir()) == []  # neither the package nor its .partial
    assert _exports(db) == [] and exchange.hub_key_fingerprint() is None


def test_a_month_without_a_dispute_is_sent_as_a_zero_report(qtbot, open_dialog, village, key_file, usb):
    _db, exchange = village
    dialog = open_dialog(exchange, usb)
    dialog.month_edit.setDate(dialog.month_edit.date().addYears(-20))  # 2006-03: before the demo's cases
    assert dialog.month_note.text() == "2006年3月没有受理纠纷：报送零报告。"
    dialog.use_key_file(key_file)
    written = _write(qtbot, dialog)
    assert written.zero_report and read_package(written.path).zero_report
    assert "带2006年3月的统计（零报告：当月没有受理纠纷）" in dialog.result.text()
    assert_nothing_clipped(qtbot, dialog)


def test_the_month_cannot_be_after_this_month(open_dialog, village, usb):
    _db, exchange = village
    dialog = open_dialog(exchange, usb)
    dialog.month_edit.setDate(dialog.month_edit.date().addMonths(3))
    assert dialog.period() == "2026-04"


# ---------------------------------------------------------------- who may send

@pytest.fixture
def signed_window(qtbot, app_fonts, translations, data_paths, database):
    """``make(role)``: the main window as the app builds it after a login as ``role``."""
    from xinye_desktop.app import build_services
    from xinye_desktop.ui.access import SignedIn
    from xinye_desktop.ui.main_window import MainWindow

    accounts = AccountService(database, cost=CHEAP)
    admin = accounts.create_first_admin(ADMIN, "王保国", PASSWORD)

    def make(role: AccountRole):
        if role is AccountRole.ADMIN:
            session = accounts.login(ADMIN, PASSWORD)
        else:
            made = accounts.add_account(admin.session, f"u{role.value}", "李明", role, "临时密码0001")
            session = accounts.change_password(accounts.login(made.username, "临时密码0001"), "临时密码0001",
                                               "自己的密码2026")
        settings = QSettings(str(data_paths.ui_settings), QSettings.Format.IniFormat)
        window = MainWindow(build_services(data_paths, database), translations, settings, SignedIn(accounts, session))
        qtbot.addWidget(window)
        return window

    return make


@pytest.mark.parametrize("role", list(AccountRole), ids=[r.value for r in AccountRole])
def test_only_a_role_that_may_export_is_offered_the_dialog(qtbot, signed_window, monkeypatch, role):
    window = signed_window(role)
    allowed = window.signed_in.may(Permission.EXPORT)
    assert allowed == (role in (AccountRole.ADMIN, AccountRole.MEDIATOR))
    assert window.send_package_action.isVisible() == allowed
    assert (window.send_package_action in window.file_menu.actions())
    assert window.send_package_action.text() == "报送司法所…"
    opened = []
    monkeypatch.setattr(SendPackageDialog, "exec", lambda self: opened.append(self) or 0)
    window.send_package()  # a shortcut or a stale menu: the dialog still does not open
    assert len(opened) == (1 if allowed else 0)


def test_the_service_refuses_a_role_without_export_even_past_the_menu(qtbot, open_dialog, village, key_file, usb):
    db, exchange = village
    accounts = AccountService(db, cost=CHEAP)
    admin = accounts.login(ADMIN, PASSWORD)
    made = accounts.add_account(admin, "chayue", "李明", AccountRole.VIEWER, "临时密码0001")
    accounts.change_password(accounts.login(made.username, "临时密码0001"), "临时密码0001", "自己的密码2026")
    dialog = open_dialog(exchange, usb)
    dialog.use_key_file(key_file)
    assert _write(qtbot, dialog) is None
    assert "“查阅”账号不能导出台账和报表" in dialog.result.text()
    assert list(usb.iterdir()) == [] and exchange.hub_key_fingerprint() is None
    assert db.read_settings().get(HUB_KEY_SETTING) is None


# ---------------------------------------------------------------- the writer's side of remembering

def test_the_key_file_s_key_is_remembered_and_a_later_one_for_another_hub_replaces_it(village, usb, hub_keys):
    db, exchange = village
    first = exchange.write_package(usb, hub_public_key=hub_keys[0], period="2026-03")
    assert db.read_settings()[HUB_KEY_SETTING] == b64(hub_keys[0])
    kept = exchange.write_package(usb / "kept.xdx", period="2026-03")  # no key given: the remembered one
    assert read_package(kept.path).manifest["hub_key"]["fingerprint"] == fingerprint(hub_keys[0], "hub")
    other = new_hub_keys()[0]
    exchange.write_package(usb / "other.xdx", hub_public_key=other, period="2026-03")
    assert exchange.hub_key_fingerprint() == fingerprint(other, "hub")
    assert [row["hub_key"] for row in _exports(db)] == [fingerprint(k, "hub") for k in (hub_keys[0],) * 2 + (other,)]
    assert first.path.is_file()


def test_a_folder_that_is_not_there_is_never_written_as_a_file_named_like_it(village, tmp_path, hub_keys):
    from xinye_desktop.services.exchange import PackageRefused

    _db, exchange = village
    with pytest.raises(PackageRefused, match="不存在") as refused:
        exchange.write_package(tmp_path / "E盘", hub_public_key=hub_keys[0], period="2026-03")
    assert refused.value.reason == "folder" and not (tmp_path / "E盘").exists()


# ---------------------------------------------------------------- a new signing key

def test_a_new_signing_key_is_made_only_when_confirmed_and_by_an_administrator(qtbot, open_dialog, village, key_file,
                                                                              usb):
    db, exchange = village
    before = exchange.signing_fingerprint()
    dialog = open_dialog(exchange, usb)
    dialog.confirm_new_key = lambda: False
    dialog.new_key_button.click()
    assert exchange.signing_fingerprint() == before and dialog.result.text() == ""
    dialog.confirm_new_key = lambda: True
    dialog.new_key_button.click()
    after = exchange.signing_fingerprint()
    assert after != before and after in dialog.result.text() and before in dialog.result.text()
    # The next package is signed with the new key.
    dialog.use_key_file(key_file)
    assert _write(qtbot, dialog).fingerprint == after
    # A 调解员 is refused, under the result, and the key stays.
    accounts = AccountService(db, cost=CHEAP)
    admin = accounts.login(ADMIN, PASSWORD)
    made = accounts.add_account(admin, "tiaojie", "刘振华", AccountRole.MEDIATOR, "临时密码0001")
    accounts.change_password(accounts.login(made.username, "临时密码0001"), "临时密码0001", "自己的密码2026")
    dialog.new_key_button.click()
    assert exchange.signing_fingerprint() == after and "调解员" in dialog.result.text()
