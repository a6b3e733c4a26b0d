"""Message templates: checks on a recipient's categories, age, sex and birth date."""

MESSAGES: dict[str, str] = {
    "category.age_unknown": ("无法核对“{category}”的年龄条件：没有有效的身份证号或出生日期。"),
    "category.too_old": (
        "“{category}”要求年龄{rule}，但截至{as_of}此人已{age}岁。请核对类别是否应退出或调整。"
    ),
    "category.too_young": (
        "“{category}”要求年龄{rule}，但截至{as_of}此人只有{age}岁。请核对类别。"
    ),
    "category.extreme_poverty_work_capacity": (
        "“{category}”要求无劳动能力（{rule}），但截至{as_of}此人{age}岁，"
        "且没有符合条件的残疾（{disability}）。请核对。"
    ),
    "category.disabled_without_disability": "登记为“{category}”，但没有填写残疾类别和等级。",
    "category.subsistence_and_near": "同时登记为“低保对象”和“低保边缘”，二者不能同时成立。",
    "category.subsistence_and_extreme_poverty": (
        "同时登记为“低保对象”和“{category}”：同时符合两者条件的应纳入特困供养，一般不同时享受。"
        "请核对。"
    ),
    "category.orphan_and_unsupported": (
        "同时登记为“孤儿”和“事实无人抚养儿童”：两者的认定条件互不相同（父母是否死亡或宣告失踪），"
        "不能同时成立。请核对。"
    ),
    "recipient.sex_disagrees_with_id": "登记的性别“{declared}”与身份证号显示的“{derived}”不一致。",
    "recipient.birth_after_as_of": (
        "出生日期{birth}晚于核对日期{as_of}，不可能成立。请核对出生日期（如“195001”应写成1950年1月某日）。"
    ),
    "recipient.birth_before_earliest": (
        "出生日期{birth}早于{earliest}年，不可能成立。请核对出生日期。"
    ),
    "recipient.birth_date_disagrees_with_id": (
        "登记的出生日期{declared}与身份证号显示的{derived}不一致。"
    ),
    "recipient.birth_date_from_id": (
        "出生日期“{value}”只写了年份，没有月和日；年份与身份证号相符，按身份证号读作{derived}。"
        "请补全日期。"
    ),
}
