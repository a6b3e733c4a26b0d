"""Every command through ``main(argv)``: results, JSON, exit codes, and the adapter it names."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from socialwork_core.cli import main
from socialwork_core.cli.text import ENGLISH
from socialwork_core.glossary.messages import cli as cli_messages
from socialwork_core.glossary.rules_text import DueStatus
from socialwork_core.glossary.terms import ServiceLevel
from socialwork_core.identity import resident_id
from socialwork_core.plugins import Region, load_plugins
from socialwork_core.serialize import make_converter, structure

from .conftest import BUILT_IN, FIXTURES, Run, example

Runner = Callable[..., Run]

# --- adapters ---------------------------------------------------------------------------------------


def test_adapters_lists_the_four_built_ins_with_version_and_origin(run: Runner) -> None:
    result = run("adapters")
    assert result.status == 0
    for name in BUILT_IN:
        assert f"{name} 0.1.0" in result.out
        assert f"{name} = socialwork_{name}.plugin" in result.out
    assert "guangdong.monthly" in result.out


def test_adapters_json_tolerates_extra_plugins_and_names_each_origin(run: Runner) -> None:
    data = run("adapters", "--format", "json").json()
    by_name = {a["name"]: a for a in data["adapters"]}
    assert set(by_name) >= BUILT_IN
    gd = by_name["guangdong"]
    assert gd["version"] == "0.1.0"
    assert (gd["region"]["code"], gd["region"]["name"]) == ("guangdong", "广东省")
    # the region as the library's converter writes it: it reads back as the plugin's own
    region = structure(make_converter(), gd["region"], Region)
    assert region == load_plugins(environ={}).region("guangdong")
    assert gd["origin"]["source"] == "entry_point"
    assert gd["origin"]["distribution"] == "socialwork-core"
    assert gd["formats"] == ["guangdong"]
    assert {t["name"] for t in gd["report_templates"]} == {
        "guangdong.monthly",
        "guangdong.cumulative",
    }
    assert data["problems"] == []


# --- validate ---------------------------------------------------------------------------------------


def test_validate_a_clean_ledger_says_which_adapter_it_detected(
    run: Runner, tmp_path: Path
) -> None:
    result = run("validate", example("guangdong"))
    assert result.status == 0
    assert "guangdong" in result.err and "detected from the headers" in result.err
    assert "tabular.footer_row_skipped" in result.out
    assert "no errors" in result.err
    assert list(tmp_path.iterdir()) == []


def test_validate_json_counts_issues_by_severity_and_code(run: Runner, tmp_path: Path) -> None:
    issues = tmp_path / "issues.xlsx"
    data = run("validate", example("henan"), "--format", "json", "--issues-out", issues).json()
    assert data["adapter"] == "henan" and data["detected"] is True
    assert data["ok"] is True and data["counts"]["error"] == 0
    assert sum(row["count"] for row in data["by_code"]) == len(data["issues"])
    assert data["records"]["recipients"] > 0
    assert data["issues_workbook"] == str(issues)
    assert issues.exists()  # asked for, so written even without errors


def test_validate_prints_a_persons_name_in_a_message_masked_and_the_workbook_keeps_it(
    run: Runner, tmp_path: Path
) -> None:
    """Guangdong's own check names the person (“{name}（{key}）在册但没有负责社工”): what the
    command prints shortens the name as it masks the ID; the issues workbook, for the station,
    keeps both whole."""
    person = resident_id.compose("440111", date(1950, 1, 2), 11)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "服务对象"
    sheet.append(["姓名", "身份证号", "对象类别"])
    sheet.append(["赵合成", person, "低保"])
    path = tmp_path / "l.xlsx"
    book.save(path)
    issues = tmp_path / "issues.xlsx"

    text = run("validate", path, "--adapter", "guangdong", "--as-of", "2023-03-31")
    data = run(
        "validate",
        path,
        "--adapter",
        "guangdong",
        "--as-of",
        "2023-03-31",
        "--format",
        "json",
        "--issues-out",
        issues,
    ).json()

    assert "guangdong.no_responsible_worker" in text.out
    assert "赵**" in text.out and "赵合成" not in text.out and person not in text.out
    (said,) = [i for i in data["issues"] if i["code"] == "guangdong.no_responsible_worker"]
    assert said["message"].startswith("赵**（")
    assert "赵合成" not in json.dumps(data, ensure_ascii=False)
    kept = [
        c
        for row in openpyxl.load_workbook(issues).active.iter_rows(values_only=True)
        for c in row
        if isinstance(c, str) and "负责社工" in c
    ]
    assert kept and all("赵合成" in c for c in kept)


def test_validate_masks_the_people_and_numbers_its_messages_quote_on_the_ledger_or_not(
    run: Runner, tmp_path: Path
) -> None:
    """A visit to someone not registered, a name that sounds like a registered one and an ID
    typed with a letter among its digits are printed shortened and masked, text and JSON, as a
    registered person's name is; the issues workbook keeps them whole to fix the ledger by."""
    zhang = resident_id.compose("440111", date(1950, 1, 2), 11)
    li = resident_id.compose("440111", date(1948, 3, 4), 22)
    mistyped = li[:8] + "O" + li[9:]
    book = openpyxl.Workbook()
    register = book.active
    register.title = "名册"
    register.append(["序号", "姓名", "身份证号码", "村（社区）"])
    register.append([1, "张三", zhang, "东村"])
    register.append([2, "李秀兰", mistyped, "东村"])
    visits = book.create_sheet("走访")
    visits.append(["序号", "走访日期", "姓名", "村（社区）", "身份证号码", "走访方式"])
    visits.append([1, "2024-04-01", "张三", "东村", zhang, "入户走访"])
    visits.append([2, "2024-04-02", "王小五", "东村", None, "入户"])
    visits.append([3, "2024-04-04", "张叁", "东村", None, "入户"])
    path = tmp_path / "l.xlsx"
    book.save(path)
    issues = tmp_path / "issues.xlsx"
    quoted = ("王小五", "张叁", mistyped)

    text = run("validate", path, "--as-of", "2024-05-01", "--issues-out", issues)
    data = run("validate", path, "--as-of", "2024-05-01", "--format", "json").json()

    said = {i["code"]: i for i in data["issues"]}
    assert {
        "ledger.recipient_not_registered",
        "ledger.recipient_sounds_like",
        "resident_id.bad_characters",
    } <= set(said)
    assert said["ledger.recipient_not_registered"]["message"].startswith("服务对象台账中没有“王**”")
    assert said["ledger.recipient_sounds_like"]["raw"] == "张*"
    assert mistyped[:6] + "*" * 8 + mistyped[-4:] in said["resident_id.bad_characters"]["message"]
    printed = text.out + json.dumps(data, ensure_ascii=False)
    assert not [q for q in quoted if q in printed]
    kept = " ".join(
        c
        for sheet in openpyxl.load_workbook(issues).worksheets
        for row in sheet.iter_rows(values_only=True)
        for c in row
        if isinstance(c, str)
    )
    assert all(q in kept for q in quoted)


