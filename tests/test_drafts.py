"""Autosaved drafts (services/drafts.py): round trip, atomic writes, damaged files set aside."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.helpers import individual, make_id_number, organisation
from xinye_desktop.domain.cases import CaseInput, PartyInput
from xinye_desktop.domain.enums import CaseSource, DisputeType, PartyKind, PartyRole, Sex
from xinye_desktop.domain.screening import ScreeningAnswers
from xinye_desktop.services.drafts import DraftStore, case_input_from_dict, case_input_to_dict


def full_case_input() -> CaseInput:
    """Every field filled, three parties of different kinds and roles, half-typed values included."""
    return CaseInput(
        received_date=dt.date(2024, 11, 3),
        source=CaseSource.OTHER,
        source_note="网格员上报",
        dispute_type=DisputeType.OTHER,
        dispute_type_note="红白事纠纷",
        village="王庄村",
        group="3组",
        facts="双方因婚礼随礼和借用桌椅损坏的赔偿问题发生争执。\n\t第二段：“引号”与 emoji 🙂。",
        parties=[
            individual("张建国", Sex.MALE, make_id_number(dt.date(1970, 3, 15), 1), ethnicity="回族",
                       birth_date_text="1970-03-15", claims="要求赔偿桌椅。\n第二项。", party_id=17),
            individual("李秀英", None, "", role=PartyRole.RESPONDENT, age_text="45岁", phone="0377-66212345"),
            organisation(role=PartyRole.THIRD_PARTY, phone="13912345678", claims="同意协助调解。"),
        ],
        screening=ScreeningAnswers(in_police=True, public_security=True),
    )


@pytest.fixture
def store(tmp_path) -> DraftStore:
    return DraftStore(tmp_path / "drafts")


def test_full_case_input_survives_a_save_and_load(store):
    original = full_case_input()
    store.save("intake", {"form": case_input_to_dict(original), "case_id": 5, "version": 2})
    payload, saved_at = store.load("intake")
    restored = case_input_from_dict(payload["form"])
    assert restored == original
    assert payload["case_id"] == 5 and payload["version"] == 2
    assert [p.kind for p in restored.parties] == [PartyKind.INDIVIDUAL, PartyKind.INDIVIDUAL, PartyKind.ORGANISATION]
    assert restored.parties[1].sex is None
    assert restored.parties[0].party_id == 17
    assert isinstance(restored.source, CaseSource) and isinstance(restored.dispute_type, DisputeType)
    assert abs(dt.datetime.now() - saved_at) < dt.timedelta(minutes=1)


def test_draft_dict_is_plain_json_with_stable_codes():
    data = case_input_to_dict(full_case_input())
    assert json.loads(json.dumps(data)) == data
    assert data["received_date"] == "2024-11-03"
    assert data["source"] == "other" and data["dispute_type"] == "other"
    assert data["parties"][0]["sex"] == "male" and data["parties"][2]["kind"] == "organisation"
    assert data["screening"]["in_police"] is True


def test_empty_form_round_trips(store):
    store.save("intake", {"form": case_input_to_dict(CaseInput())})
    restored = case_input_from_dict(store.load("intake")[0]["form"])
    assert restored == CaseInput()


def test_older_or_newer_drafts_with_missing_or_extra_keys_still_load():
    raw = {"facts": "只写了一半", "parties": [{"name": "张三", "future_field": 1}], "screening": {"criminal": 1,
                                                                                          "new_question": True},
           "unknown_top_level": "x"}
    restored = case_input_from_dict(raw)
    assert restored.facts == "只写了一半" and restored.received_date is None and restored.source is None
    assert restored.parties == [PartyInput(name="张三")]
    assert restored.screening == ScreeningAnswers(criminal=True)


def test_save_leaves_only_the_draft_file_and_no_temporary_files(store):
    for i in range(5):
        store.save("intake", {"n": i})
    assert sorted(p.name for p in store.folder.iterdir()) == ["intake.json"]
    assert store.load("intake")[0] == {"n": 4}


def test_failed_save_keeps_the_previous_draft_and_leaves_no_temporary_file(store):
    store.save("intake", {"n": 1})
    with pytest.raises(TypeError):
        store.save("intake", {"n": 2, "bad": object()})  # not JSON: fails half-way through writing
    assert sorted(p.name for p in store.folder.iterdir()) == ["intake.json"]
    assert store.load("intake")[0] == {"n": 1}


def test_missing_draft_loads_as_none(store):
    assert store.load("intake") is None
    assert not store.folder.exists() or list(store.folder.iterdir()) == []


def test_discard_removes_the_draft_and_tolerates_a_missing_one(store):
    store.save("intake", {"n": 1})
    store.discard("intake")
    assert store.load("intake") is None
    store.discard("intake")


def test_drafts_of_different_names_are_independent(store):
    store.save("intake", {"n": 1})
    store.save("intake-20240101-120000", {"n": 2})
    assert store.load("intake")[0] == {"n": 1}
    assert store.load("intake-20240101-120000")[0] == {"n": 2}


@pytest.mark.parametrize("content", [
    b'{"saved_at": "2024-01-01T10:00:00", "payload": {"form": {"facts": "half',  # cut off by a power failure
    b"",
    b"\x00\x00\x00\x00",
    b"\xff\xfe not utf-8",
    b"[1, 2, 3]",
    b'{"payload": {}}',
    b'{"saved_at": "not a date", "payload": {}}',
])
def test_damaged_draft_is_moved_aside_not_deleted_and_not_offered(store, content):
    store.folder.mkdir(parents=True)
    (store.folder / "intake.json").write_bytes(content)
    assert store.load("intake") is None
    assert not (store.folder / "intake.json").exists()
    assert (store.folder / "intake.damaged").read_bytes() == content
    assert store.load("intake") is None  # nothing offered afterwards either


def test_a_second_damaged_draft_does_not_overwrite_the_first(store):
    store.folder.mkdir(parents=True)
    (store.folder / "intake.json").write_text("first {", encoding="utf-8")
    assert store.load("intake") is None
    (store.folder / "intake.json").write_text("second {", encoding="utf-8")
    assert store.load("intake") is None
    kept = sorted(p.read_text(encoding="utf-8") for p in store.folder.glob("intake*.damaged"))
    assert kept == ["first {", "second {"]


def test_a_new_draft_can_be_saved_after_a_damaged_one(store):
    store.folder.mkdir(parents=True)
    (store.folder / "intake.json").write_text("{", encoding="utf-8")
    assert store.load("intake") is None
    store.save("intake", {"n": 3})
    assert store.load("intake")[0] == {"n": 3}
    assert (store.folder / "intake.damaged").exists()


# -- sealed drafts (issue 15): what was typed is encrypted with the data key while someone is logged in ----
def _sealer():
    from xinye_desktop.storage.sealing import FieldSealer

    return FieldSealer(bytes(range(32)))


def test_a_draft_saved_while_logged_in_shows_none_of_what_was_typed(tmp_path):
    sealer = _sealer()
    store = DraftStore(tmp_path / "drafts", sealer=lambda: sealer)
    data = full_case_input()
    store.save("intake", case_input_to_dict(data))
    raw = (tmp_path / "drafts" / "intake.json").read_bytes()
    for typed in (data.parties[0].id_number, "0377-66212345", "13912345678", "张建国", "红白事纠纷"):
        assert typed.encode("utf-8") not in raw
    assert set(json.loads(raw)) == {"saved_at", "sealed"}  # when it was saved, and nothing else readable
    payload, _saved = store.load("intake")
    assert case_input_from_dict(payload) == data


def test_a_sealed_draft_waits_for_a_login_and_is_not_offered_before(tmp_path):
    sealer = _sealer()
    holder = {"sealer": sealer}
    store = DraftStore(tmp_path / "drafts", sealer=lambda: holder["sealer"])
    store.save("intake", case_input_to_dict(full_case_input()))
    holder["sealer"] = None  # logged out
    assert store.load("intake") is None
    assert (tmp_path / "drafts" / "intake.json").exists()  # kept, not set aside
    holder["sealer"] = sealer  # logged in again
    assert case_input_from_dict(store.load("intake")[0]) == full_case_input()


def test_a_draft_another_key_cannot_open_is_set_aside_not_offered(tmp_path):
    from xinye_desktop.storage.sealing import FieldSealer

    DraftStore(tmp_path / "drafts", sealer=_sealer).save("intake", {"facts": "x"})
    other = DraftStore(tmp_path / "drafts", sealer=lambda: FieldSealer(bytes(32)))
    assert other.load("intake") is None
    assert not (tmp_path / "drafts" / "intake.json").exists()
    assert (tmp_path / "drafts" / "intake.damaged").exists()  # set aside, not deleted


def test_a_draft_sealed_for_one_form_does_not_open_as_another(tmp_path):
    store = DraftStore(tmp_path / "drafts", sealer=_sealer)
    store.save("intake", {"facts": "x"})
    (tmp_path / "drafts" / "intake.json").replace(tmp_path / "drafts" / "ad-hoc-elder-3.json")
    assert store.load("ad-hoc-elder-3") is None


def test_a_clear_draft_from_before_the_accounts_still_loads_after_a_login(tmp_path):
    DraftStore(tmp_path / "drafts").save("intake", case_input_to_dict(full_case_input()))
    store = DraftStore(tmp_path / "drafts", sealer=_sealer)
    assert case_input_from_dict(store.load("intake")[0]) == full_case_input()
