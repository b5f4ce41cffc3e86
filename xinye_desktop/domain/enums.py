"""Fixed vocabularies of the mediation domain, stored by stable code, shown by Chinese label."""

from __future__ import annotations

from enum import Enum

from .i18n import QT_TRANSLATE_NOOP

CTX = "Vocabulary"


class Labelled(str, Enum):
    """A str enum whose members carry a Chinese label (translatable in the UI, context "Vocabulary")."""

    label: str

    def __new__(cls, code: str, label: str) -> "Labelled":
        member = str.__new__(cls, code)
        member._value_ = code
        member.label = label
        return member

    @classmethod
    def from_code(cls, code: str | None):
        return None if code is None else cls(code)


class DisputeType(Labelled):
    """The 15 categories of the official monthly report (domain.md §3); OTHER needs a note."""

    MARRIAGE_FAMILY = ("marriage_family", QT_TRANSLATE_NOOP("Vocabulary", "婚姻家庭纠纷"))
    NEIGHBOUR = ("neighbour", QT_TRANSLATE_NOOP("Vocabulary", "邻里纠纷"))
    HOUSING_HOMESTEAD = ("housing_homestead", QT_TRANSLATE_NOOP("Vocabulary", "房屋宅基地纠纷"))
    CONTRACT = ("contract", QT_TRANSLATE_NOOP("Vocabulary", "合同纠纷"))
    PRODUCTION_BUSINESS = ("production_business", QT_TRANSLATE_NOOP("Vocabulary", "生产经营纠纷"))
    DAMAGES = ("damages", QT_TRANSLATE_NOOP("Vocabulary", "损害赔偿纠纷"))
    FOREST_LAND = ("forest_land", QT_TRANSLATE_NOOP("Vocabulary", "山林土地纠纷"))
    EXPROPRIATION = ("expropriation", QT_TRANSLATE_NOOP("Vocabulary", "征地拆迁纠纷"))
    POLLUTION = ("pollution", QT_TRANSLATE_NOOP("Vocabulary", "环境污染纠纷"))
    LABOUR = ("labour", QT_TRANSLATE_NOOP("Vocabulary", "劳动争议纠纷"))
    CONSUMER = ("consumer", QT_TRANSLATE_NOOP("Vocabulary", "消费纠纷"))
    MEDICAL = ("medical", QT_TRANSLATE_NOOP("Vocabulary", "医疗纠纷"))
    TRAFFIC = ("traffic", QT_TRANSLATE_NOOP("Vocabulary", "道路交通事故纠纷"))
    PROPERTY_MANAGEMENT = ("property_management", QT_TRANSLATE_NOOP("Vocabulary", "物业纠纷"))
    OTHER = ("other", QT_TRANSLATE_NOOP("Vocabulary", "其他纠纷"))


class CaseSource(Labelled):
    """案件来源 of the 受理登记表; OTHER needs a note."""

    PARTY_APPLICATION = ("party_application", QT_TRANSLATE_NOOP("Vocabulary", "当事人申请"))
    COMMITTEE_INITIATIVE = ("committee_initiative", QT_TRANSLATE_NOOP("Vocabulary", "调委会主动调解"))
    POLICE_REFERRAL = ("police_referral", QT_TRANSLATE_NOOP("Vocabulary", "公安机关移交"))
    COURT_ENTRUSTED = ("court_entrusted", QT_TRANSLATE_NOOP("Vocabulary", "法院委托"))
    OTHER = ("other", QT_TRANSLATE_NOOP("Vocabulary", "其他"))


class CaseStatus(Labelled):
    """The mediation stage of a case. Performance and judicial confirmation are tracked apart."""

    ACCEPTED = ("accepted", QT_TRANSLATE_NOOP("Vocabulary", "已受理"))
    MEDIATING = ("mediating", QT_TRANSLATE_NOOP("Vocabulary", "调解中"))
    AGREEMENT_WRITTEN = ("agreement_written", QT_TRANSLATE_NOOP("Vocabulary", "达成协议（书面）"))
    AGREEMENT_ORAL = ("agreement_oral", QT_TRANSLATE_NOOP("Vocabulary", "达成协议（口头）"))
    TERMINATED = ("terminated", QT_TRANSLATE_NOOP("Vocabulary", "调解终止"))
    REJECTED = ("rejected", QT_TRANSLATE_NOOP("Vocabulary", "不予受理"))


class PerformanceStatus(Labelled):
    """履行情况 of an agreement (Art. 31: the committee supervises performance)."""

    PERFORMING = ("performing", QT_TRANSLATE_NOOP("Vocabulary", "履行中"))
    PERFORMED = ("performed", QT_TRANSLATE_NOOP("Vocabulary", "已履行"))
    PARTIAL = ("partial", QT_TRANSLATE_NOOP("Vocabulary", "部分履行"))
    NOT_PERFORMED = ("not_performed", QT_TRANSLATE_NOOP("Vocabulary", "未履行"))


class ConfirmationStatus(Labelled):
    """司法确认 of a written agreement (Art. 33)."""

    APPLIED = ("applied", QT_TRANSLATE_NOOP("Vocabulary", "司法确认申请中"))
    CONFIRMED = ("confirmed", QT_TRANSLATE_NOOP("Vocabulary", "已司法确认"))
    REFUSED = ("refused", QT_TRANSLATE_NOOP("Vocabulary", "不予确认"))


class PartyKind(Labelled):
    INDIVIDUAL = ("individual", QT_TRANSLATE_NOOP("Vocabulary", "个人"))
    ORGANISATION = ("organisation", QT_TRANSLATE_NOOP("Vocabulary", "单位"))


class PartyRole(Labelled):
    APPLICANT = ("applicant", QT_TRANSLATE_NOOP("Vocabulary", "申请人"))
    RESPONDENT = ("respondent", QT_TRANSLATE_NOOP("Vocabulary", "被申请人"))
    THIRD_PARTY = ("third_party", QT_TRANSLATE_NOOP("Vocabulary", "第三人"))


class Sex(Labelled):
    MALE = ("male", QT_TRANSLATE_NOOP("Vocabulary", "男"))
    FEMALE = ("female", QT_TRANSLATE_NOOP("Vocabulary", "女"))


class ElderIdentity(Labelled):
    """五老 and other: where a 明白人 comes from (domain.md §4)."""

    VETERAN_CADRE = ("veteran_cadre", QT_TRANSLATE_NOOP("Vocabulary", "老干部"))
    VETERAN_PARTY_MEMBER = ("veteran_party_member", QT_TRANSLATE_NOOP("Vocabulary", "老党员"))
    VETERAN_MODEL = ("veteran_model", QT_TRANSLATE_NOOP("Vocabulary", "老模范"))
    VETERAN_TEACHER = ("veteran_teacher", QT_TRANSLATE_NOOP("Vocabulary", "老教师"))
    VETERAN_SOLDIER = ("veteran_soldier", QT_TRANSLATE_NOOP("Vocabulary", "老军人"))
    OTHER = ("other", QT_TRANSLATE_NOOP("Vocabulary", "其他"))


class ElderSelection(Labelled):
    VILLAGE_MEETING = ("village_meeting", QT_TRANSLATE_NOOP("Vocabulary", "村民会议推选"))
    COMMITTEE_APPOINTED = ("committee_appointed", QT_TRANSLATE_NOOP("Vocabulary", "村委会聘任"))


# The 56 nationalities (民族) of the PRC, in the order of GB 3304; 汉族 first as the usual default.
ETHNIC_GROUPS: tuple[str, ...] = (
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
    "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
    "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
    "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
    "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
    "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
)
