/// One match of a ``Pattern``: the byte ranges of the whole match and of each group,
/// in the ``TextBuffer`` that was scanned.
public struct PatternMatch: Sendable {
    /// The byte range of the whole match.
    public let range: Range<Int>
    /// Byte ranges of groups 1, 2, ... up to the highest that took part (nil: did not take
    /// part); empty, so nothing allocated, for a match without groups.
    private let captures: [Range<Int>?]
    private let pattern: Pattern

    /// A match of `pattern` whose first `pairs` pairs of PCRE2's `ovector` (0 the whole match)
    /// are set. The groups are copied into an array made at its size, without the growth
    /// steps of a `map`.
    init(pattern: Pattern, pairs: Int, ovector: UnsafePointer<Int>) {
        self.pattern = pattern
        range = Self.group(0, in: ovector)!
        captures = pairs > 1 ? Array(unsafeUninitializedCapacity: pairs - 1) { groups, count in
            for number in 1..<pairs { (groups.baseAddress! + number - 1).initialize(to: Self.group(number, in: ovector)) }
            count = pairs - 1
        } : []
    }

    /// Group `number`'s range in `ovector`, nil when unset (or, after a `\K` in a lookahead,
    /// ending before it starts).
    @inline(__always) private static func group(_ number: Int, in ovector: UnsafePointer<Int>) -> Range<Int>? {
        let lower = ovector[2 * number], upper = ovector[2 * number + 1]
        // ~0 is PCRE2_UNSET: the group did not take part.
        return lower != ~0 && upper >= lower ? lower..<upper : nil
    }

    /// The byte range of group `number`, nil if it did not take part.
    public subscript(_ number: Int) -> Range<Int>? {
        number == 0 ? range : number > 0 && number <= captures.count ? captures[number - 1] : nil
    }

    /// The byte range of the named group, nil if the pattern has no such group or it did not take part.
    public subscript(_ name: String) -> Range<Int>? {
        guard let number = pattern.groupNumber(name) else { return nil }
        return self[number]
    }
}
