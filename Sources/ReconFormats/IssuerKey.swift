import Foundation
import ReconCore
import ReconIO

/// The company a listed line belongs to, derived from the line's name when the source has no
/// company identifier (the Nasdaq screener).
///
/// Share classes of one company must get the same key, because FTSE Russell ranks a company by
/// the total market cap of all its common share classes (M7 §6.2.2, §6.5.2): GOOG
/// "Alphabet Inc. Class C Capital Stock" and GOOGL "Alphabet Inc. Class A Common Stock" are both
/// `alphabet inc`. The key is the issuer part of the name (see ``SecurityName``) with:
/// - the class or series descriptor removed (`Class A Common Stock`, `Capital Stock`,
///   `Ordinary Shares`, `Subordinate Voting Shares`, `Common Stock New`, …);
/// - case, accents and punctuation folded, parenthesised words (`(The)`, `(DE)`) and a leading
///   `The` or `D/B/A` dropped, `&` and `and` dropped;
/// - legal-form spellings folded to one spelling each (`Incorporated` → `inc`,
///   `Corporation` → `corp`, `Company` → `co`, `Limited` → `ltd`, `L.P.` → `lp`, …) but kept, so
///   `Fox Corp` and a hypothetical `Fox Inc` stay apart;
/// - a name written twice (`Brookfield Renewable Corporation Brookfield Renewable Corporation`)
///   read once.
///
/// Tracking stocks are considered separately (M7 §6.5.2): the group a tracking stock follows
/// (`Series A Liberty Formula One Common Stock`) is kept in the key, so FWONA and FWONK share a
/// key that differs from LLYVA/LLYVK (`Liberty Live`).
///
/// The key is conservative: it never merges names that differ in any word other than the
/// descriptor and the spelling of the legal form. And a name is not enough on its own:
/// ``assign(_:)`` keeps lines with the same issuer name apart unless their tickers look like
/// share classes of one another (`GOOG`/`GOOGL`, `BRK/A`/`BRK/B`, `BATRA`/`BATRK`), because
/// different companies can share a name (`First Bancorp` in North Carolina, FBNC, and
/// `First BanCorp.` in Puerto Rico, FBP).
public struct IssuerKey: Sendable, Hashable {
    /// The company key (`alphabet inc`); never empty.
    public let key: String
    /// The issuer's display name (`Alphabet Inc.`).
    public let displayName: String

    /// One line to key: its ticker and its name.
    public struct Line: Sendable, Hashable {
        public var symbol: String
        public var name: String

        public init(symbol: String, name: String) {
            self.symbol = symbol
            self.name = name
        }
    }

    /// Keys the lines of one universe together: lines with the same issuer name share a key
    /// only when their tickers are share-class variants of each other (directly or through
    /// another line of the group); otherwise each group of related tickers gets the name's key
    /// followed by ` #` and its first ticker (`first bancorp #FBNC`).
    public static func assign(_ lines: [Line]) -> [IssuerKey] {
        assign(lines, names: lines.map { SecurityName($0.name) })
    }

    /// The same with each line's name already split (`names[i]` of `lines[i].name`).
    static func assign(_ lines: [Line], names: [SecurityName]) -> [IssuerKey] {
        separatingUnrelatedTickers(nameKeys(names: names) { lines[$0].symbol }) { lines[$0].symbol }
    }

    /// Each line's key from its name alone (``init(parsed:symbol:displayName:)``), on every core:
    /// the first step of ``assign(_:)``, and what ``key(name:symbol:)`` gives for the line.
    /// `symbol(i)` is the ticker of the line whose name is `names[i]`.
    static func nameKeys(names: [SecurityName], symbol: @Sendable (Int) -> String) -> [IssuerKey] {
        Parallel.mapInBlocks(names.count) { IssuerKey(parsed: names[$0], symbol: symbol($0)) }
    }

