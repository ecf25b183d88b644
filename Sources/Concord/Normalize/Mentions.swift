/// The normalized mentions a record lists (CONTRACT.md, "The record"). Each carries its
/// span in the original text and its canonical value.

/// A sum of money: exact amount (or range), ISO currency, qualifiers, stated equivalent.
public struct MoneyMention: Codable, Sendable, Equatable {
    public var text: String
    public var start: Int
    public var end: Int
    public var line: Int
    /// The exact amount in major units; nil for a range or bound.
    public var amount: ExactDecimal?
    /// ISO 4217 code; nil where the text names no currency.
    public var currency: String?
    /// Stated as approximate ("about", "rund", "environ").
    public var approximate: Bool
    /// A range or an open bound; nil for a single amount.
    public var range: AmountRange?
    /// Index into the record's `money` of a stated conversion of the same sum.
    public var equivalent: Int?
    /// Byte range in the cleaned text (internal; not written to records).
    public var bytes: Range<Int> = 0..<0

    enum CodingKeys: String, CodingKey {
        case text, start, end, line, amount, currency, approximate, range, equivalent
    }

    public init(span: SourceSpan, amount: ExactDecimal?, currency: String?, approximate: Bool = false, range: AmountRange? = nil, equivalent: Int? = nil) {
        text = span.text
        start = span.start
        end = span.end
        line = span.line
        bytes = span.bytes
        self.amount = amount
        self.currency = currency
        self.approximate = approximate
        self.range = range
        self.equivalent = equivalent
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(line, forKey: .line)
        try container.encode(amount, forKey: .amount)
        try container.encode(currency, forKey: .currency)
        try container.encode(approximate, forKey: .approximate)
        try container.encode(range, forKey: .range)
        try container.encode(equivalent, forKey: .equivalent)
    }
}

/// A range of amounts; either bound may be open ("more than $10" has no max).
public struct AmountRange: Codable, Sendable, Equatable {
    public var min: ExactDecimal?
    public var max: ExactDecimal?

    public init(min: ExactDecimal?, max: ExactDecimal?) {
        self.min = min
        self.max = max
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(min, forKey: .min)
        try container.encode(max, forKey: .max)
    }
}

/// The days a date denotes, first and last inclusive, as `YYYY-MM-DD`: "Q3 2023" is
/// 2023-07-01 to 2023-09-30. Sources agree on a date when their periods overlap.
public struct DatePeriod: Codable, Sendable, Equatable {
    public var start: String
    public var end: String

    public init(start: String, end: String) {
        self.start = start
        self.end = end
    }
}

/// A date: ISO value as precise as the text (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`), or nil when
/// a relative date has no anchor; `period` the days it spans (nil for a single day).
public struct DateMention: Codable, Sendable, Equatable {
    public var text: String
    public var start: Int
    public var end: Int
    public var line: Int
    public var value: String?
    public var period: DatePeriod?
    /// Resolved against the document's date ("yesterday", "in June").
    public var relative: Bool
    public var bytes: Range<Int> = 0..<0

    enum CodingKeys: String, CodingKey {
        case text, start, end, line, value, period, relative
    }

    public init(span: SourceSpan, value: String?, period: DatePeriod? = nil, relative: Bool) {
        text = span.text
        start = span.start
        end = span.end
        line = span.line
        bytes = span.bytes
        self.value = value
        self.period = period
        self.relative = relative
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(line, forKey: .line)
        try container.encode(value, forKey: .value)
        try container.encode(period, forKey: .period)
        try container.encode(relative, forKey: .relative)
    }
}

/// A percentage, its value an exact decimal string ("49", "4.5"), or a range or open
/// bound of them with `value` null, as for money.
public struct PercentMention: Codable, Sendable, Equatable {
    public var text: String
    public var start: Int
    public var end: Int
    public var line: Int
    /// The percentage; nil where the text states a range or an open bound instead
    /// ("10-15%", "more than 20%"), as money's `amount`.
    public var value: ExactDecimal?
    /// Stated as approximate ("about 5%", "rund 5 Prozent").
    public var approximate: Bool = false
    /// A range ("between 10% and 20%") or open bound ("up to 30%": `min` null).
    public var range: AmountRange?
    /// True for "percentage points" (a difference of percentages).
    public var points: Bool = false
    public var bytes: Range<Int> = 0..<0

    enum CodingKeys: String, CodingKey {
        case text, start, end, line, value, approximate, range, points
    }

    public init(span: SourceSpan, value: ExactDecimal?, approximate: Bool = false, range: AmountRange? = nil, points: Bool = false) {
        text = span.text
        start = span.start
        end = span.end
        line = span.line
        bytes = span.bytes
        self.value = value
        self.approximate = approximate
        self.range = range
        self.points = points
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(line, forKey: .line)
        try container.encode(value, forKey: .value)
        try container.encode(approximate, forKey: .approximate)
        try container.encode(range, forKey: .range)
        try container.encode(points, forKey: .points)
    }
}

/// A named entity with its canonical name ("Mistral’s" → "Mistral AI").
public struct EntityMention: Codable, Sendable, Equatable {
    public var text: String
    public var start: Int
    public var end: Int
    public var line: Int
    public var type: EntityType
    public var name: String
    public var bytes: Range<Int> = 0..<0

    enum CodingKeys: String, CodingKey {
        case text, start, end, line, type, name
    }

    public init(span: SourceSpan, type: EntityType, name: String) {
        text = span.text
        start = span.start
        end = span.end
        line = span.line
        bytes = span.bytes
        self.type = type
        self.name = name
    }
}

/// The kinds of entity Concord names.
public enum EntityType: String, Codable, Sendable, CaseIterable {
    case organization = "ORG", person = "PERSON", product = "PRODUCT", place = "PLACE", event = "EVENT"
}
