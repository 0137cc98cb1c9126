"""``emit(signal, *args)``: emit a Qt signal from Python without corrupting ``True``.

PySide6 6.12.0's ``SignalInstance.emit()`` returns ``True``/``False`` without a new
reference, so every ``.emit()`` called from Python takes one reference away from the bool.
On CPython before 3.12 (bools are not yet immortal) a few thousand emissions bring ``True``
to zero and the interpreter aborts with "bool_dealloc: deallocating True or False"; the
reminder timer alone would get there within hours. ``emit`` gives the reference back when,
and only when, the PySide6 in use has that fault (measured once, at import). Call signals
through ``emit`` everywhere in the UI; a test keeps ``.emit(`` out of ``desktop_app/ui``.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_PROBES = 64


class _Probe(QObject):
    ping = Signal()


def _incref(obj: object) -> None:
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(obj))


def _measure_emit_fault() -> bool:
    """True when ``emit()`` steals a reference from the bool it returns."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(_PROBES):
        probe.ping.emit()  # the measurement itself
    lost = before - sys.getrefcount(True)
    faulty = lost >= _PROBES // 2
    if faulty:  # undo the probe's own damage
        for _ in range(_PROBES):
            _incref(True)
    return faulty


EMIT_STEALS_BOOL = _measure_emit_fault()


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, keeping the returned bool's reference count right."""
    result = signal.emit(*args)
    if EMIT_STEALS_BOOL and isinstance(result, bool):
        _incref(result)
