@testable import ReconSynthetic

/// Random edits of a CSV text for the load-path equivalence tests: each text gets one to three
/// pieces inserted at random places, each insertion replacing the byte there half of the time.
/// Seeded, so the same texts every run; texts that are no longer UTF-8 are left out.
enum RandomEdits {
    static func texts(of base: String, pieces: [String], seed: UInt64, count: Int = 150) -> [String] {
        var generator = SyntheticRandom(seed: seed)
        var texts: [String] = []
        for _ in 0 ..< count {
            var bytes = Array(base.utf8)
            for _ in 0 ..< Int(generator.next() % 3) + 1 {
                let position = Int(generator.next() % UInt64(bytes.count))
                let piece = Array(pieces[Int(generator.next() % UInt64(pieces.count))].utf8)
                if generator.next() % 2 == 0, position < bytes.count { bytes.remove(at: position) }
                bytes.insert(contentsOf: piece, at: position)
            }
            if let text = String(validating: bytes, as: UTF8.self) { texts.append(text) }
        }
        return texts
    }
}
