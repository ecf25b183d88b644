import Foundation
import Testing
@testable import Concord

/// The direct JSON writer of records: the same JSON as Foundation's encoder, deterministic.
@Suite struct BatchRecordWritingTests {
    /// A span with an empty byte range: byte ranges are not written, so the record reads back equal.
    static func span(_ text: String, _ start: Int) -> SourceSpan {
        SourceSpan(text: text, start: start, end: start + text.unicodeScalars.count, line: 3, bytes: 0..<0)
    }

    static let record = DocumentRecord(
        id: "mistral/01", source: "Corpus/a \"b\"\\c.txt", format: .html, title: "Microsoft’s €15 million\n\tbet\u{1}", published: nil, language: "en-GB",
        money: [
            MoneyMention(span: span("€15 million", 10), amount: ExactDecimal("15000000"), currency: "EUR", approximate: true, equivalent: 1),
            MoneyMention(span: span("6 million", 40), amount: nil, currency: nil, range: AmountRange(min: ExactDecimal("10"), max: nil)),
        ],
        dates: [DateMention(span: span("Feb. 27, 2024", 70), value: "2024-02-27", relative: false)],
        percents: [PercentMention(span: span("49%", 90), value: ExactDecimal("49")!),
                   PercentMention(span: span("about 10-15%", 95), value: nil, approximate: true, range: AmountRange(min: ExactDecimal("10"), max: ExactDecimal("15")))],
        entities: [EntityMention(span: span("Mistral’s", 5), type: .organization, name: "Mistral AI")],
        claims: [Claim(subject: "Microsoft", predicate: "investment", object: "Mistral AI", money: [0, 1], details: ["zeta": "z", "alpha": "a", "mid": "m"], line: 3, sentence: "Microsoft made a €15 million investment.")],
        warnings: [DocumentWarning(code: "invalid-utf8", message: "decoded as Windows-1252")])

    @Test func writesWhatFoundationWrites() throws {
        let line = try RecordCoding.line(for: Self.record)
        #expect(!line.contains("\n"))
        let foundation = JSONEncoder()
        foundation.outputFormatting = .sortedKeys
        let ours = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? NSDictionary
        let theirs = try JSONSerialization.jsonObject(with: foundation.encode(Self.record)) as? NSDictionary
        #expect(ours != nil && ours == theirs)
        #expect(try RecordCoding.record(from: line) == Self.record)
    }

    @Test func keysComeInTheirFixedOrderAndNullsAreWritten() throws {
        let line = try RecordCoding.line(for: Self.record)
        #expect(line.hasPrefix(#"{"id":"mistral/01","source":"Corpus/a \"b\"\\c.txt","format":"html","title":"Microsoft’s €15 million\n\tbet\u0001","published":null,"language":"en-GB","money":[{"text":"€15 million","start":10,"end":21,"line":3,"amount":"15000000","currency":"EUR","approximate":true,"range":null,"equivalent":1}"#))
        // A dictionary's keys are sorted, whatever the process's hash seed.
        #expect(line.contains(#""details":{"alpha":"a","mid":"m","zeta":"z"}"#))
    }

    /// Amounts are written as the plain decimal `ExactDecimal.description` gives, whether the
    /// writer makes the digits itself (a significand of up to 18 digits) or falls back to it.
    @Test func decimalsAreWrittenAsTheirPlainDescription() {
        func written(_ value: ExactDecimal) -> String {
            var writer = RecordJSONWriter(capacity: 64)
            writer.decimal(value)
            return writer.text
        }
        // Checked by hand.
        #expect(written(ExactDecimal(significand: 163, exponent: 5)) == #""16300000""#)
        #expect(written(ExactDecimal(significand: -25, exponent: -3)) == #""-0.025""#)
        #expect(written(ExactDecimal("-2.50")!) == #""-2.5""#)
        #expect(written(ExactDecimal("0")!) == #""0""#)
        #expect(written(ExactDecimal("123456789012345678901234567890")!) == #""123456789012345678901234567890""#)
        // Against the description itself, over values made every way amounts are made.
        var values = ["-0", "7", "0.001", "1.10", "999999999999999999", "1000000000000000000", "1999999999999999999", "899999999999999999.9", "18446744073709551616", "0.000123456789012345678901"].compactMap(ExactDecimal.init)
        for significand in [1, 9, 10, 99, 12345, -40, 1_000_000_007] {
            for exponent in -12...12 { values.append(ExactDecimal(significand: significand, exponent: exponent)) }
        }
        values += [ExactDecimal(2).divided(by: 3), ExactDecimal(10).divided(by: 4, scale: 2), ExactDecimal("15.5")! * 1_000_000]
        for value in values {
            #expect(written(value) == "\"\(value.description)\"", "\(value)")
        }
    }
}
