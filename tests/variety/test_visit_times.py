"""The time of day a style's date cells write is each visit's time (gejiu: 2024年7月5日（星期五）
上午9:30-10:30 is 09:30, 下午3时 is 15:00); a date cell without one (2024-7-5 上午, a plain day)
gives none. Read as ``socialwork convert`` reads, through the public API."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from .conftest import keys_in
from .scorer import read_in_process

WRITTEN_CLOCKS = {"上午9:30-10:30": "09:30:00", "下午3时": "15:00:00"}
"""The clock each time-bearing date form of ``written.date_cell`` ends with (cn_weekday_time),
and the time it says."""


def written_time(written: str | None) -> str | None:
    return next((t for clock, t in WRITTEN_CLOCKS.items() if (written or "").endswith(clock)), None)


def test_every_visit_of_a_style_writing_times_keeps_the_time_its_date_cell_writes(
    variety_dir: Path,
) -> None:
    timed = [
        key
        for key in keys_in(variety_dir)
        if any(written_time(v["date_as_written"]) for v in key["visits"])
    ]
    assert timed, "no style writes a time in its date cells"
    for key in timed:
        reading = read_in_process(variety_dir / key["file"])
        assert reading.document is not None, reading.error
        expected = Counter(
            (v["date"], written_time(v["date_as_written"])) for v in key["visits"] if v["valid"]
        )
        read = Counter((c["on"], c.get("at")) for c in reading.document["records"]["contacts"])
        assert read == expected, key["style"]
        assert any(at for _on, at in read), key["style"]
