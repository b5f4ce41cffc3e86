"""The case file's other documents (documents/case_forms.py): 人民调解申请书, 权利义务告知书,
口头协议登记表 and 化解处理意见书, made through the services on a real database and read back with pypdf."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from dataclasses import replace

import pytest
from pypdf import PdfReader

from tests.helpers import elder_input, individual, make_id_number, organisation, person_input, valid_case_input
from tests.test_session_service import fill_all
from xinye_desktop.documents.case_forms import (
    APPLICANTS_SIGN_HEADING, APPLICATION_TITLE, CLAIMS_HEADING, ELDERS_SIGN_HEADING, FACTS_HEADING,
    HOSTS_SIGN_HEADING, NOTICE_ACK, NOTICE_SIGN_HEADING, NOTICE_TITLE, OPINION_HEADING, OPINION_TITLE,
    ORAL_CONTENT_HEADING, ORAL_TITLE, PERFORMANCE_HEADING, ApplicationDocument, build_case_form_pdf, claim_items,
    declaration_text, document_code, notice_paragraphs, numbered, payload, split_performance, strip_numbering,
)
from xinye_desktop.documents.agreement import MEDIATORS_SIGN_HEADING, RECORDER_SIGN_HEADING, WITNESSES_SIGN_HEADING
from xinye_desktop.documents.fonts import FALLBACK, FONT
from xinye_desktop.domain.agreement import content_hash, normalise_code, verification_code
from xinye_desktop.domain.enums import CaseSource, PartyRole, Sex
from xinye_desktop.domain.roles import HostKind, Role
from xinye_desktop.domain.selection import Consent
from xinye_desktop.domain.session import RIGHTS_NOTICE, Outcome, ReasonPoint, Verdict
from xinye_desktop.paths import DataPaths
from xinye_desktop.services.documents import DocumentRefused, DocumentService
from xinye_desktop.services.elders import ElderService, PeopleService
from xinye_desktop.services.intake import IntakeService
from xinye_desktop.services.selection import SelectionService
from xinye_desktop.services.session import SessionService
from xinye_desktop.services.settings import CommitteeSettings, SettingsService

COMMITTEE = "新野县王庄镇王庄村人民调解委员会"
RARE = "\U0002020C"  # 𠈌, CJK Ext. B: set in the fallback font
APPLICANT, RESPONDENT, THIRD = "王㛃", f"张{RARE}华", "新野县王庄农机专业合作社"
FACTS = (f"2026年3月，{RESPONDENT}翻建院墙时越过两家宅基地界线约半米，{APPLICANT}阻止施工，双方发生争执，"
         "院墙被推倒两米多，砖块损坏。\n双方多次协商未果，王㛃向村委会申请调解。")
APPLICANT_CLAIMS = f"1、要求{RESPONDENT}按1992年宅基地使用证的四至重新砌墙；\n（2）赔偿砖块损失三百元"
RESPONDENT_CLAIMS = f"要求{APPLICANT}赔礼道歉。"
LEGAL_BASIS = "《民法典》第二百八十八条：相邻关系按有利生产、方便生活、团结互助、公平合理的原则处理。"
FAIR_NOTE = "按1992年宅基地使用证的四至划界，两家各退一步，谁也不吃亏"
COMMITMENT = "五月十日前到现场按1992年宅基地使用证四至重新测量放线，出具测量图交双方各一份"
EASING = "明白人讲了两家三代的交情，王㛃气消了"
ORAL = (f"一、{RESPONDENT}按国土所放线的界线重新砌墙，并在墙根修排水沟；\n"
        f"二、{APPLICANT}赔偿砖块损失三百元；\n"
        "三、两家共用出路保持一米二宽，任何一方不得堆放杂物。\n"
        "履行方式、时限：第二项五月十五日前当面付清，第一项五月二十日前完成。")
OPINION = (f"{RESPONDENT}按1992年宅基地使用证四至退回越界部分，重新砌墙\n"
           f"{APPLICANT}赔偿砖块损失三百元，五月十五日前付清\n"
           "双方共用出路保持一米二宽，任何一方不得堆放杂物")


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pages(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def body(path, title: str) -> str:
    """All pages' text without whitespace and without the footers (drawn last on each page)."""
    out = []
    for page in pages(path):
        page = flat(page)
        out.append(page[:page.rindex(title + "案号：")])
    return "".join(out)


