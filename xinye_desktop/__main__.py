"""Command line: ``xinye-desktop [--data-dir DIR] [--user NAME] [--smoke-test]``, ``demo``, ``demo-county``, ``agreement``,
``verify``, ``statistics``, ``backup``, ``restore``, ``check``, ``audit verify``, ``accounts list``,
``export-package``, ``import-return``, and the hub's ``hub-setup``, ``hub-key``, ``import-package``, ``hub-status``,
``hub-statistics``, ``hub-return``, ``hub-settings``, ``hub-export-package``, ``hub-revoke-key`` and ``hub-roster``.

Exit codes, the same for every command (also in ``--help``):

0  done; for ``check`` the data is sound, for ``verify`` the code belongs to an intact archived document
1  ``check`` or ``verify`` found a problem, or the work started and failed on the way (the disk filled
   up, an archived file is missing or altered, the backup could not be completed)
2  nothing was done because of what was given: a wrong argument (period, 案号, village), no database or
   backup file where it was said to be, a folder for --out, --to or --data-dir that does not exist or
   cannot be written, a database that needs an upgrade in a folder that cannot be written
3  refused, to protect the data: demo data over real cases, a draft agreement, a restore while the app
   has the data folder open, no valid login where the data folder has accounts (ACCOUNTS below)

Every failure is one plain Chinese sentence on stderr, not a traceback, and nothing is created that
was not asked for: an --out or --to file goes only into a folder that already exists. The reading
commands (verify, statistics, agreement, check, backup --to) also work on a data folder that cannot
be written: the database is then opened read-only and never upgraded.

Accounts (issue 15): where the data folder has accounts, a command that reads personal data or
changes anything logs in first (``--user``; the password from XINYE_PASSWORD, else asked without
echo, never on the command line); until then NOBODY acts, so every service refuses. Which commands,
in ``ACCOUNTS``.

The hub's PostgreSQL database (issue 16 item 5): ``--database postgresql://...`` gives the hub's commands and
``--hub`` that database instead of the data folder's SQLite file (the folder keeps the hub's documents and
files); ``hub-setup --admin-name`` makes its first administrator. Every other command refuses it (exit 2).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

PASSWORD_VARIABLE = "XINYE_PASSWORD"

ACCOUNTS = f"""accounts:
  where the data folder has accounts, these log in first: agreement, verify, statistics --out,
  backup, restore, demo (into a folder that has accounts), accounts list, export-package, new-signing-key, hub-setup,
  import-package, hub-status, hub-statistics, hub-return, hub-settings, import-return,
  hub-export-package, hub-revoke-key, hub-roster. Give
  --user NAME; the password is read from the environment variable {PASSWORD_VARIABLE}, else asked for
  (not shown).
  Without a valid login they exit 3 and do nothing (a wrong password counts as at the window's
  login). check, statistics (no --out) and audit verify need none (they read only figures and the
  files' integrity, and show no name, ID number or phone) and ignore --user."""

EXIT_CODES = """exit codes:
  0  done (check: the data is sound; verify: the code belongs to an intact archived document)
  1  check or verify found a problem, or the work failed on the way (disk full, archive file
     missing or altered, backup not completed)
  2  nothing done: a wrong argument, no database or backup file, an --out/--to/--data-dir folder
     that does not exist or cannot be written, an old database in a read-only folder
  3  refused to protect the data (demo over real cases, a draft agreement, restore while the app runs,
     no valid --user login where the data folder has accounts)"""

EPILOG = ACCOUNTS + "\n\n" + EXIT_CODES


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS,
                        help="folder for the database, drafts and generated files (default: the per-user data folder)")
    common.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS,
                        help=f"the account to log in as where the data folder has accounts; the password comes "
                             f"from {PASSWORD_VARIABLE} or is asked for, never on the command line")
    common.add_argument("--database", metavar="URL", default=argparse.SUPPRESS,
                        help="the hub's PostgreSQL database (postgresql://user:password@host/dbname) instead of the "
                             "data folder's SQLite file; only for the hub's commands (hub-setup, import-package, "
                             "hub-status, ...) and --hub. The data folder still holds the hub's documents and files")
    parser = argparse.ArgumentParser(prog="xinye-desktop", parents=[common],
                                     description="三理室调解台 — people's mediation for Xinye's 三理室",
                                     epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke-test", action="store_true",
                        help="start the full GUI, show every tab, exit 0 (or non-zero with the error)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="interface language (default: last used, 简体中文)")
    parser.add_argument("--hub", action="store_true",
                        help="start as a 司法所 or 司法局 hub (issue 16): the window over the villages' packages; a data "
                             "folder that is not a hub yet is set up as one first (an administrator, once). A folder "
                             "made a hub with hub-setup opens as one without it")
    from . import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command")

    def add_command(name: str, **kwargs) -> argparse.ArgumentParser:
        return commands.add_parser(name, epilog=EPILOG,
                                   formatter_class=argparse.RawDescriptionHelpFormatter, **kwargs)

    demo = add_command("demo", parents=[common], help="fill a database with realistic demo data")
    demo.add_argument("--cases", type=int, default=300, help="number of cases (default 300)")
    demo.add_argument("--seed", type=int, default=2026, help="random seed, for repeatable data")
    demo.add_argument("--append", action="store_true", help="add to a database that already has cases")
    demo.set_defaults(func=run_demo)
    county = add_command("demo-county",
                         help="the demo at county scale (issue 16): a hub (新野县司法局, or a 司法所), a village data "
                              "folder per committee with its own accounts and keys, and each village's package for "
                              "the hub; ~9 s of one core a village of 1,000 cases, so the default county "
                              "(255 villages' year) takes ~20 min on 2 cores, --years 3 about an hour")
    county.add_argument("--to", type=Path, required=True, metavar="FOLDER",
                        help="a new or empty folder (its parent must exist): FOLDER/hub, FOLDER/villages/<村名>, "
                             "FOLDER/packages/<乡镇>/<村名>-YYYY-MM.xdx")
    county.add_argument("--villages", type=int, default=255, help="how many villages (default 255, the county's)")
    county.add_argument("--years", type=int, default=1, help="years of cases, back from today (default 1)")
    county.add_argument("--cases-per-year", type=int, default=1000,
                        help="cases a village a year (default 1,000: the county's ~750,000 in 3 years)")
    county.add_argument("--seed", type=int, default=2026, help="random seed, for repeatable data")
    county.add_argument("--hub", default="司法局", metavar="司法局|司法所",
                        help="the hub: 司法局 (新野县, the villages over its townships; default) or 司法所 (one "
                             "township's, --township, every village in it)")
    county.add_argument("--township", default="王庄镇", help="the 司法所's township with --hub 司法所 (default 王庄镇)")
    county.add_argument("--import", dest="import_all", action="store_true",
                        help="import every package into the hub afterwards")
    county.add_argument("--workers", type=int, help="processes making the villages (default: one per core)")
    county.set_defaults(func=run_demo_county)
    agreement = add_command("agreement", parents=[common],
                            help="write a case's current 人民调解协议书 as archived: the signed version in force, else the "
                                 "newest printed one (a draft is not printed from here); changes nothing")
    agreement.add_argument("case_number", help="案号, e.g. （2026）新调字第001号")
    agreement.add_argument("--out", type=Path, required=True, help="PDF file to write")
    agreement.set_defaults(func=run_agreement)
    verify = add_command("verify", parents=[common],
                         help="say which archived agreement and version a printed code belongs to")
    verify.add_argument("code", help="the code printed on every page, e.g. 6DE4-7HPF-1EW6")
    verify.set_defaults(func=run_verify)
    statistics = add_command("statistics", parents=[common],
                             help="the figures for the 司法所 for a month, quarter or year, optionally as .xlsx")
    statistics.add_argument("period", help="2026-11 (a month), 2026Q4 (a quarter) or 2026 (a year)")
    statistics.add_argument("--out", type=Path, help="write the report as an .xlsx workbook")
    statistics.add_argument("--village", metavar="NAME",
                            help="only this village (e.g. 廖庄村, or 上庄乡廖庄村 where two townships have one)")
    statistics.set_defaults(func=run_statistics)
    backup = add_command("backup", parents=[common],
                         help="back up the database and the archived documents (verified after writing)")
    backup.add_argument("--to", type=Path, metavar="FILE",
                        help="write one .zip file there (e.g. on a USB drive); without it, a backup in the "
                             "data folder's backups/ (and the second backup folder, if one is set)")
    backup.set_defaults(func=run_backup)
    restore = add_command("restore", parents=[common],
                          help="restore a backup (a .zip from 'backup --to', a backup folder or a "
                               ".sqlite3 copy); what is there now is backed up first")
    restore.add_argument("file", type=Path, metavar="FILE")
    restore.set_defaults(func=run_restore)
    check = add_command("check", parents=[common],
                        help="check the database (integrity, links between records), the archived documents "
                             "and the last backup; exit 0 when the data is sound, 1 otherwise")
    check.set_defaults(func=run_check)
    audit = add_command("audit", help="the audit trail (who did what, when)")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True)
    audit_verify = audit_commands.add_parser("verify", parents=[common], epilog=EPILOG,
                                             formatter_class=argparse.RawDescriptionHelpFormatter,
                                             help="walk the audit trail's hash chain; exit 0 when intact, 1 at "
                                                  "the first broken link (its row is named)")
    audit_verify.set_defaults(func=run_audit)
    accounts = add_command("accounts", help="the accounts of the data folder (an administrator's login)")
    accounts_commands = accounts.add_subparsers(dest="accounts_command", required=True)
    accounts_list = accounts_commands.add_parser("list", parents=[common], epilog=EPILOG,
                                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                                 help="list the accounts: user name, name, role, state")
    accounts_list.set_defaults(func=run_accounts_list)
    export_package = add_command("export-package", parents=[common],
                                 help="write the package for the 司法所 (issue 16): what changed since the last "
                                      "package it acknowledged, the month's figures (or a zero report) and the "
                                      "archived documents, signed, the personal data encrypted to the 司法所's key")
    export_package.add_argument("--to", type=Path, required=True, metavar="FILE",
                                help="the .xdx file to write (e.g. on a USB drive), or a folder to make "
                                     "王庄村-2026-12.xdx in")
    export_package.add_argument("--month", metavar="YYYY-MM", help="the month whose figures it carries (default: this month)")
    export_package.add_argument("--hub-key", type=Path, metavar="FILE",
                                help="the 司法所's public key (base64 or 32 bytes), where the data folder has none yet")
    export_package.set_defaults(func=run_export_package)
    new_key = add_command("new-signing-key", parents=[common],
                          help="make the committee a new key to sign its packages with, once the 司法所 has revoked "
                               "the old one (a lost or stolen PC, a backup in other hands): an administrator; the "
                               "old and new fingerprints are printed to read to the 司法所 over the phone")
    new_key.add_argument("--confirm", action="store_true",
                         help="required: the 司法所 refuses packages signed with the new key until it has revoked "
                              "the old one")
    new_key.set_defaults(func=run_new_signing_key)
    hub_setup = add_command("hub-setup", parents=[common],
                            help="make this data folder a hub (issue 16): a 司法所 (its township) or a 司法局 (its "
                                 "county) that imports the villages' packages, with its own key pair; writes its "
                                 "public key to hub-key.txt for the villages. Once only, in a folder without cases")
    hub_setup.add_argument("--mode", required=True, metavar="司法所|司法局", help="the office: 司法所 or 司法局")
    hub_setup.add_argument("--area", required=True, help="its township (王庄镇) or county (新野县)")
    hub_setup.add_argument("--name", default="", help="the office's name (default: the area and 司法所/司法局)")
    hub_setup.add_argument("--key-out", type=Path, metavar="FILE",
                           help="where to write the public key (default: hub-key.txt in the data folder)")
    hub_setup.add_argument("--admin-name", metavar="姓名",
                           help="make the first administrator too (a database without accounts, as a new "
                                "PostgreSQL one, where it is required): --user is the user name, this the "
                                f"person's name; the password from {PASSWORD_VARIABLE}, else asked for twice. "
                                "The recovery key is printed once")
    hub_setup.set_defaults(func=run_hub_setup)
    hub_key = add_command("hub-key", parents=[common], help="write the hub's public key again (hub-key.txt)")
    hub_key.add_argument("--to", type=Path, required=True, metavar="FILE", help="the file, or a folder for hub-key.txt")
    hub_key.set_defaults(func=run_hub_key)
    import_package = add_command("import-package", parents=[common],
                                 help="import villages' packages into the hub (issue 16): .xdx files or folders of "
                                      "them, each checked whole and imported in one transaction, with a summary per "
                                      "package (new, updated, unchanged, refused and why); exit 1 if any was refused")
    import_package.add_argument("packages", nargs="+", type=Path, metavar="FILE_OR_FOLDER")
    import_package.set_defaults(func=run_import_package)
    hub_status = add_command("hub-status", parents=[common],
                             help="the hub's month (issue 16): which committees reported (zero reports too) and "
                                  "which did not, the overdue 回访 and the 司法确认 windows about to close across "
                                  "villages, as of today")
    hub_status.add_argument("--month", required=True, metavar="YYYY-MM", help="the month of the reports, e.g. 2026-11")
    hub_status.set_defaults(func=run_hub_status)
    hub_statistics = add_command("hub-statistics", parents=[common],
                                 help="the villages' figures for a month or a year rolled up village → township → "
                                      "county, beside what the hub's 台账 counts; optionally as .xlsx")
    chosen = hub_statistics.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--month", metavar="YYYY-MM", help="a month, e.g. 2026-11")
    chosen.add_argument("--year", metavar="YYYY", help="a year, e.g. 2026")
    hub_statistics.add_argument("--out", type=Path, help="write the report as an .xlsx workbook")
    hub_statistics.set_defaults(func=run_hub_statistics)
    hub_return = add_command("hub-return", parents=[common],
                             help="write the hub's return package (回执包) for each village committee (issue 16): "
                                  "the acknowledgement, the review decisions, the settings for villages and "
                                  "optionally an installer, signed by the hub")
    hub_return.add_argument("--to", type=Path, required=True, metavar="FOLDER",
                            help="the folder to write 王庄村-回执-2026-12.xdr and the others in (e.g. a USB drive)")
    hub_return.add_argument("--committee", metavar="ID_OR_NAME",
                            help="only this committee (its id, its full name or its village, e.g. 王庄村)")
    hub_return.add_argument("--installer", type=Path, metavar="FILE",
                            help="a new installer to send with it (the village keeps it for a person to run)")
    hub_return.set_defaults(func=run_hub_return)
    hub_settings = add_command("hub-settings", parents=[common],
                               help="the settings the hub's return packages set at its villages; without "
                                    "options, show them")
    hub_settings.add_argument("--case-prefix", metavar="PREFIX", help="the case-number prefix (e.g. 新); '' to stop setting it")
    hub_settings.add_argument("--visit-days", metavar="DAYS",
                              help="days from an agreement taking effect to the first return visit; '' to stop setting it")
    types = hub_settings.add_mutually_exclusive_group()
    types.add_argument("--dispute-type", action="append", metavar="NAME=CATEGORY", dest="dispute_types",
                       help="a local dispute type filed under one of the 15 categories (e.g. 继承纠纷=婚姻家庭纠纷); "
                            "repeat for each: the list replaces the one set before")
    types.add_argument("--no-dispute-types", action="store_true",
                       help="send an empty list of local dispute types (the villages drop theirs)")
    hub_settings.set_defaults(func=run_hub_settings)
    import_return = add_command("import-return", parents=[common],
                                help="import the 司法所's return package (回执包) at the village: checked whole, then "
                                     "its acknowledgement, review decisions and settings in one transaction")
    import_return.add_argument("file", type=Path, metavar="FILE")
    import_return.set_defaults(func=run_import_return)
    hub_export = add_command("hub-export-package", parents=[common],
                             help="a 司法所's relay packages to the 司法局 (issue 16): one per village with anything "
                                  "new since the last relay, signed by the 司法所, the personal data encrypted to "
                                  "the 司法局's key; written as 王庄村-2026-12-经王庄镇.xdx")
    hub_export.add_argument("--to", type=Path, required=True, metavar="FOLDER", help="the folder to write them in")
    hub_export.add_argument("--county-key", type=Path, metavar="FILE",
                            help="the 司法局's public key (its hub-key.txt); needed the first time only: the first "
                                 "relay written remembers it")
    hub_export.add_argument("--replace-county-key", action="store_true",
                            help="use the --county-key given although another key is remembered (the 司法局 made "
                                 "a new key pair: check its fingerprint by phone first)")
    hub_export.add_argument("--month", metavar="YYYY-MM",
                            help="the month they are for (default: the newest month each village reported)")
    hub_export.add_argument("--all", action="store_true", dest="resend_all",
                            help="everything the 司法所 holds again, not only what is new")
    hub_export.set_defaults(func=run_hub_export_package)
    hub_revoke = add_command("hub-revoke-key", parents=[common],
                             help="revoke a village committee's signing key at the hub (its PC lost or stolen, its "
                                  "key leaked): packages signed by it are refused from then on, and the "
                                  "committee's next package signed by a new key registers that key")
    hub_revoke.add_argument("committee", metavar="COMMITTEE",
                            help="the committee: its id, its full name or its village (e.g. 王庄村)")
    hub_revoke.add_argument("--reason", required=True, help="why (kept with the revocation), e.g. 村里的电脑被盗")
    hub_revoke.set_defaults(func=run_hub_revoke_key)
    hub_roster = add_command("hub-roster", parents=[common],
                             help="the hub's roster of role people for its villages (联村干警, 见证人 of the township's "
                                  "departments), sent down in the return packages: without options, list it "
                                  "(phones masked); --add one, or --retire one (kept, never deleted)")
    roster_action = hub_roster.add_mutually_exclusive_group()
    roster_action.add_argument("--add", action="store_true", help="add a person (--role, --name, --unit, ...)")
    roster_action.add_argument("--retire", type=int, metavar="ID", help="retire the person with this number (the list's)")
    hub_roster.add_argument("--role", default="", metavar="ROLE", help="联村干警 (or another 主持人's kind: 乡镇干部, 村干部), or 见证人")
    hub_roster.add_argument("--name", default="", help="the person's name")
    hub_roster.add_argument("--unit", default="", help="the unit or department, e.g. 王庄镇派出所")
    hub_roster.add_argument("--post", default="", help="the post, e.g. 民警")
    hub_roster.add_argument("--phone", default="", help="the phone (kept sealed, shown masked)")
    hub_roster.add_argument("--village", metavar="VILLAGE",
                            help="only for this committee (its id, full name or village, e.g. 王庄村); default: every village")
    hub_roster.add_argument("--township", metavar="TOWNSHIP",
                            help="only for the villages of this township (a 司法局's roster), e.g. 王庄镇")
    hub_roster.set_defaults(func=run_hub_roster)
    return parser


