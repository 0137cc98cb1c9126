import pytest
from PySide6.QtWidgets import QApplication

from desktop_app.db.models import database_proxy
from desktop_app.services.errors import NotFound
from desktop_app.ui import open_window
from desktop_app.ui.main_window import MainWindow
from tests.helpers.fixtures import make_user


@pytest.fixture
def url_with_user(sqlite_url, system):
    make_user(system, "clerk7", "clerk")
    make_user(system, "super7", "supervisor")
    yield sqlite_url
    database_proxy.obj.close()  # the connection open_window opened


@pytest.mark.parametrize(
    ("kind", "page", "user", "role"),
    [
        ("main", "intake_page", "clerk7", "clerk"),
        ("intake", "intake_page", "clerk7", "clerk"),
        ("tracker", "tracker_page", "clerk7", "clerk"),
        ("survey", "survey_page", "clerk7", "clerk"),
        ("reports", "reports_page", "super7", "supervisor"),  # clerks get no reports
        ("settings", "settings_page", "clerk7", "clerk"),
    ],
)
def test_open_window_shows_signed_in_window_on_page(
    qtbot, qapp, url_with_user, kind, page, user, role
):
    window = open_window(kind, database=url_with_user, user=user)
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    assert window.isVisible()
    assert window.session.username == user
    assert window.session.role == role
    assert window.stack.currentWidget().objectName() == page
    assert QApplication.instance() is qapp


def test_open_window_unknown_user_or_kind(qtbot, url_with_user):
    with pytest.raises(NotFound):
        open_window("main", database=url_with_user, user="nobody")
    with pytest.raises(ValueError):
        open_window("cockpit", database=url_with_user, user="clerk7")


def test_open_window_never_waits_on_the_draft_question(qtbot, url_with_user, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.services import auth
    from desktop_app.ui.intake.draft import DraftStore

    DraftStore(auth.session_for_username("clerk7")).save({"customer_name": "王小明"})
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a))
    window = open_window("intake", database=url_with_user, user="clerk7")
    qtbot.addWidget(window)
    qtbot.wait(50)  # the offer would come from a zero-delay timer
    assert asked == []
    assert DraftStore(
        auth.session_for_username("clerk7")
    ).exists()  # kept for the clerk's own next start
