"""The national default ledger layout (台账格式): plain sheets, one per record kind, with the
headers docs/domain.md lists and the synonyms most ledgers use. Pure data.

The first header of each column is the one ``write_ledger`` writes; the others are accepted when
reading. ``FORMAT.name`` is ``national``.

The sheets are public: a regional adapter (built-in or outside) builds its layout from them with
:func:`regional_sheet`, naming only the headers, sheet names and value labels its ledgers add.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from socialwork_core.glossary import (
    ActivityKind,
    AlertKind,
    CaseStage,
    Category,
    CertificateLevel,
    ContactMode,
    DisabilityGrade,
    DisabilityKind,
    LinkStatus,
    PartnerKind,
    ProviderKind,
    RegisterStatus,
    ResourceKind,
    SelfCareLevel,
    ServiceLevel,
    Sex,
    StationTier,
)
from socialwork_core.glossary.meaning import WordMeaning
from socialwork_core.ledger import FieldColumn, LedgerFormat, RecordKind, SheetFormat, ValueType

CATEGORY_SYNONYMS: dict[str, str] = {
    "低保": Category.SUBSISTENCE_ALLOWANCE,
    "低保户": Category.SUBSISTENCE_ALLOWANCE,
    "低保边缘户": Category.NEAR_SUBSISTENCE,
    "低边": Category.NEAR_SUBSISTENCE,
    "特困": Category.EXTREME_POVERTY,
    "特困供养人员": Category.EXTREME_POVERTY,
    "分散供养特困人员": Category.EXTREME_POVERTY_DISPERSED,
    "集中供养特困人员": Category.EXTREME_POVERTY_CENTRALISED,
    "事实无人扶养儿童": Category.DE_FACTO_UNSUPPORTED_CHILD,
    "留守儿童": Category.LEFT_BEHIND_CHILD,
    "留守老人": Category.LEFT_BEHIND_ELDERLY,
    "残疾": Category.DISABLED_PERSON,
    "临时救助": Category.TEMPORARY_ASSISTANCE,
    "计生特殊家庭老人": Category.FAMILY_PLANNING_SPECIAL_ELDERLY,
}
"""Other ways ledgers write the national categories."""

CONTACT_MODE_SYNONYMS: dict[str, str] = {
    "入户探访": ContactMode.HOME_VISIT,
    "上门": ContactMode.HOME_VISIT,
    "电话探访": ContactMode.PHONE,
    "电访": ContactMode.PHONE,
    "视频通话": ContactMode.VIDEO,
    "微信": ContactMode.INSTANT_MESSAGE,
    "来站": ContactMode.STATION_VISIT,
}

STATION_HEADERS: tuple[str, ...] = (
    "站点编码",
    "所属社工站",
    "所属站点",
    "所属站点编码",
    "社工站",
    "服务站点",
    "站点",
)
"""How ledgers name the station a record belongs to, on every record kind's sheet: a code or a
name (a name is resolved to its code through the stations sheet or a station list, see
``socialwork_core.rollup.attribution``)."""


CAMPAIGN_HEADERS: tuple[str, ...] = ("所属专项", "专项编号", "专项活动", "专项行动", "活动专项")
"""How ledgers name the campaign or alert (宣传周, 寒潮 …) a visit, activity or handout was for:
its ID (docs/domain.md section 3)."""


RELOCATION_HEADERS: tuple[str, ...] = (
    "协助转移",
    "是否转移",
    "是否协助转移",
    "转移安置",
    "是否转移安置",
    "协助转移安置",
    "已转移",
)
"""How visit logs head the column saying the people reached were helped to move to safety during
an alert (协助转移, docs/domain.md section 3), its cells 是/否 or a tick."""


def _station_column(first: str = "站点编码") -> FieldColumn:
    return FieldColumn("station_code", (first, *(h for h in STATION_HEADERS if h != first)))


RECIPIENTS = SheetFormat(
    kind=RecordKind.RECIPIENTS,
    sheet_names=("服务对象", "服务对象台账", "花名册"),
    required=True,
    columns=(
        FieldColumn("key", ("档案号", "档案编号", "编号", "对象编号", "服务对象编号")),
        FieldColumn(
            "name", ("姓名", "服务对象姓名", "对象姓名", "服务对象", "儿童姓名"), required=True
        ),
        FieldColumn(
            "resident_id",
            ("身份证号", "身份证号码", "公民身份号码", "证件号码", "身份证"),
            ValueType.RESIDENT_ID,
        ),
        FieldColumn("sex", ("性别",), ValueType.LABEL, enum=Sex),
        FieldColumn("birth_date", ("出生日期", "出生年月"), ValueType.DATE),
        FieldColumn("ethnicity", ("民族",)),
        FieldColumn(
            "phones",
            ("联系电话", "电话", "联系方式", "手机", "手机号", "手机号码", "本人电话"),
            ValueType.PHONES,
        ),
        FieldColumn("household_address", ("户籍地址", "户籍地")),
        FieldColumn(
            "residence_address",
            ("居住地址", "现居住地址", "居住地", "家庭住址", "现住址", "家庭地址"),
        ),
        FieldColumn("township", ("镇街", "乡镇（街道）", "乡镇")),
        FieldColumn(
            "village",
            (
                "村居",
                "村（社区）",
                "所在村居",
                "社区（村）",
                "所属村",
                "所在村",
                "村别",
                "村名",
                "村组",
                "村屯",
                "嘎查村",
            ),
        ),
        # a list of households (低保户花名册) names each by its head: the head is the person
        FieldColumn("household_head", ("户主",), stands_in_for="name"),
        FieldColumn("guardian", ("监护人", "主要照顾者", "监护人姓名", "紧急联系人")),
        FieldColumn(
            "guardian_phone", ("监护人电话", "监护人联系电话", "紧急联系人电话"), ValueType.PHONE
        ),
        FieldColumn(
            "categories",
            (
                "对象类别",
                "对象类型",
                "服务对象类别",
                "类别",
                "分类",
                "人员类别",
                "救助类别",
                "保障类型",
                "保障类别",
                "困难类型",
                "困难类别",
            ),
            ValueType.LABEL,
            multi=True,
            enum=Category,
            labels=CATEGORY_SYNONYMS,
        ),
        FieldColumn(
            "disability", ("残疾类别等级", "残疾类别及等级", "残疾情况"), ValueType.DISABILITY
        ),
        # a disability in two columns (残疾情况 over 类别 | 等级, or 残疾类别 beside 残疾等级): the
        # builder makes one ``Disability`` of them
        FieldColumn(
            "disability_kind",
            ("残疾类别", "残疾类型", "残疾情况/类别"),
            ValueType.LABEL,
            enum=DisabilityKind,
        ),
        FieldColumn(
            "disability_grade",
            ("残疾等级", "残疾级别", "残疾情况/等级"),
            ValueType.LABEL,
            enum=DisabilityGrade,
        ),
        FieldColumn("self_care", ("自理能力", "生活自理能力"), ValueType.LABEL, enum=SelfCareLevel),
        FieldColumn(
            "declared_level",
            ("服务等级", "探访等级", "关爱等级", "分级", "等级", "风险等级"),
            ValueType.LABEL,
            enum=ServiceLevel,
        ),
        FieldColumn("worker_id", ("负责社工", "责任社工")),
        FieldColumn("registered_on", ("建档日期", "登记日期"), ValueType.DATE),
        FieldColumn(
            "status",
            ("状态", "在册状态", "人员状态", "对象状态", "在册情况"),
            ValueType.LABEL,
            enum=RegisterStatus,
        ),
        FieldColumn("status_since", ("状态变更日期", "退出日期"), ValueType.DATE),
        FieldColumn("needs", ("服务需求", "主要需求")),
        _station_column(),
    ),
)

STATIONS = SheetFormat(
    kind=RecordKind.STATIONS,
    sheet_names=("社工站点", "站点"),
    columns=(
        FieldColumn("code", ("站点编码", "编码"), required=True),
        FieldColumn("name", ("站点名称", "名称"), required=True),
        FieldColumn("tier", ("层级", "站点层级"), ValueType.LABEL, required=True, enum=StationTier),
        FieldColumn("parent_code", ("上级站点编码", "上级编码")),
        FieldColumn("division_code", ("区划代码",)),
        FieldColumn("township", ("镇街", "乡镇（街道）")),
        FieldColumn("village", ("村居", "村（社区）")),
        FieldColumn("posts", ("岗位数",), ValueType.INTEGER),
        FieldColumn(
            "established_on",
            ("成立日期", "建站日期", "成立时间", "建站时间", "挂牌日期", "挂牌时间"),
            ValueType.DATE,
        ),
    ),
)

WORKERS = SheetFormat(
    kind=RecordKind.WORKERS,
    sheet_names=("社工人员", "社工"),
    columns=(
        FieldColumn("id", ("社工编号", "工号"), required=True),
        FieldColumn("name", ("姓名",), required=True),
        _station_column("所属站点编码"),
        FieldColumn(
            "certificate",
            ("职业水平", "持证情况"),
            ValueType.LABEL,
            enum=CertificateLevel,
            labels={"未持证": CertificateLevel.NONE, "助理社工师": CertificateLevel.ASSISTANT},
        ),
        FieldColumn(
            "certified_on",
            ("取证日期", "取证时间", "发证日期", "持证日期", "证书取得日期", "取得证书日期"),
            ValueType.DATE,
        ),
        FieldColumn("phone", ("联系电话",)),
        FieldColumn("started_on", ("入职日期", "到岗日期"), ValueType.DATE),
        FieldColumn("left_on", ("离职日期",), ValueType.DATE),
    ),
)

CONTACTS = SheetFormat(
    kind=RecordKind.CONTACTS,
    sheet_names=("探访记录", "走访记录"),
    columns=(
        FieldColumn("id", ("记录编号", "编号")),
        FieldColumn(
            "on",
            ("探访日期", "日期", "走访日期", "探访时间", "走访时间", "服务日期", "服务时间"),
            ValueType.DATE,
            required=True,
        ),
        FieldColumn(
            "at",
            ("探访时间", "走访时间", "服务时间", "开始时间", "具体时间", "时段"),
            ValueType.TIME,
        ),
        FieldColumn(
            "mode",
            ("探访方式", "方式", "走访方式", "服务方式", "服务形式"),
            ValueType.LABEL,
            enum=ContactMode,
            labels=CONTACT_MODE_SYNONYMS,
        ),
        FieldColumn(
            "recipient_keys",
            ("档案号", "对象档案号", "档案编号", "服务对象档案号", "对象编号", "服务对象编号"),
            multi=True,
        ),
        FieldColumn(
            "recipient_resident_ids",
            ("身份证号", "身份证号码", "公民身份号码", "证件号码"),
            ValueType.RESIDENT_ID,
            multi=True,
        ),
        FieldColumn(
            "recipient_names",
            ("姓名", "对象姓名", "服务对象", "服务对象姓名", "儿童姓名", "被探访人"),
        ),
        FieldColumn(
            "recipient_village",
            ("村居", "村（社区）", "所在村", "村别", "村名", "村", "村组", "村屯", "嘎查村"),
        ),
        FieldColumn(
            "worker_ids",
            ("探访社工", "社工", "探访人", "走访人", "走访社工", "服务人员", "探访人员"),
            multi=True,
        ),
        FieldColumn("case_id", ("个案编号",)),
        FieldColumn("alert_id", ("预警编号", *CAMPAIGN_HEADERS)),
        FieldColumn("relocated", RELOCATION_HEADERS, ValueType.YES_NO),
        FieldColumn("notes", ("探访情况", "探访内容", "走访内容", "服务内容")),
        _station_column(),
    ),
)

RESOURCE_LINKS = SheetFormat(
    kind=RecordKind.RESOURCE_LINKS,
    sheet_names=("资源链接",),
    columns=(
        FieldColumn("id", ("编号", "记录编号"), required=True),
        FieldColumn("on", ("日期", "链接日期"), ValueType.DATE, required=True),
        FieldColumn("kind", ("资源类型",), ValueType.LABEL, required=True, enum=ResourceKind),
        FieldColumn("description", ("资源内容", "内容"), required=True),
        FieldColumn("provider", ("提供方", "资源提供方")),
        FieldColumn("provider_kind", ("提供方类型",), ValueType.LABEL, enum=ProviderKind),
        FieldColumn("quantity", ("数量",), ValueType.DECIMAL),
        FieldColumn("unit", ("单位",)),
        FieldColumn("value_yuan", ("折合金额（元）", "折合金额", "金额（元）"), ValueType.MONEY),
        FieldColumn("status", ("落实情况", "状态"), ValueType.LABEL, enum=LinkStatus),
        FieldColumn("recipient_keys", ("受益对象档案号", "受益对象"), multi=True),
        FieldColumn("head_count", ("受益人数",), ValueType.INTEGER),
        FieldColumn("case_id", ("个案编号",)),
        FieldColumn("worker_ids", ("经办社工", "社工"), multi=True),
        _station_column(),
    ),
)

CASES = SheetFormat(
    kind=RecordKind.CASES,
    sheet_names=("个案", "个案服务"),
    columns=(
        FieldColumn("id", ("个案编号",), required=True),
        FieldColumn("recipient_keys", ("档案号", "服务对象档案号"), multi=True),
        FieldColumn("opened_on", ("接案日期",), ValueType.DATE, required=True),
        FieldColumn("stage", ("阶段", "当前阶段"), ValueType.LABEL, enum=CaseStage),
        FieldColumn("worker_id", ("负责社工",)),
        FieldColumn("problems", ("主要问题",)),
        FieldColumn("goals", ("服务目标",)),
        FieldColumn("closed_on", ("结案日期",), ValueType.DATE),
        FieldColumn("closing_reason", ("结案原因",)),
        _station_column(),
    ),
)

ACTIVITIES = SheetFormat(
    kind=RecordKind.ACTIVITIES,
    sheet_names=("活动", "小组及社区活动"),
    columns=(
        FieldColumn("id", ("活动编号",), required=True),
        FieldColumn("kind", ("活动类型",), ValueType.LABEL, required=True, enum=ActivityKind),
        FieldColumn("title", ("活动名称",), required=True),
        FieldColumn("on", ("活动日期", "日期"), ValueType.DATE, required=True),
        _station_column(),
        FieldColumn("place", ("活动地点", "地点")),
        FieldColumn("group_name", ("小组名称",)),
        FieldColumn("session_number", ("节次",), ValueType.INTEGER),
        FieldColumn("participants", ("参与人次",), ValueType.INTEGER),
        FieldColumn("special_group_participants", ("特殊群体人次",), ValueType.INTEGER),
        FieldColumn("volunteers", ("志愿者人次",), ValueType.INTEGER),
        FieldColumn(
            "partners", ("五社联动", "联动资源"), ValueType.LABEL, multi=True, enum=PartnerKind
        ),
        FieldColumn(
            "participant_keys",
            ("参与对象", "参加对象", "参与服务对象", "参与对象档案号", "参与人员名单", "参加人员"),
            multi=True,
        ),
        FieldColumn(
            "partner_villages",
            ("联动村居", "联动村（社区）", "合作村居", "协办村居", "共建村居"),
            multi=True,
        ),
        FieldColumn(
            "partner_organisations",
            ("联动社会组织", "合作社会组织", "参与社会组织", "协办社会组织"),
            multi=True,
        ),
        FieldColumn(
            "partner_charities", ("联动慈善组织", "合作慈善组织", "参与慈善组织"), multi=True
        ),
        FieldColumn(
            "partner_volunteer_teams",
            ("联动志愿服务队", "志愿服务队", "联动志愿队伍", "参与志愿服务队"),
            multi=True,
        ),
        FieldColumn("campaign_id", CAMPAIGN_HEADERS),
        FieldColumn("worker_ids", ("社工", "负责社工"), multi=True),
        FieldColumn("summary", ("活动简介", "内容简介")),
    ),
)

CAMPAIGN_KIND_SYNONYMS: dict[str, str] = {
    "洪涝": AlertKind.RAINSTORM_FLOOD,
    "暴雨": AlertKind.RAINSTORM_FLOOD,
    "洪水": AlertKind.RAINSTORM_FLOOD,
    "低温": AlertKind.COLD_WAVE,
    "低温冰冻": AlertKind.COLD_WAVE,
    "疫情防控": AlertKind.EPIDEMIC,
    "宣传周": AlertKind.CAMPAIGN,
    "专项": AlertKind.CAMPAIGN,
    "双防": AlertKind.CAMPAIGN,
}
"""Other ways ledgers write a campaign's kind (a publicity week or 双防 is a 专项行动)."""

