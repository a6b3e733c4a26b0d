"""socialwork-core: registers, grading, visits, resource links and reports for township social work
stations (乡镇/街道社工站).

The public API is what this package and its documented submodules export; names starting with an
underscore are private.
"""

from __future__ import annotations

__version__ = "0.1.0"
