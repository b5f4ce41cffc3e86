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
does not match the code archived with it. Typed text goes through ``fonts.markup``, so a rare
character in a name (𠈌) prints in the fallback font instead of as an empty box.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..domain.agreement import AgreementContent, Clause, PaymentMeans
from ..domain.cases import DisputeCase, Party
from ..domain.elders import Elder
from ..domain.enums import PartyKind
from ..domain.roles import RolePerson
from .elder_roster import chinese_date
from .fonts import markup, names_kept_whole, register_fonts

TITLE = "人民调解协议书"
DEFAULT_COMMITTEE = "人民调解委员会"
FACTS_HEADING = "纠纷主要事实、争议事项："
AGREED_HEADING = "经调解，自愿达成如下协议："
PARTIES_SIGN_HEADING = "当事人（签名盖章或按指印）："
MEDIATORS_SIGN_HEADING = "人民调解员（签名）："
WITNESSES_SIGN_HEADING = "见证人（签名）："
RECORDER_SIGN_HEADING = "记录人（签名）："
SEAL_TEXT = "（人民调解委员会印章）"
FINGERPRINT = "按指印"
PARTY_SEAL = "盖章"  # an organisation seals its place; its legal representative signs
BLANK = "\u00a0"  # a no-break space: a paragraph neither collapses nor strips it

MARGIN_MM = 22
FRAME_PADDING = 6  # points: reportlab's Frame default
FOOTER_MM = 32  # the bottom margin: the footer (rule, 编号, code, hint, QR) lives in it
FINGERPRINT_MM = 18
SIGN_NAME_GAP_MM = 14  # a party's name ends this far above the bottom of its signature place
SEAL_MM = 40
PARTY_SEAL_MM = 22  # the dashed circle of an organisation's seal place, within its place (a 公章, ~40 mm, overlaps it)


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

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五, 100 → 一百 (clause numbers and copies)."""
    if n < 10:
        return _DIGITS[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + ("" if ones == 0 else _DIGITS[ones])
    import cn2an

    return cn2an.an2cn(n)


def _lines(text: str) -> list[str]:
    """The non-empty lines of typed text, each printed as a paragraph of its own."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _inline(text: str) -> str:
    return " ".join(_lines(text))


def _sentence(text: str) -> str:
    """Typed text closed as a sentence: 赔偿损失 → 赔偿损失。; a trailing ，；、 becomes 。."""
    text = text.rstrip().rstrip("，,；;、：:")
    if not text or text.endswith(("。", "！", "？", "!", "?", "”", "」", "…")):
        return text
    return text + "。"


def party_name(case: DisputeCase, party_id: int | None) -> str:
    party = next((p for p in case.parties if p.id is not None and p.id == party_id), None)
    if party is not None:
        return party.name
    return "" if party_id is None else f"编号{party_id}的当事人"


def party_fields(party: Party) -> list[tuple[str, str]]:
    """The MOJ fields of one party, in the form's order (blank where nothing was recorded)."""
    if party.kind is PartyKind.ORGANISATION:
        return [("名称", party.name), ("法定代表人", party.legal_representative), ("住所", party.address),
                ("联系方式", party.phone)]
    return [("姓名", party.name), ("性别", party.sex.label if party.sex else ""), ("民族", party.ethnicity),
            ("年龄", "" if party.age is None else f"{party.age}岁"), ("职业或职务", party.occupation),
            ("联系方式", party.phone), ("单位或住址", party.address)]


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
    lines = _lines(clause.content) or [""]
    lines[-1] = _sentence(lines[-1]) + performance_text(clause, case)
    lines[0] = f"{chinese_number(number)}、{lines[0]}"
    return lines


def host_text(person: RolePerson) -> str:
    """刘振华（王庄村委会主任，村干部）."""
    notes = ["".join(x for x in (person.unit, person.post) if x)]
    if person.host_kind is not None:
        notes.append(person.host_kind.label)
    notes = [n for n in notes if n]
    return f"{person.name}（{'，'.join(notes)}）" if notes else person.name


def elder_text(elder: Elder) -> str:
    """王明理（老党员）; one chosen for this case only is marked 一事一议."""
    notes = [n for n in (elder.identity_text, "一事一议" if elder.ad_hoc else "") if n]
    return f"{elder.name}（{'，'.join(notes)}）" if notes else elder.name


