"""storage/sealing.py: one field sealed and opened (AES-256-GCM bound to the field's name), the keyed hash,
JSON documents, files, and what the repositories do with no sealer installed (KeyRequired)."""

from __future__ import annotations

import os

import pytest

from tests.helpers import elder_input, new_database, valid_case_input
from xinye_desktop.domain.agreement import content_hash
from xinye_desktop.domain.errors import Refused
from xinye_desktop.storage import sealing as sealing_module
from xinye_desktop.storage.sealing import (
    JSON_PREFIX, KEY_CHECK_SETTING, PREFIX, FieldSealer, KeyRequired, OtherKey, SealBroken, Sealing, is_sealed,
)

KEY = bytes(range(32))
OTHER = bytes(range(1, 33))
PHONE, ID_NUMBER = "13812345678", "41132919700315001X"


@pytest.fixture
def sealer():
    return FieldSealer(KEY)


def test_a_sealed_value_opens_to_the_text_and_shows_none_of_it(sealer):
    stored = sealer.seal("phone", PHONE)
    assert stored.startswith(PREFIX) and PHONE not in stored and "1381" not in stored
    assert sealer.open("phone", stored) == PHONE
    assert sealer.seal("phone", PHONE) != stored  # a fresh nonce each time: equal phones do not show
    address = "新野县王庄镇王庄村3组12号"
    assert sealer.open("address", sealer.seal("address", address)) == address


def test_an_empty_value_stays_empty_and_clear_text_is_read_as_it_is(sealer):
    assert sealer.seal("phone", "") == ""
    assert sealer.open("phone", "") == ""
    assert sealer.open("phone", PHONE) == PHONE  # written before the data was sealed


def test_a_value_does_not_open_with_another_key_or_as_another_field(sealer):
    stored = sealer.seal("phone", PHONE)
    with pytest.raises(SealBroken):
        FieldSealer(OTHER).open("phone", stored)
    with pytest.raises(SealBroken):  # a phone's ciphertext pasted into the ID number column
        sealer.open("id_number", stored)


def test_a_tampered_value_does_not_open(sealer):
    stored = sealer.seal("id_number", ID_NUMBER)
    body = stored[len(PREFIX):]
    flipped = PREFIX + body[:10] + ("A" if body[10] != "A" else "B") + body[11:]
    for broken in (flipped, stored[:-2], PREFIX + "not base64!", PREFIX):
        with pytest.raises(SealBroken) as raised:
            sealer.open("id_number", broken)
        assert isinstance(raised.value, Refused) and "打不开" in raised.value.text()


def test_the_keyed_hash_finds_equal_values_under_one_key_only(sealer):
    assert sealer.blind("phone", PHONE) == sealer.blind("phone", PHONE)
    assert len(sealer.blind("phone", PHONE)) == 32 and PHONE not in sealer.blind("phone", PHONE)
    assert sealer.blind("phone", PHONE) != FieldSealer(OTHER).blind("phone", PHONE)
    assert sealer.blind("phone", PHONE) != sealer.blind("id_number", PHONE)
    assert sealer.blind("phone", "") == ""
    typed = Sealing(sealer)
    assert typed.blind("phone", "138 1234 5678") == typed.blind("phone", PHONE)
    assert typed.blind("id_number", ID_NUMBER.lower()) == typed.blind("id_number", ID_NUMBER)
    assert Sealing(None).blind("phone", PHONE) is None  # nothing to hash while the data is clear


def test_the_fingerprint_tells_keys_apart_and_is_not_the_key(sealer):
    assert sealer.fingerprint == FieldSealer(KEY).fingerprint != FieldSealer(OTHER).fingerprint
    assert KEY.hex()[:24] not in sealer.fingerprint


def test_a_key_of_the_wrong_size_is_refused():
    with pytest.raises(ValueError):
        FieldSealer(b"short")


DOCUMENT = {
    "archive": {"pdf_sha256": "18762600916d9ff385c42221c13a7b366d16b3d5eeee118bad0d6393efc8"},
    "case_number": "（2026）新调字第016号",
    "applicants": ["申请人：徐燕，女，汉族，50岁，务工，住新野县汉城街道李湾村7组20号，联系电话：15540662515。"],
    "parties": [{"name": "宋燕", "phone": "18659727022", "address": "新野县王庄镇郭庄村6组56号", "age": 32}],
    "content": {"clauses": [{"amount": "13500000000.00", "content": "周桂兰分两期付清所欠小麦货款"}],
                "issues": "宋燕说她的电话是 13912345678，要求回电。"},
    "hosts": [{"name": "吕继红", "phone": "13700001111"}],
    "registration": [["applicant", "田军", "15563248529", "新野县城郊乡周湾村10组74号", 49]],
    "facts": "双方因宅基地界线发生争执。",
}


