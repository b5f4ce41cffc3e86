"""人民调解记录 (调解笔录, domain.md §2.2): what was said and decided in one 三理室 sitting.

The MOJ form: a header (时间, 地点, 事由, 参加人, 当事人, 调解员, 记录人), then the body (the rights
notice, each side's statement, the evidence, the law, the 明白人's judgement, the parties' feelings,
the witnesses' commitments, the outcome and any risk), the read-back sentence and the signatures.
The body follows the steps of ``domain.session`` in order and prints everything the mediator typed;
an empty optional part prints （无）. Long text flows across pages: it is set in Paragraphs, and a
long value in one of the two small tables is cut into several rows the table can break between.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..domain.cases import DisputeCase, Party
from ..domain.elders import Elder
from ..domain.enums import PartyKind
from ..domain.roles import RolePerson
from ..domain.session import Outcome, PartyRecord, ReasonPoint, SittingData, WitnessAnswer
from .fonts import markup, names_kept_whole, register_fonts
from .signatures import SEAL_TEXT, named_lines
from .text import (
    chinese_number, committee_text, date_text, elder_with_role_text, host_with_role_text, inline_text, text_lines,
    witness_unit_first_text,
)
from .writer import Writer, build_pdf

TITLE = "人民调解记录"
NONE = "（无）"
READ_BACK = "以上记录经向当事人宣读（或交其阅读），确认无误。"
LINE = 19  # the body's leading, in points
ART_17 = "人民调解法第十七条"
ART_25 = "人民调解法第二十五条"
ART_26 = "人民调解法第二十六条"


@dataclass(frozen=True)
class RecordContext:
    committee_name: str
    case: DisputeCase  # case_number, title, dispute_type, village, parties (with .id)
    sitting_number: int  # 第N次调解
    hosts: tuple[RolePerson, ...]  # 主持人 (cadre + 联村干警), printed as 调解员/主持人
    elders: tuple[Elder, ...]  # the chosen 明白人, printed among the 调解员
    witnesses: tuple[RolePerson, ...]  # 见证人 (department + name): the 参加人 of the MOJ form
    recorder: RolePerson | None  # 记录人
    data: SittingData
    rights_notice: str  # the standard wording of the rights-and-duties notice


# ---------------------------------------------------------------- wording (pure, testable)

def party_label(party: Party) -> str:
    """张建国（申请人）."""
    return f"{party.name}（{party.role.label}）"


def party_header_text(party: Party, record: PartyRecord) -> str:
    """张建国（申请人）, 合作社（被申请人，法定代表人：王保国）, 李秀英（被申请人，未到场）."""
    notes = [party.role.label]
    if party.kind is PartyKind.ORGANISATION and party.legal_representative:
        notes.append(f"法定代表人：{party.legal_representative}")
    if record.present is False:
        notes.append("未到场")
    return f"{party.name}（{'，'.join(notes)}）"


def recorder_text(person: RolePerson | None) -> str:
    if person is None:
        return ""
    unit = " ".join(x for x in (person.unit, person.post) if x)
    return f"{person.name}（{unit}）" if unit else person.name


def public_text(data: SittingData) -> str:
    reason = data.public_reason.strip()
    if data.public is True:
        return "公开调解" + (f"（说明：{reason}）" if reason else "")
    if data.public is False:
        return "不公开调解" + (f"（原因：{reason}）" if reason else "")
    return "未记录" + (f"（说明：{reason}）" if reason else "")


def _witness_person(ctx: RecordContext, answer: WitnessAnswer) -> RolePerson | None:
    if answer.person_id is None:
        return None
    return next((w for w in ctx.witnesses if w.id == answer.person_id), None)


def _party_name(ctx: RecordContext, party_id: int | None) -> str:
    party = next((p for p in ctx.case.parties if p.id is not None and p.id == party_id), None)
    return party.name if party else ""


def _others(ctx: RecordContext) -> list[tuple[str, PartyRecord]]:
    """What was typed for an id that is not one of the case's parties (one removed since, say): printed
    in the body, never dropped, but not listed as a party or given a signature line."""
    known = {p.id for p in ctx.case.parties}
    empty = PartyRecord()
    return [(f"编号{pid}的当事人（不在本案当事人名单中）", rec) for pid, rec in ctx.data.parties.items()
            if pid not in known and rec != empty]


# ---------------------------------------------------------------- the document

def build_mediation_record(ctx: RecordContext, target: Path) -> Path:
    """Write the record of ``ctx``'s sitting as an A4 PDF at ``target`` (atomically); return ``target``.
    No line breaks inside the name of a person: a party, a mediator, a witness, the recorder."""
    people = [*ctx.hosts, *ctx.elders, *ctx.witnesses, *([ctx.recorder] if ctx.recorder else [])]
    names = [p.legal_representative if p.kind is PartyKind.ORGANISATION else p.name for p in ctx.case.parties]
    names += [p.name for p in people] + [answer.name for answer in ctx.data.witnesses]
    with names_kept_whole(names):  # the story is measured as it is made (``pieces``): the names first
        return _build_mediation_record(ctx, target)


def _build_mediation_record(ctx: RecordContext, target: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    font = register_fonts()
    story = _RecordWriter(font).story(ctx)
    number = ctx.case.case_number or ""
    return build_pdf(target, story, _footer_canvas(font, number, A4[0], 22 * mm, 12 * mm), side=22 * mm,
                     bottom=22 * mm, title=f"{TITLE} {number} 第{ctx.sitting_number}次调解",
                     author=committee_text(ctx), subject=ctx.case.title)


class _RecordWriter(Writer):
    """The styles of the record and the pieces it is made of, in the order of the MOJ form."""

    def __init__(self, font: str):
        super().__init__(font, 11, 19)
        from reportlab.lib.enums import TA_CENTER, TA_RIGHT
        from reportlab.lib.styles import ParagraphStyle

        mm, colors, body = self.mm, self.colors, self.body
        self.item = ParagraphStyle("item", parent=body, leftIndent=2 * mm, spaceBefore=2)
        self.sub = ParagraphStyle("sub", parent=body, leftIndent=7 * mm, spaceBefore=1)
        self.quote = ParagraphStyle("quote", parent=body, fontSize=10, leading=16, leftIndent=7 * mm,
                                    rightIndent=2 * mm, textColor=colors.Color(0.2, 0.2, 0.2), spaceBefore=2,
                                    spaceAfter=3)
        self.bullet = ParagraphStyle("bullet", parent=self.item, leftIndent=12 * mm, bulletIndent=7 * mm)
        self.cell = ParagraphStyle("cell", parent=body, leading=17)
        self.label = ParagraphStyle("label", parent=self.cell, alignment=TA_CENTER)
        self.title = ParagraphStyle("title", parent=body, fontSize=20, leading=28, alignment=TA_CENTER,
                                    spaceBefore=2)
        self.right = ParagraphStyle("right", parent=body, alignment=TA_RIGHT)
        self.heading = ParagraphStyle("heading", parent=body, fontSize=12, leading=20, spaceBefore=10,
                                      spaceAfter=3)
        self.before_table = ParagraphStyle("before_table", parent=self.item, spaceAfter=4)
        self.sign_head = ParagraphStyle("sign_head", parent=body, spaceBefore=14, keepWithNext=1)
        self.sign_name = ParagraphStyle("sign_name", parent=body, fontSize=10.5, leading=15, alignment=TA_RIGHT)
        self.readback = ParagraphStyle("readback", parent=body, firstLineIndent=22, spaceBefore=10)
        self._continued: dict[str, ParagraphStyle] = {}
        self.chunk = 30 * mm  # the tallest piece of a table cell (see ``pieces``)

    # Headings and the lines that introduce something are kept with what follows by asking for room
    # for themselves and a few lines after them, not with keepWithNext: that keeps them with the
    # whole next paragraph, and a 3000-character statement would be pushed to a new page whole.

    def section(self, text: str) -> list:
        from reportlab.platypus import CondPageBreak

        return [CondPageBreak(self.heading.leading + 13 + self.item.leading + 2 + 2 * LINE), self.bold(text)]

    def lead(self, text: str, style=None, lines: int = 2) -> list:
        from reportlab.platypus import CondPageBreak

        style = style or self.item
        return [CondPageBreak(style.leading + style.spaceBefore + lines * LINE), self.para(text, style)]

    def continued(self, style):
        """The style of a typed text's second and later lines: indented under its label."""
        from reportlab.lib.styles import ParagraphStyle

        if style.name not in self._continued:
            self._continued[style.name] = ParagraphStyle(
                style.name + "_more", parent=style, leftIndent=style.leftIndent + 2 * style.fontSize, spaceBefore=0)
        return self._continued[style.name]

    def labelled(self, name: str, text: str, style=None) -> list:
        """陈述：…, or （无）; typed text of several lines starts under its label, one paragraph a line."""
        style = style or self.item
        lines = text_lines(text)
        if len(lines) <= 1:
            return [self.para(f"{name}：{lines[0] if lines else NONE}", style)]
        return self.lead(f"{name}：", style, lines=2) + [self.para(line, self.continued(style)) for line in lines]

    # ---- the record

    def story(self, ctx: RecordContext) -> list:
        from reportlab.platypus import Spacer

        mm = self.mm
        story = [self.para(committee_text(ctx), self.org), self.bold(TITLE, self.title), Spacer(0, 1 * mm)]
        story += self.header(ctx)
        story += self.notice(ctx)
        story += self.statements(ctx)
        story += self.law(ctx)
        story += self.reason(ctx)
        story += self.feeling(ctx)
        story += self.witnesses(ctx)
        story += self.outcome(ctx)
        story += self.signatures(ctx)
        return story

    def pieces(self, text: str, width: float) -> list:
        """Typed text for a table cell, cut into paragraphs of at most CHUNK high.

        A table row cannot break across pages (reportlab's splitInRow draws spanned cells over the
        page and loops on repeated headers), so a long value fills several rows instead, drawn as one
        cell: no rule between them, and the table may break between any two."""
        from reportlab.platypus import Paragraph

        paragraph = Paragraph("<br/>".join(markup(line) for line in text_lines(text)), self.cell)
        out = []
        while True:
            _, height = paragraph.wrap(width, 1e6)
            if height <= self.chunk:
                return out + [paragraph]
            parts = paragraph.split(width, self.chunk)
            if len(parts) < 2:
                return out + [paragraph]
            out.append(parts[0])
            paragraph = parts[1]

    def header(self, ctx: RecordContext) -> list:
        from reportlab.platypus import Spacer, Table, TableStyle

        mm, colors, data, case = self.mm, self.colors, ctx.data, ctx.case
        pad = 5

        # The case number and which sitting this is, on one line above the table.
        top = Table([[self.para(f"案号：{case.case_number or ''}"),
                      self.para(f"第{ctx.sitting_number}次调解", self.right)]], colWidths=[110 * mm, 56 * mm])
        top.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), self.font),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))

        attendees = [witness_unit_first_text(w) + "（见证人）" for w in ctx.witnesses]
        if data.attendees.strip():
            attendees.append(inline_text(data.attendees))
        parties = [party_header_text(p, ctx.data.record_of(p.id)) for p in case.parties]
        mediators = [host_with_role_text(h) for h in ctx.hosts] + [elder_with_role_text(e) for e in ctx.elders]

        widths = [22 * mm, 62 * mm, 22 * mm, 60 * mm]
        wide = sum(widths[1:]) - 2 * pad
        rows: list[list] = []
        style: list = [
            # Table's own default font is Helvetica: naming ours keeps it out of the file.
            ("FONTNAME", (0, 0), (-1, -1), self.font),
            ("BOX", (0, 0), (-1, -1), 1.1, colors.black),
            ("LINEAFTER", (0, 0), (0, -1), 0.6, colors.black),
            ("BACKGROUND", (0, 0), (0, -1), self.shade),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LEFTPADDING", (0, 0), (-1, -1), pad),
            ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            # Where the table breaks between two pieces of one long value, close and reopen the box.
            ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 1.1, colors.black),
            ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), 1.1, colors.black),
        ]

        def pair(label1: str, text1: str, label2: str, text2: str) -> None:
            r = len(rows)
            rows.append([self.para(label1, self.label), self.para(text1, self.cell),
                         self.para(label2, self.label), self.para(inline_text(text2), self.cell)])
            style.extend([("LINEAFTER", (1, r), (2, r), 0.6, colors.black), ("BACKGROUND", (2, r), (2, r), self.shade),
                          ("LINEABOVE", (0, r), (-1, r), 0.6, colors.black)])

        def full(label: str, text: str) -> None:
            first = len(rows)
            chunks = self.pieces(text, wide)
            for n, chunk in enumerate(chunks):
                rows.append([self.para(label, self.label) if n == 0 else "", chunk, "", ""])
                style.append(("SPAN", (1, first + n), (3, first + n)))
            style.append(("LINEABOVE", (0, first), (-1, first), 0.6, colors.black))
            if len(chunks) > 1:  # the label at the top of its tall cell
                style.append(("VALIGN", (0, first), (0, first), "TOP"))
                style.append(("TOPPADDING", (0, first + 1), (-1, first + len(chunks) - 1), 0))
                style.append(("BOTTOMPADDING", (0, first), (-1, first + len(chunks) - 2), 0))

        pair("时间", date_text(ctx.data.held_on), "地点", inline_text(data.place))
        full("事由", case.title)
        full("参加人", "；".join(attendees) or NONE)
        full("当事人", "、".join(parties))
        full("调解员", "、".join(mediators))
        pair("记录人", recorder_text(ctx.recorder), "是否公开", inline_text(public_text(data)))
        table = Table(rows, colWidths=widths)
        table.setStyle(TableStyle(style))
        return [top, Spacer(0, 1 * mm), table, Spacer(0, 2 * mm)]

    def notice(self, ctx: RecordContext) -> list:
        """一、告知: the rights-and-duties notice (Arts. 23–24) and each party's answer (Art. 17)."""
        out = self.section("一、告知")
        if ctx.data.notice_read:
            out.append(self.para("调解员向当事人宣读了人民调解当事人权利义务告知，告知人民调解的性质、原则和效力，"
                                 "当事人享有的权利和应当履行的义务，以及参加本次调解的人员。", self.item))
            notice = text_lines(ctx.rights_notice)
            if notice:
                out.append(self.para("告知内容：" + notice[0], self.quote))
                out += [self.para(line, self.quote) for line in notice[1:]]
        else:
            out.append(self.para("本次调解未记录宣读权利义务告知。", self.item))
        for p in ctx.case.parties:
            out.append(self.para(party_label(p) + "：" + _notice_answer(ctx.data.record_of(p.id)), self.item))
        for name, rec in _others(ctx):
            out.append(self.para(f"{name}：" + _notice_answer(rec), self.item))
        return out

    def statements(self, ctx: RecordContext) -> list:
        """二、当事人陈述: each party's statement and claims, then the evidence and whether it was checked."""
        from reportlab.platypus import Paragraph

        out = self.section("二、当事人陈述")
        who = [(f"{_ordinal(n)}{party_label(p)}", ctx.data.record_of(p.id)) for n, p in enumerate(ctx.case.parties, 1)]
        who += _others(ctx)
        for name, rec in who:
            out += self.lead(name + ("（未到场）" if rec.present is False else ""))
            if rec.present is False and not (rec.statement.strip() or rec.claims.strip()):
                out.append(self.para("未到场，无陈述。", self.sub))
                continue
            out += self.labelled("陈述", rec.statement, self.sub)
            out += self.labelled("请求事项", rec.claims, self.sub)

        evidence = ctx.data.evidence
        out += self.lead("证据材料：" + ("" if evidence else NONE), lines=2)
        for n, ev in enumerate(evidence, start=1):
            provider = _party_name(ctx, ev.provided_by)
            if not provider:
                provider = f"编号{ev.provided_by}的当事人" if ev.provided_by is not None else "未记录"
            note = inline_text(ev.note)
            text = (f"{inline_text(ev.what) or '未写明'}；提供人：{provider}；{'已核对' if ev.checked else '未核对'}"
                    + (f"；说明：{note}" if note else "") + "。")
            out.append(Paragraph(markup(text), self.bullet, bulletText=f"{n}."))
        return out

    def law(self, ctx: RecordContext) -> list:
        """三、以法为准: the host's check of scope, legal basis and harm, and any correction."""
        data = ctx.data
        scope = {True: "主持人确认本纠纷属于人民调解的范围。", False: "主持人认为本纠纷不属于人民调解的范围。",
                 None: "未确认本纠纷是否属于人民调解的范围。"}[data.within_scope]
        harms = {True: "经审查，处理意见不损害当事人的合法权益，不损害第三人利益和社会公共利益。",
                 False: "经审查，处理意见存在损害当事人合法权益、第三人利益或社会公共利益的内容，须予纠正。",
                 None: "未确认处理意见是否损害当事人合法权益、第三人利益和社会公共利益。"}[data.harms_none]
        return [*self.section("三、以法为准"), self.para(scope, self.item),
                *self.labelled("依据的法律、法规和政策", data.legal_basis),
                self.para(harms, self.item), *self.labelled("纠正意见", data.corrections)]

    def reason(self, ctx: RecordContext) -> list:
        """四、以理为基: the 明白人's five points, 符合/不符合/不涉及 with a note each."""
        from reportlab.platypus import CondPageBreak, Table, TableStyle

        mm, colors = self.mm, self.colors
        out = self.section("四、以理为基（明白人评理）")
        out.append(self.para("评理明白人：" + ("、".join(e.name for e in ctx.elders) or NONE), self.before_table))
        widths = [36 * mm, 20 * mm, 107 * mm]
        rows = [[self.para(h, self.label) for h in ("评理要点", "评议", "说明")]]
        style: list = [
            ("FONTNAME", (0, 0), (-1, -1), self.font),
            ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
            ("LINEAFTER", (0, 0), (1, -1), 0.5, colors.black),
            ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), self.shade),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            # Where the table breaks between two pieces of one note, close the page's part.
            ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.8, colors.black),
        ]
        for n, point in enumerate(ReasonPoint, start=1):
            verdict, note = ctx.data.reason.get(point, (None, ""))
            first = len(rows)
            chunks = self.pieces(note if text_lines(note) else NONE, widths[2] - 12)
            for k, chunk in enumerate(chunks):
                if k == 0:
                    rows.append([self.para(f"{n}. {point.label}", self.cell),
                                 self.para(verdict.label if verdict else "未评", self.label), chunk])
                else:
                    rows.append(["", "", chunk])
            style.append(("LINEABOVE", (0, first), (-1, first), 0.5, colors.black))
            if len(chunks) > 1:
                style.append(("VALIGN", (0, first), (1, first), "TOP"))
                style.append(("TOPPADDING", (0, first + 1), (-1, first + len(chunks) - 1), 0))
                style.append(("BOTTOMPADDING", (0, first), (-1, first + len(chunks) - 2), 0))
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="RIGHT")
        table.setStyle(TableStyle(style))
        # Room for the heading, the table's header and its first row, or a new page. keepWithNext
        # cannot do it: it would push a long table whole to the next page.
        first_row = max(rows[1][0].wrap(widths[0] - 12, 1e6)[1], rows[1][2].wrap(widths[2] - 12, 1e6)[1])
        needed = 20 + 13 + (19 + 6) + (17 + 7) + (first_row + 7) + 6
        return [CondPageBreak(needed)] + out + [table]

    def feeling(self, ctx: RecordContext) -> list:
        """五、以情为引: each party's state at the start and the end, and how the knot was eased."""
        out = self.section("五、以情为引")
        who = [(party_label(p), ctx.data.record_of(p.id)) for p in ctx.case.parties]
        who += _others(ctx)
        for name, rec in who:
            if rec.present is False and not (rec.mood_start + rec.mood_end + rec.easing).strip():
                out.append(self.para(f"{name}：未到场。", self.item))
                continue
            start = inline_text(rec.mood_start) or "未记录"
            end = inline_text(rec.mood_end) or "未记录"
            out += self.lead(f"{name}：调解开始时{start}，结束时{end}。", lines=1)
            out += self.labelled("疏导情况", rec.easing, self.sub)
        return out

    def witnesses(self, ctx: RecordContext) -> list:
        """六、见证人承诺: what each 见证人 committed to on the spot for their department."""
        data = ctx.data
        heading = self.section("六、见证人承诺")
        out: list = []
        if data.no_witness_needed:
            out.append(self.para("本次调解不需要见证人作出承诺或答复。", self.item))
        answered: set[int] = set()
        for answer in data.witnesses:
            person = _witness_person(ctx, answer)
            if person is not None:
                answered.add(person.id)
            who = witness_unit_first_text(person) if person else ""
            typed = inline_text(answer.name)
            if typed and (person is None or typed != person.name):
                who = " ".join(x for x in (who, typed) if x)
            if who or answer.commitment.strip():
                out += self.labelled(who or "见证人（未记录姓名）", answer.commitment)
        for person in ctx.witnesses:
            if person.id is None or person.id not in answered:
                out.append(self.para(f"{witness_unit_first_text(person)}：未记录承诺或答复。", self.item))
        return heading + (out or [self.para(NONE, self.item)])

    def outcome(self, ctx: RecordContext) -> list:
        """七、处理结果: the outcome and what goes with it (Arts. 17, 25, 26, 28)."""
        data = ctx.data
        chosen = data.outcome
        text = data.outcome_text
        out = self.section("七、处理结果") + self.lead("处理结果：" + (chosen.label if chosen else "未选择"))
        if chosen is Outcome.WRITTEN:
            out.append(self.para("各方当事人自愿达成调解协议，另行制作人民调解协议书。", self.item))
            if text.strip():
                out += self.labelled("协议要点", text)
        elif chosen is Outcome.ORAL:
            out += self.labelled("口头协议内容", text)
        elif chosen is Outcome.OPINION:
            out += self.labelled("化解意见", text)
        elif chosen is Outcome.ADJOURNED:
            out += self.labelled("再次调解的安排", text)
        elif chosen is Outcome.TERMINATED:
            reason = data.termination_reason
            if not reason.strip():
                refused = [p.name for p in ctx.case.parties
                           if p.id is not None and data.record_of(p.id).voluntary is False]
                if refused:
                    reason = f"{'、'.join(refused)}明确表示不同意调解（{ART_17}）。"
            out += self.labelled("终止调解的原因", reason)
            if data.routes:
                routes = "、".join(r.label for r in data.routes)
                out.append(self.para(f"调解员已告知当事人：调解终止后，可以依法{routes}，维护自己的合法权益"
                                     f"（{ART_26}）。", self.item))
            else:
                out.append(self.para(f"告知当事人的其他解决途径：未记录（{ART_26}）。", self.item))
            if text.strip():
                out += self.labelled("说明", text)
        elif text.strip():
            out += self.labelled("说明", text)
        if chosen is not Outcome.TERMINATED and data.termination_reason.strip():
            out += self.labelled("终止原因（记录）", data.termination_reason)

        if data.risk:
            note = data.risk_note.strip()
            if note and not note.endswith(("。", "！", "；", "”")):
                note += "。"
            police = ("已向公安机关报告。" if data.police_informed else
                      f"尚未向公安机关报告（{ART_25}：可能引起治安案件、刑事案件的纠纷，应当及时报告）。")
            if len(text_lines(note)) <= 1:
                out += self.labelled("风险提示", "本纠纷有激化的可能。" + note + police)
            else:
                out += self.labelled("风险提示", "本纠纷有激化的可能。" + note)
                out.append(self.para(police, self.continued(self.item)))
        else:
            out += self.labelled("风险提示", "")
        return out

    def signatures(self, ctx: RecordContext) -> list:
        """The read-back sentence, then 当事人, 调解员, 参加人, 记录人: a named line per person, two to a row,
        tall enough to sign or press a fingerprint; then the committee's seal and the date."""
        from reportlab.platypus import KeepTogether, Spacer

        mm = self.mm

        def group(caption: str, names: list[str]) -> list:
            # The signature grid's named lines, a little narrower and taller than the forms' (the body is smaller).
            return [self.para(caption, self.sign_head),
                    named_lines(self, names, label_mm=28, line_mm=52, row_mm=13, h_align="RIGHT")]

        parties = [p.name for p in ctx.case.parties]
        block = [self.para(READ_BACK, self.readback), *group("当事人（签名或按指印）：", parties)]
        block += group("调解员（签名）：", [h.name for h in ctx.hosts] + [e.name for e in ctx.elders])
        if ctx.witnesses:
            block += group("参加人（签名）：", [w.name for w in ctx.witnesses])
        else:
            block.append(self.para("参加人（签名）：" + NONE, self.sign_head))
        block += group("记录人（签名）：", [ctx.recorder.name if ctx.recorder else ""])
        block += [
            Spacer(0, 12 * mm),
            self.para(committee_text(ctx), self.right),
            self.para(SEAL_TEXT, self.right),
            Spacer(0, 8 * mm),
            self.para(date_text(ctx.data.held_on), self.right),
        ]
        # One block, moved whole to a new page when it does not fit: the signatures read as one form
        # and the seal never stands alone. With many parties it is taller than a page and then splits.
        return [KeepTogether(block)]


