"""Write the generated pages of docs/ from the code, so they never drift:

- ``docs/glossary.md`` from ``socialwork_core.glossary``'s enumerations and the record kinds;
- ``docs/ledger-formats.md`` from the built-in adapters' ledger formats (their column
  specifications), local categories and report templates;
- ``docs/rules.md`` from the rule sets the built-in adapters use (rules, levels, visit policy),
  under a hand-written account of where each rule comes from.

Run: ``python docs/generate.py`` (tests fail when a page is out of date).
"""

from __future__ import annotations

import sys
from pathlib import Path

from socialwork_core.glossary import ContactMode, enumerations
from socialwork_core.grading import RuleSet
from socialwork_core.ledger import FieldColumn, LedgerFormat, SheetFormat
from socialwork_core.plugins import AdapterInfo, Plugins, load_plugins
from socialwork_core.record_kinds import RECORD_KINDS
from socialwork_core.schedule import CalendarPeriod, Deadline, RollingPeriod

DOCS = Path(__file__).resolve().parent
PAGE = DOCS / "glossary.md"
FORMATS_PAGE = DOCS / "ledger-formats.md"
RULES_PAGE = DOCS / "rules.md"

BUILT_IN_DISTRIBUTION = "socialwork-core"
"""Only the adapters shipped in this distribution are documented here, whatever else is installed
(a regional team documents its own adapter)."""


def render() -> str:
    lines = [
        "# Glossary (术语表)",
        "",
        "Generated from `socialwork_core.glossary.enumerations()` by `docs/generate.py`; do not edit by",
        "hand. Codes are what the library stores and serialises; labels are what users read.",
        "",
    ]
    for obj in enumerations():
        doc = (obj.__doc__ or "").strip().splitlines()[0]
        lines += [f"## `{obj.__name__}`", "", doc, "", "| code | 中文 |", "|---|---|"]
        lines += [f"| `{member.value}` | {member.label} |" for member in obj]
        lines.append("")
    lines += [
        "## `RecordKind`",
        "",
        "The kinds of record a ledger holds: one row each in `socialwork_core.record_kinds`.",
        "",
        "| code | 中文 | in a not-computable reason |",
        "|---|---|---|",
    ]
    lines += [f"| `{s.code}` | {s.label} | {s.in_reasons} |" for s in RECORD_KINDS]
    lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _values(column: FieldColumn) -> str:
    parts = []
    if column.enum is not None:
        name = column.enum.__name__
        parts.append(f"labels of [`{name}`](glossary.md#{name.lower()})")
    if column.word_meaning() is not None:
        parts.append("other words by their meaning ([below](#values-by-meaning))")
    if column.labels:
        own = ", ".join(f"{text} → `{code}`" for text, code in column.labels.items())
        parts.append(("also " if parts else "") + own)
    return _cell("; ".join(parts))


def _sheet(sheet: SheetFormat) -> list[str]:
    need = "required" if sheet.required else "optional"
    names = " / ".join(f"`{n}`" for n in sheet.sheet_names)
    lines = [
        f"### {sheet.kind.label} (`{sheet.kind.value}`, {need})",
        "",
        f"Sheet named {names}, else the sheet whose headers match.",
        "",
        "| field | header written | also accepted | type | required | several per cell | values |",
        "|---|---|---|---|---|---|---|",
    ]
    for column in sheet.columns:
        lines.append(
            "| "
            + " | ".join(
                [
                    f"`{column.field}`",
                    _cell(column.header),
                    _cell("、".join(column.headers[1:])),
                    f"`{column.type.value}`",
                    "yes" if column.required else "",
                    "yes" if column.multi else "",
                    _values(column),
                ]
            )
            + " |"
        )
    lines.append("")
    return lines


def _format(fmt: LedgerFormat) -> list[str]:
    lines = [f"## Ledger format `{fmt.name}`", ""]
    for sheet in fmt.sheets:
        lines += _sheet(sheet)
    return lines


