"""``desktop-app screenshots``: the main windows over demo data, as PNG files.

Everything happens on a temporary SQLite database of its own (the user's database is never
opened): demo cases from a fixed seed at a fixed "now" (``NOW``), demo accounts given a
password, each signed in like at the login window. Per language the windows are built
afresh (translator installed and ``QLocale.setDefault`` first), each resized to ``SIZE``,
left to load their data (the window's background tasks done and the event loop quiet for a
moment) and grabbed with ``QWidget.grab()``. Files: ``OUT/<language>/<name>.png`` for every
name in ``NAMES``; at ``--scale 1.5`` (``QT_SCALE_FACTOR``) the pictures have 1.5 times
the pixels.

Missing glyphs: after a window has loaded, every text it shows is checked against the
font it is drawn with (``glyph_check.py``). Each character without a glyph is a warning;
``--strict`` turns warnings into exit status 1.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QLocale,
    QPoint,
    QSettings,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QCursor,
    QImage,
    QLinearGradient,
    QPainter,
    QPixmap,
)
from PySide6.QtWidgets import (
    QApplication,
    QScrollArea,
    QWidget,
)

from desktop_app.ui.glyph_check import GlyphChecker, GlyphReport, check_window

log = logging.getLogger(__name__)

NAMES = ("login", "intake", "tracker", "case", "survey", "reports", "settings", "admin")
LANGUAGES = ("zh_CN", "en")
SCALES = (1.0, 1.5)
SIZE = QSize(1280, 800)  # every picture, in logical pixels
NOW = dt.datetime(2026, 3, 18, 10, 24)  # a Wednesday morning, a working day
SEED = 7
DEMO_CASES = 4000
PASSWORD = "screenshots-demo-2026"  # of the demo accounts in the temporary database only
# Who is signed in for which pictures (demo accounts of services.demo, and one admin).
CLERK, SUPERVISOR, MANAGER, ADMIN = (
    "demo_clerk01",
    "demo_sup_customer_service",
    "demo_manager",
    "admin",
)
ADMIN_DISPLAY_NAME = "系统管理员"
DATABASE_LABEL = "complaints.db"  # shown in status bars instead of the temporary path
SETTLE_TIMEOUT = 30.0  # seconds a window may take to load
QUIET = 0.4  # seconds without running tasks before a window counts as loaded

# The intake form half filled in, as a clerk types it during a phone call.
INTAKE_VALUES = {
    "customer_name": "王秀英",
    "contact": "13912345678",
    "member_tier": "gold",
    "complaint_time": (NOW - dt.timedelta(minutes=12)).isoformat(timespec="minutes"),
    "channel": "phone",
    "type": "process_efficiency",
    "subtype": "slow_refund",
    "product": "年度会员卡",
    "urgency": "normal",
    "description": (
        "客户反映3月5日在APP申请的会员卡退款至今未到账，期间两次致电客服热线，"
        "均被告知“正在处理”，没有明确答复。客户情绪较为激动，要求本周内退款到账"
        "并说明延误原因。"
    ),
    "customer_requests": ["refund", "apology"],
}


# --- running the windows -------------------------------------------------------------------


def settle(runners: Iterable, timeout: float = SETTLE_TIMEOUT, quiet: float = QUIET) -> bool:
    """Run the event loop until no task of ``runners`` (TaskRunners) has run for ``quiet``
    seconds; False when that did not happen within ``timeout``."""
    runners = [r for r in runners if r is not None]
    deadline = time.monotonic() + timeout
    quiet_since: float | None = None
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        now = time.monotonic()
        if any(r.busy() for r in runners):
            quiet_since = None
        elif quiet_since is None:
            quiet_since = now
        elif now - quiet_since >= quiet:
            return True
        time.sleep(0.01)
    log.warning("screenshots: windows still busy after %.0f s", timeout)
    return False


def _backdrop(content: QPixmap, size: QSize, ratio: float) -> QImage:
    """A small window (the login dialog) centred on a plain desktop of ``size``."""
    image = QImage(size * ratio, QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(ratio)
    painter = QPainter(image)
    gradient = QLinearGradient(0, 0, 0, size.height())
    gradient.setColorAt(0, QColor("#2f4f6f"))
    gradient.setColorAt(1, QColor("#7893ad"))
    painter.fillRect(0, 0, size.width(), size.height(), gradient)
    logical = content.deviceIndependentSize().toSize()
    x = (size.width() - logical.width()) // 2
    y = (size.height() - logical.height()) // 2
    painter.fillRect(x + 4, y + 6, logical.width(), logical.height(), QColor(0, 0, 0, 60))
    painter.drawPixmap(QPoint(x, y), content)
    painter.setPen(QColor("#1d3246"))
    painter.drawRect(x - 1, y - 1, logical.width() + 1, logical.height() + 1)
    painter.end()
    return image


def shrink(image: QImage) -> QImage:
    """The picture in at most 256 colours when that loses nothing visible: the colours
    that cover nearly every pixel make the palette (no dithering, nearest colour for the
    rare rest), else the picture as it is."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(rgb.constBits())
    counts = Counter(memoryview(data).cast("I"))
    common = counts.most_common(256)
    covered = sum(n for _colour, n in common) / max(1, rgb.width() * rgb.height())
    if covered < 0.97:
        return rgb
    table = [colour | 0xFF000000 for colour, _n in common]
    return rgb.convertToFormat(
        QImage.Format.Format_Indexed8,
        table,
        Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither,
    )


