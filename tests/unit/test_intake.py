"""Registering complaints: validation, numbers, level, urgency, deadlines, customers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from peewee import fn

from desktop_app.db.models import AuditLog, Complaint, Customer
from desktop_app.services import intake, users
from desktop_app.services.errors import PermissionDenied
from desktop_app.services.intake import FormInvalid, IntakeForm
from tests.helpers.fixtures import make_user


def good_form(**changes) -> IntakeForm:
    form = IntakeForm(
        customer_name="王小明",
        contact="13812345678",
        member_number="M1001",
        id_number="11010519491231002X",
        member_tier="gold",
        complaint_time=dt.datetime(2026, 11, 25, 9, 40),
        channel="walk_in",
        type="product_quality",
        subtype="functional_defect",
        urgency="normal",
        description="收到的手机屏幕无法点亮，要求换货",
        customer_requests=["exchange", "other"],
        customer_request_other="希望尽快处理",
        department="customer_service",
        product="X1 手机",
    )
    return dataclasses.replace(form, **changes)


def test_register_stores_every_field_number_level_and_deadlines(clerk_session):
    saved = intake.register_complaint(clerk_session, good_form())
    case = Complaint.get_by_id(saved.id)
    assert saved.number == case.number == "TS-20261125-0001"
    assert (case.customer_name, case.contact, case.member_number, case.id_number) == (
        "王小明",
        "13812345678",
        "M1001",
        "11010519491231002X",
    )
    assert (case.channel.code, case.type.code, case.subtype.code, case.department.code) == (
        "walk_in",
        "product_quality",
        "functional_defect",
        "customer_service",
    )
    assert case.customer_requests == "exchange,other"
    assert case.customer_request_other == "希望尽快处理"
    assert case.receiver_id == case.owner_id == clerk_session.user_id
    assert case.registration_time == dt.datetime(2026, 11, 25, 10, 0)
    assert case.level == 1 and not case.urgent and case.stage == "registered"
    # Complained 09:40, normal: 4 hours beats T+1.
    assert case.first_response_due == dt.datetime(2026, 11, 25, 13, 40)
    assert saved.promise == "今天 13:40 前给您首次答复"
    assert AuditLog.get(AuditLog.action == "complaint_create").entity_id == case.id
    second = intake.register_complaint(clerk_session, good_form())
    assert second.number == "TS-20261125-0002"
    assert second.customer_id == saved.customer_id  # found again by member number


def test_vip_raises_level_and_staff_may_raise_not_lower(clerk_session):
    vip = intake.register_complaint(clerk_session, good_form(member_number="", member_tier="vip"))
    assert vip.level == 3
    raised = intake.register_complaint(clerk_session, good_form(member_number="", level=2))
    assert raised.level == 2
    with pytest.raises(FormInvalid) as info:
        intake.register_complaint(
            clerk_session, good_form(subtype="account_security", type="member_rights", level=1)
        )
    assert info.value.field == "level"


def test_urgent_marked_by_staff_and_sensitive_customer(clerk_session):
    urgent = intake.register_complaint(clerk_session, good_form(urgency="urgent"))
    assert urgent.urgent and urgent.urgent_reasons == ("staff",)
    assert urgent.first_response_due == dt.datetime(2026, 11, 25, 11, 40)
    Customer.update(sensitive=True, sensitive_kind="media").execute()
    sensitive = intake.register_complaint(clerk_session, good_form())
    assert sensitive.urgent and sensitive.urgent_reasons == ("sensitive",)


@pytest.mark.parametrize(
    "changes,field",
    [
        ({"customer_name": "  "}, "customer_name"),
        ({"contact": ""}, "contact"),
        ({"contact": "1381234567"}, "contact"),  # 10 digits
        ({"contact": "12345678901"}, "contact"),  # not a mobile prefix
        ({"contact": "li@@example"}, "contact"),
        ({"id_number": "110105194912310021"}, "id_number"),  # wrong check digit
        ({"complaint_time": dt.datetime(2026, 11, 25, 11, 0)}, "complaint_time"),  # future
        ({"complaint_time": None}, "complaint_time"),
        ({"channel": ""}, "channel"),
        ({"subtype": "delivery"}, "subtype"),  # not a product-quality subtype
        ({"description": "坏了"}, "description"),  # too short
        ({"description": "长" * 5001}, "description"),
        ({"customer_request_other": ""}, "customer_request_other"),
        ({"department": "nowhere"}, "department"),
    ],
)
def test_invalid_input_names_the_field_and_writes_nothing(clerk_session, changes, field):
    with pytest.raises(FormInvalid) as info:
        intake.register_complaint(clerk_session, good_form(**changes))
    assert field in [p.field for p in info.value.problems]
    assert Complaint.select().count() == 0 and Customer.select().count() == 0


def test_valid_contacts(clerk_session):
    for contact in (
        "010-62345678",
        "0755 2345678",
        "+86 13912345678",
        "13912345678; li.na@example.com.cn",
        "13912345678 li@example.com",
        "0571-87654321-123",
    ):
        intake.register_complaint(clerk_session, good_form(contact=contact, member_number=""))
    assert Complaint.select().count() == 6


def test_all_problems_reported_at_once(clerk_session):
    with pytest.raises(FormInvalid) as info:
        intake.register_complaint(clerk_session, IntakeForm())
    fields = {p.field for p in info.value.problems}
    assert {
        "customer_name",
        "contact",
        "complaint_time",
        "channel",
        "type",
        "subtype",
        "description",
        "department",
    } <= fields


def test_admins_do_not_register_complaints(admin_session):
    with pytest.raises(PermissionDenied):
        intake.register_complaint(admin_session, good_form())


def test_customer_lookup_and_details(clerk_session):
    intake.register_complaint(clerk_session, good_form())
    matches = intake.lookup_customers(clerk_session, "1381234")
    assert [(m.name, m.contact, m.member_number) for m in matches] == [
        ("王小明", "138****5678", "M1001")
    ]
    assert [m.name for m in intake.lookup_customers(clerk_session, "王小")] == ["王小明"]
    assert [m.name for m in intake.lookup_customers(clerk_session, "M10")] == ["王小明"]
    details = intake.customer_for_intake(clerk_session, matches[0].id)
    assert details.contact == "13812345678" and details.tier == "gold"
    assert [c[0] for c in details.past_cases] == ["TS-20261125-0001"]


def test_reference_data_in_both_languages(db):
    from desktop_app.services import reference

    assert [c.code for c in reference.channels()][:2] == ["phone", "walk_in"]
    assert reference.departments()[1].label("zh_CN") == "客服部"
    tree = reference.type_tree()
    assert [t.code for t in tree][0] == "product_quality" and len(tree) == 7
    service_attitude = tree[1]
    assert service_attitude.label("en") == "Service attitude"
    assert [(c.code, c.default_level) for c in service_attitude.children][2] == (
        "staff_attitude",
        2,
    )
    rules = {c.code: c.handling_rule for c in service_attitude.children}
    assert rules["staff_attitude"] == "staff_supervisor"
    assert rules["staff_efficiency"] == "senior_agent"
    assert rules["poor_communication"] == "receiver"


def test_attachments_stored_once_by_content_and_recording_ids(clerk_session, tmp_path):
    from desktop_app.db.models import Attachment
    from desktop_app.services.attachments import attachment_folder

    photo = tmp_path / "屏幕照片.jpg"
    photo.write_bytes(b"\xff\xd8 a photo of a broken screen")
    copy = tmp_path / "again.jpg"
    copy.write_bytes(photo.read_bytes())
    saved = intake.register_complaint(
        clerk_session,
        good_form(attachments=[str(photo), str(copy)], recording_ids="REC-001、REC-002"),
    )
    rows = list(Attachment.select().where(Attachment.complaint == saved.id).order_by(Attachment.id))
    assert [(r.kind, r.filename) for r in rows] == [
        ("file", "屏幕照片.jpg"),
        ("file", "again.jpg"),
        ("recording", "REC-001"),
        ("recording", "REC-002"),
    ]
    assert rows[0].sha256 == rows[1].sha256 and rows[0].size == photo.stat().st_size
    stored = list(attachment_folder().rglob("*.jpg"))
    assert len(stored) == 1 and stored[0].read_bytes() == photo.read_bytes()


def test_bad_attachments_are_refused_before_anything_is_written(
    clerk_session, manager_session, tmp_path
):
    from desktop_app.services import settings

    with pytest.raises(FormInvalid) as info:
        intake.register_complaint(
            clerk_session, good_form(attachments=[str(tmp_path / "missing.png")])
        )
    assert info.value.field == "attachments" and "does not exist" in info.value.message
    settings.change_setting(manager_session, "attachments.max_megabytes", 1)
    big = tmp_path / "video.mp4"
    big.write_bytes(b"0" * (1048576 + 1))
    with pytest.raises(FormInvalid, match="larger than the 1 MB allowed"):
        intake.register_complaint(clerk_session, good_form(attachments=[str(big)]))
    assert Complaint.select().count() == 0


def test_similar_cases_customer_today_and_text(clerk_session):
    first = intake.register_complaint(
        clerk_session, good_form(description="手机屏幕有划痕，要求换货")
    )
    intake.register_complaint(
        clerk_session,
        good_form(
            member_number="",
            contact="13900001111",
            customer_name="李四",
            description="耳机没有声音，申请退款",
        ),
    )
    similar = intake.similar_cases(
        clerk_session,
        customer_id=first.customer_id,
        subtype="functional_defect",
        text="屏幕划痕很明显",
    )
    assert [c.number for c in similar.customer_open] == [first.number]
    assert (similar.today_same_subtype, similar.batch_threshold) == (2, 10)
    assert [c.number for c in similar.text_matches] == [first.number]
    assert (
        intake.similar_cases(clerk_session, customer_id=None, subtype="", text="退款")
        .text_matches[0]
        .snippet
        == "耳机没有声音，申请退款"
    )


def test_search_terms_are_bigrams_and_words():
    from desktop_app.db.search import terms

    assert terms("屏幕有划痕 X1手机") == ["屏幕", "幕有", "有划", "划痕", "手机", "x1"]


def test_default_level_for_the_form(db):
    assert intake.default_level_for("functional_defect", "regular") == 1
    assert intake.default_level_for("staff_attitude", "regular") == 2
    assert intake.default_level_for("functional_defect", "vip") == 3
    assert intake.default_level_for("product_quality", "regular") is None  # a category
    assert intake.default_level_for("", "regular") is None


# --- routing fields (docs/rules.md#registration) ---------------------------------------


def test_customer_cases_lists_only_the_customers_cases_the_user_may_see(
    clerk_session, system_session
):
    mine = intake.register_complaint(clerk_session, good_form())
    customer = mine.customer_id
    ops = make_user(system_session, "clerk2", "clerk", departments=("operations",))
    theirs = intake.register_complaint(
        ops, good_form(customer_id=customer, department="operations")
    )
    other = intake.register_complaint(
        clerk_session, good_form(customer_name="李四", contact="13900001111", member_number="")
    )
    assert other.customer_id != customer

    listed = intake.customer_cases(clerk_session, customer)
    assert [(c.id, c.number, c.subtype_code, c.stage) for c in listed] == [
        (mine.id, mine.number, "functional_defect", "registered")
    ]
    assert listed[0].registration_time == dt.datetime(2026, 11, 25, 10, 0)
    assert not hasattr(listed[0], "contact")  # numbers and stages only
    # The other clerk sees their own case of the customer, not clerk1's.
    assert [c.number for c in intake.customer_cases(ops, customer)] == [theirs.number]
    assert intake.customer_cases(clerk_session, other.customer_id)[0].number == other.number
    assert intake.customer_cases(clerk_session, 999_999) == []


def test_customer_cases_and_staff_choices_are_for_intake_roles(admin_session):
    with pytest.raises(PermissionDenied):
        intake.customer_cases(admin_session, 1)
    with pytest.raises(PermissionDenied):
        intake.staff_choices(admin_session)


def test_staff_choices_name_the_active_staff_only(clerk_session, system_session, admin_session):
    users.create_user(
        system_session,
        "ops1",
        "clerk",
        "Plum-Harbour-Lantern-42",
        display_name="刘运营",
        departments=("operations",),
    )
    make_user(system_session, "gone1", "clerk")
    users.set_active(system_session, "gone1", False)
    choices = intake.staff_choices(clerk_session)
    names = {(c.username, c.display_name) for c in choices}
    assert names == {("clerk1", "clerk1"), ("super1", "super1"), ("ops1", "刘运营")}
    assert set(vars(choices[0])) == {"username", "display_name"}  # nothing private


def test_registered_names_the_owner_and_whom_it_was_reported_to(clerk_session, manager_session):
    saved = intake.register_complaint(clerk_session, good_form(urgency="urgent"))
    assert (saved.route_rule, saved.owner_name, saved.route_fallback) == (
        "urgent",
        "super1",
        False,
    )
    assert saved.reported_up == 2 and saved.reported_to == ("super1", "manager1")
    plain = intake.register_complaint(clerk_session, good_form(member_number="M2"))
    assert (plain.route_rule, plain.owner_name, plain.reported_to) == (
        "receiver",
        "clerk1",
        (),
    )


def test_the_eleventh_save_of_a_subtype_in_a_day_forms_a_batch(clerk_session, clock):
    """docs/rules.md#urgency: more than 10 of one subtype (and product) registered in a day
    are all urgent, linked as one batch, with new deadlines; the 11th save forms it, the
    ones after it join it, each flagged case gets an ``urgent_batch`` entry."""
    saved = []
    for i in range(10):
        clock.advance(minutes=1)
        saved.append(intake.register_complaint(clerk_session, good_form(member_number=f"M{i}")))
    other = intake.register_complaint(clerk_session, good_form(product="X2 平板"))
    assert not any(s.urgent or s.batch_id for s in [*saved, other])
    mark = AuditLog.select(fn.MAX(AuditLog.id)).scalar()
    clock.advance(minutes=1)
    eleventh = intake.register_complaint(clerk_session, good_form(member_number="M11"))
    assert eleventh.batch_id is not None and eleventh.urgent and "batch" in eleventh.urgent_reasons
    assert (eleventh.route_rule, eleventh.owner_name, eleventh.reported_to) == (
        "urgent",
        "super1",
        ("super1",),
    )
    ids = [s.id for s in saved] + [eleventh.id]
    stored = list(Complaint.select().where(Complaint.id.in_(ids)).order_by(Complaint.id))
    assert all(
        c.urgent and c.urgent_reasons == "batch" and c.batch_id == eleventh.batch_id for c in stored
    )
    assert [(c.priority, c.version) for c in stored] == [(4, 2)] * 11
    # The urgent first response (2 hours) for all; complained 09:40.
    assert {c.first_response_due for c in stored} == {dt.datetime(2026, 11, 25, 11, 40)}
    assert stored[-1].owner.username == "super1"  # the saved case is routed as urgent
    assert stored[0].owner_id == clerk_session.user_id  # the earlier ones keep their owner
    assert not Complaint.get_by_id(other.id).urgent  # another product
    entries = [
        (e.action, e.entity_id, json.loads(e.details))
        for e in AuditLog.select().where(AuditLog.id > mark).order_by(AuditLog.id)
    ]
    batch = {"batch": eleventh.batch_id}
    assert entries[:12] == [
        *[("urgent_batch", i, batch) for i in ids],
        (
            "complaint_create",
            eleventh.id,
            {"number": eleventh.number, "level": 1, "urgent": True, "attachments": 0},
        ),
    ]
    mark = AuditLog.select(fn.MAX(AuditLog.id)).scalar()
    clock.advance(minutes=1)
    twelfth = intake.register_complaint(clerk_session, good_form(member_number="M12"))
    assert twelfth.batch_id == eleventh.batch_id and twelfth.urgent
    assert Complaint.get_by_id(twelfth.id).version == 2
    assert [c.version for c in Complaint.select().where(Complaint.id.in_(ids))] == [2] * 11
    assert [
        (e.action, e.entity_id)
        for e in AuditLog.select().where(AuditLog.id > mark, AuditLog.action == "urgent_batch")
    ] == [("urgent_batch", twelfth.id)]
