"""Check that an answer key agrees with its file, by reading the file back on its own (openpyxl
for a workbook, ``csv`` for a CSV) with no help from the library under test.

:func:`problems` returns what disagrees, one sentence each; an empty list means the key holds.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from openpyxl import load_workbook
from openpyxl.utils import column_index_from_string
from stdnum.cn import ric

SEX = {"男": "male", "女": "female", "1": "male", "2": "female"}
"""Sex as written: the words, or a system's codes (GB/T 2261.1: 1 man, 2 woman)."""

DIGIT_WORDS = "〇一二三四五六七八九"


def arabic(text: str) -> str:
    """Chinese numerals of a date in digits: 二〇二四年三月十五日 is 2024年3月15日."""

    def number(match: re.Match[str]) -> str:
        words = match.group(0)
        if "十" not in words:
            return "".join(str(DIGIT_WORDS.index(w)) for w in words)
        tens, _, ones = words.partition("十")
        value = (DIGIT_WORDS.index(tens) if tens else 1) * 10
        return str(value + (DIGIT_WORDS.index(ones) if ones else 0))

    return re.sub(f"[{DIGIT_WORDS}十]+", number, text)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(Decimal(f"{value:.15g}")))  # Excel keeps 15 significant digits
    if isinstance(value, int) and len(str(value)) > 15:
        return str(int(Decimal(f"{value:.15g}")))
    return str(value)


def parse_date(value: Any, year: int) -> date | None:
    """A date as the key means it, from any form the generator writes (None if impossible)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, int | float):
        value = str(int(value))
    text = unicodedata.normalize("NFKC", str(value or "")).strip()
    # what a log writes after the day: a weekday, the part of the day, a time or a span of time
    text = re.sub(r"\s*\(?(?:星期|周|礼拜)[一二三四五六日天]\)?", "", text)
    text = arabic(re.sub(r"\s*[上下]午.*$|\s+\d{1,2}:\d{2}.*$", "", text))
    patterns = (
        (r"(\d{4})[./-](\d{1,2})[./-](\d{1,2})", None),
        (r"(\d{4})年(\d{1,2})月(\d{1,2})日", None),
        (r"(\d{4})(\d{2})(\d{2})", None),
        (r"(\d{1,2})月(\d{1,2})日", year),
        (r"(\d{1,2})/(\d{1,2})", year),
        (r"(\d{2})\.(\d{1,2})\.(\d{1,2})", None),
    )
    for pattern, implied in patterns:
        m = re.fullmatch(pattern, text)
        if m:
            parts = [int(g) for g in m.groups()]
            if implied is not None:
                parts = [implied, *parts]
            elif parts[0] < 100:  # a two-digit year: this century
                parts[0] += 2000
            try:
                return date(*parts)
            except ValueError:
                return None
    if re.fullmatch(r"\d{5}", text):
        return date(1899, 12, 30) + timedelta(days=int(text))
    return None


def normalised_id(value: Any) -> str:
    """An ID as written, as a careful reader takes it: NFKC, no spaces, upper case, Excel's text
    mark dropped, a × typed in the last place for X."""
    number = "".join(unicodedata.normalize("NFKC", _text(value)).split()).upper().lstrip("'")
    return number[:-1] + "X" if number.endswith("×") else number


def upgraded(number: str) -> str:
    """An old 15-digit ID as its 18-digit form (GB 11643: insert 19, add the check character)."""
    if len(number) != 15 or not number.isdigit():
        return number
    first17 = number[:6] + "19" + number[6:]
    return first17 + str(ric.calc_check_digit(first17 + "0"))


class _Sheet:
    """Cells of one sheet by (row, column letter), as stored values."""

    def __init__(self, rows: list[list[Any]]) -> None:
        self.rows = rows

    def merged(self, row: int, letter: str, info: Mapping[str, Any]) -> Any:
        """The cell, or where its column is merged down (``info['merged_down']``) the value of
        the merged range's first cell above it."""
        if letter not in info.get("merged_down", ()):
            return self.cell(row, letter)
        while row > info["first_data_row"] and not _text(self.cell(row, letter)):
            row -= 1
        return self.cell(row, letter)

    def cell(self, row: int, letter: str) -> Any:
        j = column_index_from_string(letter) - 1
        if row - 1 < len(self.rows) and j < len(self.rows[row - 1]):
            return self.rows[row - 1][j]
        return None

    def nonempty_rows(self) -> set[int]:
        return {i + 1 for i, r in enumerate(self.rows) if any(_text(v).strip() for v in r)}


_ODS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