def parse_period(text: str):
    """2026-11 / 2026年11月 → a month; 2026Q4 / 2026-Q4 → a quarter; 2026 → a year; None if not a period."""
    import re

    from .domain.statistics import Period, PeriodKind

    text = text.strip().upper().replace("年", "-").rstrip("月")
    patterns = ((r"(\d{4})-?Q([1-4])", PeriodKind.QUARTER), (r"(\d{4})-(\d{1,2})", PeriodKind.MONTH),
                (r"(\d{4})-?", PeriodKind.YEAR))
    for pattern, kind in patterns:
        match = re.fullmatch(pattern, text)
        if match:
            try:
                return Period(kind, int(match.group(1)), int(match.group(2)) if kind is not PeriodKind.YEAR else 1)
            except ValueError:
                return None
    return None


def run_statistics(args) -> int:
    from .domain.statistics import percent
    from .services.settings import SettingsService
    from .services.statistics import StatisticsService

    period = parse_period(args.period)
    if period is None:
        print(f"“{args.period}”不是统计期：请写 2026-11（月）、2026Q4（季度）或 2026（年）。", file=sys.stderr)
        return 2
    if args.out is not None and _output_refused(args.out, "--out", "季报.xlsx"):
        return 2
    folder = data_folder(args, READ)
    if folder is None:
        return 2
    with folder:
        refused = log_in(args, folder, "statistics --out", needed=args.out is not None)
        if refused is not None:
            return refused
        service = StatisticsService(folder.db)
        village_id = None
        if args.village:
            found = service.find_village(args.village)
            if not found:
                print(f"没有名为“{args.village}”的村（社区）。", file=sys.stderr)
                return 2
            if len(found) > 1:
                print(f"“{args.village}”不止一个：{'、'.join(label for _id, label in found)}；"
                      f"请连同乡镇名一起写，如 {found[0][1]}。", file=sys.stderr)
                return 2
            village_id = found[0][0]
        s = service.compute(period, village_id)
        committee = SettingsService(folder.db).load().committee_name
        if args.out:
            target = service.export_xlsx(s, args.out, committee)
    print(f"{s.period_label}{('　' + s.village) if s.village else ''}（{s.start}至{s.end}）："
          f"受理{s.accepted}件（另不予受理{s.rejected}件），"
          f"调解成功{s.succeeded}件（书面{s.written}、口头{s.oral}），成功率{percent(s.success_rate)}，"
          f"协议涉及金额{s.amount_wan}万元，涉及当事人{s.parties}人次；"
          f"防止民间纠纷转化为刑事案件{s.prevented_criminal}件{s.prevented_criminal_people}人，"
          f"防止群体性上访{s.prevented_petition}件{s.prevented_petition_people}人；"
          f"排查{s.canvasses}次，排查发现纠纷{s.canvass_found}件，预防纠纷{s.canvass_prevented}件。")
    if args.out:
        print(f"报表已写入：{target}")
    return 0


