"""Message templates: rules (grading, visit requirements, the due list)."""

MESSAGES: dict[str, str] = {
    "rules.no_rule_set_in_effect": "{as_of}没有生效的规则集（已有：{known}）。",
    "rules.reason": "{level}：{rule}（{inputs}；规则集：{rule_set} {version}）",
    "rules.override": "{by}于{on}将等级人工调整为{level}，理由：{reason}（系统评定为{computed}）",
}
