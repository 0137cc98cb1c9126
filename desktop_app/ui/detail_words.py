"""The words of audit details in the UI language, shared by the audit-log viewer
(``ui/admin_audit.py``, its table and its Excel export) and the case window's timeline
(``ui/case/timeline.py``).

An audit entry stores its details as JSON keys and values (``services/audit.py``
``record``): codes, ids, ISO times, [old, new] pairs. ``DetailWords`` gives a label per key
(``key_label``), a value in words (``value``: vocabulary labels, I/II/III, yes/no, names
instead of ids from ``AuditRow.names``, times without seconds, contacts masked) and one line
for an entry (``entry_text``: ``Label: value; …``, pairs as ``old → new``). A key it does
not know reads as its words (underscores to spaces). See docs/rules.md#audit-log.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QObject

from desktop_app.domain.masking import mask_contact
from desktop_app.domain.settings import BY_KEY as SETTINGS_BY_KEY
from desktop_app.domain.vocab import (
    CALL_RESULTS,
    CALLBACK_RULES,
    DEADLINE_TARGETS,
    ESCALATION_STEPS,
    FEEDBACK,
    HANDLING_RULES,
    IMPROVEMENT_STATUS,
    LEVEL_ROMAN,
    LEVELS,
    MEMBER_TIERS,
    OUTCOMES,
    REMINDER_KINDS,
    ROLES,
    ROUTE_RULES,
    SENSITIVE_KINDS,
    STAGES,
    URGENCY,
    URGENT_REASONS,
    Vocabulary,
)
from desktop_app.services.audit import POLICY_SHEET_KINDS
from desktop_app.ui.i18n import message_text

TIME_FORMAT = "%Y-%m-%d %H:%M"
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2})?$")

CODES_HINT = re.compile(r"\s*[(（][^)）]*_[^)）]*[)）]\s*$")

Names = Mapping[tuple[str, object], tuple[str, str]]

# Keys whose values are codes of a vocabulary (a value outside it is shown as stored).
VOCABULARIES: dict[str, Vocabulary] = {
    "stage": STAGES,
    "from_stage": STAGES,
    "to_stage": STAGES,
    "customer_feedback": FEEDBACK,
    "outcome": OUTCOMES,
    "previous_outcome": OUTCOMES,
    "urgency": URGENCY,
    "kind": REMINDER_KINDS,
    "target": DEADLINE_TARGETS,
    "role": ROLES,
    "rule": ROUTE_RULES,
    "handling": HANDLING_RULES,
    "handling_rule": HANDLING_RULES,
    "callback": CALLBACK_RULES,
    "callback_rule": CALLBACK_RULES,
    "status": IMPROVEMENT_STATUS,
    "member_tier": MEMBER_TIERS,
    "tier": MEMBER_TIERS,
    "sensitive_kind": SENSITIVE_KINDS,
    "urgent_reason": URGENT_REASONS,
    "result": CALL_RESULTS,
    "step": ESCALATION_STEPS,
    "escalation_step": ESCALATION_STEPS,
    "from_step": ESCALATION_STEPS,
    "to_step": ESCALATION_STEPS,
}
LEVEL_KEYS = frozenset({"level", "from_level", "to_level", "default_level"})
# Keys naming things by id or code: the kind of ``AuditRow.names`` they look up
# (services/audit.py USER_ID_KEYS …).
NAME_KINDS = {
    "from_user": "user",
    "to_user": "user",
    "assigned_to": "user",
    "recipient": "user",
    "owner": "user",
    "case_id": "complaint",
    "department": "department",
    "departments": "department",
    "handler_department": "department",
    "notify_department": "department",
    "to_department": "department",
    "type": "type",
    "subtype": "type",
    "types": "type",
    "root_cause": "cause",
    "previous_root_cause": "cause",
    "causes": "cause",
}
# Keys that may hold a contact or an ID number: never shown in full here.
CONTACT_KEYS = frozenset({"contact", "contacts", "phone", "id_number", "email"})
# Keys not worth showing: internal (the case's version) or said by another column (the
# complaint number).
HIDDEN_KEYS = frozenset({"version", "number"})
# Keys whose lists are lists (anything else of two items is an [old, new] pair).
LIST_KEYS = frozenset(
    {"departments", "types", "cases", "fields", "removed", "staff_created", "attachments"}
)
# The item key of a list's items: ``cases`` lists complaint ids.
ITEM_KEYS = {"cases": "case_id"}
# Keys holding the id of a record (not a person): shown as #id.
RECORD_ID_KEYS = frozenset({"batch", "survey", "follow_up", "improvement_action"})


class DetailWords(QObject):
    """Detail keys and values in ``language`` (``"zh"``/``"zh_CN"`` or ``"en"``)."""

    def __init__(self, language: str, parent: QObject | None = None):
        super().__init__(parent)
        self.language = language
        self._keys = self._key_labels()

    def _zh(self) -> bool:
        return self.language.startswith("zh")

    # --- keys -------------------------------------------------------------------------

    def _key_labels(self) -> dict[str, str]:
        return {
            "stage": self.tr("Stage"),
            "from_stage": self.tr("From stage"),
            "owner": self.tr("Owner"),
            "planned_completion": self.tr("Planned completion"),
            "actual_completion": self.tr("Actual completion"),
            "result": self.tr("Result"),
            "customer_feedback": self.tr("Customer feedback"),
            "feedback_comment": self.tr("Feedback comment"),
            "next_action": self.tr("Next action"),
            "reason": self.tr("Reason"),
            "comment": self.tr("Comment"),
            "solution": self.tr("Solution"),
            "decision": self.tr("Decision"),
            "from": self.tr("From"),
            "to": self.tr("To"),
            "from_step": self.tr("From"),
            "to_step": self.tr("Up to"),
            "automatic": self.tr("Automatic"),
            "outcome": self.tr("Outcome"),
            "previous_outcome": self.tr("Previous outcome"),
            "confirmed": self.tr("Customer confirmed"),
            "kind": self.tr("Reminder"),
            "target": self.tr("Deadline"),
            "due_at": self.tr("Due"),
            "recipient": self.tr("For"),
            "message": self.tr("Message"),
            "level": self.tr("Level"),
            "new_due": self.tr("New resolution date"),
            "first_response_due": self.tr("First response due"),
            "solution_due": self.tr("Solution due"),
            "resolution_due": self.tr("Resolution due"),
            "urgent_reason": self.tr("Urgent because"),
            "frozen_at": self.tr("Frozen at"),
            "previously_frozen_at": self.tr("Recorded frozen at"),
            "timeliness": self.tr("Timeliness"),
            "effectiveness": self.tr("Effectiveness"),
            "attitude": self.tr("Attitude"),
            "overall": self.tr("Overall"),
            "suggestions": self.tr("Suggestions"),
            # Accounts.
            "username_created": self.tr("Account"),
            "account": self.tr("Account"),
            "username": self.tr("Account"),
            "display_name": self.tr("Display name"),
            "role": self.tr("Role"),
            "departments": self.tr("Departments"),
            "department": self.tr("Department"),
            "supervisor": self.tr("Direct supervisor"),
            "senior_agent": self.tr("Senior agent"),
            "active": self.tr("Active"),
            "ok": self.tr("Succeeded"),
            "host": self.tr("Computer"),
            "computers": self.tr("Computers"),
            # The command line run without an account: who sat at the machine.
            "os_user": self.tr("OS user"),
            # Cases.
            "urgent": self.tr("Urgent"),
            "attachments": self.tr("Attachments"),
            "rule": self.tr("Rule"),
            "fallback": self.tr("Fallback (the rule could not be met)"),
            "from_user": self.tr("From"),
            "to_user": self.tr("To"),
            "to_department": self.tr("To department"),
            "type": self.tr("Type"),
            "subtype": self.tr("Subtype"),
            "old_due": self.tr("Previous resolution date"),
            "frozen": self.tr("Account frozen"),
            "root_cause": self.tr("Root cause"),
            "previous_root_cause": self.tr("Previous root cause"),
            "notes": self.tr("Cause analysis (5W1H)"),
            "batch": self.tr("Batch"),
            "fields": self.tr("Shown in full"),
            "assigned_to": self.tr("Assigned to"),
            "follow_up": self.tr("Follow-up"),
            "note": self.tr("Note"),
            "reopen": self.tr("Reopened"),
            "until": self.tr("Snoozed until"),
            "survey": self.tr("Survey"),
            "attempt": self.tr("Attempt"),
            "next_try_at": self.tr("Next try"),
            "no_survey_reason": self.tr("Not surveyed because"),
            "cases": self.tr("Cases"),
            "changed": self.tr("Cases changed"),
            # Customers (docs/rules.md#customers).
            "name": self.tr("Name"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "member_number": self.tr("Member number"),
            "tier": self.tr("Member tier"),
            "member_tier": self.tr("Member tier"),
            "sensitive_kind": self.tr("Sensitive kind"),
            "reassessed": self.tr("Open cases re-assessed"),
            # Improvement actions.
            "problem": self.tr("Problem"),
            "plan": self.tr("Plan"),
            "deadline": self.tr("Deadline"),
            "status": self.tr("Status"),
            "types": self.tr("Complaint types"),
            # Review meetings and the typical-case library.
            "held_on": self.tr("Held on"),
            "period": self.tr("Period"),
            "decisions": self.tr("Decisions"),
            "improvement_action": self.tr("Improvement action"),
            "created": self.tr("New entry"),
            "summary": self.tr("Summary"),
            # Exports, imports, backups, settings, calendar, demo data.
            "file": self.tr("File"),
            "rows": self.tr("Rows"),
            "unmasked": self.tr("Contacts in full"),
            "selection": self.tr("Selection"),
            "seconds": self.tr("Seconds"),
            "filter": self.tr("Filter"),
            "customers_created": self.tr("Customers added"),
            "numbers_assigned": self.tr("Numbers assigned"),
            "staff_created": self.tr("Staff added"),
            "staff_created_count": self.tr("Staff added (count)"),
            "key": self.tr("Setting"),
            "old": self.tr("Old value"),
            "new": self.tr("New value"),
            "day": self.tr("Day"),
            "previous": self.tr("Before"),
            "size": self.tr("Size"),
            "removed": self.tr("Old backups removed"),
            "kept": self.tr("Previous database kept as"),
            "schema_version": self.tr("Schema version"),
            "seed": self.tr("Random seed"),
            "progress_entries": self.tr("Progress entries"),
            "surveys": self.tr("Surveys"),
            # The audit export's filter.
            "case_number": self.tr("Complaint number"),
            "action": self.tr("Action"),
            "date_from": self.tr("From"),
            "date_to": self.tr("To"),
            # Contacts (masked).
            "contact": self.tr("Contact"),
            "id_number": self.tr("ID number"),
        }

    def key_label(self, key: str, action: str = "") -> str:
        """The label of a detail key; an unknown key in words (underscores to spaces)."""
        if action in ("export_cases", "export_unmasked", "export_report"):
            if key == "from":
                return self.tr("Period from")
            if key == "to":
                return self.tr("Period to")
        if action in ("policy_change", "import_workbook") and key == "changed":
            return self.tr("Rows changed")
        if action == "deadlines_recomputed" and key == "cases":
            return self.tr("Open cases checked")
        if action == "demo_generate" and key == "cases":
            return self.tr("Cases generated")
        if action == "calendar_override" and key == "kind":
            return self.tr("Day becomes")
        if action == "calendar_notice_imported":
            label = {
                "year": self.tr("Year"),
                "days_off": self.tr("Days off"),
                "makeup_workdays": self.tr("Makeup working days"),
                "replaced": self.tr("Replaced an earlier import"),
            }.get(key)
            if label:
                return label
        if action == "survey_create" and key == "follow_up":
            return self.tr("Follow-up opened")
        return self._keys.get(key) or key.replace("_", " ").strip().capitalize()

    # --- values -----------------------------------------------------------------------

    def yes_no(self, value: bool) -> str:
        return self.tr("Yes") if value else self.tr("No")

    def decision_label(self, code: str) -> str:
        return {
            "approved": self.tr("Approved"),
            "rejected": self.tr("Rejected"),
            "pending": self.tr("Pending"),
        }.get(code, code)

    def _code_label(self, key: str, code: str, action: str) -> str | None:
        """Words for codes outside the vocabularies; None when ``code`` is not one."""
        if key == "decision":
            return self.decision_label(code) if code != self.decision_label(code) else None
        if key == "fields" or key in CONTACT_KEYS:
            return {"contact": self.tr("Contact"), "id_number": self.tr("ID number")}.get(code)
        if key == "selection":
            return {"cases": self.tr("Selected cases"), "period": self.tr("A period")}.get(code)
        if key in ("kind", "previous") and action.startswith("calendar_override"):
            return {"holiday": self.tr("Day off"), "workday": self.tr("Working day")}.get(code)
        if key == "reason" and action in ("login_failed", "unlock_failed"):
            return {"disabled": self.tr("The account is disabled")}.get(code)
        if key == "action" and code:
            from desktop_app.ui.admin_audit import action_label

            return action_label(code)
        return None

    def _name(self, kind: str, value: Any, names: Names) -> str | None:
        found = names.get((kind, value))
        if found is None:
            return None
        return found[0] if self._zh() else found[1]

    def _time(self, value: Any) -> str | None:
        if isinstance(value, dt.datetime):
            return value.strftime(TIME_FORMAT)
        if isinstance(value, str) and _TIME.match(value):
            try:
                return dt.datetime.fromisoformat(value).strftime(TIME_FORMAT)
            except ValueError:
                return None
        return None

    def setting_value(self, key: str, value: Any) -> str:
        """A setting's stored value in words (``setting_change``'s old and new)."""
        if isinstance(value, bool):
            return self.yes_no(value)
        if isinstance(value, str) and value in CALLBACK_RULES:
            return CALLBACK_RULES.label(value, self.language)
        if isinstance(value, float):
            return f"{value:g}"
        return "" if value is None else str(value)

    def value(self, key: str, value: Any, names: Names | None = None, action: str = "") -> str:
        """One detail value in words; "" for nothing."""
        names = names or {}
        lang = self.language
        if value is None or value == "" or value == () or value == []:
            return ""
        if key in CONTACT_KEYS and not isinstance(value, bool | int | list | tuple):
            return mask_contact(str(value))
        if isinstance(value, bool):
            if key == "automatic" and not value:
                return ""
            return self.yes_no(value)
        if key == "changes" and isinstance(value, list):
            return "；".join(
                self.policy_change(item, names) for item in value if isinstance(item, dict)
            )
        if key == "changed" and isinstance(value, dict):
            return ", ".join(f"{self.sheet_label(k)} {v}" for k, v in value.items())
        if isinstance(value, dict):
            return self._mapping(key, value, names, action)
        if isinstance(value, list | tuple | set | frozenset):
            item_key = ITEM_KEYS.get(key, key)
            parts = (self.value(item_key, item, names, action) for item in value)
            return "、".join(p for p in parts if p)
        kind = NAME_KINDS.get(key)
        if kind is not None:
            found = self._name(kind, value, names)
            if found:
                return found
            if kind in ("user", "complaint") and isinstance(value, int):
                return f"#{value}"
        if key in VOCABULARIES and str(value) in VOCABULARIES[key]:
            return VOCABULARIES[key].label(str(value), lang)
        if key in LEVEL_KEYS:
            if isinstance(value, int):
                return LEVEL_ROMAN.get(value, str(value))
            if str(value) in LEVELS:
                return LEVELS.label(str(value), "en")
        if isinstance(value, str):
            words = self._code_label(key, value, action)
            if words is not None:
                return words
        if key in RECORD_ID_KEYS and isinstance(value, int):
            return f"#{value}"
        if key == "size" and isinstance(value, int):
            return self._size(value)
        when = self._time(value)
        if when is not None:
            return when
        if isinstance(value, float):
            return f"{value:g}"
        return str(value)

    # --- policy changes (the policy workbook's import, the Policy screens) --------------

    def sheet_label(self, sheet: str) -> str:
        return {
            "types": self.tr("Complaint types"),
            "departments": self.tr("Departments"),
            "channels": self.tr("Channels"),
            "causes": self.tr("Root causes"),
            "settings": self.tr("Settings"),
            "staff": self.tr("Staff"),
        }.get(sheet, sheet)

    def _policy_field(self, field: str) -> str:
        return {
            "added": self.tr("added"),
            "order": self.tr("place"),
            "type": self.tr("type"),
            "type_zh": self.tr("Chinese name"),
            "subtype_zh": self.tr("Chinese name"),
            "name_zh": self.tr("Chinese name"),
            "type_en": self.tr("English name"),
            "subtype_en": self.tr("English name"),
            "name_en": self.tr("English name"),
            "default_level": self.tr("default level"),
            "callback": self.tr("first callback"),
            "handling": self.tr("handled by"),
            "handler_department": self.tr("handling department"),
            "notify_department": self.tr("notify department"),
            "active": self.tr("in use"),
            "display_name": self.tr("display name"),
            "role": self.tr("role"),
            "departments": self.tr("departments"),
            "supervisor": self.tr("supervisor"),
            "senior_agent": self.tr("senior agent"),
        }.get(field, field.replace("_", " "))

    def policy_change(self, change: dict[str, Any], names: Names | None = None) -> str:
        """One change of a policy edit or import: ``Complaint types delivery_delay default
        level: I → II`` (a setting by its label, values in words)."""
        sheet, code, field = change.get("sheet", ""), change.get("code", ""), change.get("field")
        old, new = change.get("old"), change.get("new")
        if sheet == "settings":
            definition = SETTINGS_BY_KEY.get(str(code))
            label = CODES_HINT.sub("", message_text(definition.label)) if definition else str(code)
            before = self.setting_value(str(code), old) or "-"
            after = self.setting_value(str(code), new) or "-"
            return f"{label}: {before} → {after}"
        kind = POLICY_SHEET_KINDS.get(sheet)
        name = self._name(kind, code, names or {}) if kind else None
        head = f"{self.sheet_label(sheet)} {name or code}"
        if field == "added":
            return f"{head} {self._policy_field('added')}"
        value_key = {"default_level": "level"}.get(str(field), str(field))
        words = [self._policy_value(value_key, v) for v in (old, new)]
        return f"{head} {self._policy_field(str(field))}: {words[0]} → {words[1]}"

    def _policy_value(self, key: str, value: Any) -> str:
        if value in ("是", "否"):
            value = value == "是"
        if key == "level" and isinstance(value, str) and value in ("I", "II", "III"):
            return value
        return self.value(key, value) or "-"

    def _size(self, size: int) -> str:
        if size >= 1024 * 1024:
            return self.tr("{size:.1f} MB").format(size=size / 1024 / 1024)
        if size >= 1024:
            return self.tr("{size:.0f} KB").format(size=size / 1024)
        return self.tr("{size} bytes").format(size=size)

    def _mapping(self, key: str, value: dict[str, Any], names: Names, action: str) -> str:
        """A dict detail: an {old, new} pair as ``old → new``; else ``label: value, …``
        (the audit export's filter, a report's rows per sheet)."""
        if set(value) == {"old", "new"}:
            return self.pair(key, value["old"], value["new"], names, action)
        parts = []
        for inner, item in value.items():
            text = self.value(inner, item, names, action)
            if text:
                label = (
                    inner
                    if key == "rows"
                    else self.tr("User")
                    if inner == "username"
                    else self.key_label(inner, action)
                )
                parts.append(f"{label} {text}" if key == "rows" else f"{label}: {text}")
        return ", ".join(parts)

    def pair(
        self, key: str, old: Any, new: Any, names: Names | None = None, action: str = ""
    ) -> str:
        """A change ``old → new`` ("-" for nothing)."""
        return self.tr("{before} → {after}").format(
            before=self.value(key, old, names, action) or "-",
            after=self.value(key, new, names, action) or "-",
        )

    # --- entries ----------------------------------------------------------------------

    def entry_parts(
        self, action: str, details: dict[str, Any], names: Names | None = None
    ) -> list[tuple[str, str]]:
        """(label, value) of every detail worth showing, in the stored order."""
        names = names or {}
        parts: list[tuple[str, str]] = []
        if action == "setting_change" and "key" in details:
            return self._setting_parts(details)
        for key, value in details.items():
            if key in HIDDEN_KEYS or (key == "to_name" and "to_user" in details):
                continue  # the new owner's display name: said by to_user
            if key == "to_name":
                key = "to_user"
            if isinstance(value, list) and len(value) == 2 and key not in LIST_KEYS:
                text = self.pair(key, value[0], value[1], names, action)
            else:
                text = self.value(key, value, names, action)
            if text:
                parts.append((self.key_label(key, action), text))
        return parts

    def _setting_parts(self, details: dict[str, Any]) -> list[tuple[str, str]]:
        key = str(details.get("key", ""))
        definition = SETTINGS_BY_KEY.get(key)
        label = (
            # A label ending in the codes it accepts ("… (same_day, t+1, t+2)") without
            # them: the values below are in words.
            CODES_HINT.sub("", message_text(definition.label))
            if definition is not None
            else key.replace("_", " ").replace(".", " ")
        )
        change = self.tr("{before} → {after}").format(
            before=self.setting_value(key, details.get("old")) or "-",
            after=self.setting_value(key, details.get("new")) or "-",
        )
        return [(self.tr("Setting"), label), (self.tr("Change"), change)]

    def entry_text(self, action: str, details: dict[str, Any], names: Names | None = None) -> str:
        """An entry's details on one line: ``Label: value; …``."""
        return "; ".join(
            f"{label}: {text}" for label, text in self.entry_parts(action, details, names)
        )

    def row_text(self) -> Callable[[Any], str]:
        """A function of an ``AuditRow`` giving its details line (for the export)."""
        return lambda row: self.entry_text(row.action, row.details, row.names)
