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
    facts = _text(errors, "facts", data.facts, max_len=8000, multiline=True, required=True)
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


# 司法确认 is not available for 确认身份关系、收养关系、婚姻关系 (法释〔2011〕5号).
_NOT_CONFIRMABLE = re.compile(r"离婚|解除婚姻|婚姻关系|收养|解除收养|身份关系|亲子关系|确认.{0,4}(父|母|子|女)")


def confirmable(content: AgreementContent) -> bool:
    """False when the agreement settles a 婚姻/收养/身份 relation: the court does not accept it."""
    return not _NOT_CONFIRMABLE.search("\n".join([content.issues, *(c.content for c in content.clauses)]))


def confirmation_warning(dispute_type: DisputeType, content: AgreementContent) -> str | None:
    """A note to print when the agreement touches a relationship that cannot go to 司法确认."""
    text = "\n".join([content.issues, *(c.content for c in content.clauses)])
    if _NOT_CONFIRMABLE.search(text):
        return QT_TRANSLATE_NOOP("Agreement", "本协议涉及婚姻、收养或身份关系的内容，依法释〔2011〕5号，该部分不能申请司法确认。")
    if dispute_type is DisputeType.MARRIAGE_FAMILY:
        return QT_TRANSLATE_NOOP("Agreement", "婚姻家庭纠纷：协议中确认婚姻、收养、身份关系的内容不能申请司法确认，财产和抚养费等内容可以。")
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


def content_hash(document: dict) -> str:
    """SHA-256 of everything printed (content, parties, people, number, version) in canonical form."""
    return hashlib.sha256(canonical_json(document).encode("utf-8")).hexdigest()


def verification_code(agreement_uuid: str, version: int, digest: str) -> str:
    """12 Crockford base-32 characters (60 bits) in three groups: easy to read out and type."""
    seed = hashlib.sha256(f"{agreement_uuid}:{version}:{digest}".encode()).digest()
    number = int.from_bytes(seed[:8], "big") >> 4
    chars = "".join(_CROCKFORD[(number >> (5 * i)) & 31] for i in reversed(range(12)))
    return f"{chars[:4]}-{chars[4:8]}-{chars[8:]}"


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
