"""The village's exchange package (issue 16 items 1, 2 and 6; docs/exchange-package.md): global identity,
writing a signed package with the personal fields encrypted to the hub, and reading it back with every
check before anything is trusted."""

from __future__ import annotations

import datetime as dt
import errno
import io
import json
import re
import shutil
import sqlite3
import time
import zipfile
from pathlib import Path

import pytest

from xinye_desktop.domain.canvass import CanvassInput
from xinye_desktop.domain.errors import Refused
from xinye_desktop.domain.exchange import committee_place, fingerprint, package_name
from xinye_desktop.paths import DataPaths
from xinye_desktop.services import keys
from xinye_desktop.services.accounts import AccountService
from xinye_desktop.services.canvass import CanvassService
from xinye_desktop.services.elders import ElderService
from xinye_desktop.services.exchange import (
    ExchangeService, Limits, PackageRefused, new_hub_keys, read_package, run_export_package,
)
from xinye_desktop.services.exchange import crypto, writer
from xinye_desktop.services.exchange.format import dumps
from xinye_desktop.storage.database import Database
from xinye_desktop.storage.exchange_rows import SPECS
from xinye_desktop.storage.records import TRAVELLING_TABLES
from xinye_desktop.storage.sealing import SIGNING_PRIVATE_SETTING, SIGNING_PUBLIC_SETTING

CHEAP = keys.KdfCost(memory_kib=1024, time_cost=1)
ADMIN, PASSWORD = "wangbg", "村委会2026调解"
FINGERPRINT = re.compile(r"^[A-Z2-7]{4}(-[A-Z2-7]{4}){3}$")


@pytest.fixture(scope="module")
def sealed_demo(demo_template, tmp_path_factory):
    """The session's demo folder, copied once, with its first administrator set up (the data sealed and the
    committee's key pairs made); and the demo's clear ID numbers, phones and party names, read before."""
    root = tmp_path_factory.mktemp("exchange") / "data"
    shutil.copytree(demo_template().root, root)
    conn = sqlite3.connect(root / "xinye.sqlite3")
    secrets = {"id_numbers": {r[0] for r in conn.execute("SELECT id_number FROM parties WHERE id_number != ''")},
               "phones": {r[0] for r in conn.execute(
                   "SELECT phone FROM parties WHERE phone != '' UNION SELECT phone FROM elders WHERE phone != '' "
                   "UNION SELECT phone FROM role_people WHERE phone != ''")},
               "names": {r[0] for r in conn.execute("SELECT name FROM parties WHERE kind = 'individual'")}}
    conn.close()
    assert secrets["id_numbers"] and secrets["phones"] and secrets["names"]
    db = Database(root / "xinye.sqlite3")
    AccountService(db, cost=CHEAP).create_first_admin(ADMIN, "王保国", PASSWORD)
    db.close()
    return root, secrets


@pytest.fixture
def village(sealed_demo, tmp_path_factory):
    """A copy of the sealed demo, its administrator logged in: (db, ExchangeService, data root)."""
    template, _secrets = sealed_demo
    root = tmp_path_factory.mktemp("village") / "data"
    shutil.copytree(template, root)
    db = Database(root / "xinye.sqlite3")
    db.ensure_schema()
    AccountService(db, cost=CHEAP).login(ADMIN, PASSWORD)
    yield db, ExchangeService(db, root), root
    db.close()


@pytest.fixture(scope="module")
def hub_keys():
    return new_hub_keys()


def _table_counts(db: Database) -> dict[str, int]:
    conn = sqlite3.connect(db.path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TRAVELLING_TABLES}
    finally:
        conn.close()


def _audit_rows(db: Database) -> list[dict]:
    conn = sqlite3.connect(db.path)
    try:
        return [json.loads(s) for (s,) in conn.execute("SELECT summary FROM audit_log WHERE kind = 'export'")]
    finally:
        conn.close()


