"""Every manager-editable setting, declared once with its default (docs/rules.md#settings).

The database holds the values (table ``setting``, seeded from these declarations at
``init`` and at start-up); code reads them through ``desktop_app.services.settings``.
Labels are English, marked with ``msg`` (``desktop_app.domain.messages``) for the UI to
translate.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop_app.domain.messages import msg
from desktop_app.domain.notify import parse_department_webhooks, url_problem


class SettingValueError(ValueError):
    """A value a setting cannot take: an English template (marked with ``msg``, starting
    with the setting's ``{key}``) and its parameters."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params))


@dataclass(frozen=True)
class SettingDef:
    key: str
    default: Any
    kind: type  # int, float, bool, str
    group: str
    label: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()  # text settings: the codes allowed (empty: any text)
    # Text settings: a further check of the converted value (raises SettingValueError).
    check: Callable[[str, str], None] | None = None

    def coerce(self, value: Any) -> Any:
        """Convert and check a value for this setting; SettingValueError says why not."""
        if self.kind is bool:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("1", "true", "yes", "on", "是"):
                return True
            if text in ("0", "false", "no", "off", "否"):
                return False
            raise SettingValueError(
                msg("{key}: expected yes or no, got {value!r}"), key=self.key, value=value
            )
        if self.kind is int and isinstance(value, float) and not value.is_integer():
            raise SettingValueError(
                msg("{key}: expected a whole number, got {value!r}"), key=self.key, value=value
            )
        try:
            result = self.kind(value)
        except (TypeError, ValueError) as exc:
            template = {
                int: msg("{key}: expected a whole number, got {value!r}"),
                float: msg("{key}: expected a number, got {value!r}"),
            }.get(self.kind, msg("{key}: expected text, got {value!r}"))
            raise SettingValueError(template, key=self.key, value=value) from exc
        if self.choices and result not in self.choices:
            raise SettingValueError(
                msg("{key}: expected one of {choices}, got {value!r}"),
                key=self.key,
                choices=", ".join(self.choices),
                value=value,
            )
        if self.check is not None:
            result = result.strip()
            self.check(self.key, result)
        if self.minimum is not None and result < self.minimum:
            raise SettingValueError(
                msg("{key}: must be at least {minimum:g}"), key=self.key, minimum=self.minimum
            )
        if self.maximum is not None and result > self.maximum:
            raise SettingValueError(
                msg("{key}: must be at most {maximum:g}"), key=self.key, maximum=self.maximum
            )
        return result


def _d(
    key: str,
    default: float | str | bool,
    group: str,
    label: str,
    minimum: float | None = None,
    maximum: float | None = None,
    choices: tuple[str, ...] = (),
    check: Callable[[str, str], None] | None = None,
) -> SettingDef:
    return SettingDef(key, default, type(default), group, label, minimum, maximum, choices, check)


def _check_url(key: str, value: str) -> None:
    """Empty, or an http(s) address with a host (a group robot's webhook)."""
    if value and url_problem(value):
        raise SettingValueError(
            msg("{key}: expected an http:// or https:// address, got {value!r}"),
            key=key,
            value=value,
        )


def _check_department_urls(key: str, value: str) -> None:
    """Empty, or ``department code=URL`` pairs separated by ``;`` or new lines."""
    try:
        parse_department_webhooks(value)
    except ValueError as exc:
        raise SettingValueError(
            msg("{key}: expected department code=address pairs separated by ;, not {value!r}"),
            key=key,
            value=str(exc),
        ) from exc


SETTINGS: tuple[SettingDef, ...] = (
    # SLA by urgency (docs/rules.md#deadlines, tool template).
    _d(
        "sla.first_response_hours.urgent",
        2.0,
        "sla",
        msg("First response, urgent (hours)"),
        1,
        72,
    ),
    _d(
        "sla.first_response_hours.normal",
        4.0,
        "sla",
        msg("First response, normal (hours)"),
        1,
        72,
    ),
    _d("sla.first_response_hours.low", 24.0, "sla", msg("First response, low (hours)"), 1, 72),
    _d("sla.solution_days.urgent", 1, "sla", msg("Solution agreed, urgent (working days)"), 1, 30),
    _d("sla.solution_days.normal", 3, "sla", msg("Solution agreed, normal (working days)"), 1, 30),
    _d("sla.solution_days.low", 5, "sla", msg("Solution agreed, low (working days)"), 1, 30),
    _d("sla.resolution_days.urgent", 2, "sla", msg("Resolved, urgent (working days)"), 1, 30),
    _d("sla.resolution_days.normal", 7, "sla", msg("Resolved, normal (working days)"), 1, 30),
    _d("sla.resolution_days.low", 10, "sla", msg("Resolved, low (working days)"), 1, 30),
    # SLA by level (first callback, docs/rules.md#deadlines): urgent within hours; escalated/VIP
    # same day.
    _d(
        "sla.urgent_callback_hours",
        3.0,
        "sla",
        msg("First callback of urgent cases (hours)"),
        0.25,
        48,
    ),
    _d(
        "sla.level3_callback",
        "same_day",
        "sla",
        msg("First callback of escalated and VIP complaints (same_day, t+1, t+2)"),
        choices=("same_day", "t+1", "t+2"),
    ),
    _d("sla.hours_working_time_only", False, "sla", msg("Hour targets count working time only")),
    _d(
        "sla.complex_max_days",
        15,
        "sla",
        msg("Complex cases: latest renegotiated resolution (working days)"),
        1,
        120,
    ),
    _d(
        "sla.update_every_days",
        3,
        "sla",
        msg("Progress update to the customer every (days)"),
        1,
        60,
    ),
    _d(
        "sla.update_weekly_after_days",
        15,
        "sla",
        msg("Weekly progress updates after (working days open)"),
        1,
        365,
    ),
    _d(
        "sla.update_weekly_days",
        7,
        "sla",
        msg("Progress update interval for long cases (days)"),
        1,
        60,
    ),
    _d(
        "sla.survey_open_hours",
        24.0,
        "sla",
        msg("Survey window opens after closure (hours)"),
        0,
        720,
    ),
    _d("sla.survey_due_hours", 48.0, "sla", msg("Survey due after closure (hours)"), 1, 720),
    _d(
        "survey.retry_minutes",
        120,
        "sla",
        msg("Survey call: next try after no answer (working minutes)"),
        5,
        2880,
    ),
    _d(
        "survey.max_attempts",
        3,
        "sla",
        msg("Survey call attempts before the customer counts as unreachable"),
        1,
        20,
    ),
    _d(
        "survey.queue_days",
        14,
        "sla",
        msg("Survey queue keeps cases this many days past their survey due time"),
        1,
        365,
    ),
    _d(
        "survey.follow_up_max_score",
        2,
        "sla",
        msg("Overall score at or below which an unhappy customer is followed up"),
        1,
        4,
    ),
    # Working calendar (docs/rules.md#calendar).
    _d("calendar.timezone", "Asia/Shanghai", "calendar", msg("Time zone")),
    _d("calendar.work_start", "09:00", "calendar", msg("Working day starts (HH:MM)")),
    _d("calendar.work_end", "18:00", "calendar", msg("Working day ends (HH:MM)")),
    _d("calendar.weekdays", "1,2,3,4,5", "calendar", msg("Working weekdays (1 = Monday)")),
    _d(
        "calendar.use_holiday_library",
        True,
        "calendar",
        msg("Use China's public holidays and adjusted working days"),
    ),
    # Automatic urgency and reminders (docs/rules.md#urgency,
    # docs/rules.md#reminders-and-escalation).
    _d(
        "rules.batch_threshold",
        10,
        "rules",
        msg("Batch complaint: more than this many of one subtype in a day"),
        1,
        10000,
    ),
    # docs/rules.md#root-causes: from this level on a case closes only with a root cause
    # (4: never required).
    _d(
        "rules.cause_required_from_level",
        2,
        "rules",
        msg("Root cause required to close from this level (4: never)"),
        1,
        4,
    ),
    _d(
        "reminders.interval_seconds",
        60,
        "reminders",
        msg("Reminder scan interval (seconds)"),
        5,
        3600,
    ),
    _d(
        "reminders.first_response_lead_minutes",
        60,
        "reminders",
        msg("Warn before the first-response deadline (minutes)"),
        0,
        1440,
    ),
    _d(
        "reminders.solution_lead_hours",
        4.0,
        "reminders",
        msg("Warn before the solution deadline (working hours)"),
        0,
        240,
    ),
    _d(
        "reminders.resolution_lead_days",
        1,
        "reminders",
        msg("Warn before the resolution deadline (working days)"),
        0,
        30,
    ),
    _d(
        "reminders.escalation_grace_minutes",
        60,
        "reminders",
        msg("Escalate overdue cases after (minutes)"),
        0,
        10080,
    ),
    _d(
        "reminders.lookback_days",
        14,
        "reminders",
        msg("Raise missed reminders for deadlines up to this many days old"),
        1,
        365,
    ),
    # docs/rules.md#improvement-actions: a month's follow-up of an improvement action is
    # missing after this day of the next month (28 at most: every month has that day).
    _d(
        "reminders.improvement_follow_up_day",
        5,
        "reminders",
        msg(
            "Improvement actions: remind of a missing monthly follow-up after this day "
            "of the next month"
        ),
        1,
        28,
    ),
    _d(
        "tracker.due_soon_hours",
        4.0,
        "reminders",
        msg("Tracker: a deadline is due soon within (hours)"),
        0.5,
        168,
    ),
    _d(
        "escalation.manager_username",
        "",
        "reminders",
        msg("Customer-service manager who receives escalations (user name; empty: any manager)"),
    ),
    _d(
        "escalation.head_of_operations_username",
        "",
        "reminders",
        msg("Head of operations, last escalation step (user name; empty: the manager)"),
    ),
    # Security and data.
    _d("security.lockout_attempts", 5, "security", msg("Failed sign-ins before lockout"), 1, 100),
    _d("security.lockout_minutes", 15, "security", msg("Lockout duration (minutes)"), 1, 1440),
    _d("security.idle_lock_minutes", 10, "security", msg("Lock after idle (minutes)"), 1, 480),
    _d("security.min_password_length", 8, "security", msg("Minimum password length"), 8, 128),
    _d("attachments.max_megabytes", 20, "data", msg("Largest attachment (MB)"), 1, 2048),
    _d(
        "attachments.folder",
        "",
        "data",
        msg("Attachment folder (empty: next to the database file; a shared folder for PostgreSQL)"),
    ),
    _d("backups.keep_daily", 7, "data", msg("Daily backups kept"), 1, 365),
    _d("backups.keep_weekly", 4, "data", msg("Weekly backups kept"), 0, 520),
    _d("numbering.prefix", "TS", "data", msg("Complaint number prefix")),
    # Group-robot notifications (docs/rules.md#group-robot-notifications).
    _d(
        "notify.webhook_url",
        "",
        "notify",
        msg("Group robot webhook for urgent, overdue and escalated cases (empty: none)"),
        check=_check_url,
    ),
    _d(
        "notify.department_webhooks",
        "",
        "notify",
        msg("Group robot webhooks per department (code=address; code=address)"),
        check=_check_department_urls,
    ),
    _d(
        "notify.webhook_kind",
        "auto",
        "notify",
        msg("Group robot kind (auto, wecom, dingtalk, feishu)"),
        choices=("auto", "wecom", "dingtalk", "feishu"),
    ),
    _d(
        "notify.dingtalk_secret",
        "",
        "notify",
        msg("DingTalk robot signing secret (empty: unsigned)"),
    ),
)

# Settings whose values are secrets: the audit log records that they changed, not the value.
SECRET_KEYS = frozenset({"notify.dingtalk_secret"})
# How a secret that is set is shown to readers, in the audit log and in the policy workbook.
SECRET_SHOWN = "******"
# Settings only managers and admins read (docs/rules.md#settings): the secret, and the
# robots' addresses, which carry the robot's access token (whoever has one can post to the
# office's group chat). Others see them as set or not.
CREDENTIAL_KEYS = SECRET_KEYS | {"notify.webhook_url", "notify.department_webhooks"}

BY_KEY = {s.key: s for s in SETTINGS}
