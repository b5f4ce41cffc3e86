"""人民调解协议书 (人民调解法 Art. 29; domain.md §2.2): the agreement the parties sign, as an A4 PDF.

The MOJ form, in order: the title and 编号; one block per party with the form's fields; 纠纷主要事实、
争议事项 (and each side's responsibility); "经调解，自愿达成如下协议：" and the numbered clauses, each
naming who does what for whom, the amount in figures and in capitals, how and by when; 履行方式、时限;
who took part in the 三理室 sitting and what each 见证人 committed to; the copies-and-effect sentence;
any warning (a relationship that cannot go to 司法确认) in a box; then the signatures: every party
with a signature line and a fingerprint box, the mediators, the witnesses, the recorder, the
committee's seal and the date.

Every page carries, at its foot, 第X页 共Y页, the agreement's 编号 and its verification code, in
figures and as a QR code: a page taken from another agreement, or a page whose text was altered,
does not match the code archived with it. The styles, the party blocks and the page are
``writer.FormWriter``'s, the signature places and the seal ``signatures``', the shared wording
``text``'s: the case file's other forms are made of the same pieces.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..domain.agreement import AgreementContent, Clause, PaymentMeans
from ..domain.cases import DisputeCase
from ..domain.elders import Elder
from ..domain.enums import PartyKind
from ..domain.roles import RolePerson
from .fonts import names_kept_whole, register_fonts
from .signatures import (
    MEDIATORS_SIGN_HEADING, RECORDER_SIGN_HEADING, WITNESSES_SIGN_HEADING, end_of_text_notice, kept_together,
    named_lines, one_per_line, party_rows, party_table, seal_beside,
)
from .text import (
    as_sentence, chinese_date, chinese_number, commitment_text, committee_text, date_text, inline_text,
    names_in_brief, people_text, sanli_room, text_lines, witness_text,
)
from .writer import FormWriter, build_coded_pdf

TITLE = "人民调解协议书"
FACTS_HEADING = "纠纷主要事实、争议事项："
AGREED_HEADING = "经调解，自愿达成如下协议："
PARTIES_SIGN_HEADING = "当事人（签名盖章或按指印）："


@dataclass(frozen=True)
class AgreementDocument:
    committee_name: str
    number: str  # 编号, e.g. "（2026）新调字第001号"; version 2+ carries "（第2版）": the caller gives it all
    case: DisputeCase  # parties (ids, MOJ fields), dispute_type, case_number, village
    content: AgreementContent
    hosts: tuple[RolePerson, ...]  # 主持人
    elders: tuple[Elder, ...]  # 明白人
    witnesses: tuple[tuple[RolePerson, str], ...]  # 见证人 and their on-the-spot commitment (may be "")
    recorder: RolePerson | None
    code: str  # verification code "6DE4-7HPF-1EW6"
    verify_hint: str  # one short line: how to check the code
    warnings: tuple[str, ...] = ()  # printed in a box before the signatures
    signed_on: dt.date | None = None  # None: a blank 年 月 日 to fill in by hand


# ---------------------------------------------------------------- wording (pure, testable)

def party_name(case: DisputeCase, party_id: int | None) -> str:
    party = next((p for p in case.parties if p.id is not None and p.id == party_id), None)
    if party is not None:
        return party.name
    return "" if party_id is None else f"编号{party_id}的当事人"


def performance_text(clause: Clause, case: DisputeCase) -> str:
    """Who does what for whom, how and by when, as one sentence (empty when the clause names none of it).

    李秀英以转账方式向张建国一次性支付¥12,000.00（人民币壹万贰仟元整），于2024年5月15日前履行完毕。
    """
    obligor = party_name(case, clause.obligor)
    obligee = party_name(case, clause.obligee)
    mode = clause.mode.label if clause.mode else ""
    by = f"于{chinese_date(clause.deadline)}前履行完毕。" if clause.deadline else ""
    to = f"向{obligee}" if obligee else ""
    if clause.amount is not None:
        money = f"{clause.amount_figures}（{clause.amount_capitals}）"
        means = clause.means
        if means is PaymentMeans.GOODS:
            act = f"以实物方式{to}{mode}交付价值{money}的财物"
        elif means is PaymentMeans.ACT:
            act = f"以行为方式{to}{mode}履行，折合{money}"
        elif means is not None:
            act = f"以{means.label}方式{to}{mode}支付{money}"
        else:
            act = f"{to}{mode}支付{money}"
        return f"{obligor}{act}，{by}" if by else f"{obligor}{act}。"
    if obligor:
        how = f"以{clause.means.label}方式" if clause.means else ""
        text = f"上述义务由{obligor}{how}{mode}履行"
        if obligee:
            text += f"，履行对象为{obligee}"
        return f"{text}，{by}" if by else text + "。"
    return by


def clause_paragraphs(number: int, clause: Clause, case: DisputeCase) -> list[str]:
    """一、赔偿院墙损失。李秀英以转账方式…: the clause's typed lines, the first numbered, the last followed
    by the performance sentence."""
    lines = text_lines(clause.content) or [""]
    lines[-1] = as_sentence(lines[-1]) + performance_text(clause, case)
    lines[0] = f"{chinese_number(number)}、{lines[0]}"
    return lines


def participants_paragraphs(doc: AgreementDocument) -> list[str]:
    """Who took part in the 三理室 sitting, and each 见证人's commitment on the spot."""
    first = f"本协议在{sanli_room(doc.case.village)}调解达成。"
    people = people_text(doc.hosts, doc.elders, [w for w, _ in doc.witnesses])
    if people:
        first += f"参加调解的{people}。"
    commitments = [commitment_text(witness_text(person), commitment) for person, commitment in doc.witnesses]
    return [first] + [text for text in commitments if text]


