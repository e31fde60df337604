/// The text of `Data/market-calibration.csv`, built into the binary so that the synthetic
/// market needs no `Data/` folder. `SyntheticMarketCalibrationTests` fails when the two differ:
/// after editing the CSV, paste it here between the delimiters.
extension MarketCalibration {
    static let embeddedText = #"""
year,rank_day,breakpoint_1000_musd,breakpoint_basis,smallest_r3000_musd,smallest_basis,eligible_companies,eligible_basis,new_listings,new_listing_median_musd,source
1979,1979-05-31,170,A,,,2700,A,0.5,45,"rank day russell-rules.md §1.3 ([D] last business day of May, before the 1984 launch); #1,000: assumed: 1984's $255M scaled by the broad market's level in May 1979 vs May 1984 (about 2/3; recollection of the S&P 500, not from russell-rules.md); eligible: assumed"
1980,1980-05-30,,,,,,,0.8,,"rank day russell-rules.md §1.3 ([D] last business day of May, before the 1984 launch)"
1981,1981-05-29,,,,,,,1.2,,"rank day russell-rules.md §1.3 ([D] last business day of May, before the 1984 launch)"
1982,1982-05-28,,,,,,,0.6,,"rank day russell-rules.md §1.3 ([D] last business day of May, before the 1984 launch)"
1983,1983-05-31,,,,,,,2.2,,"rank day russell-rules.md §1.3 ([D] last business day of May, before the 1984 launch)"
1984,1984-05-31,255,C,,,3300,A,1.0,,"rank day russell-rules.md §1.3 ([D] last business day of May, before the 1984 launch); #1,000: russell-rules.md §4.4 [C] BW2014; eligible: assumed: the Russell 3000 launched as 98% of the market (§4.1), so somewhat more than 3,000 eligible"
1985,1985-05-31,,,,,,,1.1,,"rank day russell-rules.md §1.3 ([D] last business day of May, before the 1984 launch)"
1986,1986-05-30,,,,,,,1.9,,"rank day russell-rules.md §1.3 ([D] last business day of May, before the 1984 launch)"
1987,1987-05-29,,,,,3800,A,1.5,,"rank day russell-rules.md §1.3 ([D] last business day of May, before the 1984 launch); eligible: assumed: after the 1983 and 1986 listing waves"
1988,1988-05-31,,,,,,,0.8,,"rank day russell-rules.md §1.3 ([D] last business day of May, before the 1984 launch)"
1989,1989-05-31,,,,,,,0.7,55,rank day russell-rules.md §1.3
1990,1990-05-31,,,,,,,0.6,,rank day russell-rules.md §1.3
1991,1991-05-31,,,,,3700,A,1.3,,rank day russell-rules.md §1.3; eligible: assumed: after the 1987 crash and the 1990 recession
1992,1992-05-29,,,,,,,1.7,,rank day russell-rules.md §1.3
1993,1993-05-28,,,,,,,2.0,,rank day russell-rules.md §1.3
1994,1994-05-31,,,,,4600,A,1.6,,rank day russell-rules.md §1.3; eligible: assumed
1995,1995-05-31,,,,,,,1.7,75,rank day russell-rules.md §1.3
1996,1996-05-31,,,,,,,2.2,,rank day russell-rules.md §1.3
1997,1997-05-30,,,,,5300,A,1.7,,rank day russell-rules.md §1.3; eligible: assumed: the peak of listed US companies in the late 1990s
1998,1998-05-29,1404,S,221.9,S,5300,D,1.2,,"rank day russell-rules.md §1.3; #1,000: russell-rules.md §4.4 [S] SI1999: smallest R1000 $1,404.7M, largest R2000 $1,402.7M; smallest R3000: §4.4 [S] SI1999; eligible: implied by the published #1,000 breakpoint and smallest Russell 3000 member under a log-normal cross-section of log-cap s.d. 2.0 (docs/synthetic-market.md): 5,320"
1999,1999-05-28,,,,,,,1.8,110,rank day russell-rules.md §1.3
2000,2000-05-31,,,177.9,S,4500,D,1.6,,"rank day russell-rules.md §1.3; smallest R3000: §4.4 [S] PS2001b; eligible: implied by the published #1,000 breakpoint and smallest Russell 3000 member under a log-normal cross-section of log-cap s.d. 2.0 (docs/synthetic-market.md) (breakpoint interpolated): 4,470"
2001,2001-05-31,1400,S,146.8,S,4100,D,0.5,,"rank day russell-rules.md §1.3; #1,000: russell-rules.md §4.4 [S] PS2001b: R2000 ceiling $1.4B; smallest R3000: §4.4 [S] PS2001b; eligible: implied by the published #1,000 breakpoint and smallest Russell 3000 member under a log-normal cross-section of log-cap s.d. 2.0 (docs/synthetic-market.md): 4,120"
2002,2002-05-31,,,,,,,0.5,,rank day russell-rules.md §1.3
2003,2003-05-30,1200,S,116.6,S,4000,D,0.5,150,"rank day russell-rules.md §1.3; #1,000: russell-rules.md §4.4 [S] PS2003: R2000 ceiling $1.2B; smallest R3000: §4.4 [S] PS2003; eligible: implied by the published #1,000 breakpoint and smallest Russell 3000 member under a log-normal cross-section of log-cap s.d. 2.0 (docs/synthetic-market.md): 3,940"
2004,2004-05-28,1600,S,175.8,S,,,0.9,,"rank day russell-rules.md §1.3; #1,000: russell-rules.md §4.4 [S] PS2004, PION2004: smallest R1000 $1.6B; smallest R3000: §4.4 [S] PS2004"
2005,2005-05-31,2200,S,180,S,4050,D,0.9,,"rank day russell-rules.md §1.3; #1,000: russell-rules.md §4.4 [S/academic] PET §3.1: upper cutoff $2.2B; smallest R3000: §4.4 [S/academic] PET §3.1; eligible: the Russell 3000E launched in June 2005 with 4,000 names (§3.2, §4.1), so at least 4,000 eligible; implied by the published #1,000 breakpoint and smallest Russell 3000 member under a log-normal cross-section of log-cap s.d. 2.0 (docs/synthetic-market.md): about 4,000 (2004: 4,280)"
2006,2006-05-31,,,,,,,0.9,,rank day russell-rules.md §1.3
2007,2007-05-31,2600,A,,,4000,A,0.9,,"rank day russell-rules.md §1.3; #1,000: assumed: no published figure (russell-rules.md §8); the 2005 and 2014 figures scaled by the Russell 2000's level at the rank day (recollection), to keep the 2007-09 fall; eligible: assumed"
2008,2008-05-30,,,,,,,0.3,200,rank day russell-rules.md §1.3
2009,2009-05-29,1500,A,,,3600,A,0.35,,"rank day russell-rules.md §1.3; #1,000: assumed: as 2007; the May 2009 rank day came after the 2008-09 crash; eligible: assumed: the crash pushed many companies under $1 or $30M"
2010,2010-05-28,,,,,,,0.6,,rank day russell-rules.md §1.3
2011,2011-05-31,,,,,,,0.6,,rank day russell-rules.md §1.3
2012,2012-05-31,,,,,3500,A,0.6,,rank day russell-rules.md §1.3; eligible: assumed
2013,2013-05-31,,,,,,,0.8,,rank day russell-rules.md §1.3
2014,2014-05-30,3100,C,,,,,1.0,300,"rank day russell-rules.md §1.3; #1,000: russell-rules.md §4.4 [C] BW2014"
2015,2015-05-29,3400,C,,,,,0.7,,"rank day russell-rules.md §1.3; #1,000: russell-rules.md §4.4 [C] BW2015"
2016,2016-05-27,2900,S,,,3550,A,0.5,,"rank day russell-rules.md §1.3; #1,000: russell-rules.md §4.4 [S] ETF2017; eligible: assumed"
2017,2017-05-12,3400,S,,,,,0.6,,"rank day russell-rules.md §1.3; #1,000: russell-rules.md §4.4 [S] ETF2017"
2018,2018-05-11,3700,S,,,,,0.7,,"rank day russell-rules.md §1.3; #1,000: russell-rules.md §4.4 [S] CALLAN2019"
2019,2019-05-10,3600,S,,,3491,D,0.6,,"rank day russell-rules.md §1.3; #1,000: russell-rules.md §4.4 [S] CALLAN2019, CME2019; eligible: 2,000 + the Microcap's 1,491 holdings in May 2019 (§4.1 [S] DIGOPT); the Microcap is ranks 2,001-4,000 or all eligible"
2020,2020-05-08,3000,S,94.8,S,3300,D,1.2,400,"rank day russell-rules.md §1.3; #1,000: russell-rules.md §4.4 [S] CALLAN2020, CBOE2020; smallest R3000: §4.4 [S] CBOE2020 (smallest R2000 member); eligible: implied by the published #1,000 breakpoint and smallest Russell 3000 member under a log-normal cross-section of log-cap s.d. 2.0 (docs/synthetic-market.md): 3,260"
2021,2021-05-07,5200,C,257,S,3600,D,1.9,,"rank day russell-rules.md §1.3; #1,000: russell-rules.md §4.4 [C] P2021; smallest R3000: §4.4 [S] CHANNELCHEK2021; eligible: implied by the published #1,000 breakpoint and smallest Russell 3000 member under a log-normal cross-section of log-cap s.d. 2.0 (docs/synthetic-market.md): 3,590"
2022,2022-05-06,4600,C,,,,,0.4,,"rank day russell-rules.md §1.3; #1,000: russell-rules.md §4.4 [C] P2022B"
2023,2023-04-28,4200,D,,,3450,A,0.4,,"rank day russell-rules.md §1.3; #1,000: russell-rules.md §4.4 [D] from P2024B (2024 = $4.6B after a 9.5% rise); eligible: assumed"
2024,2024-04-30,4600,C,150.4,C,3400,D,0.5,,"rank day russell-rules.md §1.3; #1,000: russell-rules.md §4.4 [C] P2024B; smallest R3000: §4.4 [C] FRPAGE2025 (R3000 low at the rank date); eligible: implied by the published #1,000 breakpoint and smallest Russell 3000 member under a log-normal cross-section of log-cap s.d. 2.0 (docs/synthetic-market.md): 3,390"
2025,2025-04-30,4600,C,,,3364,D,0.55,,"rank day russell-rules.md §1.3; #1,000: russell-rules.md §4.4 [C] P2025B; eligible: 2,000 + the 1,364 IWC holdings of July 2025 (§4.1)"
2026,2026-04-30,5700,S,,,3400,A,0.55,500,"rank day russell-rules.md §1.3; #1,000: russell-rules.md §4.4 [S] LEDGER2026; eligible: assumed"

"""#
}
