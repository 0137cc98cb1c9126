"""``export``: the exchange workbook of N demo cases (docs/rules.md#exchange-import), ours against
two baselines.

Ours: ``services.exchange.export_cases`` as a manager (masked contacts, as by default):
keyset-paged reads, labels, masking, the three sheets streamed through openpyxl's
write-only workbook, the file written beside the target and renamed, the audit entry.

Baselines, over the same cells fetched beforehand (ours' rows, collected in memory; not
timed): a bare openpyxl write-only loop writing them into the same three sheets (header,
widths, frozen row and time format as ours: the floor of writing this workbook with
openpyxl), and ``pandas.DataFrame.to_excel`` of the same cells (pandas' own choice of
engine; its DataFrame construction is reported apart, not counted).

Each measurement runs in a fresh process (``python -m bench.bench_export MODE ...``) so
peak RSS is the export's own and no run pays for another's garbage; the baselines' processes
freeze the fetched rows out of the garbage collector's way before the clock starts. Ours and
the bare loop run twice each, in the order ours, bare, bare, ours (each side once first and
once second); the ratio compares their medians. The default size is 20,000 cases (``--cases``
for more): at 100,000 the seven processes took over 25 minutes on a busy 2-core machine,
while the ratio at 20,000 is the same within the noise (over ten seconds of CPU per run). The goal is judged on the
processes' CPU time, which another program on a shared machine disturbs far less than the
wall clock (both sides are single-threaded); the wall clock is reported beside it.

Not judged, also reported: an unmasked export, and importing it into an empty database
(time and peak RSS), the "streaming both ways" promise.

Goals: ours at most 1.3x the bare loop, and faster than pandas (when pandas, the bench
extra, is installed; else it is reported as not measured).
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import BENCH_NOW, Report, ensure_cached_db, result_line

GOAL_RATIO = 1.3
REPEATS = 2  # each of ours and the bare loop (ABBA order); the medians are compared
DEFAULT_CASES = 20_000  # python -m bench export without --cases
REPO = Path(__file__).resolve().parent.parent


def _peak_rss_mb() -> float:
    """This process's peak resident set. ``VmHWM`` starts afresh with the program, while
    ``ru_maxrss`` keeps the parent's peak from before the exec."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:  # pragma: no cover - not Linux
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_now_mb() -> float:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1048576
    except OSError:  # pragma: no cover - not Linux
        return 0.0


# ---------------------------------------------------------------------------------------
# In the child processes.


def _open(db_path: str):
    from desktop_app.bootstrap import prepare_database
    from desktop_app.db.models import User
    from desktop_app.domain.clock import FixedClock
    from desktop_app.services import auth

    db, _info, _result = prepare_database(f"sqlite:///{db_path}")
    manager = auth.session_for(User.get(User.username == "demo_manager"), FixedClock(BENCH_NOW))
    return db, manager


def _prefetch(db, manager):
    """Ours' cells, every row in memory: the baselines' input."""
    from desktop_app.services.exchange_export import CaseRows, snapshot

    sheets: tuple[list, list, list] = ([], [], [])
    with snapshot(db):
        rows = CaseRows(manager)
        for _done, c_rows, p_rows, s_rows in rows.chunks():
            sheets[0].extend(c_rows)
            sheets[1].extend(p_rows)
            sheets[2].extend(s_rows)
    return sheets


