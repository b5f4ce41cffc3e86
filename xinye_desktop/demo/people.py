"""The demo's people and places: 新野县's townships and villages, names, ID numbers and phones, each
village's 明白人 pool, and the hosts, witnesses and recorders the committee calls on."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import TYPE_CHECKING

from ..domain.elders import default_term_end
from ..domain.enums import DisputeType, ElderIdentity, ElderSelection, Sex
from ..domain.roles import HostKind, Role
from ..domain.search import name_initials

if TYPE_CHECKING:
    from ..storage.bulk import BulkTables

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


def make_id_number(rng: random.Random, birth: dt.date, sex: Sex) -> str:
    """A number that passes GB 11643: Xinye's county code, the birth date, a sequence whose
    parity gives the sex, and the MOD 11-2 check character."""
    from stdnum.cn import ric

    seq = rng.randrange(0, 500) * 2 + (1 if sex is Sex.MALE else 0)
    body = f"{XINYE_COUNTY_CODE}{birth:%Y%m%d}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")


class DemoGenerator:
    """The seeded random stream every part of the demo draws from, in one fixed order (the same seed
    gives the same data), and the day the demo treats as today."""

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


def demo_places() -> list[tuple[str, str]]:
    """The demo's villages: four in each township, as (township, village)."""
    return [(township, stem + "村") for t_index, township in enumerate(TOWNSHIPS)
            for stem in VILLAGE_STEMS[(t_index * 4) % len(VILLAGE_STEMS):][:4]]


def add_villages(tables: BulkTables, now: dt.datetime, places=None) -> list[tuple[int, str, str]]:
    """``places`` ((township, village) pairs; default: four villages in each township, demo_places), those
    not on file yet. Returns every village on file as (id, township, name), in the order stored."""
    village_start = tables.next_id("villages")
    villages = []
    for township, name in (demo_places() if places is None else places):
        villages.append({"id": village_start + len(villages), "uuid": str(uuid.uuid4()),
                         "township": township, "name": name, "created_at": now, "updated_at": now})
    existing = tables.village_names()
    villages = [v for v in villages if (v["township"], v["name"]) not in existing]
    tables.insert("villages", villages)
    return tables.villages()


def add_elders(tables: BulkTables, gen: DemoGenerator, all_villages, now: dt.datetime,
               per_village: tuple[int, int] = (4, 8)) -> list[dict]:
    """Each village's 明白人 pool, ``per_village`` (from, below) elders: four to seven by default. Returns
    their rows."""
    rng, today = gen.rng, gen.today
    elders = []
    elder_start = tables.next_id("elders")
    identities = list(ElderIdentity)
    for vid, _township, _name in all_villages:
        # The village meeting that chose the current pool (a three-year term, Art. 9), and the
        # one before it: a few elders of that earlier term were not chosen again, and are either
        # retired from the pool or still listed with their term over, waiting for the committee.
        term_start = today - dt.timedelta(days=rng.randrange(60, 3 * 365 - 60))
        earlier = term_start.replace(year=term_start.year - 3) if (term_start.month, term_start.day) != (2, 29) \
            else term_start.replace(year=term_start.year - 3, day=28)
        for _ in range(rng.randrange(*per_village)):
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
    tables.insert("elders", elders)
    return elders


def add_role_people(tables: BulkTables, gen: DemoGenerator, all_villages, now: dt.datetime):
    """The role lists: per township a link policeman and a cadre who host and three witnesses' offices, per
    village a cadre who hosts and a recorder. Returns (people rows, by village, by township): the ids of
    each place's people by their part."""
    rng = gen.rng
    townships = sorted({t for _vid, t, _n in all_villages})
    people, by_village, by_township = [], {}, {}
    person_start = tables.next_id("role_people")

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
    tables.insert("role_people", people)
    return people, by_village, by_township

