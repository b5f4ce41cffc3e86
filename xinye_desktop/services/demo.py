"""Demo data for training and trying the app: 新野县 townships and villages, a 明白人 pool, and
cases of every dispute type and every state, with parties whose ID numbers pass the check.

Everything is generated from a seed, so the same command gives the same data. The newest cases, one
per state worth seeing (SHOWCASES), go through the app's own services after the rest is written;
every other case is bulk-inserted (one executemany per table, one transaction) by the same rules
(services/demo_aftercare.py), which keeps 100,000 cases at about a minute and a half of CPU.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from dataclasses import dataclass

from ..domain.case_number import DEFAULT_PREFIX, format_case_number
from ..domain.elders import default_term_end
from ..domain.enums import (
    CaseSource, CaseStatus, ConfirmationStatus, DisputeType, ElderIdentity, ElderSelection, PartyKind,
    PartyRole, PerformanceStatus, Sex,
)
from ..domain.screening import ScreeningAnswers, screen
from ..domain.search import name_initials
from ..domain.selection import ChoiceEnd
from ..storage.database import Database

XINYE_COUNTY_CODE = "411329"

# The townships (乡镇、街道) of 新野县.
TOWNSHIPS = (
    "汉城街道", "汉华街道", "城郊乡", "王庄镇", "沙堰镇", "新甸铺镇", "施庵镇", "歪子镇",
    "五星镇", "溧河铺镇", "王集镇", "樊集乡", "前高庙乡", "上庄乡", "上港乡",
)
# Village names of the kind found across the county (generated, not an official register).
VILLAGE_STEMS = (
    "王庄", "李湾", "张楼", "赵营", "刘岗", "陈庄", "杨集", "黄营", "周湾", "吴庄", "孙岗", "马庄",
    "朱楼", "胡营", "郭庄", "何湾", "高庄", "罗营", "宋庄", "梁湾", "韩岗", "唐庄", "冯营", "邓楼",
    "曹庄", "彭湾", "曾营", "肖庄", "田岗", "董楼", "袁庄", "潘营", "蒋湾", "蔡庄", "余岗", "杜楼",
    "叶营", "程庄", "魏湾", "苏岗", "吕庄", "丁营", "任楼", "沈庄", "姚湾", "卢岗", "姜庄", "崔营",
    "钟楼", "谭庄", "陆湾", "汪岗", "范庄", "金营", "石楼", "廖庄", "贾湾", "夏岗", "付庄", "方营",
)
SURNAMES = (
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭",
    "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅",
    "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "余", "潘", "杜", "戴",
    "夏", "钟", "汪", "田", "任", "姜", "范", "方", "石", "姚", "谭", "廖", "邹", "熊", "金", "陆", "郝", "孔",
)
MALE_GIVEN = (
    "建国", "国强", "志强", "春生", "德明", "保国", "新民", "长林", "卫东", "金山", "永华", "振华", "海涛",
    "明亮", "玉林", "文斌", "红军", "全喜", "富贵", "铁柱", "二虎", "三军", "占山", "书成", "继红", "子豪",
    "浩然", "宇轩", "俊杰", "伟", "勇", "军", "磊", "涛", "斌", "强", "鹏", "刚", "平", "辉",
)
FEMALE_GIVEN = (
    "秀英", "桂兰", "玉兰", "秀兰", "凤英", "桂英", "淑珍", "玉梅", "春花", "小红", "丽娟", "艳丽", "海燕",
    "翠萍", "彩云", "金凤", "爱荣", "巧云", "素芳", "慧敏", "雅静", "梦瑶", "欣怡", "芳", "娟", "敏", "静",
    "丽", "霞", "燕", "萍", "红", "玲", "琴",
)
OCCUPATIONS = ("农民", "农民", "农民", "务工", "个体经营", "教师", "司机", "养殖户", "退休", "村干部", "学生", "无业")


def occupation_for(rng: random.Random, age: int) -> str:
    """An occupation a person of that age has: no 74-year-old 学生, no 30-year-old 退休."""
    if age < 23:
        return rng.choice(("学生", "学生", "务工", "农民"))
    if age >= 60:
        return rng.choice(("农民", "农民", "退休", "养殖户", "无业"))
    return rng.choice([o for o in OCCUPATIONS if o not in ("学生", "退休")])
ORGANISATIONS = (
    ("新野县{town}{stem}农机专业合作社", "农机作业"), ("新野县{stem}建筑劳务有限公司", "建筑施工"),
    ("新野县{town}{stem}养殖场", "生猪养殖"), ("新野县{stem}纺织有限公司", "纺织"),
    ("新野县{town}{stem}超市", "零售"), ("新野县{stem}物业服务有限公司", "物业服务"),
)

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
REJECTION_SCENARIOS = (
    ScreeningAnswers(in_court=True), ScreeningAnswers(party_refuses=True), ScreeningAnswers(criminal=True),
    ScreeningAnswers(in_police=True), ScreeningAnswers(in_arbitration=True),
)

# (status, performance, confirmation, weight) for cases older than three months. Performance and
# confirmation are aims: what the return visits and the court end up recording, as far as the dates
# allow (services/demo_aftercare.py), never set on the case directly.
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
    """One of the newest cases, made to show a state (its after-care: demo_aftercare.LIVES[key]).
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


@dataclass(frozen=True)
class DemoSummary:
    villages: int
    elders: int
    cases: int
    parties: int


class DemoRefused(Exception):
    """The database already holds cases; demo data is never mixed into real records."""


def make_id_number(rng: random.Random, birth: dt.date, sex: Sex) -> str:
    """A number that passes GB 11643: Xinye's county code, the birth date, a sequence whose
    parity gives the sex, and the MOD 11-2 check character."""
    from stdnum.cn import ric

    seq = rng.randrange(0, 500) * 2 + (1 if sex is Sex.MALE else 0)
    body = f"{XINYE_COUNTY_CODE}{birth:%Y%m%d}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")


def _weighted(rng: random.Random, options):
    return rng.choices(options, weights=[o[-1] for o in options])[0]


class DemoGenerator:
    def __init__(self, seed: int = 2026, today: dt.date | None = None):
        self.rng = random.Random(seed)
        self.today = today or dt.date.today()

    def person(self, sex: Sex | None = None, min_age: int = 20, max_age: int = 80):
        rng = self.rng
        sex = sex or rng.choice((Sex.MALE, Sex.FEMALE))
        given = rng.choice(MALE_GIVEN if sex is Sex.MALE else FEMALE_GIVEN)
        name = rng.choice(SURNAMES) + given
        age_days = rng.randrange(min_age * 365, max_age * 365)
        birth = self.today - dt.timedelta(days=age_days)
        return name, sex, birth

    def phone(self) -> str:
        rng = self.rng
        if rng.random() < 0.08:
            return f"0377-66{rng.randrange(100000, 999999)}"
        prefix = rng.choice(("130", "132", "135", "137", "138", "139", "150", "152", "155", "157", "158",
                             "166", "173", "177", "180", "183", "186", "187", "189", "191", "198", "199"))
        return prefix + f"{rng.randrange(0, 10**8):08d}"


