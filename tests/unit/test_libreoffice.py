"""Every file the program writes, checked in real programs (docs/rules.md#real-clients):
LibreOffice Calc opens each kind of workbook (``soffice --headless --convert-to xlsx``),
the report workbook's charts survive, the exchange and policy workbooks re-saved by
LibreOffice import and export again cell-identical, and the three printed templates'
PDFs render (``pdftoppm``) with ink where their title and table are.

LibreOffice and poppler-utils are system programs: without them these tests are skipped
on a developer's PC and fail in CI (``CI=true``; ``.ci/run`` installs them). Each test
writes what it checked to the test log, uncaptured ("[real clients] LibreOffice opened
…"), so CI's log shows it. The database is SQLite only: these tests are about the files.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import subprocess
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest

from desktop_app.bootstrap import prepare_database
from desktop_app.domain.clock import FixedClock
from desktop_app.services import (
    audit,
    cases,
    demo,
    exchange,
    exchange_export,
    kpi,
    policy_workbook,
    print_forms,
    report_workbook,
    tracker_export,
    users,
)
from desktop_app.services import settings as settings_service
from desktop_app.services.audit import AuditFilter
from desktop_app.services.session import Session
from desktop_app.services.tracker import CaseFilter
from tests.helpers.fixtures import TEST_NOW, make_user
from tests.helpers.workbooks import with_bogus_dimension
from tests.unit.test_exchange import cells

pytestmark = pytest.mark.slow

# Enough cases for every sheet, chart and list of the workbooks, small enough that the
# whole module stays well under half a minute (a 3,000-case workbook was checked by hand).
CASES = 300
TIMEOUT = 240  # seconds for one soffice or pdftoppm run (a cold first start is slow)
CHART = re.compile(r"xl/charts/chart\d+\.xml")


def _require(program: str, package: str) -> str:
    """The path of ``program``; skipped without it, except in CI where it must be there."""
    found = shutil.which(program)
    if found is None:
        reason = f"{program} is not installed (Debian/Ubuntu package {package})"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{reason}: CI must check the files in real programs (.ci/run)")
        pytest.skip(reason)
    return found


@pytest.fixture(scope="session")
def say(pytestconfig) -> Callable[[str], None]:
    """Write a line of what was checked straight to the test log (not captured): CI's log
    shows LibreOffice opening every workbook kind and the PDFs rendered."""
    reporter = pytestconfig.pluginmanager.getplugin("terminalreporter")
    capture = pytestconfig.pluginmanager.getplugin("capturemanager")

    def write(line: str) -> None:
        if reporter is None:
            return
        with capture.global_and_fixture_disabled() if capture else contextlib.nullcontext():
            reporter.ensure_newline()
            writer = getattr(reporter, "_tw", None)  # after "." of -q: start a line
            if writer is not None and writer.width_of_current_line:
                writer.line()
            reporter.write_line(f"[real clients] {line}")

    return write


@dataclass
class LibreOffice:
    """``soffice`` with a private profile (a user's own LibreOffice, running or not, is
    left alone); ``convert`` re-saves several workbooks in one start."""

    program: str
    profile: Path
    say: Callable[[str], None]

    def convert(self, paths: list[Path], outdir: Path) -> dict[Path, Path]:
        started = time.perf_counter()
        result = subprocess.run(
            [
                self.program,
                "--headless",
                "--norestore",
                f"-env:UserInstallation={self.profile.as_uri()}",
                "--convert-to",
                "xlsx:Calc MS Excel 2007 XML",
                "--outdir",
                str(outdir),
                *map(str, paths),
            ],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        output = f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
        assert result.returncode == 0, output
        converted = {path: outdir / path.name for path in paths}
        missing = [str(p) for p in converted.values() if not p.is_file()]
        assert not missing, f"LibreOffice wrote no {missing}:\n{output}"
        self.say(
            f"LibreOffice converted {len(paths)} workbooks in one run: "
            f"{time.perf_counter() - started:.1f} s"
        )
        return converted


@pytest.fixture(scope="session")
def libreoffice(tmp_path_factory, say) -> LibreOffice:
    program = _require("soffice", "libreoffice-calc-nogui")
    return LibreOffice(program, tmp_path_factory.mktemp("libreoffice-profile"), say)


def chart_parts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return sorted(n for n in archive.namelist() if CHART.fullmatch(n))


@dataclass
class Written:
    """The workbooks of one database, as written and as LibreOffice re-saved them."""

    original: dict[str, Path]  # kind → the program's file
    converted: dict[str, Path]  # kind → LibreOffice's file


def _people(system: Session) -> None:
    """Accounts whose names the policy workbook's staff sheet carries (in both databases)."""
    make_user(system, "super1", "supervisor")
    make_user(system, "clerk1", "clerk", supervisor="super1")


