"""``python -m socialwork_core.cli``: the ``socialwork`` command."""

from __future__ import annotations

import sys

from . import main

sys.exit(main())