def test_validate_masks_a_name_typed_in_a_cell_of_another_column(
    run: Runner, tmp_path: Path
) -> None:
    """A guardian's or a neighbour's name typed in a date, phone or sex cell is quoted by that
    cell's message: printed, it is shortened as a registered person's name is."""
    book = openpyxl.Workbook()
    register = book.active
    register.title = "服务对象"
    register.append(["档案号", "姓名", "出生日期", "联系电话", "性别"])
    register.append(["A1", "李四", "钱小蕙", "13800000000", "男"])
    register.append(["A2", "王五", "1950-01-02", "欧阳娜娜", "女"])
    register.append(["A3", "赵六", "1950-01-02", "13800000001", "周七（已故）"])
    path = tmp_path / "l.xlsx"
    book.save(path)

    text = run("validate", path, "--as-of", "2024-05-01")
    data = run("validate", path, "--as-of", "2024-05-01", "--format", "json").json()

    said = {i["code"] for i in data["issues"]}
    assert {"tabular.date_invalid", "phone.invalid", "tabular.label_unrecognised"} <= said
    printed = text.out + json.dumps(data, ensure_ascii=False)
    assert not [q for q in ("钱小蕙", "欧阳娜娜", "周七") if q in printed]
    assert all(q in printed for q in ("钱**", "欧***", "周*"))


