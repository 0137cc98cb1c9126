"""The zh_CN catalogue (resources/translations): compiled, complete, and what a Chinese
desktop shows. Refresh it with scripts/update-translations."""

from __future__ import annotations

import ast
import re
import shutil
import string
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QLabel

import desktop_app
from desktop_app import APP_NAME
from desktop_app.db.models import database_proxy
from desktop_app.domain.messages import MESSAGE_CONTEXT
from desktop_app.domain.settings import SETTINGS
from desktop_app.services import cases
from desktop_app.services.errors import NotFound, ServiceError
from desktop_app.ui import open_window
from desktop_app.ui.i18n import (
    catalogue_dir,
    install_translators,
    message_text,
    service_message,
)
from desktop_app.ui.resources import translations_dir
from tests.helpers.fixtures import make_user

TS = translations_dir() / "desktop_app_zh_CN.ts"
QM = translations_dir() / "desktop_app_zh_CN.qm"
LRELEASE = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent))
CHINA = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
# "&S" in English becomes "保存(&S)" in Chinese; "&&" is a literal ampersand.
ACCELERATOR = re.compile(r"&([^&\s])")


def messages():
    """(context, source, translations, type, numerus) of every message in the .ts."""
    root = ET.parse(TS).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")]
            texts = forms if forms else [translation.text or ""]
            yield (
                name,
                message.findtext("source") or "",
                texts,
                translation.get("type"),
                message.get("numerus") == "yes",
            )


def placeholders(text: str) -> list[str]:
    """The ``{name!r:spec}`` fields of a str.format template, sorted."""
    return sorted(
        f"{{{name}{'!' + conv if conv else ''}{':' + spec if spec else ''}}}"
        for _literal, name, spec, conv in string.Formatter().parse(text)
        if name is not None
    )


def plain(text: str) -> str:
    """A label without its accelerator: "客户姓名(&M)" and "&Name" give "客户姓名", "Name"."""
    return re.sub(r"\(&[^&]\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def test_the_catalogue_is_compiled_when_the_install_did_not(qapp, tmp_path):
    """Only the .ts is committed: scripts/setup compiles it, and an install that skipped
    that (a plain pip install) compiles it at start."""
    if LRELEASE is None:
        pytest.skip("pyside6-lrelease is not installed")
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(TS, folder / TS.name)
    assert catalogue_dir(folder) == folder
    translator = QTranslator()
    assert translator.load(str(folder / QM.name))
    assert translator.translate("MainWindow", "Intake") == "投诉登记"
    compiled = (folder / QM.name).stat().st_mtime_ns
    assert catalogue_dir(folder) == folder  # up to date: not compiled again
    assert (folder / QM.name).stat().st_mtime_ns == compiled


def test_every_message_is_translated_and_keeps_placeholders_and_accelerators():
    found = list(messages())
    assert len(found) > 500
    problems = []
    for context, source, texts, kind, numerus in found:
        where = f"{context}: {source!r}"
        if kind in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{where} is {kind}")
            continue
        for text in texts:
            if not text.strip():
                problems.append(f"{where} has an empty translation")
            elif placeholders(text) != placeholders(source):
                problems.append(f"{where}: {text!r} changes the placeholders")
            if numerus and "%n" not in text:
                problems.append(f"{where}: {text!r} lost %n")
            wanted = {m.upper() for m in ACCELERATOR.findall(source)}
            if wanted != {m.upper() for m in ACCELERATOR.findall(text)}:
                problems.append(f"{where}: {text!r} changes the accelerator")
    assert not problems, "\n".join(problems)


def marked_texts() -> set[str]:
    """Every ``msg("…")`` literal of desktop_app (text written outside the UI)."""
    package = Path(desktop_app.__file__).parent
    found = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "msg"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


def test_the_message_context_holds_every_marked_text():
    """lupdate files each msg("…") under MESSAGE_CONTEXT, where the UI translates it:
    service errors, the database messages, setting labels, the program's name. Nothing
    else lands there: a bare tr("…") call (e.g. an alias tr = QCoreApplication.translate,
    which lupdate misreads) would."""
    from desktop_app.services.errors import _DB_MESSAGES

    catalogue = {source for context, source, *_ in messages() if context == MESSAGE_CONTEXT}
    marked = marked_texts()
    assert not marked - catalogue, f"run scripts/update-translations: {sorted(marked - catalogue)}"
    assert not catalogue - marked, f"not msg() texts: {sorted(catalogue - marked)}"
    assert {template for _needle, template in _DB_MESSAGES} <= catalogue
    assert {d.label for d in SETTINGS} | {APP_NAME, "No such complaint."} <= catalogue


LUPDATE = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(LUPDATE is None, reason="pyside6-lupdate is not installed")
def test_the_catalogue_is_what_lupdate_reads_from_the_code(tmp_path):
    """Every text of the code is in the committed catalogue under the context it is looked
    up in at run time, and nothing else is: the catalogue is current. (Method stubs under an
    ``if TYPE_CHECKING:`` in a class body made lupdate forget the class: the texts after them
    landed in the empty context, and a Chinese desktop showed them in English.)"""
    import subprocess

    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [LUPDATE, "-extensions", "py", "-tr-function-alias", "QT_TR_NOOP+=msg", "desktop_app"]
        + ["-ts", str(fresh), "-target-language", "zh_CN", "-source-language", "en"],
        cwd=Path(desktop_app.__file__).resolve().parents[1],
        check=True,
        capture_output=True,
    )
    read = {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in ET.parse(fresh).getroot().iter("context")
        for message in context.iter("message")
    }
    committed = {(context, source) for context, source, *_ in messages()}
    assert len(read) > 1000
    assert sorted(read - committed) == [], "run scripts/update-translations"
    assert sorted(committed - read) == [], "run scripts/update-translations"


