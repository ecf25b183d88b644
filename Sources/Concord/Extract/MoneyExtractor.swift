/// Finds sums of money and resolves them to exact amounts and ISO currencies.
///
/// STUB until the money work lands.
public struct MoneyExtractor: Sendable {
    public init(rules: RuleSet) throws {}

    public func mentions(in document: TokenizedDocument) throws -> [MoneyMention] { [] }
}