def test_validate_checks_categories_at_the_as_of_date_and_points_at_the_row(
    run: Runner, tmp_path: Path
) -> None:
    # The Guangdong example holds an orphan who turns 18 during 2023.
    early = run("validate", example("guangdong"), "--as-of", "2023-01-01", "--format", "json")
    late = run("validate", example("guangdong"), "--as-of", "2023-12-31", "--format", "json")
    assert early.status == late.status == 0
    assert early.json()["as_of"] == "2023-01-01"
    assert not [i for i in early.json()["issues"] if i["code"] == "category.too_old"]
    (too_old,) = [i for i in late.json()["issues"] if i["code"] == "category.too_old"]
    assert too_old["severity"] == "warning" and too_old["row"] > 1 and too_old["sheet"]
    assert "孤儿" in too_old["message"]


def ledger_with_errors(path: Path) -> Path:
    """The acceptance ledger with one person's name cleared: a row that names no one is refused
    (the ID stored as a number is only a flagged cell: the person is kept)."""
    shutil.copy(FIXTURES / "acceptance_ledger.xlsx", path)
    book = openpyxl.load_workbook(path)
    book["2022年3月台账"]["B5"] = None
    book.save(path)
    return path


def test_validate_a_ledger_with_errors_exits_1_and_writes_the_issues_workbook(
    run: Runner, tmp_path: Path
) -> None:
    ledger = ledger_with_errors(tmp_path / "台账.xlsx")
    result = run("validate", ledger)
    assert result.status == 1
    written = tmp_path / "台账_issues.xlsx"
    assert written.exists()
    assert str(written) in result.err
    assert "resident_id.stored_as_number" in result.out
    workbook = openpyxl.load_workbook(written, read_only=True)
    try:
        assert len(workbook.sheetnames) >= 1
    finally:
        workbook.close()


def test_validate_json_of_a_ledger_with_errors(run: Runner, tmp_path: Path) -> None:
    issues = tmp_path / "out" / "problems.xlsx"
    ledger = ledger_with_errors(tmp_path / "台账.xlsx")
    result = run("validate", ledger, "--issues-out", issues, "--format", "json")
    assert result.status == 1
    data = result.json()
    assert data["ok"] is False and data["counts"]["error"] > 0 and data["rejected_rows"] > 0
    assert issues.exists()
    stored = [i for i in data["issues"] if i["code"] == "resident_id.stored_as_number"]
    assert stored and stored[0]["sheet"] and stored[0]["row"]


def test_an_xls_ledger_is_read_and_its_flagged_cells_reported(run: Runner, tmp_path: Path) -> None:
    ledger = tmp_path / "old.xls"
    shutil.copy(FIXTURES / "acceptance_ledger.xls", ledger)
    result = run("validate", ledger)
    assert result.status == 0  # a flagged cell is a warning: every person is kept
    assert "national" in result.err and "resident_id.stored_as_number" in result.out
    graded = run("grade", ledger, "--as-of", "2022-03-31", "--format", "json")
    assert graded.status == 0
    assert len(graded.json()["grades"]) == 5, "every person is graded"


def test_a_missing_file_is_a_file_problem_without_traceback(run: Runner, tmp_path: Path) -> None:
    for command in (["validate"], ["grade"], ["due"], ["convert", "--to", "json"]):
        result = run(*command[:1], tmp_path / "nowhere.xlsx", *command[1:])
        assert result.status == 2, command
        assert "error:" in result.err and "nowhere.xlsx" in result.err
    result = run(
        "report",
        "guangdong.monthly",
        tmp_path / "nowhere.xlsx",
        "--period",
        "2023-03",
        "-o",
        tmp_path / "r.xlsx",
    )
    assert result.status == 2


