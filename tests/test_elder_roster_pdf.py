"""《矛盾化解“三理”室“明白人”名单》: the village's 明白人 pool printed as the wall list."""

from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader

from xinye_desktop.domain.elders import ElderInput
from xinye_desktop.domain.enums import DisputeType, ElderIdentity, ElderSelection, Sex
from xinye_desktop.services.documents import DocumentRefused, DocumentService, NoActiveElders
from xinye_desktop.services.elders import ElderService

TODAY = dt.date(2024, 5, 6)
VILLAGE = "王庄村"
TITLE = "矛盾化解“三理”室“明白人”名单"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = ("建国", "秀英", "保山", "桂兰", "德福", "玉珍", "振华", "春生", "丰收", "学文")


def elder(name: str, group: str = "1组", phone: str = "", **kw) -> ElderInput:
    kw.setdefault("sex", Sex.MALE)
    kw.setdefault("birth_year_text", "1956")
    kw.setdefault("identity", ElderIdentity.VETERAN_PARTY_MEMBER)
    kw.setdefault("selection", ElderSelection.VILLAGE_MEETING)
    kw.setdefault("selected_on_text", "2023-03-01")
    kw.setdefault("term_end_text", "2026-02-28")
    kw.setdefault("specialties", (DisputeType.NEIGHBOUR,))
    return ElderInput(name=name, village=kw.pop("village", VILLAGE), group=group, phone=phone, **kw)


