"""人民调解记录 (调解笔录, domain.md §2.2): one 三理室 sitting printed as the MOJ record, read back with pypdf."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from dataclasses import replace

import pytest
from pypdf import PdfReader

from tests.helpers import elder_input, person_input, valid_case_input
from xinye_desktop.documents.mediation_record import READ_BACK, RecordContext, build_mediation_record
from xinye_desktop.domain.cases import check_case
from xinye_desktop.domain.elders import check_elder
from xinye_desktop.domain.enums import ElderIdentity
from xinye_desktop.domain.roles import HostKind, Role, check_person
from xinye_desktop.domain.session import (
    Evidence, Outcome, PartyRecord, ReasonPoint, Route, SittingData, Verdict, WitnessAnswer,
)

TODAY = dt.date(2024, 5, 6)
COMMITTEE = "新野县王庄镇王庄村人民调解委员会"
CASE_NUMBER = "（2024）新王调字第007号"
APPLICANT, RESPONDENT = 11, 12
WITNESS_ID = 31

RIGHTS_NOTICE = (
    "人民调解委员会是依法设立的调解民间纠纷的群众性组织。人民调解遵循自愿、平等，不违背法律、法规和国家政策，"
    "尊重当事人权利的原则，不收取任何费用。当事人享有下列权利：选择或者接受人民调解员；接受调解、拒绝调解"
    "或者要求终止调解；要求调解公开进行或者不公开进行；自主表达意愿、自愿达成调解协议。当事人应当如实陈述"
    "纠纷事实；遵守调解现场秩序，尊重人民调解员；尊重对方当事人行使权利。"
)
APPLICANT_STATEMENT = (
    "我家老宅在王庄村3组东头，1992年乡里发的宅基地使用证上写得清楚，东边到李家院墙根还有一米二的空地，"
    "这是两家共用的出路。今年三月我翻建院墙，是按老墙基往里收了十公分砌的，没有越界。李秀英说我占了她家"
    "的滴水地方，带人把刚砌的墙推倒了两米多，砖头也砸坏了不少。"
)
RESPONDENT_STATEMENT = (
    "我家房子是1998年盖的，当时两家说好中间留一米五，张家新墙比原来往我这边挪了差不多半米，下雨水全淌"
    "我院里。我不是故意推墙，是工人不听劝，我着急才上手的。只要他按原来的界线砌，我愿意赔砖钱。"
)
LEGAL_BASIS = (
    "《民法典》第二百八十八条：不动产的相邻权利人应当按照有利生产、方便生活、团结互助、公平合理的原则，"
    "正确处理相邻关系。\n《土地管理法》第十四条：土地所有权和使用权争议，由当事人协商解决。"
)
REASON_NOTES = {
    ReasonPoint.FAIR: "按1992年宅基地使用证的四至划界，两家各退一步，谁也不吃亏。",
    ReasonPoint.COMMON_SENSE: "墙是张家的，雨水往李家淌不合常理，应当修排水沟。",
    ReasonPoint.MORALS: "邻里之间低头不见抬头见，推墙不对，应当赔礼。",
    ReasonPoint.FARMING: "",
    ReasonPoint.CUSTOMS: "村里老规矩，两家之间滴水留三尺，出路共用。",
}
COMMITMENT = "五月十日前到现场按1992年宅基地使用证四至重新测量放线，出具测量图交双方各一份。"
ORAL_AGREEMENT = (
    "一、张建国按国土所放线的界线重新砌墙，并在墙根修排水沟，雨水引向村道；\n"
    "二、李秀英赔偿张建国砖块损失三百元，于五月十五日前当面付清；\n"
    "三、两家共用出路保持一米二宽，任何一方不得堆放杂物。"
)
RISK_NOTE = "李秀英之子在外打工，电话中扬言回来“找张家算账”。"


def people():
    hosts = (
        check_person(person_input(name="刘振华", unit="王庄村委会", post="主任"))[0],
        check_person(person_input(name="赵卫东", unit="王庄镇派出所", post="民警",
                                  host_kind=HostKind.LINK_POLICE))[0],
    )
    elders = (
        check_elder(elder_input("王明理"), TODAY)[0],
        check_elder(elder_input("张德福", identity=ElderIdentity.VETERAN_TEACHER), TODAY)[0],
    )
    witness = replace(check_person(person_input(Role.WITNESS, name="孙立新", unit="乡镇国土资源所"))[0],
                      id=WITNESS_ID)
    recorder = check_person(person_input(Role.RECORDER, name="陈晓燕", unit="王庄村委会", post="文书"))[0]
    assert all(hosts) and all(elders) and witness and recorder
    return hosts, elders, (witness,), recorder


def the_case():
    case, errors, _ = check_case(valid_case_input(dt.date(2024, 5, 2)), today=TODAY)
    assert case is not None, errors
    applicant, respondent = case.parties
    return replace(case, case_number=CASE_NUMBER, id=5,
                   parties=(replace(applicant, id=APPLICANT), replace(respondent, id=RESPONDENT)))


def oral_agreement_sitting() -> SittingData:
    data = SittingData(
        held_on=dt.date(2024, 5, 6), place="王庄村矛盾化解“三理”室", public=True,
        attendees="王庄村3组组长 马春生（旁听）", notice_read=True,
        evidence=[
            Evidence("1992年宅基地使用证复印件", APPLICANT, True, "与原件核对一致"),
            Evidence("被推倒院墙的照片6张", RESPONDENT, False, ""),
        ],
        within_scope=True, legal_basis=LEGAL_BASIS, harms_none=True, corrections="",
        reason={point: (Verdict.MET, note) for point, note in REASON_NOTES.items()},
        witnesses=[WitnessAnswer(WITNESS_ID, "孙立新", COMMITMENT)],
        outcome=Outcome.ORAL, outcome_text=ORAL_AGREEMENT,
        risk=True, risk_note=RISK_NOTE, police_informed=True,
    )
    data.reason[ReasonPoint.FARMING] = (Verdict.NOT_APPLICABLE, "")
    data.parties[APPLICANT] = PartyRecord(True, True, True, APPLICANT_STATEMENT, "要求李秀英赔偿推倒院墙的损失。",
                                          "激动", "缓和", "王明理讲了两家老辈的交情，张建国说“看在老人的面子上”。")
    data.parties[RESPONDENT] = PartyRecord(True, True, True, RESPONDENT_STATEMENT, "要求按原界线砌墙，解决排水。",
                                           "委屈", "满意", "张德福先肯定她着急有理，再讲推墙不对，她主动提出赔砖钱。")
    return data


def context(data: SittingData, **kw) -> RecordContext:
    hosts, elders, witnesses, recorder = people()
    values = dict(committee_name=COMMITTEE, case=the_case(), sitting_number=2, hosts=hosts, elders=elders,
                  witnesses=witnesses, recorder=recorder, data=data, rights_notice=RIGHTS_NOTICE)
    values.update(kw)
    return RecordContext(**values)


def pages(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def flat(path) -> str:
    """All text without whitespace: wrapped lines join up again."""
    return re.sub(r"\s+", "", "".join(pages(path)))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def oral_record(tmp_path):
    return build_mediation_record(context(oral_agreement_sitting()), tmp_path / "record" / "记录.pdf")


def test_header_fields(oral_record):
    assert oral_record.name == "记录.pdf" and oral_record.exists()
    assert [p.name for p in oral_record.parent.iterdir()] == ["记录.pdf"]  # no .tmp left behind
    text = flat(oral_record)
    assert COMMITTEE in text and "人民调解记录" in text
    assert squeeze(CASE_NUMBER) in text and "第2次调解" in text
    for field in ("时间", "地点", "事由", "参加人", "当事人", "调解员", "记录人"):
        assert field in text
    assert "2024年5月6日" in text
    assert "王庄村矛盾化解“三理”室" in text
    assert "张建国、李秀英房屋宅基地纠纷" in text  # case.title
    assert "乡镇国土资源所孙立新（见证人）" in text and "马春生（旁听）" in text
    assert "张建国（申请人）" in text and "李秀英（被申请人）" in text
    assert "刘振华（主持人，王庄村委会主任，村干部）" in text
    assert "赵卫东（主持人，王庄镇派出所民警，联村干警）" in text
    assert "王明理（明白人，老党员）" in text and "张德福（明白人，老教师）" in text
    assert "陈晓燕（王庄村委会文书）" in text
    assert "是否公开公开调解" in text and "不公开调解" not in text
    assert "未到场" not in text


def test_body_sections_in_order(oral_record):
    text = flat(oral_record)
    headings = ["一、告知", "二、当事人陈述", "三、以法为准", "四、以理为基（明白人评理）", "五、以情为引",
                "六、见证人承诺", "七、处理结果"]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    assert squeeze(RIGHTS_NOTICE) in text
    assert "张建国（申请人）：确认已听清上述权利义务；表示自愿接受调解。" in text
    # statements and claims
    assert squeeze(APPLICANT_STATEMENT) in text and squeeze(RESPONDENT_STATEMENT) in text
    assert "请求事项：要求李秀英赔偿推倒院墙的损失。" in text
    # evidence: what, by whom, checked or not
    assert "1992年宅基地使用证复印件；提供人：张建国；已核对；说明：与原件核对一致。" in text
    assert "被推倒院墙的照片6张；提供人：李秀英；未核对。" in text
    # law
    assert "属于人民调解的范围" in text
    assert squeeze(LEGAL_BASIS) in text
    assert "不损害当事人的合法权益，不损害第三人利益和社会公共利益" in text
    assert "纠正意见：（无）" in text
    # the five points, with their verdicts and notes
    for point in ReasonPoint:
        assert point.label in text
    for note in REASON_NOTES.values():
        assert squeeze(note) in text
    assert "符合生产惯例不涉及（无）" in text
    assert text.count("符合") >= 5
    # moods
    assert "张建国（申请人）：调解开始时激动，结束时缓和。" in text
    assert "李秀英（被申请人）：调解开始时委屈，结束时满意。" in text
    assert "看在老人的面子上" in text and "她主动提出赔砖钱" in text
    # witness, outcome, risk
    assert "乡镇国土资源所孙立新：" + squeeze(COMMITMENT) in text
    assert "处理结果：达成口头协议" in text
    assert "口头协议内容：" + squeeze(ORAL_AGREEMENT) in text
    assert "风险提示：本纠纷有激化的可能。" + squeeze(RISK_NOTE) + "已向公安机关报告。" in text
    assert READ_BACK in text
    assert text.index("七、处理结果") < text.index(READ_BACK)


def test_signature_lines(oral_record):
    text = flat(oral_record)
    tail = text[text.index(READ_BACK):]
    assert tail.index("当事人（签名或按指印）：") < tail.index("调解员（签名）：") < tail.index("参加人（签名）：") \
        < tail.index("记录人（签名）：") < tail.index("（人民调解委员会印章）")
    parties = tail[tail.index("当事人（签名或按指印）："):tail.index("调解员（签名）：")]
    assert "张建国：" in parties and "李秀英：" in parties
    mediators = tail[tail.index("调解员（签名）："):tail.index("参加人（签名）：")]
    for name in ("刘振华", "赵卫东", "王明理", "张德福"):
        assert name + "：" in mediators
    assert "孙立新：" in tail[tail.index("参加人（签名）："):tail.index("记录人（签名）：")]
    assert "陈晓燕：" in tail[tail.index("记录人（签名）："):]
    seal = tail[tail.index("（人民调解委员会印章）"):]
    assert "2024年5月6日" in seal


def test_page_footer(oral_record):
    texts = pages(oral_record)
    for n, page in enumerate(texts, start=1):
        assert f"第{n}页 共{len(texts)}页" in page
        assert CASE_NUMBER in page


def test_termination_prints_reason_and_routes(tmp_path):
    data = oral_agreement_sitting()
    data.parties[RESPONDENT].voluntary = False
    data.parties[RESPONDENT].mood_end = "对立"
    data.outcome = Outcome.TERMINATED
    data.outcome_text = ""
    data.termination_reason = "李秀英坚持先拆墙再谈，明确表示不再接受调解。"
    data.routes = (Route.LITIGATION, Route.ADMINISTRATIVE)
    data.risk, data.police_informed = True, False
    data.witnesses = []
    data.public, data.public_reason = False, "李秀英要求不公开，涉及家庭隐私"
    text = flat(build_mediation_record(context(data, sitting_number=1), tmp_path / "终止.pdf"))

    assert "第1次调解" in text
    assert "不公开调解（原因：李秀英要求不公开，涉及家庭隐私）" in text
    assert "李秀英（被申请人）：确认已听清上述权利义务；明确表示不同意调解（人民调解法第十七条" in text
    assert "处理结果：调解终止" in text
    assert "终止调解的原因：李秀英坚持先拆墙再谈，明确表示不再接受调解。" in text
    assert "可以依法向人民法院起诉、请求行政机关处理，维护自己的合法权益（人民调解法第二十六条）" in text
    assert "申请仲裁" not in text  # only the routes actually told
    assert "口头协议内容" not in text
    assert "尚未向公安机关报告（人民调解法第二十五条" in text
    assert "乡镇国土资源所孙立新：未记录承诺或答复。" in text


def test_refusal_without_a_typed_reason_still_names_who_refused(tmp_path):
    data = oral_agreement_sitting()
    data.parties[APPLICANT].voluntary = False
    data.outcome, data.termination_reason, data.routes = Outcome.TERMINATED, "", (Route.LITIGATION,)
    text = flat(build_mediation_record(context(data), tmp_path / "r.pdf"))
    assert "终止调解的原因：张建国明确表示不同意调解（人民调解法第十七条）。" in text


@pytest.mark.parametrize("outcome, expected", [
    (Outcome.WRITTEN, "另行制作人民调解协议书"),
    (Outcome.OPINION, "化解意见：三日内"),
    (Outcome.ADJOURNED, "再次调解的安排：三日内"),
])
def test_other_outcomes(tmp_path, outcome, expected):
    data = oral_agreement_sitting()
    data.outcome, data.outcome_text, data.risk = outcome, "三日内国土所放线后再议。", False
    text = flat(build_mediation_record(context(data), tmp_path / "r.pdf"))
    assert expected in text
    assert "风险提示：（无）" in text


def test_empty_sitting_prints_none_and_absence(tmp_path):
    data = SittingData(held_on=None, place="王庄村委会", no_witness_needed=True)
    data.parties[RESPONDENT] = PartyRecord(present=False)
    text = flat(build_mediation_record(
        context(data, witnesses=(), recorder=None, elders=(), rights_notice=""), tmp_path / "empty.pdf"))
    assert "李秀英（被申请人，未到场）" in text
    assert "未到场，无陈述。" in text
    assert "陈述：（无）" in text  # the applicant, whose presence was not recorded
    assert "证据材料：（无）" in text
    assert "依据的法律、法规和政策：（无）" in text
    assert "本次调解不需要见证人作出承诺或答复。" in text
    assert "参加人（签名）：（无）" in text
    assert "处理结果：未选择" in text
    assert "评理明白人：（无）" in text
    assert text.count("年月日") == 2  # blank dates to fill in by hand: the header and the seal


def test_long_statements_flow_onto_later_pages(tmp_path):
    data = oral_agreement_sitting()
    long_text = "".join(f"第{i}段：" + APPLICANT_STATEMENT for i in range(1, 30))
    assert len(long_text) > 3000
    data.parties[APPLICANT].statement = long_text
    data.parties[RESPONDENT].statement = long_text.replace("第", "其")
    data.attendees = "、".join(f"王庄村{i}组村民代表" for i in range(1, 40))  # a tall header cell
    data.reason[ReasonPoint.FAIR] = (Verdict.MET, REASON_NOTES[ReasonPoint.FAIR] * 25)
    path = build_mediation_record(context(data), tmp_path / "long.pdf")

    texts = pages(path)
    assert len(texts) >= 4
    assert "第1页 共{}页".format(len(texts)) in texts[0]
    joined = squeeze("".join(texts))
    for i in (1, 15, 29):  # the page footers interrupt the whole text: check it piece by piece
        assert squeeze(f"第{i}段：" + APPLICANT_STATEMENT) in joined
    assert "第29段" in "".join(texts[1:])  # flowed past page 1
    assert squeeze(REASON_NOTES[ReasonPoint.FAIR] * 3) in joined


def test_markup_characters_survive(tmp_path):
    data = oral_agreement_sitting()
    data.parties[APPLICANT].statement = "墙高<2米> & 宽度>30cm，<b>不是加粗</b> A&B 1<2"
    data.legal_basis = "《民法典》第288条 & 第296条 <相邻关系>"
    data.outcome_text = "赔偿 <300元> & 赔礼"
    data.place = "李家院 <东> & 西"
    text = flat(build_mediation_record(context(data), tmp_path / "markup.pdf"))
    assert squeeze("墙高<2米> & 宽度>30cm，<b>不是加粗</b> A&B 1<2") in text
    assert squeeze("《民法典》第288条 & 第296条 <相邻关系>") in text
    assert squeeze("赔偿 <300元> & 赔礼") in text
    assert squeeze("李家院 <东> & 西") in text


def embedded(font) -> bool:
    descriptor = font.get("/FontDescriptor")
    if descriptor is None and "/DescendantFonts" in font:
        descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return "/FontFile2" in descriptor or "/FontFile3" in descriptor


def test_only_the_embedded_cjk_font(oral_record):
    fonts = {}
    for page in PdfReader(str(oral_record)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert fonts and all("NotoSansSC" in name for name in fonts)
    assert [name for name, font in fonts.items() if not embedded(font)] == []


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_agrees(oral_record):
    out = subprocess.run(["pdffonts", str(oral_record)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        assert "NotoSansSC" in row and " yes " in row  # embedded


def test_a4_portrait(oral_record):
    box = PdfReader(str(oral_record)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_a_failed_render_leaves_nothing(tmp_path, monkeypatch):
    from reportlab.platypus import SimpleDocTemplate

    def broken(self, *args, **kwargs):
        with open(self.filename, "wb") as f:
            f.write(b"%PDF-1.4 half")
        raise OSError("disk full")

    target = tmp_path / "out" / "r.pdf"
    target.parent.mkdir()
    target.write_bytes(b"old")
    monkeypatch.setattr(SimpleDocTemplate, "build", broken)
    with pytest.raises(OSError):
        build_mediation_record(context(oral_agreement_sitting()), target)
    assert target.read_bytes() == b"old"  # the old file is untouched
    assert [p.name for p in target.parent.iterdir()] == ["r.pdf"]


def test_text_typed_for_a_party_no_longer_in_the_case_is_kept(tmp_path):
    data = oral_agreement_sitting()
    data.parties[99] = PartyRecord(True, True, True, "我是后来移出本案的当事人。")
    data.parties[98] = PartyRecord()  # touched but never filled in: nothing to print
    text = flat(build_mediation_record(context(data), tmp_path / "r.pdf"))
    assert "编号99的当事人（不在本案当事人名单中）" in text and "我是后来移出本案的当事人。" in text
    assert "编号98" not in text
    signatures = text[text.index("当事人（签名或按指印）："):text.index("调解员（签名）：")]
    assert "编号99" not in signatures


def test_an_organisation_party_and_a_typed_witness(tmp_path):
    from tests.helpers import individual, organisation

    case, errors, _ = check_case(valid_case_input(dt.date(2024, 5, 2), parties=[individual(), organisation()]),
                                 today=TODAY)
    assert case is not None, errors
    case = replace(case, case_number=CASE_NUMBER,
                   parties=(replace(case.parties[0], id=APPLICANT), replace(case.parties[1], id=RESPONDENT)))
    data = oral_agreement_sitting()
    data.witnesses.append(WitnessAnswer(None, "周会计", "村财务账目三日内公开。"))
    text = flat(build_mediation_record(context(data, case=case), tmp_path / "r.pdf"))
    assert "新野县王庄农机专业合作社（被申请人，法定代表人：王保国）" in text
    assert "周会计：村财务账目三日内公开。" in text


def test_no_witness_and_nothing_recorded_prints_none_under_the_witness_section(tmp_path):
    data = oral_agreement_sitting()
    data.witnesses, data.no_witness_needed = [], False
    text = flat(build_mediation_record(context(data, witnesses=()), tmp_path / "r.pdf"))
    assert "六、见证人承诺（无）七、处理结果" in text


def test_parties_are_numbered_in_chinese_however_many_there_are(tmp_path):
    case = the_case()
    template = case.parties[1]
    names = ["钱一", "孙二", "李三", "周四", "吴五", "郑六", "王七", "冯八", "陈九", "褚十"]
    extra = tuple(replace(template, id=100 + n, name=name) for n, name in enumerate(names))
    path = build_mediation_record(context(oral_agreement_sitting(), case=replace(case, parties=case.parties + extra)),
                                  tmp_path / "r.pdf")
    text = flat(path)
    for n, name in zip(("十", "十一", "十二"), names[-3:]):
        assert f"（{n}）{name}（被申请人）" in text
    assert not re.search(r"（\d{1,2}）", text)
