"""The command line's ``hub-setup``, ``import-package``, ``hub-status``, ``hub-statistics``, ``hub-return``,
``hub-settings`` and ``hub-revoke-key`` (issue 16 items 3, 4 and 6), after __main__ has opened the
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
from ...domain.hub import HubMode, hub_area
from ...domain.statistics import percent
from .importer import REFUSED, HubImporter
from .messages import BAD_AREA_COUNTY, BAD_AREA_TOWNSHIP, NOT_A_HUB, NOTHING_TO_SHOW
from .setup import KEY_FILE_NAME, HubSetup


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def setup_problem(mode_text: str, area: str, key_out: Path | None = None) -> str | None:
    """Why hub-setup's arguments cannot set a hub up (the sentence to say, exit 2), or None; read before
    anything is opened or made (a first administrator, a PostgreSQL database's schema). A --key-out folder
    that does not exist is named here; the default one (the data folder) is made by then."""
    mode = HubMode.parse(mode_text)
    if mode is None:
        return f"“{mode_text}”不是司法所或司法局：--mode 请写 司法所 或 司法局。什么都没有改动。"
    if not hub_area(mode, area):
        return Refused(BAD_AREA_TOWNSHIP if mode is HubMode.TOWNSHIP else BAD_AREA_COUNTY, area=area).text()
    if key_out is not None:
        target = Path(key_out)
        folder = target if target.is_dir() else target.parent
        if not folder.is_dir():
            return f"文件夹 {folder} 不存在：没有设置，什么都没有改动。"
    return None


def run_hub_setup(db, data_root: Path, mode_text: str, area: str, name: str = "", key_out: Path | None = None,
                  *, out: Callable[[str], None] = print, err: Callable[[str], None] = _err) -> int:
    target = Path(key_out) if key_out is not None else Path(data_root) / KEY_FILE_NAME
    problem = setup_problem(mode_text, area, target)
    if problem is not None:
        err(problem)
        return 2
    mode = HubMode.parse(mode_text)
    setup = HubSetup(db)
    try:
        identity = setup.set_up(mode, area, name)
    except Refused as refused:
        err(refused.text())
        return 2 if refused.message in (BAD_AREA_TOWNSHIP, BAD_AREA_COUNTY) else 3
    written = setup.write_key_file(target)
    where = "这个数据库" if getattr(db, "path", True) is None else "这个数据文件夹"  # None: a PostgreSQL hub
    out(f"{where}已设为{identity.name}（{identity.office}，{identity.area}）。")
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


LISTED = 20  # overdue visits and closing windows printed; the counts say how many there are


def _area(a) -> str:
    return (f"受理{a.accepted}件，调解成功{a.succeeded}件（成功率{percent(a.success_rate)}），"
            f"防止民转刑{a.prevented_criminal}件{a.prevented_criminal_people}人，"
            f"防止群体性上访{a.prevented_petition}件{a.prevented_petition_people}人，排查{a.canvasses}次；"
            f"台账受理{a.held_accepted}件")


def run_hub_status(db, month, *, out: Callable[[str], None] = print, err: Callable[[str], None] = _err) -> int:
    """``hub-status --month``: who reported for the month (a zero report is a report), who did not, the
    overdue 回访 and the 司法确认 windows about to close across villages, as of today."""
    from .overview import HubOverview

    identity = HubSetup(db).identity()
    if identity is None:
        err(Refused(NOTHING_TO_SHOW).text())
        return 2
    status = HubOverview(db).status(month, limit=LISTED)
    zero = sum(r.zero_report for r in status.reported)
    out(f"{status.label}报送情况（{identity.name}）：已报送 {len(status.reported)} 个调委会（其中零报告 {zero} 个），"
        f"未报送 {len(status.not_reported)} 个。")
    if status.not_reported:
        out("未报送：" + "、".join(f"{r.name}" for r in status.not_reported))
    out(f"逾期未回访 {status.overdue_visits} 件（截至 {status.today.isoformat()}）" + ("：" if status.overdue else "。"))
    for visit in status.overdue:
        out(f"　{visit.committee}　{visit.case_number}　应于 {visit.due_on.isoformat()} 回访，已逾期 {visit.days_overdue} 天")
    if status.overdue_visits > len(status.overdue):
        out(f"　……另有 {status.overdue_visits - len(status.overdue)} 件")
    out(f"司法确认申请期限即将届满 {status.closing_windows} 件" + ("：" if status.closing else "。"))
    for window in status.closing:
        left = "今天截止" if window.days_left == 0 else f"剩 {window.days_left} 天"
        out(f"　{window.committee}　{window.case_number}　协议 {window.effective_on.isoformat()} 生效，"
            f"最后一天 {window.deadline.isoformat()}（{left}）")
    if status.closing_windows > len(status.closing):
        out(f"　……另有 {status.closing_windows - len(status.closing)} 件")
    return 0


def run_hub_statistics(db, period, target: Path | None = None, *, out: Callable[[str], None] = print,
                       err: Callable[[str], None] = _err) -> int:
    """``hub-statistics --month|--year [--out FILE.xlsx]``: the villages' figures rolled up village → township →
    county, each beside what the hub's 台账 counts, and who has not reported."""
    from .overview import HubOverview

    identity = HubSetup(db).identity()
    if identity is None:
        err(Refused(NOTHING_TO_SHOW).text())
        return 2
    overview = HubOverview(db)
    stats = overview.statistics(period)
    s = stats.total
    out(f"{stats.period_label}　{identity.name}（{stats.start}至{stats.end}）：收到月报 {stats.reports} 份"
        f"（其中零报告 {stats.zero_reports} 份），应报 {stats.expected_reports} 份；"
        f"受理{s.accepted}件（另不予受理{s.rejected}件），调解成功{s.succeeded}件，成功率{percent(s.success_rate)}，"
        f"协议涉及金额{s.amount_wan}万元，涉及当事人{s.parties}人次；"
        f"防止民间纠纷转化为刑事案件{s.prevented_criminal}件{s.prevented_criminal_people}人，"
        f"防止群体性上访{s.prevented_petition}件{s.prevented_petition_people}人；"
        f"排查{s.canvasses}次，排查发现纠纷{s.canvass_found}件，预防纠纷{s.canvass_prevented}件。")
    out("分乡镇：")
    for township in stats.townships:
        out(f"　{township.township or '（未写明乡镇）'}：{_area(township)}")
    out(f"　合计：{_area(stats.county)}")
    out("分村：")
    for village in stats.villages:
        out(f"　{village.township}{village.village}（{village.committee}）：{_area(village)}")
    if stats.missing:
        out(f"未报送 {len(stats.missing)} 份：" + "、".join(f"{name}（{month}）" for name, month in stats.missing[:50])
            + ("……" if len(stats.missing) > 50 else ""))
    if target is not None:
        written = overview.export_statistics(stats, target)
        out(f"报表已写入：{written}")
    return 0


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
        if item.roster or item.roster_withheld:
            parts.append(f"人员名单 {item.roster} 人" + (f"（{item.roster_withheld} 人没有发送：村里的报送包还没有带加密公钥）"
                                                     if item.roster_withheld else ""))
        if item.roster_waiting:
            parts.append(f"人员名单 {item.roster_waiting} 人暂不发送：村里的程序是旧版本，读不了人员名单（村里升级到 0.9.0 "
                         "并报送一次后，下一个回执包会带上）")
        if item.installer:
            parts.append(f"安装程序 {item.installer}")
        out(f"回执包已写入 {item.path}（{item.committee}，第 {item.sequence} 号；" + "；".join(parts) + "）。")
    if written:
        out(f"本{_office(db)}签名密钥指纹：{written[0].fingerprint}（村里第一次导入回执包时请电话核对）。")
    relayed = returns.relayed() if committee is None else []
    if relayed:
        out(f"经司法所转报的 {len(relayed)} 个调委会没有生成回执包（它们的回执包由各自的司法所发回）："
            + "、".join(f"{name}（经{township}司法所）" for name, township in relayed))
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


def run_hub_settings(db, case_prefix: str | None = None, visit_days: str | None = None,
                     dispute_types: list[str] | None = None, *, out: Callable[[str], None] = print,
                     err: Callable[[str], None] = _err) -> int:
    """``hub-settings [--case-prefix 新] [--visit-days 30] [--dispute-type 继承纠纷=婚姻家庭纠纷 …]``: what the
    return packages tell the villages (without options: what is set now)."""
    from ...domain.dispute_types import LocalTypesError, parse_lines
    from ...domain.enums import DisputeType
    from .returns import HubReturns

    returns = HubReturns(db)
    try:
        if case_prefix is None and visit_days is None and dispute_types is None:
            settings = returns.village_settings()
        else:
            entries = None
            if dispute_types is not None:
                try:
                    entries = parse_lines("\n".join(dispute_types))
                except LocalTypesError as problem:
                    raise Refused(problem.message, **problem.params) from None
            settings = returns.set_village_settings(case_prefix=case_prefix, visit_interval_days=visit_days,
                                                    dispute_types=entries)
    except Refused as refused:
        err(refused.text())
        return _refused_code(refused)
    unset = "（不设，各村自定）"
    out("回执包给各村的设置：案号前缀 " + (settings.get("case_prefix") or unset)
        + "，回访间隔 " + (f"{settings['visit_interval_days']} 天" if "visit_interval_days" in settings else unset)
        + "，纠纷类型细目 " + ("、".join(f"{t['name']}（归入{DisputeType(t['category']).label}）"
                                      for t in settings["dispute_types"]) or "（空：各村不用细目）"
                                if "dispute_types" in settings else "（不下发）") + "。")
    return 0


def run_hub_revoke_key(db, committee: str, reason: str, *, out: Callable[[str], None] = print,
                       err: Callable[[str], None] = _err) -> int:
    """``hub-revoke-key COMMITTEE --reason TEXT``: services/hub/committees.py (the village PC lost or stolen)."""
    from .committees import HubCommittees

    try:
        revoked = HubCommittees(db).revoke(committee, reason)
    except Refused as refused:
        err("签名密钥没有吊销：" + refused.text())
        return _refused_code(refused)
    out(f"已吊销{revoked.committee}的签名密钥，指纹 {revoked.fingerprint}（{revoked.revoked_at_text}，"
        f"理由：{revoked.reason}）。")
    out("以后用这把密钥签的报送包一律不导入；这个调委会下一个用新密钥签的报送包会登记新密钥，"
        "导入后请电话与村里核对新的指纹。已导入的数据保留不变。")
    return 0
