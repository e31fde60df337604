import ReconPlatform
import ReconIO
import ReconCRSP
import ReconFormats

/// The seed inputs of each target, written by `make fuzz` into `.cache/fuzz/seeds/TARGET/`, and a
/// libFuzzer dictionary per target (`TARGET.dict`) of the column names and tokens that matter.
/// Seeds are small valid files (and a few near-valid ones) in every format's real shape: BOM,
/// CRLF, quoting, preambles, CRSP missing codes.
enum SeedCorpus {
    static let screenerHeader = "Symbol,Name,Last Sale,Net Change,% Change,Market Cap,Country,IPO Year,Volume,Sector,Industry"

    static let screener = #"""
        \#(screenerHeader)
        AAPL,Apple Inc. Common Stock,$196.25,-0.33,-0.168%,2931497480000.00,United States,1980,42305711,Technology,Computer Manufacturing
        GOOG,Alphabet Inc. Class C Capital Stock,$168.47,1.20,0.717%,2045000000000.00,United States,2004,17000000,Technology,Computer Software: Programming Data Processing
        GOOGL,Alphabet Inc. Class A Common Stock,$166.19,1.10,0.667%,2045000000000.00,United States,2004,30000000,Technology,Computer Software: Programming Data Processing
        BFS^D,Saul Centers Inc. Depositary Shares each representing 1/100th of a share of 6.125% Series D Cumulative Redeemable Preferred Stock,$19.02,0.02,0.105%,,United States,,3000,Real Estate,Real Estate Investment Trusts
        ACAXW,Alset Capital Acquisition Corp. Warrant,$0.03,0,0%,0,United States,2022,100,Finance,Blank Checks
        "BRK/B","Berkshire Hathaway Inc., Class B",$503.25,1,0.2%,"1,085,000,000,000",United States,,3000000,Finance,Property-Casualty Insurers

        """#

    /// Nasdaq's legacy company list: suffixed caps, `n/a`, `ADR TSO`, a trailing comma.
    static let legacyCompanyList = #"""
        "Symbol","Name","LastSale","MarketCap","ADR TSO","IPOyear","Sector","Industry","Summary Quote",
        "TFSC","1347 Capital Corp.","9.89","$58.83M","n/a","2014","Finance","Business Services","http://x",
        "TFSCW","1347 Capital Corp.","0.17","n/a","n/a","2014","Finance","Business Services","http://x",
        "YI","111, Inc.","7.4","95513243","12907195","2018","Health Care","Medical/Nursing Services","https://x",

        """#

    static let ishares = #"""
        iShares Russell 2000 ETF
        Fund Holdings as of,"May 13, 2025"
        Inception Date,"May 22, 2000"
        Shares Outstanding,"275,950,000.00"
        Stock,"-"
        Bond,"-"
        Cash,"-"
        Other,"-"
        \#u{A0}
        Ticker,Name,Sector,Asset Class,Market Value,Weight (%),Notional Value,Quantity,Price,Location,Exchange,Currency,FX Rate,Market Currency,Accrual Date
        "SFM","SPROUTS FARMERS MARKET INC","Consumer Staples","Equity","409,233,878.82","0.64","409,233,878.82","2,376,041.00","172.23","United States","NASDAQ","USD","1.00","USD","-"
        "BRKB","BERKSHIRE HATHAWAY INC CLASS B","Financials","Equity","1,000.00","0.01","1,000.00","2.00","500.00","United States","New York Stock Exchange Inc.","USD","1.00","USD","-"
        "XTSLA","BLK CSH FND TREASURY SL AGENCY","Cash and/or Derivatives","Money Market","172,512,404.95","0.27","172,512,404.95","172,512,404.95","1.00","United States","-","USD","1.00","USD","-"
        "RTYM5","RUSSELL 2000 EMINI CME JUN 25","Cash and/or Derivatives","Futures","-1,000.00","0.00","-1,000.00","1.00","2,050.00","United States","Chicago Mercantile Exchange","USD","1.00","USD","-"
        "-","TOTAL ASSET MGMT (CVR)","Health Care","Equity","0.00","0.00","0.00","10.00","0.00","United States","NO MARKET (E.G. UNLISTED)","USD","1.00","USD","-"
        " "
        "The content contained herein is owned or licensed by BlackRock and/or its third-party information providers."

        """#

    static let isharesWithoutPreamble = #"""
        Ticker,Name,Sector,Asset Class,Market Value,Weight,Price,Exchange
        "AAPL","APPLE INC","Information Technology","Equity","5,000,000.00","6.12","196.25","NASDAQ"
        "MSFT","MICROSOFT CORP","Information Technology","Equity","4,900,000.00","5.99","420.10","NASDAQ"