def _write_every_kind(folder: Path) -> dict[str, Path]:
    """One workbook of each kind the program writes, from a demo database."""
    clock = FixedClock(TEST_NOW)
    system = Session.system(clock)
    demo.generate(system, CASES, seed=19)
    _people(system)
    users.update_user(system, "clerk1", senior_agent=True)
    settings_service.change_setting(system, "sla.first_response_hours.normal", 1.5)
    manager = make_user(system, "manager1", "manager", departments=())
    books: dict[str, Path] = {}
    end = TEST_NOW.date()
    report = kpi.kpi_report(manager, end - dt.timedelta(days=89), end)
    path = report_workbook.write_report_workbook(manager, report, folder / "report.xlsx")
    assert path is not None
    books["report workbook"] = path
    books["exchange workbook"] = exchange.export_cases(
        manager, folder / "exchange.xlsx", unmasked=True
    ).path
    ids = tracker_export.tracker_ids(manager, CaseFilter(include_closed=False))
    assert ids
    books["tracker current view"] = exchange_export.export_cases(
        manager, folder / "tracker.xlsx", case_ids=ids
    ).path
    audit.export_audit(manager, AuditFilter(), folder / "audit.xlsx")
    books["audit export"] = folder / "audit.xlsx"
    # Importing the database's own export again: every number is already there.
    rejected = exchange.import_workbook(manager, books["exchange workbook"], dry_run=True)
    assert not rejected.ok
    books["import error report"] = exchange.write_error_report(
        rejected, folder / "import-errors.xlsx"
    )
    books["policy workbook"] = policy_workbook.export_policy(manager, folder / "policy.xlsx").path
    return books


@pytest.fixture(scope="module")
def sources(tmp_path_factory) -> dict[str, Path]:
    """Every kind of workbook (kind → file), written from a demo database."""
    folder = tmp_path_factory.mktemp("written")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DESKTOP_APP_DATA_DIR", str(folder / "user-data"))
        patch.setenv("DESKTOP_APP_LOG_DIR", str(folder / "user-log"))
        patch.delenv("DESKTOP_APP_DATABASE", raising=False)
        database, _info, _result = prepare_database(f"sqlite:///{folder / 'source.db'}")
        try:
            return _write_every_kind(folder)
        finally:
            database.close()


@pytest.fixture(scope="module")
def written(libreoffice, sources) -> Written:
    """The workbooks of ``sources`` re-saved by LibreOffice, all in one run."""
    folder = next(iter(sources.values())).parent / "libreoffice"
    by_path = libreoffice.convert(list(sources.values()), folder)
    return Written(sources, {kind: by_path[path] for kind, path in sources.items()})


KINDS = (
    "report workbook",
    "exchange workbook",
    "tracker current view",
    "audit export",
    "import error report",
    "policy workbook",
)