def _adapter(plugins: Plugins, info: AdapterInfo) -> list[str]:
    region = info.region
    lines = [f"# Adapter `{info.name}`", ""]
    name = f"{region.name}. " if region is not None else ""
    lines.append(f"{name}Version {info.version}; entry point `{info.origin.entry_point}`.")
    if region is not None:
        divisions = ", ".join(region.division_codes) or "none (the national default)"
        lines.append(f"Region `{region.code}`, GB/T 2260 divisions {divisions}.")
    lines.append("")
    categories = plugins.extra_categories(adapter=info.name)
    if categories:
        lines += [
            "Local categories (对象类别):",
            "",
            "| code | 中文 | also read as |",
            "|---|---|---|",
        ]
        lines += [
            f"| `{c.code}` | {_cell(c.label)} | {_cell('、'.join(c.synonyms))} |"
            for c in categories
        ]
        lines.append("")
    templates = plugins.report_templates(adapter=info.name)
    if templates:
        lines += ["Report templates:", "", "| name | title | filed per |", "|---|---|---|"]
        lines += [f"| `{t.name}` | {_cell(t.title)} | {t.period_kind.value} |" for t in templates]
        lines.append("")
    for fmt in plugins.ledger_formats(adapter=info.name):
        lines += ["#" + line if line.startswith("#") else line for line in _format(fmt)]
    return lines


def render_formats(plugins: Plugins | None = None) -> str:
    """The ledger formats page: per built-in adapter, its categories, templates and every sheet's
    columns (field, headers with synonyms, value type, labels)."""
    plugins = plugins or load_plugins()
    lines = [
        "# Ledger formats of the built-in adapters (台账格式)",
        "",
        "Generated from each adapter's `LedgerFormat` by `docs/generate.py`; do not edit by hand.",
        "A column is found by any of its headers (spaces and full-width forms ignored); the first",
        "is the one `write_ledger` writes. Columns a format does not know are kept as extras.",
        "Value types are explained in `socialwork_core.ledger.ValueType`; labels of an enumeration",
        "are listed in the [glossary](glossary.md). The `socialwork` command detects the format",
        "from a workbook's headers (`socialwork validate LEDGER`), or takes `--adapter NAME`.",
        "",
    ]
    built_in = [
        info for info in plugins.adapters() if info.origin.distribution == BUILT_IN_DISTRIBUTION
    ]
    lines += [f"- [`{i.name}`](#adapter-{i.name})" for i in built_in]
    lines.append("")
    for info in built_in:
        lines += _adapter(plugins, info)
    lines += _values_by_meaning()
    lines += _reading_figures()
    return "\n".join(lines)


READING_FIGURES = DOCS / "reading-figures.json"
"""What the reader read of the variety ledgers (``tests/variety``) and the shared corpus, as
``python -m tests.variety OUTDIR --json FILE`` and its scorer measure it; re-measure after a
change to the reader and commit it with the change."""


def _reading_figures() -> list[str]:
    """The table of how well ledgers as stations keep them are read (issue #11's measure)."""
    import json

    data = json.loads(READING_FIGURES.read_text(encoding="utf-8"))
    lines = [
        "",
        "## How well ledgers as stations keep them are read",
        "",
        "Measured on " + data["measured"] + " by `tests/variety` (its own generated styles, each",
        "with an answer key) and on the shared corpus of ten provinces' ledgers: with no option, as",
        "`socialwork convert` reads them. A person is right when found with the right ID number",
        "and categories; a visit when its person, date and mode are right; a wrong cell is",
        "flagged when an issue names its row. `tests/variety/floors.py` holds the suite to these",
        "figures; the targets are 98% of people and visits and every wrong cell.",
        "",
        "| ledger | read | people right | visits right | wrong cells flagged | made up |",
        "|---|---|---|---|---|---|",
    ]
    for group in ("variety", "corpus"):
        for row in [*data[group]["files"], data[group]["all"]]:
            name = f"**{group}: all**" if row["name"] == "all" else _cell(row["name"])
            lines.append(
                f"| {name} | {row['readable']}/{row['files']} | "
                f"{row['people_right']}/{row['people']} | {row['visits_right']}/{row['visits']} | "
                f"{row['wrong_flagged']}/{row['wrong_cells']} | {row['invented']} |"
            )
    return [*lines, ""]


