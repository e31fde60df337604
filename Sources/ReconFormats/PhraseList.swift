/// Phrases (each a run of folded words, `["notes", "due"]`) that ``SecurityName`` looks for, made
/// once with every word's ``WordFingerprint``.
///
/// Why: the type classifier tries about a hundred phrases on every name of a screener export.
/// Compared as `String`s, each phrase costs a loop over the name's words; with fingerprints, a
/// phrase whose first word the name cannot contain is refused by one bit test (``firstBits``),
/// and the rest compare integers. The `[[String]]` phrases stay the definition:
/// ``SecurityName/firstMatch(_:in:)-(PhraseList,_)`` finds what the `[[String]]` form finds
/// (`PhraseListTests` compares the two on every real name and every list the classifier uses).
struct PhraseList: Sendable, ExpressibleByArrayLiteral {
    /// The phrases in the order they are tried.
    let phrases: [[String]]
    /// `fingerprints[p][w]` of `phrases[p][w]`.
    let fingerprints: [[UInt64]]
    /// ``WordFingerprint/bit(_:)`` of each phrase's first word.
    let firstBits: [UInt64]

    init(_ phrases: [[String]]) {
        precondition(phrases.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } },
                     "phrase words are ASCII and a phrase has a word")
        self.phrases = phrases
        fingerprints = phrases.map { $0.map(WordFingerprint.of) }
        firstBits = fingerprints.map { WordFingerprint.bit($0[0]) }
    }

    init(arrayLiteral phrases: [String]...) {
        self.init(phrases)
    }
}

/// A 64-bit FNV-1a hash of a folded word's UTF-8 bytes.
///
/// Equal words have equal fingerprints, so a differing fingerprint proves two ASCII words differ
/// (for ASCII, `String` equality is byte equality); an equal one is confirmed by comparing the
/// words. Outside ASCII two different byte strings can be equal `String`s (canonical
/// equivalence), which is why ``SecurityName`` uses fingerprints for ASCII names only.
enum WordFingerprint {
    static func of(_ word: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    /// The one bit of a 64-bit mask that stands for `fingerprint`: a name's mask has the bits of
    /// all its words, so a word whose bit is clear is not among them.
    static func bit(_ fingerprint: UInt64) -> UInt64 { 1 << (fingerprint >> 58) }
}
