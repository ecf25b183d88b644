import Testing
@testable import Concord

/// The dated rate table and the order of conversion: a rate the same article states, one
/// another article states for that date, the table at the document's date, the table at
/// the run's reference date.
@Suite struct FXTests {
    let table: ExchangeRateTable

    init() throws {
        table = try ExchangeRateTable(rules: Fixtures.rules)
    }

    /// fx.yaml's examples: "FROM TO DATE" gives the table's rate (checked by hand against
    /// the ECB's monthly means, e.g. GBP→USD July 2016 = 1.10685 / 0.841058 = 1.31602).
    @Test(arguments: RuleExample.all(in: "fx"))
    func tableRate(example: RuleExample) throws {
        let parts = example.text.split(separator: " ").map(String.init)
        try #require(parts.count == 3)
        let conversion = table.conversion(from: parts[0], to: parts[1], at: parts[2])
        if let expect = example.expect {
            #expect(conversion?.rate.value.description == expect.scalar, "\(example.origin)")
        } else {
            #expect(conversion == nil, "\(example.origin)")
        }
    }

    @Test func tableCoversTheWholeHistory() {
        #expect(table.firstMonth == "1999-01" && table.lastMonth == "2026-10")
        #expect(table.knows("GBP") && table.knows("EUR") && !table.knows("XXX"))
    }

    @Test func spreadComesFromTheMonthsRange() throws {
        let conversion = try #require(table.conversion(from: "EUR", to: "USD", at: "2024-02-27"))
        // (1.0883 - 1.0713) / (2 × 1.07947) ≈ 0.0079 for USD; EUR is the base (no spread).
        #expect(conversion.spread > ExactDecimal("0.0078")! && conversion.spread < ExactDecimal("0.0080")!)
        #expect(conversion.apply(ExactDecimal(15_000_000)) == ExactDecimal("16192050")!)
    }

    // MARK: Conversion order

    /// A document with one investment of €30 million and nothing else.
    static func thirtyMillionEuros(published: String?) -> DocumentRecord {
        DocumentRecord(
            id: "other", source: "other.txt", format: .text, published: published,
            money: [HandMadeRecords.money("€30 million", line: 5, amount: "30000000", currency: "EUR")],
            claims: [HandMadeRecords.investment(money: [0], line: 5, sentence: "Microsoft invested €30 million in Mistral AI.")])
    }

    func euroValue(published: String?, referenceDate: String? = nil) throws -> FactValue {
        let report = try HandMadeRecords.reconciler(referenceDate: referenceDate).report(for: [HandMadeRecords.record004, Self.thirtyMillionEuros(published: published)])
        let fact = try #require(report.facts.first { $0.predicate == "investment" })
        return try #require(fact.values.first { $0.text == "€30 million" })
    }

    @Test func rateStatedElsewhereInTheCorpusForThatDate() throws {
        let value = try euroValue(published: "2024-02-28")
        #expect(value.usd == ExactDecimal(32_600_000))
        #expect(value.rate == Rate(from: "EUR", to: "USD", value: ExactDecimal("1.0867")!, source: "\(HandMadeRecords.source004):20"))
    }

    @Test func tableAtTheDocumentsDate() throws {
        let value = try euroValue(published: "2024-06-15")
        #expect(value.usd == ExactDecimal(32_277_000))
        #expect(value.rate == Rate(from: "EUR", to: "USD", value: ExactDecimal("1.0759")!, source: "Rules/fx/ecb-monthly.csv (ECB monthly mean 2024-06)"))
    }

    @Test func tableAtTheReferenceDate() throws {
        let latest = try euroValue(published: nil)
        #expect(latest.usd == ExactDecimal(33_604_800))
        #expect(latest.rate?.source == "Rules/fx/ecb-monthly.csv (ECB monthly mean 2026-10, the run's reference date)")
        let given = try euroValue(published: nil, referenceDate: "2016-07-20")
        #expect(given.usd == ExactDecimal(33_205_500))
        #expect(given.rate?.source == "Rules/fx/ecb-monthly.csv (ECB monthly mean 2016-07, the run's reference date)")
    }

    @Test func rateStatedInTheSameArticleComesFirst() throws {
        var record = Self.thirtyMillionEuros(published: "2024-02-27")
        record.money.append(HandMadeRecords.money("€10 million", line: 7, start: 100, amount: "10000000", currency: "EUR", equivalent: 2))
        record.money.append(HandMadeRecords.money("$11 million", line: 7, start: 120, amount: "11000000", currency: "USD"))
        let report = try HandMadeRecords.reconciler().report(for: [HandMadeRecords.record004, record])
        let fact = try #require(report.facts.first { $0.predicate == "investment" })
        let value = try #require(fact.values.first { $0.text == "€30 million" })
        #expect(value.usd == ExactDecimal(33_000_000))
        #expect(value.rate?.source == "other.txt:7")
    }
}

/// The tolerance cases of reconcile/common.yaml: two values in one dated document, and the
/// kind of finding comparing them ($16 million vs $16.3 million, €15 million vs
/// $16.3 million on 2024-02-27, £24 billion vs $32 billion in July 2016, ¥ vs $).
@Suite struct ToleranceTests {
    @Test(arguments: RuleExample.all(in: "reconcile"))
    func tolerance(example: RuleExample) throws {
        let expect = try #require(example.expect)
        let texts = example.text.components(separatedBy: " | ")
        let values = try expect.strings("values")
        try #require(texts.count == 2 && values.count == 2)
        let money = zip(texts, values).enumerated().map { index, pair in
            let parts = pair.1.split(separator: " ").map(String.init)
            let approximate = parts[0].hasPrefix("~")
            return HandMadeRecords.money(pair.0, line: 3, start: index * 40, amount: String(parts[0].drop { $0 == "~" }), currency: parts[1], approximate: approximate)
        }
        let record = DocumentRecord(id: "pair", source: "pair.txt", format: .text, published: try expect.string("date"), money: money,
                                    claims: [HandMadeRecords.investment(money: [0, 1], line: 3, sentence: example.text)])
        let fact = try #require(try HandMadeRecords.reconciler().report(for: [record]).facts.first)
        #expect(fact.findings.map(\.kind.rawValue) == [try expect.string("kind")], "\(example.origin): \(fact.findings.map(\.explanation))")
    }
}