def _values_by_meaning() -> list[str]:
    """The glossary's readings of coded words (``socialwork_core.glossary.meaning``), as data."""
    from socialwork_core.glossary import meaning

    def words(items: object) -> str:
        return _cell("、".join(str(i) for i in items))  # type: ignore[attr-defined]

    lines = [
        "## Values by meaning",
        "",
        "A label column reads its labels first (listed per column above, spaces and full-width",
        "forms ignored). A word none of them holds is then read by its meaning",
        "(`socialwork_core.glossary.meaning`) in every format; a word still not understood is",
        "reported at its cell (`tabular.label_unrecognised`), never guessed. An adapter may give a",
        "column its own reading (`FieldColumn.meaning`, e.g. a `LevelScale` of its own words).",
        "",
        "**Contact modes** (探访方式): the first row one of whose words the cell holds. A cell naming",
        "two modes (入户/电话) is not read, nor one with a part one character off a mode word or a",
        "filler word (入护走访, 微信事频: a slip); that cell is reported with the word it was likely",
        "meant as (`tabular.label_likely_slip`), never read as it. Filler words, which say nothing",
        "of the mode: " + words(meaning.MODE_FILLERS) + ".",
        "",
        "| mode | words |",
        "|---|---|",
    ]
    for mode, keys in meaning.CONTACT_MODE_WORDS:
        lines.append(f"| `{mode.value}` {mode.label} | {words(keys)} |")
    lines += [
        "",
        "**Categories** (对象类别): a word is read only when it is exactly prefixes + a core word +",
        "suffixes of one row (any number of each); several words in a cell are split at 、，,/+；|&",
        "and spaces. Beyond the table: a child named by the family's scheme (低保家庭儿童,",
        "低边户儿童) holds the scheme and 困境儿童; a word with a bracketed remark (特困（残）,",
        "困境儿童(重残)) is its word and, where the remark is a category too, that category; a word",
        "under a tick column's 其他 heading is its own category (其他（高龄）) or 其他困难群众",
        "(其他（重病）); "
        + words(meaning.BY_AGE)
        + " alone is settled by the person's age (under 16 a left-behind child, from 60 a",
        "left-behind elder; otherwise the cell is reported and the person kept). A word not read",
        "that is one slip from a category word (底保, 特因) is reported with that word.",
        "",
        "| category | core words | prefixes | suffixes | one of these before or after |",
        "|---|---|---|---|---|",
    ]
    for entry in meaning.CATEGORY_WORDS:
        category = entry.category
        lines.append(
            f"| `{category.value}` {category.label} | {words(entry.cores)} | "
            f"{words(entry.prefixes)} | {words(entry.suffixes)} | {words(entry.marks)} |"
        )
    scale = meaning.NATIONAL_LEVELS
    by_level: dict[str, list[str]] = {}
    for word, level in scale.words.items():
        by_level.setdefault(f"`{level.value}` {level.label}", []).append(word)
    lines += [
        "",
        "**Service levels** (服务等级), the national default scale: ordinals (1级, 一级, Ⅰ级, 第一级,",
        "A, A类 … up to 六级) and these words (Chinese numerals compared as digits):",
        "",
        "| level | words |",
        "|---|---|",
        *(f"| {level} | {words(found)} |" for level, found in by_level.items()),
        "",
        "**Dates** (`tabular.cells.date_value`, every date column): date cells; 2023-1-5,",
        "2023/1/5, 2023.1.5, 2023年1月5日, 2023年1月5号, 20230105 (text or number); an Excel serial",
        "(a number, or five figures as text, up to 2099); a year and month (1945.03, 194503,",
        "1945年3月) as the first of the month, with a remark; a month and day (1月5日, 4.8, 5.20) in",
        "the year the sheet is read in (`tabular.reading_year`, from its title or period), else",
        "reported as missing its year. A day that does not exist (2024/6/31) is reported with the",
        "value; a number cell 5.2 is read as 5月2日 with a warning that it may have been 5.20.",
        "",
        "**Sex** (性别): "
        + "; ".join(
            f"{words(w for w, s in meaning.SEX_WORDS.items() if s is sex)} → `{sex.value}`"
            for sex in dict.fromkeys(meaning.SEX_WORDS.values())
        ),
        "",
    ]
    return lines


