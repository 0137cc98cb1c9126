"""Attachments: files stored once by content (SHA-256) in a managed folder, and
recording IDs kept as text (截图/照片/录音编号).

The folder is the ``attachments.folder`` setting when set (a shared network folder when
several PCs use one PostgreSQL database), else ``attachments/`` next to the SQLite file,
else in the user's data folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from desktop_app.db.connection import data_dir, is_sqlite
from desktop_app.db.models import Attachment, database_proxy
from desktop_app.domain.messages import msg
from desktop_app.domain.validation import Problem
from desktop_app.domain.vocab import split_multi
from desktop_app.services import settings as settings_service

CHUNK = 1 << 20


@dataclass(frozen=True)
class StoredFile:
    filename: str
    sha256: str
    size: int
    mime_type: str | None


def attachment_folder() -> Path:
    configured = str(settings_service.get("attachments.folder") or "").strip()
    if configured:
        return Path(configured)
    db = database_proxy.obj
    if is_sqlite(db):
        return Path(db.database).resolve().parent / "attachments"
    return data_dir() / "attachments"


def stored_path(sha256: str, filename: str) -> Path:
    suffix = Path(filename).suffix.lower()[:10]
    return attachment_folder() / sha256[:2] / f"{sha256}{suffix}"


def check_file(path: str, max_bytes: int) -> Problem | None:
    """None when the file can be attached, else the reason (English, carrying its
    template and parameters: see ``desktop_app.domain.validation.Problem``)."""
    file = Path(path)
    name = file.name or str(path)
    if not file.is_file():
        return Problem(msg("{name}: the file does not exist or is not a file."), name=name)
    try:
        size = file.stat().st_size
        with open(file, "rb") as handle:
            handle.read(1)
    except OSError as exc:
        return Problem(
            msg("{name}: the file cannot be read ({reason})."),
            name=name,
            reason=str(exc.strerror or exc),
        )
    if size > max_bytes:
        return Problem(
            msg("{name}: {size:.1f} MB is larger than the {limit:.0f} MB allowed."),
            name=name,
            size=size / 1048576,
            limit=max_bytes / 1048576,
        )
    return None


def store_file(path: str) -> StoredFile:
    """Copy a file into the managed folder under its SHA-256 (once per content)."""
    source = Path(path)
    digest = hashlib.sha256()
    with open(source, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    sha = digest.hexdigest()
    target = stored_path(sha, source.name)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        os.close(fd)
        try:
            shutil.copyfile(source, temporary)
            os.replace(temporary, target)
        finally:
            if os.path.exists(temporary):
                os.remove(temporary)
    return StoredFile(source.name, sha, source.stat().st_size, mimetypes.guess_type(source.name)[0])


def add_rows(
    complaint_id: int,
    user_id: int | None,  # a session's; None (the command line) the column refuses
    files: list[StoredFile],
    recording_ids: str,
    now: dt.datetime,
    progress_entry_id: int | None = None,
) -> int:
    """Attachment rows for stored files and recording IDs; call inside the transaction."""
    count = 0
    for stored in files:
        Attachment.create(
            complaint=complaint_id,
            progress_entry=progress_entry_id,
            kind="file",
            filename=stored.filename,
            sha256=stored.sha256,
            size=stored.size,
            mime_type=stored.mime_type,
            added_by=user_id,
            added_at=now,
        )
        count += 1
    for ref in split_multi(recording_ids):
        Attachment.create(
            complaint=complaint_id,
            progress_entry=progress_entry_id,
            kind="recording",
            filename=ref,
            recording_ref=ref,
            added_by=user_id,
            added_at=now,
        )
        count += 1
    return count