    /// The second step of ``assign(_:)``: lines that share a name key but whose tickers are not
    /// share-class variants of each other get the key followed by ` #` and their group's first ticker.
    /// `symbol(i)` is the ticker of the line keyed `nameKeys[i]`.
    static func separatingUnrelatedTickers(_ nameKeys: [IssuerKey], symbol: (Int) -> String) -> [IssuerKey] {
        var keys = nameKeys
        // Only keys of two lines or more need their lines listed: no array for the thousands of single ones.
        var firstLineOfKey: [String: Int] = [:]
        firstLineOfKey.reserveCapacity(keys.count)
        var indicesByKey: [String: [Int]] = [:]
        for (index, key) in keys.enumerated() {
            if let first = firstLineOfKey[key.key] {
                indicesByKey[key.key, default: [first]].append(index)
            } else {
                firstLineOfKey[key.key] = index
            }
        }
        for indices in indicesByKey.values {
            let clusters = tickerClusters(indices.map(symbol))
            guard clusters.count > 1 else { continue }
            for cluster in clusters {
                let suffix = " #" + Ticker.normalize(symbol(indices[cluster[0]]))
                for member in cluster {
                    let index = indices[member]
                    keys[index] = IssuerKey(key: keys[index].key + suffix, displayName: keys[index].displayName)
                }
            }
        }
        return keys
    }

    private init(key: String, displayName: String) {
        self.key = key
        self.displayName = displayName
    }

    /// Whether two tickers look like share classes (or other lines) of one issuer: the same root
    /// before a separator (`BRK/A`, `BRK/B`; `HEI`, `HEI/A`), one a prefix of the other (`GOOG`,
    /// `GOOGL`; `Z`, `ZG`), or the same but for the last letter (`BATRA`, `BATRK`).
    public static func areClassVariants(_ first: String, _ second: String) -> Bool {
        TickerForms(first).areClassVariants(of: TickerForms(second))
    }

    /// A ticker in the forms ``areClassVariants(_:_:)`` compares, made once per ticker: a group
    /// of lines compares every pair of its tickers.
    private struct TickerForms {
        /// ``Ticker/normalize(_:)`` of the ticker.
        let normalized: String
        /// The normalised part before the first separator (`/`, `.`, `^`, `-`, space).
        let root: String
        /// ``normalized``'s `Character` count.
        let count: Int

        init(_ symbol: String) {
            normalized = Ticker.normalize(symbol)
            root = Ticker.normalize(String(symbol.prefix { !"/.^- ".contains($0) }))
            count = normalized.count
        }

        func areClassVariants(of other: TickerForms) -> Bool {
            let a = normalized, b = other.normalized
            guard !a.isEmpty, !b.isEmpty else { return false }
            if root == other.root { return true }
            if a.hasPrefix(b) || b.hasPrefix(a) { return true }
            return count == other.count && count >= 2 && a.dropLast() == b.dropLast()
        }
    }

