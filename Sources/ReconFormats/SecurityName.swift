import Foundation

/// A listed line's name (`Alphabet Inc. Class C Capital Stock`) split into words, with the
/// issuer part (`Alphabet Inc.`) told apart from the security descriptor (`Class C Capital Stock`).
///
/// Exchanges name a line as "issuer + what the security is". ``IssuerKey`` keeps the issuer part;
/// ``SecurityTypeClassifier`` reads both. Matching works on folded words (lower case, no accents,
/// `L.P.` → `lp`), never on raw substrings, so `LP` inside `LPL Financial` is not a match.
struct SecurityName: Sendable {
    /// One word of the name.
    struct Word: Sendable, Hashable {
        /// Lower-cased, accents removed, apostrophes dropped; `%`, `&` and `$` are words of their own.
        var folded: String
        /// Where the word is in the original text.
        var range: Range<String.Index>
        /// Whether the word is inside parentheses (`(The)`, `(DE)`, `(REIT)`).
        var inParentheses: Bool
        /// ``WordFingerprint`` of ``folded``, for matching a ``PhraseList``.
        private(set) var fingerprint: UInt64

        init(folded: String, range: Range<String.Index>, inParentheses: Bool) {
            self.folded = folded
            self.range = range
            self.inParentheses = inParentheses
            self.fingerprint = WordFingerprint.of(folded)
        }

