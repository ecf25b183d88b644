import Testing
@testable import Concord

/// The Reconcile stage on hand-made records mirroring Corpus/ (issue 2's decisive case,
/// issue 5's dates and founders).
@Suite struct ReconcileTests {
    let report: ConflictReport

    init() throws {
        report = try HandMadeRecords.reconciler().report(for: HandMadeRecords.corpus)
    }

    func fact(_ predicate: String, round: String? = nil) throws -> Fact {
        try #require(report.facts.first { $0.predicate == predicate && $0.details?["round"] == round })
    }

    @Test func investmentIsOneFactWithEveryValue() throws {
        let investments = report.facts.filter { $0.predicate == "investment" }
        #expect(investments.count == 1)
        let fact = try fact("investment")
        #expect(fact.subject == "Microsoft" && fact.object == "Mistral AI")
        #expect(fact.status == .conflict)
        #expect(fact.values.map(\.text) == ["$16 Million", "6 million", "€15 million", "$16.3 million", "€15 million", "$16.3 million"])
        #expect(fact.values.map(\.source) == [HandMadeRecords.source003, HandMadeRecords.source003, HandMadeRecords.source003, HandMadeRecords.source003, HandMadeRecords.source004, HandMadeRecords.source004])
        #expect(fact.values.map(\.line) == [1, 9, 17, 17, 20, 20])
        #expect(fact.values.map(\.currency) == ["USD", nil, "EUR", "USD", "EUR", "USD"])
    }

    @Test func euroValuesUseTheRateTheirArticleStates() throws {
        let fact = try fact("investment")
        for (index, source) in [(2, "\(HandMadeRecords.source003):17"), (4, "\(HandMadeRecords.source004):20")] {
            let value = fact.values[index]
            #expect(value.usd == ExactDecimal(16_300_000))
            #expect(value.rate == Rate(from: "EUR", to: "USD", value: ExactDecimal("1.0867")!, source: source))
        }
        #expect(fact.values[0].usd == ExactDecimal(16_000_000) && fact.values[0].rate == nil)
        #expect(fact.values[1].usd == nil)
    }

    @Test func decisiveFindings() throws {
        let findings = try fact("investment").findings
        #expect(findings.map(\.kind) == [.consistentAfterConversion, .rounding, .discrepancy])
        let conversion = findings[0]
        #expect(conversion.values == [2, 3, 4, 5])
        #expect(conversion.rate?.value == ExactDecimal("1.0867"))
        #expect(conversion.rate?.source == "\(HandMadeRecords.source003):17")
        #expect(conversion.explanation == "“€15 million” is “$16.3 million” at the rate the articles state (1 EUR = 1.0867 USD, \(HandMadeRecords.source003):17 and \(HandMadeRecords.source004):20).")
        #expect(findings[1].values == [0, 3, 5])
        #expect(findings[1].explanation == "“$16 Million” is “$16.3 million” rounded to the nearest million, the digits it shows.")
        let discrepancy = findings[2]
        #expect(discrepancy.values == [0, 1])
        #expect(discrepancy.explanation.hasPrefix("“6 million” names no currency and fits none of the sums stated"))
        #expect(discrepancy.explanation.contains("as USD it would be $6 million") && discrepancy.explanation.contains("as EUR it would be €6 million"))
        #expect(discrepancy.explanation.contains("a dropped leading “1” would make it 16 million, which matches “$16 Million”"))
    }

    @Test func roundsWithDifferentNamesAreTwoFacts() throws {
        let seriesA = try fact("funding-round", round: "Series A")
        let seed = try fact("funding-round", round: "seed")
        #expect(seriesA.values.map(\.text) == ["$415 million"] && seed.values.map(\.text) == ["$113 million"])
        #expect(seriesA.status == .consistent && seed.status == .consistent)
        #expect(seriesA.details == ["round": "Series A"])
    }

