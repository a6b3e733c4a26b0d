"""Every enumeration of the domain, each member a stable English code with its Chinese label.

This module is the one place where the domain's Chinese terms live (with ``messages`` for the
sentences shown to users and ``vocabulary`` for words recognised when reading ledgers).
Sources are cited per enumeration; see ``docs/glossary.md`` for the generated table.
"""

from __future__ import annotations

from ._labelled import LabelledEnum


class Sex(LabelledEnum):
    """性别. Derived from the resident ID's sequence digit (odd = male)."""

    MALE = ("male", "男")
    FEMALE = ("female", "女")


class RegisterStatus(LabelledEnum):
    """状态: whether a person is on the station's register (docs/domain.md section 2)."""

    ACTIVE = ("active", "在册")
    EXITED = ("exited", "退出")
    DECEASED = ("deceased", "死亡")
    MOVED_OUT = ("moved_out", "迁出")

    @property
    def is_on_register(self) -> bool:
        """True only for 在册; people who left are never due a visit."""
        return self is RegisterStatus.ACTIVE


class Category(LabelledEnum):
    """对象类别: the national recipient categories (docs/domain.md section 2). A person may hold several.

    Adapters add local categories through the ``socialwork_extra_categories`` hook; those are plain
    string codes, so a recipient's categories are strings of which these are the national ones.
    """

    SUBSISTENCE_ALLOWANCE = ("subsistence_allowance", "低保对象")
    NEAR_SUBSISTENCE = ("near_subsistence", "低保边缘")
    EXTREME_POVERTY = ("extreme_poverty", "特困人员")
    EXTREME_POVERTY_DISPERSED = ("extreme_poverty_dispersed", "特困人员(分散供养)")
    EXTREME_POVERTY_CENTRALISED = ("extreme_poverty_centralised", "特困人员(集中供养)")
    ORPHAN = ("orphan", "孤儿")
    DE_FACTO_UNSUPPORTED_CHILD = ("de_facto_unsupported_child", "事实无人抚养儿童")
    CHILD_IN_DIFFICULTY = ("child_in_difficulty", "困境儿童")
    LEFT_BEHIND_CHILD = ("left_behind_child", "农村留守儿童")
    LEFT_BEHIND_ELDERLY = ("left_behind_elderly", "农村留守老人")
    ELDERLY_LIVING_ALONE = ("elderly_living_alone", "独居老人")
    EMPTY_NEST_ELDERLY = ("empty_nest_elderly", "空巢老人")
    DEPENDENT_ELDERLY = ("dependent_elderly", "失能老人")
    SEVERELY_DISABLED_ELDERLY = ("severely_disabled_elderly", "重残老人")
    FAMILY_PLANNING_SPECIAL_ELDERLY = ("family_planning_special_elderly", "计划生育特殊家庭老年人")
    ADVANCED_AGE_ELDERLY = ("advanced_age_elderly", "高龄老人")
    DISABLED_PERSON = ("disabled_person", "残疾人")
    TEMPORARY_ASSISTANCE = ("temporary_assistance", "临时救助对象")
    EXPENDITURE_HARDSHIP_FAMILY = ("expenditure_hardship_family", "支出型困难家庭")
    VAGRANT_OR_BEGGAR = ("vagrant_or_beggar", "流浪乞讨人员")
    ENTITLED_GROUP = ("entitled_group", "优抚对象")
    OTHER_IN_DIFFICULTY = ("other_in_difficulty", "其他困难群众")


EXTREME_POVERTY_CATEGORIES = frozenset(
    {
        Category.EXTREME_POVERTY,
        Category.EXTREME_POVERTY_DISPERSED,
        Category.EXTREME_POVERTY_CENTRALISED,
    }
)
"""The three ways a ledger records 特困 (with or without the form of support)."""


