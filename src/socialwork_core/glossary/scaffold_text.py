"""Chinese words of ``socialwork new-adapter`` (:mod:`socialwork_core.scaffold`)."""

DEFAULT_PROVINCE = "示例省"
"""The region name a new adapter gets when none is given (change it in ``region.py``)."""

PROVINCE_SUFFIXES: tuple[str, ...] = (
    "壮族自治区",
    "回族自治区",
    "维吾尔自治区",
    "自治区",
    "特别行政区",
    "省",
    "市",
)
"""What a province-level name ends with, longest first: 四川省 → 四川 in titles and labels."""
