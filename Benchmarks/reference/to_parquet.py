"""Writes a Parquet copy of a CRSP CSV panel, for replay_polars.py to scan (bench.py runs it once, untimed).

Every column of the CSV is kept: the seven the replay reads with replay_polars.SCHEMA's types, the
others (SICCD, TICKER, COMNAM, RET, DLRET, …) as text, as they are in the CSV. Parquet is
columnar, so a scan reads only the seven. Streamed (sink_parquet), zstd-compressed, rows in the
CSV's order.

Usage: python to_parquet.py PANEL.csv OUT.parquet
"""

import sys

from replay_polars import scan_panel


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    scan_panel(sys.argv[1]).sink_parquet(sys.argv[2])


if __name__ == "__main__":
    main()
