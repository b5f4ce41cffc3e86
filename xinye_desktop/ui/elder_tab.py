"""选择明白人: the parties choose their 明白人 for the open case; the pool and the role lists behind it.

Three pages: 本案人选 (choosing, consents, recusal, and the case's 主持人/见证人/记录人), 明白人库
(the village pools: add, edit, retire, import, print the wall list) and 主持人·见证人·记录人名单.
Every action is saved at once, in its own transaction; nothing waits for a 保存 button.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
    QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget,
)

from ..domain.elders import ElderInput
from ..domain.errors import NotFound, ValidationFailed
from ..domain.identity import mask_phone
from ..domain.roles import PersonInput, Role
from ..domain.selection import ChoiceEnd, ChoiceRefused, ChoiceState, Consent
from .choice_dialogs import (
    COMMITTEE, ChoiceDialog, confirm_dialog, propose_dialog, recusal_dialog, refuse_dialog, relation_dialog,
    term_over_dialog, withdraw_dialog,
)
from .elder_dialog import ElderDialog, PersonDialog
from .i18n import join_list, translate, vtr
from .widgets import Cell, EnumCombo, NoticeLabel, RowsModel, error_text, rows_view, selected_row

NEW_PERSON = "__new__"
STATE_COLOURS = {ChoiceState.PROPOSED: "#7a4a00", ChoiceState.CHOSEN: "#1e6b34", ChoiceState.REFUSED: "#8a1c1c",
                 ChoiceState.RECUSED: "#666666", ChoiceState.WITHDRAWN: "#666666"}
CONSENT_COLOURS = {Consent.PENDING: "#7a4a00", Consent.AGREED: "#1e6b34", Consent.REFUSED: "#8a1c1c"}


def run_dialog(dialog) -> bool:
    """Show a dialog modally; pages call it through ``self.run_dialog`` so tests can answer instead."""
    return bool(dialog.exec())


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _specialties_text(elder) -> str:
    return join_list(vtr(t.label).removesuffix("纠纷") for t in elder.specialties)


class CaseChoicePage(QWidget):
    """本案人选: candidates on the left; the proposals with every party's answer, and the other roles, on the right."""

    changed = Signal(int)

    def __init__(self, selection, elders, people, drafts, parent=None):
        super().__init__(parent)
        self._selection = selection
        self._elders = elders
        self._people = people
        self._drafts = drafts
        self.case_id: int | None = None
        self.state = None
        self.run_dialog = run_dialog
        self._candidates = []

        self.case_label = QLabel()
        self.case_label.setWordWrap(True)
        font = self.case_label.font()
        font.setBold(True)
        self.case_label.setFont(font)
        self.readiness_notice = NoticeLabel()
        self.message = NoticeLabel()

        # Left: the candidates.
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.only_village = QCheckBox()
        self.candidate_model = RowsModel()
        self.candidate_table = rows_view(self.candidate_model)
        self.candidate_table.doubleClicked.connect(self.propose_selected)
        self.propose_button = QPushButton(clicked=self.propose_selected)
        self.ad_hoc_button = QPushButton(clicked=self.propose_ad_hoc)
        self.candidates_box = QGroupBox()
        left = QVBoxLayout(self.candidates_box)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.only_village)
        left.addLayout(search_row)
        left.addWidget(self.candidate_table, 1)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color:#555;")
        left.addWidget(self.legend)
        buttons = QHBoxLayout()
        buttons.addWidget(self.propose_button)
        buttons.addWidget(self.ad_hoc_button)
        buttons.addStretch(1)
        left.addLayout(buttons)

        # Right: proposals (cards) and the other roles.
        self.choices_box = QGroupBox()
        self.cards_layout = QVBoxLayout(self.choices_box)
        self.cards_layout.setSpacing(6)
        self.no_choice_label = QLabel()
        self.no_choice_label.setWordWrap(True)
        self.no_choice_label.setStyleSheet("color:#555;")
        self.cards_layout.addWidget(self.no_choice_label)
        self.cards: list[QFrame] = []

        self.roles_box = QGroupBox()
        roles_grid = QGridLayout(self.roles_box)
        self.role_lists: dict[Role, object] = {}
        self.role_models: dict[Role, RowsModel] = {}
        self.role_people: dict[Role, list] = {}
        self.role_labels: dict[Role, QLabel] = {}
        self.role_add: dict[Role, QPushButton] = {}
        self.role_remove: dict[Role, QPushButton] = {}
        for column, role in enumerate(Role):
            label = QLabel()
            model = RowsModel([""])
            listing = rows_view(model)
            listing.horizontalHeader().hide()
            listing.setMaximumHeight(84)
            self.role_models[role] = model
            self.role_people[role] = []
            add = QPushButton(clicked=lambda _c=False, r=role: self.add_role(r))
            remove = QPushButton(clicked=lambda _c=False, r=role: self.remove_role(r))
            self.role_labels[role], self.role_lists[role] = label, listing
            self.role_add[role], self.role_remove[role] = add, remove
            roles_grid.addWidget(label, 0, column)
            roles_grid.addWidget(listing, 1, column)
            row = QHBoxLayout()
            row.addWidget(add)
            row.addWidget(remove)
            row.addStretch(1)
            roles_grid.addLayout(row, 2, column)

        right_inner = QWidget()
        right_layout = QVBoxLayout(right_inner)
        right_layout.setContentsMargins(0, 0, 4, 0)
        right_layout.addWidget(self.choices_box)
        right_layout.addWidget(self.roles_box)
        right_layout.addStretch(1)
        right = QScrollArea()
        right.setWidgetResizable(True)
        right.setFrameShape(QFrame.Shape.NoFrame)
        right.setWidget(right_inner)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.candidates_box)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.case_label)
        layout.addWidget(self.readiness_notice)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)

        self._search_timer = QTimer(self, singleShot=True, interval=200, timeout=self.refresh_candidates)
        self.search.textChanged.connect(self._search_timer.start)
        self.only_village.toggled.connect(self.refresh_candidates)
        self.retranslate()
        self.set_case(None)

    # -- language ----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.candidates_box.setTitle(translate("CaseChoicePage", "候选明白人（本村的排在前面）"))
        self.search.setPlaceholderText(translate("CaseChoicePage", "按姓名或拼音首字母查找，如 zjg"))
        self.only_village.setText(translate("CaseChoicePage", "只看本村"))
        self.candidate_model.set_headers([
            translate("CaseChoicePage", "姓名"), translate("CaseChoicePage", "村·组"), translate("CaseChoicePage", "身份"),
            translate("CaseChoicePage", "擅长本类纠纷"), translate("CaseChoicePage", "在办"),
            translate("CaseChoicePage", "已办"), translate("CaseChoicePage", "年龄")])
        self.legend.setText(translate("CaseChoicePage", "“在办”是此人在其他案件中正在办理的件数，“已办”是已结束的件数。"
                                      "“任期已满”的明白人三年任期已过、尚未重新推选，当事人仍可自愿选择，提名前须确认。"
                                      "双击或点“提名”把人选交给各方当事人表态。"))
        self.propose_button.setText(translate("CaseChoicePage", "提名…"))
        self.ad_hoc_button.setText(translate("CaseChoicePage", "库外人选（一事一议）…"))
        self.choices_box.setTitle(translate("CaseChoicePage", "本案明白人：提名与各方当事人表态"))
        self.no_choice_label.setText(translate("CaseChoicePage", "还没有提名。请当事人从左边的名单中自愿选择信任的明白人，或共同选定库外人选。"))
        self.roles_box.setTitle(translate("CaseChoicePage", "本案其他人员"))
        titles = {Role.HOST: translate("CaseChoicePage", "主持人（通常为一名干部和一名联村干警）"),
                  Role.WITNESS: translate("CaseChoicePage", "见证人（相关职能部门）"),
                  Role.RECORDER: translate("CaseChoicePage", "记录人")}
        for role in Role:
            self.role_labels[role].setText(titles[role])
            self.role_labels[role].setWordWrap(True)
            self.role_add[role].setText(translate("CaseChoicePage", "添加…"))
            self.role_remove[role].setText(translate("CaseChoicePage", "移除"))
        if self.state is not None:
            self._show_state()
            self.refresh_candidates()  # the rows carry vocabulary labels too
        else:
            self.case_label.setText(translate("CaseChoicePage", "没有打开的案件。请在“案件台账”中双击一个案件，再回到这里为它选择明白人。"))

    # -- case ---------------------------------------------------------------------------
    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id
        self.message.hide()
        if case_id is None:
            self.state = None
            self._clear_cards()
            self.candidate_model.set_rows([])
            for role, model in self.role_models.items():
                model.set_rows([])
                self.role_people[role] = []
            self.readiness_notice.hide()
            self.case_label.setText(translate("CaseChoicePage", "没有打开的案件。请在“案件台账”中双击一个案件，再回到这里为它选择明白人。"))
            self._set_enabled(False)
            return
        self.refresh()

    def refresh(self) -> None:
        if self.case_id is None:
            return
        try:
            self.state = self._selection.state(self.case_id)
        except NotFound:
            self.set_case(None)
            return
        self._show_state()
        self.refresh_candidates()

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.propose_button, self.ad_hoc_button, self.candidate_table, self.search,
                       self.only_village, *self.role_add.values(), *self.role_remove.values()):
            widget.setEnabled(on)

    def _show_state(self) -> None:
        state = self.state
        case = state.case
        self.case_label.setText(translate("CaseChoicePage", "{number}　{title}　{village}　状态：{status}").format(
            number=case.case_number, title=case.title, village=case.village, status=vtr(case.status.label)))
        self._set_enabled(state.editable)
        if not state.editable:
            self.readiness_notice.show_notice("info", translate(
                "CaseChoicePage", "本案状态为“{status}”，人选只能查看，不能更改。").format(status=vtr(case.status.label)))
        elif state.readiness.ready:
            text = translate("CaseChoicePage", "人选已齐，可以开始调解。")
            if state.readiness.warnings:
                text += "\n" + "\n".join("· " + m.text(lambda s: translate("Selection", s)) for m in state.readiness.warnings)
            self.readiness_notice.show_notice("ok", text)
        else:
            lines = [m.text(lambda s: translate("Selection", s)) for m in state.readiness.missing]
            self.readiness_notice.show_notice("warning", translate("CaseChoicePage", "开始调解前还需要：") + "\n"
                                              + "\n".join("· " + line for line in lines))
        self._build_cards()
        self._show_roles()

    # -- candidates -------------------------------------------------------------------
    def refresh_candidates(self) -> None:
        if self.case_id is None:
            return
        self._candidates = self._selection.candidates(self.case_id, self.search.text(),
                                                      only_village=self.only_village.isChecked())
        rows = []
        year = self._elders.today().year
        in_case = {c.elder.id: c.state for c in self.state.choices} if self.state else {}
        for candidate in self._candidates:
            elder = candidate.elder
            age = elder.age_in(year)
            identity = vtr(elder.identity.label) if not elder.identity_note else elder.identity_text
            here = in_case.get(elder.id)
            short = {ChoiceState.PROPOSED: translate("CaseChoicePage", "提名中"),
                     ChoiceState.CHOSEN: translate("CaseChoicePage", "已选定"),
                     ChoiceState.REFUSED: translate("CaseChoicePage", "未获同意"),
                     ChoiceState.RECUSED: translate("CaseChoicePage", "已回避"),
                     ChoiceState.WITHDRAWN: translate("CaseChoicePage", "已撤回")}
            name = elder.name + (f"·{short[here]}" if here is not None else "")
            tip = elder.notes
            if candidate.term_over:
                name += "·" + translate("CaseChoicePage", "任期已满")
                tip = translate("CaseChoicePage", "任期已于{day}届满，尚未重新推选；当事人仍可自愿选择").format(
                    day=elder.term_end.isoformat()) + (("\n" + tip) if tip else "")
            colour = "#808080" if here is not None else "#8a1c1c" if candidate.term_over else ""
            rows.append([
                Cell(name, tip, bold=candidate.same_village, colour=colour),
                Cell(elder.village + (("·" + elder.group) if elder.group else "")),
                Cell(identity),
                Cell(translate("CaseChoicePage", "★ 擅长") if candidate.knows_type else "", _specialties_text(elder),
                     colour="#1e6b34"),
                Cell(str(candidate.stats.open_cases), right=True),
                Cell(str(candidate.stats.past_cases), right=True),
                Cell("" if age is None else str(age), right=True),
            ])
        self.candidate_model.set_rows(rows)
        if self._candidates:
            self.candidate_table.selectRow(0)

    def selected_candidate(self):
        row = selected_row(self.candidate_table)
        return None if row is None else self._candidates[row]

    # -- actions ------------------------------------------------------------------------
    def _act(self, action, done: str = "") -> bool:
        """Run one service call; show refusals and validation messages; refresh on success."""
        try:
            self.state = action()
        except ChoiceRefused as refused:
            # Parameters that are vocabulary labels (a status, a role) are shown in the UI language.
            params = {k: vtr(v) if isinstance(v, str) else v for k, v in refused.params.items()}
            self.message.show_notice("error", translate("Selection", refused.message).format(**params))
            return False
        except ValidationFailed as failed:
            self.message.show_notice("error", "\n".join(error_text(e) for e in failed.errors))
            return False
        if done:
            self.message.show_notice("ok", done)
        else:
            self.message.hide()
        self._show_state()
        self.refresh_candidates()
        self.changed.emit(self.case_id)
        return True

    def propose_selected(self) -> bool:
        candidate = self.selected_candidate()
        if candidate is None or self.state is None or not self.state.editable:
            return False
        elder = candidate.elder
        conflicts = self._selection.conflicts(self.case_id, elder.id)
        dialog = propose_dialog(self, self.state, elder.name, conflicts,
                                term_end=elder.term_end if candidate.term_over else None)
        if not self.run_dialog(dialog):
            return False
        proposer = dialog.value("proposer")
        return self._act(lambda: self._selection.propose(
            self.case_id, elder.id, None if proposer == COMMITTEE else proposer, conflict_note=dialog.reason,
            term_over_confirmed=candidate.term_over),
            translate("CaseChoicePage", "已提名{name}，请其他当事人逐一表态。").format(name=elder.name))

    def propose_ad_hoc(self) -> bool:
        if self.state is None or not self.state.editable:
            return False
        state = self.state
        proposer_holder = {}

        def save(data: ElderInput):
            conflicts = self._selection.ad_hoc_conflicts(self.case_id, data)
            dialog = propose_dialog(self, state, data.name.strip(), conflicts)
            if not self.run_dialog(dialog):
                editor.notice.show_notice("info", translate(
                    "CaseChoicePage", "还没有提名：填写的内容仍在，选好提名人后再点“保存”。"))
                raise ValidationFailed([])
            proposer = dialog.value("proposer")
            proposer_holder["id"] = None if proposer == COMMITTEE else proposer
            return self._selection.propose_ad_hoc(self.case_id, data, proposer_holder["id"],
                                                  conflict_note=dialog.reason)

        editor = ElderDialog(save, villages=self._elders.villages(), initial=ElderInput(village=state.case.village,
                                                                                         ad_hoc=True),
                             ad_hoc=True, drafts=self._drafts, draft_name=f"ad-hoc-elder-{self.case_id}",
                             title=translate("CaseChoicePage", "库外人选（一事一议）"), parent=self)
        if not self.run_dialog(editor) or editor.saved is None:
            return False
        self.state = editor.saved
        self.message.show_notice("ok", translate("CaseChoicePage", "已提名库外人选，请其他当事人逐一表态。"))
        self._show_state()
        self.refresh_candidates()
        self.changed.emit(self.case_id)
        return True

    def agree(self, choice_id: int, party_id: int) -> bool:
        return self._act(lambda: self._selection.answer(choice_id, party_id, Consent.AGREED))

    def reset_answer(self, choice_id: int, party_id: int) -> bool:
        return self._act(lambda: self._selection.answer(choice_id, party_id, Consent.PENDING))

    def refuse(self, choice_id: int, party_id: int) -> bool:
        choice = self._choice(choice_id)
        taken = {c.elder.id for c in self.state.choices if c.active or c.ended is not None}
        offered = [c for c in self._selection.candidates(self.case_id)  # the whole pool, not the search
                   if c.elder.id != choice.elder.id and c.elder.id not in taken][:300]
        over = translate("CaseChoicePage", "任期已满")
        alternatives = [(f"{c.elder.name}（{c.elder.village}" + (f"，{over}" if c.term_over else "") + "）", c.elder.id)
                        for c in offered]
        dialog = refuse_dialog(self, self.state.party_name(party_id), choice.elder.name, alternatives)
        if not self.run_dialog(dialog):
            return False
        alternative = dialog.value("alternative")
        expired = next((c.elder for c in offered if c.elder.id == alternative and c.term_over), None)
        if expired is not None and not self.run_dialog(term_over_dialog(self, expired.name, expired.term_end)):
            return False
        return self._act(lambda: self._selection.refuse_and_propose(choice_id, party_id, dialog.reason,
                                                                     elder_id=alternative,
                                                                     term_over_confirmed=expired is not None))

    def declare_relation(self, choice_id: int) -> bool:
        dialog = relation_dialog(self, self.state, self._choice(choice_id))
        if not self.run_dialog(dialog):
            return False
        return self._act(lambda: self._selection.declare_relation(choice_id, dialog.value("party"),
                                                                   str(dialog.value("relation") or "")))

    def confirm_conflicts(self, choice_id: int) -> bool:
        dialog = confirm_dialog(self, self._choice(choice_id))
        if not self.run_dialog(dialog):
            return False
        return self._act(lambda: self._selection.confirm_conflicts(choice_id, dialog.reason))

    def recuse(self, choice_id: int) -> bool:
        dialog = recusal_dialog(self, self.state, self._choice(choice_id))
        if not self.run_dialog(dialog):
            return False
        return self._act(lambda: self._selection.end(choice_id, ChoiceEnd.RECUSED, dialog.reason,
                                                      by_party=dialog.value("by")),
                         translate("CaseChoicePage", "已记录回避。请各方重新选定明白人。"))

    def withdraw(self, choice_id: int) -> bool:
        dialog = withdraw_dialog(self, self._choice(choice_id))
        if not self.run_dialog(dialog):
            return False
        return self._act(lambda: self._selection.end(choice_id, ChoiceEnd.WITHDRAWN, dialog.reason))

    def _choice(self, choice_id: int):
        return next(c for c in self.state.choices if c.id == choice_id)

    # -- cards ---------------------------------------------------------------------------
    def _clear_cards(self) -> None:
        for card in self.cards:
            card.hide()
            card.setParent(None)
            card.deleteLater()
        self.cards = []

    def _build_cards(self) -> None:
        self._clear_cards()
        choices = sorted(self.state.choices, key=lambda c: (not c.active, c.id))
        self.no_choice_label.setVisible(not choices)
        for choice in choices:
            card = self._card(choice)
            self.cards_layout.addWidget(card)
            self.cards.append(card)

    def _card(self, choice) -> QFrame:
        state = self.state
        editable = state.editable
        card = QFrame()
        card.setObjectName(f"choice-{choice.id}")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        colour = STATE_COLOURS[choice.state]
        card.setStyleSheet("QFrame#%s { border: 1px solid %s; border-radius: 4px; }" % (card.objectName(), colour))
        layout = QVBoxLayout(card)
        elder = choice.elder
        proposer = state.party_name(choice.proposed_by) if choice.proposed_by is not None else translate(
            "CaseChoicePage", "调委会")
        where = elder.village + (("·" + elder.group) if elder.group else "")
        kind = translate("CaseChoicePage", "一事一议") if elder.ad_hoc else (
            elder.identity_note or vtr(elder.identity.label))
        state_text = vtr(choice.state.label)
        if choice.state is ChoiceState.PROPOSED and not choice.pending_parties and choice.needs_conflict_confirmation:
            state_text = translate("CaseChoicePage", "待调解员确认回避情形")  # nobody left to answer
        head = QLabel(translate("CaseChoicePage", "<b>{name}</b>（{where}，{kind}）　由{proposer}提名　"
                                "<span style='color:{colour}'><b>{state}</b></span>").format(
            name=elder.name, where=where, kind=kind, proposer=proposer, colour=colour, state=state_text))
        head.setWordWrap(True)
        layout.addWidget(head)
        if elder.retired:
            layout.addWidget(QLabel(translate("CaseChoicePage", "（此人已退出明白人库）")))

        if choice.ended is not None:
            who = state.party_name(choice.ended_by) if choice.ended_by is not None else elder.name
            ended = QLabel(translate("CaseChoicePage", "{end}：{who}，理由：{reason}").format(
                end=vtr(choice.ended.label), who=who, reason=choice.ended_reason))
            ended.setWordWrap(True)
            layout.addWidget(ended)

        if choice.conflicts:
            notice = NoticeLabel()
            lines = "\n".join("· " + c.text(vtr) for c in choice.conflicts)
            if choice.conflicts_confirmed:
                notice.show_notice("info", translate("CaseChoicePage", "回避情形（已确认：{note}）：\n{lines}").format(
                    note=choice.conflict_note, lines=lines))
            else:
                notice.show_notice("warning", translate("CaseChoicePage", "回避情形，须向各方说明并确认：\n{lines}").format(
                    lines=lines))
            layout.addWidget(notice)

        grid = QGridLayout()
        grid.setColumnStretch(2, 1)
        live = choice.active and editable
        for row, consent in enumerate(choice.consents):
            name = QLabel(state.party_name(consent.party_id))
            answer = vtr(consent.decision.label)
            if consent.decision is Consent.REFUSED and consent.reason:
                answer += translate("CaseChoicePage", "（{reason}）").format(reason=consent.reason)
            if consent.relation:
                answer += translate("CaseChoicePage", "　关系：{relation}").format(relation=vtr(consent.relation))
            # One line per party (wrapped labels in a scrolled layout get squeezed); the whole text
            # is in the tooltip when it is cut.
            answer_label = QLabel(_shorten(answer, 40))
            answer_label.setToolTip(answer)
            answer_label.setObjectName(f"consent-{choice.id}-{consent.party_id}")
            answer_label.setStyleSheet(f"color:{CONSENT_COLOURS[consent.decision]};")
            grid.addWidget(name, row, 0)
            grid.addWidget(answer_label, row, 1, 1, 2)
            if live:
                if consent.decision is not Consent.AGREED:
                    agree = QPushButton(translate("CaseChoicePage", "同意"))
                    agree.setObjectName(f"agree-{choice.id}-{consent.party_id}")
                    agree.clicked.connect(lambda _c=False, ch=choice.id, p=consent.party_id: self.agree(ch, p))
                    grid.addWidget(agree, row, 3)
                if consent.decision is not Consent.REFUSED:
                    refuse = QPushButton(translate("CaseChoicePage", "不同意…"))
                    refuse.setObjectName(f"refuse-{choice.id}-{consent.party_id}")
                    refuse.clicked.connect(lambda _c=False, ch=choice.id, p=consent.party_id: self.refuse(ch, p))
                    grid.addWidget(refuse, row, 4)
                if consent.decision is not Consent.PENDING:
                    undo = QPushButton(translate("CaseChoicePage", "改为未表态"))
                    undo.clicked.connect(lambda _c=False, ch=choice.id, p=consent.party_id: self.reset_answer(ch, p))
                    grid.addWidget(undo, row, 5)
        layout.addLayout(grid)

        if editable and choice.ended is None and choice.state is not ChoiceState.REFUSED:
            actions = QHBoxLayout()
            relation = QPushButton(translate("CaseChoicePage", "申报关系…"))
            relation.clicked.connect(lambda _c=False, ch=choice.id: self.declare_relation(ch))
            actions.addWidget(relation)
            if choice.needs_conflict_confirmation:
                confirm = QPushButton(translate("CaseChoicePage", "确认回避情形…"))
                confirm.setObjectName(f"confirm-{choice.id}")
                confirm.clicked.connect(lambda _c=False, ch=choice.id: self.confirm_conflicts(ch))
                actions.addWidget(confirm)
            recuse = QPushButton(translate("CaseChoicePage", "申请回避…"))
            recuse.setObjectName(f"recuse-{choice.id}")
            recuse.clicked.connect(lambda _c=False, ch=choice.id: self.recuse(ch))
            actions.addWidget(recuse)
            if choice.state is ChoiceState.PROPOSED:
                withdraw = QPushButton(translate("CaseChoicePage", "撤回提名…"))
                withdraw.clicked.connect(lambda _c=False, ch=choice.id: self.withdraw(ch))
                actions.addWidget(withdraw)
            actions.addStretch(1)
            layout.addLayout(actions)
        if not choice.active:
            card.setStyleSheet(card.styleSheet() + " QLabel { color: #666666; }")
        return card

    # -- roles ---------------------------------------------------------------------------
    def _show_roles(self) -> None:
        for role, model in self.role_models.items():
            people = [entry.person for entry in self.state.roles if entry.person.role is role]
            self.role_people[role] = people
            model.set_rows([[Cell(p.name + (f"（{p.post or (vtr(p.host_kind.label) if p.host_kind else '')}）"
                                            if p.post or p.host_kind else ""),
                                   f"{p.name}　{p.description}".strip())] for p in people])

    def add_role(self, role: Role) -> bool:
        if self.state is None or not self.state.editable:
            return False
        taken = {entry.person.id for entry in self.state.roles}
        people = [p for p in self._people.people(role) if p.id not in taken]
        items = [(f"{p.name}　{p.description}".strip(), p.id) for p in people]
        items.append((translate("CaseChoicePage", "新建人员…"), NEW_PERSON))
        dialog = ChoiceDialog(
            translate("CaseChoicePage", "添加{role}").format(role=vtr(role.label)),
            intro=translate("CaseChoicePage", "从名单中选择；名单里没有的，选“新建人员…”，以后可以直接选用。"),
            combos=[("person", vtr(role.label), items)], ok_text=translate("CaseChoicePage", "添加"), parent=self)
        if not self.run_dialog(dialog):
            return False
        person_id = dialog.value("person")
        if person_id == NEW_PERSON:
            editor = PersonDialog(self._people.add, initial=PersonInput(role=role), fixed_role=True, parent=self)
            if not self.run_dialog(editor) or editor.saved is None:
                return False
            person_id = editor.saved.id
        return self._act(lambda: self._selection.assign(self.case_id, person_id))

    def remove_role(self, role: Role) -> bool:
        row = selected_row(self.role_lists[role])
        if row is None or self.state is None:
            return False
        person_id = self.role_people[role][row].id
        return self._act(lambda: self._selection.unassign(self.case_id, person_id))


