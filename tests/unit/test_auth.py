"""Signing in, lockout that reveals nothing about user names, accounts and settings."""

from __future__ import annotations

import json

import pytest

from desktop_app.db.models import AuditLog, User
from desktop_app.services import auth, settings, users
from desktop_app.services.errors import AuthenticationError, PermissionDenied, ValidationError
from tests.helpers.fixtures import make_user


def _failure(name: str, password: str, clock) -> str:
    with pytest.raises(AuthenticationError) as info:
        auth.sign_in(name, password, clock=clock)
    return info.value.message


def test_password_is_stored_as_argon2_hash(system_session):
    users.create_user(
        system_session, "li.na", "clerk", "Plum-Harbour-Lantern-42", display_name="李娜"
    )
    stored = User.get(username="li.na").password_hash
    assert stored.startswith("$argon2id$") and "Plum-Harbour-Lantern-42" not in stored


def test_sign_in_returns_session_with_role_and_departments(system_session, clock):
    users.create_user(
        system_session,
        "wang",
        "supervisor",
        "Plum-Harbour-Lantern-42",
        departments=("customer_service", "logistics"),
    )
    session = auth.sign_in("wang", "Plum-Harbour-Lantern-42", clock=clock)
    assert session.role == "supervisor" and len(session.department_ids) == 2
    assert (
        AuditLog.select()
        .where(AuditLog.action == "login", AuditLog.user == session.user_id)
        .exists()
    )


def test_five_failures_lock_for_fifteen_minutes(system_session, clock):
    make_user(system_session, "clerk9", "clerk")
    messages = [_failure("clerk9", "wrong-password", clock) for _ in range(5)]
    assert messages[:4] == ["Wrong user name or password."] * 4
    assert "blocked until 10:15" in messages[4]
    # While locked, even the right password is refused.
    assert "blocked" in _failure("clerk9", "Plum-Harbour-Lantern-42", clock)
    clock.advance(minutes=15)
    assert auth.sign_in("clerk9", "Plum-Harbour-Lantern-42", clock=clock).username == "clerk9"


def test_lockout_does_not_reveal_whether_a_user_exists(system_session, clock):
    make_user(system_session, "real.user", "clerk")
    real = [_failure("real.user", "nope-nope", clock) for _ in range(6)]
    made_up = [_failure("no.such.user", "nope-nope", clock) for _ in range(6)]
    assert real == made_up
    failed = AuditLog.select().where(AuditLog.action == "login_failed").count()
    assert failed == 10  # five each, then both were blocked


def test_successful_sign_in_resets_the_failure_count(system_session, clock):
    make_user(system_session, "clerk8", "clerk")
    for _ in range(4):
        _failure("clerk8", "wrong-password", clock)
    auth.sign_in("clerk8", "Plum-Harbour-Lantern-42", clock=clock)
    for _ in range(4):
        assert _failure("clerk8", "wrong-password", clock) == "Wrong user name or password."


def test_disabled_and_passwordless_accounts_cannot_sign_in(system_session, clock):
    make_user(system_session, "gone", "clerk")
    User.update(active=False).where(User.username == "gone").execute()
    assert "disabled" in _failure("gone", "Plum-Harbour-Lantern-42", clock)
    users.create_user(system_session, "imported", "clerk", None)
    assert _failure("imported", "anything-at-all", clock) == "Wrong user name or password."


def test_only_admins_create_accounts(clerk_session, manager_session):
    for session in (clerk_session, manager_session):
        with pytest.raises(PermissionDenied):
            users.create_user(session, "someone", "clerk", "Plum-Harbour-Lantern-42")


@pytest.mark.parametrize(
    "name,role,password,field",
    [
        ("has space", "clerk", "Plum-Harbour-Lantern-42", "username"),
        ("", "clerk", "Plum-Harbour-Lantern-42", "username"),
        ("ok.name", "boss", "Plum-Harbour-Lantern-42", "role"),
        ("ok.name", "clerk", "short", "password"),
    ],
)
def test_bad_account_input_names_the_field(system_session, name, role, password, field):
    with pytest.raises(ValidationError) as info:
        users.create_user(system_session, name, role, password)
    assert info.value.field == field
    assert not User.select().where(User.username == name).exists()


def test_duplicate_user_name_and_unknown_department(system_session):
    users.create_user(system_session, "dup", "clerk", "Plum-Harbour-Lantern-42")
    with pytest.raises(ValidationError, match="already taken"):
        users.create_user(system_session, "dup", "clerk", "Plum-Harbour-Lantern-42")
    with pytest.raises(ValidationError, match="Unknown department 'nowhere'"):
        users.create_user(
            system_session, "new", "clerk", "Plum-Harbour-Lantern-42", departments=("nowhere",)
        )
    assert not User.select().where(User.username == "new").exists()


def test_settings_are_seeded_and_changed_by_managers_only(manager_session, clerk_session):
    assert settings.get("sla.first_response_hours.normal") == 4.0
    with pytest.raises(PermissionDenied):
        settings.change_setting(clerk_session, "rules.batch_threshold", 20)
    assert settings.change_setting(manager_session, "rules.batch_threshold", "20") == 20
    assert settings.get("rules.batch_threshold") == 20
    entry = AuditLog.get(AuditLog.action == "setting_change")
    assert json.loads(entry.details) == {"key": "rules.batch_threshold", "old": 10, "new": 20}
    with pytest.raises(ValidationError) as info:
        settings.change_setting(manager_session, "rules.batch_threshold", "many")
    assert info.value.field == "rules.batch_threshold"
    assert settings.get("rules.batch_threshold") == 20


def test_setting_errors_name_the_setting_once(manager_session):
    with pytest.raises(ValidationError) as info:
        settings.change_setting(manager_session, "security.lockout_attempts", 1000)
    assert info.value.message == "security.lockout_attempts: must be at most 100"
    with pytest.raises(ValidationError) as info:
        settings.change_setting(manager_session, "sla.hours_working_time_only", "maybe")
    assert info.value.message == "sla.hours_working_time_only: expected yes or no, got 'maybe'"


def test_unusable_database_file_is_reported_not_crashed_on(tmp_path):
    from desktop_app.bootstrap import prepare_database
    from desktop_app.services.errors import DatabaseUnavailable

    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is a spreadsheet, not a database" * 100)
    with pytest.raises(DatabaseUnavailable, match="not a Complaint Desk database"):
        prepare_database(f"sqlite:///{junk}")
