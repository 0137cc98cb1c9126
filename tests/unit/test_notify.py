"""Group-robot notifications (docs/rules.md#group-robot-notifications): urgent registrations,
escalations and newly overdue cases posted once to a local webhook, in each robot's body
shape, DingTalk signed, retried then listed as failed, never slowing the reminder scan."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import logging
import time

import pytest

from desktop_app.db.models import Complaint, NotificationOutbox
from desktop_app.domain import notify
from desktop_app.services import intake, reminders
from desktop_app.services import notify as notify_service
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import PermissionDenied, ValidationError
from desktop_app.services.session import Session
from tests.helpers.cases import make_case
from tests.helpers.webhook_server import WebhookServer
from tests.unit.test_intake import good_form


@pytest.fixture
def robot():
    server = WebhookServer().start()
    yield server
    server.stop()


def no_sleep(seconds: float) -> None:
    pass


def use_webhook(session: Session, url: str, **more: str) -> None:
    settings_service.change_setting(session, "notify.webhook_url", url)
    for key, value in more.items():
        settings_service.change_setting(session, f"notify.{key}", value)


# -- the pure rules --------------------------------------------------------------------------


def test_body_shape_by_host_or_setting():
    text = "投诉编号：TS-1"
    assert notify.webhook_kind("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k") == "wecom"
    assert notify.webhook_kind("https://oapi.dingtalk.com/robot/send?access_token=t") == "dingtalk"
    assert notify.webhook_kind("https://open.feishu.cn/open-apis/bot/v2/hook/x") == "feishu"
    assert notify.webhook_kind("https://open.larksuite.com/open-apis/bot/v2/hook/x") == "feishu"
    assert notify.webhook_kind("http://127.0.0.1:8000/x", "feishu") == "feishu"
    wecom = {"msgtype": "text", "text": {"content": text}}
    assert notify.body("wecom", text) == notify.body("dingtalk", text) == wecom
    assert notify.body("feishu", text) == {"msg_type": "text", "content": {"text": text}}


def test_dingtalk_signature_and_signed_address():
    secret, stamp = "SEC0123abc", 1700000000000
    digest = hmac.new(secret.encode(), f"{stamp}\n{secret}".encode(), hashlib.sha256).digest()
    expected = base64.b64encode(digest).decode()
    signed = notify.signed_url(
        "https://oapi.dingtalk.com/robot/send?access_token=t", "dingtalk", secret, stamp
    )
    assert signed.startswith(
        "https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1700000000000&sign="
    )
    from urllib.parse import unquote_plus

    assert unquote_plus(signed.rpartition("&sign=")[2]) == expected
    # Not DingTalk, or no secret: the address is left alone.
    assert notify.signed_url("https://x.example/h", "wecom", secret, stamp) == "https://x.example/h"
    assert notify.signed_url("https://x.example/h", "dingtalk", "", stamp) == "https://x.example/h"


def test_message_has_the_case_facts_and_the_contact_masked():
    facts = notify.CaseFacts(
        number="TS-20261125-0001",
        type_name="产品质量",
        subtype_name="功能缺陷",
        level=3,
        urgency="urgent",
        urgent=True,
        deadline=dt.datetime(2026, 11, 25, 12, 40),
        owner="李主管",
        contact="13812345678",
    )
    text = notify.message_text("escalated", facts, target="first_response", step=2)
    assert "TS-20261125-0001" in text and "产品质量 / 功能缺陷" in text
    assert "III级" in text and "紧急" in text and "2026-11-25 12:40" in text
    assert "李主管" in text and "138****5678" in text and "13812345678" not in text
    assert "第2级" in text and "首次响应" in text


def test_settings_accept_only_web_addresses(manager_session):
    with pytest.raises(ValidationError):
        settings_service.change_setting(manager_session, "notify.webhook_url", "ftp://x/y")
    with pytest.raises(ValidationError):
        settings_service.change_setting(
            manager_session, "notify.department_webhooks", "complaints https://x.example/h"
        )
    with pytest.raises(ValidationError):
        settings_service.change_setting(manager_session, "notify.webhook_kind", "slack")
    assert settings_service.change_setting(manager_session, "notify.webhook_url", "") == ""
    pairs = "customer_service=https://a.example/h; risk_control=http://b.example/h"
    assert settings_service.change_setting(manager_session, "notify.department_webhooks", pairs)


def test_secret_is_not_written_to_the_audit_log(manager_session):
    from desktop_app.db.models import AuditLog

    settings_service.change_setting(manager_session, "notify.dingtalk_secret", "SECxyz")
    entry = (
        AuditLog.select()
        .where(AuditLog.action == "setting_change")
        .order_by(AuditLog.id.desc())
        .first()
    )
    assert "SECxyz" not in entry.details and "notify.dingtalk_secret" in entry.details


def test_robot_addresses_and_secret_are_shown_to_managers_only(
    manager_session, supervisor_session, clerk_session
):
    """The Settings page lists every setting to every user; a robot's address carries its
    access token, so clerks and supervisors see it (and the secret) only as set."""
    address = "https://oapi.dingtalk.com/robot/send?access_token=abc123"
    settings_service.change_setting(manager_session, "notify.webhook_url", address)
    settings_service.change_setting(
        manager_session, "notify.department_webhooks", "tech=https://qyapi.weixin.qq.com/x?key=k9"
    )
    settings_service.change_setting(manager_session, "notify.dingtalk_secret", "SECxyz")
    for session in (clerk_session, supervisor_session):
        shown = dict(settings_service.list_settings(session))
        assert shown["notify.webhook_url"] == "******"
        assert shown["notify.department_webhooks"] == "******"
        assert shown["notify.dingtalk_secret"] == "******"
        assert "abc123" not in repr(shown) and "k9" not in repr(shown)
        assert shown["numbering.prefix"] == "TS"
    shown = dict(settings_service.list_settings(manager_session))
    assert shown["notify.webhook_url"] == address
    assert shown["notify.dingtalk_secret"] == "SECxyz"
    settings_service.change_setting(manager_session, "notify.dingtalk_secret", "")
    assert dict(settings_service.list_settings(clerk_session))["notify.dingtalk_secret"] == ""


# -- queue and send --------------------------------------------------------------------------


def test_urgent_registration_reaches_the_webhook_with_number_not_contact(
    robot, clerk_session, manager_session, system_session
):
    use_webhook(manager_session, robot.url)
    saved = intake.register_complaint(clerk_session, good_form(urgency="urgent"))
    assert robot.posts == []  # registering posts nothing itself
    assert notify_service.deliver_pending(system_session, sleep=no_sleep).sent == 1
    (text,) = robot.texts()
    assert saved.number in text and "紧急" in text
    assert "138****5678" in text and "13812345678" not in text
    assert "手机屏幕无法点亮" not in text  # never the description
    assert robot.posts[0].body["msgtype"] == "text"
    # Once: the next run has nothing to send.
    assert notify_service.deliver_pending(system_session, sleep=no_sleep).sent == 0
    assert len(robot.posts) == 1


def test_normal_registration_and_no_webhook_queue_nothing(
    robot, clerk_session, manager_session, system_session
):
    intake.register_complaint(clerk_session, good_form(urgency="urgent"))  # no webhook yet
    use_webhook(manager_session, robot.url)
    intake.register_complaint(clerk_session, good_form())  # normal
    assert NotificationOutbox.select().count() == 0


def test_overdue_and_escalation_posted_once_each(
    robot, system_session, clerk_session, manager_session, clock
):
    use_webhook(manager_session, robot.url, webhook_kind="feishu")
    case = make_case(at=clock.now(), owner="clerk1")  # first response due 14:00
    scanner = Session.system(clock)
    reminders.scan(scanner)
    clock.at = dt.datetime(2026, 11, 25, 14, 0, 1)
    reminders.scan(scanner)
    notify_service.deliver_pending(scanner, sleep=no_sleep)
    clock.at = dt.datetime(2026, 11, 25, 15, 0)
    reminders.scan(scanner)
    reminders.scan(scanner)
    notify_service.deliver_pending(scanner, sleep=no_sleep)
    notify_service.deliver_pending(scanner, sleep=no_sleep)
    texts = robot.texts()
    assert len(texts) == 2, texts
    assert texts[0].startswith("【投诉超时】首次响应已超时") and case.number in texts[0]
    assert texts[1].startswith("【投诉升级】已自动升级至第1级") and case.number in texts[1]
    assert all(p.body["msg_type"] == "text" for p in robot.posts)  # Feishu's shape
    assert "138****5678" in texts[0] and "屏幕有划痕" not in texts[0]


def test_dingtalk_posts_are_signed(robot, system_session, clerk_session, manager_session, clock):
    use_webhook(manager_session, robot.url, webhook_kind="dingtalk", dingtalk_secret="SECabc")
    make_case(at=clock.now(), owner="clerk1")
    clock.at = dt.datetime(2026, 11, 25, 14, 0, 1)
    reminders.scan(Session.system(clock))
    notify_service.deliver_pending(system_session, sleep=no_sleep)
    (post,) = robot.posts
    assert post.query["key"] == "test"  # the address's own query kept
    stamp = post.query["timestamp"]
    digest = hmac.new(b"SECabc", f"{stamp}\nSECabc".encode(), hashlib.sha256).digest()
    assert post.query["sign"] == base64.b64encode(digest).decode()
    assert abs(int(stamp) - time.time() * 1000) < 60_000
    assert post.body["msgtype"] == "text"


def test_department_webhook_wins_over_the_general_one(
    robot, system_session, clerk_session, manager_session, clock
):
    general = WebhookServer().start()
    try:
        use_webhook(
            manager_session,
            general.url,
            department_webhooks=f"customer_service={robot.url}",
        )
        make_case(at=clock.now(), owner="clerk1")  # a customer-service case
        clock.at = dt.datetime(2026, 11, 25, 14, 0, 1)
        reminders.scan(Session.system(clock))
        notify_service.deliver_pending(system_session, sleep=no_sleep)
        assert len(robot.posts) == 1 and general.posts == []
    finally:
        general.stop()


def test_failing_webhook_retried_then_listed_and_logged(
    robot, system_session, clerk_session, manager_session, clock, caplog
):
    robot.status = 500
    use_webhook(manager_session, robot.url)
    case = make_case(at=clock.now(), owner="clerk1")
    clock.at = dt.datetime(2026, 11, 25, 14, 0, 1)
    reminders.scan(Session.system(clock))
    waits: list[float] = []
    with caplog.at_level(logging.WARNING, logger="desktop_app.services.notify"):
        result = notify_service.deliver_pending(system_session, sleep=waits.append)
    assert (result.sent, result.failed) == (0, 1)
    assert len(robot.posts) == 4  # the first attempt and three retries
    assert waits == [1.0, 2.0, 4.0]  # back-off
    (failure,) = notify_service.failures(manager_session)
    assert failure.number == case.number and failure.attempts == 4
    assert "HTTP 500" in failure.error and failure.failed_at is not None
    assert "not delivered" in caplog.text and "HTTP 500" in caplog.text
    # Given up: not posted again.
    notify_service.deliver_pending(system_session, sleep=no_sleep)
    assert len(robot.posts) == 4
    with pytest.raises(PermissionDenied):
        notify_service.failures(clerk_session)


def test_robot_refusal_in_the_answer_counts_as_failure(
    robot, system_session, clerk_session, manager_session, clock
):
    robot.answer = {"errcode": 310000, "errmsg": "sign not match"}
    use_webhook(manager_session, robot.url)
    make_case(at=clock.now(), owner="clerk1")
    clock.at = dt.datetime(2026, 11, 25, 14, 0, 1)
    reminders.scan(Session.system(clock))
    notify_service.deliver_pending(system_session, sleep=no_sleep, retries=0)
    (failure,) = notify_service.failures(manager_session)
    assert "sign not match" in failure.error


def test_a_slow_webhook_does_not_slow_the_scan(
    robot, system_session, clerk_session, manager_session, clock
):
    robot.delay = 3.0
    use_webhook(manager_session, robot.url)
    for _ in range(3):
        make_case(at=clock.now(), owner="clerk1")
    clock.at = dt.datetime(2026, 11, 25, 14, 0, 1)
    started = time.monotonic()
    fired = reminders.scan(Session.system(clock))
    elapsed = time.monotonic() - started
    assert len([r for r in fired if r.kind == "overdue"]) == 3
    assert robot.posts == []  # the scan returned before any HTTP
    assert elapsed < 2.0
    assert NotificationOutbox.select().where(NotificationOutbox.sent_at.is_null()).count() == 3


def test_two_senders_post_each_message_once(robot, system_session, clerk_session, manager_session):
    use_webhook(manager_session, robot.url)
    intake.register_complaint(clerk_session, good_form(urgency="urgent"))
    first = notify_service.deliver_pending(system_session, sleep=no_sleep)
    second = notify_service.deliver_pending(system_session, sleep=no_sleep)
    assert (first.sent, second.sent, len(robot.posts)) == (1, 0, 1)
    row = NotificationOutbox.get()
    assert row.sent_at is not None and row.attempts == 1
    assert Complaint.get_by_id(row.complaint_id).number in robot.texts()[0]


def test_send_test_message(robot, manager_session, clerk_session):
    use_webhook(manager_session, robot.url)
    assert notify_service.send_test(manager_session) == "wecom"
    assert "测试消息" in robot.texts()[0]
    with pytest.raises(PermissionDenied):
        notify_service.send_test(clerk_session)
    robot.status = 404
    with pytest.raises(ValidationError) as refused:
        notify_service.send_test(manager_session)
    assert refused.value.params["error"].startswith("HTTP 404")
    settings_service.change_setting(manager_session, "notify.webhook_url", "")
    with pytest.raises(ValidationError):
        notify_service.send_test(manager_session)


def test_unreachable_webhook_fails_quickly(manager_session):
    # A port nothing listens on: refused at once, reported, nothing hangs.
    started = time.monotonic()
    with pytest.raises(ValidationError):
        notify_service.send_test(manager_session, "http://127.0.0.1:9/robot")
    assert time.monotonic() - started < 5.5
