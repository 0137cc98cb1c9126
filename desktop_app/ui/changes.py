"""What changed in the data, for every part of the window that shows it.

One :class:`ChangeHub` per signed-in window (the main window owns it and hands it to its
pages and panels; a page made on its own gets a private one). Whoever calls a service that
changes data announces it: ``hub.announce("cases", {case_id})``. Receivers connect to
``changed(DataChanged)`` (or use ``pages.DataPage``, which subscribes to the kinds it
shows, marks itself stale and reloads when shown).

Events are plain data (a frozen :class:`DataChanged`: a kind of data and the ids concerned,
an empty set meaning "unknown, maybe all"), so they can come from outside the process as
well: ``publish(event, origin="remote")`` (``follow_other_programs``: the PostgreSQL
LISTEN/NOTIFY listener or SQLite's data-version check, db/change_feed.py) reaches the receivers exactly as a local one does; ``published(event,
origin)`` tells a bridge which events were made here (to pass on) and which came in.
``publish`` may be called from any thread: receivers get the event on their own thread.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from peewee import Database
from PySide6.QtCore import QObject, Signal

from desktop_app.db.change_feed import ChangeFeed

log = logging.getLogger(__name__)

# The kinds of data a change can be about.
KINDS = ("cases", "reminders", "surveys", "settings", "accounts", "calendar")
ORIGINS = ("local", "remote")
Origin = Literal["local", "remote"]


@dataclass(frozen=True)
class DataChanged:
    """``kind`` of data changed: the records ``ids`` (case ids, reminder ids, setting
    keys…); empty: not known which, treat it as all of them."""

    kind: str
    ids: frozenset[Hashable] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown kind of change {self.kind!r}; use one of {KINDS}")
        if not isinstance(self.ids, frozenset):
            object.__setattr__(self, "ids", frozenset(self.ids))

    def concerns(self, ids: Iterable[Hashable]) -> bool:
        """Whether the change may touch any of ``ids`` (always, when its ids are unknown)."""
        return not self.ids or not self.ids.isdisjoint(ids)


class ChangeHub(QObject):
    """Carries ``DataChanged`` events from those who change data to those who show it."""

    changed = Signal(object)  # DataChanged, whatever its origin
    published = Signal(object, str)  # DataChanged, origin ("local" or "remote")

    def publish(self, event: DataChanged, *, origin: Origin = "local") -> None:
        """Pass ``event`` on to every receiver; ``origin`` says whether it was made by
        this program ("local") or reported by another one ("remote")."""
        if not isinstance(event, DataChanged):
            raise TypeError(f"a change is a DataChanged, not {type(event).__name__}")
        if origin not in ORIGINS:
            raise ValueError(f"unknown origin {origin!r}; use one of {ORIGINS}")
        log.debug("%s change: %s %s", origin, event.kind, sorted(map(str, event.ids)))
        self.published.emit(event, origin)
        self.changed.emit(event)

    def announce(self, kind: str, ids: Iterable[Hashable] = ()) -> DataChanged:
        """Publish a change made here: ``kind`` of data, the ``ids`` concerned (none:
        unknown, maybe all)."""
        event = DataChanged(kind, frozenset(ids))
        self.publish(event)
        return event


def follow_other_programs(hub: ChangeHub, db: Database | None = None) -> ChangeFeed:
    """Start passing changes other PCs (PostgreSQL) or other programs on this PC (SQLite)
    make into ``hub`` as remote events (db/change_feed.py, docs/rules.md#changes-reach-every-pc).
    Returns the running feed; ``stop()`` it with the window."""
    from desktop_app.db.models import database_proxy

    def deliver(kind: str, ids: frozenset[int]) -> None:
        hub.publish(DataChanged(kind, frozenset(ids)), origin="remote")

    feed = ChangeFeed(db if db is not None else database_proxy.obj, deliver)
    feed.start()
    return feed
