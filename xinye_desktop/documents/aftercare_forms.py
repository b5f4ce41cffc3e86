"""Documents of the time after the agreement, in the case file's look, coded on every page:

- 人民调解回访记录 (domain.md §2.2, MOJ format): 当事人 (the people visited), 调解协议编号 (the 协议书's
  编号), 回访事由, 回访情况 (each term's performance, satisfaction, any lawsuit, risks found, measures
  taken), 回访人 and 回访时间. A form in one bordered table, as the county templates print it.
- 司法确认申请书 (Art. 33; 法释〔2011〕5号): every party as a joint applicant with the address and phone
  the court serves on, the request that the court confirm the agreement (by its 编号), the facts and
  the terms agreed, the applicants' commitment, the court addressed, the attachments the court asks
  for, and every party's signature place. No ID numbers: the ID cards go with it as attachments.

Codes as in ``case_forms``: the SHA-256 of what is printed (``payload``) with the case's uuid and the
document's kind (a visit's kind names the visit, so each visit's record verifies on its own).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import ClassVar, Union

from ..domain.agreement import case_document_code
from ..domain.cases import DisputeCase, Party
from ..domain.enums import PartyKind, PartyRole
from .case_forms import VERIFY_HINT, CaseFormWriter, build_case_form_pdf, case_number, ordered_parties
from .signatures import signature_block
from .text import BLANK, committee_text, date_text, inline_text, names_in_brief, text_lines

VISIT_TITLE = "人民调解回访记录"
APPLICATION_TITLE = "司法确认申请书"
KIND_VISIT = "return_visit"
KIND_CONFIRMATION = "confirmation_application"
NONE_FOUND = "无"
# Room to write the court's name by hand before 人民法院 (about nine characters wide). No-break spaces:
# reportlab strips ordinary and ideographic spaces (U+3000) at the start and end of a line.
COURT_BLANK = BLANK * 40
COMMITMENT = ("申请人承诺：（一）出于解决纠纷的目的自愿达成调解协议，没有恶意串通、规避法律的行为；"
              "（二）如果因为该协议内容而给他人造成损害的，愿意承担相应的民事责任和其他法律责任。")
ATTACHMENTS = ("人民调解协议书", "各申请人的身份证明", "与调解协议相关的财产权利证明（如有）", "送达地址确认书")


@dataclass(frozen=True)
class VisitRecordDocument:
    committee_name: str
    case: DisputeCase
    visit_id: int
    agreement_number: str
    visited_on: dt.date
    visitor: str
    visited: str
    method: str
    terms: tuple[tuple[str, str, str], ...]  # (term, how far performed, note)
    performance: str
    satisfaction: str
    lawsuit: str
    risks: str
    measures: str
    notes: str = ""
    code: str = ""
    verify_hint: str = VERIFY_HINT

    title: ClassVar[str] = VISIT_TITLE

    @property
    def kind(self) -> str:
        return f"{KIND_VISIT}-{self.visit_id}"


@dataclass(frozen=True)
class ConfirmationApplicationDocument:
    committee_name: str
    case: DisputeCase
    agreement_number: str
    effective_on: dt.date
    terms: tuple[str, ...]
    court: str  # the court applied to; blank (before the application is recorded): room to write it in
    applied_on: dt.date | None  # the date under the signatures; None: blank
    code: str = ""
    verify_hint: str = VERIFY_HINT

    kind: ClassVar[str] = KIND_CONFIRMATION
    title: ClassVar[str] = APPLICATION_TITLE


AftercareForm = Union[VisitRecordDocument, ConfirmationApplicationDocument]


# ---------------------------------------------------------------- wording (pure, testable)

def visit_subject(case: DisputeCase) -> str:
    """回访事由: the dispute's name, 张建国与李秀英房屋宅基地纠纷."""
    return f"{names_in_brief(ordered_parties(case))}{case.dispute_type.label}调解协议履行情况回访"


