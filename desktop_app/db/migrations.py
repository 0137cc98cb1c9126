"""Schema version and ordered migrations (playhouse.migrate).

A new database is created from the current models and stamped ``SCHEMA_VERSION``.
An older one is brought forward one step at a time; each step and its version bump run in
one transaction, and a SQLite file is copied aside before the first step.

To change the schema: change the model, append a step here that turns the previous
schema into the new one (declaring any new table as a frozen copy inside the step, never
importing the live model), and bump ``SCHEMA_VERSION``. ``tests/unit/test_migrations.py``
checks that an upgraded database equals a fresh one.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peewee import (
    AutoField,
    BooleanField,
    CharField,
    Database,
    DatabaseError,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)
from playhouse.migrate import SchemaMigrator

from desktop_app.db import change_feed, guards, models, search
from desktop_app.db.connection import copy_sqlite_file, is_postgres, is_sqlite, write_lock
from desktop_app.db.seed import seed_reference_data

log = logging.getLogger(__name__)


class SchemaError(RuntimeError):
    """The database cannot be used by this program version; the message says why."""


def _v2_login_throttle(migrator: SchemaMigrator, db: Database) -> None:
    """v2: lockout counted per typed user name; password change time on users."""

    class LoginThrottle(Model):
        username = CharField(max_length=60, primary_key=True)
        failures = IntegerField(default=0)
        locked_until = DateTimeField(null=True)
        last_failure_at = DateTimeField(null=True)

        class Meta:
            database = db
            table_name = "login_throttle"

    db.create_tables([LoginThrottle])
    migrator.migrate(
        migrator.add_column("user", "password_changed_at", DateTimeField(null=True)),
    )


def _v3_reminder_scan(migrator: SchemaMigrator, db: Database) -> None:
    """v3: reminder snooze and the index the SLA scan probes."""
    migrator.migrate(
        migrator.add_column("reminder", "snoozed_until", DateTimeField(null=True)),
        migrator.add_index("reminder", ("complaint_id", "kind", "target", "due_at"), False),
    )


def _v4_scan_state(migrator: SchemaMigrator, db: Database) -> None:
    """v4: the reminder scan's shared watermark; progress-update and survey due times
    indexed with the stage, like the other due times, so the scan's range queries use them."""

    class ScanState(Model):
        name = CharField(max_length=20, primary_key=True)
        until = DateTimeField()

        class Meta:
            database = db
            table_name = "scan_state"

    db.create_tables([ScanState])
    migrator.migrate(
        migrator.drop_index("complaint", "complaint_is_open_next_update_due"),
        migrator.drop_index("complaint", "complaint_survey_due"),
        migrator.add_index("complaint", ("stage", "next_update_due"), False),
        migrator.add_index("complaint", ("stage", "survey_due"), False),
    )


def _v5_description_search(migrator: SchemaMigrator, db: Database) -> None:
    """v5: full-text search over complaint descriptions, filled from existing cases."""
    search.create(db)
    last = 0
    while True:
        rows = db.execute_sql(
            "SELECT id, description FROM complaint WHERE id > "
            + ("?" if is_sqlite(db) else "%s")
            + " ORDER BY id LIMIT 5000",
            (last,),
        ).fetchall()
        if not rows:
            break
        search.index_rows(db, rows)
        last = rows[-1][0]


def _v6_reopen_time(migrator: SchemaMigrator, db: Database) -> None:
    """v6: the time a case was last reopened, from which its new deadlines count."""
    migrator.migrate(
        migrator.add_column("complaint", "reopened_at", DateTimeField(null=True)),
    )


