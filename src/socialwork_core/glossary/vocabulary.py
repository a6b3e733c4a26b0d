"""Words recognised when reading ledgers (Chinese data, kept here beside the labels).

Each block names the module that uses it. Matching is done on the stripped cell text; the
sets below hold every accepted spelling, so adding one here is all it takes to accept it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

# --- socialwork_core.tabular.cells: yes/no cells -------------------------------------------------

YES_WORDS: frozenset[str] = frozenset(
    {"是", "有", "√", "✓", "✔", "对", "Y", "y", "YES", "Yes", "yes", "TRUE", "True", "true"}
)
"""Cell texts read as yes (True)."""

NO_WORDS: frozenset[str] = frozenset(
    {"否", "无", "没有", "×", "✗", "✘", "N", "n", "NO", "No", "no", "FALSE", "False", "false"}
)
"""Cell texts read as no (False)."""

DONE_PREFIX = "已"
"""A yes/no cell that says what was done (已转移, 已协助转移) reads as yes."""
NOT_DONE_PREFIXES: tuple[str, ...] = ("未", "不", "没", "无需", "无须")
"""A yes/no cell that says it was not done or not needed (未转移, 不需要, 无需转移) reads as no."""

YES_TEXT = "是"
"""How the writer renders True in a yes/no column."""
NO_TEXT = "否"
"""How the writer renders False in a yes/no column."""

# --- socialwork_core.tabular.reader: rows that are not data --------------------------------------

FOOTER_KEYWORDS: tuple[str, ...] = (
    "合计",
    "总计",
    "小计",
    "填表人",
    "填报人",
    "制表人",
    "审核人",
    "负责人签字",
    "填报日期",
    "填表日期",
    "制表日期",
    "备注:",
    "备注：",
    "说明:",
    "说明：",
    "备注",
    "注:",
    "注：",
    "共计",
    "经办人",
    "负责人",
    "审核：",
    "审核:",
    "分管领导",
    "单位负责人",
    "填报说明",
    "填表说明",
)
"""A row whose first non-empty cell starts with one of these (spaces ignored) is a footer or total
row: reported as skipped, never read as data."""

NON_DATA_ROW_KINDS: dict[str, str] = {
    "repeated_header": "重复的表头行",
    "section": "分组标题行",
    "hint": "填写说明或示例行",
    "field_codes": "字段代码行",
}
"""How ``tabular.non_data_row_skipped`` names the kinds of row that are not data."""

SECTION_NUMBERING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d+\s*[、．](?!\d))"
)
"""How a section heading row starts (一、 （二） 3、): a heading, not a person."""

SECTION_COUNT = re.compile(
    r"[（(]\s*共?\s*\d+\s*[人户名个]?\s*[）)]\s*$|[:：]?\s*共?\s*\d+\s*[人户名]\s*$"
)
"""A count closing a section heading (“（10人）”): not part of the section's name."""

SECTION_INITIALS: frozenset[str] = frozenset("一二三四五六七八九十（(")
"""The first characters of a numbered section heading."""

TICKS: frozenset[str] = frozenset(
    {"√", "✓", "✔", "☑", "■", "●", "v", "V", "y", "Y", "是", "有", "1"}
)
"""A cell under a column headed by a value (a category's tick column) that says “yes”."""

NO_TICKS: frozenset[str] = frozenset({"×", "✗", "✘", "x", "X", "否", "无", "0", "/", "-", "—"})
"""A cell under such a column that says “no”."""

HINT_WORDS: tuple[str, ...] = (
    "必填",
    "选填",
    "可多选",
    "单选",
    "多选",
    "下拉选择",
    "请选择",
    "请填写",
    "填写",
    "格式",
    "如:",
    "例:",
)
"""Words of a row of hints a template writes under its header (“必填”, “可多选，用顿号分隔”,
“格式：2024-01-01”; compared after NFKC, so ： is :)."""
EXAMPLE_MARKS: frozenset[str] = frozenset(
    {"示例", "例", "样例", "范例", "举例", "例如", "填写示例"}
)
"""The first cell of an example row a template writes under its header (示例 | 张某某 | …)."""
FIELD_CODE = re.compile(r"[A-Za-z][A-Za-z0-9_]{1,19}")
"""A system's code of a field, as an export writes a row of them under the header (XM under 姓名,
SFZHM under 公民身份号码, LXDH under 联系电话)."""
VALUE_CODE = re.compile(r"\d{1,3}")
"""A value written as a code (01 for 低保, 1 for 入户走访), as a system exports a column of words:
read through the workbook's legend of the codes (``tabular.legends``)."""
FIELD_CODES_AT_LEAST = 3
"""Codes a row must hold, and nothing else, to be a row of field codes."""

