"""pandas reference for `recon replay`: every June reconstitution from a CRSP monthly panel.

What a researcher writes today (vectorised pandas, groupby; cf. pyndex, prior-art.md §A1):
- read the panel once with `usecols` and dtypes (RET/DLRET and their letter codes are not read);
- per year, the month-end on or before the June rank day: end of May before 2023, end of April
  from 2023 (a simplification: the real rank day moved in 2020-2021);
- keep SHRCD 10/11, EXCHCD 1/2/3, |PRC| >= $1; cap = |PRC| x SHROUT x 1000; total cap per PERMCO
  >= $30M;
- rank by total cap; cumulative share over the Russell 3000E (largest 4,000); Russell 3000 =
  ranks 1-3,000, split at #1,000, with the +/-2.5% cumulative band from 2007 for the previous
  year's members (a hard cut before);
- count Russell 3000 additions / deletions and R1000 <-> R2000 moves per year.
The only Python loop is over years (each year's band needs the previous year's membership).
`--engine pyarrow` parses the CSV with pyarrow's multithreaded reader instead of pandas' own C
parser; everything after the read is the same.

Usage: python replay.py --from 1979 --to 2025 --panel PANEL.csv [--out DIR] [--engine c|pyarrow]
"""

import argparse
import os

import numpy as np
import pandas as pd

BAND, BAND_FROM = 0.025, 2007
COLUMNS = {"PERMNO": "int32", "PERMCO": "int32", "date": "int32", "SHRCD": "float32",
           "EXCHCD": "float32", "PRC": "float64", "SHROUT": "float64"}


def ranked_companies(panel: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """Eligible companies of every rank month, ranked within the year, with cumulative shares."""
    year, month = panel["date"] // 10000, panel["date"] // 100 % 100
    rank_month = np.where(year < 2023, 5, 4)
    rows = panel[(month == rank_month) & year.between(first, last)
                 & panel["SHRCD"].isin([10, 11]) & panel["EXCHCD"].isin([1, 2, 3])]
    price = rows["PRC"].abs()
    rows = rows.assign(year=rows["date"] // 10000, cap=price * rows["SHROUT"] * 1000)
    rows = rows[(price >= 1) & (rows["SHROUT"] > 0)]

    firms = rows.groupby(["year", "PERMCO"], as_index=False)["cap"].sum()
    firms = firms[firms["cap"] >= 30e6]
    firms = firms.sort_values(["year", "cap", "PERMCO"], ascending=[True, False, True], ignore_index=True)
    by_year = firms.groupby("year")
    firms["rank"] = by_year.cumcount() + 1
    total = firms["cap"].where(firms["rank"] <= 4000, 0).groupby(firms["year"]).transform("sum")
    firms["share"] = by_year["cap"].cumsum() / total
    return firms[firms["rank"] <= 3000]


def replay(panel: pd.DataFrame, first: int, last: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    r3000 = ranked_companies(panel, first, last)
    r1000_before = r3000_before = pd.Index([], dtype="int32")
    memberships, summary = [], []
    for year, firms in r3000.groupby("year", sort=True):
        in1000 = firms["rank"] <= 1000
        p_star = firms["share"].iloc[min(1000, len(firms)) - 1]
        if year >= BAND_FROM:
            was1 = firms["PERMCO"].isin(r1000_before)
            was2 = firms["PERMCO"].isin(r3000_before) & ~was1
            in1000 = ((~was1 & ~was2 & in1000) | (was1 & (firms["share"] <= p_star + BAND))
                      | (was2 & (firms["share"] < p_star - BAND)))
        members = pd.Index(firms["PERMCO"])
        r1000 = pd.Index(firms["PERMCO"][in1000])
        was_r1000 = members.isin(r1000_before)
        was_member = members.isin(r3000_before)
        summary.append({
            "year": year, "r1000": len(r1000), "r2000": len(members) - len(r1000),
            "cap1000": firms["cap"].iloc[min(1000, len(firms)) - 1], "cap3000": firms["cap"].iloc[-1],
            "additions": int((~was_member).sum()),
            "deletions": int((~r3000_before.isin(members)).sum()),
            "up": int((was_member & ~was_r1000 & in1000.to_numpy()).sum()),
            "down": int((was_r1000 & ~in1000.to_numpy()).sum()),
        })
        memberships.append(firms.assign(index=np.where(in1000, "R1000", "R2000")))
        r1000_before, r3000_before = r1000, members
    return pd.DataFrame(summary), pd.concat(memberships, ignore_index=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from", dest="first", type=int, default=1979)
    ap.add_argument("--to", dest="last", type=int, default=2025)
    ap.add_argument("--panel", required=True)
    ap.add_argument("--out")
    ap.add_argument("--engine", choices=["c", "pyarrow"], default="c", help="read_csv's parser (default: c)")
    args = ap.parse_args()

    panel = pd.read_csv(args.panel, usecols=list(COLUMNS), dtype=COLUMNS, engine=args.engine)
    summary, membership = replay(panel, args.first, args.last)
    if args.out:
        os.makedirs(args.out, exist_ok=True)
        summary.to_csv(os.path.join(args.out, "summary.csv"), index=False)
        membership[["year", "PERMCO", "rank", "cap", "share", "index"]].to_csv(
            os.path.join(args.out, "membership.csv"), index=False)
    print(f"panel rows={len(panel)} years={len(summary)}")
    print(summary.tail(10).to_string(index=False, float_format=lambda x: f"{x / 1e6:,.0f}M"))
    turnover = summary.iloc[1:]
    print(f"mean per year after the first: additions={turnover['additions'].mean():.0f} "
          f"deletions={turnover['deletions'].mean():.0f} up={turnover['up'].mean():.0f} "
          f"down={turnover['down'].mean():.0f}")


if __name__ == "__main__":
    main()
