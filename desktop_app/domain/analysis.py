"""Where the complaints come from (docs/rules.md#analysis-by-product-and-cause): counts by
root cause, product and merchant, and the hot spots — the product (or, for a case without
a product, the subtype) × root cause pairs with the largest share of a period's
complaints, against the previous period of the same length.

Pure: fed with grouped counts by ``services/kpi.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

# How many hot spots the report lists.
TOP_HOT_SPOTS = 10
# The key of cases without a recorded root cause in ``by_cause``.
NO_CAUSE = "none"


@dataclass(frozen=True)
class Group:
    """Cases of a period sharing product, merchant, subtype and root cause ("" when none)."""

    product: str
    merchant: str
    subtype: str
    cause: str
    count: int


@dataclass(frozen=True)
class HotSpot:
    """A product (or subtype) × cause pair: its cases now and in the previous period, and
    the product's (subtype's) own total, the "产品 X 占 30%，主要原因 Y" of the reports."""

    product: str | None
    subtype: str | None
    cause: str
    count: int
    share: float | None
    previous_count: int
    previous_share: float | None
    change: float | None  # share − previous share (None when there was no previous period)
    item_count: int  # the product's (subtype's) cases of the period, any cause
    item_share: float | None

    def to_json(self) -> dict[str, Any]:
        return {
            "product": self.product,
            "subtype": self.subtype,
            "cause": self.cause,
            "count": self.count,
            "share": self.share,
            "previous_count": self.previous_count,
            "previous_share": self.previous_share,
            "change": self.change,
            "item_count": self.item_count,
            "item_share": self.item_share,
        }


def _ratio(numerator: int, denominator: int) -> float | None:
    if not denominator:
        return None
    value = Decimal(numerator) / Decimal(denominator)
    return float(value.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def _most_first(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _item(group: Group) -> tuple[str | None, str | None]:
    """The hot spot's subject: the product, else the subtype."""
    return (group.product, None) if group.product else (None, group.subtype)


def by_cause(groups: Iterable[Group], causes: Sequence[str]) -> dict[str, int]:
    """Cases per root-cause code: every code of ``causes`` listed (0 included), in that
    order, a code outside it only with cases, and ``NO_CAUSE`` for cases without one."""
    counts = dict.fromkeys(causes, 0)
    none = 0
    for g in groups:
        if g.cause:
            counts[g.cause] = counts.get(g.cause, 0) + g.count
        else:
            none += g.count
    counts[NO_CAUSE] = none
    return counts


def by_text(groups: Iterable[Group], attribute: str) -> dict[str, int]:
    """Cases per product or merchant text (trimmed; cases without one left out), most
    first, ties by name."""
    counts: dict[str, int] = {}
    for g in groups:
        key = getattr(g, attribute).strip()
        if key:
            counts[key] = counts.get(key, 0) + g.count
    return _most_first(counts)


def hot_spots(
    groups: Sequence[Group],
    volume: int,
    previous: Sequence[Group],
    previous_volume: int,
    *,
    top: int = TOP_HOT_SPOTS,
) -> list[HotSpot]:
    """The ``top`` product-or-subtype × cause pairs with the most cases of the period
    (cases with a recorded cause only), most first, ties by product, subtype and cause;
    shares of ``volume`` (all the period's cases), changes against the previous period."""

    def pairs(rows: Iterable[Group]) -> dict[tuple[str | None, str | None, str], int]:
        out: dict[tuple[str | None, str | None, str], int] = {}
        for g in rows:
            if g.cause:
                key = (*_item(g), g.cause)
                out[key] = out.get(key, 0) + g.count
        return out

    now, before = pairs(groups), pairs(previous)
    items: dict[tuple[str | None, str | None], int] = {}
    for g in groups:
        items[_item(g)] = items.get(_item(g), 0) + g.count
    ranked = sorted(now.items(), key=lambda kv: (-kv[1], kv[0][0] or "", kv[0][1] or "", kv[0][2]))[
        :top
    ]
    spots = []
    for (product, subtype, cause), n in ranked:
        share = _ratio(n, volume)
        m = before.get((product, subtype, cause), 0)
        previous_share = _ratio(m, previous_volume)
        change = None
        if share is not None and previous_share is not None:
            change = float(Decimal(str(share)) - Decimal(str(previous_share)))
        item_count = items.get((product, subtype), 0)
        spots.append(
            HotSpot(
                product,
                subtype,
                cause,
                n,
                share,
                m,
                previous_share,
                change,
                item_count,
                _ratio(item_count, volume),
            )
        )
    return spots