def copies_text(copies: int) -> str:
    return (f"本协议一式{chinese_number(copies)}份，当事人、人民调解委员会各持一份，自各方当事人签名（盖章或按指印）、"
            "人民调解员签名并加盖人民调解委员会印章之日起生效。")


def printed_payload(doc: AgreementDocument) -> dict:
    """Everything ``build_agreement_pdf`` prints from ``doc``, as plain data: what the digest (and so the
    verification code) of a printed agreement vouches for (hash scheme 2). Left out: the code itself
    (made from this) and ``signed_on`` (blank on the printed paper, written in by hand).
    Every field of AgreementDocument must be accounted for here (a test checks it)."""
    from ..domain.agreement import content_payload

    def value(v):
        return v.value if hasattr(v, "value") else v

    return {
        "committee": doc.committee_name, "number": doc.number, "village": doc.case.village or "",
        "parties": [{k: value(v) for k, v in (
            ("id", p.id), ("kind", p.kind), ("role", p.role), ("name", p.name), ("sex", p.sex),
            ("ethnicity", p.ethnicity), ("age", p.age), ("occupation", p.occupation), ("phone", p.phone),
            ("address", p.address), ("legal_representative", p.legal_representative))} for p in doc.case.parties],
        "content": content_payload(doc.content),
        "hosts": [{"name": h.name, "unit": h.unit, "post": h.post, "host_kind": value(h.host_kind)} for h in doc.hosts],
        "elders": [{"name": e.name, "identity": e.identity_text, "ad_hoc": e.ad_hoc} for e in doc.elders],
        "witnesses": [{"name": w.name, "unit": w.unit, "post": w.post, "commitment": commitment}
                      for w, commitment in doc.witnesses],
        "recorder": [{"name": doc.recorder.name}] if doc.recorder else [],
        "warnings": list(doc.warnings),
        "verify_hint": doc.verify_hint,
    }


# ---------------------------------------------------------------- the document

def build_agreement_pdf(doc: AgreementDocument, target: Path) -> Path:
    """Write ``doc`` as an A4 PDF at ``target`` (atomically: a failed render leaves any old file as it
    was); return ``target``. No line breaks inside a person's name (a party's, a mediator's)."""
    people = [*doc.hosts, *doc.elders, *(w for w, _ in doc.witnesses), *([doc.recorder] if doc.recorder else [])]
    names = [p.legal_representative if p.kind is PartyKind.ORGANISATION else p.name for p in doc.case.parties]
    names += [p.name for p in people]
    with names_kept_whole(names):
        return _build_agreement_pdf(doc, target)


def _build_agreement_pdf(doc: AgreementDocument, target: Path) -> Path:
    font = register_fonts()
    story = _AgreementWriter(font).story(doc)
    return build_coded_pdf(target, story, font, head=f"{TITLE}　编号：{inline_text(doc.number)}", code=doc.code,
                           hint=doc.verify_hint, title=f"{TITLE} {doc.number}", author=committee_text(doc),
                           subject=names_in_brief(doc.case.parties))