def test_a_document_keeps_its_shape_and_only_its_people_and_numbers_are_sealed(sealer):
    sealed = sealer.seal_document(DOCUMENT)
    text = str(sealed)
    for secret in ("15540662515", "18659727022", "13912345678", "13700001111", "15563248529", "郭庄村6组56号"):
        assert secret not in text
    assert sealed["archive"] == DOCUMENT["archive"]  # the check command reads it with json_extract
    assert sealed["content"]["clauses"] == DOCUMENT["content"]["clauses"]  # the statistics sum the amounts
    assert sealed["case_number"] == DOCUMENT["case_number"] and sealed["facts"] == DOCUMENT["facts"]
    assert sealed["parties"].startswith(JSON_PREFIX)
    assert sealer.open_document(sealed) == DOCUMENT
    assert content_hash(sealer.open_document(sealed)) == content_hash(DOCUMENT)  # the digest still verifies


def test_a_stored_document_opens_with_the_sealer_and_not_without(sealer):
    from xinye_desktop.domain.agreement import canonical_json

    stored = Sealing(sealer).seal_json(DOCUMENT, canonical_json)
    assert Sealing(sealer).open_json(stored) == DOCUMENT
    with pytest.raises(KeyRequired):
        Sealing(None).open_json(stored)
    clear = canonical_json({"facts": "没有个人信息"})
    assert Sealing(None).open_json(clear) == {"facts": "没有个人信息"}
    assert Sealing(sealer).seal_json(DOCUMENT, canonical_json, stored) == stored  # unchanged: kept as stored


@pytest.fixture
def files(sealer):
    """The backup key pair as the settings keep it: the public key clear, the private one sealed."""
    public, private = sealer.new_backup_keys()
    assert not is_sealed(public) and is_sealed(private)
    return sealing_module.file_sealer({"backup_public_key": public}), sealer.backup_file_sealer(public, private)


@pytest.mark.parametrize("size", [0, 1, 999, 1000, 1001, 3500])
def test_a_file_sealed_with_the_public_key_opens_with_the_private_one(files, tmp_path, monkeypatch, size):
    monkeypatch.setattr(sealing_module, "_FILE_CHUNK", 1000)
    sealing_only, opening = files
    source, sealed, opened = tmp_path / "a.pdf", tmp_path / "a.sealed", tmp_path / "b.pdf"
    data = os.urandom(size - 11) + b"15540662515" if size > 11 else os.urandom(size)
    source.write_bytes(data)
    sealing_only.seal_file(source, sealed, "documents/x/a.pdf")  # no login needed to seal
    assert sealing_module.is_sealed_file(sealed) and b"15540662515" not in sealed.read_bytes()
    assert sealing_module.sealed_file_key_id(sealed) == opening.key_id
    with pytest.raises(KeyRequired):
        sealing_only.open_file(sealed, opened, "documents/x/a.pdf")
    opening.open_file(sealed, opened, "documents/x/a.pdf")
    assert opened.read_bytes() == data


def test_a_file_changed_cut_short_renamed_or_of_another_key_does_not_open(files, tmp_path, monkeypatch):
    monkeypatch.setattr(sealing_module, "_FILE_CHUNK", 1000)
    sealing_only, opening = files
    source, sealed, opened = tmp_path / "a.pdf", tmp_path / "a.sealed", tmp_path / "b.pdf"
    source.write_bytes(os.urandom(2500))
    sealing_only.seal_file(source, sealed, "documents/a.pdf")
    whole = sealed.read_bytes()
    for broken in (whole[:-1016], whole[:100] + bytes([whole[100] ^ 1]) + whole[101:]):
        sealed.write_bytes(broken)
        with pytest.raises(SealBroken):
            opening.open_file(sealed, opened, "documents/a.pdf")
        assert not opened.exists()  # nothing half-opened left behind
    sealed.write_bytes(whole)
    with pytest.raises(SealBroken):
        opening.open_file(sealed, opened, "documents/b.pdf")
    other = FieldSealer(OTHER)
    with pytest.raises(OtherKey):
        other.backup_file_sealer(*other.new_backup_keys()).open_file(sealed, opened, "documents/a.pdf")
    with pytest.raises(SealBroken):  # the private key itself does not open with another data key
        other.backup_file_sealer(*FieldSealer(KEY).new_backup_keys())


# -- through the repositories ----------------------------------------------------------------------------

@pytest.fixture
def db(tmp_path):
    database = new_database(tmp_path / "x.sqlite3")
    yield database
    database.close()


def _raw(db, sql):
    import sqlite3

    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_the_repositories_seal_on_the_way_in_and_open_on_the_way_out(db):
    from xinye_desktop.services.intake import IntakeService

    db.use_sealer(FieldSealer(KEY))
    case = IntakeService(db).register(valid_case_input())
    stored = _raw(db, "SELECT phone, address, id_number, phone_hash, id_number_hash FROM parties ORDER BY id")
    typed = valid_case_input().parties
    for (phone, address, id_number, phone_hash, id_hash), party in zip(stored, typed):
        assert all(is_sealed(v) for v in (phone, address, id_number))
        assert party.phone not in phone and party.id_number not in id_number
        assert phone_hash == Sealing(FieldSealer(KEY)).blind("phone", party.phone)
        assert id_hash == Sealing(FieldSealer(KEY)).blind("id_number", party.id_number)
    again = IntakeService(db).load(case.id)
    assert [(p.phone, p.address, p.id_number) for p in again.parties] == \
        [(p.phone, p.address, p.id_number) for p in case.parties]


