"""The command line's ``hub-roster`` (issue 16 item 4, services/hub/roster.py), after __main__ has opened the
hub's data folder and logged in where it has accounts (the names and phones are sealed with the data key):

- ``hub-roster``: the roster, one person a line (phones masked);
- ``hub-roster --add --role 联村干警 --name 张建军 --unit 王庄镇派出所 [--post 民警] [--phone 138…]
  [--village 王庄村 | --township 王庄镇]`` (neither: every village);
- ``hub-roster --retire ID``.

Exit codes as the other hub commands': 0 done, 2 nothing done because of what was given (a field refused, no
such person or village, not a hub), 3 refused to protect the data (a role that may not, no login)."""

from __future__ import annotations

import sys
from typing import Callable

from ...domain.errors import Refused, ValidationFailed
from ...domain.roles import HostKind, PersonInput, Role
from .roster import HubRoster, RosterPerson

# What a field is called on the command line's messages (FieldError.field -> its option).
FIELD_NAMES = {"role": "角色（--role）", "name": "姓名（--name）", "unit": "单位/部门（--unit）", "post": "职务（--post）",
               "host_kind": "主持人类别（--role）", "phone": "电话（--phone）", "committee": "村（--village）",
               "township": "乡镇（--township）"}


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def parse_role(text: str) -> tuple[Role | None, HostKind | None]:
    """--role: 联村干警 (a host of the police kind) or another host kind (乡镇干部, 村干部), 见证人, 主持人 (its kind
    then unknown: refused under its field), or their codes (link_police, witness …); (None, None) otherwise."""
    text = (text or "").strip()
    for kind in HostKind:
        if text in (kind.value, kind.label):
            return Role.HOST, kind
    for role in Role:
        if text in (role.value, role.label):
            return role, None
    return None, None


def scope(person: RosterPerson) -> str:
    """The villages a person is for: 新野县王庄镇王庄村人民调解委员会, 王庄镇各村, 各村."""
    return person.committee or (f"{person.township}各村" if person.township else "各村")


def line(person: RosterPerson) -> str:
    role = f"{person.role.label}（{person.host_kind.label}）" if person.host_kind is not None else person.role.label
    parts = [f"{person.id:>4}", role, person.name, person.unit or "—", person.post or "—", person.masked_phone or "—",
             scope(person), f"第 {person.version} 版", "已停用" if person.retired else "在用"]
    return "　".join(parts)


def run_hub_roster(db, *, add: bool = False, retire: int | None = None, role: str = "", name: str = "",
                   unit: str = "", post: str = "", phone: str = "", village: str | None = None,
                   township: str | None = None,
                   out: Callable[[str], None] = print, err: Callable[[str], None] = _err) -> int:
    from .command import _refused_code

    roster = HubRoster(db)
    try:
        if add:
            chosen_role, host_kind = parse_role(role)
            if role and chosen_role is None:
                err(f"“{role}”不是人员名单的角色：--role 请写 联村干警、乡镇干部、见证人 等。什么都没有改动。")
                return 2
            added = roster.add(PersonInput(role=chosen_role, name=name, unit=unit, post=post, host_kind=host_kind,
                                           phone=phone), village or None, township=township or None)
            out(f"已加入人员名单：{line(added).strip()}。下次生成回执包时发给{scope(added)}。")
            return 0
        if retire is not None:
            retired = roster.retire(retire)
            out(f"已停用：{line(retired).strip()}。下次回执包会让{scope(retired)}也停用此人；已参与的案件记录不变。")
            return 0
        people = roster.people()
    except ValidationFailed as failed:
        err("没有保存：" + "；".join(f"{FIELD_NAMES.get(e.field, e.field)}：{e.text()}" for e in failed.errors)
            + "。什么都没有改动。")
        return 2
    except Refused as refused:
        err(refused.text())
        return _refused_code(refused)
    if not people:
        out("人员名单还是空的：用 hub-roster --add --role 联村干警 --name … --unit … 新增。")
        return 0
    out(f"人员名单 {len(people)} 人（在用 {sum(not p.retired for p in people)} 人）：")
    out("　".join(("编号", "角色", "姓名", "单位/部门", "职务", "电话", "发给", "版本", "状态")))
    for person in people:
        out(line(person))
    return 0


__all__ = ["FIELD_NAMES", "parse_role", "run_hub_roster"]
