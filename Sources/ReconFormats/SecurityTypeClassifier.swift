import ReconCore
import ReconIO

/// Infers what a listed line is (common stock, preferred, warrant, fund, …) from its symbol,
/// name and industry, for sources that do not say (the Nasdaq screener).
///
/// FTSE Russell excludes share types other than common (M7 §5.13: preferred, warrants, rights,
/// depositary receipts, trust receipts, …) and company structures (M7 §5.11: royalty trusts, US
/// LLCs, closed-end funds and BDCs, SPACs, limited partnerships, ETFs). The rules below are
/// general: they read how issuers and exchanges *name* securities, never a list of tickers.
/// They are tried in order; the first that matches decides, and its evidence is recorded
/// (`name says "Warrant"`). A line no rule matches is common stock.
///
/// The rules prefer precision: wrongly excluding a real operating company costs more than keeping
/// a fund, because the later price and cap screens remove most small funds anyway. Every rule is
/// documented, with why it is general, in `docs/formats.md`.
public enum SecurityTypeClassifier {
    /// One line to classify.
    public struct Line: Sendable, Hashable {
        public var symbol: String
        public var name: String
        public var industry: String?
        /// The line's company key (``IssuerKey``), so evidence about the issuer (a blank-cheque
        /// line) reaches its other lines.
        public var companyKey: String?

        public init(symbol: String, name: String, industry: String? = nil, companyKey: String? = nil) {
            self.symbol = symbol
            self.name = name
            self.industry = industry
            self.companyKey = companyKey
        }
    }

    /// The inferred type and why.
    public struct Inference: Sendable, Hashable {
        public var type: SecurityType
        /// Why the type was inferred; `nil` for common stock (no rule matched).
        public var evidence: String?

        public init(type: SecurityType, evidence: String?) {
            self.type = type
            self.evidence = evidence
        }
    }

    /// Classifies one line on its own evidence.
    public static func classify(_ line: Line) -> Inference {
        classify(Facts(line))
    }

    /// Classifies lines together, issuer by issuer (same ``Line/companyKey``), for blank-cheque
    /// companies (M7 §5.11): a line is a SPAC line when another line of its issuer shows the
    /// issuer is one, and the issuer's listed units or rights (the way SPACs sell their IPO)
    /// corroborate the industry `Blank Checks`. A line's own share type still decides first: the
    /// warrants and units of a SPAC stay warrants and units.
    public static func classify(_ lines: [Line]) -> [Inference] {
        classify(lines, names: lines.map { SecurityName($0.name) })
    }

    /// The same with each line's name already split (`names[i]` of `lines[i].name`).
    static func classify(_ lines: [Line], names: [SecurityName]) -> [Inference] {
        classify(names: names, fields: LineFields(symbol: { lines[$0].symbol }, industry: { lines[$0].industry },
                                                  companyKey: { lines[$0].companyKey }))
    }

    /// The fields of line `i` the classifier reads besides its name: a reader hands over its own
    /// rows' fields, without copying them into ``Line`` values first.
    struct LineFields: Sendable {
        let symbol: @Sendable (Int) -> String
        let industry: @Sendable (Int) -> String?
        let companyKey: @Sendable (Int) -> String?
    }