CAMPAIGNS = SheetFormat(
    kind=RecordKind.CAMPAIGNS,
    sheet_names=("专项活动", "预警与专项", "专项行动"),
    columns=(
        FieldColumn("id", ("专项编号", "编号", "预警编号"), required=True),
        FieldColumn(
            "kind",
            ("专项类型", "类型", "预警类型"),
            ValueType.LABEL,
            required=True,
            enum=AlertKind,
            labels=CAMPAIGN_KIND_SYNONYMS,
        ),
        FieldColumn("title", ("专项名称", "名称", "活动名称")),
        FieldColumn("start", ("开始日期", "起始日期"), ValueType.DATE, required=True),
        FieldColumn("end", ("结束日期", "截止日期"), ValueType.DATE, required=True),
        _station_column(),
        FieldColumn("notes", ("备注", "说明")),
    ),
)

HANDOUTS = SheetFormat(
    kind=RecordKind.HANDOUTS,
    sheet_names=("物资发放", "宣传品发放", "物资及宣传品发放", "发放记录"),
    columns=(
        FieldColumn("id", ("发放编号", "编号", "记录编号")),
        FieldColumn("on", ("发放日期", "日期"), ValueType.DATE, required=True),
        FieldColumn("item", ("物品名称", "物资名称", "发放物品", "宣传品", "物品"), required=True),
        FieldColumn("quantity", ("发放数量", "数量"), ValueType.DECIMAL, required=True),
        FieldColumn("unit", ("单位", "计量单位")),
        FieldColumn(
            "people_reached", ("受益人次", "惠及人次", "发放人数", "受益人数"), ValueType.INTEGER
        ),
        FieldColumn("households_reached", ("受益户数", "发放户数"), ValueType.INTEGER),
        FieldColumn("campaign_id", CAMPAIGN_HEADERS),
        _station_column(),
        FieldColumn("worker_ids", ("经办社工", "发放社工", "社工"), multi=True),
        FieldColumn("notes", ("备注", "说明")),
    ),
)