# ---------------------------------------------------------------- small helpers

def _ordinal(n: int) -> str:
    """（一）…（十）（十一）（十二）: Chinese numerals however many parties there are."""
    return f"（{chinese_number(n)}）"


def _notice_answer(rec: PartyRecord) -> str:
    if rec.present is False:
        return "未到场。"
    parts = [] if rec.present else ["到场情况未记录"]
    parts.append("确认已听清上述权利义务" if rec.notice_confirmed else "未确认已听清权利义务")
    if rec.voluntary is True:
        parts.append("表示自愿接受调解")
    elif rec.voluntary is False:
        parts.append(f"明确表示不同意调解（{ART_17}：当事人一方明确拒绝调解的，不得调解）")
    else:
        parts.append("未表示是否自愿调解")
    return "；".join(parts) + "。"


def _footer_canvas(font: str, number: str, page_width: float, margin: float, y: float):
    """第X页 共Y页 and the case number at the foot of each page, above a thin rule
    (layout.held_pages_canvas)."""
    from .layout import held_pages_canvas

    def stamp(canvas, total: int) -> None:
        canvas.saveState()
        canvas.setLineWidth(0.4)
        canvas.line(margin, y + 11, page_width - margin, y + 11)
        canvas.setFont(font, 9)
        canvas.drawString(margin, y, f"{TITLE}　{number}" if number else TITLE)
        canvas.drawRightString(page_width - margin, y, f"第{canvas.getPageNumber()}页 共{total}页")
        canvas.restoreState()

    return held_pages_canvas(stamp)
