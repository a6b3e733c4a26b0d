"""Chinese words of the blank ledger template (空白台账模板, ``ledger.write_template``): the names of
its extra sheets, the headings of its 填表说明 sheet, and what each column holds.

What a column holds is said first by its field (``FIELD_HINTS``, by ``kind.field`` or by field),
then by how it is read (``TYPE_HINTS``, by ``ValueType`` code).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

INSTRUCTIONS_SHEET = "填表说明"
"""The sheet that explains every column."""

OPTIONS_SHEET = "可选值"
"""The hidden sheet the drop-down lists read their words from."""

INSTRUCTIONS_HEADINGS: tuple[str, ...] = (
    "工作表",
    "列名",
    "填写内容",
    "是否必填",
    "可填写的词",
    "也认得的列名",
)
"""The columns of the 填表说明 sheet."""

REQUIRED = "必填"
OPTIONAL = "选填"
REQUIRED_SHEET = "（必有）"
"""Added after a sheet's name in 填表说明 when the ledger cannot be read without it."""

OPTIONS_HEADER = "{sheet}·{header}"
"""The heading of a column of the 可选值 sheet: the sheet and column whose list it is."""

INTRODUCTION: tuple[str, ...] = (
    "本文件是空白台账模板：每个工作表对应台账的一部分，第一行是表头，请从第二行起逐行填写，不要改动表头。",
    "带下拉箭头的列请从列表中选择；可以填写多个词的列（见“填写内容”），多个词之间用“、”隔开。",
    "身份证号、电话号码和各种编号的列已设为“文本”格式，请直接输入，不要改成数字格式，否则身份证号的最后几位会丢失。",
    "不需要的工作表可以留空；“必填”的列在有数据的行中不能为空。",
)
"""The lines above the column table of 填表说明."""

TYPE_HINTS: Mapping[str, str] = MappingProxyType(
    {
        "text": "文字",
        "resident_id": "18位居民身份证号码（本列为文本格式）",
        "phones": "手机号或固定电话，可填多个，用“/”或“、”隔开（本列为文本格式）",
        "phone": "手机号或固定电话（本列为文本格式）",
        "date": "日期，如 2023-03-05 或 2023年3月5日",
        "time": "时间，如 09:30",
        "money": "金额（元），如 1200 或 1200.50；约数可写“1500余元”",
        "decimal": "数量（数字）",
        "integer": "整数",
        "yes_no": "是或否（下拉选择）",
        "label": "从下拉列表中选择",
        "disability": "残疾类别和等级，如“肢体二级”“精神三级”（下拉选择）",
    }
)
"""How each kind of column is filled in, by ``ValueType`` code."""

HINT_JOINER = "；"
"""Between the parts of a column's explanation."""

MULTI_HINT = "可填写多个，用“、”隔开（下拉列表一次只选一个，多个时请直接输入）"
"""Added for a column that takes several values in one cell."""

