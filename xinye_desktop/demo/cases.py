"""The demo's cases: the dispute stories, the states a case can be in and how often, the showcase (the
newest cases, one per state worth seeing), and the case and party rows with their registration history."""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain.case_number import DEFAULT_PREFIX, format_case_number
from ..domain.enums import (
    CaseSource, CaseStatus, ConfirmationStatus, DisputeType, PartyKind, PartyRole, PerformanceStatus, Sex,
)
from ..domain.screening import ScreeningAnswers, screen
from ..domain.search import name_initials
from .people import ORGANISATIONS, DemoGenerator, make_id_number, occupation_for

if TYPE_CHECKING:
    from ..storage.bulk import BulkTables

# Each type: facts template, applicant's claims, respondent's claims. {a} {b} are the parties.
CASE_STORIES = {
    DisputeType.MARRIAGE_FAMILY: (
        "{a}与{b}系夫妻，结婚十余年。近年因{b}长期外出务工、家庭开支和子女抚养问题多次争吵，{a}回娘家居住已两月，双方就是否继续共同生活、子女由谁照顾发生争执。",
        "要求{b}每月按时给付子女生活费，家务和照顾老人由双方共同承担。", "希望{a}回家共同生活，家庭收支由双方商量。"),
    DisputeType.NEIGHBOUR: (
        "{a}与{b}系同组邻居。{b}在两家之间的过道上长期堆放柴草和杂物，{a}认为影响通行并有火灾隐患，多次协商未果，双方发生口角，关系紧张。",
        "要求{b}清理过道上的柴草杂物，保证通行。", "同意清理，但要求{a}家的排水沟不得向其院墙方向排水。"),
    DisputeType.HOUSING_HOMESTEAD: (
        "{a}翻建房屋时，{b}认为新建院墙超出原宅基地界线约0.5米，占用其宅基地，双方多次争吵，{b}阻止施工。",
        "要求按原宅基地使用证确定的四至继续施工。", "要求{a}拆除越界部分院墙，恢复原界线。"),
    DisputeType.CONTRACT: (
        "{b}于去年收购{a}的小麦约八千斤，约定夏收后一个月内付清货款，至今尚欠货款一万二千元未付，{a}多次催要无果。",
        "要求{b}一次性付清所欠货款一万二千元。", "承认欠款，因资金周转困难，请求分期支付。"),
    DisputeType.PRODUCTION_BUSINESS: (
        "{a}与{b}合伙经营蔬菜大棚三年，因今年棚膜损坏的维修费用分担和销售款分配问题产生分歧，{b}拒绝按约定比例分配销售款。",
        "要求按合伙协议约定的比例分配今年的销售款。", "要求先扣除其垫付的维修费用后再分配。"),
    DisputeType.DAMAGES: (
        "{b}家饲养的羊群进入{a}承包的花生地，啃食、践踏花生约一亩，{a}要求赔偿，双方对损失数额争执不下。",
        "要求{b}赔偿花生损失三千元。", "同意赔偿，但认为实际损失不超过一千五百元。"),
    DisputeType.FOREST_LAND: (
        "{a}与{b}承包地相邻，因地界埋设的界桩缺失，双方对地界位置各执一词，{b}在耕种时将界沟填平，{a}认为其多种了约三分地。",
        "要求按土地承包经营权证重新确定地界并恢复界沟。", "认为现有耕种范围符合当年分地时的界线。"),
    DisputeType.EXPROPRIATION: (
        "村里修建道路占用{a}承包地约0.8亩，{a}对青苗补偿款的计算方法有异议，认为漏算了地上的果树，与负责补偿登记的{b}发生争执。",
        "要求重新核实地上附着物，补发果树补偿款。", "同意会同村委会重新核实，按标准补发。"),
    DisputeType.POLLUTION: (
        "{b}经营的养殖场距{a}家约五十米，养殖粪污未经处理直接排入沟渠，气味较大，夏季蚊蝇多，{a}多次反映未得到解决。",
        "要求{b}建设粪污处理设施，停止直排。", "同意整改，请求给予三个月的整改期限。"),
    DisputeType.LABOUR: (
        "{a}在{b}处从事建筑劳务四个月，约定日工资二百元，工程结束后{b}以工程款未结清为由，拖欠{a}工资九千六百元。",
        "要求{b}支付拖欠的工资九千六百元。", "承认拖欠，待工程款到位后支付。"),
    DisputeType.CONSUMER: (
        "{a}在{b}处购买电动三轮车一辆，使用不到一个月电池即无法充电，{a}要求退换，{b}认为是使用不当造成，拒绝退换。",
        "要求{b}更换电池或退货。", "同意免费检测，属于质量问题的予以更换。"),
    DisputeType.MEDICAL: (
        "{a}在{b}经营的村卫生室输液后出现皮疹、心慌等不适，转县医院治疗花费医疗费二千八百元，{a}认为是卫生室用药不当所致。",
        "要求{b}承担全部医疗费二千八百元及误工费。", "认为已尽告知义务，同意适当补偿。"),
    DisputeType.TRAFFIC: (
        "{b}驾驶农用三轮车在村道上与{a}骑行的电动自行车相撞，造成{a}左腿骨折，住院治疗二十天，双方对赔偿数额有争议。",
        "要求{b}赔偿医疗费、误工费、护理费等共计二万六千元。", "同意赔偿，但认为{a}逆向行驶也有责任。"),
    DisputeType.PROPERTY_MANAGEMENT: (
        "{a}居住的小区由{b}提供物业服务，{a}认为小区路灯长期损坏、垃圾清运不及时，拒绝缴纳物业费，{b}多次催缴并停止为其车辆办理门禁卡。",
        "要求{b}修复路灯、及时清运垃圾，恢复门禁卡。", "要求{a}补缴一年的物业费。"),
    DisputeType.OTHER: (
        "{a}与{b}因婚礼随礼和借用桌椅损坏的赔偿问题发生争执，双方互不相让，在村里造成不良影响。",
        "要求{b}赔偿损坏的桌椅。", "认为桌椅本已陈旧，不同意全额赔偿。"),
}
OTHER_TYPE_NOTES = ("红白事纠纷", "借用物品纠纷", "村务管理纠纷")
# The county's local dispute types (纠纷类型细目, domain/dispute_types.py), as its return packages send them:
# the demo village holds them as one that imported a return, and its 村务管理纠纷 cases are of the last one.
LOCAL_DISPUTE_TYPES = [("继承纠纷", "婚姻家庭纠纷"), ("赡养纠纷", "婚姻家庭纠纷"), ("土地承包经营纠纷", "山林土地纠纷"),
                       ("村务管理纠纷", "其他纠纷")]
