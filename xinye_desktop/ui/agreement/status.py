"""What the 调解协议 tab says about the open case and the version shown: the heading, each version's line
in the version list, and the notice above the form (what to do next, which version is in force)."""

from __future__ import annotations

from ...domain.agreement import AgreementState
from ...services.agreements import version_awaiting, version_in_force
from ..i18n import translate, vtr


def case_heading(case) -> str:
    """The bold line at the top: the open case, or how to open one."""
    if case is None:
        return translate("AgreementTab", "没有打开的案件。请在“案件台账”中双击一个案件。")
    return translate("AgreementTab", "{number}　{title}　状态：{status}").format(
        number=case.case_number, title=case.title, status=vtr(case.status.label))


def version_label(v, versions) -> str:
    """第1版　已签署生效（现行有效）, 第2版　已打印待签（签署后取代第1版）: while a changed version
    waits for signatures, the signed one stays in force, and the list says which is which."""
    text = translate("AgreementTab", "第{n}版　{state}").format(n=v.number, state=vtr(v.state.label))
    in_force, pending = version_in_force(versions), version_awaiting(versions)
    if in_force is not None and pending is not None and pending.number > in_force.number:
        if v.id == in_force.id:
            text += translate("AgreementTab", "（现行有效）")
        elif v.id == pending.id:
            text += translate("AgreementTab", "（签署后取代第{k}版）").format(k=in_force.number)
    return text


def version_notice(current, versions, *, oral: bool, can_draft: bool) -> tuple[str, str]:
    """The notice (a NoticeLabel kind and its text) for the version shown, ``current`` (None: none yet)."""
    in_force, pending = version_in_force(versions), version_awaiting(versions)
    if oral:
        return "info", translate("AgreementTab", "本案达成口头协议：记入人民调解口头协议登记表。")
    if not can_draft and current is None:
        return "info", translate(
            "AgreementTab", "调解达成书面协议（或形成化解意见）后，才能在这里制作人民调解协议书。达成口头协议的，用右下角“制作案卷文书”制作口头协议登记表。")
    if current is None or current.state is AgreementState.DRAFT:
        return "info", translate(
            "AgreementTab", "填写的内容自动保存为草稿。检查无误后点“检查并打印”：打印后内容冻结，并在每页印上核验码。")
    if current.state is AgreementState.PRINTED:
        text = translate(
            "AgreementTab", "第{n}版已打印（核验码 {code}），等待各方当事人签名、按指印，调解员签名并加盖调委会印章；完成后点“登记签署”。").format(
            n=current.number, code=current.code)
        if in_force is not None:
            text += translate("AgreementTab", "签署前，第{k}版（{day}签署）仍然有效。").format(
                k=in_force.number, day=in_force.signed_on.isoformat())
        return "warning", text
    if current.state is AgreementState.SIGNED:
        text = translate("AgreementTab", "第{n}版已于{day}签署生效（核验码 {code}）。").format(
            n=current.number, day=current.signed_on.isoformat(), code=current.code)
        if pending is not None and pending.number > current.number:
            text += translate("AgreementTab", "第{m}版已打印待签，各方签署后取代本版；在此之前本版仍然有效。").format(
                m=pending.number)
        return "ok", text
    return "info", translate("AgreementTab", "第{n}版已被新版本取代，只能查看。").format(n=current.number)