@pytest.mark.parametrize("kind", KINDS)
def test_libreoffice_opens_every_workbook_kind(written, kind, say):
    original, converted = written.original[kind], written.converted[kind]
    ours, theirs = cells(original), cells(converted)
    assert list(theirs) == list(ours)
    assert theirs == ours, kind
    charts = chart_parts(converted)
    assert len(charts) == len(chart_parts(original))
    if kind == "report workbook":
        assert charts, "LibreOffice dropped the report workbook's charts"
    rows = sum(len(rows) for rows in theirs.values())
    say(
        f"LibreOffice opened {kind}: ok ({len(theirs)} sheets, {rows} rows, "
        f"{len(charts)} chart parts)"
    )
    if kind == "report workbook":
        assert _chart_kinds(converted) == _chart_kinds(original)


def _chart_kinds(path: Path) -> list[tuple[str, int]]:
    """Each chart part's plot kinds (barChart, lineChart) and number of series."""
    kinds = []
    with zipfile.ZipFile(path) as archive:
        for name in chart_parts(path):
            root = ElementTree.fromstring(archive.read(name))
            local = [element.tag.rpartition("}")[2] for element in root.iter()]
            plots = sorted({tag for tag in local if tag.endswith("Chart")})
            kinds.append((",".join(plots), local.count("ser")))
    return sorted(kinds)


# ---------------------------------------------------------------------------------------
# Re-saved by LibreOffice, imported again.


@pytest.fixture
def db_url(sqlite_url) -> str:
    """SQLite only: the files, not the database, are under test here."""
    return sqlite_url


def test_exchange_workbook_resaved_by_libreoffice_imports_cell_identical(
    written, db, system_session, tmp_path, say
):
    manager = make_user(system_session, "manager1", "manager", departments=())
    resaved = written.converted["exchange workbook"]
    report = exchange.import_workbook(manager, resaved)
    assert report.ok and report.written, report.lines()
    assert report.rows["投诉登记"] == CASES
    again = exchange.export_cases(manager, tmp_path / "again.xlsx", unmasked=True).path
    before, after = cells(written.original["exchange workbook"]), cells(again)
    assert after == before
    say(
        f"LibreOffice-saved exchange workbook imported and exported again cell-identical: "
        f"{sum(len(r) for r in after.values())} rows, {report.rows}"
    )


def _fresh_policy_database(system: Session) -> Session:
    """The demo's accounts and the same people as the source database: the staff sheet
    names accounts, it never creates them."""
    demo.generate(system, 0)
    _people(system)
    return make_user(system, "manager1", "manager", departments=())


def test_policy_workbook_resaved_by_libreoffice_imports(written, db, system_session, tmp_path, say):
    manager = _fresh_policy_database(system_session)
    resaved = written.converted["policy workbook"]
    dry = policy_workbook.import_policy(manager, resaved, dry_run=True)
    assert dry.ok and not dry.written, dry.lines()
    # The source database's changes are found: a setting and a senior agent.
    assert "settings sla.first_response_hours.normal value: 4.0 → 1.5" in dry.change_lines()
    assert "staff clerk1 senior_agent: 否 → 是" in dry.change_lines()
    result = policy_workbook.import_policy(manager, resaved)
    assert result.ok and result.written, result.lines()
    again = policy_workbook.export_policy(manager, tmp_path / "again.xlsx").path
    assert cells(again) == cells(written.original["policy workbook"])
    say(
        f"LibreOffice-saved policy workbook: dry run without errors, {len(result.changes)} "
        "changes imported into a fresh database, exported again cell-identical"
    )


# ---------------------------------------------------------------------------------------
# A stated sheet size that is wrong, as WPS and some exporters write.


