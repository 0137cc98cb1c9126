"""Free text from a form, checked once for every service: ``checked_text`` raises the
``ValidationError`` naming the field (``validation.check_text``: not text, characters no
column or spreadsheet keeps, too long) or returns the text as saved (stripped)."""

from __future__ import annotations

from desktop_app.domain import validation
from desktop_app.services.errors import ValidationError

# Longest free text of a TextField column: what the exchange workbook's cells carry back
# (domain.exchange_columns), well below a spreadsheet cell's 32,767 characters.
LONG_TEXT = 5000


def checked_text(value: object, field: str, *, maximum: int = LONG_TEXT) -> str:
    """``value`` stripped ("" for None), or ValidationError naming ``field``."""
    problem = validation.check_text(value, maximum=maximum)
    if problem:
        raise ValidationError(problem.template, field=field, **problem.params)
    if not isinstance(value, str):  # None: check_text refuses anything else
        return ""
    return value.strip()
