"""The unsaved intake form kept on disk, so a crash or a closed program loses nothing.

One JSON file per signed-in user in the user data folder:
``<data_dir>/drafts/intake-<username>.json``. The values are the form's own plain values
(strings, codes, booleans, lists, the complaint time as ISO text).
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path
from typing import Any

from desktop_app.db.connection import data_dir

log = logging.getLogger(__name__)

FORMAT_VERSION = 1


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
