import ReconIO

/// Runs one input on one target. An ``InputError`` is a correct answer to a bad file; any other
/// error, a trap, or a broken property (``FuzzCheck``) is a finding.
enum FuzzTargetRunner {
    /// Called with every ``InputError`` a reader throws (the replay prints them with `--verbose`).
    nonisolated(unsafe) static var inputErrorObserver: ((FuzzTarget, InputError) -> Void)?

    /// Runs `file` on `target`.
    static func run(_ target: FuzzTarget, _ file: [UInt8]) {
        switch target {
        case .csv: CSVRecordsTarget.run(file)
        case .nasdaqScreener: UniverseTargets.nasdaqScreener(file)
        case .isharesHoldings: MembershipTargets.isharesHoldings(file)
        case .nativeUniverse: UniverseTargets.nativeUniverse(file)
        case .nativeMembership: MembershipTargets.nativeMembership(file)
        case .crsp: CRSPTarget.run(file)
        case .crspCIZ: CRSPCIZTarget.run(file)
        case .panelFile: PanelFileTarget.run(file)
        case .membershipFile: MembershipTargets.membershipFile(file)
        case .rules: RulesTarget.run(file)
        case .tickerList: MembershipTargets.tickerList(file)
        case .companyFacts: FactsTarget.run(file)
        }
    }

    /// Runs a raw fuzzer input: `fixed` names the target, else the first byte chooses it.
    static func runInput(_ input: [UInt8], fixed: FuzzTarget?) {
        guard let (target, file) = FuzzTarget.select(input, fixed: fixed) else { return }
        run(target, file)
    }

    /// The reader's result, or `nil` when it threw an ``InputError``; any other error stops the process.
    static func attempt<Result>(_ target: FuzzTarget, _ body: () throws -> Result) -> Result? {
        do {
            return try body()
        } catch let error as InputError {
            inputErrorObserver?(target, error)
            return nil
        } catch {
            FuzzCheck.expectedError(error, target: target)
            return nil
        }
    }

    /// Reads back what recon's own writer wrote: any error at all is a finding.
    static func readBack<Result>(_ target: FuzzTarget, _ written: [UInt8], _ read: ([UInt8]) throws -> Result) -> Result {
        do {
            return try read(written)
        } catch {
            fatalError("\(target.rawValue): the writer's own output did not read back: \(error)\n\(String(decoding: written, as: UTF8.self))")
        }
    }
}
