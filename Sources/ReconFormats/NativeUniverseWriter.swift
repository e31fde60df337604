import ReconCore
import ReconIO

/// Writes securities as recon's own universe CSV (``NativeUniverseFormat``), every column,
/// numbers in their shortest round-trip form, so ``NativeUniverseReader`` reads back the same
/// values (`origin` excepted: it names where a line was read).
public enum NativeUniverseWriter {
    /// The CSV of `securities`, in the order given.
    public static func csv(_ securities: [Security]) -> CSVWriter {
        var writer = CSVWriter(header: NativeUniverseFormat.columns)
        for security in securities { writer.appendRow(row(security)) }
        return writer
    }

    /// Writes the CSV with ``AtomicFile``.
    public static func write(_ securities: [Security], to path: String) throws {
        try csv(securities).write(to: path)
    }

    private static func row(_ security: Security) -> [String] {
        let number = { (value: Double?) in CSVWriter.number(value) }
        return [
            security.symbol, security.name, security.companyKey, security.companyName,
            security.type.rawValue, number(security.price), number(security.averagePrice30Days),
            number(security.marketCap), security.capScope.rawValue, number(security.sharesOutstanding),
            number(security.floatFraction), number(security.votingFraction),
            security.country ?? "", security.exchange ?? "", CSVWriter.boolean(security.isOnEligibleExchange),
            security.sector ?? "", security.industry ?? "", number(security.volume),
            CSVWriter.integer(security.ipoYear), security.typeEvidence ?? "",
        ]
    }
}
