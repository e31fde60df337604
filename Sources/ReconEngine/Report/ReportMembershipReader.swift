import ReconCore
import ReconReport
import ReconIO
import ReconFormats

/// Reads a run's `membership.csv` with ``MembershipFile`` into report members.
enum ReportMembershipReader {
    static func read(path: String) throws -> [RunReportMember] {
        try MembershipFile.read(path: path).lines.map { line in
            guard let change = MembershipChange(rawValue: line.change) else {
                throw InputError(file: path, message: "a line of \(line.symbol) has the change '\(line.change)', expected "
                    + MembershipChange.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return RunReportMember(
                symbol: line.symbol, company: line.company, companyKey: line.companyKey,
                totalMarketCap: line.totalMarketCap, rank: line.rank, index: line.index, priorIndex: line.priorIndex,
                microcap: line.microcap, change: change, weight: line.weight, reason: line.reason)
        }
    }
}
