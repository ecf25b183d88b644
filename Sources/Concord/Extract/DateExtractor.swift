/// Finds dates and resolves them against the document's date.
///
/// STUB until the dates work lands.
public struct DateExtractor: Sendable {
    public init(rules: RuleSet) throws {}

    public func mentions(in document: TokenizedDocument, reference: String?) throws -> [DateMention] { [] }
}