def test_a_file_that_is_not_a_workbook_is_a_file_problem(run: Runner, tmp_path: Path) -> None:
    fake = tmp_path / "ledger.xlsx"
    fake.write_text("姓名,身份证号\n张三,1\n", encoding="utf-8")
    result = run("validate", fake, "--adapter", "national")
    assert result.status == 2
    assert "error:" in result.err


def test_an_unknown_adapter_names_the_installed_ones(run: Runner) -> None:
    result = run("validate", example("national"), "--adapter", "zhejing")
    assert result.status == 2
    assert "zhejing" in result.err
    for name in BUILT_IN:
        assert name in result.err


def test_a_workbook_no_adapter_recognises_asks_for_adapter(run: Runner, tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["品名", "数量", "单价"])
    sheet.append(["棉被", 20, 80])
    workbook.save(path)
    result = run("validate", path, "--format", "json")
    assert result.status == 2
    assert "--adapter" in result.err
    assert result.json()["error"]["code"] == "cli.format_not_detected"


def test_a_header_of_field_codes_naming_no_person_is_named_as_such(
    run: Runner, tmp_path: Path
) -> None:
    path = tmp_path / "export.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["F01", "F02", "F03", "F04"])  # a system's export: codes no header abbreviates
    sheet.append(["陈大明", "1", "440111194603120011", "13800000000"])
    workbook.save(path)
    result = run("validate", path, "--format", "json")
    assert result.status == 2
    assert result.json()["error"]["code"] == "cli.format_not_detected_field_codes"
    assert "F01、F02、F03" in result.err and "--mapping" in result.err


def test_a_header_of_field_codes_is_read_by_their_pinyin_initials_and_said(
    run: Runner, tmp_path: Path
) -> None:
    path = tmp_path / "export.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["XM", "XB", "SFZHM", "LXDH"])  # 姓名 性别 身份证号码 联系电话, as initials
    sheet.append(["陈大明", "男", "440111194603120011", "13800000000"])
    workbook.save(path)
    result = run("validate", path, "--format", "json")
    assert result.status == 0, result.err
    said = [i for i in result.json()["issues"] if i["code"] == "tabular.column_read_as"]
    assert [(i["column"], i["message"].split("按")[1][:4]) for i in said] == [
        ("A", "“姓名”"),
        ("B", "“性别”"),
        ("C", "“身份证"),
        ("D", "“联系电"),
    ]


def test_the_adapter_given_is_used_and_said(run: Runner) -> None:
    result = run("validate", example("national"), "--adapter", "national", "--format", "json")
    assert result.status == 0
    assert result.json()["detected"] is False
    assert "as given by --adapter" in result.err


# --- grade ------------------------------------------------------------------------------------------


def test_grade_writes_each_recipients_level_with_its_reasons(run: Runner) -> None:
    result = run("grade", example("national"), "--as-of", "2023-03-31")
    assert result.status == 0
    assert "level_1" in result.out and "national-default" in result.out
    json_result = run("grade", example("national"), "--as-of", "2023-03-31", "--format", "json")
    data = json_result.json()
    assert data["as_of"] == "2023-03-31"
    assert data["grades"]
    ranks = [ServiceLevel(g["level"]).rank for g in data["grades"]]
    assert ranks == sorted(ranks)
    for grade in data["grades"]:
        assert grade["reasons"], grade
        assert all(r["rule_id"] and r["text"] for r in grade["reasons"])
        assert "*" in grade["name"]  # masked by default


def test_grade_shows_the_ledgers_own_level_beside_the_computed_one_and_counts_differences(
    run: Runner,
) -> None:
    result = run("grade", example("guangdong"), "--as-of", "2023-03-31", "--format", "json")
    data = result.json()
    declared = [g for g in data["grades"] if g["declared_level"] is not None]
    assert declared, "the Guangdong example ledger has 跟进级别"
    differ = [g for g in declared if g["declared_level"] != g["computed_level"]]
    assert all(g["declared_differs"] == (g in differ) for g in declared)
    assert data["declared"] == {"count": len(declared), "differ": len(differ)}
    assert f"台账登记了服务等级的{len(declared)}人中，有{len(differ)}人与评定等级不同" in result.err
    text = run("grade", example("guangdong"), "--as-of", "2023-03-31").out
    assert "台账等级 in ledger" in text.splitlines()[0]


