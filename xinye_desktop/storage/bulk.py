"""Raw bulk writing, for data made by the thousand (the demo; the benchmarks' 100,000 cases): rows are
plain dicts keyed by column name, written with one executemany per table inside one transaction,
past the ORM's unit of work, which would take minutes for what this does in seconds.

Nothing here checks a rule: the caller (xinye_desktop/demo/) builds its rows by the services' rules, and
tests/test_demo_and_ledger.py checks the result on the database. Tables are named by their SQL names
(``"cases"``, ``"parties"``); a name not in ``records`` is an error, not a new table.

Personal columns (storage/sealing.py SEALED_COLUMNS, SEALED_JSON) are sealed on the way in when the
Database has a sealer installed (someone is logged in), as the repositories seal them; with none they are
written clear only while the data has never been sealed, else refused (KeyRequired).

Thread contract: a ``BulkTables`` is one connection in one transaction; use it on the thread that opened it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import bindparam, func, insert, select, update

from .database import Database
from .sealing import KEY_CHECK_SETTING, Sealing, seal_row
from .records import (
    AgreementRecord, Base, CanvassRecord, CaseHistoryRecord, CaseRecord, CaseSequenceRecord, IssuedDocumentRecord,
    PartyRecord, SettingRecord, SittingRecord, VillageRecord,
)

SETTLED = ("agreement_written", "agreement_oral")
CONCLUDING = ("written", "oral", "opinion")  # a sitting's outcomes that end a case in an agreement


def _table(name: str):
    return Base.metadata.tables[name]


class BulkTables:
    """The tables, inside one open transaction (``transaction`` makes one)."""

    def __init__(self, conn, sealer=None):
        self._conn = conn
        self._sealing = Sealing(sealer, lambda: self.setting(KEY_CHECK_SETTING) is not None)

    # -- generic: any table, rows as dicts
    def insert(self, table: str, rows: list[dict]) -> None:
        """One executemany; nothing for no rows. Ids given in the rows are kept (the caller numbers them
        from ``next_id`` so that rows of other tables can point at them before they are written)."""
        if rows:
            self._conn.execute(insert(_table(table)), [seal_row(self._sealing, table, row) for row in rows])

    def update(self, table: str, rows: list[dict], key: str = "id") -> None:
        """Each row: its ``key`` and the columns to set (the same columns in every row), one executemany."""
        if not rows:
            return
        target = _table(table)
        rows = [seal_row(self._sealing, table, row) for row in rows]
        columns = [c for c in rows[0] if c != key]
        self._conn.execute(update(target).where(target.c[key] == bindparam("k_" + key))
                           .values({c: bindparam("v_" + c) for c in columns}),
                           [{"k_" + key: row[key], **{"v_" + c: row[c] for c in columns}} for row in rows])

    def next_id(self, table: str) -> int:
        """The id the next row of ``table`` gets: one past the highest on file."""
        return (self._conn.scalar(select(func.max(_table(table).c.id))) or 0) + 1

    def count(self, table: str) -> int:
        return self._conn.scalar(select(func.count()).select_from(_table(table)))

    # -- settings and the case numbers' sequences
    def setting(self, key: str) -> str | None:
        return self._conn.scalar(select(SettingRecord.value).where(SettingRecord.key == key))

    def case_sequences(self) -> dict[int, int]:
        """year -> the last case number issued in it."""
        return dict(self._conn.execute(select(CaseSequenceRecord.year, CaseSequenceRecord.last_number)).all())

    def set_case_sequences(self, last_by_year: dict[int, int]) -> None:
        for year, last in last_by_year.items():
            updated = self._conn.execute(CaseSequenceRecord.__table__.update()
                                         .where(CaseSequenceRecord.year == year).values(last_number=last))
            if updated.rowcount == 0:
                self._conn.execute(insert(CaseSequenceRecord).values(year=year, last_number=last))

    # -- villages
    def village_names(self) -> set[tuple[str, str]]:
        """(township, name) of every village on file."""
        return set(self._conn.execute(select(VillageRecord.township, VillageRecord.name)).all())

    def villages(self) -> list[tuple[int, str, str]]:
        """(id, township, name) of every village, in the order they were stored."""
        return [tuple(r) for r in self._conn.execute(
            select(VillageRecord.id, VillageRecord.township, VillageRecord.name)).all()]

    # -- what the after-care and the prevention figures read back
    def concluding_sittings(self, case_ids: list[int]) -> list[tuple[int, int, int, str, dt.datetime]]:
        """(sitting id, case id, number, data, finished_at) of the finished sittings of ``case_ids``
        that reached an agreement or an opinion."""
        return [tuple(r) for r in self._conn.execute(
            select(SittingRecord.id, SittingRecord.case_id, SittingRecord.number, SittingRecord.data,
                   SittingRecord.finished_at).where(
                SittingRecord.case_id.in_(case_ids), SittingRecord.finished_at.is_not(None),
                SittingRecord.outcome.in_(CONCLUDING)))]

    def settled_cases_without_prevention(self, first_case_id: int) -> list[tuple[int, str]]:
        """(id, dispute type) of the settled cases from ``first_case_id`` on with no 防止激化 figure yet."""
        return [tuple(r) for r in self._conn.execute(select(CaseRecord.id, CaseRecord.dispute_type).where(
            CaseRecord.id >= first_case_id, CaseRecord.status.in_(SETTLED),
            CaseRecord.prevented_criminal_people.is_(None), CaseRecord.prevented_petition_people.is_(None)))]

    def active_party_counts(self, case_ids: list[int]) -> dict[int, int]:
        """case id -> how many of its parties have not withdrawn."""
        return dict(self._conn.execute(select(PartyRecord.case_id, func.count()).where(
            PartyRecord.case_id.in_(case_ids), PartyRecord.withdrawn.is_(False)).group_by(PartyRecord.case_id)).all())

    def first_received_date(self) -> dt.date | None:
        first = self._conn.scalar(select(func.min(CaseRecord.received_date)))
        return first if first is None or isinstance(first, dt.date) else dt.date.fromisoformat(str(first)[:10])

    def villages_without_canvasses(self) -> list[int]:
        done = select(CanvassRecord.village_id)
        return list(self._conn.execute(select(VillageRecord.id).where(VillageRecord.id.not_in(done))
                                       .order_by(VillageRecord.id)).scalars().all())

    def cases_per_village(self) -> dict[int, int]:
        return {vid: n for vid, n in self._conn.execute(
            select(CaseRecord.village_id, func.count()).group_by(CaseRecord.village_id))}


@contextmanager
def transaction(db: Database) -> Iterator[BulkTables]:
    """One transaction over the raw tables: committed if the block ends normally, else rolled back."""
    with db.engine.begin() as conn:
        yield BulkTables(conn, db.sealer)


# -- single statements the demo makes between service calls ----------------------------------------------

def last_history_id(db: Database) -> int:
    with db.engine.begin() as conn:
        return conn.scalar(select(func.max(CaseHistoryRecord.id))) or 0


def redate_history(db: Database, after_id: int, at: dt.datetime) -> int:
    """Give the history entries after ``after_id`` the moment ``at`` (the services stamp the real time;
    the demo replays a past day). Returns the last entry's id."""
    with db.engine.begin() as conn:
        last = conn.scalar(select(func.max(CaseHistoryRecord.id))) or 0
        if last > after_id:
            conn.execute(update(CaseHistoryRecord).where(CaseHistoryRecord.id > after_id).values(at=at))
    return last