def witness_text(person: RolePerson) -> str:
    """孙立新（乡镇国土资源所）: a 见证人 is there for their department."""
    unit = "".join(x for x in (person.unit, person.post) if x)
    return f"{person.name}（{unit}）" if unit else person.name


def participants_paragraphs(doc: AgreementDocument) -> list[str]:
    """Who took part in the 三理室 sitting, and each 见证人's commitment on the spot."""
    village = (doc.case.village or "").strip()
    place = f"{village}矛盾化解“三理”室" if village else "矛盾化解“三理”室"
    groups = []
    if doc.hosts:
        groups.append("主持人：" + "、".join(host_text(h) for h in doc.hosts))
    if doc.elders:
        groups.append("明白人：" + "、".join(elder_text(e) for e in doc.elders))
    if doc.witnesses:
        groups.append("见证人：" + "、".join(witness_text(w) for w, _ in doc.witnesses))
    first = f"本协议在{place}调解达成。"
    if groups:
        first += "参加调解的" + "；".join(groups) + "。"
    out = [first]
    for person, commitment in doc.witnesses:
        text = _inline(commitment)
        if text:
            out.append(f"见证人{witness_text(person)}当场承诺：{_sentence(text)}")
    return out


def copies_text(copies: int) -> str:
    return (f"本协议一式{chinese_number(copies)}份，当事人、人民调解委员会各持一份，自各方当事人签名（盖章或按指印）、"
            "人民调解员签名并加盖人民调解委员会印章之日起生效。")


def date_text(day: dt.date | None) -> str:
    return chinese_date(day) if day else f"{BLANK * 10}年{BLANK * 6}月{BLANK * 6}日"


def committee_text(doc: AgreementDocument) -> str:
    return (doc.committee_name or "").strip() or DEFAULT_COMMITTEE


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
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    font = register_fonts()
    writer = _Writer(font)
    story = writer.story(doc)

    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    names = "、".join(p.name for p in doc.case.parties[:3]) + ("等" if len(doc.case.parties) > 3 else "")
    # The frame pads its content by 6 points: margins 6 points narrower put the text at exactly MARGIN_MM.
    side = MARGIN_MM * mm - FRAME_PADDING
    pdf = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=side, rightMargin=side,
                            topMargin=18 * mm, bottomMargin=FOOTER_MM * mm, title=f"{TITLE} {doc.number}",
                            author=committee_text(doc), subject=names)
    try:
        pdf.build(story, canvasmaker=_footed_canvas(font, doc, A4[0], MARGIN_MM * mm))
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


