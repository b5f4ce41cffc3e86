"""Small dialogs of the 选择明白人 page: proposing, refusing, recusal, declaring a relation."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit, QVBoxLayout,
)

from ..domain.selection import RELATION_SUGGESTIONS
from .i18n import translate, vtr
from .widgets import FieldBox, NoticeLabel, set_minimum_width

COMMITTEE = -1  # the 调委会 as proposer in the combos (parties have positive ids)


class ChoiceDialog(QDialog):
    """A titled form with optional drop-downs and a text that can be required.

    ``combos`` are (key, label, [(text, data), ...]); the chosen data are in ``values``.
    """

    def __init__(self, title: str, *, intro: str = "", notice: tuple[str, str] | None = None,
                 combos: list[tuple[str, str, list[tuple[str, object]]]] = (), text_label: str = "",
                 text_required: bool = False, text_placeholder: str = "", ok_text: str = "", editable: set[str] = frozenset(),
                 parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._text_required = text_required
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        if notice:
            box = NoticeLabel()
            box.show_notice(*notice)
            layout.addWidget(box)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for key, label, items in combos:
            combo = QComboBox()
            combo.setEditable(key in editable)
            for text, data in items:
                combo.addItem(text, data)
            self.combos[key] = combo
            form.addRow(label, combo)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(text_placeholder)
        self.text.setFixedHeight(72)
        self.text_box = FieldBox(self.text)
        if text_label:
            form.addRow(text_label, self.text_box)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text or translate("ChoiceDialog", "确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("ChoiceDialog", "取消"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.text_widget = self.text if text_label else None
        set_minimum_width(self, 520)
        self.adjustSize()
        # Wrapped labels need their height for the final width: size once more after layout.
        self.resize(self.width(), self.heightForWidth(self.width()) if self.hasHeightForWidth() else self.height())

    def _accept(self) -> None:
        if self.text_widget is not None and self._text_required and not self.text.toPlainText().strip():
            self.text_box.set_error(translate("ChoiceDialog", "此项必须填写"))
            self.text.setFocus()
            return
        self.accept()

    def value(self, key: str):
        combo = self.combos[key]
        if combo.isEditable():
            index = combo.findText(combo.currentText())
            return combo.currentText() if index < 0 else (combo.itemData(index) or combo.currentText())
        return combo.currentData()

    @property
    def reason(self) -> str:
        return self.text.toPlainText().strip()


def proposer_items(state) -> list[tuple[str, object]]:
    items = [(translate("ChoiceDialog", "{name}（当事人）").format(name=p.name), p.id) for p in state.parties]
    items.append((translate("ChoiceDialog", "调委会"), COMMITTEE))
    return items


def _term_over_text(elder_name: str, term_end) -> str:
    return translate("ChoiceDialog", "{name}的三年任期已于{day}届满，尚未重新推选，已不在上墙名单上。"
                     "当事人仍可自愿选择他（她）（人民调解法第十九、二十条）：请先向各方当事人说明，"
                     "各方知情后仍愿意，再提名。").format(name=elder_name, day=term_end.isoformat())


def propose_dialog(parent, state, elder_name: str, conflicts: list, term_end=None) -> ChoiceDialog:
    """``term_end``: given when the elder's term is over; the dialog then asks to confirm (仍然提名)."""
    notice = None
    text_label = ""
    warnings = []
    if term_end is not None:
        warnings.append(_term_over_text(elder_name, term_end))
    if conflicts:
        lines = "\n".join("· " + c.text(vtr) for c in conflicts)
        warnings.append(translate("ChoiceDialog", "请注意回避情形：\n{lines}\n请向各方当事人说明。各方知情后仍愿意选他（她），"
                                  "请在下面写明；不写则提名后须再确认。").format(lines=lines))
        text_label = translate("ChoiceDialog", "调解员确认记录")
    if warnings:
        notice = ("warning", "\n\n".join(warnings))
    return ChoiceDialog(
        translate("ChoiceDialog", "提名明白人：{name}").format(name=elder_name),
        intro=translate("ChoiceDialog", "由谁提名？提名的当事人视为同意；其他当事人须逐一表态。"),
        notice=notice, combos=[("proposer", translate("ChoiceDialog", "提名人"), proposer_items(state))],
        text_label=text_label, text_placeholder=translate("ChoiceDialog", "如：双方均知悉明白人与申请人同姓不同支，仍同意由其评理"),
        ok_text=translate("ChoiceDialog", "仍然提名") if term_end is not None else translate("ChoiceDialog", "提名"),
        parent=parent)


