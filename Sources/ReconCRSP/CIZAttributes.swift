/// A CIZ row's short text attributes (`NS`, `EQTY`, `RW`, …), each packed into a word as it is
/// read, so that the loader compares numbers instead of making strings: ``CIZCodes`` maps them to
/// the legacy share and exchange codes once the row is read.
///
/// A packed code holds the field's bytes without the spaces and tabs around them, lower-case
/// letters made upper-case, first byte lowest (`"NS"` is `0x534E`); blank is 0, and a field of
/// more than eight bytes is ``unknown`` (CRSP's codes have one to four letters).
struct CIZAttributes {
    var primaryExchange: UInt64 = 0
    var conditionalType: UInt64 = 0
    var tradingStatus: UInt64 = 0
    var shareType: UInt64 = 0
    var securityType: UInt64 = 0
    var securitySubType: UInt64 = 0
    var incorporation: UInt64 = 0
    var issuerType: UInt64 = 0
    /// `MthPrcFlg` (0 when the file has no such column).
    var priceFlag: UInt64 = 0

    /// A value no code packs to (bytes 0xFF are not ASCII).
    static let unknown = UInt64.max

    /// The packed code of a field's bytes (see the type's description).
    static func pack(_ field: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let bytes = CRSPFieldParsing.trimmed(field)
        guard bytes.count <= 8 else { return unknown }
        var word: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            let upper = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
            word |= UInt64(upper) << UInt64(8 * index)
        }
        return word
    }

    /// The packed code of a text (tests, the table's constants).
    static func pack(_ text: String) -> UInt64 {
        Array(text.utf8).withUnsafeBufferPointer(pack)
    }
}
