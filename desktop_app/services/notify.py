"""Group-robot notifications: the outbox and its sender
(docs/rules.md#group-robot-notifications).

``enqueue`` is called inside the transaction that fires an event (the reminder scan's
overdue and escalation reminders, ``routing.report_up`` for an urgent registration) and
only inserts an outbox row, once per event (``event_key``), when a webhook is set: the scan
never waits for the network. ``deliver_pending`` (a background thread of the program, or
``desktop-app notify send``) claims the waiting rows, posts each one with urllib outside any
transaction (a short timeout, three retries with back-off) and records the outcome; a row
that still fails is marked failed, logged, and listed on the admin page (``failures``).
``send_test`` posts a test message for the Settings page's button.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from peewee import JOIN

from desktop_app.db.connection import write_lock
from desktop_app.db.models import (
    Complaint,
    ComplaintType,
    Department,
    NotificationOutbox,
    User,
    database_proxy,
)
from desktop_app.domain import notify
from desktop_app.domain.messages import msg
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import ValidationError, service
from desktop_app.services.permissions import require_manager
from desktop_app.services.session import Session

log = logging.getLogger(__name__)

TIMEOUT_SECONDS = 5.0
RETRIES = 3  # after the first attempt
BACKOFF_SECONDS = 1.0  # 1 s, 2 s, 4 s between the attempts
CLAIM_SECONDS = 120  # a claimed row another sender leaves alone
BATCH = 20  # rows one delivery run claims


class DeliveryError(Exception):
    """A post the robot did not accept (the message says why)."""


@dataclass(frozen=True)
class Delivered:
    sent: int
    failed: int


@dataclass(frozen=True)
class Failure:
    """A notification given up on, for the admin page."""

    id: int
    kind: str
    number: str
    url_key: str
    attempts: int
    error: str
    failed_at: dt.datetime


def case_facts(case_id: int) -> tuple[notify.CaseFacts, str | None] | None:
    """The facts a notification tells about a case, and its department's code."""
    Type = ComplaintType.alias()
    Owner = User.alias()
    row = (
        Complaint.select(
            Complaint.number,
            Complaint.level,
            Complaint.urgency,
            Complaint.urgent,
            Complaint.first_response_due,
            Complaint.contact,
            Type.name_zh.alias("type_name"),
            ComplaintType.name_zh.alias("subtype_name"),
            Owner.display_name.alias("owner_name"),
            Department.code.alias("department_code"),
        )
        .join(ComplaintType, on=(Complaint.subtype == ComplaintType.id))
        .switch(Complaint)
        .join(Type, on=(Complaint.type == Type.id))
        .switch(Complaint)
        .join(Department, on=(Complaint.department == Department.id))
        .switch(Complaint)
        .join(Owner, join_type=JOIN.LEFT_OUTER, on=(Complaint.owner == Owner.id))
        .where(Complaint.id == case_id)
        .dicts()
        .first()
    )
    if row is None:
        return None
    facts = notify.CaseFacts(
        number=row["number"],
        type_name=row["type_name"],
        subtype_name=row["subtype_name"],
        level=int(row["level"] or 1),
        urgency=row["urgency"],
        urgent=bool(row["urgent"]),
        deadline=row["first_response_due"],
        owner=row["owner_name"] or "",
        contact=row["contact"] or "",
    )
    return facts, row["department_code"]


def enqueue(
    policy: dict[str, Any],
    event: str,
    case_id: int,
    event_key: str,
    now: dt.datetime,
    *,
    target: str | None = None,
    step: int | None = None,
    deadline: dt.datetime | None = None,
) -> bool:
    """Queue the message of ``event`` about a case, in the caller's transaction, unless no
    webhook is set or the event was queued before; True when a row was added."""
    if not notify.any_webhook(policy):
        return False
    found = case_facts(case_id)
    if found is None:
        return False
    facts, department_code = found
    url_key, _url = notify.webhook_for(policy, department_code)
    if not url_key:
        return False
    if deadline is not None:
        facts = notify.CaseFacts(**{**facts.__dict__, "deadline": deadline})
    text = notify.message_text(event, facts, target=target, step=step)
    query = NotificationOutbox.insert(
        event_key=event_key,
        kind=event,
        complaint=case_id,
        url_key=url_key,
        payload=json.dumps({"text": text}, ensure_ascii=False),
        created_at=now,
    ).on_conflict_ignore()
    return bool(database_proxy.obj.execute(query).rowcount == 1)


