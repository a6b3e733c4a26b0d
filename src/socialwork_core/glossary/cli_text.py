"""Chinese words of the ``socialwork`` command that are not messages: column headings, sheet names,
the one-line summary of each command and the exit codes, and names of period kinds.

The English twins live beside the code in ``socialwork_core.cli``; the command shows both.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

PROGRAM_SUMMARY = "乡镇（街道）社工站台账工具：检查台账、评定服务等级、列出待探访名单、生成上报报表、转换台账格式。"

COMMAND_SUMMARIES: Mapping[str, str] = MappingProxyType(
    {
        "adapters": "列出已安装的适配器（各省台账格式和报表模板）及其版本和来源",
        "validate": "检查台账，按严重程度和问题代码汇总，并写出问题清单",
        "grade": "评定每位服务对象的服务等级，并列出评定理由",
        "due": "列出待探访清单（最紧急的在前）",
        "report": "按模板生成某一统计周期的上报报表",
        "convert": "把台账转换为 JSON 或另一种台账格式的 Excel",
        "template": "写出某种台账格式的空白台账模板（带下拉列表和填表说明）",
        "changes": "比较两期台账（动态监测）：新增、退出、类别等级村居监护人变动、逾期人数",
        "new-adapter": "为一个地区生成新的适配器软件包（可直接安装和测试）",
        "map": "显示台账每张工作表、每一列是怎样识别的，并可写出可修改的映射文件",
    }
)
"""One Chinese line per command, shown in ``--help``."""

EXIT_CODES: Mapping[int, str] = MappingProxyType(
    {
        0: "成功",
        1: "台账数据有错误（有行未读入；结果只包含已读入的行）",
        2: "命令用法有误，或文件无法读取、写入",
        3: "程序内部错误（软件或插件的缺陷）",
    }
)
"""The meaning of each exit status, in Chinese."""

HEADINGS: Mapping[str, str] = MappingProxyType(
    {
        "adapter": "适配器",
        "version": "版本",
        "region": "地区",
        "origin": "来源",
        "formats": "台账格式",
        "templates": "报表模板",
        "periods": "统计周期",
        "severity": "严重程度",
        "code": "问题代码",
        "count": "数量",
        "example": "示例",
        "place": "位置",
        "key": "档案号",
        "name": "姓名",
        "level": "服务等级",
        "computed_level": "评定等级",
        "declared_level": "台账等级",
        "override": "人工调整",
        "reasons": "评定理由",
        "requirement": "探访要求",
        "status": "状态",
        "due_on": "到期日",
        "days_overdue": "逾期天数",
        "last_contact_on": "上次探访",
        "village": "村居",
        "worker": "负责社工",
        "phone": "联系电话",
        "address": "住址",
        "total": "合计",
        "none": "无",
        "change": "变动类型",
        "station": "社工站",
        "item": "变动项目",
        "before": "原内容",
        "after": "现内容",
    }
)
"""Column headings of the command's tables and written workbooks."""

SHEET_TITLES: Mapping[str, str] = MappingProxyType(
    {
        "grades": "服务等级评定结果",
        "due": "待探访清单",
        "changes": "服务对象动态监测",
    }
)
"""Sheet names and titles of the workbooks ``grade -o`` and ``due -o`` write."""

PERIOD_KIND_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "week": "周",
        "month": "月",
        "quarter": "季度",
        "half_year": "半年",
        "year": "年",
        "range": "任意时段",
        "cumulative": "截至目前",
    }
)
"""``periods.PeriodKind`` codes → how a report's filing period is named."""

AS_OF_LABEL = "计算日期："
"""Above a due list or a list of grades: the date it was computed for (--as-of)."""

INTERNAL_TITLE = "{title}（内部使用）"
"""The title of a list with full personal data (``--internal``): for the station's own staff."""

PHONE_JOINER = "、"

DUE_OTHER_CONTACT = "{last}（另有{mode}{on}，不计入此项）"
"""The due list's last-contact cell when a later contact in a mode the requirement does not count
exists (a phone call under a home-visit requirement): ``{last}`` the last qualifying contact or
"-", so 从未探访 never reads as if nobody was ever reached."""
"""Joins a person's phone numbers in one cell."""

CHANGE_KINDS: Mapping[str, str] = MappingProxyType(
    {"entered": "新增", "left": "退出", "changed": "变动"}
)
"""The kinds of line of ``socialwork changes``."""

CHANGE_ITEMS: Mapping[str, str] = MappingProxyType(
    {
        "categories": "对象类别",
        "level": "服务等级",
        "village": "村居",
        "guardian": "监护人",
        "absent": "不在新台账中",
    }
)
"""What changed (``rollup.changes.CHANGED_FIELDS``), and the status of a person the new ledger no
longer holds."""

ARGUMENT_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "COMMAND": "命令",
        "LEDGER": "台账文件",
        "TEMPLATE": "报表模板",
        "--period": "统计周期",
        "-o/--output": "输出文件",
        "--output": "输出文件",
        "--to": "输出类型",
        "--format": "输出格式",
        "--as-of": "计算日期",
        "--alert": "预警文件",
        "--adapter": "适配器",
        "--layout": "台账格式",
        "--issues-out": "问题清单文件",
    }
)
"""What each argument of the command is, for usage errors: 缺少必需的参数：台账文件（LEDGER）."""

NAMED_ARGUMENT = "{meaning}（{name}）"

PLACE_ROW = "第{row}行"
PLACE_COLUMN = "{column}列"
PLACE_HEADER = "（{header}）"
PLACES_MORE = " 等，另有{count}处"
"""Where an issue is, in ``validate``'s summary: 服务对象 第5行 C列（身份证号）; 另有3处 more."""

LIST_JOINER = "、"
"""Joins names in a list inside a Chinese sentence."""

JOINER = "，"
"""Joins short items in a Chinese sentence."""

REASON_JOINER = "；"
"""Joins reasons in one table cell."""

OPTION_LABELS: Mapping[str, str] = MappingProxyType(
    {"unit": "填报单位", "preparer": "填表人", "reviewer": "审核人"}
)
"""The form fields the ``report`` command's options fill, as the form names them."""

EXIT_HEADING = "退出状态"
"""The heading of the exit-status list in ``--help``."""