QUESTION_PREFIXES: tuple[str, ...] = ("是否为", "是否属于", "是否")
"""How a header asks a yes-or-no question of a value (是否低保, 是否残疾人): such a column is a tick
column of the field that reads the value, its cells ticks and crosses (longest prefix first)."""

# --- socialwork_core.tabular.cells: multi-valued cells -------------------------------------------

TEXT_CLAUSE_MARKS = "。.！!？?：:"
"""Where a free-text cell's clauses end besides the list separators (独居。低保户，腿脚不便)."""
LIST_SEPARATORS: str = "、，,/;；+|&\n "
"""Characters that separate the values of a multi-valued cell (“低保、特困”, “低保+残疾”, “低保|残疾”;
cells are compared after NFKC, so ＋, ／ and ｜ count too); any space counts too (full-width ones
included)."""

NAME_SEPARATORS = "、，,/;；"
"""Where a cell naming several people is split (陈大明、李秀英); never at a space, which may stand
inside one name (陈 大明)."""

LIST_JOINER = "、"
"""How the library joins several values in one cell (writing multi-valued cells, listing labels)."""
GROUP_JOINER = "；"
"""Between lists that are each joined by ``LIST_JOINER`` (服务对象←“甲”、“乙”；探访记录←“丙”)."""

# --- socialwork_core.tabular.cells: dates ---------------------------------------------------------

# --- socialwork_core.periods: periods as workers write them (2023年3月, 2023年第一季度 …) ------------

PERIOD_WHOLE_YEAR = "年度"
PERIOD_MONTH_TAIL = "份"
"""As in 2023年3月份."""
PERIOD_ORDINAL = "第"
PERIOD_QUARTER = "季度"
PERIOD_QUARTER_SHORT = "季"
PERIOD_HALVES: Mapping[str, int] = MappingProxyType({"上半年": 1, "下半年": 2})
PERIOD_WEEK = "周"
PERIOD_NUMERALS: Mapping[str, int] = MappingProxyType({"一": 1, "二": 2, "三": 3, "四": 4})
"""Quarters written in words: 2023年第一季度."""
PERIOD_RANGE_SEPARATORS: tuple[str, ...] = ("..", "至", "到", "~", "～", "—", "－")
"""Between the two dates of a range: 2023年3月1日至2023年3月31日."""
PERIOD_UP_TO: tuple[str, ...] = ("..", "截至", "截止到", "截止")
"""Before a date for a cumulative period to it: ..2023-06-30, 截至2023年6月30日."""
PERIOD_UP_TO_WRITTEN = "截至"
"""A cumulative period from the start of records, as a form's period line writes it."""