def test_a_workbook_with_a_bogus_dimension_imports_whole(
    sources, db, system_session, tmp_path, say
):
    manager = _fresh_policy_database(system_session)
    source = sources["exchange workbook"]
    bogus = with_bogus_dimension(source, tmp_path / "bogus-exchange.xlsx")
    book = openpyxl.load_workbook(bogus, read_only=True)
    assert {ws.max_row for ws in book.worksheets} == {1}  # what a reader is told
    book.close()
    expected = {title: len(rows) - 1 for title, rows in cells(source).items()}
    report = exchange.import_workbook(manager, bogus, dry_run=True)
    assert report.ok, report.lines()
    assert report.rows == expected and report.complaints == CASES
    policy = sources["policy workbook"]
    whole = policy_workbook.import_policy(manager, policy, dry_run=True)
    cut = policy_workbook.import_policy(
        manager, with_bogus_dimension(policy, tmp_path / "bogus-policy.xlsx"), dry_run=True
    )
    assert cut.ok and whole.ok and whole.changes
    assert cut.change_lines() == whole.change_lines()
    say(f'A workbook stating <dimension ref="A1"/> imports whole: {report.rows}')


# ---------------------------------------------------------------------------------------
# The printed templates, rendered by poppler.

DPI = 50
MARGIN_MM = 15  # templates_print.paper's page margins
TITLE_MM = (30, 42)  # the title's band, from the page's top edge
TABLE_MM = (46, 130)  # where the first table is


def _px(mm: float) -> int:
    return round(mm / 25.4 * DPI)


def _dark(image, x0: int, y0: int, x1: int, y1: int) -> list[int]:
    """Dark pixels (grey below 200) of each row y0..y1 between x0 and x1."""
    counts = []
    for y in range(y0, y1):
        line = image.constScanLine(y).tobytes()[x0:x1]
        counts.append(sum(1 for value in line if value < 200))
    return counts


def page_ink(path: Path) -> dict[str, int]:
    """Where a rendered page has ink: the title band's centre and its left part, the
    table region's dark pixels and its ruled lines (rows dark across 60% of the
    printable width)."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), path
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width = image.width()
    margin = _px(MARGIN_MM)
    title = (_px(TITLE_MM[0]), _px(TITLE_MM[1]))
    table = (_px(TABLE_MM[0]), _px(TABLE_MM[1]))
    table_rows = _dark(image, margin, table[0], width - margin, table[1])
    return {
        "title": sum(_dark(image, width * 3 // 10, title[0], width * 7 // 10, title[1])),
        "title_left": sum(_dark(image, margin, title[0], width // 4, title[1])),
        "table": sum(table_rows),
        "rules": sum(1 for n in table_rows if n > 0.6 * (width - 2 * margin)),
    }


def test_printed_templates_render_with_title_and_table(qapp, db, system_session, tmp_path, say):
    from desktop_app.db.models import Survey
    from desktop_app.ui.templates_print import KINDS, TITLES, save_pdf, template_document

    pdftoppm = _require("pdftoppm", "poppler-utils")
    demo.generate(system_session, 20, seed=19)
    manager = make_user(system_session, "manager1", "manager", departments=())
    case_id = Survey.select().order_by(Survey.id).first().complaint_id
    detail = cases.get_case(manager, case_id)
    events = cases.timeline(manager, case_id)
    survey = print_forms.case_survey(manager, case_id)
    assert survey is not None and any(e.kind == "progress" for e in events)
    for kind in KINDS:
        pdf = save_pdf(
            template_document(kind, detail=detail, events=events, survey=survey),
            tmp_path / f"{kind}.pdf",
            kind,
        )
        result = subprocess.run(
            [pdftoppm, "-r", str(DPI), "-png", str(pdf), str(tmp_path / kind)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        pages = sorted(tmp_path.glob(f"{kind}-*.png"))
        assert len(pages) == 1, f"{TITLES[kind]} takes {len(pages)} pages"
        ink = page_ink(pages[0])
        assert ink["title"] > 50, (kind, ink)  # the title is there ...
        assert ink["title_left"] == 0, (kind, ink)  # ... and centred
        assert ink["table"] > 500 and ink["rules"] >= 3, (kind, ink)
        say(
            f"pdftoppm rendered {kind} ({TITLES[kind]}): {len(pages)} page, ink in the title "
            f"({ink['title']} px) and the table ({ink['table']} px, {ink['rules']} ruled lines)"
        )
