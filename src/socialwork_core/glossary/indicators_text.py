"""Chinese labels of the report figures (指标), their units, recipient groups and report furniture.

Used by :mod:`socialwork_core.indicators` and :mod:`socialwork_core.reports`. Adapters keep the
titles and row labels of their own forms in their ``reports.py``; what is here is the core's
default wording.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ._labelled import LabelledEnum


class FigureUnit(LabelledEnum):
    """The unit a figure is counted in."""

    COUNT = ("count", "个")
    PEOPLE = ("people", "人")
    PERSON_TIMES = ("person_times", "人次")
    HOUSEHOLDS = ("households", "户")
    EVENTS = ("events", "场次")
    SESSIONS = ("sessions", "节")
    YUAN = ("yuan", "元")
    PERCENT = ("percent", "%")
    POINTS = ("points", "分")
    QUANTITY = ("quantity", "数量")
    """Goods handed out, in the unit the ledger records (the row's label names it)."""


class EvaluationGrade(LabelledEnum):
    """等次 of a station evaluation. The score bands are a configurable convention (see
    :class:`socialwork_core.reports.evaluation.GradeBands`), not a provincial text."""

    EXCELLENT = ("excellent", "优秀")
    GOOD = ("good", "良好")
    PASS = ("pass", "合格")
    FAIL = ("fail", "不合格")


class FigureCode(LabelledEnum):
    """Every figure code of the core, declared once, with the label a report shows by default.

    A member equals its code (``FigureCode.VISITS_TOTAL == "visits.total"``). Adapters relabel
    rows by code (``figure_labels``); a label map keyed by a code that is not here fails when its
    module is imported, and a table showing a figure its labels miss fails when it is built.
    """

    STATIONS_COUNTY_CENTRES = ("stations.county_centres", "县级社工总站")
    STATIONS_TOWNSHIP_STATIONS = ("stations.township_stations", "乡镇(街道)社工站")
    STATIONS_VILLAGE_POINTS = ("stations.village_points", "村(社区)社工点")
    WORKERS_IN_POST = ("workers.in_post", "在岗社工")
    WORKERS_CERTIFIED = ("workers.certified", "持证社工")
    WORKERS_CERTIFIED_AT_START = ("workers.certified_at_start", "期初持证社工")
    WORKERS_NEWLY_CERTIFIED = ("workers.newly_certified", "新增持证社工")
    WORKERS_CERTIFIED_GROWTH = ("workers.certified_growth", "持证社工同比增长")
    WORKERS_CERTIFIED_YEAR_BEFORE = ("workers.certified_year_before", "上年同期持证社工")
    POSTS_TOTAL = ("posts.total", "岗位数")
    POSTS_VACANT = ("posts.vacant", "待招聘岗位")
    COVERAGE_TOWNSHIPS = ("coverage.townships", "乡镇(街道)社工站覆盖率")
    COVERAGE_VILLAGES = ("coverage.villages", "村(社区)社工点覆盖率")
    ACTIVITIES_WORKERS_DISPATCHED = ("activities.workers_dispatched", "出动社工")
    LINKS_VILLAGES = ("links.villages", "联动村居")
    LINKS_SOCIAL_ORGANISATIONS = ("links.social_organisations", "联动社会组织")
    LINKS_CHARITIES = ("links.charities", "联动慈善组织")
    ACTIVITIES_VOLUNTEERS = ("activities.volunteers", "联动志愿者")
    ACTIVITIES_TOTAL = ("activities.total", "开展活动")
    ACTIVITIES_PEOPLE_REACHED = ("activities.people_reached", "活动惠及群众")
    ACTIVITIES_SPECIAL_GROUP_REACHED = ("activities.special_group_reached", "其中特殊群众")
    ACTIVITIES_ORDINARY_REACHED = ("activities.ordinary_reached", "其中普通群众")
    ACTIVITIES_SPECIAL_GROUP_PEOPLE = ("activities.special_group_people", "活动惠及特殊群众(人)")
    LINKS_VOLUNTEER_TEAMS = ("links.volunteer_teams", "联动志愿服务队")
    VISITS_TOTAL = ("visits.total", "探访服务对象")
    VISITS_PEOPLE = ("visits.people", "探访服务对象(人)")
    VISITS_HOUSEHOLDS = ("visits.households", "入户探访")
    RECIPIENTS_ON_REGISTER = ("recipients.on_register", "建档")
    RECIPIENTS_HOUSEHOLDS_ON_REGISTER = ("recipients.households_on_register", "建档(户)")
    RECIPIENTS_FILES_OPENED = ("recipients.files_opened", "新增建档")
    RECIPIENTS_HOUSEHOLDS_FILED = ("recipients.households_filed", "新增建档(户)")
    CASES_NEW = ("cases.new", "新增个案")
    CASES_ONGOING = ("cases.ongoing", "正在跟进个案")
    CASES_CLOSED = ("cases.closed", "结案个案")
    GROUPS_SESSIONS = ("groups.sessions", "小组活动")
    GROUPS_GROUPS = ("groups.groups", "小组")
    RESOURCES_COUNT = ("resources.count", "链接资源")
    RESOURCES_VALUE_YUAN = ("resources.value_yuan", "链接资源折合金额")
    RESOURCES_PEOPLE_REACHED = ("resources.people_reached", "资源惠及")
    RESOURCES_FUNDS_YUAN = ("resources.funds_yuan", "整合资金")
    ALERTS_VISITS = ("alerts.visits", "预警探访")
    ALERTS_PEOPLE = ("alerts.people", "预警探访(人)")
    ALERTS_RELOCATED = ("alerts.relocated", "协助转移(人)")
    HANDOUTS_PEOPLE = ("handouts.people", "物资发放惠及")
    HANDOUTS_HOUSEHOLDS = ("handouts.households", "物资发放惠及户数")
    VISIT_RATE_OVERALL = ("visit_rate.overall", "探访率")
    SERVICE_PERSON_TIMES = ("service.person_times", "服务人次")
    CONSULTATIONS_STATION_VISITS = ("consultations.station_visits", "来访咨询")
    EVALUATION_SCORE = ("evaluation.score", "评估得分")


class FigureFamily(LabelledEnum):
    """Codes of figures that come one per group, kind or level: ``<family>.<member>``
    (``visits.group.subsistence``). The label is the family's, used when a figure gives none."""

    VISITS_GROUP = ("visits.group", "分组探访")
    ALERTS_VISITS_KIND = ("alerts.kind_visits", "分类预警探访")
    """One figure per kind of campaign (``alerts.kind_visits.cold_wave``)."""
    ALERTS_PEOPLE_KIND = ("alerts.kind_people", "分类预警探访(人)")
    ALERTS_VILLAGES_KIND = ("alerts.kind_villages", "分类预警探访村居")
    ALERTS_RELOCATED_KIND = ("alerts.kind_relocated", "分类协助转移(人)")
    HANDOUTS_ITEM = ("handouts.item", "物资发放")
    SERVICE_GROUP = ("service.group", "分组服务人次")
    VISITS_TABLE = ("visits.table", "分类探访(人次)")
    VISITS_TABLE_PEOPLE = ("visits.table_people", "分类探访(人)")
    VISITS_TABLE_HOUSEHOLDS = ("visits.table_households", "分类探访(户)")
    ACTIVITIES_KIND = ("activities.kind", "分类活动")
    EVALUATION_GROUP = ("evaluation.group", "评估项得分")
    STATIONS_NEW = ("stations.new", "新增社工站(点)")
    VISIT_RATE_LEVEL = ("visit_rate.level", "探访率")
    VISIT_RATE_DUE = ("visit_rate.due", "应探访")
    VISIT_RATE_MET = ("visit_rate.met", "已探访")


INDICATOR_LABELS: Mapping[str, str] = MappingProxyType(
    {code.value: code.label for code in (*FigureCode, *FigureFamily)}
)
"""Figure code (or family) → the label shown in a report (adapters may relabel rows)."""


VISIT_GROUP_LABELS: dict[str, str] = {
    "subsistence": "低保",
    "extreme_poverty": "特困",
    "orphans_and_unsupported": "事实无人抚养儿童及孤儿",
    "other_in_difficulty": "其他困难群众",
    "subsistence_or_extreme_poverty": "低保特困",
    "disabled": "残疾人",
    "children_in_difficulty": "困境儿童",
    "elderly": "老年人",
}
"""Labels of the core's default recipient groups (see ``socialwork_core.indicators.groups``)."""


EVALUATION_GROUP_LABELS: dict[str, str] = {
    "staffing": "人员配备与持证",
    "visit_rate": "探访率",
    "casework": "个案、小组与活动",
    "resources": "资源链接",
    "distinctive_project": "特色项目(一站一品)",
}
"""Labels of the default weighted groups of a station evaluation."""


NOT_COMPUTABLE_MARK = "无法计算"
"""What a figure cell shows when the ledger cannot support the figure (never a zero)."""
APPROXIMATE_PREFIX = "约"
"""Put before an approximate amount (a ledger's “2万余元”)."""

NOTES_LABEL = "说明"
NOT_COMPUTABLE_LABEL = "无法计算的指标"
REASON_LABEL = "原因"
ITEM_LABEL = "项目"
VALUE_LABEL = "数量"
UNIT_COLUMN_LABEL = "单位"
STATION_LABEL = "社工站"
DATE_LABEL = "日期"
CONTENT_LABEL = "工作内容"
PERIOD_SEPARATOR = "至"
UNIT_IN_LABEL = ("（{unit}）", "({unit})")
"""How a row label may carry its unit (入户探访（人次）): left out where a unit column shows it."""
CHART_TITLE = "{title}（{unit}）"
"""A chart's title: what it compares and the unit of its bars."""
SECTION_NUMBERING = r"^[一二三四五六七八九十]+、|^\d+[.、．]\s*"
"""A section heading's number (三、 or 3.), left out of a chart's title."""
VISIT_RATE_LEVEL_LABEL = "{level}探访率"
VISIT_RATE_DUE_LABEL = "{level}应探访"
VISIT_RATE_MET_LABEL = "{level}已探访"
VISIT_RATE_DUE_HEADER = "应探访（人）"
VISIT_RATE_MET_HEADER = "已探访（人）"
VISIT_RATE_HEADER = "探访率（%）"
LEVEL_HEADER = "服务等级"
ROW_ORDER_JOINER = "、"
"""Joins a group table's rows in a note (低保、特困、…) and the contact modes it counts."""
ALERT_KIND_VISITS_LABEL = "{kind}探访"
ALERT_KIND_PEOPLE_LABEL = "{kind}探访服务对象"
ALERT_KIND_VILLAGES_LABEL = "{kind}走访村居"
ALERT_KIND_RELOCATED_LABEL = "{kind}协助转移"
HANDOUT_ITEM_LABEL = "{item}（{unit}）"
"""A handout row: the item and its unit (暖心卡（张）)."""
OF_WHICH_ROW = "其中：{label}"
"""A row that breaks down the row above it."""
ENTRY_NOTES_JOINER = "："
"""Joins an entry's wording and the worker's notes."""
UNKNOWN_STATION_LABEL = "未注明社工站"
TOTAL_ROW_LABEL = "合计"

SETTINGS_EXPECTED: Mapping[str, str] = MappingProxyType(
    {
        "count": "1或以上的整数",
        "points": "0到100之间的分数（数字）",
        "date": "日期，如 2024-01-05",
        "text": "不为空的文字（用引号括起）",
        "table": "一个设置表（如 [area]）",
    }
)
"""What a key of a report settings file (``--settings``) takes, by kind, as the error says it."""
