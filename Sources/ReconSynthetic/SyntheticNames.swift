/// Company names, tickers and SIC codes for the synthetic market: invented, pronounceable,
/// upper-case like CRSP's `COMNAM`, and written as the `TICKER,COMNAM` bytes of a CSV row.
struct SyntheticNames {
    private static let starts = ["AL", "BRI", "CAR", "DEL", "EM", "FAIR", "GEN", "HAR", "IN", "JEF", "KEN", "LUM",
                                 "MAR", "NOR", "OAK", "PAR", "QUIN", "RIV", "SAN", "TEL", "UNI", "VAL", "WES", "XEN",
                                 "YOR", "ZEN", "AST", "BEL", "COR", "DOR", "ELK", "FOR", "GRA", "HOL", "IRO", "LAN"]
    private static let ends = ["CO", "DYNE", "TEX", "TRON", "VEST", "GATE", "WAY", "FIELD", "STONE", "BRIDGE", "PORT",
                               "LINE", "SYS", "MED", "GEN", "ON", "AR", "IS", "ICA", "ORA", "UM", "ANT", "ELL", "OX"]
    private static let surnames = ["SMITH", "HARDY", "WALKER", "MONROE", "GRANT", "FISHER", "KELLER", "PRICE", "DUNN"]

    /// An industry: a SIC code and the words a name of that industry ends with.
    struct Industry {
        let code: Int
        let words: [String]
    }

    /// Operating-company industries with rough weights (their share of listings).
    private static let operating: [(Industry, Double)] = [
        (Industry(code: 2834, words: ["PHARMACEUTICALS INC", "THERAPEUTICS INC"]), 6),
        (Industry(code: 2836, words: ["BIOSCIENCES INC", "BIO INC"]), 4),
        (Industry(code: 3674, words: ["SEMICONDUCTOR CORP", "MICRO DEVICES INC"]), 4),
        (Industry(code: 7372, words: ["SOFTWARE INC", "TECHNOLOGIES INC", "SYSTEMS INC"]), 8),
        (Industry(code: 6022, words: ["BANCORP", "FINANCIAL CORP", "BANKSHARES INC"]), 10),
        (Industry(code: 6331, words: ["INSURANCE GROUP", "CASUALTY CORP"]), 3),
        (Industry(code: 4911, words: ["ELECTRIC CO", "ENERGY CORP", "POWER & LIGHT CO"]), 3),
        (Industry(code: 1311, words: ["PETROLEUM CORP", "OIL & GAS INC", "RESOURCES INC"]), 6),
        (Industry(code: 3841, words: ["MEDICAL INC", "SURGICAL CORP"]), 4),
        (Industry(code: 4813, words: ["COMMUNICATIONS INC", "TELECOM CORP"]), 3),
        (Industry(code: 5812, words: ["RESTAURANTS INC", "FOODS INC"]), 3),
        (Industry(code: 5331, words: ["STORES INC", "RETAIL CORP"]), 4),
        (Industry(code: 3711, words: ["MOTORS CORP", "AUTOMOTIVE INC"]), 2),
        (Industry(code: 3560, words: ["INDUSTRIES INC", "MANUFACTURING CO"]), 8),
        (Industry(code: 2911, words: ["REFINING CO", "CHEMICAL CORP"]), 3),
        (Industry(code: 7370, words: ["NETWORKS INC", "DIGITAL INC", "DATA CORP"]), 6),
        (Industry(code: 8060, words: ["HEALTH SYSTEMS INC", "HEALTHCARE CORP"]), 3),
        (Industry(code: 1531, words: ["HOMES INC", "BUILDERS CORP"]), 2),
        (Industry(code: 4512, words: ["AIRLINES INC", "AIR GROUP INC"]), 1),
        (Industry(code: 6211, words: ["CAPITAL GROUP INC", "SECURITIES CORP"]), 3),
        (Industry(code: 6798, words: ["PROPERTIES INC", "REALTY CORP"]), 3),
        (Industry(code: 6770, words: ["ACQUISITION CORP", "HOLDINGS CORP"]), 2),
    ]

    /// The industry of a security of a CRSP share code (funds, REITs and ADRs have their own).
    static func industry(shareCode: Int, random: inout SyntheticRandom) -> Industry {
        switch shareCode {
        case 14, 15: return Industry(code: 6726, words: ["INCOME FUND INC", "GROWTH FUND INC", "MUNICIPAL TRUST"])
        case 18, 48: return Industry(code: 6798, words: ["REALTY TRUST", "REIT INC", "PROPERTY TRUST"])
        case 31: return Industry(code: [2834, 4813, 6022, 1311][random.integer(below: 4)], words: ["PLC ADR", "LTD ADR", "AG ADR"])
        case 73: return Industry(code: 6792, words: ["AMERICUS TRUST UNITS"])
        default:
            let index = random.pick(weights: operating.map(\.1))
            return operating[index].0
        }
    }

    /// A company name for an industry; about one in a hundred has a comma (written quoted).
    static func name(industry: Industry, shareCode: Int, random: inout SyntheticRandom) -> String {
        let word = industry.words[random.integer(below: industry.words.count)]
        if shareCode / 10 == 1, shareCode != 18, random.chance(0.01) {
            let first = surnames[random.integer(below: surnames.count)], second = surnames[random.integer(below: surnames.count)]
            return "\(first), \(second) & CO"
        }
        let stem = starts[random.integer(below: starts.count)] + ends[random.integer(below: ends.count)]
        let suffix = shareCode % 10 == 2 ? " LTD" : ""
        return "\(stem) \(word)\(suffix)"
    }

    /// A ticker of `length` letters packed in a `UInt32` (5 bits a letter), not in `taken`; one
    /// letter longer after a few collisions (short tickers run out), at most five.
    static func ticker(length: Int, taken: Set<UInt32>, random: inout SyntheticRandom) -> UInt32 {
        var letters = length
        var attempts = 0
        while true {
            var code: UInt32 = 0
            for _ in 0 ..< letters { code = code << 5 | UInt32(1 + random.integer(below: 26)) }
            if !taken.contains(code) { return code }
            attempts += 1
            if attempts % 8 == 0, letters < 5 { letters += 1 }
        }
    }

    /// A packed ticker with one more letter (class shares: `MOG` → `MOGA`, `MOGB`).
    static func ticker(_ code: UInt32, appending letter: Character) -> UInt32 {
        code << 5 | UInt32(letter.asciiValue! - 64)
    }

    /// The letters of a packed ticker.
    static func letters(_ code: UInt32) -> [UInt8] {
        var out: [UInt8] = []
        var rest = code
        while rest > 0 {
            out.append(UInt8(rest & 31) + 64)
            rest >>= 5
        }
        return out.reversed()
    }

    /// The `TICKER,COMNAM` bytes of a row, the name quoted when it holds a comma.
    static func label(ticker: UInt32, name: String) -> [UInt8] {
        var bytes = letters(ticker)
        bytes.append(UInt8(ascii: ","))
        if name.contains(",") {
            bytes.append(UInt8(ascii: "\""))
            bytes += Array(name.utf8)
            bytes.append(UInt8(ascii: "\""))
        } else {
            bytes += Array(name.utf8)
        }
        return bytes
    }
}