def test_grading_a_day_no_rule_set_covers_is_a_usage_error_in_words_not_an_internal_one(
    run: Runner,
) -> None:
    result = run("grade", example("national"), "--as-of", "1999-12-31")
    assert result.status == 2
    assert "1999-12-31没有生效的规则集" in result.err


def test_grade_full_names_and_workbook_output(run: Runner, tmp_path: Path) -> None:
    out = tmp_path / "grades" / "g.xlsx"
    result = run(
        "grade",
        example("national"),
        "--as-of",
        "2023-03-31",
        "--full-names",
        "-o",
        out,
        "--format",
        "json",
    )
    assert result.status == 0
    assert all("*" not in g["name"] for g in result.json()["grades"])
    assert out.exists()


def test_grade_defaults_to_today_and_refuses_a_bad_date(run: Runner) -> None:
    data = run("grade", example("national"), "--format", "json").json()
    assert data["as_of"] == "2023-04-10"
    result = run("grade", example("national"), "--as-of", "31/03/2023")
    assert result.status == 2
    assert "31/03/2023" in result.err


# --- due --------------------------------------------------------------------------------------------


def test_due_json_has_level_reasons_and_status_for_each_row_most_urgent_first(
    run: Runner,
) -> None:
    result = run("due", example("guangdong"), "--as-of", "2023-03-31", "--format", "json")
    assert result.status == 0
    data = result.json()
    entries = data["entries"]
    assert entries
    for entry in entries:
        assert ServiceLevel(entry["level"])
        assert entry["reasons"] and entry["reasons"][0]["rule_id"]
        assert DueStatus(entry["status"]).needs_action
    ranks = [ServiceLevel(e["level"]).rank for e in entries]
    assert ranks == sorted(ranks)
    assert sum(data["counts"].values()) > len(entries)  # ok lines are not listed by default
    everything = run(
        "due", example("guangdong"), "--as-of", "2023-03-31", "--format", "json", "--all"
    ).json()
    assert len(everything["entries"]) == sum(data["counts"].values())
    assert {e["status"] for e in everything["entries"]} >= {"ok", "overdue"}


def test_due_text_lists_the_urgent_lines_and_says_how_many_are_hidden(run: Runner) -> None:
    result = run("due", example("guangdong"), "--as-of", "2023-03-31")
    assert result.status == 0
    assert "overdue" in result.out
    assert "--all" in result.err


def test_due_names_a_later_call_beside_a_home_visit_line(run: Runner) -> None:
    # a person whose monthly home visit is overdue was phoned since: the line says so, so that
    # 已逾期 or 从未探访 does not read as if nobody was reached
    data = run("due", example("guangdong"), "--as-of", "2023-03-31", "--format", "json").json()
    called = [e for e in data["entries"] if e["other_contact_on"]]
    assert called
    line = called[0]
    assert line["other_contact_mode"] == "phone"
    assert line["other_contact_on"] > (line["last_contact_on"] or "")
    text = run("due", example("guangdong"), "--as-of", "2023-03-31").out
    assert f"（另有电话{line['other_contact_on']}，不计入此项）" in text


def test_due_with_a_cold_wave_over_two_villages(run: Runner, tmp_path: Path) -> None:
    converted = run("convert", example("national"), "--to", "json").json()
    villages = Counter(p.get("village") for p in converted["records"]["recipients"])
    two = sorted(v for v, _ in villages.most_common() if v)[:2]
    alert = {
        "id": "HC-2023-01",
        "kind": "cold_wave",
        "title": "寒潮蓝色预警",
        "start": "2023-01-12",
        "end": "2023-01-15",
        "village_codes": two,
        "deadline_hours": 24,
        "modes": ["home_visit", "phone"],
    }
    path = tmp_path / "cold.json"
    path.write_text(json.dumps(alert, ensure_ascii=False), encoding="utf-8")
    data = run(
        "due", example("national"), "--as-of", "2023-01-14", "--alert", path, "--format", "json",
        "--all",
    ).json()  # fmt: skip
    assert data["alerts"] == ["HC-2023-01"]
    alert_lines = [e for e in data["entries"] if e["alert_id"] == "HC-2023-01"]
    assert alert_lines
    assert {e["village"] for e in alert_lines} == set(two)
    assert all(e["requirement"] == "寒潮蓝色预警" for e in alert_lines)
    assert all(e["due_on"] == "2023-01-13" for e in alert_lines)
    assert all(e["level"] and e["reasons"] and e["status"] for e in alert_lines)
    others = [e for e in data["entries"] if e["village"] not in two]
    assert all(e["alert_id"] is None for e in others)