    @Test func valuationIsNeverComparedWithInvestment() throws {
        let valuation = try fact("valuation")
        #expect(valuation.values.map(\.text) == ["$2 billion"])
        #expect(valuation.findings.isEmpty)
    }

    @Test func partnershipDatesDisagree() throws {
        let partnership = try fact("partnership")
        #expect(partnership.status == .conflict)
        #expect(partnership.values.map(\.date) == ["2023-11", "2024-02-27"])
        #expect(partnership.findings.map(\.kind) == [.dateDiscrepancy])
        #expect(partnership.findings[0].values == [0, 1])
        #expect(partnership.findings[0].explanation.contains("dates it 2023-11") && partnership.findings[0].explanation.contains("dates it 2024-02-27"))
    }

    @Test func foundersListSaysWhoIsMissingFromWhich() throws {
        let founders = try fact("founded-by")
        #expect(founders.status == .conflict)
        let finding = try #require(founders.findings.first)
        #expect(finding.kind == .listMismatch)
        #expect(finding.explanation == "\(HandMadeRecords.source000):75 names Arthur Mensch, Timothée Lacroix and Guillaume Lample but not Cedric O, whom \(HandMadeRecords.source004):34 also names.")
    }

    @Test func conflictsComeFirstAndCountDocuments() {
        #expect(report.documents == 3)
        let statuses = report.facts.map(\.status)
        #expect(statuses == statuses.sorted { $0 == .conflict && $1 == .consistent })
        #expect(report.hasConflict)
    }

    @Test func reportIsTheSameWhateverTheRecordOrder() throws {
        let reversed = try HandMadeRecords.reconciler().report(for: HandMadeRecords.corpus.reversed() + [HandMadeRecords.record003])
        #expect(reversed == report)
    }

    @Test func datesWithinTheirPrecisionAgree() throws {
        var early = HandMadeRecords.record000
        early.dates = [HandMadeRecords.date("February 2024", line: 43, value: "2024-02")]
        let partnership = try #require(try HandMadeRecords.reconciler().report(for: [early, HandMadeRecords.record004]).facts.first { $0.predicate == "partnership" })
        #expect(partnership.status == .consistent)
        #expect(partnership.findings.map(\.kind) == [.consistent])
    }

    /// The partnership fact of 000 and 004 with 000's date replaced.
    static func partnership(dating000 date: DateMention) throws -> Fact {
        var record = HandMadeRecords.record000
        record.dates = [date]
        return try #require(try HandMadeRecords.reconciler().report(for: [record, HandMadeRecords.record004]).facts.first { $0.predicate == "partnership" })
    }

    @Test func aPeriodAgreesWithADayItHolds() throws {
        let quarter = try Self.partnership(dating000: HandMadeRecords.date("Q1 2024", line: 43, value: "2024", period: DatePeriod(start: "2024-01-01", end: "2024-03-31")))
        #expect(quarter.findings.map(\.kind) == [.consistent])
        #expect(quarter.findings[0].explanation.contains("gives 2024 (2024-01-01 to 2024-03-31), which holds 2024-02-27"))
        #expect(quarter.values[0].period == DatePeriod(start: "2024-01-01", end: "2024-03-31"))
    }

    @Test func aPeriodDisjointFromTheDayIsADiscrepancy() throws {
        // Same year as Feb. 27, 2024, so comparing values as text prefixes would call it agreement.
        let half = try Self.partnership(dating000: HandMadeRecords.date("H2 2024", line: 43, value: "2024", period: DatePeriod(start: "2024-07-01", end: "2024-12-31")))
        #expect(half.findings.map(\.kind) == [.dateDiscrepancy])
        #expect(half.findings[0].explanation.contains("dates it 2024 (2024-07-01 to 2024-12-31)"))
        let lastWeek = try Self.partnership(dating000: HandMadeRecords.date("last week", line: 43, value: "2024-02", period: DatePeriod(start: "2024-02-12", end: "2024-02-18"), relative: true))
        #expect(lastWeek.findings.map(\.kind) == [.dateDiscrepancy])
    }

