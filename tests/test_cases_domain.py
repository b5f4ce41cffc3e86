"""受理登记 rules (domain/cases.py) and 受理审查 screening (domain/screening.py), without a database."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from tests.helpers import individual, make_id_number, organisation, valid_case_input, with_check_digit
from xinye_desktop.domain.cases import MAX_FACTS_LEN, MAX_PARTIES, CaseInput, PartyInput, check_case, check_party
from xinye_desktop.domain.enums import CaseSource, CaseStatus, DisputeType, PartyKind, PartyRole, Sex
from xinye_desktop.domain.errors import FieldError
from xinye_desktop.domain.screening import ScreeningAnswers, screen

TODAY = dt.date(2025, 6, 15)


def check(data: CaseInput):
    return check_case(data, today=TODAY)


def error_paths(data: CaseInput) -> list[str]:
    case, errors, _ = check(data)
    assert case is None or not errors
    return [e.field for e in errors]


def with_party(data: CaseInput, index: int, **changes) -> CaseInput:
    parties = list(data.parties)
    parties[index] = replace(parties[index], **changes)
    return replace(data, parties=parties)


@pytest.fixture
def good() -> CaseInput:
    return valid_case_input(received=dt.date(2025, 6, 10))


# ---------------------------------------------------------------- a complete case

def test_complete_valid_case_passes_with_derived_party_data(good):
    case, errors, screening = check(good)
    assert errors == []
    assert case is not None
    assert case.status is CaseStatus.ACCEPTED
    assert case.rejection_reason == ""
    assert not screening.blocked and screening.warnings == ()
    assert case.received_date == dt.date(2025, 6, 10)
    assert case.village == "王庄村" and case.group == "3组"
    applicant, respondent = case.parties
    assert applicant.name == "张建国"
    assert applicant.birth_date == dt.date(1970, 3, 15)
    assert applicant.age == 55  # on the received date
    assert applicant.sex is Sex.MALE
    assert applicant.name_initials == "zjg"
    assert respondent.sex is Sex.FEMALE
    assert respondent.phone == "0377-66212345"
    assert respondent.role is PartyRole.RESPONDENT


def test_sex_is_derived_from_the_id_number_when_not_chosen(good):
    case, errors, _ = check(with_party(good, 1, sex=None))
    assert errors == []
    assert case.parties[1].sex is Sex.FEMALE


def test_age_is_computed_on_the_received_date_not_today(good):
    birth = dt.date(1980, 6, 12)
    data = with_party(replace(good, received_date=dt.date(2025, 6, 11)), 0,
                      id_number=make_id_number(birth, 5))
    case, errors, _ = check(data)
    assert errors == []
    assert case.parties[0].age == 44  # birthday falls after the received date


def test_typed_age_is_used_when_there_is_no_birth_date(good):
    case, errors, _ = check(with_party(good, 0, id_number="", age_text="63岁"))
    assert errors == []
    assert case.parties[0].age == 63
    assert case.parties[0].birth_date is None


def test_text_is_trimmed_and_crlf_folded(good):
    data = replace(good, village="  王庄村 ", facts="  " + good.facts + "\r\n第二行。\r\n ")
    case, errors, _ = check(data)
    assert errors == []
    assert case.village == "王庄村"
    assert case.facts == good.facts + "\n第二行。"


def test_short_ethnicity_gets_the_zu_suffix(good):
    case, errors, _ = check(with_party(good, 0, ethnicity="回"))
    assert errors == []
    assert case.parties[0].ethnicity == "回族"


def test_organisation_party_with_valid_credit_code_passes(good):
    data = replace(good, parties=[good.parties[0], organisation()])
    case, errors, _ = check(data)
    assert errors == []
    org = case.parties[1]
    assert org.kind is PartyKind.ORGANISATION
    assert org.sex is None and org.birth_date is None and org.id_number == ""
    assert org.legal_representative == "王保国"
    assert org.credit_code == "91110000600037341L"


# ---------------------------------------------------------------- a missing required field

@pytest.mark.parametrize("change, path", [
    ({"received_date": None}, "received_date"),
    ({"source": None}, "source"),
    ({"dispute_type": None}, "dispute_type"),
    ({"village": ""}, "village"),
    ({"village": "   "}, "village"),
    ({"facts": ""}, "facts"),
    ({"facts": " \n "}, "facts"),
])
def test_missing_case_field_gives_one_error_on_that_field(good, change, path):
    assert error_paths(replace(good, **change)) == [path]


@pytest.mark.parametrize("index", [0, 1])
@pytest.mark.parametrize("change, field", [
    ({"name": ""}, "name"),
    ({"address": ""}, "address"),
    ({"sex": None, "id_number": ""}, "sex"),
    ({"ethnicity": ""}, "ethnicity"),
])
def test_missing_party_field_gives_one_error_on_that_party_field(good, index, change, field):
    assert error_paths(with_party(good, index, **change)) == [f"parties.{index}.{field}"]


def test_organisation_without_legal_representative_is_refused_on_that_field(good):
    data = replace(good, parties=[good.parties[0], organisation(legal_representative="")])
    assert error_paths(data) == ["parties.1.legal_representative"]


def test_organisation_does_not_need_sex_or_ethnicity(good):
    data = replace(good, parties=[good.parties[0], organisation(credit_code="")])
    case, errors, _ = check(data)
    assert errors == []
    assert case.parties[1].credit_code == ""


def test_organisation_with_bad_credit_code_is_refused_on_that_field(good):
    data = replace(good, parties=[good.parties[0], organisation(credit_code="91110000600037341M")])
    assert error_paths(data) == ["parties.1.credit_code"]


def test_other_source_must_have_a_note(good):
    assert error_paths(replace(good, source=CaseSource.OTHER)) == ["source_note"]
    case, errors, _ = check(replace(good, source=CaseSource.OTHER, source_note="网格员上报"))
    assert errors == [] and case.source_note == "网格员上报"


def test_other_dispute_type_must_have_a_note(good):
    assert error_paths(replace(good, dispute_type=DisputeType.OTHER)) == ["dispute_type_note"]
    case, errors, _ = check(replace(good, dispute_type=DisputeType.OTHER, dispute_type_note="红白事纠纷"))
    assert errors == [] and case.dispute_type_note == "红白事纠纷"


def test_notes_are_optional_for_other_sources_and_types(good):
    assert error_paths(replace(good, source=CaseSource.COMMITTEE_INITIATIVE, source_note="")) == []


@pytest.mark.parametrize("count", [0, 1])
def test_fewer_than_two_parties_is_refused(good, count):
    assert error_paths(replace(good, parties=good.parties[:count])) == ["parties"]


def test_more_than_the_maximum_number_of_parties_is_refused(good):
    parties = [individual(f"张{chr(0x4e00 + i)}", Sex.MALE) for i in range(MAX_PARTIES + 1)]
    _, errors, _ = check(replace(good, parties=parties))
    assert [e.field for e in errors] == ["parties"]
    assert errors[0].params == {"max": MAX_PARTIES}
    assert str(MAX_PARTIES) in errors[0].text()


def test_every_error_is_reported_at_once(good):
    data = replace(good, village="", facts="", parties=[replace(good.parties[0], name="", address="")])
    assert set(error_paths(data)) == {"village", "facts", "parties", "parties.0.name", "parties.0.address"}


# ---------------------------------------------------------------- contradictions and bad values

def test_same_id_number_for_two_parties_is_refused_on_the_second(good):
    data = with_party(good, 1, id_number=good.parties[0].id_number, sex=Sex.MALE)
    _, errors, _ = check(data)
    assert [e.field for e in errors] == ["parties.1.id_number"]
    assert errors[0].params == {"n": 1}


def test_duplicate_id_is_found_even_when_typed_differently(good):
    number = "11010519491231002X"
    parties = [individual("王秀兰", Sex.FEMALE, number),
               individual("王秀芳", Sex.FEMALE, "110105 19491231 002x", role=PartyRole.RESPONDENT),
               individual("赵德明", Sex.MALE, "", role=PartyRole.THIRD_PARTY)]
    assert error_paths(replace(good, parties=parties)) == ["parties.1.id_number"]


def test_sex_contradicting_the_id_number_is_refused(good):
    assert error_paths(with_party(good, 0, sex=Sex.FEMALE)) == ["parties.0.sex"]


def test_birth_date_contradicting_the_id_number_is_refused(good):
    assert error_paths(with_party(good, 0, birth_date_text="1970-03-16")) == ["parties.0.birth_date"]


def test_birth_date_agreeing_with_the_id_number_in_any_typed_format_is_accepted(good):
    for typed in ("1970-03-15", "1970/3/15", "1970.3.15", "19700315", "1970年3月15日"):
        case, errors, _ = check(with_party(good, 0, birth_date_text=typed))
        assert errors == [], typed
        assert case.parties[0].birth_date == dt.date(1970, 3, 15)


@pytest.mark.parametrize("typed", ["1970-13-01", "1970-02-30", "三月", "70-3-15"])
def test_unreadable_birth_date_is_refused(good, typed):
    assert error_paths(with_party(good, 0, id_number="", birth_date_text=typed)) == ["parties.0.birth_date"]


def test_birth_date_in_the_future_is_refused(good):
    future = (TODAY + dt.timedelta(days=1)).isoformat()
    assert error_paths(with_party(good, 0, id_number="", birth_date_text=future)) == ["parties.0.birth_date"]


def test_invalid_id_number_is_refused_on_that_field(good):
    assert error_paths(with_party(good, 1, id_number="360426199101010072")) == ["parties.1.id_number"]


def test_id_number_born_after_the_checking_day_is_refused(good):
    number = make_id_number(TODAY + dt.timedelta(days=1), 1)
    assert error_paths(with_party(good, 0, id_number=number)) == ["parties.0.id_number"]


def test_id_number_with_an_impossible_date_is_refused(good):
    number = with_check_digit("41132919800230001")
    assert error_paths(with_party(good, 0, id_number=number)) == ["parties.0.id_number"]


@pytest.mark.parametrize("age", ["121", "-1", "abc", "3.5", "200岁"])
def test_age_out_of_range_or_not_a_whole_number_is_refused(good, age):
    assert error_paths(with_party(good, 0, id_number="", age_text=age)) == ["parties.0.age"]


@pytest.mark.parametrize("age", ["0", "120", "45岁"])
def test_age_at_the_limits_is_accepted(good, age):
    assert error_paths(with_party(good, 0, id_number="", age_text=age)) == []


def messages(data: CaseInput) -> dict[str, str]:
    _, errors, _ = check(data)
    return {e.field: e.text() for e in errors}


def test_an_id_number_giving_an_age_over_120_is_refused_like_a_typed_age(good):
    """One age rule: the 年龄 field refuses 121, so an ID number that gives 125 is refused too, with the
    reason beside the ID number field."""
    sequence = 11 if good.parties[0].sex is Sex.MALE else 12
    number = make_id_number(dt.date(1900, 3, 1), sequence)  # 125 on the received date, 2025-06-10
    errors = messages(with_party(good, 0, id_number=number, birth_date_text=""))
    assert list(errors) == ["parties.0.id_number"]
    assert "年龄超过120岁" in errors["parties.0.id_number"]


def test_a_typed_birth_date_giving_an_age_over_120_is_refused(good):
    errors = messages(with_party(good, 0, id_number="", birth_date_text="1900-03-01"))
    assert list(errors) == ["parties.0.birth_date"] and "年龄超过120岁" in errors["parties.0.birth_date"]


def test_an_id_number_giving_120_on_the_received_date_is_accepted(good):
    """The age is counted on the received date (2025-06-10), as the printed age is: 120 that day, 121 on
    TODAY (2025-06-15), accepted."""
    number = make_id_number(dt.date(1904, 6, 12), 11)
    case, errors, _ = check(with_party(good, 0, id_number=number, sex=None))
    assert errors == [] and case.parties[0].age == 120


def test_invalid_phone_is_refused_on_that_field(good):
    assert error_paths(with_party(good, 0, phone="12012345678")) == ["parties.0.phone"]


def test_ethnicity_not_in_the_list_is_refused(good):
    assert error_paths(with_party(good, 0, ethnicity="火星族")) == ["parties.0.ethnicity"]


@pytest.mark.parametrize("name", ["张3", "张_三", "张@三", "1"])
def test_person_name_with_digits_or_symbols_is_refused(good, name):
    assert error_paths(with_party(good, 0, name=name)) == ["parties.0.name"]


@pytest.mark.parametrize("name", ["买买提·艾力", "欧阳娜娜", "John Smith"])
def test_names_with_the_middle_dot_or_latin_letters_are_accepted(good, name):
    assert error_paths(with_party(good, 0, name=name)) == []


@pytest.mark.parametrize("path, change", [
    ("facts", {"facts": "双方因宅基地\x00界线发生争执，多次协商未果。"}),
    ("facts", {"facts": "双方因宅基地\x1b界线发生争执，多次协商未果。"}),
    ("village", {"village": "王庄\x07村"}),
    ("village", {"village": "王庄\n村"}),  # single-line field: no line breaks
    ("group", {"group": "3\t组"}),
    ("facts", {"facts": "双方因宅基地\ufffe界线发生争执，多次协商未果。"}),  # Unicode non-character
    ("facts", {"facts": "双方因宅基地\ud800界线发生争执，多次协商未果。"}),  # unpaired surrogate
])
def test_control_characters_are_refused(good, path, change):
    _, errors, _ = check(replace(good, **change))
    assert [e.field for e in errors] == [path]
    assert "控制字符" in errors[0].text()


def test_control_character_in_a_party_field_is_refused(good):
    assert error_paths(with_party(good, 1, address="新野县\x00王庄村")) == ["parties.1.address"]
    assert error_paths(with_party(good, 1, claims="要求\x08赔偿")) == ["parties.1.claims"]


def test_line_breaks_and_tabs_are_allowed_in_multi_line_fields(good):
    case, errors, _ = check(replace(good, facts=good.facts + "\n\t第二段。"))
    assert errors == []
    assert "\n\t第二段" in case.facts


@pytest.mark.parametrize("path, value, limit", [
    ("facts", "争" * 8001, 8000),
    ("village", "村" * 31, 30),
    ("group", "组" * 21, 20),
])
def test_too_long_case_text_is_refused_with_the_limit(good, path, value, limit):
    _, errors, _ = check(replace(good, **{path: value}))
    assert [e.field for e in errors] == [path]
    assert errors[0].params == {"max": limit, "n": len(value)}
    assert str(limit) in errors[0].text()


def test_text_exactly_at_the_limit_is_accepted(good):
    assert MAX_FACTS_LEN == 8000  # the agreement's limit too (test_agreement_domain)
    assert error_paths(replace(good, facts="争" * 8000, village="村" * 30)) == []


@pytest.mark.parametrize("field, length", [("name", 31), ("address", 101), ("occupation", 31), ("claims", 2001)])
def test_too_long_party_text_is_refused(good, field, length):
    assert error_paths(with_party(good, 0, **{field: "张" * length})) == [f"parties.0.{field}"]


def test_too_short_facts_are_refused(good):
    assert error_paths(replace(good, facts="吵架了")) == ["facts"]


def test_received_date_in_the_future_is_refused(good):
    assert error_paths(replace(good, received_date=TODAY + dt.timedelta(days=1))) == ["received_date"]


def test_received_date_today_is_accepted(good):
    assert error_paths(replace(good, received_date=TODAY)) == []


def test_received_date_before_2000_is_refused(good):
    assert error_paths(replace(good, received_date=dt.date(1999, 12, 31))) == ["received_date"]


def test_field_error_text_fills_its_parameters():
    err = FieldError("facts", "最多{max}个字，现在{n}个字", {"max": 10, "n": 12})
    assert err.text() == "最多10个字，现在12个字"
    assert FieldError("village", "此项必须填写").text() == "此项必须填写"


def test_check_party_returns_a_party_or_errors_never_both():
    ok, errors = check_party(individual(), 4, TODAY, TODAY)
    assert ok is not None and errors == []
    bad, errors = check_party(PartyInput(), 4, TODAY, TODAY)
    assert bad is None
    assert {e.field for e in errors} == {"parties.4.name", "parties.4.sex", "parties.4.address"}


# ---------------------------------------------------------------- 受理审查

BLOCKING = ["in_arbitration", "criminal", "party_refuses"]


@pytest.mark.parametrize("answer", BLOCKING)
@pytest.mark.parametrize("source", list(CaseSource))
def test_arbitration_crime_and_refusal_block_whatever_the_source(answer, source):
    result = screen(ScreeningAnswers(**{answer: True}), source)
    assert result.blocked
    assert len(result.blocks) == 1 and result.warnings == ()


@pytest.mark.parametrize("source", [s for s in CaseSource if s is not CaseSource.COURT_ENTRUSTED])
def test_case_already_in_court_is_blocked_unless_the_court_entrusted_it(source):
    result = screen(ScreeningAnswers(in_court=True), source)
    assert result.blocked and len(result.blocks) == 1
    assert "法院" in result.blocks[0]
    assert result.warnings == ()


def test_court_entrusted_case_already_in_court_only_warns():
    result = screen(ScreeningAnswers(in_court=True), CaseSource.COURT_ENTRUSTED)
    assert not result.blocked
    assert len(result.warnings) == 1 and "法院委托" in result.warnings[0]


@pytest.mark.parametrize("source", [s for s in CaseSource if s is not CaseSource.POLICE_REFERRAL])
def test_case_already_with_police_is_blocked_unless_police_referred_it(source):
    result = screen(ScreeningAnswers(in_police=True), source)
    assert result.blocked and len(result.blocks) == 1
    assert "公安机关" in result.blocks[0]
    assert result.warnings == ()


def test_police_referred_case_already_with_police_only_warns():
    result = screen(ScreeningAnswers(in_police=True), CaseSource.POLICE_REFERRAL)
    assert not result.blocked
    assert len(result.warnings) == 1 and "公安机关移交" in result.warnings[0]


def test_court_entrustment_does_not_excuse_a_police_case_nor_the_reverse():
    assert screen(ScreeningAnswers(in_police=True), CaseSource.COURT_ENTRUSTED).blocked
    assert screen(ScreeningAnswers(in_court=True), CaseSource.POLICE_REFERRAL).blocked


@pytest.mark.parametrize("source", list(CaseSource) + [None])
def test_public_security_matter_only_warns(source):
    result = screen(ScreeningAnswers(public_security=True), source)
    assert not result.blocked
    assert len(result.warnings) == 1 and "治安" in result.warnings[0]


def test_no_answers_no_blocks_no_warnings():
    result = screen(ScreeningAnswers(), CaseSource.PARTY_APPLICATION)
    assert result.blocks == () and result.warnings == () and not result.blocked


def test_missing_source_does_not_excuse_a_court_or_police_case():
    assert len(screen(ScreeningAnswers(in_court=True, in_police=True), None).blocks) == 2


def test_all_answers_give_every_block_and_warning():
    everything = ScreeningAnswers(True, True, True, True, True, True)
    result = screen(everything, CaseSource.PARTY_APPLICATION)
    assert len(result.blocks) == 5 and len(result.warnings) == 1
    result = screen(everything, CaseSource.COURT_ENTRUSTED)
    assert len(result.blocks) == 4 and len(result.warnings) == 2


def test_blocked_case_is_rejected_with_every_reason(good):
    data = replace(good, screening=ScreeningAnswers(criminal=True, party_refuses=True))
    case, errors, screening = check(data)
    assert errors == []
    assert screening.blocked
    assert case.status is CaseStatus.REJECTED
    assert case.rejection_reason == "\n".join(screening.blocks)
    assert "刑事" in case.rejection_reason and "拒绝调解" in case.rejection_reason
    assert case.screening == data.screening


def test_warning_only_case_stays_accepted(good):
    data = replace(good, source=CaseSource.POLICE_REFERRAL,
                   screening=ScreeningAnswers(in_police=True, public_security=True))
    case, errors, screening = check(data)
    assert errors == []
    assert case.status is CaseStatus.ACCEPTED and case.rejection_reason == ""
    assert len(screening.warnings) == 2


def test_screening_is_reported_even_when_the_form_has_errors(good):
    case, errors, screening = check(replace(good, village="", screening=ScreeningAnswers(in_arbitration=True)))
    assert case is None and errors
    assert screening.blocked


def test_the_file_number_writes_the_sequence_as_the_case_number_does():
    from xinye_desktop.domain.case_number import format_case_number, format_file_number

    assert format_case_number(2026, "新", 76) == "（2026）新调字第076号"
    assert format_file_number(2026, 76) == "（2026）人调字第076号"
    assert format_file_number(2026, 5) == "（2026）人调字第005号"
    assert format_file_number(2026, 1024) == "（2026）人调字第1024号"  # never cut short
    for sequence in (1, 76, 999, 1000):
        case, file = format_case_number(2027, "新王", sequence), format_file_number(2027, sequence)
        assert case.split("第")[1] == file.split("第")[1] and case[:6] == file[:6]
