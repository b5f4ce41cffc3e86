"""人民调解协议书 (Art. 29; domain.md §2.2): its content, the rules before it may be printed, the
amount in Chinese capitals, and the verification code printed on every page.

The code is derived from the exact content: a printed copy whose text was altered no longer
matches the code archived with the agreement.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .cases import MAX_FACTS_LEN
from .enums import DisputeType, Labelled
from .errors import FieldError
from .i18n import QT_TRANSLATE_NOOP
from .text import TextError, clean_text, parse_date

MAX_COPIES = 60
MAX_AMOUNT = Decimal("999999999999.99")


class PaymentMode(Labelled):
    LUMP_SUM = ("lump_sum", QT_TRANSLATE_NOOP("Vocabulary", "一次性"))
    INSTALMENTS = ("instalments", QT_TRANSLATE_NOOP("Vocabulary", "分期"))


class PaymentMeans(Labelled):
    CASH = ("cash", QT_TRANSLATE_NOOP("Vocabulary", "现金"))
    TRANSFER = ("transfer", QT_TRANSLATE_NOOP("Vocabulary", "转账"))
    GOODS = ("goods", QT_TRANSLATE_NOOP("Vocabulary", "实物"))
    ACT = ("act", QT_TRANSLATE_NOOP("Vocabulary", "行为"))


class AgreementState(Labelled):
    DRAFT = ("draft", QT_TRANSLATE_NOOP("Vocabulary", "草稿"))
    PRINTED = ("printed", QT_TRANSLATE_NOOP("Vocabulary", "已打印待签"))
    SIGNED = ("signed", QT_TRANSLATE_NOOP("Vocabulary", "已签署生效"))
    SUPERSEDED = ("superseded", QT_TRANSLATE_NOOP("Vocabulary", "已被新版本取代"))


@dataclass
class ClauseInput:
    """One agreed term as typed: who owes what to whom, how and by when."""

    obligor: int | None = None  # party id; None: both sides / not a debt
    obligee: int | None = None
    content: str = ""
    amount_text: str = ""
    mode: PaymentMode | None = None
    means: PaymentMeans | None = None
    deadline_text: str = ""


@dataclass
class AgreementInput:
    facts: str = ""  # 纠纷主要事实
    issues: str = ""  # 争议事项
    responsibilities: str = ""  # 各方当事人的责任
    clauses: list[ClauseInput] = field(default_factory=list)
    copies_text: str = ""  # 本协议一式N份; blank: parties + 1
    performance_note: str = ""  # 履行方式、时限 beyond the clauses (optional)


@dataclass(frozen=True)
class Clause:
    obligor: int | None
    obligee: int | None
    content: str
    amount: Decimal | None
    mode: PaymentMode | None
    means: PaymentMeans | None
    deadline: dt.date | None

    @property
    def amount_figures(self) -> str:
        return "" if self.amount is None else f"¥{self.amount:,.2f}"

    @property
    def amount_capitals(self) -> str:
        return "" if self.amount is None else amount_in_capitals(self.amount)


@dataclass(frozen=True)
class AgreementContent:
    facts: str
    issues: str
    responsibilities: str
    clauses: tuple[Clause, ...]
    copies: int
    performance_note: str = ""


def parse_amount(text: str) -> Decimal | None:
    """¥12,000.00, 12000, １２０００元, 1.2万 → Decimal; blank → None; ValueError when it is not an amount."""
    raw = unicodedata.normalize("NFKC", text or "").strip()
    raw = raw.replace(",", "").replace("，", "").replace(" ", "").lstrip("¥￥").removeprefix("人民币")
    raw = raw.removesuffix("元整").removesuffix("元")
    if not raw:
        return None
    scale = Decimal(1)
    if raw.endswith("万"):
        raw, scale = raw[:-1], Decimal(10000)
    if not re.fullmatch(r"\d+(\.\d{1,2})?", raw) and not (scale != 1 and re.fullmatch(r"\d+(\.\d{1,6})?", raw)):
        raise ValueError(raw)
    try:
        value = (Decimal(raw) * scale).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except InvalidOperation as err:
        raise ValueError(raw) from err
    if value <= 0 or value > MAX_AMOUNT:
        raise ValueError(raw)
    return value


def amount_in_capitals(amount: Decimal) -> str:
    """¥12,000.00 → 人民币壹万贰仟元整 (the financial capitals that cannot be altered by a stroke)."""
    import cn2an

    text = cn2an.an2cn(f"{amount:.2f}", "rmb")
    return "人民币" + text


def _text(errors, path, value, **kw) -> str:
    try:
        return clean_text(value, **kw)
    except TextError as err:
        errors.append(FieldError(path, err.message, err.params))
        return ""


def check_agreement(data: AgreementInput, party_ids: tuple[int, ...], today: dt.date,
                    ) -> tuple[AgreementContent | None, list[FieldError]]:
    """Everything a 协议书 must state before it may be printed (Art. 29)."""
    errors: list[FieldError] = []
    # The case's limit: a draft made from the case's facts always passes (cases.MAX_FACTS_LEN).
    facts = _text(errors, "facts", data.facts, max_len=MAX_FACTS_LEN, multiline=True, required=True)
    issues = _text(errors, "issues", data.issues, max_len=3000, multiline=True, required=True)
    responsibilities = _text(errors, "responsibilities", data.responsibilities, max_len=3000, multiline=True)
    performance_note = _text(errors, "performance_note", data.performance_note, max_len=1000, multiline=True)
    if not data.clauses:
        errors.append(FieldError("clauses", QT_TRANSLATE_NOOP("Validation", "至少写一条协议内容")))
    clauses = []
    for i, c in enumerate(data.clauses):
        at = f"clauses.{i}."
        content = _text(errors, at + "content", c.content, max_len=2000, multiline=True, required=True)
        for who, value in (("obligor", c.obligor), ("obligee", c.obligee)):
            if value is not None and value not in party_ids:
                errors.append(FieldError(at + who, QT_TRANSLATE_NOOP("Validation", "不是本案的当事人")))
        if c.obligor is not None and c.obligor == c.obligee:
            errors.append(FieldError(at + "obligee", QT_TRANSLATE_NOOP("Validation", "履行人和接受人不能是同一人")))
        try:
            amount = parse_amount(c.amount_text)
        except ValueError:
            errors.append(FieldError(at + "amount", QT_TRANSLATE_NOOP(
                "Validation", "金额不对：请写数字，如 12000 或 12000.50（元），不超过两位小数")))
            amount = None
        if amount is not None and (c.obligor is None or c.obligee is None):
            errors.append(FieldError(at + "obligor", QT_TRANSLATE_NOOP("Validation", "有金额的条款要写明谁付给谁")))
        try:
            deadline = parse_date(c.deadline_text)
        except TextError as err:
            errors.append(FieldError(at + "deadline", err.message, err.params))
            deadline = None
        if (c.obligor is not None or amount is not None) and deadline is None and not any(
                e.field == at + "deadline" for e in errors):
            errors.append(FieldError(at + "deadline", QT_TRANSLATE_NOOP("Validation", "请写明履行期限")))
        if amount is not None and c.mode is None:
            errors.append(FieldError(at + "mode", QT_TRANSLATE_NOOP("Validation", "请选择一次性还是分期")))
        if c.obligor is not None and c.means is None:
            errors.append(FieldError(at + "means", QT_TRANSLATE_NOOP("Validation", "请选择履行方式")))
        clauses.append(Clause(c.obligor, c.obligee, content, amount, c.mode, c.means, deadline))

    copies = len(party_ids) + 1
    if (data.copies_text or "").strip():
        text = unicodedata.normalize("NFKC", data.copies_text).strip().removesuffix("份")
        if not text.isdigit() or not (len(party_ids) + 1 <= int(text) <= MAX_COPIES):
            errors.append(FieldError("copies", QT_TRANSLATE_NOOP(
                "Validation", "份数至少为当事人数加一（{n}份）：当事人各持一份，调委会留存一份"), {"n": len(party_ids) + 1}))
        else:
            copies = int(text)
    if errors:
        return None, errors
    return AgreementContent(facts, issues, responsibilities, tuple(clauses), copies, performance_note), []


# -- 司法确认 eligibility ----------------------------------------------------------------------
# 法释〔2011〕5号 Art. 4: the court does not accept an application to confirm an agreement that
# 确认身份关系、收养关系、婚姻关系 — one that establishes, dissolves, confirms or denies a marriage, an
# adoption, parentage or another identity relation. Terms that only *mention* such a relation are
# confirmable: dividing property after a divorce, who brings up a child and the 抚养费, 赡养 of parents,
# inheriting a father's estate. So a term matches only where a relation is itself acted on: an act
# (确认/解除/断绝/…) on a named relation, an agreement to divorce, marry or adopt, or a statement that
# someone is somebody's child or parent. Text is never read with certainty: the mediator can decide
# otherwise in the 回访与履行 tab (AftercareService.set_confirmable), and that decision wins.
_STOP = r"[^，。；;,.！？!?：:\n]"  # a gap that stays inside one clause of a sentence
_RELATION = (r"(?:婚姻|夫妻|收养|送养|亲子|父子|母子|父女|母女|身份|血缘|亲属"
             r"|养父子|养母子|养父女|养母女|继父子|继母子|继父女|继母女)关系"
             r"(?!存续|存在期间|期间|中|内)")  # "婚姻关系存续期间的共同财产": a time, not the relation
# Someone's kin as the predicate, ending the clause: "确认小明系男方亲生儿子", not "确认房屋为儿子所有".
_KIN = (r"(?:(?:亲生|婚生|非婚生)?(?:生父|生母|子女|儿子|女儿|孩子|骨肉|养子|养女|养父|养母|继子|继女|父亲|母亲"
        r"|之子|之女)|亲生)(?=$|[，。；;,.！？!?\n)）]|关系)")
_NOT_AFTER = r"(?!后|以后|之后|时|前|以前|期间|的)"  # "离婚后财产分割", "结婚时的陪嫁": a time, not an act
_RELATION_ACTS = re.compile("|".join([
    # 确认双方婚姻关系、解除收养关系、断绝父子关系、否认亲子关系、维持婚姻关系
    rf"(?:确认|承认|否认|认定|解除|断绝|终止|恢复|维持|保持|建立|成立|撤销|变更){_STOP}{{0,12}}{_RELATION}",
    # 婚姻关系自即日起解除、收养关系无效
    rf"{_RELATION}{_STOP}{{0,8}}(?:不成立|成立|不存在|存在|无效|解除|终止|撤销)",
    # 双方自愿离婚、男方同意与女方离婚、办理离婚登记 (but not 男方同意在离婚后…)
    rf"(?:同意|自愿|协议|决定|准予|办理|申请|登记){_STOP}{{0,12}}离婚{_NOT_AFTER}",
    rf"离婚(?:登记|手续){_NOT_AFTER}",
    # establishing a marriage: 登记结婚、补办结婚登记、复婚
    rf"(?:同意|自愿|决定|办理|补办|登记){_STOP}{{0,6}}(?:结婚|成婚){_NOT_AFTER}",
    rf"结婚登记{_NOT_AFTER}|复婚",
    # adoption: 同意收养、办理收养登记、送养、解除收养 (but not 由收养的女儿赡养)
    rf"(?:同意|自愿|决定|办理|申请|补办|解除|撤销|终止){_STOP}{{0,6}}(?:收养|送养)(?!的|人|子|女|后|期间)",
    r"送养",
    # parentage: 确认小明系男方的亲生儿子、承认孩子是其女儿、认领孩子
    rf"(?:确认|承认|否认|认定){_STOP}{{0,12}}(?:系|是|为|不是|并非|非){_STOP}{{0,10}}{_KIN}",
    r"认领(?!遗产|财物|物品|款)",
]))
# A relation named only to say that it is left alone: 本协议不涉及双方婚姻关系, 双方不离婚, 不解除收养关系.
_NEGATED = re.compile(r"(?:不|未|无|并不|并未|不再|均不)(?:涉及|包括|包含|处理|改变|影响|解除|变更|确认|同意|"
                      r"离婚|复婚|结婚|收养|送养|办理|申请|要求|主张)" + _STOP + "{0,24}")


def relation_terms(content: AgreementContent) -> tuple[str, ...]:
    """The words of the agreement that act on a marriage, an adoption, parentage or another identity
    relation (what 法释〔2011〕5号 keeps out of 司法确认), for the mediator to see why; () when none.

    Only what was agreed is read (the terms and the note on performance): that is what the court is
    asked to confirm. The facts and the 争议事项 describe the dispute ("女方申请离婚") and say nothing
    about what the parties settled (they may have reconciled)."""
    return relation_terms_in([*(c.content for c in content.clauses), content.performance_note])


def relation_terms_in(texts) -> tuple[str, ...]:
    """``relation_terms`` of some typed terms (a draft's, or a printed agreement's stored clauses)."""
    found: list[str] = []
    for text in texts:
        text = _NEGATED.sub("。", unicodedata.normalize("NFKC", text or ""))
        for match in _RELATION_ACTS.finditer(text):
            if match.group(0) not in found:
                found.append(match.group(0))
    return tuple(found)


def confirmable(content: AgreementContent) -> bool:
    """False when the agreement settles a 婚姻/收养/身份 relation: the court does not accept it."""
    return not relation_terms(content)


NOT_CONFIRMABLE_WARNING = QT_TRANSLATE_NOOP(
    "Agreement", "本协议涉及婚姻、收养或身份关系的内容，依法释〔2011〕5号，该部分不能申请司法确认。")
FAMILY_HINT = QT_TRANSLATE_NOOP(
    "Agreement", "婚姻家庭纠纷：协议中确认婚姻、收养、身份关系的内容不能申请司法确认，财产和抚养费等内容可以。")


def confirmation_warning(dispute_type: DisputeType, content: AgreementContent,
                         decision: bool | None = None) -> str | None:
    """A note to print when the agreement touches a relationship that cannot go to 司法确认.
    ``decision``: the mediator's own (True: may be confirmed, False: may not); None: read the terms."""
    if decision is True:
        return None
    if decision is False or not confirmable(content):
        return NOT_CONFIRMABLE_WARNING
    if dispute_type is DisputeType.MARRIAGE_FAMILY:
        return FAMILY_HINT
    return None