    @Test func aPublishingDayNeverContradictsItsOwnArticle() throws {
        // 000 dates the partnership November 2023 on line 43 and, in its lead, only by its
        // publishing day: the discrepancy is with 004, not within 000.
        var record = HandMadeRecords.record000
        record.dates.append(HandMadeRecords.date("28 Feb, 2024", line: 5, value: "2024-02-28"))
        record.claims.append(Claim(subject: "Microsoft", predicate: "partnership", object: "Mistral AI", dates: [1], details: ["dated": "document"], line: 8,
                                   sentence: "Microsoft has hit a new deal with European AI startup Mistral."))
        var dated004 = HandMadeRecords.record004
        dated004.claims[4].details = ["dated": "document"]
        let fact = try #require(try HandMadeRecords.reconciler().report(for: [record, dated004]).facts.first { $0.predicate == "partnership" })
        // Both hand-made dates of 000 start at offset 0: its values keep the order of its dates.
        #expect(fact.values.map(\.text) == ["November 2023", "28 Feb, 2024", "Feb. 27, 2024"])
        #expect(fact.values.map(\.publishingDate) == [nil, true, true])
        #expect(fact.findings.map(\.kind) == [.dateDiscrepancy])
        #expect(fact.findings[0].values == [0, 2])
    }

    @Test func publishingDaysOfTwoArticlesDoNotDisagree() throws {
        var record = HandMadeRecords.record000
        record.dates = [HandMadeRecords.date("March 5, 2024", line: 5, value: "2024-03-05")]
        record.claims[0].details = ["dated": "document"]
        var dated004 = HandMadeRecords.record004
        dated004.claims[4].details = ["dated": "document"]
        let fact = try #require(try HandMadeRecords.reconciler().report(for: [record, dated004]).facts.first { $0.predicate == "partnership" })
        #expect(fact.findings.map(\.kind) == [.consistent])
        #expect(fact.status == .consistent)
    }

    @Test func relativeDateMayBeOffByADay() throws {
        var yesterday = HandMadeRecords.record000
        yesterday.dates = [HandMadeRecords.date("Yesterday", line: 4, value: "2024-02-26", relative: true)]
        let partnership = try #require(try HandMadeRecords.reconciler().report(for: [yesterday, HandMadeRecords.record004]).facts.first { $0.predicate == "partnership" })
        #expect(partnership.findings.map(\.kind) == [.consistent])
    }

    @Test func scaleSlipHint() throws {
        var record = HandMadeRecords.record003
        record.money[1] = HandMadeRecords.money("16 thousand", line: 9, amount: "16000", currency: nil)
        let fact = try #require(try HandMadeRecords.reconciler().report(for: [record]).facts.first { $0.predicate == "investment" })
        let discrepancy = try #require(fact.findings.first { $0.kind == .discrepancy })
        #expect(discrepancy.explanation.contains("a scale slip by a factor of 1,000 would make it 16 million, which matches “$16 Million”"))
    }

    @Test func currencylessValueThatFitsIsNoConflict() throws {
        var record = HandMadeRecords.record003
        record.money[1] = HandMadeRecords.money("15 million", line: 9, start: 300, amount: "15000000", currency: nil)
        let fact = try #require(try HandMadeRecords.reconciler().report(for: [record]).facts.first { $0.predicate == "investment" })
        #expect(fact.status == .consistent)
        let unnamed = try #require(fact.values.firstIndex { $0.text == "15 million" })
        let reading = try #require(fact.findings.first { $0.values.contains(unnamed) })
        #expect(reading.kind == .consistent)
        #expect(reading.explanation.hasPrefix("“15 million” names no currency; read as EUR"))
    }
}

