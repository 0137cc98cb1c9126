"""The intake page (template 1): keyboard-only registration, inline validation, customer
lookup, Esc, drafts, PDF and the similar-cases panel. The clock is fixed at Wed 2026-11-25
10:00 (tests/helpers/fixtures.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from desktop_app.db.models import Attachment, Complaint, Customer, User
from desktop_app.domain.validation import ID_CHECK, ID_WEIGHTS
from desktop_app.services import auth, intake, users
from desktop_app.ui.intake import IntakePage
from desktop_app.ui.intake.draft import DraftStore
from tests.helpers.fixtures import TEST_NOW


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture(autouse=True)
def _own_data_dir(tmp_path, monkeypatch):
    """Drafts (and attachments) of one test never reach another."""
    monkeypatch.setenv("DESKTOP_APP_DATA_DIR", str(tmp_path / "data"))


def stored_draft(username: str) -> bool:
    """Whether the user has an intake draft kept (in the database)."""
    return DraftStore(auth.session_for_username(username)).exists()


def valid_id(first17: str = "11010519491231002") -> str:
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return first17 + ID_CHECK[total % 11]


def open_page(qtbot, clock, username="clerk1") -> IntakePage:
    page = IntakePage(auth.session_for_username(username, clock=clock))
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


@pytest.fixture
def page(qtbot, clerk, clock):
    page = open_page(qtbot, clock)
    yield page
    idle(qtbot, page)


def idle(qtbot, page: IntakePage) -> None:
    """Let pending timers' work and worker tasks finish."""
    qtbot.waitUntil(lambda: not page.tasks.busy(), timeout=10_000)


def field(page: QWidget, name: str, kind=QWidget):
    widget = page.findChild(kind, name)
    assert widget is not None, name
    return widget


def focused() -> QWidget:
    return QApplication.focusWidget()


def type_text(text: str, widget: QWidget | None = None) -> None:
    """Type any text (Chinese too) into the focused widget, one key event per character."""
    target = widget or focused()
    for ch in text:
        QApplication.sendEvent(
            target,
            QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch),
        )
        QApplication.sendEvent(
            target,
            QKeyEvent(
                QEvent.Type.KeyRelease, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch
            ),
        )


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(focused(), k, modifier)