    /// The same with each line's name already split (`names[i]`) and its other fields in `fields`.
    static func classify(names: [SecurityName], fields: LineFields) -> [Inference] {
        let count = names.count
        // A screener repeats a hundred or so industries over thousands of lines: each is read once.
        var industryOf: [String: Industry] = [:]
        let industries = (0 ..< count).map { index in
            let raw = fields.industry(index) ?? ""
            if let known = industryOf[raw] { return known }
            let industry = Industry(raw)
            industryOf[raw] = industry
            return industry
        }
        let facts = Parallel.mapInBlocks(count) { index in
            Facts(symbol: fields.symbol(index), name: names[index], industry: industries[index])
        }
        // Each line's own evidence on every core; the issuer's is the first of its lines' in line order.
        let ownUnitsOrRights = Parallel.mapInBlocks(facts.count) { Rule.unitOrRightEvidence(facts[$0]) }
        // Lines numbered by company key (in order of first line), so the issuer passes index arrays.
        var numbering = UniverseKeys.Builder(capacity: count)
        let companyOfLine = (0 ..< count).map { index in fields.companyKey(index).map { Int(numbering.company($0)) } }
        let companies = numbering.companyCount
        var unitsOrRights = [String?](repeating: nil, count: companies)
        for index in 0 ..< count {
            guard let company = companyOfLine[index], unitsOrRights[company] == nil, let evidence = ownUnitsOrRights[index] else { continue }
            unitsOrRights[company] = "\(fields.symbol(index).trimmingSpaces) (\(evidence))"
        }
        for index in facts.indices {
            guard let company = companyOfLine[index] else { continue }
            facts[index].issuerUnitsOrRights = unitsOrRights[company]
        }
        let ownBlankCheck = Parallel.mapInBlocks(facts.count) { Rule.ownBlankCheckEvidence(facts[$0]) }
        for index in facts.indices { facts[index].ownBlankCheck = .some(ownBlankCheck[index]) }
        var blankCheck = [String?](repeating: nil, count: companies)
        for index in facts.indices {
            guard let company = companyOfLine[index], blankCheck[company] == nil, let evidence = ownBlankCheck[index] else { continue }
            blankCheck[company] = "\(fields.symbol(index).trimmingSpaces): \(evidence)"
        }
        for index in facts.indices {
            facts[index].issuerBlankCheck = companyOfLine[index].flatMap { blankCheck[$0] }
        }
        return Parallel.mapInBlocks(facts.count) { classify(facts[$0]) }
    }

    // MARK: - Evaluation

    /// The industry sets of the rules (``Rule/fundIndustries`` and the others) an industry is in.
    struct IndustrySets: OptionSet, Sendable {
        let rawValue: UInt8
        static let fund = IndustrySets(rawValue: 1)
        static let lending = IndustrySets(rawValue: 2)
        static let operatingTrust = IndustrySets(rawValue: 4)
        static let extractive = IndustrySets(rawValue: 8)
    }

    /// A line's industry as the rules read it, worked out once per distinct industry.
    struct Industry: Sendable {
        /// Trimmed; empty when the source gives none.
        let text: String
        /// ``text`` lower-cased, as the industry sets are written.
        let folded: String
        /// The sets ``folded`` is in.
        let sets: IndustrySets

        init(_ raw: String) {
            text = raw.trimmingSpaces
            folded = text.lowercased()
            var sets: IndustrySets = []
            if Rule.fundIndustries.contains(folded) { sets.insert(.fund) }
            if Rule.lendingIndustries.contains(folded) { sets.insert(.lending) }
            if Rule.operatingTrustIndustries.contains(folded) { sets.insert(.operatingTrust) }
            if Rule.extractiveIndustries.contains(folded) { sets.insert(.extractive) }
            self.sets = sets
        }
    }

    /// What the rules look at.
    ///
    /// A class, so that handing a line's facts to a rule is one retain, not one per text (three
    /// passes hand every line's facts over). `@unchecked Sendable`: the issuer fields are set
    /// between the parallel passes, never during one, and everything else is constant.
    final class Facts: @unchecked Sendable {
        let symbol: String
        let name: SecurityName
        /// Trimmed; empty when the source gives none.
        let industry: String
        /// Evidence, from a line of the same issuer, that the issuer is a blank-cheque company.
        var issuerBlankCheck: String?
        /// A listed unit or right of the same issuer (`AACBU (name says "Units")`).
        var issuerUnitsOrRights: String?
        /// ``Rule/ownBlankCheckEvidence(_:)`` of these facts once the issuer pass has found it
        /// (`.some(nil)`: none); `nil` before.
        var ownBlankCheck: String??

        /// ``industry`` lower-cased, as the industry sets are written.
        let foldedIndustry: String
        private let industrySets: IndustrySets
        /// The symbol's text after its last `/` or `.`, upper-cased (`WS` of `ACME/ws`); `nil`
        /// without a separator. Found once: three rules look at it.
        let suffixAfterSeparator: (upperCased: String, separator: String.Index)?