RULES_INTRO = """# Service levels and visit rules (服务等级与探访规则)

A person's service level (服务等级) decides how often the station must contact them. The library
grades with **rule sets**: data with a name, a version and the date they take effect, so a report
for March uses March's rules. Every grade comes with its reasons: the rules that fired, the inputs
they read, and the rule set's name and version (`socialwork grade LEDGER` prints them). A worker may
override a level with a reason; both are kept.

## Where the rules come from

- **Three tiers.** The 2022 national guidance on visiting elderly people in special difficulty
  (《关于开展特殊困难老年人探访关爱服务的指导意见》, 民政部 and other departments, 2022) asks for a
  100% monthly visit rate by the end of 2025, by home visits or by phone and video; Inner Mongolia
  grades visits in three tiers. The default rule set follows that three-tier pattern.
- **Who is 一级.** 80+ and living alone, empty-nest or left behind (the guidance's target groups);
  a risk found in the latest assessment; anyone affected by an active disaster alert (Yangshan
  visited 387 people in the January 2022 cold wave, 808 after the April floods).
- **Who is 二级.** Self-care partly or fully lost (six daily tasks); 特困 supported at home
  (《特困人员认定办法》, 2021); 计划生育特殊家庭 elderly; 孤儿 and 事实无人抚养儿童 living in the
  community; 困境儿童; disability grade 1–2 (GB/T 26341-2010).
- **The ledger's own level.** Many ledgers carry the level the worker gave (服务等级, 跟进级别). The
  default honours it once the worker has assessed the person (an assessment on or before the
  as-of date); a region may honour it always (`honouring_declared_level`). `socialwork grade`
  shows the declared level beside the computed one and counts where they differ.
- **Contact modes.** Qinghai counts phone, video and remote monitoring as visits; each requirement
  names the modes that satisfy it (入户 only for home-visit requirements).
- **Regional levels.** Guangdong 双百 follows people 分级分类 but publishes no grade definitions;
  Guangzhou's platform uses 跟进级别 一级–六级, so the library's levels go to 六级. A region
  replaces what differs through the `socialwork_rule_sets` hook ([hook reference](plugin_hooks.md)).

Values marked *default* below are the library's choice where no official rule was found (grace
period for new registrants, the due-soon window, the share of a period away that exempts it, the
24-hour alert deadline); an adapter may replace each. Every rule and every visiting interval below
names the document behind it in its *source* column; the documents are listed with the field they
cover on the [domain page](domain.md#sources).

The rest of this page is generated from the rule sets by `docs/generate.py`; do not edit it by hand.
"""


GUIDANCE_2022 = "《关于开展特殊困难老年人探访关爱服务的指导意见》(2022)"
EXTREME_POVERTY_2021 = "《特困人员认定办法》(2021)"
DEFAULT = "*default* (no national text)"

RULE_SOURCES: dict[str, str] = {
    "l1_aged_80_living_alone": f"{GUIDANCE_2022}: its target groups; 80+ as 高龄 is a *default*",
    "l1_risk_self_harm": f"{DEFAULT}: the station's own assessment",
    "l1_risk_violence_or_abuse": f"{DEFAULT}: the station's own assessment",
    "l1_risk_life_threatening_illness": f"{DEFAULT}: the station's own assessment",
    "l1_risk_no_carer_fully_dependent": f"{DEFAULT}: the station's own assessment",
    "l1_risk_dangerous_housing": f"{DEFAULT}: the station's own assessment",
    "l1_affected_by_disaster_alert": f"{DEFAULT}: stations' alert visits (Yangshan, 2022)",
    "l2_aged_60_self_care_lost": f"{GUIDANCE_2022} (失能); six self-care tasks: {EXTREME_POVERTY_2021}",
    "l2_extreme_poverty_dispersed": EXTREME_POVERTY_2021,
    "l2_family_planning_special_elderly": GUIDANCE_2022,
    "l2_orphan_or_unsupported_child": (
        "《国务院办公厅关于加强孤儿保障工作的意见》(2010); "
        "《关于进一步加强事实无人抚养儿童保障工作的意见》(2019)"
    ),
    "l2_child_in_difficulty": "《国务院关于加强困境儿童保障工作的意见》(2016)",
    "l2_severe_disability": (
        "GB/T 26341-2010 (grades); 重度 as grades 1–2: "
        "《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》(2015)"
    ),
    **{
        f"declared_level_{n}": (
            f"{DEFAULT}: the level the station's worker recorded (服务等级, 跟进级别), "
            "honoured once the person has been assessed"
        )
        for n in (1, 2, 3)
    },
}
"""The document behind each grading rule of the built-in rule sets, by rule id."""

REQUIREMENT_SOURCES: dict[str, str] = {
    "contact_every_7_days": f"{DEFAULT}: weekly for the highest risk",
    "home_visit_every_month": f"{GUIDANCE_2022}: the monthly visit, here asked as a home visit",
    "contact_every_month": f"{GUIDANCE_2022}: a monthly visit, home, phone or video",
    "home_visit_every_quarter": f"{DEFAULT}: a home visit each quarter",
}
"""The document behind each visiting interval of the built-in rule sets, by requirement id."""

