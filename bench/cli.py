"""``python -m bench NAME [--cases N] [--seed S] [--cache-dir DIR]`` (from the repo root)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from bench.common import CACHE_DIR

BENCHMARKS = {
    "demo": "bench.bench_demo",
    "open-queue": "bench.bench_queue",
    "sla-scan": "bench.bench_sla_scan",
    "intake-save": "bench.bench_intake",
    "tracker": "bench.bench_tracker",
    "export": "bench.bench_export",
    "report": "bench.bench_report",
    "startup": "bench.bench_startup",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Run a benchmark against its baseline; the last line is a JSON summary.",
    )
    parser.add_argument("name", choices=sorted(BENCHMARKS))
    parser.add_argument(
        "--cases",
        type=int,
        default=1_000_000,
        metavar="N",
        help="demo cases in the database (default 1,000,000)",
    )
    parser.add_argument("--seed", type=int, default=1, metavar="S")
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=CACHE_DIR,
        metavar="DIR",
        help=f"where demo databases are cached (default {CACHE_DIR})",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    import importlib

    args = build_parser().parse_args(argv)
    if args.cases < 1:
        raise SystemExit("--cases must be at least 1")
    module = importlib.import_module(BENCHMARKS[args.name])
    report, line = module.run(args.cases, args.seed, args.cache_dir)
    report.print_table()
    print(line, flush=True)
    return 0
