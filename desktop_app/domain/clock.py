"""Time source. Services read "now" from the session's clock so tests can inject one."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

DEFAULT_TIMEZONE = "Asia/Shanghai"


class Clock:
    """Naive datetimes in the business time zone, to the second."""

    def now(self) -> dt.datetime:  # pragma: no cover - interface
        raise NotImplementedError


class SystemClock(Clock):
    def __init__(self, timezone: str = DEFAULT_TIMEZONE):
        self.zone = ZoneInfo(timezone)

    def now(self) -> dt.datetime:
        return dt.datetime.now(self.zone).replace(tzinfo=None, microsecond=0)


class FixedClock(Clock):
    """A clock that stands still until moved: for tests and simulations."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def now(self) -> dt.datetime:
        return self.at

    def advance(self, **delta: float) -> dt.datetime:
        self.at = self.at + dt.timedelta(**delta)
        return self.at


SYSTEM_CLOCK = SystemClock()
