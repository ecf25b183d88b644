import Foundation
import Testing
@testable import Concord

/// Percentages: the rule files' examples, the seed article's "49%", and numbers that are
/// not percentages.
@Suite struct PercentTests {
    static let extractor: PercentExtractor = {
        do { return try PercentExtractor(rules: Fixtures.rules) } catch { fatalError("percent rules do not compile: \(error)") }
    }()

    static func percents(_ text: String, language: String = "en") throws -> [PercentMention] {
        try extractor.mentions(in: Fixtures.tokenized(text, language: language))
    }

    @Test(arguments: RuleExample.all(in: "percent"))
    func ruleExample(_ example: RuleExample) throws {
        let found = try Self.percents(example.text, language: example.language ?? "en")
        guard let expect = example.expect else {
            #expect(found.isEmpty, "\(example.origin): found \(found.map(\.text))")
            return
        }
        #expect(found.count == 1, "\(example.origin): found \(found.map(\.text))")
        let found1 = found.first
        #expect(found1?.value?.description == Self.decimal(expect["value"]), "\(example.origin) value")
        #expect(found1?.points == (expect["points"]?.scalar == "true"), "\(example.origin) points")
        #expect(found1?.approximate == (expect["approximate"]?.scalar == "true"), "\(example.origin) approximate")
        if let range = expect["range"] {
            #expect(found1?.range?.min?.description == Self.decimal(range["min"]), "\(example.origin) range.min")
            #expect(found1?.range?.max?.description == Self.decimal(range["max"]), "\(example.origin) range.max")
        } else {
            #expect(found1?.range == nil, "\(example.origin) range")
        }
    }

    /// A decimal as the examples write it; `null` (or nothing) is none.
    static func decimal(_ node: RuleNode?) -> String? {
        node?.scalar.flatMap { $0 == "null" || $0.isEmpty ? nil : $0 }
    }

    @Test func seedArticle000() throws {
        let url = Fixtures.root.appendingPathComponent("Corpus/000_f04260d33bd6e71a.txt")
        let found = try Self.percents(try String(contentsOf: url, encoding: .utf8))
        // "entitled to up to 49% of the for-profit arm": a bound, not a stake of 49%.
        #expect(found.map(\.text) == ["49%"])
        #expect(found.first?.value == nil && found.first?.range == AmountRange(min: nil, max: 49))
        #expect(found.first?.line == 71)
    }

    /// "0.125 %" reads in the document's number style, as money does (numbers/en.yaml).
    @Test func numberStyleFollowsTheRegion() throws {
        #expect(try Self.percents("La tasa subió 0.125 %.", language: "es-MX").first?.value == ExactDecimal("0.125"))
        #expect(try Self.percents("La tasa subió 0,125 %.", language: "es-ES").first?.value == ExactDecimal("0.125"))
        #expect(try Self.percents("La tasa subió 1.500 %.", language: "es-ES").first?.value == 1500)
    }

    @Test func newswire() throws {
        let found = try Self.percents("Profit rose 10.5 pct, margins widened 1.5 percentage points and rates fell 25 basis points.")
        #expect(found.map(\.value) == [ExactDecimal("10.5"), ExactDecimal("1.5"), ExactDecimal("0.25")])
        #expect(found.map(\.points) == [false, true, true])
    }
}

/// Qualifiers of percentages in running text: changes and lists are not ranges.
@Suite struct PercentQualifierTests {
    @Test func changeFromOnePercentToAnotherIsNoRange() throws {
        let found = try PercentTests.percents("Its margin rose from 5% to 10% last year.")
        #expect(found.map(\.value) == [5, 10])
        #expect(found.allSatisfy { $0.range == nil })
    }

    @Test func twoPercentsJoinedByAndAreTwoValues() throws {
        let found = try PercentTests.percents("Shares rose 10% and bonds 20% this year.")
        #expect(found.map(\.value) == [10, 20])
    }

    @Test func aRangeWithoutAnOpenWordIsNarrow() throws {
        let found = try PercentTests.percents("BANK UPS BASE RATE 1/4 PCT TO 8-1/4 PCT")
        #expect(found.map(\.value) == [ExactDecimal("0.25"), ExactDecimal("8.25")])
        #expect(try PercentTests.percents("Rates range from 1/4 pct to 8-1/4 pct.").first?.range == AmountRange(min: ExactDecimal("0.25"), max: ExactDecimal("8.25")))
    }

    @Test func aRangeMustRise() throws {
        let found = try PercentTests.percents("The ratio was 15-10% in the test.")
        #expect(found.map(\.text) == ["10%"])
        #expect(found.first?.range == nil)
    }

    @Test func eachLanguageReadsItsOwnArticles() throws {
        let spanish = try PercentTests.percents("La cuota subirá entre el 10 y el 20 % este año.", language: "es")
        #expect(spanish.map(\.text) == ["10 y el 20 %"])
        #expect(spanish.first?.range == AmountRange(min: 10, max: 20))
        let italian = try PercentTests.percents("La quota è salita fino al 30% e poi circa il 5%.", language: "it")
        #expect(italian.map(\.value) == [30, 5])
        #expect(italian.map(\.approximate) == [false, true])
        let french = try PercentTests.percents("La part passe à environ 5 %, puis à plus de 20 % et entre 10 et 15 %.", language: "fr")
        #expect(french.map(\.value) == [5, nil, nil])
        #expect(french.map(\.range) == [nil, AmountRange(min: 20, max: nil), AmountRange(min: 10, max: 15)])
        let german = try PercentTests.percents("Der Anteil liegt bei rund 5 Prozent, höchstens 7 Prozent.", language: "de")
        #expect(german.map(\.value) == [5, nil])
        #expect(german.last?.range == AmountRange(min: nil, max: 7))
    }
}
