"""Message templates: roll-up over many ledgers (stations, files, months).

The codes are documented in ``socialwork_core.rollup``.
"""

MESSAGES: dict[str, str] = {
    "rollup.station_unattributed": (
        "“{sheet}”中有{count}条{kind}记录无法确定所属社工站（没有站点列，负责社工和表头的填报单位"
        "也未注明）。请补充“站点编码”列，或用 --station 指定本台账所属的社工站。"
    ),
    "rollup.station_not_listed": (
        "社工站“{name}”不在站点表或站点名单中，无法换成站点编码，暂按名称统计。"
        "请在站点表中登记该站点。"
    ),
    "rollup.file_unreadable": "文件“{path}”无法读取，已跳过：{problem}",
    "rollup.format_not_detected": "看不出这是哪种台账（表头与已安装的台账格式都不相符）。",
    "rollup.cross_station_duplicate": (
        "身份证号“{resident_id}”的服务对象在同一月份同时登记在“{first}”（{first_file}）和"
        "“{second}”（{second_file}），合计中只计一次。请核对是否重复登记。"
    ),
}

NUMBER_FIELDS: dict[str, tuple[str, ...]] = {
    "rollup.cross_station_duplicate": ("resident_id",),
}
"""The fields that hold an ID number (see ``identity.NUMBER_FIELDS``)."""
