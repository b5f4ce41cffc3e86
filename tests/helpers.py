"""Shared builders for the non-GUI tests: valid ID numbers, valid intake forms, temp databases.

Imported as ``tests.helpers`` (the suite is run with ``python -m pytest`` from the repository root).
Nothing here imports PySide6.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from pathlib import Path

from stdnum.cn import ric

from xinye_desktop.domain.cases import CaseInput, PartyInput
from xinye_desktop.domain.enums import CaseSource, DisputeType, PartyKind, PartyRole, Sex
from xinye_desktop.domain.screening import ScreeningAnswers

XINYE = "411329"
VALID_CREDIT_CODE = "91110000600037341L"  # from python-stdnum's own doctest (stdnum/cn/uscc.py)

FACTS = "双方因宅基地界线发生争执，张某翻建院墙时越界约半米，李某阻止施工，多次协商未果。"


def make_id_number(birth: dt.date, sequence: int, county: str = XINYE) -> str:
    """An 18-character number with a correct MOD 11-2 check character.

    ``sequence`` is the 3-digit 顺序码: odd for a man, even for a woman.
    """
    body = f"{county}{birth:%Y%m%d}{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")


def with_check_digit(body17: str) -> str:
    """Append the right check character to any 17 digits (even an impossible date)."""
    return body17 + ric.calc_check_digit(body17 + "0")


def individual(name: str = "张建国", sex: Sex | None = Sex.MALE, id_number: str = "",
               role: PartyRole = PartyRole.APPLICANT, **kw) -> PartyInput:
    kw.setdefault("address", "新野县王庄镇王庄村3组12号")
    kw.setdefault("phone", "13812345678")
    kw.setdefault("occupation", "农民")
    return PartyInput(kind=PartyKind.INDIVIDUAL, role=role, name=name, sex=sex, id_number=id_number, **kw)


def organisation(name: str = "新野县王庄农机专业合作社", legal_representative: str = "王保国",
                 credit_code: str = VALID_CREDIT_CODE, role: PartyRole = PartyRole.RESPONDENT, **kw) -> PartyInput:
    kw.setdefault("address", "新野县王庄镇王庄村")
    return PartyInput(kind=PartyKind.ORGANISATION, role=role, name=name, sex=None, ethnicity="",
                      legal_representative=legal_representative, credit_code=credit_code, **kw)


def two_parties(tag: int = 0) -> list[PartyInput]:
    """An applicant and a respondent with valid, distinct ID numbers (``tag`` varies them)."""
    return [
        individual("张建国", Sex.MALE, make_id_number(dt.date(1970, 3, 15), (2 * tag + 1) % 1000),
                   claims="要求按原界线施工。"),
        individual("李秀英", Sex.FEMALE, make_id_number(dt.date(1975, 8, 20), (2 * tag + 2) % 1000),
                   role=PartyRole.RESPONDENT, phone="0377-66212345", claims="要求拆除越界院墙。"),
    ]


def valid_case_input(received: dt.date | None = None, tag: int = 0, **overrides) -> CaseInput:
    """A complete intake form that passes every rule and screening."""
    data = CaseInput(
        received_date=received or dt.date.today() - dt.timedelta(days=3),
        source=CaseSource.PARTY_APPLICATION,
        dispute_type=DisputeType.HOUSING_HOMESTEAD,
        village="王庄村",
        group="3组",
        facts=FACTS,
        parties=two_parties(tag),
        screening=ScreeningAnswers(),
    )
    return replace(data, **overrides)



def new_database(path: Path):
    """A migrated database file at ``path``."""
    from xinye_desktop.storage.database import Database

    db = Database(Path(path))
    db.ensure_schema()
    return db


def count_rows(path: Path, table: str) -> int:
    """Count rows with a connection of its own, so no ORM state is involved."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def register_many(db_path: str, count: int, year: int, start_tag: int = 0, barrier=None) -> list[str]:
    """Register ``count`` cases into the file at ``db_path``; returns their case numbers.

    With a ``barrier``, every worker is fully set up (imports, engine, first connection) before
    any of them starts saving, so the saves really overlap.
    Module-level so that a ``multiprocessing`` spawn child can import and run it.
    """
    from xinye_desktop.services.intake import IntakeService
    from xinye_desktop.storage import repositories, unit_of_work  # noqa: F401 - imported before the race
    from xinye_desktop.storage.database import Database

    db = Database(Path(db_path))
    try:
        service = IntakeService(db)
        with db.engine.connect():
            pass
        if barrier is not None:
            barrier.wait(timeout=120)
        numbers = []
        for i in range(count):
            case = service.register(valid_case_input(dt.date(year, 5, 1), tag=start_tag + i))
            numbers.append(case.case_number)
        return numbers
    finally:
        db.close()


