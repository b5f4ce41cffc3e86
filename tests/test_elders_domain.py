"""明白人 rules without a database or Qt: pool entries, conflicts (回避), the parties' consent, readiness,
and the 主持人/见证人/记录人 lists (domain.md §1 Arts. 17, 19–20, 23; §4)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import elder_input, person_input
from xinye_desktop.domain.elders import (
    MAX_AGE, MIN_AGE, Elder, ElderInput, check_elder, default_term_end, duplicate_key, surname_of,
)
from xinye_desktop.domain.enums import DisputeType, ElderIdentity, ElderSelection, Sex
from xinye_desktop.domain.roles import HostKind, PersonInput, Role, check_person, roster_twins
from xinye_desktop.domain.selection import (
    ChoiceEnd, ChoiceRefused, ChoiceState, Conflict, ConflictKind, Consent, ElderChoice, PartyConsent, PartyRef,
    RoleCounts, check_decision, check_end, check_proposal, consents_for, find_conflicts, readiness,
)

TODAY = dt.date(2026, 6, 1)
REQUIRED = "此项必须填写"


def make_elder(name: str = "王明理", village: str = "王庄村", *, id: int = 1, **kw) -> Elder:
    elder, errors = check_elder(elder_input(name, village, **kw), TODAY)
    assert errors == []
    return replace(elder, id=id)


def errors_of(data: ElderInput) -> dict[str, str]:
    elder, errors = check_elder(data, TODAY)
    assert elder is None
    assert len({e.field for e in errors}) == len(errors), "one message per field"
    return {e.field: e.text() for e in errors}


ZHANG = PartyRef(1, "张建国", phone="13812345678", birth_year=1970, lives_in="王庄村")
LI = PartyRef(2, "李秀英", phone="0377-66212345", birth_year=1975, lives_in="王庄村")
PARTIES = [ZHANG, LI]


def choice(*decisions: Consent, id: int = 10, elder: Elder | None = None, parties=PARTIES, **kw) -> ElderChoice:
    consents = tuple(PartyConsent(p.id, d, reason="不信任" if d is Consent.REFUSED else "")
                     for p, d in zip(parties, decisions))
    if kw.pop("conflicts_confirmed", False):  # the mediator confirmed every conflict shown
        kw["confirmed"] = frozenset(c.key for c in kw.get("conflicts", ()))
    return ElderChoice(id=id, elder=elder or make_elder(), proposed_by=None, consents=consents, **kw)


# ================================================================ check_elder

def test_a_complete_entry_is_accepted_with_normalised_fields():
    elder, errors = check_elder(elder_input(
        "  张建国 ", " 王庄村 ", group="3组", phone="１３８ １２３４ ５６７８", birth_year_text="1956年",
        identity=ElderIdentity.VETERAN_TEACHER, selection=ElderSelection.COMMITTEE_APPOINTED,
        selected_on_text="2023年3月1日", term_end_text="2026/2/28",
        specialties=(DisputeType.NEIGHBOUR, DisputeType.HOUSING_HOMESTEAD, DisputeType.NEIGHBOUR),
        notes="曾任村支书\r\n熟悉宅基地政策"), TODAY)
    assert errors == []
    assert elder.name == "张建国" and elder.village == "王庄村" and elder.group == "3组"
    assert elder.phone == "13812345678"  # full-width digits and spaces folded
    assert elder.birth_year == 1956
    assert elder.sex is Sex.MALE
    assert elder.identity is ElderIdentity.VETERAN_TEACHER and elder.identity_text == "老教师"
    assert elder.selection is ElderSelection.COMMITTEE_APPOINTED
    assert elder.selected_on == dt.date(2023, 3, 1) and elder.term_end == dt.date(2026, 2, 28)
    assert elder.specialties == (DisputeType.NEIGHBOUR, DisputeType.HOUSING_HOMESTEAD)  # repeats dropped, order kept
    assert elder.notes == "曾任村支书\n熟悉宅基地政策"
    assert elder.name_initials == "zjg"
    assert elder.surname == "张"
    assert not elder.ad_hoc and not elder.retired and elder.id is None


def test_an_empty_form_gets_one_message_for_each_required_field():
    errors = errors_of(ElderInput())
    assert errors == {
        "name": REQUIRED,
        "sex": "请选择性别",
        "village": REQUIRED,
        "identity": "请选择身份",
        "selection": "请选择产生方式",
    }


@pytest.mark.parametrize("name, message", [
    ("", REQUIRED),
    ("   ", REQUIRED),
    ("张3", "姓名只能由汉字、字母和间隔号“·”组成"),
    ("张_三", "姓名只能由汉字、字母和间隔号“·”组成"),
    ("张" * 31, "内容太长：最多30个字，现在31个字"),
    ("张\x07三", "含有无法保存的控制字符，请删除后重新输入"),
])
def test_bad_name_is_refused(name, message):
    assert errors_of(elder_input(name)) == {"name": message}


def test_minority_name_with_separator_is_accepted():
    assert make_elder("买买提·吐尔逊").name == "买买提·吐尔逊"


@pytest.mark.parametrize("text", ["56", "195", "19560", "1956.0", "一九五六", "abcd", "-956"])
def test_birth_year_must_be_four_digits(text):
    assert errors_of(elder_input(birth_year_text=text)) == {"birth_year": "出生年份请填四位数字，如1956"}


@pytest.mark.parametrize("text, year", [("", None), ("1956", 1956), (" 1956年 ", 1956), ("１９５６", 1956)])
def test_birth_year_is_optional_and_may_end_with_nian(text, year):
    assert make_elder(birth_year_text=text).birth_year == year


def test_birth_year_must_make_an_adult():
    adult = TODAY.year - MIN_AGE
    assert make_elder(birth_year_text=str(adult)).age_in(TODAY.year) == 18
    assert errors_of(elder_input(birth_year_text=str(adult + 1))) == {"birth_year": "明白人须是成年人（18岁以上）"}
    assert errors_of(elder_input(birth_year_text=str(TODAY.year))) == {"birth_year": "明白人须是成年人（18岁以上）"}


def test_birth_year_of_someone_over_110_is_refused():
    oldest = TODAY.year - MAX_AGE
    assert make_elder(birth_year_text=str(oldest)).birth_year == oldest
    assert errors_of(elder_input(birth_year_text=str(oldest - 1))) == {"birth_year": "出生年份不合理"}


@pytest.mark.parametrize("village, message", [
    ("", REQUIRED),
    ("  ", REQUIRED),
    ("王" * 31, "内容太长：最多30个字，现在31个字"),
])
def test_village_is_required(village, message):
    assert errors_of(elder_input(village=village)) == {"village": message}


def test_group_is_optional_but_limited():
    assert make_elder(group="").group == ""
    assert errors_of(elder_input(group="组" * 21)) == {"group": "内容太长：最多20个字，现在21个字"}


@pytest.mark.parametrize("typed, stored", [
    ("", ""),
    ("13812345678", "13812345678"),
    ("１３８１２３４５６７８", "13812345678"),
    ("+86 138-1234-5678", "13812345678"),
    ("0377 66212345", "0377-66212345"),
    ("（０３７７）６６２１２３４５", "0377-66212345"),
])
def test_phone_is_normalised(typed, stored):
    assert make_elder(phone=typed).phone == stored


@pytest.mark.parametrize("typed", ["12345", "2381234567", "138123456789", "电话"])
def test_bad_phone_is_refused(typed):
    errors = errors_of(elder_input(phone=typed))
    assert list(errors) == ["phone"]
    assert errors["phone"].startswith("电话号码格式不对")


def test_identity_other_needs_a_note_and_shows_it():
    assert errors_of(elder_input(identity=ElderIdentity.OTHER)) == {
        "identity_note": "身份为“其他”时请注明，如村医、致富带头人"}
    assert errors_of(elder_input(identity=ElderIdentity.OTHER, identity_note="   ")) == {
        "identity_note": "身份为“其他”时请注明，如村医、致富带头人"}
    elder = make_elder(identity=ElderIdentity.OTHER, identity_note=" 村医 ")
    assert elder.identity_note == "村医" and elder.identity_text == "村医"


def test_identity_note_too_long_gets_only_the_length_message():
    assert errors_of(elder_input(identity=ElderIdentity.OTHER, identity_note="医" * 51)) == {
        "identity_note": "内容太长：最多50个字，现在51个字"}


def test_identity_note_is_dropped_unless_identity_is_other():
    elder = make_elder(identity=ElderIdentity.VETERAN_SOLDIER, identity_note="村医")
    assert elder.identity_note == "" and elder.identity_text == "老军人"


def test_selection_is_required_for_the_pool_but_not_for_an_ad_hoc_elder():
    assert errors_of(elder_input(selection=None)) == {"selection": "请选择产生方式"}
    ad_hoc = make_elder(ad_hoc=True)
    assert ad_hoc.ad_hoc and ad_hoc.selection is None and ad_hoc.selected_on is None
    # An ad-hoc elder still passes the same checks on every other field.
    assert errors_of(elder_input("", ad_hoc=True, sex=None)) == {"name": REQUIRED, "sex": "请选择性别"}


def test_selected_on_may_not_be_in_the_future():
    assert make_elder(selected_on_text=TODAY.isoformat()).selected_on == TODAY
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    assert errors_of(elder_input(selected_on_text=tomorrow)) == {"selected_on": "推选（聘任）日期不能晚于今天"}


def test_term_end_must_be_after_selected_on():
    assert errors_of(elder_input(selected_on_text="2023-03-01", term_end_text="2023-03-01")) == {
        "term_end": "任期截止日期应晚于推选（聘任）日期"}
    assert errors_of(elder_input(selected_on_text="2023-03-01", term_end_text="2022-12-31")) == {
        "term_end": "任期截止日期应晚于推选（聘任）日期"}
    assert make_elder(selected_on_text="2023-03-01", term_end_text="2023-03-02").term_end == dt.date(2023, 3, 2)
    # Without a start date the end date alone is accepted, even in the future.
    assert make_elder(selected_on_text="", term_end_text="2030-01-01").term_end == dt.date(2030, 1, 1)


@pytest.mark.parametrize("field_name", ["selected_on", "term_end"])
@pytest.mark.parametrize("text", ["2023-02-30", "明年", "2023-13-01"])
def test_bad_dates_are_refused(field_name, text):
    assert errors_of(elder_input(**{field_name + "_text": text})) == {
        field_name: "日期不对，请按 1980-01-31 的格式填写"}


def test_notes_are_limited_to_500_characters():
    assert errors_of(elder_input(notes="备" * 501)) == {"notes": "内容太长：最多500个字，现在501个字"}


def test_every_bad_field_is_reported_at_once():
    errors = errors_of(ElderInput(name="张3", birth_year_text="56", village="", phone="123",
                                  identity=ElderIdentity.OTHER, selected_on_text="2099-01-01",
                                  term_end_text="2098-01-01"))
    assert set(errors) == {"name", "sex", "birth_year", "village", "phone", "identity_note", "selection",
                           "selected_on", "term_end"}


@pytest.mark.parametrize("name, initials", [("张建国", "zjg"), ("单雄信", "sxx"), ("欧阳修", "oyx"), ("曾国藩", "zgf")])
def test_initials_are_stored_for_search(name, initials):
    assert make_elder(name).name_initials == initials


def test_form_round_trip_gives_back_the_same_elder():
    elder = make_elder("欧阳华", group="5组", phone="0377-66212345", identity=ElderIdentity.OTHER,
                       identity_note="村医", selected_on_text="2023-03-01", term_end_text="2026-03-01",
                       specialties=(DisputeType.MARRIAGE_FAMILY,), notes="多年调解经验", id=None)
    again, errors = check_elder(ElderInput.from_elder(elder), TODAY)
    assert errors == [] and again == elder
    ad_hoc = make_elder(ad_hoc=True, id=None)
    assert check_elder(ElderInput.from_elder(ad_hoc), TODAY) == (ad_hoc, [])


@settings(max_examples=60, deadline=None)
@given(year=st.integers(1900, 2030), other=st.booleans(), note=st.sampled_from(["", "村医"]),
       ad_hoc=st.booleans(), selection=st.sampled_from([None, *ElderSelection]))
def test_check_elder_returns_an_elder_exactly_when_there_are_no_errors(year, other, note, ad_hoc, selection):
    data = elder_input(birth_year_text=str(year), identity=ElderIdentity.OTHER if other else ElderIdentity.VETERAN_MODEL,
                       identity_note=note, ad_hoc=ad_hoc, selection=selection)
    elder, errors = check_elder(data, TODAY)
    assert (elder is None) == bool(errors)
    expected = set()
    if year > TODAY.year - MIN_AGE or year < TODAY.year - MAX_AGE:
        expected.add("birth_year")
    if other and not note:
        expected.add("identity_note")
    if selection is None and not ad_hoc:
        expected.add("selection")
    assert {e.field for e in errors} == expected


# ================================================================ small helpers of the pool

@pytest.mark.parametrize("name, surname", [
    ("张建国", "张"), ("欧阳修", "欧阳"), ("司马光", "司马"), ("诸葛亮", "诸葛"), ("上官婉儿", "上官"),
    ("欧阳", "欧"),  # two characters: 欧 is the surname, 阳 the given name
    ("欧明", "欧"), (" 诸葛亮 ", "诸葛"), ("王", "王"), ("", ""),
])
def test_surname_of(name, surname):
    assert surname_of(name) == surname


@pytest.mark.parametrize("start, end", [
    (dt.date(2023, 3, 1), dt.date(2026, 3, 1)),
    (dt.date(2024, 2, 29), dt.date(2027, 2, 28)),  # no 29 February in 2027
    (dt.date(2025, 2, 28), dt.date(2028, 2, 28)),
    (dt.date(2023, 12, 31), dt.date(2026, 12, 31)),
])
def test_default_term_end_is_three_years_on(start, end):
    assert default_term_end(start) == end


def test_elder_helpers():
    elder = make_elder(birth_year_text="1950", term_end_text="2026-05-31",
                       specialties=(DisputeType.NEIGHBOUR,), phone="13900000001")
    assert elder.age_in(2026) == 76
    assert make_elder(birth_year_text="").age_in(2026) is None
    assert elder.knows(DisputeType.NEIGHBOUR) and not elder.knows(DisputeType.CONTRACT) and not elder.knows(None)
    assert elder.term_over(dt.date(2026, 6, 1)) and not elder.term_over(dt.date(2026, 5, 31))
    assert not make_elder(term_end_text="").term_over(TODAY)
    assert elder.duplicate_key() == ("王明理", "王庄村", "13900000001")
    assert duplicate_key(" 王明理 ", "王庄村 ", " 13900000001") == elder.duplicate_key()


# ================================================================ conflicts (回避)

def test_no_conflict_for_an_unrelated_elder():
    assert find_conflicts(make_elder("赵德明"), PARTIES) == []


@pytest.mark.parametrize("kw, party", [
    ({"phone": "13812345678"}, replace(ZHANG, lives_in="李湾村", birth_year=None)),
    ({"birth_year_text": "1970"}, replace(ZHANG, lives_in="李湾村", phone="")),
    ({}, ZHANG),  # same name, and the party lives in the elder's village
])
def test_elder_with_a_partys_name_and_one_matching_detail_may_be_the_party(kw, party):
    elder = make_elder("张建国", **kw)
    assert find_conflicts(elder, [party, LI]) == [Conflict(ConflictKind.IS_PARTY, 1, "张建国")]


def test_a_namesake_elsewhere_with_other_details_is_no_conflict():
    elder = make_elder("张建国", "李湾村", phone="13900000001", birth_year_text="1950")
    assert find_conflicts(elder, PARTIES) == []
    # Empty phones and unknown birth years never match each other.
    blank = make_elder("张建国", "李湾村", birth_year_text="")
    assert find_conflicts(blank, [replace(ZHANG, phone="", birth_year=None)]) == []


def test_same_surname_and_village_is_flagged_once_per_party():
    elder = make_elder("张德厚")
    zhang_san = PartyRef(3, "张三", lives_in="王庄村")
    assert find_conflicts(elder, [ZHANG, LI, zhang_san]) == [
        Conflict(ConflictKind.SAME_SURNAME_VILLAGE, 1, "张建国"),
        Conflict(ConflictKind.SAME_SURNAME_VILLAGE, 3, "张三"),
    ]
    # The party who may be the elder is not flagged a second time as a namesake.
    assert [c.kind for c in find_conflicts(make_elder("张建国"), [ZHANG])] == [ConflictKind.IS_PARTY]


def test_same_surname_in_another_village_is_no_conflict():
    assert find_conflicts(make_elder("张德厚", "李湾村"), PARTIES) == []


def test_compound_surnames_are_compared_whole():
    ouyang = PartyRef(5, "欧阳明", lives_in="王庄村")
    ou = PartyRef(6, "欧明", lives_in="王庄村")
    assert find_conflicts(make_elder("欧阳华"), [ouyang, ou]) == [
        Conflict(ConflictKind.SAME_SURNAME_VILLAGE, 5, "欧阳明")]


def test_organisations_are_never_a_person_or_a_namesake():
    co_op = PartyRef(7, "张建国", is_person=False, phone="13812345678", birth_year=1970, lives_in="王庄村")
    assert find_conflicts(make_elder("张建国", phone="13812345678", birth_year_text="1970"), [co_op]) == []
    assert find_conflicts(make_elder("张德厚"), [replace(co_op, name="张庄农机合作社")]) == []
    # A relation declared with an organisation still counts.
    assert find_conflicts(make_elder("张德厚"), [co_op], {7: "有经济往来"}) == [
        Conflict(ConflictKind.DECLARED_RELATION, 7, "张建国", "有经济往来")]


def test_party_whose_address_is_in_another_village_is_compared_with_that_village():
    elsewhere = replace(ZHANG, lives_in="新野县沙堰镇李湾村5组")
    assert find_conflicts(make_elder("张德厚", "李湾村"), [elsewhere]) == [
        Conflict(ConflictKind.SAME_SURNAME_VILLAGE, 1, "张建国")]
    assert find_conflicts(make_elder("张德厚", "王庄村"), [elsewhere]) == []
    assert find_conflicts(make_elder("张德厚"), [replace(ZHANG, lives_in="")]) == []


def test_a_village_whose_name_ends_another_villages_name_is_not_the_same_village():
    lives_in_east = replace(ZHANG, lives_in="新野县王庄镇东王庄村5组")
    assert find_conflicts(make_elder("张德厚", "东王庄村"), [lives_in_east]) == [
        Conflict(ConflictKind.SAME_SURNAME_VILLAGE, 1, "张建国")]
    assert find_conflicts(make_elder("张德厚", "王庄村"), [lives_in_east]) == []


def test_declared_relations_are_added_to_other_conflicts():
    elder = make_elder("张德厚")
    found = find_conflicts(elder, PARTIES, {1: " 同族亲戚 ", 2: "邻居", 99: "姻亲"})
    assert found == [
        Conflict(ConflictKind.SAME_SURNAME_VILLAGE, 1, "张建国"),
        Conflict(ConflictKind.DECLARED_RELATION, 1, "张建国", "同族亲戚"),
        Conflict(ConflictKind.DECLARED_RELATION, 2, "李秀英", "邻居"),
    ]
    assert find_conflicts(elder, PARTIES, {2: "   "}) == found[:1]  # a blank relation is none


def test_conflict_text_names_the_party_and_the_relation():
    assert Conflict(ConflictKind.SAME_SURNAME_VILLAGE, 1, "张建国").text() == "张建国：与明白人同姓同村"
    assert Conflict(ConflictKind.DECLARED_RELATION, 2, "李秀英", "邻居").text() == "李秀英：与明白人有申报的关系（邻居）"
    assert Conflict(ConflictKind.IS_PARTY, 1, "张建国").text(lambda s: "<" + s + ">") == "张建国：<可能就是明白人本人>"


# ================================================================ a choice and its state

A, R, P = Consent.AGREED, Consent.REFUSED, Consent.PENDING
CONFLICT = (Conflict(ConflictKind.SAME_SURNAME_VILLAGE, 1, "张建国"),)


@pytest.mark.parametrize("consents, kw, state", [
    ((P, P), {}, ChoiceState.PROPOSED),
    ((A, P), {}, ChoiceState.PROPOSED),
    ((A, A), {}, ChoiceState.CHOSEN),
    ((A, R), {}, ChoiceState.REFUSED),
    ((R, P), {}, ChoiceState.REFUSED),
    ((R, R), {}, ChoiceState.REFUSED),
    ((A, A), {"conflicts": CONFLICT}, ChoiceState.PROPOSED),
    ((A, A), {"conflicts": CONFLICT, "conflicts_confirmed": True}, ChoiceState.CHOSEN),
    ((A, P), {"conflicts": CONFLICT, "conflicts_confirmed": True}, ChoiceState.PROPOSED),
    ((A, R), {"conflicts": CONFLICT, "conflicts_confirmed": True}, ChoiceState.REFUSED),
    ((A, A), {"conflicts_confirmed": True}, ChoiceState.CHOSEN),
    ((A, A), {"ended": ChoiceEnd.RECUSED}, ChoiceState.RECUSED),
    ((A, R), {"ended": ChoiceEnd.RECUSED}, ChoiceState.RECUSED),
    ((P, P), {"ended": ChoiceEnd.WITHDRAWN}, ChoiceState.WITHDRAWN),
    ((A, A), {"ended": ChoiceEnd.WITHDRAWN}, ChoiceState.WITHDRAWN),
    ((), {}, ChoiceState.PROPOSED),  # nobody has answered: never chosen
])
def test_state_of_a_choice(consents, kw, state):
    made = choice(*consents, **kw)
    assert made.state is state
    assert made.active == (state in (ChoiceState.PROPOSED, ChoiceState.CHOSEN))


@settings(max_examples=300, deadline=None)
@given(decisions=st.lists(st.sampled_from(list(Consent)), min_size=1, max_size=5),
       has_conflict=st.booleans(), confirmed=st.booleans(), ended=st.sampled_from([None, *ChoiceEnd]))
def test_chosen_exactly_when_everyone_agreed_conflicts_are_cleared_and_not_ended(
        decisions, has_conflict, confirmed, ended):
    parties = [PartyRef(i + 1, f"当事人{'甲乙丙丁戊'[i]}") for i in range(len(decisions))]
    made = choice(*decisions, parties=parties, conflicts=CONFLICT if has_conflict else (),
                  conflicts_confirmed=confirmed, ended=ended)
    everyone_agreed = all(d is Consent.AGREED for d in decisions)
    assert (made.state is ChoiceState.CHOSEN) == (
        everyone_agreed and (confirmed or not has_conflict) and ended is None)
    assert (made.state is ChoiceState.REFUSED) == (ended is None and Consent.REFUSED in decisions)
    assert made.needs_conflict_confirmation == (has_conflict and not confirmed)
    assert made.pending_parties == [p.id for p, d in zip(parties, decisions) if d is Consent.PENDING]
    if ended is not None:
        assert made.state.value == ended.value and not made.active


def test_consent_of_a_party_and_pending_parties():
    made = choice(A, P)
    assert made.consent_of(1).decision is Consent.AGREED
    assert made.consent_of(2) == PartyConsent(2)
    assert made.consent_of(99) == PartyConsent(99, Consent.PENDING)
    assert made.pending_parties == [2]
    refused = choice(R, A)
    assert refused.consent_of(1).reason == "不信任"


def test_consents_follow_the_current_parties_and_a_party_added_later_is_pending():
    stored = {2: PartyConsent(2, A), 1: PartyConsent(1, A), 77: PartyConsent(77, R, "已撤出的当事人")}
    zhao = PartyRef(3, "赵德明")
    answers = consents_for([ZHANG, LI, zhao], stored)
    assert [c.party_id for c in answers] == [1, 2, 3]
    assert [c.decision for c in answers] == [A, A, P]
    # A refusal by someone who is no longer a party does not count.
    made = ElderChoice(1, make_elder(), None, answers)
    assert made.state is ChoiceState.PROPOSED and made.pending_parties == [3]
    assert consents_for([], stored) == ()


# ================================================================ refusals of the rules

def refused_text(call, *args) -> str:
    with pytest.raises(ChoiceRefused) as err:
        call(*args)
    assert str(err.value) == err.value.text()
    return err.value.text()


def test_retired_elder_cannot_be_proposed():
    retired = replace(make_elder(), retired=True, retired_reason="年事已高")
    assert refused_text(check_proposal, retired, [], None, PARTIES) == "王明理已退出明白人库，不能再被选为明白人"


def test_only_a_party_of_the_case_or_the_committee_may_propose():
    elder = make_elder()
    check_proposal(elder, [], None, PARTIES)
    check_proposal(elder, [], 2, PARTIES)
    assert refused_text(check_proposal, elder, [], 42, PARTIES) == "提名人不是本案的当事人"


ALREADY = "王明理已被提名，正在等待各方表态或已选定"


@pytest.mark.parametrize("earlier, refusal", [
    (choice(P, P), ALREADY),
    (choice(A, A), ALREADY),
    (choice(A, A, conflicts=CONFLICT), ALREADY),
    (choice(A, A, ended=ChoiceEnd.RECUSED), "王明理已在本案回避，不能再次提名"),
    (choice(A, R), None),  # refused before: the parties may come back to them
    (choice(P, P, ended=ChoiceEnd.WITHDRAWN), None),
])
def test_proposing_an_elder_already_proposed_for_the_case(earlier, refusal):
    elder = make_elder()
    if refusal is None:
        check_proposal(elder, [earlier], 1, PARTIES)
    else:
        assert refused_text(check_proposal, elder, [earlier], 1, PARTIES) == refusal
    # Another elder is always welcome.
    check_proposal(make_elder("赵德明", id=2), [earlier], 1, PARTIES)


def test_decisions_are_checked():
    open_choice = choice(A, P)
    check_decision(open_choice, 2, A, "")
    check_decision(open_choice, 2, P, "")
    check_decision(open_choice, 2, R, "不认识此人")
    assert refused_text(check_decision, open_choice, 2, R, "  ") == "请写明不同意的理由"
    assert refused_text(check_decision, open_choice, 42, A, "") == "此人不是本案的当事人"
    assert refused_text(check_decision, choice(A, A, ended=ChoiceEnd.RECUSED), 2, A, "") == "该提名已回避，不能再表态"
    assert refused_text(check_decision, choice(P, P, ended=ChoiceEnd.WITHDRAWN), 2, A, "") == "该提名已撤回提名，不能再表态"
    # A party may change its mind about a chosen elder (Art. 23).
    check_decision(choice(A, A), 1, R, "改变主意")


def test_ends_are_checked():
    check_end(choice(A, A), ChoiceEnd.RECUSED, "与当事人是亲戚")
    check_end(choice(P, P), ChoiceEnd.RECUSED, "本人不愿参与")
    check_end(choice(A, R), ChoiceEnd.WITHDRAWN, "提名有误")
    assert refused_text(check_end, choice(A, R), ChoiceEnd.RECUSED, "理由") == "该明白人未获同意，无需回避"
    assert refused_text(check_end, choice(A, A), ChoiceEnd.WITHDRAWN, " ") == "请写明理由"
    assert refused_text(check_end, choice(A, A, ended=ChoiceEnd.RECUSED), ChoiceEnd.WITHDRAWN, "理由") == "该提名已回避"
    assert refused_text(check_end, choice(A, A, ended=ChoiceEnd.WITHDRAWN), ChoiceEnd.RECUSED, "理由") == "该提名已撤回提名"


def test_choice_refused_keeps_the_template_and_params():
    err = ChoiceRefused("{name}已被提名", name="王明理")
    assert err.message == "{name}已被提名" and err.params == {"name": "王明理"} and str(err) == "王明理已被提名"
    assert ChoiceRefused("请写明理由").text() == "请写明理由"


# ================================================================ readiness

NO_ELDER = "还没有各方当事人都同意的明白人"
NO_HOST = "还没有确定主持人"
NO_POLICE = "主持人中没有联村干警（通常由一名干部和一名联村干警共同主持）"
NO_RECORDER = "还没有确定记录人"
NO_WITNESS = "还没有邀请见证人（相关职能部门的工作人员）"
FULL = RoleCounts(hosts=2, police_hosts=1, witnesses=1, recorders=1)


def texts(messages) -> list[str]:
    return [m.text() for m in messages]


def test_nothing_chosen_nobody_assigned():
    result = readiness([], PARTIES, RoleCounts())
    assert not result.ready
    assert texts(result.missing) == [NO_ELDER, NO_HOST]
    assert texts(result.warnings) == [NO_RECORDER, NO_WITNESS]


def test_ready_with_a_chosen_elder_and_a_full_team():
    result = readiness([choice(A, A)], PARTIES, FULL)
    assert result.ready and result.missing == () and result.warnings == ()


def test_host_without_police_officer_is_a_warning_only():
    result = readiness([choice(A, A)], PARTIES, RoleCounts(hosts=1, witnesses=1, recorders=1))
    assert result.ready
    assert texts(result.warnings) == [NO_POLICE]


def test_pending_answers_are_listed_by_party_and_elder():
    result = readiness([choice(A, P)], PARTIES, FULL)
    assert texts(result.missing) == [NO_ELDER, "李秀英还没有对明白人王明理表态"]
    assert result.missing[1].params == {"party": "李秀英", "elder": "王明理"}


def test_a_second_proposal_still_waiting_blocks_the_start():
    second = choice(P, A, id=11, elder=make_elder("赵德明", id=2))
    result = readiness([choice(A, A), second], PARTIES, FULL)
    assert texts(result.missing) == ["张建国还没有对明白人赵德明表态"]


def test_unconfirmed_conflict_is_missing_until_confirmed():
    result = readiness([choice(A, A, conflicts=CONFLICT)], PARTIES, FULL)
    assert texts(result.missing) == [NO_ELDER, "明白人王明理有需要回避的情形，须调解员确认"]
    assert readiness([choice(A, A, conflicts=CONFLICT, conflicts_confirmed=True)], PARTIES, FULL).ready


def test_refused_recused_and_withdrawn_choices_do_not_count_or_block():
    ended = [choice(A, R), choice(A, A, ended=ChoiceEnd.RECUSED, conflicts=CONFLICT),
             choice(P, P, ended=ChoiceEnd.WITHDRAWN)]
    assert texts(readiness(ended, PARTIES, FULL).missing) == [NO_ELDER]
    assert readiness(ended + [choice(A, A, id=12, elder=make_elder("赵德明", id=2))], PARTIES, FULL).ready


def test_unknown_party_in_a_pending_answer_is_shown_as_a_question_mark():
    made = ElderChoice(1, make_elder(), None, (PartyConsent(9),))
    assert texts(readiness([made], PARTIES, FULL).missing) == [NO_ELDER, "?还没有对明白人王明理表态"]


def test_message_text_is_translated_before_formatting():
    result = readiness([], PARTIES, RoleCounts())
    assert result.missing[0].text(lambda s: "T:" + s) == "T:" + NO_ELDER


# ================================================================ 主持人 / 见证人 / 记录人

def person_errors(data: PersonInput) -> dict[str, str]:
    person, errors = check_person(data)
    assert person is None
    return {e.field: e.text() for e in errors}


def test_host_needs_a_kind_and_a_unit():
    assert person_errors(PersonInput(role=Role.HOST, name="刘振华")) == {"unit": REQUIRED, "host_kind": "请选择主持人类别"}
    person, errors = check_person(person_input(Role.HOST, "陈卫东", unit=" 王庄镇派出所 ", post="民警",
                                               host_kind=HostKind.LINK_POLICE, phone="１３７００００００００"))
    assert errors == []
    assert person.role is Role.HOST and person.unit == "王庄镇派出所" and person.host_kind is HostKind.LINK_POLICE
    assert person.phone == "13700000000" and person.name_initials == "cwd"
    assert person.description == "王庄镇派出所 民警（联村干警）"


def test_witness_needs_a_department():
    assert person_errors(PersonInput(role=Role.WITNESS, name="孙丽")) == {"unit": "请填写见证人所在的职能部门"}
    assert person_errors(PersonInput(role=Role.WITNESS, name="孙丽", unit="所" * 61)) == {
        "unit": "内容太长：最多60个字，现在61个字"}
    person, errors = check_person(person_input(Role.WITNESS, "孙丽", host_kind=HostKind.LINK_POLICE))
    assert errors == [] and person.unit == "乡镇国土资源所"
    assert person.host_kind is None  # only hosts have a kind
    assert person.description == "乡镇国土资源所"


def test_recorder_needs_only_a_name():
    person, errors = check_person(PersonInput(role=Role.RECORDER, name="周敏"))
    assert errors == []
    assert (person.unit, person.post, person.phone, person.host_kind) == ("", "", "", None)
    assert person.description == ""
    assert person_errors(PersonInput(role=Role.RECORDER)) == {"name": REQUIRED}


def test_person_without_role_and_with_bad_fields():
    assert person_errors(PersonInput(name="周敏", post="职" * 31, phone="123")) == {
        "role": "请选择角色",
        "post": "内容太长：最多30个字，现在31个字",
        "phone": "电话号码格式不对：手机号为1开头的11位数字，座机请带区号，如0377-66212345",
    }


def test_host_description_with_only_a_kind():
    person, _ = check_person(person_input(Role.HOST, unit="王庄村委会", host_kind=HostKind.VILLAGE_CADRE))
    assert person.description == "王庄村委会（村干部）"
    bare = replace(person, unit="", post="")
    assert bare.description == "村干部"


def test_person_form_round_trip():
    person, _ = check_person(person_input(Role.HOST, "陈卫东", unit="王庄镇派出所", post="民警",
                                          host_kind=HostKind.LINK_POLICE, phone="13700000000"))
    assert check_person(PersonInput.from_person(person)) == (person, [])


def test_a_likely_twin_is_one_typed_here_with_the_role_and_name_of_a_roster_person_both_still_chosen():
    def person(id, role, name, uuid, retired=False):
        made, errors = check_person(person_input(role, name))
        assert errors == []
        return replace(made, id=id, uuid=uuid, retired=retired)

    sent = person(1, Role.HOST, "张建军", "hub-1")
    people = [sent, person(2, Role.HOST, " 张 建军", "own-2"), person(3, Role.WITNESS, "张建军", "own-3"),
              person(4, Role.HOST, "张建国", "own-4"), person(5, Role.HOST, "张建军", "own-5", retired=True),
              person(6, Role.WITNESS, "李秀英", "hub-6", retired=True), person(7, Role.WITNESS, "李秀英", "own-7")]
    assert roster_twins(people, {"hub-1", "hub-6"}) == {2: sent}  # a retired roster person has no twin
    assert roster_twins(people, set()) == {}