def generate(db: Database, cases: int = 300, seed: int = 2026, today: dt.date | None = None,
             allow_existing: bool = False) -> DemoSummary:
    """Fill the database with demo data: the bulk in one transaction, then the showcase cases one
    service call at a time, then a few case files' documents."""
    from sqlalchemy import func, insert, select

    from ..storage.records import (
        CaseHistoryRecord, CaseRecord, CaseSequenceRecord, ElderRecord, PartyRecord, SettingRecord, VillageRecord,
    )

    db.ensure_schema()
    gen = DemoGenerator(seed, today)
    rng, today = gen.rng, gen.today
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)

    with db.engine.begin() as conn:
        if conn.scalar(select(func.count()).select_from(CaseRecord)) and not allow_existing:
            raise DemoRefused()
        village_start = (conn.scalar(select(func.max(VillageRecord.id))) or 0) + 1
        villages = []
        for t_index, township in enumerate(TOWNSHIPS):
            for stem in VILLAGE_STEMS[(t_index * 4) % len(VILLAGE_STEMS):][:4]:
                villages.append({"id": village_start + len(villages), "uuid": str(uuid.uuid4()),
                                 "township": township, "name": stem + "村", "created_at": now, "updated_at": now})
        existing = set(conn.execute(select(VillageRecord.township, VillageRecord.name)).all())
        villages = [v for v in villages if (v["township"], v["name"]) not in existing]
        if villages:
            conn.execute(insert(VillageRecord), villages)
        all_villages = conn.execute(select(VillageRecord.id, VillageRecord.township, VillageRecord.name)).all()

        elders = []
        elder_start = (conn.scalar(select(func.max(ElderRecord.id))) or 0) + 1
        identities = list(ElderIdentity)
        for vid, _township, _name in all_villages:
            # The village meeting that chose the current pool (a three-year term, Art. 9), and the
            # one before it: a few elders of that earlier term were not chosen again, and are either
            # retired from the pool or still listed with their term over, waiting for the committee.
            term_start = today - dt.timedelta(days=rng.randrange(60, 3 * 365 - 60))
            earlier = term_start.replace(year=term_start.year - 3) if (term_start.month, term_start.day) != (2, 29) \
                else term_start.replace(year=term_start.year - 3, day=28)
            for _ in range(rng.randrange(4, 8)):
                name, sex, birth = gen.person(Sex.MALE if rng.random() < 0.8 else Sex.FEMALE, 55, 82)
                identity = rng.choice(identities)
                roll = rng.random()
                retired, over = roll < 0.05, 0.05 <= roll < 0.13
                reason = rng.choice(("任期届满未连任", "年老体弱，本人申请退出", "迁往县城居住")) if retired else ""
                selected = earlier if over or reason == "任期届满未连任" else term_start + dt.timedelta(
                    days=rng.randrange(0, 20))
                selected = min(selected, today)
                elders.append({
                    "id": elder_start + len(elders), "uuid": str(uuid.uuid4()), "village_id": vid, "name": name, "name_initials": name_initials(name),
                    "sex": sex.value, "birth_year": birth.year, "group_name": f"{rng.randrange(1, 12)}组",
                    "phone": gen.phone(), "identity": identity.value,
                    "identity_note": "村医" if identity is ElderIdentity.OTHER else "",
                    "selection": rng.choice(list(ElderSelection)).value, "selected_on": selected,
                    "term_end": default_term_end(selected),
                    "specialties": ",".join(t.value for t in rng.sample(list(DisputeType)[:-1], 2)),
                    "notes": "", "retired": retired, "retired_reason": reason, "ad_hoc": False,
                    "created_at": now, "updated_at": now,
                })
        conn.execute(insert(ElderRecord), elders)

        prefix = conn.scalar(select(SettingRecord.value).where(SettingRecord.key == "case_prefix")) or DEFAULT_PREFIX
        case_start = (conn.scalar(select(func.max(CaseRecord.id))) or 0) + 1
        seq_by_year = dict(conn.execute(select(CaseSequenceRecord.year, CaseSequenceRecord.last_number)).all())
        types, type_w = list(TYPE_WEIGHTS), list(TYPE_WEIGHTS.values())
        sources, source_w = list(SOURCE_WEIGHTS), list(SOURCE_WEIGHTS.values())
        span_days = 3 * 365
        showcases = SHOWCASES[:cases]
        drawn = [today - dt.timedelta(days=rng.randrange(0, span_days)) for _ in range(cases - len(showcases))]
        # Registration order is date order (the numbers are issued as cases come in).
        schedule = sorted([(_received_for(show, today), 0, i, show) for i, show in enumerate(showcases)]
                          + [(day, 1, i, None) for i, day in enumerate(drawn)], key=lambda item: item[:3])
        # Every dispute type appears at least once, whatever N is.
        unused_types = [t for t in DisputeType if t not in {show.dtype for show in showcases}]

        case_rows, party_rows, history_rows = [], [], []
        plans: dict[int, CasePlan] = {}
        party_start = (conn.scalar(select(func.max(PartyRecord.id))) or 0) + 1
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
                # Set by the after-care that follows (services/demo_aftercare.py), never up front.
                "performance_status": None, "confirmation_status": None,
                **{"screen_" + k: v for k, v in vars(screening).items()},
                "party_names": " ".join(names), "party_initials": " ".join(name_initials(n) for n in names),
                "created_by": "演示数据", "updated_by": "演示数据", "version": 1,
                "created_at": created, "updated_at": created,
            })
            history_rows.append({"case_id": case_id, "at": created, "operator": "演示数据", "action": "create",
                                 "changes": json.dumps([])})
        if case_rows:
            conn.execute(insert(CaseRecord), case_rows)
            conn.execute(insert(PartyRecord), party_rows)
            conn.execute(insert(CaseHistoryRecord), history_rows)
        for year, last in seq_by_year.items():
            updated = conn.execute(CaseSequenceRecord.__table__.update()
                                   .where(CaseSequenceRecord.year == year).values(last_number=last))
            if updated.rowcount == 0:
                conn.execute(insert(CaseSequenceRecord).values(year=year, last_number=last))
        if not conn.scalar(select(SettingRecord.value).where(SettingRecord.key == "committee_name")):
            conn.execute(insert(SettingRecord), [
                {"key": "committee_name", "value": "新野县王庄镇王庄村人民调解委员会"},
                {"key": "operator", "value": "演示数据"},
            ])
        people_of, finish, concluded = _demo_choices(conn, gen, case_rows, party_rows, elders, all_villages, now,
                                                     plans)
        _bulk_aftercare(conn, gen, case_rows, party_rows, plans, concluded, people_of, now)
    _showcase(db, gen, plans, finish)
    from .demo_aftercare import archive_bulk_agreements

    archive_bulk_agreements(db, {row["id"] for row in case_rows})
    _demo_case_forms(db, {row["id"] for row in case_rows})
    _demo_prevention_and_canvasses(db, gen, case_start)
    return DemoSummary(len(all_villages), len(elders), len(case_rows), len(party_rows))


