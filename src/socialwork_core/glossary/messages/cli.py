"""Message templates: the ``socialwork`` command (``socialwork_core.cli``).

Each code has an English twin in ``socialwork_core.cli.text``; the command prints both.
"""

MESSAGES: dict[str, str] = {
    # --- choosing the adapter ----------------------------------------------------------------------
    "cli.adapter_detected": "使用适配器 {adapter}（台账格式 {format}），根据表头自动识别。",
    "cli.sheets_read": "读取的工作表：{sheets}。",
    "cli.mapping_written": "映射文件已写入 {path}：修改后用 --mapping {path} 读取台账。",
    "cli.mapping_unusable": "映射文件“{path}”无法使用：{message}",
    "cli.settings_unusable": "设置文件“{path}”无法使用：{message}",
    "cli.adapter_given": "使用适配器 {adapter}（台账格式 {format}），由 --adapter 指定。",
    "cli.unknown_adapter": "没有名为“{name}”的适配器。已安装的适配器：{known}。",
    "cli.adapter_without_formats": "适配器“{name}”没有提供台账格式，无法读取台账。",
    "cli.format_not_detected": (
        "无法根据表头判断“{path}”属于哪种台账格式。请用 --adapter 指定适配器（已安装：{known}）。"
    ),
    "cli.format_not_detected_field_codes": (
        "无法根据表头判断“{path}”属于哪种台账格式：表头是系统导出的字段代码（{codes}…），"
        "没有中文列名，也看不出是哪些列名的拼音首字母（如 XM 为姓名）。"
        "请在代码行上方加一行中文列名（如 姓名、性别、身份证号），"
        "或用 --adapter 和 --mapping 指定各列。"
    ),
    "cli.unknown_layout": "没有名为“{name}”的台账格式。可用格式：{known}。",
    # --- files -------------------------------------------------------------------------------------
    "cli.input_is_directory": "“{path}”是一个文件夹，不是台账文件。请写出台账文件本身，例如“{path}/台账.xlsx”。",
    "cli.workbook_unreadable": "无法读取“{path}”：{message}",
    "cli.no_ledger_files": "“{path}”是一个文件夹，其中没有台账文件（.xlsx、.xlsm、.xls、.ods）。",
    "cli.files_read": "共读取{count}个台账文件，涉及{stations}个社工站；{unreadable}个文件无法读取。",
    "cli.dask_missing": "未安装 Dask，无法使用 --scheduler。请安装 socialwork-core[dask]。",
    "cli.scheduler_unreachable": "无法连接 Dask 调度器“{address}”：{problem}",
    "cli.output_unwritable": "无法写入“{path}”：{problem}",
    "cli.output_is_input": (
        "输出文件“{path}”就是输入文件“{input}”，写入会覆盖原文件。请换一个输出文件名，原文件未作任何改动。"
    ),
    "cli.output_is_directory": "输出位置“{path}”是一个文件夹。请在文件夹后面写上文件名，例如“{path}/结果.xlsx”。",
    "cli.unsupported_output": "不支持输出为“{path}”，请使用以下文件类型：{allowed}。",
    "cli.alert_unreadable": "无法读取预警文件“{path}”：{problem}",
    "cli.alert_missing": "找不到预警文件“{path}”。请检查文件名和所在文件夹。",
    "cli.alert_is_directory": "预警文件“{path}”是一个文件夹，不是文件。请写出预警文件本身（.json）。",
    "cli.alert_not_json": "预警文件“{path}”不是有效的 JSON：第{line}行第{column}列附近有误。",
    "cli.alert_unknown_kind": "预警文件“{path}”中的预警类型“{kind}”无法识别。可用类型：{kinds}。",
    "cli.alert_village_unknown": (
        "预警“{alert}”中的村（社区）“{name}”在台账中没有任何服务对象，可能写错了。台账中的村（社区）：{known}。"
    ),
    "cli.alert_station_unknown": (
        "预警“{alert}”中的站点“{name}”在台账中没有任何服务对象，可能写错了。台账中的站点：{known}。"
    ),
    "cli.alert_invalid": "预警文件“{path}”的内容不符合要求：{problems}",
    # --- arguments ---------------------------------------------------------------------------------
    "cli.bad_date": (
        "日期“{text}”无法识别。可用写法：2023-03-31、2023-3-31、2023/3/31、2023.3.31、2023年3月31日、20230331。"
    ),
    "cli.changes_no_dates": (
        "两期台账（“{old}”和“{new}”）都没有带日期的记录（建档日期、状态变更日期、探访日期），"
        "无法确定按哪一天比较。请写明两期的日期，例如 --old-as-of 2024-05-31 --new-as-of 2024-06-30。"
    ),
    "cli.bad_period": (
        "统计周期“{text}”无法识别。可用写法：月 2023-03、2023年3月；季度 2023-Q1、2023年第一季度；"
        "半年 2023-H1、2023年上半年；年 2023、2023年；周 2023-W47、2023年第47周；"
        "任意时段 2023-03-01..2023-03-31、2023年3月1日至2023年3月31日；"
        "截至某日（累计）..2023-06-30、截至2023年6月30日。"
    ),
    "cli.date_out_of_range": "日期“{text}”不在{first}至{last}之间，请检查年份。",
    "cli.period_out_of_range": "统计周期“{text}”不在{first}至{last}之间，请检查年份。",
    "cli.input_refused": "无法处理：{problem}",
    "cli.unknown_template": "没有名为“{name}”的报表模板。可用模板：{known}。",
    "cli.wrong_period_kind": (
        "报表“{template}”按{expected}填报，不能用于统计周期 {period}。可用的统计周期：{takes}。"
    ),
    "cli.usage": "命令用法有误，请运行 {help} 查看用法。",
    "cli.usage_required": "缺少必需的参数：{names}。请运行 {help} 查看用法。",
    "cli.usage_unrecognised": "无法识别的参数：{args}。请检查拼写，或运行 {help} 查看可用参数。",
    "cli.usage_choice": "参数 {option} 不能取“{value}”，可选的值为：{choices}。请运行 {help} 查看用法。",
    "cli.usage_value_missing": "参数 {option} 后面缺少取值。请运行 {help} 查看用法。",
    "cli.usage_ambiguous": "参数 {option} 不完整，可能是以下任一个：{matches}。请写全参数名。",
    # --- results -----------------------------------------------------------------------------------
    "cli.validate_clean": "台账没有错误：共{warnings}条警告、{infos}条提示。",
    "cli.validate_errors": "台账有{errors}处错误，{rejected}行未读入；另有{warnings}条警告、{infos}条提示。",
    "cli.rows_refused": (
        "台账中有{rejected}行因错误未读入，输出结果只包含已读入的行。请运行 socialwork validate 查看问题清单。"
    ),
    "cli.issues_written": "问题清单已写入 {path}，请按清单修改台账后重新导入。",
    "cli.report_written": "报表《{title}》（{period}）已写入 {path}。",
    "cli.report_needs_period": "请用 --period 给出统计周期，或用 --campaign 给出专项编号。",
    "cli.unknown_campaign": "台账中没有编号为“{campaign}”的专项活动或预警。台账中有：{known}。",
    "cli.campaign_records_outside": (
        "有{count}条记录标注了专项“{campaign}”，但日期不在{period}之内，未统计在本表中。请核对日期或专项的起止日期。"
    ),
    "cli.ledger_written": "台账（格式 {layout}）已写入 {path}。",
    "cli.template_written": "空白台账模板（格式 {layout}）已写入 {path}，请按其中“填表说明”工作表填写。",
    "cli.convert_lossy": (
        "新格式无法完整表示原台账：重新读取写出的文件时发现{errors}处错误（{codes}）。"
        "请先把这些内容改成新格式认可的写法（例如本地对象类别），再转换。"
    ),
    "cli.category_mapped": (
        "新格式没有本地对象类别“{label}”：{people}人改记为“{replacement}”，原类别保留在“{column}”列。"
    ),
    "cli.table_written": "结果已写入 {path}。",
    "cli.graded": "{as_of}共评定{count}人（规则 {rule_set} {version}）：{levels}。",
    "cli.graded_declared": "台账登记了服务等级的{declared}人中，有{differ}人与评定等级不同。",
    "cli.due_summary": "{as_of}待探访清单共{count}项：{statuses}。",
    "cli.due_hidden": "另有{count}项状态正常或暂停，未列出；加 --all 可全部列出。",
    "cli.no_adapters": "没有安装任何适配器。",
    "cli.as_of_stale": (
        "注意：未指定 --as-of，按今天（{today}）计算；但台账最后一条记录在 {last}，已过去{days}天，"
        "逾期天数会因此偏大。如要按台账记录的时间计算，请加上 --as-of {suggested}。"
    ),
    "cli.period_in_future": "注意：统计周期 {period} 还没有开始（今天是 {today}），报表中的数字不是最终结果。",
    "cli.as_of_before_period_end": (
        "注意：计算日期 {as_of} 早于统计周期 {period} 的结束日 {end}，报表只包含截至 {as_of} 的情况。"
    ),
    "cli.internal_list": "此清单含完整姓名、电话和住址，仅供社工站内部使用，请勿外传。",
    "cli.adapter_written": (
        '适配器软件包已写入 {path}。下一步：cd {path} && pip install -e ".[test]" && python -m pytest'
    ),
    "cli.adapter_core_local": (
        "本机的 socialwork-core 不是从软件源安装的，软件源中可能没有这个版本："
        "请先在适配器所用的虚拟环境中安装它：pip install {source}"
    ),
    "cli.scaffold_refused": "无法生成适配器（{code}）：{problem}",
    # --- progress (shown only when stderr is a terminal) -------------------------------------------
    "cli.progress.plugins": "正在加载适配器……",
    "cli.progress.reading": "正在读取台账 {path}……",
    "cli.progress.reading_many": "正在读取{count}个台账文件……",
    "cli.changes_summary": (
        "{old}至{new}：新增{entered}人，退出{left}人，变动{changed}项；"
        "逾期未探访{overdue_then}人 → {overdue_now}人。"
    ),
    "cli.progress.computing": "正在计算……",
    "cli.progress.writing": "正在写入 {path}……",
    # --- plugins and internal errors ---------------------------------------------------------------
    "cli.plugin_problem": "插件“{plugin}”未能加载：{message}",
    "cli.plugin_broken": "插件有错误，无法继续：{problem}",
    "cli.internal_error": (
        "程序内部出错：{problem}。这是本软件或某个插件的缺陷，请报告；"
        "设置环境变量 SOCIALWORK_DEBUG=1 可显示详细信息。"
    ),
}