def _v7_tracker_indexes(migrator: SchemaMigrator, db: Database) -> None:
    """v7: the tracker's indexes: a covering index of the open cases, next deadline,
    customer name."""
    db.execute_sql(
        'CREATE INDEX IF NOT EXISTS "complaint_open_cases" ON "complaint" ("is_open", '
        '"department_id", "owner_id", "receiver_id", "type_id", "subtype_id", "channel_id", '
        '"stage", "level", "urgent", "priority", "next_due", "registration_time", "number", '
        '"customer_name", "contact") WHERE "is_open" = TRUE'
    )
    db.execute_sql(
        'CREATE INDEX IF NOT EXISTS "complaint_next_due" ON "complaint" '
        '("next_due", "id") WHERE next_due IS NOT NULL'
    )
    migrator.migrate(migrator.add_index("complaint", ("customer_name",), False))


def _v8_open_queue_indexes(migrator: SchemaMigrator, db: Database) -> None:
    """v8: the open cases in processing order with the columns the tracker filters by
    (a filtered page read from the index alone), and the open cases' ids (the oldest
    open case at once)."""
    db.execute_sql(
        'CREATE INDEX IF NOT EXISTS "complaint_queue_open" ON "complaint" ("is_open", '
        '"priority" DESC, "next_due", "id", "department_id", "owner_id", "receiver_id", '
        '"type_id", "subtype_id", "channel_id", "stage", "level", "urgent", '
        '"registration_time", "number", "customer_name", "contact") WHERE "is_open" = TRUE'
    )
    db.execute_sql(
        'CREATE INDEX IF NOT EXISTS "complaint_open_ids" ON "complaint" '
        '("is_open", "id") WHERE "is_open" = TRUE'
    )


def _v9_audit_append_only(migrator: SchemaMigrator, db: Database) -> None:
    """v9: the database refuses to change or delete audit entries."""
    guards.protect_audit_log(db)


def _v10_routing_facts(migrator: SchemaMigrator, db: Database) -> None:
    """v10: the staff member complained about by name, the case a repeat complaint follows,
    when an account was frozen; seed 004's values for account frozen (level I, receiver,
    T+1) and merchant maintenance told of merchant infringement, where the seeded values
    were kept."""

    class Complaint(Model):
        id = AutoField()

        class Meta:
            database = db
            table_name = "complaint"

    migrator.migrate(
        migrator.add_column(
            "complaint", "subject_staff_name", CharField(max_length=100, null=True)
        ),
        migrator.add_column(
            "complaint",
            "repeat_of_id",
            ForeignKeyField(Complaint, null=True, on_delete="SET NULL", field=Complaint.id),
        ),
        migrator.add_column("complaint", "account_frozen_at", DateTimeField(null=True)),
    )
    db.execute_sql(
        "UPDATE complaint_type SET default_level = 1, handling_rule = 'receiver', "
        "callback_rule = 't+1', handler_department_id = NULL "
        "WHERE code = 'account_frozen' AND default_level = 3 "
        "AND handling_rule = 'risk_control' AND callback_rule = 't+2'"
    )
    db.execute_sql(
        "UPDATE complaint_type SET handling_rule = 'receiver_notify_merchant', "
        "notify_department_id = (SELECT id FROM department WHERE code = 'merchant_maintenance') "
        "WHERE code = 'merchant_infringement' AND handling_rule = 'receiver' "
        "AND notify_department_id IS NULL"
    )


def _v11_official_calendar(migrator: SchemaMigrator, db: Database) -> None:
    """v11: a year's official days off and makeup working days imported from the State
    Council's holiday notice."""

    class User(Model):
        id = AutoField()

        class Meta:
            database = db
            table_name = "user"

    class OfficialCalendarYear(Model):
        year = IntegerField(primary_key=True)
        days_off = TextField(default="[]")
        makeup_workdays = TextField(default="[]")
        names = TextField(default="{}")
        notice_text = TextField(default="")
        imported_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
        imported_at = DateTimeField()

        class Meta:
            database = db
            table_name = "official_calendar_year"

    db.create_tables([OfficialCalendarYear])