def visit_findings(doc: VisitRecordDocument) -> list[tuple[str, list[str]]]:
    """回访情况, part by part: (label, lines)."""
    terms = [f"{n}. {inline_text(content.rstrip('。；;，, '))}：{status}" + (f"（{inline_text(note)}）" if note else "")
             for n, (content, status, note) in enumerate(doc.terms, start=1)]
    return [
        ("协议履行情况", terms + [f"总体：{doc.performance}。"]),
        ("当事人满意程度", [doc.satisfaction + "。"]),
        ("是否起诉及结果", text_lines(doc.lawsuit) or ["未起诉。"]),
        ("发现的问题和风险隐患", text_lines(doc.risks) or [NONE_FOUND + "。"]),
        ("采取的措施", text_lines(doc.measures) or [NONE_FOUND + "。"]),
        *([("其他情况", text_lines(doc.notes))] if doc.notes.strip() else []),
    ]


def applicant_text(party: Party) -> str:
    """One joint applicant with what the court serves on (no ID number: the ID card is attached)."""
    if party.kind is PartyKind.ORGANISATION:
        parts = [party.name, f"住所：{party.address}" if party.address else "",
                 f"法定代表人：{party.legal_representative}" if party.legal_representative else "",
                 f"联系电话：{party.phone}" if party.phone else ""]
    else:
        parts = [party.name, party.sex.label if party.sex else "", party.ethnicity,
                 f"{party.age}岁" if party.age is not None else "", party.occupation,
                 f"住{party.address}" if party.address else "", f"联系电话：{party.phone}" if party.phone else ""]
    return "申请人：" + "，".join(p for p in parts if p) + "。"


def request_text(doc: ConfirmationApplicationDocument) -> str:
    return (f"请求人民法院确认申请人于{date_text(doc.effective_on)}经{committee_text(doc)}调解达成的人民调解协议"
            f"（编号：{doc.agreement_number}）有效。")


def reasons_text(doc: ConfirmationApplicationDocument) -> str:
    """The facts; the terms follow it as a list, or, when none were recorded, the attached agreement says them."""
    names = "、".join(p.name for p in ordered_parties(doc.case))
    contents = "主要内容如下：" if doc.terms else "协议内容详见所附人民调解协议书。"
    return (f"申请人{names}之间因{doc.case.dispute_type.label}，经{committee_text(doc)}主持调解，"
            f"于{date_text(doc.effective_on)}自愿达成人民调解协议。协议经各方当事人签名（盖章或按指印）、人民调解员"
            f"签名并加盖人民调解委员会印章后生效，{contents}")


def legal_text() -> str:
    return ("现根据《中华人民共和国人民调解法》第三十三条和《最高人民法院关于人民调解协议司法确认程序的若干规定》，"
            "在调解协议生效之日起三十日内共同向人民法院申请司法确认。")


def court_line(doc: ConfirmationApplicationDocument) -> str:
    """The court under 此致: its name once the application was recorded, else a blank before 人民法院."""
    return inline_text(doc.court) or COURT_BLANK + "人民法院"


# ---------------------------------------------------------------- what is printed, and its code

def payload(doc: AftercareForm) -> dict:
    case = doc.case
    out = {"kind": doc.kind, "title": doc.title, "case": case.uuid, "case_number": case_number(case),
           "committee": committee_text(doc), "agreement_number": doc.agreement_number}
    if isinstance(doc, VisitRecordDocument):
        out.update(visited=doc.visited, subject=visit_subject(case), date=doc.visited_on.isoformat(),
                   method=doc.method, visitor=doc.visitor,
                   findings=[[label, lines] for label, lines in visit_findings(doc)])
    else:
        out.update(applicants=[applicant_text(p) for p in ordered_parties(case)], request=request_text(doc),
                   reasons=reasons_text(doc), terms=list(doc.terms), legal=legal_text(), commitment=COMMITMENT,
                   court=court_line(doc), attachments=list(ATTACHMENTS),
                   date=doc.applied_on.isoformat() if doc.applied_on else None)
    return out


def document_code(doc: AftercareForm) -> tuple[str, str]:
    return case_document_code(doc.case.uuid, doc.kind, payload(doc))


def with_code(doc: AftercareForm) -> AftercareForm:
    return replace(doc, code=document_code(doc)[1])


