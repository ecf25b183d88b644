import Foundation

/// Groups the claims of many records into facts and compares their values: the
/// Reconcile stage. A fact is every value documents state for one (subject, predicate,
/// object) after canonical names, told apart further by a funding round's name; its
/// findings say, in one plain sentence each, which values agree (the same, converted,
/// rounded) and which cannot be the same.
public struct Reconciler: Sendable {
    /// Settings for one run.
    public struct Options: Sendable {
        /// The run's reference date (`YYYY-MM-DD`): the last resort for a conversion when a
        /// document states no date. Without one, the rate table's latest month is used.
        public var referenceDate: String?

        public init(referenceDate: String? = nil) { self.referenceDate = referenceDate }
    }

    public let options: Options
    public let settings: ReconcileSettings
    public let table: ExchangeRateTable
    /// Gives each entity one name across all the records ("Mistral" in one article,
    /// "Mistral AI" in another), so their claims meet in one fact.
    public let canonicalizer: EntityCanonicalizer
    /// The name `claims/rounds.yaml` gives a round the text leaves unnamed ("Funding round").
    let unnamedRound: String?

    /// Reads `reconcile/common.yaml`, the rate table of `fx/` and the entity rules; errors
    /// name the file and line.
    public init(rules: RuleSet, options: Options = Options()) throws {
        self.options = options
        settings = try ReconcileSettings(rules: rules)
        table = try ExchangeRateTable(rules: rules)
        canonicalizer = try EntityCanonicalizer(rules: rules)
        unnamedRound = try RoundNames(file: rules.file("claims/rounds.yaml")).unnamed
    }

    /// The conflict report over `records`. Records are taken in (source, id) order and a
    /// record given twice counts once, so the report is the same however the records were
    /// split across files or ordered.
    public func report(for records: [DocumentRecord]) -> ConflictReport {
        let ordered = Self.namingRounds(in: Self.canonicalOrder(canonicalizer.canonicalize(records)), unnamed: unnamedRound)
        let converter = CurrencyConverter(records: ordered, table: table, corpusRateDays: table.corpusRateDays, referenceDate: options.referenceDate)
        let comparison = ValueComparison(settings: settings)
        var facts = FactGatherer(records: ordered, converter: converter).facts().map(comparison.fact(for:))
        facts.sort { lhs, rhs in
            if (lhs.status == .conflict) != (rhs.status == .conflict) { return lhs.status == .conflict }
            return (lhs.subject, lhs.predicate, lhs.object, lhs.details?["round"] ?? "") < (rhs.subject, rhs.predicate, rhs.object, rhs.details?["round"] ?? "")
        }
        return ConflictReport(documents: ordered.count, facts: facts)
    }

    /// The records with each unnamed round ("a levé 25 millions d'euros", "raised $5 million
    /// in funding") named after the round the corpus names for the same subject and
    /// predicate ("a $20 million Series B"), so both are one fact: the only one, or, where
    /// it names several, the only one stated with a sum the unnamed round repeats exactly
    /// (the headline's "40 Millionen Euro" of the Series B, not of the seed round told as
    /// history). Otherwise the unnamed round stays a fact of its own.
    static func namingRounds(in records: [DocumentRecord], unnamed: String?) -> [DocumentRecord] {
        guard let unnamed else { return records }
        /// Each named round of a subject and predicate, with the sums stated for it.
        var named: [[String]: [String: Set<StatedSum>]] = [:]
        for record in records {
            for claim in record.claims {
                guard let round = claim.details["round"], round != unnamed else { continue }
                named[[claim.subject, claim.predicate], default: [:]][round, default: []].formUnion(StatedSum.of(claim, in: record))
            }
        }
        return records.map { record in
            var record = record
            for index in record.claims.indices where record.claims[index].details["round"] == unnamed {
                let claim = record.claims[index]
                guard let rounds = named[[claim.subject, claim.predicate]] else { continue }
                let sums = StatedSum.of(claim, in: record)
                let repeated = rounds.filter { !$0.value.isDisjoint(with: sums) }
                guard let round = rounds.count == 1 ? rounds.first?.key : repeated.count == 1 ? repeated.first?.key : nil else { continue }
                if claim.object == unnamed { record.claims[index].object = round }
                record.claims[index].details["round"] = round
            }
            return record
        }
    }

    /// An exact sum as a claim states it: amount and currency.
    private struct StatedSum: Hashable {
        let amount: ExactDecimal
        let currency: String?

        static func of(_ claim: Claim, in record: DocumentRecord) -> Set<StatedSum> {
            Set(claim.money.compactMap { index in
                record.money.indices.contains(index) ? record.money[index].amount.map { StatedSum(amount: $0, currency: record.money[index].currency) } : nil
            })
        }
    }

    /// The records in (source, id) order, each distinct record once. Records that share a
    /// source and id but differ (two stdin documents extracted on different machines) are
    /// all kept, ordered by their encoded form so the order does not depend on the input's.
    static func canonicalOrder(_ records: [DocumentRecord]) -> [DocumentRecord] {
        let byKey = Dictionary(grouping: records) { [$0.source, $0.id] }
        return byKey.keys.sorted { $0.lexicographicallyPrecedes($1) }.flatMap { key -> [DocumentRecord] in
            let sharing = byKey[key]!
            guard sharing.count > 1 else { return sharing }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            var distinct: [Data: DocumentRecord] = [:]
            for record in sharing { distinct[(try? encoder.encode(record)) ?? Data()] = record }
            return distinct.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { distinct[$0]! }
        }
    }
}

/// One value of a fact before comparison, with what comparing it needs.
struct Observation: Sendable {
    enum Kind: Int, Sendable {
        /// `statement`: a claim that states no value; its sentence alone, so that a fact no
        /// source gives a value for still shows its evidence. Never compared.
        case money, percent, date, names, statement
    }