/// Ranges and open bounds against the amounts of their fact.
@Suite struct ReconcileRangeTests {
    func fact(range text: String, min: String?, max: String?, currency: String) throws -> Fact {
        var record = HandMadeRecords.record004
        var mention = HandMadeRecords.money(text, line: 30, start: 4000, amount: nil, currency: currency)
        mention.range = AmountRange(min: min.flatMap(ExactDecimal.init), max: max.flatMap(ExactDecimal.init))
        record.money.append(mention)
        record.claims.append(HandMadeRecords.investment(money: [record.money.count - 1], line: 30, sentence: "Microsoft invested \(text) in Mistral AI."))
        return try #require(try HandMadeRecords.reconciler().report(for: [record]).facts.first { $0.predicate == "investment" })
    }

    func rangeFinding(_ fact: Fact) throws -> Finding {
        let index = try #require(fact.values.firstIndex { $0.range != nil })
        return try #require(fact.findings.first { $0.values.contains(index) && $0.kind != .consistentAfterConversion })
    }

    @Test func amountInsideARangeIsConsistent() throws {
        let fact = try fact(range: "between $10 million and $20 million", min: "10000000", max: "20000000", currency: "USD")
        let finding = try rangeFinding(fact)
        #expect(finding.kind == .consistent && fact.status == .consistent)
        #expect(finding.explanation == "“between $10 million and $20 million” includes “$16.3 million”.")
    }

    @Test func amountOutsideAnOpenBoundIsADiscrepancy() throws {
        let fact = try fact(range: "more than $20 million", min: "20000000", max: nil, currency: "USD")
        let finding = try rangeFinding(fact)
        #expect(finding.kind == .discrepancy && fact.status == .conflict)
        #expect(fact.values.last?.usd == nil && fact.values.last?.range?.min == ExactDecimal(20_000_000))
    }

    @Test func rangeInAnotherCurrencyIsConverted() throws {
        let fact = try fact(range: "up to £14 million", min: nil, max: "14000000", currency: "GBP")
        let finding = try rangeFinding(fact)
        // £14 million at Feb. 2024's mean (1.07947 / 0.854662 ≈ 1.2630 USD per GBP) is about $17.7 million ≥ $16.3 million.
        #expect(finding.kind == .consistent)
        #expect(finding.rate?.from == "GBP" && finding.rate?.value == ExactDecimal("1.263"))
    }
}

/// Percentages of a stake compared within the digits they show.
@Suite struct ReconcilePercentTests {
    func findings(_ first: (String, String), _ second: (String, String)) throws -> [Finding] {
        try fact(PercentMention(span: HandMadeRecords.span(first.0, line: 2), value: ExactDecimal(first.1)!),
                 PercentMention(span: HandMadeRecords.span(second.0, line: 2), value: ExactDecimal(second.1)!)).findings
    }

    func fact(_ first: PercentMention, _ second: PercentMention) throws -> Fact {
        func record(_ id: String, _ mention: PercentMention) -> DocumentRecord {
            DocumentRecord(id: id, source: "\(id).txt", format: .text, percents: [mention],
                           claims: [Claim(subject: "Microsoft", predicate: "stake", object: "OpenAI", percents: [0], line: 2, sentence: "Microsoft holds \(mention.text) of OpenAI.")])
        }
        return try #require(try HandMadeRecords.reconciler().report(for: [record("a", first), record("b", second)]).facts.first)
    }

    func ranged(_ text: String, min: String?, max: String?) -> PercentMention {
        PercentMention(span: HandMadeRecords.span(text, line: 2), value: nil, range: AmountRange(min: min.flatMap(ExactDecimal.init), max: max.flatMap(ExactDecimal.init)))
    }

    @Test func stakeInsideAnotherSourcesRangeIsConsistent() throws {
        let fact = try fact(PercentMention(span: HandMadeRecords.span("49%", line: 2), value: 49), ranged("between 40% and 50%", min: "40", max: "50"))
        #expect(fact.status == .consistent)
        #expect(fact.findings.map(\.kind) == [.consistent])
        #expect(fact.findings.first?.explanation == "“between 40% and 50%” includes “49%”.")
        #expect(fact.values.last?.percent == nil && fact.values.last?.percentRange == AmountRange(min: 40, max: 50))
    }

