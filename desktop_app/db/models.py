"""Every table of the application, on one deferred database (``database_proxy``).

The schema covers the whole domain (docs/rules.md) so later features add behaviour, not tables.
Times are naive datetimes in the business time zone (the ``calendar.timezone`` setting, default
Asia/Shanghai): the office works in one zone and both SQLite and PostgreSQL then compare
and sort them natively.

Changing a model means adding a migration in ``migrations.py`` as well; the test
``tests/unit/test_migrations.py`` fails when a migrated database differs from a fresh one.

The bare ``id: AutoField[int]`` and ``<field>_id: ForeignKeyField[int]`` lines are for the
type checker only (annotations without a value, which peewee never sees): they declare the
primary key peewee adds and the ``_id`` attribute it gives every foreign key.
"""

from __future__ import annotations

import datetime as dt

from peewee import (
    SQL,
    AutoField,
    BooleanField,
    CharField,
    Check,
    DatabaseProxy,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    ModelIndex,
    TextField,
)

database_proxy = DatabaseProxy()


def _now() -> dt.datetime:
    # Only a fallback for rows written outside the services; services pass their clock.
    return dt.datetime.now().replace(microsecond=0)


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class SchemaVersion(BaseModel):
    """One row: the schema version the database is at."""

    id: AutoField[int]
    version = IntegerField()
    migrated_at = DateTimeField(default=_now)


class Department(BaseModel):
    id: AutoField[int]
    code = CharField(max_length=40, unique=True)
    name_zh = CharField(max_length=60)
    name_en = CharField(max_length=80)
    sort_order = IntegerField(default=0)
    active = BooleanField(default=True)


class User(BaseModel):
    id: AutoField[int]
    username = CharField(max_length=60, unique=True)
    display_name = CharField(max_length=60)
    # NULL password hash: an account that cannot sign in (e.g. a name taken over by an import).
    password_hash = CharField(max_length=255, null=True)
    role = CharField(
        max_length=20, constraints=[Check("role IN ('clerk', 'supervisor', 'manager', 'admin')")]
    )
    active = BooleanField(default=True)
    # Direct supervisor: the first step of the escalation chain
    # (docs/rules.md#reminders-and-escalation).
    supervisor: ForeignKeyField[User | None] = ForeignKeyField(
        "self", null=True, backref="reports", on_delete="SET NULL"
    )
    supervisor_id: ForeignKeyField[int | None]
    senior_agent = BooleanField(default=False)
    phone = CharField(max_length=40, null=True)
    email = CharField(max_length=120, null=True)
    created_at = DateTimeField(default=_now)
    last_login_at = DateTimeField(null=True)
    password_changed_at = DateTimeField(null=True)


class UserDepartment(BaseModel):
    id: AutoField[int]
    user = ForeignKeyField(User, backref="department_links", on_delete="CASCADE")
    user_id: ForeignKeyField[int]
    department = ForeignKeyField(Department, backref="user_links", on_delete="CASCADE")
    department_id: ForeignKeyField[int]

    class Meta:
        indexes = ((("user", "department"), True),)


class Channel(BaseModel):
    id: AutoField[int]
    code = CharField(max_length=40, unique=True)
    name_zh = CharField(max_length=60)
    name_en = CharField(max_length=80)
    sort_order = IntegerField(default=0)
    active = BooleanField(default=True)


class CauseCategory(BaseModel):
    """A root-cause category [原因分类] of the configurable list (schema v15,
    docs/rules.md#root-causes)."""

    id: AutoField[int]
    code = CharField(max_length=40, unique=True)
    name_zh = CharField(max_length=60)
    name_en = CharField(max_length=80)
    sort_order = IntegerField(default=0)
    active = BooleanField(default=True)


class ComplaintType(BaseModel):
    """The configurable type tree (docs/rules.md#types-and-levels): categories have no parent,
    subtypes do.

    A subtype carries its default level, who handles it, its first-callback rule and
    optionally a department to handle it or to notify (docs/rules.md#types-and-levels).
    """

    id: AutoField[int]
    parent: ForeignKeyField[ComplaintType | None] = ForeignKeyField(
        "self", null=True, backref="children", on_delete="RESTRICT"
    )
    parent_id: ForeignKeyField[int | None]
    code = CharField(max_length=60, unique=True)
    name_zh = CharField(max_length=60)
    name_en = CharField(max_length=80)
    default_level = IntegerField(null=True, constraints=[Check("default_level BETWEEN 1 AND 3")])
    handling_rule = CharField(max_length=40, null=True)
    callback_rule = CharField(max_length=20, null=True)
    handler_department = ForeignKeyField(Department, null=True, on_delete="SET NULL", backref="+")
    handler_department_id: ForeignKeyField[int | None]
    notify_department = ForeignKeyField(Department, null=True, on_delete="SET NULL", backref="+")
    notify_department_id: ForeignKeyField[int | None]
    sort_order = IntegerField(default=0)
    active = BooleanField(default=True)


