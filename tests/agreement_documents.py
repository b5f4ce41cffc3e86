"""The long 人民调解协议书 that the PDF, the Word copy (printed by LibreOffice) and the line-breaking tests
each lay out: twelve parties, 6,000 characters of facts and a clause for every respondent, made once here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from tests.helpers import individual, make_id_number, organisation
from xinye_desktop.domain.agreement import ClauseInput, PaymentMeans, PaymentMode
from xinye_desktop.domain.enums import PartyRole, Sex

RARE_NAME = "张\U0002020C华"  # 𠈌, CJK Ext. B: not in Noto Sans SC
LONG_NAME = "新野县上港乡东王庄村股份经济合作社第三村民小组集体经济组织"  # 29 characters, 3 lines with its role
LONGEST_NAME = (LONG_NAME + "与新野县王庄镇王庄村农机专业合作社联合体筹备工作领导小组办公室")[:60]  # the most a name may have
OTHER_NAMES = ["李秀英", "赵大海", "孙小梅", "周建国", "吴桂兰", "郑国强", "冯玉兰", "陈志刚"]


def people_of(names: list[str], roles: list[PartyRole]) -> list:
    """Individuals, women and men in turn, each with an ID number of their own."""
    return [individual(name, Sex.MALE if n % 2 else Sex.FEMALE,
                       make_id_number(dt.date(1960 + n, 1, 1 + n), 2 * n + 1 + (0 if n % 2 else 1)), role=role)
            for n, (name, role) in enumerate(zip(names, roles))]


def ten_people_and_two_long_named_organisations(applicant: str) -> list:
    """``applicant`` and 张𠈌华 first among 10 individuals (4 applicants, 6 respondents), LONG_NAME second as an
    applicant and LONGEST_NAME last as a third party."""
    names = [applicant, RARE_NAME, *OTHER_NAMES]
    parties = people_of(names, [PartyRole.APPLICANT] * 4 + [PartyRole.RESPONDENT] * 6)
    parties.insert(1, organisation(LONG_NAME, role=PartyRole.APPLICANT))
    parties.append(organisation(LONGEST_NAME, role=PartyRole.THIRD_PARTY))
    return parties


def long_facts() -> str:
    """6,000 characters of facts in many paragraphs, naming 张𠈌华 and 王㛃."""
    piece = f"2026年3月，{RARE_NAME}翻建院墙时越过两家宅基地界线约半米（“滴水”之地），王㛃阻止施工，双方发生争执，院墙被推倒两米多，砖块损坏。"
    return "\n".join(f"第{n}段：" + piece * (1 + n % 3) for n in range(1, 200))[:6000]


def clause_per_party(amount: Callable[[int], str] = lambda n: str(1000 * n)) -> list[ClauseInput]:
    """Parties 2 to 12 each pay party 1 ``amount(n)`` yuan for 赔偿第n项损失, in cash, by 2026-05-15."""
    return [ClauseInput(n, 1, f"赔偿第{n}项损失", amount(n), PaymentMode.LUMP_SUM, PaymentMeans.CASH, "2026-05-15")
            for n in range(2, 13)]
