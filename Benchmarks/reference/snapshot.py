"""pandas reference for `recon reconstitute`: one June reconstitution from a Nasdaq screener.

What a researcher writes today (vectorised pandas; cf. pyndex, prior-art.md §A1), with the same
rules recon applies to a screener:
- drop lines that are obviously not common stock: by name (warrants, rights, units, preferreds,
  notes, depositary shares, LPs, funds, royalty trusts), SPACs (industry "Blank Checks"), `^` in
  the symbol or a `/WS`-style warrant/right/unit suffix (`BRK/B` is a share class and stays);
- merge share classes by a normalised issuer name, taking the max of the class caps (every Nasdaq
  class row already reports the company-total cap; summing would double count) and the price of
  the most traded class;
- keep US companies (Nasdaq's `Country`, or a company a prior iShares file holds), price >= $1,
  total cap >= $30M;
- rank by cap; the cumulative share is over the Russell 3000E (largest 4,000); Russell 3000 =
  ranks 1-3,000 (no band at #3,000); Russell 1000 / 2000 split at #1,000 with the +/-2.5%
  cumulative band for prior members (prior R1000 = IWV minus IWM, prior R2000 = IWM);
- write additions / deletions (Russell 3000) and the R1000 <-> R2000 moves.

Usage: python snapshot.py --universe SCREENER.csv --prior IWM.csv --prior IWV.csv --out DIR
"""

import argparse
import os
import re

import pandas as pd

BAND = 0.025
# Share types (warrants ... depositary receipts, exchangeable notes) and structures (LPs, funds,
# royalty trusts) that the rules exclude, by name; SPACs by Nasdaq's industry "Blank Checks".
NOT_COMMON = re.compile(
    r"\b(?:warrants?|rights?|units?|preferred|notes?|debentures?|depositary|ADSs?|ADRs?|zones"
    r"|limited partnership|royalty trust|fund|ETF)\b|\bL\.P\.|\bLP\b", re.IGNORECASE)
# Cut the class / instrument description off an issuer name: "Alphabet Inc. Class C Capital Stock".
DESCRIPTION = (
    r"\s+(?:class|series)\s+\w+\b.*$"
    r"|\s+(?:common|ordinary|capital|subordinate|voting)\s+(?:stock|shares?)\b.*$"
    r"|\s*\(.*?\)"
)


def ticker_key(s: pd.Series) -> pd.Series:
    """BRK/B, BRKB and BRK.B all become BRKB."""
    return s.astype(str).str.upper().str.replace(r"[^A-Z0-9]", "", regex=True)


def issuer_key(names: pd.Series) -> pd.Series:
    key = names.str.lower().str.replace(DESCRIPTION, "", regex=True)
    return key.str.replace(r"[^a-z0-9]+", " ", regex=True).str.strip()


def read_ishares(path: str) -> pd.DataFrame:
    """An iShares holdings file: a preamble (9-10 lines, or none) before the `Ticker,` header."""
    with open(path, encoding="utf-8-sig") as f:
        skip = next((i for i, line in enumerate(f) if line.startswith("Ticker,")), 0)
    df = pd.read_csv(path, skiprows=skip, usecols=["Ticker", "Name", "Asset Class"],
                     dtype=str, encoding="utf-8-sig")
    df = df[df["Asset Class"] == "Equity"]
    return df.assign(ticker=ticker_key(df["Ticker"]))


def prior_members(paths: list[str]) -> pd.DataFrame:
    """One row per prior ticker with its tier: IWM -> R2000; IWV minus IWM -> R1000."""
    by_fund = {}
    for path in paths:
        with open(path, encoding="utf-8-sig") as f:
            title = f.readline().lower()  # "iShares Russell 2000 ETF", or the header when stripped
        small = "russell 2000" in title or os.path.basename(path).upper().startswith("IWM")
        by_fund["IWM" if small else "IWV"] = read_ishares(path)
    r2000 = by_fund.get("IWM", pd.DataFrame(columns=["ticker", "Name"]))
    r3000 = by_fund.get("IWV", pd.DataFrame(columns=["ticker", "Name"]))
    r1000 = r3000[~r3000["ticker"].isin(r2000["ticker"])]
    prior = pd.concat([r1000.assign(prior="R1000"), r2000.assign(prior="R2000")])
    return prior.drop_duplicates("ticker")[["ticker", "Name", "prior"]]


