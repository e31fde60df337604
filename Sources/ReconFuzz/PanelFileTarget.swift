import ReconIO
import ReconCRSP

/// The `panel-file` target: ``PanelFile/open(path:)`` on the bytes as given, then on the same
/// bytes with every checksum made to match (so that a mutation reaches the checks behind them,
/// not only the checksums). Neither may crash. A panel that opens as given must pass the `crsp`
/// target's checks; a forged one (its checksums made to match) is not re-checked value by value
/// when opened, so its snapshots and returns are computed, without a crash, but not judged.
enum PanelFileTarget {
    static func run(_ bytes: [UInt8]) {
        if let panel = open(bytes) { CRSPTarget.check(panel) }
        if let resealed = resealed(bytes), let panel = open(resealed) { CRSPTarget.exercise(panel) }
    }

    private static func open(_ bytes: [UInt8]) -> CRSPPanel? {
        let path = ScratchFolder.shared.write(bytes, named: "panel.recon")
        return FuzzTargetRunner.attempt(.panelFile, { try CRSPPanel.load(path: path) })
    }

    /// The bytes with the header's and each in-bounds section's checksum recomputed; `nil` when
    /// they are too short for a header and its directory.
    static func resealed(_ bytes: [UInt8]) -> [UInt8]? {
        let headerSize = 64, entrySize = 40
        guard bytes.count >= headerSize else { return nil }
        var bytes = bytes
        func read(_ at: Int, _ width: Int) -> Int {
            (0 ..< width).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
        }
        func put(_ value: UInt64, _ at: Int) {
            for k in 0 ..< 8 { bytes[at + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(k))) }
        }
        let count = read(12, 4)
        guard count <= 1_024, headerSize + count * entrySize <= bytes.count else { return nil }
        for index in 0 ..< count {
            let at = headerSize + index * entrySize
            let size = read(at + 4, 4), offset = read(at + 8, 8), elements = read(at + 16, 8)
            guard offset >= 0, elements >= 0, size <= 8, elements <= bytes.count, offset <= bytes.count - size * elements else { continue }
            put(bytes[offset ..< offset + size * elements].withUnsafeBytes { Checksum.blocks($0) }, at + 24)
        }
        var covered = Array(bytes[0 ..< 40])
        covered += bytes[headerSize ..< headerSize + count * entrySize]
        put(covered.withUnsafeBytes { Checksum.xxh64($0) }, 40)
        return bytes
    }
}
