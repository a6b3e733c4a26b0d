"""The Chinese words of grading and scheduling: risk flags, alert kinds, absence kinds, due statuses,
and the descriptions of the default rules and requirements, keyed by their stable ids.

The rules themselves live in :mod:`socialwork_core.grading` and :mod:`socialwork_core.schedule`;
this module only holds what a station worker reads.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ._labelled import LabelledEnum
from .terms import Category

__all__ = [
    "INPUT_NAMES",
    "REQUIREMENT_TEXT",
    "RULE_TEXT",
    "AbsenceKind",
    "AlertKind",
    "DueStatus",
    "RiskFlag",
    "category_label",
    "describe_inputs",
    "join_labels",
    "requirement_text",
    "rule_text",
]


class RiskFlag(LabelledEnum):
    """风险标记: what an assessment (评估) may record; any one grades a person 一级 under the default
    rule set (docs/domain.md section 3)."""

    SELF_HARM = ("self_harm", "自伤自杀风险")
    VIOLENCE_OR_ABUSE = ("violence_or_abuse", "遭受暴力或虐待")
    LIFE_THREATENING_ILLNESS = ("life_threatening_illness", "危及生命的疾病")
    NO_CARER = ("no_carer", "无人照料")
    """Counts for 一级 only together with self-care fully lost (完全失能且无人照料)."""
    DANGEROUS_HOUSING = ("dangerous_housing", "住房安全隐患")


class AlertKind(LabelledEnum):
    """预警/专项行动的类型 (docs/domain.md section 3). All but 专项行动 are disasters (灾害预警)."""

    COLD_WAVE = ("cold_wave", "寒潮")
    RAINSTORM_FLOOD = ("rainstorm_flood", "暴雨洪涝")
    TYPHOON = ("typhoon", "台风")
    HEAT = ("heat", "高温")
    EPIDEMIC = ("epidemic", "疫情")
    OTHER_DISASTER = ("other_disaster", "其他灾害")
    CAMPAIGN = ("campaign", "专项行动")
    """A campaign such as 孤儿和事实无人抚养儿童入户核查: not a disaster."""

    @property
    def is_disaster(self) -> bool:
        """True for every kind but a campaign."""
        return self is not AlertKind.CAMPAIGN


class AbsenceKind(LabelledEnum):
    """暂时离开: why a person cannot be visited for a while (requirements are suspended)."""

    HOSPITAL = ("hospital", "住院")
    AWAY = ("away", "外出")
    OTHER = ("other", "其他")


class DueStatus(LabelledEnum):
    """探访状态 of one requirement on the due list."""

    NEVER_CONTACTED = ("never_contacted", "从未探访")
    OVERDUE = ("overdue", "已逾期")
    DUE_SOON = ("due_soon", "即将到期")
    OK = ("ok", "正常")
    SUSPENDED = ("suspended", "暂停(住院或外出)")

    @property
    def urgency(self) -> int:
        """0 (never contacted, most urgent) … 4 (suspended): the due list sorts by it."""
        return _URGENCY[self]

    @property
    def needs_action(self) -> bool:
        """True for never contacted, overdue and due soon."""
        return self in (DueStatus.NEVER_CONTACTED, DueStatus.OVERDUE, DueStatus.DUE_SOON)


_URGENCY: dict[str, int] = {status.value: i for i, status in enumerate(DueStatus)}

RULE_TEXT: Mapping[str, str] = {
    "l1_aged_80_living_alone": "80周岁及以上，且为独居、空巢或留守老人",
    "l1_risk_self_harm": "最近一次评估发现自伤自杀风险",
    "l1_risk_violence_or_abuse": "最近一次评估发现遭受暴力或虐待",
    "l1_risk_life_threatening_illness": "最近一次评估发现患有危及生命的疾病",
    "l1_risk_no_carer_fully_dependent": "最近一次评估发现完全失能且无人照料",
    "l1_risk_dangerous_housing": "最近一次评估发现住房安全隐患",
    "l1_affected_by_disaster_alert": "受正在生效的灾害预警影响",
    "l2_aged_60_self_care_lost": "60周岁及以上，生活自理能力部分或完全丧失",
    "l2_extreme_poverty_dispersed": "特困人员(分散供养)",
    "l2_family_planning_special_elderly": "计划生育特殊家庭老年人",
    "l2_orphan_or_unsupported_child": "社会散居孤儿或事实无人抚养儿童",
    "l2_child_in_difficulty": "困境儿童",
    "l2_severe_disability": "一级或二级残疾",
    "default_level": "未触发任何规则，按最低等级",
}
"""The Chinese description of each rule of the national default rule set, by rule id."""

REQUIREMENT_TEXT: Mapping[str, str] = {
    "contact_every_7_days": "每7天至少联系一次(入户、电话、视频等均可)",
    "home_visit_every_month": "每个自然月至少入户一次",
    "contact_every_month": "每个自然月至少联系一次(入户、电话、视频等均可)",
    "home_visit_every_quarter": "每个自然季度至少入户一次",
    "alert": "预警发布后在时限内联系",
}
"""The Chinese description of each requirement of the national default policy, by id."""

INPUT_NAMES: Mapping[str, str] = {
    "age": "年龄",
    "as_of": "截至日期",
    "category": "对象类别",
    "self_care": "生活自理能力",
    "failed_tasks": "不能独立完成的日常活动数",
    "assessed_on": "评估日期",
    "risk_flag": "风险标记",
    "disability": "残疾",
    "alert": "预警",
    "alert_kind": "预警类型",
    "alert_end": "预警结束日期",
    "level": "等级",
    "declared_level": "台账登记的服务等级",
}
"""Chinese names of the inputs a rule reads, for :func:`describe_inputs`."""


DECLARED_LEVEL_TEXT = "台账登记的服务等级为{level}"
"""The rule that honours the ledger's own level (``grading.declared``)."""
ASSESSED_DECLARED_LEVEL_TEXT = "社工评估后，台账登记的服务等级为{level}"
"""The same, honoured only once the worker has assessed the person (the national default)."""


def rule_text(rule_id: str, default: str = "") -> str:
    """The Chinese description of a default rule (``default`` for a rule not in the table)."""
    return RULE_TEXT.get(rule_id, default)


def requirement_text(requirement_id: str, default: str = "") -> str:
    """The Chinese description of a default requirement (``default`` if not in the table)."""
    return REQUIREMENT_TEXT.get(requirement_id, default)


def describe_inputs(inputs: Mapping[str, str]) -> str:
    """The inputs a rule read as one Chinese phrase: ``年龄：83；截至日期：2022-03-31``."""
    return "；".join(f"{INPUT_NAMES.get(name, name)}：{value}" for name, value in inputs.items())


def join_labels(labels: Iterable[str]) -> str:
    """Labels joined the Chinese way: ``独居老人、空巢老人``."""
    return "、".join(labels)


def category_label(code: str) -> str:
    """The Chinese label of a national category code; a local code is returned as it is."""
    return _CATEGORY_LABELS.get(code, code)


_CATEGORY_LABELS: dict[str, str] = {c.value: c.label for c in Category}
