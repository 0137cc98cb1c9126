#!/usr/bin/env python3
"""Messages of the zh_CN catalogue that ``pyside6-lupdate`` cannot find by itself.

lupdate finds ``self.tr("…")`` and ``QCoreApplication.translate("Context", "…")`` with
literal text. It does not find:

* service error templates (``ServiceError`` context, translated by
  ``desktop_app.ui.i18n.service_message``): the first argument of every ``ServiceError``
  subclass call (``ValidationError(…)``, ``NotFound(…)``, ``CaseConflict``'s own
  ``super().__init__(…)`` …), ``FieldProblem`` templates, text handed to helpers that raise
  them (``_text(value, field, "…")``, ``bad(field, "…")``), the strings returned by
  ``desktop_app.domain.validation`` checks, ``_DB_MESSAGES`` and the "{key}: " +
  ``SettingValueError`` templates — read with ``ast`` from desktop_app/services, db and
  domain;
* the exchange import's problem reasons (``ImportProblem``, ``_Bad`` and the validator's
  ``error(…)``: English templates with parameters, translated by the import dialog in the
  ``ServiceError`` context);
* UI text whose context or text is not a literal at the call: ``tr = QCoreApplication.
  translate`` aliases (lupdate misreads ``tr("Context", "text")`` as text "Context"),
  one-line wrappers such as ``_tr(text)`` in intake_print.py, ``self.tr(APP_NAME)``, and
  the setting labels translated in the ``Settings`` context.

Two steps around lupdate (scripts/update-translations runs all of it)::

    extract_service_messages.py source OUT.py   # OUT.py: one translate() call per message
    pyside6-lupdate desktop_app/ui/*.py desktop_app/ui/*/*.py OUT.py -ts TS -locations absolute …
    extract_service_messages.py fix TS OUT.py   # real file/line locations instead of
                                                # OUT.py's, lupdate's misread alias calls
                                                # dropped

Template expressions that cannot be resolved (f-strings, computed text) are listed on
stderr: those messages stay English until the code passes a literal template.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import os
import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desktop_app"
SERVICE_DIRS = ("services", "db", "domain")
UI_DIR = "ui"
SERVICE_CONTEXT = "ServiceError"
# Classes whose first argument is a service error template (their subclasses are found).
ERROR_ROOTS = {"ServiceError"}
# Other constructors that carry a template for the ServiceError context: argument index.
# The exchange import's problems (ImportProblem(sheet, row, column, template, params), the
# cell parsers' _Bad(template, **params), _Validator.error(sheet, row, column, template …)
# that forwards its template to ImportProblem) keep the English template and its
# parameters; the import dialog translates the template in the ServiceError context.
# desktop_app.domain.validation's Problem(template, **params) is what its checks (and
# attachments.check_file) return: a template carrier that is also a returned value.
TEMPLATE_CARRIERS = {"FieldProblem": 1, "ImportProblem": 3, "_Bad": 0, "Problem": 0}
GENERATED_NAME = "_lupdate_extracted_messages.py"


@dataclass
class Message:
    context: str
    source: str
    locations: set[tuple[str, int]] = field(default_factory=set)


class Catalogue:
    def __init__(self) -> None:
        self.messages: dict[tuple[str, str], Message] = {}
        self.warnings: list[str] = []
        # (file, lupdate's misread source, misread comment) of alias calls
        self.misread: set[tuple[str, str, str]] = set()

    def add(self, context: str, source: str, path: Path, line: int) -> None:
        if not source.strip():
            return
        key = (context, source)
        message = self.messages.setdefault(key, Message(context, source))
        message.locations.add((str(path.relative_to(ROOT)), line))

    def warn(self, path: Path, node: ast.AST, text: str) -> None:
        warning = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}: {text}"
        if warning not in self.warnings:
            self.warnings.append(warning)


# --- a module's syntax tree with parents and scopes ---------------------------------------


class Module:
    def __init__(self, path: Path):
        self.path = path
        self.name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        self.tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        self.parent: dict[ast.AST, ast.AST] = {}
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parent[child] = node
        self.functions: dict[str, list[ast.FunctionDef]] = {}
        self.constants: dict[str, ast.expr] = {}
        self.imports: dict[str, tuple[str, str | None]] = {}  # alias -> (module, name)
        for node in ast.walk(self.tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                self.functions.setdefault(node.name, []).append(node)
        for node in self.tree.body:
            if (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
            ):
                self.constants[node.targets[0].id] = node.value
            elif (
                isinstance(node, ast.AnnAssign)
                and isinstance(node.target, ast.Name)
                and node.value is not None
            ):
                self.constants[node.target.id] = node.value
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    self.imports[alias.asname or alias.name] = (node.module, alias.name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    self.imports[alias.asname or alias.name] = (alias.name, None)

    def enclosing(self, node: ast.AST, kinds) -> ast.AST | None:
        node = self.parent.get(node)
        while node is not None and not isinstance(node, kinds):
            node = self.parent.get(node)
        return node

    def function_of(self, node: ast.AST):
        return self.enclosing(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))


def call_name(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def parameters(func) -> list[str]:
    args = func.args
    return [a.arg for a in (*args.posonlyargs, *args.args, *args.kwonlyargs)]


def argument(call: ast.Call, index: int | None, name: str | None) -> ast.expr | None:
    if (
        index is not None
        and len(call.args) > index
        and not any(isinstance(a, ast.Starred) for a in call.args[: index + 1])
    ):
        return call.args[index]
    for keyword in call.keywords:
        if keyword.arg is not None and keyword.arg == name:
            return keyword.value
    return None


# --- the ServiceError templates ---------------------------------------------------------


class Unresolved(Exception):
    pass


class Forwarded(Exception):
    """The template is a parameter of ``function``: its callers hold the text."""

    def __init__(self, function, parameter: str):
        self.function = function
        self.parameter = parameter


class ServiceScanner:
    def __init__(self, modules: list[Module], catalogue: Catalogue):
        self.modules = modules
        self.by_name = {m.name: m for m in modules}
        self.catalogue = catalogue
        self.error_classes = set(ERROR_ROOTS)
        self.own_init: set[str] = set()  # error classes with their own __init__
        self._class_templates: dict[str, set[str]] = {}
        self._seen_forward: set[tuple[int, str]] = set()
        self._find_error_classes()

    def _find_error_classes(self) -> None:
        classes = [
            (m, node)
            for m in self.modules
            for node in ast.walk(m.tree)
            if isinstance(node, ast.ClassDef)
        ]
        changed = True
        while changed:
            changed = False
            for _module, node in classes:
                bases = {
                    b.id if isinstance(b, ast.Name) else getattr(b, "attr", None)
                    for b in node.bases
                }
                if node.name not in self.error_classes and bases & self.error_classes:
                    self.error_classes.add(node.name)
                    changed = True
        for _module, node in classes:
            if node.name in self.error_classes and any(
                isinstance(s, ast.FunctionDef) and s.name == "__init__" for s in node.body
            ):
                self.own_init.add(node.name)

    # evaluation of a template expression to the strings it can be
    def values(self, module: Module, expr: ast.expr, depth: int = 0) -> set[str]:
        if depth > 12:
            raise Unresolved("too deep")
        if isinstance(expr, ast.Constant):
            if isinstance(expr.value, str):
                return {expr.value}
            if expr.value is None:
                return set()
            raise Unresolved(f"constant {expr.value!r}")
        if isinstance(expr, ast.JoinedStr):
            raise Unresolved("an f-string (the text is built before translation)")
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            left = self.values(module, expr.left, depth + 1)
            right = self.values(module, expr.right, depth + 1)
            return {a + b for a in left for b in right}
        if isinstance(expr, ast.IfExp):
            return self.values(module, expr.body, depth + 1) | self.values(
                module, expr.orelse, depth + 1
            )
        if isinstance(expr, ast.BoolOp):
            return set().union(*(self.values(module, v, depth + 1) for v in expr.values))
        if isinstance(expr, ast.Name):
            return self._name_values(module, expr, depth)
        if isinstance(expr, ast.Call):
            carrier = call_name(expr)
            if carrier in TEMPLATE_CARRIERS:  # return Problem("…", value=part)
                inner = argument(expr, TEMPLATE_CARRIERS[carrier], "template")
                return set() if inner is None else self.values(module, inner, depth + 1)
            return self._call_values(module, expr, depth)
        if (
            isinstance(expr, ast.Attribute)
            and expr.attr == "template"
            and isinstance(expr.value, ast.Name)
        ):
            handler = self._except_handler(module, expr, expr.value.id)
            if handler is not None:
                return self.class_templates(handler)
        raise Unresolved(ast.unparse(expr))

    def _name_values(self, module: Module, expr: ast.Name, depth: int) -> set[str]:
        name = expr.id
        func = module.function_of(expr)
        while func is not None:
            if not isinstance(func, ast.Lambda):
                assigned = [
                    n.value
                    for n in ast.walk(func)
                    if isinstance(n, ast.Assign)
                    and module.function_of(n) is func
                    and any(isinstance(t, ast.Name) and t.id == name for t in n.targets)
                ]
                if assigned:
                    return set().union(*(self.values(module, v, depth + 1) for v in assigned))
                loop = self._loop_values(module, func, name, depth)
                if loop is not None:
                    return loop
            if name in parameters(func):
                raise Forwarded(func, name)
            func = module.function_of(func)
        if name in module.constants:
            return self.values(module, module.constants[name], depth + 1)
        if name in module.imports:
            source, attr = module.imports[name]
            other = self.by_name.get(source)
            if other is not None and attr in other.constants:
                return self.values(other, other.constants[attr], depth + 1)
        raise Unresolved(name)

    def _loop_values(self, module: Module, func, name: str, depth: int) -> set[str] | None:
        """``for a, b in TABLE:`` over a module-level tuple of tuples."""
        for node in ast.walk(func):
            if not isinstance(node, ast.For) or not isinstance(node.target, ast.Tuple):
                continue
            names = [t.id if isinstance(t, ast.Name) else None for t in node.target.elts]
            if name not in names or not isinstance(node.iter, ast.Name):
                continue
            table = module.constants.get(node.iter.id)
            if not isinstance(table, ast.Tuple | ast.List):
                raise Unresolved(f"loop over {node.iter.id}")
            index = names.index(name)
            result: set[str] = set()
            for row in table.elts:
                if isinstance(row, ast.Tuple) and len(row.elts) > index:
                    result |= self.values(module, row.elts[index], depth + 1)
            return result
        return None

    def _call_values(self, module: Module, call: ast.Call, depth: int) -> set[str]:
        func = call.func
        # {int: "a", float: "b"}.get(kind, "c")
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "get"
            and isinstance(func.value, ast.Dict)
        ):
            result = set().union(*(self.values(module, v, depth + 1) for v in func.value.values))
            if len(call.args) > 1:
                result |= self.values(module, call.args[1], depth + 1)
            return result
        # a function returning templates: validation.check_contact(...), check(...)
        target_module, target_name = module, None
        if isinstance(func, ast.Name):
            target_name = func.id
            if func.id in module.imports and func.id not in module.functions:
                source, attr = module.imports[func.id]
                target_module, target_name = self.by_name.get(source), attr
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            imported = module.imports.get(func.value.id)
            if imported:
                source, attr = imported
                full = f"{source}.{attr}" if attr else source
                target_module, target_name = self.by_name.get(full), func.attr
        if target_module is not None and target_name in target_module.functions:
            result: set[str] = set()
            for definition in target_module.functions[target_name]:
                for node in ast.walk(definition):
                    if (
                        isinstance(node, ast.Return)
                        and node.value is not None
                        and target_module.function_of(node) is definition
                    ):
                        try:
                            result |= self.values(target_module, node.value, depth + 1)
                        except Unresolved as exc:
                            self.catalogue.warn(
                                target_module.path, node, f"returned template not literal: {exc}"
                            )
            return result
        raise Unresolved(ast.unparse(call))

    def _except_handler(self, module: Module, node: ast.AST, name: str) -> str | None:
        handler = module.enclosing(node, ast.ExceptHandler)
        while handler is not None:
            if handler.name == name and handler.type is not None:
                kind = handler.type
                return kind.id if isinstance(kind, ast.Name) else getattr(kind, "attr", None)
            handler = module.enclosing(handler, ast.ExceptHandler)
        return None

    def class_templates(self, class_name: str) -> set[str]:
        """Every first argument of ``class_name(...)`` calls (e.g. SettingValueError)."""
        if class_name not in self._class_templates:
            self._class_templates[class_name] = set()
            found: set[str] = set()
            for module in self.modules:
                for node in ast.walk(module.tree):
                    if isinstance(node, ast.Call) and call_name(node) == class_name:
                        expr = argument(node, 0, "template")
                        if expr is None:
                            continue
                        try:
                            found |= self.values(module, expr)
                        except (Unresolved, Forwarded) as exc:
                            self.catalogue.warn(
                                module.path, node, f"{class_name} template not literal: {exc}"
                            )
            self._class_templates[class_name] = found
        return self._class_templates[class_name]

    # the scan
    def scan(self) -> None:
        for module in self.modules:
            for node in ast.walk(module.tree):
                if isinstance(node, ast.Call):
                    self._scan_call(module, node)
            if "_DB_MESSAGES" in module.constants:
                table = module.constants["_DB_MESSAGES"]
                for row in getattr(table, "elts", []):
                    self._collect(module, row.elts[1], row)

    def _scan_call(self, module: Module, call: ast.Call) -> None:
        name = call_name(call)
        if name in self.error_classes and name not in self.own_init:
            expr = argument(call, 0, "template")
        elif name in TEMPLATE_CARRIERS:
            expr = argument(call, TEMPLATE_CARRIERS[name], "template")
        elif (
            name == "__init__"
            and isinstance(call.func, ast.Attribute)
            and isinstance(call.func.value, ast.Call)
            and call_name(call.func.value) == "super"
        ):
            cls = module.enclosing(call, ast.ClassDef)
            if cls is None or cls.name not in self.error_classes - ERROR_ROOTS:
                return
            expr = argument(call, 0, "template")
            # SurveyInvalid(problems) forwards first.template: those are collected already
            if isinstance(expr, ast.Attribute) and expr.attr == "template":
                return
        else:
            return
        if expr is None:
            return
        self._collect(module, expr, call)

    def _collect(self, module: Module, expr: ast.expr, where: ast.AST) -> None:
        try:
            for text in self.values(module, expr):
                self.catalogue.add(SERVICE_CONTEXT, text, module.path, where.lineno)
        except Forwarded as forward:
            self._forward(module, forward)
        except Unresolved as exc:
            self.catalogue.warn(module.path, where, f"service message not literal: {exc}")

    def _forward(self, module: Module, forward: Forwarded) -> None:
        """The template is a parameter: collect what each caller passes for it."""
        func, parameter = forward.function, forward.parameter
        key = (id(func), parameter)
        if key in self._seen_forward:
            return
        self._seen_forward.add(key)
        names = parameters(func)
        index = names.index(parameter)
        is_method = isinstance(module.parent.get(func), ast.ClassDef)
        if is_method:
            index -= 1
        scope = module.function_of(func) or module.tree
        for node in ast.walk(scope):
            if isinstance(node, ast.Call) and call_name(node) == func.name:
                expr = argument(node, index, parameter)
                if expr is not None:
                    self._collect(module, expr, node)


# --- UI text lupdate misses -------------------------------------------------------------


def _is_translate(expr: ast.AST) -> bool:
    return (
        isinstance(expr, ast.Attribute)
        and expr.attr == "translate"
        and isinstance(expr.value, ast.Name)
        and expr.value.id == "QCoreApplication"
    )


def _literal(module: Module, expr: ast.expr | None) -> str | None:
    """A literal string, or a constant name resolved from this module or desktop_app."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return expr.value
    if isinstance(expr, ast.Name):
        if expr.id in module.constants:
            return _literal(module, module.constants[expr.id])
        if expr.id in module.imports:
            source, attr = module.imports[expr.id]
            if (
                attr
                and source.startswith("desktop_app")
                and not source.startswith("desktop_app.ui")
            ):
                value = getattr(importlib.import_module(source), attr, None)
                if isinstance(value, str):
                    return value
    return None