# -- verification ----------------------------------------------------------------------------
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def canonical_json(payload: dict) -> str:
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def content_payload(content: AgreementContent) -> dict:
    raw = asdict(content)
    for clause in raw["clauses"]:
        clause["amount"] = None if clause["amount"] is None else f"{clause['amount']:.2f}"
        clause["mode"] = clause["mode"].value if clause["mode"] else None
        clause["means"] = clause["means"].value if clause["means"] else None
        clause["deadline"] = clause["deadline"].isoformat() if clause["deadline"] else None
    return raw


# What the digest of a printed agreement covers, by scheme (kept in the stored document as "scheme"):
#   1 (no "scheme" key; agreements printed before it was introduced): the content, the parties, the
#     number and version, the names of the hosts, 明白人, witnesses and recorder;
#   2: everything the paper prints (documents.agreement.printed_payload): also the village, each
#     host's and witness's unit and post, each 明白人's identity, the witnesses' commitments and the
#     warning box. A stored document is always hashed as it was stored, so the codes on paper printed
#     under scheme 1 keep verifying; only rebuilding one from the case's data needs to know its scheme.
HASH_SCHEME = 2
# Facts about the archived files (the PDF's own SHA-256, the signed scan's), kept with the document
# but outside the digest: the PDF carries the code, which is made from the digest.
ARCHIVE_KEY = "archive"


