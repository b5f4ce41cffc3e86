"""汇总台账: the villages' cases as the hub holds them, read-only, a page at a time (services/hub/overview.ledger:
on the county's ~750,000 cases a page is a tenth of a second). The 案号 search looks in the 案号 only: the
names are sealed to the hub's key and opened for the page shown."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from ...domain.enums import CaseStatus, DisputeType
from ...domain.hub_overview import HubLedgerFilter
from ..i18n import join_list, translate, vtr
from ..widgets import Cell, RowsModel, rows_view, selected_row
from .common import PagedHubTab, committee_cell, dispute_label, status_label



class HubLedgerTab(PagedHubTab):
    review_requested = Signal(str, str)  # committee id, case uuid

    def __init__(self, overview, holdings, parent: QWidget | None = None, today=dt.date.today):
        super().__init__(overview, holdings, parent)
        self.year_combo = QComboBox()
        self.year_combo.addItem("", None)
        for year in range(today().year, today().year - 6, -1):
            self.year_combo.addItem(str(year), year)
        self.status_combo = QComboBox()
        self.status_combo.addItem("", None)
        for status in CaseStatus:
            self.status_combo.addItem(vtr(status.label), status.value)
        self.type_combo = QComboBox()
        self.type_combo.addItem("", None)
        for kind in DisputeType:
            self.type_combo.addItem(vtr(kind.label), kind.value)
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(self.search_edit.fontMetrics().horizontalAdvance("案号或其中几个字，如 新调字第012") + 60)
        self.deleted_check = QCheckBox()
        self.search_button = QPushButton()
        self.search_button.setDefault(True)
        self.search_edit.returnPressed.connect(self.search)
        self.search_button.clicked.connect(self.search)
        for combo in (self.township_combo, self.committee_combo, self.year_combo, self.status_combo, self.type_combo):
            combo.activated.connect(self.search)
        self.deleted_check.toggled.connect(self.search)

        self.model = RowsModel()
        self.view = rows_view(self.model)
        self.view.doubleClicked.connect(lambda _index: self.review_selected())
        self.count_label = QLabel()
        self.review_button = QPushButton()
        self.review_button.clicked.connect(self.review_selected)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

        self.labels = {name: QLabel() for name in ("township", "committee", "year", "status", "type", "search")}
        first = QHBoxLayout()
        for name, widget in (("township", self.township_combo), ("committee", self.committee_combo),
                             ("year", self.year_combo), ("status", self.status_combo), ("type", self.type_combo)):
            first.addWidget(self.labels[name])
            first.addWidget(widget)
        first.addStretch(1)
        second = QHBoxLayout()
        second.addWidget(self.labels["search"])
        second.addWidget(self.search_edit)
        second.addWidget(self.deleted_check)
        second.addWidget(self.search_button)
        second.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.review_button)
        bottom.addWidget(self.previous_button)
        bottom.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.retranslate()
        self._update_buttons()

    # -- the filter ------------------------------------------------------------------------------------
    def ledger_filter(self) -> HubLedgerFilter:
        return HubLedgerFilter(township=self.township_combo.currentData() or "",
                               committee_id=self.committee_combo.currentData(), year=self.year_combo.currentData(),
                               status=self.status_combo.currentData(), dispute_type=self.type_combo.currentData(),
                               text=self.search_edit.text().strip(), include_deleted=self.deleted_check.isChecked())

    def load(self):
        return self.committees_once(), self._overview.ledger(self.ledger_filter(), offset=self.offset, limit=self.PAGE)

    def show_loaded(self, result) -> None:
        committees, page = result
        self.fill_committees(committees)
        self.page = page
        rows = []
        for row in page.rows:
            deleted = translate("HubLedgerTab", "（村里已删除）") if row.deleted else ""
            names = join_list(row.party_names.split())
            rows.append([committee_cell(row.committee), Cell(row.case_number + deleted,
                                                             colour="#777777" if row.deleted else ""),
                         Cell(row.received_date), Cell(row.village + (f" {row.group}" if row.group else "")),
                         Cell(dispute_label(row.dispute_type)), Cell(status_label(row.status)),
                         Cell(row.effective_on or ""), Cell(names, tooltip=names)])
        self.model.set_rows(rows)
        self._update_buttons()

    def show_error(self, text: str) -> None:
        self.page = None
        self.model.set_rows([])
        self.count_label.setText(text)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.review_button.setEnabled(selected_row(self.view) is not None)
        self.update_pager(self.count_label, translate("HubLedgerTab", "共 {total} 件，第 {first}–{last} 件"),
                          translate("HubLedgerTab", "没有符合条件的案件。"))

    def review_selected(self) -> None:
        index = selected_row(self.view)
        if index is None or self.page is None:
            return
        row = self.page.rows[index]
        self.review_requested.emit(row.committee_id, row.uuid)

    def retranslate(self) -> None:
        texts = {"township": translate("HubLedgerTab", "乡镇"), "committee": translate("HubLedgerTab", "调委会"),
                 "year": translate("HubLedgerTab", "年度"), "status": translate("HubLedgerTab", "状态"),
                 "type": translate("HubLedgerTab", "纠纷类型"), "search": translate("HubLedgerTab", "案号")}
        for name, label in self.labels.items():
            label.setText(texts[name])
        self.year_combo.setItemText(0, translate("HubLedgerTab", "全部年度"))
        self.status_combo.setItemText(0, translate("HubLedgerTab", "全部状态"))
        for index, status in enumerate(CaseStatus, start=1):
            self.status_combo.setItemText(index, vtr(status.label))
        self.type_combo.setItemText(0, translate("HubLedgerTab", "全部类型"))
        for index, kind in enumerate(DisputeType, start=1):
            self.type_combo.setItemText(index, vtr(kind.label))
        self.retranslate_pager()
        self.search_edit.setPlaceholderText(translate("HubLedgerTab", "案号或其中几个字，如 新调字第012"))
        self.deleted_check.setText(translate("HubLedgerTab", "含村里已删除的"))
        self.search_button.setText(translate("HubLedgerTab", "查找"))
        self.review_button.setText(translate("HubLedgerTab", "审查这个案卷"))
        self.model.set_headers([translate("HubLedgerTab", "调委会"), translate("HubLedgerTab", "案号"),
                                translate("HubLedgerTab", "受理日期"), translate("HubLedgerTab", "村、组"),
                                translate("HubLedgerTab", "纠纷类型"), translate("HubLedgerTab", "状态"),
                                translate("HubLedgerTab", "协议生效"), translate("HubLedgerTab", "当事人")])
        self.model.header_tips[7] = translate("HubLedgerTab", "当事人姓名以本机密钥加密保存，只解开本页显示的。")
        self._update_buttons()
