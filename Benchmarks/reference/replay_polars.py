"""polars reference for `recon replay`: the work of replay.py, written the way polars is meant to be used.

The same rules, the same outputs (summary.csv, membership.csv) and the same printed summary as the
pandas reference (replay.py), which says what the rules are. Here:
- the panel is scanned lazily: scan_csv with a schema for the 7 columns used (the others are never
  parsed: projection pushdown), or scan_parquet for a `.parquet` panel; the row filters run
  inside the scan (predicate pushdown), on polars' default (streaming) engine;
- eligible companies, their ranks and cumulative shares come from filter / group_by / window
  expressions (`over("year")`) over all years at once;
- the one Python loop is over years, for the #1,000 band only (each year's band needs the previous
  year's R1000), on frames of 3,000 rows;
- the per-year counts (additions, deletions, R1000 <-> R2000 moves) are joins against the previous
  year's membership, outside the loop.

Usage: python replay_polars.py --from 1979 --to 2025 --panel PANEL.csv|PANEL.parquet [--out DIR]
"""

import argparse
import os

import polars as pl

BAND, BAND_FROM = 0.025, 2007
SCHEMA = {"PERMNO": pl.Int32, "PERMCO": pl.Int32, "date": pl.Int32, "SHRCD": pl.Int16,
          "EXCHCD": pl.Int16, "PRC": pl.Float64, "SHROUT": pl.Float64}
SUMMARY = ["year", "r1000", "r2000", "cap1000", "cap3000", "additions", "deletions", "up", "down"]


def scan_panel(path: str) -> pl.LazyFrame:
    """The panel as a lazy frame: a Parquet file by its extension, else a CRSP CSV."""
    if path.endswith(".parquet"):
        return pl.scan_parquet(path).cast(SCHEMA)
    return pl.scan_csv(path, schema_overrides=SCHEMA, infer_schema=False)  # unused columns stay text


def ranked_companies(panel: pl.LazyFrame, first: int, last: int) -> pl.LazyFrame:
    """The Russell 3000 of every year before the band: eligible companies ranked, with cumulative shares."""
    year, month, price = pl.col("date") // 10000, pl.col("date") // 100 % 100, pl.col("PRC").abs()
    rank_month = pl.when(year < 2023).then(5).otherwise(4)
    return (
        panel
        .filter((month == rank_month) & year.is_between(first, last)
                & pl.col("SHRCD").is_in([10, 11]) & pl.col("EXCHCD").is_in([1, 2, 3])
                & (price >= 1) & (pl.col("SHROUT") > 0))
        .group_by(year.alias("year"), "PERMCO")
        .agg(cap=(price * pl.col("SHROUT") * 1000).sum())
        .filter(pl.col("cap") >= 30e6)
        .sort(["year", "cap", "PERMCO"], descending=[False, True, False])
        .with_columns(rank=pl.int_range(1, pl.len() + 1).over("year"),
                      share=pl.col("cap").cum_sum().over("year")
                      / pl.col("cap").head(4000).sum().over("year"))  # over the Russell 3000E
        .filter(pl.col("rank") <= 3000)
    )


def banded(r3000: pl.DataFrame) -> pl.DataFrame:
    """Every year's Russell 3000 with `in1000`: the #1,000 split, with the band from BAND_FROM."""
    years = []
    r1000_before = r3000_before = pl.Series(dtype=pl.Int32)
    for (year,), firms in r3000.group_by("year", maintain_order=True):
        in1000 = pl.col("rank") <= 1000
        if year >= BAND_FROM:
            p_star = firms["share"][min(1000, firms.height) - 1]
            was1 = pl.col("PERMCO").is_in(r1000_before.implode())
            was2 = pl.col("PERMCO").is_in(r3000_before.implode()) & ~was1
            in1000 = ((~was1 & ~was2 & in1000) | (was1 & (pl.col("share") <= p_star + BAND))
                      | (was2 & (pl.col("share") < p_star - BAND)))
        firms = firms.with_columns(in1000=in1000)
        years.append(firms)
        r1000_before, r3000_before = firms.filter("in1000")["PERMCO"], firms["PERMCO"]
    return pl.concat(years)


def yearly_counts(membership: pl.DataFrame) -> pl.DataFrame:
    """Per year: index sizes, the caps at #1,000 and #3,000, and the changes since the year before."""
    membership = membership.with_columns(turn=pl.col("year").rank("dense"))  # the previous year replayed
    before = membership.select(pl.col("turn") + 1, "PERMCO", was_r1000="in1000")
    in1000, was_r1000 = pl.col("in1000"), pl.col("was_r1000")  # was_r1000 is null for an addition
    counts = (
        membership.join(before, on=["turn", "PERMCO"], how="left", maintain_order="left")
        .group_by("turn", maintain_order=True)
        .agg(pl.col("year").first(), r1000=in1000.sum(), r2000=(~in1000).sum(),
             cap1000=pl.col("cap").get(pl.min_horizontal(1000, pl.len()) - 1), cap3000=pl.col("cap").last(),
             additions=was_r1000.is_null().sum(), up=(in1000 & ~was_r1000).sum(),
             down=(was_r1000 & ~in1000).sum())
    )
    deletions = (before.join(membership, on=["turn", "PERMCO"], how="anti")
                 .group_by("turn").agg(deletions=pl.len()))
    return (counts.join(deletions, on="turn", how="left", maintain_order="left")
            .with_columns(pl.col("deletions").fill_null(0)).select(SUMMARY))


def text_table(frame: pl.DataFrame) -> str:
    """The frame as replay.py prints it (pandas' to_string(index=False)), caps in $ millions."""
    columns = [[name, *(f"{v / 1e6:,.0f}M" if isinstance(v, float) else str(v) for v in frame[name])]
               for name in frame.columns]
    widths = [max(len(column[0]) + 1, *map(len, column[1:])) for column in columns]  # pandas' widths
    return "\n".join(" ".join(column[i].rjust(width) for column, width in zip(columns, widths))
                     for i in range(frame.height + 1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from", dest="first", type=int, default=1979)
    ap.add_argument("--to", dest="last", type=int, default=2025)
    ap.add_argument("--panel", required=True)
    ap.add_argument("--out")
    args = ap.parse_args()

    panel = scan_panel(args.panel)
    # Two queries, one after the other: run together, each would map the CSV (twice the peak RSS).
    rows = panel.select(pl.len()).collect().item()  # a count of lines, not parsed
    membership = banded(ranked_companies(panel, args.first, args.last).collect())
    summary = yearly_counts(membership)
    if args.out:
        os.makedirs(args.out, exist_ok=True)
        summary.write_csv(os.path.join(args.out, "summary.csv"))
        membership.select("year", "PERMCO", "rank", "cap", "share",
                          index=pl.when("in1000").then(pl.lit("R1000")).otherwise(pl.lit("R2000"))
                          ).write_csv(os.path.join(args.out, "membership.csv"))
    print(f"panel rows={rows} years={summary.height}")
    print(text_table(summary.tail(10)))
    turnover = summary.slice(1).mean()
    print(f"mean per year after the first: additions={turnover['additions'].item():.0f} "
          f"deletions={turnover['deletions'].item():.0f} up={turnover['up'].item():.0f} "
          f"down={turnover['down'].item():.0f}")


if __name__ == "__main__":
    main()
