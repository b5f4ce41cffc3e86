"""开场: the day and place, public or not, the rights notice read, every party present, informed and willing."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
)

from ...domain.roles import Role
from ...domain.session import SittingData, Step, rights_notice_text
from ...domain.text import TextError, parse_date
from ..i18n import join_list, translate
from .step_page import StepPage, clear_layout, fill_tri, parties_of, set_tri


class OpeningStep(StepPage):
    step = Step.OPENING

    def __init__(self, parent=None):
        super().__init__(parent)
        self._parties = 2  # how many parties the rights notice addresses
        self.held_on = QLineEdit()
        self.place = QLineEdit()
        self.public = QComboBox()
        self.public_reason = QLineEdit()
        self.people_label = QLabel()
        self.people_label.setWordWrap(True)
        self.attendees = QLineEdit()
        self.notice_button = QPushButton(clicked=self.show_rights_notice)
        self.notice_read = QCheckBox()
        form = QFormLayout()
        self.opening_form = form
        form.addRow(QLabel(), self.held_on)
        form.addRow(QLabel(), self.place)
        form.addRow(QLabel(), self.public)
        form.addRow(QLabel(), self.public_reason)
        form.addRow(QLabel(), self.people_label)
        form.addRow(QLabel(), self.attendees)
        row = QHBoxLayout()
        row.addWidget(self.notice_button)
        row.addWidget(self.notice_read, 1)
        form.addRow(QLabel(), row)
        self.body.addLayout(form)
        self.party_box = QGroupBox()
        self.party_grid = QGridLayout(self.party_box)
        self.body.addWidget(self.party_box)
        self.party_widgets: dict[int, dict] = {}  # per party: present, confirmed, voluntary
        self.watch(self.held_on, self.place, self.public, self.public_reason, self.attendees, self.notice_read)

    def retranslate(self) -> None:
        self.guide.setText(translate("SessionTab", "主持人宣布“调解程序现在开始”。核对到场人员，询问是否公开调解，宣读当事人权利义务告知，请每位当事人确认听清，并再次询问是否自愿调解——有一方明确不愿调解的，不能继续（人民调解法第十七条）。"))
        labels = self.opening_form
        for field, text in ((self.held_on, translate("SessionTab", "调解日期 *")), (self.place, translate("SessionTab", "调解地点 *")),
                            (self.public, translate("SessionTab", "是否公开 *")), (self.public_reason, translate("SessionTab", "不公开的原因")),
                            (self.people_label, translate("SessionTab", "调解员等")), (self.attendees, translate("SessionTab", "参加人、旁听人"))):
            labels.labelForField(field).setText(text)
        self.held_on.setPlaceholderText(translate("SessionTab", "如 2026-11-20"))
        self.attendees.setPlaceholderText(translate("SessionTab", "受邀参加的亲属、邻里等（见证人已列入）"))
        fill_tri(self.public, translate("SessionTab", "未询问"), translate("SessionTab", "公开调解"), translate("SessionTab", "不公开调解"))
        self.notice_button.setText(translate("SessionTab", "查看并宣读权利义务告知…"))
        self.notice_read.setText(translate("SessionTab", "已向当事人宣读"))
        self.party_box.setTitle(translate("SessionTab", "当事人到场与确认"))

    def load(self, data: SittingData, overview, editable: bool) -> None:
        party_ids, names = parties_of(overview)
        self._parties = len(party_ids) if overview is not None else 2
        self.held_on.setText(data.held_on.isoformat() if data.held_on else "")
        self.place.setText(data.place)
        set_tri(self.public, data.public)
        self.public_reason.setText(data.public_reason)
        self.attendees.setText(data.attendees)
        self.notice_read.setChecked(data.notice_read)
        self.people_label.setText(self._people_text(overview))
        self._build_party_rows(party_ids, names, data)
        self.set_editable(editable)

    def set_editable(self, editable: bool) -> None:
        super().set_editable(editable)
        self.notice_button.setEnabled(True)  # the notice can be read out again whatever the sitting's state

    def store(self, data: SittingData) -> None:
        try:
            data.held_on = parse_date(self.held_on.text())
        except TextError:
            data.held_on = None  # not a date: the step shows the date as missing until it is one
        data.place = self.place.text()
        data.public = self.public.currentData()
        data.public_reason = self.public_reason.text()
        data.attendees = self.attendees.text()
        data.notice_read = self.notice_read.isChecked()
        for pid, widgets in self.party_widgets.items():
            record = data.party(pid)
            record.present = widgets["present"].currentData()
            record.notice_confirmed = widgets["confirmed"].isChecked()
            record.voluntary = widgets["voluntary"].currentData()

    @staticmethod
    def _people_text(overview) -> str:
        if overview is None:
            return ""
        sel = overview.selection
        hosts = join_list(p.name for p in sel.people(Role.HOST)) or translate("SessionTab", "（未定）")
        elders = join_list(c.elder.name for c in sel.chosen) or translate("SessionTab", "（未定）")
        witnesses = join_list(p.name for p in sel.people(Role.WITNESS)) or translate("SessionTab", "（无）")
        recorder = join_list(p.name for p in sel.people(Role.RECORDER)) or translate("SessionTab", "（未定）")
        return translate("SessionTab", "主持人：{hosts}；明白人：{elders}；见证人：{witnesses}；记录人：{recorder}").format(
            hosts=hosts, elders=elders, witnesses=witnesses, recorder=recorder)

    def _build_party_rows(self, party_ids, names, data: SittingData) -> None:
        clear_layout(self.party_grid)
        self.party_widgets = {}
        for row, pid in enumerate(party_ids):
            record = data.parties.get(pid)
            present, confirmed, voluntary = QComboBox(), QCheckBox(translate("SessionTab", "已听清权利义务")), QComboBox()
            fill_tri(present, translate("SessionTab", "是否到场？"), translate("SessionTab", "到场"), translate("SessionTab", "未到场"))
            fill_tri(voluntary, translate("SessionTab", "是否自愿调解？"), translate("SessionTab", "愿意调解"),
                     translate("SessionTab", "不愿调解"))
            if record:
                set_tri(present, record.present)
                confirmed.setChecked(record.notice_confirmed)
                set_tri(voluntary, record.voluntary)
            self.party_grid.addWidget(QLabel(names.get(pid, "")), row, 0)
            self.party_grid.addWidget(present, row, 1)
            self.party_grid.addWidget(confirmed, row, 2)
            self.party_grid.addWidget(voluntary, row, 3)
            self.party_widgets[pid] = {"present": present, "confirmed": confirmed, "voluntary": voluntary}
            self.watch(present, confirmed, voluntary)

    def show_rights_notice(self) -> None:
        # The statutory wording is read to the parties in Chinese whatever the interface language.
        # 各方当事人 rather than 双方 when more than two parties take part.
        QMessageBox.information(self, translate("SessionTab", "人民调解当事人权利义务告知"),
                                rights_notice_text(self._parties))
