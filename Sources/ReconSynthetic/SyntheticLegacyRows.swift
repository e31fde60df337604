import ReconIO
/// The synthetic market in the legacy monthly stock file's layout (`PERMNO,date,SHRCD,…`): what
/// `recon generate` has always written, byte for byte.
final class SyntheticLegacyRows: SyntheticRowFormat {
    let header = "PERMNO,date,SHRCD,EXCHCD,SICCD,TICKER,COMNAM,PERMCO,DLRET,PRC,RET,SHROUT\n"

    /// `PRC` is negative for a bid/ask midpoint; `RET` is `C` in a first month and `B` where CRSP
    /// has no return; `DLRET` is written in the last month only (`S` when unknown).
    func write(_ row: SyntheticRow, to writer: ByteWriter) throws {
        let comma = UInt8(ascii: ",")
        try writer.appendInteger(Int(row.permno)); try writer.append(comma)
        try writer.append(row.monthEnd.yyyymmdd); try writer.append(comma)
        try writer.appendInteger(row.shareCode); try writer.append(comma)
        try writer.appendInteger(row.exchangeCode); try writer.append(comma)
        try writer.appendInteger(row.industry); try writer.append(comma)
        try writer.append(row.label); try writer.append(comma)
        try writer.appendInteger(Int(row.permco)); try writer.append(comma)
        switch row.delistingReturn {
        case .none: break
        case .unknown: try writer.append(UInt8(ascii: "S"))
        case .value(let value): try writer.appendDecimal(value, decimals: 6)
        }
        try writer.append(comma)
        if let price = row.price { try writer.appendDecimal(row.midpoint ? -price : price, decimals: 5, trimZeros: true) }
        try writer.append(comma)
        switch row.monthlyReturn {
        case .blank: break
        case .noPreviousPrice: try writer.append(UInt8(ascii: "C"))
        case .missingCode: try writer.append(UInt8(ascii: "B"))
        case .value(let value): try writer.appendDecimal(value, decimals: 6)
        }
        try writer.append(comma)
        if let shares = row.shares { try writer.appendInteger(Int(shares)) }
        try writer.append(UInt8(ascii: "\n"))
    }
}
