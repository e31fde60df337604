/// A count and its noun for messages: `1 row`, `3 rows`, `1 company`, `2 companies`.
///
/// - Parameters:
///   - noun: the singular.
///   - plural: the plural when it is not `noun` and an `s`.
public func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
}