def bare_loop(sheets, out: Path) -> None:
    """The floor: the same cells and formatting straight into a write-only workbook."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from desktop_app.domain.exchange_columns import SHEETS, TIME_FORMAT

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for sheet, rows in zip(SHEETS, sheets, strict=True):
        ws = workbook.create_sheet(sheet.zh)
        for index, column in enumerate(sheet.columns, 1):
            ws.column_dimensions[get_column_letter(index)].width = column.width
        ws.freeze_panes = "A2"
        header = []
        for column in sheet.columns:
            cell = WriteOnlyCell(ws, value=column.zh)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        times = []
        for index, column in enumerate(sheet.columns):
            if column.kind == "time":
                cell = WriteOnlyCell(ws)
                cell.number_format = TIME_FORMAT
                times.append((index, cell))
        for row in rows:
            row = list(row)
            for index, cell in times:
                if row[index] is not None:
                    cell.value = row[index]
                    row[index] = cell
            ws.append(row)
    workbook.save(out)


def child(argv: list[str]) -> None:
    mode, db_path, out = argv[0], argv[1], Path(argv[2])
    result: dict = {"mode": mode}
    if mode == "import":
        from desktop_app.bootstrap import prepare_database
        from desktop_app.domain.clock import FixedClock
        from desktop_app.services import exchange
        from desktop_app.services.session import Session

        db, _info, _result = prepare_database(f"sqlite:///{db_path}")
        result["rss_before_mb"] = _rss_now_mb()
        started, cpu = time.perf_counter(), time.process_time()
        report = exchange.import_workbook(Session.system(FixedClock(BENCH_NOW), "bench"), out)
        result["seconds"] = time.perf_counter() - started
        result["cpu_seconds"] = time.process_time() - cpu
        assert report.ok, report.lines()[:5]
        result["rows"] = report.rows
        db.close()
    else:
        db, manager = _open(db_path)
        if mode in ("ours", "ours-unmasked"):
            from desktop_app.services import exchange

            result["rss_before_mb"] = _rss_now_mb()
            started, cpu = time.perf_counter(), time.process_time()
            export = exchange.export_cases(manager, out, unmasked=mode == "ours-unmasked")
            result["seconds"] = time.perf_counter() - started
            result["cpu_seconds"] = time.process_time() - cpu
            result["rows"] = export.rows
        else:
            from desktop_app.domain.exchange_columns import SHEETS, TIME_FORMAT

            sheets = _prefetch(db, manager)
            gc.collect()
            gc.freeze()  # the fetched rows are the input, not the baseline's garbage
            result["rss_before_mb"] = _rss_now_mb()
            if mode == "bare":
                started, cpu = time.perf_counter(), time.process_time()
                bare_loop(sheets, out)
                result["seconds"] = time.perf_counter() - started
                result["cpu_seconds"] = time.process_time() - cpu
            else:
                import pandas as pd

                started = time.perf_counter()
                frames = [
                    pd.DataFrame(rows, columns=[c.zh for c in sheet.columns])
                    for sheet, rows in zip(SHEETS, sheets, strict=True)
                ]
                result["frame_seconds"] = time.perf_counter() - started
                started, cpu = time.perf_counter(), time.process_time()
                with pd.ExcelWriter(out, datetime_format=TIME_FORMAT) as writer:
                    for sheet, frame in zip(SHEETS, frames, strict=True):
                        frame.to_excel(
                            writer, sheet_name=sheet.zh, index=False, freeze_panes=(1, 0)
                        )
                    result["engine"] = writer.engine
                result["seconds"] = time.perf_counter() - started
                result["cpu_seconds"] = time.process_time() - cpu
            result["rows"] = {
                sheet.zh: len(rows) for sheet, rows in zip(SHEETS, sheets, strict=True)
            }
        db.close()
    result["peak_rss_mb"] = _peak_rss_mb()
    print(json.dumps(result, ensure_ascii=False))


# ---------------------------------------------------------------------------------------
# In the parent.


def _run_child(mode: str, db_path: Path, out: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_export", mode, str(db_path), str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"bench child {mode} failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    print(
        f"  {mode}: {result['seconds']:.1f} s ({result['cpu_seconds']:.1f} s CPU), "
        f"peak RSS {result['peak_rss_mb']:.0f} MB",
        file=sys.stderr,
        flush=True,
    )
    return result


def _same_cells(a: Path, b: Path, rows: int = 2000) -> bool:
    """The first rows of every sheet agree (a full comparison of 100k rows takes minutes)."""
    import itertools

    from openpyxl import load_workbook

    def trimmed(ws):  # a sheet with a stated size pads rows with None to its width
        for row in itertools.islice(ws.iter_rows(values_only=True), rows):
            row = list(row)
            while row and row[-1] is None:
                row.pop()
            yield row

    books = [load_workbook(p, read_only=True) for p in (a, b)]
    try:
        for title in books[0].sheetnames:
            if list(trimmed(books[0][title])) != list(trimmed(books[1][title])):
                return False
        return books[0].sheetnames == books[1].sheetnames
    finally:
        for book in books:
            book.close()


def run(cases: int, seed: int, cache_dir: Path) -> tuple[Report, str]:
    source = ensure_cached_db(cache_dir, cases, seed)
    with tempfile.TemporaryDirectory(prefix="bench-export-") as folder:
        work = Path(folder)
        db_path = work / "demo.db"
        # A copy: our export writes its audit entry, the cache stays as built.
        import shutil

        shutil.copyfile(source, db_path)
        print(f"exporting {cases:,} cases ...", file=sys.stderr, flush=True)
        ours, bare = [], []
        for i in range(REPEATS):
            pair = (
                (("ours", ours), ("bare", bare)) if i % 2 == 0 else (("bare", bare), ("ours", ours))
            )
            for mode, results in pair:
                results.append(_run_child(mode, db_path, work / f"{mode}{i}.xlsx"))
        import importlib.util

        # pandas is the bench extra's (pyproject.toml); without it only the bare loop judges.
        pandas = (
            _run_child("pandas", db_path, work / "pandas.xlsx")
            if importlib.util.find_spec("pandas") is not None
            else None
        )
        unmasked = _run_child("ours-unmasked", db_path, work / "ours-unmasked.xlsx")
        same = _same_cells(work / "ours0.xlsx", work / "bare0.xlsx")
        assert ours[0]["rows"] == bare[0]["rows"], "row counts differ"
        assert pandas is None or pandas["rows"] == ours[0]["rows"], "row counts differ"
        size_mb = (work / "ours0.xlsx").stat().st_size / 1048576
        imported = _run_child("import", work / "empty.db", work / "ours-unmasked.xlsx")

    def median(results, key):
        return statistics.median(r[key] for r in results)

    ours_s, bare_s = median(ours, "cpu_seconds"), median(bare, "cpu_seconds")
    ours_wall, bare_wall = median(ours, "seconds"), median(bare, "seconds")
    rows = ours[0]["rows"]
    report = Report(
        f"export: exchange workbook of {cases:,} demo cases "
        f"({', '.join(f'{k} {v:,}' for k, v in rows.items())} rows), SQLite, "
        f"{dt.date.today():%Y-%m-%d}"
    )

    def runs(results, key):
        return " / ".join(f"{r[key]:.1f}" for r in results)

    report.add(
        f"export, CPU (s), {REPEATS} runs each, alternating",
        runs(ours, "cpu_seconds"),
        runs(bare, "cpu_seconds"),
    )
    report.add("  the same runs, wall clock (s)", runs(ours, "seconds"), runs(bare, "seconds"))
    report.add(
        "median CPU (s) [wall]",
        f"{ours_s:.1f} [{ours_wall:.1f}]",
        f"{bare_s:.1f} [{bare_wall:.1f}]",
    )
    report.add(
        "ratio to the bare loop, CPU [wall]",
        f"{ours_s / bare_s:.3f} [{ours_wall / bare_wall:.3f}]",
        f"<= {GOAL_RATIO:g}",
    )
    if pandas is not None:
        report.add(
            f"vs pandas to_excel ({pandas.get('engine')}), CPU (s) [wall]",
            f"{ours_s:.1f} [{ours_wall:.1f}]",
            f"{pandas['cpu_seconds']:.1f} [{pandas['seconds']:.1f}]",
        )
        report.add(
            "  pandas DataFrame construction, not counted (s)", "", f"{pandas['frame_seconds']:.1f}"
        )
    else:
        report.add("vs pandas to_excel", "", "pandas not installed: not measured")
    report.add(
        "unmasked export, not compared, CPU (s) [wall]",
        f"{unmasked['cpu_seconds']:.1f} [{unmasked['seconds']:.1f}]",
        "",
    )
    report.add(
        "peak RSS of the process (MB)",
        f"{max(r['peak_rss_mb'] for r in ours):.0f}",
        f"{max(r['peak_rss_mb'] for r in bare):.0f} bare"
        + (f", {pandas['peak_rss_mb']:.0f} pandas" if pandas is not None else ""),
    )
    report.add(
        "  RSS before the export started (MB)",
        f"{ours[0]['rss_before_mb']:.0f}",
        f"{bare[0]['rss_before_mb']:.0f} bare (rows fetched)",
    )
    report.add(
        "import of ours into an empty database, CPU (s) [wall]",
        f"{imported['cpu_seconds']:.1f} [{imported['seconds']:.1f}]",
        "",
    )
    report.add("  peak RSS of the import process (MB)", f"{imported['peak_rss_mb']:.0f}", "")
    report.note(
        f"file {size_mb:.1f} MB; first 2,000 rows of each sheet identical to the "
        f"bare loop's: {same}. Judged on CPU time (the machine may be shared; both "
        f"sides are single-threaded), wall clock shown in brackets."
    )
    faster_than_pandas = pandas is None or ours_s < pandas["cpu_seconds"]
    met = ours_s <= GOAL_RATIO * bare_s and faster_than_pandas and same
    line = result_line(
        "export",
        ours_s,
        bare_s,
        f"CPU ratio <= {GOAL_RATIO:g} and faster than pandas.to_excel",
        met,
    )
    return report, line


if __name__ == "__main__":
    child(sys.argv[1:])