READ, EXISTING, WRITE = "read", "existing", "write"


class DataFolder:
    """The data folder a command works on: ``paths``, and ``db``, its database (through
    services/data_folder.py; nothing is touched until it is used). Closes the database at the end of
    a ``with``."""

    def __init__(self, paths, db):
        self.paths = paths
        self.db = db
        self.session = None  # services/accounts.AccountSession once ``log_in`` has logged in

    def __enter__(self) -> "DataFolder":
        return self

    def __exit__(self, *exc) -> None:
        self.db.close()


def data_folder(args, need: str) -> DataFolder | None:
    """The one way a command gets its data folder: that of --data-dir, else the per-user one, made
    ready for what the command does; None, having said why on stderr (the command exits 2):

    READ      (verify, statistics, agreement, audit verify) the database must be there; it is opened
              with its schema current, read-only where the folder or the file cannot be written, and
              one that would need an upgrade first is then left as it is
    EXISTING  (backup, check) the database must be there; it is not upgraded, and is opened read-only
              where the folder or the file cannot be written
    WRITE     (demo, restore) the folder is made if need be and must be writable; nothing is created
              unless it can be used
    """
    from .paths import DataPaths, default_data_dir
    from .services.data_folder import Outdated, open_as_found, open_database, open_for_reading

    paths = DataPaths(getattr(args, "data_dir", None) or default_data_dir())
    if getattr(args, "database", None) is not None:  # a hub's commands only (main refuses the others)
        return _hub_database_folder(paths, args.database, need)
    if need == READ:
        if not paths.database.is_file():
            _say(f"找不到数据库：{paths.database}")
            return None
        try:
            return DataFolder(paths, open_for_reading(paths))
        except Outdated:
            _say(f"数据库 {paths.database} 是旧版本，要先升级才能读取；这个数据文件夹不能写入，所以没有升级，"
                 "也没有改动任何文件。请在能写入的文件夹里用三理室调解台打开一次（它会先备份再升级），"
                 "或把整个数据文件夹复制到能写入的地方再试。")
            return None
    if need == EXISTING:
        if not paths.database.exists():
            _say(f"找不到数据库：{paths.database}")
            return None
        return DataFolder(paths, open_as_found(paths))
    if need == WRITE and not _prepare_data_folder(paths):
        return None
    return DataFolder(paths, open_database(paths))