def tab_to(qtbot, name: str, limit: int = 40) -> QWidget:
    """Press Tab until the field ``name`` has the focus."""
    for _ in range(limit):
        if focused() is not None and focused().objectName() == name:
            return focused()
        key(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {name}; at {focused().objectName()!r}")


def error_text(page, name: str) -> str:
    label = field(page, f"{name}_error", QLabel)
    return label.text() if label.isVisible() else ""


# --- the acceptance test: every field by keyboard ---------------------------------------


def test_every_field_by_keyboard_saves_the_case(qtbot, page, clerk, tmp_path, monkeypatch):
    photo = tmp_path / "receipt.png"
    photo.write_bytes(b"\x89PNG fake image")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(photo)], ""))
    )
    id_number = valid_id()

    assert focused() is field(page, "customer_name")
    type_text("王小明")
    tab_to(qtbot, "contact")
    type_text("13912345678; wxm@example.com")
    tab_to(qtbot, "member_number")
    type_text("M20261125")
    tab_to(qtbot, "id_number")
    type_text(id_number)
    tab_to(qtbot, "member_tier")
    key(qtbot, Qt.Key.Key_Down, times=2)  # regular → gold
    edit = tab_to(qtbot, "complaint_time")
    assert isinstance(edit, QDateTimeEdit)
    for _ in range(5):
        if edit.currentSection() == QDateTimeEdit.Section.HourSection:
            break
        key(qtbot, Qt.Key.Key_Tab)
    assert edit.currentSection() == QDateTimeEdit.Section.HourSection
    type_text("09")  # 10:00 → 09:00
    tab_to(qtbot, "channel")
    key(qtbot, Qt.Key.Key_Down, times=2)  # — → phone → walk-in
    tab_to(qtbot, "type")
    key(qtbot, Qt.Key.Key_Down, times=2)  # service attitude
    tab_to(qtbot, "subtype")
    key(qtbot, Qt.Key.Key_Down, times=3)  # staff attitude (level II)
    tab_to(qtbot, "subject_staff")  # shown for staff attitude
    type_text("张店员")  # a merchant's staff member: no account
    tab_to(qtbot, "product")
    type_text("会员卡")
    tab_to(qtbot, "merchant")
    type_text("东方商城")
    tab_to(qtbot, "urgency")
    key(qtbot, Qt.Key.Key_Down)  # normal → low
    tab_to(qtbot, "head_office")
    key(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, "level")
    key(qtbot, Qt.Key.Key_Down)  # II (default) → III
    tab_to(qtbot, "description")
    type_text("客服人员态度恶劣，多次挂断电话。")
    tab_to(qtbot, "add_attachment_button")
    key(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, "recording_ids")
    type_text("REC-001、REC-002")
    tab_to(qtbot, "customer_requests_refund")
    key(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, "customer_requests_apology")
    key(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, "customer_requests_other")
    key(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, "customer_request_other")
    type_text("书面说明")
    tab_to(qtbot, "department")
    key(qtbot, Qt.Key.Key_Down, times=2)  # — → tech → customer service

    with qtbot.waitSignal(page.saved, timeout=10_000) as saved:
        key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    registered = saved.args[0]
    assert registered.number == "TS-20261125-0001"

    case = Complaint.get(Complaint.number == "TS-20261125-0001")
    assert case.customer_name == "王小明"
    assert case.contact == "13912345678; wxm@example.com"
    assert case.member_number == "M20261125"
    assert case.id_number == id_number
    assert case.member_tier == "gold"
    assert case.complaint_time == dt.datetime(2026, 11, 25, 9, 0)
    assert case.registration_time == TEST_NOW
    assert case.channel.code == "walk_in"
    assert case.type.code == "service_attitude"
    assert case.subtype.code == "staff_attitude"
    assert case.subject_staff_id is None and case.subject_staff_name == "张店员"
    assert case.product == "会员卡"
    assert case.merchant == "东方商城"
    assert case.urgency == "low"
    assert case.head_office is True
    assert case.urgent is True and "head_office" in case.urgent_reasons
    assert case.level == 3
    assert case.description == "客服人员态度恶劣，多次挂断电话。"
    assert case.customer_requests == "refund,apology,other"
    assert case.customer_request_other == "书面说明"
    assert case.department.code == "customer_service"
    assert case.receiver.username == "clerk1"
    customer = Customer.get_by_id(case.customer_id)
    assert (customer.name, customer.phone, customer.email) == (
        "王小明",
        "13912345678",
        "wxm@example.com",
    )
    files = list(Attachment.select().where(Attachment.complaint == case, Attachment.kind == "file"))
    assert [f.filename for f in files] == ["receipt.png"]
    recordings = sorted(
        a.recording_ref
        for a in Attachment.select().where(
            Attachment.complaint == case, Attachment.kind == "recording"
        )
    )
    assert recordings == ["REC-001", "REC-002"]
    # Urgent (head office): first response within 2 hours of 09:00; the others follow
    # the urgent targets (1 and 2 working days), earliest rule winning.
    assert case.first_response_due == dt.datetime(2026, 11, 25, 11, 0)
    assert case.first_response_due == registered.first_response_due
    assert case.solution_due == registered.solution_due
    assert case.resolution_due == registered.resolution_due
    assert case.first_response_due <= case.solution_due <= case.resolution_due

    dialog = page.saved_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.objectName() == "saved_dialog"
    assert dialog.findChild(QLabel, "saved_number").text() == "TS-20261125-0001"
    assert dialog.findChild(QLabel, "saved_promise").text() == "今天 11:00 前给您首次答复"
    assert registered.promise == "今天 11:00 前给您首次答复"

    # Ready for the next customer: empty, but the clerk's channel and department kept.
    assert field(page, "customer_name", QLineEdit).text() == ""
    assert field(page, "description", QPlainTextEdit).toPlainText() == ""
    assert field(page, "channel", QComboBox).currentData() == "walk_in"
    assert field(page, "department", QComboBox).currentData() == "customer_service"
    assert field(page, "type", QComboBox).currentData() == ""
    assert not page.has_typed_work()
    assert not stored_draft("clerk1")
    dialog.accept()


def test_tab_order_follows_the_paper_form(qtbot, page):
    order = []
    for _ in range(60):
        widget = focused()
        if widget.objectName() == "save_button":
            break
        if widget.objectName() and widget.objectName() not in order:
            order.append(widget.objectName())
        key(qtbot, Qt.Key.Key_Tab)
    assert order == [
        "customer_name",
        "contact",
        "member_number",
        "id_number",
        "member_tier",
        "complaint_time",
        "channel",
        "type",
        "product",
        "merchant",
        "urgency",
        "head_office",
        "repeat_complaint",
        "level",
        "description",
        "attachments",
        "add_attachment_button",
        "remove_attachment_button",
        "recording_ids",
        "customer_requests_refund",
        "customer_requests_exchange",
        "customer_requests_repair",
        "customer_requests_apology",
        "customer_requests_compensation",
        "customer_requests_other",
        "department",
    ]
    # The subtype joins the chain once a type is chosen, the staff member complained about
    # for the subtypes that name one, the earlier case once "repeat complaint" is ticked
    # for a picked customer; "other" text once it is checked.


