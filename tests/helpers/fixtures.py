"""Shared fixtures: a fresh database per test on SQLite and, when
``DESKTOP_APP_TEST_POSTGRES`` holds a URL, on PostgreSQL too; sessions per role."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from desktop_app.bootstrap import prepare_database
from desktop_app.db.connection import make_database
from desktop_app.domain.clock import FixedClock
from desktop_app.services import auth, users
from desktop_app.services.session import Session

POSTGRES_ENV = "DESKTOP_APP_TEST_POSTGRES"
# Set by ``scripts/run-tests --fast`` (with ``-m "not slow"``): the quick tier.
FAST_ENV = "DESKTOP_APP_TEST_FAST"


def fuzz_examples(full: int) -> int:
    """Hypothesis examples for a fuzz test that writes to the database: ``full`` in a whole
    run (CI, ``scripts/run-tests``), a tenth (at least 5) in the quick tier."""
    return max(5, full // 10) if os.environ.get(FAST_ENV) else full


# A Wednesday at 10:00, business time: a plain working day.
TEST_NOW = dt.datetime(2026, 11, 25, 10, 0, 0)

# The password of the test accounts: strong enough for every role (zxcvbn score 4).
STRONG_PASSWORD = "Plum-Harbour-Lantern-42"


def backends() -> list[str]:
    return ["sqlite", "postgresql"] if os.environ.get(POSTGRES_ENV) else ["sqlite"]


def reset_postgres(url: str) -> None:
    """Empty the test database: drop and recreate its public schema."""
    db, _ = make_database(url)
    db.connect()
    try:
        db.execute_sql("DROP SCHEMA IF EXISTS public CASCADE")
        db.execute_sql("CREATE SCHEMA public")
    finally:
        db.close()


@pytest.fixture(autouse=True)
def _fast_password_hashing(monkeypatch):
    """Cheap argon2 parameters in tests (the hash records its parameters, so verifying
    works the same); production keeps the library's defaults."""
    from argon2 import PasswordHasher

    monkeypatch.setattr(
        auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path, monkeypatch):
    """Keep each test out of the real data and log folders (drafts, attachments, the
    default database) and away from any database named in the environment."""
    monkeypatch.setenv("DESKTOP_APP_DATA_DIR", str(tmp_path / "user-data"))
    monkeypatch.setenv("DESKTOP_APP_LOG_DIR", str(tmp_path / "user-log"))
    monkeypatch.delenv("DESKTOP_APP_DATABASE", raising=False)


@pytest.fixture(params=backends())
def db_url(request, tmp_path) -> str:
    """An empty database URL: a new SQLite file, or the emptied PostgreSQL test database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.db'}"
    url = os.environ[POSTGRES_ENV]
    reset_postgres(url)
    return url


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def db(db_url):
    """A created, migrated and seeded database bound to the models."""
    database, _info, _result = prepare_database(db_url)
    yield database
    database.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(TEST_NOW)


@pytest.fixture
def system_session(db, clock) -> Session:
    return Session.system(clock)


def make_user(
    system: Session,
    username: str,
    role: str,
    *,
    departments=("customer_service",),
    password: str = STRONG_PASSWORD,
    supervisor: str | None = None,
) -> Session:
    users.create_user(
        system,
        username,
        role,
        password,
        display_name=username,
        departments=departments,
        supervisor=supervisor,
    )
    return auth.sign_in(username, password, clock=system.clock)


@pytest.fixture
def admin_session(system_session) -> Session:
    return make_user(system_session, "admin", "admin", departments=())


@pytest.fixture
def manager_session(system_session) -> Session:
    return make_user(system_session, "manager1", "manager", departments=())


@pytest.fixture
def supervisor_session(system_session) -> Session:
    return make_user(system_session, "super1", "supervisor")


@pytest.fixture
def clerk_session(system_session, supervisor_session) -> Session:
    return make_user(system_session, "clerk1", "clerk", supervisor="super1")


class MemoryKeyring:
    def __init__(self):
        self.items: dict[tuple[str, str], str] = {}

    def set_password(self, service, user, password):
        self.items[(service, user)] = password

    def get_password(self, service, user):
        return self.items.get((service, user))

    def delete_password(self, service, user):
        self.items.pop((service, user), None)


@pytest.fixture
def memory_keyring(monkeypatch):
    import keyring

    ring = MemoryKeyring()
    monkeypatch.setattr(keyring, "set_password", ring.set_password)
    monkeypatch.setattr(keyring, "get_password", ring.get_password)
    monkeypatch.setattr(keyring, "delete_password", ring.delete_password)
    return ring
