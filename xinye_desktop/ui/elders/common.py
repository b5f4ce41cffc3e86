"""What the pages of the 选择明白人 tab share: how a dialog is shown and how specialties read."""

from __future__ import annotations

from ..i18n import join_list, vtr


def run_dialog(dialog) -> bool:
    """Show a dialog modally; pages call it through ``self.run_dialog`` so tests can answer instead."""
    return bool(dialog.exec())


def specialties_text(elder) -> str:
    return join_list(vtr(t.label).removesuffix("纠纷") for t in elder.specialties)
