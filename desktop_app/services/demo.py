"""``demo``: fill the database with realistic complaint cases (docs/rules.md).

Everything is derived from ``random.Random(seed)`` and the session clock, so one seed and
one "now" always give the same cases. Cases are spread over the 730 days before now
(more recent days and working days busier), numbered ``TS-YYYYMMDD-NNNN`` after whatever
the day sequence already issued, with deadlines from the SLA rules, stages that follow
from each case's simulated history, progress entries (template 2), surveys (template 3),
assignments (transfers) and a few escalations.

Speed: rows are plain tuples built from precomputed lookup tables and written in chunks,
one transaction per chunk, with the DB-API ``executemany`` (SQLite) or
``psycopg2.extras.execute_values`` (PostgreSQL). Ids are reserved inside the chunk's
write lock (SQLite: after the current maximum; PostgreSQL: from the table's sequence).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import logging
import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, cast

from peewee import Database

from desktop_app.db import bulk, search
from desktop_app.db.connection import is_sqlite, write_lock
from desktop_app.db.models import (
    Approval,
    BaseModel,
    CauseCategory,
    Channel,
    Complaint,
    ComplaintType,
    Customer,
    DaySequence,
    Department,
    Escalation,
    ProgressEntry,
    Survey,
    Transfer,
    User,
    database_proxy,
)
from desktop_app.domain import deadlines as rules
from desktop_app.domain.calendar import WorkCalendar
from desktop_app.domain.messages import msg
from desktop_app.domain.routing import RouteFacts, route
from desktop_app.domain.vocab import CUSTOMER_REQUESTS, SURVEY_ASPECTS
from desktop_app.services import audit, routing, sla, users
from desktop_app.services import settings as settings_service
from desktop_app.services.errors import ValidationError, service
from desktop_app.services.permissions import require_admin
from desktop_app.services.progress import Progress
from desktop_app.services.session import Session

log = logging.getLogger(__name__)

CHUNK = 50_000  # cases per transaction: bigger chunks rewrite fewer index pages
SPREAD_DAYS = 730
RECENT_DAYS = 14
_T = TypeVar("_T")
# A row for bulk.insert_rows, in its table's column order.
_Row = tuple[object, ...]
# A customer for later cases: id, name, contact, member number, ID number, tier, sensitive kind.
_Customer = tuple[int, str, str | None, str | None, str | None, str, str | None]
# A complaint text: description, product, merchant, requests, request_other.
_Variant = tuple[str, str | None, str | None, str, str | None]


@dataclass(frozen=True)
class DemoStats:
    cases: int
    progress_entries: int
    surveys: int
    seconds: float
    customers: int = 0
    transfers: int = 0
    escalations: int = 0


# ---------------------------------------------------------------------------------------
# Vocabulary of the demo: names, contacts, products, texts.

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤"
)
# Rough frequency: the first surnames are by far the most common.
SURNAME_WEIGHTS = tuple(max(1.0, 12.0 - i * 0.6) for i in range(len(SURNAMES)))
SURNAME_PINYIN = dict(
    zip(
        SURNAMES,
        (
            "wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng "
            "liang xie song tang xu han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai "
            "yu du ye cheng su wei lv ding ren shen yao lu jiang cui zhong tan lu wang fan jin shi liao "
            "jia xia wei fu fang bai zou meng xiong qin qiu jiang yin xue yan duan lei hou long shi tao "
            "li he gu mao hao gong shao wan qian yan qin wu dai mo kong xiang tang"
        ).split(),
        strict=True,
    )
)
GIVEN_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力鹏宇浩俊凯欣怡婷雪梅琳晨"
    "博涵子轩梓睿思雨佳嘉一诺可馨泽宇晓东海燕志国春兰金凤永飞云松倩颖慧瑶舒畅彤悦"
)
MOBILE_PREFIXES = (
    "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 "
    "159 166 176 177 178 180 181 182 183 185 186 187 188 189 198 199"
).split()
EMAIL_DOMAINS = (
    "qq.com",
    "163.com",
    "126.com",
    "sina.com",
    "foxmail.com",
    "outlook.com",
    "gmail.com",
    "139.com",
)
REGION_CODES = (
    "110101",
    "110105",
    "310104",
    "310115",
    "440103",
    "440305",
    "330106",
    "320102",
    "510104",
    "420106",
    "610113",
    "370202",
    "500103",
    "120101",
    "350203",
    "430104",
)
# Demo staff display names: surname i + given name i.
STAFF_SURNAMES = "张王李刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧"
STAFF_GIVEN = (
    "晓明",
    "丽华",
    "建国",
    "婷婷",
    "志强",
    "雅琴",
    "海涛",
    "春燕",
    "文静",
    "俊杰",
    "秀兰",
    "国庆",
    "美玲",
    "振华",
    "小燕",
    "德明",
    "桂芳",
    "永红",
    "子豪",
    "欣悦",
    "思远",
    "佳怡",
    "浩然",
    "梦洁",
    "立新",
    "慧敏",
    "文博",
    "秋菊",
    "家豪",
    "雨桐",
)

SCREEN_PRODUCTS = ("智能手机", "笔记本电脑", "平板电脑", "显示器", "智能手表")
BATTERY_PRODUCTS = (
    "智能手机",
    "笔记本电脑",
    "平板电脑",
    "智能手表",
    "蓝牙耳机",
    "电动牙刷",
    "扫地机器人",
)
INSTALL_PRODUCTS = ("空调", "洗衣机", "冰箱", "热水器", "投影仪", "油烟机")
ELECTRIC_PRODUCTS = (
    SCREEN_PRODUCTS
    + INSTALL_PRODUCTS
    + ("蓝牙耳机", "空气净化器", "电饭煲", "扫地机器人", "电动牙刷", "咖啡机", "吸尘器", "电热水壶")
)
GOODS = ELECTRIC_PRODUCTS + ("行李箱", "运动鞋", "羽绒服", "婴儿推车", "儿童安全座椅", "床上四件套")
# Which products a description template talks about: {screen}, {battery}, {install},
# {electric} or {goods}.
PRODUCT_POOLS = {
    "screen": SCREEN_PRODUCTS,
    "battery": BATTERY_PRODUCTS,
    "install": INSTALL_PRODUCTS,
    "electric": ELECTRIC_PRODUCTS,
    "goods": GOODS,
}
MERCHANTS = (
    "鑫达数码专营店",
    "优品生活馆",
    "恒通家电旗舰店",
    "京华百货",
    "蓝海母婴店",
    "星辰运动专卖店",
    "佳禾厨具旗舰店",
    "云图电子商行",
    "万家福超市",
    "悦享家居馆",
)

# Per subtype code: (description template, customer request codes, "other" request text).
# product placeholders (see PRODUCT_POOLS), {m} merchant, {n} days, {k} minutes, {a} amount.
TEMPLATES: dict[str, list[tuple[str, tuple[str, ...], str | None]]] = {
    "functional_defect": [
        ("购买的{electric}使用{n}天后无法开机，要求维修", ("repair",), None),
        ("{battery}充电后很快没电，怀疑电池故障，要求换货", ("exchange",), None),
        ("新买的{screen}运行中频繁死机重启，要求退款", ("refund",), None),
        (
            "{electric}按键失灵，售后检测后仍未修好，要求换新并补偿",
            ("exchange", "compensation"),
            None,
        ),
    ],
    "appearance_defect": [
        ("收到的{screen}屏幕有划痕，要求换货", ("exchange",), None),
        (
            "{electric}外壳有明显磕碰痕迹，包装完好，要求换货或补偿",
            ("exchange", "compensation"),
            None,
        ),
        ("收到的{goods}颜色与订单不一致，要求更换", ("exchange",), None),
    ],
    "not_as_advertised": [
        ("{battery}实际续航与商品页面宣传严重不符，要求退款", ("refund",), None),
        ("宣传的赠品未随{goods}一同发放，要求补发", ("other",), "补发赠品"),
        (
            "{electric}参数与宣传不一致，认为存在虚假宣传，要求退货退款并道歉",
            ("refund", "apology"),
            None,
        ),
    ],
    "poor_communication": [
        ("客服对退货政策解释前后矛盾，导致客户多跑一趟门店，要求道歉", ("apology",), None),
        ("咨询{electric}保修问题时客服答非所问，沟通不畅", ("apology",), None),
    ],
    "slow_response": [
        ("拨打客服热线等待超过{k}分钟无人接听", ("apology",), None),
        ("在线客服留言{n}天未得到任何回复，要求尽快处理", ("apology", "other"), "尽快回复"),
    ],
    "staff_attitude": [
        ("客服人员语气生硬、多次打断客户讲话，要求道歉", ("apology",), None),
        (
            "坐席人员在通话中态度冷淡并挂断电话，要求道歉并给予补偿",
            ("apology", "compensation"),
            None,
        ),
    ],
    "staff_efficiency": [
        ("同一问题反复咨询{n}次仍未解决，坐席处理效率低", ("other",), "指定专人跟进"),
        ("坐席登记信息错误，导致{goods}退换货申请被驳回", ("exchange", "apology"), None),
    ],
    "merchant_attitude": [
        ("{m}店员态度恶劣，拒绝办理{goods}退货", ("refund", "apology"), None),
        ("{m}以各种理由推诿{electric}的售后服务", ("repair", "apology"), None),
    ],
    "slow_refund": [
        ("{goods}退款申请已提交{n}天仍未到账，要求尽快退款", ("refund",), None),
        ("退货已签收{n}天，退款{a}元迟迟未到账", ("refund", "compensation"), None),
    ],
    "booking_failure": [
        ("通过APP预约{install}上门安装失败，预约时间被无故取消", ("other",), "重新预约安装"),
        ("预约的维修服务师傅未按时上门，也未提前通知", ("apology", "repair"), None),
    ],
    "delivery": [
        ("订单显示已签收但本人未收到{goods}", ("refund",), None),
        ("配送员未送货上门，要求客户自行到驿站提取{goods}", ("apology",), None),
        ("收到的{electric}包裹破损，内件缺少配件", ("exchange",), None),
    ],
    "cumbersome_process": [
        ("{goods}退货流程需要多次提交材料，手续繁琐", ("other",), "简化退货流程"),
        ("发票申请需线下邮寄资料，流程过于复杂", ("other",), "提供电子发票"),
    ],
    "points": [
        ("订单完成{n}天后积分仍未到账", ("other",), "补发积分"),
        ("积分在未提醒的情况下过期清零，要求恢复", ("compensation",), None),
    ],
    "coupons": [
        ("优惠券在结算时无法使用，页面提示不符合条件", ("compensation",), None),
        ("活动承诺的{a}元优惠券未发放", ("other",), "补发优惠券"),
    ],
    "tier_benefits": [
        ("金卡会员生日礼遇未兑现", ("compensation",), None),
        ("会员等级降级未提前通知，专属折扣失效", ("other",), "恢复会员等级"),
    ],
    "account_frozen": [
        ("账户被无故冻结，无法登录和支付，要求尽快解冻", ("other",), "解冻账户"),
        ("账户冻结期间订单被取消，要求解冻并补偿", ("compensation", "other"), "解冻账户"),
    ],
    "account_security": [
        ("账户在异地登录并产生{a}元不明消费，要求追回", ("refund",), None),
        ("收到陌生验证码后账户密码被修改，担心资金安全", ("other",), "冻结并核查账户"),
    ],
    "merchant_infringement": [
        ("{m}泄露个人信息，近期收到大量骚扰电话", ("apology", "compensation"), None),
        ("{m}未经同意以客户名义开通付费服务，扣费{a}元", ("refund", "apology"), None),
    ],
    "logistics_delay": [
        ("{goods}已超过承诺送达时间{n}天仍未送到", ("compensation",), None),
        ("物流信息{n}天未更新，{goods}下落不明", ("refund", "other"), "查明包裹去向"),
    ],
    "third_party_error": [
        ("第三方安装师傅上门安装{install}时损坏家具，要求赔偿", ("compensation",), None),
        ("第三方支付渠道重复扣款{a}元", ("refund",), None),
    ],
    "other_issue": [
        ("发票开具信息错误，要求重新开具", ("other",), "重新开具发票"),
        ("对门店营业时间调整未提前公告表示不满", ("apology",), None),
    ],
    "after_sales": [
        ("{electric}换货已{n}天仍未收到新机，要求尽快处理", ("exchange",), None),
        ("购买的{goods}发票一直未开具，多次催促无果", ("other",), "补开发票"),
        ("{electric}配件漏发，联系售后被推诿，要求补发并道歉", ("apology",), None),
    ],
    "price_difference": [
        ("购买{goods}后{n}天降价{a}元，要求补差价", ("refund",), None),
    ],
    "forced_selling": [
        ("在{m}结账时被店员强行推销会员卡，态度强硬", ("apology",), None),
    ],
    "points_delay": [
        ("消费获得的奖励积分过了{n}天仍不能使用，要求说明原因", ("other",), "说明积分规则"),
    ],
    "points_expiry": [
        ("短期积分{a}分未提醒即过期，要求恢复", ("compensation",), None),
    ],
    "not_eligible": [
        ("参加{m}的满减活动被告知无参与资格，活动页面并未说明", ("apology",), None),
    ],
    "discount_below_expectation": [
        ("活动宣传优惠力度大，实际只优惠{k}元，感觉被误导", ("compensation",), None),
    ],
    "bonus_points_late": [
        ("活动承诺的{a}奖励积分{n}天后仍未到账", ("other",), "尽快补发积分"),
    ],
}
GENERIC_TEMPLATES = [
    ("关于{t}的问题，客户要求尽快给出处理结果", ("other",), "尽快处理"),
    ("客户反映{t}，希望得到合理解释", ("apology",), None),
]

# Initial department per subtype code (a subtype's own handler department wins).
SUBTYPE_DEPARTMENT = {
    "functional_defect": "tech",
    "appearance_defect": "customer_service",
    "not_as_advertised": "operations",
    "poor_communication": "customer_service",
    "slow_response": "customer_service",
    "staff_attitude": "customer_service",
    "staff_efficiency": "customer_service",
    "merchant_attitude": "merchant_maintenance",
    "slow_refund": "operations",
    "booking_failure": "operations",
    "delivery": "logistics",
    "cumbersome_process": "operations",
    "points": "operations",
    "coupons": "operations",
    "tier_benefits": "operations",
    "merchant_infringement": "merchant_maintenance",
    "logistics_delay": "logistics",
    "third_party_error": "operations",
    "other_issue": "other",
    "after_sales": "customer_service",
    "price_difference": "operations",
    "forced_selling": "merchant_maintenance",
    "points_delay": "operations",
    "points_expiry": "operations",
    "not_eligible": "operations",
    "discount_below_expectation": "operations",
    "bonus_points_late": "operations",
}
# How often each subtype comes up (others: 1.0).
SUBTYPE_WEIGHTS = {
    "functional_defect": 9,
    "appearance_defect": 6,
    "not_as_advertised": 4,
    "poor_communication": 4,
    "slow_response": 5,
    "staff_attitude": 2,
    "staff_efficiency": 2,
    "merchant_attitude": 3,
    "slow_refund": 7,
    "booking_failure": 3,
    "delivery": 8,
    "cumbersome_process": 3,
    "points": 4,
    "coupons": 4,
    "tier_benefits": 2,
    "account_frozen": 1.2,
    "account_security": 1.2,
    "merchant_infringement": 1,
    "logistics_delay": 8,
    "third_party_error": 2,
    "other_issue": 2,
    "after_sales": 5,
    "price_difference": 2,
    "forced_selling": 1,
    "points_delay": 2,
    "points_expiry": 1.5,
    "not_eligible": 2,
    "discount_below_expectation": 2,
    "bonus_points_late": 2,
}
CHANNEL_WEIGHTS = {
    "phone": 35,
    "walk_in": 8,
    "online_chat": 22,
    "email": 5,
    "letter": 1,
    "social_media": 5,
    "store": 9,
    "app": 15,
}
HOUR_WEIGHTS = (1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 2, 4, 7, 9, 9, 8, 8, 9, 9, 8, 7, 6, 6, 5, 4, 3, 2)

STAGE_TEXTS = {
    "registered": (
        ("已登记投诉信息，告知客户首次答复时间", "分派责任人"),
        ("已记录客户诉求并核对联系方式", "分派至责任部门"),
    ),
    "assigned": (
        ("已按规则分派责任人", "联系客户核实情况"),
        ("已转交责任部门处理", "调取订单及通话记录"),
    ),
    "investigating": (
        ("已调取订单记录与通话录音，正在核实", "提出处理方案"),
        ("已联系商户及物流方了解情况", "提出处理方案"),
        ("已安排检测，等待检测报告", "根据检测结果拟定方案"),
    ),
    "solution_proposed": (
        ("拟为客户办理换货并补偿优惠券", "与客户确认方案"),
        ("拟全额退款并致歉", "与客户确认方案"),
        ("拟安排免费维修并延长保修期", "提交主管审批"),
    ),
    "approval": (
        ("方案已提交主管审批", "等待审批结果"),
        ("主管已审批通过处理方案", "执行处理方案"),
    ),
    "execution": (
        ("已办理退款，预计1-3个工作日到账", "回访确认"),
        ("已安排换货，新品已发出", "回访确认"),
        ("已补发积分/优惠券至客户账户", "回访确认"),
    ),
    "awaiting_confirmation": (
        ("处理措施已完成，等待客户确认", "回访确认"),
        ("已电话告知处理结果", "回访确认"),
    ),
    "closed": (
        ("客户确认问题已解决，投诉闭环", "提交改进方案"),
        ("已完成回访，投诉闭环", "纳入月度改进分析"),
        ("已向客户说明处理依据，按规定闭环", "跟踪客户后续反馈"),
    ),
}
FEEDBACK_COMMENTS = {
    "satisfied": ("处理及时，很满意", "客服态度很好", "问题已彻底解决"),
    "basically_satisfied": ("结果可以接受，但处理时间偏长", "希望以后沟通更及时"),
    "not_satisfied": ("补偿太少，不能接受", "问题没有根本解决", "处理过程太慢"),
}
OUTCOME_REASONS = {
    "resolved": (
        "已按客户诉求处理完毕，客户确认问题已解决",
        "已退款并致歉，客户表示认可",
        "已换货，客户确认新品无问题",
    ),
    "partly_resolved": (
        "已部分退款，客户对补偿金额仍有异议",
        "已维修，客户仍希望换新",
        "物流问题已解决，补偿未达客户预期",
    ),
    "unresolved": (
        "客户诉求超出政策范围，已解释说明，客户不接受",
        "多次联系客户未果，按规定闭环",
        "第三方责任方拒绝赔付，已告知客户其他维权途径",
    ),
}
NO_SURVEY_REASONS = ("客户拒绝回访", "多次联系未接通", "客户要求不再联系")
SUGGESTIONS = (
    "希望缩短退款到账时间",
    "建议增加在线客服人手",
    "希望处理进度能短信通知",
    "建议简化售后流程",
    "希望客服专线晚上也能接通",
)
TRANSFER_REASONS = {
    "rule": "按投诉类型规则分派",
    "supervisor": "紧急/三级投诉，转主管处理",
    "risk": "账户类问题，转风控部处理",
    "senior": "坐席效率问题，转资深坐席处理",
    "staff": "坐席态度投诉，转被投诉员工直属主管处理",
}
# The demo's transfer reason for each routing rule (domain.vocab.ROUTE_RULES).
ROUTE_TRANSFER_REASONS = {
    "receiver": "rule",
    "urgent": "supervisor",
    "level_iii": "supervisor",
    "supervisor": "supervisor",
    "staff_supervisor": "staff",
    "senior_agent": "senior",
    "risk_control": "risk",
}
ESCALATION_REASONS = ("办结时限已超时，自动升级至主管", "客户再次来电催促，责任人申请升级")

# Stage order of docs/rules.md#workflow (approval only for level II/III and urgent cases).
FLOW_FULL = (
    "registered",
    "assigned",
    "investigating",
    "solution_proposed",
    "approval",
    "execution",
    "awaiting_confirmation",
    "closed",
)
FLOW_SHORT = tuple(s for s in FLOW_FULL if s != "approval")

# Column order of the rows written; checked against the models so a schema change fails
# loudly in the tests instead of writing wrong columns.
COMPLAINT_COLUMNS = (
    "id",
    "number",
    "customer_id",
    "customer_name",
    "contact",
    "member_number",
    "id_number",
    "member_tier",
    "complaint_time",
    "registration_time",
    "channel_id",
    "type_id",
    "subtype_id",
    "urgency",
    "description",
    "customer_requests",
    "customer_request_other",
    "department_id",
    "receiver_id",
    "product",
    "merchant",
    "subject_staff_id",
    "subject_staff_name",
    "repeat_of_id",
    "account_frozen_at",
    "root_cause_id",
    "root_cause_notes",
    "owner_id",
    "stage",
    "is_open",
    "level",
    "urgent",
    "urgent_reasons",
    "priority",
    "batch_id",
    "head_office",
    "complex_case",
    "escalation_step",
    "reopen_count",
    "reopened_at",
    "outcome",
    "outcome_reason",
    "first_response_at",
    "solution_agreed_at",
    "closed_at",
    "last_update_at",
    "first_response_due",
    "solution_due",
    "resolution_due",
    "renegotiated_due",
    "next_update_due",
    "next_due",
    "survey_due",
    "no_survey_reason",
    "version",
    "created_at",
    "updated_at",
    "updated_by_id",
)
_DESCRIPTION = COMPLAINT_COLUMNS.index("description")
CUSTOMER_COLUMNS = (
    "id",
    "name",
    "phone",
    "email",
    "member_number",
    "id_number",
    "tier",
    "sensitive",
    "sensitive_kind",
    "notes",
    "created_at",
    "updated_at",
)
PROGRESS_COLUMNS = (
    "complaint_id",
    "stage",
    "owner_id",
    "planned_completion",
    "actual_completion",
    "result",
    "customer_feedback",
    "feedback_comment",
    "next_action",
    "updated_at",
    "updated_by_id",
)
SURVEY_COLUMNS = (
    "complaint_id",
    "customer_id",
    "customer_name",
    "survey_time",
    "method",
    "surveyor_id",
    "timeliness",
    "effectiveness",
    "attitude",
    "overall",
    "most_satisfied",
    "most_satisfied_other",
    "needs_improvement",
    "needs_improvement_other",
    "suggestions",
    "created_at",
)
TRANSFER_COLUMNS = (
    "complaint_id",
    "from_user_id",
    "to_user_id",
    "from_department_id",
    "to_department_id",
    "reason",
    "by_user_id",
    "at",
)
ESCALATION_COLUMNS = (
    "complaint_id",
    "from_step",
    "to_step",
    "to_user_id",
    "reason",
    "automatic",
    "by_user_id",
    "at",
)
TABLE_COLUMNS = (
    (Complaint, COMPLAINT_COLUMNS),
    (Customer, CUSTOMER_COLUMNS),
    (ProgressEntry, PROGRESS_COLUMNS),
    (Survey, SURVEY_COLUMNS),
    (Transfer, TRANSFER_COLUMNS),
    (Escalation, ESCALATION_COLUMNS),
    (Approval, bulk.APPROVAL_COLUMNS),
)


def model_columns(model: type[BaseModel]) -> set[str]:
    return {f.column_name for f in model._meta.sorted_fields}


# ---------------------------------------------------------------------------------------
# Small generators.


def id_number_checksum(first17: str) -> str:
    """Check character of a mainland resident ID number (ISO 7064 MOD 11-2)."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(c) * w for c, w in zip(first17, weights, strict=True))
    return "10X98765432"[total % 11]