        convenience init(_ line: Line) {
            self.init(symbol: line.symbol, name: SecurityName(line.name), industry: Industry(line.industry ?? ""))
        }

        init(symbol: String, name: SecurityName, industry: Industry) {
            self.symbol = symbol
            self.name = name
            self.industry = industry.text
            self.foldedIndustry = industry.folded
            self.industrySets = industry.sets
            self.suffixAfterSeparator = symbol.lastIndex(where: { $0 == "/" || $0 == "." }).map { separator in
                (symbol[symbol.index(after: separator)...].uppercased(), separator)
            }
        }

        /// Whether the industry is in one of the rules' industry sets.
        func industry(in set: IndustrySets) -> Bool { industrySets.contains(set) }
    }

    static func classify(_ facts: Facts) -> Inference {
        for rule in Rule.ordered {
            if let evidence = rule.match(facts) { return Inference(type: rule.type, evidence: evidence) }
        }
        return Inference(type: .commonStock, evidence: nil)
    }
}

// MARK: - Rules

extension SecurityTypeClassifier {
    /// One inference rule: a type and a test that returns its evidence when it matches.
    struct Rule: Sendable {
        /// Short name used in `docs/formats.md`.
        let id: String
        let type: SecurityType
        let match: @Sendable (Facts) -> String?

        /// The rules in the order they are tried. Share types (M7 §5.13) come before company
        /// structures (M7 §5.11), so a SPAC's warrants are warrants and an LP's preferred units
        /// are preferred; depositary receipts come first because their descriptors mention the
        /// underlying share ("each representing … preferred shares", "the right to receive").
        /// Partnership, LLC and royalty-trust *units* are the common equity of those structures,
        /// so those three rules come before the unit rule. The `^` symbol rule is last: names
        /// say more than the marker does.
        static let ordered: [Rule] = [
            Rule(id: "depositary-receipt", type: .depositaryReceipt) { $0.name.says(depositaryPhrases) },
            Rule(id: "note", type: .note, match: noteEvidence),
            Rule(id: "preferred", type: .preferred, match: preferredEvidence),
            Rule(id: "depositary-shares", type: .depositaryReceipt) { $0.name.says(depositarySharesPhrases, from: 1) },
            Rule(id: "warrant", type: .warrant) {
                $0.name.says(warrantPhrases, from: 1) ?? $0.symbolSuffix(["WS", "WT"]) ?? $0.nasdaqFifthLetter("W", meaning: "warrants")
            },
            Rule(id: "right", type: .right) {
                $0.name.says(rightPhrases, from: 1) ?? $0.symbolSuffix(["R", "RT"]) ?? $0.nasdaqFifthLetter("R", meaning: "rights")
            },
            Rule(id: "limited-partnership", type: .limitedPartnership, match: limitedPartnershipEvidence),
            Rule(id: "llc", type: .limitedLiabilityCompany, match: limitedLiabilityCompanyEvidence),
            Rule(id: "royalty-trust", type: .royaltyTrust, match: royaltyTrustEvidence),
            Rule(id: "unit", type: .unit) {
                $0.name.says(unitPhrases, from: 1) ?? $0.symbolSuffix(["U", "UN"]) ?? $0.nasdaqFifthLetter("U", meaning: "units")
            },
            Rule(id: "trust-receipt", type: .trustReceipt) { $0.name.says(trustReceiptPhrases, from: 1) },
            Rule(id: "blank-check", type: .blankCheck, match: blankCheckEvidence),
            Rule(id: "etf", type: .exchangeTradedFund) { $0.name.says(exchangeTradedPhrases, from: 1) },
            Rule(id: "bdc", type: .businessDevelopmentCompany, match: businessDevelopmentCompanyEvidence),
            Rule(id: "closed-end-fund", type: .closedEndFund, match: closedEndFundEvidence),
            Rule(id: "preferred-symbol", type: .preferred) { $0.symbol.containsText("^") ? "symbol has \"^\" (Nasdaq's preferred-series marker)" : nil },
        ]

