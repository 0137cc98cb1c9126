import logging
import sys

from desktop_app.bootstrap import log_file
from desktop_app.ui import crash


def raise_and_handle():
    try:
        raise ValueError("the value 42 is not allowed")
    except ValueError:
        crash.handle_exception(*sys.exc_info())


def test_uncaught_exception_is_logged_and_shown(monkeypatch, caplog):
    shown: list[crash.CrashReport] = []
    monkeypatch.setattr(crash, "show_crash_dialog", shown.append)
    with caplog.at_level(logging.CRITICAL, logger="desktop_app.ui.crash"):
        raise_and_handle()
    assert len(shown) == 1
    report = shown[0]
    assert report.what == "ValueError: the value 42 is not allowed"
    assert report.where.startswith(f"{__file__}:")
    assert report.where.endswith("in raise_and_handle")
    assert report.log_path == str(log_file())
    text = report.text()
    assert "ValueError: the value 42 is not allowed" in text
    assert str(log_file()) in text
    assert report.where in text
    assert "Traceback" in report.details and "raise_and_handle" in report.details
    assert any(r.exc_info and r.exc_info[0] is ValueError for r in caplog.records)


def test_a_failing_dialog_still_reports_on_stderr(monkeypatch, capsys):
    def broken(report):
        raise RuntimeError("no display")

    monkeypatch.setattr(crash, "show_crash_dialog", broken)
    raise_and_handle()
    assert "the value 42 is not allowed" in capsys.readouterr().err


def test_install_excepthook(monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    crash.install_excepthook()
    assert sys.excepthook is crash.handle_exception