class Customer(BaseModel):
    id: AutoField[int]
    name = CharField(max_length=100, index=True)
    phone = CharField(max_length=40, null=True, index=True)
    email = CharField(max_length=120, null=True, index=True)
    member_number = CharField(max_length=60, null=True, unique=True)
    id_number = CharField(max_length=40, null=True)
    tier = CharField(max_length=20, default="regular")
    sensitive = BooleanField(default=False)
    sensitive_kind = CharField(max_length=40, null=True)
    notes = TextField(null=True)
    created_at = DateTimeField(default=_now)
    updated_at = DateTimeField(default=_now)


class CaseBatch(BaseModel):
    """A batch complaint (批量投诉): same subtype (and product/merchant) on one day."""

    id: AutoField[int]
    subtype = ForeignKeyField(ComplaintType, backref="batches", on_delete="RESTRICT")
    subtype_id: ForeignKeyField[int]
    day = DateField()
    product = CharField(max_length=120, default="")
    created_at = DateTimeField(default=_now)

    class Meta:
        indexes = ((("subtype", "day", "product"), True),)


class Complaint(BaseModel):
    """A complaint case: every template-1 field, its state and its stored deadlines."""

    id = AutoField()
    number = CharField(max_length=40, unique=True)
    # Template 1, as recorded at registration (the customer record may change later).
    customer = ForeignKeyField(Customer, backref="complaints", on_delete="RESTRICT", index=False)
    customer_id: ForeignKeyField[int]
    # Indexed for the tracker: the customer column's order and name search (schema v7).
    customer_name = CharField(max_length=100, index=True)
    contact = CharField(max_length=200, index=True)
    member_number = CharField(max_length=60, null=True)
    id_number = CharField(max_length=40, null=True)
    member_tier = CharField(max_length=20, default="regular")
    complaint_time = DateTimeField()
    registration_time = DateTimeField(index=True)
    channel = ForeignKeyField(Channel, backref="complaints", on_delete="RESTRICT", index=False)
    channel_id: ForeignKeyField[int]
    type = ForeignKeyField(ComplaintType, backref="+", on_delete="RESTRICT", index=False)
    type_id: ForeignKeyField[int]
    subtype = ForeignKeyField(ComplaintType, backref="complaints", on_delete="RESTRICT")
    subtype_id: ForeignKeyField[int]
    urgency = CharField(
        max_length=10, constraints=[Check("urgency IN ('urgent', 'normal', 'low')")]
    )
    description = TextField()
    customer_requests = CharField(max_length=200, default="")
    customer_request_other = CharField(max_length=200, null=True)
    department = ForeignKeyField(Department, backref="complaints", on_delete="RESTRICT")
    department_id: ForeignKeyField[int]
    receiver = ForeignKeyField(User, backref="received", on_delete="RESTRICT", index=False)
    receiver_id: ForeignKeyField[int]
    product = CharField(max_length=120, null=True)
    merchant = CharField(max_length=120, null=True)
    subject_staff = ForeignKeyField(
        User, null=True, backref="complained_about", on_delete="SET NULL", index=False
    )
    subject_staff_id: ForeignKeyField[int | None]
    # The staff member complained about when they have no account (a merchant's, say), or
    # the name as typed (schema v10).
    subject_staff_name = CharField(max_length=100, null=True)
    # A repeat complaint (升级投诉) links the earlier case (schema v10).
    repeat_of: ForeignKeyField[Complaint | None] = ForeignKeyField(
        "self", null=True, backref="repeats", on_delete="SET NULL", index=False
    )
    repeat_of_id: ForeignKeyField[int | None]
    # Account security: when the receiver froze the customer's account (schema v10).
    account_frozen_at = DateTimeField(null=True)
    # The root cause [原因分类] and the 5W1H notes [原因分析] (schema v15,
    # docs/rules.md#root-causes).
    # No index: no query looks cases up by their cause (docs/rules.md#indexes); the report
    # counts causes over the period's cases.
    root_cause = ForeignKeyField(
        CauseCategory, null=True, backref="+", on_delete="RESTRICT", index=False
    )
    root_cause_id: ForeignKeyField[int | None]
    root_cause_notes = TextField(null=True)
    # State (docs/rules.md#workflow).
    owner = ForeignKeyField(User, backref="owned", on_delete="RESTRICT")
    owner_id: ForeignKeyField[int]
    stage = CharField(max_length=30, default="registered")
    is_open = BooleanField(default=True)
    level = IntegerField(constraints=[Check("level BETWEEN 1 AND 3")])
    urgent = BooleanField(default=False)
    urgent_reasons = CharField(max_length=120, default="")
    # Queue rank: 4 urgent, else the level; processing order is rank desc, next_due asc.
    priority = IntegerField()
    batch = ForeignKeyField(
        CaseBatch, null=True, backref="complaints", on_delete="SET NULL", index=False
    )
    batch_id: ForeignKeyField[int | None]
    head_office = BooleanField(default=False)
    complex_case = BooleanField(default=False)
    escalation_step = IntegerField(default=0)
    reopen_count = IntegerField(default=0)
    # When the case was last reopened: its deadlines then count from here (schema v6).
    reopened_at = DateTimeField(null=True)
    outcome = CharField(max_length=20, null=True)
    outcome_reason = TextField(null=True)
    first_response_at = DateTimeField(null=True)
    solution_agreed_at = DateTimeField(null=True)
    closed_at = DateTimeField(null=True)
    last_update_at = DateTimeField(null=True)
    # Stored deadlines (docs/rules.md#deadlines), recomputed when their inputs change.
    first_response_due = DateTimeField()
    solution_due = DateTimeField()
    resolution_due = DateTimeField()
    renegotiated_due = DateTimeField(null=True)
    next_update_due = DateTimeField(null=True)
    # The earliest deadline not yet met: what queues sort by.
    next_due = DateTimeField(null=True)
    survey_due = DateTimeField(null=True)
    no_survey_reason = CharField(max_length=200, null=True)
    # Optimistic locking: every update bumps it and checks the value read.
    version = IntegerField(default=1)
    created_at = DateTimeField(default=_now)
    updated_at = DateTimeField(default=_now)
    updated_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL", index=False)
    updated_by_id: ForeignKeyField[int | None]

    class Meta:
        table_name = "complaint"
        constraints = [
            Check(
                "stage IN ('registered', 'assigned', 'investigating', 'solution_proposed',"
                " 'approval', 'execution', 'awaiting_confirmation', 'closed')"
            ),
            Check("outcome IS NULL OR outcome IN ('resolved', 'partly_resolved', 'unresolved')"),
        ]