def test_a_bad_alert_file_is_a_usage_problem(run: Runner, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert run("due", example("national"), "--alert", broken).status == 2
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps([{"id": "A", "kind": "meteor", "start": "2023-01-01"}]), "utf-8")
    result = run("due", example("national"), "--alert", wrong)
    assert result.status == 2
    assert "wrong.json" in result.err
    assert run("due", example("national"), "--alert", tmp_path / "none.json").status == 2


# --- report -----------------------------------------------------------------------------------------


def test_report_writes_the_guangdong_monthly_workbook(run: Runner, tmp_path: Path) -> None:
    out = tmp_path / "out" / "guangdong-monthly-2023-03.xlsx"
    result = run(
        "report", "guangdong.monthly", example("guangdong"), "--period", "2023-03", "-o", out
    )
    assert result.status == 0, result.err
    assert out.exists()
    workbook = openpyxl.load_workbook(out, read_only=True)
    try:
        texts = [str(c) for row in workbook.worksheets[0].iter_rows(values_only=True) for c in row]
    finally:
        workbook.close()
    assert any("双百" in t for t in texts)
    assert "2023-03" in result.err


def test_report_json_on_stdout_and_json_file(run: Runner, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    result = run(
        "report",
        "national.monthly",
        example("national"),
        "--period",
        "2023-03",
        "-o",
        out,
        "--format",
        "json",
        "--unit",
        "测试镇社工站",
        "--as-of",
        "2023-04-05",
    )
    assert result.status == 0, result.err
    data = result.json()
    assert data["template"] == "national.monthly" and data["period"] == "2023-03"
    assert data["report"]
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written == data["report"]
    assert "测试镇社工站" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("template", "period"),
    [
        ("henan.weekly", "2023-W12"),
        ("anhui.quarterly", "2023-Q1"),
        ("guangdong.cumulative", "2023-01-01..2023-06-30"),
    ],
)
def test_report_periods_in_every_form(
    run: Runner, tmp_path: Path, template: str, period: str
) -> None:
    region = template.split(".")[0]
    result = run("report", template, example(region), "--period", period, "-o", tmp_path / "r.xlsx")
    assert result.status == 0, result.err
    assert (tmp_path / "r.xlsx").exists()


def test_report_bad_input_is_exit_2(run: Runner, tmp_path: Path) -> None:
    ledger = example("guangdong")
    out = tmp_path / "r.xlsx"
    unknown = run("report", "guangdong.yearly", ledger, "--period", "2023", "-o", out)
    assert unknown.status == 2 and "guangdong.monthly" in unknown.err
    bad_period = run("report", "guangdong.monthly", ledger, "--period", "March", "-o", out)
    assert bad_period.status == 2 and "2023-Q1" in bad_period.err
    wrong_kind = run("report", "guangdong.monthly", ledger, "--period", "2023-Q1", "-o", out)
    assert wrong_kind.status == 2 and "month" in wrong_kind.err
    wrong_suffix = run(
        "report", "guangdong.monthly", ledger, "--period", "2023-03", "-o", tmp_path / "r.txt"
    )
    assert wrong_suffix.status == 2
    missing_option = run("report", "guangdong.monthly", ledger, "-o", out)
    assert missing_option.status == 2 and "--period" in missing_option.err
    assert not out.exists()


# --- convert ----------------------------------------------------------------------------------------