    @Test func stakeOutsideAnotherSourcesBoundIsADiscrepancy() throws {
        let fact = try fact(PercentMention(span: HandMadeRecords.span("49%", line: 2), value: 49), ranged("more than 60%", min: "60", max: nil))
        #expect(fact.status == .conflict)
        #expect(fact.findings.map(\.kind) == [.discrepancy])
        #expect(fact.findings.first?.explanation.hasPrefix("“more than 60%” cannot include “49%”") == true)
    }

    @Test func percentRangeIsWrittenInTheReport() {
        let value = FactValue(source: "a.txt", line: 2, text: "10-15%", percentRange: AmountRange(min: 10, max: 15))
        #expect(ReportWording.normalized(value) == "10–15%")
        let bound = FactValue(source: "a.txt", line: 2, text: "up to 30%", percentRange: AmountRange(min: nil, max: 30))
        #expect(ReportWording.normalized(bound) == "≤ 30%")
    }

    @Test func samePercentInTwoArticles() throws {
        #expect(try findings(("49%", "49"), ("49 percent", "49")).map(\.kind) == [.consistent])
    }

    @Test func roundedPercent() throws {
        let found = try findings(("49%", "49"), ("49.2%", "49.2"))
        #expect(found.map(\.kind) == [.rounding])
        #expect(found.first?.explanation == "“49%” is “49.2%” rounded to a whole number, the digits it shows.")
    }

    @Test func differentPercents() throws {
        let found = try findings(("49%", "49"), ("51%", "51"))
        #expect(found.map(\.kind) == [.discrepancy])
        #expect(found.first?.explanation == "“51%” and “49%” differ by 2%, more than the digits they show allow.")
    }
}

@Suite struct ReconcileRecordOrderTests {
    @Test func distinctRecordsSharingSourceAndIdAreAllKept() throws {
        var first = HandMadeRecords.record004
        var second = HandMadeRecords.record003
        (first.source, first.id, second.source, second.id) = ("-", "stdin", "-", "stdin")
        let reconciler = try HandMadeRecords.reconciler()
        let report = reconciler.report(for: [first, second, first])
        #expect(report.documents == 2)
        #expect(report == reconciler.report(for: [second, first]))
    }
}

/// A claim that states no value still shows its evidence, and the report says why nothing is compared.
@Suite struct ReconcileStatementTests {
    func record(_ id: String) -> DocumentRecord {
        DocumentRecord(id: id, source: "\(id).txt", format: .text,
                       claims: [Claim(subject: "Banco Meridiano", predicate: "acquisition", object: "Aurelia Pay", line: 3, sentence: "Banco Meridiano rachète Aurelia Pay.")])
    }

    @Test func aClaimWithoutValuesIsListedWithItsSentence() throws {
        let fact = try #require(try HandMadeRecords.reconciler().report(for: [record("a")]).facts.first)
        #expect(fact.values.map(\.text) == ["Banco Meridiano rachète Aurelia Pay."])
        #expect(fact.values.first?.line == 3 && fact.values.first?.amount == nil && fact.values.first?.names == nil)
        #expect(fact.findings.isEmpty && fact.status == .consistent)
        #expect(ReportWording.nothingToCompare(fact) == "Nothing to compare: one source states it.")
        #expect(ReportWording.normalized(fact.values[0]) == "stated, no value")
    }

    @Test func twoSourcesWithoutValuesAreNotOneSource() throws {
        let fact = try #require(try HandMadeRecords.reconciler().report(for: [record("a"), record("b")]).facts.first)
        #expect(fact.values.count == 2 && fact.findings.isEmpty)
        #expect(ReportWording.nothingToCompare(fact) == "Nothing to compare: 2 sources state it, no two with a value of the same kind.")
    }
}

