"""The progress callback that long services take (exports, imports, demo data, set-up):
``progress(done, total)`` after each step; a callback that returns ``False`` asks the
service to stop at that point (the UI's Cancel, ``ui.tasks.Task.report``)."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], object]
