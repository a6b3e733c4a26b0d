"""Writing a file so that an interrupted run never leaves a half-written one where a good one was.

Every file the library writes is first written to a temporary file in the target's own folder
(so the final rename stays on one file system and is atomic), flushed to disk, then renamed over
the target. A Ctrl-C, a full disk or a crash while writing leaves the old file whole and removes
the temporary one (a killed process may leave a hidden ``.name.*.part`` file, never a damaged
target).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

__all__ = ["atomic_path", "write_text_atomic"]

_PART_SUFFIX = ".part"


def _default_mode() -> int:
    # mkstemp creates the file readable by its owner only; a written report or ledger should get
    # the permissions any new file of the user gets (0666 less the umask).
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block ends normally, the file written
    there replaces ``path`` in one rename. When the block raises (``KeyboardInterrupt`` too), the
    temporary file is removed and ``path`` is left as it was."""
    target = Path(path)
    handle, name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=_PART_SUFFIX, dir=target.parent
    )
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        mode = _default_mode()
        if target.exists():
            mode = target.stat().st_mode & 0o777
        os.chmod(temporary, mode)
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def write_text_atomic(path: str | Path, text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` through :func:`atomic_path`; return the path."""
    target = Path(path)
    with atomic_path(target) as temporary:
        temporary.write_text(text, encoding="utf-8")
    return target