def save_png(image: QImage, path: Path, *, small: bool = True) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    out = shrink(image) if small else image
    if not out.save(str(path), "PNG", 0):
        raise OSError(f"cannot write {path}")
    return path


@dataclasses.dataclass
class Shot:
    name: str
    path: Path
    size: tuple[int, int]


class ScreenshotRun:
    """One run of the command: the temporary database, then each language's windows."""

    def __init__(
        self,
        out_dir: Path,
        *,
        languages: Iterable[str] = LANGUAGES,
        echo: Callable[[str], None] = print,
        small: bool = True,
    ):
        self.out_dir = Path(out_dir)
        self.languages = tuple(languages)
        self.echo = echo
        self.small = small
        self.checker: GlyphChecker | None = None
        self.reports: dict[str, GlyphReport] = {}
        self.shots: dict[str, list[Shot]] = {}
        self._windows: list[QWidget] = []

    # --- the temporary database ------------------------------------------------------------

    def prepare_database(self, folder: Path):
        from desktop_app.bootstrap import prepare_database
        from desktop_app.domain.clock import FixedClock
        from desktop_app.services import demo, users
        from desktop_app.services.session import Session

        db, info, _result = prepare_database(f"sqlite:///{(folder / 'complaints.db').as_posix()}")
        self.clock = FixedClock(NOW)
        system = Session.system(self.clock, name="screenshots")
        stats = demo.generate(system, DEMO_CASES, seed=SEED)
        for username in (CLERK, SUPERVISOR, MANAGER):
            users.reset_password(system, username, PASSWORD)
        users.create_user(system, ADMIN, "admin", PASSWORD, display_name=ADMIN_DISPLAY_NAME)
        self.echo(
            f"demo database: {stats.cases:,} cases, {stats.progress_entries:,} progress "
            f"entries, {stats.surveys:,} surveys (seed {SEED}, now {NOW:%Y-%m-%d %H:%M})"
        )
        self.db = db
        self.db_info = dataclasses.replace(info, path=Path(DATABASE_LABEL))
        return db

    # --- languages ----------------------------------------------------------------------

    def set_language(self, language: str) -> None:
        """Make ``language`` the saved choice (in this run's settings) and the installed
        one: translators, default locale."""
        from desktop_app.ui.i18n import apply_language, save_language

        save_language(language)
        installed = apply_language(QApplication.instance(), language)
        if language != "en" and not installed:
            self.echo(f"warning: no translation catalogue for {language}")

    # --- the windows ---------------------------------------------------------------------

    def sign_in(self, username: str):
        from desktop_app.services import auth

        session = auth.sign_in(username, PASSWORD, clock=self.clock)
        zh = QLocale().language() == QLocale.Language.Chinese
        return dataclasses.replace(session, language="zh_CN" if zh else "en")

    def main_window(self, username: str):
        from desktop_app.ui.main_window import MainWindow

        window = MainWindow(self.sign_in(username), self.db_info, offer_drafts=False)
        self._windows.append(window)
        window.resize(SIZE)
        window.show()
        window.resize(SIZE)
        settle([window.tasks])
        return window

    def shoot(
        self, language: str, name: str, window: QWidget, runners=(), *, reminders: bool = False
    ) -> Shot:
        """Grab ``window`` (once ``runners`` are idle) to ``OUT/language/name.png``; the
        reminders panel and notice of a main window only with ``reminders``."""
        if window.size() != SIZE and name != "login":
            window.resize(SIZE)
        settle(runners)
        panel = getattr(window, "reminders_panel", None)
        if panel is not None:
            panel.setVisible(reminders)
            if not reminders:
                window.reminder_notice.hide()
            settle([], timeout=2, quiet=0.1)
        check_window(self.checker, self.reports[language], name, window)
        pixmap = window.grab()
        ratio = pixmap.devicePixelRatio()
        if name == "login":
            image = _backdrop(pixmap, SIZE, ratio)
        else:
            image = pixmap.toImage()
        path = save_png(image, self.out_dir / language / f"{name}.png", small=self.small)
        shot = Shot(name, path, (image.width(), image.height()))
        self.shots.setdefault(language, []).append(shot)
        self.echo(f"  {path} ({shot.size[0]}x{shot.size[1]}, {path.stat().st_size:,} bytes)")
        return shot

    def close_windows(self) -> None:
        for window in reversed(self._windows):
            if shiboken6.isValid(window):
                window.close()
                window.deleteLater()
        self._windows.clear()
        settle([], timeout=2, quiet=0.05)

    def language_set(self, language: str) -> None:
        from desktop_app.services.tracker import CaseFilter
        from desktop_app.ui.case.window import open_case_window
        from desktop_app.ui.login import LoginDialog

        self.set_language(language)
        self.reports[language] = GlyphReport()

        login = LoginDialog(username=CLERK, database=DATABASE_LABEL, clock=self.clock)
        self._windows.append(login)
        login.show()
        login.password.setText(PASSWORD)
        settle([], timeout=2, quiet=0.1)
        self.shoot(language, "login", login)
        login.close()

        clerk = self.main_window(CLERK)
        page = clerk.show_section("intake")
        page.set_values(INTAKE_VALUES)
        page.refresh_similar()
        page.description.setFocus()
        settle([clerk.tasks])
        clerk.reminders_panel.hide()
        scroll = _ancestor(page.description, QScrollArea)
        if scroll is not None:
            settle([], timeout=2, quiet=0.1)
            scroll.ensureWidgetVisible(page.description, 0, 40)
        self.shoot(language, "intake", clerk, [clerk.tasks])

        supervisor = self.main_window(SUPERVISOR)
        tracker = supervisor.show_section("tracker")
        settle([supervisor.tasks])
        tracker.set_filter(CaseFilter())
        settle([supervisor.tasks])
        case_id = self._interesting_case(supervisor.session, tracker)
        if case_id is not None:
            tracker.select_case(case_id)
        self.shoot(language, "tracker", supervisor, [supervisor.tasks], reminders=True)

        if case_id is None:
            raise RuntimeError("the demo data has no open case to show")
        case_window = open_case_window(supervisor.session, case_id, supervisor.tasks, supervisor)
        case_window.resize(SIZE)
        self.shoot(language, "case", case_window, [supervisor.tasks])
        case_window.close()

        survey = supervisor.show_section("survey")
        settle([supervisor.tasks])
        if survey.queue_model.rowCount():
            survey.place.select_row(0)
            survey.survey_selected()
        self.shoot(language, "survey", supervisor, [supervisor.tasks])

        manager = self.main_window(MANAGER)
        reports = manager.show_section("reports")
        last_month = NOW.date().replace(day=1) - dt.timedelta(days=1)
        reports.set_period("month", last_month)
        self.shoot(language, "reports", manager, [manager.tasks])
        manager.show_section("settings")
        self.shoot(language, "settings", manager, [manager.tasks])

        admin = self.main_window(ADMIN)
        page = admin.show_section("admin")
        if page.accounts_tab is not None:
            page.tabs.setCurrentWidget(page.accounts_tab)
        self.shoot(language, "admin", admin, [admin.tasks])
        self.close_windows()

    def _interesting_case(self, session, tracker) -> int | None:
        """An open case of the supervisor's queue (first 40 rows) with the most work in its
        timeline (progress, transfers, escalations, approvals) and few reminders."""
        from desktop_app.services import cases

        work = {"progress", "transfer", "escalation", "approval_requested", "approval_decided"}
        best: tuple[int, int] | None = None
        model = tracker.model
        for row in range(min(model.rowCount(), 40)):
            case_id = model.case_id(row)
            if case_id is None:
                continue
            kinds = Counter(event.kind for event in cases.timeline(session, case_id))
            score = sum(kinds[k] for k in work) * 3 - kinds["reminder"] * 2 - kinds["audit"]
            if best is None or score > best[0]:
                best = (score, case_id)
        return best[1] if best else None

    # --- all of it ---------------------------------------------------------------------

    def run(self) -> None:
        from desktop_app.ui.resources import apply_look

        app = QApplication.instance()
        apply_look(app, "light")  # the same pictures whatever the system's colour scheme
        app.setCursorFlashTime(0)  # no blinking caret: the same picture every time
        app.setEffectEnabled(Qt.UIEffect.UI_AnimateCombo, False)
        screen = app.primaryScreen()
        if screen is not None:
            corner = screen.geometry().bottomRight()
            QCursor.setPos(corner)  # no hover highlight under the pointer
        self.checker = GlyphChecker()
        with (
            tempfile.TemporaryDirectory(prefix="complaint-desk-shots-") as folder,
            _isolated_user_state(Path(folder)),
        ):
            db = self.prepare_database(Path(folder))
            try:
                for language in self.languages:
                    self.echo(f"{language}:")
                    with _qt_settings(Path(folder) / f"qt-{language}"):
                        self.language_set(language)
            finally:
                self.close_windows()
                db.close()


