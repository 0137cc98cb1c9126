"""The tracker's product, merchant and root-cause filters
(docs/rules.md#analysis-by-product-and-cause), on hand-built cases."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.db.models import CauseCategory
from desktop_app.services import tracker
from desktop_app.services.tracker import CaseFilter
from tests.helpers.cases import make_case

AT = dt.datetime(2026, 11, 20, 10)


@pytest.fixture
def made(clerk_session):
    def case(cause=None, **fields):
        root = CauseCategory.get(code=cause) if cause else None
        return make_case(at=AT, owner="clerk1", root_cause=root, **fields).id

    return {
        "watch": case("parts_packaging", product="智能手表X1", merchant="数码专营店"),
        "watch_pro": case("production_quality", product="智能手表X1 Pro"),
        "spaced": case("parts_packaging", product=" 蓝牙耳机 ", merchant="Shop_100%"),
        "plain": case(),
        "empty": case("logistics", product="", merchant="顺风店"),
    }


def _ids(session, **kwargs) -> set[int]:
    flt = CaseFilter(include_closed=True, **kwargs)
    rows = tracker.list_cases(session, flt, limit=100).rows
    assert tracker.count_cases(session, flt) == len(rows)
    return {r.id for r in rows}


def test_product_and_merchant_contain_the_text(made, manager_session):
    m = manager_session
    assert _ids(m, product="手表x1") == {made["watch"], made["watch_pro"]}  # any case
    assert _ids(m, product="  蓝牙 ") == {made["spaced"]}
    assert _ids(m, merchant="专营") == {made["watch"]}
    # Wildcards are plain characters.
    assert _ids(m, merchant="_100%") == {made["spaced"]}
    assert _ids(m, merchant="%") == {made["spaced"]}
    assert _ids(m, product="手表", merchant="专营") == {made["watch"]}


def test_exact_products_and_cases_without_one(made, manager_session):
    m = manager_session
    assert _ids(m, products=frozenset({"智能手表X1"})) == {made["watch"]}
    assert _ids(m, products=frozenset({"蓝牙耳机"})) == {made["spaced"]}  # trimmed
    assert _ids(m, products=frozenset({""})) == {made["plain"], made["empty"]}


def test_root_causes_and_no_cause(made, manager_session):
    m = manager_session
    assert _ids(m, cause_codes=frozenset({"parts_packaging"})) == {made["watch"], made["spaced"]}
    assert _ids(m, cause_codes=frozenset({"logistics", "none"})) == {made["plain"], made["empty"]}
    assert _ids(m, cause_codes=frozenset({"none"})) == {made["plain"]}
    assert (
        _ids(m, products=frozenset({"智能手表X1"}), cause_codes=frozenset({"production_quality"}))
        == set()
    )


def test_a_clerk_still_sees_only_their_scope(made, clerk_session, system_session):
    from tests.helpers.fixtures import make_user

    other = make_user(system_session, "clerk9", "clerk", departments=("tech",))
    assert _ids(clerk_session, product="手表") == {made["watch"], made["watch_pro"]}
    assert _ids(other, product="手表") == set()
