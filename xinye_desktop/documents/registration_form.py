"""人民调解受理登记表 (domain.md §2.2): filled in by the committee when it accepts a case."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..domain.cases import DisputeCase
from ..domain.enums import PartyKind
from .fonts import markup, register_fonts


@dataclass(frozen=True)
class FormContext:
    committee_name: str
    registrar: str


def build_registration_form(case: DisputeCase, context: FormContext, target: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table

    font = register_fonts()
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=18, wordWrap="CJK")
    small = ParagraphStyle("small", parent=body, fontSize=9.5, leading=14)
    title = ParagraphStyle("title", parent=body, fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=4)
    right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT)
    heading = ParagraphStyle("heading", parent=body, fontSize=11.5, spaceBefore=8, spaceAfter=2)

    def para(text: str, style=body) -> Paragraph:
        return Paragraph(markup(text).replace("\n", "<br/>"), style)

    day = case.received_date
    names = "、".join(p.name for p in case.parties)
    story = [
        para(context.committee_name or "人民调解委员会", ParagraphStyle("org", parent=body, alignment=TA_CENTER)),
        para("人民调解受理登记表", title),
        para(f"案号：{case.case_number}", right),
        Spacer(0, 3 * mm),
        para(f"{day.year}年{day.month}月{day.day}日，本人民调解委员会经当事人同意，调解{names}之间的纠纷。"),
        Spacer(0, 2 * mm),
    ]
    dispute = case.dispute_type.label + (f"（{case.dispute_type_note}）" if case.dispute_type_note else "")
    source = case.source.label + (f"（{case.source_note}）" if case.source_note else "")
    place = case.village + case.group
    info = Table([[para("纠纷类型"), para(dispute), para("案件来源"), para(source)],
                  [para("纠纷发生地"), para(place), para("受理日期"), para(day.isoformat())]],
                 colWidths=[24 * mm, 61 * mm, 24 * mm, 61 * mm])
    info.setStyle(_grid(colors))
    story += [info, para("当事人基本情况", heading)]

    rows = [[para(h, small) for h in ("地位", "姓名或名称", "性别", "民族", "年龄", "职业或职务", "联系方式", "单位或住址")]]
    for p in case.parties:
        organisation = p.kind is PartyKind.ORGANISATION
        name = p.name + (f"（法定代表人：{p.legal_representative}）" if organisation else "")
        rows.append([para(x, small) for x in (
            p.role.label, name, "" if organisation else (p.sex.label if p.sex else ""), p.ethnicity,
            "" if p.age is None else f"{p.age}岁", p.occupation, p.phone, p.address)])
    parties = Table(rows, colWidths=[19 * mm, 29 * mm, 12 * mm, 14 * mm, 13 * mm, 21 * mm, 27 * mm, 35 * mm],
                    repeatRows=1)
    parties.setStyle(_grid(colors))
    story += [parties, para("纠纷简要情况", heading), para(case.facts)]

    claims = [(p.name, p.claims) for p in case.parties if p.claims]
    if claims:
        story.append(para("当事人请求事项", heading))
        story += [para(f"{name}：{text}") for name, text in claims]

    signatures = [para("当事人（签名或按指印）：", heading)]
    signatures += [para(f"{p.name}：" + "＿" * 14) for p in case.parties]
    signatures += [
        Spacer(0, 4 * mm),
        Paragraph(f"登记人（签名）：{'＿' * 10}" + "&#160;" * 12 + "人民调解委员会（印章）", body),
        Spacer(0, 10 * mm),
        Paragraph("年" + "&#160;" * 6 + "月" + "&#160;" * 6 + "日" + "&#160;" * 4, right),
    ]
    story.append(KeepTogether(signatures))  # never a signature line without its heading

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(font, 9)
        canvas.drawCentredString(A4[0] / 2, 12 * mm, f"{case.case_number}　第{doc.page}页")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                            bottomMargin=20 * mm, title=f"人民调解受理登记表 {case.case_number}",
                            author=context.committee_name or "人民调解委员会")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    tmp.replace(target)
    return target


def _grid(colors):
    from reportlab.platypus import TableStyle

    return TableStyle([
        # Cells hold Paragraphs; naming the font keeps reportlab's default Helvetica out of the file.
        ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ])