# ---------------------------------------------------------------- the data, through the services

def _services(db, paths):
    selection = SelectionService(db)
    return {"intake": IntakeService(db), "elders": ElderService(db), "people": PeopleService(db),
            "selection": selection, "session": SessionService(db, selection),
            "documents": DocumentService(db, paths), "settings": SettingsService(db), "paths": paths}


def _parties(tag: int, third: bool = False):
    parties = [
        individual(APPLICANT, Sex.FEMALE, make_id_number(dt.date(1970, 3, 15), 2 + 4 * tag), claims=APPLICANT_CLAIMS),
        individual(RESPONDENT, Sex.MALE, make_id_number(dt.date(1975, 8, 20), 3 + 4 * tag), role=PartyRole.RESPONDENT,
                   phone="0377-66212345", claims=RESPONDENT_CLAIMS),
    ]
    if third:
        parties.append(organisation(THIRD, role=PartyRole.THIRD_PARTY))
    return parties


def ready_case(s, tag: int, *, third: bool = False, people: dict | None = None):
    """A registered case with 王㛃 and 张𠈌华, the 明白人 chosen by both, a host pair, a witness and a recorder."""
    case = s["intake"].register(valid_case_input(parties=_parties(tag, third), facts=FACTS))
    applicant, respondent = case.parties[0].id, case.parties[1].id
    people = people if people is not None else {}
    if not people:
        people["elders"] = [s["elders"].add(elder_input("孟明理")), s["elders"].add(elder_input("黄德福"))]
        people["hosts"] = [
            s["people"].add(person_input(Role.HOST, "刘振华", unit="王庄村委会", post="主任")),
            s["people"].add(person_input(Role.HOST, "赵卫东", unit="王庄镇派出所", post="民警",
                                         host_kind=HostKind.LINK_POLICE))]
        people["witness"] = s["people"].add(person_input(Role.WITNESS, "孙立新", unit="乡镇国土资源所"))
        people["recorder"] = s["people"].add(person_input(Role.RECORDER, "陈晓燕", unit="王庄村委会", post="文书"))
    for elder in people["elders"]:
        state = s["selection"].propose(case.id, elder.id, applicant)
        choice = next(c for c in state.choices if c.elder.id == elder.id)
        s["selection"].answer(choice.id, respondent, Consent.AGREED)
        for party in case.parties[2:]:
            s["selection"].answer(choice.id, party.id, Consent.AGREED)
    for person in [*people["hosts"], people["witness"], people["recorder"]]:
        s["selection"].assign(case.id, person.id)
    return case, people


def finish_sitting(s, case, outcome: Outcome, text: str):
    sitting = s["session"].start(case.id)
    data = fill_all(sitting.data, [p.id for p in case.parties])
    data.held_on = dt.date(2026, 5, 6)
    data.legal_basis = LEGAL_BASIS
    data.reason[ReasonPoint.FAIR] = (Verdict.MET, FAIR_NOTE)
    data.reason[ReasonPoint.FARMING] = (Verdict.NOT_APPLICABLE, "")
    data.party(case.parties[0].id).easing = EASING
    data.witnesses[0].commitment = COMMITMENT
    data.outcome, data.outcome_text = outcome, text
    sitting = s["session"].save(sitting.id, data, expected_version=sitting.version)
    return s["session"].finish(sitting.id, expected_version=sitting.version)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """Two cases on one database: one ended in an oral agreement, one in a resolution opinion; every
    document of each rendered through DocumentService."""
    from xinye_desktop.app import open_database

    paths = DataPaths(tmp_path_factory.mktemp("forms") / "data")
    paths.create()
    db = open_database(paths)
    s = _services(db, paths)
    s["settings"].save(CommitteeSettings(committee_name=COMMITTEE, operator="陈晓燕"))
    oral_case, people = ready_case(s, 0, third=True)
    finish_sitting(s, oral_case, Outcome.ORAL, ORAL)
    opinion_case, _ = ready_case(s, 1, people=people)
    finish_sitting(s, opinion_case, Outcome.OPINION, OPINION)
    open_case, _ = ready_case(s, 2, people=people)
    docs = s["documents"]
    out = {
        "application": docs.application_form(oral_case.id),
        "notice": docs.rights_notice(oral_case.id),
        "oral": docs.oral_agreement_register(oral_case.id),
        "opinion": docs.resolution_opinion(opinion_case.id),
        "opinion_application": docs.application_form(opinion_case.id),
    }
    yield {"s": s, "db": db, "oral_case": s["intake"].load(oral_case.id),
           "opinion_case": s["intake"].load(opinion_case.id), "open_case": open_case, **out}
    db.close()


