"""Message templates: loading plugins (adapters).

Shown to whoever runs the ``socialwork`` command when a plugin could not be used; the technical
detail stays on :class:`socialwork_core.plugins.LoadProblem`.
"""

MESSAGES: dict[str, str] = {
    "plugins.import_failed": "插件“{plugin}”无法加载（{error}），已跳过；其余插件照常使用。",
    "plugins.duplicate_name": (
        "有两个插件都叫“{plugin}”（{origins}）；只使用了先找到的一个。请卸载或停用其中一个。"
    ),
    "plugins.hook_failed": (
        "插件“{plugin}”的 {hook} 出错（{error}），已停用该插件；其余插件照常使用。请联系该插件的维护者。"
    ),
    "plugins.hook_answer_wrong": (
        "插件“{plugin}”的 {hook} 返回了 {got}，应为 {expected}；已停用该插件，其余插件照常使用。"
        "请联系该插件的维护者。"
    ),
    "plugins.hook_invalid": "插件“{plugin}”的接口写法有误（{why}），已停用该插件；其余插件照常使用。",
    "plugins.unknown_hook": (
        "插件“{plugin}”实现了不存在的接口 {hook}{hint}，已停用该插件；其余插件照常使用。"
    ),
    "plugins.unmarked_hook": (
        "插件“{plugin}”的函数 {hook} 没有标记 @hookimpl，不会被调用；已停用该插件，其余插件照常使用。"
    ),
    "plugins.duplicate_region": (
        "插件“{plugin}”与“{other}”都声称服务“{claim}”，两者均已停用。"
        "请用环境变量 SOCIALWORK_DISABLED_PLUGINS 停用其中一个。"
    ),
    "plugins.duplicate_category": (
        "插件“{plugin}”声明的对象类别代码“{category}”已由插件“{other}”声明，已忽略“{plugin}”的这一项。"
    ),
    "plugins.message_refused": (
        "插件“{plugin}”提供的提示语“{message_code}”未被采用（与已有提示语冲突，或写法有误）；"
        "请联系该插件的维护者。"
    ),
    "plugins.national_default": "全国默认",
}