FIELD_HINTS: Mapping[str, str] = MappingProxyType(
    {
        "recipients.key": "服务对象的档案号，每人一个，不能重复",
        "recipients.name": "服务对象姓名",
        "recipients.resident_id": "服务对象的身份证号；性别和出生日期可由它推算",
        "recipients.sex": "性别",
        "recipients.birth_date": "出生日期（有身份证号时可不填）",
        "recipients.ethnicity": "民族",
        "recipients.household_address": "户籍地址",
        "recipients.residence_address": "现居住地址",
        "recipients.township": "所在镇（街道）",
        "recipients.village": "所在村（社区）",
        "recipients.household_head": "户主姓名，同一户的人填同一个户主",
        "recipients.guardian": "监护人或主要照顾者姓名",
        "recipients.guardian_phone": "监护人电话（本列为文本格式）",
        "recipients.categories": "对象类别，如低保、特困、残疾人",
        "recipients.disability": "残疾类别和等级",
        "recipients.disability_kind": "残疾类别",
        "recipients.disability_grade": "残疾等级",
        "recipients.disability_certificate": "20位残疾人证号（本列为文本格式）",
        "recipients.self_care": "生活自理能力",
        "recipients.declared_level": "社工评估后登记的服务等级",
        "recipients.worker_id": "负责社工的社工编号或姓名",
        "recipients.registered_on": "建档日期",
        "recipients.status": "是否在册",
        "recipients.status_since": "状态变更（退出、死亡、迁出）的日期",
        "recipients.needs": "服务需求",
        "stations.code": "站点编码，每个站点一个，不能重复",
        "stations.name": "站点名称",
        "stations.tier": "站点层级",
        "stations.parent_code": "上级站点的站点编码",
        "stations.division_code": "行政区划代码",
        "stations.township": "所在镇（街道）",
        "stations.village": "所在村（社区）",
        "stations.posts": "社工岗位数",
        "stations.established_on": "建站（成立、挂牌）日期",
        "workers.id": "社工编号，每人一个，不能重复",
        "workers.name": "社工姓名",
        "workers.station_code": "所在站点的站点编码",
        "workers.certificate": "社会工作者职业水平证书等级",
        "workers.certified_on": "取得所持职业水平证书的日期（未持证的不填）",
        "workers.phone": "社工的联系电话（本列为文本格式）",
        "workers.started_on": "入职日期",
        "workers.left_on": "离职日期（在岗的不填）",
        "contacts.id": "探访记录编号，每条一个，不能重复",
        "contacts.on": "探访日期",
        "contacts.at": "探访时间",
        "contacts.recipient_keys": "被探访服务对象的档案号（须已在服务对象台账中登记）",
        "contacts.recipient_resident_ids": "被探访服务对象的身份证号（没有档案号时填写）",
        "contacts.mode": "探访方式",
        "contacts.worker_ids": "探访社工的社工编号或姓名",
        "contacts.notes": "探访情况",
        "contacts.case_id": "相关个案的个案编号",
        "contacts.alert_id": "因预警或专项行动探访时，填预警编号",
        "contacts.relocated": "灾害预警中协助服务对象转移到安全地点的填“是”（未转移填“否”）",
        "resource_links.id": "资源链接编号，每条一个，不能重复",
        "resource_links.on": "链接日期",
        "resource_links.kind": "资源类型",
        "resource_links.description": "链接到的资源，如“冬季棉被”“协助申请临时救助”",
        "resource_links.provider": "资源提供方名称",
        "resource_links.provider_kind": "提供方类型",
        "resource_links.quantity": "数量",
        "resource_links.unit": "数量的单位，如“床”“份”",
        "resource_links.value_yuan": "折合金额（元）",
        "resource_links.status": "是否已落实",
        "resource_links.recipient_keys": "受益服务对象的档案号",
        "resource_links.recipient_resident_ids": "受益服务对象的身份证号（没有档案号时填写）",
        "resource_links.head_count": "受益人数（发放给不具名群众时填写）",
        "resource_links.case_id": "相关个案的个案编号",
        "resource_links.worker_ids": "经办社工的社工编号或姓名",
        "cases.id": "个案编号，每个个案一个，不能重复",
        "cases.recipient_keys": "个案服务对象的档案号",
        "cases.recipient_resident_ids": "个案服务对象的身份证号（没有档案号时填写）",
        "cases.opened_on": "接案日期",
        "cases.stage": "个案所处阶段",
        "cases.worker_id": "负责社工的社工编号或姓名",
        "cases.problems": "主要问题",
        "cases.goals": "服务目标",
        "cases.closed_on": "结案日期（未结案不填）",
        "cases.closing_reason": "结案原因",
        "activities.id": "活动编号，每次活动一个，不能重复",
        "activities.kind": "活动类型",
        "activities.title": "活动名称",
        "activities.on": "活动日期",
        "activities.place": "活动地点",
        "activities.group_name": "小组活动所属小组的名称",
        "activities.session_number": "小组活动是第几节",
        "activities.participants": "参与人次",
        "activities.special_group_participants": "其中特殊群体人次",
        "activities.volunteers": "志愿者人次",
        "activities.partners": "参与的五社联动力量",
        "activities.worker_ids": "参与社工的社工编号或姓名",
        "activities.participant_keys": "参加活动的服务对象的档案号",
        "activities.recipient_resident_ids": "参加活动的服务对象的身份证号",
        "activities.summary": "活动简介",
        "station_code": "记录所属站点的站点编码",
    }
)
"""What a column holds, by ``kind.field`` (then by ``field`` alone): the first half of the
填表说明 sentence; the second half comes from ``TYPE_HINTS``."""
