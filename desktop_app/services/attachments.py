"""Attachments: files stored once by content (SHA-256) in a managed folder, and
recording IDs kept as text (截图/照片/录音编号).

Only an allow-list of types is accepted (images, PDF, office documents, audio, plain
text), by extension and by the file's first bytes (its signature); a name with control or
direction (bidi) characters is refused, since it can show ``invoice‮fdp.bat`` as a PDF.
Only listed types are handed to the system to open; anything else opens its folder
(docs/rules.md#attachments).

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
import unicodedata
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


# The first bytes a file of each kind starts with; (offset, bytes) pairs, any one matching.
_JPEG = ((0, b"\xff\xd8"),)
_ZIP = ((0, b"PK\x03\x04"),)
_OLE = ((0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),)
_ISO_MEDIA = ((4, b"ftyp"),)
TEXT = "text"  # no signature: UTF-8 or GB18030 text without NUL bytes
SIGNATURES: dict[str, tuple[tuple[int, bytes], ...] | str] = {
    # images
    ".jpg": _JPEG,
    ".jpeg": _JPEG,
    ".png": ((0, b"\x89PNG"),),
    ".gif": ((0, b"GIF87a"), (0, b"GIF89a")),
    ".bmp": ((0, b"BM"),),
    ".webp": ((8, b"WEBP"),),
    ".tif": ((0, b"II*\x00"), (0, b"MM\x00*")),
    ".tiff": ((0, b"II*\x00"), (0, b"MM\x00*")),
    ".heic": _ISO_MEDIA,
    # PDF
    ".pdf": ((0, b"%PDF-"),),
    # office documents
    ".docx": _ZIP,
    ".xlsx": _ZIP,
    ".pptx": _ZIP,
    ".odt": _ZIP,
    ".ods": _ZIP,
    ".odp": _ZIP,
    ".doc": _OLE,
    ".xls": _OLE,
    ".ppt": _OLE,
    ".wps": _OLE,
    ".et": _OLE,
    # audio
    ".mp3": ((0, b"ID3"), (0, b"\xff\xfb"), (0, b"\xff\xf3"), (0, b"\xff\xf2")),
    ".wav": ((8, b"WAVE"),),
    ".m4a": _ISO_MEDIA,
    ".aac": ((0, b"\xff\xf1"), (0, b"\xff\xf9"), (0, b"ADIF")),
    ".amr": ((0, b"#!AMR"),),
    ".ogg": ((0, b"OggS"),),
    ".flac": ((0, b"fLaC"),),
    ".wma": ((0, b"\x30\x26\xb2\x75\x8e\x66\xcf\x11"),),
    # plain text
    ".txt": TEXT,
    ".csv": TEXT,
}
_HEAD_BYTES = 4096

UNSAFE_NAME = msg(
    "{name}: the file name contains invisible control or direction characters, which can "
    "disguise the file's type; rename the file and attach it again."
)
NOT_ALLOWED = msg(
    "{name}: files of type {ext} cannot be attached; allowed are images, PDF, office "
    "documents, audio and plain text."
)
WRONG_CONTENT = msg(
    "{name}: the content is not that of a {ext} file (it may be a disguised program); "
    "it cannot be attached."
)


def has_hidden_characters(name: str) -> bool:
    """Control, format (bidi overrides, zero-width) or line-separator characters."""
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name)


def shown_name(name: str) -> str:
    """The name with hidden characters made visible (as U+XXXX), for messages."""
    return "".join(
        f"<U+{ord(ch):04X}>" if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch
        for ch in name
    )


def safe_to_open(filename: str) -> bool:
    """Whether a stored file may be handed to the system's program for its type: a listed
    type and a plain name. Anything else is shown in its folder instead."""
    return not has_hidden_characters(filename) and Path(filename).suffix.lower() in SIGNATURES


def _content_matches(head: bytes, expected: tuple[tuple[int, bytes], ...] | str) -> bool:
    if isinstance(expected, str):  # TEXT
        if b"\x00" in head:
            return False
        for encoding in ("utf-8", "gb18030"):
            try:
                head.decode(encoding)
                return True
            except UnicodeDecodeError as exc:
                if exc.start >= len(head) - 4:  # a character cut at the end of the sample
                    return True
        return False
    return any(head[offset : offset + len(magic)] == magic for offset, magic in expected)


def check_file(path: str, max_bytes: int) -> Problem | None:
    """None when the file can be attached, else the reason (English, carrying its
    template and parameters: see ``desktop_app.domain.validation.Problem``)."""
    file = Path(path)
    name = file.name or str(path)
    if has_hidden_characters(name):
        return Problem(UNSAFE_NAME, name=shown_name(name))
    if not file.is_file():
        return Problem(msg("{name}: the file does not exist or is not a file."), name=name)
    try:
        size = file.stat().st_size
        with open(file, "rb") as handle:
            head = handle.read(_HEAD_BYTES)
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
    ext = file.suffix.lower()
    expected = SIGNATURES.get(ext)
    if expected is None:
        return Problem(NOT_ALLOWED, name=name, ext=ext or "(none)")
    if not _content_matches(head, expected):
        return Problem(WRONG_CONTENT, name=name, ext=ext)
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
