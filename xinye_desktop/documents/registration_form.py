"""人民调解受理登记表 (domain.md §2.2): filled in by the committee when it accepts a case.

In the look of the case file's other forms (``case_forms``): the committee, the bold title and 案号;
the dispute in a small table (type, source, place, the day it was accepted); every party's MOJ
fields in a table; 纠纷简要情况 and the parties' requests; then each party's place to sign with a
fingerprint box, the registrar's line, the committee's seal and the day of acceptance. Its code
covers what it states (``registration_payload``) and is printed with a QR code on every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from ..domain.agreement import case_document_code
from ..domain.cases import DisputeCase
from ..domain.enums import PartyKind
from .case_forms import VERIFY_HINT, CaseFormWriter, build_case_form_pdf, ordered_parties
from .signatures import seal_beside, signature_block
from .text import DEFAULT_COMMITTEE, chinese_date, committee_text, date_text, text_lines

KIND = "registration"
TITLE = "人民调解受理登记表"
PARTIES_HEADING = "当事人基本情况："
FACTS_HEADING = "纠纷简要情况："
CLAIMS_HEADING = "当事人请求事项："
PARTIES_SIGN_HEADING = "当事人（签名或按指印）："
REGISTRAR_SIGN_HEADING = "登记人（签名）："


@dataclass(frozen=True)
class FormContext:
    committee_name: str
    registrar: str


@dataclass(frozen=True)
class RegistrationDocument:
    committee_name: str
    case: DisputeCase
    code: str = ""
    verify_hint: str = VERIFY_HINT

    kind: ClassVar[str] = KIND
    title: ClassVar[str] = TITLE


def registration_payload(case: DisputeCase, context: FormContext) -> dict:
    """Everything the form prints, in canonical form: what its digest and code vouch for."""
    return {
        "kind": KIND, "title": TITLE, "case": case.uuid, "case_number": case.case_number or "",
        "committee": context.committee_name or DEFAULT_COMMITTEE, "received": case.received_date.isoformat(),
        "dispute_type": case.dispute_type.value, "dispute_type_note": case.dispute_type_note,
        "source": case.source.value, "source_note": case.source_note, "place": case.village + case.group,
        "facts": case.facts,
        "parties": [[p.role.value, p.name, p.legal_representative, p.sex.value if p.sex else "", p.ethnicity,
                     p.age, p.occupation, p.phone, p.address, p.claims] for p in case.parties],
    }


def registration_code(case: DisputeCase, context: FormContext) -> tuple[dict, str, str]:
    """(payload, digest, code) of the form as it would be printed now."""
    payload = registration_payload(case, context)
    return (payload, *case_document_code(case.uuid, KIND, payload))


def intro_text(case: DisputeCase) -> str:
    names = "、".join(p.name for p in ordered_parties(case))
    return f"{chinese_date(case.received_date)}，本人民调解委员会经当事人同意，调解{names}之间的纠纷。"


def build_registration_form(case: DisputeCase, context: FormContext, target: Path, code: str = "") -> Path:
    """Write the form as an A4 PDF at ``target`` (atomically); return ``target``."""
    doc = RegistrationDocument(committee_name=context.committee_name, case=case, code=code,
                               verify_hint=VERIFY_HINT if code else "")
    return build_case_form_pdf(doc, Path(target), writer=_RegistrationWriter)


class _RegistrationWriter(CaseFormWriter):
    def story(self, doc: RegistrationDocument) -> list:
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.platypus import Spacer, Table, TableStyle

        mm, case = self.mm, doc.case
        small = ParagraphStyle("small", parent=self.cell, fontSize=9.5, leading=13)
        small_label = ParagraphStyle("small_label", parent=small, alignment=self.label.alignment)

        def grid(table, header_row: bool = False, label_columns=()):
            style = [("FONTNAME", (0, 0), (-1, -1), self.font), ("GRID", (0, 0), (-1, -1), 0.5, self.colors.black),
                     ("BOX", (0, 0), (-1, -1), 0.9, self.colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                     ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                     ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4)]
            if header_row:
                style.append(("BACKGROUND", (0, 0), (-1, 0), self.shade))
            style += [("BACKGROUND", (c, 0), (c, -1), self.shade) for c in label_columns]
            table.setStyle(TableStyle(style))
            return table

        story = self.header(doc) + [Spacer(0, 1 * mm), self.para(intro_text(case), self.text), Spacer(0, 2 * mm)]

        dispute = case.dispute_type.label + (f"（{case.dispute_type_note}）" if case.dispute_type_note else "")
        source = case.source.label + (f"（{case.source_note}）" if case.source_note else "")
        info = Table([[self.para("纠纷类型", self.label), self.para(dispute, self.cell),
                       self.para("案件来源", self.label), self.para(source, self.cell)],
                      [self.para("纠纷发生地", self.label), self.para(case.village + case.group, self.cell),
                       self.para("受理日期", self.label), self.para(chinese_date(case.received_date), self.cell)]],
                     colWidths=[24 * mm, 59 * mm, 24 * mm, 59 * mm])
        story.append(grid(info, label_columns=(0, 2)))

        story += self.heading_block(PARTIES_HEADING, lines=3)
        rows = [[self.para(h, small_label) for h in
                 ("地位", "姓名或名称", "性别", "民族", "年龄", "职业或职务", "联系方式", "单位或住址")]]
        for p in ordered_parties(case):
            organisation = p.kind is PartyKind.ORGANISATION
            name = p.name + (f"（法定代表人：{p.legal_representative}）" if organisation and p.legal_representative
                             else "")
            rows.append([self.para(p.role.label, small_label), self.para(name, small),
                         self.para("" if organisation else (p.sex.label if p.sex else ""), small_label),
                         self.para(p.ethnicity, small_label),
                         self.para("" if p.age is None else f"{p.age}岁", small_label),
                         self.para(p.occupation, small), self.para(p.phone, small), self.para(p.address, small)])
        parties = Table(rows, colWidths=[mm * w for w in (17, 26, 11, 11.5, 11.5, 20, 29, 40)], repeatRows=1)
        story.append(grid(parties, header_row=True))

        story += self.heading_block(FACTS_HEADING)
        story += self.lines_or_blank(text_lines(case.facts))
        claims = [(p.name, line) for p in ordered_parties(case) for line in text_lines(p.claims)]
        if claims:
            story += self.heading_block(CLAIMS_HEADING)
            story += [self.para(f"{name}：{line}", self.text) for name, line in claims]

        # The registrar signs on a line after the heading; the seal and the day of acceptance beside it.
        registrar = Table([[self.para(REGISTRAR_SIGN_HEADING, self.sign_head), ""]], colWidths=[33 * mm, 45 * mm],
                          rowHeights=12 * mm, hAlign="LEFT")
        registrar.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), self.font),
                                       ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (0, 0), 0),
                                       ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                                       ("LINEBELOW", (1, 0), (1, 0), 0.6, self.colors.black)]))
        block = [*self.group(PARTIES_SIGN_HEADING, self.party_signatures(ordered_parties(case))),
                 seal_beside(self, registrar, committee_text(doc), date_text(case.received_date))]
        return story + signature_block(self, block)