        init(id: String, type: SecurityType, match: @escaping @Sendable (Facts) -> String?) {
            self.id = id
            self.type = type
            self.match = match
        }

        // MARK: Share types (§5.13)

        static let depositaryPhrases: PhraseList = [
            ["american", "depositary"], ["american", "depository"], ["global", "depositary"],
            ["ads"], ["adss"], ["adr"], ["adrs"], ["depositary", "receipts"], ["depositary", "receipt"],
        ]

        /// Debt listed as "baby bonds": `6.25% Notes due 2028`, `Senior Notes`, `Debentures`,
        /// `First Mortgage Bonds`. `Bond` alone is not enough (`BlackRock Core Bond Trust` is a fund).
        static func noteEvidence(_ facts: Facts) -> String? {
            let name = facts.name
            if let found = name.says(notePhrases, from: 1) {
                return found
            }
            if name.hasPercentage, let found = name.says(ratedNotePhrases, from: 1) { return found }
            return nil
        }

        /// `Preferred Stock`, `Pfd`, `Preference Shares`, `Depositary Shares … Preferred`, and a
        /// rate with a series (`5.00% Series B Cumulative`) — but not `Preferred` as the issuer's
        /// first word (`Preferred Bank`).
        static func preferredEvidence(_ facts: Facts) -> String? {
            let name = facts.name
            // Every word but the first; empty (not a trap) for a name without words.
            let afterFirst = min(1, name.words.count)..<name.words.count
            if let found = name.says(preferredPhrases, from: name.descriptorStart) { return found }
            if name.hasPercentage, let found = name.firstMatch(seriesPhrases, in: afterFirst) {
                return "name says \"%\" and \"\(found)\""
            }
            // A `Capital Trust I` exists to issue trust-preferred securities.
            if let start = name.find(["capital", "trust"], in: afterFirst), start + 2 < name.words.count,
               SecurityName.isClassLetter(name.words[start + 2].folded) {
                return "name says \"\(name.original(start..<(start + 3)))\""
            }
            return nil
        }

        static let trustReceiptPhrases: PhraseList = [
            ["trust", "certificates"], ["trust", "securities"], ["certificates"], ["certs"], ["strats"], ["corts"],
            ["corp", "backed"],
        ]

        // MARK: Company structures (§5.11)

        /// `L.P.`/`LP` in the issuer's name (not inside a word: `LPL Financial` is not one),
        /// `Limited Partnership`, `Limited Partner Interests`, `Common Units`, `Partnership Units`.
        static func limitedPartnershipEvidence(_ facts: Facts) -> String? {
            facts.name.says(lpPhrases, from: 1, issuerOnly: true)
                ?? facts.name.says(partnershipPhrases, from: 1)
        }

        /// `Limited Liability Company` interests, or `LLC` in the issuer's name when the descriptor
        /// does not call the security *stock*. Corporations issue stock, LLCs issue interests,
        /// shares or units; Nasdaq names a few corporations by an LLC predecessor or subsidiary
        /// (`Vertiv Holdings LLC Class A Common Stock`), so `LLC … Common Stock` stays common.
        static func limitedLiabilityCompanyEvidence(_ facts: Facts) -> String? {
            let name = facts.name
            if let found = name.says(llcInterestPhrases, from: 1) { return found }
            guard let found = name.says(llcPhrases, from: 1, issuerOnly: true) else { return nil }
            return name.find(["stock"], in: name.descriptorStart..<name.words.count) == nil ? found : nil
        }

        /// `Royalty Trust`, `Trust Units`, `Units of Beneficial Interest`, or a trust whose
        /// industry is extraction (`Mesabi Trust`, iron ore royalties).
        static func royaltyTrustEvidence(_ facts: Facts) -> String? {
            let name = facts.name
            if let found = name.says(royaltyTrustPhrases, from: 1) {
                return found
            }
            if facts.industry(in: .extractive), let last = name.issuerWords.last, last.folded == "trust" {
                return "name says \"Trust\" and industry is \"\(facts.industry)\""
            }
            return nil
        }