def _weighted_picker(
    rng: random.Random, items: Iterable[_T], weights: Iterable[float]
) -> Callable[[], _T]:
    """A fast ``choice`` with weights: bisect on the cumulative weights."""
    items = tuple(items)
    cum = list(itertools.accumulate(weights))
    total = cum[-1]
    rand = rng.random
    bis = bisect.bisect_right
    last = len(items) - 1

    def pick() -> _T:
        return items[min(bis(cum, rand() * total), last)]

    return pick


@dataclass(frozen=True)
class _Subtype:
    id: int
    type_id: int
    code: str
    name_zh: str
    level: int
    callback_rule: str
    handling_rule: str
    department_id: int
    notify_department_id: int | None
    variants: tuple[_Variant, ...]


@dataclass
class _Staff:
    manager: int
    supervisors: dict[int, int]  # department id -> supervisor id
    clerks: dict[int, list[int]]  # department id -> clerk ids
    front: list[int]  # clerks who receive complaints
    seniors: list[int]
    supervisor_of: dict[int, int]  # clerk id -> supervisor id


class _DemoStaff:
    """``domain.routing.Staff`` over the demo's staff lists; ``load`` counts the open cases
    of each senior agent as the run generates them (fewest open cases first)."""

    def __init__(self, staff: _Staff, manager: int | None):
        self.staff = staff
        self._manager = manager if manager is not None else staff.manager
        self.load = dict.fromkeys(staff.seniors, 0)
        self._clerks = {c for ids in staff.clerks.values() for c in ids}
        self._supervisors = set(staff.supervisors.values())

    def supervisor_of(self, user_id: int) -> int | None:
        if user_id in self.staff.supervisor_of:
            return self.staff.supervisor_of[user_id]
        return self.staff.manager if user_id in self._supervisors else None

    def role_of(self, user_id: int) -> str | None:
        if user_id == self.staff.manager:
            return "manager"
        return "supervisor" if user_id in self._supervisors else "clerk"

    def senior_agent(self, receiver: int, exclude: frozenset[int]) -> int | None:
        home = next((d for d, ids in self.staff.clerks.items() if receiver in ids), None)
        near = set(self.staff.clerks.get(home, ())) if home is not None else set()
        pool = [u for u in self.staff.seniors if u not in exclude]
        for group in ([u for u in pool if u in near], pool):
            if group:
                return min(group, key=lambda u: (self.load[u], u))
        return None

    def department_supervisor(self, department_id: int | None) -> int | None:
        return self.staff.supervisors.get(department_id) if department_id is not None else None

    def manager(self) -> int | None:
        return self._manager


