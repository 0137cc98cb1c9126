"""Seed 004's handling rules typed in the intake window (docs/rules.md#routing): a
customer-service clerk whose supervisor is super1 registers each scenario; the test checks
the owner, the receiver, the level and the reminders raised before the save returned."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale

from desktop_app.db.models import Complaint, Reminder, User
from desktop_app.ui.intake import IntakePage
from tests.gui.test_intake import add_staff, choose, idle, open_page, save_ok, type_text


@pytest.fixture(autouse=True)
def _english():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture(autouse=True)
def _own_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("DESKTOP_APP_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def office(system):
    """clerk1 (customer service) under super1 under manager1; operations with its own
    supervisor and clerk; a senior agent in customer service; risk control's and merchant
    maintenance's supervisors."""
    add_staff(system, "manager1", "manager", "钱经理", ())
    add_staff(system, "super1", "supervisor", "王主管", boss="manager1")
    add_staff(system, "clerk1", "clerk", "孙前台", boss="super1")
    add_staff(system, "ops_super", "supervisor", "赵主管", ("operations",), "manager1")
    add_staff(system, "ops1", "clerk", "刘运营", ("operations",), "ops_super")
    add_staff(system, "senior1", "clerk", "周资深", boss="super1")
    User.update(senior_agent=True).where(User.username == "senior1").execute()
    add_staff(system, "risk_super", "supervisor", "吴风控", ("risk_control",), "manager1")
    add_staff(system, "mm_super", "supervisor", "郑商户", ("merchant_maintenance",), "manager1")
    return system


def register(qtbot, page: IntakePage, subtype: tuple[str, str], *, staff="", **choices):
    """Type one complaint and save it; the case and the reminders on it when the save
    returned (they are written in the same transaction)."""
    type_text("李四", page.customer_name)
    type_text("13812345678", page.contact)
    choose(page.channel, "phone")
    choose(page.type, subtype[0])
    choose(page.subtype, subtype[1])
    for name, code in choices.items():
        choose(getattr(page, name), code)
    if staff:
        assert page.subject_staff.isVisible()
        type_text(staff, page.subject_staff)
    type_text("顾客来电投诉，情况已记录。", page.description)
    choose(page.department, "customer_service")
    registered, case = save_ok(qtbot, page)
    told = {
        (r.kind, r.recipient.username)
        for r in Reminder.select().where(Reminder.complaint == case.id)
    }
    page.saved_dialog.accept()
    return case, told


def test_each_seed_004_scenario_gets_its_handler(qtbot, office, clock):
    page = open_page(qtbot, clock)

    def who(case: Complaint) -> tuple[str, str, int]:
        return case.owner.username, case.receiver.username, case.level

    # Staff attitude about a clerk of operations: that clerk's direct supervisor.
    case, told = register(qtbot, page, ("service_attitude", "staff_attitude"), staff="ops1")
    assert who(case) == ("ops_super", "clerk1", 2) and told == set()
    assert case.subject_staff.username == "ops1"

    # Staff efficiency: a senior agent.
    case, told = register(qtbot, page, ("service_attitude", "staff_efficiency"), staff="ops1")
    assert who(case) == ("senior1", "clerk1", 2) and told == set()

    # Account security: risk control's supervisor.
    case, told = register(qtbot, page, ("member_rights", "account_security"))
    assert who(case) == ("risk_super", "clerk1", 3) and told == set()

    # Urgent appearance defect: super1, reported to super1 and the manager at once.
    case, told = register(qtbot, page, ("product_quality", "appearance_defect"), urgency="urgent")
    assert who(case) == ("super1", "clerk1", 1) and case.urgent
    assert told == {("reported_up", "super1"), ("reported_up", "manager1")}

    # A VIP member with a level-I subtype: level III, super1.
    case, told = register(qtbot, page, ("product_quality", "appearance_defect"), member_tier="vip")
    assert who(case) == ("super1", "clerk1", 3) and told == set()

    # Merchant attitude: the receiver keeps it; merchant maintenance is told.
    case, told = register(qtbot, page, ("service_attitude", "merchant_attitude"))
    assert who(case) == ("clerk1", "clerk1", 2)
    assert told == {("department_notice", "mm_super")}

    # A plain appearance defect: the receiver (first-contact responsibility).
    case, told = register(qtbot, page, ("product_quality", "appearance_defect"))
    assert who(case) == ("clerk1", "clerk1", 1) and told == set()

    assert Complaint.select().count() == 7
    idle(qtbot, page)