class _Writer:
    """The styles of the agreement and the pieces it is made of, in the order of the MOJ form."""

    def __init__(self, font: str):
        from reportlab.lib import colors
        from reportlab.lib.enums import TA_CENTER, TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle
        from reportlab.lib.units import mm

        self.font, self.colors, self.mm = font, colors, mm
        self.width = (210 - 2 * MARGIN_MM) * mm
        self.shade = colors.Color(0.94, 0.94, 0.94)
        # bulletFontName too: its default, Helvetica, would be added to the file unembedded.
        body = ParagraphStyle("body", fontName=font, bulletFontName=font, fontSize=11.5, leading=21,
                              wordWrap="CJK")
        self.body = body
        self.text = ParagraphStyle("text", parent=body, firstLineIndent=2 * body.fontSize, spaceBefore=1)
        self.org = ParagraphStyle("org", parent=body, fontSize=12, leading=18, alignment=TA_CENTER)
        self.title = ParagraphStyle("title", parent=body, fontSize=22, leading=32, alignment=TA_CENTER,
                                    spaceBefore=2)
        self.number = ParagraphStyle("number", parent=body, fontSize=11, leading=18, alignment=TA_RIGHT,
                                     spaceAfter=4)
        self.heading = ParagraphStyle("heading", parent=body, fontSize=12.5, leading=22, spaceBefore=9,
                                      spaceAfter=2)
        self.cell = ParagraphStyle("cell", parent=body, fontSize=10.5, leading=15)
        self.label = ParagraphStyle("label", parent=self.cell, alignment=TA_CENTER)
        self.box = ParagraphStyle("box", parent=body, fontSize=11, leading=19)
        self.sign_head = ParagraphStyle("sign_head", parent=body, fontSize=12, leading=20, spaceBefore=8,
                                        spaceAfter=2, keepWithNext=1)
        self.sign_name = ParagraphStyle("sign_name", parent=body, fontSize=10.5, leading=14, alignment=TA_RIGHT)
        self.sign_party = ParagraphStyle("sign_party", parent=body, fontSize=10.5, leading=14)
        self.caption = ParagraphStyle("caption", parent=body, fontSize=8, leading=10, alignment=TA_CENTER,
                                      textColor=colors.Color(0.35, 0.35, 0.35))
        self.notice = ParagraphStyle("notice", parent=body, fontSize=10.5, leading=20, alignment=TA_CENTER)
        self.right = ParagraphStyle("right", parent=body, fontSize=12, leading=20, alignment=TA_RIGHT)

    # ---- primitives

    def para(self, text: str, style=None):
        from reportlab.platypus import Paragraph

        return Paragraph(markup(text), style or self.body)

    def bold(self, text: str, style=None):
        from .mediation_record import _bold_paragraph

        return _bold_paragraph()(markup(text), style or self.heading)

    def heading_block(self, text: str, lines: int = 2) -> list:
        """A heading that never ends a page: room for it and a few lines, or a new page."""
        from reportlab.platypus import CondPageBreak

        return [CondPageBreak(self.heading.leading + self.heading.spaceBefore + lines * self.body.leading),
                self.bold(text)]

    # ---- the agreement

    def story(self, doc: AgreementDocument) -> list:
        from reportlab.platypus import Spacer

        story = [self.para(committee_text(doc), self.org), self.bold(TITLE, self.title),
                 self.para(f"编号：{doc.number}", self.number)]
        story += self.parties(doc)
        story += self.facts(doc)
        story += self.clauses(doc)
        story += self.participants(doc)
        story.append(Spacer(0, 2 * self.mm))
        story += self.signatures(doc)
        return story

    def parties(self, doc: AgreementDocument) -> list:
        """One bordered block per party: the role down the left, the MOJ fields in label/value pairs.
        The blocks touch, so they read as one table, and a page may break between two of them."""
        from reportlab.platypus import KeepTogether, Table, TableStyle

        mm, colors = self.mm, self.colors
        widths = [18 * mm, 22 * mm, 30 * mm, 22 * mm, 20 * mm, 22 * mm, 32 * mm]
        out = []
        for party in doc.case.parties:
            value = dict(party_fields(party))

            def lab(key: str) -> str:
                return key  # a fixed one-line label: drawn as a string, no Paragraph to parse and wrap

            def val(key: str, value=value):
                return self.para(_inline(value[key]), self.cell)

            role = party.role.label
            if party.kind is PartyKind.ORGANISATION:
                rows = [[role, lab("名称"), val("名称"), "", "", lab("法定代表人"), val("法定代表人")],
                        ["", lab("住所"), val("住所"), "", "", lab("联系方式"), val("联系方式")]]
                spans = [("SPAN", (2, 0), (4, 0)), ("SPAN", (2, 1), (4, 1))]
            else:
                rows = [[role, lab("姓名"), val("姓名"), lab("性别"), val("性别"), lab("民族"), val("民族")],
                        ["", lab("年龄"), val("年龄"), lab("职业或职务"), val("职业或职务"), lab("联系方式"),
                         val("联系方式")],
                        ["", lab("单位或住址"), val("单位或住址"), "", "", "", ""]]
                spans = [("SPAN", (2, 2), (6, 2))]
            last = len(rows) - 1
            style = [
                # Table's own default font is Helvetica: naming ours keeps it out of the file.
                ("FONTNAME", (0, 0), (-1, -1), self.font),
                ("FONTSIZE", (0, 0), (-1, -1), self.label.fontSize),
                ("LEADING", (0, 0), (-1, -1), self.label.leading),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),  # the labels and the role; the values are Paragraphs
                ("GRID", (1, 0), (-1, -1), 0.5, colors.black),
                ("BOX", (0, 0), (-1, -1), 0.9, colors.black),
                ("SPAN", (0, 0), (0, last)),
                ("BACKGROUND", (0, 0), (0, last), self.shade),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                *spans,
            ]
            labels = (1, 5) if party.kind is PartyKind.ORGANISATION else (1, 3, 5)
            for c in labels:
                style.append(("BACKGROUND", (c, 0), (c, last), self.shade))
            if party.kind is PartyKind.INDIVIDUAL:
                style.append(("BACKGROUND", (3, 2), (6, 2), colors.white))  # under the spanned address
            table = Table(rows, colWidths=widths)
            table.setStyle(TableStyle(style))
            out.append(KeepTogether([table]))
        return out

    def facts(self, doc: AgreementDocument) -> list:
        """纠纷主要事实、争议事项 (and 各方当事人的责任 when given): typed text, one paragraph a line."""
        content = doc.content
        out = self.heading_block(FACTS_HEADING)
        out += [self.para(line, self.text) for line in _lines(content.facts)]
        out += self.labelled("争议事项", content.issues)
        if _lines(content.responsibilities):
            out += self.labelled("各方当事人的责任", content.responsibilities)
        return out

    def labelled(self, label: str, text: str) -> list:
        lines = _lines(text)
        if not lines:
            return []
        return [self.para(f"{label}：{lines[0]}", self.text)] + [self.para(line, self.text) for line in lines[1:]]

    def clauses(self, doc: AgreementDocument) -> list:
        out = self.heading_block(AGREED_HEADING)
        for n, clause in enumerate(doc.content.clauses, start=1):
            out += [self.para(line, self.text) for line in clause_paragraphs(n, clause, doc.case)]
        note = _lines(doc.content.performance_note)
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

        texts = [_inline(w) for w in doc.warnings if _inline(w)]
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
        from reportlab.platypus import KeepTogether, Table, TableStyle

        mm, colors = self.mm, self.colors
        half = self.width / 2

        party_signature, seal_area = _signature_flowables()
        kept_together = _kept_together_class()
        party_cells = [party_signature(self, p, half) for p in doc.case.parties]
        if len(party_cells) % 2:
            party_cells.append("")
        rows = [party_cells[i:i + 2] for i in range(0, len(party_cells), 2)]
        for row in rows:  # side by side, equally tall: the names start level, the 签名 lines are level
            tallest = max(cell.height for cell in row if cell != "")
            for cell in row:
                if cell != "":
                    cell.height = tallest

        def party_rows(rows):
            table = Table(rows, colWidths=[half, half])
            table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), self.font),
                                       ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                       ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
            return table

        def named_lines(names: list[str]):
            cells: list = []
            for name in names:
                cells += [self.para(name + "：" if name else "", self.sign_name), ""]
            if len(cells) % 4:
                cells += ["", ""]
            table_rows = [cells[i:i + 4] for i in range(0, len(cells), 4)]
            table = Table(table_rows, colWidths=[30 * mm, 53 * mm, 30 * mm, 53 * mm], rowHeights=12 * mm)
            style = [("FONTNAME", (0, 0), (-1, -1), self.font), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                     ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]
            for r in range(len(table_rows)):
                for c in (1, 3):
                    if 2 * r + c // 2 < len(names):
                        style.append(("LINEBELOW", (c, r), (c, r), 0.6, colors.black))
            table.setStyle(TableStyle(style))
            return table

        def one_per_line(names: list[str]):
            rows = [[self.para(name + "：" if name else "", self.sign_name), ""] for name in names]
            table = Table(rows, colWidths=[30 * mm, 50 * mm], rowHeights=12 * mm, hAlign="LEFT")
            table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), self.font),
                                       ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                                       ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                                       ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black)]))
            return table

        def group(heading: str, body) -> list:
            # keepWithNext, not a KeepTogether: one inside the block's would make it always too tall.
            return [self.para(heading, self.sign_head), body]

        # The witnesses and the recorder on the left, one a line; the seal and the date beside them.
        left: list = []
        if doc.witnesses:
            left += [self.para(WITNESSES_SIGN_HEADING, self.sign_head),
                     one_per_line([w.name for w, _ in doc.witnesses])]
        left += [self.para(RECORDER_SIGN_HEADING, self.sign_head),
                 one_per_line([doc.recorder.name if doc.recorder else ""])]
        seal_w = 84 * mm
        bottom = Table([[left, seal_area(self, committee_text(doc), date_text(doc.signed_on), seal_w)]],
                       colWidths=[self.width - seal_w, seal_w])
        bottom.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), self.font), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                    ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                    ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))

        # The parties' last row and everything after it: one piece that moves to the next page whole.
        tail = kept_together([party_rows(rows[-1:]),
                              *group(MEDIATORS_SIGN_HEADING,
                                     named_lines([h.name for h in doc.hosts] + [e.name for e in doc.elders] or [""])),
                              bottom])
        block = [self.para(copies_text(doc.content.copies), self.text), *self.warnings(doc),
                 self.para(PARTIES_SIGN_HEADING, self.sign_head)]
        if rows[:-1]:
            block.append(party_rows(rows[:-1]))
        block += [_end_of_text_notice(self, tail), tail]
        together = KeepTogether(block)
        return [_end_of_text_notice(self, together), together]


