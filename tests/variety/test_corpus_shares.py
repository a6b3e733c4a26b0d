"""The shared corpus of real-style ledgers (``../shared/corpus/`` beside the checkout), generated
into a temporary folder and scored with the same scorer, held to CORPUS_FLOORS."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .floors import CORPUS_FLOORS
from .scorer import score_folder, table, total
from .test_variety_shares import assert_floors

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "make_corpus.py"


@pytest.mark.skipif(
    not CORPUS.is_file(),
    reason=f"the shared corpus generator is not beside the checkout ({CORPUS} is absent)",
)
def test_corpus_shares(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    subprocess.run(
        [sys.executable, str(CORPUS)],
        env={**os.environ, "CORPUS_OUT": str(tmp_path)},
        check=True,
        capture_output=True,
        timeout=300,
    )
    scores = score_folder(tmp_path)
    assert len(scores) >= 10
    with capsys.disabled():
        print("\n" + table(scores))
    assert_floors(total(scores), CORPUS_FLOORS)