def scan_ui(modules: list[Module], catalogue: Catalogue) -> None:
    for module in modules:
        aliases: dict[ast.AST, set[str]] = {}  # function -> names bound to translate
        wrappers: dict[str, tuple[str, int]] = {}  # function name -> (context, index)
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Assign) and _is_translate(node.value):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        aliases.setdefault(module.function_of(node), set()).add(target.id)
            if isinstance(node, ast.FunctionDef) and len(node.body) >= 1:
                last = node.body[-1]
                if (
                    isinstance(last, ast.Return)
                    and isinstance(last.value, ast.Call)
                    and _is_translate(last.value.func)
                    and len(last.value.args) == 2
                ):
                    context = _literal(module, last.value.args[0])
                    text = last.value.args[1]
                    names = parameters(node)
                    if context is not None and isinstance(text, ast.Name) and text.id in names:
                        wrappers[node.name] = (context, names.index(text.id))
        for node in ast.walk(module.tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Name) and func.id in aliases.get(module.function_of(node), ()):
                context = _literal(module, argument(node, 0, "context"))
                text = _literal(module, argument(node, 1, "sourceText"))
                if context is not None and text is not None:
                    catalogue.add(context, text, module.path, node.lineno)
                    first = node.args[0] if node.args else None
                    second = node.args[1] if len(node.args) > 1 else None
                    if isinstance(first, ast.Constant) and isinstance(second, ast.Constant):
                        catalogue.misread.add(
                            (str(module.path.relative_to(ROOT)), first.value, second.value)
                        )
                else:
                    catalogue.warn(module.path, node, "translate() without literal text")
            elif isinstance(func, ast.Name) and func.id in wrappers:
                context, index = wrappers[func.id]
                expr = argument(node, index, None)
                text = _literal(module, expr)
                if text is not None:
                    catalogue.add(context, text, module.path, node.lineno)
                elif not (
                    isinstance(expr, ast.Name)
                    and expr.id in parameters(module.function_of(node) or node)
                ) and not (
                    context == SERVICE_CONTEXT
                    and isinstance(expr, ast.Attribute)
                    and expr.attr == "template"
                ):
                    # problem.template: a service template, collected from the services
                    catalogue.warn(module.path, node, f"{func.id}() without literal text")
            elif (
                _is_translate(func)
                and len(node.args) >= 2
                and not isinstance(node.args[1], ast.Constant)
            ):
                context = _literal(module, node.args[0])
                text = _literal(module, node.args[1])
                if context is not None and text is not None:
                    catalogue.add(context, text, module.path, node.lineno)
            elif (
                isinstance(func, ast.Attribute)
                and func.attr == "tr"
                and isinstance(func.value, ast.Name)
                and func.value.id == "self"
                and node.args
                and not isinstance(node.args[0], ast.Constant)
            ):
                cls = module.enclosing(node, ast.ClassDef)
                text = _literal(module, node.args[0])
                if cls is not None and text is not None:
                    catalogue.add(cls.name, text, module.path, node.lineno)
                else:
                    catalogue.warn(module.path, node, "self.tr() without literal text")


