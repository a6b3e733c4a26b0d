"""Message templates: ledger (building records from ledger rows, issues workbooks).

The codes are documented in ``socialwork_core.ledger``.
"""

MESSAGES: dict[str, str] = {
    "ledger.sheet_missing": "台账中没有“{kind}”工作表（可用名称：{names}），这部分未读入。",
    "ledger.sheet_continued": (
        "工作表“{sheet}”与“{first}”是同一种{kind}表（分类、分村或分月登记），已一并读入。"
    ),
    "ledger.other_year_sheet_skipped": (
        "工作表“{sheet}”是另一年份的{kind}表，未读入（读入的是“{read}”）。"
        "如需读入，请用 --mapping 指定工作表。"
    ),
    "ledger.later_year_sheet_read": (
        "工作表“{sheet}”与“{other}”是不同年份的服务对象表：按较晚年份的“{sheet}”读入服务对象。"
    ),
    "ledger.copy_sheet_skipped": (
        "工作表“{sheet}”看来是{kind}表的备份或草稿，未读入（其中的人会与正表重复）。"
        "如需读入，请用 --mapping 指定工作表。"
    ),
    "ledger.mode_from_notes": (
        "工作表“{sheet}”没有探访方式列：其中{count}条按探访情况开头的词（入户、电话、视频等）"
        "记为探访方式，{unsaid}条无法判断（不计入按方式统计的探访）。"
    ),
    "ledger.categories_from_text": (
        "工作表“{sheet}”没有对象类别列：{count}人的对象类别按“{header}”列文字中的类别词读出"
        "（如“{example}”读作{read}）；该列其余的话（如“{other}”）不是类别，仍原样保留在该列。"
    ),
    "ledger.category_slip_read": (
        "“{header}”中的“{value}”不是类别词，与“{likely}”只差一字，按“{likely}”读取。请核对后改正。"
    ),
    "ledger.categories_text_unread": (
        "“{header}”的内容“{value}”中没有可识别的对象类别，此人未记对象类别。请补写类别（如 低保、特困）。"
    ),
    "ledger.village_from_sheet_name": (
        "工作表“{sheet}”没有村居列，其中{count}人的村居按工作表名记为“{village}”。"
    ),
    "ledger.category_from_sheet_name": (
        "工作表“{sheet}”中有{count}人没有填写对象类别，已按工作表名记为“{category}”。"
    ),
    "ledger.listed_on_two_sheets": (
        "“{name}”（{key}）也登记在工作表“{first_sheet}”第{first_row}行，已合为一人，对象类别合并。"
    ),
    "ledger.status_from_name": "姓名“{value}”中注明“{remark}”，已记为人员状态“{status}”。",
    "ledger.id_from_name": (
        "姓名一栏同时写有身份证号：已按姓名“{name}”、身份证号{number}读入。身份证号请填在单独一列。"
    ),
    "ledger.visit_name_remark": (
        "姓名“{value}”中的“{remark}”是注明，不是姓名的一部分，已按服务对象“{name}”读入。"
    ),
    "ledger.visit_name_status": (
        "姓名“{value}”中注明“{remark}”（人员状态“{status}”），已按服务对象“{name}”读入这次探访；"
        "服务对象台账中的人员状态不因此改变。请核对：人员状态有变化的，请在服务对象台账中更新。"
    ),
    "ledger.visit_after_death": (
        "探访日期{on}在服务对象“{name}”的死亡日期{since}之后（服务对象台账记为死亡）。"
        "请核对探访日期或探访对象。"
    ),
    "ledger.status_name_disagrees": (
        "姓名“{value}”中注明“{remark}”，与本行人员状态“{written}”不一致，已按人员状态"
        "“{status}”记录。请核对。"
    ),
    "ledger.mode_of_several": (
        "探访方式“{value}”写了不止一种方式（{modes}），已按其中计算探访要求时最充分的“{mode}”"
        "记录（入户可满足各项探访要求）。如实际方式不同，请改为一种。"
    ),
    "ledger.recipient_without_key": (
        "既没有档案号，也没有有效的身份证号，无法确定是哪一位服务对象。请补充其中之一。"
    ),
    "ledger.duplicate_key": "编号“{key}”与第{first_row}行重复，本行未读入。请核对是否重复登记。",
    "ledger.duplicate_resident_id": (
        "身份证号“{value}”与第{first_row}行的服务对象重复，本行未读入。请核对是否重复登记。"
    ),
    "ledger.unknown_recipient": (
        "找不到服务对象“{value}”：服务对象台账中没有这个档案号或身份证号。请先登记该服务对象。"
    ),
    "ledger.linked_by_name": (
        "“{value}”在服务对象台账中找不到，已按姓名“{name}”对应到台账中的服务对象（档案号{key}）。请核对。"
    ),
    "ledger.linked_by_resident_id": (
        "“{value}”在服务对象台账中找不到，已按本行的身份证号对应到台账中的服务对象（档案号{key}）。请核对。"
    ),
    "ledger.recipient_ambiguous": (
        "台账中有{count}位服务对象叫“{name}”，{village}无法确定是哪一位，本行未读入。请填写村居或身份证号。"
    ),
    "ledger.recipient_sounds_like": (
        "服务对象台账中没有“{name}”，但有读音相同的“{likely}”（档案号{key}）。如果是同一人，请改正姓名；本行暂未读入。"
    ),
    "ledger.recipient_not_registered": (
        "服务对象台账中没有“{name}”。请先登记该服务对象，或核对姓名。"
    ),
    "ledger.visits_outside_window": (
        "本表中有{count}条探访日期在{first}至{last}之外（最晚{latest}），不在本次报表期内，未读入；"
        "检查全部记录请用 socialwork validate。"
    ),
    "ledger.participant_ambiguous": (
        "参与对象“{value}”：台账中有{count}位服务对象叫这个名字，无法确定是哪一位。活动已读入，此人暂按普通群众计；"
        "请改填档案号或身份证号。"
    ),
    "ledger.participant_sounds_like": (
        "参与对象“{value}”不在服务对象台账中，但有读音相同的“{likely}”（档案号{key}）。活动已读入，此人暂按普通群众计；"
        "如果是同一人，请改正姓名。"
    ),
    "ledger.participant_not_registered": (
        "参与对象“{value}”不在服务对象台账中。活动已读入，此人按普通群众计；如果是服务对象，请先登记或核对姓名。"
    ),
    "ledger.category_by_age": "类别“{word}”按年龄（{age}岁）读作“{category}”。",
    "ledger.category_age_unsettled": (
        "类别“{word}”只有按年龄才能确定是“{child}”还是“{elderly}”，{why}，本项未读取。请写明类别。"
    ),
    "ledger.record_without_person": "本行没有填写服务对象（档案号、身份证号或姓名），无法知道探访的是谁。",
    "ledger.visit_far_from_titled_year": (
        "探访日期{on}与本表的年份（{period}年，取自标题、表名或文件名）相差一年以上，"
        "可能填错了年份。本次探访已读入，请核对日期。"
    ),
    "ledger.visit_far_from_sheet_dates": (
        "探访日期{on}与本表大多数探访所在的年份（{period}年）相差一年以上，"
        "可能填错了年份。本次探访已读入，请核对日期。"
    ),
    "onesheet.visits_on_register": "工作表“{sheet}”的各行同时记录了探访，已读出{count}次探访；没有另外的探访记录表。",
    "onesheet.visits_on_register_and_log": (
        "探访既记在工作表“{sheet}”的各行（{count}次），也记在探访记录表“{log}”（{logged}次），"
        "两处都已读入；其中{repeated}次两处都有（同一人、同一天，方式相同或“{sheet}”中未写方式），只算一次。"
    ),
    "onesheet.visit_columns": (
        "工作表“{sheet}”的各行同时记录了探访：{columns}读作本行服务对象的探访，"
        "另有探访记录表时两处都读入。"
    ),
    "onesheet.visit_column": "{letter}列（{header}）",
    "onesheet.visit_also_logged": "这次探访在探访记录表“{log}”中也有（同一人、同一天、同一方式），只算一次。",
    "onesheet.visit_also_logged_without_mode": (
        "这次探访没有写方式，探访记录表“{log}”中有同一人同一天的探访（{mode}），"
        "是同一次探访，只算一次，方式按记录表。"
    ),
    "onesheet.visit_without_date": "本行没有探访日期，只读入服务对象，不作为一次探访。",
    "onesheet.visit_part_unread": "“{part}”没有写明几月几日，不算一次探访，已原样保留，请核对。",
    "onesheet.person_differs": (
        "编号“{key}”在第{first_row}行是“{first}”，本行却是“{name}”。按第一次出现的读取，请核对。"
    ),
    "mapping.unusable": "映射文件“{path}”无法使用：{problem}",
    "mapping.entry_incomplete": "第{number}个[[sheet]]缺少 kind 或 name。",
    "mapping.unknown_kind": "第{number}个[[sheet]]的 kind“{kind}”不是记录类型，可填写：{known}。",
    "mapping.unknown_field": (
        "第{number}个[[sheet]]把列“{header}”对应到“{field}”，但这类记录没有这一项，可填写：{known}。"
    ),
    "ledger.record_invalid": "本行内容不完整或互相矛盾，无法建立记录：{problems}",
    "ledger.rejected_rows": "{kind}共有{count}行有错误未读入，已列在问题清单中，请修改后重新导入。",
    "ledger.load_failed": "台账有{count}处错误，严格模式下不予导入。",
}

