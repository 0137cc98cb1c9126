"""Stronger accounts: zxcvbn strength by role, never the user name; failures decay and
lock a user name on one PC only; admins unlock; a password typed as a user name is never
recorded (docs/rules.md#accounts)."""

from __future__ import annotations

import pytest

from desktop_app.db import host_lock
from desktop_app.db.models import AuditLog, User
from desktop_app.services import auth, settings, users
from desktop_app.services.errors import AuthenticationError, PermissionDenied, ValidationError
from tests.helpers.fixtures import STRONG_PASSWORD, make_user


def _refused(call) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        call()
    assert info.value.field == "password"
    return info.value


def test_a_common_digit_run_is_refused_with_the_reason(admin_session):
    error = _refused(lambda: users.create_user(admin_session, "clerk5", "clerk", "12345678"))
    assert "common" in error.message or "guess" in error.message
    assert User.get_or_none(User.username == "clerk5") is None


def test_the_user_name_as_password_is_refused(admin_session):
    error = _refused(
        lambda: users.create_user(admin_session, "zhangwei.kefu", "clerk", "zhangwei.kefu")
    )
    assert "user name" in error.message


def test_the_display_name_inside_the_password_is_refused(admin_session):
    _refused(
        lambda: users.create_user(
            admin_session, "zw", "clerk", "Zhangweilong", display_name="Zhangweilong"
        )
    )


def test_managers_and_admins_need_a_stronger_password_than_clerks(admin_session):
    medium = "s3cret-pass"  # zxcvbn score 2
    users.create_user(admin_session, "clerk6", "clerk", medium)
    _refused(lambda: users.create_user(admin_session, "boss6", "manager", medium))
    _refused(lambda: users.create_user(admin_session, "root6", "admin", medium))
    users.create_user(admin_session, "boss7", "manager", STRONG_PASSWORD)


def test_the_minimum_length_cannot_be_lowered_to_four(manager_session):
    with pytest.raises(ValidationError):
        settings.change_setting(manager_session, "security.min_password_length", 4)


def _fail(name: str, password: str, clock) -> str:
    with pytest.raises(AuthenticationError) as info:
        auth.sign_in(name, password, clock=clock)
    return info.value.message


def test_a_lockout_holds_on_one_pc_only(admin_session, clock, monkeypatch):
    monkeypatch.setattr(host_lock, "this_host", lambda: "pc-of-a-prankster")
    messages = [_fail("admin", "wrong-password", clock) for _ in range(5)]
    assert "blocked" in messages[-1]
    monkeypatch.setattr(host_lock, "this_host", lambda: "pc-of-the-admin")
    assert auth.sign_in("admin", STRONG_PASSWORD, clock=clock).username == "admin"


def test_failures_decay_after_fifteen_minutes(system_session, clock):
    make_user(system_session, "clerk9", "clerk")
    for _ in range(4):
        _fail("clerk9", "wrong-password", clock)
    clock.advance(minutes=16)
    for _ in range(4):
        assert _fail("clerk9", "wrong-password", clock) == "Wrong user name or password."
    assert auth.sign_in("clerk9", STRONG_PASSWORD, clock=clock).username == "clerk9"


def test_an_admin_unlocks_an_account_and_it_is_audited(
    admin_session, clerk_session, clock, monkeypatch
):
    for _ in range(5):
        _fail("clerk1", "wrong-password", clock)
    assert "blocked" in _fail("clerk1", STRONG_PASSWORD, clock)
    with pytest.raises(PermissionDenied):
        users.unlock_account(clerk_session, "clerk1")
    users.unlock_account(admin_session, "clerk1")
    assert auth.sign_in("clerk1", STRONG_PASSWORD, clock=clock).username == "clerk1"
    entry = AuditLog.select().where(AuditLog.action == "account_unlock").get()
    assert entry.username == "admin" and "clerk1" in entry.details


def test_a_password_typed_as_the_user_name_is_not_recorded(system_session, clock):
    secret = "Mistyped-Secret-9417"
    _fail(secret, "", clock)
    _fail(secret, "anything", clock)
    for row in AuditLog.select():
        assert secret not in row.username and secret not in row.details
    assert AuditLog.select().where(AuditLog.action == "login_failed").count() == 1
