import ReconCore
import ReconIO
import ReconCRSP

/// The `crsp-ciz` target: CRSP files in the CIZ layout (msf_v2 with stksecurityinfohist) through
/// ``CRSPPanel/load(path:progress:)``, the same load path as the legacy file (``CRSPTarget``'s
/// checks all hold), and, for a file read as CIZ, what the layout promises: no delisting return
/// (MthRet holds it, so nothing may be compounded with it), and only the legacy codes the
/// CIZ-to-SIZ mapping can give.
enum CRSPCIZTarget {
    /// The share codes the mapping gives (docs/crsp.md): 0 for a combination it cannot express.
    static let shareCodes: Set<Int> = [0, 10, 11, 12, 14, 15, 18, 30, 31, 34, 35, 38, 40, 41, 42, 44, 45, 48, 70, 71, 72, 73, 74, 75, 78]
    /// The exchange codes it gives: listed and active, halted, suspended, when-issued, or 0.
    static let exchangeCodes: Set<Int> = Set([-2, -1, 0] + Array(1 ... 6) + Array(31 ... 36))

    static func run(_ bytes: [UInt8]) {
        let path = ScratchFolder.shared.write(bytes, named: "msf_v2.csv")
        guard let panel = FuzzTargetRunner.attempt(.crspCIZ, { try CRSPPanel.load(path: path) }) else { return }
        CRSPTarget.check(panel)
        guard isCIZ(bytes) else { return }
        for index in 0 ..< panel.rowCount {
            let row = panel.row(index)
            FuzzCheck.require(row.delistingReturn == nil, "crsp-ciz: row \(index) of a CIZ file has a delisting return \(String(describing: row.delistingReturn))")
            FuzzCheck.require(shareCodes.contains(row.shareCode), "crsp-ciz: row \(index) has SHRCD \(row.shareCode), which no CIZ attributes give")
            FuzzCheck.require(exchangeCodes.contains(row.exchangeCode), "crsp-ciz: row \(index) has EXCHCD \(row.exchangeCode), which no CIZ attributes give")
            if let price = row.price { FuzzCheck.require(price > 0, "crsp-ciz: row \(index) has price \(price)") }
        }
    }

    /// Whether a file that loaded was read as CIZ: its header names MthRet (a header with columns
    /// of both layouts is refused, so a file that loaded with MthRet is a CIZ file).
    static func isCIZ(_ bytes: [UInt8]) -> Bool {
        let reader = CSVReader(bytes: bytes, name: "msf_v2.csv")
        do {
            while try reader.next() {
                if reader.isBlankLine { continue }
                return try CSVHeader(reader: reader).index(of: "MthRet") != nil
            }
        } catch {}
        return false
    }
}
