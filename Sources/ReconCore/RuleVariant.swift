/// A change to the published rules, to replay history under another rule and compare.
///
/// Written `KEY=VALUE` on the command line (`--variant band=0.05`); several changes join with
/// commas (`band=0,microcap_band=0`). Keys:
/// - `band=W`: half-width of the #1,000 band (0 = hard cut; the published rule is 0.025 from 2007).
/// - `microcap_band=W`: half-width of the #2,000 Microcap band (0 = hard cut).
/// - `rank_shift=N`: move the rank day by N months (negative = earlier).
/// - `frequency=annual|semiannual`: drop the December runs, or add one every year.
/// - `convention=rulebook|academic`: which CRSP share types and exchanges are eligible
///   (``ShareTypeConvention``).
public struct RuleVariant: Sendable, Hashable, CustomStringConvertible {
    public enum Change: Sendable, Hashable {
        case band1000(Double)
        case microcapBand(Double)
        case rankShift(months: Int)
        case frequency(semiannual: Bool)
        case convention(ShareTypeConvention)
    }

    public var changes: [Change]
    /// The text it was parsed from, used as its name in outputs.
    public var name: String

    public var description: String { name }

    /// What went wrong parsing a variant.
    public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    public static let keys = ["band", "microcap_band", "rank_shift", "frequency", "convention"]

    public init(parsing text: String) throws {
        name = text
        changes = try text.split(separator: ",").map { try RuleVariant.change(String($0)) }
        if changes.isEmpty { throw ParseError(message: "empty variant, expected KEY=VALUE such as band=0.05") }
    }

    static func change(_ text: String) throws -> Change {
        let parts = text.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
        guard parts.count == 2, !parts[1].isEmpty else {
            throw ParseError(message: "found '\(text)', expected KEY=VALUE with KEY one of \(keys.joined(separator: ", "))")
        }
        switch parts[0].lowercased() {
        case "band":
            return .band1000(try fraction(parts[1], key: "band"))
        case "microcap_band":
            return .microcapBand(try fraction(parts[1], key: "microcap_band"))
        case "rank_shift":
            guard let months = Int(parts[1]), (-11...11).contains(months) else {
                throw ParseError(message: "rank_shift expects whole months from -11 to 11, found '\(parts[1])'")
            }
            return .rankShift(months: months)
        case "frequency":
            switch parts[1].lowercased() {
            case "annual": return .frequency(semiannual: false)
            case "semiannual", "semi-annual": return .frequency(semiannual: true)
            default: throw ParseError(message: "frequency expects annual or semiannual, found '\(parts[1])'")
            }
        case "convention":
            guard let convention = ShareTypeConvention(rawValue: parts[1].lowercased()) else {
                throw ParseError(message: "convention expects rulebook or academic, found '\(parts[1])'")
            }
            return .convention(convention)
        default:
            throw ParseError(message: "unknown variant key '\(parts[0])', expected one of \(keys.joined(separator: ", "))")
        }
    }

    static func fraction(_ text: String, key: String) throws -> Double {
        guard let value = Double(text), value.isFinite, value >= 0, value <= 0.5 else {
            throw ParseError(message: "\(key) expects a fraction from 0 to 0.5 (0.025 = ±2.5%), found '\(text)'")
        }
        return value
    }

    /// The rulebook under this variant. A band set to 0 is a hard cut. Only eras that have the band
    /// get a new width: `band=0.05` widens the post-2007 band and leaves earlier hard cuts alone.
    public func apply(to rulebook: Rulebook) -> Rulebook {
        var changed = rulebook
        for change in changes {
            switch change {
            case .band1000(let width):
                if rulebook.band1000 != nil { changed.band1000 = width > 0 ? width : nil }
            case .microcapBand(let width):
                if rulebook.microcapBand != nil { changed.microcapBand = width > 0 ? width : nil }
            case .rankShift(let months):
                changed.rankDay = rulebook.rankDay.adding(months: months).endOfMonthIfEndOfMonth(from: rulebook.rankDay)
            case .frequency:
                break // which runs exist is the caller's choice; see ``semiannual``
            case .convention(let convention):
                changed.shareTypeConvention = convention
            }
        }
        return changed
    }

    /// `true` / `false` when the variant sets the frequency, `nil` when it keeps the calendar's.
    public var semiannual: Bool? {
        for case .frequency(let semiannual) in changes { return semiannual }
        return nil
    }
}

extension CalendarDate {
    /// Keeps a month-end a month-end when shifting (April 30 → May 31).
    func endOfMonthIfEndOfMonth(from original: CalendarDate) -> CalendarDate {
        original == original.endOfMonth ? endOfMonth : self
    }
}
