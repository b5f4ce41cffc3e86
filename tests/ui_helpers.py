"""Driving the intake form the way a person does: typing into fields, picking from lists."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox


def pick(qtbot, combo: QComboBox, text: str) -> None:
    """Choose the entry whose visible text is ``text``."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setFocus()
    combo.setCurrentIndex(index)


def type_into(qtbot, widget, text: str) -> None:
    """Replace the field's text as typing would. QTest can only synthesise Latin-1 key presses,
    so Chinese goes in through the widget's own insert method, like an input method commits it."""
    widget.setFocus()
    widget.clear()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    elif hasattr(widget, "insertPlainText"):
        widget.insertPlainText(text)
    else:
        widget.insert(text)


def fill_person(qtbot, editor, *, name, id_number="", sex=None, address, phone="", occupation="", claims="",
                age=""):
    type_into(qtbot, editor.name_edit, name)
    if id_number:
        type_into(qtbot, editor.id_number_edit, id_number)
        qtbot.keyClick(editor.id_number_edit, Qt.Key.Key_Tab)  # leaving the field fills sex and birth date
    if sex:
        pick(qtbot, editor.sex_combo, sex)
    if age:
        type_into(qtbot, editor.age_edit, age)
    if occupation:
        type_into(qtbot, editor.occupation_edit, occupation)
    if phone:
        type_into(qtbot, editor.phone_edit, phone)
    type_into(qtbot, editor.address_edit, address)
    if claims:
        type_into(qtbot, editor.claims_edit, claims)


def fill_valid_case(qtbot, tab, *, village="王庄村", facts=None):
    pick(qtbot, tab.source_combo, "当事人申请")
    pick(qtbot, tab.type_combo, "邻里纠纷")
    type_into(qtbot, tab.village_combo.lineEdit(), village)
    type_into(qtbot, tab.group_edit, "3组")
    type_into(qtbot, tab.facts_edit, facts or "张建国与李秀英系同组邻居，因过道堆放柴草影响通行发生争吵，多次协商未果。")
    fill_person(qtbot, tab.parties[0], name="张建国", id_number="411329196503120017", address="新野县王庄镇王庄村3组12号",
                phone="13837712345", occupation="农民", claims="要求清理过道上的柴草。")
    fill_person(qtbot, tab.parties[1], name="李秀英", sex="女", age="58", address="新野县王庄镇王庄村3组14号",
                phone="0377-66212345", claims="同意清理，但要求对方不得向院墙排水。")


class StandInTranslator:
    """Installs a translator that answers only the given (context, source) pairs, ahead of the others:
    for strings whose English is not in the committed translations yet, and to see that a text is
    really looked up (and relabelled on a language change) rather than fixed in the code."""

    def __init__(self, answers):
        """``answers``: {(context, source): text}, or a function of (context, source) giving the text or None."""
        from PySide6.QtCore import QTranslator

        answer = answers if callable(answers) else (lambda context, source: answers.get((context, source)))

        class _Translator(QTranslator):
            def translate(self, context, source, disambiguation=None, n=-1):
                return answer(context, source)  # None: not mine, ask the next translator

            def isEmpty(self):
                return False

        self._translator = _Translator()

    def __enter__(self):
        from PySide6.QtWidgets import QApplication

        QApplication.installTranslator(self._translator)
        return self

    def __exit__(self, *exc):
        from PySide6.QtWidgets import QApplication

        QApplication.removeTranslator(self._translator)
        return False
