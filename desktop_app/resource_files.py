"""Where the program's resource files are: icons, the style sheet, the translations.

The repository keeps them in its top-level ``resources/``; the package build maps that
folder into the package as ``desktop_app/resources`` (``build_backend/desktop_app_build.py``,
``.ts`` compiled to ``.qm``); the PyInstaller build bundles it as ``_internal/resources``
(``build.spec``). ``resources_dir()`` is the one place that knows all three:

1. an installed wheel or sdist: ``desktop_app/resources`` inside the package, found with
   ``importlib.resources``;
2. the PyInstaller folder: ``resources`` beside the frozen package (``sys._MEIPASS``);
3. a checkout, plain or installed editable: ``resources/`` beside ``desktop_app/``.

No Qt here: the command line and the services may ask too.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

PACKAGE = "desktop_app"
# A file every complete resources folder has: the program's own icon.
MARKER = Path("icons") / "app.svg"


def candidates() -> list[Path]:
    """The folders looked at, in order (duplicates and non-file-system locations left out)."""
    found: list[Path] = []
    package = files(PACKAGE)
    if isinstance(package, Path):  # a zip import has no folder Qt could read
        found.append(package / "resources")
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "resources")
    found.append(Path(__file__).resolve().parents[1] / "resources")
    unique: list[Path] = []
    for path in found:
        if path not in unique:
            unique.append(path)
    return unique


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    """The folder with ``icons/``, ``style/`` and ``translations/``: the first candidate
    that has the app icon, else the first that exists, else the package's (so a message
    about a missing file names the place an installed program looks in)."""
    paths = candidates()
    for path in paths:
        if (path / MARKER).is_file():
            return path
    for path in paths:
        if path.is_dir():
            return path
    return paths[0]