def unarchived_signed_agreements(db: Database) -> tuple[list[tuple[int, int, str | None]], str]:
    """The signed agreement versions with no archived PDF, as (id, case id, code) in id order, and the
    committee's name."""
    with db.transaction() as uow:
        rows = uow.session.execute(select(AgreementRecord.id, AgreementRecord.case_id, AgreementRecord.code).where(
            AgreementRecord.state == "signed", AgreementRecord.pdf_path.is_(None))
            .order_by(AgreementRecord.id)).all()
        committee = uow.settings.get("committee_name")
    return [tuple(r) for r in rows], committee


def record_archived_agreement(db: Database, agreement_id: int, case_id: int, document: str, digest: str, code: str,
                              pdf_path: str, old_code: str | None) -> None:
    """An agreement version archived after the fact, as printing it would have stored it (through the
    ORM, so its version counter moves as printing's does); the case history's print line names the new
    code in place of ``old_code``."""
    with db.transaction() as uow:
        record = uow.session.get(AgreementRecord, agreement_id)
        record.document = seal_row(uow.sealing, "agreements", {"document": document})["document"]
        record.digest, record.code = digest, code
        record.pdf_path = pdf_path
        for entry in uow.session.scalars(select(CaseHistoryRecord).where(
                CaseHistoryRecord.case_id == case_id, CaseHistoryRecord.action == "agreement_print")):
            if old_code and old_code in entry.changes:
                entry.changes = entry.changes.replace(old_code, code)


