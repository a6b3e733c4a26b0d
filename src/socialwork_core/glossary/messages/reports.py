"""Message templates: reports (why a figure cannot be computed, and the notes a report carries)."""

MESSAGES: dict[str, str] = {
    "reports.no_records": "台账中没有{records}记录，无法计算该项（不以0填报）。",
    "reports.no_registration_dates": "服务对象均未填写建档日期，无法计算建档数。",
    "reports.no_posts": "社工站(点)均未填写岗位数，无法计算。",
    "reports.no_established_dates": "{tier}均未填写建站日期，无法计算新增数。",
    "reports.no_certificate_dates": (
        "有{count}名持证社工未填写取证日期，无法计算{day}的持证人数。"
    ),
    "reports.no_base": "上年同期为0，无法计算增长率。",
    "reports.no_total_given": "未提供{what}总数，无法计算覆盖率。",
    "reports.no_workers_on_activities": "活动记录均未填写参与社工，无法计算出动社工人次。",
    "reports.no_providers": "资源链接均未填写提供方及其类型，活动也未填写联动单位，无法计算联动数。",
    "reports.note.campaign": (
        "本表为专项“{campaign}”的统计：只计标注该专项的探访、活动和物资发放，以及统计期内未标注任何专项的记录；"
        "标注其他专项的记录不计入。"
    ),
    "reports.no_handout_reach": "物资发放记录均未填写受益人次或户数，无法计算惠及人数。",
    "reports.no_relocation": "本期的探访记录均未填写是否协助转移，无法计算协助转移的人数。",
    "reports.no_participants_named": "活动记录均未填写参与对象，无法按人数计算活动惠及的特殊群众。",
    "reports.no_values": "资源链接均未填写折合金额，无法计算金额。",
    "reports.no_visit_requirements": "没有应探访的服务对象，无法计算探访率。",
    "reports.not_scored": "未提供“{what}”的评分，无法计算。",
    "reports.points_out_of_range": "“{what}”的评分{points}不在0至{weight}分之间，无法计算。",
    "reports.depends_on": "所依据的“{what}”无法计算。",
    "settings.unreadable": "无法读取：{detail}",
    "settings.bad_value": "{key} = {value} 不可用，应为{expected}。",
    "settings.unknown_key": "{key} 不是可用的设置项。可用的设置项：{known}。",
    "settings.unknown_station": (
        "{key} 中的社工站不在台账中（请写社工站编码或名称）。台账中的社工站：{known}。"
    ),
    "reports.note.two_groups": "同一服务对象属于两个类别的，在两行中各计一次；合计只计一次。",
    "reports.note.exclusive_rows": (
        "“{table}”各行互不重复：同一服务对象属于多个类别的，按{order}的顺序只计入第一个符合的类别。"
    ),
    "reports.note.catch_all": "“{table}”的“{row}”行计入不属于前列各类、{scope}的服务对象。",
    "reports.note.catch_all.with_category": "但登记有对象类别",
    "reports.note.catch_all.everyone": "包括不在名册",
    "reports.note.modes": "“{table}”只计{modes}。",
    "reports.note.unassigned": (
        "“{table}”中有{count}{unit}的对象未登记对象类别或不在名册，计入合计，未计入各行。"
    ),
    "reports.note.approximate": "标“约”的金额含台账中的约数（如“2万余元”）。",
    "reports.note.unvalued_links": "有{count}条资源链接未填写折合金额，未计入金额。",
    "reports.note.bands": (
        "等次分数线（优秀{excellent}分、良好{good}分、合格{passing}分）为常用约定，可配置，"
        "并非省级文件规定。"
    ),
    "reports.note.masked": "身份证号、电话号码均已脱敏。",
    "reports.note.rows_from_records": (
        "各{rows}行与合计行均按台账记录计算：同一服务对象由两个{rows}服务，在各行各计一次，"
        "合计只计一次，故各行相加可能大于合计。"
    ),
    "reports.entry.contact": "{mode}探访{people}",
    "reports.entry.case_opened": "新接个案：{people}",
    "reports.entry.case_closed": "个案结案：{people}",
    "reports.entry.case_followup": "个案跟进（{mode}）：{people}",
    "reports.entry.activity": "{title}（{kind}，参与{participants}人次）",
    "reports.entry.group_session": "{group}第{session}节：{title}（参与{participants}人次）",
    "reports.entry.resource": "链接{kind}：{description}{value}，惠及{people}",
    "reports.entry.resource_value": "，折合{value}元",
    "reports.entry.station_visit": "接待来访咨询：{people}",
    "reports.entry.alert": "专项探访（{mode}）：{people}",
    "reports.entry.people_more": "{names}等{count}人",
}