def agreement_number(case_number: str, version: int) -> str:
    """The 协议书's 编号: the case number, with the version from the second one on."""
    return case_number + (f"（第{version}版）" if version > 1 else "")


def hash_scheme(document: dict) -> int:
    return int(document.get("scheme") or 1)


def content_hash(document: dict) -> str:
    """SHA-256 of everything printed, in canonical form (the ``archive`` facts left out)."""
    payload = {k: v for k, v in document.items() if k != ARCHIVE_KEY}
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


def verification_code(agreement_uuid: str, version: int, digest: str) -> str:
    """12 Crockford base-32 characters (60 bits) in three groups: easy to read out and type."""
    seed = hashlib.sha256(f"{agreement_uuid}:{version}:{digest}".encode()).digest()
    number = int.from_bytes(seed[:8], "big") >> 4
    chars = "".join(_CROCKFORD[(number >> (5 * i)) & 31] for i in reversed(range(12)))
    return f"{chars[:4]}-{chars[4:8]}-{chars[8:]}"


def case_document_code(case_uuid: str, kind: str, document: dict) -> tuple[str, str]:
    """(digest, code) of a coded case-file document other than the agreement (申请书, 登记表, 告知书,
    回访记录 ...): the SHA-256 of what it prints, and the code made from it, the case's uuid and the
    document's kind. Version 1: these documents are not versioned, a reissue with other content is a
    new digest and so a new code."""
    digest = content_hash(document)
    return digest, verification_code(f"{case_uuid}:{kind}", 1, digest)