# Indexes of the cases (docs/rules.md#indexes). Each is read by some query of the program
# (tests/unit/test_index_usage.py fails on one that none reads); every save writes each
# index whose condition the row meets, so the open-case ones are partial (``WHERE
# "is_open" = TRUE``: a few percent of the rows) and the queries repeat that condition
# literally, so SQLite and PostgreSQL know it holds. They lead with ``is_open`` all the
# same: without statistics SQLite ranks an index by its equalities, and would otherwise
# walk complaint_open_ids (is_open, id) through every open case instead of a range.
# Single-column ones are on the fields.
# Schema v11 dropped the prefix duplicates and the foreign-key indexes no query reads
# (no case, user, channel, type or batch is ever deleted).
OPEN_CASES = SQL('"is_open" = TRUE')
# The closed cases in processing order (the tracker's all-cases list, after the open ones).
Complaint.add_index(
    ModelIndex(
        Complaint,
        (Complaint.is_open, Complaint.priority.desc(), Complaint.next_due, Complaint.id),
        name="complaint_queue_closed",
        where=SQL('"is_open" = FALSE'),
    )
)
# The reminder scan: the open cases by each due time.
for _due in (
    Complaint.first_response_due,
    Complaint.solution_due,
    Complaint.resolution_due,
    Complaint.next_update_due,
):
    Complaint.add_index(
        ModelIndex(
            Complaint,
            (Complaint.is_open, _due),
            name=f"complaint_open_{_due.name}",
            where=OPEN_CASES,
        )
    )