class DisabilityKind(LabelledEnum):
    """残疾类别 (GB/T 26341-2010). ``digit`` is the kind digit in a 20-digit 残疾人证 number."""

    VISUAL = ("visual", "视力")
    HEARING = ("hearing", "听力")
    SPEECH = ("speech", "言语")
    PHYSICAL = ("physical", "肢体")
    INTELLECTUAL = ("intellectual", "智力")
    MENTAL = ("mental", "精神")
    MULTIPLE = ("multiple", "多重")

    @property
    def digit(self) -> int:
        """The kind digit of the 残疾人证 number: 1 视力 … 7 多重."""
        return list(DisabilityKind).index(self) + 1

    @classmethod
    def from_digit(cls, digit: int) -> DisabilityKind:
        """The kind for a certificate digit 1–7; ``ValueError`` otherwise."""
        if not 1 <= digit <= 7:
            raise ValueError(f"disability kind digit must be 1-7, got {digit}")
        return list(cls)[digit - 1]


class DisabilityGrade(LabelledEnum):
    """残疾等级 (GB/T 26341-2010): 一级 is the most severe (极重度), 四级 the mildest (轻度)."""

    GRADE_1 = ("grade_1", "一级")
    GRADE_2 = ("grade_2", "二级")
    GRADE_3 = ("grade_3", "三级")
    GRADE_4 = ("grade_4", "四级")

    @property
    def number(self) -> int:
        """1 (most severe) … 4 (mildest); also the grade digit of the 残疾人证 number."""
        return list(DisabilityGrade).index(self) + 1

    @classmethod
    def from_number(cls, number: int) -> DisabilityGrade:
        """The grade for 1–4; ``ValueError`` otherwise."""
        if not 1 <= number <= 4:
            raise ValueError(f"disability grade must be 1-4, got {number}")
        return list(cls)[number - 1]


DISABILITY_SEVERITY_LABELS: dict[DisabilityGrade, str] = {
    DisabilityGrade.GRADE_1: "极重度",
    DisabilityGrade.GRADE_2: "重度",
    DisabilityGrade.GRADE_3: "中度",
    DisabilityGrade.GRADE_4: "轻度",
}
"""The severity words GB/T 26341-2010 gives each grade; ledgers sometimes write these instead."""


class SelfCareTask(LabelledEnum):
    """The six daily tasks of 生活自理能力 (docs/domain.md section 2)."""

    EATING = ("eating", "进食")
    DRESSING = ("dressing", "穿衣")
    TRANSFERRING = ("transferring", "上下床")
    TOILETING = ("toileting", "如厕")
    WALKING_INDOORS = ("walking_indoors", "室内行走")
    BATHING = ("bathing", "洗澡")


class SelfCareLevel(LabelledEnum):
    """生活自理能力: all six tasks → 具备; 1–3 failed → 部分丧失; 4 or more → 完全丧失."""

    FULL = ("full", "具备")
    PARTLY_LOST = ("partly_lost", "部分丧失")
    FULLY_LOST = ("fully_lost", "完全丧失")


class ServiceLevel(LabelledEnum):
    """服务等级 / 跟进级别. 一级 is the most urgent.

    The national default rule set uses the first three; Guangzhou's platform uses 一级–六级, so the
    enumeration goes to six and a region's rule set uses what it needs.
    """

    LEVEL_1 = ("level_1", "一级")
    LEVEL_2 = ("level_2", "二级")
    LEVEL_3 = ("level_3", "三级")
    LEVEL_4 = ("level_4", "四级")
    LEVEL_5 = ("level_5", "五级")
    LEVEL_6 = ("level_6", "六级")

    @property
    def rank(self) -> int:
        """1 for 一级 (most urgent) … 6; lower rank means more urgent."""
        return list(ServiceLevel).index(self) + 1


class StationTier(LabelledEnum):
    """The three tiers of the station network (docs/domain.md section 1)."""

    COUNTY_CENTRE = ("county_centre", "县级社工总站")
    TOWNSHIP_STATION = ("township_station", "乡镇(街道)社工站")
    VILLAGE_POINT = ("village_point", "村(社区)社工点")

    @property
    def depth(self) -> int:
        """0 for the county centre, 1 for a township station, 2 for a village point."""
        return list(StationTier).index(self)


