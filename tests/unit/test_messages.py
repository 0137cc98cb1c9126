"""Text written outside the UI is marked with ``msg("…")`` (desktop_app.domain.messages) in
a form pyside6-lupdate reads: scripts/update-translations runs lupdate alone, so a message
it cannot see is never translated."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import desktop_app
from desktop_app.domain.messages import MESSAGE_CONTEXT, msg
from desktop_app.services.errors import ServiceError

PACKAGE = Path(desktop_app.__file__).parent
# Template carriers other than the ServiceError classes: the template's argument index.
CARRIERS = {"FieldProblem": 1, "ImportProblem": 3, "Problem": 0, "_Bad": 0, "SettingValueError": 0}


def modules() -> list[tuple[Path, ast.Module]]:
    return [
        (path, ast.parse(path.read_text(encoding="utf-8"), str(path)))
        for path in sorted(PACKAGE.rglob("*.py"))
    ]


def where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"


def called_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def error_classes() -> set[str]:
    for info in pkgutil.walk_packages(desktop_app.services.__path__, "desktop_app.services."):
        importlib.import_module(info.name)
    found, todo = set(), [ServiceError]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return found


def test_msg_returns_the_text_and_has_one_context():
    assert msg("No such complaint.") == "No such complaint."
    assert MESSAGE_CONTEXT == ""  # lupdate's context of a bare QT_TR_NOOP-like call


def test_msg_marks_literal_text_only():
    """lupdate reads the literal at the call: an f-string, a name or ``"a" + b`` is not
    found, and ``module.msg("…")`` would be filed under a context named after the module."""
    problems = []
    for path, tree in modules():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or called_name(node) != "msg":
                continue
            if not isinstance(node.func, ast.Name):
                problems.append(f"{where(path, node)}: call msg() by its bare name")
            args = node.args
            if (
                len(args) != 1
                or node.keywords
                or not (isinstance(args[0], ast.Constant) and isinstance(args[0].value, str))
            ):
                problems.append(f"{where(path, node)}: msg() takes one literal string")
    assert not problems, "\n".join(problems)


def test_service_error_templates_are_marked():
    """A ServiceError (or template carrier) built from a bare literal would stay English."""
    positions = dict.fromkeys(error_classes(), 0) | CARRIERS
    problems = []
    for path, tree in modules():
        if path.parent.name == "ui":  # the UI passes translated or service text on
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or called_name(node) not in positions:
                continue
            index = positions[called_name(node)]
            template = node.args[index] if len(node.args) > index else None
            for keyword in node.keywords:
                if keyword.arg == "template":
                    template = keyword.value
            if isinstance(template, ast.JoinedStr) or (
                isinstance(template, ast.Constant) and isinstance(template.value, str)
            ):
                problems.append(f'{where(path, node)}: wrap the template in msg("…")')
    assert not problems, "\n".join(problems)
