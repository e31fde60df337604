import ReconCore
import ReconIO

/// Finds prior members that changed ticker: a member whose old ticker is on no line of the
/// universe is matched, by its name, to the universe company that carries that name and has no
/// prior line of its own (ZoomInfo, held by iShares as `ZI` in May 2025, listed by Nasdaq as
/// `GTM` three weeks later).
///
/// Why: FTSE Russell's membership is of a company's security, not of a symbol. A ticker change is
/// not an index event — only corporate actions that end a security remove it, and deletions are
/// never replaced (M7 §9.1–9.2.1) — so the company stays a member under its new ticker. A prior
/// file dated before the change names the old ticker; matched by ticker alone, the company would
/// look new (a false addition, outside banding) and its old line absent.
///
/// The rule is general (no ticker list) and conservative:
/// - only prior lines matched by ticker (no company key) whose ticker is on no universe line (a
///   line spelled as a preferred, `BC^C`, does not carry the ticker it normalises to, `BCC`);
/// - names compare by their issuer key (``IssuerKey``: class descriptor dropped; case,
///   punctuation and legal-form spelling folded) as two files spell it (``crossFileKey(_:)``:
///   iShares' split possessives joined, legal forms dropped), so `ZOOMINFO TECHNOLOGIES INC`
///   meets `ZoomInfo Technologies Inc Common Stock` and `VICTORIA S SECRET` meets
///   `Victorias Secret & Co. Common Stock`, but a company that changed its name as well
///   (`SJW GROUP` → `H2O America`) is not found and stays absent;
/// - the key must name exactly one universe company, through lines that can be common equity
///   (not a preferred or warrant of the issuer);
/// - that company must have no line matched by ticker to a prior line (otherwise it already is a
///   member, as when a class's ticker changed and another class's did not).
///
/// A matched line takes the company's key, so ``PriorLines/position(for:)`` finds it from
/// any of the company's lines. A line whose name finds a company that already is a member through
/// another line is another class of it that the universe does not list (Nasdaq's export leaves
/// out `LEN.B` and `GEF.B` while listing `LEN` and `GEF`), or the same class under a new ticker:
/// it stays absent, a deletion of the line, but counts under that company
/// (``PriorLines/Entry/absentLineOf``), which is not deleted.
public enum PriorTickerChanges {
    /// One old ticker matched to a universe company.
    public struct Match: Sendable, Hashable {
        /// The prior line's (normalised) ticker.
        public var oldSymbol: String
        /// The ticker of the universe company's first line that can be common equity.
        public var newSymbol: String
        /// The issuer key both names share.
        public var issuerKey: String
    }

    /// The prior membership with ticker changes matched, and the matches.
    /// - Parameter issuerKeys: each universe line's ``IssuerKey/key(name:symbol:)``, when the
    ///   universe reader already made them (``UniverseReadResult/issuerKeys``); made here otherwise.
    public static func resolve(_ prior: PriorLines, universe: [Security],
                               issuerKeys: [String]? = nil) -> (membership: PriorLines, matches: [Match]) {
        // By index and field, not by element: a `Security` copied out of the array (as calling a
        // computed property on it does) costs a retain per text field.
        let symbols = universe.indices.map { Ticker.normalize(universe[$0].symbol) }
        // By security key: Brunswick's notes `BC^C` do not put Boise Cascade's `BCC` on the universe.
        let universeTickers = Set(universe.indices.map { Ticker.securityKey(universe[$0].symbol) })
        // Prior lines matched by ticker only, whose ticker is on no universe line. Most prior files
        // have none: then there is nothing to match, and the universe's names need not be read again.
        let unmatched = prior.entries.indices.filter {
            prior.entries[$0].companyKey == nil && !universeTickers.contains(prior.entries[$0].securityKey)
        }
        guard !unmatched.isEmpty else { return (prior, []) }
        // Universe companies by issuer key, through lines that can be common equity (the keys made
        // on every core: splitting thousands of names is most of this step's time).
        let candidates = universe.indices.filter { universe[$0].type.isEligibleType || universe[$0].type.isCompanyStructure }
        let candidateKeys = issuerKeys.map { keys in candidates.map { keys[$0] } } ?? Parallel.mapInBlocks(candidates.count) {
            IssuerKey.key(name: universe[candidates[$0]].name, symbol: universe[candidates[$0]].symbol)
        }
        // Only universe companies under the issuer key of an unmatched line can be matched: the
        // others need no set of companies, no first line and no prior lookup.
        let unmatchedIssuers = unmatched.map { crossFileKey(IssuerKey.key(name: prior.entries[$0].name, symbol: prior.entries[$0].symbol)) }
        let wanted = Set(unmatchedIssuers.filter { !$0.hasPrefix("symbol:") })
        // A key whose leading word no unmatched line's key has cannot meet one: it is compared as
        // it is, without making its cross-file key (a twentieth of a snapshot's time otherwise).
        let wantedLeadingWords = Set(wanted.map(leadingWord))
        let issuers = candidateKeys.map { key in
            let first = leadingWord(key)
            return wantedLeadingWords.contains(first) || labelsAFileMayOmit.contains(first) ? crossFileKey(key) : key
        }
        var companiesByIssuer: [String: Set<String>] = [:]
        for (line, issuer) in zip(candidates, issuers) where wanted.contains(issuer) {
            companiesByIssuer[issuer, default: []].insert(universe[line].companyKey)
        }
        let named = Set(companiesByIssuer.values.joined())
        var firstLine: [String: String] = [:]
        var companiesWithPriorLine: Set<String> = []
        for (line, issuer) in zip(candidates, issuers) where named.contains(universe[line].companyKey) {
            let symbol = symbols[line], company = universe[line].companyKey
            if prior.entry(symbol: symbol) != nil { companiesWithPriorLine.insert(company) }
            if !issuer.hasPrefix("symbol:"), firstLine[company] == nil { firstLine[company] = symbol }
        }
        var entries = prior.entries
        var matches: [Match] = []
        var linesOfMembers = 0
        for (position, issuer) in zip(unmatched, unmatchedIssuers) {
            let entry = entries[position]
            guard !issuer.hasPrefix("symbol:"), let companies = companiesByIssuer[issuer], companies.count == 1,
                  let company = companies.first else { continue }
            if companiesWithPriorLine.contains(company) {
                entries[position].absentLineOf = company
                linesOfMembers += 1
                continue
            }
            entries[position].companyKey = company
            matches.append(Match(oldSymbol: entry.symbol, newSymbol: firstLine[company] ?? "", issuerKey: issuer))
        }
        guard !matches.isEmpty || linesOfMembers > 0 else { return (prior, []) }
        return (PriorLines(entries), matches)
    }