def _hub_database_folder(paths, url: str, need: str) -> DataFolder | None:
    """``--database URL``: the hub's PostgreSQL database (services/data_folder.open_hub_database: at the head
    revision, or refused with the reason and nothing done) with the data folder for its documents and files,
    made (WRITE) only once the database has opened."""
    from .services.data_folder import HubDatabaseRefused, open_hub_database

    try:
        db = open_hub_database(url)
    except HubDatabaseRefused as refused:
        _say(refused.text)
        return None
    if need == WRITE and not _prepare_data_folder(paths):
        db.close()
        return None
    return DataFolder(paths, db)


# Without accounts a hub on a server would keep its private key, and every village's personal data, open
# to whoever reaches the database: hub-setup makes the first administrator there.
NO_ACCOUNTS_ON_SERVER = ("PostgreSQL 上的汇总端要有账号：第一次设置时请同时设置第一个管理员，"
                         "加上 --user 用户名 --admin-name 姓名（密码由环境变量 " + PASSWORD_VARIABLE +
                         " 给出，或按提示输入两次）。什么都没有做。")


def _hub_setup_database(args) -> DataFolder | None:
    """hub-setup's PostgreSQL database: an empty one gets the schema only when the first administrator is
    made with it (--admin-name); one without accounts is refused without it. None having said why."""
    from .paths import DataPaths, default_data_dir
    from .services.accounts import AccountService
    from .services.data_folder import HubDatabaseRefused, open_hub_database

    paths = DataPaths(getattr(args, "data_dir", None) or default_data_dir())
    first_admin = args.admin_name is not None
    try:
        db = open_hub_database(args.database)
    except HubDatabaseRefused as refused:
        if not refused.empty or not first_admin:
            _say(NO_ACCOUNTS_ON_SERVER if refused.empty else refused.text)
            return None
        try:
            db = open_hub_database(args.database, create=True)
        except HubDatabaseRefused as again:
            _say(again.text)
            return None
    if not first_admin and AccountService(db).needs_setup():
        db.close()
        _say(NO_ACCOUNTS_ON_SERVER)
        return None
    if not _prepare_data_folder(paths):
        db.close()
        return None
    return DataFolder(paths, db)


def _first_admin_input(args) -> tuple[str, str, str] | None:
    """hub-setup --admin-name: (user name, name, password) checked as the set-up of the first administrator
    checks them, the password from XINYE_PASSWORD or typed twice; None having said why (nothing opened yet)."""
    from .domain.accounts import check_new_password, check_username
    from .domain.errors import FieldError
    from .domain.text import TextError, check_person_name

    user = getattr(args, "user", None)
    if user is None:
        _say("--admin-name 要和 --user 一起用：--user 写第一个管理员的用户名，--admin-name 写他的姓名。什么都没有做。")
        return None
    username, problem = check_username(user)
    problems = [problem] if problem is not None else []
    try:
        display = check_person_name(args.admin_name)
    except TextError as err:
        problems.append(FieldError("display_name", err.message, err.params))
    if problems:
        _say("没有设置管理员：" + "；".join(p.text() for p in problems) + "。什么都没有做。")
        return None
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None:
        password = _ask_password(username)
        again = _ask_password(username, "再输入一次 {user} 的密码：") if password is not None else None
        if password is None or again is None:
            _say("没有输入密码：没有设置管理员，什么都没有做。")
            return None
        if again != password:
            _say("两次输入的密码不一样：没有设置管理员，什么都没有做。")
            return None
    problem = check_new_password(password, username)
    if problem is not None:
        _say("没有设置管理员：" + _sentence(problem.text()) + "什么都没有做。")
        return None
    return username, display, password


def _make_first_admin(folder: DataFolder, username: str, display: str, password: str) -> int | None:
    """The first administrator made and logged in (services/accounts.create_first_admin: audited, the data
    key made, the recovery key printed once); None, or the exit code having said why."""
    from .domain.errors import Refused, ValidationFailed
    from .services.accounts import AccountService

    try:
        made = AccountService(folder.db).create_first_admin(username, display, password)
    except ValidationFailed as failed:
        _say("没有设置管理员：" + "；".join(error.text() for error in failed.errors) + "。什么都没有做。")
        return 2
    except Refused as refused:  # accounts exist already: log in with one of them instead
        _say(_sentence(refused.text()) + f"（不用 --admin-name，用 --user 登录即可。）什么都没有做。")
        return 3
    folder.session = made.session
    print(f"第一个管理员已设置：{made.session.username}（{made.session.display_name}），已登录。")
    print(f"恢复密钥（只显示这一次；所有管理员都忘记密码时，只有用它才能重新设置密码、打开加密保存的数据，"
          f"请抄下来另行妥善保管）：{made.recovery_key}")
    return None


def log_in(args, folder: DataFolder, command: str, *, needed: bool = True) -> int | None:
    """None when the command may go on, else 3 having said why. Where the data folder has accounts,
    NOBODY acts from here on (every service refuses), and a command that reads personal data or
    changes anything (``needed``) logs in as --user, the password from XINYE_PASSWORD or else asked
    for. A wrong password counts as at the window's login (slow-down, then lock-out; an audit row):
    AccountService.login does that, and installs the account and its data key."""
    from .domain.errors import Refused, ValidationFailed
    from .services.accounts import AccountService
    from .services.data_folder import refuse_until_login

    if not refuse_until_login(folder.db) or not needed:
        return None
    user = getattr(args, "user", None)
    if user is None:
        where = "这个数据库" if folder.db.path is None else "这个数据文件夹"  # None: the hub's PostgreSQL database
        _say(f"{where}设有账号，{command} 要先登录：请用 --user 指定用户名（密码在提示时输入，"
             f"或由环境变量 {PASSWORD_VARIABLE} 给出）。命令没有执行，没有改动任何数据。")
        return 3
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None:
        password = _ask_password(user)
        if password is None:
            _say("没有输入密码：没有登录，命令没有执行。")
            return 3
    try:
        folder.session = AccountService(folder.db).login(user, password)
    except ValidationFailed as failed:  # input that cannot be a login: nothing is written
        _say("没有登录：" + "；".join(error.text() for error in failed.errors) + "。命令没有执行，没有改动任何数据。")
        return 3
    except Refused as refused:  # wrong, waiting, locked, disabled: counted and audited by the service
        _say("没有登录：" + _sentence(refused.text()) + "命令没有执行。")
        return 3
    if folder.session.must_set_password:  # the first password an administrator gave is not the holder's own
        _say(f"账号 {folder.session.username} 还在用管理员设的初始密码：请先在三理室调解台里登录并设置自己的密码，"
             "再用命令行。命令没有执行。")
        return 3
    return None


