"""A 司法所's 文件 → 转报司法局… (ui/hub/relay_dialog.py; issue 16 item 3: "a township hub exports its own
upward package to the county the same way"): the relays written to a folder with progress and shown per
village, the 司法局's key remembered from the first relay (the dialog and ``hub-export-package`` need no key
file after it), another key refused unless the clerk replaces it, the folder's errors under its field; the
action is not offered on a 司法局 hub or to a role that may not export. The villages, the township and the
county are tests/test_hub_relay.py's."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import text  # noqa: E402

from tests.test_hub_relay import (  # noqa: E402,F401  (fixtures: villages, township_keys, county_keys, world)
    CHEAP, CLERK, CLERK_PASSWORD, LI, WANG, county_keys, township_keys, villages, world,
)
from xinye_desktop.app import create_window, hub_identity  # noqa: E402
from xinye_desktop.domain.accounts import AccountRole  # noqa: E402
from xinye_desktop.domain.exchange import fingerprint  # noqa: E402
from xinye_desktop.paths import DataPaths  # noqa: E402
from xinye_desktop.services.accounts import AccountService, AccountSession  # noqa: E402
from xinye_desktop.services.exchange import PackageRefused, new_hub_keys  # noqa: E402
from xinye_desktop.services.exchange.crypto import b64  # noqa: E402
from xinye_desktop.services.hub import HubSetup  # noqa: E402
from xinye_desktop.services.hub.relay import COUNTY_KEY_SETTING, TownshipRelay  # noqa: E402
from xinye_desktop.storage.database import Database  # noqa: E402
from xinye_desktop.ui.access import SignedIn  # noqa: E402
from xinye_desktop.ui.i18n import Translations  # noqa: E402

from task_waits import outcome  # noqa: E402


def _window(qtbot, db, root: Path, tmp_path: Path, *, accounts: bool = True, role: AccountRole | None = None):
    signed_in = None
    if accounts:
        service = AccountService(db, cost=CHEAP)
        session = service.login(CLERK, CLERK_PASSWORD)
        if role is not None:  # what the window offers a role (the services check the stored account)
            session = AccountSession(session.account_id, session.username, session.display_name, role,
                                     session.started_at, data_key=session.data_key)
        signed_in = SignedIn(service, session)
    window = create_window(DataPaths(root), db, Translations(QApplication.instance()),
                           QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat), signed_in,
                           hub=hub_identity(db))
    qtbot.addWidget(window)
    return window


@pytest.fixture
def township_window(qtbot, world, tmp_path):
    window = _window(qtbot, world.township, world.township_root, tmp_path)
    yield window
    window.close()


def _key_file(db: Database, path: Path) -> Path:
    return HubSetup(db).write_key_file(path)


def _county_key_audits(db: Database) -> list[dict]:
    with db.engine.connect() as conn:
        summaries = [json.loads(r[0]) for r in conn.execute(text("SELECT summary FROM audit_log ORDER BY id"))]
    return [s for s in summaries if s.get("what") == "county_key"]


def _hub_key_of(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("manifest.json"))["hub_key"]["public_key"]


def _cells(dialog) -> list[list[str]]:
    model = dialog.model
    return [[model.index(r, c).data() or "" for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_dialog_writes_the_relays_with_progress_and_remembers_the_county_key(qtbot, township_window, world,
                                                                                county_keys, tmp_path):
    window = township_window
    assert window.relay_action.isVisible() and window.relay_action.text() == "转报司法局…"
    dialog = window.relay_dialog()
    assert "第一次转报" in dialog.key_text() and dialog.key_button.text() == "选择公钥文件…"

    # The folder: none chosen, then one pulled out: said under the field, nothing started.
    dialog.folder_edit.setText("")
    dialog.start()
    assert "请选择" in dialog.folder_box.error and dialog.task is None
    dialog.choose_folder = lambda: str(tmp_path / "pulled-out")
    dialog.folder_button.click()
    dialog.start()
    assert "找不到文件夹" in dialog.folder_box.error and dialog.task is None
    dialog.choose_folder = lambda: str(world.usb)
    dialog.folder_button.click()
    assert dialog.folder_box.error == ""

    # No key yet, then a file that is not one: under the key's field.
    dialog.start()
    assert "公钥文件" in dialog.key_box.error and dialog.task is None
    not_a_key = tmp_path / "notes.txt"
    not_a_key.write_text("这不是公钥", encoding="utf-8")
    assert not dialog.use_key_file(not_a_key)
    assert "公钥不对" in dialog.key_box.error
    dialog.month_edit.setText("2026-13x")
    dialog.use_key_file(_key_file(world.county, tmp_path / "county-key.txt"))
    county_fp = fingerprint(county_keys[0], "hub")
    assert dialog.key_box.error == "" and county_fp in dialog.key_text()
    dialog.start()
    assert "2026-12" in dialog.month_box.error and dialog.task is None
    dialog.month_edit.setText("2026-03")

    steps = []
    dialog.progress.valueChanged.connect(lambda value: steps.append((value, dialog.progress.maximum())))
    dialog.start()
    assert dialog.progress.isVisible() or not dialog.isVisible()
    result = outcome(qtbot, dialog.task, timeout=60000)
    assert sorted(w.path.name for w in result.written) == ["李庄村-2026-03-经王庄镇.xdx", "王庄村-2026-03-经王庄镇.xdx"]
    assert all(w.path.parent == world.usb and w.path.exists() for w in result.written)
    assert (2, 2) in steps and dialog.progress.isHidden()
    rows = _cells(dialog)
    assert len(rows) == 2
    for written in result.written:
        [row] = [r for r in rows if r[1] == written.path.name]
        assert row[3] == str(written.counts.get("cases", 0)) and int(row[2]) > int(row[3]) > 0
        assert row[5] == "2026-03" and row[6] == "0" and row[7].endswith(("KB", "MB"))
    assert result.fingerprint in dialog.result_label.text() and "已生成 2 个转报包" in dialog.result_label.text()
    # Remembered with the first relay, one audit row; the dialog says so and asks for no file any more.
    assert world.township.read_settings()[COUNTY_KEY_SETTING] == b64(county_keys[0])
    assert [a["fingerprint"] for a in _county_key_audits(world.township)] == [county_fp]
    assert county_fp in dialog.key_text() and "不用再选" in dialog.key_text()
    assert dialog.key_button.text() == "换一个公钥文件…"

    # Again, in a dialog of its own: nothing new, each village says so; then 全部重新转报 without a key file.
    again = window.relay_dialog()
    assert county_fp in again.key_text()
    again.folder_edit.setText(str(world.usb))
    again.start()
    nothing = outcome(qtbot, again.task, timeout=60000)
    assert not nothing.written and sorted(nothing.unchanged) == sorted(w.committee for w in result.written)
    assert "没有需要转报的内容" in again.result_label.text()
    assert all("没有新的内容" in row[8] and row[1] == "—" for row in _cells(again))
    again.all_check.setChecked(True)
    again.start()
    resent = outcome(qtbot, again.task, timeout=60000)
    assert len(resent.written) == 2 and all("（2）" in w.path.name for w in resent.written)
    assert {_hub_key_of(w.path) for w in resent.written} == {b64(county_keys[0])}
    assert len(_county_key_audits(world.township)) == 1  # the same key: no new row


def test_another_county_key_is_refused_unless_the_clerk_replaces_it(qtbot, township_window, world, county_keys,
                                                                    tmp_path):
    world.relay(month="2026-03")  # the first relay remembers the county's key
    county_fp = fingerprint(county_keys[0], "hub")
    other_public, _other_private = new_hub_keys()
    other_file = tmp_path / "new-county-key.txt"
    other_file.write_text(b64(other_public) + "\n", encoding="ascii")
    relay = TownshipRelay(world.township, world.township_root)
    with pytest.raises(PackageRefused, match="不一样") as refused:
        relay.write_packages(world.usb, other_public, resend_all=True)
    assert refused.value.reason == "county_key" and county_fp in refused.value.text()
    assert sorted(p.name for p in world.usb.iterdir()) == ["李庄村-2026-03-经王庄镇.xdx", "王庄村-2026-03-经王庄镇.xdx"]

    dialog = township_window.relay_dialog()
    dialog.folder_edit.setText(str(world.usb))
    asked = []
    dialog.confirm_replace = lambda: asked.append(True) and False  # the clerk says no: no file is asked for
    dialog.choose_key_file = lambda: pytest.fail("no file is asked for without the clerk's yes")
    dialog.key_button.click()
    assert asked == [True] and county_fp in dialog.key_text()
    # The same key's file again: nothing to replace.
    dialog.confirm_replace = lambda: True
    dialog.choose_key_file = lambda: str(_key_file(world.county, tmp_path / "same.txt"))
    dialog.key_button.click()
    assert dialog._county_key is None and "不用再选" in dialog.key_text()
    # A file that holds no key: said under the field, which the remembered key's fingerprint had stood in for.
    broken = tmp_path / "broken.txt"
    broken.write_text("xx", encoding="ascii")
    dialog.choose_key_file = lambda: str(broken)
    dialog.key_button.click()
    assert "公钥不对" in dialog.key_box.error and dialog.key_box.isVisibleTo(dialog)
    assert "仍用记下的公钥" in dialog.key_text() and county_fp in dialog.key_text()
    dialog.choose_key_file = lambda: str(other_file)
    dialog.key_button.click()
    other_fp = fingerprint(other_public, "hub")
    assert other_fp in dialog.key_text() and "代替" in dialog.key_text()
    dialog.all_check.setChecked(True)
    dialog.start()
    result = outcome(qtbot, dialog.task, timeout=60000)
    assert len(result.written) == 2 and {_hub_key_of(w.path) for w in result.written} == {b64(other_public)}
    assert [(a["before"], a["fingerprint"]) for a in _county_key_audits(world.township)] == [
        ("", county_fp), (county_fp, other_fp)]
    assert other_fp in dialog.key_text() and "不用再选" in dialog.key_text()


def test_a_township_without_a_remembered_key_is_told_to_give_one(world):
    with pytest.raises(PackageRefused, match="还没有记下司法局的公钥") as refused:
        TownshipRelay(world.township, world.township_root).write_packages(world.usb)
    assert refused.value.reason == "county_key" and not list(world.usb.iterdir())


def test_a_refusal_of_the_key_given_is_said_under_the_key_field(qtbot, township_window, world, township_keys,
                                                              tmp_path):
    dialog = township_window.relay_dialog()
    dialog.folder_edit.setText(str(world.usb))
    own = tmp_path / "own-key.txt"
    own.write_text(b64(township_keys[0]) + "\n", encoding="ascii")
    assert dialog.use_key_file(own)
    dialog.start()
    assert outcome(qtbot, dialog.task, timeout=60000) is None
    assert "自己的公钥" in dialog.key_box.error and "没有生成" in dialog.result_label.text()
    assert not list(world.usb.iterdir())


def test_the_action_is_not_offered_on_a_county_hub_or_to_a_role_that_may_not_export(qtbot, world, tmp_path):
    county = _window(qtbot, world.county, world.county_root, tmp_path / "c", accounts=False)
    try:
        assert not county.relay_action.isVisible() and county.return_action.isVisible()
        assert not county.relays_upward()
        county.write_relays()  # does nothing (no dialog is opened)
    finally:
        county.close()
    viewer = _window(qtbot, world.township, world.township_root, tmp_path / "v", role=AccountRole.VIEWER)
    try:
        assert not viewer.relay_action.isVisible() and not viewer.relays_upward()
    finally:
        viewer.close()


@pytest.mark.slow
def test_the_command_needs_the_county_key_only_the_first_time(world, tmp_path, monkeypatch, capsys):
    from xinye_desktop.__main__ import main

    key_file = _key_file(world.county, tmp_path / "county-key.txt")
    other_public, _ = new_hub_keys()
    other_file = tmp_path / "new-county-key.txt"
    other_file.write_text(b64(other_public) + "\n", encoding="ascii")
    monkeypatch.setenv("XINYE_PASSWORD", CLERK_PASSWORD)
    base = ["hub-export-package", "--to", str(world.usb), "--data-dir", str(world.township_root), "--user", CLERK]
    world.township.close()
    assert main(base) == 2  # no key given, none remembered
    err = capsys.readouterr().err
    assert "还没有记下司法局的公钥" in err and "--county-key" in err
    assert main(base + ["--county-key", str(key_file), "--month", "2026-03"]) == 0
    assert "王庄村-2026-03-经王庄镇.xdx" in capsys.readouterr().out
    assert main(base + ["--all"]) == 0  # the remembered key
    out = capsys.readouterr().out
    assert "王庄村-2026-03-经王庄镇（2）.xdx" in out and "指纹" in out
    assert main(base + ["--all", "--county-key", str(other_file)]) == 2
    err = capsys.readouterr().err
    assert "不一样" in err and "--replace-county-key" in err
    assert main(base + ["--all", "--replace-county-key"]) == 2  # replaced by what?
    assert "--county-key" in capsys.readouterr().err
    assert main(base + ["--all", "--county-key", str(other_file), "--replace-county-key"]) == 0
    capsys.readouterr()
    world.township = Database(world.township_root / "xinye.sqlite3")
    assert world.township.read_settings()[COUNTY_KEY_SETTING] == b64(other_public)
    newest = sorted(world.usb.glob("王庄村*（3）.xdx"))
    assert newest and _hub_key_of(newest[0]) == b64(other_public)
    assert main(base[:3] + ["--county-key", str(tmp_path / "gone.txt")] + base[3:]) == 2
    assert "读不到司法局的公钥文件" in capsys.readouterr().err


def test_a_replaced_county_key_is_remembered_when_there_is_nothing_new_to_relay(world, county_keys):
    # The county made a new key pair in a quiet month: the clerk replaces the key, nothing is relayed, and next
    # month's relays still go to the new key, not to the old one.
    world.relay(month="2026-03")
    other_public, _ = new_hub_keys()
    relay = TownshipRelay(world.township, world.township_root)
    quiet = relay.write_packages(world.usb, other_public, replace_county_key=True)
    assert not quiet.written and sorted(quiet.unchanged) == sorted([WANG, LI])
    assert world.township.read_settings()[COUNTY_KEY_SETTING] == b64(other_public)
    county_fp, other_fp = fingerprint(county_keys[0], "hub"), fingerprint(other_public, "hub")
    assert [(a["before"], a["fingerprint"]) for a in _county_key_audits(world.township)] == [
        ("", county_fp), (county_fp, other_fp)]
    resent = relay.write_packages(world.usb, resend_all=True)  # no key given: the one remembered
    assert len(resent.written) == 2 and {_hub_key_of(w.path) for w in resent.written} == {b64(other_public)}


def test_the_county_s_return_dialog_leaves_out_the_relayed_villages_and_says_so(qtbot, world, tmp_path):
    relays = world.relay(month="2026-03")
    world.county_import(w.path for w in relays.written)
    county = _window(qtbot, world.county, world.county_root, tmp_path, accounts=False)
    try:
        dialog = county.return_dialog()
        assert dialog.relayed_label.isVisibleTo(dialog)
        assert "经司法所转报的 2 个调委会不在这里（王庄镇李庄村、王庄镇王庄村）" in dialog.relayed_label.text()
        assert "都是经司法所转报的" in dialog.result_label.text() and not dialog.write_button.isEnabled()
        assert dialog.committee_combo.count() == 1  # 全部调委会 only: no village to pick
    finally:
        county.close()
