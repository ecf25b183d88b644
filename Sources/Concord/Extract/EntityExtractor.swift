/// Finds organisations, people, products, places and events, with canonical names.
///
/// STUB until the entities work lands.
public struct EntityExtractor: Sendable {
    public init(rules: RuleSet) throws {}

    public func mentions(in document: TokenizedDocument) throws -> [EntityMention] { [] }
}