def _v12_notification_outbox(migrator: SchemaMigrator, db: Database) -> None:
    """v12: the outbox of group-robot notifications (docs/rules.md#group-robot-notifications)."""

    class Complaint(Model):
        id = AutoField()

        class Meta:
            database = db
            table_name = "complaint"

    class NotificationOutbox(Model):
        id = AutoField()
        event_key = CharField(max_length=200, unique=True)
        kind = CharField(max_length=20)
        complaint = ForeignKeyField(Complaint, null=True, backref="+", on_delete="SET NULL")
        url_key = CharField(max_length=80)
        payload = TextField()
        created_at = DateTimeField()
        attempts = IntegerField(default=0)
        last_error = TextField(null=True)
        claimed_until = DateTimeField(null=True)
        sent_at = DateTimeField(null=True)
        failed_at = DateTimeField(null=True)

        class Meta:
            database = db
            table_name = "notification_outbox"
            indexes = ((("sent_at", "failed_at"), False),)

    db.create_tables([NotificationOutbox])


def _v13_private_drafts_and_lockout_per_pc(migrator: SchemaMigrator, db: Database) -> None:
    """v13: intake drafts in the database (one row per user, the form as JSON); the sign-in
    lockout counted per user name and computer (the old per-name counts are dropped: they
    only ever last minutes)."""

    class User(Model):
        id = AutoField()

        class Meta:
            database = db
            table_name = "user"

    class LoginThrottle(Model):
        id = AutoField()
        username = CharField(max_length=60)
        host = CharField(max_length=100, default="")
        failures = IntegerField(default=0)
        locked_until = DateTimeField(null=True)
        last_failure_at = DateTimeField(null=True)

        class Meta:
            database = db
            table_name = "login_throttle"
            indexes = ((("username", "host"), True),)

    class IntakeDraft(Model):
        user = ForeignKeyField(User, primary_key=True, backref="+", on_delete="CASCADE")
        form = TextField()
        saved_at = DateTimeField()

        class Meta:
            database = db
            table_name = "intake_draft"

    db.execute_sql('DROP TABLE IF EXISTS "login_throttle"')
    db.create_tables([LoginThrottle, IntakeDraft])


def _v14_lean_case_indexes(migrator: SchemaMigrator, db: Database) -> None:
    """v14: every save writes each index of the cases (and an audit entry), so keep only
    those a query reads (docs/rules.md#indexes): drop the prefix duplicates and the
    foreign-key indexes no query reads, of the cases, reminders and audit log; the reminder scan's due times, the closed cases' processing order and close
    times as partial indexes (the open cases are a few percent of all)."""
    for name in (
        "complaint_customer_id",
        "complaint_receiver_id",
        "complaint_channel_id",
        "complaint_type_id",
        "complaint_subject_staff_id",
        "complaint_repeat_of_id",
        "complaint_batch_id",
        "complaint_updated_by_id",
        "complaint_owner_id_is_open",
        "complaint_department_id_is_open",
        "complaint_queue",
        "complaint_stage_first_response_due",
        "complaint_stage_solution_due",
        "complaint_stage_resolution_due",
        "complaint_stage_next_update_due",
        "complaint_closed_at",
        "reminder_complaint_id",
        "reminder_recipient_id",
        "reminder_acknowledged_by_id",
        "audit_log_user_id",
        "audit_log_user_id_at",
    ):
        db.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
    for due in ("first_response_due", "solution_due", "resolution_due", "next_update_due"):
        db.execute_sql(
            f'CREATE INDEX IF NOT EXISTS "complaint_open_{due}" ON "complaint" '
            f'("is_open", "{due}") WHERE "is_open" = TRUE'
        )
    db.execute_sql(
        'CREATE INDEX IF NOT EXISTS "complaint_queue_closed" ON "complaint" '
        '("is_open", "priority" DESC, "next_due", "id") WHERE "is_open" = FALSE'
    )
    db.execute_sql(
        'CREATE INDEX IF NOT EXISTS "complaint_closed_at" ON "complaint" ("closed_at") '
        'WHERE "closed_at" IS NOT NULL'
    )
    db.execute_sql(
        'CREATE INDEX IF NOT EXISTS "complaint_open_owner_id" ON "complaint" '
        '("is_open", "owner_id") WHERE "is_open" = TRUE'
    )


