"""Agreement content rules, amounts in Chinese capitals, verification codes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from xinye_desktop.domain.agreement import (
    AgreementInput, ClauseInput, PaymentMeans, PaymentMode, amount_in_capitals, check_agreement,
    confirmation_warning, content_hash, content_payload, input_from_content, normalise_code, parse_amount,
    verification_code,
)
from xinye_desktop.domain.enums import DisputeType

TODAY = dt.date(2026, 11, 25)
PARTIES = (1, 2)


def money_clause(**kw) -> ClauseInput:
    base = dict(obligor=2, obligee=1, content="赔偿损失", amount_text="12000", mode=PaymentMode.LUMP_SUM,
                means=PaymentMeans.TRANSFER, deadline_text="2026-12-31")
    base.update(kw)
    return ClauseInput(**base)


def errors_of(data: AgreementInput) -> dict[str, str]:
    content, errors = check_agreement(data, PARTIES, TODAY)
    assert (content is None) == bool(errors)
    return {e.field: e.text() for e in errors}


@pytest.mark.parametrize("text, value", [
    ("12000", "12000.00"), ("¥12,000.00", "12000.00"), ("１２０００元", "12000.00"), ("1.2万", "12000.00"),
    ("人民币3001.1元", "3001.10"), ("0.05", "0.05"), ("", None)])
def test_amounts_people_type(text, value):
    assert parse_amount(text) == (Decimal(value) if value else None)


@pytest.mark.parametrize("text", ["0", "-5", "abc", "12.345", "1e5", "9999999999999"])
def test_what_is_not_an_amount(text):
    with pytest.raises(ValueError):
        parse_amount(text)


@pytest.mark.parametrize("amount, capitals", [
    ("12000", "人民币壹万贰仟元整"), ("3001.10", "人民币叁仟零壹元壹角"), ("0.05", "人民币伍分"),
    ("100000000", "人民币壹亿元整")])
def test_amounts_in_capitals(amount, capitals):
    assert amount_in_capitals(Decimal(amount)) == capitals


def test_a_complete_agreement_defaults_to_parties_plus_one_copies():
    content, errors = check_agreement(AgreementInput(facts="事实", issues="争议", clauses=[money_clause()]), PARTIES, TODAY)
    assert errors == [] and content.copies == 3
    clause = content.clauses[0]
    assert clause.amount_figures == "¥12,000.00" and clause.amount_capitals == "人民币壹万贰仟元整"


def test_what_an_agreement_must_state():
    assert errors_of(AgreementInput()) == {"facts": "此项必须填写", "issues": "此项必须填写", "clauses": "至少写一条协议内容"}
    bad = money_clause(obligee=None, amount_text="12.345", mode=None, means=None, deadline_text="")
    found = errors_of(AgreementInput(facts="x", issues="y", clauses=[bad], copies_text="2"))
    assert found == {
        "clauses.0.amount": "金额不对：请写数字，如 12000 或 12000.50（元），不超过两位小数",
        "clauses.0.deadline": "请写明履行期限", "clauses.0.means": "请选择履行方式",
        "copies": "份数至少为当事人数加一（3份）：当事人各持一份，调委会留存一份"}
    found = errors_of(AgreementInput(facts="x", issues="y", clauses=[money_clause(obligee=None)]))
    assert found == {"clauses.0.obligor": "有金额的条款要写明谁付给谁"}
    found = errors_of(AgreementInput(facts="x", issues="y", clauses=[money_clause(obligee=2)]))
    assert found == {"clauses.0.obligee": "履行人和接受人不能是同一人"}
    found = errors_of(AgreementInput(facts="x", issues="y", clauses=[money_clause(obligor=9)]))
    assert found == {"clauses.0.obligor": "不是本案的当事人"}


def test_a_term_without_a_debt_needs_no_deadline():
    assert errors_of(AgreementInput(facts="x", issues="y", clauses=[ClauseInput(content="今后互不干涉")])) == {}


def test_marriage_adoption_and_status_cannot_go_to_judicial_confirmation():
    content, _ = check_agreement(AgreementInput(facts="x", issues="双方协议离婚", clauses=[money_clause()]), PARTIES, TODAY)
    assert "不能申请司法确认" in confirmation_warning(DisputeType.NEIGHBOUR, content)
    plain, _ = check_agreement(AgreementInput(facts="x", issues="过道堆放杂物", clauses=[money_clause()]), PARTIES, TODAY)
    assert confirmation_warning(DisputeType.NEIGHBOUR, plain) is None
    assert "婚姻家庭纠纷" in confirmation_warning(DisputeType.MARRIAGE_FAMILY, plain)


def test_the_code_follows_the_content_and_is_typed_forgivingly():
    content, _ = check_agreement(AgreementInput(facts="x", issues="y", clauses=[money_clause()]), PARTIES, TODAY)
    digest = content_hash({"content": content_payload(content)})
    code = verification_code("uuid-1", 1, digest)
    assert len(code) == 14 and code.count("-") == 2
    assert verification_code("uuid-1", 2, digest) != code
    changed, _ = check_agreement(AgreementInput(facts="x", issues="y", clauses=[money_clause(amount_text="1200")]),
                                 PARTIES, TODAY)
    assert content_hash({"content": content_payload(changed)}) != digest
    assert normalise_code(code.lower().replace("-", " ")) == code
    assert normalise_code(code.replace("0", "O").replace("1", "I")) == code
    assert normalise_code("123") is None


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999999"), places=2))
def test_figures_round_trip_through_the_form(value):
    content, errors = check_agreement(AgreementInput(facts="x", issues="y", clauses=[money_clause(amount_text=f"{value}")]),
                                      PARTIES, TODAY)
    assert not errors and content.clauses[0].amount == value
    again, _ = check_agreement(input_from_content(content), PARTIES, TODAY)
    assert again == content
