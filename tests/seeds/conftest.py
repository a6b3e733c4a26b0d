"""The seed ledgers' helper modules, importable by name from the seed tests (the suite imports
test files in importlib mode, so a sibling module is not on the path by itself)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).parent


def _load(name: str) -> None:
    if name in sys.modules:
        return
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)


for _name in ("factories", "forms", "yunfu", "yangshan", "weishi", "dongzhi"):
    if (HERE / f"{_name}.py").exists():
        _load(_name)