def test_convert_to_json_on_stdout(run: Runner) -> None:
    result = run("convert", example("national"), "--to", "json")
    assert result.status == 0
    data = result.json()
    assert data["format"] == "national"
    assert data["records"]["recipients"][0]["key"]
    assert data["records"]["contacts"]


def test_convert_to_xlsx_round_trips_in_the_same_layout(run: Runner, tmp_path: Path) -> None:
    out = tmp_path / "copy.xlsx"
    result = run("convert", example("national"), "--to", "xlsx", "-o", out, "--format", "json")
    assert result.status == 0, result.err
    data = result.json()
    assert data["layout"] == "national" and data["read_back_errors"] == {}
    again = run("validate", out, "--format", "json").json()
    assert again["records"] == data["records"]


def test_convert_maps_local_categories_the_target_layout_cannot_hold_and_says_so(
    run: Runner, tmp_path: Path
) -> None:
    out = tmp_path / "gd.xlsx"
    result = run("convert", example("henan"), "--to", "xlsx", "--layout", "guangdong", "-o", out)
    assert result.status == 0
    for label in ("农村留守妇女", "困难残疾人"):
        assert f"“{label}”" in result.err
    back = run("validate", out, "--adapter", "guangdong", "--format", "json").json()
    assert back["ok"] and back["counts"]["error"] == 0 and back["rejected_rows"] == 0
    kept = next(c for c in back["by_code"] if c["code"] == "tabular.extra_columns_kept")
    assert "原对象类别" in kept["message"]


def test_convert_bad_input(run: Runner, tmp_path: Path) -> None:
    assert run("convert", example("national"), "--to", "csv").status == 2
    assert run("convert", example("national"), "--to", "xlsx", "--layout", "x").status == 2
    assert (
        run("convert", example("national"), "--to", "json", "-o", tmp_path / "a.xlsx").status == 2
    )
    ledger = tmp_path / "l.xlsx"
    shutil.copy(example("national"), ledger)
    assert run("convert", ledger, "--to", "xlsx", "-o", ledger).status == 2


# --- the command as a whole -------------------------------------------------------------------------


def test_help_documents_every_command_and_the_exit_codes(run: Runner) -> None:
    result = run("--help")
    assert result.status == 0
    for command in ("adapters", "validate", "grade", "due", "report", "convert"):
        assert command in result.out
        sub = run(command, "--help")
        assert sub.status == 0
        assert "exit status" in sub.out and "0  ok" in sub.out
        assert "1  the data has errors" in sub.out and "2  usage problem" in sub.out
        assert "--format" in sub.out


def test_usage_problems_are_exit_2_in_both_languages(run: Runner) -> None:
    assert run().status == 2
    result = run("grade")
    assert result.status == 2
    assert "LEDGER" in result.err or "ledger" in result.err
    assert run("frobnicate").status == 2


def test_progress_goes_to_stderr_only_when_it_is_a_terminal(run: Runner) -> None:
    quiet = run("grade", example("national"), "--format", "json")
    assert "\r" not in quiet.err
    shown = run("grade", example("national"), "--format", "json", tty=True)
    assert "\r" in shown.err
    assert json.loads(shown.out) == json.loads(quiet.out)


def test_every_cli_message_has_chinese_and_english() -> None:
    assert set(cli_messages.MESSAGES) == set(ENGLISH)


def test_the_installed_entry_point_runs() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "socialwork_core.cli", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "socialwork-core" in done.stdout


def test_output_files_are_checked_before_the_work(run: Runner, tmp_path: Path) -> None:
    for command in (["grade"], ["due"]):
        result = run(*command, example("national"), "-o", tmp_path / "x.csv")
        assert result.status == 2
        assert "adapter" not in result.err  # refused before the ledger was read
    result = run("validate", example("national"), "--issues-out", tmp_path / "i.txt")
    assert result.status == 2 and "adapter" not in result.err


