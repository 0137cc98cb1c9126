"""Backup, restore into a new file, and nothing changed: the consistency check says the same
and the exchange workbook has the same cells (issue #8, acceptance).

SQLite only: a restore of PostgreSQL is pg_restore's work (see test_backup.py)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import openpyxl

from desktop_app.cli import main

MANAGER_PASSWORD = "Quiet-harbour-47-lanterns"


def run(argv, monkeypatch, capsys, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def cells(path: Path) -> dict[str, list[list[tuple]]]:
    """Every sheet's cells as (value, number format), row by row.

    The exchange workbook has no generation-time cell; the only moment it records is the
    file's document properties (created/modified), which are not cells and not compared."""
    book = openpyxl.load_workbook(path)
    try:
        return {
            sheet.title: [[(c.value, c.number_format) for c in row] for row in sheet.iter_rows()]
            for sheet in book.worksheets
        }
    finally:
        book.close()


def test_backup_restored_into_a_new_file_checks_and_exports_the_same(tmp_path, monkeypatch, capsys):
    original = tmp_path / "office.db"
    restored = tmp_path / "elsewhere" / "restored.db"
    backup = tmp_path / "office-backup.db"
    first = ["--database", f"sqlite:///{original}"]
    second = ["--database", f"sqlite:///{restored}"]

    code, out, _ = run(first + ["demo", "--count", "200", "--seed", "1"], monkeypatch, capsys)
    assert code == 0 and "200 cases" in out
    # Unmasked exports are for managers (docs/rules.md#command-line): one goes with the backup.
    code, _, err = run(
        first + ["user", "add", "boss", "--role", "manager", "--password-stdin"],
        monkeypatch,
        capsys,
        MANAGER_PASSWORD + "\n",
    )
    assert code == 0, err
    code, out, _ = run(first + ["backup", "--out", str(backup)], monkeypatch, capsys)
    assert code == 0 and str(backup) in out
    assert not restored.exists()
    code, out, err = run(second + ["restore", str(backup)], monkeypatch, capsys)
    assert code == 0, err
    assert f"restored {restored}" in out

    code, check_original, _ = run(first + ["check"], monkeypatch, capsys)
    assert code == 0
    code, check_restored, _ = run(second + ["check"], monkeypatch, capsys)
    assert code == 0
    assert "all checks passed" in check_restored
    assert check_restored == check_original

    for flags in ([], ["--unmasked", "--user", "boss", "--password-stdin"]):
        name = "unmasked" if flags else "masked"
        books = []
        for base, label in ((first, "original"), (second, "restored")):
            out_file = tmp_path / f"{label}-{name}.xlsx"
            code, out, err = run(
                base + ["export-cases", "--out", str(out_file), *flags],
                monkeypatch,
                capsys,
                MANAGER_PASSWORD + "\n",
            )
            assert code == 0, err
            assert "200 complaints" in out
            books.append(cells(out_file))
        ours, theirs = books
        assert list(ours) == ["投诉登记", "进度跟踪", "满意度调查"]
        for sheet in ours:
            # Every sheet has rows below its header: the comparison is not of empty sheets.
            assert len(ours[sheet]) > 1, sheet
            assert len(theirs[sheet]) == len(ours[sheet]), sheet
            for row, (mine, restored_row) in enumerate(
                zip(ours[sheet], theirs[sheet], strict=True), start=1
            ):
                assert restored_row == mine, (name, sheet, row)
