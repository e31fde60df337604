/// The readers the fuzzer drives, one target per input format recon reads.
///
/// A run selects its target by the `RECON_FUZZ_TARGET` environment variable (one of the raw
/// values, as `make fuzz` does) or, when it is unset, by the input's first byte (`byte % count`),
/// the rest of the input being the file. See `docs/robustness.md`.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// ``CSVReader`` records, read from memory and from a file in tiny chunks (the two must agree),
    /// with format detection and number parsing checked against the standard library.
    case csv = "csv"
    /// ``NasdaqScreenerReader``.
    case nasdaqScreener = "nasdaq-screener"
    /// ``ISharesHoldingsReader`` (without an index given, so the file name and preamble decide).
    case isharesHoldings = "ishares-holdings"
    /// ``NativeUniverseReader``.
    case nativeUniverse = "native-universe"
    /// ``NativeMembershipReader``.
    case nativeMembership = "native-membership"
    /// ``CRSPPanel/load(path:progress:)`` and a snapshot of every month.
    case crsp = "crsp"
    /// ``CRSPPanel/load(path:progress:)`` of files in CRSP's CIZ layout (seeds and dictionary in
    /// that layout), with what the layout promises of the panel.
    case crspCIZ = "crsp-ciz"
    /// ``PanelFile/open(path:)`` (recon's binary panel), as given and with its checksums made to match.
    case panelFile = "panel-file"
    /// ``MembershipFile/read(path:)`` (recon's `membership.csv`, read by `recon validate`).
    case membershipFile = "membership-csv"
    /// ``RulebookLoader/load(directory:)``: `calendar.csv`, then a NUL byte, then `eras.csv`
    /// (without a NUL byte the input is `calendar.csv` and `eras.csv` is the shipped one).
    case rules = "rules"
    /// ``TickerList/read(path:)`` (the truth lists of `recon validate`).
    case tickerList = "ticker-list"
    /// ``CompanyFactsReader`` (`--facts`), and the facts laid over a small universe (``FactsOverlay``).
    case companyFacts = "company-facts"

    /// The environment variable that names the target.
    static let environmentVariable = "RECON_FUZZ_TARGET"

    /// Every target's name, for messages.
    static var allNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The target named `name`, or a message listing the names.
    static func named(_ name: String) -> Result<FuzzTarget, FuzzUsageError> {
        guard let target = FuzzTarget(rawValue: name) else {
            return .failure(FuzzUsageError(message: "unknown fuzz target '\(name)', expected one of: \(allNames)"))
        }
        return .success(target)
    }

    /// The target and the file's bytes: `fixed` when a target was named, else the first byte decides.
    static func select(_ input: [UInt8], fixed: FuzzTarget?) -> (target: FuzzTarget, file: [UInt8])? {
        if let fixed { return (fixed, input) }
        guard let first = input.first else { return nil }
        return (allCases[Int(first) % allCases.count], Array(input.dropFirst()))
    }
}

/// A bad argument or environment variable of the fuzz executable.
struct FuzzUsageError: Error, Sendable {
    var message: String
}