TITLES = {"application": APPLICATION_TITLE, "notice": NOTICE_TITLE, "oral": ORAL_TITLE, "opinion": OPINION_TITLE,
          "opinion_application": APPLICATION_TITLE}


# ---------------------------------------------------------------- files, codes, every page

def test_files_are_written_in_the_case_folder_with_chinese_names(made):
    oral, opinion = made["oral_case"], made["opinion_case"]
    folder = made["s"]["paths"].documents / oral.uuid
    assert made["application"][0] == folder / f"人民调解申请书-{oral.case_number}.pdf"
    assert made["notice"][0] == folder / f"权利义务告知书-{oral.case_number}.pdf"
    assert made["oral"][0] == folder / f"口头协议登记表-{oral.case_number}.pdf"
    assert made["opinion"][0] == made["s"]["paths"].documents / opinion.uuid / f"化解处理意见书-{opinion.case_number}.pdf"
    assert not any(p.suffix == ".tmp" for p in folder.iterdir())
    for key in TITLES:
        box = PdfReader(str(made[key][0])).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_every_document_has_its_own_code(made):
    codes = [made[key][1] for key in TITLES]
    assert all(normalise_code(code) == code for code in codes)
    assert len(set(codes)) == len(codes)


def test_every_page_has_name_case_number_page_of_pages_code_and_qr(made):
    for key, title in TITLES.items():
        path, code = made[key]
        case = made["opinion_case"] if key.startswith("opinion") else made["oral_case"]
        texts = pages(path)
        readers = PdfReader(str(path)).pages
        for n, (page, raw) in enumerate(zip(texts, readers), start=1):
            assert f"第{n}页 共{len(texts)}页" in page, (key, n)
            assert code in page and f"{title}　案号：{case.case_number}" in page, (key, n)
            assert "核验" in page
            assert raw.get_contents().get_data().count(b" re") > 100  # the QR code's modules


def test_a_long_opinion_runs_over_pages_with_the_footer_on_each(made):
    assert len(pages(made["opinion"][0])) >= 2


@pytest.mark.skipif(shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
                    reason="zbarimg (Debian zbar-tools) or pdftoppm not installed")
@pytest.mark.parametrize("dpi", [80, 100, 120])
def test_qr_code_decodes_from_a_low_resolution_greyscale_scan(made, tmp_path, dpi):
    """The forms share the agreement's footer: their codes read back from a whole page scanned at
    100 dpi in greyscale, and at 80 and 120 dpi."""
    for key in ("application", "opinion"):
        path, code = made[key]
        stem = tmp_path / f"{key}-{dpi}"
        subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", "-f", "1", "-l", "1", str(path),
                        str(stem)], check=True)
        decoded = subprocess.run(["zbarimg", "-q", "--raw", f"{stem}.png"], capture_output=True, text=True).stdout
        assert decoded.strip() == code, (key, dpi)


def test_the_same_content_gives_the_same_code_and_a_change_a_new_one(made):
    s, case = made["s"], made["oral_case"]
    again = s["documents"].application_form(case.id)
    assert again == made["application"]
    s["settings"].save(CommitteeSettings(committee_name="新野县王庄镇人民调解委员会", operator="陈晓燕"))
    try:
        changed = s["documents"].application_form(case.id)
        assert changed[0] == made["application"][0] and changed[1] != made["application"][1]
    finally:
        s["settings"].save(CommitteeSettings(committee_name=COMMITTEE, operator="陈晓燕"))
        assert s["documents"].application_form(case.id) == made["application"]


