/// Edit distance for "did you mean …?" suggestions.
enum EditDistance {
    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    /// adjacent characters each cost 1. Case-insensitive.
    static func between(_ a: String, _ b: String) -> Int {
        let s = Array(a.lowercased()), t = Array(b.lowercased())
        if s.isEmpty || t.isEmpty { return max(s.count, t.count) }
        // d[i][j]: distance between the first i characters of s and the first j of t.
        var d = [[Int]](repeating: [Int](repeating: 0, count: t.count + 1), count: s.count + 1)
        for i in 0...s.count { d[i][0] = i }
        for j in 0...t.count { d[0][j] = j }
        for i in 1...s.count {
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[s.count][t.count]
    }

    /// The candidate the user most likely meant by `input`, or `nil` if none is close enough.
    ///
    /// A candidate is close enough when its distance is at most a third of its length (at least 1,
    /// at most 3), or when `input` (three characters or more) begins it. The nearest wins; ties go
    /// to the earlier candidate, so the answer is deterministic.
    static func nearest(to input: String, among candidates: [String]) -> String? {
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = between(input, candidate)
            let allowed = min(3, max(1, candidate.count / 3))
            let isPrefix = input.count >= 3 && candidate.lowercased().hasPrefix(input.lowercased())
            guard distance <= allowed || isPrefix else { continue }
            if let best, best.distance <= distance { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }
}