PERSON_FIELDS: dict[str, tuple[str, ...]] = {
    "ledger.listed_on_two_sheets": ("name",),
    "ledger.id_from_name": ("name",),
    "ledger.status_from_name": ("value",),
    "ledger.visit_name_remark": ("value", "name"),
    "ledger.visit_name_status": ("value", "name"),
    "ledger.visit_after_death": ("name",),
    "ledger.status_name_disagrees": ("value",),
    "ledger.unknown_recipient": ("value",),
    "ledger.linked_by_name": ("value", "name"),
    "ledger.linked_by_resident_id": ("value",),
    "ledger.recipient_ambiguous": ("name",),
    "ledger.recipient_sounds_like": ("name", "likely"),
    "ledger.recipient_not_registered": ("name",),
    "ledger.participant_ambiguous": ("value",),
    "ledger.participant_sounds_like": ("value", "likely"),
    "ledger.participant_not_registered": ("value",),
    "onesheet.person_differs": ("first", "name"),
}
"""The fields of these messages that hold a person's name as written (a remark in brackets after
it, a key where a name was typed): what the command line prints shortens them, on the ledger or
not (``socialwork_core.reports.people_names``)."""

NUMBER_FIELDS: dict[str, tuple[str, ...]] = {
    "ledger.duplicate_resident_id": ("value",),
    "ledger.id_from_name": ("number",),
}
"""The fields that hold an ID number (see ``identity.NUMBER_FIELDS``)."""

ISSUES_WORKBOOK_HEADERS: dict[str, str] = {
    "row": "原行号",
    "problems": "问题说明",
    "codes": "问题代码",
    "sheet": "工作表",
    "column": "列",
    "header": "表头",
    "raw": "原内容",
    "code": "代码",
    "severity": "严重程度",
    "message": "说明",
    "all_issues": "全部问题",
    "status": "读入情况",
    "refused": "未读入",
    "kept": "已读入",
    "title": "问题清单",
    "title_ledger": "：{ledger}",
    "checked_on": "（{day}检查）",
    "column_place": "{column}列（{header}）",
    "placed": "{place}：{message}",
}
"""Headers, sheet name, title and place words of the issues workbook (问题清单)."""
