/// Builds claims from the mentions of each sentence with the claim patterns in Rules/claims.
///
/// STUB until the claims work lands.
public struct ClaimBuilder: Sendable {
    public init(rules: RuleSet) throws {}

    public func claims(in document: TokenizedDocument, mentions: DocumentMentions) throws -> [Claim] { [] }
}

/// Everything the extractors found in one document, the input of ``ClaimBuilder``.
public struct DocumentMentions: Sendable {
    public var money: [MoneyMention]
    public var dates: [DateMention]
    public var percents: [PercentMention]
    public var entities: [EntityMention]

    public init(money: [MoneyMention], dates: [DateMention], percents: [PercentMention], entities: [EntityMention]) {
        self.money = money
        self.dates = dates
        self.percents = percents
        self.entities = entities
    }
}