    var kind: Kind
    var value: FactValue
    /// Position of the document in the run, then of the value in it: the order values are listed in.
    var order: [Int]
    /// The unit of the last digit the text shows (money, percents).
    var unit: ExactDecimal = 1
    /// How the value reached US dollars, where it needed converting.
    var conversion: Conversion?
    /// Names that are some of a list, not all of it ("Mistral co-founder Cedric O").
    var partialList = false
}

/// The values of one fact, gathered from every claim that states it.
struct GatheredFact: Sendable {
    var subject: String
    var predicate: String
    var object: String
    var details: [String: String]?
    var observations: [Observation]
}

/// Walks every claim of every record and files its values under the fact it states.
struct FactGatherer {
    let records: [DocumentRecord]
    let converter: CurrencyConverter

    /// The detail keys that make two claims of the same triple different facts.
    static let distinguishingDetails = ["round"]

    func facts() -> [GatheredFact] {
        var order: [String] = []
        var positions: [String: Int] = [:]
        var facts: [String: GatheredFact] = [:]
        var taken = Set<[Int]>()
        for (documentIndex, record) in records.enumerated() {
            for claim in record.claims {
                let details = Self.details(of: claim)
                let key = [claim.subject, claim.predicate, claim.object, details.map { $0.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.normalized($0.value))" }.joined(separator: ";") } ?? ""].joined(separator: "\u{0}")
                if facts[key] == nil {
                    positions[key] = order.count
                    order.append(key)
                    facts[key] = GatheredFact(subject: claim.subject, predicate: claim.predicate, object: claim.object, details: details, observations: [])
                }
                let factIndex = positions[key]!
                for observation in observations(of: claim, in: record, documentIndex: documentIndex)
                where taken.insert([factIndex] + observation.order).inserted {
                    facts[key]!.observations.append(observation)
                }
            }
        }
        return order.map { key in
            var fact = facts[key]!
            fact.observations.sort { ([$0.kind.rawValue] + $0.order).lexicographicallyPrecedes([$1.kind.rawValue] + $1.order) }
            return fact
        }
    }

    private static func details(of claim: Claim) -> [String: String]? {
        let kept = claim.details.filter { distinguishingDetails.contains($0.key) && !$0.value.isEmpty }
        return kept.isEmpty ? nil : kept
    }

    private static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The values a claim states, each once: its money (with the equivalents they state),
    /// percents, dates, and the list of people it names; its sentence when it states none.
    private func observations(of claim: Claim, in record: DocumentRecord, documentIndex: Int) -> [Observation] {
        var result: [Observation] = []
        var moneyIndexes: [Int] = []
        for index in claim.money where record.money.indices.contains(index) {
            moneyIndexes.append(index)
            if let equivalent = record.money[index].equivalent, record.money.indices.contains(equivalent) {
                moneyIndexes.append(equivalent)
            }
        }
        for index in moneyIndexes {
            let mention = record.money[index]
            guard let amount = mention.amount ?? mention.range?.min ?? mention.range?.max else { continue }
            var value = FactValue(source: record.provenance, line: mention.line, text: mention.text, amount: mention.amount, currency: mention.currency,
                                  document: record.id, approximate: mention.approximate, sentence: claim.sentence,
                                  range: mention.amount == nil ? mention.range : nil)
            let conversion = mention.currency.flatMap { converter.toUSD(from: $0, documentIndex: documentIndex, mentionIndex: index) }
            if mention.currency == CurrencyConverter.usd {
                value.usd = mention.amount
            } else if let conversion {
                value.usd = mention.amount.map(conversion.apply)
                value.rate = conversion.rate
            }
            result.append(Observation(kind: .money, value: value, order: [documentIndex, 0, mention.start, index],
                                      unit: StatedPrecision.unit(of: amount, text: mention.text), conversion: conversion))
        }
        for index in claim.percents where record.percents.indices.contains(index) {
            let mention = record.percents[index]
            guard let percent = mention.value ?? mention.range?.min ?? mention.range?.max else { continue }
            let value = FactValue(source: record.provenance, line: mention.line, text: mention.text, percent: mention.value, document: record.id,
                                  approximate: mention.approximate, sentence: claim.sentence, percentRange: mention.range)
            result.append(Observation(kind: .percent, value: value, order: [documentIndex, 1, mention.start, index],
                                      unit: StatedPrecision.unit(of: percent, text: mention.text)))
        }
        for index in claim.dates where record.dates.indices.contains(index) {
            let mention = record.dates[index]
            guard let date = mention.value else { continue }
            // A claim dated only by its article's publishing date ("dated: document") is
            // compared like a relative date (the event may precede it by a day), and never
            // against a date its own article gives the fact.
            let value = FactValue(source: record.provenance, line: mention.line, text: mention.text, date: date, period: mention.period, document: record.id,
                                  relative: mention.relative, publishingDate: claim.details["dated"] == "document" ? true : nil, sentence: claim.sentence)
            result.append(Observation(kind: .date, value: value, order: [documentIndex, 2, mention.start, index]))
        }
        if !claim.people.isEmpty {
            let value = FactValue(source: record.provenance, line: claim.line, text: claim.sentence, names: claim.people, document: record.id, sentence: claim.sentence)
            result.append(Observation(kind: .names, value: value, order: [documentIndex, 3, claim.start, claim.line], partialList: claim.details["list"] == "partial"))
        }
        if result.isEmpty {
            let value = FactValue(source: record.provenance, line: claim.line, text: claim.sentence, document: record.id, sentence: claim.sentence)
            result.append(Observation(kind: .statement, value: value, order: [documentIndex, 4, claim.start, claim.line]))
        }
        return result
    }
}
