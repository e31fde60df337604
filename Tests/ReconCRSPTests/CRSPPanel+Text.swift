import ReconIO
import ReconCRSP

extension CRSPPanel {
    /// The panel of a CRSP file's text, as a file named `name` would give it.
    static func load(text: String, name: String) throws -> CRSPPanel {
        try load(bytes: Array(text.utf8), name: name)
    }

    /// The error loading the text throws; `nil` when it loads.
    static func loadError(text: String, name: String) -> InputError? {
        do {
            _ = try load(text: text, name: name)
            return nil
        } catch {
            return error as? InputError
        }
    }
}
