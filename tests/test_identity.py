"""Identifiers: 公民身份号码 (GB 11643), phone numbers, 统一社会信用代码, and masking (domain.md §5)."""

from __future__ import annotations

import datetime as dt

import pytest
from stdnum.cn import ric

from tests.helpers import VALID_CREDIT_CODE, make_id_number, with_check_digit
from xinye_desktop.domain.enums import Sex
from xinye_desktop.domain.identity import (
    MAX_AGE, IdentifierError, check_credit_code, check_id_number, mask_id_number, mask_phone, normalise_phone,
)

# ---------------------------------------------------------------- ID numbers

VALID_VECTORS = {
    # number: (birth date, sex) — the test vectors of domain.md §5, recomputed there.
    "11010519491231002X": (dt.date(1949, 12, 31), Sex.FEMALE),
    "34052419800101001X": (dt.date(1980, 1, 1), Sex.MALE),
    "370101190102039973": (dt.date(1901, 2, 3), Sex.MALE),
    "360426199101010071": (dt.date(1991, 1, 1), Sex.MALE),
    "120103198806018241": (dt.date(1988, 6, 1), Sex.FEMALE),
}


@pytest.mark.parametrize("number", sorted(VALID_VECTORS))
def test_published_valid_id_numbers_are_accepted_with_birth_date_and_sex(number):
    # On a day when the vector born in 1901 was still within MAX_AGE (he is 125 in 2026).
    info = check_id_number(number, today=dt.date(2020, 1, 1))
    birth, sex = VALID_VECTORS[number]
    assert info.number == number
    assert info.birth_date == birth
    assert info.sex is sex
    assert info.county_code == number[:6]


def test_lowercase_x_check_character_is_accepted_and_upper_cased():
    info = check_id_number("11010519491231002x")
    assert info.number == "11010519491231002X"


def test_spaces_and_hyphens_typed_inside_an_id_number_are_ignored():
    assert check_id_number(" 110105 19491231 002X ").number == "11010519491231002X"
    assert check_id_number("110105-19491231-002X").number == "11010519491231002X"


@pytest.mark.parametrize("number", ["360426199101010072", "230307196304054513"])
def test_wrong_check_digit_is_refused(number):
    with pytest.raises(IdentifierError, match="校验位"):
        check_id_number(number)


def test_every_single_digit_typo_in_a_valid_number_is_caught():
    number = "360426199101010071"
    for pos in range(17):
        for digit in "0123456789":
            if digit == number[pos]:
                continue
            typo = number[:pos] + digit + number[pos + 1:]
            with pytest.raises(IdentifierError):
                check_id_number(typo)


def test_birth_date_in_the_future_is_refused_even_with_a_correct_check_digit():
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    body = f"411329{tomorrow:%Y%m%d}001"
    number = body + ric.calc_check_digit(body + "0")
    with pytest.raises(IdentifierError, match="晚于今天"):
        check_id_number(number)


def test_birth_date_today_is_accepted():
    today = dt.date(2024, 6, 1)
    info = check_id_number(make_id_number(today, 2), today=today)
    assert info.birth_date == today
    assert info.sex is Sex.FEMALE


def test_the_today_argument_decides_what_is_future():
    number = make_id_number(dt.date(2020, 5, 5), 1)
    with pytest.raises(IdentifierError):
        check_id_number(number, today=dt.date(2020, 5, 4))
    assert check_id_number(number, today=dt.date(2020, 5, 5)).birth_date == dt.date(2020, 5, 5)


@pytest.mark.parametrize("date_part", ["19800230", "19810229", "19801301", "19800100", "19800431"])
def test_impossible_calendar_date_is_refused(date_part):
    number = with_check_digit(f"411329{date_part}001")
    with pytest.raises(IdentifierError, match="出生日期"):
        check_id_number(number)


def test_leap_day_of_a_leap_year_is_accepted():
    number = with_check_digit("41132919800229002")
    assert check_id_number(number).birth_date == dt.date(1980, 2, 29)


