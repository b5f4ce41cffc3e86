"""The command line's ``hub-export-package --to FOLDER [--county-key FILE [--replace-county-key]] [--month YYYY-MM]
[--all]`` (issue 16 item 3): a 司法所's relays to the 司法局, after __main__ has opened the hub's data folder and
logged in (the villages' personal fields are opened to be sealed to the county, and the township signs).
``--county-key`` is needed the first time only: the first run remembers the key, relays written or not
(services/hub/relay.py); another key than the remembered one needs ``--replace-county-key``.

Exit codes as the other commands': 0 written (or nothing new), 1 a relay failed on the way (the others
are written; nothing is left under a failed one's name), 2 nothing done because of what was given (no such
folder, no county key, a bad month, not a 司法所, no signing key), 3 refused (a role that may not export)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

from ...domain.errors import Refused
from ..exchange.format import PackageRefused
from .messages import NOT_A_HUB
from .relay import TownshipRelay, read_county_key_file
from .relay_messages import COUNTY_KEY_CHANGED, NO_COUNTY_KEY_YET, ONLY_TOWNSHIP

_NOTHING_DONE = {"folder", "county_key", "period", "signing_key"}


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def run_hub_export_package(db, data_root: Path, to: Path, county_key_file: Path | None, *, month: str | None = None,
                           resend_all: bool = False, replace_county_key: bool = False,
                           out: Callable[[str], None] = print, err: Callable[[str], None] = _err) -> int:
    if replace_county_key and county_key_file is None:
        err("--replace-county-key 要和 --county-key FILE（司法局新的 hub-key.txt）一起用：没有生成转报包。")
        return 2
    try:
        county_key = None if county_key_file is None else read_county_key_file(county_key_file)
        result = TownshipRelay(db, data_root).write_packages(Path(to), county_key, month=month, resend_all=resend_all,
                                                             replace_county_key=replace_county_key)
    except PackageRefused as refused:
        err(refused.text())
        if refused.message == NO_COUNTY_KEY_YET:
            err("请加上 --county-key FILE（司法局的 hub-key.txt）。")
        elif refused.message == COUNTY_KEY_CHANGED:
            err("核对无误后，加上 --replace-county-key 换用这把公钥。")
        return 2 if refused.reason in _NOTHING_DONE else 1
    except Refused as refused:
        err(refused.text() if refused.message in (NOT_A_HUB, ONLY_TOWNSHIP) else "没有生成转报包：" + refused.text())
        return 2 if refused.message in (NOT_A_HUB, ONLY_TOWNSHIP) else 3
    for written in result.written:
        counts = written.counts
        rows = sum(n for k, n in counts.items() if k not in ("documents", "tombstones", "figures"))
        months = "、".join(written.months) if written.months else "无新的月度数字"
        revoked = f"本司法所吊销的签名密钥 {written.revocations} 把；" if written.revocations else ""
        out(f"{written.committee}：转报包已写入 {written.path}（记录 {rows} 条，其中案件 {counts.get('cases', 0)} 件；"
            f"删除 {counts.get('tombstones', 0)} 条；存档文件 {counts.get('documents', 0)} 个；月度数字 {months}；"
            f"{revoked}{written.size / (1 << 20):.1f} MB）。")
    for name in result.unchanged:
        out(f"{name}：上次转报之后没有新的内容，没有生成转报包。")
    for name, why in result.refused:
        err(f"{name}：{why}")
    if not result.written and not result.refused:
        out("没有需要转报的内容。")
    out(f"司法所签名密钥指纹：{result.fingerprint}（司法局第一次导入时请电话核对）。")
    return 1 if result.refused else 0
