"""A data folder's database opened for a command of the command line (``__main__.py``), which goes
through the services and never touches storage itself.

A reading command (verify, statistics, agreement, audit verify) must work on data in a folder that
cannot be written (a CD, a write-protected USB drive, a share without write permission): the database
is then opened read-only, so that no -wal, -shm or upgrade is made, and one that needs an upgrade
first is left as it is (``Outdated``).

Where the folder has accounts (issue 15), ``refuse_until_login`` makes every service refuse until
a login (services/accounts.py ``AccountService.login``) says who acts.
"""

from __future__ import annotations

import os
import sqlite3

from ..paths import DataPaths
from ..storage.actor import NOBODY
from ..storage.database import Database, SchemaOutdated
from .accounts import AccountService
from .failures import probe_writable

ACCOUNTS_REVISION = "0008"  # the schema revision that added the accounts (revisions sort by their number)

# A database a version behind in a folder that cannot be written: it would have to be upgraded first.
Outdated = SchemaOutdated


def open_database(paths: DataPaths) -> Database:
    """The folder's database as the app opens it (nothing is touched until it is used)."""
    return Database(paths.database)


def _cannot_write(paths: DataPaths) -> bool:
    return probe_writable(paths.root) is not None or not os.access(paths.database, os.W_OK)


def open_as_found(paths: DataPaths) -> Database:
    """The folder's existing database, never upgraded, read-only where the folder or the file cannot
    be written (a backup --to from a write-protected drive)."""
    return Database(paths.database, read_only=_cannot_write(paths))


def open_for_reading(paths: DataPaths) -> Database:
    """The folder's database with its schema current, opened read-only where the folder or the file
    cannot be written; ``Outdated`` (the database closed again) when it would need an upgrade then."""
    db = Database(paths.database, read_only=_cannot_write(paths))
    try:
        db.ensure_schema()
    except SchemaOutdated:
        db.close()
        raise
    return db


class HubDatabaseRefused(RuntimeError):
    """The hub's PostgreSQL database cannot be used; ``text`` says why in one plain Chinese sentence (no
    password in it). Nothing was created or changed. ``empty``: the server answered, and the database
    holds nothing yet (hub-setup makes it a hub; every other command is refused)."""

    def __init__(self, text: str, *, empty: bool = False):
        super().__init__(text)
        self.text = text
        self.empty = empty


_UNREACHABLE = {
    "password": "PostgreSQL 服务器拒绝了用户 {user} 的登录：密码不对或没有给出密码（可以写在网址里，或用环境变量 "
                "PGPASSWORD、~/.pgpass 给出）",
    "role": "PostgreSQL 服务器上没有用户 {user}：请让管理服务器的人建好这个用户（CREATE ROLE），或改正网址里的用户名",
    "database": "PostgreSQL 服务器上没有数据库 {database}：请先建好它（createdb），或改正网址里的数据库名",
    "host": "找不到服务器 {host}：请检查网址里的服务器名",
    "server": "连不上 PostgreSQL 服务器 {host}：服务器没有运行，或者网络不通、端口不对",
    "other": "打不开 PostgreSQL 数据库",
}


def open_hub_database(url: str, *, create: bool = False):
    """The hub's PostgreSQL database at ``url``, its schema brought to the head revision (``create``: an empty
    database gets the schema, as hub-setup does; otherwise one that holds nothing yet is refused, naming
    hub-setup). ``HubDatabaseRefused`` with the reason: not a PostgreSQL URL, psycopg missing, the server
    unreachable or refusing the login, the database made by a newer version of the app."""
    from ..storage.database import HEAD_REVISION
    from ..storage.hub_database import HubDatabase, HubDatabaseUnavailable, HubDatabaseUnreachable, is_database_url

    if not is_database_url(url):
        raise HubDatabaseRefused(f"“{url}”不是 PostgreSQL 数据库的网址：--database 请写 "
                                 "postgresql://用户名:密码@服务器/数据库名，如 postgresql://xinye@localhost/xinye_hub"
                                 "。什么都没有做。")
    try:
        db = HubDatabase(url)
    except (HubDatabaseUnavailable, ValueError) as err:  # ValueError: SQLAlchemy could not read the URL
        raise HubDatabaseRefused(f"--database 的网址读不懂（{err}）。什么都没有做。") from None
    where = db.display_url
    try:
        revision = db.probe()
    except HubDatabaseUnreachable as err:
        db.close()
        url_parts = db.url
        said = _UNREACHABLE.get(err.reason, _UNREACHABLE["other"]).format(
            user=url_parts.username or "（未写明）", database=url_parts.database or "（未写明）",
            host=url_parts.host or url_parts.query.get("host") or "localhost")
        raise HubDatabaseRefused(f"{said}（{where}；{err.detail}）。什么都没有做。") from None
    except HubDatabaseUnavailable as err:
        db.close()
        raise HubDatabaseRefused(f"这台电脑上的三理室调解台不能连接 PostgreSQL：缺少 psycopg（{err}）。什么都没有做。") from None
    if revision is None and not create:
        db.close()
        raise HubDatabaseRefused(f"数据库 {where} 里还没有三理室调解台的数据：请先用 hub-setup --database 把它设为汇总端。"
                                 "什么都没有做。", empty=True)
    if revision is not None and revision[:4].isdigit() and revision[:4] > HEAD_REVISION[:4]:
        db.close()
        raise HubDatabaseRefused(f"数据库 {where} 是较新版本的三理室调解台建的（{revision}）：请先把这台电脑上的程序升级。"
                                 "什么都没有改动。")
    try:
        db.ensure_schema()
    except BaseException:
        db.close()
        raise
    return db


def refuse_until_login(db: Database) -> bool:
    """True when the database holds accounts: NOBODY then acts (storage/actor.py), so that every
    service refuses (services/access.py guard) until a login installs an account. False, and nothing
    installed, for a database without accounts (none made yet, or from before them) and for a file
    that cannot be read as a database (damaged: ``restore`` must still be able to replace it, and the
    other commands report it as before)."""
    if db.path is not None and not db.path.is_file():  # None: a hub's PostgreSQL database, no file
        return False
    try:
        revision = db.current_revision()
        if revision is None or revision[:len(ACCOUNTS_REVISION)] < ACCOUNTS_REVISION:
            return False
        if AccountService(db).needs_setup():
            return False
    except sqlite3.DatabaseError:
        return False
    db.use_actor_source(NOBODY)
    return True


__all__ = ["ACCOUNTS_REVISION", "HubDatabaseRefused", "Outdated", "open_as_found", "open_database",
           "open_for_reading", "open_hub_database", "refuse_until_login"]
