"""The case file's other documents, in the 人民调解协议书's look, with its code on every page.

- 人民调解申请书 (domain.md §2.2): 申请人/被申请人 blocks with the MOJ fields, 纠纷简要情况, the
  applicants' claims numbered 1, 2, 3, the declaration, the applicants' signature places with
  fingerprint boxes, and the date.
- 人民调解当事人权利义务告知书 (Arts. 23–24): the standard wording (``domain.session.RIGHTS_NOTICE``;
  各方当事人 instead of 双方当事人 with more than two parties), one paragraph each, the rights and duties
  one item a line; then every party's signature place with a fingerprint box and the date.
- 人民调解口头协议登记表 (Arts. 28, 30; "fill it like the 协议书"): parties, 纠纷主要事实、争议事项,
  口头协议内容, 履行方式、时限 (the lines of the sitting's text that start so), who took part, that it
  took effect the day it was reached; 人民调解员 and 记录人 signatures, the seal, the sitting's date.
- 化解处理意见书 (Xinye 三理室, §4): parties, the dispute, how the sitting went, the 法/理/情 basis in
  brief (the law cited, the 明白人's five points, how the parties were eased, the 见证人's
  commitments), the opinion, the line that it becomes a 人民调解协议书 to take effect (Art. 29), and
  the signatures of the 主持人, 明白人 and 见证人.

Each document states what it prints as a canonical dict (``payload``); its SHA-256 (``content_hash``)
and the case's uuid with the document's kind give the verification code printed, with a QR code, in
every page's footer (``document_code``), as the agreement's digest and uuid give its own. The pieces
are the agreement's: the styles, party blocks and page of ``writer.FormWriter``, the signature places,
named lines, seal circle and （本页以下无正文） notice of ``signatures``, the wording of ``text``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import ClassVar, Union

from ..domain.agreement import case_document_code
from ..domain.cases import DisputeCase, Party
from ..domain.elders import Elder
from ..domain.enums import PartyKind, PartyRole
from ..domain.roles import RolePerson
from ..domain.session import ReasonPoint, SittingData, rights_notice_text
from .fonts import names_kept_whole, register_fonts
from .signatures import (
    MEDIATORS_SIGN_HEADING, RECORDER_SIGN_HEADING, WITNESSES_SIGN_HEADING, named_lines, one_per_line, party_rows,
    party_table, seal_beside, signature_block,
)
from .text import (
    as_sentence, chinese_date_or_empty, chinese_number, closed, commitment_text, committee_text, date_text,
    inline_text, names_in_brief, party_fields, people_text, sanli_room, text_lines, witness_text,
)
from .writer import FormWriter, build_coded_pdf

KIND_APPLICATION = "application"
KIND_RIGHTS_NOTICE = "rights_notice"
KIND_ORAL_REGISTER = "oral_agreement_register"
KIND_OPINION = "resolution_opinion"

APPLICATION_TITLE = "人民调解申请书"
NOTICE_TITLE = "人民调解当事人权利义务告知书"
ORAL_TITLE = "人民调解口头协议登记表"
OPINION_TITLE = "化解处理意见书"

# The codes are not yet kept anywhere the 验证 command looks: the hint promises only a comparison.
VERIFY_HINT = "核验：与人民调解委员会存档的本文书核验码核对，或扫描二维码"

APPLICATION_FACTS_HEADING = "纠纷简要情况："
CLAIMS_HEADING = "申请事项："
APPLICANTS_SIGN_HEADING = "申请人（签名盖章或按指印）："
NOTICE_LEAD = "根据《中华人民共和国人民调解法》的规定，现将人民调解的有关事项和当事人在人民调解活动中的权利义务告知如下："
NOTICE_ACK = "以上告知内容，本人已阅读或者已听人民调解员宣读，已经知悉。"
NOTICE_SIGN_HEADING = "当事人（签名或按指印）："
FACTS_HEADING = "纠纷主要事实、争议事项："
ORAL_CONTENT_HEADING = "口头协议内容："
PERFORMANCE_HEADING = "履行方式、时限："
OPINION_FACTS_HEADING = "纠纷事实及争议事项："
OPINION_COURSE_HEADING = "化解经过："
OPINION_BASIS_HEADING = "化解依据："
OPINION_HEADING = "化解处理意见："
HOSTS_SIGN_HEADING = "主持人（签名）："
ELDERS_SIGN_HEADING = "明白人（签名）："
DATE_LABEL = "日期："
NOBODY = "（无）"  # a signature heading with nobody to sign under it, as the 人民调解记录 prints it
ART_29 = "《中华人民共和国人民调解法》第二十九条"
ART_30 = "《中华人民共和国人民调解法》第三十条"
ART_31 = "《中华人民共和国人民调解法》第三十一条"


# ---------------------------------------------------------------- the documents

@dataclass(frozen=True)
class ApplicationDocument:
    committee_name: str
    case: DisputeCase  # parties (MOJ fields, role, claims), facts, case_number, uuid
    applied_on: dt.date | None  # the date under the signatures; None: a blank to fill in by hand
    code: str = ""
    verify_hint: str = VERIFY_HINT

    kind: ClassVar[str] = KIND_APPLICATION
    title: ClassVar[str] = APPLICATION_TITLE


@dataclass(frozen=True)
class RightsNoticeDocument:
    committee_name: str
    case: DisputeCase
    notified_on: dt.date | None  # the date beside each signature; None: blank
    notice: str = ""  # one paragraph a line; empty: the standard notice, worded for the case's parties
    code: str = ""
    verify_hint: str = VERIFY_HINT

    kind: ClassVar[str] = KIND_RIGHTS_NOTICE
    title: ClassVar[str] = NOTICE_TITLE


@dataclass(frozen=True)
class _SittingDocument:
    committee_name: str
    case: DisputeCase
    sitting_number: int
    data: SittingData  # held_on, place, outcome_text, claims, law, reason, feelings, commitments
    hosts: tuple[RolePerson, ...]
    elders: tuple[Elder, ...]
    witnesses: tuple[RolePerson, ...]
    recorder: RolePerson | None
    code: str = ""
    verify_hint: str = VERIFY_HINT


@dataclass(frozen=True)
class OralAgreementDocument(_SittingDocument):
    kind: ClassVar[str] = KIND_ORAL_REGISTER
    title: ClassVar[str] = ORAL_TITLE


@dataclass(frozen=True)
class ResolutionOpinionDocument(_SittingDocument):
    kind: ClassVar[str] = KIND_OPINION
    title: ClassVar[str] = OPINION_TITLE


CaseForm = Union[ApplicationDocument, RightsNoticeDocument, OralAgreementDocument, ResolutionOpinionDocument]


# ---------------------------------------------------------------- wording (pure, testable)

_ROLE_ORDER = {PartyRole.APPLICANT: 0, PartyRole.RESPONDENT: 1, PartyRole.THIRD_PARTY: 2}
# A number someone typed before a claim or a term: 1. 1、 (1) （一） 一、 ①. Not 1.2万 or 10日.
_NUMBERING = re.compile(r"^\s*(?:[（(]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]|"
                        r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:[、．，,:：]|\.(?!\d))|[①-⑳])\s*")
_PERFORMANCE = re.compile(r"^\s*(?:履行方式、时限|履行方式|履行期限|履行时限|时限)\s*[：:]\s*")
_NOTICE_ITEM = re.compile(r"(?=（[一二三四五六七八九十]）)")


def number_text(case: DisputeCase) -> str:
    return f"案号：{case.case_number or ''}"


def case_number(case: DisputeCase) -> str:
    return case.case_number or ""


def ordered_parties(case: DisputeCase) -> tuple[Party, ...]:
    """申请人 first, then 被申请人, then 第三人, each in the order entered."""
    return tuple(sorted(case.parties, key=lambda p: _ROLE_ORDER.get(p.role, 9)))


def applicants(case: DisputeCase) -> tuple[Party, ...]:
    return tuple(p for p in case.parties if p.role is PartyRole.APPLICANT)


def strip_numbering(line: str) -> str:
    """1、要求拆除 → 要求拆除: the form numbers the items itself."""
    return _NUMBERING.sub("", line, count=1).strip()


def claim_items(case: DisputeCase) -> list[str]:
    """申请事项 numbered 1, 2, 3 from the applicants' claims, a line each; with several applicants who
    ask something, each item says whose it is."""
    asking = [p for p in applicants(case) if text_lines(p.claims)]
    items: list[str] = []
    for party in asking:
        for line in text_lines(party.claims):
            text = as_sentence(strip_numbering(line))
            if text:
                items.append(f"{party.name}请求：{text}" if len(asking) > 1 else text)
    return [f"{n}. {text}" for n, text in enumerate(items, start=1)]


def declaration_text(committee: str) -> str:
    return f"{committee}已将申请人民调解的相关规定告知我，现自愿申请{committee}进行调解。"


def notice_paragraphs(notice: str) -> list[list[str]]:
    """The notice's paragraphs, each cut before its numbered items: a right or duty a line."""
    return [[piece for piece in _NOTICE_ITEM.split(line) if piece] for line in text_lines(notice)]


