"""The promised first-reply time in words a clerk reads out to the customer
(docs/rules.md#registration)."""

from __future__ import annotations

import datetime as dt

WEEKDAYS_ZH = "一二三四五六日"


def promise_text(due: dt.datetime, now: dt.datetime, language: str = "zh_CN") -> str:
    """E.g. "今天 15:30 前给您首次答复" / "We will give you a first reply by 15:30 today"."""
    days = (due.date() - now.date()).days
    clock = due.strftime("%H:%M")
    if language.startswith("zh"):
        if days == 0:
            when = f"今天 {clock}"
        elif days == 1:
            when = f"明天 {clock}"
        elif days == 2:
            when = f"后天 {clock}"
        else:
            when = f"{due.month}月{due.day}日（周{WEEKDAYS_ZH[due.weekday()]}）{clock}"
        return f"{when} 前给您首次答复"
    if days == 0:
        when = f"{clock} today"
    elif days == 1:
        when = f"{clock} tomorrow"
    else:
        when = f"{clock} on {due:%a} {due.day} {due:%b}"
    return f"We will give you a first reply by {when}"
