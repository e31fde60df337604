import ReconIO
/// Where each CRSP column is in a file's header: names in any case and order, in either layout
/// (``CRSPLayout``, told from the header).
///
/// Legacy, required: `PERMNO, PERMCO, date, SHRCD, EXCHCD, TICKER, COMNAM, PRC, RET, SHROUT` (the
/// monthly stock file with its names history, as researchers exported it from WRDS); optional:
/// `DLRET` (delisting return), `SICCD`, `NCUSIP`.
///
/// CIZ, required: `PERMNO, PERMCO, MthCalDt` (or `YYYYMM`), `MthPrc, MthRet, ShrOut, Ticker,
/// IssuerNm` and the attributes of ``CIZColumns``; optional: `MthPrcFlg`, `SICCD`, `CUSIP`.
/// `MthRet` already includes the delisting return, so a CIZ file has no delisting-return column.
struct CRSPColumns {
    /// The legacy file's format name in messages (recon's wording before the CIZ layout).
    static let format = "CRSP monthly stock file"

    /// The columns one layout has and the other does not.
    enum LayoutColumns {
        case legacy(LegacyColumns)
        case ciz(CIZColumns)
    }

    /// The legacy file's codes and delisting return.
    struct LegacyColumns {
        let shareCode: Int
        let exchangeCode: Int
        let delistingReturn: Int?
    }

    let permno: Int
    let permco: Int
    /// `date` (legacy); `MthCalDt`, or `YYYYMM` without it (CIZ).
    let date: Int
    /// `TICKER` / `Ticker`; `COMNAM` / `IssuerNm`.
    let ticker: Int
    let name: Int
    /// `PRC` (negative for a bid/ask midpoint) / `MthPrc` (positive).
    let price: Int
    /// `RET` / `MthRet`.
    let `return`: Int
    /// `SHROUT` / `ShrOut`, in thousands.
    let sharesOutstanding: Int
    let industryCode: Int?
    /// `NCUSIP` / `CUSIP`.
    let cusip: Int?
    let layoutColumns: LayoutColumns
    /// The header's names, for messages (a single array, so copying the columns stays cheap).
    let names: [String]

    /// - Throws: ``InputError`` for a header of both layouts or neither (``CRSPLayout/detect(_:file:line:)``),
    ///   or naming the first missing column of its layout and listing the columns found.
    init(header: CSVHeader, file: String, line: Int) throws {
        let layout = try CRSPLayout.detect(header, file: file, line: line)
        func required(_ name: String) throws -> Int {
            try header.require(name, file: file, line: line, format: layout.formatName)
        }
        permno = try required("PERMNO")
        permco = try required("PERMCO")
        switch layout {
        case .legacy:
            date = try required("date")
            let shareCode = try required("SHRCD"), exchangeCode = try required("EXCHCD")
            ticker = try required("TICKER")
            name = try required("COMNAM")
            price = try required("PRC")
            `return` = try required("RET")
            sharesOutstanding = try required("SHROUT")
            layoutColumns = .legacy(LegacyColumns(shareCode: shareCode, exchangeCode: exchangeCode,
                                                  delistingReturn: header.index(of: "DLRET")))
            cusip = header.index(of: "NCUSIP")
        case .ciz:
            let dayColumn = header.index(of: "MthCalDt")
            date = try dayColumn ?? header.index(of: "YYYYMM") ?? required("MthCalDt")
            price = try required("MthPrc")
            `return` = try required("MthRet")
            sharesOutstanding = try required("ShrOut")
            layoutColumns = .ciz(try CIZColumns(header: header, dateIsYearMonth: dayColumn == nil, require: required))
            ticker = try required("Ticker")
            name = try required("IssuerNm")
            cusip = header.index(of: "CUSIP")
        }
        industryCode = header.index(of: "SICCD")
        names = header.names
    }

    var layout: CRSPLayout {
        if case .ciz = layoutColumns { return .ciz }
        return .legacy
    }

    /// The legacy columns, `nil` for a CIZ file.
    var legacy: LegacyColumns? {
        if case .legacy(let columns) = layoutColumns { return columns }
        return nil
    }

    /// The CIZ columns, `nil` for a legacy file.
    var ciz: CIZColumns? {
        if case .ciz(let columns) = layoutColumns { return columns }
        return nil
    }

    /// The header name of a column, for messages.
    func name(of index: Int) -> String { index < names.count ? names[index] : "column \(index + 1)" }
}
