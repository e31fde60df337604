import ReconCore
import ReconFormats

/// The membership readers: iShares holdings, recon's membership CSV, recon's `membership.csv`
/// output and the ticker lists of `recon validate`. A file read without an error must give
/// weights that are fractions and one line per ticker.
enum MembershipTargets {
    static func isharesHoldings(_ bytes: [UInt8]) {
        // Without an index the preamble must name the fund (the name "holdings.csv" names none).
        if let holdings = FuzzTargetRunner.attempt(.isharesHoldings, { try ISharesHoldingsReader.read(bytes: bytes, name: "holdings.csv") }) {
            guard case .fundName = holdings.indexSource else { fatalError("ishares-holdings: an index that nothing named") }
        }
        // With the index given, as R2000=FILE does, the rows are read.
        guard let holdings = FuzzTargetRunner.attempt(.isharesHoldings, { try ISharesHoldingsReader.read(bytes: bytes, name: "holdings.csv", index: .r2000) }) else { return }
        FuzzCheck.unique(holdings.holdings.map { Ticker.securityKey($0.symbol) }, "ishares-holdings: tickers")
        for holding in holdings.holdings {
            let name = "ishares-holdings line \(holding.line) \(holding.symbol)"
            FuzzCheck.require(!holding.symbol.isEmpty && holding.symbol != "-", "\(name): no ticker")
            FuzzCheck.fraction(holding.weight, "\(name) weight")
            FuzzCheck.amount(holding.marketValue, "\(name) market value")
            FuzzCheck.amount(holding.price, "\(name) price")
        }
        var builder = PriorMembershipBuilder()
        builder.add(holdings)
        if let built = FuzzTargetRunner.attempt(.isharesHoldings, { try builder.build() }) {
            FuzzCheck.unique(built.membership.entries.map(\.spelling), "ishares-holdings: prior entries")
        }
    }

    static func nativeMembership(_ bytes: [UInt8]) {
        guard let membership = FuzzTargetRunner.attempt(.nativeMembership, { try NativeMembershipReader.read(bytes: bytes, name: "membership.csv") }) else { return }
        checkEntries(membership, target: .nativeMembership)
        let written = Array(NativeMembershipWriter.csv(membership).text.utf8)
        let again = FuzzTargetRunner.readBack(.nativeMembership, written) { try NativeMembershipReader.read(bytes: $0, name: "membership.csv") }
        FuzzCheck.require(again.entries.map(\.tier) == membership.entries.map(\.tier)
                          && again.entries.map(\.weight) == membership.entries.map(\.weight),
                          "native-membership: written and read back, the entries differ")
    }

    static func membershipFile(_ bytes: [UInt8]) {
        let path = ScratchFolder.shared.write(bytes, named: "membership.csv")
        guard let file = FuzzTargetRunner.attempt(.membershipFile, { try MembershipFile.read(path: path) }) else { return }
        for line in file.lines {
            FuzzCheck.amount(line.totalMarketCap, "membership-csv \(line.symbol) total_market_cap")
            FuzzCheck.fraction(line.weight, "membership-csv \(line.symbol) weight")
            if let rank = line.rank { FuzzCheck.require(rank >= 1, "membership-csv \(line.symbol) rank \(rank)") }
        }
        _ = (file.predictedAdditions, file.predictedDeletions, file.symbols(in: .r2000))
    }

    static func tickerList(_ bytes: [UInt8]) {
        let path = ScratchFolder.shared.write(bytes, named: "tickers.csv")
        guard let tickers = FuzzTargetRunner.attempt(.tickerList, { try TickerList.read(path: path).tickers }) else { return }
        FuzzCheck.require(tickers.allSatisfy { !$0.isEmpty && $0 != "-" }, "ticker-list: an empty ticker")
        _ = ValidationScore(name: "fuzz", predicted: Array(tickers.prefix(3)), truth: tickers)
    }

    /// Weights are fractions; a company's lines are unique by spelling (`DCOM` and `DCOM^` are two).
    static func checkEntries(_ membership: PriorLines, target: FuzzTarget) {
        FuzzCheck.require(!membership.isEmpty, "\(target.rawValue): no entries and no error")
        FuzzCheck.unique(membership.entries.map { "\($0.companyKey ?? "")|\($0.spelling)" }, "\(target.rawValue): symbols")
        for entry in membership.entries {
            FuzzCheck.fraction(entry.weight, "\(target.rawValue) \(entry.symbol) weight")
        }
    }
}
