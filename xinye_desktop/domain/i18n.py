"""Marking user-visible text in the domain layer for translation, without importing Qt.

The domain speaks 简体中文 (the default UI language). The UI translates these strings
with ``QCoreApplication.translate(context, text)``; ``pyside6-lupdate`` finds them
because the marker is named like Qt's own macro.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    del context
    return text