def test_birth_year_before_1890_is_refused():
    with pytest.raises(IdentifierError, match="不合理"):
        check_id_number(with_check_digit("41132918800101001"))


def test_an_id_number_giving_an_age_over_the_age_fields_limit_is_refused():
    """One rule with the 年龄 field (0 to 120): a number born 1901-02-03 gives 125 on 2026-12-06."""
    assert MAX_AGE == 120
    with pytest.raises(IdentifierError, match="年龄超过120岁") as raised:
        check_id_number("370101190102039973", today=dt.date(2026, 12, 6))
    assert str(MAX_AGE) in str(raised.value)


def test_an_id_number_giving_exactly_the_oldest_age_is_accepted():
    born = dt.date(1905, 6, 1)
    number = make_id_number(born, 11)
    assert check_id_number(number, today=dt.date(2026, 5, 31)).birth_date == born  # 120 the day before 121
    with pytest.raises(IdentifierError, match="120"):
        check_id_number(number, today=dt.date(2026, 6, 1))  # 121 on the birthday


def test_the_age_is_counted_on_the_day_given():
    """A case received when its party was 120 stays valid when it is edited a year later."""
    number = make_id_number(dt.date(1905, 6, 1), 11)
    assert check_id_number(number, today=dt.date(2027, 1, 1), on_day=dt.date(2026, 1, 1)).number == number


def test_old_15_digit_number_is_refused_with_its_own_message():
    with pytest.raises(IdentifierError, match="15位"):
        check_id_number("411329800101001")


@pytest.mark.parametrize("number", ["", "4113291980010100", "4113291980010100111", "41132919800101001XX", "12345"])
def test_wrong_length_is_refused(number):
    with pytest.raises(IdentifierError, match="18位"):
        check_id_number(number)


@pytest.mark.parametrize("number", ["41132919800101A011", "A1132919800101001X", "41132919800101001Y",
                                    "3604261991010100٧1"])
def test_letters_other_than_a_final_x_are_refused(number):
    with pytest.raises(IdentifierError):
        check_id_number(number)


def test_full_width_digits_from_a_chinese_input_method_are_accepted_as_ascii():
    assert check_id_number("１１０１０５１９４９１２３１００２Ｘ").number == "11010519491231002X"
    assert check_id_number("３６０４２６１９９１０１０１００７１").number == "360426199101010071"


def test_letters_message_names_the_problem():
    with pytest.raises(IdentifierError, match="数字和末位的X"):
        check_id_number("41132919800101A011")


def test_xinye_resident_born_before_1994_is_accepted_although_stdnum_refuses_it():
    # 新野县 has had code 411329 only since 1994; re-issued numbers of older residents carry it.
    number = make_id_number(dt.date(1980, 7, 9), 123)
    assert not ric.is_valid(number), "premise: stdnum ties the county code to the birth year"
    info = check_id_number(number)
    assert info.county_code == "411329"
    assert info.birth_date == dt.date(1980, 7, 9)
    assert info.sex is Sex.MALE


def test_unknown_province_in_the_address_code_is_refused():
    # 99 is no province.
    with pytest.raises(IdentifierError, match="行政区划"):
        check_id_number(make_id_number(dt.date(1980, 1, 1), 1, county="991329"))


@pytest.mark.parametrize("sequence, sex", [(1, Sex.MALE), (3, Sex.MALE), (999, Sex.MALE),
                                           (0, Sex.FEMALE), (2, Sex.FEMALE), (998, Sex.FEMALE)])
def test_sex_comes_from_the_parity_of_the_sequence_code(sequence, sex):
    assert check_id_number(make_id_number(dt.date(1966, 10, 1), sequence)).sex is sex


# ---------------------------------------------------------------- phones

REAL_MOBILE_PREFIXES = (
    [f"13{d}" for d in range(10)]
    + ["145", "146", "147", "148", "149"]
    + ["150", "151", "152", "153", "155", "156", "157", "158", "159"]
    + ["162", "165", "166", "167"]
    + ["170", "171", "172", "173", "175", "176", "177", "178"]
    + [f"18{d}" for d in range(10)]
    + ["190", "191", "192", "193", "195", "196", "197", "198", "199"]
)