def _ancestor(widget: QWidget, kind: type) -> QWidget | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, kind):
        parent = parent.parentWidget()
    return parent


@contextmanager
def _isolated_user_state(folder: Path):
    """Drafts, backups and logs of the run stay in ``folder``."""
    saved = {k: os.environ.get(k) for k in ("DESKTOP_APP_DATA_DIR",)}
    os.environ["DESKTOP_APP_DATA_DIR"] = str(folder / "data")
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextmanager
def _qt_settings(folder: Path):
    """Window states and saved views of this run in ``folder``, not the user's settings."""
    folder.mkdir(parents=True, exist_ok=True)
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    yield


def run_command(
    out: str,
    *,
    language: str = "both",
    scale: float = 1.0,
    strict: bool = False,
    glyph_report: str | None = None,
) -> int:
    """The ``screenshots`` sub-command; returns the exit status."""
    languages = LANGUAGES if language == "both" else (language,)
    if QApplication.instance() is None:
        if not os.environ.get("QT_QPA_PLATFORM") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        if scale != 1.0:
            os.environ["QT_SCALE_FACTOR"] = f"{scale:g}"
        os.environ.setdefault("QT_ENABLE_HIGHDPI_SCALING", "1")
        from desktop_app.ui.app import application

        app = application()
    else:
        app = QApplication.instance()
        if scale != 1.0:
            print(
                "desktop-app: warning: --scale needs a new process (QT_SCALE_FACTOR); "
                "the pictures keep the current scale",
                file=sys.stderr,
            )
    print(f"platform {app.platformName()}, scale {scale:g}, font {QApplication.font().family()}")
    run = ScreenshotRun(Path(out), languages=languages)
    run.run()
    missing = 0
    for lang, report in run.reports.items():
        for item in report.missing:
            print(f"warning: {item.line()}", file=sys.stderr)
        missing += len(report.missing)
        families = ", ".join(f"{k} ({v})" for k, v in report.fallbacks.most_common(3))
        print(
            f"glyphs {lang}: {len(report.checked)} characters checked "
            f"({len(report.cjk)} CJK), {len(report.missing)} missing"
            + (f"; CJK drawn with {families}" if families else "")
        )
    if glyph_report:
        payload = {
            "platform": app.platformName(),
            "scale": scale,
            "languages": {lang: report.as_json() for lang, report in run.reports.items()},
            "files": {
                lang: [{"name": s.name, "path": str(s.path), "size": list(s.size)} for s in shots]
                for lang, shots in run.shots.items()
            },
        }
        Path(glyph_report).write_text(
            json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8"
        )
    total = sum(len(s) for s in run.shots.values())
    print(f"wrote {total} screenshots to {out}")
    if missing and strict:
        print(f"desktop-app: {missing} missing glyph(s) (--strict)", file=sys.stderr)
        return 1
    return 0


__all__ = ["NAMES", "LANGUAGES", "SIZE", "GlyphChecker", "GlyphReport", "run_command"]
