"""Accounts and departments (SPEC §1)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop_app.db.connection import write_lock
from desktop_app.db.models import Department, User, UserDepartment, database_proxy
from desktop_app.domain.vocab import ROLES
from desktop_app.services import audit
from desktop_app.services.auth import check_password_rules, hash_password
from desktop_app.services.errors import NotFound, ValidationError, service
from desktop_app.services.permissions import require_admin, require_staff
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


def _info(user: User) -> UserInfo:
    codes = tuple(d.code for d in Department.select().join(UserDepartment)
                  .where(UserDepartment.user == user).order_by(Department.sort_order))
    return UserInfo(user.id, user.username, user.display_name, user.role, user.active,
                    user.password_hash is not None, codes)


def find_department(code_or_name: str) -> Department:
    text = (code_or_name or "").strip()
    dept = Department.get_or_none(
        (Department.code == text) | (Department.name_zh == text) | (Department.name_en == text))
    if dept is None:
        known = ", ".join(d.code for d in Department.select().order_by(Department.sort_order))
        raise ValidationError("Unknown department {name!r}; known departments: {known}.",
                              field="department", name=text, known=known)
    return dept


@service
def create_user(session: Session, username: str, role: str, password: str | None, *,
                display_name: str | None = None, departments: tuple[str, ...] = (),
                supervisor: str | None = None, senior_agent: bool = False) -> UserInfo:
    """Add an account (administrators). ``password=None`` makes an account that cannot
    sign in until an administrator sets one."""
    require_admin(session)
    username = (username or "").strip()
    if not USERNAME_RE.match(username):
        raise ValidationError(
            "The user name must be 1 to 60 letters, digits or . _ - @, without spaces.",
            field="username")
    if role not in ROLES:
        raise ValidationError("Unknown role {role!r}; use clerk, supervisor, manager or admin.",
                              field="role", role=role)
    if password is not None:
        check_password_rules(password)
    with write_lock(database_proxy.obj):
        if User.select().where(User.username == username).exists():
            raise ValidationError("The user name {name} is already taken.", field="username",
                                  name=username)
        depts = [find_department(code) for code in departments]
        boss = None
        if supervisor:
            boss = User.get_or_none(User.username == supervisor)
            if boss is None:
                raise ValidationError("Unknown supervisor {name!r}.", field="supervisor",
                                      name=supervisor)
        now = session.now()
        user = User.create(
            username=username, display_name=(display_name or username).strip() or username,
            password_hash=hash_password(password) if password is not None else None,
            role=role, supervisor=boss, senior_agent=senior_agent, created_at=now,
            password_changed_at=now if password is not None else None)
        for dept in depts:
            UserDepartment.create(user=user, department=dept)
        audit.record(session, "user_create", "user", user.id, username_created=username,
                     role=role, departments=[d.code for d in depts])
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
        raise NotFound("No user named {name}.", name=username)
    return _info(user)


@service
def has_active_admin() -> bool:
    """Whether an administrator can sign in (else the program asks to create one). Reveals
    nothing personal, so it needs no session: it runs before anyone has signed in."""
    return (User.select().where(User.role == "admin", User.active,
                                User.password_hash.is_null(False)).exists())
