"""Writing .xlsx files: text cells that stay text, text an .xlsx file can hold, and saving
through a temporary file renamed into place. Shared by every workbook the program writes
(the exchange workbook, the report workbook, the audit log export, the import's problem
report); it imports no other service."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace
from typing import cast

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.domain.validation import UNSTORABLE_RE

# The parent of text cells made before their sheet exists (openpyxl only asks its title).
_DETACHED = SimpleNamespace(title="text")


def text_cell(ws: Worksheet | WriteOnlyWorksheet | None, value: str) -> Cell:
    """A cell holding ``value`` as text even when it looks like a formula or an error.
    Use each once: a write-only sheet may reuse an unstyled cell it was given."""
    parent = ws if ws is not None else cast(WriteOnlyWorksheet, _DETACHED)
    cell = WriteOnlyCell(parent, value=value)
    cell.data_type = "s"
    return cell


def clean_text(value: str | None) -> str | None:
    """Text as a cell holds it: None for empty, characters an .xlsx file cannot hold
    dropped (openpyxl refuses some; others, U+FFFF or a lone surrogate, would fail the
    whole workbook when it is saved)."""
    if not value:
        return None
    if not value.isprintable():  # every character dropped is unprintable: rarely looked at
        value = UNSTORABLE_RE.sub("", value)
    return value or None


def temporary_path(path: Path) -> Path:
    """Where a file is written before it is renamed into place (same folder)."""
    return path.with_name(f".{path.name}.{os.getpid()}.part")


def save_atomic(workbook: Workbook, path: Path, *, keep: bool = True) -> None:
    """Save ``workbook`` as ``path`` through a temporary file in the same folder that is
    renamed into place: a reader never sees half a file, and a failed save leaves the old
    file as it was. ``keep=False`` saves and drops it (a write-only workbook releases its
    temporary files only when saved): for a cancelled export."""
    partial = temporary_path(path)
    try:
        workbook.save(partial)
        if keep:
            os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
