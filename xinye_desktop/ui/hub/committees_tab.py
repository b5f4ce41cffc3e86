"""调委会与待处理: the village committees registered at the hub, with the fingerprint of the key each signs
with (registered on its first package, to be compared by phone: 核对指纹), and what the imports left for a
person (two villages with one 案号, a case changed after its review, older rows, a gap): looked at and
marked done here, never decided by the import itself."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QPushButton, QSplitter, QVBoxLayout,
    QWidget,
)

from ...domain.hub import FlagKind
from ...domain.times import local_time
from ...services.hub.messages import flag_text
from ..i18n import say, translate
from ..tasks import run_task
from ..widgets import Cell, RowsModel, error_text, rows_view, selected_row
from .common import HubTab, committee_cell, label_of


class CommitteesTab(HubTab):
    confirmed = Signal()  # a committee's key confirmed or a flag marked done

    def __init__(self, holdings, may_confirm: bool, may_resolve: bool, parent: QWidget | None = None, *,
                 committees=None, relays: bool = False):
        super().__init__(parent)
        self._holdings = holdings
        self._committees = committees  # services.hub.HubCommittees: revoking a key (None: no such button)
        self._relays = relays  # a 司法所: its revocations go up to the 司法局 with its next relay
        self.committees: list[dict] = []
        self.flags: list[dict] = []
        self.task_write = None
        self.ask_fingerprint = self._ask_fingerprint  # tests replace it
        self.ask_resolution = self._ask_resolution
        self.ask_revoke_reason = self._ask_revoke_reason
        self.model = RowsModel()
        self.view = rows_view(self.model)
        self.confirm_button = QPushButton()
        self.confirm_button.setVisible(may_confirm)
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.revoke_button = QPushButton()
        self.revoke_button.setVisible(may_confirm and committees is not None)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.flags_model = RowsModel()
        self.flags_view = rows_view(self.flags_model)
        self.resolve_button = QPushButton()
        self.resolve_button.setVisible(may_resolve)
        self.resolve_button.clicked.connect(self.resolve_selected)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.view.selectionModel().selectionChanged.connect(lambda *_a: self._buttons())
        self.flags_view.selectionModel().selectionChanged.connect(lambda *_a: self._buttons())

        self.committees_box = QGroupBox()
        top = QVBoxLayout(self.committees_box)
        top.addWidget(self.view, 1)
        row = QHBoxLayout()
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        row.addWidget(self.hint_label, 1)
        row.addWidget(self.revoke_button)
        row.addWidget(self.confirm_button)
        top.addLayout(row)
        self.flags_box = QGroupBox()
        bottom = QVBoxLayout(self.flags_box)
        bottom.addWidget(self.flags_view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.resolve_button)
        bottom.addLayout(row)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.committees_box)
        split.addWidget(self.flags_box)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.message_label)
        self.retranslate()
        self._buttons()

    def load(self):
        return self._holdings.committees(), self._holdings.flags(open_only=True)

    def show_loaded(self, result) -> None:
        self.committees, self.flags = result
        rows = []
        for c in self.committees:
            confirmed = c.get("confirmed_at")
            if c.get("key_revoked_at"):
                state = Cell(translate("HubCommitteesTab", "已吊销（{when}），等村里的新密钥").format(
                    when=local_time(c["key_revoked_at"])), colour="#b00020", bold=True)
            elif confirmed:
                state = Cell(translate("HubCommitteesTab", "已核对（{who}，{when}）").format(
                    who=c.get("confirmed_by") or "", when=local_time(confirmed)), colour="#1b5e20")
            else:
                state = Cell(translate("HubCommitteesTab", "未核对"), colour="#b00020", bold=True)
            rows.append([Cell(c.get("township") or ""), committee_cell(c["name"]), Cell(c["fingerprint"]), state,
                         Cell(local_time(c.get("registered_at"))), Cell(local_time(c.get("last_package_at")))])
        self.model.set_rows(rows)
        names = {c["id"]: c["name"] for c in self.committees}
        self.flags_model.set_rows([
            [Cell(local_time(f.get("created_at"))), Cell(label_of(FlagKind, f.get("kind"))),
             committee_cell(names.get(f.get("committee_id"), f.get("committee_id") or "")), Cell(f.get("case_number") or ""),
             Cell(flag_text(f.get("detail") or {}, say), tooltip=flag_text(f.get("detail") or {}, say))]
            for f in self.flags])
        unconfirmed = sum(c.get("confirmed_at") is None and not c.get("key_revoked_at") for c in self.committees)
        self.committees_box.setTitle(translate("HubCommitteesTab", "已登记的调委会 {n} 个（未核对指纹 {open} 个）").format(
            n=len(self.committees), open=unconfirmed))
        self.flags_box.setTitle(translate("HubCommitteesTab", "待处理 {n} 项").format(n=len(self.flags)))
        self._buttons()

    def show_error(self, text: str) -> None:
        self.committees, self.flags = [], []
        self.model.set_rows([])
        self.flags_model.set_rows([])
        self.message_label.setText(text)
        self._buttons()

    def _buttons(self) -> None:
        index = selected_row(self.view)
        chosen = self.committees[index] if index is not None and index < len(self.committees) else None
        revoked = chosen is not None and bool(chosen.get("key_revoked_at"))
        self.confirm_button.setEnabled(chosen is not None and chosen.get("confirmed_at") is None and not revoked)
        self.revoke_button.setEnabled(chosen is not None and not revoked)
        self.resolve_button.setEnabled(selected_row(self.flags_view) is not None)

    # -- 核对指纹 -------------------------------------------------------------------------------------------
    def _ask_fingerprint(self, committee: dict) -> str | None:
        text, ok = QInputDialog.getText(
            self, translate("HubCommitteesTab", "核对指纹"),
            translate("HubCommitteesTab", "请给{name}打电话，请对方在 文件 → 报送司法所… 里念出本调委会的指纹，"
                                          "把听到的指纹输入这里：").format(name=committee["name"]),
            QLineEdit.EchoMode.Normal)
        return text if ok else None

    def confirm_selected(self) -> None:
        index = selected_row(self.view)
        if index is None:
            return
        committee = self.committees[index]
        heard = self.ask_fingerprint(committee)
        if not heard:
            return
        self.task_write = run_task(self._holdings.confirm_committee, committee["id"], heard, owner=self,
                                   on_done=lambda _r: self._written(translate(
                                       "HubCommitteesTab", "{name} 的指纹已核对无误。").format(name=committee["name"])),
                                   on_error=self._write_failed, name="hub-confirm")

    # -- 吊销密钥 -------------------------------------------------------------------------------------------
    def _ask_revoke_reason(self, committee: dict) -> str | None:
        text, ok = QInputDialog.getText(
            self, translate("HubCommitteesTab", "吊销签名密钥"),
            translate("HubCommitteesTab", "吊销后，用{name}现在这把密钥（指纹 {fingerprint}）签的报送包一律拒收；村里换了新密钥后，"
                                          "下一个报送包会登记新密钥。\n请写明理由（如 电脑被盗），会记入审计记录：").format(
                name=committee["name"], fingerprint=committee["fingerprint"]),
            QLineEdit.EchoMode.Normal)
        return text.strip() if ok else None

    def revoke_selected(self) -> None:
        index = selected_row(self.view)
        if index is None or self._committees is None:
            return
        committee = self.committees[index]
        reason = self.ask_revoke_reason(committee)
        if reason is None:
            return
        self.task_write = run_task(
            self._committees.revoke, committee["id"], reason, owner=self,
            on_done=lambda revoked: self._written(self._revoked_text(committee, revoked.fingerprint)),
            on_error=self._write_failed, name="hub-revoke-key")

    def _revoked_text(self, committee: dict, fingerprint: str) -> str:
        text = translate("HubCommitteesTab", "{name} 的签名密钥（指纹 {fingerprint}）已吊销。请村里换签名密钥（文件 → 报送司法所… → "
                                             "换签名密钥…）后重新报送。").format(name=committee["name"], fingerprint=fingerprint)
        if self._relays:
            text += translate("HubCommitteesTab", "下次向司法局转报时，这次吊销会一起报上去，司法局也会拒收这把密钥。")
        return text

    # -- 待处理 -------------------------------------------------------------------------------------------
    def _ask_resolution(self, flag: dict) -> str | None:
        text, ok = QInputDialog.getText(self, translate("HubCommitteesTab", "处理完毕"),
                                        translate("HubCommitteesTab", "写下怎么处理的（会记入审计记录）："))
        return text.strip() if ok else None

    def resolve_selected(self) -> None:
        index = selected_row(self.flags_view)
        if index is None:
            return
        flag = self.flags[index]
        resolution = self.ask_resolution(flag)
        if not resolution:
            return
        self.task_write = run_task(self._holdings.resolve_flag, flag["id"], resolution, owner=self,
                                   on_done=lambda _r: self._written(translate("HubCommitteesTab", "已标记为处理完毕。")),
                                   on_error=self._write_failed, name="hub-resolve-flag")

    def _written(self, message: str) -> None:
        self.message_label.setStyleSheet("")
        self.message_label.setText(message)
        self.confirmed.emit()
        if not self.isVisible():
            self.refresh()

    def _write_failed(self, error) -> None:
        # Said next to the buttons, in red: a dialog on top would only hide what was typed wrong.
        self.message_label.setStyleSheet("color: #b00020;")
        self.message_label.setText(translate("HubCommitteesTab", "没有保存：{reason}").format(reason=error_text(error)))

    def retranslate(self) -> None:
        self.confirm_button.setText(translate("HubCommitteesTab", "核对指纹…"))
        self.revoke_button.setText(translate("HubCommitteesTab", "吊销密钥…"))
        self.resolve_button.setText(translate("HubCommitteesTab", "处理完毕…"))
        self.hint_label.setText(translate("HubCommitteesTab", "每个调委会第一次报送时登记它的签名密钥。请打电话核对指纹："
                                                              "对得上，以后的报送包才能确认出自该村。"))
        self.model.set_headers([translate("HubCommitteesTab", "乡镇"), translate("HubCommitteesTab", "调委会"),
                                translate("HubCommitteesTab", "密钥指纹"), translate("HubCommitteesTab", "核对"),
                                translate("HubCommitteesTab", "登记时间"), translate("HubCommitteesTab", "最近报送")])
        self.flags_model.set_headers([translate("HubCommitteesTab", "时间"), translate("HubCommitteesTab", "类别"),
                                      translate("HubCommitteesTab", "调委会"), translate("HubCommitteesTab", "案号"),
                                      translate("HubCommitteesTab", "说明")])
        if self.committees or self.flags:
            self.show_loaded((self.committees, self.flags))
        else:
            self.committees_box.setTitle(translate("HubCommitteesTab", "已登记的调委会"))
            self.flags_box.setTitle(translate("HubCommitteesTab", "待处理"))