@pytest.fixture
def chinese_ui(qapp):
    """A Chinese desktop: the default locale and our catalogue (and Qt's) installed; the
    translators are removed again so later tests see English (conftest restores the
    locale)."""
    QLocale.setDefault(CHINA)
    installed = install_translators(qapp, CHINA)
    try:
        assert any(t.filePath().endswith("desktop_app_zh_CN.qm") for t in installed)
        yield installed
    finally:
        for translator in installed:
            QCoreApplication.removeTranslator(translator)
            translator.deleteLater()


@pytest.fixture
def survey_window(qtbot, sqlite_url, system, chinese_ui):
    make_user(system, "clerk7", "clerk")
    window = open_window("survey", database=sqlite_url, user="clerk7")
    qtbot.addWidget(window)
    yield window
    window.close()
    database_proxy.obj.close()  # the connection open_window opened


def test_chinese_desktop_shows_the_survey_form_in_chinese(survey_window):
    form = survey_window.survey_page.form_panel
    labels = {
        name: plain(form.findChild(QLabel, f"{name}_label").text())
        for name in (
            "customer_name",
            "complaint_number",
            "survey_time",
            "method",
            "surveyor",
            "timeliness",
            "effectiveness",
            "attitude",
            "overall",
            "most_satisfied",
            "needs_improvement",
            "suggestions",
        )
    }
    expected = {
        "customer_name": "客户姓名",
        "complaint_number": "投诉编号",
        "survey_time": "调查时间",
        "method": "调查方式",
        "surveyor": "调查人",
        "timeliness": "处理及时性",
        "effectiveness": "解决方案有效性",
        "attitude": "服务人员态度",
        "overall": "整体满意度",
        "most_satisfied": "最满意的环节",
        "needs_improvement": "需改进的环节",
        "suggestions": "其他建议或需求",
    }
    for name, words in expected.items():
        assert words in labels[name], (name, labels[name])
    assert form.save_button.text() == "保存调查(&S)"


def test_chinese_desktop_navigation_and_service_messages(survey_window):
    navigation = survey_window.navigation
    titles = [navigation.item(row).text() for row in range(navigation.count())]
    assert titles == ["投诉登记", "进度跟踪", "满意度调查", "系统设置"]  # no reports for clerks
    assert "投诉处理台" in survey_window.windowTitle()

    with pytest.raises(NotFound) as raised:
        cases.get_case(survey_window.session, 10**9)
    assert service_message(raised.value) == "没有这件投诉。"
    with pytest.raises(NotFound) as raised:
        cases.find_case(survey_window.session, "TS-20991231-9999")
    assert service_message(raised.value) == "没有编号为 TS-20991231-9999 的投诉。"


def test_english_again_once_the_translators_are_gone(qapp):
    """Nothing of the Chinese tests stays installed (the other GUI tests expect English)."""
    assert message_text("No such complaint.") == "No such complaint."
    assert service_message(ServiceError("No such complaint.")) == "No such complaint."