class PoolPage(QWidget):
    """明白人库: every village's pool; add, edit, retire or reinstate, import a roster, print the wall list."""

    changed = Signal()

    def __init__(self, elders, drafts, documents=None, roster_importer=None, parent=None):
        super().__init__(parent)
        self._elders = elders
        self._drafts = drafts
        self._documents = documents
        self._importer = roster_importer
        self.run_dialog = run_dialog
        self.open_files = True
        self.rows = []

        self.village = QComboBox()
        self.village.setMinimumContentsLength(8)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.show_retired = QCheckBox()
        self.model = RowsModel()
        self.table = rows_view(self.model)
        self.table.doubleClicked.connect(self.edit_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.add_button = QPushButton(clicked=self.add)
        self.edit_button = QPushButton(clicked=self.edit_selected)
        self.retire_button = QPushButton(clicked=self.retire_or_reinstate)
        self.delete_button = QPushButton(clicked=self.delete_selected)
        self.import_button = QPushButton(clicked=self.import_roster)
        self.print_button = QPushButton(clicked=self.print_roster)
        self.message = NoticeLabel()
        self.count_label = QLabel()

        top = QHBoxLayout()
        self.village_label = QLabel()
        top.addWidget(self.village_label)
        top.addWidget(self.village)
        top.addWidget(self.search, 1)
        top.addWidget(self.show_retired)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.retire_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        layout.addLayout(bottom)
        layout.addLayout(buttons)

        self._search_timer = QTimer(self, singleShot=True, interval=200, timeout=self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        self.village.currentIndexChanged.connect(self.refresh)
        self.show_retired.toggled.connect(self.refresh)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.village_label.setText(translate("PoolPage", "村："))
        self.search.setPlaceholderText(translate("PoolPage", "按姓名、拼音首字母或电话查找"))
        self.show_retired.setText(translate("PoolPage", "显示已退出的"))
        self.model.set_headers([
            translate("PoolPage", "姓名"), translate("PoolPage", "性别"), translate("PoolPage", "年龄"),
            translate("PoolPage", "村"), translate("PoolPage", "组"), translate("PoolPage", "身份"),
            translate("PoolPage", "产生方式"), translate("PoolPage", "任期至"), translate("PoolPage", "擅长"),
            translate("PoolPage", "电话"), translate("PoolPage", "在办"), translate("PoolPage", "已办"),
            translate("PoolPage", "状态")])
        self.add_button.setText(translate("PoolPage", "新增明白人…"))
        self.edit_button.setText(translate("PoolPage", "修改…"))
        self.delete_button.setText(translate("PoolPage", "删除…"))
        self.delete_button.setToolTip(translate("PoolPage", "只能删除误录入、从未参与过案件的人；参与过案件的请用“退出明白人库”。"))
        self.import_button.setText(translate("PoolPage", "导入名单（Excel/CSV）…"))
        self.print_button.setText(translate("PoolPage", "打印上墙名单…"))
        if self.village.count():
            self.village.setItemText(0, translate("PoolPage", "全部村"))
            self.refresh()  # the rows carry vocabulary labels too
        self._update_buttons()

    def load_villages(self, prefer: str | None = None) -> None:
        current = prefer if prefer is not None else self.village.currentData()
        self.village.blockSignals(True)
        self.village.clear()
        self.village.addItem(translate("PoolPage", "全部村"), None)
        for name in self._elders.villages():
            self.village.addItem(name, name)
        index = self.village.findData(current) if current else 0
        self.village.setCurrentIndex(max(index, 0))
        self.village.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        self.rows = self._elders.pool(village=self.village.currentData(), include_retired=self.show_retired.isChecked(),
                                      text=self.search.text())
        today = self._elders.today()
        rows = []
        for elder, stats in self.rows:
            age = elder.age_in(today.year)
            over = elder.term_over(today)
            status = translate("PoolPage", "已退出") if elder.retired else (
                translate("PoolPage", "任期已满") if over else translate("PoolPage", "在库"))
            grey = "#808080" if elder.retired else ""
            values = [elder.name, vtr(elder.sex.label), "" if age is None else str(age), elder.village, elder.group,
                      elder.identity_text if elder.identity_note else vtr(elder.identity.label),
                      vtr(elder.selection.label) if elder.selection else "",
                      elder.term_end.isoformat() if elder.term_end else "", _specialties_text(elder),
                      mask_phone(elder.phone), str(stats.open_cases), str(stats.past_cases), status]
            row = [Cell(v, colour=grey, right=column in (2, 10, 11)) for column, v in enumerate(values)]
            row[0].tooltip = elder.notes
            row[8].tooltip = values[8]
            if elder.retired:
                row[12].tooltip = elder.retired_reason
            elif over:
                row[12].colour = "#8a1c1c"
            rows.append(row)
        self.model.set_rows(rows)
        retired = sum(e.retired for e, _ in self.rows)
        over = sum(not e.retired and e.term_over(today) for e, _ in self.rows)
        text = translate("PoolPage", "共{n}人，其中在库{active}人").format(n=len(self.rows),
                                                                    active=len(self.rows) - retired - over)
        if over:
            text += translate("PoolPage", "，任期已满{n}人").format(n=over)
        if retired:
            text += translate("PoolPage", "，已退出{n}人").format(n=retired)
        self.count_label.setText(text)
        self.count_label.setToolTip(translate(
            "PoolPage", "任期已满：三年任期已过、尚未重新推选的明白人。不列入上墙名单；当事人仍可自愿选择，提名时须确认。"
                        "重新推选后，请在“修改”中更新推选日期和任期。"))
        self._update_buttons()

    def selected(self):
        row = selected_row(self.table)
        return None if row is None else self.rows[row][0]

    def select_elder(self, elder_id: int) -> bool:
        for row, (elder, _stats) in enumerate(self.rows):
            if elder.id == elder_id:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        elder = self.selected()
        for button in (self.edit_button, self.retire_button, self.delete_button):
            button.setEnabled(elder is not None)
        self.retire_button.setText(translate("PoolPage", "恢复入库") if elder is not None and elder.retired
                                   else translate("PoolPage", "退出明白人库…"))
        self.import_button.setEnabled(self._importer is not None)
        self.print_button.setEnabled(self._documents is not None)

    def add(self) -> bool:
        village = self.village.currentData() or ""
        dialog = ElderDialog(self._elders.add, villages=self._elders.villages(), initial=ElderInput(village=village),
                             drafts=self._drafts, draft_name="elder-new",
                             title=translate("PoolPage", "新增明白人"), parent=self)
        if not self.run_dialog(dialog) or dialog.saved is None:
            return False
        self.message.show_notice("ok", translate("PoolPage", "已把{name}加入{village}明白人库。").format(
            name=dialog.saved.name, village=dialog.saved.village))
        self.load_villages()
        self.select_elder(dialog.saved.id)
        self.changed.emit()
        return True

    def edit_selected(self) -> bool:
        elder = self.selected()
        if elder is None:
            return False
        dialog = ElderDialog(lambda data: self._elders.update(elder.id, data), villages=self._elders.villages(),
                             initial=ElderInput.from_elder(elder), drafts=self._drafts,
                             draft_name=f"elder-{elder.id}", title=translate("PoolPage", "修改明白人：{name}").format(
                                 name=elder.name), parent=self)
        if not self.run_dialog(dialog) or dialog.saved is None:
            return False
        self.message.show_notice("ok", translate("PoolPage", "已保存{name}的信息。").format(name=dialog.saved.name))
        self.refresh()
        self.select_elder(elder.id)
        self.changed.emit()
        return True

    def retire_or_reinstate(self) -> bool:
        elder = self.selected()
        if elder is None:
            return False
        if elder.retired:
            self._elders.reinstate(elder.id)
            self.message.show_notice("ok", translate("PoolPage", "{name}已恢复入库。").format(name=elder.name))
        else:
            dialog = ChoiceDialog(
                translate("PoolPage", "退出明白人库：{name}").format(name=elder.name),
                intro=translate("PoolPage", "退出后不再作为候选人，但参与过的案件记录仍保留其姓名。"),
                text_label=translate("PoolPage", "退出原因 *"), text_required=True,
                text_placeholder=translate("PoolPage", "如：任期届满未连任、年老体弱、本人申请、迁出本村"),
                ok_text=translate("PoolPage", "退出"), parent=self)
            if not self.run_dialog(dialog):
                return False
            try:
                self._elders.retire(elder.id, dialog.reason)
            except ValidationFailed as failed:
                self.message.show_notice("error", "\n".join(error_text(e) for e in failed.errors))
                return False
            self.message.show_notice("ok", translate("PoolPage", "{name}已退出明白人库。").format(name=elder.name))
        self.refresh()
        self.select_elder(elder.id)
        self.changed.emit()
        return True

    def delete_selected(self) -> bool:
        from ..services.elders import InUse

        elder = self.selected()
        if elder is None:
            return False
        if self._elders.served(elder.id):
            self.message.show_notice("warning", translate(
                "PoolPage", "{name}参与过案件，不能删除，只能“退出明白人库”，以便旧案记录仍可查阅。").format(name=elder.name))
            return False
        answer = QMessageBox.question(
            self, translate("PoolPage", "删除明白人"),
            translate("PoolPage", "确定删除误录入的{name}吗？此人从未参与过案件，删除后不能恢复。").format(name=elder.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self._elders.delete(elder.id)
        except InUse:
            self.message.show_notice("warning", translate(
                "PoolPage", "{name}参与过案件，不能删除，只能“退出明白人库”，以便旧案记录仍可查阅。").format(name=elder.name))
            return False
        self.message.show_notice("ok", translate("PoolPage", "已删除{name}。").format(name=elder.name))
        self.load_villages()
        self.changed.emit()
        return True

    def import_roster(self) -> bool:
        from .roster_import_dialog import RosterImportDialog

        if self._importer is None:
            return False
        villages = self._elders.villages()
        dialog = RosterImportDialog(self._importer, villages, self.village.currentData() or (villages[0] if villages else ""),
                                    parent=self)
        if not self.run_dialog(dialog):
            return False
        self.load_villages()
        self.changed.emit()
        return True

    def print_roster(self):
        from ..services.documents import DocumentRefused

        if self._documents is None:
            return None
        villages = [v for v in self._elders.villages()]
        current = self.village.currentData()
        items = [(v, v) for v in ([current] if current else []) + [v for v in villages if v != current]]
        dialog = ChoiceDialog(
            translate("PoolPage", "打印上墙名单"),
            intro=translate("PoolPage", "生成《矛盾化解“三理”室“明白人”名单》PDF，打印后张贴在三理室。"
                                        "已退出和任期已满的不列入。"),
            combos=[("village", translate("PoolPage", "村"), items),
                    ("phone", translate("PoolPage", "联系电话"),
                     [(translate("PoolPage", "不印（张贴公示时的默认做法）"), False),
                      (translate("PoolPage", "印出（须经明白人本人同意）"), True)])],
            ok_text=translate("PoolPage", "生成PDF"), parent=self)
        if not self.run_dialog(dialog):
            return None
        village = dialog.value("village")
        try:
            path = self._documents.elder_roster(village, show_phone=bool(dialog.value("phone")))
        except DocumentRefused as refused:
            self.message.show_notice("warning", translate("Documents", str(refused)))
            return None
        except OSError as err:
            self.message.show_notice("error", translate("PoolPage", "名单无法写入：{error}").format(error=err))
            return None
        today = self._elders.today()
        over = [e.name for e, _ in self._elders.pool(village=village) if e.term_over(today) and not e.ad_hoc]
        text = translate("PoolPage", "名单已生成：{path}").format(path=str(path))
        if over:
            text += "\n" + translate("PoolPage", "{names}的任期已满，未列入名单；重新推选后请在“修改”中更新任期。").format(
                names="、".join(over))
        self.message.show_notice("ok", text)
        if self.open_files:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path


class PeoplePage(QWidget):
    """主持人、见证人、记录人名单: the people chosen again and again, kept once."""

    changed = Signal()

    def __init__(self, people, parent=None):
        super().__init__(parent)
        self._people = people
        self.run_dialog = run_dialog
        self.rows = []
        self._loaded = False
        self.role = EnumCombo(Role, placeholder=True)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.show_retired = QCheckBox()
        self.model = RowsModel()
        self.table = rows_view(self.model)
        self.table.doubleClicked.connect(self.edit_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.add_button = QPushButton(clicked=self.add)
        self.edit_button = QPushButton(clicked=self.edit_selected)
        self.retire_button = QPushButton(clicked=self.toggle_retired)
        self.message = NoticeLabel()
        self.role_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.role_label)
        top.addWidget(self.role)
        top.addWidget(self.search, 1)
        top.addWidget(self.show_retired)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._search_timer = QTimer(self, singleShot=True, interval=200, timeout=self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        self.role.currentIndexChanged.connect(self.refresh)
        self.show_retired.toggled.connect(self.refresh)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.role_label.setText(translate("PeoplePage", "角色："))
        self.role.retranslate(translate("PeoplePage", "全部"))
        self.search.setPlaceholderText(translate("PeoplePage", "按姓名、拼音首字母或单位查找"))
        self.show_retired.setText(translate("PeoplePage", "显示已停用的"))
        self.model.set_headers([
            translate("PeoplePage", "角色"), translate("PeoplePage", "姓名"), translate("PeoplePage", "单位/部门"),
            translate("PeoplePage", "职务"), translate("PeoplePage", "电话"), translate("PeoplePage", "状态")])
        self.add_button.setText(translate("PeoplePage", "新增…"))
        self.edit_button.setText(translate("PeoplePage", "修改…"))
        if self._loaded:
            self.refresh()  # the rows carry vocabulary labels too
        self._update_buttons()

    def refresh(self) -> None:
        self._loaded = True
        self.rows = self._people.people(self.role.current(), include_retired=self.show_retired.isChecked(),
                                        text=self.search.text())
        rows = []
        for person in self.rows:
            role = vtr(person.role.label)
            if person.host_kind is not None:
                role += f"（{vtr(person.host_kind.label)}）"
            values = [role, person.name, person.unit, person.post, mask_phone(person.phone),
                      translate("PeoplePage", "已停用") if person.retired else translate("PeoplePage", "可选用")]
            rows.append([Cell(v, colour="#808080" if person.retired else "") for v in values])
        self.model.set_rows(rows)
        self._update_buttons()

    def selected(self):
        row = selected_row(self.table)
        return None if row is None else self.rows[row]

    def _update_buttons(self) -> None:
        person = self.selected()
        self.edit_button.setEnabled(person is not None)
        self.retire_button.setEnabled(person is not None)
        self.retire_button.setText(translate("PeoplePage", "恢复选用") if person is not None and person.retired
                                   else translate("PeoplePage", "停用"))

    def add(self) -> bool:
        dialog = PersonDialog(self._people.add, initial=PersonInput(role=self.role.current()), parent=self)
        if not self.run_dialog(dialog) or dialog.saved is None:
            return False
        self.message.show_notice("ok", translate("PeoplePage", "已加入名单：{name}").format(name=dialog.saved.name))
        self.refresh()
        self.changed.emit()
        return True

    def edit_selected(self) -> bool:
        person = self.selected()
        if person is None:
            return False
        dialog = PersonDialog(lambda data: self._people.update(person.id, data), initial=PersonInput.from_person(person),
                              parent=self)
        if not self.run_dialog(dialog) or dialog.saved is None:
            return False
        self.refresh()
        self.changed.emit()
        return True

    def toggle_retired(self) -> bool:
        person = self.selected()
        if person is None:
            return False
        self._people.set_retired(person.id, not person.retired)
        self.message.show_notice("ok", translate("PeoplePage", "{name}已停用，不再出现在选择列表中；已参与的案件记录不变。")
                                 .format(name=person.name) if not person.retired
                                 else translate("PeoplePage", "{name}已恢复选用。").format(name=person.name))
        self.refresh()
        self.changed.emit()
        return True


class ElderTab(QWidget):
    """The 选择明白人 tab: 本案人选, 明白人库, 人员名单."""

    def __init__(self, selection, elders, people, drafts, documents=None, roster_importer=None, parent=None):
        super().__init__(parent)
        self.choice_page = CaseChoicePage(selection, elders, people, drafts)
        self.pool_page = PoolPage(elders, drafts, documents, roster_importer)
        self.people_page = PeoplePage(people)
        self.pages = QTabWidget()
        self.pages.setDocumentMode(True)
        for page in (self.choice_page, self.pool_page, self.people_page):
            self.pages.addTab(page, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.pages)
        self._loaded = False
        self.pool_page.changed.connect(self.choice_page.refresh)  # a retired elder shows so in the case
        self.people_page.changed.connect(self.choice_page.refresh)
        self.pages.currentChanged.connect(self._page_shown)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.pages.setTabText(0, translate("ElderTab", "本案人选"))
        self.pages.setTabText(1, translate("ElderTab", "明白人库"))
        self.pages.setTabText(2, translate("ElderTab", "主持人·见证人·记录人名单"))

    def showEvent(self, event) -> None:
        # The lists load when first shown, not at start-up: start-up stays quick.
        if not self._loaded:
            self._loaded = True
            self.pool_page.load_villages()
            self.people_page.refresh()
        super().showEvent(event)

    def _page_shown(self, index: int) -> None:
        if index == 0:
            self.choice_page.refresh()

    def set_case(self, case_id: int | None) -> None:
        self.choice_page.set_case(case_id)
