"""Validation results that carry one Chinese message per field."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class FieldError:
    """One problem with one field.

    ``field`` is a dotted path the UI maps to a widget: ``"facts"``, ``"parties.1.id_number"``.
    ``message`` is a translatable template (context "Validation"); ``params`` fill its ``{}``s.
    """

    field: str
    message: str
    params: dict[str, object] = field(default_factory=dict)

    def text(self) -> str:
        return self.message.format(**self.params) if self.params else self.message


class ValidationFailed(Exception):
    """Raised by a service when a record is refused; nothing has been written."""

    def __init__(self, errors: list[FieldError]):
        super().__init__("; ".join(e.field + ": " + e.text() for e in errors))
        self.errors = errors


class NotFound(LookupError):
    pass


class StaleRecord(Exception):
    """The record was changed elsewhere since it was loaded (optimistic locking)."""


class Refused(ValueError):
    """An action the rules do not allow now; ``message`` is a translatable Chinese template."""

    def __init__(self, message: str, **params: object):
        super().__init__(message.format(**params) if params else message)
        self.message = message
        self.params = params

    def text(self) -> str:
        return self.message.format(**self.params) if self.params else self.message
