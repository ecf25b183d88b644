/// A claim a sentence makes: (subject, predicate, object) with the values that state it,
/// by index into the record's lists, and the sentence as evidence.
public struct Claim: Codable, Sendable, Equatable {
    /// Canonical name of who acts ("Microsoft").
    public var subject: String
    /// From the claim rules' vocabulary: `investment`, `funding-round`, `valuation`, ...
    public var predicate: String
    /// Canonical name of what it is about ("Mistral AI"); empty where the claim has none.
    public var object: String
    /// Indexes into the record's `money`.
    public var money: [Int]
    /// Indexes into the record's `dates`.
    public var dates: [Int]
    /// Indexes into the record's `percents`.
    public var percents: [Int] = []
    /// Canonical names of people the claim lists (founders, lead investors).
    public var people: [String]
    /// Further detail the rule captured, such as a round's name (`round: Series A`).
    public var details: [String: String] = [:]
    /// 1-based line of the sentence in the original.
    public var line: Int
    /// The sentence, as evidence.
    public var sentence: String
    /// Scalar offsets of the sentence in the original.
    public var start: Int = 0
    public var end: Int = 0

    public init(subject: String, predicate: String, object: String, money: [Int] = [], dates: [Int] = [], percents: [Int] = [], people: [String] = [], details: [String: String] = [:], line: Int, sentence: String, start: Int = 0, end: Int = 0) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.money = money
        self.dates = dates
        self.percents = percents
        self.people = people
        self.details = details
        self.line = line
        self.sentence = sentence
        self.start = start
        self.end = end
    }
}