def _ask_password(user: str, prompt: str = "{user} 的密码：") -> str | None:
    """The password typed at the terminal, not shown (getpass); from a pipe, its next line (for a
    script that does not use XINYE_PASSWORD). None when nothing comes (end of input, Ctrl-C)."""
    import getpass

    try:
        if sys.stdin is not None and sys.stdin.isatty():
            return getpass.getpass(prompt.format(user=user))
        line = sys.stdin.readline() if sys.stdin is not None else ""
    except (EOFError, KeyboardInterrupt, OSError):
        return None
    return line.rstrip("\r\n") if line else None


def _sentence(text: str) -> str:
    return text if text.endswith(("。", "！", "？")) else text + "。"


def _prepare_data_folder(paths) -> bool:
    """Make the data folder a command is to write into (demo, restore); False, having said why, when
    it cannot be made or written. Nothing is created unless the folder can be used."""
    from .services.failures import READ_ONLY, explain, failure, probe_writable

    root = paths.root
    if root.exists() and not root.is_dir():
        _say(f"{root} 是一个文件，不是文件夹：请用 --data-dir 指定一个文件夹。")
        return False
    existing = root
    while not existing.exists() and existing.parent != existing:
        existing = existing.parent
    problem = probe_writable(existing) if existing.is_dir() else failure(READ_ONLY, existing)
    if problem is None:
        try:
            paths.create()
        except OSError as err:
            problem = explain(err, root) or failure(READ_ONLY, root, str(err))
        else:
            problem = probe_writable(root)
    if problem is not None:
        _say(problem.text())
        return False
    return True


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _output_refused(target: Path, flag: str, example: str) -> bool:
    """True (having said why) unless ``target`` can be written as a file: a folder that does not exist
    is not made, since a mistyped path would otherwise scatter folders, and the file would not be where
    the user looks for it."""
    from .services.failures import MISSING, failure, probe_writable

    target = Path(target)
    if target.is_dir():
        _say(f"{target} 是一个文件夹：请在 {flag} 后写出文件名，如 {target / example}。没有写出任何文件。")
        return True
    folder = target.parent
    if not folder.is_dir():
        _say(failure(MISSING, folder).text() + "没有写出任何文件，也没有新建文件夹。")
        return True
    problem = probe_writable(folder)
    if problem is not None:
        _say(problem.text())
        return True
    return False


def _agreements(paths, db):
    from .services.agreements import AgreementService
    from .services.selection import SelectionService

    return AgreementService(db, paths, SelectionService(db))


def run_verify(args) -> int:
    """Exit 0 when the code belongs to an archived agreement (printing which one), else 1."""
    folder = data_folder(args, READ)
    if folder is None:
        return 2
    with folder:
        refused = log_in(args, folder, "verify")  # the archived version it checks holds the parties' data
        if refused is not None:
            return refused
        found = _agreements(folder.paths, folder.db).verify(args.code)
    if found.code is None:
        print(f"“{args.code}”不是核验码的格式（12位字母数字，如 6DE4-7HPF-1EW6）。", file=sys.stderr)
        return 1
    if not found.found:
        print(f"核验码 {found.code} 与本机存档的任何调解协议或案卷文书都不相符。")
        return 1
    from .services.agreements import verification_lines

    lines = [f"核验码 {found.code}："] + [message.format(**params) for message, params in verification_lines(found)]
    lines[:2] = [lines[0] + lines[1]]
    print("\n".join(lines))
    return 0 if found.intact and found.archive_ok else 1


def run_agreement(args) -> int:
    """Write the case's current agreement (the signed version in force, else the newest printed one) from
    the archive, checked against the hashes kept when it was printed. Changes nothing: a draft is not
    printed from here (exit 3, saying so); a missing or altered archive file is not copied (exit 1)."""
    from .domain.agreement import AgreementState
    from .domain.errors import Refused
    from .services.agreements import ArchiveDamaged, version_awaiting

    if _output_refused(args.out, "--out", "协议书.pdf"):
        return 2
    folder = data_folder(args, READ)
    if folder is None:
        return 2
    with folder:
        from .services.intake import IntakeService

        refused = log_in(args, folder, "agreement")
        if refused is not None:
            return refused
        case_id = IntakeService(folder.db).case_id(args.case_number)
        if case_id is None:
            print(f"找不到案件：{args.case_number}", file=sys.stderr)
            return 2
        service = _agreements(folder.paths, folder.db)
        try:
            version = service.copy_in_force(case_id, args.out)
        except Refused as refused:
            print(f"{args.case_number}：{_sentence(refused.text())}", file=sys.stderr)
            return 1 if isinstance(refused, ArchiveDamaged) else 3
        pending = version_awaiting(service.versions(case_id))
        unrecorded = "pdf_sha256" not in (version.document or {}).get("archive", {})
    print(f"{args.out}（第{version.number}版，{version.state.label}，核验码 {version.code}）")
    if version.state is AgreementState.SIGNED and pending is not None and pending.number > version.number:
        print(f"注意：第{pending.number}版已打印待签，各方签署前第{version.number}版仍然有效，这里写出的是第{version.number}版。")
    if unrecorded:
        print("这一版打印时尚未记录PDF文件本身的摘要：已核对存档内容，文件本身无法核对。")
    return 0


def run_demo(args) -> int:
    from .demo import DemoRefused, generate
    from .domain.accounts import Permission, require
    from .services.data_folder import refuse_until_login
    from .services.ledger import LedgerService

    if args.cases < 0:
        print("--cases 不能为负数", file=sys.stderr)
        return 2
    folder = data_folder(args, WRITE)
    if folder is None:
        return 2
    paths = folder.paths
    refused_demo = f"{paths.database} 里已经有案件，为免混入真实数据，未生成演示数据。确需追加请加 --append。"
    started = time.perf_counter()
    with folder:
        # Demo data over real cases is refused before anyone is asked to log in (as without accounts).
        if refuse_until_login(folder.db) and not args.append and LedgerService(folder.db).total():
            _say(refused_demo)
            return 3
        refused = log_in(args, folder, "demo")
        if refused is not None:
            return refused
        if folder.session is not None:  # demo cases among a committee's own: someone who may register cases
            require(folder.session.role, Permission.EDIT_CASES)
        try:
            # A folder without accounts gets the demo's (printed below); one with accounts keeps its own.
            summary = generate(folder.db, cases=args.cases, seed=args.seed, allow_existing=args.append, accounts=True)
        except DemoRefused:
            print(refused_demo, file=sys.stderr)
            return 3
    print(f"演示数据已生成：{summary.villages} 个村，{summary.elders} 位明白人，{summary.cases} 件案件，"
          f"{summary.parties} 位当事人；用时 {time.perf_counter() - started:.1f} 秒。\n数据库：{paths.database}")
    for line in summary.account_lines():
        print(line)
    return 0


