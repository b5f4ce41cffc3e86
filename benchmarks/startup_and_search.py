"""Start-up and ledger-search benchmark against a 100,000-case database.

    cd /work/main && .venv/bin/python benchmarks/startup_and_search.py [--cases N] [--runs N]

Aims (from the issues): start-up to a shown, populated main window <= 2x a bare PySide6
QMainWindow started the same way in the same run on up to 2,000 cases, <= 3x on 100,000 (issue
14); ledger search <= 1.5x the same SQL in raw sqlite3. The script prints the figures and whether
each aim is met; it always exits 0.

Start-up: every variant is a fresh ``python -c`` subprocess with QT_QPA_PLATFORM=offscreen,
timed from just before the spawn until the process has exited. Each child shows its window,
runs app.processEvents() until the window has received its first paint event (Qt paints the
whole widget tree in that pass), writes one line of timestamps and calls os._exit(0): the exit
work is identical for every variant. Variants run interleaved, in a rotating order, after one
untimed warm-up round.

The app children do what ``xinye_desktop.app.run_gui`` does before ``app.exec()``, the start
check of the database included (``check_database_at_start``: on a large database only the cheap
structural check; the full ``quick_check`` runs on a worker thread after the first paint, and a
child exits at its first paint, so that check is not in these figures: the smoke test waits for it).
``--before DIR`` adds the same children run against an older copy of the package (DIR holds
``xinye_desktop/``), interleaved with the others: before and after in the same run.
On a folder with accounts (the demo makes them) a ``login`` child times the login screen's first paint,
the first picture such a start shows (app.sign_in; the window comes after the password), and the
smoke test logs in as the demo's administrator (XINYE_USER/XINYE_PASSWORD).
``--smoke-test`` also times ``python -m xinye_desktop --smoke-test`` (every tab built and shown,
a case opened, the language switched and back) from spawn to exit, for this tree and ``--before``.

Search: one process, LedgerService.count + LedgerService.page(limit=200) against the very same
SQL (built with storage.ledger_queries.where_clause / page_sql) on a plain sqlite3 connection to
the same file, interleaved, alternating which goes first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import math
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / "benchmarks" / ".cache"
sys.path.insert(0, str(REPO))

STARTUP_AIM = 3.0  # on 100,000 cases (issue 14)
STARTUP_AIM_SMALL = 2.0  # on up to 2,000 cases


def startup_aim(cases: int) -> float:
    return STARTUP_AIM_SMALL if cases <= 2_000 else STARTUP_AIM
SEARCH_AIM = 1.5
DEMO_AIM_S = 60.0
DEMO_SEED = 2026

# --- start-up children ------------------------------------------------------------------
# Shared by every variant, so that they differ only in what they build.
CHILD_PROLOGUE = """\
import os, sys, time
_marks = {"interpreter": time.monotonic()}
"""

CHILD_EPILOGUE = """\
import json
from PySide6.QtCore import QEvent, QObject


class _PaintWatch(QObject):
    painted = False

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


_watch = _PaintWatch()
window.installEventFilter(_watch)
window.show()
{after_show}
_marks["shown"] = time.monotonic()
_deadline = time.monotonic() + 20
while not _watch.painted and time.monotonic() < _deadline:
    app.processEvents()
_marks["painted"] = time.monotonic()
{check}
_marks["ok"] = bool(_ok and _watch.painted)
os.write(1, (json.dumps(_marks) + "\\n").encode())
os._exit(0 if _marks["ok"] else 3)
"""

BARE_BODY = """\
from PySide6.QtWidgets import QApplication, QMainWindow
_marks["imported"] = time.monotonic()
app = QApplication(sys.argv[:1])
_marks["qapp"] = time.monotonic()
window = QMainWindow()
window.resize(1280, 720)  # the size MainWindow gives itself: the same area to paint
_marks["built"] = time.monotonic()
"""
BARE_CHECK = "_ok = True"

# What xinye_desktop.app.run_gui does, step by step, up to app.exec().
APP_BODY = """\
from pathlib import Path