DATE_YEAR = "年"
DATE_MONTH = "月"
DATE_DAY = "日"
"""The characters of the written date form 2022年3月18日."""
DATE_DAY_SPOKEN = "号"
"""The spoken form of 日, also written in ledgers: 2023年1月5号."""
DATE_PART_HEADERS: Mapping[str, str] = MappingProxyType(
    {"年": "year", "年份": "year", "月": "month", "月份": "month", "日": "day", "号": "day"}
)
"""The headers of a date written over part columns (走访时间 over 月 | 日) → which part each is."""
DATE_SEPARATORS = "-/."
"""Between the numbers of a date written in figures: 2023-1-5, 2023/1/5, 2023.1.5, 4.8, 1/5."""
CHINESE_DIGITS = "〇零一二三四五六七八九十"
"""Chinese numerals, as a header counts repeated columns with them (第一次走访, 第二次走访)."""
CHINESE_DIGIT_VALUES = "〇一二三四五六七八九"
"""Each numeral at the place of its value (零 is 〇 too): a year written digit by digit
(二〇二四年), a month or day counted with 十 (十二月, 二十五日)."""
CHINESE_ZERO_SPOKEN = "零"
CHINESE_TEN = "十"
CHINESE_TWO_SPOKEN = "两"
"""Two as a clock counts it (下午两点): 二 everywhere else."""
CHINESE_TENS: Mapping[str, int] = MappingProxyType({"廿": 20, "卅": 30})
"""The old single characters for twenty and thirty (廿五日)."""
DATE_TIMES_OF_DAY: tuple[str, ...] = ("上午", "下午", "中午", "早上", "晚上")
"""The part of the day a visit log may write after a date (2024-6-5 上午). Alone it is no time of
day (the visit keeps its day only); before a clock it says which half of the day the clock counts
(下午3时 is 15:00)."""
DATE_AFTERNOON_BELOW: Mapping[str, int] = MappingProxyType({"下午": 12, "晚上": 12, "中午": 6})
"""A part of the day whose clock hours below the number are afternoon hours (下午3时, 晚上8点,
中午1点: 12 added); 中午12点 and 中午11点 are as written."""
DATE_MORNING: tuple[str, ...] = ("上午", "早上")
"""A part of the day that holds morning hours only: 上午15:00 contradicts itself (not read)."""
DATE_WEEK_WORDS: tuple[str, ...] = ("星期", "礼拜", "周")
DATE_WEEKDAY_NAMES = "一二三四五六日天"
"""A weekday written after a date (2024年6月5日（星期三）, 2024-06-05 周三): dropped."""
DATE_CLOCK_HOUR = "时点"
DATE_CLOCK_MINUTE = "分"
DATE_CLOCK_HALF = "半"
"""A time in words (上午9时, 9点30分, 9点半), read as 9:30 is."""
DATE_CLOCK_RANGE = "-~至到"
"""Between the two times of a visit's span (9:30-10:30, 9时至10时): its start is the visit's time."""

# --- socialwork_core.tabular.cells: money ---------------------------------------------------------

YUAN = "元"
"""The unit yuan; a trailing 元 is accepted and dropped."""
WAN = "万"
"""Ten thousand: “2万元” is 20000 yuan."""
CURRENCY_SIGNS: frozenset[str] = frozenset({"¥", "￥", "RMB", "人民币"})
"""Currency marks accepted before an amount."""
APPROXIMATE_AFTER: frozenset[str] = frozenset({"余", "多", "来", "左右", "以上"})
"""Words after a figure that make it approximate (“2万余元”, “50多万元”, “3000元左右”)."""
APPROXIMATE_BEFORE: frozenset[str] = frozenset({"约", "大约", "近", "超过"})
"""Words before a figure that make it approximate (“约3000元”)."""
APPROXIMATE_WRITTEN = "余"
"""How the writer marks an approximate amount so that it reads back as approximate (“20000余元”)."""

# --- socialwork_core.tabular.writer: report title block and footer --------------------------------

REPORTING_UNIT_LABEL = "填报单位："
PERIOD_LABEL = "统计期间："
PREPARER_LABEL = "填表人："
REVIEWER_LABEL = "审核人："
FILLED_ON_LABEL = "填报日期："
FOOTER_GAP = "    "
"""The footer line of an official form: 填表人：…    审核人：…    填报日期：…"""
HEAD_LABEL = "负责人："
SEAL_LABEL = "单位（盖章）："
SIGNED_ON_LABEL = "日期："
"""The signature block of a report: 填表人、审核人、负责人、单位（盖章）、日期."""
NOTHING_THIS_PERIOD = "本期无"
"""Under a report section with nothing to show, so the printed form says so (a worker writes it)."""
PAGE_NUMBERS = "第 &P 页 共 &N 页"
"""The printed page footer (&P the page, &N the number of pages, in Excel's header codes)."""
COMMENT_AUTHOR = "台账检查"
"""The author shown on a cell comment the library writes (a problem found in that cell)."""


def written_date(year: int, month: int, day: int) -> str:
    """A date as official forms write it: 2022年3月18日."""
    return f"{year}{DATE_YEAR}{month}{DATE_MONTH}{day}{DATE_DAY}"