# ---------------------------------------------------------------- flowables of the signature block

@lru_cache(maxsize=1)
def _signature_flowables():
    """The party's signature place and the seal area, as Flowable classes (made on first use, so that
    importing this module does not import reportlab)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Flowable

    class PartySignature(Flowable):
        """One party's place to sign: name and role at the top, the 签名 line and a square box for a
        fingerprint at the bottom. A long name (an organisation's, 30 characters and more) takes as many
        lines as it needs: the place grows upwards, it never runs over the party above."""

        def __init__(self, writer: _Writer, party: Party, width: float):
            super().__init__()
            mm = writer.mm
            self.writer, self.party, self.width = writer, party, width
            self.box = FINGERPRINT_MM * mm
            self.box_x = self.width - self.box - 6 * mm
            organisation = party.kind is PartyKind.ORGANISATION
            notes = [party.role.label] + (["盖章"] if organisation else [])
            self.name = writer.para(f"{party.name}（{'，'.join(notes)}）", writer.sign_party)
            _, self.name_height = self.name.wrap(self.box_x - 4 * mm, 10_000)
            # The name ends at least SIGN_NAME_GAP_MM above the bottom, clear of the 签名 label and its
            # line; one or two lines fit in the standard height beside the fingerprint box.
            self.height = max(self.box + 9 * mm, 3 * mm + self.name_height + SIGN_NAME_GAP_MM * mm)
            self.line_label = "法定代表人签名：" if organisation else "签名："
            # An organisation seals where a person presses a finger: a dashed circle captioned 盖章.
            self.sealed = organisation
            self.caption = writer.para(PARTY_SEAL if organisation else FINGERPRINT, writer.caption)

        def wrap(self, aW, aH):  # noqa: N803 - reportlab's names
            return self.width, self.height

        def draw(self):
            canvas, mm, w = self.canv, self.writer.mm, self.writer
            box_x = self.box_x
            box_y = 6 * mm
            text_w = box_x - 4 * mm
            # the name and role at the top left, the whole of it
            self.name.wrap(text_w, self.height)
            self.name.drawOn(canvas, 0, self.height - 3 * mm - self.name_height)
            canvas.saveState()
            canvas.setFont(w.font, 10.5)
            canvas.drawString(0, box_y + 1 * mm, self.line_label)
            start = stringWidth(self.line_label, w.font, 10.5) + 1 * mm
            canvas.setLineWidth(0.6)
            canvas.line(start, box_y, text_w, box_y)
            if self.sealed:
                # The committee's seal place, smaller: centred on the fingerprint box's centre.
                r = PARTY_SEAL_MM * mm / 2
                cx, cy = box_x + self.box / 2, box_y + self.box / 2
                canvas.setDash(3, 2)
                canvas.setLineWidth(0.7)
                canvas.setStrokeColor(w.colors.Color(0.45, 0.45, 0.45))
                canvas.circle(cx, cy, r)
                canvas.restoreState()
                _, ch = self.caption.wrap(2 * r, r)
                self.caption.drawOn(canvas, cx - r, cy - ch / 2)
                return
            canvas.setLineWidth(0.8)
            canvas.rect(box_x, box_y, self.box, self.box)
            canvas.restoreState()
            _, ch = self.caption.wrap(self.box + 6 * mm, 5 * mm)
            self.caption.drawOn(canvas, box_x - 3 * mm, box_y - ch - 0.8 * mm)

    class SealArea(Flowable):
        """The committee's name and the date, with a dashed circle where the seal goes over them."""

        def __init__(self, writer: _Writer, committee: str, date: str, width: float):
            super().__init__()
            mm = writer.mm
            self.writer, self.width = writer, width
            self.diameter = SEAL_MM * mm
            self.height = self.diameter + 6 * mm
            self.committee = writer.para(committee, writer.right)
            self.seal = writer.para(SEAL_TEXT, writer.caption)
            self.date = writer.para(date, writer.right)

        def wrap(self, aW, aH):  # noqa: N803
            return self.width, self.height

        def draw(self):
            canvas, mm, colors = self.canv, self.writer.mm, self.writer.colors
            r = self.diameter / 2
            cx, cy = self.width - r - 8 * mm, self.height / 2
            canvas.saveState()
            canvas.setDash(3, 2)
            canvas.setLineWidth(0.7)
            canvas.setStrokeColor(colors.Color(0.45, 0.45, 0.45))
            canvas.circle(cx, cy, r)
            canvas.restoreState()
            inner = self.diameter - 8 * mm
            self.seal.wrap(inner, r)
            self.seal.drawOn(canvas, cx - inner / 2, cy + r - 9 * mm)
            self.committee.wrap(self.width, self.height)
            self.committee.drawOn(canvas, 0, cy + 1 * mm)
            self.date.wrap(self.width, self.height)
            self.date.drawOn(canvas, 0, cy - 11 * mm)

    return PartySignature, SealArea


@lru_cache(maxsize=1)
def _kept_together_class():
    """A Flowable class: flowables that move to the next page together when they do not fit, like
    reportlab's KeepTogether, but that report their true height. A KeepTogether claims 16 MB of height
    to force its own split, so one inside another would make the outer always too tall; this one can sit
    inside the signature block's KeepTogether. Taller than a whole page, it flows on like its content."""
    from reportlab.platypus.flowables import Flowable, _Container, _listWrapOn

    class KeptTogether(_Container, Flowable):
        def __init__(self, flowables: list):
            super().__init__()
            self._content = list(flowables)

        def wrap(self, aW, aH):  # noqa: N803 - reportlab's names
            self.width, self._H = _listWrapOn(self._content, aW, self.canv)
            self.height = self._H
            return self.width, self._H

        def split(self, aW, aH):  # noqa: N803
            frame = getattr(self, "_frame", None)
            if frame is not None and getattr(frame, "_atTop", False):
                return list(self._content)  # a fresh page cannot hold it either: let it flow
            return []  # the next page, whole (reportlab postpones a flowable that splits into nothing)

        def draw(self):
            self.drawOn(self.canv, 0, 0)

        def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802
            _Container.drawOn(self, canvas, x, y, _sW=_sW)

    return KeptTogether


def _end_of_text_notice(writer: _Writer, block):
    """（本页以下无正文）, printed only when ``block`` does not fit in the rest of the page and moves to the
    next one: the blank left behind is marked, so that nothing can be written into it afterwards."""
    from reportlab.platypus import Flowable

    class Notice(Flowable):
        def __init__(self):
            super().__init__()
            self.para = writer.para("（本页以下无正文）", writer.notice)
            self.shown = False

        def wrap(self, aW, aH):  # noqa: N803
            _, need = self.para.wrap(aW, aH)
            block.wrapOn(self.canv, aW, aH)
            self.shown = need < aH and block._H > aH - need
            return aW, need if self.shown else 0

        def draw(self):
            if self.shown:
                self.para.drawOn(self.canv, 0, 0)

    return Notice()


# ---------------------------------------------------------------- the page footer

def _footed_canvas(font: str, doc: AgreementDocument, page_width: float, margin: float):
    """The shared footer (layout.footed_canvas): the 编号 and 第X页 共Y页, the verification code and how
    to check it, and the code as a QR code, on every page."""
    from .layout import footed_canvas

    return footed_canvas(font, f"{TITLE}　编号：{_inline(doc.number)}", _inline(doc.code), _inline(doc.verify_hint),
                         page_width, margin)
