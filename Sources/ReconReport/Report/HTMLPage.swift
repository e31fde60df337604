/// The text of an HTML page being written, line by line.
struct HTMLPage {
    private(set) var markup = ""

    /// Appends a line of markup.
    mutating func line(_ markup: String) {
        self.markup += markup + "\n"
    }

    /// Appends markup as it is (it brings its own line ends).
    mutating func raw(_ markup: String) {
        self.markup += markup
    }

    /// Text escaped for element content and attribute values.
    static func text(_ text: String) -> String {
        XMLEscaping.escaped(text)
    }

    /// An element id: ASCII letters, digits, `-` and `_`; anything else becomes `-`.
    static func anchor(_ id: String) -> String {
        String(id.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
                ? Character(scalar) : "-"
        })
    }
}
