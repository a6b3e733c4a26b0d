"""The command's words: every message in both languages with the same fields; aligned tables."""

from __future__ import annotations

import string

from socialwork_core.cli.console import format_table
from socialwork_core.cli.text import (
    COMMAND_SUMMARIES_EN,
    ENGLISH,
    EXIT_CODES_EN,
    HEADINGS_EN,
    bilingual,
    heading,
)
from socialwork_core.glossary import cli_text
from socialwork_core.glossary.messages import cli as cli_messages

ENGLISH_ONLY_FIELDS = {"detail", "code", "template"}
"""Fields a call passes for the English sentence alone (and any ``*_en`` field: a list or a name
the Chinese sentence words its own way)."""


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_each_english_sentence_uses_the_fields_of_its_chinese_twin() -> None:
    for code, chinese in cli_messages.MESSAGES.items():
        english_only = {f for f in fields(ENGLISH[code]) if f.endswith("_en")}
        extra = fields(ENGLISH[code]) - fields(chinese) - ENGLISH_ONLY_FIELDS - english_only
        assert not extra, (code, extra)


def test_bilingual_puts_chinese_first() -> None:
    text = bilingual("cli.bad_date", text="31/03")
    chinese, english = text.split(" | ")
    assert "31/03" in chinese and "2023-03-31" in chinese
    assert english.startswith("'31/03' is not a date")


def test_every_heading_has_both_languages() -> None:
    assert set(cli_text.HEADINGS) == set(HEADINGS_EN)
    assert heading("key") == "档案号 key"


def test_every_command_summary_and_exit_code_has_both_languages() -> None:
    assert set(cli_text.COMMAND_SUMMARIES) == set(COMMAND_SUMMARIES_EN)
    assert set(cli_text.EXIT_CODES) == set(EXIT_CODES_EN)


def test_tables_align_chinese_text_by_display_width() -> None:
    lines = format_table(["姓名 name", "level"], [["张**", "一级"], ["Li", "三级"]])
    assert lines[0] == "姓名 name  level"
    assert lines[1] == "张**       一级"
    assert lines[2] == "Li         三级"
