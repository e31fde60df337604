/// Undoes the HTML escaping some exports leave in their text: Nasdaq's screener writes the odd
/// name through a web page's escaping (`Hall of Fame Resort &amp; Entertainment Company Warrant`,
/// 2025, beside `Hall of Fame Resort & Entertainment Company Common Stock`), and its legacy
/// company list did so throughout (`Denny&#39;s Corporation`). Left escaped, `&amp;` is a word
/// `amp` in the issuer's key, and the warrant is keyed apart from its company's shares.
///
/// Decoded: `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;` (a space) and numeric references
/// (`&#39;`, `&#x27;`). Anything else keeps its `&` as written (`AT&T`, `S&P 500`).
enum HTMLCharacterReferences {
    private static let named: [Substring: Character] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " "]

    /// The longest reference body read (`#x10FFFF`), so that a lone `&` does not scan the rest of the text.
    private static let longestBody = 8

    /// `text` with its character references decoded; `text` itself when it has no `&`.
    static func decoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var result = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let afterAmpersand = rest[rest.index(after: ampersand)...]
            if let semicolon = afterAmpersand.prefix(longestBody + 1).firstIndex(of: ";"),
               let character = character(of: afterAmpersand[..<semicolon]) {
                result.append(character)
                rest = afterAmpersand[afterAmpersand.index(after: semicolon)...]
            } else {
                result.append("&")
                rest = afterAmpersand
            }
        }
        return result + rest
    }

    /// The character a reference's body (between `&` and `;`) stands for, `nil` when it is none.
    private static func character(of body: Substring) -> Character? {
        guard body.first == "#" else { return named[body] }
        let digits = body.dropFirst()
        let hex = digits.first == "x" || digits.first == "X"
        guard let value = hex ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10),
              value != 0, let scalar = Unicode.Scalar(value) else { return nil }
        return Character(scalar)
    }
}
