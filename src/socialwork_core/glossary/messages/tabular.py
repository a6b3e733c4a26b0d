"""Message templates: tabular (reading sheets, coercing cells, opening and writing workbooks).

The codes are documented in ``socialwork_core.tabular``. Cell templates name only the
value: the issue that carries a finding names sheet, row, column and header.
"""

MESSAGES: dict[str, str] = {
    # opening a file: WorkbookError
    "tabular.file_not_found": "找不到文件“{path}”。",
    "tabular.unsupported_format": (
        "文件“{path}”的类型“{suffix}”无法读取：请另存为 .xlsx、.xls、.ods 或 .csv。"
    ),
    "tabular.workbook_encrypted": (
        "文件“{path}”设置了打开密码（已加密），无法读取。请在Excel中取消密码后另存为.xlsx再导入。"
    ),
    "tabular.not_a_workbook": (
        "文件“{path}”名为Excel表格，实际内容是{actual}。请用Excel打开后另存为真正的.xlsx文件。"
    ),
    "tabular.workbook_truncated": (
        "文件“{path}”不完整或已损坏（可能下载或拷贝中断）。请重新获取原文件。"
    ),
    "tabular.workbook_unreadable": "无法读取文件“{path}”：{detail}。请用Excel打开后重新保存。",
    "tabular.xml_entities": (
        "文件“{path}”的内部结构“{part}”含有实体定义（DOCTYPE/ENTITY），"
        "正常的Excel文件不会这样，为安全起见拒绝读取。"
    ),
    "tabular.workbook_too_large": (
        "文件“{path}”解压后约{size_mb}MB，超过上限{limit_mb}MB（可能是“压缩炸弹”），拒绝读取。"
    ),
    "tabular.unsafe_xml_parser": (
        "未安装defusedxml，openpyxl会使用不安全的XML解析器，拒绝打开“{path}”。请安装defusedxml。"
    ),
    "tabular.csv_undecodable": (
        "CSV文件“{path}”既不是UTF-8也不是GB18030/GBK编码，无法识别文字。请另存为“CSV UTF-8”。"
    ),
    "tabular.csv_invalid_byte": (
        "CSV文件“{path}”开头标明为UTF-8编码，但第{line}行含有不是UTF-8的字节，无法识别文字。"
        "请用Excel打开后另存为“CSV UTF-8”。"
    ),
    "tabular.csv_quote_unclosed": (
        'CSV文件“{path}”第{line}行有一个引号（"）开始后没有结束，后面的行会被并进同一格，'
        "人员会丢失，因此拒绝读取。请检查该行的引号后重新导出。"
    ),
    "tabular.csv_quote_misplaced": (
        'CSV文件“{path}”第{line}行的引号（"）位置不对（引号结束后紧跟着其他文字），'
        "无法确定分列，拒绝读取。请检查该行后重新导出。"
    ),
    "tabular.csv_field_too_long": (
        "CSV文件“{path}”第{line}行有一格内容超过13万个字符，不是正常的台账内容"
        "（可能是引号未闭合或文件损坏），拒绝读取。"
    ),
    "tabular.cell_far_from_data": (
        "工作表“{sheet}”的单元格{cell}远离其余数据：要读取它，整张表须按{rows}行×{columns}列展开，"
        "而表中数据只有约{size_kb}KB，为避免耗尽内存拒绝读取。请删除该单元格中的内容后再导入。"
    ),
    "tabular.sheet_too_large": (
        "工作表“{sheet}”有{rows}行×{columns}列，超过一次读取的上限（{limit}个单元格）。"
        "请把台账拆成几个文件后再导入。"
    ),
    "tabular.text_too_large": (
        "工作表“{sheet}”的单元格共引用约{chars}个字符的文字，超过上限{limit}"
        "（同一段很长的文字被许多单元格重复引用），为避免耗尽内存拒绝读取。"
    ),
    "tabular.too_many_merged_cells": (
        "工作表“{sheet}”的合并单元格在数据范围内共覆盖{cells}个单元格，超过上限{limit}，拒绝读取。"
        "请取消不必要的合并后再导入。"
    ),
    "tabular.sheet_not_found": (
        "文件“{path}”中找不到工作表“{wanted}”，也没有哪张表的表头与之相符。现有工作表：{found}。"
    ),
    "tabular.header_not_found": (
        "工作表“{sheet}”前{rows}行中找不到表头（应包含如“{expected}”等列名）。"
    ),
    "tabular.required_columns_missing": (
        "工作表“{sheet}”缺少必需的列：{missing}。表头中找到的列为：{found}。"
    ),
    # writing a cell: its comment
    "tabular.characters_replaced": ("原文中有{count}个无法写入Excel的控制字符，已替换为“\ufffd”。"),
    "tabular.text_cut": (
        "原文共{length}字，超过Excel单元格上限，只写入前{kept}字，其余未写入。请精简台账中的该内容。"
    ),
    # table-level remarks: Issue
    "tabular.sheet_found_by_headers": (
        "没有名为“{wanted}”的工作表，已按表头识别并读取工作表“{sheet}”。"
    ),
    "tabular.extra_columns_kept": "以下列不在标准格式中，已原样保留：{headers}。",
    "tabular.duplicate_column": (
        "列“{header}”（{column}列）与{first}列重复，只按{first}列读取，本列原样保留。"
    ),
    "tabular.footer_row_skipped": "第{row}行是合计或签名行（“{value}”），已跳过，不作为数据读取。",
    "tabular.codes_from_legend": (
        "列“{header}”填的是代码，已按工作表“{legend}”中“{label}”的代码说明读作文字"
        "（如“{code}”读作“{word}”）。"
    ),
    "tabular.codes_without_legend": (
        "列“{header}”填的是代码（如“{code}”），工作簿中没有与之对应的代码说明，这些代码无法读取。"
        "请改填文字，或附上代码说明工作表（代码 | 名称）。"
    ),
    "tabular.table_beside": (
        "从{column}列起是另一张表（与本表隔着空列），本表只读到{last}列；{column}列起的各列按另一张表读取。"
    ),
    "tabular.table_above": (
        "第{row}行的表头之上还有另一张表，本表从第{row}行读起；上面的行按另一张表读取。"
    ),
    "tabular.table_ended": (
        "第{row}行是另一张表的表头（{headers}），本表读到它的上一行为止；下面的行按另一张表读取。"
    ),
    "tabular.non_data_row_skipped": "第{row}行是{kind}（“{value}”），已跳过，不作为数据读取。",
    "tabular.section_heading": "第{row}行是分组标题（“{value}”），其下各行的“{header}”为空时按“{carried}”读取。",
    "tabular.column_read_as": "列“{header}”按“{expected}”读取（{reason}）。",
    "tabular.columns_joined": "列“{headers}”与列“{first}”一起按“{expected}”读取（同一分组下的多列）。",
    "tabular.date_in_parts": "列“{headers}”把日期分开填写，已合起来按“{expected}”读取。",
    "tabular.date_in_parts_no_year": (
        "列“{headers}”把日期分开填写、没有年份，已合起来按“{expected}”读取，年份取自标题或工作表名。"
    ),
    "tabular.columns_asked": (
        "列“{headers}”按“{expected}”读取：填“是”或打“√”的，记为该列所问的一项，填“否”的不记。"
    ),
    "tabular.column_ambiguous": (
        "列“{header}”可能是{candidates}，无法确定，已原样保留；请在映射文件中指定该列。"
    ),
    "tabular.bracket_remark": "“{value}”按“{word}”读取，括号中的“{remark}”是说明，没有单独读作一项。",
    "tabular.hidden_sheet_skipped": "工作表“{sheet}”是隐藏的，没有读取。",
    "tabular.hidden_rows_read": (
        "工作表“{sheet}”有{count}行是隐藏的（包括第{rows}行），已和其他行一样读取。请核对这些行是否仍然有效。"
    ),
    "tabular.far_cell_read": (
        "单元格{cell}远离表中其余数据（中间隔着大片空行），已把它所在的行单独读取。请核对它是否属于本表。"
    ),
    "tabular.far_cell_not_read": (
        "单元格{cell}（内容“{text}”）远离表中其余数据，不在任何表头之下，没有读取。"
        "如果它有用，请把它移到对应的列中；否则请删除。"
    ),
    "tabular.far_cells_more": (
        "工作表“{sheet}”另有{count}个远离其余数据的单元格没有逐一列出。请检查表格右侧和下方的空白区域。"
    ),
    # cells: Issue
    "tabular.required_value_missing": "此项不能为空。",
    "tabular.formula_without_value": (
        "此单元格是公式，但文件中没有保存计算结果（可能由程序生成、未在Excel中打开保存过），"
        "按空值处理。请在Excel中打开并保存后再导入。"
    ),
    "tabular.error_value": (
        "此单元格显示的是Excel的错误值“{value}”（公式出错或引用的内容已不存在），"
        "按空值处理。请改正公式或直接填写内容。"
    ),
    "tabular.date_invalid": ("内容“{value}”不是有效日期。请写成如“2022-03-18”或“2022年3月18日”。"),
    "tabular.date_impossible": "日期“{value}”不存在：{year}年没有{month}月{day}日。请核对后重填。",
    "tabular.date_year_missing": (
        "日期“{value}”没有写年份，表格标题或统计时间中也找不到年份。请写成如“2023年1月5日”。"
    ),
    "tabular.date_month_only": "“{value}”只写了年月，按{year}年{month}月1日读取。",
    "tabular.date_year_only": (
        "“{value}”只写了年份，没有月和日，按{year}年1月1日读取。请补全日期，如“{year}-03-18”。"
    ),
    "tabular.date_in_numerals": "日期“{value}”用汉字数字书写，按{date}读取。",
    "tabular.date_short_year": "日期“{value}”的年份只写了后两位，按{year}年{month}月{day}日读取。",
    "tabular.date_century_missing": (
        "日期“{value}”的年份只写了后两位，表格标题或统计时间中也找不到年份，无法确定是哪一年。"
        "请写成如“2023年1月5日”。"
    ),
    "tabular.date_number_ambiguous": (
        "数字“{value}”按{read}读取。Excel会去掉小数末尾的0，若原意是{other}，"
        "请把该列设为文本格式后重填。"
    ),
    "tabular.integer_invalid": "内容“{value}”不是整数。",
    "tabular.time_invalid": "内容“{value}”不是有效时间。请写成如“09:30”或“下午3时”。",
    "tabular.time_in_date_unread": (
        "“{value}”中的时间“{time}”不是有效时间，只按日期读入，时间留空。"
        "请写成如“2024年7月5日 9:30”或“2024年7月5日下午3时”。"
    ),
    "tabular.number_invalid": "内容“{value}”不是数字。",
    "tabular.money_invalid": "内容“{value}”不是金额。请写成如“1200”“1,200.50元”“2万元”。",
    "tabular.money_approximate": "金额“{value}”是约数，已按{amount}元记录并标为约数。",
    "tabular.yes_no_invalid": "内容“{value}”应为“是”或“否”（也可写有/无、√/×、Y/N）。",
    "tabular.label_unrecognised": "内容“{value}”无法识别。可填写：{known}。",
    "tabular.label_likely_slip": (
        "内容“{value}”无法识别，可能是“{likely}”的笔误，请核对后改正（本格未按“{likely}”读取）。"
        "可填写：{known}。"
    ),
}

FILE_KIND_LABELS: dict[str, str] = {
    "csv": "CSV或纯文本",
    "html": "网页（HTML，常见于系统“导出Excel”）",
    "xls": "旧版Excel（.xls）文件",
    "xlsx": "新版Excel（.xlsx）文件",
    "zip": "其他类型的压缩包",
    "unknown": "无法识别的内容",
}
"""What a file named as a workbook really is, for ``tabular.not_a_workbook``."""