def test_code_is_the_case_uuid_and_kind_over_the_digest_of_what_is_printed(made):
    case = made["oral_case"]
    doc = ApplicationDocument(committee_name=COMMITTEE, case=case, applied_on=case.received_date)
    digest, code = document_code(doc)
    printed = payload(doc)
    assert digest == content_hash(printed)
    assert code == verification_code(f"{case.uuid}:application", 1, digest) == made["application"][1]
    assert printed["claims"] == claim_items(case) and printed["declaration"] == declaration_text(COMMITTEE)
    assert printed["signers"] == [APPLICANT] and printed["date"] == case.received_date.isoformat()


# ---------------------------------------------------------------- fonts

def fonts_of(path) -> list:
    out = []
    for page in PdfReader(str(path)).pages:
        out += [(str(f.get_object()["/BaseFont"]), f.get_object()) for f in page["/Resources"]["/Font"].values()]
    return out


def embedded(font) -> bool:
    descriptor = font.get("/FontDescriptor")
    if descriptor is None and "/DescendantFonts" in font:
        descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
    return descriptor is not None and "/FontFile2" in descriptor.get_object()


def test_only_embedded_fonts_and_the_fallback_for_the_rare_name(made):
    for key in TITLES:
        fonts = fonts_of(made[key][0])
        assert fonts and all(FONT in name or FALLBACK in name for name, _ in fonts), key  # no Helvetica
        assert all(embedded(font) for _, font in fonts), key
        assert any(FALLBACK in name for name, _ in fonts), key  # 𠈌 is on every document


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_agrees(made):
    for key in TITLES:
        out = subprocess.run(["pdffonts", str(made[key][0])], capture_output=True, text=True, check=True).stdout
        for row in out.splitlines()[2:]:
            assert (FONT in row or FALLBACK in row) and " yes yes yes " in row, (key, row)


# ---------------------------------------------------------------- 人民调解申请书

def test_application(made):
    text = body(made["application"][0], APPLICATION_TITLE)
    assert text.startswith(COMMITTEE + APPLICATION_TITLE + "案号：" + made["oral_case"].case_number)
    for name in (APPLICANT, RESPONDENT, THIRD):
        assert name in text
    for field in ("姓名", "性别", "民族", "年龄", "职业或职务", "联系方式", "单位或住址"):
        assert field in text
    assert "申请人" in text and "被申请人" in text and "0377-66212345" in text and "56岁" in text
    assert text.index(APPLICANT) < text.index(RESPONDENT) < text.index(THIRD)  # 申请人 first
    assert "身份证" not in text
    assert "纠纷简要情况：" + flat(FACTS) in text
    claims = text[text.index(CLAIMS_HEADING):]
    assert f"1.要求{RESPONDENT}按1992年宅基地使用证的四至重新砌墙。" in claims  # "1、" replaced, sentence closed
    assert "2.赔偿砖块损失三百元。" in claims and "3." not in claims[:claims.index(COMMITTEE)]
    assert "赔礼道歉" not in text  # the respondent's claim is not the application's
    assert flat(declaration_text(COMMITTEE)) in text
    tail = text[text.index(APPLICANTS_SIGN_HEADING) + len(APPLICANTS_SIGN_HEADING):]
    assert f"{APPLICANT}（申请人）" in tail and tail.count("签名：") == 1 and tail.count("按指印") == 1
    assert RESPONDENT not in tail
    received = made["oral_case"].received_date
    assert tail.endswith(f"{received.year}年{received.month}月{received.day}日")
    assert "（本页以下无正文）" not in text


def test_several_applicants_say_whose_claim_it_is(made):
    case = made["oral_case"]
    two = replace(case, parties=(case.parties[0], replace(case.parties[1], role=PartyRole.APPLICANT)))
    assert claim_items(two) == [
        f"1. {APPLICANT}请求：要求{RESPONDENT}按1992年宅基地使用证的四至重新砌墙。",
        f"2. {APPLICANT}请求：赔偿砖块损失三百元。",
        f"3. {RESPONDENT}请求：要求{APPLICANT}赔礼道歉。"]