def build_aftercare_pdf(doc: AftercareForm, target: Path) -> Path:
    """Write ``doc`` as an A4 PDF at ``target`` (atomically); return ``target``."""
    return build_case_form_pdf(doc, target, writer=_AftercareWriter)


# ---------------------------------------------------------------- the PDF

class _AftercareWriter(CaseFormWriter):
    def story(self, doc: AftercareForm) -> list:
        if isinstance(doc, VisitRecordDocument):
            return self.visit_record(doc)
        return self.confirmation_application(doc)

    def visit_record(self, doc: VisitRecordDocument) -> list:
        from reportlab.platypus import Table, TableStyle

        mm = self.mm
        label_w = 30 * mm
        rest = self.width - label_w
        cell = self.cell

        def p(text, style=cell):
            return self.para(text, style)

        findings = []
        for label, lines in visit_findings(doc):
            findings.append(p(f"{label}：" + (lines[0] if lines else "")))
            findings += [p(line, self.item_cell) for line in lines[1:]]
        rows = [
            [p("当事人", self.label), p(inline_text(doc.visited)), "", ""],
            [p("调解协议编号", self.label), p(doc.agreement_number), "", ""],
            [p("回访事由", self.label), p(visit_subject(doc.case)), "", ""],
            [p("回访时间", self.label), p(date_text(doc.visited_on)), p("回访方式", self.label), p(doc.method)],
            [p("回访情况", self.label), findings, "", ""],
            [p("回访人（签名）", self.label), p(doc.visitor + "　　　　"), p("被回访人（签名）", self.label), ""],
        ]
        right_w = 36 * mm  # 被回访人（签名） on one line
        half = rest - right_w
        table = Table(rows, colWidths=[label_w, half / 2, right_w, half / 2],
                      rowHeights=[None, None, None, None, None, 16 * mm], repeatRows=0)
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.font), ("GRID", (0, 0), (-1, -1), 0.6, self.colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("VALIGN", (1, 4), (1, 4), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("BACKGROUND", (0, 0), (0, -1), self.shade), ("BACKGROUND", (2, 3), (2, 3), self.shade),
            ("BACKGROUND", (2, 5), (2, 5), self.shade),
            ("SPAN", (1, 0), (3, 0)), ("SPAN", (1, 1), (3, 1)), ("SPAN", (1, 2), (3, 2)), ("SPAN", (1, 4), (3, 4)),
        ]))
        return self.header(doc) + [table] + self.dated_right(committee_text(doc) + "（印章）")

    @property
    def item_cell(self):
        from reportlab.lib.styles import ParagraphStyle

        return ParagraphStyle("item_cell", parent=self.cell, leftIndent=self.cell.fontSize * 1.2)

    def confirmation_application(self, doc: ConfirmationApplicationDocument) -> list:
        from reportlab.platypus import Spacer

        story = [self.bold(doc.title, self.title), Spacer(0, 3 * self.mm)]
        story += [self.para(applicant_text(p), self.text) for p in ordered_parties(doc.case)]
        story += self.heading_block("请求事项：")
        story.append(self.para(request_text(doc), self.text))
        story += self.heading_block("事实和理由：")
        story.append(self.para(reasons_text(doc), self.text))
        story += [self.para(f"{n}. {inline_text(term)}", self.item) for n, term in enumerate(doc.terms, start=1)]
        story.append(self.para(legal_text(), self.text))
        story.append(self.para(COMMITMENT, self.text))
        story += [self.para("此致", self.plain), self.para(court_line(doc), self.body)]
        story += self.heading_block("附：", lines=len(ATTACHMENTS))
        story += [self.para(f"{n}. {item}", self.item) for n, item in enumerate(ATTACHMENTS, start=1)]
        # Every party signs as a joint applicant, whatever its side in the mediation.
        signers = [replace(p, role=PartyRole.APPLICANT) for p in ordered_parties(doc.case)]
        block = [*self.group("申请人（签名或按指印）：", self.party_signatures(signers)),
                 *self.dated_right(date_text(doc.applied_on))]
        return story + signature_block(self, block)
