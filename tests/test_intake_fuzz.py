"""Random text at every intake field (hypothesis): control characters, emoji, rare CJK beyond the
BMP, lone surrogates, Unicode non-characters, very long strings. Each input is either saved and
read back equal, or refused with a Chinese message on that field; nothing else (no crash, no
silent change, nothing half saved)."""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.helpers import individual, organisation, valid_case_input
from xinye_desktop.domain.enums import CaseSource, DisputeType, Sex
from xinye_desktop.domain.errors import ValidationFailed
from xinye_desktop.services.intake import IntakeService

EXAMPLES = 500
CASE_FIELDS = ("source_note", "dispute_type_note", "village", "group", "facts")
# (party index, form field, attribute read back, the field name errors use). Party 0 is a person,
# party 1 an organisation (legal representative and credit code belong to those).
PARTY_FIELDS = (
    (0, "name", "name", "name"), (0, "ethnicity", "ethnicity", "ethnicity"),
    (0, "birth_date_text", "birth_date", "birth_date"), (0, "age_text", "age", "age"),
    (0, "occupation", "occupation", "occupation"), (0, "phone", "phone", "phone"),
    (0, "address", "address", "address"), (0, "id_number", "id_number", "id_number"),
    (0, "claims", "claims", "claims"), (1, "name", "name", "name"),
    (1, "legal_representative", "legal_representative", "legal_representative"),
    (1, "credit_code", "credit_code", "credit_code"), (1, "claims", "claims", "claims"),
)
FIELDS = [("case", name, name, name) for name in CASE_FIELDS] + [("party",) + f for f in PARTY_FIELDS]
# Free text is stored as typed, less outer blanks and with line endings folded to \n.
FREE_TEXT = {"source_note", "dispute_type_note", "village", "group", "facts", "occupation", "address", "claims",
             "name", "legal_representative"}

RARE = list("𠈌㛃𪚥𠀀𡈽𤋮𬱖鿏𰻞䶵〇") + ["👨‍👩‍👧‍👦", "🀄", "🇨🇳", "é", "\u0301", "ǚ", "·", "•"]
HOSTILE = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\u200b", "\u202e", "\ufeff", "\ud800", "\udfff", "\ufffe",
           "\ufdd0", "\U0010ffff", "\r\n", "\r", "\n", "\t", " ", "\u3000", "'", '"', "%", "_", ";--", "\\"]
texts = st.one_of(
    st.text(st.characters(), max_size=40),  # any code point but surrogates
    st.text(st.characters(codec="utf-8", categories=["Lo", "So", "Mn", "Zs", "Cc", "Cf"]), max_size=40),
    st.lists(st.sampled_from(RARE + HOSTILE + list("张李王村组号0123456789Xx-（）")), max_size=25).map("".join),
    st.builds(lambda body, n, tail: body * n + tail, st.sampled_from(["长", "𠈌", "a", "👍", "\n"]),
              st.integers(1, 6000), st.sampled_from(["", "。", "\x00", " "])),
)
CJK = re.compile(r"[\u4e00-\u9fff]")


def base_form():
    person = individual("张建国", Sex.MALE, "", address="新野县王庄镇王庄村3组12号", phone="", occupation="",
                        claims="要求按原界线施工。")
    return valid_case_input(source=CaseSource.OTHER, source_note="村委会转来", dispute_type=DisputeType.OTHER,
                            dispute_type_note="地界", parties=[person, organisation(claims="不同意。")])


def with_text(form, field, text):
    scope, *rest = field
    if scope == "case":
        return replace(form, **{rest[0]: text})
    index, name = rest[0], rest[1]
    parties = list(form.parties)
    parties[index] = replace(parties[index], **{name: text})
    return replace(form, parties=parties)


def read_back(case, field):
    scope, *rest = field
    if scope == "case":
        return getattr(case, rest[0])
    return getattr(case.parties[rest[0]], rest[2])


def error_key(field):
    scope, *rest = field
    return rest[0] if scope == "case" else f"parties.{rest[0]}.{rest[3]}"


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory):
    from xinye_desktop.app import open_database
    from xinye_desktop.paths import DataPaths

    paths = DataPaths(tmp_path_factory.mktemp("fuzz") / "data")
    paths.create()
    db = open_database(paths)
    yield db
    db.close()