def test_subtype_cascades_and_level_can_only_be_raised(qtbot, page):
    type_combo = field(page, "type", QComboBox)
    subtype = field(page, "subtype", QComboBox)
    level = field(page, "level", QComboBox)
    assert not subtype.isEnabled()
    type_combo.setCurrentIndex(type_combo.findData("member_rights"))
    assert subtype.isEnabled()
    codes = [subtype.itemData(i) for i in range(1, subtype.count())]
    assert codes == [
        "points",
        "points_delay",
        "points_expiry",
        "coupons",
        "tier_benefits",
        "account_frozen",
        "account_security",
        "merchant_infringement",
    ]
    subtype.setCurrentIndex(subtype.findData("points"))
    assert [level.itemData(i) for i in range(level.count())] == [None, 2, 3]
    assert "I (from the subtype)" in level.itemText(0)
    field(page, "member_tier", QComboBox).setCurrentIndex(3)  # VIP: III, nothing above
    assert [level.itemData(i) for i in range(level.count())] == [None]
    assert "III" in level.itemText(0)


# --- inline validation: one test per invalid input --------------------------------------


def fill_valid(page: IntakePage) -> None:
    """A valid form, filled directly (the keyboard path is the acceptance test's)."""
    page.customer_name.setText("李四")
    page.contact.setText("13812345678")
    page.channel.setCurrentIndex(page.channel.findData("phone"))
    page.type.setCurrentIndex(page.type.findData("product_quality"))
    page.subtype.setCurrentIndex(page.subtype.findData("functional_defect"))
    page.description.setPlainText("手机屏幕无法点亮，已重启多次。")
    page.department.setCurrentIndex(page.department.findData("customer_service"))


def save_and_fail(qtbot, page: IntakePage) -> None:
    task = page.save()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert page.save_button.isEnabled()


@pytest.mark.parametrize(
    ("field_name", "spoil", "message", "kept"),
    [
        ("customer_name", lambda p: p.customer_name.clear(), "This field is required.", None),
        (
            "contact",
            lambda p: p.contact.setText("12345"),
            "is not a valid phone number",
            ("contact", "12345"),
        ),
        (
            "contact",
            lambda p: p.contact.setText("li@@example"),
            "is not a valid e-mail",
            ("contact", "li@@example"),
        ),
        (
            "id_number",
            lambda p: p.id_number.setText(
                "110105194912310020" if valid_id()[-1] != "0" else "110105194912310021"
            ),
            "check digit is wrong",
            ("id_number", None),
        ),
        (
            "complaint_time",
            lambda p: p.complaint_time.setDateTime(TEST_NOW + dt.timedelta(hours=3)),
            "cannot be in the future",
            None,
        ),
        ("description", lambda p: p.description.clear(), "This field is required.", None),
        (
            "description",
            lambda p: p.description.setPlainText("坏了"),
            "Write at least 5 characters.",
            None,
        ),
        (
            "customer_request_other",
            lambda p: p.requests.boxes["other"].setChecked(True),
            "This field is required.",
            None,
        ),
        ("channel", lambda p: p.channel.setCurrentIndex(0), "Choose the channel", None),
        ("subtype", lambda p: p.subtype.setCurrentIndex(0), "Choose a subtype", None),
        ("department", lambda p: p.department.setCurrentIndex(0), "Choose the department", None),
        ("product", lambda p: p.product.setText("x" * 121), "At most 120 characters", None),
    ],
)
def test_invalid_input_is_shown_at_its_field_and_nothing_is_written(
    qtbot, page, field_name, spoil, message, kept
):
    fill_valid(page)
    spoil(page)
    typed = page.values()
    save_and_fail(qtbot, page)
    assert message in error_text(page, field_name)
    others = [name for name in page.errors if name != field_name and error_text(page, name)]
    assert others == []
    assert Complaint.select().count() == 0
    assert page.values() == typed  # nothing typed is lost
    focus = page.fields[field_name]
    assert focus.hasFocus()
    assert page.saved_dialog is None


def test_every_problem_is_shown_at_once_and_cleared_by_editing(qtbot, page):
    page.contact.setText("abc")
    page.id_number.setText("123")
    save_and_fail(qtbot, page)
    for name in (
        "customer_name",
        "contact",
        "id_number",
        "channel",
        "type",
        "subtype",
        "description",
        "department",
    ):
        assert error_text(page, name), name
    assert page.customer_name.hasFocus()  # the first bad field
    page.customer_name.setFocus()
    type_text("赵六")
    assert error_text(page, "customer_name") == ""
    assert error_text(page, "contact")  # others stay until edited
    assert Complaint.select().count() == 0


def test_contact_is_checked_when_leaving_the_field(qtbot, page):
    page.contact.setFocus()
    type_text("0755")
    key(qtbot, Qt.Key.Key_Tab)
    assert "is not a valid phone number" in error_text(page, "contact")
    page.contact.setFocus()
    type_text("-23456789")
    assert error_text(page, "contact") == ""