del _due
# The customer's cases, the receiver's ("My cases") and a subtype's of a day (the batch
# rule), newest first; a subtype's cases in id order (the tracker's order by type) need
# complaint_subtype_id as well.
Complaint.add_index(Complaint.receiver, Complaint.registration_time)
Complaint.add_index(Complaint.subtype, Complaint.registration_time)
Complaint.add_index(Complaint.customer, Complaint.registration_time)
# The reports' closed cases of a period (open cases have none: not in the index).
Complaint.add_index(
    ModelIndex(
        Complaint,
        (Complaint.closed_at,),
        name="complaint_closed_at",
        where=SQL('"closed_at" IS NOT NULL'),
    )
)
# The open cases of an owner (the senior agents' workload, routing).
Complaint.add_index(
    ModelIndex(
        Complaint,
        (Complaint.is_open, Complaint.owner),
        name="complaint_open_owner_id",
        where=OPEN_CASES,
    )
)
# The tracker (schema v7). Open cases only (a few percent of all): every column the case
# list filters and sorts them by, so a filter or sort over the open cases reads this small
# index instead of the rows. ``TRUE`` literally, here and in the queries, so SQLite knows
# a query's ``is_open = TRUE`` implies the index's condition.
Complaint.add_index(
    ModelIndex(
        Complaint,
        (
            Complaint.is_open,
            Complaint.department,
            Complaint.owner,
            Complaint.receiver,
            Complaint.type,
            Complaint.subtype,
            Complaint.channel,
            Complaint.stage,
            Complaint.level,
            Complaint.urgent,
            Complaint.priority,
            Complaint.next_due,
            Complaint.registration_time,
            Complaint.number,
            Complaint.customer_name,
            Complaint.contact,
        ),
        name="complaint_open_cases",
        where=OPEN_CASES,
    )
)
# Cases by next deadline (cases without one, the closed, are left out).
Complaint.add_index(
    ModelIndex(
        Complaint,
        (Complaint.next_due, Complaint.id),
        name="complaint_next_due",
        where=SQL("next_due IS NOT NULL"),
    )
)
Complaint.add_index(Complaint.stage, Complaint.survey_due)
# The tracker (schema v8). The open cases again, in processing order (the queue)
# with the same columns as complaint_open_cases: a filtered page of the open cases in
# processing order (a stage, a level, the text, and every scope) is read from this index
# alone.
Complaint.add_index(
    ModelIndex(
        Complaint,
        (
            Complaint.is_open,
            Complaint.priority.desc(),
            Complaint.next_due,
            Complaint.id,
            Complaint.department,
            Complaint.owner,
            Complaint.receiver,
            Complaint.type,
            Complaint.subtype,
            Complaint.channel,
            Complaint.stage,
            Complaint.level,
            Complaint.urgent,
            Complaint.registration_time,
            Complaint.number,
            Complaint.customer_name,
            Complaint.contact,
        ),
        name="complaint_queue_open",
        where=OPEN_CASES,
    )
)
# The open cases' ids: the oldest open case at once (the text search reads descriptions
# from there on), where the other indexes of the open cases are read to their end.
Complaint.add_index(
    ModelIndex(
        Complaint,
        (Complaint.is_open, Complaint.id),
        name="complaint_open_ids",
        where=OPEN_CASES,
    )
)


class DaySequence(BaseModel):
    """Last complaint number issued per day (``TS-YYYYMMDD-NNNN``), never reused."""

    day = CharField(max_length=8, primary_key=True)
    last = IntegerField(default=0)


class ProgressEntry(BaseModel):
    """Template 2: one row of a case's progress history."""

    id: AutoField[int]
    complaint = ForeignKeyField(Complaint, backref="progress", on_delete="CASCADE")
    complaint_id: ForeignKeyField[int]
    stage = CharField(max_length=30)
    owner = ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    owner_id: ForeignKeyField[int]
    planned_completion = DateTimeField(null=True)
    actual_completion = DateTimeField(null=True)
    result = TextField(null=True)
    customer_feedback = CharField(max_length=30, null=True)
    feedback_comment = TextField(null=True)
    next_action = CharField(max_length=200, null=True)
    updated_at = DateTimeField(default=_now)
    updated_by = ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    updated_by_id: ForeignKeyField[int]

    class Meta:
        indexes = ((("complaint", "updated_at"), False),)


