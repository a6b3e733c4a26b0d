"""Message templates: resident ID numbers, phone numbers and disability certificates."""

MESSAGES: dict[str, str] = {
    "resident_id.empty": "身份证号为空。",
    "resident_id.stored_as_number": (
        "身份证号“{value}”被Excel存成了数字，最后几位已经丢失，无法恢复。"
        "请把该单元格设为“文本”格式后重新录入完整的18位号码。"
    ),
    "resident_id.bad_characters": (
        "身份证号“{value}”含有不允许的字符“{characters}”：只能是数字，最后一位可以是X。"
    ),
    "resident_id.wrong_length": "身份证号“{value}”有{length}位，应为18位（旧证15位）。",
    "resident_id.impossible_birth_date": "身份证号“{value}”中的出生日期“{birth}”不存在。",
    "resident_id.unknown_area_code": (
        "身份证号“{value}”的地区码“{area}”不在行政区划代码表中（可能是已撤销的旧代码），请核对。"
    ),
    "resident_id.wrong_check_character": (
        "身份证号“{value}”的校验位不对：最后一位应为“{expected}”，请核对是否录错了某一位。"
    ),
    "resident_id.upgraded_from_15": (
        "15位旧身份证号“{value}”已按国家标准升级为18位“{upgraded}”，请核对后更新台账。"
    ),
    "phone.invalid": "联系电话“{value}”不是有效的手机号或固定电话号码。",
    "disability.certificate_wrong_length": "残疾人证号“{value}”应为20位（18位身份证号+类别位+等级位）。",
    "disability.certificate_bad_kind": "残疾人证号“{value}”的第19位（残疾类别）应为1到7，实际为“{digit}”。",
    "disability.certificate_bad_grade": "残疾人证号“{value}”的第20位（残疾等级）应为1到4，实际为“{digit}”。",
    "disability.certificate_other_person": (
        "残疾人证号“{value}”的前18位与本人身份证号“{resident_id}”不一致。"
    ),
    "disability.certificate_disagrees": (
        "残疾人证号“{value}”表示“{certificate}”，与登记的“{declared}”不一致。"
    ),
    "disability.label_unrecognised": "无法识别残疾类别等级“{value}”，应写成如“肢体二级”“精神三级”。",
}

NUMBER_FIELDS: dict[str, tuple[str, ...]] = {
    "resident_id.stored_as_number": ("value",),
    "resident_id.bad_characters": ("value",),
    "resident_id.wrong_length": ("value",),
    "resident_id.impossible_birth_date": ("value",),
    "resident_id.unknown_area_code": ("value",),
    "resident_id.wrong_check_character": ("value",),
    "resident_id.upgraded_from_15": ("value", "upgraded"),
    "phone.invalid": ("value",),
    "disability.certificate_wrong_length": ("value",),
    "disability.certificate_bad_kind": ("value",),
    "disability.certificate_bad_grade": ("value",),
    "disability.certificate_other_person": ("value", "resident_id"),
    "disability.certificate_disagrees": ("value",),
}
"""The fields of these messages that hold an ID, certificate or phone number as written, typos and
all (a letter among the digits, a digit left out): what the command line prints masks each whole,
where masking free text would not know it for a number."""
