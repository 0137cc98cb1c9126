"""What every benchmark shares: the demo database cache, timing, the table and the JSON."""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop_app.bootstrap import prepare_database
from desktop_app.cli import stderr_progress
from desktop_app.domain.clock import FixedClock
from desktop_app.services import demo
from desktop_app.services.session import Session

CACHE_DIR = Path(__file__).resolve().parent / ".cache"
# The benchmarks' "now": fixed, so a cached database stays valid and runs compare.
BENCH_NOW = dt.datetime(2026, 11, 25, 10, 0, 0)


def clock() -> FixedClock:
    return FixedClock(BENCH_NOW)


def remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def generator_fingerprint() -> str:
    """Changes whenever the generator or the schema changes, so a stale cache is not used."""
    from desktop_app.db import migrations, models

    digest = hashlib.sha256()
    for module in (demo, models):
        digest.update(Path(module.__file__).read_bytes())
    digest.update(str(migrations.SCHEMA_VERSION).encode())
    return digest.hexdigest()[:8]


def cached_db_path(cache_dir: Path, cases: int, seed: int) -> Path:
    return cache_dir / f"demo-{cases}-seed{seed}-{generator_fingerprint()}.db"


def generate_into(
    path: Path, cases: int, seed: int, progress: Callable[[int, int], bool] | None = None
):
    """A fresh SQLite database at ``path`` filled by ``demo.generate``; returns
    (seconds of the generate call, DemoStats). The database is closed afterwards."""
    remove_sqlite(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    db, _info, _result = prepare_database(f"sqlite:///{path}")
    try:
        session = Session.system(clock(), name="bench")
        started = time.perf_counter()
        stats = demo.generate(session, cases, seed=seed, progress=progress)
        seconds = time.perf_counter() - started
    finally:
        db.close()
    return seconds, stats


def ensure_cached_db(cache_dir: Path, cases: int, seed: int, *, quiet: bool = False) -> Path:
    """The cached database of ``cases`` demo cases, built now if missing. Built under a
    temporary name and renamed at the end, so an interrupted build is never reused."""
    path = cached_db_path(cache_dir, cases, seed)
    if path.exists():
        return path
    cache_dir.mkdir(parents=True, exist_ok=True)
    # One builder at a time: a second benchmark started meanwhile waits, then reuses it.
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():
            return path
        return _build_cached_db(path, cases, seed, quiet)


def _build_cached_db(path: Path, cases: int, seed: int, quiet: bool) -> Path:
    building = path.with_name(path.name + ".building")
    if not quiet:
        print(
            f"building {path.name} ({cases:,} demo cases, seed {seed}) ...",
            file=sys.stderr,
            flush=True,
        )
    seconds, _stats = generate_into(
        building, cases, seed, progress=None if quiet else stderr_progress()
    )
    remove_sqlite(path)
    os.replace(building, path)
    remove_sqlite(building)
    if not quiet:
        print(f"built in {seconds:.1f} s", file=sys.stderr, flush=True)
    return path


def median_interleaved(
    ours: Callable[[], object],
    baseline: Callable[[], object],
    repeats: int,
    warmup: int = 3,
    *,
    timer: Callable[[], float] = time.perf_counter,
) -> tuple[list[float], list[float]]:
    """Time both callables ``repeats`` times, alternating, after a few warm-up calls.
    ``timer`` is the clock (``time.thread_time``: CPU time of the calling thread only)."""
    for _ in range(warmup):
        ours()
        baseline()
    a: list[float] = []
    b: list[float] = []
    for i in range(repeats):
        pair = ((ours, a), (baseline, b)) if i % 2 == 0 else ((baseline, b), (ours, a))
        for func, times in pair:
            started = timer()
            func()
            times.append(timer() - started)
    return a, b


def med(values: list[float]) -> float:
    return statistics.median(values)


@dataclass
class Report:
    benchmark: str
    rows: list[tuple[str, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, what: str, ours: str, baseline: str = "") -> None:
        self.rows.append((what, ours, baseline))

    def note(self, text: str) -> None:
        self.notes.append(text)

    def print_table(self) -> None:
        width = [max(len(r[i]) for r in [("", "ours", "baseline"), *self.rows]) for i in range(3)]
        print(f"== {self.benchmark} ==")
        header = ("", "ours", "baseline")
        print(f"{header[0]:<{width[0]}}  {header[1]:>{width[1]}}  {header[2]:>{width[2]}}")
        for what, ours, base in self.rows:
            print(f"{what:<{width[0]}}  {ours:>{width[1]}}  {base:>{width[2]}}")
        for text in self.notes:
            print(text)


def result_line(benchmark: str, ours_s: float, baseline_s: float, goal: str, met: bool) -> str:
    ratio = ours_s / baseline_s if baseline_s > 0 else None
    return json.dumps(
        {
            "benchmark": benchmark,
            "ours_s": round(ours_s, 6),
            "baseline_s": round(baseline_s, 6),
            "ratio": round(ratio, 3) if ratio is not None else None,
            "goal": goal,
            "met": bool(met),
        },
        ensure_ascii=False,
    )
