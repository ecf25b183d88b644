/// One match of a ``Pattern``: the byte ranges of the whole match and of each group,
/// in the ``TextBuffer`` that was scanned.
public struct PatternMatch: Sendable {
    /// The byte range of the whole match.
    public let range: Range<Int>
    /// Byte ranges of groups 1, 2, ... up to the highest that took part (nil: did not take
    /// part); empty, so nothing allocated, for a match without groups.
    private let captures: [Range<Int>?]
    private let pattern: Pattern

    /// A match of `pattern` whose first `pairs` ovector pairs (0 the whole match) `group` reads.
    init(pattern: Pattern, pairs: Int, group: (Int) -> Range<Int>?) {
        self.pattern = pattern
        range = group(0)!
        captures = pairs > 1 ? (1..<pairs).map(group) : []
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