def _staff_plan(dept_codes: list[str]) -> tuple[list[tuple[str, str, str | None, bool]], str]:
    """The demo accounts as (username, role, department code, senior agent), and the
    front-desk department whose clerks register complaints: a manager, a supervisor per
    department, eight front-desk clerks (two senior agents), a clerk in each back office."""
    plan: list[tuple[str, str, str | None, bool]] = [("demo_manager", "manager", None, False)]
    for code in dept_codes:
        plan.append((f"demo_sup_{code}", "supervisor", code, False))
    front = "customer_service" if "customer_service" in dept_codes else dept_codes[0]
    for i in range(1, 9):
        plan.append((f"demo_clerk{i:02d}", "clerk", front, i in (1, 2)))
    for code in ("tech", "operations", "logistics", "risk_control", "merchant_maintenance"):
        if code in dept_codes and code != front:
            plan.append((f"demo_clerk_{code}", "clerk", code, False))
    return plan, front


def _ensure_staff(session: Session) -> _Staff:
    """The demo staff, created (without passwords: they cannot sign in) when missing."""
    departments = list(
        Department.select().where(Department.active).order_by(Department.sort_order, Department.id)
    )
    if not departments:
        raise ValidationError(msg("The database has no departments; run init first."))
    by_code = {d.code: d for d in departments}
    codes = [d.code for d in departments]
    plan, front_code = _staff_plan(codes)
    existing = {u.username: u for u in User.select().where(User.username.in_([p[0] for p in plan]))}
    names = [s + g for s, g in zip(STAFF_SURNAMES, STAFF_GIVEN, strict=True)]
    for index, (username, role, code, senior) in enumerate(plan):
        if username in existing:
            continue
        if role == "manager":
            boss = None
        elif role == "supervisor":
            boss = "demo_manager"
        else:
            boss = f"demo_sup_{code}"
        users.create_user(
            session,
            username,
            role,
            None,
            display_name=names[index % len(names)]
            + ("" if index < len(names) else str(index // len(names) + 1)),
            departments=(code,) if code else (),
            supervisor=boss,
            senior_agent=senior,
        )
    accounts = {u.username: u for u in User.select().where(User.username.in_([p[0] for p in plan]))}
    manager = accounts["demo_manager"].id
    supervisors = {by_code[code].id: accounts[f"demo_sup_{code}"].id for code in codes}
    clerks: dict[int, list[int]] = {}
    front: list[int] = []
    seniors: list[int] = []
    supervisor_of: dict[int, int] = {}
    for username, role, code, senior in plan:
        if role != "clerk" or code is None:  # clerks have a department
            continue
        uid = accounts[username].id
        dept_id = by_code[code].id
        clerks.setdefault(dept_id, []).append(uid)
        supervisor_of[uid] = supervisors[dept_id]
        if code == front_code:
            front.append(uid)
        if senior:
            seniors.append(uid)
    return _Staff(manager, supervisors, clerks, front, seniors or front[:1], supervisor_of)


def _load_subtypes(rng: random.Random, departments: dict[str, int]) -> list[_Subtype]:
    fallback = departments.get("customer_service") or next(iter(departments.values()))
    subtypes = []
    rows = (
        ComplaintType.select()
        .where(ComplaintType.parent.is_null(False), ComplaintType.active)
        .order_by(ComplaintType.sort_order, ComplaintType.id)
    )
    for row in rows:
        dept = (
            row.handler_department_id
            or departments.get(SUBTYPE_DEPARTMENT.get(row.code, ""))
            or fallback
        )
        templates = TEMPLATES.get(row.code) or GENERIC_TEMPLATES
        variants: list[_Variant] = []
        for template, requests, other in templates:
            for _ in range(12):
                product = None
                slots = {}
                for pool_name, pool in PRODUCT_POOLS.items():
                    if "{" + pool_name + "}" in template:
                        product = slots[pool_name] = rng.choice(pool)
                merchant = rng.choice(MERCHANTS) if "{m}" in template else None
                text = template.format(
                    m=merchant or "",
                    n=rng.randint(2, 15),
                    k=rng.choice((20, 25, 30, 40, 45, 60)),
                    a=rng.choice((20, 50, 88, 100, 199, 299, 560, 1200)),
                    t=row.name_zh,
                    **slots,
                )
                variants.append(
                    (
                        text,
                        product,
                        merchant,
                        ",".join(c for c in CUSTOMER_REQUESTS.codes() if c in requests),
                        other,
                    )
                )
        subtypes.append(
            _Subtype(
                row.id,
                cast(int, row.parent_id),  # subtypes only: they have a parent
                row.code,
                row.name_zh,
                int(row.default_level or 1),
                row.callback_rule or "t+1",
                row.handling_rule or "receiver",
                dept,
                row.notify_department_id,
                tuple(variants),
            )
        )
    if not subtypes:
        raise ValidationError(msg("The database has no complaint subtypes; run init first."))
    return subtypes


# ---------------------------------------------------------------------------------------
# Writing rows.


class _Writer:
    """Bulk inserts and id/number reservations for one backend."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.sqlite = is_sqlite(db)

    def insert(self, model: type[BaseModel], columns: tuple[str, ...], rows: list[_Row]) -> None:
        bulk.insert_rows(self.db, model._meta.table_name, columns, rows)

    def reserve_ids(self, model: type[BaseModel], count: int) -> list[int]:
        """``count`` new primary keys; call inside the chunk's write lock."""
        return bulk.reserve_ids(self.db, model._meta.table_name, count)

    def reserve_numbers(self, day: str, count: int) -> int:
        """Reserve ``count`` numbers of ``day`` (YYYYMMDD); returns the first one."""
        (
            DaySequence.insert(day=day, last=count)
            .on_conflict(
                conflict_target=[DaySequence.day],
                update={DaySequence.last: DaySequence.last + count},
            )
            .execute()
        )
        last: int = DaySequence.select(DaySequence.last).where(DaySequence.day == day).scalar()
        return last - count + 1


# ---------------------------------------------------------------------------------------
# The generator.


# docs/rules.md#root-causes: the likely causes of a subtype's complaints in demo data (by
# the start of its code; the first match wins), the rest spread over the whole list.
DEMO_CAUSES = (
    ("functional", ("product_design", "production_quality", "parts_packaging")),
    ("quality", ("production_quality", "parts_packaging")),
    ("logistics", ("logistics", "logistics", "external")),
    ("delivery", ("logistics", "parts_packaging")),
    ("merchant", ("merchant_conduct", "merchant_conduct", "staff_attitude")),
    ("staff", ("staff_attitude", "staff_skill")),
    ("slow", ("process_rules", "staff_skill", "system_fault")),
    ("account", ("system_fault", "process_rules", "customer_misunderstanding")),
    ("points", ("system_fault", "process_rules", "customer_misunderstanding")),
    ("coupons", ("process_rules", "customer_misunderstanding")),
    ("price", ("process_rules", "merchant_conduct", "customer_misunderstanding")),
)


class _Generator:
    def cause_for(self, subtype_code: str, case_id: int) -> int | None:
        """A closed demo case's root cause (docs/rules.md#root-causes)."""
        codes: tuple[str, ...] = tuple(self.causes)
        for prefix, likely in DEMO_CAUSES:
            if subtype_code.startswith(prefix):
                codes = likely
                break
        if not codes:
            return None
        return self.causes.get(codes[(case_id * 7919) % len(codes)])

    def __init__(
        self,
        rng: random.Random,
        now: dt.datetime,
        subtypes: list[_Subtype],
        channels: dict[str, int],
        staff: _Staff,
        policy: dict[str, Any],
        calendar: WorkCalendar,
        prefix: str,
    ) -> None:
        self.rng = rng
        self.now = now
        self.causes = dict(
            cast(
                Iterable[tuple[str, int]],
                CauseCategory.select(CauseCategory.code, CauseCategory.id).tuples(),
            )
        )
        self.subtypes = subtypes
        self.staff = staff
        self.policy = policy
        self.calendar = calendar
        self.prefix = prefix
        self.pick_subtype = _weighted_picker(
            rng, subtypes, [SUBTYPE_WEIGHTS.get(s.code, 1.0) for s in subtypes]
        )
        codes = sorted(
            channels, key=lambda c: list(CHANNEL_WEIGHTS).index(c) if c in CHANNEL_WEIGHTS else 99
        )
        self.channel_codes = {channels[c]: c for c in codes}
        self.pick_channel = _weighted_picker(
            rng, [channels[c] for c in codes], [CHANNEL_WEIGHTS.get(c, 2) for c in codes]
        )
        self.pick_surname = _weighted_picker(rng, SURNAMES, SURNAME_WEIGHTS)
        self.pick_hour = _weighted_picker(rng, range(24), HOUR_WEIGHTS)
        self.pick_urgency = _weighted_picker(rng, ("urgent", "normal", "low"), (6, 76, 18))
        self.pick_tier = _weighted_picker(
            rng, ("regular", "silver", "gold", "vip"), (50, 25, 17, 8)
        )
        self.pick_outcome = _weighted_picker(
            rng, ("resolved", "partly_resolved", "unresolved"), (80, 13, 7)
        )
        self.pick_method = _weighted_picker(
            rng, ("phone", "sms", "questionnaire", "app_push"), (60, 15, 10, 15)
        )
        self.score = {
            "resolved": _weighted_picker(rng, (5, 4, 3, 2, 1), (52, 32, 11, 3, 2)),
            "partly_resolved": _weighted_picker(rng, (5, 4, 3, 2, 1), (15, 35, 32, 12, 6)),
            "unresolved": _weighted_picker(rng, (5, 4, 3, 2, 1), (4, 12, 30, 30, 24)),
        }
        self.aspects = [c for c in SURVEY_ASPECTS.codes() if c != "other"]
        self.all_clerks = [c for ids in staff.clerks.values() for c in ids]
        # The manager urgent cases of supervisors go to: as the live routing reads it.
        self.directory = _DemoStaff(staff, routing.DbStaff().manager())
        # Letters and e-mails are registered a while after they arrive.
        self.slow_channels = frozenset(channels[c] for c in ("email", "letter") if c in channels)
        self.customer_pool: list[_Customer] = []

    # -- the calendar of the whole run ----------------------------------------------------

    def day_counts(self, count: int) -> list[tuple[dt.date, int]]:
        """How many cases each of the last 730 days gets (busier recently and on workdays)."""
        today = self.now.date()
        days = [today - dt.timedelta(days=SPREAD_DAYS - 1 - i) for i in range(SPREAD_DAYS)]
        weights = []
        for i, day in enumerate(days):
            w = 0.7 + 0.3 * i / (SPREAD_DAYS - 1)
            if not self.calendar.is_working_day(day):
                w *= 0.7
            if day == today:
                # Only the part of today that is already over.
                w *= max(0.0, (self.now.hour * 60 + self.now.minute - 30) / 1440)
            weights.append(w)
        # The current workload: a share of the cases in the last two weeks, so even a
        # small demo has open cases in every stage.
        recent = min(count // 4, max(80, count * 2 // 100))
        picks = self.rng.choices(range(SPREAD_DAYS), weights=weights, k=count - recent)
        first_recent = SPREAD_DAYS - RECENT_DAYS
        recent_weights = [
            w * (i - first_recent + 1) ** 2 if i >= first_recent else 0.0
            for i, w in enumerate(weights)
        ]
        picks += self.rng.choices(range(SPREAD_DAYS), weights=recent_weights, k=recent)
        counts = [0] * SPREAD_DAYS
        for p in picks:
            counts[p] += 1
        return [(d, n) for d, n in zip(days, counts, strict=True) if n]

    def times_of_day(self, day: dt.date, n: int) -> list[dt.datetime]:
        rand = self.rng.random
        pick_hour = self.pick_hour
        start = dt.datetime.combine(day, dt.time())
        limit = None
        if day == self.now.date():
            limit = int((self.now - start).total_seconds()) - 1200  # leave 20 min
        seconds = []
        for _ in range(n):
            s = pick_hour() * 3600 + int(rand() * 3600)
            if limit is not None and s > limit:
                s = int(rand() * max(limit, 1))
            seconds.append(s)
        seconds.sort()
        return [start + dt.timedelta(seconds=s) for s in seconds]

    # -- customers -------------------------------------------------------------------------

    def _phone(self) -> str:
        return self.rng.choice(MOBILE_PREFIXES) + f"{self.rng.randrange(100_000_000):08d}"

    def new_customer(self, cid: int, at: dt.datetime) -> tuple[_Row, _Customer]:
        rng = self.rng
        rand = rng.random
        surname = self.pick_surname()
        given = rng.choice(GIVEN_CHARS) + (rng.choice(GIVEN_CHARS) if rand() < 0.7 else "")
        name = surname + given
        phone = self._phone() if rand() < 0.95 else None
        email = None
        if phone is None or rand() < 0.15:
            if rand() < 0.5:
                email = f"{rng.randrange(10_000, 3_000_000_000)}@qq.com"
            else:
                email = (
                    f"{SURNAME_PINYIN[surname]}{rng.randrange(1, 9999)}@{rng.choice(EMAIL_DOMAINS)}"
                )
        member = rand() < 0.6
        member_number = f"M{at.year}{cid:08d}" if member else None
        tier = self.pick_tier() if member else "regular"
        id_number = None
        if rand() < 0.3:
            birth = dt.date(1955, 1, 1) + dt.timedelta(days=int(rand() * 18_000))
            first17 = (
                rng.choice(REGION_CODES) + birth.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
            )
            id_number = first17 + id_number_checksum(first17)
        sensitive_kind = None
        if rand() < 0.004:
            sensitive_kind = rng.choice(
                ("media", "regulator", "government", "consumer_association")
            )
        contact: str | None
        if phone and email:
            contact = f"{phone};{email}"
        else:
            contact = phone or email
        stamp = str(at)
        row = (
            cid,
            name,
            phone,
            email,
            member_number,
            id_number,
            tier,
            sensitive_kind is not None,
            sensitive_kind,
            None,
            stamp,
            stamp,
        )
        customer = (cid, name, contact, member_number, id_number, tier, sensitive_kind)
        return row, customer

    # -- one chunk -------------------------------------------------------------------------

    def chunk(
        self,
        plan: list[tuple[dt.date, list[dt.datetime]]],
        case_ids: Iterable[int],
        customer_ids: Iterable[int],
        first_numbers: dict[str, int],
    ) -> dict[str, list[_Row]]:
        rng = self.rng
        rand = rng.random

        def randint(a: int, b: int) -> int:  # rng.randint is several times slower
            return a + int(rand() * (b - a + 1))

        def choice(seq: Sequence[_T]) -> _T:
            return seq[int(rand() * len(seq))]

        now = self.now
        staff = self.staff
        directory = self.directory
        policy = self.policy
        calendar = self.calendar
        sla_context = sla.SlaContext(policy, calendar)
        deadlines_for = sla.deadlines_for
        survey_window = rules.survey_window
        level_priority = rules.level_priority
        work_start = calendar.work_start
        td = dt.timedelta
        S = str
        pool = self.customer_pool
        complaints: list[_Row] = []
        customers: list[_Row] = []
        progress: list[_Row] = []
        surveys: list[_Row] = []
        transfers: list[_Row] = []
        escalations: list[_Row] = []
        approvals: list[_Row] = []
        case_iter = iter(case_ids)
        customer_iter = iter(customer_ids)
        next_customer = None
        for day, times in plan:
            day_key = day.strftime("%Y%m%d")
            seq = first_numbers[day_key]
            width = 4 if seq + len(times) - 1 <= 9999 else len(str(seq + len(times) - 1))
            for t0 in times:
                case_id = next(case_iter)
                number = f"{self.prefix}-{day_key}-{seq:0{width}d}"
                seq += 1
                # Customer: a returning one now and then, else a new one.
                if pool and rand() < 0.12:
                    customer = choice(pool)
                else:
                    if next_customer is None:
                        next_customer = next(customer_iter)
                    row, customer = self.new_customer(next_customer, t0)
                    next_customer = None
                    customers.append(row)
                    pool.append(customer)
                    if len(pool) > 5000:
                        del pool[:1000]
                cust_id, cust_name, contact, member_number, id_number, tier, sensitive = customer
                sub = self.pick_subtype()
                channel = self.pick_channel()
                description, product, merchant, requests, request_other = choice(sub.variants)
                if rand() < 0.2:
                    description += f"（订单号：{rng.randrange(10**11, 10**12)}）"
                urgency = self.pick_urgency()
                reasons = []
                if urgency == "urgent":
                    reasons.append("staff")
                if sensitive:
                    reasons.append("sensitive")
                head_office = rand() < 0.003
                if head_office:
                    reasons.append("head_office")
                urgent = bool(reasons)
                level = 3 if tier == "vip" else sub.level  # as sla.default_level
                if level < 3 and rand() < 0.03:
                    level += 1  # staff raised it
                priority = level_priority(level, urgent)
                lag = randint(60, 3600 if channel in self.slow_channels else 900)
                lag = min(lag, max(0, int((now - t0).total_seconds()) - 60))
                reg = t0 + td(seconds=lag)
                # Deadlines (docs/rules.md#deadlines) exactly as the SLA engine computes them.
                dl = deadlines_for(
                    sla_context,
                    complaint_time=t0,
                    urgency=urgency,
                    urgent=urgent,
                    callback_rule=sub.callback_rule,
                    member_tier=tier,
                )
                fr_due, sol_due, res_due = (
                    dl.first_response_due,
                    dl.solution_due,
                    dl.resolution_due,
                )
                # People: the owner by the routing rule of docs/rules.md#routing, the one the
                # intake form applies (domain.routing.route over the demo's staff lists).
                receiver = choice(staff.front)
                dept = sub.department_id
                subject_staff = None
                if sub.handling_rule in ("staff_supervisor", "senior_agent"):
                    about = (
                        self.all_clerks if sub.handling_rule == "staff_supervisor" else staff.front
                    )
                    subject_staff = choice(about)
                found = route(
                    RouteFacts(
                        receiver=receiver,
                        department_id=dept,
                        handling_rule=sub.handling_rule,
                        handler_department_id=dept,
                        urgent=urgent,
                        member_tier=tier,
                        subject_staff=subject_staff,
                    ),
                    directory,
                )
                owner = found.owner
                why: str | None = ROUTE_TRANSFER_REASONS.get(found.rule, "rule")
                # The case's history: milestone times, then the stage reached by now.
                flow = FLOW_FULL if (level >= 2 or urgent) else FLOW_SHORT
                r = rand()
                if r < 0.93:
                    first_resp = reg + td(
                        seconds=int(rand() * max(60, (fr_due - reg).total_seconds() * 0.95)) + 60
                    )
                else:
                    first_resp = fr_due + td(seconds=randint(600, 86_400))
                if not calendar.in_working_time(reg):
                    # Registered out of hours: assigned in the next working morning.
                    if calendar.is_working_day(reg.date()) and reg.time() < work_start:
                        assign_day = reg.date()
                    else:
                        assign_day = calendar.next_working_day(reg.date())
                    assigned_at = dt.datetime.combine(assign_day, work_start) + td(
                        seconds=randint(300, 3 * 3600)
                    )  # the morning backlog
                else:
                    r = rand()
                    if r < 0.6:
                        assigned_at = reg + td(seconds=randint(120, 3600))
                    elif r < 0.9:
                        assigned_at = reg + td(seconds=randint(3600, 4 * 3600))
                    else:  # waited for a supervisor
                        assigned_at = reg + td(seconds=randint(4 * 3600, 24 * 3600))
                r = rand()
                if r < 0.86:
                    close = t0 + td(
                        seconds=int((res_due - t0).total_seconds() * (0.25 + 0.7 * rand()))
                    )
                elif r < 0.99:
                    close = res_due + td(seconds=randint(3600, 10 * 86_400))
                else:
                    close = res_due + td(seconds=randint(10 * 86_400, 60 * 86_400))
                start = max(first_resp, assigned_at) + td(seconds=randint(300, 7200))
                if close <= start:
                    close = start + td(seconds=randint(3600, 86_400))
                span = (close - start).total_seconds()
                inner = sorted(rand() for _ in range(len(flow) - 4))
                moments = [reg, assigned_at, start]
                moments += [start + td(seconds=int(span * f)) for f in inner]
                moments.append(close)
                # Strictly increasing, whole seconds.
                for i in range(1, len(moments)):
                    if moments[i] <= moments[i - 1]:
                        moments[i] = moments[i - 1] + td(seconds=60)
                reached = 0
                for i, moment in enumerate(moments):
                    if moment <= now:
                        reached = i
                stage = flow[reached]
                is_open = stage != "closed"
                first_response_at = first_resp if first_resp <= now else None
                solution_at = None
                exec_index = flow.index("execution")
                if reached >= exec_index:
                    solution_at = moments[exec_index]
                closed_at = moments[-1] if not is_open else None
                owner_now = owner  # routed at registration
                if stage == "approval":
                    # The owner's request, its solution from the case id (the random
                    # sequence stays as it was).
                    proposed = STAGE_TEXTS["solution_proposed"]
                    solution = proposed[case_id % len(proposed)][0]
                    approvals.append(
                        bulk.pending_approval(case_id, solution, owner, S(moments[reached]))
                    )
                if is_open and owner in directory.load:
                    directory.load[owner] += 1
                # Outcome and survey of a closed case.
                outcome = outcome_reason = survey_due = no_survey_reason = None
                feedback = None
                if closed_at is not None:  # not is_open
                    outcome = self.pick_outcome()
                    outcome_reason = choice(OUTCOME_REASONS[outcome])
                    survey_due = survey_window(closed_at, policy)[1]
                    if outcome == "resolved":
                        feedback = "satisfied" if rand() < 0.72 else "basically_satisfied"
                    elif outcome == "partly_resolved":
                        feedback = "basically_satisfied" if rand() < 0.6 else "not_satisfied"
                    else:
                        feedback = "not_satisfied" if rand() < 0.85 else "basically_satisfied"
                # Escalation of late cases.
                escalation_step = 0
                late = res_due < (closed_at or now)
                if late and rand() < 0.4:
                    esc_at = res_due + td(
                        seconds=int(
                            float(policy.get("reminders.escalation_grace_minutes", 60)) * 60
                        )
                    )
                    if esc_at <= (closed_at or now) and esc_at <= now:
                        escalation_step = 1
                        escalations.append(
                            (
                                case_id,
                                0,
                                1,
                                staff.supervisor_of.get(
                                    owner_now, staff.supervisors.get(dept, staff.manager)
                                ),
                                ESCALATION_REASONS[0],
                                True,
                                None,
                                S(esc_at),
                            )
                        )
                # Progress entries: 1-4, the last at the current stage.
                stages_reached = list(range(reached + 1))
                n_entries = min(len(stages_reached), choice((1, 2, 2, 3, 3, 4)))
                chosen = sorted(rng.sample(stages_reached[:-1], n_entries - 1)) + [reached]
                last_update = reg
                for idx in chosen:
                    st = flow[idx]
                    when = moments[idx]
                    if when > now:  # pragma: no cover - moments[reached] <= now
                        when = now
                    next_action: str | None
                    result_text, next_action = choice(STAGE_TEXTS[st])
                    if idx < 2:
                        planned = fr_due
                    elif idx < exec_index:
                        planned = sol_due
                    else:
                        planned = res_due
                    actual = moments[idx + 1] if idx + 1 <= reached else None
                    fb: str | None = None
                    comment: str | None = None
                    if st == "closed":
                        assert feedback is not None  # set for every closed case
                        planned, actual = res_due, closed_at
                        fb = feedback
                        comment = choice(FEEDBACK_COMMENTS[feedback])
                        next_action = None if rand() < 0.5 else next_action
                    entry_owner = receiver if idx == 0 else owner
                    progress.append(
                        (
                            case_id,
                            st,
                            entry_owner,
                            S(planned),
                            S(actual) if actual else None,
                            result_text,
                            fb,
                            comment,
                            next_action,
                            S(when),
                            entry_owner,
                        )
                    )
                    last_update = when
                # Transfer (assignment) when someone other than the receiver took it over.
                if why is not None and why != "rule" and owner != receiver:
                    transfers.append(
                        (
                            case_id,
                            receiver,
                            owner,
                            dept,
                            dept,
                            TRANSFER_REASONS[why],
                            staff.supervisor_of.get(receiver, staff.manager),
                            S(moments[1]),
                        )
                    )
                # Survey (template 3) for most closed cases, 24-48 h after closure.
                if closed_at is not None:  # not is_open
                    assert outcome is not None  # set for every closed case
                    survey_time = closed_at + td(seconds=randint(86_400, 172_800))
                    if survey_time <= now and rand() < 0.75:
                        overall = self.score[outcome]()
                        on_time = closed_at <= res_due
                        timeliness = min(
                            5, max(1, overall + (0 if on_time else -1) + choice((-1, 0, 0, 0, 1)))
                        )
                        effectiveness = min(5, max(1, overall + choice((-1, 0, 0, 1))))
                        attitude = min(5, max(1, overall + choice((0, 0, 1, 1, -1))))
                        most_codes = sorted(
                            rng.sample(self.aspects, randint(1, 2)), key=self.aspects.index
                        )
                        most = ",".join(most_codes)
                        most_other = None
                        rest = [a for a in self.aspects if a not in most_codes]
                        if overall <= 3:
                            improve_codes = rng.sample(rest, randint(1, 2))
                        else:
                            improve_codes = rng.sample(rest, choice((0, 0, 1)))
                        improve_other = None
                        if rand() < 0.05:
                            improve_codes.append("other")
                            improve_other = choice(SUGGESTIONS)
                        improve = ",".join(sorted(improve_codes, key=SURVEY_ASPECTS.codes().index))
                        surveys.append(
                            (
                                case_id,
                                cust_id,
                                cust_name,
                                S(survey_time),
                                self.pick_method(),
                                receiver,
                                timeliness,
                                effectiveness,
                                attitude,
                                overall,
                                most,
                                most_other,
                                improve,
                                improve_other,
                                choice(SUGGESTIONS) if rand() < 0.1 else None,
                                S(survey_time),
                            )
                        )
                    elif survey_time <= now and rand() < 0.3:
                        no_survey_reason = choice(NO_SURVEY_REASONS)
                # next_due (docs/rules.md#deadlines): the earliest deadline not yet met, open cases
                # only.
                next_due = sla.next_due(
                    is_open=is_open,
                    first_response_at=first_response_at,
                    solution_agreed_at=solution_at,
                    first_response_due=fr_due,
                    solution_due=sol_due,
                    resolution_due=res_due,
                )
                next_update = None
                if is_open:
                    next_update = rules.next_update_due(calendar, reg, last_update, policy)
                complaints.append(
                    (
                        case_id,
                        number,
                        cust_id,
                        cust_name,
                        contact,
                        member_number,
                        id_number,
                        tier,
                        S(t0),
                        S(reg),
                        channel,
                        sub.type_id,
                        sub.id,
                        urgency,
                        description,
                        requests,
                        request_other,
                        dept,
                        receiver,
                        product,
                        merchant,
                        subject_staff,
                        None,  # subject_staff_name: demo staff have accounts
                        None,  # repeat_of_id
                        None,  # account_frozen_at
                        # docs/rules.md#root-causes: closed cases have a plausible cause
                        # (from the case id, so the random sequence stays as it was).
                        self.cause_for(sub.code, case_id) if not is_open else None,
                        None,  # root_cause_notes
                        owner_now,
                        stage,
                        is_open,
                        level,
                        urgent,
                        ",".join(reasons),
                        priority,
                        None,
                        head_office,
                        False,
                        escalation_step,
                        0,
                        None,
                        outcome,
                        outcome_reason,
                        S(first_response_at) if first_response_at else None,
                        S(solution_at) if solution_at else None,
                        S(closed_at) if closed_at else None,
                        S(last_update),
                        S(fr_due),
                        S(sol_due),
                        S(res_due),
                        None,
                        S(next_update) if next_update else None,
                        S(next_due) if next_due else None,
                        S(survey_due) if survey_due else None,
                        no_survey_reason,
                        1,
                        S(reg),
                        S(last_update),
                        owner_now,
                    )
                )
        return {
            "complaints": complaints,
            "customers": customers,
            "progress": progress,
            "surveys": surveys,
            "transfers": transfers,
            "escalations": escalations,
            "approvals": approvals,
        }


def _chunks(
    day_counts: Iterable[tuple[dt.date, int]], generator: _Generator, size: int
) -> Iterator[list[tuple[dt.date, list[dt.datetime]]]]:
    """Split the run into chunks of about ``size`` cases: [(day, [times...]), ...]."""
    chunk: list[tuple[dt.date, list[dt.datetime]]] = []
    filled = 0
    for day, n in day_counts:
        times = generator.times_of_day(day, n)
        while times:
            take = times[: size - filled]
            times = times[len(take) :]
            chunk.append((day, take))
            filled += len(take)
            if filled >= size:
                yield chunk
                chunk, filled = [], 0
    if chunk:
        yield chunk


@service
def generate(
    session: Session,
    count: int,
    *,
    seed: int = 1,
    progress: Progress | None = None,
    chunk_size: int = CHUNK,
) -> DemoStats:
    """Write ``count`` demo cases (with customers, progress entries, surveys, transfers and
    escalations). Administrators and the command line only. ``progress(done, total)`` is
    called after each chunk; returning False stops after that chunk (what was written
    stays, consistent)."""
    require_admin(session)
    if count < 0:
        raise ValidationError(msg("The number of cases must be 0 or more."), field="count")
    started = time.perf_counter()
    db = database_proxy.obj
    for model, columns in TABLE_COLUMNS:
        missing = (
            model_columns(model)
            - set(columns)
            - ({"id"} if model is not Complaint and model is not Customer else set())
        )
        assert not missing, f"demo rows of {model.__name__} lack {sorted(missing)}"
    rng = random.Random(seed)
    now = session.now().replace(microsecond=0)
    staff = _ensure_staff(session)
    if count == 0:
        return DemoStats(0, 0, 0, time.perf_counter() - started)
    departments = {d.code: d.id for d in Department.select()}
    subtypes = _load_subtypes(rng, departments)
    channels = {c.code: c.id for c in Channel.select().where(Channel.active)}
    policy = settings_service.load_all()
    calendar = _memoized(settings_service.load_calendar(policy))
    prefix = str(policy.get("numbering.prefix") or "TS")
    generator = _Generator(rng, now, subtypes, channels, staff, policy, calendar, prefix)
    writer = _Writer(db)
    day_counts = generator.day_counts(count)
    done = 0
    totals = dict.fromkeys(("progress", "surveys", "customers", "transfers", "escalations"), 0)
    with _bulk_pragmas(db):
        for plan in _chunks(day_counts, generator, chunk_size):
            n = sum(len(times) for _, times in plan)
            with write_lock(db):
                case_ids = writer.reserve_ids(Complaint, n)
                customer_ids = writer.reserve_ids(Customer, n)
                first_numbers = {}
                for day, times in plan:
                    key = day.strftime("%Y%m%d")
                    first_numbers[key] = writer.reserve_numbers(key, len(times))
                rows = generator.chunk(plan, case_ids, customer_ids, first_numbers)
                writer.insert(Customer, CUSTOMER_COLUMNS, rows["customers"])
                writer.insert(Complaint, COMPLAINT_COLUMNS, rows["complaints"])
                search.index_rows(
                    db,
                    cast(
                        Iterable[tuple[int, str]],
                        ((row[0], row[_DESCRIPTION]) for row in rows["complaints"]),
                    ),
                )
                writer.insert(ProgressEntry, PROGRESS_COLUMNS, rows["progress"])
                writer.insert(Survey, SURVEY_COLUMNS, rows["surveys"])
                writer.insert(Transfer, TRANSFER_COLUMNS, rows["transfers"])
                writer.insert(Escalation, ESCALATION_COLUMNS, rows["escalations"])
                writer.insert(Approval, bulk.APPROVAL_COLUMNS, rows["approvals"])
            done += n
            totals["progress"] += len(rows["progress"])
            totals["surveys"] += len(rows["surveys"])
            totals["customers"] += len(rows["customers"])
            totals["transfers"] += len(rows["transfers"])
            totals["escalations"] += len(rows["escalations"])
            if progress is not None and progress(done, count) is False:
                break
    with write_lock(db):
        audit.record(
            session,
            "demo_generate",
            "complaint",
            None,
            cases=done,
            seed=seed,
            progress_entries=totals["progress"],
            surveys=totals["surveys"],
        )
    seconds = time.perf_counter() - started
    log.info("demo: %d cases in %.1f s", done, seconds)
    return DemoStats(
        done,
        totals["progress"],
        totals["surveys"],
        seconds,
        totals["customers"],
        totals["transfers"],
        totals["escalations"],
    )


def _memoized(calendar: WorkCalendar) -> WorkCalendar:
    """The calendar with its day arithmetic memoized (pure for one calendar): the deadline
    rules then cost a dictionary look-up per case instead of a walk over the days."""
    # On this instance only; mypy does not allow replacing a method.
    calendar.add_working_days = functools.lru_cache(maxsize=None)(calendar.add_working_days)  # type: ignore[method-assign]
    calendar.next_working_day = functools.lru_cache(maxsize=None)(calendar.next_working_day)  # type: ignore[method-assign]
    return calendar


class _bulk_pragmas:
    """SQLite only, for the duration of the load: a bigger page cache and no fsync at
    checkpoints (``synchronous = OFF``). Demo data can be made again; the previous values
    come back when the load ends, and a checkpoint then writes everything out."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.saved: dict[str, int] = {}

    def __enter__(self) -> _bulk_pragmas:
        if is_sqlite(self.db):
            for name in ("cache_size", "synchronous"):
                self.saved[name] = int(self.db.execute_sql(f"PRAGMA {name}").fetchone()[0])
            self.db.execute_sql("PRAGMA cache_size = -262144")  # 256 MB
            self.db.execute_sql("PRAGMA synchronous = OFF")
        return self

    def __exit__(self, *exc: object) -> Literal[False]:
        for name, value in self.saved.items():
            self.db.execute_sql(f"PRAGMA {name} = {value}")
        if self.saved:
            self.db.execute_sql("PRAGMA wal_checkpoint(PASSIVE)")
        return False