def test_a_database_failure_keeps_the_form(qtbot, page, monkeypatch):
    from desktop_app.services.errors import DatabaseUnavailable

    def unavailable(session, form):
        raise DatabaseUnavailable(
            "The database is busy (another computer is writing). Please try again."
        )

    monkeypatch.setattr(intake, "register_complaint", unavailable)
    fill_valid(page)
    typed = page.values()
    save_and_fail(qtbot, page)
    message = field(page, "form_message", QLabel)
    assert message.isVisible() and "database is busy" in message.text()
    assert message.property("tone") == "error" and message.property("strong") is True
    assert page.values() == typed


# --- customer lookup --------------------------------------------------------------------


def test_lookup_fills_the_form_and_shows_the_sensitive_badge(qtbot, page, clerk):
    known = Customer.create(
        name="陈记者",
        phone="13700001111",
        member_number="VIP-88",
        id_number=valid_id(),
        tier="vip",
        sensitive=True,
        sensitive_kind="media",
    )
    Customer.create(name="其他人", phone="13900002222")
    earlier = intake.register_complaint(
        clerk,
        intake.IntakeForm(
            customer_name="陈记者",
            contact="13700001111",
            complaint_time=TEST_NOW,
            channel="phone",
            type="product_quality",
            subtype="functional_defect",
            description="上次的问题还没解决。",
            department="customer_service",
            customer_id=known.id,
        ),
    )

    page.contact.setFocus()
    type_text("1370")
    popup = page.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5_000)
    assert len(page.suggestions()) == 1
    assert "陈记者" in page.suggestions()[0]
    assert "137****1111" in page.suggestions()[0]  # masked in the list
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.customer_id == known.id, timeout=5_000)

    assert page.customer_name.text() == "陈记者"
    assert page.contact.text() == "13700001111"
    assert page.member_number.text() == "VIP-88"
    assert page.id_number.text() == valid_id()
    tier = field(page, "member_tier", QComboBox)
    assert tier.currentData() == "vip" and not tier.isEnabled()
    badge = field(page, "sensitive_badge", QLabel)
    assert badge.isVisible() and "Sensitive customer" in badge.text()
    assert "VIP" in field(page, "customer_tier_label", QLabel).text()
    table = page.similar_panel.past_cases
    assert table.rowCount() == 1
    assert table.item(0, 0).text() == earlier.number
    assert table.item(0, 1).text() == "Registered"
    # The similar panel lists the customer's open case.
    qtbot.waitUntil(
        lambda: (
            page.similar_panel.open_cases.count() == 1
            and earlier.number in page.similar_panel.open_cases.item(0).text()
        ),
        timeout=5_000,
    )

    # Saving links the complaint to the picked customer.
    fill_rest = {"channel": "phone", "department": "customer_service"}
    for name, code in fill_rest.items():
        combo = getattr(page, name)
        combo.setCurrentIndex(combo.findData(code))
    page.type.setCurrentIndex(page.type.findData("product_quality"))
    page.subtype.setCurrentIndex(page.subtype.findData("appearance_defect"))
    page.description.setPlainText("外壳有明显划痕，要求换货。")
    with qtbot.waitSignal(page.saved, timeout=10_000) as saved:
        page.save()
    assert saved.args[0].customer_id == known.id
    assert Customer.select().count() == 2
    case = Complaint.get(Complaint.number == saved.args[0].number)
    assert case.urgent and "sensitive" in case.urgent_reasons
    assert case.level == 3  # VIP


def test_editing_the_name_releases_the_pick(qtbot, page):
    known = Customer.create(name="周八", phone="13600003333", tier="gold")
    # A customer with no case in the clerk's queues: picked after typing their full number
    # in the look-up (anything less is refused, docs/rules.md#masking).
    page._lookup_text = "13600003333"
    with qtbot.waitSignal(page.tasks.task_finished, timeout=5_000):
        page.pick_customer(known.id)
    assert page.customer_id == known.id
    assert not page.member_tier.isEnabled()
    page.customer_name.setFocus()
    key(qtbot, Qt.Key.Key_End)
    key(qtbot, Qt.Key.Key_Backspace)
    assert page.customer_id is None
    assert page.member_tier.isEnabled()
    assert not page.similar_panel.sensitive_shown()


# --- Esc, new form ----------------------------------------------------------------------