@pytest.mark.parametrize("prefix", REAL_MOBILE_PREFIXES)
def test_every_real_mobile_prefix_is_accepted(prefix):
    number = prefix + "12345678"
    assert normalise_phone(number) == number


@pytest.mark.parametrize("raw", ["+86 138 1234 5678", "+8613812345678", "+86-138-1234-5678", "0086 13812345678",
                                 " 138 1234 5678 ", "138-1234-5678"])
def test_mobile_with_country_code_spaces_or_hyphens_is_normalised(raw):
    assert normalise_phone(raw) == "13812345678"


@pytest.mark.parametrize("raw, expected", [
    ("１３８１２３４５６７８", "13812345678"),
    ("＋８６ １３８１２３４５６７８", "13812345678"),
    ("０３７７－６６２１２３４５", "0377-66212345"),
    ("（０３７７）６６２１２３４５", "0377-66212345"),
    ("037766212345", "0377-66212345"),
    ("0377 66212345", "0377-66212345"),
    ("(0377)66212345", "0377-66212345"),
    ("0377－66212345", "0377-66212345"),
    ("010-12345678", "010-12345678"),
    ("01012345678", "010-12345678"),
    ("010 12345678", "010-12345678"),
    ("020-87654321", "020-87654321"),
    ("02087654321", "020-87654321"),
    ("0377-6621234", "0377-6621234"),
    ("0377-66212345-801", "0377-66212345-801"),
    ("010-12345678-12", "010-12345678-12"),
])
def test_phones_are_normalised_to_ascii_and_landlines_to_area_code_hyphen_number(raw, expected):
    assert normalise_phone(raw) == expected


@pytest.mark.parametrize("raw", ["12012345678", "12912345678", "11012345678", "1381234567", "138123456789",
                                 "66212345", "0377-123", "", "   ", "abcdefghijk", "138abcd5678", "1381234567٨"])
def test_invalid_phones_are_refused(raw):
    with pytest.raises(IdentifierError):
        normalise_phone(raw)


# ---------------------------------------------------------------- 统一社会信用代码

def test_valid_credit_code_from_stdnum_is_accepted():
    assert check_credit_code(VALID_CREDIT_CODE) == VALID_CREDIT_CODE


def test_credit_code_with_spaces_and_lowercase_is_normalised():
    assert check_credit_code("9 1110000 600037341l") == VALID_CREDIT_CODE


@pytest.mark.parametrize("raw", ["91110000600037341M", "A1110000600037341L", "9111000060003734", "12345", ""])
def test_invalid_credit_codes_are_refused(raw):
    with pytest.raises(IdentifierError, match="统一社会信用代码"):
        check_credit_code(raw)


# ---------------------------------------------------------------- masking

def test_id_number_mask_keeps_first_six_and_last_four():
    assert mask_id_number("11010519491231002X") == "110105********002X"
    masked = mask_id_number("411329198007091231")
    assert masked.startswith("411329") and masked.endswith("1231")
    assert "19800709" not in masked
    assert len(masked) == 18


def test_id_number_mask_of_empty_or_short_values():
    assert mask_id_number("") == ""
    assert mask_id_number(None) == ""
    assert mask_id_number("12345") == "*****"


def test_mobile_mask_hides_the_middle_four_digits():
    assert mask_phone("13812345678") == "138****5678"


def test_landline_mask_keeps_area_code_and_hides_the_local_number_middle():
    masked = mask_phone("0377-66212345")
    assert masked.startswith("0377-")
    assert masked.endswith("45")
    assert "212" not in masked
    assert len(masked) == len("0377-66212345")


def test_landline_mask_keeps_the_extension_separate():
    masked = mask_phone("0377-66212345-801")
    assert masked.startswith("0377-")
    assert masked.endswith("-801")
    assert "2123" not in masked


def test_phone_mask_of_empty_value():
    assert mask_phone("") == ""
    assert mask_phone(None) == ""
