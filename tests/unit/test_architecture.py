"""The layers hold (ARCHITECTURE.md): no Qt below ``ui/``, no import cycle among the
services. Read from the source with ``ast`` (imports inside functions count too: a lazy
import only hides a cycle)."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "desktop_app"


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, absolute, at any depth of the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return found


def _service_graph() -> dict[str, set[str]]:
    services = {p.stem: p for p in (PACKAGE / "services").glob("*.py") if p.stem != "__init__"}
    graph = {}
    for name, path in services.items():
        deps = set()
        for module in _imports(path):
            parts = module.split(".")
            if parts[:2] == ["desktop_app", "services"] and len(parts) > 2 and parts[2] in services:
                deps.add(parts[2])
        graph[name] = deps - {name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle once (as found by a depth-first walk), e.g. [['cases', 'sla', 'cases']]."""
    found, done = [], set()

    def walk(node: str, path: list[str]) -> None:
        for dep in sorted(graph[node]):
            if dep in path:
                cycle = path[path.index(dep) :] + [dep]
                if frozenset(cycle) not in done:
                    done.add(frozenset(cycle))
                    found.append(cycle)
            elif (node, dep) not in seen:
                seen.add((node, dep))
                walk(dep, [*path, dep])

    seen: set[tuple[str, str]] = set()
    for start in sorted(graph):
        walk(start, [start])
    return found


def test_the_cycle_finder_finds_a_cycle():
    graph = {"cases": {"sla"}, "sla": {"reminders"}, "reminders": {"cases"}, "audit": set()}
    assert _cycles(graph) == [["cases", "sla", "reminders", "cases"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_among_the_services():
    graph = _service_graph()
    assert len(graph) > 30 and graph["cases"] >= {"access", "sla"}  # the graph was read
    assert _cycles(graph) == []


def test_access_imports_no_other_service_but_session():
    """The one access rule sits below every service that uses it."""
    assert _service_graph()["access"] <= {"session"}


def test_no_qt_below_the_ui_layer():
    offenders = []
    for layer in ("db", "domain", "services"):
        for path in (PACKAGE / layer).rglob("*.py"):
            if any(m.split(".")[0] in ("PySide6", "shiboken6") for m in _imports(path)):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


# What the first windows leave for later (docs/rules.md#start-up): the sign-in window and
# the main window start without the demo generator, openpyxl, the holiday libraries, Qt
# Charts, the password-strength estimator, urllib's HTTP client or the pages' own modules,
# which are imported when first used.
_NOT_AT_START = (
    "openpyxl",
    "zxcvbn",
    "holidays",
    "chinese_calendar",
    "PySide6.QtCharts",
    "desktop_app.services.demo",
    "desktop_app.services.exchange",
    "desktop_app.services.report_workbook",
    "desktop_app.ui.reports",
    "desktop_app.ui.exchange",
    "desktop_app.ui.admin_page",  # the automatic backup is ui/auto_backup.py
    "desktop_app.services.tracker_export",
    "urllib.request",  # the group robot's HTTP client (services/notify.py post)
)


def _python(code: str, **env: str | None) -> subprocess.CompletedProcess[str]:
    """``code`` run by a new Python process from the repository's root, offscreen, with
    ``env`` over this process's environment (a value None: left out)."""
    merged = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env={k: v for k, v in merged.items() if v is not None},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def _imported_by(code: str) -> set[str]:
    probe = f"import json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    done = _python(probe)
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_program_starts_without_what_the_first_windows_do_not_need():
    modules = _imported_by(
        "import desktop_app.cli, desktop_app.ui.app, desktop_app.ui.login, "
        "desktop_app.ui.main_window"
    )
    assert "desktop_app.ui.main_window" in modules  # the probe works
    early = {m for m in modules for x in _NOT_AT_START if m == x or m.startswith(x + ".")}
    assert not early


def test_the_sign_in_window_does_not_import_the_main_window():
    modules = _imported_by("import desktop_app.ui.app")
    assert "desktop_app.ui.main_window" not in modules
    assert "desktop_app.ui.first_run.wizard" not in modules


def test_no_password_hash_is_computed_at_import():
    """The dummy hash (docs/rules.md#start-up) is computed at the first sign-in that needs
    it, not while the program starts."""
    modules = _imported_by(
        "import desktop_app.services.auth as auth\nassert auth._dummy_hash.cache_info().currsize == 0"
    )
    assert "desktop_app.services.auth" in modules


_SIGN_IN = (
    "from PySide6.QtCore import QElapsedTimer\n"
    "from PySide6.QtWidgets import QApplication, QDialog\n"
    "from desktop_app.ui import app as gui\n"
    "from desktop_app.ui.login import LoginDialog\n"
    "assert 'desktop_app.ui.main_window' not in sys.modules\n"
    "class Info:\n"
    "    def display(self):\n"
    "        return 'test'\n"
    "app = QApplication([])\n"
    "{exec}\n"
    "LoginDialog.exec = exec_\n"
    "assert not gui.GuiController(app, Info()).sign_in()\n"
)


def test_the_main_window_is_imported_while_the_user_types():
    """docs/rules.md#start-up: not before the sign-in window shows, but once it is painted
    (``ui/app.py`` ``preload_main_window``), so the main window follows the sign-in
    sooner."""
    waiting = (
        "def exec_(self):\n"
        "    self.show()\n"
        "    timer = QElapsedTimer()\n"
        "    timer.start()\n"
        "    while 'desktop_app.ui.intake' not in sys.modules and timer.elapsed() < 5000:\n"
        "        QApplication.processEvents()\n"
        "    return QDialog.DialogCode.Rejected"
    )
    modules = _imported_by(_SIGN_IN.replace("{exec}", waiting))
    assert {"desktop_app.ui.main_window", "desktop_app.ui.intake"} <= modules


def test_no_garbage_collection_while_the_modules_load(tmp_path):
    """docs/rules.md#start-up: ``python -m desktop_app`` (and the built program) loads its
    modules without cyclic garbage collection; it starts again before the first window (or
    a command's work), with what the modules made left out of later collections."""
    code = (
        "import gc\n"
        "import desktop_app.__main__\n"
        "assert not gc.isenabled()\n"
        "from desktop_app.ui import app as gui\n"
        "shown = []\n"
        "gui.show_startup_error = shown.append\n"
        "assert gui.run_gui('nosuch://nowhere') == 1 and shown\n"
        "assert gc.isenabled() and gc.get_freeze_count() > 10_000\n"
        "from desktop_app import cli\n"
        "gc.disable()\n"
        "assert cli.main(['--database', 'nosuch://x', 'check']) != 0\n"
        "assert gc.isenabled()\n"
    )
    _python(
        code,
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        DESKTOP_APP_DATA_DIR=str(tmp_path / "data"),
        DESKTOP_APP_LOG_DIR=str(tmp_path / "log"),
        DESKTOP_APP_DATABASE=None,
    )
