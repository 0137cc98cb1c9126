"""Group-robot notifications (docs/rules.md#group-robot-notifications). Pure functions.

An urgent registration, an escalation or a newly overdue case is posted to the office's
企业微信 (WeCom), 钉钉 (DingTalk) or 飞书 (Feishu/Lark) group as the robot's text message.
This module builds the text (Chinese, the office language; the contact masked, never the
description), the JSON body each robot expects, DingTalk's signed address, and reads the
webhook settings. Sending is ``services/notify.py``.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import re
import urllib.parse
from dataclasses import dataclass
from typing import Any

from desktop_app.domain.masking import mask_contact
from desktop_app.domain.vocab import DEADLINE_TARGETS, LEVEL_ROMAN, URGENCY

KINDS = ("wecom", "dingtalk", "feishu")
# Hosts of each robot's webhook (the setting notify.webhook_kind "auto" goes by them).
_HOSTS = {
    "qyapi.weixin.qq.com": "wecom",
    "oapi.dingtalk.com": "dingtalk",
    "open.feishu.cn": "feishu",
    "open.larksuite.com": "feishu",
}
# The events posted, by reminder kind (plus "urgent" for an urgent registration).
EVENTS = ("urgent", "overdue", "escalated", "test")
_PAIR_SPLIT = re.compile(r"[;\n；]+")


def url_problem(url: str) -> str:
    """Why ``url`` is not a usable webhook address ("" when it is)."""
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return "not an http(s) address"
    if not parts.hostname:
        return "no host"
    if any(c.isspace() for c in url.strip()):
        return "spaces in the address"
    return ""


def parse_department_webhooks(text: str) -> dict[str, str]:
    """``"complaints=https://…; risk_control=https://…"`` → {department code: URL}.
    Pairs are separated by ``;`` or new lines; ValueError names a bad pair."""
    found: dict[str, str] = {}
    for pair in _PAIR_SPLIT.split(text or ""):
        pair = pair.strip()
        if not pair:
            continue
        code, eq, url = pair.partition("=")
        code, url = code.strip(), url.strip()
        if not eq or not code or url_problem(url):
            raise ValueError(pair)
        found[code] = url
    return found


def webhook_kind(url: str, setting: str = "auto") -> str:
    """Which robot ``url`` belongs to: the setting when it names one, else by the host
    (an unknown host, a local test server say, gets WeCom's body, which DingTalk shares)."""
    if setting in KINDS:
        return setting
    host = (urllib.parse.urlsplit(url).hostname or "").lower()
    return _HOSTS.get(host, "wecom")


def body(kind: str, text: str) -> dict[str, Any]:
    """The JSON body of a text message for robot ``kind``."""
    if kind == "feishu":
        return {"msg_type": "text", "content": {"text": text}}
    return {"msgtype": "text", "text": {"content": text}}


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """DingTalk's signature: HMAC-SHA256 of ``timestamp + "\\n" + secret`` keyed with the
    secret, base64, URL-encoded."""
    to_sign = f"{timestamp_ms}\n{secret}".encode()
    digest = hmac.new(secret.encode(), to_sign, hashlib.sha256).digest()
    return urllib.parse.quote_plus(base64.b64encode(digest).decode())


def signed_url(url: str, kind: str, secret: str, timestamp_ms: int) -> str:
    """``url`` with DingTalk's ``&timestamp=…&sign=…`` when the robot is DingTalk and a
    secret is set; otherwise ``url`` unchanged."""
    if kind != "dingtalk" or not secret:
        return url
    joiner = "&" if urllib.parse.urlsplit(url).query else "?"
    return f"{url}{joiner}timestamp={timestamp_ms}&sign={dingtalk_sign(secret, timestamp_ms)}"


def webhook_for(policy: dict[str, Any], department_code: str | None) -> tuple[str, str]:
    """(url key, URL) for a case of this department: the department's own webhook when
    one is set, else the general one; ("", "") when neither is."""
    try:
        departments = parse_department_webhooks(str(policy.get("notify.department_webhooks", "")))
    except ValueError:
        departments = {}
    if department_code and department_code in departments:
        return f"department:{department_code}", departments[department_code]
    url = str(policy.get("notify.webhook_url", "") or "").strip()
    return ("default", url) if url else ("", "")


def url_for_key(policy: dict[str, Any], url_key: str) -> str:
    """The URL an outbox row's ``url_key`` stands for now ("" when it is not set any more)."""
    if url_key.startswith("department:"):
        try:
            departments = parse_department_webhooks(
                str(policy.get("notify.department_webhooks", ""))
            )
        except ValueError:
            departments = {}
        return departments.get(url_key.partition(":")[2], "")
    return str(policy.get("notify.webhook_url", "") or "").strip()


def any_webhook(policy: dict[str, Any]) -> bool:
    """Whether any webhook is set (nothing is queued otherwise)."""
    return bool(
        str(policy.get("notify.webhook_url", "") or "").strip()
        or str(policy.get("notify.department_webhooks", "") or "").strip()
    )


@dataclass(frozen=True)
class CaseFacts:
    """What a notification says about a case (never its description)."""

    number: str
    type_name: str
    subtype_name: str
    level: int
    urgency: str  # code: urgent, normal, low
    urgent: bool
    deadline: dt.datetime | None
    owner: str
    contact: str  # as stored: masked here


def _headline(event: str, target: str | None, step: int | None) -> str:
    target_word = DEADLINE_TARGETS.label(target) if target else ""
    if event == "urgent":
        return "【紧急投诉】新登记的紧急投诉，请立即处理"
    if event == "overdue":
        return f"【投诉超时】{target_word}已超时" if target_word else "【投诉超时】"
    if event == "escalated":
        step_text = f"第{step}级" if step else "上一级"
        suffix = f"（{target_word}超时）" if target_word else ""
        return f"【投诉升级】已自动升级至{step_text}{suffix}"
    return "【投诉提醒】"


def message_text(
    event: str, facts: CaseFacts, *, target: str | None = None, step: int | None = None
) -> str:
    """The Chinese text posted for ``event`` (urgent, overdue, escalated) about a case:
    number, type and subtype, level, urgency, deadline, owner and the contact masked."""
    urgency = URGENCY.label(facts.urgency)
    if facts.urgent and facts.urgency != "urgent":
        urgency = f"{urgency}（按紧急处理）"
    deadline_word = f"{DEADLINE_TARGETS.label(target)}时限" if target else "首次响应时限"
    deadline = f"{facts.deadline:%Y-%m-%d %H:%M}" if facts.deadline else "—"
    lines = [
        _headline(event, target, step),
        f"投诉编号：{facts.number}",
        f"投诉类型：{facts.type_name} / {facts.subtype_name}",
        f"投诉等级：{LEVEL_ROMAN.get(facts.level, str(facts.level))}级",
        f"紧急程度：{urgency}",
        f"{deadline_word}：{deadline}",
        f"负责人：{facts.owner or '未分配'}",
        f"联系方式：{mask_contact(facts.contact) or '—'}",
    ]
    return "\n".join(lines)


def test_text(now: dt.datetime, sender: str) -> str:
    """The text of the Settings page's test message."""
    return f"【投诉管理系统】测试消息：群机器人通知已连通。\n发送人：{sender}\n时间：{now:%Y-%m-%d %H:%M}"