def post(url: str, payload: dict[str, Any], timeout: float = TIMEOUT_SECONDS) -> None:
    """POST ``payload`` as JSON; DeliveryError unless the robot answered 2xx and, where the
    answer carries one, an error code of 0."""
    # Imported here: the program starts without urllib's HTTP client (docs/rules.md#start-up).
    import urllib.error
    import urllib.request

    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(
        url, data=data, method="POST", headers={"Content-Type": "application/json; charset=utf-8"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            answer = response.read(4096)
    except urllib.error.HTTPError as exc:
        raise DeliveryError(f"HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise DeliveryError(str(reason) or type(exc).__name__) from exc
    try:
        reply = json.loads(answer.decode("utf-8") or "{}")
    except ValueError:
        return  # not JSON: a 2xx is all there is to go by
    if isinstance(reply, dict):
        # WeCom and DingTalk answer errcode/errmsg, Feishu code/msg (older: StatusCode).
        for code_key, text_key in (("errcode", "errmsg"), ("code", "msg"), ("StatusCode", "")):
            code = reply.get(code_key)
            if code not in (None, 0, "0"):
                raise DeliveryError(f"{code_key} {code}: {reply.get(text_key, '')}".strip())


def _send(
    url: str,
    text: str,
    policy: dict[str, Any],
    *,
    retries: int,
    timeout: float,
    backoff: float,
    sleep: Callable[[float], None],
    go_on: Callable[[], bool],
) -> tuple[int, str]:
    """Post ``text`` to ``url``, retrying with back-off: (attempts made, last error or "")."""
    kind = notify.webhook_kind(url, str(policy.get("notify.webhook_kind", "auto")))
    payload = notify.body(kind, text)
    secret = str(policy.get("notify.dingtalk_secret", "") or "")
    error = ""
    attempts = 0
    for attempt in range(retries + 1):
        if attempt:
            sleep(backoff * 2 ** (attempt - 1))
            if not go_on():
                break
        attempts += 1
        # DingTalk's signature must be fresh: computed again for every attempt.
        target = notify.signed_url(url, kind, secret, int(time.time() * 1000))
        try:
            post(target, payload, timeout)
            return attempts, ""
        except DeliveryError as exc:
            error = str(exc)
            log.info("webhook post attempt %d failed: %s", attempts, error)
    return attempts, error or "stopped"


def _claim(now: dt.datetime, limit: int) -> list[NotificationOutbox]:
    until = now + dt.timedelta(seconds=CLAIM_SECONDS)
    claimed = []
    with write_lock(database_proxy.obj):
        waiting = (
            NotificationOutbox.select()
            .where(
                NotificationOutbox.sent_at.is_null(),
                NotificationOutbox.failed_at.is_null(),
                NotificationOutbox.claimed_until.is_null()
                | (NotificationOutbox.claimed_until < now),
            )
            .order_by(NotificationOutbox.id)
            .limit(limit)
        )
        for row in list(waiting):
            got = (
                NotificationOutbox.update(claimed_until=until)
                .where(
                    NotificationOutbox.id == row.id,
                    NotificationOutbox.sent_at.is_null(),
                    NotificationOutbox.claimed_until.is_null()
                    | (NotificationOutbox.claimed_until < now),
                )
                .execute()
            )
            if got == 1:
                claimed.append(row)
    return claimed


@service
def deliver_pending(
    session: Session,
    *,
    timeout: float = TIMEOUT_SECONDS,
    retries: int = RETRIES,
    backoff: float = BACKOFF_SECONDS,
    sleep: Callable[[float], None] = time.sleep,
    progress: Callable[[int, int], bool] | None = None,
) -> Delivered:
    """Post the waiting notifications (any program, any signed-in role: it is the reminder
    scan's second half). Never inside a transaction while posting; a row still failing
    after the retries is marked failed and logged. ``progress`` returning False (the
    program closing) stops between attempts, leaving the row for the next run."""
    now = session.now()
    rows = _claim(now, BATCH)
    if not rows:
        return Delivered(0, 0)
    policy = settings_service.load_all()
    sent = failed = 0
    for done, row in enumerate(rows):

        def go_on(done: int = done) -> bool:
            return progress is None or progress(done, len(rows))

        url = notify.url_for_key(policy, row.url_key)
        text = json.loads(row.payload).get("text", "")
        if not go_on():
            break
        if url:
            attempts, error = _send(
                url,
                text,
                policy,
                retries=retries,
                timeout=timeout,
                backoff=backoff,
                sleep=sleep,
                go_on=go_on,
            )
        else:
            attempts, error = 0, "no webhook address is set any more"
        with write_lock(database_proxy.obj):
            changes: dict[Any, Any] = {
                NotificationOutbox.attempts: NotificationOutbox.attempts + attempts,
                NotificationOutbox.claimed_until: None,
            }
            if not error:
                changes[NotificationOutbox.sent_at] = session.now()
                sent += 1
            elif error != "stopped":
                changes[NotificationOutbox.failed_at] = session.now()
                changes[NotificationOutbox.last_error] = error[:1000]
                failed += 1
                log.warning(
                    "group robot notification %s (%s) not delivered after %d attempt(s): %s",
                    row.event_key,
                    row.url_key,
                    attempts,
                    error,
                )
            NotificationOutbox.update(changes).where(NotificationOutbox.id == row.id).execute()
        if error == "stopped":
            break
    return Delivered(sent, failed)


@service
def failures(session: Session, *, limit: int = 100) -> list[Failure]:
    """Notifications given up on, newest first (managers and administrators)."""
    require_manager(session)
    query = (
        NotificationOutbox.select(NotificationOutbox, Complaint.number)
        .join(Complaint, join_type=JOIN.LEFT_OUTER, attr="case_row")
        .where(NotificationOutbox.failed_at.is_null(False))
        .order_by(NotificationOutbox.failed_at.desc(), NotificationOutbox.id.desc())
        .limit(limit)
    )
    found = []
    for row in query:
        case_row = getattr(row, "case_row", None)
        assert row.failed_at is not None  # the query's condition
        found.append(
            Failure(
                row.id,
                row.kind,
                case_row.number if case_row is not None else "",
                row.url_key,
                row.attempts,
                row.last_error or "",
                row.failed_at,
            )
        )
    return found


@service
def send_test(session: Session, url: str | None = None, *, timeout: float = TIMEOUT_SECONDS) -> str:
    """Post a test message to ``url`` (default: the ``notify.webhook_url`` setting) once,
    at once; returns the robot kind. Managers and administrators; ValidationError says why
    it was not delivered."""
    require_manager(session)
    policy = settings_service.load_all()
    url = (url if url is not None else str(policy["notify.webhook_url"])).strip()
    if not url:
        raise ValidationError(
            msg("Set the group robot webhook address first."), field="notify.webhook_url"
        )
    if notify.url_problem(url):
        raise ValidationError(
            msg("{value} is not an http:// or https:// address."),
            field="notify.webhook_url",
            value=url,
        )
    text = notify.test_text(session.now(), session.display_name or session.username)
    attempts, error = _send(
        url,
        text,
        policy,
        retries=0,
        timeout=timeout,
        backoff=0,
        sleep=time.sleep,
        go_on=lambda: True,
    )
    if error:
        log.warning("group robot test message not delivered: %s", error)
        raise ValidationError(
            msg("The test message was not delivered: {error}"),
            field="notify.webhook_url",
            error=error,
        )
    log.info("group robot test message delivered by %s", session.username)
    return notify.webhook_kind(url, str(policy["notify.webhook_kind"]))
