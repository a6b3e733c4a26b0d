"""Message templates and synthetic words of the adapter conformance kit
(:mod:`socialwork_core.testing`).

The kit's failure messages are English (they are read by whoever writes an adapter); the Chinese
here is what the kit's *synthetic* ledgers hold: made-up names, places and notes, so that a
generated ledger looks like a station's own and exercises the same code paths.
"""

MESSAGES: dict[str, str] = {
    "testing.synthetic_unit": "{region}（合成测试数据）",
    "testing.contact_note": "入户了解近况，回访电话 {phone}，身份证 {resident_id}。",
    "testing.case_problem": "家庭关系紧张",
    "testing.case_goal": "恢复正常生活",
    "testing.case_closing": "目标达成",
}
"""Templates the kit fills: the reporting unit of a generated report, a visit note that quotes a
phone and an ID number (a report must mask both), case texts."""

FAMILY_NAMES: tuple[str, ...] = tuple("王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗")
"""Family names of the synthetic people."""

GIVEN_NAMES: tuple[str, ...] = (
    "建国",
    "秀英",
    "志强",
    "桂兰",
    "国庆",
    "玉梅",
    "永福",
    "淑珍",
    "海军",
    "美玲",
    "金水",
    "春花",
    "子轩",
    "欣怡",
    "树根",
    "翠萍",
)
"""Given names of the synthetic people."""

TOWNSHIP = "合成街道"
VILLAGES: tuple[str, ...] = ("东风社区", "红旗村", "新民村")
STATION_NAMES: tuple[str, ...] = ("合成县社工总站", "合成街道社工站", "东风社区社工点")
"""Station names by tier (county centre, township or street station, village or community point)."""
ETHNICITY = "汉族"
ADDRESS = "合成县合成街道{village}{number}号"
NEEDS = "生活照料"
ACTIVITY_TITLES: tuple[str, ...] = ("邻里节", "政策宣传", "助老服务", "志愿者培训")
GROUP_NAME = "成长小组"
PLACE = "社工站活动室"
RESOURCE_DESCRIPTION = "慰问物资（棉被）"
RESOURCE_PROVIDER = "合成慈善会"
RESOURCE_UNIT = "床"
PARTNER_ORGANISATIONS: tuple[str, ...] = ("合成社工服务中心", "合成青年协会")
PARTNER_CHARITIES: tuple[str, ...] = ("合成慈善会",)
PARTNER_VOLUNTEER_TEAMS: tuple[str, ...] = ("合成巾帼志愿服务队", "合成青年志愿服务队")
UNREGISTERED_PARTICIPANT = "合成路人"
"""A participant an activity names who is on no register (kept as written, flagged)."""
CAMPAIGN_ID = "A001"
"""The campaign or alert some generated visits and activities carry."""
PUBLICITY_WEEK_ID = "A002"
CAMPAIGN_TITLES: tuple[str, ...] = ("合成寒潮送温暖", "合成社工宣传周")
HANDOUT_ITEMS: tuple[tuple[str, str], ...] = (("暖心卡", "张"), ("宣传单", "张"), ("棉被", "床"))
"""Items the generated handouts give, with their units."""
UNREADABLE_DATE = "不是日期"
"""What the kit's field trial writes into a required date cell to make its row unreadable."""
EXTRA_HEADER = "合成备注"
"""A column no format knows: a generated register carries it, and a ledger must keep it (extras)."""
EXTRA_VALUE = "{village}网格"
