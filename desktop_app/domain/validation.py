"""Checks of what staff type into forms: contact details, ID numbers, lengths.

Each check returns None when the value is fine, else a ``Problem``: the English message
(a ``str``) that also carries its template (marked with ``msg``) and parameters, for the UI
to translate the template and fill in the parameters afterwards."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Literal

from desktop_app.domain.messages import msg

# ASCII digits only: "\d" alone also takes Arabic-Indic, full-width and other digits.
MOBILE_RE = re.compile(r"^(?:\+?86[- ]?)?1[3-9]\d{9}$", re.ASCII)
# Area code 0 + 2-3 digits, 7-8 digit number, optional extension.
LANDLINE_RE = re.compile(r"^0\d{2,3}[- ]?\d{7,8}(?:[-#转]\d{1,6})?$", re.ASCII)
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")
SEPARATORS_RE = re.compile(r"[;；,，/、]+")
# Characters no column or spreadsheet cell keeps: NUL (PostgreSQL refuses it), the other
# C0 controls but tab and line breaks (XML 1.0, so an .xlsx file, has no place for them),
# lone surrogates (no UTF-8 form: drivers fail on them) and U+FFFE/U+FFFF (not XML).
UNSTORABLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# What the contact column and the customer record keep.
CONTACT_MAX = 200
PHONE_MAX = 40
EMAIL_MAX = 120
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


class Problem(str):
    """A check's message: the English text, with ``template`` and ``params`` to translate.

    ``Problem(template, **params)``; as a ``str`` it is the template filled in (English).
    """

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> Problem:
        self = super().__new__(cls, template.format(**params) if params else template)
        self.template = template
        self.params = params
        return self

    def __reduce__(
        self,
    ) -> tuple[Callable[[str, dict[str, Any]], Problem], tuple[str, dict[str, Any]]]:
        return _problem, (self.template, self.params)


def _problem(template: str, params: dict[str, Any]) -> Problem:
    return Problem(template, **params)


def split_contacts(text: str) -> list[str]:
    """Contacts separated by ; , / 、 (or spaces, where a part with spaces is no contact
    itself: "0755 2345678" is one landline, "13812345678 li@example.com" two contacts)."""
    parts: list[str] = []
    for part in SEPARATORS_RE.split((text or "").strip()):
        part = part.strip()
        if not part:
            continue
        if contact_kind(part) is None and " " in part:
            parts.extend(p for p in part.split() if p)
        else:
            parts.append(part)
    return parts


def contact_kind(value: str) -> Literal["mobile", "landline", "email"] | None:
    """ "mobile", "landline" or "email" for a valid single contact, else None."""
    if MOBILE_RE.match(value):
        return "mobile"
    if LANDLINE_RE.match(value):
        return "landline"
    if EMAIL_RE.match(value):
        return "email"
    return None


def check_text(value: object, *, minimum: int = 0, maximum: int) -> Problem | None:
    """The shared check of free text: ``None`` or a ``str`` (anything else is no text, e.g.
    a number from a broken client), without characters that cannot be stored, and, once
    stripped, within ``minimum`` and ``maximum`` characters."""
    if value is not None and not isinstance(value, str):
        return Problem(msg("Expected text, not {kind}."), kind=type(value).__name__)
    if value:
        found = UNSTORABLE_RE.search(value)
        if found:
            return Problem(
                msg(
                    "The text holds a character that cannot be saved (U+{code:04X}, at "
                    "position {position}); remove it."
                ),
                code=ord(found.group()),
                position=found.start() + 1,
            )
    return check_length(value, minimum=minimum, maximum=maximum)


def check_contact(text: str) -> Problem | None:
    problem = check_text(text, maximum=CONTACT_MAX)
    if problem:
        return problem
    parts = split_contacts(text)
    if not parts:
        return Problem(msg("Enter a phone number or an e-mail address."))
    for part in parts:
        if contact_kind(part) is None:
            if "@" in part:
                return Problem(msg("{value!r} is not a valid e-mail address."), value=part)
            return Problem(
                msg(
                    "{value!r} is not a valid phone number: use a mainland mobile "
                    "number (11 digits, 13x–19x) or a landline with its area code "
                    "(010-12345678)."
                ),
                value=part,
            )
        if contact_kind(part) == "email" and len(part) > EMAIL_MAX:
            return Problem(
                msg("{value!r} is longer than {limit} characters."), value=part, limit=EMAIL_MAX
            )
    return None


def check_id_number(text: str | None) -> Problem | None:
    """Mainland resident ID: 18 characters with a valid check digit (or the old 15 digits)."""
    if text is not None and not isinstance(text, str):
        return Problem(msg("Expected text, not {kind}."), kind=type(text).__name__)
    value = (text or "").strip().upper()
    if not value:
        return None
    if re.fullmatch(r"[0-9]{15}", value):
        return None
    if not re.fullmatch(r"[0-9]{17}[0-9X]", value):
        return Problem(msg("An ID number has 18 characters: 17 digits and a digit or X."))
    total = sum(int(d) * w for d, w in zip(value[:17], ID_WEIGHTS, strict=True))
    if ID_CHECK[total % 11] != value[17]:
        return Problem(msg("This ID number's check digit is wrong; please check it again."))
    return None


def check_length(text: str | None, *, minimum: int = 0, maximum: int) -> Problem | None:
    length = len((text or "").strip())
    if minimum and length == 0:
        return Problem(msg("This field is required."))
    if minimum and length < minimum:
        if minimum == 1:
            return Problem(msg("This field is required."))
        return Problem(msg("Write at least {minimum} characters."), minimum=minimum)
    if length > maximum:
        return Problem(
            msg("At most {maximum} characters ({length} now)."), maximum=maximum, length=length
        )
    return None
