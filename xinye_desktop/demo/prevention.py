"""The figures the 统计报表 counts beside the cases: the 防止民转刑 and 防止群体性上访 of settled cases
(their last sitting's risk note says what threatened), and each village's 排查 records."""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid

from ..domain.enums import DisputeType, Sex
from ..domain.prevention import describe
from ..domain.session import sitting_from_dict, sitting_to_dict
from ..storage import bulk
from ..storage.database import Database
from .people import DemoGenerator

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


def add_prevention_and_canvasses(db: Database, gen: DemoGenerator, first_case_id: int) -> None:
    """The figures the report counts beside the cases: a share of the settled cases prevented a 民转刑
    or a 群体性上访 (their last sitting's risk note says what threatened and the police were told, as
    the sitting requires), and each village's 排查 records, about monthly, over the demo's span."""
    _prevention(db, gen, first_case_id)
    _canvasses(db, gen)


def _prevention(db: Database, gen: DemoGenerator, first_case_id: int) -> None:
    rng = gen.rng
    with bulk.transaction(db) as tables:
        chosen: dict[int, tuple[bool, bool]] = {}
        for case_id, dtype in tables.settled_cases_without_prevention(first_case_id):
            kind = DisputeType(dtype)
            petition = rng.random() < PETITION_SHARE.get(kind, 0.005)
            criminal = rng.random() < CRIMINAL_SHARE.get(kind, 0.01)
            if criminal or petition:
                chosen[case_id] = (criminal, petition)
        ids = sorted(chosen)
        sitting_updates, case_updates, history = [], [], []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            parties = tables.active_party_counts(chunk)
            last: dict[int, tuple] = {}
            for sid, case_id, number, data, finished in tables.concluding_sittings(chunk):
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
                sitting_updates.append({"id": sid, "data": json.dumps(sitting_to_dict(data), ensure_ascii=False)})
                criminal_people = people if criminal else None
                case_updates.append({"id": case_id, "prevented_criminal_people": criminal_people,
                                     "prevented_petition_people": group})
                # Dated like the sitting (a showcase sitting was finished through the service, at the real
                # time; its history was redated to the day it replays).
                at = dt.datetime.combine(data.held_on, dt.time(11, 30)) if data.held_on else finished
                history.append({"case_id": case_id, "at": at, "operator": "演示数据", "action": "prevention",
                                "changes": json.dumps([[label, "否", describe(n)] for label, n in (
                                    ("防止民转刑", criminal_people), ("防止群体性上访", group)) if n is not None],
                                    ensure_ascii=False)})
        if sitting_updates:
            tables.update("sittings", sitting_updates)
            tables.update("cases", case_updates)
            tables.insert("case_history", history)


def _canvasses(db: Database, gen: DemoGenerator) -> None:
    rng, today = gen.rng, gen.today
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    with bulk.transaction(db) as tables:
        first = tables.first_received_date() or today
        villages = tables.villages_without_canvasses()  # --append: villages that have theirs keep them
        # A canvass finds about half as many disputes as the village brings in a month: busy villages more.
        months = max((today.year - first.year) * 12 + today.month - first.month + 1, 1)
        monthly = {vid: n / months for vid, n in tables.cases_per_village().items()}
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
        tables.insert("canvasses", rows)


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

