/// Everything Concord extracts from one document: one line of `concord extract`'s output
/// (CONTRACT.md, "The record"), and what `concord conflicts` reads back.
public struct DocumentRecord: Codable, Sendable, Equatable {
    public var id: String
    public var source: String
    public var format: DocumentFormat
    public var title: String?
    public var published: String?
    public var language: String?
    public var money: [MoneyMention]
    public var dates: [DateMention]
    public var percents: [PercentMention]
    public var entities: [EntityMention]
    public var claims: [Claim]
    public var warnings: [DocumentWarning]

    /// Where the report says a value comes from: the source file, and for a JSON Lines
    /// document, whose file holds many, its id too (`feed.jsonl#es-1`).
    public var provenance: String {
        format == .jsonl ? "\(source)#\(id)" : source
    }

    public init(id: String, source: String, format: DocumentFormat, title: String? = nil, published: String? = nil, language: String? = nil, money: [MoneyMention] = [], dates: [DateMention] = [], percents: [PercentMention] = [], entities: [EntityMention] = [], claims: [Claim] = [], warnings: [DocumentWarning] = []) {
        self.id = id
        self.source = source
        self.format = format
        self.title = title
        self.published = published
        self.language = language
        self.money = money
        self.dates = dates
        self.percents = percents
        self.entities = entities
        self.claims = claims
        self.warnings = warnings
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(source, forKey: .source)
        try container.encode(format, forKey: .format)
        try container.encode(title, forKey: .title)
        try container.encode(published, forKey: .published)
        try container.encode(language, forKey: .language)
        try container.encode(money, forKey: .money)
        try container.encode(dates, forKey: .dates)
        try container.encode(percents, forKey: .percents)
        try container.encode(entities, forKey: .entities)
        try container.encode(claims, forKey: .claims)
        try container.encode(warnings, forKey: .warnings)
    }
}
