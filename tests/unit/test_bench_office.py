"""``python -m bench office`` (bench/bench_office.py): several client processes on one
database, a table per action and a JSON last line; here 2 clients on SQLite for a few
seconds, so the load test keeps running."""

from __future__ import annotations

import json
import os

import pytest

from bench import bench_office
from bench.cli import main


def test_roles_of_twenty_clients_are_the_office_of_the_issue():
    plan = bench_office.roles(20)
    assert (plan.count("clerk"), plan.count("supervisor"), plan.count("manager")) == (14, 4, 2)
    assert bench_office.roles(2) == ["clerk", "supervisor"]


def test_a_benchmark_without_a_postgresql_version_is_refused():
    with pytest.raises(SystemExit, match="SQLite only"):
        main(["startup", "--database", "postgresql://nobody@localhost/none"])
    with pytest.raises(SystemExit, match="postgresql://"):
        main(["tracker", "--database", "sqlite:///x.db"])
    with pytest.raises(SystemExit, match="PostgreSQL with SQLite"):
        main(["backends"])


@pytest.mark.slow
def test_backends_compares_the_same_calls_on_both(tmp_path, capsys):
    """``python -m bench backends`` at a tiny size on a database of its own: PostgreSQL
    against SQLite, every call checked to agree, a ratio per call and the JSON line."""
    url = os.environ.get("DESKTOP_APP_TEST_POSTGRES")
    if not url:
        pytest.skip("needs DESKTOP_APP_TEST_POSTGRES")
    from bench import pg

    name = f"bench_backends_{os.getpid()}"
    admin = pg.connect(pg._with_dbname(url, "postgres"))
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    try:
        args = ["backends", "--cases", "150", "--cache-dir", str(tmp_path)]
        assert main([*args, "--database", pg._with_dbname(url, name)]) == 0
    finally:
        with admin.cursor() as cur:
            cur.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,),
            )
            cur.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()
    lines = capsys.readouterr().out.strip().splitlines()
    result = json.loads(lines[-1])
    assert result["benchmark"] == "backends" and result["ours_s"] > 0
    assert sum("ratio; goal <= 2" in line for line in lines) == 11  # queue, 8 views, 2 reports


@pytest.mark.slow
def test_two_clients_on_sqlite_for_a_few_seconds(tmp_path, capsys):
    args = ["office", "--cases", "150", "--cache-dir", str(tmp_path), "--clients", "2"]
    assert main([*args, "--minutes", "0.1"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    result = json.loads(lines[-1])
    assert result["benchmark"] == "office" and result["clients"] == 2
    assert result["done"] > 0
    assert result["errors"] == 0, lines
    assert "met" in result
    assert any(line.startswith("role") and "p95 ms" in line for line in lines)