OUTCOMES = {"saved": 0, "refused": 0}


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(FIELDS), text=texts)
def test_every_intake_field_saves_and_reads_back_or_refuses_with_a_message(fuzz_db, field, text):
    service = IntakeService(fuzz_db)
    form = with_text(base_form(), field, text)
    rows_before = fuzz_db.read_connection().execute("SELECT COUNT(*) FROM parties").fetchone()[0]
    try:
        saved = service.register(form)
    except ValidationFailed as refused:
        OUTCOMES["refused"] += 1
        event("refused")
        assert refused.errors
        for error in refused.errors:
            assert error.field == error_key(field), (error.field, error.text())
            assert CJK.search(error.text()), f"not a Chinese message: {error.text()!r}"
        after = fuzz_db.read_connection().execute("SELECT COUNT(*) FROM parties").fetchone()[0]
        assert after == rows_before, "a refused form writes nothing"
        return
    OUTCOMES["saved"] += 1
    event("saved")
    loaded = service.load(saved.id)
    assert read_back(loaded, field) == read_back(saved, field)
    name = field[1] if field[0] == "case" else field[3]
    if name in FREE_TEXT:
        expected = text.replace("\r\n", "\n").replace("\r", "\n").strip()
        assert read_back(loaded, field) == expected
    else:
        assert_same_as_typed(name, text, read_back(loaded, field))
    # Read back with a plain connection too: what SQLite holds is the same text, not a look-alike.
    value = read_back(loaded, field)
    if isinstance(value, str):
        scope, *rest = field
        table, column = ("cases", rest[0]) if scope == "case" else ("parties", rest[2])
        column = {"group": "group_name"}.get(column, column)
        row_id = loaded.id if scope == "case" else loaded.parties[rest[0]].id
        conn = sqlite3.connect(fuzz_db.path)
        try:
            if column in {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}:  # village: its own table
                assert conn.execute(f'SELECT "{column}" FROM {table} WHERE id = ?', (row_id,)).fetchone()[0] == value
        finally:
            conn.close()


def assert_same_as_typed(name: str, typed: str, stored) -> None:
    """The coded fields are stored in their standard form; what that form may drop is only layout
    (blanks, separators, full-width forms, a +86 prefix, the 岁 or 族 people add), never a digit or letter."""
    plain = unicodedata.normalize("NFKC", typed)
    if not typed.strip():
        assert stored in ("", None)  # left empty: optional fields stay empty
    elif name in ("id_number", "credit_code"):
        assert stored == re.sub(r"[\s\-]", "", plain).upper()
    elif name == "phone":
        typed_digits, stored_digits = re.sub(r"\D", "", plain), re.sub(r"\D", "", stored)
        assert typed_digits in (stored_digits, "86" + stored_digits, "0086" + stored_digits), (typed, stored)
        assert re.sub(r"[\d\s()（）+\-—－]", "", plain) == "", f"a phone number with other signs saved: {typed!r}"
    elif name == "ethnicity":
        assert stored in (typed.strip(), typed.strip() + "族")
    elif name == "age":
        assert stored == int(typed.strip().removesuffix("岁"))
    elif name == "birth_date":
        assert stored is not None and str(stored.year) in plain
    else:
        raise AssertionError(f"no rule for the field {name}")


def test_fuzz_report(fuzz_db, capsys):
    """Runs after the fuzz test (same module): how many inputs, how many saved, how many refused."""
    total = OUTCOMES["saved"] + OUTCOMES["refused"]
    if total == 0:
        pytest.skip("reports on the fuzz test, which was not run in this session (-k, or another order)")
    with capsys.disabled():
        print(f"\nintake fuzz: {total} random inputs over {len(FIELDS)} fields: {OUTCOMES['saved']} saved and read "
              f"back equal, {OUTCOMES['refused']} refused with a message, 0 crashes")
    assert total >= EXAMPLES * 0.9 and OUTCOMES["saved"] > 0 and OUTCOMES["refused"] > 0
    cases = fuzz_db.read_connection().execute("SELECT COUNT(*) FROM cases").fetchone()[0]
    assert cases == OUTCOMES["saved"], "exactly the saved inputs are in the database"
    assert fuzz_db.read_connection().execute("PRAGMA integrity_check").fetchone()[0] == "ok"