def run_demo_county(args) -> int:
    """``demo-county``: demo/county.py. Writes only into a new or empty FOLDER whose parent exists."""
    from .demo.county import CountyRefused, make_county
    from .demo.people import TOWNSHIPS
    from .services.failures import MISSING, failure, probe_writable

    for flag, value, least in (("--villages", args.villages, 1), ("--years", args.years, 1),
                               ("--cases-per-year", args.cases_per_year, 0), ("--workers", args.workers or 1, 1)):
        if value < least:
            _say(f"{flag} 不能小于 {least}。什么都没有生成。")
            return 2
    if args.hub not in ("司法局", "司法所"):
        _say(f"“{args.hub}”不是司法局或司法所：--hub 请写 司法局 或 司法所。什么都没有生成。")
        return 2
    if args.hub == "司法所" and args.township not in TOWNSHIPS:
        _say(f"“{args.township}”不是新野县的乡镇（街道）：{'、'.join(TOWNSHIPS)}。什么都没有生成。")
        return 2
    target = args.to
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        _say(f"{target} 已经存在且不是空文件夹：为免覆盖其中的数据，没有生成县级演示数据。请指定一个新的或空的文件夹。")
        return 3
    parent = target if target.is_dir() else target.parent
    if not parent.is_dir():
        _say(failure(MISSING, parent).text() + "没有生成任何数据，也没有新建文件夹。")
        return 2
    problem = probe_writable(parent)
    if problem is not None:
        _say(problem.text())
        return 2
    started = time.perf_counter()
    try:
        summary = make_county(target, villages=args.villages, years=args.years, cases_per_year=args.cases_per_year,
                              seed=args.seed, hub=args.hub, township=args.township, import_all=args.import_all,
                              workers=args.workers, progress=print)
    except CountyRefused:
        _say(f"{target} 已经存在且不是空文件夹：为免覆盖其中的数据，没有生成县级演示数据。")
        return 3
    made = summary.villages
    per_village = sum(v.seconds for v in made) / len(made) if made else 0.0
    print(f"县级演示数据已生成：{len(made)} 个村（社区），{summary.cases} 件案件，{len(made)} 个报送包；"
          f"用时 {time.perf_counter() - started:.0f} 秒（{summary.workers} 个进程，每个村约 {per_village:.1f} 秒）。")
    print(f"汇总端：{target / 'hub'}（{summary.hub}）；各村：{target / 'villages'}；报送包：{target / 'packages'}")
    username, name, password = summary.hub_admin
    print(f"{summary.hub}的演示账号（用户名 / 密码）：管理员　{name}：{username} / {password}")
    if summary.hub_recovery_key:
        print(f"{summary.hub}的恢复密钥（所有密码都丢失时用）：{summary.hub_recovery_key}")
    print("每个村的数据文件夹都有自己的账号（与 demo 命令的相同）和自己的签名密钥：")
    for line in summary.village_accounts[1:]:
        print(line)
    if not args.import_all:
        print(f"导入：xinye-desktop import-package {target / 'packages'}/* --data-dir {target / 'hub'} --user {username}")
        return 0
    refused = [s for s in summary.imported if s.status == "refused"]
    print(f"已导入{summary.hub}：{len(summary.imported) - len(refused)} 个报送包，"
          f"新增 {sum(s.new for s in summary.imported)} 条记录，用时 {summary.import_seconds:.0f} 秒。")
    for each in refused:
        for line in each.lines():
            print(line)
    print(f"{summary.hub}审查了上月的 {summary.reviewed} 个案卷（退回 {summary.returned} 个），人员名单登记了 {summary.roster} 人"
          f"（各乡镇的联村干警和职能部门见证人），回执包在 {target / 'returns'}，各村已导入。")
    return 1 if refused else 0


def _describe(backup) -> str:
    counts = backup.counts
    return (f"案件 {counts.get('cases') or 0} 件，当事人 {counts.get('parties') or 0} 人，"
            f"调解协议 {counts.get('agreements') or 0} 份，存档文件 {backup.documents} 个")


def run_backup(args) -> int:
    from .services.backup import MANUAL, BackupFailed, BackupService
    from .services.failures import probe_writable

    folder = data_folder(args, EXISTING)
    if folder is None:
        return 2
    paths = folder.paths
    if args.to is not None:
        if _output_refused(args.to, "--to", "调解台备份.zip"):
            return 2
    else:
        problem = probe_writable(paths.backups if paths.backups.is_dir() else paths.root)
        if problem is not None:
            _say("备份没有完成：" + problem.text() + "。可以用 backup --to 把备份写到U盘等能写入的地方。")
            return 2
    service = BackupService(paths, folder.db)  # the db is read for the second folder's setting, never upgraded
    with folder:
        refused = log_in(args, folder, "backup")
        if refused is not None:
            return refused
        try:
            if args.to is not None:
                made = service.export(args.to)
                print(f"备份已写入 {made.path}（{_describe(made)}），已读回校验。")
                return 0
            result = service.create(MANUAL)
        except BackupFailed as failed:
            print("备份没有完成：" + failed.failure.text(), file=sys.stderr)
            return 1
    print(f"备份已完成并校验：{result.backup.path}（{_describe(result.backup)}）")
    if result.second is not None:
        print(f"第二备份位置也已写入：{result.second.path}")
    if result.second_failure is not None:
        print("第二备份位置没有写入：" + result.second_failure.text(), file=sys.stderr)
        return 1
    return 0


def run_restore(args) -> int:
    from .services.backup import BackupFailed, BackupService
    from .ui.single_instance import InstanceGuard

    if not args.file.exists():
        print(f"找不到备份：{args.file}", file=sys.stderr)
        return 2
    folder = data_folder(args, WRITE)
    if folder is None:
        return 2
    paths = folder.paths
    guard = InstanceGuard(paths.root)
    if not guard.acquire():
        print("三理室调解台正在使用这个数据文件夹。请先关闭程序窗口，再恢复备份。", file=sys.stderr)
        return 3
    try:
        with folder:
            refused = log_in(args, folder, "restore")
            if refused is not None:
                return refused
            # Logged in, the restore is asked and signed as that account, with its data key for sealed
            # documents; without accounts (or a damaged database, which cannot say) as before.
            service = BackupService(paths, folder.db) if folder.session is not None else BackupService(paths)
            result = service.restore(args.file)
    except BackupFailed as failed:
        print("没有恢复：" + failed.failure.text(), file=sys.stderr)
        return 1
    finally:
        guard.release()
    print(f"已恢复 {result.restored.created:%Y-%m-%d %H:%M} 的备份（{_describe(result.restored)}）。")
    if result.before is not None:
        print(f"恢复前的数据已先备份到：{result.before.path}")
    if result.set_aside is not None:
        print(f"原来损坏的数据库已移到：{result.set_aside}")
    return 0


def run_check(args) -> int:
    from .services.backup import BackupService

    folder = data_folder(args, EXISTING)
    if folder is None:
        return 2
    with folder:
        report = BackupService(folder.paths).check()
    for line in report.facts:
        print(line)
    for line in report.problems:
        print("问题：" + line)
    for line in report.reminders:
        print("提醒：" + line)
    print("检查通过。" if report.ok else "检查发现问题，请看上面的说明；可在程序中“文件 → 备份与恢复”里恢复一份备份。")
    return 0 if report.ok else 1