        /// A blank-cheque company (SPAC), from the line itself (``ownBlankCheckEvidence(_:)``),
        /// from another line of its issuer, or, for a line with no industry, from the issuer's
        /// listed units or rights.
        static func blankCheckEvidence(_ facts: Facts) -> String? {
            if let own = facts.ownBlankCheck ?? ownBlankCheckEvidence(facts) { return own }
            if let issuer = facts.issuerBlankCheck { return "the issuer's line \(issuer)" }
            if facts.industry.isEmpty, let units = facts.issuerUnitsOrRights {
                return "no industry, and the issuer lists \(units)"
            }
            return nil
        }

        /// The line's own evidence of a SPAC: `SPAC` or `Blank Check` in the name; an issuer
        /// named `… Acquisition Corp.`/`… Merger Corp.` (optionally numbered: `Acquisition Corp.
        /// II`, `Acquisition II Corp.`), the way SPACs name themselves and operating companies do
        /// not; or Nasdaq's industry `Blank Checks` corroborated by a serial number in the name
        /// (`Churchill Capital Corp X`) or by the issuer's listed units or rights. The industry
        /// alone is not enough: companies that merged with a SPAC keep it for a while
        /// (`Mobile Infrastructure Corporation`, `Blaize Holdings Inc.`).
        static func ownBlankCheckEvidence(_ facts: Facts) -> String? {
            let name = facts.name
            if let found = name.says(blankCheckPhrases, from: 0, issuerOnly: true) { return found }
            if let found = acquisitionVehicleName(name) { return found }
            guard facts.foldedIndustry == "blank checks" else { return nil }
            if let number = serialNumber(name) {
                return "industry is \"\(facts.industry)\" and name has the serial number \"\(number)\""
            }
            if let units = facts.issuerUnitsOrRights {
                return "industry is \"\(facts.industry)\" and the issuer lists \(units)"
            }
            return nil
        }

        /// A listed unit or right, not a contingent value right: the capital structure of a
        /// SPAC's IPO.
        static func unitOrRightEvidence(_ facts: Facts) -> String? {
            guard facts.name.find(["contingent", "value"]) == nil else { return nil }
            return facts.name.says(unitOrRightPhrases, from: 1)
        }

        /// A Roman numeral or number among the issuer's words after the first (`II`,
        /// `Corp XI`, `GigCapital7`): sponsors number their successive SPACs.
        private static func serialNumber(_ name: SecurityName) -> String? {
            let numerals: Set<String> = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
            for (index, word) in name.issuerWords.enumerated() where index > 0 {
                let endsInDigit = word.folded.last?.isNumber ?? false
                if numerals.contains(word.folded) || endsInDigit { return name.original(index..<(index + 1)) }
            }
            return nil
        }

        private static func acquisitionVehicleName(_ name: SecurityName) -> String? {
            let words = Array(name.issuerWords)
            for (index, word) in words.enumerated() where index > 0 && ["acquisition", "acquisitions", "merger"].contains(word.folded) {
                var next = index + 1
                if next < words.count, SecurityName.isClassLetter(words[next].folded) { next += 1 }
                if next < words.count, legalForms.contains(words[next].folded) {
                    return "name says \"\(name.original(index..<(next + 1)))\""
                }
            }
            return nil
        }