class Attachment(BaseModel):
    """A file stored by content (SHA-256) or a recording reference, on a case or entry."""

    id: AutoField[int]
    complaint = ForeignKeyField(Complaint, backref="attachments", on_delete="CASCADE")
    complaint_id: ForeignKeyField[int]
    progress_entry = ForeignKeyField(
        ProgressEntry, null=True, backref="attachments", on_delete="CASCADE"
    )
    progress_entry_id: ForeignKeyField[int | None]
    kind = CharField(max_length=20, default="file")  # file / recording
    filename = CharField(max_length=255)
    sha256 = CharField(max_length=64, null=True, index=True)
    size = IntegerField(default=0)
    mime_type = CharField(max_length=100, null=True)
    recording_ref = CharField(max_length=120, null=True)
    added_by = ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    added_by_id: ForeignKeyField[int]
    added_at = DateTimeField(default=_now)


class Transfer(BaseModel):
    """An assignment or transfer of responsibility, with its reason (首问责任制)."""

    id: AutoField[int]
    complaint = ForeignKeyField(Complaint, backref="transfers", on_delete="CASCADE")
    complaint_id: ForeignKeyField[int]
    from_user = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    from_user_id: ForeignKeyField[int | None]
    to_user = ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    to_user_id: ForeignKeyField[int]
    from_department = ForeignKeyField(Department, null=True, backref="+", on_delete="SET NULL")
    from_department_id: ForeignKeyField[int | None]
    to_department = ForeignKeyField(Department, null=True, backref="+", on_delete="SET NULL")
    to_department_id: ForeignKeyField[int | None]
    reason = TextField()
    by_user = ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    by_user_id: ForeignKeyField[int]
    at = DateTimeField(default=_now)


class Escalation(BaseModel):
    id: AutoField[int]
    complaint = ForeignKeyField(Complaint, backref="escalations", on_delete="CASCADE")
    complaint_id: ForeignKeyField[int]
    from_step = IntegerField()
    to_step = IntegerField()
    to_user = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    to_user_id: ForeignKeyField[int | None]
    reason = TextField()
    automatic = BooleanField(default=False)
    by_user = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    by_user_id: ForeignKeyField[int | None]
    at = DateTimeField(default=_now)


class Approval(BaseModel):
    """A supervisor's decision on a proposed solution (level II/III and urgent cases)."""

    id: AutoField[int]
    complaint = ForeignKeyField(Complaint, backref="approvals", on_delete="CASCADE")
    complaint_id: ForeignKeyField[int]
    solution = TextField()
    requested_by = ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    requested_by_id: ForeignKeyField[int]
    requested_at = DateTimeField(default=_now)
    decision = CharField(
        max_length=20,
        default="pending",
        constraints=[Check("decision IN ('pending', 'approved', 'rejected')")],
    )
    approver = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    approver_id: ForeignKeyField[int | None]
    decided_at = DateTimeField(null=True)
    comment = TextField(null=True)

    class Meta:
        indexes = ((("decision", "requested_at"), False),)


class Reminder(BaseModel):
    """A reminder raised by the SLA scan. ``fire_key`` makes each fire exactly once,
    across restarts and across PCs sharing the database."""

    id: AutoField[int]
    # Unindexed alone: the scan's index below leads with it (schema v11).
    complaint = ForeignKeyField(
        Complaint, null=True, backref="reminders", on_delete="CASCADE", index=False
    )
    complaint_id: ForeignKeyField[int | None]
    kind = CharField(max_length=30)
    target = CharField(max_length=30, null=True)
    due_at = DateTimeField(null=True)
    fire_key = CharField(max_length=200, unique=True)
    recipient = ForeignKeyField(
        User, null=True, backref="reminders", on_delete="SET NULL", index=False
    )
    recipient_id: ForeignKeyField[int | None]
    department = ForeignKeyField(Department, null=True, backref="+", on_delete="SET NULL")
    department_id: ForeignKeyField[int | None]
    message = TextField(default="")
    created_at = DateTimeField(default=_now)
    acknowledged_at = DateTimeField(null=True)
    acknowledged_by = ForeignKeyField(
        User, null=True, backref="+", on_delete="SET NULL", index=False
    )
    acknowledged_by_id: ForeignKeyField[int | None]
    # A snoozed reminder stays out of the panel until then (schema v3).
    snoozed_until = DateTimeField(null=True)
    # The improvement action an ``improvement_*`` reminder is about (schema v18,
    # docs/rules.md#improvement-actions): added after ImprovementAction, further down.
    improvement_action: ForeignKeyField[ImprovementAction | None]
    improvement_action_id: ForeignKeyField[int | None]

    class Meta:
        indexes = (
            (("recipient", "acknowledged_at"), False),
            (("created_at",), False),
            # The scan's "already fired?" probe for a case's deadline (schema v3).
            (("complaint", "kind", "target", "due_at"), False),
        )