FORMAT = LedgerFormat(
    name="national",
    sheets=(
        RECIPIENTS,
        STATIONS,
        WORKERS,
        CONTACTS,
        RESOURCE_LINKS,
        CASES,
        ACTIVITIES,
        CAMPAIGNS,
        HANDOUTS,
    ),
)
"""The plain national ledger: every record kind, national labels and common synonyms."""

FORMATS: tuple[LedgerFormat, ...] = (FORMAT,)


def regional_sheet(
    sheet: SheetFormat,
    *,
    sheet_names: Sequence[str] = (),
    headers: Mapping[str, Sequence[str]] | None = None,
    labels: Mapping[str, Mapping[str, str]] | None = None,
    meanings: Mapping[str, WordMeaning] | None = None,
    drop: Sequence[str] = (),
) -> SheetFormat:
    """A copy of a national sheet for a region's ledgers.

    ``sheet_names`` and each field's ``headers`` go *before* the national ones (the first is what
    the region's ledger writes; the national spellings stay accepted); ``labels`` adds value
    texts → codes to a label column; ``meanings`` replaces how a label column reads words that
    are none of its labels (e.g. a ``LevelScale`` of the region's own level words; by default the
    glossary's reading for the column's enum); ``drop`` removes fields the region's ledger never
    has.
    ``KeyError`` for a field the sheet does not have, so a typo cannot pass unnoticed.
    """
    headers = headers or {}
    labels = labels or {}
    meanings = meanings or {}
    fields = {c.field for c in sheet.columns}
    unknown = (set(headers) | set(labels) | set(meanings) | set(drop)) - fields
    if unknown:
        raise KeyError(f"{sheet.kind.value} has no field(s) {sorted(unknown)}")
    columns = []
    for column in sheet.columns:
        if column.field in drop:
            continue
        own = tuple(headers.get(column.field, ()))
        merged = own + tuple(h for h in column.headers if h not in own)
        extra = {**column.labels, **labels.get(column.field, {})}
        meaning = meanings.get(column.field, column.meaning)
        columns.append(attrs.evolve(column, headers=merged, labels=extra, meaning=meaning))
    names = tuple(sheet_names) + tuple(n for n in sheet.sheet_names if n not in sheet_names)
    return attrs.evolve(sheet, sheet_names=names, columns=tuple(columns))


DISTINCTIVE_HEADERS: frozenset[str] = frozenset({"档案号", "档案编号", "编号", "姓名"})
"""A register's key and name columns: two of them let the national format read a workbook no
regional adapter claimed."""

PERSON_WORDS: tuple[str, ...] = ("姓名", "身份证", "公民身份号码", "证件号码")
"""Words that, inside any header, say a sheet lists people: a workbook no regional adapter claims
reads as national when one of them is there."""
