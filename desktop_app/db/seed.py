"""Reference data (docs/rules.md#types-and-levels), seeded into a new database and topped up at
start-up.

Seeding only inserts what is missing (by code or key); it never overwrites a value a
manager changed.
"""

from __future__ import annotations

import json

from desktop_app.db.models import CauseCategory, Channel, ComplaintType, Department, Setting
from desktop_app.domain.settings import SETTINGS

# (code, Chinese, English) — docs/rules.md#registration "initial department".
DEPARTMENTS = [
    ("tech", "技术部", "Technology"),
    ("customer_service", "客服部", "Customer service"),
    ("operations", "运营部", "Operations"),
    ("logistics", "物流部", "Logistics"),
    ("risk_control", "风控部", "Risk control"),
    ("merchant_maintenance", "商户维护部", "Merchant maintenance"),
    ("other", "其他", "Other"),
]

# docs/rules.md#registration "channel".
CHANNELS = [
    ("phone", "电话/客服热线", "Phone hotline"),
    ("walk_in", "现场/前台", "Walk-in"),
    ("online_chat", "在线客服", "Online chat"),
    ("email", "电子邮件", "Email"),
    ("letter", "书信", "Letter"),
    ("social_media", "社交媒体", "Social media"),
    ("store", "门店", "Store"),
    ("app", "APP", "App"),
]

# docs/rules.md#root-causes: the root-cause categories [原因分类] (seeds 000 §五, 002 step 3).
CAUSES = [
    ("product_design", "产品设计", "Product design"),
    ("production_quality", "生产质量", "Production quality"),
    ("parts_packaging", "配件/包装", "Parts and packaging"),
    ("logistics", "物流配送", "Logistics and delivery"),
    ("merchant_conduct", "商户行为", "Merchant conduct"),
    ("staff_attitude", "人员态度", "Staff attitude"),
    ("staff_skill", "人员能力", "Staff skill"),
    ("process_rules", "流程规则", "Process and rules"),
    ("system_fault", "系统故障", "System fault"),
    ("external", "外部因素", "External factors"),
    ("customer_misunderstanding", "客户误解", "Customer misunderstanding"),
]

