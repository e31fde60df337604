/// A country as an ISO 3166-1 alpha-3 code (`USA`, `BMU`, `CYM`): the codes Compustat's `fic`
/// (country of incorporation) and `loc` (headquarters) carry, and the codes a company-facts file
/// gives (``CompanyFacts``). Only codes ISO assigns (``ISO3166``) can be made.
///
/// The three letters are packed into one integer, so that the home-country test (``HomeCountry``)
/// compares and hashes codes as numbers.
public struct CountryCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    private let packed: UInt32

    /// The code of `text` (three ASCII letters, any case, no spaces), `nil` when ISO 3166-1 does
    /// not assign it.
    public init?(_ text: some StringProtocol) {
        guard let packed = CountryCode.pack(text), CountryCode.names[packed] != nil else { return nil }
        self.packed = packed
    }

    /// The United States (`USA`).
    public static let unitedStates = CountryCode("USA")!

    /// The three upper-case letters.
    public var alpha3: String {
        String(decoding: [UInt8(truncatingIfNeeded: packed >> 16), UInt8(truncatingIfNeeded: packed >> 8),
                          UInt8(truncatingIfNeeded: packed)], as: UTF8.self)
    }

    /// ISO's English short name (`Bermuda`).
    public var name: String { CountryCode.names[packed]! }

    public var description: String { alpha3 }

    public static func < (lhs: CountryCode, rhs: CountryCode) -> Bool { lhs.packed < rhs.packed }

    /// The US territories: Puerto Rico, Guam, the US Virgin Islands, the Northern Mariana Islands,
    /// American Samoa and the Minor Outlying Islands. App. B counts them as the US for the
    /// home-country test (russell-rules.md §3.1), as ``CountryAssignment`` does for country names.
    static let territories: Set<CountryCode> = Set(["PRI", "GUM", "VIR", "MNP", "ASM", "UMI"].map { CountryCode($0)! })

    /// The country the home-country test counts this code as: the US for a US territory
    /// (M7 App. B), else the code itself.
    public var home: CountryCode { CountryCode.territories.contains(self) ? .unitedStates : self }

    /// The code whose ISO name is `name` (ignoring case and surrounding spaces), for help messages
    /// that turn `Bermuda` into `BMU`.
    public static func code(named name: String) -> CountryCode? {
        let wanted = name.lowercased().trimmingSpaces
        return ISO3166.countries.first { $0.name.lowercased() == wanted }.flatMap { CountryCode($0.code) }
    }

    /// Every code, by packed letters.
    private static let names: [UInt32: String] = {
        var names: [UInt32: String] = [:]
        for country in ISO3166.countries { names[pack(country.code)!] = country.name }
        return names
    }()

    /// Three ASCII letters as one integer of upper-case letters, `nil` for anything else.
    private static func pack(_ text: some StringProtocol) -> UInt32? {
        var packed: UInt32 = 0, count = 0
        for byte in text.utf8 {
            count += 1
            guard count <= 3 else { return nil }
            switch byte {
            case 0x41...0x5A: packed = packed << 8 | UInt32(byte)
            case 0x61...0x7A: packed = packed << 8 | UInt32(byte - 0x20)
            default: return nil
            }
        }
        return count == 3 ? packed : nil
    }
}
