extension SecurityName {
    /// ``tokenize(_:)`` for an ASCII name, read from its UTF-8 bytes; `nil` when the name has a
    /// byte outside ASCII (or its bytes are not contiguous), for ``tokenizeScalars(_:)`` to split.
    ///
    /// Why a second path: splitting by `Unicode.Scalar` builds a `String` scalar by scalar and
    /// lower-cases each word through the Unicode tables, which was most of the time spent reading
    /// a screener export. In ASCII a letter or digit is one byte, lower-casing is `| 0x20` and
    /// every character is one byte, so the same rules read straight from the bytes.
    /// ``tokenizeScalars(_:)`` stays the definition: the two are compared on every name of the
    /// real screener files and on odd spellings (`SecurityNameTokenizerTests`).
    static func tokenizeASCII(_ text: String) -> [Word]? {
        let words = text.utf8.withContiguousStorageIfAvailable { bytes -> [Word]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var splitter = ASCIIWordSplitter(bytes)
            splitter.split()
            splitter.mergeDottedInitials()
            return splitter.words(of: text)
        }
        return words ?? nil
    }
}

/// The state of one ASCII split: the words found as byte spans of the name, and their folded
/// (lower-cased, apostrophe-free) bytes laid end to end in `folded`.
private struct ASCIIWordSplitter {
    /// One word: `start..<end` in the name, `foldedStart..<foldedEnd` in ``folded``.
    struct Span {
        var start, end, foldedStart, foldedEnd: Int
        var inParentheses: Bool
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var spans: [Span] = []
    private(set) var folded: [UInt8] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        spans.reserveCapacity(12)
        folded.reserveCapacity(bytes.count)
    }

    /// Runs of letters and digits (an apostrophe between two of them skipped); `%`, `&` and `$`
    /// words of their own; parentheses counted, never words.
    mutating func split() {
        var depth = 0
        var wordStart: Int?
        var foldedStart = 0
        for index in 0 ..< bytes.count {
            let byte = bytes[index]
            if Self.isWordByte(byte) {
                if wordStart == nil { wordStart = index; foldedStart = folded.count }
                folded.append(Self.isUpper(byte) ? byte | 0x20 : byte)
                continue
            }
            if byte == UInt8(ascii: "'"), wordStart != nil, index + 1 < bytes.count, Self.isWordByte(bytes[index + 1]) {
                continue
            }
            if let start = wordStart {
                spans.append(Span(start: start, end: index, foldedStart: foldedStart, foldedEnd: folded.count, inParentheses: depth > 0))
                wordStart = nil
            }
            switch byte {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"): depth = max(0, depth - 1)
            case UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "$"):
                folded.append(byte)
                spans.append(Span(start: index, end: index + 1, foldedStart: folded.count - 1, foldedEnd: folded.count,
                                  inParentheses: depth > 0))
            default: break
            }
        }
        if let start = wordStart {
            spans.append(Span(start: start, end: bytes.count, foldedStart: foldedStart, foldedEnd: folded.count, inParentheses: depth > 0))
        }
    }

    /// Joins a single letter to the word before it when exactly one dot separates them and that
    /// word is dotted single letters (`L.P` + `P`): as ``SecurityName`` does for any text. The
    /// folded bytes of consecutive words are consecutive, so a merged word's are one range.
    mutating func mergeDottedInitials() {
        var merged: [Span] = []
        merged.reserveCapacity(spans.count)
        for span in spans {
            if let last = merged.last, span.foldedEnd - span.foldedStart == 1, Self.isLetter(folded[span.foldedStart]),
               folded[last.foldedStart ..< last.foldedEnd].allSatisfy(Self.isLetter),
               span.start == last.end + 1, bytes[last.end] == UInt8(ascii: "."), isInitials(last) {
                merged[merged.count - 1] = Span(start: last.start, end: span.end, foldedStart: last.foldedStart,
                                                foldedEnd: span.foldedEnd, inParentheses: last.inParentheses)
            } else {
                merged.append(span)
            }
        }
        spans = merged
    }

    /// Whether a span's text alternates letters and dots, starting with a letter (`L`, `L.P`).
    private func isInitials(_ span: Span) -> Bool {
        (span.start ..< span.end).allSatisfy { index in
            (index - span.start) % 2 == 0 ? Self.isLetter(bytes[index]) : bytes[index] == UInt8(ascii: ".")
        }
    }

    /// The words, their ranges as indices of `text` (whose UTF-8 bytes were split).
    func words(of text: String) -> [SecurityName.Word] {
        let utf8 = text.utf8
        return folded.withUnsafeBufferPointer { foldedBytes in
            spans.map { span in
                let start = utf8.index(utf8.startIndex, offsetBy: span.start)
                let end = utf8.index(start, offsetBy: span.end - span.start)
                let word = String(decoding: UnsafeBufferPointer(rebasing: foldedBytes[span.foldedStart ..< span.foldedEnd]), as: UTF8.self)
                return SecurityName.Word(folded: word, range: start ..< end, inParentheses: span.inParentheses)
            }
        }
    }

    private static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
    private static func isWordByte(_ byte: UInt8) -> Bool { isLetter(byte) || byte &- 0x30 < 10 }
}