def _v15_root_causes(migrator: SchemaMigrator, db: Database) -> None:
    """v15: the root-cause categories and a case's root cause with its 5W1H notes
    (docs/rules.md#root-causes); the categories are seeded afterwards."""

    class CauseCategory(Model):
        id = AutoField()
        code = CharField(max_length=40, unique=True)
        name_zh = CharField(max_length=60)
        name_en = CharField(max_length=80)
        sort_order = IntegerField(default=0)
        active = BooleanField(default=True)

        class Meta:
            database = db
            table_name = "cause_category"

    db.create_tables([CauseCategory])
    migrator.migrate(
        migrator.add_column(
            "complaint",
            "root_cause_id",
            ForeignKeyField(
                CauseCategory,
                null=True,
                on_delete="RESTRICT",
                field=CauseCategory.id,
                index=False,
            ),
        ),
        migrator.add_column("complaint", "root_cause_notes", TextField(null=True)),
    )


def _v16_improvement_follow_ups(migrator: SchemaMigrator, db: Database) -> None:
    """v16: an improvement action's responsible person, product links and monthly
    follow-ups (docs/rules.md#improvement-actions)."""

    class User(Model):
        id = AutoField()

        class Meta:
            database = db
            table_name = "user"

    class ImprovementAction(Model):
        id = AutoField()

        class Meta:
            database = db
            table_name = "improvement_action"

    class ImprovementFollowUp(Model):
        id = AutoField()
        action = ForeignKeyField(ImprovementAction, backref="+", on_delete="CASCADE")
        month = DateField()
        done = TextField()
        status = CharField(max_length=20)
        recorded_by = ForeignKeyField(User, backref="+", on_delete="RESTRICT", index=False)
        recorded_at = DateTimeField()

        class Meta:
            database = db
            table_name = "improvement_follow_up"
            indexes = ((("action", "month"), True),)

    db.create_tables([ImprovementFollowUp])
    migrator.migrate(
        migrator.add_column(
            "improvement_action",
            "responsible_id",
            ForeignKeyField(User, null=True, on_delete="SET NULL", field=User.id, index=False),
        ),
        migrator.add_column("improvement_link", "product", CharField(max_length=120, null=True)),
    )


def _v17_review_meetings_and_case_library(migrator: SchemaMigrator, db: Database) -> None:
    """v17: review meetings [复盘会] with their decisions (docs/rules.md#review-meetings) and
    the typical-case library [典型案例库] (docs/rules.md#typical-case-library)."""

    def stub(name: str) -> type[Model]:
        class Meta:
            database = db
            table_name = name

        return type(name.title().replace("_", ""), (Model,), {"id": AutoField(), "Meta": Meta})

    user_table, department_table = stub("user"), stub("department")
    complaint_table, action_table = stub("complaint"), stub("improvement_action")

    class ReviewMeeting(Model):
        id = AutoField()
        held_on = DateField()
        period_start = DateField()
        period_end = DateField()
        departments = TextField(default="[]")
        attendees = TextField(default="")
        hot_spots = TextField(default="[]")
        notes = TextField(default="")
        created_by = ForeignKeyField(user_table, backref="+", on_delete="RESTRICT")
        created_at = DateTimeField()
        updated_at = DateTimeField()

        class Meta:
            database = db
            table_name = "review_meeting"

    class ReviewDecision(Model):
        id = AutoField()
        meeting = ForeignKeyField(ReviewMeeting, backref="+", on_delete="CASCADE")
        sort_order = IntegerField(default=0)
        text = TextField()
        department = ForeignKeyField(department_table, backref="+", on_delete="RESTRICT")
        deadline = DateField(null=True)
        action = ForeignKeyField(action_table, null=True, backref="+", on_delete="SET NULL")

        class Meta:
            database = db
            table_name = "review_decision"

    class TypicalCase(Model):
        id = AutoField()
        complaint = ForeignKeyField(complaint_table, unique=True, backref="+", on_delete="CASCADE")
        summary = TextField()
        lesson = TextField()
        script = TextField()
        description = TextField()
        marked_by = ForeignKeyField(user_table, backref="+", on_delete="RESTRICT")
        marked_at = DateTimeField()
        updated_at = DateTimeField()

        class Meta:
            database = db
            table_name = "typical_case"

    db.create_tables([ReviewMeeting, ReviewDecision, TypicalCase])


