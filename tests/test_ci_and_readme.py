"""CI runs exactly the README's test command."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```bash\n(.*?)\n```", readme, flags=re.S)
    matching = [c.strip() for c in commands if "pytest" in c]
    assert len(matching) == 1, matching
    return matching[0]


def test_ci_runs_the_readme_test_command_as_its_last_step() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert script[-1].strip() == readme_test_command()


def test_ci_fails_on_any_failing_step() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in script
