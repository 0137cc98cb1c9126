"""``desktop-app self-test``: does this installation (or PyInstaller bundle) have its parts?

A hidden command for the build's smoke run (``scripts/build``): without a database it

1. imports every module of the program and the libraries it loads lazily or by name
   (PostgreSQL driver, password hashing, the Chinese calendars, Excel);
2. starts Qt (offscreen unless ``QT_QPA_PLATFORM`` says otherwise) and, through the
   program's own ``ui/i18n.py`` and ``ui/resources.py``, installs the zh_CN catalogue and
   Qt's own Chinese catalogue, renders every icon, reads the style sheet, draws a chart and
   prints a page to a PDF file.

It prints one line per check and exits 1 when any check fails, else 0.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from collections.abc import Callable

# Libraries imported inside functions or by name (peewee, holidays), which a frozen build
# only has when the spec collected them.
LAZY_IMPORTS = (
    "psycopg2",
    "psycopg2.extras",
    "argon2",
    "holidays",
    "chinese_calendar",
    "openpyxl",
    "lxml.etree",
    "platformdirs",
    "playhouse.migrate",
    "playhouse.postgres_ext",
    "PySide6.QtCharts",
    "PySide6.QtPrintSupport",
    "PySide6.QtSvg",
)

# The PostgreSQL driver comes with the ``postgres`` extra (``pip install
# 'desktop-app[postgres]'``): an install without it works on SQLite, so its absence is
# noted, not a failure. A frozen build must have it.
OPTIONAL_IMPORTS = {"psycopg2": "postgres", "psycopg2.extras": "postgres"}


def _check_modules() -> str:
    import desktop_app

    names = [m.name for m in pkgutil.walk_packages(desktop_app.__path__, "desktop_app.")]
    if not names:
        raise RuntimeError("no module of desktop_app found")
    failed = []
    extras_missing: set[str] = set()
    skipped = 0
    frozen = getattr(sys, "frozen", False)
    for name in [*names, *LAZY_IMPORTS]:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if name in OPTIONAL_IMPORTS and not frozen and exc.name in (name, name.split(".")[0]):
                extras_missing.add(OPTIONAL_IMPORTS[name])
                skipped += 1
            else:
                failed.append(f"{name} ({type(exc).__name__}: {exc})")
        except Exception as exc:  # noqa: BLE001 - each failure is reported
            failed.append(f"{name} ({type(exc).__name__}: {exc})")
    if failed:
        raise RuntimeError("cannot import " + "; ".join(failed))
    detail = f"{len(names)} program modules, {len(LAZY_IMPORTS) - skipped} libraries"
    for extra in sorted(extras_missing):
        detail += f" (without the {extra} extra: pip install 'desktop-app[{extra}]')"
    return detail


def _check_libraries() -> str:
    import datetime

    import chinese_calendar
    import holidays
    from argon2 import PasswordHasher

    hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    if not hasher.verify(hasher.hash("self-test"), "self-test"):
        raise RuntimeError("argon2 cannot verify its own hash")
    national_day = datetime.date(2025, 10, 1)
    if national_day not in holidays.China(years=2025):
        raise RuntimeError("holidays.China does not know National Day 2025")
    if not chinese_calendar.is_holiday(national_day):
        raise RuntimeError("chinese_calendar does not know National Day 2025")
    return "argon2, holidays.China, chinese_calendar"


def _check_chart_and_pdf() -> str:
    import tempfile
    from pathlib import Path

    from PySide6.QtCharts import QChart, QChartView, QPieSeries
    from PySide6.QtGui import QPainter
    from PySide6.QtPrintSupport import QPrinter

    series = QPieSeries()
    series.append("a", 2)
    series.append("b", 1)
    chart = QChart()
    chart.addSeries(series)
    view = QChartView(chart)
    view.resize(200, 150)
    if view.grab().isNull():
        raise RuntimeError("a chart cannot be drawn")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "self-test.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        painter = QPainter()
        if not painter.begin(printer):
            raise RuntimeError("cannot print to a PDF file")
        painter.drawText(100, 100, "投诉处理台")
        painter.end()
        size = out.stat().st_size if out.exists() else 0
    if size == 0:
        raise RuntimeError("the printed PDF file is empty")
    return f"a pie chart drawn, a {size}-byte PDF printed"


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results: list[bool] = []

    def check(title: str, func: Callable[[], str]) -> None:
        try:
            detail = func()
        except Exception as exc:  # noqa: BLE001 - each failure is reported
            print(f"FAILED  {title}: {exc}")
            results.append(False)
        else:
            print(f"ok      {title}: {detail}")
            results.append(True)

    from desktop_app import APP_NAME, __version__

    frozen = "frozen (PyInstaller)" if getattr(sys, "frozen", False) else "from source"
    print(f"desktop-app {__version__}, Python {sys.version.split()[0]}, {frozen}")
    check("imports", _check_modules)
    check("libraries", _check_libraries)

    from PySide6.QtCore import QLocale, QSize, qVersion

    from desktop_app.ui.app import application
    from desktop_app.ui.i18n import CATALOGUE, install_translators, message_text
    from desktop_app.ui.resources import icon, resources_dir, style_sheet, translations_dir

    app = application()
    print(f"Qt {qVersion()} on the {app.platformName()} platform; resources: {resources_dir()}")
    translators = install_translators(app, QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    try:

        def own_catalogue() -> str:
            ours = [t for t in translators if CATALOGUE in t.filePath()]
            if not ours:
                raise RuntimeError(f"no {CATALOGUE}_zh_CN.qm in {translations_dir()}")
            title = message_text(APP_NAME)
            if title == APP_NAME:
                raise RuntimeError(f"{ours[0].filePath()} does not translate {APP_NAME!r}")
            return f"{ours[0].filePath()} ({APP_NAME} = {title})"

        def qt_catalogue() -> str:
            theirs = [t.filePath() for t in translators if CATALOGUE not in t.filePath()]
            if not theirs:
                raise RuntimeError("Qt's own qtbase_zh_CN.qm was not found")
            return theirs[0]

        check("zh_CN translation", own_catalogue)
        check("Qt's zh_CN translation", qt_catalogue)
    finally:
        for translator in translators:
            app.removeTranslator(translator)

    def icons() -> str:
        names = sorted(p.stem for p in (resources_dir() / "icons").glob("*.svg"))
        if "app" not in names:
            raise RuntimeError(f"no app.svg in {resources_dir() / 'icons'}")
        blank = [n for n in names if icon(n).isNull() or icon(n).pixmap(QSize(32, 32)).isNull()]
        if blank:
            raise RuntimeError("cannot render " + ", ".join(blank) + " (SVG plugins missing?)")
        return f"{len(names)} rendered: {', '.join(names)}"

    def style() -> str:
        text = style_sheet()
        if not text.strip():
            raise RuntimeError(f"no style sheet in {resources_dir() / 'style'}")
        return f"{len(text)} characters"

    check("icons", icons)
    check("style sheet", style)
    check("charts and printing", _check_chart_and_pdf)
    if all(results):
        print("self-test passed")
        return 0
    print(f"self-test FAILED: {results.count(False)} of {len(results)} checks")
    return 1
