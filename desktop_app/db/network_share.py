"""Is a folder on a network share? (docs/rules.md#one-pc-or-several)

SQLite's WAL mode does not work over a network filesystem and file locking over SMB/NFS is
unreliable, so the program refuses to keep its SQLite file there (``bootstrap``). This module
only answers the question; it has no Qt and no database.

- Windows: a UNC path (``\\\\server\\share\\…``, also ``\\\\?\\UNC\\server\\share\\…``) or a
  drive whose ``GetDriveTypeW`` is ``DRIVE_REMOTE`` (a mapped drive such as ``Z:``).
- Linux: the filesystem type of the folder's mount, read from ``/proc/self/mountinfo`` (the
  mount point that is the longest prefix of the resolved path); the types in
  ``NETWORK_FS_TYPES`` are network filesystems.
- macOS: the same from the output of ``mount`` (``… on /Volumes/x (smbfs, …)``).
- Elsewhere, or when the mount table cannot be read: not a share (nothing is refused).

The platform calls are parameters (``system``, ``mountinfo``, ``mount_output``,
``drive_type``), so the tests give recorded answers on any machine.
"""

from __future__ import annotations

import logging
import os
import platform
import re
import subprocess
from collections.abc import Callable
from pathlib import Path, PurePosixPath, PureWindowsPath

log = logging.getLogger(__name__)

# Filesystem types of network (or cluster) filesystems, as /proc/self/mountinfo and mount(8)
# name them.
NETWORK_FS_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "fuse.sshfs",
        "sshfs",
        "fuse.smbnetfs",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.gcsfuse",
        "fuse.glusterfs",
        "fuse.cephfs",
        "fuse.ceph",
        "9p",
        "afs",
        "coda",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "ocfs2",
        "gfs2",
        "beegfs",
        "davfs",
        "fuse.davfs2",
        "webdav",
        "afpfs",
        "fuse.afpfs",
    }
)

DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a network drive


def is_network_fs_type(fstype: str) -> bool:
    return fstype.lower() in NETWORK_FS_TYPES


# --- Windows ------------------------------------------------------------------------------


def is_unc(path: str) -> bool:
    """``\\\\server\\share\\…`` or ``\\\\?\\UNC\\server\\share\\…`` (either slash). The local
    device forms ``\\\\?\\C:\\…`` and ``\\\\.\\C:\\…`` are not UNC paths."""
    text = path.replace("/", "\\")
    if text.upper().startswith(("\\\\?\\UNC\\", "\\\\.\\UNC\\")):
        return True
    if text.startswith(("\\\\?\\", "\\\\.\\")):
        return False
    return text.startswith("\\\\") and len(text) > 2 and text[2] != "\\"


def windows_drive(path: str) -> str | None:
    """The drive root of a Windows path (``"Z:\\"``), None when it has none."""
    text = path.replace("/", "\\")
    if text.startswith(("\\\\?\\", "\\\\.\\")):
        text = text[4:]
    drive = PureWindowsPath(text).drive
    if len(drive) == 2 and drive[1] == ":":
        return drive.upper() + "\\"
    return None


def _get_drive_type(root: str) -> int:  # pragma: no cover - Windows only
    import ctypes

    windll = getattr(ctypes, "windll")  # noqa: B009 - absent from ctypes off Windows
    return int(windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))


def windows_network_folder(path: str, drive_type: Callable[[str], int] | None = None) -> bool:
    if is_unc(path):
        return True
    root = windows_drive(path)
    if root is None:
        return False
    try:
        return (drive_type or _get_drive_type)(root) == DRIVE_REMOTE
    except (OSError, AttributeError, ValueError) as exc:  # pragma: no cover - defensive
        log.warning("cannot tell the type of drive %s: %s", root, exc)
        return False


# --- Linux and macOS ------------------------------------------------------------------------

_OCTAL = re.compile(r"\\([0-7]{3})")


def _unescape(field: str) -> str:
    """mountinfo writes space, tab, newline and backslash in paths as ``\\040`` etc."""
    return _OCTAL.sub(lambda m: chr(int(m.group(1), 8)), field)