class ScanState(BaseModel):
    """How far the reminder scan got, shared by every PC on the database (schema v4):
    ``all`` for every case, ``urgent`` for the urgent-only scans outside working hours."""

    name = CharField(max_length=20, primary_key=True)
    until = DateTimeField()


class Survey(BaseModel):
    """Template 3. At most one survey per complaint; proactive surveys have none."""

    id: AutoField[int]
    complaint = ForeignKeyField(
        Complaint, null=True, unique=True, backref="surveys", on_delete="CASCADE"
    )
    complaint_id: ForeignKeyField[int | None]
    customer = ForeignKeyField(Customer, null=True, backref="surveys", on_delete="SET NULL")
    customer_id: ForeignKeyField[int | None]
    customer_name = CharField(max_length=100)
    survey_time = DateTimeField(index=True)
    method = CharField(max_length=20)
    surveyor = ForeignKeyField(User, backref="surveys", on_delete="RESTRICT")
    surveyor_id: ForeignKeyField[int]
    timeliness = IntegerField(constraints=[Check("timeliness BETWEEN 1 AND 5")])
    effectiveness = IntegerField(constraints=[Check("effectiveness BETWEEN 1 AND 5")])
    attitude = IntegerField(constraints=[Check("attitude BETWEEN 1 AND 5")])
    overall = IntegerField(constraints=[Check("overall BETWEEN 1 AND 5")])
    most_satisfied = CharField(max_length=200, default="")
    most_satisfied_other = CharField(max_length=200, null=True)
    needs_improvement = CharField(max_length=200, default="")
    needs_improvement_other = CharField(max_length=200, null=True)
    suggestions = TextField(null=True)
    created_at = DateTimeField(default=_now)


class SurveyAttempt(BaseModel):
    """A call attempt for a survey: no answer, refused, wrong number, call back later."""

    id: AutoField[int]
    complaint = ForeignKeyField(Complaint, backref="survey_attempts", on_delete="CASCADE")
    complaint_id: ForeignKeyField[int]
    at = DateTimeField(default=_now)
    by_user = ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    by_user_id: ForeignKeyField[int]
    result = CharField(max_length=30)
    next_try_at = DateTimeField(null=True)
    note = TextField(null=True)

    class Meta:
        indexes = ((("complaint", "at"), False),)


class FollowUp(BaseModel):
    """Follow-up of an unhappy customer (low survey score), for the case's supervisor."""

    id: AutoField[int]
    complaint = ForeignKeyField(Complaint, backref="follow_ups", on_delete="CASCADE")
    complaint_id: ForeignKeyField[int]
    survey = ForeignKeyField(Survey, null=True, backref="follow_ups", on_delete="CASCADE")
    survey_id: ForeignKeyField[int | None]
    assigned_to = ForeignKeyField(User, null=True, backref="follow_ups", on_delete="SET NULL")
    assigned_to_id: ForeignKeyField[int | None]
    reason = TextField()
    created_at = DateTimeField(default=_now)
    done_at = DateTimeField(null=True)
    done_note = TextField(null=True)


class ImprovementAction(BaseModel):
    """Continuous improvement (持续改进): problem, plan, department, deadline, status."""

    id: AutoField[int]
    problem = TextField()
    plan = TextField()
    department = ForeignKeyField(Department, backref="improvements", on_delete="RESTRICT")
    department_id: ForeignKeyField[int]
    deadline = DateField(null=True)
    status = CharField(max_length=20, default="planned")
    created_by = ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    created_by_id: ForeignKeyField[int]
    created_at = DateTimeField(default=_now)
    updated_at = DateTimeField(default=_now)
    # The responsible person (docs/rules.md#improvement-actions; schema v16).
    responsible = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL", index=False)
    responsible_id: ForeignKeyField[int | None]