def written_month(year: int, month: int) -> str:
    """A month as people write it: 1945年3月."""
    return f"{year}{DATE_YEAR}{month}{DATE_MONTH}"


def written_day(month: int, day: int) -> str:
    """A day without its year: 5月20日."""
    return f"{month}{DATE_MONTH}{day}{DATE_DAY}"


# --- socialwork_core.ledger.conversion: categories the target layout cannot hold --------------------

ORIGINAL_CATEGORY_HEADER = "原对象类别"
"""The extra column that keeps a local category's own label when a conversion maps it to a
national category."""

# --- socialwork_core.rollup.attribution: where a workbook names its station ---------------------

UNIT_LINE_PATTERN = r"(?:填报|报送|统计)?单位\s*[:：]\s*(\S+)"
"""A 填报单位 line above a sheet's header (“填报单位：高峰街道社工站    统计截至：…”)."""

STATION_NAME_ENDINGS: tuple[str, ...] = (
    "社会工作服务站",
    "社工服务站",
    "社工总站",
    "社工站",
    "社工室",
    "社工点",
)
"""How a station's name ends: a title names its station up to these words."""

VILLAGE_POINT_ENDINGS: tuple[str, ...] = ("社工点", "社工室")
"""A station list's name ending in these is a village point."""

STATION_LIST_SHEETS: tuple[str, ...] = ("站点名单", "社工站点", "站点")
"""Sheets a station list file holds its stations in (else found by headers)."""

STATION_LIST_HEADERS: dict[str, tuple[str, ...]] = {
    "code": ("站点编码", "编码", "代码"),
    "name": ("站点名称", "名称", "社工站"),
    "parent_code": ("上级站点编码", "上级编码"),
}
"""The columns of a station list file."""

# --- socialwork_core.tabular.headers: headers by meaning -----------------------------------------

SPAN_ENDS: Mapping[str, str] = MappingProxyType({"结束": "开始", "截止": "起始"})
"""A word of a header naming the end of a span → the word naming its start (结束时间 → 开始时间):
a column for the end is read for the start's field when the table has no column of its own for
it (``tabular.headers``)."""
HEADER_QUALIFIERS: tuple[str, ...] = (
    "下次",
    "计划",
    "预计",
    "上次",
    "原",
    "曾用",
    "拟",
    "户编号",
    "户号",
)
"""Words that turn a header into another thing (下次探访时间 is not the visit's date; 户编号
numbers a household, which several people on a register share, not a person's record)."""

VISIT_MARK = "访"
"""What every word for a visit holds (走访, 探访, 家访, 回访, 巡访, 随访, 访视): a register's date
column headed with it, or under a heading with it, is a visit's date (``ledger.onesheet``)."""

VISIT_ACCOUNT_WORDS = ("情况", "记录")
"""What a register's column naming visits (``VISIT_MARK``) says to hold their account (走访情况,
探访记录), not a person (走访员): with no visit date column, its cells write the visits
(3月5日入户；3月20日电话回访: ``ledger.onesheet``)."""

VISIT_TEXT_PARTS = re.compile(r"[；;\n]+")
"""What separates the visits written in one cell (3月5日入户；3月20日电话回访)."""

VISIT_TEXT_DAY = re.compile(
    r"(?:(?P<year>\d{4})[年./-])?(?:(?P<month>\d{1,2})[月./-])?(?P<day>\d{1,2})(?P<mark>[日号])?"
)
"""A visit's day at the start of a part of a cell (NFKC): 2024年3月5日, 3月5日, 3.5, or 5日 (5号)
in a month's column; what follows is its mode (入户, 电话回访)."""

MONTH_HEADER = re.compile(r"(1[0-2]|[1-9])月份?")
"""A column headed by a month (3月, 3月份), as a month matrix of visits heads its columns."""


HEADER_MATCH_REASONS: dict[str, str] = {
    "brackets": "括号内的说明不计",
    "contains": "列名包含“{accepted}”",
    "within": "列名是“{accepted}”的简写",
    "similar": "列名与“{accepted}”相近",
    "values": "{share}%的值符合",
    "mapping": "按映射文件",
    "context": "与“{accepted}”只差表中各列共有的词",
    "stands_in": "表中没有这一列，以此列代替",
    "initials": "列名是“{accepted}”的拼音首字母",
    "span_end": "表中没有“{accepted}”列，以结束的时间代替",
    "and": "，且",
}
"""How ``tabular.column_read_as`` says why a column was read as a field."""

