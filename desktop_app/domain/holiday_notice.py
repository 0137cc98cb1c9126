"""Reading the State Council's holiday notice (国务院办公厅关于20XX年部分节假日安排的通知):
next year's days off and makeup working days (docs/rules.md#calendar).

Each numbered line (``一、元旦：…``, also combined lines such as ``六、国庆节、中秋节：…``)
names its holidays; in its sentences a date or a range with 至 followed by 放假, 放假调休 or
放假1天 gives days off (every day of the range, weekends included), and the dates of a
sentence with 上班 are makeup working days. A weekday in brackets (``（周六）``,
``（农历除夕、星期二）``) is checked against its date, and 共N天 / 放假N天 against the
range: a mismatch is an error naming the line. Other sentences (鼓励…休息, 与周末连休,
the closing paragraph, the signature date) are ignored.

Pure: text in, ``HolidayNotice`` or ``NoticeError`` out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from desktop_app.domain.messages import msg

# Names a numbered line may give, and the holiday each stands for.
HOLIDAY_NAMES = {
    "元旦": "元旦",
    "春节": "春节",
    "清明节": "清明节",
    "清明": "清明节",
    "劳动节": "劳动节",
    "五一": "劳动节",
    "端午节": "端午节",
    "端午": "端午节",
    "中秋节": "中秋节",
    "中秋": "中秋节",
    "国庆节": "国庆节",
    "国庆": "国庆节",
}
WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
WEEKDAY_WORDS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

_FULL_WIDTH = str.maketrans("０１２３４５６７８９：", "0123456789:")
_TITLE_YEAR = re.compile(r"关于\s*(\d{4})\s*年\s*部分节假日")
_BODY_YEAR = re.compile(r"现将\s*(\d{4})\s*年")
_ITEM = re.compile(r"^\s*([一二三四五六七八九十]+)\s*[、.．]\s*([^：:]{1,30}?)\s*[：:]\s*(.*)$")
_DATE = re.compile(
    r"(?:(?P<year>\d{4})\s*年\s*)?(?:(?P<month>\d{1,2})\s*月\s*)?(?P<day>\d{1,2})\s*日"
    r"\s*(?:[（(](?P<note>[^）)]*)[）)])?"
)
_RANGE_WORD = re.compile(r"^\s*(?:至|到|—|－|-|~|～)\s*")
_WEEKDAY = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天])")
_COUNT = re.compile(r"(?:共|放假)\s*(\d{1,2})\s*天")


class NoticeError(ValueError):
    """The notice cannot be read as it stands. ``template`` is English (``msg``), filled
    with ``params``; ``line`` is the 1-based line of the text it is about, if any."""

    def __init__(self, template: str, *, line: int | None = None, **params: object) -> None:
        self.template = template
        self.line = line
        self.params = {"line": line, **params}
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)


@dataclass(frozen=True)
class NoticeHoliday:
    """One numbered line of the notice."""

    line: int  # 1-based line of the text
    name: str  # as written, e.g. "国庆节、中秋节"
    days_off: tuple[dt.date, ...]
    makeup_workdays: tuple[dt.date, ...]


@dataclass(frozen=True)
class HolidayNotice:
    year: int
    holidays: tuple[NoticeHoliday, ...]

    @property
    def days_off(self) -> frozenset[dt.date]:
        return frozenset(d for h in self.holidays for d in h.days_off)

    @property
    def makeup_workdays(self) -> frozenset[dt.date]:
        return frozenset(d for h in self.holidays for d in h.makeup_workdays)

    @property
    def names(self) -> dict[dt.date, str]:
        """The holiday each day off belongs to, as the notice names it."""
        return {d: h.name for h in self.holidays for d in h.days_off}


def notice_year(text: str) -> int | None:
    """The year the notice is about, from its title (or its first sentence)."""
    text = text.translate(_FULL_WIDTH)
    found = _TITLE_YEAR.search(text) or _BODY_YEAR.search(text)
    return int(found.group(1)) if found else None


def parse_notice(text: str, year: int | None = None) -> HolidayNotice:
    """The days off and makeup working days of the notice ``text``; ``year`` when the text
    has no title naming it (a year given and a different one in the title is an error)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_FULL_WIDTH)
    titled = notice_year(text)
    if year is not None and titled is not None and year != titled:
        raise NoticeError(msg("The notice is about {found}, not {year}."), found=titled, year=year)
    year = year if year is not None else titled
    if year is None:
        raise NoticeError(
            msg(
                "The notice names no year: paste it with its title "
                "(国务院办公厅关于20XX年部分节假日安排的通知) or give the year."
            )
        )
    if not 1949 < year < 2200:
        raise NoticeError(msg("The year {year} is not a plausible notice year."), year=year)

    # Numbered lines with the unnumbered lines that follow them (a sentence wrapped
    # onto the next line when the text was copied).
    items: list[tuple[int, str, list[str]]] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            continue
        found = _ITEM.match(line)
        if found:
            items.append((number, found.group(2).strip(), [found.group(3)]))
        elif items:
            items[-1][2].append(line)
    if not items:
        raise NoticeError(
            msg("No numbered holiday line (such as 一、元旦：1月1日放假) was found in the notice.")
        )

    holidays: list[NoticeHoliday] = []
    seen_off: dict[dt.date, int] = {}
    seen_work: dict[dt.date, int] = {}
    for number, heading, body in items:
        names = [n.strip() for n in re.split(r"[、，,和及与/]", heading) if n.strip()]
        unknown = [n for n in names if n not in HOLIDAY_NAMES]
        if not names or unknown:
            raise NoticeError(
                msg("Line {line}: {name} is not one of the holidays of the notice."),
                line=number,
                name=heading,
            )
        off: list[dt.date] = []
        work: list[dt.date] = []
        for sentence in re.split(r"[。；;]", "".join(body)):
            if "上班" in sentence:
                work.extend(_dates(sentence, year, number, heading))
            elif "放假" in sentence:
                off.extend(_days_off(sentence, year, number, heading))
        if not off:
            raise NoticeError(
                msg("Line {line} ({name}): no day off was found (a date followed by 放假)."),
                line=number,
                name=heading,
            )
        for day in off:
            if day in seen_work:
                raise _both(day, number, heading)
            seen_off[day] = number
        for day in work:
            if day in seen_off:
                raise _both(day, number, heading)
            seen_work[day] = number
        holidays.append(NoticeHoliday(number, heading, tuple(off), tuple(work)))
    return HolidayNotice(year, tuple(holidays))


