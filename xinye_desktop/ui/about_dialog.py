"""帮助 → 关于: the version and build, where the data lives, and the licences of everything bundled.

Two pages so that it fits a 1366×768 screen at 150% (about 910×470 logical pixels): 关于 (what a
technician on the phone asks for, with a button that copies it) and 组件与许可证 (each component with
the full text of its licence).
"""

from __future__ import annotations

import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QTabWidget, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ..about import BuildInfo, Component, build_info, components
from .i18n import translate
from .icons import app_icon

CTX = "AboutDialog"


def program_folder() -> Path:
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parent.parent.parent


class AboutDialog(QDialog):
    def __init__(self, data_folder: Path, parent: QWidget | None = None, *, info: BuildInfo | None = None,
                 parts: list[Component] | None = None):
        super().__init__(parent)
        self.data_folder = Path(data_folder)
        self.info = info or build_info()
        self.parts = parts if parts is not None else components()
        self.setWindowTitle(translate("AboutDialog", "关于三理室调解台"))

        self.pages = QTabWidget()
        self.pages.addTab(self._about_page(), translate("AboutDialog", "关于"))
        self.pages.addTab(self._licence_page(), translate("AboutDialog", "组件与许可证"))

        self.copy_button = QPushButton(translate("AboutDialog", "复制版本信息"), clicked=self.copy_details)
        self.copied_label = QLabel()
        close = QPushButton(translate("AboutDialog", "关闭"), clicked=self.accept)
        close.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.copied_label, 1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.resize(680, 440)

    # -- pages -----------------------------------------------------------------------------
    def _about_page(self) -> QWidget:
        page = QWidget()
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(translate("AboutDialog", "三理室调解台"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        motto = QLabel(translate("AboutDialog", "新野县矛盾化解“三理”室：说理、评理、处理。"))
        motto.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(motto)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(heading, 1)

        self.version_label = self._value(self.info.version)
        self.build_label = self._value(self.build_text())
        self.folder_label = self._value(str(self.data_folder))
        self.open_folder_button = QPushButton(translate("AboutDialog", "打开文件夹"), clicked=self.open_data_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.open_folder_button, 0, Qt.AlignmentFlag.AlignTop)
        folder_note = QLabel(translate(
            "AboutDialog", "案件、文书和备份都保存在数据文件夹中。升级程序不会改动它，卸载时默认保留。"))
        folder_note.setWordWrap(True)
        folder_note.setStyleSheet("color: #555;")
        self.program_label = self._value(str(program_folder()))
        self.runtime_label = self._value(translate("AboutDialog", "Python {python}，Qt {qt}（PySide6 {pyside}），{system}").format(
            python=self.info.python, qt=qVersion(), pyside=PySide6.__version__, system=self.info.system))

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(translate("AboutDialog", "版本"), self.version_label)
        form.addRow(translate("AboutDialog", "构建"), self.build_label)
        form.addRow(translate("AboutDialog", "数据文件夹"), folder_row)
        form.addRow("", folder_note)
        form.addRow(translate("AboutDialog", "程序位置"), self.program_label)
        form.addRow(translate("AboutDialog", "运行环境"), self.runtime_label)

        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _licence_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(translate(
            "AboutDialog", "本软件随附下列组件，各按其许可证分发。Qt 与 PySide6 按 GNU LGPL 第 3 版使用："
                           "它们是程序文件夹中独立的库文件，可以换成自行编译的版本，源代码见 "
                           "<a href=\"https://download.qt.io/official_releases/QtForPython/\">download.qt.io</a>。"
                           "字体 Noto Sans SC 与花园明朝 B（HanaMinB）按 SIL 开放字体许可证 1.1 随附。"))
        intro.setWordWrap(True)
        intro.setOpenExternalLinks(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.component_list = QTreeWidget()
        self.component_list.setHeaderLabels([translate("AboutDialog", "组件"), translate("AboutDialog", "版本"),
                                             translate("AboutDialog", "许可证")])
        self.component_list.setRootIsDecorated(False)
        self.component_list.setUniformRowHeights(True)
        for part in self.parts:
            item = QTreeWidgetItem([part.name, part.version, part.licence])
            item.setToolTip(2, part.licence)
            self.component_list.addTopLevelItem(item)
        for column in (0, 1):
            self.component_list.resizeColumnToContents(column)
        self.licence_text = QPlainTextEdit()
        self.licence_text.setReadOnly(True)
        self.licence_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.licence_text.setPlaceholderText(translate("AboutDialog", "选中上面的一个组件，这里显示它的许可证全文。"))
        self.component_list.currentItemChanged.connect(self._on_component_list_current_changed)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.component_list, 1)
        layout.addWidget(self.licence_text, 1)
        return page

    @staticmethod
    def _value(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # -- behaviour -------------------------------------------------------------------------
    def build_text(self) -> str:
        if not self.info.frozen:
            return translate("AboutDialog", "从源代码运行（未打包）")
        built = self.info.built_on() or translate("AboutDialog", "日期不详")
        if self.info.commit:
            return translate("AboutDialog", "{date}（源代码版本 {commit}）").format(date=built, commit=self.info.commit)
        return built

    def _on_component_list_current_changed(self, current, _previous) -> None:
        if current is None:
            self.licence_text.clear()
            return
        part = self.parts[self.component_list.indexOfTopLevelItem(current)]
        self.licence_text.setPlainText(part.licence_text() or translate("AboutDialog", "没有找到这个组件的许可证文本。"))

    def details(self) -> str:
        """What to read out or paste to whoever helps on the phone."""
        return "\n".join([
            translate("AboutDialog", "三理室调解台 {version}").format(version=self.info.version),
            translate("AboutDialog", "构建：{build}").format(build=self.build_text()),
            translate("AboutDialog", "数据文件夹：{folder}").format(folder=str(self.data_folder)),
            translate("AboutDialog", "程序位置：{folder}").format(folder=str(program_folder())),
            self.runtime_label.text(),
        ])

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())
        self.copied_label.setText(translate("AboutDialog", "已复制，可以粘贴给技术支持人员。"))

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_folder)))
