"""A SQLite file on a network share is refused, said in words; for one PC it may stay there
on purpose (rollback journal); a second computer is kept out by the host lock
(docs/rules.md#one-pc-or-several)."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from desktop_app.bootstrap import prepare_database
from desktop_app.cli import main
from desktop_app.db import host_lock, network_share
from desktop_app.db.network_share import network_folder
from desktop_app.services import backup
from desktop_app.services.errors import NetworkShareRefused, OpenOnAnotherComputer

NETWORK_MESSAGE = "This folder is on a network share"

# --- detection, the platform calls replaced ---------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        r"\\server\share\complaints",
        r"\\nas.office.lan\公共\投诉",
        "//server/share/complaints",
        r"\\?\UNC\server\share\complaints",
        r"\\.\UNC\server\share",
    ],
)
def test_unc_paths_are_network_shares(path):
    assert network_folder(path, system="Windows", drive_type=lambda root: 3)


@pytest.mark.parametrize(
    ("path", "types", "shared"),
    [
        (r"Z:\share\complaints", {"Z:\\": 4}, True),  # DRIVE_REMOTE: a mapped drive
        ("z:/share", {"Z:\\": 4}, True),
        (r"\\?\Z:\share", {"Z:\\": 4}, True),
        (r"C:\Users\li\AppData\Local\complaint-desk", {"C:\\": 3}, False),  # DRIVE_FIXED
        (r"\\?\C:\data", {"C:\\": 3}, False),
        (r"E:\complaints", {"E:\\": 2}, False),  # DRIVE_REMOVABLE: a USB stick is local
    ],
)
def test_a_mapped_drive_is_a_network_share(path, types, shared):
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return types[root]

    assert network_folder(path, system="Windows", drive_type=drive_type) is shared
    assert asked == list(types)


# Lines as /proc/self/mountinfo writes them (recorded on Linux machines).
ROOT_LINE = "22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw,errors=remount-ro"
HOME_LINE = "30 22 259:3 / /home rw,relatime shared:2 - ext4 /dev/nvme0n1p3 rw"
NETWORK_LINES = {
    "nfs": "41 22 0:45 / /mnt/share rw,relatime shared:30 - nfs nas:/export rw,vers=3,addr=10.0.0.5",
    "nfs4": "41 22 0:45 / /mnt/share rw,relatime shared:30 - nfs4 nas:/export rw,vers=4.2",
    "cifs": "41 22 0:45 / /mnt/share rw,relatime shared:30 - cifs //nas/office rw,vers=3.1.1",
    "smb3": "41 22 0:45 / /mnt/share rw,relatime shared:30 - smb3 //nas/office rw,vers=3.0",
    "smbfs": "41 22 0:45 / /mnt/share rw,relatime - smbfs //li@nas/office rw",
    "fuse.sshfs": "41 22 0:45 / /mnt/share rw,nosuid,nodev shared:30 - fuse.sshfs li@host:/srv rw",
    "9p": "41 22 0:45 / /mnt/share rw,relatime shared:30 - 9p drvfs rw,aname=drvfs;path=Z:\\",
    "afs": "41 22 0:45 / /mnt/share rw,relatime shared:30 - afs AFS rw",
    "ceph": "41 22 0:45 / /mnt/share rw,relatime shared:30 - ceph 10.0.0.7:6789:/ rw,name=li",
    "glusterfs": "41 22 0:45 / /mnt/share rw shared:30 - fuse.glusterfs gl:/vol rw",
    "davfs": "41 22 0:45 / /mnt/share rw shared:30 - fuse.davfs2 https://dav/ rw",
}


def mountinfo(*lines: str) -> str:
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("fstype", sorted(NETWORK_LINES))
def test_each_network_filesystem_of_a_linux_mount_is_a_share(fstype):
    text = mountinfo(ROOT_LINE, HOME_LINE, NETWORK_LINES[fstype])
    assert network_folder("/mnt/share/office/complaints", mountinfo=text)
    assert network_folder("/mnt/share", mountinfo=text)
    assert not network_folder("/mnt/shared", mountinfo=text)  # a prefix of the name only
    assert not network_folder("/home/li/.local/share/complaint-desk", mountinfo=text)


def test_the_longest_mount_point_decides_and_escapes_are_read():
    text = mountinfo(
        ROOT_LINE,
        "50 22 0:50 / /home/li rw - nfs4 nas:/home/li rw",  # a network home directory
        "51 50 259:4 / /home/li/local\\040disk rw - ext4 /dev/sdb1 rw",
    )
    assert network_folder("/home/li/.local/share/complaint-desk", mountinfo=text)
    assert not network_folder("/home/li/local disk/complaints", mountinfo=text)
    assert not network_folder("/var/lib/complaints", mountinfo=text)


def test_a_local_ext4_path_is_not_refused(tmp_path):
    text = mountinfo(ROOT_LINE, HOME_LINE, "60 22 0:60 / /tmp rw - tmpfs tmpfs rw")
    assert not network_folder("/home/li/.local/share/complaint-desk", mountinfo=text)
    assert not network_folder("/tmp/complaints", mountinfo=text)
    # This machine's real answer for the test's own folder: local, so nothing is refused.
    assert not network_folder(tmp_path / "not" / "made" / "yet")


def test_macos_mount_output_is_read():
    output = (
        "/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)\n"
        "/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse)\n"
        "//li@nas._smb._tcp.local/office on /Volumes/office (smbfs, nodev, nosuid, mounted by li)\n"
        "nas:/export on /Volumes/nfs share (nfs, nodev, nosuid)\n"
    )
    assert network_folder("/Volumes/office/complaints", system="Darwin", mount_output=output)
    assert network_folder("/Volumes/nfs share/x", system="Darwin", mount_output=output)
    assert not network_folder("/Users/li/Library", system="Darwin", mount_output=output)


# --- refusing, and the override -----------------------------------------------------------


@pytest.fixture
def share(tmp_path, monkeypatch) -> Path:
    """A folder the detection calls a network share (everything under tmp_path/share)."""
    folder = tmp_path / "share"
    real = network_share.network_folder

    def fake(path, **kwargs):
        return Path(path) == folder or folder in Path(path).parents or real(path, **kwargs)

    monkeypatch.setattr(network_share, "network_folder", fake)
    return folder


def run(argv, monkeypatch, capsys, stdin=""):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_init_on_a_network_folder_exits_2_and_creates_nothing(share, monkeypatch, capsys):
    url = f"sqlite:///{share / 'office' / 'complaints.db'}"
    code, out, err = run(["--database", url, "init"], monkeypatch, capsys)
    assert code == 2
    assert NETWORK_MESSAGE in err and str(share / "office") in err
    assert "set up a shared PostgreSQL server" in err and "--allow-network-share" in err
    assert not share.exists()  # no folder, no file, no lock


def test_start_up_refuses_a_remembered_file_on_a_share(share):
    share.mkdir()
    sqlite3.connect(share / "complaints.db").close()
    with pytest.raises(NetworkShareRefused) as caught:
        prepare_database(f"sqlite:///{share / 'complaints.db'}")
    assert caught.value.message.startswith(f"{NETWORK_MESSAGE}: {share}.")
    assert not host_lock.lock_path(share / "complaints.db").exists()


def journal(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        conn.close()


def test_the_override_switches_to_the_rollback_journal(share, monkeypatch, capsys):
    path = share / "complaints.db"
    code, out, err = run(
        ["--database", f"sqlite:///{path}", "--allow-network-share", "init"], monkeypatch, capsys
    )
    assert code == 0, err
    assert "created database" in out
    assert journal(path) == "delete"  # not wal: no -wal/-shm files on the share
    assert not Path(f"{path}-wal").exists()
    # The GUI's way: the option on the URL (--database, DESKTOP_APP_DATABASE or remembered).
    db, info, _result = prepare_database(f"sqlite:///{path}?allow_network_share=1")
    try:
        assert info.on_network_share and info.allow_network_share and info.path == path
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    finally:
        db.close()
    # Opened without the option on a local folder it is WAL again.
    local, info, _ = prepare_database(f"sqlite:///{share.parent / 'local.db'}")
    try:
        assert not info.on_network_share
        assert local.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        local.close()


def test_restore_into_a_network_share_is_refused_but_a_backup_copy_there_is_fine(
    admin_session, db, share, monkeypatch
):
    if not isinstance(db, SqliteDatabase):
        pytest.skip("a SQLite file's folder; PostgreSQL is restored with pg_restore")
    copy = backup.create_backup(admin_session, share / "copies" / "today.db")
    assert copy.path.is_file()  # a copy on a share is just a file
    # The live database's folder a share (opened without the option): it is not replaced.
    monkeypatch.setattr(network_share, "network_folder", lambda path, **kwargs: True)
    with pytest.raises(backup.RestoreRefused) as caught:
        backup.restore_backup(admin_session, copy.path)
    assert caught.value.message.startswith(f"{NETWORK_MESSAGE}: {Path(db.database).parent}.")


# --- the host lock ------------------------------------------------------------------------


def other_host_record(path: Path, host: str, *, minutes_ago: float = 0.5) -> None:
    seen = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=minutes_ago)
    host_lock.lock_path(path).write_text(
        json.dumps(
            {
                "host": host,
                "pid": 4242,
                "started_at": "2026-12-01T01:30:00+00:00",
                "last_seen": seen.isoformat(timespec="seconds"),
            }
        ),
        encoding="utf-8",
    )


def test_a_second_computer_is_refused_with_the_holder_named(tmp_path, monkeypatch):
    path = tmp_path / "complaints.db"
    monkeypatch.setattr(host_lock, "this_host", lambda: "FRONT-DESK-PC")
    db, info, _ = prepare_database(f"sqlite:///{path}")
    db.close()
    record = json.loads(host_lock.lock_path(path).read_text(encoding="utf-8"))
    assert record["host"] == "FRONT-DESK-PC" and record["pid"] == os.getpid()
    # Another program on the same PC: fine (SQLite handles one PC's programs).
    again, _info, _ = prepare_database(f"sqlite:///{path}")
    again.close()
    # Another PC while the first one's record is fresh: refused, the holder named.
    monkeypatch.setattr(host_lock, "this_host", lambda: "back-office-pc")
    with pytest.raises(OpenOnAnotherComputer) as caught:
        prepare_database(f"sqlite:///{path}")
    since = host_lock.read(host_lock.lock_path(path)).since_text()
    assert caught.value.message.startswith(
        f"The database {path} is open on FRONT-DESK-PC (since {since})."
    )
    # The first PC exits: its record goes, and the other PC may open the file.
    monkeypatch.setattr(host_lock, "this_host", lambda: "FRONT-DESK-PC")
    host_lock.release(path)
    assert not host_lock.lock_path(path).exists()
    monkeypatch.setattr(host_lock, "this_host", lambda: "back-office-pc")
    db, _info, _ = prepare_database(f"sqlite:///{path}")
    db.close()
    assert host_lock.read(host_lock.lock_path(path)).host == "back-office-pc"
    host_lock.release(path)


def test_a_second_process_from_another_host_is_refused(sqlite_url, tmp_path):
    """A real second program: the record of another computer is there, fresh."""
    path = tmp_path / "test.db"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "desktop_app", "--database", sqlite_url]
    done = subprocess.run(command + ["init"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not host_lock.lock_path(path).exists()  # removed at exit
    other_host_record(path, "nas-office-2")
    done = subprocess.run(command + ["check"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    assert f"The database {path} is open on nas-office-2 (since " in done.stderr
    assert host_lock.read(host_lock.lock_path(path)).host == "nas-office-2"  # left alone


def test_a_stale_record_of_another_computer_is_taken_over(tmp_path):
    path = tmp_path / "complaints.db"
    other_host_record(path, "crashed-pc", minutes_ago=30)
    db, _info, _ = prepare_database(f"sqlite:///{path}")
    db.close()
    record = host_lock.read(host_lock.lock_path(path))
    assert record is not None and record.host == host_lock.this_host()
    host_lock.release(path)


def test_the_heartbeat_keeps_the_record_fresh(tmp_path, monkeypatch):
    path = tmp_path / "complaints.db"
    start = dt.datetime(2026, 12, 6, 8, 0, tzinfo=dt.timezone.utc)
    host_lock.acquire(path, now=start)
    later = start + dt.timedelta(minutes=4)
    host_lock.refresh(now=later)
    record = host_lock.read(host_lock.lock_path(path))
    assert record is not None and record.last_seen_time() == later
    assert record.started_at == start.isoformat(timespec="seconds")
    assert not host_lock.is_stale(record, later + dt.timedelta(minutes=4))
    assert host_lock.is_stale(record, later + dt.timedelta(minutes=6))
    host_lock.release(path)
    assert not host_lock.lock_path(path).exists()
