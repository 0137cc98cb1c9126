"""Schema creation and migration: an old database is brought to the current schema and
then equals a fresh one; its data survives; a SQLite file is copied before migrating."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playhouse.schema_diff import diff_models

from desktop_app.bootstrap import prepare_database
from desktop_app.db import migrations, models
from desktop_app.db.connection import make_database, open_database
from desktop_app.services import auth

DATA = Path(__file__).resolve().parent.parent / "data"


def _load_v1(url: str) -> None:
    """Write the recorded schema of version 1 (and one v1 account) into an empty database."""
    db, info = make_database(url)
    db.connect()
    try:
        if info.backend == "sqlite":
            db.connection().executescript((DATA / "schema_v1.sqlite.sql").read_text("utf-8"))
        else:
            db.execute_sql((DATA / "schema_v1.postgres.sql").read_text("utf-8"))
            db.execute_sql("SET search_path TO public")
        # An account as version 1 stored it (no password_changed_at column yet).
        db.execute_sql(
            'INSERT INTO "user" (username, display_name, password_hash, role, active, '
            "senior_agent, created_at) VALUES (%s, %s, %s, %s, %s, %s, %s)".replace(
                "%s", "?" if info.backend == "sqlite" else "%s"
            ),
            (
                "old.admin",
                "老管理员",
                auth.hash_password("Plum-Harbour-Lantern-42"),
                "admin",
                True,
                False,
                "2025-01-02 09:00:00",
            ),
        )
    finally:
        db.close()


def test_fresh_database_matches_models_and_is_seeded(db):
    assert migrations.current_version(db) == migrations.SCHEMA_VERSION
    assert not diff_models(db, models.ALL_MODELS)
    assert models.Department.select().count() == 7
    assert models.Channel.select().count() == 8
    subtypes = models.ComplaintType.select().where(models.ComplaintType.parent.is_null(False))
    # docs/rules.md#types-and-levels: 5+6+4+8+3+2 and "other"
    assert subtypes.count() == 29
    staff_attitude = models.ComplaintType.get(code="staff_attitude")
    assert (staff_attitude.default_level, staff_attitude.callback_rule) == (2, "same_day")
    # Seed 004 §三(一)1.5: account frozen is level I, handled by the receiver, T+1.
    frozen = models.ComplaintType.get(code="account_frozen")
    assert (frozen.default_level, frozen.handling_rule, frozen.callback_rule) == (
        1,
        "receiver",
        "t+1",
    )
    assert models.Setting.get_by_id("rules.batch_threshold").value == "10"


def test_old_schema_is_migrated_to_current(db_url):
    _load_v1(db_url)
    db, info, result = prepare_database(db_url)
    try:
        assert (result.from_version, result.to_version) == (1, migrations.SCHEMA_VERSION)
        assert result.migrated and not result.created
        assert migrations.current_version(db) == migrations.SCHEMA_VERSION
        # The upgraded schema equals a fresh one: no table, column or index differs.
        assert not diff_models(db, models.ALL_MODELS)
        # Data written by version 1 is still there and usable.
        session = auth.sign_in("old.admin", "Plum-Harbour-Lantern-42")
        assert session.display_name == "老管理员" and session.role == "admin"
        assert models.ComplaintType.select().count() > 0  # seed topped up
        if info.backend == "sqlite":
            assert result.backup is not None and result.backup.exists()
            assert result.backup.parent == info.path.parent / "backups"
            # The copy is the version-1 database as it was before the migration.
            old, _ = make_database(f"sqlite:///{result.backup}")
            old.connect()
            assert old.execute_sql("SELECT version FROM schema_version").fetchone()[0] == 1
            old.close()
    finally:
        db.close()


def test_migration_is_idempotent(db_url):
    db, _, first = prepare_database(db_url)
    db.close()
    db, _, second = prepare_database(db_url)
    try:
        assert first.created and not second.created and not second.migrated
        assert models.Department.select().count() == 7  # seeding did not duplicate
    finally:
        db.close()


def test_newer_database_is_refused(db_url):
    db, _, _ = prepare_database(db_url)
    models.SchemaVersion.update(version=migrations.SCHEMA_VERSION + 1).execute()
    db.close()
    with pytest.raises(migrations.SchemaError, match="newer than this program"):
        prepare_database(db_url)


def test_foreign_tables_without_version_are_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'other.db'}"
    db, _ = open_database(url)
    db.connect()
    db.execute_sql('CREATE TABLE "complaint" (id INTEGER PRIMARY KEY)')
    db.close()
    with pytest.raises(migrations.SchemaError, match="not made by this program"):
        prepare_database(url)


def test_sqlite_pragmas(sqlite_url):
    db, info, _ = prepare_database(sqlite_url)
    try:
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute_sql("PRAGMA busy_timeout").fetchone()[0] >= 5000
        assert info.path.exists() and os.path.isabs(info.path)
    finally:
        db.close()
