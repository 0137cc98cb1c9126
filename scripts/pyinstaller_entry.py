"""Entry script for the PyInstaller build (build.spec): the `desktop-app` command."""

from desktop_app.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
