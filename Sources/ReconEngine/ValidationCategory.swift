import ReconCore
import ReconFormats

/// Why a ticker is a miss or a false hit of a validation set, read from what the run's own files
/// say about it: its line in membership.csv (rank, index, prior index, reason) or in excluded.csv
/// (the screen that removed it). A researcher sees where a prediction fails without reading code.
///
/// The categories, tried in this order:
/// - `absent_from_universe`: the ticker is on neither file (not listed, or listed under another
///   ticker), or is a prior member the universe does not list;
/// - a screen's verdict, for a line excluded.csv lists: `country`, `type`, `price`, `cap`,
///   `share_class` (an additional class, M7 §6.5.1), `excluded_before` (judged ineligible at an
///   earlier reconstitution), `dropped` (a row the reader could not use);
/// - `prior`: the prior membership decides it — an addition missed because the line was already a
///   member in the run's prior, or a deletion missed because it was not;
/// - `near_1000`: the line is ranked inside the #1,000 band or placed by it (reasons
///   `band_retained`, `band_crossed`; M7 §6.10.2), for every set but the Russell 3000;
/// - `near_3000`: the line is ranked within ``nearBreakpoint`` places of #3,000 (the rank
///   distance is in the detail): a small change of price reorders the cut;
/// - `other`: none of the above (a mid-ranked line: the truth removed or kept it for a reason the
///   inputs do not carry, such as votes, float or a corporate action).
///
/// One more category comes from outside the run's files: `added_after_run`, a ticker of a list of
/// additions published after the run took effect (`--later-additions`, ``LaterAdditions``): left
/// out of the holdings an index set is scored against, or, predicted by the run, a false hit.
/// With a listing from after the holdings (`--later-listing`, ``LaterListing``), a false hit of an
/// index set that would be `near_1000`, `near_3000` or `other` and that the listing lacks is
/// `not_listed_later`: delisted, taken over or renamed after the run, which the holdings reflect.
/// And one for hits: `ticker_changed`, a predicted ticker paired by the company's name with the
/// truth's ticker for it, changed after the run (``TickerChangesSinceRun``).
enum ValidationCategory: String, CaseIterable, Sendable {
    case absentFromUniverse = "absent_from_universe"
    case country, type, price, cap
    case shareClass = "share_class"
    case excludedBefore = "excluded_before"
    case dropped, prior
    case near1000 = "near_1000"
    case near3000 = "near_3000"
    case other
    case addedAfterRun = "added_after_run"
    case notListedLater = "not_listed_later"
    case tickerChanged = "ticker_changed"

    /// How many places from #3,000 count as near it (5% of the Russell 3000).
    static let nearBreakpoint = 150

    /// A miss or a false hit, with its category and what the run's files say.
    struct Finding: Sendable, Equatable {
        var set: String
        var kind: Kind
        var symbol: String
        var category: ValidationCategory
        var rank: Int?
        var index: String
        var priorIndex: String
        var detail: String
    }

    enum Kind: String, CaseIterable, Sendable {
        case miss
        case falseHit = "false_hit"
        /// Neither: a ticker left out of the score (``addedAfterRun``).
        case leftOut = "left_out"
        /// Neither: a hit whose ticker changed after the run, found by the company's name
        /// (``tickerChanged``, ``TickerChangesSinceRun``).
        case matchedByName = "matched_by_name"
    }

    /// What the run's files hold for one ticker.
    struct Evidence: Sendable {
        var line: MembershipFile.Line?
        /// excluded.csv's `reason` and `detail`.
        var exclusion: (reason: String, detail: String)?
    }

    /// The category of a miss or false hit of `set` (`additions`, `deletions`, `r2000`, `r1000`, `r3000`).
    static func of(set: String, kind: Kind, evidence: Evidence) -> (ValidationCategory, String) {
        if let line = evidence.line {
            if line.reason == "absent_from_universe" { return (.absentFromUniverse, "a prior member the universe does not list") }
            if set == "additions", kind == .miss, line.priorIndex != .none {
                return (.prior, "a \(line.priorIndex.rawValue) member in the run's prior")
            }
            if set == "deletions", kind == .miss, line.priorIndex == .none {
                return (.prior, "not a member in the run's prior")
            }
            // The band places a line in the Russell 1000 or 2000, never in or out of the Russell 3000.
            if set != "r3000", line.reason == "band_retained" || line.reason == "band_crossed" {
                return (.near1000, "\(line.reason): rank \(line.rank.map(String.init) ?? "?")")
            }
            if let rank = line.rank, abs(rank - 3_000) <= nearBreakpoint {
                let places = rank > 3_000 ? "\(rank - 3_000) below" : "\(3_000 - rank) above"
                return (.near3000, "rank \(rank), \(places) #3,000")
            }
            if line.index == .none, let exclusion = evidence.exclusion { return screen(exclusion) }
            return (.other, line.reason)
        }
        if let exclusion = evidence.exclusion { return screen(exclusion) }
        return (.absentFromUniverse, "on neither membership.csv nor excluded.csv")
    }

    /// The category of an excluded.csv reason (`country`, `type:closed_end_fund`, …).
    private static func screen(_ exclusion: (reason: String, detail: String)) -> (ValidationCategory, String) {
        let reason = exclusion.reason
        let category: ValidationCategory
        switch reason.prefix(while: { $0 != ":" }) {
        case "country": category = .country
        case "type": category = .type
        case "price_below_minimum": category = .price
        case "cap_below_minimum": category = .cap
        case "additional_class": category = .shareClass
        case "excluded_before": category = .excludedBefore
        case "dropped": category = .dropped
        default: category = .other
        }
        return (category, exclusion.detail.isEmpty ? reason : "\(reason): \(exclusion.detail)")
    }
}