def register_many_in_process(results, barrier, db_path: str, count: int, year: int, start_tag: int) -> None:
    """Process entry point: put (start_tag, numbers) or (start_tag, error text) on ``results``."""
    try:
        results.put((start_tag, register_many(db_path, count, year, start_tag, barrier)))
    except BaseException as exc:  # noqa: BLE001 - the parent reports it
        import traceback

        results.put((start_tag, "".join(traceback.format_exception(exc))))


# ---------------------------------------------------------------- 明白人 and role lists

def elder_input(name: str = "王明理", village: str = "王庄村", **kw):
    """A 明白人 entry that passes every rule (a pool member unless ``ad_hoc=True`` is given)."""
    from xinye_desktop.domain.elders import ElderInput
    from xinye_desktop.domain.enums import ElderIdentity, ElderSelection

    kw.setdefault("sex", Sex.MALE)
    kw.setdefault("birth_year_text", "1952")
    kw.setdefault("identity", ElderIdentity.VETERAN_PARTY_MEMBER)
    kw.setdefault("selection", None if kw.get("ad_hoc") else ElderSelection.VILLAGE_MEETING)
    kw.setdefault("selected_on_text", "" if kw.get("ad_hoc") else "2023-03-01")
    return ElderInput(name=name, village=village, **kw)


def person_input(role=None, name: str = "刘振华", **kw):
    """A 主持人 (village cadre by default), 见证人 or 记录人 that passes every rule."""
    from xinye_desktop.domain.roles import HostKind, PersonInput, Role

    role = Role.HOST if role is None else role
    if role is Role.HOST:
        kw.setdefault("unit", "王庄村委会")
        kw.setdefault("host_kind", HostKind.VILLAGE_CADRE)
    elif role is Role.WITNESS:
        kw.setdefault("unit", "乡镇国土资源所")
    return PersonInput(role=role, name=name, **kw)


# ---------------------------------------------------------------- services

def agreement_services(database, data_paths) -> dict:
    """The services from intake to the agreement, by name, sharing one SelectionService (and ``paths``)."""
    from xinye_desktop.services.agreements import AgreementService
    from xinye_desktop.services.elders import ElderService, PeopleService
    from xinye_desktop.services.intake import IntakeService
    from xinye_desktop.services.selection import SelectionService
    from xinye_desktop.services.session import SessionService

    selection = SelectionService(database)
    return {"intake": IntakeService(database), "elders": ElderService(database), "people": PeopleService(database),
            "selection": selection, "session": SessionService(database, selection),
            "agreements": AgreementService(database, data_paths, selection), "paths": data_paths}


# argon2id at a cost a test can pay hundreds of times (the app's own cost is services/keys.PASSWORD_COST).
def cheap_kdf():
    from xinye_desktop.services import keys

    return keys.KdfCost(memory_kib=1024, time_cost=1)


def demo_folder_with_accounts(folder: Path, *, cases: int, seed: int, today: dt.date):
    """A demo data folder under ``folder`` with the demo's accounts (its data sealed with their key), made
    as the ``demo`` command makes it: (DataPaths, the demo's summary), the database closed."""
    from xinye_desktop.demo import generate
    from xinye_desktop.paths import DataPaths
    from xinye_desktop.storage.database import Database

    paths = DataPaths(Path(folder) / "data")
    paths.create()
    db = Database(paths.database)
    try:
        summary = generate(db, cases=cases, seed=seed, today=today, accounts=True, kdf_cost=cheap_kdf())
    finally:
        db.close()
    return paths, summary


def committee_copy(template: Path, root: Path, name: str) -> str:
    """A copy of the demo folder ``template`` at ``root`` as a committee of its own (a new committee id, the
    travelling rows its origin, ``name`` its name): the villages of the exchange and hub tests. Its id."""
    import shutil
    import uuid

    from xinye_desktop.storage.records import TRAVELLING_TABLES

    shutil.copytree(template, root)
    committee_id = str(uuid.uuid4())
    conn = sqlite3.connect(root / "xinye.sqlite3")
    with conn:
        conn.execute("UPDATE settings SET value = ? WHERE key = 'committee_id'", (committee_id,))
        conn.execute("UPDATE settings SET value = ? WHERE key = 'committee_name'", (name,))
        for table in TRAVELLING_TABLES:
            conn.execute(f"UPDATE {table} SET origin = ?", (committee_id,))
    conn.close()
    return committee_id
