import Foundation
import ReconIO

/// A JSON object read with `JSONSerialization`, with typed look-ups that say which file and key
/// held a value of the wrong type.
///
/// A missing key and `null` both read as `nil`: in recon's outputs `null` means "not available".
struct ReportJSONObject {
    /// The file, for messages.
    let file: String
    /// Where this object sits in the file (`summary.json: breakpoints`), for messages.
    let keyPath: String
    private let values: [String: Any]

    /// Reads a file whose top level is an object.
    static func read(path: String) throws -> ReportJSONObject {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(file: path, message: "cannot read the file (\(error.localizedDescription))")
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw InputError(file: path, message: "is not valid JSON (\(error.localizedDescription))",
                             help: "the file should be as recon wrote it; see docs/outputs.md")
        }
        guard let values = parsed as? [String: Any] else {
            throw InputError(file: path, message: "found a JSON \(Self.kind(of: parsed)), expected an object")
        }
        return ReportJSONObject(file: path, keyPath: "", values: values)
    }

    init(file: String, keyPath: String, values: [String: Any]) {
        self.file = file
        self.keyPath = keyPath
        self.values = values
    }

    /// The keys, sorted (so that anything built from them is in a fixed order).
    var keys: [String] { values.keys.sorted() }

    /// The object at `key`; `nil` when missing or null.
    func object(_ key: String) throws -> ReportJSONObject? {
        guard let value = present(key) else { return nil }
        guard let object = value as? [String: Any] else { throw wrongType(key, value, expected: "an object") }
        return ReportJSONObject(file: file, keyPath: path(key), values: object)
    }

    /// The number at `key`; `nil` when missing or null.
    func double(_ key: String) throws -> Double? {
        guard let value = present(key) else { return nil }
        guard let number = Self.number(value), number.isFinite else {
            throw wrongType(key, value, expected: "a number")
        }
        return number
    }

    /// The whole number at `key`; `nil` when missing or null.
    func int(_ key: String) throws -> Int? {
        guard let number = try double(key) else { return nil }
        guard number == number.rounded(), abs(number) < 9e15 else {
            throw InputError(file: file, message: "\(path(key)): found \(number), expected a whole number")
        }
        return Int(number)
    }

    /// The text at `key`; `nil` when missing or null.
    func string(_ key: String) throws -> String? {
        guard let value = present(key) else { return nil }
        guard let text = value as? String else { throw wrongType(key, value, expected: "a string") }
        return text
    }

    /// The Boolean at `key`; `nil` when missing or null.
    func bool(_ key: String) throws -> Bool? {
        guard let value = present(key) else { return nil }
        guard Self.isBoolean(value), let flag = value as? Bool else { throw wrongType(key, value, expected: "true or false") }
        return flag
    }

    /// The array of strings at `key`; empty when missing or null.
    func strings(_ key: String) throws -> [String] {
        guard let value = present(key) else { return [] }
        let texts = (value as? [Any])?.compactMap { $0 as? String }
        guard let texts, texts.count == (value as? [Any])?.count else {
            throw wrongType(key, value, expected: "an array of strings")
        }
        return texts
    }

    /// Every member of the object at `key` that is itself a whole number, sorted by key.
    func counts(_ key: String) throws -> [(key: String, count: Int)] {
        guard let object = try object(key) else { return [] }
        return try object.keys.compactMap { name in try object.int(name).map { (name, $0) } }
    }

    private func present(_ key: String) -> Any? {
        guard let value = values[key], !(value is NSNull) else { return nil }
        return value
    }

    private func path(_ key: String) -> String {
        keyPath.isEmpty ? key : keyPath + "." + key
    }

    private func wrongType(_ key: String, _ value: Any, expected: String) -> InputError {
        InputError(file: file, message: "\(path(key)): found a JSON \(Self.kind(of: value)), expected \(expected)",
                   help: "the file should be as recon wrote it; see docs/outputs.md")
    }

    /// A JSON number as a `Double`, whatever type `JSONSerialization` chose for it; `nil` for
    /// anything else, `true` and `false` included.
    private static func number(_ value: Any) -> Double? {
        guard !isBoolean(value) else { return nil }
        switch value {
        case let number as NSNumber: return number.doubleValue
        case let number as Int: return Double(number)
        case let number as Double: return number
        default: return nil
        }
    }

    /// Whether a parsed JSON value is `true` or `false`. `JSONSerialization` gives numbers and
    /// Booleans alike as `NSNumber`, which casts to `Bool` either way; a Boolean's type code is `c`.
    private static func isBoolean(_ value: Any) -> Bool {
        if let number = value as? NSNumber { return String(cString: number.objCType) == "c" }
        return value is Bool
    }

    private static func kind(of value: Any) -> String {
        switch value {
        case _ where isBoolean(value): return "Boolean"
        case is String: return "string"
        case is [Any]: return "array"
        case is [String: Any]: return "object"
        case is NSNull: return "null"
        default: return number(value) == nil ? "value" : "number"
        }
    }
}
