import Testing
@testable import Concord

/// The reconciler gives each entity one name across documents before grouping claims.
@Suite struct ReconcileCanonicalTests {
    private static func record(_ id: String, object: String, source: String? = nil, format: DocumentFormat = .text) -> DocumentRecord {
        let sentence = "Globex invested $5 million in \(object)."
        let money = MoneyMention(span: SourceSpan(text: "$5 million", start: 16, end: 26, line: 1, bytes: 16..<26), amount: ExactDecimal(5_000_000), currency: "USD")
        let entities = [
            EntityMention(span: SourceSpan(text: "Globex", start: 0, end: 6, line: 1, bytes: 0..<6), type: .organization, name: "Globex"),
            EntityMention(span: SourceSpan(text: object, start: 30, end: 30 + object.count, line: 1, bytes: 30..<(30 + object.count)), type: .organization, name: object),
        ]
        let claim = Claim(subject: "Globex", predicate: "investment", object: object, money: [0], line: 1, sentence: sentence, start: 0, end: sentence.count)
        return DocumentRecord(id: id, source: source ?? id + ".txt", format: format, money: [money], entities: entities, claims: [claim])
    }

    @Test func shortFormInOneArticleMeetsTheFullNameInAnother() throws {
        let records = [Self.record("a", object: "Acme Robotics"), Self.record("b", object: "Acme")]
        let report = try Reconciler(rules: Fixtures.rules).report(for: records)
        let investments = report.facts.filter { $0.predicate == "investment" }
        #expect(investments.map(\.object) == ["Acme Robotics"], "one fact under the full name, not one per spelling")
        #expect(investments.first?.values.count == 2)
    }

    /// Two documents of one JSON Lines file are told apart in the report by their ids.
    @Test func valuesOfAJSONLinesFileNameTheirDocument() throws {
        let records = [Self.record("es-1", object: "Acme", source: "feed.jsonl", format: .jsonl),
                       Self.record("it-1", object: "Acme", source: "feed.jsonl", format: .jsonl),
                       Self.record("c", object: "Acme")]
        let report = try Reconciler(rules: Fixtures.rules).report(for: records)
        let values = try #require(report.facts.first { $0.predicate == "investment" }).values
        #expect(Set(values.map(\.source)) == ["feed.jsonl#es-1", "feed.jsonl#it-1", "c.txt"])
    }

    private static func round(_ id: String, _ amount: Int, round: String) -> DocumentRecord {
        let text = "€\(amount) million"
        let sentence = "Pagora raised \(text)."
        let money = MoneyMention(span: SourceSpan(text: text, start: 14, end: 14 + text.count, line: 1, bytes: 14..<(14 + text.utf8.count)),
                                 amount: ExactDecimal(amount * 1_000_000), currency: "EUR")
        let claim = Claim(subject: "Pagora", predicate: "funding-round", object: round, money: [0], details: ["round": round],
                          line: 1, sentence: sentence, start: 0, end: sentence.count)
        return DocumentRecord(id: id, source: id + ".txt", format: .text, money: [money], claims: [claim])
    }

    /// A round one article leaves unnamed is the one round another names for the company;
    /// where the corpus names two, the one whose sum it repeats exactly, else it stays apart.
    @Test func anUnnamedRoundIsTheOneTheCorpusNames() throws {
        let reconciler = try Reconciler(rules: Fixtures.rules)
        let one = reconciler.report(for: [Self.round("a", 40, round: "Series B"), Self.round("b", 45, round: "Funding round")])
        #expect(one.facts.map(\.object) == ["Series B"])
        #expect(one.facts.first?.values.count == 2)
        #expect(one.facts.first?.status == .conflict)
        let two = reconciler.report(for: [Self.round("a", 40, round: "Series B"), Self.round("b", 45, round: "Funding round"), Self.round("c", 10, round: "Seed")])
        #expect(Set(two.facts.map(\.object)) == ["Series B", "Funding round", "Seed"])
        let repeated = reconciler.report(for: [Self.round("a", 40, round: "Series B"), Self.round("b", 40, round: "Funding round"), Self.round("c", 10, round: "Seed")])
        #expect(Set(repeated.facts.map(\.object)) == ["Series B", "Seed"])
        #expect(repeated.facts.first { $0.object == "Series B" }?.values.count == 2)
        // A sum both named rounds were stated with settles nothing.
        let both = reconciler.report(for: [Self.round("a", 40, round: "Series B"), Self.round("b", 40, round: "Funding round"), Self.round("c", 40, round: "Seed")])
        #expect(Set(both.facts.map(\.object)) == ["Series B", "Funding round", "Seed"])
    }
}
