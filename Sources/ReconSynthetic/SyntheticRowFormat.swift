import ReconCRSP
/// How the synthetic market's rows are spelled: CRSP's legacy monthly file or its CIZ layout
/// (``CRSPLayout``). The simulation decides each row's values (``SyntheticRow``) once; a format
/// writes its header and its rows.
protocol SyntheticRowFormat: AnyObject {
    /// The header line, with its line feed.
    var header: String { get }
    /// Writes one row and its line feed.
    func write(_ row: SyntheticRow, to writer: ByteWriter) throws
}

enum SyntheticRowFormats {
    /// The format of a layout.
    static func format(_ layout: CRSPLayout) -> SyntheticRowFormat {
        switch layout {
        case .legacy: return SyntheticLegacyRows()
        case .ciz: return SyntheticCIZRows()
        }
    }
}
