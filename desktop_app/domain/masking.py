"""Masking of personal data for staff who may not see it (docs/rules.md#masking). Pure functions.

- phone numbers keep their first 3 and last 4 digits: ``13812345678`` → ``138****5678``;
- e-mail addresses keep the first character of the local part and the domain:
  ``zhang@example.com`` → ``z***@example.com``;
- ID numbers keep their first 3 and last 4 characters: ``110***********1234``;
- anything too short to keep a part of is masked completely.

Masking keeps the length of digits (one ``*`` per hidden digit) for phones and ID numbers
so the shape stays recognisable; e-mail local parts always become three stars so their
length is not revealed.
"""

from __future__ import annotations

import re

MASK = "*"
_SEPARATORS = re.compile(r"(\s*[;；/、,，]\s*|\s+)")


def _mask_middle(text: str, keep_start: int, keep_end: int) -> str:
    if len(text) <= keep_start + keep_end:
        return MASK * len(text)
    return text[:keep_start] + MASK * (len(text) - keep_start - keep_end) + text[-keep_end:]


def mask_phone(phone: str | None) -> str:
    """``13812345678`` → ``138****5678``; a leading ``+86`` and dashes are kept as typed.

    Numbers with fewer than 8 digits are masked completely.
    """
    if not phone:
        return ""
    text = str(phone).strip()
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    if len(digits) < 8:
        return MASK * len(text)
    prefix_digits = 0
    if text.startswith("+"):
        # Country code: keep it, then count the 3 kept digits after it.
        prefix_digits = 2 if text.startswith("+86") else 0
    keep_start = set(digits[: prefix_digits + 3])
    keep_end = set(digits[-4:])
    return "".join(
        c if (not c.isdigit() or i in keep_start or i in keep_end) else MASK
        for i, c in enumerate(text)
    )


def mask_email(email: str | None) -> str:
    """``zhang@example.com`` → ``z***@example.com``; without a usable ``@`` all is masked."""
    if not email:
        return ""
    text = str(email).strip()
    local, at, domain = text.rpartition("@")
    if not at or not local or not domain:
        return MASK * len(text)
    return local[0] + MASK * 3 + "@" + domain


def mask_id_number(number: str | None) -> str:
    """Keep the first 3 and last 4 characters: ``110101199003071234`` → ``110***********1234``.
    Values of 8 characters or fewer are masked completely."""
    if not number:
        return ""
    text = str(number).strip()
    if len(text) <= 8:
        return MASK * len(text)
    return _mask_middle(text, 3, 4)


def mask_contact(text: str | None) -> str:
    """Mask a contact field holding a phone number and/or an e-mail address, separated by
    ``;``, ``/``, ``,``, ``、`` or spaces. Separators are kept as written; each part is
    masked as an e-mail address when it has an ``@``, else as a phone number."""
    if not text:
        return ""
    parts = _SEPARATORS.split(str(text).strip())
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 1:  # a separator
            out.append(part)
        elif "@" in part:
            out.append(mask_email(part))
        else:
            out.append(mask_phone(part))
    return "".join(out)


# Personal numbers written inside free text (docs/rules.md#typical-case-library): e-mail
# addresses; ID numbers (18 characters, the last a digit or X, or 15 digits); phone numbers
# (a run of 7 or more digits, possibly with +86, spaces or dashes between).
_EMAIL_IN_TEXT = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_ID_IN_TEXT = re.compile(r"(?<![\dA-Za-z])(?:\d{17}[\dXx]|\d{15})(?![\dA-Za-z])")
_PHONE_IN_TEXT = re.compile(r"(?<![\d*])(?:\+86[ -]?)?\d(?:[ -]?\d){6,}(?!\d)")


def mask_free_text(text: str | None, names: tuple[str, ...] = ()) -> str:
    """Free text with the personal data written in it masked: e-mail addresses, ID numbers
    and phone numbers as ``mask_email``, ``mask_id_number`` and ``mask_phone`` do (a phone
    of fewer than 8 digits wholly), and each of ``names`` (the customer's name, say; two
    characters or more) replaced by ``**``."""
    if not text:
        return ""
    out = _EMAIL_IN_TEXT.sub(lambda m: mask_email(m.group()), str(text))
    out = _ID_IN_TEXT.sub(lambda m: mask_id_number(m.group()), out)
    out = _PHONE_IN_TEXT.sub(lambda m: mask_phone(m.group()), out)
    for name in names:
        name = (name or "").strip()
        if len(name) >= 2:
            out = out.replace(name, MASK * 2)
    return out