def notice_text(doc: RightsNoticeDocument) -> str:
    return doc.notice or rights_notice_text(len(doc.case.parties))


def salutation(case: DisputeCase) -> str:
    return "、".join(p.name for p in ordered_parties(case)) + "："


def numbered(lines: list[str]) -> list[str]:
    """Several typed lines none of which is numbered get 一、二、…; each is closed as a sentence."""
    if len(lines) > 1 and not any(_NUMBERING.match(line) for line in lines):
        return [f"{chinese_number(n)}、{closed(line)}" for n, line in enumerate(lines, start=1)]
    return [closed(line) for line in lines]


def split_performance(text: str) -> tuple[list[str], list[str]]:
    """The oral agreement's lines, and apart from them those that say 履行方式/时限: …"""
    content, performance = [], []
    for line in text_lines(text):
        if _PERFORMANCE.match(line):
            rest = _PERFORMANCE.sub("", line, count=1).strip()
            if rest:
                performance.append(closed(rest))
        else:
            content.append(line)
    return numbered(content), performance


def claims_sentence(text: str) -> str:
    """A party's claims typed a line each (numbered or not) as one sentence: 要求拆墙；赔偿损失。"""
    items = [strip_numbering(line).rstrip("，,；;、。.") for line in text_lines(text)]
    return as_sentence("；".join(item for item in items if item))


