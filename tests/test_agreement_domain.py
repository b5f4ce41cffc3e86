"""Agreement content rules, amounts in Chinese capitals, verification codes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from xinye_desktop.domain.agreement import (
    FAMILY_HINT, NOT_CONFIRMABLE_WARNING, AgreementContent, AgreementInput, ClauseInput, PaymentMeans, PaymentMode,
    amount_in_capitals, check_agreement, confirmable, confirmation_warning, content_hash, content_payload,
    input_from_content, normalise_code, parse_amount, relation_terms, verification_code,
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


@pytest.mark.parametrize("length", [5001, 8000])
def test_the_facts_of_any_accepted_case_fit_the_agreement(length):
    """One limit for the facts at intake and in the agreement, whose draft starts from the case's facts:
    whatever intake accepts, the agreement accepts (intake refused over 5,000, the agreement over 8,000)."""
    from tests.helpers import valid_case_input
    from xinye_desktop.domain.cases import MAX_FACTS_LEN, check_case

    facts = ("院墙越界，双方争执。\r\n" * 1000)[:length]
    case, errors, _ = check_case(valid_case_input(dt.date(2026, 11, 20), facts=facts), today=TODAY)
    assert errors == [] and len(case.facts) <= MAX_FACTS_LEN
    assert "facts" not in errors_of(AgreementInput(facts=case.facts, issues="界线", clauses=[money_clause()]))


def test_facts_over_the_one_limit_are_refused_in_both_places():
    from tests.helpers import valid_case_input
    from xinye_desktop.domain.cases import MAX_FACTS_LEN, check_case

    facts = "争" * (MAX_FACTS_LEN + 1)
    _, case_errors, _ = check_case(valid_case_input(dt.date(2026, 11, 20), facts=facts), today=TODAY)
    assert [(e.field, e.params["max"]) for e in case_errors] == [("facts", MAX_FACTS_LEN)]
    assert "最多8000个字" in errors_of(AgreementInput(facts=facts, issues="界线", clauses=[money_clause()]))["facts"]


def test_a_term_without_a_debt_needs_no_deadline():
    assert errors_of(AgreementInput(facts="x", issues="y", clauses=[ClauseInput(content="今后互不干涉")])) == {}


def test_marriage_adoption_and_status_cannot_go_to_judicial_confirmation():
    content, _ = check_agreement(AgreementInput(facts="x", issues="y", clauses=[
        money_clause(), ClauseInput(content="双方协议离婚")]), PARTIES, TODAY)
    assert "不能申请司法确认" in confirmation_warning(DisputeType.NEIGHBOUR, content)
    plain, _ = check_agreement(AgreementInput(facts="x", issues="过道堆放杂物", clauses=[money_clause()]), PARTIES, TODAY)
    assert confirmation_warning(DisputeType.NEIGHBOUR, plain) is None
    assert "婚姻家庭纠纷" in confirmation_warning(DisputeType.MARRIAGE_FAMILY, plain)


# 法释〔2011〕5号: the court does not confirm an agreement that establishes, dissolves, confirms or denies
# a marriage, an adoption, parentage or another identity relation; property, 抚养费, 赡养 and
# inheritance are confirmable even when the terms name a spouse, a child or a parent.
CONFIRMABLE_TERMS = [
    "确认子女由女方抚养，男方每月支付抚养费",
    "离婚后财产分割",
    "赡养父母：确认由长子负担",
    "确认父亲的遗产",
    "确认父亲的遗产由长子继承",
    "确认三间瓦房由长子继承，次子给付补偿款",
    "长子、次子轮流赡养母亲，每人每月500元",
    "养子李四每月给付养母赡养费300元",
    "由收养的女儿负担养父的医疗费",
    "男方同意在离婚后每月支付抚养费800元",
    "男方一次性给付女方离婚经济帮助金5000元",
    "双方婚姻关系存续期间的共同债务由男方偿还",
    "确认双方在婚姻关系存续期间共同购买的房屋归女方所有",
    "双方于2015年协议离婚时约定的房屋归女方",
    "结婚时女方带来的嫁妆归女方所有",
    "结婚登记后购买的房屋归女方",
    "解除婚约，女方返还彩礼三万元",
    "双方同居期间的财产平分",
    "变更抚养关系，孩子随父亲生活，女方每月探望两次",
    "男方向非婚生子女小明每月支付抚养费1000元",
    "确认小明的抚养费为每月800元",
    "确认房屋为儿子所有",
    "确认该房屋是父亲留下的遗产",
    "确认借款是男方个人债务",
    "确认张三为李四的法定继承人，继承房屋一套",
    "男方认领遗产中的农具",
    "本协议不涉及双方婚姻关系",
    "双方和好，不再离婚",
    "女方不同意离婚，双方和好如初，男方保证不再酗酒",
    "本协议不改变双方的收养关系，养子继续赡养养母",
    "宅基地界线以1992年使用证为准",
]
NOT_CONFIRMABLE_TERMS = [
    "双方自愿离婚",
    "双方同意维持婚姻关系，男方于10日内回家共同生活",
    "男方同意与女方离婚",
    "双方同意离婚，离婚后房屋归女方",
    "双方到民政局办理离婚登记",
    "办理离婚手续",
    "双方自愿解除婚姻关系",
    "双方解除夫妻关系",
    "确认双方婚姻关系",
    "确认双方婚姻关系无效",
    "双方婚姻关系自即日起解除",
    "双方复婚",
    "双方同意于2026年12月前登记结婚",
    "补办结婚登记",
    "解除双方的收养关系",
    "解除收养，养女回生父母家生活",
    "收养关系无效",
    "同意收养李某之女",
    "张某将其女儿送养给王某",
    "确认小明系男方的亲生儿子",
    "确认小明为双方的婚生子女",
    "确认张三为李四之子",
    "男方承认孩子是其亲生",
    "男方同意认领小明",
    "断绝父子关系",
    "否认亲子关系",
    "确认双方身份关系",
]


def _terms(*clauses: str, note: str = "", issues: str = "y") -> AgreementContent:
    content, errors = check_agreement(AgreementInput(
        facts="x", issues=issues, clauses=[ClauseInput(content=c) for c in clauses], performance_note=note),
        PARTIES, TODAY)
    assert content is not None, errors
    return content


@pytest.mark.parametrize("term", CONFIRMABLE_TERMS)
def test_terms_that_only_name_a_relation_are_confirmable(term):
    content = _terms(term)
    assert relation_terms(content) == () and confirmable(content)
    assert confirmation_warning(DisputeType.NEIGHBOUR, content) is None


@pytest.mark.parametrize("term", NOT_CONFIRMABLE_TERMS)
def test_terms_that_act_on_a_relation_are_not_confirmable(term):
    content = _terms("男方支付女方补偿款一万元", term)
    found = relation_terms(content)
    assert found and all(piece in term for piece in found), found
    assert not confirmable(content)
    assert confirmation_warning(DisputeType.MARRIAGE_FAMILY, content) == NOT_CONFIRMABLE_WARNING


def test_only_what_was_agreed_is_read():
    # The 争议事项 describe the dispute: the parties may have reconciled.
    assert confirmable(_terms("双方和好，男方保证不再酗酒", issues="女方申请离婚，男方不同意"))
    # The note on performance is part of what was agreed.
    assert not confirmable(_terms("房屋归女方", note="双方于签字后十日内到民政局办理离婚登记"))
    # Full-width and half-width punctuation read alike.
    assert confirmable(_terms("确认子女由女方抚养,男方每月支付抚养费"))


def test_the_mediators_decision_wins_over_the_text():
    flagged, plain = _terms("双方自愿离婚"), _terms("赔偿损失")
    assert confirmation_warning(DisputeType.MARRIAGE_FAMILY, flagged, decision=True) is None
    assert confirmation_warning(DisputeType.NEIGHBOUR, plain, decision=False) == NOT_CONFIRMABLE_WARNING
    assert confirmation_warning(DisputeType.MARRIAGE_FAMILY, plain) == FAMILY_HINT


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