REJECTION_SCENARIOS = (
    ScreeningAnswers(in_court=True), ScreeningAnswers(party_refuses=True), ScreeningAnswers(criminal=True),
    ScreeningAnswers(in_police=True), ScreeningAnswers(in_arbitration=True),
)

# (status, performance, confirmation, weight) for cases older than three months. Performance and
# confirmation are aims: what the return visits and the court end up recording, as far as the dates
# allow (demo/aftercare.py), never set on the case directly.
SETTLED_STATES = (
    (CaseStatus.AGREEMENT_WRITTEN, PerformanceStatus.PERFORMED, None, 34),
    (CaseStatus.AGREEMENT_WRITTEN, PerformanceStatus.PERFORMED, ConfirmationStatus.CONFIRMED, 6),
    (CaseStatus.AGREEMENT_WRITTEN, PerformanceStatus.PARTIAL, None, 4),
    (CaseStatus.AGREEMENT_WRITTEN, PerformanceStatus.NOT_PERFORMED, None, 2),
    (CaseStatus.AGREEMENT_WRITTEN, PerformanceStatus.NOT_PERFORMED, ConfirmationStatus.REFUSED, 1),
    (CaseStatus.AGREEMENT_WRITTEN, PerformanceStatus.PERFORMING, ConfirmationStatus.CONFIRMED, 2),
    (CaseStatus.AGREEMENT_ORAL, PerformanceStatus.PERFORMED, None, 22),
    (CaseStatus.AGREEMENT_ORAL, PerformanceStatus.NOT_PERFORMED, None, 1),
    (CaseStatus.TERMINATED, None, None, 8),
    (CaseStatus.REJECTED, None, None, 3),
)
# For recent cases: still open, or just settled.
RECENT_STATES = (
    (CaseStatus.ACCEPTED, None, None, 20),
    (CaseStatus.MEDIATING, None, None, 25),
    (CaseStatus.AGREEMENT_WRITTEN, PerformanceStatus.PERFORMING, None, 18),
    (CaseStatus.AGREEMENT_WRITTEN, PerformanceStatus.PERFORMING, ConfirmationStatus.APPLIED, 5),
    (CaseStatus.AGREEMENT_WRITTEN, PerformanceStatus.PERFORMED, None, 8),
    (CaseStatus.AGREEMENT_ORAL, PerformanceStatus.PERFORMING, None, 10),
    (CaseStatus.TERMINATED, None, None, 5),
    (CaseStatus.REJECTED, None, None, 3),
)