def _v18_improvement_reminders(migrator: SchemaMigrator, db: Database) -> None:
    """v18: the improvement action a reminder is about (overdue actions and missing
    monthly follow-ups, docs/rules.md#improvement-actions)."""

    class ImprovementAction(Model):
        id = AutoField()

        class Meta:
            database = db
            table_name = "improvement_action"

    migrator.migrate(
        migrator.add_column(
            "reminder",
            "improvement_action_id",
            ForeignKeyField(
                ImprovementAction, null=True, on_delete="CASCADE", field=ImprovementAction.id
            ),
        ),
    )


def _v19_open_cases_search(migrator: SchemaMigrator, db: Database) -> None:
    """v19: PostgreSQL: the search entries' open flag and the open cases' index of terms
    (docs/rules.md#search-index); SQLite's index is unchanged."""
    search.add_open_flag(db)


# (version reached, description, step). Append only; never edit a released step.
MIGRATIONS: list[tuple[int, str, Callable[[SchemaMigrator, Database], None]]] = [
    (2, "login throttle and password change time", _v2_login_throttle),
    (3, "reminder snooze and scan index", _v3_reminder_scan),
    (4, "reminder scan watermark", _v4_scan_state),
    (5, "full-text search over descriptions", _v5_description_search),
    (6, "reopen time of cases", _v6_reopen_time),
    (7, "tracker indexes", _v7_tracker_indexes),
    (8, "open cases in processing order, open case ids", _v8_open_queue_indexes),
    (9, "append-only audit log", _v9_audit_append_only),
    (
        10,
        "routing facts: staff complained about, repeat complaints, account freeze",
        _v10_routing_facts,
    ),
    (11, "official calendar years from the holiday notice", _v11_official_calendar),
    (12, "group-robot notification outbox", _v12_notification_outbox),
    (
        13,
        "intake drafts in the database, sign-in lockout per computer",
        _v13_private_drafts_and_lockout_per_pc,
    ),
    (14, "only the case indexes a query reads, the open cases' partial", _v14_lean_case_indexes),
    (15, "root-cause categories and a case's root cause", _v15_root_causes),
    (
        16,
        "improvement actions: responsible person, products, monthly follow-ups",
        _v16_improvement_follow_ups,
    ),
    (17, "review meetings and the typical-case library", _v17_review_meetings_and_case_library),
    (18, "reminders about improvement actions", _v18_improvement_reminders),
    (19, "the open cases' search index (PostgreSQL)", _v19_open_cases_search),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]
# Strictly increasing (contiguous once the parallel branches are merged and renumbered).
assert [v for v, _, _ in MIGRATIONS] == list(range(2, SCHEMA_VERSION + 1))


@dataclass
class MigrationResult:
    created: bool
    from_version: int
    to_version: int
    backup: Path | None = None

    @property
    def migrated(self) -> bool:
        return not self.created and self.from_version != self.to_version


def current_version(db: Database) -> int | None:
    """The stored schema version, or None for a database without our tables."""
    if not db.table_exists(models.SchemaVersion._meta.table_name):
        return None
    row = models.SchemaVersion.select().order_by(models.SchemaVersion.version.desc()).first()
    return row.version if row else None


