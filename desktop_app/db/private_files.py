"""Files only the signed-in user may read: on POSIX the program's folders are made 0700
and its files 0600 (database, backups, log, settings). Windows has no such modes here: the
files sit in the user's profile, whose ACLs keep other users out
(docs/rules.md#private-files). Errors (a shared folder that refuses chmod) are ignored: the
file is still written, only its mode is left as the folder gives it."""

from __future__ import annotations

import os
from pathlib import Path

POSIX = os.name == "posix"
FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_folder(path: str | Path) -> Path:
    """Create ``path`` (and missing parents) and make it 0700 on POSIX."""
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    if POSIX:
        try:
            os.chmod(folder, FOLDER_MODE)
        except OSError:
            pass
    return folder


def private_file(path: str | Path) -> Path:
    """Make an existing file 0600 on POSIX (nothing when it does not exist)."""
    file = Path(path)
    if POSIX:
        try:
            os.chmod(file, FILE_MODE)
        except OSError:
            pass
    return file


def private_database_files(database: str | Path) -> None:
    """The SQLite file and its companions (-wal, -shm, -journal) made 0600."""
    base = Path(database)
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = base.with_name(base.name + suffix)
        if candidate.exists():
            private_file(candidate)