def test_escape_asks_before_discarding_typed_work(qtbot, page, monkeypatch):
    asked = []

    def answer(reply):
        def question(*args, **kwargs):
            asked.append(args[2] if len(args) > 2 else "")
            return reply

        return question

    page.customer_name.setFocus()
    type_text("孙七")
    page.description.setFocus()
    type_text("问题描述内容")
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(answer(QMessageBox.StandardButton.Cancel))
    )
    key(qtbot, Qt.Key.Key_Escape)
    assert len(asked) == 1
    assert page.customer_name.text() == "孙七"  # kept: the clerk cancelled

    page.autosave()
    assert stored_draft("clerk1")
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(answer(QMessageBox.StandardButton.Discard))
    )
    key(qtbot, Qt.Key.Key_Escape)
    assert len(asked) == 2
    assert page.customer_name.text() == ""
    assert page.description.toPlainText() == ""
    assert not page.has_typed_work()
    assert not stored_draft("clerk1")
    assert page.customer_name.hasFocus()

    key(qtbot, Qt.Key.Key_Escape)  # nothing typed: no question
    assert len(asked) == 2


# --- drafts -----------------------------------------------------------------------------


def test_draft_is_kept_and_offered_back(qtbot, clerk, clock, monkeypatch, tmp_path):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"jpeg")
    first = open_page(qtbot, clock)
    first.customer_name.setFocus()
    type_text("吴九")
    first.contact.setFocus()
    type_text("021-12345678")
    first.type.setCurrentIndex(first.type.findData("process_efficiency"))
    first.subtype.setCurrentIndex(first.subtype.findData("delivery"))
    first.level.setCurrentIndex(first.level.findData(3))
    first.description.setFocus()
    type_text("快递三天未送达")
    first.requests.boxes["other"].setChecked(True)
    first.requests.other_text.setText("赔偿运费")
    first.head_office.setChecked(True)
    first.attachments.add_paths([str(photo)])
    first.recording_ids.setText("R1")
    typed = first.values()

    assert first.autosave_timer.isActive()
    first.autosave_timer.timeout.emit()  # the timer's slot
    assert stored_draft("clerk1")
    assert not first.autosave()  # unchanged: not rewritten
    idle(qtbot, first)
    first.close()
    first.deleteLater()

    offered = []

    def question(*args, **kwargs):
        offered.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    second = open_page(qtbot, clock)
    qtbot.waitUntil(lambda: bool(offered), timeout=5_000)
    assert "吴九" in offered[0]
    assert second.values() == typed
    assert second.complaint_time_value() == first_time(typed)
    idle(qtbot, second)


def first_time(values) -> dt.datetime:
    return dt.datetime.fromisoformat(values["complaint_time"])


def test_declined_draft_is_deleted(qtbot, clerk, clock, monkeypatch):
    DraftStore(auth.session_for_username("clerk1")).save({"customer_name": "郑十"})
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.No)
    )
    page = open_page(qtbot, clock)
    qtbot.waitUntil(lambda: not stored_draft("clerk1"), timeout=5_000)
    assert page.customer_name.text() == ""
    idle(qtbot, page)


# --- print ------------------------------------------------------------------------------


def test_save_pdf_writes_a_pdf(qtbot, page, tmp_path):
    fill_valid(page)
    rows, _subtitle = page.print_rows()
    assert ("Customer name", "李四") in rows
    path = page.save_pdf(tmp_path / "form.pdf")
    assert path.read_bytes().startswith(b"%PDF")

    with qtbot.waitSignal(page.saved, timeout=10_000):
        page.save()
    rows, subtitle = page.print_rows()  # the case just saved
    assert ("Complaint number", "TS-20261125-0001") in rows
    assert "首次答复" in subtitle
    assert page.save_pdf(tmp_path / "saved.pdf").read_bytes().startswith(b"%PDF")
    page.saved_dialog.accept()


# --- similar cases ----------------------------------------------------------------------


def test_similar_panel_counts_todays_cases_of_the_subtype(qtbot, page, clerk):
    for index in range(3):
        intake.register_complaint(
            clerk,
            intake.IntakeForm(
                customer_name=f"客户{index}",
                contact=f"1380000000{index}",
                complaint_time=TEST_NOW,
                channel="phone",
                type="process_efficiency",
                subtype="slow_refund",
                description=f"退款两周还没到账，第{index}次催。",
                department="customer_service",
            ),
        )
    page.type.setCurrentIndex(page.type.findData("process_efficiency"))
    page.subtype.setCurrentIndex(page.subtype.findData("slow_refund"))
    page.description.setFocus()
    type_text("退款还没到账")
    label = field(page, "today_same_subtype", QLabel)
    qtbot.waitUntil(lambda: "3 of batch threshold 10" in label.text(), timeout=5_000)
    qtbot.waitUntil(
        lambda: (
            page.similar_panel.matches.count() >= 1
            and "TS-20261125-" in page.similar_panel.matches.item(0).text()
        ),
        timeout=5_000,
    )
    assert field(page, "similar_panel").isVisible()


# --- wiring -----------------------------------------------------------------------------