def test_saving_a_case_unchanged_keeps_the_sealed_values_as_they_were(db):
    from dataclasses import replace

    from xinye_desktop.domain.cases import CaseInput
    from xinye_desktop.services.intake import IntakeService

    db.use_sealer(FieldSealer(KEY))
    intake = IntakeService(db)
    case = intake.register(valid_case_input())
    before = _raw(db, "SELECT phone, address, id_number FROM parties ORDER BY id")
    data = CaseInput.from_case(case)
    intake.update(case.id, replace(data, facts=data.facts + "补充。"), expected_version=case.version)
    assert _raw(db, "SELECT phone, address, id_number FROM parties ORDER BY id") == before


def test_with_no_sealer_a_sealed_value_is_refused_not_shown_empty(db):
    from xinye_desktop.services.intake import IntakeService

    db.use_sealer(FieldSealer(KEY))
    case = IntakeService(db).register(valid_case_input())
    with db.transaction() as uow:
        uow.settings.set(KEY_CHECK_SETTING, FieldSealer(KEY).fingerprint)
    db.use_sealer(None)
    with pytest.raises(KeyRequired) as raised:
        IntakeService(db).load(case.id)
    assert raised.value.text() == "需要登录后才能读取当事人的个人信息。"
    with pytest.raises(KeyRequired):  # nor is a new phone written in clear beside the sealed ones
        IntakeService(db).register(valid_case_input(tag=1))
    assert _raw(db, "SELECT COUNT(*) FROM cases") == [(1,)]


def test_clear_data_is_read_and_written_clear_while_there_is_no_key(db):
    from xinye_desktop.services.intake import IntakeService

    case = IntakeService(db).register(valid_case_input())  # no account, no key: as before issue 15
    phone, hashed = _raw(db, "SELECT phone, phone_hash FROM parties ORDER BY id")[0]
    assert phone == valid_case_input().parties[0].phone and hashed is None
    assert IntakeService(db).load(case.id).parties[0].phone == phone


def test_the_elder_duplicate_check_and_phone_search_go_by_the_keyed_hash(db):
    from xinye_desktop.domain.errors import ValidationFailed
    from xinye_desktop.services.elders import ElderService

    db.use_sealer(FieldSealer(KEY))
    elders = ElderService(db)
    elders.add(elder_input(name="张建国", village="王庄村", phone="13912345678"))
    (stored,) = _raw(db, "SELECT phone FROM elders")
    assert is_sealed(stored[0])
    with pytest.raises(ValidationFailed):  # the same person again, typed with spaces
        elders.add(elder_input(name="张建国", village="王庄村", phone="139 1234 5678"))
    assert [e.name for e, _stats in elders.pool(text="13912345678")] == ["张建国"]
    assert elders.pool(text="1391") == []  # part of a sealed phone finds nothing: the hash is of the whole


def test_sealing_a_clear_database_seals_every_field_and_history_line_and_notes_the_key(db):
    from dataclasses import replace

    from xinye_desktop.domain.cases import CaseInput
    from xinye_desktop.services.intake import IntakeService
    from xinye_desktop.storage.sealing_upgrade import seal_database

    intake = IntakeService(db)  # no key yet: written clear
    case = intake.register(valid_case_input())
    data = CaseInput.from_case(case)
    moved = replace(data.parties[0], address="新野县歪子镇新址村9组99号")
    intake.update(case.id, replace(data, parties=(moved, *data.parties[1:])), expected_version=case.version)
    assert "新址村" in str(_raw(db, "SELECT changes FROM case_history"))

    sealer = FieldSealer(KEY)
    done = seal_database(db, sealer)
    assert done.rows >= 3 and done.vacuumed
    assert "新址村" not in str(_raw(db, "SELECT changes FROM case_history"))
    assert all(is_sealed(v) for row in _raw(db, "SELECT phone, address, id_number FROM parties") for v in row)
    assert _raw(db, f"SELECT value FROM settings WHERE key = '{KEY_CHECK_SETTING}'") == [(sealer.fingerprint,)]
    assert seal_database(db, sealer).rows == 0  # once only
    with pytest.raises(OtherKey):
        seal_database(db, FieldSealer(OTHER))
    db.use_sealer(sealer)
    assert IntakeService(db).load(case.id).parties[0].address == "新野县歪子镇新址村9组99号"
    assert any("新址村9组99号" in str(c) for c in IntakeService(db).history(case.id)[-1].changes)