def _ods_value(cell: ElementTree.Element) -> Any:
    kind = cell.get(f"{{{_ODS['office']}}}value-type")
    if kind == "date":
        return datetime.fromisoformat(cell.get(f"{{{_ODS['office']}}}date-value", ""))
    if kind == "float":
        number = float(cell.get(f"{{{_ODS['office']}}}value", "0"))
        return int(number) if number.is_integer() else number
    if kind is None:
        return None
    return "\n".join("".join(p.itertext()) for p in cell.findall("text:p", _ODS))


def _ods_sheets(path: Path) -> dict[str, _Sheet]:
    """An .ods file's sheets from its content.xml: rows and cells with their repeats, a covered
    cell (under a merged one) empty."""
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("content.xml"))
    repeat = {
        "row": f"{{{_ODS['table']}}}number-rows-repeated",
        "col": f"{{{_ODS['table']}}}number-columns-repeated",
    }
    sheets = {}
    for table in root.iter(f"{{{_ODS['table']}}}table"):
        rows = []
        for row in table.iter(f"{{{_ODS['table']}}}table-row"):
            cells: list[Any] = []
            for cell in row:
                value = None if cell.tag.endswith("covered-table-cell") else _ods_value(cell)
                cells.extend([value] * int(cell.get(repeat["col"], "1")))
            rows.extend([cells] * int(row.get(repeat["row"], "1")))
        sheets[table.get(f"{{{_ODS['table']}}}name", "")] = _Sheet(rows)
    return sheets


def _sheets(path: Path, key: Mapping[str, Any]) -> tuple[dict[str, _Sheet], list[str], set[str]]:
    if key["format"] == "csv":
        raw = path.read_bytes()
        encoding = key.get("encoding", "gb18030")
        text = raw.decode(encoding)
        delimiter = key.get("delimiter", ",")
        rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
        stem = key["people_sheet"]["name"]
        problems = []
        bom = raw.startswith(b"\xef\xbb\xbf")
        if bom != (encoding == "utf-8-sig") or "\r\n" not in text:
            problems.append(f"the CSV is not {encoding} with CRLF line ends")
        return {stem: _Sheet(rows)}, [stem], set(problems)
    if key["format"] == "ods":
        sheets = _ods_sheets(path)
        return sheets, list(sheets), set()
    if key["format"] == "xls":  # read by calamine itself, with no help from the library
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(str(path))
        sheets = {
            name: _Sheet(
                [
                    [None if v == "" else v for v in r]
                    for r in book.get_sheet_by_name(name).to_python()
                ]
            )
            for name in book.sheet_names
        }
        return sheets, list(book.sheet_names), set()
    wb = load_workbook(path, data_only=True)
    try:
        sheets = {ws.title: _Sheet([list(r) for r in ws.iter_rows(values_only=True)]) for ws in wb}
        return sheets, [ws.title for ws in wb], set()
    finally:
        wb.close()