def run_audit(args) -> int:
    """``audit verify``: 0 when every row of the audit trail follows from the one before, else 1 with
    the first broken row named. Reads only (a read-only folder is fine)."""
    folder = data_folder(args, READ)
    if folder is None:
        return 2
    from .services.audit import AuditService

    with folder:
        log_in(args, folder, "audit verify", needed=False)
        result = AuditService(folder.db).verify()
    if result.intact:
        print(f"审计记录完整：共 {result.rows} 条，哈希链没有断开。")
        return 0
    print(f"审计记录的哈希链断了（检查了 {result.rows} 条）：{result.broken.text()}。")
    return 1


def run_export_package(args) -> int:
    """``export-package --to FILE``: services/exchange (docs/exchange-package.md). It opens the parties'
    personal data to encrypt it to the 司法所 and signs with the committee's key, sealed with the data key:
    it logs in where the data folder has accounts. It writes an audit row, so the folder must be writable."""
    from .services.exchange import run_export_package as export_package
    from .services.failures import MISSING, failure, probe_writable

    target_folder = args.to if args.to.is_dir() else args.to.parent
    if not target_folder.is_dir():
        _say(failure(MISSING, target_folder).text() + "没有写出任何文件，也没有新建文件夹。")
        return 2
    problem = probe_writable(target_folder)
    if problem is not None:
        _say(problem.text())
        return 2
    folder = data_folder(args, READ)
    if folder is None:
        return 2
    with folder:
        if folder.db.read_only:
            _say(f"数据文件夹 {folder.paths.root} 不能写入：生成报送包要记入审计记录，所以没有生成。")
            return 2
        refused = log_in(args, folder, "export-package")
        if refused is not None:
            return refused
        return export_package(folder.db, args.to, data_root=folder.paths.root, hub_key_file=args.hub_key,
                              period=args.month, err=_say)


def _folder_for_writing(args, command: str):
    """The data folder of a command that writes (the hub's, new-signing-key), opened for writing and logged in;
    (folder, None) or (None, exit code)."""
    return _folder_for(args, command, writes=True)


def _folder_for(args, command: str, *, writes: bool):
    """The data folder opened and logged in: for writing where the command ``writes`` (refused on a folder it
    cannot write), else to read; (folder, None) or (None, exit code)."""
    folder = data_folder(args, WRITE if writes and getattr(args, "database", None) is not None else READ)
    if folder is None:
        return None, 2
    if writes and folder.db.read_only:
        folder.db.close()
        _say(f"数据文件夹 {folder.paths.root} 不能写入：{command} 要写入数据，没有执行。")
        return None, 2
    refused = log_in(args, folder, command)
    if refused is not None:
        folder.db.close()
        return None, refused
    return folder, None


def run_new_signing_key(args) -> int:
    """``new-signing-key --confirm``: services/exchange ExchangeService.new_signing_key (an administrator's
    login; one audit row)."""
    from .domain.errors import Refused
    from .services.exchange import ExchangeService

    if not args.confirm:
        _say("换签名密钥后，司法所在吊销旧密钥之前会拒收本调委会的报送包。确认司法所已经或将要吊销旧密钥后，"
             "加上 --confirm 再运行。什么都没有改动。")
        return 2
    folder, code = _folder_for_writing(args, "new-signing-key")
    if folder is None:
        return code
    with folder:
        try:
            old, new = ExchangeService(folder.db, folder.paths.root).new_signing_key()
        except Refused as refusal:
            _say(refusal.text())
            return 3
        print(f"新的签名密钥已生成，指纹 {new}" + (f"（原来的指纹 {old}）" if old else "") + "。"
              "请打电话把新指纹念给司法所核对；司法所吊销旧密钥后，下一个报送包会登记这把新密钥。")
    return 0


def run_hub_setup(args) -> int:
    """``hub-setup``: services/hub (a 司法所 or 司法局 of its area, its key pair, hub-key.txt)."""
    from .services.accounts import AccountService
    from .services.hub import HubSetup
    from .services.hub.command import run_hub_setup as set_up
    from .services.hub.command import setup_problem

    problem = setup_problem(args.mode, args.area, args.key_out)
    if problem is not None:  # before anything is opened, made or asked for
        _say(problem)
        return 2
    account = None
    if args.admin_name is not None:
        account = _first_admin_input(args)
        if account is None:
            return 2
    folder = _hub_setup_database(args) if getattr(args, "database", None) is not None else data_folder(args, WRITE)
    if folder is None:
        return 2
    with folder:
        if account is not None:
            folder.db.ensure_schema()
            # Accounts there already: refused (log in instead). A hub set up already without them: set_up below
            # says so, and no administrator is made for it here.
            fresh = HubSetup(folder.db).identity() is None or not AccountService(folder.db).needs_setup()
            refused = _make_first_admin(folder, *account) if fresh else None
        else:
            refused = log_in(args, folder, "hub-setup")
        if refused is not None:
            return refused
        folder.db.ensure_schema()
        return set_up(folder.db, folder.paths.root, args.mode, args.area, args.name, args.key_out, err=_say)


def run_hub_key(args) -> int:
    from .domain.errors import Refused
    from .services.hub import HubSetup

    target_folder = args.to if args.to.is_dir() else args.to.parent
    if not target_folder.is_dir():
        _say(f"文件夹 {target_folder} 不存在：没有写出任何文件。")
        return 2
    folder = data_folder(args, READ)
    if folder is None:
        return 2
    with folder:
        try:
            written = HubSetup(folder.db).write_key_file(args.to)
        except Refused as refused:
            _say(refused.text())
            return 2
        print(f"公钥已写入 {written}（指纹 {HubSetup(folder.db).identity().fingerprint}）。")
    return 0


def run_import_package(args) -> int:
    """``import-package FILE_OR_FOLDER...``: services/hub (docs/exchange-package.md). It opens the packages'
    personal fields with the hub's private key and writes: it logs in where the data folder has accounts."""
    from .services.hub.command import run_import_packages

    folder, code = _folder_for_writing(args, "import-package")
    if folder is None:
        return code
    with folder:
        return run_import_packages(folder.db, folder.paths.root, args.packages, err=_say)


def _hub_period(text: str, kind: str):
    """A --month (YYYY-MM) or --year (YYYY) of a hub command, or None having said why."""
    from .domain.statistics import PeriodKind

    period = parse_period(text)
    wanted = PeriodKind.MONTH if kind == "month" else PeriodKind.YEAR
    if period is None or period.kind is not wanted:
        _say(f"“{text}”不是{'月份：--month 请写 2026-11' if kind == 'month' else '年份：--year 请写 2026'}。"
             "什么都没有做。")
        return None
    return period


def run_hub_status(args) -> int:
    """``hub-status --month``: services/hub/command.py. It reads what the villages sent: a login where the
    data folder has accounts."""
    from .services.hub.command import run_hub_status as status

    month = _hub_period(args.month, "month")
    if month is None:
        return 2
    folder = data_folder(args, READ)
    if folder is None:
        return 2
    with folder:
        refused = log_in(args, folder, "hub-status")
        if refused is not None:
            return refused
        return status(folder.db, month, err=_say)


def run_hub_statistics(args) -> int:
    """``hub-statistics --month|--year [--out]``: services/hub/command.py; --out writes a file and its audit
    row (the folder must be writable)."""
    from .services.hub.command import run_hub_statistics as statistics

    period = _hub_period(args.month, "month") if args.month else _hub_period(args.year, "year")
    if period is None:
        return 2
    if args.out is not None and _output_refused(args.out, "--out", "统计.xlsx"):
        return 2
    folder, code = _folder_for(args, "hub-statistics --out" if args.out is not None else "hub-statistics",
                               writes=args.out is not None)
    if folder is None:
        return code
    with folder:
        return statistics(folder.db, period, args.out, err=_say)


