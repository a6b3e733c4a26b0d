"""Message templates of ``socialwork new-adapter`` (:mod:`socialwork_core.scaffold`)."""

MESSAGES: dict[str, str] = {
    "scaffold.bad_name": (
        "适配器名称“{name}”不合适：请用小写英文字母、数字和下划线写地区代码，如 sichuan、chengdu。"
    ),
    "scaffold.bad_division": (
        "行政区划代码“{division}”不合适：请写 GB/T 2260 的 2、4 或 6 位代码，如四川省 51、成都市 5101。"
    ),
    "scaffold.bad_province": "地区名称“{province}”不合适：请写中文名称，如“四川省”。",
    "scaffold.exists": "文件夹 {path} 已存在，未作任何改动：请换一个目录，或先移走它。",
}
"""Why an adapter package could not be written."""