def _demo_choices(conn, gen: "DemoGenerator", case_rows, party_rows, elders, all_villages, now,
                  plans: dict[int, CasePlan]):
    """Role lists, and for each case the 明白人 proposals with every party's answer and the roles
    chosen, consistent with the case's status: settled cases had a chosen elder and two hosts.
    Then the sittings. Returns (people, finish, concluded): per case the names an agreement prints
    (hosts, chosen elders, witnesses, recorder), and the sittings as _demo_sittings returns them."""
    from sqlalchemy import func, insert, select

    from ..domain.elders import surname_of
    from ..domain.roles import HostKind, Role
    from ..storage.records import (
        CaseElderRecord, CaseHistoryRecord, CaseRoleRecord, ElderConsentRecord, ElderRecord, RolePersonRecord,
    )

    rng = gen.rng
    townships = sorted({t for _vid, t, _n in all_villages})
    people, by_village, by_township = [], {}, {}
    person_start = (conn.scalar(select(func.max(RolePersonRecord.id))) or 0) + 1

    def person(role, name, unit, post, kind=None):
        people.append({"id": person_start + len(people), "uuid": str(uuid.uuid4()), "role": role.value, "name": name,
                       "name_initials": name_initials(name), "unit": unit, "post": post,
                       "host_kind": kind.value if kind else None, "phone": gen.phone(), "retired": False,
                       "created_at": now, "updated_at": now})
        return people[-1]["id"]

    for township in townships:
        town = township.removesuffix("街道")
        by_township[township] = {
            "police": person(Role.HOST, gen.person(min_age=28, max_age=50)[0], f"新野县公安局{town}派出所", "民警",
                             HostKind.LINK_POLICE),
            "cadre": person(Role.HOST, gen.person(min_age=30, max_age=55)[0], f"{township}人民政府", "副镇长",
                            HostKind.TOWNSHIP_CADRE),
            "witnesses": [person(Role.WITNESS, gen.person(min_age=28, max_age=55)[0], f"{town}{dept}", post)
                          for dept, post in (("司法所", "所长"), ("国土资源所", "工作人员"), ("农业服务中心", "主任"))],
        }
    for vid, township, village in all_villages:
        by_village[vid] = {
            "cadre": person(Role.HOST, gen.person(min_age=35, max_age=60)[0], f"{township}{village}村民委员会",
                            rng.choice(("村支书", "村委会主任")), HostKind.VILLAGE_CADRE),
            "recorder": person(Role.RECORDER, gen.person(min_age=25, max_age=55)[0], f"{township}{village}村民委员会",
                               "村文书"),
        }
    people[-1]["retired"] = True  # one recorder has left the job: kept, no longer offered
    conn.execute(insert(RolePersonRecord), people)

    pool: dict[int, list[dict]] = {}
    for elder in elders:
        if not elder["retired"]:
            pool.setdefault(elder["village_id"], []).append(elder)
    all_active = [e for e in elders if not e["retired"]]
    township_of = {vid: t for vid, t, _n in all_villages}
    parties_of: dict[int, list[dict]] = {}
    for row in party_rows:
        parties_of.setdefault(row["case_id"], []).append(row)

    choice_start = (conn.scalar(select(func.max(CaseElderRecord.id))) or 0) + 1
    ad_hoc_start = (conn.scalar(select(func.max(ElderRecord.id))) or 0) + 1
    choices, consents, roles, ad_hoc, history = [], [], [], [], []

    def propose(case, elder, parties, proposer, at, *, answers, reason="", ended=None, ended_by=None,
                ended_reason="", conflict_note=""):
        choice_id = choice_start + len(choices)
        choices.append({"id": choice_id, "uuid": str(uuid.uuid4()), "case_id": case["id"], "elder_id": elder["id"],
                        "proposed_by_party_id": proposer, "confirmed_conflicts": "",
                        "conflict_note": conflict_note, "ended": ended, "ended_by_party_id": ended_by,
                        "ended_reason": ended_reason, "ended_at": at + dt.timedelta(hours=2) if ended else None,
                        "created_at": at, "updated_at": at})
        for party, answer in zip(parties, answers):
            consents.append({"case_elder_id": choice_id, "party_id": party["id"], "decision": answer,
                             "reason": reason if answer == "refused" else "", "relation": "",
                             "decided_at": None if answer == "pending" else at + dt.timedelta(minutes=30)})
        who = next((p["name"] for p in parties if p["id"] == proposer), "调委会")
        history.append({"case_id": case["id"], "at": at, "operator": "演示数据", "action": "elder_propose",
                        "changes": json.dumps([["提名明白人", "", f"{elder['name']}（{who}提名）"]], ensure_ascii=False)})
        return choice_id

    def pick(case, exclude=()):
        # Nobody sharing a party's surname: the demo's settled cases have no unconfirmed conflict.
        # Nobody whose term had ended when the parties chose (they may, but the demo's pool is kept up).
        surnames = {surname_of(p["name"]) for p in parties_of[case["id"]] if p["kind"] == "individual"}
        day = case["received_date"]

        def fits(e):
            return e["id"] not in exclude and surname_of(e["name"]) not in surnames and e["term_end"] >= day

        local = [e for e in pool.get(case["village_id"], []) if fits(e)]
        candidates = local or [e for e in all_active if fits(e)]
        knowing = [e for e in candidates if case["dispute_type"] in e["specialties"].split(",")]
        return rng.choice(knowing or candidates)

    def assign(case, at, *, hosts=True, recorder=True, witness=False):
        vid = case["village_id"]
        chosen = []
        if hosts:
            chosen += [by_village[vid]["cadre"], by_township[township_of[vid]]["police"]]
        if recorder:
            chosen.append(by_village[vid]["recorder"])
        if witness:
            chosen.append(rng.choice(by_township[township_of[vid]]["witnesses"]))
        for position, person_id in enumerate(chosen):
            roles.append({"case_id": case["id"], "person_id": person_id, "position": position, "added_at": at})

    for case in case_rows:
        plan = plans[case["id"]]
        status = plan.status.value
        if status == CaseStatus.REJECTED.value:
            continue
        parties = parties_of[case["id"]]
        applicant = parties[0]["id"]
        at = case["created_at"] + dt.timedelta(days=1)
        all_agree = ["agreed"] * len(parties)
        if status == CaseStatus.ACCEPTED.value:
            scenario = plan.showcase.open_scenario if plan.showcase else rng.choice(OPEN_SCENARIOS)
            if scenario == "none":
                continue
            first = pick(case)
            if scenario == "pending":
                propose(case, first, parties, applicant, at, answers=["agreed"] + ["pending"] * (len(parties) - 1))
                assign(case, at, recorder=False)
            elif scenario == "refused_then_pending":
                respondent = parties[1]["id"]
                propose(case, first, parties, applicant, at, answers=["agreed", "refused"] + ["pending"] * (len(parties) - 2),
                        reason=rng.choice(("与申请人是同一个生产队的，怕有偏向", "以前处理过我家的事，不公道")))
                second = pick(case, exclude={first["id"]})
                propose(case, second, parties, respondent, at + dt.timedelta(hours=1),
                        answers=["pending", "agreed"] + ["pending"] * (len(parties) - 2))
                assign(case, at)
            elif scenario == "chosen_no_host":
                propose(case, first, parties, None, at, answers=all_agree)
            elif scenario == "ad_hoc":
                name, sex, birth = gen.person(Sex.MALE, 58, 78)
                ad_hoc.append({"id": ad_hoc_start + len(ad_hoc), "uuid": str(uuid.uuid4()),
                               "village_id": case["village_id"], "name": name, "name_initials": name_initials(name),
                               "sex": sex.value, "birth_year": birth.year, "group_name": case["group_name"],
                               "phone": gen.phone(), "identity": ElderIdentity.OTHER.value,
                               "identity_note": "退休乡村医生", "selection": None, "selected_on": None,
                               "term_end": None, "specialties": case["dispute_type"], "notes": "双方共同推举，一事一议",
                               "retired": False, "retired_reason": "", "ad_hoc": True,
                               "created_at": now, "updated_at": now})
                propose(case, ad_hoc[-1], parties, applicant, at, answers=all_agree)
                assign(case, at, witness=True)
            elif scenario == "conflict":
                # An elder with a party's surname in the party's village: flagged, not yet confirmed.
                surname = surname_of(parties[0]["name"])
                same = [e for e in pool.get(case["village_id"], []) if surname_of(e["name"]) == surname]
                propose(case, same[0] if same else first, parties, None, at, answers=all_agree)
                if not same:  # no namesake in the pool: a declared relation raises the same question
                    consents[-len(parties)]["relation"] = "同族亲戚"
                assign(case, at)
            elif scenario == "recused_then_pending":
                propose(case, first, parties, applicant, at, answers=all_agree, ended=ChoiceEnd.RECUSED.value,
                        ended_by=None, ended_reason="本人与被申请人是表亲，主动申请回避")
                second = pick(case, exclude={first["id"]})
                propose(case, second, parties, None, at + dt.timedelta(hours=3),
                        answers=["agreed"] + ["pending"] * (len(parties) - 1))
                assign(case, at)
            else:  # ready: chosen, both hosts, recorder and a witness
                propose(case, first, parties, applicant, at, answers=all_agree)
                assign(case, at, witness=True)
            continue
        # Mediating or settled: a 明白人 every party agreed to, two hosts and the recorder.
        roll = rng.random()
        first = pick(case)
        if roll < 0.15 and len(parties) >= 2:
            propose(case, first, parties, applicant, at, answers=["agreed", "refused"] + ["agreed"] * (len(parties) - 2),
                    reason="觉得他和对方走得近")
            propose(case, pick(case, exclude={first["id"]}), parties, parties[1]["id"], at + dt.timedelta(hours=1),
                    answers=all_agree)
        elif roll < 0.2:
            propose(case, first, parties, applicant, at, answers=all_agree, ended=ChoiceEnd.RECUSED.value,
                    ended_by=parties[-1]["id"], ended_reason="认为其与对方有亲戚关系，申请回避")
            propose(case, pick(case, exclude={first["id"]}), parties, None, at + dt.timedelta(hours=3),
                    answers=all_agree)
        else:
            propose(case, first, parties, rng.choice([applicant, None]), at, answers=all_agree)
        assign(case, at, witness=rng.random() < 0.5)

    if ad_hoc:
        conn.execute(insert(ElderRecord), ad_hoc)
    if choices:
        conn.execute(insert(CaseElderRecord), choices)
        conn.execute(insert(ElderConsentRecord), consents)
    if roles:
        conn.execute(insert(CaseRoleRecord), roles)
    finish, concluded = _demo_sittings(conn, gen, case_rows, parties_of, roles, people, history, now,
                                       {vid: name for vid, _t, name in all_villages}, plans)
    if history:
        conn.execute(insert(CaseHistoryRecord), history)
    # What SelectionService.state gives an agreement: hosts, witnesses and recorder in the order they
    # were added; the 明白人 every party agreed to, in the order proposed.
    person = {p["id"]: p for p in people}
    names: dict[int, dict[str, list[str]]] = {}
    for r in sorted(roles, key=lambda r: (r["case_id"], r["position"])):
        role = person[r["person_id"]]["role"]
        key = {Role.HOST.value: "hosts", Role.WITNESS.value: "witnesses", Role.RECORDER.value: "recorder"}[role]
        names.setdefault(r["case_id"], {}).setdefault(key, []).append(person[r["person_id"]]["name"])
    elder_names = {e["id"]: e["name"] for e in elders + ad_hoc}
    answers: dict[int, set[str]] = {}
    for consent in consents:
        answers.setdefault(consent["case_elder_id"], set()).add(consent["decision"])
    for choice in sorted(choices, key=lambda c: (c["created_at"], c["id"])):
        if choice["ended"] is None and answers.get(choice["id"]) == {"agreed"}:
            names.setdefault(choice["case_id"], {}).setdefault("elders", []).append(elder_names[choice["elder_id"]])
    return names, finish, concluded