    /// An issuer key as it compares across files. A fund's holdings file spells names its own way:
    /// a possessive as two words (`VICTORIA S SECRET`, where Nasdaq writes `Victorias Secret & Co.`)
    /// and the legal form often left out or cut off (`CCC INTELLIGENT SOLUTIONS HOLDINGS` for
    /// `… Holdings Inc.`), and it labels a real estate investment trust `REIT` whatever its name
    /// (`MEDICAL PROPERTIES TRUST REIT INC`, `TERRENO REALTY REIT CORP`, where Nasdaq writes
    /// `Medical Properties Trust Inc.`, `Terreno Realty Corporation`). So a lone `s` joins the
    /// word before it, and the legal forms the issuer key folds to (`inc`, `corp`, `co`, `ltd`,
    /// and `plc`, `lp`, `llc`) and `reit` are dropped, unless nothing else is left. Within one
    /// file the issuer key keeps them (`Fox Corp` is not `Fox Inc`); across files a match must
    /// still name exactly one company. A name cut short at the
    /// file's width can end in a class descriptor without its designation (`BIGCOMMERCE HOLDINGS
    /// INC SERIES`, of `Series 1`): a last word `class` or `series` is dropped too.
    public static func crossFileKey(_ issuerKey: String) -> String {
        guard !issuerKey.hasPrefix("symbol:") else { return issuerKey }
        var words: [Substring] = []
        for word in issuerKey.split(separator: " ") {
            if word == "s", let last = words.last, last != "/" {
                words[words.count - 1] = Substring(last + "s")
            } else {
                words.append(word)
            }
        }
        if words.count > 1, let last = words.last, last == "class" || last == "series" { words.removeLast() }
        let kept = words.filter { !labelsAFileMayOmit.contains($0) }
        return (kept.isEmpty ? words : kept).joined(separator: " ")
    }

    /// The words ``crossFileKey(_:)`` drops: legal forms, and iShares' `REIT` label.
    private static let labelsAFileMayOmit: Set<Substring> = ["inc", "corp", "co", "ltd", "plc", "lp", "llc", "reit"]

    /// The first word of a key, joined with a lone `s` after it as ``crossFileKey(_:)`` joins it.
    private static func leadingWord(_ key: String) -> Substring {
        guard let space = key.utf8.firstIndex(of: UInt8(ascii: " ")) else { return Substring(key) }
        let first = key[..<space], rest = key.utf8[key.utf8.index(after: space)...]
        let isLoneS = rest.first == UInt8(ascii: "s") && (rest.count == 1 || rest.dropFirst().first == UInt8(ascii: " "))
        return isLoneS ? Substring(first + "s") : first
    }
}
