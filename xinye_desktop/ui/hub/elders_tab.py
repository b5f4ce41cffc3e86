"""明白人库: the 明白人 of every village the hub holds (Xinye counts 6,775 in about 255 villages), the serving
ones counted per village and by 五老 identity, and a page of them with their names opened
(services/hub/overview.elders). Read-only: each village keeps its own roster."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from ...domain.enums import ElderIdentity, ElderSelection, Sex
from ...domain.hub_overview import HubElderFilter
from ..i18n import translate, vtr
from ..widgets import Cell, RowsModel, rows_view
from .common import PagedHubTab, committee_cell, label_of



class EldersTab(PagedHubTab):
    def __init__(self, overview, holdings, parent: QWidget | None = None):
        super().__init__(overview, holdings, parent)
        self.identity_combo = QComboBox()
        self.identity_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.identity_combo.addItem("", None)
        for identity in ElderIdentity:
            self.identity_combo.addItem(vtr(identity.label), identity.value)
        self.retired_check = QCheckBox()
        for combo in (self.township_combo, self.committee_combo, self.identity_combo):
            combo.activated.connect(self.search)
        self.retired_check.toggled.connect(self.search)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.counts_model = RowsModel()
        self.counts_view = rows_view(self.counts_model)
        self.model = RowsModel()
        self.view = rows_view(self.model)
        self.page_label = QLabel()
        self.labels = {name: QLabel() for name in ("township", "committee", "identity")}

        top = QHBoxLayout()
        for name, widget in (("township", self.township_combo), ("committee", self.committee_combo),
                             ("identity", self.identity_combo)):
            top.addWidget(self.labels[name])
            top.addWidget(widget)
        top.addWidget(self.retired_check)
        top.addStretch(1)
        people = QWidget()
        people_layout = QVBoxLayout(people)
        people_layout.setContentsMargins(0, 0, 0, 0)
        people_layout.addWidget(self.view, 1)
        pager = QHBoxLayout()
        pager.addWidget(self.page_label, 1)
        pager.addWidget(self.previous_button)
        pager.addWidget(self.next_button)
        people_layout.addLayout(pager)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.counts_view)
        split.addWidget(people)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(split, 1)
        self.retranslate()

    def elder_filter(self) -> HubElderFilter:
        return HubElderFilter(township=self.township_combo.currentData() or "",
                              committee_id=self.committee_combo.currentData(),
                              identity=self.identity_combo.currentData(), include_retired=self.retired_check.isChecked())

    def load(self):
        return self.committees_once(), self._overview.elders(self.elder_filter(), offset=self.offset, limit=self.PAGE)

    def show_loaded(self, result) -> None:
        committees, page = result
        self.fill_committees(committees)
        self.page = page
        serving = sum(page.by_identity.values())
        kinds = "，".join(f"{label_of(ElderIdentity, code) or translate('HubEldersTab', '未写明')} {n} 人"
                         for code, n in page.by_identity.items())
        self.summary_label.setText(translate("HubEldersTab", "在任明白人 {serving} 人，分布在 {villages} 个村（{kinds}）。").format(
            serving=f"{serving:,}", villages=len(page.counts), kinds=kinds or "—"))
        self.counts_model.set_rows([[Cell(c.township), Cell(c.village), committee_cell(c.committee),
                                     Cell(str(c.total), right=True)] for c in page.counts])
        this_year = dt.date.today().year
        self.model.set_rows([
            [Cell(e.name or translate("HubEldersTab", "（未解开）")), Cell(label_of(Sex, e.sex)),
             Cell(str(this_year - e.birth_year) if e.birth_year else "", right=True),
             Cell(e.township), Cell(e.village), Cell(label_of(ElderIdentity, e.identity)),
             Cell(label_of(ElderSelection, e.selection)), Cell(e.term_end or ""),
             Cell(translate("HubEldersTab", "已退出") if e.retired else translate("HubEldersTab", "在任"),
                  colour="#777777" if e.retired else "")] for e in page.rows])
        self._pager()

    def show_error(self, text: str) -> None:
        self.page = None
        self.summary_label.setText(text)
        self.counts_model.set_rows([])
        self.model.set_rows([])
        self._pager()

    def _pager(self) -> None:
        if self.page is None:
            self.page_label.clear()
        self.update_pager(self.page_label, translate("HubEldersTab", "共 {total} 人，第 {first}–{last} 人"),
                          translate("HubEldersTab", "没有符合条件的明白人。"))

    def retranslate(self) -> None:
        texts = {"township": translate("HubEldersTab", "乡镇"), "committee": translate("HubEldersTab", "调委会"),
                 "identity": translate("HubEldersTab", "身份")}
        for name, label in self.labels.items():
            label.setText(texts[name])
        self.identity_combo.setItemText(0, translate("HubEldersTab", "全部身份"))
        for index, identity in enumerate(ElderIdentity, start=1):
            self.identity_combo.setItemText(index, vtr(identity.label))
        self.retranslate_pager()
        self.retired_check.setText(translate("HubEldersTab", "含已退出的"))
        self.counts_model.set_headers([translate("HubEldersTab", "乡镇"), translate("HubEldersTab", "村"),
                                       translate("HubEldersTab", "调委会"), translate("HubEldersTab", "在任人数")])
        self.model.set_headers([translate("HubEldersTab", "姓名"), translate("HubEldersTab", "性别"),
                                translate("HubEldersTab", "年龄"), translate("HubEldersTab", "乡镇"),
                                translate("HubEldersTab", "村"), translate("HubEldersTab", "身份"),
                                translate("HubEldersTab", "产生方式"), translate("HubEldersTab", "任期至"),
                                translate("HubEldersTab", "状态")])
        if self.page is not None:
            self.show_loaded((None, self.page))