class CertificateLevel(LabelledEnum):
    """社会工作者职业水平: a social worker's certificate level."""

    NONE = ("none", "无")
    ASSISTANT = ("assistant", "助理社会工作师")
    INTERMEDIATE = ("intermediate", "社会工作师")
    SENIOR = ("senior", "高级社会工作师")

    @property
    def is_certified(self) -> bool:
        """Reports count any certificate (助理 or above) as certified."""
        return self is not CertificateLevel.NONE


class ContactMode(LabelledEnum):
    """探访方式: how a worker reached a person (docs/domain.md section 3)."""

    HOME_VISIT = ("home_visit", "入户")
    PHONE = ("phone", "电话")
    VIDEO = ("video", "视频")
    INSTANT_MESSAGE = ("instant_message", "即时通讯")
    STATION_VISIT = ("station_visit", "来访")
    MET_AT_ACTIVITY = ("met_at_activity", "活动中见面")


class ResourceKind(LabelledEnum):
    """资源类型 of a resource link (docs/domain.md section 4)."""

    FUNDS = ("funds", "资金")
    GOODS = ("goods", "物资")
    SERVICE = ("service", "服务")
    POLICY = ("policy", "政策")
    VOLUNTEER_TIME = ("volunteer_time", "志愿")


class ProviderKind(LabelledEnum):
    """资源提供方类型."""

    GOVERNMENT_DEPARTMENT = ("government_department", "政府部门")
    VILLAGE_COMMITTEE = ("village_committee", "村(居)委")
    SOCIAL_ORGANISATION = ("social_organisation", "社会组织")
    CHARITY = ("charity", "慈善组织")
    ENTERPRISE = ("enterprise", "企业")
    INDIVIDUAL_DONOR = ("individual_donor", "爱心人士")
    VOLUNTEER = ("volunteer", "志愿者")


class LinkStatus(LabelledEnum):
    """落实情况 of a resource link."""

    APPLYING = ("applying", "申请中")
    FULFILLED = ("fulfilled", "已落实")
    UNFULFILLED = ("unfulfilled", "未落实")


class CaseStage(LabelledEnum):
    """个案阶段, in order: 接案 → 预估 → 计划 → 介入 → 评估 → 结案."""

    INTAKE = ("intake", "接案")
    ASSESSMENT = ("assessment", "预估")
    PLANNING = ("planning", "计划")
    INTERVENTION = ("intervention", "介入")
    EVALUATION = ("evaluation", "评估")
    CLOSED = ("closed", "结案")

    @property
    def order(self) -> int:
        """0 for 接案 … 5 for 结案."""
        return list(CaseStage).index(self)


class ActivityKind(LabelledEnum):
    """活动类型 (docs/domain.md section 5)."""

    GROUP_SESSION = ("group_session", "小组")
    COMMUNITY_ACTIVITY = ("community_activity", "社区活动")
    PUBLICITY = ("publicity", "宣传")
    TRAINING = ("training", "培训/督导")
    CONVENIENCE_SERVICE = ("convenience_service", "便民服务")
    VOLUNTEER_SERVICE = ("volunteer_service", "志愿服务")


class PartnerKind(LabelledEnum):
    """五社联动: the five partners an activity may link."""

    COMMUNITY = ("community", "社区")
    SOCIAL_ORGANISATION = ("social_organisation", "社会组织")
    SOCIAL_WORKER = ("social_worker", "社会工作者")
    COMMUNITY_VOLUNTEER = ("community_volunteer", "社区志愿者")
    CHARITABLE_RESOURCE = ("charitable_resource", "社会慈善资源")


class Severity(LabelledEnum):
    """How serious a finding is. Errors reject a row; warnings and infos keep it."""

    ERROR = ("error", "错误")
    WARNING = ("warning", "警告")
    INFO = ("info", "提示")

    @property
    def weight(self) -> int:
        """2 for error, 1 for warning, 0 for info: sort by it, most serious first."""
        return {"error": 2, "warning": 1, "info": 0}[self.value]