def _both(day: dt.date, number: int, heading: str) -> NoticeError:
    return NoticeError(
        msg("Line {line} ({name}): {date} is both a day off and a working day."),
        line=number,
        name=heading,
        date=day.isoformat(),
    )


def _date_of(
    found: re.Match[str], year: int, number: int, heading: str, like: dt.date | None = None
) -> dt.date:
    """The date of a ``_DATE`` match; a missing month (and year) comes from ``like``, the
    start of the range, a missing year from the notice."""
    month_text, year_text = found.group("month"), found.group("year")
    if month_text is None and like is None:
        raise NoticeError(
            msg("Line {line} ({name}): the date {text} has no month."),
            line=number,
            name=heading,
            text=found.group(0).strip(),
        )
    month = int(month_text) if month_text else like.month  # type: ignore[union-attr]
    if year_text:
        in_year = int(year_text)
    elif month_text is None and like is not None:
        in_year = like.year
    else:
        in_year = year
    try:
        day = dt.date(in_year, month, int(found.group("day")))
    except ValueError:
        raise NoticeError(
            msg("Line {line} ({name}): {text} is not a date."),
            line=number,
            name=heading,
            text=found.group(0).strip(),
        ) from None
    if abs(day.year - year) > 1:
        raise NoticeError(
            msg("Line {line} ({name}): {date} is not near the year {year}."),
            line=number,
            name=heading,
            date=day.isoformat(),
            year=year,
        )
    note = found.group("note") or ""
    weekday = _WEEKDAY.search(note)
    if weekday and WEEKDAYS[weekday.group(1)] != day.weekday():
        raise NoticeError(
            msg(
                "Line {line} ({name}): {date} is a {actual}, but the notice says {written}; "
                "check the line against the published notice."
            ),
            line=number,
            name=heading,
            date=day.isoformat(),
            actual=WEEKDAY_WORDS[day.weekday()],
            written=weekday.group(0),
        )
    return day


def _dates(sentence: str, year: int, number: int, heading: str) -> list[dt.date]:
    """Every date of a sentence (a missing month is the previous date's)."""
    days: list[dt.date] = []
    for found in _DATE.finditer(sentence):
        days.append(_date_of(found, year, number, heading, days[-1] if days else None))
    return days


def _days_off(sentence: str, year: int, number: int, heading: str) -> list[dt.date]:
    """The days of a 放假 sentence: one date, or every day of a range with 至."""
    first_match = _DATE.search(sentence)
    if first_match is None:
        return []
    first = _date_of(first_match, year, number, heading)
    last = first
    rest = sentence[first_match.end() :]
    joined = _RANGE_WORD.match(rest)
    if joined:
        last_match = _DATE.match(rest, joined.end())
        if last_match is None:
            raise NoticeError(
                msg("Line {line} ({name}): the range starting {date} has no end date."),
                line=number,
                name=heading,
                date=first.isoformat(),
            )
        last = _date_of(last_match, year, number, heading, first)
        rest = rest[last_match.end() :]
        if last < first:
            raise NoticeError(
                msg("Line {line} ({name}): the range {first} to {last} ends before it starts."),
                line=number,
                name=heading,
                first=first.isoformat(),
                last=last.isoformat(),
            )
    days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    if len(days) > 31:
        raise NoticeError(
            msg("Line {line} ({name}): {count} days off in a row is not plausible."),
            line=number,
            name=heading,
            count=len(days),
        )
    counted = _COUNT.search(rest)
    if counted and int(counted.group(1)) != len(days):
        raise NoticeError(
            msg(
                "Line {line} ({name}): {first} to {last} is {count} days, but the notice "
                "says {written}."
            ),
            line=number,
            name=heading,
            first=first.isoformat(),
            last=last.isoformat(),
            count=len(days),
            written=counted.group(0),
        )
    return days