# Names with characters the main font lacks: 㛃 (CJK Ext A) and 𠈌 (Ext B).
RARE_NAMES = {3: ("王㛃", Sex.FEMALE), 7: ("张𠈌华", Sex.MALE)}

AGREEMENTS = {
    "written": "双方自愿达成协议，另行制作人民调解协议书。",
    "oral": "双方当场口头约定：被申请人于十日内履行，申请人不再追究；由调委会督促履行。",
    "opinion": "明白人提出化解意见：按原界线恢复，费用双方各半，见证人所在部门到场核定。",
}


def _demo_sittings(conn, gen: "DemoGenerator", case_rows, parties_of, roles, people, history, now,
                   village_names: dict[int, str], plans: dict[int, CasePlan]):
    """The sittings each case's status implies: settled cases ended with their outcome (some after
    an adjourned first sitting); cases in mediation have a sitting under way. A showcase's sittings are
    held the day after registration, a week apart, and its last one is left for SessionService to
    finish. Returns (finish, concluded): case id → (that sitting's id, its day) for the showcases, and
    case id → (day, outcome, outcome text) of every other case's concluding sitting."""
    from sqlalchemy import func, insert, select

    from ..domain.session import (
        LEGAL_BASIS, Evidence, Outcome, PartyRecord, ReasonPoint, Route, SittingData, Verdict, WitnessAnswer,
        sitting_to_dict,
    )
    from ..storage.records import SittingRecord

    rng = gen.rng
    person = {p["id"]: p for p in people}
    witnesses_of: dict[int, list[dict]] = {}
    for r in roles:
        if person[r["person_id"]]["role"] == "witness":
            witnesses_of.setdefault(r["case_id"], []).append(person[r["person_id"]])
    start = (conn.scalar(select(func.max(SittingRecord.id))) or 0) + 1
    rows = []
    finish: dict[int, tuple[int, dt.date]] = {}
    concluded: dict[int, tuple[dt.date, object, str]] = {}

    def sitting(case, number, held_on, outcome, *, complete=True, refusing=None, finished=True):
        held_on = min(held_on, gen.today)  # a recent case's sittings are not in the future
        parties = parties_of[case["id"]]
        data = SittingData(held_on=held_on, place=f"{village_names[case['village_id']]}矛盾化解“三理”室", public=True,
                           notice_read=True)
        for i, p in enumerate(parties):
            record = PartyRecord(present=True, notice_confirmed=True, voluntary=p["id"] != refusing,
                                 statement=(p["claims"] or "陈述了纠纷经过。") + "（当事人陈述，已向其宣读）",
                                 claims=p["claims"])
            if complete:
                record.mood_start = rng.choice(("激动", "对立", "焦虑", "委屈"))
                record.mood_end = "平静" if outcome is not Outcome.TERMINATED else rng.choice(("对立", "缓和"))
                record.easing = "明白人以乡里乡亲的情分劝导，讲清远亲不如近邻。"
            data.parties[p["id"]] = record
        data.evidence = [Evidence(what="现场照片三张", provided_by=parties[0]["id"], checked=True)]
        data.within_scope, data.harms_none = True, True
        data.legal_basis = "；".join(LEGAL_BASIS.get(DisputeType(case["dispute_type"]), ("《中华人民共和国人民调解法》",))[:2])
        data.reason = {point: (Verdict.MET, "") for point in ReasonPoint}
        data.witnesses = [WitnessAnswer(person_id=w["id"], name=w["name"],
                                        commitment=f"{w['unit']}当场答复：三日内到现场核实并出具意见。")
                          for w in witnesses_of.get(case["id"], [])]
        data.outcome = outcome
        if outcome is Outcome.TERMINATED:
            data.termination_reason = ("一方当事人明确表示不愿继续调解" if refusing else
                                       "双方对赔偿数额分歧较大，经多次调解仍无法达成一致" if number > 1 else
                                       "双方对赔偿数额分歧较大，均不愿让步，无法达成一致")
            data.routes = (Route.LITIGATION,) + ((Route.ADMINISTRATIVE,) if rng.random() < 0.3 else ())
            data.risk = rng.random() < 0.2
            if data.risk:
                data.risk_note, data.police_informed = "一方情绪激动，扬言要动手", True
        elif outcome is Outcome.ADJOURNED:
            data.outcome_text = "需等相关部门现场测量后再调，约定一周后再次调解。"
        elif outcome is not None:
            data.outcome_text = AGREEMENTS[outcome.value] if outcome is not Outcome.WRITTEN else ""
        if not finished:  # the outcome is chosen; SessionService.finish ends it
            finish[case["id"]] = (start + len(rows), held_on)
            outcome = None
        elif outcome not in (None, Outcome.ADJOURNED):
            concluded[case["id"]] = (held_on, outcome, data.outcome_text)
        finished = None if outcome is None else dt.datetime.combine(held_on, dt.time(11, 30))
        rows.append({"id": start + len(rows), "uuid": str(uuid.uuid4()), "case_id": case["id"], "number": number,
                     "held_on": held_on, "data": json.dumps(sitting_to_dict(data), ensure_ascii=False),
                     "outcome": outcome.value if outcome else None, "finished_at": finished, "version": 1,
                     "created_at": now, "updated_at": now})
        history.append({"case_id": case["id"], "at": dt.datetime.combine(held_on, dt.time(9, 0)),
                        "operator": "演示数据", "action": "session_start",
                        "changes": json.dumps([["调解", "", f"第{number}次调解开始"]], ensure_ascii=False)})
        if outcome is not None:
            history.append({"case_id": case["id"], "at": finished, "operator": "演示数据", "action": "session_finish",
                            "changes": json.dumps([["调解", "", f"第{number}次调解：{outcome.label}"]],
                                                  ensure_ascii=False)})

    final = {CaseStatus.AGREEMENT_WRITTEN.value: (Outcome.WRITTEN, Outcome.OPINION),
             CaseStatus.AGREEMENT_ORAL.value: (Outcome.ORAL,), CaseStatus.TERMINATED.value: (Outcome.TERMINATED,)}
    for case in case_rows:
        plan = plans[case["id"]]
        status, show = plan.status.value, plan.showcase
        if show is not None:
            first_day = case["received_date"] + dt.timedelta(days=1)
            if show.key in ("mediating_adjourned", "terminated_after_two"):
                sitting(case, 1, first_day, Outcome.ADJOURNED)
            number = 2 if show.key in ("mediating_adjourned", "terminated_after_two") else 1
            day = first_day + dt.timedelta(days=7 * (number - 1))
            if status == CaseStatus.MEDIATING.value:
                sitting(case, number, day, None, complete=False)
            elif status in final:
                outcome = final[status][0]
                refusing = parties_of[case["id"]][-1]["id"] if show.key == "terminated_refusing" else None
                sitting(case, number, day, outcome, refusing=refusing, finished=False)
            continue
        first_day = case["received_date"] + dt.timedelta(days=rng.randrange(1, 6))
        if status == CaseStatus.MEDIATING.value:
            if rng.random() < 0.2:  # adjourned once, the second sitting under way
                sitting(case, 1, first_day, Outcome.ADJOURNED)
                sitting(case, 2, first_day + dt.timedelta(days=7), None, complete=False)
            else:
                sitting(case, 1, first_day, None, complete=False)
        elif status in final:
            outcome = rng.choice(final[status]) if rng.random() < 0.8 else final[status][0]
            number = 1
            if rng.random() < 0.15:
                sitting(case, 1, first_day, Outcome.ADJOURNED)
                number, first_day = 2, first_day + dt.timedelta(days=7)
            refusing = parties_of[case["id"]][-1]["id"] if outcome is Outcome.TERMINATED and rng.random() < 0.3 else None
            sitting(case, number, first_day, outcome, refusing=refusing)
    if rows:
        conn.execute(insert(SittingRecord), rows)
    return finish, concluded


