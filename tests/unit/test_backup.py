"""Backups and restore (issue 8 item 5): online SQLite backup, retention, verified restore,
pg_dump for PostgreSQL, and the backup/restore commands."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import shutil
import sqlite3
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop_app.bootstrap import prepare_database
from desktop_app.cli import main
from desktop_app.db import migrations
from desktop_app.db.models import AuditLog, Complaint, database_proxy
from desktop_app.domain.clock import FixedClock
from desktop_app.domain.retention import backups_to_keep
from desktop_app.services import audit, backup
from desktop_app.services.errors import PermissionDenied
from desktop_app.services.session import Session
from tests.helpers.fixtures import POSTGRES_ENV, reset_postgres

NOW = dt.datetime(2026, 11, 25, 14, 0, 0)


def D(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


# --- retention (pure) ---------------------------------------------------------------------


def test_retention_keeps_seven_days_and_four_weeks():
    stamps = [dt.datetime(2026, 11, day, 2, 0) for day in range(1, 26)] + [D("2026-11-25 14:00")]
    keep = backups_to_keep(stamps, 7, 4)
    # 2026-11-25 is a Wednesday: daily 19..25 (newest of the 25th), weekly the newest of the
    # weeks starting 23rd (the 25th), 16th (22nd), 9th (15th) and 2nd (8th).
    assert keep == {
        D("2026-11-25 14:00"),
        D("2026-11-24 02:00"),
        D("2026-11-23 02:00"),
        D("2026-11-22 02:00"),
        D("2026-11-21 02:00"),
        D("2026-11-20 02:00"),
        D("2026-11-19 02:00"),
        D("2026-11-15 02:00"),
        D("2026-11-08 02:00"),
    }


def test_retention_with_gaps_year_end_and_no_weeklies():
    assert backups_to_keep(
        [D("2026-01-01 09:00"), D("2026-03-10 09:00"), D("2026-03-11 09:00")], 2, 2
    ) == {D("2026-03-11 09:00"), D("2026-03-10 09:00"), D("2026-01-01 09:00")}
    # 2026-12-31 and 2027-01-01 are both in ISO week 2026-W53.
    assert backups_to_keep(
        [D("2026-12-24 08:00"), D("2026-12-31 08:00"), D("2027-01-01 08:00")], 1, 2
    ) == {D("2027-01-01 08:00"), D("2026-12-24 08:00")}
    assert backups_to_keep(
        [D("2026-05-01 08:00"), D("2026-05-02 08:00"), D("2026-05-03 08:00")], 2, 0
    ) == {D("2026-05-03 08:00"), D("2026-05-02 08:00")}
    assert backups_to_keep([], 7, 4) == set()


# --- SQLite backup ------------------------------------------------------------------------


@pytest.fixture
def sqlite_db(sqlite_url):
    database, _info, _result = prepare_database(sqlite_url)
    yield database
    database.close()


@pytest.fixture
def system(sqlite_db) -> Session:
    return Session.system(FixedClock(NOW))


def markers(path: Path) -> list[str]:
    conn = sqlite3.connect(str(path))
    try:
        return [
            r[0]
            for r in conn.execute(
                "SELECT entity FROM audit_log WHERE action = 'marker' ORDER BY id"
            )
        ]
    finally:
        conn.close()


def integrity(path: Path) -> str:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_while_another_connection_writes_is_consistent(sqlite_db, system, tmp_path):
    audit.record(system, "marker", "committed")
    other = sqlite3.connect(
        sqlite_db.database, isolation_level=None, timeout=10, check_same_thread=False
    )
    other.execute("BEGIN IMMEDIATE")
    other.execute(
        "INSERT INTO audit_log (at, username, action, entity, details) "
        "VALUES ('2026-11-25 14:00:00', 'x', 'marker', 'uncommitted', '{}')"
    )
    # The writer finishes a second later, so the backup's audit entry gets written too.
    release = threading.Timer(1.0, lambda: other.execute("ROLLBACK"))
    release.start()
    try:
        result = backup.create_backup(system, tmp_path / "during-txn.db")
    finally:
        release.join()
    assert integrity(result.path) == "ok"
    assert markers(result.path) == ["committed"]

    stop = threading.Event()
    written = []

    def writer():
        conn = sqlite3.connect(sqlite_db.database, isolation_level=None, timeout=10)
        n = 0
        while not stop.is_set():
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "INSERT INTO audit_log (at, username, action, entity, details) "
                "VALUES ('2026-11-25 14:00:00', 'x', 'marker', ?, ?)",
                (f"w{n}", "x" * 2000),
            )
            conn.execute("COMMIT")
            written.append(n)
            n += 1
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while len(written) < 50 and thread.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert len(written) >= 50
        copies = [backup.create_backup(system, tmp_path / f"busy-{i}.db") for i in range(3)]
    finally:
        stop.set()
        thread.join()
    for copy in copies:
        assert integrity(copy.path) == "ok"
        got = markers(copy.path)
        assert got[0] == "committed"
        assert got[1:] == [f"w{i}" for i in range(len(got) - 1)]  # a prefix: no holes
    other.close()


def test_default_backup_goes_to_the_backups_folder_audited_and_pruned(sqlite_db, system):
    folder = Path(sqlite_db.database).parent / "backups"
    folder.mkdir()
    old = [folder / f"test.2026{m:02d}01-020000.db" for m in range(1, 11)]
    for path in old:
        path.write_bytes(b"old")
    migration_copy = folder / "test.before-v3.20250101-000000.db"
    migration_copy.write_bytes(b"keep me")
    result = backup.create_backup(system)
    assert result.path == folder / "test.20261125-140000.db"
    assert integrity(result.path) == "ok"
    assert not Path(f"{result.path}-wal").exists()
    # 7 days: today and the 1st of Oct..May; the 4 weeks (today, Oct, Sep, Aug) add nothing.
    # The copy taken before a migration is not a timestamped backup: never pruned.
    remaining = sorted(p.name for p in folder.iterdir())
    assert remaining == sorted([migration_copy.name, result.path.name] + [p.name for p in old[-6:]])
    assert set(result.removed) == set(old[:4])
    entry = AuditLog.select().where(AuditLog.action == "backup").get()
    assert "test.20261125-140000.db" in entry.details


def test_backup_if_due_once_a_day(sqlite_db, system):
    first = backup.backup_if_due(system, NOW)
    assert first is not None and first.path.exists()
    assert backup.backup_if_due(system, NOW + dt.timedelta(hours=3)) is None
    second = backup.backup_if_due(system, NOW + dt.timedelta(days=1))
    assert second is not None and second.path != first.path
    assert len(backup.list_backups()) == 2


def test_only_admins_back_up_and_restore(sqlite_db, tmp_path):
    clerk = Session(1, "c", "c", "clerk", clock=FixedClock(NOW))
    with pytest.raises(PermissionDenied):
        backup.create_backup(clerk, tmp_path / "x.db")
    with pytest.raises(PermissionDenied):
        backup.restore_backup(clerk, tmp_path / "x.db")


# --- restore ------------------------------------------------------------------------------


def test_restore_brings_back_the_data_and_keeps_the_replaced_file(sqlite_db, system, tmp_path):
    audit.record(system, "marker", "before-backup")
    copy = backup.create_backup(system, tmp_path / "good.db").path
    audit.record(system, "marker", "after-backup")
    result = backup.restore_backup(system, copy)
    db_path = Path(sqlite_db.database)
    assert result.path == db_path
    assert markers(db_path) == ["before-backup"]
    assert markers(result.kept) == ["before-backup", "after-backup"]
    assert result.kept.parent == db_path.parent and "replaced-20261125-140000" in result.kept.name
    assert integrity(db_path) == "ok"
    assert AuditLog.select().where(AuditLog.action == "restore").count() == 1  # in the new db
    assert not list(db_path.parent.glob(".*restoring*"))


def test_restore_of_an_older_schema_version_is_migrated(sqlite_db, system, tmp_path):
    old = tmp_path / "v1.db"
    conn = sqlite3.connect(str(old))
    conn.executescript(
        (Path(__file__).resolve().parent.parent / "data" / "schema_v1.sqlite.sql").read_text(
            "utf-8"
        )
    )
    conn.close()
    result = backup.restore_backup(system, old)
    assert result.from_version == 1 and result.migrated
    assert migrations.current_version(sqlite_db) == migrations.SCHEMA_VERSION
    assert AuditLog.select().where(AuditLog.action == "restore").count() == 1


def _refused(sqlite_db, system, bad: Path, reason: str):
    db_path = Path(sqlite_db.database)
    sqlite_db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(db_path)
    files = sorted(p.name for p in db_path.parent.iterdir())
    with pytest.raises(backup.RestoreRefused) as info:
        backup.restore_backup(system, bad)
    assert str(bad) in info.value.message and reason in info.value.message
    assert "nothing was restored" in info.value.message.lower()
    assert digest(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == files
    assert markers(db_path) == ["live"]


def test_restore_refuses_damaged_foreign_and_newer_files(sqlite_db, system, tmp_path):
    audit.record(system, "marker", "live")
    good = backup.create_backup(system, tmp_path / "good.db").path

    truncated = tmp_path / "truncated.db"
    data = good.read_bytes()
    truncated.write_bytes(data[: len(data) // 3])
    _refused(sqlite_db, system, truncated, "")

    foreign = tmp_path / "foreign.db"
    conn = sqlite3.connect(str(foreign))
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    _refused(sqlite_db, system, foreign, "not a Complaint Desk database")

    newer = tmp_path / "newer.db"
    shutil.copyfile(good, newer)
    conn = sqlite3.connect(str(newer))
    conn.execute("UPDATE schema_version SET version = ?", (migrations.SCHEMA_VERSION + 1,))
    conn.commit()
    conn.close()
    _refused(sqlite_db, system, newer, "newer than this program")

    text = tmp_path / "notes.txt"
    text.write_text("hello")
    _refused(sqlite_db, system, text, "not a SQLite database")
    _refused(sqlite_db, system, tmp_path / "missing.db", "does not exist")


def test_restore_refuses_while_another_connection_writes(sqlite_db, system, tmp_path):
    audit.record(system, "marker", "live")
    good = backup.create_backup(system, tmp_path / "good.db").path
    other = sqlite3.connect(sqlite_db.database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(backup.RestoreRefused) as info:
            backup.restore_backup(system, good)
        assert "in use" in info.value.message and "other PC" in info.value.message
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not list(Path(sqlite_db.database).parent.glob("*.replaced-*"))


# --- command line -------------------------------------------------------------------------


def run(argv, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_backup_and_restore(sqlite_url, tmp_path, monkeypatch, capsys):
    base = ["--database", sqlite_url]
    out_file = tmp_path / "copy.db"
    code, out, _ = run(base + ["backup", "--out", str(out_file)], monkeypatch, capsys)
    assert code == 0 and str(out_file) in out and integrity(out_file) == "ok"
    code, out, _ = run(base + ["backup"], monkeypatch, capsys)
    assert code == 0 and "backups" in out
    code, out, _ = run(base + ["restore", str(out_file)], monkeypatch, capsys)
    assert code == 0 and "previous file kept as" in out
    bad = tmp_path / "bad.db"
    bad.write_bytes(out_file.read_bytes()[:5000])
    code, _, err = run(base + ["restore", str(bad)], monkeypatch, capsys)
    assert code == 1 and str(bad) in err
    code, _, err = run(base + ["check"], monkeypatch, capsys)
    assert code == 0


def test_cli_restores_over_a_damaged_or_missing_database(sqlite_url, tmp_path, monkeypatch, capsys):
    """The moment a restore is needed most: the database file no longer opens."""
    base = ["--database", sqlite_url]
    run(base + ["demo", "--count", "5"], monkeypatch, capsys)
    copy = tmp_path / "good.db"
    assert run(base + ["backup", "--out", str(copy)], monkeypatch, capsys)[0] == 0
    database = Path(sqlite_url.removeprefix("sqlite:///"))
    database_proxy.obj.close()
    damaged = database.read_bytes()
    database.write_bytes(b"\0" * 100 + damaged[100:4096])  # header and first page gone
    code, _, err = run(base + ["check"], monkeypatch, capsys)
    assert code == 1 and "not a Complaint Desk database or is damaged" in err
    code, out, err = run(base + ["restore", str(copy)], monkeypatch, capsys)
    assert code == 0, err
    kept = Path(out.rsplit("previous file kept as ", 1)[1].strip())
    assert kept.read_bytes()[:100] == b"\0" * 100  # the damaged file, kept for inspection
    code, out, _ = run(base + ["check"], monkeypatch, capsys)
    assert code == 0 and "all checks passed" in out
    assert Complaint.select().count() == 5

    database_proxy.obj.close()
    database.unlink()
    code, out, err = run(base + ["restore", str(copy)], monkeypatch, capsys)
    assert code == 0 and "there was no previous file" in out, err
    assert Complaint.select().count() == 5


# --- PostgreSQL ---------------------------------------------------------------------------


class _FakePg:
    database = "complaints"
    connect_params = {"host": "db.example", "user": "desk", "password": "secret"}


def test_pg_dump_missing_gives_a_clear_message(monkeypatch, tmp_path):
    monkeypatch.setattr(backup.shutil, "which", lambda name: None)
    with pytest.raises(backup.PgDumpNotFound) as info:
        backup._pg_dump(_FakePg(), tmp_path / "x.dump", NOW)
    assert "postgresql-client" in info.value.message
    assert "server's own backups" in info.value.message


@pytest.mark.skipif(not os.environ.get(POSTGRES_ENV), reason=f"{POSTGRES_ENV} not set")
def test_postgres_backup_with_pg_dump(tmp_path, monkeypatch, capsys):
    url = os.environ[POSTGRES_ENV]
    reset_postgres(url)
    if not shutil.which("pg_dump"):
        pytest.skip("pg_dump is not installed")
    out_file = tmp_path / "pg.dump"
    code, out, err = run(["--database", url, "backup", "--out", str(out_file)], monkeypatch, capsys)
    assert code == 0, err
    assert out_file.read_bytes()[:5] == b"PGDMP"
    code, _, err = run(["--database", url, "restore", str(out_file)], monkeypatch, capsys)
    assert code == 1 and "pg_restore" in err
    monkeypatch.setattr(backup.shutil, "which", lambda name: None)
    code, _, err = run(
        ["--database", url, "backup", "--out", str(tmp_path / "y.dump")], monkeypatch, capsys
    )
    assert code == 1 and "postgresql-client" in err