def run_hub_return(args) -> int:
    """``hub-return --to FOLDER``: services/hub/returns.py. It signs with the hub's key (sealed where the
    folder has accounts) and numbers the returns: it logs in and writes."""
    from .services.hub.command import run_hub_return as write_returns

    folder, code = _folder_for_writing(args, "hub-return")
    if folder is None:
        return code
    with folder:
        return write_returns(folder.db, args.to, args.committee, args.installer, err=_say)


def run_hub_settings(args) -> int:
    from .services.hub.command import run_hub_settings as settings

    folder, code = _folder_for_writing(args, "hub-settings")
    if folder is None:
        return code
    with folder:
        types = [] if args.no_dispute_types else args.dispute_types
        return settings(folder.db, args.case_prefix, args.visit_days, types, err=_say)


def run_import_return(args) -> int:
    """``import-return FILE``: services/exchange/returns_import.py (it opens the decisions' reasons with the
    committee's key and changes settings: an administrator's login where the folder has accounts)."""
    from .services.exchange.command import run_import_return as import_return

    folder = data_folder(args, READ)
    if folder is None:
        return 2
    with folder:
        if folder.db.read_only:
            _say(f"数据文件夹 {folder.paths.root} 不能写入：导入回执包要写入数据，没有导入。")
            return 2
        refused = log_in(args, folder, "import-return")
        if refused is not None:
            return refused
        return import_return(folder.db, args.file, data_root=folder.paths.root, err=_say)


def run_hub_export_package(args) -> int:
    """``hub-export-package``: services/hub/relay.py (docs/exchange-package.md "The relay package"). It opens
    the villages' personal fields with the 司法所's private key and signs with its key: it logs in."""
    from .services.hub.relay_command import run_hub_export_package as export

    if not args.to.is_dir():
        _say(f"文件夹 {args.to} 不存在：没有生成转报包。")
        return 2
    folder, code = _folder_for_writing(args, "hub-export-package")
    if folder is None:
        return code
    with folder:
        return export(folder.db, folder.paths.root, args.to, args.county_key, month=args.month,
                      resend_all=args.resend_all, replace_county_key=args.replace_county_key, err=_say)


def run_hub_revoke_key(args) -> int:
    """``hub-revoke-key COMMITTEE --reason TEXT``: services/hub/committees.py (an administrator's login where
    the folder has accounts; it writes the revocation and its audit row)."""
    from .services.hub.command import run_hub_revoke_key as revoke

    folder, code = _folder_for_writing(args, "hub-revoke-key")
    if folder is None:
        return code
    with folder:
        return revoke(folder.db, args.committee, args.reason, err=_say)


def run_hub_roster(args) -> int:
    """``hub-roster [--add ... | --retire ID]``: services/hub/roster_command.py. The names and phones are sealed
    with the data key: it logs in; a change writes (the folder must be writable)."""
    from .services.hub.roster_command import run_hub_roster as roster

    folder, code = _folder_for(args, "hub-roster", writes=bool(args.add or args.retire is not None))
    if folder is None:
        return code
    with folder:
        return roster(folder.db, add=args.add, retire=args.retire, role=args.role, name=args.name, unit=args.unit,
                      post=args.post, phone=args.phone, village=args.village, township=args.township, err=_say)


def run_accounts_list(args) -> int:
    """``accounts list``: every account of the data folder (an administrator's login)."""
    from .services.accounts import AccountService

    folder = data_folder(args, READ)
    if folder is None:
        return 2
    with folder:
        refused = log_in(args, folder, "accounts list")
        if refused is not None:
            return refused
        if folder.session is None:
            print("这个数据文件夹还没有账号：第一次打开三理室调解台时会先设置管理员。")
            return 0
        accounts = AccountService(folder.db).list_accounts(folder.session)
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    for account in accounts:
        state = ["已停用"] if account.disabled else []
        if account.locked_until is not None and account.locked_until > now:
            state.append("暂时锁定")
        if account.must_set_password or not account.has_password:
            state.append("待设密码")
        at = account.last_login_at  # naive UTC, as stored
        last = f"上次登录 {at.replace(tzinfo=dt.timezone.utc).astimezone():%Y-%m-%d %H:%M}" if at else "从未登录"
        print(f"{account.username}　{account.display_name}　{account.role.label}　{'、'.join(state) or '正常'}　{last}")
    return 0


def _failed_on_the_way(error: Exception) -> str | None:
    """The plain sentence for a disk or database problem met while a command ran, or None for
    anything else (a bug, which keeps its traceback)."""
    import sqlite3

    from .services.failures import explain

    found = explain(error)
    if found is not None:
        return found.text()
    if isinstance(error, OSError):
        where = f"：{error.filename}" if error.filename else ""
        return f"读写文件时出错（{error.strerror or error}），这一步没有完成{where}"
    if isinstance(error, sqlite3.Error) or type(error).__module__.startswith("sqlalchemy"):
        driver = getattr(error, "orig", None) or error  # SQLite's own words, not SQLAlchemy's page of SQL
        return f"读取数据库时出错（{driver}），这一步没有完成。可以运行 check 命令检查数据库。"
    return None


# The commands --database is for: the hub's, whose services run on either engine (issue 16 item 5).
HUB_COMMANDS = frozenset({"run_hub_setup", "run_hub_key", "run_import_package", "run_hub_status", "run_hub_statistics",
                          "run_hub_return", "run_hub_settings", "run_hub_export_package", "run_hub_revoke_key",
                          "run_hub_roster"})


def _database_refused(args, command) -> str | None:
    """Why --database cannot be used here (the sentence, exit 2), or None: it is for the hub's commands and
    the hub's window (--hub) only; a backup of a PostgreSQL hub is PostgreSQL's own (pg_dump)."""
    if command is None:
        if args.hub:
            return None
        return ("--database 要和 --hub 一起用：PostgreSQL 上只运行汇总端（司法所、司法局）的窗口，村里的数据在数据文件夹的 "
                "SQLite 文件里。什么都没有做。")
    name = command.__name__
    if name in HUB_COMMANDS:
        return None
    if name in ("run_backup", "run_restore"):
        return ("PostgreSQL 上的汇总端数据库请用 PostgreSQL 自己的工具备份和恢复（pg_dump 备份，pg_restore 或 psql "
                "恢复）；backup 和 restore 只备份、恢复数据文件夹里的 SQLite 数据库文件，不用 --database。什么都没有做。")
    said = " ".join(filter(None, (args.command, getattr(args, "audit_command", None),
                                  getattr(args, "accounts_command", None))))
    return (f"--database 只用于汇总端（司法所、司法局）的命令（hub-setup、import-package、hub-status、hub-statistics、"
            f"hub-return 等）和 --hub 窗口；{said} 不用它。什么都没有做。")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    command = getattr(args, "func", None)  # each command's parser sets it (build_parser)
    database = getattr(args, "database", None)
    if database is not None:
        refused = _database_refused(args, command)
        if refused is not None:
            _say(refused)
            return 2
    if command is not None:
        from .domain.errors import Refused

        try:
            return command(args)
        except Refused as refused:  # a service said no (a role that may not, no one logged in): exit 3
            _say(_sentence(refused.text()) + "命令没有执行完。")
            return 3
        except Exception as error:  # the disk or the database failed mid-way: say so, exit 1
            message = _failed_on_the_way(error)
            if message is None:
                raise
            _say(message)
            return 1
    from .app import run_gui

    return run_gui(getattr(args, "data_dir", None), smoke_test=args.smoke_test, language=args.lang, hub=args.hub,
                   database=database)


if __name__ == "__main__":
    sys.exit(main())