def _bulk_aftercare(conn, gen: "DemoGenerator", case_rows, party_rows, plans: dict[int, CasePlan],
                    concluded: dict, people_of: dict, now: dt.datetime) -> None:
    """The agreements and after-care of every case that is not a showcase, written in bulk by the
    services' rules (demo_aftercare.BulkWriter). A written agreement reached in the last week may not
    be signed yet (not drafted, or a draft); every other one was signed a few days after its sitting."""
    from sqlalchemy import select

    from ..storage.records import SettingRecord
    from .demo_aftercare import Aim, BulkCase, BulkWriter

    rng, today = gen.rng, gen.today
    committee = conn.scalar(select(SettingRecord.value).where(SettingRecord.key == "committee_name")) or ""
    writer = BulkWriter(conn, today, rng, committee, now)
    parties_of: dict[int, list[dict]] = {}
    for row in party_rows:
        parties_of.setdefault(row["case_id"], []).append(row)
    for case in case_rows:
        plan = plans[case["id"]]
        if plan.showcase is not None or plan.status not in (CaseStatus.AGREEMENT_WRITTEN, CaseStatus.AGREEMENT_ORAL):
            continue
        day, _outcome, outcome_text = concluded[case["id"]]
        agreement = "signed"
        if plan.status is CaseStatus.AGREEMENT_WRITTEN and (today - day).days <= 7 and rng.random() < 0.4:
            agreement = rng.choice(("none", "draft"))
        dtype = DisputeType(case["dispute_type"])
        writer.add(BulkCase(
            id=case["id"], uuid=case["uuid"], case_number=case["case_number"], status=plan.status,
            dispute_type=dtype, facts=case["facts"], parties=parties_of[case["id"]], sitting_day=day,
            outcome_text=outcome_text,
            aim=Aim(plan.performance or PerformanceStatus.PERFORMING, plan.confirmation,
                    overdue=rng.random() < 0.35, merge=rng.random() < 0.1, early=rng.random() < 0.3),
            people=people_of.get(case["id"], {}), agreement=agreement, sign_after=rng.randrange(0, 6),
            relation=dtype is DisputeType.MARRIAGE_FAMILY and rng.random() < 0.3))
    writer.write()