ALERT_SOURCE = f"{DEFAULT}: stations' alert visits (Yangshan, 2022)"

TIER_SOURCE = (
    f"Three tiers: {GUIDANCE_2022} and the three-tier visiting of Inner Mongolia; six levels "
    "(一级–六级) for Guangzhou's 跟进级别."
)


def _source(table: dict[str, str], key: str, name: str) -> str:
    if key not in table:
        raise KeyError(f"name the document behind {name} {key!r} in docs/generate.py")
    return _cell(table[key])


def _period(period: RollingPeriod | CalendarPeriod | Deadline) -> str:
    if isinstance(period, RollingPeriod):
        return f"rolling, every {period.days} days"
    if isinstance(period, CalendarPeriod) and period.every > 1:
        return f"calendar, every {period.every} months"
    if isinstance(period, CalendarPeriod):
        return f"calendar, every {period.kind.value.replace('_', '-')}"
    return f"deadline {period.due}"


def _rule_set(rule_set: RuleSet, used_by: list[str]) -> list[str]:
    lines = [
        f"## Rule set `{rule_set.name}` {rule_set.version}",
        "",
        f"Takes effect {rule_set.effective_from}; used by the adapters {', '.join(used_by)}.",
        "",
        f"- default level when no rule fires: {rule_set.default_level.label} "
        f"(`{rule_set.default_level.value}`);",
        f"- new registrants are due within {rule_set.grace_days} days of registration (*default*);",
        f"- due soon: within {rule_set.due_soon_days} days of the due date, at most half a rolling "
        "period (*default*);",
        f"- a calendar period in which the person was away (hospital, away) on at least "
        f"{rule_set.absence_exempt_share:.0%} of its days is skipped (*default*).",
        "",
        "### Rules (the most urgent level any rule gives wins)",
        "",
        TIER_SOURCE,
        "",
        "| rule | level | 中文 | English | source |",
        "|---|---|---|---|---|",
    ]
    for rule in rule_set.rules:
        lines.append(
            f"| `{rule.id}` | {rule.level.label} | {_cell(rule.description)} | "
            f"{_cell(rule.description_en)} | {_source(RULE_SOURCES, rule.id, 'the rule')} |"
        )
    lines += [
        "",
        "### Visit policy by level",
        "",
        "| level | requirement | 中文 | period | modes that count | source |",
        "|---|---|---|---|---|---|",
    ]
    for level, policy in sorted(rule_set.policy.items(), key=lambda kv: kv[0].rank):
        for requirement in policy.requirements:
            modes = "、".join(m.label for m in ContactMode if m in requirement.modes)
            lines.append(
                f"| {level.label} | `{requirement.id}` | {_cell(requirement.description)} | "
                f"{_period(requirement.period)} | {modes} | "
                f"{_source(REQUIREMENT_SOURCES, requirement.id, 'the requirement')} |"
            )
        if policy.alert_deadline_hours is not None:
            lines.append(
                f"| {level.label} | `alert:<id>` | 预警发布后{policy.alert_deadline_hours}小时内联系 | "
                f"{policy.alert_deadline_hours} h after an alert is issued (*default*) | "
                f"the alert's modes | {_cell(ALERT_SOURCE)} |"
            )
    lines.append("")
    return lines


def render_rules(plugins: Plugins | None = None) -> str:
    """The rules page: the sources, then every rule set the built-in adapters' regions use."""
    plugins = plugins or load_plugins()
    used: dict[tuple[str, str], tuple[RuleSet, list[str]]] = {}
    for info in plugins.adapters():
        if info.origin.distribution != BUILT_IN_DISTRIBUTION or info.region is None:
            continue
        for rule_set in plugins.rule_sets_for_region(info.region.code):
            key = (rule_set.name, rule_set.version)
            used.setdefault(key, (rule_set, []))[1].append(f"`{info.name}`")
    lines = [RULES_INTRO]
    for rule_set, names in used.values():
        lines += _rule_set(rule_set, names)
    return "\n".join(lines)


def main() -> int:
    PAGE.write_text(render(), encoding="utf-8")
    print(f"wrote {PAGE}")
    FORMATS_PAGE.write_text(render_formats(), encoding="utf-8")
    print(f"wrote {FORMATS_PAGE}")
    RULES_PAGE.write_text(render_rules(), encoding="utf-8")
    print(f"wrote {RULES_PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
