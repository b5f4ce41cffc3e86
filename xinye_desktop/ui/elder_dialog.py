"""Editors for one 明白人 (pool member or 一事一议) and for one 主持人/见证人/记录人.

Each editor keeps an autosaved draft while the user types, so a crash or a power cut does not
lose what was typed; the draft is offered back the next time the same editor opens.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLineEdit,
    QPlainTextEdit, QVBoxLayout,
)

from ..domain.elders import ElderInput, default_term_end
from ..domain.enums import DisputeType, ElderIdentity, ElderSelection, Sex
from ..domain.errors import FieldError, ValidationFailed
from ..domain.roles import WITNESS_DEPARTMENTS, HostKind, PersonInput, Role
from ..domain.text import TextError, parse_date
from ..services.drafts import DraftStore
from .i18n import translate, vtr
from .widgets import EnumCombo, FieldBox, NoticeLabel, error_text, set_minimum_width


class ElderDialog(QDialog):
    """Add or edit a 明白人. ``save`` is called with the ElderInput and must return the saved
    elder or raise ValidationFailed; the dialog stays open and shows the messages beside the fields."""

    def __init__(self, save, *, villages: list[str], initial: ElderInput | None = None, ad_hoc: bool = False,
                 drafts: DraftStore | None = None, draft_name: str = "", title: str = "", parent=None):
        super().__init__(parent)
        self._save = save
        self._ad_hoc = ad_hoc
        self._drafts = drafts
        self._draft_name = draft_name
        self.saved = None
        self.setWindowTitle(title or translate("ElderDialog", "明白人信息"))

        self.name = QLineEdit()
        self.sex = EnumCombo(Sex, placeholder=True)
        self.sex.retranslate(translate("ElderDialog", "请选择"))
        self.birth_year = QLineEdit()
        self.birth_year.setPlaceholderText(translate("ElderDialog", "如 1956"))
        self.birth_year.setMaxLength(6)
        self.village = QComboBox()
        self.village.setEditable(True)
        self.village.addItems(villages)
        self.group = QLineEdit()
        self.group.setPlaceholderText(translate("ElderDialog", "如 3组"))
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(translate("ElderDialog", "手机或带区号的座机"))
        self.identity = EnumCombo(ElderIdentity, placeholder=True)
        self.identity.retranslate(translate("ElderDialog", "请选择"))
        self.identity_note = QLineEdit()
        self.identity_note.setPlaceholderText(translate("ElderDialog", "身份为“其他”时填写，如村医、致富带头人"))
        self.selection = EnumCombo(ElderSelection, placeholder=True)
        self.selection.retranslate(translate("ElderDialog", "一事一议（不入库）") if ad_hoc
                                   else translate("ElderDialog", "请选择"))
        self.selected_on = QLineEdit()
        self.selected_on.setPlaceholderText(translate("ElderDialog", "如 2024-01-15"))
        self.term_end = QLineEdit()
        self.term_end.setPlaceholderText(translate("ElderDialog", "不填则按三年任期推算"))
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.specialty_boxes: dict[DisputeType, QCheckBox] = {}
        specialties = QGroupBox(translate("ElderDialog", "擅长调解的纠纷"))
        grid = QGridLayout(specialties)
        for i, kind in enumerate(DisputeType):
            box = QCheckBox(vtr(kind.label).removesuffix("纠纷"))
            self.specialty_boxes[kind] = box
            grid.addWidget(box, i // 4, i % 4)

        self.boxes = {
            "name": FieldBox(self.name), "sex": FieldBox(self.sex), "birth_year": FieldBox(self.birth_year),
            "village": FieldBox(self.village), "group": FieldBox(self.group), "phone": FieldBox(self.phone),
            "identity": FieldBox(self.identity), "identity_note": FieldBox(self.identity_note),
            "selection": FieldBox(self.selection), "selected_on": FieldBox(self.selected_on),
            "term_end": FieldBox(self.term_end), "notes": FieldBox(self.notes),
        }
        self.notice = NoticeLabel()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        left = QFormLayout()
        right = QFormLayout()
        for layout, rows in ((left, (("name", translate("ElderDialog", "姓名 *")), ("sex", translate("ElderDialog", "性别 *")),
                                       ("birth_year", translate("ElderDialog", "出生年份")),
                                       ("village", translate("ElderDialog", "村 *")), ("group", translate("ElderDialog", "村民小组")),
                                       ("phone", translate("ElderDialog", "联系电话")))),
                             (right, (("identity", translate("ElderDialog", "身份 *")),
                                      ("identity_note", translate("ElderDialog", "身份说明")),
                                      ("selection", translate("ElderDialog", "产生方式") + ("" if ad_hoc else " *")),
                                      ("selected_on", translate("ElderDialog", "推选/聘任日期")),
                                      ("term_end", translate("ElderDialog", "任期至"))))):
            for key, label in rows:
                layout.addRow(label, self.boxes[key])
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(12)
        columns.addLayout(right, 1)
        form.addRow(translate("ElderDialog", "备注"), self.boxes["notes"])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(translate("ElderDialog", "保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("ElderDialog", "取消"))
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        if ad_hoc:
            hint = NoticeLabel()
            hint.show_notice("info", translate(
                "ElderDialog", "一事一议：当事人共同选定的库外人选，只参与本案，不列入明白人库。"))
            layout.addWidget(hint)
        layout.addWidget(self.notice)
        layout.addLayout(columns)
        layout.addWidget(specialties)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.identity.currentIndexChanged.connect(self._identity_changed)
        self.selected_on.editingFinished.connect(self._suggest_term)
        self.load(initial or ElderInput(ad_hoc=ad_hoc))
        self._identity_changed()

        self._autosave = QTimer(self, singleShot=True, interval=800, timeout=self.save_draft)
        for editor in (self.name, self.birth_year, self.group, self.phone, self.identity_note, self.selected_on,
                       self.term_end):
            editor.textEdited.connect(self._autosave.start)
        self.village.editTextChanged.connect(self._autosave.start)
        self.notes.textChanged.connect(self._autosave.start)
        for combo in (self.sex, self.identity, self.selection):
            combo.currentIndexChanged.connect(self._autosave.start)
        for box in self.specialty_boxes.values():
            box.toggled.connect(self._autosave.start)
        self._offer_draft()
        set_minimum_width(self, 680)

    # -- form <-> input ---------------------------------------------------------------
    def load(self, data: ElderInput) -> None:
        self.name.setText(data.name)
        self.sex.set_current(data.sex)
        self.birth_year.setText(data.birth_year_text)
        self.village.setCurrentText(data.village)
        self.group.setText(data.group)
        self.phone.setText(data.phone)
        self.identity.set_current(data.identity)
        self.identity_note.setText(data.identity_note)
        self.selection.set_current(data.selection)
        self.selected_on.setText(data.selected_on_text)
        self.term_end.setText(data.term_end_text)
        self.notes.setPlainText(data.notes)
        for kind, box in self.specialty_boxes.items():
            box.setChecked(kind in data.specialties)

    def to_input(self) -> ElderInput:
        return ElderInput(
            name=self.name.text(), sex=self.sex.current(), birth_year_text=self.birth_year.text(),
            village=self.village.currentText(), group=self.group.text(), phone=self.phone.text(),
            identity=self.identity.current(), identity_note=self.identity_note.text(),
            selection=self.selection.current(), selected_on_text=self.selected_on.text(),
            term_end_text=self.term_end.text(),
            specialties=tuple(k for k, box in self.specialty_boxes.items() if box.isChecked()),
            notes=self.notes.toPlainText(), ad_hoc=self._ad_hoc,
        )

    def _identity_changed(self) -> None:
        self.identity_note.setEnabled(self.identity.current() is ElderIdentity.OTHER)

    def _suggest_term(self) -> None:
        """Fill 任期至 with a three-year term (Art. 9) when the date of selection is typed first."""
        if self.term_end.text().strip():
            return
        try:
            start = parse_date(self.selected_on.text())
        except TextError:
            return
        if start:
            self.term_end.setText(default_term_end(start).isoformat())

    # -- saving -----------------------------------------------------------------------
    def show_errors(self, errors: list[FieldError]) -> None:
        for key, box in self.boxes.items():
            box.set_error("")
        unplaced = []
        for error in errors:
            box = self.boxes.get(error.field)
            if box is None:
                unplaced.append(error_text(error))
            elif not box.error:
                box.set_error(error_text(error))
        first = next((self.boxes[e.field] for e in errors if e.field in self.boxes), None)
        if first is not None:
            first.setFocus()
        self.notice.show_notice("error", translate("ElderDialog", "有{n}处需要修改，见各项下方的红字。").format(
            n=len(errors)) + ("\n" + "\n".join(unplaced) if unplaced else ""))
        self.adjustSize()  # make room for the messages under the fields

    def try_save(self) -> None:
        from ..domain.selection import ChoiceRefused

        try:
            self.saved = self._save(self.to_input())
        except ValidationFailed as failed:
            if failed.errors:  # no errors: a follow-up question was cancelled; keep the form as it is
                self.show_errors(failed.errors)
            return
        except ChoiceRefused as refused:  # e.g. this person is in the pool already
            params = {k: vtr(v) if isinstance(v, str) else v for k, v in refused.params.items()}
            self.notice.show_notice("error", translate("Selection", refused.message).format(**params))
            return
        self._autosave.stop()  # nothing left to keep: a late autosave would offer the saved entry again
        self._discard_draft()
        self.accept()

    def reject(self) -> None:
        self._autosave.stop()
        self._discard_draft()  # 取消 is the explicit choice to drop what was typed
        super().reject()

    # -- drafts -----------------------------------------------------------------------
    def save_draft(self) -> None:
        if self._drafts is None or not self._draft_name:
            return
        data = self.to_input()
        payload = {k: v for k, v in vars(data).items() if k not in ("sex", "identity", "selection", "specialties")}
        payload.update(sex=data.sex.value if data.sex else None, identity=data.identity.value if data.identity else None,
                       selection=data.selection.value if data.selection else None,
                       specialties=[t.value for t in data.specialties])
        self._drafts.save(self._draft_name, payload)

    def _offer_draft(self) -> None:
        if self._drafts is None or not self._draft_name:
            return
        found = self._drafts.load(self._draft_name)
        if not found:
            return
        payload, saved_at = found
        try:
            data = ElderInput(
                name=payload["name"], sex=Sex.from_code(payload["sex"]), birth_year_text=payload["birth_year_text"],
                village=payload["village"], group=payload["group"], phone=payload["phone"],
                identity=ElderIdentity.from_code(payload["identity"]), identity_note=payload["identity_note"],
                selection=ElderSelection.from_code(payload["selection"]),
                selected_on_text=payload["selected_on_text"], term_end_text=payload["term_end_text"],
                specialties=tuple(DisputeType(v) for v in payload["specialties"]), notes=payload["notes"],
                ad_hoc=self._ad_hoc)
        except (KeyError, ValueError, TypeError):
            self._drafts.set_aside(self._draft_name)
            return
        self.load(data)
        self.notice.show_notice("info", translate("ElderDialog", "已恢复{time}未保存的内容。").format(
            time=saved_at.strftime("%Y-%m-%d %H:%M")))

    def _discard_draft(self) -> None:
        if self._drafts is not None and self._draft_name:
            self._drafts.discard(self._draft_name)


class PersonDialog(QDialog):
    """Add or edit a 主持人, 见证人 or 记录人 of the reusable lists."""

    def __init__(self, save, *, initial: PersonInput, fixed_role: bool = False, roles=None, parent=None):
        """``roles``: the roles offered (default: all three; the hub's roster offers 主持人 and 见证人)."""
        super().__init__(parent)
        self._save = save
        self.saved = None
        self.setWindowTitle(translate("PersonDialog", "人员信息"))
        self.role = EnumCombo(Role, placeholder=True, members=roles)
        self.role.retranslate(translate("PersonDialog", "请选择"))
        self.role.setEnabled(not fixed_role)
        self.name = QLineEdit()
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.post = QLineEdit()
        self.post.setPlaceholderText(translate("PersonDialog", "如 村支书、民警、所长"))
        self.host_kind = EnumCombo(HostKind, placeholder=True)
        self.host_kind.retranslate(translate("PersonDialog", "请选择"))
        self.phone = QLineEdit()
        self.boxes = {"role": FieldBox(self.role), "name": FieldBox(self.name), "unit": FieldBox(self.unit),
                      "post": FieldBox(self.post), "host_kind": FieldBox(self.host_kind), "phone": FieldBox(self.phone)}
        self.notice = NoticeLabel()
        form = QFormLayout()
        form.addRow(translate("PersonDialog", "角色 *"), self.boxes["role"])
        form.addRow(translate("PersonDialog", "姓名 *"), self.boxes["name"])
        self.unit_label_row = form.rowCount()
        form.addRow(translate("PersonDialog", "单位/部门"), self.boxes["unit"])
        form.addRow(translate("PersonDialog", "职务"), self.boxes["post"])
        form.addRow(translate("PersonDialog", "主持人类别"), self.boxes["host_kind"])
        form.addRow(translate("PersonDialog", "联系电话"), self.boxes["phone"])
        self.form = form
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(translate("PersonDialog", "保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("PersonDialog", "取消"))
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.role.set_current(initial.role)
        self.name.setText(initial.name)
        self.unit.setCurrentText(initial.unit)
        self.post.setText(initial.post)
        self.host_kind.set_current(initial.host_kind)
        self.phone.setText(initial.phone)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        set_minimum_width(self, 420)

    def _role_changed(self) -> None:
        role = self.role.current()
        self.host_kind.setEnabled(role is Role.HOST)
        self.form.labelForField(self.boxes["host_kind"]).setEnabled(role is Role.HOST)
        text = self.unit.currentText()
        self.unit.clear()
        if role is Role.WITNESS:
            self.unit.addItems(WITNESS_DEPARTMENTS)
            self.form.labelForField(self.boxes["unit"]).setText(translate("PersonDialog", "职能部门 *"))
        else:
            self.form.labelForField(self.boxes["unit"]).setText(
                translate("PersonDialog", "单位 *") if role is Role.HOST else translate("PersonDialog", "单位"))
        self.unit.setCurrentText(text)

    def to_input(self) -> PersonInput:
        return PersonInput(role=self.role.current(), name=self.name.text(), unit=self.unit.currentText(),
                           post=self.post.text(), host_kind=self.host_kind.current(), phone=self.phone.text())

    def try_save(self) -> None:
        try:
            self.saved = self._save(self.to_input())
        except ValidationFailed as failed:
            for box in self.boxes.values():
                box.set_error("")
            for error in failed.errors:
                box = self.boxes.get(error.field)
                if box is not None and not box.error:
                    box.set_error(error_text(error))
            self.notice.show_notice("error", translate("PersonDialog", "请按红字提示修改后再保存。"))
            self.adjustSize()
            return
        self.accept()