def _showcase(db: Database, gen: "DemoGenerator", plans: dict[int, CasePlan], finish: dict) -> None:
    """The showcase cases through the app's services (demo_aftercare.run_showcase)."""
    import tempfile
    from pathlib import Path

    from .demo_aftercare import run_showcase

    showcase = {case_id: plan.showcase.key for case_id, plan in plans.items() if plan.showcase is not None}
    with tempfile.TemporaryDirectory(prefix="xinye-demo-") as scratch:
        run_showcase(db, gen.today, gen.rng, showcase, finish, Path(scratch))


def _demo_case_forms(db: Database, case_ids: set[int]) -> None:
    """The coded documents of a few case files, as a mediator would have made them: 申请书, 登记表 and
    告知书 for the cases whose agreement was printed in the app, and the 口头协议登记表 / 化解处理意见书 of
    a few cases that ended that way (a handful: each PDF takes tens of milliseconds)."""
    from sqlalchemy import select

    from ..domain.session import Outcome
    from ..paths import DataPaths
    from ..storage.records import AgreementRecord, IssuedDocumentRecord, SittingRecord
    from .documents import DocumentRefused, DocumentService

    ids = sorted(case_ids)
    with db.transaction() as uow:
        done = select(IssuedDocumentRecord.case_id)  # --append: leave earlier ones alone
        with_agreement = [c for c in uow.session.scalars(select(AgreementRecord.case_id).distinct().where(
            AgreementRecord.pdf_path.is_not(None), AgreementRecord.case_id.not_in(done))).all() if c in case_ids]
        ended = {outcome: [c for c in uow.session.scalars(
            select(SittingRecord.case_id).where(SittingRecord.outcome == outcome.value,
                                                SittingRecord.case_id.not_in(done))
            .order_by(SittingRecord.case_id.desc())).all() if c in case_ids][:3]
            for outcome in (Outcome.ORAL, Outcome.OPINION)}
    documents = DocumentService(db, DataPaths(db.path.parent))
    for case_id in with_agreement:
        for make in (documents.application_form, documents.registration_form, documents.rights_notice):
            try:
                make(case_id)
            except DocumentRefused:  # e.g. a case the committee took up itself has no 申请书
                pass
    for case_id in ended[Outcome.ORAL]:
        documents.registration_form(case_id)
        documents.oral_agreement_register(case_id)
    for case_id in ended[Outcome.OPINION]:
        documents.resolution_opinion(case_id)
    # Two bound case files (调解卷宗): a signed written agreement and an oral one.
    with db.transaction() as uow:
        signed = uow.session.scalars(select(AgreementRecord.case_id).where(
            AgreementRecord.state == "signed", AgreementRecord.pdf_path.is_not(None),
            AgreementRecord.case_id.in_(ids)).order_by(AgreementRecord.case_id)).first()
    for case_id in [c for c in (signed, (ended[Outcome.ORAL] or [None])[0]) if c is not None]:
        documents.case_file(case_id, "长期")


VISITORS = ("刘振华", "王保国", "陈志强", "李桂兰")
RISKS = ("一方称资金紧张，付款可能拖延", "双方见面仍有口角", "被申请人外出务工，联系不便")
MEASURES = ("约定月底前付清，届时电话回访", "请明白人再上门做工作", "已告知其家属，督促按期履行")
COURTS = ("新野县人民法院", "新野县人民法院王庄人民法庭", "新野县人民法院沙堰人民法庭")


