/// One match of a ``Pattern``: the byte ranges of the whole match and of each group,
/// in the ``TextBuffer`` that was scanned.
public struct PatternMatch: Sendable {
    /// Byte range of each group; index 0 is the whole match, nil for a group that did not take part.
    public let groups: [Range<Int>?]
    private let pattern: Pattern

    init(groups: [Range<Int>?], pattern: Pattern) {
        self.groups = groups
        self.pattern = pattern
    }

    /// The byte range of the whole match.
    public var range: Range<Int> { groups[0]! }

    /// The byte range of group `number`, nil if it did not take part.
    public subscript(_ number: Int) -> Range<Int>? {
        number < groups.count ? groups[number] : nil
    }

    /// The byte range of the named group, nil if the pattern has no such group or it did not take part.
    public subscript(_ name: String) -> Range<Int>? {
        guard let number = pattern.groupNumber(name) else { return nil }
        return self[number]
    }
}