def test_application_without_claims_or_facts_leaves_lines_to_write_on(made, tmp_path):
    case = made["oral_case"]
    bare = replace(case, facts="", parties=tuple(replace(p, claims="") for p in case.parties))
    path = build_case_form_pdf(ApplicationDocument(COMMITTEE, bare, None, code="0000-0000-0000"), tmp_path / "a.pdf")
    text = body(path, APPLICATION_TITLE)
    assert "纠纷简要情况：申请事项：1.2.3." in text and text.endswith("年月日")


def test_numbering_typed_before_a_claim_is_dropped():
    for typed in ("1、拆墙", "1. 拆墙", "（1）拆墙", "(2) 拆墙", "一、拆墙", "①拆墙", "10．拆墙"):
        assert strip_numbering(typed) == "拆墙", typed
    for kept in ("1.2万元赔偿", "10日内拆墙", "一次性付清", "2026年5月前拆墙"):
        assert strip_numbering(kept) == kept


# ---------------------------------------------------------------- 权利义务告知书

def test_rights_notice(made):
    text = body(made["notice"][0], NOTICE_TITLE)
    assert text.startswith(COMMITTEE + NOTICE_TITLE)
    assert f"{APPLICANT}、{RESPONDENT}、{THIRD}：" in text
    # Every word of the standard notice, in order; three parties are 各方 (not 双方) 当事人.
    assert flat(RIGHTS_NOTICE.replace("双方当事人", "各方当事人")) in text and "双方" not in text
    assert "（一）选择或者接受人民调解员" in text and "（三）尊重对方当事人行使权利" in text
    assert flat(NOTICE_ACK) in text
    tail = text[text.index(NOTICE_SIGN_HEADING) + len(NOTICE_SIGN_HEADING):]
    for name, role in ((APPLICANT, "申请人"), (RESPONDENT, "被申请人"), (THIRD, "第三人")):
        assert f"{name}（{role}" in tail
    assert tail.count("日期：2026年5月6日") == 3  # the day it was read
    assert tail.count("按指印") == 2 and f"{THIRD}（第三人，盖章）法定代表人签名：盖章日期" in tail  # a seal place


def test_notice_paragraphs_put_each_right_on_a_line():
    paragraphs = notice_paragraphs(RIGHTS_NOTICE)
    assert len(paragraphs) == 4
    assert [len(p) for p in paragraphs] == [1, 5, 4, 1]
    assert paragraphs[1][1] == "（一）选择或者接受人民调解员；"


def test_a_notice_printed_before_any_sitting_has_a_blank_date(made):
    path, _ = made["s"]["documents"].rights_notice(made["open_case"].id)
    tail = body(path, NOTICE_TITLE)
    assert tail.count("日期：年月日") == 2 and "2026年5月6日" not in tail


# ---------------------------------------------------------------- 口头协议登记表

def test_oral_agreement_register(made):
    text = body(made["oral"][0], ORAL_TITLE)
    assert text.startswith(COMMITTEE + ORAL_TITLE)
    for name in (APPLICANT, RESPONDENT, THIRD):
        assert name in text
    assert FACTS_HEADING + flat(FACTS) in text
    assert (f"争议事项：{APPLICANT}：要求{RESPONDENT}按1992年宅基地使用证的四至重新砌墙；赔偿砖块损失三百元。"
            f"{RESPONDENT}：要求{APPLICANT}赔礼道歉。") in text  # typed numbering dropped, one sentence a party
    content = text[text.index(ORAL_CONTENT_HEADING):text.index(PERFORMANCE_HEADING)]
    for line in ORAL.splitlines()[:3]:
        assert flat(line) in content
    assert PERFORMANCE_HEADING + "第二项五月十五日前当面付清，第一项五月二十日前完成。" in text
    assert "本口头协议于2026年5月6日在王庄村三理室调解达成。" in text
    assert "主持人：刘振华（王庄村委会主任，村干部）、赵卫东（王庄镇派出所民警，联村干警）" in text
    assert f"见证人孙立新（乡镇国土资源所）当场承诺：{COMMITMENT}。" in text
    assert "本口头协议自各方当事人达成协议之日即2026年5月6日起生效（《中华人民共和国人民调解法》第三十条）" in text
    tail = text[text.index(MEDIATORS_SIGN_HEADING):]
    for name in ("刘振华", "赵卫东", "孟明理", "黄德福"):
        assert name + "：" in tail
    assert RECORDER_SIGN_HEADING + "陈晓燕：" in tail
    assert "（人民调解委员会印章）" in tail and COMMITTEE in tail and "2026年5月6日" in tail


