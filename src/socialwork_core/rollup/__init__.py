"""Roll-up: county and city figures from many station ledgers.

- :func:`attribute_stations`: every record of a loaded ledger knows its station (its own column,
  its worker's, its person's, the workbook's 填报单位 line or title, or the caller's); names
  resolve to codes through the stations sheet or a station list (:func:`read_station_list`).

Stable codes:

- ``rollup.station_unattributed`` [warning]: per sheet, how many records no station could be found
  for;
- ``rollup.station_not_listed`` [info]: a station written by a name no stations sheet or list knows
  (kept as written);
- ``rollup.station_list_unreadable``: a station list file that cannot be read.
"""

from __future__ import annotations

from .attribution import StationDirectory, attribute_stations, read_station_list, station_in_words

__all__ = [
    "StationDirectory",
    "attribute_stations",
    "read_station_list",
    "station_in_words",
]