def issue_lines(case: DisputeCase, data: SittingData | None = None) -> list[str]:
    """争议事项: each party's claims, as stated at the sitting, else as given at intake."""
    out = []
    for party in ordered_parties(case):
        claims = claims_sentence(data.record_of(party.id).claims) if data is not None else ""
        claims = claims or claims_sentence(party.claims)
        if claims:
            out.append(f"{party.name}：{claims}")
    return out


def place_text(doc: _SittingDocument) -> str:
    return inline_text(doc.data.place) or sanli_room(doc.case.village)


def sitting_date(doc: _SittingDocument) -> str:
    return date_text(doc.data.held_on)


def commitments(doc: _SittingDocument, prefix: str = "见证人") -> list[str]:
    """见证人孙立新（乡镇国土资源所）当场承诺：…, from the sitting's answers."""
    out = []
    for answer in doc.data.witnesses:
        person = next((w for w in doc.witnesses if answer.person_id is not None and w.id == answer.person_id), None)
        who = witness_text(person) if person else inline_text(answer.name)
        text = commitment_text(who, answer.commitment, prefix)
        if text:
            out.append(text)
    return out


def oral_participants(doc: OralAgreementDocument) -> list[str]:
    when = f"于{chinese_date_or_empty(doc.data.held_on)}" if doc.data.held_on else ""
    first = f"本口头协议{when}在{place_text(doc)}调解达成。"
    people = people_text(doc.hosts, doc.elders, doc.witnesses)
    if people:
        first += f"参加调解的{people}。"
    return [first] + commitments(doc)


