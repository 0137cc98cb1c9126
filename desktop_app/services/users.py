"""Accounts and departments (docs/rules.md#roles-and-access)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from desktop_app.db.connection import write_lock
from desktop_app.db.models import (
    Department,
    LoginThrottle,
    User,
    UserDepartment,
    database_proxy,
)
from desktop_app.domain.messages import msg
from desktop_app.domain.vocab import ROLES
from desktop_app.services import audit
from desktop_app.services.auth import check_password_rules, hash_password, verify
from desktop_app.services.errors import NotFound, PermissionDenied, ValidationError, service
from desktop_app.services.permissions import require_admin, require_role, require_staff
from desktop_app.services.session import Session

USERNAME_RE = re.compile(r"^[\w.\-@]{1,60}$")


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    can_sign_in: bool
    departments: tuple[str, ...]
    supervisor: str = ""  # the direct supervisor's user name, "" when none
    senior_agent: bool = False  # handles staff-efficiency complaints (docs/rules.md#routing)


def _info(user: User) -> UserInfo:
    codes = tuple(
        d.code
        for d in Department.select()
        .join(UserDepartment)
        .where(UserDepartment.user == user)
        .order_by(Department.sort_order)
    )
    boss = (
        User.select(User.username).where(User.id == user.supervisor_id).scalar()
        if user.supervisor_id
        else None
    )
    return UserInfo(
        user.id,
        user.username,
        user.display_name,
        user.role,
        user.active,
        user.password_hash is not None,
        codes,
        boss or "",
        bool(user.senior_agent),
    )


def find_department(code_or_name: str) -> Department:
    text = (code_or_name or "").strip()
    dept = Department.get_or_none(
        (Department.code == text) | (Department.name_zh == text) | (Department.name_en == text)
    )
    if dept is None:
        known = ", ".join(d.code for d in Department.select().order_by(Department.sort_order))
        raise ValidationError(
            msg("Unknown department {name!r}; known departments: {known}."),
            field="department",
            name=text,
            known=known,
        )
    return dept


def _supervisor(name: str, user: User | None = None) -> User:
    """The account ``name`` as the direct supervisor of ``user`` (None: a new account):
    an active account that is not a clerk (what the account dialog offers), not the
    account itself nor one it supervises, directly or further down (no cycle)."""
    boss = User.get_or_none(User.username == name.strip())
    if boss is None:
        raise ValidationError(msg("Unknown supervisor {name!r}."), field="supervisor", name=name)
    if user is not None and boss.id == user.id:
        raise ValidationError(msg("An account cannot be its own supervisor."), field="supervisor")
    if not boss.active or boss.role == "clerk":
        raise ValidationError(
            msg(
                "{name} cannot be a supervisor: choose an active supervisor, manager or "
                "administrator account."
            ),
            field="supervisor",
            name=boss.username,
        )
    if user is not None:
        seen: set[int] = set()
        step: User | None = boss
        while step is not None and step.id not in seen:
            if step.supervisor_id == user.id:
                raise ValidationError(
                    msg("{name} cannot supervise {account}: {account} is above {name}."),
                    field="supervisor",
                    name=boss.username,
                    account=user.username,
                )
            seen.add(step.id)
            step = User.get_or_none(User.id == step.supervisor_id) if step.supervisor_id else None
    return boss


def supervisor_choice(user: User, name: str) -> User | None:
    """The direct supervisor ``name`` would make for ``user`` (blank: none), by the rule of
    ``update_user``: the supervisor already set may stay as it is (the dialog shows a clerk
    or disabled supervisor already set); a new choice must pass ``_supervisor``.
    ValidationError (field ``supervisor``) says why not. Also used by the policy workbook
    (docs/rules.md#policy-workbook)."""
    if not name.strip():
        return None
    kept = User.get_or_none(User.id == user.supervisor_id) if user.supervisor_id else None
    if kept is not None and kept.username == name.strip():
        return kept
    return _supervisor(name, user)


def keep_an_admin(user: User, field: str) -> None:
    """Refuse to take away the last active administrator who can sign in (the rule of
    ``update_user`` and ``set_active``; also the policy workbook's)."""
    _keep_an_admin(user, field)


@service
def create_user(
    session: Session,
    username: str,
    role: str,
    password: str | None,
    *,
    display_name: str | None = None,
    departments: tuple[str, ...] = (),
    supervisor: str | None = None,
    senior_agent: bool = False,
) -> UserInfo:
    """Add an account (administrators). ``password=None`` makes an account that cannot
    sign in until an administrator sets one."""
    require_admin(session)
    username = (username or "").strip()
    if not USERNAME_RE.match(username):
        raise ValidationError(
            msg("The user name must be 1 to 60 letters, digits or . _ - @, without spaces."),
            field="username",
        )
    if role not in ROLES:
        raise ValidationError(
            msg("Unknown role {role!r}; use clerk, supervisor, manager or admin."),
            field="role",
            role=role,
        )
    if password is not None:
        check_password_rules(
            password, role=role, username=username, display_name=display_name or ""
        )
    with write_lock(database_proxy.obj):
        if User.select().where(User.username == username).exists():
            raise ValidationError(
                msg("The user name {name} is already taken."), field="username", name=username
            )
        depts = [find_department(code) for code in departments]
        boss = _supervisor(supervisor) if supervisor else None
        now = session.now()
        user = User.create(
            username=username,
            display_name=(display_name or username).strip() or username,
            password_hash=hash_password(password) if password is not None else None,
            role=role,
            supervisor=boss,
            senior_agent=senior_agent,
            created_at=now,
            password_changed_at=now if password is not None else None,
        )
        for dept in depts:
            UserDepartment.create(user=user, department=dept)
        details: dict[str, Any] = {  # audit details
            "username_created": username,
            "role": role,
            "departments": [d.code for d in depts],
        }
        if boss is not None:
            details["supervisor"] = boss.username
        if senior_agent:
            details["senior_agent"] = True
        audit.record(session, "user_create", "user", user.id, **details)
        return _info(user)


@service
def list_users(session: Session) -> list[UserInfo]:
    require_staff(session)
    return [_info(u) for u in User.select().order_by(User.username)]


@service
def get_user(session: Session, username: str) -> UserInfo:
    require_staff(session)
    user = User.get_or_none(User.username == username)
    if user is None:
        raise NotFound(msg("No user named {name}."), name=username)
    return _info(user)


@service
def has_active_admin() -> bool:
    """Whether an administrator can sign in (else the program asks to create one). Reveals
    nothing personal, so it needs no session: it runs before anyone has signed in."""
    return (
        User.select()
        .where(User.role == "admin", User.active, User.password_hash.is_null(False))
        .exists()
    )


def _department_ids(user_id: int) -> set[int]:
    return {
        link.department_id
        for link in UserDepartment.select(UserDepartment.department).where(
            UserDepartment.user == user_id
        )
    }


def require_account_editor(session: Session, user: User) -> set[int] | None:
    """Who may change an account's supervisor, senior-agent flag, departments and whether
    it is active (docs/rules.md#roles-and-access): administrators any account; managers the
    clerks' and supervisors' accounts of their departments (every department when they
    belong to none). Returns the departments (ids) a manager may assign, None for all."""
    if session.role == "admin":
        return None
    require_role(session, "admin", "manager")
    if user.role not in ("clerk", "supervisor"):
        raise PermissionDenied(
            msg("Only an administrator changes the account of a manager or administrator.")
        )
    own = _department_ids(session.user_id) if session.user_id else set()
    if own and not (_department_ids(user.id) & own) and _department_ids(user.id):
        raise PermissionDenied(
            msg("{name} belongs to none of your departments; ask an administrator."),
            name=user.username,
        )
    return own or None


def _account(username: str) -> User:
    user = User.get_or_none(User.username == (username or "").strip())
    if user is None:
        raise NotFound(msg("No user named {name}."), name=username)
    return user


def _keep_an_admin(user: User, field: str) -> None:
    """Refuse to take away the last active administrator who can sign in."""
    if user.role == "admin" and not (
        User.select()
        .where(
            User.role == "admin", User.active, User.id != user.id, User.password_hash.is_null(False)
        )
        .exists()
    ):
        raise ValidationError(
            msg(
                "{name} is the last administrator who can sign in; add another administrator first."
            ),
            field=field,
            name=user.username,
        )


@service
def change_own_password(session: Session, current: str, new: str) -> None:
    """The signed-in user changes their password; the current one must be typed."""
    if session.user_id is None:
        raise ValidationError(msg("The command line has no password to change."), field="password")
    with write_lock(database_proxy.obj):
        user = User.get_or_none(User.id == session.user_id)
        if user is None or not user.active:
            raise NotFound(msg("Your account no longer exists or is disabled."))
        if not verify(user, current or ""):
            audit.record(session, "password_change", "user", user.id, ok=False)
            raise ValidationError(msg("The current password is wrong."), field="current_password")
        if new == current:
            raise ValidationError(
                msg("The new password must differ from the current one."), field="new_password"
            )
        try:
            check_password_rules(
                new or "", role=user.role, username=user.username, display_name=user.display_name
            )
        except ValidationError as exc:
            exc.field = "new_password"
            raise
        user.password_hash = hash_password(new)
        user.password_changed_at = session.now()
        user.save()
        audit.record(session, "password_change", "user", user.id, ok=True)


@service
def reset_password(session: Session, username: str, new: str) -> UserInfo:
    """An administrator sets a new password for an account (e.g. a forgotten one); the
    account's sign-in lockout is lifted."""
    require_admin(session)
    with write_lock(database_proxy.obj):
        user = _account(username)
        check_password_rules(
            new or "", role=user.role, username=user.username, display_name=user.display_name
        )
        user.password_hash = hash_password(new)
        user.password_changed_at = session.now()
        user.save()
        LoginThrottle.delete().where(LoginThrottle.username == user.username).execute()
        audit.record(session, "password_reset", "user", user.id, account=user.username)
        return _info(user)


@service
def unlock_account(session: Session, username: str) -> int:
    """An administrator lifts the sign-in lockout of an account on every computer
    (docs/rules.md#accounts); audited as ``account_unlock``. The number of computers it
    was counted on."""
    require_admin(session)
    with write_lock(database_proxy.obj):
        user = _account(username)
        lifted = LoginThrottle.delete().where(LoginThrottle.username == user.username).execute()
        audit.record(
            session, "account_unlock", "user", user.id, account=user.username, computers=lifted
        )
        return int(lifted)


@service
def set_active(session: Session, username: str, active: bool) -> UserInfo:
    """An administrator disables (or enables again) an account. A disabled account cannot
    sign in; its cases and history stay. The last active administrator and one's own
    account cannot be disabled. Managers for the accounts of their departments
    (``require_account_editor``)."""
    require_role(session, "admin", "manager")
    with write_lock(database_proxy.obj):
        user = _account(username)
        require_account_editor(session, user)
        _set_active(session, user, active)
        return _info(user)


def _set_active(session: Session, user: User, active: bool) -> None:
    if not active:
        if user.id == session.user_id:
            raise ValidationError(msg("You cannot disable your own account."), field="active")
        _keep_an_admin(user, "active")
    if user.active != active:
        user.active = active
        user.save()
        audit.record(
            session,
            "user_enable" if active else "user_disable",
            "user",
            user.id,
            account=user.username,
        )


@service
def update_user(
    session: Session,
    username: str,
    *,
    display_name: str | None = None,
    role: str | None = None,
    departments: tuple[str, ...] | None = None,
    supervisor: str | None = None,
    senior_agent: bool | None = None,
    active: bool | None = None,
) -> UserInfo:
    """An administrator changes an account's name, role, departments, supervisor, senior
    agent flag or whether it is active (``supervisor=""`` removes it; ``None`` leaves a
    field as it is), all in one transaction: one refused change changes nothing.

    Managers change the supervisor, senior-agent flag, departments (among their own) and
    whether it is active, of the accounts ``require_account_editor`` gives them; names
    and roles are the administrators'."""
    require_role(session, "admin", "manager")
    with write_lock(database_proxy.obj):
        user = _account(username)
        allowed = require_account_editor(session, user)
        if session.role != "admin":
            if role is not None and role != user.role:
                raise PermissionDenied(msg("Only an administrator changes roles."))
            if display_name is not None and display_name.strip() != user.display_name:
                raise PermissionDenied(msg("Only an administrator changes names."))
        changed: dict[str, Any] = {}  # audit details by name
        if display_name is not None:
            name = display_name.strip()
            if not name or len(name) > 60:
                raise ValidationError(
                    msg("The display name must be 1 to 60 characters."), field="display_name"
                )
            if name != user.display_name:
                user.display_name = changed["display_name"] = name
        if role is not None and role != user.role:
            if role not in ROLES:
                raise ValidationError(
                    msg("Unknown role {role!r}; use clerk, supervisor, manager or admin."),
                    field="role",
                    role=role,
                )
            _keep_an_admin(user, "role")
            user.role = changed["role"] = role
        if supervisor is not None:
            boss = supervisor_choice(user, supervisor)
            if user.supervisor_id != (boss.id if boss else None):
                user.supervisor = boss
                changed["supervisor"] = boss.username if boss else ""
        if senior_agent is not None and bool(user.senior_agent) != senior_agent:
            user.senior_agent = changed["senior_agent"] = senior_agent
        user.save()
        if departments is not None:
            depts = [find_department(code) for code in departments]
            current = {
                link.department_id
                for link in UserDepartment.select().where(UserDepartment.user == user)
            }
            if allowed is not None:
                # A manager's change: departments outside theirs neither added nor removed.
                outside = ({d.id for d in depts} ^ current) - allowed
                if outside:
                    raise ValidationError(
                        msg("You assign only your own departments; ask an administrator."),
                        field="department",
                    )
            if current != {d.id for d in depts}:
                UserDepartment.delete().where(UserDepartment.user == user).execute()
                for dept in depts:
                    UserDepartment.create(user=user, department=dept)
                changed["departments"] = [d.code for d in depts]
        if changed:
            audit.record(session, "user_update", "user", user.id, account=user.username, **changed)
        if active is not None:
            _set_active(session, user, active)
        return _info(user)
