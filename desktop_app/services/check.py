"""``check``: integrity of the database file and the domain's invariants.

Every check is one aggregate query so it stays quick over a million cases. The issue on
reliability extends the list; each finding names what is wrong and how many rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from peewee import Database, SelectBase, fn

from desktop_app.db import guards, migrations, search
from desktop_app.db.connection import is_sqlite
from desktop_app.db.models import Approval, Complaint, ProgressEntry, Survey, database_proxy
from desktop_app.services.errors import service
from desktop_app.services.permissions import require_admin, require_role
from desktop_app.services.session import Session


@dataclass
class CheckResult:
    name: str
    ok: bool
    detail: str = ""
    warning: bool = False  # ok, but worth a look (shown as WARN; the exit code stays 0)


@dataclass(frozen=True)
class AuditProtection:
    """The audit log's guard as the admin page shows it (docs/rules.md#audit-log)."""

    protected: bool  # the append-only triggers are in place
    owner: bool | None  # the program connects as the audit log's owner; None: SQLite


def connected_as_owner(db: Database) -> bool | None:
    """PostgreSQL: whether the connection's role owns ``audit_log`` (and so could drop its
    triggers); None on SQLite, where whoever can write the file can do anything."""
    if is_sqlite(db):
        return None
    row = db.execute_sql(
        "SELECT pg_has_role(current_user, tableowner, 'MEMBER') FROM pg_tables "
        "WHERE schemaname = current_schema() AND tablename = 'audit_log'"
    ).fetchone()
    return bool(row and row[0])


@service
def audit_protection(session: Session) -> AuditProtection:
    """Whether the audit log is protected (managers and administrators: the admin page)."""
    require_role(session, "manager", "admin")
    db = database_proxy.obj
    return AuditProtection(guards.audit_log_protected(db), connected_as_owner(db))


@dataclass
class CheckReport:
    results: list[CheckResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    def add(self, name: str, bad_count: int, what: str) -> None:
        self.results.append(
            CheckResult(name, bad_count == 0, "" if bad_count == 0 else f"{bad_count} {what}")
        )

    def text(self) -> str:
        lines = [
            f"{'FAIL' if not r.ok else 'WARN' if r.warning else 'OK  '} {r.name}"
            + (f": {r.detail}" if r.detail else "")
            for r in self.results
        ]
        lines.append(
            "all checks passed"
            if self.ok
            else f"{sum(not r.ok for r in self.results)} check(s) failed"
        )
        return "\n".join(lines)


def _count(query: SelectBase) -> int:
    return query.count()


def _scalar(db: Database, sql: str) -> int:
    return int(db.execute_sql(sql).fetchone()[0] or 0)


@service
def run_checks(session: Session) -> CheckReport:
    require_admin(session)
    db = database_proxy.obj
    report = CheckReport()
    version = migrations.current_version(db)
    report.results.append(
        CheckResult(
            "schema version",
            version == migrations.SCHEMA_VERSION,
            ""
            if version == migrations.SCHEMA_VERSION
            else f"database at {version}, program expects {migrations.SCHEMA_VERSION}",
        )
    )
    if is_sqlite(db):
        rows = [r[0] for r in db.execute_sql("PRAGMA integrity_check").fetchall()]
        report.results.append(
            CheckResult(
                "file integrity", rows == ["ok"], "" if rows == ["ok"] else "; ".join(rows[:5])
            )
        )
        bad_fk = db.execute_sql("PRAGMA foreign_key_check").fetchall()
        report.add("foreign keys", len(bad_fk), "rows point at missing rows")
    C, P = Complaint, ProgressEntry
    report.add(
        "complaint numbers unique",
        _count(C.select(C.number).group_by(C.number).having(fn.COUNT(C.id) > 1)),
        "numbers used more than once",
    )
    report.add(
        "deadlines present and after the complaint time",
        _count(
            C.select().where(
                C.first_response_due.is_null()
                | C.solution_due.is_null()
                | C.resolution_due.is_null()
                | (C.first_response_due < C.complaint_time)
                | (C.resolution_due < C.complaint_time)
            )
        ),
        "cases with a missing or impossible deadline",
    )
    report.add(
        "closed state consistent",
        _count(
            C.select().where(
                ((C.stage == "closed") & (C.is_open | C.closed_at.is_null() | C.outcome.is_null()))
                | ((C.stage != "closed") & ~C.is_open)
            )
        ),
        "cases whose stage, open flag, closing time or outcome disagree",
    )
    report.add(
        "open cases in the queue order",
        _count(C.select().where(C.is_open & C.next_due.is_null())),
        "open cases without a next deadline (they would sort apart in the queues)",
    )
    report.add(
        "closed cases without a next deadline",
        _count(C.select().where(~C.is_open & C.next_due.is_null(False))),
        "closed cases with a next deadline (they would be listed among the open cases by deadline)",
    )
    A = Approval
    report.add(
        "cases awaiting approval have a request",
        _count(
            C.select().where(
                (C.stage == "approval")
                & ~fn.EXISTS(
                    A.select(A.id).where((A.complaint == C.id) & (A.decision == "pending"))
                )
            )
        ),
        "cases at the approval stage without a pending request (no supervisor can decide)",
    )
    report.add(
        "queue priority consistent",
        _count(
            C.select().where((C.urgent & (C.priority != 4)) | (~C.urgent & (C.priority != C.level)))
        ),
        "cases with a stale priority",
    )
    report.add(
        "times in order",
        _count(
            C.select().where(
                (C.registration_time < C.complaint_time)
                | (C.closed_at.is_null(False) & (C.closed_at < C.complaint_time))
            )
        ),
        "cases closed or registered before the complaint time",
    )
    report.add(
        "one survey per case",
        _count(
            Survey.select(Survey.complaint)
            .where(Survey.complaint.is_null(False))
            .group_by(Survey.complaint)
            .having(fn.COUNT(Survey.id) > 1)
        ),
        "cases with more than one survey",
    )
    report.add(
        "stage history in order",
        _scalar(
            db,
            f"""SELECT COUNT(DISTINCT complaint_id) FROM (
                   SELECT complaint_id, updated_at, LAG(updated_at) OVER (
                       PARTITION BY complaint_id ORDER BY id) AS previous
                   FROM {P._meta.table_name}) AS history WHERE updated_at < previous""",
        ),
        "cases whose progress entries were written out of time order",
    )
    report.add(
        "every case in the search index",
        abs(_count(C.select()) - search.indexed_count(db)),
        "cases missing from (or extra in) the description search index",
    )
    report.add(
        "search index knows the open cases",
        search.open_flag_mismatches(db),
        "search entries whose open flag disagrees with their case (the text search over "
        "the open cases misses or adds them)",
    )
    report.results.append(
        CheckResult(
            "audit log append-only",
            guards.audit_log_protected(db),
            ""
            if guards.audit_log_protected(db)
            else "the database does not refuse changes to audit entries (run init to repair)",
        )
    )
    owner = connected_as_owner(db)
    report.results.append(
        CheckResult(
            "application role",
            True,
            "not applicable (SQLite: protect the file itself)"
            if owner is None
            else "connected as the owner of audit_log, who can drop its triggers: create "
            "the application role with the SQL of the first-start wizard's server page "
            '("PostgreSQL roles") or of the guide (5.5) and connect the program as that role'
            if owner
            else "",
            warning=bool(owner),
        )
    )
    report.add(
        "progress after registration",
        _count(
            ProgressEntry.select().join(C).where(ProgressEntry.updated_at < C.registration_time)
        ),
        "progress entries dated before their case was registered",
    )
    return report