def oral_effect_text(doc: OralAgreementDocument) -> str:
    day = chinese_date_or_empty(doc.data.held_on)
    when = f"即{day}" if day else ""
    return (f"本口头协议自各方当事人达成协议之日{when}起生效（{ART_30}），当事人应当按照约定履行；"
            f"人民调解委员会对协议的履行情况进行监督，督促当事人履行（{ART_31}）。")


def opinion_course(doc: ResolutionOpinionDocument) -> str:
    when = chinese_date_or_empty(doc.data.held_on)
    names = "、".join(p.name for p in ordered_parties(doc.case))
    dispute = doc.case.dispute_type.label if doc.case.dispute_type else "纠纷"
    people = people_text(doc.hosts, doc.elders, doc.witnesses)
    text = f"{when + '，' if when else ''}{place_text(doc)}对{names}之间的{dispute}进行第{doc.sitting_number}次调解。"
    if people:
        text += people + "。"
    return text + "经各方当事人陈述，主持人以法为准、明白人以理为基、以情为引评理疏导，形成化解处理意见如下。"


def law_lines(data: SittingData) -> list[str]:
    return text_lines(data.legal_basis)


def reason_lines(data: SittingData) -> list[str]:
    """The 明白人's five points: 1. 公平公正：符合。按…"""
    out = []
    for n, point in enumerate(ReasonPoint, start=1):
        verdict, note = data.reason.get(point, (None, ""))
        text = f"{n}. {point.label}：{verdict.label if verdict else '未评'}。"
        note = inline_text(note)
        if note:
            text += as_sentence(note)
        out.append(text)
    return out


def feeling_lines(doc: _SittingDocument) -> list[str]:
    """How each party was eased, where the sitting recorded it (以情为引)."""
    out = []
    for party in ordered_parties(doc.case):
        rec = doc.data.record_of(party.id)
        start, end, easing = inline_text(rec.mood_start), inline_text(rec.mood_end), inline_text(rec.easing)
        if not (start or end or easing):
            continue
        parts = []
        if start or end:
            parts.append(f"调解开始时{start or '未记录'}，结束时{end or '未记录'}。")
        if easing:
            parts.append(as_sentence(easing))
        out.append(f"{party.name}：" + "".join(parts))
    return out


def basis_parts(doc: _SittingDocument) -> list[tuple[str, list[str], str, bool]]:
    """The 法/理/情 basis: (label, lines, what to print when there are none, numbered items or not)."""
    feeling = feeling_lines(doc)
    parts = [("（一）以法为准", law_lines(doc.data), "未写明", False),
             ("（二）以理为基（明白人评理）", reason_lines(doc.data), "未评", True)]
    if feeling:
        parts.append(("（三）以情为引", feeling, "", False))
    parts.append((f"（{'四' if feeling else '三'}）见证人承诺", commitments(doc, prefix=""), "无", False))
    return parts


def opinion_lines(data: SittingData) -> list[str]:
    return numbered(text_lines(data.outcome_text))


def opinion_effect_text() -> str:
    return ("本化解处理意见经各方当事人认可后，由人民调解委员会据此制作人民调解协议书，自各方当事人签名、盖章或者"
            f"按指印，人民调解员签名并加盖人民调解委员会印章之日起生效（{ART_29}）。")


def opinion_issuer(doc: ResolutionOpinionDocument) -> str:
    return sanli_room(doc.case.village)


# ---------------------------------------------------------------- what is printed, and its code