def test_main_window_intake_page_is_the_form(qtbot, clerk, gui_db, clock):
    from desktop_app.ui.main_window import MainWindow

    window = MainWindow(auth.session_for_username("clerk1", clock=clock), gui_db)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.reminders.updated):  # its first reminder scan
        window.show()
    page = window.show_section("intake")
    assert isinstance(page, IntakePage)
    assert page.objectName() == "intake_page"
    for name in (
        "customer_name",
        "contact",
        "member_number",
        "id_number",
        "member_tier",
        "complaint_time",
        "channel",
        "type",
        "subtype",
        "urgency",
        "level",
        "description",
        "customer_request_other",
        "department",
        "product",
        "merchant",
        "head_office",
        "attachments",
        "recording_ids",
        "receiver",
        "registration_time",
        "save_button",
        "new_button",
        "print_button",
        "add_attachment_button",
        "remove_attachment_button",
        "similar_panel",
    ):
        assert window.findChild(QWidget, name) is not None, name
    for code in ("refund", "exchange", "repair", "apology", "compensation", "other"):
        assert window.findChild(QCheckBox, f"customer_requests_{code}") is not None
    assert field(window, "receiver", QLineEdit).text() == "clerk1"
    page.customer_name.setText("未保存的人")
    window.close()  # keeps the draft
    assert DraftStore(auth.session_for_username("clerk1")).load()["customer_name"] == "未保存的人"
    window.tasks.wait_for_done()


# --- attachments, the save button while saving ------------------------------------------


