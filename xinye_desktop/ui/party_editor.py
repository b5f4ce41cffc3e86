"""One party's block in the intake form: the MOJ fields for a person or an organisation."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget,
)

from ..domain.cases import PartyInput
from ..domain.enums import ETHNIC_GROUPS, PartyKind, PartyRole, Sex
from ..domain.identity import IdentifierError, check_id_number, mask_id_number
from ..domain.text import age_on
from .i18n import Retranslating, translate
from .widgets import EnumCombo, FieldBox

CTX = "PartyEditor"


class PartyEditor(Retranslating, QGroupBox):
    changed = Signal()
    remove_requested = Signal(object)
    submit_requested = Signal()

    def __init__(self, index: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.index = index
        self.party_id: int | None = None
        self._stored_id_number = ""   # full number of a saved party, shown masked until revealed

        self.kind_combo = EnumCombo(PartyKind)
        self.role_combo = EnumCombo(PartyRole)
        self.name_edit = QLineEdit()
        self.id_number_edit = QLineEdit()
        self.id_number_edit.setMaxLength(22)
        self.reveal_id_button = QPushButton()
        self.reveal_id_button.hide()
        self.sex_combo = EnumCombo(Sex, placeholder=True)
        self.ethnicity_combo = QComboBox()
        self.ethnicity_combo.setEditable(True)
        self.ethnicity_combo.addItems(ETHNIC_GROUPS)
        self.birth_date_edit = QLineEdit()
        self.age_edit = QLineEdit()
        self.age_edit.setMaxLength(4)
        self.occupation_edit = QLineEdit()
        self.phone_edit = QLineEdit()
        self.address_edit = QLineEdit()
        self.legal_rep_edit = QLineEdit()
        self.credit_code_edit = QLineEdit()
        self.credit_code_edit.setMaxLength(24)
        self.claims_edit = QPlainTextEdit()
        self.claims_edit.setTabChangesFocus(True)
        self.claims_edit.setFixedHeight(60)
        self.remove_button = QPushButton()

        self.boxes: dict[str, FieldBox] = {}
        self.labels: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        id_row = QWidget()
        id_layout = QHBoxLayout(id_row)
        id_layout.setContentsMargins(0, 0, 0, 0)
        id_layout.addWidget(self.id_number_edit, 1)
        id_layout.addWidget(self.reveal_id_button)
        id_row.setFocusProxy(self.id_number_edit)

        placements = [
            ("kind", self.kind_combo, 0, 0), ("role", self.role_combo, 0, 2),
            ("name", self.name_edit, 1, 0), ("id_number", id_row, 1, 2),
            ("sex", self.sex_combo, 2, 0), ("ethnicity", self.ethnicity_combo, 2, 2),
            ("birth_date", self.birth_date_edit, 3, 0), ("age", self.age_edit, 3, 2),
            ("legal_representative", self.legal_rep_edit, 4, 0), ("credit_code", self.credit_code_edit, 4, 2),
            ("occupation", self.occupation_edit, 5, 0), ("phone", self.phone_edit, 5, 2),
        ]
        for key, editor, row, col in placements:
            self._place(grid, key, editor, row, col, 1)
        self._place(grid, "address", self.address_edit, 6, 0, 3)
        self._place(grid, "claims", self.claims_edit, 7, 0, 3)
        grid.addWidget(self.remove_button, 8, 3)
        self.boxes["id_number"].editor = self.id_number_edit

        for edit in (self.name_edit, self.id_number_edit, self.birth_date_edit, self.age_edit,
                     self.occupation_edit, self.phone_edit, self.address_edit, self.legal_rep_edit,
                     self.credit_code_edit):
            edit.textChanged.connect(self.changed)
            edit.returnPressed.connect(self.submit_requested)
        for combo in (self.kind_combo, self.role_combo, self.sex_combo):
            combo.currentIndexChanged.connect(self.changed)
        self.ethnicity_combo.currentTextChanged.connect(self.changed)
        self.claims_edit.textChanged.connect(self.changed)
        self.kind_combo.currentIndexChanged.connect(self._apply_kind)
        self.id_number_edit.editingFinished.connect(self._on_id_number_edit_finished)
        self.reveal_id_button.clicked.connect(self._on_reveal_id_button_clicked)
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self))
        self.retranslate()
        self._apply_kind()

    def _place(self, grid: QGridLayout, key: str, editor: QWidget, row: int, col: int, span: int) -> None:
        label = QLabel()
        box = FieldBox(editor)
        label.setBuddy(editor)
        grid.addWidget(label, row, col)
        grid.addWidget(box, row, col + 1, 1, span)
        self.labels[key] = label
        self.boxes[key] = box

    # -- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.set_index(self.index)
        self.kind_combo.retranslate()
        self.role_combo.retranslate()
        self.sex_combo.retranslate(translate("PartyEditor", "请选择"))
        organisation = self.kind() is PartyKind.ORGANISATION
        texts = {
            "kind": translate("PartyEditor", "类别"), "role": translate("PartyEditor", "地位"),
            "name": translate("PartyEditor", "单位名称") if organisation else translate("PartyEditor", "姓名"),
            "id_number": translate("PartyEditor", "身份证号"), "sex": translate("PartyEditor", "性别"), "ethnicity": translate("PartyEditor", "民族"),
            "birth_date": translate("PartyEditor", "出生日期"), "age": translate("PartyEditor", "年龄"),
            "occupation": translate("PartyEditor", "经营范围") if organisation else translate("PartyEditor", "职业或职务"),
            "phone": translate("PartyEditor", "联系电话"), "address": translate("PartyEditor", "单位地址") if organisation else translate("PartyEditor", "住址"),
            "legal_representative": translate("PartyEditor", "法定代表人"), "credit_code": translate("PartyEditor", "统一社会信用代码"),
            "claims": translate("PartyEditor", "请求事项"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.id_number_edit.setPlaceholderText(translate("PartyEditor", "选填，18位；填后自动带出性别和出生日期"))
        self.birth_date_edit.setPlaceholderText(translate("PartyEditor", "如 1968-03-15"))
        self.age_edit.setPlaceholderText(translate("PartyEditor", "不知出生日期时填"))
        self.phone_edit.setPlaceholderText(translate("PartyEditor", "手机或带区号的座机"))
        self.address_edit.setPlaceholderText(translate("PartyEditor", "如 新野县王庄镇王庄村3组"))
        self.claims_edit.setPlaceholderText(translate("PartyEditor", "这一方要求解决什么"))
        self.reveal_id_button.setText(translate("PartyEditor", "显示并修改"))
        self.remove_button.setText(translate("PartyEditor", "移除这位当事人"))

    def set_index(self, index: int) -> None:
        self.index = index
        self.setTitle(translate("PartyEditor", "当事人{n}").format(n=index + 1))

    # -- behaviour -----------------------------------------------------------------------
    def kind(self) -> PartyKind:
        return self.kind_combo.current()

    def _apply_kind(self) -> None:
        organisation = self.kind() is PartyKind.ORGANISATION
        for key in ("id_number", "sex", "ethnicity", "birth_date", "age"):
            self.labels[key].setVisible(not organisation)
            self.boxes[key].setVisible(not organisation)
        for key in ("legal_representative", "credit_code"):
            self.labels[key].setVisible(organisation)
            self.boxes[key].setVisible(organisation)
        self.retranslate()

    def _on_id_number_edit_finished(self) -> None:
        """A valid ID number fills in sex, birth date and age; a bad one is flagged at once."""
        text = self.id_number_edit.text().strip()
        if not text or self.id_number_edit.isReadOnly():
            return
        try:
            info = check_id_number(text)
        except IdentifierError as err:
            self.boxes["id_number"].set_error(translate("Validation", str(err)))
            return
        self.boxes["id_number"].set_error("")
        self.id_number_edit.setText(info.number)
        self.sex_combo.set_current(info.sex)
        self.birth_date_edit.setText(info.birth_date.isoformat())
        self.age_edit.setText(str(age_on(info.birth_date, dt.date.today())))

    def _on_reveal_id_button_clicked(self) -> None:
        self.id_number_edit.setReadOnly(False)
        self.id_number_edit.setText(self._stored_id_number)
        self.reveal_id_button.hide()
        self.id_number_edit.setFocus()

    # -- data ----------------------------------------------------------------------------
    def to_input(self) -> PartyInput:
        id_number = self.id_number_edit.text()
        if self.id_number_edit.isReadOnly():  # still masked: keep what is on file
            id_number = self._stored_id_number
        return PartyInput(
            kind=self.kind(), role=self.role_combo.current(), name=self.name_edit.text(),
            sex=self.sex_combo.current(), ethnicity=self.ethnicity_combo.currentText(),
            birth_date_text=self.birth_date_edit.text(), age_text=self.age_edit.text(),
            occupation=self.occupation_edit.text(), phone=self.phone_edit.text(), address=self.address_edit.text(),
            id_number=id_number, legal_representative=self.legal_rep_edit.text(),
            credit_code=self.credit_code_edit.text(), claims=self.claims_edit.toPlainText(), party_id=self.party_id,
        )

    def load_input(self, p: PartyInput, *, mask_id: bool = False) -> None:
        self.party_id = p.party_id
        self.kind_combo.set_current(p.kind)
        self.role_combo.set_current(p.role)
        self.name_edit.setText(p.name)
        self.sex_combo.set_current(p.sex)
        self.ethnicity_combo.setCurrentText(p.ethnicity)
        self.birth_date_edit.setText(p.birth_date_text)
        self.age_edit.setText(p.age_text)
        self.occupation_edit.setText(p.occupation)
        self.phone_edit.setText(p.phone)
        self.address_edit.setText(p.address)
        self.legal_rep_edit.setText(p.legal_representative)
        self.credit_code_edit.setText(p.credit_code)
        self.claims_edit.setPlainText(p.claims)
        self._stored_id_number = p.id_number if mask_id else ""
        masked = mask_id and bool(p.id_number)
        self.id_number_edit.setReadOnly(masked)
        self.id_number_edit.setText(mask_id_number(p.id_number) if masked else p.id_number)
        self.reveal_id_button.setVisible(masked)
        self._apply_kind()

    def has_content(self) -> bool:
        p = self.to_input()
        return any((p.name, p.id_number, p.phone, p.address, p.claims, p.occupation, p.birth_date_text, p.age_text))

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, box in self.boxes.items():
            box.set_error(errors.get(key, ""))

    def focus_field(self, key: str) -> None:
        box = self.boxes.get(key)
        if box is not None:
            box.editor.setFocus()

