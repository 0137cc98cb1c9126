"""Insert cases directly for tests of the SLA engine (the intake service arrives later)."""

from __future__ import annotations

import datetime as dt
import itertools

from desktop_app.db.models import Channel, Complaint, ComplaintType, Customer, Department, User
from desktop_app.domain.deadlines import level_priority
from desktop_app.services import sla

_numbers = itertools.count(1)


def make_case(
    *,
    at: dt.datetime,
    owner: str,
    subtype: str = "functional_defect",
    urgency: str = "normal",
    tier: str = "regular",
    sensitive: bool = False,
    department: str = "customer_service",
    product: str | None = None,
    ctx: sla.SlaContext | None = None,
    save: bool = True,  # False: built, not inserted
    **fields,
) -> Complaint:
    ctx = ctx or sla.SlaContext.load()
    sub = ComplaintType.get(code=subtype)
    user = User.get(username=owner)
    customer = Customer.create(name="张三", phone="13812345678", tier=tier, sensitive=sensitive)
    case = Complaint(
        number=f"TS-{at:%Y%m%d}-{next(_numbers):04d}",
        customer=customer,
        customer_name=customer.name,
        contact=customer.phone,
        member_tier=tier,
        complaint_time=at,
        registration_time=at,
        channel=Channel.get(code="phone"),
        type=sub.parent_id,
        subtype=sub,
        urgency=urgency,
        description="屏幕有划痕",
        department=Department.get(code=department),
        receiver=user,
        owner=user,
        level=sla.default_level(sub, tier, False),
        product=product,
        priority=1,
        first_response_due=at,
        solution_due=at,
        resolution_due=at,
        **fields,
    )
    sla.apply_registration_rules(case, customer)
    sla.refresh_case(case, ctx, sub.callback_rule)
    case.priority = level_priority(case.level, case.urgent)
    if save:
        case.save(force_insert=True)
    return case