def many_names(count: int) -> list[str]:
    return [SURNAMES[i % len(SURNAMES)] + GIVEN[i // len(SURNAMES) % len(GIVEN)] for i in range(count)]


@pytest.fixture
def documents(database, data_paths):

    with database.transaction() as uow:
        uow.settings.set("committee_name", "新野县王庄镇王庄村人民调解委员会")
    return DocumentService(database, data_paths, today=lambda: TODAY)


@pytest.fixture
def elders(database):
    return ElderService(database, today=lambda: TODAY)


def page_texts(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def small_pool(elders: ElderService) -> None:
    elders.add(elder("张德福", "3组", "13812345678", identity=ElderIdentity.VETERAN_TEACHER,
                     specialties=(DisputeType.MARRIAGE_FAMILY, DisputeType.HOUSING_HOMESTEAD)))
    elders.add(elder("李秀英", "1组", "13912345678", sex=Sex.FEMALE, identity=ElderIdentity.OTHER,
                     identity_note="村医", selection=ElderSelection.COMMITTEE_APPOINTED))
    gone = elders.add(elder("赵退休", "2组", "13700000000"))
    elders.retire(gone.id, "年事已高")
    elders.add(elder("钱临时", "2组", "13600000000", selection=None, ad_hoc=True))
    elders.add(elder("孙外村", "1组", "13500000000", village="李庄村"))


def test_roster_lists_the_active_pool_without_phones(documents, elders):
    small_pool(elders)
    path = documents.elder_roster(VILLAGE)

    assert path.parent == documents._paths.documents / "rosters"
    assert path.name == "明白人名单-王庄村-20240506.pdf"
    assert not [p for p in path.parent.iterdir() if p.suffix == ".tmp"]  # the temp file was renamed
    text = "\n".join(page_texts(path))
    assert TITLE in text
    assert "新野县王庄镇王庄村人民调解委员会" in text and VILLAGE in text
    for header in ("序号", "姓名", "性别", "年龄", "身份", "产生方式", "任期至", "擅长调解"):
        assert header in text
    assert "张德福" in text and "李秀英" in text
    assert "老教师" in text and "村医" in text
    assert "婚姻家庭、房屋宅基地" in text
    assert "婚姻家庭纠纷" not in text
    assert "村民会议推选" in text and "村委会聘任" in text
    assert "2026.02.28" in text
    assert "68" in text  # born 1956, printed 2024
    assert "赵退休" not in text  # retired
    assert "钱临时" not in text  # 一事一议, not in the pool
    assert "孙外村" not in text  # another village
    assert "联系电话" not in text
    assert "13812345678" not in text and "13912345678" not in text
    assert "自愿选择信任的明白人" in text and "一事一议" in text
    assert "制表" in text and "2024年5月6日" in text
    assert "第1页 共1页" in text
    # 1组 before 3组, whatever the insertion order
    assert text.index("李秀英") < text.index("张德福")


def test_phones_are_printed_only_when_asked(documents, elders):
    small_pool(elders)
    text = "\n".join(page_texts(documents.elder_roster(VILLAGE, show_phone=True)))
    assert "联系电话" in text
    assert "13812345678" in text and "13912345678" in text
    assert "13700000000" not in text  # retired elders stay off, phone or not


def test_long_roster_spans_pages_and_repeats_the_header(documents, elders):
    for i, name in enumerate(many_names(60)):
        elders.add(elder(name, f"{i % 12 + 1}组", f"138{i:08d}",
                         specialties=tuple(DisputeType)[:1 + i % 6]))
    path = documents.elder_roster(VILLAGE)

    pages = page_texts(path)
    assert len(pages) > 1
    assert "序号" in pages[1] and "擅长调解" in pages[1]  # repeatRows
    assert f"第2页 共{len(pages)}页" in pages[1]
    text = "\n".join(pages)
    for name in many_names(60):
        assert name in text


def embedded(font) -> bool:
    descriptor = font.get("/FontDescriptor")
    if descriptor is None and "/DescendantFonts" in font:  # a Type0 font keeps it on its descendant
        descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
    if descriptor is None:  # a standard Type1 font such as Helvetica: never embedded
        return False
    descriptor = descriptor.get_object()
    return "/FontFile2" in descriptor or "/FontFile3" in descriptor


@pytest.mark.parametrize("show_phone", [False, True])
def test_only_the_embedded_cjk_font_is_used(documents, elders, show_phone):
    small_pool(elders)
    reader = PdfReader(str(documents.elder_roster(VILLAGE, show_phone=show_phone)))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert any("NotoSansSC" in name for name in fonts)
    assert [name for name, font in fonts.items() if not embedded(font)] == []


def test_portrait_without_phones_landscape_with_them(documents, elders):
    small_pool(elders)
    portrait = PdfReader(str(documents.elder_roster(VILLAGE))).pages[0].mediabox
    landscape = PdfReader(str(documents.elder_roster(VILLAGE, show_phone=True))).pages[0].mediabox
    assert (round(float(portrait.width)), round(float(portrait.height))) == (595, 842)  # A4
    assert (round(float(landscape.width)), round(float(landscape.height))) == (842, 595)


def test_groups_in_natural_order_then_name(documents, elders):
    elders.add(elder("周十组", "10组"))
    elders.add(elder("王二组", "2组"))
    elders.add(elder("安二组", "2组"))
    elders.add(elder("无组别", ""))
    text = page_texts(documents.elder_roster(VILLAGE))[0]
    positions = [text.index(name) for name in ("安二组", "王二组", "周十组", "无组别")]
    assert positions == sorted(positions)


def test_a_failed_render_leaves_no_file(documents, elders, monkeypatch):
    from xinye_desktop.documents import elder_roster

    small_pool(elders)

    def broken(path, **kw):
        path.write_bytes(b"%PDF-1.4 half")
        raise OSError("disk full")

    monkeypatch.setattr(elder_roster, "render_elder_roster", broken)
    with pytest.raises(OSError):
        documents.elder_roster(VILLAGE)
    assert list((documents._paths.documents / "rosters").iterdir()) == []


def test_wrapping_keeps_long_cells_whole(documents, elders):
    elders.add(elder("欧阳明德", "5组", identity=ElderIdentity.OTHER,
                     identity_note="原村小学校长、县人大代表、致富带头人", specialties=tuple(DisputeType)))
    text = "".join("".join(page_texts(documents.elder_roster(VILLAGE))).split())
    assert "原村小学校长、县人大代表、致富带头人" in text
    assert "、".join(t.label.removesuffix("纠纷") for t in DisputeType) in text


def test_a_village_without_active_elders_is_refused(documents, elders, data_paths):
    gone = elders.add(elder("赵退休", "2组"))
    elders.retire(gone.id, "搬离本村")
    elders.add(elder("钱临时", "2组", selection=None, ad_hoc=True))

    with pytest.raises(NoActiveElders) as refused:
        documents.elder_roster(VILLAGE)
    assert isinstance(refused.value, DocumentRefused)  # the UI shows str() translated
    assert "没有明白人" in str(refused.value)
    with pytest.raises(NoActiveElders):
        documents.elder_roster("不存在村")
    with pytest.raises(NoActiveElders):
        documents.elder_roster("  ")
    assert not (data_paths.documents / "rosters").exists() or not any((data_paths.documents / "rosters").iterdir())


def test_renderer_keeps_the_callers_order_and_leaves_unknowns_blank(tmp_path, elders):
    from xinye_desktop.documents.elder_roster import render_elder_roster

    b = elders.add(elder("王二", "2组", birth_year_text="", term_end_text="", specialties=()))
    a = elders.add(elder("李大", "1组"))
    path = render_elder_roster(tmp_path / "roster.pdf", committee_name="", village=VILLAGE, elders=[b, a],
                               printed_on=TODAY, show_phone=False, stats={})
    text = page_texts(path)[0]
    assert text.index("王二") < text.index("李大")
    assert "人民调解委员会" in text  # fallback when no committee name is set
    assert text.index(VILLAGE) < text.index("序号")  # the village is named under the title


def test_an_elder_whose_term_is_over_is_left_off_the_wall_list(documents, elders):
    """TODAY is 2024-05-06: a term that ended on 2024-03-01 was not renewed; one ending today still runs."""
    small_pool(elders)
    elders.add(elder("周满期", "2组", "13400000000", selected_on_text="2021-03-01", term_end_text="2024-03-01"))
    elders.add(elder("吴今天", "2组", "13300000000", selected_on_text="2021-05-06", term_end_text="2024-05-06"))
    text = "\n".join(page_texts(documents.elder_roster(VILLAGE, show_phone=True)))
    assert "周满期" not in text and "13400000000" not in text
    assert "吴今天" in text and "张德福" in text


def test_a_village_with_only_expired_terms_is_refused_with_the_reason(documents, elders):
    elders.add(elder("周满期", "2组", village="李庄村", selected_on_text="2021-03-01", term_end_text="2024-03-01"))
    with pytest.raises(NoActiveElders) as refused:
        documents.elder_roster("李庄村")
    assert refused.value.term_over == 1 and "任期都已届满" in str(refused.value)
    with pytest.raises(NoActiveElders) as empty:
        documents.elder_roster("张楼村")
    assert empty.value.term_over == 0 and "还没有明白人" in str(empty.value)