def reconstitute(universe: str, priors: list[str]):
    df = pd.read_csv(universe, encoding="utf-8-sig",
                     usecols=["Symbol", "Name", "Last Sale", "Market Cap", "Country", "Volume", "Industry"],
                     dtype={"Symbol": str, "Name": str, "Last Sale": str, "Country": str})
    df["Name"] = df["Name"].fillna("")
    symbol = df["Symbol"].fillna("")
    common = ~(df["Name"].str.contains(NOT_COMMON)
               | (df["Industry"] == "Blank Checks")
               | symbol.str.contains("^", regex=False)
               | symbol.str.contains(r"/(?:WS|W|U|R|RT)$"))
    df = df[common].copy()
    df["price"] = pd.to_numeric(df["Last Sale"].str.replace(r"[$,]", "", regex=True), errors="coerce")
    df["cap"] = pd.to_numeric(df["Market Cap"], errors="coerce")
    df["ticker"] = ticker_key(df["Symbol"])
    df["key"] = issuer_key(df["Name"])

    prior = prior_members(priors)
    df = df.merge(prior[["ticker", "prior"]], on="ticker", how="left")

    # Share classes -> companies. The pricing vehicle (first row after the sort) is the most traded class.
    df = df.sort_values(["Volume", "cap"], ascending=False)
    companies = df.groupby("key", sort=False).agg(
        symbol=("Symbol", "first"), name=("Name", "first"), price=("price", "first"),
        country=("Country", "first"), cap=("cap", "max"), prior=("prior", "min"))  # "R1000" < "R2000"

    eligible = companies[((companies["country"] == "United States") | companies["prior"].notna())
                         & (companies["price"] >= 1) & (companies["cap"] >= 30e6)]
    ranked = eligible.sort_values(["cap", "symbol"], ascending=[False, True]).reset_index()
    ranked["rank"] = ranked.index + 1
    top = ranked["cap"].head(4000)
    ranked["share"] = ranked["cap"].cumsum() / top.sum()

    # Russell 3000 = ranks 1-3,000; the #1,000 split, banded for prior members.
    r3000 = ranked[ranked["rank"] <= 3000].copy()
    p_star = ranked["share"].iloc[min(1000, len(ranked)) - 1]
    by_rank = r3000["rank"] <= 1000
    stays_up = (r3000["prior"] == "R1000") & (r3000["share"] <= p_star + BAND)
    moves_up = (r3000["prior"] == "R2000") & (r3000["share"] < p_star - BAND)
    r3000["index"] = "R2000"
    r3000.loc[(r3000["prior"].isna() & by_rank) | stays_up | moves_up, "index"] = "R1000"

    additions = r3000[r3000["prior"].isna()]
    # Deletions: prior members whose company is not in the new Russell 3000 (absent from the
    # screener, screened out, or ranked below #3,000), one per company.
    # A prior line the screener lacks (GEFB, a warrant line) is matched to a company by issuer name.
    gone = prior.merge(df[["ticker", "key"]], on="ticker", how="left")
    gone["key"] = gone["key"].fillna(issuer_key(gone["Name"]))
    deletions = gone[~gone["key"].isin(r3000["key"])].drop_duplicates("key")
    moves = r3000[r3000["prior"].notna() & (r3000["prior"] != r3000["index"])]
    return r3000, additions, deletions, moves, p_star


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--universe", required=True)
    ap.add_argument("--prior", action="append", default=[])
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    r3000, additions, deletions, moves, p_star = reconstitute(args.universe, args.prior)

    os.makedirs(args.out, exist_ok=True)
    columns = ["rank", "symbol", "name", "cap", "share", "index"]
    r3000[columns].to_csv(os.path.join(args.out, "membership.csv"), index=False)
    additions[columns].to_csv(os.path.join(args.out, "additions.csv"), index=False)
    deletions[["ticker", "Name", "prior"]].to_csv(os.path.join(args.out, "deletions.csv"), index=False)
    moves[columns + ["prior"]].to_csv(os.path.join(args.out, "moves.csv"), index=False)
    counts = r3000["index"].value_counts()
    print(f"R3000={len(r3000)} R1000={counts.get('R1000', 0)} R2000={counts.get('R2000', 0)} "
          f"additions={len(additions)} deletions={len(deletions)} "
          f"up={(moves['index'] == 'R1000').sum()} down={(moves['index'] == 'R2000').sum()} "
          f"breakpoint_share={p_star:.4f}")


if __name__ == "__main__":
    main()