        """#

    static let nativeUniverse = #"""
        \#(NativeUniverseFormat.columns.joined(separator: ","))
        AAA,Alpha Inc. Common Stock,alpha inc,Alpha Inc.,common,12.5,12.25,1250000000,security,100000000,0.9,1,United States,NYSE,true,Technology,Software,100000,1999,
        BBB,Beta Corp Warrant,beta corp,Beta Corp,warrant,0.5,,,unknown,,,,,,false,,,10,,"name says ""Warrant"""

        """#

    static let nativeMembership = #"""
        symbol,name,index,company_key,microcap,weight
        AAA,Alpha Inc.,R1000,alpha inc,false,0.6
        BBB,"Beta, Corp",r2000,,true,0.0001
        CCC,Gamma,none,,,

        """#

    static let membershipFile = #"""
        symbol,company,company_key,total_market_cap,rank,cumulative_pct,index,prior_index,microcap,change,migration,weight,weight_basis,reason
        S40,Company 40 Inc.,co 40 inc,2000000000,1,4.878049,R1000,R2000,false,upward,upward,0.6,float_adjusted,rank
        S2,Company 2 Inc.,co 2 inc,100000000,40,100,R2000,R1000,true,downward,downward,0.4,total_cap,band_crossed
        S1W,Company 1 Inc. Warrant,co 1 inc,,,,none,none,false,none,outside,,,type:warrant

        """#

    static let crsp = #"""
        permno,date,shrcd,exchcd,siccd,ticker,comnam,permco,dlret,prc,ret,shrout
        10001,19990430,11,3,4911,ALFA,ALFA CORP,500,,20.5,0.025,1000
        10001,1999-05-28,11,3,4911,ALFA,ALFA CORP,500,,-21.0,C,1000
        10002,19990430,11,1,6020,BETA,BETA BANCORP CL A,600,,10,0.01,2000
        10003,19990528,11,1,6020,BETB,"BETA BANCORP, CL B",600,,9.9,0.1,500
        10004,19990528,73,1,6792,GAMU,GAMMA UNITS,700,,15,B,300
        10006,19990528,11,3,2834,EPSI,EPSILON PHARMA,900,-0.3,3,-0.25,0
        10007,19990528,11,3,2834,ZETA,ZETA INC,901,-88,,-99,100

        """#

    static let companyFacts = #"""
        gvkey,permno,start,end,incorporation_country,headquarters_country,asset_country,revenue_country,float_factor,voting_fraction,conm
        012141,10107,,,USA,USA,USA,USA,0.999,1,MICROSOFT CORP
        099999,12345,2007-01-01,2019-12-31,BMU,USA,,,0.85,0.02097,"SOME RE, LTD"
        099999,12345,20200101,,bmu,BMU,GBR,CHN,0.5,,SOME RE LTD
        001234,3,,,PRI,PRI,,,,,ISLAND BANCORP

        """#

    static let companyFactsByTicker = #"""
        tic,fic,loc,float_shares,shares_outstanding
        MSFT,USA,USA,"7,400,000,000",7430000000
        BRK.B,USA,USA,1000,
        MSFTB,,,,

        """#

    static let companyFactsByPermco = #"""
        PERMCO,Start,End,Voting_Fraction,Float_Shares
        8048,,2024-12-31,0.5,100
        8048,2025-01-01,,0.6,9000000000000
        5,1990-01-01,1999-12-31,0.01,

        """#
    /// CIZ rows: ISO dates, a bid/ask midpoint (BA), a missing price (MP), halted, suspended,
    /// when-issued and unlisted rows, a REIT, an ADR, a fund, units, attributes in lower case
    /// and quoted, a name with a comma, MthRet with the delisting return in it.
    static let crspCIZ = #"""
        PERMNO,PrimaryExch,ConditionalType,TradingStatusFlg,USIncFlg,IssuerType,SecurityType,SecuritySubType,ShareType,Ticker,PERMCO,SICCD,IssuerNm,YYYYMM,MthCalDt,MthPrc,MthPrcFlg,MthCap,MthRet,ShrOut
        10001,N,RW,A,Y,CORP,EQTY,COM,NS,ALFA,500,4911,ALFA CORP,199904,1999-04-30,20.5,TR,20500,0.025,1000
        10001,N,RW,A,Y,CORP,EQTY,COM,NS,ALFA,500,4911,ALFA CORP,199905,1999-05-28,21,BA,21000,,1000
        10002,Q,RW,H,Y,ACOR,EQTY,COM,NS,BETA,600,6020,"BETA BANCORP, CL A",199904,1999-04-30,10,TR,20000,0.01,2000
        10003,a,rw,s,y,reit,eqty,com,ns,GAMA,700,6798,GAMMA REALTY,199905,1999-05-28,9.9,TR,4950,0.1,500
        10004,"Q","WI","A","N","CORP","EQTY","COM","AD",DLTA,800,3571,DELTA ADR,199905,1999-05-28,15,TR,4500,,300
        10005,X,NT,,Y,ACOR,FUND,CEF,NS,EPSF,900,6726,EPSILON FUND,199905,1999-05-28,,MP,,-0.3,0
        10006,R,NW,A,Y,ACOR,FUND,ETF,NS,ZETF,901,6726,ZETA ETF,199905,1999-05-28,3,TR,300,-1,100
        10007,B,RW,A,N,CORP,EQTY,COM,UG,ETAU,902,,ETA UNITS,199905,1999-05-28,0.5,BA,50,1.5,100