        /// A BDC named as one (`BDC`, `Business Development Company`, `Direct/Secured/Specialty
        /// Lending`), or named the way BDCs are: the issuer's name ends in `Capital`, `Finance`,
        /// `Investment` or `Credit` followed by its legal form (`Hercules Capital Inc.`,
        /// `New Mountain Finance Corporation`), in an industry where Nasdaq files finance companies
        /// (a utility or lessor with such a name is not a fund), or with no industry given and no
        /// word of an operating business (`realty`, `bank`, …: ``operatingVocabulary``), as for
        /// `Blue Owl Technology Finance Corp.`, listed in 2025. Asset managers and specialty
        /// lenders can share the pattern (`Blue Owl Capital Inc.`).
        /// A line already in a Russell index keeps its membership whatever its name says (see
        /// `Eligibility.typeScreen`), so this rule only decides for companies new to the index.
        static func businessDevelopmentCompanyEvidence(_ facts: Facts) -> String? {
            let name = facts.name
            if let found = name.says(businessDevelopmentPhrases, from: 0, issuerOnly: true) {
                return found
            }
            // No industry is missing data (the screener leaves it blank for many recent listings), not a
            // finance industry's absence: the name decides, unless it names an operating business
            // (`MacKenzie Realty Capital Inc.`, a REIT).
            let inLending = facts.industry(in: .lending)
            guard inLending || facts.industry.isEmpty else { return nil }
            // The issuer's last words, without a trailing `New`; read in place (most lines fail here).
            var words = name.issuerWords
            if words.last?.folded == "new" { words.removeLast() }
            guard words.count >= 3, let form = words.last?.folded, legalForms.contains(form),
                  case let kind = words[words.endIndex - 2].folded, fundManagerWords.contains(kind) else { return nil }
            if !inLending, name.says(operatingVocabulary, from: 0, issuerOnly: true) != nil { return nil }
            let industry = facts.industry.isEmpty ? "no industry is given" : "industry is \"\(facts.industry)\""
            return "name says \"\(kind.prefix(1).uppercased() + kind.dropFirst()) \(form.prefix(1).uppercased() + form.dropFirst())\" and \(industry)"
        }

        /// A closed-end fund: `Fund`, `Closed-End`, a municipal-bond trust, or a `Trust` (or
        /// `Shares of Beneficial Interest`, or an investment-company name) in an industry where
        /// Nasdaq files funds. Real-estate and bank industries are never read as funds.
        static func closedEndFundEvidence(_ facts: Facts) -> String? {
            let name = facts.name
            if let found = name.says(fundPhrases, from: 0) { return found }
            guard !facts.industry(in: .operatingTrust),
                  name.says(operatingVocabulary, from: 0, issuerOnly: true) == nil else { return nil }
            if let found = name.says(municipalPhrases, from: 0, issuerOnly: true),
               facts.industry(in: .fund) || facts.industry.isEmpty || name.says(fundVocabulary, from: 0, issuerOnly: true) != nil {
                return found
            }
            if let found = name.says(trustPhrases, from: 1, issuerOnly: true) {
                if facts.industry(in: .fund) { return "\(found) and industry is \"\(facts.industry)\"" }
                if let vocabulary = name.firstMatch(fundVocabulary, in: 0..<name.descriptorStart) {
                    return "\(found) and \"\(vocabulary)\""
                }
            }
            if facts.industry(in: .fund), let found = name.says(beneficialInterestPhrases, from: 1) {
                return "\(found) and industry is \"\(facts.industry)\""
            }
            if facts.industry(in: .fund), let found = name.says(fundNamePhrases, from: 0, issuerOnly: true) {
                return "\(found) and industry is \"\(facts.industry)\""
            }
            if facts.industry(in: .fund), let found = name.says(investmentCompanyNameEndings, from: 1, issuerOnly: true),
               name.issuerWords.count >= 2 {
                return "\(found) and industry is \"\(facts.industry)\""
            }
            if facts.foldedIndustry == trustsIndustry,
               let found = name.says(investmentCompanyVocabulary, from: 0, issuerOnly: true) {
                return "\(found) and industry is \"\(facts.industry)\""
            }
            if facts.industry.isEmpty || facts.industry(in: .fund),
               let found = name.says(creditCompanyPhrases, from: 1, issuerOnly: true) {
                return found
            }
            return nil
        }

        // MARK: Phrase lists

