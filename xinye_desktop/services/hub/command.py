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


def run_hub_return(db, to: Path, committee: str | None = None, installer: Path | None = None, *,
                   out: Callable[[str], None] = print, err: Callable[[str], None] = _err) -> int:
    """``hub-return --to FOLDER [--committee ID_OR_NAME] [--installer FILE]``: a return package per committee."""
    from .returns import HubReturns

    if not Path(to).is_dir():
        err(f"文件夹 {to} 不存在：回执包没有生成。")
        return 2
    returns = HubReturns(db)
    try:
        written = returns.write_returns(Path(to), committee, installer=installer)
    except Refused as refused:
        err("回执包没有生成：" + refused.text())
        return 1 if getattr(refused, "reason", "") == "write" else _refused_code(refused)
    for item in written:
        parts = [f"确认到第 {item.acknowledged} 号变更", f"审查意见 {item.decisions} 件"]
        if item.withheld:
            parts.append(f"其中 {item.withheld} 件的理由没有发送（村里的报送包还没有带加密公钥，下次报送后重新生成即可）")
        if item.settings:
            parts.append("设置：" + "，".join(f"{k}={v}" for k, v in sorted(item.settings.items())))
        if item.installer:
            parts.append(f"安装程序 {item.installer}")
        out(f"回执包已写入 {item.path}（{item.committee}，第 {item.sequence} 号；" + "；".join(parts) + "）。")
    if written:
        out(f"本{_office(db)}签名密钥指纹：{written[0].fingerprint}（村里第一次导入回执包时请电话核对）。")
    return 0


def _refused_code(refused: Refused) -> int:
    """3 where the account may not (or is not logged in), 2 where what was given does not do."""
    from ...domain.accounts import NotPermitted
    from ...storage.sealing import KeyRequired
    from ..access import PLEASE_LOG_IN

    return 3 if isinstance(refused, (NotPermitted, KeyRequired)) or refused.message == PLEASE_LOG_IN else 2


def _office(db) -> str:
    identity = HubSetup(db).identity()
    return identity.office if identity is not None else "司法所"


def run_hub_settings(db, case_prefix: str | None = None, visit_days: str | None = None, *,
                     out: Callable[[str], None] = print, err: Callable[[str], None] = _err) -> int:
    """``hub-settings [--case-prefix 新] [--visit-days 30]``: what the return packages tell the villages
    (without options: what is set now)."""
    from .returns import HubReturns

    returns = HubReturns(db)
    try:
        if case_prefix is None and visit_days is None:
            settings = returns.village_settings()
        else:
            settings = returns.set_village_settings(case_prefix=case_prefix, visit_interval_days=visit_days)
    except Refused as refused:
        err(refused.text())
        return _refused_code(refused)
    out("回执包给各村的设置：案号前缀 " + (settings.get("case_prefix") or "（不设，各村自定）")
        + "，回访间隔 " + (f"{settings['visit_interval_days']} 天" if "visit_interval_days" in settings
                          else "（不设，各村自定）") + "。")
    return 0