from xinye_desktop import app as _app
from xinye_desktop.app import after_show, check_database_at_start, create_application, create_window, \\
    open_database, setup_logging
from xinye_desktop.paths import DataPaths
_marks["imported"] = time.monotonic()

paths = DataPaths(Path(sys.argv[1]))
paths.create()
setup_logging(paths)
app, translations, ui_settings, families = create_application(paths)
_marks["qapp"] = time.monotonic()
if hasattr(_app, "full_check_deferred"):  # this tree: the full check of a large file waits for the paint
    _deferred = _app.full_check_deferred(paths)
    assert check_database_at_start(paths, smoke_test=True, full=not _deferred) is None
    db = open_database(paths, hold_writes=_deferred)
else:  # an older tree (--before): the full quick_check at every start
    assert check_database_at_start(paths, smoke_test=True) is None
    db = open_database(paths)
_marks["db"] = time.monotonic()
window = create_window(paths, db, translations, ui_settings)
_marks["built"] = time.monotonic()
"""
# xinye_desktop.app.run_gui runs exactly these functions, in this order, around window.show().
APP_AFTER_SHOW_FULL = "after_show(window, db)\n"
# The window opens on 今日工作 when there is work that day, else on the ledger: that tab is filled at
# start (the others may be built when first shown, so they are not touched here).
APP_CHECK = """\
_start = window.tabs.currentWidget()
_marks["start_tab"] = type(_start).__name__
if _marks["start_tab"] == "LedgerTab":
    _marks["rows"] = _start.model.rowCount()
    _marks["total"] = _start.model.total
    _ok = _marks["rows"] > 0
else:
    _ok = _marks["start_tab"] == "TodayTab" and _start.work is not None and _start.work.total > 0
_ok = bool(families) and _ok
"""


# The first picture of a start on a folder with accounts (issue 15): the login, before the main window is
# built; what the app runs up to LoginDialog.exec() (app.sign_in). The ORM is not needed for it.
LOGIN_BODY = """\
from pathlib import Path

from xinye_desktop import app as _app
from xinye_desktop.app import check_database_at_start, create_application, open_database, setup_logging
from xinye_desktop.paths import DataPaths
_marks["imported"] = time.monotonic()

paths = DataPaths(Path(sys.argv[1]))
paths.create()
setup_logging(paths)
app, translations, ui_settings, families = create_application(paths)
_marks["qapp"] = time.monotonic()
_deferred = _app.full_check_deferred(paths)
assert check_database_at_start(paths, smoke_test=True, full=not _deferred) is None
db = open_database(paths, hold_writes=_deferred)
_marks["db"] = time.monotonic()
from xinye_desktop.services.accounts import AccountService
from xinye_desktop.ui.login_dialog import LoginDialog

_accounts = AccountService(db)
_state, _pending = _app.account_state(db, _accounts)
window = LoginDialog(_accounts, db.read_settings().get("committee_name", ""))
_marks["built"] = time.monotonic()
"""
LOGIN_CHECK = """\
_marks["start_tab"] = "login" if _state == _app.LOGIN else _state
_marks["orm"] = "sqlalchemy.orm" in sys.modules
_ok = bool(families) and _state == _app.LOGIN
"""


def child_code(body: str, after_show: str, check: str) -> str:
    return CHILD_PROLOGUE + body + CHILD_EPILOGUE.format(after_show=after_show, check=check)


VARIANTS = {
    # name: python -c code
    "bare": child_code(BARE_BODY, "", BARE_CHECK),
    "app": child_code(APP_BODY, APP_AFTER_SHOW_FULL, APP_CHECK),
    # For information: the same without after_show() (the draft offer, the delayed ORM warm-up
    # thread, the deferred full check), to see what that work costs the first paint.
    "app-no-after-show": child_code(APP_BODY, "", APP_CHECK),
    "python -c pass": "pass",
}
LOGIN = "login"  # only on a folder with accounts (the demo makes them), and not against --before
BEFORE = "before"  # the "app" child against the --before tree
PHASES = ("interpreter", "imported", "qapp", "db", "built", "shown", "painted")


PYCACHE = CACHE / "pycache"


def child_env() -> dict[str, str]:
    """The same environment for every child. Bytecode caching is on (an installed app or a
    PyInstaller bundle has its .pyc files), kept under benchmarks/.cache so the source tree is
    not touched; the warm-up round fills it. Without this, an environment with
    PYTHONDONTWRITEBYTECODE=1 would recompile every xinye_desktop module on every start."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def tree_env(tree: Path) -> dict[str, str]:
    """The children's environment for an older copy of the package: it comes first on sys.path, and
    its bytecode is cached apart from this tree's."""
    env = child_env()
    env["PYTHONPATH"] = str(tree)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE / "before")
    return env