def parse_mountinfo(text: str) -> list[tuple[str, str]]:
    """``(mount point, filesystem type)`` of each line of ``/proc/self/mountinfo``:
    ``36 35 98:0 /root /mnt rw,noatime master:1 - nfs4 server:/export rw,…``."""
    mounts = []
    for line in text.splitlines():
        left, sep, right = line.partition(" - ")
        fields = left.split()
        after = right.split()
        if not sep or len(fields) < 5 or not after:
            continue
        mounts.append((_unescape(fields[4]), after[0]))
    return mounts


_MOUNT_LINE = re.compile(r"^.+? on (?P<point>.+) \((?P<type>[^,)]+)")


def parse_mount_output(text: str) -> list[tuple[str, str]]:
    """``(mount point, type)`` from macOS/BSD ``mount`` output:
    ``//li@nas/share on /Volumes/share (smbfs, nodev, nosuid, mounted by li)``."""
    mounts = []
    for line in text.splitlines():
        match = _MOUNT_LINE.match(line.strip())
        if match:
            mounts.append((match.group("point"), match.group("type").strip()))
    return mounts


def mount_type(path: str, mounts: list[tuple[str, str]]) -> str | None:
    """The filesystem type of the mount holding ``path`` (an absolute, resolved path): the
    mount point that is its longest prefix; a later line of the same point wins (it is
    mounted over the earlier one)."""
    target = PurePosixPath(path)
    best: tuple[int, str] | None = None
    for point, fstype in mounts:
        mount = PurePosixPath(point)
        if target == mount or mount in target.parents:
            depth = len(mount.parts)
            if best is None or depth >= best[0]:
                best = (depth, fstype)
    return best[1] if best else None


def _read_mountinfo() -> str | None:
    try:
        return Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _run_mount() -> str | None:  # pragma: no cover - macOS only
    try:
        done = subprocess.run(["/sbin/mount"], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def existing_folder(path: Path) -> Path:
    """``path`` or its nearest existing ancestor, resolved (a folder about to be made lives
    on its parent's filesystem)."""
    current = Path(os.path.abspath(path))
    while not current.exists() and current.parent != current:
        current = current.parent
    try:
        return current.resolve()
    except OSError:  # pragma: no cover - a share gone away
        return current


def network_folder(
    folder: str | Path,
    *,
    system: str | None = None,
    drive_type: Callable[[str], int] | None = None,
    mountinfo: str | None = None,
    mount_output: str | None = None,
) -> bool:
    """True when ``folder`` (existing or to be made) is on a network share.

    ``system`` is ``platform.system()``; the other parameters replace the platform calls
    (``GetDriveTypeW``, the text of ``/proc/self/mountinfo``, the output of ``mount``)."""
    system = system or platform.system()
    if system == "Windows":
        text = str(folder)
        if is_unc(text):
            return True
        if isinstance(folder, Path) and os.name == "nt":  # pragma: no cover - Windows only
            text = str(existing_folder(folder))  # a subst'ed or junctioned path, resolved
        return windows_network_folder(text, drive_type)
    if system == "Linux" or mountinfo is not None:
        path = str(existing_folder(Path(folder))) if mountinfo is None else str(folder)
        table = mountinfo if mountinfo is not None else _read_mountinfo()
        mounts = parse_mountinfo(table) if table else []
    elif system == "Darwin" or mount_output is not None:
        path = str(existing_folder(Path(folder))) if mount_output is None else str(folder)
        table = mount_output if mount_output is not None else _run_mount()
        mounts = parse_mount_output(table) if table else []
    else:
        return False
    fstype = mount_type(path, mounts)
    return fstype is not None and is_network_fs_type(fstype)


__all__ = [
    "NETWORK_FS_TYPES",
    "existing_folder",
    "is_network_fs_type",
    "is_unc",
    "mount_type",
    "network_folder",
    "parse_mount_output",
    "parse_mountinfo",
    "windows_network_folder",
]
