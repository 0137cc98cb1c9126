"""The unsaved intake form kept on disk, so a crash or a closed program loses nothing.

``DraftStore``: one JSON file per signed-in user in the user data folder,
``<data_dir>/drafts/intake-<username>.json``. The values are the form's own plain values
(strings, codes, booleans, lists, the complaint time as ISO text).

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
from desktop_app.ui.forms import ask

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
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
    safe = re.sub(r"[^\w.-]", "_", username) or "_"
    return data_dir() / "drafts" / f"intake-{safe}.json"


class DraftStore:
    """Reads, writes and deletes one user's intake draft; writes are atomic (temp file
    then rename), so a crash while writing leaves the previous draft."""

    def __init__(self, username: str, path: Path | None = None):
        self.path = path or draft_path(username)

    def exists(self) -> bool:
        return self.path.is_file()

    def save(self, values: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        payload = {"version": FORMAT_VERSION, "values": values}
        temporary.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(temporary, self.path)

    def load(self) -> dict[str, Any] | None:
        """The stored values; None when there is no draft or it cannot be read."""
        try:
            payload = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.warning("intake draft %s unreadable: %s", self.path, exc)
            return None
        values = payload.get("values") if isinstance(payload, dict) else None
        return values if isinstance(values, dict) else None

    def discard(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("intake draft %s not deleted: %s", self.path, exc)


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
        except OSError as exc:
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
