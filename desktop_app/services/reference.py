"""Reference data for forms: channels, root-cause categories, departments and the type tree (active entries, in
their configured order), as ``vocab.Term`` with the Chinese and English names, like the fixed
vocabularies. Not personal data, so no session is needed."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.db.models import CauseCategory, Channel, ComplaintType, Department
from desktop_app.domain.vocab import Term
from desktop_app.services.errors import service


@dataclass(frozen=True)
class TypeRef(Term):
    """A type or subtype: a term of the configurable tree, with its default level and
    its handling rule (a subtype's, docs/rules.md#routing; "" when none)."""

    default_level: int | None = None
    children: tuple[TypeRef, ...] = field(default_factory=tuple)
    handling_rule: str = ""


@service
def channels() -> list[Term]:
    return [
        Term(c.code, c.name_zh, c.name_en)
        for c in Channel.select().where(Channel.active).order_by(Channel.sort_order)
    ]


@service
def causes() -> list[Term]:
    """The active root-cause categories in their order (docs/rules.md#root-causes)."""
    return [
        Term(c.code, c.name_zh, c.name_en)
        for c in CauseCategory.select()
        .where(CauseCategory.active)
        .order_by(CauseCategory.sort_order, CauseCategory.id)
    ]


@service
def departments() -> list[Term]:
    return [
        Term(d.code, d.name_zh, d.name_en)
        for d in Department.select().where(Department.active).order_by(Department.sort_order)
    ]


@service
def type_tree() -> list[TypeRef]:
    rows = list(
        ComplaintType.select()
        .where(ComplaintType.active)
        .order_by(ComplaintType.sort_order, ComplaintType.id)
    )
    children: dict[int, list[TypeRef]] = {}
    for row in rows:
        if row.parent_id is not None:
            children.setdefault(row.parent_id, []).append(
                TypeRef(
                    row.code,
                    row.name_zh,
                    row.name_en,
                    row.default_level,
                    handling_rule=row.handling_rule or "",
                )
            )
    return [
        TypeRef(
            r.code,
            r.name_zh,
            r.name_en,
            r.default_level,
            tuple(children.get(r.id, ())),
            handling_rule=r.handling_rule or "",
        )
        for r in rows
        if r.parent_id is None
    ]
