"""The rules' home stays whole: every link into docs/rules.md the code makes names a
heading of docs/rules.md, and every module, function and test docs/rules.md names exists
(a renamed test or a moved module makes this fail, not a reader)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RULES = ROOT / "docs" / "rules.md"
LINK = re.compile(r"docs/rules\.md#([a-z0-9-]+)")
TEST_REF = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")
PATH_REF = re.compile(r"`((?:desktop_app/|tests/|scripts/|bench/)?[\w/]+\.py)`")


def _anchors(markdown: str) -> set[str]:
    """GitHub's anchors of the headings: lower case, spaces to hyphens, punctuation out."""
    anchors = set()
    for line in markdown.splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            anchors.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return anchors


def _tree_texts():
    for folder in ("desktop_app", "tests", "scripts", "bench"):
        for path in (ROOT / folder).rglob("*"):
            if (
                path.is_file()
                and path.suffix in ("", ".py", ".md")
                and "__pycache__" not in path.parts
            ):
                yield path, path.read_text(encoding="utf-8", errors="replace")
    for name in ("README.md", "ARCHITECTURE.md"):
        yield ROOT / name, (ROOT / name).read_text(encoding="utf-8")
    yield RULES, RULES.read_text(encoding="utf-8")


def test_anchor_reading_follows_github():
    assert _anchors("## Roles and access\n### Two rule sets\n## KPIs") == {
        "roles-and-access",
        "two-rule-sets",
        "kpis",
    }


def test_every_link_to_the_rules_resolves():
    anchors = _anchors(RULES.read_text(encoding="utf-8"))
    links = 0
    broken = []
    for path, text in _tree_texts():
        for anchor in LINK.findall(text):
            links += 1
            if anchor not in anchors:
                broken.append(f"{path.relative_to(ROOT)}: #{anchor}")
    assert links > 100  # the code does point there
    assert broken == []


def test_no_comment_points_outside_the_repository():
    stale = [
        str(path.relative_to(ROOT))
        for path, text in _tree_texts()
        if path.suffix == ".py" and re.search(r"SPEC ?§", text)
    ]
    assert stale == []


def test_the_tests_and_modules_the_rules_name_exist():
    text = RULES.read_text(encoding="utf-8")
    missing = []
    tests = TEST_REF.findall(text)
    for file, name in tests:
        path = ROOT / file
        if not path.exists() or not re.search(rf"def {name}\b", path.read_text(encoding="utf-8")):
            missing.append(f"{file}::{name}")
    modules = [m for m in PATH_REF.findall(text) if "/" in m]
    for module in modules:
        candidates = [ROOT / module, ROOT / "desktop_app" / module]
        if not any(c.exists() for c in candidates):
            missing.append(module)
    assert len(tests) > 50 and len(modules) > 20  # the rules do name their homes
    assert missing == []