def run_child(code: str, data_dir: Path, env: dict[str, str], cwd: Path = REPO) -> tuple[float, dict]:
    started = time.monotonic()
    # ``python -c`` puts the working directory first on sys.path: it picks the tree that is imported.
    proc = subprocess.run([sys.executable, "-c", code, str(data_dir)], cwd=cwd, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wall = time.monotonic() - started
    marks: dict = {}
    lines = proc.stdout.decode(errors="replace").strip().splitlines()
    if lines:
        try:
            marks = json.loads(lines[-1])
        except ValueError:
            marks = {}
    if proc.returncode != 0:
        raise RuntimeError(f"child exited {proc.returncode}\nstdout: {proc.stdout.decode(errors='replace')}\n"
                           f"stderr: {proc.stderr.decode(errors='replace')}")
    phases = {k: marks[k] - started for k in PHASES if k in marks}
    phases.update({k: marks[k] for k in ("rows", "total", "start_tab", "orm") if k in marks})
    return wall, phases


def bench_startup(data_dir: Path, runs: int, before: Path | None = None, aim: float = STARTUP_AIM) -> dict:
    env = child_env()
    children = {name: (code, env, REPO) for name, code in VARIANTS.items()}
    if has_accounts(data_dir):
        children[LOGIN] = (child_code(LOGIN_BODY, "", LOGIN_CHECK), env, REPO)
    if before is not None:
        children[BEFORE] = (VARIANTS["app"], tree_env(before), before)
    names = list(children)
    print(f"\n== Start-up: fresh subprocess per run, QT_QPA_PLATFORM=offscreen, {runs} timed runs each, "
          f"interleaved (rotating order) after 1 warm-up round ==")
    if before is not None:
        print(f"  '{BEFORE}': the app child run against the package in {before}")
    for name in names:  # warm-up round: also proves every child works
        code, child_environment, cwd = children[name]
        run_child(code, data_dir, child_environment, cwd)
    walls: dict[str, list[float]] = {n: [] for n in names}
    phases: dict[str, list[dict]] = {n: [] for n in names}
    for r in range(runs):
        order = names[r % len(names):] + names[:r % len(names)]
        for name in order:
            code, child_environment, cwd = children[name]
            wall, ph = run_child(code, data_dir, child_environment, cwd)
            walls[name].append(wall)
            phases[name].append(ph)
    med = {n: statistics.median(walls[n]) for n in names}
    for n in names:
        w = sorted(walls[n])
        print(f"  {n:<16} median {med[n] * 1000:7.1f} ms   min {w[0] * 1000:7.1f}   max {w[-1] * 1000:7.1f}   "
              f"runs: {' '.join(f'{x * 1000:.0f}' for x in walls[n])}")
    last = phases["app"][-1]
    if last.get("start_tab") == "LedgerTab":
        print(f"  app opened on the ledger: {last.get('rows')} rows shown of {last.get('total'):,} cases")
    else:
        print(f"  app opened on {last.get('start_tab')} (work due today)")
    print("  median time since spawn at each step (ms):")
    print("    " + f"{'':<16}" + "".join(f"{p:>12}" for p in PHASES))
    for n in ("bare", "app", "app-no-after-show") + ((LOGIN,) if LOGIN in names else ()) + \
            ((BEFORE,) if before is not None else ()):
        row = []
        for p in PHASES:
            vals = [ph[p] for ph in phases[n] if p in ph]
            row.append(f"{statistics.median(vals) * 1000:12.1f}" if vals else f"{'-':>12}")
        print("    " + f"{n:<16}" + "".join(row))
    ratio = med["app"] / med["bare"]
    print(f"  ratio app / bare: {ratio:.2f}x  (aim <= {aim:g}x)   "
          f"[without after_show(): {med['app-no-after-show'] / med['bare']:.2f}x]"
          + (f"   [{BEFORE}: {med[BEFORE] / med['bare']:.2f}x]" if before is not None else ""))
    if LOGIN in names:  # the app child builds the window with no one logged in, as the tests do
        print(f"  {LOGIN}: the first picture of a start with accounts, {med[LOGIN] / med['bare']:.2f}x bare; "
              f"the ORM {'loaded' if phases[LOGIN][-1].get('orm') else 'not loaded'} for it")
    return {"medians": med, "ratio": ratio, "walls": walls}


def has_accounts(data_dir: Path) -> bool:
    from xinye_desktop.storage.database import DB_FILENAME

    conn = sqlite3.connect(data_dir / DB_FILENAME)
    try:
        return conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'accounts'").fetchone()[0] > 0 \
            and conn.execute("SELECT count(*) FROM accounts").fetchone()[0] > 0
    finally:
        conn.close()


def smoke_env(env: dict[str, str]) -> dict[str, str]:
    """--smoke-test logs in with XINYE_USER/XINYE_PASSWORD (app.sign_in): the demo's administrator."""
    from xinye_desktop.demo.crew import ADMIN

    return dict(env, XINYE_USER=env.get("XINYE_USER", ADMIN.username),
                XINYE_PASSWORD=env.get("XINYE_PASSWORD", ADMIN.password))


# --- the whole smoke test ---------------------------------------------------------------
def bench_smoke(data_dir: Path, runs: int, before: Path | None = None) -> dict:
    """``python -m xinye_desktop --smoke-test`` from spawn to exit: every tab built and shown, a case
    opened, the backup dialog drawn, the language switched and back (app._smoke_cycle)."""
    trees = {"app": (smoke_env(child_env()), REPO)}
    if before is not None:
        trees[BEFORE] = (smoke_env(tree_env(before)), before)
    names = list(trees)
    print(f"\n== --smoke-test wall time: fresh process per run, {runs} timed runs each, interleaved "
          f"after 1 warm-up round ==")

    def once(name: str) -> float:
        env, cwd = trees[name]
        started = time.monotonic()
        proc = subprocess.run([sys.executable, "-m", "xinye_desktop", "--smoke-test", "--data-dir", str(data_dir)],
                              cwd=cwd, env=env, capture_output=True, text=True)
        wall = time.monotonic() - started
        if proc.returncode != 0:
            raise RuntimeError(f"--smoke-test ({name}) exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
        return wall

    for name in names:
        once(name)
    walls: dict[str, list[float]] = {n: [] for n in names}
    for r in range(runs):
        for name in (names if r % 2 == 0 else names[::-1]):
            walls[name].append(once(name))
    med = {n: statistics.median(walls[n]) for n in names}
    for n in names:
        print(f"  {n:<16} median {med[n]:6.2f} s   runs: {' '.join(f'{x:.2f}' for x in walls[n])}")
    return {"medians": med}


# --- database ---------------------------------------------------------------------------
def prepare_database(cases: int, rebuild: bool) -> tuple[Path, float, bool]:
    from xinye_desktop.storage.database import DB_FILENAME, HEAD_REVISION

    data_dir = CACHE / f"demo-{cases}"
    marker = CACHE / f"demo-{cases}.json"
    db_file = data_dir / DB_FILENAME
    if not rebuild and marker.exists() and db_file.exists():
        info = json.loads(marker.read_text())
        if info.get("cases") == cases and info.get("schema") == HEAD_REVISION and info.get("seed") == DEMO_SEED:
            conn = sqlite3.connect(db_file)
            try:
                have = conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
            finally:
                conn.close()
            if have == cases:
                print(f"Database: reusing {db_file} ({cases:,} cases, built {info['built_at']} "
                      f"in {info['build_seconds']:.1f} s; --rebuild to build it again)")
                return data_dir, info["build_seconds"], True
    if data_dir.exists():
        shutil.rmtree(data_dir)
    marker.unlink(missing_ok=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "xinye_desktop", "demo", "--data-dir", str(data_dir), "--cases", str(cases),
           "--seed", str(DEMO_SEED)]
    print(f"Database: building {cases:,} cases: python -m xinye_desktop demo --data-dir {data_dir} --cases {cases}")
    started = time.monotonic()
    proc = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
    seconds = time.monotonic() - started
    if proc.returncode != 0:
        raise SystemExit(f"demo failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    print("  " + proc.stdout.strip().replace("\n", "\n  "))
    print(f"  wall time of the demo command: {seconds:.1f} s")
    marker.write_text(json.dumps({"cases": cases, "seed": DEMO_SEED, "schema": HEAD_REVISION,
                                  "build_seconds": seconds,
                                  "built_at": dt.datetime.now().isoformat(timespec="seconds")}))
    return data_dir, seconds, False


# --- search -----------------------------------------------------------------------------
def search_queries(db_file: Path):
    from xinye_desktop.domain.enums import CaseStatus, DisputeType
    from xinye_desktop.storage.ledger_queries import LedgerFilter

    conn = sqlite3.connect(db_file)
    try:
        total = conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
        names = conn.execute("SELECT party_names FROM cases WHERE id >= ? ORDER BY id LIMIT 1",
                             (max(total // 2, 1),)).fetchone()[0]
        village_id = conn.execute("SELECT id FROM villages ORDER BY id LIMIT 1 OFFSET 7").fetchone()[0]
    finally:
        conn.close()
    name = names.split(" ")[0]  # the applicant: always a person
    mediating, neighbour, traffic = CaseStatus.MEDIATING.value, DisputeType.NEIGHBOUR.value, DisputeType.TRAFFIC.value
    return [
        ("no filter (start-up page)", LedgerFilter()),
        (f"full name '{name}'", LedgerFilter(text=name)),
        (f"surname '{name[0]}' (1st keystroke)", LedgerFilter(text=name[0])),
        ("2-char fragment '秀英'", LedgerFilter(text="秀英")),
        ("pinyin initials 'zjg'", LedgerFilter(text="zjg")),
        ("case no. fragment '第12'", LedgerFilter(text="第12")),
        ("'建国' + status=mediating", LedgerFilter(text="建国", status=mediating)),
        ("'zjg' + type=neighbour", LedgerFilter(text="zjg", dispute_type=neighbour)),
        ("'第12' + mediating + neighbour", LedgerFilter(text="第12", status=mediating, dispute_type=neighbour)),
        ("no text, status=mediating", LedgerFilter(status=mediating)),
        ("no text, type=traffic", LedgerFilter(dispute_type=traffic)),
        (f"no text, village id {village_id}", LedgerFilter(village_id=village_id)),
    ]


def pad(text: str, width: int) -> str:
    """Left-align in a fixed-width terminal, counting a Chinese character as two columns."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(width - shown, 1)


def bench_search(data_dir: Path, repeats: int) -> dict:
    from xinye_desktop.services.ledger import LedgerService
    from xinye_desktop.storage.database import DB_FILENAME, Database
    from xinye_desktop.storage.ledger_queries import page_sql, where_clause

    db_file = data_dir / DB_FILENAME
    queries = search_queries(db_file)
    db = Database(db_file)
    service = LedgerService(db)
    raw = sqlite3.connect(db_file)

    def run_app(flt):
        return service.count(flt), service.page(flt, limit=200)

    def run_raw(flt):
        where, params = where_clause(flt)
        n = raw.execute(f"SELECT COUNT(*) FROM cases c{where}", params).fetchone()[0]
        sql, page_params = page_sql(flt, "received_date", True, 0, 200)
        return n, raw.execute(sql, page_params).fetchall()

    print(f"\n== Ledger search: LedgerService.count + page(limit=200) vs the same SQL in raw sqlite3, "
          f"{repeats} interleaved repeats after 1 warm-up ==")
    matches = []
    for _label, flt in queries:  # warm-up, and check both return the same thing
        (n_app, rows_app), (n_raw, rows_raw) = run_app(flt), run_raw(flt)
        same = n_app == n_raw and [r.id for r in rows_app] == [r[0] for r in rows_raw]
        matches.append((n_app, len(rows_app), same))
    times_app = [[] for _ in queries]
    times_raw = [[] for _ in queries]
    gc.collect()
    clock = time.perf_counter_ns
    for rep in range(repeats):
        for i, (_label, flt) in enumerate(queries):
            pair = ((run_app, times_app), (run_raw, times_raw))
            for fn, sink in (pair if (rep + i) % 2 == 0 else pair[::-1]):
                t = clock()
                fn(flt)
                sink[i].append((clock() - t) / 1e6)
    raw.close()
    db.close()
    print(f"  {pad('query', 34)}{'matches':>9}{'shown':>7}{'app ms':>10}{'raw ms':>10}{'ratio':>8}")
    ratios = []
    rows = []
    for i, (label, _flt) in enumerate(queries):
        a, r = statistics.median(times_app[i]), statistics.median(times_raw[i])
        ratio = a / r
        ratios.append(ratio)
        n, shown, same = matches[i]
        rows.append((label, a, r, ratio))
        print(f"  {pad(label, 34)}{n:>9,}{shown:>7}{a:>10.2f}{r:>10.2f}{ratio:>7.2f}x"
              + ("" if same else "   <- RESULTS DIFFER"))
    geo = math.exp(sum(math.log(x) for x in ratios) / len(ratios))
    worst = max(rows, key=lambda x: x[3])
    slowest = max(rows, key=lambda x: x[1])
    print(f"  geometric-mean ratio app / raw: {geo:.3f}x  (aim <= {SEARCH_AIM:g}x); "
          f"worst {worst[3]:.2f}x ({worst[0]}); slowest in the app {slowest[1]:.1f} ms ({slowest[0]})")
    return {"geo": geo, "worst": worst, "slowest": slowest, "all_same": all(m[2] for m in matches)}


def print_importtime(data_dir: Path, top: int = 15) -> None:
    """One app start under python -X importtime: the costliest imports. The variant without the
    ORM warm-up thread, so that only the start-up path's own imports are listed."""
    env = child_env()
    code = VARIANTS["app-no-after-show"]
    run_child(code, data_dir, env)  # warm
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", code, str(data_dir)], cwd=REPO,
                          env=env, capture_output=True, text=True)
    entries = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        self_us, cum_us, name = line[len("import time:"):].split("|", 2)
        entries.append((name[1:].rstrip(), int(self_us), int(cum_us)))  # nesting = leading spaces
    top_level = [e for e in entries if not e[0].startswith(" ")]
    total = sum(e[2] for e in top_level)
    print(f"\n== One app start (without the warm-up thread) under -X importtime: {total / 1000:.0f} ms of "
          f"imports in all; top-level imports by cumulative time ==")
    for name, _self, cum in sorted(top_level, key=lambda e: -e[2])[:top]:
        print(f"  {cum / 1000:8.1f} ms  {name}")
    print("  largest self times:")
    for name, self_us, _cum in sorted(entries, key=lambda e: -e[1])[:top]:
        print(f"  {self_us / 1000:8.1f} ms  {name.strip()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=100_000, help="cases in the demo database (default 100000)")
    parser.add_argument("--runs", type=int, default=7, help="timed start-up runs per variant (default 7)")
    parser.add_argument("--search-repeats", type=int, default=21, help="timed repeats per search query (default 21)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached demo database")
    parser.add_argument("--importtime", action="store_true", help="also show the costliest imports of one app start")
    parser.add_argument("--skip-startup", action="store_true")
    parser.add_argument("--skip-search", action="store_true")
    parser.add_argument("--data-dir", type=Path, help="an existing data folder instead of the cached demo")
    parser.add_argument("--before", type=Path, metavar="DIR",
                        help="also run the app children against the package in DIR/xinye_desktop (same run)")
    parser.add_argument("--smoke-test", action="store_true", help="also time the whole --smoke-test")
    parser.add_argument("--smoke-runs", type=int, default=3, help="timed --smoke-test runs (default 3)")
    args = parser.parse_args(argv)

    import PySide6

    print(f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, SQLite {sqlite3.sqlite_version}, "
          f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs")
    if args.data_dir is not None:
        from xinye_desktop.storage.database import DB_FILENAME

        data_dir, demo_seconds, reused = args.data_dir.resolve(), 0.0, True
        conn = sqlite3.connect(data_dir / DB_FILENAME)
        try:
            args.cases = conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
        finally:
            conn.close()
        print(f"Database: {data_dir / DB_FILENAME} ({args.cases:,} cases)")
    else:
        data_dir, demo_seconds, reused = prepare_database(args.cases, args.rebuild)
    before = args.before.resolve() if args.before is not None else None
    aim = startup_aim(args.cases)
    startup = None if args.skip_startup else bench_startup(data_dir, args.runs, before, aim)
    smoke = bench_smoke(data_dir, args.smoke_runs, before) if args.smoke_test else None
    search = None if args.skip_search else bench_search(data_dir, args.search_repeats)
    if args.importtime:
        print_importtime(data_dir)

    def verdict(ok: bool) -> str:
        return "MET" if ok else "NOT MET"

    print("\n== Summary ==")
    if args.data_dir is None:
        print(f"  demo database: {args.cases:,} cases, built in {demo_seconds:.1f} s"
              f"{' (cached build)' if reused else ''}  (aim: well under {DEMO_AIM_S:.0f} s): "
              f"{verdict(demo_seconds < DEMO_AIM_S)}")
    if startup:
        m = startup["medians"]
        print(f"  start-up, {args.cases:,} cases, median of {args.runs}: bare QMainWindow {m['bare'] * 1000:.0f} ms, "
              f"app {m['app'] * 1000:.0f} ms  ->  {startup['ratio']:.2f}x  (aim <= {aim:g}x): "
              f"{verdict(startup['ratio'] <= aim)}")
        print(f"    for information: python -c pass {m['python -c pass'] * 1000:.0f} ms; "
              f"app without after_show() {m['app-no-after-show'] * 1000:.0f} ms "
              f"({m['app-no-after-show'] / m['bare']:.2f}x)")
        if BEFORE in m:
            print(f"    {BEFORE} ({before}): {m[BEFORE] * 1000:.0f} ms ({m[BEFORE] / m['bare']:.2f}x)")
        if LOGIN in m:
            print(f"    the login screen (the first picture where accounts exist): {m[LOGIN] * 1000:.0f} ms "
                  f"({m[LOGIN] / m['bare']:.2f}x)")
    if smoke:
        print(f"  --smoke-test, {args.cases:,} cases, median of {args.smoke_runs}: "
              + ", ".join(f"{n} {v:.2f} s" for n, v in smoke["medians"].items()))
    if search:
        print(f"  ledger search, {args.cases:,} cases: geometric-mean {search['geo']:.3f}x raw sqlite3, worst "
              f"{search['worst'][3]:.2f}x  (aim <= {SEARCH_AIM:g}x): {verdict(search['geo'] <= SEARCH_AIM)}")
        print(f"    slowest query in the app: {search['slowest'][1]:.1f} ms ({search['slowest'][0]}); "
              f"app and raw results identical: {'yes' if search['all_same'] else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
