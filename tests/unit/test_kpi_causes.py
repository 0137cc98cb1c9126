"""Analysis by product and cause (docs/rules.md#analysis-by-product-and-cause): hand-built
cases of November 2026 and of the 30 days before it, every figure worked out by hand."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop_app.db.models import CauseCategory
from desktop_app.services import kpi
from tests.helpers.cases import make_case

NOV_1, NOV_30 = dt.date(2026, 11, 1), dt.date(2026, 11, 30)


def _case(day: dt.date, *, cause: str | None = None, **fields) -> None:
    root = CauseCategory.get(code=cause) if cause else None
    make_case(at=dt.datetime.combine(day, dt.time(10)), owner="clerk1", root_cause=root, **fields)


@pytest.fixture
def cases(clerk_session):
    watch = {"product": "智能手表X1"}
    earbuds = {"product": "蓝牙耳机", "merchant": "数码专营店"}
    late = {"subtype": "logistics_delay", "merchant": "顺风店"}
    nov = dt.date(2026, 11, 3)
    for _ in range(3):
        _case(nov, cause="parts_packaging", **watch)
    _case(nov, cause="production_quality", **watch)
    _case(NOV_30, **watch)  # the period's last day; no cause recorded yet
    for _ in range(2):
        _case(nov, cause="logistics", **late)
    _case(NOV_1, cause="product_design")  # no product: by its subtype
    for _ in range(2):
        _case(nov, **earbuds)
    # The previous period of the same length: 2 to 31 October.
    _case(dt.date(2026, 10, 2), cause="parts_packaging", **watch)
    for _ in range(2):
        _case(dt.date(2026, 10, 20), cause="logistics", subtype="logistics_delay")
    for _ in range(2):
        _case(dt.date(2026, 10, 31))
    _case(dt.date(2026, 10, 1), cause="parts_packaging", **watch)  # before both periods


def _json(session, **kwargs) -> dict:
    report = kpi.kpi_report(session, NOV_1, NOV_30, **kwargs)
    return json.loads(json.dumps(kpi.to_json_dict(report), ensure_ascii=False))


def test_counts_by_cause_product_and_merchant(cases, manager_session):
    data = _json(manager_session)
    assert data["volume"] == 10
    assert data["previous_period"] == {"from": "2026-10-02", "to": "2026-10-31"}
    assert data["by_cause"] == {
        "product_design": 1,
        "production_quality": 1,
        "parts_packaging": 3,
        "logistics": 2,
        "merchant_conduct": 0,
        "staff_attitude": 0,
        "staff_skill": 0,
        "process_rules": 0,
        "system_fault": 0,
        "external": 0,
        "customer_misunderstanding": 0,
        "none": 3,
    }
    assert data["by_product"] == {"智能手表X1": 5, "蓝牙耳机": 2}
    # Ties by name (数 before 顺).
    assert data["by_merchant"] == {"数码专营店": 2, "顺风店": 2}


def test_hot_spots_share_and_change_against_the_previous_period(cases, manager_session):
    spots = _json(manager_session)["hot_spots"]
    assert spots == [
        # 3 of 10 now, 1 of 5 before: 30% against 20%; the watch is 5 of 10.
        {
            "product": "智能手表X1",
            "subtype": None,
            "cause": "parts_packaging",
            "count": 3,
            "share": 0.3,
            "previous_count": 1,
            "previous_share": 0.2,
            "change": 0.1,
            "item_count": 5,
            "item_share": 0.5,
        },
        # No product: the subtype. 2 of 10 against 2 of 5.
        {
            "product": None,
            "subtype": "logistics_delay",
            "cause": "logistics",
            "count": 2,
            "share": 0.2,
            "previous_count": 2,
            "previous_share": 0.4,
            "change": -0.2,
            "item_count": 2,
            "item_share": 0.2,
        },
        # Ties: subtypes (no product) before products.
        {
            "product": None,
            "subtype": "functional_defect",
            "cause": "product_design",
            "count": 1,
            "share": 0.1,
            "previous_count": 0,
            "previous_share": 0.0,
            "change": 0.1,
            "item_count": 1,
            "item_share": 0.1,
        },
        {
            "product": "智能手表X1",
            "subtype": None,
            "cause": "production_quality",
            "count": 1,
            "share": 0.1,
            "previous_count": 0,
            "previous_share": 0.0,
            "change": 0.1,
            "item_count": 5,
            "item_share": 0.5,
        },
    ]


def test_one_department_and_an_empty_previous_period(cases, manager_session):
    data = _json(manager_session, department_code="logistics")
    assert data["volume"] == 0 and data["hot_spots"] == []
    assert data["by_cause"]["none"] == 0 and data["by_product"] == {}
    # October: no cases in September before it, so no previous shares.
    report = kpi.kpi_report(manager_session, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    spots = kpi.to_json_dict(report)["hot_spots"]
    assert [(s["product"], s["subtype"], s["count"]) for s in spots] == [
        (None, "logistics_delay", 2),
        ("智能手表X1", None, 2),
    ]
    first = spots[1]
    assert first["share"] == 0.3333  # 2 of October's 6
    assert (first["previous_count"], first["previous_share"], first["change"]) == (0, None, None)
