"""Which backups to keep (docs/rules.md#backups-and-restore, issue 8): the newest backup of each of
the last ``keep_daily`` days that have one, and the newest of each of the last ``keep_weekly`` ISO
weeks that have one. The two rules are counted independently and their union is kept
(a backup can count for both); everything else may be deleted. Pure: no files, no clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


def backups_to_keep(
    stamps: Iterable[dt.datetime], keep_daily: int, keep_weekly: int
) -> set[dt.datetime]:
    keep: set[dt.datetime] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    for stamp in sorted(set(stamps), reverse=True):
        day = stamp.date()
        if day not in days and len(days) < keep_daily:
            days.add(day)
            keep.add(stamp)
        year, week, _ = stamp.isocalendar()
        if (year, week) not in weeks and len(weeks) < keep_weekly:
            weeks.add((year, week))
            keep.add(stamp)
    return keep