# -- global identity (item 1) ----------------------------------------------------------------------------

def test_every_travelling_row_has_a_uuid_its_committee_and_a_row_version(village):
    db, _service, _root = village
    conn = sqlite3.connect(db.path)
    committee = conn.execute("SELECT value FROM settings WHERE key = 'committee_id'").fetchone()[0]
    assert re.match(r"^[0-9a-f-]{36}$", committee)
    for table in TRAVELLING_TABLES:
        rows, uuids, distinct, ours, versions = conn.execute(
            f"SELECT count(*), count(uuid), count(DISTINCT uuid), sum(origin = ?), min(row_version) FROM {table}",
            (committee,)).fetchone()
        assert rows == uuids == distinct == ours, table
        assert rows == 0 or versions >= 1, table
    conn.close()


def test_a_write_is_stamped_above_every_mark_and_a_delete_leaves_a_tombstone(village):
    db, _service, _root = village
    with db.transaction() as uow:
        before = uow.exchange.mark()
    canvass = CanvassService(db).add(CanvassInput(held_on="2026-11-20", village_name="王庄村", done_by="王保国",
                                                  found="2", prevented="1"))
    conn = sqlite3.connect(db.path)
    stamped = conn.execute("SELECT row_version FROM canvasses WHERE id = ?", (canvass.id,)).fetchone()[0]
    assert stamped > before
    elder = conn.execute("SELECT id, uuid FROM elders WHERE id NOT IN (SELECT elder_id FROM case_elders) "
                         "LIMIT 1").fetchone()
    conn.close()
    ElderService(db).delete(elder[0])
    conn = sqlite3.connect(db.path)
    tomb = conn.execute("SELECT table_name, uuid, row_version FROM exchange_tombstones").fetchall()
    conn.close()
    assert tomb == [("elders", elder[1], stamped + 1)]


def test_the_signing_key_pair_is_made_at_set_up_the_private_key_sealed(village):
    db, service, _root = village
    settings = db.read_settings()
    public = crypto.unb64(settings[SIGNING_PUBLIC_SETTING])
    assert len(public) == 32
    assert settings[SIGNING_PRIVATE_SETTING].startswith("xs1:")  # sealed with the data key
    assert FINGERPRINT.match(service.signing_fingerprint())
    assert service.signing_fingerprint() == fingerprint(public)


def test_the_committee_s_place_names_the_package():
    assert committee_place("新野县王庄镇王庄村人民调解委员会") == ("王庄镇", "王庄村")
    assert package_name("新野县王庄镇王庄村人民调解委员会", 2026, 12) == "王庄村-2026-12.xdx"
    assert package_name("", 2026, 3) == "调委会-2026-03.xdx"


# -- the package (item 2) -----------------------------------------------------------------------------------

def test_a_package_round_trips_every_row_its_figures_and_documents(village, sealed_demo, hub_keys, tmp_path):
    db, service, root = village
    public, private = hub_keys
    written = service.write_package(tmp_path, hub_public_key=public, period="2026-03")
    assert written.path == tmp_path / "王庄村-2026-03.xdx" and written.path.is_file()
    assert written.since == 0 and FINGERPRINT.match(written.fingerprint)

    package = read_package(written.path)
    counts = _table_counts(db)
    assert {t: len(rows) for t, rows in package.rows.items()} == {t: n for t, n in counts.items() if n}
    assert package.up_to == written.up_to and package.fingerprint == written.fingerprint
    assert package.figures["month"] == "2026-03" and package.manifest["period"]["label"] == "2026年3月"
    # What stays readable for counting: the cases' codes, dates and places, no personal field.
    case = package.rows["cases"][0]
    assert {"case_number", "dispute_type", "status", "received_date"} <= set(case["fields"])
    assert not set(case["fields"]) & set(SPECS["cases"].personal)

    opened = package.open_personal(private)
    conn = sqlite3.connect(db.path)
    uuid, facts = conn.execute("SELECT uuid, facts FROM cases LIMIT 1").fetchone()
    conn.close()
    assert opened["cases"][uuid]["facts"] == facts  # clear at rest, encrypted in the package
    # the parties' phones as typed (sealed at rest since the set-up), opened with the hub's key
    phones = {fields["phone"] for fields in opened["parties"].values() if fields["phone"]}
    assert len(phones) > 10 and phones <= sealed_demo[1]["phones"]
    assert all(not p.startswith("xs1:") for p in phones)

    assert package.documents and not package.manifest["documents_missing"]
    entry = package.documents[0]
    target = tmp_path / "opened.pdf"
    package.extract_document(entry, target, private)
    assert target.read_bytes() == (root / entry["path"]).read_bytes()
    assert _audit_rows(db)[-1]["what"] == "exchange_package" and _audit_rows(db)[-1]["file"] == written.path.name


