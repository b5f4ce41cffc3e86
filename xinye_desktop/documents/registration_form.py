"""人民调解受理登记表 (domain.md §2.2): filled in by the committee when it accepts a case."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..domain.agreement import content_hash, verification_code
from ..domain.cases import DisputeCase
from ..domain.enums import PartyKind
from .fonts import markup, register_fonts
from .layout import footed_canvas

KIND = "registration"
TITLE = "人民调解受理登记表"
MARGIN_MM = 20
FOOTER_MM = 32  # the footer (rule, number, code, hint, QR) lives in the bottom margin
VERIFY_HINT = "核验：与人民调解委员会存档的本文书核验码核对，或扫描二维码"


@dataclass(frozen=True)
class FormContext:
    committee_name: str
    registrar: str


def registration_payload(case: DisputeCase, context: FormContext) -> dict:
    """Everything the form prints, in canonical form: what its digest and code vouch for."""
    return {
        "kind": KIND, "title": TITLE, "case": case.uuid, "case_number": case.case_number or "",
        "committee": context.committee_name or "人民调解委员会", "received": case.received_date.isoformat(),
        "dispute_type": case.dispute_type.value, "dispute_type_note": case.dispute_type_note,
        "source": case.source.value, "source_note": case.source_note, "place": case.village + case.group,
        "facts": case.facts,
        "parties": [[p.role.value, p.name, p.legal_representative, p.sex.value if p.sex else "", p.ethnicity,
                     p.age, p.occupation, p.phone, p.address, p.claims] for p in case.parties],
    }


def registration_code(case: DisputeCase, context: FormContext) -> tuple[dict, str, str]:
    """(payload, digest, code) of the form as it would be printed now."""
    payload = registration_payload(case, context)
    digest = content_hash(payload)
    return payload, digest, verification_code(f"{case.uuid}:{KIND}", 1, digest)


def build_registration_form(case: DisputeCase, context: FormContext, target: Path, code: str = "") -> Path:
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
    heading = ParagraphStyle("heading", parent=body, fontSize=11.5, spaceBefore=8, spaceAfter=2, keepWithNext=1)

    def para(text: str, style=body) -> Paragraph:
        return Paragraph(markup(text).replace("\n", "<br/>"), style)

    day = case.received_date
    names = "、".join(p.name for p in case.parties)
    story = [
        para(context.committee_name or "人民调解委员会", ParagraphStyle("org", parent=body, alignment=TA_CENTER)),
        para(TITLE, title),
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
    parties = Table(rows, colWidths=[18.5 * mm, 27 * mm, 11.5 * mm, 12 * mm, 12 * mm, 21 * mm, 29 * mm, 39 * mm],
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
    side = MARGIN_MM * mm - 6  # the frame pads by 6 points: the text starts at MARGIN_MM
    doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=side, rightMargin=side, topMargin=18 * mm,
                            bottomMargin=FOOTER_MM * mm, title=f"{TITLE} {case.case_number}",
                            author=context.committee_name or "人民调解委员会")
    head = f"{TITLE}　案号：{case.case_number}"
    try:
        doc.build(story, canvasmaker=footed_canvas(font, head, code, VERIFY_HINT if code else "", A4[0],
                                                   MARGIN_MM * mm))
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)
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
