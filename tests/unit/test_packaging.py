"""The package a user installs with pip or pipx carries what the program loads at run time:
the compiled zh_CN catalogue, every icon with the app icon files, the style sheet
(build_backend/desktop_app_build.py maps the top-level resources/ into
desktop_app/resources), and the program finds them there (desktop_app/resource_files.py).
scripts/check-dist installs both artefacts into fresh environments in CI."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

from desktop_app import resource_files

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
# What every build must carry, relative to desktop_app/resources.
REQUIRED = (
    "translations/desktop_app_zh_CN.qm",
    "icons/app.svg",
    "icons/app.png",
    "icons/app.ico",
    "icons/LICENSE-lucide.txt",
    "style/app.qss",
    "style/check.svg",
)


def _backend():
    spec = importlib.util.spec_from_file_location(
        "desktop_app_build", ROOT / "build_backend" / "desktop_app_build.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _source_files() -> set[str]:
    """resources/ as the package must have it: the .ts replaced by its .qm."""
    names = set()
    for path in RESOURCES.rglob("*"):
        if path.is_file() and path.suffix != ".qm":
            name = path.relative_to(RESOURCES).as_posix()
            names.add(name[: -len(".ts")] + ".qm" if name.endswith(".ts") else name)
    return names


# The first bytes of every compiled Qt catalogue (.qm).
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")


def _translates(qm: bytes) -> bool:
    """A compiled catalogue with the program's Chinese name (translations are stored as
    UTF-16BE; read without Qt, as tests/unit does not import it)."""
    return qm.startswith(QM_MAGIC) and "投诉处理台".encode("utf-16-be") in qm


def test_the_build_copies_resources_with_the_catalogue_compiled(tmp_path):
    written = _backend().copy_resources(RESOURCES, tmp_path / "resources")
    names = {p.relative_to(tmp_path / "resources").as_posix() for p in written}
    assert names == _source_files()
    assert set(REQUIRED) <= names
    assert not any(name.endswith(".ts") for name in names)
    assert _translates((tmp_path / "resources/translations/desktop_app_zh_CN.qm").read_bytes())


def test_the_build_says_what_is_missing_without_lrelease(tmp_path, monkeypatch):
    backend = _backend()
    monkeypatch.setattr(backend, "find_lrelease", lambda: None)
    source = tmp_path / "resources"
    (source / "translations").mkdir(parents=True)
    (source / "translations" / "desktop_app_zh_CN.ts").write_text("<TS/>", encoding="utf-8")
    with pytest.raises(RuntimeError, match="no lrelease found"):
        backend.copy_resources(source, tmp_path / "out")
    # The build frontend is asked for PySide6's lrelease only when it is needed.
    monkeypatch.setattr(backend, "RESOURCES", str(source))
    assert backend._lrelease_requirements() == [backend.LRELEASE_REQUIREMENT]


def test_a_checkout_uses_its_top_level_resources():
    assert resource_files.resources_dir() == RESOURCES
    assert resource_files.candidates()[0] == ROOT / "desktop_app" / "resources"


def test_a_frozen_program_uses_its_bundled_resources(tmp_path, monkeypatch):
    (tmp_path / "resources" / "icons").mkdir(parents=True)
    (tmp_path / "resources" / "icons" / "app.svg").write_text("<svg/>", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    resource_files.resources_dir.cache_clear()
    try:
        assert resource_files.resources_dir() == tmp_path / "resources"
    finally:
        resource_files.resources_dir.cache_clear()


def test_the_wheel_lists_the_resource_files(tmp_path):
    """pip wheel (isolated, as a user runs it) over a copy of the sources."""
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "MANIFEST.in"):
        shutil.copy2(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("desktop_app", "resources", "build_backend"):
        shutil.copytree(ROOT / folder, source / folder, ignore=ignore)
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", str(tmp_path / "out"), "."],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    [wheel] = (tmp_path / "out").glob("desktop_app-*-py3-none-any.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        prefix = "desktop_app/resources/"
        resources = {n[len(prefix) :] for n in names if n.startswith(prefix)}
        assert resources == _source_files()
        assert set(REQUIRED) <= resources
        qm = archive.read(prefix + "translations/desktop_app_zh_CN.qm")
        [dist_info] = {n.split("/")[0] for n in names if ".dist-info/" in n}
        metadata = Parser().parsestr(archive.read(f"{dist_info}/METADATA").decode())
        entry_points = archive.read(f"{dist_info}/entry_points.txt").decode()
    assert _translates(qm)
    assert not any(n.endswith(".ts") for n in names)
    assert "desktop-app = desktop_app.cli:main" in entry_points
    assert metadata["Requires-Python"] == ">=3.11"
    assert metadata["License-Expression"]
    assert metadata.get_all("Project-URL") and metadata.get_all("Classifier")