def test_the_next_package_since_the_first_mark_carries_only_what_changed(village, hub_keys, tmp_path):
    db, service, _root = village
    public, _private = hub_keys
    first = service.write_package(tmp_path / "first.xdx", hub_public_key=public, period="2026-11")
    CanvassService(db).add(CanvassInput(held_on="2026-11-20", village_name="王庄村", done_by="王保国",
                                        found="2", prevented="1"))
    second = service.write_package(tmp_path / "second.xdx", hub_public_key=public, since=first.up_to,
                                   period="2026-11")
    package = read_package(second.path)
    assert package.since == first.up_to and package.up_to == first.up_to + 1
    assert {t: len(r) for t, r in package.rows.items()} == {"canvasses": 1}
    assert second.counts == {"canvasses": 1, "documents": 0}
    assert package.rows["canvasses"][0]["fields"]["found"] == 2

    third = service.write_package(tmp_path / "third.xdx", hub_public_key=public, since=second.up_to,
                                  period="2026-11")
    assert read_package(third.path).rows == {}


def test_a_month_with_no_dispute_is_an_explicit_zero_report(village, hub_keys, tmp_path):
    db, service, _root = village
    public, _private = hub_keys
    with db.transaction() as uow:
        mark = uow.exchange.mark()
    written = service.write_package(tmp_path, hub_public_key=public, since=mark, period="2001-02")
    package = read_package(written.path)
    assert written.zero_report and package.zero_report and package.figures["zero_report"] is True
    assert package.figures["registered"] == 0 and package.figures["accepted"] == 0
    assert package.rows == {} and written.path.name == "王庄村-2001-02.xdx"


def test_no_id_number_phone_or_party_name_is_readable_in_the_package(village, sealed_demo, hub_keys, tmp_path):
    _db, service, _root = village
    _template, secrets = sealed_demo
    written = service.write_package(tmp_path, hub_public_key=hub_keys[0], period="2026-03")
    raw = written.path.read_bytes()
    blobs = {"<file>": raw}
    with zipfile.ZipFile(written.path) as zf:
        for name in zf.namelist():
            blobs[name] = zf.read(name)
    assert len(blobs) > 10
    found = []
    for where, blob in blobs.items():
        # Every run of digits and of Chinese characters, so that each secret is looked for in a few short
        # strings rather than in megabytes of sealed PDFs.
        numbers = re.findall(r"[0-9Xx-]{7,}", blob.decode("latin-1"))
        words = re.findall(r"[\u4e00-\u9fff]{2,}", blob.decode("utf-8", "ignore"))
        found += [(where, s) for s in secrets["id_numbers"] | secrets["phones"] if any(s in n for n in numbers)]
        found += [(where, s) for s in secrets["names"] if any(s in w for w in words)]
    assert found == []


def test_exporting_needs_a_login_and_writes_nothing_without_one(village, hub_keys, tmp_path):
    db, service, _root = village
    accounts = AccountService(db, cost=CHEAP)
    accounts.logout(accounts.login(ADMIN, PASSWORD))  # NOBODY acts from here on
    with pytest.raises(Refused, match="请先登录"):
        service.write_package(tmp_path, hub_public_key=hub_keys[0], period="2026-03")
    assert list(tmp_path.iterdir()) == []


