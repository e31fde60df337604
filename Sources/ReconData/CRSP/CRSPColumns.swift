/// Where each CRSP column is in a file's header: names in any case and order.
///
/// Required: `PERMNO, PERMCO, date, SHRCD, EXCHCD, TICKER, COMNAM, PRC, RET, SHROUT` (the monthly
/// stock file with its names history, as researchers export it from WRDS). Optional: `DLRET`
/// (delisting return), `SICCD`, `NCUSIP`.
struct CRSPColumns {
    static let format = "CRSP monthly stock file"

    let permno: Int
    let permco: Int
    let date: Int
    let shareCode: Int
    let exchangeCode: Int
    let ticker: Int
    let name: Int
    let price: Int
    let `return`: Int
    let sharesOutstanding: Int
    let delistingReturn: Int?
    let industryCode: Int?
    let cusip: Int?
    /// The header's names, for messages (a single array, so copying the columns stays cheap).
    let names: [String]

    /// - Throws: ``InputError`` naming the first missing column and listing the columns found.
    init(header: CSVHeader, file: String, line: Int) throws {
        func required(_ name: String, _ alternatives: [String] = []) throws -> Int {
            try header.require(name, alternatives: alternatives, file: file, line: line, format: CRSPColumns.format)
        }
        permno = try required("PERMNO")
        permco = try required("PERMCO")
        date = try required("date")
        shareCode = try required("SHRCD")
        exchangeCode = try required("EXCHCD")
        ticker = try required("TICKER")
        name = try required("COMNAM")
        price = try required("PRC")
        `return` = try required("RET")
        sharesOutstanding = try required("SHROUT")
        delistingReturn = header.index(of: "DLRET")
        industryCode = header.index(of: "SICCD")
        cusip = header.index(of: "NCUSIP")
        names = header.names
    }

    /// The header name of a column, for messages.
    func name(of index: Int) -> String { index < names.count ? names[index] : "column \(index + 1)" }
}
