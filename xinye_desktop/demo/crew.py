"""The demo's accounts (issue 15): the committee's chair as 管理员, two 调解员, a 记录人 and a 查阅 from the
司法所, with demo passwords, and the demo's writes done as them, so that its audit trail reads like a
committee's: the accounts set up before the first case, each case's history and its audit rows signed by
the mediator who worked it (the bulk written ones through storage/bulk.sign_and_audit_history, the
showcase through the services as that mediator, on the day it replays), and today's work at the end:
logins, a 调解记录 printed by the 记录人, a full ID number shown, the ledger exported, a backup.

Only with ``generate(..., accounts=True)``: the data is then sealed with the accounts' key (a login seals
it), so that everything after reads it only logged in.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..domain.accounts import AccountRole
from ..domain.audit import AuditKind
from ..services import keys
from ..services.accounts import AccountService, AccountSession
from ..storage import bulk
from ..storage.actor import NOBODY, AccountActor
from ..storage.database import Database
from ..storage.sealing import FieldSealer

# The setting up is dated this long before the demo's today: before its first case (cases.py draws the
# received dates from the three years before today).
SET_UP_BEFORE = dt.timedelta(days=3 * 365 + 7)
FIRST_PASSWORD = "临时密码2026"  # what the administrator hands each holder, changed at their first login


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    display_name: str
    role: AccountRole
    note: str


ADMIN = DemoAccount("wangbg", "王庄调解2026", "王保国", AccountRole.ADMIN, "调委会主任")
MEDIATORS = (DemoAccount("liuzh", "调解员刘2026", "刘振华", AccountRole.MEDIATOR, "调解员"),
             DemoAccount("zhangxm", "调解员张2026", "张秀梅", AccountRole.MEDIATOR, "调解员"))
RECORDER_LOGIN = ("jilu", "记录人2026密码")  # the name is the 记录人 of a case in the demo's data
VIEWER = DemoAccount("sfs_zhao", "司法所查阅2026", "赵建民", AccountRole.VIEWER, "王庄镇司法所，只读")

# What a history line's audit row is called (services write them with these kinds).
_KINDS = {"create": AuditKind.CASE, "update": AuditKind.CASE, "prevention": AuditKind.CASE, "status": AuditKind.CASE,
          "session_start": AuditKind.SITTING, "session_finish": AuditKind.SITTING,
          "agreement_new": AuditKind.AGREEMENT, "agreement_sign": AuditKind.AGREEMENT,
          "agreement_print": AuditKind.PRINT, "effect": AuditKind.AGREEMENT}


def kind_of(action: str) -> AuditKind:
    if action in _KINDS:
        return _KINDS[action]
    if action.startswith(("elder_", "role_")):
        return AuditKind.SELECTION
    if action.startswith(("visit_", "confirm")) or action == "performance":
        return AuditKind.AFTERCARE
    return AuditKind.WRITE


class _DatedActor(AccountActor):
    """A logged-in account whose audit rows are dated by the demo's clock (UnitOfWork.clock)."""

    def __init__(self, session: AccountSession, clock):
        super().__init__(session.account_id, session.display_name, session.role.value)
        self.clock = clock


