import ReconPlatform
import Dispatch
import ReconIO

/// `recon import`: a CRSP CSV read once by its load path (``CRSPLoad``) and written as a binary
/// panel (``PanelFile``) with the size and checksum of the CSV, so that later runs map the panel
/// instead of parsing the CSV.
public enum PanelImport {
    /// What an import read and wrote.
    public struct Summary: Sendable {
        public var rows: Int
        public var securities: Int
        public var months: Int
        public var sourceSize: Int
        public var sourceChecksum: UInt64
        public var panelSize: Int
    }

    /// Reads the CSV at `source` and writes its panel to `destination`.
    /// - Throws: ``InputError`` for a bad CSV (or one that is already a panel), ``OutputError``
    ///   when the panel cannot be written.
    public static func run(source: String, destination: String) throws -> Summary {
        if PanelFile.isPanelFile(path: source) {
            throw InputError(file: source, message: "is already a recon panel file, expected a CRSP CSV to import",
                             help: "give the panel to recon replay --panel \(source) as it is")
        }
        let (panel, size, checksum) = try withSourceBytes(source) { bytes in
            let panel = try CRSPLoad.load(bytes, name: source)
            return (panel, bytes.count, Checksum.blocks(UnsafeRawBufferPointer(bytes)))
        }
        try PanelFile.write(panel, sourceSize: size, sourceChecksum: checksum, to: destination)
        var status = stat()
        let written = stat(destination, &status) == 0 ? Int(status.st_size) : 0
        return Summary(rows: panel.rowCount, securities: panel.securityCount, months: panel.months.count,
                       sourceSize: size, sourceChecksum: checksum, panelSize: written)
    }

    /// Runs `body` over the bytes of the file at `path`, mapped when it can be.
    private static func withSourceBytes<T>(_ path: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T {
        if let file = MappedFile(path: path) {
            return try withExtendedLifetime(file) { try body(file.bytes) }
        }
        return try FileBytes.contents(ofFile: path).withUnsafeBufferPointer(body)
    }
}