def test_dropped_files_are_listed_and_delete_removes_them(qtbot, page, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    files = [tmp_path / "a.png", tmp_path / "b.pdf"]
    for file in files:
        file.write_bytes(b"x")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    target = page.attachments.viewport()
    point = target.rect().center()
    enter = QDragEnterEvent(
        point,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(point),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, drop)
    assert page.attachments.paths() == [str(f) for f in files]
    assert page.has_typed_work()
    page.attachments.setFocus()
    page.attachments.setCurrentRow(0)
    key(qtbot, Qt.Key.Key_Delete)
    assert page.attachments.paths() == [str(files[1])]


def test_save_button_is_disabled_while_saving(qtbot, page):
    fill_valid(page)
    task = page.save()
    assert task is not None
    assert not page.save_button.isEnabled()
    assert page.save() is None  # no second save meanwhile
    with qtbot.waitSignal(page.saved, timeout=10_000):
        pass
    assert page.save_button.isEnabled()
    assert Complaint.select().count() == 1
    page.saved_dialog.accept()
    qtbot.waitUntil(page.customer_name.hasFocus)  # ready for the next one


# --- routing fields: the staff member complained about, repeat complaints ---------------


def add_staff(system, username, role, display, departments=("customer_service",), boss=None):
    users.create_user(
        system,
        username,
        role,
        "Plum-Harbour-Lantern-42",
        display_name=display,
        departments=departments,
        supervisor=boss,
    )
    return User.get(User.username == username)


@pytest.fixture
def team(system):
    """clerk1 (customer service) under 王主管 (super1); 刘运营 (ops1, operations) under
    赵主管 (ops_super); 钱经理 the manager; clerk2 in operations."""
    people = {
        "manager1": add_staff(system, "manager1", "manager", "钱经理", ()),
        "super1": add_staff(system, "super1", "supervisor", "王主管", boss="manager1"),
        "ops_super": add_staff(system, "ops_super", "supervisor", "赵主管", ("operations",)),
    }
    people["clerk1"] = add_staff(system, "clerk1", "clerk", "clerk1", boss="super1")
    people["ops1"] = add_staff(system, "ops1", "clerk", "刘运营", ("operations",), "ops_super")
    people["clerk2"] = add_staff(system, "clerk2", "clerk", "clerk2", ("operations",))
    gone = add_staff(system, "gone1", "clerk", "刘离职")
    users.set_active(system, "gone1", False)
    people["gone1"] = gone
    return people


@pytest.fixture
def team_page(qtbot, team, clock):
    page = open_page(qtbot, clock)
    yield page
    idle(qtbot, page)


def choose(combo: QComboBox, code) -> None:
    index = combo.findData(code)
    assert index >= 0, code
    combo.setCurrentIndex(index)


def fill_staff_case(page: IntakePage, subtype: str = "staff_attitude") -> None:
    fill_valid(page)
    choose(page.type, "service_attitude")
    choose(page.subtype, subtype)
    page.description.setPlainText("柜台员工态度恶劣，拒绝解释。")


def save_ok(qtbot, page: IntakePage):
    with qtbot.waitSignal(page.saved, timeout=10_000) as saved:
        page.save()
    registered = saved.args[0]
    return registered, Complaint.get_by_id(registered.id)


def staff_row_shown(page: IntakePage) -> bool:
    return page.subject_staff.isVisible() and field(page, "subject_staff_label").isVisible()


def test_staff_attitude_asks_for_the_staff_member_picked_from_the_accounts(qtbot, team_page):
    page = team_page
    fill_valid(page)
    assert not staff_row_shown(page)  # a product defect names no staff member
    choose(page.type, "service_attitude")
    choose(page.subtype, "staff_attitude")
    assert staff_row_shown(page)
    qtbot.waitUntil(lambda: page.staff_completer.loaded, timeout=5_000)
    lines = page.staff_completer.suggestions()
    assert "刘运营 (ops1)" in lines and "王主管 (super1)" in lines
    assert not any("gone1" in line for line in lines)  # inactive accounts are not offered

    page.subject_staff.setFocus()
    type_text("刘")
    popup = page.staff_completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5_000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert page.subject_staff.text() == "刘运营"
    page.description.setPlainText("柜台员工态度恶劣，拒绝解释。")

    registered, case = save_ok(qtbot, page)
    assert case.subject_staff.username == "ops1" and case.subject_staff_name is None
    # Seed 004: staff attitude goes to the direct supervisor of the staff member.
    assert case.owner.username == "ops_super" and case.receiver.username == "clerk1"
    handler = field(page.saved_dialog, "saved_handler", QLabel).text()
    assert handler == (
        "Handled by 赵主管 (Direct supervisor of the staff member complained about)."
    )
    rows, _subtitle = page.print_rows()  # template 1 of the case just saved
    assert ("Staff complained about", "刘运营") in rows
    page.saved_dialog.accept()
    assert page.subject_staff.text() == "" and not staff_row_shown(page)


def test_a_staff_member_without_an_account_is_kept_as_typed(qtbot, team_page):
    page = team_page
    fill_staff_case(page)
    page.subject_staff.setFocus()
    type_text("商户店员小张")
    registered, case = save_ok(qtbot, page)
    assert case.subject_staff_id is None and case.subject_staff_name == "商户店员小张"
    # Nobody's supervisor to find: the receiver's supervisor gets it, and the clerk is told.
    assert registered.route_fallback and case.owner.username == "super1"
    handler = field(page.saved_dialog, "saved_handler", QLabel).text()
    assert handler == (
        "The rule (Direct supervisor of the staff member complained about) could not be "
        "met: handled by 王主管."
    )
    page.saved_dialog.accept()


def test_staff_attitude_without_the_staff_member_shows_the_error_and_keeps_the_form(
    qtbot, team_page
):
    page = team_page
    fill_staff_case(page)
    typed = page.values()
    save_and_fail(qtbot, page)
    assert "Enter the staff member complained about" in error_text(page, "subject_staff")
    assert page.subject_staff.hasFocus()
    assert Complaint.select().count() == 0
    assert page.values() == typed
    page.subject_staff.setFocus()
    type_text("ops1")
    assert error_text(page, "subject_staff") == ""
    registered, case = save_ok(qtbot, page)
    assert case.subject_staff.username == "ops1"
    page.saved_dialog.accept()


def test_other_subtypes_hide_the_staff_member_and_never_send_a_stale_one(qtbot, team_page):
    page = team_page
    fill_staff_case(page, "staff_efficiency")
    assert staff_row_shown(page)  # shown, not required
    page.subject_staff.setText("ops1")
    assert page.form().subject_staff == "ops1"
    choose(page.subtype, "slow_response")
    assert not staff_row_shown(page)
    assert page.form().subject_staff == ""
    choose(page.type, "product_quality")
    choose(page.subtype, "functional_defect")
    assert not staff_row_shown(page)
    registered, case = save_ok(qtbot, page)
    assert case.subject_staff_id is None and case.subject_staff_name is None
    handler = field(page.saved_dialog, "saved_handler", QLabel).text()
    assert handler == "You handle this case (First contact: the receiver)."
    page.saved_dialog.accept()


def register_for(session, customer: Customer, department="customer_service", **changes):
    values = {
        "customer_name": customer.name,
        "contact": customer.phone,
        "complaint_time": TEST_NOW - dt.timedelta(hours=1),
        "channel": "phone",
        "type": "product_quality",
        "subtype": "functional_defect",
        "description": "第一次投诉：屏幕坏了。",
        "department": department,
        "customer_id": customer.id,
        **changes,
    }
    return intake.register_complaint(session, intake.IntakeForm(**values))


def test_repeat_complaint_links_an_earlier_visible_case_and_makes_level_three(qtbot, team, clock):
    known = Customer.create(name="陈先生", phone="13700001111")
    stranger = Customer.create(name="路人甲", phone="13900002222")
    clerk1 = auth.session_for_username("clerk1", clock=clock)
    clerk2 = auth.session_for_username("clerk2", clock=clock)
    earlier = register_for(clerk1, known)
    unseen = register_for(clerk2, known, department="operations")  # not clerk1's to see
    others = register_for(clerk1, stranger)
    page = open_page(qtbot, clock)

    # Ticked without a picked customer: the box says what it needs, the service refuses.
    fill_valid(page)
    page.repeat_complaint.setChecked(True)
    assert field(page, "repeat_hint", QLabel).isVisible()
    assert not page.repeat_of.isEnabled()
    assert "III (repeat complaint)" in page.level.itemText(0)
    save_and_fail(qtbot, page)
    assert "Choose the earlier case" in error_text(page, "repeat_complaint")
    assert Complaint.select().count() == 3

    with qtbot.waitSignal(page.tasks.task_finished, timeout=5_000):
        page.pick_customer(known.id)
    qtbot.waitUntil(lambda: page.repeat_of.count() == 2, timeout=5_000)
    assert not field(page, "repeat_hint", QLabel).isVisible()
    assert page.repeat_of.isEnabled()
    listed = [page.repeat_of.itemText(i) for i in range(page.repeat_of.count())]
    assert earlier.number in listed[1] and "Functional defect" in listed[1]
    assert "Registered" in listed[1] and "2026-11-25" in listed[1]
    assert not any(unseen.number in text or others.number in text for text in listed)

    choose(page.repeat_of, earlier.id)
    page.description.setPlainText("上次处理不满意，再次投诉。")
    rows, _subtitle = page.print_rows()
    assert ("Earlier case (repeat complaint)", earlier.number) in rows
    registered, case = save_ok(qtbot, page)
    assert case.level == registered.level == 3
    assert case.repeat_of_id == earlier.id and case.customer_id == known.id
    assert case.owner.username == "super1"  # level III: the receiver's supervisor
    handler = field(page.saved_dialog, "saved_handler", QLabel).text()
    assert handler == "Handled by 王主管 (Repeat complaint or VIP: supervisor)."
    page.saved_dialog.accept()

    # The next customer starts without the box and the list.
    assert not page.repeat_complaint.isChecked() and page.repeat_of.count() == 0
    assert "III" not in page.level.itemText(0)
    idle(qtbot, page)


def test_the_confirmation_says_who_handles_an_urgent_case_and_whom_it_was_told(qtbot, team_page):
    page = team_page
    fill_valid(page)
    choose(page.urgency, "urgent")
    registered, case = save_ok(qtbot, page)
    assert case.owner.username == "super1" and registered.route_rule == "urgent"
    dialog = page.saved_dialog
    assert field(dialog, "saved_handler", QLabel).text() == (
        "Handled by 王主管 (Urgent: a supervisor or above). Reported at once to 王主管, 钱经理."
    )
    assert field(dialog, "saved_promise", QLabel).isVisible()  # the promise is still read out
    dialog.accept()


def test_the_draft_keeps_the_staff_member_and_the_repeat_complaint(qtbot, team, clock, monkeypatch):
    known = Customer.create(name="陈先生", phone="13700001111")
    earlier = register_for(auth.session_for_username("clerk1", clock=clock), known)
    first = open_page(qtbot, clock)
    fill_staff_case(first)
    first.subject_staff.setText("刘运营")
    with qtbot.waitSignal(first.tasks.task_finished, timeout=5_000):
        first.pick_customer(known.id)
    first.repeat_complaint.setChecked(True)
    qtbot.waitUntil(lambda: first.repeat_of.count() == 2, timeout=5_000)
    choose(first.repeat_of, earlier.id)
    typed = first.values()
    assert typed["subject_staff"] == "刘运营" and typed["repeat_of"] == earlier.id
    first.keep_draft()
    idle(qtbot, first)
    first.close()
    first.deleteLater()

    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    second = open_page(qtbot, clock)
    qtbot.waitUntil(lambda: second.repeat_of.count() == 2, timeout=5_000)
    assert second.values() == typed
    assert second.repeat_of.currentData() == earlier.id
    assert second.subject_staff.text() == "刘运营" and staff_row_shown(second)
    idle(qtbot, second)


def test_tab_reaches_the_routing_fields_in_form_order(qtbot, team, clock):
    known = Customer.create(name="陈先生", phone="13700001111")
    register_for(auth.session_for_username("clerk1", clock=clock), known)
    page = open_page(qtbot, clock)
    choose(page.type, "service_attitude")
    choose(page.subtype, "staff_attitude")
    with qtbot.waitSignal(page.tasks.task_finished, timeout=5_000):
        page.pick_customer(known.id)
    page.repeat_complaint.setChecked(True)
    qtbot.waitUntil(lambda: page.repeat_of.count() == 2, timeout=5_000)
    page.subtype.setFocus()
    order = [focused().objectName()]
    while order[-1] != "level" and len(order) < 12:
        key(qtbot, Qt.Key.Key_Tab)
        order.append(focused().objectName())
    assert order == [
        "subtype",
        "subject_staff",
        "product",
        "merchant",
        "urgency",
        "head_office",
        "repeat_complaint",
        "repeat_of",
        "level",
    ]
    idle(qtbot, page)