class DemoCrew:
    def __init__(self, db: Database, today: dt.date, cost: keys.KdfCost | None = None,
                 set_up_before: dt.timedelta = SET_UP_BEFORE):
        self._db = db
        self._today = today
        self._now = dt.datetime.combine(today - set_up_before, dt.time(0, 30))  # 08:30 in Xinye, as UTC
        self._accounts = AccountService(db, clock=self.now, cost=cost or keys.PASSWORD_COST)
        self.known: dict[str, AccountSession] = {}  # each account's last session, to act as it
        self.open: set[str] = set()  # logged in (a logout row still to come)
        self.made: list[DemoAccount] = []
        self.recovery_key = ""

    def now(self) -> dt.datetime:
        return self._now

    def on(self, day: dt.date) -> None:
        """The day the next writes happen (history is redated to 10:30 of it: so are their rows)."""
        self._now = dt.datetime.combine(day, dt.time(2, 30))

    def _later(self, minutes: int = 3) -> None:
        self._now += dt.timedelta(minutes=minutes)

    # -- before the first case --------------------------------------------------------------------
    def set_up(self) -> None:
        """The chair sets the app up (the recovery key printed for the 司法所), then adds the two mediators
        and the 司法所's reader, who each choose their password at their first login."""
        made = self._accounts.create_first_admin(ADMIN.username, ADMIN.display_name, ADMIN.password)
        self.known[ADMIN.username], self.recovery_key = made.session, made.recovery_key
        self.open.add(ADMIN.username)
        self.made.append(ADMIN)
        for account in (*MEDIATORS, VIEWER):
            self._later()
            self._add(account)
            self._later(2)
            self._log_out(account.username)
        self._later(10)
        self._log_out(ADMIN.username)
        # The years of work that follow are signed by the mediator of each case (work_on), without a
        # login row for every day of it: the demo acts through the sessions opened here.
        self._resume(self.known[ADMIN.username])

    def _add(self, account: DemoAccount) -> AccountSession:
        self._accounts.add_account(self.known[ADMIN.username], account.username, account.display_name,
                                   account.role, FIRST_PASSWORD)
        self._later(1)
        first = self._accounts.login(account.username, FIRST_PASSWORD)
        session = self._accounts.change_password(first, FIRST_PASSWORD, account.password)
        self.known[account.username] = session
        self.open.add(account.username)
        self.made.append(account)
        self.act_as(account.username)
        return session

    def act_as(self, username: str) -> None:
        """The account at the keyboard from now on (its session was opened by a login)."""
        self._db.use_actor_source(_DatedActor(self.known[username], self.now))

    def mediator_of(self, case_id: int) -> DemoAccount:
        return MEDIATORS[case_id % len(MEDIATORS)]

    def work_on(self, case_id: int) -> None:
        self.act_as(self.mediator_of(case_id).username)

    # -- the bulk ---------------------------------------------------------------------------------
    def sign_bulk(self, after_history_id: int, unsigned: str) -> int:
        """The history written in bulk since ``after_history_id``: signed by each case's mediator, with
        its audit rows."""
        def signer(case_id: int):
            session = self.known[self.mediator_of(case_id).username]
            return session.account_id, session.display_name

        return bulk.sign_and_audit_history(self._db, after_history_id, signer, kind_of, unsigned)

    # -- today ------------------------------------------------------------------------------------
    def today_begins(self) -> None:
        self._now = dt.datetime.combine(self._today, dt.time(0, 45))

    def finish(self, showcase_cases: list[int], paperwork=None) -> None:
        """Today's work, as the trail of a morning at the office shows it; ``paperwork()``: the case
        files' documents, printed by a mediator."""
        from ..domain.roles import Role
        from ..paths import DataPaths
        from ..services.backup import MANUAL, BackupService
        from ..services.documents import DocumentService
        from ..services.intake import IntakeService
        from ..services.ledger import LedgerService
        from ..services.selection import SelectionService
        from ..services.session import SessionService
        from ..storage.ledger_queries import LedgerFilter

        paths = DataPaths(self._db.path.parent)
        selection = SelectionService(self._db, today=lambda: self._today)
        sessions = SessionService(self._db, selection, today=lambda: self._today)
        documents = DocumentService(self._db, paths, today=lambda: self._today, sessions=sessions)
        # The chair logs in and adds the 记录人 of a case that was mediated.
        self.today_begins()
        self._log_in(ADMIN)
        recorded = None
        for case_id in sorted(showcase_cases):
            recorders = selection.state(case_id).people(Role.RECORDER)
            sittings = [s for s in sessions.overview(case_id).sittings if s.finished]
            if recorders and sittings:
                recorded = (case_id, recorders[0].name, sittings[-1].id)
                break
        if recorded is not None:
            self._later()
            recorder = DemoAccount(*RECORDER_LOGIN, recorded[1], AccountRole.RECORDER, "记录人")
            self._add(recorder)
            self.act_as(recorder.username)
            self._later(20)
            documents.mediation_record(recorded[2])  # the 调解记录 of their own case, printed
            self._log_out(recorder.username)
        # A mediator looks up a party's full ID number for a court form, and exports the ledger.
        mediator = MEDIATORS[0]
        self._later(30)
        self._log_in(mediator)
        mine = next((c for c in sorted(showcase_cases) if self.mediator_of(c) is mediator), None)
        if mine is not None:
            intake = IntakeService(self._db)
            party = next((p for p in intake.load(mine).parties if p.id_number), None)
            if party is not None:
                self._later(5)
                intake.reveal(mine, party.id, "id_number")
        if paperwork is not None:
            self._later(5)
            paperwork()
        with tempfile.TemporaryDirectory(prefix="xinye-demo-") as scratch:
            self._later(10)
            LedgerService(self._db, today=lambda: self._today).export_xlsx(
                LedgerFilter(), "received_date", True, Path(scratch) / "纠纷台账.xlsx")
        self._log_out(mediator.username)
        # The 司法所's reader looks in; the chair makes the day's backup and logs out.
        self._later(60)
        self._log_in(VIEWER)
        self._later(15)
        self._log_out(VIEWER.username)
        self._later(5)
        self.act_as(ADMIN.username)
        BackupService(paths, self._db).create(MANUAL)
        self._later(2)
        self._log_out(ADMIN.username)
        # Nobody is logged in when the demo is done: what reads the data next logs in.
        self._db.use_actor_source(NOBODY)
        self._db.use_sealer(None)

    def _log_in(self, account: DemoAccount) -> None:
        self.known[account.username] = self._accounts.login(account.username, account.password)
        self.open.add(account.username)
        self.act_as(account.username)

    def _log_out(self, username: str) -> None:
        if username in self.open:
            self.open.discard(username)
            self._accounts.logout(self.known[username])
        # A logout of the service's current session took the key away and installed NOBODY: the demo
        # carries on as the chair, through the chair's session.
        self._resume(self.known[ADMIN.username])

    def _resume(self, session: AccountSession) -> None:
        self._db.use_sealer(FieldSealer(session.data_key))
        self._db.use_actor_source(_DatedActor(session, self.now))


def account_lines(accounts: tuple[DemoAccount, ...], recovery_key: str) -> list[str]:
    """What the ``demo`` command prints: each account's user name and password."""
    lines = ["演示账号（用户名 / 密码）："]
    for a in accounts:
        lines.append(f"  {a.role.label}　{a.display_name}（{a.note}）：{a.username} / {a.password}")
    if recovery_key:
        lines.append(f"恢复密钥（所有密码都丢失时用）：{recovery_key}")
    return lines