# The type tree with each subtype's defaults (docs/rules.md#types-and-levels):
# (code, Chinese, English, level, handling rule, callback rule, handler dept, notify dept)
TYPE_TREE: list[
    tuple[str, str, str, list[tuple[str, str, str, int, str, str, str | None, str | None]]]
] = [
    (
        "product_quality",
        "产品质量类",
        "Product quality",
        [
            (
                "functional_defect",
                "功能缺陷",
                "Functional defect",
                1,
                "receiver",
                "t+1",
                None,
                None,
            ),
            (
                "appearance_defect",
                "外观瑕疵",
                "Appearance defect",
                1,
                "receiver",
                "t+1",
                None,
                None,
            ),
            (
                "not_as_advertised",
                "与宣传不符",
                "Not as advertised",
                1,
                "receiver",
                "t+1",
                None,
                None,
            ),
            (
                "after_sales",
                "售后服务问题",
                "After-sales service",
                1,
                "receiver",
                "t+1",
                None,
                None,
            ),
            ("price_difference", "差价问题", "Price difference", 1, "receiver", "t+1", None, None),
        ],
    ),
    (
        "service_attitude",
        "服务态度类",
        "Service attitude",
        [
            (
                "poor_communication",
                "沟通不当",
                "Poor communication",
                1,
                "receiver",
                "t+1",
                None,
                None,
            ),
            ("slow_response", "响应延迟", "Slow response", 1, "receiver", "t+1", None, None),
            (
                "staff_attitude",
                "坐席人员态度",
                "Staff attitude",
                2,
                "staff_supervisor",
                "same_day",
                None,
                None,
            ),
            (
                "staff_efficiency",
                "坐席人员效率",
                "Staff efficiency",
                2,
                "senior_agent",
                "same_day",
                None,
                None,
            ),
            (
                "merchant_attitude",
                "商户服务态度",
                "Merchant attitude",
                2,
                "receiver_notify_merchant",
                "t+1",
                None,
                "merchant_maintenance",
            ),
            (
                "forced_selling",
                "商户强行推销",
                "Forced selling by a merchant",
                1,
                "receiver",
                "t+1",
                None,
                None,
            ),
        ],
    ),
    (
        "process_efficiency",
        "流程效率类",
        "Process efficiency",
        [
            ("slow_refund", "退款周期长", "Slow refund", 1, "receiver", "t+1", None, None),
            ("booking_failure", "预约失败", "Booking failure", 1, "receiver", "t+1", None, None),
            ("delivery", "配送问题", "Delivery", 1, "receiver", "t+1", None, None),
            (
                "cumbersome_process",
                "流程繁琐",
                "Cumbersome process",
                1,
                "receiver",
                "t+1",
                None,
                None,
            ),
        ],
    ),
    (
        "member_rights",
        "权益保障类",
        "Member rights",
        [
            ("points", "积分问题", "Points", 1, "receiver", "t+1", None, None),
            ("points_delay", "积分延迟使用", "Points delay", 1, "receiver", "t+1", None, None),
            (
                "points_expiry",
                "短期积分过期",
                "Short-term points expiry",
                1,
                "receiver",
                "t+1",
                None,
                None,
            ),
            ("coupons", "优惠券", "Coupons", 1, "receiver", "t+1", None, None),
            ("tier_benefits", "会员等级权益", "Tier benefits", 1, "receiver", "t+1", None, None),
            (
                "account_frozen",
                "账户冻结",
                "Account frozen",
                1,
                "receiver",
                "t+1",
                None,
                None,
            ),
            (
                "account_security",
                "账户安全",
                "Account security",
                3,
                "risk_control",
                "t+2",
                "risk_control",
                None,
            ),
            (
                "merchant_infringement",
                "商户侵权",
                "Merchant infringement",
                3,
                "receiver_notify_merchant",
                "t+1",
                None,
                "merchant_maintenance",
            ),
        ],
    ),
    (
        "campaigns",
        "市场活动类",
        "Campaigns",
        [
            ("not_eligible", "无参与资格", "Not eligible", 1, "receiver", "t+1", None, None),
            (
                "discount_below_expectation",
                "优惠幅度未及预期",
                "Discount below expectation",
                1,
                "receiver",
                "t+1",
                None,
                None,
            ),
            (
                "bonus_points_late",
                "奖励积分入账超时",
                "Bonus points late",
                1,
                "receiver",
                "t+1",
                None,
                None,
            ),
        ],
    ),
    (
        "external_factors",
        "外部因素类",
        "External factors",
        [
            ("logistics_delay", "物流延误", "Logistics delay", 1, "receiver", "t+1", None, None),
            (
                "third_party_error",
                "第三方服务失误",
                "Third-party error",
                1,
                "receiver",
                "t+1",
                None,
                None,
            ),
        ],
    ),
    (
        "other",
        "其他",
        "Other",
        [
            ("other_issue", "其他问题", "Other issue", 1, "receiver", "t+1", None, None),
        ],
    ),
]


def seed_reference_data() -> None:
    """Insert whatever reference rows and settings are missing. Idempotent."""
    departments = {d.code: d for d in Department.select()}
    for order, (code, zh, en) in enumerate(DEPARTMENTS):
        if code not in departments:
            departments[code] = Department.create(
                code=code, name_zh=zh, name_en=en, sort_order=order
            )
    existing_channels = {c.code for c in Channel.select(Channel.code)}
    for order, (code, zh, en) in enumerate(CHANNELS):
        if code not in existing_channels:
            Channel.create(code=code, name_zh=zh, name_en=en, sort_order=order)
    existing_causes = {c.code for c in CauseCategory.select(CauseCategory.code)}
    for order, (code, zh, en) in enumerate(CAUSES):
        if code not in existing_causes:
            CauseCategory.create(code=code, name_zh=zh, name_en=en, sort_order=order)
    types = {t.code: t for t in ComplaintType.select()}
    for order, (code, zh, en, children) in enumerate(TYPE_TREE):
        parent = types.get(code)
        if parent is None:
            parent = ComplaintType.create(code=code, name_zh=zh, name_en=en, sort_order=order)
        for sub_order, (scode, szh, sen, level, rule, callback, handler, notify) in enumerate(
            children
        ):
            if scode in types:
                continue
            ComplaintType.create(
                parent=parent,
                code=scode,
                name_zh=szh,
                name_en=sen,
                default_level=level,
                handling_rule=rule,
                callback_rule=callback,
                handler_department=departments[handler] if handler else None,
                notify_department=departments[notify] if notify else None,
                sort_order=sub_order,
            )
    keys = {s.key for s in Setting.select(Setting.key)}
    missing = [
        {"key": s.key, "value": json.dumps(s.default)} for s in SETTINGS if s.key not in keys
    ]
    if missing:
        Setting.insert_many(missing).execute()
