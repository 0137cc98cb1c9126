"""Role checks (docs/rules.md#roles-and-access). Every service calls one of these before it touches
data."""

from __future__ import annotations

from desktop_app.domain.messages import msg
from desktop_app.services.errors import PermissionDenied
from desktop_app.services.session import Session

ROLE_RANK = {"clerk": 1, "supervisor": 2, "manager": 3, "admin": 3}


def require_role(session: Session, *roles: str) -> None:
    if session.role not in roles:
        raise PermissionDenied(
            msg("Your role ({role}) may not do this; it needs: {needed}."),
            role=session.role,
            needed=", ".join(roles),
        )


def require_staff(session: Session) -> None:
    """Any signed-in role that handles complaints."""
    require_role(session, "clerk", "supervisor", "manager", "admin")


def require_manager(session: Session) -> None:
    require_role(session, "manager", "admin")


def require_admin(session: Session) -> None:
    require_role(session, "admin")
