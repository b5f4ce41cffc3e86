"""受理审查 (以法为准): may the committee accept this dispute for people's mediation?

Rules from domain.md §1: the Act's scope is 民间纠纷; the 2002 司法部 rules (Art. 22) exclude
matters already accepted or settled by a court, the police or another administrative organ, and
matters reserved to specialised organs; a party's clear refusal ends it (Art. 17); a crime must
go to the police (Art. 25). Cases referred by the police or entrusted by a court before they
accept them are exactly what Art. 18 allows, so there the 'already with them' answer only warns.
"""

from __future__ import annotations

from dataclasses import dataclass

from .enums import CaseSource
from .i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class ScreeningAnswers:
    in_court: bool = False          # 法院已立案受理或已作出裁判
    in_police: bool = False         # 公安机关或其他行政机关已受理或已处理
    in_arbitration: bool = False    # 已申请仲裁或仲裁机构已受理
    criminal: bool = False          # 涉嫌刑事犯罪
    public_security: bool = False   # 涉及治安违法行为
    party_refuses: bool = False     # 有当事人明确拒绝调解


@dataclass(frozen=True)
class ScreeningResult:
    blocks: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def blocked(self) -> bool:
        return bool(self.blocks)


def screen(answers: ScreeningAnswers, source: CaseSource | None) -> ScreeningResult:
    blocks: list[str] = []
    warnings: list[str] = []
    if answers.in_court:
        if source is CaseSource.COURT_ENTRUSTED:
            warnings.append(QT_TRANSLATE_NOOP(
                "Screening", "法院委托调解的案件：调解结果须及时告知委托法院（人民调解法第18条）。"))
        else:
            blocks.append(QT_TRANSLATE_NOOP(
                "Screening", "纠纷已由人民法院受理或裁判，人民调解委员会不予受理（《人民调解工作若干规定》第22条）。"))
    if answers.in_police:
        if source is CaseSource.POLICE_REFERRAL:
            warnings.append(QT_TRANSLATE_NOOP(
                "Screening", "公安机关移交的案件：只调解民事部分，结果告知移交的公安机关（人民调解法第18条）。"))
        else:
            blocks.append(QT_TRANSLATE_NOOP(
                "Screening", "纠纷已由公安机关或其他行政机关受理或处理，不予受理（《人民调解工作若干规定》第22条）。"))
    if answers.in_arbitration:
        blocks.append(QT_TRANSLATE_NOOP(
            "Screening", "纠纷已申请仲裁，应由仲裁机构处理，不予受理（人民调解法第3条）。"))
    if answers.criminal:
        blocks.append(QT_TRANSLATE_NOOP(
            "Screening", "涉嫌刑事犯罪，不属于人民调解范围，应及时报告公安机关（人民调解法第25条）。"))
    if answers.public_security:
        warnings.append(QT_TRANSLATE_NOOP(
            "Screening", "涉及治安违法：违法行为由公安机关处理，调委会只能调解其中的民事赔偿部分；有激化可能的要报告公安机关。"))
    if answers.party_refuses:
        blocks.append(QT_TRANSLATE_NOOP(
            "Screening", "有当事人明确拒绝调解，不得调解（人民调解法第17条）。可告知其通过诉讼、仲裁或行政途径解决。"))
    return ScreeningResult(tuple(blocks), tuple(warnings))