@dataclass(frozen=True)
class Showcase:
    """One of the newest cases, made to show a state (its after-care: demo.showcase.LIVES[key]).
    ``age``: days from its concluding sitting to today; for a case still open (or rejected at the
    door), from its registration."""

    key: str
    status: CaseStatus
    age: int
    dtype: DisputeType | None = None
    parties: int | None = None
    open_scenario: str | None = None


# How far the choice of 明白人 has gone in a case that is accepted but not yet mediated; the showcase
# has one accepted case at each point, the other accepted cases draw one at random.
OPEN_SCENARIOS = ("none", "pending", "refused_then_pending", "chosen_no_host", "ad_hoc", "conflict",
                  "recused_then_pending", "ready")
W, O = CaseStatus.AGREEMENT_WRITTEN, CaseStatus.AGREEMENT_ORAL
# In order of importance: a demo of N cases has the first N (and random cases only beyond them).
SHOWCASES = (
    Showcase("window_open", W, 6),
    Showcase("oral_recent", O, 8),
    Showcase("big_printed", W, 2, DisputeType.FOREST_LAND, parties=12),
    Showcase("draft", W, 1),
    Showcase("mediating_adjourned", CaseStatus.MEDIATING, 12),
    *(Showcase(f"accepted_{s}", CaseStatus.ACCEPTED, i, open_scenario=s) for i, s in enumerate(OPEN_SCENARIOS)),
    Showcase("terminated_refusing", CaseStatus.TERMINATED, 20),
    Showcase("rejected", CaseStatus.REJECTED, 15),
    Showcase("window_closing", W, 28),
    Showcase("expired_overdue", W, 45),
    Showcase("applied_scan", W, 20),
    Showcase("superseded", W, 16),
    Showcase("revising", W, 10),
    Showcase("not_eligible", W, 14, DisputeType.MARRIAGE_FAMILY),
    Showcase("confirmed", W, 75),
    Showcase("refused", W, 95),
    Showcase("performed", W, 60),
    Showcase("partial", W, 80),
    Showcase("not_performed", W, 65),
    Showcase("called_off", W, 40),
    Showcase("oral_overdue", O, 33),
    Showcase("oral_performed", O, 50),
    Showcase("oral_not_performed", O, 70),
    Showcase("mediating", CaseStatus.MEDIATING, 3),
    Showcase("terminated_after_two", CaseStatus.TERMINATED, 40),
    Showcase("agreement_pending", W, 0),
    Showcase("printed", W, 4),
)
# Showcases whose last sitting SessionService finishes (the bulk writer leaves it open).
CONCLUDED = (CaseStatus.AGREEMENT_WRITTEN, CaseStatus.AGREEMENT_ORAL, CaseStatus.TERMINATED)


@dataclass(frozen=True)
class CasePlan:
    """What a case is to become: its status, and (for an agreement) the after-care aims."""

    status: CaseStatus
    performance: PerformanceStatus | None = None
    confirmation: ConfirmationStatus | None = None
    showcase: Showcase | None = None


def _received_for(show: Showcase, today: dt.date) -> dt.date:
    """The registration day that puts a showcase's concluding sitting ``age`` days back: its sittings are
    held the day after registration (a week apart when the first was adjourned)."""
    back = show.age
    if show.status in CONCLUDED:
        back += 1 + (7 if show.key == "terminated_after_two" else 0)
    return today - dt.timedelta(days=back)


TYPE_WEIGHTS = {
    DisputeType.NEIGHBOUR: 22, DisputeType.MARRIAGE_FAMILY: 18, DisputeType.HOUSING_HOMESTEAD: 14,
    DisputeType.FOREST_LAND: 10, DisputeType.DAMAGES: 8, DisputeType.CONTRACT: 7, DisputeType.LABOUR: 5,
    DisputeType.TRAFFIC: 4, DisputeType.PRODUCTION_BUSINESS: 3, DisputeType.EXPROPRIATION: 2,
    DisputeType.POLLUTION: 2, DisputeType.CONSUMER: 2, DisputeType.MEDICAL: 1, DisputeType.PROPERTY_MANAGEMENT: 1,
    DisputeType.OTHER: 1,
}
SOURCE_WEIGHTS = {
    CaseSource.PARTY_APPLICATION: 55, CaseSource.COMMITTEE_INITIATIVE: 30, CaseSource.POLICE_REFERRAL: 8,
    CaseSource.COURT_ENTRUSTED: 5, CaseSource.OTHER: 2,
}