        // Every phrase list a rule tries, made once (``PhraseList``), in the order the rules try them.
        static let depositarySharesPhrases: PhraseList = [["depositary", "shares"], ["depository", "shares"]]
        static let warrantPhrases: PhraseList = [["warrant"], ["warrants"]]
        static let rightPhrases: PhraseList = [["rights"], ["right"], ["contingent", "value"]]
        static let unitPhrases: PhraseList = [["units"], ["unit"]]
        static let exchangeTradedPhrases: PhraseList = [["etf"], ["etn"], ["exchange", "traded"]]
        static let notePhrases: PhraseList = [["notes", "due"], ["senior", "notes"], ["subordinated", "notes"],
                                              ["secured", "notes"], ["notes"], ["debentures"], ["debenture"],
                                              ["mortgage", "bonds"], ["bonds", "due"], ["zones"]]
        static let ratedNotePhrases: PhraseList = [["bonds"], ["note", "due"]]
        static let preferredPhrases: PhraseList = [["preferred"], ["pfd"], ["preference"]]
        static let seriesPhrases: PhraseList = [["series"], ["cumulative"]]
        static let lpPhrases: PhraseList = [["lp"]]
        static let partnershipPhrases: PhraseList = [["limited", "partnership"], ["limited", "partner"], ["limited", "partners"],
                                                     ["common", "units"], ["partnership", "units"]]
        static let llcInterestPhrases: PhraseList = [["limited", "liability", "company"], ["llc", "interests"]]
        static let llcPhrases: PhraseList = [["llc"]]
        static let royaltyTrustPhrases: PhraseList = [["royalty", "trust"], ["royality", "trust"], ["trust", "units"],
                                                      ["units", "of", "beneficial"]]
        static let blankCheckPhrases: PhraseList = [["spac"], ["blank", "check"], ["blank", "checks"]]
        static let unitOrRightPhrases: PhraseList = [["units"], ["unit"], ["rights"], ["right"]]
        static let businessDevelopmentPhrases: PhraseList = [["bdc"], ["business", "development"], ["direct", "lending"],
                                                             ["secured", "lending"], ["specialty", "lending"]]
        static let fundPhrases: PhraseList = [["fund"], ["closed", "end"]]
        static let municipalPhrases: PhraseList = [["municipal"], ["municipals"]]
        static let trustPhrases: PhraseList = [["trust"]]
        static let beneficialInterestPhrases: PhraseList = [["beneficial", "interest"], ["beneficial", "interests"],
                                                            ["beneficial", "ownership"], ["shs", "of", "bi"]]
        static let creditCompanyPhrases: PhraseList = [["credit", "co"], ["credit", "company"], ["income", "co"], ["income", "company"]]

        /// Every list above and among the vocabularies, for the tests that compare the
        /// fingerprint path with the `[[String]]` definition.
        static let allPhraseLists: [PhraseList] = [
            depositaryPhrases, depositarySharesPhrases, warrantPhrases, rightPhrases, unitPhrases, trustReceiptPhrases,
            exchangeTradedPhrases, notePhrases, ratedNotePhrases, preferredPhrases, seriesPhrases, lpPhrases,
            partnershipPhrases, llcInterestPhrases, llcPhrases, royaltyTrustPhrases, blankCheckPhrases, unitOrRightPhrases,
            businessDevelopmentPhrases, fundPhrases, municipalPhrases, trustPhrases, beneficialInterestPhrases,
            creditCompanyPhrases, fundVocabulary, operatingVocabulary, fundNamePhrases, investmentCompanyNameEndings,
            investmentCompanyVocabulary,
        ]

        // MARK: Vocabularies

        static let legalForms: Set<String> = ["corp", "corporation", "inc", "incorporated", "co", "company", "ltd", "limited"]

        static let trustsIndustry = "trusts except educational religious and charitable"

        /// Nasdaq industries where funds are filed.
        static let fundIndustries: Set<String> = [
            trustsIndustry, "finance companies", "finance/investors services", "investment managers",
            "investment bankers/brokers/service",
        ]

        /// The last word of BDC names before the legal form (`… Capital Corp.`, `… Finance Inc.`).
        static let fundManagerWords: Set<String> = ["capital", "finance", "investment", "credit"]

        /// Industries of finance companies where BDCs are filed (Nasdaq files some under "Blank Checks").
        static let lendingIndustries: Set<String> = fundIndustries.union(["finance: consumer services", "diversified financial services", "blank checks"])

        /// Industries where a `Trust` is an operating company (REITs, banks, property owners).
        static let operatingTrustIndustries: Set<String> = [
            "real estate investment trusts", "real estate", "building operators", "major banks",
            "commercial banks", "banks", "savings institutions", "hotels/resorts",
        ]