def _party_payload(party: Party) -> dict:
    return {"role": party.role.value, "kind": party.kind.value, "fields": [list(f) for f in party_fields(party)]}


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def payload(doc: CaseForm) -> dict:
    """Everything the paper states, in canonical form: what the digest and the code vouch for."""
    case = doc.case
    out = {"kind": doc.kind, "title": doc.title, "case": case.uuid, "case_number": case_number(case),
           "committee": committee_text(doc)}
    if isinstance(doc, ApplicationDocument):
        out.update(parties=[_party_payload(p) for p in ordered_parties(case)], facts=text_lines(case.facts),
                   claims=claim_items(case), declaration=declaration_text(committee_text(doc)),
                   signers=[p.name for p in applicants(case)], date=_day(doc.applied_on))
    elif isinstance(doc, RightsNoticeDocument):
        out.update(salutation=salutation(case), lead=NOTICE_LEAD, notice=notice_paragraphs(notice_text(doc)),
                   acknowledgement=NOTICE_ACK, signers=[[p.name, p.role.value] for p in ordered_parties(case)],
                   date=_day(doc.notified_on))
    else:
        out.update(parties=[_party_payload(p) for p in ordered_parties(case)], sitting=doc.sitting_number,
                   date=_day(doc.data.held_on), place=place_text(doc), facts=text_lines(case.facts),
                   issues=issue_lines(case, doc.data))
        if isinstance(doc, OralAgreementDocument):
            content, performance = split_performance(doc.data.outcome_text)
            out.update(content=content, performance=performance, participants=oral_participants(doc),
                       effect=oral_effect_text(doc),
                       mediators=[h.name for h in doc.hosts] + [e.name for e in doc.elders],
                       recorder=doc.recorder.name if doc.recorder else "")
        else:
            out.update(course=opinion_course(doc), basis=[[label, lines, empty] for label, lines, empty, _
                                                          in basis_parts(doc)], opinion=opinion_lines(doc.data),
                       effect=opinion_effect_text(), issuer=opinion_issuer(doc),
                       hosts=[h.name for h in doc.hosts], elders=[e.name for e in doc.elders],
                       witnesses=[w.name for w in doc.witnesses])
    return out


def document_code(doc: CaseForm) -> tuple[str, str]:
    """(digest, code): the SHA-256 of what is printed, and the code derived from it, the case's uuid
    and the document's kind (version 1: these documents are not versioned)."""
    return case_document_code(doc.case.uuid, doc.kind, payload(doc))


def with_code(doc: CaseForm) -> CaseForm:
    return replace(doc, code=document_code(doc)[1])


# ---------------------------------------------------------------- the PDF

def people_names(doc) -> list[str]:
    """The names of the people ``doc`` prints (parties, organisations' legal representatives, the
    sitting's people, the visitor): the names no line of the document may break inside. An
    organisation's name (新野县王庄农机专业合作社) is long and may break as any other words."""
    names = [p.legal_representative if p.kind is PartyKind.ORGANISATION else p.name for p in doc.case.parties]
    for group in ("hosts", "elders", "witnesses"):
        names += [person.name for person in getattr(doc, group, ())]
    recorder = getattr(doc, "recorder", None)
    names += [recorder.name] if recorder is not None else []
    names += [getattr(doc, "visitor", ""), *re.split(r"[、，,；;\s]+", getattr(doc, "visited", ""))]
    return names


def build_case_form_pdf(doc: CaseForm, target: Path, writer=None) -> Path:
    """Write ``doc`` as an A4 PDF at ``target`` (atomically: a failed render leaves any old file as it
    was); return ``target``. ``writer``: a CaseFormWriter subclass that knows ``doc`` (aftercare_forms)."""
    with names_kept_whole(people_names(doc)):  # the story is measured as it is made: the names first
        return _build_case_form_pdf(doc, target, writer)


def _build_case_form_pdf(doc: CaseForm, target: Path, writer=None) -> Path:
    font = register_fonts()
    story = (writer or CaseFormWriter)(font).story(doc)
    return build_coded_pdf(target, story, font, head=f"{doc.title}　{number_text(doc.case)}", code=doc.code,
                           hint=doc.verify_hint, title=f"{doc.title} {case_number(doc.case)}",
                           author=committee_text(doc), subject=names_in_brief(doc.case.parties))


