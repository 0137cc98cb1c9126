"""services/setup: URLs of the first-run wizard, the administrator's account checked before
the database exists, setting up in one call (and leaving nothing when it fails), probing a
PostgreSQL server."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

import pytest

from desktop_app.db.connection import make_database
from desktop_app.db.models import Complaint, database_proxy
from desktop_app.services import auth, setup
from desktop_app.services.errors import DatabaseUnavailable, ValidationError
from tests.helpers.fixtures import POSTGRES_ENV, reset_postgres


def test_postgres_urls_quote_every_part():
    url = setup.postgres_url(" db.lan ", 5433, "complaints", "li na", "p@ss:/w%rd")
    assert url == "postgresql://li%20na:p%40ss%3A%2Fw%25rd@db.lan:5433/complaints"
    bare = setup.without_password(url)
    assert bare == "postgresql://li%20na@db.lan:5433/complaints"
    assert urlparse(bare).password is None
    assert setup.with_password(bare, "p@ss:/w%rd") == url
    assert setup.without_password("sqlite:////tmp/a:b@c.db") == "sqlite:////tmp/a:b@c.db"
    assert setup.postgres_url("::1", 5432, "d", "u") == "postgresql://u@[::1]:5432/d"


@pytest.mark.parametrize(
    ("username", "password", "repeat", "field"),
    [
        ("with space", "Plum-Harbour-Lantern-42", "Plum-Harbour-Lantern-42", "username"),
        ("", "Plum-Harbour-Lantern-42", "Plum-Harbour-Lantern-42", "username"),
        ("boss", "short", "short", "password"),
        ("boss", " Plum-Harbour-Lantern-42", " Plum-Harbour-Lantern-42", "password"),
        ("boss", "Plum-Harbour-Lantern-42", "Plum-Harbour-Lantern-43", "repeat_password"),
    ],
)
def test_admin_account_checked_before_the_database_exists(username, password, repeat, field):
    with pytest.raises(ValidationError) as caught:
        setup.check_admin_account(username, password, repeat)
    assert caught.value.field == field
    setup.check_admin_account("boss", "Plum-Harbour-Lantern-42", "Plum-Harbour-Lantern-42")


def test_set_up_creates_database_admin_and_demo(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.db'}"
    steps: list[tuple[int, int]] = []
    result = setup.set_up(
        url,
        admin="boss",
        display_name="Wang",
        password="Plum-Harbour-Lantern-42",
        demo_count=30,
        progress=lambda d, t: steps.append((d, t)) or True,
    )
    assert result.created and result.admin == "boss" and result.demo_cases == 30
    assert steps[0] == (1, 32) and steps[-1] == (32, 32)
    assert database_proxy.obj.is_closed()  # this thread's connection closed again
    database_proxy.obj.connect()
    try:
        assert auth.sign_in("boss", "Plum-Harbour-Lantern-42").display_name == "Wang"
        assert Complaint.select().count() == 30
    finally:
        database_proxy.obj.close()


def test_a_failed_set_up_of_a_new_file_leaves_nothing(tmp_path):
    path = tmp_path / "new.db"
    with pytest.raises(ValidationError):
        setup.set_up(f"sqlite:///{path}", admin="no spaces", password="Plum-Harbour-Lantern-42")
    assert not any(p.exists() for p in setup.sqlite_files(path))


def test_a_folder_that_cannot_be_made_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatabaseUnavailable) as caught:
        setup.set_up(
            f"sqlite:///{blocker / 'sub' / 'new.db'}",
            admin="boss",
            password="Plum-Harbour-Lantern-42",
        )
    assert caught.value.message.startswith("The database cannot be set up:")


PG_URL = os.environ.get(POSTGRES_ENV)
needs_postgres = pytest.mark.skipif(not PG_URL, reason=f"{POSTGRES_ENV} is not set")


@needs_postgres
def test_probe_an_empty_then_a_set_up_server():
    reset_postgres(PG_URL)
    probe = setup.probe_postgres(PG_URL)
    assert probe.server.startswith("PostgreSQL ")
    assert (probe.schema_version, probe.has_schema, probe.has_admin) == (None, False, False)
    setup.set_up(PG_URL, admin="boss", password="Plum-Harbour-Lantern-42")
    probe = setup.probe_postgres(PG_URL)
    assert probe.has_schema and probe.has_admin


@needs_postgres
def test_probe_says_why_not_in_words():
    parsed = urlparse(PG_URL)
    wrong = setup.postgres_url(
        parsed.hostname, parsed.port, parsed.path.lstrip("/"), parsed.username, "not-the-password"
    )
    with pytest.raises(DatabaseUnavailable) as caught:
        setup.probe_postgres(wrong)
    assert caught.value.message == "The database server refused the user or password."
    missing = setup.postgres_url(
        parsed.hostname, parsed.port, "no_such_database_here", parsed.username, parsed.password
    )
    with pytest.raises(DatabaseUnavailable) as caught:
        setup.probe_postgres(missing)
    assert "no such database" in caught.value.message


@needs_postgres
def test_user_and_password_with_url_characters_connect():
    """A password with @ : / % (quoted in the URL) reaches the server as typed."""
    admin, _ = make_database(PG_URL)
    admin.connect()
    password = "p@ss:/w%rd"
    try:
        admin.execute_sql('DROP ROLE IF EXISTS "wizard user"')
        # psycopg2 puts the parameter in on this side, as a quoted literal.
        admin.execute_sql('CREATE ROLE "wizard user" LOGIN PASSWORD %s', (password,))
        parsed = urlparse(PG_URL)
        url = setup.postgres_url(
            parsed.hostname, parsed.port, parsed.path.lstrip("/"), "wizard user", password
        )
        assert setup.probe_postgres(url).server.startswith("PostgreSQL")
    finally:
        admin.execute_sql('DROP ROLE IF EXISTS "wizard user"')
        admin.close()


def test_sqlite_files_names_the_companions():
    names = [p.name for p in setup.sqlite_files(Path("/x/c.db"))]
    assert names == ["c.db", "c.db-wal", "c.db-shm", "c.db-journal"]


# --- the application role on PostgreSQL (docs/rules.md#audit-log) ------------------------


def test_application_role_sql_reads_and_appends_but_changes_no_table():
    sql = setup.application_role_sql("complaints", "complaints_app", "complaints", "pw-1")
    assert sql.splitlines() == [
        "CREATE ROLE \"complaints_app\" LOGIN PASSWORD 'pw-1';",
        'GRANT CONNECT ON DATABASE "complaints" TO "complaints_app";',
        'GRANT USAGE ON SCHEMA "public" TO "complaints_app";',
        'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "public" TO '
        '"complaints_app";',
        'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "public" TO "complaints_app";',
        'ALTER DEFAULT PRIVILEGES FOR ROLE "complaints" IN SCHEMA "public"',
        '    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "complaints_app";',
        'ALTER DEFAULT PRIVILEGES FOR ROLE "complaints" IN SCHEMA "public"',
        '    GRANT USAGE, SELECT ON SEQUENCES TO "complaints_app";',
        'REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER ON "public"."audit_log" FROM "complaints_app";',
    ]
    # No right to change a table, empty one or touch triggers is ever granted.
    granted = " ".join(line for line in sql.splitlines() if "REVOKE" not in line)
    for right in ("ALL PRIVILEGES", "TRUNCATE", "TRIGGER", "CREATE", "REFERENCES", "SUPERUSER"):
        assert right not in granted.replace("CREATE ROLE", ""), right
    # The table it protects is the program's audit log.
    from desktop_app.db.models import AuditLog

    assert AuditLog._meta.table_name == setup.AUDIT_LOG_TABLE


def test_application_role_sql_quotes_names_and_the_password():
    sql = setup.application_role_sql('Büro "A"', "app; DROP TABLE x", "li na", "it's")
    assert 'DATABASE "Büro ""A"""' in sql
    assert "CREATE ROLE \"app; DROP TABLE x\" LOGIN PASSWORD 'it''s';" in sql
    assert 'FOR ROLE "li na"' in sql
    assert setup.application_role_name("complaints") == "complaints_app"
    assert setup.application_role_name(" ") == "complaints_app"
    with pytest.raises(ValueError):
        setup.application_role_sql("complaints", " ", "owner", "pw")


@pytest.mark.parametrize("guide", ["guide.en.md", "guide.zh_CN.md"])
def test_the_guides_give_the_same_sql_as_the_wizard(guide):
    text = (Path(__file__).parents[2] / "docs" / guide).read_text(encoding="utf-8")
    sql = setup.application_role_sql("complaints", "complaints_app", "complaints", "app-secret")
    assert "\n".join("   " + line for line in sql.splitlines()) in text
