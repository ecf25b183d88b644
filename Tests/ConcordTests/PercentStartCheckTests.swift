import Testing
@testable import Concord

/// The start finder of the percent scan (``MoneyStarts`` built from the written number words
/// and the signs, ``NumberRules/writtenStarts``) must never pass over an offset where the
/// scan matches: at every offset of every text here, in every language's grammar, a match
/// of the pattern is at an offset the finder stops at, and the filtered scan finds what a
/// scan at every offset finds. The texts: the percent rule examples, the number rule
/// examples followed by each language's signs, and cases written for the finder.
@Suite struct PercentStartCheckTests {
    static let extractor: PercentExtractor = {
        do { return try PercentExtractor(rules: Fixtures.rules) } catch { fatalError("percent rules do not compile: \(error)") }
    }()

    static let signs = ["%", " %", "-percent", " pct", " per cent", " percentage points", " basis points", "bps", " Prozent", "-Prozent",
                        " Prozentpunkte", " pour cent", " points de pourcentage", " por ciento", " puntos porcentuales", " per cento", " punti percentuali"]

    static let written: [String] = [
        "It rose 15 mln dlrs, or 5 pct, to 1,750 dlrs; a 20-percent stake, a year ago 3.5%-4% and 8-1/4 pct, 8 3/4 pct.",
        "one hundred and five per cent, twenty-five percent, fiftyfive pct, a quarter percent, half a percentage point, ahundred%.",
        "“5%” and ‘12.5pc’, 25bp, ½%, 5’000 %, 1\u{A0}500 %, 12,34,567.89 pct, 0.5\npct, and 7 percent.",
        "siebenhundert Prozent, zwei Komma fünf Prozent, quatre-vingt-dix pour cent, dos y medio por ciento, venticinque per cento.",
        "The KELVIN sign: \u{212A} percent, ſix percent, ſeven pct, FIVE PERCENT, Ten Per Cent.",
    ]

    static var texts: [String] {
        var texts = written + RuleExample.all(in: "percent").map(\.text)
        for number in RuleExample.all(in: "numbers").map(\.text) {
            texts += signs.map { number + $0 }
        }
        return texts
    }

    @Test func startsNeverPassOverAMatch() throws {
        let texts = Self.texts
        var matched = 0, checked: Set<String> = []
        for language in Self.extractor.grammars.languages {
            let grammar = try #require(try Self.extractor.grammars.grammar(for: language))
            guard let starts = grammar.starts else { continue }
            checked.insert(language)
            for text in texts {
                let buffer = TextBuffer(text)
                let count = buffer.byteCount
                try buffer.withBytes { bytes in
                    for offset in 0..<count where bytes[offset] & 0xC0 != 0x80 {
                        guard try grammar.pattern.anchoredMatch(in: buffer, at: offset, to: count) != nil else { continue }
                        matched += 1
                        #expect(starts.nextStart(bytes, count: count, from: offset) == offset,
                                "\(language) at \(offset): \(buffer.string(offset..<min(count, offset + 40)))")
                    }
                }
            }
        }
        #expect(matched > 1000)
        // German writes "ß", which a caseless match may take for "ss": its scan runs unfiltered.
        #expect(checked == ["en", "es", "fr", "it"])
    }

    /// The filtered scan finds what a scan at every offset finds.
    @Test func filteredScanFindsEveryMatch() throws {
        for language in Self.extractor.grammars.languages {
            let grammar = try #require(try Self.extractor.grammars.grammar(for: language))
            guard let starts = grammar.starts else { continue }
            for text in Self.written + RuleExample.all(in: "percent").map(\.text) {
                let buffer = TextBuffer(text)
                var filtered: [Range<Int>] = [], everywhere: [Range<Int>] = []
                try ChunkedScan.forEachMatch(grammar.pattern, in: buffer, prefilter: grammar.signOrPoints, startingAt: starts) { filtered.append($0.range) }
                try ChunkedScan.forEachMatch(grammar.pattern, in: buffer) { everywhere.append($0.range) }
                #expect(filtered == everywhere, "\(language): \(text)")
            }
        }
    }
}
