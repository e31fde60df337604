import ReconCore
import ReconIO

/// Where the rows of one stretch of a CRSP file go once read: the row rules (a finite cap,
/// counts by reason), the securities table (PERMNOs in order of first appearance, with the latest
/// names each had in the stretch) and the row columns. Both readers of a record feed it, the
/// tokenizer (``CRSPTokenizer``) and, for a record the tokenizer declines, the general CSV reader
/// (``CRSPRecordReader``), so that every row goes through the same rules.
///
/// The stretches of a file write their rows into one set of columns, each from its own start
/// (``rowStart``), so that merging them moves rows only to close a gap: see ``CRSPLoad``.
struct CRSPRowSink {
    /// The columns shared by every stretch of the file.
    let rows: CRSPRowColumns
    /// Where this stretch's rows start in ``rows``, and how many it wrote.
    let rowStart: Int
    var rowCount = 0
    var securities = Securities()
    var counts = Counts()
    /// Physical lines the stretch spans.
    var lines = 0
    /// Whether every row's (month, PERMNO) comes after the previous row's.
    var ordered = true
    var firstKey: RowKey?
    var lastKey: RowKey?
    /// Whether a kept name is not the field's bytes trimmed (doubled quotes undone, or trimming
    /// by characters differing from trimming bytes): such a stretch cannot be merged after another.
    var hasIrregularText = false

    init(rows: CRSPRowColumns, rowStart: Int) {
        self.rows = rows
        self.rowStart = rowStart
    }

    /// The sort key of a row.
    struct RowKey: Comparable {
        var month: Int32
        var permno: Int32
        static func < (a: RowKey, b: RowKey) -> Bool { (a.month, a.permno) < (b.month, b.permno) }
    }

    /// What ``CRSPLoadReport`` counts.
    struct Counts {
        var rowsRead = 0, rowsInCrossSections = 0, missingPrice = 0, missingShares = 0
        var missingReturns = 0, midpointPrices = 0, blankLines = 0
    }

    /// Bytes of text kept in ``Securities/text``.
    struct TextSpan {
        var start = 0, count = 0
    }

    /// The values of one row's fields, and the raw bytes of its text fields.
    struct RowFields {
        var permno = 0, permco = 0, date = 0, shareCode = 0, exchangeCode = 0
        var price = Double.nan, shares = Double.nan, `return` = Double.nan, delistingReturn = Double.nan
        var midpoint = false
        var ticker = RawText(), name = RawText(), cusip = RawText()
        /// The SIC code when the field is a valid integer (anything else is ignored).
        var industry: Int?
        /// A CIZ row's attributes, from which ``CIZCodes`` derives `shareCode`, `exchangeCode` and
        /// `midpoint` (``deriveLegacyCodes()``); unused for a legacy row.
        var attributes = CIZAttributes()
    }

    /// A text field's raw bytes: between the quotes of a quoted field, doubled quotes still
    /// doubled (`escaped`). Valid while the bytes it points into are.
    struct RawText {
        var start: UnsafePointer<UInt8>?
        var count = 0
        var escaped = false

        var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

        /// The bytes without spaces and tabs around them.
        var trimmed: UnsafeBufferPointer<UInt8> { CRSPFieldParsing.trimmed(bytes) }

        /// The text as the panel keeps it (doubled quotes undone, trimmed of spaces and tabs by
        /// characters) as UTF-8, and whether that is the field's bytes trimmed; `nil` for
        /// invalid UTF-8 or a NUL byte (not text: ``CSVReader/string(_:)`` refuses both).
        func kept() -> (bytes: [UInt8], sameAsField: Bool)? {
            let trimmed = self.trimmed
            if !escaped, !trimmed.contains(where: { $0 >= 0x80 || $0 == 0 }) { return (Array(trimmed), true) }
            guard let text = CSVReader.text(rawField: bytes, escaped: escaped), !text.utf8.contains(0) else { return nil }
            let kept = Array(CSVReader.trimmed(text).utf8)
            return (kept, !escaped && kept.elementsEqual(trimmed))
        }
    }

    /// The securities of the stretch and, for each, what its latest row said: a row whose date is
    /// on or after the security's latest so far updates the ticker, name and CUSIP, and the SIC
    /// code when it has a valid one.
    struct Securities {
        /// PERMNO → security + 1 for PERMNOs under ``directLimit`` (CRSP's have five digits): a row
        /// costs an array load, not a hash lookup.
        var directID: [Int32] = []
        var otherID: [Int32: Int32] = [:]
        static let directLimit: Int32 = 1 << 22

        var permno: [Int32] = []
        var latestDate: [Int32] = []
        var ticker: [TextSpan] = []
        var name: [TextSpan] = []
        var cusip: [TextSpan] = []
        /// The date of the latest updating row with a SIC code (0: none) and that code.
        var industryDate: [Int32] = []
        var industry: [Int32] = []
        /// The kept texts, one after the other (a name is stored again only when it changes).
        var text: [UInt8] = []