def _weighted(rng: random.Random, options):
    return rng.choices(options, weights=[o[-1] for o in options])[0]



# Names with characters the main font lacks: 㛃 (CJK Ext A) and 𠈌 (Ext B).
RARE_NAMES = {3: ("王㛃", Sex.FEMALE), 7: ("张𠈌华", Sex.MALE)}


def parties_by_case(party_rows: list[dict]) -> dict[int, list[dict]]:
    """case id -> its party rows, in order."""
    parties_of: dict[int, list[dict]] = {}
    for row in party_rows:
        parties_of.setdefault(row["case_id"], []).append(row)
    return parties_of


def add_cases(tables: BulkTables, gen: DemoGenerator, all_villages, cases: int, now: dt.datetime,
              years: int = 3):
    """``cases`` cases: the first of SHOWCASES, then random ones over the last ``years`` years, numbered in
    registration order after those on file, with their parties and the history line that registered
    them. Returns (case rows, party rows, plans: case id -> what the case is to become)."""
    rng, today = gen.rng, gen.today
    prefix = tables.setting("case_prefix") or DEFAULT_PREFIX
    case_start = tables.next_id("cases")
    seq_by_year = tables.case_sequences()
    types, type_w = list(TYPE_WEIGHTS), list(TYPE_WEIGHTS.values())
    sources, source_w = list(SOURCE_WEIGHTS), list(SOURCE_WEIGHTS.values())
    span_days = max(1, years) * 365
    showcases = SHOWCASES[:cases]
    drawn = [today - dt.timedelta(days=rng.randrange(0, span_days)) for _ in range(cases - len(showcases))]
    # Registration order is date order (the numbers are issued as cases come in).
    schedule = sorted([(_received_for(show, today), 0, i, show) for i, show in enumerate(showcases)]
                      + [(day, 1, i, None) for i, day in enumerate(drawn)], key=lambda item: item[:3])
    # Every dispute type appears at least once, whatever N is.
    unused_types = [t for t in DisputeType if t not in {show.dtype for show in showcases}]

    case_rows, party_rows, history_rows = [], [], []
    plans: dict[int, CasePlan] = {}
    party_start = tables.next_id("parties")
    for i, (received, _kind, _index, show) in enumerate(schedule):
        case_id = case_start + i
        year = received.year
        seq_by_year[year] = seq_by_year.get(year, 0) + 1
        dtype = show.dtype if show and show.dtype else (
            unused_types.pop(0) if unused_types else rng.choices(types, type_w)[0])
        source = rng.choices(sources, source_w)[0]
        recent = (today - received).days < 90
        if show is not None:
            state = (show.status, None, None)
        else:
            state = _weighted(rng, RECENT_STATES if recent else SETTLED_STATES)
        # One showcase is a 12-household land dispute settled by a written agreement, with rare
        # characters in two names: the agreement's hardest layout.
        big = show is not None and show.parties == 12
        status, performance, confirmation = state[0], state[1], state[2]
        plans[case_id] = CasePlan(status, performance, confirmation, show)
        if show is not None and status in CONCLUDED:
            status = CaseStatus.MEDIATING  # until SessionService finishes its last sitting
        screening = ScreeningAnswers()
        if status is CaseStatus.REJECTED:
            screening = rng.choice(REJECTION_SCENARIOS)
            source = CaseSource.PARTY_APPLICATION
        elif source is CaseSource.POLICE_REFERRAL and rng.random() < 0.5:
            screening = ScreeningAnswers(in_police=True, public_security=rng.random() < 0.5)
        vid, township, village = rng.choice(all_villages)
        group = f"{rng.randrange(1, 12)}组"

        n_parties = 12 if big else (2 if rng.random() < 0.85 else rng.randrange(3, 5))
        names = []
        for position in range(n_parties):
            org_template = None
            if position == 1 and dtype in (DisputeType.LABOUR, DisputeType.PROPERTY_MANAGEMENT,
                                           DisputeType.POLLUTION, DisputeType.CONSUMER) and rng.random() < 0.6:
                org_template = rng.choice(ORGANISATIONS)
            role = (PartyRole.APPLICANT if position == 0 else
                    PartyRole.RESPONDENT if position == 1 else
                    rng.choice((PartyRole.APPLICANT, PartyRole.RESPONDENT, PartyRole.THIRD_PARTY)))
            row = {
                "id": party_start + len(party_rows),
                "uuid": str(uuid.uuid4()), "case_id": case_id, "position": position, "role": role.value,
                "claims": "", "withdrawn": False, "created_at": now, "updated_at": now,
                "legal_representative": "", "credit_code": "", "id_number": "", "ethnicity": "",
                "sex": None, "birth_date": None, "age": None,
            }
            if org_template and not big:
                rep, _sex, _birth = gen.person(min_age=35, max_age=60)
                org = org_template[0].format(town=township.removesuffix("镇").removesuffix("乡")
                                             .removesuffix("街道"), stem=village.removesuffix("村"))
                row.update(kind=PartyKind.ORGANISATION.value, name=org, occupation=org_template[1],
                           legal_representative=rep, address=f"新野县{township}{village}",
                           phone=gen.phone())
            else:
                # The marriage stories are told of a wife ({a}, who went back to her parents') and her
                # husband ({b}); the first two parties live in the case's group (同组邻居), others anywhere
                # in the village.
                wanted = None
                if dtype is DisputeType.MARRIAGE_FAMILY and position < 2:
                    wanted = Sex.FEMALE if position == 0 else Sex.MALE
                name, sex, birth = gen.person(wanted, min_age=22 if wanted else 20)
                if big and position in RARE_NAMES:
                    name, sex = RARE_NAMES[position]
                age = received.year - birth.year - ((received.month, received.day) < (birth.month, birth.day))
                home = group if position < 2 else f"{rng.randrange(1, 12)}组"
                row.update(kind=PartyKind.INDIVIDUAL.value, name=name, sex=sex.value,
                           ethnicity="回族" if rng.random() < 0.03 else "汉族",
                           birth_date=birth, age=age, occupation=occupation_for(rng, age),
                           address=f"新野县{township}{village}{home}{rng.randrange(1, 80)}号",
                           phone=gen.phone() if rng.random() < 0.95 else "",
                           id_number=make_id_number(rng, birth, sex) if rng.random() < 0.8 else "")
            row["name_initials"] = name_initials(row["name"])
            names.append(row["name"])
            party_rows.append(row)
        facts, claim_a, claim_b = CASE_STORIES[dtype]
        fmt = {"a": names[0], "b": names[1]}
        party_rows[-n_parties]["claims"] = claim_a.format(**fmt)
        party_rows[-n_parties + 1]["claims"] = claim_b.format(**fmt)
        result = screen(screening, source)
        created = dt.datetime.combine(received, dt.time(8 + rng.randrange(0, 9), rng.randrange(0, 60)))
        case_rows.append({
            "id": case_id, "uuid": str(uuid.uuid4()), "year": year, "sequence": seq_by_year[year],
            "case_number": format_case_number(year, prefix, seq_by_year[year]), "received_date": received,
            "source": source.value, "source_note": "网格员上报" if source is CaseSource.OTHER else "",
            "dispute_type": dtype.value,
            "dispute_type_note": rng.choice(OTHER_TYPE_NOTES) if dtype is DisputeType.OTHER else "",
            "village_id": vid, "group_name": group, "facts": facts.format(**fmt), "status": status.value,
            "rejection_reason": "\n".join(result.blocks),
            # Set by the after-care that follows (demo/aftercare.py), never up front.
            "performance_status": None, "confirmation_status": None,
            **{"screen_" + k: v for k, v in vars(screening).items()},
            "party_names": " ".join(names), "party_initials": " ".join(name_initials(n) for n in names),
            "created_by": "演示数据", "updated_by": "演示数据", "version": 1,
            "created_at": created, "updated_at": created,
        })
        history_rows.append({"case_id": case_id, "at": created, "operator": "演示数据", "action": "create",
                             "changes": json.dumps([])})
    if case_rows:
        tables.insert("cases", case_rows)
        tables.insert("parties", party_rows)
        tables.insert("case_history", history_rows)
    tables.set_case_sequences(seq_by_year)
    return case_rows, party_rows, plans