def term_over_dialog(parent, elder_name: str, term_end) -> ChoiceDialog:
    """Confirm proposing an elder whose term is over (after a party named them when refusing another)."""
    return ChoiceDialog(
        translate("ChoiceDialog", "任期已满：{name}").format(name=elder_name),
        notice=("warning", _term_over_text(elder_name, term_end)),
        ok_text=translate("ChoiceDialog", "仍然提名"), parent=parent)


def refuse_dialog(parent, party_name: str, elder_name: str, alternatives: list[tuple[str, int]]) -> ChoiceDialog:
    items = [(translate("ChoiceDialog", "暂不提名"), None)] + alternatives
    return ChoiceDialog(
        translate("ChoiceDialog", "{party}不同意{elder}").format(party=party_name, elder=elder_name),
        intro=translate("ChoiceDialog", "当事人有权拒绝明白人（人民调解法第二十三条）。请记下理由；"
                        "当事人可以同时提名另一位明白人，也可以稍后用“库外人选（一事一议）”提名库外的人。"),
        combos=[("alternative", translate("ChoiceDialog", "改提名"), items)],
        text_label=translate("ChoiceDialog", "不同意的理由 *"), text_required=True,
        ok_text=translate("ChoiceDialog", "记录"), parent=parent)


def recusal_dialog(parent, state, choice) -> ChoiceDialog:
    who = [(translate("ChoiceDialog", "{name}（明白人本人）").format(name=choice.elder.name), None)]
    who += [(translate("ChoiceDialog", "{name}（当事人）").format(name=p.name), p.id) for p in state.parties]
    return ChoiceDialog(
        translate("ChoiceDialog", "申请回避：{name}").format(name=choice.elder.name),
        intro=translate("ChoiceDialog", "明白人本人或任何一方当事人都可以申请回避。回避后请各方重新选定明白人。"),
        combos=[("by", translate("ChoiceDialog", "申请人"), who)],
        text_label=translate("ChoiceDialog", "回避理由 *"), text_required=True,
        ok_text=translate("ChoiceDialog", "回避"), parent=parent)


def withdraw_dialog(parent, choice) -> ChoiceDialog:
    return ChoiceDialog(
        translate("ChoiceDialog", "撤回提名：{name}").format(name=choice.elder.name),
        intro=translate("ChoiceDialog", "撤回后这条提名仍留在记录中，标为“已撤回”。"),
        text_label=translate("ChoiceDialog", "撤回原因 *"), text_required=True,
        ok_text=translate("ChoiceDialog", "撤回"), parent=parent)


def relation_dialog(parent, state, choice) -> ChoiceDialog:
    parties = [(p.name, p.id) for p in state.parties]
    relations = [(vtr(text), text) for text in RELATION_SUGGESTIONS]  # stored in Chinese, shown translated
    return ChoiceDialog(
        translate("ChoiceDialog", "申报关系：{name}").format(name=choice.elder.name),
        intro=translate("ChoiceDialog", "明白人与某方当事人有亲属、邻里、经济往来等关系时，在这里记下；"
                        "记下后须由调解员向各方说明并确认。清空关系一栏即为撤销申报。"),
        combos=[("party", translate("ChoiceDialog", "当事人"), parties),
                ("relation", translate("ChoiceDialog", "关系"), [("", "")] + relations)],
        editable={"relation"}, ok_text=translate("ChoiceDialog", "记录"), parent=parent)


def confirm_dialog(parent, choice) -> ChoiceDialog:
    lines = "\n".join("· " + c.text(vtr) for c in choice.conflicts)
    return ChoiceDialog(
        translate("ChoiceDialog", "确认回避情形：{name}").format(name=choice.elder.name),
        notice=("warning", lines),
        intro=translate("ChoiceDialog", "向各方当事人说明上述情形。各方知情后仍同意由他（她）评理的，写明确认情况。"
                        "否则请用“申请回避”。"),
        text_label=translate("ChoiceDialog", "确认记录 *"), text_required=True,
        ok_text=translate("ChoiceDialog", "确认"), parent=parent)
