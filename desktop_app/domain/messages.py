"""``msg("…")``: the mark on user-facing English text written outside the UI.

Service error templates, the templates of checks and import problems, setting labels and
the program's name are written in Qt-free code (services, domain, db). ``msg(text)``
returns ``text`` unchanged; it only marks the literal for ``pyside6-lupdate``, which
``scripts/update-translations`` runs with ``-tr-function-alias QT_TR_NOOP+=msg``. lupdate's
Python parser then reads ``msg("…")`` like ``QT_TR_NOOP("…")`` and, for a call without a
``self.`` or ``Name.`` in front, files the text under the empty context: every marked text
is in that one context, ``MESSAGE_CONTEXT``, where the UI translates it
(``desktop_app.ui.i18n.message_text`` and ``problem_text``).

For lupdate to find a message:

* pass a literal string (adjacent literals are joined): not an f-string, a name or
  ``"a" + b``; a template with ``{named}`` fields is filled in after translation;
* call the bare name (``from desktop_app.domain.messages import msg``): lupdate would file
  ``messages.msg("…")`` under a context ``messages``;
* a ``#:`` comment on the line before is a note for the translators.
"""

from __future__ import annotations

# The translation context of every msg() text (lupdate's context of a bare call).
MESSAGE_CONTEXT = ""


def msg(text: str) -> str:
    """``text`` itself: marks it for translation in ``MESSAGE_CONTEXT``."""
    return text
