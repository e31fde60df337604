/// Escaping of text for XML character data and attribute values.
enum XMLEscaping {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entity references, and with the
    /// characters XML 1.0 forbids (control characters other than tab, line feed and carriage
    /// return; U+FFFE and U+FFFF) dropped, so that any string yields well-formed XML.
    static func escaped(_ text: String) -> String {
        var escaped = ""
        escaped.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default:
                if isAllowedInXML(scalar) { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }

    /// Whether XML 1.0 allows `scalar` as a character (production `Char`).
    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF: return true
        case 0xE000...0xFFFD: return true
        case 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