def cases_for_case_forms(db: Database, case_ids: Iterable[int], outcomes: tuple[str, ...],
                         per_outcome: int) -> tuple[list[int], dict[str, list[int]]]:
    """Which of ``case_ids`` the demo gives case-file documents, none of those already holding one:
    the cases with an archived agreement PDF, and per sitting outcome the newest ``per_outcome`` cases
    that ended that way."""
    wanted = set(case_ids)
    with db.transaction() as uow:
        done = select(IssuedDocumentRecord.case_id)  # --append: leave earlier ones alone
        with_agreement = [c for c in uow.session.scalars(select(AgreementRecord.case_id).distinct().where(
            AgreementRecord.pdf_path.is_not(None), AgreementRecord.case_id.not_in(done))).all() if c in wanted]
        ended = {outcome: [c for c in uow.session.scalars(
            select(SittingRecord.case_id).where(SittingRecord.outcome == outcome,
                                                SittingRecord.case_id.not_in(done))
            .order_by(SittingRecord.case_id.desc())).all() if c in wanted][:per_outcome]
            for outcome in outcomes}
    return with_agreement, ended


def first_signed_archived_case(db: Database, case_ids: list[int]) -> int | None:
    """The lowest case id of ``case_ids`` with a signed agreement whose PDF is archived."""
    with db.transaction() as uow:
        return uow.session.scalars(select(AgreementRecord.case_id).where(
            AgreementRecord.state == "signed", AgreementRecord.pdf_path.is_not(None),
            AgreementRecord.case_id.in_(case_ids)).order_by(AgreementRecord.case_id)).first()



# -- the audit trail of bulk-written history (the demo as its accounts, issue 15) ------------------------

def sign_and_audit_history(db: Database, after_id: int, signer, kind_of, unsigned: str = "") -> int:
    """Give the case history written in bulk after ``after_id`` the audit rows the services would have
    written with it: one row per transaction (a case's lines of one moment and one person), dated like
    its lines, in their time order, chained after the trail's last row (domain/audit.py row_hash). Lines
    signed ``unsigned`` are first signed by ``signer(case_id) -> (account_id, name)``, with their
    case's 登记人 and the visits recorded under that name. ``kind_of(action)``: the row's kind. The
    summary is what services/audit.record writes: the actions and the names of the fields changed.
    Returns the number of rows added."""
    import json

    from ..domain.audit import GENESIS, at_text, row_hash, summary_text
    from .account_repositories import ACTOR_MAX
    from .records import AuditRecord, ReturnVisitRecord

    history, cases, visits = _table("case_history"), _table("cases"), ReturnVisitRecord.__table__
    with db.engine.begin() as conn:
        rows = conn.execute(select(history.c.id, history.c.case_id, history.c.at, history.c.operator,
                                   history.c.action, history.c.changes)
                            .where(history.c.id > after_id).order_by(history.c.at, history.c.id)).all()
        signed: dict[int, tuple[int | None, str]] = {}
        resign, groups = [], []
        for row_id, case_id, at, operator, action, changes in rows:
            account_id = None
            if operator == unsigned:
                account_id, operator = signed.setdefault(case_id, signer(case_id))
                resign.append({"k_id": row_id, "v_operator": operator})
            try:
                fields = [str(entry[0]) for entry in json.loads(changes or "[]") if entry]
            except (ValueError, TypeError, IndexError):
                fields = []
            key = (case_id, at, operator)
            if groups and groups[-1][0] == key:
                groups[-1][2].append(action)
                groups[-1][3].extend(f for f in fields if f not in groups[-1][3])
            else:
                groups.append((key, account_id, [action], list(dict.fromkeys(fields))))
        if resign:
            conn.execute(update(history).where(history.c.id == bindparam("k_id"))
                         .values(operator=bindparam("v_operator")), resign)
        for case_id, (_account, name) in signed.items():
            conn.execute(update(cases).where(cases.c.id == case_id, cases.c.created_by == unsigned)
                         .values(created_by=name, updated_by=name))
            conn.execute(update(visits).where(visits.c.case_id == case_id, visits.c.recorded_by == unsigned)
                         .values(recorded_by=name))
        last = conn.execute(select(AuditRecord.id, AuditRecord.row_hash).order_by(AuditRecord.id.desc())
                            .limit(1)).first()
        issued = conn.exec_driver_sql("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").scalar()
        row_id, prev = max(last[0] if last else 0, issued or 0), last[1] if last else GENESIS
        out = []
        for (case_id, at, operator), account_id, actions, fields in groups:
            row_id += 1
            actor = (operator or "")[:ACTOR_MAX]
            kind = getattr(kind_of(actions[0]), "value", kind_of(actions[0]))
            summary = {"history": actions, **({"fields": fields[:20]} if fields else {})}
            text = summary_text(summary)
            digest = row_hash(id=row_id, at=at_text(at), account_id=account_id, actor=actor, kind=kind,
                              case_id=case_id, summary=text, prev_hash=prev)
            out.append({"id": row_id, "at": at, "account_id": account_id, "actor": actor, "kind": kind,
                        "case_id": case_id, "summary": text, "prev_hash": prev, "row_hash": digest})
            prev = digest
        if out:
            conn.execute(insert(AuditRecord.__table__), out)
    return len(out)
