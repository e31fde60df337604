import ReconCore
import ReconFormats

/// The `company-facts` target: ``CompanyFactsReader``, then the facts laid over a small universe
/// at a few dates (``FactsOverlay``). Facts read without an error must have keys of their kind,
/// fractions in 0…1, float shares within the shares outstanding the file gives, a headquarters
/// beside any country, and no two rows of one key in force at a date; the overlay must account
/// for every fact in force (matched or counted) and give fractions in 0…1.
enum FactsTarget {
    static func run(_ bytes: [UInt8]) {
        guard let facts = FuzzTargetRunner.attempt(.companyFacts, { try CompanyFactsReader.read(bytes: bytes, name: "facts.csv") }) else { return }
        check(facts)
        for date in dates { overlay(facts, at: date) }
    }

    /// Rank days across the eras (and one day before the first).
    static let dates = [CalendarDate(year: 1900, month: 1, day: 1), CalendarDate(year: 2006, month: 5, day: 31),
                        CalendarDate(year: 2024, month: 4, day: 30), CalendarDate(year: 2025, month: 4, day: 30)]

    static func check(_ facts: CompanyFacts) {
        FuzzCheck.require(!facts.rows.isEmpty, "company-facts: no rows and no error")
        for row in facts.rows {
            let name = "company-facts line \(row.line) key \(row.key)"
            switch facts.keyKind {
            case .permno, .permco: FuzzCheck.require(Int32(row.key).map { $0 >= 1 && String($0) == row.key } ?? false, "\(name): not a whole number from 1")
            case .ticker: FuzzCheck.require(!row.key.isEmpty && Ticker.normalize(row.key) == row.key, "\(name): not a normalised ticker")
            }
            if let start = row.start, let end = row.end { FuzzCheck.require(start <= end, "\(name): ends before it starts") }
            FuzzCheck.fraction(row.votingFraction, "\(name) voting fraction")
            switch row.float {
            case .factor(let factor)?: FuzzCheck.fraction(factor, "\(name) float factor")
            case .shares(let shares, let outstanding)?:
                FuzzCheck.amount(shares, "\(name) float shares")
                if let outstanding { FuzzCheck.require(outstanding > 0 && shares <= outstanding, "\(name): float shares above the outstanding") }
            case nil: break
            }
        }
        for date in dates {
            let inForce = facts.rowsInForce(at: date).map { facts.rows[$0].key }
            FuzzCheck.unique(inForce, "company-facts: keys in force at \(date)")
        }
    }

    /// A universe of three lines that the seeds' keys reach: PERMNOs 10107, 12345, 3; PERMCOs 8048,
    /// 8048, 5; tickers MSFT, MSFTB, BRKB.
    static let universe: (universe: Universe, keys: FactsOverlay.LineKeys) = {
        let securities = [
            Security(symbol: "MSFT", name: "MSFT", companyKey: "8048", companyName: "M", price: 400, marketCap: 3e12, country: "United States"),
            Security(symbol: "MSFTB", name: "MSFTB", companyKey: "8048", companyName: "M", price: 200, marketCap: 1e11, country: "United States"),
            Security(symbol: "BRK/B", name: "BRKB", companyKey: "5", companyName: "B", price: 0, country: "Bermuda"),
        ]
        return (Universe.numbering(securities).universe,
                FactsOverlay.LineKeys(permno: ["10107", "12345", "3"], permco: ["8048", "8048", "5"]))
    }()

    static func overlay(_ facts: CompanyFacts, at date: CalendarDate) {
        let (universe, report) = FactsOverlay.apply(facts, to: universe.universe, keys: universe.keys, at: date)
        FuzzCheck.require(report.matched + report.notInUniverse.count == report.inForce, "company-facts: facts in force not accounted for at \(date)")
        FuzzCheck.require(universe.facts?.count == universe.count, "company-facts: a line without its facts")
        for line in universe.indices {
            if !universe.floatFraction[line].isNaN { FuzzCheck.fraction(universe.floatFraction[line], "company-facts float of line \(line)") }
            if !universe.votingFraction[line].isNaN { FuzzCheck.fraction(universe.votingFraction[line], "company-facts votes of line \(line)") }
        }
        _ = report.warnings
    }
}