def test_split_performance_and_numbering():
    content, performance = split_performance("张三拆墙\n李四赔钱\n履行期限：五月底前\n时限: 当日")
    assert content == ["一、张三拆墙。", "二、李四赔钱。"] and performance == ["五月底前。", "当日。"]
    assert numbered(["一、已编号；", "未编号"]) == ["一、已编号；", "未编号。"]  # numbered as typed, closed
    assert numbered(["只有一行"]) == ["只有一行。"]


# ---------------------------------------------------------------- 化解处理意见书

def test_resolution_opinion(made):
    text = body(made["opinion"][0], OPINION_TITLE)
    assert text.startswith(COMMITTEE + OPINION_TITLE + "案号：" + made["opinion_case"].case_number)
    assert APPLICANT in text and RESPONDENT in text and flat(FACTS) in text
    assert "2026年5月6日，王庄村三理室对王㛃、张𠈌华之间的房屋宅基地纠纷进行第1次调解。" in text
    assert "以法为准" in text and LEGAL_BASIS in text
    assert f"1.公平公正：符合。{FAIR_NOTE}。" in text and "4.符合生产惯例：不涉及。" in text
    assert f"{APPLICANT}：调解开始时激动，结束时平静。{EASING}。" in text
    assert f"（四）见证人承诺：孙立新（乡镇国土资源所）当场承诺：{COMMITMENT}。" in text
    assert text.index("（一）以法为准：") < text.index("（二）以理为基") < text.index("（三）以情为引：")
    opinion = text[text.index(OPINION_HEADING):]
    for n, line in zip("一二三", OPINION.splitlines()):
        assert f"{n}、{flat(line)}。" in opinion  # unnumbered lines are numbered and closed
    assert "据此制作人民调解协议书" in opinion and "《中华人民共和国人民调解法》第二十九条" in opinion
    tail = text[text.index(HOSTS_SIGN_HEADING):]
    assert tail.index(HOSTS_SIGN_HEADING) < tail.index(ELDERS_SIGN_HEADING) < tail.index(WITNESSES_SIGN_HEADING)
    assert "刘振华：" in tail and "赵卫东：" in tail and "孟明理：" in tail and "黄德福：" in tail and "孙立新：" in tail
    assert tail.endswith("王庄村矛盾化解“三理”室2026年5月6日")


# ---------------------------------------------------------------- refusals

def test_register_and_opinion_need_the_matching_outcome(made):
    docs = made["s"]["documents"]
    with pytest.raises(DocumentRefused, match="达成口头协议"):
        docs.oral_agreement_register(made["opinion_case"].id)
    with pytest.raises(DocumentRefused, match="形成化解意见"):
        docs.resolution_opinion(made["oral_case"].id)
    for refuse in (docs.oral_agreement_register, docs.resolution_opinion):
        with pytest.raises(DocumentRefused):
            refuse(made["open_case"].id)  # no sitting finished at all


def test_an_unfinished_or_adjourned_sitting_is_not_enough(made):
    s, case = made["s"], made["open_case"]
    sitting = s["session"].start(case.id)
    data = fill_all(sitting.data, [p.id for p in case.parties])
    data.outcome, data.outcome_text = Outcome.ORAL, ORAL
    s["session"].save(sitting.id, data, expected_version=sitting.version)  # typed, not finished
    with pytest.raises(DocumentRefused, match="达成口头协议"):
        s["documents"].oral_agreement_register(case.id)