class CaseFormWriter(FormWriter):
    """The agreement's styles and pieces, and the forms made of them."""

    def __init__(self, font: str):
        super().__init__(font)
        from reportlab.lib.styles import ParagraphStyle

        size = self.body.fontSize
        # A numbered item: the number hangs, the text's later lines align under its first.
        self.item = ParagraphStyle("item", parent=self.body, leftIndent=2 * size + 1.4 * size,
                                   firstLineIndent=-1.4 * size, spaceBefore=1)
        self.notice_item = ParagraphStyle("notice_item", parent=self.body, leftIndent=2 * size + 2.6 * size,
                                          firstLineIndent=-2.6 * size)
        self.plain = ParagraphStyle("plain", parent=self.body, spaceBefore=6)
        self.declaration = ParagraphStyle("declaration", parent=self.text, spaceBefore=10)
        self.dated = ParagraphStyle("dated", parent=self.sign_party, spaceBefore=3)
        self.sign_head_more = ParagraphStyle("sign_head_more", parent=self.sign_head, spaceBefore=16)

    # ---- pieces

    def header(self, doc: CaseForm, title: str | None = None) -> list:
        return [self.para(committee_text(doc), self.org), self.bold(title or doc.title, self.title),
                self.para(number_text(doc.case), self.number)]

    def blank_lines(self, count: int, numbered_lines: bool = False):
        """Ruled lines to write on by hand, where nothing was typed."""
        from reportlab.platypus import Table, TableStyle

        mm = self.mm
        rows = [[self.para(f"{n}." if numbered_lines else "", self.body)] for n in range(1, count + 1)]
        table = Table(rows, colWidths=[self.width - 2 * self.body.fontSize], rowHeights=9 * mm, hAlign="RIGHT")
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), self.font), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                                   ("LINEBELOW", (0, 0), (-1, -1), 0.5, self.colors.black)]))
        return table

    def lines_or_blank(self, lines: list[str], style=None, blanks: int = 3) -> list:
        if lines:
            return [self.para(line, style or self.text) for line in lines]
        return [self.blank_lines(blanks)]

    def party_signatures(self, parties, date: str | None = None):
        """The agreement's signature place per party (name, 签名 line, fingerprint box), two to a row;
        with ``date``, a 日期 line under each, in the same cell: a page never parts them."""
        rows = party_rows(self, parties)
        if date is not None:
            rows = [[[place, self.para(DATE_LABEL + date, self.dated)] if place != "" else "" for place in row]
                    for row in rows]
        return party_table(self, rows, bottom_padding=0 if date is None else 6)

    def group(self, heading: str, body, after_lines: bool = False) -> list:
        """A signature heading and its lines; one that follows another group's lines (ruled at their
        foot) keeps a little more room above it."""
        return [self.para(heading, self.sign_head_more if after_lines else self.sign_head), body]

    def dated_right(self, *lines: str) -> list:
        from reportlab.platypus import Spacer

        out = [Spacer(0, 6 * self.mm)]
        for line in lines:
            out.append(self.para(line, self.right))
        return out

    # ---- the documents

    def story(self, doc: CaseForm) -> list:
        if isinstance(doc, ApplicationDocument):
            return self.application(doc)
        if isinstance(doc, RightsNoticeDocument):
            return self.rights_notice(doc)
        if isinstance(doc, OralAgreementDocument):
            return self.oral_agreement(doc)
        if isinstance(doc, ResolutionOpinionDocument):
            return self.resolution_opinion(doc)
        raise TypeError(type(doc).__name__)

    def application(self, doc: ApplicationDocument) -> list:
        case = doc.case
        story = self.header(doc) + self.party_blocks(ordered_parties(case))
        story += self.heading_block(APPLICATION_FACTS_HEADING)
        story += self.lines_or_blank(text_lines(case.facts), blanks=4)
        story += self.heading_block(CLAIMS_HEADING)
        items = claim_items(case)
        story += [self.para(item, self.item) for item in items] if items else [self.blank_lines(3, True)]
        block = [self.para(declaration_text(committee_text(doc)), self.declaration),
                 *self.group(APPLICANTS_SIGN_HEADING, self.party_signatures(applicants(case) or case.parties)),
                 *self.dated_right(date_text(doc.applied_on))]
        return story + signature_block(self, block)

    def rights_notice(self, doc: RightsNoticeDocument) -> list:
        from reportlab.platypus import Spacer

        story = self.header(doc) + [Spacer(0, 2 * self.mm), self.para(salutation(doc.case), self.plain),
                                    self.para(NOTICE_LEAD, self.text)]
        for pieces in notice_paragraphs(notice_text(doc)):
            story.append(self.para(pieces[0], self.text))
            story += [self.para(piece, self.notice_item) for piece in pieces[1:]]
        block = [self.para(NOTICE_ACK, self.declaration),
                 *self.group(NOTICE_SIGN_HEADING, self.party_signatures(ordered_parties(doc.case),
                                                                        date=date_text(doc.notified_on)))]
        return story + signature_block(self, block)

    def facts_and_issues(self, heading: str, doc: _SittingDocument) -> list:
        out = self.heading_block(heading)
        out += self.lines_or_blank(text_lines(doc.case.facts))
        issues = issue_lines(doc.case, doc.data)
        if issues:
            out.append(self.para("争议事项：" + issues[0], self.text))
            out += [self.para(line, self.text) for line in issues[1:]]
        return out

    def oral_agreement(self, doc: OralAgreementDocument) -> list:
        from reportlab.platypus import Spacer

        mm = self.mm
        story = self.header(doc) + self.party_blocks(ordered_parties(doc.case))
        story += self.facts_and_issues(FACTS_HEADING, doc)
        content, performance = split_performance(doc.data.outcome_text)
        story += self.heading_block(ORAL_CONTENT_HEADING)
        story += self.lines_or_blank(content)
        if performance:
            story += self.heading_block(PERFORMANCE_HEADING, lines=1)
            story += [self.para(line, self.text) for line in performance]
        story.append(Spacer(0, 2 * mm))
        story += [self.para(text, self.text) for text in oral_participants(doc)]

        left = self.group(RECORDER_SIGN_HEADING, one_per_line(self, [doc.recorder.name if doc.recorder else ""]))
        mediators = [h.name for h in doc.hosts] + [e.name for e in doc.elders]
        block = [self.para(oral_effect_text(doc), self.declaration),
                 *self.group(MEDIATORS_SIGN_HEADING, named_lines(self, mediators or [""])),
                 seal_beside(self, left, committee_text(doc), sitting_date(doc))]
        return story + signature_block(self, block)

    def resolution_opinion(self, doc: ResolutionOpinionDocument) -> list:
        story = self.header(doc) + self.party_blocks(ordered_parties(doc.case))
        story += self.facts_and_issues(OPINION_FACTS_HEADING, doc)
        story += self.heading_block(OPINION_COURSE_HEADING)
        story.append(self.para(opinion_course(doc), self.text))

        story += self.heading_block(OPINION_BASIS_HEADING)
        for label, lines, empty, listed in basis_parts(doc):
            story += self.basis_part(label, lines, empty, listed)

        story += self.heading_block(OPINION_HEADING)
        story += self.lines_or_blank(opinion_lines(doc.data))
        witnesses = [w.name for w in doc.witnesses]
        block = [self.para(opinion_effect_text(), self.declaration),
                 *self.group(HOSTS_SIGN_HEADING, named_lines(self, [h.name for h in doc.hosts] or [""])),
                 *self.group(ELDERS_SIGN_HEADING, named_lines(self, [e.name for e in doc.elders] or [""]), True),
                 # No 见证人 at the sitting: said so, not an unnamed line someone could sign on.
                 *(self.group(WITNESSES_SIGN_HEADING, named_lines(self, witnesses), True) if witnesses
                   else [self.para(WITNESSES_SIGN_HEADING + NOBODY, self.sign_head_more)]),
                 *self.dated_right(opinion_issuer(doc), sitting_date(doc))]
        return story + signature_block(self, block)

    def basis_part(self, label: str, lines: list[str], empty: str, listed: bool) -> list:
        """（一）以法为准：the first line after the label, the others as paragraphs; a ``listed`` part
        puts its numbered items under the label."""
        from reportlab.platypus import CondPageBreak

        keep = CondPageBreak(self.text.leading * 3)
        if listed and lines:
            return [keep, self.para(f"{label}：", self.text)] + [self.para(line, self.item) for line in lines]
        first, rest = (lines[0], lines[1:]) if lines else (empty, [])
        return [keep, self.para(f"{label}：{first}", self.text)] + [self.para(line, self.text) for line in rest]