def scan_settings(catalogue: Catalogue) -> None:
    """Setting labels, shown through QCoreApplication.translate("Settings", label)."""
    settings = importlib.import_module("desktop_app.domain.settings")
    path = PACKAGE / "domain" / "settings.py"
    module = Module(path)
    lines = {}
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            lines.setdefault(node.value, node.lineno)
    for definition in settings.SETTINGS:
        catalogue.add("Settings", definition.label, path, lines.get(definition.label, 1))


def collect() -> Catalogue:
    sys.path.insert(0, str(ROOT))
    catalogue = Catalogue()
    service_modules = [Module(p) for d in SERVICE_DIRS for p in sorted((PACKAGE / d).rglob("*.py"))]
    ServiceScanner(service_modules, catalogue).scan()
    scan_ui([Module(p) for p in sorted((PACKAGE / UI_DIR).rglob("*.py"))], catalogue)
    scan_settings(catalogue)
    return catalogue


# --- the two steps ----------------------------------------------------------------------


def _python_string(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\t", "\\t")
        .replace("\r", "\\r")
    )
    return f'"{escaped}"'


def ordered(catalogue: Catalogue) -> list[Message]:
    return sorted(
        catalogue.messages.values(), key=lambda m: (m.context, min(m.locations), m.source)
    )


