"""本案人选: the parties choose their 明白人 for the open case, every party answers each proposal,
conflicts are confirmed or lead to recusal, and the case's 主持人/见证人/记录人 are named.

Every action is saved at once, in its own transaction. The candidates (with every elder's case counts,
a GROUP BY over the cases) are read when the case or the search changes or after an action, never for
a language switch: ``retranslate`` re-renders the rows already read.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea, QSplitter,
    QVBoxLayout, QWidget,
)

from ...domain.elders import ElderInput
from ...domain.errors import NotFound, ValidationFailed
from ...domain.roles import PersonInput, Role
from ...domain.selection import ChoiceEnd, ChoiceRefused, ChoiceState, Consent
from ..choice_dialogs import (
    COMMITTEE, ChoiceDialog, confirm_dialog, propose_dialog, recusal_dialog, refuse_dialog, relation_dialog,
    term_over_dialog, withdraw_dialog,
)
from ..elder_dialog import ElderDialog, PersonDialog
from ..i18n import Retranslating, translate, vtr
from ..widgets import Cell, NoticeLabel, RowsModel, error_text, rows_view, selected_row
from .common import run_dialog, specialties_text

NEW_PERSON = "__new__"
STATE_COLOURS = {ChoiceState.PROPOSED: "#7a4a00", ChoiceState.CHOSEN: "#1e6b34", ChoiceState.REFUSED: "#8a1c1c",
                 ChoiceState.RECUSED: "#666666", ChoiceState.WITHDRAWN: "#666666"}
CONSENT_COLOURS = {Consent.PENDING: "#7a4a00", Consent.AGREED: "#1e6b34", Consent.REFUSED: "#8a1c1c"}


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


class CaseChoicePage(Retranslating, QWidget):
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
            self._show_candidates()  # the rows carry vocabulary labels too; the rows read stay as they are
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
        """Read the candidates (and their case counts) for the case and the search, then show them."""
        if self.case_id is None:
            return
        self._candidates = self._selection.candidates(self.case_id, self.search.text(),
                                                      only_village=self.only_village.isChecked())
        self._show_candidates()

    def _show_candidates(self) -> None:
        """The candidates already read, in the interface language: no database read."""
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
                Cell(translate("CaseChoicePage", "★ 擅长") if candidate.knows_type else "", specialties_text(elder),
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