def test_a_package_needs_the_hub_s_key(village, tmp_path):
    _db, service, _root = village
    with pytest.raises(PackageRefused, match="司法所的公钥") as refused:
        service.write_package(tmp_path, period="2026-03")
    assert refused.value.reason == "hub_key"
    with pytest.raises(Refused, match="32 字节"):
        service.write_package(tmp_path, hub_public_key=b"short", period="2026-03")
    assert list(tmp_path.iterdir()) == []


class _PulledOut(io.RawIOBase):
    """A file on a USB drive pulled out after ``left`` bytes."""

    def __init__(self, path: Path, left: int):
        self._file = open(path, "xb")
        self._left = left

    def writable(self):
        return True

    def seekable(self):
        return True

    def tell(self):
        return self._file.tell()

    def seek(self, *args):
        return self._file.seek(*args)

    def write(self, data):
        if self._left <= 0:
            raise OSError(errno.EIO, "Input/output error")
        data = bytes(data)[:self._left]
        self._left -= len(data)
        return self._file.write(data)

    def fileno(self):
        return self._file.fileno()

    def close(self):
        self._file.close()
        super().close()


def test_a_usb_drive_pulled_out_mid_write_leaves_no_package_under_its_name(village, hub_keys, tmp_path, monkeypatch):
    db, service, _root = village
    monkeypatch.setattr(writer, "_open_for_writing", lambda path: _PulledOut(path, 200_000))
    audit_before = len(_audit_rows(db))
    with pytest.raises(PackageRefused, match="没有写完") as refused:
        service.write_package(tmp_path, hub_public_key=hub_keys[0], period="2026-03")
    assert refused.value.reason == "write"
    assert not (tmp_path / "王庄村-2026-03.xdx").exists()
    assert list(tmp_path.iterdir()) == []  # the temporary file is gone too (the drive is still there here)
    assert len(_audit_rows(db)) == audit_before


# -- reading: every check before anything is trusted (item 6) ------------------------------------------------

@pytest.fixture
def package_file(village, hub_keys, tmp_path):
    """A package of the demo's last writes (rows of most tables, a few documents): small enough to be read
    a few hundred times."""
    db, service, _root = village
    with db.transaction() as uow:
        since = uow.exchange.mark() - 40
    package = service.write_package(tmp_path / "pkg.xdx", hub_public_key=hub_keys[0], since=since, period="2026-03")
    assert package.counts["documents"] >= 2 and len(package.counts) >= 6, package.counts
    return package.path


def _signing_key(db: Database):
    return db.sealer.signing_key(db.read_settings()[SIGNING_PRIVATE_SETTING])


def _rebuild(source: Path, target: Path, change=None, manifest_change=None, key=None, extra=()) -> Path:
    """A copy of a package with a member changed (``change(name, data) -> data``), the manifest changed and
    signed again with ``key`` (None: the old signature kept), and ``extra`` members added."""
    with zipfile.ZipFile(source) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    if change:
        members = {name: change(name, data) for name, data in members.items()}
    if manifest_change or key:
        manifest = json.loads(members["manifest.json"])
        if manifest_change:
            manifest_change(manifest)
        members["manifest.json"] = dumps(manifest)
        if key is not None:
            members["manifest.sig"] = crypto.sign(key, members["manifest.json"])
    with zipfile.ZipFile(target, "w") as zf:
        for name, data in list(members.items()) + list(extra):
            zf.writestr(name, data)
    return target


def _refused(path: Path, **kwargs) -> PackageRefused:
    with pytest.raises(PackageRefused) as refused:
        read_package(path, **kwargs)
    return refused.value