def test_no_application_without_an_applicant(made):
    s = made["s"]
    parties = [individual("周大山", Sex.MALE, make_id_number(dt.date(1966, 1, 9), 41), role=PartyRole.RESPONDENT),
               individual("吴桂兰", Sex.FEMALE, make_id_number(dt.date(1968, 2, 9), 42), role=PartyRole.RESPONDENT)]
    case = s["intake"].register(valid_case_input(parties=parties, source=CaseSource.COMMITTEE_INITIATIVE))
    with pytest.raises(DocumentRefused, match="没有申请人"):
        s["documents"].application_form(case.id)
    path, code = s["documents"].rights_notice(case.id)  # the notice is for every case
    assert path.exists() and code


# ---------------------------------------------------------------- many parties, long text

LONG_NAMES = [APPLICANT, "李秀英", "赵大海", "孙小梅", RESPONDENT, "周建国", "吴桂兰", "郑国强", "冯玉兰", "陈志刚",
              "褚卫东", "欧阳春花"]


@pytest.fixture(scope="module")
def long_forms(made, tmp_path_factory):
    """12 parties (4 申请人, 6 被申请人, 2 第三人), 3,000 characters of facts, long claims and opinion:
    every document built directly and flowing over pages."""
    from xinye_desktop.documents.case_forms import (
        OralAgreementDocument, ResolutionOpinionDocument, RightsNoticeDocument, with_code,
    )
    from xinye_desktop.domain.session import SittingData, WitnessAnswer

    case = made["oral_case"]
    roles = [PartyRole.APPLICANT] * 4 + [PartyRole.RESPONDENT] * 6 + [PartyRole.THIRD_PARTY] * 2
    template = case.parties[0]
    parties = tuple(replace(template, id=100 + n, name=name, role=role,
                            claims=(f"1、要求{RESPONDENT}退回越界的宅基地，恢复原状；\n2、赔偿第{n}项损失{n}00元" if
                                    role is PartyRole.APPLICANT else ""))
                    for n, (name, role) in enumerate(zip(LONG_NAMES, roles), start=1))
    piece = (f"2026年3月，{RESPONDENT}翻建院墙时越过两家宅基地界线约半米（“滴水”之地），{APPLICANT}阻止施工，"
             "双方发生争执，院墙被推倒两米多，砖块损坏。")
    facts = "\n".join(f"第{n}段：" + piece * (1 + n % 3) for n in range(1, 60))[:3000]
    big = replace(case, parties=parties, facts=facts)
    state = made["s"]["selection"].state(case.id)
    hosts, witnesses = tuple(state.people(Role.HOST)), tuple(state.people(Role.WITNESS))
    elders = tuple(c.elder for c in state.chosen)
    data = SittingData(held_on=dt.date(2026, 5, 6), place="王庄村矛盾化解“三理”室", legal_basis=LEGAL_BASIS * 3,
                       reason={p: (Verdict.MET, FAIR_NOTE * 2) for p in ReasonPoint},
                       witnesses=[WitnessAnswer(witnesses[0].id, witnesses[0].name, COMMITMENT * 2)],
                       outcome_text="\n".join(f"第{n}项：{RESPONDENT}于五月{n}日前向{APPLICANT}支付{n}00元" for n in
                                              range(1, 25)) + "\n履行期限：2026年6月30日前全部履行完毕")
    recorder = state.people(Role.RECORDER)[0]
    docs = {
        APPLICATION_TITLE: ApplicationDocument(COMMITTEE, big, dt.date(2026, 5, 2)),
        NOTICE_TITLE: RightsNoticeDocument(COMMITTEE, big, None),
        ORAL_TITLE: OralAgreementDocument(COMMITTEE, big, 1, data, hosts, elders, witnesses, recorder),
        OPINION_TITLE: ResolutionOpinionDocument(COMMITTEE, big, 1, data, hosts, elders, witnesses, recorder),
    }
    folder = tmp_path_factory.mktemp("long")
    out = {}
    for title, doc in docs.items():
        doc = with_code(doc)
        out[title] = (build_case_form_pdf(doc, folder / f"{title}.pdf"), doc)
    return out