def normalise_code(typed: str) -> str | None:
    """What a person typed → the canonical code, or None when it cannot be one (O→0, I/L→1, any case)."""
    text = unicodedata.normalize("NFKC", typed or "").upper()
    text = text.translate(str.maketrans({"O": "0", "I": "1", "L": "1"}))
    text = re.sub(r"[\s\-_–—]", "", text)
    if len(text) != 12 or any(ch not in _CROCKFORD for ch in text):
        return None
    return f"{text[:4]}-{text[4:8]}-{text[8:]}"


# -- the draft form's storage form --------------------------------------------------------------
def input_to_dict(data: AgreementInput) -> dict:
    raw = asdict(data)
    for clause in raw["clauses"]:
        clause["mode"] = clause["mode"].value if clause["mode"] else None
        clause["means"] = clause["means"].value if clause["means"] else None
    return raw


def input_from_dict(raw: dict) -> AgreementInput:
    fields = set(ClauseInput.__dataclass_fields__)
    clauses = []
    for c in raw.get("clauses") or []:
        c = {k: v for k, v in c.items() if k in fields}
        c["mode"] = PaymentMode.from_code(c.get("mode"))
        c["means"] = PaymentMeans.from_code(c.get("means"))
        clauses.append(ClauseInput(**c))
    return AgreementInput(facts=str(raw.get("facts") or ""), issues=str(raw.get("issues") or ""),
                          responsibilities=str(raw.get("responsibilities") or ""), clauses=clauses,
                          copies_text=str(raw.get("copies_text") or ""),
                          performance_note=str(raw.get("performance_note") or ""))


def input_from_content(content: AgreementContent) -> AgreementInput:
    """A printed agreement opened again as the form of its next version."""
    return AgreementInput(
        facts=content.facts, issues=content.issues, responsibilities=content.responsibilities,
        clauses=[ClauseInput(c.obligor, c.obligee, c.content, "" if c.amount is None else f"{c.amount:.2f}",
                             c.mode, c.means, c.deadline.isoformat() if c.deadline else "") for c in content.clauses],
        copies_text=str(content.copies), performance_note=content.performance_note)
