"""The command line's ``hub-setup`` and ``import-package`` (issue 16 item 3), after __main__ has opened the
data folder and logged in where it has accounts (importing opens every package's personal fields with the
hub's private key, sealed with the data key there; it writes).

Exit codes as the other commands': 0 done (every package imported or already there), 1 a package was
refused or the work failed on the way, 2 nothing done because of what was given (not a hub, a wrong
mode or area), 3 refused to protect the data (a second set-up, a folder with cases of its own, a role that
may not)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Iterable

from ...domain.errors import Refused
from ...domain.hub import HubMode
from .importer import REFUSED, HubImporter
from .messages import BAD_AREA_COUNTY, BAD_AREA_TOWNSHIP, NOT_A_HUB
from .setup import KEY_FILE_NAME, HubSetup


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def run_hub_setup(db, data_root: Path, mode_text: str, area: str, name: str = "", key_out: Path | None = None,
                  *, out: Callable[[str], None] = print, err: Callable[[str], None] = _err) -> int:
    mode = HubMode.parse(mode_text)
    if mode is None:
        err(f"“{mode_text}”不是司法所或司法局：--mode 请写 司法所 或 司法局。什么都没有改动。")
        return 2
    target = Path(key_out) if key_out is not None else Path(data_root) / KEY_FILE_NAME
    folder = target if target.is_dir() else target.parent
    if not folder.is_dir():
        err(f"文件夹 {folder} 不存在：没有设置，什么都没有改动。")
        return 2
    setup = HubSetup(db)
    try:
        identity = setup.set_up(mode, area, name)
    except Refused as refused:
        err(refused.text())
        return 2 if refused.message in (BAD_AREA_TOWNSHIP, BAD_AREA_COUNTY) else 3
    written = setup.write_key_file(target)
    out(f"这个数据文件夹已设为{identity.name}（{identity.office}，{identity.area}）。")
    out(f"公钥已写入 {written}：请把它交给各村（export-package --hub-key），村里生成的报送包只有这里能打开。")
    out(f"{identity.office}公钥指纹：{identity.fingerprint}（村里第一次使用时请电话核对）。")
    return 0


def run_import_packages(db, data_root: Path, paths: Iterable[Path], *, out: Callable[[str], None] = print,
                        err: Callable[[str], None] = _err) -> int:
    importer = HubImporter(db, data_root)
    try:
        summaries = importer.import_packages(list(paths))
    except Refused as refused:
        err(refused.text())
        return 2 if refused.message == NOT_A_HUB else 3
    for summary in summaries:
        for line in summary.lines():
            out(line)
    refused = sum(summary.status == REFUSED for summary in summaries)
    if len(summaries) > 1:
        out(f"共 {len(summaries)} 个：导入 {sum(s.status == 'imported' for s in summaries)} 个，"
            f"已导入过 {sum(s.status == 'unchanged' for s in summaries)} 个，没有导入 {refused} 个。")
    return 1 if refused else 0