def test_grade_and_due_write_json_and_xlsx_tables(run: Runner, tmp_path: Path) -> None:
    grades = tmp_path / "g.json"
    assert run("grade", example("national"), "--as-of", "2023-03-31", "-o", grades).status == 0
    assert json.loads(grades.read_text(encoding="utf-8"))["grades"]
    due = tmp_path / "d" / "due.xlsx"
    assert run("due", example("national"), "--as-of", "2023-03-31", "-o", due).status == 0
    workbook = openpyxl.load_workbook(due, read_only=True)
    try:
        texts = [c for row in workbook.worksheets[0].iter_rows(values_only=True) for c in row]
    finally:
        workbook.close()
    assert "待探访清单" in texts and "状态" in texts


def test_an_internal_error_is_one_line_unless_debugging(
    run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from socialwork_core.cli import commands

    def broken(*_args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setitem(commands.COMMANDS, "adapters", broken)
    result = run("adapters")
    assert result.status == 3
    assert "RuntimeError: boom" in result.err and "SOCIALWORK_DEBUG" in result.err
    monkeypatch.setenv("SOCIALWORK_DEBUG", "1")
    out, err = io.StringIO(), io.StringIO()
    assert main(["adapters"], stdout=out, stderr=err) == 3
    assert "Traceback" in err.getvalue()


def test_a_broken_plugin_stops_with_exit_2(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    from socialwork_core.cli import session
    from socialwork_core.plugins import PluginError

    def load_plugins() -> None:
        raise PluginError("zhejiang", "implements 'socialwork_regoin', which is not a hook")

    monkeypatch.setattr(session, "load_plugins", load_plugins)
    result = run("adapters", "--format", "json")
    assert result.status == 2
    assert result.json()["error"]["code"] == "cli.plugin_broken"
    assert "zhejiang" in result.err


LEDGER_COMMANDS = {
    "validate": [],
    "grade": ["--as-of", "2022-03-31"],
    "due": ["--as-of", "2022-03-31"],
    "report": ["--period", "2022-03", "-o", "{tmp}/r.xlsx"],
    "convert": ["--to", "xlsx", "-o", "{tmp}/c.xlsx"],
}


def _argv(command: str, ledger: Path, tmp_path: Path, *extra: str) -> list[str]:
    head = [command, "national.monthly"] if command == "report" else [command]
    options = [o.replace("{tmp}", str(tmp_path)) for o in LEDGER_COMMANDS[command]]
    return [*head, str(ledger), *options, *extra]


@pytest.mark.parametrize("command", sorted(LEDGER_COMMANDS))
def test_every_ledger_command_refuses_an_unknown_adapter(
    run: Runner, tmp_path: Path, command: str
) -> None:
    result = run(*_argv(command, example("national"), tmp_path, "--adapter", "nowhere"))
    assert result.status == 2
    assert "nowhere" in result.err and "guangdong" in result.err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", sorted(LEDGER_COMMANDS))
def test_every_ledger_command_reads_an_xls_ledger_with_flagged_cells(
    run: Runner, tmp_path: Path, command: str
) -> None:
    ledger = tmp_path / "ledger.xls"
    shutil.copy(FIXTURES / "acceptance_ledger.xls", ledger)
    result = run(*_argv(command, ledger, tmp_path, "--format", "json"))
    assert result.status == 0, result.err  # read; the flagged cells are warnings
    assert result.json()["adapter"] == "national"
    assert "national" in result.err


def test_validate_masks_id_numbers_on_stdout_but_not_in_the_issues_workbook(
    run: Runner, tmp_path: Path
) -> None:
    issues = tmp_path / "issues.xlsx"
    result = run(
        "validate", FIXTURES / "acceptance_ledger.xlsx", "--issues-out", issues, "--format", "json"
    )
    assert not re.search(r"\d{17}[\dX]", result.out), "a whole ID number on stdout"
    text = run("validate", FIXTURES / "acceptance_ledger.xlsx", "--issues-out", issues).out
    assert not re.search(r"\d{17}[\dX]", text)
    workbook = openpyxl.load_workbook(issues, read_only=True)
    try:
        cells = [str(c) for ws in workbook.worksheets for r in ws.iter_rows(values_only=True)
                 for c in r if c is not None]  # fmt: skip
    finally:
        workbook.close()
    assert any(re.search(r"\d{17}[\dX]", c) for c in cells)
