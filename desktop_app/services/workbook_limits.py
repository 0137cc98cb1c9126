"""Limits on a workbook before it is parsed: the sum of its parts' uncompressed sizes and
its overall compression ratio, read from the zip directory alone, so a small file that
unpacks to gigabytes (a "zip bomb") is refused at once with nothing changed
(docs/rules.md#import-limits). Used by the exchange import and the policy import."""

from __future__ import annotations

import zipfile
from pathlib import Path

from desktop_app.domain.messages import msg
from desktop_app.services.errors import ValidationError

MAX_UNCOMPRESSED_BYTES = 200 * 1048576
MAX_RATIO = 100
# Below this a ratio says nothing (a tiny workbook of empty cells compresses very well).
RATIO_FLOOR_BYTES = 10 * 1048576

TOO_BIG = msg(
    "{name} unpacks to {size:.0f} MB, more than the 200 MB a workbook may have; "
    "nothing was changed. Split it into smaller workbooks."
)
TOO_COMPRESSED = msg(
    "{name} is compressed {ratio:.0f}:1, more than the 100:1 a workbook may be "
    "(it may be built to exhaust the computer); nothing was changed."
)


def check_workbook(
    path: str | Path,
    *,
    field: str = "path",
    max_bytes: int = MAX_UNCOMPRESSED_BYTES,
    max_ratio: int = MAX_RATIO,
) -> None:
    """Raise ``ValidationError`` naming the file when its parts unpack to more than
    ``max_bytes`` or it is compressed more than ``max_ratio``:1. A file that is not a zip
    passes here (openpyxl then says why it cannot be read)."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    unpacked = sum(max(entry.file_size, 0) for entry in entries)
    packed = sum(max(entry.compress_size, 0) for entry in entries)
    if unpacked > max_bytes:
        raise ValidationError(TOO_BIG, field=field, name=path.name, size=unpacked / 1048576)
    if unpacked > RATIO_FLOOR_BYTES and unpacked > max_ratio * max(packed, 1):
        raise ValidationError(
            TOO_COMPRESSED, field=field, name=path.name, ratio=unpacked / max(packed, 1)
        )