        """#

    /// The CIZ seed with `YYYYMM` for a date (no `MthCalDt`) and YYYYMMDD dates.
    static var crspCIZMonths: String {
        crspCIZ.replacingOccurrences(of: "YYYYMM,MthCalDt", with: "YYYYMM,Day")
    }

    static let tickers = #"""
        symbol,company,industry
        AAPL,Apple Inc.,Technology
        BRK.B,"Berkshire Hathaway, Inc.",Financials

        """#

    /// The seeds of `target`, by file name.
    static func seeds(_ target: FuzzTarget) -> [(name: String, text: [UInt8])] {
        let texts: [(String, String)]
        switch target {
        case .csv:
            texts = [("quotes.csv", "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",3\n\"multi\nline\",,\nlast,row,noeol"),
                     ("numbers.csv", "n\n$1,234,567.89\n-12.5\n1e3\n$-5\n\"1,000\"\n0.000001\n"), ("screener.csv", screener)]
        case .nasdaqScreener:
            texts = [("screener.csv", screener), ("screener-crlf.csv", crlf(screener)), ("companylist.csv", legacyCompanyList)]
        case .isharesHoldings: texts = [("iwm.csv", ishares), ("no-preamble.csv", isharesWithoutPreamble)]
        case .nativeUniverse: texts = [("universe.csv", nativeUniverse)]
        case .nativeMembership: texts = [("membership.csv", nativeMembership)]
        case .crsp: texts = [("msf.csv", crsp), ("msf-crlf.csv", crlf(crsp))]
        case .crspCIZ: texts = [("msf_v2.csv", crspCIZ), ("msf_v2-crlf.csv", crlf(crspCIZ)), ("msf_v2-months.csv", crspCIZMonths),
                                ("msf_v2-days.csv", crspCIZ.replacingOccurrences(of: "-04-30", with: "0430").replacingOccurrences(of: "-05-28", with: "0528"))]
        case .panelFile: return panelSeeds()
        case .membershipFile: texts = [("membership.csv", membershipFile)]
        case .rules: return rulesSeeds()
        case .tickerList: texts = [("tickers.csv", tickers), ("iwm.csv", ishares)]
        case .companyFacts: texts = [("permno.csv", companyFacts), ("ticker.csv", companyFactsByTicker), ("permco.csv", companyFactsByPermco),
                                     ("permno-crlf.csv", crlf(companyFacts))]
        }
        var seeds = texts.map { (name: $0.0, text: Array($0.1.utf8)) }
        if let first = seeds.first { seeds.append((name: "bom-" + first.name, text: [0xEF, 0xBB, 0xBF] + first.text)) }
        return seeds
    }

    /// The CRSP seed imported as a panel file, whole and cut short.
    static func panelSeeds() -> [(name: String, text: [UInt8])] {
        let csv = ScratchFolder.shared.write(Array(crsp.utf8), named: "seed.csv")
        let panel = ScratchFolder.shared.path + "/seed.recon"
        guard (try? PanelImport.run(source: csv, destination: panel)) != nil, let bytes = readFile(panel) else { return [] }
        return [("panel.recon", bytes), ("short.recon", Array(bytes.prefix(bytes.count / 2)))]
    }

    /// The shipped rules, whole and cut short, both files joined by a NUL byte.
    static func rulesSeeds() -> [(name: String, text: [UInt8])] {
        guard let folder = try? DataDirectory.locate().path,
              let calendar = readFile(folder + "/calendar.csv"), let eras = readFile(folder + "/eras.csv") else { return [] }
        let short = { (bytes: [UInt8], lines: Int) -> [UInt8] in
            Array(bytes.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(lines).joined(separator: [0x0A])) + [0x0A]
        }
        return [("shipped.csv", calendar + [0] + eras), ("calendar-only.csv", calendar),
                ("short.csv", short(calendar, 27) + [0] + short(eras, 3))]
    }

    /// Tokens for libFuzzer's dictionary: column names, values and separators.
    static func dictionary(_ target: FuzzTarget) -> [String] {
        let common = ["\"", "\"\"", ",", "\r\n", "\n", "\u{FEFF}", "$", "-", "N/A", "1e308", "-0", "NaN", "inf", "1,234.5"]
        switch target {
        case .csv: return common
        case .nasdaqScreener:
            return common + screenerHeader.split(separator: ",").map(String.init)
                + ["Warrant", "Class A", "Blank Checks", "^", "/", "LastSale", "MarketCap", "ADR TSO", "n/a", "$58.83M", "B", "K"]
        case .isharesHoldings: return common + ["Ticker", "Asset Class", "Equity", "Weight (%)", "Market Value", "Fund Holdings as of",
                                                "iShares Russell 2000 ETF", "iShares Russell 3000 ETF", "NO MARKET"]
        case .nativeUniverse: return common + NativeUniverseFormat.columns + ["common", "security", "company", "true", "false"]
        case .nativeMembership: return common + NativeMembershipWriter.columns + ["R1000", "R2000", "none", "true"]
        case .panelFile: return ["RECONPNL", "\u{1}\u{0}\u{0}\u{0}", "\u{0}\u{0}\u{0}\u{0}", "\u{FF}\u{FF}\u{FF}\u{7F}"]
        case .crsp: return common + ["PERMNO", "PERMCO", "date", "SHRCD", "EXCHCD", "TICKER", "COMNAM", "PRC", "RET", "SHROUT",
                                     "DLRET", "SICCD", "NCUSIP", "19991231", "2020-02-29", "-99", "C", "B"]
        case .crspCIZ: return common + ["PERMNO", "PERMCO", "MthCalDt", "YYYYMM", "MthPrc", "MthPrcFlg", "MthRet", "MthCap", "ShrOut",
                                        "PrimaryExch", "ConditionalType", "TradingStatusFlg", "ShareType", "SecurityType", "SecuritySubType",
                                        "USIncFlg", "IssuerType", "Ticker", "IssuerNm", "SICCD", "CUSIP", "DLRET",
                                        "NS", "AD", "SB", "UG", "CE", "EQTY", "FUND", "COM", "CEF", "ETF", "ACOR", "CORP", "REIT",
                                        "RW", "NW", "WI", "NT", "BA", "TR", "MP", ",N,", ",Y,", ",A,", ",Q,", ",X,", ",H,", ",S,",
                                        "1999-12-31", "2020-02-29", "199912", "202013", "-1"]
        case .membershipFile: return common + MembershipFile.requiredColumns + ["rank", "weight", "microcap", "R1000", "R2000", "none"]
        case .rules: return common + ["2024-06", "2024-05-31", "true", "false", "0.025", "D", "S", "\u{0}"]
        case .tickerList: return common + ["symbol", "Ticker", "Asset Class", "Equity"]
        case .companyFacts: return common + ["permno", "permco", "ticker", "tic", "start", "end", "incorporation_country",
                                             "headquarters_country", "asset_country", "revenue_country", "fic", "loc", "float_factor",
                                             "float_shares", "shares_outstanding", "voting_fraction", "USA", "BMU", "CYM", "PRI", "CAN",
                                             "Bermuda", "2024-04-30", "20240430", "0.05", "10107", "8048"]
        }
    }

    /// Writes every target's seeds to `folder/TARGET/` and its dictionary to `folder/TARGET.dict`.
    static func write(to folder: String) throws {
        try makeFolder(folder)
        for target in FuzzTarget.allCases {
            let targetFolder = folder + "/" + target.rawValue
            try makeFolder(targetFolder)
            for seed in seeds(target) { try AtomicFile.write(seed.text, to: targetFolder + "/" + seed.name) }
            let entries = dictionary(target).map { "\"" + escape($0) + "\"" }
            try AtomicFile.write(entries.joined(separator: "\n") + "\n", to: folder + "/" + target.rawValue + ".dict")
        }
    }

    /// A dictionary entry: printable ASCII as is, other bytes as `\xNN`.
    static func escape(_ token: String) -> String {
        token.utf8.map { byte in
            byte >= 0x20 && byte < 0x7F && byte != 0x22 && byte != 0x5C
                ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(2)
        }.joined()
    }

    /// `text` with CRLF line ends.
    static func crlf(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
    }

    /// A whole file, `nil` when it cannot be read.
    static func readFile(_ path: String) -> [UInt8]? {
        guard let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = fread(&chunk, 1, chunk.count, handle)
            if got <= 0 { break }
            bytes += chunk[..<got]
        }
        return bytes
    }

    private static func makeFolder(_ path: String) throws {
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw OutputError(path: path, message: "cannot create the folder (\(String(cString: strerror(errno))))")
        }
    }
}

extension String {
    /// The text with zeros in front up to `width` characters.
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
