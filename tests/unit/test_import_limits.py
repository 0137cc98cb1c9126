"""A workbook whose parts unpack to too much (a "zip bomb") is refused from the zip
directory before openpyxl parses anything, naming the file; nothing changes
(docs/rules.md#import-limits)."""

from __future__ import annotations

import time
import zipfile

import pytest

from desktop_app.db.models import AuditLog, Complaint
from desktop_app.services import exchange_import, policy_workbook
from desktop_app.services.errors import ValidationError
from tests.helpers.fixtures import make_user


def bomb(path, shared_strings_mb: int = 116):
    """A small .xlsx whose sharedStrings part unpacks to ``shared_strings_mb`` MB."""
    from openpyxl import Workbook

    plain = path.with_name("plain.xlsx")
    wb = Workbook()
    wb.active.title = "投诉"
    wb.active["A1"] = "x"
    wb.save(plain)
    with (
        zipfile.ZipFile(plain) as src,
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as out,
    ):
        for item in src.infolist():
            out.writestr(item, src.read(item.filename))
        chunk = "<si><t>" + "A" * 1000 + "</t></si>"
        body = chunk * (shared_strings_mb * 1024)
        out.writestr(
            "xl/sharedStrings.xml",
            '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main">' + body + "</sst>",
        )
    return path


@pytest.fixture
def bomb_file(tmp_path):
    return bomb(tmp_path / "炸弹.xlsx")


def test_a_compressed_workbook_bomb_is_refused_quickly_naming_the_file(system_session, bomb_file):
    manager = make_user(system_session, "manager1", "manager", departments=())
    assert bomb_file.stat().st_size < 1_000_000
    before = (Complaint.select().count(), AuditLog.select().count())
    started = time.perf_counter()
    with pytest.raises(ValidationError) as info:
        exchange_import.import_workbook(manager, bomb_file, dry_run=True)
    assert time.perf_counter() - started < 2.0
    assert "炸弹.xlsx" in info.value.message
    assert "compress" in info.value.message or "MB" in info.value.message
    assert (Complaint.select().count(), AuditLog.select().count()) == before


def test_the_policy_import_uses_the_same_check(system_session, bomb_file):
    manager = make_user(system_session, "manager1", "manager", departments=())
    started = time.perf_counter()
    with pytest.raises(ValidationError) as info:
        policy_workbook.import_policy(manager, bomb_file)
    assert time.perf_counter() - started < 2.0
    assert "炸弹.xlsx" in info.value.message and "100:1" in info.value.message


def test_limits_are_read_from_the_zip_directory(tmp_path):
    from desktop_app.services import workbook_limits

    big = tmp_path / "big.xlsx"
    with zipfile.ZipFile(big, "w", compression=zipfile.ZIP_STORED) as out:
        out.writestr("xl/a.bin", b"\0" * 1024)
    workbook_limits.check_workbook(big)  # within the limits: nothing raised
    with pytest.raises(ValidationError, match="200 MB"):
        workbook_limits.check_workbook(big, max_bytes=512)