IN_VILLAGE = "村居“{village}”中"
"""How ``ledger.recipient_ambiguous`` names the village it looked in."""

HEADER_MARKS = "*＊※★☆:：·.、"
"""Marks stripped at both ends of a header (a required-field star, a colon)."""

HEADER_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|<[^<>]*>|〈[^〈〉]*〉")
"""A bracketed part of a header (after NFKC): a unit or a remark, not the column's meaning."""

VILLAGE_NAME = r"(村|社区|居委会|居|屯|组)$"
"""How a village's name ends: a section heading so named carries its village to the rows below."""

YEAR_IN_TITLE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
"""A year named in a sheet's title, its name or the file's name (“2024年第二季度”): the year of a
date written without one (“4月8日”, “5.20”) on that sheet."""

READ_FROM = "←"
"""Between a record kind and the sheet it was read from (“服务对象←“花名册””)."""

AGE_UNKNOWN = "本行没有出生日期或有效的身份证号"
AGE_BETWEEN = "本人{age}岁"
AGE_NO_YEAR = "表名、标题和建档日期都没有写明年份，无法计算年龄"
"""Why a word only the age settles (留守) was left unread: ``ledger.category_age_unsettled``."""

REMARKED = "{word}({remark})"
"""A word with its remark, as the reader joins a word written under a heading to the heading."""

BRACKETED_REMARK = re.compile(r"(.+?)\s*[（(](.+?)[）)]")
"""A value followed by a bracketed remark (“特困（残）”): the value, and the remark, which may be a
value of its own (重残) or only a note (散居)."""

HEADER_BRACKET_CHARACTERS = "()[]【】<>〈〉"
"""Bracket characters a header may be read without, its words kept (所属村(居) → 所属村居)."""

# --- socialwork_core.ledger.more_sheets: what a sheet's name says --------------------------------

SHEET_NAME_SUFFIXES: tuple[str, ...] = (
    "人员名单",
    "对象名单",
    "花名册",
    "名单",
    "名册",
    "台账",
    "信息表",
    "登记表",
    "汇总表",
    "明细",
    "信息",
    "清单",
    "表",
)
"""Words a register sheet's name may end with after its category (低保对象名单, 特困人员花名册):
left out before the name is read as a category."""

SHEET_NAME_YEAR = re.compile(r"(20\d{2}|19\d{2})\s*年?(度)?")
"""A year in a sheet's name (2023年, 2024): sheets of one kind naming different years are not
one table continued."""

SHEET_COPY_WORDS: tuple[str, ...] = (
    "备份",
    "副本",
    "旧",
    "原表",
    "草稿",
    "作废",
    "模板",
    "样表",
    "示例",
)
"""Words naming a sheet as a copy or a draft beside the table (名单备份, 旧名单): not read as more
of it (each person on it would be a duplicate)."""

SHEET_COPY_NUMBER = re.compile(r"\s*[(（]\d+[)）]\s*$")
"""How Excel names a copied sheet (花名册 (2))."""

# --- socialwork_core.reports.masking: a name typed where no name belongs ----------------------------

COMMON_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武"
    "戴莫孔汤温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅"
    "童凌毕季裴霍涂成苗谷盛曲翁冉骆蓝游辛靳柴蒙鲍华喻祁蒲房滕屈饶牟艾尤穆司卓吉缪芦麦褚娄窦戚岑景宫费"
    "卜冷晏席卫米柏宗瞿桂佟臧闵苟邬卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池苑迟邝"
)
"""Family names most people in China bear (about nine in ten): a cell quoted in a message whose
text is two to four Chinese characters starting with one is taken for a person's name typed in
the wrong column, and shortened as names are. Family names that start many words (明天, 时间,
全部, 查无) are left out: such a cell is quoted as written."""
COMPOUND_SURNAMES: tuple[str, ...] = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "慕容",
)
"""Family names of two characters (欧阳娜娜)."""