def write_source(catalogue: Catalogue, out: Path) -> None:
    lines = [
        "# Generated by scripts/extract_service_messages.py for pyside6-lupdate; do not edit.",
        "from PySide6.QtCore import QCoreApplication",
        "",
    ]
    for message in ordered(catalogue):
        lines.append(
            f"QCoreApplication.translate({_python_string(message.context)}, "
            f"{_python_string(message.source)})"
        )
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


MESSAGE_RE = re.compile(r"    <message(?: [^>]*)?>\n.*?    </message>\n", re.S)
CONTEXT_RE = re.compile(r"<context>\n    <name>(.*?)</name>\n(.*?)</context>\n", re.S)
LOCATION_RE = re.compile(r'( *)<location filename="([^"]*)" line="(\d+)"/>\n')


def _xml_attr(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


def fix_ts(catalogue: Catalogue, ts: Path, generated: Path) -> None:
    """Point the generated file's locations at the real code; drop misread alias calls."""
    by_line = {index + 4: message for index, message in enumerate(ordered(catalogue))}
    ts_dir = ts.resolve().parent
    text = ts.read_text(encoding="utf-8")
    missing = set(by_line)

    def fix_message(match: re.Match) -> str:
        block = match.group(0)
        element = ET.fromstring(block)
        source = element.findtext("source") or ""
        comment = element.findtext("comment")
        files = {Path(loc.get("filename", "")).name: loc for loc in element.iter("location")}
        for loc in element.iter("location"):
            real = (ts_dir / loc.get("filename", "")).resolve()
            try:
                relative = str(real.relative_to(ROOT))
            except ValueError:
                continue
            if comment is not None and (relative, source, comment) in catalogue.misread:
                return ""  # lupdate read tr("Context", "text") as text "Context"
        if GENERATED_NAME not in files:
            return block

        def relocate(loc: re.Match) -> str:
            indent, filename, line = loc.groups()
            if Path(filename).name != GENERATED_NAME:
                return loc.group(0)
            message = by_line.get(int(line))
            if message is None or message.source != source:
                raise SystemExit(f"fix: {generated}:{line} is not {source!r} in {ts}")
            missing.discard(int(line))
            return "".join(
                f'{indent}<location filename="'
                f'{_xml_attr(os.path.relpath(ROOT / path, ts_dir).replace(os.sep, "/"))}" '
                f'line="{number}"/>\n'
                for path, number in sorted(message.locations)
            )

        return LOCATION_RE.sub(relocate, block)

    def fix_context(match: re.Match) -> str:
        body = MESSAGE_RE.sub(fix_message, match.group(2))
        if not MESSAGE_RE.search(body):
            return ""
        return f"<context>\n    <name>{match.group(1)}</name>\n{body}</context>\n"

    text = CONTEXT_RE.sub(fix_context, text)
    if missing:
        lost = ", ".join(repr(by_line[n].source) for n in sorted(missing)[:5])
        raise SystemExit(
            f"fix: lupdate did not report {len(missing)} generated messages "
            f"({lost} …): was {generated} passed to lupdate?"
        )
    if GENERATED_NAME in text:
        raise SystemExit(f"fix: {ts} still refers to {GENERATED_NAME}")
    ts.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    source = sub.add_parser("source", help="write the messages as translate() calls")
    source.add_argument("out", type=Path, help=f"a file named {GENERATED_NAME}")
    fix = sub.add_parser("fix", help="after lupdate: real locations, misread calls dropped")
    fix.add_argument("ts", type=Path)
    fix.add_argument("generated", type=Path)
    sub.add_parser("list", help="print the messages (context, text, where)")
    args = parser.parse_args(argv)

    catalogue = collect()
    if args.command != "fix":
        for warning in sorted(catalogue.warnings):
            print(f"warning: {warning}", file=sys.stderr)
    if args.command == "source":
        if args.out.name != GENERATED_NAME:
            parser.error(f"the generated file must be named {GENERATED_NAME}")
        write_source(catalogue, args.out)
        counts: dict[str, int] = {}
        for message in catalogue.messages.values():
            counts[message.context] = counts.get(message.context, 0) + 1
        print(
            "extracted "
            + ", ".join(f"{n} {c or '(no context)'}" for c, n in sorted(counts.items())),
            file=sys.stderr,
        )
    elif args.command == "fix":
        fix_ts(catalogue, args.ts, args.generated)
    else:
        for message in ordered(catalogue):
            where = ", ".join(f"{p}:{n}" for p, n in sorted(message.locations))
            print(f"{message.context}\t{message.source!r}\t{where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