    /// Groups of positions whose tickers are linked by ``areClassVariants(_:_:)``, each in order.
    private static func tickerClusters(_ symbols: [String]) -> [[Int]] {
        let tickers = symbols.map(TickerForms.init)
        var parent = Array(symbols.indices)
        func find(_ index: Int) -> Int {
            var index = index
            while parent[index] != index { index = parent[index] }
            return index
        }
        for i in symbols.indices {
            for j in symbols.indices where j > i && tickers[i].areClassVariants(of: tickers[j]) {
                let (a, b) = (find(i), find(j))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var clusters: [Int: [Int]] = [:]
        for index in symbols.indices { clusters[find(index), default: []].append(index) }
        return clusters.keys.sorted().map { clusters[$0]! }
    }

    /// Derives the key from a line's name; `symbol` is the fallback when the name has no issuer
    /// words (the key is then `symbol:` and the normalised ticker).
    public init(name: String, symbol: String) {
        self.init(parsed: SecurityName(name), symbol: symbol)
    }

    /// The key alone of a line's name (``key``), without the display name.
    public static func key(name: String, symbol: String) -> String {
        IssuerKey(parsed: SecurityName(name), symbol: symbol, displayName: false).key
    }

    /// - Parameter displayName: whether to make the display name too (a caller that only compares
    ///   keys skips it: it is most of the work after the name is split).
    init(parsed: SecurityName, symbol: String, displayName: Bool = true) {
        let name = parsed.text
        let issuer = IssuerKey.undoubled(parsed, IssuerKey.issuerRange(parsed))
        let folded = IssuerKey.trimmed(parsed.words[issuer].filter { !$0.inParentheses }.map(\.folded))
        var canonical = folded.compactMap(IssuerKey.canonical)
        var display = displayName ? IssuerKey.displayText(parsed, issuer) : ""
        if let group = IssuerKey.trackingGroup(parsed) {
            canonical += ["/"] + group.map(\.folded)
            if displayName { display += " (\(parsed.original(group.startIndex..<group.endIndex)))" }
        }
        if canonical.isEmpty {
            let ticker = Ticker.normalize(symbol)
            self.key = "symbol:" + ticker
            self.displayName = name.isEmpty ? symbol : name
        } else {
            self.key = canonical.joined(separator: " ")
            self.displayName = display
        }
    }

    // MARK: - Steps

    /// The issuer words, without a leading `The` or `D/B/A`.
    private static func issuerRange(_ name: SecurityName) -> Range<Int> {
        var start = 0
        let words = name.words
        if words.count >= 3, words[0].folded == "d", words[1].folded == "b", words[2].folded == "a" { start = 3 }
        if start < name.descriptorStart, words[start].folded == "the", name.descriptorStart - start > 1 { start += 1 }
        return start..<max(start, name.descriptorStart)
    }

    /// Drops a trailing `New` or `The` and a trailing `&`.
    private static func trimmed(_ words: [String]) -> [String] {
        var words = words
        while let last = words.last, ["new", "the", "&", "and"].contains(last), words.count > 1 { words.removeLast() }
        return words
    }

    /// `A B C A B C` → `A B C` (names Nasdaq writes twice).
    private static func undoubled(_ name: SecurityName, _ range: Range<Int>) -> Range<Int> {
        guard range.count >= 4, range.count % 2 == 0 else { return range }
        let half = range.count / 2
        let first = name.words[range.lowerBound..<(range.lowerBound + half)].map(\.folded)
        let second = name.words[(range.lowerBound + half)..<range.upperBound].map(\.folded)
        return first == second ? range.lowerBound..<(range.lowerBound + half) : range
    }

    /// One spelling per legal form; `&`, `and` and `the` dropped.
    static func canonical(_ word: String) -> String? {
        switch word {
        case "&", "and", "the": return nil
        case "incorporated": return "inc"
        case "corporation": return "corp"
        case "company": return "co"
        case "limited": return "ltd"
        default: return word
        }
    }

    /// The display text of the issuer words, without trailing commas or dashes.
    private static func displayText(_ name: SecurityName, _ issuer: Range<Int>) -> String {
        var issuer = issuer
        while issuer.count > 1, name.words[issuer.upperBound - 1].inParentheses { issuer = issuer.lowerBound..<(issuer.upperBound - 1) }
        guard !issuer.isEmpty else { return name.text.trimmingCharacters(in: .whitespaces) }
        var text = name.original(issuer)
        if name.isASCII {
            // One byte per character: the trailing ones are dropped without building `Character`s.
            let trailing = text.utf8.reversed().prefix { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: " ") }.count
            if trailing > 0 { text = String(text.utf8.dropLast(trailing))! }
        } else {
            while let last = text.last, last == "," || last == "-" || last == " " { text.removeLast() }
        }
        return singleSpaced(text)
    }

    /// Runs of spaces made one (the text starts with a word and no longer ends with a space).
    /// An ASCII text without two spaces in a row is already single-spaced: returned as it is,
    /// without splitting it into `Character`s and joining them again.
    private static func singleSpaced(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }), !text.containsText("  ") { return text }
        return text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// The words naming a tracking group: `Series A Liberty Formula One Common Stock` →
    /// `Liberty Formula One`. Only when the words between the class designator and
    /// `Common Stock` are plain words (not `Cumulative`, `Preferred`, a rate, …).
    private static func trackingGroup(_ name: SecurityName) -> ArraySlice<SecurityName.Word>? {
        let words = name.words
        let start = name.descriptorStart
        guard start + 3 < words.count, ["series", "class"].contains(words[start].folded),
              SecurityName.isClassLetter(words[start + 1].folded) else { return nil }
        guard let common = name.find(["common", "stock"], in: (start + 2)..<words.count), common > start + 2 else {
            return nil
        }
        let group = words[(start + 2)..<common]
        let descriptorWords: Set<String> = [
            "cumulative", "redeemable", "preferred", "perpetual", "fixed", "floating", "rate", "non",
            "voting", "nonvoting", "convertible", "exchangeable", "subordinate", "restricted", "limited",
            "%", "$", "par", "value", "new", "shares", "ordinary",
        ]
        guard group.allSatisfy({ !descriptorWords.contains($0.folded) && !$0.isNumber && !$0.inParentheses }) else {
            return nil
        }
        return group
    }
}