def test_a_truncated_package_is_refused(package_file):
    data = package_file.read_bytes()
    for keep in (len(data) // 2, len(data) - 30, 100):
        package_file.write_bytes(data[:keep])
        refused = _refused(package_file)
        assert refused.reason == "not_a_package" and "不完整" in refused.text()


def test_every_flipped_bit_is_refused_or_leaves_the_content_as_signed(package_file):
    good = read_package(package_file)
    data = bytearray(package_file.read_bytes())
    reasons = set()
    # Spread over the file (the members' data), and densely over its end: the zip's central directory.
    with zipfile.ZipFile(package_file) as zf:
        directory = min(info.header_offset for info in zf.infolist() if info.filename == "manifest.json")
    positions = sorted(set(range(0, len(data), max(1, len(data) // 120)))
                       | set(range(directory, len(data), max(1, (len(data) - directory) // 200))))
    for position in positions:
        flipped = bytearray(data)
        flipped[position] ^= 0x10
        package_file.write_bytes(bytes(flipped))
        try:
            again = read_package(package_file)
        except PackageRefused as refused:
            reasons.add(refused.reason)
            assert refused.text() and "报送包" in refused.text()
            continue
        # a bit of the zip's own bookkeeping (a time stamp, an attribute): what was signed is intact
        assert (again.manifest, again.rows, again.figures) == (good.manifest, good.rows, good.figures)
    assert "damaged" in reasons and len(reasons) >= 3, reasons


def test_a_member_changed_under_a_valid_zip_is_refused_as_tampered(package_file, tmp_path):
    def change(name, data):
        return data.replace(b'"found":', b'"found":1') if name == "rows/canvasses.jsonl" else data

    refused = _refused(_rebuild(package_file, tmp_path / "t.xdx", change=change))
    assert refused.reason == "tampered" and "rows/canvasses.jsonl" in refused.text()
    extra = _refused(_rebuild(package_file, tmp_path / "e.xdx", extra=[("rows/hamlets.jsonl", b"{}\n")]))
    assert extra.reason == "tampered"


def test_a_package_signed_by_another_key_or_changed_after_signing_is_refused(village, package_file, tmp_path):
    db, _service, _root = village
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    other = Ed25519PrivateKey.generate()
    resigned = _rebuild(package_file, tmp_path / "other.xdx", key=other)  # the manifest still names our key
    assert _refused(resigned).reason == "bad_signature"

    def claim(manifest):
        manifest["committee"]["signing_key"] = crypto.b64(other.public_key().public_bytes_raw())

    impostor = _rebuild(package_file, tmp_path / "impostor.xdx", manifest_change=claim, key=other)
    registered = read_package(package_file).signing_key
    refused = _refused(impostor, trusted_key=registered)
    assert refused.reason == "other_key" and fingerprint(registered) in refused.text()
    read_package(package_file, trusted_key=crypto.b64(registered))  # the registered key reads it

    changed = _rebuild(package_file, tmp_path / "changed.xdx",
                       manifest_change=lambda m: m.update(up_to=m["up_to"] + 1))
    assert _refused(changed).reason == "bad_signature"

    newer = _rebuild(package_file, tmp_path / "newer.xdx", manifest_change=lambda m: m.update(format_version=2),
                     key=_signing_key(db))
    refused = _refused(newer)
    assert refused.reason == "newer_format" and "升级" in refused.text()


@pytest.mark.filterwarnings("ignore:Duplicate name")  # zipfile cuts a name at its NUL: a duplicate, refused too
@pytest.mark.parametrize("name", ["../evil.txt", "/etc/cron.d/x", "C:/Windows/x.dll", "rows\\..\\..\\x",
                                  "documents/../../x", "rows/./cases.jsonl", "documents/", "rows/cases.jsonl\x00.exe"])
def test_a_zip_slip_or_unknown_name_is_refused_before_anything_is_read(package_file, tmp_path, name):
    evil = _rebuild(package_file, tmp_path / "slip.xdx", extra=[(name, b"x")])
    refused = _refused(evil)
    assert refused.reason == "unsafe_name" and "不安全" in refused.text()
    assert not (tmp_path.parent / "evil.txt").exists()


def test_a_2_gb_file_is_refused_on_its_size_unread(tmp_path, monkeypatch):
    big = tmp_path / "big.xdx"
    with open(big, "wb") as handle:
        handle.truncate(2 << 30)  # sparse: 2 GB long, nothing on the disk
    from xinye_desktop.services.exchange import reader

    monkeypatch.setattr(reader.zipfile, "ZipFile", lambda *a, **k: pytest.fail("the file was opened as a zip"))
    started = time.perf_counter()
    refused = _refused(big)
    assert time.perf_counter() - started < 0.5
    assert refused.reason == "too_big" and "2.0 GB" in refused.text() and "没有读取" in refused.text()


def test_a_member_declared_larger_than_the_limit_is_refused_before_it_is_unpacked(package_file, tmp_path):
    bomb = _rebuild(package_file, tmp_path / "bomb.xdx", extra=[("documents/9999.sealed", b"\0" * 3_000_000)])
    refused = _refused(bomb, limits=Limits(member_bytes=1_000_000))
    assert refused.reason == "too_big"


def test_a_file_that_is_not_a_package_is_refused(tmp_path):
    junk = tmp_path / "x.xdx"
    junk.write_bytes(b"PK\x03\x04 not really")
    assert _refused(junk).reason == "not_a_package"
    assert _refused(tmp_path / "missing.xdx").reason == "not_a_package"


def test_a_package_for_another_hub_does_not_open(package_file):
    _other_public, other_private = new_hub_keys()
    refused = None
    with pytest.raises(PackageRefused) as refused:
        read_package(package_file).open_personal(other_private)
    assert refused.value.reason == "other_hub"


# -- the command line's entry -------------------------------------------------------------------------------

def test_run_export_package_writes_and_says_where_with_the_fingerprint(village, hub_keys, tmp_path):
    db, _service, root = village
    key_file = tmp_path / "hub.key"
    key_file.write_text(crypto.b64(hub_keys[0]))
    said, problems = [], []
    code = run_export_package(db, tmp_path, data_root=root, hub_key_file=key_file, period="2026-03",
                              out=said.append, err=problems.append)
    assert code == 0 and problems == [] and (tmp_path / "王庄村-2026-03.xdx").is_file()
    assert "王庄村-2026-03.xdx" in said[0] and FINGERPRINT.search(said[1].split("：")[1][:19])
    code = run_export_package(db, tmp_path / "no" / "x.xdx", data_root=root, hub_key_file=key_file,
                              out=said.append, err=problems.append)
    assert code == 2 and "不存在" in problems[-1]


def test_the_export_package_command_logs_in_and_writes_the_package(village, hub_keys, tmp_path, monkeypatch, capsys):
    from xinye_desktop.__main__ import main

    _db, _service, root = village
    key_file = tmp_path / "hub.key"
    key_file.write_text(crypto.b64(hub_keys[0]))
    out = tmp_path / "usb"
    out.mkdir()
    command = ["export-package", "--to", str(out), "--month", "2026-03", "--hub-key", str(key_file),
               "--data-dir", str(root)]
    assert main(command) == 3 and "--user" in capsys.readouterr().err  # the folder has accounts: no login, nothing
    assert list(out.iterdir()) == []
    monkeypatch.setenv("XINYE_PASSWORD", PASSWORD)
    assert main(command + ["--user", ADMIN]) == 0
    said = capsys.readouterr().out
    assert "王庄村-2026-03.xdx" in said and read_package(out / "王庄村-2026-03.xdx").fingerprint in said
    assert main(["export-package", "--to", str(tmp_path / "none" / "x.xdx"), "--data-dir", str(root),
                 "--user", ADMIN]) == 2