        /// Industries of royalty trusts.
        static let extractiveIndustries: Set<String> = [
            "oil & gas production", "integrated oil companies", "precious metals", "metal mining",
            "coal mining", "other metals and minerals", "steel/iron ore", "oil/gas transmission",
            "mining & quarrying of nonmetallic minerals (no fuels)",
        ]

        /// Words of fund names (`Income Trust`, `Municipal Bond Trust`, `Premium Income`, …).
        static let fundVocabulary: PhraseList = [
            ["income"], ["bond"], ["bonds"], ["credit"], ["dividend"], ["premium"], ["yield"],
            ["duration"], ["allocation"], ["opportunity"], ["opportunities"], ["term"], ["securities"],
            ["municipal"], ["municipals"], ["portfolio"], ["strategic"], ["floating", "rate"],
        ]

        /// Words of operating businesses (hotel, property, mortgage and bank trusts): a name with
        /// one of these is read as a fund only when it says `Fund` or `Closed-End`.
        static let operatingVocabulary: PhraseList = [
            ["realty"], ["properties"], ["property"], ["hospitality"], ["hotel"], ["hotels"], ["lodging"],
            ["residential"], ["mortgage"], ["reit"], ["bank"], ["bancorp"], ["bancshares"], ["apartment"],
            ["apartments"], ["storage"],
        ]

        /// Phrases of fund names read with a fund industry (`Tax-Free Income Portfolio`, `Total Return`).
        static let fundNamePhrases: PhraseList = [["portfolio"], ["tax", "free"], ["tax", "exempt"], ["total", "return"],
                                                  ["tax", "advantage"], ["tax", "advantaged"], ["dividend", "opp"]]

        /// Words that close the names of investment companies (`General American Investors`,
        /// `Central Securities Corporation`), read only with a fund industry.
        static let investmentCompanyNameEndings: PhraseList = [["investors"], ["securities", "corporation"], ["securities", "corp"]]

        /// Words of investment-company names, read only with the industry Nasdaq gives funds.
        static let investmentCompanyVocabulary: PhraseList = [
            ["credit"], ["financial"], ["investors"], ["municipal"], ["municipals"], ["portfolio"],
            ["income"], ["capital"], ["opportunities"], ["fund"], ["trust"],
        ]
    }
}

extension SecurityTypeClassifier.Facts {
    /// `symbol has "/WS"`: the NYSE suffix convention for warrants (`/WS`), rights (`/R`,
    /// `/RT`) and units (`/U`) after a slash or a dot.
    func symbolSuffix(_ suffixes: [String]) -> String? {
        guard let (suffix, separator) = suffixAfterSeparator, suffixes.contains(suffix) else { return nil }
        return "symbol has \"\(symbol[separator...])\""
    }

    /// `symbol TFSCW has Nasdaq's fifth letter "W" (warrants)`: Nasdaq gives a security other
    /// than a company's common stock a fifth letter after the issuer's four (`W` warrants, `R`
    /// rights, `U` units), so a five-letter symbol ending in one is that security. What types the
    /// lines of Nasdaq's legacy company list, whose names are the issuer's alone (`1347 Capital
    /// Corp.` for TFSCW); today's screener names say it (`… Warrant`) before this is asked.
    func nasdaqFifthLetter(_ letter: Unicode.Scalar, meaning: String) -> String? {
        let bytes = symbol.utf8
        guard bytes.count == 5, bytes.last == UInt8(letter.value), bytes.allSatisfy({ $0 &- UInt8(ascii: "A") < 26 }) else { return nil }
        return "symbol \(symbol) has Nasdaq's fifth letter \"\(letter)\" (\(meaning))"
    }
}

extension SecurityName {
    /// `name says "X"` for the first of `phrases` found at or after word `from` (in the issuer
    /// part only when `issuerOnly`).
    func says(_ phrases: PhraseList, from: Int = 0, issuerOnly: Bool = false) -> String? {
        let end = issuerOnly ? descriptorStart : words.count
        guard from < end else { return nil }
        return firstMatch(phrases, in: from..<end).map { "name says \"\($0)\"" }
    }
}
