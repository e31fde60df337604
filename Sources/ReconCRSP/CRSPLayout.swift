import ReconIO
/// The two layouts of CRSP's monthly stock file that recon reads, told apart by the header.
///
/// - `legacy`: the SIZ monthly stock file (`crsp.msf` with its names history and delisting
///   returns): `PERMNO, PERMCO, date, SHRCD, EXCHCD, TICKER, COMNAM, PRC, RET, SHROUT`, optional
///   `DLRET`, `SICCD`, `NCUSIP`. WRDS no longer updates it.
/// - `ciz`: CRSP's current format ("CRSP 2.0", flat file format 2.0): `crsp.msf_v2` joined with
///   `crsp.stksecurityinfohist`, where the share and exchange codes are spelled out as
///   attributes (`ShareType`, `PrimaryExch`, …) that ``CIZCodes`` maps back to the legacy codes.
///
/// Both are read by the same load path (``CRSPLoad``) into the same panel. Sources:
/// reference/crsp-ciz.md (the WRDS macro `%ciztosiz`, tidy-finance, J. Ruf's notebooks).
public enum CRSPLayout: String, CaseIterable, Sendable {
    case legacy
    case ciz

    /// The format's name in messages: `CRSP monthly stock file` (as recon always said for the
    /// legacy file) or `CRSP CIZ monthly stock file (msf_v2)`.
    var formatName: String {
        switch self {
        case .legacy: return CRSPColumns.format
        case .ciz: return "CRSP CIZ monthly stock file (msf_v2)"
        }
    }

    /// The columns a file of the layout must have, as messages list them.
    var requiredColumns: String {
        switch self {
        case .legacy: return "PERMNO, PERMCO, date, SHRCD, EXCHCD, TICKER, COMNAM, PRC, RET, SHROUT"
        case .ciz: return "PERMNO, PERMCO, MthCalDt (or YYYYMM), MthPrc, MthRet, ShrOut, PrimaryExch, ConditionalType, "
            + "TradingStatusFlg, ShareType, SecurityType, SecuritySubType, USIncFlg, IssuerType, Ticker, IssuerNm"
        }
    }

    /// The columns only this layout has, by which a header is recognised. `YYYYMM` and `MthCap`
    /// are left out on purpose: a legacy export may carry a month or a cap column of its own.
    /// A CIZ file with `DLRET` is refused as mixing the layouts: its `MthRet` already includes the
    /// delisting return, which must not be compounded twice.
    var markers: [String] {
        switch self {
        case .legacy: return ["date", "SHRCD", "EXCHCD", "PRC", "RET", "COMNAM", "DLRET"]
        case .ciz: return ["MthCalDt", "MthPrc", "MthPrcFlg", "MthRet", "PrimaryExch", "ConditionalType", "TradingStatusFlg",
                           "ShareType", "SecurityType", "SecuritySubType", "USIncFlg", "IssuerType", "IssuerNm"]
        }
    }

    /// The layout of a header.
    /// - Throws: ``InputError`` when the header has columns of both layouts (naming the first
    ///   column of the layout that starts later) or of neither (naming what each layout needs).
    static func detect(_ header: CSVHeader, file: String, line: Int) throws -> CRSPLayout {
        let legacy = firstMarker(of: .legacy, in: header), ciz = firstMarker(of: .ciz, in: header)
        switch (legacy, ciz) {
        case (.some, nil): return .legacy
        case (nil, .some): return .ciz
        case (let legacy?, let ciz?):
            let (intruder, layout, other) = legacy < ciz ? (ciz, CRSPLayout.ciz, CRSPLayout.legacy) : (legacy, .legacy, .ciz)
            let otherColumns = other.markers.compactMap { header.index(of: $0) }.sorted().map { InputError.quote(header.names[$0]) }
            let shown = otherColumns.prefix(3).joined(separator: ", ") + (otherColumns.count > 3 ? ", …" : "")
            throw InputError(
                file: file, line: line, column: intruder + 1,
                message: "found the \(layout.shortName) column \(InputError.quote(header.names[intruder])) in a header with "
                    + "\(other.shortName) columns (\(shown)), expected the columns of one CRSP layout",
                help: "export the file again with one layout's columns; in the CIZ layout MthRet already includes the delisting "
                    + "return, so a CIZ file takes no DLRET (see docs/crsp.md)")
        case (nil, nil):
            throw InputError(
                file: file, line: line,
                message: "found none of the columns that tell a CRSP layout apart, expected the legacy layout (\(CRSPLayout.legacy.requiredColumns)) "
                    + "or the CIZ layout (\(CRSPLayout.ciz.requiredColumns)); found columns: \(header.names.joined(separator: ", "))",
                help: "export the monthly stock file from CRSP with one of these sets of columns (see docs/crsp.md)")
        }
    }

    /// `legacy` or `CIZ`, for messages.
    var shortName: String { self == .legacy ? "legacy" : "CIZ" }

    /// The index of the layout's first marker column in the header, or `nil`.
    private static func firstMarker(of layout: CRSPLayout, in header: CSVHeader) -> Int? {
        layout.markers.compactMap { header.index(of: $0) }.min()
    }
}