/// A list of founders is short of a name another article gives when it is the whole list the
/// article states ("founded by Priya Raman"), even of one name; a partial one ("co-founder
/// Priya Raman") is not.
@Suite struct FounderListTests {
    private static func record(_ id: String, people: [String], details: [String: String] = [:]) -> DocumentRecord {
        let sentence = "Lumora was founded by \(people.joined(separator: " and "))."
        let claim = Claim(subject: "Lumora", predicate: "founded-by", object: "", people: people, details: details, line: 1, sentence: sentence, start: 0, end: sentence.count)
        return DocumentRecord(id: id, source: id + ".txt", format: .text, claims: [claim])
    }

    private static func findings(_ records: [DocumentRecord]) throws -> [Finding] {
        try #require(try Reconciler(rules: Fixtures.rules).report(for: records).facts.first { $0.predicate == "founded-by" }).findings
    }

    @Test func wholeListOfOneNameIsShortOfTheOther() throws {
        let findings = try Self.findings([Self.record("a", people: ["Priya Raman", "Tomasz Nowak"]), Self.record("b", people: ["Priya Raman"]),
                                          Self.record("c", people: ["Priya Raman", "Tomasz Nowak"])])
        #expect(findings.map(\.kind) == [.listMismatch])
        #expect(findings.first?.explanation == "b.txt:1 names Priya Raman but not Tomasz Nowak, whom a.txt:1 and c.txt:1 also name.")
    }

    /// Lists that agree are said to give the same names: investors and partners are as often
    /// organisations as people.
    @Test func listsThatAgreeGiveTheSameNames() throws {
        let findings = try Self.findings([Self.record("a", people: ["Priya Raman", "Tomasz Nowak"]), Self.record("b", people: ["Priya Raman", "Tomasz Nowak"])])
        #expect(findings.map(\.kind) == [.consistent])
        #expect(findings.first?.explanation == "2 articles give the same names: Priya Raman and Tomasz Nowak.")
    }

    @Test func partialListOfOneNameIsShortOfNobody() throws {
        let findings = try Self.findings([Self.record("a", people: ["Priya Raman", "Tomasz Nowak"]), Self.record("b", people: ["Priya Raman"], details: ["list": "partial"])])
        #expect(!findings.contains { $0.kind == .listMismatch })
    }
}

/// A round an article does not name joins the one round the other articles name for the
/// company, and stays apart when they name two.
@Suite struct UnnamedRoundTests {
    private static func record(_ id: String, round: String) -> DocumentRecord {
        let sentence = "Veritas raised €60 million in a \(round)."
        let money = MoneyMention(span: SourceSpan(text: "€60 million", start: 15, end: 26, line: 1, bytes: 15..<26), amount: ExactDecimal(60_000_000), currency: "EUR")
        let claim = Claim(subject: "Veritas", predicate: "funding-round", object: round, money: [0], details: ["round": round], line: 1, sentence: sentence, start: 0, end: sentence.count)
        return DocumentRecord(id: id, source: id + ".txt", format: .text, money: [money], claims: [claim])
    }

    private static func rounds(_ records: [DocumentRecord]) throws -> [String] {
        try Reconciler(rules: Fixtures.rules).report(for: records).facts.filter { $0.predicate == "funding-round" }.map(\.object).sorted()
    }

    @Test func unnamedRoundJoinsTheOnlyNamedOne() throws {
        #expect(try Self.rounds([Self.record("a", round: "Series B"), Self.record("b", round: "Funding round")]) == ["Series B"])
    }

    @Test func unnamedRoundStaysApartFromTwoNamedOnes() throws {
        #expect(try Self.rounds([Self.record("a", round: "Series B"), Self.record("b", round: "Funding round"), Self.record("c", round: "Seed")])
                == ["Funding round", "Seed", "Series B"])
    }
}
