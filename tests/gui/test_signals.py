"""Guard against a PySide6 that corrupts reference counts when signals are emitted.

PySide6 6.12.0's ``SignalInstance.emit()`` returns its bool without a new reference: every
emission from Python takes one reference away from ``True``, and on CPython before 3.12 a
few thousand emissions abort the interpreter ("bool_dealloc"). The reminder timer emits
several signals a minute, so such a program dies within hours. pyproject.toml keeps that
release out; this test fails if a PySide6 with the fault is installed again.
"""

import sys

from PySide6.QtCore import QObject, Signal


class _Source(QObject):
    changed = Signal(object)
    pinged = Signal()


def test_emitting_many_signals_leaves_reference_counts_alone():
    source = _Source()
    received = []
    source.changed.connect(received.append)
    source.pinged.connect(lambda: None)
    before = sys.getrefcount(True)
    for n in range(500):
        source.changed.emit(n)
        source.pinged.emit()
    assert received == list(range(500))
    assert abs(sys.getrefcount(True) - before) < 50
