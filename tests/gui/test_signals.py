import re
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Signal

import desktop_app.ui
from desktop_app.ui.signals import emit


class _Source(QObject):
    changed = Signal(object)


def test_emitting_many_times_leaves_true_alone():
    """PySide6 6.12.0 takes a reference from True on each .emit(); a program that emits
    thousands of times (the reminder timer) would abort. ``emit`` must not."""
    source = _Source()
    received = []
    source.changed.connect(received.append)
    before = sys.getrefcount(True)
    for n in range(2000):
        emit(source.changed, n)
    assert received == list(range(2000))
    assert abs(sys.getrefcount(True) - before) < 50


def test_the_ui_emits_only_through_the_helper():
    folder = Path(desktop_app.ui.__file__).parent
    offenders = [f"{path.name}:{number}"
                 for path in folder.glob("*.py") if path.name != "signals.py"
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if re.search(r"\.emit\(", line)]
    assert offenders == []