# Reminder.improvement_action (schema v18): a real foreign key (a DeferredForeignKey would
# create no constraint), added once its model exists; the last column of ``reminder``.
Reminder._meta.add_field(
    "improvement_action",
    ForeignKeyField(ImprovementAction, null=True, backref="reminders", on_delete="CASCADE"),
)


class ImprovementLink(BaseModel):
    """An action's link: a complaint type, a case or (v16) a product name."""

    id: AutoField[int]
    action = ForeignKeyField(ImprovementAction, backref="links", on_delete="CASCADE")
    action_id: ForeignKeyField[int]
    complaint_type = ForeignKeyField(ComplaintType, null=True, backref="+", on_delete="CASCADE")
    complaint_type_id: ForeignKeyField[int | None]
    complaint = ForeignKeyField(Complaint, null=True, backref="improvements", on_delete="CASCADE")
    complaint_id: ForeignKeyField[int | None]
    product = CharField(max_length=120, null=True)


class ImprovementFollowUp(BaseModel):
    """A monthly follow-up of an improvement action: what was done that month and the
    status then (docs/rules.md#improvement-actions; schema v16). One per action and month."""

    id: AutoField[int]
    action = ForeignKeyField(ImprovementAction, backref="follow_ups", on_delete="CASCADE")
    action_id: ForeignKeyField[int]
    month = DateField()  # the month's first day
    done = TextField()
    status = CharField(max_length=20)
    recorded_by = ForeignKeyField(User, backref="+", on_delete="RESTRICT", index=False)
    recorded_by_id: ForeignKeyField[int]
    recorded_at = DateTimeField(default=_now)

    class Meta:
        indexes = ((("action", "month"), True),)


class ReviewMeeting(BaseModel):
    """A review meeting [复盘会] (schema v17, docs/rules.md#review-meetings): when, who was
    there, the period reviewed and its hot spots (a JSON snapshot of the report's
    ``hot_spots``), notes."""

    id: AutoField[int]
    held_on = DateField()
    period_start = DateField()
    period_end = DateField()
    departments = TextField(default="[]")  # JSON list of department codes present
    attendees = TextField(default="")  # the people present, as typed
    hot_spots = TextField(default="[]")  # JSON: the report's hot spots when recorded
    notes = TextField(default="")
    created_by = ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    created_by_id: ForeignKeyField[int]
    created_at = DateTimeField(default=_now)
    updated_at = DateTimeField(default=_now)


class ReviewDecision(BaseModel):
    """A decision of a review meeting: what, which department, by when; the improvement
    action it created, if any."""

    id: AutoField[int]
    meeting = ForeignKeyField(ReviewMeeting, backref="decisions", on_delete="CASCADE")
    meeting_id: ForeignKeyField[int]
    sort_order = IntegerField(default=0)
    text = TextField()
    department = ForeignKeyField(Department, backref="+", on_delete="RESTRICT")
    department_id: ForeignKeyField[int]
    deadline = DateField(null=True)
    action = ForeignKeyField(ImprovementAction, null=True, backref="+", on_delete="SET NULL")
    action_id: ForeignKeyField[int | None]


class TypicalCase(BaseModel):
    """A closed case kept in the typical-case library [典型案例库] (schema v17,
    docs/rules.md#typical-case-library): summary, lesson, the handling script that worked and
    the description with contacts and ID numbers masked."""

    id: AutoField[int]
    complaint = ForeignKeyField(Complaint, unique=True, backref="+", on_delete="CASCADE")
    complaint_id: ForeignKeyField[int]
    summary = TextField()
    lesson = TextField()
    script = TextField()
    description = TextField()  # masked when marked (domain/masking.py mask_free_text)
    marked_by = ForeignKeyField(User, backref="+", on_delete="RESTRICT")
    marked_by_id: ForeignKeyField[int]
    marked_at = DateTimeField(default=_now)
    updated_at = DateTimeField(default=_now)


class Setting(BaseModel):
    """A manager-editable setting (SLA policy, calendar, thresholds), JSON-encoded."""

    key = CharField(max_length=80, primary_key=True)
    value = TextField()
    updated_at = DateTimeField(default=_now)
    updated_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    updated_by_id: ForeignKeyField[int | None]


