/// A JSON value whose object keys keep the order they are given in.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number written with ``formatNumber(_:decimals:trimTrailingZeros:)`` (`decimals: nil`
    /// for the shortest round-trip text); NaN and infinities are written `null`.
    case number(Double, decimals: Int? = nil)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    /// Members in the order given.
    case object([JSONMember])

    /// `nil` as `null`, else the value.
    public static func optional(_ value: JSONValue?) -> JSONValue { value ?? .null }
}

/// One member of a JSON object.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// Writes ``JSONValue``s as pretty-printed JSON (RFC 8259): two-space indent, `"key": value`,
/// keys in the order given, strings escaped (`"`, `\`, and control characters; other characters
/// as UTF-8), numbers formatted the same way as in CSV, one trailing newline. The same value
/// always gives the same text.
public enum JSONWriter {
    /// The JSON text of `value`.
    public static func string(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, to: &out)
        out += "\n"
        return out
    }

    /// Writes `value` with ``AtomicFile``.
    public static func write(_ value: JSONValue, to path: String) throws {
        try AtomicFile.write(string(value), to: path)
    }

    /// A string literal: quoted and escaped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func write(_ value: JSONValue, indent: Int, to out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number, let decimals):
            out += number.isFinite ? formatNumber(number, decimals: decimals) : "null"
        case .integer(let integer): out += String(integer)
        case .string(let text): out += quoted(text)
        case .array(let elements):
            guard !elements.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, element) in elements.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                write(element, indent: indent + 2, to: &out)
                out += index == elements.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (index, member) in members.enumerated() {
                out += String(repeating: " ", count: indent + 2) + quoted(member.key) + ": "
                write(member.value, indent: indent + 2, to: &out)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }
}
