"""Roll-up: county and city figures from many station ledgers.

- :func:`attribute_stations`: every record of a loaded ledger knows its station (its own column,
  its worker's, its person's, the workbook's 填报单位 line or title, or the caller's); names
  resolve to codes through the stations sheet or a station list (:func:`read_station_list`).
- :func:`roll_up` (``paths``, ``ShareRequest``, ``jobs=``, ``scheduler=``): many files and folders
  (recursively, :func:`ledger_files`) read as one ledger. The map (:func:`read_share`: one file →
  a :class:`FileShare`, its records with keys namespaced by station and contacts cut to a window)
  runs serially, in a process pool or on Dask (``rollup.distributed``); the reduce
  (:func:`merge_shares`) merges exactly: one person on several files is one person.

Stable codes:

- ``rollup.station_unattributed`` [warning]: per sheet, how many records no station could be found
  for;
- ``rollup.station_not_listed`` [info]: a station written by a name no stations sheet or list knows
  (kept as written);
- ``rollup.file_unreadable`` [error]: a file of a roll-up that could not be read (the others are);
- ``rollup.format_not_detected``: the reason given when no installed format matches a file;
- ``rollup.cross_station_duplicate`` [warning]: one ID number on two stations' registers in the
  same month (counted once).
"""

from __future__ import annotations

from .attribution import StationDirectory, attribute_stations, read_station_list, station_in_words
from .files import ledger_files
from .merge import RollUp, merge_shares
from .run import default_jobs, map_shares, roll_up
from .share import FileShare, ShareRequest, read_share, share_of

__all__ = [
    "FileShare",
    "RollUp",
    "ShareRequest",
    "StationDirectory",
    "attribute_stations",
    "default_jobs",
    "ledger_files",
    "map_shares",
    "merge_shares",
    "read_share",
    "read_station_list",
    "roll_up",
    "share_of",
    "station_in_words",
]
