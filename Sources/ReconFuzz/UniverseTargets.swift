import ReconCore
import ReconFormats

/// The universe readers (`nasdaq-screener`, `native-universe`): a file read without an error must
/// give securities whose numbers are finite and in range, with unique symbols and a company key.
enum UniverseTargets {
    static func nasdaqScreener(_ bytes: [UInt8]) {
        guard let result = FuzzTargetRunner.attempt(.nasdaqScreener, { try NasdaqScreenerReader.read(bytes: bytes, name: "screener.csv") }) else { return }
        check(result, target: .nasdaqScreener)
    }

    static func nativeUniverse(_ bytes: [UInt8]) {
        guard let result = FuzzTargetRunner.attempt(.nativeUniverse, { try NativeUniverseReader.read(bytes: bytes, name: "universe.csv") }) else { return }
        check(result, target: .nativeUniverse)
        // What the writer writes, the reader reads back as the same values.
        let written = Array(NativeUniverseWriter.csv(result.securities).text.utf8)
        let again = FuzzTargetRunner.readBack(.nativeUniverse, written) { try NativeUniverseReader.read(bytes: $0, name: "universe.csv") }
        let strip = { (securities: [Security]) in securities.map { security -> Security in
            var copy = security
            copy.origin = ""
            return copy
        } }
        FuzzCheck.require(strip(again.securities) == strip(result.securities), "native-universe: written and read back, the securities differ")
    }

    /// The properties every universe read must have.
    static func check(_ result: UniverseReadResult, target: FuzzTarget) {
        FuzzCheck.require(!result.securities.isEmpty, "\(target.rawValue): no securities and no error")
        FuzzCheck.unique(result.securities.map { $0.symbol.uppercased() }, "\(target.rawValue): symbols")
        for security in result.securities {
            let name = "\(target.rawValue) \(security.origin) \(security.symbol)"
            FuzzCheck.require(!security.symbol.isEmpty && !security.companyKey.isEmpty, "\(name): empty symbol or company key")
            FuzzCheck.amount(security.price, "\(name) price")
            FuzzCheck.amount(security.averagePrice30Days, "\(name) 30-day price")
            FuzzCheck.amount(security.marketCap, "\(name) market cap")
            FuzzCheck.amount(security.sharesOutstanding, "\(name) shares")
            FuzzCheck.amount(security.volume, "\(name) volume")
            FuzzCheck.fraction(security.floatFraction, "\(name) float")
            FuzzCheck.fraction(security.votingFraction, "\(name) voting fraction")
            if let year = security.ipoYear { FuzzCheck.require((1600...2200).contains(year), "\(name) IPO year \(year)") }
        }
    }
}