        /// The security of a PERMNO, added when new.
        @inline(__always)
        mutating func id(of permno: Int32) -> Int {
            if permno < Securities.directLimit {
                let slot = Int(permno)
                if slot < directID.count, directID[slot] > 0 { return Int(directID[slot] - 1) }
                if slot >= directID.count {
                    directID += repeatElement(0, count: max(slot + 1 - directID.count, directID.count))
                }
                directID[slot] = Int32(self.permno.count + 1)
            } else if let known = otherID[permno] {
                return Int(known)
            } else {
                otherID[permno] = Int32(self.permno.count)
            }
            self.permno.append(permno)
            latestDate.append(0)
            ticker.append(TextSpan())
            name.append(TextSpan())
            cusip.append(TextSpan())
            industryDate.append(0)
            industry.append(0)
            return self.permno.count - 1
        }

        /// The bytes of a kept text.
        func bytes(_ span: TextSpan) -> ArraySlice<UInt8> { text[span.start ..< span.start + span.count] }
    }

    // MARK: - Rows

    /// Whether the row's |PRC| × SHROUT × 1,000 is a finite market cap (the one row rule that
    /// refuses a row whose fields each parse).
    @inline(__always)
    static func hasFiniteCap(_ row: RowFields) -> Bool {
        ((row.price.isNaN ? 1 : row.price) * (row.shares.isNaN ? 1 : row.shares) * 1_000).isFinite
    }

    /// Adds one row whose fields were each read and checked, and whose cap is finite.
    /// - Throws: ``CRSPTokenizer/Refusal`` when a text to keep is not valid UTF-8.
    @inline(__always)
    mutating func add(_ row: RowFields, line: Int, writer: inout CRSPRowColumns.RowWriter) throws {
        counts.rowsRead += 1
        if row.midpoint { counts.midpointPrices += 1 }
        if row.return.isNaN { counts.missingReturns += 1 }
        if row.price.isNaN {
            counts.missingPrice += 1
        } else if row.shares.isNaN {
            counts.missingShares += 1
        } else {
            counts.rowsInCrossSections += 1
        }
        let permno = Int32(row.permno), date = Int32(row.date)
        let id = securities.id(of: permno)
        if date >= securities.latestDate[id] { try updateNames(of: id, date: date, row: row) }
        writer.append(security: Int32(id), company: Int32(row.permco), date: date, shareCode: Int16(row.shareCode),
                      exchangeCode: Int16(row.exchangeCode), price: row.price, shares: row.shares,
                      return: Float(row.return), delistingReturn: Float(row.delistingReturn), line: Int32(clamping: line))
        let key = RowKey(month: CRSPPanel.monthKey(yyyymmdd: date), permno: permno)
        if let lastKey {
            if !(lastKey < key) { ordered = false }
        } else {
            firstKey = key
        }
        lastKey = key
    }

    /// The latest ticker, name, CUSIP and SIC code of a security.
    @inline(__always)
    private mutating func updateNames(of id: Int, date: Int32, row: RowFields) throws {
        securities.latestDate[id] = date
        if let span = try changedText(securities.ticker[id], field: row.ticker) { securities.ticker[id] = span }
        if let span = try changedText(securities.name[id], field: row.name) { securities.name[id] = span }
        if let span = try changedText(securities.cusip[id], field: row.cusip) { securities.cusip[id] = span }
        if let code = row.industry {
            securities.industry[id] = Int32(clamping: code)
            securities.industryDate[id] = date
        }
    }

    /// The new text of a field when its trimmed bytes differ from the text kept, else `nil`.
    @inline(__always)
    private mutating func changedText(_ kept: TextSpan, field: RawText) throws -> TextSpan? {
        let trimmed = field.trimmed
        if kept.count == trimmed.count, trimmed.isEmpty || securities.text.withUnsafeBufferPointer({ text in
            CRSPRowSink.sameBytes(text.baseAddress! + kept.start, trimmed.baseAddress!, count: kept.count)
        }) {
            return nil
        }
        guard let (bytes, sameAsField) = field.kept() else { throw CRSPTokenizer.Refusal() }
        if !sameAsField { hasIrregularText = true }
        let span = TextSpan(start: securities.text.count, count: bytes.count)
        securities.text += bytes
        return span
    }

    /// Whether two runs of bytes are equal, eight at a time (names are short: a call to `memcmp`
    /// costs more). Reads only the `count` bytes of each.
    @inline(__always)
    static func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        var index = 0
        while index + 8 <= count {
            if UnsafeRawPointer(a + index).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + index).loadUnaligned(as: UInt64.self) {
                return false
            }
            index += 8
        }
        if index == count { return true }
        if count >= 8 {
            // The last eight bytes, overlapping those compared.
            let tail = count - 8
            return UnsafeRawPointer(a + tail).loadUnaligned(as: UInt64.self) == UnsafeRawPointer(b + tail).loadUnaligned(as: UInt64.self)
        }
        while index < count {
            if a[index] != b[index] { return false }
            index += 1
        }
        return true
    }
}