        var isNumber: Bool { folded.unicodeScalars.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 } }

    }

    /// The name as given.
    let text: String
    /// Every word, in order.
    let words: [Word]
    /// Index in ``words`` of the first word of the security descriptor (`words.count` when the
    /// name has none, as in `Berkshire Hathaway Inc.`).
    let descriptorStart: Int

    /// Bit `b & 63` is set for the first byte `b` of every word, and every bit is set when the
    /// name is not ASCII: a phrase whose first word starts with a byte whose bit is clear cannot
    /// occur, which ``find(_:in:)`` then knows without comparing a word (most phrases tried on
    /// most names). A word outside ASCII could equal an ASCII word by canonical equivalence
    /// (the Kelvin sign), hence every bit.
    private let initials: UInt64

    /// ``WordFingerprint/bit(_:)`` of every word's fingerprint; `nil` when the name is not ASCII,
    /// where only `String` comparison is exact (see ``WordFingerprint``).
    private let fingerprintBits: UInt64?

    init(_ text: String) {
        self.text = text
        self.words = SecurityName.tokenize(text)
        let isASCII = text.utf8.allSatisfy { $0 < 0x80 }
        self.descriptorStart = SecurityName.findDescriptorStart(words)
        self.initials = SecurityName.initials(of: words, isASCII: isASCII)
        self.fingerprintBits = isASCII ? words.reduce(0) { $0 | WordFingerprint.bit($1.fingerprint) } : nil
    }

    private static func initials(of words: [Word], isASCII: Bool) -> UInt64 {
        guard isASCII else { return ~0 }
        return words.reduce(0) { mask, word in mask | (word.folded.utf8.first.map { 1 << ($0 & 63) } ?? ~0) }
    }

    /// Whether some word may equal `word` (see ``initials``).
    private func mayHaveWord(_ word: String) -> Bool {
        guard let first = word.utf8.first, first < 0x80 else { return true }
        return initials & (1 << (first & 63)) != 0
    }

    /// Words of the issuer part.
    var issuerWords: ArraySlice<Word> { words[..<descriptorStart] }
    /// Words of the security descriptor.
    var descriptorWords: ArraySlice<Word> { words[descriptorStart...] }

    // MARK: - Phrase matching

    /// Whether `phrase` (folded words) occurs in `words[range]`; returns where it starts.
    func find(_ phrase: [String], in range: Range<Int>? = nil) -> Int? {
        let range = range ?? 0..<words.count
        guard !phrase.isEmpty, range.count >= phrase.count, mayHaveWord(phrase[0]) else { return nil }
        // Names have a handful of words: comparing them in place beats hashing them into a set.
        for start in range.lowerBound...(range.upperBound - phrase.count) where words[start].folded == phrase[0] {
            if (1..<phrase.count).allSatisfy({ words[start + $0].folded == phrase[$0] }) { return start }
        }
        return nil
    }

    /// The first of `phrases` found in the whole name, with the original text it matched.
    func firstMatch(_ phrases: [[String]], in range: Range<Int>? = nil) -> String? {
        for phrase in phrases {
            if let start = find(phrase, in: range) { return original(start..<(start + phrase.count)) }
        }
        return nil
    }

    /// ``firstMatch(_:in:)-([[String]],_)`` of a ``PhraseList``: the same phrase found, by
    /// fingerprints when the name is ASCII.
    func firstMatch(_ list: PhraseList, in range: Range<Int>? = nil) -> String? {
        let range = range ?? 0..<words.count
        for index in list.phrases.indices {
            if let start = find(list, index, in: range) { return original(start..<(start + list.phrases[index].count)) }
        }
        return nil
    }

    /// ``find(_:in:)`` of `list.phrases[index]`. In an ASCII name, a phrase whose first word's
    /// bit is clear is absent, and words whose fingerprints differ differ; words whose
    /// fingerprints agree are still compared as text.
    private func find(_ list: PhraseList, _ index: Int, in range: Range<Int>) -> Int? {
        guard let bits = fingerprintBits else { return find(list.phrases[index], in: range) }
        guard bits & list.firstBits[index] != 0 else { return nil }
        let prints = list.fingerprints[index]
        guard range.count >= prints.count else { return nil }
        let phrase = list.phrases[index]
        for start in range.lowerBound...(range.upperBound - prints.count) where words[start].fingerprint == prints[0] {
            if prints.indices.allSatisfy({ words[start + $0].fingerprint == prints[$0] && words[start + $0].folded == phrase[$0] }) {
                return start
            }
        }
        return nil
    }

    /// Whether the name is ASCII (then every character is one byte).
    var isASCII: Bool { fingerprintBits != nil }

    /// The original text spanning `words[range]` (`L.P.`, `Common Units`).
    func original(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        guard isASCII else { return originalByCharacters(range) }
        return originalASCII(from: words[range.lowerBound].range.lowerBound, last: words[range.upperBound - 1])
    }

    /// ``original(_:)`` for any text, by `Character`s: the definition.
    func originalByCharacters(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let last = words[range.upperBound - 1]
        var text = String(self.text[words[range.lowerBound].range.lowerBound..<last.range.upperBound])
        // Keep the closing dot of an abbreviation (`L.P.`, `Inc.`), not a full stop (`Right.`).
        let end = last.range.upperBound
        if end < self.text.endIndex, self.text[end] == ".",
           self.text[last.range].contains(".") || SecurityName.abbreviations.contains(last.folded) {
            text.append(".")
        }
        return text
    }

    /// ``original(_:)`` of an ASCII name, by bytes: the same text without building `Character`s.
    private func originalASCII(from start: String.Index, last: Word) -> String {
        let utf8 = text.utf8
        var end = last.range.upperBound
        if end < text.endIndex, utf8[end] == UInt8(ascii: "."),
           utf8[last.range].contains(UInt8(ascii: ".")) || SecurityName.abbreviations.contains(last.folded) {
            end = utf8.index(after: end)
        }
        return String(text[start..<end])
    }

    /// Whether the name has a percentage (`6.25%`), as coupons and dividend rates are written.
    var hasPercentage: Bool { words.contains { $0.folded == "%" } }

    /// Abbreviations written with a closing dot in issuer names.
    static let abbreviations: Set<String> = ["inc", "corp", "co", "ltd", "cos", "bros", "intl", "hldgs", "grp", "mfg", "no"]

    // MARK: - Tokenizing

    /// Splits into words: runs of letters and digits; `%`, `&`, `$` alone; apostrophes inside a
    /// word are dropped (`Dillard's` → `dillards`); single letters joined by dots are one word
    /// (`L.P.` → `lp`, `N.V.` → `nv`, `S.A.B.` → `sab`).
    ///
    /// Almost every listed name is ASCII: those are split from their bytes by
    /// ``tokenizeASCII(_:)``, which gives the same words (`SecurityNameTokenizerTests` compares
    /// the two on every name of the real screener files). Any other name takes
    /// ``tokenizeScalars(_:)``, the definition of the rules.
    static func tokenize(_ text: String) -> [Word] {
        tokenizeASCII(text) ?? tokenizeScalars(text)
    }

    /// ``tokenize(_:)`` by Unicode scalars, for any text: letters and digits of every script,
    /// accents folded away by Foundation.
    static func tokenizeScalars(_ text: String) -> [Word] {
        var words: [Word] = []
        var depth = 0
        var current = String.UnicodeScalarView()
        var currentStart: String.Index?
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        func finish(at end: String.Index) {
            if let start = currentStart {
                words.append(Word(folded: fold(String(current)), range: start..<end, inParentheses: depth > 0))
            }
            current = String.UnicodeScalarView()
            currentStart = nil
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if isWordScalar(scalar) {
                if currentStart == nil { currentStart = index }
                current.append(scalar)
            } else if (scalar == "'" || scalar == "\u{2019}"), currentStart != nil,
                      next < scalars.endIndex, isWordScalar(scalars[next]) {
                // An apostrophe inside a word: skip it.
            } else {
                finish(at: index)
                switch scalar {
                case "(": depth += 1
                case ")": depth = max(0, depth - 1)
                case "%", "&", "$":
                    words.append(Word(folded: String(scalar), range: index..<next, inParentheses: depth > 0))
                default: break
                }
            }
            index = next
        }
        finish(at: text.endIndex)
        return mergeDottedInitials(words, in: text)
    }

    /// A letter or digit (any script).
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        case 0..<0x80: return false
        default: return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }

    private static func fold(_ word: String) -> String {
        if word.utf8.allSatisfy({ $0 < 0x80 }) { return word.lowercased() }
        return word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// Joins `L`, `P` in `L.P.` into `lp` (letters separated by exactly one dot).
    private static func mergeDottedInitials(_ words: [Word], in text: String) -> [Word] {
        var merged: [Word] = []
        for word in words {
            if let last = merged.last, word.folded.count == 1, word.folded.first!.isLetter,
               last.folded.allSatisfy(\.isLetter),
               text[last.range.upperBound..<word.range.lowerBound] == ".",
               isInitials(last, in: text) {
                merged[merged.count - 1] = Word(folded: last.folded + word.folded,
                                                range: last.range.lowerBound..<word.range.upperBound,
                                                inParentheses: last.inParentheses)
            } else {
                merged.append(word)
            }
        }
        return merged
    }

    /// Whether a word is made only of dotted single letters (`L`, or `L.P` already merged).
    private static func isInitials(_ word: Word, in text: String) -> Bool {
        let original = text[word.range]
        return original.enumerated().allSatisfy { offset, character in
            offset % 2 == 0 ? character.isLetter : character == "."
        }
    }

    // MARK: - Where the descriptor starts

    /// Words that open a security descriptor wherever they appear after the first word.
    private static let descriptorOpeners: Set<String> = [
        "common", "ordinary", "warrant", "warrants", "unit", "units", "right", "rights",
        "preferred", "pfd", "preference", "depositary", "depository", "ads", "adr", "adss",
        "notes", "debentures", "subordinated", "nonvoting", "stock", "beneficial",
        "representing", "rep", "each",
    ]

    /// Two-word phrases that open a descriptor.
    private static let descriptorPhrases: [[String]] = [
        ["capital", "stock"], ["american", "depositary"], ["american", "depository"],
        ["global", "depositary"], ["sponsored", "adr"], ["subordinate", "voting"],
        ["exchangeable", "subordinate"], ["restricted", "voting"], ["multiple", "voting"],
        ["limited", "voting"], ["variable", "voting"], ["sub", "vot"], ["non", "voting"],
        ["contingent", "value"], ["senior", "notes"], ["senior", "secured"], ["junior", "subordinated"],
        ["first", "mortgage"], ["collateral", "trust"], ["when", "issued"], ["par", "value"],
        ["trust", "units"], ["trust", "preferred"], ["limited", "partnership", "units"],
        ["tangible", "equity"], ["mandatory", "convertible"],
    ]

    /// The index of the first descriptor word, never 0 (a name is never all descriptor).
    static func findDescriptorStart(_ words: [Word]) -> Int {
        guard words.count > 1 else { return words.count }
        return (1..<words.count).first { opensDescriptor(words, at: $0) } ?? words.count
    }

    private static func opensDescriptor(_ words: [Word], at index: Int) -> Bool {
        let word = words[index].folded
        // `Preferred and Income Fund`, `Preferred & Income`: part of a fund's name.
        if word == "preferred", index + 1 < words.count {
            let next = words[index + 1].folded
            if ["and", "&", "income"].contains(next) { return false }
            if next == "securities", index + 2 < words.count, ["and", "&"].contains(words[index + 2].folded) { return false }
        }
        if descriptorOpeners.contains(word) { return true }
        // `Shares` opens a descriptor when it ends the name or goes on to say what the shares
        // are (`Shares of Beneficial Interest`), not inside a name (`China A Share Fund`).
        if word == "shares" || word == "share" {
            if index == words.count - 1 { return true }
            let next = words[index + 1]
            return next.inParentheses || ["of", "representing", "each", "rep"].contains(next.folded)
        }
        if (word == "class" || word == "cl" || word == "series"), index + 1 < words.count,
           isClassLetter(words[index + 1].folded) {
            return true
        }
        // A rate: `6.25%` or `$3.75` (a coupon, a dividend or a par value).
        if words[index].isNumber {
            var next = index + 1
            while next < words.count, words[next].isNumber { next += 1 }
            if next < words.count, words[next].folded == "%" { return true }
        }
        if word == "$", index + 1 < words.count, words[index + 1].isNumber { return true }
        // `New` or `REIT` as the very last word (`Xylem Inc. Common Stock New`, `W. P. Carey Inc. REIT`).
        if (word == "new" || word == "reit" || word == "common"), index == words.count - 1 { return true }
        for phrase in descriptorPhrases where index + phrase.count <= words.count {
            if (0..<phrase.count).allSatisfy({ words[index + $0].folded == phrase[$0] }) { return true }
        }
        return false
    }

    /// A share-class or series designator: one letter, a Roman numeral or a number (`A`, `II`, `3`).
    static func isClassLetter(_ word: String) -> Bool {
        if word.count == 1, word.first!.isLetter { return true }
        if word.allSatisfy({ $0.isNumber }) { return true }
        return ["ii", "iii", "iv", "vi", "vii", "viii", "ix"].contains(word)
    }
}
