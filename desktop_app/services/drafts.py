"""The unsaved intake form of the signed-in user, kept in the database (never a plain
file: docs/rules.md#private-files). One draft per user; only its owner reads it."""

from __future__ import annotations

import json
from typing import Any

from desktop_app.db.connection import write_lock
from desktop_app.db.models import IntakeDraft, User, database_proxy
from desktop_app.services.errors import service
from desktop_app.services.permissions import require_staff
from desktop_app.services.session import Session


@service
def save_draft(session: Session, values: dict[str, Any]) -> None:
    """Keep (replace) the session user's intake draft."""
    require_staff(session)
    form = json.dumps(values, ensure_ascii=False, default=str)
    with write_lock(database_proxy.obj):
        if not User.select().where(User.id == session.user_id).exists():
            return  # the account is gone (or another database is open): nothing to keep
        updated = (
            IntakeDraft.update(form=form, saved_at=session.now())
            .where(IntakeDraft.user == session.user_id)
            .execute()
        )
        if not updated:
            IntakeDraft.create(user=session.user_id, form=form, saved_at=session.now())


@service
def load_draft(session: Session) -> dict[str, Any] | None:
    """The session user's draft, None when there is none (or it cannot be read)."""
    require_staff(session)
    row = IntakeDraft.get_or_none(IntakeDraft.user == session.user_id)
    if row is None:
        return None
    try:
        values = json.loads(row.form)
    except ValueError:
        return None
    return values if isinstance(values, dict) else None


@service
def discard_draft(session: Session) -> None:
    require_staff(session)
    with write_lock(database_proxy.obj):
        IntakeDraft.delete().where(IntakeDraft.user == session.user_id).execute()
