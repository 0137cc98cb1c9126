"""The audit log: append-only, written in the same transaction as the action."""

from __future__ import annotations

import json

from desktop_app.db.models import AuditLog
from desktop_app.services.session import Session


def record(session: Session | None, action: str, entity: str = "", entity_id: int | None = None,
           *, username: str | None = None, at=None, **details) -> AuditLog:
    return AuditLog.create(
        at=at or (session.now() if session else None) or AuditLog.at.default(),
        user=session.user_id if session else None,
        username=username if username is not None else (session.username if session else ""),
        action=action,
        entity=entity,
        entity_id=entity_id,
        details=json.dumps(details, ensure_ascii=False, default=str),
    )
