"""The package build (PEP 517 in-tree backend): setuptools, plus the program's resources.

``pyproject.toml`` names this module as the build backend (``backend-path``). It is
setuptools' own backend with three additions:

* ``build_py`` copies the repository's top-level ``resources/`` (icons, the app icon
  files, the style sheet, translations) into the package as ``desktop_app/resources/``, so
  a wheel carries them; the translation sources (``.ts``) are replaced by the compiled
  catalogues (``.qm``), so an installed program never needs Qt's tools. An editable
  install copies nothing: it reads the checkout's ``resources/``.
* ``sdist`` adds the compiled ``.qm`` to the source archive beside the ``.ts``, so a wheel
  built from the sdist needs no Qt tools either.
* ``get_requires_for_build_wheel``/``_sdist`` ask the frontend for PySide6-Essentials (its
  ``lrelease``) only when a ``.ts`` has no up-to-date ``.qm`` beside it and no
  ``pyside6-lrelease`` can be found: a checkout after ``scripts/setup`` and the sdist
  build without downloading Qt.

The program finds the files with ``desktop_app.resource_files.resources_dir()``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
from pathlib import Path

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F403 - the PEP 517 hooks not changed here
from setuptools.command.build_py import build_py as _build_py
from setuptools.command.sdist import sdist as _sdist

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = "resources"
PACKAGE_RESOURCES = Path("desktop_app") / "resources"
# The lrelease of the PySide6 the program runs on (the same pin as its dependencies).
LRELEASE_REQUIREMENT = "PySide6-Essentials>=6.7,<6.12"
SKIPPED_SUFFIXES = {".ts", ".pyc", ".pro"}


def _fresh_qm(ts: Path) -> Path | None:
    """The compiled catalogue beside ``ts`` when it is at least as new as the source."""
    qm = ts.with_suffix(".qm")
    if qm.is_file() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    return None


def _stale_sources(source: Path) -> list[Path]:
    return [ts for ts in sorted((source / "translations").glob("*.ts")) if _fresh_qm(ts) is None]


def find_lrelease() -> str | None:
    """PySide6's lrelease in the build environment, else ``pyside6-lrelease`` or Qt's
    ``lrelease`` on the PATH."""
    try:
        import PySide6  # type: ignore[import-not-found]
    except ImportError:
        pass
    else:
        folder = Path(PySide6.__file__).parent
        for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
            if (folder / name).is_file():
                return str(folder / name)
    scripts = sysconfig.get_path("scripts")
    return (
        shutil.which("pyside6-lrelease", path=scripts)
        or shutil.which("pyside6-lrelease")
        or shutil.which("lrelease")
    )


def compile_catalogue(ts: Path, qm: Path) -> None:
    """``ts`` compiled into ``qm`` (the up-to-date ``.qm`` beside it copied when there is
    one); fails with a clear message when that needs lrelease and there is none."""
    qm.parent.mkdir(parents=True, exist_ok=True)
    if qm.exists() or qm.is_symlink():
        qm.unlink()  # sdist trees hard-link the checkout's files: never write through them
    fresh = _fresh_qm(ts)
    if fresh is not None:
        shutil.copy2(fresh, qm)
        return
    lrelease = find_lrelease()
    if lrelease is None:
        raise RuntimeError(
            f"cannot compile {ts.name}: no lrelease found. Install {LRELEASE_REQUIREMENT!r} "
            "into the build environment (pip and python -m build do so by themselves), or "
            "run scripts/setup, which compiles the .qm beside the .ts"
        )
    # A pyside6-lrelease script of another environment runs on that environment's Python:
    # without the build environment's PYTHONPATH (pip's isolation), which would hide its
    # PySide6.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    result = subprocess.run(
        [lrelease, str(ts), "-qm", str(qm)], capture_output=True, text=True, timeout=120, env=env
    )
    if result.returncode != 0 or not qm.is_file():
        raise RuntimeError(f"{lrelease} failed on {ts}:\n{result.stdout}{result.stderr}")


def copy_resources(source: Path, target: Path) -> list[Path]:
    """``source`` (the ``resources/`` folder) copied into ``target``, the ``.ts`` compiled
    to ``.qm``. Returns the files written."""
    written = []
    for path in sorted(source.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix in SKIPPED_SUFFIXES:
            continue
        if path.suffix == ".qm" and path.with_suffix(".ts").is_file():
            continue  # compiled afresh (or copied when up to date) below
        dest = target / path.relative_to(source)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest)
        written.append(dest)
    for ts in sorted((source / "translations").glob("*.ts")):
        qm = target / "translations" / ts.with_suffix(".qm").name
        compile_catalogue(ts, qm)
        written.append(qm)
    return written


class BuildPy(_build_py):
    """setuptools' build_py, plus ``resources/`` as ``desktop_app/resources``."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # the editable install reads the checkout's resources/ directly
        source = Path(RESOURCES)
        if not (source / "icons").is_dir():
            raise RuntimeError(f"no {RESOURCES}/icons in {Path.cwd()}: cannot build the package")
        target = Path(self.build_lib) / PACKAGE_RESOURCES
        if target.exists():
            shutil.rmtree(target)  # no file of an earlier build left over
        self._resources = copy_resources(source, target)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        return [*super().get_outputs(include_bytecode), *map(str, getattr(self, "_resources", []))]


class Sdist(_sdist):
    """setuptools' sdist, plus the compiled ``.qm`` beside each ``.ts``."""

    def make_release_tree(self, base_dir: str, files: list[str]) -> None:
        super().make_release_tree(base_dir, files)
        for ts in sorted((Path(RESOURCES) / "translations").glob("*.ts")):
            compile_catalogue(ts, Path(base_dir) / ts.with_suffix(".qm"))


def _lrelease_requirements() -> list[str]:
    source = Path(RESOURCES)
    if not source.is_dir():
        source = ROOT / RESOURCES
    if _stale_sources(source) and find_lrelease() is None:
        return [LRELEASE_REQUIREMENT]
    return []


def get_requires_for_build_wheel(config_settings=None):
    return [*_setuptools.get_requires_for_build_wheel(config_settings), *_lrelease_requirements()]


def get_requires_for_build_sdist(config_settings=None):
    return [*_setuptools.get_requires_for_build_sdist(config_settings), *_lrelease_requirements()]