def problems(path: Path, key: Mapping[str, Any]) -> list[str]:
    """Everything in the key that the file does not bear out."""
    out: list[str] = []
    sheets, names, container = _sheets(path, key)
    out.extend(container)
    if names != key["sheets"]:
        out.append(f"sheets {names} are not the key's {key['sheets']}")
    year = date.fromisoformat(key["period"]["from"]).year
    wrong_at = {(w["sheet"], w["row"], w["column"]): w for w in key["wrong_cells"]}
    ps = key["people_sheet"]
    cols = ps["columns"]
    for p in key["people"]:
        row = p["row"]
        # a register kept one sheet per village names each person's sheet
        sheet = sheets[p.get("sheet", ps["name"])]
        where = f"{p.get('sheet', ps['name'])}!{row}"
        cols = {**ps["columns"], **p.get("columns", {})}  # a household member's own columns
        name_cell = _text(sheet.cell(row, cols["name"])).strip()
        if ps.get("name_with_id"):  # 张三（410422…）: the name and the ID in one cell
            found = NAME_WITH_ID.fullmatch(name_cell)
            if found is None or found["name"] != p["name"] or found["id"] != p["id_as_written"]:
                out.append(f"{where}: {name_cell!r} is not {p['name']} with {p['id_as_written']}")
        elif name_cell != p["name"]:
            out.append(f"{where}: name is not {p['name']}")
        if "id" in cols:
            written = sheet.cell(row, cols["id"])
            if _text(written) != p["id_as_written"] and not isinstance(written, int | float):
                out.append(f"{where}: ID as written {p['id_as_written']!r} is {written!r}")
            flagged = (p.get("sheet", ps["name"]), row, cols["id"]) in wrong_at
            if p["id"] is not None and upgraded(normalised_id(written)) != p["id"]:
                out.append(f"{where}: the ID cell does not give {p['id']}")
            if len(normalised_id(written)) == 15 and not flagged:
                out.append(f"{where}: an old 15-digit ID is not in wrong_cells")
            if p["id"] is None and not flagged:
                out.append(f"{where}: an unrecoverable ID is not in wrong_cells")
            if p["id"] is not None:
                digit = int(p["id"][16])
                if ("male" if digit % 2 else "female") != p["sex"]:
                    out.append(f"{where}: sex disagrees with the ID")
                if p["id"][6:14] != p["birth_date"].replace("-", ""):
                    out.append(f"{where}: birth date disagrees with the ID")
        if "sex" in cols:
            written_sex = _text(sheet.cell(row, cols["sex"])).strip()
            flagged_sex = (p.get("sheet", ps["name"]), row, cols["sex"]) in wrong_at
            if written_sex and SEX.get(written_sex) != p["sex"] and not flagged_sex:
                out.append(f"{where}: sex cell {written_sex} is not {p['sex']}")
        if "record_no" in cols and _text(sheet.cell(row, cols["record_no"])) != (
            p["record_no"] or ""
        ):
            out.append(f"{where}: record number is not {p['record_no']}")
        if "village" in cols:
            up = row  # a merged cell holds its value in its first row
            while up > ps["first_data_row"] and not _text(sheet.cell(up, cols["village"])):
                up -= 1
            if _text(sheet.cell(up, cols["village"])) != p["village"]:
                out.append(f"{where}: village is not {p['village']}")
        elif "sheet" in p:  # the sheet is the village's
            if p["sheet"] != p["village"]:
                out.append(f"{where}: the sheet is not the village {p['village']}")
        else:  # a section heading above carries the village
            above = [
                _text(sheet.cell(r, "A"))
                for r in range(row - 1, 0, -1)
                if re.match(r"[一二三四五六七八九十]+、", _text(sheet.cell(r, "A")))
            ]
            if not above or p["village"] not in above[0]:
                out.append(f"{where}: no section heading above names {p['village']}")
        categories = cols.get("categories", "")
        if ":" in categories:
            first, last = categories.split(":")
            header_row = ps["header_rows"][-1]
            ticked = [
                _text(sheet.cell(header_row, L)).removeprefix("是否")
                for j in range(column_index_from_string(first), column_index_from_string(last) + 1)
                for L in [_letter(j)]
                if _text(sheet.cell(row, L)).strip() not in ("", "否")
            ]
            if "、".join(ticked) != p["categories_as_written"]:
                out.append(f"{where}: ticks {ticked} are not {p['categories_as_written']}")
        elif categories:
            text = _text(sheet.cell(row, categories))
            if text != p["categories_as_written"]:
                out.append(f"{where}: categories {text!r} are not {p['categories_as_written']!r}")
            words = [w for w in re.split(r"[、，,/+；\s]+", text) if w]
            codes = sorted({c for w in words for c in key["category_words"].get(w, [])})
            unknown = [w for w in words if w not in key["category_words"]]
            if codes != p["categories"]:
                out.append(f"{where}: category words give {codes}, the key says {p['categories']}")
            if (
                unknown
                and not ps.get("categories_in_text")  # a 情况说明 says more than categories
                and (p.get("sheet", ps["name"]), row, categories) not in wrong_at
            ):
                out.append(f"{where}: unknown category word {unknown} is not in wrong_cells")
    vs = key.get("visit_sheet")
    # a household's row holds several people: the visit's person is the one of its name
    people_by_row: dict[tuple[Any, int], list[Mapping[str, Any]]] = {}
    for p in key["people"]:
        people_by_row.setdefault((p.get("sheet"), p["row"]), []).append(p)
    if vs:
        vcols = vs["columns"]
        for v in key["visits"]:
            row = v["row"]
            vsheet = sheets[v.get("sheet", vs["name"])]  # a log kept one sheet per month
            where = f"{v.get('sheet', vs['name'])}!{row}"
            if "part" in v or "month" in v:  # visits in a cell: 3月5日入户；3月20日电话回访
                stored = vsheet.cell(row, v["date_column"])
                parsed, problem = _visit_in_cell(v, _text(stored), year)
                if problem:
                    out.append(f"{where}: {problem}")
            elif "date_month" in vcols:  # the date over part columns (月 | 日)
                parts = [vsheet.merged(row, vcols[f], vs) for f in ("date_month", "date_day")]
                stored = "-".join(_text(p) for p in parts)
                parsed = parse_date(f"{year}-{stored}", year) if all(parts) else None
            else:
                stored = vsheet.merged(row, v.get("date_column") or vcols["date"], vs)
                parsed = parse_date(stored, year)
            if v["valid"] and (parsed is None or parsed.isoformat() != v["date"]):
                out.append(f"{where}: date {stored!r} does not give {v['date']}")
            if not v["valid"] and not any(
                w["sheet"] == v.get("sheet", vs["name"])
                and w["row"] == row
                and w["expected_action"] == "refuse_row"
                for w in key["wrong_cells"]
            ):
                out.append(f"{where}: a visit to refuse has no refuse_row wrong cell")
            mode = _text(vsheet.merged(row, v.get("mode_column") or vcols["mode"], vs))
            if "part" in v or "month" in v:  # checked with the cell's part above
                mode = v["mode_as_written"]
            if mode != v["mode_as_written"] or key["mode_words"].get(mode) != v["mode"]:
                out.append(f"{where}: mode {mode!r} is not {v['mode']}")
            if (
                v["mode"] is None
                and (v.get("sheet", vs["name"]), row, v.get("mode_column") or vcols["mode"])
                not in wrong_at
            ):
                out.append(f"{where}: an unknown mode word is not in wrong_cells")
            if "name" in vcols and _text(vsheet.merged(row, vcols["name"], vs)) != v["person_name"]:
                out.append(f"{where}: name is not {v['person_name']}")
            on_row = people_by_row.get((v.get("person_sheet"), v["person_row"]), [])
            owner = next(
                (p for p in on_row if len(on_row) == 1 or _bare(p["name"]) == v["person_name"]),
                None,
            )
            if v["valid"] and owner is None:
                out.append(f"{where}: a valid visit links to no person row")
            if owner is not None:
                if _bare(owner["name"]) != v["person_name"]:
                    out.append(f"{where}: linked to {owner['name']}, not {v['person_name']}")
                if (
                    "record_no" in vcols
                    and _text(vsheet.merged(row, vcols["record_no"], vs)) != owner["record_no"]
                ):
                    out.append(f"{where}: record number disagrees with the register")
                if (
                    "id" in vcols
                    and owner["id"]
                    and (v.get("sheet", vs["name"]), row, vcols["id"]) not in wrong_at
                    and upgraded(normalised_id(vsheet.merged(row, vcols["id"], vs))) != owner["id"]
                ):
                    out.append(f"{where}: ID disagrees with the register")
    for w in key["wrong_cells"]:
        value = sheets[w["sheet"]].cell(w["row"], w["column"]) if w["sheet"] in sheets else None
        if (
            key["format"] != "csv"
            and isinstance(value, int | float)
            and not isinstance(value, bool)
        ):
            value = _text(value)
        if _text(value) != w["value"]:
            out.append(
                f"{w['sheet']}!{w['column']}{w['row']}: wrong cell holds {value!r}, not {w['value']!r}"
            )
    # every row with text is data or a listed non-data row
    for name, listed in key["non_data_rows"].items():
        data_rows = {p["row"] for p in key["people"] if p.get("sheet", ps["name"]) == name}
        if vs:
            data_rows |= {v["row"] for v in key["visits"] if v.get("sheet", vs["name"]) == name}
        data_rows |= {w["row"] for w in key["wrong_cells"] if w["sheet"] == name}
        rows = {r["row"] for r in listed if r["kind"] != "blank"}
        for row in sorted(sheets[name].nonempty_rows() - data_rows - rows):
            out.append(f"{name}!{row}: a row with text is neither data nor listed as non-data")
        for row in sorted(rows & data_rows):
            out.append(f"{name}!{row}: listed both as data and as non-data")
    if key["summary"]["people"] != len(key["people"]):
        out.append("summary people count is wrong")
    return out


NAME_WITH_ID = re.compile(r"(?P<name>[^\s（(]+)\s*[（(]?(?P<id>\d{17}[\dX])[）)]?")
"""A name and an ID number written in one cell: 张三（410422…）, 张三(410422…), 张三 410422…"""


def _visit_in_cell(v: Mapping[str, Any], text: str, year: int) -> tuple[date | None, str]:
    """A visit written as a part of a cell (``part``: the n-th of the cell's parts split at ；)
    or in a month's column (``month``: the cell holds the day): its date, and what disagrees."""
    piece = re.split(r"[；;]", text)[v["part"]] if "part" in v else text
    if piece != v["date_as_written"] + v["mode_as_written"]:
        return None, f"{piece!r} is not {v['date_as_written']}{v['mode_as_written']}"
    written = v["date_as_written"]
    if "month" in v:
        written = f"{v['month']}月{written.rstrip('日号')}日"
    parsed = parse_date(written, year)
    if parsed is None or parsed.isoformat() != v["date"]:
        return parsed, f"{written!r} does not give {v['date']}"
    return parsed, ""


def _bare(name: str) -> str:
    """A name without its bracketed remark (张三（户主） is 张三)."""
    return re.sub(r"[（(][^（）()]*[）)]", "", name)


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)
