"""Ledgers in many real styles, each with an answer key, and the scorer that measures what the
library reads from them (issue #11, "measured on variety"). ``python -m tests.variety OUTDIR``
writes every style to a folder; ``README.md`` describes them."""