def test_long_documents_flow_over_pages_with_every_footer(long_forms):
    for title, (path, doc) in long_forms.items():
        texts = pages(path)
        assert len(texts) >= 2, title
        for n, page in enumerate(texts, start=1):
            assert f"第{n}页 共{len(texts)}页" in page and doc.code in page and title in page, (title, n)
        text = body(path, title)
        for name in LONG_NAMES:
            assert name in text, (title, name)
        if title != NOTICE_TITLE:
            for line in doc.case.facts.splitlines()[::9]:
                assert flat(line) in text, title


def test_long_application_numbers_every_claim_and_every_applicant_signs(long_forms):
    path, doc = long_forms[APPLICATION_TITLE]
    text = body(path, APPLICATION_TITLE)
    assert "8.孙小梅请求：赔偿第4项损失400元。" in text and "9." not in text[text.index("8.孙小梅"):]
    tail = text[text.index(APPLICANTS_SIGN_HEADING) + len(APPLICANTS_SIGN_HEADING):]
    assert tail.count("按指印") == 4 and "周建国" not in tail


def test_long_notice_keeps_each_date_with_its_signature(long_forms):
    path, _ = long_forms[NOTICE_TITLE]
    signing = "".join(flat(page) for page in pages(path))
    signing = signing[signing.index(NOTICE_SIGN_HEADING):]
    assert signing.count("日期：年月日") == 12 and signing.count("按指印") == 12 + 1  # + the heading
    for page in pages(path)[1:]:
        assert not flat(page).startswith("日期")  # a date never opens a page alone


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_no_printed_line_starts_with_closing_punctuation(long_forms, made):
    paths = [p for p, _ in long_forms.values()] + [made[key][0] for key in TITLES]
    for path in paths:
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
        for line in out.decode("utf-8").splitlines():
            first = line.strip()[:1]
            assert not first or first not in "，。、；：！？）》」』】〕〉”’", (path.name, line)


def test_an_opinion_without_a_witness_has_no_witness_line_to_sign(made, tmp_path):
    from xinye_desktop.documents.case_forms import NOBODY, ResolutionOpinionDocument, with_code
    from xinye_desktop.domain.session import SittingData

    case = made["opinion_case"]
    state = made["s"]["selection"].state(case.id)
    data = SittingData(held_on=dt.date(2026, 5, 6), outcome_text=OPINION)
    doc = with_code(ResolutionOpinionDocument(COMMITTEE, case, 1, data, tuple(state.people(Role.HOST)),
                                              tuple(c.elder for c in state.chosen), (), None))
    text = body(build_case_form_pdf(doc, tmp_path / "opinion.pdf"), OPINION_TITLE)
    assert "（三）见证人承诺：无" in text
    tail = text[text.index(ELDERS_SIGN_HEADING):]
    assert WITNESSES_SIGN_HEADING + NOBODY + "王庄村矛盾化解“三理”室2026年5月6日" in tail


@pytest.mark.parametrize("source, roles, expected", [
    (CaseSource.PARTY_APPLICATION, (PartyRole.APPLICANT, PartyRole.RESPONDENT), True),
    (CaseSource.PARTY_APPLICATION, (PartyRole.RESPONDENT, PartyRole.THIRD_PARTY), False),
    (CaseSource.COMMITTEE_INITIATIVE, (PartyRole.APPLICANT, PartyRole.RESPONDENT), False),
    (CaseSource.POLICE_REFERRAL, (PartyRole.APPLICANT, PartyRole.RESPONDENT), False),
])
def test_only_a_case_the_parties_applied_for_has_a_written_application(source, roles, expected):
    """A case the committee took up or was referred keeps the 受理登记表 in its file, not a 申请书, even
    when its parties are listed as 申请人 and 被申请人."""
    from types import SimpleNamespace

    from xinye_desktop.services.documents import has_application

    case = SimpleNamespace(source=source, parties=[SimpleNamespace(role=r) for r in roles])
    assert has_application(case) is expected
