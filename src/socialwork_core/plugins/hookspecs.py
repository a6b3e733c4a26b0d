"""The hook specifications: what a plugin (an adapter) may provide.

Every hook's name starts with ``socialwork_``. The core calls hooks with keyword arguments only
(through :class:`socialwork_core.plugins.Plugins`), so a later version may add arguments: an
implementation names only the arguments it uses.

Each hook's return annotation is checked at run time: every answer is compared with it
(:mod:`socialwork_core.plugins.answers`) and a wrong one names the plugin and the hook. A hook
without arguments is asked once per plugin while plugins load (a field of
:class:`~socialwork_core.plugins.contributions.Contributions`), and its answer is kept.

The specification marker is private; plugins use the public :data:`~socialwork_core.plugins.hookimpl`.
See ``docs/plugin_hooks.md`` for each hook with a runnable example.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

import pluggy

from .markers import PROJECT_NAME

if TYPE_CHECKING:
    import cattrs

    from ..findings import Finding
    from ..grading import RuleSet
    from ..ledger import LedgerFormat
    from ..recipients import Recipient
    from ..reports import ReportTemplate
    from .values import CategoryDefinition, Region

_hookspec = pluggy.HookspecMarker(PROJECT_NAME)


@_hookspec
def socialwork_region() -> Region | None:
    """The region this plugin's adapter serves.

    Returns a :class:`~socialwork_core.plugins.Region` (code, Chinese name, GB/T 2260 division code
    prefixes, adapter name and version, week start, station tiers), or ``None`` for a plugin that
    serves no region of its own (one that only adds checks, say). Every plugin is asked; two
    plugins claiming one region code is a load problem naming both.

    Called once per plugin while plugins load; the answer is kept for the life of the facade.

    Example::

        @hookimpl
        def socialwork_region():
            return Region(code="zhejiang", name="浙江省", division_codes=("33",),
                          adapter="socialwork-zhejiang", adapter_version="0.1.0")
    """


@_hookspec
def socialwork_ledger_formats() -> list[LedgerFormat]:  # type: ignore[empty-body]
    """The ledger layouts (台账格式) this plugin's region uses.

    Returns a list of :class:`~socialwork_core.ledger.LedgerFormat` values: per record kind a
    sheet with its columns and their synonyms. Contributions are collected from every plugin and
    kept apart by plugin; a region without formats uses the national default's.

    Called once per plugin while plugins load; the answer is kept and given when a ledger is read
    or written for a region, or a workbook's format is being detected.

    Example::

        @hookimpl
        def socialwork_ledger_formats():
            return [ZHEJIANG_FORMAT]
    """


@_hookspec
def socialwork_extra_categories() -> list[CategoryDefinition]:  # type: ignore[empty-body]
    """Local recipient categories (对象类别) the region adds to the national ones.

    Returns a list of :class:`~socialwork_core.plugins.CategoryDefinition` (code, Chinese label,
    optional national parent, optional age rule, synonyms). Collected from every plugin; a code
    declared by two plugins is a load problem.

    Called once per plugin while plugins load (a code declared twice is found then); the answer is
    kept and serves when recipients are checked (age rules) and when a ledger is converted to
    another region's layout (local categories mapped to their national parent). Category cells
    are read through the ledger format's labels, not this hook.

    Example::

        @hookimpl
        def socialwork_extra_categories():
            return [CategoryDefinition(code="zhejiang.near_low_income", label="低边户")]
    """


@_hookspec
def socialwork_rule_sets() -> list[RuleSet]:  # type: ignore[empty-body]
    """The grading rule sets (服务等级规则) of the region, one per version.

    Returns a list of :class:`~socialwork_core.grading.RuleSet` (each with its name, version and
    the date it takes effect); an empty list means the region grades with the national default
    rule set. Collected from every plugin and kept apart by plugin.

    Called once per plugin while plugins load; the answer is kept and serves when recipients are
    graded for a region at an as-of date (the rule set in force on that date is chosen).

    Example::

        @hookimpl
        def socialwork_rule_sets():
            return [ZHEJIANG_RULES_2024]
    """


@_hookspec
def socialwork_report_templates() -> list[ReportTemplate]:  # type: ignore[empty-body]
    """The report templates (报表) the region files.

    Returns a list of :class:`~socialwork_core.reports.ReportTemplate`. Collected from every plugin
    and kept apart by plugin.

    Called once per plugin while plugins load; the answer is kept and serves when reports are
    listed or produced for a region.

    Example::

        @hookimpl
        def socialwork_report_templates():
            return [ZHEJIANG_MONTHLY]
    """


@_hookspec
def socialwork_check_recipient(recipient: Recipient, as_of: date) -> list[Finding]:  # type: ignore[empty-body]
    """Extra checks on one recipient at an as-of date, beyond the national category checks.

    :param recipient: the person as read from a ledger.
    :param as_of: the date the check is made for (ages are computed against it).
    :returns: a list of :class:`~socialwork_core.findings.Finding` (warnings or infos; an empty
        list when all is well). Collected from every plugin, or from one adapter when the caller
        scopes the check to a region. Never change the recipient.

    Called for each recipient of a loaded ledger at the ``--as-of`` date by ``socialwork
    validate`` (through :func:`socialwork_core.ledger.check_recipients`), and by the conformance
    kit. Age rules of local categories are checked by the core from their definitions: no need to
    repeat them here.

    Example::

        @hookimpl
        def socialwork_check_recipient(recipient, as_of):
            if recipient.holds("zhejiang.near_low_income") and not recipient.phones:
                # the template of "zhejiang.no_phone" comes from socialwork_messages
                return [Finding.of("zhejiang.no_phone", Severity.INFO, name=recipient.name)]
            return []
    """


@_hookspec
def socialwork_messages() -> dict[str, str]:  # type: ignore[empty-body]
    """The message templates of the finding codes this plugin reports.

    :returns: finding code → the Chinese sentence shown to a station worker, a ``str.format``
        template with plain fields (``{name}``) filled from the finding's parameters. Name codes
        after the adapter (``zhejiang.no_phone``). A code the library defines, or one another
        plugin registered with different words, is refused (a load problem).

    Called once per plugin while plugins load. The facade keeps the templates (not a process-wide
    table) and, while it calls a plugin's hooks, ``Finding.of(code, severity, **params)`` renders
    this plugin's codes like the library's own (as in :func:`socialwork_check_recipient`).
    :meth:`Plugins.messages` lists them; :meth:`Plugins.speaking` makes them known elsewhere.

    Example::

        @hookimpl
        def socialwork_messages():
            return {"zhejiang.no_phone": "{name}没有联系电话，低边户需要定期电话回访。"}
    """


@_hookspec
def socialwork_configure_converter(converter: cattrs.Converter) -> None:
    """Add rules to the library's cattrs converter (for a record type the adapter defines, say).

    :param converter: a converter already configured with the library's rules; change it in place.
    :returns: nothing.

    Called by every plugin each time :meth:`Plugins.make_converter` builds a converter.

    Example::

        @hookimpl
        def socialwork_configure_converter(converter):
            converter.register_unstructure_hook(Village, lambda v: v.code)
    """


@_hookspec(firstresult=True)
def socialwork_detect_format(
    headers: Mapping[str, Sequence[str]],
) -> str | None:
    """Claim a workbook: name the ledger format it is written in, from its sheets' header texts.

    Stops at the first non-None result. Adapters with distinctive columns (Guangdong's 跟进级别,
    say) should answer before the national default, which is marked ``trylast``.

    :param headers: sheet name → the non-empty texts of the sheet's first rows (where the header
        row is looked for), in order.
    :returns: the ``name`` of one of this plugin's ledger formats, or ``None`` when the plugin
        does not recognise the workbook.

    Called when a ledger is opened without saying which format it uses.

    Example::

        @hookimpl
        def socialwork_detect_format(headers):
            texts = {text for row in headers.values() for text in row}
            return "zhejiang_register" if "低边户类型" in texts else None
    """
