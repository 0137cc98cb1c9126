"""Entry script for the PyInstaller build (build.spec): the `desktop-app` command."""

import gc
import os
import sys

# As desktop_app/__main__.py: no cyclic garbage collection while the modules load (about
# 15 ms of a start, docs/rules.md#start-up); cli.modules_loaded starts it again.
gc.disable()

from desktop_app.cli import main  # noqa: E402


def _restore_child_library_path() -> None:
    """On Linux PyInstaller's bootloader starts the program with its ``_internal`` folder on
    ``LD_LIBRARY_PATH`` (the original value saved in ``LD_LIBRARY_PATH_ORIG``). The program
    itself no longer needs the variable once started (the loader read it at start-up), but
    every child process inherits it: pg_dump, or xdg-open starting the file manager or a
    spreadsheet program, would then load the bundled OpenSSL, libstdc++ ... instead of the
    system's and may fail. Give children the user's own value back."""
    if not (getattr(sys, "frozen", False) and sys.platform.startswith("linux")):
        return
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is not None:
        os.environ["LD_LIBRARY_PATH"] = original
    else:
        os.environ.pop("LD_LIBRARY_PATH", None)


if __name__ == "__main__":
    _restore_child_library_path()
    raise SystemExit(main())