def _demo_aftercare(db: Database, gen: "DemoGenerator", today: dt.date) -> None:
    """After the agreement, for the cases the app did not already handle (the signed demo agreements went
    through AgreementService): the effective date (the sitting that reached the agreement), whether
    司法确认 is possible, the application and decision for the cases in those states, and return visits:
    done, overdue, due soon, called off; the newest written agreements have their 30-day window open,
    about to close, or expired."""
    from sqlalchemy import insert, select, text, update

    from ..storage.records import CaseHistoryRecord, CaseRecord, ReturnVisitRecord, SittingRecord

    rng = gen.rng
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    with db.engine.begin() as conn:
        reached = dict(conn.execute(select(SittingRecord.case_id, text("MAX(held_on)")).where(
            SittingRecord.outcome.in_(("written", "opinion", "oral")), SittingRecord.finished_at.is_not(None))
            .group_by(SittingRecord.case_id)).all())
        rows = conn.execute(select(CaseRecord.id, CaseRecord.status, CaseRecord.dispute_type,
                                   CaseRecord.performance_status, CaseRecord.confirmation_status,
                                   CaseRecord.party_names).where(
            CaseRecord.status.in_((CaseStatus.AGREEMENT_WRITTEN.value, CaseStatus.AGREEMENT_ORAL.value)),
            CaseRecord.effective_on.is_(None)).order_by(CaseRecord.id.desc())).all()
        updates, visits, history = [], [], []
        written_seen = 0
        for case_id, status, dtype, performance, confirmation, names in rows:
            effective = reached.get(case_id)
            if effective is None:
                continue
            effective = effective if isinstance(effective, dt.date) else dt.date.fromisoformat(str(effective)[:10])
            written = status == CaseStatus.AGREEMENT_WRITTEN.value
            change = {"id": case_id, "effective_on": effective, "confirmable": None, "applied": None, "court": "",
                      "decided": None, "number": "", "note": ""}
            if written:
                written_seen += 1
                # The newest few without an application: a window just opened, one about to close, one expired.
                if confirmation is None and written_seen <= 3:
                    effective = today - dt.timedelta(days=(3, 26, 40)[written_seen - 1])
                    change["effective_on"] = effective
                change["confirmable"] = not (dtype == DisputeType.MARRIAGE_FAMILY.value and rng.random() < 0.3)
                if confirmation:
                    change["confirmable"] = True
                    applied = min(effective + dt.timedelta(days=rng.randrange(2, 28)), today)
                    change.update(applied=applied, court=rng.choice(COURTS))
                    history.append(_event(case_id, applied, "confirmation_apply",
                                          [["司法确认", "", "司法确认申请中"], ["受理法院", "", change["court"]]]))
                    if confirmation != ConfirmationStatus.APPLIED.value:
                        decided = min(applied + dt.timedelta(days=rng.randrange(3, 15)), today)
                        refused = confirmation == ConfirmationStatus.REFUSED.value
                        change.update(decided=decided, number=f"（{decided.year}）豫1329民特{rng.randrange(1, 400)}号",
                                      note="协议内容不明确，无法执行" if refused else "")
                        history.append(_event(case_id, decided, "confirmation_decide", [
                            ["司法确认", "司法确认申请中", "不予确认" if refused else "已司法确认"]]))
            updates.append(change)
            # Return visits: one a month after effect; done when it is past (most), overdue for a few.
            due = change["effective_on"] + dt.timedelta(days=30)
            visit = {"uuid": str(uuid.uuid4()), "case_id": case_id, "reason": "interval", "term_id": None,
                     "due_on": due, "visited_on": None, "visitor": "", "visited": "", "method": None,
                     "performance": None, "satisfaction": None, "lawsuit": "", "risks": "", "measures": "", "notes": "",
                     "cancelled": False, "cancelled_reason": "", "recorded_by": "", "version": 1,
                     "created_at": now, "updated_at": now}
            # Overdue by days or weeks, not years: a visit long past was made (or the case is closed).
            overdue = today - dt.timedelta(days=45) < due < today and performance == PerformanceStatus.PERFORMING.value and (
                rng.random() < 0.35 or not any(v["visited_on"] is None and v["due_on"] < today for v in visits[-50:]))
            if due < today and not overdue:
                visited_on = min(due + dt.timedelta(days=rng.randrange(0, 5)), today)
                found = performance or PerformanceStatus.PERFORMING.value
                risky = found in (PerformanceStatus.PARTIAL.value, PerformanceStatus.NOT_PERFORMED.value)
                visit.update(visited_on=visited_on, visitor=rng.choice(VISITORS), visited="、".join(names.split(" ")[:2]),
                             method=rng.choice(("home", "home", "phone")), performance=found,
                             satisfaction="dissatisfied" if found == PerformanceStatus.NOT_PERFORMED.value
                             else rng.choice(("satisfied", "satisfied", "fairly")),
                             risks=rng.choice(RISKS) if risky else "", measures=rng.choice(MEASURES) if risky else "",
                             recorded_by="演示数据")
                history.append(_event(case_id, visited_on, "visit_record", [["回访", "", f"回访：{_label(found)}"]]))
            elif due >= today and rng.random() < 0.05:
                visit.update(cancelled=True, cancelled_reason="当事人已全部履行，来电告知")
            visits.append(visit)
        for change in updates:
            conn.execute(update(CaseRecord).where(CaseRecord.id == change["id"]).values(
                effective_on=change["effective_on"], confirmable=change["confirmable"],
                confirmation_applied_on=change["applied"], confirmation_court=change["court"],
                confirmation_decided_on=change["decided"], confirmation_number=change["number"],
                confirmation_note=change["note"]))
        if visits:
            conn.execute(insert(ReturnVisitRecord), visits)
        if history:
            conn.execute(insert(CaseHistoryRecord), history)


def _event(case_id: int, day: dt.date, action: str, changes: list) -> dict:
    return {"case_id": case_id, "at": dt.datetime.combine(day, dt.time(2, 30)), "operator": "演示数据",
            "action": action, "changes": json.dumps(changes, ensure_ascii=False)}


def _label(code: str) -> str:
    return PerformanceStatus(code).label


# -- 防止激化 and 排查 (the report's last figures) ---------------------------------------------------------
# The share of settled cases in which mediation defused a threat of violence or a group petition, by
# type: quarrels over land, houses and family come closest to blows; land taken, wages and estates bring
# whole groups to the township.
CRIMINAL_SHARE = {DisputeType.NEIGHBOUR: 0.04, DisputeType.HOUSING_HOMESTEAD: 0.05, DisputeType.FOREST_LAND: 0.04,
                  DisputeType.MARRIAGE_FAMILY: 0.03, DisputeType.DAMAGES: 0.03, DisputeType.TRAFFIC: 0.02}
PETITION_SHARE = {DisputeType.EXPROPRIATION: 0.25, DisputeType.LABOUR: 0.12, DisputeType.PROPERTY_MANAGEMENT: 0.12,
                  DisputeType.FOREST_LAND: 0.04, DisputeType.POLLUTION: 0.1}
CRIMINAL_RISKS = ("双方曾发生推搡，一方扬言要报复", "一方情绪激动，扬言要动手", "一方手持农具到对方家门口叫骂，险些动手")
PETITION_RISKS = ("{n}名村民扬言集体到县里上访", "{n}名工友准备聚集到镇政府讨要说法", "{n}名村民联名，准备集体越级上访")
CANVASS_NOTES = {1: "春节前矛盾纠纷集中排查，重点排查婚姻家庭、赡养和务工返乡人员纠纷",
                 5: "三夏前排查土地地界、浇地用水纠纷", 6: "三夏期间排查土地、邻里纠纷",
                 9: "秋收秋种期间排查地界和宅基地纠纷", 10: "国庆前排查，重点关注信访苗头"}
CANVASS_ROUTINE = ("月度例行排查，入户走访", "网格员入户排查", "调委会例会排查", "重点户回访排查")


