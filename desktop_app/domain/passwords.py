"""Password strength (docs/rules.md#accounts): zxcvbn's estimate of how hard a password is
to guess, at least ``MIN_SCORE`` for the role (3 of 4 for administrators and managers, 2
for the others), never containing the user name or the display name. zxcvbn's English
feedback is mapped to a few messages of our own, which the interface translates."""

from __future__ import annotations

from desktop_app.domain.messages import msg
from desktop_app.domain.validation import Problem

STRONG_ROLES = frozenset({"admin", "manager"})
# zxcvbn checks the first characters only (it is slow on very long input).
CHECKED_LENGTH = 100

CONTAINS_NAME = msg("The password must not contain the user name or the display name.")
TOO_COMMON = msg("This password is among the most common ones and would be guessed at once.")
SEQUENCE = msg("Runs and repeats such as 12345678, abcd or aaaa are easy to guess.")
KEYBOARD = msg("Rows of neighbouring keys such as qwerty are easy to guess.")
DATES = msg("Dates and years are easy to guess.")
NAMES = msg("Names and common words on their own are easy to guess.")
TOO_EASY = msg(
    "This password is too easy to guess. Use a longer one, e.g. three or four unrelated "
    "words with a digit or sign."
)

# zxcvbn's warnings (by a word they contain) to our messages, first match wins.
_WARNINGS = (
    ("common", TOO_COMMON),
    ("similar to a commonly used", TOO_COMMON),
    ("repeat", SEQUENCE),
    ("sequence", SEQUENCE),
    ("abc", SEQUENCE),
    ("keys", KEYBOARD),
    ("keyboard", KEYBOARD),
    ("date", DATES),
    ("year", DATES),
    ("name", NAMES),
    ("word", NAMES),
)


def min_score(role: str) -> int:
    return 3 if role in STRONG_ROLES else 2


def strength_problem(
    password: str, *, role: str, username: str = "", display_name: str = ""
) -> Problem | None:
    """None when the password is strong enough for ``role``, else the reason."""
    lowered = password.casefold()
    for name in (username, display_name):
        name = (name or "").strip().casefold()
        if len(name) >= 3 and name in lowered:
            return Problem(CONTAINS_NAME)
    # Imported here: the program starts without it (docs/rules.md#start-up); only setting a
    # password needs it.
    from zxcvbn import zxcvbn  # type: ignore[import-untyped]  # the package has no stubs

    inputs = [part for part in (username, display_name) if part]
    result = zxcvbn(password[:CHECKED_LENGTH], user_inputs=inputs)
    if int(result["score"]) >= min_score(role):
        return None
    warning = str((result.get("feedback") or {}).get("warning") or "").lower()
    for word, template in _WARNINGS:
        if word in warning:
            return Problem(template)
    return Problem(TOO_EASY)
