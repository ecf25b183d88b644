/// The conflict report (CONTRACT.md, "The report"): every fact that documents state, the
/// values each source gives, and what Concord found when comparing them.
public struct ConflictReport: Codable, Sendable, Equatable {
    /// How many documents the report was built from.
    public var documents: Int
    /// Facts, conflicts first.
    public var facts: [Fact]

    public init(documents: Int, facts: [Fact]) {
        self.documents = documents
        self.facts = facts
    }

    /// Whether any finding should fail a pipeline run with `--fail-on-conflict`.
    public var hasConflict: Bool {
        facts.contains { $0.findings.contains { $0.kind.isConflict } }
    }
}

/// Every value stated for one (subject, predicate, object), after canonical names.
public struct Fact: Codable, Sendable, Equatable {
    public var subject: String
    public var predicate: String
    public var object: String
    /// What else tells this fact apart from others with the same triple, such as a funding
    /// round's name (`round: Series A`): a seed round and a Series A are two facts.
    public var details: [String: String]?
    /// `consistent` or `conflict`.
    public var status: Status
    public var values: [FactValue]
    public var findings: [Finding]

    public enum Status: String, Codable, Sendable {
        case consistent, conflict
    }

    public init(subject: String, predicate: String, object: String, details: [String: String]? = nil, status: Status, values: [FactValue], findings: [Finding]) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.details = details
        self.status = status
        self.values = values
        self.findings = findings
    }
}

/// One source's value for a fact, with its provenance.
public struct FactValue: Codable, Sendable, Equatable {
    public var source: String
    public var line: Int
    public var text: String
    /// Money: exact amount in major units.
    public var amount: ExactDecimal?
    /// Money: a range or open bound ("$10-15 million", "more than $10 million"), where the
    /// text states one instead of an amount.
    public var range: AmountRange?
    /// Money: ISO code, or nil where the text names none.
    public var currency: String?
    /// Money: the amount in US dollars, at the rate `rate` names.
    public var usd: ExactDecimal?
    /// The rate `usd` was computed with, where a conversion was needed.
    public var rate: Rate?
    /// Dates of events.
    public var date: String?
    /// Dates: the days `date` spans where it is more than one ("Q3 2023").
    public var period: DatePeriod?
    /// Percentages.
    public var percent: ExactDecimal?
    /// Percentages: a range or open bound ("10-15%", "more than 20%"), where the text
    /// states one instead of a percentage.
    public var percentRange: AmountRange?
    /// Lists of canonical names (founders, lead investors).
    public var names: [String]?
    /// The document's id.
    public var document: String?
    /// Stated as approximate.
    public var approximate: Bool?
    /// Dates: resolved from a relative expression ("yesterday") against the document's date.
    public var relative: Bool?
    /// Dates: the claim states no date of its own; this is its article's publishing day.
    public var publishingDate: Bool?
    /// The sentence that states the value, as evidence (the HTML report quotes it).
    public var sentence: String?

    public init(source: String, line: Int, text: String, amount: ExactDecimal? = nil, currency: String? = nil, usd: ExactDecimal? = nil, rate: Rate? = nil, date: String? = nil, period: DatePeriod? = nil, percent: ExactDecimal? = nil, names: [String]? = nil, document: String? = nil, approximate: Bool? = nil, relative: Bool? = nil, publishingDate: Bool? = nil, sentence: String? = nil, range: AmountRange? = nil, percentRange: AmountRange? = nil) {
        self.source = source
        self.line = line
        self.text = text
        self.amount = amount
        self.currency = currency
        self.usd = usd
        self.rate = rate
        self.date = date
        self.period = period
        self.percent = percent
        self.names = names
        self.document = document
        self.approximate = approximate
        self.relative = relative
        self.publishingDate = publishingDate
        self.sentence = sentence
        self.range = range
        self.percentRange = percentRange
    }
}

/// What comparing two or more values of a fact showed.
public struct Finding: Codable, Sendable, Equatable {
    public var kind: Kind
    /// Indexes into the fact's `values`.
    public var values: [Int]
    /// The exchange rate the finding relied on, if any.
    public var rate: Rate?
    /// One plain sentence saying why.
    public var explanation: String

    public enum Kind: String, Codable, Sendable {
        case consistent
        case consistentAfterConversion = "consistent-after-conversion"
        case rounding
        case discrepancy
        case dateDiscrepancy = "date-discrepancy"
        case listMismatch = "list-mismatch"

        /// Kinds that make a fact a conflict (and fail `--fail-on-conflict`).
        public var isConflict: Bool {
            self == .discrepancy || self == .dateDiscrepancy || self == .listMismatch
        }
    }

    public init(kind: Kind, values: [Int], rate: Rate? = nil, explanation: String) {
        self.kind = kind
        self.values = values
        self.rate = rate
        self.explanation = explanation
    }
}

/// An exchange rate: `value` units of `to` per unit of `from`, and where it came from
/// (`path:line` of a stated rate, or the rate table and date).
public struct Rate: Codable, Sendable, Equatable {
    public var from: String
    public var to: String
    public var value: ExactDecimal
    public var source: String

    public init(from: String, to: String, value: ExactDecimal, source: String) {
        self.from = from
        self.to = to
        self.value = value
        self.source = source
    }
}
