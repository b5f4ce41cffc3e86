"""The county's local dispute types (纠纷类型细目, issue 16 item 4; domain/dispute_types.py): checked at the hub
(service, command, dialog), sent in the return package, stored at the village, offered by the intake under
their category, and a case of one counted under its category with the type's name as its 类型说明."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import zipfile

import pytest

from xinye_desktop.domain.dispute_types import (
    LocalType, LocalTypesError, category_named, check_local_types, loads_local_types, parse_lines,
)
from xinye_desktop.domain.enums import DisputeType
from xinye_desktop.domain.errors import Refused
from xinye_desktop.services.exchange.format import SETTINGS
from xinye_desktop.services.exchange.returns_import import IMPORTED, UNCHANGED, ReturnImporter
from xinye_desktop.services.hub.returns import VILLAGE_DISPUTE_TYPES_SETTING
from xinye_desktop.services.settings import SettingsService

from tests.test_return_package import (  # noqa: F401 - fixtures
    Hub, _refused, _usb, _village_state, hub, hub_keys, village_copy, villages,
)

INHERITANCE = ("继承纠纷", "婚姻家庭纠纷")
VILLAGE_AFFAIRS = ("村务管理纠纷", "其他")


# -- the list's own checks ----------------------------------------------------------------------------------------

def test_a_local_type_is_named_and_filed_under_one_of_the_15_categories():
    assert category_named("婚姻家庭") is category_named("婚姻家庭纠纷") is category_named("marriage_family") \
        is DisputeType.MARRIAGE_FAMILY
    assert category_named("不存在的类别") is None
    assert check_local_types([INHERITANCE, VILLAGE_AFFAIRS]) == (
        LocalType("继承纠纷", DisputeType.MARRIAGE_FAMILY), LocalType("村务管理纠纷", DisputeType.OTHER))
    assert parse_lines("继承纠纷=婚姻家庭纠纷\n\n村务管理纠纷＝其他\n") == [INHERITANCE, ("村务管理纠纷", "其他")]


@pytest.mark.parametrize("entries, says", [
    ([("", "邻里")], "没有填写细目名称"),
    ([("宅基地边界", "")], "请选择它归入的统计类别"),
    ([("宅基地边界", "宅基地")], "请选择它归入的统计类别"),
    ([("邻里纠纷", "邻里")], "本身就是统计类别之一"),
    ([INHERITANCE, INHERITANCE], "第2项“继承纠纷”与前面的一项重名"),
    ([("继承\x07纠纷", "婚姻家庭")], "控制字符"),
    ([("很长很长很长很长很长很长很长很长很长很长很长", "其他")], "名称太长"),
    ([(f"细目{i}", "其他") for i in range(61)], "细目最多 60 项"),
])
def test_a_list_that_cannot_be_used_is_refused_with_the_entry_it_stops_at(entries, says):
    with pytest.raises(LocalTypesError, match=says):
        check_local_types(entries)


def test_a_line_without_a_category_and_a_stored_list_that_does_not_hold_are_refused():
    with pytest.raises(LocalTypesError, match="第2项写法不对"):
        parse_lines("继承纠纷=婚姻家庭\n继承纠纷\n")
    for stored in ("not json", '{"name": "x"}', '[{"name": "继承纠纷", "category": "inheritance"}]', "[1]"):
        with pytest.raises(LocalTypesError):
            loads_local_types(stored)
    assert loads_local_types("") == ()


# -- the hub sets them, the return carries them, the village keeps them ---------------------------------------------------

def test_the_hub_sends_its_local_types_and_the_village_offers_them(hub: Hub, villages, village_copy, tmp_path):
    assert "dispute_types" not in hub.returns.village_settings()  # never set: not sent at all
    settings = hub.returns.set_village_settings(dispute_types=[INHERITANCE, VILLAGE_AFFAIRS])
    assert settings["dispute_types"] == [{"name": "继承纠纷", "category": "marriage_family"},
                                         {"name": "村务管理纠纷", "category": "other"}]
    [one] = hub.returns.write_returns(_usb(tmp_path), "王庄村")
    with zipfile.ZipFile(one.path) as zf:
        assert json.loads(zf.read(SETTINGS))["dispute_types"] == settings["dispute_types"]
        assert "dispute_types" in json.loads(zf.read("manifest.json"))["settings"]

    db, root = village_copy("wang")
    with db.transaction() as uow:  # the demo village holds the county's list already: one that never had one
        uow.settings.set("dispute_types", "")
    assert SettingsService(db).local_dispute_types() == ()
    done = ReturnImporter(db, root).import_return(one.path)
    assert done.status == IMPORTED
    assert done.settings["dispute_types"] == ["", "继承纠纷、村务管理纠纷"]
    assert any("纠纷类型细目 （空） → 继承纠纷、村务管理纠纷" in line for line in done.lines())
    assert SettingsService(db).local_dispute_types() == (
        LocalType("继承纠纷", DisputeType.MARRIAGE_FAMILY), LocalType("村务管理纠纷", DisputeType.OTHER))
    assert ReturnImporter(db, root).import_return(one.path).status == UNCHANGED

    # Emptied at the hub: sent empty, and the village drops its list.
    assert hub.returns.set_village_settings(dispute_types=[])["dispute_types"] == []
    [two] = hub.returns.write_returns(_usb(tmp_path, "usb2"), "王庄村")
    again = ReturnImporter(db, root).import_return(two.path)
    assert again.settings["dispute_types"] == ["继承纠纷、村务管理纠纷", ""]
    assert SettingsService(db).local_dispute_types() == ()


def test_bad_local_types_are_refused_at_the_hub_and_change_nothing(hub: Hub):
    hub.returns.set_village_settings(dispute_types=[INHERITANCE])
    with pytest.raises(Refused, match="本身就是统计类别之一"):
        hub.returns.set_village_settings(case_prefix="王", dispute_types=[("邻里纠纷", "邻里")])
    settings = hub.returns.village_settings()
    assert settings == {"dispute_types": [{"name": "继承纠纷", "category": "marriage_family"}]}  # the prefix neither


def test_a_return_whose_local_types_do_not_hold_is_refused_whole(hub: Hub, villages, village_copy, tmp_path,
                                                                  monkeypatch):
    """A hub writing what its own checks would refuse (an older or altered program): the village refuses the
    whole package, as for any bad setting, and changes nothing."""
    from xinye_desktop.services.hub import returns as hub_returns

    hub.returns.set_village_settings(case_prefix="王", dispute_types=[INHERITANCE])
    monkeypatch.setattr(hub_returns, "loads_local_types",
                        lambda _value: (LocalType("邻里纠纷", DisputeType.NEIGHBOUR),))
    bad = hub.returns.write_returns(_usb(tmp_path), "王庄村")[0].path
    db, root = village_copy("wang")
    _refused(ReturnImporter(db, root), db, bad, "bad_setting", "dispute_types")
    assert SettingsService(db).load().case_prefix != "王"


def test_the_hub_settings_command_sets_shows_and_empties_the_list(tmp_path, capsys):
    from xinye_desktop.__main__ import main

    root = tmp_path / "hub"
    root.mkdir()
    assert main(["hub-setup", "--mode", "司法所", "--area", "新野县王庄镇", "--data-dir", str(root)]) == 0
    capsys.readouterr()
    assert main(["hub-settings", "--dispute-type", "继承纠纷=婚姻家庭", "--dispute-type", "村务管理纠纷=其他纠纷",
                 "--data-dir", str(root)]) == 0
    assert "纠纷类型细目 继承纠纷（归入婚姻家庭纠纷）、村务管理纠纷（归入其他纠纷）" in capsys.readouterr().out
    assert main(["hub-settings", "--dispute-type", "继承纠纷", "--data-dir", str(root)]) == 2
    assert "写法不对" in capsys.readouterr().err
    assert main(["hub-settings", "--dispute-type", "邻里纠纷=邻里", "--data-dir", str(root)]) == 2
    assert "本身就是统计类别之一" in capsys.readouterr().err
    assert main(["hub-settings", "--data-dir", str(root)]) == 0
    assert "继承纠纷（归入婚姻家庭纠纷）" in capsys.readouterr().out  # the refused ones changed nothing
    assert main(["hub-settings", "--no-dispute-types", "--data-dir", str(root)]) == 0
    assert "（空：各村不用细目）" in capsys.readouterr().out


def test_the_village_s_settings_show_the_local_types_it_was_sent_and_do_not_edit_them(make_window, qtbot):
    from xinye_desktop.domain.dispute_types import dumps_local_types
    from xinye_desktop.ui.settings_dialog import SettingsDialog

    window = make_window()
    dialog = SettingsDialog(window.services.settings, window.committee, window)
    qtbot.addWidget(dialog)
    assert dialog.local_types_label.text() == "没有（司法所的回执包可以下发）"
    with window.services.settings._db.transaction() as uow:  # as the return import writes it
        uow.settings.set("dispute_types", dumps_local_types(check_local_types([INHERITANCE, VILLAGE_AFFAIRS])))
    dialog = SettingsDialog(window.services.settings, window.committee, window)
    qtbot.addWidget(dialog)
    assert dialog.local_types_label.text() == "继承纠纷（归入婚姻家庭纠纷）、村务管理纠纷（归入其他纠纷）"
    assert dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width())  # the wrapped list is not cut
