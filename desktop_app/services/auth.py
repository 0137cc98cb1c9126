"""Signing in: argon2 password hashes and a lockout that does not reveal user names.

Failed sign-ins are counted per typed user name and computer in ``login_throttle`` whether
or not the account exists, so "locked" and "wrong password" read the same for real and
made-up names; a lockout holds on the computer the failures came from, failures older than
the lockout duration no longer count, and a typed name that is no account is never written
to the audit log (it may be a password typed into the wrong field; docs/rules.md#accounts).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from desktop_app.db import host_lock
from desktop_app.db.connection import write_lock
from desktop_app.db.models import LoginThrottle, User, UserDepartment, database_proxy
from desktop_app.domain.clock import SYSTEM_CLOCK, Clock
from desktop_app.domain.messages import msg
from desktop_app.domain.passwords import strength_problem
from desktop_app.services import audit
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import AuthenticationError, ValidationError, service
from desktop_app.services.session import Session

log = logging.getLogger(__name__)

_hasher = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the user does not exist, so both paths take the same time.
    Computed at the first such sign-in, not at import: the program starts sooner."""
    return _hasher.hash("not a real password")


WRONG_CREDENTIALS = msg("Wrong user name or password.")
LOCKED = msg(
    "Too many failed sign-ins with this user name. "
    "Sign-in is blocked until {until}; please wait or ask an administrator."
)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password_rules(
    password: str, *, role: str = "clerk", username: str = "", display_name: str = ""
) -> None:
    """ValidationError (field ``password``) when the password is too short, has spaces at
    its ends or is too easy to guess for ``role`` (docs/rules.md#accounts)."""
    minimum = settings_service.get("security.min_password_length")
    check_password_text(password, minimum, role=role, username=username, display_name=display_name)


def check_password_text(
    password: str, minimum: int, *, role: str, username: str = "", display_name: str = ""
) -> None:
    """``check_password_rules`` with the minimum length given (the first-run wizard checks
    before the database exists)."""
    if len(password) < minimum:
        raise ValidationError(
            msg("The password must have at least {n} characters."), field="password", n=minimum
        )
    if password.strip() != password:
        raise ValidationError(
            msg("The password must not start or end with a space."), field="password"
        )
    problem = strength_problem(password, role=role, username=username, display_name=display_name)
    if problem is not None:
        raise ValidationError(problem.template, field="password", **problem.params)


def verify(user: User, password: str) -> bool:
    """Whether ``password`` is the account's (for re-typing it: unlock, password change)."""
    return _verify(user.password_hash, password)


def _verify(password_hash: str | None, password: str) -> bool:
    try:
        return (
            _hasher.verify(password_hash or _dummy_hash(), password) and password_hash is not None
        )
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def session_for(user: User, clock: Clock = SYSTEM_CLOCK) -> Session:
    departments = frozenset(
        link.department_id for link in UserDepartment.select().where(UserDepartment.user == user)
    )
    return Session(user.id, user.username, user.display_name, user.role, departments, clock)


@service
def sign_in(username: str, password: str, *, clock: Clock = SYSTEM_CLOCK) -> Session:
    """Check a user name and password; return the session or raise AuthenticationError."""
    return _authenticate(username, password, clock, "login")


@service
def unlock(session: Session, password: str) -> Session:
    """The locked window's user types their password again. Wrong passwords count towards
    the same lockout as sign-in; a disabled account cannot unlock. Audited as ``unlock`` /
    ``unlock_failed``."""
    return _authenticate(session.username, password, session.clock, "unlock")


@service
def sign_out(session: Session) -> None:
    """Record that the user signed out (the window does the rest)."""
    if session.user_id is not None:
        audit.record(session, "logout", "user", session.user_id)


def _authenticate(username: str, password: str, clock: Clock, purpose: str) -> Session:
    name = (username or "").strip()
    now = clock.now()
    if not name or not password:
        raise AuthenticationError(WRONG_CREDENTIALS)
    attempts = settings_service.get("security.lockout_attempts")
    minutes = settings_service.get("security.lockout_minutes")
    host = (host_lock.this_host() or "")[:100]
    error: AuthenticationError | None = None
    with write_lock(database_proxy.obj):
        throttle = LoginThrottle.get_or_none(
            (LoginThrottle.username == name) & (LoginThrottle.host == host)
        )
        user = User.get_or_none(User.username == name)
        # Only a name that is an account is recorded: anything else may be a password.
        recorded_name = user.username if user else ""
        user_id = user.id if user else None
        if throttle and throttle.locked_until and throttle.locked_until > now:
            audit.record(
                None, "login_blocked", "user", user_id, username=recorded_name, at=now, host=host
            )
            error = AuthenticationError(LOCKED, until=throttle.locked_until.strftime("%H:%M"))
        else:
            good = _verify(user.password_hash if user else None, password)
            if good and user is not None and user.active:
                LoginThrottle.delete().where(LoginThrottle.username == name).execute()
                user.last_login_at = now
                if user.password_hash and _hasher.check_needs_rehash(user.password_hash):
                    user.password_hash = hash_password(password)
                user.save()
                session = session_for(user, clock)
                audit.record(session, purpose, "user", user.id, at=now)
                return session
            if good and user is not None and not user.active:
                audit.record(
                    None,
                    f"{purpose}_failed",
                    "user",
                    user_id,
                    username=recorded_name,
                    at=now,
                    host=host,
                    reason="disabled",
                )
                error = AuthenticationError(
                    msg("This account is disabled. Please ask an administrator.")
                )
            else:
                if throttle is None:
                    throttle = LoginThrottle.create(username=name, host=host, failures=0)
                window = dt.timedelta(minutes=minutes)
                if throttle.last_failure_at is None or now - throttle.last_failure_at >= window:
                    throttle.failures = 0  # older failures no longer count
                throttle.failures += 1
                throttle.last_failure_at = now
                throttle.locked_until = None
                error = AuthenticationError(WRONG_CREDENTIALS)
                if throttle.failures >= attempts:
                    throttle.locked_until = now + window
                    throttle.failures = 0
                    error = AuthenticationError(
                        LOCKED, until=throttle.locked_until.strftime("%H:%M")
                    )
                throttle.save()
                audit.record(
                    None,
                    f"{purpose}_failed",
                    "user",
                    user_id,
                    username=recorded_name,
                    at=now,
                    host=host,
                )
    assert error is not None
    raise error


@service
def session_for_username(username: str, *, clock: Clock = SYSTEM_CLOCK) -> Session:
    """A session for an existing active account without its password: for automation and
    tests on this machine (``desktop_app.ui.open_window``), never reachable from the GUI."""
    from desktop_app.services.errors import NotFound

    user = User.get_or_none(User.username == username)
    if user is None or not user.active:
        raise NotFound(msg("No active account named {name}."), name=username)
    return session_for(user, clock)
