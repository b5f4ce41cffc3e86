"""明白人 choice benchmark: the 选择明白人 tab and the pool page against a county-sized pool.

    cd /work/main && .venv/bin/python benchmarks/elder_choice.py [--cases N] [--elders N] [--repeats N]

The 选择明白人 tab calls SelectionService.candidates(case_id, text) on every search keystroke
(after a 200 ms debounce) and SelectionService.state(case_id) + candidates() after every click;
the pool page calls ElderService.pool(...). Xinye county has selected 6,775 明白人, so a
county-wide database may hold ~6,800 elders (the default); a village PC holds one township's
worth (try --elders 400).

Aim: every call under 100 ms absolute on this machine (half the 200 ms debounce, the user-facing
budget). For information, each call is also given as a ratio to the minimal raw sqlite3 read of
the same rows on the same file in the same run (no ORM, no domain objects, no sorting), so the
ratio shows the ORM/domain overhead. The script prints the figures and whether the aim is met; it
always exits 0.

The database: demo.generate(db, cases=N) and then extra pool elders bulk-inserted (one SQLAlchemy
core insert, valid field values like the demo's, spread over the existing villages) up to --elders
pool entries (ad_hoc=0, retired included). It is cached in benchmarks/.cache/, keyed by the
parameters, the seed and the schema head.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import io
import json
import os
import platform
import pstats
import shutil
import sqlite3
import statistics
import sys
import time
import unicodedata
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / "benchmarks" / ".cache"
sys.path.insert(0, str(REPO))

DEMO_SEED = 2026
AIM_MS = 100.0       # per call, absolute, on this machine
SLOW_MS = 150.0      # above this, --profile looks at the call
DEBOUNCE_MS = 200.0  # the search box's QTimer interval in ui/elder_tab.py
OPEN = ("accepted", "mediating")  # storage.elder_repositories.OPEN_STATUSES


# --- database ---------------------------------------------------------------------------
def pool_size(db_file: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db_file)
    try:
        cases = conn.execute("SELECT COUNT(*) FROM cases").fetchone()[0]
        elders = conn.execute("SELECT COUNT(*) FROM elders WHERE ad_hoc = 0").fetchone()[0]
    finally:
        conn.close()
    return cases, elders


def top_up_elders(db, target: int, seed: int) -> int:
    """Bulk-insert pool elders into existing villages until the pool holds ``target`` entries.
    Field values as demo.generate makes them. Returns how many were added."""
    from sqlalchemy import func, insert, select

    from xinye_desktop.domain.enums import DisputeType, ElderIdentity, ElderSelection, Sex
    from xinye_desktop.domain.search import name_initials
    from xinye_desktop.demo import DemoGenerator
    from xinye_desktop.storage.records import ElderRecord, VillageRecord

    gen = DemoGenerator(seed + 1)  # not the demo's own stream: these are other people
    rng = gen.rng
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    identities, selections = list(ElderIdentity), list(ElderSelection)
    types = list(DisputeType)[:-1]
    with db.engine.begin() as conn:
        have = conn.scalar(select(func.count()).select_from(ElderRecord).where(ElderRecord.ad_hoc.is_(False)))
        missing = target - have
        if missing <= 0:
            return 0
        village_ids = list(conn.scalars(select(VillageRecord.id).order_by(VillageRecord.id)))
        start = (conn.scalar(select(func.max(ElderRecord.id))) or 0) + 1
        rows = []
        for i in range(missing):
            name, sex, birth = gen.person(Sex.MALE if rng.random() < 0.8 else Sex.FEMALE, 55, 82)
            identity = rng.choice(identities)
            selected = dt.date(rng.choice((2021, 2024)), rng.randrange(1, 13), rng.randrange(1, 28))
            retired = rng.random() < 0.05
            rows.append({
                "id": start + i, "uuid": str(uuid.uuid4()), "village_id": village_ids[i % len(village_ids)],
                "name": name, "name_initials": name_initials(name), "sex": sex.value, "birth_year": birth.year,
                "group_name": f"{rng.randrange(1, 12)}组", "phone": gen.phone(), "identity": identity.value,
                "identity_note": "村医" if identity is ElderIdentity.OTHER else "",
                "selection": rng.choice(selections).value, "selected_on": selected,
                "term_end": selected.replace(year=selected.year + 3),
                "specialties": ",".join(t.value for t in rng.sample(types, 2)),
                "notes": "", "retired": retired,
                "retired_reason": rng.choice(("任期届满未连任", "年老体弱，本人申请退出", "迁往县城居住")) if retired else "",
                "ad_hoc": False, "created_at": now, "updated_at": now,
            })
        conn.execute(insert(ElderRecord), rows)
    return missing


def prepare_database(cases: int, elders: int, rebuild: bool) -> tuple[Path, dict, bool]:
    from xinye_desktop.demo import generate
    from xinye_desktop.storage.database import DB_FILENAME, HEAD_REVISION, Database

    key = f"elders-c{cases}-e{elders}-s{DEMO_SEED}-{HEAD_REVISION}"
    data_dir = CACHE / key
    marker = CACHE / f"{key}.json"
    db_file = data_dir / DB_FILENAME
    params = {"cases": cases, "elders": elders, "seed": DEMO_SEED, "schema": HEAD_REVISION}
    if not rebuild and marker.exists() and db_file.exists():
        info = json.loads(marker.read_text())
        if all(info.get(k) == v for k, v in params.items()) and pool_size(db_file) == (cases, info["pool"]):
            print(f"Database: reusing {db_file} (built {info['built_at']} in {info['build_seconds']:.1f} s; "
                  f"--rebuild to build it again)")
            return db_file, info, True
    if data_dir.exists():
        shutil.rmtree(data_dir)
    marker.unlink(missing_ok=True)
    data_dir.mkdir(parents=True)
    print(f"Database: building {db_file}: demo.generate(cases={cases:,}, seed={DEMO_SEED}) "
          f"+ pool elders up to {elders:,}")
    started = time.monotonic()
    db = Database(db_file)
    try:
        summary = generate(db, cases=cases, seed=DEMO_SEED)
        demo_seconds = time.monotonic() - started
        added = top_up_elders(db, elders, DEMO_SEED)
    finally:
        db.close()
    seconds = time.monotonic() - started
    _cases, pool = pool_size(db_file)
    info = {**params, "pool": pool, "demo_pool": summary.elders, "added": added, "villages": summary.villages,
            "build_seconds": seconds, "demo_seconds": demo_seconds,
            "built_at": dt.datetime.now().isoformat(timespec="seconds")}
    marker.write_text(json.dumps(info))
    print(f"  demo: {summary.villages} villages, {summary.elders} pool elders, {summary.cases:,} cases "
          f"in {demo_seconds:.1f} s; {added:,} elders added; {seconds:.1f} s in all")
    return db_file, info, False


# --- the raw baseline -------------------------------------------------------------------
ELDER_COLS = ("e.id, e.uuid, e.village_id, e.name, e.name_initials, e.sex, e.birth_year, e.group_name, e.phone, "
              "e.identity, e.identity_note, e.selection, e.selected_on, e.term_end, e.specialties, e.notes, "
              "e.retired, e.retired_reason, e.ad_hoc, v.name")
POOL_SQL = (f"SELECT {ELDER_COLS} FROM elders e JOIN villages v ON v.id = e.village_id "
            "WHERE e.ad_hoc = 0 AND e.retired = 0{where} ORDER BY v.name, e.retired, e.name_initials, e.id")
TEXT_WHERE = (" AND (e.name LIKE ? ESCAPE '\\' OR e.name_initials LIKE ? ESCAPE '\\'"
              " OR e.phone LIKE ? ESCAPE '\\')")
# ElderRepository.stats() by hand: per elder, open cases proposed/chosen for, finished cases served in.
# {except_case}: candidates() leaves out the case being chosen for (stats(except_case=...)).
STATS_SQL = f"""
SELECT ce.elder_id,
       COUNT(DISTINCT ce.case_id) FILTER (WHERE c.status IN {OPEN!r}),
       COUNT(DISTINCT ce.case_id) FILTER (WHERE c.status NOT IN {OPEN!r} AND NOT EXISTS (
           SELECT 1 FROM case_elder_consents x WHERE x.case_elder_id = ce.id AND x.decision = 'pending'))
