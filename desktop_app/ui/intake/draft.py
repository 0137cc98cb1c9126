"""The unsaved intake form kept, so a crash or a closed program loses nothing.

``DraftStore``: the signed-in user's draft in the database (``services/drafts.py``), never
a plain file (docs/rules.md#private-files). A draft an older version left as JSON in
``<data_dir>/drafts/intake-<username>.json`` is moved into the database the first time it
is looked for, and the file is overwritten and deleted. The values are the form's own plain
values (strings, codes, booleans, lists, the complaint time as ISO text).

``IntakeDrafts``: the page's side, a mixin of ``page.IntakePage``: the form is written
every ``AUTOSAVE_MS`` when it changed (``autosave``), when the window closes
(``keep_draft``), and offered back at the next start (``offer_draft``).
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.db.connection import data_dir
from desktop_app.services import drafts as drafts_service
from desktop_app.services.errors import ServiceError
from desktop_app.services.session import Session
from desktop_app.ui.forms import ask

log = logging.getLogger(__name__)

AUTOSAVE_MS = 3000

if TYPE_CHECKING:
    # For the type checker only: the page it is mixed into is a QWidget. At run time the
    # mixin stays a plain class (the page's MRO, metaobject and tr() contexts unchanged).
    class _Host(QWidget):
        """What IntakeDrafts uses of the class it is mixed into (for the type checker)."""

        # IntakeSections

        def values(self) -> dict[str, Any]: ...
        def set_values(self, values: dict[str, Any]) -> None: ...
        def has_typed_work(self) -> bool: ...

    _Base = _Host
else:
    _Base = object


def draft_path(username: str) -> Path:
    """Where versions before schema v14 kept a user's draft as plain JSON."""
    safe = re.sub(r"[^\w.-]", "_", username) or "_"
    return data_dir() / "drafts" / f"intake-{safe}.json"


def erase_file(path: Path) -> None:
    """Overwrite a file with zeros, then delete it (best effort on journaling disks)."""
    try:
        size = path.stat().st_size
        with open(path, "r+b") as handle:
            handle.write(b"\0" * size)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        log.warning("old intake draft %s not overwritten: %s", path, exc)
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("old intake draft %s not deleted: %s", path, exc)


class DraftStore:
    """Reads, writes and deletes the session user's intake draft (in the database)."""

    def __init__(self, session: Session):
        self.session = session
        self._migrated = False

    def _migrate_old_file(self) -> None:
        """Move a plain JSON draft of an older version into the database, erase the file."""
        if self._migrated:
            return
        self._migrated = True
        path = draft_path(self.session.username)
        if not path.is_file():
            return
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            log.warning("old intake draft %s unreadable: %s", path, exc)
            payload = None
        values = payload.get("values") if isinstance(payload, dict) else None
        if isinstance(values, dict) and values and drafts_service.load_draft(self.session) is None:
            drafts_service.save_draft(self.session, values)
        erase_file(path)
        log.info("moved the old intake draft of %s into the database", self.session.username)

    def exists(self) -> bool:
        return self.load() is not None

    def save(self, values: dict[str, Any]) -> None:
        self._migrate_old_file()
        drafts_service.save_draft(self.session, values)

    def load(self) -> dict[str, Any] | None:
        """The stored values; None when there is no draft or it cannot be read."""
        try:
            self._migrate_old_file()
            return drafts_service.load_draft(self.session)
        except ServiceError as exc:
            log.warning("intake draft not read: %s", exc)
            return None

    def discard(self) -> None:
        try:
            self._migrate_old_file()
            drafts_service.discard_draft(self.session)
        except ServiceError as exc:
            log.warning("intake draft not deleted: %s", exc)


class IntakeDrafts(_Base):
    """Mixin of ``IntakePage``: the draft of the unsaved form (see the module
    documentation). The page sets ``drafts`` and provides ``values``, ``set_values``,
    ``has_typed_work`` and ``status_message``."""

    drafts: DraftStore
    status_message: Signal
    _dirty: bool

    def _build_autosave(self) -> None:
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setObjectName("autosave_timer")
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

    def autosave(self) -> bool:
        """Write the draft when the form changed; True when a draft was written."""
        if not self._dirty:
            return False
        self._dirty = False
        try:
            if self.has_typed_work():
                self.drafts.save(self.values())
                return True
            self.drafts.discard()
        except (OSError, ServiceError) as exc:
            log.warning("intake draft not written: %s", exc)
        return False

    def keep_draft(self) -> None:
        """Write the draft now (the window closes)."""
        self._dirty = True
        self.autosave()

    def offer_draft(self) -> bool:
        """Offer the draft of an unsaved form back; True when it was restored."""
        values = self.drafts.load()
        if not values:
            self.drafts.discard()
            return False
        if not ask(
            self,
            self.tr("Unsaved form"),
            self.tr("A form was not saved last time (customer: {name}). Restore it?").format(
                name=values.get("customer_name") or self.tr("no name")
            ),
            default=QMessageBox.StandardButton.Yes,
        ):
            self.drafts.discard()
            return False
        self.set_values(values)
        self.status_message.emit(self.tr("The unsaved form was restored."))
        return True
