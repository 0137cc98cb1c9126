"""Copy the program's icons from the Lucide icon set into resources/icons/.

The icons are Lucide's (https://lucide.dev, ISC licence; parts from Feather, MIT), taken
from the ``lucide`` package on PyPI, which carries them as ``lucide/lucide.zip``::

    pip download lucide==1.1.4 --no-deps -d /tmp/lucide
    python scripts/vendor_icons.py /tmp/lucide/lucide-1.1.4-py3-none-any.whl

Each icon is saved under the name the program asks for (``icon("save")``); the SVGs are
24x24, 2px strokes in ``currentColor``, which ``desktop_app.ui.resources.icon`` replaces
with the palette's text colour when it draws them. ``app.svg`` is the program's own.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

ICONS_DIR = Path(__file__).resolve().parents[1] / "resources" / "icons"

# program name -> Lucide name
ICONS = {
    # sections
    "intake": "clipboard-plus",
    "tracker": "list-checks",
    "survey": "smile",
    "reports": "chart-column",
    "settings": "settings",
    "admin": "shield-check",
    # files and data
    "save": "save",
    "print": "printer",
    "pdf": "file-down",
    "export": "file-output",
    "import": "file-input",
    "refresh": "refresh-cw",
    "search": "search",
    "filter": "funnel",
    "clear_filter": "funnel-x",
    "add": "plus",
    "new": "file-plus",
    "edit": "pencil",
    "delete": "trash-2",
    "remove": "x",
    "disable": "ban",
    "enable": "circle-check",
    "folder": "folder-open",
    "view_save": "bookmark-plus",
    "view_delete": "bookmark-x",
    # account and administration
    "lock": "lock",
    "sign_out": "log-out",
    "quit": "power",
    "password": "key-round",
    "user_add": "user-round-plus",
    "user_edit": "user-round-pen",
    "backup": "database-backup",
    "restore": "archive-restore",
    # reminders
    "reminder": "bell",
    "snooze": "alarm-clock-off",
    "acknowledge": "check",
    # cases
    "case_open": "square-arrow-out-up-right",
    "transfer": "arrow-right-left",
    "escalate": "circle-arrow-up",
    "request_approval": "mail-check",
    "approve": "circle-check",
    "reject": "circle-x",
    "renegotiate": "handshake",
    "close_case": "archive",
    "reopen": "rotate-ccw",
    "attach": "paperclip",
    "calendar": "calendar-days",
    "chart": "chart-line",
    "call": "phone-call",
    "no_call": "phone-off",
    "follow_up": "message-circle-reply",
    "previous": "chevron-left",
    "next": "chevron-right",
    # help
    "help": "circle-question-mark",
    "about": "info",
}

LICENCE_HEADER = """\
The icons in this folder other than app.svg are Lucide icons (https://lucide.dev),
copied by scripts/vendor_icons.py from the lucide {version} package on PyPI and renamed
(the mapping is in that script). Their licence follows.

"""


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    wheel = Path(argv[1])
    version = wheel.name.split("-")[1] if wheel.name.count("-") >= 2 else "?"
    with zipfile.ZipFile(wheel) as outer:
        inner = zipfile.ZipFile(io.BytesIO(outer.read("lucide/lucide.zip")))
        licence = next(n for n in outer.namelist() if n.endswith("LICENSE"))
        text = outer.read(licence).decode()
    # The package's own MIT notice comes first, then the icons' ISC notice.
    icons_licence = text[text.index("The contained Lucide") :]
    (ICONS_DIR / "LICENSE-lucide.txt").write_text(
        LICENCE_HEADER.format(version=version) + icons_licence, encoding="utf-8"
    )
    for name, lucide_name in sorted(ICONS.items()):
        svg = inner.read(f"{lucide_name}.svg").decode()
        if "currentColor" not in svg:
            raise SystemExit(f"{lucide_name}.svg has no currentColor")
        (ICONS_DIR / f"{name}.svg").write_text(
            f"<!-- Lucide: {lucide_name} (ISC licence, see LICENSE-lucide.txt) -->\n" + svg,
            encoding="utf-8",
        )
    print(f"{len(ICONS)} icons written to {ICONS_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
