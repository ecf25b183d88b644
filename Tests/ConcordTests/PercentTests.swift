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
        #expect(found.first?.value.description == expect["value"]?.scalar, "\(example.origin) value")
        #expect(found.first?.points == (expect["points"]?.scalar == "true"), "\(example.origin) points")
    }

    @Test func seedArticle000() throws {
        let url = Fixtures.root.appendingPathComponent("Corpus/000_f04260d33bd6e71a.txt")
        let found = try Self.percents(try String(contentsOf: url, encoding: .utf8))
        #expect(found.map(\.text) == ["49%"])
        #expect(found.first?.value == 49)
        #expect(found.first?.line == 71)
    }

    @Test func newswire() throws {
        let found = try Self.percents("Profit rose 10.5 pct, margins widened 1.5 percentage points and rates fell 25 basis points.")
        #expect(found.map(\.value) == [ExactDecimal("10.5"), ExactDecimal("1.5"), ExactDecimal("0.25")])
        #expect(found.map(\.points) == [false, true, true])
    }
}