class CalendarOverride(BaseModel):
    """A day that differs from the holiday library: an extra holiday or working day."""

    id: AutoField[int]
    day = DateField(unique=True)
    kind = CharField(max_length=10, constraints=[Check("kind IN ('holiday', 'workday')")])
    note = CharField(max_length=200, default="")
    created_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    created_by_id: ForeignKeyField[int | None]
    created_at = DateTimeField(default=_now)


class OfficialCalendarYear(BaseModel):
    """A year's official days off and makeup working days, imported from the State
    Council's notice (docs/rules.md#calendar); it replaces the holiday library's data for
    that year. The day lists are JSON arrays of ISO dates, ``names`` a JSON object
    (ISO date -> holiday as the notice names it)."""

    year = IntegerField(primary_key=True)
    days_off = TextField(default="[]")
    makeup_workdays = TextField(default="[]")
    names = TextField(default="{}")
    notice_text = TextField(default="")
    imported_by = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL")
    imported_by_id: ForeignKeyField[int | None]
    imported_at = DateTimeField(default=_now)


class AuditLog(BaseModel):
    """Append-only record of who did what. The program offers no way to edit it."""

    id: AutoField[int]
    at = DateTimeField(default=_now, index=True)
    # Not indexed (schema v11): the viewer filters by user name; accounts are never deleted.
    user = ForeignKeyField(User, null=True, backref="+", on_delete="SET NULL", index=False)
    user_id: ForeignKeyField[int | None]
    username = CharField(max_length=60, default="")
    action = CharField(max_length=40, index=True)
    entity = CharField(max_length=40, default="")
    entity_id = IntegerField(null=True)
    details = TextField(default="{}")

    class Meta:
        indexes = ((("entity", "entity_id"), False),)


class NotificationOutbox(BaseModel):
    """A group-robot message waiting to be posted, posted or given up on (schema v13,
    docs/rules.md#group-robot-notifications). The reminder scan and the registration insert
    rows in their own transaction; a sender thread posts them afterwards. ``event_key``
    makes each event queued once; ``claimed_until`` keeps two senders off one row."""

    id: AutoField[int]
    event_key = CharField(max_length=200, unique=True)
    kind = CharField(max_length=20)
    complaint = ForeignKeyField(Complaint, null=True, backref="+", on_delete="SET NULL")
    complaint_id: ForeignKeyField[int | None]
    url_key = CharField(max_length=80)
    payload = TextField()
    created_at = DateTimeField(default=_now)
    attempts = IntegerField(default=0)
    last_error = TextField(null=True)
    claimed_until = DateTimeField(null=True)
    sent_at = DateTimeField(null=True)
    failed_at = DateTimeField(null=True)

    class Meta:
        table_name = "notification_outbox"
        indexes = ((("sent_at", "failed_at"), False),)


class LoginThrottle(BaseModel):
    """Failed sign-ins per typed user name and computer, whether or not such a user exists,
    so the lockout tells nobody which names are real and a prank on one PC does not lock
    the account on the others (docs/rules.md#accounts). Failures older than the lockout
    duration no longer count."""

    id: AutoField[int]
    username = CharField(max_length=60)
    host = CharField(max_length=100, default="")
    failures = IntegerField(default=0)
    locked_until = DateTimeField(null=True)
    last_failure_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("username", "host"), True),)


class IntakeDraft(BaseModel):
    """The unsaved intake form of one user (JSON of the form's values), kept in the
    database, never in a plain file (docs/rules.md#private-files)."""

    user = ForeignKeyField(User, primary_key=True, backref="+", on_delete="CASCADE")
    user_id: ForeignKeyField[int]
    form = TextField()
    saved_at = DateTimeField(default=_now)


ALL_MODELS: list[type[BaseModel]] = [
    SchemaVersion,
    Department,
    User,
    UserDepartment,
    Channel,
    CauseCategory,
    ComplaintType,
    Customer,
    CaseBatch,
    Complaint,
    DaySequence,
    ProgressEntry,
    Attachment,
    Transfer,
    Escalation,
    Approval,
    Reminder,
    ScanState,
    Survey,
    SurveyAttempt,
    FollowUp,
    ImprovementAction,
    ImprovementLink,
    ImprovementFollowUp,
    ReviewMeeting,
    ReviewDecision,
    TypicalCase,
    Setting,
    CalendarOverride,
    OfficialCalendarYear,
    AuditLog,
    LoginThrottle,
    IntakeDraft,
    NotificationOutbox,
]
