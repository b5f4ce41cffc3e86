"""The recovery key sheet (issue 15): printed once when the committee's administrator is set up, and
kept by the 司法所. It is the only way back to the encrypted personal data when every password is lost
(services/accounts.py ``recover_with_key``), so it says what it is for, how to use it and how to keep it,
and has lines for whoever signs for it.

The sheet is written to a temporary folder or a place the user chooses (a USB drive), never into the
data folder: a key kept beside the data it opens would protect nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .fonts import register_fonts
from .writer import MARGIN_MM, FormWriter, build_pdf

TITLE = "数据恢复密钥"


@dataclass(frozen=True)
class RecoveryKeySheet:
    recovery_key: str  # as printed: 6DE4-7HPF-1EW6-...
    username: str
    display_name: str
    committee: str = ""
    made: dt.datetime | None = None  # local time; now when None


def usage_lines(sheet: RecoveryKeySheet) -> list[str]:
    return [
        "所有管理员都忘记密码时，用这把密钥重新设置管理员的密码：在登录界面点“忘记密码？”，"
        "再点“用恢复密钥设置新密码”，输入这把密钥、管理员的用户名"
        f"（{sheet.username}）和新密码。案件和当事人信息都不会丢失。",
        "没有这把密钥，又没有人记得管理员的密码，加密保存的身份证号和电话号码就再也无法打开。",
        "密钥只在设置管理员账号时显示和打印这一次，软件里不保存，也不能补打。",
        "输入时不分大小写，短横线可以不输。密钥里没有字母 I、L、O、U：0 是数字零，1 是数字一。",
    ]


def keeping_lines() -> list[str]:
    return [
        "请交司法所（或调委会指定的人）密封保管，不要和这台电脑放在一起。",
        "不要拍照，不要存在手机、电脑或网盘里；复印件和原件一样保管。",
        "任何人拿到这把密钥和数据文件，就能打开其中的个人信息：如怀疑泄露，请告诉调委会主任。",
    ]


def build_recovery_key_pdf(sheet: RecoveryKeySheet, target: Path) -> Path:
    """Write the sheet as an A4 PDF at ``target`` (atomically); return ``target``."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Spacer, Table, TableStyle

    font = register_fonts()
    w = FormWriter(font)
    mm, colors = w.mm, w.colors
    made = sheet.made or dt.datetime.now()
    key_style = ParagraphStyle("key", parent=w.body, fontSize=24, leading=34, alignment=TA_CENTER)
    groups = sheet.recovery_key.split("-")
    # Two lines of three groups: large enough to copy by hand without a slip.
    key_lines = [" - ".join(groups[i:i + 3]) for i in range(0, len(groups), 3)]
    key_box = Table([[w.para(line, key_style)] for line in key_lines], colWidths=[w.width * 0.8])
    # Table's own default font is Helvetica: naming ours keeps it out of the file.
    key_box.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                                 ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    rows = [["调解委员会", sheet.committee or ""], ["管理员", f"{sheet.display_name}（用户名：{sheet.username}）"],
            ["生成时间", f"{made.year}年{made.month}月{made.day}日 {made:%H:%M}"]]
    facts = Table([[w.para(a, w.label), w.para(b, w.cell)] for a, b in rows], colWidths=[30 * mm, w.width - 30 * mm])
    facts.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font), ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                               ("BACKGROUND", (0, 0), (0, -1), w.shade), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    story = [w.para("三理室调解台", w.org), w.bold(TITLE, w.title), Spacer(1, 4 * mm), facts, Spacer(1, 8 * mm),
             key_box, Spacer(1, 6 * mm)]
    story += w.heading_block("怎么用")
    story += [w.para(f"{i}. {line}", w.box) for i, line in enumerate(usage_lines(sheet), start=1)]
    story += w.heading_block("怎么保管")
    story += [w.para(f"{i}. {line}", w.box) for i, line in enumerate(keeping_lines(), start=1)]
    story += [Spacer(1, 10 * mm), w.para("保管单位：____________________　　签收人：____________　　日期：____________",
                                         w.sign_party)]
    return build_pdf(target, story, Canvas, side=MARGIN_MM * mm - 6, bottom=20 * mm,
                     title=f"{TITLE}（{sheet.committee}）" if sheet.committee else TITLE, author="三理室调解台",
                     subject=TITLE)


__all__ = ["RecoveryKeySheet", "TITLE", "build_recovery_key_pdf", "keeping_lines", "usage_lines"]
