"""What the facade answers about the loaded plugins: where each came from, what it serves."""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

from .values import Region

if TYPE_CHECKING:
    from ..ledger import LedgerFormat

__all__ = ["AdapterInfo", "DetectedFormat", "PluginOrigin"]


@attrs.frozen(kw_only=True)
class PluginOrigin:
    """Where a plugin came from."""

    source: str
    """``entry_point`` for a plugin found through the entry-point group, ``extra`` for one passed
    to :func:`load_plugins` directly."""
    module: str
    """The plugin module (or the module of the plugin object's class)."""
    entry_point: str | None = None
    """The entry point as declared: ``guangdong = socialwork_guangdong.plugin``."""
    distribution: str | None = None
    """The installed distribution that declares the entry point."""
    distribution_version: str | None = None


@attrs.frozen(kw_only=True)
class AdapterInfo:
    """One loaded plugin: its name, version, the region it serves (if any) and its origin."""

    name: str
    """The plugin's name: its entry-point name (``guangdong``)."""
    version: str | None
    """The adapter's version: its region's ``adapter_version``, else the module's ``__version__``,
    else the distribution's version."""
    region: Region | None
    origin: PluginOrigin


@attrs.frozen(kw_only=True)
class DetectedFormat:
    """The answer of :meth:`Plugins.detect_format`: which plugin claimed a workbook, and how."""

    adapter: str
    format: LedgerFormat