def _serialize_schema_changes(db: Database) -> None:
    """Keep two programs from creating or migrating the same database at once."""
    if is_postgres(db):
        db.execute_sql("SELECT pg_advisory_xact_lock(4242001)")


def _backup_before_migrating(db: Database, version: int, now: dt.datetime) -> Path | None:
    if not is_sqlite(db):
        return None
    path = Path(db.database)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = path.parent / "backups" / f"{path.stem}.before-v{version + 1}.{stamp}{path.suffix}"
    copy_sqlite_file(db, target)
    log.info("copied %s to %s before migrating", path, target)
    return target


def migrate(db: Database, *, now: dt.datetime | None = None) -> MigrationResult:
    """Create or bring the bound database up to ``SCHEMA_VERSION`` and top up seed data."""
    now = now or dt.datetime.now().replace(microsecond=0)
    with write_lock(db):
        _serialize_schema_changes(db)
        version = current_version(db)
        if version is None:
            existing = set(db.get_tables()) & {m._meta.table_name for m in models.ALL_MODELS}
            if existing:
                raise SchemaError(
                    "the database has complaint tables but no schema version; "
                    "it was not made by this program"
                )
            db.create_tables(models.ALL_MODELS)
            search.create(db)
            guards.protect_audit_log(db)
            change_feed.install_triggers(db)
            models.SchemaVersion.create(version=SCHEMA_VERSION, migrated_at=now)
            seed_reference_data()
            log.info("created schema version %s", SCHEMA_VERSION)
            return MigrationResult(True, 0, SCHEMA_VERSION)
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"the database is at schema version {version}, newer than this program "
            f"({SCHEMA_VERSION}); install the newer program version"
        )
    backup = None
    if version < SCHEMA_VERSION:
        backup = _backup_before_migrating(db, version, now)
        migrator = SchemaMigrator.from_database(db)
        for target, description, step in MIGRATIONS:
            if target <= version:
                continue
            with write_lock(db):
                _serialize_schema_changes(db)
                if (current_version(db) or 0) >= target:  # another program got there first
                    continue
                log.info("migrating to schema version %s: %s", target, description)
                step(migrator, db)
                models.SchemaVersion.update(version=target, migrated_at=now).execute()
    with write_lock(db):
        seed_reference_data()
        reprotect_audit_log(db)
        reinstall_change_triggers(db)
        if version >= 5:  # the search index exists (v5 made it)
            search.configure(db)
    return MigrationResult(False, version, SCHEMA_VERSION, backup)


def reinstall_change_triggers(db: Database) -> None:
    """The PostgreSQL triggers that tell other PCs of changes (db/change_feed.py), made
    again every migration run (so every start): no schema version of their own. An account
    without the right to create them leaves them as they are (other PCs then see changes
    at their periodic refresh)."""
    if not is_postgres(db) or change_feed.triggers_installed(db):
        return
    try:
        with db.atomic():  # a savepoint: a refusal leaves the surrounding transaction usable
            change_feed.install_triggers(db)
    except DatabaseError as exc:
        log.error("the change notification triggers could not be created: %s", exc)


def reprotect_audit_log(db: Database) -> None:
    """Put the audit log's append-only triggers back when they are missing (a restored or
    tampered file, docs/rules.md#audit-log): every migration run, so every start, ``init``
    and ``restore``. An account without the right to create them (PostgreSQL's application
    role) leaves them to the owner; ``check`` then reports them missing."""
    if guards.audit_log_protected(db):
        return
    try:
        with db.atomic():  # a savepoint: a refusal leaves the surrounding transaction usable
            guards.protect_audit_log(db)
    except DatabaseError as exc:
        log.error("the audit log's triggers are missing and could not be restored: %s", exc)
        return
    log.warning("the audit log's append-only triggers were missing: restored")