class _AgreementWriter(FormWriter):
    """The agreement's pieces, in the order of the MOJ form."""

    def story(self, doc: AgreementDocument) -> list:
        from reportlab.platypus import Spacer

        story = [self.para(committee_text(doc), self.org), self.bold(TITLE, self.title),
                 self.para(f"编号：{doc.number}", self.number)]
        story += self.party_blocks(doc.case.parties)
        story += self.facts(doc)
        story += self.clauses(doc)
        story += self.participants(doc)
        story.append(Spacer(0, 2 * self.mm))
        story += self.signatures(doc)
        return story

    def facts(self, doc: AgreementDocument) -> list:
        """纠纷主要事实、争议事项 (and 各方当事人的责任 when given): typed text, one paragraph a line."""
        content = doc.content
        out = self.heading_block(FACTS_HEADING)
        out += [self.para(line, self.text) for line in text_lines(content.facts)]
        out += self.labelled("争议事项", content.issues)
        if text_lines(content.responsibilities):
            out += self.labelled("各方当事人的责任", content.responsibilities)
        return out

    def labelled(self, label: str, text: str) -> list:
        lines = text_lines(text)
        if not lines:
            return []
        return [self.para(f"{label}：{lines[0]}", self.text)] + [self.para(line, self.text) for line in lines[1:]]

    def clauses(self, doc: AgreementDocument) -> list:
        out = self.heading_block(AGREED_HEADING)
        for n, clause in enumerate(doc.content.clauses, start=1):
            out += [self.para(line, self.text) for line in clause_paragraphs(n, clause, doc.case)]
        note = text_lines(doc.content.performance_note)
        if note:
            out += self.heading_block("履行方式、时限：", lines=1)
            out += [self.para(line, self.text) for line in note]
        return out

    def participants(self, doc: AgreementDocument) -> list:
        from reportlab.platypus import Spacer

        return [Spacer(0, 2 * self.mm)] + [self.para(text, self.text) for text in participants_paragraphs(doc)]

    def warnings(self, doc: AgreementDocument) -> list:
        """Each warning in a ruled box with a light background, before the signatures."""
        from reportlab.platypus import Spacer, Table, TableStyle

        texts = [inline_text(w) for w in doc.warnings if inline_text(w)]
        if not texts:
            return []
        colors = self.colors
        cells = [[self.para(("特别提示：" if i == 0 else "") + text, self.box)] for i, text in enumerate(texts)]
        table = Table(cells, colWidths=[self.width])
        table.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), self.font),
            ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
            ("BACKGROUND", (0, 0), (-1, -1), colors.Color(0.96, 0.96, 0.96)),
            ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ]))
        return [Spacer(0, 3 * self.mm), table, Spacer(0, 1 * self.mm)]

    def signatures(self, doc: AgreementDocument) -> list:
        """The copies-and-effect sentence, any warning, then every signature, the seal and the date.

        One block, moved whole to a new page when it does not fit, so the signatures never stand apart
        from the sentence that makes them binding. With many parties it is taller than a page: it then
        starts on a new page and flows on, each heading kept with its first lines; the last row of the
        parties' places, the mediators, the witnesses, the recorder and the committee's seal and date stay
        together on one page, so the seal never sits on a page without a party's signature. When the
        block or that tail moves, the blank it leaves is marked （本页以下无正文）."""
        from reportlab.platypus import KeepTogether

        rows = party_rows(self, doc.case.parties, level=True)

        # keepWithNext on the headings, not a KeepTogether: one inside the block's would make it always too tall.
        # The witnesses and the recorder on the left, one a line; the seal and the date beside them.
        left: list = []
        if doc.witnesses:
            left += [self.para(WITNESSES_SIGN_HEADING, self.sign_head),
                     one_per_line(self, [w.name for w, _ in doc.witnesses])]
        left += [self.para(RECORDER_SIGN_HEADING, self.sign_head),
                 one_per_line(self, [doc.recorder.name if doc.recorder else ""])]
        mediators = [h.name for h in doc.hosts] + [e.name for e in doc.elders] or [""]

        # The parties' last row and everything after it: one piece that moves to the next page whole.
        tail = kept_together([party_table(self, rows[-1:]),
                              self.para(MEDIATORS_SIGN_HEADING, self.sign_head), named_lines(self, mediators),
                              seal_beside(self, left, committee_text(doc), date_text(doc.signed_on))])
        block = [self.para(copies_text(doc.content.copies), self.text), *self.warnings(doc),
                 self.para(PARTIES_SIGN_HEADING, self.sign_head)]
        if rows[:-1]:
            block.append(party_table(self, rows[:-1]))
        block += [end_of_text_notice(self, tail), tail]
        together = KeepTogether(block)
        return [end_of_text_notice(self, together), together]