FROM case_elders ce JOIN cases c ON c.id = ce.case_id
WHERE ce.ended IS NULL AND NOT EXISTS (
    SELECT 1 FROM case_elder_consents x WHERE x.case_elder_id = ce.id AND x.decision = 'refused'){{except_case}}
GROUP BY ce.elder_id
"""


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class Raw:
    """The minimal sqlite3 reads of the rows each service call returns."""

    def __init__(self, db_file: Path):
        from xinye_desktop.storage.database import configure_connection

        self.conn = sqlite3.connect(db_file, isolation_level=None)
        configure_connection(self.conn)

    def stats(self, except_case: int | None = None):
        if except_case is None:
            return self.conn.execute(STATS_SQL.format(except_case="")).fetchall()
        return self.conn.execute(STATS_SQL.format(except_case=" AND ce.case_id != ?"), (except_case,)).fetchall()

    def elders(self, text: str = "", village: str | None = None):
        where, params = "", []
        if village:
            where += " AND v.name = ?"
            params.append(village)
        text = text.strip()
        if text:
            where += TEXT_WHERE
            params += ["%" + _escape(text) + "%", _escape(text.lower()) + "%", "%" + _escape(text) + "%"]
        return self.conn.execute(POOL_SQL.format(where=where), params).fetchall()

    def candidates(self, case_id: int, text: str = ""):
        self.conn.execute("SELECT c.dispute_type, v.name FROM cases c JOIN villages v ON v.id = c.village_id "
                          "WHERE c.id = ?", (case_id,)).fetchone()
        rows = self.elders(text)
        self.stats(except_case=case_id)
        return rows

    def pool(self, village: str | None = None):
        rows = self.elders(village=village)
        self.stats()
        return rows

    def state(self, case_id: int):
        c = self.conn
        c.execute("SELECT c.*, v.name FROM cases c JOIN villages v ON v.id = c.village_id WHERE c.id = ?",
                  (case_id,)).fetchone()
        c.execute("SELECT * FROM parties WHERE case_id = ? ORDER BY position", (case_id,)).fetchall()
        choices = c.execute(f"SELECT ce.*, {ELDER_COLS} FROM case_elders ce JOIN elders e ON e.id = ce.elder_id "
                            "JOIN villages v ON v.id = e.village_id WHERE ce.case_id = ? ORDER BY ce.created_at, ce.id",
                            (case_id,)).fetchall()
        c.execute("SELECT x.* FROM case_elder_consents x JOIN case_elders ce ON ce.id = x.case_elder_id "
                  "WHERE ce.case_id = ? ORDER BY x.id", (case_id,)).fetchall()
        c.execute("SELECT r.*, p.* FROM case_roles r JOIN role_people p ON p.id = r.person_id WHERE r.case_id = ? "
                  "ORDER BY r.position, r.id", (case_id,)).fetchall()
        return choices

    def close(self):
        self.conn.close()


# --- the measured calls -----------------------------------------------------------------
def pick_inputs(db_file: Path) -> dict:
    """An open case with the most proposals (newest on a tie), its village, and the full name of an
    active pool elder of that village."""
    conn = sqlite3.connect(db_file)
    try:
        case_id, n_choices, village = conn.execute(
            "SELECT c.id, COUNT(ce.id) AS n, v.name FROM cases c JOIN case_elders ce ON ce.case_id = c.id "
            f"JOIN villages v ON v.id = c.village_id WHERE c.status IN {OPEN!r} "
            "GROUP BY c.id ORDER BY n DESC, c.id DESC LIMIT 1").fetchone()
        name = conn.execute("SELECT e.name FROM elders e JOIN villages v ON v.id = e.village_id "
                            "WHERE v.name = ? AND e.ad_hoc = 0 AND e.retired = 0 ORDER BY e.id LIMIT 1",
                            (village,)).fetchone()[0]
    finally:
        conn.close()
    return {"case_id": case_id, "choices": n_choices, "village": village, "name": name}


def calls(db, selection, elders, raw: Raw, inputs: dict):
    """(label, app call, raw call, ids of the app's rows, ids of the raw rows, part?). A part is not
    a call of the UI but one piece of the calls above it, shown to say where their time goes; the
    aim is not applied to it."""
    case_id, village, name = inputs["case_id"], inputs["village"], inputs["name"]

    def cand_ids(rows):
        return sorted(c.elder.id for c in rows)

    def raw_ids(rows):
        return sorted(r[0] for r in rows)

    def click_app():
        return selection.state(case_id), selection.candidates(case_id, "")

    def click_raw():
        return raw.state(case_id), raw.candidates(case_id, "")

    def stats_app():
        with db.transaction() as uow:
            return uow.elders.stats()

    return [
        ("candidates(case, '')", lambda: selection.candidates(case_id, ""), lambda: raw.candidates(case_id, ""),
         cand_ids, raw_ids, False),
        ("candidates(case, 'z')  initials", lambda: selection.candidates(case_id, "z"),
         lambda: raw.candidates(case_id, "z"), cand_ids, raw_ids, False),
        (f"candidates(case, '{name}')", lambda: selection.candidates(case_id, name),
         lambda: raw.candidates(case_id, name), cand_ids, raw_ids, False),
        (f"state(case)  {inputs['choices']} proposals", lambda: selection.state(case_id), lambda: raw.state(case_id),
         lambda s: [c.id for c in s.choices], lambda rows: [r[0] for r in rows], False),
        ("pool()  all villages", lambda: elders.pool(), lambda: raw.pool(),
         lambda rows: [e.id for e, _s in rows], lambda rows: [r[0] for r in rows], False),
        (f"pool(village='{village}')", lambda: elders.pool(village=village), lambda: raw.pool(village),
         lambda rows: [e.id for e, _s in rows], lambda rows: [r[0] for r in rows], False),
        ("click: state + candidates('')", click_app, click_raw,
         lambda r: ([c.id for c in r[0].choices], cand_ids(r[1])),
         lambda r: ([x[0] for x in r[0]], raw_ids(r[1])), False),
        ("  part: stats() only", stats_app, raw.stats,
         sorted, lambda rows: sorted(r[0] for r in rows), True),
        ("  part: pool rows only, no stats", lambda: elders_only(db, ""), lambda: raw.elders(""),
         lambda rows: sorted(e.id for e in rows), raw_ids, True),
    ]


def elders_only(db, text: str):
    with db.transaction() as uow:
        return uow.elders.pool(text=text)


def pad(text: str, width: int) -> str:
    """Left-align in a fixed-width terminal, counting a Chinese character as two columns."""
    shown = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(width - shown, 1)


def row_count(result) -> int:
    if isinstance(result, tuple):  # the click: the candidates shown
        return len(result[1])
    if hasattr(result, "choices"):
        return len(result.choices)
    return len(result)


def check_stats(db, raw: Raw, case_id: int) -> bool:
    """The hand-written stats SQL of the baseline gives what ElderRepository.stats() gives."""
    with db.transaction() as uow:
        app = [{elder_id: (s.open_cases, s.past_cases) for elder_id, s in uow.elders.stats(except_case=x).items()}
               for x in (None, case_id)]
    return app == [{elder_id: (o, p) for elder_id, o, p in raw.stats(x)} for x in (None, case_id)]


def bench(db_file: Path, repeats: int) -> tuple[list[dict], dict]:
    from xinye_desktop.services.elders import ElderService
    from xinye_desktop.services.selection import SelectionService
    from xinye_desktop.storage.database import Database

    inputs = pick_inputs(db_file)
    db = Database(db_file)
    selection, elders = SelectionService(db), ElderService(db)
    raw = Raw(db_file)
    todo = calls(db, selection, elders, raw, inputs)
    print(f"\n== Calls on case id {inputs['case_id']} (open, {inputs['choices']} proposals, village "
          f"{inputs['village']}): medians of {repeats} interleaved repeats after 1 warm-up, alternating "
          f"which of app / raw goes first ==")
    stats_same = check_stats(db, raw, inputs["case_id"])
    results = []
    for label, app_fn, raw_fn, app_ids, raw_ids, part in todo:  # warm-up, and check both read the same rows
        a, r = app_fn(), raw_fn()
        results.append({"label": label, "rows": row_count(a), "same": app_ids(a) == raw_ids(r),
                        "part": part, "app": [], "raw": []})
    gc.collect()
    clock = time.perf_counter_ns
    for rep in range(repeats):
        for i, (_label, app_fn, raw_fn, _a, _r, _part) in enumerate(todo):
            pair = ((app_fn, results[i]["app"]), (raw_fn, results[i]["raw"]))
            for fn, sink in (pair if (rep + i) % 2 == 0 else pair[::-1]):
                t = clock()
                fn()
                sink.append((clock() - t) / 1e6)
    raw.close()
    db.close()
    print(f"  {pad('call', 36)}{'rows':>6}{'app ms':>10}{'min':>8}{'max':>8}{'raw ms':>9}{'ratio':>8}   "
          f"aim < {AIM_MS:g} ms")
    for res in results:
        app_ms, raw_ms = statistics.median(res["app"]), statistics.median(res["raw"])
        res.update(app_ms=app_ms, raw_ms=raw_ms, ratio=app_ms / raw_ms)
        print(f"  {pad(res['label'], 36)}{res['rows']:>6,}{app_ms:>10.1f}{min(res['app']):>8.1f}"
              f"{max(res['app']):>8.1f}{raw_ms:>9.2f}{res['ratio']:>7.1f}x   "
              f"{'' if res['part'] else 'ok' if app_ms < AIM_MS else 'OVER'}"
              + ("" if res["same"] else "   <- APP AND RAW ROWS DIFFER"))
    print(f"  raw stats SQL gives the same per-elder figures as ElderRepository.stats(): "
          f"{'yes' if stats_same else 'NO'}")
    return results, {**inputs, "stats_same": stats_same}


def profile(db_file: Path, results: list[dict], top: int) -> None:
    """cProfile of the calls over SLOW_MS (or of the slowest call when none is), 3 calls each."""
    from xinye_desktop.services.elders import ElderService
    from xinye_desktop.services.selection import SelectionService
    from xinye_desktop.storage.database import Database

    inputs = pick_inputs(db_file)
    db = Database(db_file)
    raw = Raw(db_file)
    todo = {c[0]: c[1] for c in calls(db, SelectionService(db), ElderService(db), raw, inputs)}
    calls_ = [r for r in results if not r["part"]]
    slow = [r for r in calls_ if r["app_ms"] > SLOW_MS] or [max(calls_, key=lambda r: r["app_ms"])]
    for res in slow:
        fn = todo[res["label"]]
        fn()
        prof = cProfile.Profile()
        prof.enable()
        for _ in range(3):
            fn()
        prof.disable()
        for sort in ("cumulative", "tottime"):
            out = io.StringIO()
            pstats.Stats(prof, stream=out).strip_dirs().sort_stats(sort).print_stats(top)
            text = out.getvalue()
            body = text[text.find("   ncalls"):]
            print(f"\n== cProfile of {res['label']} (median {res['app_ms']:.0f} ms), 3 calls, by {sort} ==")
            print("  " + body.strip().replace("\n", "\n  "))
    raw.close()
    db.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=20_000, help="cases made by demo.generate (default 20000)")
    parser.add_argument("--elders", type=int, default=6_800,
                        help="pool elders to reach, retired included (default 6800: the county; 400: a township)")
    parser.add_argument("--repeats", type=int, default=15, help="timed repeats per call (default 15)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached database")
    parser.add_argument("--profile", action="store_true",
                        help=f"cProfile the calls over {SLOW_MS:g} ms (or the slowest one)")
    parser.add_argument("--profile-top", type=int, default=25, help="functions listed per profile (default 25)")
    args = parser.parse_args(argv)

    import sqlalchemy

    print(f"Python {platform.python_version()}, SQLAlchemy {sqlalchemy.__version__}, SQLite {sqlite3.sqlite_version}, "
          f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs")
    db_file, info, reused = prepare_database(args.cases, args.elders, args.rebuild)
    note = ""
    if info["pool"] > args.elders:
        note = f" (demo.generate alone made {info['demo_pool']}: more than --elders {args.elders})"
    print(f"  {args.cases:,} cases, {info['pool']:,} pool elders{note} in {info['villages']} villages")
    results, inputs = bench(db_file, args.repeats)
    if args.profile:
        profile(db_file, results, args.profile_top)

    ui_calls = [r for r in results if not r["part"]]
    over = [r for r in ui_calls if r["app_ms"] >= AIM_MS]
    slowest = max(ui_calls, key=lambda r: r["app_ms"])
    stats = next(r for r in results if r["label"].strip().startswith("part: stats"))
    keystroke = max((r for r in results if r["label"].startswith("candidates")), key=lambda r: r["app_ms"])
    all_same = all(r["same"] for r in results) and inputs["stats_same"]
    print("\n== Summary ==")
    print(f"  {info['pool']:,} pool elders, {args.cases:,} cases: slowest call {slowest['app_ms']:.1f} ms "
          f"({slowest['label']}), {slowest['ratio']:.1f}x raw sqlite3")
    print(f"  of which ElderRepository.stats(), over the whole pool (a narrowing search counts only the elders it lists): "
          f"{stats['app_ms']:.1f} ms ({stats['raw_ms']:.1f} ms of it the same SQL in raw sqlite3)")
    print(f"  search keystroke: up to {keystroke['app_ms']:.1f} ms after the {DEBOUNCE_MS:.0f} ms debounce "
          f"({keystroke['app_ms'] / DEBOUNCE_MS:.0%} of the debounce again)")
    print(f"  aim: every call < {AIM_MS:g} ms on this machine: "
          + ("MET" if not over else "NOT MET (" + ", ".join(f"{r['label']} {r['app_ms']:.0f} ms" for r in over) + ")"))
    print(f"  app and raw read the same rows: {'yes' if all_same else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
