"""The 人民调解协议书 a mediator types after the sitting (the same form for the showcase, which saves it
through AgreementService, and for the bulk cases), and the archiving of the bulk-signed agreements as
printing them in the app would have."""

from __future__ import annotations

import datetime as dt
import random

from ..domain.agreement import AgreementInput, ClauseInput, PaymentMeans, PaymentMode, canonical_json
from ..domain.enums import DisputeType
from ..storage import bulk
from ..storage.database import Database

RESPONSIBILITIES = "经调解，双方均认可各自在纠纷中负有一定责任，愿意互谅互让。"
CLOSING_CLAUSE = "双方今后互谅互让，和睦相处，不再因此事发生争执。"
# A relationship the court may not confirm (法释〔2011〕5号): domain.agreement.confirmable says so.
RELATION_CLAUSE = "双方自愿离婚，{a}与{b}于{days}日内共同到县民政局办理离婚登记。"

# The agreed term each dispute type usually ends in: (content, amounts, who owes whom, mode, means, days).
# ``owes``: (obligor, obligee) as positions among the parties; the amount in yuan, or None for an act.
CLAUSES: dict[DisputeType, tuple] = {
    DisputeType.MARRIAGE_FAMILY: ("{b}每月10日前给付子女生活费", (600, 800, 1000), (1, 0), PaymentMode.INSTALMENTS,
                                  PaymentMeans.TRANSFER, 10),
    DisputeType.NEIGHBOUR: ("{b}清理两家之间过道上的柴草杂物，保证通行", None, (1, 0), None, PaymentMeans.ACT, 7),
    DisputeType.HOUSING_HOMESTEAD: ("{a}拆除越界部分院墙，按原宅基地使用证确定的四至重建", None, (0, 1), None,
                                    PaymentMeans.ACT, 30),
    DisputeType.CONTRACT: ("{b}分两期付清所欠小麦货款", (12000,), (1, 0), PaymentMode.INSTALMENTS,
                           PaymentMeans.TRANSFER, 45),
    DisputeType.PRODUCTION_BUSINESS: ("{b}扣除垫付的维修费用后，向{a}支付应分得的销售款", (4600, 5200), (1, 0),
                                      PaymentMode.LUMP_SUM, PaymentMeans.TRANSFER, 15),
    DisputeType.DAMAGES: ("{b}赔偿{a}花生损失", (1500, 2200, 2500), (1, 0), PaymentMode.LUMP_SUM,
                          PaymentMeans.CASH, 10),
    DisputeType.FOREST_LAND: ("双方按土地承包经营权证重新埋设界桩，{b}恢复被填平的界沟", None, (1, 0), None,
                              PaymentMeans.ACT, 20),
    DisputeType.EXPROPRIATION: ("{b}会同村委会核实地上果树后，补发{a}果树补偿款", (1800, 2400), (1, 0),
                                PaymentMode.LUMP_SUM, PaymentMeans.TRANSFER, 30),
    DisputeType.POLLUTION: ("{b}建成粪污处理设施，停止向沟渠直排粪污", None, (1, 0), None, PaymentMeans.ACT, 90),
    DisputeType.LABOUR: ("{b}支付拖欠{a}的劳务工资", (9600,), (1, 0), PaymentMode.INSTALMENTS, PaymentMeans.TRANSFER,
                         30),
    DisputeType.CONSUMER: ("{b}为{a}免费更换电动三轮车电池", None, (1, 0), None, PaymentMeans.GOODS, 7),
    DisputeType.MEDICAL: ("{b}补偿{a}医疗费、误工费", (1500, 2000), (1, 0), PaymentMode.LUMP_SUM, PaymentMeans.CASH,
                          15),
    DisputeType.TRAFFIC: ("{b}赔偿{a}医疗费、误工费、护理费等", (16000, 18000, 20000), (1, 0),
                          PaymentMode.INSTALMENTS, PaymentMeans.TRANSFER, 60),
    DisputeType.PROPERTY_MANAGEMENT: ("{a}补缴一年物业费，{b}同时修复小区路灯并恢复门禁卡", (960,), (0, 1),
                                      PaymentMode.LUMP_SUM, PaymentMeans.TRANSFER, 15),
    DisputeType.OTHER: ("{b}赔偿{a}损坏的桌椅", (300, 600), (1, 0), PaymentMode.LUMP_SUM, PaymentMeans.CASH, 7),
}


def agreement_form(dtype: DisputeType, parties: list[dict], facts: str, sitting_day: dt.date, rng: random.Random,
                   *, relation: bool = False, deadline_days: int | None = None) -> AgreementInput:
    """The 协议书 a mediator types after the sitting: the facts and each side's claims (as
    AgreementService.starting_form gives them), the agreed term of the dispute's kind, and a closing term.
    ``parties``: dicts with id, name and claims, in the case's order."""
    a, b = parties[0], parties[1]
    names = {"a": a["name"], "b": b["name"]}
    if relation:
        days = deadline_days or 3
        first = ClauseInput(obligor=a["id"], obligee=b["id"], content=RELATION_CLAUSE.format(days=days, **names),
                            means=PaymentMeans.ACT, deadline_text=(sitting_day + dt.timedelta(days=days)).isoformat())
    else:
        content, amounts, (owes, owed), mode, means, days = CLAUSES[dtype]
        days = deadline_days or days
        first = ClauseInput(obligor=parties[owes]["id"], obligee=parties[owed]["id"], content=content.format(**names),
                            amount_text=str(rng.choice(amounts)) if amounts else "", mode=mode, means=means,
                            deadline_text=(sitting_day + dt.timedelta(days=days)).isoformat())
    issues = "\n".join(f"{p['name']}：{p['claims']}" for p in parties if p.get("claims"))
    return AgreementInput(facts=facts, issues=issues, responsibilities=RESPONSIBILITIES,
                          clauses=[first, ClauseInput(content=CLOSING_CLAUSE)])


# The bulk-signed agreements of a demo this size or smaller are archived as PDFs, as printing them in the
# app would have (about 40 ms each: the default 300-case demo has ~170); larger demos (the benchmarks'
# 100,000 cases) keep their content, digest and code without a file.
ARCHIVE_LIMIT = 600


def archive_bulk_agreements(db: Database, case_ids: set[int], limit: int | None = None) -> int:
    """Give the signed agreements the bulk writer left without a PDF (of ``case_ids``) what
    AgreementService.print_agreement gives a printed version: the document of the current hash scheme,
    its digest and code, the archived PDF and that file's own SHA-256; the history's print line names the
    new code. Nothing when there are more than ``limit`` of them. Returns how many were archived."""
    from ..paths import DataPaths
    from ..services.agreements import AgreementService
    from ..services.selection import SelectionService

    limit = ARCHIVE_LIMIT if limit is None else limit
    rows, committee = bulk.unarchived_signed_agreements(db)
    rows = [r for r in rows if r[1] in case_ids]
    if not rows or len(rows) > limit:
        return 0
    paths = DataPaths(db.path.parent)
    service = AgreementService(db, paths, SelectionService(db))
    for agreement_id, case_id, old_code in rows:
        version = next(v for v in service.versions(case_id) if v.id == agreement_id)
        state = service.case_state(case_id)
        content, errors, warnings = service.check(case_id, version.form)
        assert not errors, errors
        document, digest, code, pdf = service.freeze(state, version, content, committee, tuple(warnings))
        bulk.record_archived_agreement(db, agreement_id, case_id, canonical_json(document), digest, code,
                                       str(pdf.relative_to(paths.root)), old_code)
    return len(rows)

