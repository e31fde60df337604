import ReconCore
import ReconIO

/// Writes a membership as recon's own membership CSV:
/// `symbol,name,index,company_key,microcap,weight`, lines in the membership's order, so
/// ``NativeMembershipReader`` reads back the same entries.
public enum NativeMembershipWriter {
    /// The columns, in the order written.
    public static let columns = ["symbol", "name", "index", "company_key", "microcap", "weight"]

    /// The CSV of `membership`.
    public static func csv(_ membership: PriorLines) -> CSVWriter {
        var writer = CSVWriter(header: columns)
        for entry in membership.entries {
            writer.appendRow([entry.spelling, entry.name, entry.tier.rawValue, entry.companyKey ?? "",
                              CSVWriter.boolean(entry.isMicrocap), CSVWriter.number(entry.weight)])
        }
        return writer
    }

    /// Writes the CSV with ``AtomicFile``.
    public static func write(_ membership: PriorLines, to path: String) throws {
        try csv(membership).write(to: path)
    }
}
