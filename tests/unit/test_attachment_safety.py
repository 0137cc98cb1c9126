"""Attachments are an allow-list checked by extension and content signature; names with
control or bidi characters are refused with the reason at the field
(docs/rules.md#attachments)."""

from __future__ import annotations

import pytest

from desktop_app.db.models import Complaint
from desktop_app.services import attachments, intake
from desktop_app.services.intake import FormInvalid
from tests.unit.test_intake import good_form


def test_a_bidi_override_name_is_refused_at_the_field(clerk_session, tmp_path):
    trick = tmp_path / "invoice\u202efdp.bat"
    trick.write_bytes(b"@echo off\r\nformat c:\r\n")
    with pytest.raises(FormInvalid) as info:
        intake.register_complaint(clerk_session, good_form(attachments=[str(trick)]))
    assert info.value.field == "attachments"
    assert "invisible" in info.value.message or "control" in info.value.message
    assert Complaint.select().count() == 0


@pytest.mark.parametrize(
    "name, content",
    [
        ("run.bat", b"@echo off\r\n"),
        ("setup.exe", b"MZ\x90\x00"),
        ("photo.jpg", b"MZ\x90\x00 an executable named like a photo"),
        ("scan.pdf", b"PK\x03\x04 not a pdf"),
    ],
)
def test_unlisted_types_and_wrong_signatures_are_refused(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    problem = attachments.check_file(str(path), 1 << 20)
    assert problem is not None
    assert name in problem


@pytest.mark.parametrize(
    "name, content",
    [
        ("photo.jpg", b"\xff\xd8\xff\xe0 jfif"),
        ("screen.png", b"\x89PNG\r\n\x1a\n...."),
        ("receipt.pdf", b"%PDF-1.7\n"),
        ("call.mp3", b"ID3\x04\x00"),
        ("call.wav", b"RIFF\x00\x00\x00\x00WAVEfmt "),
        ("note.txt", "客户来电记录\n".encode()),
        ("report.docx", b"PK\x03\x04\x14\x00"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
    ],
)
def test_listed_types_with_their_signature_are_accepted(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    assert attachments.check_file(str(path), 1 << 20) is None


def test_only_listed_types_are_opened_directly(tmp_path):
    assert attachments.safe_to_open("receipt.pdf")
    assert attachments.safe_to_open("photo.JPG")
    assert not attachments.safe_to_open("invoice\u202efdp.bat")
    assert not attachments.safe_to_open("tool.exe")
    assert not attachments.safe_to_open("notes.html")
