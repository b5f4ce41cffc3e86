"""The 明白人 each case's parties chose (proposals, every party's answer, refusals and recusals) and the
people who host, witness and record its sittings, as far as the case's state has got."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import TYPE_CHECKING

from ..domain.elders import surname_of
from ..domain.enums import CaseStatus, ElderIdentity, Sex
from ..domain.roles import Role
from ..domain.search import name_initials
from ..domain.selection import ChoiceEnd
from .cases import OPEN_SCENARIOS, CasePlan, parties_by_case
from .people import DemoGenerator

if TYPE_CHECKING:
    from ..storage.bulk import BulkTables


def add_choices(tables: BulkTables, gen: DemoGenerator, case_rows, party_rows, elders, all_villages, people,
                by_village, by_township, now: dt.datetime, plans: dict[int, CasePlan]):
    """For each case the 明白人 proposals with every party's answer and the roles chosen, consistent with
    the case's status: settled cases had a chosen elder and two hosts. ``people``, ``by_village``,
    ``by_township``: the role lists (people.add_role_people). Returns (roles, history, names): the
    case_roles rows, the history lines of the proposals (not written yet: the sittings' follow them), and
    per case the names an agreement prints (hosts, chosen elders, witnesses, recorder)."""
    rng = gen.rng
    pool: dict[int, list[dict]] = {}
    for elder in elders:
        if not elder["retired"]:
            pool.setdefault(elder["village_id"], []).append(elder)
    all_active = [e for e in elders if not e["retired"]]
    township_of = {vid: t for vid, t, _n in all_villages}
    parties_of = parties_by_case(party_rows)

    choice_start = tables.next_id("case_elders")
    ad_hoc_start = tables.next_id("elders")
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
        candidates = local or [e for e in all_active if fits(e)] or [e for e in all_active if e["id"] not in exclude]
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

    tables.insert("elders", ad_hoc)
    if choices:
        tables.insert("case_elders", choices)
        tables.insert("case_elder_consents", consents)
    tables.insert("case_roles", roles)
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
    return roles, history, names

