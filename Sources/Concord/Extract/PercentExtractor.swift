/// Finds percentages ("49%", "49 per cent", "4.5 percentage points").
///
/// STUB until the money work lands.
public struct PercentExtractor: Sendable {
    public init(rules: RuleSet) throws {}

    public func mentions(in document: TokenizedDocument) throws -> [PercentMention] { [] }
}