def _demo_prevention_and_canvasses(db: Database, gen: "DemoGenerator", first_case_id: int) -> None:
    """The figures the report counts beside the cases: a share of the settled cases prevented a 民转刑
    or a 群体性上访 (their last sitting's risk note says what threatened and the police were told, as
    the sitting requires), and each village's 排查 records, about monthly, over the demo's span."""
    _demo_prevention(db, gen, first_case_id)
    _demo_canvasses(db, gen)


def _demo_prevention(db: Database, gen: "DemoGenerator", first_case_id: int) -> None:
    from sqlalchemy import bindparam, func, insert, select, update

    from ..domain.prevention import describe
    from ..domain.session import sitting_from_dict, sitting_to_dict
    from ..storage.records import CaseHistoryRecord, CaseRecord, PartyRecord, SittingRecord

    rng = gen.rng
    settled = (CaseStatus.AGREEMENT_WRITTEN.value, CaseStatus.AGREEMENT_ORAL.value)
    with db.engine.begin() as conn:
        chosen: dict[int, tuple[bool, bool]] = {}
        for case_id, dtype in conn.execute(select(CaseRecord.id, CaseRecord.dispute_type).where(
                CaseRecord.id >= first_case_id, CaseRecord.status.in_(settled),
                CaseRecord.prevented_criminal_people.is_(None), CaseRecord.prevented_petition_people.is_(None))):
            kind = DisputeType(dtype)
            petition = rng.random() < PETITION_SHARE.get(kind, 0.005)
            criminal = rng.random() < CRIMINAL_SHARE.get(kind, 0.01)
            if criminal or petition:
                chosen[case_id] = (criminal, petition)
        ids = sorted(chosen)
        sitting_updates, case_updates, history = [], [], []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            parties = dict(conn.execute(select(PartyRecord.case_id, func.count()).where(
                PartyRecord.case_id.in_(chunk), PartyRecord.withdrawn.is_(False)).group_by(PartyRecord.case_id)).all())
            last: dict[int, tuple] = {}
            for sid, case_id, number, data, finished in conn.execute(
                    select(SittingRecord.id, SittingRecord.case_id, SittingRecord.number, SittingRecord.data,
                           SittingRecord.finished_at).where(
                        SittingRecord.case_id.in_(chunk), SittingRecord.finished_at.is_not(None),
                        SittingRecord.outcome.in_(("written", "oral", "opinion")))):
                if case_id not in last or number > last[case_id][1]:
                    last[case_id] = (sid, number, data, finished)
            for case_id in chunk:
                if case_id not in last:  # an agreement kept on paper before the app: no sitting to explain it
                    continue
                sid, _number, raw, finished = last[case_id]
                criminal, petition = chosen[case_id]
                data = sitting_from_dict(json.loads(raw))
                people = parties.get(case_id, 2)
                group = rng.randrange(6, 40) if petition else None
                notes = ([rng.choice(CRIMINAL_RISKS)] if criminal else []) + \
                    ([rng.choice(PETITION_RISKS).format(n=group)] if petition else [])
                data.risk, data.risk_note, data.police_informed = True, "；".join(notes), True
                sitting_updates.append({"sid": sid, "data": json.dumps(sitting_to_dict(data), ensure_ascii=False)})
                criminal_people = people if criminal else None
                case_updates.append({"cid": case_id, "crim": criminal_people, "pet": group})
                history.append({"case_id": case_id, "at": finished, "operator": "演示数据", "action": "prevention",
                                "changes": json.dumps([[label, "否", describe(n)] for label, n in (
                                    ("防止民转刑", criminal_people), ("防止群体性上访", group)) if n is not None],
                                    ensure_ascii=False)})
        if sitting_updates:
            conn.execute(update(SittingRecord).where(SittingRecord.id == bindparam("sid"))
                         .values(data=bindparam("data")), sitting_updates)
            conn.execute(update(CaseRecord).where(CaseRecord.id == bindparam("cid")).values(
                prevented_criminal_people=bindparam("crim"), prevented_petition_people=bindparam("pet")), case_updates)
            conn.execute(insert(CaseHistoryRecord), history)


def _demo_canvasses(db: Database, gen: "DemoGenerator") -> None:
    from sqlalchemy import func, insert, select

    from ..storage.records import CanvassRecord, CaseRecord, VillageRecord

    rng, today = gen.rng, gen.today
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    with db.engine.begin() as conn:
        first = conn.scalar(select(func.min(CaseRecord.received_date))) or today
        first = first if isinstance(first, dt.date) else dt.date.fromisoformat(str(first)[:10])
        done = select(CanvassRecord.village_id)  # --append: villages that have theirs keep them
        villages = conn.execute(select(VillageRecord.id).where(VillageRecord.id.not_in(done))
                                .order_by(VillageRecord.id)).scalars().all()
        # A canvass finds about half as many disputes as the village brings in a month: busy villages more.
        months = max((today.year - first.year) * 12 + today.month - first.month + 1, 1)
        monthly = {vid: n / months for vid, n in conn.execute(
            select(CaseRecord.village_id, func.count()).group_by(CaseRecord.village_id))}
        rows = []
        for vid in villages:
            expected = 0.15 + 0.5 * monthly.get(vid, 0.0)
            director = gen.person(Sex.MALE if rng.random() < 0.8 else Sex.FEMALE, 40, 62)[0]
            grid_worker = gen.person(min_age=25, max_age=50)[0]
            year, month = first.year, first.month
            while (year, month) <= (today.year, today.month):
                special = month in CANVASS_NOTES and rng.random() < 0.6
                if special or rng.random() < 0.7:
                    last_day = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
                    day = dt.date(year, month, rng.randrange(1, last_day + 1))
                    if first <= day <= today:
                        found = _poisson(rng, expected * (1.5 if special else 1.0))
                        prevented = round(found * rng.uniform(0.3, 0.9)) if found else int(rng.random() < 0.1)
                        who = rng.choice((f"调委会主任{director}", f"网格员{grid_worker}",
                                          f"调委会主任{director}、网格员{grid_worker}"))
                        note = CANVASS_NOTES[month] if special else rng.choice(CANVASS_ROUTINE)
                        rows.append({"uuid": str(uuid.uuid4()), "village_id": vid, "held_on": day, "done_by": who,
                                     "found": found, "prevented": prevented, "note": note, "recorded_by": "演示数据",
                                     "deleted_at": None, "deleted_by": "", "version": 1,
                                     "created_at": now, "updated_at": now})
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        if rows:
            conn.execute(insert(CanvassRecord), rows)


def _poisson(rng: random.Random, mean: float) -> int:
    """A Poisson draw (Knuth's method; a rounded normal for large means, where it would be slow)."""
    import math

    if mean > 30:
        return max(round(rng.gauss(mean, mean ** 0.5)), 0)
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1
